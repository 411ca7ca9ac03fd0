//! JSON for the command line's output, every string cleaned as [`crate::text::clean_lines`]
//! cleans it while it is written: a script reading the JSON gets line breaks where a field has
//! them and never a control character or a bidirectional override, not even escaped (`\u001b`).
//! The fields keep their order (a formatter over serde_json's own, not a detour through
//! `serde_json::Value`, whose maps are sorted).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};

/// `value` as JSON, pretty (indented) or on one line.
pub fn json_text(value: &impl Serialize, pretty: bool) -> String {
    let mut buf = Vec::new();
    let written = if pretty {
        write(&mut buf, value, PrettyFormatter::new())
    } else {
        write(&mut buf, value, CompactFormatter)
    };
    match written {
        Ok(()) => String::from_utf8(buf).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

fn write<F: Formatter>(
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    inner: F,
) -> serde_json::Result<()> {
    let formatter = Cleaning {
        inner,
        after_cr: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(buf, formatter))
}

/// A formatter that writes strings cleaned and leaves the rest to `inner`.
struct Cleaning<F> {
    inner: F,
    /// The last thing written in a string was a carriage return (written as a line feed), so a
    /// line feed right after it is the same line break.
    after_cr: bool,
}

impl<F: Formatter> Formatter for Cleaning<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        self.after_cr = false;
        if !s.chars().any(crate::text::is_unsafe) {
            return w.write_all(s.as_bytes());
        }
        let cleaned: String = s
            .chars()
            .map(|c| if crate::text::is_unsafe(c) { ' ' } else { c })
            .collect();
        w.write_all(cleaned.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(&mut self, w: &mut W, e: CharEscape) -> io::Result<()> {
        let after_cr = std::mem::take(&mut self.after_cr);
        match e {
            CharEscape::Quote => w.write_all(b"\\\""),
            CharEscape::ReverseSolidus => w.write_all(b"\\\\"),
            CharEscape::Solidus => w.write_all(b"\\/"),
            CharEscape::LineFeed if after_cr => Ok(()),
            CharEscape::LineFeed => w.write_all(b"\\n"),
            CharEscape::CarriageReturn => {
                self.after_cr = true;
                w.write_all(b"\\n")
            }
            CharEscape::Backspace
            | CharEscape::FormFeed
            | CharEscape::Tab
            | CharEscape::AsciiControl(_) => w.write_all(b" "),
        }
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.inner.begin_object_key(w, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_key(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::json_text;

    #[derive(serde::Serialize)]
    struct Row {
        zeta: &'static str,
        alpha: Vec<&'static str>,
    }

    #[test]
    fn strings_are_cleaned_line_breaks_kept_and_fields_keep_their_order() {
        let row = Row {
            zeta: "a\u{1b}[2J\u{9b}1m\u{202e}b\r\nc\rd\te\"\\",
            alpha: vec!["\u{1b}]52;c;ZXZpbA==\u{7}", "上塘镇"],
        };
        let text = json_text(&row, false);
        assert_eq!(
            text,
            r#"{"zeta":"a [2J 1m b\nc\nd e\"\\","alpha":[" ]52;c;ZXZpbA== ","上塘镇"]}"#
        );
        let back: serde_json::Value = serde_json::from_str(&json_text(&row, true)).unwrap();
        assert_eq!(back["zeta"], "a [2J 1m b\nc\nd e\"\\");
        assert!(json_text(&row, true).starts_with("{\n  \"zeta\": "));
    }
}
