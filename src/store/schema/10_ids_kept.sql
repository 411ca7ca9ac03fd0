-- 10: an id is never given twice.
--
-- Undoing a create deletes the row, and SQLite would give the next row of the table max(id) + 1:
-- the very id the audit log names for the record undone, so that one id would stand for two
-- records in the log. `id_used` keeps the highest id each table has held; the store gives a new
-- row the id after it (`Tx::next_id`). Rows written back by an undo keep their own ids.
CREATE TABLE id_used (
    tbl   TEXT PRIMARY KEY,
    last  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO id_used (tbl, last) VALUES ('unit', max(
    (SELECT coalesce(max(id), 0) FROM unit),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'unit')));
INSERT INTO id_used (tbl, last) VALUES ('leader', max(
    (SELECT coalesce(max(id), 0) FROM leader),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'leader')));
INSERT INTO id_used (tbl, last) VALUES ('meeting', max(
    (SELECT coalesce(max(id), 0) FROM meeting),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'meeting')));
INSERT INTO id_used (tbl, last) VALUES ('task', max(
    (SELECT coalesce(max(id), 0) FROM task),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'task')));
INSERT INTO id_used (tbl, last) VALUES ('progress_report', max(
    (SELECT coalesce(max(id), 0) FROM progress_report),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'progress')));
INSERT INTO id_used (tbl, last) VALUES ('explanation', max(
    (SELECT coalesce(max(id), 0) FROM explanation),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'explanation')));
INSERT INTO id_used (tbl, last) VALUES ('criticism', max(
    (SELECT coalesce(max(id), 0) FROM criticism),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'criticism')));
INSERT INTO id_used (tbl, last) VALUES ('referral', max(
    (SELECT coalesce(max(id), 0) FROM referral),
    (SELECT coalesce(max(CAST(entity_id AS INTEGER)), 0) FROM audit WHERE entity = 'referral')));
CREATE TRIGGER unit_id_used AFTER INSERT ON unit BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'unit' AND last < NEW.id;
END;
CREATE TRIGGER leader_id_used AFTER INSERT ON leader BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'leader' AND last < NEW.id;
END;
CREATE TRIGGER meeting_id_used AFTER INSERT ON meeting BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'meeting' AND last < NEW.id;
END;
CREATE TRIGGER task_id_used AFTER INSERT ON task BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'task' AND last < NEW.id;
END;
CREATE TRIGGER progress_report_id_used AFTER INSERT ON progress_report BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'progress_report' AND last < NEW.id;
END;
CREATE TRIGGER explanation_id_used AFTER INSERT ON explanation BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'explanation' AND last < NEW.id;
END;
CREATE TRIGGER criticism_id_used AFTER INSERT ON criticism BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'criticism' AND last < NEW.id;
END;
CREATE TRIGGER referral_id_used AFTER INSERT ON referral BEGIN
    UPDATE id_used SET last = NEW.id WHERE tbl = 'referral' AND last < NEW.id;
END;
