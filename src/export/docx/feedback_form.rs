//! The feedback form on a meeting's draft minutes (县政府专题会议纪要意见反馈单, R4.2), laid out as
//! the attachment of 永政办发〔2011〕62号, pre-filled for one participating unit.

use std::path::Path;

use docx_rs::AlignmentType;

use super::{
    TABLE_SIZE, TEXT_WIDTH, cell, cell_text, document, multiline, row, save, table, title,
};
use crate::export::{ExportError, long_date};
use crate::i18n::{Exp, Lang};
use crate::store::MeetingDetail;

/// The grid: label, value, label, value (twips; they add up to the type area).
const GRID: [usize; 4] = [1800, 2600, 1900, TEXT_WIDTH - 1800 - 2600 - 1900];

/// Writes the feedback form of `detail`'s minutes for `unit`: topic, chair, participating units,
/// the unit, the drafter with phone, fax and e-mail, the director's review, the day the draft was
/// sent. The answer (the day of feedback, the opinion, the signature and seal) is filled when the
/// unit has answered, else left blank for the unit to fill.
///
/// Refuses a meeting without minutes ([`ExportError::NoMinutes`]) and a unit that did not take
/// part in it ([`ExportError::NotParticipant`]).
pub fn feedback_form(
    path: &Path,
    lang: Lang,
    detail: &MeetingDetail,
    unit: &str,
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
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| long_date(lang, d)).unwrap_or_default();
    let or_blank = |s: &Option<String>| s.clone().unwrap_or_default();

    let left = AlignmentType::Left;
    let centre = AlignmentType::Center;
    let label = |m: Exp| cell(cell_text(lang.exp(m), centre), GRID[0], 1);
    let wide = |text: &str| cell(cell_text(text, left), GRID[1] + GRID[2] + GRID[3], 3);
    let units: Vec<&str> = detail.attendance.iter().map(|(n, _)| n.as_str()).collect();
    let reviewed = [or_blank(&minutes.reviewer), date(minutes.reviewed_on)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("　");
    let (opinion, signature, received) = match answered {
        Some((a, on)) => {
            let f = &a.feedback;
            let mut signer = or_blank(&f.signer);
            if let Some(post) = f.signer_post.as_deref().filter(|p| !p.is_empty()) {
                signer = format!("{signer}（{post}）");
            }
            let seal = lang.exp(if f.sealed {
                Exp::FormSealed
            } else {
                Exp::FormNotSealed
            });
            (
                or_blank(&f.opinion),
                format!("{signer}　{seal}"),
                date(Some(on)),
            )
        }
        None => (String::new(), String::new(), String::new()),
    };
    let mut rules = lang.exp(Exp::FormRules).to_string();
    if let Some(a) = answer {
        // A deadline in a year without a holiday notice says so, in words on paper.
        let provisional = match a.deadline_provisional {
            true => lang.t(crate::i18n::Msg::Provisional),
            false => "",
        };
        rules = format!(
            "{rules}\n{}{provisional}",
            lang.exp_fill(Exp::FormDeadline, &[&long_date(lang, a.deadline)])
        );
    }

    let rows = vec![
        row(
            vec![label(Exp::FormTopic), wide(&detail.row.topics.join("、"))],
            600.0,
        ),
        row(
            vec![label(Exp::FormChair), wide(&or_blank(&detail.row.chair))],
            600.0,
        ),
        row(vec![label(Exp::FormUnits), wide(&units.join("、"))], 600.0),
        row(vec![label(Exp::FormUnit), wide(unit)], 600.0),
        row(
            vec![
                label(Exp::FormDrafter),
                cell(
                    cell_text(
                        &format!(
                            "{}　{}",
                            or_blank(&minutes.drafter),
                            lang.exp_fill(Exp::FormPhone, &[&or_blank(&minutes.drafter_phone)])
                        ),
                        left,
                    ),
                    GRID[1],
                    1,
                ),
                cell(
                    cell_text(
                        &lang.exp_fill(Exp::FormFax, &[&or_blank(&minutes.drafter_fax)]),
                        left,
                    ),
                    GRID[2],
                    1,
                ),
                cell(
                    cell_text(
                        &lang.exp_fill(Exp::FormEmail, &[&or_blank(&minutes.drafter_email)]),
                        left,
                    ),
                    GRID[3],
                    1,
                ),
            ],
            600.0,
        ),
        row(vec![label(Exp::FormReview), wide(&reviewed)], 600.0),
        row(
            vec![
                label(Exp::FormSentOn),
                cell(
                    cell_text(&date(minutes.feedback_sent_on), centre),
                    GRID[1],
                    1,
                ),
                cell(cell_text(lang.exp(Exp::FormReceivedOn), centre), GRID[2], 1),
                cell(cell_text(&received, centre), GRID[3], 1),
            ],
            600.0,
        ),
        row(
            vec![
                label(Exp::FormOpinion),
                cell(
                    multiline(&opinion, super::BODY_FONT, TABLE_SIZE),
                    GRID[1] + GRID[2] + GRID[3],
                    3,
                ),
            ],
            3600.0,
        ),
        row(vec![label(Exp::FormSignature), wide(&signature)], 1400.0),
        row(
            vec![cell(
                multiline(&rules, super::BODY_FONT, TABLE_SIZE),
                TEXT_WIDTH,
                4,
            )],
            900.0,
        ),
    ];
    let doc = document()
        .add_paragraph(title(lang.exp(Exp::FormTitle)))
        .add_table(table(rows, GRID.to_vec()));
    save(path, doc)
}
