//! Reading a paper-ballot file from disk, for the command line and the window (panels ask
//! for it, they never read files).
//!
//! The parsers above take bytes; this is the one place that reads a ballot file: at most
//! [`import::MAX_FILE_BYTES`] + 1 bytes, so that a larger file is refused as too large
//! without being read whole, and an unknown extension is refused before the file is opened.

use std::path::Path;

use crate::file_bytes::{Refused, read_at_most};
use crate::model::{AlternativeId, Ballot, Session, Vote};
use crate::voting::import::{self, BallotKind, ImportError, Imported};

/// Reads and parses the ballot file at `path` (format by extension, see
/// [`import::read_bytes`]). An error reading the file is [`ImportError::Io`] naming the path.
pub fn read(path: &Path, kind: BallotKind) -> Result<Imported, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The extension is checked first: a wrong file type is refused without opening it.
    import::check_name(&name, kind)?;
    let bytes = read_bytes(path)?;
    import::read_bytes(&name, &bytes, kind)
}

/// The file's bytes, at most one past the limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    read_at_most(path, import::MAX_FILE_BYTES).map_err(|refused| match refused {
        Refused::Io(e) => ImportError::Io {
            message: format!("{}: {e}", path.display()),
        },
        Refused::TooLarge(size) => ImportError::TooLarge { size },
    })
}

/// Reads a paper-ballot file (CSV or PrefLib) for `vote` and returns the ballots to add to its
/// current round, or why the file was refused (nothing is imported then). The error names
/// the file and, where known, the line.
pub fn read_for_vote(
    session: &Session,
    vote: &Vote,
    path: &Path,
) -> Result<Vec<Ballot>, ImportFailure> {
    let kind = import::BallotKind::for_method(&vote.method).ok_or(ImportFailure::Method)?;
    let names: Vec<(AlternativeId, String)> = vote
        .alternatives
        .iter()
        .filter_map(|id| session.alternative(*id).map(|a| (*id, a.title.clone())))
        .collect();
    let ballots = read(path, kind)
        .and_then(|imported| import::map_to_session(imported, &names))
        .map_err(|error| ImportFailure::File {
            line: error.line(),
            error,
        })?;
    Ok(ballots
        .into_iter()
        .map(|ballot| Ballot {
            voter: None,
            ..ballot
        })
        .collect())
}

/// Why a ballot file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// The vote's method has no file format (consent, dot voting, matrix).
    Method,
    /// The file was refused.
    File {
        /// The line, when the problem has one.
        line: Option<usize>,
        /// What is wrong (shown translated by [`crate::i18n::errors::import_error`]).
        error: import::ImportError,
    },
}
