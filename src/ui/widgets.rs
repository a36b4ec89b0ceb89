//! Small widgets every panel uses: labelled text fields that refuse empty required text
//! inline, labelled pickers, date fields, delete buttons and a list that lays out only what is
//! on screen.
//!
//! Every input gets an accessible name (its visible label), so egui_kittest can find it by
//! label and its accessibility check passes.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Align, Id, Rect, Response, Ui};

use super::board::Board;
use super::labels::Named;
use super::theme::FIELD_WIDTH;
use stratboard_core::model::Session;

/// How a text field looks and what it accepts.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    /// The visible label (also the accessible name).
    pub label: &'a str,
    /// Refuse empty text (titles, names).
    pub required: bool,
    /// Several lines.
    pub multiline: bool,
    /// Width in points.
    pub width: f32,
    /// Put the label above the field instead of to its left.
    pub label_above: bool,
    /// Grey text shown while the field is empty (an example of what goes in it).
    pub hint: Option<&'a str>,
}

impl<'a> Field<'a> {
    /// A one-line optional field.
    pub fn new(label: &'a str) -> Self {
        Self {
            label,
            required: false,
            multiline: false,
            width: FIELD_WIDTH,
            label_above: true,
            hint: None,
        }
    }

    /// A one-line field that must not be empty.
    pub fn required(label: &'a str) -> Self {
        Self {
            required: true,
            ..Self::new(label)
        }
    }

    /// A multi-line field.
    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }

    /// With this width.
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Label to the left of the field.
    pub fn inline(mut self) -> Self {
        self.label_above = false;
        self
    }

    /// With this grey example text while empty.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// A labelled text field. Returns the new text when the user changed it to something
/// acceptable; an empty required field keeps a draft, shows "must not be empty" under the field
/// and changes nothing until text is typed again (or the field loses focus, which reverts it).
pub fn text_field(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    field: Field<'_>,
    value: &str,
) -> Option<String> {
    let draft_id = id.with("draft");
    let draft: Option<String> = ui.data(|d| d.get_temp(draft_id));
    let mut text = draft.clone().unwrap_or_else(|| value.to_owned());
    let mut changed = None;
    let show = |ui: &mut Ui, text: &mut String| -> Response {
        let label = ui.label(board.theme.caption(field.label));
        let edit = if field.multiline {
            egui::TextEdit::multiline(text).desired_rows(2)
        } else {
            egui::TextEdit::singleline(text)
        };
        let edit = match field.hint {
            Some(hint) => edit.hint_text(hint),
            None => edit,
        };
        ui.add(edit.id(id).desired_width(field.width))
            .labelled_by(label.id)
    };
    let response = if field.label_above {
        ui.vertical(|ui| show(ui, &mut text)).inner
    } else {
        ui.horizontal(|ui| show(ui, &mut text)).inner
    };
    if response.changed() {
        if field.required && text.trim().is_empty() {
            ui.data_mut(|d| d.insert_temp(draft_id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(draft_id));
            changed = Some(text.clone());
        }
    } else if draft.is_some() && !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    let has_draft = ui.data(|d| d.get_temp::<String>(draft_id).is_some());
    if has_draft {
        ui.label(
            egui::RichText::new(board.tr.t("common-empty-refused")).color(board.theme.error()),
        );
    }
    changed
}

/// A labelled picker over `options`, named in the user's language. Returns the new choice.
/// The label is a caption above the picker, like the text fields' captions.
pub fn picker<T: Named + PartialEq>(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    current: T,
    options: &[T],
) -> Option<T> {
    let mut chosen = None;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(label));
        egui::ComboBox::from_id_salt(id)
            .selected_text(current.name(board.tr))
            .show_ui(ui, |ui| {
                for option in options {
                    let selected = *option == current;
                    if ui
                        .selectable_label(selected, option.name(board.tr))
                        .clicked()
                        && !selected
                    {
                        chosen = Some(*option);
                    }
                }
            })
            .response
            .labelled_by(caption.id);
    });
    chosen
}

/// A labelled picker of one optional entity (a parent goal, an owner, a group …), given as
/// `(value, name)` pairs. Returns `Some(new choice)` when the user picked something else.
pub fn ref_picker<T: Copy + PartialEq>(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    current: Option<T>,
    options: &[(T, String)],
) -> Option<Option<T>> {
    let none = board.tr.t("common-none");
    let current_name = current
        .and_then(|c| options.iter().find(|(v, _)| *v == c))
        .map_or(none.clone(), |(_, name)| name.clone());
    let mut chosen = None;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(label));
        egui::ComboBox::from_id_salt(id)
            .selected_text(current_name)
            .width(FIELD_WIDTH * 0.55)
            .truncate()
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), none).clicked() && current.is_some() {
                    chosen = Some(None);
                }
                for (value, name) in options {
                    let selected = current == Some(*value);
                    if ui.selectable_label(selected, name).clicked() && !selected {
                        chosen = Some(Some(*value));
                    }
                }
            })
            .response
            .labelled_by(caption.id);
    });
    chosen
}

/// A labelled picker of one participant or none (a risk's owner, an indicator's responsible).
/// Returns `Some(new choice)` when the user picked someone else.
pub fn participant_picker(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    current: Option<stratboard_core::model::ParticipantId>,
) -> Option<Option<stratboard_core::model::ParticipantId>> {
    let people: Vec<_> = board
        .session
        .participants
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    ref_picker(ui, board, id, label, current, &people)
}

/// A labelled date field (YYYY-MM-DD; empty means no date). Returns `Some(new date)` when the
/// user typed a valid date or cleared it; a half-typed date stays a draft with a hint.
pub fn date_field(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    value: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let draft_id = id.with("draft");
    let draft: Option<String> = ui.data(|d| d.get_temp(draft_id));
    let mut text = draft
        .clone()
        .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
    let mut result = None;
    let response = ui
        .vertical(|ui| {
            let caption = ui.label(board.theme.caption(label));
            ui.add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .hint_text(board.tr.t("common-date-format"))
                    .desired_width(130.0),
            )
            .labelled_by(caption.id)
        })
        .inner;
    if response.changed() {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            ui.data_mut(|d| d.remove::<String>(draft_id));
            result = Some(None);
        } else if let Ok(date) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
            ui.data_mut(|d| d.remove::<String>(draft_id));
            result = Some(Some(date));
        } else {
            ui.data_mut(|d| d.insert_temp(draft_id, text.clone()));
        }
    } else if draft.is_some() && !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    if ui.data(|d| d.get_temp::<String>(draft_id).is_some()) {
        ui.label(egui::RichText::new(board.tr.t("common-date-invalid")).color(board.theme.error()));
    }
    result
}

/// A "Delete" button. The accessible name is "Delete" followed by what it deletes, so tests
/// and screen readers can tell the buttons apart.
pub fn delete_button(ui: &mut Ui, board: &Board<'_>, what: &str) -> bool {
    let text = board.tr.t("common-delete");
    let response =
        ui.add(egui::Button::new(egui::RichText::new(&text).color(board.theme.error())).small());
    let name = format!("{text}: {what}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response.on_hover_text(name).clicked()
}

/// Which way a move button moves an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// One place up (earlier).
    Up,
    /// One place down (later).
    Down,
}

/// "▲" and "▼" buttons that move `what` one place up or down (each disabled at its end),
/// named "Move up: what" for screen readers and tests. In a right-to-left layout (buttons at
/// the right edge of a card) they are added in reverse so that ▲ still stands left of ▼.
pub fn move_buttons(
    ui: &mut Ui,
    board: &Board<'_>,
    what: &str,
    can_up: bool,
    can_down: bool,
) -> Option<Shift> {
    let mut buttons = [
        (Shift::Up, "common-move-up", "▲", can_up),
        (Shift::Down, "common-move-down", "▼", can_down),
    ];
    if ui.layout().prefer_right_to_left() {
        buttons.reverse();
    }
    let mut shift = None;
    for (direction, key, mark, enabled) in buttons {
        let hint = board.tr.t(key);
        let name = format!("{hint}: {what}");
        let button =
            egui::Button::new(egui::RichText::new(mark).color(board.theme.weak_text())).small();
        let response = ui.add_enabled(enabled, button);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
        if response.on_hover_text(hint).clicked() {
            shift = Some(direction);
        }
    }
    shift
}

/// A vertical list of `count` items that lays out only the items on screen (plus a margin).
///
/// Item heights are measured when they are drawn and remembered; items never seen yet count
/// as the average height. Items off screen only reserve their height.
pub fn lazy_list(ui: &mut Ui, id: Id, count: usize, item: impl FnMut(&mut Ui, usize)) {
    lazy_list_with(ui, id, count, LazyOptions::default(), item);
}

/// Options of [`lazy_list_with`].
#[derive(Clone, Copy, Debug)]
pub struct LazyOptions {
    /// An item drawn even when off screen (the card being dragged must float under the
    /// pointer; a card just added must be drawn to scroll to it).
    pub keep: Option<usize>,
    /// Do not re-measure heights (during a drag the floating card takes no room and the gap
    /// opened for it adds room elsewhere, so measurements would be wrong).
    pub frozen: bool,
    /// The height assumed for an item never drawn yet, before any item was measured.
    pub estimate: f32,
}

impl Default for LazyOptions {
    fn default() -> Self {
        Self {
            keep: None,
            frozen: false,
            estimate: 80.0,
        }
    }
}

/// [`lazy_list`] with options.
pub fn lazy_list_with(
    ui: &mut Ui,
    id: Id,
    count: usize,
    options: LazyOptions,
    mut item: impl FnMut(&mut Ui, usize),
) {
    let heights_id = id.with("heights");
    let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
    heights.resize(count, 0.0);
    let (sum, known) = heights
        .iter()
        .filter(|h| **h > 0.0)
        .fold((0.0, 0usize), |(sum, n), h| (sum + h, n + 1));
    let estimate = if known == 0 {
        options.estimate
    } else {
        sum / known as f32
    };
    let clip = ui.clip_rect();
    let margin = 200.0;
    for (index, height) in heights.iter_mut().enumerate() {
        let expected = if *height > 0.0 { *height } else { estimate };
        let top = ui.cursor().top();
        let visible = top + expected >= clip.top() - margin && top <= clip.bottom() + margin;
        if visible || options.keep == Some(index) {
            let start = ui.cursor().top();
            ui.push_id(index, |ui| item(ui, index));
            if !options.frozen {
                *height = ui.cursor().top() - start;
            }
        } else {
            ui.add_space(expected);
        }
    }
    ui.data_mut(|d| d.insert_temp(heights_id, heights));
}

/// A [`widgets::ref_picker`] whose full list of options is only built while a popup is open:
/// a closed picker shows only the current choice, and building every card's list every frame
/// would cost time in a large session. `options(true)` gives every option, `options(false)`
/// at least the current one. (Any open popup counts, so this does not depend on how the
/// picker derives its popup's id; the frame in which the popup opens asks for one more frame,
/// which has the full list.)
pub fn lazy_ref_picker<T: Copy + PartialEq>(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    current: Option<T>,
    options: impl FnOnce(bool) -> Vec<(T, String)>,
) -> Option<Option<T>> {
    let open = egui::Popup::is_any_open(ui.ctx());
    let options = options(open);
    let chosen = ref_picker(ui, board, id, label, current, &options);
    if !open && egui::Popup::is_any_open(ui.ctx()) {
        ui.ctx().request_repaint();
    }
    chosen
}

/// Names joined by commas, at most `max` of them, then "and N more".
pub fn names_list(tr: &stratboard_core::i18n::Tr, names: &[&str], max: usize) -> String {
    let mut text = names
        .iter()
        .take(max)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > max {
        let more = i64::try_from(names.len() - max).unwrap_or(i64::MAX);
        text.push(' ');
        text.push_str(&tr.n("common-and-more", more));
    }
    text
}

/// `value` with `places` decimals, a decimal comma in Russian.
pub fn decimal(tr: &stratboard_core::i18n::Tr, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text.trim_start_matches('-').to_owned()
    } else {
        text
    };
    // A typographic minus, as `signed` writes it.
    let text = match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    };
    match tr.language() {
        stratboard_core::i18n::Language::Russian => text.replace('.', ","),
        stratboard_core::i18n::Language::English => text,
    }
}

/// `value` with its sign (+0.10, −0.05, 0.00).
pub fn signed(tr: &stratboard_core::i18n::Tr, value: f64, places: usize) -> String {
    let text = decimal(tr, value.abs(), places);
    if text.trim_start_matches(['0', '.', ',']).is_empty() {
        text
    } else if value > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

/// How many characters of a long free text name the buttons that act on it.
const TEXT_NAME_CHARS: usize = 60;

/// The name a long free text (a note, a finding) goes by on the buttons that act on it
/// ("Delete: …"): its first characters, with an ellipsis when cut.
pub fn text_name(text: &str) -> String {
    shorten(text, TEXT_NAME_CHARS)
}

/// A section's heading with a caption beside it, `count` (how many entries the section has),
/// when there is one.
pub fn heading_with_count(ui: &mut Ui, board: &Board<'_>, heading: String, count: Option<String>) {
    ui.horizontal(|ui| {
        ui.label(board.theme.heading(heading));
        if let Some(count) = count {
            ui.label(board.theme.caption(count));
        }
    });
}

/// Cuts `text` to `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// How many frames a reveal waits for its card before giving up (the add was refused).
const REVEAL_FRAMES: u8 = 4;
/// Height assumed for a card that has not been drawn yet.
const ESTIMATED_HEIGHT: f32 = 160.0;

/// Brings the card of an entity that was just added into view and puts the keyboard focus in
/// its main text field with the default text selected, so typing replaces it.
///
/// Usage: [`Reveal::expect`] when pushing the `Add` command; [`Reveal::tick`] once per frame;
/// [`Reveal::arrive`] when drawing each card's main text field; [`Reveal::measured`] with each
/// drawn card's height; after the list, [`Reveal::scroll_towards`] if nothing arrived (the
/// card is off screen and the lazy list did not lay it out).
#[derive(Debug, Default)]
pub struct Reveal {
    /// The raw id the session will give the new entity.
    target: Option<u32>,
    /// Frames waited so far.
    frames: u8,
    /// Measured card heights by raw id, to estimate where an off-screen card is.
    heights: HashMap<u32, f32>,
}

impl Reveal {
    /// Expects the entity added by the `Add` command pushed this frame: the session gives it
    /// the next free id. Asks for the next frame, which draws the new card.
    pub fn expect(&mut self, ctx: &egui::Context, session: &Session) {
        self.target = Some(session.next_id.max(session.max_id().saturating_add(1)));
        self.frames = 0;
        ctx.request_repaint();
    }

    /// The raw id of the entity being revealed.
    pub fn target(&self) -> Option<u32> {
        self.target
    }

    /// Whether a reveal is under way. The scroll area around the list should then not
    /// animate, so that the card comes on screen in the next frame.
    pub fn pending(&self) -> bool {
        self.target.is_some()
    }

    /// Scrolls just enough to show the whole of a revealed card.
    pub fn bring_into_view(ui: &Ui, card: Rect) {
        if !ui.clip_rect().contains_rect(card) {
            ui.scroll_to_rect(card, None);
        }
    }

    /// Call once per frame before drawing: keeps frames coming while waiting, gives up after a
    /// few.
    pub fn tick(&mut self, ctx: &egui::Context) {
        if self.target.is_some() {
            self.frames = self.frames.saturating_add(1);
            if self.frames > REVEAL_FRAMES {
                self.target = None;
            } else {
                ctx.request_repaint();
            }
        }
    }

    /// Remembers the height of a drawn card.
    pub fn measured(&mut self, raw: u32, height: f32) {
        if height > 0.0 {
            self.heights.insert(raw, height);
        }
    }

    /// When `raw` is the entity being revealed: focuses the text field `text_id`, selects
    /// `text` in it and returns true (the caller scrolls its card into view).
    pub fn arrive(&mut self, ui: &Ui, raw: u32, text_id: Id, text: &str) -> bool {
        if self.target != Some(raw) {
            return false;
        }
        self.target = None;
        let ctx = ui.ctx();
        let mut edit = egui::TextEdit::load_state(ctx, text_id).unwrap_or_default();
        edit.cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        edit.store(ctx, text_id);
        ui.memory_mut(|m| m.request_focus(text_id));
        true
    }

    /// Scrolls the enclosing scroll area to where the card of `target` should be, given the
    /// raw ids of the list's cards in order and the top of the list. (Does nothing when the
    /// target is not in the list, e.g. in the frame of the click, before it is added.)
    pub fn scroll_towards(
        &self,
        ui: &Ui,
        list_top: f32,
        target: u32,
        ids: impl Iterator<Item = u32>,
    ) {
        let average = if self.heights.is_empty() {
            ESTIMATED_HEIGHT
        } else {
            self.heights.values().sum::<f32>() / self.heights.len() as f32
        };
        let mut y = list_top;
        for id in ids {
            let height = self.heights.get(&id).copied().unwrap_or(average);
            if id == target {
                let rect = Rect::from_min_size(
                    egui::pos2(ui.min_rect().left(), y),
                    egui::vec2(1.0, height),
                );
                ui.scroll_to_rect(rect, Some(Align::Center));
                return;
            }
            y += height;
        }
    }
}

/// A value derived from the session, computed once per session revision and kept in egui's
/// memory under `key` (results of a vote, a breakdown table…), so a frame does not redo work
/// that only changes when the session does.
pub fn memo<T: Clone + Send + Sync + 'static>(
    ui: &Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    revision: u64,
    compute: impl FnOnce() -> T,
) -> T {
    let id = Id::unique(key);
    if let Some((cached, value)) = ui.data(|d| d.get_temp::<(u64, T)>(id))
        && cached == revision
    {
        return value;
    }
    let value = compute();
    ui.data_mut(|d| d.insert_temp(id, (revision, value.clone())));
    value
}

/// A "Show to the room" button: puts `target` alone and big on the projector. The accessible
/// name says what it shows.
pub fn spotlight_button(
    ui: &mut Ui,
    board: &Board<'_>,
    target: super::board::Spotlight,
    what: &str,
) {
    let text = board.tr.t("spotlight-show");
    let name = format!("{text}: {what}");
    let response = ui.add(egui::Button::new(&text).small());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if response.on_hover_text(name).clicked() {
        board.spotlight(target);
    }
}

/// Lays out all `count` rows of the list that [`widgets::lazy_list`] draws under `id`, once
/// (to scroll to a row that may be off screen). Each row's height is measured as the lazy list
/// measures it and left where the lazy list keeps its heights, so that the next frame's lazy
/// list puts every row exactly where this frame did and the view does not jump.
pub fn full_list(ui: &mut Ui, id: Id, count: usize, mut item: impl FnMut(&mut Ui, usize)) {
    let mut heights = Vec::with_capacity(count);
    for index in 0..count {
        let start = ui.cursor().top();
        ui.push_id(index, |ui| item(ui, index));
        heights.push(ui.cursor().top() - start);
    }
    ui.data_mut(|d| d.insert_temp(id.with("heights"), heights));
}

/// Gives the keyboard focus to the text field `id` with all of its `text` selected.
pub fn focus_selecting_all(ui: &Ui, id: Id, text: &str) {
    let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    edit.cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit.store(ui.ctx(), id);
    ui.memory_mut(|m| m.request_focus(id));
}
