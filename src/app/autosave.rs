//! Autosave: while the document has unsaved changes, its work is written to a recovery file
//! [`AUTOSAVE_DELAY`] after the first edit (not the session file: that is written only by
//! Save), and a recovery file newer than the document is offered when it is opened.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use stratboard_core::document::Document;
use stratboard_core::model::Session;
use stratboard_core::storage::recovery::RecoveryStore;

/// How long after an edit the unsaved work is written to the recovery file.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(5);

/// The recovery folder (none in tests) and the pending write.
#[derive(Debug)]
pub struct Autosave {
    store: Option<RecoveryStore>,
    /// When the pending write is due.
    due: Option<Instant>,
    /// How long after an edit it is written.
    delay: Duration,
}

impl Autosave {
    /// Autosave into `store`; without one, nothing is written.
    pub fn new(store: Option<RecoveryStore>) -> Self {
        Self {
            store,
            due: None,
            delay: AUTOSAVE_DELAY,
        }
    }

    /// Whether unsaved work is written anywhere.
    pub fn is_on(&self) -> bool {
        self.store.is_some()
    }

    /// Sets how long after an edit the recovery file is written (tests use zero).
    pub fn set_delay(&mut self, delay: Duration) {
        self.delay = delay;
    }

    /// Plans a write after an edit of `doc`, unless one is planned already.
    pub fn schedule(&mut self, doc: &Document) {
        if self.store.is_some() && doc.is_dirty() && self.due.is_none() {
            self.due = Some(Instant::now() + self.delay);
        }
    }

    /// Forgets the planned write (another document was opened).
    pub fn cancel(&mut self) {
        self.due = None;
    }

    /// Writes `doc`'s recovery file when the write is due, or asks `ctx` to wake then; the
    /// error of a write that failed is returned.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document) -> Result<(), String> {
        let Some(due) = self.due else {
            return Ok(());
        };
        let now = Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return Ok(());
        }
        self.due = None;
        match &self.store {
            Some(store) if doc.is_dirty() => store
                .write(doc.path(), doc.session())
                .map(|_| ())
                .map_err(|error| error.to_string()),
            _ => Ok(()),
        }
    }

    /// The recovery file of `doc`, if it is newer than the document's file.
    pub fn newer_than(&self, doc: &Document) -> Option<PathBuf> {
        let store = self.store.as_ref()?;
        store
            .newer_than_document(doc.path())
            .map(|found| found.path)
    }

    /// The work saved in the recovery file at `path`.
    pub fn load(&self, path: &Path) -> Option<Result<Session, String>> {
        let store = self.store.as_ref()?;
        Some(
            store
                .load(path)
                .map(|recovered| recovered.session)
                .map_err(|error| error.to_string()),
        )
    }

    /// The document was saved (from `old` to `new`, which may be the same file): the recovery
    /// files of both are dropped and no write is pending. A recovery file left behind by a
    /// failed discard is older than the document and is never offered, so that is not an
    /// error to report over "Saved".
    pub fn saved(&mut self, old: Option<&Path>, new: Option<&Path>) {
        if let Some(store) = &self.store {
            store.discard(old).ok();
            store.discard(new).ok();
        }
        self.due = None;
    }

    /// Drops `doc`'s recovery file.
    pub fn discard(&self, doc: &Document) -> Result<(), String> {
        match &self.store {
            Some(store) => store.discard(doc.path()).map_err(|error| error.to_string()),
            None => Ok(()),
        }
    }
}
