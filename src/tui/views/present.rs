//! Presentation mode: the report as full-screen, read-only slides for the projector. Every slide
//! shows the period and when the figures were taken; no slide shows a phone number or e-mail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::model::{Model, Report, Slide};
use super::super::widgets::bars::bar_lines;
use super::super::widgets::big::{big, big_width};
use super::super::widgets::{fit, width};
use super::reports::{Chart, chart_bars};
use crate::i18n::{Lang, Rep, Ui};
use crate::report::{Part, Sheet, fill, percent, period_line, sheet};

fn slide_title(l: Lang, s: Slide) -> &'static str {
    l.rep(match s {
        Slide::Summary => Rep::SecSummary,
        Slide::OnTimeByUnit => Rep::SecOnTimeChart,
        Slide::Lights => Rep::SecLights,
        Slide::Trend => Rep::SecTrend,
        Slide::Minutes => Rep::SecMinutes,
        Slide::Attendance => Rep::SecAttendance,
        Slide::Meetings => Rep::SecMeetings,
        Slide::Accountability => Rep::SecAccountability,
    })
}

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let w = usize::from(area.width);
    let Some(r) = &m.reports.report else {
        f.render_widget(Paragraph::new(l.ui(Ui::Loading)), body);
        return;
    };
    let n = m.reports.slide.min(Slide::ALL.len() - 1);
    let slide = Slide::ALL[n];
    // Top: the report and slide on the left, the period and time of the figures on the right;
    // where both do not fit whole, shorter forms by rule (the slide's title is on its frame).
    let as_of = fill(l, Rep::AsOf, &[&m.reports.taken_at]);
    let span = l.frm_fill(
        crate::i18n::Frm::PeriodShort,
        &[&r.period.from, &r.period.to],
    );
    let lefts = [
        format!("{} · {}", l.rep(Rep::Title), slide_title(l, slide)),
        l.rep(Rep::Title).to_string(),
        slide_title(l, slide).to_string(),
    ];
    let rights = [
        format!("{} · {}", period_line(r, l), as_of),
        format!("{span} · {as_of}"),
        span.clone(),
    ];
    let (left, right) = [(0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (2, 2)]
        .into_iter()
        .map(|(a, b)| (lefts[a].clone(), rights[b].clone()))
        .find(|(a, b)| width(a) + 1 + width(b) <= w)
        .unwrap_or_else(|| {
            let right = rights[2].clone();
            (fit(&lefts[2], w.saturating_sub(width(&right) + 1)), right)
        });
    let pad = w.saturating_sub(width(&left) + width(&right));
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, m.theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(fit(&right, w), m.theme.muted()),
        ])),
        top,
    );
    let foot_right = format!("{}/{}", n + 1, Slide::ALL.len());
    let foot_left = fit(
        &format!("{} · {}", l.ui(Ui::PresentKeys), l.ui(Ui::PresentOnly)),
        w.saturating_sub(foot_right.len() + 1),
    );
    let pad = w.saturating_sub(width(&foot_left) + foot_right.len());
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(foot_left, m.theme.muted()),
            Span::raw(" ".repeat(pad)),
            Span::styled(foot_right, m.theme.key()),
        ])),
        bottom,
    );
    let frame = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(
            format!(" {} ", slide_title(l, slide)),
            m.theme.title(),
        ));
    let inner = frame.inner(body);
    f.render_widget(frame, body);
    match slide {
        Slide::Summary => summary(m, f, inner, r),
        Slide::OnTimeByUnit => chart(m, f, inner, r, Chart::OnTime),
        Slide::Lights => chart(m, f, inner, r, Chart::Lights),
        Slide::Trend => chart(m, f, inner, r, Chart::Trend),
        Slide::Minutes => tables(
            m,
            f,
            inner,
            &[
                sheet(r, Part::Notices, l),
                minutes_sheet(r, l),
                sheet(r, Part::Minutes, l),
            ],
        ),
        Slide::Attendance => tables(m, f, inner, &[sheet(r, Part::Attendance, l)]),
        Slide::Meetings => tables(
            m,
            f,
            inner,
            &[sheet(r, Part::Chairs, l), sheet(r, Part::Months, l)],
        ),
        Slide::Accountability => tables(m, f, inner, &[accountability_sheet(r, l)]),
    }
}

/// R4's counts as a two-column table.
fn minutes_sheet(r: &Report, l: Lang) -> Sheet {
    let mi = &r.minutes;
    let row = |m: Rep, v: String| vec![l.rep(m).to_string(), v];
    Sheet {
        title: l.rep(Rep::SecMinutes).into(),
        headers: vec![l.rep(Rep::Figure).into(), l.rep(Rep::Value).into()],
        rows: vec![
            row(Rep::MinutesRate, percent(mi.on_time_rate())),
            row(Rep::MinutesOnTime, mi.issued_on_time.to_string()),
            row(Rep::MinutesLate, mi.issued_late.to_string()),
            row(Rep::MinutesOverdue, mi.overdue.to_string()),
            row(Rep::FeedbackOnTime, mi.feedback_on_time.to_string()),
            row(Rep::FeedbackLate, mi.feedback_late.to_string()),
            row(Rep::FeedbackDeemed, mi.feedback_deemed_consent.to_string()),
        ],
    }
}

/// R5.5–R5.7 for the units that have anything to answer for.
fn accountability_sheet(r: &Report, l: Lang) -> Sheet {
    // The most serious first: referral due, then criticisms, missed promises, overdue tasks.
    let mut units: Vec<_> = r.units.iter().collect();
    units.sort_by_key(|u| {
        std::cmp::Reverse((
            u.referral_due,
            u.criticisms_rolling_year,
            u.promises_missed,
            u.open_overdue,
        ))
    });
    Sheet {
        title: l.rep(Rep::SecAccountability).into(),
        headers: [
            Rep::Unit,
            Rep::OpenOverdue,
            Rep::PromisesMissed,
            Rep::Criticisms,
            Rep::CriticismsYear,
            Rep::ReferralDue,
        ]
        .iter()
        .map(|m| l.rep(*m).to_string())
        .collect(),
        rows: units
            .into_iter()
            .filter(|u| {
                u.open_overdue + u.promises_missed + u.criticisms_rolling_year > 0 || u.referral_due
            })
            .map(|u| {
                vec![
                    u.unit.clone(),
                    u.open_overdue.to_string(),
                    u.promises_missed.to_string(),
                    u.criticisms.to_string(),
                    u.criticisms_rolling_year.to_string(),
                    if u.referral_due {
                        l.rep(Rep::ReferralDue).into()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect(),
    }
}

/// Four key figures as cards, large when there is room.
fn summary(m: &Model, f: &mut Frame, area: Rect, r: &Report) {
    let l = m.lang;
    let t = r.totals();
    let cards = [
        (Rep::OnTimeRate, percent(t.on_time_rate()), false),
        (
            Rep::OpenOverdue,
            t.open_overdue.to_string(),
            t.open_overdue > 0,
        ),
        (Rep::MinutesRate, percent(r.minutes.on_time_rate()), false),
        (Rep::Criticisms, t.criticisms.to_string(), t.criticisms > 0),
    ];
    let [cards_area, more] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let [a, b] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(cards_area);
    let [a1, a2] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(a);
    let [b1, b2] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(b);
    let rects = [a1, a2, b1, b2];
    for ((label, value, bad), rect) in cards.iter().zip(rects) {
        let style = if *bad { m.theme.bad() } else { m.theme.good() };
        card(m, f, rect, l.rep(*label), value, style);
    }
    let line = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        l.rep(Rep::Meetings),
        r.meetings.meetings,
        l.rep(Rep::Topics),
        r.meetings.topics,
        l.rep(Rep::NoticeLate),
        r.notices.late + r.notices.missing,
        l.rep(Rep::Due),
        t.due,
        l.rep(Rep::ReferralDue),
        r.units.iter().filter(|u| u.referral_due).count()
    );
    f.render_widget(
        Paragraph::new(vec![
            Line::default(),
            Line::from(fit(&line, usize::from(more.width))),
        ]),
        more,
    );
}

fn card(m: &Model, f: &mut Frame, rect: Rect, label: &str, value: &str, style: Style) {
    let b = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::raw(format!(" {label} ")));
    let inner = b.inner(rect);
    f.render_widget(b, rect);
    let w = usize::from(inner.width);
    // Square-looking figures (two cells to the ink) where they fit with a margin, else narrow
    // ones; twice as tall when the card is tall enough (the projector).
    let wide = if big_width(value, 2) + 4 <= w { 2 } else { 1 };
    let tall = if inner.height >= 14 { 2 } else { 1 };
    let lines: Vec<Line<'static>> = match big(value, m.theme.ascii, wide) {
        Some(rows) if usize::from(inner.height) >= 5 * tall && big_width(value, wide) <= w => {
            let pad = " ".repeat((w - big_width(value, wide)) / 2);
            let top = (usize::from(inner.height) - 5 * tall) / 2;
            std::iter::repeat_n(Line::default(), top)
                .chain(rows.into_iter().flat_map(|r| {
                    std::iter::repeat_n(Line::from(Span::styled(format!("{pad}{r}"), style)), tall)
                }))
                .collect()
        }
        _ => {
            let pad = " ".repeat(w.saturating_sub(width(value)) / 2);
            let top = usize::from(inner.height.saturating_sub(1)) / 2;
            std::iter::repeat_n(Line::default(), top)
                .chain([Line::from(Span::styled(
                    format!("{pad}{value}"),
                    style.add_modifier(Modifier::BOLD),
                ))])
                .collect()
        }
    };
    f.render_widget(Paragraph::new(lines), inner);
}

fn chart(m: &Model, f: &mut Frame, area: Rect, r: &Report, c: Chart) {
    let (_, bars) = chart_bars(m, r, c);
    let mut lines = bar_lines(
        &bars,
        usize::from(area.width.saturating_sub(2)),
        m.theme.ascii,
    );
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            m.lang.rep(Rep::NoData),
            m.theme.muted(),
        )));
    }
    // Spread the bars over the height when there are few, one line apart.
    let gap = usize::from(area.height) >= lines.len() * 2;
    let mut out = Vec::new();
    for l in lines {
        out.push(l.patch_style(Style::default()));
        if gap {
            out.push(Line::default());
        }
    }
    out.truncate(usize::from(area.height));
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    f.render_widget(Paragraph::new(out), inner);
}

/// Whether a cell holds a figure (a count, a rate, a dash): figures are aligned right.
fn is_figure(c: &str) -> bool {
    c == "—" || c.trim_end_matches('%').parse::<f64>().is_ok()
}

/// Tables one under another, columns fitted in display cells, figures aligned right, spread over
/// a wide screen and centred; rows that do not fit are counted on a last line.
fn tables(m: &Model, f: &mut Frame, area: Rect, sheets: &[Sheet]) {
    let w = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height);
    let mut out: Vec<Line<'static>> = Vec::new();
    for s in sheets {
        if !out.is_empty() {
            out.push(Line::default());
        }
        if sheets.len() > 1 {
            out.push(Line::from(Span::styled(fit(&s.title, w), m.theme.title())));
        }
        if s.rows.is_empty() {
            out.push(Line::from(Span::styled(
                m.lang.rep(Rep::NoData),
                m.theme.muted(),
            )));
            continue;
        }
        let n = s.headers.len();
        let mut widths: Vec<usize> = (0..n)
            .map(|i| {
                std::iter::once(&s.headers)
                    .chain(&s.rows)
                    .map(|r| r.get(i).map_or(0, |c| width(c)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let gaps = n.saturating_sub(1);
        // Narrow the first column (names) until the table fits with two cells between columns.
        while widths.iter().sum::<usize>() + 2 * gaps > w && widths[0] > 6 {
            widths[0] -= 1;
        }
        let used: usize = widths.iter().sum();
        let gap = w
            .saturating_sub(used)
            .checked_div(gaps)
            .map_or(2, |g| (g / 2).clamp(2, 8));
        let table_w = used + gap * gaps;
        let indent = " ".repeat(w.saturating_sub(table_w) / 2);
        // A column of figures is aligned right, its header too.
        let right: Vec<bool> = (0..n)
            .map(|i| {
                s.rows
                    .iter()
                    .all(|r| r.get(i).is_some_and(|c| is_figure(c) || c.is_empty()))
            })
            .collect();
        let row = |cells: &[String], style: Style| {
            let text: Vec<String> = cells
                .iter()
                .zip(&widths)
                .zip(&right)
                .map(|((c, cw), right)| {
                    let c = fit(c, *cw);
                    let pad = " ".repeat(cw.saturating_sub(width(&c)));
                    if *right {
                        format!("{pad}{c}")
                    } else {
                        format!("{c}{pad}")
                    }
                })
                .collect();
            let line = format!("{indent}{}", text.join(&" ".repeat(gap)));
            Line::from(Span::styled(fit(&line, w), style))
        };
        out.push(row(&s.headers, m.theme.header()));
        for r in &s.rows {
            out.push(row(r, Style::default()));
        }
    }
    if out.len() > height && height > 0 {
        let hidden = out.len() - (height - 1);
        out.truncate(height - 1);
        let more = m.lang.ui_fill(Ui::MoreRows, &[&hidden]);
        out.push(Line::from(Span::styled(fit(&more, w), m.theme.muted())));
    }
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    f.render_widget(Paragraph::new(out), inner);
}
