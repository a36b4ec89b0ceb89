//! Goals: the goal tree.

pub mod board;
pub mod indicators;
pub mod projector;
