-- 12: the accountability chain (R5.5–R5.7).
--
-- A missed promise is a fact: a task's `unanswered_promise` is the earliest promised date of its
-- explanations that was not kept (not completed on or before it) and not answered by a criticism
-- naming the task, or a waiver of it, dated after it (`domain::promise::unanswered_promise`). The
-- task is due for a criticism on any day after it, even once done. Derived like `promised_on` and
-- `criticised`, kept in the same transaction as every write of explanations, criticisms, waivers
-- and completions; `duban check` compares it with a recount.
--
-- A waiver (不予通报批评) is an editor's dated decision, with a reason, that no criticism will be
-- issued for a task's missed promise. Referrals keep what each step was given: the proposal's
-- reason, the county government's approval (its document number or opinion), the referral
-- decision, beside the conclusion's outcome and the not-refer reason they kept already.
CREATE TABLE waiver (
    id       INTEGER PRIMARY KEY,
    task_id  INTEGER NOT NULL REFERENCES task(id),
    date     TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (trim(reason) <> ''),
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX waiver_task ON waiver(task_id, date);
INSERT INTO id_used (tbl, last) VALUES ('waiver',
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'waiver'));
CREATE TRIGGER waiver_id_used AFTER INSERT ON waiver BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'waiver' AND last < NEW.id;
END;

ALTER TABLE task ADD COLUMN unanswered_promise TEXT;
UPDATE task AS t SET unanswered_promise = (
    SELECT min(e.promised_on) FROM explanation e
    WHERE e.task_id = t.id
      AND (t.completed_on IS NULL OR t.completed_on > e.promised_on)
      AND NOT EXISTS (SELECT 1 FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
                      WHERE ct.task_id = t.id AND c.date > e.promised_on))
WHERE t.id IN (SELECT task_id FROM explanation);
CREATE INDEX task_unanswered ON task(unanswered_promise) WHERE unanswered_promise IS NOT NULL;
DROP INDEX task_open_figures;
CREATE INDEX task_open_figures ON task(completed_on, lead_unit_id, due_ord, due, limit_kind,
    last_progress_on, assigned_on, promised_on, criticised, unanswered_promise)
    WHERE completed_on IS NULL;

ALTER TABLE referral ADD COLUMN proposal_reason TEXT;
ALTER TABLE referral ADD COLUMN approval TEXT;
ALTER TABLE referral ADD COLUMN decision TEXT;
