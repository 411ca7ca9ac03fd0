//! Laying a form out: the label column, each value with its note, a grid's columns, a long
//! text's visible lines, errors and pickers under their fields, and where the cursor stands.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::super::form::{Field, FieldKind, Form};
use super::super::super::model::Model;
use super::{pad, wrap};
use crate::i18n::Ui;
use crate::text::skip_cells;
use crate::text::{clean, truncate};

/// Widest label column, in cells.
const LABEL_MAX: usize = 16;
/// Lines a long text shows.
const LONG_LINES: usize = 4;
/// A value with a note beside it is at most this wide (or as wide as its text), so the note
/// stands near it on a wide screen.
const VALUE_NEAR: usize = 40;
/// Names a picker lists under its field.
const PICKS: usize = 5;

/// The lines of a form and where its cursor stands (line, column), before scrolling.
pub(super) struct Laid {
    pub(super) lines: Vec<Line<'static>>,
    /// The first and last line of the focused field.
    pub(super) focus: (usize, usize),
    pub(super) cursor: Option<(usize, u16)>,
}

fn value_text(f: &Field, ascii: bool) -> String {
    match &f.kind {
        FieldKind::Check => match (f.checked(), ascii) {
            (true, false) => "☑".to_string(),
            (false, false) => "☐".to_string(),
            (true, true) => "[x]".to_string(),
            (false, true) => "[ ]".to_string(),
        },
        // One option only: nothing to choose, so no arrows.
        FieldKind::Choice(options) if options.len() <= 1 => {
            options.first().cloned().unwrap_or_default()
        }
        FieldKind::Choice(options) => {
            let o = options.get(f.choice).cloned().unwrap_or_default();
            if ascii {
                format!("< {o} >")
            } else {
                format!("‹ {o} ›")
            }
        }
        _ => clean(f.text_value()),
    }
}

/// The widths of a grid's columns: the row labels, the row's box or choice, then each column.
fn grid_widths(form: &Form, width: usize) -> Vec<usize> {
    let header = |i: usize| form.columns.get(i).map_or(0, |h| h.width());
    let first = form.fields.first();
    let first_w = match first.map(|f| &f.kind) {
        Some(FieldKind::Choice(options)) => {
            options.iter().map(|o| o.width()).max().unwrap_or(4) + 4
        }
        _ => 3,
    }
    .max(header(1));
    // The text columns at their narrowest (their header, 8 cells at least) until the row
    // labels have what they need; then up to their own width and past it.
    let wanted: Vec<usize> = form
        .fields
        .iter()
        .skip(1)
        .take_while(|f| f.column.is_some())
        .map(|f| f.column.unwrap_or(8) as usize)
        .collect();
    let mut cols: Vec<usize> = (0..wanted.len()).map(|k| header(k + 2).max(8)).collect();
    let labels = form
        .fields
        .iter()
        .filter(|f| f.column.is_none())
        .map(|f| f.label.width())
        .max()
        .unwrap_or(4)
        .max(header(0));
    let fixed = |cols: &[usize]| 2 + 1 + first_w + cols.iter().map(|c| c + 1).sum::<usize>();
    // The unit's whole name where there is room; the text columns share what is left.
    let label_w = labels.min(width.saturating_sub(fixed(&cols)).max(8));
    for (c, w) in cols.iter_mut().zip(&wanted) {
        *c = (*c).max(*w);
    }
    // Never past the line: the columns give back what the labels took.
    while fixed(&cols) + label_w > width && cols.iter().any(|c| *c > 8) {
        if let Some(c) = cols.iter_mut().max() {
            *c -= 1;
        }
    }
    let spare = width.saturating_sub(fixed(&cols) + label_w);
    let n = cols.len().max(1);
    for c in &mut cols {
        *c += (spare / n).min(12);
    }
    let mut out = vec![label_w, first_w];
    out.extend(cols);
    out
}

/// The label column of an ordinary form: every label whole where a third of the line allows.
fn label_width(form: &Form, width: usize) -> usize {
    form.fields
        .iter()
        .filter(|f| f.column.is_none())
        .map(|f| f.label.width())
        .max()
        .unwrap_or(4)
        .min(LABEL_MAX.max(width / 3))
}

pub(super) fn lay(m: &Model, form: &Form, width: usize) -> Laid {
    let t = m.theme;
    let grid = form.is_grid().then(|| grid_widths(form, width));
    let label_w = match &grid {
        Some(g) => g[0],
        None => label_width(form, width),
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(g) = &grid {
        let mut spans = vec![Span::raw(" ")];
        for (k, h) in form.columns.iter().enumerate() {
            let w = g.get(k).copied().unwrap_or(0);
            spans.push(Span::styled(pad(h, w), t.header()));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let mut focus = (0, 0);
    let mut cursor = None;
    let mut i = 0;
    while i < form.fields.len() {
        // One line: a field and the grid columns after it.
        let mut end = i + 1;
        while end < form.fields.len() && form.fields[end].column.is_some() {
            end += 1;
        }
        let first = &form.fields[i];
        if let Some(h) = &first.heading {
            lines.push(Line::from(Span::styled(
                truncate(&clean(h), width),
                t.title(),
            )));
        }
        let start_line = lines.len();
        let focused_row = (i..end).contains(&form.focus);
        let marker = if !focused_row {
            " "
        } else if t.ascii {
            ">"
        } else {
            "›"
        };
        let label_style = if focused_row {
            t.title()
        } else {
            Style::default()
        };
        let mut spans = vec![
            Span::styled(marker.to_string(), t.key()),
            Span::styled(pad(&first.label, label_w), label_style),
            Span::raw(" "),
        ];
        let mut used = 2 + label_w;
        let mut extra: Vec<Line<'static>> = Vec::new();
        // A note that does not fit beside its field goes under it.
        let mut below: Vec<Line<'static>> = Vec::new();
        for (k, f) in form.fields[i..end].iter().enumerate() {
            let idx = i + k;
            let focused = idx == form.focus;
            let avail = match (&grid, f.column) {
                (Some(g), _) => g
                    .get(k + 1)
                    .copied()
                    .unwrap_or(6)
                    .min(width.saturating_sub(used)),
                (None, Some(w)) => (w as usize).min(width.saturating_sub(used)),
                (None, None) if end > i + 1 => {
                    let cols: usize = form.fields[i + 1..end]
                        .iter()
                        .map(|c| c.column.unwrap_or(0) as usize + 1)
                        .sum();
                    width.saturating_sub(used + cols).max(6)
                }
                // Leave room for the note beside the value: half the line at most; a box or
                // an option takes only its own width, the note stands right after it.
                (None, None) => {
                    let rest = width.saturating_sub(used);
                    match &f.hint {
                        Some(_) if matches!(f.kind, FieldKind::Check | FieldKind::Choice(_)) => {
                            (value_text(f, t.ascii).width() + 1).min(rest)
                        }
                        // The note close to its value: the value no wider than it needs
                        // (40 cells at least), the note right after it.
                        Some(h) => {
                            let value = (f.text_value().width() + 2).max(12).min(rest);
                            let close = (f.text_value().width() + 2).max(VALUE_NEAR);
                            rest.saturating_sub(h.text.width() + 1)
                                .min(close)
                                .max(value)
                        }
                        None => rest,
                    }
                }
            };
            if f.column.is_some() {
                spans.push(Span::raw(" "));
                used += 1;
            }
            let style = if focused {
                t.selected()
            } else {
                Style::default()
            };
            let long = f.kind == FieldKind::LongText;
            let text = value_text(f, t.ascii);
            let (shown, cur) = if long {
                let value = f.text_value();
                let before = &value[..byte_at(value, f.input.cursor())];
                let row = before.matches('\n').count();
                let col = before.rsplit('\n').next().unwrap_or("").width();
                let all: Vec<String> = value.split('\n').map(clean).collect();
                let first_row = row.saturating_sub(LONG_LINES - 1);
                let scroll_of = |n: usize| {
                    if n == row {
                        col.saturating_sub(avail.saturating_sub(1))
                    } else {
                        0
                    }
                };
                for (n, l) in all
                    .iter()
                    .enumerate()
                    .take(first_row + LONG_LINES)
                    .skip(first_row + 1)
                {
                    extra.push(Line::from(vec![
                        Span::raw(" ".repeat(used)),
                        Span::styled(pad(&skip_cells(l, scroll_of(n)), avail), style),
                    ]));
                }
                (
                    skip_cells(&all[first_row], scroll_of(first_row)),
                    (row - first_row, used + col - scroll_of(row)),
                )
            } else if matches!(f.kind, FieldKind::Check | FieldKind::Choice(_)) {
                (text, (0, used))
            } else {
                let scroll = f.input.visual_scroll(avail.saturating_sub(1));
                (
                    skip_cells(&text, scroll),
                    (0, used + f.input.visual_cursor() - scroll),
                )
            };
            if focused {
                cursor = Some((start_line + cur.0, cur.1 as u16));
            }
            let cells = avail.max(1);
            if f.selected && focused {
                // The whole text is selected: typing replaces it.
                let w = shown.width().min(cells);
                spans.push(Span::styled(
                    truncate(&shown, cells),
                    style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ));
                spans.push(Span::styled(" ".repeat(cells - w), style));
            } else if grid.is_some() && f.column.is_some() && shown.is_empty() && !focused {
                // An empty cell of a grid is a blank to fill in, as on paper.
                spans.push(Span::styled("_".repeat(cells.saturating_sub(1)), t.muted()));
                spans.push(Span::raw(" "));
            } else {
                spans.push(Span::styled(pad(&shown, cells), style));
            }
            used += cells;
            // A note the refusal below already says (a text too long) is not said twice.
            if f.column.is_none()
                && end == i + 1
                && let Some(h) = &f.hint
                && !f
                    .error
                    .as_deref()
                    .is_some_and(|e| e.contains(h.text.as_str()))
            {
                let hs = match h.light {
                    Some(l) => t.light(l),
                    None => t.muted(),
                };
                let room = width.saturating_sub(used + 1);
                if h.text.width() <= room {
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(h.text.clone(), hs));
                } else {
                    let indent = 2 + label_w;
                    let room = width.saturating_sub(indent).max(8);
                    let mut chunks = wrap(&h.text, room);
                    if chunks.len() > 2 {
                        chunks[1] = truncate(&chunks[1..].concat(), room);
                        chunks.truncate(2);
                    }
                    for chunk in chunks {
                        below.push(Line::from(vec![
                            Span::raw(" ".repeat(indent)),
                            Span::styled(chunk, hs),
                        ]));
                    }
                }
            }
        }
        lines.push(Line::from(spans));
        lines.extend(extra);
        lines.extend(below);
        for f in &form.fields[i..end] {
            let indent = " ".repeat(2 + label_w);
            let room = width.saturating_sub(indent.len()).max(8);
            if let Some(e) = &f.error {
                let mark = if t.ascii { "x" } else { "✗" };
                // A refusal is read whole: wrapped, never cut.
                for chunk in wrap(&format!("{mark} {}: {e}", f.label), room)
                    .into_iter()
                    .take(4)
                {
                    lines.push(Line::from(vec![
                        Span::raw(indent.clone()),
                        Span::styled(chunk, t.bad()),
                    ]));
                }
            }
            if let Some(theirs) = &f.theirs {
                let text = m
                    .lang
                    .ui_fill(Ui::TheirVersion, &[&clean(theirs).replace('\n', " ")]);
                lines.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(truncate(&text, room), t.warn()),
                ]));
            }
        }
        if (i..end).contains(&form.focus) {
            let f = &form.fields[form.focus];
            let picks = f.candidates();
            for (n, c) in picks.iter().take(PICKS).enumerate() {
                let style = if n == form.pick {
                    t.selected()
                } else {
                    t.muted()
                };
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(2 + label_w)),
                    Span::styled(
                        pad(&format!(" {} {}", c.name, c.initials), 24.min(width)),
                        style,
                    ),
                ]));
            }
            focus = (start_line, lines.len() - 1);
        }
        i = end;
    }
    Laid {
        lines,
        focus,
        cursor,
    }
}

/// The byte index of the `chars`-th character.
fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}
