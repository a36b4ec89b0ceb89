//! Parallel sections and the plenary: a section session made from the plenary's file
//! ([`Session::section_of`]), each section's standing (its last closed vote and what it brings:
//! [`standing`]), bringing sections' results into the plenary as one command ([`plan_merge`]),
//! similar titles flagged ([`similar_titles`]) and two alternatives combined into one
//! ([`combine_steps`], applied by `Command::Combine`).
//!
//! Pure functions over sessions: no clock, no files. The same plenary and section files give
//! the same result in any order on any machine.
//!
//! [`Session::section_of`]: crate::model::Session::section_of

mod combine;
mod make;
mod map;
mod merge;
mod similar;
mod standing;
mod words;

pub use combine::{CombineRefusal, adopt_decision, combine_steps};
pub use make::SectionRefusal;
pub use merge::{
    BroughtAlternative, DEFAULT_TOP, MergePlan, MergeRefusal, MergeReport, SectionFile,
    SectionReport, plan_merge,
};
pub use similar::{similar_pairs, similar_titles};
pub use standing::{Standing, standing};
pub use words::{ballots_words, method_words, origin_words, place_words, section_words};
