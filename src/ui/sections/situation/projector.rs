//! The projector's situation analysis: the four quadrants with their findings.

use egui::{Stroke, Ui};

use crate::ui::labels::Named;
use crate::ui::projector::Ctx;
use stratboard_core::model::Quadrant;

/// The four quadrants of the situation analysis.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let quadrants = [
        [Quadrant::Strength, Quadrant::Weakness],
        [Quadrant::Opportunity, Quadrant::Threat],
    ];
    for row in quadrants {
        ui.columns(2, |columns| {
            for (column, quadrant) in columns.iter_mut().zip(row) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    quadrant_card(ui, cx, quadrant)
                });
            }
        });
        ui.add_space(cx.gap());
    }
}

/// One quadrant with its findings.
fn quadrant_card(ui: &mut Ui, cx: &Ctx<'_, '_>, quadrant: Quadrant) {
    let tint = cx.pal.status(cx.board.theme.quadrant(quadrant));
    cx.card()
        .stroke(Stroke::new(2.0 * cx.scale, tint))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(cx.title(quadrant.name(cx.board.tr)).color(tint));
            let findings: Vec<_> = cx
                .board
                .session
                .findings
                .iter()
                .filter(|f| f.quadrant == quadrant)
                .collect();
            if findings.is_empty() {
                ui.label(cx.small(cx.board.tr.t("present-view-empty")));
            }
            for finding in findings {
                ui.label(cx.body(format!("• {}", finding.text)));
            }
        });
}
