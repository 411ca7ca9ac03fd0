//! Drives the real TUI without a terminal: the demo county in memory, keys in, the screen out. The
//! snapshot tests and `duban screenshot` both use it, so screenshots show exactly what tests check.

use std::collections::VecDeque;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::settle;
use super::keymap::Keymap;
use super::model::Model;
use super::{Options, initial_model, update, views};
use crate::demo::{self, DemoOptions};
use crate::domain::Thresholds;
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

/// The TUI on a store, at a terminal size.
pub struct Harness {
    pub store: Store,
    pub model: Model,
}

impl Harness {
    /// The demo county (seed 2011, as `--demo` builds it) for `today`, in memory.
    pub fn demo(
        lang: Lang,
        today: NaiveDate,
        width: u16,
        height: u16,
    ) -> Result<Harness, StoreError> {
        let mut store = Store::open_in_memory(Thresholds::default())?;
        store.fix_audit_clock("demo", &format!("{today}T09:00:00+08:00"));
        demo::build(
            &mut store,
            DemoOptions {
                today,
                scale: None,
                seed: 2011,
            },
        )?;
        Ok(Harness::on(store, lang, today, width, height, "demo.db"))
    }

    /// The TUI on an existing store.
    pub fn on(
        store: Store,
        lang: Lang,
        today: NaiveDate,
        width: u16,
        height: u16,
        label: &str,
    ) -> Harness {
        let opts = Options {
            lang,
            today,
            ascii: false,
            color: true,
            keymap: Keymap::default(),
            thresholds: store.thresholds().clone(),
            db_label: label.to_string(),
            present: None,
            export_dir: std::env::temp_dir(),
            warning: None,
            referral_body: None,
        };
        let mut model = initial_model(&opts);
        model.calendar = std::sync::Arc::new(store.calendar().clone());
        model.role = store.role();
        model.own_role = store.own_role();
        let mut h = Harness { store, model };
        h.action(Action::Resize(width, height));
        h
    }

    /// Applies an action and everything it loads.
    pub fn action(&mut self, a: Action) {
        let mut queue = VecDeque::from([a]);
        settle(&mut self.store, &mut self.model, &mut queue);
    }

    /// Presses one key.
    pub fn key(&mut self, key: KeyEvent) {
        if let Some(a) = update::action_for_key(&self.model, key) {
            self.action(a);
        }
    }

    /// Types a key script: characters as themselves, `<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`,
    /// `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Bksp>`, `<F1>`,
    /// `<C-x>` for Ctrl-x.
    pub fn keys(&mut self, script: &str) {
        for key in parse_script(script) {
            self.key(key);
        }
    }

    /// Draws the screen.
    pub fn render(&self) -> Buffer {
        let backend = TestBackend::new(self.model.width, self.model.height);
        let mut term = match Terminal::new(backend) {
            Ok(t) => t,
            Err(e) => match e {},
        };
        let _ = term.draw(|f| views::render(&self.model, f));
        term.backend().buffer().clone()
    }

    /// The screen as text, one line per row (wide characters once, their second cell dropped).
    pub fn text(&self) -> String {
        buffer_text(&self.render())
    }
}

/// A buffer's text: each row's symbols, skipping the cell a wide character covers.
pub fn buffer_text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..b.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = b[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The keys of a script (see [`Harness::keys`]).
pub fn parse_script(script: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" => Some(KeyEvent::from(KeyCode::Enter)),
                "Esc" => Some(KeyEvent::from(KeyCode::Esc)),
                "Tab" => Some(KeyEvent::from(KeyCode::Tab)),
                "BackTab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Up" => Some(KeyEvent::from(KeyCode::Up)),
                "Down" => Some(KeyEvent::from(KeyCode::Down)),
                "Left" => Some(KeyEvent::from(KeyCode::Left)),
                "Right" => Some(KeyEvent::from(KeyCode::Right)),
                "PgUp" => Some(KeyEvent::from(KeyCode::PageUp)),
                "PgDn" => Some(KeyEvent::from(KeyCode::PageDown)),
                "Home" => Some(KeyEvent::from(KeyCode::Home)),
                "End" => Some(KeyEvent::from(KeyCode::End)),
                "Bksp" => Some(KeyEvent::from(KeyCode::Backspace)),
                "F1" => Some(KeyEvent::from(KeyCode::F(1))),
                n if n.starts_with("C-") && n.chars().count() == 3 => n
                    .chars()
                    .nth(2)
                    .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
                _ => None,
            };
            if let Some(k) = key {
                keys.push(k);
                rest = &rest[end + 1..];
                continue;
            }
        }
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        keys.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    keys
}
