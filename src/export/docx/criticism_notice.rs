//! The draft notice of a criticism (通报批评, R5.6): title, document number, addressees, what the
//! unit failed to do, the tasks concerned with their limits and promised dates, the decision, the
//! R5.7 warning and the closing, signed by the supervision office. Marked 草稿 (draft).

use std::path::Path;

use docx_rs::{AlignmentType, Paragraph, SpecialIndentType};

use super::{
    BODY_FONT, BODY_SIZE, HEADING_FONT, TEXT_WIDTH, aligned, body, cell, cell_text, document, row,
    run, save, table, title,
};
use crate::domain::NoticeFact;
use crate::export::{ExportError, long_date, opt_date};
use crate::i18n::{Chn, Exp, Lang, Msg};
use crate::store::{CriticismRow, TaskRow};

/// Number, task, meeting, limit, promised date (twips).
const GRID: [usize; 5] = [700, 3344, 1800, 1500, TEXT_WIDTH - 700 - 3344 - 1800 - 1500];

/// Writes the draft notice of criticism `c` of a unit, listing `tasks` (the tasks it covers) with
/// what truly happened to each (`facts`, one per task: `Store::notice_fact` on the criticism's
/// date). The notice says "经书面说明并承诺限期完成后，仍未在承诺时限内完成" of every task only when
/// each one's promise was missed; otherwise each task says its own fact (R5.6).
pub fn criticism_notice(
    path: &Path,
    lang: Lang,
    c: &CriticismRow,
    tasks: &[TaskRow],
    facts: &[NoticeFact],
) -> Result<(), ExportError> {
    let chain = facts.len() == tasks.len()
        && facts
            .iter()
            .all(|f| matches!(f, NoticeFact::PromiseMissed(_)));
    let unit = c.unit.as_str();
    let k = &c.criticism;
    let draft = Paragraph::new()
        .add_run(run(lang.exp(Exp::NoticeDraft), HEADING_FONT, BODY_SIZE).color("C00000"))
        .align(AlignmentType::Right);
    let doc_no = k
        .doc_no
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| lang.exp(Exp::NoticeNoNumber).to_string());
    let heading = Paragraph::new()
        .add_run(run(
            lang.exp(Exp::NoticeTasksHeading),
            HEADING_FONT,
            BODY_SIZE,
        ))
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .first_line_chars(200);

    let centre = AlignmentType::Center;
    let head = |text: &str, i: usize| cell(cell_text(text, centre), GRID[i], 1);
    let mut rows = vec![row(
        vec![
            head(lang.exp(Exp::NoticeColNo), 0),
            head(lang.t(Msg::ColTask), 1),
            head(lang.exp(Exp::NoticeColMeeting), 2),
            head(lang.t(Msg::ColDue), 3),
            head(lang.exp(Exp::ColPromisedOn), 4),
        ],
        500.0,
    )];
    for (i, t) in tasks.iter().enumerate() {
        let meeting = match &t.meeting_topic {
            Some(topic) => format!("{} {topic}", t.meeting_date),
            None => t.meeting_date.to_string(),
        };
        rows.push(row(
            vec![
                cell(cell_text(&(i + 1).to_string(), centre), GRID[0], 1),
                cell(
                    cell_text(
                        &task_words(lang, t, facts.get(i), chain),
                        AlignmentType::Left,
                    ),
                    GRID[1],
                    1,
                ),
                cell(cell_text(&meeting, AlignmentType::Left), GRID[2], 1),
                cell(cell_text(&opt_date(t.due), centre), GRID[3], 1),
                cell(cell_text(&opt_date(t.promised_on), centre), GRID[4], 1),
            ],
            500.0,
        ));
    }
    if tasks.is_empty() {
        rows.push(row(
            vec![cell(
                cell_text(lang.exp(Exp::NoticeNone), centre),
                TEXT_WIDTH,
                5,
            )],
            500.0,
        ));
    }

    let mut doc = document()
        .add_paragraph(draft)
        .add_paragraph(title(&lang.exp_fill(Exp::NoticeTitle, &[&unit])))
        .add_paragraph(aligned(&doc_no, centre))
        .add_paragraph(Paragraph::new())
        .add_paragraph(aligned(lang.exp(Exp::NoticeAddressee), AlignmentType::Left))
        .add_paragraph(body(&if chain {
            lang.exp_fill(Exp::NoticeBody, &[&unit])
        } else {
            lang.chn_fill(Chn::NoticeBodyMixed, &[&unit])
        }));
    if let Some(reason) = k.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        doc = doc.add_paragraph(body(&lang.exp_fill(Exp::NoticeReason, &[&reason])));
    }
    doc = doc
        .add_paragraph(heading)
        .add_table(table(rows, GRID.to_vec()))
        .add_paragraph(Paragraph::new())
        .add_paragraph(body(&lang.exp_fill(Exp::NoticeDecision, &[&unit])))
        .add_paragraph(body(lang.exp(Exp::NoticeWarning)))
        .add_paragraph(body(lang.exp(Exp::NoticeClosing)))
        .add_paragraph(Paragraph::new())
        .add_paragraph(aligned(lang.exp(Exp::NoticeIssuer), AlignmentType::Right))
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&long_date(lang, k.date), BODY_FONT, BODY_SIZE))
                .align(AlignmentType::Right),
        );
    save(path, doc)
}

/// A task as the notice lists it: its text, and (unless the body already says it of every task)
/// what happened to it.
fn task_words(lang: Lang, t: &TaskRow, fact: Option<&NoticeFact>, chain: bool) -> String {
    match fact {
        Some(f) if !chain => format!("{}（{}）", t.text, lang.notice_fact(*f)),
        _ => t.text.clone(),
    }
}
