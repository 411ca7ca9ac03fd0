//! The bulletin's tables: the units' figures of the report, the lists of tasks, the criticisms and
//! referrals of the period, in 仿宋 五号 with narrow cell margins.

use docx_rs::{AlignmentType, Docx};

use super::super::{
    SMALL_TABLE_SIZE, body, cell, dense_table, gap, header_row, lead_in, row, sized_text,
};
use crate::domain::Report;
use crate::export::{deadline_long_date, long_date};
use crate::i18n::{Exp, Lang, Msg, Rep};
use crate::report::percent;
use crate::store::Bulletin;

/// The units' table: unit, then six figures (twips).
pub(super) const UNIT_GRID: [usize; 7] = [2490, 954, 954, 954, 1164, 1164, 1164];
/// The red tasks: number, task, lead unit, limit, working days overdue (twips).
pub(super) const RED_GRID: [usize; 5] = [560, 3134, 1900, 1950, 1300];
/// The promises missed: number, task, lead unit, limit, promised date (twips).
pub(super) const MISSED_GRID: [usize; 5] = [560, 2484, 1900, 1950, 1950];
/// The criticisms: number, date, unit, document number, tasks (twips).
pub(super) const CRITICISM_GRID: [usize; 5] = [600, 1950, 2494, 2600, 1200];
/// The referrals: number, date proposed, unit, where it stands (twips).
pub(super) const REFERRAL_GRID: [usize; 4] = [600, 1950, 3094, 3200];

/// A centred cell of the dense tables.
fn centred(text: &str, width: usize) -> docx_rs::TableCell {
    cell(
        sized_text(text, AlignmentType::Center, SMALL_TABLE_SIZE),
        width,
        1,
    )
}

/// A left-aligned cell of the dense tables.
fn left(text: &str, width: usize) -> docx_rs::TableCell {
    cell(
        sized_text(text, AlignmentType::Left, SMALL_TABLE_SIZE),
        width,
        1,
    )
}

fn heads(labels: &[&str], grid: &[usize]) -> docx_rs::TableRow {
    header_row(
        labels
            .iter()
            .zip(grid)
            .map(|(l, w)| centred(l, *w))
            .collect(),
    )
}

/// The units' rows of the report (R5), its totals last.
pub(super) fn unit_rows(lang: Lang, r: &Report) -> Vec<docx_rs::TableRow> {
    let labels: Vec<&str> = [
        Rep::Unit,
        Rep::Due,
        Rep::DoneOnTime,
        Rep::DoneLate,
        Rep::OpenOverdue,
        Rep::OnTimeRate,
        Rep::PromisesMissed,
    ]
    .iter()
    .map(|m| lang.rep(*m))
    .collect();
    let mut rows = vec![heads(&labels, &UNIT_GRID)];
    let total = r.totals();
    let all = r
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u))
        .chain(std::iter::once((lang.rep(Rep::Total), &total)));
    for (name, u) in all {
        let figures = [
            u.due.to_string(),
            u.done_on_time.to_string(),
            u.done_late.to_string(),
            u.open_overdue.to_string(),
            percent(u.on_time_rate()),
            u.promises_missed.to_string(),
        ];
        let mut cells = vec![left(name, UNIT_GRID[0])];
        cells.extend(
            figures
                .iter()
                .zip(&UNIT_GRID[1..])
                .map(|(f, w)| centred(f, *w)),
        );
        rows.push(row(cells, 400.0));
    }
    rows
}

/// A numbered list of tasks: the task, its lead unit, its limit, and `last` under `last_head`.
pub(super) fn task_table(
    lang: Lang,
    tasks: &[crate::store::TaskRow],
    g: [usize; 5],
    last_head: Exp,
    last: impl Fn(&crate::store::TaskRow) -> String,
) -> docx_rs::Table {
    let mut rows = vec![heads(
        &[
            lang.exp(Exp::NoticeColNo),
            lang.t(Msg::ColTask),
            lang.t(Msg::ColLead),
            lang.t(Msg::ColDue),
            lang.exp(last_head),
        ],
        &g,
    )];
    for (i, t) in tasks.iter().enumerate() {
        rows.push(row(
            vec![
                centred(&(i + 1).to_string(), g[0]),
                left(&t.text, g[1]),
                left(&t.lead_unit, g[2]),
                centred(&deadline_long_date(lang, t.due, t.provisional), g[3]),
                centred(&last(t), g[4]),
            ],
            400.0,
        ));
    }
    dense_table(rows, g.to_vec())
}

/// The criticisms and referrals of the period, and the units due for referral today.
pub(super) fn accountability(mut doc: Docx, lang: Lang, b: &Bulletin, referral_body: &str) -> Docx {
    if b.criticisms.is_empty() {
        doc = doc.add_paragraph(body(lang.exp(Exp::BulletinCriticismsNone)));
    } else {
        let g = CRITICISM_GRID;
        let mut rows = vec![heads(
            &[
                lang.exp(Exp::NoticeColNo),
                lang.exp(Exp::BulletinColDate),
                lang.t(Msg::ColUnit),
                lang.exp(Exp::BulletinColDocNo),
                lang.exp(Exp::BulletinColTasks),
            ],
            &g,
        )];
        for (i, c) in b.criticisms.iter().enumerate() {
            let k = &c.criticism;
            rows.push(row(
                vec![
                    centred(&(i + 1).to_string(), g[0]),
                    centred(&long_date(lang, k.date), g[1]),
                    left(&c.unit, g[2]),
                    left(k.doc_no.as_deref().unwrap_or_default(), g[3]),
                    centred(&k.task_ids.len().to_string(), g[4]),
                ],
                400.0,
            ));
        }
        let lead = lang.exp_fill(Exp::BulletinCriticismsLead, &[&b.criticisms.len()]);
        doc = doc
            .add_paragraph(lead_in(&lead))
            .add_table(dense_table(rows, g.to_vec()))
            .add_paragraph(gap());
    }
    if b.referrals.is_empty() {
        doc = doc.add_paragraph(body(lang.exp(Exp::BulletinReferralsNone)));
    } else {
        let g = REFERRAL_GRID;
        let mut rows = vec![heads(
            &[
                lang.exp(Exp::NoticeColNo),
                lang.exp(Exp::BulletinColProposed),
                lang.t(Msg::ColUnit),
                lang.exp(Exp::BulletinColStatus),
            ],
            &g,
        )];
        for (i, (unit, r)) in b.referrals.iter().enumerate() {
            rows.push(row(
                vec![
                    centred(&(i + 1).to_string(), g[0]),
                    centred(&long_date(lang, r.proposed_on), g[1]),
                    left(unit, g[2]),
                    left(lang.referral(r.status()), g[3]),
                ],
                400.0,
            ));
        }
        let lead = lang.exp_fill(Exp::BulletinReferralsLead, &[&b.referrals.len()]);
        doc = doc
            .add_paragraph(lead_in(&lead))
            .add_table(dense_table(rows, g.to_vec()))
            .add_paragraph(gap());
    }
    let due: Vec<&str> = b
        .report
        .units
        .iter()
        .filter(|u| u.referral_due)
        .map(|u| u.unit.as_str())
        .collect();
    if !due.is_empty() {
        doc = doc.add_paragraph(body(&lang.exp_fill(
            Exp::BulletinReferralDue,
            &[
                &long_date(lang, b.report.as_of),
                &crate::i18n::join(lang, &due),
                &due.len(),
                &referral_body,
            ],
        )));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::super::super::TEXT_WIDTH;
    use super::*;

    #[test]
    fn every_grid_fills_the_type_area() {
        for grid in [
            &UNIT_GRID[..],
            &RED_GRID,
            &MISSED_GRID,
            &CRITICISM_GRID,
            &REFERRAL_GRID,
        ] {
            assert_eq!(grid.iter().sum::<usize>(), TEXT_WIDTH);
        }
    }
}
