//! Registration: who is in the room, the proxies, and the quorum — the secretary's view at the
//! door ([`board`]) and the quorum on the projector ([`projector`]); the words they share with
//! the rest of the window are in [`crate::ui::quorum`].

pub mod board;
pub mod projector;
