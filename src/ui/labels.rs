//! The translation key of every choice in the model, so that menus and cards name them in the
//! user's language.

use crate::i18n::Tr;
use crate::model::{
    ActionStatus, AgendaKind, AgendaStatus, AlternativeStatus, Anonymity, BoardSection, Priority,
    Quadrant, SessionFormat, Stance, VoteStatus,
};

/// A model enum whose values have translated names.
pub trait Named: Copy {
    /// The translation key of this value.
    fn key(self) -> &'static str;

    /// The translated name.
    fn name(self, tr: &Tr) -> String {
        tr.t(self.key())
    }
}

macro_rules! named {
    ($ty:ty, $prefix:literal, [$($variant:ident),* $(,)?]) => {
        impl Named for $ty {
            fn key(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => concat!($prefix, stringify!($variant)),)*
                }
            }
        }
    };
}

named!(
    SessionFormat,
    "format-",
    [
        RoundTable,
        Brainstorm,
        BusinessGame,
        Training,
        DiscussionPlatform,
        Other
    ]
);
named!(
    AgendaKind,
    "agenda-kind-",
    [
        Opening,
        Presentation,
        Discussion,
        Brainstorm,
        GroupWork,
        BusinessGame,
        Training,
        Vote,
        Break,
        Summary
    ]
);
named!(
    AgendaStatus,
    "agenda-status-",
    [Planned, InProgress, Done, Skipped]
);
named!(Priority, "priority-", [High, Medium, Low]);
named!(
    Quadrant,
    "quadrant-",
    [Strength, Weakness, Opportunity, Threat]
);
named!(
    AlternativeStatus,
    "alternative-status-",
    [Proposed, Shortlisted, Adopted, Rejected, Postponed]
);
named!(
    Stance,
    "stance-",
    [
        StronglyFor,
        For,
        Neutral,
        Against,
        StronglyAgainst,
        Undecided
    ]
);
named!(
    ActionStatus,
    "action-status-",
    [Open, InProgress, Done, Cancelled]
);
named!(VoteStatus, "vote-status-", [Draft, Open, Closed]);
named!(Anonymity, "anonymity-", [Open, Anonymous, Secret]);

impl Named for BoardSection {
    fn key(self) -> &'static str {
        match self {
            BoardSection::Session => "section-session",
            BoardSection::Goals => "section-goals",
            BoardSection::SituationAnalysis => "section-situation",
            BoardSection::Stakeholders => "section-stakeholders",
            BoardSection::Alternatives => "section-alternatives",
            BoardSection::Positions => "section-positions",
            BoardSection::Votes => "section-votes",
            BoardSection::Decisions => "section-decisions",
            BoardSection::Notes => "section-notes",
        }
    }
}

/// The priorities in picker order.
pub const PRIORITIES: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
/// The agenda statuses in picker order.
pub const AGENDA_STATUSES: [AgendaStatus; 4] = [
    AgendaStatus::Planned,
    AgendaStatus::InProgress,
    AgendaStatus::Done,
    AgendaStatus::Skipped,
];
