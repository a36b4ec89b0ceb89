//! The projector's stakeholders screen: the groups with their influence and interest.

use egui::Ui;

use crate::ui::projector::{Ctx, cards};

/// Groups with their influence and interest.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let tr = cx.board.tr;
    let groups = &cx.board.session.stakeholder_groups;
    cards(ui, cx, groups, cx.gap() / 2.0, |ui, group| {
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.title(&group.name));
            ui.label(cx.small(format!(
                "{} · {}",
                tr.with(
                    "present-view-influence",
                    "value",
                    &group.influence.to_string()
                ),
                tr.with(
                    "present-view-interest",
                    "value",
                    &group.interest.to_string()
                ),
            )));
        });
    });
}
