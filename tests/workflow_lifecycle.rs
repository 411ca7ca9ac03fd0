//! The regulation end to end, by keys on the real TUI (TestBackend, 80×24): a meeting planned with
//! a late notice (R2.2), attendance with an unauthorised substitute (R3), a feedback round with one
//! silent unit (R4.3 deemed consent), minutes issued on the 11th working day (R4.4 late), three tasks
//! (R5.1 a date, R5.2 the default and an exemption), a missed limit explained with a promise
//! (R5.5), the promise missed and criticised (R5.6), again for a second task, and the unit due for
//! referral (R5.7). The screen and the store are checked at each step; dates come from the real
//! calendar, never written in by hand.

use chrono::NaiveDate;
use duban::domain::{LeaderTitle, Light, Limit, MinutesStatus, TaskState, Thresholds, UnitKind};
use duban::i18n::Lang;
use duban::store::{NewUnit, Store, TaskFilter};
use duban::tui::action::Action;
use duban::tui::harness::Harness;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Moves the harness to another day and reloads everything on screen.
fn advance(h: &mut Harness, to: NaiveDate) {
    h.model.today = to;
    h.action(Action::Refresh);
}

fn status(h: &Harness) -> String {
    format!("{:?}", h.model.status)
}

fn county() -> Store {
    let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
    store.fix_audit_clock("staff", "2026-03-02T09:00:00+08:00");
    for (name, kind) in [
        ("甲镇", UnitKind::Township),
        ("乙局", UnitKind::Department),
        ("丙乡", UnitKind::Township),
    ] {
        store
            .add_unit(NewUnit {
                name: name.into(),
                kind,
                main_leader: None,
                contact: None,
            })
            .unwrap();
    }
    store
        .add_leader("吴主任", LeaderTitle::OfficeDirector, None)
        .unwrap();
    store
        .add_leader("张县长", LeaderTitle::DeputyHead, Some("吴主任"))
        .unwrap();
    store
}

fn task_id(h: &Harness, text: &str) -> i64 {
    h.store
        .tasks(&TaskFilter::default(), h.model.today)
        .unwrap()
        .into_iter()
        .find(|t| t.text == text)
        .unwrap()
        .id
}

/// On the ledger, the task `id` selected and the explanation then the criticism recorded through
/// their forms, with `today` moved past the limit and then past the promise.
fn explain_then_criticise(h: &mut Harness, id: i64, doc: &str) {
    let cal = h.store.calendar().clone();
    let due = h.store.task_row(id, h.model.today).unwrap().due.unwrap();
    advance(h, cal.add_workdays(due, 1));
    assert_eq!(
        h.store.task_row(id, h.model.today).unwrap().light,
        Light::Red
    );
    h.keys(&format!("2:task {id}<Enter>"));
    assert!(h.text().contains("书面说明"), "{}", h.text());
    // R5.5: the explanation, promising 3 working days on.
    h.keys("e<Tab>+3<Tab>资金未到位，承诺三个工作日内完成。<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    let row = h.store.task_row(id, h.model.today).unwrap();
    assert_eq!(row.state, TaskState::Promised);
    let promised = row.promised_on.unwrap();
    assert_eq!(promised, cal.add_workdays(h.model.today, 3));
    // R5.6: the promise missed, the criticism.
    advance(h, cal.add_workdays(promised, 1));
    assert_eq!(
        h.store.task_row(id, h.model.today).unwrap().state,
        TaskState::CriticismDue
    );
    h.keys(&format!("2:task {id}<Enter>"));
    assert!(h.text().contains("通报批评"), "{}", h.text());
    h.keys(&format!("c<Tab>{doc}<C-s>"));
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    assert_eq!(
        h.store.task_row(id, h.model.today).unwrap().state,
        TaskState::Criticised
    );
}

#[test]
fn the_whole_regulation_by_keys() {
    let mut h = Harness::on(county(), Lang::Zh, day("2026-03-02"), 80, 24, "t.db");
    let cal = h.store.calendar().clone();

    // R2.1–R2.2: a plan for Wednesday 4 March, its notice only on the day: late.
    h.keys("3a专题会议一<Tab><Tab>张县长<Tab>吴主任<Tab>2026-03-04<Tab>9:30<Tab>三楼会议室<Tab>甲镇、乙局、丙乡<Tab>2026-03-04");
    assert!(
        h.text().contains("R2.2"),
        "the late notice is flagged beside the field:\n{}",
        h.text()
    );
    h.keys("<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    let meeting = h
        .model
        .meetings
        .selected
        .expect("the new meeting is selected");
    let row = h.store.meeting_row(meeting, h.model.today).unwrap();
    assert!(row.notice_late);
    assert!(h.text().contains("通知迟发"), "{}", h.text());

    // R3 on the day: 甲镇's leader came, 乙局 sent an unauthorised substitute, 丙乡's leader came.
    advance(&mut h, day("2026-03-04"));
    h.keys("3m4");
    h.keys("141<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    let d = h.store.meeting_detail(meeting, h.model.today).unwrap();
    let outcomes: Vec<_> = d
        .attendance
        .iter()
        .map(|(u, a)| (u.clone(), a.outcome.map(|o| o.code())))
        .collect();
    assert!(
        outcomes.contains(&("乙局".into(), Some("unauthorised_substitute"))),
        "{outcomes:?}"
    );

    // R4.2: the draft goes out for feedback the next day.
    advance(&mut h, day("2026-03-05"));
    h.keys("3m5王文<Tab>0577-1234<Tab><Tab>wang@example.cn<Tab><Tab><Tab> <Tab>2026-03-05<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    assert_eq!(
        h.store
            .feedback_round(meeting, h.model.today)
            .unwrap()
            .len(),
        3
    );

    // R4.3: 甲镇 and 乙局 answer, signed and sealed; 丙乡 stays silent.
    advance(&mut h, day("2026-03-06"));
    for unit in ["甲镇", "乙局"] {
        h.keys(&format!(
            "3m6<C-u>{unit}<Tab><Tab>无意见<Tab>李四<Tab>镇长<Tab> <C-s>"
        ));
        assert!(
            h.model.form.is_none(),
            "{:?}",
            h.model.form.as_ref().map(|f| &f.fields)
        );
    }
    let deadline = cal.add_workdays(day("2026-03-05"), 2);
    advance(&mut h, cal.add_workdays(deadline, 1));
    let round = h.store.feedback_round(meeting, h.model.today).unwrap();
    let silent = round.iter().find(|r| r.unit == "丙乡").unwrap();
    assert!(format!("{:?}", silent.status).contains("DeemedConsent"));
    h.keys("3JJJJ");
    assert!(h.text().contains("视为同意"), "{}", h.text());

    // R4.4: issued on the 11th working day after the meeting: late. Not signed off yet, so the
    // form asks first, naming what is open; yes issues them.
    let issued = cal.add_workdays(day("2026-03-04"), 11);
    advance(&mut h, issued);
    h.keys(&format!(
        "3m5<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>{issued}<C-s>"
    ));
    let asking = h.model.form.as_ref().and_then(|f| f.asking.clone());
    assert!(
        asking
            .as_deref()
            .is_some_and(|q| q.contains("纪要尚未签发") && q.contains("仍要印发吗")),
        "{asking:?}"
    );
    assert_eq!(h.store.minutes(meeting).unwrap().unwrap().issued_on, None);
    h.keys("y");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    let row = h.store.meeting_row(meeting, h.model.today).unwrap();
    assert!(
        matches!(
            row.minutes,
            MinutesStatus::IssuedLate {
                workdays_late: 1,
                ..
            }
        ),
        "{:?}",
        row.minutes
    );

    // R4.1, R5.1–R5.2: three tasks typed at once: a date, the default, an exemption.
    h.keys("3m7任务一<Enter>任务二<Enter>任务三");
    h.keys("<Tab>甲镇<Tab><Tab><Tab>2026-06-30<Tab>甲镇<Tab><Tab><Tab><Tab>乙局<Tab><Tab><Tab>土地<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    let t1 = task_id(&h, "任务一");
    let t2 = task_id(&h, "任务二");
    let t3 = task_id(&h, "任务三");
    assert_eq!(
        h.store.task(t1).unwrap().limit,
        Limit::Date(day("2026-06-30"))
    );
    assert_eq!(h.store.task(t2).unwrap().limit, Limit::Default);
    assert!(matches!(h.store.task(t3).unwrap().limit, Limit::Exempt(_)));
    let default_due = cal.add_workdays(issued, 15);
    assert_eq!(
        h.store.task_row(t2, h.model.today).unwrap().due,
        Some(default_due)
    );

    // R5.5–R5.6 for the default-limit task, then for the dated one: two criticisms of 甲镇.
    explain_then_criticise(&mut h, t2, "永考绩〔2026〕1号");
    let unit = h.store.unit_detail("甲镇", h.model.today).unwrap();
    assert_eq!(unit.row.criticisms_rolling_year, 1);
    assert!(!unit.row.referral_due);
    explain_then_criticise(&mut h, t1, "永考绩〔2026〕2号");
    assert!(
        status(&h).contains("R5.7"),
        "the referral is offered: {}",
        status(&h)
    );

    // R5.7: two criticisms within a year: the unit is flagged for referral.
    let unit = h.store.unit_detail("甲镇", h.model.today).unwrap();
    assert_eq!(unit.row.criticisms_rolling_year, 2);
    assert!(unit.row.referral_due);
    h.keys("2:unit 甲镇<Enter>");
    assert!(h.text().contains("R5.7"), "{}", h.text());
    // And the first referral step, from the units tab.
    h.keys("m2<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.fields)
    );
    assert_eq!(h.store.referrals(Some(unit.unit.id)).unwrap().len(), 1);

    // Every change is in the audit log, and undo reverts my last one through a new change; as it
    // removes the referral, it asks first (issue 18).
    let before = h.store.audit_count().unwrap();
    h.keys("u");
    assert!(h.model.ask.is_some(), "{}", h.text());
    assert!(!h.store.referrals(Some(unit.unit.id)).unwrap().is_empty());
    h.keys("y");
    assert!(h.store.referrals(Some(unit.unit.id)).unwrap().is_empty());
    assert_eq!(h.store.audit_count().unwrap(), before + 1);
}
