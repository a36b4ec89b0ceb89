//! The facilitator's board: one file per section, plus the theme and shared widgets.
//!
//! Panels read the session (`&Session`) and push [`Command`]s into the [`Board`]; the app
//! applies them at the end of the frame, so a panel never changes the session itself. Panels
//! own only transient state (selection, what is being typed).

pub mod chips;
pub mod export;
pub mod help;
/// The translated names of model choices (they live in `i18n`; re-exported for the panels).
pub mod labels {
    pub use crate::i18n::labels::*;
}
pub mod messages;
pub mod participants_import;
pub mod present;
pub mod qr;
pub mod sections;
pub mod theme;
pub mod widgets;

pub use present::Spotlight;
use sections::positions::convergence::board as convergence;
use sections::votes::{board as votes, booth};
use sections::{alternatives, decisions, goals, notes, positions, session, situation, stakeholders};

use chrono::NaiveDate;

use crate::commands::{Command, DeleteMode, Item, ItemRef};
use crate::i18n::Tr;
use crate::model::{BoardSection, Session};
use labels::Named;
use theme::Theme;

/// What a panel needs to draw a section and ask for changes.
pub struct Board<'a> {
    /// The session (read-only; changes go through [`Board::push`]).
    pub session: &'a Session,
    /// Translations.
    pub tr: &'a Tr,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// Today, for overdue action items.
    pub today: NaiveDate,
    /// Changes whenever the session changes: key for caches of derived data.
    pub revision: u64,
    commands: &'a mut Vec<Command>,
    /// Something a card asked to show to the room, alone and big (read by the app).
    spotlight: std::cell::Cell<Option<Spotlight>>,
    /// What panels asked of the shell this frame (file dialogs, reading files).
    requests: Vec<ShellRequest>,
}

/// Something only the shell does for a panel: a panel draws and asks, it never opens a native
/// dialog or reads a file itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellRequest {
    /// Read a paper-ballot file into the current round of `vote` (the shell asks for the file
    /// in a dialog when `path` is `None`), then tell the votes panel how it went
    /// ([`votes::State::import_finished`]).
    ImportBallots {
        /// The vote.
        vote: crate::model::VoteId,
        /// The file typed in, or `None` to pick one.
        path: Option<std::path::PathBuf>,
    },
}

impl<'a> Board<'a> {
    /// A board over `session` (at `revision`) whose changes are collected in `commands`.
    pub fn new(
        session: &'a Session,
        revision: u64,
        tr: &'a Tr,
        theme: &'a Theme,
        today: NaiveDate,
        commands: &'a mut Vec<Command>,
    ) -> Self {
        Self {
            session,
            tr,
            theme,
            today,
            revision,
            commands,
            spotlight: std::cell::Cell::new(None),
            requests: Vec::new(),
        }
    }

    /// Asks the shell for something a panel must not do itself (a file dialog, reading a file).
    pub fn ask_shell(&mut self, request: ShellRequest) {
        self.requests.push(request);
    }

    /// What panels asked of the shell this frame.
    pub fn take_requests(&mut self) -> Vec<ShellRequest> {
        std::mem::take(&mut self.requests)
    }

    /// Asks to show `target` to the room, alone and big (presentation mode).
    pub fn spotlight(&self, target: Spotlight) {
        self.spotlight.set(Some(target));
    }

    /// What a card asked to show to the room this frame, if anything.
    pub fn take_spotlight(&self) -> Option<Spotlight> {
        self.spotlight.take()
    }

    /// Asks for a change; it is applied (or refused, with a message) at the end of the frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Asks for `item` changed by `change` (an edit of the whole item, built from what the panel
    /// drew: for fields a person types; a vote's ballots and status go through
    /// [`Command::Vote`] instead, resolved when applied).
    pub fn update<T: Clone + Into<Item>>(&mut self, item: &T, change: impl FnOnce(&mut T)) {
        let mut changed = item.clone();
        change(&mut changed);
        self.push(Command::Update(changed.into()));
    }

    /// Asks to delete an entity, removing references to it; undo brings everything back, so
    /// there is no confirmation dialog.
    pub fn delete(&mut self, target: ItemRef) {
        self.push(Command::Delete {
            target,
            mode: DeleteMode::RemoveReferences,
        });
    }
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
    /// Alternatives.
    pub alternatives: alternatives::board::State,
    /// Positions.
    pub positions: positions::board::State,
    /// Positions → Convergence is shown instead of the matrix.
    pub convergence_shown: bool,
    /// Positions → Convergence.
    pub convergence: convergence::State,
    /// Votes.
    pub votes: votes::State,
    /// The voting booth of the vote `votes.booth`.
    pub booth: booth::State,
    /// Decisions & actions.
    pub decisions: decisions::board::State,
    /// Notes.
    pub notes: notes::board::State,
}

/// The number shown next to a section's name in the side panel.
pub fn section_count(session: &Session, section: BoardSection) -> Option<usize> {
    Some(match section {
        BoardSection::Session => session.agenda.len(),
        BoardSection::Goals => session.goals.len(),
        BoardSection::SituationAnalysis => session.findings.len(),
        BoardSection::Stakeholders => session.stakeholder_groups.len(),
        BoardSection::Alternatives => session.alternatives.len(),
        BoardSection::Positions => return None,
        BoardSection::Votes => session.votes.len(),
        BoardSection::Decisions => session.decisions.len(),
        BoardSection::Notes => session.notes.len(),
    })
}

/// The side panel of sections.
pub fn sections_panel(ui: &mut egui::Ui, board: &Board<'_>, state: &mut BoardState) {
    ui.add_space(8.0);
    ui.label(board.theme.caption(board.tr.t("sections")));
    ui.add_space(4.0);
    for section in BoardSection::ALL {
        let name = section.name(board.tr);
        let count = section_count(board.session, section);
        let selected = state.section == section;
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
        let font = egui::FontId::proportional(theme::BODY_SIZE + 1.0);
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
            state.section = section;
        }
    }
}

/// The selected section, in the centre.
pub fn section_view(ui: &mut egui::Ui, board: &mut Board<'_>, state: &mut BoardState) {
    match state.section {
        BoardSection::Session => session::board::show(ui, board, &mut state.session),
        BoardSection::Goals => goals::board::show(ui, board, &mut state.goals),
        BoardSection::SituationAnalysis => situation::board::show(ui, board, &mut state.situation),
        BoardSection::Stakeholders => stakeholders::board::show(ui, board, &mut state.stakeholders),
        BoardSection::Alternatives => alternatives::board::show(ui, board, &mut state.alternatives),
        BoardSection::Positions => {
            positions_tabs(ui, board, &mut state.convergence_shown);
            if state.convergence_shown {
                convergence::show(ui, board, &mut state.convergence);
            } else {
                positions::board::show(ui, board, &mut state.positions);
            }
        }
        BoardSection::Votes => {
            if !booth_view(ui, board, state) {
                votes::show(ui, board, &mut state.votes);
            }
        }
        BoardSection::Decisions => decisions::board::show(ui, board, &mut state.decisions),
        BoardSection::Notes => notes::board::show(ui, board, &mut state.notes),
    }
}

/// Positions: the matrix of the groups' stances, or how they converge.
fn positions_tabs(ui: &mut egui::Ui, board: &Board<'_>, convergence_shown: &mut bool) {
    ui.horizontal(|ui| {
        for (shown, key) in [
            (false, "positions-tab-matrix"),
            (true, "positions-tab-convergence"),
        ] {
            if ui
                .selectable_label(*convergence_shown == shown, board.tr.t(key))
                .clicked()
            {
                *convergence_shown = shown;
            }
        }
    });
    ui.add_space(4.0);
}

/// The voting booth over the votes section while one is open for an open vote (with the
/// button that leaves it); returns whether it was drawn.
fn booth_view(ui: &mut egui::Ui, board: &mut Board<'_>, state: &mut BoardState) -> bool {
    let Some(id) = state.votes.booth else {
        return false;
    };
    let open = board
        .session
        .votes
        .iter()
        .any(|v| v.id == id && v.status == crate::model::VoteStatus::Open);
    let leave = open
        && ui
            .button(egui::RichText::new(board.tr.t("votes-leave-booth")).strong())
            .clicked();
    if !open || leave {
        state.votes.booth = None;
        state.booth = booth::State::default();
        return false;
    }
    ui.add_space(8.0);
    booth::show(ui, board, &mut state.booth, id);
    true
}
