//! How many ideas the room takes, so that one hostile phone (or a crowd of guest devices)
//! cannot bury the facilitator's list of alternatives.
//!
//! A participant (all their devices together, so joining again gives no fresh budget) sends at
//! most [`IDEAS_PER_MINUTE`] ideas a minute and [`IDEAS_IN_ALL`] while the room runs; a guest's
//! device [`GUEST_IDEAS_PER_MINUTE`] and [`GUEST_IDEAS_IN_ALL`]; all guests together
//! [`ROOM_GUEST_IDEAS_PER_MINUTE`] and [`ROOM_GUEST_IDEAS_IN_ALL`] (a guest may leave and join
//! again as a new device, so only the room-wide count bounds what guests send). An idea is
//! counted before it is sent to the owner and given back when it is not stored, so requests
//! sent at once cannot slip past the count. The counts live in memory: they start again when
//! the room is opened again.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use stratboard_core::model::ParticipantId;

use crate::keyed::Hash;

/// Ideas one participant may send per [`IDEA_WINDOW`].
pub const IDEAS_PER_MINUTE: u32 = 5;
/// Ideas one participant may send while the room runs.
pub const IDEAS_IN_ALL: u32 = 50;
/// Ideas one guest's device may send per [`IDEA_WINDOW`].
pub const GUEST_IDEAS_PER_MINUTE: u32 = 2;
/// Ideas one guest's device may send while the room runs.
pub const GUEST_IDEAS_IN_ALL: u32 = 10;
/// Ideas all guests together may send per [`IDEA_WINDOW`].
pub const ROOM_GUEST_IDEAS_PER_MINUTE: u32 = 120;
/// Ideas all guests together may send while the room runs.
pub const ROOM_GUEST_IDEAS_IN_ALL: u32 = 1000;
/// The window over which ideas are counted "per minute".
pub const IDEA_WINDOW: Duration = Duration::from_secs(60);

/// Who sends an idea, as the budget counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdeaSender {
    /// A participant: every device of theirs counts together.
    Participant(ParticipantId),
    /// A guest's device, by its token's keyed hash.
    Guest(Hash),
}

impl IdeaSender {
    /// The most this sender may send per window and in all.
    fn caps(self) -> (u32, u32) {
        match self {
            Self::Participant(_) => (IDEAS_PER_MINUTE, IDEAS_IN_ALL),
            Self::Guest(_) => (GUEST_IDEAS_PER_MINUTE, GUEST_IDEAS_IN_ALL),
        }
    }
}

/// One count: ideas in the current window and in all.
#[derive(Clone, Copy, Debug, Default)]
struct Count {
    window: Option<Instant>,
    recent: u32,
    total: u32,
}

impl Count {
    /// Starts a new window when the current one is over.
    fn roll(&mut self, now: Instant) {
        if self
            .window
            .is_none_or(|start| now.duration_since(start) >= IDEA_WINDOW)
        {
            self.window = Some(now);
            self.recent = 0;
        }
    }

    fn allows(&self, (per_window, in_all): (u32, u32)) -> bool {
        self.recent < per_window && self.total < in_all
    }

    fn add(&mut self) {
        self.recent += 1;
        self.total += 1;
    }

    fn take_back(&mut self) {
        self.recent = self.recent.saturating_sub(1);
        self.total = self.total.saturating_sub(1);
    }
}

/// The room's counts of ideas.
#[derive(Debug, Default)]
pub struct IdeaBudget {
    counts: Mutex<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    senders: HashMap<IdeaSender, Count>,
    guests: Count,
}

impl IdeaBudget {
    /// Counts one idea of `sender` at `now` if the budget allows it; `false`: too many.
    pub fn take(&self, sender: IdeaSender, now: Instant) -> bool {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let guest = matches!(sender, IdeaSender::Guest(_));
        if guest {
            counts.guests.roll(now);
            let room = (ROOM_GUEST_IDEAS_PER_MINUTE, ROOM_GUEST_IDEAS_IN_ALL);
            if !counts.guests.allows(room) {
                return false;
            }
        }
        let mut mine = counts.senders.get(&sender).copied().unwrap_or_default();
        mine.roll(now);
        if !mine.allows(sender.caps()) {
            return false;
        }
        mine.add();
        counts.senders.insert(sender, mine);
        if guest {
            counts.guests.add();
        }
        true
    }

    /// Gives back an idea counted by [`Self::take`] that was not stored.
    pub fn give_back(&self, sender: IdeaSender) {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(mine) = counts.senders.get_mut(&sender) {
            mine.take_back();
        }
        if matches!(sender, IdeaSender::Guest(_)) {
            counts.guests.take_back();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn guest(n: u8) -> IdeaSender {
        IdeaSender::Guest([n; 32])
    }

    #[test]
    fn a_participant_gets_five_a_minute_and_fifty_in_all() {
        let budget = IdeaBudget::default();
        let anna = IdeaSender::Participant(ParticipantId(1));
        let start = Instant::now();
        let mut sent = 0;
        for minute in 0..20 {
            let now = start + IDEA_WINDOW * minute;
            let in_minute = (0..10).filter(|_| budget.take(anna, now)).count();
            assert!(in_minute <= 5, "{in_minute} in minute {minute}");
            sent += in_minute;
        }
        assert_eq!(sent, 50);
        // Someone else is not held back by Anna.
        assert!(budget.take(IdeaSender::Participant(ParticipantId(2)), start));
    }

    #[test]
    fn an_idea_not_stored_is_given_back() {
        let budget = IdeaBudget::default();
        let now = Instant::now();
        assert!(budget.take(guest(1), now));
        assert!(budget.take(guest(1), now));
        assert!(!budget.take(guest(1), now), "a guest: two a minute");
        budget.give_back(guest(1));
        assert!(budget.take(guest(1), now));
    }

    #[test]
    fn many_guests_together_are_capped_too() {
        let budget = IdeaBudget::default();
        let now = Instant::now();
        let taken = (0..=u8::MAX)
            .flat_map(|n| [guest(n), guest(n)])
            .filter(|g| budget.take(*g, now))
            .count();
        assert_eq!(taken, ROOM_GUEST_IDEAS_PER_MINUTE as usize);
        let anna = IdeaSender::Participant(ParticipantId(1));
        assert!(budget.take(anna, now), "participants are not guests");
    }
}
