//! Pieces every screen uses: the data table (columns fitted to the width, Chinese measured in
//! display cells, cut with ⋯), the detail pane, and cell-exact text helpers.

pub mod bars;
pub mod big;
mod detail;
mod table;
pub mod wrap;

pub use detail::Detail;
pub use table::{Column, DataTable};

use unicode_width::UnicodeWidthStr;

use crate::text::{clean, truncate};

/// Stored text made safe and cut to `width` display cells (never through a character).
pub fn fit(s: &str, width: usize) -> String {
    truncate(&clean(s), width)
}

/// Display width in cells.
pub fn width(s: &str) -> usize {
    s.width()
}
