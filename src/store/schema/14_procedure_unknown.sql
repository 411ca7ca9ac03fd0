-- 14: meetings imported with their procedure unknown.
--
-- A ledger (台账) names a task's meeting by its date and topics and says nothing of its notice
-- (R2.2) or its minutes (R4.4). A meeting an import creates from such a ledger is marked, and
-- the reports, the overview and `duban check` leave it out of R2.2 and R4.4 while still counting
-- it as a meeting. A full export (.xlsx with its 会议 sheet) carries the real facts instead.
ALTER TABLE meeting ADD COLUMN procedure_unknown INTEGER NOT NULL DEFAULT 0;
-- The meetings still waiting for minutes are those whose procedure is known.
DROP INDEX meeting_minutes_unissued;
CREATE INDEX meeting_minutes_unissued ON meeting(date)
    WHERE minutes_issued_on IS NULL AND procedure_unknown = 0;
