//! Meetings: the list, and the selected meeting's attendance, feedback round, archive checklist and
//! tasks.

use crate::i18n::provisional_date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::list_and_detail;
use super::super::model::{MeetingDetail, MeetingRow, Model};
use super::super::widgets::{Column, Detail};
use crate::domain::AttendanceOutcome;
use crate::domain::NoticeStatus;
use crate::domain::minutes::{FeedbackStatus, MinutesStatus};
use crate::i18n::{Lang, Msg, Ui};

fn minutes_style(m: &Model, s: MinutesStatus) -> Style {
    match s {
        MinutesStatus::Overdue { .. } => m.theme.bad(),
        MinutesStatus::IssuedLate { .. } => m.theme.warn(),
        MinutesStatus::Drafting { .. } | MinutesStatus::Unknown { .. } => Style::new(),
        MinutesStatus::IssuedOnTime { .. } => m.theme.good(),
    }
}

/// The minutes' state, short enough for the table.
fn minutes_cell(l: Lang, s: MinutesStatus) -> String {
    match (s, l) {
        (MinutesStatus::Drafting { workdays_left }, l) => {
            l.frm_fill(crate::i18n::Frm::MinutesDraftingShort, &[&workdays_left])
        }
        (MinutesStatus::Unknown { .. }, l) => l.frm(crate::i18n::Frm::MinutesUnknownShort).into(),
        (MinutesStatus::Overdue { workdays_over }, Lang::Zh) => {
            format!("逾期未印发{workdays_over}")
        }
        (MinutesStatus::Overdue { workdays_over }, Lang::En) => format!("overdue {workdays_over}"),
        (s, l) => l.minutes(s),
    }
}

/// The notice's compliance mark: ✓ on time or emergency, ✗ late or missing, blank before it is due.
fn notice_mark(m: &Model, n: NoticeStatus) -> &'static str {
    match n {
        NoticeStatus::NotYetSent => " ",
        NoticeStatus::Unknown => "?",
        n => m.theme.mark(!n.is_violation()),
    }
}

fn cells(m: &Model, r: &MeetingRow) -> Vec<(String, Style)> {
    let l = m.lang;
    let notice_style = if r.notice.is_violation() {
        m.theme.bad()
    } else {
        Style::new()
    };
    // R4.4 does not judge a meeting of unknown procedure: no due day ("—").
    let due = r.minutes_due.map_or_else(
        || "—".to_string(),
        |d| provisional_date(d, r.minutes_due_provisional),
    );
    vec![
        (r.id.to_string(), m.theme.muted()),
        (r.date.to_string(), Style::new()),
        (r.topics.join("；"), Style::new()),
        (r.chair.clone().unwrap_or_default(), Style::new()),
        (
            format!(
                "{} {}",
                notice_mark(m, r.notice),
                l.notice_short(r.notice, r.notice_provisional)
            ),
            notice_style,
        ),
        (minutes_cell(l, r.minutes), minutes_style(m, r.minutes)),
        (due, Style::new()),
        (r.tasks.to_string(), Style::new()),
    ]
}

fn columns(m: &Model) -> Vec<Column> {
    let l = m.lang;
    vec![
        Column::fixed(l.t(Msg::ColId), 4, 6),
        Column::fixed(l.t(Msg::ColDate), 10, 10),
        Column::flex(l.t(Msg::ColTopics), 14),
        Column::fixed(l.t(Msg::ColChair), 6, 4),
        Column::fixed(l.t(Msg::ColNotice), 10, 7),
        Column::fixed(l.t(Msg::ColMinutes), 14, 9),
        Column::fixed(l.t(Msg::ColMinutesDue), 11, 3),
        Column::fixed(l.ui(Ui::ColTasksShort), 5, 2),
    ]
}

pub fn render(m: &Model, f: &mut Frame, body: Rect) {
    let (list, detail) = list_and_detail(body);
    super::list(m, f, list, &m.meetings, columns(m), |r| cells(m, r));
    let meeting = m
        .meeting_detail
        .as_ref()
        .filter(|d| Some(d.row.id) == m.meetings.selected);
    super::detail(
        m,
        f,
        detail,
        meeting.map(|md| |d: &mut Detail| lines(m, d, md)),
    );
}

fn lines(m: &Model, d: &mut Detail, md: &MeetingDetail) {
    let l = m.lang;
    let r = &md.row;
    let mt = &md.meeting;
    d.line(vec![
        (format!("#{} ", r.id), m.theme.title()),
        (r.number.clone().unwrap_or_default(), Style::new()),
        (format!(" {}", r.topics.join("；")), m.theme.title()),
    ]);
    let when = match mt.time {
        Some(t) => format!("{} {}", r.date, t.format("%H:%M")),
        None => r.date.to_string(),
    };
    d.field(l.t(Msg::ColDate), when);
    if let Some(p) = &mt.place {
        d.field(l.ui(Ui::LblPlace), p.clone());
    }
    if let Some(c) = &r.chair {
        d.field(l.t(Msg::ColChair), c.clone());
    }
    if let Some(c) = &md.liaison {
        d.field(l.t(Msg::ColLiaison), c.clone());
    }
    let notice = match r.notice_date {
        Some(n) => format!("{} {n}", l.notice(r.notice, r.notice_provisional)),
        None => l.notice(r.notice, r.notice_provisional),
    };
    let ok = !r.notice.is_violation();
    d.field_parts(
        l.ui(Ui::LblNotice),
        vec![(
            format!("{} {notice} (R2.2)", notice_mark(m, r.notice)),
            if ok { Style::new() } else { m.theme.bad() },
        )],
    );
    d.field_parts(
        l.ui(Ui::LblMinutes),
        vec![
            (l.minutes(r.minutes), minutes_style(m, r.minutes)),
            (
                format!(
                    " · {} {}",
                    l.ui(Ui::LblMinutesDue),
                    r.minutes_due.map_or_else(
                        || "—".to_string(),
                        |d| provisional_date(d, r.minutes_due_provisional)
                    )
                ),
                Style::new(),
            ),
        ],
    );
    let provisional = r.minutes_due_provisional
        || r.notice_provisional
        || md.feedback.iter().any(|f| f.deadline_provisional);
    if provisional {
        d.line(vec![(
            l.t(Msg::ProvisionalNote).to_string(),
            m.theme.muted(),
        )]);
    }
    d.line(vec![(
        l.ui(Ui::MeetingLinkHint).to_string(),
        m.theme.muted(),
    )]);

    d.heading(l.ui(Ui::LblAttendance));
    for (unit, a) in &md.attendance {
        let (mark, style) = match a.outcome {
            Some(AttendanceOutcome::LeaderAttended)
            | Some(AttendanceOutcome::AuthorisedRepresentative) => {
                (m.theme.mark(true), Style::new())
            }
            Some(_) => (m.theme.mark(false), m.theme.bad()),
            None => (" ", m.theme.muted()),
        };
        let outcome = match a.outcome {
            Some(o) => l.attendance(o).to_string(),
            None if a.confirmed => String::new(),
            None => l.ui(Ui::NotConfirmed).to_string(),
        };
        let who = [unit.as_str(), a.attendee.as_deref().unwrap_or(""), &outcome];
        let who: Vec<&str> = who.into_iter().filter(|s| !s.is_empty()).collect();
        d.line(vec![(format!("{mark} {}", who.join(" ")), style)]);
    }

    if !md.feedback.is_empty() {
        d.heading(l.ui(Ui::LblFeedback));
        for fb in &md.feedback {
            let style = match fb.status {
                FeedbackStatus::Late { .. } => m.theme.warn(),
                FeedbackStatus::Waiting { .. } => m.theme.warn(),
                _ => Style::new(),
            };
            let unsigned = if fb.feedback.received_on.is_some() && !fb.signed_and_sealed {
                l.t(Msg::FeedbackUnsigned)
            } else {
                ""
            };
            d.line(vec![(
                format!(
                    "{} {}{unsigned}",
                    fb.unit,
                    l.feedback(fb.status, fb.deadline_provisional)
                ),
                style,
            )]);
        }
    }

    if let Some(min) = &md.minutes_record {
        d.heading(l.ui(Ui::LblArchive));
        let items = [
            (Ui::ArchSigned, min.signed_on.is_some()),
            (Ui::ArchIssued, min.issued_on.is_some()),
            (
                Ui::ArchFeedback,
                !md.feedback.is_empty()
                    && md
                        .feedback
                        .iter()
                        .all(|f| !matches!(f.status, FeedbackStatus::Waiting { .. })),
            ),
            (
                Ui::ArchArchived,
                crate::domain::minutes::archive_complete(min),
            ),
        ];
        let text: Vec<String> = items
            .iter()
            .map(|(u, ok)| format!("{} {}", m.theme.mark(*ok), l.ui(*u)))
            .collect();
        d.text(text.join("  "));
    }

    d.heading(&format!("{} ({})", l.ui(Ui::LblTasks), md.task_rows.len()));
    for t in &md.task_rows {
        d.line(vec![
            (
                format!("{} ", m.theme.light_symbol(t.light)),
                m.theme.light(t.light),
            ),
            (
                format!("#{} {} · {}", t.id, t.lead_unit, t.text),
                Style::new(),
            ),
        ]);
    }
}
