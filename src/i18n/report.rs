//! The reports' words: section titles and figure names, shared by the reports screen, the
//! presentation slides, `duban report` and the report workbook.

use super::Lang;

catalogue! {
    Rep, rep;
    Title => "专题会议与督办事项报表", "Meetings and tasks report";
    Period => "统计期间 {0} 至 {1}", "Period {0} to {1}";
    AsOf => "数据截至 {0}", "Data as of {0}";
    KindMonth => "本月", "this month";
    KindLastMonth => "上月", "last month";
    KindQuarter => "本季度", "this quarter";
    KindLastQuarter => "上季度", "last quarter";
    KindYear => "本年度", "this year";
    KindCustom => "自定义", "custom";
    // Sections.
    SecSummary => "概要", "Summary";
    SecMeetings => "R1 会议数量", "R1 Meetings";
    SecNotices => "R2.2 会议通知", "R2.2 Notices";
    SecAttendance => "R3 参会情况", "R3 Attendance";
    SecMinutes => "R4 纪要印发与意见反馈", "R4 Minutes and feedback";
    SecUnits => "R5 督办落实（按单位）", "R5 Tasks by unit";
    SecOnTimeChart => "按时办结率（按单位）", "On-time rate by unit";
    SecTrend => "逾期事项月度趋势", "Overdue tasks by month";
    SecLights => "灯色分布", "Lights";
    Decided => "本期会议议定事项", "tasks of the period's meetings";
    LightsOfDecided => "本期会议议定事项的灯色（截至{0}）", "lights of the period's meetings' tasks (as of {0})";
    SecAccountability => "R5.5–R5.7 问责", "R5.5–R5.7 Accountability";
    // R1.
    Meetings => "会议", "meetings";
    Topics => "议题", "topics";
    TopicsPerMeeting => "平均每次会议议题", "topics per meeting";
    Chair => "主持人", "chair";
    NoChair => "（未填主持人）", "(no chair)";
    Month => "月份", "month";
    // R2.2.
    NoticeOnTime => "按时通知", "notice on time";
    NoticeLate => "通知迟发", "notice late";
    NoticeEmergency => "紧急会议", "emergency";
    NoticeMissing => "未发通知", "no notice";
    NoticeNotYet => "待发通知", "not yet sent";
    ProcedureUnknown => "导入会议（通知、纪要不详，不计入R2.2、R4.4）", "imported meetings (notice and minutes unknown, left out of R2.2 and R4.4)";
    // R3.
    Unit => "单位", "unit";
    LeaderAttended => "领导参会", "leader attended";
    Representative => "请假授权代参", "authorised representative";
    Absent => "无故缺会", "absent";
    Substitute => "擅自替会", "unauthorised substitute";
    Compliance => "合规率", "compliance";
    // R3 and R5 broken down per unit on the reports screen, when there is room.
    BreakLeader => "领导 {0}", "leader {0}";
    BreakRep => "代参 {0}", "rep. {0}";
    BreakAbsent => "缺会 {0}", "absent {0}";
    BreakSubst => "擅替 {0}", "unauth. {0}";
    BreakDue => "到期 {0}", "due {0}";
    BreakOnTime => "按时 {0}", "on time {0}";
    BreakLate => "迟办 {0}", "late {0}";
    BreakOverdue => "逾期 {0}", "overdue {0}";
    // R4.
    MinutesOnTime => "按时印发", "issued on time";
    MinutesLate => "逾期印发", "issued late";
    MinutesOverdue => "逾期未印发", "overdue, not issued";
    MinutesDrafting => "起草中", "drafting";
    MinutesRate => "纪要按时印发率", "minutes on time";
    LateMinutesList => "未按时印发的纪要", "Minutes not issued on time";
    MeetingDate => "会议日期", "meeting date";
    Topic => "议题", "topic";
    DueOn => "应印发日期", "due";
    IssuedOn => "印发日期", "issued";
    NotIssued => "未印发", "not issued";
    WorkdaysLate => "超出工作日", "working days late";
    FeedbackOnTime => "按时反馈", "answered on time";
    FeedbackLate => "逾期反馈", "answered late";
    FeedbackDeemed => "视为同意", "deemed consent";
    FeedbackWaiting => "等待反馈", "waiting";
    // R5.
    Due => "本期到期", "due";
    DoneOnTime => "按时办结", "done on time";
    DoneLate => "逾期办结", "done late";
    OpenOverdue => "逾期未办结", "open overdue";
    OnTimeRate => "按时办结率", "on-time rate";
    ExemptStale => "不设时限超期未报进展", "exempt, progress stale";
    Explanations => "书面说明", "explanations";
    PromisesKept => "承诺兑现", "promises kept";
    PromisesMissed => "承诺未兑现", "promises missed";
    Criticisms => "本期通报批评", "criticisms in period";
    CriticismsYear => "近一年通报批评", "criticisms in the last year";
    Referrals => "本期移送", "referrals in period";
    ReferralDue => "应移送", "referral due";
    Total => "合计", "total";
    OverdueAtMonthEnd => "月末逾期未办结", "open overdue at month end";
    Count => "数量", "count";
    NoData => "（本期无数据）", "(nothing in this period)";
    Figure => "指标", "figure";
    Value => "数值", "value";
}

impl Lang {
    /// A period by its kind: 本月, 上月, 本季度, 上季度, 本年度.
    pub fn period_kind(self, k: crate::domain::PeriodKind) -> &'static str {
        use crate::domain::PeriodKind as K;
        self.rep(match k {
            K::Month => Rep::KindMonth,
            K::LastMonth => Rep::KindLastMonth,
            K::Quarter => Rep::KindQuarter,
            K::LastQuarter => Rep::KindLastQuarter,
            K::Year => Rep::KindYear,
        })
    }
}
