//! Kill safety: a process killed in the middle of saving (SIGKILL, many times, at random
//! moments) leaves the target file loadable as either the old or the new version.

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
