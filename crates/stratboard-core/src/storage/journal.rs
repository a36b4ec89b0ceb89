//! The journal beside a session file, `NAME.ron.journal`: what the room's durable batches
//! changed since the file was last written whole, appended and fsynced, so that a ballot's
//! save costs a few kilobytes however large the session is.
//!
//! A record holds the new state of what the batch touched — whole votes and alternatives, and
//! `next_id` — never the commands: a secret vote is recorded as its rounds are stored
//! (ballots shuffled, voters sorted apart), so the journal links no voter to a choice any more
//! than the file does. Replaying a record puts each vote or alternative in place by its id (a
//! new one at the end of its list).
//!
//! The journal starts with a line naming the file it continues (its length and hash): a
//! journal left by a whole save that was killed before removing it no longer matches the file
//! and is ignored (its records are in the file already). Each record is
//! `<length> <hash>\n<pretty RON>\n`; a record cut short by a crash (or one whose hash does not
//! match) ends the journal there: it was never acknowledged, and the records before it stand.
//! A whole save ([`super::save`]) folds the journal into the file and removes it.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk::{Fingerprint, fnv1a};
use super::format::pretty_config;
use crate::model::{Alternative, Attendance, Session, Vote};

/// The first word of a journal's first line.
const MAGIC: &str = "stratboard-journal-1";

/// A journal larger than this is not read (it is folded long before: see
/// [`fold_threshold`]).
const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// `NAME.ron` → `NAME.ron.journal`.
pub fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    path.with_file_name(name)
}

/// When a journal this long (in bytes) should be folded into a file of `file_len` bytes: a
/// quarter of the file, at least 1 MiB — reading it back stays cheap beside the file itself.
pub fn fold_threshold(file_len: u64) -> u64 {
    (file_len / 4).max(1024 * 1024)
}

/// One durable batch: what it touched, as it is after the batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The session's `next_id` after the batch.
    pub next_id: u32,
    /// The votes touched, whole.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// The alternatives touched (an idea from a phone), whole.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// The attendance, whole, when the batch changed it (a phone's join).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
}

impl Record {
    /// Whether the record changes nothing.
    pub fn is_empty(&self) -> bool {
        self.votes.is_empty() && self.alternatives.is_empty() && self.attendance.is_none()
    }

    /// Puts what the record holds into `session`.
    pub fn replay(self, session: &mut Session) {
        session.next_id = session.next_id.max(self.next_id);
        for vote in self.votes {
            upsert(&mut session.votes, vote, |v| v.id);
        }
        for alternative in self.alternatives {
            upsert(&mut session.alternatives, alternative, |a| a.id);
        }
        if let Some(attendance) = self.attendance {
            session.attendance = attendance;
        }
    }
}

fn upsert<T, K: PartialEq>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    let id = key(&item);
    match list.iter_mut().find(|old| key(old) == id) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// A record as it is appended: its text, and at most how many bytes it adds to the session
/// file once folded (see [`Encoded::growth_bound`]).
#[derive(Clone, Debug)]
pub struct Encoded {
    bytes: Vec<u8>,
    growth_bound: u64,
}

impl Encoded {
    /// Writes a record.
    pub fn new(record: &Record) -> Result<Self, ron::Error> {
        let text = ron::ser::to_string_pretty(record, pretty_config())?;
        let mut bytes = format!("{} {:016x}\n", text.len(), fnv1a(text.as_bytes())).into_bytes();
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(b'\n');
        // In the file each line of a vote or alternative sits two levels deeper (8 spaces)
        // and ends with a comma: the record's text bounds what folding it can add.
        let lines = text.lines().count() as u64 + 1;
        let growth_bound = text.len() as u64 + lines * 9;
        Ok(Self {
            bytes,
            growth_bound,
        })
    }

    /// Its length in the journal.
    pub fn len(&self) -> u64 {
        self.bytes.len() as u64
    }

    /// Whether it is empty (it never is: a record has at least its header line).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// At most how many bytes folding this record adds to the file.
    pub fn growth_bound(&self) -> u64 {
        self.growth_bound
    }
}

/// A journal that continues the file as it is on disk, as far as it could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Tail {
    /// How many bytes of it are whole records (a torn record after them is cut off before
    /// the next append).
    pub valid_len: u64,
    /// How many records were replayed.
    pub records: usize,
    /// At most how many bytes folding them adds to the file.
    pub growth_bound: u64,
}

/// Replays the journal of the file at `path` (whose bytes have `fingerprint`) into `session`.
/// No journal, or one that continues another version of the file: `None`, nothing changes.
pub fn replay(path: &Path, fingerprint: &Fingerprint, session: &mut Session) -> Option<Tail> {
    let bytes = read_journal(&journal_path(path))?;
    let first = bytes.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..first]).ok()?;
    if header != base_line(fingerprint).trim_end() {
        return None;
    }
    let mut at = first + 1;
    let mut tail = Tail {
        valid_len: at as u64,
        records: 0,
        growth_bound: 0,
    };
    while let Some((record, next)) = read_record(&bytes, at) {
        let Ok(encoded) = Encoded::new(&record) else {
            break;
        };
        record.replay(session);
        tail.records += 1;
        tail.growth_bound += encoded.growth_bound();
        tail.valid_len = next as u64;
        at = next;
    }
    Some(tail)
}

fn read_journal(path: &Path) -> Option<Vec<u8>> {
    let file = fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_JOURNAL_BYTES).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The record starting at `at`, and where the next one starts; `None` at the end or at a
/// torn or damaged record.
fn read_record(bytes: &[u8], at: usize) -> Option<(Record, usize)> {
    let rest = bytes.get(at..)?;
    let line_end = rest.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&rest[..line_end]).ok()?;
    let (len, hash) = header.split_once(' ')?;
    let len: usize = len.parse().ok()?;
    let hash = u64::from_str_radix(hash, 16).ok()?;
    let start = line_end + 1;
    let text = rest.get(start..start.checked_add(len)?)?;
    if rest.get(start + len) != Some(&b'\n') || fnv1a(text) != hash {
        return None;
    }
    let record = ron::from_str::<Record>(std::str::from_utf8(text).ok()?).ok()?;
    Some((record, at + start + len + 1))
}

fn base_line(fingerprint: &Fingerprint) -> String {
    format!("{MAGIC} {} {:016x}\n", fingerprint.len, fingerprint.hash)
}

/// Appends `record` to the journal of `path` and fsyncs it. `valid_len` is how much of the
/// journal continues the file (`None`: there is none yet — a new journal is started for the
/// file whose fingerprint is `base`, replacing a stale one). Returns the journal's new length.
pub fn append(
    path: &Path,
    base: &Fingerprint,
    valid_len: Option<u64>,
    record: &Encoded,
) -> std::io::Result<u64> {
    let journal = journal_path(path);
    match valid_len {
        Some(len) => {
            let file = OpenOptions::new().write(true).open(&journal)?;
            // A torn record after the last whole one is cut off first.
            file.set_len(len)?;
            let mut file = OpenOptions::new().append(true).open(&journal)?;
            file.write_all(&record.bytes)?;
            file.sync_data()?;
            Ok(len + record.len())
        }
        None => {
            let header = base_line(base);
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&journal)?;
            file.write_all(header.as_bytes())?;
            file.write_all(&record.bytes)?;
            file.sync_all()?;
            sync_folder(path)?;
            Ok(header.len() as u64 + record.len())
        }
    }
}

/// Removes the journal of `path` (after a whole save, which holds what it held).
pub fn remove(path: &Path) {
    let journal = journal_path(path);
    if fs::remove_file(&journal).is_ok() {
        sync_folder(path).ok();
    }
}

/// Makes a new name in the folder durable (on Unix; elsewhere a no-op).
fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{VoteId, VoteRound};

    fn vote(id: u32, rounds: u32) -> Vote {
        Vote {
            id: VoteId(id),
            question: format!("q{id}"),
            rounds: (1..=rounds)
                .map(|number| VoteRound {
                    number,
                    ..VoteRound::default()
                })
                .collect(),
            ..Vote::default()
        }
    }

    #[test]
    fn records_replay_in_order_and_a_torn_last_one_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let base = Fingerprint::of(b"file", None);
        let one = Encoded::new(&Record {
            next_id: 5,
            votes: vec![vote(1, 1)],
            ..Record::default()
        })
        .unwrap();
        let two = Encoded::new(&Record {
            next_id: 6,
            votes: vec![vote(1, 2), vote(2, 1)],
            ..Record::default()
        })
        .unwrap();
        let len = append(&path, &base, None, &one).unwrap();
        let len = append(&path, &base, Some(len), &two).unwrap();
        // A third record torn by a crash: half of it reached the disk.
        let three = Encoded::new(&Record {
            next_id: 9,
            votes: vec![vote(3, 1)],
            ..Record::default()
        })
        .unwrap();
        let mut file = OpenOptions::new()
            .append(true)
            .open(journal_path(&path))
            .unwrap();
        file.write_all(&three.bytes[..three.bytes.len() / 2])
            .unwrap();
        let mut session = Session::default();
        let tail = replay(&path, &base, &mut session).unwrap();
        assert_eq!((tail.records, tail.valid_len), (2, len));
        assert_eq!(session.next_id, 6);
        assert_eq!(session.votes, vec![vote(1, 2), vote(2, 1)]);
        // The next append cuts the torn one off first.
        let after = append(&path, &base, Some(tail.valid_len), &three).unwrap();
        let mut session = Session::default();
        let tail = replay(&path, &base, &mut session).unwrap();
        assert_eq!((tail.records, tail.valid_len), (3, after));
        // Another version of the file: the journal is not its own.
        let other = Fingerprint::of(b"other", None);
        assert_eq!(replay(&path, &other, &mut Session::default()), None);
    }
}
