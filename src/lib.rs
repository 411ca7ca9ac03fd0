//! duban (督办): supervision of special-topic meetings, their minutes and the tasks decided there,
//! for a county supervision office (县考绩办). See README.md.
#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod calendar;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod export;
pub mod i18n;
pub mod import;
pub mod keys;
pub mod os;
pub mod present;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
