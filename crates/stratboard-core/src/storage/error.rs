//! Load and save errors that say what went wrong and where.

use std::fmt;
use std::path::PathBuf;

/// Why a file could not be loaded. The file on disk is never touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// What went wrong while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read (missing, no permission, a folder, …).
    Io {
        /// The operating system's explanation.
        message: String,
    },
    /// The file is larger than any real session; it is not read.
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is empty (or only white space).
    Empty,
    /// The bytes at `line:col` are not UTF-8 text.
    NotUtf8 {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        col: usize,
    },
    /// The RON does not describe a session.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What was expected or found.
        message: String,
    },
    /// Written by a newer stratboard; refused rather than misread.
    NewerVersion {
        /// The file's `format_version`.
        found: u32,
        /// The newest this build reads.
        supported: u32,
        /// Where `format_version` is.
        line: usize,
    },
}

impl LoadError {
    /// The line and column the error points at, when it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match &self.kind {
            LoadErrorKind::NotUtf8 { line, col } | LoadErrorKind::Syntax { line, col, .. } => {
                Some((*line, *col))
            }
            LoadErrorKind::Empty => Some((1, 1)),
            LoadErrorKind::NewerVersion { line, .. } => Some((*line, 1)),
            LoadErrorKind::Io { .. } | LoadErrorKind::TooLarge { .. } => None,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path.display(), self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { message } => write!(f, "cannot read the file: {message}"),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, larger than any session file (the limit is {:.0} MB); \
                 it was not read",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Self::Empty => write!(
                f,
                "the file is empty; a session file starts with `Session(`"
            ),
            Self::NotUtf8 { .. } => write!(
                f,
                "the file is not UTF-8 text (a session file is RON text in UTF-8); \
                 the first bad byte is here"
            ),
            Self::Syntax { message, .. } => write!(f, "{message}"),
            Self::NewerVersion {
                found, supported, ..
            } => write!(
                f,
                "the file has format_version {found}, written by a newer stratboard; \
                 this version reads up to {supported}. Update stratboard to open it \
                 (the file was not changed)"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Why a session could not be saved. The document stays unsaved (dirty); the file on disk is
/// either the old version or untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: SaveErrorKind,
}

/// What went wrong while saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveErrorKind {
    /// The file on disk is not what was loaded: someone else changed it.
    ChangedOnDisk,
    /// A file operation failed.
    Io {
        /// What was being done ("create a temporary file", "fsync", …).
        action: &'static str,
        /// The operating system's explanation.
        message: String,
    },
    /// The session would be larger than any session file may be ([`super::MAX_FILE_BYTES`]):
    /// the loader would refuse it, so it is not written.
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The session could not be written as RON (should not happen).
    Serialize {
        /// The serializer's explanation.
        message: String,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            SaveErrorKind::ChangedOnDisk => write!(
                f,
                "{path}: the file was changed on disk since it was opened; \
                 not overwritten (save as another file, or reload it)"
            ),
            SaveErrorKind::Io { action, message } => {
                write!(
                    f,
                    "{path}: could not {action}: {message}; the file on disk is unchanged"
                )
            }
            SaveErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "{path}: the session would be {:.1} MB, larger than any session file may be \
                 (the limit is {:.0} MB); not written, the file on disk is unchanged",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            SaveErrorKind::Serialize { message } => {
                write!(f, "{path}: could not write the session as RON: {message}")
            }
        }
    }
}

impl std::error::Error for SaveError {}
