//! The store's and the date parser's errors as one-line messages in the user's language, with
//! the exit code each gets (see the module documentation of `crate::cli`).

use super::Failure;
use crate::domain::DateError;
use crate::i18n::{Lang, Msg};
use crate::present::store_message;
pub use crate::present::{entity_name, role_name, short};
use crate::store::StoreError;

pub(super) fn date_failure(lang: Lang, e: &DateError) -> Failure {
    let message = match e {
        DateError::Unrecognised(s) => lang.fill(Msg::ErrDate, &[&short(s)]),
        DateError::OutOfRange(s) => lang.fill(Msg::ErrDateRange, &[&short(s)]),
        DateError::AfterToday { date, today } => lang.fill(Msg::ErrDateFuture, &[date, today]),
    };
    Failure { code: 2, message }
}

/// The store's error as a one-line message in `lang` (`crate::present`), with its exit code.
pub fn store_failure(lang: Lang, e: StoreError) -> Failure {
    let code = if e.is_not_allowed() {
        3
    } else if e.is_bad_input() {
        2
    } else {
        1
    };
    Failure {
        code,
        message: store_message(lang, e),
    }
}
