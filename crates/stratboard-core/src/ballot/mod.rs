//! The ballot a voter fills in: the one place that knows, per voting method, what a ballot
//! asks and how it is filled in ([`Form`], serialised for the phone page), how the marks on it
//! become a [`Choice`](crate::model::Choice) ([`Draft`], [`Form::choice`]), and why a draft
//! cannot be cast yet ([`check`], [`Incomplete`]). The booth, the phone page and the votes
//! panel draw and check ballots through this module; none of them lists the methods.
//!
//! Whether a ballot is valid is the vote's rule ([`Vote::check_choice`](crate::model::Vote),
//! which the command layer enforces on every ballot however it arrives); [`check`] applies the
//! same rule to a draft, so the two cannot disagree. A cast ballot's lot (where a secret ballot
//! lands among the round's ballots) comes from [`lot`], as does a tie broken by lot.

mod draft;
mod form;

pub use draft::{Draft, Incomplete, check, ranking};
pub use form::{Ask, Form, Input};

/// A fresh random number for a lot: where a secret ballot lands among the round's ballots
/// (so the saved file cannot link a voter to a choice), or who wins a tie drawn by lot. Every
/// ballot and every lot takes its randomness from here. It comes from the operating system;
/// should that fail, from the standard library's per-process random hasher over the time,
/// which is still unpredictable to the room (all a lot needs).
pub fn lot() -> u64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_ok() {
        return u64::from_le_bytes(bytes);
    }
    use std::hash::BuildHasher as _;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::collections::hash_map::RandomState::new().hash_one(nanos)
}
