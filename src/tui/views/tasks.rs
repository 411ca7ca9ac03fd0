//! The ledger (台账): the task table and the selected task's detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::list_and_detail;
use super::super::model::{Light, Limit, Model, TaskDetail, TaskRow, TaskState};
use super::super::widgets::{Column, Detail};
use crate::i18n::{Chn, Lang, Msg, Ui};

/// The working-days column, short: "逾期3" / "剩5" / "今日" (en "-3" / "5" / "today"); from a
/// thousand working days overdue (an archive's forgotten task) "逾1234", to fit the column. A
/// count over a year without a holiday notice is marked `*` ("剩29*"), as its limit is (and a
/// count from a known year's limit into an unknown year): at 80 columns the limit is not on screen.
pub fn workdays_cell(lang: Lang, r: &TaskRow) -> String {
    let cell = count_cell(lang, r);
    let counted = !matches!(r.light, Light::Done | Light::Exempt) && r.working_days_left.is_some();
    if !(r.working_days_left_provisional && counted) {
        return cell;
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    match (r.working_days_left, lang) {
        _ if width(&cell) < WORKDAYS_WIDTH => format!("{cell}*"),
        (Some(n), Lang::Zh) if n < 0 => format!("逾{}*", -n),
        _ => cell,
    }
}

/// The width of the working-days column.
const WORKDAYS_WIDTH: usize = 7;

fn count_cell(lang: Lang, r: &TaskRow) -> String {
    match (r.light, r.working_days_left, lang) {
        (Light::Done, ..) | (Light::Exempt, ..) | (_, None, _) => "—".to_string(),
        (Light::Red, Some(n), Lang::Zh) if n <= -1000 => format!("逾{}", -n),
        (Light::Red, Some(n), Lang::Zh) if n < 0 => format!("逾期{}", -n),
        (Light::Red, Some(n), Lang::En) if n < 0 => format!("-{}", -n),
        (Light::Red, Some(_), Lang::Zh) => "逾期".to_string(),
        (Light::Red, Some(_), Lang::En) => "over".to_string(),
        (_, Some(0), Lang::Zh) => "今日".to_string(),
        (_, Some(0), Lang::En) => "today".to_string(),
        (_, Some(n), Lang::Zh) => format!("剩{n}"),
        (_, Some(n), Lang::En) => n.to_string(),
    }
}

/// The ledger's columns; the id column as wide as `widest_id` needs (an archive's ids run to six
/// or seven digits), never narrower than a county's.
pub fn columns(l: Lang, widest_id: i64) -> Vec<Column> {
    let id_width = u16::try_from(widest_id.max(1).to_string().len() + 1).unwrap_or(8);
    vec![
        Column::fixed(l.t(Msg::ColId), id_width.max(5), 8),
        Column::fixed(l.ui(Ui::ColLightShort), 2, 10),
        Column::fixed(l.t(Msg::ColLeft), WORKDAYS_WIDTH as u16, 9),
        Column::flex(l.t(Msg::ColTask), 24),
        Column::fixed(l.t(Msg::ColLead), 14, 8),
        Column::fixed(l.t(Msg::ColCo), 12, 2),
        Column::fixed(l.t(Msg::ColMeeting), 16, 4),
        Column::fixed(l.t(Msg::ColLeader), 8, 3),
        Column::fixed(l.t(Msg::ColDue), 16, 5),
        Column::fixed(l.t(Msg::ColState), 10, 7),
    ]
}

/// One ledger row's cells, in the order of [`columns`].
pub fn cells(m: &Model, r: &TaskRow) -> Vec<(String, Style)> {
    let l = m.lang;
    let light = m.theme.light(r.light);
    let meeting = format!(
        "{} {}",
        super::short_date(l, r.meeting_date),
        r.meeting_topic.as_deref().unwrap_or("")
    );
    vec![
        (r.id.to_string(), m.theme.muted()),
        (m.theme.light_symbol(r.light).to_string(), light),
        (workdays_cell(l, r), light),
        (r.text.clone(), Style::new()),
        (r.lead_unit.clone(), Style::new()),
        (crate::i18n::join(l, &r.co_units), Style::new()),
        (meeting, Style::new()),
        (r.leader.clone().unwrap_or_default(), Style::new()),
        (l.limit(r.limit, r.due, r.provisional), Style::new()),
        (l.state_short(r.state).to_string(), Style::new()),
    ]
}

/// While any task is marked, a first column shows the mark (■, `*` with `--ascii`) and a marked
/// row's text is in the marked style: the symbol carries it without colour.
fn with_marks(m: &Model, r: &TaskRow, mut cells: Vec<(String, Style)>) -> Vec<(String, Style)> {
    if m.marked.is_empty() {
        return cells;
    }
    let marked = m.marked.contains(&r.id);
    let mark = if marked {
        (m.theme.marked_symbol().to_string(), m.theme.marked())
    } else {
        (" ".to_string(), Style::new())
    };
    if marked && let Some(text) = cells.get_mut(3) {
        text.1 = m.theme.marked();
    }
    cells.insert(0, mark);
    cells
}

pub fn render(m: &Model, f: &mut Frame, body: Rect) {
    let (list, detail) = list_and_detail(body);
    let widest_id = m.tasks.rows.iter().map(|r| r.id).max().unwrap_or(0);
    let mut cols = columns(m.lang, widest_id);
    if !m.marked.is_empty() {
        cols.insert(0, Column::fixed("", 1, 11));
    }
    super::list(m, f, list, &m.tasks, cols, |r| {
        with_marks(m, r, cells(m, r))
    });
    let task = m
        .task_detail
        .as_ref()
        .filter(|t| Some(t.row.id) == m.tasks.selected);
    super::detail(
        m,
        f,
        detail,
        task.map(|t| |d: &mut Detail| task_lines(m, d, t)),
    );
}

/// A task's limit as its sentences name it, `*` when provisional.
fn shown(due: chrono::NaiveDate, r: &TaskRow) -> String {
    crate::i18n::provisional_date(due, r.provisional)
}

/// Why the task has its light, in words.
pub fn reason(l: Lang, r: &TaskRow, t: &crate::domain::Thresholds) -> Option<String> {
    let stale_days = t.exempt_report_every_days;
    match (r.light, r.due, r.working_days_left) {
        (Light::Red, Some(due), Some(n)) if n < 0 => {
            Some(l.ui_fill(Ui::WhyRed, &[&shown(due, r), &-n]))
        }
        (Light::Red, Some(due), _) => Some(l.ui_fill(Ui::WhyRedToday, &[&shown(due, r)])),
        (Light::Yellow, Some(due), Some(n)) => {
            Some(l.ui_fill(Ui::WhyYellow, &[&shown(due, r), &n]))
        }
        (Light::Yellow, None, _) => Some(l.ui_fill(Ui::WhyYellowExempt, &[&stale_days])),
        (Light::Green, Some(due), Some(n)) => Some(l.ui_fill(Ui::WhyGreen, &[&shown(due, r), &n])),
        (Light::Green, None, _) if r.state == TaskState::LimitUnknown => {
            Some(l.fill(Msg::HintLimitUnknown, &[&t.default_limit_workdays]))
        }
        (Light::Green, None, _) if !matches!(r.limit, Limit::Exempt(_)) => {
            Some(l.ui(Ui::WhyPending).to_string())
        }
        _ => None,
    }
}

fn task_lines(m: &Model, d: &mut Detail, t: &TaskDetail) {
    let l = m.lang;
    let r = &t.row;
    let light = m.theme.light(r.light);
    d.line(vec![
        (format!("#{} ", r.id), m.theme.title()),
        (
            format!("{} {}", m.theme.light_symbol(r.light), l.light(r.light)),
            light,
        ),
        (format!(" · {}", l.state(r.state)), Style::new()),
    ]);
    if let Some(why) = reason(l, r, &m.thresholds) {
        d.line(vec![(why, light)]);
    }
    d.field(l.ui(Ui::LblText), r.text.clone());
    d.field(l.t(Msg::ColLead), r.lead_unit.clone());
    if !r.co_units.is_empty() {
        d.field(l.t(Msg::ColCo), crate::i18n::join(l, &r.co_units));
    }
    if let Some(leader) = &r.leader {
        d.field(l.t(Msg::ColLeader), leader.clone());
    }
    d.field(l.ui(Ui::LblLimit), l.limit(r.limit, r.due, r.provisional));
    if r.provisional || r.working_days_left_provisional {
        d.line(vec![(
            l.t(Msg::ProvisionalNote).to_string(),
            m.theme.muted(),
        )]);
    }
    if let Some(p) = r.promised_on {
        d.text(l.ui_fill(Ui::LblPromised, &[&p]));
    }
    // R5.6: a missed promise stays due until a criticism or a waiver answers it.
    if let Some(p) = r.unanswered_promise.filter(|p| *p < m.today) {
        d.line(vec![(l.chn_fill(Chn::Unanswered, &[&p]), m.theme.bad())]);
    }
    if let Some(done) = r.completed_on {
        let note = t.completion_note.clone().unwrap_or_default();
        d.text(format!("{} {note}", l.ui_fill(Ui::LblDoneOn, &[&done])));
    }
    d.field(
        l.ui(Ui::LblMeeting),
        format!(
            "#{} {} {}",
            r.meeting_id,
            r.meeting_date,
            t.meeting_topics.join("；")
        ),
    );
    d.line(vec![(l.ui(Ui::LinkHint).to_string(), m.theme.muted())]);
    // The step the rules ask for next (R5.5 after a missed limit, R5.6 after a missed promise).
    let next = match r.state {
        TaskState::ExplanationDue => Some(Ui::NextExplain),
        TaskState::CriticismDue => None,
        TaskState::Done => None,
        _ => Some(Ui::NextProgress),
    };
    if r.state == TaskState::CriticismDue {
        d.line(vec![(
            l.chn(Chn::NextWaiveOrCriticise).to_string(),
            m.theme.warn(),
        )]);
    }
    if let Some(next) = next {
        let style = if next == Ui::NextProgress {
            m.theme.muted()
        } else {
            m.theme.warn()
        };
        d.line(vec![(l.ui(next).to_string(), style)]);
    }
    d.heading(&format!("{} ({})", l.t(Msg::LblProgress), t.progress.len()));
    for p in t.progress.iter().rev() {
        d.text(format!("{} {}", p.reported_on, p.text));
    }
    if !t.explanations.is_empty() {
        d.heading(l.t(Msg::LblExplanation));
        for e in &t.explanations {
            let promised = l.ui_fill(Ui::LblPromised, &[&e.promised_on]);
            d.text(format!(
                "{} {} · {promised}",
                e.submitted_on,
                e.text.as_deref().unwrap_or("")
            ));
        }
    }
    if !t.criticisms.is_empty() {
        d.heading(l.t(Msg::LblCriticisms));
        for c in &t.criticisms {
            d.line(vec![(
                format!(
                    "{} {} {}",
                    c.date,
                    c.doc_no.as_deref().unwrap_or(""),
                    c.reason.as_deref().unwrap_or("")
                ),
                m.theme.bad(),
            )]);
        }
    }
    if !t.waivers.is_empty() {
        d.heading(l.chn(Chn::LblWaivers));
        for w in &t.waivers {
            d.text(l.chn_fill(Chn::WaiverLine, &[&w.date, &w.reason]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Limit, TaskState};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn the_working_days_column_fits_any_overdue_count() {
        let row = |left: i64| TaskRow {
            id: 1,
            text: "完成管网改造".into(),
            lead_unit: "上塘镇".into(),
            lead_unit_id: 1,
            co_units: vec![],
            meeting_id: 1,
            meeting_date: "2020-01-02".parse().unwrap(),
            meeting_topic: None,
            leader: None,
            limit: Limit::Default,
            due: None,
            provisional: false,
            light: Light::Red,
            working_days_left: Some(left),
            working_days_left_provisional: false,
            state: TaskState::ExplanationDue,
            completed_on: None,
            promised_on: None,
            unanswered_promise: None,
            last_progress_on: None,
            version: 1,
        };
        let width = columns(Lang::Zh, 1)[2].width as usize;
        for n in [1, 37, 999, 1000, 3712, 99_999] {
            for lang in [Lang::Zh, Lang::En] {
                let cell = workdays_cell(lang, &row(-n));
                assert!(cell.width() <= width, "{cell}");
                assert!(cell.contains(&n.to_string()), "{cell}");
            }
        }
        assert_eq!(workdays_cell(Lang::Zh, &row(-37)), "逾期37");
        assert_eq!(workdays_cell(Lang::Zh, &row(-3712)), "逾3712");
        // A count over a year without a holiday notice is marked, and still fits.
        let provisional = |left: i64, light: Light| TaskRow {
            provisional: true,
            working_days_left_provisional: true,
            light,
            ..row(left)
        };
        for n in [-999, -37, 0, 29, 999] {
            for lang in [Lang::Zh, Lang::En] {
                let light = if n < 0 { Light::Red } else { Light::Green };
                let cell = workdays_cell(lang, &provisional(n, light));
                assert!(cell.width() <= width && cell.ends_with('*'), "{cell}");
            }
        }
        assert_eq!(
            workdays_cell(Lang::Zh, &provisional(29, Light::Green)),
            "剩29*"
        );
    }

    #[test]
    fn the_id_column_fits_the_widest_id_on_screen() {
        assert_eq!(
            columns(Lang::Zh, 409)[0].width,
            5,
            "a county's ids keep the usual width"
        );
        assert_eq!(columns(Lang::Zh, 299_985)[0].width, 7);
        assert_eq!(columns(Lang::Zh, 1_000_005)[0].width, 8);
    }
}
