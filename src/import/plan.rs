//! Checking a units file and a leaders file row by row.

use std::collections::HashMap;

use super::header::{Field, Kind};
use super::{Checked, Existing, FileError, Problem, Sheet, cells, data_rows, is_totals, rules};
use crate::store::{NewLeader, NewUnit};

fn opt(s: &str) -> Option<String> {
    let s = cells::text(s);
    (!s.is_empty()).then_some(s)
}

/// Blank in the file, or the same as in the database.
fn same_or_blank(file: &Option<String>, db: &Option<String>) -> bool {
    file.is_none() || file == db
}

/// The units of a file: name and kind required, main leader and contact optional.
pub fn check_units(sheet: &Sheet, db: &Existing) -> Result<Checked<NewUnit>, FileError> {
    let (cols, rows) = data_rows(sheet, Kind::Units)?;
    let mut out = Checked::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, row) in rows {
        if is_totals(row) {
            out.totals.push(*n);
            continue;
        }
        let mut problems = Vec::new();
        let name = cells::text(cols.cell(row, Field::UnitName));
        let kind_cell = cols.cell(row, Field::UnitKind);
        let kind = cells::kind(kind_cell);
        if name.is_empty() {
            problems.push(Problem::Empty(Field::UnitName));
        }
        if kind_cell.is_empty() {
            problems.push(Problem::Empty(Field::UnitKind));
        } else if kind.is_none() {
            problems.push(Problem::UnknownKind(cells::text(kind_cell)));
        }
        let main_leader = opt(cols.cell(row, Field::MainLeader));
        let contact = opt(cols.cell(row, Field::Contact));
        problems.extend(rules::unit(
            &name,
            main_leader.as_deref(),
            contact.as_deref(),
        ));
        let unit = kind.map(|kind| NewUnit {
            name: name.clone(),
            kind,
            main_leader,
            contact,
        });
        if !name.is_empty() {
            if let Some(first) = seen.get(&name) {
                problems.push(Problem::DuplicateOf(*first));
            } else {
                seen.insert(name.clone(), *n);
            }
        }
        match (problems.is_empty(), unit, db.unit(&name)) {
            (true, Some(u), Some(e)) => {
                if u.kind == e.kind
                    && same_or_blank(&u.main_leader, &e.main_leader)
                    && same_or_blank(&u.contact, &e.contact)
                {
                    out.unchanged.push(*n);
                } else {
                    out.reject(*n, vec![Problem::UnitExists(name)]);
                }
            }
            (true, Some(u), None) => out.good.push((*n, u)),
            _ => out.reject(*n, problems),
        }
    }
    Ok(out)
}

/// The leaders of a file: name and title required, liaison director optional (a leader in the
/// database or in the file).
pub fn check_leaders(sheet: &Sheet, db: &Existing) -> Result<Checked<NewLeader>, FileError> {
    let (cols, rows) = data_rows(sheet, Kind::Leaders)?;
    let mut out = Checked::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, row) in rows {
        if is_totals(row) {
            out.totals.push(*n);
            continue;
        }
        let mut problems = Vec::new();
        let name = cells::text(cols.cell(row, Field::LeaderName));
        let title_cell = cols.cell(row, Field::Title);
        let title = cells::title(title_cell);
        let liaison = opt(cols.cell(row, Field::Liaison));
        if name.is_empty() {
            problems.push(Problem::Empty(Field::LeaderName));
        }
        if title_cell.is_empty() {
            problems.push(Problem::Empty(Field::Title));
        } else if title.is_none() {
            problems.push(Problem::UnknownTitle(cells::text(title_cell)));
        }
        problems.extend(rules::leader(&name, liaison.as_deref()));
        if !name.is_empty() && liaison.as_deref() == Some(name.as_str()) {
            problems.push(Problem::OwnLiaison(name.clone()));
        }
        if !name.is_empty() {
            if let Some(first) = seen.get(&name) {
                problems.push(Problem::DuplicateOf(*first));
            } else {
                seen.insert(name.clone(), *n);
            }
        }
        let leader = title.map(|title| NewLeader {
            name: name.clone(),
            title,
            liaison: liaison.clone(),
        });
        match (problems.is_empty(), leader, db.leader(&name)) {
            (true, Some(l), Some(e)) => {
                let db_liaison = e
                    .liaison_id
                    .and_then(|id| db.leaders.iter().find(|x| x.id == id))
                    .map(|x| x.name.clone());
                if l.title == e.title && same_or_blank(&l.liaison, &db_liaison) {
                    out.unchanged.push(*n);
                } else {
                    out.reject(*n, vec![Problem::LeaderExists(name)]);
                }
            }
            (true, Some(l), None) => out.good.push((*n, l)),
            _ => out.reject(*n, problems),
        }
    }
    // A liaison director must be in the database or among the leaders imported; a leader whose
    // liaison's row is refused is refused too (until nothing changes).
    loop {
        let known = |name: &str, good: &[(usize, NewLeader)]| {
            db.leader(name).is_some() || good.iter().any(|(_, l)| l.name == name)
        };
        let Some(i) = out
            .good
            .iter()
            .position(|(_, l)| l.liaison.as_deref().is_some_and(|x| !known(x, &out.good)))
        else {
            break;
        };
        let (n, l) = out.good.remove(i);
        out.reject(
            n,
            vec![Problem::UnknownLiaison(l.liaison.unwrap_or_default())],
        );
    }
    out.bad.sort_by_key(|e| e.row);
    Ok(out)
}
