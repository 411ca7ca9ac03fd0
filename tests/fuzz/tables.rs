//! Near-valid tables for the importers: a real header (Chinese or English, sometimes under a title
//! row, sometimes with a column renamed), and rows whose cells are plausible values, hostile text
//! or anything at all; written as CSV (with quoting right, or wrong) or as .xlsx (text, numbers,
//! booleans, blanks).

use std::path::Path;

use proptest::prelude::*;

use crate::pipeline::Kind;
use crate::support::fixtures::LEDGER_HEADER;

/// A cell of a spreadsheet.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    Blank,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Blank => String::new(),
        }
    }
}

pub type Table = Vec<Vec<Cell>>;

fn header(kind: Kind, en: bool) -> Vec<&'static str> {
    match (kind, en) {
        (Kind::Units, false) => vec!["单位", "类型", "主要领导", "联系方式"],
        (Kind::Units, true) => vec!["unit name", "kind", "main leader", "contact"],
        (Kind::Leaders, false) => vec!["姓名", "职务", "联系主任"],
        (Kind::Leaders, true) => vec!["name", "title", "liaison"],
        (Kind::Ledger, false) => LEDGER_HEADER.to_vec(),
        (Kind::Ledger, true) => vec![
            "task",
            "lead unit",
            "co-units",
            "meeting date",
            "topic",
            "responsible leader",
            "limit",
            "completed on",
        ],
    }
}

const NAMES: &[&str] = &[
    "上塘镇",
    "县财政局",
    "东溪镇",
    "李副县长",
    "王县长",
    "张三",
    "",
];
const DATES: &[&str] = &[
    "2026-11-02",
    "2026/11/2",
    "20261102",
    "2026年11月2日",
    "11月2日",
    "2026.11.2",
    "2026/11/2 0:00:00",
    "2026-02-30",
    "2026-13-01",
    "1969-12-31",
    "2200-01-01",
    "2027-01-01",
    "45000",
    "",
    "—",
];
const KINDS: &[&str] = &["乡镇", "县直单位", "其他", "township", "镇", "部门", "村"];
const TITLES: &[&str] = &[
    "县长",
    "副县长",
    "办公室主任",
    "办公室副主任",
    "deputy head",
    "书记",
];
const LIMITS: &[&str] = &[
    "",
    "默认",
    "2026-12-31",
    "经费",
    "编制",
    "exempt:land",
    "+5",
    "不设",
    "明年",
];
const NASTY: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]52;c;ZXZpbA==\u{7}",
    "\u{9b}31m",
    "\u{202e}",
    "\u{0}",
    "\"",
    ",",
    "\n",
    "\r\n",
    "=1+1",
    "@SUM(A1)",
    "、",
    "；",
    " ",
    "\u{feff}",
    "😀",
    "\u{200d}",
];

/// Plausible values of the `col`-th column of `kind`.
fn plausible(kind: Kind, col: usize) -> &'static [&'static str] {
    match (kind, col) {
        (Kind::Units, 1) => KINDS,
        (Kind::Leaders, 1) => TITLES,
        (Kind::Ledger, 3) | (Kind::Ledger, 7) => DATES,
        (Kind::Ledger, 6) => LIMITS,
        (Kind::Ledger, 0) | (Kind::Ledger, 4) => {
            &["完成管网改造", "瓯江引水", "清理河道；拆除违建", ""]
        }
        (Kind::Ledger, 2) => &["", "县财政局", "上塘镇、县财政局", "东溪镇,县财政局"],
        _ => NAMES,
    }
}

/// A cell of column `col`: mostly plausible, sometimes hostile, a number, a boolean, a blank or
/// anything at all.
fn cell(kind: Kind, col: usize) -> impl Strategy<Value = Cell> {
    let values = plausible(kind, col);
    prop_oneof![
        6 => proptest::sample::select(values).prop_map(|s| Cell::Text(s.to_string())),
        2 => (proptest::sample::select(values), proptest::sample::select(NASTY), any::<bool>())
            .prop_map(|(v, n, before)| Cell::Text(if before { format!("{n}{v}") } else { format!("{v}{n}") })),
        1 => any::<String>().prop_map(Cell::Text),
        1 => prop_oneof![any::<f64>(), -1e6..1e6f64, Just(45000.0), Just(f64::NAN)].prop_map(Cell::Number),
        1 => any::<bool>().prop_map(Cell::Bool),
        1 => Just(Cell::Blank),
    ]
}

/// A row of `kind` that imports cleanly (the `i`-th, so names differ), its options chosen by
/// `pick`; units and leaders it names are in the county of `pipeline` or made by the import.
fn good_row(kind: Kind, i: usize, pick: usize) -> Vec<Cell> {
    let at = |options: &[&str], n: usize| Cell::Text(options[n % options.len()].to_string());
    match kind {
        Kind::Units => vec![
            Cell::Text(format!("新{i}镇")),
            at(&["乡镇", "县直单位", "其他", "township"], pick),
            at(&["", "陈主任"], pick / 4),
            at(&["", "0577-1"], pick / 8),
        ],
        Kind::Leaders => vec![
            Cell::Text(format!("领导{i}")),
            at(&["县长", "副县长", "办公室主任", "办公室副主任"], pick),
            Cell::Blank,
        ],
        Kind::Ledger => vec![
            Cell::Text(format!("事项{i}")),
            at(&["上塘镇", "县财政局", "新桥镇"], pick),
            Cell::Blank,
            at(
                &["2026-11-02", "2026/11/2", "2026年11月2日", "20261102"],
                pick / 3,
            ),
            at(&["瓯江引水", "河道整治；清理"], pick / 12),
            at(&["", "李副县长", "王副县长"], pick / 24),
            at(&["", "2026-12-31", "经费", "默认"], pick / 72),
            at(&["", "2026-11-20"], pick / 288),
        ],
    }
}

/// A table of `kind`: maybe a title row, a header (maybe with a column renamed), rows that would
/// import, about half of them with one cell replaced by anything [`cell`] makes.
pub fn table(kind: Kind) -> impl Strategy<Value = Table> {
    let width = header(kind, false).len();
    let mutation = (0..width).prop_flat_map(move |c| (Just(c), cell(kind, c)));
    let row = (0..1000usize, proptest::option::of(mutation));
    (
        any::<bool>(),
        any::<bool>(),
        proptest::option::weighted(0.1, (0..width, any::<String>())),
        proptest::collection::vec(row, 0..6),
    )
        .prop_map(move |(en, title, renamed, rows)| {
            let mut t: Table = Vec::new();
            if title {
                t.push(vec![Cell::Text("督办事项台账 2026-11-25".into())]);
            }
            let mut head: Vec<Cell> = header(kind, en)
                .into_iter()
                .map(|h| Cell::Text(h.to_string()))
                .collect();
            if let Some((i, name)) = renamed {
                head[i] = Cell::Text(name);
            }
            t.push(head);
            for (i, (pick, mutation)) in rows.into_iter().enumerate() {
                let mut r = good_row(kind, i, pick);
                if let Some((c, cell)) = mutation {
                    r[c] = cell;
                }
                t.push(r);
            }
            t
        })
}

/// How a table is written as CSV: every field quoted as RFC 4180 asks, only where needed, or
/// never (so a comma, a quote or a line break in a cell breaks the row).
#[derive(Debug, Clone, Copy)]
pub enum Quoting {
    All,
    Needed,
    Never,
}

pub fn quoting() -> impl Strategy<Value = Quoting> {
    prop_oneof![
        Just(Quoting::All),
        Just(Quoting::Needed),
        Just(Quoting::Never)
    ]
}

pub fn csv(t: &Table, q: Quoting, crlf: bool) -> String {
    let field = |s: String| match q {
        Quoting::All => format!("\"{}\"", s.replace('"', "\"\"")),
        Quoting::Needed if s.contains([',', '"', '\n', '\r']) => {
            format!("\"{}\"", s.replace('"', "\"\""))
        }
        _ => s,
    };
    let end = if crlf { "\r\n" } else { "\n" };
    t.iter()
        .map(|r| {
            r.iter()
                .map(|c| field(c.text()))
                .collect::<Vec<_>>()
                .join(",")
                + end
        })
        .collect()
}

/// The table as a workbook at `path`.
pub fn xlsx(t: &Table, path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in t.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(s) => sheet.write_string(r, c, s).map(|_| ()),
                Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::Bool(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                Cell::Blank => Ok(()),
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}
