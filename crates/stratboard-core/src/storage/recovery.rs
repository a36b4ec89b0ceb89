//! Autosave to recovery files, apart from the user's documents.
//!
//! While a document has unsaved changes, the app writes it every few seconds to a recovery file
//! in the recovery folder (never over the user's file). On start, a recovery file newer than its
//! document is offered for restore. Saving the document discards its recovery file.
//!
//! A recovery file is RON: `Recovery(document: Some("/path/to/file.ron"), session: Session(…))`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::disk::{fnv1a, write_atomically};
use super::ron_text::read;
use super::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
use crate::model::Session;

/// The file name used for a document that was never saved.
const UNTITLED: &str = "untitled";
/// The ending of every recovery file.
const SUFFIX: &str = ".recovery.ron";

/// The recovery folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// What is inside a recovery file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Recovery", deny_unknown_fields)]
struct RecoveryFile {
    document: Option<PathBuf>,
    session: Session,
}

/// A recovery file found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written.
    pub modified: SystemTime,
}

/// A recovered session.
#[derive(Debug)]
pub struct Recovered {
    /// The document it belongs to, or `None` for a document never saved.
    pub document: Option<PathBuf>,
    /// The unsaved work.
    pub session: Session,
}

impl RecoveryStore {
    /// The per-user recovery folder (`~/.local/share/stratboard/recovery` on Linux).
    pub fn default_location() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("org", "stratboard", "stratboard")?;
        Some(Self::at(dirs.data_local_dir().join("recovery")))
    }

    /// A recovery folder at `dir` (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file of a document (`None`: a document never saved).
    pub fn path_for(&self, document: Option<&Path>) -> PathBuf {
        let name = match document {
            None => UNTITLED.to_owned(),
            Some(path) => {
                let absolute = absolute(path);
                let stem = absolute
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let key = absolute.to_string_lossy();
                format!("{stem}-{:016x}", fnv1a(key.as_bytes()))
            }
        };
        self.dir.join(format!("{name}{SUFFIX}"))
    }

    /// Writes the unsaved work of a document to its recovery file (atomically).
    pub fn write(&self, document: Option<&Path>, session: &Session) -> Result<PathBuf, SaveError> {
        let path = self.path_for(document);
        let error = |kind| SaveError {
            path: path.clone(),
            kind,
        };
        fs::create_dir_all(&self.dir).map_err(|e| {
            error(SaveErrorKind::Io {
                action: "create the recovery folder",
                message: e.to_string(),
            })
        })?;
        let file = RecoveryFile {
            document: document.map(absolute),
            session: session.clone(),
        };
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .struct_names(true);
        let text = ron::ser::to_string_pretty(&file, config).map_err(|e| {
            error(SaveErrorKind::Serialize {
                message: e.to_string(),
            })
        })?;
        write_atomically(&path, text.as_bytes()).map_err(|(action, e)| {
            error(SaveErrorKind::Io {
                action,
                message: e.to_string(),
            })
        })?;
        Ok(path)
    }

    /// The recovery file of `document` if it is newer than the document (or the document is
    /// gone), i.e. it holds work that was never saved.
    pub fn newer_than_document(&self, document: Option<&Path>) -> Option<Found> {
        let path = self.path_for(document);
        let modified = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
        let document_modified =
            document.and_then(|d| fs::metadata(d).and_then(|m| m.modified()).ok());
        match document_modified {
            Some(saved) if saved >= modified => None,
            _ => Some(Found { path, modified }),
        }
    }

    /// Reads a recovery file.
    pub fn load(&self, path: &Path) -> Result<Recovered, LoadError> {
        let error = |kind| LoadError {
            path: path.to_path_buf(),
            kind,
        };
        let text = fs::read_to_string(path).map_err(|e| {
            error(LoadErrorKind::Io {
                message: e.to_string(),
            })
        })?;
        let file: RecoveryFile = read(&text).map_err(error)?;
        let mut session = file.session;
        session.repair_next_id();
        Ok(Recovered {
            document: file.document,
            session,
        })
    }

    /// Removes the recovery file of a document (after a save, or when the user declines it).
    pub fn discard(&self, document: Option<&Path>) -> std::io::Result<()> {
        match fs::remove_file(self.path_for(document)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Every recovery file in the folder, newest first.
    pub fn list(&self) -> Vec<Found> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(SUFFIX))
            .filter_map(|entry| {
                let modified = entry.metadata().and_then(|m| m.modified()).ok()?;
                Some(Found {
                    path: entry.path(),
                    modified,
                })
            })
            .collect();
        found.sort_by(|a, b| {
            b.modified
                .cmp(&a.modified)
                .then_with(|| a.path.cmp(&b.path))
        });
        found
    }
}

fn absolute(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}
