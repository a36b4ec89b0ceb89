//! The open document: the session, where it lives on disk, its undo history, whether it has
//! unsaved changes, and its [`Inbox`]: every edit, from a panel or from another thread, is
//! sent there and applied by [`Document::drain`], in order.
//!
//! A durable batch is made durable by [`commit`] (a journal record beside the file, or a whole
//! save); secret ballots wait in [`held`] until they can be sealed in a batch.

mod commit;
pub mod held;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crate::commands::{Applied, Command, CommandError};
use crate::history::History;
use crate::inbox::{CommandSender, Envelope, Inbox, Waker};
use crate::model::{Problem, Session, VoteId};
use crate::storage::{self, Fingerprint, LoadError, SaveError, SaveErrorKind, journal};
use commit::Journal;
use held::Held;

/// A session being edited.
#[derive(Debug)]
pub struct Document {
    session: Session,
    path: Option<PathBuf>,
    /// What the file looked like when it was opened or last saved.
    fingerprint: Option<Fingerprint>,
    history: History,
    /// Problems `Session::validate` found when the file was opened.
    problems: Vec<Problem>,
    /// A document that was converted from an older format, or restored from a recovery file,
    /// differs from its file even before the first edit.
    changed_outside_history: bool,
    /// Changes whenever the session does; unique across documents (see [`Document::revision`]).
    revision: u64,
    /// Where edits are sent.
    inbox: Inbox,
    /// What the session holds beyond its file: the journal's state (see [`commit`]).
    journal: Journal,
    /// Secret ballots waiting for their batch (see [`held`]).
    held: Vec<Held>,
}

/// What one turn of the owner's loop has done so far.
#[derive(Default)]
struct Turn {
    drained: Vec<Drained>,
    /// Durable requests applied, with what they did and their place in `drained`.
    durable: Vec<(Envelope, Applied, usize)>,
}

/// What one command taken from the inbox came to.
#[derive(Debug)]
pub struct Drained {
    /// Applied (with what it did), or refused (with why).
    pub result: Result<Applied, CommandError>,
    /// Whether its sender waited and was answered (a phone): a refusal is the sender's to
    /// show. Nobody waits for a plain send (a panel): the owner shows the refusal itself.
    pub awaited: bool,
}

/// Revisions are taken from one counter, so two documents never share one.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document not yet saved anywhere.
    pub fn untitled(session: Session) -> Self {
        let problems = session.validate();
        Self {
            session,
            path: None,
            fingerprint: None,
            history: History::default(),
            problems,
            changed_outside_history: false,
            revision: next_revision(),
            inbox: Inbox::default(),
            journal: Journal {
                whole: true,
                ..Journal::default()
            },
            held: Vec::new(),
        }
    }

    /// Opens a file (with what its journal adds), removing the temporary files that saves
    /// killed before the file's last write left next to it
    /// ([`storage::remove_stale_temporaries`]). On error nothing is changed and the file is
    /// left alone.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = storage::load(path)?;
        // Temporaries older than the file were left by saves killed before it was written.
        if let Some(written) = loaded.fingerprint.modified {
            storage::remove_stale_temporaries(path, written);
        }
        let mut journal = Journal::after_file(&loaded.fingerprint, loaded.journal.as_ref());
        journal.whole = loaded.migrated_from.is_some();
        Ok(Self {
            session: loaded.session,
            path: Some(path.to_path_buf()),
            fingerprint: Some(loaded.fingerprint),
            history: History::default(),
            problems: loaded.problems,
            changed_outside_history: loaded.migrated_from.is_some(),
            revision: next_revision(),
            inbox: Inbox::default(),
            journal,
            held: Vec::new(),
        })
    }

    /// Replaces the content with recovered work (the file itself is not touched until saved).
    pub fn restore(&mut self, session: Session) {
        self.session = session;
        self.history = History::default();
        self.changed_outside_history = true;
        self.journal.whole = true;
        self.problems = self.session.validate();
        self.revision = next_revision();
    }

    /// A number that changes whenever the session changes, so panels can cache what they
    /// derive from it (indexes, layouts) and rebuild only after a change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The file, if the document has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The problems found when the file was opened.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Whether there are changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.changed_outside_history || self.history.is_dirty()
    }

    /// Applies an edit and records it for undo (a participant's ballot is applied but is not
    /// an undo step).
    pub fn apply(&mut self, command: Command, now: Instant) -> Result<Applied, CommandError> {
        let undo_step = command.is_undo_step();
        let touch = commit::Touch::of(&command);
        let applied = self.history.apply(&mut self.session, command, now)?;
        self.journal.touch(touch, &applied.outcome);
        if !undo_step {
            self.changed_outside_history = true;
        }
        self.revision = next_revision();
        Ok(applied)
    }

    /// A sender of edits to this document, for a panel or another thread.
    pub fn sender(&self) -> CommandSender {
        self.inbox.sender()
    }

    /// Sets what a sender calls to wake the owner (the window's repaint request).
    pub fn set_waker(&self, waker: Waker) {
        self.inbox.set_waker(waker);
    }

    /// Whether a waker is set.
    pub fn has_waker(&self) -> bool {
        self.inbox.has_waker()
    }

    /// Applies every edit sent so far, in order, answers each sender that waits, and returns
    /// what each came to.
    ///
    /// Durable requests ([`crate::inbox::CommandSender::request_durable`]) applied in this
    /// batch are saved to the document's file with one save (group commit) before their
    /// senders hear of it. If that save fails (or the document has no file), they are taken
    /// back in reverse order and their senders get [`CommandError::NotSaved`].
    pub fn drain(&mut self, now: Instant) -> Vec<Result<Applied, CommandError>> {
        self.drain_and_publish(now, |_| {})
            .into_iter()
            .map(|drained| drained.result)
            .collect()
    }

    /// The owner's loop, one turn of it: drain → apply → save where durable → publish →
    /// answer. [`Document::drain`], calling `publish` with the session after the batch is
    /// applied (and saved, or taken back) but before any durable sender hears of it: a phone
    /// told "accepted" and asking again at once already sees its ballot in what was
    /// published. `publish` is not called when nothing was drained. The window and
    /// `stratboard serve` both run it; it is the only way an edit from a panel or a phone
    /// reaches the session.
    pub fn drain_and_publish(
        &mut self,
        now: Instant,
        publish: impl FnOnce(&Session),
    ) -> Vec<Drained> {
        let mut turn = Turn::default();
        for envelope in self.inbox.take() {
            self.receive(envelope, now, &mut turn);
        }
        let Turn {
            mut drained,
            durable,
        } = turn;
        if durable.is_empty() {
            if !drained.is_empty() {
                publish(&self.session);
            }
            return drained;
        }
        let answers: Vec<_> = match self.commit() {
            Ok(()) => durable
                .into_iter()
                .map(|(envelope, applied, _)| (envelope, Ok(applied.outcome)))
                .collect(),
            Err(refusal) => {
                let mut answers = Vec::new();
                for (envelope, applied, index) in durable.into_iter().rev() {
                    self.take_back(applied.inverse);
                    drained[index].result = Err(refusal.clone());
                    answers.push((envelope, Err(refusal.clone())));
                }
                self.revision = next_revision();
                answers
            }
        };
        publish(&self.session);
        for (envelope, answer) in &answers {
            envelope.answer(answer);
        }
        drained
    }

    /// Takes one command of the turn: a secret ballot is held ([`held`]); anything else
    /// first releases the held ballots of the votes it concerns, then is applied.
    fn receive(&mut self, envelope: Envelope, now: Instant, turn: &mut Turn) {
        if let Some(cast) = held::secret_cast(&self.session, &envelope.command) {
            self.hold(envelope, cast, now, turn);
            return;
        }
        for vote in held::votes_concerned(&envelope.command, &self.held) {
            self.release(vote, now, turn);
        }
        self.process(envelope, now, turn);
    }

    /// Checks a secret ballot and holds it (a refusal is answered at once); with
    /// [`held::SECRET_BATCH`] held for its vote, releases them.
    fn hold(
        &mut self,
        envelope: Envelope,
        cast: (VoteId, crate::model::ParticipantId),
        now: Instant,
        turn: &mut Turn,
    ) {
        if let Err(refusal) = held::check(&mut self.session, &self.held, &envelope.command, cast) {
            let result = Err(refusal);
            envelope.answer(&result.clone().map(|done: Applied| done.outcome));
            let awaited = envelope.is_awaited();
            turn.drained.push(Drained { result, awaited });
            return;
        }
        let (vote, voter) = cast;
        self.held.push(Held {
            envelope,
            vote,
            voter,
        });
        if self.held_for(vote) >= held::SECRET_BATCH {
            self.release(vote, now, turn);
        }
    }

    /// Applies the ballots held for `vote` in this turn, in a shuffled order.
    fn release(&mut self, vote: VoteId, now: Instant, turn: &mut Turn) {
        for held in held::take(&mut self.held, vote) {
            self.process(held.envelope, now, turn);
        }
    }

    /// Applies one command; a durable one waits for the turn's save to be answered.
    fn process(&mut self, envelope: Envelope, now: Instant, turn: &mut Turn) {
        if envelope.own_step {
            self.seal();
        }
        let result = self.apply(envelope.command.clone(), now);
        if envelope.own_step {
            self.seal();
        }
        let awaited = envelope.is_awaited();
        match &result {
            Ok(applied) if envelope.durable => {
                turn.durable
                    .push((envelope, applied.clone(), turn.drained.len()));
            }
            _ => envelope.answer(&result.clone().map(|done| done.outcome)),
        }
        turn.drained.push(Drained { result, awaited });
    }

    /// How many secret ballots wait for their batch in `vote` (the board may say so: the
    /// turnout it shows lags by them).
    pub fn held_for(&self, vote: VoteId) -> usize {
        self.held.iter().filter(|h| h.vote == vote).count()
    }

    /// Makes the turn's durable changes durable: a journal record where one will do, else a
    /// whole save. The refusal every durable sender of the turn gets when that fails.
    fn commit(&mut self) -> Result<(), CommandError> {
        let Some(path) = self.path.clone() else {
            return Err(CommandError::NotSaved("the session has no file".to_owned()));
        };
        if let (Some(record), Some(base)) =
            (self.journal.record(&self.session, &path), self.fingerprint)
        {
            let len = journal::append(&path, &base, self.journal.valid_len, &record)
                .map_err(|error| CommandError::NotSaved(error.to_string()))?;
            self.journal.appended(&record, len);
            self.history.mark_saved();
            self.changed_outside_history = false;
            return Ok(());
        }
        self.save(false).map_err(|error| match error.kind {
            SaveErrorKind::TooLarge { bytes, limit } => CommandError::SessionFull { bytes, limit },
            _ => CommandError::NotSaved(error.to_string()),
        })
    }

    /// Whether the file has a journal the session holds (folded by the next [`Document::save`]).
    pub fn has_journal(&self) -> bool {
        self.journal.valid_len.is_some()
    }

    /// Folds the journal into the file (a whole save) when there is one and nothing else is
    /// unsaved: on closing the session, so the file alone holds what the room saved. With the
    /// facilitator's own edits unsaved it does nothing (they are theirs to save or drop; the
    /// journal stays valid beside the file, and the next save folds it).
    pub fn fold_journal(&mut self) -> Result<(), SaveError> {
        if self.has_journal() && !self.is_dirty() {
            self.save(false)?;
        }
        Ok(())
    }

    /// Applies the inverse of a change that is not on the undo stack (a participant's ballot
    /// that could not be saved).
    fn take_back(&mut self, inverse: Command) {
        let undone = self.session.apply(inverse);
        debug_assert!(
            undone.is_ok(),
            "an inverse applies to the state it was made for"
        );
    }

    /// Ends the current undo step (a text field lost focus).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> Result<bool, CommandError> {
        let undone = self.history.undo(&mut self.session)?;
        self.journal.whole = true;
        self.revision = next_revision();
        Ok(undone)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> Result<bool, CommandError> {
        let redone = self.history.redo(&mut self.session)?;
        self.journal.whole = true;
        self.revision = next_revision();
        Ok(redone)
    }

    /// Whether undo / redo would do something.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    /// Saves to the document's file, refusing to overwrite changes made on disk by others
    /// unless `overwrite` is set.
    pub fn save(&mut self, overwrite: bool) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError {
                path: PathBuf::new(),
                kind: storage::SaveErrorKind::Io {
                    action: "save",
                    message: "the document has no file yet".into(),
                },
            });
        };
        let expected = if overwrite {
            None
        } else {
            self.fingerprint.as_ref()
        };
        let fingerprint = storage::save(&path, &self.session, expected)?;
        self.saved(fingerprint);
        Ok(())
    }

    /// The file was written whole (its journal folded into it).
    fn saved(&mut self, fingerprint: Fingerprint) {
        self.journal = Journal::after_file(&fingerprint, None);
        self.fingerprint = Some(fingerprint);
        self.history.mark_saved();
        self.changed_outside_history = false;
    }

    /// Saves to a new file (the user chose it, so an existing file there is overwritten, its
    /// previous version kept as `.bak`).
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let fingerprint = storage::save(path, &self.session, None)?;
        self.path = Some(path.to_path_buf());
        self.saved(fingerprint);
        Ok(())
    }

    /// Whether the file on disk differs from what was opened or last saved.
    pub fn changed_on_disk(&self) -> bool {
        let (Some(path), Some(known)) = (&self.path, &self.fingerprint) else {
            return false;
        };
        match storage::read_fingerprint(path) {
            Ok(Some(now)) => !now.same_content(known),
            Ok(None) => true,
            Err(_) => false,
        }
    }
}
