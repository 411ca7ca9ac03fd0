//! The status bulletin of a period (R5.4): the report's figures and the lists behind those the
//! bulletin names one by one. Each list is read with the very condition its figure counts, so a
//! list is always exactly as long as its figure.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{Light, Period, Referral, Report, TaskClass, TaskSlice};
use crate::store::{CriticismRow, Result, Store, TaskFilter, TaskRow, TaskSort};

/// Everything the bulletin of a period shows.
#[derive(Debug, Clone)]
pub struct Bulletin {
    /// Every figure, as `duban report` gives it for the same period and day.
    pub report: Report,
    /// Every task red on the report's day, county-wide (not only those decided in the period, as
    /// the report's lights are), most overdue first: the bulletin's count of red tasks.
    pub red: Vec<TaskRow>,
    /// R5.5: the tasks behind the report's promises missed in the period, by unit.
    pub promises_missed: Vec<TaskRow>,
    /// R5.6: the criticisms behind the report's criticisms in the period, oldest first.
    pub criticisms: Vec<CriticismRow>,
    /// R5.7: the referrals proposed in the period, oldest first, with the unit's name.
    pub referrals: Vec<(String, Referral)>,
}

impl Store {
    /// The report of `period` on `today` and the lists behind its red light, its missed promises,
    /// its criticisms and its referrals.
    pub fn bulletin(&self, period: Period, today: NaiveDate) -> Result<Bulletin> {
        let report = self.report(period, today)?;
        let red = self.tasks(
            &TaskFilter {
                light: Some(Light::Red),
                sort: TaskSort::WorkdaysLeft,
                ..TaskFilter::default()
            },
            today,
        )?;
        let promises_missed = self.tasks(
            &TaskFilter {
                slice: Some(TaskSlice {
                    period,
                    class: TaskClass::PromiseMissed,
                }),
                sort: TaskSort::Unit,
                ..TaskFilter::default()
            },
            today,
        )?;
        let criticisms = self
            .criticisms(None)?
            .into_iter()
            .filter(|c| period.holds_by(c.criticism.date, today))
            .collect();
        let names: HashMap<i64, String> =
            self.units()?.into_iter().map(|u| (u.id, u.name)).collect();
        let referrals = self
            .referrals(None)?
            .into_iter()
            .filter(|r| period.holds_by(r.proposed_on, today))
            .map(|r| (names.get(&r.unit_id).cloned().unwrap_or_default(), r))
            .collect();
        Ok(Bulletin {
            report,
            red,
            promises_missed,
            criticisms,
            referrals,
        })
    }
}
