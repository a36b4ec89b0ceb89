//! The presentation frame: what the room sees on the projector around the screen of a section.
//!
//! Read-only and calm: a header band with the current agenda item and its timer, then the
//! screen the section registry ([`crate::ui::sections::SECTIONS`]) gives for the board
//! section of that item — or for the one thing in the spotlight, or the speaking round while
//! someone is to speak — all in large type scaled to the width of the screen (the drawing
//! context and its palette are [`crate::ui::projector`]).

use egui::{FontId, Frame, Margin, RichText, Stroke, Ui};

use super::board::{Board, Spotlight};
use super::projector::{Ctx, Palette, TimerDisplay, Urgency, format_remaining, kind_line};
use super::sections::{self, session::speaking};
use super::theme;
use stratboard_core::model::{AgendaItemId, BoardSection};

/// What the presentation shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct View {
    /// The agenda item being run.
    pub item: Option<AgendaItemId>,
    /// The board section shown under it.
    pub section: BoardSection,
    /// One thing shown alone, big.
    pub spotlight: Option<Spotlight>,
    /// A black screen.
    pub blank: bool,
    /// The agenda timer.
    pub timer: Option<TimerDisplay>,
    /// The countdown of the speaker who has the floor, when the item has a speaking round.
    pub speaker_timer: Option<TimerDisplay>,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// The facilitator's zoom on top of the size that follows the screen width (1 = none;
    /// 0, the default of an unset view, counts as 1).
    pub zoom: f32,
    /// The positions section shows how positions converge instead of the matrix (the board
    /// is on Positions → Convergence).
    pub convergence: bool,
}

/// The overall session time in hours and minutes: `h:mm`.
fn format_elapsed(secs: i64) -> String {
    // Hours and minutes: the session clock is redrawn once a minute, not every second.
    let minutes = secs.max(0).unsigned_abs() / 60;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Draws the presentation.
///
/// `room` is the room's address while it is open: a live vote then shows its QR code.
pub fn show(ui: &mut egui::Ui, board: &Board<'_>, view: &View, room: Option<&str>) {
    let rect = ui.max_rect();
    if view.blank {
        ui.painter().rect_filled(rect, 0.0, theme::BLANK_SCREEN);
        ui.allocate_rect(rect, egui::Sense::hover());
        return;
    }
    let pal = Palette::new(ui, board.theme, view.high_contrast);
    ui.painter().rect_filled(rect, 0.0, pal.background);
    let zoom = if view.zoom > 0.0 { view.zoom } else { 1.0 };
    let scale = (1.8 * ui.available_width() / 1920.0 * zoom).clamp(0.6, 6.0);
    let cx = Ctx {
        board,
        pal,
        scale,
        room,
        item: view.item,
        spotlight: view.spotlight,
        convergence: view.convergence,
    };
    let old_spacing = ui.spacing().item_spacing;
    ui.spacing_mut().item_spacing = (old_spacing * scale.max(1.0)).round();

    let margin = (24.0 * scale).round().clamp(0.0, 120.0) as i8;
    Frame::new()
        .inner_margin(Margin::symmetric(margin, margin / 2))
        .show(ui, |ui| {
            header(ui, &cx, view);
            ui.add_space(cx.gap());
            egui::ScrollArea::vertical()
                .id_salt("present-body")
                .auto_shrink([false; 2])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .show(ui, |ui| body(ui, &cx, view));
        });
    ui.spacing_mut().item_spacing = old_spacing;
}

/// The header band: the current item (or the session) and the timer.
fn header(ui: &mut Ui, cx: &Ctx<'_, '_>, view: &View) {
    let board = cx.board;
    let tr = board.tr;
    let session = board.session;
    let item = view.item.and_then(|id| {
        session
            .agenda
            .iter()
            .position(|item| item.id == id)
            .map(|index| (index, &session.agenda[index]))
    });
    let rule_y;
    {
        let response = ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width() * 0.68);
                match item {
                    Some((index, item)) => {
                        ui.label(cx.heading(format!("{}. {}", index + 1, item.title)));
                        ui.label(cx.small(kind_line(tr, item)));
                    }
                    None => {
                        ui.label(cx.heading(&session.meta.title));
                        if !session.meta.organisation.is_empty() {
                            ui.label(cx.small(&session.meta.organisation));
                        }
                    }
                }
            });
            // (The registration screen tells the quorum big itself.)
            let quorum = session
                .attendance
                .quorum
                .filter(|_| view.section != stratboard_core::model::BoardSection::Attendance)
                .and_then(|_| crate::ui::quorum::quorum_line(tr, session));
            if view.timer.is_some() || quorum.is_some() {
                // The right column: the timer, and the quorum under it (the title keeps
                // its width on the left).
                ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                    if let Some(timer) = view.timer {
                        timer_block(ui, cx, timer);
                    }
                    if let Some((text, state)) = quorum {
                        quorum_chip(ui, cx, text, state);
                    }
                });
            }
        });
        rule_y = response.response.rect.bottom() + cx.gap() / 2.0;
    }
    ui.add_space(cx.gap() / 2.0);
    let x = ui.max_rect().x_range();
    ui.painter().hline(
        x,
        rule_y,
        Stroke::new(2.0 * cx.scale.max(0.5), cx.pal.border),
    );
    ui.add_space(cx.gap() / 2.0);
}

/// The quorum as it stands, a chip beside the timer: green when met, amber when not.
fn quorum_chip(ui: &mut Ui, cx: &Ctx<'_, '_>, text: String, state: crate::ui::quorum::QuorumState) {
    use crate::ui::quorum::QuorumState;
    let colour = match state {
        QuorumState::Met => theme::STABLE,
        QuorumState::NotMet => cx.pal.amber,
        QuorumState::Counted => cx.pal.text,
    };
    ui.add_space(cx.gap() / 2.0);
    cx.chip(ui, text, colour);
}

/// The countdown, its state and the overall session time.
fn timer_block(ui: &mut Ui, cx: &Ctx<'_, '_>, timer: TimerDisplay) {
    let tr = cx.board.tr;
    let colour = match timer.urgency {
        Urgency::Calm => cx.pal.text,
        Urgency::Amber => cx.pal.amber,
        Urgency::Red => cx.pal.red,
    };
    ui.vertical(|ui| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            ui.label(
                RichText::new(format_remaining(timer.remaining_secs))
                    .font(FontId::new(
                        theme::HEADING_SIZE * 1.6 * cx.scale,
                        theme::bold(),
                    ))
                    .color(colour),
            );
            if timer.paused {
                ui.label(
                    RichText::new(tr.t("present-view-paused"))
                        .size(theme::BODY_SIZE * cx.scale)
                        .color(cx.pal.accent),
                );
            }
            ui.label(cx.small(tr.with(
                "present-view-session-time",
                "time",
                &format_elapsed(timer.session_elapsed_secs),
            )));
        });
    });
}

/// The body: the thing in the spotlight, else the speaking round while someone is to speak,
/// else the section of the current item — each drawn by its section's projector screen.
fn body(ui: &mut Ui, cx: &Ctx<'_, '_>, view: &View) {
    let section = match view.spotlight {
        Some(spotlight) => {
            ui.add_space(cx.gap() * 2.0);
            spotlight.section()
        }
        None => {
            // A finished round gives the screen back to the item's section.
            if let Some(item) = view.item.and_then(|id| cx.board.session.agenda_item(id))
                && item.current_speaker().is_some()
            {
                return speaking::screen(ui, cx, item, view.speaker_timer);
            }
            view.section
        }
    };
    (sections::section(section).projector)(ui, cx);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_formats() {
        assert_eq!(format_remaining(0), "00:00");
        assert_eq!(format_remaining(125), "02:05");
        assert_eq!(format_remaining(-90), "+01:30");
        assert_eq!(format_remaining(3600), "60:00");
        assert_eq!(format_elapsed(3725), "1:02");
        assert_eq!(format_elapsed(65), "0:01");
    }
}
