//! The meetings list as a window: filtered, counted and positioned in SQL, newest first.
//!
//! The scopes are the domain's rules (R4.4 minutes overdue, R4.3 feedback waiting) turned into one
//! SQL condition each: the rules depend on a meeting's date (or the day the feedback form went
//! out) only through a working-day deadline that never moves backwards when that date moves
//! forwards, so "the deadline has passed" is "the date is on or before a cutoff", and the cutoff is
//! found in Rust with the calendar. A test holds the SQL to the Rust rules on the demo county.

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension, ToSql, params};

use super::{MEETING_COLS, MeetingRow, meeting_from};
use crate::domain::Deadline;
use crate::domain::minutes::{feedback_deadline, minutes_due};
use crate::store::initials::initials_query;
use crate::store::tasks::query::present;
use crate::store::window::{Side, around};
use crate::store::{Result, Store};

/// Which meetings the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MeetingScope {
    /// Every meeting.
    #[default]
    All,
    /// R4.4: minutes not issued and past their limit on `today` (exactly the meetings whose
    /// [`MeetingRow::minutes`] is `MinutesStatus::Overdue`).
    MinutesOverdue,
    /// R4.3: the feedback form went out on or before `today` and some unit has not answered with
    /// its deadline not yet passed (a unit whose `FeedbackStatus` is `Waiting`), as
    /// [`Store::feedback_rounds_waiting`] counts them.
    FeedbackWaiting,
}

/// Which meetings [`Store::meeting_rows`] shows. The default shows every meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFilter {
    /// Which meetings by the rules.
    pub scope: MeetingScope,
    /// A substring of a topic, the chair's name or the meeting number; a query of only ASCII
    /// letters and digits also matches, in any case, the topics' pinyin initials. Surrounding
    /// white space is ignored; an empty query selects everything.
    pub text: Option<String>,
    /// Only these meetings (the list behind a report's figure, [`Store::report_meetings`]).
    pub only: Option<Vec<i64>>,
    /// At most this many rows from [`Store::meeting_rows`] (all when `None`).
    pub limit: Option<usize>,
    /// Rows of [`Store::meeting_rows`] to skip before the first returned.
    pub offset: usize,
    /// The list's length, when known: a window nearer the end than the start is read backwards
    /// from the end instead of skipping `offset` rows.
    pub total: Option<usize>,
    /// A meeting and its position in the list: the window is read from it in both directions
    /// instead of skipping `offset` rows (the caller picks it when it is nearer than either end).
    pub anchor: Option<(i64, usize)>,
}

const ORDER: &str = "m.date DESC, m.id DESC";

/// The conditions of `f`, only those it sets, so that the planner sees which indexes answer
/// them: R4.4 from the meetings still waiting for minutes (`meeting_minutes_unissued`), R4.3
/// from the feedback forms sent within the answering time (`minutes_feedback_sent`).
fn conditions(f: &MeetingFilter) -> String {
    let c = condition_list(f);
    if c.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", c.join(" AND "))
    }
}

/// [`conditions`] as a list.
fn condition_list(f: &MeetingFilter) -> Vec<&'static str> {
    let mut c: Vec<&str> = Vec::new();
    if f.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        c.push(
            "(instr(m.number, :text) > 0
            OR EXISTS (SELECT 1 FROM leader l WHERE l.id = m.chair_id AND instr(l.name, :text) > 0)
            OR EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = m.id
                       AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0)))",
        );
    }
    match f.scope {
        MeetingScope::All => {}
        MeetingScope::MinutesOverdue => {
            c.push(
                "m.minutes_issued_on IS NULL AND m.procedure_unknown = 0 AND m.date <= :minutes_cutoff",
            );
        }
        MeetingScope::FeedbackWaiting => c.push(
            "m.id IN (SELECT mi.meeting_id FROM minutes mi
                WHERE mi.feedback_sent_on <= :today AND mi.feedback_sent_on > :feedback_cutoff
                  AND EXISTS (SELECT 1 FROM feedback f WHERE f.meeting_id = mi.meeting_id
                              AND f.received_on IS NULL))",
        ),
    }
    if f.only.is_some() {
        c.push("m.id IN (SELECT value FROM json_each(:only))");
    }
    c
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The latest day `d` whose deadline `due(d)` falls before `today`, for a deadline that never moves
/// backwards as `d` moves forwards: then `due(d) < today` exactly when `d <= cutoff`. Stepping back
/// from `today` takes about as many days as the limit spans; the search gives up (returning the
/// earliest date, which selects nothing) only at the very start of the calendar's range.
fn cutoff(today: NaiveDate, workdays: i64, due: impl Fn(NaiveDate) -> Deadline) -> NaiveDate {
    // Far more than `workdays` working days can span (two weeks each), plus a year of slack.
    let bound = workdays.max(0).saturating_mul(14).saturating_add(366);
    let mut d = today;
    for _ in 0..bound {
        if due(d).date < today {
            return d;
        }
        match d.checked_sub_days(Days::new(1)) {
            Some(prev) => d = prev,
            None => break,
        }
    }
    NaiveDate::MIN
}

/// Bound values of [`WHERE`].
struct Params {
    text: Option<String>,
    initials: Option<String>,
    today: NaiveDate,
    minutes_cutoff: NaiveDate,
    feedback_cutoff: NaiveDate,
    only: Option<String>,
    limit: i64,
    offset: i64,
}

impl Params {
    fn named(&self) -> Vec<(&'static str, &dyn ToSql)> {
        vec![
            (":text", &self.text as &dyn ToSql),
            (":initials", &self.initials),
            (":today", &self.today),
            (":minutes_cutoff", &self.minutes_cutoff),
            (":feedback_cutoff", &self.feedback_cutoff),
            (":only", &self.only),
        ]
    }
}

impl Store {
    fn meeting_params(&self, f: &MeetingFilter, today: NaiveDate) -> Params {
        let (cal, t) = (&self.cal, &self.thresholds);
        let text = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        Params {
            text: text.map(str::to_string),
            initials: text.and_then(initials_query),
            today,
            minutes_cutoff: cutoff(today, t.minutes_within_workdays, |d| minutes_due(cal, t, d)),
            // Waiting while today <= deadline(sent), i.e. not deadline(sent) < today.
            feedback_cutoff: cutoff(today, t.feedback_within_workdays, |d| {
                feedback_deadline(cal, t, d)
            }),
            only: f.only.as_ref().map(|ids| {
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                format!("[{}]", list.join(","))
            }),
            limit: f.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)),
            offset: i64::try_from(f.offset).unwrap_or(i64::MAX),
        }
    }

    /// The meetings `f` selects, newest first (date, then id, descending), with their rules
    /// computed for `today`, windowed by `f.limit` / `f.offset` in SQL.
    pub fn meeting_rows(&self, f: &MeetingFilter, today: NaiveDate) -> Result<Vec<MeetingRow>> {
        if let (Some(anchor), Some(limit)) = (f.anchor, f.limit)
            && let Some(rows) = self.meeting_rows_from(f, anchor, limit, today)?
        {
            return Ok(rows);
        }
        let p = self.meeting_params(f, today);
        // From the end: rows `offset..end` are the last `end - offset` rows before the final
        // `total - end`, read in the reverse order.
        let backwards = match (f.total, f.limit) {
            (Some(total), Some(limit)) if f.offset > total / 2 => {
                let end = f.offset.saturating_add(limit).min(total);
                let n = end.saturating_sub(f.offset);
                Some((to_i64(n), to_i64(total - end)))
            }
            _ => None,
        };
        let (order, limit, offset) = match backwards {
            Some((n, skip)) => ("m.date, m.id", n, skip),
            None => (ORDER, p.limit, p.offset),
        };
        let sql = format!(
            "SELECT {MEETING_COLS} FROM meeting m {} ORDER BY {order} LIMIT :limit OFFSET :offset",
            conditions(f)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut named = present(&stmt, p.named())?;
        named.extend([(":limit", &limit as &dyn ToSql), (":offset", &offset)]);
        let mut rows = stmt
            .query_map(named.as_slice(), meeting_from)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if backwards.is_some() {
            rows.reverse();
        }
        Ok(rows
            .into_iter()
            .map(|(m, c, i, n)| self.to_row(m, c, i, n, today))
            .collect())
    }

    /// [`Store::meeting_rows`] read from `anchor`, a meeting at a known position: the rows
    /// newer than it, read upwards from it, and it and those older, read downwards. `None` when
    /// the anchor is gone.
    fn meeting_rows_from(
        &self,
        f: &MeetingFilter,
        (id, position): (i64, usize),
        limit: usize,
        today: NaiveDate,
    ) -> Result<Option<Vec<MeetingRow>>> {
        let date: Option<NaiveDate> = self
            .conn
            .prepare_cached("SELECT date FROM meeting WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(date) = date else {
            return Ok(None);
        };
        let p = self.meeting_params(f, today);
        let read = |side: Side, n: usize, skip: usize| -> Result<Vec<_>> {
            // Newer meetings come before in the list: read upwards from the anchor.
            let (side, order) = match side {
                Side::Before => ("(m.date, m.id) > (:date, :id)", "m.date, m.id"),
                Side::From => ("(m.date, m.id) <= (:date, :id)", ORDER),
            };
            let mut c = condition_list(f);
            c.push(side);
            let sql = format!(
                "SELECT {MEETING_COLS} FROM meeting m WHERE {} ORDER BY {order} LIMIT :limit OFFSET :offset",
                c.join(" AND ")
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut named = present(&stmt, p.named())?;
            let (n, skip) = (to_i64(n), to_i64(skip));
            named.extend([
                (":date", &date as &dyn ToSql),
                (":id", &id),
                (":limit", &n),
                (":offset", &skip),
            ]);
            Ok(stmt
                .query_map(named.as_slice(), meeting_from)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let rows = around(f.offset, limit, position, read)?;
        Ok(Some(
            rows.into_iter()
                .map(|(m, c, i, n)| self.to_row(m, c, i, n, today))
                .collect(),
        ))
    }

    /// How many meetings `f` selects on `today` (its limit and offset ignored). Every meeting:
    /// a sum of the months' kept counts (migration 9).
    pub fn meeting_count(&self, f: &MeetingFilter, today: NaiveDate) -> Result<usize> {
        if condition_list(f).is_empty() {
            let n: i64 = self
                .conn
                .prepare_cached("SELECT coalesce(sum(n), 0) FROM meeting_month")?
                .query_row([], |r| r.get(0))?;
            return Ok(usize::try_from(n).unwrap_or_default());
        }
        let sql = format!("SELECT count(*) FROM meeting m {}", conditions(f));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.meeting_params(f, today);
        let named = present(&stmt, p.named())?;
        let n: i64 = stmt.query_row(named.as_slice(), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// The zero-based position of meeting `id` in the list `f` selects, newest first (its limit
    /// and offset ignored); `None` when `f` does not select it.
    pub fn meeting_position(
        &self,
        f: &MeetingFilter,
        id: i64,
        today: NaiveDate,
    ) -> Result<Option<usize>> {
        // The meeting, if `f` selects it; then the meetings before it, newest first, counted on
        // `meeting_date`.
        let mut c = condition_list(f);
        c.push("m.id = :id");
        let sql = format!("SELECT m.date FROM meeting m WHERE {}", c.join(" AND "));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.meeting_params(f, today);
        let mut named = present(&stmt, p.named())?;
        named.push((":id", &id));
        let Some(date) = stmt
            .query_row(named.as_slice(), |r| r.get::<_, NaiveDate>(0))
            .optional()?
        else {
            return Ok(None);
        };
        // Every meeting: those of later months from their kept counts, then those of its own
        // month before it.
        if condition_list(f).is_empty() {
            let month = date.format("%Y-%m").to_string();
            let n: i64 = self
                .conn
                .prepare_cached(
                    "SELECT (SELECT coalesce(sum(n), 0) FROM meeting_month WHERE month > ?1)
                          + (SELECT count(*) FROM meeting WHERE date > ?2 AND date <= ?1 || '-31')
                          + (SELECT count(*) FROM meeting WHERE date = ?2 AND id > ?3)",
                )?
                .query_row(params![month, date, id], |r| r.get(0))?;
            return Ok(usize::try_from(n).ok());
        }
        // Counted from the nearer end: the list's length less those after it, for a meeting in
        // the older half of the archive's dates.
        // Two statements: SQLite reads a lone min() or max() from the index's end.
        let (first, last): (Option<NaiveDate>, Option<NaiveDate>) = self
            .conn
            .prepare_cached(
                "SELECT (SELECT min(date) FROM meeting), (SELECT max(date) FROM meeting)",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let older_half = match (first, last) {
            (Some(a), Some(b)) => date < a + (b - a) / 2,
            _ => false,
        };
        let count = |side: &str| -> Result<i64> {
            let mut c = condition_list(f);
            c.push(side);
            let sql = format!("SELECT count(*) FROM meeting m WHERE {}", c.join(" AND "));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut named = present(&stmt, p.named())?;
            named.extend([(":date", &date as &dyn ToSql), (":id", &id)]);
            Ok(stmt.query_row(named.as_slice(), |r| r.get(0))?)
        };
        let n = if older_half {
            let total = i64::try_from(self.meeting_count(f, today)?).unwrap_or(i64::MAX);
            total - 1 - count("(m.date, m.id) < (:date, :id)")?
        } else {
            count("(m.date, m.id) > (:date, :id)")?
        };
        Ok(usize::try_from(n).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::cutoff;
    use crate::calendar::Calendar;
    use crate::domain::Thresholds;
    use crate::domain::minutes::minutes_due;
    use crate::domain::testcal::d;

    #[test]
    fn r4_4_cutoff_is_the_last_meeting_date_already_overdue() {
        let (cal, t) = (Calendar::builtin(), Thresholds::default());
        let due = |m| minutes_due(&cal, &t, m);
        for today in ["2026-11-25", "2026-10-09", "2027-02-15", "2026-01-01"] {
            let today = d(today);
            let c = cutoff(today, t.minutes_within_workdays, due);
            assert!(due(c).date < today, "{today}: {c}");
            assert!(due(c.succ_opt().unwrap()).date >= today, "{today}: {c}");
        }
        // Meeting Mon 2026-11-02 is due Mon 2026-11-16: overdue from Tuesday the 17th.
        assert_eq!(cutoff(d("2026-11-17"), 10, due), d("2026-11-02"));
        assert!(cutoff(d("2026-11-16"), 10, due) < d("2026-11-02"));
    }
}
