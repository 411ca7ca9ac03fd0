//! The names of the dates and texts a record holds, as errors and forms name them: never the
//! store's column names.

use super::{Lang, Msg};
use crate::domain::minutes::IssueOpen;
use crate::domain::{Deadline, OutOfOrder, TextField, TooLong, When};

impl Lang {
    /// A date a record carries (会议日期, 进展报告日期 …).
    pub fn when(self, w: When) -> &'static str {
        self.t(match w {
            When::Meeting => Msg::WhenMeeting,
            When::Limit => Msg::WhenLimit,
            When::Progress => Msg::WhenProgress,
            When::Completion => Msg::WhenCompletion,
            When::Explanation => Msg::WhenExplanation,
            When::Promise => Msg::WhenPromise,
            When::Attendance => Msg::WhenAttendance,
            When::Review => Msg::WhenReview,
            When::FeedbackSent => Msg::WhenFeedbackSent,
            When::Feedback => Msg::WhenFeedback,
            When::SignOff => Msg::WhenSignOff,
            When::Issue => Msg::WhenIssue,
            When::Criticism => Msg::WhenCriticism,
            When::Waiver => Msg::WhenWaiver,
            When::ReferralProposed => Msg::WhenReferralProposed,
            When::ReferralStep => Msg::WhenReferralStep,
            When::Notice => Msg::WhenNotice,
            When::PlanApproved => Msg::WhenPlanApproved,
        })
    }

    /// A text a record holds (督办事项内容, 单位名称 …).
    pub fn text_field(self, f: TextField) -> &'static str {
        self.t(match f {
            TextField::TaskText => Msg::FieldTaskText,
            TextField::Topic => Msg::FieldTopic,
            TextField::UnitName => Msg::FieldUnitName,
            TextField::LeaderName => Msg::FieldLeaderName,
            TextField::Person => Msg::FieldPerson,
            TextField::Post => Msg::FieldPost,
            TextField::Contact => Msg::FieldContact,
            TextField::Place => Msg::FieldPlace,
            TextField::Number => Msg::FieldNumber,
            TextField::Progress => Msg::FieldProgress,
            TextField::Note => Msg::FieldNote,
        })
    }

    /// "进展报告日期 2026-03-01 早于会议日期 2026-03-05": the record, its date and the date it
    /// may not precede (or follow).
    pub fn out_of_order(self, o: &OutOfOrder) -> String {
        if o.what == When::Attendance && o.other == When::Meeting {
            return self.fill(Msg::ErrNotHeldYet, &[&o.date, &o.other_date]);
        }
        let m = if o.after {
            Msg::ErrOutOfOrderAfter
        } else {
            Msg::ErrOutOfOrderBefore
        };
        self.fill(
            m,
            &[
                &self.when(o.what),
                &o.date,
                &self.when(o.other),
                &o.other_date,
            ],
        )
    }

    /// R4.4: what is open on issuing the minutes, in one clause: "3 个单位尚未反馈，征求意见期至
    /// 2026-12-08；纪要尚未签发".
    pub fn issue_open(self, open: &IssueOpen) -> String {
        let mut parts = Vec::new();
        if let (n @ 1.., Some(until)) = (open.waiting, open.round_until) {
            parts.push(self.fill(Msg::OpenWaiting, &[&n, &self.deadline(until)]));
        }
        if open.unsigned {
            parts.push(self.t(Msg::OpenUnsigned).to_string());
        }
        parts.join(match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
    }

    /// A computed deadline as shown everywhere: its date, and `*` when it rests on a year
    /// without a holiday notice (provisional, counted Monday–Friday).
    pub fn deadline(self, d: Deadline) -> String {
        provisional_date(d.date, d.provisional)
    }

    /// "督办事项内容过长：最多 1000 字，现为 1200 字".
    pub fn too_long(self, t: &TooLong) -> String {
        self.fill(
            Msg::ErrTooLong,
            &[&self.text_field(t.field), &t.max, &t.len],
        )
    }

    /// "督办事项内容不能为空".
    pub fn empty(self, f: TextField) -> String {
        self.fill(Msg::ErrEmpty, &[&self.text_field(f)])
    }
}

/// A date with the provisional mark (`*`) when it rests on a year without a holiday notice.
pub fn provisional_date(date: chrono::NaiveDate, provisional: bool) -> String {
    if provisional {
        format!("{date}*")
    } else {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::order::not_before;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn out_of_order_names_the_record_and_the_date_it_may_not_precede() {
        let e = not_before(
            When::Progress,
            d("2026-03-01"),
            When::Meeting,
            d("2026-03-05"),
        )
        .unwrap_err();
        assert_eq!(
            Lang::Zh.out_of_order(&e),
            "进展报告日期 2026-03-01 早于会议日期 2026-03-05"
        );
        assert_eq!(
            Lang::En.out_of_order(&e),
            "the progress report date 2026-03-01 is before the meeting date 2026-03-05"
        );
    }
}
