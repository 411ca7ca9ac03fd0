//! The configuration loader on arbitrary text and on TOML-ish text built from its own keys.

use proptest::prelude::*;

use crate::pipeline::config;

const KEYS: &[&str] = &[
    "lang",
    "db",
    "ascii",
    "export_dir",
    "colour",
    "thresholds",
    "keys",
    "[thresholds]",
    "[keys]",
    "yellow_within_workdays",
    "default_limit_workdays",
    "exempt_report_every_days",
    "notice_before_workdays",
    "filter_green",
    "quit",
    "open",
    "fly",
];

const VALUES: &[&str] = &[
    "\"zh\"",
    "\"en\"",
    "\"fr\"",
    "true",
    "false",
    "0",
    "-1",
    "5",
    "15",
    "9223372036854775807",
    "-9223372036854775808",
    "1e308",
    "nan",
    "inf",
    "\"/tmp/x.db\"",
    "[\"n\"]",
    "[\"ctrl-\"]",
    "[\"alt-€\"]",
    "[\"f99\"]",
    "[]",
    "[[]]",
    "{}",
    "{ a = 1 }",
    "\"\\u001b[2J\"",
    "'''x'''",
    "2026-11-25",
    "\"",
    "[",
    "]",
    "=",
];

/// A line of a TOML file: a section, or a key and a value, with noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (proptest::sample::select(KEYS), proptest::sample::select(VALUES))
            .prop_map(|(k, v)| format!("{k} = {v}")),
        1 => proptest::sample::select(KEYS).prop_map(|k| format!("[{k}]")),
        1 => any::<String>(),
        1 => "[ \\t#=\\[\\]\"'.a-z0-9]{0,20}",
    ]
}

proptest! {
    #![proptest_config(crate::config(512))]

    #[test]
    fn any_text_is_a_configuration_or_an_error(text in any::<String>()) {
        config(&text);
    }

    #[test]
    fn toml_ish_text_is_a_configuration_or_an_error(
        lines in proptest::collection::vec(line(), 0..12),
        crlf in any::<bool>(),
    ) {
        config(&lines.join(if crlf { "\r\n" } else { "\n" }));
    }
}
