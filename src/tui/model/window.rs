//! A window onto a long list, and the records it can keep selected by id.

use super::{AuditEntry, MeetingRow, TaskRow, UnitRow};

/// A record that a list can keep selected by id.
pub trait Keyed {
    fn key(&self) -> i64;
}

impl Keyed for TaskRow {
    fn key(&self) -> i64 {
        self.id
    }
}
impl Keyed for MeetingRow {
    fn key(&self) -> i64 {
        self.id
    }
}
impl Keyed for UnitRow {
    fn key(&self) -> i64 {
        self.id
    }
}
impl Keyed for AuditEntry {
    fn key(&self) -> i64 {
        self.id
    }
}

/// A window onto a list that may be far longer than what is loaded: `rows` are the rows from
/// `offset`; `total` is the length of the whole list; `cursor` and `top` index the whole list.
#[derive(Debug, Clone)]
pub struct Window<T> {
    pub offset: usize,
    pub rows: Vec<T>,
    pub total: usize,
    pub cursor: usize,
    /// The first row on screen.
    pub top: usize,
    /// The id of the selected record: what the cursor stays on across reloads.
    pub selected: Option<i64>,
    /// Whether anything has been loaded yet.
    pub loaded: bool,
    /// The list goes on past `total`: it was counted only that far (a broad search of a large
    /// archive), and is counted whole when the cursor reaches its last counted row.
    pub more: bool,
}

impl<T> Default for Window<T> {
    fn default() -> Self {
        Window {
            offset: 0,
            rows: Vec::new(),
            total: 0,
            cursor: 0,
            top: 0,
            selected: None,
            loaded: false,
            more: false,
        }
    }
}

impl<T: Keyed> Window<T> {
    /// Row `i` of the whole list, if it is loaded.
    pub fn row(&self, i: usize) -> Option<&T> {
        i.checked_sub(self.offset).and_then(|j| self.rows.get(j))
    }

    /// The row under the cursor, if loaded.
    pub fn current(&self) -> Option<&T> {
        self.row(self.cursor)
    }

    /// The loaded row nearest the cursor, by key and place: where the next window of the same
    /// list is read from as the cursor leaves this one (the store seeks from it instead of
    /// counting rows from the start).
    pub fn anchor(&self) -> Option<(i64, usize)> {
        let last = (self.offset + self.rows.len()).saturating_sub(1);
        let near = self.cursor.clamp(self.offset, last.max(self.offset));
        self.row(near).map(|r| (r.key(), near))
    }

    /// Whether rows `from..to` (clipped to the list) are all loaded.
    pub fn covers(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.total);
        from >= to || (from >= self.offset && to <= self.offset + self.rows.len())
    }

    /// Puts newly loaded rows in place, with the cursor where the load put it.
    pub fn fill(&mut self, offset: usize, total: usize, cursor: usize, rows: Vec<T>) {
        self.offset = offset;
        self.total = total;
        self.rows = rows;
        self.cursor = cursor.min(total.saturating_sub(1));
        self.loaded = true;
        self.selected = self.current().map(Keyed::key);
    }
}
