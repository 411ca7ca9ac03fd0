//! The real binary in a pseudo-terminal on the hostile database: every byte it writes to the
//! terminal, across the main screens, a detail pane, a bracketed paste into the filter line and
//! into a form, is checked: no OSC, no C1 control, no bidi override, no C0 control but the escape
//! that starts duban's own CSI sequences (cursor moves, colours, modes), carriage return and line
//! feed; and the hostile text is on screen, cleaned. The pasted unit is stored cleaned.

use std::io::Write;
use std::os::fd::OwnedFd;
use std::process::Child;
use std::time::{Duration, Instant};

use duban::domain::Thresholds;
use duban::store::Store;

use crate::corpus::{VISIBLE, duban, hostile_db, nasty_arg};
use crate::inputs::one_line;
use crate::support::pty::{Pty, Term, open_pty, spawn_on};

/// duban on the terminal, on the database `db` (named by `--db` and by [`duban`]'s DUBAN_DB).
fn spawn(slave: &OwnedFd, db: &std::path::Path) -> Child {
    let mut cmd = duban(db);
    cmd.args(["--db", db.to_str().unwrap()]);
    spawn_on(slave, cmd)
}

/// The child, killed if the test fails before it quits.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Every escape starts a CSI of parameters and one final letter (or `~`); what is left holds no
/// control character but CR and LF, and no C1 control or bidi override.
fn assert_terminal_bytes_clean(raw: &[u8]) {
    let text = String::from_utf8(raw.to_vec()).expect("UTF-8 on the terminal");
    let mut chars = text.char_indices().peekable();
    let mut plain = String::new();
    while let Some((i, c)) = chars.next() {
        if c != '\u{1b}' {
            plain.push(c);
            continue;
        }
        let context = || text[i..].chars().take(24).collect::<String>();
        assert_eq!(
            chars.next().map(|(_, c)| c),
            Some('['),
            "not a CSI: {:?}",
            context()
        );
        loop {
            match chars.next().map(|(_, c)| c) {
                Some('0'..='9' | ';' | '?' | ' ') => {}
                Some('A'..='Z' | 'a'..='z' | '~' | '@') => break,
                other => panic!("a CSI ended by {other:?}: {:?}", context()),
            }
        }
    }
    let bad = |c: char| {
        let n = c as u32;
        (n < 0x20 && c != '\r' && c != '\n')
            || (0x7f..=0x9f).contains(&n)
            || (0x202a..=0x202e).contains(&n)
            || (0x2066..=0x2069).contains(&n)
    };
    if let Some(c) = plain.chars().find(|&c| bad(c)) {
        panic!("{c:?} written to the terminal");
    }
    // The corpus's own erase-screen sequence never went out whole: its tail is text.
    assert!(
        !text.contains("\u{1b}[2J督"),
        "the stored ESC[2J reached the terminal"
    );
}

#[test]
fn the_tui_writes_nothing_hostile_to_the_terminal() {
    let (_dir, db, _) = hostile_db();
    let Pty { master, slave } = open_pty(120, 40);
    let mut child = Reaped(spawn(&slave, &db));
    let mut term = Term::new(&master, 120, 40);
    let mut keys = master.try_clone().unwrap();
    term.wait_for("督办", 60);
    let mut shown = 0;
    for (key, want) in [
        ("2", "┌ 督办事项"),
        ("3", "┌ 会议"),
        ("4", "┌ 单位"),
        ("7", "┌ 日志"),
    ] {
        keys.write_all(key.as_bytes()).unwrap();
        term.wait_for(want, 20);
        term.settle(300);
        shown += term.screen.screen().contents().matches(VISIBLE).count();
    }
    assert!(
        shown > 0,
        "no hostile text on screen:\n{}",
        term.screen.screen().contents()
    );
    // A task's detail pane.
    keys.write_all(b"2\r").unwrap();
    term.settle(500);
    // A bracketed paste into the filter line, then into a new unit's name, saved.
    let pasted = format!("东{}溪镇", nasty_arg());
    let paste = format!("\u{1b}[200~{pasted}\u{1b}[201~");
    keys.write_all(b"2/").unwrap();
    term.settle(300);
    keys.write_all(paste.as_bytes()).unwrap();
    term.settle(500);
    // Esc alone (followed at once by a key, a terminal's reader takes it for Alt).
    keys.write_all(b"\x1b").unwrap();
    term.settle(500);
    keys.write_all(b"4a").unwrap();
    term.settle(500);
    keys.write_all(paste.as_bytes()).unwrap();
    term.settle(500);
    keys.write_all(b"\x13").unwrap();
    term.settle(800);
    keys.write_all(b"q").unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.0.try_wait().unwrap() {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "duban did not quit:\n{}",
            term.screen.screen().contents()
        );
        term.settle(100);
    };
    term.settle(300);
    drop((keys, master, slave));
    term.close();
    assert!(status.success(), "{status:?}");
    assert_terminal_bytes_clean(&term.raw);
    let store = Store::open(&db, Thresholds::default()).unwrap();
    let name = one_line(&pasted);
    assert_eq!(store.unit_by_name(&name).unwrap().name, name.trim());
}

#[test]
fn the_terminal_check_catches_each_kind_of_leak() {
    assert_terminal_bytes_clean(b"\x1b[?1049h\x1b[1;1H\x1b[38;5;8mok\x1b[0m\r\n");
    for leak in [
        &b"\x1b[1;1H\x1b[2J\xe7\x9d\xa3"[..],
        b"\x1b]52;c;ZXZpbA==\x07",
        b"a\xc2\x9b31m",
        b"a\xe2\x80\xaeb",
        b"a\x07b",
        b"a\x7fb",
        b"\x1bPq",
    ] {
        let caught = std::panic::catch_unwind(|| assert_terminal_bytes_clean(leak));
        assert!(caught.is_err(), "{leak:?} passed the check");
    }
}
