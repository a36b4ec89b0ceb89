//! Decisions (РЕШИЛИ), the action items that carry them out, and free notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActionId, AgendaItemId, AlternativeId, DecisionId, NoteId, ParticipantId, VoteId};

/// A decision the session took.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    /// The decision's id.
    pub id: DecisionId,
    /// What was decided; never empty.
    pub statement: String,
    /// The alternatives it adopts, rejects or postpones.
    pub alternatives: Vec<AlternativeId>,
    /// The vote it rests on.
    pub vote: Option<VoteId>,
    /// Why.
    pub rationale: String,
    /// Who disagreed, and how.
    pub dissent: String,
    /// When it was taken.
    pub decided_on: Option<NaiveDate>,
}

/// Where an action item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Will not be done.
    Cancelled,
}

impl ActionStatus {
    /// Every status, in the order a picker shows them.
    pub const ALL: [Self; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Cancelled];

    /// Whether the item still needs work (so it is carried over to the next session).
    pub fn is_pending(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

/// Where a carried-over action item came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarriedOver {
    /// The title of the earlier session.
    pub session: String,
    /// The date of the earlier session.
    pub date: Option<NaiveDate>,
}

/// An action item (поручение): what, who, by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    /// The item's id.
    pub id: ActionId,
    /// What is to be done; never empty.
    pub what: String,
    /// Who answers for it (ответственный); each must be a participant.
    pub owners: Vec<ParticipantId>,
    /// The due date (срок).
    pub due: Option<NaiveDate>,
    /// Open, in progress, done or cancelled.
    pub status: ActionStatus,
    /// The decision it carries out.
    pub decision: Option<DecisionId>,
    /// Set when the item was carried over from an earlier session.
    pub carried_over: Option<CarriedOver>,
}

/// A free note taken during the session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Note {
    /// The note's id.
    pub id: NoteId,
    /// The note; never empty.
    pub text: String,
    /// The agenda item it was taken during.
    pub agenda_item: Option<AgendaItemId>,
}
