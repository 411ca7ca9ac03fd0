
CREATE VIRTUAL TABLE task_fts USING fts5(text, initials, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO task_fts (rowid, text, initials) SELECT id, duban_chars(text), duban_pairs(initials) FROM task;
CREATE TRIGGER task_fts_insert AFTER INSERT ON task BEGIN
    INSERT INTO task_fts (rowid, text, initials)
        VALUES (NEW.id, duban_chars(NEW.text), duban_pairs(NEW.initials));
END;
CREATE TRIGGER task_fts_update AFTER UPDATE OF id, text, initials ON task BEGIN
    DELETE FROM task_fts WHERE rowid = OLD.id;
    INSERT INTO task_fts (rowid, text, initials)
        VALUES (NEW.id, duban_chars(NEW.text), duban_pairs(NEW.initials));
END;
CREATE TRIGGER task_fts_delete AFTER DELETE ON task BEGIN
    DELETE FROM task_fts WHERE rowid = OLD.id;
END;

CREATE VIRTUAL TABLE topic_fts USING fts5(text, initials, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0');
CREATE VIEW topic_document (meeting_id, text, initials) AS
    SELECT meeting_id, duban_chars(group_concat(topic, char(57344))),
           duban_pairs(group_concat(coalesce(initials, ''), char(57344)))
    FROM meeting_topic GROUP BY meeting_id;
INSERT INTO topic_fts (rowid, text, initials) SELECT * FROM topic_document;
CREATE TRIGGER topic_fts_insert AFTER INSERT ON meeting_topic BEGIN
    DELETE FROM topic_fts WHERE rowid = NEW.meeting_id;
    INSERT INTO topic_fts (rowid, text, initials)
        SELECT * FROM topic_document WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER topic_fts_update AFTER UPDATE ON meeting_topic BEGIN
    DELETE FROM topic_fts WHERE rowid IN (OLD.meeting_id, NEW.meeting_id);
    INSERT INTO topic_fts (rowid, text, initials)
        SELECT * FROM topic_document WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER topic_fts_delete AFTER DELETE ON meeting_topic BEGIN
    DELETE FROM topic_fts WHERE rowid = OLD.meeting_id;
    INSERT INTO topic_fts (rowid, text, initials)
        SELECT * FROM topic_document WHERE meeting_id = OLD.meeting_id;
END;
