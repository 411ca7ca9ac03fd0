//! Configuration: `config.toml` with the language, the database path and the rule thresholds, in
//! two layers: the server's file (`/etc/duban/config.toml`, or `DUBAN_SYSTEM_CONFIG`), then the
//! person's (`--config`/`DUBAN_CONFIG`, else `~/.config/duban/config.toml`). The person's keys
//! override the server's key by key (see [`layers`]). Unknown keys are an error naming the key.

mod layers;

use std::path::PathBuf;

use serde::Deserialize;

use crate::domain::Thresholds;
use crate::i18n::Lang;

pub use layers::{SYSTEM_CONFIG, system_path};
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    pub db: Option<PathBuf>,
    /// Draw borders and symbols in ASCII (for terminals that draw box characters double-wide).
    pub ascii: bool,
    pub thresholds: Thresholds,
    /// Where `x` in the TUI writes its files (default: the directory duban was started in).
    pub export_dir: Option<PathBuf>,
    /// What an OS account the database does not list may do: `refuse` (the default) or `viewer`.
    pub unknown_accounts: crate::store::UnknownAccounts,
    /// The body that receives referrals (R5.7), as screens and documents name it (default:
    /// 县纪委监委 / "county discipline inspection and supervision commission").
    pub referral_body: Option<String>,
    /// Key bindings of the TUI: action name → keys, e.g. `filter_green = ["n"]`.
    pub keys: std::collections::BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Parses a configuration file's text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_string(),
            }
        })?;
        config.thresholds.validate()?;
        crate::tui::keymap::Keymap::new(&config.keys).map_err(|e| match e {
            crate::tui::keymap::KeymapError::UnknownAction(a) => format!("[keys] {a}"),
            crate::tui::keymap::KeymapError::BadKey { action, key } => {
                format!("[keys] {action} = \"{key}\"")
            }
        })?;
        Ok(config)
    }

    /// The configuration of this machine: the server's file (`DUBAN_SYSTEM_CONFIG`, else
    /// `/etc/duban/config.toml`), then the person's: `explicit` (`--config`/`DUBAN_CONFIG`, which
    /// must exist), else `~/.config/duban/config.toml` if present. Missing files give the defaults.
    pub fn load(explicit: Option<&std::path::Path>) -> Result<Config, ConfigError> {
        let personal = match explicit {
            Some(p) => Some(layers::Personal::Named(p.to_path_buf())),
            None => layers::personal_default().map(layers::Personal::Default),
        };
        layers::load(&system_path(), personal)
    }
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = text.len().min(offset);
    let head = text.get(..end).unwrap_or(text);
    head.matches('\n').count() + 1
}

/// Why the configuration could not be loaded, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The file exists (or was named) but cannot be read.
    Unreadable { path: PathBuf, error: String },
    /// An unknown key, a bad value or bad TOML, with the key's name in `error`.
    Invalid { path: PathBuf, error: String },
    /// A personal file sets `[thresholds]` while the server's file exists: thresholds shape the
    /// deadlines stored in the shared database, so they are the office's, not a person's.
    PersonalThresholds {
        path: PathBuf,
        key: String,
        server: PathBuf,
    },
}

#[cfg(test)]
mod tests;
