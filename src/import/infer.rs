//! What a ledger alone does not say, inferred: a unit's kind from its name, a leader's title
//! from theirs, and the order units are made in so that lists by id keep the file's order.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::ledger::LedgerRow;
use crate::domain::{LeaderTitle, UnitKind};
use crate::store::{LedgerPlan, PlannedUnit};

/// A unit's kind from its name: …镇, …乡, …街道 are townships; …局, …委, …办, …中心 departments.
pub fn kind_of_name(name: &str) -> UnitKind {
    let name = name.trim();
    if ["镇", "乡", "街道"].iter().any(|s| name.ends_with(s)) {
        UnitKind::Township
    } else if ["局", "委", "办", "中心"].iter().any(|s| name.ends_with(s)) {
        UnitKind::Department
    } else {
        UnitKind::Other
    }
}

/// A leader's title from a name as ledgers write it (李副县长, 周主任), else deputy head.
pub fn title_of_name(name: &str) -> LeaderTitle {
    if name.contains("副县长") {
        LeaderTitle::DeputyHead
    } else if name.contains("县长") {
        LeaderTitle::CountyHead
    } else if name.contains("副主任") {
        LeaderTitle::DeputyDirector
    } else if name.contains("主任") {
        LeaderTitle::OfficeDirector
    } else {
        LeaderTitle::DeputyHead
    }
}

/// Orders the units to create so that each task's co-units, listed in the order of their ids in
/// the file, get their ids in that order again (a topological order of the lists, else the order
/// of first appearance): the ledger then lists them as the file did.
pub(super) fn order_units(plan: &mut LedgerPlan, rows: &[&(usize, LedgerRow)]) {
    let at: HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.as_str(), i))
        .collect();
    let n = plan.units.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before = vec![0usize; n];
    for (_, r) in rows {
        let listed: Vec<usize> = r
            .co_units
            .iter()
            .filter_map(|c| at.get(c.as_str()).copied())
            .collect();
        for pair in listed.windows(2) {
            if pair[0] != pair[1] && !after[pair[0]].contains(&pair[1]) {
                after[pair[0]].push(pair[1]);
                before[pair[1]] += 1;
            }
        }
    }
    // Kahn's algorithm, the earliest unit first among those free; a cycle (a file listing two
    // units both ways) leaves the rest in their order of appearance.
    let mut ready: BTreeSet<usize> = (0..n).filter(|i| before[*i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop_first() {
        order.push(i);
        for &j in &after[i] {
            before[j] -= 1;
            if before[j] == 0 {
                ready.insert(j);
            }
        }
    }
    let placed: HashSet<usize> = order.iter().copied().collect();
    order.extend((0..n).filter(|i| !placed.contains(i)));
    let mut units: Vec<Option<PlannedUnit>> = std::mem::take(&mut plan.units)
        .into_iter()
        .map(Some)
        .collect();
    plan.units = order.into_iter().filter_map(|i| units[i].take()).collect();
}
