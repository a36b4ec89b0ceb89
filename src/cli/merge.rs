//! `stratboard merge PLENARY.ron SECTION.ron... [--top N] [--dry-run] [--json]`: brings the
//! sections' results into the plenary (the core's `sections::plan_merge`), as the window's
//! File → Bring in section results… does.
//!
//! Every file is read first; any error, or a file that is not a section of this plenary, is a
//! refusal: exit 1 and the plenary untouched. `--dry-run` prints the same report and writes
//! nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stratboard_core::sections::{self, MergeReport, SectionFile};
use stratboard_core::storage;

/// What `merge` was asked.
pub struct Request<'a> {
    /// The plenary's file.
    pub plenary: &'a Path,
    /// The sections' files, in any order.
    pub sections: &'a [PathBuf],
    /// How many of each section's vote to bring.
    pub top: usize,
    /// Print what would be done; write nothing.
    pub dry_run: bool,
    /// Print one JSON object.
    pub json: bool,
}

/// Runs `stratboard merge`.
pub fn run(request: &Request<'_>) -> ExitCode {
    match merge(request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            eprintln!("{}: nothing was merged", request.plenary.display());
            ExitCode::FAILURE
        }
    }
}

fn merge(request: &Request<'_>) -> Result<(), String> {
    let mut all = read_all(request.plenary, request.sections).into_iter();
    let loaded = all.next().ok_or("no plenary was read")??;
    let mut files = Vec::with_capacity(request.sections.len());
    for (path, section) in request.sections.iter().zip(all) {
        files.push(SectionFile {
            file: path.display().to_string(),
            session: section?.session,
        });
    }
    let plan = sections::plan_merge(&loaded.session, &files, request.top)
        .map_err(|refusal| format!("{}: {refusal}", request.plenary.display()))?;
    let mut session = loaded.session.clone();
    let changes = !matches!(&plan.command, stratboard_core::commands::Command::Batch(steps) if steps.is_empty());
    session
        .apply(plan.command)
        .map_err(|error| format!("{}: {error}", request.plenary.display()))?;
    if !request.dry_run && (changes || loaded.migrated_from.is_some()) {
        storage::save(request.plenary, &session, Some(&loaded.fingerprint))
            .map_err(|error| error.to_string())?;
    }
    if request.json {
        let text = serde_json::to_string(&plan.report).map_err(|error| error.to_string())?;
        println!("{text}");
    } else {
        print_report(&plan.report);
    }
    let outcome = match (request.dry_run, changes) {
        (true, _) => "dry run: nothing written".to_owned(),
        (false, true) => format!("written {}", request.plenary.display()),
        (false, false) => "nothing changed".to_owned(),
    };
    eprintln!(
        "added {}, updated {}; {outcome}",
        plan.report.added, plan.report.updated
    );
    Ok(())
}

/// Reads the plenary and the sections side by side (a forum's files are read in the time of
/// the largest, not of all together); the results in the order given, the plenary first, so
/// the first error reported is the first file's.
fn read_all(plenary: &Path, sections: &[PathBuf]) -> Vec<Result<storage::Loaded, String>> {
    let paths: Vec<&Path> = std::iter::once(plenary)
        .chain(sections.iter().map(PathBuf::as_path))
        .collect();
    std::thread::scope(|scope| {
        let readers: Vec<_> = paths
            .iter()
            .map(|path| scope.spawn(move || storage::load(path).map_err(|e| e.to_string())))
            .collect();
        readers
            .into_iter()
            .zip(&paths)
            .map(|(reader, path)| {
                reader
                    .join()
                    .unwrap_or_else(|_| Err(format!("{}: could not be read", path.display())))
            })
            .collect()
    })
}

/// The report as lines: per section its alternatives (plenary id ← section id), then the
/// similar titles.
fn print_report(report: &MergeReport) {
    for section in &report.sections {
        println!(
            "{} ({}): {} alternative(s), {} decision(s)",
            section.section,
            section.file,
            section.alternatives.len(),
            section.decisions
        );
        for alternative in &section.alternatives {
            println!(
                "  #{} <- #{} {}",
                alternative.id, alternative.from, alternative.title
            );
        }
    }
    for [a, b] in &report.similar {
        println!("similar titles: #{a} and #{b} (combine them in the window if they are one idea)");
    }
}
