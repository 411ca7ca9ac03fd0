//! The importer without a database: reading CSV, finding headers, reading cells, checking rows.

use super::cells;
use super::header::{Field, Kind, find_header};
use super::read::{ReadError, parse_csv};
use super::*;
use crate::domain::testcal::d;
use crate::domain::{ExemptCategory, LeaderTitle, Limit, UnitKind};

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

#[test]
fn csv_with_bom_quotes_crlf_and_blank_rows_keeps_file_row_numbers() {
    let s = parse_csv("\u{feff}a,b\r\n\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\nlast,").unwrap();
    assert_eq!(
        s.rows,
        vec![
            (1, vec!["a".to_string(), "b".to_string()]),
            (3, vec!["x, \"y\"".to_string(), "two\nlines".to_string()]),
            (4, vec!["last".to_string(), String::new()]),
        ]
    );
    assert_eq!(parse_csv("a,\"b\n"), Err(ReadError::Unclosed(1)));
}

#[test]
fn chinese_ledger_header_below_a_title_row() {
    let s = sheet(&[
        &["督办事项台账（2026年11月25日）"],
        &[
            "序号",
            "督办事项",
            "主办单位",
            "协办单位",
            "会议日期",
            "议题",
            "责任领导",
            "办理时限",
            "办结日期",
        ],
    ]);
    let cols = find_header(&s, Kind::Ledger).unwrap();
    assert_eq!(cols.header_row, 2);
    assert_eq!(cols.index(Field::Task), Some(1));
    assert_eq!(cols.index(Field::Topic), Some(5));
    assert_eq!(cols.index(Field::CompletedOn), Some(8));
}

#[test]
fn english_headers_as_the_exporter_writes_them() {
    use crate::i18n::{Lang, Msg};
    let en = |m| Lang::En.t(m);
    let header = [
        en(Msg::ColId),
        en(Msg::ColLight),
        en(Msg::ColLeft),
        en(Msg::ColTask),
        en(Msg::ColLead),
        en(Msg::ColCo),
        en(Msg::ColMeetingDate),
        en(Msg::ColMeetingTopic),
        en(Msg::ColLeader),
        en(Msg::ColDue),
        en(Msg::ColState),
        en(Msg::ColCompletedOn),
    ];
    let s = sheet(&[&["Task ledger 2026-11-25"], &header]);
    let cols = find_header(&s, Kind::Ledger).unwrap();
    assert_eq!(cols.index(Field::Task), Some(3));
    assert_eq!(cols.index(Field::Lead), Some(4));
    assert_eq!(cols.index(Field::CoUnits), Some(5));
    assert_eq!(cols.index(Field::Limit), Some(9));
    assert_eq!(cols.index(Field::CompletedOn), Some(11));
    let units = sheet(&[&["Name", "KIND", "main leader", "Contact"]]);
    assert!(find_header(&units, Kind::Units).is_ok());
    let leaders = sheet(&[&["姓名", "职务", "工作联系主任"]]);
    let cols = find_header(&leaders, Kind::Leaders).unwrap();
    assert_eq!(cols.index(Field::Liaison), Some(2));
}

#[test]
fn a_missing_column_is_named() {
    let s = sheet(&[&["title"], &["督办事项", "主办单位", "议题"]]);
    assert_eq!(find_header(&s, Kind::Ledger), Err(vec![Field::MeetingDate]));
    let s = sheet(&[&["单位"]]);
    assert_eq!(find_header(&s, Kind::Units), Err(vec![Field::UnitKind]));
}

#[test]
fn date_cells() {
    for s in [
        "2026-11-02",
        "2026/11/2",
        "2026年11月2日",
        "2026.11.02",
        "2026/11/02 0:00:00",
    ] {
        assert_eq!(cells::date(s, today()), Ok(d("2026-11-02")), "{s}");
    }
    assert!(cells::date("2026-13-02", today()).is_err());
    assert!(cells::date("next week", today()).is_err());
}

#[test]
fn limit_cells_blank_date_category_and_ledger_forms() {
    let t = today();
    assert_eq!(cells::limit("", t), Some(Limit::Default));
    assert_eq!(cells::limit("默认时限", t), Some(Limit::Default));
    assert_eq!(
        cells::limit("2026-12-31", t),
        Some(Limit::Date(d("2026-12-31")))
    );
    assert_eq!(
        cells::limit("2026-12-31 明确时限", t),
        Some(Limit::Date(d("2026-12-31")))
    );
    assert_eq!(
        cells::limit("2026-12-31* default limit", t),
        Some(Limit::Default)
    );
    let land = Some(Limit::Exempt(ExemptCategory::Land));
    assert_eq!(cells::limit("土地", t), land);
    assert_eq!(cells::limit("land", t), land);
    assert_eq!(cells::limit("不设默认时限：土地", t), land);
    assert_eq!(cells::limit("exempt：land", t), land);
    assert_eq!(
        cells::limit("经费", t),
        Some(Limit::Exempt(ExemptCategory::Funding))
    );
    assert_eq!(cells::limit("soon", t), None);
    assert_eq!(cells::limit("2026-12-31 whenever", t), None);
}

#[test]
fn kind_and_title_cells() {
    assert_eq!(cells::kind("乡镇"), Some(UnitKind::Township));
    assert_eq!(cells::kind("县直单位"), Some(UnitKind::Department));
    assert_eq!(cells::kind("department"), Some(UnitKind::Department));
    assert_eq!(cells::kind("其他"), Some(UnitKind::Other));
    assert_eq!(cells::kind("企业"), None);
    assert_eq!(cells::title("县长"), Some(LeaderTitle::CountyHead));
    assert_eq!(cells::title("副县长"), Some(LeaderTitle::DeputyHead));
    assert_eq!(
        cells::title("办公室主任"),
        Some(LeaderTitle::OfficeDirector)
    );
    assert_eq!(
        cells::title("办公室副主任"),
        Some(LeaderTitle::DeputyDirector)
    );
    assert_eq!(
        cells::title("deputy_director"),
        Some(LeaderTitle::DeputyDirector)
    );
    assert_eq!(cells::title("书记"), None);
}

#[test]
fn unit_lists_and_control_characters() {
    assert_eq!(
        cells::list("县财政局、县交通局，县水利局; 县林业局；县教育局,县卫健局"),
        [
            "县财政局",
            "县交通局",
            "县水利局",
            "县林业局",
            "县教育局",
            "县卫健局"
        ]
    );
    assert_eq!(cells::text("\u{1b}[2J上塘\u{9b}镇\u{202e}"), "[2J上塘镇");
}

#[test]
fn unit_rows_checked_with_row_numbers() {
    let s = sheet(&[
        &["单位名称", "类型", "主要领导"],
        &["上塘镇", "乡镇", "王镇长"],
        &["", "乡镇", ""],
        &["县财政局", "银行", ""],
        &["上塘镇", "乡镇", ""],
    ]);
    let c = plan::check_units(&s, &Existing::default()).unwrap();
    assert_eq!(c.good.len(), 1);
    assert_eq!(
        c.bad,
        vec![
            RowError {
                row: 3,
                problem: Problem::Empty(Field::UnitName),
                sheet: None
            },
            RowError {
                row: 4,
                problem: Problem::UnknownKind("银行".into()),
                sheet: None
            },
            RowError {
                row: 5,
                problem: Problem::DuplicateOf(2),
                sheet: None
            },
        ]
    );
}

#[test]
fn leader_liaison_must_be_known() {
    let s = sheet(&[
        &["姓名", "职务", "联系主任"],
        &["李四", "副县长", "王五"],
        &["王五", "办公室副主任", ""],
        &["赵六", "副县长", "钱七"],
        &["钱七", "书记", ""],
    ]);
    let c = plan::check_leaders(&s, &Existing::default()).unwrap();
    let good: Vec<usize> = c.good.iter().map(|(n, _)| *n).collect();
    assert_eq!(good, [2, 3]);
    assert_eq!(c.bad_rows(), [4, 5]);
    assert!(c.bad.contains(&RowError {
        row: 4,
        problem: Problem::UnknownLiaison("钱七".into()),
        sheet: None
    }));
}

#[test]
fn ledger_rows_and_plan() {
    let s = sheet(&[
        &[
            "督办事项",
            "主办单位",
            "协办单位",
            "会议日期",
            "会议议题",
            "办理时限",
            "办结日期",
        ],
        &[
            "修路",
            "上塘镇",
            "县财政局、县交通局",
            "2026-11-02",
            "道路",
            "",
            "",
        ],
        &[
            "拨款",
            "县财政局",
            "",
            "2026-11-02",
            "道路",
            "经费",
            "2026-11-20",
        ],
        &["清淤", "上塘镇", "上塘镇", "2026-11-03", "水利", "", ""],
        &["疏浚", "上塘镇", "", "2026-11-03", "水利", "", "2026-11-01"],
        &[
            "修路",
            "上塘镇",
            "县交通局，县财政局",
            "2026-11-02",
            "道路",
            "",
            "",
        ],
        &["植树", "上塘镇", "", "2026-11-04", "", "", "2026-12-01"],
    ]);
    let c = ledger::check_ledger(&s, &Existing::default(), today()).unwrap();
    assert_eq!(c.good.len(), 2);
    let problems: Vec<(usize, Problem)> =
        c.bad.iter().map(|e| (e.row, e.problem.clone())).collect();
    assert_eq!(
        problems,
        vec![
            (4, Problem::LeadIsCo("上塘镇".into())),
            (
                5,
                Problem::OutOfOrder(crate::domain::OutOfOrder {
                    what: crate::domain::When::Completion,
                    date: d("2026-11-01"),
                    after: false,
                    other: crate::domain::When::Meeting,
                    other_date: d("2026-11-03"),
                })
            ),
            (6, Problem::DuplicateOf(2)),
            (7, Problem::Empty(Field::Topic)),
            (7, Problem::CompletedAfterToday),
        ]
    );
    let p = ledger::plan(&c.good, &Existing::default());
    let units: Vec<(&str, UnitKind)> = p.units.iter().map(|u| (u.name.as_str(), u.kind)).collect();
    assert_eq!(
        units,
        [
            ("上塘镇", UnitKind::Township),
            ("县财政局", UnitKind::Department),
            ("县交通局", UnitKind::Department)
        ],
        "kinds from the names"
    );
    assert_eq!(p.meetings.len(), 1);
    assert_eq!(p.tasks[1].completed_on, Some(d("2026-11-20")));
    assert_eq!(p.tasks[1].limit, Limit::Exempt(ExemptCategory::Funding));
}

#[test]
fn r5_1_an_imported_limit_before_its_meeting_is_a_bad_row() {
    let s = sheet(&[
        &["督办事项", "主办单位", "会议日期", "会议议题", "办理时限"],
        &["清淤", "上塘镇", "2026-11-03", "水利", "2026-11-02"],
        &["疏浚", "上塘镇", "2026-11-03", "水利", "2026-11-03"],
    ]);
    let c = ledger::check_ledger(&s, &Existing::default(), today()).unwrap();
    assert_eq!(c.good.len(), 1);
    assert_eq!(c.bad.len(), 1);
    assert_eq!(c.bad[0].row, 2);
    assert!(
        matches!(c.bad[0].problem, Problem::OutOfOrder(o) if o.what == crate::domain::When::Limit),
        "{:?}",
        c.bad
    );
}

#[test]
fn csv_text_is_utf8_or_else_gb18030_and_nothing_else() {
    use super::read::csv_text;
    let text = "督办事项,主办单位\n“瓯江引水”工程,上塘镇\n";
    assert_eq!(csv_text(text.as_bytes().to_vec()).unwrap(), text);
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable && std::str::from_utf8(&gbk).is_err());
    assert_eq!(csv_text(gbk.into_owned()).unwrap(), text);
    // Characters beyond GBK (GB18030's four-byte forms) too.
    let rare = "𠀀镇,㐀\n";
    let (four, _, _) = encoding_rs::GB18030.encode(rare);
    assert_eq!(csv_text(four.into_owned()).unwrap(), rare);
    // 0xFF starts no character; 0x81 0x30 is a four-byte form cut short.
    for bad in [&b"\xff\xfe\xff"[..], b"abc\x81\x30"] {
        assert_eq!(csv_text(bad.to_vec()), Err(ReadError::Encoding), "{bad:?}");
    }
}

#[test]
fn a_totals_row_is_passed_over_and_named_not_called_bad() {
    let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for yes in [
        &["合计"][..],
        &["", " 合 计：", "3"],
        &["总计", "", "5"],
        &["Total:"],
        &["小计"],
    ] {
        assert!(is_totals(&cells(yes)), "{yes:?}");
    }
    for no in [&["合计镇", "乡镇"][..], &["上塘镇", "合计"], &[""], &[]] {
        assert!(!is_totals(&cells(no)), "{no:?}");
    }
    let s = sheet(&[
        &[
            "督办事项",
            "主办单位",
            "协办单位",
            "会议日期",
            "会议议题",
            "办理时限",
            "办结日期",
        ],
        &["清淤", "上塘镇", "", "2026-11-03", "水利", "", ""],
        &["修路", "上塘镇", "", "2026-11-03", "水利", "", ""],
        &["合计", "2", "", "", "", "", ""],
    ]);
    let c = ledger::check_ledger(&s, &Existing::default(), today()).unwrap();
    assert_eq!((c.good.len(), c.totals.clone()), (2, vec![4]));
    assert!(c.bad.is_empty(), "{:?}", c.bad);
    let s = sheet(&[&["单位名称", "类型"], &["上塘镇", "乡镇"], &["总计：", "1"]]);
    let c = plan::check_units(&s, &Existing::default()).unwrap();
    assert_eq!(
        (c.good.len(), c.totals.clone(), c.bad.len()),
        (1, vec![3], 0)
    );
}
