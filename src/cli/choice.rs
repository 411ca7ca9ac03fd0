//! Enumerated values on the command line, typed as the screens show them: the Chinese label
//! (`--kind 县直单位`, `--title 副县长`, `--outcome 擅自替会`), the English label, or the English
//! word of the command line (`--kind department`). One mechanism for every enumerated option:
//! each type says its values, its word and its label ([`Choice`]), and [`choice`] is its
//! `value_parser`. A value not accepted is refused listing what is, in the user's language
//! (`args::usage_error`).

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::calendar::DayOff;
use crate::domain::{
    AttendanceOutcome, ExemptCategory, LeaderTitle, Light, PeriodKind, Role, TaskState, UnitKind,
};
use crate::i18n::{Lang, Msg, Rep, Ui};
use crate::report::Part;
use crate::store::TaskSort;

use super::output::Format;

/// An enumerated value of the command line.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, in the order an error lists them.
    fn all() -> &'static [Self];
    /// The English word typed on the command line (`deputy-head`).
    fn slug(self) -> &'static str;
    /// The label the screens show, in `lang` (副县长 / deputy head).
    fn label(self, lang: Lang) -> String;
    /// Other words people use for it (缺席 for 无故缺会, older spellings).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
}

/// A typed word compared without case, surrounding space, or the difference between `_`, `-`
/// and a space.
fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', ' '], "-")
}

/// The value `s` names, in either language or as the command line's word.
pub fn parse<T: Choice>(s: &str) -> Option<T> {
    let n = norm(s);
    if n.is_empty() {
        return None;
    }
    T::all().iter().copied().find(|v| {
        norm(v.slug()) == n
            || [Lang::Zh, Lang::En]
                .into_iter()
                .any(|l| norm(&v.label(l)) == n)
            || v.aliases().iter().any(|a| norm(a) == n)
    })
}

/// What `T` accepts, as a refusal lists it in `lang`: the labels, then the command line's words
/// ("乡镇、县直单位、其他（或 township、department、other）").
pub fn accepted<T: Choice>(lang: Lang) -> String {
    let (sep, words) = match lang {
        Lang::Zh => (
            "、",
            T::all().iter().map(|v| v.label(lang)).collect::<Vec<_>>(),
        ),
        Lang::En => (", ", Vec::new()),
    };
    let slugs: Vec<&str> = T::all().iter().map(|v| v.slug()).collect();
    match lang {
        Lang::Zh => lang.fill(Msg::ChoiceList, &[&words.join(sep), &slugs.join("、")]),
        Lang::En => slugs.join(sep),
    }
}

/// The `value_parser` of an enumerated option: [`parse`], with the command line's words offered
/// in `--help`.
pub fn choice<T: Choice>() -> ChoiceParser<T> {
    ChoiceParser(PhantomData)
}

#[derive(Clone, Copy)]
pub struct ChoiceParser<T>(PhantomData<fn() -> T>);

impl<T: Choice + Clone> TypedValueParser for ChoiceParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let typed = value.to_string_lossy();
        parse::<T>(&typed).ok_or_else(|| {
            let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                e.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            e.insert(
                ContextKind::InvalidValue,
                ContextValue::String(typed.into_owned()),
            );
            // What is accepted, in both languages (the refusal picks the user's): [zh, en].
            e.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(vec![accepted::<T>(Lang::Zh), accepted::<T>(Lang::En)]),
            );
            e
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::all().iter().map(|v| PossibleValue::new(v.slug())),
        ))
    }
}

impl Choice for UnitKind {
    fn all() -> &'static [Self] {
        &UnitKind::ALL
    }
    fn slug(self) -> &'static str {
        self.code()
    }
    fn label(self, lang: Lang) -> String {
        lang.unit_kind(self).to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            UnitKind::Township => &["乡镇人民政府", "镇", "乡", "街道"],
            UnitKind::Department => &["县直", "部门"],
            UnitKind::Other => &[],
        }
    }
}

impl Choice for LeaderTitle {
    fn all() -> &'static [Self] {
        &LeaderTitle::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            LeaderTitle::CountyHead => "county-head",
            LeaderTitle::DeputyHead => "deputy-head",
            LeaderTitle::OfficeDirector => "office-director",
            LeaderTitle::DeputyDirector => "deputy-director",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.leader_title(self).to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            LeaderTitle::OfficeDirector => &["办公室主任", "主任"],
            LeaderTitle::DeputyDirector => &["办公室副主任", "副主任"],
            _ => &[],
        }
    }
}

impl Choice for AttendanceOutcome {
    fn all() -> &'static [Self] {
        &AttendanceOutcome::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            AttendanceOutcome::LeaderAttended => "leader-attended",
            AttendanceOutcome::AuthorisedRepresentative => "authorised-representative",
            AttendanceOutcome::Absent => "absent",
            AttendanceOutcome::UnauthorisedSubstitute => "unauthorised-substitute",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.attendance(self).to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            AttendanceOutcome::LeaderAttended => &["参会", "出席", "领导出席"],
            AttendanceOutcome::AuthorisedRepresentative => &["请假", "授权代表", "代表参会"],
            AttendanceOutcome::Absent => &["缺席", "缺会"],
            AttendanceOutcome::UnauthorisedSubstitute => &["替会"],
        }
    }
}

impl Choice for Light {
    fn all() -> &'static [Self] {
        &Light::ALL
    }
    fn slug(self) -> &'static str {
        self.code()
    }
    fn label(self, lang: Lang) -> String {
        lang.light(self).to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Light::Red => &["红"],
            Light::Yellow => &["黄"],
            Light::Green => &["绿"],
            Light::Done => &["办结"],
            Light::Exempt => &[],
        }
    }
}

impl Choice for TaskState {
    fn all() -> &'static [Self] {
        &TaskState::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::Open => "open",
            TaskState::ExplanationDue => "explanation-due",
            TaskState::Promised => "promised",
            TaskState::CriticismDue => "criticism-due",
            TaskState::Criticised => "criticised",
            TaskState::Done => "done",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.state(self).to_string()
    }
}

impl Choice for ExemptCategory {
    fn all() -> &'static [Self] {
        &ExemptCategory::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            ExemptCategory::Funding => "funding",
            ExemptCategory::Staffing => "staffing",
            ExemptCategory::Land => "land",
            ExemptCategory::CaseHandling => "case-handling",
            ExemptCategory::LongSpan => "long-span",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.exempt_category(self).to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            ExemptCategory::LongSpan => &["时间跨度较长"],
            _ => &[],
        }
    }
}

impl Choice for Role {
    fn all() -> &'static [Self] {
        &Role::ALL
    }
    fn slug(self) -> &'static str {
        self.code()
    }
    fn label(self, lang: Lang) -> String {
        super::role_name(lang, Some(self)).to_string()
    }
}

impl Choice for PeriodKind {
    fn all() -> &'static [Self] {
        &PeriodKind::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.rep(match self {
            PeriodKind::Month => Rep::KindMonth,
            PeriodKind::Quarter => Rep::KindQuarter,
            PeriodKind::Year => Rep::KindYear,
        })
        .to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            PeriodKind::Month => &["月", "月度"],
            PeriodKind::Quarter => &["季度", "季"],
            PeriodKind::Year => &["年", "年度", "本年"],
        }
    }
}

impl Choice for TaskSort {
    fn all() -> &'static [Self] {
        &[
            TaskSort::WorkdaysLeft,
            TaskSort::Unit,
            TaskSort::MeetingDate,
        ]
    }
    fn slug(self) -> &'static str {
        match self {
            TaskSort::WorkdaysLeft => "workdays-left",
            TaskSort::Unit => "unit",
            TaskSort::MeetingDate => "meeting-date",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.ui(match self {
            TaskSort::WorkdaysLeft => Ui::SortWorkdays,
            TaskSort::Unit => Ui::SortUnit,
            TaskSort::MeetingDate => Ui::SortMeeting,
        })
        .to_string()
    }
}

impl Choice for Part {
    fn all() -> &'static [Self] {
        &Part::ALL
    }
    fn slug(self) -> &'static str {
        match self {
            Part::Summary => "summary",
            Part::Chairs => "chairs",
            Part::Months => "months",
            Part::Notices => "notices",
            Part::Attendance => "attendance",
            Part::Minutes => "minutes",
            Part::Units => "units",
            Part::Lights => "lights",
            Part::Trend => "trend",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.t(match self {
            Part::Summary => Msg::PartSummary,
            Part::Chairs => Msg::PartChairs,
            Part::Months => Msg::PartMonths,
            Part::Notices => Msg::PartNotices,
            Part::Attendance => Msg::PartAttendance,
            Part::Minutes => Msg::PartMinutes,
            Part::Units => Msg::PartUnits,
            Part::Lights => Msg::PartLights,
            Part::Trend => Msg::PartTrend,
        })
        .to_string()
    }
}

impl Choice for Format {
    fn all() -> &'static [Self] {
        &[Format::Table, Format::Csv, Format::Json]
    }
    fn slug(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
    fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Format::Table, Lang::Zh) => "表格".to_string(),
            _ => self.slug().to_string(),
        }
    }
}

impl Choice for Lang {
    fn all() -> &'static [Self] {
        &[Lang::Zh, Lang::En]
    }
    fn slug(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    fn label(self, _: Lang) -> String {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
        .to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Lang::Zh => &["zh-cn", "chinese", "简体中文"],
            Lang::En => &["英文", "英语"],
        }
    }
}

impl Choice for DayOff {
    fn all() -> &'static [Self] {
        &[DayOff::Off, DayOff::Work]
    }
    fn slug(self) -> &'static str {
        match self {
            DayOff::Off => "off",
            DayOff::Work => "work",
        }
    }
    fn label(self, lang: Lang) -> String {
        lang.t(match self {
            DayOff::Off => Msg::DayOff,
            DayOff::Work => Msg::DayWork,
        })
        .to_string()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            DayOff::Off => &["休", "休息", "放假日"],
            DayOff::Work => &["班", "上班", "调休"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of `T` is found by its word and by its label in both languages, and no two
    /// values share a word: a label added to the screens is accepted on the command line.
    fn round_trip<T: Choice + PartialEq + std::fmt::Debug>() {
        let mut words = Vec::new();
        for &v in T::all() {
            let mut typed = vec![
                v.slug().to_string(),
                v.slug().to_uppercase(),
                v.label(Lang::Zh),
                v.label(Lang::En),
                format!(" {} ", v.label(Lang::En)),
            ];
            typed.extend(v.aliases().iter().map(|a| a.to_string()));
            for t in &typed {
                assert_eq!(parse::<T>(t), Some(v), "{t:?}");
            }
            for t in typed {
                let n = norm(&t);
                if !words.iter().any(|(w, x)| *w == n && *x == v) {
                    assert!(
                        !words.iter().any(|(w, _)| *w == n),
                        "{t:?} names two values"
                    );
                    words.push((n, v));
                }
            }
        }
        assert_eq!(parse::<T>(""), None);
        assert_eq!(parse::<T>("不存在的值"), None);
        let zh = accepted::<T>(Lang::Zh);
        let en = accepted::<T>(Lang::En);
        for &v in T::all() {
            assert!(
                zh.contains(&v.label(Lang::Zh)) && en.contains(v.slug()),
                "{v:?}"
            );
        }
    }

    #[test]
    fn every_enumerated_option_takes_its_chinese_label_english_label_and_word() {
        round_trip::<UnitKind>();
        round_trip::<LeaderTitle>();
        round_trip::<AttendanceOutcome>();
        round_trip::<Light>();
        round_trip::<TaskState>();
        round_trip::<ExemptCategory>();
        round_trip::<Role>();
        round_trip::<PeriodKind>();
        round_trip::<TaskSort>();
        round_trip::<Part>();
        round_trip::<Format>();
        round_trip::<Lang>();
        round_trip::<DayOff>();
    }

    #[test]
    fn the_issues_examples() {
        assert_eq!(parse("副县长"), Some(LeaderTitle::DeputyHead));
        assert_eq!(parse("乡镇"), Some(UnitKind::Township));
        assert_eq!(parse("县直单位"), Some(UnitKind::Department));
        assert_eq!(parse("缺席"), Some(AttendanceOutcome::Absent));
        assert_eq!(
            parse("擅自替会"),
            Some(AttendanceOutcome::UnauthorisedSubstitute)
        );
        assert_eq!(parse("criticism_due"), Some(TaskState::CriticismDue));
        assert_eq!(parse("应通报批评"), Some(TaskState::CriticismDue));
        assert_eq!(parse("case_handling"), Some(ExemptCategory::CaseHandling));
    }
}
