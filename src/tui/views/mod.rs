//! Drawing: pure functions of the model onto a frame. No I/O, no clock, no database.

mod audit;
mod calendar;
mod chrome;
mod form;
mod meetings;
mod menu;
mod overview;
mod present;
mod reports;
mod tasks;
mod units;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, table_rows};
use super::model::{Keyed, Mode, Model, Tab, Window};
use super::widgets::{Column, DataTable, Detail};
use crate::i18n::Ui;

/// Draws the whole screen.
pub fn render(m: &Model, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(m, f, area);
        return;
    }
    if m.mode == Mode::Present {
        present::render(m, f, area);
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
    if m.mode == Mode::Form || (m.mode == Mode::Help && m.form.is_some()) {
        form::render(m, f, body);
    }
    if m.mode == Mode::Menu {
        menu::render(m, f, body);
    }
    if m.mode == Mode::Help {
        chrome::help(m, f, area);
    }
}

/// The label of a tab.
pub fn tab_title(m: &Model, tab: Tab) -> &'static str {
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
        let more = if w.more { "+" } else { "" };
        format!("{}/{}{more}", w.cursor + 1, w.total)
    }
}

/// A tab's list: the rows of its window that are on screen, as a table titled with the tab.
pub fn list<T: Keyed>(
    m: &Model,
    f: &mut Frame,
    area: Rect,
    w: &Window<T>,
    columns: Vec<Column>,
    cells: impl Fn(&T) -> Vec<(String, Style)>,
) {
    let visible = table_rows(area);
    let rows: Vec<_> = (w.top..(w.top + visible).min(w.total))
        .filter_map(|i| w.row(i))
        .map(cells)
        .collect();
    let title = Line::from(vec![
        Span::styled(format!(" {} ", tab_title(m, m.tab)), m.theme.title()),
        Span::styled(format!("{} ", position(w)), m.theme.muted()),
    ]);
    DataTable {
        title,
        columns,
        rows,
        selected: (w.total > 0).then(|| w.cursor.saturating_sub(w.top)),
        empty: m
            .lang
            .ui(if w.loaded { Ui::NoRows } else { Ui::Loading })
            .into(),
        theme: m.theme,
    }
    .render(f, area);
}

/// The detail pane: what `fill` writes about the selection, or a hint when there is none.
pub fn detail(m: &Model, f: &mut Frame, area: Rect, fill: Option<impl FnOnce(&mut Detail)>) {
    let title = Line::from(Span::styled(
        format!(" {} ", m.lang.ui(Ui::DetailTitle)),
        m.theme.title(),
    ));
    let mut d = Detail::new(m.theme, m.lang);
    match fill {
        Some(fill) => {
            fill(&mut d);
            d.render(f, area, title, m.detail_scroll);
        }
        None => {
            d.text(m.lang.ui(Ui::SelectHint));
            d.render(f, area, title, 0);
        }
    }
}
