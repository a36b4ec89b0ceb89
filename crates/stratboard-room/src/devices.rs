//! The room's table of devices and its file, `NAME.ron.devices` beside the session file, so
//! a phone stays joined when the app or `stratboard serve` restarts.
//!
//! The table keeps no token: a device is known by the keyed hash of its token (HMAC-SHA256
//! under a random secret of the session's own, [`crate::keyed`]), with whether it is a guest
//! or which participant, and a tag of the participant's code at join keyed by the token itself
//! (so the file cannot be used to guess the code; a device whose participant has another code
//! now is refused as revoked). It also keeps the hashes of revoked devices (the last
//! [`MAX_REVOKED`]) and the answers to ballots sent with an `Idempotency-Key` (the last
//! [`ANSWERS_PER_DEVICE`] per device, [`MAX_ANSWERS`] in all), keyed by a hash of the device,
//! the vote and the key. Nothing in the file lets anyone join or vote.
//!
//! The file is JSON, written whole to a temporary file (mode 0600 on Unix, from its creation)
//! and renamed over the old one, by a thread of its own at most every [`WRITE_DELAY`] after a
//! change, and once more when the room stops. A file that cannot be read or is not one of these
//! is moved aside to `NAME.ron.devices.broken` (with a warning on stderr) and the room starts
//! with no devices: phones join again.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use stratboard_core::model::ParticipantId;

use crate::access::{Access, Device};
use crate::keyed::{Hash, from_hex, hmac, to_hex};

/// Revoked devices remembered (so they are told "revoked" rather than "not joined").
pub const MAX_REVOKED: usize = 4096;
/// Remembered ballot answers per device.
pub const ANSWERS_PER_DEVICE: usize = 32;
/// Remembered ballot answers in all.
pub const MAX_ANSWERS: usize = 4096;
/// How long the writer gathers changes before writing the file once for all of them.
pub const WRITE_DELAY: Duration = Duration::from_millis(250);
/// The largest devices file read.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// What the file says it is.
const KIND: &str = "stratboard-room-devices";
/// The file's format version.
const VERSION: u32 = 1;

/// `NAME.ron` → `NAME.ron.devices`: the devices file of a session file.
pub fn path_for(session: &Path) -> PathBuf {
    with_suffix(session, ".devices")
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A device the table knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    /// Who the device stands for.
    pub device: Device,
    /// A participant's: the tag of the code it joined with ([`code_tag`]).
    pub code: Option<Hash>,
}

/// An answer remembered for a retried ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remembered {
    /// The device that sent it (its token's hash).
    pub device: Hash,
    /// The HTTP status.
    pub status: u16,
    /// The answer's body (JSON).
    pub body: String,
}

/// The tag of `code` for the device of `token`: keyed by the token, which the table does not
/// keep, so the tag tells nothing about the code without the token.
pub fn code_tag(token: &str, code: &str) -> Hash {
    hmac(token.as_bytes(), &[b"code\0", code.as_bytes()])
}

/// The room's devices, revoked devices and remembered answers, as kept in memory and on disk.
#[derive(Debug)]
pub struct Table {
    secret: [u8; 32],
    known: HashMap<Hash, Known>,
    revoked: HashSet<Hash>,
    revoked_order: VecDeque<Hash>,
    answers: HashMap<Hash, Remembered>,
    answer_order: VecDeque<Hash>,
    per_device: HashMap<Hash, VecDeque<Hash>>,
    /// When each device joined, as a number counting up (the oldest of a participant's
    /// devices is signed out first: [`Table::keep_newest`]).
    joined: HashMap<Hash, u64>,
    next_join: u64,
    /// Changed since last written.
    pub dirty: bool,
}

impl Default for Table {
    fn default() -> Self {
        Self::with_secret(new_secret())
    }
}

impl Table {
    fn with_secret(secret: [u8; 32]) -> Self {
        Self {
            secret,
            known: HashMap::new(),
            revoked: HashSet::new(),
            revoked_order: VecDeque::new(),
            answers: HashMap::new(),
            answer_order: VecDeque::new(),
            per_device: HashMap::new(),
            joined: HashMap::new(),
            next_join: 0,
            dirty: false,
        }
    }

    /// The keyed hash the table knows `token` by.
    pub fn token_hash(&self, token: &str) -> Hash {
        hmac(&self.secret, &[b"token\0", token.as_bytes()])
    }

    /// The keyed hash a ballot's answer is remembered by: the device, the vote, the member it
    /// was cast for by proxy (if it was) and the key. An own ballot's slot is as it was before
    /// proxies (a devices file written then still answers its retries); a proxy ballot's is
    /// told apart by its own label, so no own ballot's slot is ever a proxy ballot's.
    pub fn answer_slot(
        &self,
        device: &Hash,
        vote: u32,
        for_member: Option<ParticipantId>,
        key: &str,
    ) -> Hash {
        let vote = vote.to_le_bytes();
        match for_member {
            None => hmac(&self.secret, &[b"answer\0", device, &vote, key.as_bytes()]),
            Some(member) => {
                let member = member.0.to_le_bytes();
                let parts: [&[u8]; 5] = [b"answer-for\0", device, &vote, &member, key.as_bytes()];
                hmac(&self.secret, &parts)
            }
        }
    }

    /// The device known by `hash`.
    pub fn get(&self, hash: &Hash) -> Option<Known> {
        self.known.get(hash).copied()
    }

    /// Every device known.
    pub fn devices(&self) -> impl Iterator<Item = &Known> {
        self.known.values()
    }

    /// Adds a device, the newest.
    pub fn insert(&mut self, hash: Hash, known: Known) {
        self.known.insert(hash, known);
        self.joined.insert(hash, self.next_join);
        self.next_join += 1;
        self.dirty = true;
    }

    /// Signs out the oldest devices of `participant` beyond the newest `keep` (they are
    /// forgotten, as if they had left); returns how many.
    pub fn keep_newest(&mut self, participant: ParticipantId, keep: usize) -> usize {
        let mut theirs: Vec<(u64, Hash)> = self
            .known
            .iter()
            .filter(|(_, k)| k.device == Device::Participant(participant))
            .map(|(hash, _)| (self.joined.get(hash).copied().unwrap_or(0), *hash))
            .collect();
        let extra = theirs.len().saturating_sub(keep);
        theirs.sort_unstable();
        for (_, hash) in theirs.iter().take(extra) {
            self.remove(hash);
        }
        extra
    }

    /// How many devices each participant has, guests left out.
    pub fn per_participant(&self) -> HashMap<ParticipantId, usize> {
        let mut counts = HashMap::new();
        for known in self.known.values() {
            if let Device::Participant(id) = known.device {
                *counts.entry(id).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Forgets a device and its remembered answers; returns whether it was known.
    pub fn remove(&mut self, hash: &Hash) -> bool {
        let found = self.known.remove(hash).is_some();
        self.joined.remove(hash);
        for slot in self.per_device.remove(hash).unwrap_or_default() {
            self.answers.remove(&slot);
        }
        self.dirty |= found;
        found
    }

    /// Forgets a device and remembers it as revoked.
    pub fn revoke(&mut self, hash: Hash) {
        self.remove(&hash);
        if self.revoked.insert(hash) {
            self.revoked_order.push_back(hash);
        }
        while self.revoked_order.len() > MAX_REVOKED {
            if let Some(oldest) = self.revoked_order.pop_front() {
                self.revoked.remove(&oldest);
            }
        }
        self.dirty = true;
    }

    /// Forgets every device of `participant` and remembers them as revoked; returns how many.
    pub fn revoke_participant(&mut self, participant: ParticipantId) -> usize {
        let theirs: Vec<Hash> = self
            .known
            .iter()
            .filter(|(_, k)| k.device == Device::Participant(participant))
            .map(|(hash, _)| *hash)
            .collect();
        for hash in &theirs {
            self.revoke(*hash);
        }
        theirs.len()
    }

    /// Whether the device known by `hash` was revoked.
    pub fn is_revoked(&self, hash: &Hash) -> bool {
        self.revoked.contains(hash)
    }

    /// The answer remembered in `slot`.
    pub fn answer(&self, slot: &Hash) -> Option<&Remembered> {
        self.answers.get(slot)
    }

    /// Remembers an answer in `slot`, forgetting the device's oldest beyond
    /// [`ANSWERS_PER_DEVICE`] and the room's oldest beyond [`MAX_ANSWERS`].
    pub fn remember(&mut self, slot: Hash, answer: Remembered) {
        let device = answer.device;
        if self.answers.insert(slot, answer).is_none() {
            self.answer_order.push_back(slot);
            let theirs = self.per_device.entry(device).or_default();
            theirs.push_back(slot);
            if theirs.len() > ANSWERS_PER_DEVICE
                && let Some(oldest) = theirs.pop_front()
            {
                self.answers.remove(&oldest);
            }
        }
        while self.answers.len() > MAX_ANSWERS {
            let Some(oldest) = self.answer_order.pop_front() else {
                break;
            };
            if let Some(gone) = self.answers.remove(&oldest)
                && let Some(theirs) = self.per_device.get_mut(&gone.device)
            {
                theirs.retain(|slot| *slot != oldest);
            }
        }
        // Slots already forgotten leave the order as it is walked; keep it from growing.
        if self.answer_order.len() > 2 * MAX_ANSWERS {
            let answers = &self.answers;
            self.answer_order.retain(|slot| answers.contains_key(slot));
        }
        self.dirty = true;
    }

    /// The table as the file's JSON text.
    pub fn to_text(&self) -> String {
        let file = FileData {
            kind: KIND.to_owned(),
            version: VERSION,
            secret: to_hex(&self.secret),
            devices: self
                .known
                .iter()
                .map(|(hash, known)| DeviceRow {
                    token_hash: to_hex(hash),
                    participant: match known.device {
                        Device::Participant(id) => Some(id.0),
                        Device::Guest => None,
                    },
                    code_tag: known.code.map(|tag| to_hex(&tag)),
                    joined: self.joined.get(hash).copied().unwrap_or(0),
                })
                .collect(),
            revoked: self.revoked_order.iter().map(|h| to_hex(h)).collect(),
            answers: self
                .answer_order
                .iter()
                .filter_map(|slot| Some((slot, self.answers.get(slot)?)))
                .map(|(slot, answer)| AnswerRow {
                    device: to_hex(&answer.device),
                    slot: to_hex(slot),
                    status: answer.status,
                    body: answer.body.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads the file's JSON text; an error says what is wrong with it.
    pub fn from_text(bytes: &[u8]) -> Result<Self, String> {
        let file: FileData = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if file.kind != KIND || file.version != VERSION {
            return Err(format!(
                "not a devices file of this version ({:?}, version {})",
                file.kind, file.version
            ));
        }
        let hex = |text: &str| from_hex(text).ok_or_else(|| format!("not a hash: {text:?}"));
        let mut table = Self::with_secret(hex(&file.secret)?);
        for row in &file.devices {
            let device = match row.participant {
                Some(id) => Device::Participant(ParticipantId(id)),
                None => Device::Guest,
            };
            let code = row.code_tag.as_deref().map(hex).transpose()?;
            if code.is_some() != row.participant.is_some() {
                return Err("a participant's device without a code tag".to_owned());
            }
            let hash = hex(&row.token_hash)?;
            table.known.insert(hash, Known { device, code });
            table.joined.insert(hash, row.joined);
            table.next_join = table.next_join.max(row.joined.saturating_add(1));
        }
        for hash in &file.revoked {
            table.revoke(hex(hash)?);
        }
        for row in &file.answers {
            let answer = Remembered {
                device: hex(&row.device)?,
                status: row.status,
                body: row.body.clone(),
            };
            if table.known.contains_key(&answer.device) {
                table.remember(hex(&row.slot)?, answer);
            }
        }
        table.dirty = false;
        Ok(table)
    }
}

/// The file as serde reads and writes it.
#[derive(Serialize, Deserialize)]
struct FileData {
    /// Always [`KIND`].
    #[serde(rename = "stratboard")]
    kind: String,
    version: u32,
    /// The key of every hash in the file, as hex.
    secret: String,
    devices: Vec<DeviceRow>,
    #[serde(default)]
    revoked: Vec<String>,
    #[serde(default)]
    answers: Vec<AnswerRow>,
}

/// One device in the file; no participant: a guest.
#[derive(Serialize, Deserialize)]
struct DeviceRow {
    token_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code_tag: Option<String>,
    /// When it joined, as a number counting up (absent in older files: 0).
    #[serde(default)]
    joined: u64,
}

/// One remembered ballot answer in the file.
#[derive(Serialize, Deserialize)]
struct AnswerRow {
    device: String,
    slot: String,
    status: u16,
    body: String,
}

/// A random secret from the operating system. Without one (the system gives no randomness,
/// so no token can be made either) the secret is zeros: the hashes stay one-way, since the
/// tokens themselves are random.
fn new_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    if getrandom::fill(&mut secret).is_err() {
        secret = [0u8; 32];
    }
    secret
}

/// The table in the devices file at `path`, and whether the room may write that file. No
/// file: an empty table. A file that cannot be read or is not a devices file is moved aside
/// to `NAME.ron.devices.broken` (its evidence kept, the room's own devices written anew) with
/// a warning; when it cannot even be moved, the room leaves it alone and keeps its devices in
/// memory only.
pub fn open(path: &Path) -> (Table, bool) {
    let broken = match read(path) {
        Ok(None) => return (Table::default(), true),
        Ok(Some(bytes)) => match Table::from_text(&bytes) {
            Ok(table) => return (table, true),
            Err(why) => why,
        },
        Err(error) => error.to_string(),
    };
    let aside = with_suffix(path, ".broken");
    let writable = match fs::rename(path, &aside) {
        Ok(()) => {
            eprintln!(
                "stratboard: {}: {broken}; moved to {}, phones join again",
                path.display(),
                aside.display()
            );
            true
        }
        Err(error) => {
            eprintln!(
                "stratboard: {}: {broken}; cannot move it aside ({error}): phones join again \
                 and stay joined only until the room stops",
                path.display()
            );
            false
        }
    };
    (Table::default(), writable)
}

/// The bytes of the file at `path`, `None` when there is none.
fn read(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    if file.metadata()?.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other("the file is too large"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Writes `text` to `path` atomically: a temporary file beside it (readable by its owner only
/// on Unix, from its creation), flushed to disk, renamed over the old file.
pub fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let temp = with_suffix(path, ".tmp");
    match fs::remove_file(&temp) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    if let Err(error) = written.and_then(|()| fs::rename(&temp, path)) {
        fs::remove_file(&temp).ok();
        return Err(error);
    }
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::File::open(folder).and_then(|f| f.sync_all()).ok();
    }
    Ok(())
}

/// What wakes the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// The table changed.
    Changed,
    /// The room stops: write what is left and end.
    Stop,
}

/// Starts the thread that writes `access`'s devices file after changes (gathered over
/// [`WRITE_DELAY`]) and once more on [`Wake::Stop`].
pub fn spawn_writer(
    access: Arc<Access>,
    wakes: Receiver<Wake>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("stratboard-devices".into())
        .spawn(move || {
            while wakes.recv() == Ok(Wake::Changed) {
                if !gather(&wakes) {
                    break;
                }
                access.save_devices();
            }
            access.save_devices();
        })
}

/// Waits [`WRITE_DELAY`], taking in the changes that come meanwhile; `false` when the room
/// stops.
fn gather(wakes: &Receiver<Wake>) -> bool {
    let until = Instant::now() + WRITE_DELAY;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match wakes.recv_timeout(left) {
            Ok(Wake::Changed) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut table = Table::default();
        let anna = table.token_hash("anna-token");
        table.insert(
            anna,
            Known {
                device: Device::Participant(ParticipantId(1)),
                code: Some(code_tag("anna-token", "ABCDEFGH")),
            },
        );
        let guest = table.token_hash("guest-token");
        table.insert(
            guest,
            Known {
                device: Device::Guest,
                code: None,
            },
        );
        let slot = table.answer_slot(&anna, 7, None, "key-1");
        let body = r#"{"accepted":true,"corrected":false}"#.to_owned();
        table.remember(
            slot,
            Remembered {
                device: anna,
                status: 200,
                body,
            },
        );
        table.revoke(table.token_hash("old-token"));
        table
    }

    #[test]
    fn a_proxy_ballots_answer_has_a_slot_of_its_own() {
        let table = table();
        let anna = table.token_hash("anna-token");
        let own = table.answer_slot(&anna, 7, None, "key-1");
        let for_boris = table.answer_slot(&anna, 7, Some(ParticipantId(2)), "key-1");
        let for_vera = table.answer_slot(&anna, 7, Some(ParticipantId(3)), "key-1");
        assert_ne!(own, for_boris, "not the holder's own ballot");
        assert_ne!(for_boris, for_vera, "one slot per member");
        assert_eq!(
            for_boris,
            table.answer_slot(&anna, 7, Some(ParticipantId(2)), "key-1"),
            "a retry finds it"
        );
        assert!(table.answer(&own).is_some() && table.answer(&for_boris).is_none());
    }

    #[test]
    fn the_file_keeps_everything_but_the_tokens() {
        let table = table();
        let text = table.to_text();
        for secret in [
            "anna-token",
            "guest-token",
            "old-token",
            "ABCDEFGH",
            "key-1",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        let back = Table::from_text(text.as_bytes()).unwrap();
        let anna = back.token_hash("anna-token");
        assert_eq!(back.get(&anna), table.get(&anna));
        assert_eq!(
            back.get(&back.token_hash("guest-token")).unwrap().device,
            Device::Guest
        );
        assert!(back.is_revoked(&back.token_hash("old-token")));
        let slot = back.answer_slot(&anna, 7, None, "key-1");
        assert_eq!(back.answer(&slot).unwrap().status, 200);
        assert!(
            back.answer(&back.answer_slot(&anna, 8, None, "key-1"))
                .is_none()
        );
        assert!(!back.dirty);
    }

    #[test]
    fn a_foreign_or_broken_file_is_refused() {
        for text in ["", "{", "[]", r#"{"stratboard":"x","version":1}"#] {
            assert!(Table::from_text(text.as_bytes()).is_err(), "{text}");
        }
        let newer = table()
            .to_text()
            .replace("\"version\": 1", "\"version\": 2");
        assert!(Table::from_text(newer.as_bytes()).is_err());
    }

    #[test]
    fn answers_are_bounded_per_device_and_forgotten_with_it() {
        let mut table = table();
        let anna = table.token_hash("anna-token");
        let slots: Vec<Hash> = (0..40)
            .map(|n| table.answer_slot(&anna, 1, None, &format!("k{n}")))
            .collect();
        for slot in &slots {
            let answer = Remembered {
                device: anna,
                status: 200,
                body: String::new(),
            };
            table.remember(*slot, answer);
        }
        assert!(table.answer(&slots[0]).is_none(), "the oldest forgotten");
        assert!(table.answer(&slots[39]).is_some());
        let kept = slots.iter().filter(|s| table.answer(s).is_some()).count();
        assert_eq!(kept, ANSWERS_PER_DEVICE);
        assert_eq!(table.revoke_participant(ParticipantId(1)), 1);
        assert!(table.answer(&slots[39]).is_none());
        assert!(table.is_revoked(&anna));
    }

    #[test]
    fn a_broken_file_is_moved_aside_and_the_new_one_is_the_owners_only() {
        let dir = tempfile_dir();
        let path = path_for(&dir.join("room.ron"));
        fs::write(&path, "not json").unwrap();
        let (table, writable) = open(&path);
        assert!(writable && table.get(&table.token_hash("x")).is_none());
        assert_eq!(
            fs::read_to_string(with_suffix(&path, ".broken")).unwrap(),
            "not json"
        );
        write(&path, &table.to_text()).unwrap();
        let (again, _) = open(&path);
        assert_eq!(again.token_hash("x"), table.token_hash("x"), "same secret");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        fs::remove_dir_all(&dir).ok();
    }

    /// A fresh folder under the system's temporary folder (the crate has no tempfile).
    fn tempfile_dir() -> PathBuf {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).unwrap();
        let dir = std::env::temp_dir().join(format!("stratboard-devices-{}", to_hex(&bytes)));
        fs::create_dir_all(&dir).unwrap();
        dir
    }
}
