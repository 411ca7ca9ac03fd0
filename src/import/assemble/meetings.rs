//! The meetings of a ledger's rows: those of a workbook's meetings sheet, else one per meeting id
//! or per date and first topic, made from what the rows say of it (its procedure then unknown).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Builder;
use crate::domain::Minutes;
use crate::import::Problem;
use crate::import::ledger::LedgerRow;
use crate::import::records::Records;
use crate::store::{MeetingRef, PlannedMeeting};

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
pub(super) fn row_meetings(
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
    let refs: Vec<Option<MeetingRef>> = rows
        .iter()
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
        .collect();
    for (r, m) in rows.iter().zip(&refs) {
        if r.1.minutes_awaited
            && let Some(MeetingRef::New(i)) = m
        {
            await_minutes(b, *i);
        }
    }
    refs
}

/// Records that the minutes of new meeting `i`, made from the ledger's rows, are awaited: a
/// row of it said 待纪要印发. Its minutes are then on record without an issue date (as while
/// they are drafted), so its tasks' default limit waits for them instead of being 时限未定
/// (`domain::task::state`). A meeting from the meetings sheet has its minutes from there.
fn await_minutes(b: &mut Builder<'_>, i: usize) {
    if let Some(m) = b.plan.meetings.get_mut(i)
        && m.procedure_unknown
        && m.minutes.is_none()
    {
        m.minutes = Some(Minutes::default());
    }
}
