//! Hostile text through every input path, checked where it lands: what the store holds is what
//! the documented cleaning gives (`duban::text`: a one-line field loses control characters and
//! bidi overrides, white space becomes a space; a field of several lines keeps its line breaks,
//! CR LF and CR becoming LF), and nothing is refused for it.
//!
//! The expected values are computed here, from that rule, not by calling duban's functions.

use duban::domain::Thresholds;
use duban::store::{MeetingFilter, Store, TaskFilter};

use crate::corpus::{d, forbidden, nasty_arg, ok, today};

/// A one-line field as stored: white space a space, the forbidden characters gone.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !forbidden(c))
        .collect()
}

/// A field of several lines as stored: each line as [`one_line`], breaks kept.
pub fn lines(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `base` with the corpus (as an argument can hold it) after its first character.
pub fn ha(base: &str) -> String {
    let mut chars = base.chars();
    let first: String = chars.next().into_iter().collect();
    format!("{first}{}{}", nasty_arg(), chars.as_str())
}

#[test]
fn command_line_arguments_are_stored_cleaned_as_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("args.db");
    ok(&db, &["init"]);
    let unit = ha("东溪镇");
    let (main_leader, contact) = (ha("陈主任"), ha("0577-12345678"));
    ok(
        &db,
        &[
            "unit",
            "add",
            &unit,
            "--leader",
            &main_leader,
            "--contact",
            &contact,
        ],
    );
    ok(&db, &["unit", "add", "清白镇"]);
    let head = ha("王县长");
    ok(&db, &["leader", "add", &head, "--title", "county-head"]);
    let deputy = ha("李副县长");
    ok(
        &db,
        &[
            "leader",
            "add",
            &deputy,
            "--title",
            "deputy-head",
            "--liaison",
            &head,
        ],
    );
    let (t1, t2, place, number) = (
        ha("危险议题"),
        ha("第二议题"),
        ha("五楼"),
        ha("〔2026〕9号"),
    );
    ok(
        &db,
        &[
            "meeting",
            "add",
            "--topic",
            &t1,
            "--topic",
            &t2,
            "--chair",
            &head,
            "--date",
            "2026-11-02",
            "--notice-date",
            "2026-10-28",
            "--unit",
            &unit,
            "--unit",
            "清白镇",
            "--place",
            &place,
            "--number",
            &number,
        ],
    );
    let (attendee, role) = (ha("孙涛"), ha("局长"));
    ok(
        &db,
        &[
            "meeting",
            "attend",
            "1",
            &unit,
            "--outcome",
            "leader-attended",
            "--attendee",
            &attendee,
            "--role",
            &role,
        ],
    );
    let drafter = [
        ha("吴海燕"),
        ha("0577-1"),
        ha("0577-2"),
        ha("a@b.cn"),
        ha("吴静"),
    ];
    ok(
        &db,
        &[
            "minutes",
            "draft",
            "1",
            "--drafter",
            &drafter[0],
            "--phone",
            &drafter[1],
            "--fax",
            &drafter[2],
            "--email",
            &drafter[3],
            "--reviewer",
            &drafter[4],
            "--reviewed-on",
            "2026-11-03",
        ],
    );
    ok(&db, &["minutes", "send", "1", "--date", "2026-11-03"]);
    let (opinion, signer, post) = (ha("无意见\n第二行"), ha("李伟"), ha("主要领导"));
    ok(
        &db,
        &[
            "minutes",
            "feedback",
            "1",
            "清白镇",
            "--date",
            "2026-11-04",
            "--opinion",
            &opinion,
            "--signer",
            &signer,
            "--post",
            &post,
            "--sealed",
        ],
    );
    let signed_by = ha("郑浩");
    ok(
        &db,
        &[
            "minutes",
            "sign",
            "1",
            "--by",
            &signed_by,
            "--date",
            "2026-11-05",
        ],
    );
    ok(
        &db,
        &["minutes", "issue", "1", "--date", "2026-11-05", "--force"],
    );
    let text = ha("完成管网改造\n第二段");
    ok(
        &db,
        &[
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            &unit,
            "--co",
            "清白镇",
            "--text",
            &text,
            "--due",
            "2026-11-10",
            "--leader",
            &head,
        ],
    );
    ok(
        &db,
        &[
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            "清白镇",
            "--text",
            "修缮校舍",
        ],
    );
    let progress = ha("按计划推进");
    ok(
        &db,
        &[
            "task",
            "progress",
            "1",
            "--text",
            &progress,
            "--date",
            "2026-11-09",
        ],
    );
    let explanation = ha("政策处理难度大");
    ok(
        &db,
        &[
            "task",
            "explain",
            "1",
            "--promise",
            "2026-12-01",
            "--text",
            &explanation,
            "--date",
            "2026-11-11",
        ],
    );
    let note = ha("已按要求办结");
    ok(
        &db,
        &["task", "done", "2", "--note", &note, "--date", "2026-11-20"],
    );
    // Its promise is still ahead (R5.6): named all the same, with the reason, twice (R5.7).
    let (doc, reason) = (ha("县考绩办〔2026〕9号"), ha("逾期未完成\n且未兑现承诺"));
    for doc in [doc.as_str(), "县考绩办〔2026〕10号"] {
        ok(
            &db,
            &[
                "criticize",
                &unit,
                "--doc",
                doc,
                "--reason",
                &reason,
                "--task",
                "1",
                "--date",
                "2026-11-24",
                "--force",
            ],
        );
    }
    let proposal = ha("一年内两次通报批评");
    ok(
        &db,
        &[
            "referral",
            "propose",
            &unit,
            "--date",
            "2026-11-24",
            "--reason",
            &proposal,
        ],
    );
    let not_referred = ha("已整改到位");
    ok(
        &db,
        &["referral", "not-refer", "1", "--reason", &not_referred],
    );
    let holiday = ha("县庆");
    ok(&db, &["calendar", "set", "2026-12-31", "off", &holiday]);

    // What the store holds.
    let store = Store::open(&db, Thresholds::default()).unwrap();
    let u = store.unit_by_name(&one_line(&unit)).unwrap();
    assert_eq!(u.name, one_line(&unit).trim());
    assert_eq!(
        u.main_leader.as_deref(),
        Some(one_line(&main_leader).as_str())
    );
    assert_eq!(u.contact.as_deref(), Some(one_line(&contact).as_str()));
    let leaders = store.leaders().unwrap();
    let names: Vec<&str> = leaders.iter().map(|l| l.name.as_str()).collect();
    assert!(names.contains(&one_line(&head).as_str()), "{names:?}");
    assert!(names.contains(&one_line(&deputy).as_str()), "{names:?}");
    let m = store.meeting_detail(1, today()).unwrap();
    assert_eq!(m.row.topics, vec![one_line(&t1), one_line(&t2)]);
    assert_eq!(m.row.chair.as_deref(), Some(one_line(&head).as_str()));
    assert_eq!(m.row.number.as_deref(), Some(one_line(&number).as_str()));
    let (_, attendance) = m.attendance.iter().find(|(n, _)| *n == u.name).unwrap();
    assert_eq!(
        attendance.attendee.as_deref(),
        Some(one_line(&attendee).as_str())
    );
    assert_eq!(attendance.role.as_deref(), Some(one_line(&role).as_str()));
    let mi = m.minutes_record.as_ref().unwrap();
    let got = [
        &mi.drafter,
        &mi.drafter_phone,
        &mi.drafter_fax,
        &mi.drafter_email,
        &mi.reviewer,
    ];
    for (got, typed) in got.iter().zip(&drafter) {
        assert_eq!(got.as_deref(), Some(one_line(typed).as_str()));
    }
    assert_eq!(mi.signed_by.as_deref(), Some(one_line(&signed_by).as_str()));
    let fb = m.feedback.iter().find(|f| f.unit == "清白镇").unwrap();
    assert_eq!(
        fb.feedback.opinion.as_deref(),
        Some(lines(&opinion).as_str())
    );
    assert!(
        lines(&opinion).contains("\n第二行"),
        "the line break is kept"
    );
    assert_eq!(
        fb.feedback.signer.as_deref(),
        Some(one_line(&signer).as_str())
    );
    assert_eq!(
        fb.feedback.signer_post.as_deref(),
        Some(one_line(&post).as_str())
    );
    let t = store.task_detail(1, today()).unwrap();
    // A task's text is one line, as in the ledger and the TUI's forms.
    assert_eq!(t.row.text, one_line(&text));
    assert_eq!(t.row.leader.as_deref(), Some(one_line(&head).as_str()));
    assert_eq!(t.progress[0].text, lines(&progress));
    assert_eq!(
        t.explanations[0].text.as_deref(),
        Some(lines(&explanation).as_str())
    );
    let done = store.task_detail(2, today()).unwrap();
    assert_eq!(done.completion_note.as_deref(), Some(lines(&note).as_str()));
    let c = store.criticism(1).unwrap();
    assert_eq!(c.criticism.doc_no.as_deref(), Some(one_line(&doc).as_str()));
    assert_eq!(c.criticism.reason.as_deref(), Some(lines(&reason).as_str()));
    let r = store.referral(1).unwrap();
    assert_eq!(r.reason.as_deref(), Some(lines(&not_referred).as_str()));
    assert_eq!(
        r.proposal_reason.as_deref(),
        Some(lines(&proposal).as_str())
    );
    let (day, _) = store.calendar().entry(d("2026-12-31")).unwrap();
    assert_eq!(day.name, one_line(&holiday));

    // Nothing stored holds a forbidden character but the line breaks of long fields, and a
    // search for what the user saw finds the task.
    let rows = store
        .tasks(
            &TaskFilter {
                // What the task shows up to the first of its line breaks.
                text: Some(one_line(
                    "完\u{1b}[2J督\u{1b}]52;c;ZXZpbA==\u{7}办\u{9b}31m",
                )),
                ..TaskFilter::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1]);
    let meetings = store
        .meeting_rows(
            &MeetingFilter {
                text: Some(one_line(&ha("危险"))),
                ..MeetingFilter::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(meetings.iter().map(|m| m.id).collect::<Vec<_>>(), vec![1]);
}
