//! The projector's Sections screen, for the plenary's discussion: each section's best
//! alternatives side by side — a column per section (its name, moderator, the vote's method
//! and ballots), its brought alternatives in order of their place, each with the place in
//! words. Shown while the board's «Sections on the screen» switch is on and the session
//! brought sections in.

use egui::Ui;

use crate::ui::projector::Ctx;
use stratboard_core::model::{Alternative, Place, SectionRecord};
use stratboard_core::sections::place_words;

/// At most this many columns side by side; more sections take another row.
const MAX_COLUMNS: usize = 4;

/// The sections side by side, in order of their names.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let session = cx.board.session;
    let mut records: Vec<&SectionRecord> = session.sections.iter().collect();
    records.sort_by_key(|r| (r.name.to_lowercase(), r.id.clone()));
    ui.label(cx.heading(cx.board.tr.t("sections-screen-title")));
    ui.add_space(cx.gap());
    // Four columns from 1280 pixels wide (a projector's 1280×720), three below.
    let per_row = if ui.available_width() > 1150.0 {
        MAX_COLUMNS
    } else {
        MAX_COLUMNS - 1
    };
    let per_row = per_row.min(records.len()).max(1);
    for row in records.chunks(per_row) {
        ui.columns(per_row, |columns| {
            for (column, record) in columns.iter_mut().zip(row) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    section_column(ui, cx, record);
                });
            }
        });
        ui.add_space(cx.gap());
    }
}

/// One section: its name, moderator and vote, then what it brought in order of place.
fn section_column(ui: &mut Ui, cx: &Ctx<'_, '_>, record: &SectionRecord) {
    let tr = cx.board.tr;
    cx.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(cx.title(tr.with("board-section-heading", "name", &record.name)));
        if !record.facilitator.trim().is_empty() {
            ui.label(cx.small(tr.with(
                "board-section-moderator",
                "moderator",
                &record.facilitator,
            )));
        }
        let vote = match &record.vote {
            Some(vote) => format!(
                "{}, {}",
                stratboard_core::sections::method_words(tr, vote),
                stratboard_core::sections::ballots_words(tr, vote)
            ),
            None => tr.t("sections-screen-no-vote"),
        };
        ui.label(cx.small(vote));
        ui.add_space(cx.gap() / 2.0);
        for (alternative, place) in brought(cx, record) {
            ui.add_space(cx.gap() / 4.0);
            ui.label(cx.body(&alternative.title).strong().color(cx.pal.text));
            if let Some(place) = place {
                ui.label(cx.small(place_words(tr, place)).color(cx.pal.accent));
            }
        }
    });
}

/// The revealed alternatives that came from `record`'s section, in order of their place
/// there (those without a place last, in board order).
fn brought<'a>(cx: &Ctx<'_, 'a>, record: &SectionRecord) -> Vec<(&'a Alternative, Option<Place>)> {
    let mut list: Vec<(&Alternative, Option<Place>)> = cx
        .board
        .session
        .alternatives
        .iter()
        .filter(|a| !a.hidden)
        .filter_map(|a| {
            a.origins
                .iter()
                .find(|o| o.section == record.id)
                .map(|o| (a, o.place))
        })
        .collect();
    list.sort_by_key(|(_, place)| place.map_or(u32::MAX, |p| p.place));
    list
}
