//! Undo/redo over commands.
//!
//! Each applied command leaves its inverse on the undo stack. Consecutive edits of the same
//! thing (one `Update` per keystroke while typing) coalesce into one step, as long as they come
//! less than [`History::COALESCE_WINDOW`] apart and nothing sealed the step in between (the UI
//! seals when a text field loses focus; saving seals too).
//!
//! A participant's ballot ([`Command::is_undo_step`] is false) is applied but never recorded:
//! the facilitator's Ctrl+Z undoes the facilitator's edits and never removes a ballot.

use std::time::{Duration, Instant};

use crate::commands::{Applied, CoalesceKey, Command, CommandError};
use crate::model::Session;

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    /// The command that undoes (or, on the redo stack, redoes) the step.
    command: Command,
    /// What the step edits, when it may absorb the next edit.
    key: Option<CoalesceKey>,
    /// When the step was last extended.
    at: Instant,
    /// A number unique to this step, used to tell whether the document is as saved.
    serial: u64,
}

/// The undo and redo stacks of one document.
#[derive(Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_serial: u64,
    /// The serial of the top undo step when the document was last saved (0: empty stack).
    saved_at: Option<u64>,
    sealed: bool,
    /// The serial the state with an empty undo stack stands for (steps dropped by the limit).
    floor: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::new(History::DEFAULT_LIMIT)
    }
}

impl History {
    /// Edits of the same thing closer together than this are one undo step.
    pub const COALESCE_WINDOW: Duration = Duration::from_secs(2);
    /// How many steps are kept by default.
    pub const DEFAULT_LIMIT: usize = 500;

    /// An empty history keeping at most `limit` steps; the document counts as saved.
    pub fn new(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            next_serial: 1,
            saved_at: Some(0),
            sealed: true,
            floor: 0,
        }
    }

    /// Applies `command` to `session` and records it. `now` is the time of the edit (passed in
    /// so that tests can control it).
    pub fn apply(
        &mut self,
        session: &mut Session,
        command: Command,
        now: Instant,
    ) -> Result<Applied, CommandError> {
        if !command.is_undo_step() {
            // A participant's ballot: applied, never an undo step, and it neither ends nor
            // joins the facilitator's current step.
            return session.apply(command);
        }
        let key = command.coalesce_key();
        let applied = session.apply(command)?;
        self.redo.clear();
        if self.saved_at.is_some_and(|saved| saved > self.top_serial()) {
            // The saved state was on the redo stack, which is now gone.
            self.saved_at = None;
        }
        let coalesces = !self.sealed
            && key.is_some()
            && self.undo.last().is_some_and(|top| {
                top.key == key && now.saturating_duration_since(top.at) < Self::COALESCE_WINDOW
            });
        if coalesces {
            if let Some(top) = self.undo.last_mut() {
                // Keep the older inverse: it restores the state before the first keystroke.
                top.at = now;
            }
        } else {
            let serial = self.take_serial();
            self.undo.push(Step {
                command: applied.inverse.clone(),
                key,
                at: now,
                serial,
            });
            if self.undo.len() > self.limit {
                let dropped = self.undo.remove(0);
                self.floor = dropped.serial;
            }
        }
        self.sealed = false;
        Ok(applied)
    }

    /// Ends the current step: the next edit starts a new one even if it edits the same thing.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the last step. Returns `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> Result<bool, CommandError> {
        self.shift(session, true)
    }

    /// Redoes the last undone step. Returns `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> Result<bool, CommandError> {
        self.shift(session, false)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the document was saved in its current state.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.top_serial());
        self.seal();
    }

    /// Whether the document differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.top_serial())
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    fn top_serial(&self) -> u64 {
        self.undo.last().map_or(self.floor, |step| step.serial)
    }

    fn take_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }

    /// Moves the top step of one stack to the other, applying its command.
    fn shift(&mut self, session: &mut Session, undo: bool) -> Result<bool, CommandError> {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return Ok(false);
        };
        match session.apply(step.command.clone()) {
            Ok(applied) => {
                to.push(Step {
                    command: applied.inverse,
                    key: None,
                    at: step.at,
                    serial: step.serial,
                });
                self.sealed = true;
                Ok(true)
            }
            Err(error) => {
                from.push(step);
                Err(error)
            }
        }
    }
}
