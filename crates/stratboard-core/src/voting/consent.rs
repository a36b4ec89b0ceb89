//! Consent votes: for / against / abstain (and, when allowed, block) on one proposal.
//!
//! The rule, exactly:
//! - Only [`Choice::Consent`] ballots are counted; any other kind adds its `count` to
//!   [`Tally::ignored`]. `Tally::ballots` is every counted ballot: for + against + abstain +
//!   block.
//! - A block when blocks are not allowed counts as against.
//! - Quorum: reached when no quorum is set, or when the ballots counted (abstentions and
//!   blocks included) are at least the quorum.
//! - Votes cast = for + against. Abstentions are cast ballots (they count towards the quorum)
//!   but not votes cast, so they do not move the threshold.
//! - Threshold over votes cast, in exact integers:
//!   - simple majority: for > (for + against) / 2, i.e. 2·for > for + against (exactly half
//!     does not pass);
//!   - two thirds: 3·for ≥ 2·(for + against) (exactly two thirds passes);
//!   - at least p %: 100·for ≥ p·(for + against);
//!   - unanimous: against = 0.
//!
//!   In every case at least one "for" is needed: with no votes cast nothing passes.
//! - The proposal passes when the quorum is reached, the threshold is met and, when blocks are
//!   allowed, nobody blocked.
//!
//! Result: `winners` is the vote's alternative(s) when the proposal passes, else empty;
//! `ranking` is one group holding the vote's alternatives; `scores` stays empty (the numbers
//! are in [`Tally::consent`]).

use super::{Election, Tally, TallyError};
use crate::model::{Choice, ConsentChoice, Threshold};

/// The counts and verdict of a consent vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentResult {
    /// За.
    pub for_: u64,
    /// Против (including blocks when blocks are not allowed).
    pub against: u64,
    /// Воздержались.
    pub abstain: u64,
    /// Blocks (always 0 when blocks are not allowed: they count as against).
    pub block: u64,
    /// Votes cast for the threshold: for + against.
    pub votes_cast: u64,
    /// Whether the quorum was reached.
    pub quorum_reached: bool,
    /// Whether the threshold of votes cast was met (regardless of quorum and blocks).
    pub threshold_met: bool,
    /// Whether the proposal passes: quorum reached, threshold met, and no block.
    pub passed: bool,
}

/// Whether `for_` out of `for_ + against` votes cast meets `threshold` (at least one "for"
/// is always needed).
fn meets(threshold: Threshold, for_: u64, against: u64) -> bool {
    let (f, cast) = (u128::from(for_), u128::from(for_) + u128::from(against));
    if f == 0 {
        return false;
    }
    match threshold {
        Threshold::SimpleMajority => 2 * f > cast,
        Threshold::TwoThirds => 3 * f >= 2 * cast,
        Threshold::AtLeastPercent(p) => 100 * f >= u128::from(p) * cast,
        Threshold::Unanimous => against == 0,
    }
}

/// Counts a consent vote (see the module documentation for the exact rule).
///
/// Errors: a percentage threshold above 100, which nothing could meet.
pub fn count(election: &Election<'_>, allow_block: bool) -> Result<Tally, TallyError> {
    const METHOD: &str = "consent";
    if let Threshold::AtLeastPercent(p) = election.threshold
        && p > 100
    {
        return Err(TallyError::BadSettings {
            method: METHOD,
            reason: super::Setting::ImpossibleThreshold { percent: p },
        });
    }
    let (mut for_, mut against, mut abstain, mut block, mut ignored) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    for ballot in election.ballots {
        let count = u64::from(ballot.count);
        match &ballot.choice {
            Choice::Consent(ConsentChoice::For) => for_ += count,
            Choice::Consent(ConsentChoice::Against) => against += count,
            Choice::Consent(ConsentChoice::Abstain) => abstain += count,
            Choice::Consent(ConsentChoice::Block) if allow_block => block += count,
            Choice::Consent(ConsentChoice::Block) => against += count,
            _ => ignored += count,
        }
    }
    let ballots = for_ + against + abstain + block;
    let quorum_reached = election
        .quorum
        .is_none_or(|quorum| ballots >= u64::from(quorum));
    let threshold_met = meets(election.threshold, for_, against);
    let passed = quorum_reached && threshold_met && block == 0;
    let mut tally = Tally::empty(METHOD, election.alternatives);
    tally.ballots = ballots;
    tally.ignored = ignored;
    if passed {
        tally.winners = election.alternatives.to_vec();
    }
    tally.consent = Some(ConsentResult {
        for_,
        against,
        abstain,
        block,
        votes_cast: for_ + against,
        quorum_reached,
        threshold_met,
        passed,
    });
    Ok(tally)
}
