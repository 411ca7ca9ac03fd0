//! An import holds every record to the rules the store writes by (`super::rules`): time runs one
//! way (`domain::order`) and texts have limits (`domain::fields`). A record breaking one is a bad
//! row of the ledger (its record cells) or of its sheet, named before anything is written.

use super::assemble::assemble;
use super::ledger::{LedgerRow, check_ledger};
use super::read::Sheet;
use super::records::{Records, check_records};
use super::*;
use crate::domain::testcal::d;
use crate::domain::{OutOfOrder, TextField, When};
use crate::exchange::Sheet as SheetKind;

fn today() -> NaiveDate {
    d("2026-11-25")
}

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet {
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.iter().map(|c| c.to_string()).collect()))
            .collect(),
    }
}

/// The one problem of each bad row: (row, what came out of order, the date it may not precede).
fn out_of_order(bad: &[RowError]) -> Vec<(usize, When, When)> {
    bad.iter()
        .filter_map(|e| match e.problem {
            Problem::OutOfOrder(OutOfOrder { what, other, .. }) => Some((e.row, what, other)),
            _ => None,
        })
        .collect()
}

const HEADER: [&str; 9] = [
    "编号",
    "督办事项",
    "主办单位",
    "会议日期",
    "会议议题",
    "办结日期",
    "进展报告",
    "书面说明",
    "不予通报批评",
];

#[test]
fn r5_a_ledgers_record_cells_run_one_way_in_time() {
    let s = sheet(&[
        &HEADER,
        // Good: a report, an explanation with its promise, a waiver once it was missed.
        &[
            "1",
            "修路",
            "上塘镇",
            "2026-09-01",
            "道路",
            "",
            "2026-09-10 已开工",
            "2026-10-05 承诺2026-10-20 资金未到位",
            "2026-10-23 已约谈",
        ],
        &[
            "2",
            "建桥",
            "上塘镇",
            "2026-09-01",
            "道路",
            "",
            "2026-08-30 提前开工",
            "",
            "",
        ],
        &[
            "3",
            "清淤",
            "上塘镇",
            "2026-09-01",
            "道路",
            "2026-09-20",
            "2026-09-25 收尾",
            "",
            "",
        ],
        &[
            "4",
            "疏浚",
            "上塘镇",
            "2026-09-01",
            "道路",
            "",
            "",
            "2026-10-05 承诺2026-10-01",
            "",
        ],
        &[
            "5",
            "植树",
            "上塘镇",
            "2026-09-01",
            "道路",
            "",
            "",
            "2026-10-05 承诺2026-10-20",
            "2026-10-10 已约谈",
        ],
        &[
            "6",
            "绿化",
            "上塘镇",
            "2026-09-01",
            "道路",
            "2026-08-20",
            "",
            "",
            "",
        ],
    ]);
    let c = check_ledger(&s, &Existing::default(), today()).unwrap();
    assert_eq!(c.good.len(), 1, "{:?}", c.bad);
    assert_eq!(
        out_of_order(&c.bad),
        [
            (3, When::Progress, When::Meeting),
            (4, When::Progress, When::Completion),
            (5, When::Promise, When::Explanation),
            (6, When::Waiver, When::Promise),
            (7, When::Completion, When::Meeting),
        ]
    );
    assert_eq!(c.bad.len(), 5, "one problem a row: {:?}", c.bad);
}

#[test]
fn a_ledgers_texts_past_their_limits_are_bad_rows() {
    let long_task = "修".repeat(TextField::TaskText.max_chars() + 1);
    let long_unit = "镇".repeat(TextField::UnitName.max_chars() + 1);
    let long_report = format!(
        "2026-09-10 {}",
        "进".repeat(TextField::Progress.max_chars() + 1)
    );
    let s = sheet(&[
        &["督办事项", "主办单位", "会议日期", "会议议题", "进展报告"],
        &[&long_task, "上塘镇", "2026-09-01", "道路", ""],
        &["修路", &long_unit, "2026-09-01", "道路", ""],
        &["建桥", "上塘镇", "2026-09-01", "道路", &long_report],
        &["清淤", "上塘镇", "2026-09-01", "道路", "2026-09-10 已开工"],
    ]);
    let c = check_ledger(&s, &Existing::default(), today()).unwrap();
    assert_eq!(c.good.len(), 1);
    let long: Vec<(usize, TextField)> = c
        .bad
        .iter()
        .filter_map(|e| match &e.problem {
            Problem::TooLong(t) => Some((e.row, t.field)),
            _ => None,
        })
        .collect();
    assert_eq!(
        long,
        [
            (2, TextField::TaskText),
            (3, TextField::UnitName),
            (4, TextField::Progress)
        ]
    );
}

/// A workbook of one task (done 2026-09-20) with a sheet of records.
fn workbook(
    kind: SheetKind,
    header: &[&str],
    rows: &[&[&str]],
) -> (Vec<(usize, LedgerRow)>, Records, Vec<RowError>) {
    let ledger = sheet(&[
        &[
            "编号",
            "督办事项",
            "主办单位",
            "会议日期",
            "会议议题",
            "办结日期",
        ],
        &["1", "修路", "上塘镇", "2026-09-01", "道路", "2026-09-20"],
    ]);
    let c = check_ledger(&ledger, &Existing::default(), today()).unwrap();
    assert!(c.bad.is_empty(), "{:?}", c.bad);
    let mut all: Vec<&[&str]> = vec![header];
    all.extend_from_slice(rows);
    let (records, errors) = check_records(&[(kind, sheet(&all))], today());
    (c.good, records, errors)
}

#[test]
fn r5_a_workbooks_record_sheets_run_one_way_in_time_row_by_row() {
    // The progress sheet: one report before the meeting, one after completion, one good.
    let (rows, records, errors) = workbook(
        SheetKind::Progress,
        &["编号", "报告日期", "内容"],
        &[
            &["1", "2026-08-30", "提前"],
            &["1", "2026-09-10", "已开工"],
            &["1", "2026-09-25", "收尾"],
        ],
    );
    assert!(errors.is_empty());
    let (plan, errors) = assemble(&rows, &records, &Existing::default());
    assert_eq!(
        out_of_order(&errors),
        [
            (2, When::Progress, When::Meeting),
            (4, When::Progress, When::Completion)
        ]
    );
    assert!(errors.iter().all(|e| e.sheet == Some(SheetKind::Progress)));
    assert_eq!(plan.tasks[0].progress, [(d("2026-09-10"), "已开工".into())]);

    // The explanations sheet: a promise before its explanation.
    let (rows, records, _) = workbook(
        SheetKind::Explanations,
        &["编号", "说明日期", "承诺完成时限"],
        &[&["1", "2026-09-10", "2026-09-05"]],
    );
    let (plan, errors) = assemble(&rows, &records, &Existing::default());
    assert_eq!(
        out_of_order(&errors),
        [(2, When::Promise, When::Explanation)]
    );
    assert!(plan.tasks[0].explanations.is_empty());

    // The waivers sheet: a waiver before the meeting.
    let (rows, records, _) = workbook(
        SheetKind::Waivers,
        &["编号", "日期", "不予通报的理由"],
        &[&["1", "2026-08-01", "已约谈"]],
    );
    let (plan, errors) = assemble(&rows, &records, &Existing::default());
    assert_eq!(out_of_order(&errors), [(2, When::Waiver, When::Meeting)]);
    assert!(plan.tasks[0].waivers.is_empty());
}

#[test]
fn r4_r5_7_meetings_minutes_and_referrals_of_a_workbook_run_one_way_in_time() {
    let meetings = sheet(&[
        &["会议编号", "会议日期", "会议议题"],
        &["1", "2026-09-01", "道路"],
    ]);
    let minutes = sheet(&[
        &["会议编号", "签发日期", "印发日期"],
        &["1", "2026-08-30", "2026-09-03"],
    ]);
    let referrals = sheet(&[
        &["单位", "提出日期", "批准日期", "提请理由"],
        &["上塘镇", "2026-10-10", "2026-10-08", "一年内两次通报"],
        &[
            "新桥镇",
            "2026-10-10",
            "2026-10-12",
            &"理".repeat(TextField::Note.max_chars() + 1),
        ],
    ]);
    let (records, errors) = check_records(
        &[
            (SheetKind::Meetings, meetings),
            (SheetKind::Minutes, minutes),
            (SheetKind::Referrals, referrals),
        ],
        today(),
    );
    assert_eq!(
        out_of_order(&errors),
        [
            (2, When::SignOff, When::Meeting),
            (2, When::ReferralStep, When::ReferralProposed)
        ]
    );
    let sheets: Vec<Option<SheetKind>> = errors.iter().map(|e| e.sheet).collect();
    assert!(
        sheets.contains(&Some(SheetKind::Minutes)) && sheets.contains(&Some(SheetKind::Referrals))
    );
    assert!(
        errors.iter().any(|e| e.row == 3
            && matches!(e.problem, Problem::TooLong(t) if t.field == TextField::Note))
    );
    let m = &records.meetings.as_ref().unwrap()[0].2;
    assert!(m.minutes.is_none(), "the minutes' row left out");
    assert!(records.referrals.unwrap().is_empty());
}
