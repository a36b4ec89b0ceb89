//! Votes: what is asked, how it is counted, and the ballots cast in each round.
//!
//! This module only holds the data; counting lives in `crate::voting`.

use serde::{Deserialize, Serialize};

use super::{AlternativeId, GoalId, GroupId, ParticipantId, QuorumCount, Seal, VoteId};

/// How ballots are counted. Settings that belong to one method live in its variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteMethod {
    /// For / against / abstain on the question (optionally with a block), passed by the threshold.
    Consent {
        /// Whether a participant may block the decision outright.
        allow_block: bool,
    },
    /// One choice each; most votes wins.
    Plurality,
    /// Approve any number of alternatives; most approvals wins.
    Approval,
    /// Each participant spreads `dots` dots, at most `cap` on one alternative.
    Dot {
        /// Dots per participant.
        dots: u32,
        /// Most dots one alternative may get from one participant.
        cap: Option<u32>,
    },
    /// Score each alternative in `min..=max`; highest sum wins.
    Score {
        /// Lowest score (also what a blank counts as).
        min: i32,
        /// Highest score.
        max: i32,
    },
    /// Grade each alternative with a named grade (worst first); highest median grade wins.
    MajorityJudgment {
        /// The grade names from worst to best.
        grades: Vec<String>,
    },
    /// Ranked; n−1 … 0 points by position.
    Borda,
    /// Ranked; instant-runoff.
    Irv,
    /// Ranked; Schulze beatpath.
    Schulze,
    /// Ranked; Tideman's ranked pairs.
    RankedPairs,
    /// Ranked; pairwise wins minus losses.
    Copeland,
    /// Ranked; the alternative that beats every other pairwise, if any.
    Condorcet,
    /// Multi-criteria: each voter scores each alternative on each weighted goal.
    Matrix {
        /// The goals used as criteria, with their weights.
        criteria: Vec<Criterion>,
        /// Lowest score.
        min: i32,
        /// Highest score.
        max: i32,
    },
}

impl Default for VoteMethod {
    fn default() -> Self {
        Self::Consent { allow_block: false }
    }
}

/// A goal used as a criterion in a [`VoteMethod::Matrix`] vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// The goal.
    pub goal: GoalId,
    /// Its weight (relative).
    pub weight: u32,
}

/// Who can see who voted how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Anonymity {
    /// Names are kept and shown.
    #[default]
    Open,
    /// Names are kept in the file but never shown in the UI or exports.
    Anonymous,
    /// The file itself cannot link a voter to a choice.
    Secret,
}

/// When results may be seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResultsVisibility {
    /// As ballots come in.
    Live,
    /// Only once the vote is closed.
    #[default]
    AfterClose,
}

/// The share of votes cast that a consent vote needs to pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Threshold {
    /// More than half of the votes cast.
    #[default]
    SimpleMajority,
    /// At least two thirds of the votes cast.
    TwoThirds,
    /// At least this percentage of the votes cast.
    AtLeastPercent(u32),
    /// Every vote cast is "for".
    Unanimous,
}

/// Where a vote stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteStatus {
    /// Being prepared; no ballots yet.
    #[default]
    Draft,
    /// Ballots are being cast.
    Open,
    /// Counted; no more ballots.
    Closed,
}

/// A choice on a consent ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentChoice {
    /// За.
    For,
    /// Против.
    Against,
    /// Воздержался.
    Abstain,
    /// A principled objection that stops the decision.
    Block,
}

impl ConsentChoice {
    /// The choices a consent vote offers, in the order ballots, counts and charts show them:
    /// for, against, abstain, and block when blocks are allowed.
    pub fn offered(allow_block: bool) -> Vec<Self> {
        let mut choices = vec![Self::For, Self::Against, Self::Abstain];
        if allow_block {
            choices.push(Self::Block);
        }
        choices
    }
}

/// A score given to one alternative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// The alternative scored.
    pub alternative: AlternativeId,
    /// The score or grade index.
    pub value: i32,
}

/// Dots put on one alternative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dots {
    /// The alternative.
    pub alternative: AlternativeId,
    /// How many dots.
    pub dots: u32,
}

/// A score given to one alternative on one criterion of a matrix vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    /// The alternative.
    pub alternative: AlternativeId,
    /// The criterion (a goal).
    pub goal: GoalId,
    /// The score.
    pub value: i32,
}

/// What a ballot says; the kind must fit the vote's method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// For / against / abstain / block.
    Consent(ConsentChoice),
    /// Tie groups from best to worst; alternatives not listed tie below all listed ones.
    /// Plurality ballots are a ranking with one alternative.
    Ranking(Vec<Vec<AlternativeId>>),
    /// The approved alternatives.
    Approval(Vec<AlternativeId>),
    /// Scores or grades per alternative.
    Scores(Vec<Score>),
    /// Dots per alternative.
    Dots(Vec<Dots>),
    /// Scores per alternative and criterion.
    Matrix(Vec<CriterionScore>),
}

/// One ballot, or `count` identical ones (paper ballots imported together).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// Who cast it; always `None` in a secret vote and for imported paper ballots.
    #[serde(default)]
    pub voter: Option<ParticipantId>,
    /// How many identical ballots this stands for (at least 1).
    #[serde(default = "one")]
    pub count: u32,
    /// What the ballot says.
    pub choice: Choice,
}

fn one() -> u32 {
    1
}

/// What a show-of-hands count is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HandOption {
    /// A consent choice.
    Consent(ConsentChoice),
    /// An alternative.
    Alternative(AlternativeId),
}

/// Hands counted by the facilitator for one option, optionally within one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandCount {
    /// What the hands were raised for.
    pub option: HandOption,
    /// The group counted, or `None` for the whole room.
    #[serde(default)]
    pub group: Option<GroupId>,
    /// How many hands.
    pub count: u32,
}

/// A tie broken by lot, recorded as an explicit facilitator action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieBreak {
    /// The tied alternatives.
    pub among: Vec<AlternativeId>,
    /// The one drawn.
    pub winner: AlternativeId,
    /// How the lot was drawn, by whom.
    #[serde(default)]
    pub note: String,
}

/// One round of a vote; re-running a vote adds a round and keeps the earlier ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VoteRound {
    /// 1, 2, … in order.
    pub number: u32,
    /// The ballots. In a secret vote they carry no voter and are stored shuffled.
    pub ballots: Vec<Ballot>,
    /// Who has voted, kept apart from the ballots (sorted), so turnout is known in secret votes.
    pub voters: Vec<ParticipantId>,
    /// Show-of-hands counts typed in by the facilitator.
    pub hands: Vec<HandCount>,
    /// A tie broken by lot in this round.
    pub tie_break: Option<TieBreak>,
    /// The seal recorded when the round was last closed (see [`Seal`]); `None` while it is
    /// open, and in files written before seals existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
    /// Seals of earlier closes of this round, oldest first: reopening a closed round keeps its
    /// seal here, and closing it again seals it anew.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier_seals: Vec<Seal>,
    /// When the round closes by itself, if the facilitator timed it (the owner of the session
    /// closes it then: [`crate::model::Session::votes_due`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<chrono::DateTime<chrono::Utc>>,
    /// Who was present when the round was last closed: the voting members, how many were here
    /// and represented by proxy, and whether the session's quorum held (recorded only in a
    /// session where someone is registered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<QuorumCount>,
}

impl Default for VoteRound {
    fn default() -> Self {
        Self {
            number: 1,
            ballots: Vec::new(),
            voters: Vec::new(),
            hands: Vec::new(),
            tie_break: None,
            seal: None,
            earlier_seals: Vec::new(),
            deadline: None,
            attendance: None,
        }
    }
}

/// A vote on some of the session's alternatives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Vote {
    /// The vote's id.
    pub id: VoteId,
    /// The question put to the vote; never empty.
    pub question: String,
    /// The alternatives on the ballot (for consent: the one the question is about).
    pub alternatives: Vec<AlternativeId>,
    /// How ballots are counted.
    pub method: VoteMethod,
    /// Open, anonymous or secret.
    pub anonymity: Anonymity,
    /// Live or after close.
    pub visibility: ResultsVisibility,
    /// The fewest ballots for the result to count, if any.
    pub quorum: Option<u32>,
    /// The share needed to pass (consent).
    pub threshold: Threshold,
    /// Draft, open or closed.
    pub status: VoteStatus,
    /// The rounds, in order.
    pub rounds: Vec<VoteRound>,
}
