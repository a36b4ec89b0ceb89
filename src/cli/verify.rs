//! `stratboard verify SESSION.ron [--json]`: recomputes every seal and every closed round's
//! result; one line per mismatch on stdout (exit 1), a summary on stderr. Reads the file
//! only: nothing is written, renamed or cleaned next to it.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use stratboard_core::storage;
use stratboard_core::verify::{RoundCheck, verify};

/// Runs `verify` on one file.
pub fn run(path: &Path, json: bool) -> ExitCode {
    let shown = path.display();
    // `storage::load` only reads (with the loader's size limit and its messages).
    let session = match storage::load(path) {
        Ok(loaded) => loaded.session,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let checks = verify(&session);
    let mismatches: usize = checks.iter().map(|c| c.mismatches.len()).sum();
    let sealed = checks.iter().filter(|c| c.sealed.is_some()).count();
    let unsealed = checks.len() - sealed;
    if json {
        println!("{}", to_json(&shown.to_string(), &checks));
    } else {
        for check in &checks {
            for mismatch in &check.mismatches {
                println!(
                    "{shown}: votes[id={}].rounds[{}]: {mismatch}",
                    check.vote.0, check.index
                );
            }
        }
    }
    let mismatch_word = if mismatches == 1 {
        "mismatch"
    } else {
        "mismatches"
    };
    let rounds_word = if checks.len() == 1 { "round" } else { "rounds" };
    eprintln!(
        "{shown}: {} closed {rounds_word} checked, {sealed} sealed, {unsealed} closed before seals \
         existed (no seal to check); {mismatches} {mismatch_word}",
        checks.len()
    );
    if mismatches == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The checks as one JSON object: `file`, `ok`, and `rounds` (each with `vote`, `round`
/// (its number), `index`, `sealed`, `now`, `closed_at` and `mismatches`).
pub fn to_json(file: &str, checks: &[RoundCheck]) -> Value {
    let rounds: Vec<Value> = checks
        .iter()
        .map(|check| {
            json!({
                "vote": check.vote.0,
                "round": check.number,
                "index": check.index,
                "sealed": check.sealed,
                "now": check.now,
                "closed_at": check.closed_at,
                "mismatches": check.mismatches.iter().map(ToString::to_string).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "file": file,
        "ok": checks.iter().all(|c| c.mismatches.is_empty()),
        "rounds": rounds,
    })
}
