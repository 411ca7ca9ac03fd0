//! The built binary in a real pseudo-terminal: opening one, running the binary on it as its
//! controlling terminal, and reading what it draws, with timeouts.

use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Pty {
    pub master: std::fs::File,
    pub slave: OwnedFd,
}

/// Held while a pty is opened and while a child is forked: the tests run in parallel threads, and a
/// fork between `openpty` and `FD_CLOEXEC` would leak a master into another test's child, which
/// then keeps that terminal from ever hanging up.
static FORK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A pseudo-terminal of `cols` × `rows`.
pub fn open_pty(cols: u16, rows: u16) -> Pty {
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

/// Starts `cmd` on the terminal `slave`: its stdin, stdout and stderr, and its controlling
/// terminal in a session of its own (so a hang-up reaches it), as an xterm in a UTF-8 locale with
/// colours allowed.
pub fn spawn_on(slave: &OwnedFd, mut cmd: Command) -> Child {
    let fd = slave.as_raw_fd();
    cmd.env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
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

/// The terminal's side: the master read on a thread into a channel until [`Term::close`] (then
/// its copy of the master is closed), every byte read, and the screen they draw.
pub struct Term {
    pub rx: mpsc::Receiver<Vec<u8>>,
    pub raw: Vec<u8>,
    pub screen: vt100::Parser,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Term {
    /// Starts reading `master`, onto a screen of `cols` × `rows`.
    pub fn new(master: &std::fs::File, cols: u16, rows: u16) -> Term {
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
        let n = |v| std::num::NonZeroU16::new(v).unwrap();
        Term {
            rx,
            raw: Vec::new(),
            screen: vt100::Parser::new(n(rows), n(cols), 0),
            stop,
            thread: Some(thread),
        }
    }

    /// Reads until the screen shows `want`, or panics after `secs`.
    pub fn wait_for(&mut self, want: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(100)) {
                self.screen.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            if self.screen.screen().contents().contains(want) {
                return;
            }
        }
        panic!(
            "{want:?} did not appear; screen:\n{}",
            self.screen.screen().contents()
        );
    }

    /// Reads what comes until `ms` pass without anything.
    pub fn settle(&mut self, ms: u64) {
        while let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(ms)) {
            self.screen.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// Stops reading and closes the reader's copy of the master.
    pub fn close(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The child's exit status, or `None` if it still runs after `secs`.
pub fn wait_exit(child: &mut Child, secs: u64) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}
