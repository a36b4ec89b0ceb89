//! Decisions & actions: each decision with its action items, and the action plan's views
//! (the roadmap, the roles matrix, the execution review).

pub mod board;
pub mod plan;
pub mod projector;
pub mod review;
pub mod roadmap;
pub mod roles;
pub mod views;
