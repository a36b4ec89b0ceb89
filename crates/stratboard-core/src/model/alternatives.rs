//! Strategic alternatives and the stakeholder groups' positions on them.

use serde::{Deserialize, Serialize};

use super::{AlternativeId, GoalId, GroupId, ParticipantId, PositionId, Risk, SectionOrigin};

/// Where an alternative stands in the session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AlternativeStatus {
    /// Put on the table.
    #[default]
    Proposed,
    /// Kept for the final discussion or vote.
    Shortlisted,
    /// Chosen.
    Adopted,
    /// Turned down.
    Rejected,
    /// Judged premature; to come back to later.
    Postponed,
}

impl AlternativeStatus {
    /// Every status, in the order a picker shows them.
    pub const ALL: [Self; 5] = [
        Self::Proposed,
        Self::Shortlisted,
        Self::Adopted,
        Self::Rejected,
        Self::Postponed,
    ];
}

/// Who put an alternative forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Proposer {
    /// One participant.
    Participant(ParticipantId),
    /// A stakeholder group as a whole.
    Group(GroupId),
}

/// A strategic alternative or idea (альтернатива, идея).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Alternative {
    /// The alternative's id.
    pub id: AlternativeId,
    /// The alternative in a few words; never empty.
    pub title: String,
    /// What it means in practice.
    pub description: String,
    /// The goals it serves.
    pub goals: Vec<GoalId>,
    /// Who proposed it.
    pub proposer: Option<Proposer>,
    /// Arguments for.
    pub pros: Vec<String>,
    /// Arguments against.
    pub cons: Vec<String>,
    /// Proposed, shortlisted, adopted, rejected or postponed.
    pub status: AlternativeStatus,
    /// Entered privately (brainstorm) and not yet revealed to the room.
    pub hidden: bool,
    /// The risks of carrying it out, while it is discussed (format 5; left out when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// The sections it came from, in a plenary (format 6; left out when empty): one, or
    /// several once alternatives of different sections were combined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<SectionOrigin>,
}

/// A group's stance on an alternative.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Stance {
    /// Strongly for.
    StronglyFor,
    /// For.
    For,
    /// Neither for nor against.
    Neutral,
    /// Against.
    Against,
    /// Strongly against.
    StronglyAgainst,
    /// Has not made up its mind, or has not spoken yet.
    #[default]
    Undecided,
}

impl Stance {
    /// Every stance, from strongly for to undecided.
    pub const ALL: [Self; 6] = [
        Self::StronglyFor,
        Self::For,
        Self::Neutral,
        Self::Against,
        Self::StronglyAgainst,
        Self::Undecided,
    ];
}

/// One stakeholder group's position on one alternative, with the interests behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Position {
    /// The position's id.
    pub id: PositionId,
    /// Whose position.
    pub group: GroupId,
    /// On what.
    pub alternative: AlternativeId,
    /// For, against, …
    pub stance: Stance,
    /// The interests and arguments behind the stance.
    pub interests: String,
    /// The discussion round it was recorded in (1 = first); positions converge over rounds.
    pub round: u32,
}

impl Default for Position {
    fn default() -> Self {
        Self {
            id: PositionId(0),
            group: GroupId(0),
            alternative: AlternativeId(0),
            stance: Stance::Undecided,
            interests: String::new(),
            round: 1,
        }
    }
}
