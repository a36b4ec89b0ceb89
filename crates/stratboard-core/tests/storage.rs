//! Storage: bad input of every kind gets a clear message naming the file and where, never a
//! panic, and never a change to the file on disk; saves are atomic, keep a backup and notice
//! changes made by others.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::{ActionStatus, CURRENT_FORMAT_VERSION, ProblemKind, Session};
use stratboard_core::storage::{
    self, LoadErrorKind, SaveErrorKind, backup_path, load, parse_session, save, to_ron_string,
};

fn sample() -> Session {
    generate(Size {
        alternatives: 6,
        participants: 5,
        groups: 3,
        goals: 4,
        decisions: 2,
        actions: 3,
        votes: 1,
        ballots: 4,
    })
}

/// Writes `bytes` to a fresh file and returns it with the folder that holds it.
fn file_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Loads bytes that must be refused; checks the message names the file and the file is
/// unchanged. Returns the error kind and the message.
fn refused(bytes: &[u8]) -> (LoadErrorKind, String) {
    let (_dir, path) = file_with(bytes);
    let error = load(&path).expect_err("this input must be refused");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "the message names the file: {message}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file must not change");
    (error.kind, message)
}

fn valid_text() -> String {
    to_ron_string(&sample()).unwrap()
}

#[test]
fn truncated_file_is_refused_with_position() {
    let text = valid_text();
    let cut = &text.as_bytes()[..text.len() / 2];
    let (kind, message) = refused(cut);
    assert!(
        matches!(kind, LoadErrorKind::Syntax { line, .. } if line > 1),
        "{message}"
    );
}

#[test]
fn wrong_type_is_refused_with_line_and_column() {
    let text = valid_text().replacen("influence: 1", "influence: \"high\"", 1);
    let line = text.lines().position(|l| l.contains("\"high\"")).unwrap() + 1;
    let (kind, message) = refused(text.as_bytes());
    match kind {
        LoadErrorKind::Syntax { line: at, .. } => assert_eq!(at, line, "{message}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn unknown_enum_variant_is_refused() {
    let text = valid_text().replacen("format: RoundTable", "format: Picnic", 1);
    let (kind, message) = refused(text.as_bytes());
    assert!(matches!(kind, LoadErrorKind::Syntax { .. }), "{message}");
    assert!(message.contains("Picnic"), "{message}");
}

#[test]
fn unknown_field_is_refused_and_named() {
    let text = valid_text().replacen("venue:", "colour: \"red\",\n        venue:", 1);
    let (_, message) = refused(text.as_bytes());
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn duplicate_ids_and_dangling_references_are_reported_by_validation() {
    let mut session = sample();
    let first_goal = session.goals[0].id;
    session.goals[1].id = first_goal;
    session.alternatives[0].goals = vec![stratboard_core::model::GoalId(9999)];
    let (_dir, path) = file_with(to_ron_string(&session).unwrap().as_bytes());
    let loaded = load(&path).unwrap();
    let kinds: Vec<_> = loaded.problems.iter().map(|p| (&p.path, &p.kind)).collect();
    assert!(
        kinds
            .iter()
            .any(|(path, kind)| path.as_str() == "goals[1].id"
                && matches!(kind, ProblemKind::DuplicateId { .. })),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(path, kind)| path.as_str() == "alternatives[0].goals[0]"
                && matches!(
                    kind,
                    ProblemKind::Dangling {
                        expected: "goal",
                        id: 9999
                    }
                )),
        "{kinds:?}"
    );
}

#[test]
fn non_utf8_bytes_are_refused_with_their_position() {
    let mut bytes = b"Session(\n    meta: Meta(title: \"ab".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\"),\n)");
    let (kind, message) = refused(&bytes);
    assert_eq!(
        kind,
        LoadErrorKind::NotUtf8 { line: 2, col: 26 },
        "{message}"
    );
}

#[test]
fn empty_file_is_refused() {
    let (kind, message) = refused(b"");
    assert_eq!(kind, LoadErrorKind::Empty);
    assert!(message.contains(":1:1:"), "{message}");
    let (kind, _) = refused(b"  \n\t\n");
    assert_eq!(kind, LoadErrorKind::Empty);
}

#[test]
fn file_of_50_megabytes_is_refused_unread() {
    let (_dir, path) = file_with(b"");
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let error = load(&path).unwrap_err();
    assert!(
        matches!(error.kind, LoadErrorKind::TooLarge { bytes, .. } if bytes == 50 * 1024 * 1024)
    );
    assert!(error.to_string().contains("50.0 MB"), "{error}");
    assert_eq!(fs::metadata(&path).unwrap().len(), 50 * 1024 * 1024);
}

#[test]
fn deeply_nested_garbage_is_refused_without_overflowing_the_stack() {
    for depth in [100, 10_000, 1_000_000] {
        let text = format!("Session(goals: {}{})", "[".repeat(depth), "]".repeat(depth));
        let (kind, message) = refused(text.as_bytes());
        assert!(matches!(kind, LoadErrorKind::Syntax { .. }), "{message}");
    }
    let text = "(".repeat(500_000);
    let (kind, _) = refused(text.as_bytes());
    assert!(matches!(kind, LoadErrorKind::Syntax { .. }));
}

#[test]
fn newer_format_version_is_refused_and_not_rewritten() {
    let text = valid_text().replacen(
        &format!("format_version: {CURRENT_FORMAT_VERSION}"),
        "format_version: 99",
        1,
    );
    let (kind, message) = refused(text.as_bytes());
    assert!(
        matches!(
            kind,
            LoadErrorKind::NewerVersion {
                found: 99,
                line: 3,
                ..
            }
        ),
        "{kind:?}"
    );
    assert!(message.contains("newer stratboard"), "{message}");
}

#[test]
fn missing_file_and_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let error = load(&missing).unwrap_err();
    assert!(matches!(error.kind, LoadErrorKind::Io { .. }));
    assert!(error.to_string().contains("nope.ron"), "{error}");
    let error = load(dir.path()).unwrap_err();
    assert!(error.to_string().contains("folder"), "{error}");
}

#[test]
fn format_v0_fixture_migrates_without_losing_text() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("sessions/fixtures/format-v0.ron");
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(0));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let s = &loaded.session;
    assert_eq!(s.format_version, CURRENT_FORMAT_VERSION);
    assert_eq!(s.stakeholder_groups.len(), 2);
    assert_eq!(
        s.alternatives[1].description,
        "По созданию и деятельности ТОС"
    );
    // An owner who was not a participant becomes one, so the name is kept.
    let owner = s.actions[0].owners[0];
    assert_eq!(s.participant(owner).unwrap().name, "Секретарь Совета");
    assert_eq!(s.actions[1].status, ActionStatus::Done);
    // Migrated ids are unique and the counter is above them.
    assert!(s.next_id > s.max_id());
    // And the result saves and reloads as the current format.
    let again = parse_session(to_ron_string(s).unwrap().as_bytes()).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(&again.session, s);
}

/// Format 3 added a participant's contact: a format 2 file reads as it is, and is written in
/// format 3 with the next save, with no `contact` where there is none.
#[test]
fn format_v2_fixture_migrates_unchanged() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = load(&root.join("sessions/fixtures/format-v2.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.session.participants.is_empty());
    let text = to_ron_string(&loaded.session).unwrap();
    assert!(text.contains(&format!("format_version: {CURRENT_FORMAT_VERSION},")));
    assert!(!text.contains("contact:"), "blank contacts are left out");
    let v2 = fs::read_to_string(root.join("sessions/fixtures/format-v2.ron")).unwrap();
    assert_eq!(
        without_identity(&text).replacen(
            &format!("format_version: {CURRENT_FORMAT_VERSION},"),
            "format_version: 2,",
            1
        ),
        v2,
        "nothing but the version changes"
    );
}

/// Format 4 added attendance, the right to vote and a round's recorded attendance: a format 3
/// file reads as it is — everyone a voting member, nobody registered, no quorum rule — and is
/// written in format 4 with nothing but the version changed.
#[test]
fn format_v3_fixture_migrates_with_everyone_voting_and_nobody_registered() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = load(&root.join("sessions/fixtures/format-v3.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(3));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let session = &loaded.session;
    assert!(!session.participants.is_empty());
    assert!(session.participants.iter().all(|p| p.voting));
    assert!(session.attendance.is_empty());
    assert!(!session.is_registered());
    assert!(
        session
            .votes
            .iter()
            .flat_map(|v| &v.rounds)
            .all(|r| r.attendance.is_none())
    );
    let text = to_ron_string(session).unwrap();
    let v3 = fs::read_to_string(root.join("sessions/fixtures/format-v3.ron")).unwrap();
    assert_eq!(
        without_identity(&text).replacen(
            &format!("format_version: {CURRENT_FORMAT_VERSION},"),
            "format_version: 3,",
            1
        ),
        v3,
        "nothing but the version changes"
    );
}

/// Format 5 added target indicators, the roadmap's fields of action items and risks: a
/// format 4 file (registered, with proxies) reads as it is, with no indicators, risks or
/// progress, and is written in format 5 with nothing but the version changed.
#[test]
fn format_v4_fixture_migrates_with_no_plan() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = load(&root.join("sessions/fixtures/format-v4.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(4));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let session = &loaded.session;
    assert!(
        session.is_registered(),
        "the attendance of format 4 is kept"
    );
    assert_eq!(session.indicators().count(), 0);
    assert!(
        session
            .actions
            .iter()
            .all(|a| a.start.is_none() && a.progress == 0)
    );
    assert!(session.decisions.iter().all(|d| d.risks.is_empty()));
    let text = to_ron_string(session).unwrap();
    let v4 = fs::read_to_string(root.join("sessions/fixtures/format-v4.ron")).unwrap();
    assert_eq!(
        without_identity(&text).replacen(
            &format!("format_version: {CURRENT_FORMAT_VERSION},"),
            "format_version: 4,",
            1
        ),
        v4,
        "nothing but the version and the identity change"
    );
}

/// A saved session's text without its `meta.id` line (the identity a file from before format 6
/// gets when it is loaded).
fn without_identity(text: &str) -> String {
    text.lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with("id: \"") && line.len() == 43 && line.ends_with("\","))
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A format 5 file (indicators, a roadmap, risks) reads as it is and gets an identity derived
/// from its bytes: the same every time it is loaded, written down by the first save, in
/// format 6 with nothing else changed.
#[test]
fn format_v5_fixture_gets_a_stable_identity() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let path = root.join("sessions/fixtures/format-v5.ron");
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(5));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let id = loaded.session.meta.id.clone();
    assert_eq!(id.0.len(), 36, "{id}");
    assert_eq!(
        load(&path).unwrap().session.meta.id,
        id,
        "the same file, the same identity"
    );
    assert!(loaded.session.meta.section.is_none());
    assert!(loaded.session.sections.is_empty());
    assert!(
        loaded.session.indicators().count() > 0,
        "format 5's indicators are kept"
    );
    let text = to_ron_string(&loaded.session).unwrap();
    assert!(text.contains(&format!("id: \"{id}\"")), "{text}");
    let v5 = fs::read_to_string(&path).unwrap();
    assert_eq!(
        without_identity(&text).replacen(
            &format!("format_version: {CURRENT_FORMAT_VERSION},"),
            "format_version: 5,",
            1
        ),
        v5,
        "nothing but the version and the identity change"
    );
    let again = parse_session(text.as_bytes()).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.session.meta.id, id, "the saved identity is read back");
}

#[test]
fn format_v1_fixture_migrates_and_gets_its_language_from_its_text() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = load(&root.join("sessions/fixtures/format-v1.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // An English session: no Cyrillic in its text.
    assert_eq!(
        loaded.session.meta.language,
        Some(stratboard_core::model::Language::English)
    );
    // The language is written with the next save, in the current format.
    let text = to_ron_string(&loaded.session).unwrap();
    assert!(text.contains("language: Some(English)"), "{text}");
    assert!(text.contains(&format!("format_version: {CURRENT_FORMAT_VERSION},")));
    let again = parse_session(text.as_bytes()).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.session, loaded.session);

    // A Russian one (the same file with a Russian title) is guessed Russian; a recorded
    // language is kept whatever the text.
    let v1 = fs::read_to_string(root.join("sessions/fixtures/format-v1.ron")).unwrap();
    let title = &loaded.session.meta.title;
    let russian = v1.replacen(title.as_str(), "Стратегия фонда", 1);
    let parsed = parse_session(russian.as_bytes()).unwrap();
    assert_eq!(
        parsed.session.meta.language,
        Some(stratboard_core::model::Language::Russian)
    );
    let recorded = russian.replacen("format_version: 1,", "format_version: 2,", 1);
    let recorded = recorded.replacen(
        "        purpose: ",
        "        language: Some(English),\n        purpose: ",
        1,
    );
    let parsed = parse_session(recorded.as_bytes()).unwrap();
    assert_eq!(
        parsed.session.meta.language,
        Some(stratboard_core::model::Language::English)
    );
}

#[test]
fn round_trip_gives_an_equal_session_and_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let session = generate(Size::LARGE);
    save(&path, &session, None).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.session, session);
    assert!(
        loaded.problems.is_empty(),
        "{:?}",
        &loaded.problems[..3.min(loaded.problems.len())]
    );
    save(&path, &loaded.session, Some(&loaded.fingerprint)).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        first,
        "saving twice gives identical bytes"
    );
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut session = sample();
    let first = save(&path, &session, None).unwrap();
    let old_bytes = fs::read(&path).unwrap();
    session.meta.title = "Второй вариант".into();
    save(&path, &session, Some(&first)).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), old_bytes);
    assert_eq!(load(&path).unwrap().session.meta.title, "Второй вариант");
    assert_eq!(backup_path(&path).file_name().unwrap(), "s.ron.bak");
}

#[test]
fn file_changed_on_disk_since_load_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save(&path, &sample(), None).unwrap();
    let loaded = load(&path).unwrap();
    let theirs = valid_text().replace("Совет муниципальных образований", "Чужая правка");
    fs::write(&path, &theirs).unwrap();
    let error = save(&path, &loaded.session, Some(&loaded.fingerprint)).unwrap_err();
    assert_eq!(error.kind, SaveErrorKind::ChangedOnDisk);
    assert!(error.to_string().contains("changed on disk"), "{error}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is kept"
    );
    // With the user's consent (no expected fingerprint) it is overwritten.
    save(&path, &loaded.session, None).unwrap();
    assert_eq!(load(&path).unwrap().session, loaded.session);
}

#[test]
fn save_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("s.ron");
    let error = save(&path, &sample(), None).unwrap_err();
    assert!(matches!(error.kind, SaveErrorKind::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("s.ron"), "{error}");
    assert!(!path.exists());
}

#[test]
fn saved_text_is_readable_ron_with_cyrillic_kept() {
    let text = valid_text();
    assert!(text.starts_with("// stratboard session file."));
    assert!(text.contains(&format!("format_version: {CURRENT_FORMAT_VERSION},")));
    assert!(
        text.contains("Совет муниципальных образований"),
        "Cyrillic is not escaped"
    );
    assert!(!text.contains('\r'));
}

#[test]
fn hand_written_file_with_few_fields_loads_with_defaults() {
    let text =
        "Session(meta: Meta(title: \"Короткая сессия\"), goals: [Goal(id: 5, title: \"Цель\")])";
    let parsed = parse_session(text.as_bytes()).unwrap();
    assert_eq!(parsed.session.goals[0].title, "Цель");
    assert_eq!(parsed.session.format_version, CURRENT_FORMAT_VERSION);
    assert_eq!(
        parsed.session.next_id, 6,
        "the id counter is repaired above the ids in use"
    );
}

#[test]
fn recovery_file_round_trips_and_is_offered_only_when_newer() {
    let dir = tempfile::tempdir().unwrap();
    let store = storage::recovery::RecoveryStore::at(dir.path().join("recovery"));
    let doc = dir.path().join("doc.ron");
    let session = sample();
    save(&doc, &session, None).unwrap();
    assert!(store.newer_than_document(Some(&doc)).is_none());
    let mut edited = session.clone();
    edited.meta.title = "Несохранённая правка".into();
    // File times have a coarse resolution on some file systems: make the recovery clearly newer.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let written = store.write(Some(&doc), &edited).unwrap();
    assert!(
        !written.starts_with(&doc),
        "the recovery file is not the document"
    );
    let found = store
        .newer_than_document(Some(&doc))
        .expect("newer recovery is offered");
    let recovered = store.load(&found.path).unwrap();
    assert_eq!(recovered.session, edited);
    assert_eq!(recovered.document.unwrap(), fs::canonicalize(&doc).unwrap());
    assert_eq!(
        load(&doc).unwrap().session,
        session,
        "the document itself is untouched"
    );
    // Saving the document afterwards makes the recovery older: no longer offered.
    std::thread::sleep(std::time::Duration::from_millis(20));
    save(&doc, &edited, None).unwrap();
    assert!(store.newer_than_document(Some(&doc)).is_none());
    store.discard(Some(&doc)).unwrap();
    assert!(store.list().is_empty());
}

#[test]
fn untitled_work_has_its_own_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = storage::recovery::RecoveryStore::at(dir.path());
    store.write(None, &sample()).unwrap();
    let found = store
        .newer_than_document(None)
        .expect("untitled recovery is offered");
    assert_eq!(store.load(&found.path).unwrap().document, None);
    assert_eq!(store.list().len(), 1);
}

#[test]
fn broken_recovery_file_is_reported_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let store = storage::recovery::RecoveryStore::at(dir.path());
    let path = store.path_for(None);
    fs::write(&path, "Recovery(document: None, session: Session(").unwrap();
    let error = store.load(&path).unwrap_err();
    assert!(error.to_string().contains(":1:"), "{error}");
}

#[test]
fn sample_sessions_are_stored_exactly_as_stratboard_writes_them() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("sessions");
    for name in [
        "tos-support.ron",
        "tos-support-2018-q2.ron",
        "municipal-school.ron",
        "ngo-offsite.ron",
        "forum/plenary.ron",
        "forum/section-roads.ron",
        "forum/section-waste.ron",
        "forum/section-trust.ron",
        "forum/plenary-merged.ron",
    ] {
        let path = dir.join(name);
        let loaded = load(&path).unwrap();
        assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            to_ron_string(&loaded.session).unwrap() == text,
            "{name} is not in canonical form: a save would rewrite it"
        );
    }
}

#[test]
fn embedded_sample_is_the_tos_session() {
    let parsed =
        parse_session(include_str!("../../../sessions/tos-support.ron").as_bytes()).unwrap();
    assert!(
        parsed
            .session
            .meta
            .title
            .contains("территориального общественного самоуправления")
    );
    assert!(parsed.session.validate().is_empty());
}

#[test]
fn an_export_never_targets_a_session_file_however_it_is_spelled() {
    use stratboard_core::storage::{ExportTargetProblem, export_target_problem};
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plan.ron");
    std::fs::write(&session, "x").unwrap();
    for name in [
        "other.ron",
        "OTHER.RON",
        "plan.ron.",
        "plan.ron ",
        "plan.ron.bak",
    ] {
        assert_eq!(
            export_target_problem(&dir.path().join(name), Some(&session)),
            Some(ExportTargetProblem::SessionFile),
            "{name}"
        );
    }
    assert_eq!(
        export_target_problem(dir.path(), Some(&session)),
        Some(ExportTargetProblem::Folder)
    );
    assert_eq!(
        export_target_problem(std::path::Path::new(""), None),
        Some(ExportTargetProblem::NoName)
    );
    assert_eq!(
        export_target_problem(&dir.path().join("plan.docx"), Some(&session)),
        None
    );
}
