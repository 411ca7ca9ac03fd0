//! The audit log in words: what was done, to which record, which fields changed from what to what
//! (issue 18 point 8), for the TUI's audit tab and `duban audit`. The stored rows keep their codes
//! and JSON; only their reading is translated.

use serde_json::Value;

use super::Lang;

catalogue! {
    Aud, aud;
    ActCreate => "新建", "created";
    ActUpdate => "修改", "changed";
    ActDelete => "删除", "deleted";
    ActUndo => "撤销", "undone";
    ActImport => "导入", "imported";
    ActRestore => "恢复", "restored";
    EntUnit => "单位", "unit";
    EntLeader => "领导", "leader";
    EntMeeting => "会议", "meeting";
    EntAttendance => "出席", "attendance";
    EntMinutes => "纪要", "minutes";
    EntFeedback => "反馈", "feedback";
    EntTask => "事项", "task";
    EntProgress => "进展", "progress report";
    EntExplanation => "说明", "explanation";
    EntCriticism => "通报批评", "criticism";
    EntReferral => "移送", "referral";
    EntCalendar => "日历", "calendar";
    EntDatabase => "数据库", "database";
    EntAccount => "账户", "account";
    EntWaiver => "豁免", "waiver";
    ColChange => "改动", "Change";
    Removed => "（已删除）", "(removed)";
    LimitDefault => "默认时限（15个工作日）", "default limit (15 working days)";
    LimitExempt => "豁免：{0}", "exempt: {0}";
}

/// The word of an action code (`create`, `update`, …); an unknown code as it is.
pub fn action(lang: Lang, code: &str) -> String {
    let m = match code {
        "create" => Aud::ActCreate,
        "update" => Aud::ActUpdate,
        "delete" => Aud::ActDelete,
        "undo" => Aud::ActUndo,
        "import" => Aud::ActImport,
        "restore" => Aud::ActRestore,
        other => return other.to_string(),
    };
    lang.aud(m).to_string()
}

/// The word of an entity code (`task`, `unit`, …); an unknown code as it is.
pub fn entity(lang: Lang, code: &str) -> String {
    let m = match code {
        "unit" => Aud::EntUnit,
        "leader" => Aud::EntLeader,
        "meeting" => Aud::EntMeeting,
        "attendance" => Aud::EntAttendance,
        "minutes" => Aud::EntMinutes,
        "feedback" => Aud::EntFeedback,
        "task" => Aud::EntTask,
        "progress" => Aud::EntProgress,
        "explanation" => Aud::EntExplanation,
        "criticism" => Aud::EntCriticism,
        "referral" => Aud::EntReferral,
        "calendar" => Aud::EntCalendar,
        "database" => Aud::EntDatabase,
        "account" => Aud::EntAccount,
        "waiver" => Aud::EntWaiver,
        other => return other.to_string(),
    };
    lang.aud(m).to_string()
}

/// The record: `事项 #12`, `task #12`.
pub fn record(lang: Lang, entity_code: &str, id: &str) -> String {
    format!("{} #{id}", entity(lang, entity_code))
}

/// A field's label by its JSON key; an unknown key with its underscores as spaces.
pub fn field(lang: Lang, key: &str) -> String {
    let (zh, en) = match key {
        "text" => ("内容", "text"),
        "name" => ("名称", "name"),
        "title" => ("标题", "title"),
        "limit" => ("时限", "limit"),
        "lead_unit_id" => ("主办单位", "lead unit"),
        "co_unit_ids" => ("协办单位", "co-units"),
        "responsible_leader_id" => ("责任领导", "leader"),
        "meeting_id" => ("会议", "meeting"),
        "task_id" => ("事项", "task"),
        "task_ids" => ("事项", "tasks"),
        "unit_id" | "unit" => ("单位", "unit"),
        "completed_on" => ("办结日期", "completed on"),
        "completion_note" => ("办结说明", "completion note"),
        "date" => ("日期", "date"),
        "time" => ("时间", "time"),
        "place" => ("地点", "place"),
        "kind" => ("类别", "kind"),
        "number" => ("期号", "number"),
        "topics" => ("议题", "topics"),
        "chair_id" => ("主持领导", "chair"),
        "active" => ("启用", "active"),
        "main_leader" => ("主要负责人", "main leader"),
        "contact" => ("联系方式", "contact"),
        "liaison_id" => ("联络员", "liaison"),
        "doc_no" => ("文号", "document no."),
        "reason" => ("事由", "reason"),
        "decision" => ("决定", "decision"),
        "outcome" => ("出席情况", "attendance"),
        "reported_on" => ("报告日期", "reported on"),
        "submitted_on" => ("提交日期", "submitted on"),
        "promised_on" => ("承诺日期", "promised on"),
        "signed_by" => ("签发人", "signed by"),
        "signed_on" => ("签发日期", "signed on"),
        "issued_on" => ("印发日期", "issued on"),
        "notice_date" => ("通知日期", "notice date"),
        "notice_sent_on" => ("通知发出日期", "notice sent on"),
        "proposed_on" => ("提出日期", "proposed on"),
        "proposal_reason" => ("提请理由", "proposal reason"),
        "approved_on" => ("批准日期", "approved on"),
        "referred_on" => ("移送日期", "referred on"),
        "role" => ("角色", "role"),
        "drafter" => ("起草人", "drafter"),
        "status" => ("状态", "status"),
        "feedback_sent_on" => ("反馈单发出日期", "feedback sent on"),
        "plan_approved_by" => ("方案审批人", "plan approved by"),
        "plan_approved_on" => ("方案审批日期", "plan approved on"),
        "reviewer" => ("审核人", "reviewer"),
        "reviewed_on" => ("审核日期", "reviewed on"),
        "confirmed" => ("已确认", "confirmed"),
        "leader_attended" => ("领导出席", "leader attended"),
        "attendee" => ("出席人", "attendee"),
        "label" => ("标签", "label"),
        "units" => ("单位数", "units"),
        "leaders" => ("领导数", "leaders"),
        "meetings" => ("会议数", "meetings"),
        "tasks" => ("事项数", "tasks"),
        "criticisms" => ("通报批评数", "criticisms"),
        "rows" => ("行数", "rows"),
        other => return other.replace('_', " "),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
    .to_string()
}

/// A stored value in words: a date or text as it is, a limit by its kind, a yes/no as 是/否,
/// a list joined in the language, nothing as `—`.
pub fn value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::Bool(b) => lang
            .ui(if *b {
                super::Ui::CellYes
            } else {
                super::Ui::CellNo
            })
            .to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|i| value(lang, i)).collect();
            super::join(lang, &items)
        }
        Value::Object(o) => match (o.get("kind").and_then(Value::as_str), o.get("value")) {
            (Some("date"), Some(d)) => value(lang, d),
            (Some("default"), _) => lang.aud(Aud::LimitDefault).to_string(),
            (Some("exempt"), Some(c)) => {
                super::fill_template(lang.aud(Aud::LimitExempt), &[&value(lang, c)])
            }
            _ => {
                let parts: Vec<String> = o
                    .iter()
                    .map(|(k, v)| format!("{} {}", field(lang, k), value(lang, v)))
                    .collect();
                super::join(lang, &parts)
            }
        },
    }
}

/// A field's stored code in words where the code is one of duban's own (a unit's kind, an
/// attendance's outcome, an account's role); else [`value`].
fn field_value(lang: Lang, key: &str, v: &Value) -> String {
    use super::Msg;
    use crate::domain::{AttendanceOutcome, Role, UnitKind};
    let parsed = |v: &Value| -> Option<&'static str> {
        match key {
            "kind" => serde_json::from_value::<UnitKind>(v.clone())
                .ok()
                .map(|k| lang.unit_kind(k)),
            "outcome" => serde_json::from_value::<AttendanceOutcome>(v.clone())
                .ok()
                .map(|a| lang.attendance(a)),
            "role" => serde_json::from_value::<Role>(v.clone()).ok().map(|r| {
                lang.t(match r {
                    Role::Admin => Msg::RoleAdmin,
                    Role::Editor => Msg::RoleEditor,
                    Role::Viewer => Msg::RoleViewer,
                })
            }),
            _ => None,
        }
    };
    parsed(v).map_or_else(|| value(lang, v), str::to_string)
}

/// Keys that say nothing to a reader: the record's own id and its version.
fn quiet(key: &str) -> bool {
    matches!(key, "id" | "version")
}

/// What a change did, field by field: `时限 2026-11-30 → 2026-12-10` for a change, `内容 …` for a
/// creation or removal (every field that holds something).
pub fn changes(lang: Lang, before: Option<&Value>, after: Option<&Value>) -> Vec<String> {
    let obj = |v: Option<&Value>| v.and_then(Value::as_object).cloned();
    match (obj(before), obj(after)) {
        (Some(b), Some(a)) => a
            .keys()
            .chain(b.keys().filter(|k| !a.contains_key(*k)))
            .filter(|k| !quiet(k) && b.get(*k) != a.get(*k))
            .map(|k| {
                let none = Value::Null;
                format!(
                    "{} {} → {}",
                    field(lang, k),
                    value(lang, b.get(k).unwrap_or(&none)),
                    value(lang, a.get(k).unwrap_or(&none))
                )
            })
            .collect(),
        (None, Some(o)) | (Some(o), None) => o
            .iter()
            .filter(|(k, v)| !quiet(k) && !v.is_null())
            .map(|(k, v)| format!("{} {}", field(lang, k), field_value(lang, k, v)))
            .collect(),
        (None, None) => match (before, after) {
            (_, Some(v)) | (Some(v), None) if !v.is_null() => vec![value(lang, v)],
            (Some(_), None) => vec![lang.aud(Aud::Removed).to_string()],
            _ => Vec::new(),
        },
    }
}

/// One line for a row of the log: `修改 事项 #12：时限 2026-11-30 → 2026-12-10`.
pub fn line(
    lang: Lang,
    action_code: &str,
    entity_code: &str,
    id: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    let head = format!(
        "{} {}",
        action(lang, action_code),
        record(lang, entity_code, id)
    );
    let what = changes(lang, before, after);
    if what.is_empty() {
        return head;
    }
    let (colon, sep) = match lang {
        Lang::Zh => ("：", "；"),
        Lang::En => (": ", "; "),
    };
    format!("{head}{colon}{}", what.join(sep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn r8_an_update_reads_as_words_in_both_languages() {
        let b = json!({"id": 12, "text": "修路", "limit": {"kind": "date", "value": "2026-11-30"}, "version": 1});
        let a = json!({"id": 12, "text": "修路", "limit": {"kind": "date", "value": "2026-12-10"}, "version": 2});
        assert_eq!(
            line(Lang::Zh, "update", "task", "12", Some(&b), Some(&a)),
            "修改 事项 #12：时限 2026-11-30 → 2026-12-10"
        );
        assert_eq!(
            line(Lang::En, "update", "task", "12", Some(&b), Some(&a)),
            "changed task #12: limit 2026-11-30 → 2026-12-10"
        );
    }

    #[test]
    fn r8_a_creation_lists_its_fields_and_lists_join_by_language() {
        let a = json!({"id": 3, "name": "县财政局", "co_unit_ids": [4, 5], "active": true, "main_leader": null});
        assert_eq!(
            line(Lang::Zh, "create", "unit", "3", None, Some(&a)),
            "新建 单位 #3：启用 是；协办单位 4、5；名称 县财政局"
        );
        assert_eq!(
            line(Lang::En, "create", "unit", "3", None, Some(&a)),
            "created unit #3: active Yes; co-units 4, 5; name 县财政局"
        );
    }

    #[test]
    fn r8_codes_of_duban_own_read_as_words() {
        let a = json!({"name": "root", "role": "admin", "kind": "township"});
        assert_eq!(
            line(Lang::Zh, "create", "account", "root", None, Some(&a)),
            format!(
                "新建 账户 #root：类别 {}；名称 root；角色 {}",
                Lang::Zh.unit_kind(crate::domain::UnitKind::Township),
                Lang::Zh.t(super::super::Msg::RoleAdmin)
            )
        );
    }
}
