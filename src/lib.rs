//! stratboard: a desktop board for running strategic sessions.
//!
//! This crate is the shell: the window ([`app`] and its panels in [`ui`]) and the command line
//! ([`cli`]). The room server for phones is the `stratboard-room` crate. Everything else — the
//! model, commands and undo, the document, storage, voting and the file readers, the protocol,
//! translations — is the `stratboard-core` crate, which this crate names by its own name
//! (`stratboard_core::model`, …), so every import shows where the crate border is. See
//! `ARCHITECTURE.md`.

pub mod app;
pub mod cli;
pub mod ui;
