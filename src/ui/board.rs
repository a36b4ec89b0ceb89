//! The floor every board panel stands on: the [`Board`] a panel draws from and asks through,
//! what it may ask of the shell ([`ShellRequest`]) and what it may put in front of the room
//! ([`Spotlight`]). Panels import this, never each other.

use chrono::NaiveDate;

use crate::ui::theme::Theme;
use stratboard_core::commands::{Command, DeleteMode, Item, ItemRef};
use stratboard_core::i18n::Tr;
use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{AlternativeId, BoardSection, DecisionId, GoalId, Session, VoteId};

/// What a panel needs to draw a section and ask for changes.
pub struct Board<'a> {
    /// The session (read-only; changes go through [`Board::push`]).
    pub session: &'a Session,
    /// Translations.
    pub tr: &'a Tr,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// Today, for overdue action items.
    pub today: NaiveDate,
    /// Changes whenever the session changes: key for caches of derived data.
    pub revision: u64,
    /// Where changes go: the document's inbox, the same way in as the room's phones.
    sender: &'a CommandSender,
    /// Whether each change is an undo step of its own (the secretary's key points).
    own_steps: bool,
    /// Something a card asked to show to the room, alone and big (read by the app).
    spotlight: std::cell::Cell<Option<Spotlight>>,
    /// What panels asked of the shell this frame (file dialogs, reading files).
    requests: Vec<ShellRequest>,
}

/// Something only the shell does for a panel: a panel draws and asks, it never opens a native
/// dialog or reads a file itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellRequest {
    /// Read a paper-ballot file into the current round of `vote` (the shell asks for the file
    /// in a dialog when `path` is `None`), then tell the votes panel how it went
    /// ([`crate::ui::sections::votes::board::State::import_finished`]).
    ImportBallots {
        /// The vote.
        vote: stratboard_core::model::VoteId,
        /// The file typed in, or `None` to pick one.
        path: Option<std::path::PathBuf>,
    },
    /// Open the export dialog on the passport of the initiative `alternative` (паспорт
    /// инициативы: PDF or DOCX), asked from the alternative's card.
    ExportPassport {
        /// The alternative.
        alternative: AlternativeId,
    },
}

impl<'a> Board<'a> {
    /// A board over `session` (at `revision`) whose changes are sent to `sender` (the
    /// document's: they are applied, in the order sent, when the owner drains its inbox at the
    /// end of the frame).
    pub fn new(
        session: &'a Session,
        revision: u64,
        tr: &'a Tr,
        theme: &'a Theme,
        today: NaiveDate,
        sender: &'a CommandSender,
    ) -> Self {
        Self {
            session,
            tr,
            theme,
            today,
            revision,
            sender,
            own_steps: false,
            spotlight: std::cell::Cell::new(None),
            requests: Vec::new(),
        }
    }

    /// Asks the shell for something a panel must not do itself (a file dialog, reading a file).
    pub fn ask_shell(&mut self, request: ShellRequest) {
        self.requests.push(request);
    }

    /// What panels asked of the shell this frame.
    pub fn take_requests(&mut self) -> Vec<ShellRequest> {
        std::mem::take(&mut self.requests)
    }

    /// Asks to show `target` to the room, alone and big (presentation mode).
    pub fn spotlight(&self, target: Spotlight) {
        self.spotlight.set(Some(target));
    }

    /// What a card asked to show to the room this frame, if anything.
    pub fn take_spotlight(&self) -> Option<Spotlight> {
        self.spotlight.take()
    }

    /// The same board, each change of which is an undo step of its own.
    pub fn with_own_steps(mut self) -> Self {
        self.own_steps = true;
        self
    }

    /// Asks for a change; it is applied (or refused, with a message) at the end of the frame.
    pub fn push(&mut self, command: Command) {
        // The inbox lives as long as the document the board was drawn from; once it is gone
        // (another file opened), a change drawn for the old one has nowhere to go.
        let sent = if self.own_steps {
            self.sender.send_own_step(command)
        } else {
            self.sender.send(command)
        };
        sent.ok();
    }

    /// Asks for `item` changed by `change` (an edit of the whole item, built from what the panel
    /// drew: for fields a person types; a vote's ballots and status go through
    /// [`Command::Vote`] instead, resolved when applied).
    pub fn update<T: Clone + Into<Item>>(&mut self, item: &T, change: impl FnOnce(&mut T)) {
        let mut changed = item.clone();
        change(&mut changed);
        self.push(Command::Update(changed.into()));
    }

    /// Asks to delete an entity, removing references to it; undo brings everything back, so
    /// there is no confirmation dialog.
    pub fn delete(&mut self, target: ItemRef) {
        self.push(Command::Delete {
            target,
            mode: DeleteMode::RemoveReferences,
        });
    }
}

/// One thing shown alone, big.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spotlight {
    /// A goal.
    Goal(GoalId),
    /// An alternative.
    Alternative(AlternativeId),
    /// A vote (the live vote screen).
    Vote(VoteId),
    /// A decision with its action items.
    Decision(DecisionId),
}

impl Spotlight {
    /// The section whose projector screen draws it.
    pub fn section(self) -> BoardSection {
        match self {
            Self::Goal(_) => BoardSection::Goals,
            Self::Alternative(_) => BoardSection::Alternatives,
            Self::Vote(_) => BoardSection::Votes,
            Self::Decision(_) => BoardSection::Decisions,
        }
    }
}
