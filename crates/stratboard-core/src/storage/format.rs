//! The RON text of a session: writing it deterministically, reading it strictly (with
//! [`super::ron_text`]), and routing older format versions through [`super::migrate`].

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::LoadErrorKind;
use super::migrate;
use super::ron_text::read;
use crate::model::{CURRENT_FORMAT_VERSION, Session};

/// Files larger than this are refused unread: a real session with hundreds of alternatives and
/// thousands of ballots is well under a megabyte.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The first line of every saved file.
const HEADER: &str = "// stratboard session file. Check it with `stratboard check FILE`.\n";

/// A session read from text.
#[derive(Debug)]
pub struct Parsed {
    /// The session, in the current format.
    pub session: Session,
    /// The version it was migrated from, if it was older.
    pub migrated_from: Option<u32>,
}

/// Writes a session as pretty RON. The same session always gives the same bytes.
pub fn to_ron_string(session: &Session) -> Result<String, ron::Error> {
    let body = ron::ser::to_string_pretty(session, pretty_config())?;
    let mut text = String::with_capacity(HEADER.len() + body.len() + 1);
    text.push_str(HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// How session files (and their journal's records) are pretty-printed.
pub(super) fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .escape_strings(true)
}

/// Reads a session from the bytes of a file.
pub fn parse_session(bytes: &[u8]) -> Result<Parsed, LoadErrorKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, col) = line_col(&bytes[..error.valid_up_to()]);
        LoadErrorKind::NotUtf8 { line, col }
    })?;
    if text.trim().is_empty() {
        return Err(LoadErrorKind::Empty);
    }
    let version = probe_version(text)?;
    let session = match version {
        v if v > CURRENT_FORMAT_VERSION => {
            let line = version_line(text);
            return Err(LoadErrorKind::NewerVersion {
                found: v,
                supported: CURRENT_FORMAT_VERSION,
                line,
            });
        }
        CURRENT_FORMAT_VERSION => read::<Session>(text)?,
        old => migrate::from_version(old, text)?,
    };
    let mut session = session;
    session.format_version = CURRENT_FORMAT_VERSION;
    // A file from before sessions recorded their language: guessed from its text, and
    // written with the next save.
    if session.meta.language.is_none() {
        session.meta.language = Some(session.guess_language());
    }
    // A file from before sessions had an identity (format 6): one derived from its bytes, so
    // the same file always loads with the same identity; the next save writes it down.
    if version < 6 && session.meta.id.is_empty() {
        session.meta.id = crate::model::SessionId::derived(bytes);
    }
    session.repair_next_id();
    let migrated_from = (version != CURRENT_FORMAT_VERSION).then_some(version);
    Ok(Parsed {
        session,
        migrated_from,
    })
}

/// Reads just `format_version`. A file without it is the v0 prototype format when it has the
/// v0 top-level `title` field, and the current format otherwise (hand-written files may leave
/// the version out).
fn probe_version(text: &str) -> Result<u32, LoadErrorKind> {
    #[derive(Deserialize)]
    #[serde(rename = "Session")]
    struct Probe {
        #[serde(default)]
        format_version: Version,
        #[serde(default)]
        title: Present,
    }
    let probe = read::<Probe>(text)?;
    Ok(match (probe.format_version.0, probe.title.0) {
        (Some(version), _) => version,
        (None, true) => 0,
        (None, false) => CURRENT_FORMAT_VERSION,
    })
}

/// The version number, when the field is present.
#[derive(Default)]
struct Version(Option<u32>);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer).map(|v| Version(Some(v)))
    }
}

/// Whether a field is present, whatever its value.
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Present(true))
    }
}

fn version_line(text: &str) -> usize {
    text.lines()
        .position(|line| line.contains("format_version"))
        .map_or(1, |index| index + 1)
}

/// The 1-based line and column just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let last_line = match prefix.iter().rposition(|&b| b == b'\n') {
        Some(newline) => &prefix[newline + 1..],
        None => prefix,
    };
    let col = String::from_utf8_lossy(last_line).chars().count() + 1;
    (line, col)
}
