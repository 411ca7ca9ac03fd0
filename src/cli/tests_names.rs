//! No refusal shows the store's own names (`promised_on`, `not_referred`): every input error the
//! store can give is said in the user's words, in both languages, and a name typed long is quoted
//! shortened.

use super::*;
use crate::domain::minutes::IssueOpen;
use crate::domain::promise::{Answer, Answered};
use crate::domain::{Deadline, OutOfOrder, ReferralStatus, Standing, TextField, TooLong, When};
use crate::store::{Entity, Invalid};

/// The first `_`-joined identifier in `s` (`promised_on`), if any.
fn identifier(s: &str) -> Option<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|w| {
            let parts: Vec<&str> = w.split('_').collect();
            parts.len() > 1 && parts.iter().all(|p| !p.is_empty())
        })
        .map(str::to_string)
}

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// A unit name pasted long: quoted by its first 20 characters.
const LONG: &str = "一个很长很长的单位名称，是从别处整段粘贴进来的，远远超过二十个字";

/// One of each refusal the store gives (the match makes a new kind of refusal join the list).
fn samples() -> Vec<Invalid> {
    let long = LONG;
    let mut out = vec![
        Invalid::InactiveUnit(long.into()),
        Invalid::LeadIsCoUnit("上塘镇".into()),
        Invalid::TaskNotOfUnit {
            task: 3,
            unit: "上塘镇".into(),
        },
        Invalid::NotOverdue {
            task: 3,
            on: d("2026-11-25"),
        },
        Invalid::AlreadyDone(3),
        Invalid::NoFeedbackRound(4),
        Invalid::IssueOpen {
            meeting: 4,
            open: IssueOpen {
                waiting: 3,
                round_until: Some(Deadline {
                    date: d("2027-01-04"),
                    provisional: true,
                }),
                unsigned: true,
            },
        },
        Invalid::FeedbackPending {
            meeting: 4,
            waiting: 2,
            until: Deadline {
                date: d("2026-12-08"),
                provisional: false,
            },
        },
        Invalid::NotParticipant {
            unit: "上塘镇".into(),
            meeting: 4,
        },
        Invalid::NotEmpty,
        Invalid::CalendarLine {
            line: 2,
            text: "2027-13-01,1,x".into(),
        },
        Invalid::CalendarTwice {
            date: d("2027-02-06"),
            first: 2,
            again: 5,
        },
        Invalid::CalendarEmpty,
        Invalid::ParticipantInUse {
            unit: "上塘镇".into(),
            meeting: 4,
        },
        Invalid::TaskMeetingFixed {
            task: 3,
            meeting: 4,
        },
        Invalid::OwnLiaison("王主任".into()),
        Invalid::AliasTaken {
            alias: "住建".into(),
            unit: long.into(),
        },
        Invalid::Line {
            line: 2,
            error: Box::new(StoreError::Invalid(Invalid::Empty(TextField::TaskText))),
        },
        Invalid::Row {
            unit: long.into(),
            error: Box::new(StoreError::Invalid(Invalid::Empty(TextField::Person))),
        },
        Invalid::NothingToUndo,
        Invalid::CannotUndo("progress_report".into()),
        Invalid::UndoMoved,
        Invalid::NothingToRedo,
        Invalid::CannotRedo {
            entity: Entity::Progress,
            id: "3".into(),
            missing: Entity::Task,
        },
        Invalid::HasDependants {
            entity: Entity::Task,
            id: "3".into(),
            dependant: Entity::Explanation,
        },
        Invalid::AccountName("bad name".into()),
        Invalid::LastAdmin("root".into()),
        Invalid::CriticismNeedsDocNo,
        Invalid::CriticismNeedsTask,
        Invalid::InsistNeedsReason,
        Invalid::WaiverNeedsReason,
        Invalid::NotReferralDue {
            unit: long.into(),
            on: d("2026-11-25"),
            rolling_year: 1,
            calendar_year: 1,
            settled: None,
        },
        Invalid::NotReferralDue {
            unit: long.into(),
            on: d("2026-11-25"),
            rolling_year: 2,
            calendar_year: 2,
            settled: Some((d("2026-10-08"), 1)),
        },
        Invalid::CriticisedLeadFixed {
            task: 3,
            unit: long.into(),
        },
    ];
    let promised = d("2026-11-20");
    for standing in [
        Standing::Due(promised),
        Standing::NoPromise,
        Standing::PromiseAhead(promised),
        Standing::Kept,
        Standing::Answered(Answered {
            date: d("2026-11-23"),
            by: Answer::Criticism(2),
        }),
        Standing::Answered(Answered {
            date: d("2026-11-23"),
            by: Answer::Waiver(2),
        }),
    ] {
        out.push(Invalid::NotCriticismDue {
            task: 3,
            on: d("2026-11-25"),
            standing,
        });
    }
    for status in [
        ReferralStatus::Proposed,
        ReferralStatus::Approved,
        ReferralStatus::Referred,
        ReferralStatus::Concluded,
        ReferralStatus::NotReferred,
    ] {
        out.push(Invalid::ReferralStep { id: 1, status });
        out.push(Invalid::ReferralNeedsText(status));
        out.push(Invalid::ReferralOpen {
            unit: long.into(),
            id: 1,
            status,
        });
    }
    for f in TextField::ALL {
        out.push(Invalid::Empty(f));
        out.push(Invalid::TooLong(TooLong {
            field: f,
            max: f.max_chars(),
            len: 120_000,
        }));
    }
    for what in When::ALL {
        out.push(Invalid::MissingDate(what));
        for other in When::ALL {
            for after in [false, true] {
                out.push(Invalid::OutOfOrder(OutOfOrder {
                    what,
                    date: d("2026-03-01"),
                    after,
                    other,
                    other_date: d("2026-03-05"),
                }));
            }
        }
    }
    // Every kind of refusal is above: a new one fails to compile here until it is added.
    for i in &out {
        match i {
            Invalid::Empty(_)
            | Invalid::MissingDate(_)
            | Invalid::TooLong(_)
            | Invalid::InactiveUnit(_)
            | Invalid::LeadIsCoUnit(_)
            | Invalid::TaskNotOfUnit { .. }
            | Invalid::NotOverdue { .. }
            | Invalid::AlreadyDone(_)
            | Invalid::OutOfOrder(_)
            | Invalid::NoFeedbackRound(_)
            | Invalid::IssueOpen { .. }
            | Invalid::FeedbackPending { .. }
            | Invalid::NotParticipant { .. }
            | Invalid::NotEmpty
            | Invalid::ReferralStep { .. }
            | Invalid::CalendarLine { .. }
            | Invalid::CalendarTwice { .. }
            | Invalid::CalendarEmpty
            | Invalid::ParticipantInUse { .. }
            | Invalid::TaskMeetingFixed { .. }
            | Invalid::OwnLiaison(_)
            | Invalid::AliasTaken { .. }
            | Invalid::Line { .. }
            | Invalid::Row { .. }
            | Invalid::NothingToUndo
            | Invalid::CannotUndo(_)
            | Invalid::UndoMoved
            | Invalid::NothingToRedo
            | Invalid::CannotRedo { .. }
            | Invalid::HasDependants { .. }
            | Invalid::AccountName(_)
            | Invalid::LastAdmin(_)
            | Invalid::CriticismNeedsDocNo
            | Invalid::CriticismNeedsTask
            | Invalid::NotCriticismDue { .. }
            | Invalid::InsistNeedsReason
            | Invalid::WaiverNeedsReason
            | Invalid::NotReferralDue { .. }
            | Invalid::ReferralOpen { .. }
            | Invalid::ReferralNeedsText(_)
            | Invalid::CriticisedLeadFixed { .. } => {}
        }
    }
    out
}

#[test]
fn no_refusal_shows_an_internal_field_name() {
    let mut seen = 0;
    for lang in [Lang::Zh, Lang::En] {
        for i in samples() {
            let shown = format!("{i:?}");
            let f = store_failure(lang, StoreError::Invalid(i));
            assert_eq!(f.code, 2, "{shown}");
            assert!(!f.message.contains('\n'), "{}", f.message);
            assert_eq!(identifier(&f.message), None, "{shown}: {}", f.message);
            assert!(!f.message.contains(LONG), "quoted in full: {}", f.message);
            seen += 1;
        }
        for e in [
            StoreError::not_found(Entity::Unit, "不存在镇"),
            StoreError::Duplicate {
                entity: Entity::Task,
                key: "x".into(),
            },
        ] {
            assert_eq!(identifier(&store_failure(lang, e).message), None);
        }
    }
    assert!(seen > 500);
    // Every error message of the catalogues, as written.
    for &m in Msg::ALL {
        if format!("{m:?}").starts_with("Err") {
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(identifier(lang.t(m)), None, "{m:?}");
            }
        }
    }
    for &m in crate::i18n::Imp::ALL {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(identifier(lang.imp(m)), None, "{m:?}");
        }
    }
    for &m in crate::i18n::Ui::ALL {
        if format!("{m:?}").starts_with("Err") {
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(identifier(lang.ui(m)), None, "{m:?}");
            }
        }
    }
    for &m in crate::i18n::Chn::ALL {
        if format!("{m:?}").starts_with("Err") {
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(identifier(lang.chn(m)), None, "{m:?}");
            }
        }
    }
}

#[test]
fn an_unknown_name_is_quoted_shortened() {
    let pasted = "一个很长很长的单位名称，是从别处整段粘贴进来的，远远超过二十个字".repeat(100);
    for lang in [Lang::Zh, Lang::En] {
        let f = store_failure(lang, StoreError::not_found(Entity::Unit, &pasted));
        assert!(f.message.chars().count() < 80, "{}", f.message);
        assert!(
            f.message
                .contains("一个很长很长的单位名称，是从别处整段粘贴…"),
            "{}",
            f.message
        );
    }
    assert_eq!(failure::short("上塘镇"), "上塘镇");
}

#[test]
fn dates_out_of_order_name_the_record_and_both_dates() {
    let o = OutOfOrder {
        what: When::Progress,
        date: d("2026-03-01"),
        after: false,
        other: When::Meeting,
        other_date: d("2026-03-05"),
    };
    let f = store_failure(Lang::Zh, StoreError::Invalid(Invalid::OutOfOrder(o)));
    assert_eq!(f.message, "进展报告日期 2026-03-01 早于会议日期 2026-03-05");
    let late = OutOfOrder {
        what: When::Progress,
        date: d("2026-11-25"),
        after: true,
        other: When::Completion,
        other_date: d("2026-11-20"),
    };
    let f = store_failure(Lang::En, StoreError::Invalid(Invalid::OutOfOrder(late)));
    assert_eq!(
        f.message,
        "the progress report date 2026-11-25 is after the completion date 2026-11-20"
    );
}
