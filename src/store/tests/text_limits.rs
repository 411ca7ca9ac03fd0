//! Texts have limits on every path (`domain::fields`): the chain's texts too — a waiver's reason,
//! a referral's proposal reason, approval, decision, outcome and reason not to refer. A text past
//! its limit is refused with the limit named, and nothing is written.

use super::*;
use crate::domain::{ReferralStatus, TextField};

fn too_long(r: Result<i64>) -> bool {
    matches!(r, Err(StoreError::Invalid(Invalid::TooLong(x))) if x.field == TextField::Note)
}

#[test]
fn r5_6_a_waivers_reason_is_held_to_its_limit() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let t = missed_promise(&mut s, "2026-11-23");
    let max = TextField::Note.max_chars();
    let before = audit_count(&s);
    assert!(too_long(s.add_waiver(
        t,
        d("2026-11-23"),
        &"字".repeat(max + 1)
    )));
    assert_eq!(audit_count(&s), before);
    assert!(s.waivers_of_task(t).unwrap().is_empty());
    s.add_waiver(t, d("2026-11-23"), &"字".repeat(max)).unwrap();
    assert_eq!(s.waivers_of_task(t).unwrap()[0].reason.chars().count(), max);
}

#[test]
fn r5_7_each_referral_steps_text_is_held_to_its_limit() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    for on in ["2026-03-02", "2026-09-01"] {
        let t = missed_promise(&mut s, on);
        criticise(&mut s, on, vec![t]).unwrap();
    }
    let long = "字".repeat(TextField::Note.max_chars() + 1);
    let before = audit_count(&s);
    assert!(too_long(s.referral_step(ReferralStep::Propose {
        unit: "上塘镇".into(),
        date: d("2026-09-02"),
        reason: Some(long.clone()),
    })));
    assert_eq!(audit_count(&s), before);
    assert!(s.referrals(None).unwrap().is_empty());
    let id = s
        .referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-09-02"),
            reason: None,
        })
        .unwrap();
    let (approve, refer, conclude, not_refer) = (
        |text: &str| ReferralStep::Approve {
            id,
            date: d("2026-09-03"),
            approval: text.into(),
        },
        |text: &str| ReferralStep::Refer {
            id,
            date: d("2026-09-04"),
            decision: text.into(),
        },
        |text: &str| ReferralStep::Conclude {
            id,
            date: d("2026-09-05"),
            outcome: text.into(),
        },
        |text: &str| ReferralStep::NotRefer {
            id,
            date: d("2026-09-05"),
            reason: text.into(),
        },
    );
    let before = audit_count(&s);
    assert!(too_long(s.referral_step(approve(&long))));
    assert!(too_long(s.referral_step(not_refer(&long))));
    assert_eq!(audit_count(&s), before);
    s.referral_step(approve("县政府同意")).unwrap();
    assert!(too_long(s.referral_step(refer(&long))));
    s.referral_step(refer("移送县监委")).unwrap();
    assert!(too_long(s.referral_step(conclude(&long))));
    let r = s.referral(id).unwrap();
    assert_eq!(r.status(), ReferralStatus::Referred);
    assert_eq!(
        (r.approval.as_deref(), r.decision.as_deref(), r.outcome),
        (Some("县政府同意"), Some("移送县监委"), None)
    );
}
