//! Reading an imported file (a ballot file, a participant list) from disk with a size limit:
//! a file the system says is larger is refused before it is read, and at most one byte past
//! the limit is ever read (the parsers refuse that too), so a file that grows while it is
//! read is not held whole.

use std::io::Read as _;
use std::path::Path;

/// Why a file's bytes were not read.
#[derive(Debug)]
pub(crate) enum Refused {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// The system says the file has this many bytes, more than the limit.
    TooLarge(u64),
}

/// The bytes of the file at `path`, at most `limit` + 1 of them.
pub(crate) fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let file = std::fs::File::open(path).map_err(Refused::Io)?;
    let size = file.metadata().map_err(Refused::Io)?.len();
    if size > limit {
        return Err(Refused::TooLarge(size));
    }
    // The whole file in one allocation, not a chain of doublings.
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |s| s + 1));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    Ok(bytes)
}
