//! Units (乡镇 / 县直单位) and county leaders (县长, 副县长, 县政府办公室主任/副主任).

use serde::{Deserialize, Serialize};

/// 乡镇 / 县直单位 / other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Township,
    Department,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::Township, UnitKind::Department, UnitKind::Other];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Township => "township",
            UnitKind::Department => "department",
            UnitKind::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// A unit that receives tasks: a township government or a county department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub kind: UnitKind,
    /// 主要领导.
    pub main_leader: Option<String>,
    /// Contact person and phone, free text.
    pub contact: Option<String>,
    /// Deactivated units keep their history but take no new tasks.
    pub active: bool,
    pub version: i64,
}

/// 县长 / 副县长 / 县政府办公室主任 / 副主任.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaderTitle {
    CountyHead,
    DeputyHead,
    OfficeDirector,
    DeputyDirector,
}

impl LeaderTitle {
    pub const ALL: [LeaderTitle; 4] = [
        LeaderTitle::CountyHead,
        LeaderTitle::DeputyHead,
        LeaderTitle::OfficeDirector,
        LeaderTitle::DeputyDirector,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LeaderTitle::CountyHead => "county_head",
            LeaderTitle::DeputyHead => "deputy_head",
            LeaderTitle::OfficeDirector => "office_director",
            LeaderTitle::DeputyDirector => "deputy_director",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// A county leader. Each deputy head has a liaison director (工作联系主任/副主任).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leader {
    pub id: i64,
    pub name: String,
    pub title: LeaderTitle,
    /// The liaison director's leader id (for heads).
    pub liaison_id: Option<i64>,
    pub active: bool,
    pub version: i64,
}
