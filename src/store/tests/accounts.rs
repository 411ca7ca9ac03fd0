//! Accounts and roles: who is let in, and that the store refuses every write a role does not
//! allow, whichever interface calls it.

use std::path::Path;

use super::role_writes::{fingerprint, writes};
use super::*;
use crate::domain::{Limit, Role};

/// Opens `path` as the account `name`, as if that OS account ran duban; `owns` says whether it
/// owns the file (may become the first admin).
fn open_as(path: &Path, name: &str, owns: bool, unknown: UnknownAccounts) -> Result<Store> {
    let conn = rusqlite::Connection::open(path)?;
    let who = crate::store::accounts::Identity {
        name: name.to_string(),
        may_found: owns,
        owner: Some("owner".to_string()),
        in_memory: false,
    };
    let access = Access {
        unknown,
        ..Access::default()
    };
    Store::from_connection(conn, Thresholds::default(), who, access)
}

/// A database founded by `admin`, with the county of the store tests, one task, and the
/// accounts `ed` (editor) and `vi` (viewer).
fn office() -> (tempfile::TempDir, std::path::PathBuf, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.db");
    let mut admin = open_as(&path, "admin", true, UnknownAccounts::Refuse).unwrap();
    let meeting = county(&mut admin);
    let t = task(&mut admin, meeting, Limit::Default);
    admin
        .update_minutes(meeting, None, |m| {
            m.feedback_sent_on = Some(d("2026-11-03"))
        })
        .unwrap();
    admin.add_account("ed", Role::Editor).unwrap();
    admin.add_account("vi", Role::Viewer).unwrap();
    (dir, path, meeting, t)
}

fn forbidden(r: Result<impl std::fmt::Debug>) -> Option<(Option<Role>, Role)> {
    refusal(r).map(|(role, need, _)| (role, need))
}

/// A refusal's role, need, and whether only the session's limit stood in the way.
fn refusal(r: Result<impl std::fmt::Debug>) -> Option<(Option<Role>, Role, bool)> {
    match r {
        Err(StoreError::Forbidden {
            role,
            need,
            read_only,
            ..
        }) => Some((role, need, read_only)),
        _ => None,
    }
}

#[test]
fn a_viewer_can_change_nothing_and_an_editor_nothing_of_the_admins() {
    let (_dir, path, meeting, t) = office();
    for (account, role) in [("vi", Role::Viewer), ("ed", Role::Editor)] {
        let mut s = open_as(&path, account, false, UnknownAccounts::Refuse).unwrap();
        assert_eq!(s.role(), role);
        for (name, need, attempt) in writes(meeting, t) {
            if role.allows(need) {
                continue;
            }
            let before = fingerprint(&s);
            let got = refusal(attempt(&mut s));
            assert_eq!(got, Some((Some(role), need, false)), "{account}: {name}");
            assert_eq!(
                fingerprint(&s),
                before,
                "{account}: {name} changed something"
            );
        }
    }
}

#[test]
fn each_role_does_what_it_allows() {
    // An editor does all supervision work; an admin also the reference lists and accounts.
    for (account, role) in [("ed", Role::Editor), ("admin", Role::Admin)] {
        let (_dir, path, meeting, t) = office();
        let mut s = open_as(&path, account, false, UnknownAccounts::Refuse).unwrap();
        for (name, need, attempt) in writes(meeting, t) {
            let r = attempt(&mut s);
            if role.allows(need) {
                assert!(forbidden(r).is_none(), "{account} refused {name}");
            } else {
                assert!(forbidden(r).is_some(), "{account} allowed {name}");
            }
        }
    }
}

#[test]
fn every_write_of_the_store_is_tried() {
    // Every `pub fn …(&mut self …)` of the store is a write, except the ones named here, which
    // change only this process's Store value. A new write must join `writes` above.
    let not_writes = ["fix_audit_clock", "restrict_to", "set_broad"];
    let tried: Vec<&str> = writes(0, 0).iter().map(|w| w.0).collect();
    let mut found = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("tests") {
                    dirs.push(p);
                }
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for part in flat.split("pub fn ").skip(1) {
                let (name, rest) = part.split_once('(').unwrap_or((part, ""));
                if rest.trim_start().starts_with("&mut self") {
                    found.push(name.trim().to_string());
                }
            }
        }
    }
    assert!(found.len() > 20, "found only {found:?}");
    for name in &found {
        assert!(
            tried.contains(&name.as_str()) || not_writes.contains(&name.as_str()),
            "the write {name} is not tried by the role tests"
        );
    }
}

#[test]
fn an_unlisted_account_is_refused_naming_the_admins_or_let_in_to_read() {
    let (_dir, path, ..) = office();
    match open_as(&path, "stranger", false, UnknownAccounts::Refuse) {
        Err(StoreError::UnknownAccount { account, admins }) => {
            assert_eq!(account, "stranger");
            assert_eq!(admins, vec!["admin".to_string()]);
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let mut s = open_as(&path, "stranger", false, UnknownAccounts::Viewer).unwrap();
    assert_eq!(s.role(), Role::Viewer);
    assert!(
        !s.tasks(&TaskFilter::default(), d("2026-11-25"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        forbidden(s.add_progress(1, d("2026-11-20"), "x")),
        Some((Some(Role::Viewer), Role::Editor))
    );
}

#[test]
fn a_database_without_accounts_is_founded_by_its_owner_and_keeps_its_editors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A database from before accounts: changes by 张三's account `zhangsan`.
        let mut s = open_as(&path, "zhangsan", true, UnknownAccounts::Refuse).unwrap();
        county(&mut s);
        s.conn.execute_batch("DELETE FROM account").unwrap();
    }
    match open_as(&path, "lisi", false, UnknownAccounts::Refuse) {
        Err(StoreError::NoAccounts { account, owner }) => {
            assert_eq!((account.as_str(), owner.as_str()), ("lisi", "owner"));
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let s = open_as(&path, "root", true, UnknownAccounts::Refuse).unwrap();
    let accounts: Vec<(String, Role)> = s
        .accounts()
        .unwrap()
        .into_iter()
        .map(|a| (a.name, a.role))
        .collect();
    assert_eq!(
        accounts,
        vec![
            ("root".to_string(), Role::Admin),
            ("zhangsan".to_string(), Role::Editor)
        ]
    );
    let made: Vec<_> = s.audit_log(Some("account"), None, 10).unwrap();
    assert_eq!(
        made.len(),
        1 + 2,
        "the first founding, and the two enrolments now"
    );
}

#[test]
fn a_role_changed_by_an_admin_counts_from_the_next_write() {
    let (_dir, path, _meeting, t) = office();
    let mut ed = open_as(&path, "ed", false, UnknownAccounts::Refuse).unwrap();
    ed.add_progress(t, d("2026-11-20"), "第一次").unwrap();
    let mut admin = open_as(&path, "admin", false, UnknownAccounts::Refuse).unwrap();
    admin.set_role("ed", Role::Viewer).unwrap();
    assert!(forbidden(ed.add_progress(t, d("2026-11-21"), "第二次")).is_some());
    admin.remove_account("ed").unwrap();
    assert_eq!(
        forbidden(ed.add_progress(t, d("2026-11-21"), "第三次")),
        Some((None, Role::Editor))
    );
}

#[test]
fn the_last_admin_stays_and_account_changes_are_audited() {
    let (_dir, path, ..) = office();
    let mut admin = open_as(&path, "admin", false, UnknownAccounts::Refuse).unwrap();
    for r in [
        admin.set_role("admin", Role::Editor).map(drop),
        admin.remove_account("admin"),
    ] {
        assert!(
            matches!(r, Err(StoreError::Invalid(Invalid::LastAdmin(_)))),
            "{r:?}"
        );
    }
    assert!(matches!(
        admin.add_account("ed", Role::Viewer),
        Err(StoreError::Duplicate { .. })
    ));
    assert!(matches!(
        admin.add_account("'; DROP TABLE account; --", Role::Viewer),
        Err(StoreError::Invalid(Invalid::AccountName(_)))
    ));
    admin.add_account("wang", Role::Admin).unwrap();
    admin.set_role("admin", Role::Viewer).unwrap();
    let last = &admin.audit_log(Some("account"), Some("admin"), 1).unwrap()[0];
    assert_eq!(last.action, "update");
    assert_eq!(last.before.as_ref().unwrap()["role"], "admin");
    assert_eq!(last.after.as_ref().unwrap()["role"], "viewer");
    // Account changes are not undone by the generic undo: the demoted admin's last change
    // before was adding `wang`, which undo would otherwise revert.
    assert!(forbidden(admin.undo_last()).is_some());
}

#[test]
fn a_read_only_session_changes_nothing_even_for_an_admin() {
    let (_dir, path, meeting, t) = office();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let who = crate::store::accounts::Identity {
        name: "admin".into(),
        may_found: true,
        owner: None,
        in_memory: false,
    };
    let access = Access {
        unknown: UnknownAccounts::Refuse,
        at_most: Role::Viewer,
    };
    let mut s = Store::from_connection(conn, Thresholds::default(), who, access).unwrap();
    assert_eq!(s.role(), Role::Viewer);
    let wrong: Vec<String> = writes(meeting, t)
        .into_iter()
        .filter_map(|(name, need, attempt)| {
            let r = attempt(&mut s);
            let got = format!("{r:?}");
            // The admin's own role would allow it: the refusal says the session is read-only.
            (refusal(r) != Some((Some(Role::Viewer), need, true))).then(|| format!("{name}: {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
