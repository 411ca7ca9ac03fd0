//! Text helpers shared by the store and the screens: pinyin initials for search (上塘镇 → `stz`).

use pinyin::ToPinyin;

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
