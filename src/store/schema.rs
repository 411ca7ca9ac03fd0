//! The schema, as migrations from an empty file. Never edit a released migration: add one.

use rusqlite_migration::{M, Migrations};

/// The schema version this binary writes. A database with a higher `user_version` was written by a
/// newer duban and is refused.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

pub(super) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE unit (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('township', 'department', 'other')),
    main_leader  TEXT,
    contact      TEXT,
    active       INTEGER NOT NULL DEFAULT 1,
    version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE leader (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL CHECK (title IN ('county_head', 'deputy_head', 'office_director', 'deputy_director')),
    liaison_id  INTEGER REFERENCES leader(id),
    active      INTEGER NOT NULL DEFAULT 1,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meeting (
    id                INTEGER PRIMARY KEY,
    number            TEXT,
    chair_id          INTEGER REFERENCES leader(id),
    liaison_id        INTEGER REFERENCES leader(id),
    date              TEXT NOT NULL,
    time              TEXT,
    place             TEXT,
    plan_approved_by  TEXT,
    plan_approved_on  TEXT,
    notice_date       TEXT,
    emergency         INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_date ON meeting(date);

CREATE TABLE meeting_topic (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    topic       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;

CREATE TABLE attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    attendee    TEXT,
    role        TEXT,
    confirmed   INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT CHECK (outcome IN ('leader_attended', 'authorised_representative', 'absent', 'unauthorised_substitute')),
    version     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (meeting_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX attendance_unit ON attendance(unit_id);

CREATE TABLE minutes (
    meeting_id             INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    drafter                TEXT,
    drafter_phone          TEXT,
    drafter_fax            TEXT,
    drafter_email          TEXT,
    reviewer               TEXT,
    reviewed_on            TEXT,
    feedback_sent_on       TEXT,
    signed_by              TEXT,
    signed_on              TEXT,
    issued_on              TEXT,
    copied_to_supervision  INTEGER NOT NULL DEFAULT 0,
    archived_sign_in       INTEGER NOT NULL DEFAULT 0,
    archived_record        INTEGER NOT NULL DEFAULT 0,
    archived_feedback      INTEGER NOT NULL DEFAULT 0,
    version                INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE feedback (
    meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    received_on  TEXT,
    opinion      TEXT,
    signer       TEXT,
    signer_post  TEXT,
    sealed       INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (meeting_id, unit_id)
) WITHOUT ROWID;

-- due, due_ord, provisional, assigned_on, last_progress_on, promised_on and criticised are derived
-- from the other tables and the calendar, and kept current in the same transaction as every write
-- that changes them, so lights and working days left can be filtered and sorted in SQL.
-- due_ord is the calendar's working-day ordinal of due: due_ord - ordinal(today) = working days left.
CREATE TABLE task (
    id                     INTEGER PRIMARY KEY,
    meeting_id             INTEGER NOT NULL REFERENCES meeting(id),
    text                   TEXT NOT NULL,
    lead_unit_id           INTEGER NOT NULL REFERENCES unit(id),
    responsible_leader_id  INTEGER REFERENCES leader(id),
    limit_kind             TEXT NOT NULL CHECK (limit_kind IN ('date', 'default', 'exempt')),
    limit_date             TEXT,
    exempt_category        TEXT CHECK (exempt_category IN ('funding', 'staffing', 'land', 'case_handling', 'long_span')),
    completed_on           TEXT,
    completion_note        TEXT,
    due                    TEXT,
    due_ord                INTEGER,
    provisional            INTEGER NOT NULL DEFAULT 0,
    assigned_on            TEXT,
    last_progress_on       TEXT,
    promised_on            TEXT,
    criticised             INTEGER NOT NULL DEFAULT 0,
    version                INTEGER NOT NULL DEFAULT 1,
    CHECK ((limit_kind = 'date') = (limit_date IS NOT NULL)),
    CHECK ((limit_kind = 'exempt') = (exempt_category IS NOT NULL))
);
CREATE INDEX task_meeting ON task(meeting_id);
CREATE INDEX task_lead_unit ON task(lead_unit_id, due_ord);
CREATE INDEX task_due_ord ON task(due_ord, id);
CREATE INDEX task_open ON task(completed_on, due_ord);

CREATE TABLE task_co_unit (
    task_id  INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    unit_id  INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX task_co_unit_unit ON task_co_unit(unit_id);

CREATE TABLE progress_report (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    reported_on  TEXT NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX progress_report_task ON progress_report(task_id, reported_on);

CREATE TABLE explanation (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    submitted_on  TEXT NOT NULL,
    text          TEXT,
    promised_on   TEXT NOT NULL
);
CREATE INDEX explanation_task ON explanation(task_id, submitted_on);

CREATE TABLE criticism (
    id       INTEGER PRIMARY KEY,
    unit_id  INTEGER NOT NULL REFERENCES unit(id),
    date     TEXT NOT NULL,
    doc_no   TEXT,
    reason   TEXT,
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX criticism_unit ON criticism(unit_id, date);

CREATE TABLE criticism_task (
    criticism_id  INTEGER NOT NULL REFERENCES criticism(id) ON DELETE CASCADE,
    task_id       INTEGER NOT NULL REFERENCES task(id),
    PRIMARY KEY (criticism_id, task_id)
) WITHOUT ROWID;
CREATE INDEX criticism_task_task ON criticism_task(task_id);

CREATE TABLE referral (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    proposed_on      TEXT NOT NULL,
    approved_on      TEXT,
    referred_on      TEXT,
    concluded_on     TEXT,
    outcome          TEXT,
    not_referred_on  TEXT,
    reason           TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK (not_referred_on IS NULL OR reason IS NOT NULL)
);
CREATE INDEX referral_unit ON referral(unit_id);

-- The user's calendar: overrides of single days, and years whose whole notice was imported.
CREATE TABLE calendar_day (
    date  TEXT PRIMARY KEY,
    off   INTEGER NOT NULL CHECK (off IN (0, 1)),
    name  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE calendar_year (
    year    INTEGER PRIMARY KEY,
    source  TEXT NOT NULL
);

-- Values the stored derived columns were computed with (e.g. default_limit_workdays).
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only: who changed what, when, with the record before and after as JSON.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"#,
    // 2: pinyin initials (`crate::text::initials`) of unit names, topics and task text, for search.
    // Derived data: every write sets them; opening the store fills rows where they are NULL (rows
    // written before this migration). The partial indexes hold only such rows, so asking whether
    // any are left costs nothing on a normal open.
    r#"
ALTER TABLE unit ADD COLUMN initials TEXT;
ALTER TABLE meeting_topic ADD COLUMN initials TEXT;
ALTER TABLE task ADD COLUMN initials TEXT;
CREATE INDEX unit_initials_missing ON unit(initials) WHERE initials IS NULL;
CREATE INDEX meeting_topic_initials_missing ON meeting_topic(initials) WHERE initials IS NULL;
CREATE INDEX task_initials_missing ON task(initials) WHERE initials IS NULL;
"#,
    // 3: undo. An undo is a new, audited change: its row names the row it reverts in `undoes`
    // (NULL for every other change). A change is undone at most once; the user's own changes are
    // looked up newest first. The append-only triggers of migration 1 still guard the table.
    r#"
ALTER TABLE audit ADD COLUMN undoes INTEGER REFERENCES audit(id);
CREATE UNIQUE INDEX audit_undoes ON audit(undoes) WHERE undoes IS NOT NULL;
CREATE INDEX audit_user ON audit(user, id);
"#,
    // 4: reports. Each figure over a period is answered by an index: tasks by the date of their
    // limit (with what the figures need, so the index covers them), exempt tasks, and explanations
    // by the day they were submitted and the day they promised.
    r#"
CREATE INDEX task_due ON task(due, lead_unit_id, completed_on);
CREATE INDEX task_exempt ON task(lead_unit_id, completed_on, last_progress_on, assigned_on)
    WHERE limit_kind = 'exempt';
CREATE INDEX explanation_submitted ON explanation(submitted_on, task_id);
CREATE INDEX explanation_promised ON explanation(promised_on, task_id);
"#,
    // 5: the ledger's order in an index. `sort_key` puts open tasks before done ones, then orders
    // by the working-day ordinal of the limit, tasks without one last: the order of
    // `TaskSort::WorkdaysLeft` whenever no task is recorded as completed after the day viewed.
    // A virtual column, so every write keeps it right; windows seek on it (keyset), never skip.
    r#"
ALTER TABLE task ADD COLUMN sort_key INTEGER GENERATED ALWAYS AS
    ((completed_on IS NOT NULL) * 4294967296 + coalesce(due_ord, 2147483647)) VIRTUAL;
CREATE INDEX task_order ON task(sort_key, id);
CREATE INDEX task_unit_order ON task(lead_unit_id, sort_key, id);
"#,
    // 6: search. Task text and meeting topics, with their pinyin initials, in full-text indexes
    // whose tokens are single characters of the text (`duban_chars`) and pairs of letters of the
    // initials (`duban_pairs`), both registered by `Store::open` (see `store::search`): a query
    // of any length is a phrase the index answers. The indexes only narrow: the ledger still
    // checks each candidate for the exact substring. Triggers keep them in the writes'
    // transactions. A meeting's topics are one document, a topic apart from the next by a token
    // no query holds (U+E000).
    r#"
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
"#,
    // 7: the units' and the overview's figures from what the writes keep. `unit_count` counts each
    // unit's tasks, those completed, completed on time and completed with a limit, kept by
    // triggers in the writes' transactions (done tasks are most of an archive and their figures do
    // not change with the day). The open tasks, whose lights do change with the day, are few: one
    // index holds every column their lights and states are computed from.
    r#"
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
"#,
    include_str!("schema/08_accounts.sql"),
    include_str!("schema/09_meeting_months.sql"),
    include_str!("schema/10_ids_kept.sql"),
    include_str!("schema/11_audit_count.sql"),
    include_str!("schema/12_chain.sql"),
    include_str!("schema/13_whole_notices.sql"),
    include_str!("schema/14_procedure_unknown.sql"),
    include_str!("schema/15_unit_aliases.sql"),
];

/// The migrations from an empty file to [`SCHEMA_VERSION`].
pub fn migrations() -> Migrations<'static> {
    Migrations::from_iter(MIGRATIONS.iter().map(|sql| M::up(sql)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_apply_to_an_empty_file_given_the_search_function() {
        // Migration 6 calls `duban_chars`, which every connection of the store registers.
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::search::register(&conn).unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, super::SCHEMA_VERSION as i64);
    }

    #[test]
    fn r18_5_migration_15_gives_every_existing_unit_its_short_forms() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::search::register(&conn).unwrap();
        let before = rusqlite_migration::Migrations::from_iter(
            super::MIGRATIONS[..14].iter().map(|sql| super::M::up(sql)),
        );
        before.to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO unit (id, name, kind) VALUES (1, '县住房和城乡建设局', 'department'),
                                                      (2, '上塘镇', 'township')",
        )
        .unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let mut stmt = conn
            .prepare("SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, alias")
            .unwrap();
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(rows.contains(&(1, "住建".to_string())));
        assert!(rows.contains(&(1, "住建局".to_string())));
        assert!(rows.iter().all(|(u, _)| *u == 1), "a township has none");
    }
}
