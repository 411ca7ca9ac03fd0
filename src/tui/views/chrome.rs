//! The frame around every screen: tabs, footer (filter, status, key hints), help, and the message
//! for a window too small to draw in.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::action::Action;
use super::super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::super::model::{Ask, MeetingScope, Mode, Model, Status, Tab, TaskSort};
use super::super::widgets::{fit, width};
use super::tab_title;
use crate::domain::Role;
use crate::i18n::{Mk, Ui};
use crate::text::skip_cells;

pub fn too_small(m: &Model, f: &mut Frame, area: Rect) {
    let msg = m.lang.ui_fill(
        Ui::TooSmall,
        &[&MIN_WIDTH, &MIN_HEIGHT, &area.width, &area.height],
    );
    let p = Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    f.render_widget(p, area);
}

pub fn header(m: &Model, f: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    // In a narrow window the tabs other than the active one shorten to their numbers.
    let all: usize = Tab::ALL
        .iter()
        .map(|t| width(&format!("{} {}", t.index() + 1, tab_title(m, *t))) + 1)
        .sum();
    let short = all > usize::from(area.width);
    for tab in Tab::ALL {
        let label = if short && tab != m.tab {
            format!("{}", tab.index() + 1)
        } else {
            format!("{} {}", tab.index() + 1, tab_title(m, tab))
        };
        used += width(&label) + 1;
        let style = if tab == m.tab {
            m.theme.active_tab()
        } else {
            Style::new()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let today = m.lang.ui_fill(Ui::Today, &[&m.today]);
    let date = m.today.to_string();
    let room = usize::from(area.width).saturating_sub(used);
    // A viewer's session says it is read-only before anything else.
    let badge = (!m.role.allows(Role::Editor)).then(|| m.lang.ui(Ui::ReadOnly));
    let candidates = match badge {
        Some(b) => vec![
            format!("{b} · {today}"),
            format!("{b} {date}"),
            b.to_string(),
        ],
        None => vec![today, date],
    };
    let right = candidates
        .into_iter()
        .find(|c| width(c) < room)
        .unwrap_or_default();
    spans.push(Span::raw(" ".repeat(room.saturating_sub(width(&right)))));
    spans.push(Span::styled(right, m.theme.muted()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The filters in force on the current tab, for the footer.
fn filter_summary(m: &Model) -> Vec<String> {
    let l = m.lang;
    let mut out = Vec::new();
    match m.tab {
        Tab::Tasks => {
            out = m
                .task_query
                .describe(l, |x| format!("{} {}", m.theme.light_symbol(x), l.light(x)));
        }
        Tab::Meetings => {
            let q = &m.meeting_query;
            if !q.text.trim().is_empty() {
                out.push(format!("/{}", q.text.trim()));
            }
            match q.scope {
                MeetingScope::MinutesOverdue => out.push(l.ui(Ui::ScopeMinutes).into()),
                MeetingScope::FeedbackWaiting => out.push(l.ui(Ui::ScopeFeedback).into()),
                MeetingScope::All => {}
            }
            if let Some(unit) = &q.report_unit {
                out.push(unit.clone());
            }
            if let Some((class, p, _)) = &q.report {
                let label = crate::report::meeting_class_label(l, *class);
                out.push(l.ui_fill(Ui::FilterReport, &[&label, &p.from, &p.to]));
            }
        }
        Tab::Units => {
            let q = &m.unit_query;
            if !q.text.trim().is_empty() {
                out.push(format!("/{}", q.text.trim()));
            }
            if q.referral_due {
                out.push(l.ui(Ui::ReferralOnly).into());
            }
        }
        _ => {}
    }
    out
}

fn key_hint(m: &Model, action: &Action, label: Ui, spans: &mut Vec<Span<'static>>) {
    if let Some(k) = m.keymap.hint(action) {
        spans.push(Span::styled(k, m.theme.key()));
        spans.push(Span::raw(format!(" {}  ", m.lang.ui(label))));
    }
}

pub fn footer(m: &Model, f: &mut Frame, area: Rect) {
    let top = Rect { height: 1, ..area };
    let bottom = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let w = usize::from(area.width);
    // A question (undo that removes a record) holds the status line until it is answered.
    if let Some(Ask::Undo { question, .. }) = &m.ask {
        let line = Line::from(Span::styled(fit(question, w), m.theme.warn()));
        f.render_widget(Paragraph::new(line), top);
        let keys = Line::from(Span::styled(fit("y / n", w), m.theme.key()));
        f.render_widget(Paragraph::new(keys), bottom);
        return;
    }
    match m.mode {
        Mode::Filter | Mode::Command => {
            let (prefix, prompt) = if m.mode == Mode::Filter {
                ("/", Ui::FilterPrompt)
            } else {
                (":", Ui::CommandPrompt)
            };
            let field_w = w.saturating_sub(1).max(1);
            let scroll = m.input.visual_scroll(field_w.saturating_sub(1));
            let visible = skip_cells(m.input.value(), scroll);
            let line = Line::from(vec![
                Span::styled(prefix, m.theme.key()),
                Span::raw(fit(&visible, field_w)),
            ]);
            f.render_widget(Paragraph::new(line), top);
            // The terminal's cursor stands where the next character goes, so the IME opens there.
            let x = area.x + 1 + (m.input.visual_cursor().saturating_sub(scroll)) as u16;
            f.set_cursor_position((x.min(area.x + area.width.saturating_sub(1)), top.y));
            let hint = Span::styled(fit(m.lang.ui(prompt), w), m.theme.muted());
            f.render_widget(Paragraph::new(hint), bottom);
            return;
        }
        _ => {}
    }
    // While tasks are marked the count leads the status line, with the key that clears them.
    let mut marks = Vec::new();
    if !m.marked.is_empty() {
        let key = m
            .keymap
            .hint(&Action::ClearMarks)
            .unwrap_or_else(|| "Esc".to_string());
        let text = m.lang.mk_fill(Mk::MarkedStatus, &[&m.marked.len(), &key]);
        let text = format!("{} {text}", m.theme.marked_symbol());
        marks.push(Span::styled(fit(&text, w), m.theme.marked()));
        marks.push(Span::raw("  "));
    }
    let w = w.saturating_sub(marks.iter().map(|s| width(&s.content)).sum());
    let line = match &m.status {
        Some(Status::Error(e)) => Line::from(Span::styled(fit(e, w), m.theme.bad())),
        Some(Status::Info(i)) => Line::from(Span::styled(fit(i, w), m.theme.warn())),
        None => {
            let parts = filter_summary(m);
            let mut spans = Vec::new();
            if m.tab == Tab::Tasks {
                let sort = m.lang.ui(match m.task_query.sort {
                    TaskSort::WorkdaysLeft => Ui::SortWorkdays,
                    TaskSort::Unit => Ui::SortUnit,
                    TaskSort::MeetingDate => Ui::SortMeeting,
                });
                spans.push(Span::styled(
                    format!("{}: {sort}  ", m.lang.ui(Ui::SortLabel)),
                    m.theme.muted(),
                ));
            }
            if !parts.is_empty() {
                spans.push(Span::styled(
                    format!("{}: ", m.lang.ui(Ui::FilterLabel)),
                    m.theme.muted(),
                ));
                spans.push(Span::raw(fit(&parts.join(" · "), w.saturating_sub(16))));
                if let Some(k) = m.keymap.hint(&Action::ClearFilter) {
                    spans.push(Span::raw("  "));
                    spans.push(Span::styled(k, m.theme.key()));
                    spans.push(Span::raw(format!(" {}", m.lang.ui(Ui::ClearHint))));
                }
            }
            Line::from(spans)
        }
    };
    marks.extend(line.spans);
    f.render_widget(Paragraph::new(Line::from(marks)), top);
    let w = usize::from(area.width);

    // On a form or the steps menu, letters are typed or choose: the bar shows the keys that
    // work there, never the list's (`q 退出` would type a q).
    let own = match m.mode {
        Mode::Form => Some(super::form::all_keys(m.lang, w)),
        Mode::Menu => Some(m.lang.ui(Ui::MenuKeys)),
        _ => None,
    };
    if let Some(keys) = own {
        let keys = super::form::plain(keys, m.theme.ascii);
        let line = Line::from(Span::styled(fit(&keys, w), m.theme.muted()));
        f.render_widget(Paragraph::new(line), bottom);
        return;
    }
    let mut spans = Vec::new();
    // Right after an undo, the key that makes it again comes first.
    if m.can_redo
        && let Some(k) = m.keymap.hint(&Action::Redo)
    {
        spans.push(Span::styled(k, m.theme.key()));
        spans.push(Span::raw(format!(" {}  ", m.lang.mk(Mk::HintRedo))));
    }
    key_hint(m, &Action::Quit, Ui::HintQuit, &mut spans);
    key_hint(m, &Action::Help, Ui::HintHelp, &mut spans);
    key_hint(m, &Action::Filter, Ui::HintFilter, &mut spans);
    key_hint(m, &Action::FilterRed, Ui::HintRed, &mut spans);
    key_hint(m, &Action::Open, Ui::HintOpen, &mut spans);
    key_hint(m, &Action::Back, Ui::HintBack, &mut spans);
    if m.tab == Tab::Tasks {
        key_hint(m, &Action::CycleSort, Ui::HintSort, &mut spans);
    }
    if m.tab == Tab::Units && m.role.allows(Action::Aliases.needs(Tab::Units)) {
        key_hint(m, &Action::Aliases, Ui::HintAliases, &mut spans);
    }
    key_hint(m, &Action::Command, Ui::HintCommand, &mut spans);
    key_hint(m, &Action::NextTab, Ui::HintTabs, &mut spans);
    // A key goes with its label: both fit (the label's trailing gap aside), or neither is shown.
    let mut used = 0;
    let mut kept = Vec::new();
    for pair in spans.chunks(2) {
        let need: usize = pair.iter().map(|s| width(&s.content)).sum();
        let gap = pair.last().map_or(0, |s| {
            s.content.len() - s.content.trim_end_matches(' ').len()
        });
        if used + need - gap > w {
            break;
        }
        used += need;
        kept.extend(pair.iter().cloned());
    }
    f.render_widget(Paragraph::new(Line::from(kept)), bottom);
}

fn action_label(a: &Action) -> Ui {
    match a {
        Action::Up => Ui::ActUp,
        Action::Down => Ui::ActDown,
        Action::PageUp => Ui::ActPageUp,
        Action::PageDown => Ui::ActPageDown,
        Action::Top => Ui::ActTop,
        Action::Bottom => Ui::ActBottom,
        Action::Left => Ui::ActLeft,
        Action::Right => Ui::ActRight,
        Action::Open => Ui::ActOpen,
        Action::OpenUnit => Ui::ActOpenUnit,
        Action::Back => Ui::ActBack,
        Action::Filter => Ui::ActFilter,
        Action::FilterRed => Ui::ActFilterRed,
        Action::FilterYellow => Ui::ActFilterYellow,
        Action::FilterGreen => Ui::ActFilterGreen,
        Action::ClearFilter => Ui::ActClearFilter,
        Action::CycleSort => Ui::ActCycleSort,
        Action::DetailDown => Ui::ActDetailDown,
        Action::DetailUp => Ui::ActDetailUp,
        Action::Command => Ui::ActCommand,
        Action::NextTab => Ui::ActNextTab,
        Action::PrevTab => Ui::ActPrevTab,
        Action::GotoOverview => Ui::ActGotoOverview,
        Action::GotoTasks => Ui::ActGotoTasks,
        Action::GotoMeetings => Ui::ActGotoMeetings,
        Action::GotoUnits => Ui::ActGotoUnits,
        Action::GotoReports => Ui::ActGotoReports,
        Action::GotoCalendar => Ui::ActGotoCalendar,
        Action::GotoAudit => Ui::ActGotoAudit,
        Action::Refresh => Ui::ActRefresh,
        Action::Add => Ui::ActAdd,
        Action::EditRecord => Ui::ActEdit,
        Action::Aliases => Ui::ActAliases,
        Action::Steps => Ui::ActSteps,
        Action::Progress => Ui::ActProgress,
        Action::Done => Ui::ActDone,
        Action::Explain => Ui::ActExplain,
        Action::Criticise => Ui::ActCriticise,
        Action::Mark => Ui::ActMark,
        Action::Undo => Ui::ActUndo,
        Action::Present => Ui::ActPresent,
        Action::Export => Ui::ActExport,
        Action::Help => Ui::ActHelp,
        _ => Ui::ActQuit,
    }
}

/// The help popup, generated from the keymap in force.
pub fn help(m: &Model, f: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(84);
    let h = area.height.saturating_sub(2);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    f.render_widget(Clear, popup);
    let inner = usize::from(popup.width.saturating_sub(2));
    // A viewer is shown no editing keys: they would only be refused.
    let mut lines: Vec<Line> = Action::BINDABLE
        .iter()
        .filter(|a| m.role.allows(a.needs(Tab::Tasks)))
        .flat_map(|a| {
            let label = match a {
                Action::ClearMarks => m.lang.mk(Mk::ActClearMarks),
                Action::Redo => m.lang.mk(Mk::ActRedo),
                a => m.lang.ui(action_label(a)),
            };
            let keys = m.keymap.keys_of(a).join(" ");
            help_line(m, &keys, label, inner)
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        m.lang.ui(Ui::HelpTyping),
        m.theme.muted(),
    )));
    // Every key of a form; first when help was opened from one.
    let mut form_lines = vec![
        Line::default(),
        Line::from(Span::styled(
            m.lang.frm(crate::i18n::Frm::HelpFormTitle),
            m.theme.title(),
        )),
    ];
    for (keys, what) in super::form::help_keys(m.lang) {
        form_lines.extend(help_line(m, keys, what, inner));
    }
    if m.form.is_some() {
        form_lines.remove(0);
        form_lines.push(Line::default());
        form_lines.extend(lines);
        lines = form_lines;
    } else {
        lines.extend(form_lines);
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(m.lang.ui(Ui::HelpTitle), m.theme.title()));
    let p = Paragraph::new(crate::tui::widgets::wrap::wrap_lines(&lines, inner))
        .block(block)
        .scroll((m.help_scroll, 0));
    f.render_widget(p, popup);
}

/// Help's lines for one key: the keys in their column, what they do beside them, read whole
/// (wrapped under itself where the line is narrow).
fn help_line(m: &Model, keys: &str, what: &str, inner: usize) -> Vec<Line<'static>> {
    const KEY_W: usize = 20;
    let keys = fit(keys, KEY_W);
    let pad = " ".repeat(KEY_W - width(&keys));
    let room = inner.saturating_sub(KEY_W + 1).max(10);
    let rows = crate::tui::widgets::wrap::wrap_line(&Line::raw(what.to_string()), room);
    let mut out = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let mut spans = if i == 0 {
            vec![
                Span::styled(keys.clone(), m.theme.key()),
                Span::raw(pad.clone()),
                Span::raw(" "),
            ]
        } else {
            vec![Span::raw(" ".repeat(KEY_W + 1))]
        };
        spans.extend(row.spans);
        out.push(Line::from(spans));
    }
    out
}
