//! Reading and writing session files on disk: size limit, fingerprints, atomic save, backup.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use atomic_write_file::AtomicWriteFile;

use super::format::{MAX_FILE_BYTES, parse_session, to_ron_string};
use super::journal;
use super::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
use crate::model::{Problem, Session};

/// What a file on disk looked like when it was read or written, to notice changes by others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Its length in bytes.
    pub len: u64,
    /// Its modification time, where the file system has one.
    pub modified: Option<SystemTime>,
    /// A hash of its bytes (FNV-1a, 64 bits).
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of these bytes, with the file's modification time.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            hash: fnv1a(bytes),
        }
    }

    /// Whether both describe the same content. The modification time alone does not count as
    /// a change: a file touched but not edited loses nothing when overwritten.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A session loaded from disk.
#[derive(Debug)]
pub struct Loaded {
    /// The session (migrated to the current format).
    pub session: Session,
    /// What the file looked like, for [`save`]'s change check.
    pub fingerprint: Fingerprint,
    /// The format version it was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// What [`Session::validate`] found; loading does not fail on these.
    pub problems: Vec<Problem>,
    /// The journal replayed after the file (`NAME.ron.journal`: the room's batches saved
    /// since the file was written whole), if there was one for this version of the file.
    pub journal: Option<journal::Tail>,
}

/// Loads a session file, with what its journal adds ([`journal::replay`]). Never writes
/// anything.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let error = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let (bytes, modified) = read_limited(path).map_err(error)?;
    let mut parsed = parse_session(&bytes).map_err(error)?;
    let fingerprint = Fingerprint::of(&bytes, modified);
    let journal = journal::replay(path, &fingerprint, &mut parsed.session);
    let problems = parsed.session.validate();
    Ok(Loaded {
        session: parsed.session,
        fingerprint,
        migrated_from: parsed.migrated_from,
        problems,
        journal,
    })
}

/// The fingerprint of the file as it is on disk now, or `None` when there is no file.
pub fn read_fingerprint(path: &Path) -> Result<Option<Fingerprint>, LoadError> {
    if !path.exists() {
        return Ok(None);
    }
    let (bytes, modified) = read_limited(path).map_err(|kind| LoadError {
        path: path.to_path_buf(),
        kind,
    })?;
    Ok(Some(Fingerprint::of(&bytes, modified)))
}

/// Reads a whole file, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
fn read_limited(path: &Path) -> Result<(Vec<u8>, Option<SystemTime>), LoadErrorKind> {
    let io = |e: std::io::Error| LoadErrorKind::Io {
        message: describe_io(&e),
    };
    let file = fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if metadata.is_dir() {
        let message = "it is a folder, not a file".to_owned();
        return Err(LoadErrorKind::Io { message });
    }
    if metadata.len() > MAX_FILE_BYTES {
        let (bytes, limit) = (metadata.len(), MAX_FILE_BYTES);
        return Err(LoadErrorKind::TooLarge { bytes, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let (bytes, limit) = (bytes.len() as u64, MAX_FILE_BYTES);
        return Err(LoadErrorKind::TooLarge { bytes, limit });
    }
    Ok((bytes, metadata.modified().ok()))
}

/// `NAME.ron` → `NAME.ron.bak`: where [`save`] keeps the previous version.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a session atomically: the target is always either the old or the new version.
///
/// `loaded` is the fingerprint of the file as it was opened (or last saved). When given and the
/// file on disk no longer matches it, nothing is written and [`SaveErrorKind::ChangedOnDisk`]
/// is returned. Pass `None` for a new file or after the user agreed to overwrite.
///
/// The previous version, if any, is kept as [`backup_path`]; the file's journal, which the
/// session holds, is removed ([`journal::remove`]). A session larger than [`MAX_FILE_BYTES`]
/// is not written ([`SaveErrorKind::TooLarge`]): no save makes a file the loader refuses.
/// Returns the new fingerprint.
pub fn save(
    path: &Path,
    session: &Session,
    loaded: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let started = SystemTime::now();
    let error = |kind| SaveError {
        path: path.to_path_buf(),
        kind,
    };
    let text = to_ron_string(session).map_err(|e| {
        error(SaveErrorKind::Serialize {
            message: e.to_string(),
        })
    })?;
    if text.len() as u64 > MAX_FILE_BYTES {
        let (bytes, limit) = (text.len() as u64, MAX_FILE_BYTES);
        return Err(error(SaveErrorKind::TooLarge { bytes, limit }));
    }
    let previous = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(error(io_error("read the current file", &e))),
    };
    if let (Some(expected), Some(bytes)) = (loaded, &previous)
        && !expected.same_content(&Fingerprint::of(bytes, None))
    {
        return Err(error(SaveErrorKind::ChangedOnDisk));
    }
    if let Some(bytes) = &previous {
        write_atomically(&backup_path(path), bytes)
            .map_err(|(action, e)| error(io_error(action, &e)))?;
    }
    write_atomically(path, text.as_bytes()).map_err(|(action, e)| error(io_error(action, &e)))?;
    journal::remove(path);
    remove_stale_temporaries(path, started);
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Fingerprint::of(text.as_bytes(), modified))
}

/// The length of the random part of a temporary file's name (`.NAME.ron.Ab3dE9`), as the
/// atomic writer makes it.
const TEMPORARY_SUFFIX: usize = 6;

/// Removes the temporary files that saves of `path` (or of its backup) left behind when the
/// process was killed mid-save: only names of exactly the saver's pattern, `.NAME.ron.XXXXXX`
/// and `.NAME.ron.bak.XXXXXX` (six letters or digits), only regular files, and only those last
/// written before `older_than` (a save under way elsewhere writes a newer one). Nothing else
/// in the folder is touched. Returns how many were removed; a file that cannot be removed is
/// left (the next save tries again).
pub fn remove_stale_temporaries(path: &Path, older_than: SystemTime) -> usize {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
    else {
        return 0;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let backup = format!("{name}.bak");
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(candidate) = file_name.to_str() else {
            continue;
        };
        if !is_temporary_of(candidate, name) && !is_temporary_of(candidate, &backup) {
            continue;
        }
        let Ok(metadata) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let stale = metadata
            .modified()
            .is_ok_and(|written| written < older_than);
        if metadata.is_file() && stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `candidate` is `.BASE.` followed by exactly [`TEMPORARY_SUFFIX`] ASCII letters or
/// digits.
fn is_temporary_of(candidate: &str, base: &str) -> bool {
    candidate
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(base))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|suffix| {
            suffix.len() == TEMPORARY_SUFFIX && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Why a path cannot take an export (a protocol, a ballot list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTargetProblem {
    /// No file name was given.
    NoName,
    /// The path is a session file (`.ron`, its `.bak`, or the open session itself): an export
    /// never overwrites one.
    SessionFile,
    /// The path is a folder.
    Folder,
}

/// What is wrong with writing an export to `path`, if anything; `session` is the session's own
/// file, when it has one.
pub fn export_target_problem(path: &Path, session: Option<&Path>) -> Option<ExportTargetProblem> {
    if path.as_os_str().is_empty() {
        return Some(ExportTargetProblem::NoName);
    }
    // Windows drops trailing dots and spaces from a name: "plan.ron." is "plan.ron" there.
    let name = path
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .trim_end_matches(['.', ' '])
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let is_session = name.ends_with(".ron") || name.ends_with(".bak");
    let same = session.is_some_and(|s| match (path.canonicalize(), s.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    });
    if is_session || same {
        return Some(ExportTargetProblem::SessionFile);
    }
    if path.is_dir() {
        return Some(ExportTargetProblem::Folder);
    }
    None
}

/// Writes a file that is not a session (an exported protocol, a ballot list) atomically: `path`
/// ends up as the old file or the whole new one, never half written.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes).map_err(|(action, e)| SaveError {
        path: path.to_path_buf(),
        kind: io_error(action, &e),
    })
}

/// Writes a temporary file next to `path`, fsyncs it, renames it over `path`, fsyncs the
/// folder. On error, `path` is untouched and the temporary file is removed.
pub(super) fn write_atomically(
    path: &Path,
    bytes: &[u8],
) -> Result<(), (&'static str, std::io::Error)> {
    let mut file = AtomicWriteFile::options()
        .open(path)
        .map_err(|e| ("create a temporary file in the folder", e))?;
    file.write_all(bytes).map_err(|e| ("write the file", e))?;
    file.commit()
        .map_err(|e| ("sync and rename the file into place", e))
}

fn io_error(action: &'static str, error: &std::io::Error) -> SaveErrorKind {
    SaveErrorKind::Io {
        action,
        message: describe_io(error),
    }
}

/// The OS error in words, without Rust's "(os error 13)" noise.
fn describe_io(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// FNV-1a, 64 bits: a stable content hash without another dependency.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
