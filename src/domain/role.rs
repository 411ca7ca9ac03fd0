//! Who may do what. Three roles, each allowed what the one below it is, and more:
//!
//! - [`Role::Viewer`]: read, report, export, present;
//! - [`Role::Editor`]: all supervision work (meetings, minutes, tasks, feedback, explanations,
//!   criticisms, referrals, ledger imports, undoing their own changes);
//! - [`Role::Admin`]: also the reference lists and the people (accounts, the calendar, units and
//!   leaders), demo data and restoring a backup.
//!
//! The store enforces them on every write; this module only names them.

use serde::{Deserialize, Serialize};

/// A role, ordered by what it allows: `Viewer < Editor < Admin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Viewer,
    Editor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Admin];

    /// The role's name as stored and typed (`admin`, `editor`, `viewer`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// The role named `code`, in any case, also by its Chinese name (查看者, 编辑者, 管理员).
    pub fn from_code(code: &str) -> Option<Role> {
        let code = code.trim();
        Self::ALL.into_iter().find(|r| {
            r.code().eq_ignore_ascii_case(code)
                || matches!(
                    (r, code),
                    (Role::Viewer, "查看者" | "查看")
                        | (Role::Editor, "编辑者" | "编辑")
                        | (Role::Admin, "管理员")
                )
        })
    }

    /// Whether this role allows what `need` allows.
    pub fn allows(self, need: Role) -> bool {
        self >= need
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Whether `name` can be an operating-system account name: letters, digits, `_`, `.` and `-`, not
/// starting with `-` (what `useradd` accepts, plus upper case for directory-service accounts).
pub fn valid_account_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_allows_what_the_ones_below_allow() {
        assert!(Role::Admin.allows(Role::Editor) && Role::Admin.allows(Role::Viewer));
        assert!(Role::Editor.allows(Role::Viewer) && Role::Editor.allows(Role::Editor));
        assert!(!Role::Editor.allows(Role::Admin));
        assert!(!Role::Viewer.allows(Role::Editor));
    }

    #[test]
    fn roles_are_named_in_english_or_chinese() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
            assert_eq!(Role::from_code(&r.code().to_uppercase()), Some(r));
        }
        assert_eq!(Role::from_code("管理员"), Some(Role::Admin));
        assert_eq!(Role::from_code("查看者"), Some(Role::Viewer));
        assert_eq!(Role::from_code("boss"), None);
    }

    #[test]
    fn account_names_are_what_useradd_takes() {
        for ok in ["zhangsan", "li_si", "wang.wu", "u1000", "Admin-2"] {
            assert!(valid_account_name(ok), "{ok}");
        }
        for bad in ["", "-rf", "张三", "a b", "a;b", "a'b", &"x".repeat(65)] {
            assert!(!valid_account_name(bad), "{bad:?}");
        }
    }
}
