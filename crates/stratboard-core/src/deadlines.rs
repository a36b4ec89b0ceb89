//! Timed votes: a round the facilitator timed ([`VoteOp::SetDeadline`]) closes by itself when
//! its time is up. The owner of the session — the window, or `stratboard serve` — asks
//! [`Deadlines::due`] on every turn and sends the closes it returns.
//!
//! Each deadline is enforced once: a facilitator who undoes the close (or reopens the vote)
//! gets the vote back open, and it is not closed again for the same deadline until a new one
//! is set. A deadline that passed while the session was not open closes the vote when it is
//! opened again.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::commands::{Command, VoteOp};
use crate::model::{Session, VoteId};

/// The deadlines already enforced by this owner, so that each closes its vote once.
#[derive(Clone, Debug, Default)]
pub struct Deadlines {
    enforced: BTreeSet<(VoteId, u32, DateTime<Utc>)>,
}

impl Deadlines {
    /// The closes due at `now`, in vote order: one per open vote whose current round's
    /// deadline has passed and was not enforced before. Each close is sealed at the deadline
    /// itself, not at the moment the owner noticed.
    pub fn due(&mut self, session: &Session, now: DateTime<Utc>) -> Vec<Command> {
        session
            .votes_due(now)
            .into_iter()
            .filter_map(|(vote, deadline)| {
                let round = session.vote(vote)?.rounds.last()?.number;
                self.enforced
                    .insert((vote, round, deadline))
                    .then_some(Command::Vote {
                        vote,
                        op: VoteOp::Close { at: deadline },
                    })
            })
            .collect()
    }

    /// Sends the closes due at `now` ([`Deadlines::due`]) to the owner's inbox, each an undo
    /// step of its own; returns how many were sent.
    pub fn send_due(
        &mut self,
        session: &Session,
        sender: &crate::inbox::CommandSender,
        now: DateTime<Utc>,
    ) -> usize {
        let due = self.due(session, now);
        let count = due.len();
        for close in due {
            sender.send_own_step(close).ok();
        }
        count
    }

    /// The soonest deadline still to come after `now` (an owner that sleeps wakes by then).
    pub fn next(session: &Session, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        session
            .votes
            .iter()
            .filter(|vote| vote.status == crate::model::VoteStatus::Open)
            .filter_map(|vote| vote.rounds.last()?.deadline)
            .filter(|deadline| *deadline > now)
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Vote, VoteRound, VoteStatus};

    fn timed(deadline: DateTime<Utc>) -> Session {
        let mut session = Session::new("Timed");
        session.votes.push(Vote {
            id: VoteId(7),
            status: VoteStatus::Open,
            rounds: vec![VoteRound {
                deadline: Some(deadline),
                ..VoteRound::default()
            }],
            ..Vote::default()
        });
        session
    }

    #[test]
    fn a_timed_vote_closes_once_when_its_time_is_up() {
        let deadline = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let session = timed(deadline);
        let mut deadlines = Deadlines::default();
        let before = deadline - chrono::Duration::seconds(1);
        assert!(deadlines.due(&session, before).is_empty());
        assert_eq!(Deadlines::next(&session, before), Some(deadline));
        let closes = deadlines.due(&session, deadline);
        assert_eq!(
            closes,
            vec![Command::Vote {
                vote: VoteId(7),
                op: VoteOp::Close { at: deadline },
            }]
        );
        // The facilitator undid the close: the same deadline does not close it again.
        assert!(deadlines.due(&session, deadline).is_empty());
        // A new deadline does.
        let later = timed(deadline + chrono::Duration::seconds(60));
        assert_eq!(deadlines.due(&later, deadline).len(), 0);
        assert_eq!(
            deadlines
                .due(&later, deadline + chrono::Duration::seconds(61))
                .len(),
            1
        );
    }

    #[test]
    fn untimed_and_closed_votes_are_never_due() {
        let deadline = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let mut session = timed(deadline);
        session.votes[0].status = VoteStatus::Closed;
        let now = deadline + chrono::Duration::hours(1);
        assert!(Deadlines::default().due(&session, now).is_empty());
        session.votes[0].status = VoteStatus::Open;
        session.votes[0].rounds[0].deadline = None;
        assert!(Deadlines::default().due(&session, now).is_empty());
        assert_eq!(Deadlines::next(&session, now), None);
    }
}
