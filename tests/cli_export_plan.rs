//! `stratboard export --format xlsx` (the action plan as a workbook) and
//! `--format passport-pdf|passport-docx --alternative ID` (an initiative's passport): where
//! they are written, and the arguments they refuse. What the workbook and the passport hold
//! is tested in the core (`crates/stratboard-core/tests/report_plan.rs`).

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

mod cli_common;

use cli_common::{refused_with, run, stderr, succeeded};

fn copy_sample(dir: &Path) -> std::path::PathBuf {
    let session = dir.join("tos.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tos-support.ron"),
        &session,
    )
    .unwrap();
    session
}

#[test]
fn xlsx_and_passports_are_written_next_to_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = copy_sample(dir.path());
    let session = session.to_str().unwrap();
    let output = run(&["export", session, "--format", "xlsx", "--lang", "ru"]);
    succeeded(&output);
    let workbook = fs::read(dir.path().join("tos.xlsx")).unwrap();
    assert!(workbook.starts_with(b"PK"));
    // Alternative 45 is adopted in the sample.
    for (format, name, magic) in [
        ("passport-pdf", "tos-passport-45.pdf", &b"%PDF-"[..]),
        ("passport-docx", "tos-passport-45.docx", &b"PK"[..]),
    ] {
        let output = run(&["export", session, "--format", format, "--alternative", "45"]);
        succeeded(&output);
        let written = dir.path().join(name);
        assert!(stderr(&output).contains(&format!("wrote {}", written.display())));
        assert!(fs::read(&written).unwrap().starts_with(magic), "{format}");
    }
    let out = dir.path().join("passport.pdf");
    let output = run(&[
        "export",
        session,
        "--format",
        "passport-pdf",
        "--alternative",
        "44",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    succeeded(&output);
    assert!(
        out.exists(),
        "a postponed alternative gets a draft passport"
    );
}

#[test]
fn a_passport_needs_a_known_alternative_and_only_passports_take_one() {
    let dir = tempfile::tempdir().unwrap();
    let session = copy_sample(dir.path());
    let session = session.to_str().unwrap();
    let output = run(&["export", session, "--format", "passport-pdf"]);
    refused_with(&output, "say whose passport with --alternative ID");
    let output = run(&[
        "export",
        session,
        "--format",
        "passport-docx",
        "--alternative",
        "9999",
    ]);
    refused_with(&output, "the session has no alternative 9999");
    let output = run(&["export", session, "--format", "md", "--alternative", "45"]);
    refused_with(&output, "only the passport formats");
    let output = run(&["export", session, "--format", "odt"]);
    refused_with(
        &output,
        "unknown format `odt`; use md, html, docx, pdf, csv, xlsx",
    );
    let written: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["tos.ron"], "nothing is written");
}
