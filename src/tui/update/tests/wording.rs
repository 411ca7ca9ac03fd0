//! Issue 18 point 8: wording and locale — yes/no cells in words, the audit tab in the user's
//! language, `:` commands in Chinese, export names by language and date, `--ascii` chrome, one
//! name for the referral body.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::harness::Harness;
use crate::tui::model::{Status, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn r8_referral_due_cell_reads_yes_or_no_without_a_symbol() {
    for (lang, yes, no) in [(Lang::Zh, "是", "否"), (Lang::En, "Yes", "No")] {
        let mut h = Harness::demo(lang, today(), 160, 48).unwrap();
        h.keys("4");
        let due = h.model.units.rows.iter().filter(|u| u.referral_due).count();
        assert!(due > 0, "the demo has a unit due for referral");
        let screen = h.text();
        assert!(!screen.contains('✗'), "{lang:?}:\n{screen}");
        let rows: Vec<&str> = screen
            .lines()
            .filter(|l| {
                h.model
                    .units
                    .rows
                    .iter()
                    .any(|u| l.contains(u.name.as_str()))
            })
            .collect();
        let ends = |w: &str| {
            rows.iter()
                .filter(|l| l.split('│').nth(1).unwrap_or(l).trim_end().ends_with(w))
                .count()
        };
        assert!(ends(yes) >= 1, "{lang:?}:\n{screen}");
        assert!(ends(no) >= 1, "{lang:?}:\n{screen}");
    }
}

#[test]
fn r8_colon_commands_accept_chinese_verbs_as_well_as_english() {
    for lang in [Lang::Zh, Lang::En] {
        for (keys, want) in [
            (":事项 22<Enter>", 22),
            (":事项22<Enter>", 22),
            (":task 22<Enter>", 22),
        ] {
            let mut h = Harness::demo(lang, today(), 80, 23).unwrap();
            h.keys(keys);
            assert_eq!(h.model.tab, Tab::Tasks, "{lang:?} {keys}");
            assert_eq!(h.model.tasks.current().map(|t| t.id), Some(want), "{keys}");
        }
        for keys in [":会议 45<Enter>", ":meeting 45<Enter>"] {
            let mut h = Harness::demo(lang, today(), 80, 23).unwrap();
            h.keys(keys);
            assert_eq!(h.model.tab, Tab::Meetings, "{lang:?} {keys}");
            assert_eq!(h.model.meetings.current().map(|m| m.id), Some(45), "{keys}");
        }
        let mut h = Harness::demo(lang, today(), 80, 23).unwrap();
        let name = h.store.units().unwrap()[3].name.clone();
        h.keys(&format!(":单位 {name}<Enter>"));
        assert_eq!(h.model.tab, Tab::Units);
        assert_eq!(
            h.model.units.current().map(|u| u.name.clone()),
            Some(name.clone())
        );
    }
}

#[test]
fn r8_an_unknown_command_names_the_accepted_ones_in_the_users_language() {
    for (lang, words) in [
        (Lang::Zh, ["事项", "会议", "单位", "帮助", "退出"]),
        (Lang::En, ["task", "meeting", "unit", "help", "quit"]),
    ] {
        let mut h = Harness::demo(lang, today(), 160, 48).unwrap();
        h.keys(":去 3<Enter>");
        match &h.model.status {
            Some(Status::Error(e)) => {
                for w in words {
                    assert!(e.contains(w), "{lang:?}: {e}");
                }
            }
            other => panic!("{lang:?}: {other:?}"),
        }
    }
}

#[test]
fn r8_the_audit_tab_reads_in_words_not_json_keys() {
    for (lang, action, record, field) in [
        (Lang::Zh, "修改", "事项 #", "办结日期"),
        (Lang::En, "changed", "task #", "completed on"),
    ] {
        let mut h = Harness::demo(lang, today(), 160, 48).unwrap();
        let id = (1..200)
            .find(|id| h.store.complete_task(*id, today(), None, None).is_ok())
            .unwrap();
        h.keys("7");
        let screen = h.text();
        assert!(screen.contains(action), "{lang:?}:\n{screen}");
        assert!(
            screen.contains(&format!("{record}{id}")),
            "{lang:?}:\n{screen}"
        );
        assert!(screen.contains(field), "{lang:?}:\n{screen}");
        for raw in ["completed_on", "\"update\"", "{\"", "lead_unit_id"] {
            assert!(!screen.contains(raw), "{lang:?} {raw}:\n{screen}");
        }
    }
}

#[test]
fn r8_export_file_names_follow_the_language_and_the_day() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    for (lang, want) in [
        (
            Lang::Zh,
            ["督办台账-2026-12-04-2.xlsx", "督办台账-2026-12-04.xlsx"],
        ),
        (
            Lang::En,
            [
                "duban-ledger-2026-12-04-2.xlsx",
                "duban-ledger-2026-12-04.xlsx",
            ],
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = Harness::demo(lang, day, 100, 30).unwrap();
        h.model.export_dir = dir.path().to_path_buf();
        h.keys("2x");
        h.keys("x");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, want, "{lang:?}");
    }
}

/// The keys that open every kind of form from the demo's lists (as in forms_cut.rs).
const FORMS: &[&str] = &[
    "3a", "3E", "3m3", "3jjjjm4", "3jjjjm5", "3jjjjm6", "3jjjjm7", "2E", "2p", "2d", "2e", "2c",
    "4E", "4a", "4m2", "4m4",
];

/// What `--ascii` sends to the terminal for the harness's screen, as text.
fn sent_with_ascii(h: &Harness) -> String {
    use crate::tui::backend::{LeanBackend, draw};
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    let mut out = Vec::new();
    {
        let backend = LeanBackend::new(&mut out).with_ascii(true);
        backend.assume_width(h.model.width);
        let viewport = Viewport::Fixed(Rect::new(0, 0, h.model.width, h.model.height));
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        draw(&mut term, |f| crate::tui::views::render(&h.model, f)).unwrap();
    }
    String::from_utf8(out).unwrap()
}

/// A character `--ascii` may send: ASCII, or a wide (CJK) character of the user's text.
fn allowed(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    c.is_ascii() || c.width() == Some(2)
}

#[test]
fn r8_ascii_sends_no_symbol_of_its_own_on_any_tab_or_form() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, hgt) in [(80, 23), (160, 48)] {
            let mut screens: Vec<String> = ["1", "2", "3", "4", "5", "6", "7", "?"]
                .iter()
                .map(|k| k.to_string())
                .collect();
            screens.extend(FORMS.iter().map(|k| k.to_string()));
            for keys in &screens {
                let mut h = Harness::demo(lang, today(), w, hgt).unwrap();
                h.model.theme.ascii = true;
                h.keys(keys);
                let sent = sent_with_ascii(&h);
                if (w, keys.as_str()) == (80, "7") {
                    // The control: the screen itself cuts the audit line with ⋯; --ascii does not send it.
                    assert!(h.text().contains('⋯'), "{}", h.text());
                }
                let bad: Vec<char> = sent.chars().filter(|c| !allowed(*c)).collect();
                assert!(
                    bad.is_empty(),
                    "{lang:?} {w}x{hgt} {keys}: {bad:?}\n{}",
                    h.text()
                );
            }
        }
    }
}

#[test]
fn r8_the_referral_body_is_named_as_configured_on_screen() {
    for (lang, configured, want) in [
        (Lang::Zh, None, "移送县纪委监委"),
        (
            Lang::Zh,
            Some("市纪委监委驻县纪检监察组"),
            "移送市纪委监委驻县纪检监察组",
        ),
        (
            Lang::En,
            None,
            "county discipline inspection and supervision commission",
        ),
    ] {
        let mut h = Harness::demo(lang, today(), 160, 48).unwrap();
        h.model.referral_body = crate::i18n::referral_body(lang, configured);
        h.keys("4");
        let due = h
            .model
            .units
            .rows
            .iter()
            .position(|u| u.referral_due)
            .unwrap();
        h.keys(&"j".repeat(due));
        let screen = h.text();
        assert!(screen.contains(want), "{lang:?}:\n{screen}");
        assert!(!screen.contains("监察局"), "{lang:?}:\n{screen}");
    }
}

#[test]
fn r8_english_joins_lists_with_commas_not_the_chinese_mark() {
    assert_eq!(crate::i18n::join(Lang::En, &["A", "B", "C"]), "A, B, C");
    assert_eq!(crate::i18n::join(Lang::Zh, &["甲", "乙"]), "甲、乙");
    // A task with co-units, in English on the tasks tab: its co-units joined with ", ".
    let mut h = Harness::demo(Lang::En, today(), 160, 48).unwrap();
    h.keys("2");
    let at = h
        .model
        .tasks
        .rows
        .iter()
        .position(|t| t.co_units.len() > 1)
        .unwrap();
    h.keys(&"j".repeat(at));
    let units = &h.model.tasks.rows[at].co_units;
    let co = format!("{}, {}", units[0], units[1]);
    let screen = h.text();
    assert!(screen.contains(&co), "{co}:\n{screen}");
    assert!(!screen.contains(&format!("{}、", units[0])), "{screen}");
}
