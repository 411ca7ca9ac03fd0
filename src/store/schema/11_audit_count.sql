-- 11: the audit log's length, kept by its one write.
--
-- The log's rows are only ever appended (migration 1's triggers refuse the rest), so one counter
-- raised by each insert is its length: the `7` tab's count without counting a province's log.
-- `duban check` compares it with a recount.
CREATE TABLE audit_length (n INTEGER NOT NULL);
INSERT INTO audit_length (n) SELECT count(*) FROM audit;
CREATE TRIGGER audit_length_insert AFTER INSERT ON audit BEGIN
    UPDATE audit_length SET n = n + 1;
END;
