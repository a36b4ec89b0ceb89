//! The open event streams (`GET /api/events`), counted per device token and per client
//! address, so that one token or one host cannot hold the room's connections with streams.
//!
//! A token keeps at most [`STREAMS_PER_TOKEN`] streams: a new one ends its oldest (a reloaded
//! page opens a new stream before the old connection is noticed gone, so the newest wins). An
//! address holds at most half its connections ([`streams_per_address`]; the machine itself,
//! or no per-address cap at all, is not counted: [`crate::conns`]); past them a stream is
//! answered `503 busy`. A
//! stream with nothing to say for [`STREAM_IDLE`] ends; the page's `EventSource` opens a new
//! one by itself.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::oneshot;

use crate::keyed::Hash;

/// Event streams one device token keeps open at once.
pub const STREAMS_PER_TOKEN: usize = 2;
/// Event streams one client address keeps open at once: half its connections
/// ([`crate::conns::per_address_cap`]), so its requests still have room; `None`: `address`
/// is not counted.
pub fn streams_per_address(address: IpAddr) -> Option<(IpAddr, usize)> {
    let cap = crate::conns::per_address_cap()?;
    (!crate::conns::is_this_machine(address)).then_some((address, (cap / 2).max(1)))
}
/// How long a stream with no event to send stays open.
pub const STREAM_IDLE: Duration = Duration::from_secs(10 * 60);

/// The room's open streams.
#[derive(Debug, Default)]
pub struct Streams {
    open: Mutex<Open>,
}

#[derive(Debug, Default)]
struct Open {
    next: u64,
    /// Per token, its streams oldest first, each with the sender that ends it when dropped.
    by_token: HashMap<Hash, VecDeque<(u64, oneshot::Sender<()>)>>,
    by_address: HashMap<IpAddr, usize>,
}

/// One open stream's place; dropping it (the stream ended) gives the place back.
#[derive(Debug)]
pub struct Listening {
    streams: Arc<Streams>,
    token: Hash,
    address: Option<IpAddr>,
    id: u64,
}

impl Streams {
    /// Opens a stream for `token` from an address with its cap (`None`: not counted per
    /// address, [`streams_per_address`]): its place and a receiver that resolves when the
    /// stream must end (a newer one of the token took its place); `None` when the address has
    /// as many open as its cap.
    pub fn open(
        self: &Arc<Self>,
        token: Hash,
        limit: Option<(IpAddr, usize)>,
    ) -> Option<(Listening, oneshot::Receiver<()>)> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((address, cap)) = limit {
            let held = open.by_address.entry(address).or_insert(0);
            if *held >= cap {
                return None;
            }
            *held += 1;
        }
        let address = limit.map(|(address, _)| address);
        let id = open.next;
        open.next += 1;
        let (end, ended) = oneshot::channel();
        let mine = open.by_token.entry(token).or_default();
        mine.push_back((id, end));
        while mine.len() > STREAMS_PER_TOKEN {
            // Dropping its sender ends the oldest stream.
            mine.pop_front();
        }
        let place = Listening {
            streams: Arc::clone(self),
            token,
            address,
            id,
        };
        Some((place, ended))
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        let mut open = self
            .streams
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(mine) = open.by_token.get_mut(&self.token) {
            mine.retain(|(id, _)| *id != self.id);
            if mine.is_empty() {
                open.by_token.remove(&self.token);
            }
        }
        if let Some(address) = self.address
            && let Some(held) = open.by_address.get_mut(&address)
        {
            *held = held.saturating_sub(1);
            if *held == 0 {
                open.by_address.remove(&address);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_third_stream_of_a_token_ends_the_first() {
        let streams = Arc::new(Streams::default());
        let (first, mut first_ended) = streams.open([1; 32], None).unwrap();
        let (_second, mut second_ended) = streams.open([1; 32], None).unwrap();
        assert!(
            first_ended
                .try_recv()
                .is_err_and(|e| e == oneshot::error::TryRecvError::Empty)
        );
        let (_third, _) = streams.open([1; 32], None).unwrap();
        assert_eq!(
            first_ended.try_recv(),
            Err(oneshot::error::TryRecvError::Closed),
            "ended"
        );
        assert_eq!(
            second_ended.try_recv(),
            Err(oneshot::error::TryRecvError::Empty)
        );
        drop(first);
    }

    #[test]
    fn an_address_holds_so_many_streams_and_gets_its_places_back() {
        let streams = Arc::new(Streams::default());
        let address = Some((IpAddr::from([10, 0, 0, 2]), 4));
        let places: Vec<_> = (0..4)
            .map(|n| {
                streams
                    .open([u8::try_from(n).unwrap(); 32], address)
                    .unwrap()
            })
            .collect();
        assert!(streams.open([200; 32], address).is_none());
        let other = Some((IpAddr::from([10, 0, 0, 3]), 4));
        assert!(streams.open([200; 32], other).is_some(), "another address");
        drop(places);
        assert!(streams.open([200; 32], address).is_some());
    }
}
