//! Decisions & actions: each decision with its action items.

pub mod board;
pub mod plan;
pub mod projector;
