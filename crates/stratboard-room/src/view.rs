//! What phones see besides the ballots: the results a vote lets them see, counted by the owner
//! when it publishes (the room's copy keeps no ballots of closed votes), and the vote the
//! facilitator shows on phones.
//!
//! A vote's results are shown to phones exactly when the board shows them
//! ([`voting::results_visible`]): while it is open where its results are Live, and once it is
//! closed. The bars are the projector's ([`voting::chart_values`]), best first.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use stratboard_core::model::{ConsentChoice, Session, Vote, VoteId, VoteMethod, VoteStatus};
use stratboard_core::voting::{self, ChartMeasure};

/// The most closed votes whose results phones get, newest first.
pub const CLOSED_RESULTS_SHOWN: usize = 5;

/// One vote's result as a phone shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhoneResult {
    /// The vote.
    pub vote: u32,
    /// Its round.
    pub round: u32,
    /// Its question.
    pub question: String,
    /// Whether the vote is closed (else the result is live and may change).
    pub closed: bool,
    /// What the bars measure: `consent`, `votes`, `approvals`, `dots`, `score-sums`, `points`,
    /// `weighted-totals`, `median-grade`, `first-preferences`, `pairwise-wins`,
    /// `wins-minus-losses`.
    pub measure: &'static str,
    /// The ballots counted.
    pub ballots: u64,
    /// The bars, best first (consent: for, against, abstain, block).
    pub bars: Vec<Bar>,
    /// The winners' titles (several in a tie; none where there is no winner).
    pub winners: Vec<String>,
    /// Consent: whether the proposal passes.
    pub passed: Option<bool>,
}

/// One bar of a result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    /// The alternative's title, or the consent answer (`For`, `Against`, `Abstain`, `Block`;
    /// the page words it).
    pub label: String,
    /// The bar's length, in the measure's unit.
    pub value: f64,
    /// The value as shown: a number, or a grade's name.
    pub text: String,
}

/// What a cached result was counted from: a closed vote's result changes only with these.
type Counted = (VoteStatus, usize, usize, usize, bool);

/// The results phones may see, with closed votes' results kept until their vote changes.
#[derive(Debug, Default)]
pub struct Results {
    closed: BTreeMap<VoteId, (Counted, Arc<PhoneResult>)>,
}

impl Results {
    /// The results phones may see now in `session`: open Live votes in vote order, then up to
    /// [`CLOSED_RESULTS_SHOWN`] closed votes, the latest closed first. Live results are counted
    /// again each time; a closed vote's only when it changed.
    pub fn refresh(&mut self, session: &Session) -> Vec<Arc<PhoneResult>> {
        let mut live = Vec::new();
        let mut closed = Vec::new();
        for vote in session.votes.iter().filter(|v| voting::results_visible(v)) {
            match vote.status {
                VoteStatus::Open => live.extend(result_of(session, vote).map(Arc::new)),
                _ => closed.extend(
                    self.closed_result(session, vote)
                        .map(|r| (closed_at(vote), r)),
                ),
            }
        }
        self.closed.retain(|id, _| {
            session
                .vote(*id)
                .is_some_and(|v| v.status == VoteStatus::Closed)
        });
        closed.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        live.extend(
            closed
                .into_iter()
                .take(CLOSED_RESULTS_SHOWN)
                .map(|(_, result)| result),
        );
        live
    }

    fn closed_result(&mut self, session: &Session, vote: &Vote) -> Option<Arc<PhoneResult>> {
        let counted = counted_from(vote);
        if let Some((was, result)) = self.closed.get(&vote.id)
            && *was == counted
        {
            return Some(Arc::clone(result));
        }
        let result = Arc::new(result_of(session, vote)?);
        self.closed.insert(vote.id, (counted, Arc::clone(&result)));
        Some(result)
    }
}

fn counted_from(vote: &Vote) -> Counted {
    let last = vote.rounds.last();
    (
        vote.status,
        vote.rounds.len(),
        last.map_or(0, |r| r.ballots.len()),
        last.map_or(0, |r| r.hands.len()),
        last.is_some_and(|r| r.tie_break.is_some()),
    )
}

/// When the vote's current round was closed (a round closed before seals existed: never).
fn closed_at(vote: &Vote) -> Option<chrono::DateTime<chrono::Utc>> {
    vote.rounds.last()?.seal.as_ref().map(|seal| seal.closed_at)
}

/// Every `measure` a result can name (the phone page words each: a test checks).
pub const MEASURES: [&str; 11] = [
    "consent",
    "votes",
    "approvals",
    "dots",
    "score-sums",
    "points",
    "weighted-totals",
    "median-grade",
    "first-preferences",
    "pairwise-wins",
    "wins-minus-losses",
];

/// What the bars measure, by the method: the same words as the board's chart.
fn measure_code(method: &VoteMethod) -> &'static str {
    match (ChartMeasure::of(method), method) {
        (ChartMeasure::Consent, _) => "consent",
        (ChartMeasure::MedianGrade, _) => "median-grade",
        (ChartMeasure::FirstPreferences, _) => "first-preferences",
        (ChartMeasure::PairwiseWins, _) => "pairwise-wins",
        (ChartMeasure::WinsMinusLosses, _) => "wins-minus-losses",
        (ChartMeasure::Totals, VoteMethod::Approval) => "approvals",
        (ChartMeasure::Totals, VoteMethod::Dot { .. }) => "dots",
        (ChartMeasure::Totals, VoteMethod::Score { .. }) => "score-sums",
        (ChartMeasure::Totals, VoteMethod::Borda) => "points",
        (ChartMeasure::Totals, VoteMethod::Matrix { .. }) => "weighted-totals",
        (ChartMeasure::Totals, _) => "votes",
    }
}

/// The result of `vote`'s current round as phones show it; `None` where it cannot be counted
/// (no round, or settings that cannot work).
fn result_of(session: &Session, vote: &Vote) -> Option<PhoneResult> {
    let round = vote.rounds.last()?;
    let tally = voting::count_round(vote, round).ok()?;
    let values = voting::chart_values(vote, &tally);
    let title = |id| {
        session
            .alternative(id)
            .map(|a| a.title.clone())
            .unwrap_or_default()
    };
    let bars = match (&vote.method, &tally.consent) {
        (VoteMethod::Consent { allow_block }, Some(_)) => ConsentChoice::offered(*allow_block)
            .into_iter()
            .zip(values)
            .map(|(choice, value)| Bar {
                label: format!("{choice:?}"),
                value,
                text: voting::number_text(value),
            })
            .collect(),
        _ => alternative_bars(vote, &tally, &values, title),
    };
    let winner = tally.winners.iter().copied().map(title).collect();
    Some(PhoneResult {
        vote: vote.id.0,
        round: round.number,
        question: vote.question.clone(),
        closed: vote.status == VoteStatus::Closed,
        measure: measure_code(&vote.method),
        ballots: tally.ballots,
        bars,
        winners: winner,
        passed: tally.consent.as_ref().map(|c| c.passed),
    })
}

/// One bar per alternative, in the tally's ranking (best first), a grade worded by its name.
fn alternative_bars(
    vote: &Vote,
    tally: &voting::Tally,
    values: &[f64],
    title: impl Fn(stratboard_core::model::AlternativeId) -> String,
) -> Vec<Bar> {
    let grades = match &vote.method {
        VoteMethod::MajorityJudgment { grades } => Some(grades),
        _ => None,
    };
    let value_of = |id| {
        vote.alternatives
            .iter()
            .position(|a| *a == id)
            .and_then(|at| values.get(at).copied())
            .unwrap_or(0.0)
    };
    let mut order: Vec<_> = tally.ranking.iter().flatten().copied().collect();
    for id in &vote.alternatives {
        if !order.contains(id) {
            order.push(*id);
        }
    }
    order
        .into_iter()
        .filter(|id| vote.alternatives.contains(id))
        .map(|id| {
            let value = value_of(id);
            let text = match grades {
                // The median grade's bar is 1 + its index; 0: no grade.
                Some(grades) if value >= 1.0 => grades
                    .get(value as usize - 1)
                    .cloned()
                    .unwrap_or_else(|| voting::number_text(value)),
                _ => voting::number_text(value),
            };
            Bar {
                label: title(id),
                value,
                text,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use stratboard_core::model::{
        Alternative, AlternativeId, Ballot, Choice, ResultsVisibility, Seal, VoteRound,
    };

    fn session(visibility: ResultsVisibility, status: VoteStatus) -> Session {
        let mut session = Session::new("Results");
        for (id, title) in [(1, "Park"), (2, "School")] {
            session.alternatives.push(Alternative {
                id: AlternativeId(id),
                title: title.into(),
                ..Alternative::default()
            });
        }
        let ballot = |ids: Vec<u32>| Ballot {
            voter: None,
            choice: Choice::Approval(ids.into_iter().map(AlternativeId).collect()),
            count: 1,
        };
        let round = VoteRound {
            ballots: vec![ballot(vec![2]), ballot(vec![1, 2])],
            ..VoteRound::default()
        };
        session.votes.push(Vote {
            id: VoteId(10),
            question: "Which?".into(),
            alternatives: vec![AlternativeId(1), AlternativeId(2)],
            method: VoteMethod::Approval,
            visibility,
            status,
            rounds: vec![round],
            ..Vote::default()
        });
        session
    }

    #[test]
    fn every_method_measures_by_a_listed_measure() {
        let defaults = stratboard_core::model::MethodDefaults::default();
        for info in &stratboard_core::model::METHODS {
            let method = (info.new)(&defaults);
            assert!(MEASURES.contains(&measure_code(&method)), "{method:?}");
        }
    }

    #[test]
    fn live_results_show_while_open_best_first() {
        let shown = Results::default().refresh(&session(ResultsVisibility::Live, VoteStatus::Open));
        assert_eq!(shown.len(), 1);
        let result = &shown[0];
        assert!(!result.closed);
        assert_eq!(result.measure, "approvals");
        assert_eq!(result.ballots, 2);
        let bars: Vec<_> = result
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.text.as_str()))
            .collect();
        assert_eq!(bars, [("School", "2"), ("Park", "1")]);
        assert_eq!(result.winners, ["School"]);
    }

    #[test]
    fn results_after_close_show_only_once_closed() {
        let open = session(ResultsVisibility::AfterClose, VoteStatus::Open);
        assert!(Results::default().refresh(&open).is_empty());
        let mut closed = session(ResultsVisibility::AfterClose, VoteStatus::Closed);
        let mut results = Results::default();
        let first = results.refresh(&closed);
        assert_eq!(first.len(), 1);
        assert!(first[0].closed);
        // Counted once: the same result is handed out again.
        assert!(Arc::ptr_eq(&first[0], &results.refresh(&closed)[0]));
        // A ballot removed after closing is counted again.
        closed.votes[0].rounds[0].ballots.pop();
        let again = results.refresh(&closed);
        assert_eq!(again[0].ballots, 1);
    }

    #[test]
    fn the_latest_closed_votes_come_first_and_only_a_few() {
        let mut session = session(ResultsVisibility::AfterClose, VoteStatus::Closed);
        let template = session.votes[0].clone();
        session.votes.clear();
        for i in 0..7u32 {
            let mut vote = template.clone();
            vote.id = VoteId(100 + i);
            let at = chrono::DateTime::from_timestamp(1_800_000_000 + i64::from(i), 0)
                .unwrap_or_default();
            vote.rounds[0].seal = Some(Seal::of(&vote.rounds[0], at));
            session.votes.push(vote);
        }
        let shown = Results::default().refresh(&session);
        let ids: Vec<u32> = shown.iter().map(|r| r.vote).collect();
        assert_eq!(ids, [106, 105, 104, 103, 102]);
    }
}
