//! Idempotent ballots: a phone on a bad network sends a ballot with an `Idempotency-Key` (a
//! random id it made) and sends it again, with the same key, when no answer came. The room
//! answers the retry as it answered the first — and casts the ballot once.
//!
//! The first request with a key *leads*: it casts the ballot and its answer is remembered
//! ([`crate::access::Access::remember`], kept in the devices file) unless it is a 5xx, which
//! the retry should try again. A request with the same key while the leader is still under
//! way *waits* for the leader's answer; one after it gets the remembered answer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::http::HeaderMap;
use tokio::sync::watch;

use crate::keyed::Hash;

/// The request header that carries the key.
pub const HEADER: &str = "idempotency-key";
/// The longest key taken, in characters.
pub const MAX_KEY_CHARS: usize = 64;

/// What a request with a bad key is told.
pub const BAD_KEY: &str = "Idempotency-Key must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -";

/// The request's idempotency key: `Ok(None)` without one, `Err` for a key that is not 1 to
/// [`MAX_KEY_CHARS`] characters of `[A-Za-z0-9_-]` (or is sent twice).
pub fn key(headers: &HeaderMap) -> Result<Option<&str>, &'static str> {
    let mut values = headers.get_all(HEADER).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    let good = |key: &&str| {
        (1..=MAX_KEY_CHARS).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    match value.to_str() {
        Ok(key) if good(&key) && values.next().is_none() => Ok(Some(key)),
        _ => Err(BAD_KEY),
    }
}

/// An answer as it is remembered and repeated: the status and the JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body (JSON text).
    pub body: String,
}

/// Whose turn a request with a key is.
pub enum Turn {
    /// The answer is known already.
    Done(Answer),
    /// Another request with the key is under way: wait for its answer.
    Wait(watch::Receiver<Option<Answer>>),
    /// This request casts the ballot; [`Leader::finish`] with the answer.
    Lead(Leader, watch::Receiver<Option<Answer>>),
}

/// The requests under way, by the slot their answer goes to.
#[derive(Default, Debug)]
pub struct InFlight {
    pending: Mutex<HashMap<Hash, watch::Receiver<Option<Answer>>>>,
}

impl InFlight {
    /// The turn of a request for `slot`; `remembered` looks the answer up (asked while no
    /// other request for the slot can finish, so a request never casts twice).
    pub fn turn(self: &Arc<Self>, slot: Hash, remembered: impl FnOnce() -> Option<Answer>) -> Turn {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(answer) = remembered() {
            return Turn::Done(answer);
        }
        if let Some(waiting) = pending.get(&slot) {
            return Turn::Wait(waiting.clone());
        }
        let (sender, receiver) = watch::channel(None);
        pending.insert(slot, receiver.clone());
        let leader = Leader {
            slot,
            sender,
            flight: Arc::clone(self),
        };
        Turn::Lead(leader, receiver)
    }
}

/// The request that casts the ballot for its key. Dropping it (finished or not) frees the key:
/// the requests waiting get its answer, or none if it ended without one.
pub struct Leader {
    slot: Hash,
    sender: watch::Sender<Option<Answer>>,
    flight: Arc<InFlight>,
}

impl Leader {
    /// Gives the answer to every request waiting for it (remember it first, if at all).
    pub fn finish(self, answer: Answer) {
        self.sender.send_replace(Some(answer));
    }
}

impl Drop for Leader {
    fn drop(&mut self) {
        self.flight
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.slot);
    }
}

/// Waits for the answer of the request leading; `None` when it ended without one.
pub async fn wait(mut answer: watch::Receiver<Option<Answer>>) -> Option<Answer> {
    let given = answer.wait_for(Option::is_some).await.ok()?;
    given.clone()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(keys: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for key in keys {
            headers.append(HEADER, HeaderValue::from_str(key).unwrap());
        }
        headers
    }

    #[test]
    fn a_key_is_short_and_plain() {
        assert_eq!(key(&headers(&[])), Ok(None));
        assert_eq!(key(&headers(&["a-Z_09"])), Ok(Some("a-Z_09")));
        let longest = "k".repeat(MAX_KEY_CHARS);
        assert_eq!(key(&headers(&[&longest])), Ok(Some(longest.as_str())));
        let too_long = "k".repeat(MAX_KEY_CHARS + 1);
        for bad in ["", "a b", "a/b", "ключ", &too_long] {
            assert_eq!(key(&headers(&[bad])), Err(BAD_KEY), "{bad:?}");
        }
        assert_eq!(key(&headers(&["a", "b"])), Err(BAD_KEY), "sent twice");
    }

    #[test]
    fn the_second_request_waits_for_the_first_and_a_later_one_is_answered_from_memory() {
        let flight = Arc::new(InFlight::default());
        let slot = [1; 32];
        let Turn::Lead(leader, _) = flight.turn(slot, || None) else {
            panic!("the first leads")
        };
        let Turn::Wait(waiting) = flight.turn(slot, || None) else {
            panic!("the second waits")
        };
        let answer = Answer {
            status: 200,
            body: "{}".into(),
        };
        leader.finish(answer.clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        assert_eq!(runtime.block_on(wait(waiting)), Some(answer.clone()));
        let known = answer.clone();
        assert!(matches!(flight.turn(slot, || Some(known)), Turn::Done(a) if a == answer));
        // Not remembered (a 5xx): the next request leads again.
        assert!(matches!(flight.turn(slot, || None), Turn::Lead(..)));
    }
}
