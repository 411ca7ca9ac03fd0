//! The command line's output over the hostile database: every reading command in table, CSV and
//! JSON form, and error messages that echo hostile input. The raw bytes never hold a control
//! character (line feeds between lines aside) or a bidi override; JSON strings, once decoded,
//! hold line feeds only (in the fields of several lines) and nothing else of the kind.

use std::path::Path;

use serde_json::Value;

use crate::corpus::{VISIBLE, assert_clean, assert_one_line_fields, duban, hostile_db, nasty_arg};

/// Every string in `v`, keys too, with where it is.
fn strings<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((at, s)),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{at}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                out.push((format!("{at} key"), k));
                strings(x, format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Runs `args` in every format; checks both streams; returns how often the hostile text showed.
fn check_all_formats(db: &Path, args: &[&str]) -> usize {
    let mut shown = 0;
    for format in ["table", "csv", "json"] {
        for lang in ["zh", "en"] {
            let out = duban(db)
                .args(["--format", format, "--lang", lang])
                .args(args)
                .output()
                .unwrap();
            let what = format!("{args:?} --format {format} --lang {lang}");
            assert!(
                out.status.success(),
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_clean(&format!("{what} stdout"), &stdout, &['\n']);
            assert_clean(&format!("{what} stderr"), &stderr, &['\n']);
            assert_one_line_fields(&format!("{what} stdout"), &stdout);
            assert_one_line_fields(&format!("{what} stderr"), &stderr);
            shown += stdout.matches(VISIBLE).count();
            if format == "json" {
                let v: Value = serde_json::from_str(&stdout)
                    .unwrap_or_else(|e| panic!("{what}: {e}\n{stdout}"));
                let mut all = Vec::new();
                strings(&v, String::new(), &mut all);
                for (at, s) in all {
                    assert_clean(&format!("{what} {at}"), s, &['\n']);
                }
            }
        }
    }
    shown
}

#[test]
fn every_reading_command_prints_clean_text_in_every_format() {
    let (_dir, db, added) = hostile_db();
    let meeting = added.meeting.to_string();
    let task = added.task.to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["unit", "list"],
        vec!["unit", "show", &added.plain_unit],
        vec!["leader", "list"],
        vec!["meeting", "list"],
        vec!["meeting", "show", "1"],
        vec!["meeting", "show", "2"],
        vec!["meeting", "show", &meeting],
        vec!["task", "list"],
        vec!["task", "list", "--light", "red"],
        vec!["task", "list", "--text", "[2J"],
        vec!["task", "show", "1"],
        vec!["task", "show", "7"],
        vec!["task", "show", &task],
        vec!["criticisms"],
        vec!["referral", "list"],
        vec!["report", "--all"],
        vec!["calendar", "list", "2026"],
        vec!["workdays", "is", "2026-12-31"],
        vec!["audit", "--limit", "1000"],
        vec!["check"],
    ];
    for args in &commands {
        let shown = check_all_formats(&db, args);
        let quiet = ["workdays", "check"].contains(&args[0])
            || args == &["report", "--all"]
            || args.starts_with(&["calendar", "list"]);
        assert!(quiet || shown > 0, "{args:?} never showed the hostile text");
    }
}

#[test]
fn error_messages_that_echo_hostile_input_are_clean() {
    let (dir, db, _) = hostile_db();
    let n = nasty_arg();
    let bad_path = dir.path().join(format!("无{n}此")).join("x.csv");
    let bad_path = bad_path.to_str().unwrap();
    // Refused by the argument parser (clap): its message keeps its usage lines, but what it
    // echoes is cleaned to one line.
    let usage = |args: &[&str]| {
        args.contains(&"--kind")
            || args.contains(&"--format")
            || args[0] == "report"
            || args.starts_with(&["task", "show"])
    };
    let cases: Vec<Vec<&str>> = vec![
        vec!["unit", "show", &n],
        vec!["task", "list", "--unit", &n],
        vec!["task", "list", "--state", &n],
        vec!["task", "list", "--due-from", &n],
        vec!["task", "add", "--meeting", "1", "--lead", &n, "--text", "x"],
        vec![
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            "上塘镇",
            "--text",
            "x",
            "--due",
            &n,
        ],
        vec![
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            "上塘镇",
            "--text",
            "x",
            "--exempt",
            &n,
        ],
        vec!["meeting", "attend", "1", &n, "--outcome", "absent"],
        vec!["criticize", &n],
        vec!["export", "ledger", "--out", bad_path],
        vec!["import", "units", bad_path],
        vec!["workdays", "add", &n, "3"],
        vec!["unit", "add", "新镇", "--kind", &n],
        vec!["report", &n],
        vec!["--format", &n, "task", "list"],
        vec!["task", "show", &n],
        vec!["--config", bad_path, "task", "list"],
    ];
    for args in &cases {
        for lang in ["zh", "en"] {
            let out = duban(&db)
                .args(["--lang", lang])
                .args(args)
                .output()
                .unwrap();
            assert!(!out.status.success(), "{args:?} should fail");
            // 2 for bad input, 1 for a file that cannot be written or read; never a panic.
            assert!(
                matches!(out.status.code(), Some(1 | 2)),
                "{args:?}: {out:?}"
            );
            let stderr = String::from_utf8(out.stderr).unwrap();
            let what = format!("{args:?} --lang {lang}");
            assert_clean(&what, &stderr, &['\n']);
            assert_clean(&what, &String::from_utf8(out.stdout).unwrap(), &['\n']);
            assert_one_line_fields(&what, &stderr);
            if !usage(args) {
                assert_eq!(
                    stderr.trim_end().lines().count(),
                    1,
                    "{what}: one line: {stderr}"
                );
            }
        }
    }
    // A day to compute for that is not a date (from the environment: the helper sets --today).
    let out = duban(&db)
        .env("DUBAN_TODAY", &n)
        .args(["--lang", "en", "task", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_clean("DUBAN_TODAY", &stderr, &['\n']);
    // A database path that does not exist is named in the message, cleaned.
    let missing = dir.path().join(format!("缺{n}失.db"));
    let out = duban(&missing).args(["task", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_clean("missing database", &stderr, &['\n']);
    assert!(stderr.contains(VISIBLE), "{stderr}");
}
