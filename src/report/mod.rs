//! A [`Report`] as labelled tables in the user's language: the one layout that `duban report`
//! prints, the report workbook writes one sheet per table of, and the reports screen shows.

use crate::domain::report::UnitFigures;
use crate::domain::{Light, Report};
use crate::i18n::{Lang, Rep};

mod labels;
pub use labels::{meeting_class_label, task_class_label};

/// Which table of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The key figures of every rule.
    Summary,
    /// R1.3: meetings per chair.
    Chairs,
    /// R1.3: meetings per month.
    Months,
    /// R2.2: notices.
    Notices,
    /// R3: attendance per unit.
    Attendance,
    /// R4.4: minutes issued late or overdue.
    Minutes,
    /// R5: tasks and accountability per unit.
    Units,
    /// Lights today of the tasks decided at the period's meetings.
    Lights,
    /// Open overdue tasks at each month's end.
    Trend,
}

impl Part {
    pub const ALL: [Part; 9] = [
        Part::Summary,
        Part::Chairs,
        Part::Months,
        Part::Notices,
        Part::Attendance,
        Part::Minutes,
        Part::Units,
        Part::Lights,
        Part::Trend,
    ];
}

/// One table: a title, headers and rows of text cells; `numeric[i]` when column i holds numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A rate as a percentage with one decimal, or a dash when there is nothing to divide by.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
}

/// The period line: "统计期间 2026-01-01 至 2026-12-31".
pub fn period_line(r: &Report, l: Lang) -> String {
    fill(l, Rep::Period, &[&r.period.from, &r.period.to])
}

pub fn fill(l: Lang, m: Rep, args: &[&dyn std::fmt::Display]) -> String {
    crate::i18n::fill_template(l.rep(m), args)
}

fn pair(l: Lang, m: Rep, v: impl ToString) -> Vec<String> {
    vec![l.rep(m).to_string(), v.to_string()]
}

fn heads(l: Lang, ms: &[Rep]) -> Vec<String> {
    ms.iter().map(|m| l.rep(*m).to_string()).collect()
}

/// The key figures of every rule, as (figure, value) rows.
fn summary(r: &Report, l: Lang) -> Vec<Vec<String>> {
    let (m, n, mi, t) = (&r.meetings, &r.notices, &r.minutes, r.totals());
    let due_units = r.units.iter().filter(|u| u.referral_due).count();
    let mut rows = vec![
        pair(l, Rep::Meetings, m.meetings),
        pair(l, Rep::Topics, m.topics),
        pair(
            l,
            Rep::TopicsPerMeeting,
            m.topics_per_meeting()
                .map_or("—".into(), |x| format!("{x:.1}")),
        ),
        pair(l, Rep::NoticeOnTime, n.on_time),
        pair(l, Rep::NoticeLate, n.late),
        pair(l, Rep::NoticeEmergency, n.emergency),
        pair(l, Rep::NoticeMissing, n.missing),
        pair(l, Rep::NoticeNotYet, n.not_yet),
        pair(l, Rep::MinutesOnTime, mi.issued_on_time),
        pair(l, Rep::MinutesLate, mi.issued_late),
        pair(l, Rep::MinutesOverdue, mi.overdue),
        pair(l, Rep::MinutesDrafting, mi.drafting),
        pair(l, Rep::MinutesRate, percent(mi.on_time_rate())),
        pair(l, Rep::FeedbackOnTime, mi.feedback_on_time),
        pair(l, Rep::FeedbackLate, mi.feedback_late),
        pair(l, Rep::FeedbackDeemed, mi.feedback_deemed_consent),
        pair(l, Rep::FeedbackWaiting, mi.feedback_waiting),
        pair(l, Rep::Due, t.due),
        pair(l, Rep::DoneOnTime, t.done_on_time),
        pair(l, Rep::DoneLate, t.done_late),
        pair(l, Rep::OpenOverdue, t.open_overdue),
        pair(l, Rep::OnTimeRate, percent(t.on_time_rate())),
        pair(l, Rep::ExemptStale, t.exempt_stale),
        pair(l, Rep::Explanations, t.explanations),
        pair(l, Rep::PromisesKept, t.promises_kept),
        pair(l, Rep::PromisesMissed, t.promises_missed),
        pair(l, Rep::Criticisms, t.criticisms),
        pair(l, Rep::Referrals, t.referrals),
        pair(l, Rep::ReferralDue, due_units),
    ];
    // Imported meetings whose procedure is unknown are counted as meetings, not judged.
    if n.unknown > 0 {
        rows.insert(3, pair(l, Rep::ProcedureUnknown, n.unknown));
    }
    rows
}

fn unit_row(u: &UnitFigures, name: String, l: Lang) -> Vec<String> {
    vec![
        name,
        u.due.to_string(),
        u.done_on_time.to_string(),
        u.done_late.to_string(),
        u.open_overdue.to_string(),
        percent(u.on_time_rate()),
        u.exempt_stale.to_string(),
        u.explanations.to_string(),
        u.promises_kept.to_string(),
        u.promises_missed.to_string(),
        u.criticisms.to_string(),
        u.criticisms_rolling_year.to_string(),
        u.referrals.to_string(),
        if u.referral_due {
            l.rep(Rep::ReferralDue).to_string()
        } else {
            String::new()
        },
    ]
}

/// The unit table's headers (R5).
pub const UNIT_COLUMNS: [Rep; 14] = [
    Rep::Unit,
    Rep::Due,
    Rep::DoneOnTime,
    Rep::DoneLate,
    Rep::OpenOverdue,
    Rep::OnTimeRate,
    Rep::ExemptStale,
    Rep::Explanations,
    Rep::PromisesKept,
    Rep::PromisesMissed,
    Rep::Criticisms,
    Rep::CriticismsYear,
    Rep::Referrals,
    Rep::ReferralDue,
];

/// The light's name in the user's language.
fn light(l: Lang, x: Light) -> String {
    l.light(x).to_string()
}

/// One table of the report.
pub fn sheet(r: &Report, part: Part, l: Lang) -> Sheet {
    let (title, headers, rows): (Rep, Vec<String>, Vec<Vec<String>>) = match part {
        Part::Summary => (
            Rep::SecSummary,
            heads(l, &[Rep::Figure, Rep::Value]),
            summary(r, l),
        ),
        Part::Chairs => (
            Rep::SecMeetings,
            heads(l, &[Rep::Chair, Rep::Meetings, Rep::Topics]),
            r.meetings
                .per_chair
                .iter()
                .map(|c| {
                    let name = if c.chair_id.is_none() {
                        l.rep(Rep::NoChair).to_string()
                    } else {
                        c.chair.clone()
                    };
                    vec![name, c.meetings.to_string(), c.topics.to_string()]
                })
                .collect(),
        ),
        Part::Months => (
            Rep::SecMeetings,
            heads(l, &[Rep::Month, Rep::Meetings]),
            r.meetings
                .per_month
                .iter()
                .map(|m| vec![m.name.clone(), m.count.to_string()])
                .collect(),
        ),
        Part::Notices => {
            let n = &r.notices;
            (
                Rep::SecNotices,
                heads(l, &[Rep::Figure, Rep::Count]),
                vec![
                    pair(l, Rep::NoticeOnTime, n.on_time),
                    pair(l, Rep::NoticeLate, n.late),
                    pair(l, Rep::NoticeEmergency, n.emergency),
                    pair(l, Rep::NoticeMissing, n.missing),
                    pair(l, Rep::NoticeNotYet, n.not_yet),
                ]
                .into_iter()
                .chain((n.unknown > 0).then(|| pair(l, Rep::ProcedureUnknown, n.unknown)))
                .collect(),
            )
        }
        Part::Attendance => (
            Rep::SecAttendance,
            heads(
                l,
                &[
                    Rep::Unit,
                    Rep::LeaderAttended,
                    Rep::Representative,
                    Rep::Absent,
                    Rep::Substitute,
                    Rep::Compliance,
                ],
            ),
            r.attendance
                .iter()
                .map(|a| {
                    vec![
                        a.unit.clone(),
                        a.leader_attended.to_string(),
                        a.authorised_representative.to_string(),
                        a.absent.to_string(),
                        a.unauthorised_substitute.to_string(),
                        percent(a.compliance()),
                    ]
                })
                .collect(),
        ),
        Part::Minutes => (
            Rep::LateMinutesList,
            heads(
                l,
                &[
                    Rep::MeetingDate,
                    Rep::Topic,
                    Rep::DueOn,
                    Rep::IssuedOn,
                    Rep::WorkdaysLate,
                ],
            ),
            r.minutes
                .late
                .iter()
                .map(|m| {
                    vec![
                        m.meeting_date.to_string(),
                        m.topic.clone(),
                        m.due.to_string(),
                        m.issued_on
                            .map_or_else(|| l.rep(Rep::NotIssued).to_string(), |d| d.to_string()),
                        m.workdays_late.to_string(),
                    ]
                })
                .collect(),
        ),
        Part::Units => {
            let mut rows: Vec<Vec<String>> = r
                .units
                .iter()
                .map(|u| unit_row(u, u.unit.clone(), l))
                .collect();
            if !r.units.is_empty() {
                rows.push(unit_row(&r.totals(), l.rep(Rep::Total).to_string(), l));
            }
            (Rep::SecUnits, heads(l, &UNIT_COLUMNS), rows)
        }
        Part::Lights => (
            Rep::SecLights,
            vec![
                fill(l, Rep::LightsOfDecided, &[&r.as_of]),
                l.rep(Rep::Count).to_string(),
            ],
            Light::ALL
                .iter()
                .map(|x| {
                    let n = r.lights.iter().find(|(y, _)| y == x).map_or(0, |(_, n)| *n);
                    vec![light(l, *x), n.to_string()]
                })
                .collect(),
        ),
        Part::Trend => (
            Rep::SecTrend,
            heads(l, &[Rep::Month, Rep::OverdueAtMonthEnd]),
            r.overdue_trend
                .iter()
                .map(|m| vec![m.name.clone(), m.count.to_string()])
                .collect(),
        ),
    };
    Sheet {
        title: l.rep(title).to_string(),
        headers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PeriodKind;
    use crate::domain::report::{MeetingFigures, MinutesFigures, NoticeFigures};
    use crate::domain::testcal::d;

    fn report() -> Report {
        Report {
            period: PeriodKind::Month.around(d("2026-11-25")),
            as_of: d("2026-11-25"),
            meetings: MeetingFigures {
                meetings: 4,
                topics: 6,
                ..MeetingFigures::default()
            },
            notices: NoticeFigures::default(),
            attendance: Vec::new(),
            minutes: MinutesFigures::default(),
            units: vec![
                UnitFigures {
                    unit: "上塘镇".into(),
                    due: 4,
                    done_on_time: 1,
                    done_late: 3,
                    referral_due: true,
                    ..UnitFigures::default()
                },
                UnitFigures {
                    unit: "县财政局".into(),
                    due: 2,
                    done_on_time: 2,
                    ..UnitFigures::default()
                },
            ],
            lights: vec![(Light::Red, 5)],
            overdue_trend: Vec::new(),
        }
    }

    #[test]
    fn every_part_has_rows_as_wide_as_its_headers() {
        let r = report();
        for part in Part::ALL {
            for l in [Lang::Zh, Lang::En] {
                let s = sheet(&r, part, l);
                assert!(
                    s.rows.iter().all(|row| row.len() == s.headers.len()),
                    "{part:?}"
                );
            }
        }
    }

    #[test]
    fn the_unit_table_ends_with_totals_and_rates() {
        let s = sheet(&report(), Part::Units, Lang::Zh);
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[0][5], "25.0%");
        assert_eq!(s.rows[0][13], "应移送");
        assert_eq!(s.rows[2][0], "合计");
        assert_eq!((s.rows[2][1].as_str(), s.rows[2][2].as_str()), ("6", "3"));
        assert_eq!(s.rows[2][5], "50.0%");
        let lights = sheet(&report(), Part::Lights, Lang::En);
        assert_eq!(lights.rows[0], ["red", "5"]);
        assert_eq!(lights.rows.len(), 5);
        assert_eq!(percent(None), "—");
    }
}
