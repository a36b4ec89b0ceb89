//! Votes: each vote as a card, and the voting booth of an open vote.
//!
//! The panels below name the floor they stand on through this module (`super::Board`,
//! `super::theme`, …).

pub mod board;
pub mod booth;
pub mod projector;

use egui::Ui;

use crate::ui::board::{Board, ShellRequest, Spotlight};
use crate::ui::{chips, labels, theme, widgets};
use stratboard_core::model::VoteStatus;

/// Draws the section: the voting booth while one is open for an open vote, else the cards.
pub fn panel(
    ui: &mut Ui,
    board: &mut Board<'_>,
    cards: &mut board::State,
    booth_state: &mut booth::State,
) {
    if !booth_view(ui, board, cards, booth_state) {
        board::show(ui, board, cards);
    }
}

/// The voting booth over the votes section while one is open for an open vote (with the
/// button that leaves it); returns whether it was drawn.
fn booth_view(
    ui: &mut Ui,
    board: &mut Board<'_>,
    cards: &mut board::State,
    booth_state: &mut booth::State,
) -> bool {
    let Some(id) = cards.booth else {
        return false;
    };
    let open = board
        .session
        .votes
        .iter()
        .any(|v| v.id == id && v.status == VoteStatus::Open);
    let leave = open
        && ui
            .button(egui::RichText::new(board.tr.t("votes-leave-booth")).strong())
            .clicked();
    if !open || leave {
        cards.booth = None;
        *booth_state = booth::State::default();
        return false;
    }
    ui.add_space(8.0);
    booth::show(ui, board, booth_state, id);
    true
}
