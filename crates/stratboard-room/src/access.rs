//! Who may use the room: device tokens given for a participant code, and the limit on wrong
//! codes that makes guessing impractical.
//!
//! A token is 128 random bits (from the operating system), one per device that joined; it
//! lives only in memory, so restarting the room asks phones to join again. Wrong codes are
//! counted per client address and for the whole room: at most [`TRIES_PER_CLIENT`] per
//! client and [`TRIES_PER_ROOM`] in all per [`TRY_WINDOW`]; more get "too many tries". With
//! 23^8 ≈ 7.8 · 10^10 codes, a guesser at the room's limit (144,000 tries a day) needs about
//! 25 years on average to hit any one of 60 codes.
//!
//! Guests (when the facilitator lets them in) join without a code from the room's own
//! address; a guest device may send ideas and never votes. At most [`MAX_GUESTS`] guest
//! devices join a room.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use stratboard_core::commands::{Command, Item};
use stratboard_core::model::{
    Participant, ParticipantId, Session, normalise_code, participant_code,
};

/// Wrong codes one client may try per [`TRY_WINDOW`].
pub const TRIES_PER_CLIENT: u32 = 10;
/// Wrong codes the whole room accepts per [`TRY_WINDOW`].
pub const TRIES_PER_ROOM: u32 = 100;
/// The window over which wrong codes are counted.
pub const TRY_WINDOW: Duration = Duration::from_secs(60);
/// Guest devices one room lets in.
pub const MAX_GUESTS: usize = 500;

/// Who a device token stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// A participant of the session, who joined with their code.
    Participant(ParticipantId),
    /// A guest, who joined without a code: may send ideas, never votes.
    Guest,
}

/// Why a join was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRefusal {
    /// No participant has this code.
    WrongCode,
    /// Too many wrong codes lately; try later.
    TooManyTries,
    /// The operating system gave no randomness for a token.
    NoRandomness,
    /// The room does not let guests in.
    GuestsOff,
    /// The room has let in [`MAX_GUESTS`] guests already.
    TooManyGuests,
}

#[derive(Default)]
struct Tries {
    started: Option<Instant>,
    room: u32,
    clients: HashMap<IpAddr, u32>,
}

impl Tries {
    fn roll(&mut self, now: Instant) {
        let expired = self
            .started
            .is_none_or(|started| now.duration_since(started) >= TRY_WINDOW);
        if expired {
            *self = Self {
                started: Some(now),
                ..Self::default()
            };
        }
    }

    fn exhausted(&self, client: IpAddr) -> bool {
        self.room >= TRIES_PER_ROOM
            || self.clients.get(&client).copied().unwrap_or(0) >= TRIES_PER_CLIENT
    }
}

/// The room's devices and its count of wrong codes.
#[derive(Default)]
pub struct Access {
    tokens: Mutex<HashMap<String, Device>>,
    tries: Mutex<Tries>,
    guests_allowed: AtomicBool,
}

impl std::fmt::Debug for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Access").finish_non_exhaustive()
    }
}

impl Access {
    /// Joins with a typed `code` from `client`: a new device token for the participant whose
    /// code it is.
    pub fn join(
        &self,
        session: &Session,
        code: &str,
        client: IpAddr,
    ) -> Result<(String, ParticipantId), JoinRefusal> {
        let now = Instant::now();
        let mut tries = self.tries.lock().unwrap_or_else(PoisonError::into_inner);
        tries.roll(now);
        if tries.exhausted(client) {
            return Err(JoinRefusal::TooManyTries);
        }
        let found = normalise_code(code).and_then(|code| {
            session
                .participants
                .iter()
                .find(|p| p.code.as_deref() == Some(code.as_str()))
                .map(|p| p.id)
        });
        let Some(participant) = found else {
            tries.room += 1;
            *tries.clients.entry(client).or_insert(0) += 1;
            return Err(JoinRefusal::WrongCode);
        };
        drop(tries);
        let token = new_token().ok_or(JoinRefusal::NoRandomness)?;
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(token.clone(), Device::Participant(participant));
        Ok((token, participant))
    }

    /// Joins a guest (no code): a new guest token, when the room lets guests in.
    pub fn join_guest(&self) -> Result<String, JoinRefusal> {
        if !self.guests_allowed() {
            return Err(JoinRefusal::GuestsOff);
        }
        let token = new_token().ok_or(JoinRefusal::NoRandomness)?;
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        if tokens.values().filter(|d| **d == Device::Guest).count() >= MAX_GUESTS {
            return Err(JoinRefusal::TooManyGuests);
        }
        tokens.insert(token.clone(), Device::Guest);
        Ok(token)
    }

    /// Whether guests may join.
    pub fn guests_allowed(&self) -> bool {
        self.guests_allowed.load(Ordering::Relaxed)
    }

    /// Lets guests in, or stops letting new ones in (guests already in keep their ideas box).
    pub fn allow_guests(&self, allowed: bool) {
        self.guests_allowed.store(allowed, Ordering::Relaxed);
    }

    /// Who a token stands for.
    pub fn device(&self, token: &str) -> Option<Device> {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(token)
            .copied()
    }

    /// The participant a token belongs to (none for a guest).
    pub fn participant(&self, token: &str) -> Option<ParticipantId> {
        match self.device(token)? {
            Device::Participant(id) => Some(id),
            Device::Guest => None,
        }
    }

    /// The number of devices that joined (guests included).
    pub fn devices(&self) -> usize {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// The participants with at least one device in the room, in id order.
    pub fn participants_in(&self) -> Vec<ParticipantId> {
        let tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let mut ids: Vec<ParticipantId> = tokens
            .values()
            .filter_map(|d| match d {
                Device::Participant(id) => Some(*id),
                Device::Guest => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Forgets one device (its owner pressed Leave on it); returns whether it was known.
    pub fn forget(&self, token: &str) -> bool {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(token)
            .is_some()
    }

    /// Forgets every device of `participant`; returns how many there were.
    pub fn revoke(&self, participant: ParticipantId) -> usize {
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let before = tokens.len();
        tokens.retain(|_, owner| *owner != Device::Participant(participant));
        before - tokens.len()
    }
}

/// 128 random bits from the operating system, as 32 hex digits.
fn new_token() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The edit that gives every participant without a code a new one, unique in the session
/// (`None` when everyone has a code); an error when the system gives no randomness.
pub fn codes_for_everyone(session: &Session) -> Result<Option<Command>, NoRandomness> {
    let mut taken: Vec<String> = session
        .participants
        .iter()
        .filter_map(|p| p.code.clone())
        .collect();
    let mut updates = Vec::new();
    for person in session.participants.iter().filter(|p| p.code.is_none()) {
        let code = loop {
            let code = participant_code(code_bytes().ok_or(NoRandomness)?);
            if !taken.contains(&code) {
                break code;
            }
        };
        taken.push(code.clone());
        updates.push(Command::Update(Item::Participant(Participant {
            code: Some(code),
            ..person.clone()
        })));
    }
    Ok((!updates.is_empty()).then_some(Command::Batch(updates)))
}

/// The edit that gives `participant` a new code, unique in the session (a lost card or
/// phone: the old code stops working once the edit is applied); `None` for no such person.
pub fn new_code_for(
    session: &Session,
    participant: ParticipantId,
) -> Result<Option<Command>, NoRandomness> {
    let Some(person) = session.participants.iter().find(|p| p.id == participant) else {
        return Ok(None);
    };
    let code = loop {
        let code = participant_code(code_bytes().ok_or(NoRandomness)?);
        if session
            .participants
            .iter()
            .all(|p| p.code.as_deref() != Some(&code))
        {
            break code;
        }
    };
    Ok(Some(Command::Update(Item::Participant(Participant {
        code: Some(code),
        ..person.clone()
    }))))
}

/// The operating system gave no random bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoRandomness;

impl std::fmt::Display for NoRandomness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the system gave no randomness for participant codes")
    }
}

impl std::error::Error for NoRandomness {}

/// Random bytes from the operating system for participant codes, or `None`.
pub fn code_bytes() -> Option<[u8; stratboard_core::model::CODE_LENGTH]> {
    let mut bytes = [0u8; stratboard_core::model::CODE_LENGTH];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use stratboard_core::model::Participant;

    fn session() -> Session {
        let mut session = Session::new("Room");
        session.participants.push(Participant {
            id: ParticipantId(1),
            name: "Anna".into(),
            code: Some("ABCDEFGH".into()),
            ..Participant::default()
        });
        session
    }

    #[test]
    fn a_code_joins_in_any_case_and_a_wrong_one_does_not() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 2]);
        let (token, who) = access.join(&session(), "abcd-efgh", client).unwrap();
        assert_eq!(who, ParticipantId(1));
        assert_eq!(token.len(), 32);
        assert_eq!(access.participant(&token), Some(ParticipantId(1)));
        assert_eq!(
            access.join(&session(), "ABCDEFGX", client),
            Err(JoinRefusal::WrongCode)
        );
        assert_eq!(access.revoke(ParticipantId(1)), 1);
        assert_eq!(access.participant(&token), None);
    }

    #[test]
    fn a_code_typed_on_a_russian_keyboard_joins() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 3]);
        // А, В, С, Е and Н here are Cyrillic letters that look like the code's Latin ones.
        for typed in ["АВСD ЕFGН", "авсd-еfgн"] {
            let joined = access.join(&session(), typed, client);
            assert_eq!(joined.map(|(_, who)| who), Ok(ParticipantId(1)), "{typed}");
        }
        // A Cyrillic letter that looks like no letter of the code is not taken for one.
        assert_eq!(
            access.join(&session(), "ABCDEFGЖ", client),
            Err(JoinRefusal::WrongCode)
        );
    }

    #[test]
    fn a_new_code_differs_and_the_old_one_stops_joining() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 5]);
        let mut session = session();
        let Some(Command::Update(Item::Participant(renewed))) =
            new_code_for(&session, ParticipantId(1)).unwrap()
        else {
            panic!("an update of the participant")
        };
        let code = renewed.code.clone().unwrap();
        assert_ne!(code, "ABCDEFGH");
        session.participants[0] = renewed;
        assert_eq!(
            access.join(&session, "ABCDEFGH", client),
            Err(JoinRefusal::WrongCode)
        );
        assert!(access.join(&session, &code, client).is_ok());
        assert!(new_code_for(&session, ParticipantId(9)).unwrap().is_none());
    }

    #[test]
    fn guests_join_only_when_let_in_and_are_no_participant() {
        let access = Access::default();
        assert_eq!(access.join_guest(), Err(JoinRefusal::GuestsOff));
        access.allow_guests(true);
        let token = access.join_guest().unwrap();
        assert_eq!(access.device(&token), Some(Device::Guest));
        assert_eq!(access.participant(&token), None);
        assert_eq!(access.devices(), 1);
        assert!(access.participants_in().is_empty());
    }

    #[test]
    fn guessing_is_cut_off_per_client_and_then_even_the_right_code_waits() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 3]);
        for _ in 0..TRIES_PER_CLIENT {
            assert_eq!(
                access.join(&session(), "ZZZZZZZZ", client),
                Err(JoinRefusal::WrongCode)
            );
        }
        assert_eq!(
            access.join(&session(), "ABCDEFGH", client),
            Err(JoinRefusal::TooManyTries)
        );
        // Another phone in the room is not punished for it.
        let other = IpAddr::from([10, 0, 0, 4]);
        assert!(access.join(&session(), "ABCDEFGH", other).is_ok());
    }

    #[test]
    fn codes_go_to_everyone_without_one_and_keep_the_existing_ones() {
        let mut session = session();
        for id in 2..=40 {
            session.participants.push(Participant {
                id: ParticipantId(id),
                name: format!("P{id}"),
                ..Participant::default()
            });
        }
        let codes = codes_for_everyone(&session).unwrap().unwrap();
        session.apply(codes).unwrap();
        let mut all: Vec<String> = session
            .participants
            .iter()
            .map(|p| p.code.clone().unwrap())
            .collect();
        assert_eq!(all[0], "ABCDEFGH", "an existing code is kept");
        assert!(
            all.iter()
                .all(|c| normalise_code(c).as_deref() == Some(c.as_str()))
        );
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 40, "unique");
        assert_eq!(codes_for_everyone(&session).unwrap(), None);
    }
}
