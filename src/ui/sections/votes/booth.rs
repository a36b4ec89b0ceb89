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
//! in a **secret** vote the ballot names nobody and lands at a position drawn by lot,
//! `ballot::lot`, so the saved file cannot link anyone to a choice).
//!
//! The ballot itself is the core's: its form (`ballot::Form`: what is asked, the options, the
//! limits) is drawn here by kind of input, the marks go into a `ballot::Draft`, and
//! `ballot::check` says whether it can be cast and, if not, why. No voting method is named
//! in this file.

use egui::{RichText, Ui};
use stratboard_core::ballot::{self, Ask, Draft, Form, Incomplete, Input};

use super::Board;
use stratboard_core::commands::{Command, VoteOp};
use stratboard_core::model::{
    Anonymity, ConsentChoice, GoalId, ParticipantId, Session, Vote, VoteId, VoteStatus,
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
    /// The ballot on screen corrects the voter's earlier ballot (open and anonymous votes).
    correcting: bool,
    /// The member who casts the ballot on screen by proxy for `voter`, if it is not theirs.
    holder: Option<ParticipantId>,
    /// The members whose ballots the holder at the booth fills in next, by proxy.
    next_for: Vec<ParticipantId>,
}

impl State {
    /// Back to screen 1 with no ballot on screen; `thanked` after a submitted ballot.
    fn leave_ballot(&mut self, thanked: bool) {
        self.voter = None;
        self.draft = Draft::default();
        self.thanked = thanked;
        self.correcting = false;
        self.holder = None;
        self.next_for.clear();
    }

    /// After a ballot is submitted: the next member the holder at the booth votes for, else
    /// back to screen 1.
    fn after_submit(&mut self) {
        let holder = self.holder.or(self.voter);
        if self.next_for.is_empty() {
            self.leave_ballot(true);
        } else {
            let next = self.next_for.remove(0);
            let rest = std::mem::take(&mut self.next_for);
            self.take_ballot(next, false);
            self.holder = holder;
            self.next_for = rest;
        }
    }

    /// A member at the booth: their own ballot first (unless cast), then one for each member
    /// whose standing proxy they hold and who has not voted.
    fn come_up(&mut self, session: &Session, vote: &Vote, member: ParticipantId) {
        let mut proxies: Vec<ParticipantId> = session
            .attendance
            .votes_for(member)
            .into_iter()
            .filter(|giver| !vote.has_voted(*giver))
            .collect();
        if vote.has_voted(member) && !proxies.is_empty() {
            let first = proxies.remove(0);
            self.take_ballot(first, false);
            self.holder = Some(member);
        } else {
            self.take_ballot(member, false);
        }
        self.next_for = proxies;
    }

    /// Screen 2 for `voter`, with a fresh ballot.
    fn take_ballot(&mut self, voter: ParticipantId, correcting: bool) {
        self.voter = Some(voter);
        self.draft = Draft::default();
        self.thanked = false;
        self.correcting = correcting;
        self.holder = None;
        self.next_for.clear();
    }
}

/// Draws the booth for `vote`.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, vote: VoteId) {
    let tr = board.tr;
    if state.vote != Some(vote) {
        *state = State {
            vote: Some(vote),
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
        && ((the_vote.has_voted(voter) && !state.correcting)
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

/// Screen 1: the participants who have not voted yet, as large buttons.
fn who_is_voting(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, vote: &Vote) {
    let tr = board.tr;
    let session = board.session;
    let total = session.electorate();
    let voted = session
        .voting_members()
        .filter(|p| vote.has_voted(p.id))
        .count();
    let mut waiting: Vec<(ParticipantId, String)> = session
        .voting_members()
        .filter(|p| session.attendance.standing_proxy_from(p.id).is_none())
        .filter_map(|p| {
            let proxies = session
                .attendance
                .votes_for(p.id)
                .into_iter()
                .filter(|giver| !vote.has_voted(*giver))
                .count();
            let own = !vote.has_voted(p.id);
            let label = match proxies {
                0 => p.name.clone(),
                n => format!("{} {}", p.name, tr.n("booth-with-proxies", n as i64)),
            };
            (own || proxies > 0).then_some((p.id, label))
        })
        .collect();
    waiting.sort_by_cached_key(|(_, name)| name.to_lowercase());
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
                    let button = egui::Button::new(board.theme.card_title(name.as_str()))
                        .min_size(egui::vec2(NAME_BUTTON_WIDTH, BIG_BUTTON_HEIGHT))
                        .truncate();
                    if ui.add(button).on_hover_text(name).clicked() {
                        state.come_up(session, vote, id);
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
                        state.take_ballot(id, true);
                        // A ballot cast by proxy is corrected by its holder, by proxy.
                        state.holder = board
                            .session
                            .attendance
                            .standing_proxy_from(id)
                            .map(|proxy| proxy.to);
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
    let form = Form::of(vote);
    state.draft.fit(&form);
    let title = match state.holder.and_then(|h| board.session.participant(h)) {
        Some(holder) => tr.args(
            "booth-ballot-by-proxy",
            &[
                ("name", name.clone().into()),
                ("holder", holder.name.clone().into()),
            ],
        ),
        None => tr.with("booth-ballot-of", "name", &name),
    };
    ui.label(board.theme.card_title(title));
    ui.label(board.theme.caption(tr.t(hint_key(form.ask))));
    ui.add_space(8.0);
    let max_height = (ui.available_height() - ACTIONS_HEIGHT).max(120.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(max_height)
        .id_salt(("booth-ballot", vote.id))
        .show(ui, |ui| {
            ballot_inputs(ui, board, &mut state.draft, &form);
        });
    ui.add_space(8.0);
    let verdict = ballot::check(vote, &state.draft);
    if let Some(note) = status_note(board, &state.draft, &form, verdict.as_ref().err()) {
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
    if submit && let Ok(choice) = verdict {
        let op = VoteOp::Cast {
            round: vote.rounds.last().map_or(1, |r| r.number),
            voter,
            holder: state.holder,
            choice,
            seed: ballot::lot(),
        };
        board.push(Command::Vote { vote: vote.id, op });
        state.after_submit();
    } else if cancel {
        state.leave_ballot(false);
    }
}

/// The translation key of the one-line instruction for what a ballot asks.
fn hint_key(ask: Ask) -> &'static str {
    match ask {
        Ask::Consent => "booth-hint-consent",
        Ask::ChooseOne => "booth-hint-plurality",
        Ask::Approve => "booth-hint-approval",
        Ask::SpreadDots => "booth-hint-dot",
        Ask::Score => "booth-hint-score",
        Ask::Grade => "booth-hint-grades",
        Ask::ScoreCriteria => "booth-hint-matrix",
        Ask::Rank => "booth-hint-ranked",
    }
}

/// The inputs of the ballot, by the kind of input its form asks for.
fn ballot_inputs(ui: &mut Ui, board: &Board<'_>, draft: &mut Draft, form: &Form) {
    let titles: Vec<String> = form
        .options
        .iter()
        .map(|id| {
            board
                .session
                .alternative(*id)
                .map_or_else(|| format!("#{}", id.0), |a| a.title.clone())
        })
        .collect();
    match &form.input {
        Input::Consent { choices } => consent_inputs(ui, board, draft, choices, &titles),
        Input::Rank { places: 1 } => single_choice(ui, board, draft, &titles),
        Input::Rank { places } => rank_inputs(ui, board, &mut draft.places, *places, &titles),
        Input::Approve { .. } => {
            for (approved, title) in draft.approved.iter_mut().zip(&titles) {
                ui.checkbox(approved, board.theme.card_title(title.clone()));
                ui.add_space(6.0);
            }
        }
        Input::Dots { .. } => dot_inputs(ui, board, &mut draft.dots, &titles),
        Input::Scores {
            min,
            max,
            grades,
            every: true,
        } => grade_inputs(ui, board, &mut draft.values, (*min, *max), grades, &titles),
        Input::Scores { min, max, .. } => {
            for (value, title) in draft.values.iter_mut().zip(&titles) {
                card(ui, board, title, |ui| {
                    let name = board.tr.with("booth-score-for", "alternative", title);
                    slider(ui, value, (*min, *max), name);
                });
            }
        }
        Input::Matrix { criteria, min, max } => {
            matrix_inputs(ui, board, &mut draft.cells, criteria, (*min, *max), &titles);
        }
    }
}

/// A slider over `min..=max` for a value that starts at the lowest when blank.
fn slider(ui: &mut Ui, value: &mut Option<i32>, (min, max): (i32, i32), name: String) {
    let mut shown = value.unwrap_or(min);
    ui.spacing_mut().slider_width = SLIDER_WIDTH;
    ui.add(egui::Slider::new(&mut shown, min..=max).step_by(1.0))
        .accessible_name(name);
    *value = Some(shown);
}

/// Consent: the proposal and one big button per answer.
fn consent_inputs(
    ui: &mut Ui,
    board: &Board<'_>,
    draft: &mut Draft,
    choices: &[ConsentChoice],
    titles: &[String],
) {
    if let Some(title) = titles.first() {
        ui.label(board.theme.card_title(title.clone()));
        ui.add_space(6.0);
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
        for option in choices {
            let key = match option {
                ConsentChoice::For => "booth-consent-for",
                ConsentChoice::Against => "booth-consent-against",
                ConsentChoice::Abstain => "booth-consent-abstain",
                ConsentChoice::Block => "booth-consent-block",
            };
            let selected = draft.consent == Some(*option);
            let button =
                egui::Button::selectable(selected, board.theme.card_title(board.tr.t(key)))
                    .frame_when_inactive(true)
                    .min_size(egui::vec2(180.0, BIG_BUTTON_HEIGHT));
            if ui.add(button).clicked() {
                draft.consent = Some(*option);
            }
        }
    });
}

/// A single choice: one big button per alternative.
fn single_choice(ui: &mut Ui, board: &Board<'_>, draft: &mut Draft, titles: &[String]) {
    for (i, title) in titles.iter().enumerate() {
        let selected = draft.places.get(i).copied().flatten().is_some();
        let button = egui::Button::selectable(selected, board.theme.card_title(title.clone()))
            .frame_when_inactive(true)
            .min_size(egui::vec2(
                ui.available_width().min(720.0),
                BIG_BUTTON_HEIGHT,
            ))
            .wrap();
        if ui.add(button).clicked() {
            draft.choose_one(i);
        }
        ui.add_space(4.0);
    }
}

/// A ranking: per alternative, "—" (not ranked) or a place `1..=places`; equal places tie.
fn rank_inputs(
    ui: &mut Ui,
    board: &Board<'_>,
    draft: &mut [Option<u32>],
    places: u32,
    titles: &[String],
) {
    let tr = board.tr;
    for (place_of, title) in draft.iter_mut().zip(titles) {
        card(ui, board, title, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(board.theme.caption(tr.t("booth-rank")));
                let rank_for = tr.with("booth-rank-for", "alternative", title);
                let unranked = tr.t("booth-unranked");
                let mut step = |ui: &mut Ui, place: Option<u32>, text: String| {
                    let name = format!("{rank_for}: {text}");
                    let button = egui::Button::selectable(*place_of == place, text)
                        .frame_when_inactive(true)
                        .min_size(egui::vec2(36.0, 32.0));
                    if ui.add(button).accessible_name(name).clicked() {
                        *place_of = place;
                    }
                };
                step(ui, None, unranked);
                for place in 1..=places {
                    step(ui, Some(place), place.to_string());
                }
            });
        });
    }
}

/// Dot voting: per alternative, −, the count and +.
fn dot_inputs(ui: &mut Ui, board: &Board<'_>, dots: &mut [u32], titles: &[String]) {
    let tr = board.tr;
    for (count, title) in dots.iter_mut().zip(titles) {
        card(ui, board, title, |ui| {
            ui.horizontal(|ui| {
                let label = tr.with("booth-dots-for", "alternative", title);
                let minus = ui
                    .add_enabled(
                        *count > 0,
                        egui::Button::new("−").min_size(egui::vec2(36.0, 32.0)),
                    )
                    .accessible_name(tr.with("booth-dot-remove", "alternative", title));
                if minus.clicked() {
                    *count = count.saturating_sub(1);
                }
                ui.add(egui::DragValue::new(count).range(0..=999).speed(0.1))
                    .accessible_name(label);
                let plus = ui
                    .add(egui::Button::new("+").min_size(egui::vec2(36.0, 32.0)))
                    .accessible_name(tr.with("booth-dot-add", "alternative", title));
                if plus.clicked() {
                    *count = count.saturating_add(1);
                }
            });
        });
    }
}

/// Grades: per alternative, one button per grade (or per value where grades have no names).
fn grade_inputs(
    ui: &mut Ui,
    board: &Board<'_>,
    values: &mut [Option<i32>],
    (min, max): (i32, i32),
    grades: &[String],
    titles: &[String],
) {
    for (value, title) in values.iter_mut().zip(titles) {
        card(ui, board, title, |ui| {
            ui.horizontal_wrapped(|ui| {
                for grade in min..=max {
                    let text = usize::try_from(grade - min)
                        .ok()
                        .and_then(|at| grades.get(at))
                        .map_or_else(|| grade.to_string(), Clone::clone);
                    let name = format!(
                        "{}: {text}",
                        board.tr.with("booth-grade-for", "alternative", title)
                    );
                    let button = egui::Button::selectable(*value == Some(grade), text)
                        .frame_when_inactive(true)
                        .min_size(egui::vec2(0.0, 32.0));
                    if ui.add(button).accessible_name(name).clicked() {
                        *value = Some(grade);
                    }
                }
            });
        });
    }
}

/// A matrix: per alternative, a slider for each criterion.
fn matrix_inputs(
    ui: &mut Ui,
    board: &Board<'_>,
    cells: &mut [Vec<Option<i32>>],
    criteria: &[GoalId],
    range: (i32, i32),
    titles: &[String],
) {
    if criteria.is_empty() {
        ui.label(RichText::new(board.tr.t("booth-no-criteria")).color(board.theme.warning()));
    }
    let goals: Vec<String> = criteria.iter().map(|c| goal_title(board, *c)).collect();
    for (i, (row, title)) in cells.iter_mut().zip(titles).enumerate() {
        card(ui, board, title, |ui| {
            egui::Grid::new(("booth-matrix", i))
                .num_columns(2)
                .spacing(egui::vec2(16.0, 6.0))
                .show(ui, |ui| {
                    for (value, goal) in row.iter_mut().zip(&goals) {
                        ui.label(goal.as_str());
                        slider(ui, value, range, format!("{title} — {goal}"));
                        ui.end_row();
                    }
                });
        });
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

/// The line under the ballot: dots left, or why Submit is disabled.
fn status_note(
    board: &Board<'_>,
    draft: &Draft,
    form: &Form,
    why: Option<&Incomplete>,
) -> Option<RichText> {
    let tr = board.tr;
    let warn = |text: String| Some(RichText::new(text).color(board.theme.warning()));
    match why {
        Some(Incomplete::OverBudget(over)) => warn(tr.n("booth-dots-over", i64::from(*over))),
        Some(Incomplete::OverCap(cap)) => warn(tr.n("booth-dots-cap", i64::from(*cap))),
        Some(Incomplete::Ungraded) => warn(tr.t("booth-grade-all")),
        Some(Incomplete::Unscored) => warn(tr.t("booth-score-all")),
        Some(Incomplete::Empty) => warn(tr.t("booth-nothing-to-vote")),
        Some(Incomplete::Invalid(_)) => warn(tr.t("booth-ballot-invalid")),
        Some(Incomplete::Nothing) | None => {
            let Input::Dots { budget, .. } = form.input else {
                return None;
            };
            let left = budget.saturating_sub(draft.dots_spent());
            Some(
                board
                    .theme
                    .card_title(tr.n("booth-dots-left", i64::from(left))),
            )
        }
    }
}
