//! Goals: the goal tree.

pub mod board;
