//! The catalogues' checks: both languages, the same placeholders, English plurals.

use super::*;

fn placeholders(s: &str) -> Vec<usize> {
    // `{0}`, or a count with its noun: `{0 task|tasks}`.
    (0..6)
        .filter(|i| s.contains(&format!("{{{i}}}")) || s.contains(&format!("{{{i} ")))
        .collect()
}

#[test]
fn seams_4_english_counted_nouns_agree_with_0_1_and_2() {
    for (n, want) in [
        (0, "0 working days left"),
        (1, "1 working day left"),
        (2, "2 working days left"),
    ] {
        assert_eq!(Lang::En.fill(Msg::WorkdaysLeft, &[&n]), want);
    }
    for (n, want) in [(0, "0 tasks"), (1, "1 task"), (2, "2 tasks")] {
        assert_eq!(Lang::En.ui_fill(Ui::NTasks, &[&n]), want);
    }
    assert_eq!(
        Lang::En.fill(Msg::DemoSummary, &[&1, &2, &1, &"2026-11-25"]),
        "1 unit, 2 meetings, 1 task (today = 2026-11-25)"
    );
    // Chinese has no plural; a brace that is no placeholder stays as written.
    assert_eq!(Lang::Zh.fill(Msg::WorkdaysLeft, &[&1]), "剩余1个工作日");
    assert_eq!(fill_template("{x y|z} {0 a|b}", &[&1]), "{x y|z} 1 a");
    // Every English template with a count in front of a plural noun uses the helper.
    let nouns = [
        "working days",
        "days",
        "tasks",
        "items",
        "meetings",
        "units",
        "criticisms",
        "rows",
        "leaders",
        "referrals",
        "waivers",
        "explanations",
        "reports",
        "changes",
        "dates",
    ];
    let mut all: Vec<&str> = Vec::new();
    all.extend(Msg::ALL.iter().map(|m| Lang::En.t(*m)));
    all.extend(Ui::ALL.iter().map(|m| Lang::En.ui(*m)));
    all.extend(Exp::ALL.iter().map(|m| Lang::En.exp(*m)));
    all.extend(Imp::ALL.iter().map(|m| Lang::En.imp(*m)));
    all.extend(Mk::ALL.iter().map(|m| Lang::En.mk(*m)));
    all.extend(Chn::ALL.iter().map(|m| Lang::En.chn(*m)));
    all.extend(Rep::ALL.iter().map(|m| Lang::En.rep(*m)));
    all.extend(Aud::ALL.iter().map(|m| Lang::En.aud(*m)));
    all.extend(Dep::ALL.iter().map(|m| Lang::En.dep(*m)));
    all.extend(Xch::ALL.iter().map(|m| Lang::En.xch(*m)));
    all.extend(Frm::ALL.iter().map(|m| Lang::En.frm(*m)));
    for t in all {
        for i in 0..6 {
            for noun in nouns {
                let bare = format!("{{{i}}} {noun}");
                let written = format!("{{{i}}} written {noun}");
                let progress = format!("{{{i}}} progress {noun}");
                for w in [bare, written, progress] {
                    assert!(!t.contains(&w), "counted without the plural helper: {t}");
                }
            }
        }
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    for &m in Msg::ALL {
        let (zh, en) = (Lang::Zh.t(m), Lang::En.t(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Ui::ALL {
        let (zh, en) = (Lang::Zh.ui(m), Lang::En.ui(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Rep::ALL {
        let (zh, en) = (Lang::Zh.rep(m), Lang::En.rep(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Imp::ALL {
        let (zh, en) = (Lang::Zh.imp(m), Lang::En.imp(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Dep::ALL {
        let (zh, en) = (Lang::Zh.dep(m), Lang::En.dep(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Exp::ALL {
        let (zh, en) = (Lang::Zh.exp(m), Lang::En.exp(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
    for &m in Xch::ALL {
        let (zh, en) = (Lang::Zh.xch(m), Lang::En.xch(m));
        assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
        assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
    }
}

#[test]
fn values_are_never_read_as_placeholders() {
    assert_eq!(
        Lang::En.fill(Msg::ErrNotFound, &[&"unit", &"{0}{1}"]),
        "unit \"{0}{1}\" not found"
    );
    assert_eq!(
        Lang::Zh.fill(Msg::ErrNotFound, &[&"单位", &"上塘镇"]),
        "未找到单位“上塘镇”"
    );
}

#[test]
fn workdays_left_wording() {
    assert_eq!(
        Lang::Zh.workdays_left(Light::Red, Some(-3)),
        "逾期3个工作日"
    );
    assert_eq!(Lang::En.workdays_left(Light::Yellow, Some(0)), "due today");
    assert_eq!(
        Lang::Zh.workdays_left(Light::Green, Some(7)),
        "剩余7个工作日"
    );
    assert_eq!(Lang::Zh.workdays_left(Light::Red, Some(0)), "已逾期");
    assert_eq!(Lang::Zh.workdays_left(Light::Done, Some(-2)), "");
}
