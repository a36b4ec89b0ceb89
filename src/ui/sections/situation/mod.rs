//! Situation analysis: strengths, weaknesses, opportunities and threats.

pub mod board;
pub mod projector;
