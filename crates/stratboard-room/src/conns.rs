//! How the room shares its connections, so that one hostile host cannot take them all.
//!
//! - **Per address.** One client address holds at most [`per_address_cap`] connections
//!   ([`PER_ADDRESS`], 64, unless `STRATBOARD_ROOM_PER_ADDRESS` says otherwise; 0 turns the cap
//!   off). A phone keeps one or two (its event stream and a request), so 64 leaves room for
//!   some 30 phones behind one address — a venue whose Wi-Fi puts phones behind a NAT router
//!   shows the room that router's address for all of them: there, raise the cap or turn it
//!   off. The machine itself (`127.0.0.1`, `::1`) is not counted: the window's own tests and
//!   the bench run thousands of phones from it, and whoever runs code on the facilitator's
//!   computer has the session file anyway. Other loopback addresses (`127.0.0.2`…) count as
//!   any client. Past the cap, an address still gets [`OVERFLOW_PER_ADDRESS`] connections that
//!   are answered one request each (below); past those, a new connection is closed at once.
//! - **The reserve.** The last [`RESERVED`] of the room's connections are kept for requests
//!   that must get through while anonymous connections fill the rest: a join (`POST
//!   /api/join`) and any request with the Bearer token of a known device (a ballot, an idea,
//!   the state). Since a connection is taken before its request is read, a connection that
//!   finds no ordinary slot is accepted, its request's headers read within
//!   [`crate::BUSY_HEADER_TIMEOUT`], and then either served from the reserve (one request,
//!   then closed) or answered `503 busy`.
//! - **Open files.** At start the process's soft limit of open files is raised to its hard
//!   limit ([`raise_open_files`]; a desktop's default of 1,024 is far below a hall's phones),
//!   and the connection caps are fitted under what it allows ([`Caps::fitting`]), so the room
//!   never runs out of descriptors and leaves new connections hanging.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

use crate::{MAX_BUSY_ANSWERS, MAX_CONNECTIONS};

/// Connections one client address may hold at once (see [`per_address_cap`]).
pub const PER_ADDRESS: usize = 64;
/// Connections over [`PER_ADDRESS`] one address may have answered at once (one request each,
/// from the reserve or `503 busy`).
pub const OVERFLOW_PER_ADDRESS: usize = 16;
/// Connections kept for joins and requests of known devices ([`crate::conns`]).
pub const RESERVED: usize = 256;
/// Descriptors left for everything else the process opens (the session file, its backup, the
/// devices file, the window's own) when the caps are fitted under the open-files limit.
pub const OTHER_FILES: u64 = 256;

/// The per-address cap: `STRATBOARD_ROOM_PER_ADDRESS` when it is a number (0: no cap), else
/// [`PER_ADDRESS`].
pub fn per_address_cap() -> Option<usize> {
    static CAP: std::sync::LazyLock<Option<usize>> = std::sync::LazyLock::new(|| {
        let set = std::env::var("STRATBOARD_ROOM_PER_ADDRESS").ok();
        match set.and_then(|n| n.trim().parse::<usize>().ok()) {
            Some(0) => None,
            Some(n) => Some(n),
            None => Some(PER_ADDRESS),
        }
    });
    *CAP
}

/// Whether `address` is the machine itself (`127.0.0.1`, `::1`), whose connections no
/// per-address cap counts.
pub fn is_this_machine(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => v4 == std::net::Ipv4Addr::LOCALHOST,
        IpAddr::V6(v6) => {
            v6 == std::net::Ipv6Addr::LOCALHOST
                || v6.to_ipv4_mapped() == Some(std::net::Ipv4Addr::LOCALHOST)
        }
    }
}

/// The room's connection caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    /// Connections served at once, the reserve included.
    pub served: usize,
    /// Of them, kept for joins and known devices.
    pub reserved: usize,
    /// Connections over the ordinary slots being answered at once (from the reserve or busy).
    pub overflow: usize,
}

impl Caps {
    /// The caps with `served` connections in all (the reserve a part of them).
    pub fn with_served(served: usize) -> Self {
        Self {
            served,
            reserved: RESERVED.min(served / 8),
            overflow: MAX_BUSY_ANSWERS,
        }
    }

    /// [`MAX_CONNECTIONS`] and [`MAX_BUSY_ANSWERS`], or fewer where `open_files` (the soft
    /// limit; `None`: no limit) would not hold them besides [`OTHER_FILES`].
    pub fn fitting(open_files: Option<u64>) -> Self {
        let Some(limit) = open_files else {
            return Self::with_served(MAX_CONNECTIONS);
        };
        let usable = usize::try_from(limit.saturating_sub(OTHER_FILES)).unwrap_or(usize::MAX);
        let wanted = MAX_CONNECTIONS + MAX_BUSY_ANSWERS;
        if usable >= wanted {
            return Self::with_served(MAX_CONNECTIONS);
        }
        let served = (usable * 4 / 5).max(1);
        Self {
            overflow: usable.saturating_sub(served).max(1),
            ..Self::with_served(served)
        }
    }
}

/// Raises the process's soft limit of open files to its hard limit (Unix; elsewhere nothing
/// to do) and returns the soft limit now in force (`None`: unlimited, or not known).
#[cfg(unix)]
pub fn raise_open_files() -> Option<u64> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        let raised = Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        if setrlimit(Resource::Nofile, raised).is_err() {
            // macOS refuses "unlimited" for open files; its own ceiling is 10,240.
            let ceiling = Rlimit {
                current: Some(limit.maximum.unwrap_or(10_240).min(10_240)),
                maximum: limit.maximum,
            };
            if ceiling.current > limit.current {
                setrlimit(Resource::Nofile, ceiling).ok();
            }
        }
    }
    getrlimit(Resource::Nofile).current
}

/// Raises the process's soft limit of open files (nothing to do on this system).
#[cfg(not(unix))]
pub fn raise_open_files() -> Option<u64> {
    None
}

/// The connections each client address holds.
#[derive(Debug, Default)]
pub struct Tally {
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// Where a new connection goes, by what its address holds already.
#[derive(Debug)]
pub enum Admission {
    /// An ordinary connection (if a slot is free).
    Ordinary(Ticket),
    /// Over the address's cap: one request, from the reserve or answered busy.
    Overflow(Ticket),
    /// Over even that: closed at once.
    Refused,
}

/// One connection counted for its address; dropping it counts it out.
#[derive(Debug)]
pub struct Ticket {
    tally: Option<(Arc<Tally>, IpAddr)>,
}

impl Tally {
    /// Counts a new connection from `address` against `cap` (`None`: no cap), unless it is
    /// the machine itself.
    pub fn admit(self: &Arc<Self>, address: IpAddr, cap: Option<usize>) -> Admission {
        let Some(cap) = cap.filter(|_| !is_this_machine(address)) else {
            return Admission::Ordinary(Ticket { tally: None });
        };
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let held = open.entry(address).or_insert(0);
        if *held >= cap + OVERFLOW_PER_ADDRESS {
            return Admission::Refused;
        }
        *held += 1;
        let ticket = Ticket {
            tally: Some((Arc::clone(self), address)),
        };
        if *held > cap {
            Admission::Overflow(ticket)
        } else {
            Admission::Ordinary(ticket)
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let Some((tally, address)) = self.tally.take() else {
            return;
        };
        let mut open = tally.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(held) = open.get_mut(&address) {
            *held = held.saturating_sub(1);
            if *held == 0 {
                open.remove(&address);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_cap_then_overflow_then_nothing_and_the_machine_is_not_counted() {
        let tally = Arc::new(Tally::default());
        let client = IpAddr::from([10, 0, 0, 9]);
        let mut kept = Vec::new();
        for _ in 0..4 {
            match tally.admit(client, Some(4)) {
                Admission::Ordinary(ticket) => kept.push(ticket),
                other => panic!("{other:?}"),
            }
        }
        for _ in 0..OVERFLOW_PER_ADDRESS {
            match tally.admit(client, Some(4)) {
                Admission::Overflow(ticket) => kept.push(ticket),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(tally.admit(client, Some(4)), Admission::Refused));
        let other = IpAddr::from([10, 0, 0, 10]);
        assert!(matches!(
            tally.admit(other, Some(4)),
            Admission::Ordinary(_)
        ));
        let machine = IpAddr::from([127, 0, 0, 1]);
        let many: Vec<_> = (0..100).map(|_| tally.admit(machine, Some(4))).collect();
        assert!(many.iter().all(|a| matches!(a, Admission::Ordinary(_))));
        assert!(!is_this_machine(IpAddr::from([127, 0, 0, 2])));
        kept.clear();
        assert!(matches!(
            tally.admit(client, Some(4)),
            Admission::Ordinary(_)
        ));
    }

    #[test]
    fn the_caps_fit_under_the_open_files_limit() {
        assert_eq!(Caps::fitting(None).served, MAX_CONNECTIONS);
        assert_eq!(Caps::fitting(Some(1 << 20)).served, MAX_CONNECTIONS);
        let small = Caps::fitting(Some(1024));
        assert!(
            small.served + small.overflow + OTHER_FILES as usize <= 1024,
            "{small:?}"
        );
        assert!(small.reserved > 0 && small.reserved < small.served);
        assert!(raise_open_files().is_none_or(|n| n >= 256));
    }
}
