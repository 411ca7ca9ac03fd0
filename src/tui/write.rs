//! Saving a form: each [`Write`] as the store calls that make it. With `command.rs`, the only TUI
//! code that touches the database.

use chrono::NaiveDate;

use super::command::Write;
use crate::i18n::{Lang, Mk, Ui};
use crate::store::{Entity, MinutesSave, Store, StoreError};

/// What a save did, beyond the message the form gave it.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Ids of the records it created (meetings, tasks…), to select them.
    pub created: Vec<i64>,
    /// A consequence to tell the user.
    pub note: Option<Note>,
    /// How many records the save wrote in its one transaction when a form saves several rows
    /// (the attendance forms), so that `u` undoes them as one step; 0 otherwise.
    pub together: usize,
}

/// What a save says beyond "saved".
#[derive(Debug)]
pub enum Note {
    /// R5.7: the unit now has two criticisms within a year.
    ReferralDue(String),
    /// R5.7: the unit was due for referral before this criticism, and still is.
    StillReferralDue(String),
    /// The changes undone (one, or a step on several): their record kind and keys, and whether
    /// the undo removed the records.
    Undone {
        entity: Entity,
        keys: Vec<String>,
        removed: bool,
    },
    /// The undos made again: their record kind and keys.
    Redone { entity: Entity, keys: Vec<String> },
}

impl Note {
    /// The message of the save in the user's language: `done` (the form's message; for an undo,
    /// the key that redoes it) with the note.
    pub fn message(&self, lang: Lang, done: &str) -> String {
        let name = |e: Entity| crate::present::entity_name(lang, e);
        match self {
            Note::ReferralDue(unit) => {
                format!("{done} {}", lang.ui_fill(Ui::NowReferralDue, &[unit]))
            }
            Note::StillReferralDue(unit) => {
                format!("{done} {}", lang.ui_fill(Ui::StillReferralDue, &[unit]))
            }
            Note::Undone {
                entity,
                keys,
                removed,
            } => {
                let msg = if *removed {
                    Mk::UndoneRemoved
                } else {
                    Mk::UndoneRestored
                };
                lang.mk_fill(msg, &[&name(*entity), &joined(lang, keys), &done])
            }
            Note::Redone { entity, keys } => {
                lang.mk_fill(Mk::Redone, &[&name(*entity), &joined(lang, keys)])
            }
        }
    }
}

/// Record keys as a message lists them: `12、#13` (the first `#` is the message's).
pub fn joined(lang: Lang, keys: &[String]) -> String {
    let sep = match lang {
        Lang::Zh => "、#",
        Lang::En => ", #",
    };
    keys.join(sep)
}

fn created(id: i64) -> Outcome {
    Outcome {
        created: vec![id],
        ..Outcome::default()
    }
}

/// A form of several rows saved as one: `n` records written together.
fn rows_of(id: i64, n: usize) -> Outcome {
    Outcome {
        together: n,
        ..created(id)
    }
}

/// Applies one write.
pub fn apply(store: &mut Store, today: NaiveDate, w: Write) -> Result<Outcome, StoreError> {
    Ok(match w {
        Write::AddUnit(u) => created(store.add_unit(u)?.id),
        Write::UpdateUnit(u) => created(store.update_unit(&u)?.id),
        Write::SetAliases { unit, aliases } => {
            store.set_unit_aliases(&unit, &aliases)?;
            created(store.unit_by_name(&unit)?.id)
        }
        Write::AddLeader {
            name,
            title,
            liaison,
        } => created(store.add_leader(&name, title, liaison.as_deref())?.id),
        Write::UpdateLeader(l) => created(store.update_leader(&l)?.id),
        Write::AddMeeting(m) => created(store.add_meeting(m)?),
        Write::UpdateMeeting { id, expected, plan } => {
            store.update_meeting(id, expected, plan, today)?;
            created(id)
        }
        // R2.3, R3: the form's rows all or none, undone as one step.
        Write::Confirm { meeting, rows } => {
            store.confirm_attendees(meeting, &rows)?;
            rows_of(meeting, rows.len())
        }
        Write::Attendance { meeting, rows } => {
            store.record_attendance_rows(meeting, &rows, today)?;
            rows_of(meeting, rows.len())
        }
        Write::Minutes {
            meeting,
            expected,
            minutes,
            force,
        } => {
            let save = MinutesSave {
                expected,
                today,
                force,
            };
            store.save_minutes(meeting, save, |m| {
                let version = m.version;
                *m = *minutes;
                m.meeting_id = meeting;
                m.version = version;
            })?;
            created(meeting)
        }
        Write::Feedback {
            meeting,
            unit,
            answer,
        } => {
            store.record_feedback(meeting, &unit, answer)?;
            created(meeting)
        }
        Write::AddTasks(tasks) => Outcome {
            created: store.add_tasks(tasks)?,
            ..Outcome::default()
        },
        Write::UpdateTask { id, expected, edit } => {
            store.update_task(id, expected, edit)?;
            created(id)
        }
        // Several tasks at once: all or none (one transaction).
        Write::Progress { tasks, on, text } => {
            store.add_progress_to(&tasks, on, &text)?;
            Outcome::default()
        }
        Write::Complete { tasks, on, note } => {
            let tasks: Vec<(i64, Option<i64>)> =
                tasks.into_iter().map(|(id, v)| (id, Some(v))).collect();
            store.complete_tasks(&tasks, on, note)?;
            Outcome::default()
        }
        Write::Explain {
            tasks,
            submitted,
            promised,
            text,
        } => {
            store.add_explanations(&tasks, submitted, promised, text)?;
            Outcome::default()
        }
        Write::Criticise(c) => {
            let unit = c.unit.clone();
            let was_due = store.unit_detail(&unit, today)?.row.referral_due;
            let id = store.add_criticism(c)?;
            // R5.7: the second criticism within a year makes the unit due for referral; a unit
            // already due (a referral perhaps in progress) is not said to have just become so.
            let due = store.unit_detail(&unit, today)?.row.referral_due;
            Outcome {
                created: vec![id],
                note: match (was_due, due) {
                    (false, true) => Some(Note::ReferralDue(unit)),
                    (true, true) => Some(Note::StillReferralDue(unit)),
                    _ => None,
                },
                together: 0,
            }
        }
        Write::Waive { task, date, reason } => created(store.add_waiver(task, date, &reason)?),
        Write::Referral(step) => created(store.referral_step(step)?),
        Write::Undo { expect } => {
            let undone = match expect.as_slice() {
                [] => vec![store.undo_last()?],
                [one] => vec![store.undo_expecting(Some(*one))?],
                many => store.undo_batch(many)?,
            };
            let first = undone.first();
            Outcome {
                created: Vec::new(),
                note: first.map(|u| Note::Undone {
                    entity: u.entity,
                    keys: undone.iter().map(|u| u.entity_id.clone()).collect(),
                    removed: u.removed,
                }),
                together: 0,
            }
        }
        Write::Redo { count } => {
            let redone = match count {
                0 | 1 => vec![store.redo_last()?],
                n => store.redo_batch(n)?,
            };
            Outcome {
                created: Vec::new(),
                note: redone.first().map(|r| Note::Redone {
                    entity: r.entity,
                    keys: redone.iter().map(|r| r.entity_id.clone()).collect(),
                }),
                together: 0,
            }
        }
    })
}
