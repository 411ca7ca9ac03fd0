//! The numbers the regulation leaves to practice, with duban's defaults (rules.md, last section).
//! They live in configuration (`[thresholds]` in config.toml).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// R5.2: a task with no explicit limit is due this many working days after the minutes' issue.
    pub default_limit_workdays: i64,
    /// Yellow when this many working days or fewer are left.
    pub yellow_within_workdays: i64,
    /// R5.2/R5.3: an exempt task turns yellow after this many calendar days without a progress report.
    pub exempt_report_every_days: i64,
    /// R4.4: minutes are issued within this many working days after the meeting.
    pub minutes_within_workdays: i64,
    /// R4.3: units answer the feedback form within this many working days of receipt.
    pub feedback_within_workdays: i64,
    /// R2.2: the written notice goes out at least this many working days before the meeting.
    pub notice_before_workdays: i64,
}

impl Thresholds {
    /// Refuses values the rules cannot mean: each count must be positive (the notice period may be
    /// 0) and at most about ten years.
    pub fn validate(&self) -> Result<(), String> {
        let fields = [
            ("default_limit_workdays", self.default_limit_workdays, 1),
            ("yellow_within_workdays", self.yellow_within_workdays, 0),
            ("exempt_report_every_days", self.exempt_report_every_days, 1),
            ("minutes_within_workdays", self.minutes_within_workdays, 1),
            ("feedback_within_workdays", self.feedback_within_workdays, 1),
            ("notice_before_workdays", self.notice_before_workdays, 0),
        ];
        for (name, value, min) in fields {
            if !(min..=3650).contains(&value) {
                return Err(format!("thresholds.{name} = {value}: must be {min}..=3650"));
            }
        }
        Ok(())
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            default_limit_workdays: 15,
            yellow_within_workdays: 3,
            exempt_report_every_days: 30,
            minutes_within_workdays: 10,
            feedback_within_workdays: 2,
            notice_before_workdays: 1,
        }
    }
}
