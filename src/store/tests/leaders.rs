//! Editing county leaders.

use super::edits::more;
use super::*;
use crate::domain::Leader;

#[test]
fn update_leader_changes_name_title_liaison_and_active() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    more(&mut s);
    let li = s.leader_by_name("李副县长").unwrap();
    let wang = s.leader_by_name("王主任").unwrap();
    let n = audit_count(&s);
    let got = s
        .update_leader(&Leader {
            name: " 李县长 ".into(),
            title: LeaderTitle::CountyHead,
            liaison_id: Some(wang.id),
            active: false,
            ..li.clone()
        })
        .unwrap();
    assert_eq!(got.name, "李县长");
    assert_eq!(got.title, LeaderTitle::CountyHead);
    assert_eq!(
        (got.liaison_id, got.active, got.version),
        (Some(wang.id), false, 2)
    );
    assert_eq!(audit_count(&s), n + 1);
    let row = &s
        .audit_log(Some("leader"), Some(&li.id.to_string()), 1)
        .unwrap()[0];
    assert_eq!(row.action, "update");
    assert_eq!(row.before.as_ref().unwrap()["name"], "李副县长");
    assert_eq!(row.after.as_ref().unwrap()["name"], "李县长");
}

#[test]
fn update_leader_refuses_bad_input_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    more(&mut s);
    let li = s.leader_by_name("李副县长").unwrap();
    let n = audit_count(&s);
    let with = |f: &dyn Fn(&mut Leader)| {
        let mut l = li.clone();
        f(&mut l);
        l
    };
    assert!(matches!(
        s.update_leader(&with(&|l| l.name = "王主任".into())),
        Err(StoreError::Duplicate {
            entity: Entity::Leader,
            ..
        })
    ));
    assert!(matches!(
        s.update_leader(&with(&|l| l.name = " ".into())),
        Err(StoreError::Invalid(Invalid::Empty(
            crate::domain::TextField::LeaderName
        )))
    ));
    assert!(matches!(
        s.update_leader(&with(&|l| l.liaison_id = Some(l.id))),
        Err(StoreError::Invalid(Invalid::OwnLiaison(_)))
    ));
    assert!(matches!(
        s.update_leader(&with(&|l| l.liaison_id = Some(999))),
        Err(StoreError::NotFound {
            entity: Entity::Leader,
            ..
        })
    ));
    assert_eq!(audit_count(&s), n);
    assert_eq!(s.leader(li.id).unwrap(), li);
}

#[test]
fn update_leader_refuses_a_stale_version_naming_the_other_user() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    county(&mut a);
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    b.fix_audit_clock("王五", "2026-11-03T10:00:00+08:00");
    let seen = a.leader_by_name("李副县长").unwrap();
    b.update_leader(&Leader {
        title: LeaderTitle::CountyHead,
        ..seen.clone()
    })
    .unwrap();
    let n = audit_count(&a);
    match a.update_leader(&Leader {
        active: false,
        ..seen
    }) {
        Err(StoreError::Conflict { entity, by, .. }) => {
            assert_eq!((entity, by.as_str()), (Entity::Leader, "王五"))
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n);
}
