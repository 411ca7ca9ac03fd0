//! The reports screen and presentation mode: which period, the loaded report, the figure under the
//! cursor, the slide on show, and the lines both draw, each with the list it opens.

use crate::domain::report::{FeedbackClass, MinutesClass};
use crate::domain::{
    AttendanceOutcome, Light, MeetingClass, NoticeStatus, Period, PeriodKind, Report, TaskClass,
    TaskSlice,
};
use crate::i18n::{Lang, Rep};
use crate::report::{fill, percent};

mod align;
use align::align_breakdowns;

/// The reports tab's state.
#[derive(Debug, Clone, Default)]
pub struct Reports {
    pub kind: PeriodKind,
    /// A period given from–to (`duban present --from … --to …`), instead of `kind`'s.
    pub custom: Option<Period>,
    pub report: Option<Report>,
    /// When the figures were taken ("2026-11-25 09:00", China Standard Time).
    pub taken_at: String,
    pub cursor: usize,
    /// The slide on show in presentation mode.
    pub slide: usize,
    /// Started as `duban present`: leaving the slides leaves duban.
    pub present_only: bool,
}

/// What a figure opens.
#[derive(Debug, Clone, PartialEq)]
pub enum Drill {
    /// The ledger: tasks of a slice, or with a light, optionally of one unit.
    Tasks {
        slice: Option<TaskSlice>,
        light: Option<Light>,
        unit: Option<(i64, String)>,
    },
    Meetings(MeetingClass),
    Unit(i64),
}

/// How a figure is lit: a breach, something good, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Bad,
    Good,
    Plain,
}

/// One line of the reports screen: a section title (no value) or a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLine {
    pub label: String,
    pub value: String,
    /// The value broken down (R3's attendance by outcome, R5's counts beside the rate), shown
    /// instead of `value` when the line has room for it.
    pub wide: Option<String>,
    pub heading: bool,
    pub tone: Tone,
    pub drill: Option<Drill>,
}

fn heading(l: Lang, m: Rep) -> ReportLine {
    ReportLine {
        label: l.rep(m).to_string(),
        value: String::new(),
        wide: None,
        heading: true,
        tone: Tone::Plain,
        drill: None,
    }
}

fn fig(label: String, n: i64, bad: bool, drill: Option<Drill>) -> ReportLine {
    ReportLine {
        label,
        value: n.to_string(),
        wide: None,
        heading: false,
        tone: if bad && n > 0 { Tone::Bad } else { Tone::Plain },
        drill,
    }
}

fn tasks(period: Period, class: TaskClass, unit: Option<(i64, String)>) -> Option<Drill> {
    Some(Drill::Tasks {
        slice: Some(TaskSlice { period, class }),
        light: None,
        unit,
    })
}

/// Every line of the screen for `r`, in order.
pub fn lines(r: &Report, l: Lang) -> Vec<ReportLine> {
    let p = r.period;
    let meet = |c| Some(Drill::Meetings(c));
    let t = r.totals();
    let mut out = vec![heading(l, Rep::SecMeetings)];
    out.push(fig(
        l.rep(Rep::Meetings).into(),
        r.meetings.meetings,
        false,
        meet(MeetingClass::All),
    ));
    out.push(ReportLine {
        label: l.rep(Rep::TopicsPerMeeting).into(),
        value: r
            .meetings
            .topics_per_meeting()
            .map_or("—".into(), |x| format!("{x:.1}")),
        wide: None,
        heading: false,
        tone: Tone::Plain,
        drill: None,
    });
    for c in &r.meetings.per_chair {
        let name = if c.chair_id.is_none() {
            l.rep(Rep::NoChair).to_string()
        } else {
            c.chair.clone()
        };
        out.push(fig(
            format!("  {name}"),
            c.meetings,
            false,
            meet(MeetingClass::Chair(c.chair_id)),
        ));
    }
    out.push(heading(l, Rep::SecNotices));
    for (m, n, s) in [
        (Rep::NoticeOnTime, r.notices.on_time, NoticeStatus::OnTime),
        (Rep::NoticeLate, r.notices.late, NoticeStatus::Late),
        (
            Rep::NoticeEmergency,
            r.notices.emergency,
            NoticeStatus::Emergency,
        ),
        (Rep::NoticeMissing, r.notices.missing, NoticeStatus::Missing),
    ] {
        out.push(fig(
            l.rep(m).into(),
            n,
            s.is_violation(),
            meet(MeetingClass::Notice(s)),
        ));
    }
    out.push(heading(l, Rep::SecAttendance));
    for a in &r.attendance {
        let bad = a.absent + a.unauthorised_substitute;
        let outcome = if a.unauthorised_substitute > 0 {
            AttendanceOutcome::UnauthorisedSubstitute
        } else {
            AttendanceOutcome::Absent
        };
        let mut line = fig(
            format!("  {}", a.unit),
            bad,
            true,
            meet(MeetingClass::Attendance(a.unit_id, outcome)),
        );
        line.value = format!("{} {}", l.rep(Rep::Compliance), percent(a.compliance()));
        line.wide = Some(
            [
                fill(l, Rep::BreakLeader, &[&a.leader_attended]),
                fill(l, Rep::BreakRep, &[&a.authorised_representative]),
                fill(l, Rep::BreakAbsent, &[&a.absent]),
                fill(l, Rep::BreakSubst, &[&a.unauthorised_substitute]),
                line.value.clone(),
            ]
            .join(" · "),
        );
        out.push(line);
    }
    out.push(heading(l, Rep::SecMinutes));
    let mi = &r.minutes;
    for (m, n, c, bad) in [
        (
            Rep::MinutesOnTime,
            mi.issued_on_time,
            MinutesClass::OnTime,
            false,
        ),
        (Rep::MinutesLate, mi.issued_late, MinutesClass::Late, true),
        (Rep::MinutesOverdue, mi.overdue, MinutesClass::Overdue, true),
        (
            Rep::MinutesDrafting,
            mi.drafting,
            MinutesClass::Drafting,
            false,
        ),
    ] {
        out.push(fig(l.rep(m).into(), n, bad, meet(MeetingClass::Minutes(c))));
    }
    for (m, n, c, bad) in [
        (
            Rep::FeedbackOnTime,
            mi.feedback_on_time,
            FeedbackClass::OnTime,
            false,
        ),
        (
            Rep::FeedbackLate,
            mi.feedback_late,
            FeedbackClass::Late,
            true,
        ),
        (
            Rep::FeedbackDeemed,
            mi.feedback_deemed_consent,
            FeedbackClass::DeemedConsent,
            false,
        ),
        (
            Rep::FeedbackWaiting,
            mi.feedback_waiting,
            FeedbackClass::Waiting,
            false,
        ),
    ] {
        out.push(fig(
            l.rep(m).into(),
            n,
            bad,
            meet(MeetingClass::Feedback(c)),
        ));
    }
    out.push(heading(l, Rep::SecUnits));
    for (m, n, c, bad) in [
        (Rep::Due, t.due, TaskClass::Due, false),
        (
            Rep::DoneOnTime,
            t.done_on_time,
            TaskClass::DoneOnTime,
            false,
        ),
        (Rep::DoneLate, t.done_late, TaskClass::DoneLate, true),
        (
            Rep::OpenOverdue,
            t.open_overdue,
            TaskClass::OpenOverdue,
            true,
        ),
        (
            Rep::ExemptStale,
            t.exempt_stale,
            TaskClass::ExemptStale,
            true,
        ),
        (
            Rep::Explanations,
            t.explanations,
            TaskClass::Explained,
            false,
        ),
        (
            Rep::PromisesKept,
            t.promises_kept,
            TaskClass::PromiseKept,
            false,
        ),
        (
            Rep::PromisesMissed,
            t.promises_missed,
            TaskClass::PromiseMissed,
            true,
        ),
    ] {
        out.push(fig(l.rep(m).into(), n, bad, tasks(p, c, None)));
    }
    out.push(heading(l, Rep::SecOnTimeChart));
    for (u, rate) in r.on_time_ranking() {
        out.push(ReportLine {
            label: format!("  {}", u.unit),
            value: percent(Some(rate)),
            wide: Some(
                [
                    fill(l, Rep::BreakDue, &[&u.due]),
                    fill(l, Rep::BreakOnTime, &[&u.done_on_time]),
                    fill(l, Rep::BreakLate, &[&u.done_late]),
                    fill(l, Rep::BreakOverdue, &[&u.open_overdue]),
                    percent(Some(rate)),
                ]
                .join(" · "),
            ),
            heading: false,
            tone: if rate < 0.6 { Tone::Bad } else { Tone::Plain },
            drill: tasks(p, TaskClass::Due, Some((u.unit_id, u.unit.clone()))),
        });
    }
    out.push(heading(l, Rep::SecAccountability));
    for u in r
        .units
        .iter()
        .filter(|u| u.criticisms_rolling_year > 0 || u.referral_due)
    {
        let mut line = fig(
            format!("  {}", u.unit),
            u.criticisms_rolling_year,
            true,
            Some(Drill::Unit(u.unit_id)),
        );
        line.value = format!(
            "{} {}{}",
            l.rep(Rep::CriticismsYear),
            u.criticisms_rolling_year,
            if u.referral_due {
                format!(" · {}", l.rep(Rep::ReferralDue))
            } else {
                String::new()
            }
        );
        out.push(line);
    }
    out.push(heading(l, Rep::SecLights));
    for x in Light::ALL {
        let n = r
            .lights
            .iter()
            .find(|(y, _)| *y == x)
            .map_or(0, |(_, n)| *n);
        out.push(fig(
            format!("  {}", l.light(x)),
            n,
            x == Light::Red,
            Some(Drill::Tasks {
                slice: Some(TaskSlice {
                    period: p,
                    class: TaskClass::Decided,
                }),
                light: Some(x),
                unit: None,
            }),
        ));
    }
    out.push(heading(l, Rep::SecTrend));
    for m in &r.overdue_trend {
        let end = month_end_slice(r, &m.name);
        out.push(fig(format!("  {}", m.name), m.count, true, end));
    }
    align_breakdowns(&mut out);
    out
}

/// The trend's month `name` ("2026-10") as the slice of tasks overdue at its end.
fn month_end_slice(r: &Report, name: &str) -> Option<Drill> {
    let (y, m) = name.split_once('-')?;
    let month = (y.parse().ok()?, m.parse().ok()?);
    let end = r.period.month_end(month, r.as_of)?;
    tasks(Period { from: end, to: end }, TaskClass::OverdueAtEnd, None)
}

/// The slides of presentation mode, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Summary,
    OnTimeByUnit,
    Lights,
    Trend,
    Minutes,
    Attendance,
    Meetings,
    Accountability,
}

impl Slide {
    pub const ALL: [Slide; 8] = [
        Slide::Summary,
        Slide::OnTimeByUnit,
        Slide::Lights,
        Slide::Trend,
        Slide::Minutes,
        Slide::Attendance,
        Slide::Meetings,
        Slide::Accountability,
    ];
}
