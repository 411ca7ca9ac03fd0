//! A ledger row's record cells (.csv): every progress report, explanation, criticism and waiver,
//! one per line (`crate::exchange::lines`), each line that cannot be read a problem of the row;
//! and a task's records checked with its dates (`super::super::rules`).

use chrono::NaiveDate;

use super::date_cell;
use crate::domain::order::TaskTimes;
use crate::exchange::lines::{self, CriticismLine};
use crate::import::header::{Columns, Field};
use crate::import::{Problem, cells, rules};
use crate::store::PlannedExplanation;

/// The lines of a record cell, each read by `parse`; a bad line is a problem of the row.
fn records<T>(
    cell: &str,
    field: Field,
    problems: &mut Vec<Problem>,
    mut parse: impl FnMut(&str) -> Option<T>,
) -> Vec<T> {
    lines::split(cell)
        .filter_map(|line| {
            let got = parse(line);
            if got.is_none() {
                problems.push(Problem::BadRecord {
                    field,
                    line: cells::text(line),
                });
            }
            got
        })
        .collect()
}

/// One row's record columns.
pub(super) struct RowRecords {
    pub(super) progress: Vec<(NaiveDate, String)>,
    pub(super) explanations: Vec<PlannedExplanation>,
    pub(super) criticisms: Vec<CriticismLine>,
    pub(super) waivers: Vec<(NaiveDate, String)>,
}

/// Reads one row's record columns.
pub(super) fn row_records(
    cols: &Columns,
    row: &[String],
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> RowRecords {
    let progress = records(
        cols.cell(row, Field::Progress),
        Field::Progress,
        problems,
        |l| lines::parse_progress(l, today).ok(),
    );
    let mut explanations = records(
        cols.cell(row, Field::Explanations),
        Field::Explanations,
        problems,
        |l| {
            let (submitted_on, promised_on, text) = lines::parse_explanation(l, today).ok()?;
            Some(PlannedExplanation {
                submitted_on: Some(submitted_on),
                promised_on,
                text,
            })
        },
    );
    // A ledger without explanations may still give the promise in force.
    if cols.index(Field::Explanations).is_none()
        && let Some(promised_on) = date_cell(
            cols.cell(row, Field::Promised),
            Field::Promised,
            today,
            problems,
        )
    {
        explanations.push(PlannedExplanation {
            submitted_on: None,
            promised_on,
            text: None,
        });
    }
    let criticisms = records(
        cols.cell(row, Field::Criticisms),
        Field::Criticisms,
        problems,
        |l| lines::parse_criticism(l, today).ok(),
    );
    let waivers = records(
        cols.cell(row, Field::Waivers),
        Field::Waivers,
        problems,
        |l| lines::parse_waiver(l, today).ok(),
    );
    RowRecords {
        progress,
        explanations,
        criticisms,
        waivers,
    }
}

/// The problems of a task's records with its dates (`times`): each progress report, explanation
/// and waiver in time order and within its text's limit.
pub fn records_in_order(
    times: &TaskTimes,
    progress: &[(NaiveDate, String)],
    explanations: &[PlannedExplanation],
    waivers: &[(NaiveDate, String)],
) -> Vec<Problem> {
    let promises: Vec<NaiveDate> = explanations.iter().map(|e| e.promised_on).collect();
    progress
        .iter()
        .flat_map(|(on, text)| rules::progress(times, *on, text))
        .chain(
            explanations
                .iter()
                .flat_map(|e| rules::explanation(times, e)),
        )
        .chain(
            waivers
                .iter()
                .flat_map(|(on, reason)| rules::waiver(times, &promises, *on, reason)),
        )
        .collect()
}
