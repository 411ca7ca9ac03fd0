//! Drawing: pure functions of the model onto a frame. No I/O, no clock, no database.

mod audit;
mod calendar;
mod chrome;
mod meetings;
mod overview;
mod reports;
mod tasks;
mod units;

use ratatui::Frame;

use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::model::{Mode, Model, Tab};

/// Draws the whole screen.
pub fn render(m: &Model, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(m, f, area);
        return;
    }
    let (header, body, footer) = layout::frame(area);
    chrome::header(m, f, header);
    match m.tab {
        Tab::Overview => overview::render(m, f, body),
        Tab::Tasks => tasks::render(m, f, body),
        Tab::Meetings => meetings::render(m, f, body),
        Tab::Units => units::render(m, f, body),
        Tab::Reports => reports::render(m, f, body),
        Tab::Calendar => calendar::render(m, f, body),
        Tab::Audit => audit::render(m, f, body),
    }
    chrome::footer(m, f, footer);
    if m.mode == Mode::Help {
        chrome::help(m, f, area);
    }
}

/// The label of a tab.
pub fn tab_title(m: &Model, tab: Tab) -> &'static str {
    use crate::i18n::Ui;
    m.lang.ui(match tab {
        Tab::Overview => Ui::TabOverview,
        Tab::Tasks => Ui::TabTasks,
        Tab::Meetings => Ui::TabMeetings,
        Tab::Units => Ui::TabUnits,
        Tab::Reports => Ui::TabReports,
        Tab::Calendar => Ui::TabCalendar,
        Tab::Audit => Ui::TabAudit,
    })
}

/// A date where space is short: `11月25日`, or `11-25` in English.
pub fn short_date(lang: crate::i18n::Lang, d: chrono::NaiveDate) -> String {
    match lang {
        crate::i18n::Lang::Zh => d.format("%-m月%-d日").to_string(),
        crate::i18n::Lang::En => d.format("%m-%d").to_string(),
    }
}

/// "n/total" for a list's title.
pub fn position<T>(w: &super::model::Window<T>) -> String {
    if w.total == 0 {
        "0/0".to_string()
    } else {
        format!("{}/{}", w.cursor + 1, w.total)
    }
}
