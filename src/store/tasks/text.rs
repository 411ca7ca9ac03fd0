//! How the ledger's text filter is written: row by row ([`TEXT`]), or from the full-text
//! indexes of migration 6 ([`TEXT_INDEXED`]) when the text is not found in most of the archive
//! ([`Plan`]).

use std::cell::RefCell;
use std::collections::VecDeque;

use chrono::NaiveDate;
use rusqlite::named_params;

use super::query::TaskFilter;
use crate::store::initials::initials_query;
use crate::store::search::match_query;
use crate::store::{Result, Store};

/// The units the text names (issue 18 point 5): by their name, their pinyin initials or one of
/// their aliases (migration 15: 住建 finds 县住房和城乡建设局).
macro_rules! units_named {
    () => {
        "(SELECT id FROM unit WHERE instr(name, :text) > 0 OR instr(initials, :initials) > 0
          UNION SELECT unit_id FROM unit_alias WHERE instr(alias, :text) > 0)"
    };
}

/// The text filter: the task, a unit it leads or co-handles (协办) named by the text, or its
/// meeting's topics (needs [`FROM`]'s join of the unit).
pub(crate) const TEXT: &str = concat!(
    "(instr(t.text, :text) > 0 OR instr(t.initials, :initials) > 0
        OR t.lead_unit_id IN ",
    units_named!(),
    "
        OR EXISTS (SELECT 1 FROM task_co_unit c WHERE c.task_id = t.id AND c.unit_id IN ",
    units_named!(),
    ")
        OR EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id
                   AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0)))"
);

/// [`TEXT`] from the indexes: tasks led or co-handled by units the text names, and tasks
/// whose text or meeting's topics match the full-text query `:phrase`
/// (`store::search::match_query`), each candidate then checked for the exact substring (the
/// index is a superset: it does not see punctuation or case). Selects exactly what [`TEXT`]
/// selects.
pub(super) const TEXT_INDEXED: &str = concat!(
    "(t.lead_unit_id IN ",
    units_named!(),
    "
        OR t.id IN (SELECT task_id FROM task_co_unit WHERE unit_id IN ",
    units_named!(),
    ")
        OR (t.id IN (SELECT rowid FROM task_fts WHERE task_fts MATCH :phrase)
            AND (instr(t.text, :text) > 0 OR instr(t.initials, :initials) > 0))
        OR (t.meeting_id IN (SELECT rowid FROM topic_fts WHERE topic_fts MATCH :phrase)
            AND EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id
                        AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0))))"
);

/// Whether `filter` has text to match (surrounding white space ignored).
pub(super) fn has_text(filter: &TaskFilter) -> bool {
    filter.text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// How a ledger query is written for the day and the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    /// [`Store::in_order`] for the day viewed.
    pub in_order: bool,
    /// Whether the text filter's candidates come from the full-text indexes. When the text is
    /// found in more than [`BROAD`] tasks, walking the ledger in its order and checking each row
    /// finds a window sooner than gathering every candidate.
    pub text_index: bool,
}

impl Plan {
    /// Every row checked in turn, the order computed for the day: always right, never fast.
    #[cfg(test)]
    pub const ROW_BY_ROW: Plan = Plan {
        in_order: false,
        text_index: false,
    };
}

/// How many candidates make a text search broad (see [`Plan::text_index`]). Near where the two
/// ways cost the same at 1M tasks: a unit's name now finds the tasks it co-handles as well as
/// those it leads, and 上塘 (one township: ~5,000 tasks led and ~5,000 co-handled at 1M) must
/// stay on the indexes, where it takes 13 ms; walked row by row (1% of rows match) it took 64 ms.
pub(crate) const BROAD: i64 = 20_000;

/// Whether each of the last few texts searched was broad. A remembered answer that has gone
/// stale costs speed, never rows: both ways of writing the text filter select the same tasks.
/// The store forgets them all after its own writes.
#[derive(Debug, Default)]
pub(crate) struct Breadth(RefCell<VecDeque<(String, bool)>>);

impl Breadth {
    const KEPT: usize = 16;

    fn get(&self, text: &str) -> Option<bool> {
        let seen = self.0.borrow();
        seen.iter().find(|(t, _)| t == text).map(|(_, b)| *b)
    }

    fn put(&self, text: &str, broad: bool) {
        let mut seen = self.0.borrow_mut();
        if seen.len() == Self::KEPT {
            seen.pop_front();
        }
        seen.push_back((text.to_string(), broad));
    }

    pub(crate) fn forget(&self) {
        self.0.borrow_mut().clear();
    }
}

impl Store {
    /// How to write the queries of `filter` on `today`.
    pub(crate) fn plan(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Plan> {
        let in_order = self.in_order(today)?;
        let text_index = match filter.text.as_deref().and_then(match_query) {
            // A single letter or digit is in the initials of nearly every task.
            _ if initials_query(filter.text.as_deref().unwrap_or_default())
                .is_some_and(|q| q.len() == 1) =>
            {
                false
            }
            Some(phrase) if has_text(filter) => {
                let text = filter.text.as_deref().unwrap_or_default().trim();
                match self.breadth.get(text) {
                    Some(broad) => !broad,
                    None => {
                        let broad = self.broad(&phrase, filter)?;
                        self.breadth.put(text, broad);
                        !broad
                    }
                }
            }
            _ => false,
        };
        Ok(Plan {
            in_order,
            text_index,
        })
    }

    /// Whether the text of `filter` (as the full-text `phrase`) has more than [`BROAD`]
    /// candidates: counted from the indexes, each source stopping at [`BROAD`].
    ///
    /// Tests lower the bound with [`Store::set_broad`] to walk both ways on a small county.
    fn broad(&self, phrase: &str, filter: &TaskFilter) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM task_fts WHERE task_fts MATCH :phrase LIMIT :broad))
                  + (SELECT count(*) FROM (SELECT 1 FROM task WHERE lead_unit_id IN ",
            units_named!(),
            " LIMIT :broad))
                  + (SELECT count(*) FROM (SELECT 1 FROM task_co_unit WHERE unit_id IN ",
            units_named!(),
            " LIMIT :broad))
                  + (SELECT count(*) FROM (SELECT 1 FROM task WHERE meeting_id IN
                        (SELECT rowid FROM topic_fts WHERE topic_fts MATCH :phrase LIMIT :broad)
                     LIMIT :broad))",
        ))?;
        let text = filter.text.as_deref().map(str::trim);
        let initials = filter.text.as_deref().and_then(initials_query);
        let n: i64 = stmt.query_row(
            named_params! {
                ":phrase": phrase,
                ":text": text,
                ":initials": initials,
                ":broad": self.broad + 1,
            },
            |r| r.get(0),
        )?;
        Ok(n > self.broad)
    }

    /// Forgets the breadth of the texts searched lately, as the store's own writes do: the
    /// benchmarks measure a text typed for the first time.
    #[doc(hidden)]
    pub fn forget_search_breadth(&self) {
        self.breadth.forget();
    }

    #[cfg(test)]
    pub(crate) fn set_broad(&mut self, broad: i64) {
        self.broad = broad;
        self.breadth.forget();
    }
}
