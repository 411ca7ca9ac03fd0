//! Time runs one way, and issuing asks first, on the command line: the refusals name the
//! records and their dates in words, never a column.

use crate::county;
use crate::support::cli::Run;

#[test]
fn r5_5_refusals_name_dates_in_words_not_columns() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--chair",
        "李明华",
        "--date",
        "2026-10-12",
        "--unit",
        "上塘镇",
    ]);
    db.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "管网改造",
        "--due",
        "2026-10-30",
    ]);
    let e = db.refused(&[
        "task",
        "explain",
        "1",
        "--date",
        "2026-11-10",
        "--promise",
        "2026-11-09",
    ]);
    assert!(
        e.contains("承诺完成时限 2026-11-09 早于书面说明日期 2026-11-10"),
        "{e}"
    );
    let e = db.refused(&[
        "--lang",
        "en",
        "task",
        "progress",
        "1",
        "--text",
        "x",
        "--date",
        "2026-10-01",
    ]);
    assert!(
        e.contains("the progress report date 2026-10-01 is before the meeting date 2026-10-12"),
        "{e}"
    );
    let e = db.refused(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "清淤",
        "--due",
        "2026-10-01",
    ]);
    assert!(
        e.contains("办理时限 2026-10-01 早于会议日期 2026-10-12"),
        "{e}"
    );
    db.ok(&["task", "done", "1", "--date", "2026-11-02"]);
    let e = db.refused(&[
        "task",
        "progress",
        "1",
        "--text",
        "办结后",
        "--date",
        "2026-11-03",
    ]);
    assert!(
        e.contains("进展报告日期 2026-11-03 晚于办结日期 2026-11-02"),
        "{e}"
    );
}

#[test]
fn r3_attendance_before_the_meeting_is_refused_on_the_command_line_too() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "森林防火",
        "--chair",
        "李明华",
        "--date",
        "2026-12-03",
        "--unit",
        "上塘镇",
    ]);
    let e = db.refused(&["meeting", "attend", "1", "上塘镇", "--outcome", "缺席"]);
    assert!(e.contains("尚未举行") && e.contains("2026-12-03"), "{e}");
    let e = db.refused(&[
        "--lang",
        "en",
        "meeting",
        "attend",
        "1",
        "上塘镇",
        "--outcome",
        "absent",
    ]);
    assert!(e.contains("has not been held yet"), "{e}");
}

#[test]
fn r4_4_issue_before_signoff_needs_force() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--chair",
        "李明华",
        "--date",
        "2026-11-16",
        "--unit",
        "上塘镇",
    ]);
    // The round goes out on Friday 20th: the answer is due Tuesday 24th.
    db.ok(&["minutes", "send", "1", "--date", "2026-11-20"]);
    let e = db.refused(&["minutes", "issue", "1", "--date", "2026-11-23"]);
    assert!(
        e.contains("1 个单位尚未反馈，征求意见期至 2026-11-24")
            && e.contains("纪要尚未签发")
            && e.contains("--force"),
        "{e}"
    );
    db.ok(&[
        "minutes",
        "sign",
        "1",
        "--by",
        "李明华",
        "--date",
        "2026-11-23",
    ]);
    let e = db.refused(&[
        "--lang",
        "en",
        "minutes",
        "issue",
        "1",
        "--date",
        "2026-11-23",
    ]);
    assert!(
        e.contains("1 unit yet to answer") && !e.contains("signed"),
        "{e}"
    );
    // The archive cannot say the feedback is complete while the unit may still answer.
    let e = db.refused(&[
        "--today",
        "2026-11-24",
        "minutes",
        "archive",
        "1",
        "--feedback",
    ]);
    assert!(e.contains("反馈单尚不能归档"), "{e}");
    // Forced: issued, and what was forced is what is stored.
    db.ok(&["minutes", "issue", "1", "--date", "2026-11-23", "--force"]);
    let m = db.json(&["meeting", "list"]);
    assert_eq!(m[0]["minutes_issued"], "2026-11-23");
    // After the deadline the silent unit has consented: the forms may be archived.
    db.ok(&["minutes", "archive", "1", "--feedback"]);
}

#[test]
fn r2_2_a_notice_after_the_meeting_is_refused_on_the_command_line_too() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    let e = db.refused(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--chair",
        "李明华",
        "--date",
        "2026-11-02",
        "--notice-date",
        "2026-11-05",
        "--unit",
        "上塘镇",
    ]);
    assert!(
        e.contains("会议通知日期 2026-11-05 晚于会议日期 2026-11-02"),
        "{e}"
    );
    assert_eq!(db.json(&["meeting", "list"]).as_array().unwrap().len(), 0);
}

#[test]
fn r3_r4_meeting_move_refuses_a_day_that_contradicts_a_recorded_step() {
    let db = county(); // today 2026-11-25
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--chair",
        "李明华",
        "--date",
        "2026-11-16",
        "--notice-date",
        "2026-11-12",
        "--unit",
        "上塘镇",
    ]);
    let date = |db: &crate::Cli| db.json(&["meeting", "show", "1"])["date"].clone();
    // Before its notice.
    let e = db.refused(&["meeting", "move", "1", "--date", "2026-11-11"]);
    assert!(
        e.contains("会议通知日期 2026-11-12 晚于会议日期 2026-11-11"),
        "{e}"
    );
    // Attendance on record: held, so not after today.
    db.ok(&["meeting", "attend", "1", "上塘镇", "--outcome", "缺席"]);
    let e = db.refused(&["meeting", "move", "1", "--date", "2026-11-26"]);
    assert!(
        e.contains("会议日期 2026-11-26 晚于登记参会情况的日期 2026-11-25"),
        "{e}"
    );
    let e = db.refused(&[
        "--lang",
        "en",
        "meeting",
        "move",
        "1",
        "--date",
        "2026-11-26",
    ]);
    assert!(e.contains("the meeting date 2026-11-26 is after"), "{e}");
    // After its minutes went out for feedback.
    db.ok(&["minutes", "send", "1", "--date", "2026-11-18"]);
    let e = db.refused(&["meeting", "move", "1", "--date", "2026-11-19"]);
    assert!(
        e.contains("征求意见发出日期 2026-11-18 早于会议日期 2026-11-19"),
        "{e}"
    );
    assert_eq!(date(&db), "2026-11-16");
    // A day every step allows: moved, said, stored.
    let out = db.ok(&["meeting", "move", "1", "--date", "2026-11-17"]);
    assert!(
        out.contains("会议 #1 已改期：2026-11-16 → 2026-11-17"),
        "{out}"
    );
    assert_eq!(date(&db), "2026-11-17");
}
