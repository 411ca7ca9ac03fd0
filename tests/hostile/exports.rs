//! Every export over the hostile database: the ledger as .csv (bytes) and .xlsx, the report as
//! .xlsx (cell strings read back with calamine), the feedback form and the criticism notice as
//! .docx (the text of document.xml, character references decoded). None holds a control character
//! or a bidi override; no cell or paragraph holds a line break.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use duban::domain::Thresholds;
use duban::i18n::Lang;
use duban::store::Store;

use crate::corpus::{VISIBLE, assert_clean, assert_one_line_fields, hostile_db, ok, today};

/// Every string cell of every sheet; how many showed the hostile text.
fn check_xlsx(path: &Path) -> usize {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut shown = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for (r, c, cell) in range.used_cells() {
            if let Data::String(s) = cell {
                assert_clean(&format!("{} {name} ({r},{c})", path.display()), s, &[]);
                shown += s.matches(VISIBLE).count();
            }
        }
    }
    shown
}

fn member(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// XML text with its character references decoded (`&#27;`, `&#x1B;`), so an escaped control
/// character is found too.
fn decode_refs(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(';').unwrap();
        let code = &after[..end];
        let n = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
            None => code.parse().unwrap(),
        };
        out.push(char::from_u32(n).unwrap());
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The document's XML (white space between tags allowed) and the text of every run.
fn check_docx(path: &Path) -> usize {
    let xml = decode_refs(&member(path, "word/document.xml"));
    let what = path.display().to_string();
    assert_clean(&what, &xml, &['\n', '\r', '\t']);
    let mut shown = 0;
    for run in xml.split("<w:t").skip(1) {
        let text = run.split_once('>').unwrap().1;
        let text = text.split("</w:t>").next().unwrap();
        assert_clean(&format!("{what} run"), text, &[]);
        shown += text.matches(VISIBLE).count();
    }
    shown
}

#[test]
fn every_export_is_free_of_control_characters_and_bidi_overrides() {
    let (dir, db, added) = hostile_db();
    let out = |name: &str| dir.path().join(name);
    for lang in ["zh", "en"] {
        let csv = out(&format!("ledger-{lang}.csv"));
        ok(
            &db,
            &[
                "--lang",
                lang,
                "export",
                "ledger",
                "--out",
                csv.to_str().unwrap(),
            ],
        );
        let bytes = String::from_utf8(std::fs::read(&csv).unwrap()).unwrap();
        let records = bytes.replace("\r\n", "\n");
        assert_clean("ledger.csv", &records, &['\n']);
        assert_one_line_fields("ledger.csv", &records);
        assert!(
            records.contains(VISIBLE),
            "the ledger shows no hostile text"
        );

        let xlsx = out(&format!("ledger-{lang}.xlsx"));
        ok(
            &db,
            &[
                "--lang",
                lang,
                "export",
                "ledger",
                "--out",
                xlsx.to_str().unwrap(),
            ],
        );
        assert!(check_xlsx(&xlsx) > 0);

        let report = out(&format!("report-{lang}.xlsx"));
        ok(
            &db,
            &[
                "--lang",
                lang,
                "export",
                "report",
                "--out",
                report.to_str().unwrap(),
            ],
        );
        assert!(check_xlsx(&report) > 0);

        for id in [1, added.criticism] {
            let notice = out(&format!("criticism-{id}-{lang}.docx"));
            let id = id.to_string();
            ok(
                &db,
                &[
                    "--lang",
                    lang,
                    "export",
                    "criticism",
                    &id,
                    "--out",
                    notice.to_str().unwrap(),
                ],
            );
            assert!(check_docx(&notice) > 0);
        }
    }
    // The feedback form names its unit, whose name the command line cannot type (a hostile name
    // is cleaned as it is typed): the export function itself, on the hostile meeting and on a
    // poisoned one of the demo.
    let store = Store::open(&db, Thresholds::default()).unwrap();
    for meeting in [added.meeting, 1] {
        let detail = store.meeting_detail(meeting, today()).unwrap();
        for (unit, _) in &detail.attendance {
            for lang in [Lang::Zh, Lang::En] {
                let form = out(&format!("form-{meeting}-{lang:?}.docx"));
                let meta = duban::export::DocMeta::now("hostile", "县考绩办");
                duban::export::feedback_form(&form, lang, &detail, unit, &meta).unwrap();
                assert!(check_docx(&form) > 0);
            }
        }
    }
}
