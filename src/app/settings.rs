//! What the app remembers between runs: language, theme, recent files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ui::theme::ThemeKind;
use stratboard_core::i18n::Language;

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
        let mut path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        // The menu shows it: `C:\Users\…`, not the `\\?\C:\Users\…` Windows resolves it to.
        if cfg!(windows)
            && let Some(plain) = path.to_str().and_then(without_verbatim_prefix)
        {
            path = PathBuf::from(plain);
        }
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

/// A path as Windows' canonical form writes it (`\\?\C:\…`, `\\?\UNC\server\share\…`), as
/// people write it (`C:\…`, `\\server\share\…`); `None` for any other path. Rust's standard
/// library adds the prefix back where a long path needs it.
fn without_verbatim_prefix(path: &str) -> Option<String> {
    let rest = path.strip_prefix(r"\\?\")?;
    if let Some(share) = rest.strip_prefix(r"UNC\") {
        return Some(format!(r"\\{share}"));
    }
    let drive = rest.as_bytes();
    let plain =
        drive.len() >= 3 && drive[0].is_ascii_alphabetic() && drive[1] == b':' && drive[2] == b'\\';
    plain.then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::without_verbatim_prefix;

    #[test]
    fn windows_canonical_paths_are_remembered_as_people_write_them() {
        let plain = without_verbatim_prefix;
        assert_eq!(
            plain(r"\\?\C:\Users\Иван\Мои документы\сессия 2026.ron").as_deref(),
            Some(r"C:\Users\Иван\Мои документы\сессия 2026.ron")
        );
        assert_eq!(
            plain(r"\\?\UNC\server\общая папка\s.ron").as_deref(),
            Some(r"\\server\общая папка\s.ron")
        );
        assert_eq!(plain(r"\\?\Volume{1234}\s.ron"), None);
        assert_eq!(plain(r"C:\s.ron"), None);
        assert_eq!(plain("/home/ivan/s.ron"), None);
    }
}
