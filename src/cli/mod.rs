//! The command-line subcommands (everything but the window).

pub mod attendance;
pub mod convergence;
pub mod export;
pub mod import_participants;
pub mod merge;
pub mod output;
pub mod serve;
pub mod tally;
pub mod verify;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stratboard_core::model::Session;
use stratboard_core::storage;

/// Loads the session at `path` for a subcommand that works on it even when it has problems:
/// a file that cannot be read is reported on stderr (`Err` is then the exit code to return);
/// problems only earn a note on stderr that the subcommand is `doing` it anyway.
fn load_anyway(path: &Path, doing: &str) -> Result<storage::Loaded, ExitCode> {
    let loaded = storage::load(path).map_err(|error| {
        eprintln!("{error}");
        ExitCode::FAILURE
    })?;
    if !loaded.problems.is_empty() {
        eprintln!(
            "{}: note: the session has {} problem(s) (see `stratboard check`); {doing} anyway",
            path.display(),
            loaded.problems.len()
        );
    }
    Ok(loaded)
}

/// `stratboard check FILE...`: prints one line per problem to stdout, a summary to stderr.
pub fn check(files: &[PathBuf]) -> ExitCode {
    let mut problems = 0usize;
    for file in files {
        match storage::load(file) {
            Err(error) => {
                println!("{error}");
                problems += 1;
            }
            Ok(loaded) => {
                for problem in &loaded.problems {
                    println!("{}: {problem}", file.display());
                }
                problems += loaded.problems.len();
                if let Some(version) = loaded.migrated_from {
                    eprintln!(
                        "{}: note: written in format version {version}; \
                         it will be converted to version {} when saved",
                        file.display(),
                        stratboard_core::model::CURRENT_FORMAT_VERSION
                    );
                }
            }
        }
    }
    let files_word = if files.len() == 1 { "file" } else { "files" };
    let problems_word = if problems == 1 { "problem" } else { "problems" };
    eprintln!(
        "checked {} {files_word}: {problems} {problems_word}",
        files.len()
    );
    if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The section `section` of `plenary`, with the title, first day and language asked for
/// (else the plenary's title with the section's name, its dates, its language).
fn made_section(
    plenary: &Session,
    section: &NewSection,
    title: Option<String>,
    date: Option<chrono::NaiveDate>,
    language: Option<stratboard_core::i18n::Language>,
) -> Result<Session, stratboard_core::sections::SectionRefusal> {
    let mut session = plenary.section_of(
        &section.name,
        section.facilitator.as_deref(),
        section.keep_codes,
    )?;
    if let Some(title) = title {
        session.meta.title = title;
    }
    if date.is_some() {
        session.meta.start = date;
    }
    if let Some(language) = language {
        session.meta.language = Some(language);
    }
    Ok(session)
}

/// A section to make with `new --from PLENARY.ron --section NAME`.
pub struct NewSection {
    /// The section's name.
    pub name: String,
    /// Its moderator: a participant's name, or a new one.
    pub facilitator: Option<String>,
    /// Keep the plenary's participant codes (its printed cards work in the section too).
    pub keep_codes: bool,
}

/// `stratboard new -o FILE [--title TEXT] [--date DAY] [--from PREVIOUS.ron [--section NAME
/// [--facilitator NAME] [--keep-codes]]] [--force] [--lang ru|en]`.
pub fn new_session(
    output: &Path,
    title: Option<String>,
    date: Option<chrono::NaiveDate>,
    from: Option<&Path>,
    section: Option<NewSection>,
    force: bool,
    language: Option<stratboard_core::i18n::Language>,
) -> ExitCode {
    if output.exists() && !force {
        eprintln!(
            "{}: the file already exists; choose another name or pass --force",
            output.display()
        );
        return ExitCode::FAILURE;
    }
    let title = title.map(|t| t.trim().to_owned());
    if title.as_deref() == Some("") {
        eprintln!("--title: the title must not be empty");
        return ExitCode::FAILURE;
    }
    let session = match from {
        None => {
            let guessed = match &title {
                Some(title) => stratboard_core::model::Language::of_text([title.as_str()]),
                None => stratboard_core::i18n::Language::from_system(),
            };
            let mut session = Session::new(title.unwrap_or_else(|| "New strategic session".into()));
            session.meta.start = date;
            session.meta.language = Some(language.unwrap_or(guessed));
            session
        }
        Some(previous_path) => match storage::load(previous_path) {
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
            Ok(previous) => match &section {
                Some(section) => {
                    match made_section(&previous.session, section, title, date, language) {
                        Ok(session) => session,
                        Err(refusal) => {
                            eprintln!("{}: {refusal}", previous_path.display());
                            return ExitCode::FAILURE;
                        }
                    }
                }
                None => {
                    let title = title.unwrap_or_else(|| previous.session.meta.title.clone());
                    let mut session = Session::continue_from(&previous.session, title, date);
                    if let Some(language) = language {
                        session.meta.language = Some(language);
                    }
                    session
                }
            },
        },
    };
    match storage::save(output, &session, None) {
        Ok(_) => {
            let carried = session.actions.len();
            if let Some(of) = &session.meta.section {
                eprintln!(
                    "created {}: the section «{}» of {} with {} participants and {} goals",
                    output.display(),
                    of.name,
                    from.map(|p| p.display().to_string()).unwrap_or_default(),
                    session.participants.len(),
                    session.goals.len()
                );
            } else if from.is_some() {
                eprintln!(
                    "created {} with {} participants, {} goals and {carried} carried-over action items",
                    output.display(),
                    session.participants.len(),
                    session.goals.len()
                );
            } else {
                eprintln!("created {}", output.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
