//! `stratboard convergence`, run as a user would: the `--json` contract (figures computed by
//! hand below), the table, and a missing or broken file.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::PathBuf;

use stratboard_core::model::{
    Alternative, AlternativeId, Ballot, Choice, GroupId, Position, PositionId, Score, Session,
    StakeholderGroup, Stance, Vote, VoteId, VoteMethod, VoteRound, VoteStatus,
};

mod cli_common;

use cli_common::{refused_with, run, sample, stderr, stdout};

fn position(id: u32, group: u32, alternative: u32, stance: Stance, round: u32) -> Position {
    Position {
        id: PositionId(id),
        group: GroupId(group),
        alternative: AlternativeId(alternative),
        stance,
        interests: String::new(),
        round,
    }
}

fn ranking(order: &[u32]) -> Ballot {
    Ballot {
        voter: None,
        count: 1,
        choice: Choice::Ranking(order.iter().map(|a| vec![AlternativeId(*a)]).collect()),
    }
}

fn vote(id: u32, question: &str, method: VoteMethod, rounds: Vec<Vec<Ballot>>) -> Vote {
    Vote {
        id: VoteId(id),
        question: question.into(),
        alternatives: vec![AlternativeId(10), AlternativeId(11), AlternativeId(12)],
        method,
        status: VoteStatus::Closed,
        rounds: rounds
            .into_iter()
            .zip(1..)
            .map(|(ballots, number)| VoteRound {
                number,
                ballots,
                ..VoteRound::default()
            })
            .collect(),
        ..Vote::default()
    }
}

/// Groups 1–4; alternatives A (10), B (11), C (12, no position); a Borda vote in two rounds, a
/// score vote (not listed under `votes`).
fn session() -> Session {
    use Stance::*;
    let mut session = Session::new("Convergence");
    session.stakeholder_groups = (1..=4)
        .map(|i| StakeholderGroup {
            id: GroupId(i),
            name: format!("G{i}"),
            ..StakeholderGroup::default()
        })
        .collect();
    session.alternatives = [(10, "A"), (11, "B"), (12, "C")]
        .iter()
        .map(|(id, title)| Alternative {
            id: AlternativeId(*id),
            title: (*title).into(),
            ..Alternative::default()
        })
        .collect();
    session.positions = vec![
        position(100, 1, 10, StronglyFor, 1),
        position(101, 2, 10, For, 1),
        position(102, 3, 10, Against, 1),
        position(103, 4, 10, Undecided, 1),
        position(104, 3, 10, Neutral, 2),
        position(105, 4, 10, For, 2),
        position(106, 1, 11, StronglyFor, 1),
        position(107, 2, 11, StronglyAgainst, 1),
    ];
    session.votes = vec![
        vote(
            20,
            "Rank",
            VoteMethod::Borda,
            vec![
                vec![ranking(&[10, 11, 12]), ranking(&[10, 12, 11])],
                vec![ranking(&[10, 11, 12])],
            ],
        ),
        vote(
            21,
            "Score",
            VoteMethod::Score { min: 0, max: 5 },
            vec![vec![Ballot {
                voter: None,
                count: 1,
                choice: Choice::Scores(vec![Score {
                    alternative: AlternativeId(10),
                    value: 4,
                }]),
            }]],
        ),
    ];
    session.next_id = 200;
    session
}

fn saved(session: &Session) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    stratboard_core::storage::save(&path, session, None).unwrap();
    (dir, path)
}

#[test]
fn json_is_the_contract() {
    let (_dir, path) = saved(&session());
    let output = run(&["convergence", path.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // A, round 1: ++ + − ? → 2, 1, −1; μ = 2/3 = 0.6667; median 1;
    //   Q1 (h = 0.5) = −1 + 0.5·2 = 0, Q3 (h = 1.5) = 1 + 0.5·1 = 1.5 → IQR 1.5;
    //   Cns = 1 + ⅓[log₂(1 − (4/3)/4) + log₂(1 − (1/3)/4) + log₂(1 − (5/3)/4)]
    //       = 1 + ⅓[−0.584963 − 0.125531 − 0.777608] = 0.503966 → 0.504.
    // A, round 2 (groups 1, 2 keep round 1): ++ + 0 + → μ 1, median 1, Q1 0.75, Q3 1.25,
    //   IQR 0.5; Cns = 1 + ¼·log₂ 0.75 + ¼·log₂ 0.75 = 0.792481 → 0.7925.
    // B: ++ and −− in round 1, kept in round 2: Cns 0, μ 0, median 0, Q1 −1, Q3 1, IQR 2.
    // C has no position: not listed.
    // Vote 20 (Borda), round 1: A>B>C, A>C>B → W = 0.75 (rank sums 2, 5, 5; S = 6;
    //   12·6 / (4·24)); round 2 has one ballot → null. The score vote is not a ranked vote.
    let b = r#"{"consensus":0.0,"iqr":2.0,"mean":0.0,"median":0.0,"round":ROUND,"stances":{"+":0,"++":1,"-":0,"--":1,"0":0,"?":0}}"#;
    let expected = format!(
        concat!(
            r#"{{"positions":[{{"alternative":10,"rounds":["#,
            r#"{{"consensus":0.504,"iqr":1.5,"mean":0.6667,"median":1.0,"round":1,"stances":{{"+":1,"++":1,"-":1,"--":0,"0":0,"?":1}}}},"#,
            r#"{{"consensus":0.7925,"iqr":0.5,"mean":1.0,"median":1.0,"round":2,"stances":{{"+":2,"++":1,"-":0,"--":0,"0":1,"?":0}}}}"#,
            r#"],"title":"A"}},{{"alternative":11,"rounds":[{},{}],"title":"B"}}],"#,
            r#""votes":[{{"question":"Rank","rounds":[{{"ballots":2,"kendall_w":0.75,"round":1}},{{"ballots":1,"kendall_w":null,"round":2}}],"vote":20}}]}}"#,
        ),
        b.replace("ROUND", "1"),
        b.replace("ROUND", "2"),
    );
    assert_eq!(stdout(&output).trim_end(), expected);
}

#[test]
fn an_empty_session_gives_empty_lists() {
    let (_dir, path) = saved(&Session::new("Empty"));
    let output = run(&["convergence", path.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim_end(), r#"{"positions":[],"votes":[]}"#);
}

#[test]
fn the_table_shows_rounds_arrows_agreement_and_w() {
    let (_dir, path) = saved(&session());
    let output = run(&["convergence", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("A (#10)"), "{text}");
    assert!(text.contains("consensus"), "{text}");
    assert!(text.contains("0.79"), "{text}");
    // Group 3 went from − to 0, toward round 2's mean.
    assert!(text.contains("moved: G3 →←"), "{text}");
    assert!(text.contains("unifying"), "{text}");
    assert!(text.contains("divisive"), "{text}");
    assert!(text.contains("Rank (vote #20): Kendall's W"), "{text}");
    assert!(text.contains("0.75"), "{text}");
    assert!(
        text.contains("Score (vote #21): IQR of the scores"),
        "{text}"
    );
    assert!(!text.contains("stable"), "A's index moved: {text}");
}

#[test]
fn a_sample_session_with_two_rounds_measures_both() {
    let output = run(&["convergence", &sample("tos-support.ron"), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let positions = json["positions"].as_array().unwrap();
    assert!(!positions.is_empty());
    for alternative in positions {
        assert_eq!(alternative["rounds"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn a_missing_or_broken_file_fails_with_a_clear_message() {
    let output = run(&["convergence", "/nonexistent/session.ron"]);
    refused_with(&output, "/nonexistent/session.ron: cannot read the file");
    assert_eq!(stdout(&output), "");

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(format_version: 1, meta: (title: 42))").unwrap();
    let output = run(&["convergence", broken.to_str().unwrap(), "--json"]);
    refused_with(&output, "broken.ron:1:");
    assert_eq!(stdout(&output), "");
}
