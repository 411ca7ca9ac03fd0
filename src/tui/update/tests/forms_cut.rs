//! Issue 18 point 6: nothing a user must read is cut at 80 columns. Every form's labels stand
//! whole, the keys line of the focused field is never cut, a refusal and a note that do not fit
//! beside their field wrap under it, the ledger's states and the slides' top line use short forms
//! by rule; and `11/30` is a date.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::harness::Harness;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The keys that open every kind of form from the demo's lists.
const FORMS: &[&str] = &[
    "3a", "3E", "3m3", "3jjjjm4", "3jjjjm5", "3jjjjm6", "3jjjjm7", "2E", "2p", "2d", "2e", "2c",
    "4E", "4a", "4m2", "4m4",
];

#[test]
fn r6_every_form_shows_its_labels_and_its_keys_whole_at_80x24_and_80x23_in_both_languages() {
    for (lang, height) in [
        (Lang::Zh, 24),
        (Lang::En, 24),
        (Lang::Zh, 23),
        (Lang::En, 23),
    ] {
        for keys in FORMS {
            let mut h = Harness::demo(lang, today(), 80, height).unwrap();
            h.keys(keys);
            let form = h.model.form.clone().unwrap_or_else(|| panic!("{keys}"));
            let screen = h.text();
            for f in form.fields.iter().filter(|f| f.column.is_none()) {
                // A long form scrolls: each label is seen whole once its field is reached.
                if let Some(form) = h.model.form.as_mut() {
                    form.focus = form.fields.iter().position(|x| x.key == f.key).unwrap_or(0);
                }
                let screen = h.text();
                assert!(
                    screen.contains(f.label.as_str()),
                    "{lang:?} {keys}: label {} cut:\n{screen}",
                    f.label
                );
            }
            // The form's last line (its focused field's keys) and the bottom bar are whole.
            let lines: Vec<&str> = screen.lines().collect();
            for line in [lines[lines.len() - 4], lines[lines.len() - 1]] {
                assert!(!line.contains('⋯'), "{lang:?} {keys}: {line}");
            }
        }
    }
}

#[test]
fn r6_a_refused_date_and_a_late_notice_wrap_under_the_field_whole() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = Harness::demo(lang, today(), 80, 24).unwrap();
        h.keys("3E");
        while h
            .model
            .form
            .as_ref()
            .map(|f| f.fields[f.focus].key.as_str())
            != Some("notice_date")
        {
            h.keys("<Tab>");
        }
        // Notice on the meeting's day: late (R2.2), said beside or under the field, whole.
        h.keys("+6");
        let hint = h.model.form.as_ref().unwrap().field("notice_date").unwrap();
        let hint = hint.hint.clone().unwrap().text;
        let flat: String = h
            .text()
            .lines()
            .map(|l| l.trim_matches(['│', ' ']))
            .collect();
        let flat = flat.replace(' ', "");
        assert!(
            flat.contains(&hint.replace(' ', "")),
            "{lang:?} {hint}:\n{}",
            h.text()
        );
        h.keys("<Bksp><Bksp>2/31<C-s>");
        let e = h.model.form.as_ref().unwrap().field("notice_date").unwrap();
        let e = e.error.clone().expect("refused");
        let flat: String = h
            .text()
            .lines()
            .map(|l| l.trim_matches(['│', ' ']))
            .collect();
        let flat = flat.replace(' ', "");
        assert!(
            flat.contains(&e.replace(' ', "")),
            "{lang:?} {e}:\n{}",
            h.text()
        );
        assert!(e.contains("11/25"), "the accepted forms name 11/25: {e}");
    }
}

#[test]
fn r6_a_month_and_day_typed_as_11_20_is_stored_as_a_date_of_this_year() {
    let mut h = Harness::demo(Lang::Zh, today(), 80, 24).unwrap();
    h.keys("3E");
    while h
        .model
        .form
        .as_ref()
        .map(|f| f.fields[f.focus].key.as_str())
        != Some("plan_approved_on")
    {
        h.keys("<Tab>");
    }
    h.keys("11/20<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let id = h.model.meetings.selected.unwrap();
    let m = h.store.meeting(id).unwrap();
    assert_eq!(m.plan_approved_on, NaiveDate::from_ymd_opt(2026, 11, 20));
}

#[test]
fn r6_english_states_and_the_slides_top_line_use_short_forms_not_cuts() {
    let mut h = Harness::demo(Lang::En, today(), 80, 24).unwrap();
    h.keys("2");
    let screen = h.text();
    for state in ["crit. due", "expl. due", "criticised"] {
        assert!(screen.contains(state), "{state}:\n{screen}");
    }
    assert!(!screen.contains("criticism⋯") && !screen.contains("explanati⋯"));
    for lang in [Lang::Zh, Lang::En] {
        let mut h = Harness::demo(lang, today(), 80, 24).unwrap();
        for keys in ["5P", "<Right>", "<Right>", "<Right>"] {
            h.keys(keys);
            let screen = h.text();
            let top = screen.lines().next().unwrap();
            assert!(!top.contains('⋯'), "{lang:?}: {top}");
        }
    }
}

#[test]
fn r6_meetings_units_calendar_and_help_read_whole_in_english_at_80_columns() {
    let mut h = Harness::demo(Lang::En, today(), 80, 24).unwrap();
    // The notice and minutes columns by their short forms.
    h.keys("3");
    let list: Vec<String> = h
        .text()
        .lines()
        .skip(3)
        .take(10)
        .map(String::from)
        .collect();
    for line in &list {
        // The notice, the minutes and their due date: the last 38 characters of the row.
        let states: String = line.chars().rev().take(38).collect();
        assert!(!states.contains('⋯'), "{line}");
    }
    assert!(
        list.iter()
            .any(|l| l.contains("draft, ") && l.contains(" left"))
    );
    // The units' headers.
    h.keys("4");
    let header = h.text().lines().nth(2).unwrap().to_string();
    assert!(
        !header.contains('⋯') && header.contains("Referral"),
        "{header}"
    );
    // The calendar's legend and help's descriptions wrap, never cut.
    for keys in ["6", "?"] {
        let mut h = Harness::demo(Lang::En, today(), 80, 24).unwrap();
        h.keys(keys);
        let screen = h.text();
        let cut = screen
            .lines()
            .filter(|l| l.contains('⋯'))
            .filter(|l| l.contains("off =") || l.contains("open:"))
            .count();
        assert_eq!(cut, 0, "{keys}:\n{screen}");
    }
}
