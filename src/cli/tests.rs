//! The store's refusals as the user reads them.

use super::*;
use crate::store::{Entity, Invalid};

fn both(e: impl Fn() -> Invalid) -> (String, String) {
    let zh = store_failure(Lang::Zh, StoreError::Invalid(e()));
    let en = store_failure(Lang::En, StoreError::Invalid(e()));
    assert_eq!((zh.code, en.code), (2, 2), "the user's input");
    (zh.message, en.message)
}

#[test]
fn batch_lines_and_undo_refusals_read_in_both_languages() {
    let line = || Invalid::Line {
        line: 3,
        error: Box::new(StoreError::Invalid(Invalid::Empty(
            crate::domain::TextField::TaskText,
        ))),
    };
    assert_eq!(
        both(line),
        (
            "第3行：督办事项内容不能为空".into(),
            "line 3: the task text must not be empty".into()
        )
    );
    assert_eq!(
        both(|| Invalid::NothingToUndo),
        ("没有可撤销的修改".into(), "nothing to undo".into())
    );
    assert_eq!(
        both(|| Invalid::CannotUndo("calendar".into())),
        (
            "日历的修改不能撤销".into(),
            "changes of calendar cannot be undone".into()
        )
    );
    // Issue 18: a redo that can no longer apply says why, naming what is gone.
    let redo = || Invalid::CannotRedo {
        entity: Entity::Task,
        id: "7".into(),
        missing: Entity::Meeting,
    };
    assert_eq!(
        both(redo),
        (
            "无法重做督办事项 #7：它所属的会议已不存在".into(),
            "cannot redo task #7: the meeting it belongs to is gone".into()
        )
    );
    let deps = || Invalid::HasDependants {
        entity: Entity::Task,
        id: "7".into(),
        dependant: Entity::Progress,
    };
    assert_eq!(
        both(deps).1,
        "undoing the creation of task 7 would orphan the progress report records added since"
    );
    let in_use = || Invalid::ParticipantInUse {
        unit: "上塘镇".into(),
        meeting: 4,
    };
    assert!(both(in_use).0.contains("上塘镇"));
    let fixed = || Invalid::TaskMeetingFixed {
        task: 7,
        meeting: 4,
    };
    assert!(both(fixed).1.contains("task 7 belongs to meeting 4"));
    assert!(
        both(|| Invalid::OwnLiaison("王主任".into()))
            .0
            .contains("王主任")
    );
}

#[test]
fn failures_of_the_database_file_read_in_both_languages_as_the_system_s() {
    let make = |i: usize| match i {
        0 => StoreError::DiskFull,
        1 => StoreError::ReadOnly,
        2 => StoreError::CannotOpen,
        3 => StoreError::NotADatabase,
        _ => StoreError::Corrupt,
    };
    let words = [
        ("磁盘已满", "the disk is full"),
        ("只读", "read-only for you"),
        ("无法打开数据库文件", "cannot open the database file"),
        ("不是 duban 数据库", "not a duban database"),
        ("已损坏", "damaged"),
    ];
    for (i, (zh, en)) in words.into_iter().enumerate() {
        let (z, n) = (
            store_failure(Lang::Zh, make(i)),
            store_failure(Lang::En, make(i)),
        );
        assert_eq!((z.code, n.code), (1, 1), "{:?}", make(i));
        assert!(z.message.contains(zh), "{}", z.message);
        assert!(n.message.contains(en), "{}", n.message);
    }
    let newer = || {
        StoreError::BadBackup(crate::store::BackupProblem::Newer {
            found: 99,
            known: 7,
        })
    };
    let (z, n) = (
        store_failure(Lang::Zh, newer()),
        store_failure(Lang::En, newer()),
    );
    assert_eq!(
        (z.code, n.code),
        (2, 2),
        "the backup named is the user's input"
    );
    assert!(
        z.message.contains("99") && n.message.contains("newer duban"),
        "{n:?}"
    );
}

/// Every argument of every subcommand, and every subcommand, as `path`: what lacks a help line.
fn without_help(c: &clap::Command, path: &str, out: &mut Vec<String>) {
    for a in c.get_arguments() {
        let id = a.get_id().as_str();
        if a.is_hide_set() || id == "help" || id == "version" {
            continue;
        }
        let help = a.get_help().or(a.get_long_help());
        if help.is_none_or(|h| h.to_string().trim().is_empty()) {
            out.push(format!("{path} <{id}>"));
        }
    }
    for s in c.get_subcommands() {
        let sub = format!("{path} {}", s.get_name());
        if s.get_name() != "help" && s.get_about().or(s.get_long_about()).is_none() {
            out.push(sub.clone());
        }
        without_help(s, &sub, out);
    }
}

#[test]
fn cli_help_every_argument_of_every_subcommand_has_a_help_line() {
    use clap::CommandFactory;
    let mut missing = Vec::new();
    without_help(&Cli::command(), "duban", &mut missing);
    assert!(
        missing.is_empty(),
        "without a help line:\n{}",
        missing.join("\n")
    );
}
