//! stratboard: a desktop board for running strategic sessions.
//!
//! The crate is layered; arrows only point down:
//! `ui` → `app` → [`commands`] / [`history`] / [`storage`] / [`voting`] / [`report`] →
//! [`model`]. [`model`], [`storage`], [`voting`] and [`report`] never import egui.

pub mod app;
pub mod commands;
#[doc(hidden)]
pub mod fixtures;
pub mod history;
pub mod i18n;
pub mod model;
pub mod report;
pub mod storage;
pub mod timer;
pub mod ui;
pub mod voting;
