//! Session files: RON load/save that never loses data.
//!
//! - [`load`] reads a file, refuses anything it cannot read faithfully (too large, not UTF-8,
//!   broken RON, a newer format version) with a `file:line:col` message, and migrates older
//!   format versions.
//! - [`save`] writes a temporary file in the same folder, fsyncs it, renames it over the
//!   target and fsyncs the folder; the previous version is kept as `NAME.ron.bak`. When told
//!   what was loaded, it refuses to overwrite a file that was changed on disk since.
//! - [`journal`] appends what the room's durable batches change beside the file
//!   (`NAME.ron.journal`), so that a ballot's save does not rewrite a large file; [`load`]
//!   replays it, [`save`] folds it into the file.
//! - [`recovery`] keeps autosaved copies of unsaved work apart from the user's files.
//!
//! No egui here.

mod disk;
mod error;
mod format;
pub mod journal;
mod migrate;
pub mod recovery;
mod ron_text;

pub use disk::{
    ExportTargetProblem, Fingerprint, Loaded, backup_path, export_target_problem, load,
    read_fingerprint, remove_stale_temporaries, save, write_file,
};
pub use error::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
pub use format::{MAX_FILE_BYTES, Parsed, parse_session, to_ron_string};
