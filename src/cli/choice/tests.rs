//! Every enumerated option takes its labels and words.

use super::*;
use crate::calendar::DayOff;
use crate::cli::output::Format;
use crate::domain::{
    AttendanceOutcome, ExemptCategory, LeaderTitle, Light, PeriodKind, Role, TaskState, UnitKind,
};
use crate::report::Part;
use crate::store::TaskSort;

/// Every value of `T` is found by its word and by its label in both languages, and no two
/// values share a word: a label added to the screens is accepted on the command line.
fn round_trip<T: Choice + PartialEq + std::fmt::Debug>() {
    let mut words = Vec::new();
    for &v in T::all() {
        let mut typed = vec![
            v.slug().to_string(),
            v.slug().to_uppercase(),
            v.label(Lang::Zh),
            v.label(Lang::En),
            format!(" {} ", v.label(Lang::En)),
        ];
        typed.extend(v.aliases().iter().map(|a| a.to_string()));
        for t in &typed {
            assert_eq!(parse::<T>(t), Some(v), "{t:?}");
        }
        for t in typed {
            let n = norm(&t);
            if !words.iter().any(|(w, x)| *w == n && *x == v) {
                assert!(
                    !words.iter().any(|(w, _)| *w == n),
                    "{t:?} names two values"
                );
                words.push((n, v));
            }
        }
    }
    assert_eq!(parse::<T>(""), None);
    assert_eq!(parse::<T>("不存在的值"), None);
    let zh = accepted::<T>(Lang::Zh);
    let en = accepted::<T>(Lang::En);
    for &v in T::all() {
        assert!(
            zh.contains(&v.label(Lang::Zh)) && en.contains(v.slug()),
            "{v:?}"
        );
    }
}

#[test]
fn every_enumerated_option_takes_its_chinese_label_english_label_and_word() {
    round_trip::<UnitKind>();
    round_trip::<LeaderTitle>();
    round_trip::<AttendanceOutcome>();
    round_trip::<Light>();
    round_trip::<TaskState>();
    round_trip::<ExemptCategory>();
    round_trip::<Role>();
    round_trip::<PeriodKind>();
    round_trip::<TaskSort>();
    round_trip::<Part>();
    round_trip::<Format>();
    round_trip::<Lang>();
    round_trip::<DayOff>();
}

#[test]
fn the_issues_examples() {
    assert_eq!(parse("副县长"), Some(LeaderTitle::DeputyHead));
    assert_eq!(parse("乡镇"), Some(UnitKind::Township));
    assert_eq!(parse("县直单位"), Some(UnitKind::Department));
    assert_eq!(parse("缺席"), Some(AttendanceOutcome::Absent));
    assert_eq!(
        parse("擅自替会"),
        Some(AttendanceOutcome::UnauthorisedSubstitute)
    );
    assert_eq!(parse("criticism_due"), Some(TaskState::CriticismDue));
    assert_eq!(parse("应通报批评"), Some(TaskState::CriticismDue));
    assert_eq!(parse("case_handling"), Some(ExemptCategory::CaseHandling));
}
