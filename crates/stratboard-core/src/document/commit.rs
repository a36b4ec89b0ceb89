//! Making a durable batch durable: appending what it touched to the file's journal
//! ([`crate::storage::journal`]) when that is safe and small, else saving the file whole.
//!
//! A journal record is written only when everything the session has that the file lacks is
//! recorded in the journal — votes and alternatives touched by commands since the last save
//! (ballots, ideas, a vote's operations). An edit of anything else (the facilitator's own
//! unsaved work, an undo, a restored recovery) makes the next batch a whole save, as before.
//! So does a journal grown past [`journal::fold_threshold`], a file changed on disk, and a
//! session that could be near the size limit: the whole save measures it exactly and refuses
//! a session larger than any file the loader reads.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::SystemTime;

use crate::commands::{Command, Item, ItemRef, Outcome};
use crate::model::{AlternativeId, Session, VoteId};
use crate::storage::journal::{self, Encoded, Record};
use crate::storage::{Fingerprint, MAX_FILE_BYTES};

/// What a command changes, as far as the journal is concerned.
#[derive(Clone, Copy, Debug)]
pub(super) enum Touch {
    /// One vote (any vote operation: a ballot, closing, a round…).
    Vote(VoteId),
    /// A new alternative (an idea).
    Alternative,
    /// The attendance (a phone's join registers its participant).
    Attendance,
    /// Anything else.
    Other,
}

impl Touch {
    /// What `command` changes.
    pub fn of(command: &Command) -> Self {
        match command {
            Command::Vote { vote, .. } => Self::Vote(*vote),
            Command::Add(Item::Alternative(_)) => Self::Alternative,
            Command::Attendance(_) => Self::Attendance,
            _ => Self::Other,
        }
    }
}

/// What the session holds beyond its file, and where the journal stands.
#[derive(Clone, Debug, Default)]
pub(super) struct Journal {
    /// How much of the journal continues the file (`None`: no journal yet).
    pub valid_len: Option<u64>,
    /// The file's length when it was last written whole (or read).
    pub file_len: u64,
    /// The file's modification time then, to notice a change by someone else cheaply.
    pub file_modified: Option<SystemTime>,
    /// At most how many bytes the journal's records add when folded.
    pub growth: u64,
    /// Votes touched since the last save or record.
    pub votes: BTreeSet<VoteId>,
    /// Alternatives touched since the last save or record.
    pub alternatives: BTreeSet<AlternativeId>,
    /// The attendance changed since the last save or record.
    pub attendance: bool,
    /// Something else changed since the file was written: only a whole save keeps it.
    pub whole: bool,
}

impl Journal {
    /// The journal of a file just read (with what its journal replayed) or written whole.
    pub fn after_file(fingerprint: &Fingerprint, tail: Option<&journal::Tail>) -> Self {
        Self {
            valid_len: tail.map(|t| t.valid_len),
            file_len: fingerprint.len,
            file_modified: fingerprint.modified,
            growth: tail.map_or(0, |t| t.growth_bound),
            ..Self::default()
        }
    }

    /// Notes what a command of kind `touch` changed (applied, with `outcome`).
    pub fn touch(&mut self, touch: Touch, outcome: &Outcome) {
        match (touch, outcome) {
            (Touch::Vote(vote), _) => {
                self.votes.insert(vote);
            }
            (Touch::Alternative, Outcome::Added(ItemRef::Alternative(id))) => {
                self.alternatives.insert(*id);
            }
            (Touch::Attendance, _) => self.attendance = true,
            _ => self.whole = true,
        }
    }

    /// The record of what was touched, encoded, when a record may be appended: nothing but
    /// votes and alternatives changed, the file is as it was written, and the record keeps the
    /// journal small and the folded file under the size limit. `None`: save whole.
    pub fn record(&self, session: &Session, path: &Path) -> Option<Encoded> {
        if self.whole || !self.file_unchanged(path) {
            return None;
        }
        let record = Record {
            next_id: session.next_id,
            votes: pick(&session.votes, &self.votes, |v| v.id),
            alternatives: pick(&session.alternatives, &self.alternatives, |a| a.id),
            attendance: self.attendance.then(|| session.attendance.clone()),
        };
        let encoded = Encoded::new(&record).ok()?;
        let journal_len = self.valid_len.unwrap_or(0) + encoded.len();
        let folded = self.file_len + self.growth + encoded.growth_bound();
        let small = journal_len <= journal::fold_threshold(self.file_len);
        (small && folded <= MAX_FILE_BYTES).then_some(encoded)
    }

    /// The record was appended; the journal is `len` bytes long.
    pub fn appended(&mut self, encoded: &Encoded, len: u64) {
        self.valid_len = Some(len);
        self.growth += encoded.growth_bound();
        self.votes.clear();
        self.alternatives.clear();
        self.attendance = false;
    }

    fn file_unchanged(&self, path: &Path) -> bool {
        std::fs::metadata(path).is_ok_and(|meta| {
            meta.len() == self.file_len && meta.modified().ok() == self.file_modified
        })
    }
}

/// The items of `list` whose ids are in `ids`, in the list's order.
fn pick<T: Clone, K: Ord>(list: &[T], ids: &BTreeSet<K>, id: impl Fn(&T) -> K) -> Vec<T> {
    list.iter()
        .filter(|item| ids.contains(&id(item)))
        .cloned()
        .collect()
}
