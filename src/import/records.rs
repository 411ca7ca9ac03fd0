//! Reading the record sheets of a full ledger workbook (`crate::exchange::Sheet`): units,
//! leaders, meetings with their minutes, attendance and feedback, progress reports,
//! explanations, criticisms, waivers and referrals. Each sheet's columns are found by name in either
//! language under its title rows; every bad cell, a text past its limit or a date out of order
//! (`super::rules`) is a problem of its sheet's row. The records of a task are checked with its
//! dates where they are put together (`super::assemble`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use super::table::{Row, Table, each_row};
use super::{Problem, RowError, Sheet, cells, rules};
use crate::domain::{Attendance, AttendanceOutcome, Feedback, Minutes, Referral};
use crate::exchange::Sheet as SheetKind;
use crate::i18n::{Lang, Xch};
use crate::store::{
    PlannedExplanation, PlannedLeader, PlannedMeeting, PlannedReferral, PlannedUnit,
};

/// A criticism as its sheet gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCriticism {
    pub unit: String,
    pub date: NaiveDate,
    pub doc_no: Option<String>,
    pub reason: Option<String>,
    /// The ledger's ids of the tasks it cites.
    pub tasks: Vec<i64>,
}

/// The records of a workbook's sheets, each with its row number; `None` for a sheet the file
/// does not have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Records {
    pub units: Option<Vec<(usize, PlannedUnit)>>,
    pub leaders: Option<Vec<(usize, PlannedLeader)>>,
    /// By the meeting's id in the file, with its minutes, attendance and feedback.
    pub meetings: Option<Vec<(usize, i64, PlannedMeeting)>>,
    /// (row, the task's id in the file, reported on, text).
    pub progress: Option<Vec<(usize, i64, NaiveDate, String)>>,
    pub explanations: Option<Vec<(usize, i64, PlannedExplanation)>>,
    pub criticisms: Option<Vec<(usize, SheetCriticism)>>,
    /// (row, the task's id in the file, date, reason).
    pub waivers: Option<Vec<(usize, i64, NaiveDate, String)>>,
    pub referrals: Option<Vec<(usize, PlannedReferral)>>,
}

/// An attendance outcome by its code or its name in either language.
fn outcome(s: &str) -> Option<AttendanceOutcome> {
    AttendanceOutcome::ALL.into_iter().find(|o| {
        s == o.code()
            || s == Lang::Zh.attendance(*o)
            || s.eq_ignore_ascii_case(Lang::En.attendance(*o))
    })
}

fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

/// Reads the record sheets of a workbook; the problems of their rows are returned apart.
pub fn check_records(sheets: &[(SheetKind, Sheet)], today: NaiveDate) -> (Records, Vec<RowError>) {
    let mut errors = Vec::new();
    let mut out = Records::default();
    let table = |k: SheetKind| {
        sheets
            .iter()
            .find(|(s, _)| *s == k)
            .and_then(|(_, sheet)| Table::of(k, sheet))
    };
    use Xch::*;
    if let Some(t) = table(SheetKind::Units) {
        out.units = Some(each_row(&t, today, &mut errors, |r| {
            let u = PlannedUnit {
                name: r.required(Unit),
                kind: r
                    .parsed(Kind, cells::kind)
                    .unwrap_or(crate::domain::UnitKind::Other),
                main_leader: r.text(MainLeader),
                contact: r.text(Contact),
                active: !r.flag(Inactive),
                // A workbook without the column (an older duban's) gives the defaults.
                aliases: r.has(Aliases).then(|| cells::list(r.raw(Aliases))),
            };
            for a in u.aliases.iter().flatten() {
                r.problems.extend(rules::alias(a));
            }
            r.problems.extend(rules::unit(
                &u.name,
                u.main_leader.as_deref(),
                u.contact.as_deref(),
            ));
            u
        }));
    }
    if let Some(t) = table(SheetKind::Leaders) {
        out.leaders = Some(each_row(&t, today, &mut errors, |r| {
            let l = PlannedLeader {
                name: r.required(Name),
                title: r
                    .parsed(Title, cells::title)
                    .unwrap_or(crate::domain::LeaderTitle::DeputyHead),
                liaison: r.text(Liaison),
                active: !r.flag(Inactive),
            };
            r.problems
                .extend(rules::leader(&l.name, l.liaison.as_deref()));
            l
        }));
    }
    if let Some(t) = table(SheetKind::Meetings) {
        let mut meetings = each_row(&t, today, &mut errors, |r| {
            let key = r.id(MeetingId);
            let topics = cells::topics(r.raw(Topics));
            if topics.is_empty() {
                r.problems.push(Problem::EmptyCell(Topics));
            }
            let meeting = PlannedMeeting {
                date: r.required_date(MeetingDate),
                topics,
                number: r.text(Number),
                time: r.parsed(Time, time),
                place: r.text(Place),
                chair: r.text(Chair),
                liaison: r.text(Liaison),
                plan_approved_by: r.text(PlanApprovedBy),
                plan_approved_on: r.date(PlanApprovedOn),
                notice_date: r.date(NoticeDate),
                emergency: r.flag(Emergency),
                procedure_unknown: r.flag(ProcedureUnknown),
                ..PlannedMeeting::default()
            };
            r.problems.extend(rules::meeting(&meeting));
            (key, meeting)
        });
        let index: HashMap<i64, usize> = meetings
            .iter()
            .enumerate()
            .map(|(i, (_, (k, _)))| (*k, i))
            .collect();
        let mut attach =
            |kind: SheetKind,
             errors: &mut Vec<RowError>,
             read: &mut dyn FnMut(&mut Row<'_>) -> Option<Attached>| {
                let Some(t) = table(kind) else { return };
                for (n, (key, attached)) in
                    each_row(&t, today, errors, |r| (r.id(MeetingId), read(r)))
                {
                    let Some(&i) = index.get(&key) else {
                        errors.push(RowError {
                            row: n,
                            problem: Problem::UnknownMeeting(key),
                            sheet: Some(kind),
                        });
                        continue;
                    };
                    let m = &mut meetings[i].1.1;
                    // Its dates with the meeting's (and the feedback form's), its texts' limits.
                    let sent = m.minutes.as_ref().and_then(|x| x.feedback_sent_on);
                    let problems = match &attached {
                        Some(Attached::Minutes(x)) => rules::minutes(m.date, x),
                        Some(Attached::Attendance(u, a)) => rules::attendance(m.date, u, a, today),
                        Some(Attached::Feedback(u, f)) => rules::feedback(sent, u, f),
                        None => Vec::new(),
                    };
                    if !problems.is_empty() {
                        errors.extend(problems.into_iter().map(|problem| RowError {
                            row: n,
                            problem,
                            sheet: Some(kind),
                        }));
                        continue;
                    }
                    match attached {
                        Some(Attached::Minutes(x)) => m.minutes = Some(*x),
                        Some(Attached::Attendance(u, a)) => m.attendance.push((u, a)),
                        Some(Attached::Feedback(u, f)) => m.feedback.push((u, f)),
                        None => {}
                    }
                }
            };
        attach(SheetKind::Minutes, &mut errors, &mut |r| {
            Some(Attached::Minutes(Box::new(Minutes {
                drafter: r.text(Drafter),
                drafter_phone: r.text(Phone),
                drafter_fax: r.text(Fax),
                drafter_email: r.text(Email),
                reviewer: r.text(Reviewer),
                reviewed_on: r.date(ReviewedOn),
                feedback_sent_on: r.date(FeedbackSentOn),
                signed_by: r.text(SignedBy),
                signed_on: r.date(SignedOn),
                issued_on: r.date(IssuedOn),
                copied_to_supervision: r.flag(Copied),
                archived_sign_in: r.flag(ArchivedSignIn),
                archived_record: r.flag(ArchivedRecord),
                archived_feedback: r.flag(ArchivedFeedback),
                version: 1,
                ..Minutes::default()
            })))
        });
        attach(SheetKind::Attendance, &mut errors, &mut |r| {
            let unit = r.required(Unit);
            Some(Attached::Attendance(
                unit,
                Attendance {
                    meeting_id: 0,
                    unit_id: 0,
                    attendee: r.text(Attendee),
                    role: r.text(Role),
                    confirmed: r.flag(Confirmed),
                    outcome: r.parsed(Outcome, outcome),
                    version: 1,
                },
            ))
        });
        attach(SheetKind::Feedback, &mut errors, &mut |r| {
            let unit = r.required(Unit);
            Some(Attached::Feedback(
                unit,
                Feedback {
                    received_on: r.date(ReceivedOn),
                    opinion: r.lines(Opinion),
                    signer: r.text(Signer),
                    signer_post: r.text(SignerPost),
                    sealed: r.flag(Sealed),
                    version: 1,
                    ..Feedback::default()
                },
            ))
        });
        out.meetings = Some(
            meetings
                .into_iter()
                .map(|(n, (key, m))| (n, key, m))
                .collect(),
        );
    }
    if let Some(t) = table(SheetKind::Progress) {
        out.progress = Some(
            each_row(&t, today, &mut errors, |r| {
                let key = r.id(Id);
                let date = r.required_date(ReportedOn);
                let text = r.lines(Content).unwrap_or_default();
                if text.is_empty() {
                    r.problems.push(Problem::EmptyCell(Content));
                }
                (key, date, text)
            })
            .into_iter()
            .map(|(n, (k, d, t))| (n, k, d, t))
            .collect(),
        );
    }
    if let Some(t) = table(SheetKind::Explanations) {
        out.explanations = Some(
            each_row(&t, today, &mut errors, |r| {
                let key = r.id(Id);
                let submitted = r.required_date(SubmittedOn);
                let promised = r.required_date(Promised);
                // Its dates are checked with its task's (`super::assemble`).
                let e = PlannedExplanation {
                    submitted_on: Some(submitted),
                    promised_on: promised,
                    text: r.lines(Content),
                };
                (key, e)
            })
            .into_iter()
            .map(|(n, (k, e))| (n, k, e))
            .collect(),
        );
    }
    if let Some(t) = table(SheetKind::Criticisms) {
        out.criticisms = Some(each_row(&t, today, &mut errors, |r| {
            let tasks = cells::list(r.raw(Tasks))
                .iter()
                .filter_map(|k| {
                    let n = k.parse::<i64>().ok();
                    if n.is_none() {
                        r.problems.push(Problem::BadCell {
                            column: Tasks,
                            value: k.clone(),
                        });
                    }
                    n
                })
                .collect();
            let c = SheetCriticism {
                unit: r.required(Unit),
                date: r.required_date(Date),
                doc_no: r.text(DocNo),
                reason: r.lines(Reason),
                tasks,
            };
            r.problems
                .extend(rules::criticism(c.doc_no.as_deref(), c.reason.as_deref()));
            c
        }));
    }
    if let Some(t) = table(SheetKind::Waivers) {
        out.waivers = Some(
            each_row(&t, today, &mut errors, |r| {
                let key = r.id(Id);
                let date = r.required_date(Date);
                let reason = r.lines(WaiverReason).unwrap_or_default();
                if reason.is_empty() {
                    r.problems.push(Problem::EmptyCell(WaiverReason));
                }
                (key, date, reason)
            })
            .into_iter()
            .map(|(n, (k, d, t))| (n, k, d, t))
            .collect(),
        );
    }
    if let Some(t) = table(SheetKind::Referrals) {
        out.referrals = Some(each_row(&t, today, &mut errors, |r| {
            let planned = PlannedReferral {
                unit: r.required(Unit),
                referral: Referral {
                    id: 0,
                    unit_id: 0,
                    proposed_on: r.required_date(ProposedOn),
                    proposal_reason: r.lines(ProposalReason),
                    approval: r.lines(Approval),
                    decision: r.lines(Decision),
                    approved_on: r.date(ApprovedOn),
                    referred_on: r.date(ReferredOn),
                    concluded_on: r.date(ConcludedOn),
                    outcome: r.lines(ReferralOutcome),
                    not_referred_on: r.date(NotReferredOn),
                    reason: r.lines(NotReferredReason),
                    version: 1,
                },
            };
            r.problems
                .extend(rules::referral(&planned.unit, &planned.referral));
            planned
        }));
    }
    (out, errors)
}

/// What a row of the minutes, attendance or feedback sheet adds to its meeting.
enum Attached {
    Minutes(Box<Minutes>),
    Attendance(String, Attendance),
    Feedback(String, Feedback),
}
