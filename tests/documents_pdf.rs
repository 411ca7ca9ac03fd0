//! The documents as pages: each .docx duban writes, converted to PDF by LibreOffice, read back as
//! text by pdftotext and as images by pdftoppm. Checked: the number of pages, "— N —" on each
//! page at its outside edge, the 落款 (office and date) on the same page as the body's last line,
//! the text in the order of a 公文, the drafter's phone and e-mail each on one line, every page
//! with ink inside the type area and none in the margins. Skipped, with a notice, where LibreOffice
//! or poppler is not installed.

mod support;

use std::path::Path;

use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::{PeriodKind, Thresholds};
use duban::export::{DocMeta, bulletin, criticism_notice, feedback_form};
use duban::i18n::Lang;
use duban::store::{Store, TaskFilter};
use support::pdf::{images, installed, page_text, pages, squeeze, to_pdf};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// GB/T 9704's type area: 28 mm from the left, 37 mm from the top, 156 × 225 mm; page numbers 7 mm
/// under it. Everything drawn stays in it (with 3 mm for table borders around the cells' text),
/// but the page number in the band under it, at the outside edge.
fn check_page_images(name: &str, pdf: &Path, dir: &Path) {
    let tol = 3.0;
    let (left, right, top, bottom) = (28.0, 28.0 + 156.0, 37.0, 37.0 + 225.0);
    for (i, img) in images(pdf, dir).iter().enumerate() {
        let n = i + 1;
        assert!(
            img.ink((left, right), (top, bottom)).len() > 50,
            "{name} page {n}: nothing in the type area"
        );
        let margins = [
            ((0.0, 210.0), (0.0, top - tol)),
            ((0.0, left - tol), (0.0, 297.0)),
            ((right + tol, 210.0), (0.0, 297.0)),
            ((0.0, 210.0), (bottom + 22.0, 297.0)),
        ];
        for (x, y) in margins {
            let ink = img.ink(x, y);
            assert!(
                ink.is_empty(),
                "{name} page {n}: ink in the margin {x:?} {y:?}: {ink:?}"
            );
        }
        let number = img.ink((left - tol, right + tol), (bottom + 2.0, bottom + 22.0));
        assert!(!number.is_empty(), "{name} page {n}: no page number");
        let centre = img.w / 2;
        let odd = n % 2 == 1;
        assert!(
            number.iter().all(|(x, _)| (*x > centre) == odd),
            "{name} page {n}: the number is not at the outside edge"
        );
    }
}

/// A document converted, with what its pages must say.
struct Expect {
    name: String,
    pages: std::ops::RangeInclusive<usize>,
    /// Texts in the order they must come (white space aside).
    order: Vec<String>,
    /// The body's last line and the 落款 date: on one page, the last.
    last_line: Option<String>,
    date: Option<String>,
    /// Texts that must stand whole on one line.
    unbroken: Vec<String>,
}

fn check(e: &Expect, pdf: &Path, dir: &Path) {
    let n = pages(pdf);
    assert!(e.pages.contains(&n), "{}: {n} pages", e.name);
    let texts: Vec<String> = (1..=n).map(|i| page_text(pdf, i)).collect();
    for (i, t) in texts.iter().enumerate() {
        let number = format!("—{}—", i + 1);
        assert!(
            squeeze(t).contains(&number),
            "{} page {}: no {number}",
            e.name,
            i + 1
        );
    }
    let all = squeeze(&texts.concat());
    let mut at = 0;
    for s in &e.order {
        let s = squeeze(s);
        let found = all[at..]
            .find(&s)
            .unwrap_or_else(|| panic!("{}: \"{s}\" missing or out of order:\n{all}", e.name));
        at += found + s.len();
    }
    if let (Some(last), Some(date)) = (&e.last_line, &e.date) {
        let page_of = |s: &str| {
            let s = squeeze(s);
            texts.iter().rposition(|t| squeeze(t).contains(&s))
        };
        let d = page_of(date).unwrap_or_else(|| panic!("{}: no date {date}", e.name));
        assert_eq!(d, n - 1, "{}: the date is not on the last page", e.name);
        assert_eq!(
            page_of(last),
            Some(d),
            "{}: the date stands on a page without the body's last line",
            e.name
        );
    }
    for s in &e.unbroken {
        let s = squeeze(s);
        assert!(
            texts
                .iter()
                .flat_map(|t| t.lines())
                .any(|l| squeeze(l).contains(&s)),
            "{}: \"{s}\" is broken across lines",
            e.name
        );
    }
    check_page_images(&e.name, pdf, dir);
}

fn long(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[test]
fn documents_converted_by_libreoffice_keep_the_form_of_official_papers() {
    for (tool, arg) in [
        ("soffice", "--version"),
        ("pdftotext", "-v"),
        ("pdfinfo", "-v"),
        ("pdftoppm", "-v"),
    ] {
        if !installed(tool, arg) {
            eprintln!("{tool} is not installed: the documents' pages were not checked");
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db"), Thresholds::default()).unwrap();
    let options = DemoOptions {
        today: today(),
        scale: None,
        seed: 7,
    };
    build(&mut store, options).unwrap();
    let meta = DocMeta::now("tester", "县考绩办");
    let mut docs = Vec::new();
    let mut expect = Vec::new();
    let doc = |name: &str| dir.path().join(format!("{name}.docx"));

    // Notices: each criticism, then one criticism covering 1, 2, … red tasks, so that the body's
    // end falls at every place of a page and the 落款 must follow it over.
    let red = store
        .tasks(
            &TaskFilter {
                light: Some(duban::domain::Light::Red),
                ..TaskFilter::default()
            },
            today(),
        )
        .unwrap();
    let criticisms = store.criticisms(None).unwrap();
    let mut notices: Vec<(String, usize, Vec<duban::store::TaskRow>)> = Vec::new();
    for (i, c) in criticisms.iter().enumerate() {
        let tasks = c
            .criticism
            .task_ids
            .iter()
            .map(|&id| store.task_row(id, c.criticism.date).unwrap())
            .collect();
        notices.push((format!("notice-{i}"), i, tasks));
    }
    for k in 1..=12 {
        notices.push((format!("notice-k{k}"), 0, red[..k.min(red.len())].to_vec()));
    }
    for (name, i, tasks) in &notices {
        let c = &criticisms[*i];
        let path = doc(name);
        let facts: Vec<_> = tasks
            .iter()
            .map(|t| store.notice_fact(t.id, c.criticism.date).unwrap())
            .collect();
        criticism_notice(&path, Lang::Zh, c, tasks, &facts, &meta).unwrap();
        docs.push(path);
        expect.push(Expect {
            name: name.clone(),
            pages: 1..=3,
            order: vec![
                "草稿".into(),
                c.criticism.doc_no.clone().unwrap(),
                format!("关于对{}的通报批评", c.unit),
                "各乡镇人民政府，县政府直属各单位：".into(),
                "根据《关于加强县政府专题会议管理".into(),
                "涉及事项如下：".into(),
                "经研究，决定对".into(),
                "特此通报。".into(),
                "县考绩办".into(),
                long(c.criticism.date),
            ],
            last_line: Some("特此通报。".into()),
            date: Some(long(c.criticism.date)),
            unbroken: Vec::new(),
        });
    }

    // The feedback form of a unit that answered: one page, the phone and e-mail unbroken.
    let detail = store
        .meetings(today())
        .unwrap()
        .into_iter()
        .map(|m| store.meeting_detail(m.id, today()).unwrap())
        .find(|d| {
            d.minutes_record
                .as_ref()
                .is_some_and(|m| m.drafter_email.is_some())
                && d.feedback.iter().any(|f| f.feedback.received_on.is_some())
        })
        .unwrap();
    let minutes = detail.minutes_record.clone().unwrap();
    for (i, f) in detail.feedback.iter().enumerate().take(2) {
        let name = format!("form-{i}");
        let path = doc(&name);
        feedback_form(&path, Lang::Zh, &detail, &f.unit, &meta).unwrap();
        docs.push(path);
        expect.push(Expect {
            name,
            pages: 1..=1,
            order: vec![
                "附件".into(),
                "县政府专题会议纪要意见反馈单".into(),
                "专题内容".into(),
                "起草人员".into(),
                "文稿传出时间".into(),
                "反馈意见".into(),
                "单位负责人署名并加盖公章".into(),
                "修改反馈要求".into(),
            ],
            last_line: None,
            date: None,
            unbroken: vec![
                format!("电话：{}", minutes.drafter_phone.clone().unwrap()),
                format!("传真：{}", minutes.drafter_fax.clone().unwrap()),
                format!("邮箱：{}", minutes.drafter_email.clone().unwrap()),
            ],
        });
    }

    // Bulletins: this month and this year in Chinese, this quarter in English.
    for (kind, lang) in [
        (PeriodKind::Month, Lang::Zh),
        (PeriodKind::Year, Lang::Zh),
        (PeriodKind::Quarter, Lang::En),
    ] {
        let b = store.bulletin(kind.around(today()), today()).unwrap();
        let name = format!("bulletin-{kind:?}-{lang:?}");
        let path = doc(&name);
        bulletin(&path, lang, &b, &meta).unwrap();
        docs.push(path);
        let (order, last, date): (Vec<&str>, &str, String) = match lang {
            Lang::Zh => (
                vec![
                    "草稿",
                    "督查情况的通报",
                    "各乡镇人民政府，县政府直属各单位：",
                    "一、总体情况",
                    "二、各单位办理情况",
                    "三、红灯事项",
                    "四、承诺时限未兑现事项",
                    "五、通报批评和移送追责",
                    "六、工作要求",
                    "特此通报。",
                    "县政府办公室",
                    "县考绩办",
                ],
                "特此通报。",
                long(today()),
            ),
            Lang::En => (
                vec![
                    "DRAFT",
                    "Status bulletin",
                    "1. Overall",
                    "6. What units",
                    "Hereby notified.",
                ],
                "Hereby notified.",
                today().to_string(),
            ),
        };
        expect.push(Expect {
            name,
            pages: 2..=12,
            order: order.into_iter().map(String::from).collect(),
            last_line: Some(last.into()),
            date: Some(date),
            unbroken: Vec::new(),
        });
    }

    let pdfs = to_pdf(dir.path(), &docs);
    for (e, pdf) in expect.iter().zip(&pdfs) {
        check(e, pdf, dir.path());
    }
}
