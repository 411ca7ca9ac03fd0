//! When the TUI checkpoints the write-ahead log: once the user has left it alone for [`IDLE`],
//! and again after other connections wrote meanwhile, never more often than every [`IDLE`]. A
//! passive checkpoint never waits and never blocks anyone (`Store::checkpoint`).

use std::time::{Duration, Instant};

/// How long without a key before the TUI checkpoints.
pub const IDLE: Duration = Duration::from_secs(30);

/// The idle checkpoint's clock: fed the times of input and of others' writes, it says when a
/// checkpoint is due. Time is an input, so the rule is tested without waiting.
#[derive(Debug, Clone)]
pub struct IdleCheckpoint {
    last_input: Instant,
    last_run: Option<Instant>,
    /// Something may have been written since the last checkpoint.
    pending: bool,
}

impl IdleCheckpoint {
    pub fn new(now: Instant) -> IdleCheckpoint {
        IdleCheckpoint {
            last_input: now,
            last_run: None,
            pending: true,
        }
    }

    /// The user typed (and may have written).
    pub fn input(&mut self, now: Instant) {
        self.last_input = now;
        self.pending = true;
    }

    /// Another connection committed (`PRAGMA data_version` moved).
    pub fn data_changed(&mut self) {
        self.pending = true;
    }

    /// Whether to checkpoint now; when it says yes, the checkpoint counts as done.
    pub fn due(&mut self, now: Instant) -> bool {
        let idle = now.saturating_duration_since(self.last_input) >= IDLE;
        let spaced = self
            .last_run
            .is_none_or(|t| now.saturating_duration_since(t) >= IDLE);
        if self.pending && idle && spaced {
            self.pending = false;
            self.last_run = Some(now);
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_once_idle_then_only_after_new_writes_and_never_more_often_than_idle() {
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        let mut c = IdleCheckpoint::new(t0);
        assert!(!c.due(at(29)), "not idle yet");
        assert!(c.due(at(30)), "idle for IDLE");
        assert!(!c.due(at(31)), "done; nothing new");
        assert!(!c.due(at(120)), "still nothing new");
        c.data_changed();
        assert!(c.due(at(121)), "others wrote while idle");
        c.data_changed();
        assert!(!c.due(at(140)), "not twice within IDLE");
        assert!(c.due(at(151)), "IDLE after the last one");
        c.input(at(200));
        assert!(!c.due(at(210)), "the user is back");
        c.input(at(220));
        assert!(!c.due(at(249)), "typing keeps it off");
        assert!(c.due(at(250)), "idle again");
    }
}
