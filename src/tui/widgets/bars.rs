//! Horizontal bar charts drawn as text: a label, a bar of block characters and the value. Widths
//! are display cells, so Chinese labels line up; bars are characters, so they show without colour
//! (NO_COLOR) and in ASCII mode (`#`).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{fit, width};

/// One bar: its label, length as a share of the longest (0.0–1.0), the value shown, and its style.
pub struct Bar {
    pub label: String,
    pub share: f64,
    pub value: String,
    pub style: Style,
}

/// The chart's lines for a box `w` cells wide; labels take at most a third of it.
pub fn bar_lines(bars: &[Bar], w: usize, ascii: bool) -> Vec<Line<'static>> {
    let label_w = bars
        .iter()
        .map(|b| width(&b.label))
        .max()
        .unwrap_or(0)
        .min(w / 3)
        .max(1);
    let value_w = bars.iter().map(|b| width(&b.value)).max().unwrap_or(0);
    let bar_w = w.saturating_sub(label_w + value_w + 2);
    let full = if ascii { "#" } else { "█" };
    bars.iter()
        .map(|b| {
            let label = fit(&b.label, label_w);
            let pad = " ".repeat(label_w.saturating_sub(width(&label)) + 1);
            let n = (b.share.clamp(0.0, 1.0) * bar_w as f64).round() as usize;
            let n = if b.share > 0.0 { n.max(1) } else { 0 };
            Line::from(vec![
                Span::raw(format!("{label}{pad}")),
                Span::styled(full.repeat(n), b.style),
                Span::raw(format!(
                    "{}{}{}",
                    " ".repeat(bar_w.saturating_sub(n) + 1),
                    " ".repeat(value_w.saturating_sub(width(&b.value))),
                    b.value
                )),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_fill_the_width_and_scale_to_the_share() {
        let bars = [
            Bar {
                label: "上塘镇".into(),
                share: 1.0,
                value: "90%".into(),
                style: Style::default(),
            },
            Bar {
                label: "ab".into(),
                share: 0.5,
                value: "45%".into(),
                style: Style::default(),
            },
            Bar {
                label: "零".into(),
                share: 0.0,
                value: "0%".into(),
                style: Style::default(),
            },
        ];
        let lines = bar_lines(&bars, 40, false);
        for l in &lines {
            assert_eq!(width(&text(l)), 40, "{}", text(l));
        }
        let count = |l: &Line<'_>| text(l).matches('█').count();
        assert_eq!(count(&lines[0]), 40 - 6 - 3 - 2);
        assert_eq!(count(&lines[1]), 15);
        assert_eq!(count(&lines[2]), 0);
        assert!(text(&bar_lines(&bars, 40, true)[0]).contains("###"));
    }
}
