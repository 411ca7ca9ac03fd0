//! Pasted text in the TUI (the `Paste` action a bracketed paste becomes) through its forms and the
//! filter line, saved through the real command loop into the store: stored as the documented
//! cleaning gives, and the screen stays clean while it is typed.

use chrono::NaiveDate;
use duban::domain::{LeaderTitle, Limit};
use duban::i18n::Lang;
use duban::store::{NewMeeting, NewTask, Store, TaskFilter};
use duban::tui::action::Action;
use duban::tui::harness::{Harness, buffer_text};

use crate::corpus::{d, forbidden, h, today};
use crate::inputs::{lines, one_line};
use crate::support::fixtures::townships;

/// A clean county: two units, a leader, a meeting with minutes issued, two open tasks.
fn county() -> Store {
    let mut s = townships(&["上塘镇", "清白镇"]);
    s.add_leader("李副县长", LeaderTitle::DeputyHead, None)
        .unwrap();
    let m = s
        .add_meeting(NewMeeting {
            topics: vec!["瓯江引水".into()],
            chair: Some("李副县长".into()),
            date: Some(d("2026-11-02")),
            notice_date: Some(d("2026-10-28")),
            units: vec!["上塘镇".into(), "清白镇".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    s.update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-02")))
        .unwrap();
    for (text, due) in [("完成管网改造", "2026-11-10"), ("清理河道", "2026-12-20")] {
        s.add_task(NewTask {
            meeting_id: m,
            text: text.into(),
            lead_unit: "上塘镇".into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Date(d(due)),
        })
        .unwrap();
    }
    s
}

fn harness() -> Harness {
    Harness::on(county(), Lang::Zh, today(), 120, 40, "paste.db")
}

/// The screen holds no forbidden character.
fn screen_clean(h: &Harness, what: &str) {
    let buf = h.render();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(forbidden),
            "{what}: {:?} on screen\n{}",
            cell.symbol(),
            buffer_text(&buf)
        );
    }
}

/// Pastes `text` into the field `key` of the open form (emptied first).
fn paste(h: &mut Harness, key: &str, text: &str) {
    let form = h.model.form.as_mut().expect("a form is open");
    let i = form
        .fields
        .iter()
        .position(|f| f.key == key)
        .unwrap_or_else(|| panic!("no field {key}"));
    form.focus = i;
    form.fields[i].input.reset();
    h.action(Action::Paste(text.to_string()));
    screen_clean(h, &format!("pasting into {key}"));
}

/// Saves the open form through the command loop; fails with the form's errors if it stays open.
fn save(h: &mut Harness) {
    h.keys("<C-s>");
    if let Some(f) = &h.model.form {
        let errors: Vec<_> = f
            .fields
            .iter()
            .filter_map(|x| x.error.as_ref().map(|e| (x.key.clone(), e.clone())))
            .collect();
        panic!("not saved: {:?} {errors:?}", f.error);
    }
}

#[test]
fn pasted_text_is_stored_cleaned_through_every_form() {
    let mut hs = harness();
    // A unit: one-line fields.
    hs.keys("4a");
    let (name, leader, contact) = (h("东溪镇"), h("陈主任"), h("0577-1"));
    paste(&mut hs, "name", &name);
    paste(&mut hs, "main_leader", &leader);
    paste(&mut hs, "contact", &contact);
    save(&mut hs);
    // A pasted one-line field keeps no line break: trailing ones are dropped, inner ones become
    // spaces (the unit's name ends in its base text, not at the corpus's last break).
    let expect_name = one_line(&name);
    let u = hs.store.unit_by_name(&expect_name).unwrap();
    assert_eq!(u.name, expect_name.trim());
    assert_eq!(u.main_leader.as_deref(), Some(one_line(&leader).trim()));
    assert_eq!(u.contact.as_deref(), Some(one_line(&contact).trim()));

    // A progress report on the first task: a field of several lines.
    hs.keys("2");
    let first = hs.store.tasks(&TaskFilter::default(), today()).unwrap()[0].id;
    hs.keys("p");
    let progress = h("按计划推进\n第二行");
    paste(&mut hs, "text", &progress);
    save(&mut hs);
    let t = hs.store.task_detail(first, today()).unwrap();
    assert_eq!(t.progress[0].text, lines(&progress).trim());

    // A written explanation with its promised date.
    hs.keys("e");
    let explanation = h("政策处理难度大");
    // Submitted and promised before today, so the promise is overdue and the task can be
    // criticised below (R5.6).
    paste(&mut hs, "submitted_on", "2026-11-11");
    paste(&mut hs, "promised_on", "2026-11-20");
    paste(&mut hs, "text", &explanation);
    save(&mut hs);
    let t = hs.store.task_detail(first, today()).unwrap();
    assert_eq!(
        t.explanations[0].text.as_deref(),
        Some(lines(&explanation).trim())
    );

    // The task's own text, edited: one line in the ledger, so its white space (line breaks
    // included) is collapsed to single spaces.
    hs.keys("E");
    let text = h("完成管网改造\n第二段");
    paste(&mut hs, "text", &text);
    save(&mut hs);
    let t = hs.store.task_detail(first, today()).unwrap();
    let collapsed = one_line(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(t.row.text, collapsed);

    // A criticism of the task's lead unit: a document number and a reason of several lines.
    hs.keys("c");
    let (doc, reason) = (h("县考绩办〔2026〕9号"), h("逾期未完成\n且未兑现承诺"));
    paste(&mut hs, "doc_no", &doc);
    paste(&mut hs, "reason", &reason);
    save(&mut hs);
    let c = hs.store.criticisms(None).unwrap();
    assert_eq!(
        c[0].criticism.doc_no.as_deref(),
        Some(one_line(&doc).trim())
    );
    assert_eq!(
        c[0].criticism.reason.as_deref(),
        Some(lines(&reason).trim())
    );

    // A new meeting plan: one topic per line, a number and a place.
    hs.keys("3a");
    let (t1, t2, number, place) = (h("危险议题"), h("第二议题"), h("〔2026〕9号"), h("五楼"));
    paste(&mut hs, "topics", &format!("{t1}\n{t2}"));
    paste(&mut hs, "number", &number);
    paste(&mut hs, "place", &place);
    paste(&mut hs, "date", "2026-12-01");
    save(&mut hs);
    let m = hs
        .store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| m.date == NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        .expect("the meeting was saved");
    let want: Vec<String> = lines(&format!("{t1}\n{t2}"))
        .split('\n')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(m.topics, want);
    let detail = hs.store.meeting_detail(m.id, today()).unwrap();
    assert_eq!(detail.row.number.as_deref(), Some(one_line(&number).trim()));
}

#[test]
fn pasted_text_in_the_filter_line_is_cleaned_and_searched_as_typed() {
    let mut hs = harness();
    hs.keys("2/");
    hs.action(Action::Paste(h("完成")));
    screen_clean(&hs, "filter line");
    assert_eq!(hs.model.input.value(), one_line(&h("完成")));
    // Nothing matches the cleaned corpus: an empty list, not an error or a crash.
    hs.keys("<Enter>");
    screen_clean(&hs, "filtered list");
    assert!(hs.model.form.is_none());
}
