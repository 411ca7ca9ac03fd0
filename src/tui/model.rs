//! Everything on screen, as plain data: the active tab, each list's window and selection (by record
//! id), the filters, the loaded details, the mode and the text being typed. `update` changes it,
//! `views` draw it; neither touches the database.

use chrono::NaiveDate;

use crate::domain::Role;
use tui_input::Input;

pub use crate::calendar::Calendar;
pub use crate::calendar::DayOff;
pub use crate::domain::{
    AttendanceOutcome, ExemptCategory, Leader, LeaderTitle, Light, Limit, MeetingClass, Minutes,
    Period, PeriodKind, ReferralStatus, Report, TaskClass, TaskSlice, TaskState, Thresholds, Unit,
    UnitKind,
};
pub use crate::i18n::Lang;
pub use crate::store::{
    AuditEntry, FeedbackAnswer, MeetingDetail, MeetingFilter, MeetingRow, MeetingScope,
    NewCriticism, NewMeeting, NewTask, NewUnit, Overview, ReferralStep, TaskDetail, TaskFilter,
    TaskRow, TaskSort, UndoPeek, UnitDetail, UnitRow,
};

use std::collections::BTreeSet;
use std::sync::Arc;

use super::form::Form;
use super::workflow::MenuItem;

mod describe;
mod queries;
mod reports;
mod window;

pub use queries::{MeetingQuery, TaskQuery, UnitQuery};
pub use reports::{Drill, ReportLine, Reports, Slide, Tone, lines};
pub use window::{Keyed, Window};

use super::keymap::Keymap;
use super::theme::Theme;

/// The screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Overview,
    Tasks,
    Meetings,
    Units,
    Reports,
    Calendar,
    Audit,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Tasks,
        Tab::Meetings,
        Tab::Units,
        Tab::Reports,
        Tab::Calendar,
        Tab::Audit,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab `step` places after this one, wrapping around.
    pub fn step(self, step: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + step).rem_euclid(n) as usize]
    }
}

/// What keys do at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing the `/` filter: it applies as it is typed.
    Filter,
    /// Typing a `:` command.
    Command,
    Help,
    /// A form is open: keys go to its fields.
    Form,
    /// The list of workflow steps for the selection.
    Menu,
    /// Presentation: read-only slides of the report, full screen.
    Present,
}

/// One day of the month view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCell {
    pub date: NaiveDate,
    pub workday: bool,
    /// A listed day off or make-up working day, with its holiday's name.
    pub listed: Option<(DayOff, String)>,
}

/// A month of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthView {
    pub year: i32,
    pub month: u32,
    pub days: Vec<DayCell>,
    /// The year has no holiday notice: Monday–Friday is assumed.
    pub provisional: bool,
}

/// A figure of the overview; each leads to the list it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Red,
    Yellow,
    ExplanationsDue,
    PromisesDue,
    CriticismsDue,
    MinutesOverdue,
    FeedbackWaiting,
    ReferralsDue,
}

impl Figure {
    pub const ALL: [Figure; 8] = [
        Figure::Red,
        Figure::Yellow,
        Figure::ExplanationsDue,
        Figure::PromisesDue,
        Figure::CriticismsDue,
        Figure::MinutesOverdue,
        Figure::FeedbackWaiting,
        Figure::ReferralsDue,
    ];

    /// The figure's value in an overview.
    pub fn value(self, o: &Overview) -> i64 {
        match self {
            Figure::Red => o.red,
            Figure::Yellow => o.yellow,
            Figure::ExplanationsDue => o.explanations_due,
            Figure::PromisesDue => o.promises_due_this_week,
            Figure::CriticismsDue => o.criticisms_due,
            Figure::MinutesOverdue => o.minutes_overdue,
            Figure::FeedbackWaiting => o.feedback_waiting,
            Figure::ReferralsDue => o.referrals_due,
        }
    }
}

/// A screen the user can come back to with `back`.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub tab: Tab,
    pub tasks: TaskQuery,
    pub task: Option<i64>,
    pub meetings: MeetingQuery,
    pub meeting: Option<i64>,
    pub units: UnitQuery,
    pub unit: Option<i64>,
}

/// A jump of the command line that waits for a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Task(i64),
    Meeting(i64),
    Unit(String),
}

/// A line for the user under the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

/// Every unit and county leader, for pickers and the forms that edit them.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub units: Vec<Unit>,
    pub leaders: Vec<Leader>,
    /// Asked for (the answer may still be on its way).
    pub loaded: bool,
}

/// The workflow steps offered for the selection (`m`).
#[derive(Debug, Clone)]
pub struct Menu {
    pub title: String,
    pub items: Vec<(String, MenuItem)>,
    pub cursor: usize,
}

/// A question on the status line, answered with y or n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Undoing changes `audit_ids` (newest first) removes records: the question names them.
    Undo {
        audit_ids: Vec<i64>,
        question: String,
    },
}

/// The whole state of the TUI.
#[derive(Debug)]
pub struct Model {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The rule thresholds in force (for the words that explain a light).
    pub thresholds: Thresholds,
    pub theme: Theme,
    /// The body that receives referrals, as named on screen and in documents.
    pub referral_body: String,
    pub keymap: Keymap,
    /// The database, as named on screen.
    pub db_label: String,
    /// What this account may do: a viewer's screens offer no editing keys.
    pub role: Role,
    /// The account's role without the session's limit (`--read-only`): a refusal says which
    /// stood in the way.
    pub own_role: Role,
    pub width: u16,
    pub height: u16,
    pub tab: Tab,
    pub mode: Mode,
    /// The text field of the filter and command modes.
    pub input: Input,
    /// The command line's last text, kept when it is closed with Esc.
    pub command_draft: String,
    pub overview: Option<Overview>,
    /// The overview's selected figure.
    pub overview_cursor: usize,
    pub tasks: Window<TaskRow>,
    /// The filter the loaded ledger window was read with.
    pub tasks_filter: Option<TaskFilter>,
    /// The filter the meetings window on screen was read with (see `tasks_filter`).
    pub meetings_filter: Option<MeetingFilter>,
    pub task_query: TaskQuery,
    pub task_detail: Option<TaskDetail>,
    pub meetings: Window<MeetingRow>,
    pub meeting_query: MeetingQuery,
    pub meeting_detail: Option<MeetingDetail>,
    pub all_units: Vec<UnitRow>,
    pub units: Window<UnitRow>,
    pub unit_query: UnitQuery,
    pub unit_detail: Option<UnitDetail>,
    pub month: Option<MonthView>,
    pub calendar_cursor: NaiveDate,
    pub audit: Window<AuditEntry>,
    /// Lines the detail pane is scrolled by.
    pub detail_scroll: u16,
    pub back: Vec<Location>,
    pub status: Option<Status>,
    pub help_scroll: u16,
    /// A `:` jump waiting for its load, to report a record that is not there.
    pub pending: Option<Pending>,
    /// The working calendar, for dates typed as `+N` and the clocks beside form fields.
    pub calendar: Arc<Calendar>,
    pub people: People,
    /// The open form (mode `Form`).
    pub form: Option<Form>,
    pub menu: Option<Menu>,
    /// An undo was just made: redo is offered in the key hints.
    pub can_redo: bool,
    /// How many changes the last write made together (a step on several tasks), which `u`
    /// undoes as one; and how many the last undo reverted, which `Ctrl-R` makes again.
    pub undo_batch: usize,
    pub redo_batch: usize,
    /// A question waiting for y or n (keys answer it before anything else).
    pub ask: Option<Ask>,
    /// Tasks marked with `v` for one action on all of them.
    pub marked: BTreeSet<i64>,
    /// The marked tasks' rows as loaded when a step was opened on them: marks are made across
    /// filters and pages, so some may be outside the ledger's loaded window.
    pub marked_rows: Vec<TaskRow>,
    /// The reports tab and presentation mode.
    pub reports: Reports,
    /// Where `x` writes its files.
    pub export_dir: std::path::PathBuf,
    pub quit: bool,
}

impl Model {
    pub fn new(
        lang: Lang,
        today: NaiveDate,
        theme: Theme,
        keymap: Keymap,
        db_label: String,
    ) -> Self {
        Model {
            lang,
            today,
            thresholds: Thresholds::default(),
            referral_body: crate::i18n::referral_body(lang, None),
            theme,
            keymap,
            db_label,
            role: Role::Admin,
            own_role: Role::Admin,
            width: 80,
            height: 24,
            tab: Tab::Overview,
            mode: Mode::Normal,
            input: Input::default(),
            command_draft: String::new(),
            overview: None,
            overview_cursor: 0,
            tasks: Window::default(),
            tasks_filter: None,
            meetings_filter: None,
            task_query: TaskQuery::default(),
            task_detail: None,
            meetings: Window::default(),
            meeting_query: MeetingQuery::default(),
            meeting_detail: None,
            all_units: Vec::new(),
            units: Window::default(),
            unit_query: UnitQuery::default(),
            unit_detail: None,
            month: None,
            calendar_cursor: today,
            audit: Window::default(),
            detail_scroll: 0,
            back: Vec::new(),
            status: None,
            help_scroll: 0,
            pending: None,
            calendar: Arc::new(Calendar::builtin()),
            people: People::default(),
            form: None,
            menu: None,
            ask: None,
            can_redo: false,
            undo_batch: 1,
            redo_batch: 1,
            marked: BTreeSet::new(),
            marked_rows: Vec::new(),
            reports: Reports::default(),
            export_dir: std::path::PathBuf::from("."),
            quit: false,
        }
    }

    /// Where the user is now, to come back to.
    pub fn location(&self) -> Location {
        Location {
            tab: self.tab,
            tasks: self.task_query.clone(),
            task: self.tasks.selected,
            meetings: self.meeting_query.clone(),
            meeting: self.meetings.selected,
            units: self.unit_query.clone(),
            unit: self.units.selected,
        }
    }
}
