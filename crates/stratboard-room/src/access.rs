//! Who may use the room: device tokens given for a participant code, and the limit on wrong
//! codes that makes guessing impractical.
//!
//! A token is 128 random bits (from the operating system), one per device that joined. The
//! room keeps only a keyed hash of it, in memory and, for a saved session, in the devices file
//! beside it ([`crate::devices`]), so a phone stays joined when the room restarts. A device
//! works while its participant keeps the code it joined with: a new code revokes it, and a
//! revoked device is told so ([`TokenRefusal::Revoked`]). Wrong codes are
//! counted per client address and for the whole room: at most [`TRIES_PER_CLIENT`] per
//! client per [`TRY_WINDOW`]; once the room's [`TRIES_PER_ROOM`] are used up in a window, an
//! address that tried a wrong code in it is refused too, while an address that has not may
//! still try (so one attacker spending the room's budget does not lock everyone out; each new
//! address then gets one wrong code a window). With 23^8 ≈ 7.8 · 10^10 codes, a guesser at
//! the room's limit (144,000 tries a day) needs about 25 years on average to hit any one of
//! 60 codes; with a whole /24 of addresses of its own (about 350 tries a minute) about 7.
//! A code keeps at most [`DEVICES_PER_CODE`] devices joined: a new join signs out the oldest.
//!
//! Guests (when the facilitator lets them in) join without a code from the room's own
//! address; a guest device may send ideas and never votes. At most [`MAX_GUESTS`] guest
//! devices join a room.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use stratboard_core::commands::{Command, Item};
use stratboard_core::model::{
    Participant, ParticipantId, Session, normalise_code, participant_code,
};

use crate::devices::{Known, Remembered, Table, Wake, code_tag};
use crate::keyed::Hash;

/// Wrong codes one client may try per [`TRY_WINDOW`].
pub const TRIES_PER_CLIENT: u32 = 10;
/// Wrong codes the whole room accepts per [`TRY_WINDOW`].
pub const TRIES_PER_ROOM: u32 = 100;
/// The window over which wrong codes are counted.
pub const TRY_WINDOW: Duration = Duration::from_secs(60);
/// Guest devices one room lets in.
pub const MAX_GUESTS: usize = 500;
/// Devices one participant's code keeps joined at once (a phone, a tablet, a spare): a join
/// past them signs out the oldest, whose token then gets 401 `not-joined` (as if it had
/// left). One code cannot mint an army of tokens.
pub const DEVICES_PER_CODE: usize = 3;

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

    /// Whether `client` may not try a code now: it has used its own tries, or the room's
    /// are used up and it is one of the addresses that tried wrong codes in this window. An
    /// address with no wrong code in the window may always try (a right code gets in while an
    /// attacker spends the room's budget); its first wrong one then counts it in.
    fn exhausted(&self, client: IpAddr) -> bool {
        let mine = self.clients.get(&client).copied().unwrap_or(0);
        mine >= TRIES_PER_CLIENT || (self.room >= TRIES_PER_ROOM && mine > 0)
    }
}

/// Why a device token is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenRefusal {
    /// No device has this token (never joined, or left).
    Unknown,
    /// The device was sent away: its participant was given a new code.
    Revoked,
}

/// A device a token was checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Who it stands for.
    pub device: Device,
    /// The keyed hash the room knows it by (what its remembered answers belong to).
    pub hash: Hash,
}

/// Where the devices are kept between runs: the file and the writer's wake-up.
struct Kept {
    path: PathBuf,
    wake: Sender<Wake>,
}

/// The room's devices and its count of wrong codes.
#[derive(Default)]
pub struct Access {
    table: Mutex<Table>,
    tries: Mutex<Tries>,
    guests_allowed: AtomicBool,
    kept: Option<Kept>,
}

impl std::fmt::Debug for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Access").finish_non_exhaustive()
    }
}

impl Access {
    /// The access of a room whose devices are kept in the devices file `path`
    /// ([`crate::devices`]), loaded now; `None`: in memory only. With a file, the receiver
    /// is for the writer ([`crate::devices::spawn_writer`]).
    pub fn open(path: Option<PathBuf>) -> (Self, Option<Receiver<Wake>>) {
        let Some(path) = path else {
            return (Self::default(), None);
        };
        let (table, writable) = crate::devices::open(&path);
        let (wake, wakes) = std::sync::mpsc::channel();
        let kept = writable.then_some(Kept { path, wake });
        let access = Self {
            table: Mutex::new(table),
            kept,
            ..Self::default()
        };
        let wakes = access.kept.is_some().then_some(wakes);
        (access, wakes)
    }

    /// The table, locked.
    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tells the writer the table changed.
    fn changed(&self) {
        if let Some(kept) = &self.kept {
            kept.wake.send(Wake::Changed).ok();
        }
    }

    /// Tells the writer to write what is left and end (the room stops).
    pub fn stop_keeping(&self) {
        if let Some(kept) = &self.kept {
            kept.wake.send(Wake::Stop).ok();
        }
    }

    /// Writes the devices file if the table changed since it was last written; a failure is
    /// warned about on stderr and tried again at the next write.
    pub fn save_devices(&self) {
        let Some(kept) = &self.kept else { return };
        let text = {
            let mut table = self.table();
            if !table.dirty {
                return;
            }
            table.dirty = false;
            table.to_text()
        };
        if let Err(error) = crate::devices::write(&kept.path, &text) {
            eprintln!(
                "stratboard: {}: {error}; devices are kept in memory until it can be written",
                kept.path.display()
            );
            self.table().dirty = true;
        }
    }

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
                .map(|p| (p.id, code))
        });
        let Some((participant, code)) = found else {
            tries.room += 1;
            *tries.clients.entry(client).or_insert(0) += 1;
            return Err(JoinRefusal::WrongCode);
        };
        drop(tries);
        let token = new_token().ok_or(JoinRefusal::NoRandomness)?;
        let known = Known {
            device: Device::Participant(participant),
            code: Some(code_tag(&token, &code)),
        };
        {
            let mut table = self.table();
            let hash = table.token_hash(&token);
            table.insert(hash, known);
            table.keep_newest(participant, DEVICES_PER_CODE);
        }
        self.changed();
        Ok((token, participant))
    }

    /// Joins a guest (no code): a new guest token, when the room lets guests in.
    pub fn join_guest(&self) -> Result<String, JoinRefusal> {
        if !self.guests_allowed() {
            return Err(JoinRefusal::GuestsOff);
        }
        let token = new_token().ok_or(JoinRefusal::NoRandomness)?;
        {
            let mut table = self.table();
            if table
                .devices()
                .filter(|k| k.device == Device::Guest)
                .count()
                >= MAX_GUESTS
            {
                return Err(JoinRefusal::TooManyGuests);
            }
            let hash = table.token_hash(&token);
            let known = Known {
                device: Device::Guest,
                code: None,
            };
            table.insert(hash, known);
        }
        self.changed();
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

    /// Who a token stands for, and the hash it is known by, checked against `session`: a
    /// participant's device works only while the participant has the code it joined with
    /// (another code, or none, revokes it).
    pub fn check(&self, token: &str, session: &Session) -> Result<Checked, TokenRefusal> {
        let mut table = self.table();
        let hash = table.token_hash(token);
        let Some(known) = table.get(&hash) else {
            return Err(if table.is_revoked(&hash) {
                TokenRefusal::Revoked
            } else {
                TokenRefusal::Unknown
            });
        };
        if let Device::Participant(id) = known.device {
            let current = session
                .participants
                .iter()
                .find(|p| p.id == id)
                .and_then(|p| p.code.as_deref())
                .map(|code| code_tag(token, code));
            if current.is_none() || current != known.code {
                table.revoke(hash);
                drop(table);
                self.changed();
                return Err(TokenRefusal::Revoked);
            }
        }
        Ok(Checked {
            device: known.device,
            hash,
        })
    }

    /// Who a token stands for (without checking the participant's code: see [`Self::check`]).
    pub fn device(&self, token: &str) -> Option<Device> {
        let table = self.table();
        table.get(&table.token_hash(token)).map(|k| k.device)
    }

    /// The keyed hash of a token the room knows (without checking the participant's code).
    pub fn known_hash(&self, token: &str) -> Option<Hash> {
        let table = self.table();
        let hash = table.token_hash(token);
        table.get(&hash).map(|_| hash)
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
        self.table().devices().count()
    }

    /// How many devices each participant has in the room, in id order (none: not listed).
    pub fn devices_per_participant(&self) -> Vec<(ParticipantId, usize)> {
        let mut counts: Vec<_> = self.table().per_participant().into_iter().collect();
        counts.sort();
        counts
    }

    /// The participants with at least one device in the room, in id order.
    pub fn participants_in(&self) -> Vec<ParticipantId> {
        let mut ids: Vec<ParticipantId> = self
            .table()
            .devices()
            .filter_map(|k| match k.device {
                Device::Participant(id) => Some(id),
                Device::Guest => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Forgets one device (its owner pressed Leave on it); returns whether it was known.
    pub fn forget(&self, token: &str) -> bool {
        let forgotten = {
            let mut table = self.table();
            let hash = table.token_hash(token);
            table.remove(&hash)
        };
        if forgotten {
            self.changed();
        }
        forgotten
    }

    /// Forgets every device of `participant`, remembering them as revoked (they are told
    /// so); returns how many there were.
    pub fn revoke(&self, participant: ParticipantId) -> usize {
        let revoked = self.table().revoke_participant(participant);
        if revoked > 0 {
            self.changed();
        }
        revoked
    }

    /// Where the answer to a ballot sent by the device `device` on `vote` with the
    /// idempotency key `key` is remembered — for the member `for_member` it was cast for by
    /// proxy, if it was: a proxy ballot's answer is never the holder's own ballot's.
    pub fn answer_slot(
        &self,
        device: &Hash,
        vote: u32,
        for_member: Option<ParticipantId>,
        key: &str,
    ) -> Hash {
        self.table().answer_slot(device, vote, for_member, key)
    }

    /// The answer remembered in `slot`: its status and body.
    pub fn remembered(&self, slot: &Hash) -> Option<(u16, String)> {
        self.table()
            .answer(slot)
            .map(|answer| (answer.status, answer.body.clone()))
    }

    /// Remembers the answer `status`, `body` given to `device` in `slot`.
    pub fn remember(&self, device: Hash, slot: Hash, status: u16, body: String) {
        self.table().remember(
            slot,
            Remembered {
                device,
                status,
                body,
            },
        );
        self.changed();
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

/// The bytes a code letter is made from: below 253 = 23 × 11, so that the letter
/// (`byte % 23`, [`participant_code`]) is every one of the 23 equally often. A byte of 253 or
/// more would make A, B and C slightly more likely: it is thrown away and another drawn.
pub const CODE_BYTE_BOUND: u8 = 253;

/// Random bytes from the operating system for participant codes, each below
/// [`CODE_BYTE_BOUND`] (rejection sampling: every letter equally likely), or `None`.
pub fn code_bytes() -> Option<[u8; stratboard_core::model::CODE_LENGTH]> {
    let mut bytes = [0u8; stratboard_core::model::CODE_LENGTH];
    let mut filled = 0;
    let mut pool = [0u8; 32];
    while filled < bytes.len() {
        getrandom::fill(&mut pool).ok()?;
        for byte in pool.into_iter().filter(|b| *b < CODE_BYTE_BOUND) {
            if let Some(slot) = bytes.get_mut(filled) {
                *slot = byte;
                filled += 1;
            }
        }
    }
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
    fn a_device_is_revoked_by_a_new_code_and_told_so() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 6]);
        let mut session = session();
        let (token, _) = access.join(&session, "ABCDEFGH", client).unwrap();
        let checked = access.check(&token, &session).unwrap();
        assert_eq!(checked.device, Device::Participant(ParticipantId(1)));
        assert_eq!(
            access.check("0123", &session),
            Err(TokenRefusal::Unknown),
            "never joined"
        );
        // The code changed by any edit (not only Room::revoke): the device is sent away.
        session.participants[0].code = Some("HGFEDCBA".into());
        assert_eq!(access.check(&token, &session), Err(TokenRefusal::Revoked));
        session.participants[0].code = Some("ABCDEFGH".into());
        assert_eq!(
            access.check(&token, &session),
            Err(TokenRefusal::Revoked),
            "revoked for good, even when the old code comes back"
        );
        let (again, _) = access.join(&session, "ABCDEFGH", client).unwrap();
        assert_eq!(access.revoke(ParticipantId(1)), 1);
        assert_eq!(access.check(&again, &session), Err(TokenRefusal::Revoked));
        assert!(
            !access.forget(&again),
            "a revoked device is no longer there to leave"
        );
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
    fn every_code_letter_is_equally_likely_from_the_bytes_kept() {
        use stratboard_core::model::{CODE_ALPHABET, CODE_LENGTH};
        assert_eq!(
            usize::from(CODE_BYTE_BOUND),
            256 / CODE_ALPHABET.len() * CODE_ALPHABET.len()
        );
        // Every byte kept, as the first letter of a code: each letter exactly 11 times.
        let mut counts = HashMap::new();
        for byte in 0..CODE_BYTE_BOUND {
            let code = participant_code([byte; CODE_LENGTH]);
            *counts.entry(code.as_bytes()[0]).or_insert(0) += 1;
        }
        assert_eq!(counts.len(), CODE_ALPHABET.len());
        assert!(counts.values().all(|n| *n == 11), "{counts:?}");
        // The bytes drawn are all kept ones.
        for _ in 0..200 {
            assert!(code_bytes().unwrap().iter().all(|b| *b < CODE_BYTE_BOUND));
        }
    }

    #[test]
    fn an_attacker_spending_the_rooms_tries_does_not_lock_out_a_right_code() {
        let access = Access::default();
        for n in 0..10 {
            let attacker = IpAddr::from([10, 0, 1, n]);
            for _ in 0..TRIES_PER_CLIENT {
                assert_eq!(
                    access.join(&session(), "ZZZZZZZZ", attacker),
                    Err(JoinRefusal::WrongCode)
                );
            }
        }
        // The room's budget is spent: the attackers are refused, even with a right code…
        let attacker = IpAddr::from([10, 0, 1, 0]);
        assert_eq!(
            access.join(&session(), "ABCDEFGH", attacker),
            Err(JoinRefusal::TooManyTries)
        );
        // …a phone that typed no wrong code gets in…
        let phone = IpAddr::from([10, 0, 2, 1]);
        assert!(access.join(&session(), "ABCDEFGH", phone).is_ok());
        // …and a new address gets one wrong code, no more.
        let fresh = IpAddr::from([10, 0, 2, 2]);
        assert_eq!(
            access.join(&session(), "ZZZZZZZZ", fresh),
            Err(JoinRefusal::WrongCode)
        );
        assert_eq!(
            access.join(&session(), "ZZZZZZZZ", fresh),
            Err(JoinRefusal::TooManyTries)
        );
    }

    #[test]
    fn a_fourth_device_on_one_code_signs_out_the_oldest() {
        let access = Access::default();
        let client = IpAddr::from([10, 0, 0, 7]);
        let tokens: Vec<String> = (0..4)
            .map(|_| access.join(&session(), "ABCDEFGH", client).unwrap().0)
            .collect();
        assert_eq!(
            access.check(&tokens[0], &session()),
            Err(TokenRefusal::Unknown)
        );
        for token in &tokens[1..] {
            assert!(access.check(token, &session()).is_ok());
        }
        assert_eq!(
            access.devices_per_participant(),
            vec![(ParticipantId(1), DEVICES_PER_CODE)]
        );
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
