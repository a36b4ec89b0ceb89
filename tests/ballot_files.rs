//! The shell's side of paper ballots and tallies: reading a ballot file from disk (extension,
//! size, encoding, a missing file) and what `stratboard tally` prints (JSON, table).

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use serde_json::json;
use stratboard::cli::output::{to_json, to_table};
use stratboard_core::model::{AlternativeId, Ballot, Choice};
use stratboard_core::voting::import::file::read;
use stratboard_core::voting::import::{BallotKind, ImportError, Imported};
use stratboard_core::voting::{ConsentResult, IrvRound, Pairwise, Points, Tally};

fn a(i: u32) -> AlternativeId {
    AlternativeId(i)
}

fn ranking(count: u32, groups: &[&[u32]]) -> Ballot {
    Ballot {
        voter: None,
        count,
        choice: Choice::Ranking(
            groups
                .iter()
                .map(|g| g.iter().map(|i| a(*i)).collect())
                .collect(),
        ),
    }
}

/// The error of a read, asserting it has the line given.
fn err_line(result: Result<Imported, ImportError>, line: usize) -> ImportError {
    let error = result.unwrap_err();
    assert_eq!(error.line(), Some(line), "{error}");
    error
}

const HEADER: &str = "# FILE NAME: 00000-00000001.soc\n\
                      # TITLE: Tennessee capital\n\
                      # NUMBER ALTERNATIVES: 4\n\
                      # ALTERNATIVE NAME 1: Memphis\n\
                      # ALTERNATIVE NAME 2: Nashville\n\
                      # ALTERNATIVE NAME 3: Chattanooga\n\
                      # ALTERNATIVE NAME 4: Knoxville\n";

fn preflib(data_type: &str, orders: &str) -> String {
    format!("# DATA TYPE: {data_type}\n{HEADER}{orders}")
}

// ---------------------------------------------------------------------------------------------
// Files

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn read_file_chooses_the_format_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(&dir, "ballots.CSV", b"A,B\n1,2\n");
    assert_eq!(
        read(&csv, BallotKind::Ranked).unwrap().ballots,
        vec![ranking(1, &[&[1], &[2]])]
    );
    let toc = write(
        &dir,
        "ballots.toc",
        preflib("toc", "1: {1,2},3,4\n").as_bytes(),
    );
    assert_eq!(
        read(&toc, BallotKind::Ranked).unwrap().ballots,
        vec![ranking(1, &[&[1, 2], &[3], &[4]])]
    );
    // Without a DATA TYPE line the extension decides: a tie in a .soc is refused.
    let soc = write(
        &dir,
        "ballots.soc",
        format!("{HEADER}1: {{1,2}},3,4\n").as_bytes(),
    );
    assert_eq!(
        read(&soc, BallotKind::Ranked),
        Err(ImportError::NotStrict {
            data_type: "soc",
            line: 8
        })
    );
    // A DATA TYPE line that contradicts the extension.
    let soi = write(&dir, "ballots.soi", preflib("toi", "1: 1\n").as_bytes());
    assert!(matches!(
        err_line(read(&soi, BallotKind::Ranked), 1),
        ImportError::BadHeader { .. }
    ));
    // PrefLib holds rankings only.
    assert_eq!(
        read(&toc, BallotKind::Approval),
        Err(ImportError::NotRanked)
    );
}

#[test]
fn read_file_refuses_other_types_non_utf8_and_large_files() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(&dir, "ballots.txt", b"A,B\n1,2\n");
    assert_eq!(
        read(&txt, BallotKind::Ranked),
        Err(ImportError::UnsupportedExtension {
            extension: "txt".into()
        })
    );
    let bare = write(&dir, "ballots", b"A,B\n1,2\n");
    assert!(matches!(
        read(&bare, BallotKind::Ranked),
        Err(ImportError::UnsupportedExtension { .. })
    ));
    // Windows-1251 "Парк" on line 3.
    let latin = write(&dir, "cp1251.csv", b"A,B\n1,2\n\xcf\xe0\xf0\xea,1\n");
    assert_eq!(
        read(&latin, BallotKind::Ranked),
        Err(ImportError::NotUtf8 { line: 3 })
    );
    let large = dir.path().join("large.csv");
    let file = std::fs::File::create(&large).unwrap();
    file.set_len(16 * 1024 * 1024 + 1).unwrap();
    assert_eq!(
        read(&large, BallotKind::Ranked),
        Err(ImportError::TooLarge {
            size: 16 * 1024 * 1024 + 1
        })
    );
    let missing = dir.path().join("missing.csv");
    assert!(matches!(
        read(&missing, BallotKind::Ranked),
        Err(ImportError::Io { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Output

fn city(id: AlternativeId) -> String {
    match id.0 {
        1 => "Memphis",
        2 => "Nashville",
        3 => "Chattanooga",
        4 => "Knoxville",
        _ => "?",
    }
    .to_owned()
}

fn base_tally(method: &'static str) -> Tally {
    let mut tally = Tally::empty(method, &[a(1), a(2), a(3), a(4)]);
    tally.ballots = 100;
    tally.ignored = 2;
    tally
}

#[test]
fn json_of_a_borda_tally() {
    let mut tally = base_tally("borda");
    tally.winners = vec![a(2)];
    tally.scores = vec![
        (a(1), Points::whole(126)),
        (a(2), Points::whole(194)),
        (
            a(3),
            Points {
                scaled: 347,
                scale: 2,
            },
        ),
        (
            a(4),
            Points {
                scaled: 346,
                scale: 2,
            },
        ),
    ];
    tally.ranking = vec![vec![a(2)], vec![a(3)], vec![a(4)], vec![a(1)]];
    let value = to_json(&tally, &city);
    assert_eq!(
        value,
        json!({
            "method": "borda",
            "ballots": 100,
            "ignored": 2,
            "winners": ["Nashville"],
            "ranking": [["Nashville"], ["Chattanooga"], ["Knoxville"], ["Memphis"]],
            "scores": {"Memphis": 126, "Nashville": 194, "Chattanooga": 173.5, "Knoxville": 173},
        })
    );
    // Keys in alphabetical order; whole points are integers.
    assert_eq!(
        value.to_string(),
        "{\"ballots\":100,\"ignored\":2,\"method\":\"borda\",\
         \"ranking\":[[\"Nashville\"],[\"Chattanooga\"],[\"Knoxville\"],[\"Memphis\"]],\
         \"scores\":{\"Chattanooga\":173.5,\"Knoxville\":173,\"Memphis\":126,\"Nashville\":194},\
         \"winners\":[\"Nashville\"]}"
    );
}

#[test]
fn json_of_condorcet_irv_mj_and_consent_details() {
    let mut tally = base_tally("schulze");
    tally.winners = vec![a(2)];
    tally.ranking = vec![vec![a(2)], vec![a(3)], vec![a(4)], vec![a(1)]];
    tally.pairwise = Some(Pairwise {
        alternatives: vec![a(1), a(2), a(3), a(4)],
        wins: vec![
            vec![0, 42, 42, 42],
            vec![58, 0, 68, 68],
            vec![58, 32, 0, 83],
            vec![58, 32, 17, 0],
        ],
    });
    assert_eq!(
        to_json(&tally, &city)["pairwise"],
        json!({
            "alternatives": ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
            "matrix": [[0, 42, 42, 42], [58, 0, 68, 68], [58, 32, 0, 83], [58, 32, 17, 0]],
        })
    );

    let mut tally = base_tally("irv");
    tally.winners = vec![a(4)];
    tally.ranking = vec![vec![a(4)], vec![a(1)], vec![a(2)], vec![a(3)]];
    tally.rounds = vec![
        IrvRound {
            votes: vec![(a(1), 42), (a(2), 26), (a(3), 15), (a(4), 17)],
            exhausted: 0,
            eliminated: vec![a(3)],
        },
        IrvRound {
            votes: vec![(a(1), 42), (a(2), 26), (a(4), 32)],
            exhausted: 0,
            eliminated: vec![a(2)],
        },
        IrvRound {
            votes: vec![(a(1), 42), (a(4), 58)],
            exhausted: 0,
            eliminated: vec![a(1)],
        },
    ];
    let value = to_json(&tally, &city);
    assert_eq!(
        value["rounds"],
        json!([
            {"votes": {"Memphis": 42, "Nashville": 26, "Chattanooga": 15, "Knoxville": 17},
             "exhausted": 0, "eliminated": ["Chattanooga"]},
            {"votes": {"Memphis": 42, "Nashville": 26, "Knoxville": 32},
             "exhausted": 0, "eliminated": ["Nashville"]},
            {"votes": {"Memphis": 42, "Knoxville": 58}, "exhausted": 0, "eliminated": ["Memphis"]},
        ])
    );
    assert!(value.get("scores").is_none() && value.get("pairwise").is_none());

    let mut tally = base_tally("majority-judgment");
    tally.medians = vec![(a(1), 2), (a(2), 3), (a(3), 3), (a(4), 1)];
    assert_eq!(
        to_json(&tally, &city)["medians"],
        json!({"Memphis": 2, "Nashville": 3, "Chattanooga": 3, "Knoxville": 1})
    );

    let mut tally = Tally::empty("consent", &[a(1)]);
    tally.ballots = 8;
    tally.winners = vec![a(1)];
    tally.consent = Some(ConsentResult {
        for_: 5,
        against: 2,
        abstain: 1,
        block: 0,
        votes_cast: 7,
        quorum_reached: true,
        threshold_met: true,
        passed: true,
    });
    assert_eq!(
        to_json(&tally, &city),
        json!({
            "method": "consent", "ballots": 8, "ignored": 0, "winners": ["Memphis"],
            "ranking": [["Memphis"]],
            "consent": {"for": 5, "against": 2, "abstain": 1, "block": 0, "votes_cast": 7,
                        "quorum_reached": true, "threshold_met": true, "passed": true},
        })
    );
}

#[test]
fn json_disambiguates_shared_names() {
    let tally = Tally {
        winners: vec![a(1), a(2)],
        ..Tally::empty("approval", &[a(1), a(2)])
    };
    assert_eq!(
        to_json(&tally, &|_| "Park".to_owned())["winners"],
        json!(["Park (#1)", "Park (#2)"])
    );
}

#[test]
fn table_shows_ranking_rounds_matrix_and_verdict() {
    let mut tally = base_tally("irv");
    tally.winners = vec![a(4)];
    tally.ranking = vec![vec![a(4)], vec![a(1), a(2)], vec![a(3)]];
    tally.scores = vec![(
        a(3),
        Points {
            scaled: 3,
            scale: 2,
        },
    )];
    tally.rounds = vec![IrvRound {
        votes: vec![(a(1), 42), (a(4), 58)],
        exhausted: 3,
        eliminated: vec![a(1)],
    }];
    tally.pairwise = Some(Pairwise {
        alternatives: vec![a(1), a(4)],
        wins: vec![vec![0, 42], vec![58, 0]],
    });
    let table = to_table(&tally, &city);
    assert_eq!(
        table,
        "Method:  irv\n\
         Ballots: 100 counted, 2 ignored\n\
         Winners: Knoxville\n\
         \n\
         Rank    Alternative  Score\n   \
            1  * Knoxville\n  \
           2=    Memphis\n  \
           2=    Nashville\n   \
            4    Chattanooga   1.50\n\
         \n\
         Pairwise (ballots preferring the row to the column):\n              \
         1   2\n\
         1 Memphis     -  42\n\
         2 Knoxville  58   -\n\
         \n\
         Rounds:\n\
         1. Memphis 42, Knoxville 58; exhausted 3; eliminated: Memphis\n"
    );

    let mut tally = Tally::empty("consent", &[a(1)]);
    tally.consent = Some(ConsentResult {
        for_: 1,
        against: 2,
        abstain: 0,
        block: 1,
        votes_cast: 3,
        quorum_reached: false,
        threshold_met: false,
        passed: false,
    });
    let table = to_table(&tally, &city);
    assert!(table.contains("Winners: none"), "{table}");
    assert!(
        table.ends_with(
            "For 1, against 2, abstain 0, block 1; votes cast (for + against): 3\n\
             Quorum: not reached\nThreshold: not met\nVerdict: not passed\n"
        ),
        "{table}"
    );
}
