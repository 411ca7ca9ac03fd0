//! The strings of marking tasks for one step on several, of undo and redo, and of small windows
//! (issue 18, points 1–3).

use super::Lang;

catalogue! {
    Mk, mk;
    // Marks.
    MarkedStatus => "已标记 {0} 项 · {1} 清除标记", "{0} marked · {1} clears marks";
    MarkedKeys => "p 进展 · d 办结 · e 说明 · c 通报：对全部标记的事项", "p progress · d done · e explain · c criticise: on every marked task";
    MarksCleared => "已清除 {0} 项标记", "{0} marks cleared";
    NoMarks => "没有标记的事项", "no task is marked";
    FilterClearedMarksKept => "已清除筛选；{0} 项标记仍保留（{1} 清除标记）", "filters cleared; {0} marks kept ({1} clears them)";
    BulkTargets => "将对以下 {0} 项事项一并操作（全部成功或全部不做）：", "acts on these {0 task|tasks} (all or none):";
    BulkMore => "第 {0}–{1} 项，共 {2} 项 · PgUp/PgDn 翻看", "{0}–{1} of {2} · PgUp/PgDn to scroll";
    ActClearMarks => "清除全部标记", "clear all marks";
    // Undo and redo.
    HintRedo => "重做", "redo";
    ActRedo => "重做刚撤销的修改", "redo what was just undone";
    AskUndoRemove => "撤销将删除{0} #{1}「{2}」，确定？ y/n", "Undo deletes {0} #{1} \"{2}\". Go ahead? y/n";
    AskUndoRemoveMany => "撤销将删除 {0} 项{1}（#{2}），确定？ y/n", "Undo deletes {0 record|records} of {1} (#{2}). Go ahead? y/n";
    AskUndoRemoveBare => "撤销将删除{0} #{1}，确定？ y/n", "Undo deletes {0} #{1}. Go ahead? y/n";
    UndoKept => "未撤销。", "Nothing undone.";
    UndoneRemoved => "已撤销：删除了{0} #{1}（{2} 重做）", "Undone: {0} #{1} deleted ({2} redoes)";
    UndoneRestored => "已撤销：{0} #{1} 恢复为修改前（{2} 重做）", "Undone: {0} #{1} is as it was before ({2} redoes)";
    Redone => "已重做：{0} #{1}", "Redone: {0} #{1}";
    ErrNothingToRedo => "没有可重做的修改：重做只接在撤销之后，其间不能有新的修改", "nothing to redo: a redo follows an undo, with no new change between";
    ErrUndoMoved => "你的上一次修改已不是询问时那一项（另一窗口有新的修改），请再按一次撤销", "your last change is no longer the one asked about (a change was made elsewhere); undo again";
    ErrCannotRedo => "无法重做{0} #{1}：它所属的{2}已不存在", "cannot redo {0} #{1}: the {2} it belongs to is gone";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_of_marks_and_redo_exists_in_both_languages_with_the_same_placeholders() {
        let placeholders = |s: &str| -> Vec<usize> {
            // `{0}`, or a count with its noun: `{0 task|tasks}`.
            (0..6)
                .filter(|i| s.contains(&format!("{{{i}}}")) || s.contains(&format!("{{{i} ")))
                .collect()
        };
        for &m in Mk::ALL {
            let (zh, en) = (Lang::Zh.mk(m), Lang::En.mk(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
    }
}
