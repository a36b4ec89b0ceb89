//! The projector's session screen: title, organisation, dates, venue, purpose and the agenda
//! with the item being run highlighted.

use egui::{Color32, Stroke, Ui};

use crate::ui::projector::{Ctx, kind_line};

/// Title, organisation, dates, venue, purpose and the agenda (the item being run highlighted).
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let current = cx.item;
    let board = cx.board;
    let tr = board.tr;
    let meta = &board.session.meta;
    // Without a current item the header already names the session and its organisation.
    if current.is_some() {
        ui.label(cx.heading(&meta.title));
        if !meta.organisation.is_empty() {
            ui.label(cx.title(&meta.organisation));
        }
    }
    let mut line = Vec::new();
    if let Some(start) = meta.start {
        line.push(tr.date_range(start, meta.end));
    }
    if !meta.venue.is_empty() {
        line.push(meta.venue.clone());
    }
    if !line.is_empty() {
        ui.label(cx.body(line.join(" · ")).color(cx.pal.weak));
    }
    if !meta.purpose.is_empty() {
        ui.add_space(cx.gap());
        ui.label(cx.body(&meta.purpose));
    }
    if board.session.agenda.is_empty() {
        return;
    }
    ui.add_space(cx.gap() * 1.5);
    ui.label(cx.title(tr.t("present-view-agenda")));
    for (index, item) in board.session.agenda.iter().enumerate() {
        let is_current = Some(item.id) == current;
        let frame = if is_current {
            cx.card_highlighted()
        } else {
            cx.card().stroke(Stroke::NONE).fill(Color32::TRANSPARENT)
        };
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let text = format!("{}. {}", index + 1, item.title);
                let label = if is_current {
                    cx.title(text).color(cx.pal.accent)
                } else {
                    cx.body(text)
                };
                ui.label(label);
                ui.label(cx.small(kind_line(tr, item)));
            });
        });
    }
}
