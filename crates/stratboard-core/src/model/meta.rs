//! What the session is: title, organisation, format, dates, venue and who runs it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// The kind of meeting, as the facilitator announces it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionFormat {
    /// Круглый стол: everyone at one table, positions side by side.
    #[default]
    RoundTable,
    /// Мозговой штурм: ideas first, judgement later.
    Brainstorm,
    /// Деловая игра: participants play roles in a simulated situation.
    BusinessGame,
    /// Тренинг: learning by doing.
    Training,
    /// Дискуссионная площадка: an open discussion platform.
    DiscussionPlatform,
    /// Anything else.
    Other,
}

impl SessionFormat {
    /// Every format, in the order a picker shows them.
    pub const ALL: [Self; 6] = [
        Self::RoundTable,
        Self::Brainstorm,
        Self::BusinessGame,
        Self::Training,
        Self::DiscussionPlatform,
        Self::Other,
    ];
}

/// The header of a session: everything the protocol's first lines need.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// The session's title; never empty.
    pub title: String,
    /// The organisation that holds the session.
    pub organisation: String,
    /// Round table, brainstorm, …
    pub format: SessionFormat,
    /// First day of the session.
    pub start: Option<NaiveDate>,
    /// Last day, when the session spans several days.
    pub end: Option<NaiveDate>,
    /// Where it takes place.
    pub venue: String,
    /// Who leads the session (ведущий); must be one of the participants.
    pub facilitator: Option<ParticipantId>,
    /// Who keeps the minutes (секретарь); must be one of the participants.
    pub secretary: Option<ParticipantId>,
    /// Why the session is held: the question it must answer.
    pub purpose: String,
}
