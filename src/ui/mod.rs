//! The facilitator's board: the floor the panels stand on ([`board`]), one folder per section
//! ([`sections`], with its registry [`sections::SECTIONS`]), the presentation frame
//! ([`present`]) and the floor of the projector's screens ([`projector`]), the theme and shared
//! widgets.
//!
//! Panels read the session (`&Session`) and push [`Command`](stratboard_core::commands::Command)s into
//! the [`Board`]; the app applies them at the end of the frame, so a panel never changes the
//! session itself. Panels own only transient state (selection, what is being typed).

pub mod board;
pub mod bring_in;
pub mod chips;
pub mod export;
pub mod heatmap;
pub mod help;
/// The translated names of model choices (they live in `i18n`; re-exported for the panels).
pub mod labels {
    pub use stratboard_core::i18n::labels::*;
}
pub mod messages;
pub mod new_section;
pub mod participants_import;
pub mod present;
pub mod projector;
pub mod qr;
pub mod quorum;
pub mod risks;
pub mod sections;
pub mod theme;
pub mod widgets;

pub use board::{Board, ShellRequest, Spotlight};
pub use sections::{BoardState, section_view, sections_panel};
