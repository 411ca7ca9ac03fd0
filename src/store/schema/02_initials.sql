
ALTER TABLE unit ADD COLUMN initials TEXT;
ALTER TABLE meeting_topic ADD COLUMN initials TEXT;
ALTER TABLE task ADD COLUMN initials TEXT;
CREATE INDEX unit_initials_missing ON unit(initials) WHERE initials IS NULL;
CREATE INDEX meeting_topic_initials_missing ON meeting_topic(initials) WHERE initials IS NULL;
CREATE INDEX task_initials_missing ON task(initials) WHERE initials IS NULL;
