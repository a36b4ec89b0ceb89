//! The notes section: free notes taken during the session, newest last, each optionally tied
//! to the agenda item it was taken during.
//!
//! A new note is tied to the agenda item in progress (if any), and its text is selected so
//! the secretary can type at once.

use egui::{Id, Ui};

use crate::ui::board::Board;
use crate::ui::theme::CARD_GAP;
use crate::ui::widgets::{self, Field};
use crate::ui::widgets::{Reveal, lazy_ref_picker};
use stratboard_core::commands::{Command, Item, ItemRef};
use stratboard_core::model::{AgendaItemId, AgendaStatus, Note, Session};

/// Notes are easier to read in lines no wider than this.
const MAX_TEXT_WIDTH: f32 = 1000.0;
/// Room the delete button takes beside the agenda picker.
const DELETE_WIDTH: f32 = 140.0;

/// Transient state of this section: the note just added, to scroll to and focus.
pub type State = Reveal;

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    state.tick(ui.ctx());
    let tr = board.tr;
    let session = board.session;
    let count =
        (!session.notes.is_empty()).then(|| tr.n("notes-count", session.notes.len() as i64));
    widgets::heading_with_count(ui, board, tr.t("section-notes"), count);
    ui.horizontal(|ui| {
        if ui.button(tr.t("notes-add")).clicked() {
            state.expect(ui.ctx(), session);
            let running = session
                .agenda
                .iter()
                .find(|a| a.status == AgendaStatus::InProgress)
                .map(|a| a.id);
            board.push(Command::Add(Item::Note(Note {
                text: tr.t("notes-new-text"),
                agenda_item: running,
                ..Note::default()
            })));
        }
    });
    ui.add_space(CARD_GAP / 2.0);

    if session.notes.is_empty() {
        ui.label(board.theme.caption(tr.t("notes-empty")));
        return;
    }

    egui::ScrollArea::vertical()
        .id_salt("notes-scroll")
        .animated(!state.pending())
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let list_top = ui.cursor().top();
            let mut arrived = false;
            widgets::lazy_list(
                ui,
                Id::unique("notes-list"),
                session.notes.len(),
                |ui, i| {
                    let Some(note) = session.notes.get(i) else {
                        return;
                    };
                    let top = ui.cursor().top();
                    arrived |= note_card(ui, board, state, i, note);
                    state.measured(note.id.0, ui.cursor().top() - top);
                },
            );
            if !arrived && let Some(target) = state.target() {
                state.scroll_towards(ui, list_top, target, session.notes.iter().map(|n| n.id.0));
            }
        });
}

/// One note's card. Returns whether it was just added and is now focused.
fn note_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    index: usize,
    note: &Note,
) -> bool {
    let tr = board.tr;
    let theme = board.theme;
    let mut revealed = false;
    let response = theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        let width = ui.available_width().min(MAX_TEXT_WIDTH);
        let text_id = Id::unique(("note-text", note.id));
        revealed = state.arrive(ui, note.id.0, text_id, &note.text);
        let label = tr.with("notes-label", "number", &(index + 1).to_string());
        let field = Field::required(&label).multiline().width(width);
        if let Some(text) = widgets::text_field(ui, board, text_id, field, &note.text) {
            board.push(Command::Update(Item::Note(Note {
                text,
                ..note.clone()
            })));
        }
        ui.horizontal(|ui| {
            ui.scope(|ui| {
                // A long agenda title is cut to the card, not allowed to widen it.
                ui.set_max_width((width - DELETE_WIDTH).max(0.0));
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                let id = Id::unique(("note-agenda", note.id));
                let session = board.session;
                let options = |all: bool| agenda_options(all, session, note.agenda_item);
                let label = tr.t("notes-agenda-item");
                if let Some(agenda_item) =
                    lazy_ref_picker(ui, board, id, &label, note.agenda_item, options)
                {
                    board.push(Command::Update(Item::Note(Note {
                        agenda_item,
                        ..note.clone()
                    })));
                }
            });
            if widgets::delete_button(ui, board, &widgets::text_name(&note.text)) {
                board.delete(ItemRef::Note(note.id));
            }
        });
    });
    if revealed {
        Reveal::bring_into_view(ui, response.response.rect);
    }
    revealed
}

/// The agenda items a note may be tied to, numbered as on the agenda; without `all`, only
/// the current one.
fn agenda_options(
    all: bool,
    session: &Session,
    current: Option<AgendaItemId>,
) -> Vec<(AgendaItemId, String)> {
    session
        .agenda
        .iter()
        .enumerate()
        .filter(|(_, a)| all || Some(a.id) == current)
        .map(|(i, a)| (a.id, format!("{}. {}", i + 1, a.title)))
        .collect()
}
