//! Alternatives: the strategic alternatives as cards.

pub mod board;
pub mod projector;
