//! Keys to actions, and back: the help screen and the footer hints are drawn from the same map, so
//! they always show the keys in force. Keys, their parsing and the bindings by action name live
//! below the TUI in [`crate::keys`], which the configuration checks its `[keys]` with; this maps the
//! names to the TUI's actions.

use super::action::Action;
use crate::keys::Bindings;
pub use crate::keys::{KeyConfig, KeymapError};
use ratatui::crossterm::event::KeyEvent;

/// The keys of normal mode.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Bindings,
}

impl Keymap {
    /// The defaults with the configuration's `[keys]` applied on top.
    pub fn new(custom: &KeyConfig) -> Result<Keymap, KeymapError> {
        Ok(Keymap {
            bindings: Bindings::new(custom)?,
        })
    }

    /// The action a key stands for in normal mode.
    pub fn action(&self, key: &KeyEvent) -> Option<Action> {
        let name = self.bindings.name(key)?;
        Action::BINDABLE.iter().find(|a| a.name() == name).cloned()
    }

    /// The keys bound to an action, as labels, in the order they were given.
    pub fn keys_of(&self, action: &Action) -> Vec<String> {
        self.bindings.keys_of(action.name())
    }

    /// The first key of an action (for the footer), or `None` when it is unbound.
    pub fn hint(&self, action: &Action) -> Option<String> {
        self.keys_of(action).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::DEFAULTS;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use std::collections::BTreeMap;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_keys_reach_their_actions() {
        let k = Keymap::default();
        let act = |c, m| k.action(&ev(c, m)).map(|a| a.name());
        assert_eq!(act(KeyCode::Char('j'), KeyModifiers::NONE), Some("down"));
        assert_eq!(act(KeyCode::Down, KeyModifiers::NONE), Some("down"));
        assert_eq!(act(KeyCode::Char('G'), KeyModifiers::SHIFT), Some("bottom"));
        assert_eq!(act(KeyCode::Char('c'), KeyModifiers::CONTROL), Some("quit"));
        assert_eq!(act(KeyCode::Tab, KeyModifiers::SHIFT), Some("prev_tab"));
        assert_eq!(act(KeyCode::BackTab, KeyModifiers::SHIFT), Some("prev_tab"));
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::NONE), Some("export"));
        assert_eq!(
            act(KeyCode::Char('P'), KeyModifiers::SHIFT),
            Some("present")
        );
        assert_eq!(act(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    #[test]
    fn every_bindable_action_has_a_default_key() {
        let k = Keymap::default();
        for a in Action::BINDABLE {
            assert!(k.hint(a).is_some(), "{} has no key", a.name());
        }
    }

    #[test]
    fn configured_keys_replace_the_defaults_and_take_the_key_from_others() {
        let custom = BTreeMap::from([("filter_green".to_string(), vec!["n".to_string()])]);
        let k = Keymap::new(&custom).unwrap();
        let n = k.action(&ev(KeyCode::Char('n'), KeyModifiers::NONE));
        assert_eq!(n.map(|a| a.name()), Some("filter_green"));
        assert!(
            k.action(&ev(KeyCode::Char('g'), KeyModifiers::NONE))
                .is_none()
        );
        assert_eq!(k.keys_of(&Action::FilterGreen), vec!["n"]);

        let custom = BTreeMap::from([("quit".to_string(), vec!["r".to_string()])]);
        let k = Keymap::new(&custom).unwrap();
        assert_eq!(k.keys_of(&Action::FilterRed), Vec::<String>::new());
        assert_eq!(k.keys_of(&Action::Quit), vec!["r"]);
    }

    #[test]
    fn the_default_names_are_exactly_the_bindable_actions() {
        for (name, _) in DEFAULTS {
            assert!(
                Action::BINDABLE.iter().any(|a| a.name() == *name),
                "{name} is no action"
            );
        }
        for a in Action::BINDABLE {
            assert!(DEFAULTS.iter().any(|(n, _)| *n == a.name()), "{}", a.name());
        }
    }
}
