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
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<usize> {
        // `{0}`, or a count with its noun: `{0 task|tasks}`.
        (0..6)
            .filter(|i| s.contains(&format!("{{{i}}}")) || s.contains(&format!("{{{i} ")))
            .collect()
    }

    #[test]
    fn seams_4_english_counted_nouns_agree_with_0_1_and_2() {
        for (n, want) in [
            (0, "0 working days left"),
            (1, "1 working day left"),
            (2, "2 working days left"),
        ] {
            assert_eq!(Lang::En.fill(Msg::WorkdaysLeft, &[&n]), want);
        }
        for (n, want) in [(0, "0 tasks"), (1, "1 task"), (2, "2 tasks")] {
            assert_eq!(Lang::En.ui_fill(Ui::NTasks, &[&n]), want);
        }
        assert_eq!(
            Lang::En.fill(Msg::DemoSummary, &[&1, &2, &1, &"2026-11-25"]),
            "1 unit, 2 meetings, 1 task (today = 2026-11-25)"
        );
        // Chinese has no plural; a brace that is no placeholder stays as written.
        assert_eq!(Lang::Zh.fill(Msg::WorkdaysLeft, &[&1]), "剩余1个工作日");
        assert_eq!(fill_template("{x y|z} {0 a|b}", &[&1]), "{x y|z} 1 a");
        // Every English template with a count in front of a plural noun uses the helper.
        let nouns = [
            "working days",
            "days",
            "tasks",
            "items",
            "meetings",
            "units",
            "criticisms",
            "rows",
            "leaders",
            "referrals",
            "waivers",
            "explanations",
            "reports",
            "changes",
            "dates",
        ];
        let mut all: Vec<&str> = Vec::new();
        all.extend(Msg::ALL.iter().map(|m| Lang::En.t(*m)));
        all.extend(Ui::ALL.iter().map(|m| Lang::En.ui(*m)));
        all.extend(Exp::ALL.iter().map(|m| Lang::En.exp(*m)));
        all.extend(Imp::ALL.iter().map(|m| Lang::En.imp(*m)));
        all.extend(Mk::ALL.iter().map(|m| Lang::En.mk(*m)));
        all.extend(Chn::ALL.iter().map(|m| Lang::En.chn(*m)));
        all.extend(Rep::ALL.iter().map(|m| Lang::En.rep(*m)));
        all.extend(Aud::ALL.iter().map(|m| Lang::En.aud(*m)));
        all.extend(Dep::ALL.iter().map(|m| Lang::En.dep(*m)));
        all.extend(Xch::ALL.iter().map(|m| Lang::En.xch(*m)));
        all.extend(Frm::ALL.iter().map(|m| Lang::En.frm(*m)));
        for t in all {
            for i in 0..6 {
                for noun in nouns {
                    let bare = format!("{{{i}}} {noun}");
                    let written = format!("{{{i}}} written {noun}");
                    let progress = format!("{{{i}}} progress {noun}");
                    for w in [bare, written, progress] {
                        assert!(!t.contains(&w), "counted without the plural helper: {t}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        for &m in Msg::ALL {
            let (zh, en) = (Lang::Zh.t(m), Lang::En.t(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Ui::ALL {
            let (zh, en) = (Lang::Zh.ui(m), Lang::En.ui(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Rep::ALL {
            let (zh, en) = (Lang::Zh.rep(m), Lang::En.rep(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Imp::ALL {
            let (zh, en) = (Lang::Zh.imp(m), Lang::En.imp(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Dep::ALL {
            let (zh, en) = (Lang::Zh.dep(m), Lang::En.dep(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Exp::ALL {
            let (zh, en) = (Lang::Zh.exp(m), Lang::En.exp(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
        for &m in Xch::ALL {
            let (zh, en) = (Lang::Zh.xch(m), Lang::En.xch(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
    }

    #[test]
    fn values_are_never_read_as_placeholders() {
        assert_eq!(
            Lang::En.fill(Msg::ErrNotFound, &[&"unit", &"{0}{1}"]),
            "unit \"{0}{1}\" not found"
        );
        assert_eq!(
            Lang::Zh.fill(Msg::ErrNotFound, &[&"单位", &"上塘镇"]),
            "未找到单位“上塘镇”"
        );
    }

    #[test]
    fn workdays_left_wording() {
        assert_eq!(
            Lang::Zh.workdays_left(Light::Red, Some(-3)),
            "逾期3个工作日"
        );
        assert_eq!(Lang::En.workdays_left(Light::Yellow, Some(0)), "due today");
        assert_eq!(
            Lang::Zh.workdays_left(Light::Green, Some(7)),
            "剩余7个工作日"
        );
        assert_eq!(Lang::Zh.workdays_left(Light::Red, Some(0)), "已逾期");
        assert_eq!(Lang::Zh.workdays_left(Light::Done, Some(-2)), "");
    }
}
