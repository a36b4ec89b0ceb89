//! Presentation mode on the app side: the clicker keys, the agenda timers, the zoom and the
//! audience window; the drawing itself is [`crate::ui::present::show`].
//!
//! F5 presents in the main window (full screen), Esc leaves. Alt+F5 (or A while presenting)
//! opens the audience window: a second native window showing the presentation while the main
//! window keeps the board, like a presenter view; it works on one screen too, and where the
//! platform has no second windows (and in tests) egui embeds it as a window inside the board.
//!
//! Keys while presenting (one table, [`PRESENTATION_KEYS`], which Help → Keyboard shortcuts
//! lists too): PageDown / → / ↓ next agenda item, PageUp / ← / ↑ previous (on an
//! item with a speaking round they walk the speakers first, S skips one, and T R E drive the
//! speaker's countdown: see [`super::speaking`]); B or .
//! blanks the screen; T starts or pauses the item's timer, R resets it, E adds a minute; H
//! switches high contrast; Ctrl+plus / Ctrl+minus / Ctrl+0 zoom. While the audience window is
//! open and the board is shown, PageDown / PageUp (what a clicker sends) and, when no text field
//! has the keyboard, B . T R E S H work from the main window too.
//!
//! The clock is egui's input time (real seconds in the app, simulated steps in tests). While an
//! agenda timer runs, the app asks to be repainted when the displayed second changes; while
//! no timer runs it asks for nothing, except once a minute for the session clock once started.

use std::collections::HashMap;
use std::time::Duration;

use egui::{Context, Key, KeyboardShortcut, Modifiers, ViewportId};

use chrono::NaiveDate;

use super::StratboardApp;
use super::speaking::{Act, Speaking, Turn, urgency, wall_clock};
use crate::ui::Board;
use crate::ui::Spotlight;
use crate::ui::present::View;
use crate::ui::projector::TimerDisplay;
use crate::ui::sections::session::speaking::note_bar;
use crate::ui::theme::Theme;
use stratboard_core::document::Document;
use stratboard_core::i18n::Tr;
use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{AgendaItemId, AgendaStatus, BoardSection, Session};
use stratboard_core::timer::{AgendaTimer, SessionClock};

/// The smallest and largest presentation zoom, and one step.
const ZOOM_MIN: f32 = 0.5;
const ZOOM_MAX: f32 = 3.0;
const ZOOM_STEP: f32 = 0.1;

use super::actions::{AUDIENCE, PRESENT};
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_IN_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);

/// The state of presentation mode.
#[derive(Debug)]
pub struct Presentation {
    /// The main window shows the presentation instead of the board.
    pub active: bool,
    /// The agenda item being run (index into the agenda; clamped when the agenda shrinks).
    pub item_index: usize,
    /// Whether an item was chosen yet (the first F5 starts at the running or next item).
    pub item_chosen: bool,
    /// A black screen.
    pub blank: bool,
    /// One thing shown alone, big (set from the agenda item's vote).
    pub spotlight: Option<Spotlight>,
    /// The presentation's zoom (1 = the theme's sizes).
    pub zoom: f32,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// The agenda timers, one per item, kept while moving through the agenda.
    pub timers: HashMap<AgendaItemId, AgendaTimer>,
    /// The overall session time, from the first timer start.
    pub session_clock: SessionClock,
    /// The audience window is open.
    pub audience_window: bool,
    /// Whether the main window was full screen before F5 (restored by Esc).
    was_fullscreen: bool,
    /// Speaking rounds: the speakers' countdowns and the secretary's key-point bar.
    pub(super) speaking: Speaking,
}

impl Default for Presentation {
    fn default() -> Self {
        Self {
            active: false,
            item_index: 0,
            item_chosen: false,
            blank: false,
            spotlight: None,
            zoom: 1.0,
            high_contrast: false,
            timers: HashMap::new(),
            session_clock: SessionClock::default(),
            audience_window: false,
            was_fullscreen: false,
            speaking: Speaking::default(),
        }
    }
}

/// What a key asks the presentation to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Next,
    Previous,
    Blank,
    Timer,
    ResetTimer,
    Extend,
    Skip,
    HighContrast,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Audience,
    Fullscreen,
    Leave,
}

/// Which keys a window listens to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keys {
    /// The main window in presentation mode, or the audience window: every key.
    Presenting,
    /// The main window showing the board while the audience window is open: the clicker's
    /// keys, and letters only when no text field has the keyboard.
    Board,
}

impl Presentation {
    /// The current agenda item of `session`.
    fn item<'s>(&self, session: &'s Session) -> Option<&'s stratboard_core::model::AgendaItem> {
        session.agenda.get(self.item_index)
    }

    /// Starts at the item in progress, else the first one not done or skipped, else the first.
    fn choose_start(&mut self, session: &Session) {
        if self.item_chosen {
            self.item_index = self.item_index.min(session.agenda.len().saturating_sub(1));
            return;
        }
        let agenda = &session.agenda;
        self.item_index = agenda
            .iter()
            .position(|i| i.status == AgendaStatus::InProgress)
            .or_else(|| {
                agenda
                    .iter()
                    .position(|i| i.status == AgendaStatus::Planned)
            })
            .unwrap_or(0);
        self.item_chosen = true;
    }

    /// Moves to item `index`, pausing the running timer of the item left behind.
    fn go_to(&mut self, session: &Session, index: usize, now: Duration) {
        if index == self.item_index || index >= session.agenda.len() {
            return;
        }
        if let Some(item) = self.item(session)
            && let Some(timer) = self.timers.get_mut(&item.id)
        {
            timer.pause(now);
        }
        if let Some(item) = self.item(session) {
            // The speakers' countdowns of the item left behind pause too.
            self.speaking.pause_item(item.id, now);
        }
        self.item_index = index;
        self.item_chosen = true;
        self.spotlight = None;
    }

    /// The timer of the current item (created on first use).
    fn timer_mut(&mut self, session: &Session) -> Option<&mut AgendaTimer> {
        let item = session.agenda.get(self.item_index)?;
        let timer = self
            .timers
            .entry(item.id)
            .or_insert_with(|| AgendaTimer::new(item.planned_minutes));
        timer.set_planned_minutes(item.planned_minutes);
        Some(timer)
    }

    fn act(&mut self, ctx: &Context, session: &Session, action: Action, now: Duration) {
        let turn = match action {
            Action::Next => Some(Turn::Next),
            Action::Previous => Some(Turn::Previous),
            Action::Skip => Some(Turn::Skip),
            Action::Timer => Some(Turn::Timer),
            Action::ResetTimer => Some(Turn::Reset),
            Action::Extend => Some(Turn::Extend),
            _ => None,
        };
        if let Some(turn) = turn
            && self.speaking_turn(session, turn, now)
        {
            return;
        }
        match action {
            Action::Next => self.go_to(session, self.item_index + 1, now),
            Action::Previous => {
                if let Some(previous) = self.item_index.checked_sub(1) {
                    self.go_to(session, previous, now);
                }
            }
            Action::Blank => self.blank = !self.blank,
            Action::Timer => {
                if let Some(timer) = self.timer_mut(session) {
                    timer.toggle(now);
                    if timer.is_running() {
                        self.session_clock.start(now);
                    }
                }
            }
            Action::ResetTimer => {
                if let Some(timer) = self.timer_mut(session) {
                    timer.reset();
                }
            }
            Action::Extend => {
                if let Some(timer) = self.timer_mut(session) {
                    timer.extend();
                }
            }
            Action::HighContrast => self.high_contrast = !self.high_contrast,
            Action::ZoomIn => self.set_zoom(self.zoom + ZOOM_STEP),
            Action::ZoomOut => self.set_zoom(self.zoom - ZOOM_STEP),
            Action::ZoomReset => self.zoom = 1.0,
            Action::Audience => {
                self.audience_window = !self.audience_window;
                if self.audience_window && self.active {
                    self.leave(ctx);
                }
            }
            Action::Fullscreen | Action::Leave | Action::Skip => {}
        }
    }

    /// Does `turn` on the current item's speaking round; returns whether the round took it.
    fn speaking_turn(&mut self, session: &Session, turn: Turn, now: Duration) -> bool {
        let Some(item) = session.agenda.get(self.item_index) else {
            return false;
        };
        match self.speaking.act(item, turn, now, wall_clock()) {
            Act::NotMine => false,
            Act::Done => true,
            Act::Started => {
                // The item's time runs from its first turn.
                let timer = self
                    .timers
                    .entry(item.id)
                    .or_insert_with(|| AgendaTimer::new(item.planned_minutes));
                if !timer.is_started() {
                    timer.start(now);
                }
                self.session_clock.start(now);
                true
            }
        }
    }

    /// The current item, when it has a speaking round with someone to take notes about.
    fn speaking_item(&self, session: &Session) -> Option<AgendaItemId> {
        let item = self.item(session)?;
        self.speaking.takes_notes_on(item).then_some(item.id)
    }

    fn set_zoom(&mut self, zoom: f32) {
        self.zoom = ((zoom.clamp(ZOOM_MIN, ZOOM_MAX)) * 10.0).round() / 10.0;
    }

    fn enter(&mut self, ctx: &Context, session: &Session) {
        self.choose_start(session);
        self.active = true;
        self.was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        if !self.was_fullscreen {
            ctx.send_viewport_cmd_to(ViewportId::ROOT, egui::ViewportCommand::Fullscreen(true));
        }
    }

    fn leave(&mut self, ctx: &Context) {
        self.active = false;
        self.spotlight = None;
        if !self.was_fullscreen {
            ctx.send_viewport_cmd_to(ViewportId::ROOT, egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// What the projector shows now.
    fn view(&self, session: &Session, fallback: BoardSection, now: Duration) -> View {
        let item = self.item(session);
        let timer = item.and_then(|item| {
            let timer = self
                .timers
                .get(&item.id)
                .copied()
                .unwrap_or_else(|| AgendaTimer::new(item.planned_minutes));
            (timer.is_started() || timer.is_timeboxed()).then(|| TimerDisplay {
                remaining_secs: timer.remaining_secs(now),
                urgency: urgency(timer.phase(now)),
                paused: timer.is_started() && !timer.is_running(),
                session_elapsed_secs: self.session_clock.elapsed_secs(now),
            })
        });
        View {
            item: item.map(|i| i.id),
            section: item.map_or(fallback, |i| i.section.unwrap_or_default()),
            spotlight: self
                .spotlight
                .or_else(|| item.and_then(|i| i.vote).map(Spotlight::Vote)),
            blank: self.blank,
            timer,
            speaker_timer: item.and_then(|item| {
                let elapsed = self.session_clock.elapsed_secs(now);
                self.speaking.display(item, now, elapsed)
            }),
            high_contrast: self.high_contrast,
            zoom: self.zoom,
            // Set by the shell from the board (see `draw`).
            convergence: false,
        }
    }

    /// When the presentation must be drawn again without input: at the next second of a
    /// running timer, else at the next minute of the session clock.
    fn next_repaint(&self, now: Duration) -> Option<Duration> {
        let running = self
            .timers
            .values()
            .filter_map(|timer| timer.next_tick(now))
            .chain(self.speaking.next_tick(now))
            .min();
        running.or_else(|| self.session_clock.next_minute(now))
    }
}

/// The egui input time as the timers' clock.
fn now(ctx: &Context) -> Duration {
    Duration::from_secs_f64(ctx.input(|i| i.time).max(0.0))
}

/// Where a presentation key is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Only while presenting (in the main window or the audience window).
    Presenting,
    /// Also from the board while the audience window is open.
    AlsoBoard,
}

/// One row of [`PRESENTATION_KEYS`]: what a key does while presenting.
#[derive(Clone, Copy, Debug)]
pub struct PresentationKey {
    action: Action,
    /// The translation key of what the key does (the shortcuts list shows it).
    pub name: &'static str,
    /// The keys; any of them does it.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Where it is read.
    pub reach: Reach,
    /// Whether it is left to a text field that has the keyboard (letters and arrows are; the
    /// clicker's PageDown / PageUp and the Ctrl keys are not).
    pub yields_to_typing: bool,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn presenting(
    action: Action,
    name: &'static str,
    shortcuts: &'static [KeyboardShortcut],
) -> PresentationKey {
    PresentationKey {
        action,
        name,
        shortcuts,
        reach: Reach::Presenting,
        yields_to_typing: false,
    }
}

/// Every key of presentation mode, in the order they are read (a key with more modifiers
/// before the same key with fewer: egui ignores extra Shift and Alt). The shortcuts list
/// (Help → Keyboard shortcuts) is drawn from this table.
pub const PRESENTATION_KEYS: &[PresentationKey] = &[
    presenting(Action::Audience, "present-key-audience", &[AUDIENCE]),
    presenting(
        Action::Leave,
        "present-key-leave",
        &[key(Key::Escape), PRESENT],
    ),
    presenting(Action::ZoomReset, "present-key-zoom-reset", &[ZOOM_RESET]),
    presenting(
        Action::ZoomIn,
        "present-key-zoom-in",
        &[ZOOM_IN, ZOOM_IN_EQUALS],
    ),
    presenting(Action::ZoomOut, "present-key-zoom-out", &[ZOOM_OUT]),
    // The clicker's keys work even while someone types (the secretary's key points).
    PresentationKey {
        reach: Reach::AlsoBoard,
        ..presenting(Action::Next, "present-key-next", &[key(Key::PageDown)])
    },
    PresentationKey {
        reach: Reach::AlsoBoard,
        ..presenting(
            Action::Previous,
            "present-key-previous",
            &[key(Key::PageUp)],
        )
    },
    PresentationKey {
        yields_to_typing: true,
        ..presenting(
            Action::Next,
            "present-key-next",
            &[key(Key::ArrowRight), key(Key::ArrowDown)],
        )
    },
    PresentationKey {
        yields_to_typing: true,
        ..presenting(
            Action::Previous,
            "present-key-previous",
            &[key(Key::ArrowLeft), key(Key::ArrowUp)],
        )
    },
    PresentationKey {
        yields_to_typing: true,
        ..presenting(Action::Audience, "present-key-audience", &[key(Key::A)])
    },
    PresentationKey {
        yields_to_typing: true,
        ..presenting(
            Action::Fullscreen,
            "present-key-fullscreen",
            &[key(Key::F), key(Key::F11)],
        )
    },
    letter(
        Action::Blank,
        "present-key-blank",
        &[key(Key::B), key(Key::Period)],
    ),
    letter(Action::Timer, "present-key-timer", &[key(Key::T)]),
    letter(Action::ResetTimer, "present-key-reset", &[key(Key::R)]),
    letter(Action::Extend, "present-key-extend", &[key(Key::E)]),
    letter(Action::Skip, "present-key-skip", &[key(Key::S)]),
    letter(Action::HighContrast, "present-key-contrast", &[key(Key::H)]),
];

/// A letter key: also from the board, never while a text field has the keyboard.
const fn letter(
    action: Action,
    name: &'static str,
    shortcuts: &'static [KeyboardShortcut],
) -> PresentationKey {
    let key = presenting(action, name, shortcuts);
    PresentationKey {
        reach: Reach::AlsoBoard,
        yields_to_typing: true,
        ..key
    }
}

/// Reads (and consumes) the presentation keys of the window `ctx` currently runs.
fn read_keys(ctx: &Context, keys: Keys) -> Vec<Action> {
    // While presenting, only the secretary's key-point field takes typing (and the arrows).
    let typing = match keys {
        Keys::Presenting => ctx.text_edit_focused(),
        Keys::Board => ctx.egui_wants_keyboard_input(),
    };
    ctx.input_mut(|input| {
        PRESENTATION_KEYS
            .iter()
            .filter(|row| keys == Keys::Presenting || row.reach == Reach::AlsoBoard)
            .filter(|row| !(typing && row.yields_to_typing))
            // B and . pressed together blank the screen once.
            .filter(|row| super::actions::consume_any(input, row.shortcuts))
            .map(|row| row.action)
            .collect()
    })
}

/// What the presentation (and the board) is lent by the app for one frame: the open
/// document (its sender takes the turns and key points), what a [`Board`] is drawn with
/// (translations, theme, today), the board's section (what the projector shows when the
/// agenda item names none), whether the board's Positions → Convergence tab is shown (the
/// projector shows it too), and the room (its address on the screen that invites phones).
pub struct Stage<'a> {
    pub(super) doc: &'a Document,
    pub(super) tr: &'a Tr,
    pub(super) theme: &'a Theme,
    pub(super) today: NaiveDate,
    pub(super) section: BoardSection,
    pub(super) convergence: bool,
    pub(super) room: &'a super::room::RoomHost,
}

impl Stage<'_> {
    /// A board over the document whose changes go to `sender`.
    pub fn board<'s>(&'s self, sender: &'s CommandSender) -> Board<'s> {
        Board::new(
            self.doc.session(),
            self.doc.revision(),
            self.tr,
            self.theme,
            self.today,
            sender,
        )
    }
}

impl Presentation {
    /// Keys of presentation mode (Esc, PageUp/PageDown, B …; the board's own keys while the
    /// audience window is open and `dialog_open` is false), the audience window, and the
    /// turns the clicker ended sent to the document; returns whether the presentation is
    /// shown in the main window this frame.
    pub(super) fn input(&mut self, ctx: &Context, stage: &Stage<'_>, dialog_open: bool) -> bool {
        let now = now(ctx);
        let session = stage.doc.session();
        // Closing the window with unsaved changes must reach the board's question.
        let closing = ctx.input(|i| i.viewport().close_requested());
        if self.active && closing {
            self.leave(ctx);
        }
        if self.active {
            for action in read_keys(ctx, Keys::Presenting) {
                match action {
                    Action::Leave => self.leave(ctx),
                    action => self.act(ctx, session, action, now),
                }
            }
        } else if !dialog_open && self.audience_window {
            // F5 and Alt+F5 are the board's actions (`actions.rs`): they are left for it.
            for action in read_keys(ctx, Keys::Board) {
                self.act(ctx, session, action, now);
            }
        }
        if self.audience_window {
            self.audience(ctx, stage);
        }
        self.send_turns(&stage.doc.sender());
        if let Some(after) = self.next_repaint(now) {
            ctx.request_repaint_after(after);
        }
        self.active
    }

    /// Draws the presentation over the main window, with the secretary's key-point bar.
    pub(super) fn show(&mut self, ui: &mut egui::Ui, stage: &Stage<'_>) {
        let now = now(ui.ctx());
        self.notes_panel(ui, stage);
        let view = self.view(stage.doc.session(), stage.section, now);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| draw(ui, stage, &view));
    }

    /// Shows `target` alone and big: in the audience window when it is open, else in
    /// presentation mode (Esc or the clicker keys go back to the agenda).
    pub(super) fn show_alone(&mut self, ctx: &Context, session: &Session, target: Spotlight) {
        if !self.audience_window {
            self.start(ctx, session);
        }
        self.spotlight = Some(target);
    }

    /// Starts presentation mode (as F5 does).
    pub(super) fn start(&mut self, ctx: &Context, session: &Session) {
        if !self.active {
            self.enter(ctx, session);
        }
    }

    /// Opens or closes the audience window (as Alt+F5 does).
    pub(super) fn toggle_audience(&mut self, ctx: &Context, session: &Session) {
        self.act(ctx, session, Action::Audience, now(ctx));
    }

    /// Sends the turns the clicker ended to the document, each its own undo step (they are
    /// applied with everything else sent this frame).
    fn send_turns(&mut self, sender: &CommandSender) {
        for command in self.speaking.take_pending() {
            sender.send_own_step(command).ok();
        }
    }

    /// The secretary's key-point bar at the bottom of the window, while the presentation (or
    /// the audience window) shows a speaking round; each key point is an undo step.
    pub(super) fn notes_panel(&mut self, ui: &mut egui::Ui, stage: &Stage<'_>) {
        let Some(item) = self.speaking_item(stage.doc.session()) else {
            return;
        };
        let sender = stage.doc.sender();
        egui::Panel::bottom("speaking-notes").show(ui, |ui| {
            let mut board = stage.board(&sender).with_own_steps();
            note_bar(ui, &mut board, &mut self.speaking.notes, item);
        });
    }

    /// The second window for the projector.
    fn audience(&mut self, ctx: &Context, stage: &Stage<'_>) {
        let id = ViewportId::from_hash_of("stratboard-audience");
        let builder = super::with_identity(egui::ViewportBuilder::default())
            .with_title(stage.tr.t("present-audience-title"))
            .with_inner_size([1280.0, 720.0]);
        let mut close = false;
        let mut actions = Vec::new();
        ctx.show_viewport_immediate(id, builder, |ui, class| {
            let ctx = ui.ctx().clone();
            if class != egui::ViewportClass::EmbeddedWindow {
                if ctx.input(|i| i.viewport().close_requested()) {
                    close = true;
                }
                actions = read_keys(&ctx, Keys::Presenting);
            }
            let now = now(&ctx);
            let view = self.view(stage.doc.session(), stage.section, now);
            if class == egui::ViewportClass::EmbeddedWindow {
                ui.set_min_size(egui::vec2(480.0, 270.0));
                draw(ui, stage, &view);
            } else {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| draw(ui, stage, &view));
                if let Some(after) = self.next_repaint(now) {
                    ctx.request_repaint_after(after);
                }
            }
            if actions.contains(&Action::Fullscreen) {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
        });
        let now = now(ctx);
        for action in actions {
            match action {
                Action::Leave => close = true,
                action => self.act(ctx, stage.doc.session(), action, now),
            }
        }
        if close {
            self.audience_window = false;
        }
    }
}

/// The presentation (read-only) over the whole of `ui`.
fn draw(ui: &mut egui::Ui, stage: &Stage<'_>, view: &View) {
    // The projector's screens change nothing; the sender is only the board's floor.
    let sender = stage.doc.sender();
    let board = stage.board(&sender);
    let view = View {
        convergence: stage.convergence,
        ..*view
    };
    let room_url = stage.room.url();
    crate::ui::present::show(ui, &board, &view, room_url.as_deref());
}

/// The app's side: lending the presentation what it reads.
impl StratboardApp {
    /// Keys of presentation mode; returns whether the presentation is shown this frame.
    pub(super) fn presentation_input(&mut self, ctx: &Context) -> bool {
        let dialog_open = self.dialog.is_some();
        let parts = self.parts();
        parts.presentation.input(ctx, &parts.stage, dialog_open)
    }

    /// Draws the presentation over the main window.
    pub(super) fn show_presentation(&mut self, ui: &mut egui::Ui) {
        let parts = self.parts();
        parts.presentation.show(ui, &parts.stage);
    }

    /// The key-point bar under the board while the audience window shows a speaking round.
    pub(super) fn speaking_notes_panel(&mut self, ui: &mut egui::Ui) {
        let parts = self.parts();
        parts.presentation.notes_panel(ui, &parts.stage);
    }

    /// Shows `target` alone and big (a card's "Show to the room").
    pub(super) fn spotlight(&mut self, ctx: &Context, target: Spotlight) {
        self.presentation
            .show_alone(ctx, self.doc.session(), target);
    }

    /// Starts presentation mode (as F5 does).
    pub(super) fn start_presentation(&mut self, ctx: &Context) {
        self.presentation.start(ctx, self.doc.session());
    }

    /// Opens or closes the audience window (as Alt+F5 does).
    pub(super) fn toggle_audience_window(&mut self, ctx: &Context) {
        self.presentation.toggle_audience(ctx, self.doc.session());
    }

    /// Whether the main window shows the presentation (F5).
    pub fn is_presenting(&self) -> bool {
        self.presentation.active
    }

    /// Whether the audience window is open.
    pub fn audience_window_open(&self) -> bool {
        self.presentation.audience_window
    }

    /// The agenda item the presentation is at.
    pub fn presented_item(&self) -> Option<AgendaItemId> {
        self.presentation.item(self.doc.session()).map(|i| i.id)
    }

    /// The presentation's zoom.
    pub fn presentation_zoom(&self) -> f32 {
        self.presentation.zoom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_presentation_key_is_taken_by_an_earlier_row() {
        let rows: Vec<&[KeyboardShortcut]> =
            PRESENTATION_KEYS.iter().map(|k| k.shortcuts).collect();
        let same = |row: usize, earlier: usize| {
            PRESENTATION_KEYS[row].action == PRESENTATION_KEYS[earlier].action
        };
        assert_eq!(
            crate::app::actions::shadowed_key(&rows, same),
            None,
            "(row, the earlier row that takes its key)"
        );
    }
}
