//! `stratboard export SESSION.ron --format FORMAT [-o OUT] [--lang ru|en]`: writes the
//! protocol (or, for CSV, the ballots) next to the session or where `-o` says.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stratboard_core::i18n::Language;
use stratboard_core::report::{self, Format};
use stratboard_core::storage::{self, ExportTargetProblem};

/// Where the export goes, or why it cannot go there.
fn destination(session: &Path, format: Format, output: Option<&Path>) -> Result<PathBuf, String> {
    let path = output.map_or_else(|| format.path_next_to(session), Path::to_path_buf);
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

/// Runs the export; prints what was written (or why not) on stderr.
pub fn run(
    session_path: &Path,
    format: &str,
    output: Option<&Path>,
    lang: Option<&str>,
) -> ExitCode {
    let Some(format) = Format::from_name(format) else {
        eprintln!("--format: unknown format `{format}`; use md, html, docx, pdf or csv");
        return ExitCode::FAILURE;
    };
    let language = match lang.map(str::to_ascii_lowercase).as_deref() {
        // The session's own language, once it is loaded.
        None => None,
        Some("ru") => Some(Language::Russian),
        Some("en") => Some(Language::English),
        Some(other) => {
            eprintln!("--lang: unknown language `{other}`; use ru or en");
            return ExitCode::FAILURE;
        }
    };
    let loaded = match super::load_anyway(session_path, "exporting") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let path = match destination(session_path, format, output) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let language = language.unwrap_or_else(|| loaded.session.language());
    let bytes = match report::export(&loaded.session, format, language) {
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
