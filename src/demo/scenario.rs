//! The accountability stories the demo always tells (R5.5–R5.7): a unit with two criticisms within a
//! year (referral due), one whose referral ran its course, and one with a single criticism; and
//! the missed promise as a fact: a second promise after a missed one (still criticism-due), a
//! completion after a missed promise (done, still criticism-due), and a waiver (不予通报批评)
//! followed by a new promise.

use chrono::{Days, NaiveDate};

use super::Gen;
use crate::domain::{
    Attendance, AttendanceOutcome, Criticism, Explanation, Limit, Referral, Task, Waiver,
};

/// (unit name, days before today of each criticism)
const STORIES: &[(&str, &[u64])] = &[
    ("上塘镇", &[200, 45]),
    ("县住房和城乡建设局", &[340, 260]),
    ("桥头镇", &[120]),
];

pub(super) fn criticisms(g: &mut Gen<'_>) {
    for (unit, days) in STORIES {
        let Some(unit_id) = g.data.units.iter().find(|u| u.name == *unit).map(|u| u.id) else {
            continue;
        };
        for (n, &ago) in days.iter().enumerate() {
            let date = g.workday_on_or_after(g.today - Days::new(ago));
            let still_open = n + 1 == days.len();
            if let Some((task_id, _)) = missed_promise_task(g, unit_id, date, still_open) {
                let id = g.data.criticisms.len() as i64 + 1;
                g.data.criticisms.push(Criticism {
                    id,
                    unit_id,
                    date,
                    doc_no: Some(format!("县考绩办〔{}〕{}号", date.format("%Y"), id)),
                    reason: Some("议定事项逾期未完成，且未兑现书面承诺的完成时限".to_string()),
                    task_ids: vec![task_id],
                    version: 1,
                });
            }
        }
    }
    // The second story's referral went all the way (R5.7).
    if let Some(unit) = g.data.units.iter().find(|u| u.name == "县住房和城乡建设局") {
        let second = g.today - Days::new(255);
        g.data.referrals.push(Referral {
            id: 1,
            unit_id: unit.id,
            proposed_on: second,
            proposal_reason: Some("一年内两次受到通报批评".to_string()),
            approved_on: Some(second + Days::new(7)),
            approval: Some(format!(
                "县政府同意（{}年第12期专题会议）",
                second.format("%Y")
            )),
            referred_on: Some(second + Days::new(14)),
            decision: Some(format!("县考绩办移送函〔{}〕2号", second.format("%Y"))),
            concluded_on: Some(second + Days::new(90)),
            outcome: Some("对相关责任人进行诫勉谈话".to_string()),
            not_referred_on: None,
            reason: None,
            version: 1,
        });
    }
}

/// R5.6: the missed promise is a fact, whatever follows it.
pub(super) fn missed_promises(g: &mut Gen<'_>) {
    let unit = |g: &Gen<'_>, name: &str| g.data.units.iter().find(|u| u.name == name).map(|u| u.id);
    let today = g.today;
    // A second promise after a missed one: the first miss stays due for a criticism.
    if let Some((id, promised)) =
        unit(g, "瓯北街道").and_then(|u| missed_promise_task(g, u, today - Days::new(20), true))
    {
        let submitted = g.wd(promised, 3);
        let again = g.wd(today, 10);
        explain(g, id, submitted, again, "原定时限未能完成，申请再次延期");
    }
    // Done after the promised date: the light is done, the miss still due for a criticism.
    if let Some((id, promised)) =
        unit(g, "东城街道").and_then(|u| missed_promise_task(g, u, today - Days::new(15), true))
    {
        let done = g.wd(promised, 5).min(g.wd(today, -1));
        if let Some(t) = g.data.tasks.iter_mut().find(|t| t.id == id) {
            t.completed_on = Some(done);
            t.completion_note = Some("超过承诺时限后完成".to_string());
        }
    }
    // The office decided not to criticise (with the reason); the unit promised again.
    if let Some((id, promised)) =
        unit(g, "南城街道").and_then(|u| missed_promise_task(g, u, today - Days::new(25), true))
    {
        let on = g.wd(promised, 2);
        g.data.waivers.push(Waiver {
            id: g.data.waivers.len() as i64 + 1,
            task_id: id,
            date: on,
            reason: "受上级审批政策调整影响，经研究不予通报批评".to_string(),
            version: 1,
        });
        let again = g.wd(today, 8);
        explain(
            g,
            id,
            g.wd(on, 1),
            again,
            "政策调整后重新报批，承诺限期完成",
        );
    }
}

fn explain(g: &mut Gen<'_>, task_id: i64, submitted: NaiveDate, promised: NaiveDate, text: &str) {
    let id = g.data.explanations.len() as i64 + 1;
    g.data.explanations.push(Explanation {
        id,
        task_id,
        submitted_on: submitted,
        text: Some(text.to_string()),
        promised_on: promised,
    });
}

/// A task of `unit_id` from a meeting two to four months before `criticised_on`, past its limit,
/// explained with a promise that was missed before `criticised_on`: its id and the promised date.
fn missed_promise_task(
    g: &mut Gen<'_>,
    unit_id: i64,
    criticised_on: NaiveDate,
    still_open: bool,
) -> Option<(i64, NaiveDate)> {
    let latest = criticised_on - Days::new(60);
    let meeting = g
        .data
        .meetings
        .iter()
        .rev()
        .find(|m| m.date <= latest && m.date + Days::new(120) >= latest)?;
    let (meeting_id, meeting_date, topic, chair) = (
        meeting.id,
        meeting.date,
        meeting.topics[0].clone(),
        meeting.chair_id,
    );
    if !g
        .data
        .attendance
        .iter()
        .any(|a| a.meeting_id == meeting_id && a.unit_id == unit_id)
    {
        let attendee = Some(g.person());
        g.data.attendance.push(Attendance {
            meeting_id,
            unit_id,
            attendee,
            role: Some("镇长".to_string()),
            confirmed: true,
            outcome: Some(AttendanceOutcome::LeaderAttended),
            version: 1,
        });
    }
    let due = g.wd(criticised_on, -20).max(g.wd(meeting_date, 10));
    let submitted = g.wd(due, 2);
    let promised = g.wd(submitted, 8).min(g.wd(criticised_on, -1));
    let id = g.data.tasks.len() as i64 + 1;
    let completed = (!still_open)
        .then(|| g.wd(criticised_on, 10))
        .filter(|d| *d <= g.today);
    g.data.tasks.push(Task {
        id,
        meeting_id,
        text: format!("{topic}：按会议要求完成问题整改并书面报告"),
        lead_unit_id: unit_id,
        co_unit_ids: vec![],
        responsible_leader_id: chair,
        limit: Limit::Date(due),
        completed_on: completed,
        completion_note: completed.map(|_| "通报后完成整改".to_string()),
        version: 1,
    });
    let eid = g.data.explanations.len() as i64 + 1;
    g.data.explanations.push(Explanation {
        id: eid,
        task_id: id,
        submitted_on: submitted,
        text: Some("工作量大，申请延期".to_string()),
        promised_on: promised,
    });
    Some((id, promised))
}
