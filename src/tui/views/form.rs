//! The open form and the steps menu, drawn over the tab. Labels in one column, values beside
//! them with their notes, a field's error under it in red (with a ✗ so it never rests on colour),
//! another user's version under it after a conflict; scrolled to keep the focused field on screen.
//! The terminal cursor stands in the focused field, where an input method expects it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::form::{Field, FieldKind, Form};
use super::super::model::Model;
use crate::i18n::{Mk, Ui};
use crate::text::skip_cells;
use crate::text::{clean, truncate};

/// Widest label column, in cells.
const LABEL_MAX: usize = 16;
/// Lines a long text shows.
const LONG_LINES: usize = 4;
/// Names a picker lists under its field.
const PICKS: usize = 5;

/// The popup's area: the body, less a margin where there is room.
fn popup(area: Rect) -> Rect {
    let w = area.width.min(110);
    let x = area.x + (area.width - w) / 2;
    Rect::new(x, area.y, w, area.height)
}

pub(super) fn pad(s: &str, cells: usize) -> String {
    let s = truncate(s, cells);
    let w = s.width();
    format!("{s}{}", " ".repeat(cells.saturating_sub(w)))
}

/// The lines of a form and where its cursor stands (line, column), before scrolling.
struct Laid {
    lines: Vec<Line<'static>>,
    /// The first and last line of the focused field.
    focus: (usize, usize),
    cursor: Option<(usize, u16)>,
}

fn value_text(f: &Field, ascii: bool) -> String {
    match &f.kind {
        FieldKind::Check => match (f.checked(), ascii) {
            (true, false) => "☑".to_string(),
            (false, false) => "☐".to_string(),
            (true, true) => "[x]".to_string(),
            (false, true) => "[ ]".to_string(),
        },
        FieldKind::Choice(options) => {
            let o = options.get(f.choice).cloned().unwrap_or_default();
            format!("‹ {o} ›")
        }
        _ => clean(f.text_value()),
    }
}

fn lay(m: &Model, form: &Form, width: usize) -> Laid {
    let t = m.theme;
    let label_w = form
        .fields
        .iter()
        .filter(|f| f.column.is_none())
        .map(|f| f.label.width())
        .max()
        .unwrap_or(4)
        .min(LABEL_MAX);
    let mut lines: Vec<Line<'static>> = Vec::new();
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
        let marker = if focused_row { "›" } else { " " };
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
        for (k, f) in form.fields[i..end].iter().enumerate() {
            let idx = i + k;
            let focused = idx == form.focus;
            let avail = match f.column {
                Some(w) => (w as usize).min(width.saturating_sub(used)),
                None if end > i + 1 => {
                    let cols: usize = form.fields[i + 1..end]
                        .iter()
                        .map(|c| c.column.unwrap_or(0) as usize + 1)
                        .sum();
                    width.saturating_sub(used + cols).max(6)
                }
                // Leave room for the note beside the value: half the line at most.
                None => {
                    let rest = width.saturating_sub(used);
                    match &f.hint {
                        Some(h) => {
                            let value = (f.text_value().width() + 2).max(12).min(rest);
                            rest.saturating_sub(h.text.width() + 1).max(value)
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
            spans.push(Span::styled(pad(&shown, avail.max(1)), style));
            used += avail.max(1);
            if f.column.is_none()
                && end == i + 1
                && let Some(h) = &f.hint
            {
                let room = width.saturating_sub(used + 1);
                if room > 4 {
                    let hs = match h.light {
                        Some(l) => t.light(l),
                        None => t.muted(),
                    };
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(truncate(&h.text, room), hs));
                }
            }
        }
        lines.push(Line::from(spans));
        lines.extend(extra);
        for f in &form.fields[i..end] {
            let indent = " ".repeat(2 + label_w + 1);
            if let Some(e) = &f.error {
                let mark = if t.ascii { "x" } else { "✗" };
                lines.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(
                        truncate(
                            &format!("{mark} {}: {e}", f.label),
                            width.saturating_sub(indent.len()),
                        ),
                        t.bad(),
                    ),
                ]));
            }
            if let Some(theirs) = &f.theirs {
                let text = m
                    .lang
                    .ui_fill(Ui::TheirVersion, &[&clean(theirs).replace('\n', " ")]);
                lines.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(
                        truncate(&text, width.saturating_sub(indent.len())),
                        t.warn(),
                    ),
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
                    Span::raw(" ".repeat(2 + label_w + 1)),
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

/// Draws the open form over `area` (the body between header and footer).
pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let Some(form) = m.form.as_ref() else { return };
    let t = m.theme;
    let area = popup(area);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.border())
        .title(Span::styled(format!(" {} ", clean(&form.title)), t.title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let width = inner.width as usize;
    let mut top_lines: Vec<Line> = Vec::new();
    if let Some(e) = &form.error {
        let mark = if t.ascii { "x" } else { "✗" };
        for chunk in wrap(&format!("{mark} {e}"), width).into_iter().take(3) {
            top_lines.push(Line::from(Span::styled(chunk, t.bad())));
        }
    }
    if let Some(q) = &form.asking {
        for chunk in wrap(q, width).into_iter().take(4) {
            top_lines.push(Line::from(Span::styled(chunk, t.warn())));
        }
    }
    let bottom = if form.asking.is_some() {
        Line::from(Span::styled(
            truncate(m.lang.ui(Ui::FormAskConfirm), width),
            t.warn(),
        ))
    } else if form.asking_close {
        Line::from(Span::styled(m.lang.ui(Ui::FormAskClose), t.warn()))
    } else if form.saving {
        Line::from(Span::styled(m.lang.ui(Ui::FormSaving), t.muted()))
    } else {
        Line::from(Span::styled(
            truncate(m.lang.ui(Ui::FormKeys), width),
            t.muted(),
        ))
    };
    targets(m, form, width, inner.height as usize, &mut top_lines);
    let body_h = (inner.height as usize).saturating_sub(top_lines.len() + 1);
    let laid = lay(m, form, width);
    // Scroll so the focused field (with its errors and picks) is in view.
    let mut scroll = 0;
    if laid.focus.1 >= body_h {
        scroll = laid.focus.1 + 1 - body_h;
    }
    if laid.focus.0 < scroll {
        scroll = laid.focus.0;
    }
    let mut lines = top_lines.clone();
    lines.extend(laid.lines.into_iter().skip(scroll).take(body_h));
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    f.render_widget(Paragraph::new(lines), body);
    let foot = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    f.render_widget(Paragraph::new(bottom), foot);
    if let Some((line, col)) = laid.cursor
        && !form.asking_close
        && form.asking.is_none()
        && line >= scroll
        && line - scroll < body_h
    {
        let y = inner.y + (top_lines.len() + line - scroll) as u16;
        let x = inner.x + col.min(inner.width - 1);
        f.set_cursor_position(Position::new(x, y));
    }
}

/// The tasks a step on several changes, above its fields: a third of the form's height at most
/// (two lines at least), PgUp/PgDn for the rest; each cut to the width by [`truncate`].
fn targets(m: &Model, form: &Form, width: usize, height: usize, out: &mut Vec<Line<'static>>) {
    let n = form.targets.len();
    if n == 0 {
        return;
    }
    let t = m.theme;
    out.push(Line::from(Span::styled(
        truncate(&m.lang.mk_fill(Mk::BulkTargets, &[&n]), width),
        t.title(),
    )));
    let room = (height / 3).max(2);
    let shown = if n <= room { n } else { room - 1 };
    let top = form.targets_top.min(n - shown);
    for target in form.targets.iter().skip(top).take(shown) {
        out.push(Line::from(Span::raw(truncate(
            &format!("  {}", clean(target)),
            width,
        ))));
    }
    if shown < n {
        let (from, to) = (top + 1, top + shown);
        out.push(Line::from(Span::styled(
            truncate(
                &format!("  {}", m.lang.mk_fill(Mk::BulkMore, &[&from, &to, &n])),
                width,
            ),
            t.muted(),
        )));
    }
}

/// Cuts `s` into lines of at most `width` cells.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            out.push(String::new());
            w = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        w += cw;
    }
    out
}
