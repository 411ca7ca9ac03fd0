//! Imports through the checker into a fresh database, read back.

use super::*;
use crate::domain::ExemptCategory;
use crate::import::ledger::{check_ledger, plan};
use crate::import::plan::{check_leaders, check_units};
use crate::import::read::parse_csv;
use crate::import::{Existing, Problem, read_sheet};

fn today() -> chrono::NaiveDate {
    d("2026-11-25")
}

fn existing(store: &Store) -> Existing {
    Existing::load(store, today()).unwrap()
}

#[test]
fn units_and_leaders_imported_and_read_back() {
    let (_dir, mut store) = fresh();
    let units =
        parse_csv("单位,类型,主要领导,联系方式\n上塘镇,乡镇,王镇长,0577-1\n县财政局,县直单位,,\n")
            .unwrap();
    let c = check_units(&units, &existing(&store)).unwrap();
    assert!(c.bad.is_empty());
    store.import_units(c.records(), "units.csv").unwrap();
    let all = store.units().unwrap();
    assert_eq!(all.len(), 2);
    let u = store.unit_by_name("上塘镇").unwrap();
    assert_eq!(u.kind, UnitKind::Township);
    assert_eq!(u.main_leader.as_deref(), Some("王镇长"));
    assert_eq!(u.contact.as_deref(), Some("0577-1"));
    assert_eq!(
        store.unit_by_name("县财政局").unwrap().kind,
        UnitKind::Department
    );

    let leaders =
        parse_csv("姓名,职务,联系主任\n李副县长,副县长,周主任\n周主任,办公室副主任,\n").unwrap();
    let c = check_leaders(&leaders, &existing(&store)).unwrap();
    assert!(c.bad.is_empty(), "{:?}", c.bad);
    store.import_leaders(c.records(), "leaders.csv").unwrap();
    let li = store.leader_by_name("李副县长").unwrap();
    let zhou = store.leader_by_name("周主任").unwrap();
    assert_eq!(li.title, LeaderTitle::DeputyHead);
    assert_eq!(li.liaison_id, Some(zhou.id));
    assert_eq!(zhou.title, LeaderTitle::DeputyDirector);
    // One audit row for enrolling the first admin, one for each import, one for each record.
    assert_eq!(store.audit_count().unwrap(), 1 + 2 + 2 + 2);
}

#[test]
fn a_unit_already_in_the_database_is_unchanged_or_an_error() {
    let (_dir, mut store) = fresh();
    county(&mut store);
    let s = parse_csv("单位,类型\n上塘镇,乡镇\n县财政局,乡镇\n新桥镇,乡镇\n").unwrap();
    let c = check_units(&s, &existing(&store)).unwrap();
    assert_eq!(c.unchanged, [2]);
    assert_eq!(c.bad_rows(), [3]);
    assert_eq!(c.bad[0].problem, Problem::UnitExists("县财政局".into()));
    assert_eq!(c.good.len(), 1);
    // The store refuses a name taken since the check, and writes nothing of the batch.
    let mut batch = c.records();
    batch.push(NewUnit {
        name: "上塘镇".into(),
        kind: UnitKind::Township,
        main_leader: None,
        contact: None,
    });
    let before = store.units().unwrap().len();
    let e = store.import_units(batch, "u.csv").unwrap_err();
    assert!(matches!(e, StoreError::Duplicate { .. }), "{e:?}");
    assert_eq!(store.units().unwrap().len(), before);
}

#[test]
fn control_characters_are_stripped_from_imported_text() {
    let (_dir, mut store) = fresh();
    let csv = "单位,类型\n\"\u{1b}[2J上塘\u{9b}镇\u{202e}\",乡镇\n";
    let c = check_units(&parse_csv(csv).unwrap(), &existing(&store)).unwrap();
    store.import_units(c.records(), "u.csv").unwrap();
    assert_eq!(store.units().unwrap()[0].name, "[2J上塘镇");
    let csv = "督办事项,主办单位,会议日期,会议议题\n\"修\u{1b}[2J路\u{202e}\",上塘镇,2026-11-02,\"道\u{9b}路\"\n";
    let db = existing(&store);
    let c = check_ledger(&parse_csv(csv).unwrap(), &db, today()).unwrap();
    store
        .import_ledger(&plan(&c.good, &db), "l.csv", &mut |_, _| {})
        .unwrap();
    let rows = store.tasks(&TaskFilter::default(), today()).unwrap();
    assert_eq!(rows[0].text, "修[2J路");
    assert_eq!(rows[0].meeting_topic.as_deref(), Some("道路"));
}

const LEDGER: &str = "督办事项台账（截至2026年11月25日）
序号,督办事项,主办单位,协办单位,会议日期,会议议题,责任领导,办理时限,办结日期
1,完成管网改造,上塘镇,县财政局、县水利局,2026-11-02,瓯江引水,李副县长,2026-12-31,
2,落实建设资金,县财政局,,2026-11-02,瓯江引水,,经费,2026-11-20
3,清理河道,新桥镇,,2026-11-09,河道整治,王副县长,,
";

#[test]
fn a_ledger_creates_what_is_missing_and_matches_existing_meetings() {
    let (_dir, mut store) = fresh();
    let m = county(&mut store);
    let db = existing(&store);
    let c = check_ledger(&parse_csv(LEDGER).unwrap(), &db, today()).unwrap();
    assert!(c.bad.is_empty(), "{:?}", c.bad);
    let p = plan(&c.good, &db);
    let units: Vec<&str> = p.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(units, ["县水利局", "新桥镇"]);
    let leaders: Vec<&str> = p.leaders.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(leaders, ["王副县长"]);
    assert_eq!(p.meetings.len(), 1, "瓯江引水 on 2026-11-02 is meeting {m}");
    let ids = store
        .import_ledger(&p, "ledger.csv", &mut |_, _| {})
        .unwrap();
    assert_eq!(ids.len(), 3);
    let t1 = store.task_row(ids[0], today()).unwrap();
    assert_eq!(t1.meeting_id, m);
    assert_eq!(t1.co_units, ["县财政局", "县水利局"]);
    assert_eq!(t1.leader.as_deref(), Some("李副县长"));
    assert_eq!(t1.limit, Limit::Date(d("2026-12-31")));
    assert_eq!(t1.due, Some(d("2026-12-31")));
    let t2 = store.task_row(ids[1], today()).unwrap();
    assert_eq!(t2.limit, Limit::Exempt(ExemptCategory::Funding));
    assert_eq!(t2.completed_on, Some(d("2026-11-20")));
    assert_eq!(t2.state, TaskState::Done);
    let t3 = store.task_row(ids[2], today()).unwrap();
    assert_ne!(t3.meeting_id, m);
    assert_eq!(t3.limit, Limit::Default);
    assert_eq!(
        store.unit_by_name("新桥镇").unwrap().kind,
        UnitKind::Township,
        "a unit's kind from its name"
    );
    assert_eq!(
        store.leader_by_name("王副县长").unwrap().title,
        LeaderTitle::DeputyHead
    );
    // Importing the same file again finds every task already recorded.
    let c = check_ledger(&parse_csv(LEDGER).unwrap(), &existing(&store), today()).unwrap();
    assert_eq!(c.bad_rows(), [3, 4, 5]);
    assert!(matches!(c.bad[0].problem, Problem::TaskExists(id) if id == m));
}

#[test]
fn an_xlsx_ledger_with_date_cells_imports() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let (dir, mut store) = fresh();
    let path = dir.path().join("台账.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy年m月d日");
    ws.write_string(0, 0, "督办事项台账").unwrap();
    for (i, h) in [
        "编号",
        "督办事项",
        "主办单位",
        "协办单位",
        "会议日期",
        "议题",
        "办理时限",
        "办结日期",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, i as u16, *h).unwrap();
    }
    ws.write_number(2, 0, 1).unwrap();
    ws.write_string(2, 1, "完成管网改造").unwrap();
    ws.write_string(2, 2, "上塘镇").unwrap();
    ws.write_string(2, 3, "县财政局；县水利局").unwrap();
    let on = |y, m, dd| ExcelDateTime::from_ymd(y, m, dd).unwrap();
    ws.write_datetime_with_format(2, 4, on(2026, 11, 2), &date)
        .unwrap();
    ws.write_string(2, 5, "瓯江引水").unwrap();
    ws.write_datetime_with_format(2, 6, on(2026, 12, 31), &date)
        .unwrap();
    ws.write_datetime_with_format(2, 7, on(2026, 11, 20), &date)
        .unwrap();
    ws.write_number(3, 0, 2).unwrap();
    ws.write_string(3, 1, "清理河道").unwrap();
    ws.write_string(3, 2, "新桥镇").unwrap();
    ws.write_string(3, 4, "2026/11/9").unwrap();
    ws.write_string(3, 5, "河道整治").unwrap();
    ws.write_string(3, 6, "土地").unwrap();
    book.save(&path).unwrap();

    let sheet = read_sheet(&path).unwrap();
    assert_eq!(sheet.rows[2].0, 3, "rows keep the workbook's numbers");
    let db = existing(&store);
    let c = check_ledger(&sheet, &db, today()).unwrap();
    assert!(c.bad.is_empty(), "{:?}", c.bad);
    let ids = store
        .import_ledger(&plan(&c.good, &db), "台账.xlsx", &mut |_, _| {})
        .unwrap();
    let t = store.task_row(ids[0], today()).unwrap();
    assert_eq!(t.meeting_date, d("2026-11-02"));
    assert_eq!(t.limit, Limit::Date(d("2026-12-31")));
    assert_eq!(t.completed_on, Some(d("2026-11-20")));
    assert_eq!(t.co_units, ["县财政局", "县水利局"]);
    let t = store.task_row(ids[1], today()).unwrap();
    assert_eq!(t.meeting_date, d("2026-11-09"));
    assert_eq!(t.limit, Limit::Exempt(ExemptCategory::Land));
}

#[test]
fn r5_a_plan_made_by_hand_is_held_to_time_order_and_text_limits_by_the_store() {
    // The store refuses what an import's check would have named, whoever made the plan: nothing
    // is written, and the error names the task's row.
    let (_dir, mut store) = fresh();
    let db = existing(&store);
    let good = || {
        let csv = "督办事项,主办单位,会议日期,会议议题\n修路,上塘镇,2026-09-01,道路\n";
        plan(
            &check_ledger(&parse_csv(csv).unwrap(), &db, today())
                .unwrap()
                .good,
            &db,
        )
    };
    let mut early = good();
    early.tasks[0].progress = vec![(d("2026-08-30"), "提前开工".into())];
    let mut waived = good();
    waived.tasks[0].explanations = vec![crate::store::PlannedExplanation {
        submitted_on: Some(d("2026-10-05")),
        promised_on: d("2026-10-20"),
        text: None,
    }];
    waived.tasks[0].waivers = vec![(d("2026-10-10"), "已约谈".into())];
    let mut long = good();
    long.tasks[0].completion_note = Some("说".repeat(2_001));
    use crate::domain::When;
    for (p, what, want) in [
        (
            early,
            "a report before the meeting",
            Some((When::Progress, When::Meeting)),
        ),
        (
            waived,
            "a waiver before the promise",
            Some((When::Waiver, When::Promise)),
        ),
        (long, "a note past its limit", None),
    ] {
        match store.import_ledger(&p, "hand", &mut |_, _| {}) {
            Err(StoreError::Invalid(Invalid::Line { line: 2, error })) => match (*error, want) {
                (StoreError::Invalid(Invalid::OutOfOrder(o)), Some(w)) => {
                    assert_eq!((o.what, o.other), w, "{what}")
                }
                (StoreError::Invalid(Invalid::TooLong(t)), None) => {
                    assert_eq!(t.field, crate::domain::TextField::Note, "{what}")
                }
                (e, _) => panic!("{what}: {e:?}"),
            },
            r => panic!("{what}: {r:?}"),
        }
        assert!(store.units().unwrap().is_empty(), "{what}: nothing written");
    }
    let ids = store
        .import_ledger(&good(), "hand", &mut |_, _| {})
        .unwrap();
    assert_eq!(ids.len(), 1);
}
