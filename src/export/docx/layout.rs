//! The parts of a document in 公文 form (GB/T 9704-2012), shared by every document duban writes:
//! the page (A4, top 37 mm, left 28 mm, a type area of 156 × 225 mm, "— 1 —" page numbers at the
//! outside edge), the 发文字号 centred above the title, the title in 小标宋 二号, the addressee
//! (主送机关) flush left, body paragraphs in 仿宋 三号 on a fixed 28-point line, headings in 黑体,
//! and the signature block (落款: issuing office and date) kept on the page with the body's last
//! lines. Fonts are named as offices have them (仿宋_GB2312, 方正小标宋简体, 黑体, 宋体) with the
//! east-Asian hint; the font table gives Word the common alternatives (see `package`), and a
//! computer with none of them substitutes its own CJK faces.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, HeightRule, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table,
    TableCellMargins, TableRow, VAlignType, WidthType,
};
use unicode_width::UnicodeWidthChar;

use crate::i18n::Lang;

pub(crate) const TITLE_FONT: &str = "方正小标宋简体";
pub(crate) const BODY_FONT: &str = "仿宋_GB2312";
pub(crate) const HEADING_FONT: &str = "黑体";
pub(crate) const PAGE_NUMBER_FONT: &str = "宋体";
pub(crate) const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
pub(crate) const TITLE_SIZE: usize = 44;
pub(crate) const BODY_SIZE: usize = 32;
const PAGE_NUMBER_SIZE: usize = 28;
pub(crate) const TABLE_SIZE: usize = 24;
pub(crate) const SMALL_TABLE_SIZE: usize = 21;

/// The width of the type area (版心, 156 mm), in twips.
pub(crate) const TEXT_WIDTH: usize = 8844;
/// One character of the body (三号, 16 pt), in twips: indents are counted in characters.
pub(crate) const CHAR: i32 = 320;
/// The body's fixed line (28 pt), in twips.
const LINE: i32 = 560;
/// The height that marks a table's heading row, repeated on every page the table runs onto (the
/// library cannot say so itself: `package` adds `w:tblHeader` to rows of exactly this height).
pub(crate) const HEADER_ROW_HEIGHT: f32 = 457.0;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .hint("eastAsia")
}

/// The fonts of the whole document, for its defaults.
pub(crate) fn default_fonts() -> RunFonts {
    fonts(BODY_FONT)
}

/// A run of `text` (one line, control characters removed) in `font` at `size` half-points.
pub(crate) fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(crate::export::cell(text))
        .fonts(fonts(font))
        .size(size)
}

/// A paragraph of stored text that may hold line breaks: each line cleaned, breaks kept.
pub(crate) fn multiline(text: &str, font: &str, size: usize) -> Paragraph {
    let mut p = Paragraph::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
        }
        p = p.add_run(run(line, font, size));
    }
    p
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line(line)
        .line_rule(LineSpacingType::Exact)
        .before(0)
        .after(0)
}

/// `text` as a sentence: ending in 。 (or a full stop in English) unless it already ends in a
/// sentence's closing mark.
pub(crate) fn sentence(lang: Lang, text: &str) -> String {
    let text = text.trim_end();
    let closed = text.chars().last().is_none_or(|c| "。！？!?.…".contains(c));
    if closed {
        text.to_string()
    } else {
        match lang {
            Lang::Zh => format!("{text}。"),
            Lang::En => format!("{text}."),
        }
    }
}

/// The approximate width of `text` at `size` half-points, in twips: a wide character is one
/// em, anything else half of one (Times New Roman's digits are exactly that), and a quarter of an
/// em where Chinese meets a letter or digit (the space Word and LibreOffice put between them).
pub(crate) fn text_width(text: &str, size: usize) -> i32 {
    let em = i32::try_from(size * 10).unwrap_or(i32::MAX);
    let mut width = 0;
    let mut last_wide = None;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if w == 0 {
            continue;
        }
        let wide = w > 1;
        if c.is_alphanumeric() || wide {
            if last_wide.is_some_and(|l| l != wide) {
                width += em / 4;
            }
            last_wide = Some(wide);
        } else {
            last_wide = None;
        }
        width += if wide { em } else { em / 2 };
    }
    width
}

/// An empty line of the body's height.
pub(crate) fn blank() -> Paragraph {
    Paragraph::new()
        .add_run(run("", BODY_FONT, BODY_SIZE))
        .line_spacing(exact(LINE))
}

/// A little space (8 pt) after a table, before the body goes on.
pub(crate) fn gap() -> Paragraph {
    Paragraph::new()
        .add_run(run("", BODY_FONT, BODY_SIZE))
        .line_spacing(exact(160))
}

/// "草稿" in red at the top right: the document is a draft for the office to complete.
pub(crate) fn draft_mark(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEADING_FONT, BODY_SIZE).color("C00000"))
        .align(AlignmentType::Right)
        .line_spacing(exact(LINE))
}

/// The document number (发文字号), centred above the title.
pub(crate) fn doc_number(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .align(AlignmentType::Center)
        .line_spacing(exact(LINE))
}

/// The title: 小标宋 二号, centred; a line break in `text` is where a long title turns, so that each
/// line keeps its words whole.
pub(crate) fn title(text: &str) -> Paragraph {
    multiline(text, TITLE_FONT, TITLE_SIZE)
        .align(AlignmentType::Center)
        .line_spacing(exact(700))
        .keep_next(true)
}

/// The addressee (主送机关): flush left, on the line after the blank under the title.
pub(crate) fn addressee(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .align(AlignmentType::Left)
        .line_spacing(exact(LINE))
        .keep_next(true)
}

/// A body paragraph: 三号 仿宋, first line indented two characters, justified, a fixed 28-point
/// line, never one line alone at the top or foot of a page.
pub(crate) fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            None,
            None,
        )
        .align(AlignmentType::Both)
        .line_spacing(exact(LINE))
        .widow_control(true)
}

/// A note under a table saying what a mark in it means: 仿宋 五号, flush left, one sentence.
pub(crate) fn table_note(lang: Lang, text: &str) -> Paragraph {
    sized_text(&sentence(lang, text), AlignmentType::Left, SMALL_TABLE_SIZE)
        .line_spacing(exact(360))
}

/// The note under a table whose deadlines or counts are marked provisional (`*`), when `any` is.
pub(crate) fn provisional_note(lang: Lang, any: bool) -> Option<Paragraph> {
    any.then(|| table_note(lang, lang.t(crate::i18n::Msg::ProvisionalNote)))
}

/// A paragraph that introduces the table after it, kept on the page with the table's first row.
pub(crate) fn lead_in(text: &str) -> Paragraph {
    body(text).keep_next(true)
}

/// A first-level heading ("一、总体情况"): 黑体 三号, indented two characters, kept with what
/// follows.
pub(crate) fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEADING_FONT, BODY_SIZE))
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            None,
            None,
        )
        .line_spacing(exact(LINE))
        .keep_next(true)
}

/// The label of an attachment ("附件"): 黑体 三号, flush left on the first line.
pub(crate) fn attachment_label(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEADING_FONT, BODY_SIZE))
        .align(AlignmentType::Left)
        .line_spacing(exact(LINE))
}

/// The body's last paragraph and the signature block (落款) after it: a blank line, the issuing
/// offices one under the other, and the date in Chinese form on the next line, its first
/// character two characters right of the offices' (GB/T 9704-2012 7.3.5.2, a document without a
/// seal), the longer of the two ending two characters from the right margin. Every paragraph
/// but the date is kept with the next, so the date never stands on a page without the body's
/// last lines.
pub(crate) fn signed(doc: Docx, last: Paragraph, issuers: &[&str], date: &str) -> Docx {
    let issuer_width = issuers
        .iter()
        .map(|i| text_width(i, BODY_SIZE))
        .max()
        .unwrap_or(0);
    let date_width = text_width(date, BODY_SIZE);
    let right_edge = TEXT_WIDTH as i32 - 2 * CHAR;
    let start = (right_edge - issuer_width.max(2 * CHAR + date_width)).max(0);
    let at = |text: &str, left: i32, keep: bool| {
        Paragraph::new()
            .add_run(run(text, BODY_FONT, BODY_SIZE))
            .align(AlignmentType::Left)
            .indent(Some(left), None, None, None)
            .line_spacing(exact(LINE))
            .keep_next(keep)
            .keep_lines(true)
    };
    let mut doc = doc
        .add_paragraph(last.keep_next(true))
        .add_paragraph(blank().keep_next(true));
    for issuer in issuers {
        doc = doc.add_paragraph(at(issuer, start, true));
    }
    doc.add_paragraph(at(date, start + 2 * CHAR, false))
}

/// A table cell holding `p`, `span` grid columns wide, centred vertically.
pub(crate) fn cell(p: Paragraph, width: usize, span: usize) -> docx_rs::TableCell {
    let c = docx_rs::TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if span > 1 { c.grid_span(span) } else { c }
}

/// A cell's text in the tables' type (仿宋 小四).
pub(crate) fn cell_text(text: &str, align: AlignmentType) -> Paragraph {
    sized_text(text, align, TABLE_SIZE)
}

/// A cell's text at `size` half-points.
pub(crate) fn sized_text(text: &str, align: AlignmentType, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, size))
        .align(align)
}

/// A bordered table row at least `height` twips tall, never split across pages.
pub(crate) fn row(cells: Vec<docx_rs::TableCell>, height: f32) -> TableRow {
    TableRow::new(cells)
        .row_height(height)
        .height_rule(HeightRule::AtLeast)
        .cant_split()
}

/// A table's heading row, repeated at the top of every page the table runs onto.
pub(crate) fn header_row(cells: Vec<docx_rs::TableCell>) -> TableRow {
    row(cells, HEADER_ROW_HEIGHT)
}

/// A bordered table over `grid` (column widths in twips).
pub(crate) fn table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    let width = grid.iter().sum();
    Table::new(rows).set_grid(grid).width(width, WidthType::Dxa)
}

/// A bordered table over `grid` with narrow cell margins (1 mm), for dense figures.
pub(crate) fn dense_table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    table(rows, grid).margins(TableCellMargins::new().margin(0, 57, 0, 57))
}

/// The page number "— 1 —" in 宋体 四号, one character in from the outside edge: right on odd
/// pages, left on even ones.
fn page_number(odd: bool) -> Footer {
    let field = Run::new()
        .fonts(fonts(PAGE_NUMBER_FONT))
        .size(PAGE_NUMBER_SIZE)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let one = PAGE_NUMBER_SIZE as i32 * 10;
    let p = Paragraph::new()
        .add_run(run("— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE))
        .add_run(field)
        .add_run(run(" —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE));
    let p = if odd {
        p.align(AlignmentType::Right)
            .indent(None, None, Some(one), None)
    } else {
        p.align(AlignmentType::Left)
            .indent(Some(one), None, None, None)
    };
    Footer::new().add_paragraph(p)
}

/// An A4 document with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right
/// 26 mm: a type area of 156 × 225 mm), page numbers 7 mm under the type area, and the body's
/// type as default.
pub(crate) fn document() -> Docx {
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474)
                .header(851)
                .footer(1247),
        )
        .default_fonts(default_fonts())
        .default_size(BODY_SIZE)
        .footer(page_number(true))
        .even_footer(page_number(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_in_a_full_stop_once() {
        assert_eq!(sentence(Lang::Zh, "未按时完成"), "未按时完成。");
        assert_eq!(sentence(Lang::Zh, "未按时完成。 "), "未按时完成。");
        assert_eq!(sentence(Lang::Zh, "是否完成？"), "是否完成？");
        assert_eq!(sentence(Lang::En, "Not done"), "Not done.");
        assert_eq!(sentence(Lang::Zh, ""), "");
    }

    #[test]
    fn widths_count_a_chinese_character_as_one_em() {
        assert_eq!(text_width("县考绩办", BODY_SIZE), 4 * CHAR);
        assert_eq!(
            text_width("2026年12月3日", BODY_SIZE),
            3 * CHAR + 7 * CHAR / 2 + 5 * CHAR / 4
        );
    }
}
