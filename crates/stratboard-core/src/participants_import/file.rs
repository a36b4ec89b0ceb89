//! Reading a participant list (CSV, XLSX or ODS) from disk, for the command line and the
//! window (panels never read files). The core's reader takes bytes; this is the one place
//! that reads the file: at most [`MAX_FILE_BYTES`] + 1 bytes, so a larger file is refused
//! as too large without being read whole.

use std::path::Path;

use crate::file_bytes::{Refused, read_at_most};
use crate::i18n::Tr;
use crate::participants_import::{MAX_FILE_BYTES, ReadError, Workbook, read_workbook, text};

/// Why a participant list could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// The file could not be opened or read.
    Io(String),
    /// The file is not a participant list stratboard can read.
    Content(ReadError),
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(message) => write!(f, "cannot read the file: {message}"),
            Self::Content(error) => write!(f, "{error}"),
        }
    }
}

impl ReadFailure {
    /// The reason, translated.
    pub fn translated(&self, tr: &Tr) -> String {
        match self {
            Self::Io(message) => tr.with("pimport-damaged", "message", message),
            Self::Content(error) => text::read_error(tr, error),
        }
    }
}

/// The file's name as the reader is told it (its extension helps to tell a binary file).
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads the participant list at `path` into its sheets.
pub fn read(path: &Path) -> Result<Workbook, ReadFailure> {
    let bytes = read_bytes(path)?;
    read_workbook(&file_name(path), &bytes).map_err(ReadFailure::Content)
}

/// The file's bytes, at most one past the limit.
fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    read_at_most(path, MAX_FILE_BYTES).map_err(|refused| match refused {
        Refused::Io(e) => ReadFailure::Io(e.to_string()),
        Refused::TooLarge(size) => ReadFailure::Content(ReadError::TooLarge { size }),
    })
}
