-- 9: the meetings counted by month, kept by the writes.
--
-- The meetings list runs newest first. Its length, and a meeting's place in it, are sums over
-- these counts (one row a month) plus a count within the meeting's own month, so opening a
-- meeting costs about the same in an archive of twenty years as in one of a year.
CREATE TABLE meeting_month (
    month  TEXT PRIMARY KEY,  -- 'YYYY-MM' of meeting.date
    n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meeting_month (month, n) SELECT substr(date, 1, 7), count(*) FROM meeting GROUP BY 1;
CREATE TRIGGER meeting_month_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO meeting_month (month, n) VALUES (substr(NEW.date, 1, 7), 1)
        ON CONFLICT (month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER meeting_month_delete AFTER DELETE ON meeting BEGIN
    UPDATE meeting_month SET n = n - 1 WHERE month = substr(OLD.date, 1, 7);
    DELETE FROM meeting_month WHERE month = substr(OLD.date, 1, 7) AND n = 0;
END;
CREATE TRIGGER meeting_month_update AFTER UPDATE OF date ON meeting BEGIN
    UPDATE meeting_month SET n = n - 1 WHERE month = substr(OLD.date, 1, 7);
    DELETE FROM meeting_month WHERE month = substr(OLD.date, 1, 7) AND n = 0;
    INSERT INTO meeting_month (month, n) VALUES (substr(NEW.date, 1, 7), 1)
        ON CONFLICT (month) DO UPDATE SET n = n + 1;
END;
