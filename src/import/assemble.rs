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
use super::{Existing, Problem, RowError, cells};
use crate::domain::{LeaderTitle, Minutes, UnitKind};
use crate::exchange::Sheet;
use crate::store::{
    LedgerPlan, MeetingRef, PlannedCriticism, PlannedLeader, PlannedMeeting, PlannedTask,
    PlannedUnit,
};

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

/// The meeting a ledger row names when no meetings sheet gives it: its date, topics and the day
/// its minutes were issued; its procedure unknown.
fn ledger_meeting(r: &LedgerRow) -> PlannedMeeting {
    PlannedMeeting {
        date: r.meeting_date,
        topics: r.topics.clone(),
        procedure_unknown: true,
        minutes: r.issued_on.map(|d| Minutes {
            issued_on: Some(d),
            version: 1,
            ..Minutes::default()
        }),
        ..PlannedMeeting::default()
    }
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
    // Records from the sheets, by the ledger's task ids.
    let mut progress: HashMap<i64, Vec<(NaiveDate, String)>> = HashMap::new();
    let mut explanations: HashMap<i64, Vec<crate::store::PlannedExplanation>> = HashMap::new();
    let mut waivers: HashMap<i64, Vec<(NaiveDate, String)>> = HashMap::new();
    let keys: HashSet<i64> = rows.iter().filter_map(|(_, r)| r.key).collect();
    for (n, key, date, text) in records.progress.iter().flatten() {
        if keys.contains(key) {
            progress
                .entry(*key)
                .or_default()
                .push((*date, text.clone()));
        } else {
            b.error(Some(Sheet::Progress), *n, Problem::UnknownTask(*key));
        }
    }
    for (n, key, e) in records.explanations.iter().flatten() {
        if keys.contains(key) {
            explanations.entry(*key).or_default().push(e.clone());
        } else {
            b.error(Some(Sheet::Explanations), *n, Problem::UnknownTask(*key));
        }
    }
    for (n, key, date, reason) in records.waivers.iter().flatten() {
        if keys.contains(key) {
            waivers
                .entry(*key)
                .or_default()
                .push((*date, reason.clone()));
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
        let (task_progress, task_explanations) = match r.key {
            Some(k) if records.progress.is_some() || records.explanations.is_some() => (
                if records.progress.is_some() {
                    progress.remove(&k).unwrap_or_default()
                } else {
                    r.progress.clone()
                },
                if records.explanations.is_some() {
                    explanations.remove(&k).unwrap_or_default()
                } else {
                    r.explanations.clone()
                },
            ),
            _ => (r.progress.clone(), r.explanations.clone()),
        };
        // A workbook's waivers are in their sheet; a .csv's in the row.
        let task_waivers = match r.key {
            Some(k) if records.waivers.is_some() => waivers.remove(&k).unwrap_or_default(),
            _ => r.waivers.clone(),
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

/// How a ledger row names a meeting the meetings sheet does not give.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Group {
    /// By its id in the file: every row of it must say the same of it.
    Key(i64),
    /// By its date and first topic: it is what the first row says.
    DateTopic(NaiveDate, String),
}

/// The meeting of each row (`None`: refused, the row says another thing of its meeting than the
/// row before). The sheet's meetings are made first, every one of them (with tasks or not), then
/// those of the ledger alone; each kind in the order of their ids in the file, so that a list of
/// one day's meetings keeps its order.
fn row_meetings(
    b: &mut Builder<'_>,
    rows: &[&(usize, LedgerRow)],
    records: &Records,
) -> Vec<Option<MeetingRef>> {
    let mut sheet: Vec<&(usize, i64, PlannedMeeting)> = records.meetings.iter().flatten().collect();
    sheet.sort_by_key(|(_, key, _)| *key);
    let by_key: HashMap<i64, MeetingRef> = sheet
        .into_iter()
        .map(|(_, key, m)| (*key, b.meeting(m.clone())))
        .collect();
    let group = |r: &LedgerRow| match r.meeting_key {
        Some(k) => Group::Key(k),
        None => Group::DateTopic(
            r.meeting_date,
            r.topics.first().cloned().unwrap_or_default(),
        ),
    };
    let mut keyed: Vec<&&(usize, LedgerRow)> = rows
        .iter()
        .filter(|(_, r)| r.meeting_key.is_some_and(|k| !by_key.contains_key(&k)))
        .collect();
    keyed.sort_by_key(|(_, r)| r.meeting_key);
    // (the first row naming it, the meeting, what that row says of it)
    let mut seen: HashMap<Group, (usize, MeetingRef, PlannedMeeting)> = HashMap::new();
    for (n, r) in keyed {
        if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(group(r)) {
            let facts = ledger_meeting(r);
            e.insert((*n, b.meeting(facts.clone()), facts));
        }
    }
    rows.iter()
        .map(|(n, r)| {
            if let Some(m) = r.meeting_key.and_then(|k| by_key.get(&k)) {
                return Some(*m);
            }
            let facts = ledger_meeting(r);
            match seen.get(&group(r)) {
                // The first row naming a meeting by its id may come later in the ledger's order.
                Some((first, _, said)) if r.meeting_key.is_some() && *said != facts => {
                    b.error(None, *n, Problem::MeetingDiffers(*first));
                    None
                }
                Some((_, m, _)) => Some(*m),
                None => {
                    let m = b.meeting(facts.clone());
                    seen.insert(group(r), (*n, m, facts));
                    Some(m)
                }
            }
        })
        .collect()
}
