//! The house rules of the layout (docs/architecture.md), checked on the source: the TUI's views and
//! update never reach the store, the store never reaches the TUI, the domain reaches nothing of ours.
//!
//! Every arrow runs one way. From the bottom up:
//! - `domain` (pure rules) reaches nothing of ours;
//! - `i18n`, `calendar`, `keys`, `config`, `text` sit on the domain;
//! - `store` (all SQL), `import` and `export` (no SQL) sit on those;
//! - `present` puts the store's errors and record names into words for both interfaces;
//! - the interfaces on top: `tui` never reaches `cli`; `cli` reaches `tui` only in
//!   `cli/interactive.rs`, to launch the app and write its screenshots.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

fn files(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

fn refuse(dir: &str, needles: &[&str]) {
    for (path, text) in files(dir) {
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for n in needles {
                assert!(!line.contains(n), "{path} uses {n}: {line}");
            }
        }
    }
}

#[test]
fn views_and_update_never_touch_the_store() {
    refuse("src/tui/views", &["store::", "Store", "rusqlite"]);
    refuse("src/tui/update", &["store::", "Store", "rusqlite"]);
    refuse("src/tui/widgets", &["store::", "Store", "rusqlite"]);
    // Forms and the workflow steps are pure too: a save is a `Write` for the command loop.
    refuse("src/tui/form", &["store::", "Store", "rusqlite"]);
    refuse("src/tui/workflow", &["store::", "Store", "rusqlite"]);
}

#[test]
fn the_store_knows_nothing_of_the_interfaces_and_the_domain_nothing_of_ours() {
    refuse("src/store", &["crate::tui", "crate::cli"]);
    refuse(
        "src/domain",
        &[
            "crate::store",
            "crate::tui",
            "crate::cli",
            "crate::calendar",
            "rusqlite",
        ],
    );
}

#[test]
fn the_importer_reads_and_checks_and_leaves_sql_to_the_store() {
    refuse(
        "src/import",
        &[
            "rusqlite",
            "SELECT ",
            "INSERT ",
            "UPDATE ",
            "crate::tui",
            "crate::cli",
        ],
    );
}

#[test]
fn exports_hold_no_sql_and_know_nothing_of_the_interfaces() {
    // The exports take rows the store has read; only the store speaks SQL.
    refuse(
        "src/export",
        &["rusqlite", "crate::cli", "crate::tui", "conn."],
    );
}

#[test]
fn the_command_line_writes_only_through_its_cleaning_output() {
    // Every byte the command line prints goes through `cli::output::out`/`err` (the `outln!`,
    // `out!` and `errln!` macros) and JSON through `cli::json`, which keep control characters and
    // bidirectional overrides off the terminal.
    for (path, text) in files("src/cli") {
        let own = |name: &str| Path::new(&path).file_name().is_some_and(|f| f == name);
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            if !own("output.rs") && !line.contains("is_terminal()") {
                for n in [
                    "println!",
                    "print!(",
                    "eprint",
                    "writeln!(",
                    "stdout().",
                    "stderr().",
                ] {
                    assert!(!line.contains(n), "{path} uses {n}: {line}");
                }
            }
            if !own("json.rs") {
                for n in ["serde_json::to_string", "serde_json::to_writer"] {
                    assert!(!line.contains(n), "{path} uses {n}: {line}");
                }
            }
        }
    }
}

#[test]
fn issue_18_9_every_arrow_runs_one_way_config_and_keys_sit_below_the_interfaces() {
    // The configuration checks `[keys]` with `crate::keys`, which the TUI uses too: neither reaches
    // up into the TUI or the command line.
    refuse("src/config", &["crate::tui", "crate::cli", "tui::"]);
    let keys = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/keys.rs");
    let text = std::fs::read_to_string(keys).unwrap();
    for n in ["crate::tui", "crate::cli", "crate::config"] {
        assert!(!text.contains(n), "src/keys.rs uses {n}");
    }
}

#[test]
fn seams_1_the_tui_never_reaches_the_command_line_and_the_command_line_only_launches_the_tui() {
    // The store's errors and the records' names in words live in `crate::present`, below both.
    refuse("src/tui", &["crate::cli", "duban::cli", "cli::"]);
    refuse(
        "src/present",
        &["crate::tui", "crate::cli", "tui::", "cli::"],
    );
    for (path, text) in files("src/cli") {
        if Path::new(&path)
            .file_name()
            .is_some_and(|f| f == "interactive.rs")
        {
            continue;
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            assert!(
                !line.contains("crate::tui") && !line.contains("tui::"),
                "{path} reaches the TUI outside cli/interactive.rs: {line}"
            );
        }
    }
}
