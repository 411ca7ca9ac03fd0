//! A command line the argument parser refused, said as every other bad input is: one line in the
//! user's language naming the value, exit code 2. clap's own messages (several lines of English
//! with a usage block) are not shown; `--help` is clap's, as it is.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Msg};

/// The language of a refusal of the command line itself, found before it is parsed: `--lang X`
/// (or `--lang=X`) among the arguments, else `DUBAN_LANG`, else the configuration's (`--config`,
/// `DUBAN_CONFIG`, the usual files), else Chinese.
pub fn lang_of(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let after = |flag: &str| {
        args.iter()
            .enumerate()
            .find_map(|(i, a)| match a.strip_prefix(flag) {
                Some("") => args.get(i + 1).cloned(),
                Some(rest) => rest.strip_prefix('=').map(str::to_string),
                None => None,
            })
    };
    let typed = after("--lang").or_else(|| std::env::var("DUBAN_LANG").ok());
    if let Some(lang) = typed.and_then(|l| super::choice::parse::<Lang>(&l)) {
        return lang;
    }
    let config = after("--config")
        .or_else(|| std::env::var("DUBAN_CONFIG").ok())
        .map(std::path::PathBuf::from);
    crate::config::Config::load(config.as_deref())
        .ok()
        .and_then(|c| c.lang)
        .unwrap_or_default()
}

/// The texts of a piece of the error's context.
fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn first(e: &clap::Error, kind: ContextKind) -> Option<String> {
    strings(e, kind).into_iter().next()
}

/// An argument as the user knows it: an option by its flag (`--kind`), a positional value by
/// what it is (`<ID>` → 编号).
fn arg_name(lang: Lang, arg: &str) -> String {
    let arg = arg.trim();
    if arg.starts_with('-') {
        return arg.split([' ', '=']).next().unwrap_or(arg).to_string();
    }
    let name = arg.trim_start_matches('<').trim_end_matches(['>', '.']);
    let (zh, en) = match name {
        "ID" => ("编号", "the id"),
        "MEETING" => ("会议编号", "the meeting's id"),
        "NAME" => ("名称", "the name"),
        "UNIT" => ("单位", "the unit"),
        "DATE" => ("日期", "the date"),
        "N" => ("工作日数", "the number of working days"),
        "FROM" => ("开始日期", "the first day"),
        "TO" => ("结束日期", "the last day"),
        "YEAR" => ("年份", "the year"),
        "FILE" => ("文件", "the file"),
        "PATH" => ("路径", "the path"),
        "KIND" => ("类型", "the kind"),
        "ROLE" => ("角色", "the role"),
        "PART" => ("报表", "the report table"),
        other => return other.to_lowercase(),
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The command the user was running (`duban task add`), from clap's usage line.
fn command(e: &clap::Error) -> String {
    let usage = first(e, ContextKind::Usage).unwrap_or_default();
    let usage = usage
        .split_once(':')
        .map_or(usage.as_str(), |(_, rest)| rest)
        .trim();
    let words: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    match words.is_empty() {
        true => "duban".to_string(),
        false => words.join(" "),
    }
}

/// "（是否要用 --date？）" after an unknown word, when clap has a suggestion.
fn did_you_mean(lang: Lang, e: &clap::Error, kind: ContextKind) -> String {
    match first(e, kind) {
        Some(s) => lang.fill(Msg::DidYouMean, &[&s]),
        None => String::new(),
    }
}

/// The refusal as one line in `lang`.
pub fn message(lang: Lang, e: &clap::Error) -> String {
    let cmd = command(e);
    let arg = first(e, ContextKind::InvalidArg).map(|a| arg_name(lang, &a));
    let arg = arg.unwrap_or_else(|| cmd.clone());
    let value = first(e, ContextKind::InvalidValue).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            let hint = did_you_mean(lang, e, ContextKind::SuggestedArg);
            lang.fill(Msg::ErrUnknownOption, &[&arg, &hint, &cmd])
        }
        ErrorKind::UnknownArgument => {
            let extra = first(e, ContextKind::InvalidArg).unwrap_or_default();
            lang.fill(Msg::ErrExtraArg, &[&extra, &cmd])
        }
        ErrorKind::InvalidSubcommand => {
            let typed = first(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = did_you_mean(lang, e, ContextKind::SuggestedSubcommand);
            lang.fill(Msg::ErrUnknownCommand, &[&typed, &hint, &cmd])
        }
        ErrorKind::InvalidValue if value.is_empty() => lang.fill(Msg::ErrMissingValue, &[&arg]),
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue);
            // A value of `choice`: what it accepts in both languages, [zh, en].
            let list = match (valid.as_slice(), lang) {
                ([zh, _], Lang::Zh) => zh.clone(),
                ([_, en], Lang::En) => en.clone(),
                (many, Lang::Zh) => many.join("、"),
                (many, Lang::En) => many.join(", "),
            };
            lang.fill(Msg::ErrBadChoice, &[&arg, &value, &list])
        }
        ErrorKind::ValueValidation => {
            let why = match std::error::Error::source(e) {
                Some(s) if s.is::<std::num::ParseIntError>() => {
                    lang.t(Msg::ErrNotWholeNumber).to_string()
                }
                Some(s) => s.to_string(),
                None => String::new(),
            };
            lang.fill(Msg::ErrBadValue, &[&arg, &value, &why])
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = strings(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| arg_name(lang, a))
                .collect();
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            lang.fill(Msg::ErrMissingArgs, &[&missing.join(sep), &cmd])
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            lang.fill(Msg::ErrMissingCommand, &[&cmd])
        }
        ErrorKind::ArgumentConflict => {
            let prior = first(e, ContextKind::PriorArg)
                .map(|a| arg_name(lang, &a))
                .unwrap_or_default();
            lang.fill(Msg::ErrConflictArgs, &[&arg, &prior])
        }
        ErrorKind::TooManyValues => lang.fill(Msg::ErrExtraArg, &[&value, &cmd]),
        ErrorKind::InvalidUtf8 => lang.t(Msg::ErrNotUtf8).to_string(),
        _ => {
            // Anything else clap refuses: its own words' first line, in one line of ours.
            let rendered = e.render().to_string();
            let line = rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error:")
                .trim()
                .to_string();
            lang.fill(Msg::ErrUsage, &[&line, &cmd])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn refused(args: &[&str]) -> (String, String) {
        let e = Cli::try_parse_from(std::iter::once("duban").chain(args.iter().copied()))
            .expect_err("refused");
        (message(Lang::Zh, &e), message(Lang::En, &e))
    }

    #[test]
    fn every_kind_of_refusal_is_one_line_in_the_users_language_naming_the_value() {
        let cases: &[(&[&str], &str, &str)] = &[
            (
                &["task", "list", "--colour", "red"],
                "无法识别的选项“--colour”",
                "unknown option \"--colour\"",
            ),
            (
                &["tsak"],
                "无法识别的命令“tsak”",
                "unknown command \"tsak\"",
            ),
            (
                &["unit", "add", "上塘镇", "--kind", "村"],
                "--kind 的值“村”无法识别：可选 乡镇、县直单位、其他",
                "--kind: \"村\" is not accepted; use township, department, other",
            ),
            (
                &["meeting", "show", "abc"],
                "编号的值“abc”无效：应为整数",
                "the id: \"abc\" is not valid: a whole number is expected",
            ),
            (
                &["leader", "add", "李明华"],
                "缺少必填项：--title",
                "missing --title",
            ),
            (
                &[
                    "task",
                    "add",
                    "--meeting",
                    "1",
                    "--lead",
                    "上塘镇",
                    "--text",
                    "x",
                    "--due",
                    "2026-12-01",
                    "--exempt",
                    "土地",
                ],
                "不能同时使用",
                "cannot be used with",
            ),
            (
                &["task", "list", "--unit"],
                "--unit 后面缺少值",
                "--unit needs a value",
            ),
            (
                &["meeting", "show", "1", "2"],
                "多余的参数“2”",
                "unexpected argument \"2\"",
            ),
        ];
        for (args, zh, en) in cases {
            let (z, e) = refused(args);
            assert!(z.contains(zh), "{args:?}: {z}");
            assert!(e.contains(en), "{args:?}: {e}");
            for m in [&z, &e] {
                assert!(!m.contains('\n'), "{args:?}: {m}");
                assert!(
                    !m.contains("Usage") && !m.contains("error:"),
                    "{args:?}: {m}"
                );
            }
        }
    }

    #[test]
    fn the_language_comes_from_the_arguments_before_they_are_parsed() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(&os(&["duban", "--lang", "en", "x"])), Lang::En);
        assert_eq!(lang_of(&os(&["duban", "x", "--lang=英文"])), Lang::En);
        assert_eq!(lang_of(&os(&["duban", "--lang", "zh"])), Lang::Zh);
    }
}
