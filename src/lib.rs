//! stratboard: a desktop board for running strategic sessions.
//!
//! This crate is the shell: the window ([`app`] and its panels in [`ui`]) and the command line
//! ([`cli`]). The room server for phones is the `stratboard-room` crate. Everything else — the
//! model, commands and undo, the document, storage, voting and the file readers, the protocol,
//! translations — is the `stratboard-core` crate, re-exported here under the same names. See
//! `ARCHITECTURE.md`.

pub use stratboard_core::{
    commands, convergence, document, fixtures, history, i18n, inbox, model, participants_import,
    report, storage, timer, verify, voting,
};

pub mod app;
pub mod cli;
pub mod ui;
