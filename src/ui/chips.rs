//! Toggle chips: a row of named on/off buttons for choosing several alternatives (a
//! decision's linked alternatives, a vote's ballot).

use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{Id, PopupCloseBehavior, Ui};

use super::board::Board;
use stratboard_core::model::AlternativeId;

/// Above this many options only the chosen ones are chips; the rest are offered in a menu.
const CHIP_LIMIT: usize = 16;

/// A row of toggle chips, one per option, named by the option (so a screen reader and a test
/// find each by its name). With many options only the chosen ones are chips and the rest are
/// offered in a menu. Returns the new selection (in the order chosen) when one was toggled.
pub fn toggle_chips(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    options: &[(AlternativeId, &str)],
    selected: &[AlternativeId],
) -> Option<Vec<AlternativeId>> {
    let mut result = None;
    let toggle = |id: AlternativeId, on: bool| {
        let mut new: Vec<AlternativeId> = selected.to_vec();
        if on {
            new.push(id);
        } else {
            new.retain(|a| *a != id);
        }
        new
    };
    ui.push_id(id, |ui| {
        ui.label(board.theme.caption(label));
        ui.horizontal_wrapped(|ui| {
            let many = options.len() > CHIP_LIMIT;
            for (option, name) in options {
                let on = selected.contains(option);
                if many && !on {
                    continue;
                }
                let chip = egui::Button::new(*name)
                    .selected(on)
                    .frame_when_inactive(true)
                    .corner_radius(egui::CornerRadius::same(10));
                if ui.add(chip).clicked() {
                    result = Some(toggle(*option, !on));
                }
            }
            if many {
                let config =
                    MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
                let button = egui::Button::new(board.tr.t("decisions-choose-alternatives"));
                MenuButton::from_button(button).config(config).ui(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            for (option, name) in options {
                                let mut on = selected.contains(option);
                                if ui.checkbox(&mut on, *name).changed() {
                                    result = Some(toggle(*option, on));
                                }
                            }
                        });
                });
            }
        });
    });
    result
}
