//! The projector's notes screen: the free notes as cards.

use egui::Ui;

use crate::ui::projector::{Ctx, cards};

/// Free notes.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    cards(
        ui,
        cx,
        &cx.board.session.notes,
        cx.gap() / 2.0,
        |ui, note| {
            ui.label(cx.body(&note.text));
        },
    );
}
