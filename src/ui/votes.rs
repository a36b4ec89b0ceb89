//! Votes: each vote as a card with its question, method, anonymity, status, the alternatives
//! on the ballot and how many rounds and ballots it has. A draft vote is prepared here
//! (question, anonymity, ballot); casting ballots and showing results belong to the voting
//! views.

use egui::{Id, RichText, Ui};

use super::Board;
use super::decisions::{focus_selecting_all, full_list, toggle_chips};
use super::labels::Named;
use super::widgets::{self, Field};
use crate::commands::{Command, Item, ItemRef};
use crate::model::{
    AlternativeId, Anonymity, ResultsVisibility, Threshold, Vote, VoteMethod, VoteStatus,
};

/// The anonymity choices in picker order.
const ANONYMITIES: [Anonymity; 3] = [Anonymity::Open, Anonymity::Anonymous, Anonymity::Secret];

/// The translation key of each method's name, by its command-line name.
const METHOD_KEYS: [(&str, &str); 13] = [
    ("consent", "votes-method-consent"),
    ("plurality", "votes-method-plurality"),
    ("approval", "votes-method-approval"),
    ("dot", "votes-method-dot"),
    ("score", "votes-method-score"),
    ("majority-judgment", "votes-method-majority-judgment"),
    ("borda", "votes-method-borda"),
    ("irv", "votes-method-irv"),
    ("schulze", "votes-method-schulze"),
    ("ranked-pairs", "votes-method-ranked-pairs"),
    ("copeland", "votes-method-copeland"),
    ("condorcet", "votes-method-condorcet"),
    ("matrix", "votes-method-matrix"),
];

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// The number of votes when "Add vote" was pressed: the vote that appears after it gets
    /// the keyboard focus.
    focus_new_after: Option<usize>,
}

/// The translation key of a method's name.
pub fn method_key(method: &VoteMethod) -> &'static str {
    let cli = method.cli_name();
    METHOD_KEYS
        .iter()
        .find(|(name, _)| *name == cli)
        .map_or(cli, |(_, key)| *key)
}

/// The number of ballots a vote has counted over all its rounds (a paper-ballot line counts
/// as many ballots as it stands for).
pub fn ballots_counted(vote: &Vote) -> u64 {
    vote.rounds
        .iter()
        .flat_map(|round| &round.ballots)
        .map(|ballot| u64::from(ballot.count))
        .sum()
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    let tr = board.tr;
    ui.heading(board.theme.heading(tr.t("section-votes")));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.button(tr.t("votes-add")).clicked() {
            state.focus_new_after = Some(session.votes.len());
            board.push(Command::Add(Item::Vote(Vote {
                question: tr.t("votes-new-question"),
                method: VoteMethod::Consent { allow_block: false },
                status: VoteStatus::Draft,
                ..Vote::default()
            })));
        }
    });
    ui.add_space(4.0);

    let focus = match state.focus_new_after {
        Some(before) if session.votes.len() > before => session
            .votes
            .last()
            .map(|v| (Id::unique(("vote-question", v.id)), v.question.as_str())),
        _ => None,
    };
    if let Some((id, text)) = focus {
        state.focus_new_after = None;
        focus_selecting_all(ui, id, text);
    }

    let alternatives: Vec<(AlternativeId, &str)> = session
        .alternatives
        .iter()
        .map(|a| (a.id, a.title.as_str()))
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("votes-scroll")
        .auto_shrink([false; 2])
        // Jump to a new entity at once: the lazy list lays out only what is on screen, so
        // the entity must be there in the very next frame.
        .animated(focus.is_none())
        .show(ui, |ui| {
            if session.votes.is_empty() {
                ui.label(board.theme.caption(tr.t("votes-empty")));
                return;
            }
            let row = |ui: &mut Ui, index: usize| {
                if let Some(vote) = session.votes.get(index) {
                    vote_card(ui, board, index, vote, &alternatives);
                }
                if focus.is_some() && index + 1 == session.votes.len() {
                    ui.scroll_to_cursor(None);
                }
            };
            let list = Id::unique("votes-list");
            if focus.is_some() {
                // Lay everything out once so that the new vote can be scrolled to.
                full_list(ui, list, session.votes.len(), row);
            } else {
                widgets::lazy_list(ui, list, session.votes.len(), row);
            }
        });
}

/// The colour of a vote's status chip.
fn status_colour(board: &Board<'_>, status: VoteStatus) -> egui::Color32 {
    match status {
        VoteStatus::Draft => board.theme.weak_text(),
        VoteStatus::Open => board.theme.accent(),
        VoteStatus::Closed => board.theme.warning(),
    }
}

/// One vote as a card.
fn vote_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    index: usize,
    vote: &Vote,
    alternatives: &[(AlternativeId, &str)],
) {
    let tr = board.tr;
    let theme = board.theme;
    let draft = vote.status == VoteStatus::Draft;
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let number = tr.args("votes-number", &[("number", ((index + 1) as i64).into())]);
            ui.label(theme.caption(number));
            theme.chip(ui, vote.status.name(tr), status_colour(board, vote.status));
            theme.chip(ui, tr.t(method_key(&vote.method)), theme.accent());
            let anonymity = match vote.anonymity {
                Anonymity::Open => tr.t("votes-anonymity-chip-Open"),
                Anonymity::Anonymous => tr.t("votes-anonymity-chip-Anonymous"),
                Anonymity::Secret => tr.t("votes-anonymity-chip-Secret"),
            };
            theme.chip(ui, anonymity, theme.weak_text());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if widgets::delete_button(ui, board, &vote.question) {
                    board.delete(ItemRef::Vote(vote.id));
                }
            });
        });
        if draft {
            let label = tr.t("votes-question");
            let width = (ui.available_width() - 40.0).clamp(200.0, 900.0);
            if let Some(question) = widgets::text_field(
                ui,
                board,
                Id::unique(("vote-question", vote.id)),
                Field::required(&label).width(width),
                &vote.question,
            ) {
                update(board, vote, |v| v.question = question);
            }
        } else {
            ui.label(theme.card_title(&vote.question));
        }

        ui.horizontal_wrapped(|ui| {
            if draft {
                let label = tr.t("votes-anonymity");
                if let Some(anonymity) = widgets::picker(
                    ui,
                    board,
                    Id::unique(("vote-anonymity", vote.id)),
                    &label,
                    vote.anonymity,
                    &ANONYMITIES,
                ) {
                    update(board, vote, |v| v.anonymity = anonymity);
                }
                ui.add_space(12.0);
            }
            ui.label(theme.caption(rules(board, vote)));
        });

        if draft {
            if alternatives.is_empty() {
                ui.label(theme.caption(tr.t("votes-no-alternatives-yet")));
            } else {
                let label = tr.t("votes-ballot");
                if let Some(on_ballot) = toggle_chips(
                    ui,
                    board,
                    Id::unique(("vote-ballot", vote.id)),
                    &label,
                    alternatives,
                    &vote.alternatives,
                ) {
                    update(board, vote, |v| v.alternatives = on_ballot);
                }
            }
        } else {
            ui.label(theme.caption(tr.t("votes-ballot")));
            ui.horizontal_wrapped(|ui| {
                if vote.alternatives.is_empty() {
                    ui.label(RichText::new(tr.t("votes-ballot-empty")).color(theme.weak_text()));
                }
                for id in &vote.alternatives {
                    if let Some(alternative) = board.session.alternative(*id) {
                        let colour = theme.alternative_status(alternative.status);
                        theme.chip(ui, &alternative.title, colour);
                    }
                }
            });
        }

        ui.add_space(4.0);
        let rounds = i64::try_from(vote.rounds.len()).unwrap_or(i64::MAX);
        let ballots = i64::try_from(ballots_counted(vote)).unwrap_or(i64::MAX);
        let counts = format!(
            "{}  ·  {}",
            tr.n("votes-rounds", rounds),
            tr.n("count-ballots", ballots)
        );
        ui.label(RichText::new(counts).strong());
    });
}

/// The rules of a vote in one line: when results show, the quorum and, for consent, the
/// share needed to pass.
fn rules(board: &Board<'_>, vote: &Vote) -> String {
    let tr = board.tr;
    let mut parts = vec![match vote.visibility {
        ResultsVisibility::Live => tr.t("votes-visibility-Live"),
        ResultsVisibility::AfterClose => tr.t("votes-visibility-AfterClose"),
    }];
    if let Some(quorum) = vote.quorum {
        parts.push(tr.n("votes-quorum", i64::from(quorum)));
    }
    if let VoteMethod::Consent { allow_block } = vote.method {
        parts.push(match vote.threshold {
            Threshold::SimpleMajority => tr.t("votes-threshold-SimpleMajority"),
            Threshold::TwoThirds => tr.t("votes-threshold-TwoThirds"),
            Threshold::AtLeastPercent(percent) => {
                tr.n("votes-threshold-percent", i64::from(percent))
            }
            Threshold::Unanimous => tr.t("votes-threshold-Unanimous"),
        });
        if allow_block {
            parts.push(tr.t("votes-block-allowed"));
        }
    }
    parts.join("  ·  ")
}

/// Pushes an update of `vote` changed by `change`.
fn update(board: &mut Board<'_>, vote: &Vote, change: impl FnOnce(&mut Vote)) {
    let mut changed = vote.clone();
    change(&mut changed);
    board.push(Command::Update(Item::Vote(changed)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_has_a_translation_key() {
        let methods = [
            VoteMethod::Consent { allow_block: true },
            VoteMethod::Plurality,
            VoteMethod::Approval,
            VoteMethod::Dot { dots: 3, cap: None },
            VoteMethod::Score { min: 0, max: 5 },
            VoteMethod::MajorityJudgment { grades: Vec::new() },
            VoteMethod::Borda,
            VoteMethod::Irv,
            VoteMethod::Schulze,
            VoteMethod::RankedPairs,
            VoteMethod::Copeland,
            VoteMethod::Condorcet,
            VoteMethod::Matrix {
                criteria: Vec::new(),
                min: 0,
                max: 5,
            },
        ];
        for method in &methods {
            assert!(
                method_key(method).starts_with("votes-method-"),
                "{method:?}"
            );
        }
    }
}
