//! Wrapping styled lines to a width in display cells, before ratatui sees them.
//!
//! ratatui 0.30's `Paragraph` word wrap can emit a line one cell wider than its area when a wide
//! character does not fit the cells left (ratatui issue #2679): the character is then drawn over
//! the pane's right border, and the border stays broken after the pane scrolls. It also treats a
//! run of Chinese as one word, so a line breaks early and leaves a gap. Here a line breaks between
//! any two Chinese characters, between words of other scripts, and inside a word only when the
//! word alone is wider than the line; no line is ever wider than `width`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Punctuation that may not begin a line in Chinese typesetting.
const NO_LINE_START: &str = "、，。：；？！）」』】》〉”’…—～％";

/// A piece of a line that does not break inside: one wide character, or a word of narrow ones
/// with the spaces after it.
struct Piece {
    chars: Vec<(char, Style)>,
    width: usize,
}

fn pieces(line: &Line<'_>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut word = Piece {
        chars: Vec::new(),
        width: 0,
    };
    let mut after_space = false;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            let wide = w > 1;
            // A word ends before a wide character, and before a non-space after a space.
            if !word.chars.is_empty() && (wide || (after_space && c != ' ')) {
                out.push(std::mem::replace(
                    &mut word,
                    Piece {
                        chars: Vec::new(),
                        width: 0,
                    },
                ));
            }
            word.chars.push((c, style));
            word.width += w;
            after_space = c == ' ';
            if wide {
                out.push(std::mem::replace(
                    &mut word,
                    Piece {
                        chars: Vec::new(),
                        width: 0,
                    },
                ));
                after_space = false;
            }
        }
    }
    if !word.chars.is_empty() {
        out.push(word);
    }
    out
}

/// `line` as lines of at most `width` cells (an empty line stays one empty line).
pub fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(2);
    let mut rows: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    let mut used = 0;
    for piece in pieces(line) {
        // The spaces ending a word may hang past the edge: they are dropped there.
        let trailing = piece
            .chars
            .iter()
            .rev()
            .take_while(|(c, _)| *c == ' ')
            .count();
        let solid = piece.width - trailing;
        if used > 0 && used + solid > width {
            // Chinese punctuation that closes (、，。） …) does not begin a line: the character
            // before it goes down with it.
            let mut carry = Vec::new();
            if piece
                .chars
                .first()
                .is_some_and(|(c, _)| NO_LINE_START.contains(*c))
                && width >= 4
                && let Some(row) = rows.last_mut()
                && row.len() > 1
                && row
                    .last()
                    .is_some_and(|(c, _)| c.width() == Some(2) && !NO_LINE_START.contains(*c))
                && let Some(last) = row.pop()
            {
                carry.push(last);
            }
            used = carry.len() * 2;
            rows.push(carry);
        }
        for (c, style) in piece.chars {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                if c == ' ' {
                    continue;
                }
                rows.push(Vec::new());
                used = 0;
            }
            if let Some(row) = rows.last_mut() {
                row.push((c, style));
            }
            used += w;
        }
    }
    rows.into_iter().map(to_line).collect()
}

/// Every line of `lines` wrapped to `width` cells.
pub fn wrap_lines(lines: &[Line<'_>], width: usize) -> Vec<Line<'static>> {
    lines.iter().flat_map(|l| wrap_line(l, width)).collect()
}

/// Characters with their styles as a line of spans, one span per run of a style.
fn to_line(chars: Vec<(char, Style)>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut current: Option<Style> = None;
    for (c, style) in chars {
        if current.is_some_and(|s| s != style) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                current.unwrap_or_default(),
            ));
        }
        current = Some(style);
        text.push(c);
    }
    if let Some(style) = current {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Stylize};
    use unicode_width::UnicodeWidthStr;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn no_line_is_wider_than_the_width_and_nothing_but_edge_spaces_is_lost() {
        let samples = [
            "◇ #405 东城街道 · 公共停车场建设：组织开展专项排查并报送结果",
            "2026-01-30 政策处理难度大 · 承诺2026-02-09前完成",
            "Enter 打开会议 · o 查看主办单位 · Bksp 返回 · m 办理步骤",
            "a very long English sentence with words of several lengths, supercalifragilistic",
            "一二三四五六七八九十一二三四五六七八九十",
            "",
        ];
        for s in samples {
            for width in 2..=40 {
                let out = wrap_line(&Line::from(s), width);
                for l in &out {
                    assert!(l.width() <= width, "{s:?} at {width}: {l:?}");
                }
                let joined: String = texts(&out).concat();
                assert_eq!(
                    joined.replace(' ', ""),
                    s.replace(' ', ""),
                    "{s:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn chinese_breaks_anywhere_and_words_stay_whole_when_they_fit() {
        let l = Line::from("○ #403 县文化和广电旅游体育局 · 公共停车场建设");
        assert_eq!(
            texts(&wrap_line(&l, 20)),
            ["○ #403 县文化和广电", "旅游体育局 · 公共停", "车场建设"]
        );
        let l = Line::from("open the meeting with Enter");
        assert_eq!(
            texts(&wrap_line(&l, 12)),
            ["open the ", "meeting with", "Enter"]
        );
        // A line that fits is unchanged.
        let l = Line::from("承诺2026-02-09前完成");
        assert_eq!(texts(&wrap_line(&l, 40)), ["承诺2026-02-09前完成"]);
        assert_eq!("承诺2026-02-09前完成".width(), 20);
    }

    #[test]
    fn closing_punctuation_never_begins_a_line() {
        let s = "Enter 查看本次会议的督办事项 · m 办理步骤（方案、出席、纪要、反馈、议定事项）";
        for width in 4..=60 {
            let out = wrap_line(&Line::from(s), width);
            for l in out.iter().skip(1) {
                let first = l.to_string().chars().next().unwrap_or(' ');
                assert!(!NO_LINE_START.contains(first), "{width}: {:?}", texts(&out));
            }
            assert!(out.iter().all(|l| l.width() <= width), "{width}");
            assert_eq!(texts(&out).concat().replace(' ', ""), s.replace(' ', ""));
        }
    }

    #[test]
    fn styles_stay_with_their_characters() {
        let l = Line::from(vec!["事项：".fg(Color::DarkGray), "完成管网改造".into()]);
        let out = wrap_line(&l, 6);
        assert_eq!(texts(&out), ["事项：", "完成管", "网改造"]);
        assert_eq!(out[0].spans[0].style.fg, Some(Color::DarkGray));
        assert_eq!(out[1].spans[0].style.fg, None);
    }
}
