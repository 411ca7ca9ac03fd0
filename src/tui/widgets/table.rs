//! The data table: a bordered table of the rows on screen, with the columns that fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

use super::fit;
use crate::tui::theme::Theme;

/// A column: its header, its width in cells (the flexible column takes what is left, at least
/// `width`), and how long it stays when space runs out (higher stays longer).
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub width: u16,
    pub flex: bool,
    pub keep: u8,
}

impl Column {
    pub fn fixed(header: &str, width: u16, keep: u8) -> Column {
        Column {
            header: header.to_string(),
            width,
            flex: false,
            keep,
        }
    }

    pub fn flex(header: &str, min: u16) -> Column {
        Column {
            header: header.to_string(),
            width: min,
            flex: true,
            keep: u8::MAX,
        }
    }
}

/// Which columns fit in `avail` cells (one cell between columns), and their widths.
pub fn fit_columns(columns: &[Column], avail: u16) -> Vec<(usize, u16)> {
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    let need = |shown: &[usize]| -> u16 {
        let w: u16 = shown.iter().map(|&i| columns[i].width).sum();
        w + shown.len().saturating_sub(1) as u16
    };
    while need(&shown) > avail && shown.len() > 1 {
        let Some(pos) = shown
            .iter()
            .enumerate()
            .min_by_key(|(p, i)| (columns[**i].keep, usize::MAX - *p))
            .map(|(p, _)| p)
        else {
            break;
        };
        shown.remove(pos);
    }
    let spare = avail.saturating_sub(need(&shown));
    let flex = shown.iter().position(|&i| columns[i].flex);
    shown
        .iter()
        .enumerate()
        .map(|(p, &i)| {
            let extra = if Some(p) == flex { spare } else { 0 };
            (i, columns[i].width.saturating_add(extra))
        })
        .collect()
}

/// A table of the rows on screen. Cells are `(text, style)`; the text is cut to the column.
pub struct DataTable<'a> {
    pub title: Line<'a>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<(String, Style)>>,
    /// The selected row among `rows`.
    pub selected: Option<usize>,
    /// Shown instead of rows when there are none.
    pub empty: String,
    pub theme: Theme,
}

impl DataTable<'_> {
    pub fn render(self, f: &mut Frame, area: Rect) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(self.theme.border())
            .title(self.title);
        let inner = block.inner(area);
        f.render_widget(block, area);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let fitted = fit_columns(&self.columns, inner.width);
        let header = Row::new(fitted.iter().map(|&(i, w)| {
            Cell::from(Span::styled(
                fit(&self.columns[i].header, usize::from(w)),
                self.theme.header(),
            ))
        }));
        if self.rows.is_empty() {
            let [head, rest] =
                ratatui::layout::Layout::vertical([Constraint::Length(1), Constraint::Min(0)])
                    .areas(inner);
            f.render_widget(
                Table::new(Vec::<Row>::new(), widths(&fitted)).header(header),
                head,
            );
            f.render_widget(
                Paragraph::new(Span::styled(
                    fit(&self.empty, usize::from(rest.width)),
                    self.theme.muted(),
                )),
                rest,
            );
            return;
        }
        let rows = self.rows.into_iter().map(|cells| {
            Row::new(fitted.iter().map(|&(i, w)| {
                let (text, style) = cells.get(i).cloned().unwrap_or_default();
                Cell::from(Span::styled(fit(&text, usize::from(w)), style))
            }))
        });
        let table = Table::new(rows, widths(&fitted))
            .header(header)
            .column_spacing(1)
            .row_highlight_style(self.theme.selected());
        let mut state = TableState::default().with_selected(self.selected);
        f.render_stateful_widget(table, inner, &mut state);
    }
}

fn widths(fitted: &[(usize, u16)]) -> Vec<Constraint> {
    fitted.iter().map(|&(_, w)| Constraint::Length(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flexible_column_takes_the_spare_room_and_low_columns_go_first() {
        let cols = [
            Column::fixed("a", 4, 9),
            Column::flex("text", 10),
            Column::fixed("b", 20, 1),
            Column::fixed("c", 6, 5),
        ];
        let wide = fit_columns(&cols, 60);
        assert_eq!(wide.iter().map(|c| c.0).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!(wide.iter().map(|c| c.1).sum::<u16>() + 3, 60);
        let narrow = fit_columns(&cols, 30);
        assert_eq!(narrow.iter().map(|c| c.0).collect::<Vec<_>>(), [0, 1, 3]);
        assert_eq!(narrow[1].1, 30 - 4 - 6 - 2);
    }
}
