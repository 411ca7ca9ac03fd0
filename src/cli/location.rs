//! Where the database lives, checked on every open: refused on a network filesystem, warned about
//! when other accounts can write it or its directory.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{CliResult, Ctx, Failure};
use crate::i18n::{Dep, Lang, Msg};
use crate::os::{mounts, perms};

/// Refuses a database (existing, or about to be created) on a network filesystem, before anything
/// is written: exit code 1, naming the path and the filesystem type.
pub(super) fn refuse_network(ctx: &Ctx, db: &Path) -> CliResult {
    match mounts::network_fs(db) {
        None => Ok(()),
        Some(fstype) => Err(Failure {
            code: 1,
            message: ctx.lang.dep_fill(Dep::NetworkFs, &[&db.display(), &fstype]),
        }),
    }
}

/// The database must be there before it is opened (a mistyped `--db` must not quietly start an
/// empty one): missing is bad input (2). A file this account cannot reach is not "missing": on a
/// shared server it means the account is not (yet) in the directory's group, so say which (1).
pub(super) fn must_exist(ctx: &Ctx) -> CliResult {
    let db = &ctx.db;
    match std::fs::metadata(db) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            // Only a directory its group may enter is one that joining the group opens.
            let group = std::fs::metadata(directory_of(db))
                .ok()
                .filter(|m| m.mode() & 0o010 != 0)
                .map(|m| perms::group_name(m.gid()).unwrap_or_else(|| m.gid().to_string()));
            let message = match group {
                Some(g) => ctx.lang.dep_fill(
                    Dep::NoAccessGroup,
                    &[&db.display(), &g, &crate::os::current_user()],
                ),
                None => ctx.lang.dep_fill(Dep::NoAccess, &[&db.display(), &e]),
            };
            Err(Failure { code: 1, message })
        }
        Err(_) => Err(ctx.bad(Msg::ErrNoDatabase, &[&db.display()])),
    }
}

/// The directory a database file is in (`.` for a bare file name).
fn directory_of(db: &Path) -> PathBuf {
    match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Warnings, in `lang`, when accounts other than the owner and the group can write the database
/// file or its directory.
///
/// A sticky directory (`/tmp`, mode 1777) still warns: the sticky bit keeps others from deleting
/// or renaming our file, but not from creating `duban.db-wal`, `-shm` or `-journal` beside it before
/// duban does, and SQLite reads a -wal or hot journal it finds there into the database on the next
/// open. A database belongs in a directory only its users can write.
pub fn permission_warnings(lang: Lang, db: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(mode) = perms::writable_by_others(db) {
        out.push(lang.dep_fill(Dep::OthersWriteDb, &[&db.display(), &format!("{mode:04o}")]));
    }
    let dir = directory_of(db);
    if let Some(mode) = perms::writable_by_others(&dir) {
        out.push(lang.dep_fill(
            Dep::OthersWriteDir,
            &[&dir.display(), &format!("{mode:04o}")],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn chmod(p: &Path, mode: u32) {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn others_writing_the_file_or_its_directory_is_warned_even_when_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("duban.db");
        std::fs::write(&db, "").unwrap();
        chmod(dir.path(), 0o2770);
        chmod(&db, 0o660);
        assert!(permission_warnings(Lang::En, &db).is_empty());
        chmod(&db, 0o666);
        let w = permission_warnings(Lang::En, &db);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("0666") && w[0].contains("chmod o-w"), "{w:?}");
        chmod(&db, 0o660);
        chmod(dir.path(), 0o1777);
        let w = permission_warnings(Lang::Zh, &db);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("1777") && w[0].contains("目录"), "{w:?}");
        chmod(dir.path(), 0o700);
    }

    #[test]
    fn a_bare_file_name_is_in_the_current_directory() {
        assert_eq!(directory_of(Path::new("duban.db")), Path::new("."));
        assert_eq!(directory_of(Path::new("/srv/duban.db")), Path::new("/srv"));
    }
}
