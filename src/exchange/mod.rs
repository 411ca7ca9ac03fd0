//! The ledger exchange format: what `duban export ledger` writes and `duban import ledger` reads
//! back, defined once for both so they cannot drift apart.
//!
//! - The **ledger** (台账) is one table a person reads, prints and edits in Excel or WPS: the columns
//!   of [`Col::PRINTED`] (the screen's ledger, each date a date and each count a number), then the
//!   columns an import needs to rebuild the same tasks ([`Col::DATA`]: the meeting's id and
//!   minutes' issue date, the leader's title, the lead unit's kind, the completion note).
//! - A **.csv** ledger adds the tasks' records in four columns ([`Col::RECORDS`]): every progress
//!   report, written explanation, criticism and waiver (不予通报批评), one per line of the cell
//!   ([`lines`]).
//! - An **.xlsx** ledger keeps its first sheet printable and puts every record in a sheet of its
//!   own ([`Sheet`]: units, leaders, meetings with their minutes, attendance and feedback, progress
//!   reports, explanations, criticisms, waivers, referrals), keyed by the ledger's ids. A new kind of record
//!   is one more [`Sheet`] with its columns.
//!
//! Ids in a file are keys within the file: an import gives its records new ids.

pub mod lines;

use crate::i18n::{Lang, Xch};

/// A column of the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Id,
    Light,
    Left,
    Task,
    Lead,
    Co,
    MeetingDate,
    Topics,
    Leader,
    LimitKind,
    Due,
    State,
    Promised,
    Completed,
    MeetingId,
    Issued,
    LeaderTitle,
    LeadKind,
    Note,
    Progress,
    Explanations,
    Criticisms,
    Waivers,
}

impl Col {
    /// The columns a reader sees and prints (the print area of the .xlsx).
    pub const PRINTED: [Col; 14] = [
        Col::Id,
        Col::Light,
        Col::Left,
        Col::Task,
        Col::Lead,
        Col::Co,
        Col::MeetingDate,
        Col::Topics,
        Col::Leader,
        Col::LimitKind,
        Col::Due,
        Col::State,
        Col::Promised,
        Col::Completed,
    ];

    /// The columns after them that an import needs to rebuild the same tasks.
    pub const DATA: [Col; 5] = [
        Col::MeetingId,
        Col::Issued,
        Col::LeaderTitle,
        Col::LeadKind,
        Col::Note,
    ];

    /// The tasks' records, one per line of the cell (.csv only; the .xlsx has sheets for them).
    pub const RECORDS: [Col; 4] = [
        Col::Progress,
        Col::Explanations,
        Col::Criticisms,
        Col::Waivers,
    ];

    /// The columns of a ledger sheet of a workbook.
    pub fn xlsx() -> Vec<Col> {
        Self::PRINTED.iter().chain(&Self::DATA).copied().collect()
    }

    /// The columns of a .csv ledger.
    pub fn csv() -> Vec<Col> {
        Self::PRINTED
            .iter()
            .chain(&Self::DATA)
            .chain(&Self::RECORDS)
            .copied()
            .collect()
    }

    /// The header's word.
    pub fn word(self) -> Xch {
        match self {
            Col::Id => Xch::Id,
            Col::Light => Xch::Light,
            Col::Left => Xch::Left,
            Col::Task => Xch::Task,
            Col::Lead => Xch::Lead,
            Col::Co => Xch::Co,
            Col::MeetingDate => Xch::MeetingDate,
            Col::Topics => Xch::Topics,
            Col::Leader => Xch::Leader,
            Col::LimitKind => Xch::LimitKind,
            Col::Due => Xch::Due,
            Col::State => Xch::State,
            Col::Promised => Xch::Promised,
            Col::Completed => Xch::Completed,
            Col::MeetingId => Xch::MeetingId,
            Col::Issued => Xch::Issued,
            Col::LeaderTitle => Xch::LeaderTitle,
            Col::LeadKind => Xch::LeadKind,
            Col::Note => Xch::Note,
            Col::Progress => Xch::Progress,
            Col::Explanations => Xch::Explanations,
            Col::Criticisms => Xch::Criticisms,
            Col::Waivers => Xch::Waivers,
        }
    }

    /// The header in `lang`.
    pub fn header(self, lang: Lang) -> &'static str {
        lang.xch(self.word())
    }
}

/// A sheet of a full workbook after the ledger: one kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sheet {
    Units,
    Leaders,
    Meetings,
    Minutes,
    Attendance,
    Feedback,
    Progress,
    Explanations,
    Criticisms,
    Waivers,
    Referrals,
}

impl Sheet {
    /// In the workbook's order.
    pub const ALL: [Sheet; 11] = [
        Sheet::Meetings,
        Sheet::Minutes,
        Sheet::Attendance,
        Sheet::Feedback,
        Sheet::Progress,
        Sheet::Explanations,
        Sheet::Criticisms,
        Sheet::Waivers,
        Sheet::Referrals,
        Sheet::Units,
        Sheet::Leaders,
    ];

    fn word(self) -> Xch {
        match self {
            Sheet::Units => Xch::SheetUnits,
            Sheet::Leaders => Xch::SheetLeaders,
            Sheet::Meetings => Xch::SheetMeetings,
            Sheet::Minutes => Xch::SheetMinutes,
            Sheet::Attendance => Xch::SheetAttendance,
            Sheet::Feedback => Xch::SheetFeedback,
            Sheet::Progress => Xch::SheetProgress,
            Sheet::Explanations => Xch::SheetExplanations,
            Sheet::Criticisms => Xch::SheetCriticisms,
            Sheet::Waivers => Xch::SheetWaivers,
            Sheet::Referrals => Xch::SheetReferrals,
        }
    }

    /// The sheet's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.xch(self.word())
    }

    /// The sheet named `name` in either language.
    pub fn named(name: &str) -> Option<Sheet> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.name(Lang::Zh) == name || s.name(Lang::En).eq_ignore_ascii_case(name))
    }

    /// The columns, those that identify a row first (an import requires them).
    pub fn columns(self) -> &'static [Xch] {
        use Xch::*;
        match self {
            Sheet::Units => &[Unit, Kind, MainLeader, Contact, Aliases, Inactive],
            Sheet::Leaders => &[Name, Title, Liaison, Inactive],
            Sheet::Meetings => &[
                MeetingId,
                MeetingDate,
                Topics,
                Number,
                Time,
                Place,
                Chair,
                Liaison,
                PlanApprovedBy,
                PlanApprovedOn,
                NoticeDate,
                Emergency,
                ProcedureUnknown,
            ],
            Sheet::Minutes => &[
                MeetingId,
                Drafter,
                Phone,
                Fax,
                Email,
                Reviewer,
                ReviewedOn,
                FeedbackSentOn,
                SignedBy,
                SignedOn,
                IssuedOn,
                Copied,
                ArchivedSignIn,
                ArchivedRecord,
                ArchivedFeedback,
            ],
            Sheet::Attendance => &[MeetingId, Unit, Attendee, Role, Confirmed, Outcome],
            Sheet::Feedback => &[
                MeetingId, Unit, ReceivedOn, Opinion, Signer, SignerPost, Sealed,
            ],
            Sheet::Progress => &[Id, ReportedOn, Content, Task],
            Sheet::Explanations => &[Id, SubmittedOn, Promised, Content, Task],
            Sheet::Criticisms => &[Unit, Date, DocNo, Reason, Tasks],
            Sheet::Waivers => &[Id, Date, WaiverReason, Task],
            Sheet::Referrals => &[
                Unit,
                ProposedOn,
                ProposalReason,
                ApprovedOn,
                Approval,
                ReferredOn,
                Decision,
                ConcludedOn,
                ReferralOutcome,
                NotReferredOn,
                NotReferredReason,
            ],
        }
    }

    /// How many of [`Sheet::columns`] a row must have for the sheet to be read.
    pub fn required(self) -> usize {
        match self {
            Sheet::Units | Sheet::Attendance | Sheet::Feedback | Sheet::Referrals => 2,
            Sheet::Leaders => 2,
            Sheet::Meetings => 3,
            Sheet::Minutes => 1,
            Sheet::Progress | Sheet::Criticisms | Sheet::Waivers => 3,
            Sheet::Explanations => 3,
        }
    }
}

/// 是 / yes / true / 1 / ✓ read as yes; anything else (blank, 否, no) as no.
pub fn is_yes(s: &str) -> bool {
    let s = s.trim();
    [
        Lang::Zh.xch(Xch::Yes),
        Lang::En.xch(Xch::Yes),
        "true",
        "1",
        "✓",
        "√",
        "y",
    ]
    .iter()
    .any(|y| s.eq_ignore_ascii_case(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_found_by_their_name_in_either_language() {
        for s in Sheet::ALL {
            assert_eq!(Sheet::named(s.name(Lang::Zh)), Some(s));
            assert_eq!(Sheet::named(s.name(Lang::En)), Some(s));
            assert!(s.required() <= s.columns().len());
        }
        assert_eq!(Sheet::named("督办事项台账"), None);
    }

    #[test]
    fn the_csv_has_every_column_and_the_xlsx_all_but_the_records() {
        assert_eq!(Col::csv().len(), 23);
        assert_eq!(Col::xlsx().len(), 19);
        assert!(Col::RECORDS.iter().all(|c| !Col::xlsx().contains(c)));
        assert!(is_yes("是") && is_yes("Yes") && !is_yes("否") && !is_yes(""));
    }
}
