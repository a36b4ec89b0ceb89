//! The core of stratboard: everything a strategic session is, without a window.
//!
//! The window, the command line and the room server (`stratboard-room`) all drive this crate;
//! none of its dependencies draws anything or opens a socket (CI checks the dependency tree). Arrows only
//! point down:
//! [`document`] (with its [`inbox`]) → [`commands`] / [`history`] → [`model`]; [`storage`], [`voting`], [`report`],
//! [`ballot`] → [`model`]; [`i18n`] holds the translated strings every layer shows.

pub mod ballot;
pub mod commands;
pub mod convergence;
mod csv_text;
pub mod deadlines;
pub mod document;
mod file_bytes;
#[doc(hidden)]
pub mod fixtures;
pub mod history;
pub mod i18n;
pub mod inbox;
pub mod model;
pub mod participants_import;
pub mod report;
pub mod roadmap;
pub mod sections;
pub mod storage;
pub mod timer;
pub mod verify;
pub mod voting;
