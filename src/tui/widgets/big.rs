//! Large figures for the projector: digits five rows tall drawn with block characters (`#` in
//! ASCII mode). Only what figures need: 0–9, `.`, `%`, `-`, `/` and space.

/// The glyph of `c`, five rows of three cells (`x` = ink).
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["xxx", "x x", "x x", "x x", "xxx"],
        '1' => [" x ", "xx ", " x ", " x ", "xxx"],
        '2' => ["xxx", "  x", "xxx", "x  ", "xxx"],
        '3' => ["xxx", "  x", "xxx", "  x", "xxx"],
        '4' => ["x x", "x x", "xxx", "  x", "  x"],
        '5' => ["xxx", "x  ", "xxx", "  x", "xxx"],
        '6' => ["xxx", "x  ", "xxx", "x x", "xxx"],
        '7' => ["xxx", "  x", "  x", "  x", "  x"],
        '8' => ["xxx", "x x", "xxx", "x x", "xxx"],
        '9' => ["xxx", "x x", "xxx", "  x", "xxx"],
        '.' => ["   ", "   ", "   ", "   ", " x "],
        '%' => ["x x", "  x", " x ", "x  ", "x x"],
        '-' | '—' => ["   ", "   ", "xxx", "   ", "   "],
        '/' => ["  x", "  x", " x ", "x  ", "x  "],
        ' ' => ["   ", "   ", "   ", "   ", "   "],
        _ => return None,
    })
}

/// The five rows of `text` in large figures, each ink cell `wide` cells wide (2 looks square on a
/// terminal's tall cells), or `None` when it holds a character without a glyph (then the caller
/// shows it plainly).
pub fn big(text: &str, ascii: bool, wide: usize) -> Option<[String; 5]> {
    let ink = if ascii { "#" } else { "█" }.repeat(wide.max(1));
    let blank = " ".repeat(wide.max(1));
    let mut rows: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c)?;
        for (row, line) in rows.iter_mut().zip(g) {
            if i > 0 {
                row.push_str(&blank);
            }
            for c in line.chars() {
                row.push_str(if c == 'x' { &ink } else { &blank });
            }
        }
    }
    Some(rows)
}

/// The width in cells of `text` in large figures `wide` cells to the ink.
pub fn big_width(text: &str, wide: usize) -> usize {
    let n = text.chars().count();
    if n == 0 { 0 } else { (n * 4 - 1) * wide.max(1) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn figures_are_five_rows_of_equal_width() {
        for wide in [1, 2] {
            let rows = big("66.7%", false, wide).unwrap();
            for r in &rows {
                assert_eq!(r.width(), big_width("66.7%", wide));
            }
        }
        let rows = big("66.7%", false, 1).unwrap();
        assert!(rows[4].contains('█'));
        assert_eq!(big("12", true, 1).unwrap()[0], " #  ###");
        assert_eq!(big("1", true, 2).unwrap()[1], "####  ");
        assert!(big("十二", false, 1).is_none(), "no glyph: shown plainly");
    }
}
