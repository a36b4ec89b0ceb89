//! The command line, run as a user would: `check`, `new`, `--help`, `--version`.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod cli_common;

use cli_common::{BIN, assert_has, refused_with, run, sample, stderr, stdout, succeeded};

/// `stratboard tally --ballots FILE --method METHOD`, with `--json` when asked.
fn tally_ballots(file: &Path, method: &str, json: bool) -> Output {
    let mut args = vec![
        "tally",
        "--ballots",
        file.to_str().unwrap(),
        "--method",
        method,
    ];
    if json {
        args.push("--json");
    }
    run(&args)
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn check_passes_on_every_sample_session() {
    let files = samples();
    assert!(files.len() >= 3, "three sample sessions: {files:?}");
    let mut args = vec!["check"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let output = run(&args);
    succeeded(&output);
    assert_eq!(stdout(&output), "", "no problem lines");
}

#[test]
fn check_reports_a_broken_copy_as_file_line_col_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    let text = fs::read_to_string(&samples()[0]).unwrap();
    let line = text.lines().position(|l| l.contains("title:")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line] = "        title: 42,";
    fs::write(&broken, lines.join("\n")).unwrap();
    let before = fs::read(&broken).unwrap();
    let output = run(&["check", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!("{}:{}:", broken.display(), line + 1);
    assert!(
        stdout(&output).starts_with(&expected),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        fs::read(&broken).unwrap(),
        before,
        "check never modifies a file"
    );
}

#[test]
fn check_reports_validation_problems_with_their_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dangling.ron");
    fs::write(
        &file,
        "Session(meta: Meta(title: \"Т\"), actions: [ActionItem(id: 1, what: \"Сделать\", owners: [7])])",
    )
    .unwrap();
    let output = run(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output).trim(),
        format!(
            "{}: actions[0].owners[0]: there is no participant with id 7",
            file.display()
        )
    );
}

#[test]
fn check_reports_every_file_and_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let good = samples()[0].clone();
    let output = run(&["check", good.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("{}: cannot read the file", missing.display())),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn check_converts_nothing_for_an_old_format_but_says_so() {
    let v0 = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/fixtures/format-v0.ron");
    let before = fs::read(&v0).unwrap();
    let output = run(&["check", v0.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_has(&stderr(&output), "format version 0");
    assert_eq!(fs::read(&v0).unwrap(), before);
}

#[test]
fn new_creates_a_session_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("next.ron");
    let output = run(&[
        "new",
        "-o",
        file.to_str().unwrap(),
        "--title",
        "Сессия по бюджету",
        "--date",
        "2026-12-01",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let loaded = stratboard_core::storage::load(&file).unwrap();
    assert_eq!(loaded.session.meta.title, "Сессия по бюджету");
    assert_eq!(
        loaded.session.meta.start,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
    );
    assert!(loaded.problems.is_empty());
    // It refuses to overwrite an existing file.
    let again = run(&["new", "-o", file.to_str().unwrap()]);
    refused_with(&again, "already exists");
    assert_eq!(
        stratboard_core::storage::load(&file)
            .unwrap()
            .session
            .meta
            .title,
        "Сессия по бюджету"
    );
}

#[test]
fn new_refuses_an_empty_title() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.ron");
    let output = run(&["new", "-o", file.to_str().unwrap(), "--title", "  "]);
    refused_with(&output, "title");
    assert!(!file.exists());
}

#[test]
fn new_from_previous_carries_over_people_goals_and_open_actions() {
    let dir = tempfile::tempdir().unwrap();
    let previous_path = dir.path().join("previous.ron");
    let mut previous = stratboard_core::fixtures::generate(stratboard_core::fixtures::Size {
        alternatives: 4,
        participants: 6,
        groups: 3,
        goals: 5,
        decisions: 2,
        actions: 8,
        votes: 1,
        ballots: 4,
    });
    previous.meta.title = "Первая сессия".into();
    stratboard_core::storage::save(&previous_path, &previous, None).unwrap();
    let next = dir.path().join("next.ron");
    let output = run(&[
        "new",
        "-o",
        next.to_str().unwrap(),
        "--title",
        "Вторая сессия",
        "--from",
        previous_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let loaded = stratboard_core::storage::load(&next).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let s = loaded.session;
    assert_eq!(s.meta.title, "Вторая сессия");
    assert_eq!(s.meta.organisation, previous.meta.organisation);
    assert_eq!(s.stakeholder_groups, previous.stakeholder_groups);
    assert_eq!(s.participants, previous.participants);
    assert_eq!(s.goals, previous.goals);
    let pending: Vec<_> = previous
        .actions
        .iter()
        .filter(|a| a.status.is_pending())
        .collect();
    assert_eq!(s.actions.len(), pending.len());
    assert!(
        pending.len() < previous.actions.len(),
        "done items are not carried over"
    );
    for (carried, original) in s.actions.iter().zip(pending) {
        assert_eq!(carried.id, original.id);
        assert_eq!(carried.what, original.what);
        assert_eq!(carried.owners, original.owners);
        let origin = carried
            .carried_over
            .as_ref()
            .expect("marked as carried over");
        assert_eq!(origin.session, "Первая сессия");
        assert_eq!(carried.decision, None);
    }
    assert!(s.alternatives.is_empty() && s.votes.is_empty() && s.decisions.is_empty());
    assert!(
        s.next_id >= previous.next_id,
        "ids stay unique across sessions"
    );
}

#[test]
fn new_from_a_broken_file_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Session(meta: ").unwrap();
    let next = dir.path().join("next.ron");
    let output = run(&[
        "new",
        "-o",
        next.to_str().unwrap(),
        "--from",
        broken.to_str().unwrap(),
    ]);
    refused_with(&output, "broken.ron:1:");
    assert!(!next.exists());
}

#[test]
fn save_into_a_read_only_folder_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let target = locked.join("session.ron");
    fs::write(&target, "Session(meta: Meta(title: \"Старая версия\"))").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let args = [
        "new",
        "-o",
        target.to_str().unwrap(),
        "--force",
        "--title",
        "Новая",
    ];
    // root ignores folder permissions: run as an unprivileged user when we are root.
    let output = if is_root() {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
            .args(args)
            .output()
            .expect("setpriv (util-linux) runs")
    } else {
        run(&args)
    };
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains(target.to_str().unwrap()), "{message}");
    assert!(message.contains("Permission denied"), "{message}");
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "Session(meta: Meta(title: \"Старая версия\"))",
        "the old file is intact"
    );
    assert_eq!(
        fs::read_dir(&locked).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

fn is_root() -> bool {
    let output = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&output.stdout).trim() == "0"
}

#[test]
fn help_is_english_and_version_is_printed() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    for word in ["check", "new", "strategic sessions", "Usage"] {
        assert!(text.contains(word), "{text}");
    }
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("stratboard {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn tally_a_session_vote_as_json() {
    let output = run(&[
        "tally",
        &sample("ngo-offsite.ron"),
        "--vote",
        "71",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["method"], "borda");
    assert_eq!(json["ballots"], 8);
    assert_eq!(
        json["winners"],
        serde_json::json!(["Farm advisory service"])
    );
    assert_eq!(
        json["ranking"][0],
        serde_json::json!(["Farm advisory service"])
    );
    // The decision text of the sample quotes these Borda totals.
    assert_eq!(json["scores"]["Farm advisory service"], 18);
    assert_eq!(
        json["scores"]["Public fundraising and membership scheme"],
        12
    );
}

#[test]
fn tally_a_consent_vote_gives_the_counts_and_verdict() {
    let output = run(&[
        "tally",
        &sample("tos-support.ron"),
        "--vote",
        "78",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["consent"]["for"], 14);
    assert_eq!(json["consent"]["against"], 0);
    assert_eq!(json["consent"]["passed"], true);
    let table = stdout(&run(&["tally", &sample("tos-support.ron"), "--vote", "78"]));
    assert!(table.contains("consent"), "{table}");
}

#[test]
fn tally_paper_ballots_from_csv_and_preflib() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ballots.csv");
    fs::write(
        &csv,
        "count,Субсидии,Выезды,Конференции\n3,1,2,3\n2,2,1,\n1,1,1,2\n",
    )
    .unwrap();
    let output = tally_ballots(&csv, "schulze", true);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["ballots"], 6);
    assert_eq!(json["winners"], serde_json::json!(["Субсидии"]));
    assert!(json["pairwise"].is_object());
    let soc = dir.path().join("ballots.soc");
    fs::write(
        &soc,
        "# FILE NAME: t.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n3: 1,2,3\n2: 3,2,1\n",
    )
    .unwrap();
    let output = tally_ballots(&soc, "irv", true);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["winners"], serde_json::json!(["A"]));
    assert!(json["rounds"].is_array());
}

#[test]
fn tally_refuses_a_bad_ballots_file_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("bad.csv");
    fs::write(&csv, "A,B\n1,2\n1,x\n").unwrap();
    let output = tally_ballots(&csv, "borda", false);
    refused_with(&output, "line 3");
    assert_eq!(stdout(&output), "", "nothing counted from a bad file");
    let unknown = tally_ballots(&csv, "lottery", false);
    refused_with(&unknown, "unknown method");
}

#[test]
fn tally_refuses_more_alternatives_than_a_ranked_method_counts() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("wide.csv");
    let names: Vec<String> = (1..=1_001).map(|i| format!("A{i}")).collect();
    let ranks: Vec<String> = (1..=1_001).map(|i| i.to_string()).collect();
    fs::write(&csv, format!("{}\n{}\n", names.join(","), ranks.join(","))).unwrap();
    let output = tally_ballots(&csv, "schulze", false);
    refused_with(
        &output,
        "1001 alternatives; a ranked method counts at most 1,000",
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn tally_never_shows_hidden_results_of_an_open_vote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.ron");
    let mut session = stratboard_core::storage::load(Path::new(&sample("ngo-offsite.ron")))
        .unwrap()
        .session;
    session.votes[0].status = stratboard_core::model::VoteStatus::Open;
    session.votes[0].visibility = stratboard_core::model::ResultsVisibility::AfterClose;
    stratboard_core::storage::save(&path, &session, None).unwrap();
    let output = run(&["tally", path.to_str().unwrap(), "--vote", "71", "--json"]);
    refused_with(&output, "hidden until the vote is closed");
    assert_eq!(stdout(&output), "");
}

#[test]
fn export_writes_every_format_next_to_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("tos.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tos-support.ron"),
        &session,
    )
    .unwrap();
    let before = fs::read(&session).unwrap();
    for (format, magic) in [
        ("md", &b"**"[..]),
        ("html", &b"<!DOCTYPE html>"[..]),
        ("docx", &b"PK"[..]),
        ("pdf", &b"%PDF-"[..]),
        ("csv", &b"\xEF\xBB\xBFvote,"[..]),
    ] {
        let output = run(&[
            "export",
            session.to_str().unwrap(),
            "--format",
            format,
            "--lang",
            "ru",
        ]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let written = dir.path().join(format!("tos.{format}"));
        assert!(stderr(&output).contains(&format!("wrote {}", written.display())));
        let bytes = fs::read(&written).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
    }
    assert_eq!(
        fs::read(&session).unwrap(),
        before,
        "the session is untouched"
    );
}

#[test]
fn export_takes_an_output_path_and_a_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.md");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tos-support.ron");
    let output = run(&[
        "export",
        sample.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.contains("# Minutes of the strategic session"));
}

#[test]
fn export_refuses_bad_arguments_and_broken_sessions_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tos-support.ron");
    let sample = sample.to_str().unwrap();
    let output = run(&["export", sample, "--format", "odt"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("unknown format `odt`"));
    let output = run(&["export", sample, "--format", "md", "--lang", "de"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("unknown language `de`"));

    // Never over a session file.
    let other = dir.path().join("other.ron");
    fs::write(&other, "keep").unwrap();
    let output = run(&[
        "export",
        sample,
        "--format",
        "md",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("refusing to write an export over a session file"));
    assert_eq!(fs::read_to_string(&other).unwrap(), "keep");

    // A broken session: the error names the file and line; nothing is written.
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Session(\n  meta: Meta(title: \"x\"\n").unwrap();
    let output = run(&["export", broken.to_str().unwrap(), "--format", "pdf"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains(&broken.display().to_string()));
    assert!(!dir.path().join("broken.pdf").exists());

    // A missing file.
    let missing = dir.path().join("missing.ron");
    let output = run(&["export", missing.to_str().unwrap(), "--format", "md"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("missing.ron"));
}

#[test]
fn tally_reports_a_tie_broken_by_lot_recorded_in_the_session() {
    use stratboard_core::model::{Ballot, Choice, TieBreak, VoteMethod};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tie.ron");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/tos-support.ron");
    let mut session = stratboard_core::storage::load(&sample).unwrap().session;
    let a = session.alternatives[1].id;
    let b = session.alternatives[2].id;
    let vote = &mut session.votes[0];
    vote.method = VoteMethod::Approval;
    vote.alternatives = vec![a, b];
    let round = &mut vote.rounds[0];
    round.ballots = [a, b]
        .into_iter()
        .map(|x| Ballot {
            voter: None,
            count: 3,
            choice: Choice::Approval(vec![x]),
        })
        .collect();
    round.voters.clear();
    round.tie_break = Some(TieBreak {
        among: vec![b, a],
        winner: b,
        note: "lot drawn by the secretary".into(),
    });
    let vote_id = vote.id.to_string();
    stratboard_core::storage::save(&path, &session, None).unwrap();
    let winner = session.alternatives[2].title.clone();

    let output = run(&[
        "tally",
        path.to_str().unwrap(),
        "--vote",
        &vote_id,
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["winners"].as_array().unwrap().len(),
        2,
        "the count is a tie"
    );
    assert_eq!(json["tie_break"]["winner"], winner.as_str());
    assert_eq!(json["tie_break"]["note"], "lot drawn by the secretary");

    let output = run(&["tally", path.to_str().unwrap(), "--vote", &vote_id]);
    assert!(stdout(&output).contains(&format!("tie broken by lot: {winner} (among ")));
}

#[test]
fn tally_of_majority_judgment_names_the_median_grades() {
    use stratboard_core::model::{
        AlternativeId, Ballot, Choice, Score, Session, Vote, VoteId, VoteMethod, VoteRound,
        VoteStatus,
    };
    let mut session = Session::new("Grades");
    for (id, title) in [(1, "Парк"), (2, "Школа")] {
        session
            .alternatives
            .push(stratboard_core::model::Alternative {
                id: AlternativeId(id),
                title: title.into(),
                ..Default::default()
            });
    }
    let grades = |park: i32, school: i32| Ballot {
        voter: None,
        count: 1,
        choice: Choice::Scores(vec![
            Score {
                alternative: AlternativeId(1),
                value: park,
            },
            Score {
                alternative: AlternativeId(2),
                value: school,
            },
        ]),
    };
    session.votes.push(Vote {
        id: VoteId(3),
        question: "Оцените".into(),
        alternatives: vec![AlternativeId(1), AlternativeId(2)],
        method: VoteMethod::MajorityJudgment {
            grades: vec!["Плохо".into(), "Нормально".into(), "Хорошо".into()],
        },
        status: VoteStatus::Closed,
        rounds: vec![VoteRound {
            number: 1,
            ballots: vec![grades(2, 0), grades(2, 1), grades(1, 1)],
            ..VoteRound::default()
        }],
        ..Vote::default()
    });
    session.next_id = 4;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grades.ron");
    stratboard_core::storage::save(&path, &session, None).unwrap();
    let output = run(&["tally", path.to_str().unwrap(), "--vote", "3", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["medians"], serde_json::json!({"Парк": 2, "Школа": 1}));
    assert_eq!(
        json["median_grades"],
        serde_json::json!({"Парк": "Хорошо", "Школа": "Нормально"})
    );
}

#[test]
fn a_session_records_its_language_and_its_protocol_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let russian = dir.path().join("ru.ron");
    let output = run(&[
        "new",
        "-o",
        russian.to_str().unwrap(),
        "--title",
        "Развитие района",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(&russian).unwrap();
    assert!(text.contains("language: Some(Russian)"), "{text}");
    let english = dir.path().join("en.ron");
    let output = run(&[
        "new",
        "-o",
        english.to_str().unwrap(),
        "--title",
        "Развитие района",
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::read_to_string(&english)
            .unwrap()
            .contains("language: Some(English)")
    );
    // Without --lang the protocol is in the session's language, whatever the locale.
    let md = dir.path().join("en.md");
    let output = Command::new(BIN)
        .args(["export", english.to_str().unwrap(), "--format", "md", "-o"])
        .arg(&md)
        .env("LANG", "ru_RU.UTF-8")
        .env("LC_ALL", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let protocol = fs::read_to_string(&md).unwrap();
    assert!(protocol.contains("Minutes"), "{protocol}");
    assert!(!protocol.contains("Протокол"), "{protocol}");
    let output = run(&["new", "-o", "x.ron", "--lang", "de"]);
    assert!(!output.status.success());
}

/// The ngo-offsite sample with its closed vote reopened and closed again (now sealed), saved
/// into a temporary directory.
fn sealed_sample(dir: &Path) -> (PathBuf, stratboard_core::model::Session) {
    use stratboard_core::commands::{Command as Edit, VoteOp};
    let mut session = stratboard_core::storage::load(Path::new(&sample("ngo-offsite.ron")))
        .unwrap()
        .session;
    let vote = session
        .votes
        .iter()
        .find(|v| v.status == stratboard_core::model::VoteStatus::Closed)
        .unwrap()
        .id;
    for op in [
        VoteOp::Reopen,
        VoteOp::Close {
            at: chrono::Utc::now(),
        },
    ] {
        session.apply(Edit::Vote { vote, op }).unwrap();
    }
    let file = dir.join("sealed.ron");
    stratboard_core::storage::save(&file, &session, None).unwrap();
    (file, session)
}

fn dir_listing(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

#[test]
fn verify_passes_on_a_sealed_session_and_on_every_sample() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = sealed_sample(dir.path());
    let output = run(&["verify", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_has(&stderr(&output), "1 sealed");
    for sample in samples() {
        let output = run(&["verify", sample.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stdout(&output));
    }
}

#[test]
fn verify_reports_ballots_changed_after_closing_and_never_modifies_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut session) = sealed_sample(dir.path());
    let vote = session
        .votes
        .iter_mut()
        .find(|v| v.rounds.last().is_some_and(|r| r.seal.is_some()))
        .unwrap();
    let id = vote.id.0;
    let index = vote.rounds.len() - 1;
    let round = &mut vote.rounds[index];
    let sealed = round.seal.clone().unwrap();
    // Somebody edits the file after closing: one ballot more.
    let copy = round.ballots[0].clone();
    round.ballots.push(copy);
    let now = stratboard_core::model::seal_digest(round, sealed.closed_at);
    stratboard_core::storage::save(&file, &session, None).unwrap();
    let before = fs::read(&file).unwrap();
    let listing = dir_listing(dir.path());

    let output = run(&["verify", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: votes[id={id}].rounds[{index}]: ballots changed after closing (sealed {}…, now {}…)\n",
            file.display(),
            &sealed.sha256[..16],
            &now[..16]
        )
    );
    assert_eq!(fs::read(&file).unwrap(), before, "the file is untouched");
    assert_eq!(
        dir_listing(dir.path()),
        listing,
        "nothing written next to it"
    );

    let output = run(&["verify", file.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["ok"], false);
    let rounds = value["rounds"].as_array().unwrap();
    let checked = rounds
        .iter()
        .find(|r| r["vote"] == id && r["index"] == index)
        .unwrap();
    assert_eq!(checked["sealed"], sealed.sha256.as_str());
    assert_eq!(checked["now"], now.as_str());
    assert_eq!(checked["mismatches"].as_array().unwrap().len(), 1);
}

#[test]
fn verify_json_says_ok_when_all_match() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = sealed_sample(dir.path());
    let output = run(&["verify", "--json", file.to_str().unwrap()]);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["ok"], true);
    assert!(
        value["rounds"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["sealed"].is_string() && r["sealed"] == r["now"])
    );
}
