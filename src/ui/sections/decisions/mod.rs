//! Decisions & actions: each decision with its action items, and the action plan's views
//! (the roadmap, the roles matrix, the execution review); in a plenary, the sections'
//! decisions apart until adopted.

pub mod board;
pub mod from_sections;
pub mod plan;
pub mod projector;
pub mod review;
pub mod roadmap;
pub mod roles;
pub mod views;
