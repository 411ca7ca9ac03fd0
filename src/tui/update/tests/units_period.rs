//! Issue 18 point 7: the units tab's list says over which period its on-time rate runs (its
//! column is headed 历来按时率 / "On time, all"), as its detail pane does, at every width where
//! the rate is on screen.

use chrono::NaiveDate;

use crate::i18n::{Frm, Lang, Ui};
use crate::tui::harness::Harness;
use crate::tui::model::Tab;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The list's column header and the first unit's row (上塘镇, done on time 75%), as drawn.
fn header_and_first_row(h: &Harness) -> (String, String) {
    let text = h.text();
    let mut lines = text.lines().skip(2);
    let header = lines.next().unwrap_or_default().to_string();
    let row = lines.next().unwrap_or_default().to_string();
    (header, row)
}

#[test]
fn r18_7_units_list_header_names_the_period_of_its_on_time_rate() {
    for (lang, period) in [(Lang::Zh, "历来"), (Lang::En, "all")] {
        let head = lang.frm(Frm::ColOnTimeAll);
        assert!(head.contains(period), "{head}");
        // The detail pane gives the same period beside the selected unit's rate.
        let pane = lang.ui(Ui::LblOnTime);
        assert!(pane.contains(period), "{pane}");
        for (w, h) in [(80, 23), (160, 48)] {
            let mut t = Harness::demo(lang, today(), w, h).unwrap();
            t.keys("4");
            assert_eq!(t.model.tab, Tab::Units);
            let (header, row) = header_and_first_row(&t);
            assert!(header.contains(head), "{lang:?} {w}×{h}: {header}");
            assert!(row.contains("上塘镇") && row.contains("75%"), "{row}");
        }
    }
}

#[test]
fn r18_7_wherever_the_units_rate_is_shown_its_header_names_the_period() {
    for lang in [Lang::Zh, Lang::En] {
        let head = lang.frm(Frm::ColOnTimeAll);
        let (mut shown, mut hidden) = (0, 0);
        for w in 60..=120 {
            let mut t = Harness::demo(lang, today(), w, 23).unwrap();
            t.keys("4");
            let (header, row) = header_and_first_row(&t);
            let rate_shown = row.contains("75%");
            assert_eq!(
                header.contains(head),
                rate_shown,
                "{lang:?} {w}:\n{header}\n{row}"
            );
            if rate_shown {
                shown += 1;
            } else {
                hidden += 1;
            }
        }
        assert!(
            shown > 0 && hidden > 0,
            "{lang:?}: {shown} shown, {hidden} hidden"
        );
    }
}
