//! The strings of the exported files (ledger, feedback form, criticism notice) and of `duban export`.

use super::Lang;

catalogue! {
    Exp, exp;
    // The ledger.
    LedgerTitle => "督办事项台账", "Task ledger";
    LedgerScope => "范围：{0}", "scope: {0}";
    LedgerExportedAt => "导出时间：{0}", "exported at {0}";
    LedgerRows => "共{0}项", "{0} tasks";
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
    FormSealed => "（已盖章）", "(sealed)";
    FormNotSealed => "（未盖章）", "(not sealed)";
    FormRules => "修改反馈要求：1. 各单位收到文稿后，请尽快呈送有关领导审阅。2. 请在收到文稿2个工作日内，将本单位修改意见反馈至县政府办公室，2个工作日内没有反馈的，视为同意。", "How to answer: 1. On receipt, please pass the draft to the leaders concerned at once. 2. Please send the unit's comments to the county government office within 2 working days of receipt; no answer within 2 working days is taken as consent.";
    FormDeadline => "本单位反馈截止日期：{0}", "This unit's answer is due by {0}";
    // The criticism notice (R5.6).
    NoticeDraft => "草稿", "DRAFT";
    NoticeTitle => "关于对{0}的通报批评", "Notified criticism of {0}";
    NoticeNoNumber => "〔    〕    号", "No. ____";
    NoticeAddressee => "各乡镇人民政府，县政府直属各单位：", "To the township governments and the county departments:";
    NoticeBody => "根据《关于加强县政府专题会议管理 切实提高行政执行力的意见》（永政办发〔2011〕62号）的规定，{0}承办的下列县政府专题会议议定事项未在规定时限内完成，经书面说明并承诺限期完成后，仍未在承诺时限内完成。", "Under the opinion on the management of county government special-topic meetings (永政办发〔2011〕62号), the following tasks led by {0} were not done by their limit and, after a written explanation and a promised date, were still not done by that date.";
    NoticeReason => "具体情况：{0}", "Details: {0}";
    NoticeTasksHeading => "涉及事项", "Tasks concerned";
    NoticeColNo => "序号", "No.";
    NoticeColMeeting => "来源会议", "From meeting";
    NoticeDecision => "经研究，决定对{0}予以通报批评。请{0}认真查找原因，切实采取有效措施，抓紧落实，并将整改情况书面报送县考绩办。", "It is decided to criticise {0} by this notice. {0} shall find the causes, take effective measures, finish the tasks without delay, and report the remedy in writing to the county performance-assessment office.";
    NoticeWarning => "一年内受到两次通报批评的单位，将报经县政府同意后移送县监察局追究相关责任。各单位要引以为戒，切实提高执行力。", "A unit criticised twice within one year is, with the county government's approval, referred to the county supervision bureau for accountability. Every unit should take this as a warning.";
    NoticeClosing => "特此通报。", "Hereby notified.";
    NoticeIssuer => "县考绩办", "County performance-assessment office";
    NoticeNone => "（无）", "(none)";
    // `duban export`.
    Written => "已写入 {0}", "written {0}";
    ErrExtension => "不支持的文件类型“{0}”：台账请用 .xlsx 或 .csv", "unsupported file type \"{0}\": the ledger is written as .xlsx or .csv";
    ErrXlsxExtension => "不支持的文件类型“{0}”：报表请用 .xlsx", "unsupported file type \"{0}\": the report is written as .xlsx";
    ErrDocxExtension => "不支持的文件类型“{0}”：请用 .docx", "unsupported file type \"{0}\": use .docx";
    ErrStoreRead => "读取数据库失败，未写入 {0}：{1}", "could not read the database, so {0} was not written: {1}";
    ErrLedgerChanged => "导出期间台账发生变化，未写入 {0}，请重新导出", "the ledger changed while it was exported, so {0} was not written; export it again";
    ErrNoMinutes => "会议 {0} 尚无纪要，无法生成反馈单", "meeting {0} has no minutes, so there is no feedback form";
}
