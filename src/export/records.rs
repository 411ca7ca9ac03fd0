//! The record sheets of a full ledger workbook ([`crate::exchange::Sheet`]): every meeting with its
//! minutes, attendance and feedback, every progress report, explanation, criticism and referral,
//! and the units and leaders, keyed by the ledger's ids, so that an import rebuilds the same
//! database. A ledger of some tasks only carries their meetings and records.

use std::collections::{HashMap, HashSet};

use rust_xlsxwriter::Workbook;

use super::ExportError;
use super::ledger::Heading;
use super::print::{
    Look, Value, fit_titles, lines_in, page_setup, row_height, subtitle, write_titles,
};
use crate::exchange::Sheet;
use crate::i18n::{Lang, Xch};
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
                for u in units {
                    each(
                        sheet,
                        vec![
                            Value::text(clean(&u.name)),
                            Value::Text(lang.unit_kind(u.kind).into()),
                            opt(&u.main_leader),
                            opt(&u.contact),
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
            Sheet::Referrals => {
                if kept.whole {
                    for r in s.referrals(None)? {
                        each(
                            sheet,
                            vec![
                                self.unit(r.unit_id),
                                Value::Date(r.proposed_on),
                                Value::date(r.approved_on),
                                Value::date(r.referred_on),
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

/// A column's width in a record sheet, by what it holds.
fn width(col: Xch) -> f64 {
    use Xch::*;
    match col {
        MeetingId | Id | Emergency | ProcedureUnknown | Inactive | Confirmed | Sealed | Copied
        | ArchivedSignIn | ArchivedRecord | ArchivedFeedback => 9.0,
        // A progress report or an explanation, and its task, mostly on one line.
        Content | Task => 44.0,
        Topics | Opinion | Reason | ReferralOutcome | NotReferredReason | Contact => 32.0,
        Unit | Name | Number | DocNo | Place | Tasks => 18.0,
        _ => 12.0,
    }
}

/// The sheets of `Sheet::ALL` after the ledger, each with a title row, a frozen header and the
/// records of `kept`, set up to print.
pub(super) fn write_record_sheets(
    workbook: &mut Workbook,
    lang: Lang,
    src: &dyn RecordSource,
    kept: &Kept,
    heading: &Heading<'_>,
    look: &Look,
) -> Result<(), ExportError> {
    // Sheets are added in order; the four meeting sheets are written in one walk, each row to
    // its own sheet (rows are still written in order within each sheet).
    let first = workbook.worksheets().len();
    let mut next_row: HashMap<Sheet, u32> = HashMap::new();
    for (i, sheet) in Sheet::ALL.iter().enumerate() {
        let ws = workbook.add_worksheet_with_constant_memory()?;
        let name = sheet.name(lang);
        ws.set_name(name)?;
        let cols = sheet.columns();
        let mut widths: Vec<f64> = cols.iter().map(|c| width(*c)).collect();
        let line = subtitle(lang, &[], heading.today, heading.exported_at);
        fit_titles(&mut widths, name, &line);
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        write_titles(ws, look, name, &line, &widths)?;
        for (c, col) in cols.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, lang.xch(*col), &look.header)?;
        }
        ws.set_row_height(2, row_height(2))?;
        ws.set_freeze_panes(3, 0)?;
        next_row.insert(*sheet, 3);
        debug_assert_eq!(workbook.worksheets().len(), first + i + 1);
    }
    let index = |s: Sheet| first + Sheet::ALL.iter().position(|x| *x == s).unwrap_or(0);
    {
        let mut write = |s: Sheet, values: Vec<Value>| -> Result<(), ExportError> {
            let row = next_row.entry(s).or_insert(3);
            let ws = workbook.worksheet_from_index(index(s))?;
            let lines = values
                .iter()
                .zip(s.columns())
                .map(|(v, col)| lines_in(v, width(*col)))
                .max()
                .unwrap_or(1);
            if lines > 1 {
                ws.set_row_height(*row, row_height(lines))?;
            }
            for (c, v) in values.iter().enumerate() {
                look.write(ws, *row, c as u16, v, None)?;
            }
            *row += 1;
            Ok(())
        };
        for sheet in Sheet::ALL {
            if matches!(sheet, Sheet::Minutes | Sheet::Attendance | Sheet::Feedback) {
                continue; // written with the meetings
            }
            src.rows(lang, sheet, kept, &mut write)?;
        }
    }
    for sheet in Sheet::ALL {
        let ws = workbook.worksheet_from_index(index(sheet))?;
        let last = next_row.get(&sheet).copied().unwrap_or(3).saturating_sub(1);
        let last_col = sheet.columns().len() as u16 - 1;
        page_setup(
            ws,
            lang,
            sheet.name(lang),
            heading.today,
            (2, 2),
            last,
            last_col,
        )?;
    }
    Ok(())
}
