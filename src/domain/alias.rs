//! A unit's short forms (简称) for search: 住建 and 住建局 find 县住房和城乡建设局. The store keeps
//! an editable list per unit; a new unit (and every unit when the list was introduced) starts
//! with [`default_aliases`], derived by rule from its name.

/// Customary short forms of county departments: a unit whose name holds the key is also known
/// by these (each also with the unit's own ending, 局/委/办, when it has one).
const CUSTOMARY: &[(&str, &[&str])] = &[
    ("住房和城乡建设", &["住建"]),
    ("住房城乡建设", &["住建"]),
    ("发展和改革", &["发改"]),
    ("发展改革", &["发改"]),
    ("人力资源和社会保障", &["人社"]),
    ("人力资源社会保障", &["人社"]),
    ("自然资源和规划", &["自然资源", "自规"]),
    ("市场监督管理", &["市场监管"]),
    ("农业农村", &["农业农村", "农业"]),
    ("交通运输", &["交通运输", "交通"]),
    ("卫生健康", &["卫健"]),
    ("卫生和健康", &["卫健"]),
    ("教育和体育", &["教体"]),
    ("教育体育", &["教体"]),
    ("文化和广电旅游体育", &["文广旅体", "文旅"]),
    ("文化广电旅游", &["文广旅", "文旅"]),
    ("文化和旅游", &["文旅"]),
    ("生态环境", &["生态环境", "环保"]),
    ("应急管理", &["应急"]),
    ("经济和信息化", &["经信"]),
    ("科学技术", &["科技"]),
    ("退役军人事务", &["退役军人"]),
    ("医疗保障", &["医保"]),
    ("综合行政执法", &["综合执法", "城管"]),
    ("行政审批", &["审批"]),
    ("大数据发展管理", &["大数据"]),
];

/// Endings a department's name carries, longest first: stripped to find its core (住房和城乡建设).
const ENDINGS: &[&str] = &["委员会", "办公室", "管理局", "分局", "局", "委", "办"];

/// The short forms a unit named `name` starts with: the name without its leading 县, its core
/// without 县 and its ending (局, 委员会, 办公室…), and the customary short forms of [`CUSTOMARY`]
/// with and without the ending. Never the name itself, no form shorter than two characters, no
/// form twice. A township's name (上塘镇) has none: its name already holds what is typed.
pub fn default_aliases(name: &str) -> Vec<String> {
    let name = name.trim();
    let mut out: Vec<String> = Vec::new();
    let mut add = |a: &str| {
        if a.chars().count() >= 2 && a != name && !out.iter().any(|o| o == a) {
            out.push(a.to_string());
        }
    };
    // 县委办公室 and 县政府办公室 keep their 县: 委办公室 is no one's name for them.
    let bare = match name.strip_prefix('县') {
        Some(b)
            if !["委", "政府", "人大", "政协"]
                .iter()
                .any(|p| b.starts_with(p)) =>
        {
            b
        }
        _ => name,
    };
    let ending = ENDINGS.iter().find(|e| bare.ends_with(**e)).copied();
    let core = ending.map_or(bare, |e| &bare[..bare.len() - e.len()]);
    // The shortest ending said after a short form: 局 for 管理局 and 分局, 委 for 委员会.
    let short_ending = match ending {
        Some("委员会") => Some("委"),
        Some("管理局" | "分局") => Some("局"),
        e => e,
    };
    if bare != name {
        add(bare);
    }
    if ending.is_some() {
        add(core);
    }
    if ending == Some("办公室") {
        add(&format!("{core}办"));
    }
    for (key, forms) in CUSTOMARY {
        if bare.contains(key) {
            for f in *forms {
                add(f);
                if let Some(e) = short_ending {
                    add(&format!("{f}{e}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_18_5_customary_short_forms_find_their_department() {
        let a = default_aliases("县住房和城乡建设局");
        for f in ["住建", "住建局", "住房和城乡建设局", "住房和城乡建设"] {
            assert!(a.iter().any(|x| x == f), "{f} not in {a:?}");
        }
        let a = default_aliases("县市场监督管理局");
        assert!(a.iter().any(|x| x == "市场监管") && a.iter().any(|x| x == "市场监管局"));
        let a = default_aliases("县人力资源和社会保障局");
        assert!(a.iter().any(|x| x == "人社局"));
        let a = default_aliases("县发展和改革局");
        assert!(a.iter().any(|x| x == "发改委") || a.iter().any(|x| x == "发改局"));
        assert!(
            default_aliases("县卫生健康局")
                .iter()
                .any(|x| x == "卫健局")
        );
        assert!(
            default_aliases("县教育和体育局")
                .iter()
                .any(|x| x == "教体局")
        );
    }

    #[test]
    fn issue_18_5_default_aliases_by_rule_never_the_name_nor_one_character() {
        assert_eq!(default_aliases("县财政局"), vec!["财政局", "财政"]);
        assert_eq!(default_aliases("县委办公室"), vec!["县委", "县委办"]);
        assert!(default_aliases("上塘镇").is_empty());
        assert!(default_aliases("县局").is_empty());
        assert!(default_aliases("").is_empty());
        let a = default_aliases("县农业农村局");
        let mut dedup = a.clone();
        dedup.dedup();
        assert_eq!(a, dedup);
        assert!(!a.iter().any(|x| x == "县农业农村局"));
    }
}
