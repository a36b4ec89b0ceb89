//! The speaking round of a round table («круглый стол»): the order in which participants (or
//! stakeholder groups, one speaker each) take the floor during an agenda item, the time limit
//! of each turn, and who has spoken.
//!
//! The order lives on the agenda item ([`AgendaItem::speakers`]); the current speaker is the
//! first one still waiting, so there is no separate pointer to keep in step. Every change is an
//! update of the agenda item (undoable like any edit), built with the methods here. The
//! countdown of a turn is the presentation's business (`crate::timer`), never saved.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{AgendaItem, GroupId, ParticipantId, Session};

/// Who takes a turn: one participant, or a stakeholder group (its speaker is chosen in the room).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SpeakerWho {
    /// A participant.
    Participant(ParticipantId),
    /// A stakeholder group as a whole.
    Group(GroupId),
}

/// Where a turn stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TurnStatus {
    /// Not yet spoken (the first one waiting has the floor).
    #[default]
    Waiting,
    /// Has spoken.
    Spoke,
    /// Passed over (absent, declined).
    Skipped,
}

/// One turn of a speaking round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Speaker {
    /// Who speaks.
    pub who: SpeakerWho,
    /// The time limit of the turn in minutes (0 = no limit).
    pub minutes: u32,
    /// Waiting, spoke or skipped.
    pub status: TurnStatus,
    /// When the turn ended (local time of the room), once spoken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spoke_at: Option<NaiveDateTime>,
}

impl Default for Speaker {
    fn default() -> Self {
        Self {
            who: SpeakerWho::Group(GroupId(0)),
            minutes: DEFAULT_TURN_MINUTES,
            status: TurnStatus::Waiting,
            spoke_at: None,
        }
    }
}

/// The time limit a new turn gets.
pub const DEFAULT_TURN_MINUTES: u32 = 3;

/// The longest time limit of one turn, in minutes.
pub const MAX_TURN_MINUTES: u32 = 60;

impl Speaker {
    /// A waiting turn of `who` with the default time limit.
    pub fn new(who: SpeakerWho) -> Self {
        Self {
            who,
            ..Self::default()
        }
    }

    /// The stakeholder group the speaker speaks for: the group itself, or the participant's
    /// group (none when the participant has none, or is unknown).
    pub fn group(&self, session: &Session) -> Option<GroupId> {
        match self.who {
            SpeakerWho::Group(id) => Some(id),
            SpeakerWho::Participant(id) => session.participant(id).and_then(|p| p.group),
        }
    }

    /// The speaker's name as the board shows it ("#id" when the entity is gone).
    pub fn name(&self, session: &Session) -> String {
        match self.who {
            SpeakerWho::Participant(id) => session
                .participant(id)
                .map_or_else(|| format!("#{id}"), |p| p.name.clone()),
            SpeakerWho::Group(id) => session
                .group(id)
                .map_or_else(|| format!("#{id}"), |g| g.name.clone()),
        }
    }
}

impl AgendaItem {
    /// Whether the item has a speaking round.
    pub fn has_speakers(&self) -> bool {
        !self.speakers.is_empty()
    }

    /// The index of the speaker who has the floor: the first one still waiting.
    pub fn current_speaker(&self) -> Option<usize> {
        self.speakers
            .iter()
            .position(|s| s.status == TurnStatus::Waiting)
    }

    /// The index of the speaker after the current one (the second one waiting).
    pub fn next_speaker(&self) -> Option<usize> {
        let current = self.current_speaker()?;
        self.speakers
            .iter()
            .enumerate()
            .skip(current + 1)
            .find(|(_, s)| s.status == TurnStatus::Waiting)
            .map(|(i, _)| i)
    }

    /// The index of the turn that ended last before the current one (the last one spoken or
    /// skipped above it; the last of all when everyone has had a turn).
    pub fn previous_speaker(&self) -> Option<usize> {
        let end = self.current_speaker().unwrap_or(self.speakers.len());
        self.speakers[..end]
            .iter()
            .rposition(|s| s.status != TurnStatus::Waiting)
    }

    /// Whether every speaker has spoken or been skipped (and there was at least one).
    pub fn round_finished(&self) -> bool {
        self.has_speakers() && self.current_speaker().is_none()
    }

    /// This item with turn `index` ended as `status` (spoke at `at`, or skipped); `None` when
    /// there is no such turn.
    pub fn with_turn_ended(
        &self,
        index: usize,
        status: TurnStatus,
        at: Option<NaiveDateTime>,
    ) -> Option<AgendaItem> {
        let mut item = self.clone();
        let speaker = item.speakers.get_mut(index)?;
        speaker.status = status;
        speaker.spoke_at = if status == TurnStatus::Spoke {
            at
        } else {
            None
        };
        Some(item)
    }

    /// This item with turn `index` waiting again (given the floor back); `None` when there is no
    /// such turn.
    pub fn with_turn_reopened(&self, index: usize) -> Option<AgendaItem> {
        self.with_turn_ended(index, TurnStatus::Waiting, None)
    }

    /// The speakers who spoke, in the order they spoke (by time where known, else by the order).
    pub fn spoken(&self) -> Vec<&Speaker> {
        let mut spoken: Vec<(usize, &Speaker)> = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status == TurnStatus::Spoke)
            .collect();
        // A stable sort by time keeps the order for turns without a time (hand-written files).
        spoken.sort_by_key(|(i, s)| (s.spoke_at, *i));
        if spoken.iter().any(|(_, s)| s.spoke_at.is_none()) {
            spoken.sort_by_key(|(i, _)| *i);
        }
        spoken.into_iter().map(|(_, s)| s).collect()
    }
}

/// Interests with a key point added on a new line (the point trimmed; nothing added when it
/// is blank).
pub fn with_key_point(interests: &str, point: &str) -> String {
    let point = point.trim();
    let existing = interests.trim_end();
    match (existing.is_empty(), point.is_empty()) {
        (_, true) => interests.to_owned(),
        (true, false) => point.to_owned(),
        (false, false) => format!("{existing}\n{point}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(statuses: &[TurnStatus]) -> AgendaItem {
        AgendaItem {
            speakers: statuses
                .iter()
                .enumerate()
                .map(|(i, status)| Speaker {
                    who: SpeakerWho::Participant(ParticipantId(i as u32 + 1)),
                    status: *status,
                    ..Speaker::default()
                })
                .collect(),
            ..AgendaItem::default()
        }
    }

    #[test]
    fn the_first_waiting_speaker_has_the_floor() {
        use TurnStatus::*;
        let round = item(&[Spoke, Skipped, Waiting, Spoke, Waiting]);
        assert_eq!(round.current_speaker(), Some(2));
        assert_eq!(round.next_speaker(), Some(4));
        assert_eq!(round.previous_speaker(), Some(1));
        assert!(!round.round_finished());
        let done = item(&[Spoke, Skipped]);
        assert_eq!(done.current_speaker(), None);
        assert_eq!(done.next_speaker(), None);
        assert_eq!(done.previous_speaker(), Some(1));
        assert!(done.round_finished());
        let fresh = item(&[Waiting, Waiting]);
        assert_eq!(fresh.previous_speaker(), None);
        assert!(!AgendaItem::default().round_finished());
    }

    #[test]
    fn ending_and_reopening_a_turn() {
        use TurnStatus::*;
        let round = item(&[Waiting, Waiting]);
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).and_then(|d| d.and_hms_opt(11, 5, 0));
        let after = round.with_turn_ended(0, Spoke, at).expect("turn 0");
        assert_eq!(after.speakers[0].spoke_at, at);
        assert_eq!(after.current_speaker(), Some(1));
        let back = after.with_turn_reopened(0).expect("turn 0");
        assert_eq!(back, round);
        assert!(round.with_turn_ended(5, Spoke, at).is_none());
        let skipped = round.with_turn_ended(1, Skipped, at).expect("turn 1");
        assert_eq!(
            skipped.speakers[1].spoke_at, None,
            "a skipped turn has no time"
        );
    }

    #[test]
    fn key_points_go_on_new_lines() {
        assert_eq!(with_key_point("", "  Roads first "), "Roads first");
        assert_eq!(with_key_point("Schools.\n", "Roads"), "Schools.\nRoads");
        assert_eq!(with_key_point("Schools.", "   "), "Schools.");
    }
}
