//! Keys and their bindings by action name, below the interfaces: the configuration checks its
//! `[keys]` section here, and the TUI maps the names to its actions (`tui::keymap`). The
//! configuration's `[keys]` section rebinds actions by their snake_case names
//! (`filter_red = ["R", "F2"]`); a key given there is taken from any default action.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, normalised (a shifted letter is the capital letter, no SHIFT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// `KeyCode` reduced to what can be bound, so that keys can be ordered and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
    Insert,
}

const NAMED: &[(&str, KeyCodeOrd)] = &[
    ("enter", KeyCodeOrd::Enter),
    ("esc", KeyCodeOrd::Esc),
    ("backspace", KeyCodeOrd::Backspace),
    ("tab", KeyCodeOrd::Tab),
    ("backtab", KeyCodeOrd::BackTab),
    ("up", KeyCodeOrd::Up),
    ("down", KeyCodeOrd::Down),
    ("left", KeyCodeOrd::Left),
    ("right", KeyCodeOrd::Right),
    ("pgup", KeyCodeOrd::PageUp),
    ("pgdn", KeyCodeOrd::PageDown),
    ("home", KeyCodeOrd::Home),
    ("end", KeyCodeOrd::End),
    ("delete", KeyCodeOrd::Delete),
    ("insert", KeyCodeOrd::Insert),
    ("space", KeyCodeOrd::Char(' ')),
];

impl Key {
    /// The key of a terminal event, if it is one that can be bound.
    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::Insert => KeyCodeOrd::Insert,
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses `q`, `G`, `ctrl-c`, `alt-x`, `enter`, `pgdn`, `f1`, `space`, `backtab`…
    pub fn parse(s: &str) -> Option<Key> {
        let mut rest = s;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.len() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.len() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let named = NAMED.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c);
                match named {
                    Some(c) => c,
                    None => {
                        let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
                        if !(1..=12).contains(&n) {
                            return None;
                        }
                        KeyCodeOrd::F(n)
                    }
                }
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the key is written in hints and help: `q`, `G`, `Ctrl-C`, `Enter`, `PgDn`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "Space".to_string(),
            KeyCodeOrd::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            KeyCodeOrd::Enter => "Enter".into(),
            KeyCodeOrd::Esc => "Esc".into(),
            KeyCodeOrd::Backspace => "Bksp".into(),
            KeyCodeOrd::Tab => "Tab".into(),
            KeyCodeOrd::BackTab => "S-Tab".into(),
            KeyCodeOrd::Up => "Up".into(),
            KeyCodeOrd::Down => "Down".into(),
            KeyCodeOrd::Left => "Left".into(),
            KeyCodeOrd::Right => "Right".into(),
            KeyCodeOrd::PageUp => "PgUp".into(),
            KeyCodeOrd::PageDown => "PgDn".into(),
            KeyCodeOrd::Home => "Home".into(),
            KeyCodeOrd::End => "End".into(),
            KeyCodeOrd::Delete => "Del".into(),
            KeyCodeOrd::Insert => "Ins".into(),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        out.push_str(&base);
        out
    }
}

/// The default bindings, by action name. The TUI checks that these names are exactly its bindable
/// actions (`tui::keymap` tests).
pub const DEFAULTS: &[(&str, &[&str])] = &[
    ("up", &["k", "up"]),
    ("down", &["j", "down"]),
    ("page_up", &["pgup", "ctrl-b"]),
    ("page_down", &["pgdn", "ctrl-f"]),
    ("top", &["home", "<"]),
    ("bottom", &["G", "end", ">"]),
    ("left", &["h", "left"]),
    ("right", &["l", "right"]),
    ("open", &["enter"]),
    ("open_unit", &["o"]),
    ("back", &["backspace", "["]),
    ("filter", &["/"]),
    ("filter_red", &["r"]),
    ("filter_yellow", &["y"]),
    ("filter_green", &["g"]),
    ("clear_filter", &["C"]),
    ("cycle_sort", &["s"]),
    ("detail_down", &["J"]),
    ("detail_up", &["K"]),
    ("command", &[":"]),
    ("next_tab", &["tab"]),
    ("prev_tab", &["backtab"]),
    ("goto_overview", &["1"]),
    ("goto_tasks", &["2"]),
    ("goto_meetings", &["3"]),
    ("goto_units", &["4"]),
    ("goto_reports", &["5"]),
    ("goto_calendar", &["6"]),
    ("goto_audit", &["7"]),
    ("refresh", &["f5"]),
    ("add", &["a"]),
    ("edit", &["E"]),
    ("aliases", &["A"]),
    ("steps", &["m"]),
    ("progress", &["p"]),
    ("done", &["d"]),
    ("explain", &["e"]),
    ("criticise", &["c"]),
    ("mark", &["v", "space"]),
    ("clear_marks", &["V"]),
    ("undo", &["u", "ctrl-z"]),
    ("redo", &["ctrl-r", "ctrl-y"]),
    ("present", &["P"]),
    ("export", &["x"]),
    ("help", &["?", "f1"]),
    ("quit", &["q", "ctrl-c"]),
];

/// The configuration's `[keys]`: action name → keys.
pub type KeyConfig = BTreeMap<String, Vec<String>>;

/// Keys bound to action names: the defaults with a configuration's `[keys]` applied on top.
#[derive(Debug, Clone)]
pub struct Bindings {
    by_key: BTreeMap<Key, &'static str>,
    /// Every binding in the order it was given (defaults first), so hints show the first key.
    order: Vec<(Key, &'static str)>,
}

/// A `[keys]` entry that cannot be used, described for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    UnknownAction(String),
    BadKey { action: String, key: String },
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeymapError::UnknownAction(a) => write!(f, "[keys] {a}"),
            KeymapError::BadKey { action, key } => write!(f, "[keys] {action} = \"{key}\""),
        }
    }
}

impl Default for Bindings {
    /// The default bindings.
    fn default() -> Self {
        Self::new(&KeyConfig::new()).unwrap_or(Bindings {
            by_key: BTreeMap::new(),
            order: Vec::new(),
        })
    }
}

impl Bindings {
    /// The defaults with the configuration's `[keys]` applied on top; an action name must be one
    /// of [`DEFAULTS`]'.
    pub fn new(custom: &KeyConfig) -> Result<Bindings, KeymapError> {
        let mut by_key = BTreeMap::new();
        let mut order = Vec::new();
        for (name, keys) in DEFAULTS {
            if !custom.contains_key(*name) {
                for key in keys.iter().filter_map(|k| Key::parse(k)) {
                    by_key.insert(key, *name);
                    order.push((key, *name));
                }
            }
        }
        for (name, keys) in custom {
            let Some((action, _)) = DEFAULTS.iter().find(|(a, _)| a == name) else {
                return Err(KeymapError::UnknownAction(name.clone()));
            };
            for k in keys {
                let key = Key::parse(k).ok_or_else(|| KeymapError::BadKey {
                    action: name.clone(),
                    key: k.clone(),
                })?;
                by_key.insert(key, *action);
                order.push((key, *action));
            }
        }
        // A key taken by a later binding no longer belongs to the earlier action.
        order.retain(|(k, n)| by_key.get(k) == Some(n));
        Ok(Bindings { by_key, order })
    }

    /// The action name a key stands for.
    pub fn name(&self, key: &KeyEvent) -> Option<&'static str> {
        self.by_key.get(&Key::from_event(key)?).copied()
    }

    /// The keys bound to an action name, as labels, in the order they were given.
    pub fn keys_of(&self, name: &str) -> Vec<String> {
        self.order
            .iter()
            .filter(|(_, n)| *n == name)
            .map(|(k, _)| k.label())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_configuration_is_named() {
        let custom = BTreeMap::from([("fly".to_string(), vec!["f".to_string()])]);
        assert_eq!(
            Bindings::new(&custom).unwrap_err(),
            KeymapError::UnknownAction("fly".into())
        );
        let custom = BTreeMap::from([("quit".to_string(), vec!["ctrl-".to_string()])]);
        assert!(matches!(
            Bindings::new(&custom),
            Err(KeymapError::BadKey { .. })
        ));
        assert!(Key::parse("f13").is_none());
        assert_eq!(Key::parse("ctrl-C"), Key::parse("ctrl-c"));
        assert_eq!(Key::parse("PgDn").map(|k| k.label()), Some("PgDn".into()));
    }

    #[test]
    fn issue_18_9_the_default_bindings_are_the_defaults() {
        let b = Bindings::default();
        assert_eq!(b.keys_of("down"), ["j", "Down"]);
        assert_eq!(b.keys_of("quit"), ["q", "Ctrl-C"]);
    }
}
