//! Every change to a session is a [`Command`], applied in one place: [`Session::apply`].
//!
//! Applying a command checks it (an unknown id, an empty title, a reference to nothing or any
//! other rule of [`Session::validate`] that the change would break is refused, and the session
//! is left as it was) and returns its inverse, so undo/redo ([`crate::history`]) comes for free.

mod attendance;
mod entity;
mod references;
mod speaking;
mod votes;

use std::collections::BTreeSet;
use std::fmt;

use crate::model::{
    ActionId, ActionItem, AgendaItem, AgendaItemId, Alternative, AlternativeId, Decision,
    DecisionId, Finding, FindingId, Goal, GoalId, GroupId, Meta, Note, NoteId, Participant,
    ParticipantId, Position, PositionId, Problem, SectionRecord, Session, StakeholderGroup, Vote,
    VoteId,
};

pub use attendance::{AttendanceOp, AttendanceRefusal, check_new_proxy};
use entity::{Entity, with_item, with_kind, with_ref};
pub use speaking::{current_position_round, key_point};
pub use votes::{VoteOp, VoteRefusal};

/// Declares [`Item`] with its variants, and a `From` conversion into it from each variant's
/// entity: the list is written once.
macro_rules! items {
    ($($(#[$doc:meta])* $variant:ident($ty:ty)),* $(,)?) => {
        /// Any entity of a session, by value.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Item {
            $($(#[$doc])* $variant($ty),)*
        }

        $(impl From<$ty> for Item {
            fn from(value: $ty) -> Self {
                Self::$variant(value)
            }
        })*
    };
}

items!(
    /// A stakeholder group.
    Group(StakeholderGroup),
    /// A participant.
    Participant(Participant),
    /// An agenda item.
    AgendaItem(AgendaItem),
    /// A goal.
    Goal(Goal),
    /// A situation-analysis finding.
    Finding(Finding),
    /// An alternative.
    Alternative(Alternative),
    /// A group's position on an alternative.
    Position(Position),
    /// A vote.
    Vote(Vote),
    /// A decision.
    Decision(Decision),
    /// An action item.
    Action(ActionItem),
    /// A note.
    Note(Note),
);

/// A reference to any entity of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    /// A stakeholder group.
    Group(GroupId),
    /// A participant.
    Participant(ParticipantId),
    /// An agenda item.
    AgendaItem(AgendaItemId),
    /// A goal.
    Goal(GoalId),
    /// A situation-analysis finding.
    Finding(FindingId),
    /// An alternative.
    Alternative(AlternativeId),
    /// A position.
    Position(PositionId),
    /// A vote.
    Vote(VoteId),
    /// A decision.
    Decision(DecisionId),
    /// An action item.
    Action(ActionId),
    /// A note.
    Note(NoteId),
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, id) = match self {
            Self::Group(id) => ("stakeholder group", id.0),
            Self::Participant(id) => ("participant", id.0),
            Self::AgendaItem(id) => ("agenda item", id.0),
            Self::Goal(id) => ("goal", id.0),
            Self::Finding(id) => ("finding", id.0),
            Self::Alternative(id) => ("alternative", id.0),
            Self::Position(id) => ("position", id.0),
            Self::Vote(id) => ("vote", id.0),
            Self::Decision(id) => ("decision", id.0),
            Self::Action(id) => ("action item", id.0),
            Self::Note(id) => ("note", id.0),
        };
        write!(f, "{what} {id}")
    }
}

/// Which list of the session an entity lives in (for reordering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// `stakeholder_groups`
    Group,
    /// `participants`
    Participant,
    /// `agenda`
    AgendaItem,
    /// `goals`
    Goal,
    /// `findings`
    Finding,
    /// `alternatives`
    Alternative,
    /// `positions`
    Position,
    /// `votes`
    Vote,
    /// `decisions`
    Decision,
    /// `actions`
    Action,
    /// `notes`
    Note,
}

/// What to do when a deleted entity is referred to elsewhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeleteMode {
    /// Refuse the delete and say who refers to it.
    #[default]
    Refuse,
    /// Remove every reference consistently (see `references`), then delete.
    RemoveReferences,
}

/// A change to a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Replace the session header.
    SetMeta(Meta),
    /// Add a new entity at the end of its list; its id is allocated by the session.
    Add(Item),
    /// Put an entity back at `index` with the id it carries (undo of a delete).
    Insert {
        /// The entity, with its id.
        item: Item,
        /// Where in its list.
        index: usize,
    },
    /// Replace an entity (found by its id) with a new version.
    Update(Item),
    /// Delete an entity.
    Delete {
        /// What to delete.
        target: ItemRef,
        /// What to do with references to it.
        mode: DeleteMode,
    },
    /// Move an entity within its list (reordering).
    Move {
        /// Which list.
        kind: ItemKind,
        /// Its current index.
        from: usize,
        /// Its new index.
        to: usize,
    },
    /// An operation on a vote: open, close, a new round, a ballot, a show of hands, a tie
    /// broken by lot… (see [`VoteOp`]). A vote's status and rounds change only this way; an
    /// [`Command::Update`] of a vote changes its settings and keeps them as they are.
    Vote {
        /// The vote.
        vote: VoteId,
        /// What to do.
        op: VoteOp,
    },
    /// A registration mark, a proxy or the quorum rule (see [`AttendanceOp`]).
    Attendance(AttendanceOp),
    /// Replace the records of the sections a plenary brought in (one step of bringing
    /// sections in; see `crate::sections`).
    SetSections(Vec<SectionRecord>),
    /// Combine alternative `from` into `into`: titles, descriptions, arguments, goals, risks,
    /// positions and provenance of both in `into`; decisions that named `from` name `into`;
    /// `from` is deleted. One undo step splits them again.
    Combine {
        /// The alternative that stays.
        into: AlternativeId,
        /// The alternative taken into it.
        from: AlternativeId,
    },
    /// Several commands applied as one: all or nothing.
    Batch(Vec<Command>),
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new entity was added (or put back) with this reference.
    Added(ItemRef),
    /// Something was changed in place.
    Changed,
    /// An entity was deleted; these references to it were removed first (paths as
    /// `Session::validate` writes them, before the delete).
    Deleted {
        /// The removed references; empty when nothing referred to it.
        removed_references: Vec<String>,
    },
    /// An entity was moved.
    Moved,
    /// A participant's ballot was cast.
    Cast {
        /// It replaced the participant's earlier ballot in the round.
        corrected: bool,
    },
    /// Nothing changed (an empty batch, a move to the same place).
    Nothing,
}

/// A command that was applied, with what undoes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The command that undoes this one.
    pub inverse: Command,
    /// What happened.
    pub outcome: Outcome,
}

/// Why a command was refused. The session is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The change was applied but could not be saved to the document's file, so it was taken
    /// back (a durable request: a phone's ballot).
    #[error("the change could not be saved, so it was not kept: {0}")]
    NotSaved(String),
    /// The change would make the session larger than any session file may be (the loader
    /// refuses files over [`crate::storage::MAX_FILE_BYTES`]), so it was not kept.
    #[error(
        "the session would be {:.1} MB, over the {:.0} MB a session file may have, so the change was not kept",
        *.bytes as f64 / 1_048_576.0,
        *.limit as f64 / 1_048_576.0
    )]
    SessionFull {
        /// How large the file would be, in bytes.
        bytes: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The entity does not exist.
    #[error("{0} does not exist")]
    Unknown(ItemRef),
    /// An entity with this id already exists (insert).
    #[error("{0} already exists")]
    AlreadyExists(ItemRef),
    /// The change would break a rule of the session (empty title, reference to nothing, …).
    #[error("{0}")]
    Invalid(Problem),
    /// The entity is referred to elsewhere and the delete mode is `Refuse`, or a reference
    /// cannot be removed (a ballot, a hand count).
    #[error("{target} is referred to by {}", .sites.join(", "))]
    Referenced {
        /// What was to be deleted.
        target: ItemRef,
        /// Where it is referred to.
        sites: Vec<String>,
        /// Whether counted ballots or hand counts are among the references: those are never
        /// removed, so the entity cannot be deleted until the votes' rounds are.
        by_ballots: bool,
    },
    /// A vote operation broke a rule of the vote (see [`VoteRefusal`]).
    #[error("{0}")]
    Vote(VoteRefusal),
    /// An attendance edit broke a rule of registration or proxies (see
    /// [`AttendanceRefusal`]).
    #[error("{0}")]
    Attendance(AttendanceRefusal),
    /// Two alternatives cannot be combined (see [`crate::sections::CombineRefusal`]).
    #[error("{0}")]
    Combine(crate::sections::CombineRefusal),
    /// An index past the end of a list.
    #[error("index {index} is out of range for a list of {len}")]
    OutOfRange {
        /// The index given.
        index: usize,
        /// The list's length.
        len: usize,
    },
}

impl Command {
    /// The key under which consecutive edits of the same thing coalesce into one undo step
    /// (typing into one field sends one `Update` per keystroke).
    pub fn coalesce_key(&self) -> Option<CoalesceKey> {
        match self {
            Self::SetMeta(_) => Some(CoalesceKey::Meta),
            Self::Update(item) => Some(CoalesceKey::Item(item_ref(item))),
            _ => None,
        }
    }

    /// Whether the command is an edit of the facilitator's own, to be undone with Ctrl+Z. A
    /// participant's ballot (and taking it back) is not: undo never removes someone's vote.
    pub fn is_undo_step(&self) -> bool {
        match self {
            Self::Vote { op, .. } => !matches!(op, VoteOp::Cast { .. } | VoteOp::Uncast { .. }),
            Self::Attendance(op) => !matches!(op, AttendanceOp::JoinedByPhone { .. }),
            Self::Batch(commands) => commands.iter().all(Self::is_undo_step),
            _ => true,
        }
    }
}

/// What a coalescable command edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoalesceKey {
    /// The session header.
    Meta,
    /// One entity.
    Item(ItemRef),
}

/// The reference to an entity given by value.
pub fn item_ref(item: &Item) -> ItemRef {
    with_item!(item, e => ref_of(e))
}

fn ref_of<T: Entity>(entity: &T) -> ItemRef {
    T::make_ref(entity.id())
}

impl Session {
    /// Applies a command. On success returns its inverse; on error the session is unchanged.
    pub fn apply(&mut self, command: Command) -> Result<Applied, CommandError> {
        match command {
            Command::SetMeta(meta) => self.checked(|s| {
                let old = std::mem::replace(&mut s.meta, meta);
                Ok(applied(Command::SetMeta(old), Outcome::Changed))
            }),
            Command::Add(item) => self.checked(|s| with_item!(item, e => add(s, e))),
            Command::Insert { item, index } => {
                self.checked(|s| with_item!(item, e => insert(s, e, index)))
            }
            Command::Update(Item::Vote(mut vote)) => {
                // A vote's status and rounds (its ballots) change only by `Command::Vote`, so
                // an update — or the undo of one — can never take back someone's ballot.
                if let Some(current) = self.votes.iter().find(|v| v.id == vote.id) {
                    vote.status = current.status;
                    vote.rounds.clone_from(&current.rounds);
                }
                self.checked(|s| update(s, vote))
            }
            Command::Update(Item::Goal(goal)) => {
                // A new indicator comes with id 0: it gets its id from the session's counter
                // (the undo's redo carries the id it got). A refused update takes no id.
                let next_id = self.next_id;
                let result = self.checked(|s| {
                    let goal = s.with_indicator_ids(goal);
                    update(s, goal)
                });
                if result.is_err() {
                    self.next_id = next_id;
                }
                result
            }
            Command::Update(item) => self.checked(|s| with_item!(item, e => update(s, e))),
            Command::Delete { target, mode } => self.delete(target, mode),
            Command::Move { kind, from, to } => {
                with_kind!(kind, T => move_within::<T>(self, kind, from, to))
            }
            Command::Vote {
                vote,
                op: op @ VoteOp::Cast { .. },
            } => self.cast_checked(vote, op),
            Command::Vote {
                vote,
                op: op @ VoteOp::Uncast { .. },
            } => self.uncast_checked(vote, op),
            Command::Vote { vote, op } => {
                // A vote operation changes that vote's status and rounds only: its check is
                // that vote's, not the whole session's (a hall of phones casts one at a time).
                self.checked_within(|s| s.validate_vote(vote), |s| votes::apply(s, vote, op))
            }
            Command::Attendance(op) => {
                // A mark changes the attendance only: its check is the attendance's, so the
                // secretary's marks cost the same in a session of any size.
                self.checked_within(Self::validate_attendance, |s| attendance::apply(s, op))
            }
            Command::SetSections(records) => self.checked(|s| {
                let old = std::mem::replace(&mut s.sections, records);
                Ok(applied(Command::SetSections(old), Outcome::Changed))
            }),
            Command::Combine { into, from } => {
                let steps = crate::sections::combine_steps(self, into, from)
                    .map_err(CommandError::Combine)?;
                self.checked(|s| s.plain_all(steps))
            }
            Command::Batch(commands) if commands.iter().all(is_plain) => {
                self.checked(|s| s.plain_all(commands))
            }
            Command::Batch(commands) => self.batch(commands),
        }
    }

    /// A batch of plain edits — inserts, updates, deletes, the sections' records (an imported
    /// participant list, the undo of deleting many, sections brought into a plenary): applied
    /// one by one and checked once for the whole batch by the caller, not after each edit —
    /// every edit's own check would validate the session once per item.
    fn plain_all(&mut self, commands: Vec<Command>) -> Result<Applied, CommandError> {
        self.each(commands, |session, command| match command {
            Command::Insert { item, index } => with_item!(item, e => insert(session, e, index)),
            Command::Update(item) => with_item!(item, e => update(session, e)),
            Command::Delete { target, mode } => session.delete(target, mode),
            Command::SetSections(records) => {
                let old = std::mem::replace(&mut session.sections, records);
                Ok(applied(Command::SetSections(old), Outcome::Changed))
            }
            // Only plain edits reach here (`apply` checks); anything else is applied as usual.
            other => session.apply(other),
        })
    }

    /// Applies a plain edit without checking the session after it: for a caller that builds a
    /// working copy step by step and checks the whole once (bringing sections in).
    pub(crate) fn apply_unchecked(&mut self, command: Command) -> Result<Applied, CommandError> {
        self.plain_all(vec![command])
    }

    /// A participant's ballot, checked where it can bring a problem: the one ballot and its
    /// voter ([`Session::validate_cast`]), not every ballot of the vote again.
    fn cast_checked(&mut self, vote: VoteId, op: VoteOp) -> Result<Applied, CommandError> {
        let VoteOp::Cast {
            round, voter, seed, ..
        } = op
        else {
            return self.checked_within(|s| s.validate_vote(vote), |s| votes::apply(s, vote, op));
        };
        self.checked_between(
            |s| s.validate_cast(vote, round, voter, None),
            |s| {
                let slots = s
                    .vote(vote)
                    .and_then(|v| v.rounds.iter().find(|r| r.number == round))
                    .map_or(0, |r| r.ballots.len());
                s.validate_cast(vote, round, voter, Some(votes::secret_slot(seed, slots)))
            },
            |s| votes::apply(s, vote, op),
        )
    }

    /// A cast taken back (a held secret ballot tried and withdrawn, a batch rolled back),
    /// checked as a cast is: it takes one ballot and one voter away, so only that voter's part
    /// of the vote can change ([`Session::validate_cast`]); checking the whole vote made a
    /// hall's held ballots cost the square of their number.
    fn uncast_checked(&mut self, vote: VoteId, op: VoteOp) -> Result<Applied, CommandError> {
        let VoteOp::Uncast { round, voter, .. } = op else {
            return self.checked_within(|s| s.validate_vote(vote), |s| votes::apply(s, vote, op));
        };
        let scope = |s: &Session| s.validate_cast(vote, round, voter, None);
        self.checked_between(scope, scope, |s| votes::apply(s, vote, op))
    }

    /// Applies `change`, then refuses it (undoing it) if it made a new validation problem.
    fn checked(
        &mut self,
        change: impl FnOnce(&mut Self) -> Result<Applied, CommandError>,
    ) -> Result<Applied, CommandError> {
        self.checked_within(Self::validate, change)
    }

    /// [`Session::checked`] with the check narrowed to `scope`: the problems of the part of the
    /// session that `change` can touch. Debug builds (and so every test) also run the whole
    /// session's check and assert that both come to the same verdict.
    fn checked_within(
        &mut self,
        scope: impl Fn(&Self) -> Vec<Problem>,
        change: impl FnOnce(&mut Self) -> Result<Applied, CommandError>,
    ) -> Result<Applied, CommandError> {
        self.checked_between(&scope, &scope, change)
    }

    /// [`Session::checked_within`] where the part the change can touch is found differently
    /// before and after it (`before`, `after`): a secret ballot is placed by lot, so only after
    /// the cast is it known where it lies.
    fn checked_between(
        &mut self,
        before: impl Fn(&Self) -> Vec<Problem>,
        after: impl Fn(&Self) -> Vec<Problem>,
        change: impl FnOnce(&mut Self) -> Result<Applied, CommandError>,
    ) -> Result<Applied, CommandError> {
        let known = |problems: Vec<Problem>| -> BTreeSet<String> {
            problems.iter().map(ToString::to_string).collect()
        };
        let before = known(before(self));
        let whole_before = cfg!(debug_assertions).then(|| known(self.validate()));
        let applied = change(self)?;
        let new_problem = after(self)
            .into_iter()
            .find(|problem| !before.contains(&problem.to_string()));
        if let Some(whole_before) = whole_before {
            let whole_new = self
                .validate()
                .into_iter()
                .find(|problem| !whole_before.contains(&problem.to_string()));
            debug_assert_eq!(
                whole_new.is_some(),
                new_problem.is_some(),
                "the narrowed check disagrees with the whole session's: {whole_new:?} / {new_problem:?}"
            );
        }
        match new_problem {
            None => Ok(applied),
            Some(problem) => {
                self.undo_just_applied(applied.inverse);
                Err(CommandError::Invalid(problem))
            }
        }
    }

    fn delete(&mut self, target: ItemRef, mode: DeleteMode) -> Result<Applied, CommandError> {
        if !self.contains(target) {
            return Err(CommandError::Unknown(target));
        }
        let scrub = references::scrub(self, target);
        if !scrub.blockers.is_empty() || (mode == DeleteMode::Refuse && !scrub.is_empty()) {
            let by_ballots = !scrub.blockers.is_empty();
            let mut sites = scrub.blockers;
            if mode == DeleteMode::Refuse {
                sites.extend(scrub.sites);
            }
            return Err(CommandError::Referenced {
                target,
                sites,
                by_ballots,
            });
        }
        let mut steps: Vec<Command> = Vec::new();
        if let Some(meta) = scrub.meta {
            steps.push(Command::SetMeta(meta));
        }
        steps.extend(scrub.attendance.into_iter().map(Command::Attendance));
        steps.extend(scrub.updates.into_iter().map(Command::Update));
        for dependent in scrub.dependents {
            let mode = DeleteMode::Refuse;
            steps.push(Command::Delete {
                target: dependent,
                mode,
            });
        }
        let mut inverses = Vec::with_capacity(steps.len() + 1);
        for step in steps {
            match self.apply_unchecked_step(step) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    self.roll_back(inverses);
                    return Err(error);
                }
            }
        }
        let removed = with_ref!(target, id, T => remove::<T>(self, id))?;
        inverses.push(removed);
        let inverse = if inverses.len() == 1 {
            inverses.remove(0)
        } else {
            inverses.reverse();
            Command::Batch(inverses)
        };
        let outcome = Outcome::Deleted {
            removed_references: scrub.sites,
        };
        Ok(applied(inverse, outcome))
    }

    /// One step of a delete's clean-up: its updates only clear references, so they are applied
    /// without the full validation pass.
    fn apply_unchecked_step(&mut self, step: Command) -> Result<Command, CommandError> {
        match step {
            Command::SetMeta(meta) => Ok(Command::SetMeta(std::mem::replace(&mut self.meta, meta))),
            Command::Update(item) => with_item!(item, e => update(self, e)).map(|a| a.inverse),
            Command::Delete { target, .. } => with_ref!(target, id, T => remove::<T>(self, id)),
            other => self.apply(other).map(|a| a.inverse),
        }
    }

    fn batch(&mut self, commands: Vec<Command>) -> Result<Applied, CommandError> {
        self.each(commands, Self::apply)
    }

    /// Applies `commands` in order with `apply`; on a refusal rolls back the ones applied and
    /// returns it. The inverse is a batch of the inverses, newest first.
    fn each(
        &mut self,
        commands: Vec<Command>,
        apply: impl Fn(&mut Self, Command) -> Result<Applied, CommandError>,
    ) -> Result<Applied, CommandError> {
        let mut inverses = Vec::with_capacity(commands.len());
        let mut last = Outcome::Nothing;
        for command in commands {
            match apply(self, command) {
                Ok(done) => {
                    inverses.push(done.inverse);
                    last = done.outcome;
                }
                Err(error) => {
                    self.roll_back(inverses);
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(applied(Command::Batch(inverses), last))
    }

    /// Applies inverses collected so far, newest first.
    fn roll_back(&mut self, inverses: Vec<Command>) {
        for inverse in inverses.into_iter().rev() {
            self.undo_just_applied(inverse);
        }
    }

    /// Applies the inverse of a change that was just applied. It restores the state before
    /// that change, so it cannot be refused; if it ever were, that is a bug in an inverse,
    /// caught by the tests (debug builds stop here) and never a half-applied edit silently.
    fn undo_just_applied(&mut self, inverse: Command) {
        let result = self.apply(inverse);
        debug_assert!(result.is_ok(), "an inverse was refused: {result:?}");
    }

    /// Whether the referenced entity exists.
    pub fn contains(&self, target: ItemRef) -> bool {
        with_ref!(target, id, T => T::list(self).iter().any(|e| e.id() == id))
    }
}

/// The length of the list `item` lives in (where an insert at the end goes).
pub(crate) fn list_len(session: &Session, item: &Item) -> usize {
    match item {
        Item::Group(_) => session.stakeholder_groups.len(),
        Item::Participant(_) => session.participants.len(),
        Item::AgendaItem(_) => session.agenda.len(),
        Item::Goal(_) => session.goals.len(),
        Item::Finding(_) => session.findings.len(),
        Item::Alternative(_) => session.alternatives.len(),
        Item::Position(_) => session.positions.len(),
        Item::Vote(_) => session.votes.len(),
        Item::Decision(_) => session.decisions.len(),
        Item::Action(_) => session.actions.len(),
        Item::Note(_) => session.notes.len(),
    }
}

/// Whether a command is a plain edit that a batch may apply without checking after each one
/// (an update of a vote or a goal has rules of its own, so it is not).
fn is_plain(command: &Command) -> bool {
    match command {
        Command::Insert { .. } | Command::Delete { .. } | Command::SetSections(_) => true,
        Command::Update(item) => !matches!(item, Item::Vote(_) | Item::Goal(_)),
        _ => false,
    }
}

fn applied(inverse: Command, outcome: Outcome) -> Applied {
    Applied { inverse, outcome }
}

fn add<T: Entity>(session: &mut Session, mut entity: T) -> Result<Applied, CommandError> {
    entity.set_raw_id(session.allocate_id());
    let target = T::make_ref(entity.id());
    T::list_mut(session).push(entity);
    let inverse = Command::Delete {
        target,
        mode: DeleteMode::Refuse,
    };
    Ok(applied(inverse, Outcome::Added(target)))
}

fn insert<T: Entity>(
    session: &mut Session,
    entity: T,
    index: usize,
) -> Result<Applied, CommandError> {
    let target = T::make_ref(entity.id());
    if session.contains(target) {
        return Err(CommandError::AlreadyExists(target));
    }
    let len = T::list(session).len();
    if index > len {
        return Err(CommandError::OutOfRange { index, len });
    }
    T::list_mut(session).insert(index, entity);
    session.repair_next_id();
    let inverse = Command::Delete {
        target,
        mode: DeleteMode::Refuse,
    };
    Ok(applied(inverse, Outcome::Added(target)))
}

fn update<T: Entity>(session: &mut Session, entity: T) -> Result<Applied, CommandError> {
    let id = entity.id();
    let slot = T::list_mut(session)
        .iter_mut()
        .find(|e| e.id() == id)
        .ok_or(CommandError::Unknown(T::make_ref(id)))?;
    let old = std::mem::replace(slot, entity);
    Ok(applied(Command::Update(old.into_item()), Outcome::Changed))
}

/// Removes an entity and returns the command that puts it back.
fn remove<T: Entity>(session: &mut Session, id: T::Id) -> Result<Command, CommandError> {
    let list = T::list_mut(session);
    let index = list
        .iter()
        .position(|e| e.id() == id)
        .ok_or(CommandError::Unknown(T::make_ref(id)))?;
    let entity = list.remove(index);
    Ok(Command::Insert {
        item: entity.into_item(),
        index,
    })
}

fn move_within<T: Entity>(
    session: &mut Session,
    kind: ItemKind,
    from: usize,
    to: usize,
) -> Result<Applied, CommandError> {
    let list = T::list_mut(session);
    let len = list.len();
    for index in [from, to] {
        if index >= len {
            return Err(CommandError::OutOfRange { index, len });
        }
    }
    if from == to {
        let inverse = Command::Batch(Vec::new());
        return Ok(applied(inverse, Outcome::Nothing));
    }
    let entity = list.remove(from);
    list.insert(to, entity);
    let inverse = Command::Move {
        kind,
        from: to,
        to: from,
    };
    debug_assert_eq!(T::KIND, kind);
    Ok(applied(inverse, Outcome::Moved))
}
