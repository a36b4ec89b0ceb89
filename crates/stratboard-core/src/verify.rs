//! Checking a session's sealed votes (`stratboard verify`): every seal recomputed from the
//! round as stored, and every closed round's result counted again from its ballots.
//!
//! Pure: it reads a [`Session`] and never changes it.

use crate::model::{Session, Vote, VoteId, VoteStatus, seal_digest};
use crate::voting;

/// One closed (or sealed) round, as checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundCheck {
    /// The vote.
    pub vote: VoteId,
    /// The round's index in the vote's list of rounds (0-based, as in the file).
    pub index: usize,
    /// The round's number (1, 2, …).
    pub number: u32,
    /// The seal as recorded, if the round has one.
    pub sealed: Option<String>,
    /// The digest of the round as stored now (with the seal's closing time); `None` when the
    /// round has no seal.
    pub now: Option<String>,
    /// The closing time recorded in the seal (RFC 3339).
    pub closed_at: Option<String>,
    /// What does not match, one message each; empty when all matches.
    pub mismatches: Vec<Mismatch>,
}

/// What does not match in a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The ballots, voters or hands differ from what was sealed.
    SealChanged {
        /// The digest recorded at closing.
        sealed: String,
        /// The digest of the round as stored now.
        now: String,
    },
    /// A ballot no longer fits the vote's method or alternatives.
    BadBallot {
        /// The ballot's index in the round.
        ballot: usize,
        /// Why.
        problem: String,
    },
    /// The round cannot be counted any more.
    NoResult(String),
    /// The tie-break recorded in the round does not fit the tie counted now.
    TieBreakStale,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SealChanged { sealed, now } => write!(
                f,
                "ballots changed after closing (sealed {}…, now {}…)",
                short(sealed),
                short(now)
            ),
            Self::BadBallot { ballot, problem } => {
                write!(f, "ballots[{ballot}] does not fit the vote: {problem}")
            }
            Self::NoResult(why) => write!(f, "the result cannot be counted again: {why}"),
            Self::TieBreakStale => {
                write!(f, "the recorded tie-break does not fit the tie counted now")
            }
        }
    }
}

/// The first 16 hex digits of a digest.
fn short(digest: &str) -> &str {
    digest.get(..16).unwrap_or(digest)
}

/// Whether round `index` of `vote` is closed: every round of a closed vote, and every round
/// but the last of an open one.
fn is_closed(vote: &Vote, index: usize) -> bool {
    match vote.status {
        VoteStatus::Closed => true,
        VoteStatus::Open => index + 1 < vote.rounds.len(),
        VoteStatus::Draft => false,
    }
}

/// Checks every closed or sealed round of every vote, in the file's order.
pub fn verify(session: &Session) -> Vec<RoundCheck> {
    let mut checks = Vec::new();
    for vote in &session.votes {
        for (index, round) in vote.rounds.iter().enumerate() {
            let closed = is_closed(vote, index);
            if !closed && round.seal.is_none() {
                continue;
            }
            let mut mismatches = Vec::new();
            let now = round
                .seal
                .as_ref()
                .map(|seal| seal_digest(round, seal.closed_at));
            if let (Some(seal), Some(now)) = (&round.seal, &now)
                && seal.sha256 != *now
            {
                mismatches.push(Mismatch::SealChanged {
                    sealed: seal.sha256.clone(),
                    now: now.clone(),
                });
            }
            if closed {
                for (at, ballot) in round.ballots.iter().enumerate() {
                    if let Err(problem) = vote.check_choice(&ballot.choice) {
                        mismatches.push(Mismatch::BadBallot {
                            ballot: at,
                            problem: problem.to_string(),
                        });
                    }
                }
                match voting::count_round(vote, round) {
                    Err(error) => mismatches.push(Mismatch::NoResult(error.to_string())),
                    Ok(tally) => {
                        if round.tie_break.is_some()
                            && voting::recorded_tie_break(round, &tally).is_none()
                        {
                            mismatches.push(Mismatch::TieBreakStale);
                        }
                    }
                }
            }
            checks.push(RoundCheck {
                vote: vote.id,
                index,
                number: round.number,
                sealed: round.seal.as_ref().map(|s| s.sha256.clone()),
                now,
                closed_at: round.seal.as_ref().map(|s| {
                    s.closed_at
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                }),
                mismatches,
            });
        }
    }
    checks
}
