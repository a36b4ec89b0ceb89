//! What the session is: title, organisation, format, dates, venue and who runs it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ParticipantId, SectionOf, SessionId};

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

/// A language: of a session (its text, and the default of its protocol and phone page), and of
/// the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Русский.
    #[default]
    Russian,
    /// English.
    English,
}

impl Language {
    /// The language of a text by its letters: Russian when it has any Cyrillic letter, English
    /// otherwise (how the language of a file made before sessions recorded one is guessed).
    pub fn of_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let cyrillic = texts
            .into_iter()
            .flat_map(str::chars)
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        if cyrillic {
            Self::Russian
        } else {
            Self::English
        }
    }
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
    /// The session's language: its protocol and phone page default to it. `None` only in a
    /// file written before sessions recorded it (format 1); loading fills it in.
    pub language: Option<Language>,
    /// The session's stable identity (format 6): made when it is created; a file without one
    /// gets one derived from its bytes when loaded. Empty only in a session built in code.
    #[serde(skip_serializing_if = "SessionId::is_empty")]
    pub id: SessionId,
    /// The plenary this session is a section of (format 6; `None` for every other session).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionOf>,
}
