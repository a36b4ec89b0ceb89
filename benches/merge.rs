//! Bringing sections into the plenary (issue 27): 12 sections of 40 alternatives and 300
//! participants each merged into their plenary, as `stratboard merge` does it — the whole
//! process (start, read 13 files, plan, apply, check, save), and in-process its steps. Prints
//! median and worst times; the target is ≤ 100 ms for the whole process.
//!
//! `cargo bench --bench merge`

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use stratboard_core::fixtures::forum::{ForumSize, forum};
use stratboard_core::sections::{DEFAULT_TOP, SectionFile, plan_merge};
use stratboard_core::storage;

const RUNS: usize = 15;

fn median(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let size = ForumSize::LARGE;
    let (plenary, sections) = forum(size);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plenary_path = dir.path().join("plenary.ron");
    let pristine = storage::to_ron_string(&plenary).expect("the plenary serialises");
    let mut section_paths: Vec<PathBuf> = Vec::new();
    let mut bytes = pristine.len();
    for (i, section) in sections.iter().enumerate() {
        let path = dir.path().join(format!("section-{:02}.ron", i + 1));
        storage::save(&path, section, None).expect("a section is written");
        bytes += std::fs::metadata(&path).map_or(0, |m| m.len() as usize);
        section_paths.push(path);
    }
    println!(
        "forum: {} sections × {} alternatives, {} participants; {:.1} MB of files",
        size.sections,
        size.alternatives,
        size.participants,
        bytes as f64 / 1_048_576.0
    );

    let mut whole = Vec::new();
    for _ in 0..RUNS {
        std::fs::write(&plenary_path, &pristine).expect("the plenary is reset");
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_stratboard"))
            .arg("merge")
            .arg(&plenary_path)
            .args(&section_paths)
            .arg("--json")
            .output()
            .expect("stratboard runs");
        whole.push(started.elapsed());
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    let (median_whole, worst_whole) = median(whole);
    println!(
        "stratboard merge, whole process: median {median_whole:.1?}, worst {worst_whole:.1?} (target ≤ 100 ms)"
    );

    let (mut loads, mut plans, mut applies, mut saves) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        std::fs::write(&plenary_path, &pristine).expect("the plenary is reset");
        let started = Instant::now();
        let loaded = storage::load(&plenary_path).expect("the plenary loads");
        let files: Vec<SectionFile> = section_paths
            .iter()
            .map(|path| SectionFile {
                file: path.display().to_string(),
                session: storage::load(path).expect("a section loads").session,
            })
            .collect();
        loads.push(started.elapsed());
        let started = Instant::now();
        let plan = plan_merge(&loaded.session, &files, DEFAULT_TOP).expect("the merge plans");
        plans.push(started.elapsed());
        let mut session = loaded.session.clone();
        let started = Instant::now();
        session.apply(plan.command).expect("the merge applies");
        applies.push(started.elapsed());
        let started = Instant::now();
        storage::save(&plenary_path, &session, Some(&loaded.fingerprint)).expect("saved");
        saves.push(started.elapsed());
    }
    for (what, times) in [
        ("read 13 files", loads),
        ("plan", plans),
        ("apply (one command, checked once)", applies),
        ("save", saves),
    ] {
        let (median, worst) = median(times);
        println!("  {what}: median {median:.1?}, worst {worst:.1?}");
    }
}
