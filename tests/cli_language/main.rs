//! The command line speaks the user's language, through the built binary: enumerated values in
//! Chinese as the screens show them and in English; every refusal (the argument parser's own
//! included) one line in the user's language naming the value, exit code 2, nothing written, no
//! internal field name; texts within their limits; a long unknown name quoted shortened. Time
//! runs one way here too: the refusals the TUI gives are the command line's.

#[path = "../support/mod.rs"]
mod support;
mod time_order;

use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

pub struct Cli(Db);

impl Run for Cli {
    fn output(&self, args: &[&str]) -> Output {
        // The day by the variable, so that a test may type --today itself.
        let mut c = hermetic(&self.0.path, self.0.dir.path());
        c.env("DUBAN_TODAY", TODAY).args(args);
        Command::from(c).output().unwrap()
    }
}

impl Cli {
    pub fn audit_rows(&self) -> usize {
        self.json(&["audit", "--limit", "100000"])
            .as_array()
            .unwrap()
            .len()
    }

    /// A refusal: exit code 2, one line on stderr, nothing on stdout, nothing written, no
    /// `_`-joined identifier; its text.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = self.audit_rows();
        let out = self.output(args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line\n{err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("duban: "), "{err}");
        let words: Vec<&str> = err
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.contains('_') && w.split('_').all(|p| !p.is_empty()))
            .collect();
        assert!(
            words.is_empty(),
            "{args:?}: internal names {words:?} in {err}"
        );
        assert_eq!(self.audit_rows(), before, "{args:?}: nothing written");
        err
    }
}

pub fn county() -> Cli {
    let db = Cli(Db::new());
    db.ok(&["init"]);
    db
}

#[test]
fn enumerated_values_are_taken_in_chinese_as_shown_and_in_english() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇", "--kind", "乡镇"]);
    db.ok(&["unit", "add", "县财政局", "--kind", "县直单位"]);
    db.ok(&["unit", "add", "县水利局", "--kind", "department"]);
    db.ok(&["leader", "add", "李明华", "--title", "副县长"]);
    db.ok(&["leader", "add", "黄伟", "--title", "office-director"]);
    let units = db.json(&["unit", "list"]);
    let kinds: Vec<&str> = units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["township", "department", "department"]);
    let leaders = db.json(&["leader", "list"]);
    assert_eq!(leaders[0]["title"], "deputy_head");
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--chair",
        "李明华",
        "--date",
        "2026-11-20",
        "--unit",
        "上塘镇",
        "--unit",
        "县财政局",
    ]);
    db.ok(&["meeting", "attend", "1", "上塘镇", "--outcome", "擅自替会"]);
    db.ok(&["meeting", "attend", "1", "县财政局", "--outcome", "缺席"]);
    let m = db.json(&["meeting", "show", "1"]);
    let outcomes: Vec<&str> = m["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[1]["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["unauthorised_substitute", "absent"]);
    db.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "征地",
        "--exempt",
        "土地",
    ]);
    let rows = db.json(&[
        "task",
        "list",
        "--light",
        "不设默认时限",
        "--state",
        "办理中",
    ]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    db.ok(&["report", "--period", "本季度"]);
    db.ok(&["task", "list", "--format", "表格", "--sort", "单位"]);
    db.ok(&["--lang", "英文", "task", "list"]);
}

#[test]
fn every_refusal_is_one_line_in_the_users_language_with_exit_code_2() {
    let db = county();
    db.ok(&["unit", "add", "上塘镇"]);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["task", "list", "--colour", "red"],
            "无法识别的选项“--colour”",
            "unknown option \"--colour\"",
        ),
        (
            &["task", "lst"],
            "无法识别的命令“lst”",
            "unknown command \"lst\"",
        ),
        (
            &["unit", "add", "新镇", "--kind", "村"],
            "可选 乡镇、县直单位、其他",
            "use township, department, other",
        ),
        (
            &["leader", "add", "王五", "--title", "镇长"],
            "“镇长”无法识别",
            "\"镇长\" is not accepted",
        ),
        (
            &["meeting", "show", "abc"],
            "“abc”无效：应为整数",
            "a whole number is expected",
        ),
        (
            &["task", "list", "--unit"],
            "--unit 后面缺少值",
            "--unit needs a value",
        ),
        (
            &["leader", "add", "王五"],
            "缺少必填项：--title",
            "missing --title",
        ),
        (
            &["task", "list", "--state", "criticism"],
            "应通报批评",
            "criticism-due",
        ),
        (
            &["--today", "2026-02-30", "task", "list"],
            "2026-02-30",
            "2026-02-30",
        ),
    ];
    for (args, zh, en) in cases {
        let z = db.refused(args);
        assert!(z.contains(zh), "{args:?}: {z}");
        let mut with_en = vec!["--lang", "en"];
        with_en.extend_from_slice(args);
        let e = db.refused(&with_en);
        assert!(e.contains(en), "{args:?}: {e}");
    }
}

#[test]
fn texts_have_limits_and_long_names_are_quoted_shortened() {
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
    // As long as one argument may be (128 KiB).
    let huge = "改".repeat(40_000);
    let e = db.refused(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        &huge,
    ]);
    assert!(
        e.contains("督办事项内容过长：最多 1000 字，现为 40000 字"),
        "{e}"
    );
    let e = db.refused(&["--lang", "en", "unit", "add", &"镇".repeat(51)]);
    assert!(
        e.contains("the unit's name is too long: at most 50 characters, 51 given"),
        "{e}"
    );
    let pasted = "这是一段从文件里误粘贴进来的很长很长的文字而不是单位名称".repeat(50);
    let e = db.refused(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        &pasted,
        "--text",
        "x",
    ]);
    assert!(e.chars().count() < 80, "{e}");
    assert!(e.contains("…"), "{e}");
}
