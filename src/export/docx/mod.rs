//! Word documents in the style of official papers (GB/T 9704 in spirit): A4, the title in
//! 方正小标宋简体, the body in 仿宋_GB2312 三号 with a fixed 28-point line, tables in 仿宋 小四.
//! A computer without those fonts falls back to its own Song/Hei faces.

mod criticism_notice;
mod feedback_form;

pub use criticism_notice::criticism_notice;
pub use feedback_form::feedback_form;

use std::path::Path;

use docx_rs::{
    AlignmentType, Docx, HeightRule, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::{ExportError, write_atomically};

pub(crate) const TITLE_FONT: &str = "方正小标宋简体";
pub(crate) const BODY_FONT: &str = "仿宋_GB2312";
pub(crate) const HEADING_FONT: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt.
pub(crate) const TITLE_SIZE: usize = 44;
pub(crate) const BODY_SIZE: usize = 32;
pub(crate) const TABLE_SIZE: usize = 24;

/// The width of the type area on A4 with 28 mm + 26 mm side margins, in twips.
pub(crate) const TEXT_WIDTH: usize = 8844;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
}

/// A run of `text` (one line, control characters removed) in `font` at `size` half-points.
pub(crate) fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(super::cell(text))
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

/// The centred title.
pub(crate) fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, TITLE_FONT, TITLE_SIZE))
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(312))
}

/// A body paragraph: 三号 仿宋, first line indented two characters, a fixed 28-point line.
pub(crate) fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .first_line_chars(200)
        .align(AlignmentType::Both)
        .line_spacing(
            LineSpacing::new()
                .line(560)
                .line_rule(LineSpacingType::Exact),
        )
}

/// A paragraph of `text` aligned `align`, in the body's type.
pub(crate) fn aligned(text: &str, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .align(align)
}

/// A table cell holding `p`, `span` grid columns wide, centred vertically.
pub(crate) fn cell(p: Paragraph, width: usize, span: usize) -> TableCell {
    let c = TableCell::new()
        .add_paragraph(p)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if span > 1 { c.grid_span(span) } else { c }
}

/// A cell's text in the table's type.
pub(crate) fn cell_text(text: &str, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, TABLE_SIZE))
        .align(align)
}

/// A bordered table row at least `height` twips tall.
pub(crate) fn row(cells: Vec<TableCell>, height: f32) -> TableRow {
    TableRow::new(cells)
        .row_height(height)
        .height_rule(HeightRule::AtLeast)
}

/// A bordered table over `grid` (column widths in twips).
pub(crate) fn table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    let width = grid.iter().sum();
    Table::new(rows).set_grid(grid).width(width, WidthType::Dxa)
}

/// An A4 document with official margins and the body's type as default.
pub(crate) fn document() -> Docx {
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
}

/// Packs `docx` and writes it to `path` atomically.
pub(crate) fn save(path: &Path, docx: Docx) -> Result<(), ExportError> {
    write_atomically(path, |out| {
        docx.build()
            .pack(out)
            .map_err(|e| ExportError::Docx(e.to_string()))
    })
}
