//! The two layers: the server's file, then the person's, merged key by key.
//!
//! Each file is read and validated on its own first, so a mistake is reported with the file it is
//! in. Then the person's table is merged into the server's: a key the person sets replaces the
//! server's, and tables (`[keys]`, …) are merged key by key, however deep.

use std::path::{Path, PathBuf};

use super::{Config, ConfigError};

/// The server's configuration file, read by every account on the machine.
pub const SYSTEM_CONFIG: &str = "/etc/duban/config.toml";

/// The server's configuration file: `DUBAN_SYSTEM_CONFIG` if set (tests, unusual installs), else
/// [`SYSTEM_CONFIG`].
pub fn system_path() -> PathBuf {
    std::env::var_os("DUBAN_SYSTEM_CONFIG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SYSTEM_CONFIG))
}

/// The person's file: `~/.config/duban/config.toml` (`$XDG_CONFIG_HOME/duban/config.toml`).
pub(super) fn personal_default() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "duban").map(|d| d.config_dir().join("config.toml"))
}

/// Where the person's configuration comes from.
pub(super) enum Personal {
    /// `--config`/`DUBAN_CONFIG`: the person named it, so it must exist.
    Named(PathBuf),
    /// The default place: fine when missing.
    Default(PathBuf),
}

/// One file's text as a TOML table, validated on its own; `None` when an optional file is missing.
fn read_layer(path: &Path, required: bool) -> Result<Option<toml::Table>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError::Unreadable {
                path: path.to_path_buf(),
                error: e.to_string(),
            });
        }
    };
    let invalid = |error: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        error,
    };
    Config::parse(&text).map_err(invalid)?;
    // It parsed as a Config, so it is a TOML table.
    text.parse::<toml::Table>()
        .map(Some)
        .map_err(|e| invalid(e.message().to_string()))
}

/// The configuration of the server's file at `system` and the person's, merged.
pub(super) fn load(system: &Path, personal: Option<Personal>) -> Result<Config, ConfigError> {
    let server = read_layer(system, false)?;
    let person = match &personal {
        Some(Personal::Named(p)) => read_layer(p, true)?.map(|t| (p, t)),
        Some(Personal::Default(p)) => read_layer(p, false)?.map(|t| (p, t)),
        None => None,
    };
    let (merged, blame) = match (server, person) {
        (None, None) => return Ok(Config::default()),
        (Some(s), None) => (s, system),
        (None, Some((path, p))) => (p, path.as_path()),
        (Some(mut s), Some((path, p))) => {
            if let Some(key) = thresholds_key(&p) {
                return Err(ConfigError::PersonalThresholds {
                    path: path.clone(),
                    key,
                    server: system.to_path_buf(),
                });
            }
            merge(&mut s, p);
            (s, path.as_path())
        }
    };
    // Each layer was valid alone, and every check is of one key, so the union is valid too; should
    // a check ever span keys, the person's file, which brought the override, is the one to fix.
    Config::parse(&merged.to_string()).map_err(|error| ConfigError::Invalid {
        path: blame.to_path_buf(),
        error,
    })
}

/// The first key of `[thresholds]` the person's table sets (`thresholds.yellow_within_workdays`),
/// or `thresholds` for an empty table.
fn thresholds_key(person: &toml::Table) -> Option<String> {
    let value = person.get("thresholds")?;
    let first = value.as_table().and_then(|t| t.keys().next());
    Some(match first {
        Some(k) => format!("thresholds.{k}"),
        None => "thresholds".to_string(),
    })
}

/// `over` merged into `base`: tables key by key, every other value replaced.
pub(super) fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}
