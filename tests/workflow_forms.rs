//! Every form of the TUI against the store: values typed through keys into the real TUI (opened
//! from the `m` steps menu or the add/edit keys, on the harness with a real store), saved, and every
//! field read back from the store. What is typed is what is stored.
//!
//! The tests find fields by their key, not by where they stand on the form, and set a check box
//! with `y`/`n`: the form's layout may change, its values may not get lost.

use chrono::NaiveDate;
use duban::domain::{
    AttendanceOutcome, ExemptCategory, LeaderTitle, Limit, ReferralStatus, TaskState, Thresholds,
    UnitKind,
};
use duban::i18n::Lang;
use duban::store::{NewUnit, Store, TaskFilter};
use duban::tui::action::Action;
use duban::tui::harness::Harness;
use duban::tui::workflow::{FormKind, MenuItem};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn county() -> Store {
    let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
    store.fix_audit_clock("staff", "2026-03-02T09:00:00+08:00");
    for (name, kind) in [("甲镇", UnitKind::Township), ("乙局", UnitKind::Department)] {
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

fn harness(today: &str) -> Harness {
    Harness::on(county(), Lang::Zh, day(today), 120, 40, "t.db")
}

fn advance(h: &mut Harness, to: &str) {
    h.model.today = day(to);
    h.action(Action::Refresh);
}

/// Focuses the `nth` field with key `key` of the open form.
fn focus(h: &mut Harness, key: &str, nth: usize) {
    let f = h.model.form.as_mut().expect("a form is open");
    f.focus = f
        .fields
        .iter()
        .enumerate()
        .filter(|(_, x)| x.key == key)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no field {key} #{nth}"));
}

/// Types `text` (a key script: `<Enter>` breaks a line in a long field) into the `nth` field
/// `key`, in place of what it held.
fn fill_nth(h: &mut Harness, key: &str, nth: usize, text: &str) {
    focus(h, key, nth);
    let f = h.model.form.as_mut().unwrap();
    let i = f.focus;
    f.fields[i].input.reset();
    h.keys(text);
}

fn fill(h: &mut Harness, key: &str, text: &str) {
    fill_nth(h, key, 0, text);
}

/// Sets a check box with `y` or `n`.
fn tick_nth(h: &mut Harness, key: &str, nth: usize, on: bool) {
    focus(h, key, nth);
    h.keys(if on { "y" } else { "n" });
}

fn tick(h: &mut Harness, key: &str, on: bool) {
    tick_nth(h, key, 0, on);
}

/// Chooses option `i` of a choice field with → (each press the next option).
fn choose_nth(h: &mut Harness, key: &str, nth: usize, i: usize) {
    focus(h, key, nth);
    for _ in 0..12 {
        let f = h.model.form.as_ref().unwrap();
        if f.fields[f.focus].choice == i {
            return;
        }
        h.keys("<Right>");
    }
    panic!("{key} #{nth} has no option {i}");
}

/// Saves the open form; it must close (else its refusals are the failure).
fn save(h: &mut Harness) {
    h.keys("<C-s>");
    if let Some(f) = &h.model.form {
        let errors: Vec<String> = f
            .fields
            .iter()
            .filter_map(|x| x.error.as_ref().map(|e| format!("{}: {e}", x.key)))
            .collect();
        panic!("not saved: {:?} {errors:?}", f.error);
    }
}

/// Opens the step `kind` from the `m` menu of the current selection (a leader to edit from the
/// list of leaders the menu offers).
fn step(h: &mut Harness, kind: FormKind) {
    h.keys("m");
    if matches!(kind, FormKind::EditLeader(_)) {
        choose(h, &MenuItem::Leaders);
    }
    choose(h, &MenuItem::Open(kind.clone()));
    assert!(h.model.form.is_some(), "{kind:?} did not open");
}

/// Chooses `item` of the open menu.
fn choose(h: &mut Harness, item: &MenuItem) {
    let menu = h.model.menu.as_ref().expect("the steps menu");
    let at = menu
        .items
        .iter()
        .position(|(_, x)| x == item)
        .unwrap_or_else(|| panic!("{item:?} not in the menu: {:?}", menu.items));
    // From where the menu opens (on the next step), wrapping round.
    let at = (at + menu.items.len() - menu.cursor) % menu.items.len();
    for _ in 0..at {
        h.keys("j");
    }
    h.keys("<Enter>");
}

fn unit_id(h: &Harness, name: &str) -> i64 {
    h.store.unit_by_name(name).unwrap().id
}

fn leader_id(h: &Harness, name: &str) -> i64 {
    h.store
        .leaders()
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .unwrap()
        .id
}

/// A meeting on 2026-03-04 of 甲镇 and 乙局, planned through the form: its id.
fn plan_meeting(h: &mut Harness) -> i64 {
    h.keys("3a");
    fill(h, "topics", "供水管网改造<Enter>城区排涝");
    fill(h, "number", "专题会议〔2026〕3号");
    fill(h, "chair", "张县长");
    fill(h, "liaison", "吴主任");
    fill(h, "date", "2026-03-04");
    fill(h, "time", "9:30");
    fill(h, "place", "三楼会议室");
    fill(h, "units", "甲镇、乙局");
    fill(h, "notice_date", "2026-03-03");
    tick(h, "emergency", true);
    fill(h, "plan_approved_by", "吴主任");
    fill(h, "plan_approved_on", "2026-03-02");
    save(h);
    h.model
        .meetings
        .selected
        .expect("the new meeting is selected")
}

#[test]
fn r2_r3_r4_every_meeting_form_stores_what_was_typed() {
    let mut h = harness("2026-03-02");
    // R2.1–R2.2: the plan.
    let id = plan_meeting(&mut h);
    let m = h.store.meeting(id).unwrap();
    assert_eq!(m.topics, ["供水管网改造", "城区排涝"]);
    assert_eq!(m.number.as_deref(), Some("专题会议〔2026〕3号"));
    assert_eq!(m.chair_id, Some(leader_id(&h, "张县长")));
    assert_eq!(m.liaison_id, Some(leader_id(&h, "吴主任")));
    assert_eq!(m.date, day("2026-03-04"));
    assert_eq!(m.time.map(|t| t.to_string()).as_deref(), Some("09:30:00"));
    assert_eq!(m.place.as_deref(), Some("三楼会议室"));
    assert_eq!(m.notice_date, Some(day("2026-03-03")));
    assert!(m.emergency);
    assert_eq!(m.plan_approved_by.as_deref(), Some("吴主任"));
    assert_eq!(m.plan_approved_on, Some(day("2026-03-02")));
    let units: Vec<String> = h
        .store
        .meeting_detail(id, day("2026-03-02"))
        .unwrap()
        .attendance
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    assert_eq!(units, ["甲镇", "乙局"]);
    // The plan edited.
    step(&mut h, FormKind::EditMeeting(id));
    fill(&mut h, "place", "二楼小会议室");
    tick(&mut h, "emergency", false);
    save(&mut h);
    let m = h.store.meeting(id).unwrap();
    assert_eq!(m.place.as_deref(), Some("二楼小会议室"));
    assert!(!m.emergency);

    // R2.3: the attendees confirmed beforehand, one line per unit.
    step(&mut h, FormKind::Confirm(id));
    for (i, (who, post)) in [("王镇长", "镇长"), ("李局长", "局长")].iter().enumerate() {
        tick_nth(&mut h, "confirmed", i, true);
        fill_nth(&mut h, "attendee", i, who);
        fill_nth(&mut h, "role", i, post);
    }
    save(&mut h);
    let d = h.store.meeting_detail(id, day("2026-03-02")).unwrap();
    let got: Vec<_> = d
        .attendance
        .iter()
        .map(|(_, a)| (a.confirmed, a.attendee.as_deref(), a.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (true, Some("王镇长"), Some("镇长")),
            (true, Some("李局长"), Some("局长"))
        ]
    );

    // R3: attendance after the meeting.
    advance(&mut h, "2026-03-04");
    step(&mut h, FormKind::Attendance(id));
    choose_nth(&mut h, "outcome", 0, 1);
    choose_nth(&mut h, "outcome", 1, 4);
    fill_nth(&mut h, "attendee", 1, "赵科员");
    fill_nth(&mut h, "role", 1, "科员");
    save(&mut h);
    let d = h.store.meeting_detail(id, day("2026-03-04")).unwrap();
    let got: Vec<_> = d
        .attendance
        .iter()
        .map(|(_, a)| (a.outcome, a.attendee.as_deref(), a.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(AttendanceOutcome::LeaderAttended),
                Some("王镇长"),
                Some("镇长")
            ),
            (
                Some(AttendanceOutcome::UnauthorisedSubstitute),
                Some("赵科员"),
                Some("科员")
            )
        ]
    );

    // R4: the minutes, every field.
    advance(&mut h, "2026-03-12");
    step(&mut h, FormKind::Minutes(id));
    fill(&mut h, "drafter", "张伟");
    fill(&mut h, "drafter_phone", "0577-67220000");
    fill(&mut h, "drafter_fax", "0577-67220001");
    fill(&mut h, "drafter_email", "zhangwei@example.cn");
    fill(&mut h, "reviewer", "吴主任");
    fill(&mut h, "reviewed_on", "2026-03-05");
    tick(&mut h, "feedback_needed", true);
    fill(&mut h, "feedback_sent_on", "2026-03-06");
    fill(&mut h, "signed_by", "张县长");
    fill(&mut h, "signed_on", "2026-03-10");
    fill(&mut h, "issued_on", "2026-03-11");
    tick(&mut h, "copied", true);
    tick(&mut h, "archived_sign_in", true);
    tick(&mut h, "archived_record", true);
    tick(&mut h, "archived_feedback", true);
    save(&mut h);
    let x = h
        .store
        .meeting_detail(id, day("2026-03-12"))
        .unwrap()
        .minutes_record
        .unwrap();
    assert_eq!(x.drafter.as_deref(), Some("张伟"));
    assert_eq!(x.drafter_phone.as_deref(), Some("0577-67220000"));
    assert_eq!(x.drafter_fax.as_deref(), Some("0577-67220001"));
    assert_eq!(x.drafter_email.as_deref(), Some("zhangwei@example.cn"));
    assert_eq!(x.reviewer.as_deref(), Some("吴主任"));
    assert_eq!(x.reviewed_on, Some(day("2026-03-05")));
    assert_eq!(x.feedback_sent_on, Some(day("2026-03-06")));
    assert_eq!(x.signed_by.as_deref(), Some("张县长"));
    assert_eq!(x.signed_on, Some(day("2026-03-10")));
    assert_eq!(x.issued_on, Some(day("2026-03-11")));
    assert!(x.copied_to_supervision && x.archived_sign_in);
    assert!(x.archived_record && x.archived_feedback);

    // R4.3: a unit's answer to the feedback form.
    step(&mut h, FormKind::Feedback(id));
    fill(&mut h, "unit", "乙局");
    fill(&mut h, "received_on", "2026-03-09");
    fill(&mut h, "opinion", "同意<Enter>建议增加排涝泵站");
    fill(&mut h, "signer", "李局长");
    fill(&mut h, "signer_post", "局长");
    tick(&mut h, "sealed", true);
    save(&mut h);
    let d = h.store.meeting_detail(id, day("2026-03-12")).unwrap();
    let fb = &d
        .feedback
        .iter()
        .find(|f| f.unit == "乙局")
        .unwrap()
        .feedback;
    assert_eq!(fb.received_on, Some(day("2026-03-09")));
    assert_eq!(fb.opinion.as_deref(), Some("同意\n建议增加排涝泵站"));
    assert_eq!(fb.signer.as_deref(), Some("李局长"));
    assert_eq!(fb.signer_post.as_deref(), Some("局长"));
    assert!(fb.sealed);

    // R4.1: new tasks, each with its unit, co-units, leader and limit.
    step(&mut h, FormKind::NewTasks(id));
    fill(&mut h, "lines", "完成管网改造<Enter>清理排涝河道");
    fill(&mut h, "lead#0", "甲镇");
    fill(&mut h, "co#0", "乙局");
    fill(&mut h, "leader#0", "张县长");
    fill(&mut h, "limit#0", "2026-04-30");
    fill(&mut h, "lead#1", "乙局");
    fill(&mut h, "limit#1", "土地");
    save(&mut h);
    let tasks = h
        .store
        .tasks(&TaskFilter::default(), day("2026-03-12"))
        .unwrap();
    let t0 = tasks.iter().find(|t| t.text == "完成管网改造").unwrap();
    assert_eq!(
        (
            t0.lead_unit.as_str(),
            t0.co_units.clone(),
            t0.leader.as_deref()
        ),
        ("甲镇", vec!["乙局".to_string()], Some("张县长"))
    );
    assert_eq!(t0.limit, Limit::Date(day("2026-04-30")));
    assert_eq!(t0.meeting_id, id);
    let t1 = tasks.iter().find(|t| t.text == "清理排涝河道").unwrap();
    assert_eq!(t1.lead_unit, "乙局");
    assert_eq!(t1.limit, Limit::Exempt(ExemptCategory::Land));

    // The task edited: every field.
    let t = t0.id;
    h.keys(&format!("2:task {t}<Enter>"));
    step(&mut h, FormKind::EditTask(t));
    fill(&mut h, "text", "完成一期管网改造");
    fill(&mut h, "lead", "乙局");
    fill(&mut h, "co", "甲镇");
    fill(&mut h, "leader", "");
    fill(&mut h, "limit", "");
    save(&mut h);
    let got = h.store.task(t).unwrap();
    assert_eq!(got.text, "完成一期管网改造");
    assert_eq!(got.lead_unit_id, unit_id(&h, "乙局"));
    assert_eq!(got.co_unit_ids, vec![unit_id(&h, "甲镇")]);
    assert_eq!(got.responsible_leader_id, None);
    assert_eq!(got.limit, Limit::Default);
}

/// A task of 甲镇 on a meeting of its own, due 2026-03-20: its id.
fn task_of(h: &mut Harness, meeting: i64, text: &str, due: &str) -> i64 {
    h.store
        .add_task(duban::store::NewTask {
            meeting_id: meeting,
            text: text.into(),
            lead_unit: "甲镇".into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Date(day(due)),
        })
        .unwrap()
}

#[test]
fn r5_every_task_and_accountability_form_stores_what_was_typed() {
    let mut h = harness("2026-03-02");
    let m = plan_meeting(&mut h);
    let a = task_of(&mut h, m, "完成管网改造", "2026-03-20");
    let b = task_of(&mut h, m, "清理排涝河道", "2026-03-20");
    advance(&mut h, "2026-03-10");

    // R5.3: a progress report.
    h.keys(&format!("2:task {a}<Enter>"));
    step(&mut h, FormKind::Progress(vec![a]));
    fill(&mut h, "reported_on", "2026-03-09");
    fill(&mut h, "text", "已完成管材招标<Enter>下周进场");
    save(&mut h);
    let d = h.store.task_detail(a, day("2026-03-10")).unwrap();
    assert_eq!(d.progress.len(), 1);
    assert_eq!(d.progress[0].reported_on, day("2026-03-09"));
    assert_eq!(d.progress[0].text, "已完成管材招标\n下周进场");

    // R5.5: past the limit, the written explanation and its promise.
    advance(&mut h, "2026-03-24");
    h.keys(&format!("2:task {a}<Enter>"));
    step(&mut h, FormKind::Explain(vec![a]));
    fill(&mut h, "submitted_on", "2026-03-23");
    fill(&mut h, "promised_on", "2026-03-27");
    fill(&mut h, "text", "管材到货延迟");
    save(&mut h);
    let e = &h
        .store
        .task_detail(a, day("2026-03-24"))
        .unwrap()
        .explanations[0];
    assert_eq!(
        (e.submitted_on, e.promised_on, e.text.as_deref()),
        (day("2026-03-23"), day("2026-03-27"), Some("管材到货延迟"))
    );

    // R5.6: the promise missed; the criticism with its number and reason.
    advance(&mut h, "2026-03-31");
    h.keys(&format!("2:task {a}<Enter>"));
    assert_eq!(
        h.store.task_row(a, day("2026-03-31")).unwrap().state,
        TaskState::CriticismDue
    );
    step(&mut h, FormKind::Criticise(vec![a]));
    fill(&mut h, "date", "2026-03-30");
    fill(&mut h, "doc_no", "县考绩办〔2026〕4号");
    fill(&mut h, "reason", "逾期未兑现书面承诺");
    save(&mut h);
    let c = &h.store.criticisms(None).unwrap()[0].criticism;
    assert_eq!(c.date, day("2026-03-30"));
    assert_eq!(c.doc_no.as_deref(), Some("县考绩办〔2026〕4号"));
    assert_eq!(c.reason.as_deref(), Some("逾期未兑现书面承诺"));
    assert_eq!(c.task_ids, vec![a]);

    // 办结: the date and the note.
    h.keys(&format!("2:task {a}<Enter>"));
    step(&mut h, FormKind::Done(vec![a]));
    fill(&mut h, "completed_on", "2026-03-31");
    fill(&mut h, "note", "已全部完工");
    save(&mut h);
    let t = h.store.task(a).unwrap();
    assert_eq!(
        (t.completed_on, t.completion_note.as_deref()),
        (Some(day("2026-03-31")), Some("已全部完工"))
    );

    // R5.6: the other task's missed promise waived, with the reason.
    h.store
        .add_explanation(b, day("2026-03-23"), day("2026-03-27"), None)
        .unwrap();
    h.action(Action::Refresh);
    h.keys(&format!("2:task {b}<Enter>"));
    step(&mut h, FormKind::Waive(b));
    fill(&mut h, "date", "2026-03-31");
    fill(&mut h, "reason", "因上级政策调整暂缓实施");
    save(&mut h);
    let w = &h.store.task_detail(b, day("2026-03-31")).unwrap().waivers[0];
    assert_eq!(
        (w.date, w.reason.as_str()),
        (day("2026-03-31"), "因上级政策调整暂缓实施")
    );
    assert!(h.text().contains("因上级政策调整暂缓"), "{}", h.text());
}

#[test]
fn r5_7_every_referral_step_stores_what_was_typed() {
    let mut h = harness("2026-03-02");
    let m = plan_meeting(&mut h);
    // Two criticisms of 甲镇 (through the store): referral due.
    for (text, on) in [("甲", "2026-03-30"), ("乙", "2026-03-31")] {
        let t = task_of(&mut h, m, text, "2026-03-20");
        h.store
            .add_explanation(t, day("2026-03-23"), day("2026-03-27"), None)
            .unwrap();
        h.store
            .add_criticism(duban::store::NewCriticism {
                unit: "甲镇".into(),
                date: day(on),
                doc_no: Some(format!("县考绩办〔2026〕{text}号")),
                reason: None,
                task_ids: vec![t],
                force: false,
            })
            .unwrap();
    }
    advance(&mut h, "2026-04-01");
    let unit = unit_id(&h, "甲镇");
    h.keys("4:unit 甲镇<Enter>");
    assert_eq!(h.model.units.selected, Some(unit));
    let steps = [
        ("2026-04-01", "一年内两次受到通报批评"),
        ("2026-04-02", "县政府同意（第5次常务会议）"),
        ("2026-04-03", "县考绩办移送函〔2026〕1号"),
        ("2026-04-10", "对相关责任人诫勉谈话"),
    ];
    for (date, text) in steps {
        advance(&mut h, date);
        step(&mut h, FormKind::Referral(unit));
        fill(&mut h, "date", date);
        fill(&mut h, "reason", text);
        save(&mut h);
    }
    let r = &h.store.referrals(Some(unit)).unwrap()[0];
    assert_eq!(r.status(), ReferralStatus::Concluded);
    assert_eq!(
        (r.proposed_on, r.proposal_reason.as_deref()),
        (day("2026-04-01"), Some(steps[0].1))
    );
    assert_eq!(
        (r.approved_on, r.approval.as_deref()),
        (Some(day("2026-04-02")), Some(steps[1].1))
    );
    assert_eq!(
        (r.referred_on, r.decision.as_deref()),
        (Some(day("2026-04-03")), Some(steps[2].1))
    );
    assert_eq!(
        (r.concluded_on, r.outcome.as_deref()),
        (Some(day("2026-04-10")), Some(steps[3].1))
    );
}

#[test]
fn r5_7_not_refer_keeps_its_reason_and_an_approval_needs_its_text() {
    let mut h = harness("2026-03-02");
    let m = plan_meeting(&mut h);
    for (text, on) in [("甲", "2026-03-30"), ("乙", "2026-03-31")] {
        let t = task_of(&mut h, m, text, "2026-03-20");
        h.store
            .add_explanation(t, day("2026-03-23"), day("2026-03-27"), None)
            .unwrap();
        h.store
            .add_criticism(duban::store::NewCriticism {
                unit: "甲镇".into(),
                date: day(on),
                doc_no: Some(format!("{text}号")),
                reason: None,
                task_ids: vec![t],
                force: false,
            })
            .unwrap();
    }
    advance(&mut h, "2026-04-01");
    let unit = unit_id(&h, "甲镇");
    h.keys("4:unit 甲镇<Enter>");
    step(&mut h, FormKind::Referral(unit));
    save(&mut h);
    // The approval refuses a blank text beside the field; "not refer" keeps its reason.
    step(&mut h, FormKind::Referral(unit));
    h.keys("<C-s>");
    let f = h.model.form.as_ref().expect("refused");
    assert!(f.field("reason").unwrap().error.is_some());
    choose_nth(&mut h, "step", 0, 1);
    fill(&mut h, "reason", "已整改到位，经研究不予移送");
    save(&mut h);
    let r = &h.store.referrals(Some(unit)).unwrap()[0];
    assert_eq!(r.status(), ReferralStatus::NotReferred);
    assert_eq!(r.reason.as_deref(), Some("已整改到位，经研究不予移送"));
}

#[test]
fn units_and_leaders_forms_store_what_was_typed() {
    let mut h = harness("2026-03-02");
    h.keys("4a");
    fill(&mut h, "name", "丙乡");
    choose_nth(&mut h, "kind", 0, 0);
    fill(&mut h, "main_leader", "钱乡长");
    fill(&mut h, "contact", "孙干事 0577-1234567");
    save(&mut h);
    let u = h.store.unit_by_name("丙乡").unwrap();
    assert_eq!(u.kind, UnitKind::Township);
    assert_eq!(u.main_leader.as_deref(), Some("钱乡长"));
    assert_eq!(u.contact.as_deref(), Some("孙干事 0577-1234567"));
    h.keys("4:unit 丙乡<Enter>");
    step(&mut h, FormKind::EditUnit(u.id));
    fill(&mut h, "name", "丙乡人民政府");
    choose_nth(&mut h, "kind", 0, 2);
    fill(&mut h, "contact", "");
    tick(&mut h, "active", false);
    save(&mut h);
    let u = h.store.unit_by_name("丙乡人民政府").unwrap();
    assert_eq!(u.kind, UnitKind::Other);
    assert_eq!(u.contact, None);
    assert!(!u.active);

    step(&mut h, FormKind::NewLeader);
    fill(&mut h, "name", "周副县长");
    choose_nth(&mut h, "title", 0, 1);
    fill(&mut h, "liaison", "吴主任");
    save(&mut h);
    let id = leader_id(&h, "周副县长");
    let l = h
        .store
        .leaders()
        .unwrap()
        .into_iter()
        .find(|l| l.id == id)
        .unwrap();
    assert_eq!(l.title, LeaderTitle::DeputyHead);
    assert_eq!(l.liaison_id, Some(leader_id(&h, "吴主任")));
    step(&mut h, FormKind::EditLeader(id));
    fill(&mut h, "name", "周县长");
    choose_nth(&mut h, "title", 0, 0);
    fill(&mut h, "liaison", "");
    tick(&mut h, "active", false);
    save(&mut h);
    let l = h
        .store
        .leaders()
        .unwrap()
        .into_iter()
        .find(|l| l.id == id)
        .unwrap();
    assert_eq!(
        (l.name.as_str(), l.title, l.liaison_id, l.active),
        ("周县长", LeaderTitle::CountyHead, None, false)
    );
}

#[test]
fn r5_6_the_criticism_form_asks_before_naming_a_task_not_due_and_keeps_the_lead_unit() {
    let mut h = harness("2026-03-02");
    let m = plan_meeting(&mut h);
    let a = task_of(&mut h, m, "完成管网改造", "2026-03-20");
    advance(&mut h, "2026-03-24");
    // Past its limit, never explained: refused beside the task, with how to insist.
    h.keys(&format!("2:task {a}<Enter>"));
    step(&mut h, FormKind::Criticise(vec![a]));
    fill(&mut h, "doc_no", "县考绩办〔2026〕5号");
    h.keys("<C-s>");
    let f = h.model.form.as_ref().expect("refused");
    let why = f
        .field(&format!("task#{a}"))
        .unwrap()
        .error
        .clone()
        .unwrap();
    assert!(
        why.contains("尚无书面说明") && why.contains("坚持通报"),
        "{why}"
    );
    // Insisting needs the reason; with it, the criticism is stored.
    tick(&mut h, "insist", true);
    h.keys("<C-s>");
    let f = h.model.form.as_ref().expect("refused");
    assert!(f.field("reason").unwrap().error.is_some());
    fill(&mut h, "reason", "未按要求作出书面说明");
    save(&mut h);
    let c = &h.store.criticisms(None).unwrap()[0].criticism;
    assert_eq!(c.reason.as_deref(), Some("未按要求作出书面说明"));
    assert_eq!(c.task_ids, vec![a]);
    // R5.6: its lead unit stays the unit criticised.
    h.keys(&format!("2:task {a}<Enter>"));
    step(&mut h, FormKind::EditTask(a));
    fill(&mut h, "lead", "乙局");
    h.keys("<C-s>");
    let f = h.model.form.as_ref().expect("refused");
    let why = f.field("lead").unwrap().error.clone().unwrap_or_default();
    assert!(why.contains("甲镇") && why.contains("不能更改"), "{why}");
    assert_eq!(h.store.task(a).unwrap().lead_unit_id, unit_id(&h, "甲镇"));
}
