//! Missed promises (R5.5–R5.6): a promise made in a written explanation and not kept is a fact.
//! It stays due for a notified criticism until it is answered, by a criticism of the task or by
//! a recorded decision not to issue one (a waiver, 不予通报批评), each dated after the promise. A
//! later promise or a late completion does not answer it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// R5.6: an editor's decision, with its reason, that no criticism will be issued for a task's
/// missed promise (不予通报批评). It answers the promises missed before its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    pub id: i64,
    pub task_id: i64,
    pub date: NaiveDate,
    pub reason: String,
    pub version: i64,
}

/// What answered a missed promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Answer {
    /// A notified criticism naming the task (its id).
    Criticism(i64),
    /// A waiver of the task (its id).
    Waiver(i64),
}

/// An answer with its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered {
    pub date: NaiveDate,
    pub by: Answer,
}

/// A promise is missed when the task was not completed on or before the promised date: not
/// completed at all, or completed later.
pub fn missed(promised_on: NaiveDate, completed_on: Option<NaiveDate>) -> bool {
    completed_on.is_none_or(|c| c > promised_on)
}

/// The answer of `answers` that answers a promise of `promised_on`: the first dated after it.
fn answer_of(promised_on: NaiveDate, answers: &[Answered]) -> Option<Answered> {
    answers
        .iter()
        .filter(|a| a.date > promised_on)
        .min_by_key(|a| a.date)
        .copied()
}

/// R5.6: the task's unanswered promise: the earliest promised date among its explanations whose
/// promise is missed (or not kept yet) and not answered by a criticism or a waiver dated after
/// it. The task is due for a criticism on `today` iff it has one and `today` is after it. Does
/// not depend on `today`, so the store keeps it as a column.
pub fn unanswered_promise(
    promises: &[NaiveDate],
    completed_on: Option<NaiveDate>,
    answers: &[Answered],
) -> Option<NaiveDate> {
    promises
        .iter()
        .copied()
        .filter(|p| missed(*p, completed_on) && answer_of(*p, answers).is_none())
        .min()
}

/// Whether a criticism dated `on` may name the task, and if not, why (R5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Due: the promise of this date was missed and nothing answered it.
    Due(NaiveDate),
    /// No written explanation with a promise was recorded.
    NoPromise,
    /// The promise (the earliest not kept) falls on or after `on`: it has not been missed yet.
    PromiseAhead(NaiveDate),
    /// The promises missed by `on` were all answered; this answered the latest of them.
    Answered(Answered),
    /// Every promise was kept.
    Kept,
}

/// R5.6: where a task stands for a criticism dated `on`: due when a promise missed before `on`
/// is unanswered (see [`unanswered_promise`]).
pub fn standing(
    promises: &[NaiveDate],
    completed_on: Option<NaiveDate>,
    answers: &[Answered],
    on: NaiveDate,
) -> Standing {
    if promises.is_empty() {
        return Standing::NoPromise;
    }
    let passed: Vec<NaiveDate> = promises
        .iter()
        .copied()
        .filter(|p| *p < on && missed(*p, completed_on))
        .collect();
    if let Some(p) = passed
        .iter()
        .copied()
        .filter(|p| answer_of(*p, answers).is_none())
        .min()
    {
        return Standing::Due(p);
    }
    if let Some(a) = passed.iter().max().and_then(|p| answer_of(*p, answers)) {
        return Standing::Answered(a);
    }
    match promises
        .iter()
        .copied()
        .filter(|p| *p >= on && missed(*p, completed_on))
        .min()
    {
        Some(p) => Standing::PromiseAhead(p),
        None => Standing::Kept,
    }
}

/// What a criticism notice may truly say of one task, on the criticism's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "promised_on")]
pub enum NoticeFact {
    /// Explained, promised, and the promise (this date) missed: the chain of R5.5–R5.6.
    PromiseMissed(NaiveDate),
    /// Explained with a promise (this date) not yet passed on the criticism's date.
    PromiseAhead(NaiveDate),
    /// Explained, and done by the promised date (this date).
    PromiseKept(NaiveDate),
    /// Past its limit with no written explanation.
    NoExplanation,
}

/// The fact a notice dated `on` states of a task with these promises and completion: a promise
/// missed before `on` (the latest such), else a promise still ahead, else a promise kept, else
/// no explanation.
pub fn notice_fact(
    promises: &[NaiveDate],
    completed_on: Option<NaiveDate>,
    on: NaiveDate,
) -> NoticeFact {
    if let Some(p) = promises
        .iter()
        .copied()
        .filter(|p| *p < on && missed(*p, completed_on))
        .max()
    {
        return NoticeFact::PromiseMissed(p);
    }
    if let Some(p) = promises.iter().copied().filter(|p| *p >= on).min() {
        return NoticeFact::PromiseAhead(p);
    }
    match promises.iter().copied().max() {
        Some(p) => NoticeFact::PromiseKept(p),
        None => NoticeFact::NoExplanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::d;

    fn crit(date: &str, id: i64) -> Answered {
        Answered {
            date: d(date),
            by: Answer::Criticism(id),
        }
    }

    fn waiver(date: &str, id: i64) -> Answered {
        Answered {
            date: d(date),
            by: Answer::Waiver(id),
        }
    }

    #[test]
    fn r5_6_a_promise_not_kept_is_unanswered_until_answered_after_it() {
        let p = [d("2026-11-10")];
        assert_eq!(unanswered_promise(&p, None, &[]), Some(d("2026-11-10")));
        // Kept: done on the promised day.
        assert_eq!(unanswered_promise(&p, Some(d("2026-11-10")), &[]), None);
        // A late completion does not erase the miss.
        assert_eq!(
            unanswered_promise(&p, Some(d("2026-11-11")), &[]),
            Some(d("2026-11-10"))
        );
        // A criticism dated on or before the promise does not answer it; one after it does.
        assert_eq!(
            unanswered_promise(&p, None, &[crit("2026-11-10", 1)]),
            Some(d("2026-11-10"))
        );
        assert_eq!(unanswered_promise(&p, None, &[crit("2026-11-11", 1)]), None);
        assert_eq!(
            unanswered_promise(&p, None, &[waiver("2026-11-12", 1)]),
            None
        );
    }

    #[test]
    fn r5_6_second_promise_does_not_erase_missed_one() {
        let p = [d("2026-11-10"), d("2026-12-10")];
        assert_eq!(unanswered_promise(&p, None, &[]), Some(d("2026-11-10")));
        assert_eq!(
            standing(&p, None, &[], d("2026-11-25")),
            Standing::Due(d("2026-11-10"))
        );
        // Criticised for the first: the second is what is left, and it is still ahead.
        let answers = [crit("2026-11-20", 7)];
        assert_eq!(
            unanswered_promise(&p, None, &answers),
            Some(d("2026-12-10"))
        );
        assert_eq!(
            standing(&p, None, &answers, d("2026-11-25")),
            Standing::Answered(crit("2026-11-20", 7))
        );
        // After a criticism, the new promise missed again makes the task due again.
        assert_eq!(
            standing(&p, None, &answers, d("2026-12-11")),
            Standing::Due(d("2026-12-10"))
        );
    }

    #[test]
    fn r5_6_standing_says_why_a_task_is_not_due() {
        assert_eq!(
            standing(&[], None, &[], d("2026-11-25")),
            Standing::NoPromise
        );
        let p = [d("2026-11-30")];
        assert_eq!(
            standing(&p, None, &[], d("2026-11-25")),
            Standing::PromiseAhead(d("2026-11-30"))
        );
        assert_eq!(
            standing(&p, None, &[], d("2026-11-30")),
            Standing::PromiseAhead(d("2026-11-30")),
            "the promised day itself is not missed yet"
        );
        assert_eq!(
            standing(&p, Some(d("2026-11-28")), &[], d("2026-12-05")),
            Standing::Kept
        );
        assert_eq!(
            standing(&p, Some(d("2026-12-02")), &[], d("2026-12-05")),
            Standing::Due(d("2026-11-30")),
            "done late: the miss stands"
        );
        let w = [waiver("2026-12-01", 3)];
        assert_eq!(
            standing(&p, None, &w, d("2026-12-05")),
            Standing::Answered(waiver("2026-12-01", 3))
        );
    }

    #[test]
    fn r5_6_a_notice_states_only_what_happened() {
        let p = [d("2026-11-10"), d("2026-12-10")];
        assert_eq!(
            notice_fact(&p, None, d("2026-11-20")),
            NoticeFact::PromiseMissed(d("2026-11-10"))
        );
        assert_eq!(
            notice_fact(&[d("2026-12-10")], None, d("2026-11-20")),
            NoticeFact::PromiseAhead(d("2026-12-10"))
        );
        assert_eq!(
            notice_fact(&[], None, d("2026-11-20")),
            NoticeFact::NoExplanation
        );
        // A promise kept is no missed promise.
        assert_eq!(
            notice_fact(&[d("2026-11-10")], Some(d("2026-11-09")), d("2026-11-20")),
            NoticeFact::PromiseKept(d("2026-11-10"))
        );
    }
}
