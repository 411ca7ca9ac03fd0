//! R1–R4 over a period: each meeting held in it classified once, then counted or listed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::meeting::{NoticeStatus, notice_status};
use crate::domain::minutes::{feedback_status, minutes_due, minutes_status};
use crate::domain::report::{
    AttendanceFigures, ChairFigures, Count, FeedbackClass, LateMinutes, MeetingFigures,
    MinutesClass, MinutesFigures, NoticeFigures,
};
use crate::domain::{AttendanceOutcome, MeetingClass, MinutesStatus, Period};
use crate::store::{Result, Store};

/// One meeting held in the period, with its rules computed for `today`.
pub(super) struct Classified {
    id: i64,
    date: NaiveDate,
    chair_id: Option<i64>,
    chair: Option<String>,
    topics: i64,
    first_topic: Option<String>,
    notice: NoticeStatus,
    minutes: MinutesStatus,
    minutes_due: NaiveDate,
}

impl Store {
    /// The meetings held in `period`, oldest first, classified for `today`.
    pub(super) fn classify_meetings(
        &self,
        period: Period,
        today: NaiveDate,
    ) -> Result<Vec<Classified>> {
        let (cal, t) = (&self.cal, &self.thresholds);
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.date, m.notice_date, m.emergency, m.chair_id, l.name,
                    (SELECT count(*) FROM meeting_topic mt WHERE mt.meeting_id = m.id),
                    (SELECT topic FROM meeting_topic mt WHERE mt.meeting_id = m.id ORDER BY seq LIMIT 1),
                    mi.issued_on, m.procedure_unknown
             FROM meeting m LEFT JOIN leader l ON l.id = m.chair_id
                            LEFT JOIN minutes mi ON mi.meeting_id = m.id
             WHERE m.date BETWEEN ?1 AND ?2 ORDER BY m.date, m.id",
        )?;
        let rows = stmt.query_map((period.from, period.to), |r| {
            let date: NaiveDate = r.get(1)?;
            // What happened after `today` has not happened yet, seen from `today`.
            let issued: Option<NaiveDate> = r.get(8)?;
            let issued = issued.filter(|d| *d <= today);
            let notice: Option<NaiveDate> = r.get(2)?;
            let notice = notice.filter(|d| *d <= today);
            // An imported meeting whose procedure is unknown is not judged (R2.2, R4.4).
            let unknown: bool = r.get(9)?;
            Ok(Classified {
                id: r.get(0)?,
                date,
                chair_id: r.get(4)?,
                chair: r.get(5)?,
                topics: r.get(6)?,
                first_topic: r.get(7)?,
                notice: if unknown {
                    NoticeStatus::Unknown
                } else {
                    notice_status(cal, t, date, notice, r.get(3)?, today)
                },
                minutes: if unknown {
                    MinutesStatus::Unknown { issued_on: issued }
                } else {
                    minutes_status(cal, t, date, issued, today)
                },
                minutes_due: minutes_due(cal, t, date).date,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The meetings behind a figure of R1–R4 over `period`, newest first (the meetings list's order).
    pub fn report_meetings(
        &self,
        period: Period,
        class: MeetingClass,
        today: NaiveDate,
    ) -> Result<Vec<i64>> {
        let classified = self.classify_meetings(period, today)?;
        let mut ids: Vec<i64> = match class {
            MeetingClass::Attendance(unit, outcome) => {
                self.attendance_meetings(period, unit, outcome)?
            }
            MeetingClass::Feedback(class) => self
                .feedback_classes(period, today)?
                .into_iter()
                .filter(|(_, c)| *c == class)
                .map(|(id, _)| id)
                .collect(),
            _ => classified
                .iter()
                .filter(|m| match class {
                    MeetingClass::All => true,
                    MeetingClass::Chair(c) => m.chair_id == c,
                    MeetingClass::Month(y, mo) => m.date.year() == y && m.date.month() == mo,
                    MeetingClass::Notice(n) => m.notice == n,
                    MeetingClass::Minutes(c) => MinutesClass::of(m.minutes) == c,
                    MeetingClass::Attendance(..) | MeetingClass::Feedback(_) => false,
                })
                .map(|m| m.id)
                .collect(),
        };
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.dedup();
        // The meetings list's order: newest date first, then id.
        let date_of: BTreeMap<i64, NaiveDate> = classified.iter().map(|m| (m.id, m.date)).collect();
        ids.sort_by(|a, b| date_of.get(b).cmp(&date_of.get(a)).then(b.cmp(a)));
        Ok(ids)
    }

    fn attendance_meetings(
        &self,
        period: Period,
        unit: i64,
        outcome: AttendanceOutcome,
    ) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.meeting_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
             WHERE m.date BETWEEN ?1 AND ?2 AND a.unit_id = ?3 AND a.outcome = ?4",
        )?;
        let rows = stmt.query_map((period.from, period.to, unit, outcome.code()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// R3: attendance per unit at the meetings held in `period`.
    pub(super) fn attendance_figures(&self, period: Period) -> Result<Vec<AttendanceFigures>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.unit_id, u.name, a.outcome, count(*) FROM attendance a
             JOIN meeting m ON m.id = a.meeting_id JOIN unit u ON u.id = a.unit_id
             WHERE m.date BETWEEN ?1 AND ?2 AND a.outcome IS NOT NULL
             GROUP BY a.unit_id, a.outcome",
        )?;
        let rows = stmt.query_map((period.from, period.to), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut by_unit: BTreeMap<i64, AttendanceFigures> = BTreeMap::new();
        for row in rows {
            let (id, name, outcome, n) = row?;
            let f = by_unit.entry(id).or_insert_with(|| AttendanceFigures {
                unit_id: id,
                unit: name,
                ..AttendanceFigures::default()
            });
            match AttendanceOutcome::from_code(&outcome) {
                Some(AttendanceOutcome::LeaderAttended) => f.leader_attended += n,
                Some(AttendanceOutcome::AuthorisedRepresentative) => {
                    f.authorised_representative += n;
                }
                Some(AttendanceOutcome::Absent) => f.absent += n,
                Some(AttendanceOutcome::UnauthorisedSubstitute) => f.unauthorised_substitute += n,
                None => {}
            }
        }
        // In the units list's order (townships, then departments, as entered).
        Ok(self
            .units()?
            .iter()
            .filter_map(|u| by_unit.remove(&u.id))
            .collect())
    }

    /// R4.3: each answer (or silence) of the feedback rounds sent in `period`, by meeting.
    fn feedback_classes(
        &self,
        period: Period,
        today: NaiveDate,
    ) -> Result<Vec<(i64, FeedbackClass)>> {
        let (cal, t) = (&self.cal, &self.thresholds);
        let mut stmt = self.conn.prepare_cached(
            "SELECT mi.meeting_id, mi.feedback_sent_on, f.received_on FROM minutes mi
             JOIN feedback f ON f.meeting_id = mi.meeting_id
             WHERE mi.feedback_sent_on BETWEEN ?1 AND ?2 AND mi.feedback_sent_on <= ?3",
        )?;
        let rows = stmt.query_map((period.from, period.to, today), |r| {
            let sent: NaiveDate = r.get(1)?;
            let received: Option<NaiveDate> = r.get(2)?;
            let received = received.filter(|d| *d <= today);
            Ok((
                r.get(0)?,
                FeedbackClass::of(feedback_status(cal, t, sent, received, today)),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// R4.4 and R4.3.
    pub(super) fn minutes_figures(
        &self,
        classified: &[Classified],
        period: Period,
        today: NaiveDate,
    ) -> Result<MinutesFigures> {
        let mut f = MinutesFigures::default();
        for m in classified {
            match m.minutes {
                MinutesStatus::IssuedOnTime { .. } => f.issued_on_time += 1,
                MinutesStatus::IssuedLate {
                    issued_on,
                    workdays_late,
                } => {
                    f.issued_late += 1;
                    f.late.push(late(m, Some(issued_on), workdays_late));
                }
                MinutesStatus::Overdue { workdays_over } => {
                    f.overdue += 1;
                    f.late.push(late(m, None, workdays_over));
                }
                MinutesStatus::Drafting { .. } => f.drafting += 1,
                MinutesStatus::Unknown { .. } => f.unknown += 1,
            }
        }
        for (_, class) in self.feedback_classes(period, today)? {
            match class {
                FeedbackClass::OnTime => f.feedback_on_time += 1,
                FeedbackClass::Late => f.feedback_late += 1,
                FeedbackClass::DeemedConsent => f.feedback_deemed_consent += 1,
                FeedbackClass::Waiting => f.feedback_waiting += 1,
            }
        }
        Ok(f)
    }
}

fn late(m: &Classified, issued_on: Option<NaiveDate>, workdays_late: i64) -> LateMinutes {
    LateMinutes {
        meeting_id: m.id,
        meeting_date: m.date,
        topic: m.first_topic.clone().unwrap_or_default(),
        due: m.minutes_due,
        issued_on,
        workdays_late,
    }
}

/// R1.3: meetings and topics per chair (most meetings first) and per month.
pub(super) fn meeting_figures(classified: &[Classified], period: Period) -> MeetingFigures {
    let mut chairs: BTreeMap<Option<i64>, ChairFigures> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), i64> =
        period.months().into_iter().map(|m| (m, 0)).collect();
    for m in classified {
        let c = chairs.entry(m.chair_id).or_insert_with(|| ChairFigures {
            chair_id: m.chair_id,
            chair: m.chair.clone().unwrap_or_default(),
            meetings: 0,
            topics: 0,
        });
        c.meetings += 1;
        c.topics += m.topics;
        *months.entry((m.date.year(), m.date.month())).or_default() += 1;
    }
    let mut per_chair: Vec<ChairFigures> = chairs.into_values().collect();
    per_chair.sort_by(|a, b| {
        (b.meetings, a.chair_id.is_none(), &a.chair).cmp(&(
            a.meetings,
            b.chair_id.is_none(),
            &b.chair,
        ))
    });
    MeetingFigures {
        meetings: classified.len() as i64,
        topics: classified.iter().map(|m| m.topics).sum(),
        per_chair,
        per_month: months
            .into_iter()
            .map(|((y, m), count)| Count {
                name: format!("{y}-{m:02}"),
                count,
            })
            .collect(),
    }
}

/// R2.2: the notice of each meeting held in the period.
pub(super) fn notice_figures(classified: &[Classified]) -> NoticeFigures {
    let mut f = NoticeFigures::default();
    for m in classified {
        match m.notice {
            NoticeStatus::OnTime => f.on_time += 1,
            NoticeStatus::Late => f.late += 1,
            NoticeStatus::Emergency => f.emergency += 1,
            NoticeStatus::Missing => f.missing += 1,
            NoticeStatus::NotYetSent => f.not_yet += 1,
            NoticeStatus::Unknown => f.unknown += 1,
        }
    }
    f
}
