//! Enumerated values on the command line, typed as the screens show them: the Chinese label
//! (`--kind 县直单位`, `--title 副县长`, `--outcome 擅自替会`), the English label, or the English
//! word of the command line (`--kind department`). One mechanism for every enumerated option:
//! each type says its values, its word and its label ([`Choice`]), and [`choice`] is its
//! `value_parser`. A value not accepted is refused listing what is, in the user's language
//! (`args::usage_error`).

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Msg};

/// An enumerated value of the command line.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, in the order an error lists them.
    fn all() -> &'static [Self];
    /// The English word typed on the command line (`deputy-head`).
    fn slug(self) -> &'static str;
    /// The label the screens show, in `lang` (副县长 / deputy head).
    fn label(self, lang: Lang) -> String;
    /// Other words people use for it (缺席 for 无故缺会, older spellings).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
}

/// A typed word compared without case, surrounding space, or the difference between `_`, `-`
/// and a space.
fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', ' '], "-")
}

/// The value `s` names, in either language or as the command line's word.
pub fn parse<T: Choice>(s: &str) -> Option<T> {
    let n = norm(s);
    if n.is_empty() {
        return None;
    }
    T::all().iter().copied().find(|v| {
        norm(v.slug()) == n
            || [Lang::Zh, Lang::En]
                .into_iter()
                .any(|l| norm(&v.label(l)) == n)
            || v.aliases().iter().any(|a| norm(a) == n)
    })
}

/// What `T` accepts, as a refusal lists it in `lang`: the labels, then the command line's words
/// ("乡镇、县直单位、其他（或 township、department、other）").
pub fn accepted<T: Choice>(lang: Lang) -> String {
    let (sep, words) = match lang {
        Lang::Zh => (
            "、",
            T::all().iter().map(|v| v.label(lang)).collect::<Vec<_>>(),
        ),
        Lang::En => (", ", Vec::new()),
    };
    let slugs: Vec<&str> = T::all().iter().map(|v| v.slug()).collect();
    match lang {
        Lang::Zh => lang.fill(Msg::ChoiceList, &[&words.join(sep), &slugs.join("、")]),
        Lang::En => slugs.join(sep),
    }
}

/// The `value_parser` of an enumerated option: [`parse`], with the command line's words offered
/// in `--help`.
pub fn choice<T: Choice>() -> ChoiceParser<T> {
    ChoiceParser(PhantomData)
}

#[derive(Clone, Copy)]
pub struct ChoiceParser<T>(PhantomData<fn() -> T>);

impl<T: Choice + Clone> TypedValueParser for ChoiceParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let typed = value.to_string_lossy();
        parse::<T>(&typed).ok_or_else(|| {
            let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                e.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            e.insert(
                ContextKind::InvalidValue,
                ContextValue::String(typed.into_owned()),
            );
            // What is accepted, in both languages (the refusal picks the user's): [zh, en].
            e.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(vec![accepted::<T>(Lang::Zh), accepted::<T>(Lang::En)]),
            );
            e
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::all().iter().map(|v| PossibleValue::new(v.slug())),
        ))
    }
}

mod values;

#[cfg(test)]
mod tests;
