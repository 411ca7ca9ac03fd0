//! Seams point 2: the attendance forms are saved as one. The attendees confirmed (R2.3) and the
//! attendance recorded (R3) for all of a form's rows in one transaction: a late row refused leaves
//! nothing stored, and the refusal names the row's unit; the rows are undone as one step.

use super::*;
use crate::domain::testcal::d as day;

fn attendee(s: &Store, m: i64, unit: &str) -> (Option<String>, Option<AttendanceOutcome>) {
    let detail = s.meeting_detail(m, day("2026-11-25")).unwrap();
    let (_, a) = detail.attendance.iter().find(|(n, _)| n == unit).unwrap();
    (a.attendee.clone(), a.outcome)
}

#[test]
fn seams_2_confirmation_with_a_late_row_refused_stores_nothing_and_names_the_row() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    edits::more(&mut s);
    let n = audit_count(&s);
    // 县水利局 is no participant: refused inside the transaction, after 上塘镇 was written.
    let rows = vec![
        ("上塘镇".to_string(), Some("张镇长".to_string()), None, true),
        (
            "县水利局".to_string(),
            Some("王局长".to_string()),
            None,
            true,
        ),
    ];
    match s.confirm_attendees(m, &rows) {
        Err(StoreError::Invalid(Invalid::Row { unit, error })) => {
            assert_eq!(unit, "县水利局");
            assert!(
                matches!(*error, StoreError::Invalid(Invalid::NotParticipant { .. })),
                "{error:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(attendee(&s, m, "上塘镇").0, None, "nothing stored");
    assert_eq!(audit_count(&s), n);
    // A row whose text is refused names its unit in the message too.
    let long = "长".repeat(200);
    let rows = vec![
        ("上塘镇".to_string(), Some("张镇长".to_string()), None, true),
        ("县财政局".to_string(), Some(long), None, true),
    ];
    let e = s.confirm_attendees(m, &rows).unwrap_err();
    let msg = crate::present::store_message(crate::i18n::Lang::Zh, e);
    assert!(msg.starts_with("县财政局："), "{msg}");
    assert_eq!(attendee(&s, m, "上塘镇").0, None);
    assert_eq!(audit_count(&s), n);
}

#[test]
fn seams_2_attendance_with_a_late_row_refused_stores_nothing_and_names_the_row() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let n = audit_count(&s);
    let today = day("2026-11-25");
    let rows = vec![
        (
            "上塘镇".to_string(),
            AttendanceOutcome::LeaderAttended,
            Some("张镇长".to_string()),
            None,
        ),
        (
            "无此单位".to_string(),
            AttendanceOutcome::Absent,
            None,
            None,
        ),
    ];
    let e = s.record_attendance_rows(m, &rows, today).unwrap_err();
    let msg = crate::present::store_message(crate::i18n::Lang::En, e);
    assert!(msg.contains("无此单位"), "{msg}");
    assert_eq!(attendee(&s, m, "上塘镇"), (None, None), "nothing stored");
    assert_eq!(audit_count(&s), n);
}

#[test]
fn seams_2_a_form_saved_as_one_is_undone_as_one_step() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let rows = vec![
        (
            "上塘镇".to_string(),
            AttendanceOutcome::LeaderAttended,
            Some("张镇长".to_string()),
            None,
        ),
        (
            "县财政局".to_string(),
            AttendanceOutcome::Absent,
            None,
            None,
        ),
    ];
    s.record_attendance_rows(m, &rows, day("2026-11-25"))
        .unwrap();
    assert_eq!(
        attendee(&s, m, "上塘镇"),
        (
            Some("张镇长".into()),
            Some(AttendanceOutcome::LeaderAttended)
        )
    );
    assert_eq!(
        attendee(&s, m, "县财政局").1,
        Some(AttendanceOutcome::Absent)
    );
    let peek = s.peek_undo_batch(rows.len()).unwrap();
    assert_eq!(peek.len(), 2, "both rows are one step");
    let ids: Vec<i64> = peek.iter().map(|p| p.audit_id).collect();
    s.undo_batch(&ids).unwrap();
    assert_eq!(attendee(&s, m, "上塘镇"), (None, None));
    assert_eq!(attendee(&s, m, "县财政局"), (None, None));
}
