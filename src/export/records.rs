//! The record sheets of a full ledger workbook ([`crate::exchange::Sheet`]): every meeting with its
//! minutes, attendance and feedback, every progress report, explanation, criticism, waiver and
//! referral, and the units and leaders, keyed by the ledger's ids, so that an import rebuilds the
//! same database. A ledger of some tasks only carries their meetings and records.

use std::collections::{HashMap, HashSet};

use super::ExportError;
use super::print::Value;
use crate::exchange::Sheet;
use crate::i18n::Lang;
use crate::store::{MeetingFull, Store, StoreError};

/// The tasks and meetings a ledger holds; `whole` when it holds every task.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub whole: bool,
    pub tasks: HashSet<i64>,
    pub meetings: HashSet<i64>,
}

impl Kept {
    fn task(&self, id: i64) -> bool {
        self.whole || self.tasks.contains(&id)
    }

    fn meeting(&self, id: i64) -> bool {
        self.whole || self.meetings.contains(&id)
    }
}

/// Where the record sheets' rows come from.
pub trait RecordSource {
    /// Whether the ledger holds every task (then every record is written).
    fn whole(&self) -> bool;

    /// Calls `each` with the rows of `sheet` that belong with `kept`, in
    /// [`Sheet::columns`]' order. The meetings' sheets (meetings, minutes, attendance, feedback)
    /// come from one walk: `each` is called with the sheet each row belongs to.
    fn rows(
        &self,
        lang: Lang,
        sheet: Sheet,
        kept: &Kept,
        each: &mut dyn FnMut(Sheet, Vec<Value>) -> Result<(), ExportError>,
    ) -> Result<(), ExportError>;
}

/// The records of a store.
pub struct StoreRecords<'a> {
    store: &'a Store,
    whole: bool,
    units: HashMap<i64, String>,
    leaders: HashMap<i64, String>,
}

impl<'a> StoreRecords<'a> {
    pub fn new(store: &'a Store, whole: bool) -> Result<StoreRecords<'a>, StoreError> {
        Ok(StoreRecords {
            store,
            whole,
            units: store.units()?.into_iter().map(|u| (u.id, u.name)).collect(),
            leaders: store
                .leaders()?
                .into_iter()
                .map(|l| (l.id, l.name))
                .collect(),
        })
    }

    fn unit(&self, id: i64) -> Value {
        Value::text(self.units.get(&id).map(|n| clean(n)).unwrap_or_default())
    }

    fn leader(&self, id: Option<i64>) -> Value {
        Value::text(
            id.and_then(|id| self.leaders.get(&id))
                .map(|n| clean(n))
                .unwrap_or_default(),
        )
    }
}

/// A stored text for a cell: one line (a line break becomes a space), control characters gone.
fn clean(s: &str) -> String {
    super::cell(s).trim().to_string()
}

fn opt(s: &Option<String>) -> Value {
    Value::text(s.as_deref().map(clean).unwrap_or_default())
}

fn flag(lang: Lang, b: bool) -> Value {
    Value::Text(lang.yes_no(b).to_string())
}

/// The rows of the four meeting sheets for one meeting.
fn meeting_rows(
    src: &StoreRecords<'_>,
    lang: Lang,
    m: &MeetingFull,
    each: &mut dyn FnMut(Sheet, Vec<Value>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mt = &m.meeting;
    let id = Value::Int(mt.id);
    each(
        Sheet::Meetings,
        vec![
            id.clone(),
            Value::Date(mt.date),
            Value::text(
                mt.topics
                    .iter()
                    .map(|t| clean(t))
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
            opt(&mt.number),
            Value::text(
                mt.time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
            ),
            opt(&mt.place),
            src.leader(mt.chair_id),
            src.leader(mt.liaison_id),
            opt(&mt.plan_approved_by),
            Value::date(mt.plan_approved_on),
            Value::date(mt.notice_date),
            flag(lang, mt.emergency),
            flag(lang, mt.procedure_unknown),
        ],
    )?;
    if let Some(mi) = &m.minutes {
        each(
            Sheet::Minutes,
            vec![
                id.clone(),
                opt(&mi.drafter),
                opt(&mi.drafter_phone),
                opt(&mi.drafter_fax),
                opt(&mi.drafter_email),
                opt(&mi.reviewer),
                Value::date(mi.reviewed_on),
                Value::date(mi.feedback_sent_on),
                opt(&mi.signed_by),
                Value::date(mi.signed_on),
                Value::date(mi.issued_on),
                flag(lang, mi.copied_to_supervision),
                flag(lang, mi.archived_sign_in),
                flag(lang, mi.archived_record),
                flag(lang, mi.archived_feedback),
            ],
        )?;
    }
    for a in &m.attendance {
        each(
            Sheet::Attendance,
            vec![
                id.clone(),
                src.unit(a.unit_id),
                opt(&a.attendee),
                opt(&a.role),
                flag(lang, a.confirmed),
                Value::text(a.outcome.map(|o| lang.attendance(o)).unwrap_or_default()),
            ],
        )?;
    }
    for f in &m.feedback {
        each(
            Sheet::Feedback,
            vec![
                id.clone(),
                src.unit(f.unit_id),
                Value::date(f.received_on),
                opt(&f.opinion),
                opt(&f.signer),
                opt(&f.signer_post),
                flag(lang, f.sealed),
            ],
        )?;
    }
    Ok(())
}

impl RecordSource for StoreRecords<'_> {
    fn whole(&self) -> bool {
        self.whole
    }

    fn rows(
        &self,
        lang: Lang,
        sheet: Sheet,
        kept: &Kept,
        each: &mut dyn FnMut(Sheet, Vec<Value>) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let s = self.store;
        match sheet {
            // In the order of their ids, which an import keeps (lists by id stay in order).
            Sheet::Units => {
                let mut units = s.units()?;
                units.sort_by_key(|u| u.id);
                let aliases = s.all_unit_aliases()?;
                for u in units {
                    let short = aliases.get(&u.id).map(|a| a.join("、")).unwrap_or_default();
                    each(
                        sheet,
                        vec![
                            Value::text(clean(&u.name)),
                            Value::Text(lang.unit_kind(u.kind).into()),
                            opt(&u.main_leader),
                            opt(&u.contact),
                            Value::text(clean(&short)),
                            flag(lang, !u.active),
                        ],
                    )?;
                }
            }
            Sheet::Leaders => {
                let mut leaders = s.leaders()?;
                leaders.sort_by_key(|l| l.id);
                for l in leaders {
                    each(
                        sheet,
                        vec![
                            Value::text(clean(&l.name)),
                            Value::Text(lang.leader_title(l.title).into()),
                            self.leader(l.liaison_id),
                            flag(lang, !l.active),
                        ],
                    )?;
                }
            }
            Sheet::Meetings | Sheet::Minutes | Sheet::Attendance | Sheet::Feedback => {
                s.for_each_meeting_full(|m| {
                    if kept.meeting(m.meeting.id) {
                        meeting_rows(self, lang, &m, each)?;
                    }
                    Ok::<_, ExportError>(())
                })?;
            }
            Sheet::Progress => s.for_each_progress(|p, task| {
                if kept.task(p.task_id) {
                    each(
                        sheet,
                        vec![
                            Value::Int(p.task_id),
                            Value::Date(p.reported_on),
                            Value::text(clean(&p.text)),
                            Value::text(clean(&task)),
                        ],
                    )?;
                }
                Ok::<_, ExportError>(())
            })?,
            Sheet::Explanations => s.for_each_explanation(|e, task| {
                if kept.task(e.task_id) {
                    each(
                        sheet,
                        vec![
                            Value::Int(e.task_id),
                            Value::Date(e.submitted_on),
                            Value::Date(e.promised_on),
                            opt(&e.text),
                            Value::text(clean(&task)),
                        ],
                    )?;
                }
                Ok::<_, ExportError>(())
            })?,
            Sheet::Criticisms => {
                for c in s.criticisms(None)? {
                    let c = c.criticism;
                    let tasks: Vec<String> = c
                        .task_ids
                        .iter()
                        .filter(|t| kept.task(**t))
                        .map(|t| t.to_string())
                        .collect();
                    if kept.whole || !tasks.is_empty() {
                        each(
                            sheet,
                            vec![
                                self.unit(c.unit_id),
                                Value::Date(c.date),
                                opt(&c.doc_no),
                                opt(&c.reason),
                                Value::text(tasks.join("、")),
                            ],
                        )?;
                    }
                }
            }
            Sheet::Waivers => s.for_each_waiver(|w, task| {
                if kept.task(w.task_id) {
                    each(
                        sheet,
                        vec![
                            Value::Int(w.task_id),
                            Value::Date(w.date),
                            Value::text(clean(&w.reason)),
                            Value::text(clean(&task)),
                        ],
                    )?;
                }
                Ok::<_, ExportError>(())
            })?,
            Sheet::Referrals => {
                if kept.whole {
                    for r in s.referrals(None)? {
                        each(
                            sheet,
                            vec![
                                self.unit(r.unit_id),
                                Value::Date(r.proposed_on),
                                opt(&r.proposal_reason),
                                Value::date(r.approved_on),
                                opt(&r.approval),
                                Value::date(r.referred_on),
                                opt(&r.decision),
                                Value::date(r.concluded_on),
                                opt(&r.outcome),
                                Value::date(r.not_referred_on),
                                opt(&r.reason),
                            ],
                        )?;
                    }
                }
            }
        }
        Ok(())
    }
}
