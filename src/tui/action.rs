//! What the user or a finished load asks the model to do.
//!
//! The variants a key can be bound to have snake_case names (`quit`, `filter_red`, …): they are the
//! names of the `[keys]` section of the configuration, and [`Action::BINDABLE`] lists them for the
//! help screen. The rest carry results back from the store and are never bound to keys.

use serde::Deserialize;
use tui_input::InputRequest;

use super::model::Tab;
use crate::domain::Role;

use super::model::{
    AuditEntry, MeetingClass, MeetingDetail, MeetingFilter, MeetingRow, MonthView, Overview,
    People, Period, Report, TaskDetail, TaskRow, UnitDetail, UnitRow,
};

/// A request to the model. See the module documentation.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    GotoOverview,
    GotoTasks,
    GotoMeetings,
    GotoUnits,
    GotoReports,
    GotoCalendar,
    GotoAudit,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selection: follow its main link (task → meeting, meeting → its tasks, …).
    Open,
    /// Go to the selected task's lead unit.
    OpenUnit,
    /// Back to where the last link was followed from.
    Back,
    Help,
    Filter,
    Command,
    FilterRed,
    FilterYellow,
    FilterGreen,
    ClearFilter,
    CycleSort,
    DetailDown,
    DetailUp,
    Refresh,
    /// Add a record of the kind the tab lists (a meeting plan, tasks, a unit).
    Add,
    /// Edit the selected record.
    EditRecord,
    /// The selected unit's short forms (简称): list, add, remove (issue 18 point 5).
    Aliases,
    /// The workflow steps for the selection.
    Steps,
    /// R5.3: a progress report on the selected or marked tasks.
    Progress,
    /// 办结: the selected or marked tasks are done.
    Done,
    /// R5.5: a written explanation with a promised date.
    Explain,
    /// R5.6: a notified criticism.
    Criticise,
    /// Mark or unmark the selected task for one action on several.
    Mark,
    /// Clear every mark.
    ClearMarks,
    /// Revert my own last change (a new, audited change); one that removes a record asks first.
    Undo,
    /// Make again what the last undo reverted, while no new change came between.
    Redo,
    /// Presentation mode: the report as full-screen slides, read-only.
    Present,
    /// Export what the tab shows to a file (the ledger, the report).
    Export,

    // Not bindable: keys, text editing, terminal events and results of commands.
    /// A key as read from the terminal, resolved against the mode when it is applied (not when it
    /// is read: keys typed ahead must see the mode the earlier keys left).
    #[serde(skip)]
    Key(ratatui::crossterm::event::KeyEvent),
    #[serde(skip)]
    Edit(InputRequest),
    #[serde(skip)]
    Paste(String),
    #[serde(skip)]
    Submit,
    /// The answer to a question on the status line (y: true).
    #[serde(skip)]
    Confirm(bool),
    #[serde(skip)]
    Cancel,
    #[serde(skip)]
    Resize(u16, u16),
    #[serde(skip)]
    DataChanged,
    #[serde(skip)]
    Loaded(Box<Loaded>),
    #[serde(skip)]
    Failed(String),
    #[serde(skip)]
    WriteFailed(Box<WriteFailure>),
}

/// A save the store refused.
#[derive(Debug, Clone)]
pub struct WriteFailure {
    pub message: String,
    /// The form field the refusal names.
    pub field: Option<String>,
    /// Someone else saved the record since the form was filled.
    pub conflict: bool,
    /// Not refused but asked: the message is a question, and yes saves again confirmed.
    pub ask: bool,
}

/// A save the store made.
#[derive(Debug, Clone)]
pub struct Saved {
    pub message: String,
    pub created: Vec<i64>,
    /// How many changes an undo reverted, or a redo made again (0 for a save).
    pub undone: usize,
    pub redone: usize,
    /// How many records a form of several rows wrote as one step (0 for other saves).
    pub together: usize,
}

impl Action {
    /// The role the action needs on `tab`: the units' records take an admin, the rest of the
    /// editing an editor, everything else (reading, reports, export, presenting) anyone.
    pub fn needs(&self, tab: Tab) -> Role {
        match self {
            Action::Add | Action::EditRecord if tab == Tab::Units => Role::Admin,
            Action::Aliases => Role::Admin,
            Action::Add
            | Action::EditRecord
            | Action::Steps
            | Action::Progress
            | Action::Done
            | Action::Explain
            | Action::Criticise
            | Action::Mark
            | Action::ClearMarks
            | Action::Undo
            | Action::Redo
            | Action::Confirm(_) => Role::Editor,
            _ => Role::Viewer,
        }
    }

    /// Every action a key may be bound to, in the order the help screen lists them.
    pub const BINDABLE: &'static [Action] = &[
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Left,
        Action::Right,
        Action::Open,
        Action::OpenUnit,
        Action::Add,
        Action::EditRecord,
        Action::Aliases,
        Action::Steps,
        Action::Progress,
        Action::Done,
        Action::Explain,
        Action::Criticise,
        Action::Mark,
        Action::ClearMarks,
        Action::Undo,
        Action::Redo,
        Action::Present,
        Action::Export,
        Action::Back,
        Action::Filter,
        Action::FilterRed,
        Action::FilterYellow,
        Action::FilterGreen,
        Action::ClearFilter,
        Action::CycleSort,
        Action::DetailDown,
        Action::DetailUp,
        Action::Command,
        Action::NextTab,
        Action::PrevTab,
        Action::GotoOverview,
        Action::GotoTasks,
        Action::GotoMeetings,
        Action::GotoUnits,
        Action::GotoReports,
        Action::GotoCalendar,
        Action::GotoAudit,
        Action::Refresh,
        Action::Help,
        Action::Quit,
    ];

    /// The configuration name of a bindable action.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextTab => "next_tab",
            Action::PrevTab => "prev_tab",
            Action::GotoOverview => "goto_overview",
            Action::GotoTasks => "goto_tasks",
            Action::GotoMeetings => "goto_meetings",
            Action::GotoUnits => "goto_units",
            Action::GotoReports => "goto_reports",
            Action::GotoCalendar => "goto_calendar",
            Action::GotoAudit => "goto_audit",
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left",
            Action::Right => "right",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::OpenUnit => "open_unit",
            Action::Back => "back",
            Action::Help => "help",
            Action::Filter => "filter",
            Action::Command => "command",
            Action::FilterRed => "filter_red",
            Action::FilterYellow => "filter_yellow",
            Action::FilterGreen => "filter_green",
            Action::ClearFilter => "clear_filter",
            Action::CycleSort => "cycle_sort",
            Action::DetailDown => "detail_down",
            Action::DetailUp => "detail_up",
            Action::Refresh => "refresh",
            Action::Add => "add",
            Action::EditRecord => "edit",
            Action::Aliases => "aliases",
            Action::Steps => "steps",
            Action::Progress => "progress",
            Action::Done => "done",
            Action::Explain => "explain",
            Action::Criticise => "criticise",
            Action::Mark => "mark",
            Action::ClearMarks => "clear_marks",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Present => "present",
            Action::Export => "export",
            _ => "",
        }
    }
}

/// The result of a command against the store.
#[derive(Debug, Clone)]
pub enum Loaded {
    Overview(Overview),
    /// A report and when it was taken.
    Report(Box<Report>, String),
    ReportMeetings(Period, MeetingClass, std::sync::Arc<[i64]>),
    /// What `x` wrote: a file, or a directory and how many files went into it.
    Exported(std::path::PathBuf, usize),
    /// A window of the ledger `filter` selects: rows from `offset` of `total`, and where the
    /// cursor now stands.
    Tasks {
        filter: Box<crate::store::TaskFilter>,
        /// Counted only to `total`: the list goes on.
        more: bool,
        offset: usize,
        total: usize,
        cursor: usize,
        rows: Vec<TaskRow>,
    },
    TaskDetail(Box<TaskDetail>),
    /// The marked tasks' rows, for the step's form to open on.
    Marked(Vec<TaskRow>, super::workflow::FormKind),
    Meetings {
        /// The filter the window was read with.
        filter: Box<MeetingFilter>,
        offset: usize,
        total: usize,
        cursor: usize,
        rows: Vec<MeetingRow>,
    },
    MeetingDetail(Box<MeetingDetail>),
    Units(Vec<UnitRow>),
    UnitDetail(Box<UnitDetail>),
    Month(MonthView),
    People(People),
    Saved(Saved),
    Audit {
        offset: usize,
        total: usize,
        cursor: usize,
        rows: Vec<AuditEntry>,
    },
    /// The change `u` would revert (none: nothing to undo).
    UndoPeek(Vec<super::model::UndoPeek>),
}
