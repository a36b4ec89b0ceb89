//! The roadmap's fields of an action item on its row: the start date and progress beside the
//! due date, and under «Подробнее» the expected result, the co-executor groups, the target
//! indicators it serves and its progress reports (with a form to add one: today's date, what
//! was done, the progress then).
//!
//! Whether an item's details are open is kept in the window's memory by item, so the section's
//! state stays as it was. Every change is one update of the item.

use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{Id, PopupCloseBehavior, RichText, Ui};

use crate::ui::board::Board;
use crate::ui::widgets::{self, Field};
use stratboard_core::model::{ActionItem, GroupId, IndicatorId, ProgressReport};

/// Whether the details of `action` are open.
fn open_id(action: &ActionItem) -> Id {
    Id::unique(("action-details-open", action.id))
}

/// The start date, drawn before the due date.
pub fn start_field(ui: &mut Ui, board: &mut Board<'_>, action: &ActionItem) {
    let label = board.tr.t("decisions-action-start");
    let id = Id::unique(("action-start", action.id));
    if let Some(start) = widgets::date_field(ui, board, id, &label, action.start) {
        board.update(action, |a| a.start = start);
    }
    ui.add_space(8.0);
}

/// The progress, and the button that opens the details; drawn in the item's second line,
/// after the status.
pub fn inline_fields(ui: &mut Ui, board: &mut Board<'_>, action: &ActionItem) {
    let tr = board.tr;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(tr.t("decisions-action-progress")));
        let mut progress = action.progress_shown();
        let drag = egui::DragValue::new(&mut progress)
            .range(0..=100)
            .suffix(" %");
        let response = ui
            .add_enabled(
                action.status != stratboard_core::model::ActionStatus::Done,
                drag,
            )
            .labelled_by(caption.id);
        if response.changed() {
            board.update(action, |a| a.progress = progress);
        }
    });
    ui.add_space(8.0);
    ui.vertical(|ui| {
        ui.label(board.theme.caption(" "));
        let open_id = open_id(action);
        let open = ui.data(|d| d.get_temp::<bool>(open_id).unwrap_or(false));
        let label = tr.t("decisions-action-details");
        let response = ui.add(egui::Button::new(&label).selected(open));
        let name = format!("{label}: {}", action.what);
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &name));
        if response.clicked() {
            ui.data_mut(|d| d.insert_temp(open_id, !open));
        }
    });
}

/// The details under the item's row, when open.
pub fn details(ui: &mut Ui, board: &mut Board<'_>, action: &ActionItem) {
    let open = ui.data(|d| d.get_temp::<bool>(open_id(action)).unwrap_or(false));
    if !open {
        return;
    }
    let tr = board.tr;
    let label = tr.t("decisions-action-expected");
    let id = Id::unique(("action-expected", action.id));
    let field = Field::new(&label)
        .multiline()
        .width(ui.available_width().min(900.0));
    if let Some(text) = widgets::text_field(ui, board, id, field, &action.expected_result) {
        board.update(action, |a| a.expected_result = text);
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(groups) = groups_menu(ui, board, action) {
            board.update(action, |a| a.co_groups = groups);
        }
        ui.add_space(8.0);
        if let Some(indicators) = indicators_menu(ui, board, action) {
            board.update(action, |a| a.indicators = indicators);
        }
    });
    reports(ui, board, action);
}

/// A menu of check boxes under a caption, its button naming what is ticked.
fn checklist<T: Copy + PartialEq>(
    ui: &mut Ui,
    board: &Board<'_>,
    caption: String,
    options: &[(T, String)],
    ticked: &[T],
) -> Option<Vec<T>> {
    let mut result = None;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(caption));
        let names: Vec<&str> = options
            .iter()
            .filter(|(id, _)| ticked.contains(id))
            .map(|(_, name)| name.as_str())
            .collect();
        let shown = if names.is_empty() {
            board.tr.t("common-none")
        } else {
            widgets::shorten(&names.join(", "), 40)
        };
        let button = egui::Button::new(shown).min_size(egui::vec2(160.0, 0.0));
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        let (response, _) = MenuButton::from_button(button).config(config).ui(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for (id, name) in options {
                        let mut on = ticked.contains(id);
                        if ui.checkbox(&mut on, name.as_str()).changed() {
                            let mut list: Vec<T> = ticked.to_vec();
                            if on {
                                list.push(*id);
                            } else {
                                list.retain(|x| x != id);
                            }
                            result = Some(list);
                        }
                    }
                });
        });
        response.labelled_by(caption.id);
    });
    result
}

/// The stakeholder groups that are co-executors.
fn groups_menu(ui: &mut Ui, board: &Board<'_>, action: &ActionItem) -> Option<Vec<GroupId>> {
    let options: Vec<(GroupId, String)> = board
        .session
        .stakeholder_groups
        .iter()
        .map(|g| (g.id, g.name.clone()))
        .collect();
    let caption = board.tr.t("decisions-action-co-groups");
    checklist(ui, board, caption, &options, &action.co_groups)
}

/// The target indicators the item serves, named with their goal.
fn indicators_menu(
    ui: &mut Ui,
    board: &Board<'_>,
    action: &ActionItem,
) -> Option<Vec<IndicatorId>> {
    let options: Vec<(IndicatorId, String)> = board
        .session
        .indicators()
        .map(|(goal, i)| {
            (
                i.id,
                format!("{} ({})", i.name, widgets::shorten(&goal.title, 30)),
            )
        })
        .collect();
    let caption = board.tr.t("decisions-action-indicators");
    checklist(ui, board, caption, &options, &action.indicators)
}

/// The progress reports, newest first, and a form to add one.
fn reports(ui: &mut Ui, board: &mut Board<'_>, action: &ActionItem) {
    let tr = board.tr;
    ui.label(RichText::new(tr.t("decisions-action-reports")).strong());
    if action.reports.is_empty() {
        ui.label(board.theme.caption(tr.t("decisions-action-no-reports")));
    }
    for report in action.reports.iter().rev() {
        let line = format!(
            "{} · {} % · {}",
            tr.date(report.date),
            report.progress,
            report.text
        );
        ui.label(line);
    }
    let draft_id = Id::unique(("action-report-draft", action.id));
    let mut draft: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_default();
    let mut add = false;
    ui.horizontal(|ui| {
        let label = ui.label(board.theme.caption(tr.t("decisions-action-report-text")));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft)
                    .id(Id::unique(("action-report-text", action.id)))
                    .hint_text(tr.t("decisions-action-report-hint"))
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(draft_id, draft.clone()));
        }
        let ready = !draft.trim().is_empty();
        let label = tr.t("decisions-action-report-add");
        let button = ui.add_enabled(ready, egui::Button::new(&label));
        let name = format!("{label}: {}", action.what);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ready, &name));
        add = button.clicked()
            || (ready && response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    });
    if add {
        let text = stratboard_core::model::clean_input(draft.trim());
        let today = board.today;
        board.update(action, |a| {
            a.reports.push(ProgressReport {
                date: today,
                text,
                progress: a.progress_shown(),
            });
        });
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
}
