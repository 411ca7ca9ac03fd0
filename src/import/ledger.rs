//! Checking a task ledger (台账) row by row, and the plan of what importing its good rows creates:
//! the missing units (kind other), leaders (deputy head) and meetings (matched by meeting date and
//! first topic), and the tasks.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::header::{Field, Kind};
use super::{Checked, Existing, FileError, Problem, Sheet, cells, data_rows, is_totals};
use crate::domain::{DateError, Limit};
use crate::store::{LedgerPlan, MeetingRef, PlannedMeeting, PlannedTask};

/// One good row of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub text: String,
    pub lead_unit: String,
    pub co_units: Vec<String>,
    pub meeting_date: NaiveDate,
    /// The meeting's topics (the first one identifies the meeting with its date).
    pub topics: Vec<String>,
    pub leader: Option<String>,
    pub limit: Limit,
    pub completed_on: Option<NaiveDate>,
}

fn date_cell(
    cell: &str,
    field: Field,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    if cell.is_empty() {
        return None;
    }
    cells::date(cell, today)
        .map_err(|e| {
            let value = match e {
                DateError::Unrecognised(s) | DateError::OutOfRange(s) => s,
                DateError::AfterToday { date, .. } => date.to_string(),
            };
            problems.push(Problem::BadDate { field, value });
        })
        .ok()
}

/// Checks every data row of a ledger against the file and the database. A task whose meeting
/// (by date and first topic) already has a task of the same text and lead unit is refused, so that
/// importing a ledger twice does not double it.
pub fn check_ledger(
    sheet: &Sheet,
    db: &Existing,
    today: NaiveDate,
) -> Result<Checked<LedgerRow>, FileError> {
    let (cols, rows) = data_rows(sheet, Kind::Ledger)?;
    let mut out = Checked::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, row) in rows {
        if is_totals(row) {
            out.totals.push(*n);
            continue;
        }
        let mut problems = Vec::new();
        let cell = |f| cols.cell(row, f);
        let text = cells::text(cell(Field::Task));
        let lead = cells::text(cell(Field::Lead));
        let topics = cells::topics(cell(Field::Topic));
        for (blank, field) in [
            (text.is_empty(), Field::Task),
            (lead.is_empty(), Field::Lead),
            (cell(Field::MeetingDate).is_empty(), Field::MeetingDate),
            (topics.is_empty(), Field::Topic),
        ] {
            if blank {
                problems.push(Problem::Empty(field));
            }
        }
        let mut unique = Vec::new();
        for c in cells::list(cell(Field::CoUnits)) {
            if !unique.contains(&c) {
                unique.push(c);
            }
        }
        if !lead.is_empty() && unique.contains(&lead) {
            problems.push(Problem::LeadIsCo(lead.clone()));
        }
        if db.unit(&lead).is_some_and(|u| !u.active) {
            problems.push(Problem::InactiveUnit(lead.clone()));
        }
        let meeting_date = date_cell(
            cell(Field::MeetingDate),
            Field::MeetingDate,
            today,
            &mut problems,
        );
        let limit = cells::limit(cell(Field::Limit), today);
        if limit.is_none() {
            problems.push(Problem::BadLimit(cells::text(cell(Field::Limit))));
        }
        // Time runs one way, as the store will check: a limit not before its meeting.
        if let (Some(crate::domain::Limit::Date(due)), Some(m)) = (limit, meeting_date)
            && let Err(o) = crate::domain::order::limit(m, due)
        {
            problems.push(Problem::OutOfOrder(o));
        }
        let completed_on = date_cell(
            cell(Field::CompletedOn),
            Field::CompletedOn,
            today,
            &mut problems,
        );
        if let Some(done) = completed_on {
            if meeting_date.is_some_and(|m| done < m) {
                problems.push(Problem::CompletedBeforeMeeting);
            }
            if done > today {
                problems.push(Problem::CompletedAfterToday);
            }
        }
        let (Some(meeting_date), Some(limit), true) = (meeting_date, limit, problems.is_empty())
        else {
            out.reject(*n, problems);
            continue;
        };
        let first = topics.first().cloned().unwrap_or_default();
        if let Some(m) = db.meeting(meeting_date, &first)
            && db
                .tasks
                .iter()
                .any(|t| t.meeting_id == m.id && t.text == text && t.lead_unit == lead)
        {
            out.reject(*n, vec![Problem::TaskExists(m.id)]);
            continue;
        }
        let leader = cells::text(cell(Field::Leader));
        let row = LedgerRow {
            text,
            lead_unit: lead,
            co_units: unique,
            meeting_date,
            topics,
            leader: (!leader.is_empty()).then_some(leader),
            limit,
            completed_on,
        };
        // A meeting may give one unit the same task twice (other co-units, another limit); a row
        // repeating another in every cell is a duplicate.
        let mut sorted = row.co_units.clone();
        sorted.sort();
        let key = format!(
            "{:?}",
            LedgerRow {
                co_units: sorted,
                ..row.clone()
            }
        );
        if let Some(first) = seen.get(&key) {
            out.reject(*n, vec![Problem::DuplicateOf(*first)]);
            continue;
        }
        seen.insert(key, *n);
        out.good.push((*n, row));
    }
    Ok(out)
}

/// What importing `rows` creates: the units and leaders not in the database, the meetings not in
/// it (by meeting date and first topic), and the tasks.
pub fn plan(rows: &[(usize, LedgerRow)], db: &Existing) -> LedgerPlan {
    let mut plan = LedgerPlan::default();
    let mut new_meetings: HashMap<(NaiveDate, String), usize> = HashMap::new();
    for (n, r) in rows {
        for unit in std::iter::once(&r.lead_unit).chain(&r.co_units) {
            if db.unit(unit).is_none() && !plan.units.contains(unit) {
                plan.units.push(unit.clone());
            }
        }
        if let Some(l) = &r.leader
            && db.leader(l).is_none()
            && !plan.leaders.contains(l)
        {
            plan.leaders.push(l.clone());
        }
        let first = r.topics.first().cloned().unwrap_or_default();
        let meeting = match db.meeting(r.meeting_date, &first) {
            Some(m) => MeetingRef::Existing(m.id),
            None => {
                let i = *new_meetings
                    .entry((r.meeting_date, first))
                    .or_insert_with(|| {
                        plan.meetings.push(PlannedMeeting {
                            date: r.meeting_date,
                            topics: r.topics.clone(),
                        });
                        plan.meetings.len() - 1
                    });
                MeetingRef::New(i)
            }
        };
        plan.tasks.push(PlannedTask {
            row: *n,
            meeting,
            text: r.text.clone(),
            lead_unit: r.lead_unit.clone(),
            co_units: r.co_units.clone(),
            leader: r.leader.clone(),
            limit: r.limit,
            completed_on: r.completed_on,
        });
    }
    plan
}
