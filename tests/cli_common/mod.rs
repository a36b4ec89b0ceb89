//! What the command-line tests share: the binary, running it, and what it printed.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// The `stratboard` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_stratboard");

/// Runs the binary with `args` and waits for it.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// What it printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What it printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that the binary succeeded (showing what it printed if not); returns its standard
/// output.
#[track_caller]
pub fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        stdout(output),
        stderr(output)
    );
    stdout(output)
}

/// Asserts that `text` holds `part`, showing `text` if not.
#[track_caller]
pub fn assert_has(text: &str, part: &str) {
    assert!(text.contains(part), "no «{part}» in:\n{text}");
}

/// Asserts that the binary refused (exit code 1) and said `part` on standard error.
#[track_caller]
pub fn refused_with(output: &Output, part: &str) {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    assert_has(&stderr(output), part);
}

/// The path of a sample session in `sessions/`.
pub fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
        .display()
        .to_string()
}
