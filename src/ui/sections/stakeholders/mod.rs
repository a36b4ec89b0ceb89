//! Stakeholders & participants: the groups, their people and the power/interest grid.

pub mod board;
mod grid;
pub mod projector;
