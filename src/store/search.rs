//! Full-text search over task text and meeting topics (migration 6), answered from indexes for a
//! query of any length.
//!
//! - Text: every character is its own token (`duban_chars` puts a space between characters
//!   before the unicode61 tokenizer sees them), so 上塘 is the phrase 上 塘.
//! - Pinyin initials: there are only 26 letters, so single letters would make every list long;
//!   the initials are indexed as overlapping pairs with the last letter alone (`duban_pairs`:
//!   `stz` is `st tz z`), so `stz` is the phrase `st tz`, and a single letter `s` is the prefix
//!   `s*`, which meets every pair it begins and the last letter.
//!
//! The index only narrows: the ledger still checks each candidate for the exact substring, so a
//! match is what `instr` would find.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::initials::initials_query;

/// Separates a meeting's topics in its document: a token no query holds, so no phrase spans two.
const TOPIC_BREAK: char = '\u{e000}';

/// `text` with a space between characters: one token per character for the tokenizer.
pub(crate) fn chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Initials as overlapping pairs and the last letter alone (`stz` → `st tz z`); each topic of a
/// meeting apart (a [`TOPIC_BREAK`] between them is a break here too).
pub(crate) fn pairs(initials: &str) -> String {
    let mut out = Vec::new();
    for part in initials.split(TOPIC_BREAK) {
        let c: Vec<char> = part.chars().collect();
        out.extend(c.windows(2).map(|w| w.iter().collect::<String>()));
        out.extend(c.last().map(char::to_string));
    }
    out.join(" ")
}

/// The full-text query (FTS5 syntax, over the columns `text` and `initials`) for a search typed
/// as `text`: the phrase of its characters in the text, and for a query that could be initials
/// (ASCII letters and digits) its pairs in the initials. `None` when it has nothing the index
/// holds (only punctuation or spaces): the ledger must look at every row instead.
pub(crate) fn match_query(text: &str) -> Option<String> {
    // Control characters are never part of a token, and FTS5 reads a NUL as the end of the
    // query ("unterminated string"): the phrase is built without them (still a superset).
    let t: String = text
        .trim()
        .chars()
        .filter(|c| *c != TOPIC_BREAK && !c.is_control())
        .collect();
    let mut any = Vec::new();
    if t.chars().any(char::is_alphanumeric) {
        any.push(format!("text : \"{}\"", chars(&t).replace('"', "\"\"")));
    }
    if let Some(q) = initials_query(&t) {
        any.push(if q.chars().count() == 1 {
            format!("initials : \"{q}\" *")
        } else {
            let p = pairs(&q);
            // The phrase of the pairs, without the last letter's own token.
            let p = p.rsplit_once(' ').map_or(p.as_str(), |(head, _)| head);
            format!("initials : \"{p}\"")
        });
    }
    (!any.is_empty()).then(|| any.join(" OR "))
}

/// Registers `duban_chars(text)` and `duban_pairs(initials)` on `conn`: migration 6 and its
/// triggers call them; and `duban_default_aliases(name)`, which migration 15 calls.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("duban_chars", 1, flags, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|t| chars(&t)))
    })?;
    conn.create_scalar_function("duban_pairs", 1, flags, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|t| pairs(&t)))
    })?;
    // Migration 15 seeds every unit's aliases with these (a JSON array of strings).
    conn.create_scalar_function("duban_default_aliases", 1, flags, |ctx| {
        let name = ctx.get::<Option<String>>(0)?.unwrap_or_default();
        Ok(serde_json::Value::from(crate::domain::alias::default_aliases(&name)).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_a_token_and_initials_are_pairs() {
        assert_eq!(chars("上塘镇"), "上 塘 镇");
        assert_eq!(chars(""), "");
        assert_eq!(pairs("stz"), "st tz z");
        assert_eq!(pairs("s"), "s");
        assert_eq!(pairs(""), "");
        assert_eq!(pairs("ab\u{e000}cd"), "ab b cd d");
    }

    #[test]
    fn a_query_is_the_phrase_of_its_characters_or_its_pairs() {
        assert_eq!(match_query(" 上塘 ").as_deref(), Some("text : \"上 塘\""));
        assert_eq!(
            match_query("STZ").as_deref(),
            Some("text : \"S T Z\" OR initials : \"st tz\"")
        );
        assert_eq!(
            match_query("s").as_deref(),
            Some("text : \"s\" OR initials : \"s\" *")
        );
        // A quote is doubled inside the phrase; the tokenizer drops it like other punctuation.
        assert_eq!(match_query("a\"b").as_deref(), Some("text : \"a \"\" b\""));
        assert_eq!(match_query("\u{e000}镇").as_deref(), Some("text : \"镇\""));
        assert_eq!(
            match_query("上\0塘\u{1b}").as_deref(),
            Some("text : \"上 塘\"")
        );
        assert_eq!(match_query("\0"), None);
        assert_eq!(match_query("——"), None);
        assert_eq!(match_query("  "), None);
    }
}
