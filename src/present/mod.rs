//! Presentation shared by the two interfaces (`crate::cli` and `crate::tui`): the store's errors
//! as one-line messages in the user's language, the names of the store's records and of roles, and
//! how a typed name is quoted back. It sits above the store and `crate::i18n` and below both
//! interfaces, so neither interface borrows these from the other.

mod dbfile;

use crate::domain::ReferralStatus;
use crate::domain::Role;
use crate::domain::promise::{Answer, Standing};
use crate::i18n::{Chn, Lang, Mk, Msg};
use crate::store::{Entity, Invalid, StoreError};

/// A name the user typed, as a message quotes it: whole up to 20 characters, else its first 20
/// and `…` (a pasted paragraph is not echoed back whole).
pub fn short(name: &str) -> String {
    const MAX: usize = 20;
    let name = name.trim();
    if name.chars().nth(MAX).is_none() {
        return name.to_string();
    }
    let mut s: String = name.chars().take(MAX).collect();
    s.push('…');
    s
}

pub fn entity_name(lang: Lang, e: Entity) -> &'static str {
    if e == Entity::Waiver {
        return lang.chn(Chn::EntWaiver);
    }
    lang.t(match e {
        Entity::Unit => Msg::EntUnit,
        Entity::Leader => Msg::EntLeader,
        Entity::Meeting => Msg::EntMeeting,
        Entity::Attendance => Msg::EntAttendance,
        Entity::Minutes => Msg::EntMinutes,
        Entity::Feedback => Msg::EntFeedback,
        Entity::Task => Msg::EntTask,
        Entity::Progress => Msg::EntProgress,
        Entity::Explanation => Msg::EntExplanation,
        Entity::Criticism => Msg::EntCriticism,
        Entity::Referral => Msg::EntReferral,
        Entity::Calendar => Msg::EntCalendar,
        Entity::Database => Msg::EntDatabase,
        Entity::Account => Msg::EntAccount,
        Entity::Waiver => Msg::EntCriticism,
    })
}

/// A role's name in `lang`; `None` is an account the database does not list.
pub fn role_name(lang: Lang, role: Option<Role>) -> &'static str {
    lang.t(match role {
        Some(Role::Admin) => Msg::RoleAdmin,
        Some(Role::Editor) => Msg::RoleEditor,
        Some(Role::Viewer) => Msg::RoleViewer,
        None => Msg::RoleNone,
    })
}

/// The store's error as a one-line message in `lang`.
pub fn store_message(lang: Lang, e: StoreError) -> String {
    match e {
        StoreError::NotFound { entity, key } => lang.fill(
            Msg::ErrNotFound,
            &[&entity_name(lang, entity), &short(&key)],
        ),
        StoreError::Duplicate { entity, key } => lang.fill(
            Msg::ErrDuplicate,
            &[&entity_name(lang, entity), &short(&key)],
        ),
        StoreError::Conflict { entity, id, by, at } => lang.fill(
            Msg::ErrConflict,
            &[&entity_name(lang, entity), &id, &by, &at],
        ),
        StoreError::Invalid(i) => invalid_message(lang, i),
        StoreError::NewerSchema { found, known } => {
            lang.fill(Msg::ErrNewerSchema, &[&found, &known])
        }
        StoreError::Forbidden {
            read_only: true, ..
        } => lang.t(Msg::ErrReadOnlySession).to_string(),
        StoreError::Forbidden {
            account,
            role,
            need,
            ..
        } => lang.fill(
            Msg::ErrForbidden,
            &[
                &account,
                &role_name(lang, role),
                &role_name(lang, Some(need)),
            ],
        ),
        StoreError::UnknownAccount { account, admins } => lang.fill(
            Msg::ErrUnknownAccount,
            &[&account, &crate::i18n::join(lang, &admins)],
        ),
        StoreError::NoAccounts { owner, .. } => lang.fill(Msg::ErrNoAccounts, &[&owner]),
        e @ (StoreError::DiskFull
        | StoreError::ReadOnly
        | StoreError::CannotOpen
        | StoreError::NotADatabase
        | StoreError::Corrupt
        | StoreError::BadBackup(_)) => dbfile::message(lang, e),
        StoreError::Sqlite(e) => lang.fill(Msg::ErrDatabase, &[&e]),
        StoreError::Migration(e) => lang.fill(Msg::ErrDatabase, &[&e]),
    }
}

fn invalid_message(lang: Lang, i: Invalid) -> String {
    match i {
        Invalid::Empty(field) => lang.empty(field),
        Invalid::MissingDate(w) => lang.fill(Msg::ErrMissingDate, &[&lang.when(w)]),
        Invalid::TooLong(t) => lang.too_long(&t),
        Invalid::OutOfOrder(o) => lang.out_of_order(&o),
        Invalid::InactiveUnit(u) => lang.fill(Msg::ErrInactive, &[&short(&u)]),
        Invalid::LeadIsCoUnit(u) => lang.fill(Msg::ErrLeadIsCo, &[&short(&u)]),
        Invalid::TaskNotOfUnit { task, unit } => {
            lang.fill(Msg::ErrTaskNotOfUnit, &[&task, &short(&unit)])
        }
        Invalid::NotOverdue { task, on } => lang.fill(Msg::ErrNotOverdue, &[&task, &on]),
        Invalid::AlreadyDone(t) => lang.fill(Msg::ErrAlreadyDone, &[&t]),
        Invalid::IssueOpen { meeting, open } => {
            lang.fill(Msg::ErrIssueOpen, &[&meeting, &lang.issue_open(&open)])
        }
        Invalid::FeedbackPending {
            meeting,
            waiting,
            until,
        } => {
            let what = lang.fill(Msg::OpenWaiting, &[&waiting, &lang.deadline(until)]);
            lang.fill(Msg::ErrFeedbackPending, &[&meeting, &what])
        }
        Invalid::NoFeedbackRound(m) => lang.fill(Msg::ErrNoFeedbackRound, &[&m]),
        Invalid::NotParticipant { unit, meeting } => {
            lang.fill(Msg::ErrNotParticipant, &[&short(&unit), &meeting])
        }
        Invalid::NotEmpty => lang.t(Msg::ErrNotEmpty).to_string(),
        Invalid::ReferralStep { id, status } => {
            lang.fill(Msg::ErrReferralStep, &[&id, &lang.referral(status)])
        }
        Invalid::CalendarLine { line, text } => {
            lang.fill(Msg::ErrCalendarLine, &[&line, &short(&text)])
        }
        Invalid::CalendarTwice { date, first, again } => {
            lang.fill(Msg::ErrCalendarTwice, &[&date, &first, &again])
        }
        Invalid::CalendarEmpty => lang.t(Msg::ErrCalendarEmpty).to_string(),
        Invalid::ParticipantInUse { unit, meeting } => {
            lang.fill(Msg::ErrParticipantInUse, &[&short(&unit), &meeting])
        }
        Invalid::TaskMeetingFixed { task, meeting } => {
            lang.fill(Msg::ErrTaskMeetingFixed, &[&task, &meeting])
        }
        Invalid::OwnLiaison(name) => lang.fill(Msg::ErrOwnLiaison, &[&short(&name)]),
        Invalid::Row { unit, error } => {
            // The row's unit, unless the reason names it already.
            let reason = store_message(lang, *error);
            let unit = short(&unit);
            if reason.contains(&unit) {
                reason
            } else {
                lang.fill(Msg::ErrRow, &[&unit, &reason])
            }
        }
        Invalid::AliasTaken { alias, unit } => {
            lang.fill(Msg::ErrAliasTaken, &[&short(&alias), &short(&unit)])
        }
        Invalid::Line { line, error } => {
            lang.fill(Msg::ErrLine, &[&line, &store_message(lang, *error)])
        }
        Invalid::AccountName(n) => lang.fill(Msg::ErrAccountName, &[&short(&n)]),
        Invalid::LastAdmin(n) => lang.fill(Msg::ErrLastAdmin, &[&n]),
        Invalid::CriticismNeedsDocNo => lang.chn(Chn::ErrCriticismNeedsDocNo).to_string(),
        Invalid::CriticismNeedsTask => lang.chn(Chn::ErrCriticismNeedsTask).to_string(),
        Invalid::NotCriticismDue { task, on, standing } => {
            not_due_message(lang, task, on, standing)
        }
        Invalid::InsistNeedsReason => lang.chn(Chn::ErrInsistNeedsReason).to_string(),
        Invalid::WaiverNeedsReason => lang.chn(Chn::ErrWaiverNeedsReason).to_string(),
        Invalid::NotReferralDue {
            unit,
            on,
            rolling_year,
            calendar_year,
            settled,
        } => lang.not_referral_due(&short(&unit), on, rolling_year, calendar_year, settled),
        Invalid::ReferralOpen { unit, id, status } => lang.chn_fill(
            Chn::ErrReferralOpen,
            &[&short(&unit), &id, &lang.referral(status)],
        ),
        Invalid::ReferralNeedsText(to) => lang
            .chn(match to {
                ReferralStatus::Approved => Chn::ErrReferralNeedsApproval,
                ReferralStatus::Referred => Chn::ErrReferralNeedsDecision,
                ReferralStatus::Concluded => Chn::ErrReferralNeedsOutcome,
                ReferralStatus::NotReferred | ReferralStatus::Proposed => {
                    Chn::ErrReferralNeedsReason
                }
            })
            .to_string(),
        Invalid::CriticisedLeadFixed { task, unit } => {
            lang.chn_fill(Chn::ErrCriticisedLeadFixed, &[&task, &short(&unit)])
        }
        Invalid::NothingToUndo => lang.t(Msg::ErrNothingToUndo).to_string(),
        Invalid::CannotUndo(code) => {
            let name = Entity::from_code(&code)
                .map_or(lang.t(Msg::RecordKindUnknown), |e| entity_name(lang, e));
            lang.fill(Msg::ErrCannotUndo, &[&name])
        }
        Invalid::UndoMoved => lang.mk(Mk::ErrUndoMoved).to_string(),
        Invalid::NothingToRedo => lang.mk(Mk::ErrNothingToRedo).to_string(),
        Invalid::CannotRedo {
            entity,
            id,
            missing,
        } => lang.mk_fill(
            Mk::ErrCannotRedo,
            &[&entity_name(lang, entity), &id, &entity_name(lang, missing)],
        ),
        Invalid::HasDependants {
            entity,
            id,
            dependant,
        } => lang.fill(
            Msg::ErrHasDependants,
            &[
                &entity_name(lang, entity),
                &id,
                &entity_name(lang, dependant),
            ],
        ),
    }
}

/// R5.6: why task `task` is not due for a criticism (or a waiver) on `on`.
pub fn not_due_message(lang: Lang, task: i64, on: chrono::NaiveDate, s: Standing) -> String {
    let task = format!("#{task}");
    match s {
        Standing::NoPromise | Standing::Due(_) => lang.chn_fill(Chn::ErrNoPromise, &[&task, &on]),
        Standing::PromiseAhead(p) => lang.chn_fill(Chn::ErrPromiseAhead, &[&task, &on, &p]),
        Standing::Kept => lang.chn_fill(Chn::ErrPromiseKept, &[&task, &on]),
        Standing::Answered(a) => match a.by {
            Answer::Criticism(id) => {
                lang.chn_fill(Chn::ErrAnsweredByCriticism, &[&task, &on, &id, &a.date])
            }
            Answer::Waiver(id) => {
                lang.chn_fill(Chn::ErrAnsweredByWaiver, &[&task, &on, &id, &a.date])
            }
        },
    }
}
