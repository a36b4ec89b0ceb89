//! Counting votes: every method the board offers, as pure functions over ballots.
//!
//! Input is an [`Election`]: the alternatives in ballot order, the ballots (the model's
//! [`Ballot`]s, each possibly standing for `count` identical ballots) and the method with its
//! settings. Output is a [`Tally`]: winners, the full ranking with ties, and the numbers behind
//! it. Ties are reported, never broken silently. Counting is exact: integer arithmetic (Borda
//! counts half-points as doubled integers), floating point only for display.
//!
//! Conventions (DESIGN §6): ranked ballots may be incomplete, unranked alternatives tie below
//! all ranked ones; Borda gives n−1 … 0 points by position, tied and unranked alternatives
//! share the average of the positions they occupy; Schulze and ranked pairs measure a defeat by
//! winning votes; IRV counts a ballot for its highest continuing alternative, a ballot whose
//! highest continuing rank is a tie counts for nobody that round, alternatives tied for last are
//! eliminated together, and if all remaining alternatives tie they all win; plurality from
//! ranked ballots ignores a ballot whose first place is a tie; Copeland is wins − losses;
//! Condorcet is the alternative that beats every other pairwise, else none; score sums scores
//! (a blank counts as the lowest); majority judgment takes the lower median and breaks ties by
//! the Balinski–Laraki majority value; consent passes by the threshold of votes cast, with
//! quorum. Ranked methods count at most [`MAX_RANKED_ALTERNATIVES`] (1,000) alternatives; more
//! is a [`Setting::TooManyAlternatives`] error, not an attempt at an n² matrix.
//!
//! No egui here.

mod cardinal;
mod consent;
pub mod import;

mod ranked;

use std::fmt;

use crate::model::{
    AlternativeId, Ballot, Choice, ConsentChoice, HandCount, HandOption, ResultsVisibility,
    TieBreak, Vote, VoteMethod, VoteRound, VoteStatus,
};

pub use consent::ConsentResult;
pub use ranked::{IrvRound, MAX_RANKED_ALTERNATIVES, Pairwise, RankedProfile, tally_ranked};

/// What is counted.
#[derive(Clone, Debug)]
pub struct Election<'a> {
    /// The alternatives on the ballot, in ballot order (results list ties in this order).
    pub alternatives: &'a [AlternativeId],
    /// The ballots.
    pub ballots: &'a [Ballot],
    /// How they are counted.
    pub method: &'a VoteMethod,
    /// Quorum (fewest ballots for a valid result), where it applies.
    pub quorum: Option<u32>,
    /// The consent threshold.
    pub threshold: crate::model::Threshold,
}

/// A number behind a result: exact, shown as a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Points {
    /// The value times `scale`.
    pub scaled: i64,
    /// 1 for whole numbers, 2 for Borda's half points, or the total weight for weighted means.
    pub scale: i64,
}

impl Points {
    /// A whole number.
    pub fn whole(value: i64) -> Self {
        Self {
            scaled: value,
            scale: 1,
        }
    }

    /// The value as a float, for display and JSON.
    pub fn as_f64(self) -> f64 {
        self.scaled as f64 / self.scale.max(1) as f64
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale <= 1 || self.scaled % self.scale == 0 {
            write!(f, "{}", self.scaled / self.scale.max(1))
        } else {
            write!(f, "{:.2}", self.as_f64())
        }
    }
}

/// The result of counting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The method's CLI name.
    pub method: &'static str,
    /// Ballots counted (identical ballots counted `count` times; invalid ones excluded).
    pub ballots: u64,
    /// Ballots that could not be counted for this method (wrong kind, invalid for the method's
    /// settings), so the numbers add up. A plurality ballot with a tie at the top is counted
    /// (in `ballots`) but gives no vote.
    pub ignored: u64,
    /// The winners: several when tied, none when there is no winner (Condorcet without a
    /// Condorcet winner, consent that does not pass, no ballots).
    pub winners: Vec<AlternativeId>,
    /// Every alternative, best first, in tie groups.
    pub ranking: Vec<Vec<AlternativeId>>,
    /// The totals behind the ranking (votes, points, approvals, dots, scores, weighted
    /// totals, Copeland scores), in ballot order, where the method has them.
    pub scores: Vec<(AlternativeId, Points)>,
    /// The pairwise matrix, for Condorcet methods.
    pub pairwise: Option<Pairwise>,
    /// The IRV rounds.
    pub rounds: Vec<IrvRound>,
    /// Majority judgment: each alternative's median grade (index into the grade names).
    pub medians: Vec<(AlternativeId, usize)>,
    /// Consent: for / against / abstain / block, quorum and threshold verdict.
    pub consent: Option<ConsentResult>,
}

/// Why a vote could not be counted at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    /// The method's settings cannot work (no grades, min ≥ max, zero dots…).
    #[error("the {method} method's settings cannot be used: {reason}")]
    BadSettings {
        /// The method.
        method: &'static str,
        /// What is wrong.
        reason: Setting,
    },
}

/// What is wrong with a method's settings (in English here; the board translates it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Setting {
    /// Dot voting with zero dots per participant.
    #[error("each participant needs at least one dot")]
    NoDots,
    /// Dot voting with a cap of zero dots per alternative.
    #[error("a cap of zero dots per alternative allows no vote")]
    ZeroCap,
    /// A score range whose lowest score is not below the highest.
    #[error("the lowest score ({min}) must be below the highest ({max})")]
    ScoreRange {
        /// The lowest score.
        min: i32,
        /// The highest score.
        max: i32,
    },
    /// Majority judgment with fewer than two grades.
    #[error("needs at least two grades, has {grades}")]
    TooFewGrades {
        /// How many grades there are.
        grades: usize,
    },
    /// More alternatives than a ranked method counts ([`MAX_RANKED_ALTERNATIVES`]).
    #[error("{count} alternatives; a ranked method counts at most 1,000")]
    TooManyAlternatives {
        /// How many there are.
        count: usize,
    },
    /// A decision matrix without criteria.
    #[error("there are no criteria")]
    NoCriteria,
    /// A goal used twice as a criterion.
    #[error("goal {goal} is a criterion twice")]
    CriterionTwice {
        /// The goal's id.
        goal: crate::model::GoalId,
    },
    /// Every criterion weighs zero.
    #[error("every criterion has weight zero")]
    ZeroWeights,
    /// A consent threshold above 100 %.
    #[error("a threshold of {percent}% of the votes cast can never be met")]
    ImpossibleThreshold {
        /// The percentage.
        percent: u32,
    },
}

/// Counts an election.
pub fn tally(election: &Election<'_>) -> Result<Tally, TallyError> {
    let ranked =
        import::BallotKind::for_method(election.method) == Some(import::BallotKind::Ranked);
    if ranked && election.alternatives.len() > MAX_RANKED_ALTERNATIVES {
        return Err(TallyError::BadSettings {
            method: election.method.cli_name(),
            reason: Setting::TooManyAlternatives {
                count: election.alternatives.len(),
            },
        });
    }
    match election.method {
        VoteMethod::Consent { allow_block } => consent::count(election, *allow_block),
        VoteMethod::Plurality => Ok(ranked::plurality(election)),
        VoteMethod::Borda => Ok(ranked::borda(election)),
        VoteMethod::Irv => Ok(ranked::irv(election)),
        VoteMethod::Schulze => Ok(ranked::schulze(election)),
        VoteMethod::RankedPairs => Ok(ranked::ranked_pairs(election)),
        VoteMethod::Copeland => Ok(ranked::copeland(election)),
        VoteMethod::Condorcet => Ok(ranked::condorcet(election)),
        VoteMethod::Approval => Ok(cardinal::approval(election)),
        VoteMethod::Dot { dots, cap } => cardinal::dot(election, *dots, *cap),
        VoteMethod::Score { min, max } => cardinal::score(election, *min, *max),
        VoteMethod::MajorityJudgment { grades } => {
            cardinal::majority_judgment(election, grades.len())
        }
        VoteMethod::Matrix { criteria, min, max } => {
            cardinal::matrix(election, criteria, *min, *max)
        }
    }
}

/// A show-of-hands count as `count` identical ballots: a consent choice, a plurality vote or an
/// approval of one alternative. Counts for other methods are not ballots (`None`).
pub fn hand_ballot(method: &VoteMethod, hand: &HandCount) -> Option<Ballot> {
    let choice = match (method, hand.option) {
        (VoteMethod::Consent { .. }, HandOption::Consent(choice)) => Choice::Consent(choice),
        (VoteMethod::Plurality, HandOption::Alternative(id)) => Choice::Ranking(vec![vec![id]]),
        (VoteMethod::Approval, HandOption::Alternative(id)) => Choice::Approval(vec![id]),
        _ => return None,
    };
    (hand.count > 0).then_some(Ballot {
        voter: None,
        count: hand.count,
        choice,
    })
}

/// Counts `ballots` by a vote's method and rules.
pub fn count_ballots(vote: &Vote, ballots: &[Ballot]) -> Result<Tally, TallyError> {
    tally(&Election {
        alternatives: &vote.alternatives,
        ballots,
        method: &vote.method,
        quorum: vote.quorum,
        threshold: vote.threshold,
    })
}

/// Counts one round of a vote: its ballots plus its show-of-hands counts.
pub fn count_round(vote: &Vote, round: &VoteRound) -> Result<Tally, TallyError> {
    let mut ballots = round.ballots.clone();
    ballots.extend(
        round
            .hands
            .iter()
            .filter_map(|hand| hand_ballot(&vote.method, hand)),
    );
    count_ballots(vote, &ballots)
}

/// Groups alternatives into a ranking by a key (higher is better), keeping ballot order
/// within a tie.
pub fn rank_by<K: Ord + Copy>(
    alternatives: &[AlternativeId],
    key: impl Fn(AlternativeId) -> K,
) -> Vec<Vec<AlternativeId>> {
    let mut sorted: Vec<(usize, AlternativeId, K)> = alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (i, *a, key(*a)))
        .collect();
    sorted.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
    let mut ranking: Vec<Vec<AlternativeId>> = Vec::new();
    let mut last: Option<K> = None;
    for (_, alternative, k) in sorted {
        match (ranking.last_mut(), last) {
            (Some(group), Some(previous)) if previous == k => group.push(alternative),
            _ => ranking.push(vec![alternative]),
        }
        last = Some(k);
    }
    ranking
}

impl Tally {
    /// An empty result for `method` over `alternatives` (all tied, no winner).
    pub fn empty(method: &'static str, alternatives: &[AlternativeId]) -> Self {
        Self {
            method,
            ballots: 0,
            ignored: 0,
            winners: Vec::new(),
            ranking: if alternatives.is_empty() {
                Vec::new()
            } else {
                vec![alternatives.to_vec()]
            },
            scores: Vec::new(),
            pairwise: None,
            rounds: Vec::new(),
            medians: Vec::new(),
            consent: None,
        }
    }
}

/// Whether the results of a vote may be seen now.
pub fn results_visible(vote: &Vote) -> bool {
    match vote.status {
        VoteStatus::Draft => false,
        VoteStatus::Open => vote.visibility == ResultsVisibility::Live,
        VoteStatus::Closed => true,
    }
}

/// What the bars of a results chart measure, by method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartMeasure {
    /// Consent: for / against / abstain (/ block).
    Consent,
    /// Votes, approvals, dots, score sums, Borda points, weighted matrix totals.
    Totals,
    /// Majority judgment: the median grade (1 = the lowest grade).
    MedianGrade,
    /// IRV: first preferences.
    FirstPreferences,
    /// Schulze, ranked pairs, Condorcet: pairwise wins.
    PairwiseWins,
    /// Copeland: pairwise wins minus losses (bars start at zero).
    WinsMinusLosses,
}

impl ChartMeasure {
    /// The measure for a method.
    pub fn of(method: &VoteMethod) -> Self {
        match method {
            VoteMethod::Consent { .. } => Self::Consent,
            VoteMethod::MajorityJudgment { .. } => Self::MedianGrade,
            VoteMethod::Irv => Self::FirstPreferences,
            VoteMethod::Schulze | VoteMethod::RankedPairs | VoteMethod::Condorcet => {
                Self::PairwiseWins
            }
            VoteMethod::Copeland => Self::WinsMinusLosses,
            VoteMethod::Plurality
            | VoteMethod::Approval
            | VoteMethod::Dot { .. }
            | VoteMethod::Score { .. }
            | VoteMethod::Borda
            | VoteMethod::Matrix { .. } => Self::Totals,
        }
    }
}

/// The bar lengths of a results chart, one per column: for / against / abstain (/ block) in a
/// consent vote, else one per alternative in ballot order, as [`ChartMeasure::of`] the method
/// says.
pub fn chart_values(vote: &Vote, tally: &Tally) -> Vec<f64> {
    if let (Some(consent), VoteMethod::Consent { allow_block }) = (&tally.consent, &vote.method) {
        return ConsentChoice::offered(*allow_block)
            .into_iter()
            .map(|choice| match choice {
                ConsentChoice::For => consent.for_,
                ConsentChoice::Against => consent.against,
                ConsentChoice::Abstain => consent.abstain,
                ConsentChoice::Block => consent.block,
            } as f64)
            .collect();
    }
    let measure = ChartMeasure::of(&vote.method);
    vote.alternatives
        .iter()
        .map(|id| match measure {
            ChartMeasure::MedianGrade => tally
                .medians
                .iter()
                .find(|(a, _)| a == id)
                .map_or(0.0, |(_, m)| (*m + 1) as f64),
            ChartMeasure::FirstPreferences => tally.rounds.first().map_or(0.0, |first| {
                first
                    .votes
                    .iter()
                    .find(|(a, _)| a == id)
                    .map_or(0.0, |(_, n)| *n as f64)
            }),
            ChartMeasure::Consent
            | ChartMeasure::Totals
            | ChartMeasure::PairwiseWins
            | ChartMeasure::WinsMinusLosses => tally
                .scores
                .iter()
                .find(|(a, _)| a == id)
                .map_or(0.0, |(_, p)| p.as_f64()),
        })
        .collect()
}

/// A result number as text: whole numbers without decimals, others with two.
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// The tie-break by lot recorded in `round` that decides `tally`'s tie, if there is one: it
/// must be among exactly the tied winners (a tie-break recorded for another tie — say, before
/// ballots were corrected — decides nothing).
pub fn recorded_tie_break<'a>(round: &'a VoteRound, tally: &Tally) -> Option<&'a TieBreak> {
    if tally.winners.len() < 2 {
        return None;
    }
    let mut tied = tally.winners.clone();
    tied.sort_unstable();
    round.tie_break.as_ref().filter(|tie| {
        let mut among = tie.among.clone();
        among.sort_unstable();
        among == tied && tied.contains(&tie.winner)
    })
}
