//! Which filesystem a path is on, from `/proc/self/mountinfo`, and whether it is a network one.
//!
//! SQLite's locking relies on POSIX advisory locks and, in WAL mode, on shared memory (the -shm
//! file mapped by every process); on network filesystems the locks are unreliable or absent and
//! the memory is not shared between machines, so two writers can corrupt the database
//! (sqlite.org/useovernet.html). duban refuses to open a database there.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

/// Filesystem types whose locking SQLite cannot trust (as `/proc/self/mountinfo` names them; FUSE
/// filesystems appear as `fuse.<name>`).
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "ncp",
    "afs",
    "coda",
    "9p",
    "ceph",
    "fuse.ceph",
    "fuse.ceph-fuse",
    "glusterfs",
    "fuse.glusterfs",
    "lustre",
    "beegfs",
    "gpfs",
    "orangefs",
    "pvfs2",
    "davfs",
    "fuse.davfs",
    "fuse.davfs2",
    "sshfs",
    "fuse.sshfs",
    "fuse.s3fs",
    "fuse.rclone",
    "fuse.gcsfuse",
];

/// One line of mountinfo: where a filesystem is mounted and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub point: PathBuf,
    pub fstype: String,
}

/// The mounts of a mountinfo text (proc(5)): `id parent major:minor root point options
/// [optional fields…] - fstype source super-options`. Lines that do not have that shape are
/// skipped.
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let point = fields.get(4)?;
            let dash = fields.iter().skip(6).position(|f| *f == "-")? + 6;
            let fstype = fields.get(dash + 1).filter(|t| !t.is_empty())?;
            Some(Mount {
                point: PathBuf::from(unescape(point)),
                fstype: unescape(fstype).to_string_lossy().into_owned(),
            })
        })
        .collect()
}

/// A mountinfo field with its octal escapes (`\040` space, `\011` tab, `\012` newline, `\134`
/// backslash) decoded, as the bytes the kernel has (not necessarily UTF-8).
fn unescape(field: &str) -> OsString {
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b.get(i + 1..i + 4).filter(|d| {
            b[i] == b'\\' && d.iter().all(|c| (b'0'..=b'7').contains(c)) && d[0] <= b'3'
        });
        match octal {
            Some(d) => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 4;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    OsString::from_vec(out)
}

/// The type of the filesystem holding `path` (canonical, absolute): the mount with the longest
/// mount point that is a prefix of it, component by component; of mounts on the same point the
/// last, which covers the earlier ones.
pub fn fstype_of<'a>(mounts: &'a [Mount], path: &Path) -> Option<&'a str> {
    let mut best: Option<(usize, &Mount)> = None;
    for m in mounts.iter().filter(|m| path.starts_with(&m.point)) {
        let depth = m.point.components().count();
        if best.is_none_or(|(d, _)| depth >= d) {
            best = Some((depth, m));
        }
    }
    best.map(|(_, m)| m.fstype.as_str())
}

/// Whether a filesystem type is one SQLite's locking cannot be trusted on.
pub fn is_network_fs(fstype: &str) -> bool {
    NETWORK_FS.contains(&fstype)
}

/// The network filesystem type `path` (canonical, absolute) is on, per `mountinfo`; `None` when it
/// is on a local one.
pub fn network_fs_in(mountinfo: &str, path: &Path) -> Option<String> {
    let mounts = parse_mountinfo(mountinfo);
    fstype_of(&mounts, path)
        .filter(|t| is_network_fs(t))
        .map(str::to_string)
}

/// `path` resolved (symbolic links followed) if it exists, else its nearest existing ancestor:
/// where a file at `path` would be created.
pub fn existing_canonical(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    absolute.ancestors().find_map(|p| p.canonicalize().ok())
}

/// The network filesystem type the file `path` is on (or would be created on), from this
/// process's `/proc/self/mountinfo`. `None` when it is local, and when that cannot be told (no
/// /proc: not Linux, or a sandbox), since refusing every database there would help no one.
pub fn network_fs(path: &Path) -> Option<String> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    network_fs_in(&mountinfo, &existing_canonical(path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
40 27 0:44 / /srv rw,relatime shared:20 - xfs /dev/sdb1 rw
41 40 0:45 / /srv/duban rw,relatime shared:21 master:3 - nfs4 fs1:/export/duban rw,vers=4.2
42 27 0:46 / /mnt/office\\040share rw,relatime - cifs //fs1/office rw
43 27 0:47 / /mnt/office rw,relatime - ext4 /dev/sdc1 rw
44 27 0:48 / /home/wang/remote rw,nosuid - fuse.sshfs wang@fs1:/srv rw,user_id=1000
45 27 0:49 / /data rw - ext4 /dev/sdd1 rw
46 27 0:50 / /data rw - nfs fs2:/data rw
47 27 0:51 / /mnt/back\\134slash rw - 9p tag rw
";

    #[test]
    fn mountinfo_lines_give_mount_points_and_types_with_escapes_decoded() {
        let m = parse_mountinfo(SAMPLE);
        assert_eq!(m.len(), 10);
        assert_eq!(m[3].point, Path::new("/srv/duban"));
        assert_eq!(
            m[3].fstype, "nfs4",
            "optional fields before the dash are skipped"
        );
        assert_eq!(m[4].point, Path::new("/mnt/office share"));
        assert_eq!(m[4].fstype, "cifs");
        assert_eq!(m[6].fstype, "fuse.sshfs");
        assert_eq!(m[9].point, Path::new("/mnt/back\\slash"));
        assert_eq!(unescape("a\\011b\\012c"), OsString::from("a\tb\nc"));
        // A backslash not followed by three octal digits is kept as it is.
        assert_eq!(unescape("a\\9z\\"), OsString::from("a\\9z\\"));
        assert!(parse_mountinfo("garbage\n\n1 2 3\n").is_empty());
    }

    #[test]
    fn the_longest_mount_point_wins_component_by_component() {
        let m = parse_mountinfo(SAMPLE);
        let t = |p: &str| fstype_of(&m, Path::new(p));
        assert_eq!(t("/srv/duban/duban.db"), Some("nfs4"));
        assert_eq!(t("/srv/duban"), Some("nfs4"));
        assert_eq!(
            t("/srv/dubanx/duban.db"),
            Some("xfs"),
            "not a string prefix"
        );
        assert_eq!(t("/srv/other.db"), Some("xfs"));
        assert_eq!(t("/mnt/office share/duban.db"), Some("cifs"));
        assert_eq!(t("/mnt/office/duban.db"), Some("ext4"));
        assert_eq!(t("/var/lib/duban/duban.db"), Some("ext4"));
        // Two mounts on one point: the later covers the earlier.
        assert_eq!(t("/data/duban.db"), Some("nfs"));
    }

    #[test]
    fn network_filesystems_are_told_from_local_ones() {
        let net = |p: &str| network_fs_in(SAMPLE, Path::new(p));
        assert_eq!(net("/srv/duban/duban.db").as_deref(), Some("nfs4"));
        assert_eq!(net("/mnt/office share/x.db").as_deref(), Some("cifs"));
        assert_eq!(
            net("/home/wang/remote/duban.db").as_deref(),
            Some("fuse.sshfs")
        );
        assert_eq!(net("/mnt/back\\slash/d.db").as_deref(), Some("9p"));
        assert_eq!(net("/data/duban.db").as_deref(), Some("nfs"));
        assert_eq!(net("/srv/other.db"), None);
        assert_eq!(net("/var/lib/duban/duban.db"), None);
        for local in ["ext4", "xfs", "btrfs", "tmpfs", "zfs", "fuse", "overlay"] {
            assert!(!is_network_fs(local), "{local}");
        }
        for remote in [
            "nfs",
            "cifs",
            "smb3",
            "fuse.sshfs",
            "glusterfs",
            "lustre",
            "ceph",
        ] {
            assert!(is_network_fs(remote), "{remote}");
        }
    }

    #[test]
    fn a_path_not_yet_created_is_placed_by_its_nearest_existing_ancestor() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        let missing = dir.path().join("a/b/duban.db");
        assert_eq!(existing_canonical(&missing), Some(real.clone()));
        std::fs::write(dir.path().join("x.db"), "").unwrap();
        std::os::unix::fs::symlink(real.join("x.db"), real.join("link.db")).unwrap();
        assert_eq!(
            existing_canonical(&dir.path().join("link.db")),
            Some(real.join("x.db")),
            "a symbolic link is followed to where the file is"
        );
        // This machine's own temporary directory is local.
        assert_eq!(network_fs(&missing), None);
    }

    #[test]
    fn a_database_on_a_network_mount_is_found_through_the_real_mountinfo_shape() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        let escaped = real.to_string_lossy().replace(' ', "\\040");
        let text = format!("{SAMPLE}60 27 0:60 / {escaped} rw - nfs4 fs1:/x rw\n");
        let db = existing_canonical(&real.join("sub/duban.db")).unwrap();
        assert_eq!(network_fs_in(&text, &db).as_deref(), Some("nfs4"));
    }
}
