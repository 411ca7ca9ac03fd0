//! Accounts and roles (migration 8): who may use the database and what they may change.
//!
//! Identity is the OS account of the process, from its real uid, never `$USER`. Every write reads
//! the caller's role inside its own transaction ([`Store::write`]), so no interface over the
//! store can get around it, and an admin's change of a role counts from the next write.

use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::{Role, valid_account_name};

/// One account in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub name: String,
    pub role: Role,
    pub version: i64,
}

/// What an account that the database does not list may do (configuration, `unknown_accounts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownAccounts {
    /// Refused, with a message naming the admins who can add it.
    #[default]
    Refuse,
    /// Let in to read, as a viewer.
    Viewer,
}

/// How a store is opened: what an unlisted account may do, and the most this session may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    pub unknown: UnknownAccounts,
    /// `Viewer` for a read-only session (`--read-only`): nothing is changed, not even the
    /// deadlines recomputed for another configured limit.
    pub at_most: Role,
}

impl Default for Access {
    fn default() -> Self {
        Access {
            unknown: UnknownAccounts::Refuse,
            at_most: Role::Admin,
        }
    }
}

/// Who opens the store, and whether they may become the first admin of a database without
/// accounts: root, the database file's owner, or anyone on an in-memory database.
pub(super) struct Identity {
    pub name: String,
    pub may_found: bool,
    /// A database in memory: private to this process, so its first admin needs no audit row
    /// (which would carry this run's account and time into demos rendered from it).
    pub in_memory: bool,
    /// The file owner's account, named in the refusal when someone else opens first.
    pub owner: Option<String>,
}

impl Identity {
    pub fn of_process(file: Option<&Path>) -> Identity {
        let uid = crate::os::current_uid();
        let owner_uid = file.and_then(crate::os::owner_uid);
        Identity {
            name: crate::os::current_user(),
            may_found: uid == 0 || owner_uid.is_none_or(|o| o == uid),
            in_memory: file.is_none(),
            owner: owner_uid.map(crate::os::user_name_of),
        }
    }
}

/// The role `account` holds, read in the transaction `tx`: its row's, else a viewer's when
/// unknown accounts may read, else none.
pub(super) fn role_of(
    tx: &rusqlite::Connection,
    account: &str,
    unknown: UnknownAccounts,
) -> Result<Option<Role>> {
    let code: Option<String> = tx
        .prepare_cached("SELECT role FROM account WHERE name = ?1")?
        .query_row([account], |r| r.get(0))
        .optional()?;
    Ok(match code {
        Some(c) => Role::from_code(&c),
        None if unknown == UnknownAccounts::Viewer => Some(Role::Viewer),
        None => None,
    })
}

impl Tx<'_> {
    fn account(&self, name: &str) -> Result<Option<Account>> {
        Ok(self
            .prepare_cached("SELECT name, role, version FROM account WHERE name = ?1")?
            .query_row([name], account_from)
            .optional()?)
    }

    fn admins_besides(&self, name: &str) -> Result<i64> {
        Ok(self.query_row(
            "SELECT count(*) FROM account WHERE role = 'admin' AND name <> ?1",
            [name],
            |r| r.get(0),
        )?)
    }

    fn insert_account(&self, name: &str, role: Role) -> Result<()> {
        self.insert_account_unaudited(name, role)?;
        let after = Account {
            name: name.to_string(),
            role,
            version: 1,
        };
        self.audit("create", Entity::Account, name, None::<&()>, Some(&after))
    }
}

impl Tx<'_> {
    fn insert_account_unaudited(&self, name: &str, role: Role) -> Result<()> {
        self.execute(
            "INSERT INTO account (name, role) VALUES (?1, ?2)",
            params![name, role.code()],
        )?;
        Ok(())
    }
}

fn account_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let code: String = r.get(1)?;
    Ok(Account {
        name: r.get(0)?,
        role: Role::from_code(&code).unwrap_or(Role::Viewer),
        version: r.get(2)?,
    })
}

impl Store {
    /// Lets the opener in, or refuses them. A database without accounts gets its first admin
    /// here: the opener when they may found it (root or the file's owner), together with every
    /// account that already made changes (found in the audit log) as editors, so an upgrade
    /// keeps the office working.
    pub(super) fn admit(&mut self, who: &Identity) -> Result<()> {
        let known: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM account WHERE name = ?1)",
            [&who.name],
            |r| r.get(0),
        )?;
        if known {
            return Ok(());
        }
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM account)", [], |r| r.get(0))?;
        if !any {
            if !who.may_found {
                return Err(StoreError::NoAccounts {
                    account: who.name.clone(),
                    owner: who.owner.clone().unwrap_or_default(),
                });
            }
            let name = who.name.clone();
            if who.in_memory {
                return self.system_write(|tx| tx.insert_account_unaudited(&name, Role::Admin));
            }
            return self.system_write(|tx| {
                tx.insert_account(&name, Role::Admin)?;
                let earlier: Vec<String> = tx
                    .prepare("SELECT DISTINCT user FROM audit WHERE user <> ?1 ORDER BY user")?
                    .query_map([&name], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for user in earlier.iter().filter(|u| valid_account_name(u)) {
                    tx.insert_account(user, Role::Editor)?;
                }
                Ok(())
            });
        }
        if self.unknown == UnknownAccounts::Viewer {
            return Ok(());
        }
        Err(StoreError::UnknownAccount {
            account: who.name.clone(),
            admins: self.admins()?,
        })
    }

    /// Makes this store's account the admin of a database that lists no accounts (a backup from
    /// before accounts, just restored by an admin).
    pub(super) fn found_if_unlisted(&mut self) -> Result<()> {
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM account)", [], |r| r.get(0))?;
        if any {
            return Ok(());
        }
        let name = self.account.clone();
        self.system_write(|tx| tx.insert_account(&name, Role::Admin))
    }

    /// The OS account this store acts for.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The account's own role, whatever this session's limit ([`Store::restrict_to`], as
    /// `--read-only` asks): a refusal says which of the two stood in the way.
    pub fn own_role(&self) -> Role {
        role_of(&self.conn, &self.account, self.unknown)
            .ok()
            .flatten()
            .unwrap_or(Role::Viewer)
    }

    /// The role this store acts with now: the account's, within [`Store::restrict_to`]; `None`
    /// for an account the database does not list.
    pub fn role(&self) -> Role {
        let code: Option<String> = self
            .conn
            .query_row(
                "SELECT role FROM account WHERE name = ?1",
                [&self.account],
                |r| r.get(0),
            )
            .optional()
            .ok()
            .flatten();
        code.as_deref()
            .and_then(Role::from_code)
            .unwrap_or(Role::Viewer)
            .min(self.cap)
    }

    /// Refuses, as a write would, unless this store may act as `need` now: for checks made
    /// before a write's own (which stays the one that counts).
    pub fn may(&self, need: Role) -> Result<()> {
        let own = role_of(&self.conn, &self.account, self.unknown)?;
        let role = own.map(|r| r.min(self.cap));
        if role.is_some_and(|r| r.allows(need)) {
            return Ok(());
        }
        Err(StoreError::Forbidden {
            account: self.account.clone(),
            role,
            need,
            read_only: own.is_some_and(|r| r.allows(need)),
        })
    }

    /// Acts with at most `role` from now on (never more than the account holds): a read-only
    /// session, or a demonstration of what a viewer sees.
    pub fn restrict_to(&mut self, role: Role) {
        self.cap = self.cap.min(role);
    }

    /// The names of the admins, for the message to someone who is not let in.
    pub fn admins(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM account WHERE role = 'admin' ORDER BY name")?;
        let names = stmt.query_map([], |r| r.get(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }

    /// Every account, by name.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, role, version FROM account ORDER BY name")?;
        let rows = stmt.query_map([], account_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an account with a role (admins only).
    pub fn add_account(&mut self, name: &str, role: Role) -> Result<Account> {
        if !valid_account_name(name) {
            return Err(Invalid::AccountName(name.to_string()).into());
        }
        self.write(Role::Admin, |tx| {
            if tx.account(name)?.is_some() {
                return Err(StoreError::Duplicate {
                    entity: Entity::Account,
                    key: name.to_string(),
                });
            }
            tx.insert_account(name, role)?;
            Ok(Account {
                name: name.to_string(),
                role,
                version: 1,
            })
        })
    }

    /// Gives an account another role (admins only); the last admin stays one.
    pub fn set_role(&mut self, name: &str, role: Role) -> Result<Account> {
        self.write(Role::Admin, |tx| {
            let before = tx
                .account(name)?
                .ok_or_else(|| StoreError::not_found(Entity::Account, name))?;
            if before.role == Role::Admin && role != Role::Admin && tx.admins_besides(name)? == 0 {
                return Err(Invalid::LastAdmin(name.to_string()).into());
            }
            tx.execute(
                "UPDATE account SET role = ?2, version = version + 1 WHERE name = ?1",
                params![name, role.code()],
            )?;
            let after = Account {
                role,
                version: before.version + 1,
                ..before.clone()
            };
            tx.audit("update", Entity::Account, name, Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    /// Removes an account (admins only); the last admin stays. Its audit rows stay too.
    pub fn remove_account(&mut self, name: &str) -> Result<()> {
        self.write(Role::Admin, |tx| {
            let before = tx
                .account(name)?
                .ok_or_else(|| StoreError::not_found(Entity::Account, name))?;
            if before.role == Role::Admin && tx.admins_besides(name)? == 0 {
                return Err(Invalid::LastAdmin(name.to_string()).into());
            }
            tx.execute("DELETE FROM account WHERE name = ?1", [name])?;
            tx.audit("delete", Entity::Account, name, Some(&before), None::<&()>)
        })
    }
}
