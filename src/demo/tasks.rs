//! The demo's tasks: limits of every kind, and what became of each by `today`.

use chrono::{Days, NaiveDate};

use super::Gen;
use super::names::ACTIONS;
use crate::domain::task::task_deadline;
use crate::domain::{ExemptCategory, Explanation, Limit, ProgressReport, Task};

impl Gen<'_> {
    pub(super) fn task(
        &mut self,
        meeting_id: i64,
        date: NaiveDate,
        issued: Option<NaiveDate>,
        units: &[usize],
    ) {
        let today = self.today;
        let id = Self::next_id(&self.data.tasks);
        let lead = units[self.rng.range(0, units.len() as i64 - 1) as usize] as i64 + 1;
        let co: Vec<i64> = units
            .iter()
            .map(|u| *u as i64 + 1)
            .filter(|u| *u != lead && self.rng.chance(0.3))
            .take(2)
            .collect();
        let meeting = &self.data.meetings[meeting_id as usize - 1];
        let topic = meeting.topics[0].clone();
        let chair = meeting.chair_id;
        let base = issued.unwrap_or_else(|| self.wd(date, 10));
        let limit = match self.rng.range(0, 99) {
            0..=44 => Limit::Date(self.wd_rand(base, 5, 40)),
            45..=84 => Limit::Default,
            _ => Limit::Exempt(*self.rng.pick(&ExemptCategory::ALL)),
        };
        let due = task_deadline(self.cal, self.t, limit, issued).map(|d| d.date);
        let assigned = issued.unwrap_or(date);
        let mut completed = None;
        match (limit, due) {
            (_, Some(due)) if due < today => {
                // The longer ago the limit, the likelier the task was done since.
                let age = (today - due).num_days() as f64;
                if self.rng.chance(0.6 + 0.35 * (age / 120.0).min(1.0)) {
                    let on = if self.rng.chance(0.8) {
                        self.wd_rand(due, -5, -0).max(assigned)
                    } else {
                        self.wd_rand(due, 1, 8)
                    };
                    completed = Some(on.min(today));
                } else if self.rng.chance(0.55) {
                    let submitted = self.wd_rand(due, 1, 4);
                    if submitted <= today {
                        let promised = self.wd_rand(submitted, 5, 15);
                        let eid = Self::next_id(&self.data.explanations);
                        self.data.explanations.push(Explanation {
                            id: eid,
                            task_id: id,
                            submitted_on: submitted,
                            text: Some(
                                self.rng
                                    .pick(&[
                                        "资金尚未到位",
                                        "政策处理难度大",
                                        "需上级部门审批",
                                        "施工受天气影响",
                                    ])
                                    .to_string(),
                            ),
                            promised_on: promised,
                        });
                    }
                }
            }
            // An archive's older exempt tasks were done within a year, and their monthly reports
            // stopped then (else a many-year archive would hold hundreds of reports per task).
            (Limit::Exempt(_), _) if assigned + Days::new(365) < today => {
                let after = Days::new(self.rng.range(60, 360) as u64);
                let done = self.workday_on_or_after(assigned + after);
                self.progress_between(id, assigned, done);
                completed = Some(done);
            }
            (Limit::Exempt(_), _) => {
                self.progress_series(id, assigned);
                if self.rng.chance(0.1) && assigned + Days::new(60) < today {
                    completed = Some(self.wd_rand(today, -20, -1).max(assigned));
                }
            }
            _ => {
                if self.rng.chance(0.2) && assigned < today {
                    completed = Some(self.wd_rand(today, -3, -0).max(assigned));
                }
            }
        }
        // Time runs one way: nothing is reported on a task after it was done.
        if let Some(done) = completed {
            self.data
                .progress
                .retain(|p| p.task_id != id || p.reported_on <= done);
        }
        if !matches!(limit, Limit::Exempt(_))
            && completed.is_none()
            && self.rng.chance(0.3)
            && assigned < today
        {
            let on = self.wd_rand(today, -10, -1).max(assigned);
            self.push_progress(id, on, "已召开专题协调会，正按计划推进");
        }
        self.data.tasks.push(Task {
            id,
            meeting_id,
            text: format!("{topic}：{}", self.rng.pick(ACTIONS)),
            lead_unit_id: lead,
            co_unit_ids: co,
            responsible_leader_id: chair,
            limit,
            completion_note: completed.map(|_| "已按要求办结".to_string()),
            completed_on: completed,
            version: 1,
        });
    }

    /// Monthly-ish progress reports for an exempt task; a quarter of them went quiet.
    fn progress_series(&mut self, task_id: i64, from: NaiveDate) {
        let stop = if self.rng.chance(0.25) {
            self.today - Days::new(self.rng.range(35, 80) as u64)
        } else {
            self.today
        };
        self.progress_between(task_id, from, stop);
    }

    /// Monthly-ish progress reports from `from` until `stop`.
    fn progress_between(&mut self, task_id: i64, from: NaiveDate, stop: NaiveDate) {
        let mut on = from + Days::new(self.rng.range(15, 30) as u64);
        while on <= stop {
            self.push_progress(task_id, on, "按计划推进，已向主持人报告阶段进展");
            on = on + Days::new(self.rng.range(18, 28) as u64);
        }
    }

    fn push_progress(&mut self, task_id: i64, on: NaiveDate, text: &str) {
        let id = Self::next_id(&self.data.progress);
        self.data.progress.push(ProgressReport {
            id,
            task_id,
            reported_on: on,
            text: text.to_string(),
        });
    }
}
