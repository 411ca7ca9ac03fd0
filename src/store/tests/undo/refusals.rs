//! Undo refused: when the record changed since, when a created record gained dependants, for a
//! calendar change; and what does not stand in the way (changes since that were undone).

use super::*;

#[test]
fn undo_is_refused_when_the_record_changed_since() {
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let unit = a.unit_by_name("上塘镇").unwrap();
    a.update_unit(&Unit {
        contact: Some("0577-1".into()),
        ..unit
    })
    .unwrap();
    let seen = b.unit_by_name("上塘镇").unwrap();
    b.update_unit(&Unit {
        main_leader: Some("张书记".into()),
        ..seen
    })
    .unwrap();
    let n = audit_count(&a);
    match a.undo_last() {
        Err(StoreError::Conflict { entity, by, at, .. }) => {
            assert_eq!(entity, Entity::Unit);
            assert_eq!(
                (by.as_str(), at.as_str()),
                ("王五", "2026-11-03T10:00:00+08:00")
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n, "nothing written");
    let now = a.unit_by_name("上塘镇").unwrap();
    assert_eq!(now.contact.as_deref(), Some("0577-1"));
    assert_eq!(now.main_leader.as_deref(), Some("张书记"));
}

#[test]
fn undoing_a_creation_with_dependants_since_is_refused() {
    let (_dir, mut a, mut b) = two_users();
    let m = county(&mut a);
    let t = task(&mut a, m, Limit::Default);
    b.add_progress(t, d("2026-11-04"), "已开工").unwrap();
    let n = audit_count(&a);
    match a.undo_last() {
        Err(StoreError::Invalid(Invalid::HasDependants {
            entity,
            id,
            dependant,
        })) => {
            assert_eq!((entity, dependant), (Entity::Task, Entity::Progress));
            assert_eq!(id, t.to_string());
        }
        other => panic!("expected HasDependants, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n);
    assert!(a.task(t).is_ok());
    // A meeting with tasks stays too.
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let m = a
        .add_meeting(NewMeeting {
            topics: vec!["防汛".into()],
            date: Some(d("2026-11-03")),
            ..NewMeeting::default()
        })
        .unwrap();
    task(&mut b, m, Limit::Default);
    assert!(matches!(
        a.undo_last(),
        Err(StoreError::Invalid(Invalid::HasDependants {
            entity: Entity::Meeting,
            dependant: Entity::Task,
            ..
        }))
    ));
}

#[test]
fn a_calendar_change_cannot_be_undone() {
    let (_dir, mut s) = fresh();
    let days = parse_calendar_csv("date,is_off_day,name\n2027-01-01,1,元旦\n").unwrap();
    s.set_calendar_days(&days, true).unwrap();
    let n = audit_count(&s);
    match s.undo_last() {
        Err(StoreError::Invalid(Invalid::CannotUndo(code))) => assert_eq!(code, "calendar"),
        other => panic!("expected CannotUndo, got {other:?}"),
    }
    assert_eq!(audit_count(&s), n);
}

#[test]
fn changes_of_the_record_since_that_were_undone_do_not_stand_in_the_way() {
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let unit = a.unit_by_name("上塘镇").unwrap();
    let mine = a
        .update_unit(&Unit {
            contact: Some("0577-1".into()),
            ..unit.clone()
        })
        .unwrap();
    // 王五 changes it and takes it back: the record is as my change left it.
    b.update_unit(&Unit {
        main_leader: Some("张书记".into()),
        ..mine.clone()
    })
    .unwrap();
    b.undo_last().unwrap();
    a.undo_last().unwrap();
    let now = a.unit(unit.id).unwrap();
    assert_eq!(Unit { version: 0, ..now }, Unit { version: 0, ..unit });
    // 王五's change that stands blocks mine below it, even with a later change of mine undone.
    let mine = a
        .update_unit(&Unit {
            contact: Some("0577-2".into()),
            ..a.unit(unit.id).unwrap()
        })
        .unwrap();
    let his = b
        .update_unit(&Unit {
            main_leader: Some("李书记".into()),
            ..mine
        })
        .unwrap();
    a.update_unit(&Unit {
        contact: Some("0577-3".into()),
        ..his
    })
    .unwrap();
    a.undo_last().unwrap();
    assert!(matches!(
        a.undo_last(),
        Err(StoreError::Conflict { by, .. }) if by == "王五"
    ));
    assert_eq!(
        a.unit(unit.id).unwrap().main_leader.as_deref(),
        Some("李书记")
    );
}
