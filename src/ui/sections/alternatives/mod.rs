//! Alternatives: the strategic alternatives as cards.

pub mod board;
pub mod projector;
pub mod provenance;
pub mod sections_screen;
