//! The importer's messages (`duban import …`).

use super::Lang;

catalogue! {
    Imp, imp;
    Row => "第{0}行：{1}", "row {0}: {1}";
    SheetRow => "“{0}”表第{1}行：{2}", "sheet \"{0}\" row {1}: {2}";
    ColRow => "行", "Row";
    Empty => "“{0}”为空", "\"{0}\" is empty";
    BadDate => "{0}“{1}”不是有效日期（如 2026-11-25、2026/11/25、2026年11月25日）", "{0} \"{1}\" is not a valid date (e.g. 2026-11-25, 2026/11/25)";
    UnknownKind => "无法识别的单位类别“{0}”：可选 乡镇、县直单位、其他", "unknown unit kind \"{0}\": use township, department or other (乡镇, 县直单位, 其他)";
    UnknownTitle => "无法识别的职务“{0}”：可选 县长、副县长、县政府办公室主任、县政府办公室副主任", "unknown title \"{0}\": use county head, deputy head, office director or deputy director";
    BadLimit => "无法识别的办理时限“{0}”：应为日期、空白（默认时限）或不设时限类别（经费、编制、土地、案件处理、跨度较长）", "unrecognised limit \"{0}\": a date, blank (the default limit) or an exempt category (funding, staffing, land, case handling, long span)";
    DuplicateOf => "与第{0}行重复", "repeats row {0}";
    UnitExists => "单位“{0}”已在数据库中，但类别、主要领导或联系方式不同", "unit \"{0}\" is already in the database with another kind, main leader or contact";
    LeaderExists => "领导“{0}”已在数据库中，但职务或工作联系主任不同", "leader \"{0}\" is already in the database with another title or liaison director";
    UnknownLiaison => "工作联系主任“{0}”既不在数据库中，也不在导入的领导中", "liaison director \"{0}\" is neither in the database nor among the leaders imported";
    OwnLiaison => "“{0}”不能是自己的工作联系主任", "\"{0}\" cannot be their own liaison director";
    LeadIsCo => "“{0}”已是主办单位，不能同时为协办单位", "\"{0}\" is the lead unit and cannot also be a co-unit";
    Inactive => "单位“{0}”已停用，不能再交办事项", "unit \"{0}\" is deactivated and takes no new tasks";
    CompletedAfterToday => "办结日期晚于今天（{0}）", "completed after today ({0})";
    TaskExists => "该事项已是会议 {0} 的督办事项", "this task is already recorded for meeting {0}";
    MissingColumns => "文件中没有找到必需的列：{0}（表头须在数据之上的一行）", "required column not found: {0} (the header must be a row above the data)";
    Format => "无法导入“{0}”文件：请使用 .csv 或 .xlsx", "cannot import a \"{0}\" file: use .csv or .xlsx";
    NoFile => "文件 {0} 不存在", "no file at {0}";
    Encoding => "CSV 文件既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel/WPS 中另存为“CSV UTF-8”", "the CSV file is neither UTF-8 nor GB18030 (GBK): save it as \"CSV UTF-8\" in Excel or WPS";
    Unclosed => "CSV 文件第{0}行开始的引号没有闭合", "the quote opened on row {0} of the CSV file is never closed";
    Xlsx => "无法读取 Excel 文件：{0}", "cannot read the Excel file: {0}";
    Refused => "{0} 行有误，未导入任何数据（加 --skip-bad 只导入无误的行）：", "{0 row|rows} with errors; nothing imported (add --skip-bad to import the good rows only):";
    Skipped => "已跳过 {0} 行：", "{0 row|rows} skipped:";
    Totals => "{0} 行为合计行，已略过：第 {1} 行", "{0} totals rows (合计, 总计 …) were passed over: rows {1}";
    Unchanged => "{0} 行与数据库中已有的记录相同，未改动：第 {1} 行", "{0 row|rows} matching records already in the database, left unchanged: rows {1}";
    DryRun => "试运行，未写入数据库。将导入：{0}", "Dry run, nothing written. Would import: {0}";
    Imported => "已导入：{0}", "Imported: {0}";
    Counts => "{0} 个单位，{1} 位领导，{2} 次会议，{3} 项督办事项", "{0 unit|units}, {1 leader|leaders}, {2 meeting|meetings}, {3 task|tasks}";
    NewUnits => "新建单位（{0}）：{1}", "new units ({0}): {1}";
    NewLeaders => "新建领导（{0}）：{1}", "new leaders ({0}): {1}";
    Records => "{0} 份进展报告，{1} 份书面说明，{2} 次通报批评，{3} 项不予通报批评，{4} 次移送", "{0 progress report|progress reports}, {1 written explanation|written explanations}, {2 criticism|criticisms}, {3 waiver|waivers}, {4 referral|referrals}";
    UnknownProcedure => "{0} 次会议由台账新建，会议通知和纪要情况不详，不计入 R2.2、R4.4 的统计", "{0 meeting|meetings} created from the ledger alone: their notice and minutes are unknown and left out of R2.2 and R4.4";
    AndMore => "{0} 等 {1} 个", "{0} and {1} more";
    Verbose => "（加 --verbose 列出每次会议和每项督办事项）", "(add --verbose to list every meeting and task)";
    Progress => "正在导入：{0}/{1} 项督办事项", "importing: {0}/{1 task|tasks}";
    BadRecord => "{0}中的“{1}”无法识别（每行一条，如 2026-10-01 内容）", "{0}: cannot read \"{1}\" (one per line, e.g. 2026-10-01 text)";
    BadNumber => "{0}“{1}”不是编号", "{0} \"{1}\" is not an ID";
    MeetingDiffers => "与第{0}行同一会议编号，但会议日期、议题或纪要印发日期不同", "same meeting ID as row {0} but another date, topics or minutes' issue date";
    BadCell => "{0}“{1}”无法识别", "{0} \"{1}\" cannot be read";
    UnknownTask => "编号为 {0} 的督办事项不在台账中（或未导入）", "task {0} is not in the ledger (or not imported)";
    UnknownMeeting => "会议编号 {0} 不在“会议”表中", "meeting ID {0} is not in the meetings sheet";
    NewMeeting => "新建会议：{0} {1}", "new meeting: {0} {1}";
    ExistingMeeting => "会议 {0}", "meeting {0}";
}
