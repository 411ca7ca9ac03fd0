//! Time runs one way, issuing asks first, texts have limits: by keys on the real TUI over the demo
//! county (80×24, 2026-11-25), reading the store back after each step. What the form refuses is
//! said beside its field, in the store's own words, and nothing is written.

use chrono::NaiveDate;
use duban::domain::Light;
use duban::i18n::Lang;
use duban::store::TaskFilter;
use duban::tui::harness::Harness;
use duban::tui::model::Mode;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo(lang: Lang) -> Harness {
    Harness::demo(lang, today(), 80, 24).unwrap()
}

fn audit_rows(h: &Harness) -> usize {
    h.store.audit_log(None, None, 100_000).unwrap().len()
}

fn field_error(h: &Harness, key: &str) -> Option<String> {
    h.model.form.as_ref()?.field(key)?.error.clone()
}

/// A task of the demo with the light `light`.
fn a_task(h: &Harness, light: Light) -> duban::store::TaskRow {
    let f = TaskFilter {
        light: Some(light),
        ..TaskFilter::default()
    };
    h.store.tasks(&f, today()).unwrap().remove(0)
}

#[test]
fn r5_3_no_progress_on_done_task() {
    for (lang, words) in [
        (Lang::Zh, "晚于办结日期"),
        (Lang::En, "is after the completion date"),
    ] {
        let mut h = demo(lang);
        let done = a_task(&h, Light::Done);
        let completed = done.completed_on.unwrap();
        assert!(completed < today());
        let before = audit_rows(&h);
        h.keys(&format!("2:task {}<Enter>p", done.id));
        assert_eq!(h.model.mode, Mode::Form, "{}", h.text());
        h.keys("<Tab>进展情况<C-s>");
        let e = field_error(&h, "reported_on").expect("refused beside the date");
        assert!(
            e.contains(words) && e.contains(&completed.to_string()),
            "{e}"
        );
        assert_eq!(audit_rows(&h), before, "nothing written");
        assert_eq!(
            h.store
                .task_detail(done.id, today())
                .unwrap()
                .progress
                .len(),
            h.store
                .task_detail(done.id, today())
                .unwrap()
                .progress
                .iter()
                .filter(|p| p.reported_on <= completed)
                .count()
        );
    }
}

#[test]
fn texts_longer_than_the_store_allows_are_refused_beside_the_field() {
    let mut h = demo(Lang::Zh);
    let open = a_task(&h, Light::Red);
    let before = audit_rows(&h);
    h.keys(&format!("2:task {}<Enter>p", open.id));
    h.keys("<Tab>");
    // Pasted, as such a text would arrive.
    h.action(duban::tui::action::Action::Paste("进".repeat(2001)));
    let hint = h
        .model
        .form
        .as_ref()
        .and_then(|f| f.field("text")?.hint.clone())
        .map(|h| h.text);
    assert!(
        hint.as_deref().is_some_and(|t| t.contains("最多 2000 字")),
        "said as it is typed: {hint:?}"
    );
    h.keys("<C-s>");
    let e = field_error(&h, "text").expect("refused beside the text");
    assert!(
        e.contains("进展情况过长：最多 2000 字，现为 2001 字"),
        "{e}"
    );
    assert_eq!(audit_rows(&h), before, "nothing written");
}

#[test]
fn r3_attendance_of_a_meeting_not_yet_held_is_refused() {
    let mut h = demo(Lang::Zh);
    let future = h
        .store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| m.date > today())
        .unwrap();
    let before = audit_rows(&h);
    // The meeting, then step 4 of its menu: attendance.
    h.keys(&format!(":meeting {}<Enter>m4", future.id));
    h.keys("3<C-s>");
    let form = h.model.form.as_ref().expect("the form stays open");
    let e = form.error.clone().unwrap_or_default();
    assert!(
        e.contains("尚未举行") && e.contains(&future.date.to_string()),
        "{e}"
    );
    assert_eq!(audit_rows(&h), before, "nothing written");
}

#[test]
fn r4_4_issuing_with_the_round_open_asks_first_and_no_keeps_it_unissued() {
    let mut h = demo(Lang::Zh);
    // The demo's meeting whose feedback round still waits for answers today.
    let meeting = h
        .store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| {
            let round = h.store.feedback_round(m.id, today()).unwrap();
            round
                .iter()
                .any(|r| matches!(r.status, duban::domain::FeedbackStatus::Waiting { .. }))
        })
        .expect("a round waiting");
    let waiting = h
        .store
        .feedback_round(meeting.id, today())
        .unwrap()
        .iter()
        .filter(|r| matches!(r.status, duban::domain::FeedbackStatus::Waiting { .. }))
        .count();
    // The meeting, then step 5 of its menu: the minutes.
    h.keys(&format!(":meeting {}<Enter>m5", meeting.id));
    let f = h.model.form.as_mut().unwrap();
    f.focus = f.fields.iter().position(|x| x.key == "issued_on").unwrap();
    h.keys(&format!("{}<C-s>", today()));
    let asking = h.model.form.as_ref().and_then(|f| f.asking.clone());
    let q = asking.expect("asks first");
    assert!(
        q.contains(&format!("{waiting} 个单位尚未反馈")) && q.contains("纪要尚未签发"),
        "{q}"
    );
    assert!(h.text().contains("仍要印发吗"), "{}", h.text());
    // No: back to the form, nothing issued.
    h.keys("n");
    assert!(h.model.form.as_ref().is_some_and(|f| f.asking.is_none()));
    assert_eq!(
        h.store.minutes(meeting.id).unwrap().unwrap().issued_on,
        None
    );
    // Asked again, yes: issued on the day typed.
    h.keys("<C-s>y");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.error)
    );
    assert_eq!(
        h.store.minutes(meeting.id).unwrap().unwrap().issued_on,
        Some(today())
    );
}

#[test]
fn r5_6_a_waiver_before_the_promise_it_answers_is_refused_beside_its_date() {
    use duban::domain::TaskState;
    use duban::tui::workflow::{FormKind, MenuItem};
    for (lang, words) in [
        (Lang::Zh, "不予通报批评日期"),
        (Lang::En, "is before the promised date"),
    ] {
        let mut h = demo(lang);
        let f = TaskFilter {
            state: Some(TaskState::CriticismDue),
            ..TaskFilter::default()
        };
        let due = h.store.tasks(&f, today()).unwrap().remove(0);
        let promise = due.unanswered_promise.expect("a missed promise");
        let before = audit_rows(&h);
        h.keys(&format!("2:task {}<Enter>m", due.id));
        let menu = h.model.menu.as_ref().expect("the steps menu");
        let at = menu
            .items
            .iter()
            .position(|(_, x)| *x == MenuItem::Open(FormKind::Waive(due.id)))
            .expect("the waiver step");
        // From where the menu opens (on the next step), wrapping round.
        let at = (at + menu.items.len() - menu.cursor) % menu.items.len();
        for _ in 0..at {
            h.keys("j");
        }
        h.keys("<Enter>");
        let day_before = promise.pred_opt().unwrap();
        let form = h.model.form.as_mut().expect("the waiver form");
        form.focus = form.fields.iter().position(|x| x.key == "date").unwrap();
        let i = form.focus;
        form.fields[i].input.reset();
        h.keys(&format!("{day_before}<Tab>情况特殊<C-s>"));
        let e = field_error(&h, "date").expect("refused beside the date");
        assert!(e.contains(words) && e.contains(&promise.to_string()), "{e}");
        assert_eq!(audit_rows(&h), before, "nothing written");
        assert!(h.store.waivers_of_task(due.id).unwrap().is_empty());
    }
}

#[test]
fn r4_4_the_minutes_form_of_a_meeting_of_unknown_procedure_shows_no_clock() {
    use duban::import::ledger::{check_ledger, plan};
    use duban::import::{Existing, read::parse_csv};
    use duban::tui::workflow::{FormKind, MenuItem};
    let mut store =
        duban::store::Store::open_in_memory(duban::domain::Thresholds::default()).unwrap();
    let csv = "督办事项,主办单位,会议日期,会议议题\n修路,上塘镇,2026-09-01,道路\n";
    let db = Existing::load(&store, today()).unwrap();
    let rows = check_ledger(&parse_csv(csv).unwrap(), &db, today()).unwrap();
    store
        .import_ledger(&plan(&rows.good, &db), "l.csv", &mut |_, _| {})
        .unwrap();
    let id = store.meetings(today()).unwrap()[0].id;
    assert!(store.meeting(id).unwrap().procedure_unknown);
    let mut h = Harness::on(store, Lang::Zh, today(), 80, 24, "t.db");
    h.keys(&format!(":meeting {id}<Enter>m"));
    let menu = h.model.menu.as_ref().expect("the steps menu");
    let at = menu
        .items
        .iter()
        .position(|(_, x)| *x == MenuItem::Open(FormKind::Minutes(id)))
        .expect("the minutes step");
    // From where the menu opens (on the next step), wrapping round.
    let at = (at + menu.items.len() - menu.cursor) % menu.items.len();
    for _ in 0..at {
        h.keys("j");
    }
    h.keys("<Enter><Tab>");
    let form = h.model.form.as_ref().expect("the minutes form");
    assert!(
        form.field("issued_on").unwrap().hint.is_none(),
        "no R4.4 clock for a meeting not judged under R4.4"
    );
}
