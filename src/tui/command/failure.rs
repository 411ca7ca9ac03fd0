//! A refused write as the open form shows it: the message in the user's language, the field it
//! names (so the form can put the error under it), and whether it is a question (R4.4) or a
//! conflict with another user's change.

use super::super::action::WriteFailure;
use crate::i18n::{Lang, Ui};
use crate::store::{Invalid, StoreError};

/// A refused write as the form shows it: the message, the field it names, whether it was a
/// conflict with another user's change.
pub(super) fn failure(lang: Lang, e: StoreError) -> WriteFailure {
    let field = field_of(&e);
    let conflict = matches!(e, StoreError::Conflict { .. });
    // R4.4: what is still open on issuing the minutes is asked about, not refused.
    if let StoreError::Invalid(Invalid::IssueOpen { open, .. }) = &e {
        return WriteFailure {
            message: lang.ui_fill(Ui::AskIssueOpen, &[&lang.issue_open(open)]),
            field: None,
            conflict: false,
            ask: true,
        };
    }
    WriteFailure {
        message: crate::present::store_message(lang, e),
        field,
        conflict,
        ask: false,
    }
}

/// The form field a refusal is about: the date or text it names, in the `i`-th group of a batch
/// form (`limit#0`) when one item of a batch was refused.
fn field_of(e: &StoreError) -> Option<String> {
    let StoreError::Invalid(i) = e else {
        return None;
    };
    Some(match i {
        Invalid::OutOfOrder(o) => o.what.field().to_string(),
        Invalid::MissingDate(w) => w.field().to_string(),
        Invalid::Empty(f) => f.field().to_string(),
        Invalid::TooLong(t) => t.field.field().to_string(),
        Invalid::FeedbackPending { .. } => "archived_feedback".to_string(),
        Invalid::NotCriticismDue { task, .. } => format!("task#{task}"),
        Invalid::CriticismNeedsDocNo => "doc_no".to_string(),
        Invalid::InsistNeedsReason | Invalid::WaiverNeedsReason | Invalid::ReferralNeedsText(_) => {
            "reason".to_string()
        }
        Invalid::CriticisedLeadFixed { .. } => "lead".to_string(),
        Invalid::Line { line, error } => {
            format!("{}#{}", field_of(error)?, line.saturating_sub(1))
        }
        // A unit's row of a form saved as one: `attendee@上塘镇`, or `@上塘镇` for the row.
        Invalid::Row { unit, error } => {
            format!("{}@{unit}", field_of(error).unwrap_or_default())
        }
        _ => return None,
    })
}
