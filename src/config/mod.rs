//! Configuration: `config.toml` with the language, the database path and the rule thresholds.
//! Unknown keys are an error naming the key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::Thresholds;
use crate::i18n::Lang;

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
    /// Key bindings of the TUI: action name → keys, e.g. `filter_green = ["n"]`.
    pub keys: std::collections::BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Parses a configuration file's text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| e.message().to_string())?;
        config.thresholds.validate()?;
        crate::tui::keymap::Keymap::new(&config.keys).map_err(|e| match e {
            crate::tui::keymap::KeymapError::UnknownAction(a) => format!("[keys] {a}"),
            crate::tui::keymap::KeymapError::BadKey { action, key } => {
                format!("[keys] {action} = \"{key}\"")
            }
        })?;
        Ok(config)
    }

    /// The configuration from `explicit` (`--config`/`DUBAN_CONFIG`), else the user's
    /// `~/.config/duban/config.toml` if present, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, (PathBuf, String)> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => directories::ProjectDirs::from("", "", "duban")
                .map(|d| d.config_dir().join("config.toml"))
                .filter(|p| p.exists()),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = std::fs::read_to_string(&path).map_err(|e| (path.clone(), e.to_string()))?;
        Config::parse(&text).map_err(|e| (path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_come_from_the_file_with_defaults_for_the_rest() {
        let c = Config::parse("lang = \"en\"\n[thresholds]\nyellow_within_workdays = 5\n").unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.thresholds.yellow_within_workdays, 5);
        assert_eq!(c.thresholds.default_limit_workdays, 15);
    }

    #[test]
    fn impossible_thresholds_are_refused_by_name() {
        let e = Config::parse("[thresholds]\nexempt_report_every_days = -1\n").unwrap_err();
        assert!(e.contains("exempt_report_every_days"), "{e}");
        assert!(
            Config::parse("[thresholds]\ndefault_limit_workdays = 9223372036854775807\n").is_err()
        );
        assert!(Config::parse("[thresholds]\nnotice_before_workdays = 0\n").is_ok());
    }

    #[test]
    fn key_bindings_and_ascii_come_from_the_file_and_mistakes_are_named() {
        let c = Config::parse("ascii = true\n[keys]\nfilter_green = [\"n\"]\n").unwrap();
        assert!(c.ascii);
        assert_eq!(c.keys["filter_green"], vec!["n".to_string()]);
        let e = Config::parse("[keys]\nfly = [\"f\"]\n").unwrap_err();
        assert!(e.contains("fly"), "{e}");
        let e = Config::parse("[keys]\nquit = [\"ctrl-\"]\n").unwrap_err();
        assert!(e.contains("ctrl-"), "{e}");
    }

    #[test]
    fn unknown_keys_are_named() {
        let e = Config::parse("[thresholds]\nyelow = 5\n").unwrap_err();
        assert!(e.contains("yelow"), "{e}");
        assert!(Config::parse("colour = 1").unwrap_err().contains("colour"));
    }
}
