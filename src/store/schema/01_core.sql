
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
