//! Every screen of the TUI drawn from the demo county on a fixed day, at 80×24 and 160×48, in
//! Chinese and English, snapshotted as text; and checks that wide characters are never cut.

use chrono::NaiveDate;
use duban::i18n::Lang;
use duban::tui::harness::{Harness, buffer_text};
use duban::tui::screenshot::shots;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn every_screen_matches_its_snapshot() {
    for shot in shots() {
        let h = shot.harness(today()).unwrap();
        insta::assert_snapshot!(shot.file_stem(), h.text());
    }
}

/// No wide character stands in the last column, and the cell after one is its continuation.
fn assert_no_half_characters(b: &Buffer, what: &str) {
    for y in 0..b.area.height {
        let mut x = 0;
        while x < b.area.width {
            let sym = b[(x, y)].symbol();
            let w = sym.width() as u16;
            assert!(
                x + w.max(1) <= b.area.width,
                "{what}: wide {sym:?} cut at ({x},{y})"
            );
            assert!(
                !sym.contains('…'),
                "{what}: ambiguous-width ellipsis at ({x},{y})"
            );
            x += w.max(1);
        }
    }
    for line in buffer_text(b).lines() {
        assert!(line.width() <= usize::from(b.area.width), "{what}: {line}");
    }
}

#[test]
fn chinese_text_is_never_cut_through_a_character_at_odd_sizes_and_popup_edges() {
    for (w, h) in [
        (60, 20),
        (79, 24),
        (80, 23),
        (80, 24),
        (81, 25),
        (97, 31),
        (119, 40),
        (121, 33),
        (200, 60),
    ] {
        for keys in [
            "",
            "2",
            "2J",
            "3",
            "4",
            "6",
            "7",
            "?",
            "2?",
            "4?",
            "2/stz<Enter>",
            "5",
            "5jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj",
            "5P",
            "5P<Right>",
            "5P<Right><Right><Right><Right><Right><Right><Right>",
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let mut hs = Harness::demo(lang, today(), w, h).unwrap();
                hs.keys(keys);
                assert_no_half_characters(&hs.render(), &format!("{w}x{h} {keys:?} {lang:?}"));
            }
        }
    }
}

#[test]
fn tui_small_80x23_and_79x24_work_and_below_60x20_the_screen_asks_to_be_enlarged() {
    // Issue 18 point 3: an 80×24 SSH window inside tmux gives 80×23; down to 60×20 it degrades.
    for (w, h) in [(80, 23), (79, 24), (60, 20)] {
        for lang in [Lang::Zh, Lang::En] {
            let hs = Harness::demo(lang, today(), w, h).unwrap();
            let text = hs.text();
            assert!(!text.contains("60×20"), "{w}x{h}: {text}");
            assert!(text.contains('│'), "{w}x{h}: drawn: {text}");
        }
    }
    for (w, h, lang, said) in [
        (
            59,
            24,
            Lang::Zh,
            "窗口太小：请放大到至少 60×20（当前 59×24）",
        ),
        (80, 19, Lang::En, "enlarge it to at least 60×20 (now 80×19)"),
        (20, 5, Lang::Zh, "60×20"),
    ] {
        let text = Harness::demo(lang, today(), w, h).unwrap().text();
        let flat: String = text.split_whitespace().collect();
        let said: String = said.split_whitespace().collect();
        assert!(flat.contains(&said), "{w}x{h}: {text}");
    }
}

#[test]
fn the_red_tasks_of_shangtang_are_a_few_keys_away() {
    // Pinyin initials find 上塘镇 (and 沙头镇, whose initials are the same).
    let mut h = Harness::demo(Lang::Zh, today(), 80, 24).unwrap();
    h.keys("/stz<Enter>r");
    let units: std::collections::BTreeSet<_> = (0..h.model.tasks.total)
        .filter_map(|i| h.model.tasks.row(i).map(|r| r.lead_unit.clone()))
        .collect();
    assert!(units.contains("上塘镇"), "{units:?}");
    assert!(
        units.iter().all(|u| u == "上塘镇" || u == "沙头镇"),
        "{units:?}"
    );

    let mut h = Harness::demo(Lang::Zh, today(), 80, 24).unwrap();
    h.keys("/上塘<Enter>r");
    let m = &h.model;
    assert!(m.tasks.total > 0);
    for i in 0..m.tasks.total.min(m.tasks.rows.len()) {
        let row = m.tasks.row(i).unwrap();
        assert_eq!(row.lead_unit, "上塘镇");
        assert_eq!(row.light, duban::domain::Light::Red);
    }
    let text = h.text();
    assert!(text.contains("为何红灯"), "{text}");
    // Its meeting, then the unit's criticisms, then back.
    let meeting = m.tasks.current().unwrap().meeting_id;
    h.keys("<Enter>");
    assert_eq!(h.model.meetings.selected, Some(meeting));
    h.keys("<Bksp>o");
    assert!(h.text().contains("近一年通报批评 2 次"), "{}", h.text());
}

#[test]
fn another_users_change_appears_and_the_selection_stays_on_its_task() {
    use duban::demo::{DemoOptions, build};
    use duban::domain::Thresholds;
    use duban::store::Store;
    use duban::tui::action::Action;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut mine = Store::open(&path, Thresholds::default()).unwrap();
    let opts = DemoOptions {
        today: today(),
        scale: None,
        seed: 2011,
    };
    build(&mut mine, opts).unwrap();
    let before = mine.data_version().unwrap();
    let mut h = Harness::on(mine, Lang::Zh, today(), 160, 48, "shared.db");
    h.keys("2jjj");
    let selected = h.model.tasks.selected.unwrap();
    let cursor = h.model.tasks.cursor;

    // A colleague, on another connection, completes the first task and reports on the selected one.
    let mut theirs = Store::open(&path, Thresholds::default()).unwrap();
    let first = h.model.tasks.row(0).unwrap().id;
    theirs
        .complete_task(first, today(), Some("已完成".into()), None)
        .unwrap();
    theirs
        .add_progress(selected, today(), "同事刚录入的进展")
        .unwrap();
    assert_ne!(
        h.store.data_version().unwrap(),
        before,
        "the change is visible"
    );

    h.action(Action::DataChanged);
    assert_eq!(h.model.tasks.selected, Some(selected));
    assert_eq!(
        h.model.tasks.cursor,
        cursor - 1,
        "the done task left the top of the list"
    );
    assert!(h.text().contains("同事刚录入的进展"), "{}", h.text());
}

#[test]
fn ascii_mode_draws_no_ambiguous_width_symbols_and_no_color_means_none() {
    use ratatui::style::{Color, Modifier};
    // The forms too: their grids, key lines and the bottom bar (issue 18 point 4).
    for keys in ["", "2", "4", "6<PgUp>", "?", "3m3", "3jjjjm4", "3E"] {
        let mut h = Harness::demo(Lang::Zh, today(), 80, 24).unwrap();
        h.model.theme.ascii = true;
        h.model.theme.color = false;
        h.keys(keys);
        let b = h.render();
        let text = buffer_text(&b);
        for c in [
            '─', '│', '┌', '●', '▲', '○', '◇', '✓', '✗', '↑', '←', '‹', '☐', '☑',
        ] {
            assert!(!text.contains(c), "{keys:?}: {c} in ASCII mode:\n{text}");
        }
        let mut reversed = 0;
        for cell in b.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{keys:?}");
            reversed += usize::from(cell.modifier.contains(Modifier::REVERSED));
        }
        assert!(
            reversed > 0,
            "{keys:?}: the selection survives without colour"
        );
    }
}
