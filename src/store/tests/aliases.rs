//! Issue 18 point 5: a unit's short forms find it, and a unit's name finds the tasks it
//! co-handles (协办) as well as those it leads, from the indexes and row by row alike.

use super::*;

fn housing(store: &mut Store) {
    store
        .add_unit(NewUnit {
            name: "县住房和城乡建设局".into(),
            kind: UnitKind::Department,
            main_leader: None,
            contact: None,
        })
        .unwrap();
}

/// The ids the ledger's text filter finds on `today`, in id order, both ways of reading it.
fn found(s: &mut Store, q: &str) -> Vec<i64> {
    let today = d("2026-11-25");
    let mut out = Vec::new();
    for broad in [crate::store::tasks::text::BROAD, 0] {
        s.set_broad(broad);
        let f = text_filter(q);
        let mut ids = task_ids(&s.tasks(&f, today).unwrap());
        ids.sort();
        assert_eq!(s.task_count(&f, today).unwrap(), ids.len(), "{q}");
        out.push(ids);
    }
    assert_eq!(out[0], out[1], "{q}: the indexes and the walk agree");
    out.remove(0)
}

#[test]
fn r18_5_a_new_unit_starts_with_its_short_forms() {
    let (_dir, mut s) = fresh();
    housing(&mut s);
    let aliases = s.unit_aliases("县住房和城乡建设局").unwrap();
    for a in ["住建", "住建局", "住房和城乡建设局"] {
        assert!(aliases.iter().any(|x| x == a), "{a} in {aliases:?}");
    }
    county(&mut s);
    assert!(s.unit_aliases("上塘镇").unwrap().is_empty());
    let all = s.all_unit_aliases().unwrap();
    let fin = s.unit_by_name("县财政局").unwrap();
    assert_eq!(all[&fin.id], ["财政", "财政局"]);
}

#[test]
fn r18_5_short_forms_and_co_handling_find_the_task() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    housing(&mut s);
    let led = s
        .add_task(NewTask {
            meeting_id: m,
            text: "老旧小区改造".into(),
            lead_unit: "县住房和城乡建设局".into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        })
        .unwrap();
    let co = s
        .add_task(NewTask {
            meeting_id: m,
            text: "危房排查".into(),
            lead_unit: "上塘镇".into(),
            co_units: vec!["县住房和城乡建设局".into()],
            leader: None,
            limit: Limit::Default,
        })
        .unwrap();
    for q in ["住建", "住建局", "住房和城乡", "县住房和城乡建设局"] {
        assert_eq!(found(&mut s, q), vec![led, co], "{q}");
    }
    // 上塘镇 leads the co-handled task only.
    assert_eq!(found(&mut s, "上塘"), vec![co]);
}

#[test]
fn r18_5_aliases_are_added_removed_audited_and_undone() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    assert!(found(&mut s, "财税").is_empty());
    let before = audit_count(&s);
    let after = s.add_unit_alias("县财政局", " 财税 ").unwrap();
    assert_eq!(after, ["财政", "财政局", "财税"]);
    assert_eq!(
        s.unit_aliases("县财政局").unwrap(),
        after,
        "read back as typed"
    );
    assert_eq!(audit_count(&s), before + 1);
    assert_eq!(found(&mut s, "财税"), vec![t], "co-handled by 县财政局");
    // Adding it again changes nothing and audits nothing.
    s.add_unit_alias("县财政局", "财税").unwrap();
    assert_eq!(audit_count(&s), before + 1);
    assert_eq!(
        s.remove_unit_alias("县财政局", "财政").unwrap(),
        ["财政局", "财税"]
    );
    assert!(matches!(
        s.remove_unit_alias("县财政局", "没有"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.add_unit_alias("县财政局", "  "),
        Err(StoreError::Invalid(Invalid::Empty(_)))
    ));
    assert!(matches!(
        s.add_unit_alias("没有的单位", "x"),
        Err(StoreError::NotFound { .. })
    ));
    s.undo_last().unwrap();
    assert_eq!(
        s.unit_aliases("县财政局").unwrap(),
        ["财政", "财政局", "财税"],
        "undo puts the removed alias back"
    );
    s.redo_last().unwrap();
    assert_eq!(
        s.unit_aliases("县财政局").unwrap(),
        ["财政局", "财税"],
        "redo"
    );
    s.undo_last().unwrap();
    assert_eq!(
        s.unit_aliases("县财政局").unwrap(),
        ["财政", "财政局", "财税"]
    );
}

#[test]
fn r18_5_a_short_form_names_one_unit_and_the_whole_list_is_set_at_once() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let before = audit_count(&s);
    // Another unit's name, or another unit's short form: refused, naming that unit; nothing set.
    for (taken, owner) in [("上塘镇", "上塘镇"), ("财政局", "县财政局")] {
        match s.set_unit_aliases("上塘镇", &["塘镇".into(), taken.into()]) {
            Err(StoreError::Invalid(Invalid::AliasTaken { alias, unit })) if taken != owner => {
                assert_eq!((alias.as_str(), unit.as_str()), (taken, owner));
            }
            // A unit's own name is not its short form either, but no other unit holds it.
            r if taken == owner => assert!(r.is_ok(), "{r:?}"),
            r => panic!("{taken}: {r:?}"),
        }
    }
    assert!(matches!(
        s.add_unit_alias("上塘镇", "财政"),
        Err(StoreError::Invalid(Invalid::AliasTaken { .. }))
    ));
    // The whole list in one audited change, undone as one.
    let list = s.unit_aliases("上塘镇").unwrap();
    let set = s
        .set_unit_aliases("上塘镇", &["上塘".into(), " 塘镇 ".into(), "上塘".into()])
        .unwrap();
    assert_eq!(set, ["上塘", "塘镇"]);
    assert_eq!(s.unit_aliases("上塘镇").unwrap(), set, "read back");
    s.undo_last().unwrap();
    assert_eq!(s.unit_aliases("上塘镇").unwrap(), list);
    assert!(audit_count(&s) > before);
}
