//! The words of the files a ledger export writes and an import reads back: the ledger's columns,
//! the sheets of a full workbook and their columns, and the words inside record cells. Both
//! languages are read back whichever the file was written in.

use super::Lang;

catalogue! {
    Xch, xch;
    // The ledger's columns: those printed first, then those an import needs.
    Id => "编号", "ID";
    Light => "灯", "Light";
    Left => "剩余工作日", "Working days left";
    Task => "督办事项", "Task";
    Lead => "主办单位", "Lead unit";
    Co => "协办单位", "Co-units";
    MeetingDate => "会议日期", "Meeting date";
    Topics => "会议议题", "Meeting topic";
    Leader => "责任领导", "Responsible leader";
    LimitKind => "限期类型", "Limit kind";
    Due => "办理时限", "Limit";
    State => "状态", "State";
    Promised => "承诺完成时限", "Promised by";
    Completed => "办结日期", "Completed on";
    MeetingId => "会议编号", "Meeting ID";
    Issued => "纪要印发日期", "Minutes issued on";
    LeaderTitle => "责任领导职务", "Leader's title";
    LeadKind => "主办单位类别", "Lead unit kind";
    Note => "办结说明", "Completion note";
    Progress => "进展报告", "Progress reports";
    Explanations => "书面说明", "Written explanations";
    Criticisms => "通报批评", "Criticisms";
    Waivers => "不予通报批评", "Waived criticisms";
    // Inside a record cell: "2026-10-05 承诺2026-10-20 资金尚未到位".
    PromisedWord => "承诺", "promised";
    // The title rows.
    AsOf => "数据截至{0}", "data as of {0}";
    Page => "第 &P 页，共 &N 页", "Page &P of &N";
    // The sheets of a full workbook, after the ledger.
    SheetUnits => "单位", "Units";
    SheetLeaders => "领导", "Leaders";
    SheetMeetings => "会议", "Meetings";
    SheetMinutes => "纪要", "Minutes";
    SheetAttendance => "参会", "Attendance";
    SheetFeedback => "反馈", "Feedback";
    SheetProgress => "进展报告", "Progress reports";
    SheetExplanations => "书面说明与承诺", "Explanations";
    SheetCriticisms => "通报批评", "Criticisms";
    SheetWaivers => "不予通报批评", "Waivers";
    SheetReferrals => "移送监察", "Referrals";
    // Their columns.
    Unit => "单位", "Unit";
    Kind => "类别", "Kind";
    MainLeader => "主要领导", "Main leader";
    Contact => "联系方式", "Contact";
    Aliases => "简称", "Short forms";
    Inactive => "已停用", "Deactivated";
    Name => "姓名", "Name";
    Title => "职务", "Title";
    Liaison => "工作联系主任", "Liaison director";
    Number => "文号", "Number";
    Time => "时间", "Time";
    Place => "地点", "Place";
    Chair => "主持人", "Chair";
    PlanApprovedBy => "方案审批人", "Plan approved by";
    PlanApprovedOn => "方案审批日期", "Plan approved on";
    NoticeDate => "通知日期", "Notice sent on";
    Emergency => "紧急会议", "Emergency";
    ProcedureUnknown => "程序不详", "Procedure unknown";
    Drafter => "拟稿人", "Drafter";
    Phone => "电话", "Phone";
    Fax => "传真", "Fax";
    Email => "邮箱", "E-mail";
    Reviewer => "审核人", "Reviewed by";
    ReviewedOn => "审核日期", "Reviewed on";
    FeedbackSentOn => "反馈单发出日期", "Feedback form sent on";
    SignedBy => "签发人", "Signed by";
    SignedOn => "签发日期", "Signed on";
    IssuedOn => "印发日期", "Issued on";
    Copied => "抄送县考绩办", "Copied to the supervision office";
    ArchivedSignIn => "归档签到表", "Sign-in sheet archived";
    ArchivedRecord => "归档会议记录", "Meeting record archived";
    ArchivedFeedback => "归档反馈单", "Feedback forms archived";
    Attendee => "参会人", "Attendee";
    Role => "参会人职务", "Attendee's post";
    Confirmed => "会前已确认", "Confirmed beforehand";
    Outcome => "参会情况", "Attendance";
    ReceivedOn => "反馈日期", "Answered on";
    Opinion => "反馈意见", "Feedback";
    Signer => "签署人", "Signed by";
    SignerPost => "签署人职务", "Signer's post";
    Sealed => "已盖章", "Sealed";
    ReportedOn => "报告日期", "Reported on";
    Content => "内容", "Text";
    SubmittedOn => "说明日期", "Submitted on";
    Date => "日期", "Date";
    DocNo => "文号", "Document number";
    Reason => "事由", "Reason";
    Tasks => "涉及事项编号", "Task IDs";
    WaiverReason => "不予通报的理由", "Reason not to criticise";
    ProposedOn => "提出日期", "Proposed on";
    ProposalReason => "提请理由", "Reason for the proposal";
    ApprovedOn => "批准日期", "Approved on";
    Approval => "县政府批准文号或意见", "County approval (no. or opinion)";
    ReferredOn => "移送日期", "Referred on";
    Decision => "移送决定（文号或说明）", "Referral decision (no. or note)";
    ConcludedOn => "办结日期", "Concluded on";
    ReferralOutcome => "处理结果", "Outcome";
    NotReferredOn => "不予移送日期", "Not referred on";
    NotReferredReason => "不予移送理由", "Reason not referred";
    Yes => "是", "yes";
    No => "否", "no";
}

impl Lang {
    /// A word of the exchange files with its placeholders filled.
    pub fn xch_fill(self, m: Xch, args: &[&dyn std::fmt::Display]) -> String {
        super::fill_template(self.xch(m), args)
    }

    /// 是 / 否.
    pub fn yes_no(self, b: bool) -> &'static str {
        self.xch(if b { Xch::Yes } else { Xch::No })
    }
}
