//! Votes: each vote as a card. A draft vote is prepared here (question, method and its
//! settings, anonymity, results visibility, quorum, threshold, the alternatives on the ballot);
//! an open vote collects ballots in the voting booth, by show of hands and from paper-ballot
//! files; a closed vote (or a live one) shows its results: winners, the full ranking, the
//! numbers behind them, a bar chart and a breakdown per stakeholder group. Hidden results never
//! appear before the vote is closed: only the turnout does.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{Id, RichText, Ui};
use fluent_templates::fluent_bundle::FluentValue;
use stratboard_core::ballot::{self, Form};

use super::chips::toggle_chips;
use super::labels::Named;
use super::widgets::{self, Field};
use super::widgets::{focus_selecting_all, full_list};
use super::{Board, ShellRequest};
use stratboard_core::commands::{Command, Item, ItemRef, VoteOp};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{
    AlternativeId, Anonymity, Ballot, ConsentChoice, Criterion, GroupId, HandOption, METHODS,
    MethodDefaults, MethodInfo, OpenProblem, ResultsVisibility, Session, Threshold, Vote, VoteId,
    VoteMethod, VoteRound, VoteStatus,
};
use stratboard_core::voting::import::file::ImportFailure;
use stratboard_core::voting::{Tally, import};

/// The anonymity choices in picker order.
const ANONYMITIES: [Anonymity; 3] = [Anonymity::Open, Anonymity::Anonymous, Anonymity::Secret];

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// The number of votes when "Add vote" was pressed: the vote that appears after it gets
    /// the keyboard focus.
    focus_new_after: Option<usize>,
    /// The vote whose voting booth fills the section, if any (drawn by [`super::booth`]).
    pub booth: Option<VoteId>,
    /// What is being typed or viewed on each card.
    cards: HashMap<VoteId, CardState>,
    /// The room's phones: whether a room is open (set by the shell each frame) and the vote
    /// the facilitator shows on them (read by the shell, which tells the room).
    pub phones: Phones,
    /// Secret ballots the document holds back for their batch, by vote (set by the shell each
    /// frame): they are in no count yet.
    pub held: std::collections::BTreeMap<VoteId, usize>,
}

/// The room's phones as the votes panel sees them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Phones {
    /// Whether a room is open (phones can be shown a vote).
    pub room_open: bool,
    /// The vote shown on phones, if any: they bring it to the front.
    pub shown: Option<VoteId>,
}

/// Where an open vote can be put before the room: the booth on this machine, the phones.
struct Reach<'s> {
    booth: &'s mut Option<VoteId>,
    phones: &'s mut Phones,
    held: &'s std::collections::BTreeMap<VoteId, usize>,
}

/// How a paper-ballot import went, as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportReport {
    /// This many ballots were added to the current round.
    Added(u64),
    /// Nothing was added; the text says why.
    Refused(String),
}

impl State {
    /// The shell's answer to [`ShellRequest::ImportBallots`]: shown on the vote's card, with
    /// the file's path in the card's field.
    pub fn import_finished(&mut self, vote: VoteId, path: &Path, report: ImportReport) {
        let card = self.cards.entry(vote).or_default();
        card.path = path.display().to_string();
        card.import = Some(report);
    }
}

/// What is being typed or viewed on one vote's card.
#[derive(Default)]
struct CardState {
    /// The round viewed (index); the last one when `None`.
    round: Option<usize>,
    /// The ballots file typed in.
    path: String,
    /// How the last paper-ballot import went.
    import: Option<ImportReport>,
    /// The group whose hands are being counted (`None`: the whole room).
    hand_group: Option<GroupId>,
    /// The hand counts being typed, by option.
    hands: HashMap<HandOption, String>,
    /// A hand count that is not a whole number.
    hands_invalid: bool,
    /// Open was pressed without a quorum: the card asks first.
    confirm_open: bool,
}

pub use stratboard_core::i18n::labels::method_key;

/// The number of ballots a vote has counted over all its rounds (a paper-ballot line counts
/// as many ballots as it stands for).
pub fn ballots_counted(vote: &Vote) -> u64 {
    vote.rounds
        .iter()
        .flat_map(|round| &round.ballots)
        .map(|ballot| u64::from(ballot.count))
        .sum()
}

use stratboard_core::voting::count_ballots;
pub use stratboard_core::voting::{count_round, hand_ballot};

pub use stratboard_core::voting::results_visible;

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
    let cards = &mut state.cards;
    let mut reach = Reach {
        booth: &mut state.booth,
        phones: &mut state.phones,
        held: &state.held,
    };
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
                    let card = cards.entry(vote.id).or_default();
                    vote_card(ui, board, card, &mut reach, index, vote, &alternatives);
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
    card: &mut CardState,
    reach: &mut Reach<'_>,
    index: usize,
    vote: &Vote,
    alternatives: &[(AlternativeId, &str)],
) {
    let tr = board.tr;
    let theme = board.theme;
    let draft = vote.status == VoteStatus::Draft;
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        card_header(ui, board, index, vote);
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
                board.update(vote, |v| v.question = question);
            }
            setup(ui, board, vote);
        } else {
            ui.label(theme.card_title(&vote.question));
            ui.label(theme.caption(stratboard_core::i18n::labels::vote_rules(board.tr, vote)));
        }

        if draft {
            ballot_chips(ui, board, vote, alternatives);
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
        held_note(ui, board, reach, vote);

        ui.add_space(6.0);
        status_buttons(ui, board, card, reach, vote);

        // An open vote with no round (a hand-edited file) gets its first round from the first
        // ballot or count: show round 1, empty, with its forms.
        let first_round;
        let rounds: &[VoteRound] = if vote.rounds.is_empty() && vote.status == VoteStatus::Open {
            first_round = [VoteRound {
                number: 1,
                ..VoteRound::default()
            }];
            &first_round
        } else {
            &vote.rounds
        };
        if rounds.is_empty() {
            return;
        }
        let last = rounds.len() - 1;
        let viewed = card.round.unwrap_or(last).min(last);
        if rounds.len() > 1 {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(theme.caption(tr.t("votes-round-shown")));
                for (i, round) in rounds.iter().enumerate() {
                    let name =
                        tr.args("votes-round", &[("number", i64::from(round.number).into())]);
                    if ui.selectable_label(i == viewed, name).clicked() {
                        card.round = if i == last { None } else { Some(i) };
                    }
                }
            });
        }
        let Some(round) = rounds.get(viewed) else {
            return;
        };
        let current = viewed == last;
        ui.add_space(4.0);
        ui.label(RichText::new(turnout(board, round)).strong());
        if let Some(attendance) = &round.attendance {
            let line = crate::ui::quorum::round_line(board.tr, attendance);
            ui.label(board.theme.caption(line));
        }
        if current && vote.status == VoteStatus::Open {
            not_voted_yet(ui, board, vote);
            let hands = Form::of(vote).hands();
            if !hands.is_empty() {
                ui.add_space(6.0);
                hands_form(ui, board, card, vote, round, &hands);
            }
            if import::BallotKind::for_method(&vote.method).is_some() {
                ui.add_space(6.0);
                import_form(ui, board, card, vote);
            }
        }
        // Earlier rounds were closed before the next one was started.
        if results_visible(vote) || !current {
            ui.add_space(8.0);
            results(ui, board, vote, viewed, round);
        } else if vote.status == VoteStatus::Open {
            ui.label(theme.caption(tr.t("votes-results-hidden")));
        }
    });
}

/// The card's header: its number and chips (status, method, anonymity) on the left, wrapping
/// onto a second line when the card is narrow (a 4:3 projector), and the buttons on the right,
/// laid out first so that the chips never run under them.
fn card_header(ui: &mut Ui, board: &mut Board<'_>, index: usize, vote: &Vote) {
    let tr = board.tr;
    let theme = board.theme;
    let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    let right = egui::Layout::right_to_left(egui::Align::Center);
    ui.allocate_ui_with_layout(row, right, |ui| {
        if widgets::delete_button(ui, board, &vote.question) {
            board.delete(ItemRef::Vote(vote.id));
        }
        let target = super::Spotlight::Vote(vote.id);
        widgets::spotlight_button(ui, board, target, &vote.question);
        let left = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
        ui.with_layout(left, |ui| {
            let number = tr.args("votes-number", &[("number", ((index + 1) as i64).into())]);
            ui.label(theme.caption(number));
            let anonymity = match vote.anonymity {
                Anonymity::Open => tr.t("votes-anonymity-chip-Open"),
                Anonymity::Anonymous => tr.t("votes-anonymity-chip-Anonymous"),
                Anonymity::Secret => tr.t("votes-anonymity-chip-Secret"),
            };
            let chips = [
                (vote.status.name(tr), status_colour(board, vote.status)),
                (tr.t(method_key(&vote.method)), theme.accent()),
                (anonymity, theme.weak_text()),
            ];
            for (text, colour) in chips {
                // A chip that does not fit beside the ones before it starts a new line
                // (a narrow card, 4:3 projectors): a chip is never squeezed into a column.
                if theme.chip_width(ui, &text) > ui.available_size_before_wrap().x {
                    ui.end_row();
                }
                theme.chip(ui, text, colour);
            }
        });
    });
}

/// The alternatives on the ballot as toggle chips (a consent vote puts exactly one proposal
/// on its ballot: choosing another replaces it).
fn ballot_chips(
    ui: &mut Ui,
    board: &mut Board<'_>,
    vote: &Vote,
    alternatives: &[(AlternativeId, &str)],
) {
    let tr = board.tr;
    if alternatives.is_empty() {
        ui.label(board.theme.caption(tr.t("votes-no-alternatives-yet")));
        return;
    }
    let consent = matches!(vote.method, VoteMethod::Consent { .. });
    let label = if consent {
        tr.t("votes-proposal")
    } else {
        tr.t("votes-ballot")
    };
    if let Some(mut on_ballot) = toggle_chips(
        ui,
        board,
        Id::unique(("vote-ballot", vote.id)),
        &label,
        alternatives,
        &vote.alternatives,
    ) {
        if consent && on_ballot.len() > 1 {
            on_ballot = on_ballot.split_off(on_ballot.len() - 1);
        }
        board.update(vote, |v| v.alternatives = on_ballot);
    }
}

/// A labelled picker over `(value, name)` options. Returns the new choice.
fn choice_picker<T: Clone + PartialEq>(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    current: &T,
    options: &[(T, String)],
) -> Option<T> {
    let current_name = options
        .iter()
        .find(|(v, _)| v == current)
        .map_or_else(String::new, |(_, name)| name.clone());
    let mut chosen = None;
    ui.vertical(|ui| {
        let caption = ui.label(board.theme.caption(label));
        egui::ComboBox::from_id_salt(id)
            .selected_text(current_name)
            .show_ui(ui, |ui| {
                for (value, name) in options {
                    let selected = value == current;
                    if ui.selectable_label(selected, name).clicked() && !selected {
                        chosen = Some(value.clone());
                    }
                }
            })
            .response
            .labelled_by(caption.id);
    });
    chosen
}

/// A labelled whole-number field (a drag value). Returns the new value.
fn number_field(
    ui: &mut Ui,
    board: &Board<'_>,
    label: &str,
    value: i64,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    let mut number = value;
    let changed = ui
        .vertical(|ui| {
            let caption = ui.label(board.theme.caption(label));
            ui.add(egui::DragValue::new(&mut number).range(range).speed(0.1))
                .labelled_by(caption.id)
                .changed()
        })
        .inner;
    (changed && number != value).then_some(number)
}

/// A labelled check box. Returns the new value.
fn check(ui: &mut Ui, label: &str, value: bool) -> Option<bool> {
    let mut on = value;
    ui.checkbox(&mut on, label).changed().then_some(on)
}

/// The settings a vote gets when the facilitator picks a method: the interface language's
/// grades for majority judgment, the session's goals as a matrix's criteria.
fn method_defaults(board: &Board<'_>) -> MethodDefaults {
    MethodDefaults {
        grades: board
            .tr
            .t("votes-default-grades")
            .split(',')
            .map(|g| g.trim().to_owned())
            .filter(|g| !g.is_empty())
            .collect(),
        criteria: board
            .session
            .goals
            .iter()
            .map(|g| Criterion {
                goal: g.id,
                weight: 1,
            })
            .collect(),
        ..MethodDefaults::default()
    }
}

/// The settings of a draft vote: method and its settings, anonymity, visibility, quorum and
/// threshold.
fn setup(ui: &mut Ui, board: &mut Board<'_>, vote: &Vote) {
    let tr = board.tr;
    ui.horizontal_wrapped(|ui| {
        let methods: Vec<(&str, String)> = METHODS
            .iter()
            .map(|info| (info.name, tr.t(info.label_key)))
            .collect();
        if let Some(cli) = choice_picker(
            ui,
            board,
            Id::unique(("vote-method", vote.id)),
            &tr.t("votes-method"),
            &vote.method.cli_name(),
            &methods,
        ) && let Some(info) = MethodInfo::by_name(cli)
        {
            let method = (info.new)(&method_defaults(board));
            board.update(vote, |v| {
                if matches!(method, VoteMethod::Consent { .. }) && v.alternatives.len() > 1 {
                    v.alternatives.truncate(1);
                }
                v.method = method;
            });
        }
        ui.add_space(12.0);
        if let Some(anonymity) = widgets::picker(
            ui,
            board,
            Id::unique(("vote-anonymity", vote.id)),
            &tr.t("votes-anonymity"),
            vote.anonymity,
            &ANONYMITIES,
        ) {
            board.update(vote, |v| v.anonymity = anonymity);
        }
        ui.add_space(12.0);
        let visibilities = [
            (ResultsVisibility::Live, tr.t("votes-visibility-Live")),
            (
                ResultsVisibility::AfterClose,
                tr.t("votes-visibility-AfterClose"),
            ),
        ];
        if let Some(visibility) = choice_picker(
            ui,
            board,
            Id::unique(("vote-visibility", vote.id)),
            &tr.t("votes-visibility"),
            &vote.visibility,
            &visibilities,
        ) {
            board.update(vote, |v| v.visibility = visibility);
        }
        ui.add_space(12.0);
        ui.vertical(|ui| {
            ui.label(board.theme.caption(tr.t("votes-quorum-label")));
            ui.horizontal(|ui| {
                if let Some(on) = check(ui, &tr.t("votes-quorum-set"), vote.quorum.is_some()) {
                    board.update(vote, |v| v.quorum = on.then_some(1));
                }
                if let Some(quorum) = vote.quorum
                    && let Some(new) = number_field(
                        ui,
                        board,
                        &tr.t("votes-quorum-ballots"),
                        i64::from(quorum),
                        1..=100_000,
                    )
                {
                    let new = u32::try_from(new).unwrap_or(1);
                    board.update(vote, |v| v.quorum = Some(new));
                }
            });
        });
    });
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| method_settings(ui, board, vote));
}

/// The settings of the vote's method.
fn method_settings(ui: &mut Ui, board: &mut Board<'_>, vote: &Vote) {
    let tr = board.tr;
    match &vote.method {
        VoteMethod::Consent { allow_block } => {
            if let Some(on) = check(ui, &tr.t("votes-allow-block"), *allow_block) {
                board.update(vote, |v| {
                    v.method = VoteMethod::Consent { allow_block: on };
                });
            }
            ui.add_space(12.0);
            let kind = |t: Threshold| match t {
                Threshold::SimpleMajority => 0,
                Threshold::TwoThirds => 1,
                Threshold::AtLeastPercent(_) => 2,
                Threshold::Unanimous => 3,
            };
            let options = [
                (0, tr.t("votes-threshold-SimpleMajority")),
                (1, tr.t("votes-threshold-TwoThirds")),
                (2, tr.t("votes-threshold-percent-choice")),
                (3, tr.t("votes-threshold-Unanimous")),
            ];
            if let Some(choice) = choice_picker(
                ui,
                board,
                Id::unique(("vote-threshold", vote.id)),
                &tr.t("votes-threshold"),
                &kind(vote.threshold),
                &options,
            ) {
                let threshold = match choice {
                    0 => Threshold::SimpleMajority,
                    1 => Threshold::TwoThirds,
                    2 => Threshold::AtLeastPercent(60),
                    _ => Threshold::Unanimous,
                };
                board.update(vote, |v| v.threshold = threshold);
            }
            if let Threshold::AtLeastPercent(percent) = vote.threshold
                && let Some(new) = number_field(
                    ui,
                    board,
                    &tr.t("votes-threshold-percent-label"),
                    i64::from(percent),
                    1..=100,
                )
            {
                let new = u32::try_from(new).unwrap_or(50);
                board.update(vote, |v| v.threshold = Threshold::AtLeastPercent(new));
            }
        }
        VoteMethod::Dot { dots, cap } => {
            let (dots, cap) = (*dots, *cap);
            if let Some(new) = number_field(ui, board, &tr.t("votes-dots"), dots.into(), 1..=100) {
                let new = u32::try_from(new).unwrap_or(1);
                board.update(vote, |v| v.method = VoteMethod::Dot { dots: new, cap });
            }
            ui.add_space(12.0);
            if let Some(on) = check(ui, &tr.t("votes-dot-cap-set"), cap.is_some()) {
                let cap = on.then_some(dots.clamp(1, 2));
                board.update(vote, |v| v.method = VoteMethod::Dot { dots, cap });
            }
            if let Some(c) = cap
                && let Some(new) =
                    number_field(ui, board, &tr.t("votes-dot-cap"), c.into(), 1..=100)
            {
                let cap = Some(u32::try_from(new).unwrap_or(1));
                board.update(vote, |v| v.method = VoteMethod::Dot { dots, cap });
            }
        }
        VoteMethod::Score { min, max } => {
            let (min, max) = (*min, *max);
            if let Some((min, max)) = range_fields(ui, board, min, max) {
                board.update(vote, |v| v.method = VoteMethod::Score { min, max });
            }
        }
        VoteMethod::MajorityJudgment { grades } => {
            let label = tr.t("votes-grades");
            let text = grades.join(", ");
            if let Some(new) = widgets::text_field(
                ui,
                board,
                Id::unique(("vote-grades", vote.id)),
                Field::required(&label).width(520.0),
                &text,
            ) {
                let grades: Vec<String> = new
                    .split(',')
                    .map(|g| g.trim().to_owned())
                    .filter(|g| !g.is_empty())
                    .collect();
                if grades.len() >= 2 {
                    board.update(vote, |v| {
                        v.method = VoteMethod::MajorityJudgment { grades };
                    });
                }
            }
            if grades.len() < 2 {
                ui.label(RichText::new(tr.t("votes-grades-too-few")).color(board.theme.error()));
            }
        }
        VoteMethod::Matrix { criteria, min, max } => {
            let (min, max) = (*min, *max);
            if let Some((min, max)) = range_fields(ui, board, min, max) {
                let criteria = criteria.clone();
                board.update(vote, |v| {
                    v.method = VoteMethod::Matrix { criteria, min, max };
                });
            }
            ui.end_row();
            matrix_criteria(ui, board, vote, criteria, min, max);
        }
        _ => {
            ui.label(board.theme.caption(tr.t("votes-ranked-hint")));
        }
    }
}

/// The lowest and highest score fields. Returns the new range when it is valid.
fn range_fields(ui: &mut Ui, board: &Board<'_>, min: i32, max: i32) -> Option<(i32, i32)> {
    let tr = board.tr;
    let mut result = None;
    if let Some(new) = number_field(ui, board, &tr.t("votes-score-min"), min.into(), -100..=100) {
        let new = i32::try_from(new).unwrap_or(min);
        if new < max {
            result = Some((new, max));
        }
    }
    if let Some(new) = number_field(ui, board, &tr.t("votes-score-max"), max.into(), -100..=100) {
        let new = i32::try_from(new).unwrap_or(max);
        if new > min {
            result = Some((min, new));
        }
    }
    result
}

/// The goals used as criteria of a matrix vote, each with its weight.
fn matrix_criteria(
    ui: &mut Ui,
    board: &mut Board<'_>,
    vote: &Vote,
    criteria: &[Criterion],
    min: i32,
    max: i32,
) {
    let tr = board.tr;
    ui.vertical(|ui| {
        ui.label(board.theme.caption(tr.t("votes-criteria")));
        if board.session.goals.is_empty() {
            ui.label(board.theme.caption(tr.t("votes-criteria-none")));
        }
        for goal in &board.session.goals {
            let current = criteria.iter().find(|c| c.goal == goal.id).copied();
            ui.horizontal(|ui| {
                let mut new: Option<Vec<Criterion>> = None;
                if let Some(on) = check(ui, &goal.title, current.is_some()) {
                    let mut list = criteria.to_vec();
                    if on {
                        list.push(Criterion {
                            goal: goal.id,
                            weight: 1,
                        });
                    } else {
                        list.retain(|c| c.goal != goal.id);
                    }
                    new = Some(list);
                }
                if let Some(criterion) = current {
                    let label = tr.with("votes-criterion-weight", "goal", &goal.title);
                    let mut weight = i64::from(criterion.weight);
                    let caption = ui.label(board.theme.caption(tr.t("votes-weight")));
                    let changed = ui
                        .add(egui::DragValue::new(&mut weight).range(1..=100).speed(0.1))
                        .labelled_by(caption.id)
                        .on_hover_text(label)
                        .changed();
                    if changed {
                        let weight = u32::try_from(weight).unwrap_or(1);
                        let mut list = criteria.to_vec();
                        for c in &mut list {
                            if c.goal == goal.id {
                                c.weight = weight;
                            }
                        }
                        new = Some(list);
                    }
                }
                if let Some(criteria) = new {
                    board.update(vote, |v| {
                        v.method = VoteMethod::Matrix { criteria, min, max };
                    });
                }
            });
        }
    });
}

/// «Кворума нет: 11 из 25 (нужно 13). Открыть голосование без кворума?» with the two answers.
fn ask_to_open_without_quorum(
    ui: &mut Ui,
    board: &mut Board<'_>,
    card: &mut CardState,
    vote: &Vote,
) {
    let tr = board.tr;
    let Some((line, _)) = crate::ui::quorum::quorum_line(tr, board.session) else {
        return;
    };
    ui.end_row();
    ui.label(
        RichText::new(format!("{line}. {}", tr.t("votes-open-no-quorum")))
            .color(board.theme.warning()),
    );
    if ui.button(tr.t("votes-open-anyway")).clicked() {
        card.confirm_open = false;
        vote_op(board, vote, VoteOp::Open);
    }
    if ui.button(tr.t("common-cancel")).clicked() {
        card.confirm_open = false;
    }
}

/// The buttons that move a vote along: open, close, new round, booth, show on phones, timer.
fn status_buttons(
    ui: &mut Ui,
    board: &mut Board<'_>,
    card: &mut CardState,
    reach: &mut Reach<'_>,
    vote: &Vote,
) {
    let tr = board.tr;
    ui.horizontal_wrapped(|ui| match vote.status {
        VoteStatus::Draft => {
            let ready = vote.ready_to_open();
            let button = ui.add_enabled(
                ready.is_ok(),
                egui::Button::new(RichText::new(tr.t("votes-open")).strong()),
            );
            let no_quorum = board.session.quorum_count().met() == Some(false);
            if button.clicked() {
                if no_quorum {
                    card.confirm_open = true;
                } else {
                    vote_op(board, vote, VoteOp::Open);
                }
            }
            if card.confirm_open && no_quorum {
                ask_to_open_without_quorum(ui, board, card, vote);
            }
            if let Err(problem) = ready {
                let why = match problem {
                    OpenProblem::NeedsProposal => tr.t("votes-open-needs-proposal"),
                    OpenProblem::NeedsAlternatives => tr.t("votes-open-needs-alternatives"),
                };
                ui.label(board.theme.caption(why));
            }
        }
        VoteStatus::Open => {
            if ui
                .button(RichText::new(tr.t("votes-booth")).strong())
                .clicked()
            {
                *reach.booth = Some(vote.id);
            }
            if ui.button(tr.t("votes-close")).clicked() {
                vote_op(
                    board,
                    vote,
                    VoteOp::Close {
                        at: chrono::Utc::now(),
                    },
                );
            }
            if reach.phones.room_open {
                let shown = reach.phones.shown == Some(vote.id);
                let button = egui::Button::new(tr.t("votes-show-on-phones")).selected(shown);
                if ui
                    .add(button)
                    .on_hover_text(tr.t("votes-show-on-phones-hint"))
                    .clicked()
                {
                    reach.phones.shown = (!shown).then_some(vote.id);
                }
            }
        }
        VoteStatus::Closed => {
            if ui.button(tr.t("votes-new-round")).clicked() {
                card.round = None;
                vote_op(board, vote, VoteOp::NewRound);
            }
        }
    });
    if vote.status == VoteStatus::Open {
        timer_buttons(ui, board, vote);
    }
}

/// "3 secret ballots wait for their batch" under the counts, while the document holds some back
/// (they are sealed five at a time, or all at the close, and are in no count until then).
fn held_note(ui: &mut Ui, board: &Board<'_>, reach: &Reach<'_>, vote: &Vote) {
    let Some(&held) = reach.held.get(&vote.id).filter(|held| **held > 0) else {
        return;
    };
    let held = i64::try_from(held).unwrap_or(i64::MAX);
    ui.label(board.theme.caption(board.tr.n("votes-held", held)));
}

/// The minutes a facilitator can time an open vote for.
const TIMER_MINUTES: [i64; 4] = [1, 2, 3, 5];

/// An open vote's timer: time left (the vote closes by itself at the end), or a choice of
/// minutes to start one; "+1 min" and "Stop timer" while it runs.
fn timer_buttons(ui: &mut Ui, board: &mut Board<'_>, vote: &Vote) {
    let tr = board.tr;
    let now = chrono::Utc::now();
    let deadline = vote.rounds.last().and_then(|round| round.deadline);
    ui.horizontal_wrapped(|ui| {
        ui.label(board.theme.caption(tr.t("votes-timer")));
        match deadline {
            Some(deadline) => {
                let left = time_left(deadline, now);
                ui.label(
                    RichText::new(tr.args("votes-time-left", &[("time", left.into())])).strong(),
                );
                if ui.button(tr.t("votes-timer-add")).clicked() {
                    let later = deadline.max(now) + chrono::Duration::minutes(1);
                    vote_op(
                        board,
                        vote,
                        VoteOp::SetDeadline {
                            deadline: Some(later),
                        },
                    );
                }
                if ui.button(tr.t("votes-timer-stop")).clicked() {
                    vote_op(board, vote, VoteOp::SetDeadline { deadline: None });
                }
                // The countdown moves once a second.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
            None => {
                for minutes in TIMER_MINUTES {
                    let text = tr.args("votes-timer-minutes", &[("count", minutes.into())]);
                    if ui.button(text).clicked() {
                        let at = now + chrono::Duration::minutes(minutes);
                        vote_op(board, vote, VoteOp::SetDeadline { deadline: Some(at) });
                    }
                }
            }
        }
    });
}

/// Time left until `deadline` as "m:ss", whole seconds rounded up ("0:00" once it is up).
pub fn time_left(
    deadline: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let millis = (deadline - now).num_milliseconds().max(0);
    let seconds = (millis + 999) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "Not voted yet: …" for an open vote where the room may know (never a secret one).
fn not_voted_yet(ui: &mut Ui, board: &Board<'_>, vote: &Vote) {
    let Some(left) = vote.not_voted_yet(&board.session.participants) else {
        return;
    };
    if left.is_empty() || left.len() == board.session.electorate() {
        return;
    }
    let names: Vec<&str> = left.iter().map(|p| p.name.as_str()).collect();
    let text = board.tr.args(
        "votes-not-voted",
        &[("names", widgets::names_list(board.tr, &names, 12).into())],
    );
    ui.label(board.theme.caption(text));
}

/// "N of M participants have voted".
fn turnout(board: &Board<'_>, round: &VoteRound) -> String {
    let voted = i64::try_from(round.voters.len()).unwrap_or(i64::MAX);
    let total = i64::try_from(board.session.electorate()).unwrap_or(i64::MAX);
    board.tr.args(
        "votes-turnout",
        &[("voted", voted.into()), ("total", total.into())],
    )
}

/// The options hands can be raised for, with their names.
fn hand_options(board: &Board<'_>, hands: &[HandOption]) -> Vec<(HandOption, String)> {
    hands
        .iter()
        .map(|option| {
            let name = match option {
                HandOption::Consent(choice) => choice.name(board.tr),
                HandOption::Alternative(id) => title(board.session, *id),
            };
            (*option, name)
        })
        .collect()
}

/// An alternative's title (its id if it is gone).
fn title(session: &Session, id: AlternativeId) -> String {
    session
        .alternative(id)
        .map_or_else(|| id.to_string(), |a| a.title.clone())
}

/// The show-of-hands form: a count per option, for the whole room or one group.
fn hands_form(
    ui: &mut Ui,
    board: &mut Board<'_>,
    card: &mut CardState,
    vote: &Vote,
    round: &VoteRound,
    hands: &[HandOption],
) {
    let tr = board.tr;
    let theme = board.theme;
    ui.label(RichText::new(tr.t("votes-hands")).strong());
    let proxies = board.session.quorum_count().by_proxy;
    if proxies > 0 {
        // A holder's hand counts once for themselves and once per proxy they hold.
        ui.label(
            RichText::new(tr.n("votes-hands-proxies", i64::from(proxies))).color(theme.warning()),
        );
    }
    let options = hand_options(board, hands);
    ui.horizontal_wrapped(|ui| {
        if !board.session.stakeholder_groups.is_empty() {
            let mut groups = vec![(None, tr.t("votes-whole-room"))];
            groups.extend(
                board
                    .session
                    .stakeholder_groups
                    .iter()
                    .map(|g| (Some(g.id), g.name.clone())),
            );
            if let Some(group) = choice_picker(
                ui,
                board,
                Id::unique(("vote-hands-group", vote.id)),
                &tr.t("votes-hands-group"),
                &card.hand_group,
                &groups,
            ) {
                card.hand_group = group;
            }
            ui.add_space(8.0);
        }
        for (option, name) in &options {
            ui.vertical(|ui| {
                let caption = ui.label(theme.caption(name));
                let text = card.hands.entry(*option).or_default();
                ui.add(
                    egui::TextEdit::singleline(text)
                        .id(Id::unique(("vote-hand", vote.id, *option)))
                        .desired_width(70.0),
                )
                .labelled_by(caption.id);
            });
        }
        ui.vertical(|ui| {
            ui.label(theme.caption(" "));
            if ui.button(tr.t("votes-hands-record")).clicked() {
                let mut counts = Vec::new();
                let mut invalid = false;
                for (option, _) in &options {
                    let text = card.hands.get(option).map_or("", |t| t.trim());
                    if text.is_empty() {
                        continue;
                    }
                    match text.parse::<u32>() {
                        Ok(count) => counts.push((*option, count)),
                        Err(_) => invalid = true,
                    }
                }
                card.hands_invalid = invalid;
                if !invalid && !counts.is_empty() {
                    let op = VoteOp::RecordHands {
                        round: round.number,
                        group: card.hand_group,
                        counts: counts.into_iter().map(|(o, c)| (o, Some(c))).collect(),
                    };
                    vote_op(board, vote, op);
                    card.hands.clear();
                }
            }
        });
    });
    if card.hands_invalid {
        ui.label(RichText::new(tr.t("votes-hands-invalid")).color(theme.error()));
    }
    if !round.hands.is_empty() {
        let recorded = i64::try_from(round.hands.len()).unwrap_or(i64::MAX);
        ui.label(theme.caption(tr.n("votes-hands-recorded", recorded)));
    }
}

/// The paper-ballot import: a typed path, or a file picked in the shell's dialog. The shell
/// reads the file and reports back through [`State::import_finished`].
fn import_form(ui: &mut Ui, board: &mut Board<'_>, card: &mut CardState, vote: &Vote) {
    let tr = board.tr;
    let theme = board.theme;
    ui.label(RichText::new(tr.t("votes-import")).strong());
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label(theme.caption(tr.t("votes-import-file")));
        ui.add(
            egui::TextEdit::singleline(&mut card.path)
                .id(Id::unique(("vote-import-path", vote.id)))
                .hint_text(tr.t("votes-import-hint"))
                .desired_width(420.0),
        )
        .labelled_by(caption.id);
        let typed = !card.path.trim().is_empty();
        if ui
            .add_enabled(typed, egui::Button::new(tr.t("votes-import-button")))
            .clicked()
        {
            let path = PathBuf::from(card.path.trim());
            board.ask_shell(ShellRequest::ImportBallots {
                vote: vote.id,
                path: Some(path),
            });
        }
        if ui.button(tr.t("votes-import-choose")).clicked() {
            board.ask_shell(ShellRequest::ImportBallots {
                vote: vote.id,
                path: None,
            });
        }
    });
    match &card.import {
        Some(ImportReport::Refused(error)) => {
            ui.label(RichText::new(error).color(theme.error()));
        }
        Some(ImportReport::Added(added)) => {
            let added = i64::try_from(*added).unwrap_or(i64::MAX);
            ui.label(theme.caption(tr.n("votes-imported", added)));
        }
        None => {}
    }
}

/// Why a paper-ballot file was refused, in words: the file, the line where known, the reason.
pub fn import_refusal(tr: &Tr, path: &Path, failure: &ImportFailure) -> String {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    match failure {
        ImportFailure::Method => tr.t("votes-import-no-format"),
        ImportFailure::File { line, error } => {
            let reason = stratboard_core::i18n::errors::import_error(tr, error);
            let mut args: Vec<(&'static str, FluentValue<'static>)> =
                vec![("file", file.into()), ("reason", reason.into())];
            let key = match line {
                Some(line) => {
                    args.push(("line", i64::try_from(*line).unwrap_or(0).into()));
                    "votes-import-refused-line"
                }
                None => "votes-import-refused",
            };
            tr.args(key, &args)
        }
    }
}

/// The numbers a bar chart and the group breakdown show: one per column.
struct Columns {
    /// Column names.
    names: Vec<String>,
    /// What the numbers are.
    caption: &'static str,
}

/// The columns of a result: consent choices, or the alternatives.
fn columns(board: &Board<'_>, vote: &Vote) -> Columns {
    if let VoteMethod::Consent { allow_block } = vote.method {
        let names = ConsentChoice::offered(allow_block)
            .into_iter()
            .map(|choice| choice.name(board.tr))
            .collect();
        return Columns {
            names,
            caption: "votes-chart-consent",
        };
    }
    let caption = stratboard_core::i18n::labels::chart_caption_key(
        stratboard_core::voting::ChartMeasure::of(&vote.method),
    );
    Columns {
        names: vote
            .alternatives
            .iter()
            .map(|id| title(board.session, *id))
            .collect(),
        caption,
    }
}

/// Names joined for a sentence.
fn names(session: &Session, ids: &[AlternativeId]) -> String {
    ids.iter()
        .map(|id| title(session, *id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The results of one round.
fn results(ui: &mut Ui, board: &mut Board<'_>, vote: &Vote, index: usize, round: &VoteRound) {
    let tr = board.tr;
    let theme = board.theme;
    let key = ("votes-tally", vote.id, round.number);
    let tally = match widgets::memo(ui, key, board.revision, || count_round(vote, round)) {
        Ok(tally) => tally,
        Err(error) => {
            ui.label(
                RichText::new(tr.with(
                    "votes-cannot-count",
                    "reason",
                    &stratboard_core::i18n::errors::tally_error(tr, &error),
                ))
                .color(theme.error()),
            );
            return;
        }
    };
    ui.label(theme.card_title(tr.t("votes-results")));
    let counted = i64::try_from(tally.ballots).unwrap_or(i64::MAX);
    ui.label(theme.caption(tr.n("votes-counted", counted)));
    if tally.ignored > 0 {
        let ignored = i64::try_from(tally.ignored).unwrap_or(i64::MAX);
        ui.label(RichText::new(tr.n("votes-ignored", ignored)).color(theme.warning()));
    }

    if let Some(consent) = &tally.consent {
        ui.horizontal_wrapped(|ui| {
            let mut parts = vec![
                (ConsentChoice::For, consent.for_),
                (ConsentChoice::Against, consent.against),
                (ConsentChoice::Abstain, consent.abstain),
            ];
            if matches!(vote.method, VoteMethod::Consent { allow_block: true }) {
                parts.push((ConsentChoice::Block, consent.block));
            }
            for (choice, count) in parts {
                let text = tr.args(
                    "votes-consent-count",
                    &[
                        ("choice", choice.name(board.tr).into()),
                        ("count", i64::try_from(count).unwrap_or(i64::MAX).into()),
                    ],
                );
                ui.label(RichText::new(text).size(super::theme::CARD_TITLE_SIZE));
                ui.add_space(12.0);
            }
        });
        if let Some(quorum) = vote.quorum {
            let key = if consent.quorum_reached {
                "votes-quorum-reached"
            } else {
                "votes-quorum-missed"
            };
            ui.label(tr.n(key, i64::from(quorum)));
        }
        let threshold_key = if consent.threshold_met {
            "votes-threshold-met"
        } else {
            "votes-threshold-missed"
        };
        ui.label(tr.t(threshold_key));
        let blocked =
            consent.block > 0 && matches!(vote.method, VoteMethod::Consent { allow_block: true });
        let (verdict, colour) = if consent.passed {
            (tr.t("votes-verdict-passed"), theme.accent())
        } else if blocked {
            (tr.t("votes-verdict-blocked"), theme.error())
        } else {
            (tr.t("votes-verdict-failed"), theme.error())
        };
        ui.label(
            RichText::new(verdict)
                .color(colour)
                .strong()
                .size(super::theme::CARD_TITLE_SIZE),
        );
    } else {
        winners(ui, board, vote, index, round, &tally);
        if let Some(quorum) = vote.quorum {
            let key = if tally.ballots >= u64::from(quorum) {
                "votes-quorum-reached"
            } else {
                "votes-quorum-missed"
            };
            ui.label(tr.n(key, i64::from(quorum)));
        }
        ranking(ui, board, &tally);
        details(ui, board, vote, &tally);
    }

    let cols = columns(board, vote);
    let vals = stratboard_core::voting::chart_values(vote, &tally);
    chart(ui, board, vote, index, &cols, &vals);
    breakdown(ui, board, vote, round, &cols);
}

/// The winner line, a tie and its break by lot.
fn winners(
    ui: &mut Ui,
    board: &mut Board<'_>,
    vote: &Vote,
    index: usize,
    round: &VoteRound,
    tally: &Tally,
) {
    let tr = board.tr;
    let theme = board.theme;
    let session = board.session;
    let big = |text: String| {
        RichText::new(text)
            .strong()
            .size(super::theme::CARD_TITLE_SIZE)
    };
    match tally.winners.as_slice() {
        [] => {
            ui.label(big(tr.t("votes-no-winner")).color(theme.warning()));
        }
        [one] => {
            ui.label(
                big(tr.with("votes-winner", "name", &title(session, *one))).color(theme.accent()),
            );
        }
        tied => {
            let among = names(session, tied);
            match stratboard_core::voting::recorded_tie_break(round, tally) {
                Some(tie) => {
                    ui.label(
                        big(tr.with("votes-won-by-lot", "name", &title(session, tie.winner)))
                            .color(theme.accent()),
                    );
                    ui.label(theme.caption(tr.with("votes-tie-was", "names", &among)));
                }
                None => {
                    ui.label(big(tr.with("votes-tie", "names", &among)).color(theme.warning()));
                    let closed =
                        vote.status == VoteStatus::Closed && index + 1 == vote.rounds.len();
                    if closed && ui.button(tr.t("votes-break-tie")).clicked() {
                        let op = VoteOp::BreakTie {
                            round: round.number,
                            seed: ballot::lot(),
                            note: tr.args(
                                "votes-tie-note",
                                &[("date", board.tr.date(board.today).into())],
                            ),
                        };
                        vote_op(board, vote, op);
                    }
                }
            }
        }
    }
}

/// The full ranking, with "=" for ties.
fn ranking(ui: &mut Ui, board: &Board<'_>, tally: &Tally) {
    let tr = board.tr;
    ui.add_space(4.0);
    ui.label(board.theme.caption(tr.t("votes-ranking")));
    let mut place = 1;
    for group in &tally.ranking {
        let tie = group.len() > 1;
        for id in group {
            let mark = if tie {
                format!("{place}=")
            } else {
                format!("{place}.")
            };
            ui.label(format!("{mark}  {}", title(board.session, *id)));
        }
        place += group.len();
    }
}

/// The numbers behind a result: totals, IRV counts, the pairwise matrix, medians.
fn details(ui: &mut Ui, board: &Board<'_>, vote: &Vote, tally: &Tally) {
    let tr = board.tr;
    let theme = board.theme;
    let session = board.session;
    if !tally.scores.is_empty() {
        ui.add_space(4.0);
        ui.label(theme.caption(tr.t("votes-totals")));
        egui::Grid::new(("vote-totals", vote.id))
            .striped(true)
            .show(ui, |ui| {
                for (id, points) in &tally.scores {
                    ui.label(title(session, *id));
                    ui.label(RichText::new(points.to_string()).strong());
                    ui.end_row();
                }
            });
    }
    if let VoteMethod::MajorityJudgment { grades } = &vote.method
        && !tally.medians.is_empty()
    {
        ui.add_space(4.0);
        ui.label(theme.caption(tr.t("votes-medians")));
        egui::Grid::new(("vote-medians", vote.id))
            .striped(true)
            .show(ui, |ui| {
                for (id, median) in &tally.medians {
                    ui.label(title(session, *id));
                    ui.label(
                        RichText::new(grades.get(*median).cloned().unwrap_or_default()).strong(),
                    );
                    ui.end_row();
                }
            });
    }
    for (i, count) in tally.rounds.iter().enumerate() {
        if i == 0 {
            ui.add_space(4.0);
            ui.label(theme.caption(tr.t("votes-irv-rounds")));
        }
        let votes = count
            .votes
            .iter()
            .map(|(id, n)| format!("{} — {n}", title(session, *id)))
            .collect::<Vec<_>>()
            .join(",  ");
        let mut line = format!(
            "{}: {votes}",
            tr.args("votes-irv-count", &[("number", ((i + 1) as i64).into())])
        );
        if count.exhausted > 0 {
            let exhausted = i64::try_from(count.exhausted).unwrap_or(i64::MAX);
            line.push_str(&format!("; {}", tr.n("votes-irv-exhausted", exhausted)));
        }
        if !count.eliminated.is_empty() {
            let out = names(session, &count.eliminated);
            line.push_str(&format!(
                "; {}",
                tr.with("votes-irv-eliminated", "names", &out)
            ));
        }
        ui.label(line);
    }
    if let Some(pairwise) = &tally.pairwise {
        ui.add_space(4.0);
        ui.label(theme.caption(tr.t("votes-pairwise")));
        egui::Grid::new(("vote-pairwise", vote.id))
            .striped(true)
            .show(ui, |ui| {
                ui.label("");
                for id in &pairwise.alternatives {
                    ui.label(theme.caption(widgets::shorten(&title(session, *id), 18)));
                }
                ui.end_row();
                for (i, id) in pairwise.alternatives.iter().enumerate() {
                    ui.label(widgets::shorten(&title(session, *id), 28));
                    for j in 0..pairwise.alternatives.len() {
                        if i == j {
                            ui.label(RichText::new("—").color(theme.weak_text()));
                        } else {
                            let wins = pairwise
                                .wins
                                .get(i)
                                .and_then(|r| r.get(j))
                                .copied()
                                .unwrap_or(0);
                            ui.label(wins.to_string());
                        }
                    }
                    ui.end_row();
                }
            });
        ui.label(theme.caption(tr.t("votes-pairwise-hint")));
    }
}

/// The bar chart of a result.
fn chart(ui: &mut Ui, board: &Board<'_>, vote: &Vote, index: usize, cols: &Columns, vals: &[f64]) {
    let tr = board.tr;
    let theme = board.theme;
    if vals.is_empty() {
        return;
    }
    ui.add_space(6.0);
    let caption = tr.t(cols.caption);
    ui.label(theme.caption(&caption));
    let bars: Vec<egui_plot::Bar> = vals
        .iter()
        .enumerate()
        .map(|(i, v)| {
            egui_plot::Bar::new(i as f64, *v)
                .name(cols.names.get(i).cloned().unwrap_or_default())
                .fill(theme.accent())
                .width(0.6)
        })
        .collect();
    let names = cols.names.clone();
    let described = cols
        .names
        .iter()
        .zip(vals)
        .map(|(n, v)| format!("{n} — {}", stratboard_core::voting::number_text(*v)))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!("{}: {described}", tr.t("votes-chart"));
    let response = egui_plot::Plot::new(("vote-chart", vote.id, index))
        .height(180.0)
        .width((ui.available_width() - 20.0).min(120.0 * vals.len() as f32 + 120.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names
                    .get(i as usize)
                    .map(|n| widgets::shorten(n, 16))
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(egui_plot::BarChart::new(caption.clone(), bars));
        })
        .response;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
}

/// The results per stakeholder group (where voters are known) with optional group weights.
/// One row of the per-group breakdown: group name, ballots, weight, values per alternative.
type GroupRow = (String, u64, Option<u32>, Vec<f64>);

/// The per-group breakdown: rows, weighted totals, and whether any group has a weight.
/// `None` when voters are unknown (secret ballots without grouped hand counts).
fn breakdown_table(
    board: &Board<'_>,
    vote: &Vote,
    round: &VoteRound,
    columns: usize,
) -> Option<(Vec<GroupRow>, Vec<f64>, bool)> {
    let tr = board.tr;
    let session = board.session;
    let groups: HashMap<stratboard_core::model::ParticipantId, GroupId> = session
        .participants
        .iter()
        .filter_map(|p| p.group.map(|g| (p.id, g)))
        .collect();
    let group_of =
        |ballot: &Ballot| -> Option<GroupId> { ballot.voter.and_then(|p| groups.get(&p).copied()) };
    let known_ballots = round.ballots.iter().any(|b| group_of(b).is_some());
    let grouped_hands = round.hands.iter().any(|h| h.group.is_some());
    if vote.anonymity == Anonymity::Secret && !grouped_hands {
        return None;
    }
    if !known_ballots && !grouped_hands {
        return None;
    }
    // Ballots by group, in one pass.
    let mut by_group: HashMap<Option<GroupId>, Vec<Ballot>> = HashMap::new();
    if vote.anonymity != Anonymity::Secret {
        for ballot in &round.ballots {
            by_group
                .entry(group_of(ballot))
                .or_default()
                .push(ballot.clone());
        }
    }
    for hand in &round.hands {
        if let Some(ballot) = hand_ballot(&vote.method, hand) {
            by_group.entry(hand.group).or_default().push(ballot);
        }
    }
    // Rows: each group with ballots or hands, then the rest (no group / whole room).
    let mut rows: Vec<(Option<GroupId>, String, Option<u32>)> = session
        .stakeholder_groups
        .iter()
        .filter(|g| by_group.contains_key(&Some(g.id)))
        .map(|g| (Some(g.id), g.name.clone(), g.vote_weight))
        .collect();
    rows.push((None, tr.t("votes-group-rest"), None));
    let weighted = rows.iter().any(|(_, _, w)| w.is_some());
    let mut totals = vec![0.0; columns];
    let mut table: Vec<GroupRow> = Vec::new();
    for (group, name, weight) in rows {
        let Some(ballots) = by_group.get(&group) else {
            continue;
        };
        let Ok(tally) = count_ballots(vote, ballots) else {
            continue;
        };
        let vals = stratboard_core::voting::chart_values(vote, &tally);
        let w = f64::from(weight.unwrap_or(1));
        for (total, v) in totals.iter_mut().zip(&vals) {
            *total += w * v;
        }
        table.push((name, tally.ballots, weight, vals));
    }
    Some((table, totals, weighted))
}

fn breakdown(ui: &mut Ui, board: &Board<'_>, vote: &Vote, round: &VoteRound, cols: &Columns) {
    let tr = board.tr;
    let theme = board.theme;
    let key = ("votes-breakdown", vote.id, round.number);
    let computed = widgets::memo(ui, key, board.revision, || {
        breakdown_table(board, vote, round, cols.names.len())
    });
    let Some((table, totals, weighted)) = computed else {
        return;
    };
    if table.is_empty() {
        return;
    }
    ui.add_space(6.0);
    // A long table (a session with dozens of groups) starts folded: laid out, it would cost
    // every frame while the card is on screen.
    egui::CollapsingHeader::new(theme.caption(tr.t("votes-by-group")))
        .id_salt(("vote-groups-fold", vote.id, round.number))
        .default_open(table.len() <= BREAKDOWN_OPEN_ROWS)
        .show(ui, |ui| {
            breakdown_grid(ui, board, vote, round, cols, (&table, &totals, weighted))
        });
}

/// Groups shown unfolded by default in the per-group breakdown.
const BREAKDOWN_OPEN_ROWS: usize = 12;

/// The per-group breakdown as a table.
fn breakdown_grid(
    ui: &mut Ui,
    board: &Board<'_>,
    vote: &Vote,
    round: &VoteRound,
    cols: &Columns,
    (table, totals, weighted): (&[GroupRow], &[f64], bool),
) {
    let tr = board.tr;
    let theme = board.theme;
    let spacing = egui::vec2(18.0, 4.0);
    // Measuring the numbers' columns lays every cell out once more: it is done again only
    // when the session, the language or the width changes (not every frame).
    let key = egui::Id::unique(("vote-groups-names-width", vote.id, round.number));
    let measured_for = (board.revision, tr.language(), ui.available_width());
    let cached = ui
        .data(|d| d.get_temp::<(u64, stratboard_core::i18n::Language, f32, f32)>(key))
        .filter(|(revision, language, width, _)| (*revision, *language, *width) == measured_for)
        .map(|(.., names)| names);
    let names_width = cached.unwrap_or_else(|| {
        let columns = number_columns(board, cols, (table, totals, weighted));
        let names = names_column_width(ui, &columns, spacing.x);
        let (revision, language, width) = measured_for;
        ui.data_mut(|d| d.insert_temp(key, (revision, language, width, names)));
        names
    });
    // A group's name wraps at the width left beside the numbers: a long one must not make the
    // table (and so the card) wider than the window.
    let name_label = |ui: &mut Ui, text: egui::WidgetText| {
        let galley = text.into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            names_width,
            egui::TextStyle::Body,
        );
        ui.label(galley);
    };
    egui::Grid::new(("vote-groups", vote.id, round.number))
        .striped(true)
        .spacing(spacing)
        .show(ui, |ui| {
            ui.label(theme.caption(tr.t("votes-group")));
            ui.label(theme.caption(tr.t("votes-group-ballots")));
            if weighted {
                ui.label(theme.caption(tr.t("votes-weight")));
            }
            for name in &cols.names {
                ui.label(theme.caption(widgets::shorten(name, 18)));
            }
            ui.end_row();
            for (name, ballots, weight, vals) in table {
                name_label(ui, name.into());
                ui.label(ballots.to_string());
                if weighted {
                    ui.label(weight.unwrap_or(1).to_string());
                }
                for v in vals {
                    ui.label(stratboard_core::voting::number_text(*v));
                }
                ui.end_row();
            }
            if weighted {
                name_label(
                    ui,
                    RichText::new(tr.t("votes-weighted-total")).strong().into(),
                );
                ui.label("");
                ui.label("");
                for v in totals {
                    ui.label(RichText::new(stratboard_core::voting::number_text(*v)).strong());
                }
                ui.end_row();
            }
        });
}

/// The numbers' columns of the breakdown as they are drawn: header, then a cell per row (and
/// the totals).
fn number_columns(
    board: &Board<'_>,
    cols: &Columns,
    (table, totals, weighted): (&[GroupRow], &[f64], bool),
) -> Vec<(RichText, Vec<String>)> {
    let tr = board.tr;
    let theme = board.theme;
    let mut columns = vec![(
        theme.caption(tr.t("votes-group-ballots")),
        table
            .iter()
            .map(|row| row.1.to_string())
            .collect::<Vec<_>>(),
    )];
    if weighted {
        columns.push((
            theme.caption(tr.t("votes-weight")),
            table
                .iter()
                .map(|row| row.2.unwrap_or(1).to_string())
                .collect(),
        ));
    }
    for (c, name) in cols.names.iter().enumerate() {
        let cells = table
            .iter()
            .filter_map(|row| row.3.get(c))
            .chain(totals.get(c))
            .map(|v| stratboard_core::voting::number_text(*v))
            .collect();
        columns.push((theme.caption(widgets::shorten(name, 18)), cells));
    }
    columns
}

/// The narrowest the column of group names in the breakdown gets, however many numbers there
/// are beside it.
const MIN_NAMES_WIDTH: f32 = 120.0;

/// How wide the column of group names in the breakdown may be: what `ui` has left once the
/// `columns` of numbers (each its header and its cells, `spacing` apart) have theirs.
fn names_column_width(ui: &Ui, columns: &[(RichText, Vec<String>)], spacing: f32) -> f32 {
    let width = |text: egui::WidgetText| {
        text.into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
    };
    let numbers: f32 = columns
        .iter()
        .map(|(header, cells)| {
            let widest = cells
                .iter()
                .map(|cell| width(cell.as_str().into()))
                .fold(width(header.clone().into()), f32::max);
            widest.max(ui.spacing().interact_size.x) + spacing
        })
        .sum();
    (ui.available_width() - numbers).max(MIN_NAMES_WIDTH)
}

/// Asks for an operation on the vote (resolved against the session when it is applied).
fn vote_op(board: &mut Board<'_>, vote: &Vote, op: VoteOp) {
    board.push(Command::Vote { vote: vote.id, op });
}

#[cfg(test)]
mod tests {
    use super::*;
    use stratboard_core::model::HandCount;

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

    #[test]
    fn hands_become_ballots_of_the_method() {
        let hand = HandCount {
            option: HandOption::Consent(ConsentChoice::For),
            group: None,
            count: 9,
        };
        let ballot = hand_ballot(&VoteMethod::Consent { allow_block: false }, &hand);
        assert_eq!(ballot.map(|b| b.count), Some(9));
        assert!(hand_ballot(&VoteMethod::Plurality, &hand).is_none());
    }
}
