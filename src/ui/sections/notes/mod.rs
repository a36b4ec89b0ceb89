//! Notes: free notes taken during the session.

pub mod board;
pub mod projector;
