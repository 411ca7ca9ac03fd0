//! Every write of the store with input that is otherwise valid, and the role it needs: what the
//! role tests (`accounts.rs`) try as each role.

use super::*;
use crate::calendar::{DayEntry, DayOff};
use crate::domain::{AttendanceOutcome, LeaderTitle, Limit, Role, UnitKind};

type Attempt = Box<dyn Fn(&mut Store) -> Result<()>>;

/// Every write of the store, with input that is otherwise valid on [`office`], and the role it
/// needs. `every_write_of_the_store_is_tried` keeps this list complete.
pub(super) fn writes(meeting: i64, t: i64) -> Vec<(&'static str, Role, Attempt)> {
    let day = d("2026-11-20");
    let new_task = move || NewTask {
        meeting_id: meeting,
        text: "新事项".into(),
        lead_unit: "上塘镇".into(),
        co_units: vec![],
        leader: None,
        limit: Limit::Default,
    };
    let e = Role::Editor;
    let a = Role::Admin;
    vec![
        (
            "add_task",
            e,
            Box::new(move |s| s.add_task(new_task()).map(drop)),
        ),
        (
            "add_tasks",
            e,
            Box::new(move |s| s.add_tasks(vec![new_task()]).map(drop)),
        ),
        (
            "update_task",
            e,
            Box::new(move |s| s.update_task(t, 1, new_task())),
        ),
        (
            "add_progress",
            e,
            Box::new(move |s| s.add_progress(t, day, "进展").map(drop)),
        ),
        (
            "add_progress_to",
            e,
            Box::new(move |s| s.add_progress_to(&[t], day, "进展").map(drop)),
        ),
        (
            "complete_task",
            e,
            Box::new(move |s| s.complete_task(t, day, None, None)),
        ),
        (
            "complete_tasks",
            e,
            Box::new(move |s| s.complete_tasks(&[(t, None)], day, None)),
        ),
        (
            "add_explanations",
            e,
            Box::new(move |s| {
                s.add_explanations(&[t], d("2026-12-01"), d("2026-12-10"), None)
                    .map(drop)
            }),
        ),
        (
            "add_explanation",
            e,
            Box::new(move |s| {
                s.add_explanation(t, d("2026-12-01"), d("2026-12-10"), None)
                    .map(drop)
            }),
        ),
        (
            "add_criticism",
            e,
            Box::new(move |s| {
                s.add_criticism(NewCriticism {
                    unit: "上塘镇".into(),
                    date: day,
                    doc_no: Some("永考绩办〔2026〕1号".into()),
                    reason: Some("逾期".into()),
                    task_ids: vec![t],
                    force: false,
                })
                .map(drop)
            }),
        ),
        (
            "add_waiver",
            e,
            Box::new(move |s| s.add_waiver(t, day, "已整改到位").map(drop)),
        ),
        (
            "referral_step",
            e,
            Box::new(move |s| {
                s.referral_step(ReferralStep::Propose {
                    unit: "上塘镇".into(),
                    date: day,
                    reason: None,
                })
                .map(drop)
            }),
        ),
        (
            "add_meeting",
            e,
            Box::new(move |s| {
                s.add_meeting(NewMeeting {
                    topics: vec!["议题".into()],
                    date: Some(day),
                    units: vec!["上塘镇".into()],
                    ..NewMeeting::default()
                })
                .map(drop)
            }),
        ),
        (
            "update_meeting",
            e,
            Box::new(move |s| {
                let plan = NewMeeting {
                    topics: vec!["改过的议题".into()],
                    date: Some(d("2026-11-02")),
                    units: vec!["上塘镇".into(), "县财政局".into()],
                    ..NewMeeting::default()
                };
                s.update_meeting(meeting, 1, plan, TODAY_FOR_EDITS)
            }),
        ),
        (
            "move_meeting",
            e,
            Box::new(move |s| {
                s.move_meeting(meeting, d("2026-11-02"), TODAY_FOR_EDITS)
                    .map(drop)
            }),
        ),
        (
            "record_attendance",
            e,
            Box::new(move |s| {
                s.record_attendance(
                    meeting,
                    "上塘镇",
                    AttendanceOutcome::LeaderAttended,
                    None,
                    None,
                    crate::domain::testcal::d("2099-12-31"),
                )
            }),
        ),
        (
            "confirm_attendee",
            e,
            Box::new(move |s| {
                s.confirm_attendee(meeting, "上塘镇", Some("王镇长".into()), None, true)
            }),
        ),
        (
            "record_attendance_rows",
            e,
            Box::new(move |s| {
                let row = (
                    "县财政局".to_string(),
                    AttendanceOutcome::Absent,
                    None,
                    None,
                );
                s.record_attendance_rows(meeting, &[row], crate::domain::testcal::d("2099-12-31"))
            }),
        ),
        (
            "confirm_attendees",
            e,
            Box::new(move |s| {
                let row = ("县财政局".to_string(), Some("李局长".into()), None, true);
                s.confirm_attendees(meeting, &[row])
            }),
        ),
        (
            "update_minutes",
            e,
            Box::new(move |s| {
                s.update_minutes(meeting, None, |m| m.feedback_sent_on = Some(day))
                    .map(drop)
            }),
        ),
        (
            "save_minutes",
            e,
            Box::new(move |s| {
                let save = crate::store::MinutesSave {
                    expected: None,
                    today: day,
                    force: false,
                };
                s.save_minutes(meeting, save, |m| m.reviewer = Some("王主任".into()))
                    .map(drop)
            }),
        ),
        (
            "record_feedback",
            e,
            Box::new(move |s| s.record_feedback(meeting, "上塘镇", FeedbackAnswer::default())),
        ),
        (
            "import_ledger",
            e,
            Box::new(|s| {
                s.import_ledger(&LedgerPlan::default(), "x.csv", &mut |_, _| {})
                    .map(drop)
            }),
        ),
        ("undo_last", e, Box::new(|s| s.undo_last().map(drop))),
        (
            "undo_expecting",
            e,
            Box::new(|s| s.undo_expecting(None).map(drop)),
        ),
        ("redo_last", e, Box::new(|s| s.redo_last().map(drop))),
        (
            "undo_batch",
            e,
            Box::new(|s| s.undo_batch(&[1, 2]).map(drop)),
        ),
        ("redo_batch", e, Box::new(|s| s.redo_batch(2).map(drop))),
        (
            "add_unit",
            a,
            Box::new(|s| {
                s.add_unit(NewUnit {
                    name: "新单位".into(),
                    kind: UnitKind::Other,
                    main_leader: None,
                    contact: None,
                })
                .map(drop)
            }),
        ),
        (
            "update_unit",
            a,
            Box::new(|s| {
                let mut u = s.unit_by_name("上塘镇")?;
                u.contact = Some("0577".into());
                s.update_unit(&u).map(drop)
            }),
        ),
        (
            "add_unit_alias",
            a,
            Box::new(|s| s.add_unit_alias("县财政局", "财税").map(drop)),
        ),
        (
            "remove_unit_alias",
            a,
            Box::new(|s| s.remove_unit_alias("县财政局", "财政").map(drop)),
        ),
        (
            "set_unit_aliases",
            a,
            Box::new(|s| s.set_unit_aliases("县财政局", &["财税".into()]).map(drop)),
        ),
        (
            "add_leader",
            a,
            Box::new(|s| {
                s.add_leader("赵主任", LeaderTitle::OfficeDirector, None)
                    .map(drop)
            }),
        ),
        (
            "update_leader",
            a,
            Box::new(|s| {
                let mut l = s.leader_by_name("李副县长")?;
                l.title = LeaderTitle::CountyHead;
                s.update_leader(&l).map(drop)
            }),
        ),
        (
            "import_units",
            a,
            Box::new(|s| s.import_units(vec![], "u.csv").map(drop)),
        ),
        (
            "import_leaders",
            a,
            Box::new(|s| s.import_leaders(vec![], "l.csv").map(drop)),
        ),
        (
            "load_dataset",
            a,
            Box::new(|s| s.load_dataset(&Dataset::default(), "demo")),
        ),
        (
            "set_calendar_days",
            a,
            Box::new(move |s| {
                let days = [DayEntry {
                    date: day,
                    off: DayOff::Off,
                    name: "调休".into(),
                }];
                s.set_calendar_days(&days, false).map(drop)
            }),
        ),
        (
            "add_account",
            a,
            Box::new(|s| s.add_account("newbie", Role::Viewer).map(drop)),
        ),
        (
            "set_role",
            a,
            Box::new(|s| s.set_role("vi", Role::Editor).map(drop)),
        ),
        ("remove_account", a, Box::new(|s| s.remove_account("ed"))),
        // Last: it puts the database back as the backup holds it.
        (
            "restore_from",
            a,
            Box::new(|s| {
                let dir = tempfile::tempdir().unwrap();
                let copy = dir.path().join("backup.db");
                s.backup(&copy)?;
                s.restore_from(&copy).map(drop)
            }),
        ),
    ]
}

/// What a refused write must leave as it was: the audit log (one row per change) and every
/// table's row count.
pub(super) fn fingerprint(s: &Store) -> (usize, Vec<i64>) {
    let tables = [
        "unit",
        "leader",
        "meeting",
        "meeting_topic",
        "attendance",
        "minutes",
        "feedback",
        "task",
        "task_co_unit",
        "progress_report",
        "explanation",
        "criticism",
        "criticism_task",
        "referral",
        "calendar_day",
        "calendar_year",
        "setting",
        "account",
    ];
    let counts = tables
        .iter()
        .map(|t| {
            s.conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect();
    (s.audit_count().unwrap(), counts)
}
