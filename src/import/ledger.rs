//! Checking a task ledger (台账) row by row: the columns `crate::exchange::Col` names (an export
//! of duban reads back whole), or any ledger with at least the task, its lead unit, and its
//! meeting's date and topic. What importing the good rows creates is planned in
//! [`super::assemble`].

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::header::{Field, Kind};
use super::{Checked, Existing, FileError, Problem, Sheet, cells, data_rows, is_totals, rules};
use crate::domain::{DateError, LeaderTitle, Limit, TaskState, TextField, UnitKind};
use crate::exchange::lines::CriticismLine;
use crate::i18n::Lang;
use crate::store::PlannedExplanation;
pub use record_cells::records_in_order;
use record_cells::{RowRecords, row_records};

mod record_cells;

/// What importing `rows` alone creates (a ledger without record sheets): see
/// [`super::assemble::assemble`].
pub fn plan(rows: &[(usize, LedgerRow)], db: &Existing) -> crate::store::LedgerPlan {
    super::assemble::assemble(rows, &super::records::Records::default(), db).0
}

/// One good row of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    /// The task's id in the file (its 编号), a key within the file.
    pub key: Option<i64>,
    pub text: String,
    pub lead_unit: String,
    /// The lead unit's kind, when the file says it.
    pub lead_kind: Option<UnitKind>,
    pub co_units: Vec<String>,
    /// The meeting's id in the file, a key within the file.
    pub meeting_key: Option<i64>,
    pub meeting_date: NaiveDate,
    /// The meeting's topics (the first one identifies the meeting with its date).
    pub topics: Vec<String>,
    /// The day the meeting's minutes were issued (a default limit runs from it).
    pub issued_on: Option<NaiveDate>,
    /// The row says its meeting's minutes are awaited (状态 待纪要印发) and gives no issue date:
    /// the default limit will count from the minutes, not 时限未定.
    pub minutes_awaited: bool,
    pub leader: Option<String>,
    pub leader_title: Option<LeaderTitle>,
    pub limit: Limit,
    pub completed_on: Option<NaiveDate>,
    pub completion_note: Option<String>,
    /// Progress reports, explanations, criticisms and waivers (date, reason) from the record
    /// columns, in the file's order.
    pub progress: Vec<(NaiveDate, String)>,
    pub explanations: Vec<PlannedExplanation>,
    pub criticisms: Vec<CriticismLine>,
    pub waivers: Vec<(NaiveDate, String)>,
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

fn id_cell(cell: &str, field: Field, problems: &mut Vec<Problem>) -> Option<i64> {
    if cell.is_empty() {
        return None;
    }
    let n = cell.trim().parse::<i64>().ok().filter(|n| *n > 0);
    if n.is_none() {
        problems.push(Problem::BadNumber {
            field,
            value: cells::text(cell),
        });
    }
    n
}

/// The limit from the limit's kind (限期类型) and the limit's date (办理时限), or from the limit
/// cell alone when the file has no kind column (a date, blank, an exempt category, or the
/// ledger's own wording).
fn limit_of(kind: &str, date: &str, today: NaiveDate) -> Option<Limit> {
    let date = date.trim().trim_end_matches('*');
    if kind.trim().is_empty() {
        return cells::limit(date, today);
    }
    // An explicit date is in the date column; a default limit's date there is computed from the
    // minutes' issue date, and computed again.
    if cells::is_explicit(kind) {
        return cells::date(date, today).ok().map(Limit::Date);
    }
    cells::limit(kind, today)
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
    let mut keys: HashMap<i64, usize> = HashMap::new();
    let meetings: HashMap<(NaiveDate, &str), i64> = db
        .meetings
        .iter()
        .filter_map(|m| Some(((m.date, m.topics.first()?.as_str()), m.id)))
        .collect();
    let tasks: HashSet<(i64, &str, &str)> = db
        .tasks
        .iter()
        .map(|t| (t.meeting_id, t.text.as_str(), t.lead_unit.as_str()))
        .collect();
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
        let key = id_cell(cell(Field::TaskId), Field::TaskId, &mut problems);
        let meeting_key = id_cell(cell(Field::MeetingId), Field::MeetingId, &mut problems);
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
        let lead_kind = match cell(Field::LeadKind) {
            "" => None,
            k => {
                let kind = cells::kind(k);
                if kind.is_none() {
                    problems.push(Problem::UnknownKind(cells::text(k)));
                }
                kind
            }
        };
        let leader_title = match cell(Field::LeaderTitle) {
            "" => None,
            t => {
                let title = cells::title(t);
                if title.is_none() {
                    problems.push(Problem::UnknownTitle(cells::text(t)));
                }
                title
            }
        };
        let meeting_date = date_cell(
            cell(Field::MeetingDate),
            Field::MeetingDate,
            today,
            &mut problems,
        );
        let issued_on = date_cell(cell(Field::Issued), Field::Issued, today, &mut problems);
        // An issue date is a fact; the state beside it is computed from it, so it only speaks
        // where the date is blank.
        let minutes_awaited = issued_on.is_none() && says_minutes_awaited(cell(Field::State));
        let limit = limit_of(cell(Field::LimitKind), cell(Field::Limit), today);
        if limit.is_none() {
            let shown = [cell(Field::LimitKind), cell(Field::Limit)]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| cells::text(s))
                .collect::<Vec<_>>()
                .join(" ");
            problems.push(Problem::BadLimit(shown));
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
            if let Some(m) = meeting_date {
                problems.extend(rules::completion(m, done));
            }
            if done > today {
                problems.push(Problem::CompletedAfterToday);
            }
        }
        let RowRecords {
            progress,
            explanations,
            criticisms,
            waivers,
        } = row_records(&cols, row, today, &mut problems);
        let leader = cells::text(cell(Field::Leader));
        let note = cells::text(cell(Field::Note));
        // The texts within their limits, the records in time order, as the store will check.
        rules::texts(
            &mut problems,
            [
                (TextField::TaskText, Some(text.as_str())),
                (TextField::UnitName, Some(lead.as_str())),
                (TextField::LeaderName, Some(leader.as_str())),
                (TextField::Note, Some(note.as_str())),
            ]
            .into_iter()
            .chain(
                unique
                    .iter()
                    .map(|c| (TextField::UnitName, Some(c.as_str()))),
            )
            .chain(topics.iter().map(|t| (TextField::Topic, Some(t.as_str())))),
        );
        if let Some(m) = meeting_date {
            problems.extend(records_in_order(
                &rules::times(m, completed_on),
                &progress,
                &explanations,
                &waivers,
            ));
        }
        for c in &criticisms {
            problems.extend(rules::criticism(c.doc_no.as_deref(), c.reason.as_deref()));
        }
        let (Some(meeting_date), Some(limit), true) = (meeting_date, limit, problems.is_empty())
        else {
            out.reject(*n, problems);
            continue;
        };
        let first = topics.first().cloned().unwrap_or_default();
        if let Some(&m) = meetings.get(&(meeting_date, first.as_str()))
            && tasks.contains(&(m, text.as_str(), lead.as_str()))
        {
            out.reject(*n, vec![Problem::TaskExists(m)]);
            continue;
        }
        let row = LedgerRow {
            key,
            text,
            lead_unit: lead,
            lead_kind,
            co_units: unique,
            meeting_key,
            meeting_date,
            topics,
            issued_on,
            minutes_awaited,
            leader: (!leader.is_empty()).then_some(leader),
            leader_title,
            limit,
            completed_on,
            completion_note: (!note.is_empty()).then_some(note),
            progress,
            explanations,
            criticisms,
            waivers,
        };
        // A row whose id another row has is a duplicate; without ids, a row repeating another
        // in every cell is. (A meeting may give one unit the same task twice: the ledger's ids
        // tell them apart.)
        if let Some(k) = key {
            if let Some(first) = keys.get(&k) {
                out.reject(*n, vec![Problem::DuplicateOf(*first)]);
                continue;
            }
            keys.insert(k, *n);
        } else {
            let mut sorted = row.co_units.clone();
            sorted.sort();
            let same = format!(
                "{:?}",
                LedgerRow {
                    co_units: sorted,
                    ..row.clone()
                }
            );
            if let Some(first) = seen.get(&same) {
                out.reject(*n, vec![Problem::DuplicateOf(*first)]);
                continue;
            }
            seen.insert(same, *n);
        }
        out.good.push((*n, row));
    }
    Ok(out)
}

/// Whether a 状态 cell says 待纪要印发, in either language (or the CLI's value `pending`).
fn says_minutes_awaited(cell: &str) -> bool {
    let said = cells::text(cell);
    let said = said.trim();
    [Lang::Zh, Lang::En]
        .iter()
        .any(|l| said.eq_ignore_ascii_case(l.state(TaskState::Pending)))
        || said.eq_ignore_ascii_case("pending")
}
