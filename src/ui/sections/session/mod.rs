//! Session & agenda: the session's header and its timeboxed agenda (`board.rs`, with each
//! item's speaking round in `speakers.rs`); on the projector, the session screen
//! (`projector.rs`) and, while someone has the floor, the speaking round (`speaking.rs`, also
//! the secretary's key-point bar).

pub mod board;
pub mod projector;
mod speakers;
pub mod speaking;
