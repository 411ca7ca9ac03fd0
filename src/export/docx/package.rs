//! The package around a document's body: its properties (who made it and when), the font table
//! that tells Word which fonts to use in place of those a computer lacks, the document's language,
//! and the heading rows of tables repeated on each page. The library writes none of these as an
//! official document needs them, so its parts are completed here before they are packed.

use std::path::Path;

use chrono::{DateTime, Utc};
use docx_rs::Docx;

use super::layout::HEADER_ROW_HEIGHT;
use crate::export::{ExportError, write_atomically};

/// Who made a document and when, for its properties (docProps/core.xml): the account that
/// exported it, the office it writes for, and the real time of the export (not `--today`, which
/// dates the document's body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub author: String,
    pub office: String,
    pub at: DateTime<Utc>,
    /// The configured body that receives referrals (`referral_body`); `None`: the language's
    /// default ([`crate::i18n::referral_body`]).
    pub referral_body: Option<String>,
}

impl DocMeta {
    /// A document made now by `author` for `office`.
    pub fn now(author: &str, office: &str) -> DocMeta {
        DocMeta {
            author: author.to_string(),
            office: office.to_string(),
            at: Utc::now(),
            referral_body: None,
        }
    }

    /// The same, naming `body` as the receiver of referrals.
    pub fn with_referral_body(mut self, body: Option<String>) -> DocMeta {
        self.referral_body = body;
        self
    }
}

/// The fonts named in the documents, with the font Word takes when the first is missing (its
/// `w:altName`), and the family of both.
const FONTS: [(&str, &str, &str); 5] = [
    ("仿宋_GB2312", "仿宋", "modern"),
    ("方正小标宋简体", "宋体", "script"),
    ("黑体", "SimHei", "modern"),
    ("宋体", "SimSun", "auto"),
    ("Times New Roman", "", "roman"),
];

/// `s` with XML's five special characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::sanitise(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// docProps/core.xml: the title, the author (and last editor), and the time of the export.
fn core_xml(meta: &DocMeta, title: &str) -> Vec<u8> {
    let at = meta.at.format("%Y-%m-%dT%H:%M:%SZ");
    let author = escape(&meta.author);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified></cp:coreProperties>"#,
        title = escape(title),
    )
    .into_bytes()
}

/// docProps/app.xml: the application and the office (Word's "company").
fn app_xml(meta: &DocMeta) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>duban {}</Application><Company>{}</Company></Properties>"#,
        env!("CARGO_PKG_VERSION"),
        escape(&meta.office)
    )
    .into_bytes()
}

/// word/fontTable.xml: each font with its alternative, the Chinese character set (GB2312, 86)
/// for the Chinese fonts.
fn font_table() -> Vec<u8> {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt, family) in FONTS {
        out.push_str(&format!(r#"<w:font w:name="{name}">"#));
        if !alt.is_empty() {
            out.push_str(&format!(r#"<w:altName w:val="{alt}"/>"#));
        }
        let charset = if name.is_ascii() { "00" } else { "86" };
        out.push_str(&format!(
            r#"<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
        ));
    }
    out.push_str("</w:fonts>");
    out.into_bytes()
}

/// styles.xml with the document's languages in its default run properties: Chinese for east-Asian
/// text, so that spelling checks and the choice of glyphs follow Simplified Chinese.
fn with_language(styles: &[u8]) -> Vec<u8> {
    let styles = String::from_utf8_lossy(styles);
    let lang = r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#;
    styles
        .replacen(
            "</w:rPr></w:rPrDefault>",
            &format!("{lang}</w:rPr></w:rPrDefault>"),
            1,
        )
        .into_bytes()
}

/// document.xml with every row of [`HEADER_ROW_HEIGHT`] marked as a heading row (`w:tblHeader`),
/// which Word and LibreOffice repeat at the top of each page a table runs onto.
fn with_header_rows(document: &[u8]) -> Vec<u8> {
    let document = String::from_utf8_lossy(document);
    let height = format!(r#"<w:trHeight w:val="{HEADER_ROW_HEIGHT}" "#);
    document
        .replace(&height, &format!("<w:tblHeader />{height}"))
        .into_bytes()
}

/// Packs `docx`, titled `title`, with the properties of `meta`, and writes it to `path`
/// atomically.
pub(crate) fn save(
    path: &Path,
    docx: Docx,
    meta: &DocMeta,
    title: &str,
) -> Result<(), ExportError> {
    let mut xml = docx.build();
    xml.doc_props.core = core_xml(meta, &title.replace('\n', ""));
    xml.doc_props.app = app_xml(meta);
    xml.font_table = font_table();
    xml.styles = with_language(&xml.styles);
    xml.document = with_header_rows(&xml.document);
    write_atomically(path, |out| {
        xml.pack(out).map_err(|e| ExportError::Docx(e.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_name_the_author_and_the_time_escaped() {
        let meta = DocMeta {
            author: "zhang<san>".into(),
            office: "县考绩办".into(),
            at: DateTime::parse_from_rfc3339("2026-12-03T09:30:00+08:00")
                .unwrap()
                .with_timezone(&Utc),
            referral_body: None,
        };
        let core = String::from_utf8(core_xml(&meta, "关于\"甲\"的通报")).unwrap();
        assert!(
            core.contains("<dc:creator>zhang&lt;san&gt;</dc:creator>"),
            "{core}"
        );
        assert!(
            core.contains(">2026-12-03T01:30:00Z</dcterms:created>"),
            "{core}"
        );
        assert!(
            core.contains("<dc:title>关于&quot;甲&quot;的通报</dc:title>"),
            "{core}"
        );
        let app = String::from_utf8(app_xml(&meta)).unwrap();
        assert!(app.contains("<Company>县考绩办</Company>"), "{app}");
    }

    #[test]
    fn heading_rows_are_marked_and_the_language_is_set() {
        let doc = format!(
            r#"<w:tr><w:trPr><w:cantSplit /><w:trHeight w:val="{HEADER_ROW_HEIGHT}" w:hRule="atLeast" /></w:trPr></w:tr><w:tr><w:trPr><w:trHeight w:val="500" w:hRule="atLeast" /></w:trPr></w:tr>"#
        );
        let out = String::from_utf8(with_header_rows(doc.as_bytes())).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 1, "{out}");
        let styles = "<w:rPrDefault><w:rPr><w:sz w:val=\"32\" /></w:rPr></w:rPrDefault>";
        let out = String::from_utf8(with_language(styles.as_bytes())).unwrap();
        assert!(out.contains(r#"w:eastAsia="zh-CN""#), "{out}");
    }
}
