//! The calendar through the built binary: overrides, imports of a year's notice (known only once
//! whole; a file with a day twice or no day refused), and the provisional mark of `workdays` in
//! every format.

mod support;

use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

fn db() -> Db {
    Db::new()
}

impl Run for Db {
    /// With no server configuration, and the day fixed by `--today`.
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.args(["--today", TODAY]).args(args);
        Command::from(c).output().unwrap()
    }
}

trait Audit {
    fn audit_rows(&self) -> usize;
}

impl Audit for Db {
    fn audit_rows(&self) -> usize {
        self.json(&["audit", "--limit", "100000"])
            .as_array()
            .unwrap()
            .len()
    }
}

#[test]
fn calendar_overrides_and_imports() {
    let db = db();
    db.ok(&["init"]);
    db.ok(&["calendar", "set", "2027-01-01", "off", "元旦"]);
    assert_eq!(db.ok(&["workdays", "is", "2027-01-01"]).trim(), "offday");
    let csv = db.dir.path().join("2027.csv");
    std::fs::write(
        &csv,
        "date,is_off_day,name\n2027-02-06,0,春节\n2027-02-08,1,春节\n",
    )
    .unwrap();
    // Two stray rows are written, but they are not the 2027 notice: the year stays provisional,
    // and the import says what it lacks.
    let out = db.ok(&["calendar", "import", csv.to_str().unwrap()]);
    assert!(
        out.contains("2027年只导入了部分日期（缺春节、国庆节）"),
        "{out}"
    );
    let list = db.json(&["calendar", "list", "2027"]);
    assert_eq!(list["provisional"], true);
    assert_eq!(list["days"].as_array().unwrap().len(), 3);
    assert_eq!(db.ok(&["workdays", "is", "2027-02-06"]).trim(), "workday");
    // The rest of the notice: Spring Festival days off and National Day. Now it is known.
    let rest = db.dir.path().join("2027b.csv");
    let mut text = String::from("date,is_off_day,name\n");
    for d in 9..=12 {
        text.push_str(&format!("2027-02-{d:02},1,春节\n"));
    }
    for d in 1..=7 {
        text.push_str(&format!("2027-10-{d:02},1,国庆节\n"));
    }
    std::fs::write(&rest, text).unwrap();
    let out = db.ok(&["--lang", "en", "calendar", "import", rest.to_str().unwrap()]);
    assert!(out.contains("the holiday notice of 2027 is in"), "{out}");
    assert_eq!(db.json(&["calendar", "list", "2027"])["provisional"], false);
    let bad = db.dir.path().join("bad.csv");
    std::fs::write(&bad, "date,is_off_day,name\n2027-13-01,1,x\n").unwrap();
    let (code, err) = db.fails(&["calendar", "import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("第2行"), "{err}");
}

#[test]
fn calendar_import_refuses_a_day_twice_or_no_day_in_one_line() {
    let db = db();
    db.ok(&["init"]);
    let before = db.audit_rows();
    let twice = db.dir.path().join("twice.csv");
    std::fs::write(
        &twice,
        "date,is_off_day,name\n2028-01-26,1,春节\n2028-01-26,0,春节\n",
    )
    .unwrap();
    let empty = db.dir.path().join("empty.csv");
    std::fs::write(&empty, "date,is_off_day,name\n").unwrap();
    for (lang, file, words) in [
        ("zh", &twice, "第2行与第3行是同一天 2028-01-26"),
        ("en", &twice, "lines 2 and 3 are both 2028-01-26"),
        ("zh", &empty, "日历文件中没有任何日期"),
        ("en", &empty, "lists no day"),
    ] {
        let (code, err) = db.fails(&["--lang", lang, "calendar", "import", file.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(words), "{err}");
    }
    assert_eq!(db.audit_rows(), before, "nothing written");
}

#[test]
fn r4_3_provisional_in_every_form_of_workdays_and_no_date_past_2199() {
    let db = db();
    db.ok(&["init"]);
    // In table form the value stays bare (scripts read it) and the mark is explained on stderr,
    // for `is` as for `add` and `between`.
    for args in [
        vec!["workdays", "is", "2027-03-01"],
        vec!["workdays", "add", "2026-12-28", "5"],
        vec!["workdays", "between", "2026-12-28", "2027-01-08"],
    ] {
        let out = db.output(&args);
        assert!(out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("暂按周一至周五计算"), "{args:?}: {err}");
        assert_eq!(db.json(&args)["provisional"], true, "{args:?}");
    }
    let out = db.output(&["workdays", "is", "2026-03-02"]);
    assert!(out.stderr.is_empty(), "a known year is not marked");
    for (lang, words) in [("zh", "超出支持范围（1970–2199年）"), ("en", "1970–2199")] {
        let (code, err) = db.fails(&["--lang", lang, "workdays", "add", "2199-12-30", "5"]);
        assert_eq!(code, 2);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(words) && err.contains("2199-12-30"), "{err}");
    }
    let (code, _) = db.fails(&["workdays", "add", "1970-01-02", "-5"]);
    assert_eq!(code, 2);
}
