//! The built binary in a real pseudo-terminal: it draws, takes keys, quits with the terminal
//! restored, and exits promptly when the terminal hangs up.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Pty {
    master: std::fs::File,
    slave: OwnedFd,
}

/// Held while a pty is opened and while a child is forked: the tests run in parallel threads, and a
/// fork between `openpty` and `FD_CLOEXEC` would leak a master into another test's child, which
/// then keeps that terminal from ever hanging up.
static FORK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn open_pty(cols: u16, rows: u16) -> Pty {
    let _guard = FORK.lock().unwrap_or_else(|e| e.into_inner());
    let (mut master, mut slave) = (0, 0);
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: valid out-pointers; the fds are owned below.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &ws,
        )
    };
    assert_eq!(rc, 0, "openpty");
    // Neither end may leak into the child (or into another test's child): a master left open
    // anywhere keeps the terminal from ever hanging up.
    for fd in [master, slave] {
        // SAFETY: a valid descriptor.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: openpty returned two fresh descriptors.
    unsafe {
        Pty {
            master: std::fs::File::from_raw_fd(master),
            slave: OwnedFd::from_raw_fd(slave),
        }
    }
}

fn spawn(pty: &Pty, args: &[&str], db_dir: &std::path::Path) -> Child {
    let fd = pty.slave.as_raw_fd();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .env("TMPDIR", db_dir)
        .env("DUBAN_SYSTEM_CONFIG", "/nonexistent/duban.toml")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(pty.slave.try_clone().unwrap()))
        .stdout(Stdio::from(pty.slave.try_clone().unwrap()))
        .stderr(Stdio::from(pty.slave.try_clone().unwrap()));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setsid() < 0 || libc::ioctl(fd, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let _guard = FORK.lock().unwrap_or_else(|e| e.into_inner());
    cmd.spawn().unwrap()
}

/// Reads the master side on a thread into a channel, until told to stop (then its copy of the
/// master is closed).
struct Reader {
    rx: mpsc::Receiver<Vec<u8>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn reader(master: &std::fs::File) -> Reader {
    let mut m = master.try_clone().unwrap();
    let (tx, rx) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while !flag.load(Ordering::Relaxed) {
            let mut fds = [libc::pollfd {
                fd: m.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            }];
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(fds.as_mut_ptr(), 1, 100) } <= 0 {
                continue;
            }
            match m.read(&mut buf) {
                Ok(n) if n > 0 => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
                _ => break,
            }
        }
    });
    Reader {
        rx,
        stop,
        thread: Some(thread),
    }
}

impl Reader {
    fn close(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Feeds output to the screen until `want` shows, or panics after `secs`.
fn wait_for(r: &Reader, screen: &mut vt100::Parser, raw: &mut Vec<u8>, want: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Ok(bytes) = r.rx.recv_timeout(Duration::from_millis(100)) {
            screen.process(&bytes);
            raw.extend_from_slice(&bytes);
        }
        if screen.screen().contents().contains(want) {
            return;
        }
    }
    panic!(
        "{want:?} did not appear; screen:\n{}",
        screen.screen().contents()
    );
}

fn screen_80x24() -> vt100::Parser {
    let n = |v| std::num::NonZeroU16::new(v).unwrap();
    vt100::Parser::new(n(24), n(80), 0)
}

fn wait_exit(child: &mut Child, secs: u64) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// duban --demo running in an 80×24 pseudo-terminal, its overview on screen.
struct Session {
    pty: Pty,
    child: Child,
    rx: Reader,
    screen: vt100::Parser,
    raw: Vec<u8>,
    _dir: tempfile::TempDir,
}

fn start() -> Session {
    let dir = tempfile::tempdir().unwrap();
    let pty = open_pty(80, 24);
    let child = spawn(&pty, &["--demo", "--today", "2026-11-25"], dir.path());
    let rx = reader(&pty.master);
    let mut s = Session {
        pty,
        child,
        rx,
        screen: screen_80x24(),
        raw: Vec::new(),
        _dir: dir,
    };
    s.wait_for("红灯事项", 60);
    s
}

impl Session {
    fn wait_for(&mut self, want: &str, secs: u64) {
        wait_for(&self.rx, &mut self.screen, &mut self.raw, want, secs);
    }

    /// Reads what is left after the process ended, then checks the terminal is as it was: the
    /// alternate screen left, bracketed paste off, no mouse capture, raw mode off.
    fn assert_restored(&mut self) {
        while let Ok(bytes) = self.rx.rx.recv_timeout(Duration::from_millis(300)) {
            self.raw.extend_from_slice(&bytes);
        }
        let out = String::from_utf8_lossy(&self.raw);
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
    s.wait_for("/stz", 10);
    master.write_all(b"r").unwrap();
    s.wait_for("为何红灯", 10);
    let text = s.screen.screen().contents();
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
        mut rx,
        _dir,
        ..
    } = start();
    rx.close();
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

mod support;

/// The TUI open on a database that a writer keeps changing (it reloads what others commit), then
/// the connection drops: duban ends within three seconds, and the database is whole and agrees
/// with its audit log and with every write acknowledged.
#[test]
fn a_hang_up_while_another_process_writes_ends_duban_and_leaves_the_database_whole() {
    let db = support::Db::prepared();
    let pty = open_pty(80, 24);
    let path = db.path.to_str().unwrap().to_string();
    let mut child = spawn(
        &pty,
        &["--db", &path, "--today", support::TODAY],
        db.dir.path(),
    );
    let mut rx = reader(&pty.master);
    let (mut screen, mut raw) = (screen_80x24(), Vec::new());
    wait_for(&rx, &mut screen, &mut raw, "在办事项 0 项", 60);
    let mut writer = support::Running::start(db.writer(1, 100_000, 60));
    writer.wait_acks(40, 30);
    // The TUI noticed the other process's tasks.
    let deadline = Instant::now() + Duration::from_secs(20);
    while screen.screen().contents().contains("在办事项 0 项") && Instant::now() < deadline {
        if let Ok(bytes) = rx.rx.recv_timeout(Duration::from_millis(100)) {
            screen.process(&bytes);
        }
    }
    assert!(
        !screen.screen().contents().contains("在办事项 0 项"),
        "{}",
        screen.screen().contents()
    );
    rx.close();
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
