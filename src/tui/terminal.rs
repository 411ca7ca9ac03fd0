//! The terminal: raw mode and the alternate screen in, everything restored on the way out, whether
//! the user quits, a panic unwinds, or a signal (SIGINT, SIGTERM, SIGHUP) arrives. A vanished tty
//! (the SSH connection dropped) is noticed by polling it, so duban exits instead of spinning on a
//! dead file descriptor (crossterm issue #793).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use super::backend::LeanBackend;

/// The terminal duban draws on.
pub type Tui = Terminal<LeanBackend<io::Stdout>>;

/// Set when a terminating signal arrives.
pub struct Signals {
    stop: Arc<AtomicBool>,
}

impl Signals {
    pub fn install() -> io::Result<Signals> {
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGQUIT,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&stop))?;
        }
        Ok(Signals { stop })
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Starts a watchdog: once a terminating signal has arrived or the terminal has hung up, the
    /// main loop has a second to end by itself; if it does not (crossterm can spin forever reading
    /// a hung-up tty, issue #793), the watchdog restores what it can and ends the process. The
    /// returned guard stops the watchdog when the loop ends normally.
    pub fn watchdog(&self) -> Watchdog {
        let stop = Arc::clone(&self.stop);
        let done = Arc::new(AtomicBool::new(false));
        let finished = Arc::clone(&done);
        let spawned = std::thread::Builder::new()
            .name("duban-watchdog".into())
            .spawn(move || {
                let mut since: Option<std::time::Instant> = None;
                while !finished.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    if since.is_none() && (stop.load(Ordering::Relaxed) || tty_gone()) {
                        since = Some(std::time::Instant::now());
                    }
                    if since.is_some_and(|t| t.elapsed() >= std::time::Duration::from_secs(1))
                        && !finished.load(Ordering::Relaxed)
                    {
                        leave();
                        std::process::exit(0);
                    }
                }
            });
        if spawned.is_err() {
            done.store(true, Ordering::Relaxed);
        }
        Watchdog { done }
    }
}

/// Stops the watchdog when dropped.
pub struct Watchdog {
    done: Arc<AtomicBool>,
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

/// Enters raw mode and the alternate screen (no mouse capture), with bracketed paste on; a panic
/// restores the terminal before its message is printed. `ascii`: see `LeanBackend::with_ascii`.
pub fn enter(ascii: bool) -> io::Result<Tui> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(LeanBackend::new(io::stdout()).with_ascii(ascii))
}

/// Restores the terminal: bracketed paste off, the main screen back, the cursor shown, raw mode off.
/// Errors are ignored and nothing is printed: on a dead tty there is nothing left to restore (and
/// printing there would fail again).
pub fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = io::stdout().flush();
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Input is ready to read.
    Input,
    /// The time ran out, or a signal interrupted the wait.
    Idle,
    /// The terminal hung up or is gone: nothing will ever come again.
    Gone,
}

/// Waits up to `timeout` for input on the terminal (stdin), noticing a hang-up.
pub fn wait_input(timeout: std::time::Duration) -> Wait {
    let mut fds = [libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    }];
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
    if n <= 0 {
        return Wait::Idle;
    }
    if fds[0].revents & (libc::POLLHUP | libc::POLLNVAL | libc::POLLERR) != 0 {
        Wait::Gone
    } else {
        Wait::Input
    }
}

/// Whether the terminal has hung up or gone (without waiting).
pub fn tty_gone() -> bool {
    wait_input(std::time::Duration::ZERO) == Wait::Gone
}

/// Whether the locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG).
pub fn locale_is_utf8() -> bool {
    let value = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    match value {
        Some(v) => {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        }
        None => false,
    }
}
