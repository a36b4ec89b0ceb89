//! The seal of a closed vote round: a SHA-256 digest over a canonical serialization of the
//! round's ballots (as stored), voters and hands, with the time of closing.
//!
//! Anyone holding the file can recompute it (`stratboard verify`) and see whether the ballots
//! were changed after the round closed. In a secret vote the ballots are stored shuffled, so
//! the seal covers that order and says nothing about the order of casting.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Ballot, HandCount, ParticipantId, VoteRound};

/// The name of the canonical serialization, hashed first so that a later scheme cannot
/// collide with this one.
pub const SEAL_SCHEME: &str = "stratboard-seal-1";

/// What was recorded when a round was closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    /// When the round was closed (UTC, whole seconds).
    pub closed_at: DateTime<Utc>,
    /// SHA-256 of the canonical serialization, as 64 lowercase hex digits.
    pub sha256: String,
}

impl Seal {
    /// Seals `round` as it is now, closed at `closed_at` (truncated to whole seconds).
    pub fn of(round: &VoteRound, closed_at: DateTime<Utc>) -> Self {
        let closed_at = DateTime::from_timestamp(closed_at.timestamp(), 0).unwrap_or(closed_at);
        Self {
            sha256: seal_digest(round, closed_at),
            closed_at,
        }
    }

    /// The first 16 hex digits, as the protocol prints them.
    pub fn short(&self) -> &str {
        self.sha256.get(..16).unwrap_or(&self.sha256)
    }
}

/// The canonical form that is hashed: fields in this order, serialized as compact JSON.
#[derive(Serialize)]
struct Canonical<'a> {
    scheme: &'static str,
    closed_at: String,
    ballots: &'a [Ballot],
    voters: &'a [ParticipantId],
    hands: &'a [HandCount],
}

/// The hex SHA-256 digest of `round`'s ballots (in stored order), voters and hands with the
/// closing time `closed_at`; the tie-break and the round's number are not covered.
pub fn seal_digest(round: &VoteRound, closed_at: DateTime<Utc>) -> String {
    let canonical = Canonical {
        scheme: SEAL_SCHEME,
        closed_at: closed_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        ballots: &round.ballots,
        voters: &round.voters,
        hands: &round.hands,
    };
    // Serializing plain data to JSON cannot fail; an empty input would still hash.
    let bytes = serde_json::to_vec(&canonical).unwrap_or_default();
    let digest = Sha256::digest(&bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
