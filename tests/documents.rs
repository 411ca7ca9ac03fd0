//! The status bulletin of R5.4 and the documents in 公文 form, through the built binary on the demo
//! county: every figure of the bulletin against `duban report` for the same period, each list as
//! long as its figure, the documents' properties (the exporting account and the real time), bad
//! input refused, and `x` on the reports tab. Their pages as PDF are checked in
//! `documents_pdf.rs`.

mod support;

use std::collections::HashMap;
use std::process::Output;

use assert_cmd::Command;
use chrono::{DateTime, Utc};

use support::cli::{Run, TODAY, TempDb as Db, failed, hermetic};
use support::docx::{body_text, number_after, part, tables};

impl Run for Db {
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.env("DUBAN_TODAY", TODAY).args(args);
        Command::from(c).output().unwrap()
    }

    /// A refusal, and never a panic.
    fn fails(&self, args: &[&str]) -> (i32, String) {
        let (code, err) = failed(args, self.output(args));
        assert!(!err.contains("panicked"), "{err}");
        (code, err)
    }
}

fn demo() -> Db {
    let db = Db::new();
    db.ok(&["demo"]);
    db
}

fn out(db: &Db, name: &str) -> String {
    db.dir.path().join(name).display().to_string()
}

/// `duban report PART --format csv` with `period`: its header and rows.
fn report_csv(db: &Db, part: &str, period: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut args = vec!["report", part, "--format", "csv"];
    args.extend(period);
    let text = db.ok(&args);
    let mut lines = text.lines().map(|l| {
        l.trim_start_matches('\u{feff}')
            .split(',')
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    let header = lines.next().unwrap();
    (header, lines.collect())
}

/// The line of `text` that starts with `start`.
fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting \"{start}\" in:\n{text}"))
}

/// The table whose heading row has `header` in its last cell.
fn table_ending<'a>(all: &'a [Vec<Vec<String>>], header: &str) -> Option<&'a Vec<Vec<String>>> {
    all.iter()
        .find(|t| t[0].last().map(String::as_str) == Some(header))
}

const PERIODS: [&[&str]; 5] = [
    &["--period", "month"],
    &["--period", "quarter"],
    &["--period", "year"],
    &["--from", "2026-03-01", "--to", "2026-09-30"],
    &[],
];

#[test]
fn r5_4_every_figure_of_the_bulletin_is_the_reports_for_the_same_period() {
    let db = demo();
    // The red tasks of each period's report, to show the county's count is not one of them.
    let mut period_red = Vec::new();
    for period in PERIODS {
        let docx = out(&db, "通报.docx");
        let mut args = vec!["export", "bulletin", "--out", &docx];
        args.extend(period);
        db.ok(&args);
        let text = body_text(std::path::Path::new(&docx));
        let all = tables(std::path::Path::new(&docx));
        let (_, summary) = report_csv(&db, "summary", period);
        let summary: HashMap<String, String> = summary
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let figure = |label: &str| -> i64 { summary[label].parse().unwrap() };
        // The county's red tasks on the day, whatever the period: the ledger's red list (the
        // report's lights count only the tasks decided at the period's meetings).
        let ledger = db.json(&["task", "list", "--light", "red"]);
        let ledger = ledger.as_array().unwrap();
        let red = ledger.len() as i64;
        let mut json_args = vec!["report"];
        json_args.extend(period);
        let report_red = db.json(&json_args)["lights"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l[0] == "red")
            .map_or(0, |l| l[1].as_i64().unwrap());
        period_red.push(report_red);

        // The overall figures, sentence by sentence.
        let meetings = line(&text, &format!("{}，县政府共召开", period_name(&text)));
        assert_eq!(
            number_after(meetings, "召开专题会议"),
            figure("会议"),
            "{period:?}"
        );
        assert_eq!(number_after(meetings, "研究议题"), figure("议题"));
        let minutes = line(&text, "会议纪要按时印发");
        assert_eq!(number_after(minutes, "按时印发"), figure("按时印发"));
        assert_eq!(number_after(minutes, "，逾期印发"), figure("逾期印发"));
        assert_eq!(number_after(minutes, "逾期未印发"), figure("逾期未印发"));
        assert_rate(minutes, &summary["纪要按时印发率"]);
        let tasks = line(&text, "本期到期的议定事项");
        assert_eq!(number_after(tasks, "议定事项"), figure("本期到期"));
        assert_eq!(number_after(tasks, "按时办结"), figure("按时办结"));
        assert_eq!(number_after(tasks, "逾期办结"), figure("逾期办结"));
        assert_eq!(number_after(tasks, "逾期未办结"), figure("逾期未办结"));
        assert_rate(tasks, &summary["按时办结率"]);
        let lights = line(&text, "截至2026年11月25日，全县共有红灯事项");
        assert_eq!(number_after(lights, "仍未办结）"), red);
        let acc = line(&text, "本期各单位提交书面说明");
        assert_eq!(number_after(acc, "书面说明"), figure("书面说明"));
        assert_eq!(number_after(acc, "承诺时限未兑现"), figure("承诺未兑现"));
        assert_eq!(number_after(acc, "通报批评"), figure("本期通报批评"));
        assert_eq!(number_after(acc, "提出移送追责"), figure("本期移送"));

        // The units' table: each of its columns is the report's column of that name, row by row,
        // the totals last.
        let (header, rows) = report_csv(&db, "units", period);
        let units = all
            .iter()
            .find(|t| t[0].first().map(String::as_str) == Some("单位"))
            .expect("the units' table");
        assert_eq!(units.len() - 1, rows.len(), "{period:?}");
        for (col, name) in units[0].iter().enumerate() {
            let at = header.iter().position(|h| h == name).expect(name);
            for (got, want) in units[1..].iter().zip(&rows) {
                assert_eq!(got[col], want[at], "{period:?} {name} of {}", want[0]);
            }
        }

        // Each list is as long as its figure.
        let red_table = table_ending(&all, "逾期工作日");
        assert_eq!(red_table.map_or(0, |t| t.len() - 1) as i64, red);
        let missed = table_ending(&all, "承诺完成时限");
        assert_eq!(
            missed.map_or(0, |t| t.len() - 1) as i64,
            figure("承诺未兑现")
        );
        let criticisms = all.iter().find(|t| t[0].contains(&"文号".to_string()));
        assert_eq!(
            criticisms.map_or(0, |t| t.len() - 1) as i64,
            figure("本期通报批评")
        );
        let referrals = table_ending(&all, "办理进展");
        assert_eq!(
            referrals.map_or(0, |t| t.len() - 1) as i64,
            figure("本期移送")
        );
        let due = figure("应移送");
        if due > 0 {
            let sentence = text
                .lines()
                .find(|l| l.contains("应报经县政府同意后移送县纪委监委追责"))
                .unwrap();
            assert_eq!(sentence.matches('、').count() as i64 + 1, due, "{sentence}");
            assert_eq!(number_after(sentence, "（共"), due, "{sentence}");
        }

        // The red list is the ledger's red tasks in its order, each with its working days overdue.
        if let Some(t) = red_table {
            for (row, task) in t[1..].iter().zip(ledger) {
                assert_eq!(row[1], task["text"].as_str().unwrap());
                assert_eq!(row[2], task["lead_unit"].as_str().unwrap());
                let left = task["working_days_left"].as_i64().unwrap();
                assert_eq!(row[4], (-left).to_string());
            }
        }
    }
    let county = db
        .json(&["task", "list", "--light", "red"])
        .as_array()
        .unwrap()
        .len() as i64;
    assert!(
        period_red.iter().any(|r| *r != county),
        "some period's report counts fewer red tasks than the county has: {period_red:?} / {county}"
    );
}

/// The period as the bulletin's first figure names it, read from its title.
fn period_name(text: &str) -> String {
    let title = line(text, "关于");
    title
        .trim_start_matches("关于")
        .split("县政府专题会议")
        .next()
        .unwrap()
        .to_string()
}

/// The sentence ends with the rate of the report, or with no rate when the report has none.
fn assert_rate(sentence: &str, rate: &str) {
    if rate == "—" {
        assert!(!sentence.contains("按时率"), "{sentence}");
    } else {
        assert!(
            sentence.ends_with(&format!("按时率{rate}。")),
            "{sentence} / {rate}"
        );
    }
}

#[test]
fn r5_4_the_bulletin_names_its_period_and_reads_in_english_too() {
    let db = demo();
    let docx = out(&db, "b.docx");
    db.ok(&["export", "bulletin", "--period", "quarter", "--out", &docx]);
    let text = body_text(std::path::Path::new(&docx));
    assert!(
        text.contains("关于2026年第四季度县政府专题会议议定事项督查情况的通报"),
        "{text}"
    );
    // The order of a 公文: number, title, addressee, body, signature, date.
    let order = [
        "草稿",
        "〔",
        "关于2026年第四季度",
        "各乡镇人民政府，县政府直属各单位：",
        "一、总体情况",
        "二、各单位办理情况",
        "三、红灯事项",
        "四、承诺时限未兑现事项",
        "五、通报批评和移送追责",
        "六、工作要求",
        "特此通报。",
        "县政府办公室",
        "县考绩办\n2026年11月25日",
    ];
    let mut at = 0;
    for s in order {
        let found = text[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s} not after byte {at}:\n{text}"));
        at += found + s.len();
    }
    let en = out(&db, "en.docx");
    db.ok(&[
        "--lang", "en", "export", "bulletin", "--period", "month", "--out", &en,
    ]);
    let text = body_text(std::path::Path::new(&en));
    assert!(text.contains("November 2026"), "{text}");
    assert!(text.contains("3. Red tasks"), "{text}");
    assert!(
        text.contains("Hereby notified.") && !text.contains("特此通报"),
        "{text}"
    );
}

#[test]
fn documents_name_the_exporting_account_and_the_real_time_of_the_export() {
    let db = demo();
    let before = Utc::now() - chrono::Duration::seconds(2);
    let id = db.json(&["criticisms"])[0]["id"].to_string();
    let notice = out(&db, "n.docx");
    db.ok(&["export", "criticism", &id, "--out", &notice]);
    let bulletin = out(&db, "b.docx");
    db.ok(&["export", "bulletin", "--out", &bulletin]);
    let after = Utc::now() + chrono::Duration::seconds(2);
    let account = duban::os::current_user();
    for path in [&notice, &bulletin] {
        let core = part(std::path::Path::new(path), "docProps/core.xml");
        assert!(
            core.contains(&format!("<dc:creator>{account}</dc:creator>")),
            "{core}"
        );
        for tag in ["dcterms:created", "dcterms:modified"] {
            let start = core.find(&format!("<{tag} ")).unwrap();
            let value = &core[start..];
            let value = &value[value.find('>').unwrap() + 1..value.find("</").unwrap()];
            let at: DateTime<Utc> = value.parse().unwrap();
            // The real time of the export, not the --today the body is dated by.
            assert!(
                before <= at && at <= after,
                "{tag} {at} not between {before} and {after}"
            );
        }
        assert!(core.contains("<dc:title>关于"), "{core}");
        let app = part(std::path::Path::new(path), "docProps/app.xml");
        assert!(app.contains("<Company>县考绩办</Company>"), "{app}");
    }
}

#[test]
fn a_bulletin_with_a_bad_period_or_file_type_is_refused_and_writes_nothing() {
    let db = demo();
    let pdf = out(&db, "通报.pdf");
    let (code, err) = db.fails(&["export", "bulletin", "--out", &pdf]);
    assert_eq!(code, 2);
    assert!(err.contains(".pdf") && err.lines().count() == 1, "{err}");
    let docx = out(&db, "通报.docx");
    let (code, err) = db.fails(&[
        "export",
        "bulletin",
        "--from",
        "2026-05-01",
        "--to",
        "2026-04-01",
        "--out",
        &docx,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-05-01"), "{err}");
    let (code, err) = db.fails(&[
        "--lang",
        "en",
        "export",
        "bulletin",
        "--from",
        "2026-13-01",
        "--out",
        &docx,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-13-01"), "{err}");
    assert!(!std::path::Path::new(&pdf).exists());
    assert!(!std::path::Path::new(&docx).exists());
}

#[test]
fn r5_4_x_on_the_reports_tab_offers_the_report_and_the_bulletin_of_its_period() {
    use duban::i18n::Lang;
    use duban::tui::harness::Harness;
    use duban::tui::model::Mode;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::demo(Lang::Zh, today, 100, 30).unwrap();
    h.model.export_dir = dir.path().to_path_buf();
    // The month, then x: a choice of two files.
    h.keys("5");
    while h.model.reports.kind != duban::domain::PeriodKind::Month {
        h.keys("s");
    }
    h.keys("x");
    assert_eq!(h.model.mode, Mode::Menu);
    let screen = h.text();
    assert!(screen.contains("报表（.xlsx）"), "{screen}");
    assert!(
        screen.contains("督查情况通报草稿（.docx，R5.4）"),
        "{screen}"
    );
    // Esc writes nothing.
    h.keys("<Esc>");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    h.keys("x2");
    assert_eq!(h.model.mode, Mode::Normal);
    assert!(h.text().contains("已导出"), "{}", h.text());
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name == "督查情况通报-2026-11-25.docx", "{name}");
    let text = body_text(&files[0]);
    assert!(text.contains("关于2026年11月县政府专题会议"), "{text}");
    // The same figures as the tab's report.
    let report = h.model.reports.report.clone().unwrap();
    assert_eq!(
        number_after(&text, "召开专题会议"),
        report.meetings.meetings
    );
}

/// Issue 18 point 8: one name for the body that receives referrals, `referral_body` in the
/// configuration (default 县纪委监委), reaches the criticism notice and the bulletin as written.
#[test]
fn r8_referral_body_from_the_config_reaches_the_notice_and_the_bulletin() {
    let db = demo();
    let id = db.json(&["criticisms"])[0]["id"].to_string();
    // The default, in each language.
    let zh = out(&db, "zh.docx");
    db.ok(&["export", "criticism", &id, "--out", &zh]);
    let text = body_text(std::path::Path::new(&zh));
    assert!(text.contains("移送县纪委监委追究相关责任"), "{text}");
    assert!(!text.contains("监察局"), "{text}");
    let en = out(&db, "en.docx");
    db.ok(&["--lang", "en", "export", "criticism", &id, "--out", &en]);
    let text = body_text(std::path::Path::new(&en));
    assert!(
        text.contains("referred to the county discipline inspection and supervision commission"),
        "{text}"
    );
    // Configured: the notice and the bulletin name it.
    let config = out(&db, "config.toml");
    std::fs::write(&config, "referral_body = \"市纪委监委驻县纪检监察组\"\n").unwrap();
    let notice = out(&db, "n.docx");
    db.ok(&[
        "--config",
        &config,
        "export",
        "criticism",
        &id,
        "--out",
        &notice,
    ]);
    let text = body_text(std::path::Path::new(&notice));
    assert!(
        text.contains("移送市纪委监委驻县纪检监察组追究相关责任"),
        "{text}"
    );
    let bulletin = out(&db, "b.docx");
    db.ok(&[
        "--config", &config, "export", "bulletin", "--out", &bulletin,
    ]);
    let text = body_text(std::path::Path::new(&bulletin));
    if text.contains("应报经县政府同意后移送") {
        assert!(text.contains("移送市纪委监委驻县纪检监察组追责"), "{text}");
    }
}
