//! The projector's positions screen: groups × revealed alternatives, each cell the group's
//! latest stance as a colour and a mark.

use egui::{FontId, Stroke, Ui};

use crate::ui::labels::Named;
use crate::ui::projector::{Ctx, empty, hidden_count};
use crate::ui::theme::{self, Theme};
use stratboard_core::model::{Alternative, Stance};

/// Groups × revealed alternatives: stance colours and marks (the latest round of each).
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let session = cx.board.session;
    let tr = cx.board.tr;
    let alternatives: Vec<&Alternative> =
        session.alternatives.iter().filter(|a| !a.hidden).collect();
    if alternatives.is_empty() || session.stakeholder_groups.is_empty() {
        empty(ui, cx);
        hidden_count(ui, cx);
        return;
    }
    let first_col = (ui.available_width() * 0.3)
        .min(520.0 * cx.scale / 1.8)
        .round();
    let spacing = (6.0 * cx.scale).round();
    let cell_w = ((ui.available_width() - first_col) / alternatives.len() as f32 - spacing)
        .clamp(60.0 * cx.scale / 1.8, 260.0 * cx.scale / 1.8)
        .round();
    let cell_h = (44.0 * cx.scale / 1.8 * 1.4).round();
    egui::Grid::new("present-positions")
        .spacing(egui::vec2(spacing, spacing))
        .min_col_width(cell_w)
        .show(ui, |ui| {
            ui.label("");
            for alternative in &alternatives {
                ui.vertical(|ui| {
                    ui.set_width(cell_w);
                    ui.add(
                        egui::Label::new(cx.small(&alternative.title).color(cx.pal.text)).wrap(),
                    );
                });
            }
            ui.end_row();
            for group in &session.stakeholder_groups {
                ui.vertical(|ui| {
                    // Long group names wrap instead of pushing the matrix off the screen.
                    ui.set_width(first_col);
                    ui.add(egui::Label::new(cx.body(&group.name)).wrap());
                });
                for alternative in &alternatives {
                    let stance = session
                        .positions
                        .iter()
                        .filter(|p| p.group == group.id && p.alternative == alternative.id)
                        .max_by_key(|p| p.round)
                        .map_or(Stance::Undecided, |p| p.stance);
                    stance_cell(ui, cx, stance, egui::vec2(cell_w, cell_h));
                }
                ui.end_row();
            }
        });
    ui.add_space(cx.gap());
    ui.horizontal_wrapped(|ui| {
        for stance in Stance::ALL {
            stance_cell(ui, cx, stance, egui::vec2(cell_h * 1.2, cell_h * 0.8));
            ui.label(cx.small(stance.name(tr)).color(cx.pal.text));
            ui.add_space(cx.gap());
        }
    });
    hidden_count(ui, cx);
}

/// One painted cell of the positions matrix: fill and mark (colour is never the only cue).
fn stance_cell(ui: &mut Ui, cx: &Ctx<'_, '_>, stance: Stance, size: egui::Vec2) {
    let theme = cx.board.theme;
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let (fill, text) = if cx.pal.high_contrast {
        (theme::high_contrast::BACKGROUND, theme::high_contrast::TEXT)
    } else {
        (theme.stance_fill(stance), theme.stance_text(stance))
    };
    ui.painter().rect_filled(rect, 6.0, fill);
    if cx.pal.high_contrast {
        ui.painter().rect_stroke(
            rect,
            6.0,
            Stroke::new(1.5 * cx.scale, cx.pal.accent),
            egui::StrokeKind::Inside,
        );
    }
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        Theme::stance_mark(stance),
        FontId::new(theme::CARD_TITLE_SIZE * cx.scale, theme::bold()),
        text,
    );
}
