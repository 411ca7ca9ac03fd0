//! Text helpers shared by the store, the command line and the screens: pinyin initials for search
//! (上塘镇 → `stz`), stored text made safe to print, cutting to display cells, the light symbols.

use pinyin::ToPinyin;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::Light;

/// Characters that must never reach the terminal from stored or pasted text: C0/C1 controls
/// (escape sequences) and the bidirectional overrides that reorder what follows them.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Stored text for display: each unsafe character becomes a space, so nothing moves the cursor.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect()
}

/// Typed or pasted text for a one-line field: whitespace becomes a space, unsafe characters go.
pub fn sanitise(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_unsafe(*c))
        .collect()
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
    use super::initials;

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
