//! Reading a .docx back as the tests need it: a part of the package, the text of the body with
//! one paragraph a line, and the tables as rows of cell texts.

use std::io::Read;
use std::path::Path;

/// The text of one part of the package (`word/document.xml`, `docProps/core.xml`, …).
pub fn part(path: &Path, member: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = String::new();
    zip.by_name(member)
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of some WordprocessingML: the runs' text, a line break after each paragraph and a tab
/// after each table cell.
pub fn text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        if name == "w:t" && !tag.ends_with('/') {
            let end = rest.find("</w:t>").unwrap_or(rest.len());
            out.push_str(&unescape(&rest[..end]));
            rest = &rest[end..];
        } else if tag == "/w:p" {
            out.push('\n');
        } else if tag == "/w:tc" {
            out.push('\t');
        }
    }
    out
}

/// The body's text of the .docx at `path`.
pub fn body_text(path: &Path) -> String {
    text(&part(path, "word/document.xml"))
}

/// The tables of the .docx at `path`, in order: each a list of rows, each row its cells' texts.
pub fn tables(path: &Path) -> Vec<Vec<Vec<String>>> {
    let xml = part(path, "word/document.xml");
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</w:tbl>").unwrap()];
            t.split("</w:tr>")
                .filter(|r| r.contains("<w:tc>"))
                .map(|r| {
                    r.split("</w:tc>")
                        .filter(|c| c.contains("<w:tc>"))
                        .map(|c| text(c).trim().to_string())
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The number written right after the first `prefix` in `text`.
pub fn number_after(text: &str, prefix: &str) -> i64 {
    let at = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no \"{prefix}\" in the text:\n{text}"));
    let digits: String = text[at + prefix.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number after \"{prefix}\""))
}
