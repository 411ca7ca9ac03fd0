//! The catalogue: every user-facing message in zh-CN and en.

use super::Lang;

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];
        }

        impl Lang {
            /// The message in this language.
            pub fn t(self, m: Msg) -> &'static str {
                match (m, self) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalogue! {
    // Lights and states.
    LightRed => "红灯", "red";
    LightYellow => "黄灯", "yellow";
    LightGreen => "绿灯", "green";
    LightExempt => "不设默认时限", "exempt";
    LightDone => "已办结", "done";
    StatePending => "待纪要印发", "awaiting minutes";
    StateOpen => "办理中", "open";
    StateExplanationDue => "待书面说明", "explanation due";
    StatePromised => "已承诺时限", "promised";
    StateCriticismDue => "应通报批评", "criticism due";
    StateCriticised => "已通报批评", "criticised";
    StateDone => "已办结", "done";
    LimitDefault => "默认时限", "default limit";
    LimitDate => "明确时限", "explicit date";
    LimitExempt => "不设默认时限", "exempt";
    Provisional => "（暂按周一至周五计算）", " (provisional: Mon–Fri)";
    WorkdaysLeft => "剩余{0}个工作日", "{0} working days left";
    WorkdaysOverdue => "逾期{0}个工作日", "overdue by {0} working days";
    DueToday => "今日到期", "due today";
    Overdue => "已逾期", "overdue";
    // Units and leaders.
    KindTownship => "乡镇", "township";
    KindDepartment => "县直单位", "county department";
    KindOther => "其他", "other";
    // Meetings.
    NoticeOnTime => "按时", "on time";
    NoticeLate => "通知迟发", "notice late";
    NoticeEmergency => "紧急会议", "emergency";
    NoticeNotYet => "待发通知", "not yet sent";
    NoticeMissing => "未发通知", "no notice";
    MinutesOnTime => "按时印发", "issued on time";
    MinutesLate => "逾期印发", "issued late";
    MinutesDrafting => "起草中（剩余{0}个工作日）", "drafting ({0} working days left)";
    MinutesOverdue => "逾期未印发（{0}个工作日）", "overdue ({0} working days)";
    FeedbackAnswered => "已反馈", "answered";
    FeedbackLate => "逾期反馈", "answered late";
    FeedbackWaiting => "待反馈（{0}前）", "waiting (by {0})";
    FeedbackDeemed => "视为同意（自{0}起）", "deemed consent (from {0})";
    AttendLeader => "领导参会", "leader attended";
    AttendRepresentative => "请假并授权代表", "authorised representative";
    AttendAbsent => "无故缺会", "absent without reason";
    AttendSubstitute => "擅自替会", "unauthorised substitute";
    ReferralProposed => "已提出", "proposed";
    ReferralApproved => "县政府已同意", "approved";
    ReferralReferred => "已移送监察", "referred";
    ReferralConcluded => "已办结", "concluded";
    ReferralNotReferred => "决定不移送", "not referred";
    Yes => "是", "yes";
    No => "否", "no";
    // Column headers.
    ColId => "编号", "ID";
    ColLight => "灯", "Light";
    ColLeft => "剩余", "Left";
    ColTask => "督办事项", "Task";
    ColLead => "主办单位", "Lead unit";
    ColCo => "协办单位", "Co-units";
    ColMeeting => "会议", "Meeting";
    ColLeader => "责任领导", "Leader";
    ColDue => "办理时限", "Limit";
    ColState => "状态", "State";
    ColDate => "日期", "Date";
    ColTopics => "议题", "Topics";
    ColChair => "主持人", "Chair";
    ColNotice => "会议通知", "Notice";
    ColMinutesDue => "纪要时限", "Minutes due";
    ColMinutes => "纪要", "Minutes";
    ColUnit => "单位", "Unit";
    ColKind => "类别", "Kind";
    ColOpen => "未办结", "Open";
    ColRed => "红灯", "Red";
    ColYellow => "黄灯", "Yellow";
    ColOnTime => "按时办结率", "On time";
    ColCritYear => "近一年批评", "Crit. 12 mo";
    ColCritCal => "本年批评", "Crit. this yr";
    ColReferral => "应移送", "Referral due";
    ColTitle => "职务", "Title";
    ColLiaison => "工作联系主任", "Liaison director";
    ColAttendee => "参会人", "Attendee";
    ColOutcome => "参会情况", "Attendance";
    ColFeedback => "反馈", "Feedback";
    TitleCountyHead => "县长", "county head";
    TitleDeputyHead => "副县长", "deputy head";
    TitleOfficeDirector => "县政府办公室主任", "office director";
    TitleDeputyDirector => "县政府办公室副主任", "deputy director";
    LblProgress => "进展报告", "Progress reports";
    LblExplanation => "书面说明", "Written explanation";
    LblPromise => "承诺完成时限", "promised date";
    LblCriticisms => "通报批评", "Criticisms";
    LblCompleted => "办结", "Completed";
    LblArchive => "归档", "Archive";
    LblCopied => "抄送县考绩办", "Copied to the supervision office";
    ColName => "名称", "Name";
    ColDayKind => "类型", "Type";
    ColHoliday => "节日", "Holiday";
    ColSource => "来源", "Source";
    ColWho => "操作人", "User";
    ColAction => "操作", "Action";
    ColEntity => "对象", "Record";
    DayOff => "放假", "day off";
    DayWork => "调休上班", "make-up working day";
    Workday => "工作日", "workday";
    Offday => "休息日", "offday";
    SourceBuiltin => "内置", "built-in";
    SourceOverride => "本地修改", "local override";
    YearProvisional => "{0}年尚无放假通知，暂按周一至周五计算", "{0} has no holiday notice yet: counted Monday–Friday";
    // Messages.
    Saved => "已保存：{0} {1}", "saved: {0} {1}";
    DemoCreated => "演示数据库已生成：{0}", "demo database created: {0}";
    DemoSummary => "{0}个单位，{1}次会议，{2}项督办事项（以{3}为今天）", "{0} units, {1} meetings, {2} tasks (today = {3})";
    DemoTry => "试试：", "Try:";
    InitDone => "数据库已就绪：{0}", "database ready: {0}";
    BackupDone => "已备份到 {0}", "backed up to {0}";
    CalendarSaved => "已写入 {0} 天的日历", "{0} calendar days written";
    CheckOk => "数据库完整性：正常", "database integrity: ok";
    CheckBad => "数据库完整性：异常 {0}", "database integrity: FAILED {0}";
    TuiPending => "终端界面尚在开发中；以下为命令行摘要。", "The terminal UI is not built yet; here is the command-line summary.";
    // duban check.
    ChkItem => "项目", "item";
    ChkValue => "数值", "value";
    ChkDatabase => "数据库", "database";
    ChkIntegrity => "完整性", "integrity";
    ChkSchema => "结构版本", "schema version";
    ChkTasks => "督办事项", "tasks";
    ChkRed => "红灯（逾期）", "red (overdue)";
    ChkYellow => "黄灯（临近时限）", "yellow (near the limit)";
    ChkExplanationDue => "待书面说明 R5.5", "explanation due R5.5";
    ChkCriticismDue => "应通报批评 R5.6", "criticism due R5.6";
    ChkNotice => "会议通知违规 R2.2", "notice violations R2.2";
    ChkMinutesLate => "纪要逾期 R4.4", "minutes late R4.4";
    ChkFeedbackWaiting => "征求意见待反馈 R4.3", "feedback rounds waiting R4.3";
    ChkReferralDue => "应移送监察 R5.7", "referral due R5.7";
    ChkProvisional => "时限暂按周一至周五计算", "provisional deadlines";
    // Errors.
    ErrDate => "无法识别的日期“{0}”：请使用 2026-11-25、2026/11/25、20261125 或 2026年11月25日", "unrecognised date \"{0}\": use 2026-11-25, 2026/11/25, 20261125 or 2026年11月25日";
    ErrDateRange => "日期“{0}”超出支持范围（1970–2199年）", "date \"{0}\" is outside the supported years 1970–2199";
    ErrNoDatabase => "数据库 {0} 不存在：先运行 duban init（或 duban --demo），或用 --db 指定已有的数据库", "no database at {0}: run duban init (or duban --demo), or name an existing one with --db";
    ErrDateFuture => "日期 {0} 晚于今天（{1}）：只能登记已经发生的事", "{0} is after today ({1}): only what has happened can be recorded";
    ErrNotOverdue => "事项 {0} 在 {1} 尚未超过办理时限（R5.5/R5.6 只适用于逾期事项）", "task {0} was not past its limit on {1} (R5.5/R5.6 apply to overdue tasks)";
    FeedbackUnsigned => "（未签字盖章）", " (not signed and sealed)";
    ErrNumber => "无法识别的数字“{0}”", "not a number: \"{0}\"";
    ErrNotFound => "未找到{0}“{1}”", "{0} \"{1}\" not found";
    ErrDuplicate => "{0}“{1}”已存在", "{0} \"{1}\" already exists";
    ErrConflict => "{0} {1} 已被 {2} 于 {3} 修改，未保存；请重新读取后再改", "{0} {1} was changed by {2} at {3}; nothing saved, reload and try again";
    ErrEmpty => "“{0}”不能为空", "\"{0}\" must not be empty";
    ErrInactive => "单位“{0}”已停用，不能再交办事项", "unit \"{0}\" is deactivated and takes no new tasks";
    ErrLeadIsCo => "“{0}”已是主办单位，不能同时为协办单位", "\"{0}\" is the lead unit and cannot also be a co-unit";
    ErrTaskNotOfUnit => "事项 {0} 的主办单位不是“{1}”", "task {0} is not led by \"{1}\"";
    ErrAlreadyDone => "事项 {0} 已办结", "task {0} is already done";
    ErrDateBefore => "“{0}”不能早于“{1}”", "\"{0}\" cannot be before \"{1}\"";
    ErrNoFeedbackRound => "会议 {0} 的纪要尚未发出征求意见", "the minutes of meeting {0} have not been sent for feedback";
    ErrNotParticipant => "“{0}”不是会议 {1} 的参会单位", "\"{0}\" is not a participant of meeting {1}";
    ErrNotEmpty => "数据库中已有数据；演示数据只能写入新的数据库（换一个 --db 路径）", "the database already holds data; demo data goes into a new database (use another --db path)";
    ErrReferralStep => "移送 {0} 当前状态为“{1}”，不能进行这一步", "referral {0} is {1}; that step does not follow";
    ErrCalendarLine => "日历文件第{0}行无法识别：{1}", "calendar file line {0} cannot be read: {1}";
    ErrNewerSchema => "该数据库由更新版本的 duban 写入（结构版本 {0}，本程序支持 {1}），请升级 duban", "this database was written by a newer duban (schema {0}, this binary knows {1}); upgrade duban";
    ErrDatabase => "数据库错误：{0}", "database error: {0}";
    ErrFile => "无法读取或写入文件 {0}：{1}", "cannot read or write {0}: {1}";
    ErrConfig => "配置文件 {0} 有误：{1}", "configuration {0} is invalid: {1}";
    ErrCategory => "无法识别的不设时限类别“{0}”：可选 经费、编制、土地、案件处理、跨度较长", "unknown exempt category \"{0}\": use funding, staffing, land, case_handling, long_span";
    ErrWorkdaysRange => "结果超出日历范围", "the result falls outside the calendar's range";
    ErrIntegrity => "数据库完整性检查未通过", "the database failed its integrity check";
    // Entities.
    EntUnit => "单位", "unit";
    EntLeader => "领导", "leader";
    EntMeeting => "会议", "meeting";
    EntAttendance => "参会记录", "attendance";
    EntMinutes => "纪要", "minutes";
    EntFeedback => "反馈", "feedback";
    EntTask => "督办事项", "task";
    EntProgress => "进展报告", "progress report";
    EntExplanation => "书面说明", "explanation";
    EntCriticism => "通报批评", "criticism";
    EntReferral => "移送", "referral";
    EntCalendar => "日历", "calendar";
    EntDatabase => "数据库", "database";
}
