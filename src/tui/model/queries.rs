//! What each list is filtered by, as the user set it, and the store's filter it asks for.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{
    Light, MeetingClass, MeetingFilter, MeetingScope, Period, TaskFilter, TaskSlice, TaskSort,
    TaskState,
};

/// The ledger's filter as the user set it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskQuery {
    pub text: String,
    pub light: Option<Light>,
    pub state: Option<TaskState>,
    /// Promises falling due by this date (the overview's "promises due this week").
    pub promised_until: Option<NaiveDate>,
    /// The lead unit: id and name (the name for the footer).
    pub unit: Option<(i64, String)>,
    /// The meeting: id.
    pub meeting: Option<i64>,
    /// The tasks behind a report's figure.
    pub slice: Option<TaskSlice>,
    pub sort: TaskSort,
}

impl TaskQuery {
    /// The store's filter for this query (without a window).
    pub fn filter(&self) -> TaskFilter {
        TaskFilter {
            light: self.light,
            state: self.state,
            unit_id: self.unit.as_ref().map(|u| u.0),
            meeting_id: self.meeting,
            text: Some(self.text.trim().to_string()).filter(|t| !t.is_empty()),
            promised_until: self.promised_until,
            slice: self.slice,
            sort: self.sort,
            limit: None,
            offset: 0,
            anchor: None,
        }
    }

    /// Whether anything narrows the list (the sort does not).
    pub fn narrows(&self) -> bool {
        let plain = TaskQuery {
            sort: self.sort,
            ..TaskQuery::default()
        };
        *self != plain
    }
}

/// The meetings list's filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingQuery {
    pub text: String,
    pub scope: MeetingScope,
    /// The meetings behind a report's figure: which figure, and their ids.
    pub report: Option<(MeetingClass, Period, Arc<[i64]>)>,
    /// The unit whose figure opened them (R3's attendance of one unit), named in the footer.
    pub report_unit: Option<String>,
}

impl MeetingQuery {
    pub fn filter(&self) -> MeetingFilter {
        MeetingFilter {
            scope: self.scope,
            text: Some(self.text.trim().to_string()).filter(|t| !t.is_empty()),
            only: self.report.as_ref().map(|r| r.2.to_vec()),
            ..MeetingFilter::default()
        }
    }
}

/// The units list's filter (the whole list is small and filtered in memory).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitQuery {
    pub text: String,
    pub referral_due: bool,
}
