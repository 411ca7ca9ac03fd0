//! The reports tab and presentation mode driven by keys on the demo county: a figure opens a list
//! exactly as long as the figure, the period key changes the figures, and presenting edits nothing.

use chrono::NaiveDate;
use duban::i18n::Lang;
use duban::tui::harness::Harness;
use duban::tui::model::{Drill, MeetingClass, Mode, Tab, lines};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn every_figure_opens_a_list_as_long_as_the_figure() {
    let mut h = Harness::demo(Lang::Zh, today(), 100, 30).unwrap();
    h.keys("5");
    let report = h
        .model
        .reports
        .report
        .clone()
        .expect("the report loads on the tab");
    let all = lines(&report, Lang::Zh);
    let figures: Vec<usize> = (0..all.len()).filter(|i| all[*i].drill.is_some()).collect();
    assert!(figures.len() > 20);
    for i in figures {
        let line = &all[i];
        let Ok(n) = line.value.parse::<usize>() else {
            continue; // a rate, not a count
        };
        let mut h2 = Harness::demo(Lang::Zh, today(), 100, 30).unwrap();
        h2.keys("5");
        h2.model.reports.cursor = i;
        h2.keys("<Enter>");
        match line.drill.as_ref().unwrap() {
            Drill::Tasks { .. } => {
                assert_eq!(h2.model.tab, Tab::Tasks, "{}", line.label);
                assert_eq!(h2.model.tasks.total, n, "{}", line.label);
            }
            Drill::Meetings(MeetingClass::Feedback(_)) => {
                // R4.3 figures count units' answers; the list shows the meetings they answered,
                // each with every unit's answer in its detail.
                assert_eq!(h2.model.tab, Tab::Meetings, "{}", line.label);
                assert!(h2.model.meetings.total <= n && (n == 0) == (h2.model.meetings.total == 0));
            }
            Drill::Meetings(_) => {
                assert_eq!(h2.model.tab, Tab::Meetings, "{}", line.label);
                assert_eq!(h2.model.meetings.total, n, "{}", line.label);
            }
            Drill::Unit(_) => assert_eq!(h2.model.tab, Tab::Units),
        }
        // Back returns to the report.
        h2.keys("<Bksp>");
        assert_eq!(h2.model.tab, Tab::Reports, "{}", line.label);
    }
}

#[test]
fn r18_7_the_period_key_walks_this_and_last_month_and_quarter_then_the_year() {
    let mut h = Harness::demo(Lang::En, today(), 80, 24).unwrap();
    h.keys("5");
    let year = h.model.reports.report.clone().unwrap();
    assert_eq!(year.period.from.to_string(), "2026-01-01");
    let period = |h: &Harness| {
        let p = h.model.reports.report.as_ref().unwrap().period;
        (p.from.to_string(), p.to.to_string())
    };
    h.keys("s");
    assert_eq!(period(&h), ("2026-11-01".into(), "2026-11-30".into()));
    let month = h.model.reports.report.clone().unwrap();
    assert!(month.meetings.meetings < year.meetings.meetings);
    assert!(h.text().contains("this month"));
    h.keys("s");
    assert_eq!(period(&h), ("2026-10-01".into(), "2026-10-31".into()));
    assert!(h.text().contains("last month"), "{}", h.text());
    h.keys("s");
    assert_eq!(period(&h), ("2026-10-01".into(), "2026-12-31".into()));
    h.keys("s");
    assert_eq!(period(&h), ("2026-07-01".into(), "2026-09-30".into()));
    assert!(h.text().contains("last quarter"));
    h.keys("s");
    assert_eq!(period(&h), ("2026-01-01".into(), "2026-12-31".into()));
    let mut zh = Harness::demo(Lang::Zh, today(), 80, 24).unwrap();
    zh.keys("5ss");
    assert!(zh.text().contains("上月"), "{}", zh.text());
    zh.keys("ss");
    assert!(zh.text().contains("上季度"), "{}", zh.text());
}

#[test]
fn r18_7_attendance_and_on_time_are_counted_out_when_there_is_room() {
    for lang in [Lang::Zh, Lang::En] {
        let mut wide = Harness::demo(lang, today(), 160, 48).unwrap();
        wide.keys("5");
        let report = wide.model.reports.report.clone().unwrap();
        let all = lines(&report, lang);
        // R3: each unit's attendance by outcome, the same counts as `duban report`'s table.
        let a = &report.attendance[0];
        let line = all
            .iter()
            .find(|x| {
                x.label.trim() == a.unit && x.wide.as_deref().is_some_and(|w| w.contains('·'))
            })
            .expect("the unit's attendance line");
        let w = line.wide.clone().unwrap();
        for n in [
            a.leader_attended,
            a.authorised_representative,
            a.absent,
            a.unauthorised_substitute,
        ] {
            assert!(w.contains(&format!(" {n}")), "{w}");
        }
        // Walk the cursor onto the line: the breakdown is drawn whole at 160 columns.
        let i = all.iter().position(|x| x == line).unwrap();
        wide.model.reports.cursor = i;
        assert!(wide.text().contains(&w), "{lang:?}: {w} not drawn");
        // R5: a unit's rate with its counts.
        let (u, _) = report.on_time_ranking()[0];
        let on_time = all
            .iter()
            .find(|x| x.label.trim() == u.unit && !x.value.contains(' ') && x.wide.is_some())
            .unwrap();
        let ow = on_time.wide.clone().unwrap();
        for n in [u.due, u.done_on_time, u.done_late, u.open_overdue] {
            assert!(ow.contains(&format!(" {n}")), "{ow}");
        }
        wide.model.reports.cursor = all.iter().position(|x| x == on_time).unwrap();
        assert!(wide.text().contains(&ow), "{lang:?}: {ow} not drawn");
    }
}

#[test]
fn r18_7_the_breakdowns_of_a_section_line_up_in_columns() {
    use unicode_width::UnicodeWidthStr;
    for lang in [Lang::Zh, Lang::En] {
        let mut h = Harness::demo(lang, today(), 160, 48).unwrap();
        h.keys("5");
        let report = h.model.reports.report.clone().unwrap();
        let all = lines(&report, lang);
        // Each " · " in the attendance and on-time breakdowns stands at the same column on every
        // line of its section, whatever the counts' digits or a rate of 100.0%.
        let mut sections = 0;
        for run in all.split(|x| x.heading) {
            let seps: Vec<Vec<usize>> = run
                .iter()
                .filter_map(|x| x.wide.as_deref())
                .filter(|w| w.matches(" · ").count() >= 4)
                .map(|w| {
                    w.match_indices(" · ")
                        .map(|(i, _)| w[..i].width())
                        .collect()
                })
                .collect();
            if seps.len() < 2 {
                continue;
            }
            sections += 1;
            assert!(seps.iter().all(|s| s == &seps[0]), "{lang:?}: {seps:?}");
            let widths: Vec<usize> = run
                .iter()
                .filter_map(|x| x.wide.as_deref())
                .map(|w| w.width())
                .collect();
            assert!(
                widths.iter().all(|w| *w == widths[0]),
                "{lang:?}: {widths:?}"
            );
        }
        assert_eq!(sections, 2, "{lang:?}: attendance and on-time sections");
    }
}

#[test]
fn r18_7_a_list_opened_from_a_units_attendance_names_the_unit() {
    let mut h = Harness::demo(Lang::Zh, today(), 160, 48).unwrap();
    h.keys("5");
    let report = h.model.reports.report.clone().unwrap();
    let all = lines(&report, Lang::Zh);
    let (i, line) = all
        .iter()
        .enumerate()
        .find(|(_, x)| matches!(x.drill, Some(Drill::Meetings(MeetingClass::Attendance(..)))))
        .unwrap();
    h.model.reports.cursor = i;
    h.keys("<Enter>");
    assert_eq!(h.model.tab, Tab::Meetings);
    let unit = line.label.trim();
    let text = h.text();
    let footer: Vec<&str> = text.lines().rev().take(2).collect();
    assert!(
        footer.iter().any(|l| l.contains(unit)),
        "{unit} not in the status line: {footer:?}"
    );
}

#[test]
fn presenting_moves_between_slides_and_no_key_edits() {
    let mut h = Harness::demo(Lang::Zh, today(), 200, 60).unwrap();
    let audit_before = h.store.audit_count().unwrap();
    h.keys("2P");
    assert_eq!(h.model.mode, Mode::Present);
    assert!(h.text().contains("数据截至 2026-11-25 09:00"));
    assert!(h.text().contains("1/8"));
    // Every editing key, undo included, does nothing while presenting.
    h.keys("aEmpdecvu<C-z>x");
    assert_eq!(h.model.mode, Mode::Present);
    assert!(h.model.form.is_none() && h.model.menu.is_none());
    assert_eq!(h.store.audit_count().unwrap(), audit_before);
    assert!(h.text().contains("2/8"), "v (space's twin) is next");
    h.keys("<Right><Right><Left>");
    assert!(h.text().contains("3/8"));
    h.keys("<End>");
    assert!(h.text().contains("8/8"));
    h.keys("q");
    assert_eq!(h.model.mode, Mode::Normal);
    assert!(!h.model.quit, "q leaves the slides, not duban");
    assert_eq!(h.model.tab, Tab::Tasks);
}

#[test]
fn x_exports_the_filtered_ledger_and_the_report_and_says_where() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::demo(Lang::Zh, today(), 100, 30).unwrap();
    h.model.export_dir = dir.path().to_path_buf();
    h.keys("2rx");
    let text = h.text();
    assert!(text.contains("已导出"), "{text}");
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let ledger = &files[0];
    assert!(
        ledger
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("督办台账-2026-11-25")
    );
    let mut wb: Xlsx<_> = open_workbook(ledger).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    // A title, a line naming the filter, the header, then one row per red task.
    assert_eq!(range.height() - 3, h.model.tasks.total);
    assert!(range.get((1, 0)).unwrap().to_string().contains("红灯"));
    // The report of the period, from the reports tab (the first of what `x` offers there); a
    // second export never overwrites the first.
    h.keys("5x15x1");
    let reports = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_str()
                .unwrap()
                .starts_with("督办报表-2026-11-25")
        })
        .count();
    assert_eq!(reports, 2);
    // Nothing to export on the calendar: a message, no file.
    h.keys("6x");
    assert!(h.text().contains("没有可导出的内容"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn x_on_a_meeting_writes_each_units_feedback_form_and_on_a_unit_its_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::demo(Lang::Zh, today(), 100, 30).unwrap();
    h.model.export_dir = dir.path().to_path_buf();
    let meeting = h
        .store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| m.minutes_issued.is_some())
        .unwrap();
    let units = h
        .store
        .meeting_detail(meeting.id, today())
        .unwrap()
        .attendance
        .len();
    assert!(units > 1);
    h.keys(&format!(":meeting {}<Enter>", meeting.id));
    assert_eq!(h.model.meetings.selected, Some(meeting.id));
    h.keys("x");
    assert!(
        h.text().contains(&format!("已导出 {units} 个文件")),
        "{}",
        h.text()
    );
    let forms: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(forms.len(), units);
    assert!(
        forms
            .iter()
            .all(|f| f.starts_with(&format!("反馈单-{}-", meeting.id)) && f.ends_with(".docx"))
    );
    // A meeting without minutes has no form to send: said in the user's language, nothing written.
    let drafting = h
        .store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| m.minutes_issued.is_none() && h.store.minutes(m.id).unwrap().is_none());
    if let Some(d) = drafting {
        h.keys(&format!(":meeting {}<Enter>x", d.id));
        assert!(h.text().contains("导出失败"), "{}", h.text());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), units);
    }
    // A unit: the ledger of the tasks it leads.
    h.keys(":unit 上塘镇<Enter>x");
    assert!(h.text().contains("已导出"), "{}", h.text());
    let ledger = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("督办台账-2026-11-25")
        })
        .unwrap();
    use calamine::{Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(&ledger).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    assert!(range.get((1, 0)).unwrap().to_string().contains("上塘镇"));
    for row in range.rows().skip(3) {
        assert_eq!(row[4].to_string(), "上塘镇");
    }
}

#[test]
fn the_slides_follow_another_users_change_whichever_tab_they_were_opened_from() {
    use duban::tui::action::Action;
    let mut h = Harness::demo(Lang::En, today(), 80, 24).unwrap();
    h.keys("2P");
    let before = h.model.reports.report.clone().unwrap();
    // Another user's commit, as the loop reports it: everything on screen reloads.
    h.action(Action::DataChanged);
    assert_eq!(h.model.mode, Mode::Present);
    assert_eq!(
        h.model.reports.report.as_ref(),
        Some(&before),
        "reloaded, not left loading"
    );
    assert!(!h.text().contains("loading"));
}
