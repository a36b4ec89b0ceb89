//! Kill safety: a process killed in the middle of saving (SIGKILL, many times, at random
//! moments) leaves the target file loadable as either the old or the new version, and the
//! temporary files it leaves are removed by the next save (or open) — and nothing else is.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::Session;
use stratboard_core::storage::{backup_path, load, save};

const CHILD_ENV: &str = "STRATBOARD_KILL_SAFETY_TARGET";

/// Two different versions of a large session.
fn versions() -> (Session, Session) {
    let a = generate(Size::LARGE);
    let mut b = a.clone();
    b.meta.title = "Версия Б".into();
    b.alternatives.truncate(150);
    b.positions
        .retain(|p| b.alternatives.iter().any(|a| a.id == p.alternative));
    b.votes.clear();
    b.decisions.iter_mut().for_each(|d| {
        d.vote = None;
        d.alternatives.clear();
    });
    b.notes.push(stratboard_core::model::Note {
        id: stratboard_core::model::NoteId(b.next_id),
        text: "Б".repeat(10_000),
        agenda_item: None,
    });
    b.next_id += 1;
    (a, b)
}

/// Run by the parent test in a child process: saves A and B alternately until killed.
#[test]
#[ignore = "helper: runs only as the child of `killed_saves_leave_old_or_new_version`"]
fn kill_safety_child_saver() {
    let Some(target) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let target = PathBuf::from(target);
    let (a, b) = versions();
    loop {
        for session in [&a, &b] {
            save(&target, session, None).expect("save");
        }
    }
}

#[test]
fn killed_saves_leave_old_or_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("session.ron");
    let (a, b) = versions();
    save(&target, &a, None).unwrap();
    let mut seen_a = 0;
    let mut seen_b = 0;
    let rounds = 40;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_safety_child_saver",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Vary the moment of the kill: the child spends most of its time inside saves.
        std::thread::sleep(Duration::from_millis(30 + (round * 37 % 120) as u64));
        child.kill().unwrap(); // SIGKILL: no destructor, no clean-up runs.
        child.wait().unwrap();
        let loaded = load(&target).unwrap_or_else(|e| panic!("round {round}: {e}"));
        if loaded.session == a {
            seen_a += 1;
        } else if loaded.session == b {
            seen_b += 1;
        } else {
            panic!("round {round}: the file is neither version");
        }
        assert_backup_is_a_version(&target, &a, &b);
    }
    assert_eq!(seen_a + seen_b, rounds);
    // The next successful save removes what the killed saves left.
    let left_by_kills = temporaries(&target).len();
    save(&target, &a, None).unwrap();
    let left = temporaries(&target);
    assert!(left.len() <= 1, "after the next save: {left:?}");
    eprintln!(
        "{left_by_kills} temporary files left by the kills; {} after the next save",
        left.len()
    );
    eprintln!("{rounds} kills: {seen_a} left version A, {seen_b} left version B");
}

fn assert_backup_is_a_version(target: &Path, a: &Session, b: &Session) {
    let backup = backup_path(target);
    if backup.exists() {
        let loaded = load(&backup).expect("the backup loads");
        assert!(
            loaded.session == *a || loaded.session == *b,
            "backup is a whole version"
        );
    }
}

/// The names a killed save leaves: `.NAME.ron.XXXXXX` and `.NAME.ron.bak.XXXXXX`.
fn temporaries(target: &Path) -> Vec<String> {
    let name = target.file_name().unwrap().to_str().unwrap();
    let mut found: Vec<String> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect();
    found.sort();
    found
}

#[test]
fn stale_temporaries_go_with_the_next_save_or_open_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.ron");
    let session = Session::new("Temporaries");
    save(&target, &session, None).unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str, when: std::time::SystemTime| {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        file.set_modified(when).unwrap();
    };
    // Left by killed saves of this file and of its backup.
    make(".s.ron.Ab3dE9", old);
    make(".s.ron.bak.x1Y2z3", old);
    // Not ours, or not exactly the pattern: kept.
    for keep in [
        ".s.ron.abc",
        ".s.ron.ABCDEFG",
        ".s.ron.ab-de9",
        ".t.ron.Ab3dE9",
        "s.ron.Ab3dE9",
        ".s.ron.Ab3dE9.keep",
    ] {
        make(keep, old);
    }
    std::fs::create_dir(dir.path().join(".s.ron.Dir123")).unwrap();
    save(&target, &session, None).unwrap();
    assert_eq!(
        temporaries(&target),
        vec![
            ".s.ron.ABCDEFG",
            ".s.ron.Ab3dE9.keep",
            ".s.ron.Dir123",
            ".s.ron.ab-de9",
            ".s.ron.abc",
        ]
    );
    assert!(dir.path().join(".t.ron.Ab3dE9").exists());
    assert!(dir.path().join("s.ron.Ab3dE9").exists());

    // Opening removes those older than the file; a newer one (a save under way) stays.
    make(".s.ron.Old111", old);
    make(
        ".s.ron.New222",
        std::time::SystemTime::now() + Duration::from_secs(60),
    );
    stratboard_core::document::Document::open(&target).unwrap();
    let left = temporaries(&target);
    assert!(!left.contains(&".s.ron.Old111".to_owned()));
    assert!(left.contains(&".s.ron.New222".to_owned()));
}
