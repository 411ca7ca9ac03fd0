//! Groups and file modes: what a shared database needs of the operating system.

use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Whether this process runs as root (effective uid 0).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A group name `groupadd` accepts everywhere: a lower-case letter or `_`, then lower-case
/// letters, digits, `_` or `-`, at most 32 characters. (So it can never be read as an option.)
pub fn valid_group_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    first_ok
        && name.len() <= 32
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The id of the group `name`, or `None` when there is no such group.
pub fn group_id(name: &str) -> io::Result<Option<u32>> {
    let cname = std::ffi::CString::new(name)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in group name"))?;
    // SAFETY: getgrnam_r's contract, with a NUL-terminated name that outlives the call.
    let grp =
        lookup(|g, buf, len, res| unsafe { libc::getgrnam_r(cname.as_ptr(), g, buf, len, res) })?;
    Ok(grp.map(|(gid, _)| gid))
}

/// The name of the group `gid`, or `None` when there is no such group or it cannot be told.
pub fn group_name(gid: u32) -> Option<String> {
    // SAFETY: getgrgid_r's contract.
    let grp = lookup(|g, buf, len, res| unsafe { libc::getgrgid_r(gid, g, buf, len, res) });
    grp.ok().flatten().map(|(_, name)| name)
}

/// Runs a reentrant group lookup (`getgrnam_r`, `getgrgid_r`) with a buffer that grows until the
/// entry fits; the group's id and name, or `None` when there is no such group.
fn lookup(
    mut call: impl FnMut(*mut libc::group, *mut libc::c_char, usize, *mut *mut libc::group) -> i32,
) -> io::Result<Option<(u32, String)>> {
    let mut buf = vec![0u8; 4096];
    loop {
        let mut grp = std::mem::MaybeUninit::<libc::group>::uninit();
        let mut result: *mut libc::group = std::ptr::null_mut();
        // `call` writes into `grp` and `buf`, both live for the call.
        let rc = call(
            grp.as_mut_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        );
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 {
            // glibc answers "no such group" with 0 and a null result, others with one of these.
            return match rc {
                libc::ENOENT | libc::ESRCH | libc::EBADF | libc::EPERM => Ok(None),
                _ => Err(io::Error::from_raw_os_error(rc)),
            };
        }
        if result.is_null() {
            return Ok(None);
        }
        // SAFETY: result is non-null, so the call initialised grp, whose gr_name is a
        // NUL-terminated string in buf, copied out here while buf lives.
        let (gid, name) = unsafe {
            let g = &*result;
            (g.gr_gid, std::ffi::CStr::from_ptr(g.gr_name))
        };
        return Ok(Some((gid, name.to_string_lossy().into_owned())));
    }
}

/// Creates the system group `name` with `groupadd --system` (root only). The error is groupadd's
/// own message.
pub fn add_system_group(name: &str) -> Result<(), String> {
    let out = std::process::Command::new("groupadd")
        .args(["--system", name])
        .output()
        .map_err(|e| format!("groupadd: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(if err.is_empty() {
            format!("groupadd: {}", out.status)
        } else {
            err
        })
    }
}

/// Gives `path` to the group `gid` (the owner unchanged) and sets its mode, in that order: a
/// change of group may clear the setgid bit, which the mode then sets.
pub fn share_with_group(path: &Path, gid: u32, mode: u32) -> io::Result<()> {
    std::os::unix::fs::chown(path, None, Some(gid))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// The mode of `path` (permission, setgid and sticky bits) when other accounts — neither the owner
/// nor the group — may write it; `None` when they may not or it does not exist. A symbolic link
/// is followed.
pub fn writable_by_others(path: &Path) -> Option<u32> {
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o7777;
    (mode & 0o002 != 0).then_some(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_checked_before_they_reach_groupadd() {
        for ok in ["duban", "_duban", "duban-staff", "office_2", "d"] {
            assert!(valid_group_name(ok), "{ok}");
        }
        let long = "a".repeat(33);
        for bad in [
            "",
            "-r",
            "Duban",
            "1duban",
            "du ban",
            "督办",
            "du/ban",
            long.as_str(),
        ] {
            assert!(!valid_group_name(bad), "{bad}");
        }
    }

    #[test]
    fn groups_are_looked_up_by_name() {
        // Group 0 is root's on every Linux; a made-up name is no group.
        assert_eq!(group_id("root").unwrap(), Some(0));
        assert_eq!(group_id("no_such_group_duban_x").unwrap(), None);
        assert_eq!(group_name(0).as_deref(), Some("root"));
        assert_eq!(group_name(0x7fff_fff0), None);
    }

    #[test]
    fn world_writable_files_are_told_with_their_mode() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        std::fs::write(&f, "").unwrap();
        let set =
            |m: u32| std::fs::set_permissions(&f, std::fs::Permissions::from_mode(m)).unwrap();
        set(0o660);
        assert_eq!(writable_by_others(&f), None);
        set(0o666);
        assert_eq!(writable_by_others(&f), Some(0o666));
        set(0o1777);
        assert_eq!(writable_by_others(&f), Some(0o1777));
        assert_eq!(writable_by_others(&dir.path().join("missing")), None);
    }
}
