//! Decisions & actions: each decision as a card (statement, rationale, dissent, date, the
//! alternatives and the vote it rests on) with its action items underneath (what, owners, due
//! date, status). Overdue items stand out; items carried over from an earlier session say so.
//! Action items that carry out no decision are gathered in a last card.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{Id, PopupCloseBehavior, RichText, Ui};

use super::from_sections;
use crate::ui::board::Board;
use crate::ui::chips::toggle_chips;
use crate::ui::labels::Named;
use crate::ui::widgets::{self, Field};
use crate::ui::widgets::{focus_selecting_all, full_list};
use stratboard_core::commands::{Command, Item, ItemKind, ItemRef};
use stratboard_core::model::{
    ActionItem, ActionStatus, AlternativeId, Decision, DecisionId, ParticipantId, Session,
};

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// A field to focus once the entity just added shows up: what was added, and how many of
    /// its kind there were before.
    focus_new: Option<NewItem>,
    /// The view shown (the cards, the roadmap, the roles, the review) and the views' state.
    views: super::views::State,
}

impl State {
    /// Shows `view` (File → New follow-up session opens on the execution review).
    pub fn show_view(&mut self, view: super::views::View) {
        self.views.view = view;
    }
}

/// Something added by this panel, to focus when it appears.
#[derive(Clone, Copy)]
enum NewItem {
    /// A decision; the count of decisions before.
    Decision(usize),
    /// An action item; the count of action items before.
    Action(usize),
}

/// How many of the session's own action items still need work, and how many of those are
/// overdue (a section's items the plenary did not adopt are the section's).
pub fn action_summary(session: &Session, today: NaiveDate) -> (usize, usize) {
    let pending = session
        .actions
        .iter()
        .filter(|a| a.is_own() && a.status.is_pending());
    let open = pending.clone().count();
    let overdue = pending.filter(|a| overdue_days(a, today).is_some()).count();
    (open, overdue)
}

/// By how many days `action` is overdue on `today`: `Some` only for a pending item whose due
/// date has passed.
pub fn overdue_days(action: &ActionItem, today: NaiveDate) -> Option<i64> {
    let due = action.due?;
    (action.status.is_pending() && due < today).then(|| (today - due).num_days())
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    let tr = board.tr;
    ui.heading(board.theme.heading(tr.t("section-decisions")));
    let (open, overdue) = action_summary(session, board.today);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.n("decisions-summary-open", open as i64)).strong());
        if overdue > 0 {
            ui.label(RichText::new("·").color(board.theme.weak_text()));
            ui.label(
                RichText::new(tr.n("decisions-summary-overdue", overdue as i64))
                    .strong()
                    .color(board.theme.error()),
            );
        }
    });
    if super::views::show(ui, board, &mut state.views) {
        return;
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.button(tr.t("decisions-add")).clicked() {
            state.focus_new = Some(NewItem::Decision(session.decisions.len()));
            board.push(Command::Add(Item::Decision(Decision {
                statement: tr.t("decisions-new-statement"),
                decided_on: Some(board.today),
                ..Decision::default()
            })));
        }
    });
    ui.add_space(4.0);

    // The entity this panel added last frame: its first field gets the focus, with the
    // placeholder text selected so that typing replaces it, and its row is scrolled into view.
    let focus = match state.focus_new {
        Some(NewItem::Decision(before)) if session.decisions.len() > before => {
            session.decisions.last().map(|d| {
                let id = Id::unique(("decision-statement", d.id));
                (id, d.statement.as_str(), session.decisions.len() - 1)
            })
        }
        Some(NewItem::Action(before)) if session.actions.len() > before => {
            session.actions.last().map(|a| {
                let row = a
                    .decision
                    .and_then(|d| session.decisions.iter().position(|x| x.id == d))
                    .unwrap_or(session.decisions.len());
                (Id::unique(("action-what", a.id)), a.what.as_str(), row)
            })
        }
        _ => None,
    };
    if let Some((id, text, _)) = focus {
        state.focus_new = None;
        focus_selecting_all(ui, id, text);
    }

    crate::ui::risks::map_of_all(ui, board);
    let mut by_decision: HashMap<DecisionId, Vec<&ActionItem>> = HashMap::new();
    let mut unlinked = Vec::new();
    for action in &session.actions {
        match action.decision.filter(|id| session.decision(*id).is_some()) {
            Some(decision) => by_decision.entry(decision).or_default().push(action),
            None => unlinked.push(action),
        }
    }
    let lists = Lists::new(session);

    egui::ScrollArea::vertical()
        .id_salt("decisions-scroll")
        .auto_shrink([false; 2])
        // Jump to a new entity at once: the lazy list lays out only what is on screen, so
        // the entity must be there in the very next frame.
        .animated(focus.is_none())
        .show(ui, |ui| {
            if session.decisions.iter().all(from_sections::is_pending) {
                ui.label(board.theme.caption(tr.t("decisions-empty")));
            }
            // One row per decision, one for the action items of no decision, and a last one
            // for the sections' decisions not adopted yet (a plenary's; drawn apart).
            let rows = session.decisions.len() + 2;
            let row = |ui: &mut Ui, index: usize| {
                match session.decisions.get(index) {
                    Some(decision) if from_sections::is_pending(decision) => {}
                    Some(decision) => {
                        let actions = by_decision.get(&decision.id).map_or(&[][..], Vec::as_slice);
                        decision_card(ui, board, state, &lists, index, decision, actions);
                    }
                    None if index == session.decisions.len() => {
                        other_actions_card(ui, board, state, &lists, &unlinked);
                    }
                    None => from_sections::show(ui, board, &by_decision),
                }
                if focus.is_some_and(|(_, _, row)| row == index) {
                    ui.scroll_to_cursor(None);
                }
            };
            let list = Id::unique("decisions-list");
            if focus.is_some() {
                // The new entity may be below the screen, where the lazy list would not lay it
                // out: lay out everything once so that it can be scrolled to.
                full_list(ui, list, rows, row);
            } else {
                widgets::lazy_list(ui, list, rows, row);
            }
        });
}

/// The choices a card offers, computed once per frame.
struct Lists<'s> {
    /// Participants, for owners.
    people: Vec<(ParticipantId, &'s str)>,
    /// Alternatives, for linking.
    alternatives: Vec<(AlternativeId, &'s str)>,
    /// Votes, for linking.
    votes: Vec<(stratboard_core::model::VoteId, String)>,
}

impl<'s> Lists<'s> {
    fn new(session: &'s Session) -> Self {
        Self {
            people: session
                .participants
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect(),
            alternatives: session
                .alternatives
                .iter()
                .map(|a| (a.id, a.title.as_str()))
                .collect(),
            votes: session
                .votes
                .iter()
                .map(|v| (v.id, v.question.clone()))
                .collect(),
        }
    }
}

/// The width of a wide text field.
fn wide(ui: &Ui) -> f32 {
    (ui.available_width() - 40.0).clamp(200.0, 900.0)
}

/// One decision with its action items.
fn decision_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    lists: &Lists<'_>,
    index: usize,
    decision: &Decision,
    actions: &[&ActionItem],
) {
    let tr = board.tr;
    let theme = board.theme;
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            // Numbered among the plenary's own (the sections' not adopted are apart).
            let before = board.session.decisions[..index]
                .iter()
                .filter(|d| !from_sections::is_pending(d))
                .count();
            let number = tr.args(
                "decisions-number",
                &[("number", ((before + 1) as i64).into())],
            );
            ui.label(theme.card_title(number));
            if let Some(day) = decision.decided_on {
                ui.label(theme.caption(tr.date(day)));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if widgets::delete_button(ui, board, &decision.statement) {
                    board.delete(ItemRef::Decision(decision.id));
                }
                let target = crate::ui::board::Spotlight::Decision(decision.id);
                widgets::spotlight_button(ui, board, target, &decision.statement);
                ui.add_space(8.0);
                let last = board.session.decisions.len().saturating_sub(1);
                let shift =
                    widgets::move_buttons(ui, board, &decision.statement, index > 0, index < last);
                if let Some(shift) = shift {
                    let to = match shift {
                        widgets::Shift::Up => index.saturating_sub(1),
                        widgets::Shift::Down => index + 1,
                    };
                    board.push(Command::Move {
                        kind: ItemKind::Decision,
                        from: index,
                        to,
                    });
                }
            });
        });
        from_sections::adopted_note(ui, board, decision);
        let label = tr.t("decisions-statement");
        if let Some(statement) = widgets::text_field(
            ui,
            board,
            Id::unique(("decision-statement", decision.id)),
            Field::required(&label).multiline().width(wide(ui)),
            &decision.statement,
        ) {
            board.update(decision, |d| d.statement = statement);
        }
        let half = ((ui.available_width() - 60.0) / 2.0).clamp(200.0, 440.0);
        ui.horizontal_wrapped(|ui| {
            let label = tr.t("decisions-rationale");
            if let Some(rationale) = widgets::text_field(
                ui,
                board,
                Id::unique(("decision-rationale", decision.id)),
                Field::new(&label).multiline().width(half),
                &decision.rationale,
            ) {
                board.update(decision, |d| d.rationale = rationale);
            }
            let label = tr.t("decisions-dissent");
            if let Some(dissent) = widgets::text_field(
                ui,
                board,
                Id::unique(("decision-dissent", decision.id)),
                Field::new(&label).multiline().width(half),
                &decision.dissent,
            ) {
                board.update(decision, |d| d.dissent = dissent);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = tr.t("decisions-decided-on");
            if let Some(day) = widgets::date_field(
                ui,
                board,
                Id::unique(("decision-date", decision.id)),
                &label,
                decision.decided_on,
            ) {
                board.update(decision, |d| d.decided_on = day);
            }
            ui.add_space(12.0);
            let label = tr.t("decisions-vote");
            if let Some(vote) = widgets::ref_picker(
                ui,
                board,
                Id::unique(("decision-vote", decision.id)),
                &label,
                decision.vote,
                &lists.votes,
            ) {
                board.update(decision, |d| d.vote = vote);
            }
        });
        if !lists.alternatives.is_empty() {
            let label = tr.t("decisions-alternatives");
            if let Some(linked) = toggle_chips(
                ui,
                board,
                Id::unique(("decision-alternatives", decision.id)),
                &label,
                &lists.alternatives,
                &decision.alternatives,
            ) {
                board.update(decision, |d| d.alternatives = linked);
            }
        }
        let key = ("decision", decision.id.0);
        if let Some(risks) = crate::ui::risks::register(ui, board, key, &decision.risks, true) {
            board.update(decision, |d| d.risks = risks);
        }
        ui.add_space(6.0);
        ui.separator();
        actions_block(ui, board, state, lists, Some(decision.id), actions);
    });
}

/// The card of action items that carry out no decision.
fn other_actions_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    lists: &Lists<'_>,
    actions: &[&ActionItem],
) {
    let theme = board.theme;
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(theme.card_title(board.tr.t("decisions-other-actions")));
        actions_block(ui, board, state, lists, None, actions);
    });
}

/// The action items of one decision (or of none), then the button that adds one.
fn actions_block(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    lists: &Lists<'_>,
    decision: Option<DecisionId>,
    actions: &[&ActionItem],
) {
    let tr = board.tr;
    if actions.is_empty() {
        ui.label(board.theme.caption(tr.t("decisions-no-actions")));
    } else {
        ui.label(
            board
                .theme
                .caption(tr.n("decisions-action-count", actions.len() as i64)),
        );
    }
    for action in actions {
        action_row(ui, board, lists, action);
    }
    if ui.button(tr.t("decisions-add-action")).clicked() {
        state.focus_new = Some(NewItem::Action(board.session.actions.len()));
        board.push(Command::Add(Item::Action(ActionItem {
            what: tr.t("decisions-new-action"),
            decision,
            ..ActionItem::default()
        })));
    }
}

/// One action item: what, owners, due date, status, and the marks that make it stand out.
fn action_row(ui: &mut Ui, board: &mut Board<'_>, lists: &Lists<'_>, action: &ActionItem) {
    let tr = board.tr;
    let theme = board.theme;
    let overdue = overdue_days(action, board.today);
    let mut frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 4))
        .corner_radius(egui::CornerRadius::same(6));
    if overdue.is_some() {
        frame = frame.stroke(egui::Stroke::new(2.0, theme.error()));
    }
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let label = tr.t("decisions-action-what");
            let width = (ui.available_width() - 120.0).clamp(200.0, 900.0);
            if let Some(what) = widgets::text_field(
                ui,
                board,
                Id::unique(("action-what", action.id)),
                Field::required(&label).width(width),
                &action.what,
            ) {
                board.update(action, |a| a.what = what);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if widgets::delete_button(ui, board, &action.what) {
                    board.delete(ItemRef::Action(action.id));
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(owners) = owners_menu(ui, board, lists, action) {
                board.update(action, |a| a.owners = owners);
            }
            ui.add_space(8.0);
            super::plan::start_field(ui, board, action);
            let label = tr.t("decisions-action-due");
            if let Some(due) = widgets::date_field(
                ui,
                board,
                Id::unique(("action-due", action.id)),
                &label,
                action.due,
            ) {
                board.update(action, |a| a.due = due);
            }
            ui.add_space(8.0);
            if let Some(status) = status_picker(ui, board, action) {
                board.update(action, |a| {
                    a.status = status;
                    if status == ActionStatus::Done {
                        a.progress = 100;
                    }
                });
            }
            ui.add_space(8.0);
            super::plan::inline_fields(ui, board, action);
            ui.add_space(8.0);
            // The marks sit on the baseline of the fields, under their captions.
            ui.vertical(|ui| {
                ui.label(theme.caption(" "));
                ui.horizontal_wrapped(|ui| {
                    if let Some(days) = overdue {
                        theme.chip(ui, tr.n("decisions-overdue", days), theme.error());
                    }
                    if let Some(origin) = &action.carried_over {
                        let text = match origin.date {
                            Some(day) => tr.args(
                                "decisions-carried-over-dated",
                                &[
                                    ("session", origin.session.clone().into()),
                                    ("date", tr.date(day).into()),
                                ],
                            ),
                            None => tr.with("decisions-carried-over", "session", &origin.session),
                        };
                        theme.chip(ui, text, theme.warning());
                    }
                });
            });
        });
        super::plan::details(ui, board, action);
    });
}

/// The owners of an action item: a button naming them that opens a menu of checkboxes, one
/// per participant. Returns the new list of owners when one was ticked or unticked.
fn owners_menu(
    ui: &mut Ui,
    board: &Board<'_>,
    lists: &Lists<'_>,
    action: &ActionItem,
) -> Option<Vec<ParticipantId>> {
    let tr = board.tr;
    let mut result = None;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(tr.t("decisions-action-owners")));
        let names: Vec<&str> = action
            .owners
            .iter()
            .filter_map(|id| lists.people.iter().find(|(p, _)| p == id))
            .map(|(_, name)| *name)
            .collect();
        let shown = match names.as_slice() {
            [] => tr.t("decisions-no-owner"),
            [one] => (*one).to_owned(),
            [first, second] => format!("{first}, {second}"),
            [first, second, rest @ ..] => format!("{first}, {second} +{}", rest.len()),
        };
        let button = egui::Button::new(RichText::new(shown)).min_size(egui::vec2(160.0, 0.0));
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        let (response, _) = MenuButton::from_button(button).config(config).ui(ui, |ui| {
            if lists.people.is_empty() {
                ui.label(board.theme.caption(tr.t("decisions-no-participants")));
                return;
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for (id, name) in &lists.people {
                        let mut on = action.owners.contains(id);
                        if ui.checkbox(&mut on, *name).changed() {
                            let mut owners = action.owners.clone();
                            if on {
                                owners.push(*id);
                            } else {
                                owners.retain(|owner| owner != id);
                            }
                            result = Some(owners);
                        }
                    }
                });
        });
        // The accessible name is the caption; the names are its value, as they are shown.
        let response = response.labelled_by(caption.id);
        let all = names.join(", ");
        if !names.is_empty() {
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_value(all.clone()));
        }
        if names.len() > 2 {
            response.on_hover_text(all);
        }
    });
    result
}

/// The status of an action item, coloured by status. Returns the new status.
fn status_picker(ui: &mut Ui, board: &Board<'_>, action: &ActionItem) -> Option<ActionStatus> {
    let tr = board.tr;
    let theme = board.theme;
    let mut chosen = None;
    ui.vertical(|ui| {
        let caption = ui.label(theme.caption(tr.t("common-status")));
        let current = RichText::new(action.status.name(tr))
            .strong()
            .color(theme.action_status(action.status));
        egui::ComboBox::from_id_salt(Id::unique(("action-status", action.id)))
            .selected_text(current)
            .show_ui(ui, |ui| {
                for status in ActionStatus::ALL {
                    let selected = status == action.status;
                    let text = RichText::new(status.name(tr)).color(theme.action_status(status));
                    if ui.selectable_label(selected, text).clicked() && !selected {
                        chosen = Some(status);
                    }
                }
            })
            .response
            .labelled_by(caption.id);
    });
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn only_pending_items_past_their_due_date_are_overdue() {
        let today = day(2026, 3, 10);
        let mut action = ActionItem {
            due: Some(day(2026, 3, 7)),
            ..ActionItem::default()
        };
        assert_eq!(overdue_days(&action, today), Some(3));
        action.status = ActionStatus::Done;
        assert_eq!(overdue_days(&action, today), None);
        action.status = ActionStatus::InProgress;
        action.due = Some(today);
        assert_eq!(overdue_days(&action, today), None);
        action.due = None;
        assert_eq!(overdue_days(&action, today), None);
    }
}
