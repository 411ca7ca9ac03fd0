//! The period a report covers: a month, quarter or year around a day, or from–to.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// A closed range of days: `from` up to and including `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The periods a user picks by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    /// 上月: the month before today's.
    LastMonth,
    Quarter,
    /// 上季度: the quarter before today's.
    LastQuarter,
    #[default]
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 5] = [
        PeriodKind::Month,
        PeriodKind::LastMonth,
        PeriodKind::Quarter,
        PeriodKind::LastQuarter,
        PeriodKind::Year,
    ];

    /// The period of this kind that holds `today` (上月 and 上季度: the one before it).
    pub fn around(self, today: NaiveDate) -> Period {
        let (y, m) = (today.year(), today.month());
        let first_month = match self {
            PeriodKind::Month | PeriodKind::LastMonth => m,
            PeriodKind::Quarter | PeriodKind::LastQuarter => (m - 1) / 3 * 3 + 1,
            PeriodKind::Year => 1,
        };
        let months = match self {
            PeriodKind::Month | PeriodKind::LastMonth => 1,
            PeriodKind::Quarter | PeriodKind::LastQuarter => 3,
            PeriodKind::Year => 12,
        };
        if matches!(self, PeriodKind::LastMonth | PeriodKind::LastQuarter) {
            let this = NaiveDate::from_ymd_opt(y, first_month, 1).unwrap_or(today);
            let from = this.checked_sub_months(Months::new(months)).unwrap_or(this);
            let to = this.pred_opt().unwrap_or(this);
            return Period { from, to };
        }
        let from = NaiveDate::from_ymd_opt(y, first_month, 1).unwrap_or(today);
        let to = from
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(today);
        Period { from, to }
    }

    /// The next kind, for a key that cycles through them: 本月 → 上月 → 本季度 → 上季度 → 本年度.
    pub fn next(self) -> PeriodKind {
        match self {
            PeriodKind::Month => PeriodKind::LastMonth,
            PeriodKind::LastMonth => PeriodKind::Quarter,
            PeriodKind::Quarter => PeriodKind::LastQuarter,
            PeriodKind::LastQuarter => PeriodKind::Year,
            PeriodKind::Year => PeriodKind::Month,
        }
    }
}

impl Period {
    /// The period from `from` to `to`; `None` when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// Whether an event dated `d` (a criticism, a referral) belongs to the period as it stands on
    /// `today`: in the period, and not after today.
    pub fn holds_by(&self, d: NaiveDate, today: NaiveDate) -> bool {
        self.contains(d) && d <= today
    }

    /// The months the period touches, as (year, month), oldest first.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1);
        while let Some(first) = d.filter(|f| *f <= self.to) {
            out.push((first.year(), first.month()));
            d = first.checked_add_months(Months::new(1));
        }
        out
    }

    /// The day a month's figure is taken on: the month's last day, but never after the period's
    /// end nor after `today` (a month still running is counted as it stands today).
    pub fn month_end(&self, (year, month): (i32, u32), today: NaiveDate) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        let end = last.min(self.to).min(today);
        (end >= first).then_some(end)
    }
}
