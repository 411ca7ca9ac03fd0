//! The calendar tab: moving the day under the cursor, and the month it belongs to.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::super::action::Action;
use super::super::command::Command;
use super::super::model::Model;
use super::lists::ensure_loaded;

pub(super) fn load_month(m: &Model) -> Command {
    Command::LoadMonth(m.calendar_cursor.year(), m.calendar_cursor.month())
}

/// Moves the day under the cursor (a week up or down, a day left or right, a month a page),
/// within the years the calendar knows.
pub(super) fn move_day(m: &mut Model, action: &Action) -> Vec<Command> {
    let d = m.calendar_cursor;
    let first = d.with_day(1).unwrap_or(d);
    let next = match action {
        Action::Up => d.checked_sub_signed(Duration::days(7)),
        Action::Down => d.checked_add_signed(Duration::days(7)),
        Action::Left => d.pred_opt(),
        Action::Right => d.succ_opt(),
        Action::PageUp => d.checked_sub_months(Months::new(1)),
        Action::PageDown => d.checked_add_months(Months::new(1)),
        Action::Top => Some(first),
        Action::Bottom => first
            .checked_add_months(Months::new(1))
            .and_then(|n| n.pred_opt()),
        _ => None,
    };
    let lo = NaiveDate::from_ymd_opt(crate::calendar::FIRST_INPUT_YEAR, 1, 1);
    let hi = NaiveDate::from_ymd_opt(crate::calendar::LAST_INPUT_YEAR, 12, 31);
    if let Some(n) = next.filter(|n| Some(*n) >= lo && Some(*n) <= hi) {
        m.calendar_cursor = n;
    }
    ensure_loaded(m)
}
