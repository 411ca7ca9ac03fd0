#![allow(unused)]
use super::*;
use crate::domain::Leader;
pub struct UndoneChange { pub action: String, pub entity: String, pub entity_id: String }
impl Store {
    pub fn update_meeting(&mut self, id: i64, expected: i64, plan: NewMeeting) -> Result<()> { todo!() }
    pub fn confirm_attendee(&mut self, meeting_id: i64, unit: &str, attendee: Option<String>, role: Option<String>, confirmed: bool) -> Result<()> { todo!() }
    pub fn update_leader(&mut self, changed: &Leader) -> Result<Leader> { todo!() }
    pub fn update_task(&mut self, id: i64, expected: i64, edit: NewTask) -> Result<()> { todo!() }
    pub fn add_tasks(&mut self, new: Vec<NewTask>) -> Result<Vec<i64>> { todo!() }
    pub fn undo_last(&mut self) -> Result<UndoneChange> { todo!() }
}
