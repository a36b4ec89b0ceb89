//! The session document: everything the board shows and the protocol reports.

use serde::{Deserialize, Serialize};

use super::{
    ActionItem, AgendaItem, Alternative, Attendance, Decision, Finding, Goal, Language, Meta, Note,
    Participant, Position, SectionRecord, SessionId, StakeholderGroup, Vote,
};

/// The format version this build writes. Older versions are migrated on load; newer ones are
/// refused. Version 2 added the session's language (`meta.language`) and the speaking round
/// of an agenda item (`speakers`); version 3 a participant's contact (`contact`: e-mail or
/// phone, from a participant list); version 4 registration, proxies and the quorum
/// (`attendance`), a participant's right to vote (`voting`) and a closed round's recorded
/// attendance; version 5 a goal's target indicators, an action item's roadmap fields (start,
/// co-executor groups, expected result, indicators, progress, reports) and risks on decisions
/// and alternatives; version 6 a session's identity (`meta.id`), the plenary a section belongs
/// to (`meta.section`), and in a plenary the sections brought in (`sections`) with the
/// provenance of what came from them.
pub const CURRENT_FORMAT_VERSION: u32 = 6;

/// A strategic session: one document, one file.
///
/// Collections are kept in display order (the facilitator can reorder them); entities refer to
/// each other by typed id, never by index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Session {
    /// The file format version (see [`CURRENT_FORMAT_VERSION`]).
    pub format_version: u32,
    /// The next id to hand out; ids are never reused, even after a delete.
    pub next_id: u32,
    /// Title, organisation, format, dates, venue, facilitator, secretary, purpose.
    pub meta: Meta,
    /// The stakeholder groups.
    pub stakeholder_groups: Vec<StakeholderGroup>,
    /// The people at the table.
    pub participants: Vec<Participant>,
    /// The agenda in order.
    pub agenda: Vec<AgendaItem>,
    /// The goals (a tree through `Goal::parent`).
    pub goals: Vec<Goal>,
    /// The situation analysis.
    pub findings: Vec<Finding>,
    /// The strategic alternatives.
    pub alternatives: Vec<Alternative>,
    /// Groups' positions on alternatives.
    pub positions: Vec<Position>,
    /// The votes.
    pub votes: Vec<Vote>,
    /// The decisions.
    pub decisions: Vec<Decision>,
    /// The action items.
    pub actions: Vec<ActionItem>,
    /// Free notes.
    pub notes: Vec<Note>,
    /// Who is in the room: registration, proxies and the quorum rule (format 4; left out of
    /// the file while empty).
    #[serde(skip_serializing_if = "Attendance::is_empty")]
    pub attendance: Attendance,
    /// The sections whose results this plenary brought in, in order of their names (format 6;
    /// left out of the file while empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionRecord>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            format_version: CURRENT_FORMAT_VERSION,
            next_id: 1,
            meta: Meta::default(),
            stakeholder_groups: Vec::new(),
            participants: Vec::new(),
            agenda: Vec::new(),
            goals: Vec::new(),
            findings: Vec::new(),
            alternatives: Vec::new(),
            positions: Vec::new(),
            votes: Vec::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            notes: Vec::new(),
            attendance: Attendance::default(),
            sections: Vec::new(),
        }
    }
}

impl Session {
    /// An empty session with the given title, in the title's language (Russian when it has a
    /// Cyrillic letter); the window and `stratboard new` then set the language they were asked
    /// for.
    pub fn new(title: impl Into<String>) -> Self {
        let mut session = Self::default();
        session.meta.title = title.into();
        session.meta.language = Some(Language::of_text([session.meta.title.as_str()]));
        session.meta.id = SessionId::random();
        session
    }

    /// The session's language: as recorded, else guessed from its text (Cyrillic or not).
    pub fn language(&self) -> Language {
        self.meta.language.unwrap_or_else(|| self.guess_language())
    }

    /// The language of the session's text: its title, organisation, purpose and alternatives.
    pub fn guess_language(&self) -> Language {
        let meta = [
            self.meta.title.as_str(),
            self.meta.organisation.as_str(),
            self.meta.purpose.as_str(),
        ];
        Language::of_text(
            meta.into_iter()
                .chain(self.alternatives.iter().map(|a| a.title.as_str()))
                .chain(self.goals.iter().map(|g| g.title.as_str())),
        )
    }

    /// The open votes whose current round's time is up at `now`, with their deadline, in vote
    /// order. The owner of the session closes them ([`VoteOp::SetDeadline`] times a round).
    ///
    /// [`VoteOp::SetDeadline`]: crate::commands::VoteOp::SetDeadline
    pub fn votes_due(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Vec<(super::VoteId, chrono::DateTime<chrono::Utc>)> {
        self.votes
            .iter()
            .filter(|vote| vote.status == super::VoteStatus::Open)
            .filter_map(|vote| {
                let deadline = vote.rounds.last()?.deadline?;
                (deadline <= now).then_some((vote.id, deadline))
            })
            .collect()
    }

    /// Hands out a fresh raw id; the caller wraps it in the id type it needs.
    pub fn allocate_id(&mut self) -> u32 {
        self.repair_next_id();
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// The largest id any entity uses (0 when the session is empty).
    pub fn max_id(&self) -> u32 {
        let ids = self
            .stakeholder_groups
            .iter()
            .map(|g| g.id.0)
            .chain(self.participants.iter().map(|p| p.id.0))
            .chain(self.agenda.iter().map(|a| a.id.0))
            .chain(self.goals.iter().map(|g| g.id.0))
            .chain(self.findings.iter().map(|f| f.id.0))
            .chain(self.alternatives.iter().map(|a| a.id.0))
            .chain(self.positions.iter().map(|p| p.id.0))
            .chain(self.votes.iter().map(|v| v.id.0))
            .chain(self.decisions.iter().map(|d| d.id.0))
            .chain(self.actions.iter().map(|a| a.id.0))
            .chain(self.notes.iter().map(|n| n.id.0))
            .chain(self.indicators().map(|(_, i)| i.id.0));
        ids.max().unwrap_or(0)
    }

    /// Makes sure `next_id` is above every id in use (a hand-edited file may have forgotten it).
    pub fn repair_next_id(&mut self) {
        let floor = self.max_id().saturating_add(1);
        if self.next_id < floor {
            self.next_id = floor;
        }
    }
}

/// Looks an entity up by id in a slice of entities that carry an `id` field.
macro_rules! find_by_id {
    ($($fn_name:ident, $fn_mut:ident, $field:ident, $ty:ty, $id:ty;)*) => {
        impl Session {$(
            #[doc = concat!("The entity in `", stringify!($field), "` with this id.")]
            pub fn $fn_name(&self, id: $id) -> Option<&$ty> {
                self.$field.iter().find(|item| item.id == id)
            }

            #[doc = concat!("The entity in `", stringify!($field), "` with this id, to change it.")]
            pub fn $fn_mut(&mut self, id: $id) -> Option<&mut $ty> {
                self.$field.iter_mut().find(|item| item.id == id)
            }
        )*}
    };
}

find_by_id! {
    group, group_mut, stakeholder_groups, StakeholderGroup, super::GroupId;
    participant, participant_mut, participants, Participant, super::ParticipantId;
    agenda_item, agenda_item_mut, agenda, AgendaItem, super::AgendaItemId;
    goal, goal_mut, goals, Goal, super::GoalId;
    finding, finding_mut, findings, Finding, super::FindingId;
    alternative, alternative_mut, alternatives, Alternative, super::AlternativeId;
    position, position_mut, positions, Position, super::PositionId;
    vote, vote_mut, votes, Vote, super::VoteId;
    decision, decision_mut, decisions, Decision, super::DecisionId;
    action, action_mut, actions, ActionItem, super::ActionId;
    note, note_mut, notes, Note, super::NoteId;
}
