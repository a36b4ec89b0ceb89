//! Positions: the groups' stances on the alternatives (the matrix), and how they converge.

pub mod board;
/// Positions → Convergence: how the groups' positions move between rounds.
pub mod convergence {
    pub mod board;
    pub mod projector;
}
pub mod projector;

use egui::Ui;

use crate::ui::board::Board;
use crate::ui::projector::Ctx;

/// The transient state of the section.
#[derive(Default)]
pub struct State {
    /// The matrix.
    pub matrix: board::State,
    /// Positions → Convergence is shown instead of the matrix.
    pub convergence_shown: bool,
    /// Positions → Convergence.
    pub convergence: convergence::board::State,
}

/// Draws the section: the tabs, then the matrix of the groups' stances or how they converge.
pub fn panel(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    tabs(ui, board, &mut state.convergence_shown);
    if state.convergence_shown {
        convergence::board::show(ui, board, &mut state.convergence);
    } else {
        board::show(ui, board, &mut state.matrix);
    }
}

/// The tabs: the matrix of the groups' stances, or how they converge.
fn tabs(ui: &mut Ui, board: &Board<'_>, convergence_shown: &mut bool) {
    ui.horizontal(|ui| {
        for (shown, key) in [
            (false, "positions-tab-matrix"),
            (true, "positions-tab-convergence"),
        ] {
            if ui
                .selectable_label(*convergence_shown == shown, board.tr.t(key))
                .clicked()
            {
                *convergence_shown = shown;
            }
        }
    });
    ui.add_space(4.0);
}

/// The projector's screen: how positions converge while the board shows that tab, else the
/// matrix.
pub fn projector(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    if cx.convergence {
        convergence::projector::screen(ui, cx);
    } else {
        projector::screen(ui, cx);
    }
}
