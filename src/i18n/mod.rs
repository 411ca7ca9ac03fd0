//! Every user-facing string, in Simplified Chinese (the default) and English.
//!
//! Messages with values use `{0}`, `{1}`, … placeholders, filled by [`Lang::fill`].

use serde::{Deserialize, Serialize};

use crate::domain::{
    AttendanceOutcome, ExemptCategory, FeedbackStatus, Light, MinutesStatus, NoticeStatus,
    ReferralStatus, TaskState, UnitKind,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Declares a catalogue: an enum of message keys and the `Lang` method that gives their text.
macro_rules! catalogue {
    ($name:ident, $method:ident; $($key:ident => $zh:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];
        }

        impl Lang {
            /// The message in this language.
            pub fn $method(self, m: $name) -> &'static str {
                match (m, self) {
                    $(($name::$key, Lang::Zh) => $zh, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

pub mod audit;
mod catalogue;
mod chain;
mod deploy;
mod exchange;
mod export;
mod form;
mod import;
mod marks;
mod names;
mod report;
mod ui;

pub use audit::Aud;
pub use catalogue::Msg;
pub use chain::Chn;
pub use deploy::Dep;
pub use exchange::Xch;
pub use export::Exp;
pub use form::Frm;
pub use import::Imp;
pub use marks::Mk;
pub use names::provisional_date;
pub use report::Rep;
pub use ui::Ui;

/// `template` with `{0}`, `{1}`, … replaced by `args` (a value is never read as a placeholder).
/// A message is one line and a value is a name, a date, a number or a path: a value holding a
/// control character or a bidi override (a date typed with a line break, a unit's name from an old
/// database) is put in as [`crate::text::clean`] makes it, so no message echoes one.
pub(crate) fn fill_template(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // `{0}`, or `{0 working day|working days}`: the count with its noun ([`plural`]).
        let arg = after.find('}').and_then(|close| {
            let inside = &after[..close];
            let (index, noun) = match inside.split_once(' ') {
                Some((i, forms)) => (i, Some(forms.split_once('|')?)),
                None => (inside, None),
            };
            Some((index.parse::<usize>().ok()?, noun, close))
        });
        match arg.and_then(|(i, noun, close)| Some((args.get(i)?, noun, close))) {
            Some((value, noun, close)) => {
                let value = value.to_string();
                let value = if value.chars().any(crate::text::is_unsafe) {
                    crate::text::clean(&value)
                } else {
                    value
                };
                match noun {
                    Some((one, many)) => out.push_str(&plural(&value, one, many)),
                    None => out.push_str(&value),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A count with its English noun: `1 working day`, `0 working days`, `2 working days`. English
/// templates write a counted noun as `{0 working day|working days}`, which [`fill_template`]
/// gives to this helper (Chinese counts need no plural).
pub fn plural(count: &str, one: &str, many: &str) -> String {
    let noun = if count.trim() == "1" { one } else { many };
    format!("{count} {noun}")
}

/// Names joined as the language writes a list: `甲、乙` in Chinese, `A, B` in English.
pub fn join<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<&str>>()
        .join(sep)
}

/// The body that receives referrals (R5.7): the configured `referral_body`, else the default of
/// the language. One name for screens, the command line and the documents.
pub fn referral_body(lang: Lang, configured: Option<&str>) -> String {
    match configured.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => crate::text::clean(name),
        None => lang.ui(Ui::ReferralBody).to_string(),
    }
}

impl Lang {
    /// The message with `{0}`, `{1}`, … replaced by `args`.
    pub fn fill(self, m: Msg, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.t(m), args)
    }

    /// A message of the importer with its placeholders filled.
    pub fn imp_fill(self, m: Imp, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.imp(m), args)
    }

    /// A message of the exports with its placeholders filled.
    pub fn exp_fill(self, m: Exp, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.exp(m), args)
    }

    /// A message of deployment (configuration, shared database) with its placeholders filled.
    pub fn dep_fill(self, m: Dep, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.dep(m), args)
    }

    /// A message of marks, undo and redo with its placeholders filled.
    pub fn mk_fill(self, m: Mk, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.mk(m), args)
    }

    /// A message of the terminal UI with its placeholders filled.
    pub fn ui_fill(self, m: Ui, args: &[&dyn std::fmt::Display]) -> String {
        fill_template(self.ui(m), args)
    }

    pub fn light(self, l: Light) -> &'static str {
        self.t(match l {
            Light::Red => Msg::LightRed,
            Light::Yellow => Msg::LightYellow,
            Light::Green => Msg::LightGreen,
            Light::Exempt => Msg::LightExempt,
            Light::Done => Msg::LightDone,
        })
    }

    pub fn state(self, s: TaskState) -> &'static str {
        self.t(match s {
            TaskState::Pending => Msg::StatePending,
            TaskState::LimitUnknown => Msg::StateLimitUnknown,
            TaskState::Open => Msg::StateOpen,
            TaskState::ExplanationDue => Msg::StateExplanationDue,
            TaskState::Promised => Msg::StatePromised,
            TaskState::CriticismDue => Msg::StateCriticismDue,
            TaskState::Criticised => Msg::StateCriticised,
            TaskState::Done => Msg::StateDone,
        })
    }

    pub fn leader_title(self, t: crate::domain::LeaderTitle) -> &'static str {
        use crate::domain::LeaderTitle as T;
        self.t(match t {
            T::CountyHead => Msg::TitleCountyHead,
            T::DeputyHead => Msg::TitleDeputyHead,
            T::OfficeDirector => Msg::TitleOfficeDirector,
            T::DeputyDirector => Msg::TitleDeputyDirector,
        })
    }

    pub fn unit_kind(self, k: UnitKind) -> &'static str {
        self.t(match k {
            UnitKind::Township => Msg::KindTownship,
            UnitKind::Department => Msg::KindDepartment,
            UnitKind::Other => Msg::KindOther,
        })
    }

    pub fn exempt_category(self, c: ExemptCategory) -> &'static str {
        match self {
            Lang::Zh => c.zh(),
            Lang::En => c.en(),
        }
    }

    /// R2.2's status of a notice, `*` when its deadline is provisional.
    pub fn notice(self, n: NoticeStatus, provisional: bool) -> String {
        let word = self.notice_word(n);
        match provisional && n != NoticeStatus::Emergency {
            true => format!("{word}*"),
            false => word.to_string(),
        }
    }

    fn notice_word(self, n: NoticeStatus) -> &'static str {
        self.t(match n {
            NoticeStatus::OnTime => Msg::NoticeOnTime,
            NoticeStatus::Late => Msg::NoticeLate,
            NoticeStatus::Emergency => Msg::NoticeEmergency,
            NoticeStatus::NotYetSent => Msg::NoticeNotYet,
            NoticeStatus::Missing => Msg::NoticeMissing,
            NoticeStatus::Unknown => Msg::NoticeUnknown,
        })
    }

    pub fn minutes(self, m: MinutesStatus) -> String {
        match m {
            MinutesStatus::IssuedOnTime { .. } => self.t(Msg::MinutesOnTime).to_string(),
            MinutesStatus::IssuedLate { .. } => self.t(Msg::MinutesLate).to_string(),
            MinutesStatus::Drafting { workdays_left } => {
                self.fill(Msg::MinutesDrafting, &[&workdays_left])
            }
            MinutesStatus::Overdue { workdays_over } => {
                self.fill(Msg::MinutesOverdue, &[&workdays_over])
            }
            MinutesStatus::Unknown { .. } => self.t(Msg::MinutesUnknown).to_string(),
        }
    }

    /// R4.3's status of a unit's answer; the deadline (and the day consent is deemed from)
    /// marked `*` when provisional.
    pub fn feedback(self, f: FeedbackStatus, provisional: bool) -> String {
        match f {
            FeedbackStatus::Answered { .. } => self.t(Msg::FeedbackAnswered).to_string(),
            FeedbackStatus::Late { .. } => self.t(Msg::FeedbackLate).to_string(),
            FeedbackStatus::Waiting { deadline } => self.fill(
                Msg::FeedbackWaiting,
                &[&provisional_date(deadline, provisional)],
            ),
            FeedbackStatus::DeemedConsent { effective_on } => self.fill(
                Msg::FeedbackDeemed,
                &[&provisional_date(effective_on, provisional)],
            ),
        }
    }

    pub fn attendance(self, a: AttendanceOutcome) -> &'static str {
        self.t(match a {
            AttendanceOutcome::LeaderAttended => Msg::AttendLeader,
            AttendanceOutcome::AuthorisedRepresentative => Msg::AttendRepresentative,
            AttendanceOutcome::Absent => Msg::AttendAbsent,
            AttendanceOutcome::UnauthorisedSubstitute => Msg::AttendSubstitute,
        })
    }

    pub fn referral(self, r: ReferralStatus) -> &'static str {
        self.t(match r {
            ReferralStatus::Proposed => Msg::ReferralProposed,
            ReferralStatus::Approved => Msg::ReferralApproved,
            ReferralStatus::Referred => Msg::ReferralReferred,
            ReferralStatus::Concluded => Msg::ReferralConcluded,
            ReferralStatus::NotReferred => Msg::ReferralNotReferred,
        })
    }

    /// The kind of a task's limit: a set date, the default, or exempt with its category.
    pub fn limit_kind(self, limit: crate::domain::Limit) -> String {
        use crate::domain::Limit;
        match limit {
            Limit::Date(_) => self.t(Msg::LimitDate).to_string(),
            Limit::Default => self.t(Msg::LimitDefault).to_string(),
            Limit::Exempt(c) => {
                format!("{}：{}", self.t(Msg::LimitExempt), self.exempt_category(c))
            }
        }
    }

    /// A task's limit as shown: its date (`*` when provisional) and kind, or the kind alone.
    pub fn limit(
        self,
        limit: crate::domain::Limit,
        due: Option<chrono::NaiveDate>,
        provisional: bool,
    ) -> String {
        let kind = self.limit_kind(limit);
        match due {
            Some(d) => format!("{} {kind}", provisional_date(d, provisional)),
            None => kind,
        }
    }

    /// "N working days left" / "overdue by N" / "due today" for a task's light and count.
    pub fn workdays_left(self, light: Light, left: Option<i64>) -> String {
        match (light, left) {
            (Light::Done, _) | (_, None) => String::new(),
            (Light::Red, Some(n)) if n < 0 => self.fill(Msg::WorkdaysOverdue, &[&-n]),
            (Light::Red, Some(_)) => self.t(Msg::Overdue).to_string(),
            (_, Some(0)) => self.t(Msg::DueToday).to_string(),
            (_, Some(n)) => self.fill(Msg::WorkdaysLeft, &[&n]),
        }
    }
}

#[cfg(test)]
mod tests;
