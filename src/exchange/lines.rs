//! A task's records in one cell of a .csv ledger, one record per line, as a person reads them:
//!
//! - progress report: `2026-10-01 按计划推进`
//! - written explanation: `2026-10-05 承诺2026-10-20 资金尚未到位` (`promised` in English)
//! - criticism: `2026-09-01 县考绩办〔2026〕3号：议定事项逾期未完成` (the number, then `：` and the reason)
//! - waiver (不予通报批评): `2026-11-20 已专题约谈主要负责人` (its date, then its reason)
//!
//! A line break inside a record's text is written as a space.

use chrono::NaiveDate;

use crate::i18n::{Lang, Xch};

/// A record line that could not be read: the line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine(pub String);

fn one_line(s: &str) -> String {
    crate::text::sanitise(s).trim().to_string()
}

/// The first word of `s` as a date (`2026-10-01`, or any form people type), and the rest.
fn date_first(s: &str, today: NaiveDate) -> Option<(NaiveDate, &str)> {
    let s = s.trim();
    let end = s
        .find(|c: char| c.is_whitespace() || c == '：' || c == ':')
        .unwrap_or(s.len());
    let date = crate::domain::parse_date(&s[..end], today).ok()?;
    Some((date, s[end..].trim_start()))
}

/// The lines of a cell, blank ones left out.
pub fn split(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// A progress report's line.
pub fn progress(reported_on: NaiveDate, text: &str) -> String {
    format!("{reported_on} {}", one_line(text))
}

/// Reads a progress report's line: its date and text (not empty).
pub fn parse_progress(line: &str, today: NaiveDate) -> Result<(NaiveDate, String), BadLine> {
    let bad = || BadLine(line.trim().to_string());
    let (date, rest) = date_first(line, today).ok_or_else(bad)?;
    let text = one_line(rest.trim_start_matches(['：', ':']));
    if text.is_empty() {
        return Err(bad());
    }
    Ok((date, text))
}

/// A waiver's line: its date and reason.
pub fn waiver(date: NaiveDate, reason: &str) -> String {
    progress(date, reason)
}

/// Reads a waiver's line: its date and reason (not empty: a waiver always gives one).
pub fn parse_waiver(line: &str, today: NaiveDate) -> Result<(NaiveDate, String), BadLine> {
    parse_progress(line, today)
}

/// A written explanation's line.
pub fn explanation(
    lang: Lang,
    submitted_on: NaiveDate,
    promised_on: NaiveDate,
    text: Option<&str>,
) -> String {
    let word = lang.xch(Xch::PromisedWord);
    let text = text.map(one_line).unwrap_or_default();
    format!("{submitted_on} {word}{promised_on} {text}")
        .trim_end()
        .to_string()
}

/// Reads a written explanation's line: the day submitted, the promised date (after 承诺 or
/// promised, in either language) and the text, if any.
pub fn parse_explanation(
    line: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate, Option<String>), BadLine> {
    let bad = || BadLine(line.trim().to_string());
    let (submitted, rest) = date_first(line, today).ok_or_else(bad)?;
    let rest = [Lang::Zh, Lang::En]
        .iter()
        .find_map(|l| {
            let word = l.xch(Xch::PromisedWord);
            rest.get(..word.len())
                .filter(|w| w.eq_ignore_ascii_case(word))
                .map(|_| &rest[word.len()..])
        })
        .ok_or_else(bad)?;
    let (promised, text) = date_first(rest, today).ok_or_else(bad)?;
    let text = one_line(text);
    Ok((submitted, promised, (!text.is_empty()).then_some(text)))
}

/// A criticism's line: its date, document number and reason.
pub fn criticism(date: NaiveDate, doc_no: Option<&str>, reason: Option<&str>) -> String {
    let doc = doc_no.map(one_line).unwrap_or_default();
    match reason.map(one_line).filter(|r| !r.is_empty()) {
        Some(r) => format!("{date} {doc}：{r}"),
        None => format!("{date} {doc}").trim_end().to_string(),
    }
}

/// A criticism as a line gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CriticismLine {
    pub date: NaiveDate,
    pub doc_no: Option<String>,
    pub reason: Option<String>,
}

/// Reads a criticism's line: the date, then the document number up to the first `：`, then the
/// reason.
pub fn parse_criticism(line: &str, today: NaiveDate) -> Result<CriticismLine, BadLine> {
    let (date, rest) = date_first(line, today).ok_or_else(|| BadLine(line.trim().to_string()))?;
    let (doc, reason) = rest.split_once('：').unwrap_or((rest, ""));
    let some = |s: &str| Some(one_line(s)).filter(|s| !s.is_empty());
    Ok(CriticismLine {
        date,
        doc_no: some(doc),
        reason: some(reason),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-25";

    #[test]
    fn each_line_reads_back_what_it_wrote() {
        let today = d(TODAY);
        let p = progress(d("2026-10-01"), "按计划推进，\n已报告");
        assert_eq!(p, "2026-10-01 按计划推进， 已报告");
        assert_eq!(
            parse_progress(&p, today),
            Ok((d("2026-10-01"), "按计划推进， 已报告".to_string()))
        );
        for lang in [Lang::Zh, Lang::En] {
            for text in [Some("资金尚未到位"), None] {
                let e = explanation(lang, d("2026-10-05"), d("2026-10-20"), text);
                assert_eq!(
                    parse_explanation(&e, today),
                    Ok((d("2026-10-05"), d("2026-10-20"), text.map(str::to_string))),
                    "{e}"
                );
            }
        }
        let w = waiver(d("2026-11-20"), "已专题约谈\n主要负责人");
        assert_eq!(
            parse_waiver(&w, today),
            Ok((d("2026-11-20"), "已专题约谈 主要负责人".to_string()))
        );
        assert!(parse_waiver("2026-11-20", today).is_err(), "no reason");
        for (doc, reason) in [
            (Some("县考绩办〔2026〕3号"), Some("逾期未完成")),
            (Some("县考绩办〔2026〕3号"), None),
            (None, Some("逾期未完成")),
            (None, None),
        ] {
            let c = criticism(d("2026-09-01"), doc, reason);
            assert_eq!(
                parse_criticism(&c, today),
                Ok(CriticismLine {
                    date: d("2026-09-01"),
                    doc_no: doc.map(str::to_string),
                    reason: reason.map(str::to_string),
                }),
                "{c}"
            );
        }
    }

    #[test]
    fn lines_people_type_are_read_and_bad_ones_named() {
        let today = d(TODAY);
        assert_eq!(
            parse_progress("2026/10/1：已开工", today),
            Ok((d("2026-10-01"), "已开工".to_string()))
        );
        assert_eq!(
            parse_explanation("2026-10-05 Promised 2026-10-20", today),
            Ok((d("2026-10-05"), d("2026-10-20"), None))
        );
        assert_eq!(
            parse_progress("已开工", today),
            Err(BadLine("已开工".into()))
        );
        assert!(parse_progress("2026-10-01", today).is_err(), "no text");
        assert!(parse_explanation("2026-10-05 资金不足", today).is_err());
        assert_eq!(split("a\r\n\r\n b \n").collect::<Vec<_>>(), ["a", "b"]);
    }
}
