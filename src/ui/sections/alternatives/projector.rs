//! The projector's alternatives screen: the revealed alternatives as cards (the hidden ones
//! only as a count), each citing the sections it came from, and one alternative in the
//! spotlight. In a plenary, the Sections screen instead while the board asks for it.

use egui::Ui;

use crate::ui::board::Spotlight;
use crate::ui::labels::Named;
use crate::ui::projector::{Ctx, empty, hidden_count};
use crate::ui::theme;
use stratboard_core::model::{Alternative, AlternativeId, GoalId};
use stratboard_core::sections::{origin_words, section_words};

/// The revealed alternatives as cards, and the count of the hidden ones; or the alternative in
/// the spotlight.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    if let Some(Spotlight::Alternative(id)) = cx.spotlight {
        return spotlight(ui, cx, id);
    }
    if !cx.board.session.sections.is_empty() && super::provenance::screen_shown(ui.ctx()) {
        return super::sections_screen::screen(ui, cx);
    }
    let visible: Vec<&Alternative> = cx
        .board
        .session
        .alternatives
        .iter()
        .filter(|a| !a.hidden)
        .collect();
    if visible.is_empty() && cx.board.session.alternatives.is_empty() {
        return empty(ui, cx);
    }
    let per_row = if ui.available_width() > 1400.0 { 3 } else { 2 };
    for row in visible.chunks(per_row) {
        ui.columns(per_row, |columns| {
            for (column, alternative) in columns.iter_mut().zip(row) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    alternative_card(ui, cx, alternative)
                });
            }
        });
        ui.add_space(cx.gap());
    }
    hidden_count(ui, cx);
}

/// One alternative: title, status, goals.
fn alternative_card(ui: &mut Ui, cx: &Ctx<'_, '_>, alternative: &Alternative) {
    let theme = cx.board.theme;
    cx.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(cx.title(&alternative.title));
        ui.horizontal_wrapped(|ui| {
            cx.chip(
                ui,
                alternative.status.name(cx.board.tr),
                theme.alternative_status(alternative.status),
            );
        });
        goal_titles(ui, cx, &alternative.goals);
        origins(ui, cx, alternative);
    });
}

/// The sections an alternative came from, small, each with its result there: «Секция
/// «Молодёжь» (модератор …): 1-е место из 6, Метод Борда, 17 бюллетеней».
fn origins(ui: &mut Ui, cx: &Ctx<'_, '_>, alternative: &Alternative) {
    let (tr, session) = (cx.board.tr, cx.board.session);
    for origin in &alternative.origins {
        let section = section_words(tr, session, origin);
        let words = origin_words(tr, session, origin);
        let line = if words.is_empty() {
            section
        } else {
            format!("{section}: {words}")
        };
        ui.label(cx.small(line));
    }
}

/// The titles of linked goals, small.
fn goal_titles(ui: &mut Ui, cx: &Ctx<'_, '_>, goals: &[GoalId]) {
    let titles: Vec<&str> = goals
        .iter()
        .filter_map(|id| cx.board.session.goal(*id))
        .map(|goal| goal.title.as_str())
        .collect();
    if !titles.is_empty() {
        ui.label(
            cx.small(
                cx.board
                    .tr
                    .with("present-view-goals", "goals", &titles.join(", ")),
            ),
        );
    }
}

/// One alternative alone, big: status, description, goals, pros and cons (a hidden one says
/// only that it is hidden).
fn spotlight(ui: &mut Ui, cx: &Ctx<'_, '_>, id: AlternativeId) {
    let board = cx.board;
    let tr = board.tr;
    let Some(alternative) = board.session.alternative(id) else {
        return empty(ui, cx);
    };
    if alternative.hidden {
        ui.label(
            cx.heading(tr.t("present-view-idea-hidden"))
                .color(cx.pal.weak),
        );
        return;
    }
    ui.label(
        cx.heading(&alternative.title)
            .size(theme::HEADING_SIZE * cx.scale * 1.4),
    );
    ui.horizontal(|ui| {
        cx.chip(
            ui,
            alternative.status.name(tr),
            board.theme.alternative_status(alternative.status),
        );
    });
    if !alternative.description.is_empty() {
        ui.add_space(cx.gap());
        ui.label(cx.title(&alternative.description));
    }
    goal_titles(ui, cx, &alternative.goals);
    origins(ui, cx, alternative);
    if !alternative.pros.is_empty() || !alternative.cons.is_empty() {
        ui.add_space(cx.gap());
        ui.columns(2, |columns| {
            for (column, (key, items)) in columns.iter_mut().zip([
                ("present-view-pros", &alternative.pros),
                ("present-view-cons", &alternative.cons),
            ]) {
                if items.is_empty() {
                    continue;
                }
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.label(cx.title(tr.t(key)));
                    for item in items {
                        ui.label(cx.body(format!("• {item}")));
                    }
                });
            }
        });
    }
}
