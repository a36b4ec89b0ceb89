//! Votes: each vote as a card, and the voting booth of an open vote.
//!
//! The panels below name the floor they stand on through this module (`super::Board`,
//! `super::theme`, …).

pub mod board;
pub mod booth;

use crate::ui::{Board, ShellRequest, chips, labels, theme, widgets};
