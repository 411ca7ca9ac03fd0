//! Windows of long lists: read from the row on screen, counted only so far while a broad search
//! is typed, and one list load for keys typed together.

use super::*;

#[test]
fn the_next_window_is_read_from_the_loaded_row_nearest_the_cursor() {
    let mut m = model();
    let ids: Vec<i64> = (1..=1000).collect();
    let c = press(&mut m, "2");
    answer(&mut m, c, &ids);
    let last = m.tasks.offset + m.tasks.rows.len() - 1;
    let mut c = Vec::new();
    while m.tasks.cursor <= last {
        c = press(&mut m, "j");
    }
    let want = Some((ids[last], last));
    assert!(
        matches!(c.as_slice(), [Command::LoadTasks { anchor, .. }, ..] if *anchor == want),
        "{c:?}"
    );
    answer(&mut m, c, &ids);
    // A new filter is another list: its first window is read from its start.
    press(&mut m, "/");
    let c = press(&mut m, "s");
    assert!(
        matches!(c.as_slice(), [Command::LoadTasks { anchor: None, .. }]),
        "{c:?}"
    );
}

#[test]
fn a_list_counted_only_so_far_is_counted_whole_at_its_last_counted_row() {
    let mut m = model();
    press(&mut m, "2");
    let task_window = |offset: usize, n: usize| -> Vec<TaskRow> {
        (offset..offset + n).map(|i| task(i as i64 + 1)).collect()
    };
    let loaded = |offset, cursor| {
        Action::Loaded(Box::new(Loaded::Tasks {
            filter: Box::new(m.task_query.filter()),
            more: true,
            offset,
            total: 40,
            cursor,
            rows: task_window(offset, 40 - offset),
        }))
    };
    let first = loaded(0, 0);
    update(&mut m, first);
    assert_eq!(crate::tui::views::position(&m.tasks), "1/40+");
    let c = press(&mut m, "j");
    assert!(
        matches!(c.as_slice(), [Command::LoadTaskDetail(_)]),
        "{c:?}"
    );
    let c = press(&mut m, "G");
    assert_eq!(m.tasks.cursor, 39);
    // `G` goes to the end of the whole list: the load counts it and takes the last row.
    assert!(
        matches!(
            c.as_slice(),
            [Command::LoadTasks {
                count_all: true,
                cursor: usize::MAX,
                ..
            }]
        ),
        "{c:?}"
    );
}

#[test]
fn keys_typed_together_into_a_filter_run_one_list_load_for_the_last_text() {
    use std::collections::VecDeque;
    let mut m = model();
    let c = press(&mut m, "2");
    answer(&mut m, c, &[1, 2, 3]);
    let run = |script: &str, m: &mut Model| {
        let mut queue: VecDeque<Action> =
            parse_script(script).into_iter().map(Action::Key).collect();
        let mut loads = Vec::new();
        crate::tui::app::settle_with(m, &mut queue, |_, c| {
            if let Command::LoadTasks { filter, .. } = &c {
                loads.push(filter.text.clone().unwrap_or_default());
            }
            Action::Failed(String::new())
        });
        loads
    };
    assert_eq!(run("/stz<Enter>", &mut m), ["stz"]);
    assert_eq!(m.mode, Mode::Normal);
    // A key outside the filter runs the load of the text typed so far first.
    assert_eq!(run("/<Bksp><Esc>j", &mut m), ["st"]);
}
