//! The board's sections, one folder each, and [`SECTIONS`]: the one table that says what a
//! section is — its name, the number beside it in the side panel, its board panel and (in the
//! presentation) its projector screen.
//!
//! A section's folder holds its board panel (`board.rs`) and its projector screen
//! (`projector.rs`) side by side. Sections stand on the floor — [`crate::ui::board`] on the
//! board, [`crate::ui::projector`] on the projector, the theme and the shared widgets — and
//! never import one another (nor this table).
//!
//! Adding a section: a `BoardSection` variant and its place in `BoardSection::ALL` (model);
//! then the compiler points here — [`SECTIONS`] is as long as `ALL` — for its row, whose
//! panel names its state in [`BoardState`] and its folder; its name goes in the locales (a
//! test here fails while it is missing).

pub mod alternatives;
pub mod attendance;
pub mod decisions;
pub mod goals;
pub mod notes;
pub mod positions;
pub mod session;
pub mod situation;
pub mod stakeholders;
pub mod votes;

use egui::Ui;

use crate::ui::board::Board;
use crate::ui::projector::Ctx;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{BoardSection, Session};

/// One section of the board.
pub struct Section {
    /// Which section this is.
    pub id: BoardSection,
    /// The translation key of its name.
    pub label: &'static str,
    /// The number shown next to its name in the side panel (none for Positions).
    pub count: fn(&Session) -> Option<usize>,
    /// Draws its board panel in the centre.
    pub panel: fn(&mut Ui, &mut Board<'_>, &mut BoardState),
    /// Draws its screen on the projector (also the thing in the spotlight, when it is one of
    /// this section's: see [`crate::ui::board::Spotlight::section`]).
    pub projector: fn(&mut Ui, &Ctx<'_, '_>),
}

/// Every section, in board order (the order of `BoardSection::ALL`).
pub static SECTIONS: [Section; BoardSection::ALL.len()] = [
    Section {
        id: BoardSection::Session,
        label: "section-session",
        count: |session| Some(session.agenda.len()),
        panel: |ui, board, state| {
            session::board::show(ui, board, &mut state.session, &names(board.tr))
        },
        projector: session::projector::screen,
    },
    Section {
        id: BoardSection::Goals,
        label: "section-goals",
        count: |session| Some(session.goals.len()),
        panel: |ui, board, state| goals::board::show(ui, board, &mut state.goals),
        projector: goals::projector::screen,
    },
    Section {
        id: BoardSection::SituationAnalysis,
        label: "section-situation",
        count: |session| Some(session.findings.len()),
        panel: |ui, board, state| situation::board::show(ui, board, &mut state.situation),
        projector: situation::projector::screen,
    },
    Section {
        id: BoardSection::Stakeholders,
        label: "section-stakeholders",
        count: |session| Some(session.stakeholder_groups.len()),
        panel: |ui, board, state| stakeholders::board::show(ui, board, &mut state.stakeholders),
        projector: stakeholders::projector::screen,
    },
    Section {
        id: BoardSection::Attendance,
        label: "section-attendance",
        count: |session| {
            let here = session
                .attendance
                .registrations
                .iter()
                .filter(|r| r.is_here());
            Some(here.count())
        },
        panel: |ui, board, state| attendance::board::show(ui, board, &mut state.attendance),
        projector: attendance::projector::screen,
    },
    Section {
        id: BoardSection::Alternatives,
        label: "section-alternatives",
        count: |session| Some(session.alternatives.len()),
        panel: |ui, board, state| alternatives::board::show(ui, board, &mut state.alternatives),
        projector: alternatives::projector::screen,
    },
    Section {
        id: BoardSection::Positions,
        label: "section-positions",
        count: |_| None,
        panel: |ui, board, state| positions::panel(ui, board, &mut state.positions),
        projector: positions::projector,
    },
    Section {
        id: BoardSection::Votes,
        label: "section-votes",
        count: |session| Some(session.votes.len()),
        panel: |ui, board, state| votes::panel(ui, board, &mut state.votes, &mut state.booth),
        projector: votes::projector::screen,
    },
    Section {
        id: BoardSection::Decisions,
        label: "section-decisions",
        // The plenary's own decisions; the sections' are counted on their board.
        count: |session| Some(session.decisions.iter().filter(|d| d.is_own()).count()),
        panel: |ui, board, state| decisions::board::show(ui, board, &mut state.decisions),
        projector: decisions::projector::screen,
    },
    Section {
        id: BoardSection::Notes,
        label: "section-notes",
        count: |session| Some(session.notes.len()),
        panel: |ui, board, state| notes::board::show(ui, board, &mut state.notes),
        projector: notes::projector::screen,
    },
];

/// The row of `id` in [`SECTIONS`].
pub fn section(id: BoardSection) -> &'static Section {
    SECTIONS
        .iter()
        .find(|section| section.id == id)
        .unwrap_or(&SECTIONS[0])
}

/// Every section with its name, in board order (the agenda's section picker).
fn names(tr: &Tr) -> Vec<(BoardSection, String)> {
    SECTIONS
        .iter()
        .map(|section| (section.id, tr.t(section.label)))
        .collect()
}

/// The transient state of every section.
#[derive(Default)]
pub struct BoardState {
    /// The section shown in the centre.
    pub section: BoardSection,
    /// Session & agenda.
    pub session: session::board::State,
    /// Goals.
    pub goals: goals::board::State,
    /// Situation analysis.
    pub situation: situation::board::State,
    /// Stakeholders & participants.
    pub stakeholders: stakeholders::board::State,
    /// Registration.
    pub attendance: attendance::board::State,
    /// Alternatives.
    pub alternatives: alternatives::board::State,
    /// Positions (the matrix, or how they converge).
    pub positions: positions::State,
    /// Votes.
    pub votes: votes::board::State,
    /// The voting booth of the vote `votes.booth`.
    pub booth: votes::booth::State,
    /// Decisions & actions.
    pub decisions: decisions::board::State,
    /// Notes.
    pub notes: notes::board::State,
}

/// The side panel of sections.
pub fn sections_panel(ui: &mut Ui, board: &Board<'_>, state: &mut BoardState) {
    ui.add_space(8.0);
    ui.label(board.theme.caption(board.tr.t("sections")));
    ui.add_space(4.0);
    for section in &SECTIONS {
        let name = board.tr.t(section.label);
        let count = (section.count)(board.session);
        let selected = state.section == section.id;
        let label = match count {
            Some(count) => format!("{name}   {count}"),
            None => name.clone(),
        };
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 36.0), egui::Sense::click());
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 6.0, visuals.weak_bg_fill);
        }
        let inner = rect.shrink2(egui::vec2(10.0, 0.0));
        let font = egui::FontId::proportional(crate::ui::theme::BODY_SIZE + 1.0);
        let colour = visuals.text_color();
        let name_galley = ui
            .painter()
            .layout(name, font.clone(), colour, inner.width() - 36.0);
        let y = inner.center().y - name_galley.size().y / 2.0;
        ui.painter()
            .galley(egui::pos2(inner.left(), y), name_galley, colour);
        if let Some(count) = count {
            let weak = board.theme.weak_text();
            ui.painter().text(
                egui::pos2(inner.right(), inner.center().y),
                egui::Align2::RIGHT_CENTER,
                count.to_string(),
                font,
                if selected { colour } else { weak },
            );
        }
        if response.clicked() {
            state.section = section.id;
        }
    }
}

/// The selected section, in the centre.
pub fn section_view(ui: &mut Ui, board: &mut Board<'_>, state: &mut BoardState) {
    (section(state.section).panel)(ui, board, state);
}

#[cfg(test)]
mod tests {
    use super::*;
    use stratboard_core::model::Language;

    #[test]
    fn the_registry_has_every_section_once_in_board_order() {
        let ids: Vec<BoardSection> = SECTIONS.iter().map(|s| s.id).collect();
        assert_eq!(ids, BoardSection::ALL);
        for id in BoardSection::ALL {
            assert_eq!(section(id).id, id);
        }
    }

    #[test]
    fn every_section_has_a_name_in_both_languages() {
        for language in [Language::Russian, Language::English] {
            let tr = Tr::new(language);
            for (id, name) in names(&tr) {
                assert!(
                    !name.is_empty() && !name.starts_with("section-"),
                    "{id:?}: {name}"
                );
            }
        }
    }
}
