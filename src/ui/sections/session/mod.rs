//! Session & agenda: the session's header and its timeboxed agenda.

pub mod board;
mod speakers;
