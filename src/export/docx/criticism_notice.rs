//! The draft notice of a criticism (通报批评, R5.6) in 公文 form: the draft mark, the document
//! number above the title, the addressees, what the unit failed to do, the tasks concerned with
//! their limits and promised dates, the decision, the R5.7 warning, and the signature block of the
//! supervision office with the date in Chinese, kept on the page with the last lines of the body.

use std::path::Path;

use docx_rs::AlignmentType;

use super::{
    DocMeta, SMALL_TABLE_SIZE, TEXT_WIDTH, addressee, blank, body, cell, dense_table, doc_number,
    document, draft_mark, gap, header_row, lead_in, provisional_note, row, save, sentence, signed,
    sized_text, title,
};
use crate::domain::NoticeFact;
use crate::export::{ExportError, deadline_long_date, long_date, opt_long_date};
use crate::i18n::{Chn, Exp, Lang, Msg};
use crate::store::{CriticismRow, TaskRow};

/// Number, task, meeting, limit, promised date (twips).
const GRID: [usize; 5] = [600, 2544, 1800, 1950, TEXT_WIDTH - 600 - 2544 - 1800 - 1950];

/// A cell's text in the table's type (仿宋 五号).
fn small(text: &str, align: AlignmentType) -> docx_rs::Paragraph {
    sized_text(text, align, SMALL_TABLE_SIZE)
}

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
    meta: &DocMeta,
) -> Result<(), ExportError> {
    let chain = facts.len() == tasks.len()
        && facts
            .iter()
            .all(|f| matches!(f, NoticeFact::PromiseMissed(_)));
    let unit = c.unit.as_str();
    let k = &c.criticism;
    let doc_no = k
        .doc_no
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| lang.exp(Exp::NoticeNoNumber).to_string());
    let heading = lang.exp_fill(Exp::NoticeTitle, &[&unit]);

    let centre = AlignmentType::Center;
    let head = |text: &str, i: usize| cell(small(text, centre), GRID[i], 1);
    let mut rows = vec![header_row(vec![
        head(lang.exp(Exp::NoticeColNo), 0),
        head(lang.t(Msg::ColTask), 1),
        head(lang.exp(Exp::NoticeColMeeting), 2),
        head(lang.t(Msg::ColDue), 3),
        head(lang.exp(Exp::ColPromisedOn), 4),
    ])];
    for (i, t) in tasks.iter().enumerate() {
        let held = long_date(lang, t.meeting_date);
        let meeting = match &t.meeting_topic {
            Some(topic) => lang.exp_fill(Exp::NoticeMeeting, &[topic, &held]),
            None => held,
        };
        rows.push(row(
            vec![
                cell(small(&(i + 1).to_string(), centre), GRID[0], 1),
                cell(
                    small(
                        &task_words(lang, t, facts.get(i), chain),
                        AlignmentType::Left,
                    ),
                    GRID[1],
                    1,
                ),
                cell(small(&meeting, AlignmentType::Left), GRID[2], 1),
                cell(
                    small(&deadline_long_date(lang, t.due, t.provisional), centre),
                    GRID[3],
                    1,
                ),
                cell(
                    small(&opt_long_date(lang, t.promised_on), centre),
                    GRID[4],
                    1,
                ),
            ],
            500.0,
        ));
    }
    if tasks.is_empty() {
        rows.push(row(
            vec![cell(
                small(lang.exp(Exp::NoticeNone), centre),
                TEXT_WIDTH,
                5,
            )],
            500.0,
        ));
    }

    let mut doc = document()
        .add_paragraph(draft_mark(lang.exp(Exp::NoticeDraft)))
        .add_paragraph(blank())
        .add_paragraph(doc_number(&doc_no))
        .add_paragraph(blank())
        .add_paragraph(title(&heading))
        .add_paragraph(blank())
        .add_paragraph(addressee(lang.exp(Exp::NoticeAddressee)))
        .add_paragraph(body(&if chain {
            lang.exp_fill(Exp::NoticeBody, &[&unit])
        } else {
            lang.chn_fill(Chn::NoticeBodyMixed, &[&unit])
        }));
    if let Some(reason) = k.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        let reason = lang.exp_fill(Exp::NoticeReason, &[&reason]);
        doc = doc.add_paragraph(body(&sentence(lang, &reason)));
    }
    doc = doc
        .add_paragraph(lead_in(lang.exp(Exp::NoticeTasksHeading)))
        .add_table(dense_table(rows, GRID.to_vec()));
    if let Some(note) = provisional_note(lang, tasks.iter().any(|t| t.provisional)) {
        doc = doc.add_paragraph(note);
    }
    doc = doc
        .add_paragraph(gap())
        .add_paragraph(body(&lang.exp_fill(Exp::NoticeDecision, &[&unit])))
        .add_paragraph(body(&lang.exp_fill(
            Exp::NoticeWarning,
            &[&crate::i18n::referral_body(
                lang,
                meta.referral_body.as_deref(),
            )],
        )));
    let doc = signed(
        doc,
        body(lang.exp(Exp::NoticeClosing)),
        &[lang.exp(Exp::NoticeIssuer)],
        &long_date(lang, k.date),
    );
    save(path, doc, meta, &heading)
}

/// A task as the notice lists it: its text, and (unless the body already says it of every task)
/// what happened to it, its dates as the notice writes dates.
fn task_words(lang: Lang, t: &TaskRow, fact: Option<&NoticeFact>, chain: bool) -> String {
    match fact {
        Some(f) if !chain => {
            let words = lang.notice_fact(*f, &|d| long_date(lang, d));
            format!("{}（{}）", t.text, words)
        }
        _ => t.text.clone(),
    }
}
