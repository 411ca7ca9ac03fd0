//! The calendar: a month, days off and make-up working days marked, provisional years flagged.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::model::{DayOff, Model};
use super::super::widgets::fit;
use crate::i18n::{Lang, Ui};

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let Some(month) = &m.month else {
        f.render_widget(Paragraph::new(l.ui(Ui::Loading)), area);
        return;
    };
    let title = match l {
        Lang::Zh => format!(" {}年{}月 ", month.year, month.month),
        Lang::En => format!(" {}-{:02} ", month.year, month.month),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(title, m.theme.title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [grid, notes] =
        Layout::horizontal([Constraint::Length(44), Constraint::Min(10)]).areas(inner);

    // Seven columns of six cells: the day number and its mark.
    const CELL: usize = 6;
    let mut lines = Vec::new();
    let names: Vec<char> = l.ui(Ui::Weekdays).chars().collect();
    let header: Vec<Span> = names
        .iter()
        .map(|c| {
            // Over the day numbers: a Chinese weekday is two cells wide, a letter one.
            let cell = if c.is_ascii() {
                format!("  {c}   ")
            } else {
                format!(" {c}   ")
            };
            Span::styled(cell, m.theme.header())
        })
        .collect();
    lines.push(Line::from(header));
    let mut week: Vec<Span> = Vec::new();
    let lead = month
        .days
        .first()
        .map_or(0, |d| d.date.weekday().num_days_from_monday() as usize);
    for _ in 0..lead {
        week.push(Span::raw(" ".repeat(CELL)));
    }
    for day in &month.days {
        let (mark, style) = match &day.listed {
            Some((DayOff::Off, _)) => (l.ui(Ui::MarkOff), m.theme.day_off()),
            Some((DayOff::Work, _)) => (l.ui(Ui::MarkWork), m.theme.make_up()),
            None if !day.workday => ("", m.theme.muted()),
            None => ("", Style::new()),
        };
        let mark = match (l, mark.is_empty()) {
            (_, true) => "  ".to_string(),
            (Lang::Zh, false) => mark.to_string(),
            (Lang::En, false) => format!("{:<2}", &mark[..1]),
        };
        let text = format!("{:>3}{mark} ", day.date.day());
        let style = if day.date == m.calendar_cursor {
            style.patch(m.theme.selected())
        } else {
            style
        };
        week.push(Span::styled(text, style));
        if day.date.weekday().num_days_from_monday() == 6 {
            lines.push(Line::from(std::mem::take(&mut week)));
        }
    }
    if !week.is_empty() {
        lines.push(Line::from(week));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(l.ui(Ui::CalHint), m.theme.muted())));
    f.render_widget(Paragraph::new(lines), grid);

    let w = usize::from(notes.width);
    // The legend is read whole: wrapped where the pane is narrow.
    let mut notes_lines = crate::tui::widgets::wrap::wrap_line(
        &Line::from(Span::styled(l.ui(Ui::CalLegend), m.theme.muted())),
        w,
    );
    if month.provisional {
        notes_lines.push(Line::from(Span::styled(
            fit(&l.ui_fill(Ui::CalProvisional, &[&month.year]), w),
            m.theme.warn(),
        )));
    }
    notes_lines.push(Line::default());
    for day in month.days.iter().filter(|d| d.listed.is_some()) {
        if let Some((off, name)) = &day.listed {
            let (kind, style) = match off {
                DayOff::Off => (l.t(crate::i18n::Msg::DayOff), m.theme.day_off()),
                DayOff::Work => (l.t(crate::i18n::Msg::DayWork), m.theme.make_up()),
            };
            notes_lines.push(Line::from(Span::styled(
                fit(&format!("{} {name} {kind}", day.date.format("%m-%d")), w),
                style,
            )));
        }
    }
    f.render_widget(Paragraph::new(notes_lines), notes);
}
