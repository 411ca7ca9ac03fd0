//! The tasks a step on several changes (the marked tasks), listed above the form's fields.

use ratatui::text::{Line, Span};

use super::super::super::form::Form;
use super::super::super::model::Model;
use crate::i18n::Mk;
use crate::text::{clean, truncate};

/// The tasks a step on several changes, above its fields: a third of the form's height at most
/// (two lines at least), PgUp/PgDn for the rest; each cut to the width by [`truncate`].
pub(super) fn lines(
    m: &Model,
    form: &Form,
    width: usize,
    height: usize,
    out: &mut Vec<Line<'static>>,
) {
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
