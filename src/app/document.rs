//! The open document: the session, where it lives on disk, its undo history and whether it has
//! unsaved changes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::commands::{Applied, Command, CommandError};
use crate::history::History;
use crate::model::{Problem, Session};
use crate::storage::{self, Fingerprint, LoadError, SaveError};

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
        }
    }

    /// Opens a file. On error nothing is changed and the file is left alone.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = storage::load(path)?;
        Ok(Self {
            session: loaded.session,
            path: Some(path.to_path_buf()),
            fingerprint: Some(loaded.fingerprint),
            history: History::default(),
            problems: loaded.problems,
            changed_outside_history: loaded.migrated_from.is_some(),
        })
    }

    /// Replaces the content with recovered work (the file itself is not touched until saved).
    pub fn restore(&mut self, session: Session) {
        self.session = session;
        self.history = History::default();
        self.changed_outside_history = true;
        self.problems = self.session.validate();
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

    /// Applies an edit and records it for undo.
    pub fn apply(&mut self, command: Command, now: Instant) -> Result<Applied, CommandError> {
        self.history.apply(&mut self.session, command, now)
    }

    /// Ends the current undo step (a text field lost focus).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> Result<bool, CommandError> {
        self.history.undo(&mut self.session)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> Result<bool, CommandError> {
        self.history.redo(&mut self.session)
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
        self.fingerprint = Some(fingerprint);
        self.history.mark_saved();
        self.changed_outside_history = false;
        Ok(())
    }

    /// Saves to a new file (the user chose it, so an existing file there is overwritten, its
    /// previous version kept as `.bak`).
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let fingerprint = storage::save(path, &self.session, None)?;
        self.path = Some(path.to_path_buf());
        self.fingerprint = Some(fingerprint);
        self.history.mark_saved();
        self.changed_outside_history = false;
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
