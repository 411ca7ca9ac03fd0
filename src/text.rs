//! Text helpers shared by the store, the command line and the screens: pinyin initials for search
//! (上塘镇 → `stz`), stored text made safe to print, cutting to display cells, the light symbols.

use pinyin::ToPinyin;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::Light;

/// Characters that must never reach the terminal, a file or the output of the command line from
/// stored, typed, pasted or imported text: C0/C1 controls with DEL (escape sequences such as
/// `ESC[2J`, OSC 52 clipboard writes, the one-character CSI U+009B) and the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows
/// them. Line feed and tab are controls too: only [`clean_lines`] and [`sanitise_lines`] keep line
/// feeds, for the fields of several lines; no field keeps a tab. Zero-width characters (U+200B–
/// U+200D, U+FEFF) and the bidi marks (U+200E, U+200F) are text: they move no cursor and reorder
/// nothing beyond themselves.
///
/// The rule, where each function is used:
/// - Input (typed or pasted in the TUI, the command line's text arguments, imported cells):
///   [`sanitise`] for a one-line field, [`sanitise_lines`] for a field of several lines, so what
///   is stored is what the user saw.
/// - Output (the screen, the command line's table, CSV, JSON and messages, every export):
///   [`clean`] or [`clean_lines`], because a database may hold anything (an older duban, another
///   program, a hand edit): the store keeps what it is given.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Stored text for display: each unsafe character becomes a space, so nothing moves the cursor.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect()
}

/// Stored text of several lines for display or a file: line breaks kept (CR LF and a lone CR
/// become LF), each other unsafe character a space.
pub fn clean_lines(s: &str) -> String {
    if !s.chars().any(|c| is_unsafe(c) && c != '\n') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push('\n'),
            c if is_unsafe(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Typed or pasted text for a one-line field: whitespace becomes a space, unsafe characters go.
pub fn sanitise(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_unsafe(*c))
        .collect()
}

/// Typed or pasted text for a field of several lines: line breaks kept (CR LF and a lone CR
/// become LF), each line as [`sanitise`] makes it.
pub fn sanitise_lines(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(sanitise)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Truncates to `max` display cells, ending with ⋯ (U+22EF, unambiguously one cell wide) when cut;
/// a wide character is never split.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('⋯');
    out
}

/// `s` without its first `cells` display cells (a wide character straddling the cut goes too).
pub fn skip_cells(s: &str, cells: usize) -> String {
    let mut used = 0;
    s.chars()
        .skip_while(|c| {
            if used >= cells {
                return false;
            }
            used += c.width().unwrap_or(0);
            true
        })
        .collect()
}

/// The symbol of a light, so it never rests on colour alone; letters in ASCII mode (the Unicode
/// shapes are East Asian "ambiguous" and some CJK terminal settings draw them two cells wide).
pub fn light_symbol(l: Light, ascii: bool) -> &'static str {
    match (l, ascii) {
        (Light::Red, false) => "●",
        (Light::Yellow, false) => "▲",
        (Light::Green, false) => "○",
        (Light::Exempt, false) => "◇",
        (Light::Done, false) => "✓",
        (Light::Red, true) => "R",
        (Light::Yellow, true) => "Y",
        (Light::Green, true) => "G",
        (Light::Exempt, true) => "E",
        (Light::Done, true) => "D",
    }
}

/// The pinyin initials of `s`, for typing a search without a Chinese input method: each Chinese
/// character becomes the first letter of its (first) pinyin reading, ASCII letters and digits
/// become themselves in lower case, and everything else (spaces, punctuation, other scripts) is
/// dropped. `initials("上塘镇") == "stz"`, `initials("G104 国道") == "g104gd"`.
pub fn initials(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(py) = c.to_pinyin() {
            // Every first reading in the crate's table begins with an ASCII letter; anything else
            // would not be typable, so it is dropped rather than kept.
            if let Some(l) = py
                .first_letter()
                .chars()
                .next()
                .filter(char::is_ascii_alphabetic)
            {
                out.push(l.to_ascii_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clean, clean_lines, initials, sanitise, sanitise_lines};

    #[test]
    fn unsafe_characters_never_survive_and_line_breaks_only_where_kept() {
        let nasty =
            "a\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}b\u{2067}\u{7f}\u{85}\tc\r\nd\re";
        assert_eq!(clean(nasty), "a [2J ]52;c;ZXZpbA==  31m b    c  d e");
        assert_eq!(clean_lines(nasty), "a [2J ]52;c;ZXZpbA==  31m b    c\nd\ne");
        assert_eq!(sanitise(nasty), "a[2J]52;c;ZXZpbA==31mb  c  d e");
        assert_eq!(sanitise_lines(nasty), "a[2J]52;c;ZXZpbA==31mb  c\nd\ne");
        // Zero-width characters and CJK are text, not controls.
        assert_eq!(sanitise("上\u{200b}塘\u{200d}镇"), "上\u{200b}塘\u{200d}镇");
        assert_eq!(clean_lines("上塘\n镇"), "上塘\n镇");
    }

    #[test]
    fn chinese_becomes_first_letters() {
        assert_eq!(initials("上塘镇"), "stz");
        assert_eq!(initials("县财政局"), "xczj");
        assert_eq!(initials("瓯江引水"), "ojys");
    }

    #[test]
    fn ascii_letters_and_digits_are_kept_lowercase_and_the_rest_dropped() {
        assert_eq!(initials("G104 国道"), "g104gd");
        assert_eq!(initials("〔2026〕12号"), "202612h");
        assert_eq!(initials("ABC-def_9"), "abcdef9");
        assert_eq!(initials("，。！ ——"), "");
        assert_eq!(initials(""), "");
        // Full-width digits are not ASCII: dropped, as any other symbol.
        assert_eq!(initials("１２"), "");
    }

    #[test]
    fn other_scripts_are_dropped() {
        assert_eq!(initials("αβγ ＡＢＣ"), "");
        assert_eq!(initials("道路G104改造"), "dlg104gz");
    }
}
