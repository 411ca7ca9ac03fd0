//! The TUI's screen buffer over the hostile database: every cell of every screen, list, detail
//! pane and form is free of control characters and bidi overrides, and the hostile text is shown
//! (cleaned), so the check is not passing on empty screens.

use duban::domain::Thresholds;
use duban::i18n::Lang;
use duban::store::Store;
use duban::tui::harness::{Harness, buffer_text};

use crate::corpus::{VISIBLE, forbidden, hostile_db, today};

/// The screens walked: every tab, the lists scrolled and opened, detail panes paged, the forms
/// that show stored text, the filter line, presentation mode, help.
const WALK: &[&str] = &[
    "",
    "2",
    "2G",
    "2<Enter>",
    "2JJJJ",
    "2GJJJJ",
    "2Gkkk<Enter>",
    "2E",
    "2GE",
    "2p",
    "2Ge",
    "2/[2J<Enter>",
    "3",
    "3<Enter>",
    "3<Enter>JJJJJJ",
    "3G",
    "3G<Enter>",
    "3GJJJJJJJJ",
    "3E",
    "3GE",
    "3m",
    "4",
    "4<Enter>",
    "4G",
    "4G<Enter>",
    "4GJJJJJJ",
    "4E",
    "4o",
    "5",
    "5<Right>",
    "5<Right><Right>",
    "5<Right><Right><Right>",
    "5P",
    "5P<Right>",
    "5P<Right><Right><Right>",
    "5P<Right><Right><Right><Right><Right><Right>",
    "6",
    "6<PgDn>",
    "7",
    "7<Enter>",
    "7JJJJ",
    "?",
    "jjjjjj<Enter>",
    "jjjjjj<Enter>JJJJJ",
    ":",
];

#[test]
fn no_screen_shows_a_control_character_or_a_bidi_override() {
    let (_dir, path, _) = hostile_db();
    let mut shown = 0;
    let sizes = [(80, 24, Lang::Zh), (80, 24, Lang::En), (160, 48, Lang::Zh)];
    for ((w, hgt, lang), keys) in sizes
        .into_iter()
        .flat_map(|s| WALK.iter().map(move |k| (s, k)))
    {
        let store = Store::open(&path, Thresholds::default()).unwrap();
        let mut h = Harness::on(store, lang, today(), w, hgt, "hostile.db");
        h.keys(keys);
        let buf = h.render();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let sym = buf[(x, y)].symbol();
                assert!(
                    !sym.chars().any(forbidden),
                    "{w}x{hgt} {lang:?} {keys:?}: {sym:?} at ({x},{y})\n{}",
                    buffer_text(&buf)
                );
            }
        }
        let text = buffer_text(&buf);
        if ["2", "3", "4"].contains(keys) {
            assert!(
                text.contains(VISIBLE),
                "{keys:?} shows no hostile text:\n{text}"
            );
        }
        shown += text.matches(VISIBLE).count();
    }
    assert!(shown > 100, "hostile text shown {shown} times");
}
