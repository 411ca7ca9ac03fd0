//! The loop: read an event, turn it into an action, update, run the commands it returns against the
//! store (their results are actions again), and draw once the queue is empty. Other users' changes
//! are noticed by polling `PRAGMA data_version`; the write-ahead log is checkpointed when the user
//! is idle (`idle`).

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::action::Action;
use super::command::{Command, execute};
use super::idle::IdleCheckpoint;
use super::model::{Mode, Model};
use super::terminal::{self, Signals};
use super::{backend, update, views};
use crate::store::Store;

/// How long to wait for a key before looking at the database and the signals again.
const TICK: Duration = Duration::from_millis(200);
/// How often to ask SQLite whether another connection committed.
const POLL_DATA: Duration = Duration::from_millis(500);

/// Runs the TUI until the user quits, a signal arrives or the terminal goes away.
pub fn run(store: &mut Store, model: Model) -> io::Result<()> {
    let signals = Signals::install()?;
    let mut term = match terminal::enter(model.theme.ascii) {
        Ok(t) => t,
        Err(e) => {
            terminal::leave();
            return Err(e);
        }
    };
    let watchdog = signals.watchdog();
    let result = event_loop(&mut term, store, model, &signals);
    drop(watchdog);
    terminal::leave();
    // ratatui's Terminal shows the cursor again when dropped and prints to stderr if that fails,
    // which on a hung-up tty would panic; `leave` has shown it already, so the drop is skipped.
    std::mem::forget(term);
    result
}

/// Applies actions until none are left, running each command they produce.
pub fn settle(store: &mut Store, m: &mut Model, queue: &mut VecDeque<Action>) {
    settle_with(m, queue, |m, c| execute(store, m.today, m.lang, c));
}

/// [`settle`] with `run` running the commands. While the user types a filter, keys that were
/// already waiting are applied in turn but only the last list load runs, once no typed key is
/// left: fast typing never queues queries, and the list shown is always the one for the text.
pub fn settle_with(
    m: &mut Model,
    queue: &mut VecDeque<Action>,
    mut run: impl FnMut(&Model, Command) -> Action,
) {
    let mut pending: Option<Command> = None;
    loop {
        let typing = |m: &Model, a: &Action| {
            m.mode == Mode::Filter && matches!(a, Action::Key(_) | Action::Paste(_))
        };
        match queue.pop_front() {
            Some(a) if typing(m, &a) => {
                for c in update::update(m, a) {
                    if c.is_list_load() {
                        // A load of another list is not replaced by this one: run it first.
                        if let Some(p) = pending
                            .take_if(|p| std::mem::discriminant(p) != std::mem::discriminant(&c))
                        {
                            let done = run(m, p);
                            queue.push_back(done);
                        }
                        pending = Some(c);
                    } else {
                        let done = run(m, c);
                        queue.push_back(done);
                    }
                }
            }
            Some(a) => {
                // The list load of the text typed so far comes before anything else.
                if let Some(c) = pending.take() {
                    queue.push_front(a);
                    let done = run(m, c);
                    queue.push_front(done);
                    continue;
                }
                for c in update::update(m, a) {
                    let done = run(m, c);
                    queue.push_back(done);
                }
            }
            None => match pending.take() {
                Some(c) => {
                    let done = run(m, c);
                    queue.push_back(done);
                }
                None => return,
            },
        }
    }
}

fn event_loop(
    term: &mut terminal::Tui,
    store: &mut Store,
    mut m: Model,
    signals: &Signals,
) -> io::Result<()> {
    let size = term.size()?;
    let mut queue = VecDeque::from([Action::Resize(size.width, size.height)]);
    let mut version = store.data_version().ok();
    let mut last_poll = Instant::now();
    let mut idle = IdleCheckpoint::new(Instant::now());
    let mut dirty = true;
    loop {
        if !queue.is_empty() {
            settle(store, &mut m, &mut queue);
            dirty = true;
        }
        if m.quit || signals.stopped() || terminal::tty_gone() {
            return Ok(());
        }
        if dirty {
            backend::draw(term, |f| views::render(&m, f))?;
            dirty = false;
        }
        // crossterm is built with `use-dev-tty`: its reader polls the tty level-triggered, tty
        // before resize signal, so no key is left unread behind a resize. It reads a hung-up tty
        // as endless end-of-file (crossterm issue #793), so the tty is checked before each wait;
        // the watchdog covers a hang-up during one.
        if terminal::tty_gone() {
            return Ok(());
        }
        if event::poll(TICK)? {
            idle.input(Instant::now());
            // Every event already waiting, before the next draw: keys typed during a query are
            // applied together (see `settle_with`), and a frame is never drawn for a state the
            // next key already replaced.
            loop {
                match event::read() {
                    Ok(Event::Key(k)) => queue.push_back(Action::Key(k)),
                    Ok(Event::Paste(s)) => queue.push_back(Action::Paste(s)),
                    Ok(Event::Resize(w, h)) => queue.push_back(Action::Resize(w, h)),
                    Ok(_) => {}
                    Err(_) => return Ok(()),
                }
                if queue.len() >= 64 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        // A resize arrives as SIGWINCH, not as input on the tty: compare the size each turn.
        let size = term.size()?;
        if (size.width, size.height) != (m.width, m.height) {
            queue.push_back(Action::Resize(size.width, size.height));
        }
        if last_poll.elapsed() >= POLL_DATA {
            last_poll = Instant::now();
            let now = store.data_version().ok();
            if now != version {
                version = now;
                idle.data_changed();
                queue.push_back(Action::DataChanged);
            }
        }
        // Long-lived sessions must not let the log grow: copy it back when the user is idle.
        if queue.is_empty() && idle.due(Instant::now()) {
            let _ = store.checkpoint();
        }
    }
}
