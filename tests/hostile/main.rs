//! Hostile and bad input (issue 6, part C): text with escape sequences, OSC 52 clipboard writes,
//! the one-character CSI, every C0/C1 control and the bidi overrides, through every input path
//! (the store API, raw SQL, the command line's arguments, imported .csv and .xlsx files, pasted
//! text in the TUI), checked on every output path (the TUI's screen, the command line's table, CSV
//! and JSON, every export); and SQL and full-text injection through every filter and form.

mod cli_out;
mod corpus;
mod exports;
mod imports;
mod injection;
mod injection_forms;
mod inputs;
mod paste;
mod pty;
mod screens;
#[path = "../support/mod.rs"]
mod support;
