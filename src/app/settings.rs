//! What the app remembers between runs: language, theme, recent files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::ui::theme::ThemeKind;

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

/// The key under which settings are kept in eframe's storage.
pub const STORAGE_KEY: &str = "stratboard-settings";

/// Remembered settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub language: Language,
    /// Light or dark.
    pub theme: ThemeKind,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The presentation's zoom (Ctrl+plus / Ctrl+minus in presentation mode).
    pub presentation_zoom: f32,
    /// High-contrast presentation (H in presentation mode).
    pub high_contrast: bool,
    /// The last export format (its extension: "docx", "pdf", …).
    pub export_format: Option<String>,
    /// The last language a protocol was exported in.
    pub export_language: Option<Language>,
    /// The address the room was last opened on (one of this machine's addresses).
    pub room_address: Option<std::net::IpAddr>,
    /// The port the room was last opened on.
    pub room_port: u16,
    /// Whether the room lets guests in (ideas only, no votes).
    pub room_guests: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::from_system(),
            theme: ThemeKind::Light,
            recent: Vec::new(),
            presentation_zoom: 1.0,
            high_contrast: false,
            export_format: None,
            export_language: None,
            room_address: None,
            room_port: 8080,
            room_guests: false,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// The most recent file that still exists.
    pub fn last_existing(&self) -> Option<&Path> {
        self.recent
            .iter()
            .map(PathBuf::as_path)
            .find(|p| p.exists())
    }
}
