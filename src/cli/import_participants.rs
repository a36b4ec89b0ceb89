//! `stratboard import-participants SESSION.ron FILE [--sheet NAME] [--dry-run]`: adds the
//! people of a CSV, XLSX or ODS list to a session (see `participants_import` in the core).
//!
//! Prints on stdout what it added (or, with `--dry-run`, would add): each person with their
//! group (and «no vote» when the voting column says so), the groups created, the people
//! already there whose right to vote the voting column changes, people skipped as already
//! there, empty rows, and columns not imported. A file with any problem is refused whole: one line per problem naming the file,
//! row and column, exit 1, and the session file is not touched. The session is saved
//! atomically (its previous version kept as `.bak`), only when someone is added or someone's
//! right to vote changes.

use std::path::Path;
use std::process::ExitCode;

use stratboard_core::participants_import::file as participants_file;
use stratboard_core::participants_import::{
    AlreadyIn, ImportPlan, Mapping, PlannedGroup, Table, Workbook, plan,
};
use stratboard_core::storage;

/// Runs the import.
pub fn run(session_path: &Path, list: &Path, sheet: Option<&str>, dry_run: bool) -> ExitCode {
    let loaded = match storage::load(session_path) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let shown = list.display().to_string();
    let workbook = match participants_file::read(list) {
        Ok(workbook) => workbook,
        Err(failure) => return refuse(&shown, &[failure.to_string()]),
    };
    let import = match planned(&workbook, sheet, &loaded.session) {
        Ok(import) => import,
        Err(reason) => return refuse(&shown, &[reason]),
    };
    let place = place_of(&shown, &import.sheet);
    if !import.above_header.is_empty() {
        let rows: Vec<String> = import
            .above_header
            .iter()
            .map(ToString::to_string)
            .collect();
        println!(
            "{place}: the header is row {}; not imported above it: {} {}",
            import.header_row,
            if rows.len() == 1 { "row" } else { "rows" },
            rows.join(", ")
        );
    }
    for unknown in &import.unknown_headers {
        println!("{}", unknown_line(&place, &unknown.column, &unknown.header));
    }
    if !import.is_ok() {
        let reasons: Vec<String> = import.problems.iter().map(ToString::to_string).collect();
        return refuse(&place, &reasons);
    }
    let mut session = loaded.session;
    let command = match import.command(&session) {
        Ok(command) => command,
        Err(error) => return refuse(&place, &[error.to_string()]),
    };
    for line in report_lines(&import, dry_run) {
        println!("{line}");
    }
    let summary = summary(&import);
    if dry_run {
        eprintln!(
            "{}: {summary} (dry run: nothing written)",
            session_path.display()
        );
        return ExitCode::SUCCESS;
    }
    if import.changes_nothing() {
        eprintln!("{}: nobody new to add; not changed", session_path.display());
        return ExitCode::SUCCESS;
    }
    if let Err(error) = session.apply(command) {
        return refuse(&place, &[error.to_string()]);
    }
    match storage::save(session_path, &session, Some(&loaded.fingerprint)) {
        Ok(_) => {
            eprintln!("{}: {summary}", session_path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The plan for the chosen sheet (the first by default), or why there is none.
fn planned(
    workbook: &Workbook,
    sheet: Option<&str>,
    session: &stratboard_core::model::Session,
) -> Result<ImportPlan, String> {
    let chosen = workbook.sheet(sheet).map_err(|e| e.to_string())?;
    let table = Table::from_sheet(chosen).map_err(|e| match chosen.name.as_str() {
        "" => e.to_string(),
        name => format!("sheet “{name}”: {e}"),
    })?;
    Ok(plan(&table, &Mapping::recognise(&table), session))
}

/// The file, with its sheet for a workbook: `list.xlsx [Участники]`.
fn place_of(file: &str, sheet: &str) -> String {
    if sheet.is_empty() {
        file.to_owned()
    } else {
        format!("{file} [{sheet}]")
    }
}

fn unknown_line(place: &str, column: &str, header: &str) -> String {
    if header.is_empty() {
        format!("{place}: column {column} has no header; not imported")
    } else {
        format!("{place}: column {column}: header “{header}” not recognised; not imported")
    }
}

/// Prints why the file is refused and fails.
fn refuse(place: &str, reasons: &[String]) -> ExitCode {
    for reason in reasons {
        println!("{place}: {reason}");
    }
    eprintln!("{place}: refused; nothing imported");
    ExitCode::FAILURE
}

/// One line per person added, group created, duplicate and empty row.
fn report_lines(import: &ImportPlan, dry_run: bool) -> Vec<String> {
    let (add, create, change) = if dry_run {
        ("would add", "would create group", "would change")
    } else {
        ("added", "created group", "changed")
    };
    let mut lines = Vec::new();
    for person in &import.people {
        let mut line = format!("{add}: row {}: {}", person.row, person.name);
        match person.group {
            PlannedGroup::None => {}
            PlannedGroup::Existing(_) => line.push_str(&format!(" — {}", person.group_name)),
            PlannedGroup::New(_) => line.push_str(&format!(" — {} (new)", person.group_name)),
        }
        if !person.voting {
            line.push_str(" (no vote)");
        }
        lines.push(line);
    }
    for voting in &import.voting_changes {
        let now = if voting.voting {
            "has a vote"
        } else {
            "has no vote"
        };
        lines.push(format!(
            "{change}: row {}: {} (participant {}) now {now}",
            voting.row, voting.name, voting.participant
        ));
    }
    for group in &import.new_groups {
        lines.push(format!("{create}: {group}"));
    }
    for duplicate in &import.duplicates {
        let already = match duplicate.already {
            AlreadyIn::Session(_) => "already in the session".to_owned(),
            AlreadyIn::File(row) => format!("already in row {row}"),
        };
        lines.push(format!(
            "skipped: row {}: {} ({already})",
            duplicate.row, duplicate.name
        ));
    }
    if !import.empty_rows.is_empty() {
        let rows: Vec<String> = import.empty_rows.iter().map(ToString::to_string).collect();
        lines.push(format!("skipped empty rows: {}", rows.join(", ")));
    }
    lines
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 participants added, 1 group created, 1 duplicate and 3 empty rows skipped", and
/// "; 1 right to vote changed" when the voting column changes someone's.
fn summary(import: &ImportPlan) -> String {
    let mut text = format!(
        "{} added, {} created, {} and {} skipped",
        plural(import.people.len(), "participant", "participants"),
        plural(import.new_groups.len(), "group", "groups"),
        plural(import.duplicates.len(), "duplicate", "duplicates"),
        plural(import.empty_rows.len(), "empty row", "empty rows"),
    );
    if !import.voting_changes.is_empty() {
        let changed = plural(import.voting_changes.len(), "right", "rights");
        text.push_str(&format!("; {changed} to vote changed"));
    }
    text
}
