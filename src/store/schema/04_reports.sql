
CREATE INDEX task_due ON task(due, lead_unit_id, completed_on);
CREATE INDEX task_exempt ON task(lead_unit_id, completed_on, last_progress_on, assigned_on)
    WHERE limit_kind = 'exempt';
CREATE INDEX explanation_submitted ON explanation(submitted_on, task_id);
CREATE INDEX explanation_promised ON explanation(promised_on, task_id);
