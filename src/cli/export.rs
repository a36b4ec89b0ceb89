//! `stratboard export SESSION.ron --format FORMAT [--alternative ID] [-o OUT] [--lang ru|en]`:
//! writes the protocol (for CSV the ballots, for XLSX the action plan's workbook, for
//! `passport-pdf` / `passport-docx` the passport of the initiative `--alternative`) next to the
//! session or where `-o` says.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stratboard_core::i18n::Language;
use stratboard_core::model::AlternativeId;
use stratboard_core::report::{self, Format, PassportFormat, Zone};
use stratboard_core::storage::{self, ExportTargetProblem};

/// Where the export goes (`default` without -o), or why it cannot go there.
fn destination(session: &Path, default: PathBuf, output: Option<&Path>) -> Result<PathBuf, String> {
    let path = output.map_or(default, Path::to_path_buf);
    match storage::export_target_problem(&path, Some(session)) {
        None => Ok(path),
        Some(ExportTargetProblem::NoName) => Err("-o: the output file name is empty".to_owned()),
        Some(ExportTargetProblem::SessionFile) => Err(format!(
            "{}: refusing to write an export over a session file; choose another name with -o",
            path.display()
        )),
        Some(ExportTargetProblem::Folder) => Err(format!(
            "{}: is a folder; give a file name with -o",
            path.display()
        )),
    }
}

/// What was asked besides the session and the format.
pub struct Options<'a> {
    /// The passport's alternative.
    pub alternative: Option<u32>,
    /// Where to write.
    pub output: Option<&'a Path>,
    /// The language asked for.
    pub lang: Option<&'a str>,
}

/// What to write: a protocol format, or a passport of an alternative.
enum Kind {
    Protocol(Format),
    Passport(PassportFormat, AlternativeId),
}

/// The kind of export for `--format` and `--alternative`, or why they do not go together.
fn kind(format: &str, alternative: Option<u32>) -> Result<Kind, String> {
    if let Some(passport) = PassportFormat::from_name(format) {
        return match alternative {
            Some(id) => Ok(Kind::Passport(passport, AlternativeId(id))),
            None => Err(format!(
                "--format {format}: say whose passport with --alternative ID"
            )),
        };
    }
    let Some(format) = Format::from_name(format) else {
        return Err(format!(
            "--format: unknown format `{format}`; use md, html, docx, pdf, csv, xlsx, \
             passport-pdf or passport-docx"
        ));
    };
    if alternative.is_some() {
        return Err(
            "--alternative: only the passport formats (passport-pdf, passport-docx) take it"
                .to_owned(),
        );
    }
    Ok(Kind::Protocol(format))
}

/// `plan.ron` → `plan-passport-3.pdf`.
fn passport_path(session: &Path, format: PassportFormat, id: AlternativeId) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    session.with_file_name(format!("{stem}-passport-{}.{}", id.0, format.extension()))
}

fn language(lang: Option<&str>) -> Result<Option<Language>, String> {
    match lang.map(str::to_ascii_lowercase).as_deref() {
        // The session's own language, once it is loaded.
        None => Ok(None),
        Some("ru") => Ok(Some(Language::Russian)),
        Some("en") => Ok(Some(Language::English)),
        Some(other) => Err(format!("--lang: unknown language `{other}`; use ru or en")),
    }
}

/// Runs the export; prints what was written (or why not) on stderr.
pub fn run(session_path: &Path, format: &str, options: Options<'_>) -> ExitCode {
    let asked =
        kind(format, options.alternative).and_then(|kind| Ok((kind, language(options.lang)?)));
    let (kind, language) = match asked {
        Ok(asked) => asked,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = match super::load_anyway(session_path, "exporting") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let default = match kind {
        Kind::Protocol(format) => format.path_next_to(session_path),
        Kind::Passport(format, id) => passport_path(session_path, format, id),
    };
    let path = match destination(session_path, default, options.output) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let language = language.unwrap_or_else(|| loaded.session.language());
    let bytes = match kind {
        Kind::Protocol(format) => report::export(&loaded.session, format, language),
        Kind::Passport(format, id) => {
            report::export_passport(&loaded.session, id, format, language, Zone::Local)
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", session_path.display());
            return ExitCode::FAILURE;
        }
    };
    match storage::write_file(&path, &bytes) {
        Ok(()) => {
            eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
