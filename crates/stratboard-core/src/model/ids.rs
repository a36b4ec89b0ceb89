//! Typed identifiers. Every entity of a session has its own id type, so a goal id can never be
//! passed where a participant id is expected. Ids are allocated by the session from one counter
//! and never reused, and they are written to files as plain numbers.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<u32> for $name {
            fn from(raw: u32) -> Self {
                Self(raw)
            }
        }
    )*};
}

typed_id! {
    /// Identifies a [`crate::model::StakeholderGroup`].
    GroupId,
    /// Identifies a [`crate::model::Participant`].
    ParticipantId,
    /// Identifies an [`crate::model::AgendaItem`].
    AgendaItemId,
    /// Identifies a [`crate::model::Goal`].
    GoalId,
    /// Identifies a [`crate::model::Finding`] of the situation analysis.
    FindingId,
    /// Identifies an [`crate::model::Alternative`].
    AlternativeId,
    /// Identifies a [`crate::model::Position`] (one group's stance on one alternative).
    PositionId,
    /// Identifies a [`crate::model::Vote`].
    VoteId,
    /// Identifies a [`crate::model::Decision`].
    DecisionId,
    /// Identifies an [`crate::model::ActionItem`].
    ActionId,
    /// Identifies a [`crate::model::Note`].
    NoteId,
    /// Identifies an [`crate::model::Indicator`] (a goal's target indicator).
    IndicatorId,
}
