//! The voting booth: participants come up to the facilitator's machine one by one, pick their
//! name, fill in their ballot and submit it; the screen then clears for the next participant.
//!
//! The booth never shows anybody else's choices or any result: screen 1 lists only the
//! participants who have not voted yet in the current (last) round and how many have voted;
//! screen 2 shows one empty ballot. A participant who has voted is no longer offered, so
//! nobody votes twice in a round (corrections are not made here).
//!
//! Submitting sends one `Command::Vote { op: VoteOp::Cast, .. }`; the core applies the rules
//! (the ballot goes into the current round and the participant into its sorted `voters` list;
//! in a **secret** vote the ballot names nobody and lands at a position drawn from the seed the
//! booth passes, a seed from `widgets::random_seed`, so the saved file cannot link anyone to a choice).

use egui::{RichText, Ui};

use super::Board;
use crate::commands::{Command, VoteOp};
use crate::model::{
    AlternativeId, Anonymity, Choice, ConsentChoice, CriterionScore, Dots, GoalId, ParticipantId,
    Score, Vote, VoteId, VoteMethod, VoteStatus,
};

/// Width of a participant's name button on screen 1.
const NAME_BUTTON_WIDTH: f32 = 280.0;
/// Height of the large buttons (names, consent choices, single choices).
const BIG_BUTTON_HEIGHT: f32 = 48.0;
/// Width of a slider (scores).
const SLIDER_WIDTH: f32 = 320.0;
/// Room kept under the ballot for the Submit / Cancel row.
const ACTIONS_HEIGHT: f32 = 90.0;

/// Transient state of the booth: who is voting and what they have marked so far. Nothing of
/// a submitted ballot stays here.
#[derive(Debug, Default)]
pub struct State {
    /// The vote the state belongs to; another vote starts afresh.
    vote: Option<VoteId>,
    /// The participant filling in the ballot (screen 2), or `None` (screen 1).
    voter: Option<ParticipantId>,
    /// The ballot being filled in.
    draft: Draft,
    /// A ballot was just submitted: screen 1 thanks and calls the next participant.
    thanked: bool,
    /// Ballots submitted through this booth: mixed into the random position of secret ballots.
    submitted: u64,
    /// The ballot on screen corrects the voter's earlier ballot (open and anonymous votes).
    correcting: bool,
}

/// The marks on the ballot being filled in, by the alternative's index on the vote (and the
/// criterion's index for a matrix vote). Only the part that fits the vote's method is used.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    /// Consent: the choice.
    consent: Option<ConsentChoice>,
    /// Plurality: the one alternative chosen.
    single: Option<usize>,
    /// Approval: approved or not.
    approved: Vec<bool>,
    /// Ranked methods: the rank (1 = best), `None` = not ranked.
    ranks: Vec<Option<u32>>,
    /// Score: the score (starts at the lowest).
    scores: Vec<i32>,
    /// Majority judgment: the grade index, `None` = not graded yet.
    grades: Vec<Option<usize>>,
    /// Dot voting: the dots.
    dots: Vec<u32>,
    /// Matrix: `matrix[alternative][criterion]`.
    matrix: Vec<Vec<i32>>,
}

impl Draft {
    /// Makes every list as long as the vote needs (a fresh draft starts empty).
    fn fit(&mut self, vote: &Vote) {
        let n = vote.alternatives.len();
        let low = match &vote.method {
            VoteMethod::Score { min, .. } | VoteMethod::Matrix { min, .. } => *min,
            _ => 0,
        };
        let criteria = match &vote.method {
            VoteMethod::Matrix { criteria, .. } => criteria.len(),
            _ => 0,
        };
        self.approved.resize(n, false);
        self.ranks.resize(n, None);
        self.scores.resize(n, low);
        self.grades.resize(n, None);
        self.dots.resize(n, 0);
        self.matrix.resize(n, Vec::new());
        for row in &mut self.matrix {
            row.resize(criteria, low);
        }
        if self.single.is_some_and(|i| i >= n) {
            self.single = None;
        }
    }
}

/// Why a ballot cannot be submitted yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Incomplete {
    /// Nothing is marked.
    Nothing,
    /// Majority judgment: some alternatives have no grade.
    Ungraded,
    /// Dot voting: more dots than allowed.
    OverBudget(u32),
    /// Dot voting: more dots on one alternative than the cap.
    OverCap(u32),
    /// The vote has nothing to vote on (no alternatives or no criteria).
    Empty,
}

/// Draws the booth for `vote`.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, vote: VoteId) {
    let tr = board.tr;
    if state.vote != Some(vote) {
        *state = State {
            vote: Some(vote),
            submitted: state.submitted,
            ..State::default()
        };
    }
    ui.heading(board.theme.heading(tr.t("booth-title")));
    ui.add_space(4.0);
    let Some(the_vote) = board.session.vote(vote) else {
        ui.label(tr.t("booth-no-vote"));
        return;
    };
    if the_vote.status != VoteStatus::Open {
        state.voter = None;
        state.draft = Draft::default();
        let key = match the_vote.status {
            VoteStatus::Draft => "booth-not-open-draft",
            _ => "booth-not-open-closed",
        };
        ui.label(board.theme.card_title(the_vote.question.clone()));
        ui.add_space(8.0);
        ui.label(RichText::new(tr.t(key)).color(board.theme.warning()));
        return;
    }
    let the_vote = the_vote.clone();
    // A participant who voted in the meantime (or was deleted) is not kept on the ballot.
    if let Some(voter) = state.voter
        && ((has_voted(&the_vote, voter) && !state.correcting)
            || board.session.participant(voter).is_none())
    {
        state.voter = None;
        state.draft = Draft::default();
    }
    ui.label(board.theme.card_title(the_vote.question.clone()));
    ui.add_space(6.0);
    match state.voter {
        None => who_is_voting(ui, board, state, &the_vote),
        Some(voter) => ballot_screen(ui, board, state, &the_vote, voter),
    }
}

/// Whether `participant` has voted in the vote's current round.
fn has_voted(vote: &Vote, participant: ParticipantId) -> bool {
    vote.rounds.last().is_some_and(|round| {
        round.voters.contains(&participant)
            || round.ballots.iter().any(|b| b.voter == Some(participant))
    })
}

/// Screen 1: the participants who have not voted yet, as large buttons.
fn who_is_voting(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, vote: &Vote) {
    let tr = board.tr;
    let session = board.session;
    let total = session.participants.len();
    let mut waiting: Vec<(ParticipantId, &str)> = session
        .participants
        .iter()
        .filter(|p| !has_voted(vote, p.id))
        .map(|p| (p.id, p.name.as_str()))
        .collect();
    waiting.sort_by_cached_key(|(_, name)| name.to_lowercase());
    let voted = total - waiting.len();
    if state.thanked {
        board.theme.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                board
                    .theme
                    .card_title(tr.t("booth-thanks"))
                    .color(board.theme.accent()),
            );
        });
        ui.add_space(8.0);
    }
    ui.label(tr.args(
        "booth-turnout",
        &[
            ("voted", (voted as i64).into()),
            ("total", (total as i64).into()),
        ],
    ));
    ui.add_space(8.0);
    if total == 0 {
        ui.label(RichText::new(tr.t("booth-no-participants")).color(board.theme.warning()));
        return;
    }
    if waiting.is_empty() {
        ui.label(board.theme.card_title(tr.t("booth-everyone-voted")));
        corrections(ui, board, state, vote);
        return;
    }
    ui.label(board.theme.card_title(tr.t("booth-who")));
    ui.label(board.theme.caption(tr.t("booth-who-hint")));
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .id_salt(("booth-names", vote.id))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
                for (id, name) in waiting {
                    let button = egui::Button::new(board.theme.card_title(name))
                        .min_size(egui::vec2(NAME_BUTTON_WIDTH, BIG_BUTTON_HEIGHT))
                        .truncate();
                    if ui.add(button).on_hover_text(name).clicked() {
                        state.voter = Some(id);
                        state.draft = Draft::default();
                        state.thanked = false;
                    }
                }
            });
            corrections(ui, board, state, vote);
        });
}

/// In an open or anonymous vote, a participant who has voted may correct the ballot: the new
/// one replaces it. A secret ballot cannot be corrected: nothing links it to its voter.
fn corrections(ui: &mut Ui, board: &Board<'_>, state: &mut State, vote: &Vote) {
    if vote.anonymity == Anonymity::Secret {
        return;
    }
    let Some(round) = vote.rounds.last() else {
        return;
    };
    let mut voted: Vec<(ParticipantId, &str)> = board
        .session
        .participants
        .iter()
        .filter(|p| round.ballots.iter().any(|b| b.voter == Some(p.id)))
        .map(|p| (p.id, p.name.as_str()))
        .collect();
    if voted.is_empty() {
        return;
    }
    voted.sort_by_cached_key(|(_, name)| name.to_lowercase());
    ui.add_space(12.0);
    egui::CollapsingHeader::new(board.theme.caption(board.tr.t("booth-correct-heading")))
        .id_salt(("booth-corrections", vote.id))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for (id, name) in voted {
                    let label = board.tr.with("booth-correct", "name", name);
                    if ui.button(label).clicked() {
                        state.voter = Some(id);
                        state.draft = Draft::default();
                        state.thanked = false;
                        state.correcting = true;
                    }
                }
            });
        });
}

/// Screen 2: the ballot of `voter`, with Submit and Cancel.
fn ballot_screen(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    vote: &Vote,
    voter: ParticipantId,
) {
    let tr = board.tr;
    let name = board
        .session
        .participant(voter)
        .map_or_else(String::new, |p| p.name.clone());
    state.draft.fit(vote);
    ui.label(
        board
            .theme
            .card_title(tr.with("booth-ballot-of", "name", &name)),
    );
    ui.label(board.theme.caption(tr.t(hint_key(&vote.method))));
    ui.add_space(8.0);
    let titles: Vec<String> = vote
        .alternatives
        .iter()
        .map(|id| {
            board
                .session
                .alternative(*id)
                .map_or_else(|| format!("#{}", id.0), |a| a.title.clone())
        })
        .collect();
    let max_height = (ui.available_height() - ACTIONS_HEIGHT).max(120.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(max_height)
        .id_salt(("booth-ballot", vote.id))
        .show(ui, |ui| {
            ballot_inputs(ui, board, &mut state.draft, vote, &titles);
        });
    ui.add_space(8.0);
    let verdict = check(&state.draft, vote);
    if let Some(note) = status_note(board, &state.draft, vote, verdict) {
        ui.label(note);
    }
    ui.add_space(4.0);
    let mut submit = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let text = board.theme.card_title(tr.t("booth-submit"));
        let button = egui::Button::new(text).min_size(egui::vec2(200.0, BIG_BUTTON_HEIGHT));
        submit = ui.add_enabled(verdict.is_ok(), button).clicked();
        ui.add_space(16.0);
        let button =
            egui::Button::new(tr.t("booth-cancel")).min_size(egui::vec2(120.0, BIG_BUTTON_HEIGHT));
        cancel = ui.add(button).clicked();
    });
    if submit && let Ok(choice) = verdict.and_then(|()| choice(&state.draft, vote)) {
        state.submitted = state.submitted.wrapping_add(1);
        let op = VoteOp::Cast {
            round: vote.rounds.last().map_or(1, |r| r.number),
            voter,
            choice,
            seed: super::widgets::random_seed() ^ state.submitted,
        };
        board.push(Command::Vote { vote: vote.id, op });
        state.voter = None;
        state.draft = Draft::default();
        state.thanked = true;
        state.correcting = false;
    } else if cancel {
        state.voter = None;
        state.draft = Draft::default();
        state.thanked = false;
        state.correcting = false;
    }
}

/// The translation key of the one-line instruction for a method.
fn hint_key(method: &VoteMethod) -> &'static str {
    match method {
        VoteMethod::Consent { .. } => "booth-hint-consent",
        VoteMethod::Plurality => "booth-hint-plurality",
        VoteMethod::Approval => "booth-hint-approval",
        VoteMethod::Dot { .. } => "booth-hint-dot",
        VoteMethod::Score { .. } => "booth-hint-score",
        VoteMethod::MajorityJudgment { .. } => "booth-hint-grades",
        VoteMethod::Matrix { .. } => "booth-hint-matrix",
        VoteMethod::Borda
        | VoteMethod::Irv
        | VoteMethod::Schulze
        | VoteMethod::RankedPairs
        | VoteMethod::Copeland
        | VoteMethod::Condorcet => "booth-hint-ranked",
    }
}

/// The inputs of the ballot, by method.
fn ballot_inputs(
    ui: &mut Ui,
    board: &Board<'_>,
    draft: &mut Draft,
    vote: &Vote,
    titles: &[String],
) {
    let tr = board.tr;
    match &vote.method {
        VoteMethod::Consent { allow_block } => {
            if let Some(title) = titles.first() {
                ui.label(board.theme.card_title(title.clone()));
                ui.add_space(6.0);
            }
            let mut options = vec![
                (ConsentChoice::For, "booth-consent-for"),
                (ConsentChoice::Against, "booth-consent-against"),
                (ConsentChoice::Abstain, "booth-consent-abstain"),
            ];
            if *allow_block {
                options.push((ConsentChoice::Block, "booth-consent-block"));
            }
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
                for (option, key) in options {
                    let selected = draft.consent == Some(option);
                    let button =
                        egui::Button::selectable(selected, board.theme.card_title(tr.t(key)))
                            .frame_when_inactive(true)
                            .min_size(egui::vec2(180.0, BIG_BUTTON_HEIGHT));
                    if ui.add(button).clicked() {
                        draft.consent = Some(option);
                    }
                }
            });
        }
        VoteMethod::Plurality => {
            for (i, title) in titles.iter().enumerate() {
                let selected = draft.single == Some(i);
                let button =
                    egui::Button::selectable(selected, board.theme.card_title(title.clone()))
                        .frame_when_inactive(true)
                        .min_size(egui::vec2(
                            ui.available_width().min(720.0),
                            BIG_BUTTON_HEIGHT,
                        ))
                        .wrap();
                if ui.add(button).clicked() {
                    draft.single = Some(i);
                }
                ui.add_space(4.0);
            }
        }
        VoteMethod::Approval => {
            for (i, title) in titles.iter().enumerate() {
                ui.checkbox(
                    &mut draft.approved[i],
                    board.theme.card_title(title.clone()),
                );
                ui.add_space(6.0);
            }
        }
        VoteMethod::Dot { .. } => {
            for (i, title) in titles.iter().enumerate() {
                card(ui, board, title, |ui| {
                    ui.horizontal(|ui| {
                        let label = tr.with("booth-dots-for", "alternative", title);
                        let minus = ui
                            .add_enabled(
                                draft.dots[i] > 0,
                                egui::Button::new("−").min_size(egui::vec2(36.0, 32.0)),
                            )
                            .accessible_name(tr.with("booth-dot-remove", "alternative", title));
                        if minus.clicked() {
                            draft.dots[i] = draft.dots[i].saturating_sub(1);
                        }
                        ui.add(
                            egui::DragValue::new(&mut draft.dots[i])
                                .range(0..=999)
                                .speed(0.1),
                        )
                        .accessible_name(label);
                        let plus = ui
                            .add(egui::Button::new("+").min_size(egui::vec2(36.0, 32.0)))
                            .accessible_name(tr.with("booth-dot-add", "alternative", title));
                        if plus.clicked() {
                            draft.dots[i] = draft.dots[i].saturating_add(1);
                        }
                    });
                });
            }
        }
        VoteMethod::Score { min, max } => {
            for (i, title) in titles.iter().enumerate() {
                card(ui, board, title, |ui| {
                    ui.spacing_mut().slider_width = SLIDER_WIDTH;
                    ui.add(egui::Slider::new(&mut draft.scores[i], *min..=*max).step_by(1.0))
                        .accessible_name(tr.with("booth-score-for", "alternative", title));
                });
            }
        }
        VoteMethod::MajorityJudgment { grades } => {
            for (i, title) in titles.iter().enumerate() {
                card(ui, board, title, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for (g, grade) in grades.iter().enumerate() {
                            let selected = draft.grades[i] == Some(g);
                            let name = format!(
                                "{}: {grade}",
                                tr.with("booth-grade-for", "alternative", title)
                            );
                            let response = ui
                                .add(
                                    egui::Button::selectable(selected, grade.as_str())
                                        .frame_when_inactive(true)
                                        .min_size(egui::vec2(0.0, 32.0)),
                                )
                                .accessible_name(name);
                            if response.clicked() {
                                draft.grades[i] = Some(g);
                            }
                        }
                    });
                });
            }
        }
        VoteMethod::Matrix { criteria, min, max } => {
            if criteria.is_empty() {
                ui.label(RichText::new(tr.t("booth-no-criteria")).color(board.theme.warning()));
            }
            let goals: Vec<String> = criteria.iter().map(|c| goal_title(board, c.goal)).collect();
            for (i, title) in titles.iter().enumerate() {
                card(ui, board, title, |ui| {
                    ui.spacing_mut().slider_width = SLIDER_WIDTH;
                    egui::Grid::new(("booth-matrix", i))
                        .num_columns(2)
                        .spacing(egui::vec2(16.0, 6.0))
                        .show(ui, |ui| {
                            for (c, goal) in goals.iter().enumerate() {
                                ui.label(goal.as_str());
                                let name = format!("{title} — {goal}");
                                ui.add(
                                    egui::Slider::new(&mut draft.matrix[i][c], *min..=*max)
                                        .step_by(1.0),
                                )
                                .accessible_name(name);
                                ui.end_row();
                            }
                        });
                });
            }
        }
        VoteMethod::Borda
        | VoteMethod::Irv
        | VoteMethod::Schulze
        | VoteMethod::RankedPairs
        | VoteMethod::Copeland
        | VoteMethod::Condorcet => {
            let n = u32::try_from(titles.len()).unwrap_or(u32::MAX);
            for (i, title) in titles.iter().enumerate() {
                card(ui, board, title, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(board.theme.caption(tr.t("booth-rank")));
                        let rank_for = tr.with("booth-rank-for", "alternative", title);
                        let unranked = tr.t("booth-unranked");
                        let response = ui
                            .add(
                                egui::Button::selectable(
                                    draft.ranks[i].is_none(),
                                    unranked.as_str(),
                                )
                                .frame_when_inactive(true)
                                .min_size(egui::vec2(36.0, 32.0)),
                            )
                            .accessible_name(format!("{rank_for}: {unranked}"));
                        if response.clicked() {
                            draft.ranks[i] = None;
                        }
                        for rank in 1..=n {
                            let selected = draft.ranks[i] == Some(rank);
                            let response = ui
                                .add(
                                    egui::Button::selectable(selected, rank.to_string())
                                        .frame_when_inactive(true)
                                        .min_size(egui::vec2(36.0, 32.0)),
                                )
                                .accessible_name(format!("{rank_for}: {rank}"));
                            if response.clicked() {
                                draft.ranks[i] = Some(rank);
                            }
                        }
                    });
                });
            }
        }
    }
}

/// One alternative on the ballot, as a card with its title.
fn card(ui: &mut Ui, board: &Board<'_>, title: &str, content: impl FnOnce(&mut Ui)) {
    board.theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width().min(900.0));
        ui.label(board.theme.card_title(title));
        ui.add_space(4.0);
        content(ui);
    });
    ui.add_space(super::theme::CARD_GAP);
}

/// A goal's title (a criterion of a matrix vote).
fn goal_title(board: &Board<'_>, goal: GoalId) -> String {
    board
        .session
        .goal(goal)
        .map_or_else(|| format!("#{}", goal.0), |g| g.title.clone())
}

/// Dot voting's budget and cap, if the vote uses dots.
fn dot_rules(vote: &Vote) -> Option<(u32, Option<u32>)> {
    match vote.method {
        VoteMethod::Dot { dots, cap } => Some((dots, cap)),
        _ => None,
    }
}

/// Whether the draft is a complete, valid ballot for the vote.
fn check(draft: &Draft, vote: &Vote) -> Result<(), Incomplete> {
    let n = vote.alternatives.len();
    if n == 0 {
        return Err(Incomplete::Empty);
    }
    match &vote.method {
        VoteMethod::Consent { allow_block } => match draft.consent {
            None => Err(Incomplete::Nothing),
            Some(ConsentChoice::Block) if !allow_block => Err(Incomplete::Nothing),
            Some(_) => Ok(()),
        },
        VoteMethod::Plurality => draft.single.map(|_| ()).ok_or(Incomplete::Nothing),
        VoteMethod::Approval => {
            if draft.approved.iter().any(|a| *a) {
                Ok(())
            } else {
                Err(Incomplete::Nothing)
            }
        }
        VoteMethod::Dot { dots, cap } => {
            let spent: u32 = draft
                .dots
                .iter()
                .fold(0u32, |sum, d| sum.saturating_add(*d));
            if spent > *dots {
                Err(Incomplete::OverBudget(spent - dots))
            } else if let Some(cap) = cap
                && let Some(most) = draft.dots.iter().copied().max()
                && most > *cap
            {
                Err(Incomplete::OverCap(*cap))
            } else if spent == 0 {
                Err(Incomplete::Nothing)
            } else {
                Ok(())
            }
        }
        VoteMethod::Score { .. } => Ok(()),
        VoteMethod::MajorityJudgment { .. } => {
            if draft.grades.iter().all(Option::is_some) {
                Ok(())
            } else {
                Err(Incomplete::Ungraded)
            }
        }
        VoteMethod::Matrix { criteria, .. } => {
            if criteria.is_empty() {
                Err(Incomplete::Empty)
            } else {
                Ok(())
            }
        }
        VoteMethod::Borda
        | VoteMethod::Irv
        | VoteMethod::Schulze
        | VoteMethod::RankedPairs
        | VoteMethod::Copeland
        | VoteMethod::Condorcet => {
            if draft.ranks.iter().any(Option::is_some) {
                Ok(())
            } else {
                Err(Incomplete::Nothing)
            }
        }
    }
}

/// The line under the ballot: dots left, or why Submit is disabled.
fn status_note(
    board: &Board<'_>,
    draft: &Draft,
    vote: &Vote,
    verdict: Result<(), Incomplete>,
) -> Option<RichText> {
    let tr = board.tr;
    let warn = |text: String| Some(RichText::new(text).color(board.theme.warning()));
    match verdict {
        Err(Incomplete::OverBudget(over)) => warn(tr.n("booth-dots-over", i64::from(over))),
        Err(Incomplete::OverCap(cap)) => warn(tr.n("booth-dots-cap", i64::from(cap))),
        Err(Incomplete::Ungraded) => warn(tr.t("booth-grade-all")),
        Err(Incomplete::Empty) => warn(tr.t("booth-nothing-to-vote")),
        Err(Incomplete::Nothing) | Ok(()) => {
            let (dots, _) = dot_rules(vote)?;
            let spent: u32 = draft
                .dots
                .iter()
                .fold(0u32, |sum, d| sum.saturating_add(*d));
            let left = dots.saturating_sub(spent);
            Some(
                board
                    .theme
                    .card_title(tr.n("booth-dots-left", i64::from(left))),
            )
        }
    }
}

/// The ballot's choice; fails when the draft is not a valid ballot.
fn choice(draft: &Draft, vote: &Vote) -> Result<Choice, Incomplete> {
    check(draft, vote)?;
    let ids = &vote.alternatives;
    Ok(match &vote.method {
        VoteMethod::Consent { .. } => Choice::Consent(draft.consent.ok_or(Incomplete::Nothing)?),
        VoteMethod::Plurality => {
            let id = draft
                .single
                .and_then(|i| ids.get(i))
                .ok_or(Incomplete::Nothing)?;
            Choice::Ranking(vec![vec![*id]])
        }
        VoteMethod::Approval => Choice::Approval(
            ids.iter()
                .zip(&draft.approved)
                .filter(|(_, approved)| **approved)
                .map(|(id, _)| *id)
                .collect(),
        ),
        VoteMethod::Dot { .. } => Choice::Dots(
            ids.iter()
                .zip(&draft.dots)
                .filter(|(_, dots)| **dots > 0)
                .map(|(id, dots)| Dots {
                    alternative: *id,
                    dots: *dots,
                })
                .collect(),
        ),
        VoteMethod::Score { .. } => Choice::Scores(
            ids.iter()
                .zip(&draft.scores)
                .map(|(id, value)| Score {
                    alternative: *id,
                    value: *value,
                })
                .collect(),
        ),
        VoteMethod::MajorityJudgment { .. } => Choice::Scores(
            ids.iter()
                .zip(&draft.grades)
                .filter_map(|(id, grade)| {
                    let value = i32::try_from((*grade)?).ok()?;
                    Some(Score {
                        alternative: *id,
                        value,
                    })
                })
                .collect(),
        ),
        VoteMethod::Matrix { criteria, .. } => Choice::Matrix(
            ids.iter()
                .zip(&draft.matrix)
                .flat_map(|(id, row)| {
                    criteria.iter().zip(row).map(|(c, value)| CriterionScore {
                        alternative: *id,
                        goal: c.goal,
                        value: *value,
                    })
                })
                .collect(),
        ),
        VoteMethod::Borda
        | VoteMethod::Irv
        | VoteMethod::Schulze
        | VoteMethod::RankedPairs
        | VoteMethod::Copeland
        | VoteMethod::Condorcet => Choice::Ranking(ranking(ids, &draft.ranks)),
    })
}

/// Tie groups from best to worst: equal rank numbers tie, gaps between numbers do not matter
/// and unranked alternatives are left out (they tie below all ranked ones).
fn ranking(ids: &[AlternativeId], ranks: &[Option<u32>]) -> Vec<Vec<AlternativeId>> {
    let mut ranked: Vec<(u32, AlternativeId)> = ids
        .iter()
        .zip(ranks)
        .filter_map(|(id, rank)| Some(((*rank)?, *id)))
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    let mut groups: Vec<(u32, Vec<AlternativeId>)> = Vec::new();
    for (rank, id) in ranked {
        match groups.last_mut() {
            Some((last, group)) if *last == rank => group.push(id),
            _ => groups.push((rank, vec![id])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_make_tie_groups_and_leave_out_unranked() {
        let ids = [
            AlternativeId(1),
            AlternativeId(2),
            AlternativeId(3),
            AlternativeId(4),
        ];
        let ranks = [Some(2), None, Some(1), Some(2)];
        assert_eq!(
            ranking(&ids, &ranks),
            vec![
                vec![AlternativeId(3)],
                vec![AlternativeId(1), AlternativeId(4)]
            ]
        );
    }
}
