//! The terminal UI, in The Elm Architecture: [`model`] holds the state, [`update`] changes it in
//! answer to an [`action`], returning [`command`]s that the [`app`] loop runs against the store,
//! and [`views`] draw the model. `views` and `update` never touch the database.

pub mod action;
mod app;
mod backend;
pub mod command;
pub mod export;
pub mod form;
pub mod harness;
mod idle;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod screenshot;
mod terminal;
pub mod theme;
pub mod update;
pub mod views;
pub mod widgets;
pub mod workflow;
mod write;

use chrono::NaiveDate;

use crate::domain::Thresholds;
use crate::i18n::{Lang, Ui};
use crate::store::Store;
use keymap::{Keymap, KeymapError};
use model::{Model, Status};
use theme::Theme;

/// How the TUI is set up.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub today: NaiveDate,
    pub ascii: bool,
    pub color: bool,
    pub keymap: Keymap,
    pub thresholds: Thresholds,
    /// The database as named on screen.
    pub db_label: String,
    /// Where `x` writes exports.
    pub export_dir: std::path::PathBuf,
    /// `duban present`: start in presentation mode on this period, and leave duban with the slides.
    pub present: Option<crate::domain::Period>,
    /// A warning shown in the status line at start (others can write the database).
    pub warning: Option<String>,
    /// The configured body that receives referrals (`referral_body`); `None`: the default.
    pub referral_body: Option<String>,
}

/// The keymap of a configuration's `[keys]`, or the entry that is wrong.
pub fn keymap(keys: &keymap::KeyConfig) -> Result<Keymap, KeymapError> {
    Keymap::new(keys)
}

/// The model the TUI starts from.
pub fn initial_model(o: &Options) -> Model {
    let theme = Theme {
        color: o.color,
        ascii: o.ascii,
    };
    let mut m = Model::new(o.lang, o.today, theme, o.keymap.clone(), o.db_label.clone());
    m.thresholds = o.thresholds.clone();
    m.export_dir = o.export_dir.clone();
    m.referral_body = crate::i18n::referral_body(o.lang, o.referral_body.as_deref());
    m.status = o.warning.clone().map(Status::Error);
    if let Some(p) = o.present {
        m.tab = model::Tab::Reports;
        m.mode = model::Mode::Present;
        m.reports.custom = Some(p);
        m.reports.present_only = true;
    }
    m
}

/// Runs the TUI on `store` until the user quits.
pub fn run(store: &mut Store, o: &Options) -> std::io::Result<()> {
    let mut m = initial_model(o);
    m.calendar = std::sync::Arc::new(store.calendar().clone());
    m.role = store.role();
    m.own_role = store.own_role();
    // The warning about the database (others can write it) matters more than the locale's.
    if m.status.is_none() && !terminal::locale_is_utf8() {
        m.status = Some(Status::Info(o.lang.ui(Ui::LocaleWarning).to_string()));
    }
    app::run(store, m)
}

/// Whether the locale is UTF-8 (for the warning at start).
pub fn locale_is_utf8() -> bool {
    terminal::locale_is_utf8()
}
