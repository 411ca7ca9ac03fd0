//! Store tests of the regulation's rules, named after them.

use super::*;

#[test]
fn r5_2_default_limit_follows_the_minutes_issue_date() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    // Issued 2026-11-02 (Mon): 15 working days later is 2026-11-23.
    assert_eq!(
        s.task_row(t, d("2026-11-25")).unwrap().due,
        Some(d("2026-11-23"))
    );
    // Reissuing moves it.
    s.update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-04")))
        .unwrap();
    let row = s.task_row(t, d("2026-11-25")).unwrap();
    assert_eq!(row.due, Some(d("2026-11-25")));
    assert_eq!(row.working_days_left, Some(0));
    assert_eq!(row.light, Light::Yellow);
}

#[test]
fn r5_5_r5_6_explanation_promise_and_criticism_chain() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let row = |s: &Store, today: &str| s.task_row(t, d(today)).unwrap();
    assert_eq!(row(&s, "2026-11-11").state, TaskState::ExplanationDue);
    assert_eq!(row(&s, "2026-11-11").light, Light::Red);
    s.add_explanation(
        t,
        d("2026-11-12"),
        d("2026-11-20"),
        Some("资金未到位".into()),
    )
    .unwrap();
    assert_eq!(row(&s, "2026-11-19").state, TaskState::Promised);
    assert_eq!(row(&s, "2026-11-23").state, TaskState::CriticismDue);
    let due = TaskFilter {
        state: Some(TaskState::CriticismDue),
        ..TaskFilter::default()
    };
    assert_eq!(s.tasks(&due, d("2026-11-23")).unwrap().len(), 1);
    // A criticism may only name tasks the unit leads.
    let wrong = NewCriticism {
        unit: "县财政局".into(),
        date: d("2026-11-24"),
        doc_no: Some("永考绩办〔2026〕2号".into()),
        reason: None,
        task_ids: vec![t],
        force: false,
    };
    assert!(matches!(
        s.add_criticism(wrong),
        Err(StoreError::Invalid(Invalid::TaskNotOfUnit { .. }))
    ));
    let c = NewCriticism {
        unit: "上塘镇".into(),
        date: d("2026-11-24"),
        doc_no: Some("永考绩办〔2026〕3号".into()),
        reason: Some("逾期未兑现承诺".into()),
        task_ids: vec![t],
        force: false,
    };
    s.add_criticism(c).unwrap();
    assert_eq!(row(&s, "2026-11-25").state, TaskState::Criticised);
    let detail = s.task_detail(t, d("2026-11-25")).unwrap();
    assert_eq!(detail.explanations.len(), 1);
    assert_eq!(
        detail.criticisms[0].doc_no.as_deref(),
        Some("永考绩办〔2026〕3号")
    );
}

#[test]
fn r5_7_second_criticism_within_a_year_flags_the_unit_until_decided() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let crit = |s: &mut Store, date: &str| {
        let t = missed_promise(s, date);
        criticise(s, date, vec![t]).unwrap()
    };
    crit(&mut s, "2026-03-01");
    let unit = |s: &Store| {
        s.unit_rows(d("2026-11-25"))
            .unwrap()
            .into_iter()
            .find(|u| u.name == "上塘镇")
            .unwrap()
    };
    assert!(!unit(&s).referral_due);
    crit(&mut s, "2026-10-01");
    let u = unit(&s);
    assert!(u.referral_due);
    assert_eq!(
        (u.criticisms_rolling_year, u.criticisms_calendar_year),
        (2, 2)
    );
    let r = s
        .referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-10-10"),
            reason: None,
        })
        .unwrap();
    assert!(unit(&s).referral_due, "a proposal is not a decision");
    // Steps must follow in order.
    assert!(
        s.referral_step(ReferralStep::Refer {
            id: r,
            date: d("2026-10-12"),
            decision: "移送函".into(),
        })
        .is_err()
    );
    s.referral_step(ReferralStep::Approve {
        id: r,
        date: d("2026-10-11"),
        approval: "县政府同意".into(),
    })
    .unwrap();
    s.referral_step(ReferralStep::Refer {
        id: r,
        date: d("2026-10-12"),
        decision: "县考绩办移送函〔2026〕1号".into(),
    })
    .unwrap();
    assert!(!unit(&s).referral_due);
    assert_eq!(
        s.referral(r).unwrap().status(),
        crate::domain::ReferralStatus::Referred
    );
}

#[test]
fn r4_3_feedback_round_with_deemed_consent() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    // Before the round is sent, answers are refused.
    let ans = FeedbackAnswer {
        received_on: Some(d("2026-11-05")),
        sealed: true,
        ..FeedbackAnswer::default()
    };
    assert!(matches!(
        s.record_feedback(m, "上塘镇", ans.clone()),
        Err(StoreError::Invalid(Invalid::NoFeedbackRound(_)))
    ));
    s.update_minutes(m, None, |mi| mi.feedback_sent_on = Some(d("2026-11-04")))
        .unwrap();
    s.record_feedback(m, "上塘镇", ans).unwrap();
    // 县财政局 is silent: the round waits until the deadline (11-06), then consent is deemed.
    assert_eq!(s.feedback_rounds_waiting(d("2026-11-06")).unwrap(), 1);
    assert_eq!(s.feedback_rounds_waiting(d("2026-11-07")).unwrap(), 0);
    assert_eq!(
        s.feedback_rounds_waiting(d("2026-11-03")).unwrap(),
        0,
        "not sent yet on that day"
    );
    let round = s.feedback_round(m, d("2026-11-09")).unwrap();
    assert_eq!(round.len(), 2);
    assert_eq!(
        round[0].status,
        FeedbackStatus::Answered {
            received_on: d("2026-11-05")
        }
    );
    // 2026-11-04 (Wed) + 2 working days = 11-06 (Fri); silence counts as consent from 11-07.
    assert_eq!(
        round[1].status,
        FeedbackStatus::DeemedConsent {
            effective_on: d("2026-11-07")
        }
    );
}

#[test]
fn r3_attendance_is_recorded_per_unit() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    s.record_attendance(
        m,
        "上塘镇",
        AttendanceOutcome::UnauthorisedSubstitute,
        Some("王某".into()),
        Some("科员".into()),
        crate::domain::testcal::d("2099-12-31"),
    )
    .unwrap();
    let detail = s.meeting_detail(m, d("2026-11-25")).unwrap();
    let (name, a) = &detail.attendance[0];
    assert_eq!(name, "上塘镇");
    assert_eq!(a.outcome, Some(AttendanceOutcome::UnauthorisedSubstitute));
    assert_eq!(detail.row.topics, ["瓯江引水", "城区供水"]);
}

#[test]
fn r5_5_r5_6_need_an_overdue_task() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Date(d("2026-11-20")));
    let n = audit_count(&s);
    // Nothing to explain before the limit has passed.
    let early = s.add_explanation(t, d("2026-11-20"), d("2026-11-27"), None);
    assert!(
        matches!(early, Err(StoreError::Invalid(Invalid::NotOverdue { .. }))),
        "{early:?}"
    );
    // Nor to criticise.
    let c = NewCriticism {
        unit: "上塘镇".into(),
        date: d("2026-11-20"),
        doc_no: Some("永考绩办〔2026〕4号".into()),
        reason: None,
        task_ids: vec![t],
        force: false,
    };
    assert!(matches!(
        s.add_criticism(c.clone()),
        Err(StoreError::Invalid(Invalid::NotOverdue { .. }))
    ));
    // Exempt tasks have no limit to miss.
    let exempt = task(
        &mut s,
        m,
        Limit::Exempt(crate::domain::ExemptCategory::Land),
    );
    assert!(
        s.add_explanation(exempt, d("2026-11-25"), d("2026-12-01"), None)
            .is_err()
    );
    // A task done before the criticism is not criticised.
    s.complete_task(t, d("2026-11-23"), None, None).unwrap();
    let late = NewCriticism {
        date: d("2026-11-25"),
        ..c
    };
    assert!(matches!(
        s.add_criticism(late),
        Err(StoreError::Invalid(Invalid::AlreadyDone(_)))
    ));
    assert_eq!(
        audit_count(&s),
        n + 2,
        "only the exempt task and the completion were written"
    );
}

#[test]
fn r5_2_a_changed_default_limit_recomputes_stored_deadlines_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let t = {
        let mut s = Store::open(&path, Thresholds::default()).unwrap();
        let m = county(&mut s);
        task(&mut s, m, Limit::Default)
    };
    let ten = Thresholds {
        default_limit_workdays: 10,
        ..Thresholds::default()
    };
    let s = Store::open(&path, ten.clone()).unwrap();
    // Issued 2026-11-02: 10 working days later is 2026-11-16.
    assert_eq!(
        s.task_row(t, d("2026-11-25")).unwrap().due,
        Some(d("2026-11-16"))
    );
    let last = &s.audit_log(Some("database"), None, 1).unwrap()[0];
    assert_eq!(last.after.as_ref().unwrap(), "10");
    // Opening again with the same value writes nothing.
    let n = audit_count(&s);
    drop(s);
    let s = Store::open(&path, ten).unwrap();
    assert_eq!(audit_count(&s), n);
}
