//! The board's sections, one folder each: the board panel (`board.rs`) of every section.

pub mod alternatives;
pub mod decisions;
pub mod goals;
pub mod notes;
pub mod positions;
pub mod session;
pub mod situation;
pub mod stakeholders;
pub mod votes;
