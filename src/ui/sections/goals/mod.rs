//! Goals: the goal tree.

pub mod board;
pub mod projector;
