//! The session protocol (minutes) in Markdown, HTML, DOCX, PDF and CSV, and the action plan
//! as an XLSX workbook ([`xlsx`]).
//!
//! [`protocol::build`] turns a session into one format-neutral [`Document`]; a writer per format
//! renders it. CSV is different: it lists the ballots of every vote, one row per ballot (or per
//! counted show-of-hands line). Everything here is pure — bytes in memory, no files, no egui;
//! the CLI and the window decide where the bytes go.
//!
//! User text is never markup: Markdown escapes its punctuation, HTML and the XML inside DOCX
//! escape `& < > " '`, PDF draws glyphs.
//!
//! Beside the protocol, [`cards::participant_cards`] prints the participants' room codes:
//! eight cards to an A4 page, each with a person's code and a QR code of their join link.

mod attendance;
/// Participant cards (PDF): each participant's room code and the QR code of their join
/// link, eight cards to an A4 page.
pub mod cards;
mod context;
mod convergence;
pub mod csv;
pub mod document;
pub mod docx;
pub mod html;
pub mod markdown;
/// The passport of an initiative (паспорт инициативы), DOCX or PDF.
pub mod passport;
pub mod pdf;
mod pdf_tags;
mod pdf_text;
mod plan;
pub mod protocol;
mod sections;
mod speaking;
pub mod votes;
pub mod xlsx;
mod zone;

use std::fmt;
use std::path::{Path, PathBuf};

pub use cards::participant_cards;
pub use document::Document;
pub use zone::Zone;

use crate::i18n::Language;
use crate::model::Session;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown: plain text that reads well as it is.
    Markdown,
    /// One self-contained HTML file (inline CSS, SVG charts) that prints to A4.
    Html,
    /// Word document (Office Open XML).
    Docx,
    /// PDF, A4, with embedded fonts.
    Pdf,
    /// The ballots of every vote as CSV.
    Csv,
    /// The action plan, indicators and risks as an Excel workbook.
    Xlsx,
}

impl Format {
    /// Every format, in the order the export dialog offers them.
    pub const ALL: [Self; 6] = [
        Self::Docx,
        Self::Pdf,
        Self::Html,
        Self::Markdown,
        Self::Csv,
        Self::Xlsx,
    ];

    /// The file extension (without the dot), also the CLI name except for Markdown (`md`).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    /// The format for a CLI name or extension (`md`, `markdown`, `html`, `htm`, …).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "docx" => Some(Self::Docx),
            "pdf" => Some(Self::Pdf),
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    /// The output path next to a session file: `plan.ron` → `plan.docx`.
    pub fn path_next_to(self, session: &Path) -> PathBuf {
        session.with_extension(self.extension())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The DOCX package could not be written.
    #[error("could not build the DOCX document: {0}")]
    Docx(String),
    /// The XLSX workbook could not be written.
    #[error("could not build the XLSX workbook: {0}")]
    Xlsx(String),
    /// The PDF could not be written.
    #[error("could not build the PDF document: {0}")]
    Pdf(String),
    /// The passport's alternative does not exist or is hidden.
    #[error(transparent)]
    Passport(#[from] passport::PassportError),
    /// Participant cards were asked for, but no participant has a personal code.
    #[error("no participant has a personal code, so there are no cards to print")]
    NoParticipantCodes,
}

/// The session's quorum as the protocol states it, after «Кворум:» / "Quorum:": «более
/// половины членов с правом голоса (13 из 24); присутствует 17, по доверенности 1 — кворум
/// имеется»; `None` when the session has no quorum rule. (The command line's register prints
/// the same line.)
pub fn quorum_text(session: &Session, tr: &crate::i18n::Tr) -> Option<String> {
    attendance::quorum_value(session, tr)
}

/// The passport of an initiative as DOCX or PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PassportFormat {
    /// Word document.
    Docx,
    /// PDF, A4.
    Pdf,
}

impl PassportFormat {
    /// The format for a CLI name: `passport-pdf` or `passport-docx`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "passport-pdf" => Some(Self::Pdf),
            "passport-docx" => Some(Self::Docx),
            _ => None,
        }
    }

    /// The file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

/// The passport of the initiative `alternative` ([`passport::build`]) in `format`, its times
/// in `zone`.
pub fn export_passport(
    session: &Session,
    alternative: crate::model::AlternativeId,
    format: PassportFormat,
    language: Language,
    zone: Zone,
) -> Result<Vec<u8>, ExportError> {
    let doc = passport::build(session, alternative, language, zone)?;
    match format {
        PassportFormat::Docx => docx::render(&doc),
        PassportFormat::Pdf => pdf::render(&doc),
    }
}

/// The protocol of `session` in `language` as a document (for previews and writers), its
/// times in this computer's time zone.
pub fn document(session: &Session, language: Language) -> Document {
    protocol::build(session, language)
}

/// The protocol (or, for CSV, the ballots) of `session` in `format` and `language`, its times
/// in this computer's time zone.
pub fn export(
    session: &Session,
    format: Format,
    language: Language,
) -> Result<Vec<u8>, ExportError> {
    export_in(session, format, language, Zone::Local)
}

/// [`export`] with the protocol's times in `zone` (a fixed offset makes the output the same on
/// every machine).
pub fn export_in(
    session: &Session,
    format: Format,
    language: Language,
    zone: Zone,
) -> Result<Vec<u8>, ExportError> {
    let doc = || protocol::build_in(session, language, zone);
    match format {
        Format::Markdown => Ok(markdown::render(&doc()).into_bytes()),
        Format::Html => Ok(html::render(&doc()).into_bytes()),
        Format::Docx => docx::render(&doc()),
        Format::Pdf => pdf::render(&doc()),
        Format::Csv => Ok(csv::ballots(session, language).into_bytes()),
        Format::Xlsx => xlsx::render(session, language),
    }
}
