//! What importing a ledger's good rows creates ([`LedgerPlan`]): the units, leaders and meetings
//! the database lacks, the tasks with their records, the criticisms and referrals. A full
//! workbook's record sheets give every fact; a ledger alone gives what its columns hold, and the
//! rest is inferred: a unit's kind from its name (…镇/乡/街道 a township, …局/委/办/中心 a
//! department), a leader's title from the 职务 column or the name, a meeting from its id or its
//! date and first topic (its procedure then unknown).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::infer::{kind_of_name, order_units, title_of_name};
use super::ledger::LedgerRow;
use super::records::Records;
use super::{Existing, Problem, RowError, cells, rules};
use crate::domain::{LeaderTitle, UnitKind};
use crate::exchange::Sheet;
use crate::store::{
    LedgerPlan, MeetingRef, PlannedCriticism, PlannedLeader, PlannedMeeting, PlannedTask,
    PlannedUnit,
};
use meetings::row_meetings;

mod meetings;

/// The plan being built, with what it already names.
struct Builder<'a> {
    db: &'a Existing,
    plan: LedgerPlan,
    units: HashSet<String>,
    leaders: HashSet<String>,
    errors: Vec<RowError>,
}

impl Builder<'_> {
    fn unit(&mut self, name: &str, kind: Option<UnitKind>) {
        let name = name.trim();
        if name.is_empty() || self.db.unit(name).is_some() || !self.units.insert(name.into()) {
            return;
        }
        self.plan.units.push(PlannedUnit {
            name: name.to_string(),
            kind: kind.unwrap_or_else(|| kind_of_name(name)),
            main_leader: None,
            contact: None,
            active: true,
            aliases: None,
        });
    }

    fn leader(&mut self, name: &str, title: Option<LeaderTitle>) {
        let name = name.trim();
        if name.is_empty() || self.db.leader(name).is_some() || !self.leaders.insert(name.into()) {
            return;
        }
        self.plan.leaders.push(PlannedLeader {
            name: name.to_string(),
            title: title.unwrap_or_else(|| title_of_name(name)),
            liaison: None,
            active: true,
        });
    }

    /// The date of meeting `m` (a new one of the plan or one of the database).
    fn meeting_date(&self, m: MeetingRef, otherwise: NaiveDate) -> NaiveDate {
        match m {
            MeetingRef::New(i) => self.plan.meetings.get(i).map(|m| m.date),
            MeetingRef::Existing(id) => {
                self.db.meetings.iter().find(|m| m.id == id).map(|m| m.date)
            }
        }
        .unwrap_or(otherwise)
    }

    /// The records of a sheet's `rows` that `check` finds no problem with; the others are bad
    /// rows of the sheet.
    fn good<T>(
        &mut self,
        sheet: Sheet,
        rows: Vec<(usize, T)>,
        check: impl Fn(&T) -> Vec<Problem>,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(rows.len());
        for (n, t) in rows {
            let problems = check(&t);
            if problems.is_empty() {
                out.push(t);
            } else {
                for p in problems {
                    self.error(Some(sheet), n, p);
                }
            }
        }
        out
    }

    fn error(&mut self, sheet: Option<Sheet>, row: usize, problem: Problem) {
        self.errors.push(RowError {
            row,
            problem,
            sheet,
        });
    }

    /// The meeting of `m` (from the meetings sheet): one in the database with the same date and
    /// first topic, else a new one of the plan.
    fn meeting(&mut self, m: PlannedMeeting) -> MeetingRef {
        let first = m.topics.first().map_or("", String::as_str);
        if let Some(e) = self.db.meeting(m.date, first) {
            return MeetingRef::Existing(e.id);
        }
        for name in [&m.chair, &m.liaison].into_iter().flatten() {
            self.leader(&name.clone(), None);
        }
        let units: Vec<String> = m
            .attendance
            .iter()
            .map(|(u, _)| u.clone())
            .chain(m.feedback.iter().map(|(u, _)| u.clone()))
            .collect();
        for u in units {
            self.unit(&u, None);
        }
        self.plan.meetings.push(m);
        MeetingRef::New(self.plan.meetings.len() - 1)
    }
}

/// A task's records from a workbook's sheets, each with its row there.
#[derive(Debug, Default)]
struct TaskSheets {
    progress: Vec<(usize, (NaiveDate, String))>,
    explanations: Vec<(usize, crate::store::PlannedExplanation)>,
    waivers: Vec<(usize, (NaiveDate, String))>,
}

/// What importing `rows` (and a workbook's `records`) creates, and the problems found in putting
/// them together: rows of one meeting that disagree about it, records naming a task or a meeting
/// the file does not hold.
pub fn assemble(
    rows: &[(usize, LedgerRow)],
    records: &Records,
    db: &Existing,
) -> (LedgerPlan, Vec<RowError>) {
    let mut b = Builder {
        db,
        plan: LedgerPlan::default(),
        units: HashSet::new(),
        leaders: HashSet::new(),
        errors: Vec::new(),
    };
    // The reference lists of a full workbook first, whole.
    for (_, u) in records.units.iter().flatten() {
        if db.unit(&u.name).is_none() && b.units.insert(u.name.clone()) {
            b.plan.units.push(u.clone());
        }
    }
    for (_, l) in records.leaders.iter().flatten() {
        if db.leader(&l.name).is_none() && b.leaders.insert(l.name.clone()) {
            b.plan.leaders.push(l.clone());
        }
    }
    // The tasks in the order of their ids in the file, so that a ledger keeps its order.
    let mut rows: Vec<&(usize, LedgerRow)> = rows.iter().collect();
    if rows.iter().all(|(_, r)| r.key.is_some()) {
        rows.sort_by_key(|(_, r)| r.key);
    }
    let refs = row_meetings(&mut b, &rows, records);
    // Records from the sheets, by the ledger's task ids, each with its sheet's row.
    let mut sheets: HashMap<i64, TaskSheets> = HashMap::new();
    let keys: HashSet<i64> = rows.iter().filter_map(|(_, r)| r.key).collect();
    for (n, key, date, text) in records.progress.iter().flatten() {
        if keys.contains(key) {
            let s = sheets.entry(*key).or_default();
            s.progress.push((*n, (*date, text.clone())));
        } else {
            b.error(Some(Sheet::Progress), *n, Problem::UnknownTask(*key));
        }
    }
    for (n, key, e) in records.explanations.iter().flatten() {
        if keys.contains(key) {
            let s = sheets.entry(*key).or_default();
            s.explanations.push((*n, e.clone()));
        } else {
            b.error(Some(Sheet::Explanations), *n, Problem::UnknownTask(*key));
        }
    }
    for (n, key, date, reason) in records.waivers.iter().flatten() {
        if keys.contains(key) {
            let s = sheets.entry(*key).or_default();
            s.waivers.push((*n, (*date, reason.clone())));
        } else {
            b.error(Some(Sheet::Waivers), *n, Problem::UnknownTask(*key));
        }
    }
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut from_cells: Vec<PlannedCriticism> = Vec::new();
    for ((n, r), meeting) in rows.iter().zip(refs) {
        let Some(meeting) = meeting else {
            continue; // refused: it says another thing of its meeting than a row before
        };
        b.unit(&r.lead_unit, r.lead_kind);
        for c in &r.co_units {
            b.unit(c, None);
        }
        if let Some(l) = &r.leader {
            b.leader(l, r.leader_title);
        }
        let i = b.plan.tasks.len();
        if let Some(k) = r.key {
            index.insert(k, i);
        }
        // A workbook's records are in their sheets, each checked with the task's dates (a bad
        // one is a bad row of its sheet, left out); a .csv's in the row, checked with it.
        let times = rules::times(b.meeting_date(meeting, r.meeting_date), r.completed_on);
        let mut own = r.key.and_then(|k| sheets.remove(&k)).unwrap_or_default();
        let from_sheet = |has: bool| has && r.key.is_some();
        let task_progress = if from_sheet(records.progress.is_some()) {
            b.good(
                Sheet::Progress,
                std::mem::take(&mut own.progress),
                |(on, text)| rules::progress(&times, *on, text),
            )
        } else {
            r.progress.clone()
        };
        let task_explanations = if from_sheet(records.explanations.is_some()) {
            b.good(
                Sheet::Explanations,
                std::mem::take(&mut own.explanations),
                |e| rules::explanation(&times, e),
            )
        } else {
            r.explanations.clone()
        };
        let task_waivers = if from_sheet(records.waivers.is_some()) {
            let promises: Vec<NaiveDate> =
                task_explanations.iter().map(|e| e.promised_on).collect();
            b.good(
                Sheet::Waivers,
                std::mem::take(&mut own.waivers),
                |(on, reason)| rules::waiver(&times, &promises, *on, reason),
            )
        } else {
            r.waivers.clone()
        };
        if records.criticisms.is_none() {
            for c in &r.criticisms {
                let same = |x: &&mut PlannedCriticism| {
                    x.unit == r.lead_unit
                        && x.date == c.date
                        && x.doc_no == c.doc_no
                        && x.reason == c.reason
                };
                match from_cells.iter_mut().find(same) {
                    Some(x) => x.tasks.push(i),
                    None => from_cells.push(PlannedCriticism {
                        unit: r.lead_unit.clone(),
                        date: c.date,
                        doc_no: c.doc_no.clone(),
                        reason: c.reason.clone(),
                        tasks: vec![i],
                    }),
                }
            }
        }
        b.plan.tasks.push(PlannedTask {
            row: *n,
            meeting,
            text: r.text.clone(),
            lead_unit: r.lead_unit.clone(),
            co_units: r.co_units.clone(),
            leader: r.leader.clone(),
            limit: r.limit,
            completed_on: r.completed_on,
            completion_note: r.completion_note.clone(),
            progress: task_progress,
            explanations: task_explanations,
            waivers: task_waivers,
        });
    }
    let known = |db: &Existing, unit: &str, date: NaiveDate, doc: &Option<String>| {
        db.criticisms
            .iter()
            .any(|(u, d, n)| u == unit && *d == date && n == doc)
    };
    match &records.criticisms {
        Some(sheet) => {
            for (n, c) in sheet {
                let mut tasks = Vec::new();
                for k in &c.tasks {
                    match index.get(k) {
                        Some(i) => tasks.push(*i),
                        None => b.error(Some(Sheet::Criticisms), *n, Problem::UnknownTask(*k)),
                    }
                }
                if known(db, &c.unit, c.date, &c.doc_no) {
                    continue;
                }
                b.unit(&c.unit, None);
                b.plan.criticisms.push(PlannedCriticism {
                    unit: c.unit.clone(),
                    date: c.date,
                    doc_no: c.doc_no.clone(),
                    reason: c.reason.clone(),
                    tasks,
                });
            }
        }
        None => {
            for c in from_cells {
                if !known(db, &c.unit, c.date, &c.doc_no) {
                    b.plan.criticisms.push(c);
                }
            }
        }
    }
    for (_, r) in records.referrals.iter().flatten() {
        let proposed = r.referral.proposed_on;
        if db
            .referrals
            .iter()
            .any(|(u, d)| *u == r.unit && *d == proposed)
        {
            continue;
        }
        b.unit(&r.unit, None);
        b.plan.referrals.push(r.clone());
    }
    // A liaison director must be a leader of the database or the plan.
    let names: HashSet<String> = b.plan.leaders.iter().map(|l| l.name.clone()).collect();
    let rows_of: HashMap<String, usize> = records
        .leaders
        .iter()
        .flatten()
        .map(|(n, l)| (l.name.clone(), *n))
        .collect();
    let mut unknown: Vec<(usize, String)> = Vec::new();
    for l in &b.plan.leaders {
        if let Some(x) = &l.liaison
            && db.leader(x).is_none()
            && !names.contains(x)
        {
            unknown.push((rows_of.get(&l.name).copied().unwrap_or(0), x.clone()));
        }
    }
    for (n, x) in unknown {
        b.error(
            Some(Sheet::Leaders),
            n,
            Problem::UnknownLiaison(cells::text(&x)),
        );
    }
    if records.units.is_none() {
        order_units(&mut b.plan, &rows);
    }
    (b.plan, b.errors)
}
