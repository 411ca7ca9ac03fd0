//! The hostile corpus, the check every output must pass, and a database full of it.
//!
//! A database full of hostile text is built once: the demo county (through the command line), every
//! free-text column then rewritten by raw SQL with the corpus after its first character (as an
//! older duban, another program or a hand edit could leave it; the audit table refuses updates and
//! is left alone), and a small county added through the store API with the corpus in every text it
//! takes (those writes put it into the audit rows too). Each test copies the file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use duban::calendar::{DayEntry, DayOff};
use duban::domain::{AttendanceOutcome, LeaderTitle, Limit, Thresholds, UnitKind};
use duban::store::{
    FeedbackAnswer, NewCriticism, NewMeeting, NewTask, NewUnit, ReferralStep, Store,
};

use crate::support::cli::{TODAY, isolated, succeeded};

/// Every kind of hostile character, with zero-width characters and CJK mixed in: an erase-screen
/// sequence, an OSC 52 clipboard write, the one-character CSI, every other C0 control (line feed
/// and tab at the end), DEL, every C1 control, the bidi embeddings, overrides and isolates.
pub fn nasty() -> String {
    let mut s = String::from("\u{1b}[2J督\u{1b}]52;c;ZXZpbA==\u{7}办\u{9b}31m");
    s.extend(
        (0u32..0x20)
            .filter(|&c| !matches!(c, 0x09 | 0x0a | 0x0d))
            .filter_map(char::from_u32),
    );
    s.push('\u{7f}');
    s.extend((0x80u32..=0x9f).filter_map(char::from_u32));
    s.extend(
        (0x202au32..=0x202e)
            .chain(0x2066..=0x2069)
            .filter_map(char::from_u32),
    );
    // Every line break is followed by 末, so a break that survives shows as a line starting with
    // it ([`BROKEN`]).
    s.push_str("\u{200b}\u{200c}\u{200d}\u{feff}事\t项\r末\n末\r\n末");
    s
}

/// [`nasty`] without NUL, which no command-line argument or file name can hold.
pub fn nasty_arg() -> String {
    nasty().replace('\0', "")
}

/// `base` with the corpus after its first character (so a column cut short still shows some).
pub fn h(base: &str) -> String {
    let mut chars = base.chars();
    let first: String = chars.next().into_iter().collect();
    format!("{first}{}{}", nasty(), chars.as_str())
}

/// A character that must never reach the screen, a file or the command line's output: C0 and C1
/// controls, DEL, bidi embeddings, overrides and isolates. (Line feed and tab are controls too; a
/// check names the ones it allows.)
pub fn forbidden(c: char) -> bool {
    let n = c as u32;
    n < 0x20
        || (0x7f..=0x9f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
}

/// Fails naming `what` and the place when `text` holds a forbidden character not in `allowed`.
pub fn assert_clean(what: &str, text: &str, allowed: &[char]) {
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| forbidden(c) && !allowed.contains(&c))
    {
        let from = text[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
        let around: String = text[from..].chars().take(40).collect();
        panic!("{what}: {c:?} at byte {i}, near {around:?}");
    }
}

/// What starts a line only when a line break of the corpus survived.
pub const BROKEN: char = '末';

/// Fails when a line of `text` starts with [`BROKEN`]: a line break of stored text reached an
/// output where the field does not allow one.
pub fn assert_one_line_fields(what: &str, text: &str) {
    if let Some(line) = text.lines().find(|l| l.starts_with(BROKEN)) {
        panic!("{what}: a field's line break survived: {line:?}\n{text}");
    }
}

/// What the corpus leaves visible once cleaned: the tail of the erase-screen sequence.
pub const VISIBLE: &str = "[2J";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The built binary on `db`, with the environment cleared of duban's variables (its folder the
/// home) and the day fixed by DUBAN_TODAY.
pub fn duban(db: &Path) -> std::process::Command {
    let mut c = isolated(db, db.parent().unwrap());
    c.env("DUBAN_TODAY", TODAY);
    c
}

/// Runs `args`, expecting success; its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    succeeded(args, duban(db).args(args).output().unwrap())
}

/// Names and ids of what the store API added.
pub struct Added {
    /// A unit whose name is clean (so the command line can name it) and the rest hostile.
    pub plain_unit: String,
    pub meeting: i64,
    pub task: i64,
    pub criticism: i64,
}

/// A county with the corpus in every text the store API takes.
pub fn add_hostile(store: &mut Store) -> Added {
    let head = h("王县长");
    store
        .add_leader(&head, LeaderTitle::CountyHead, None)
        .unwrap();
    let unit = h("东溪镇");
    let plain_unit = "清白镇".to_string();
    for name in [&unit, &plain_unit] {
        store
            .add_unit(NewUnit {
                name: name.clone(),
                kind: UnitKind::Township,
                main_leader: Some(h("陈主任")),
                contact: Some(h("0577-12345678")),
            })
            .unwrap();
    }
    let meeting = store
        .add_meeting(NewMeeting {
            number: Some(h("〔2026〕99号")),
            topics: vec![h("危险议题"), h("第二议题")],
            chair: Some(head.clone()),
            date: Some(d("2026-11-02")),
            place: Some(h("县行政中心五楼")),
            notice_date: Some(d("2026-10-28")),
            units: vec![unit.clone(), plain_unit.clone()],
            ..NewMeeting::default()
        })
        .unwrap();
    store
        .record_attendance(
            meeting,
            &unit,
            AttendanceOutcome::LeaderAttended,
            Some(h("孙涛")),
            Some(h("局长")),
            d("2099-12-31"),
        )
        .unwrap();
    store
        .update_minutes(meeting, None, |mi| {
            mi.drafter = Some(h("吴海燕"));
            mi.drafter_phone = Some(h("0577-1"));
            mi.drafter_fax = Some(h("0577-2"));
            mi.drafter_email = Some(h("a@b.cn"));
            mi.reviewer = Some(h("吴静"));
            mi.reviewed_on = Some(d("2026-11-03"));
            mi.feedback_sent_on = Some(d("2026-11-03"));
        })
        .unwrap();
    store
        .record_feedback(
            meeting,
            &plain_unit,
            FeedbackAnswer {
                received_on: Some(d("2026-11-04")),
                opinion: Some(h("无意见\n第二行")),
                signer: Some(h("李伟")),
                signer_post: Some(h("主要领导")),
                sealed: true,
            },
        )
        .unwrap();
    store
        .update_minutes(meeting, None, |mi| {
            mi.signed_by = Some(h("郑浩"));
            mi.signed_on = Some(d("2026-11-05"));
            mi.issued_on = Some(d("2026-11-05"));
        })
        .unwrap();
    let task_for = |store: &mut Store, lead: &str, text: &str, due: &str| {
        store
            .add_task(NewTask {
                meeting_id: meeting,
                text: h(text),
                lead_unit: lead.to_string(),
                co_units: vec![],
                leader: Some(head.clone()),
                limit: Limit::Date(d(due)),
            })
            .unwrap()
    };
    let task = task_for(store, &unit, "完成管网改造", "2026-11-10");
    let plain_task = task_for(store, &plain_unit, "清理河道", "2026-11-12");
    let done = task_for(store, &plain_unit, "修缮校舍", "2026-12-20");
    store
        .add_progress(task, d("2026-11-09"), &h("按计划推进"))
        .unwrap();
    store
        .add_explanation(
            task,
            d("2026-11-11"),
            d("2026-12-01"),
            Some(h("政策处理难度大")),
        )
        .unwrap();
    store
        .add_explanation(
            plain_task,
            d("2026-11-13"),
            d("2026-12-02"),
            Some(h("征地未谈妥")),
        )
        .unwrap();
    store
        .complete_task(done, d("2026-11-20"), Some(h("已按要求办结")), None)
        .unwrap();
    // Its promise is still ahead: named all the same, with the reason (R5.6), twice, so that the
    // unit is due for referral (R5.7).
    let criticise = |store: &mut Store, no: &str| {
        store
            .add_criticism(NewCriticism {
                unit: plain_unit.clone(),
                date: d("2026-11-24"),
                doc_no: Some(h(no)),
                reason: Some(h("议定事项逾期未完成\n且未兑现承诺")),
                task_ids: vec![plain_task],
                force: true,
            })
            .unwrap()
    };
    let criticism = criticise(store, "县考绩办〔2026〕9号");
    criticise(store, "县考绩办〔2026〕10号");
    let referral = store
        .referral_step(ReferralStep::Propose {
            unit: plain_unit.clone(),
            date: d("2026-11-24"),
            reason: Some(h("一年内两次通报批评")),
        })
        .unwrap();
    store
        .referral_step(ReferralStep::NotRefer {
            id: referral,
            date: d("2026-11-25"),
            reason: h("已整改到位"),
        })
        .unwrap();
    store
        .set_calendar_days(
            &[DayEntry {
                date: d("2026-12-31"),
                off: DayOff::Off,
                name: h("县庆"),
            }],
            false,
        )
        .unwrap();
    Added {
        plain_unit,
        meeting,
        task,
        criticism,
    }
}

/// Free-text columns that hold only ASCII in the demo (so the rule below would miss them).
const ASCII_TEXT: [(&str, &str); 3] = [
    ("minutes", "drafter_phone"),
    ("minutes", "drafter_fax"),
    ("minutes", "drafter_email"),
];

/// Rewrites every free-text value of the database at `path` with the corpus after its first
/// character: every value of a TEXT column holding a character outside printable ASCII (dates,
/// codes and kinds are ASCII), and the columns of [`ASCII_TEXT`]. Returns how many values.
pub fn poison(path: &Path) -> usize {
    use rusqlite::functions::FunctionFlags;
    let conn = rusqlite::Connection::open(path).unwrap();
    // The triggers that feed the search index call duban's own functions; the index is not what
    // these tests read, so any function of one text will do.
    for f in ["duban_chars", "duban_pairs"] {
        conn.create_scalar_function(f, 1, FunctionFlags::SQLITE_UTF8, |ctx| {
            ctx.get::<Option<String>>(0)
        })
        .unwrap();
    }
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name <> 'audit' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut n = 0;
    for t in tables {
        let cols: Vec<(String, String)> = conn
            .prepare(&format!("SELECT name, type FROM pragma_table_info('{t}')"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (c, ty) in cols
            .iter()
            .filter(|(_, ty)| ty.eq_ignore_ascii_case("TEXT"))
        {
            let _ = ty;
            let all = ASCII_TEXT.contains(&(t.as_str(), c.as_str()));
            let rule = if all {
                "IS NOT NULL"
            } else {
                "GLOB '*[^ -~]*'"
            };
            n += conn
                .execute(
                    &format!(
                        "UPDATE \"{t}\" SET \"{c}\" = substr(\"{c}\", 1, 1) || ?1 || substr(\"{c}\", 2)
                         WHERE \"{c}\" {rule}"
                    ),
                    [nasty()],
                )
                .unwrap();
        }
    }
    n
}

/// The database full of hostile text, built once; see the module's documentation.
fn built() -> &'static (tempfile::TempDir, PathBuf, Added) {
    static DB: OnceLock<(tempfile::TempDir, PathBuf, Added)> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.db");
        ok(&path, &["demo"]);
        assert!(poison(&path) > 1000, "too little poisoned");
        let mut store = Store::open(&path, Thresholds::default()).unwrap();
        let added = add_hostile(&mut store);
        drop(store);
        (dir, path, added)
    })
}

/// A copy of the hostile database in a directory of its own (the directory, the file, what the
/// store API added).
pub fn hostile_db() -> (tempfile::TempDir, PathBuf, &'static Added) {
    let (_, src, added) = built();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.db");
    std::fs::copy(src, &path).unwrap();
    (dir, path, added)
}
