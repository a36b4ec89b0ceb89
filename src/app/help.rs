//! The Help menu on the shell's side: Keyboard shortcuts (F1), the user guide, the sample
//! sessions, About.
//!
//! The user guide (`docs/guide.ru.md`, `docs/guide.en.md`) is compiled into the program, so it
//! opens offline, in the interface's language: switching the language switches the guide. It
//! is a window beside the board, not a dialog over it, so it can stay open while one works.
//!
//! The shortcuts list is made from the two key tables — the board's actions
//! ([`super::actions::ACTIONS`], grouped by the menu each is in) and the presentation's keys
//! ([`super::present::PRESENTATION_KEYS`]) — so it cannot drift from what the keys do.
//!
//! The sample sessions are compiled into the program and open as a new document without a
//! file, as the sample at first start does: they open even where the package's copies
//! (`/usr/share/doc/stratboard/examples/`) are missing, and saving one asks where to save it
//! rather than failing on a read-only file. Opening one asks first about unsaved changes, as
//! File → Open does.

use std::sync::OnceLock;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::actions::{ACTIONS, Action, Menu};
use super::present::PRESENTATION_KEYS;
use super::{Document, Notice, StratboardApp, Then};
use crate::ui::help::guide::{self, Chapter, Guide};
use crate::ui::help::{self as dialogs, ShortcutGroup, ShortcutRow};
use crate::ui::theme::Theme;
use stratboard_core::i18n::Language;
use stratboard_core::i18n::Tr;
use stratboard_core::storage;

/// A sample session compiled into the program.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Its file in `sessions/` (and in the package's examples).
    pub file: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// The sample sessions of `sessions/`, Russian first.
pub const SAMPLES: [Sample; 5] = [
    Sample {
        file: "tos-support.ron",
        text: include_str!("../../sessions/tos-support.ron"),
    },
    Sample {
        file: "tos-support-2018-q2.ron",
        text: include_str!("../../sessions/tos-support-2018-q2.ron"),
    },
    Sample {
        file: "municipal-school.ron",
        text: include_str!("../../sessions/municipal-school.ron"),
    },
    // The forum's plenary with its three sections brought in (`sessions/forum/`).
    Sample {
        file: "forum/plenary-merged.ron",
        text: include_str!("../../sessions/forum/plenary-merged.ron"),
    },
    Sample {
        file: "ngo-offsite.ron",
        text: include_str!("../../sessions/ngo-offsite.ron"),
    },
];

/// The samples' titles, read from the samples once (the menu shows them every frame it is open).
pub fn sample_titles() -> &'static [String] {
    static TITLES: OnceLock<Vec<String>> = OnceLock::new();
    TITLES.get_or_init(|| {
        SAMPLES
            .iter()
            .map(
                |sample| match storage::parse_session(sample.text.as_bytes()) {
                    Ok(parsed) => parsed.session.meta.title,
                    Err(_) => sample.file.to_owned(),
                },
            )
            .collect()
    })
}

/// A Help dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpDialog {
    /// Help → About.
    About,
    /// Help → Keyboard shortcuts.
    Shortcuts,
}

/// Which Help dialog is open, if any, and the user guide's window.
#[derive(Debug, Default)]
pub struct HelpState {
    open: Option<HelpDialog>,
    /// Whether the user guide's window is open.
    guide: bool,
    /// The guide's block to scroll to (a chapter picked in the contents).
    guide_jump: Option<usize>,
    /// The scroll offset of that block, found while drawing it; applied the next frame.
    guide_offset: Option<f32>,
}

/// The user guide's Markdown in `language`.
pub fn guide_text(language: Language) -> &'static str {
    match language {
        Language::Russian => include_str!("../../docs/guide.ru.md"),
        Language::English => include_str!("../../docs/guide.en.md"),
    }
}

/// The user guide in `language` with its chapters, read once (the window shows it every frame
/// it is open).
pub fn user_guide(language: Language) -> &'static (Guide, Vec<Chapter>) {
    static RUSSIAN: OnceLock<(Guide, Vec<Chapter>)> = OnceLock::new();
    static ENGLISH: OnceLock<(Guide, Vec<Chapter>)> = OnceLock::new();
    let cell = match language {
        Language::Russian => &RUSSIAN,
        Language::English => &ENGLISH,
    };
    cell.get_or_init(|| {
        let guide = Guide::parse(guide_text(language));
        let chapters = guide.chapters();
        (guide, chapters)
    })
}

/// The guide's window is at most this wide; the contents column beside the text appears when
/// the window is at least [`GUIDE_CONTENTS_FROM`] wide.
const GUIDE_WIDTH: f32 = 1140.0;
/// The narrowest window that shows the contents column.
const GUIDE_CONTENTS_FROM: f32 = 760.0;
/// The contents column's width.
const GUIDE_CONTENTS_WIDTH: f32 = 260.0;

/// The order the shortcuts list shows the board's actions in: the menus' order (the table's
/// order puts Ctrl+Shift+S before Ctrl+S for the keyboard's sake). Actions not named here
/// follow, in the table's order.
const LIST_ORDER: &[Action] = &[
    Action::New,
    Action::Open,
    Action::Save,
    Action::SaveAs,
    Action::Export,
    Action::Quit,
    Action::Undo,
    Action::Redo,
    Action::Present,
    Action::AudienceWindow,
    Action::Shortcuts,
    Action::About,
];

/// The menus, in the menu bar's order, with their names' translation keys.
const MENUS: [(Menu, &str); 5] = [
    (Menu::File, "menu-file"),
    (Menu::Edit, "menu-edit"),
    (Menu::View, "menu-view"),
    (Menu::Room, "menu-room"),
    (Menu::Help, "menu-help"),
];

/// A shortcut as the shortcuts list writes it: the modifiers as egui writes them for the
/// platform ("Ctrl+", "⌘"), the key as it is printed on the keyboard ("→", ".", "Esc"; egui
/// spells those "Right", "Period", "Escape").
pub fn key_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let key = shortcut.logical_key;
    let full = ctx.format_shortcut(shortcut);
    let alone = ctx.format_shortcut(&KeyboardShortcut::new(Modifiers::NONE, key));
    let modifiers = full.strip_suffix(alone.as_str()).unwrap_or_default();
    format!("{modifiers}{}", key_label(key))
}

/// A key as it is printed on the keyboard.
fn key_label(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        other => other.symbol_or_name(),
    }
}

/// The shortcuts list: one group per menu that has keys, then the presentation's keys.
pub fn shortcut_groups(ctx: &egui::Context, tr: &Tr) -> Vec<ShortcutGroup> {
    let mut groups: Vec<ShortcutGroup> = MENUS
        .iter()
        .map(|(menu, title)| ShortcutGroup {
            title: tr.t(title),
            note: None,
            rows: menu_rows(ctx, tr, *menu),
        })
        .filter(|group| !group.rows.is_empty())
        .collect();
    groups.push(ShortcutGroup {
        title: tr.t("help-shortcuts-presentation"),
        note: Some(tr.t("help-shortcuts-presentation-note")),
        rows: presentation_rows(ctx, tr),
    });
    groups
}

/// The rows of the actions in `menu` that have keys, in the menus' order.
fn menu_rows(ctx: &egui::Context, tr: &Tr, menu: Menu) -> Vec<ShortcutRow> {
    let mut infos: Vec<_> = ACTIONS
        .iter()
        .filter(|info| info.action.menu() == menu && !info.shortcuts.is_empty())
        .collect();
    infos.sort_by_key(|info| {
        LIST_ORDER
            .iter()
            .position(|action| *action == info.action)
            .unwrap_or(usize::MAX)
    });
    infos
        .into_iter()
        .map(|info| ShortcutRow {
            name: info.action.name(tr),
            keys: info.shortcuts.iter().map(|s| key_text(ctx, s)).collect(),
        })
        .collect()
}

/// The presentation's keys, one row per thing done (PageDown, → and ↓ on one row).
fn presentation_rows(ctx: &egui::Context, tr: &Tr) -> Vec<ShortcutRow> {
    let mut rows: Vec<(&str, ShortcutRow)> = Vec::new();
    for key in PRESENTATION_KEYS {
        let keys = key.shortcuts.iter().map(|s| key_text(ctx, s));
        match rows.iter_mut().find(|(name, _)| *name == key.name) {
            Some((_, row)) => row.keys.extend(keys),
            None => rows.push((
                key.name,
                ShortcutRow {
                    name: tr.t(key.name),
                    keys: keys.collect(),
                },
            )),
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

impl HelpState {
    /// Opens the Help dialog of `action` (About or Keyboard shortcuts), or the user guide.
    pub fn open(&mut self, action: Action) {
        match action {
            Action::UserGuide => self.guide = true,
            Action::About => self.open = Some(HelpDialog::About),
            Action::Shortcuts => self.open = Some(HelpDialog::Shortcuts),
            _ => {}
        }
    }

    /// The Help dialog that is open, if any.
    pub fn dialog(&self) -> Option<HelpDialog> {
        self.open
    }

    /// Whether the user guide's window is open.
    pub fn guide_open(&self) -> bool {
        self.guide
    }

    /// Draws the user guide's window (in `language`), and the open Help dialog (Esc, a click
    /// outside or Close closes the dialog).
    pub fn windows(&mut self, ctx: &egui::Context, tr: &Tr, theme: &Theme, language: Language) {
        if self.guide {
            self.guide_window(ctx, tr, theme, language);
        }
        let Some(dialog) = self.open else {
            return;
        };
        let screen = ctx.content_rect();
        let width = (screen.width() - 80.0).clamp(320.0, 760.0);
        let height = dialogs::scroll_height(screen.height());
        let mut close = false;
        let id = egui::Id::unique(("stratboard-help", dialog));
        let modal = egui::Modal::new(id).show(ctx, |ui| {
            ui.set_width(width);
            close = match dialog {
                HelpDialog::About => {
                    let version = env!("CARGO_PKG_VERSION");
                    dialogs::about(ui, theme, tr, version, height)
                }
                HelpDialog::Shortcuts => {
                    let groups = shortcut_groups(ctx, tr);
                    dialogs::shortcuts(ui, theme, tr, &groups, height)
                }
            };
        });
        if close || modal.should_close() {
            self.open = None;
        }
    }

    /// The user guide's window: the contents on the left (where there is room), the guide on
    /// the right, each scrolling on its own; its ✕ closes it.
    fn guide_window(&mut self, ctx: &egui::Context, tr: &Tr, theme: &Theme, language: Language) {
        let (guide, chapters) = user_guide(language);
        let screen = ctx.content_rect();
        let size = egui::vec2(
            (screen.width() - 60.0).clamp(320.0, GUIDE_WIDTH),
            (screen.height() - 110.0).max(240.0),
        );
        let mut open = true;
        let contents_title = tr.t("help-guide-contents");
        let jump = &mut self.guide_jump;
        let offset = &mut self.guide_offset;
        egui::Window::new(tr.t("help-guide-title"))
            .id(egui::Id::unique("stratboard-user-guide"))
            .default_size(size)
            .max_size(screen.size())
            .default_pos(screen.center_top() + egui::vec2(-size.x / 2.0, 50.0))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    if ui.available_width() >= GUIDE_CONTENTS_FROM {
                        guide_contents(ui, theme, &contents_title, chapters, jump);
                        ui.separator();
                    }
                    let mut text = egui::ScrollArea::vertical()
                        .id_salt("guide-text")
                        .auto_shrink([false, false]);
                    if let Some(to) = offset.take() {
                        text = text.vertical_scroll_offset(to);
                    }
                    // A scroll area lays its content out as its parent does: here, top to
                    // bottom, not along the row it sits in.
                    let found = text
                        .show(ui, |ui| {
                            ui.vertical(|ui| guide::show(ui, theme, guide, jump)).inner
                        })
                        .inner;
                    if found.is_some() {
                        *offset = found;
                        ui.ctx().request_repaint();
                    }
                });
            });
        if !open {
            self.guide = false;
            self.guide_jump = None;
            self.guide_offset = None;
        }
    }
}

impl StratboardApp {
    /// The Help menu: Keyboard shortcuts, the sample sessions, About.
    pub(super) fn help_menu(&mut self, ui: &mut egui::Ui) {
        self.action_button(ui, Action::Shortcuts);
        self.action_button(ui, Action::UserGuide);
        ui.menu_button(self.tr.t("menu-help-samples"), |ui| {
            for (index, title) in sample_titles().iter().enumerate() {
                if ui.button(title).clicked() {
                    self.request(Then::OpenSample(index));
                }
            }
        });
        ui.separator();
        self.action_button(ui, Action::About);
    }

    /// The Help dialog that is open, if any.
    pub fn help_dialog(&self) -> Option<HelpDialog> {
        self.help.dialog()
    }

    /// Whether the user guide's window is open.
    pub fn guide_open(&self) -> bool {
        self.help.guide_open()
    }

    /// Opens sample `index` of [`SAMPLES`] as a new document without a file (unsaved changes
    /// were dealt with before).
    pub(super) fn open_sample(&mut self, index: usize) {
        let Some(sample) = SAMPLES.get(index) else {
            return;
        };
        match storage::parse_session(sample.text.as_bytes()) {
            Ok(parsed) => {
                self.replace_document(Document::untitled(parsed.session));
                let save = Action::Save.info().shortcuts.first().map(|shortcut| {
                    shortcut.format(&egui::ModifierNames::NAMES, cfg!(target_os = "macos"))
                });
                let text = self
                    .tr
                    .with("help-sample-opened", "keys", &save.unwrap_or_default());
                self.notice = Some(Notice::Info(text));
            }
            Err(error) => self.error("error-open", format!("{}: {error}", sample.file)),
        }
    }
}

/// The guide's table of contents in its own scrolling column; a click asks to jump there.
fn guide_contents(
    ui: &mut egui::Ui,
    theme: &Theme,
    title: &str,
    chapters: &[Chapter],
    jump: &mut Option<usize>,
) {
    ui.vertical(|ui| {
        ui.set_width(GUIDE_CONTENTS_WIDTH);
        ui.label(theme.card_title(title));
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt("guide-contents")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(block) = guide::contents(ui, theme, chapters) {
                    *jump = Some(block);
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_parses_and_is_consistent() {
        for sample in SAMPLES {
            let parsed = storage::parse_session(sample.text.as_bytes()).expect(sample.file);
            assert!(parsed.session.validate().is_empty(), "{}", sample.file);
        }
    }

    #[test]
    fn every_sample_in_sessions_is_offered() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        for entry in std::fs::read_dir(folder).expect("sessions/") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".ron") {
                assert!(
                    SAMPLES.iter().any(|s| s.file == name),
                    "{name} is not in SAMPLES"
                );
            }
        }
    }

    #[test]
    fn every_action_with_keys_is_in_a_group() {
        let ctx = egui::Context::default();
        let tr = Tr::new(stratboard_core::i18n::Language::English);
        let listed: usize = MENUS
            .iter()
            .map(|(menu, _)| menu_rows(&ctx, &tr, *menu).len())
            .sum();
        let with_keys = ACTIONS.iter().filter(|i| !i.shortcuts.is_empty()).count();
        assert_eq!(listed, with_keys);
    }
}
