//! Referrals as sequences (R5.7): proposed only for a unit due, one open per unit, every step
//! keeping its text.

use super::*;
use crate::domain::ReferralStatus;

#[test]
fn r5_7_propose_only_when_referral_due() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let propose = |s: &mut Store, date: &str| {
        s.referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d(date),
            reason: Some("一年内两次受到通报批评".into()),
        })
    };
    match propose(&mut s, "2026-03-01") {
        Err(StoreError::Invalid(Invalid::NotReferralDue {
            rolling_year,
            calendar_year,
            ..
        })) => assert_eq!((rolling_year, calendar_year), (0, 0)),
        other => panic!("{other:?}"),
    }
    let first = missed_promise(&mut s, "2026-03-02");
    criticise(&mut s, "2026-03-02", vec![first]).unwrap();
    assert!(matches!(
        propose(&mut s, "2026-03-03"),
        Err(StoreError::Invalid(Invalid::NotReferralDue {
            rolling_year: 1,
            ..
        }))
    ));
    let second = missed_promise(&mut s, "2026-09-01");
    criticise(&mut s, "2026-09-01", vec![second]).unwrap();
    // Not on a day before the second criticism.
    assert!(propose(&mut s, "2026-08-31").is_err());
    let r = propose(&mut s, "2026-09-02").unwrap();
    assert_eq!(
        s.referral(r).unwrap().proposal_reason.as_deref(),
        Some("一年内两次受到通报批评")
    );
}

#[test]
fn r5_7_one_open_referral_per_unit() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    for on in ["2026-03-02", "2026-09-01"] {
        let t = missed_promise(&mut s, on);
        criticise(&mut s, on, vec![t]).unwrap();
    }
    let propose = |s: &mut Store, date: &str| {
        s.referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d(date),
            reason: None,
        })
    };
    let r = propose(&mut s, "2026-09-10").unwrap();
    match propose(&mut s, "2026-09-10") {
        Err(StoreError::Invalid(Invalid::ReferralOpen { id, status, .. })) => {
            assert_eq!((id, status), (r, ReferralStatus::Proposed));
        }
        other => panic!("{other:?}"),
    }
    s.referral_step(ReferralStep::Approve {
        id: r,
        date: d("2026-09-11"),
        approval: "县政府同意".into(),
    })
    .unwrap();
    assert!(matches!(
        propose(&mut s, "2026-09-11"),
        Err(StoreError::Invalid(Invalid::ReferralOpen {
            status: ReferralStatus::Approved,
            ..
        }))
    ));
    // Decided against: the unit is no longer due, so a new proposal waits for two new criticisms.
    s.referral_step(ReferralStep::NotRefer {
        id: r,
        date: d("2026-09-12"),
        reason: "已整改到位".into(),
    })
    .unwrap();
    // The refusal says precisely why: the decision settled the two criticisms, none came after.
    let refused = propose(&mut s, "2026-09-13").unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Invalid(Invalid::NotReferralDue {
                rolling_year: 2,
                settled: Some((on, 0)),
                ..
            }) if on == d("2026-09-12")
        ),
        "{refused:?}"
    );
    let words = crate::i18n::Lang::Zh.not_referral_due(
        "上塘镇",
        d("2026-09-13"),
        2,
        2,
        Some((d("2026-09-12"), 0)),
    );
    assert!(
        words.contains("2026-09-12 已作出移送决定") && words.contains("此后受批评 0 次"),
        "{words}"
    );
}

#[test]
fn r5_7_every_step_keeps_its_reason() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    for on in ["2026-03-02", "2026-09-01"] {
        let t = missed_promise(&mut s, on);
        criticise(&mut s, on, vec![t]).unwrap();
    }
    let r = s
        .referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-09-10"),
            reason: Some("两次通报".into()),
        })
        .unwrap();
    // Each step refuses a blank text and writes nothing.
    let n = audit_count(&s);
    for step in [
        ReferralStep::Approve {
            id: r,
            date: d("2026-09-11"),
            approval: " ".into(),
        },
        ReferralStep::NotRefer {
            id: r,
            date: d("2026-09-11"),
            reason: String::new(),
        },
    ] {
        assert!(matches!(
            s.referral_step(step),
            Err(StoreError::Invalid(Invalid::ReferralNeedsText(_)))
        ));
    }
    assert_eq!(audit_count(&s), n);
    s.referral_step(ReferralStep::Approve {
        id: r,
        date: d("2026-09-11"),
        approval: "县政府〔2026〕批复12号".into(),
    })
    .unwrap();
    s.referral_step(ReferralStep::Refer {
        id: r,
        date: d("2026-09-12"),
        decision: "县考绩办移送函〔2026〕1号".into(),
    })
    .unwrap();
    assert!(matches!(
        s.referral_step(ReferralStep::Conclude {
            id: r,
            date: d("2026-10-12"),
            outcome: String::new(),
        }),
        Err(StoreError::Invalid(Invalid::ReferralNeedsText(
            ReferralStatus::Concluded
        )))
    ));
    s.referral_step(ReferralStep::Conclude {
        id: r,
        date: d("2026-10-12"),
        outcome: "对相关责任人诫勉谈话".into(),
    })
    .unwrap();
    let got = s.referral(r).unwrap();
    assert_eq!(got.proposal_reason.as_deref(), Some("两次通报"));
    assert_eq!(got.approval.as_deref(), Some("县政府〔2026〕批复12号"));
    assert_eq!(got.decision.as_deref(), Some("县考绩办移送函〔2026〕1号"));
    assert_eq!(got.outcome.as_deref(), Some("对相关责任人诫勉谈话"));
    assert_eq!(got.status(), ReferralStatus::Concluded);
    // An undo puts back what the step was given before.
    s.undo_last().unwrap();
    let back = s.referral(r).unwrap();
    assert_eq!((back.concluded_on, back.outcome), (None, None));
    assert_eq!(back.decision.as_deref(), Some("县考绩办移送函〔2026〕1号"));
}
