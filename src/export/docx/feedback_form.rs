//! The feedback form on a meeting's draft minutes (县政府专题会议纪要意见反馈单, R4.2), laid out
//! as the attachment of 永政办发〔2011〕62号 and labelled 附件, pre-filled for one participating
//! unit. The signature and seal are left for the unit's head to write.

use std::path::Path;

use docx_rs::{AlignmentType, TableCell, VMergeType};

use super::{
    BODY_FONT, DocMeta, TABLE_SIZE, TEXT_WIDTH, attachment_label, cell, cell_text, document,
    multiline, row, save, sentence, table, text_width, title,
};
use crate::export::{ExportError, long_date, opt_long_date};
use crate::i18n::{Exp, Lang};
use crate::store::MeetingDetail;

/// The grid: label, value, label, value (twips; they add up to the type area).
const GRID: [usize; 4] = [1800, 2600, 1800, TEXT_WIDTH - 1800 - 2600 - 1800];
/// A cell's left and right margins together (Word's default, 0.19 cm each), in twips.
const CELL_MARGINS: i32 = 216;
const ROW: f32 = 560.0;

/// Writes the feedback form of `detail`'s minutes for `unit`: topic, chair, participating units,
/// the unit, the drafter with phone, fax and e-mail, the director's review, the day the draft was
/// sent. The unit's answer (the day of feedback and the opinion) is filled in when it has
/// answered; the signature and seal never are.
///
/// Refuses a meeting without minutes ([`ExportError::NoMinutes`]) and a unit that did not take
/// part in it ([`ExportError::NotParticipant`]).
pub fn feedback_form(
    path: &Path,
    lang: Lang,
    detail: &MeetingDetail,
    unit: &str,
    meta: &DocMeta,
) -> Result<(), ExportError> {
    let meeting = detail.row.id;
    let minutes = detail
        .minutes_record
        .as_ref()
        .ok_or(ExportError::NoMinutes { meeting })?;
    if !detail.attendance.iter().any(|(name, _)| name == unit) {
        return Err(ExportError::NotParticipant {
            unit: unit.to_string(),
            meeting,
        });
    }
    let answer = detail.feedback.iter().find(|f| f.unit == unit);
    let answered = answer.and_then(|a| a.feedback.received_on.map(|on| (a, on)));
    let or_blank = |s: &Option<String>| s.clone().unwrap_or_default();

    let left = AlignmentType::Left;
    let centre = AlignmentType::Center;
    let label = |m: Exp| cell(cell_text(lang.exp(m), centre), GRID[0], 1);
    let wide = |text: &str| cell(cell_text(text, left), GRID[1] + GRID[2] + GRID[3], 3);
    let units: Vec<&str> = detail.attendance.iter().map(|(n, _)| n.as_str()).collect();
    let reviewed = [
        or_blank(&minutes.reviewer),
        opt_long_date(lang, minutes.reviewed_on),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("　");
    let (opinion, received) = match answered {
        Some((a, on)) => (or_blank(&a.feedback.opinion), long_date(lang, on)),
        None => (String::new(), String::new()),
    };
    let mut rules = lang.exp(Exp::FormRules).to_string();
    if let Some(a) = answer {
        // A deadline in a year without a holiday notice says so, in words on paper.
        let provisional = match a.deadline_provisional {
            true => lang.t(crate::i18n::Msg::Provisional),
            false => "",
        };
        let deadline = lang.exp_fill(Exp::FormDeadline, &[&long_date(lang, a.deadline)]);
        rules = format!(
            "{rules}\n{}",
            sentence(lang, &format!("{deadline}{provisional}"))
        );
    }

    let mut rows = vec![
        row(
            vec![
                label(Exp::FormTopic),
                wide(&crate::i18n::join(lang, &detail.row.topics)),
            ],
            ROW,
        ),
        row(
            vec![label(Exp::FormChair), wide(&or_blank(&detail.row.chair))],
            ROW,
        ),
        row(
            vec![
                label(Exp::FormUnits),
                wide(&crate::i18n::join(lang, &units)),
            ],
            ROW,
        ),
        row(vec![label(Exp::FormUnit), wide(unit)], ROW),
    ];
    rows.extend(drafter_rows(lang, minutes));
    rows.extend([
        row(vec![label(Exp::FormReview), wide(&reviewed)], ROW),
        row(
            vec![
                label(Exp::FormSentOn),
                cell(
                    cell_text(&opt_long_date(lang, minutes.feedback_sent_on), centre),
                    GRID[1],
                    1,
                ),
                cell(cell_text(lang.exp(Exp::FormReceivedOn), centre), GRID[2], 1),
                cell(cell_text(&received, centre), GRID[3], 1),
            ],
            ROW,
        ),
        row(
            vec![
                label(Exp::FormOpinion),
                cell(
                    multiline(&opinion, BODY_FONT, TABLE_SIZE),
                    GRID[1] + GRID[2] + GRID[3],
                    3,
                )
                .vertical_align(docx_rs::VAlignType::Top),
            ],
            3000.0,
        ),
        // Left blank: the unit's head signs and the unit seals the paper form.
        row(vec![label(Exp::FormSignature), wide("")], 1200.0),
        row(
            vec![cell(
                multiline(&rules, BODY_FONT, TABLE_SIZE),
                TEXT_WIDTH,
                4,
            )],
            900.0,
        ),
    ]);
    let heading = lang.exp(Exp::FormTitle);
    let doc = document()
        .add_paragraph(attachment_label(lang.exp(Exp::FormAttachment)))
        .add_paragraph(
            title(heading).line_spacing(
                docx_rs::LineSpacing::new()
                    .line(700)
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .before(280)
                    .after(280),
            ),
        )
        .add_table(table(rows, GRID.to_vec()));
    save(path, doc, meta, heading)
}

/// The drafter's rows: the name and phone, then fax and e-mail, each in a cell wide enough that
/// a number or an address is never broken across lines (an address too long for its cell gets a
/// row of its own). The label spans the rows.
fn drafter_rows(lang: Lang, minutes: &crate::domain::Minutes) -> Vec<docx_rs::TableRow> {
    let or_blank = |s: &Option<String>| s.clone().unwrap_or_default();
    let left = AlignmentType::Left;
    let text = |t: &str, width: usize, span: usize| cell(cell_text(t, left), width, span);
    let phone = lang.exp_fill(Exp::FormPhone, &[&or_blank(&minutes.drafter_phone)]);
    let fax = lang.exp_fill(Exp::FormFax, &[&or_blank(&minutes.drafter_fax)]);
    let email = lang.exp_fill(Exp::FormEmail, &[&or_blank(&minutes.drafter_email)]);
    let label = |merge: VMergeType| -> TableCell {
        let text = if merge == VMergeType::Restart {
            lang.exp(Exp::FormDrafter)
        } else {
            ""
        };
        cell(cell_text(text, AlignmentType::Center), GRID[0], 1).vertical_merge(merge)
    };
    let rest = GRID[2] + GRID[3];
    let fits = |t: &str, width: usize| {
        text_width(t, TABLE_SIZE) + CELL_MARGINS <= i32::try_from(width).unwrap_or(i32::MAX)
    };
    let mut rows = vec![row(
        vec![
            label(VMergeType::Restart),
            text(&or_blank(&minutes.drafter), GRID[1], 1),
            text(&phone, rest, 2),
        ],
        ROW,
    )];
    if fits(&fax, GRID[1]) && fits(&email, rest) {
        rows.push(row(
            vec![
                label(VMergeType::Continue),
                text(&fax, GRID[1], 1),
                text(&email, rest, 2),
            ],
            ROW,
        ));
    } else {
        for t in [&fax, &email] {
            rows.push(row(
                vec![label(VMergeType::Continue), text(t, GRID[1] + rest, 3)],
                ROW,
            ));
        }
    }
    rows
}
