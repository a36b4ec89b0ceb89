//! The shell's actions: one table of each action's name and keyboard shortcuts. The menus draw
//! their items from it, the keyboard is read from it, and a list of shortcuts can be printed
//! from it; an action is done in one place, [`StratboardApp::perform`].
//!
//! The presentation's own keys (PageDown, B, T … while presenting) belong to the presentation
//! and are read from its own table, `present::PRESENTATION_KEYS`; only entering it (F5) and
//! the audience window (Alt+F5) are actions of the board. Help → Keyboard shortcuts lists both
//! tables.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{StratboardApp, Then};
use crate::ui::theme::ThemeKind;
use stratboard_core::i18n::{Language, Tr};

/// Something the user asks the shell to do, from a menu or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A new, empty session (after asking about unsaved changes).
    New,
    /// File → New follow-up session: a new untitled session continuing the open one
    /// (`Session::continue_from`: its people, goals and indicators, and the action items still
    /// open), after asking about unsaved changes.
    FollowUp,
    /// File → New section of this session…: a section's file made from the open plenary
    /// (the plenary stays open).
    NewSection,
    /// File → Bring in section results…: sections' files previewed, then brought into the
    /// plenary as one undo step (not in a session that is itself a section).
    BringIn,
    /// Open a session file chosen in a dialog.
    Open,
    /// Save to the session's file.
    Save,
    /// Save to a file chosen in a dialog.
    SaveAs,
    /// The protocol export dialog.
    Export,
    /// File → Import participants…: a participant list (CSV, XLSX, ODS) picked in a dialog,
    /// previewed, then added as one undo step.
    ImportParticipants,
    /// Close the window (after asking about unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Presentation mode in the main window.
    Present,
    /// Open or close the audience window.
    AudienceWindow,
    /// Open the room for phones (asks for the address and port).
    OpenRoom,
    /// Close the room.
    CloseRoom,
    /// Show or hide the room's QR code and address.
    RoomWindow,
    /// Switch the interface language.
    SetLanguage(Language),
    /// Switch the colour theme.
    SetTheme(ThemeKind),
    /// Help → Keyboard shortcuts: the list of every key.
    Shortcuts,
    /// Help → User guide: the guide in the interface's language, offline.
    UserGuide,
    /// Help → About: version, licence, the fonts' licences.
    About,
}

/// The menu an action is in (the shortcuts list groups keys by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Room.
    Room,
    /// Help.
    Help,
}

/// How an action is named in menus and lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// A translation key.
    Key(&'static str),
    /// A language, named in itself ("Русский", "English") whatever the interface language.
    Native(Language),
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo {
    /// The action.
    pub action: Action,
    /// Its name.
    pub name: Name,
    /// Its keys; the first is the one menus show.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Whether it works while the voting booth has the screen (only saving does: a voter must
    /// not undo the previous voter's ballot or leave the booth).
    pub in_booth: bool,
}

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// F5: presentation mode (and, while presenting, back to the board).
pub const PRESENT: KeyboardShortcut = keys(Modifiers::NONE, Key::F5);
/// Alt+F5: the audience window.
pub const AUDIENCE: KeyboardShortcut = keys(Modifiers::ALT, Key::F5);

const fn row(
    action: Action,
    name: &'static str,
    shortcuts: &'static [KeyboardShortcut],
) -> ActionInfo {
    ActionInfo {
        action,
        name: Name::Key(name),
        shortcuts,
        in_booth: false,
    }
}

/// Every action of the shell, with its name and keys.
///
/// egui matches shortcuts ignoring extra Shift and Alt, so a row whose keys need more
/// modifiers comes before a row with the same key and fewer (Ctrl+Shift+S before Ctrl+S,
/// Alt+F5 before F5); a test keeps it so.
pub const ACTIONS: &[ActionInfo] = &[
    row(Action::New, "menu-new", &[keys(CTRL, Key::N)]),
    row(Action::FollowUp, "menu-follow-up", &[]),
    row(Action::Open, "menu-open", &[keys(CTRL, Key::O)]),
    row(Action::SaveAs, "menu-save-as", &[keys(CTRL_SHIFT, Key::S)]),
    ActionInfo {
        in_booth: true,
        ..row(Action::Save, "menu-save", &[keys(CTRL, Key::S)])
    },
    row(Action::Export, "menu-export", &[keys(CTRL, Key::E)]),
    row(Action::ImportParticipants, "pimport-menu", &[]),
    row(Action::NewSection, "new-section-menu", &[]),
    row(Action::BringIn, "bring-in-menu", &[]),
    row(Action::Quit, "menu-quit", &[keys(CTRL, Key::Q)]),
    row(
        Action::Redo,
        "menu-redo",
        &[keys(CTRL_SHIFT, Key::Z), keys(CTRL, Key::Y)],
    ),
    row(Action::Undo, "menu-undo", &[keys(CTRL, Key::Z)]),
    row(Action::AudienceWindow, "menu-audience", &[AUDIENCE]),
    row(Action::Present, "menu-present", &[PRESENT]),
    row(Action::OpenRoom, "menu-room-open", &[]),
    row(Action::CloseRoom, "menu-room-close", &[]),
    row(Action::RoomWindow, "menu-room-show", &[]),
    ActionInfo {
        action: Action::SetLanguage(Language::Russian),
        name: Name::Native(Language::Russian),
        shortcuts: &[],
        in_booth: false,
    },
    ActionInfo {
        action: Action::SetLanguage(Language::English),
        name: Name::Native(Language::English),
        shortcuts: &[],
        in_booth: false,
    },
    row(Action::SetTheme(ThemeKind::Light), "theme-light", &[]),
    row(Action::SetTheme(ThemeKind::Dark), "theme-dark", &[]),
    row(
        Action::Shortcuts,
        "menu-help-shortcuts",
        &[keys(Modifiers::NONE, Key::F1)],
    ),
    row(Action::UserGuide, "menu-help-guide", &[]),
    row(Action::About, "menu-help-about", &[]),
];

impl Action {
    /// This action's row of [`ACTIONS`].
    pub fn info(self) -> &'static ActionInfo {
        ACTIONS
            .iter()
            .find(|info| info.action == self)
            .unwrap_or(&ACTIONS[0])
    }

    /// The menu the action is in.
    pub const fn menu(self) -> Menu {
        match self {
            Self::New
            | Self::FollowUp
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::Export
            | Self::ImportParticipants
            | Self::NewSection
            | Self::BringIn
            | Self::Quit => Menu::File,
            Self::Undo | Self::Redo => Menu::Edit,
            Self::Present | Self::AudienceWindow | Self::SetLanguage(_) | Self::SetTheme(_) => {
                Menu::View
            }
            Self::OpenRoom | Self::CloseRoom | Self::RoomWindow => Menu::Room,
            Self::Shortcuts | Self::UserGuide | Self::About => Menu::Help,
        }
    }

    /// The name shown in menus.
    pub fn name(self, tr: &Tr) -> String {
        match self.info().name {
            Name::Key(key) => tr.t(key),
            Name::Native(language) => language.native_name().to_owned(),
        }
    }
}

/// Whether any of `shortcuts` was pressed this frame; every one of them is consumed, so that
/// two keys of one row pressed together act once.
pub(super) fn consume_any(input: &mut egui::InputState, shortcuts: &[KeyboardShortcut]) -> bool {
    let mut pressed = false;
    for shortcut in shortcuts {
        pressed |= input.consume_shortcut(shortcut);
    }
    pressed
}

/// The actions whose keys were pressed this frame, in table order (their keys consumed).
pub fn pressed(ctx: &egui::Context, booth: bool) -> Vec<Action> {
    ctx.input_mut(|input| {
        ACTIONS
            .iter()
            .filter(|info| info.in_booth || !booth)
            // Ctrl+Y and Ctrl+Shift+Z pressed together redo once.
            .filter(|info| consume_any(input, info.shortcuts))
            .map(|info| info.action)
            .collect()
    })
}

impl StratboardApp {
    /// Does `action`, from a menu or a key.
    pub fn perform(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::New => self.request(Then::New),
            Action::FollowUp if self.can_perform(action) => self.request(Then::FollowUp),
            Action::FollowUp => {}
            Action::Open => self.request(Then::Open(None)),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as_dialog();
            }
            Action::Export => self.open_export(),
            Action::ImportParticipants => self.import_participants_dialog(),
            Action::NewSection if self.dialog.is_none() => self.open_new_section(),
            Action::BringIn if self.can_perform(action) && self.dialog.is_none() => {
                self.open_bring_in();
            }
            Action::NewSection | Action::BringIn => {}
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Present if self.dialog.is_none() => {
                self.start_presentation(ctx);
                ctx.request_repaint();
            }
            Action::AudienceWindow if self.dialog.is_none() => self.toggle_audience_window(ctx),
            Action::Present | Action::AudienceWindow => {}
            Action::OpenRoom => self.room.open_dialog(self.settings.room_port),
            Action::CloseRoom => self.room.close(),
            Action::RoomWindow => self.room.toggle_window(),
            Action::SetLanguage(language) => self.set_language(language),
            Action::SetTheme(kind) => self.set_theme(kind),
            Action::Shortcuts | Action::UserGuide | Action::About if self.dialog.is_none() => {
                self.help.open(action);
            }
            Action::Shortcuts | Action::UserGuide | Action::About => {}
        }
    }

    /// Whether `action` can be done now (menus grey out the others).
    pub fn can_perform(&self, action: Action) -> bool {
        let (can_undo, can_redo) = self.doc.can_undo_redo();
        match action {
            Action::Undo => can_undo,
            Action::Redo => can_redo,
            Action::FollowUp => has_something_to_continue(self.doc.session()),
            Action::BringIn => !self.doc.session().is_section(),
            _ => true,
        }
    }

    /// Whether `action` is a choice that is in effect (a check mark in its menu).
    fn is_selected(&self, action: Action) -> Option<bool> {
        match action {
            Action::AudienceWindow => Some(self.audience_window_open()),
            Action::RoomWindow => Some(self.room.window_shown()),
            Action::SetLanguage(language) => Some(self.settings.language == language),
            Action::SetTheme(kind) => Some(self.settings.theme == kind),
            _ => None,
        }
    }

    /// A menu item for `action`: its name and first shortcut from the table; clicking it does
    /// the action.
    pub(super) fn action_button(&mut self, ui: &mut egui::Ui, action: Action) {
        let name = action.name(&self.tr);
        let mut button = match self.is_selected(action) {
            Some(selected) => egui::Button::selectable(selected, name),
            None => egui::Button::new(name),
        };
        if let Some(shortcut) = action.info().shortcuts.first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui.add_enabled(self.can_perform(action), button).clicked() {
            self.perform(action, ui.ctx());
        }
    }
}

/// Whether a follow-up of `session` would carry anything over: people, groups, goals or action
/// items (a blank new session has nothing to continue).
fn has_something_to_continue(session: &stratboard_core::model::Session) -> bool {
    !(session.participants.is_empty()
        && session.stakeholder_groups.is_empty()
        && session.goals.is_empty()
        && session.actions.is_empty())
}

/// In a key table read in row order (as [`consume_any`] does), the first row with a key that
/// an earlier row takes (the same key, or one whose modifiers cover it), with that earlier row:
/// `(row, earlier)`. Rows for which `same(row, earlier)` holds do the same thing and may share
/// keys.
#[cfg(test)]
pub(super) fn shadowed_key(
    rows: &[&[KeyboardShortcut]],
    same: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let all: Vec<(usize, KeyboardShortcut)> = rows
        .iter()
        .enumerate()
        .flat_map(|(row, shortcuts)| shortcuts.iter().map(move |s| (row, *s)))
        .collect();
    all.iter().find_map(|(row, later)| {
        all.iter()
            .find(|(earlier_row, earlier)| {
                earlier_row < row
                    && earlier.logical_key == later.logical_key
                    && later.modifiers.matches_logically(earlier.modifiers)
                    && !same(*row, *earlier_row)
            })
            .map(|(earlier_row, _)| (*row, *earlier_row))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_shortcut_is_taken_by_an_earlier_row() {
        let rows: Vec<&[KeyboardShortcut]> = ACTIONS.iter().map(|info| info.shortcuts).collect();
        let taken = shadowed_key(&rows, |_, _| false)
            .map(|(row, earlier)| (ACTIONS[row].action, ACTIONS[earlier].action));
        assert_eq!(taken, None, "(action, the action that takes its key)");
    }

    #[test]
    fn every_action_has_one_row() {
        for info in ACTIONS {
            let rows = ACTIONS.iter().filter(|i| i.action == info.action).count();
            assert_eq!(rows, 1, "{:?}", info.action);
            assert_eq!(info.action.info().action, info.action);
        }
    }

    #[test]
    fn only_saving_works_in_the_booth() {
        let in_booth: Vec<Action> = ACTIONS
            .iter()
            .filter(|i| i.in_booth)
            .map(|i| i.action)
            .collect();
        assert_eq!(in_booth, vec![Action::Save]);
    }
}
