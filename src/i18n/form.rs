//! The words of the forms themselves (issue 18 points 4 and 6): the keys of each kind of field,
//! the headers of a grid, the notes a form opens with, and the short labels used where a line is
//! narrow.

use super::Lang;

catalogue! {
    Frm, frm;
    // The keys every form takes, in the bottom bar and in help.
    KeysAll => "Tab 下一项 · S-Tab 上一项 · ↑↓ 上下行 · Ctrl-S 保存 · Esc 关闭 · F1 帮助", "Tab next · S-Tab back · ↑↓ rows · Ctrl-S save · Esc close · F1 help";
    KeysAllShort => "Tab/S-Tab 移动 · Ctrl-S 保存 · Esc 关闭 · F1 帮助", "Tab/S-Tab move · Ctrl-S save · Esc close · F1 help";
    // The keys of the focused field, on the form's own last line.
    KeysCheck => "Space 勾选/取消 · y 是 · n 否", "Space tick/untick · y yes · n no";
    KeysChoice => "←/→ 或 Space 切换选项", "←/→ or Space change the option";
    KeysOnlyChoice => "此时只能办这一步", "this is the only step possible now";
    KeysOutcome => "1–4 选定并到下一行 · ←/→ 或 Space 切换", "1–4 choose and go down · ←/→ or Space change";
    KeysSelected => "输入即替换 · ←/→ 修改原文 · Bksp 清空", "typing replaces · ←/→ edit it · Bksp clears";
    KeysText => "输入文字 · ←/→ Home End 移动光标", "type · ←/→ Home End move the cursor";
    KeysLong => "Enter 换行 · Ctrl-S 保存", "Enter new line · Ctrl-S save";
    KeysPick => "输入名称或拼音首字母 · ↑/↓ 选 · Tab 采用", "type a name or pinyin initials · ↑/↓ pick · Tab takes it";
    KeysDate => "2026-11-25 · 11/25 · 11月25日 · +N 个工作日后", "2026-11-25 · 11/25 · 11月25日 · +N working days on";
    KeysTime => "时间如 9:30", "a time such as 9:30";
    KeysGridTick => "Space 勾选本行（格内有字时为空格）", "Space ticks the row (a space once the cell has text)";
    KeysGridCycle => "Space 切换本行（格内有字时为空格）", "Space changes the row (a space once the cell has text)";
    // Help: the keys of a form, one per line.
    HelpFormTitle => "表单中的按键", "Keys in a form";
    HelpTab => "下一项 / 上一项（进入已填的单行项时全选，输入即替换）", "next / previous field (a filled one-line field is selected: typing replaces it)";
    HelpUpDown => "表格中上一行 / 下一行；名单中选名字", "the row above / below in a grid; a name in a list";
    HelpLeftRight => "选项：切换；文字：移动光标（取消全选）", "an option: change it; text: move the cursor (ends the selection)";
    HelpSpace => "勾选框：勾选/取消；选项：下一个；表格空格内：勾选本行", "a box: tick/untick; an option: the next; an empty grid cell: the row's box";
    HelpDigits => "出席情况：选定并到下一行", "attendance: choose and go to the next row";
    HelpYesNo => "勾选框：是 / 否", "a box: yes / no";
    HelpEnter => "名单中采用所选名字；长文本中换行；最后一项上保存", "takes the highlighted name; a new line in a long text; saves on the last field";
    HelpSave => "保存（全部有效才写入）", "save (nothing is written unless every field is valid)";
    HelpEsc => "关闭（有修改时先询问）", "close (asks first when something was typed)";
    HelpBksp => "删除；全选时清空", "delete; clears a selected field";
    HelpF1 => "本帮助（Esc 回到表单）", "this help (Esc back to the form)";
    HelpQuit => "退出 duban（有修改时先询问）", "quit duban (asks first when something was typed)";
    // Grids: the header of each column.
    ColUnit => "单位", "Unit";
    ColConfirmed => "已确认", "Confirmed";
    ColOutcome => "出席情况", "Attendance";
    ColAttendee => "参会人姓名", "Attendee";
    ColRole => "职务", "Post";
    OutcomeLegend => "出席情况：{0}", "Attendance: {0}";
    NotHeldYet => "会议定于 {0} 召开，尚未举行：出席情况在会后登记；会前请用“会前确认参会人员”（R2.3）", "The meeting is on {0} and has not been held: attendance is recorded afterwards; before it, use Confirm attendees (R2.3)";
    FilledFromChair => "由主持人 {0} 带出", "{0}'s liaison, from the chair";
    NextStep => "（下一步）", "(next)";
    // Short forms where a line or a column is narrow (issue 18 point 6).
    PeriodShort => "{0} 至 {1}", "{0} to {1}";
    StateExplanationDueShort => "待书面说明", "expl. due";
    StateCriticismDueShort => "应通报批评", "crit. due";
    StatePendingShort => "待纪要印发", "pending";
    StateLimitUnknownShort => "时限未定", "no limit";
    NoticeNotYetShort => "待发通知", "to send";
    NoticeLateShort => "通知迟发", "late";
    NoticeEmergencyShort => "紧急会议", "emergency";
    NoticeMissingShort => "未发通知", "missing";
    NoticeUnknownShort => "程序不详", "unknown";
    MinutesDraftingShort => "起草中 剩{0}", "draft, {0} left";
    MinutesUnknownShort => "程序不详", "unknown";
    ColCritYearShort => "近一年批评", "Crit. 12m";
    // The units list's on-time rate runs over every task done with a limit, to date (issue 18.7).
    ColOnTimeAll => "历来按时率", "On time, all";
    ColCritCalShort => "本年批评", "Crit. yr";
    ColReferralShort => "应移送", "Referral";
}

impl Lang {
    /// A task's state where its column is narrow (10 cells): the short form of a long one.
    pub fn state_short(self, s: crate::domain::TaskState) -> &'static str {
        use crate::domain::TaskState;
        match s {
            TaskState::ExplanationDue => self.frm(Frm::StateExplanationDueShort),
            TaskState::CriticismDue => self.frm(Frm::StateCriticismDueShort),
            TaskState::Pending => self.frm(Frm::StatePendingShort),
            TaskState::LimitUnknown => self.frm(Frm::StateLimitUnknownShort),
            _ => self.state(s),
        }
    }

    /// The notice's status where its column is narrow (8 cells), `*` when provisional.
    pub fn notice_short(self, n: crate::domain::NoticeStatus, provisional: bool) -> String {
        use crate::domain::NoticeStatus;
        let word = match n {
            NoticeStatus::OnTime => return self.notice(n, provisional),
            NoticeStatus::Late => self.frm(Frm::NoticeLateShort),
            NoticeStatus::Emergency => return self.frm(Frm::NoticeEmergencyShort).to_string(),
            NoticeStatus::NotYetSent => self.frm(Frm::NoticeNotYetShort),
            NoticeStatus::Missing => self.frm(Frm::NoticeMissingShort),
            NoticeStatus::Unknown => self.frm(Frm::NoticeUnknownShort),
        };
        match provisional {
            true => format!("{word}*"),
            false => word.to_string(),
        }
    }

    pub fn frm_fill(self, m: Frm, args: &[&dyn std::fmt::Display]) -> String {
        super::fill_template(self.frm(m), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_word_exists_in_both_languages_with_the_same_placeholders() {
        let placeholders = |s: &str| -> Vec<usize> {
            (0..6).filter(|i| s.contains(&format!("{{{i}}}"))).collect()
        };
        for &m in Frm::ALL {
            let (zh, en) = (Lang::Zh.frm(m), Lang::En.frm(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
    }

    #[test]
    fn every_task_state_and_notice_fits_its_column_in_both_languages() {
        use crate::domain::TaskState;
        for lang in [Lang::Zh, Lang::En] {
            for s in TaskState::ALL {
                let short = lang.state_short(s);
                assert!(
                    unicode_width::UnicodeWidthStr::width(short) <= 10,
                    "{short}"
                );
            }
        }
    }
}
