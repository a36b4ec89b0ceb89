//! Importing paper ballots (CSV, PrefLib) from their bytes.

#![allow(clippy::unwrap_used)]

use stratboard_core::model::{AlternativeId, Ballot, Choice, Score, VoteMethod};
use stratboard_core::voting::import::{
    BallotKind, ImportError, Imported, map_to_session, read_bytes, read_csv, read_preflib,
};

mod common;

use common::ranking;

fn a(i: u32) -> AlternativeId {
    AlternativeId(i)
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The error of a read, asserting it has the line given.
fn err_line(result: Result<Imported, ImportError>, line: usize) -> ImportError {
    let error = result.unwrap_err();
    assert_eq!(error.line(), Some(line), "{error}");
    assert!(
        error.to_string().starts_with(&format!("line {line}:")),
        "{error}"
    );
    error
}

// ---------------------------------------------------------------------------------------------
// CSV

#[test]
fn csv_ranked_with_ties_blanks_and_count() {
    let text = "count,Memphis,Nashville,Chattanooga,Knoxville\n\
                42,1,2,3,4\n\
                26,4,1,2,3\n\
                \n\
                15, 2 ,1,1,\n\
                3,,,,\n\
                1,3,,1,7\n";
    let imported = read_csv(text, BallotKind::Ranked).unwrap();
    assert_eq!(
        imported.alternatives,
        names(&["Memphis", "Nashville", "Chattanooga", "Knoxville"])
    );
    assert_eq!(imported.name_lines, vec![1; 4]);
    assert_eq!(
        imported.ballots,
        vec![
            ranking(42, &[&[1], &[2], &[3], &[4]]),
            ranking(26, &[&[2], &[3], &[4], &[1]]),
            ranking(15, &[&[2, 3], &[1]]),
            ranking(3, &[]),
            // Gaps in rank numbers only order.
            ranking(1, &[&[3], &[1], &[4]]),
        ]
    );
    assert!(imported.ballots.iter().all(|b| b.voter.is_none()));
}

#[test]
fn csv_without_count_column_counts_each_row_once() {
    let imported = read_csv("A,B\r\n1,2\r\n2,1\r\n", BallotKind::Ranked).unwrap();
    assert_eq!(
        imported.ballots,
        vec![ranking(1, &[&[1], &[2]]), ranking(1, &[&[2], &[1]])]
    );
}

#[test]
fn csv_approval() {
    let text = "Count,Park,Library,Pool\n3,1,0,1\n2,,1,\n1,0,0,0\n";
    let imported = read_csv(text, BallotKind::Approval).unwrap();
    let approval = |count, ids: &[u32]| Ballot {
        voter: None,
        count,
        choice: Choice::Approval(ids.iter().map(|i| a(*i)).collect()),
    };
    assert_eq!(
        imported.ballots,
        vec![approval(3, &[1, 3]), approval(2, &[2]), approval(1, &[])]
    );
}

#[test]
fn csv_scores() {
    let text = "Park,Library,Pool\n5,-2,\n0,3,1\n";
    let imported = read_csv(text, BallotKind::Scores).unwrap();
    let score = |i, value| Score {
        alternative: a(i),
        value,
    };
    assert_eq!(
        imported.ballots,
        vec![
            Ballot {
                voter: None,
                count: 1,
                // A blank (Pool) is left out: the counter treats it as the lowest score.
                choice: Choice::Scores(vec![score(1, 5), score(2, -2)]),
            },
            Ballot {
                voter: None,
                count: 1,
                choice: Choice::Scores(vec![score(1, 0), score(2, 3), score(3, 1)]),
            },
        ]
    );
}

#[test]
fn csv_semicolon_with_quotes_bom_and_padding() {
    // A spreadsheet export: BOM, `;`, CRLF, quoted names with separators, quotes and commas,
    // a name split over two lines, Cyrillic, trailing empty columns.
    let text = "\u{feff}count;\"Парк; сквер\";\"Дорога \"\"Север\"\"\";Школа, сад;\"Two\nlines\";;\r\n\
                2;1;\"2\";1;;;\r\n\
                1; \"3\" ;1;2;4\r\n";
    let imported = read_csv(text, BallotKind::Ranked).unwrap();
    assert_eq!(
        imported.alternatives,
        names(&[
            "Парк; сквер",
            "Дорога \"Север\"",
            "Школа, сад",
            "Two\nlines"
        ])
    );
    assert_eq!(
        imported.ballots,
        vec![
            ranking(2, &[&[1, 3], &[2]]),
            ranking(1, &[&[2], &[3], &[1], &[4]])
        ]
    );
}

#[test]
fn csv_separator_is_the_one_used_more_often_in_the_header() {
    // Commas inside an unquoted name of a semicolon file (as spreadsheets write them).
    let imported = read_csv("Roads, bridges;Parks;Schools\n1;2;3\n", BallotKind::Ranked).unwrap();
    assert_eq!(
        imported.alternatives,
        names(&["Roads, bridges", "Parks", "Schools"])
    );
    // Semicolons inside a quoted name of a comma file.
    let imported = read_csv("\"A;B;C\",D\n1,2\n", BallotKind::Ranked).unwrap();
    assert_eq!(imported.alternatives, names(&["A;B;C", "D"]));
}

#[test]
fn csv_line_numbers_count_physical_lines() {
    // The quoted header spans lines 1–2, a blank line 4; the bad cell is on line 5.
    let text = "\"A\nA\",B\n1,2\n\n1,x\n";
    let error = err_line(read_csv(text, BallotKind::Ranked), 5);
    assert!(
        matches!(error, ImportError::BadCell { ref alternative, ref value, .. }
        if alternative == "B" && value == "x")
    );
}

#[test]
fn csv_bad_inputs_are_rejected_whole_with_the_line() {
    let ranked = |text: &str| read_csv(text, BallotKind::Ranked);

    assert_eq!(ranked(""), Err(ImportError::Empty));
    assert_eq!(ranked("\u{feff} \n\n"), Err(ImportError::Empty));
    assert_eq!(ranked("A,B\n"), Err(ImportError::NoBallots));
    assert!(matches!(
        err_line(ranked("count\n1\n"), 1),
        ImportError::BadHeader { .. }
    ));
    assert!(matches!(
        err_line(ranked("A,,B\n1,2,3\n"), 1),
        ImportError::BadHeader { .. }
    ));
    assert_eq!(
        ranked("A,B, A \n1,2,3\n"),
        Err(ImportError::DuplicateAlternative {
            name: "A".into(),
            line: 1
        })
    );
    for count in ["-1", "0", "abc", "", "1.5", "99999999999"] {
        let text = format!("count,A,B\n1,1,2\n{count},1,2\n");
        assert_eq!(
            ranked(&text),
            Err(ImportError::BadCount {
                value: count.into(),
                line: 3
            }),
            "count {count:?}"
        );
    }
    for cell in ["0", "-1", "first", "1.5"] {
        let text = format!("A,B\n1,2\n2,1\n1,{cell}\n");
        assert!(
            matches!(err_line(ranked(&text), 4), ImportError::BadCell { .. }),
            "rank {cell:?}"
        );
    }
    for cell in ["2", "yes", "-1"] {
        let text = format!("A,B\n1,{cell}\n");
        assert!(matches!(
            err_line(read_csv(&text, BallotKind::Approval), 2),
            ImportError::BadCell { .. }
        ));
    }
    for cell in ["3.5", "high"] {
        let text = format!("A,B\n1,{cell}\n");
        assert!(matches!(
            err_line(read_csv(&text, BallotKind::Scores), 2),
            ImportError::BadCell { .. }
        ));
    }
    assert_eq!(
        ranked("count,A,B\n1,1,2\n1,1\n"),
        Err(ImportError::TooFewColumns {
            found: 2,
            expected: 3,
            line: 3
        })
    );
    assert_eq!(
        ranked("A,B\n1,2,3\n"),
        Err(ImportError::TooManyColumns {
            found: 3,
            expected: 2,
            line: 2
        })
    );
    // Trailing blank cells are padding, not extra columns.
    assert!(ranked("A,B\n1,2,,\n").is_ok());
    assert!(matches!(
        err_line(ranked("A,B\n1,2\n\"1,2\n"), 3),
        ImportError::BadLine { .. }
    ));
    assert!(matches!(
        err_line(ranked("A,B\n\"1\"x,2\n"), 2),
        ImportError::BadLine { .. }
    ));
    let error = ranked("A,B\n1,2\n2,1\n\"1\"x,2\n").unwrap_err();
    assert!(error.to_string().contains("line 4"), "{error}");
}

proptest::proptest! {
    /// Whatever the names (separators, quotes, line breaks, Cyrillic) and separator, a CSV
    /// written with RFC 4180 quoting reads back to the same names and rankings.
    #[test]
    fn csv_round_trip(
        raw_names in proptest::collection::vec("[a-zП-я ,;\"\n]{1,8}", 1..6),
        rows in proptest::collection::vec(
            (1u32..5, proptest::collection::vec(proptest::option::of(1u32..4), 6)),
            1..8,
        ),
        semicolon in proptest::bool::ANY,
        crlf in proptest::bool::ANY,
    ) {
        let mut names: Vec<String> = Vec::new();
        for name in raw_names {
            let name = name.trim().to_owned();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        proptest::prop_assume!(!names.is_empty());
        let separator = if semicolon { ";" } else { "," };
        let end = if crlf { "\r\n" } else { "\n" };
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut text = String::from("count");
        for name in &names {
            text.push_str(separator);
            text.push_str(&quote(name));
        }
        text.push_str(end);
        let mut expected = Vec::new();
        for (count, ranks) in &rows {
            text.push_str(&count.to_string());
            let mut ranked: Vec<(u32, u32)> = Vec::new();
            for (i, rank) in ranks.iter().take(names.len()).enumerate() {
                text.push_str(separator);
                if let Some(rank) = rank {
                    text.push_str(&rank.to_string());
                    ranked.push((*rank, i as u32 + 1));
                }
            }
            text.push_str(end);
            ranked.sort();
            let mut groups: Vec<Vec<AlternativeId>> = Vec::new();
            for (k, (rank, id)) in ranked.iter().enumerate() {
                if k > 0 && ranked[k - 1].0 == *rank {
                    groups.last_mut().unwrap().push(a(*id));
                } else {
                    groups.push(vec![a(*id)]);
                }
            }
            expected.push(Ballot { voter: None, count: *count, choice: Choice::Ranking(groups) });
        }
        let imported = read_csv(&text, BallotKind::Ranked).unwrap();
        proptest::prop_assert_eq!(&imported.alternatives, &names);
        proptest::prop_assert_eq!(&imported.ballots, &expected);
    }
}

// ---------------------------------------------------------------------------------------------
// PrefLib

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

#[test]
fn preflib_soc() {
    let text = preflib(
        "soc",
        "# NUMBER VOTERS: 100\n# NUMBER UNIQUE ORDERS: 4\n\
         42: 1,2,3,4\n26: 2,3,4,1\n15: 3,4,2,1\n17: 4,3,2,1\n",
    );
    let imported = read_preflib(&text).unwrap();
    assert_eq!(
        imported.alternatives,
        names(&["Memphis", "Nashville", "Chattanooga", "Knoxville"])
    );
    assert_eq!(imported.name_lines, vec![5, 6, 7, 8]);
    assert_eq!(
        imported.ballots,
        vec![
            ranking(42, &[&[1], &[2], &[3], &[4]]),
            ranking(26, &[&[2], &[3], &[4], &[1]]),
            ranking(15, &[&[3], &[4], &[2], &[1]]),
            ranking(17, &[&[4], &[3], &[2], &[1]]),
        ]
    );
}

#[test]
fn preflib_soi() {
    let imported = read_preflib(&preflib("soi", "3: 2,1\n1: 4\n2:\n")).unwrap();
    assert_eq!(
        imported.ballots,
        vec![
            ranking(3, &[&[2], &[1]]),
            ranking(1, &[&[4]]),
            ranking(2, &[])
        ]
    );
}

#[test]
fn preflib_toc() {
    let imported = read_preflib(&preflib("toc", "5: 1,{2,3},4\n2: {1,2,3,4}\n")).unwrap();
    assert_eq!(
        imported.ballots,
        vec![
            ranking(5, &[&[1], &[2, 3], &[4]]),
            ranking(2, &[&[1, 2, 3, 4]])
        ]
    );
}

#[test]
fn preflib_toi_with_spaces_and_crlf() {
    let text = preflib("toi", "5: { 3 , 1 } , 4\r\n1: 2\r\n").replace('\n', "\r\n");
    let imported = read_preflib(&text).unwrap();
    assert_eq!(
        imported.ballots,
        vec![ranking(5, &[&[3, 1], &[4]]), ranking(1, &[&[2]])]
    );
}

#[test]
fn preflib_bad_inputs_are_rejected_whole_with_the_line() {
    // Orders start on line 9 (DATA TYPE is line 1, then 7 header lines).
    let line = 9;
    assert_eq!(
        read_preflib(&preflib("soc", "1: 1,2,3,4\n1: 1,2,2,4\n")),
        Err(ImportError::DuplicateInOrder {
            alternative: 2,
            line: line + 1
        })
    );
    assert_eq!(
        read_preflib(&preflib("toi", "1: 1,{2,1}\n")),
        Err(ImportError::DuplicateInOrder {
            alternative: 1,
            line
        })
    );
    assert_eq!(
        read_preflib(&preflib("toi", "1: 5\n")),
        Err(ImportError::UnknownAlternative {
            name: "5".into(),
            line
        })
    );
    assert_eq!(
        read_preflib(&preflib("soc", "1: 1,{2,3},4\n")),
        Err(ImportError::NotStrict {
            data_type: "soc",
            line
        })
    );
    assert_eq!(
        read_preflib(&preflib("soi", "1: 1\n1: {2,3}\n")),
        Err(ImportError::NotStrict {
            data_type: "soi",
            line: line + 1
        })
    );
    assert_eq!(
        read_preflib(&preflib("soc", "1: 1,2,3\n")),
        Err(ImportError::Incomplete {
            data_type: "soc",
            missing: 1,
            line
        })
    );
    assert_eq!(
        read_preflib(&preflib("toc", "1: {1,2}\n")),
        Err(ImportError::Incomplete {
            data_type: "toc",
            missing: 2,
            line
        })
    );
    for count in ["-2", "0", "many"] {
        assert_eq!(
            read_preflib(&preflib("toi", &format!("1: 1\n{count}: 1,2\n"))),
            Err(ImportError::BadCount {
                value: count.into(),
                line: line + 1
            })
        );
    }
    for order in ["1 2", "1,,2", "{1,2", "1,x", "1,{2}3", "1,2,"] {
        assert!(
            matches!(
                err_line(
                    read_preflib(&preflib("toi", &format!("1: {order}\n"))),
                    line
                ),
                ImportError::BadLine { .. }
            ),
            "order {order:?}"
        );
    }
    assert!(matches!(
        err_line(read_preflib(&preflib("toi", "1,2,3,4\n")), line),
        ImportError::BadLine { .. }
    ));
    // Declared totals must match.
    assert!(matches!(
        err_line(
            read_preflib(&preflib("toi", "# NUMBER VOTERS: 3\n1: 1\n1: 2\n")),
            line
        ),
        ImportError::BadHeader { .. }
    ));
    assert!(matches!(
        err_line(
            read_preflib(&preflib("toi", "# NUMBER UNIQUE ORDERS: 1\n1: 1\n1: 2\n")),
            line
        ),
        ImportError::BadHeader { .. }
    ));
    // Header problems.
    assert!(matches!(
        err_line(read_preflib("# DATA TYPE: wmd\n1: 1\n"), 1),
        ImportError::BadHeader { .. }
    ));
    assert_eq!(
        read_preflib("# DATA TYPE: toi\n# ALTERNATIVE NAME 1: A\n1: 1\n"),
        Err(ImportError::MissingHeader {
            what: "NUMBER ALTERNATIVES".into()
        })
    );
    assert_eq!(
        read_preflib("# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n1: 1\n"),
        Err(ImportError::MissingHeader {
            what: "ALTERNATIVE NAME 2".into()
        })
    );
    // A gap among the names, and an absurd declared number (found by fuzzing: it was
    // allocated before the names were found missing, and the process aborted).
    assert_eq!(
        read_preflib(
            "# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 3: C\n# ALTERNATIVE NAME 1: A\n1: 1\n"
        ),
        Err(ImportError::MissingHeader {
            what: "ALTERNATIVE NAME 2".into()
        })
    );
    assert_eq!(
        read_preflib("# NUMBER ALTERNATIVES: 64112111121\n# ALTERNATIVE NAME 1: A\n1: 1\n"),
        Err(ImportError::MissingHeader {
            what: "ALTERNATIVE NAME 2".into()
        })
    );
    assert!(matches!(
        err_line(
            read_preflib("# NUMBER ALTERNATIVES: 1\n# ALTERNATIVE NAME 2: B\n1: 1\n"),
            2
        ),
        ImportError::BadHeader { .. }
    ));
    assert_eq!(
        read_preflib(
            "# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: A\n1: 1\n"
        ),
        Err(ImportError::DuplicateAlternative {
            name: "A".into(),
            line: 3
        })
    );
    assert_eq!(
        read_preflib("# NUMBER ALTERNATIVES: 1\n# ALTERNATIVE NAME 1: A\n"),
        Err(ImportError::NoBallots)
    );
    assert_eq!(read_preflib("\n"), Err(ImportError::Empty));
}

#[test]
fn ballot_kind_for_each_method() {
    assert_eq!(
        BallotKind::for_method(&VoteMethod::Schulze),
        Some(BallotKind::Ranked)
    );
    assert_eq!(
        BallotKind::for_method(&VoteMethod::Plurality),
        Some(BallotKind::Ranked)
    );
    assert_eq!(
        BallotKind::for_method(&VoteMethod::Approval),
        Some(BallotKind::Approval)
    );
    assert_eq!(
        BallotKind::for_method(&VoteMethod::Score { min: 0, max: 5 }),
        Some(BallotKind::Scores)
    );
    assert_eq!(
        BallotKind::for_method(&VoteMethod::MajorityJudgment {
            grades: names(&["bad", "good"])
        }),
        Some(BallotKind::Scores)
    );
    assert_eq!(
        BallotKind::for_method(&VoteMethod::Consent { allow_block: true }),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Mapping to a vote

fn vote() -> Vec<(AlternativeId, String)> {
    vec![
        (a(10), "Nashville".into()),
        (a(11), " Memphis ".into()),
        (a(12), "Knoxville".into()),
        (a(13), "Chattanooga".into()),
        (a(14), "Jackson".into()),
    ]
}

#[test]
fn map_to_session_renumbers_by_title() {
    let imported = read_csv(
        "count,Memphis,Nashville,Chattanooga,Knoxville\n42,1,2,3,4\n15,,1,1,\n",
        BallotKind::Ranked,
    )
    .unwrap();
    assert_eq!(
        map_to_session(imported, &vote()).unwrap(),
        vec![
            ranking(42, &[&[11], &[10], &[13], &[12]]),
            ranking(15, &[&[10, 13]]),
        ]
    );
    let imported = read_csv("Knoxville,Jackson\n7,\n", BallotKind::Scores).unwrap();
    assert_eq!(
        map_to_session(imported, &vote()).unwrap(),
        vec![Ballot {
            voter: None,
            count: 1,
            choice: Choice::Scores(vec![Score {
                alternative: a(12),
                value: 7
            }]),
        }]
    );
}

#[test]
fn map_to_session_refuses_unknown_and_ambiguous_names() {
    let imported = read_csv("Memphis,memphis\n1,2\n", BallotKind::Ranked).unwrap();
    assert_eq!(
        map_to_session(imported, &vote()),
        Err(ImportError::UnknownAlternative {
            name: "memphis".into(),
            line: 1
        })
    );
    let imported = read_preflib(&preflib("toi", "1: 1\n").replace("Knoxville", "Atlanta")).unwrap();
    let error = map_to_session(imported, &vote()).unwrap_err();
    assert_eq!(
        error,
        ImportError::UnknownAlternative {
            name: "Atlanta".into(),
            line: 8
        }
    );
    assert_eq!(error.to_string(), "line 8: unknown alternative \"Atlanta\"");

    let mut twice = vote();
    twice.push((a(20), "Memphis".into()));
    let imported = read_csv("Memphis\n1\n", BallotKind::Ranked).unwrap();
    assert!(matches!(
        map_to_session(imported, &twice),
        Err(ImportError::AmbiguousAlternative { line: 1, .. })
    ));
}

#[test]
fn read_bytes_chooses_the_format_by_the_name() {
    assert_eq!(
        read_bytes("ballots.CSV", b"A,B\n1,2\n", BallotKind::Ranked)
            .unwrap()
            .ballots,
        vec![ranking(1, &[&[1], &[2]])]
    );
    let toc = preflib("toc", "1: {1,2},3,4\n");
    assert_eq!(
        read_bytes("b.toc", toc.as_bytes(), BallotKind::Ranked)
            .unwrap()
            .ballots,
        vec![ranking(1, &[&[1, 2], &[3], &[4]])]
    );
    assert_eq!(
        read_bytes("b.toc", toc.as_bytes(), BallotKind::Approval),
        Err(ImportError::NotRanked)
    );
    assert_eq!(
        read_bytes("b.txt", b"A,B\n1,2\n", BallotKind::Ranked),
        Err(ImportError::UnsupportedExtension {
            extension: "txt".into()
        })
    );
    assert_eq!(
        read_bytes("b.csv", b"A,B\n1,2\n\xcf\xe0,1\n", BallotKind::Ranked),
        Err(ImportError::NotUtf8 { line: 3 })
    );
    let large = vec![b' '; 16 * 1024 * 1024 + 1];
    assert_eq!(
        read_bytes("b.csv", &large, BallotKind::Ranked),
        Err(ImportError::TooLarge {
            size: 16 * 1024 * 1024 + 1
        })
    );
}
