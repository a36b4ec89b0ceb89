//! Small widgets every panel uses: labelled text fields that refuse empty required text
//! inline, labelled pickers, date fields, delete buttons and a list that lays out only what is
//! on screen.
//!
//! Every input gets an accessible name (its visible label), so egui_kittest can find it by
//! label and its accessibility check passes.

use chrono::NaiveDate;
use egui::{Id, Response, Ui};

use super::Board;
use super::labels::Named;
use super::theme::FIELD_WIDTH;

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

/// A vertical list of `count` items that lays out only the items on screen (plus a margin).
///
/// Item heights are measured when they are drawn and remembered; items never seen yet count
/// as the average height. Items off screen only reserve their height.
pub fn lazy_list(ui: &mut Ui, id: Id, count: usize, mut item: impl FnMut(&mut Ui, usize)) {
    let heights_id = id.with("heights");
    let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
    heights.resize(count, 0.0);
    let known: Vec<f32> = heights.iter().copied().filter(|h| *h > 0.0).collect();
    let estimate = if known.is_empty() {
        80.0
    } else {
        known.iter().sum::<f32>() / known.len() as f32
    };
    let clip = ui.clip_rect();
    let margin = 200.0;
    for (index, height) in heights.iter_mut().enumerate() {
        let expected = if *height > 0.0 { *height } else { estimate };
        let top = ui.cursor().top();
        let visible = top + expected >= clip.top() - margin && top <= clip.bottom() + margin;
        if visible {
            let start = ui.cursor().top();
            ui.push_id(index, |ui| item(ui, index));
            *height = ui.cursor().top() - start;
        } else {
            ui.add_space(expected);
        }
    }
    ui.data_mut(|d| d.insert_temp(heights_id, heights));
}
