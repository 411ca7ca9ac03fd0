//! The strings of the exported files (ledger, feedback form, criticism notice) and of `duban export`.

use super::Lang;

catalogue! {
    Exp, exp;
    // The ledger.
    LedgerTitle => "督办事项台账", "Task ledger";
    LedgerScope => "范围：{0}", "scope: {0}";
    LedgerExportedAt => "导出时间：{0}", "exported at {0}";
    LedgerRows => "共{0}项", "{0 task|tasks}";
    ScopeAll => "全部事项", "all tasks";
    ScopeLight => "灯：{0}", "light: {0}";
    ScopeUnit => "主办单位：{0}", "lead unit: {0}";
    ScopeState => "状态：{0}", "state: {0}";
    ScopeText => "包含“{0}”", "containing \"{0}\"";
    ScopeDue => "期限 {0} 至 {1}", "due {0} to {1}";
    ColPromisedOn => "承诺完成时限", "Promised by";
    // The feedback form (the attachment of 永政办发〔2011〕62号).
    FormTitle => "县政府专题会议纪要意见反馈单", "Feedback form on the minutes of a county government special-topic meeting";
    FormTopic => "专题内容", "Topic";
    FormChair => "主持人", "Chair";
    FormUnits => "参会单位", "Participating units";
    FormUnit => "反馈单位", "Answering unit";
    FormDrafter => "起草人员", "Drafter";
    FormPhone => "电话：{0}", "Phone: {0}";
    FormFax => "传真：{0}", "Fax: {0}";
    FormEmail => "邮箱：{0}", "E-mail: {0}";
    FormReview => "主任、副主任审核", "Reviewed by the director or a deputy director";
    FormSentOn => "文稿传出时间", "Draft sent on";
    FormReceivedOn => "意见反馈时间", "Feedback given on";
    FormOpinion => "反馈意见", "Feedback";
    FormSignature => "单位负责人署名并加盖公章", "Signature of the unit's head and seal";
    FormRules => "修改反馈要求：1. 各单位收到文稿后，请尽快呈送有关领导审阅。2. 请在收到文稿2个工作日内，将本单位修改意见反馈至县政府办公室，2个工作日内没有反馈的，视为同意。", "How to answer: 1. On receipt, please pass the draft to the leaders concerned at once. 2. Please send the unit's comments to the county government office within 2 working days of receipt; no answer within 2 working days is taken as consent.";
    FormDeadline => "本单位最迟应于{0}反馈意见", "This unit's answer is due by {0}";
    FormAttachment => "附件", "Attachment";
    // The criticism notice (R5.6).
    NoticeDraft => "草稿", "DRAFT";
    NoticeTitle => "关于对{0}的通报批评", "Notified criticism of {0}";
    NoticeNoNumber => "〔    〕    号", "No. ____";
    NoticeAddressee => "各乡镇人民政府，县政府直属各单位：", "To the township governments and the county departments:";
    NoticeBody => "根据《关于加强县政府专题会议管理 切实提高行政执行力的意见》（永政办发〔2011〕62号）的规定，{0}承办的下列县政府专题会议议定事项未在规定时限内完成，经书面说明并承诺限期完成后，仍未在承诺时限内完成。", "Under the opinion on the management of county government special-topic meetings (永政办发〔2011〕62号), the following tasks led by {0} were not done by their limit and, after a written explanation and a promised date, were still not done by that date.";
    NoticeReason => "具体情况：{0}", "Details: {0}";
    NoticeTasksHeading => "涉及事项如下：", "The tasks concerned:";
    NoticeMeeting => "{0}（{1}）", "{0} ({1})";
    NoticeColNo => "序号", "No.";
    NoticeColMeeting => "来源会议", "From meeting";
    NoticeDecision => "经研究，决定对{0}予以通报批评。请{0}认真查找原因，切实采取有效措施，抓紧落实，并将整改情况书面报送县考绩办。", "It is decided to criticise {0} by this notice. {0} shall find the causes, take effective measures, finish the tasks without delay, and report the remedy in writing to the county performance-assessment office.";
    NoticeWarning => "一年内受到两次通报批评的单位，将报经县政府同意后移送{0}追究相关责任。各单位要引以为戒，切实提高执行力。", "A unit criticised twice within one year is, with the county government's approval, referred to the {0} for accountability. Every unit should take this as a warning.";
    NoticeClosing => "特此通报。", "Hereby notified.";
    NoticeIssuer => "县考绩办", "County performance-assessment office";
    NoticeNone => "（无）", "(none)";
    // The status bulletin (R5.4).
    BulletinTitle => "关于{0}县政府专题会议\n议定事项督查情况的通报", "Status bulletin on the tasks of county government special-topic meetings, {0}";
    BulletinMonth => "{0}年{1}月", "{1} {0}";
    BulletinQuarter => "{0}年第{1}季度", "Q{1} {0}";
    BulletinYear => "{0}年", "{0}";
    BulletinRange => "{0}至{1}", "{0} to {1}";
    BulletinOpening => "根据《关于加强县政府专题会议管理 切实提高行政执行力的意见》（永政办发〔2011〕62号）关于定期开展重点督查和情况通报的要求，现将{0}县政府专题会议及议定事项落实情况通报如下。", "Under the opinion on the management of county government special-topic meetings (永政办发〔2011〕62号), which calls for regular inspections and status bulletins, the state of the county government's special-topic meetings and their tasks in {0} is as follows.";
    BulletinOverall => "一、总体情况", "1. Overall";
    BulletinMeetings => "{0}，县政府共召开专题会议{1}次，研究议题{2}个。", "In {0} the county government held {1 special-topic meeting|special-topic meetings} on {2 topic|topics}.";
    BulletinMinutes => "会议纪要按时印发{0}份，逾期印发{1}份，逾期未印发{2}份", "Minutes issued on time: {0}; issued late: {1}; overdue and not issued: {2}";
    BulletinTasks => "本期到期的议定事项{0}项，其中按时办结{1}项，逾期办结{2}项，逾期未办结{3}项", "Tasks due in the period: {0}; done on time: {1}; done late: {2}; open and overdue: {3}";
    BulletinRate => "，按时率{0}。", "; on time: {0}.";
    BulletinStop => "。", ".";
    BulletinRedCount => "截至{0}，全县共有红灯事项（超过办理时限仍未办结）{1}项。", "On {0}, the county has {1 red task|red tasks} (past their limit and not done).";
    BulletinAccountabilityFigures => "本期各单位提交书面说明{0}份，承诺时限未兑现{1}项；通报批评{2}次，提出移送追责{3}次。", "In the period units submitted {0 written explanation|written explanations} and missed {1 promised date|promised dates}; the office issued {2 criticism|criticisms} and proposed {3 referral|referrals}.";
    BulletinByUnit => "二、各单位办理情况", "2. By unit";
    BulletinUnitsLead => "各单位本期议定事项办理情况如下：", "The tasks of the period by lead unit:";
    BulletinUnitsNone => "本期各单位无到期事项。", "No unit had a task due in the period.";
    BulletinRed => "三、红灯事项", "3. Red tasks";
    BulletinRedLead => "截至{0}，以下{1}项议定事项超过办理时限仍未办结（按逾期工作日数排列）：", "On {0}, {1 task|tasks} past their limit and not done (most overdue first):";
    BulletinRedNone => "截至{0}，无超过办理时限仍未办结的事项。", "On {0} no task is past its limit.";
    BulletinColOverdue => "逾期工作日", "Working days overdue";
    BulletinMissed => "四、承诺时限未兑现事项", "4. Promises missed";
    BulletinMissedLead => "本期以下{0}项议定事项经书面说明并承诺完成时限后，仍未在承诺时限内办结：", "{0 task|tasks} explained in writing with a promised date and not done by that date in the period:";
    BulletinMissedNone => "本期无承诺时限未兑现的事项。", "No promised date was missed in the period.";
    BulletinAccountability => "五、通报批评和移送追责", "5. Criticisms and referrals";
    BulletinCriticismsLead => "本期共通报批评{0}次：", "{0 criticism|criticisms} issued in the period:";
    BulletinCriticismsNone => "本期无通报批评。", "No criticism was issued in the period.";
    BulletinColDate => "日期", "Date";
    BulletinColDocNo => "文号", "Document No.";
    BulletinColTasks => "涉及事项", "Tasks";
    BulletinReferralsLead => "本期提出移送追责{0}次：", "{0 referral|referrals} proposed in the period:";
    BulletinReferralsNone => "本期未提出移送追责。", "No referral was proposed in the period.";
    BulletinColProposed => "提出日期", "Proposed on";
    BulletinColStatus => "办理进展", "Where it stands";
    BulletinReferralDue => "截至{0}，{1}（共{2}个单位）一年内两次受到通报批评，应报经县政府同意后移送{3}追责。", "On {0}, {2} unit(s) criticised twice within one year are due for referral to the {3} with the county government's approval: {1}.";
    BulletinRequests => "六、工作要求", "6. What units are to do";
    BulletinRequest => "各单位要对照本通报，认真查找原因，对红灯事项和承诺时限未兑现的事项逐项明确责任人和完成时限，抓紧落实，并将整改情况书面报送县考绩办。县政府办公室、县考绩办将继续跟踪督查，定期通报。", "Every unit shall examine this bulletin, find the causes, name for each red task and each missed promise the person responsible and a date, finish them without delay, and report the remedy in writing to the county performance-assessment office. The county government office and the performance-assessment office will go on inspecting and report regularly.";
    BulletinIssuerOffice => "县政府办公室", "County government office";
    // The TUI's `x`: the stems of the files it writes, then `-<today>`.
    FileLedger => "督办台账", "duban-ledger";
    FileReport => "督办报表", "duban-report";
    FileBulletin => "督查情况通报", "duban-bulletin";
    FileFeedback => "反馈单", "duban-feedback";
    // `duban export`.
    Written => "已写入 {0}", "written {0}";
    ErrExtension => "不支持的文件类型“{0}”：台账请用 .xlsx 或 .csv", "unsupported file type \"{0}\": the ledger is written as .xlsx or .csv";
    ErrXlsxExtension => "不支持的文件类型“{0}”：报表请用 .xlsx", "unsupported file type \"{0}\": the report is written as .xlsx";
    ErrDocxExtension => "不支持的文件类型“{0}”：请用 .docx", "unsupported file type \"{0}\": use .docx";
    ErrStoreRead => "读取数据库失败，未写入 {0}：{1}", "could not read the database, so {0} was not written: {1}";
    ErrLedgerChanged => "导出期间台账发生变化，未写入 {0}，请重新导出", "the ledger changed while it was exported, so {0} was not written; export it again";
    ErrNoMinutes => "会议 {0} 尚无纪要，无法生成反馈单", "meeting {0} has no minutes, so there is no feedback form";
}
