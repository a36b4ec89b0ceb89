//! The view switcher of the Decisions & actions board: the decision cards, the roadmap, the
//! roles matrix or the execution review. The choice is also left in egui's memory, where the
//! projector's decisions screen reads it (the roadmap goes big on the projector while the
//! board shows it).

use egui::{Id, Ui};

use super::{review, roadmap, roles};
use crate::ui::board::Board;

/// What the Decisions & actions board shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The decision cards with their action items.
    #[default]
    Cards,
    /// The roadmap (дорожная карта).
    Roadmap,
    /// The roles matrix.
    Roles,
    /// The execution review of the items carried over.
    Review,
}

impl View {
    /// Every view, in the switcher's order.
    pub const ALL: [Self; 4] = [Self::Cards, Self::Roadmap, Self::Roles, Self::Review];

    fn key(self) -> &'static str {
        match self {
            Self::Cards => "decisions-view-cards",
            Self::Roadmap => "decisions-view-roadmap",
            Self::Roles => "decisions-view-roles",
            Self::Review => "decisions-view-review",
        }
    }
}

/// The views' state.
#[derive(Default)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// The roadmap's.
    pub roadmap: roadmap::State,
    /// The execution review's.
    pub review: review::State,
}

/// Where the board leaves its view for the projector.
pub fn memory_id() -> Id {
    Id::unique("decisions-board-view")
}

/// The view the board shows (what the projector follows); the cards when none was drawn.
pub fn current(ctx: &egui::Context) -> View {
    ctx.data(|d| d.get_temp::<View>(memory_id()))
        .unwrap_or_default()
}

/// Draws the switcher, and the view when it is not the cards: `true` when it drew one (the
/// caller then draws nothing more).
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) -> bool {
    let tr = board.tr;
    ui.horizontal(|ui| {
        for view in View::ALL {
            ui.selectable_value(&mut state.view, view, tr.t(view.key()));
        }
    });
    ui.data_mut(|d| d.insert_temp(memory_id(), state.view));
    ui.add_space(4.0);
    match state.view {
        View::Cards => return false,
        View::Roadmap => roadmap::show(ui, board, &mut state.roadmap),
        View::Roles => roles::show(ui, board),
        View::Review => review::show(ui, board, &mut state.review),
    }
    true
}
