//! Fixtures several test crates build on: a store in memory with a county's townships, and the
//! header row of a ledger to import.

use duban::domain::{Thresholds, UnitKind};
use duban::store::{NewUnit, Store};

/// The header of a ledger file in Chinese, as the importer documents it.
pub const LEDGER_HEADER: [&str; 8] = [
    "督办事项",
    "主办单位",
    "协办单位",
    "会议日期",
    "会议议题",
    "责任领导",
    "办理时限",
    "办结日期",
];

/// A new store in memory holding the units `names`, each a township with no leader or contact.
pub fn townships(names: &[&str]) -> Store {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    for name in names {
        s.add_unit(NewUnit {
            name: (*name).into(),
            kind: UnitKind::Township,
            main_leader: None,
            contact: None,
        })
        .unwrap();
    }
    s
}
