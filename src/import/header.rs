//! Finding the header row and the columns by name: Chinese, English (the exporter's column names,
//! from the catalogue in both languages) and a few common variants. A title row above the header
//! ("督办事项台账 …") is passed over: the header is the first row holding every required column.

use super::read::Sheet;
use crate::i18n::{Lang, Msg};

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
                (CoUnits, false),
                (Leader, false),
                (Limit, false),
                (CompletedOn, false),
            ],
        }
    }
}

impl Field {
    /// The column's name as duban shows (and the exporter writes) it.
    pub fn label(self) -> Msg {
        match self {
            Field::UnitName => Msg::ColUnit,
            Field::UnitKind => Msg::ColKind,
            Field::MainLeader => Msg::ColMainLeader,
            Field::Contact => Msg::ColContact,
            Field::LeaderName => Msg::ColName,
            Field::Title => Msg::ColTitle,
            Field::Liaison => Msg::ColLiaison,
            Field::Task => Msg::ColTask,
            Field::Lead => Msg::ColLead,
            Field::CoUnits => Msg::ColCo,
            Field::MeetingDate => Msg::ColMeetingDate,
            Field::Topic => Msg::ColMeetingTopic,
            Field::Leader => Msg::ColLeader,
            Field::Limit => Msg::ColDue,
            Field::CompletedOn => Msg::ColCompletedOn,
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
        }
    }

    /// Whether header cell `h` names this column.
    fn matches(self, h: &str) -> bool {
        let h = norm(h);
        !h.is_empty()
            && (norm(Lang::Zh.t(self.label())) == h
                || norm(Lang::En.t(self.label())) == h
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
