//! `duban demo`: a believable county relative to `today` — about 30 units, the county head and
//! deputies with liaison directors, ~60 meetings over the last 12 months and ~400 tasks in every
//! state; or, with `--scale N`, N tasks with proportional meetings for benchmarks.

mod names;
mod rng;
mod scenario;
mod tasks;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use crate::calendar::Calendar;
use crate::domain::{
    Attendance, AttendanceOutcome, Feedback, Leader, LeaderTitle, Meeting, Minutes, Thresholds,
    Unit, UnitKind,
};
use crate::store::{Dataset, Result, Store};
use names::*;
use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub today: NaiveDate,
    /// `None`: the demo county; `Some(n)`: n tasks for benchmarks.
    pub scale: Option<usize>,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub units: usize,
    pub meetings: usize,
    pub tasks: usize,
}

/// Generates the dataset and loads it into an empty store in one transaction.
pub fn build(store: &mut Store, opts: DemoOptions) -> Result<DemoSummary> {
    let data = generate(store.calendar(), store.thresholds(), opts);
    let summary = DemoSummary {
        units: data.units.len(),
        meetings: data.meetings.len(),
        tasks: data.tasks.len(),
    };
    store.load_dataset(&data, "demo")?;
    Ok(summary)
}

/// The demo dataset, a pure function of the calendar, thresholds and options.
pub fn generate(cal: &Calendar, t: &Thresholds, opts: DemoOptions) -> Dataset {
    let mut g = Gen {
        rng: Rng::new(opts.seed),
        year_seq: (0, 0),
        cal,
        t,
        today: opts.today,
        data: Dataset::default(),
    };
    g.units(opts.scale);
    g.leaders();
    let (meetings, span_days) = match opts.scale {
        None => (60, 365),
        Some(n) => ((n / 7).max(1), (n as i64 / 20).clamp(365, 15 * 365)),
    };
    let total_tasks = opts.scale.unwrap_or(400);
    for k in 0..meetings {
        let offset = span_days - (k as i64 * span_days) / meetings as i64;
        let date = g.workday_on_or_after(opts.today - Days::new(offset as u64));
        if date >= opts.today {
            continue;
        }
        let n_tasks = (k + 1) * total_tasks / meetings - k * total_tasks / meetings;
        g.meeting(date, n_tasks);
    }
    if opts.scale.is_none() {
        // A meeting three working days ago: its feedback round is still open (R4.3).
        g.meeting(cal.add_workdays(opts.today, -3), 5);
        // Two meetings being planned: one notified, one not yet.
        for (n, notified) in [(3, true), (6, false)] {
            let date = cal.add_workdays(opts.today, n);
            g.planned_meeting(date, notified);
        }
    }
    scenario::criticisms(&mut g);
    if opts.scale.is_none() {
        scenario::missed_promises(&mut g);
    }
    g.data
}

pub(crate) struct Gen<'a> {
    rng: Rng,
    /// The year of the last meeting numbered, and how many that year so far.
    year_seq: (i32, usize),
    cal: &'a Calendar,
    t: &'a Thresholds,
    today: NaiveDate,
    data: Dataset,
}

impl Gen<'_> {
    fn wd(&self, d: NaiveDate, n: i64) -> NaiveDate {
        self.cal.add_workdays(d, n)
    }

    /// A random number of working days from `d`, in `lo..=hi`.
    fn wd_rand(&mut self, d: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
        let n = self.rng.range(lo, hi);
        self.wd(d, n)
    }

    fn workday_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        if self.cal.is_workday(d) {
            d
        } else {
            self.wd(d, 1)
        }
    }

    fn person(&mut self) -> String {
        format!("{}{}", self.rng.pick(SURNAMES), self.rng.pick(GIVEN))
    }

    fn units(&mut self, scale: Option<usize>) {
        let mut names: Vec<(String, UnitKind)> = TOWNSHIPS
            .iter()
            .map(|n| (n.to_string(), UnitKind::Township))
            .collect();
        names.extend(
            DEPARTMENTS
                .iter()
                .map(|n| (n.to_string(), UnitKind::Department)),
        );
        if scale.is_some_and(|n| n > 5_000) {
            let mut i = 0usize;
            while names.len() < 200 {
                let (a, b) = (
                    SYLLABLES[i % SYLLABLES.len()],
                    SYLLABLES[(i / SYLLABLES.len() + 1 + i) % SYLLABLES.len()],
                );
                let name = format!("{a}{b}{}", if i.is_multiple_of(3) { "乡" } else { "镇" });
                if !names.iter().any(|(n, _)| *n == name) {
                    names.push((name, UnitKind::Township));
                }
                i += 1;
            }
        }
        for (i, (name, kind)) in names.into_iter().enumerate() {
            let leader = self.person();
            let contact = format!("{} 0577-67{:06}", self.person(), self.rng.range(0, 999_999));
            self.data.units.push(Unit {
                id: i as i64 + 1,
                name,
                kind,
                main_leader: Some(leader),
                contact: Some(contact),
                active: true,
                version: 1,
            });
        }
    }

    fn leaders(&mut self) {
        for (i, (name, title, liaison)) in LEADERS.iter().enumerate() {
            self.data.leaders.push(Leader {
                id: i as i64 + 1,
                name: name.to_string(),
                title: LeaderTitle::from_code(title).unwrap_or(LeaderTitle::DeputyHead),
                liaison_id: liaison.map(|l| l as i64 + 1),
                active: true,
                version: 1,
            });
        }
    }

    fn next_id<T>(v: &[T]) -> i64 {
        v.len() as i64 + 1
    }

    /// A meeting being planned: no minutes, no tasks yet.
    fn planned_meeting(&mut self, date: NaiveDate, notified: bool) {
        let id = Self::next_id(&self.data.meetings);
        let units = self.rng.sample(self.data.units.len(), 4);
        let notice = notified.then(|| self.wd(self.today, -1).max(self.wd(date, -3)));
        self.push_meeting(id, date, notice, false, &units);
    }

    fn push_meeting(
        &mut self,
        id: i64,
        date: NaiveDate,
        notice_date: Option<NaiveDate>,
        emergency: bool,
        units: &[usize],
    ) {
        let chair_idx = if self.rng.chance(0.15) {
            self.rng.range(6, 10)
        } else {
            self.rng.range(0, 5)
        } as usize;
        let chair = &self.data.leaders[chair_idx];
        let liaison_id = chair.liaison_id.or(Some(7));
        let liaison_name = liaison_id
            .and_then(|l| self.data.leaders.get(l as usize - 1))
            .map(|l| l.name.clone());
        let n_topics = if self.rng.chance(0.25) {
            self.rng.range(2, 3)
        } else {
            1
        } as usize;
        let topics = self
            .rng
            .sample(TOPICS.len(), n_topics)
            .into_iter()
            .map(|i| TOPICS[i].to_string())
            .collect();
        let year = date.year();
        self.year_seq = if self.year_seq.0 == year {
            (year, self.year_seq.1 + 1)
        } else {
            (year, 1)
        };
        let seq = self.year_seq.1 - 1;
        let plan_on = self.wd_rand(date, -6, -3);
        self.data.meetings.push(Meeting {
            id,
            number: Some(format!("〔{}〕{}号", date.format("%Y"), seq + 1)),
            topics,
            chair_id: Some(chair_idx as i64 + 1),
            liaison_id,
            date,
            time: NaiveTime::from_hms_opt(
                if self.rng.chance(0.5) { 9 } else { 14 },
                if self.rng.chance(0.5) { 0 } else { 30 },
                0,
            ),
            place: Some(self.rng.pick(PLACES).to_string()),
            plan_approved_by: liaison_name,
            plan_approved_on: Some(plan_on),
            notice_date,
            emergency,
            procedure_unknown: false,
            version: 1,
        });
        for &u in units {
            self.data.attendance.push(Attendance {
                meeting_id: id,
                unit_id: u as i64 + 1,
                attendee: None,
                role: None,
                confirmed: notice_date.is_some(),
                outcome: None,
                version: 1,
            });
        }
    }

    /// A past meeting with attendance, minutes, the feedback round and `n_tasks` tasks.
    fn meeting(&mut self, date: NaiveDate, n_tasks: usize) {
        let id = Self::next_id(&self.data.meetings);
        let n_units = self.rng.range(3, 6) as usize;
        let units = self.rng.sample(self.data.units.len(), n_units);
        let (notice, emergency) = match self.rng.range(0, 99) {
            0..=4 => (Some(date), true),
            5..=14 => (Some(date), false),
            _ => (Some(self.wd_rand(date, -4, -1)), false),
        };
        let first_row = self.data.attendance.len();
        self.push_meeting(id, date, notice, emergency, &units);
        let rows = first_row..self.data.attendance.len();
        self.attendance(rows.clone(), date);
        let issued = self.minutes(id, date, rows);
        for _ in 0..n_tasks {
            self.task(id, date, issued, &units);
        }
    }

    /// Outcomes for the attendance rows `rows` (one meeting's participants).
    fn attendance(&mut self, rows: std::ops::Range<usize>, date: NaiveDate) {
        if date > self.today {
            return;
        }
        for i in rows {
            let outcome = match self.rng.range(0, 99) {
                0..=79 => AttendanceOutcome::LeaderAttended,
                80..=89 => AttendanceOutcome::AuthorisedRepresentative,
                90..=94 => AttendanceOutcome::Absent,
                _ => AttendanceOutcome::UnauthorisedSubstitute,
            };
            let (attendee, role) = match outcome {
                AttendanceOutcome::LeaderAttended => (
                    Some(self.person()),
                    Some(self.rng.pick(&["镇长", "局长", "主任", "书记"]).to_string()),
                ),
                AttendanceOutcome::Absent => (None, None),
                _ => (
                    Some(self.person()),
                    Some(
                        self.rng
                            .pick(&["副镇长", "副局长", "科长", "科员"])
                            .to_string(),
                    ),
                ),
            };
            let a = &mut self.data.attendance[i];
            a.outcome = Some(outcome);
            a.attendee = attendee;
            a.role = role;
            a.confirmed = true;
        }
    }

    /// The minutes and feedback round; returns the issue date if issued by `today`.
    fn minutes(
        &mut self,
        meeting_id: i64,
        date: NaiveDate,
        participants: std::ops::Range<usize>,
    ) -> Option<NaiveDate> {
        let today = self.today;
        // Recent meetings always send the draft out, so the demo shows a round in progress.
        let feedback = self.rng.chance(0.7) || date >= self.wd(today, -4);
        let k = if self.rng.chance(0.15) {
            self.rng.range(11, 16)
        } else {
            self.rng.range(if feedback { 6 } else { 4 }, 10)
        };
        let issue = self.wd(date, k);
        let sent = feedback.then(|| self.wd(date, 2)).filter(|s| *s <= today);
        let drafter = self.person();
        let n = self.rng.range(1000, 9999);
        let reviewer = self.data.leaders[self.rng.range(7, 10) as usize]
            .name
            .clone();
        let issued = (issue <= today).then_some(issue);
        let chair = self.data.meetings[meeting_id as usize - 1]
            .chair_id
            .map(|c| self.data.leaders[c as usize - 1].name.clone());
        let old = issued.is_some_and(|i| i + Days::new(30) < today);
        let archived = old && self.rng.chance(0.9);
        self.data.minutes.push(Minutes {
            meeting_id,
            drafter: Some(drafter),
            drafter_phone: Some(format!("0577-6722{n}")),
            drafter_fax: Some(format!("0577-6723{n}")),
            drafter_email: Some(format!("zfb{n}@example.gov.cn")),
            reviewer: Some(reviewer),
            reviewed_on: Some(self.wd(date, 1)).filter(|d| *d <= today),
            feedback_sent_on: sent,
            signed_by: issued.and(chair),
            signed_on: issued.map(|i| self.wd(i, -1).max(date)),
            issued_on: issued,
            copied_to_supervision: issued.is_some(),
            archived_sign_in: archived,
            archived_record: archived,
            archived_feedback: archived || (old && !feedback),
            version: 1,
        });
        if let Some(sent) = sent {
            let deadline = self.wd(sent, self.t.feedback_within_workdays);
            let units: Vec<i64> = self.data.attendance[participants]
                .iter()
                .map(|a| a.unit_id)
                .collect();
            for unit_id in units {
                let received = match self.rng.range(0, 99) {
                    0..=74 => Some(self.wd_rand(sent, 0, 2)),
                    75..=84 => Some(self.wd_rand(deadline, 1, 3)),
                    _ => None,
                }
                .filter(|r| *r <= today);
                let signer = received.map(|_| self.person());
                self.data.feedback.push(Feedback {
                    meeting_id,
                    unit_id,
                    received_on: received,
                    opinion: received.map(|_| {
                        self.rng
                            .pick(&["无意见", "同意", "建议明确资金来源", "建议调整完成时限"])
                            .to_string()
                    }),
                    signer,
                    signer_post: received
                        .map(|_| self.rng.pick(&["主要领导", "分管领导"]).to_string()),
                    sealed: received.is_some() && self.rng.chance(0.9),
                    version: 1,
                });
            }
        }
        issued
    }
}

#[cfg(test)]
mod tests;
