//! What a ballot asks, per voting method: the one table from a vote's method to the form a
//! voter fills in. The booth draws it, the phone page receives it as JSON and draws it; neither
//! knows the methods.

use serde::{Deserialize, Serialize};

use crate::model::{AlternativeId, ConsentChoice, GoalId, HandOption, Vote, VoteMethod};

/// What the ballot asks the voter to do; the interface words it (one hint per kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ask {
    /// Answer the question about one proposal: for, against, abstain (or block).
    Consent,
    /// Choose one alternative.
    ChooseOne,
    /// Approve any number of alternatives (at least one).
    Approve,
    /// Spread dots over the alternatives.
    SpreadDots,
    /// Give each alternative a score; higher is better.
    Score,
    /// Give each alternative one of the named grades.
    Grade,
    /// Rank the alternatives, best first.
    Rank,
    /// Score each alternative on each criterion.
    ScoreCriteria,
}

/// How the ballot is filled in, with its limits. Each kind makes one kind of
/// [`Choice`](crate::model::Choice), whatever the method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Input {
    /// One of `choices` (a `Choice::Consent`).
    Consent {
        /// The answers offered, in the order ballots show them.
        choices: Vec<ConsentChoice>,
    },
    /// Places `1..=places` given to the options, 1 the best (a `Choice::Ranking`); one place
    /// is a single choice. Options without a place are not ranked.
    Rank {
        /// How many places there are.
        places: u32,
    },
    /// At least `min` and at most `max` options approved (a `Choice::Approval`).
    Approve {
        /// The fewest approvals a ballot needs.
        min: u32,
        /// The most approvals a ballot may have.
        max: u32,
    },
    /// Up to `budget` dots spread over the options, at most `cap` on one (a `Choice::Dots`).
    Dots {
        /// Dots per voter.
        budget: u32,
        /// Most dots on one option, if limited.
        cap: Option<u32>,
    },
    /// A value in `min..=max` per option (a `Choice::Scores`).
    Scores {
        /// The lowest value.
        min: i32,
        /// The highest value.
        max: i32,
        /// The names of the values `min..=max`, worst first, where the method grades (empty:
        /// the values are numbers).
        grades: Vec<String>,
        /// Whether every option needs a value (otherwise a blank counts as `min`).
        every: bool,
    },
    /// A value in `min..=max` per option on each criterion (a `Choice::Matrix`); every cell
    /// needs one.
    Matrix {
        /// The criteria (goals), in the vote's order.
        criteria: Vec<GoalId>,
        /// The lowest value.
        min: i32,
        /// The highest value.
        max: i32,
    },
}

/// The ballot of one vote, as a voter fills it in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    /// What is asked.
    pub ask: Ask,
    /// The alternatives on the ballot, in the vote's order (for consent: the proposal).
    pub options: Vec<AlternativeId>,
    /// How it is filled in, with the limits.
    pub input: Input,
    /// Whether several options may share a place (ranked ballots).
    pub ties: bool,
}

impl Form {
    /// The ballot form of `vote`, by its method and settings.
    pub fn of(vote: &Vote) -> Self {
        let count = u32::try_from(vote.alternatives.len()).unwrap_or(u32::MAX);
        let (ask, input) = match &vote.method {
            VoteMethod::Consent { allow_block } => (
                Ask::Consent,
                Input::Consent {
                    choices: ConsentChoice::offered(*allow_block),
                },
            ),
            VoteMethod::Plurality => (Ask::ChooseOne, Input::Rank { places: 1 }),
            VoteMethod::Approval => (Ask::Approve, Input::Approve { min: 1, max: count }),
            VoteMethod::Dot { dots, cap } => (
                Ask::SpreadDots,
                Input::Dots {
                    budget: *dots,
                    cap: *cap,
                },
            ),
            VoteMethod::Score { min, max } => (
                Ask::Score,
                Input::Scores {
                    min: *min,
                    max: *max,
                    grades: Vec::new(),
                    every: false,
                },
            ),
            VoteMethod::MajorityJudgment { grades } => (
                Ask::Grade,
                Input::Scores {
                    min: 0,
                    max: i32::try_from(grades.len()).unwrap_or(i32::MAX) - 1,
                    grades: grades.clone(),
                    every: true,
                },
            ),
            VoteMethod::Borda
            | VoteMethod::Irv
            | VoteMethod::Schulze
            | VoteMethod::RankedPairs
            | VoteMethod::Copeland
            | VoteMethod::Condorcet => (Ask::Rank, Input::Rank { places: count }),
            VoteMethod::Matrix { criteria, min, max } => (
                Ask::ScoreCriteria,
                Input::Matrix {
                    criteria: criteria.iter().map(|c| c.goal).collect(),
                    min: *min,
                    max: *max,
                },
            ),
        };
        let ties = matches!(input, Input::Rank { places } if places > 1);
        Self {
            ask,
            options: vote.alternatives.clone(),
            input,
            ties,
        }
    }

    /// What hands can be raised for, where a show of hands can stand for ballots: one hand is
    /// one mark, so only a ballot of one mark qualifies (an answer, a single choice, an
    /// approval). Empty for the others (a ranking, dots, scores).
    pub fn hands(&self) -> Vec<HandOption> {
        match (&self.input, self.ask) {
            (Input::Consent { choices }, _) => {
                choices.iter().copied().map(HandOption::Consent).collect()
            }
            (_, Ask::ChooseOne | Ask::Approve) => self
                .options
                .iter()
                .copied()
                .map(HandOption::Alternative)
                .collect(),
            _ => Vec::new(),
        }
    }
}
