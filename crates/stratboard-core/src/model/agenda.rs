//! The agenda (повестка): timeboxed items the facilitator walks through.

use serde::{Deserialize, Serialize};

use super::{AgendaItemId, Speaker, VoteId};

/// What happens during an agenda item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgendaKind {
    /// Opening words, goals of the day.
    Opening,
    /// A report or presentation.
    Presentation,
    /// An open discussion.
    #[default]
    Discussion,
    /// A brainstorm.
    Brainstorm,
    /// Work in small groups.
    GroupWork,
    /// A business game.
    BusinessGame,
    /// A training.
    Training,
    /// A vote.
    Vote,
    /// A break.
    Break,
    /// Summing up and decisions.
    Summary,
}

impl AgendaKind {
    /// Every kind, in the order a picker shows them.
    pub const ALL: [Self; 10] = [
        Self::Opening,
        Self::Presentation,
        Self::Discussion,
        Self::Brainstorm,
        Self::GroupWork,
        Self::BusinessGame,
        Self::Training,
        Self::Vote,
        Self::Break,
        Self::Summary,
    ];
}

/// Where an agenda item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgendaStatus {
    /// Not started.
    #[default]
    Planned,
    /// Running now.
    InProgress,
    /// Finished.
    Done,
    /// Dropped for lack of time or need.
    Skipped,
}

/// A section of the facilitator's board that an agenda item can bring up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoardSection {
    /// Session header and agenda.
    #[default]
    Session,
    /// The goal tree.
    Goals,
    /// Strengths, weaknesses, opportunities, threats.
    SituationAnalysis,
    /// Groups, participants and the influence/interest grid.
    Stakeholders,
    /// Registration at the door, proxies and the quorum.
    Attendance,
    /// Alternatives as cards.
    Alternatives,
    /// Groups × alternatives.
    Positions,
    /// Votes and their results.
    Votes,
    /// Decisions and their action items.
    Decisions,
    /// Free notes.
    Notes,
}

impl BoardSection {
    /// Every section, in board order.
    pub const ALL: [Self; 10] = [
        Self::Session,
        Self::Goals,
        Self::SituationAnalysis,
        Self::Stakeholders,
        Self::Attendance,
        Self::Alternatives,
        Self::Positions,
        Self::Votes,
        Self::Decisions,
        Self::Notes,
    ];
}

/// One item of the agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgendaItem {
    /// The item's id.
    pub id: AgendaItemId,
    /// What is discussed; never empty.
    pub title: String,
    /// Discussion, brainstorm, vote, …
    pub kind: AgendaKind,
    /// The timebox in minutes (0 = no timebox).
    pub planned_minutes: u32,
    /// Planned, running, done or skipped.
    pub status: AgendaStatus,
    /// The board section to show while this item runs.
    pub section: Option<BoardSection>,
    /// The vote held during this item.
    pub vote: Option<VoteId>,
    /// Who speaks, what to prepare.
    pub notes: String,
    /// The speaking round (round table): who takes the floor, in order, and for how long;
    /// empty when the item has none (and then not written to the file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
}
