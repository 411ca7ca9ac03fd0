
ALTER TABLE task ADD COLUMN sort_key INTEGER GENERATED ALWAYS AS
    ((completed_on IS NOT NULL) * 4294967296 + coalesce(due_ord, 2147483647)) VIRTUAL;
CREATE INDEX task_order ON task(sort_key, id);
CREATE INDEX task_unit_order ON task(lead_unit_id, sort_key, id);
