//! Each enumerated value of the command line: its word, its label on screen, what else people
//! call it.

use super::Choice;
use crate::calendar::DayOff;
use crate::cli::output::Format;
use crate::domain::{
    AttendanceOutcome, ExemptCategory, LeaderTitle, Light, PeriodKind, Role, TaskState, UnitKind,
};
use crate::i18n::{Lang, Msg, Rep, Ui};
use crate::report::Part;
use crate::store::TaskSort;

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
            TaskState::LimitUnknown => "limit-unknown",
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
        crate::cli::role_name(lang, Some(self)).to_string()
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
