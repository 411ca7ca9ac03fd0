//! Paging the audit log, and seeing other connections' commits.

use super::*;

#[test]
fn the_audit_log_pages_newest_first() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    for _ in 0..3 {
        task(&mut s, m, Limit::Default);
    }
    let all = s.audit_log(None, None, 10_000).unwrap();
    assert_eq!(s.audit_count().unwrap(), all.len());
    assert!(all.len() >= 8, "{}", all.len());
    assert!(all.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = s.audit_page(offset, 3).unwrap();
        assert!(page.len() <= 3);
        if page.is_empty() {
            break;
        }
        offset += page.len();
        paged.extend(page);
    }
    assert_eq!(paged, all);
    assert_eq!(s.audit_page(1, 2).unwrap(), all[1..3]);
    assert!(s.audit_page(all.len(), 5).unwrap().is_empty());
    assert!(s.audit_page(0, 0).unwrap().is_empty());
    // A new change comes first.
    task(&mut s, m, Limit::Default);
    assert_eq!(s.audit_count().unwrap(), all.len() + 1);
    let newest = &s.audit_page(0, 1).unwrap()[0];
    assert!(newest.id > all[0].id);
    assert_eq!(newest.entity, "task");
}

#[test]
fn data_version_moves_when_another_connection_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    let seen = a.data_version().unwrap();
    assert_eq!(
        a.data_version().unwrap(),
        seen,
        "steady while nobody writes"
    );
    county(&mut b);
    let after_b = a.data_version().unwrap();
    assert_ne!(after_b, seen, "b's commits are visible to a");
    assert_eq!(a.units().unwrap().len(), 2);
    // A store's own writes do not move its own reading (it has nothing to reload)...
    let b_seen = b.data_version().unwrap();
    let m = b.meetings(d("2026-11-25")).unwrap()[0].id;
    task(&mut b, m, Limit::Default);
    assert_eq!(b.data_version().unwrap(), b_seen);
    // ...but do move the other's.
    assert_ne!(a.data_version().unwrap(), after_b);
    let again = a.data_version().unwrap();
    task(&mut a, m, Limit::Default);
    assert_eq!(a.data_version().unwrap(), again);
    assert_ne!(b.data_version().unwrap(), b_seen);
}
