//! The accountability chain through the built binary (R5.5–R5.7): what `criticize`, `task waive`
//! and `referral` refuse, each in one line in Chinese and in English with exit code 2 and nothing
//! changed, and what the criticism notice says of each task.

mod support;

use std::io::Read;
use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

impl Run for Db {
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.args(["--today", TODAY]).args(args);
        Command::from(c).output().unwrap()
    }
}

/// The ids of the three tasks of 上塘镇, each past its limit of 2026-11-02.
struct Tasks {
    /// Explained on 11-03 with a promise of 11-10: missed.
    missed: String,
    /// Never explained.
    bare: String,
    /// Explained on 11-03 with a promise of 12-10: still ahead.
    ahead: String,
}

fn county() -> (Db, Tasks) {
    let db = Db::new();
    db.ok(&["init"]);
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["leader", "add", "李县长", "--title", "county-head"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "城区供水",
        "--chair",
        "李县长",
        "--date",
        "2026-10-12",
        "--emergency",
        "--unit",
        "上塘镇",
    ]);
    let add = |text: &str| {
        db.json(&[
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            "上塘镇",
            "--text",
            text,
            "--due",
            "2026-11-02",
        ])["id"]
            .to_string()
    };
    let tasks = Tasks {
        missed: add("完成管网改造"),
        bare: add("清理河道"),
        ahead: add("修缮校舍"),
    };
    for (id, promise) in [(&tasks.missed, "2026-11-10"), (&tasks.ahead, "2026-12-10")] {
        db.ok(&[
            "task",
            "explain",
            id,
            "--promise",
            promise,
            "--date",
            "2026-11-03",
        ]);
    }
    (db, tasks)
}

fn audit_rows(db: &Db) -> usize {
    db.json(&["audit", "--limit", "100000"])
        .as_array()
        .unwrap()
        .len()
}

/// `args` fails with exit code 2 in both languages, one line each, without internal field names
/// and without changing anything; the Chinese and English messages.
fn refused(db: &Db, args: &[&str]) -> (String, String) {
    let before = audit_rows(db);
    let mut out = Vec::new();
    for lang in ["zh", "en"] {
        let mut a = vec!["--lang", lang];
        a.extend_from_slice(args);
        let (code, err) = db.fails(&a);
        assert_eq!(code, 2, "{a:?}: {err}");
        let err = err.trim().to_string();
        assert_eq!(err.lines().count(), 1, "{a:?}: {err}");
        for internal in ["promised_on", "doc_no", "task_ids", "Invalid", "_"] {
            assert!(!err.contains(internal), "{a:?}: {err}");
        }
        out.push(err);
    }
    assert_eq!(audit_rows(db), before, "{args:?} changed something");
    let en = out.pop().unwrap();
    (out.pop().unwrap(), en)
}

fn notice(db: &Db, id: &str) -> String {
    let path = db.dir.path().join(format!("通报{id}.docx"));
    let out = path.to_str().unwrap();
    db.ok(&["export", "criticism", id, "--out", out]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

const CHAIN: &str = "经书面说明并承诺限期完成后，仍未在承诺时限内完成";

#[test]
fn r5_6_criticize_refuses_what_is_not_due_and_words_the_notice_truly() {
    let (db, t) = county();
    fn crit<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec!["criticize", "上塘镇", "--date", "2026-11-20"];
        a.extend_from_slice(extra);
        a
    }
    let (zh, en) = refused(&db, &crit(&["--task", &t.missed]));
    assert!(
        zh.contains("文号") && en.contains("document number"),
        "{zh} / {en}"
    );
    let (zh, en) = refused(&db, &crit(&["--doc", "县考绩办〔2026〕1号"]));
    assert!(zh.contains("至少一项") && en.contains("at least one task"));
    let (zh, en) = refused(&db, &crit(&["--doc", "1号", "--task", &t.bare]));
    assert!(
        zh.contains("尚无书面说明") && zh.contains("--force"),
        "{zh}"
    );
    assert!(
        en.contains("no written explanation") && en.contains("--force"),
        "{en}"
    );
    let (zh, en) = refused(&db, &crit(&["--doc", "1号", "--task", &t.ahead]));
    assert!(
        zh.contains("2026-12-10") && en.contains("2026-12-10"),
        "{zh} / {en}"
    );
    let (zh, _) = refused(&db, &crit(&["--doc", "1号", "--task", &t.bare, "--force"]));
    assert!(zh.contains("理由"), "{zh}");

    // The missed promise: criticised, and its notice tells the chain.
    db.ok(&crit(&[
        "--doc",
        "县考绩办〔2026〕1号",
        "--task",
        &t.missed,
    ]));
    let xml = notice(&db, "1");
    assert!(xml.contains(CHAIN), "the chain for a missed promise");
    // The same miss again: answered by criticism #1.
    let (zh, en) = refused(&db, &crit(&["--doc", "2号", "--task", &t.missed]));
    assert!(
        zh.contains("#1") && en.contains("criticism #1"),
        "{zh} / {en}"
    );

    // Insisted on, with the reason: stored, and the notice says of each what happened.
    db.ok(&crit(&[
        "--doc-no",
        "县考绩办〔2026〕2号",
        "--task",
        &t.bare,
        "--task",
        &t.ahead,
        "--force",
        "--reason",
        "逾期未完成，经研究一并通报",
    ]));
    let c = &db.json(&["criticisms"])[1];
    assert_eq!(c["doc_no"], "县考绩办〔2026〕2号");
    assert_eq!(c["reason"], "逾期未完成，经研究一并通报");
    let xml = notice(&db, "2");
    assert!(!xml.contains(CHAIN), "no task of #2 missed a promise");
    assert!(xml.contains("逾期未完成、未按要求作出书面说明"));
    assert!(
        xml.contains("承诺于2026年12月10日前完成"),
        "the promise still ahead"
    );
}

#[test]
fn r5_6_waive_needs_a_reason_and_a_missed_promise_and_answers_it() {
    let (db, t) = county();
    assert_eq!(db.json(&["check"])["criticism_due"], 1);
    let (zh, en) = refused(&db, &["task", "waive", &t.missed]);
    assert!(zh.contains("理由") && en.contains("reason"), "{zh} / {en}");
    let (zh, _) = refused(&db, &["task", "waive", &t.bare, "--reason", "已整改"]);
    assert!(zh.contains("尚无书面说明"), "{zh}");
    let (zh, _) = refused(&db, &["task", "waive", &t.ahead, "--reason", "已整改"]);
    assert!(zh.contains("2026-12-10"), "{zh}");
    db.ok(&[
        "task",
        "waive",
        &t.missed,
        "--reason",
        "客观原因，已整改到位",
        "--date",
        "2026-11-24",
    ]);
    let show = db.ok(&["task", "show", &t.missed]);
    assert!(
        show.contains("不予通报批评") && show.contains("客观原因，已整改到位"),
        "{show}"
    );
    let json = db.json(&["task", "show", &t.missed]);
    assert_ne!(json["state"], "criticism_due");
    assert_eq!(json["waivers"][0]["reason"], "客观原因，已整改到位");
    assert_eq!(db.json(&["check"])["criticism_due"], 0);
    assert_eq!(db.json(&["check"])["counts_kept"], "ok");
    let (zh, en) = refused(
        &db,
        &[
            "criticize",
            "上塘镇",
            "--doc",
            "3号",
            "--task",
            &t.missed,
            "--date",
            "2026-11-25",
        ],
    );
    assert!(
        zh.contains("不予通报批评") && en.contains("waived"),
        "{zh} / {en}"
    );
}

#[test]
fn r5_7_referral_is_proposed_only_when_due_one_at_a_time_and_keeps_every_step() {
    let (db, t) = county();
    let (zh, en) = refused(&db, &["referral", "propose", "上塘镇"]);
    assert!(
        zh.contains("不属于应移送") && zh.contains("近一年受批评 0 次"),
        "{zh}"
    );
    assert!(en.contains("not due for referral"), "{en}");
    for (doc, task) in [("1号", &t.missed), ("2号", &t.bare)] {
        let mut a = vec!["criticize", "上塘镇", "--doc", doc, "--task", task];
        if task == &t.bare {
            a.extend(["--force", "--reason", "未作书面说明"]);
        }
        db.ok(&a);
    }
    db.ok(&[
        "referral",
        "propose",
        "上塘镇",
        "--reason",
        "一年内两次通报批评",
    ]);
    let (zh, en) = refused(&db, &["referral", "propose", "上塘镇"]);
    assert!(
        zh.contains("#1") && en.contains("in progress"),
        "{zh} / {en}"
    );
    let (zh, en) = refused(&db, &["referral", "approve", "1"]);
    assert!(
        zh.contains("县政府") && en.contains("approval"),
        "{zh} / {en}"
    );
    db.ok(&[
        "referral",
        "approve",
        "1",
        "--approval",
        "县政府同意（第12次常务会议）",
    ]);
    refused(&db, &["referral", "refer", "1"]);
    db.ok(&[
        "referral",
        "refer",
        "1",
        "--decision",
        "县考绩办移送函〔2026〕1号",
    ]);
    refused(&db, &["referral", "conclude", "1"]);
    db.ok(&["referral", "conclude", "1", "--outcome", "诫勉谈话"]);
    let r = &db.json(&["referral", "list"])[0];
    assert_eq!(r["proposal_reason"], "一年内两次通报批评");
    assert_eq!(r["approval"], "县政府同意（第12次常务会议）");
    assert_eq!(r["decision"], "县考绩办移送函〔2026〕1号");
    assert_eq!(r["outcome"], "诫勉谈话");
}
