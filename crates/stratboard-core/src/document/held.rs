//! Secret ballots held back until they can be sealed in a batch.
//!
//! While a secret round is open, the owner does not apply a ballot the moment it arrives:
//! two versions of the session on disk (the file and its `.bak`, the journal before and after
//! a record, two recovery files) would then differ by exactly one voter and their ballot.
//! A secret ballot is checked at once (a refusal is immediate) and held — not in the session,
//! so no save, journal or recovery file holds it — until [`SECRET_BATCH`] wait for its vote,
//! or something is about to happen to the vote (closing it, a new round, editing or deleting
//! it, a deleted participant): then they are applied together in a shuffled order and saved
//! once, and only then are their senders answered.

use crate::ballot;
use crate::commands::{Command, CommandError, Item, ItemRef, VoteOp, VoteRefusal};
use crate::inbox::Envelope;
use crate::model::{Anonymity, ParticipantId, Session, VoteId};

/// How many secret ballots of one vote are applied together: any two versions of the session
/// on disk differ by at least this many of a round's ballots (or by all of them, when fewer
/// were cast before the round closed).
pub const SECRET_BATCH: usize = 5;

/// A secret ballot waiting for its batch.
pub(super) struct Held {
    pub envelope: Envelope,
    pub vote: VoteId,
    pub voter: ParticipantId,
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held")
            .field("vote", &self.vote)
            .finish_non_exhaustive()
    }
}

/// The vote and voter of a secret ballot (a cast in a vote that is secret now).
pub(super) fn secret_cast(session: &Session, command: &Command) -> Option<(VoteId, ParticipantId)> {
    let Command::Vote {
        vote,
        op: VoteOp::Cast { voter, .. },
    } = command
    else {
        return None;
    };
    let secret = session.vote(*vote)?.anonymity == Anonymity::Secret;
    secret.then_some((*vote, *voter))
}

/// The votes whose held ballots must be applied before `command` is: the vote it acts on
/// (closing, a new round, ballots removed, an edit or a delete: [`ends_or_moves_the_round`]),
/// or every vote for a command that could take
/// a voter away (a participant deleted, a batch, a put-back).
pub(super) fn votes_concerned(command: &Command, held: &[Held]) -> Vec<VoteId> {
    let every = || {
        let mut votes: Vec<VoteId> = held.iter().map(|h| h.vote).collect();
        votes.dedup();
        votes
    };
    match command {
        Command::Vote { vote, op } if ends_or_moves_the_round(op) => vec![*vote],
        Command::Update(Item::Vote(vote)) => vec![vote.id],
        Command::Delete {
            target: ItemRef::Vote(vote),
            ..
        } => vec![*vote],
        Command::Delete {
            target: ItemRef::Participant(_),
            ..
        }
        | Command::Update(Item::Participant(_))
        | Command::Insert { .. }
        | Command::Batch(_) => every(),
        _ => Vec::new(),
    }
}

/// Whether `op` closes the vote's round, moves to another round or takes ballots away — what
/// its held ballots must be in the session before. A timer, a show of hands, paper ballots
/// added or a tie by lot leave the round open as it is: the held ballots keep waiting (a timer
/// set on a secret vote must not seal a batch of one).
fn ends_or_moves_the_round(op: &VoteOp) -> bool {
    !matches!(
        op,
        VoteOp::SetDeadline { .. }
            | VoteOp::RecordHands { .. }
            | VoteOp::AddBallots { .. }
            | VoteOp::Cast { .. }
            | VoteOp::BreakTie { .. }
            | VoteOp::SetTieBreak { .. }
    )
}

/// Checks a secret ballot without keeping it: applied to the session and taken back at once
/// (the session is as it was), and refused when its voter already has a ballot held.
pub(super) fn check(
    session: &mut Session,
    held: &[Held],
    command: &Command,
    (vote, voter): (VoteId, ParticipantId),
) -> Result<(), CommandError> {
    if held.iter().any(|h| h.vote == vote && h.voter == voter) {
        return Err(VoteRefusal::AlreadyVoted(voter).into());
    }
    let rounds = session.vote(vote).map_or(0, |v| v.rounds.len());
    let applied = session.apply(command.clone())?;
    let undone = session.apply(applied.inverse);
    debug_assert!(
        undone.is_ok(),
        "an inverse applies to the state it was made for"
    );
    // The first ballot of an open vote with no round starts round 1: the trial's round goes.
    if let Some(tried) = session.votes.iter_mut().find(|v| v.id == vote) {
        tried.rounds.truncate(rounds);
    }
    Ok(())
}

/// Takes the ballots held for `vote` out of `held`, in a shuffled order.
pub(super) fn take(held: &mut Vec<Held>, vote: VoteId) -> Vec<Held> {
    let (mut batch, rest): (Vec<Held>, Vec<Held>) = std::mem::take(held)
        .into_iter()
        .partition(|h| h.vote == vote);
    *held = rest;
    // Fisher–Yates with the lot: the order the batch is applied in tells nothing either.
    for last in (1..batch.len()).rev() {
        let pick = usize::try_from(ballot::lot() % (last as u64 + 1)).unwrap_or(0);
        batch.swap(last, pick);
    }
    batch
}
