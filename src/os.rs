//! What duban asks of the operating system: who runs it, what time it is in China, which
//! filesystem a path is on ([`mounts`]), and groups and file modes ([`perms`]).

pub mod mounts;
pub mod perms;

use chrono::{FixedOffset, NaiveDate, Offset, Utc};

/// China Standard Time, UTC+8, whatever the server's zone.
pub fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

/// Today's date in China Standard Time.
pub fn today_cst() -> NaiveDate {
    Utc::now().with_timezone(&cst()).date_naive()
}

/// The current time in China Standard Time, `2026-11-25T14:03:07+08:00`.
pub fn now_cst_string() -> String {
    Utc::now()
        .with_timezone(&cst())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The OS account of this process, from its real uid (not `$USER`, which anyone can set).
pub fn current_user() -> String {
    user_name_of(current_uid())
}

/// The real uid of this process.
pub fn current_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The account name of `uid`, or `uid:N` when the system does not name it.
pub fn user_name_of(uid: u32) -> String {
    user_name(uid).unwrap_or_else(|| format!("uid:{uid}"))
}

/// Whether the system knows an account called `name`.
pub fn account_exists(name: &str) -> bool {
    let Ok(c) = std::ffi::CString::new(name) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated string for the call; the returned pointer is only
    // compared with null, never dereferenced.
    !unsafe { libc::getpwnam(c.as_ptr()) }.is_null()
}

/// The uid owning the file at `path`, when it exists.
pub fn owner_uid(path: &std::path::Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| m.uid())
}

fn user_name(uid: libc::uid_t) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let mut pwd = std::mem::MaybeUninit::<libc::passwd>::uninit();
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes into `pwd` and `buf`, both live for the call; on success `result`
    // points at `pwd` whose `pw_name` points into `buf`, which we copy out before returning.
    let rc = unsafe {
        libc::getpwuid_r(
            uid,
            pwd.as_mut_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() {
        return None;
    }
    // SAFETY: result is non-null, so pwd was initialised and pw_name is a NUL-terminated string in buf.
    let name = unsafe { std::ffi::CStr::from_ptr((*result).pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn current_user_is_named_from_the_uid() {
        let name = super::current_user();
        assert!(!name.is_empty());
        // The uid's own name: root here in CI, never the $USER override.
        let uid = unsafe { libc::getuid() };
        assert_eq!(Some(name), super::user_name(uid));
    }

    #[test]
    fn time_is_cst() {
        assert!(super::now_cst_string().ends_with("+08:00"));
    }
}
