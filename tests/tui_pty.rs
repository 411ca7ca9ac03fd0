//! The built binary in a real pseudo-terminal: it draws, takes keys, quits with the terminal
//! restored, and exits promptly when the terminal hangs up.

mod support;

use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use support::cli::{NO_SYSTEM_CONFIG, TODAY, bin};
use support::pty::{Pty, Term, open_pty, spawn_on, wait_exit};

/// duban with `args` on the terminal, its temporary files in `tmp`, and no server configuration.
fn spawn(pty: &Pty, args: &[&str], tmp: &Path) -> Child {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("TMPDIR", tmp)
        .env("DUBAN_SYSTEM_CONFIG", NO_SYSTEM_CONFIG);
    spawn_on(&pty.slave, cmd)
}

/// duban --demo running in an 80×24 pseudo-terminal, its overview on screen.
struct Session {
    pty: Pty,
    child: Child,
    term: Term,
    _dir: tempfile::TempDir,
}

fn start() -> Session {
    let dir = tempfile::tempdir().unwrap();
    let pty = open_pty(80, 24);
    let child = spawn(&pty, &["--demo", "--today", "2026-11-25"], dir.path());
    let term = Term::new(&pty.master, 80, 24);
    let mut s = Session {
        pty,
        child,
        term,
        _dir: dir,
    };
    s.term.wait_for("红灯事项", 60);
    s
}

impl Session {
    /// Reads what is left after the process ended, then checks the terminal is as it was: the
    /// alternate screen left, bracketed paste off, no mouse capture, raw mode off.
    fn assert_restored(&mut self) {
        self.term.settle(300);
        let out = String::from_utf8_lossy(&self.term.raw);
        let entered = out
            .find("\x1b[?1049h")
            .expect("entered the alternate screen");
        let left = out.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(left > entered);
        assert!(!out.contains("\x1b[?1000h"), "no mouse capture");
        assert!(out.contains("\x1b[?2004h"), "bracketed paste on");
        assert!(
            out.rfind("\x1b[?2004l") > out.find("\x1b[?2004h"),
            "then off"
        );
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: a valid fd and out-pointer.
        assert_eq!(
            unsafe { libc::tcgetattr(self.pty.slave.as_raw_fd(), &mut t) },
            0
        );
        assert!(
            t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0,
            "raw mode left on"
        );
    }
}

#[test]
fn triage_in_a_pty_then_quit_restores_the_terminal() {
    let mut s = start();
    let mut master = s.pty.master.try_clone().unwrap();
    master.write_all(b"/stz\r").unwrap();
    s.term.wait_for("/stz", 10);
    master.write_all(b"r").unwrap();
    s.term.wait_for("为何红灯", 10);
    let text = s.term.screen.screen().contents();
    assert!(text.contains("上塘镇"), "{text}");
    master.write_all(b"q").unwrap();
    let status = wait_exit(&mut s.child, 10).expect("duban quits on q");
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_ends_duban_with_the_terminal_restored() {
    let mut s = start();
    // SAFETY: signalling our own child.
    unsafe { libc::kill(s.child.id() as libc::pid_t, libc::SIGTERM) };
    let status = wait_exit(&mut s.child, 5).expect("duban ends on SIGTERM");
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn a_hung_up_terminal_ends_duban_within_three_seconds() {
    let Session {
        pty,
        mut child,
        mut term,
        _dir,
    } = start();
    term.close();
    // The SSH connection drops: the master side closes and the session is hung up.
    let Pty { master, slave } = pty;
    drop(slave);
    drop(master);
    let hung_up = Instant::now();
    let status = wait_exit(&mut child, 3);
    if status.is_none() {
        let _ = child.kill();
    }
    assert!(
        status.is_some(),
        "still running {:?} after the hang-up",
        hung_up.elapsed()
    );
}

#[test]
fn sighup_ends_duban_within_three_seconds_with_the_terminal_restored() {
    let mut s = start();
    // SAFETY: signalling our own child.
    unsafe { libc::kill(s.child.id() as libc::pid_t, libc::SIGHUP) };
    let status = wait_exit(&mut s.child, 3);
    if status.is_none() {
        let _ = s.child.kill();
    }
    let status = status.expect("duban ends within 3 s of SIGHUP");
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

/// The TUI open on a database that a writer keeps changing (it reloads what others commit), then
/// the connection drops: duban ends within three seconds, and the database is whole and agrees
/// with its audit log and with every write acknowledged.
#[test]
fn a_hang_up_while_another_process_writes_ends_duban_and_leaves_the_database_whole() {
    let db = support::Db::prepared();
    let pty = open_pty(80, 24);
    let path = db.path.to_str().unwrap().to_string();
    let mut child = spawn(&pty, &["--db", &path, "--today", TODAY], db.dir.path());
    let mut term = Term::new(&pty.master, 80, 24);
    term.wait_for("在办事项 0 项", 60);
    let mut writer = support::Running::start(db.writer(1, 100_000, 60));
    writer.wait_acks(40, 30);
    // The TUI noticed the other process's tasks.
    let deadline = Instant::now() + Duration::from_secs(20);
    while term.screen.screen().contents().contains("在办事项 0 项") && Instant::now() < deadline
    {
        if let Ok(bytes) = term.rx.recv_timeout(Duration::from_millis(100)) {
            term.screen.process(&bytes);
        }
    }
    assert!(
        !term.screen.screen().contents().contains("在办事项 0 项"),
        "{}",
        term.screen.screen().contents()
    );
    term.close();
    let Pty { master, slave } = pty;
    drop(slave);
    drop(master);
    let status = wait_exit(&mut child, 3);
    if status.is_none() {
        let _ = child.kill();
    }
    assert!(status.is_some(), "still running after the hang-up");
    let (acks, _, err) = writer.end(Some(libc::SIGHUP));
    assert!(err.trim().is_empty(), "{err}");
    support::verify(&db, &acks);
}
