//! The draft status bulletin of a period (督查情况通报, R5.4) in 公文 form: the overall figures
//! (meetings, minutes on time, tasks due, done on time, overdue, red tasks, accountability), a
//! table of the units, the red tasks with the working days they are overdue, the promises missed,
//! the criticisms and referrals of the period, what units are to do, and the signature block of
//! the county government office and the supervision office.
//!
//! Every number is read from the [`Report`] that `duban report` prints for the same period and
//! day, never counted again here; each list is the store's list behind its figure. The one
//! figure not of the period is the county's red tasks on the day (截至…全县共有红灯事项): the
//! report's lights count the tasks decided at the period's meetings, so that sentence counts the
//! red list, every task red on the day, as `duban task list --light red` lists them.

mod tables;

use std::path::Path;

use chrono::Datelike;

use super::{
    DocMeta, addressee, blank, body, dense_table, doc_number, document, draft_mark, gap, heading,
    lead_in, provisional_note, save, signed, title,
};
use crate::domain::{Period, Report};
use crate::export::{ExportError, long_date, opt_long_date};
use crate::i18n::{Exp, Lang};
use crate::report::percent;
use crate::store::Bulletin;
use tables::{MISSED_GRID, RED_GRID, UNIT_GRID, accountability, task_table, unit_rows};

/// Writes the draft bulletin of `b`'s period.
pub fn bulletin(path: &Path, lang: Lang, b: &Bulletin, meta: &DocMeta) -> Result<(), ExportError> {
    let r = &b.report;
    let period = period_name(lang, r.period);
    let heading_text = lang.exp_fill(Exp::BulletinTitle, &[&period]);
    let as_of = long_date(lang, r.as_of);

    let mut doc = document()
        .add_paragraph(draft_mark(lang.exp(Exp::NoticeDraft)))
        .add_paragraph(blank())
        .add_paragraph(doc_number(lang.exp(Exp::NoticeNoNumber)))
        .add_paragraph(blank())
        .add_paragraph(title(&heading_text))
        .add_paragraph(blank())
        .add_paragraph(addressee(lang.exp(Exp::NoticeAddressee)))
        .add_paragraph(body(&lang.exp_fill(Exp::BulletinOpening, &[&period])));

    doc = doc.add_paragraph(heading(lang.exp(Exp::BulletinOverall)));
    for p in overall(lang, r, &period, b.red.len()) {
        doc = doc.add_paragraph(body(&p));
    }

    doc = doc.add_paragraph(heading(lang.exp(Exp::BulletinByUnit)));
    doc = if r.units.is_empty() {
        doc.add_paragraph(body(lang.exp(Exp::BulletinUnitsNone)))
    } else {
        doc.add_paragraph(lead_in(lang.exp(Exp::BulletinUnitsLead)))
            .add_table(dense_table(unit_rows(lang, r), UNIT_GRID.to_vec()))
            .add_paragraph(gap())
    };

    doc = doc.add_paragraph(heading(lang.exp(Exp::BulletinRed)));
    doc = if b.red.is_empty() {
        doc.add_paragraph(body(&lang.exp_fill(Exp::BulletinRedNone, &[&as_of])))
    } else {
        let lead = lang.exp_fill(Exp::BulletinRedLead, &[&as_of, &b.red.len()]);
        // A count over a year without a holiday notice is marked as its limit would be.
        let overdue = |t: &crate::store::TaskRow| match t.working_days_left {
            Some(n) if t.working_days_left_provisional => format!("{}*", -n),
            Some(n) => (-n).to_string(),
            None => String::new(),
        };
        let marked = b
            .red
            .iter()
            .any(|t| t.provisional || t.working_days_left_provisional);
        noted(
            doc.add_paragraph(lead_in(&lead)).add_table(task_table(
                lang,
                &b.red,
                RED_GRID,
                Exp::BulletinColOverdue,
                overdue,
            )),
            lang,
            marked,
        )
    };

    doc = doc.add_paragraph(heading(lang.exp(Exp::BulletinMissed)));
    doc = if b.promises_missed.is_empty() {
        doc.add_paragraph(body(lang.exp(Exp::BulletinMissedNone)))
    } else {
        let lead = lang.exp_fill(Exp::BulletinMissedLead, &[&b.promises_missed.len()]);
        let promised = |t: &crate::store::TaskRow| opt_long_date(lang, t.promised_on);
        let marked = b.promises_missed.iter().any(|t| t.provisional);
        noted(
            doc.add_paragraph(lead_in(&lead)).add_table(task_table(
                lang,
                &b.promises_missed,
                MISSED_GRID,
                Exp::ColPromisedOn,
                promised,
            )),
            lang,
            marked,
        )
    };

    doc = doc.add_paragraph(heading(lang.exp(Exp::BulletinAccountability)));
    let referral_body = crate::i18n::referral_body(lang, meta.referral_body.as_deref());
    doc = accountability(doc, lang, b, &referral_body);

    doc = doc
        .add_paragraph(heading(lang.exp(Exp::BulletinRequests)))
        .add_paragraph(body(lang.exp(Exp::BulletinRequest)));
    let doc = signed(
        doc,
        body(lang.exp(Exp::NoticeClosing)),
        &[
            lang.exp(Exp::BulletinIssuerOffice),
            lang.exp(Exp::NoticeIssuer),
        ],
        &long_date(lang, r.as_of),
    );
    save(path, doc, meta, &heading_text)
}

/// After a table: the note saying what `*` means when the table has a provisional mark (R1/R5:
/// a deadline or count over a year without a holiday notice), then a little space.
fn noted(doc: docx_rs::Docx, lang: Lang, marked: bool) -> docx_rs::Docx {
    match provisional_note(lang, marked) {
        Some(note) => doc.add_paragraph(note).add_paragraph(gap()),
        None => doc.add_paragraph(gap()),
    }
}

/// The period as a bulletin names it: a month, a quarter, a year, or from one day to another.
pub(crate) fn period_name(lang: Lang, p: Period) -> String {
    let first_of_month = p.from.day() == 1;
    let last = |months: u32| {
        p.from
            .checked_add_months(chrono::Months::new(months))
            .and_then(|d| d.pred_opt())
    };
    let (y, m) = (p.from.year(), p.from.month());
    if first_of_month && last(1) == Some(p.to) {
        let month: &dyn std::fmt::Display = match lang {
            Lang::Zh => &m,
            Lang::En => &u8::try_from(m)
                .ok()
                .and_then(|m| chrono::Month::try_from(m).ok())
                .map_or("", |m| m.name()),
        };
        lang.exp_fill(Exp::BulletinMonth, &[&y, month])
    } else if first_of_month && m % 3 == 1 && last(3) == Some(p.to) {
        let q = (m - 1) / 3 + 1;
        let q: &dyn std::fmt::Display = match lang {
            Lang::Zh => &["一", "二", "三", "四"][(q - 1) as usize],
            Lang::En => &q,
        };
        lang.exp_fill(Exp::BulletinQuarter, &[&y, q])
    } else if first_of_month && m == 1 && last(12) == Some(p.to) {
        lang.exp_fill(Exp::BulletinYear, &[&y])
    } else {
        lang.exp_fill(
            Exp::BulletinRange,
            &[&long_date(lang, p.from), &long_date(lang, p.to)],
        )
    }
}

/// The overall figures, as sentences: meetings and topics, minutes, tasks, the county's `red`
/// tasks on the day, and the accountability of the period.
fn overall(lang: Lang, r: &Report, period: &str, red: usize) -> Vec<String> {
    let (m, mi, t) = (&r.meetings, &r.minutes, r.totals());
    let with_rate = |text: String, rate: Option<f64>| match rate {
        Some(_) => format!(
            "{text}{}",
            lang.exp_fill(Exp::BulletinRate, &[&percent(rate)])
        ),
        None => format!("{text}{}", lang.exp(Exp::BulletinStop)),
    };
    vec![
        lang.exp_fill(Exp::BulletinMeetings, &[&period, &m.meetings, &m.topics]),
        with_rate(
            lang.exp_fill(
                Exp::BulletinMinutes,
                &[&mi.issued_on_time, &mi.issued_late, &mi.overdue],
            ),
            mi.on_time_rate(),
        ),
        with_rate(
            lang.exp_fill(
                Exp::BulletinTasks,
                &[&t.due, &t.done_on_time, &t.done_late, &t.open_overdue],
            ),
            t.on_time_rate(),
        ),
        lang.exp_fill(Exp::BulletinRedCount, &[&long_date(lang, r.as_of), &red]),
        lang.exp_fill(
            Exp::BulletinAccountabilityFigures,
            &[
                &t.explanations,
                &t.promises_missed,
                &t.criticisms,
                &t.referrals,
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PeriodKind;
    use crate::domain::testcal::d;

    #[test]
    fn r5_4_periods_are_named_as_a_bulletin_names_them() {
        let today = d("2026-11-25");
        let name = |k: PeriodKind, l| period_name(l, k.around(today));
        assert_eq!(name(PeriodKind::Month, Lang::Zh), "2026年11月");
        assert_eq!(name(PeriodKind::Quarter, Lang::Zh), "2026年第四季度");
        assert_eq!(name(PeriodKind::Year, Lang::Zh), "2026年");
        assert_eq!(name(PeriodKind::Quarter, Lang::En), "Q4 2026");
        assert_eq!(name(PeriodKind::Month, Lang::En), "November 2026");
        let custom = Period::new(d("2026-01-01"), d("2026-03-15")).unwrap();
        assert_eq!(period_name(Lang::Zh, custom), "2026年1月1日至2026年3月15日");
    }
}
