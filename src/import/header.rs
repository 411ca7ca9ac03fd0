//! Finding the header row and the columns by name: Chinese, English (the exporter's column names,
//! from the catalogue in both languages) and a few common variants. A title row above the header
//! ("督办事项台账 …") is passed over: the header is the first row holding every required column.

use super::read::Sheet;
use crate::i18n::{Lang, Msg, Xch};

/// A column the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    UnitName,
    UnitKind,
    MainLeader,
    Contact,
    LeaderName,
    Title,
    Liaison,
    Task,
    Lead,
    CoUnits,
    MeetingDate,
    Topic,
    Leader,
    Limit,
    CompletedOn,
    /// The ledger's id of a task (a key within the file).
    TaskId,
    LimitKind,
    /// The ledger's id of a task's meeting (a key within the file).
    MeetingId,
    Issued,
    LeaderTitle,
    LeadKind,
    Note,
    Progress,
    Explanations,
    Criticisms,
    Waivers,
    /// The promise in force (a ledger of an older duban has no explanations column).
    Promised,
    /// The task's state as the exporter computed it: read only to learn that a meeting's minutes
    /// are awaited (待纪要印发), which no date cell can say.
    State,
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Units,
    Leaders,
    Ledger,
}

impl Kind {
    /// The columns read, required ones first.
    pub fn fields(self) -> &'static [(Field, bool)] {
        use Field::*;
        match self {
            Self::Units => &[
                (UnitName, true),
                (UnitKind, true),
                (MainLeader, false),
                (Contact, false),
            ],
            Self::Leaders => &[(LeaderName, true), (Title, true), (Liaison, false)],
            Self::Ledger => &[
                (Task, true),
                (Lead, true),
                (MeetingDate, true),
                (Topic, true),
                (TaskId, false),
                (CoUnits, false),
                (Leader, false),
                (LimitKind, false),
                (Limit, false),
                (CompletedOn, false),
                (MeetingId, false),
                (Issued, false),
                (LeaderTitle, false),
                (LeadKind, false),
                (Note, false),
                (Progress, false),
                (Explanations, false),
                (Criticisms, false),
                (Waivers, false),
                (Promised, false),
                (State, false),
            ],
        }
    }
}

/// Where a column's name comes from.
enum Label {
    Msg(Msg),
    Xch(Xch),
}

impl Field {
    fn label(self) -> Label {
        match self {
            Field::UnitName => Label::Msg(Msg::ColUnit),
            Field::UnitKind => Label::Msg(Msg::ColKind),
            Field::MainLeader => Label::Msg(Msg::ColMainLeader),
            Field::Contact => Label::Msg(Msg::ColContact),
            Field::LeaderName => Label::Msg(Msg::ColName),
            Field::Title => Label::Msg(Msg::ColTitle),
            Field::Liaison => Label::Msg(Msg::ColLiaison),
            Field::Task => Label::Msg(Msg::ColTask),
            Field::Lead => Label::Msg(Msg::ColLead),
            Field::CoUnits => Label::Msg(Msg::ColCo),
            Field::MeetingDate => Label::Msg(Msg::ColMeetingDate),
            Field::Topic => Label::Msg(Msg::ColMeetingTopic),
            Field::Leader => Label::Msg(Msg::ColLeader),
            Field::Limit => Label::Msg(Msg::ColDue),
            Field::CompletedOn => Label::Msg(Msg::ColCompletedOn),
            Field::TaskId => Label::Xch(Xch::Id),
            Field::LimitKind => Label::Xch(Xch::LimitKind),
            Field::MeetingId => Label::Xch(Xch::MeetingId),
            Field::Issued => Label::Xch(Xch::Issued),
            Field::LeaderTitle => Label::Xch(Xch::LeaderTitle),
            Field::LeadKind => Label::Xch(Xch::LeadKind),
            Field::Note => Label::Xch(Xch::Note),
            Field::Progress => Label::Xch(Xch::Progress),
            Field::Explanations => Label::Xch(Xch::Explanations),
            Field::Criticisms => Label::Xch(Xch::Criticisms),
            Field::Waivers => Label::Xch(Xch::Waivers),
            Field::Promised => Label::Xch(Xch::Promised),
            Field::State => Label::Msg(Msg::ColState),
        }
    }

    /// The column's name as duban shows (and the exporter writes) it, in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self.label() {
            Label::Msg(m) => lang.t(m),
            Label::Xch(x) => lang.xch(x),
        }
    }

    /// Other names accepted for the column (besides the label in both languages).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::UnitName => &["单位名称", "名称", "name", "unit name"],
            Field::UnitKind => &["类型", "单位类型", "单位类别", "type", "kind"],
            Field::MainLeader => &["主要领导", "main leader", "leader"],
            Field::Contact => &["联系方式", "联系人", "联系电话", "contact"],
            Field::LeaderName => &["姓名", "领导", "name", "leader"],
            Field::Title => &["职务", "title"],
            Field::Liaison => &["联系主任", "工作联系主任", "liaison", "liaison director"],
            Field::Task => &["督办事项", "事项", "议定事项", "task"],
            Field::Lead => &["主办单位", "牵头单位", "lead unit", "lead"],
            Field::CoUnits => &["协办单位", "配合单位", "co-units", "co-unit", "co units"],
            Field::MeetingDate => &["会议日期", "会议时间", "meeting date"],
            Field::Topic => &["会议议题", "议题", "topic", "topics", "meeting topic"],
            Field::Leader => &["责任领导", "分管领导", "leader", "responsible leader"],
            Field::Limit => &["办理时限", "期限", "完成时限", "时限", "limit"],
            Field::CompletedOn => &["办结日期", "办结时间", "completed on", "completed"],
            Field::TaskId => &["序号", "事项编号", "id"],
            Field::LimitKind => &["时限类型", "限期类别", "limit kind"],
            Field::MeetingId => &["会议序号", "meeting id"],
            Field::Issued => &["纪要印发时间", "印发日期", "minutes issued"],
            Field::LeaderTitle => &["领导职务", "职务", "title"],
            Field::LeadKind => &["单位类别", "单位类型", "类别", "类型", "kind"],
            Field::Note => &["办结情况", "completion note"],
            Field::Progress => &["进展情况", "progress"],
            Field::Explanations => &["书面说明与承诺", "explanations"],
            Field::Criticisms => &["通报批评情况", "criticisms"],
            Field::Waivers => &["不予通报批评情况", "waivers"],
            Field::Promised => &["承诺时限", "promised on", "promised"],
            Field::State => &["办理状态", "state", "status"],
        }
    }

    /// Whether header cell `h` names this column.
    fn matches(self, h: &str) -> bool {
        let h = norm(h);
        !h.is_empty()
            && (norm(self.name(Lang::Zh)) == h
                || norm(self.name(Lang::En)) == h
                || self.aliases().iter().any(|a| norm(a) == h))
    }
}

/// A header cell compared without case, white space, `_`, `-`, `*` (a "required" mark) and a
/// trailing parenthesised note (`办理时限（日期）`).
fn norm(s: &str) -> String {
    let s = s.trim();
    let s = match s.find(['(', '（']) {
        Some(i) if i > 0 && s.ends_with([')', '）']) => &s[..i],
        _ => s,
    };
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each column is, and the row after which the data begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The file's row number of the header.
    pub header_row: usize,
    found: Vec<(Field, usize)>,
}

impl Columns {
    /// The column index of `f`, if the file has it.
    pub fn index(&self, f: Field) -> Option<usize> {
        self.found.iter().find(|(g, _)| *g == f).map(|&(_, i)| i)
    }

    /// The cell of `f` in `row`, trimmed ("" when absent).
    pub fn cell<'r>(&self, row: &'r [String], f: Field) -> &'r str {
        self.index(f)
            .and_then(|i| row.get(i))
            .map_or("", |s| s.trim())
    }
}

/// The columns of one row read as a header.
fn columns_of(kind: Kind, header_row: usize, cells: &[String]) -> Columns {
    let mut found: Vec<(Field, usize)> = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let field = kind
            .fields()
            .iter()
            .map(|&(f, _)| f)
            .find(|f| f.matches(cell) && !found.iter().any(|(g, _)| g == f));
        if let Some(f) = field {
            found.push((f, i));
        }
    }
    Columns { header_row, found }
}

/// The header of `sheet`: the first row holding every required column of `kind`. When no row
/// does, the error names the required columns missing from the row that came closest.
pub fn find_header(sheet: &Sheet, kind: Kind) -> Result<Columns, Vec<Field>> {
    let required = || kind.fields().iter().filter(|(_, r)| *r).map(|&(f, _)| f);
    let mut best: Option<Vec<Field>> = None;
    for (n, cells) in &sheet.rows {
        let cols = columns_of(kind, *n, cells);
        let missing: Vec<Field> = required().filter(|f| cols.index(*f).is_none()).collect();
        if missing.is_empty() {
            return Ok(cols);
        }
        if best.as_ref().is_none_or(|b| missing.len() < b.len()) {
            best = Some(missing);
        }
    }
    Err(best.unwrap_or_else(|| required().collect()))
}
