//! The reports tab: the figures of R1–R5 for the period (each opens its list with Enter), and beside
//! or below them the chart of the section under the cursor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::layout::list_and_detail;
use super::super::model::{Light, Model, Report, ReportLine, Tone, lines};
use super::super::widgets::bars::{Bar, bar_lines};
use super::super::widgets::{fit, width};
use crate::domain::PeriodKind;
use crate::i18n::{Lang, Rep, Ui};
use crate::report::{fill, percent};

pub fn kind_label(l: Lang, k: PeriodKind) -> &'static str {
    l.period_kind(k)
}

pub(super) fn block<'a>(m: &Model, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(format!(" {title} "), m.theme.title()))
}

pub fn tone_style(m: &Model, t: Tone) -> Style {
    match t {
        Tone::Bad => m.theme.bad(),
        Tone::Good => m.theme.good(),
        Tone::Plain => Style::default(),
    }
}

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let (list, chart) = list_and_detail(area);
    let Some(r) = &m.reports.report else {
        let b = block(m, l.ui(Ui::TabReports).into());
        let inner = b.inner(area);
        f.render_widget(b, area);
        f.render_widget(Paragraph::new(l.ui(Ui::Loading)), inner);
        return;
    };
    let kind = match m.reports.custom {
        Some(_) => l.rep(Rep::KindCustom),
        None => kind_label(l, m.reports.kind),
    };
    let title = format!("{} · {}", l.ui(Ui::TabReports), kind);
    let b = block(m, title);
    let inner = b.inner(list);
    f.render_widget(b, list);
    let w = usize::from(inner.width);
    let all = lines(r, l);
    let head = vec![
        Line::from(Span::styled(
            fit(
                &format!(
                    "{} · {}",
                    crate::report::period_line(r, l),
                    fill(l, Rep::AsOf, &[&m.reports.taken_at])
                ),
                w,
            ),
            m.theme.muted(),
        )),
        Line::from(Span::styled(fit(l.ui(Ui::ReportHint), w), m.theme.muted())),
    ];
    let rows = usize::from(inner.height).saturating_sub(head.len());
    let cursor = m.reports.cursor.min(all.len().saturating_sub(1));
    let top = cursor
        .saturating_sub(rows.saturating_sub(1) / 2)
        .min(all.len().saturating_sub(rows));
    let mut out = head;
    for (i, line) in all.iter().enumerate().skip(top).take(rows) {
        out.push(figure_line(m, line, w, i == cursor));
    }
    f.render_widget(Paragraph::new(out), inner);
    render_chart(m, f, chart, r, &all, cursor);
}

fn figure_line(m: &Model, line: &ReportLine, w: usize, selected: bool) -> Line<'static> {
    if line.heading {
        return Line::from(Span::styled(fit(&line.label, w), m.theme.title()));
    }
    // The breakdown when it fits beside the whole label, else the short value.
    let wide = line
        .wide
        .as_ref()
        .filter(|v| width(&line.label) + width(v) + 2 <= w);
    let value = match wide {
        Some(v) => v.clone(),
        None => fit(&line.value, w / 2),
    };
    let label = fit(&line.label, w.saturating_sub(width(&value) + 2));
    let pad = w.saturating_sub(width(&label) + width(&value));
    let style = if selected {
        m.theme.selected()
    } else {
        Style::default()
    };
    Line::from(vec![
        Span::styled(format!("{label}{}", " ".repeat(pad)), style),
        Span::styled(value, style.patch(tone_style(m, line.tone))),
    ])
}

/// Which chart goes with the figure under the cursor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    OnTime,
    Lights,
    Trend,
}

fn chart_for(l: Lang, all: &[ReportLine], cursor: usize) -> Chart {
    let section = all[..=cursor.min(all.len().saturating_sub(1))]
        .iter()
        .rev()
        .find(|x| x.heading)
        .map(|x| x.label.clone())
        .unwrap_or_default();
    if section == l.rep(Rep::SecLights) {
        Chart::Lights
    } else if section == l.rep(Rep::SecTrend) {
        Chart::Trend
    } else {
        Chart::OnTime
    }
}

/// The chart's title and bars.
pub fn chart_bars(m: &Model, r: &Report, chart: Chart) -> (String, Vec<Bar>) {
    let l = m.lang;
    match chart {
        Chart::OnTime => {
            let bars = r
                .on_time_ranking()
                .into_iter()
                .map(|(u, rate)| Bar {
                    label: u.unit.clone(),
                    share: rate,
                    value: percent(Some(rate)),
                    style: m.theme.light(if rate < 0.6 {
                        Light::Red
                    } else if rate < 0.8 {
                        Light::Yellow
                    } else {
                        Light::Green
                    }),
                })
                .collect();
            (l.rep(Rep::SecOnTimeChart).into(), bars)
        }
        Chart::Lights => {
            let max = r.lights.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
            let bars = Light::ALL
                .iter()
                .map(|x| {
                    let n = r.lights.iter().find(|(y, _)| y == x).map_or(0, |(_, n)| *n);
                    Bar {
                        label: format!("{} {}", m.theme.light_symbol(*x), l.light(*x)),
                        share: n as f64 / max as f64,
                        value: n.to_string(),
                        style: m.theme.light(*x),
                    }
                })
                .collect();
            (l.rep(Rep::SecLights).into(), bars)
        }
        Chart::Trend => {
            let max = r
                .overdue_trend
                .iter()
                .map(|c| c.count)
                .max()
                .unwrap_or(0)
                .max(1);
            let bars = r
                .overdue_trend
                .iter()
                .map(|c| Bar {
                    label: c.name.clone(),
                    share: c.count as f64 / max as f64,
                    value: c.count.to_string(),
                    style: m.theme.light(Light::Red),
                })
                .collect();
            (l.rep(Rep::SecTrend).into(), bars)
        }
    }
}

fn render_chart(
    m: &Model,
    f: &mut Frame,
    area: Rect,
    r: &Report,
    all: &[ReportLine],
    cursor: usize,
) {
    let (title, bars) = chart_bars(m, r, chart_for(m.lang, all, cursor));
    let b = block(m, title);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let mut out = bar_lines(&bars, usize::from(inner.width), m.theme.ascii);
    if out.is_empty() {
        out.push(Line::from(Span::styled(
            m.lang.rep(Rep::NoData),
            m.theme.muted(),
        )));
    }
    out.truncate(usize::from(inner.height));
    f.render_widget(Paragraph::new(out), inner);
}
