//! Two staff, two processes, one database file: the TUI (this process) has the minutes form open
//! when another duban process saves the same minutes. The TUI's save is refused naming who saved
//! and when, both versions are on screen, nothing typed is lost, and saving again keeps ours.

use assert_cmd::Command;
use chrono::NaiveDate;
use duban::demo::{self, DemoOptions};
use duban::domain::Thresholds;
use duban::i18n::Lang;
use duban::store::Store;
use duban::tui::harness::Harness;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn the_second_save_of_one_record_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.db");
    let mut store = Store::open(&path, Thresholds::default()).unwrap();
    store.fix_audit_clock("甲", "2026-11-25T09:00:00+08:00");
    demo::build(
        &mut store,
        DemoOptions {
            today: today(),
            scale: None,
            seed: 2011,
        },
    )
    .unwrap();
    // A meeting whose minutes are being drafted.
    let meeting = store
        .meetings(today())
        .unwrap()
        .into_iter()
        .find(|m| store.minutes(m.id).unwrap().is_some())
        .unwrap()
        .id;
    let mut h = Harness::on(store, Lang::Zh, today(), 80, 24, "duban.db");
    h.keys(&format!("3:meeting {meeting}<Enter>m5"));
    assert!(h.model.form.is_some());
    h.keys("<C-u>本处拟稿人");

    // The other process saves the same minutes meanwhile.
    let out = Command::cargo_bin("duban")
        .unwrap()
        .env("DUBAN_DB", &path)
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .env_remove("DUBAN_CONFIG")
        .env("DUBAN_SYSTEM_CONFIG", "/nonexistent/duban.toml")
        .args([
            "--today",
            "2026-11-25",
            "minutes",
            "draft",
            &meeting.to_string(),
            "--drafter",
            "他处拟稿人",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let other_user = duban::os::current_user();

    // Our save is refused: who and when, their version beside ours, our text kept.
    h.keys("<C-s>");
    let form = h.model.form.as_ref().expect("the form stays open");
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains(&other_user), "names who saved: {error}");
    assert!(
        error.contains("2026") || error.contains(':'),
        "and when: {error}"
    );
    let drafter = form.field("drafter").unwrap();
    assert_eq!(drafter.text_value(), "本处拟稿人");
    assert_eq!(drafter.theirs.as_deref(), Some("他处拟稿人"));
    let screen = h.text();
    assert!(
        screen.contains("他处拟稿人") && screen.contains("本处拟稿人"),
        "{screen}"
    );
    assert_eq!(
        h.store
            .minutes(meeting)
            .unwrap()
            .unwrap()
            .drafter
            .as_deref(),
        Some("他处拟稿人")
    );

    // Saving again, knowingly, keeps ours; both changes are in the audit log.
    h.keys("<C-s>");
    assert!(
        h.model.form.is_none(),
        "{:?}",
        h.model.form.as_ref().map(|f| &f.error)
    );
    assert_eq!(
        h.store
            .minutes(meeting)
            .unwrap()
            .unwrap()
            .drafter
            .as_deref(),
        Some("本处拟稿人")
    );
    let log = h
        .store
        .audit_log(Some("minutes"), Some(&meeting.to_string()), 2)
        .unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].user, other_user);
}
