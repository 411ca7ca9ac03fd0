
CREATE TABLE unit_count (
    unit_id     INTEGER PRIMARY KEY REFERENCES unit(id),
    tasks       INTEGER NOT NULL DEFAULT 0,
    done        INTEGER NOT NULL DEFAULT 0,
    on_time     INTEGER NOT NULL DEFAULT 0,
    with_limit  INTEGER NOT NULL DEFAULT 0
);
CREATE VIEW task_count_terms (unit_id, tasks, done, on_time, with_limit) AS
    SELECT lead_unit_id, 1, completed_on IS NOT NULL,
           coalesce(completed_on IS NOT NULL AND due IS NOT NULL AND completed_on <= due, 0),
           completed_on IS NOT NULL AND due IS NOT NULL
    FROM task;
INSERT INTO unit_count (unit_id, tasks, done, on_time, with_limit)
    SELECT unit_id, sum(tasks), sum(done), sum(on_time), sum(with_limit)
    FROM task_count_terms GROUP BY unit_id;
CREATE TRIGGER unit_count_insert AFTER INSERT ON task BEGIN
    INSERT INTO unit_count (unit_id, tasks, done, on_time, with_limit)
        VALUES (NEW.lead_unit_id, 1, NEW.completed_on IS NOT NULL,
                coalesce(NEW.completed_on IS NOT NULL AND NEW.due IS NOT NULL AND NEW.completed_on <= NEW.due, 0),
                NEW.completed_on IS NOT NULL AND NEW.due IS NOT NULL)
        ON CONFLICT (unit_id) DO UPDATE SET tasks = tasks + 1, done = done + excluded.done,
            on_time = on_time + excluded.on_time, with_limit = with_limit + excluded.with_limit;
END;
CREATE TRIGGER unit_count_delete AFTER DELETE ON task BEGIN
    UPDATE unit_count SET tasks = tasks - 1, done = done - (OLD.completed_on IS NOT NULL),
        on_time = on_time - coalesce(OLD.completed_on IS NOT NULL AND OLD.due IS NOT NULL AND OLD.completed_on <= OLD.due, 0),
        with_limit = with_limit - (OLD.completed_on IS NOT NULL AND OLD.due IS NOT NULL)
        WHERE unit_id = OLD.lead_unit_id;
END;
CREATE TRIGGER unit_count_update AFTER UPDATE OF lead_unit_id, completed_on, due ON task BEGIN
    UPDATE unit_count SET tasks = tasks - 1, done = done - (OLD.completed_on IS NOT NULL),
        on_time = on_time - coalesce(OLD.completed_on IS NOT NULL AND OLD.due IS NOT NULL AND OLD.completed_on <= OLD.due, 0),
        with_limit = with_limit - (OLD.completed_on IS NOT NULL AND OLD.due IS NOT NULL)
        WHERE unit_id = OLD.lead_unit_id;
    INSERT INTO unit_count (unit_id, tasks, done, on_time, with_limit)
        VALUES (NEW.lead_unit_id, 1, NEW.completed_on IS NOT NULL,
                coalesce(NEW.completed_on IS NOT NULL AND NEW.due IS NOT NULL AND NEW.completed_on <= NEW.due, 0),
                NEW.completed_on IS NOT NULL AND NEW.due IS NOT NULL)
        ON CONFLICT (unit_id) DO UPDATE SET tasks = tasks + 1, done = done + excluded.done,
            on_time = on_time + excluded.on_time, with_limit = with_limit + excluded.with_limit;
END;
CREATE INDEX task_open_figures ON task(completed_on, lead_unit_id, due_ord, due, limit_kind,
    last_progress_on, assigned_on, promised_on, criticised) WHERE completed_on IS NULL;

-- R4.4 and R4.3 on the overview: a meeting carries the day its minutes were issued (kept by
-- triggers on minutes), so the meetings still waiting for minutes are an index of their own;
-- feedback rounds are found by the day their form went out.
ALTER TABLE meeting ADD COLUMN minutes_issued_on TEXT;
UPDATE meeting SET minutes_issued_on = (SELECT issued_on FROM minutes WHERE meeting_id = meeting.id);
CREATE INDEX meeting_minutes_unissued ON meeting(date) WHERE minutes_issued_on IS NULL;
CREATE TRIGGER meeting_minutes_insert AFTER INSERT ON minutes BEGIN
    UPDATE meeting SET minutes_issued_on = NEW.issued_on WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER meeting_minutes_update AFTER UPDATE OF meeting_id, issued_on ON minutes BEGIN
    UPDATE meeting SET minutes_issued_on = NULL WHERE id = OLD.meeting_id;
    UPDATE meeting SET minutes_issued_on = NEW.issued_on WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER meeting_minutes_delete AFTER DELETE ON minutes BEGIN
    UPDATE meeting SET minutes_issued_on = NULL WHERE id = OLD.meeting_id;
END;
CREATE INDEX minutes_feedback_sent ON minutes(feedback_sent_on) WHERE feedback_sent_on IS NOT NULL;
