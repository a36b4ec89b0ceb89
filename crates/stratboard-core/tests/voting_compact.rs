//! Ranked CSV ballots read straight into the compact form (`import::read_ranked_csv`) count
//! exactly as the same file read into ballots (`import::read_bytes`) does, for every ranked
//! method; files the fast reader does not take are left to the full reader.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use stratboard_core::model::{AlternativeId, Threshold, VoteMethod};
use stratboard_core::voting::import::{self, BallotKind};
use stratboard_core::voting::{Election, RankedProfile, tally, tally_ranked};

mod common;

use common::RANKED_METHODS;

/// Asserts the fast reader takes `text` and counts it as the full reader's ballots count.
fn same(text: &str) {
    let (names, compact) = import::read_ranked_csv("b.csv", text.as_bytes()).unwrap();
    counts_the_same(text, names, compact);
}

/// Asserts the full reader takes `text` and its ballots count as `compact` does.
fn counts_the_same(text: &str, names: Vec<String>, compact: RankedProfile) {
    let full = import::read_bytes("b.csv", text.as_bytes(), BallotKind::Ranked).unwrap();
    assert_eq!(names, full.alternatives);
    let alternatives: Vec<AlternativeId> = (1..=names.len() as u32).map(AlternativeId).collect();
    for method in &RANKED_METHODS {
        let election = Election {
            alternatives: &alternatives,
            ballots: &full.ballots,
            method,
            quorum: None,
            threshold: Threshold::SimpleMajority,
        };
        let expected = tally(&election).unwrap();
        let got = tally_ranked(&alternatives, compact.clone(), method).unwrap();
        assert_eq!(got, expected, "{method:?} on {text:?}");
    }
}

#[test]
fn the_compact_form_counts_as_the_ballots_do() {
    same("A,B,C\n1,2,3\n3,1,2\n2,3,1\n1,2,3\n");
    // Ties, gaps in the ranks, blanks (unranked), an empty ballot.
    same("A,B,C,D\n1,1,3,\n2,,2,7\n,,,\n4,3,2,1\n1,,,\n");
    // A count column, semicolons, CRLF, a BOM, blanks around cells, blank lines.
    same("\u{feff}Count;A;B;C\r\n3; 1 ;2;3\r\n\r\n2;2;1;\r\n1;;;1\r\n");
    same("count,X,Y\n5,1,2\n4,2,1\n1,1,1");
    // Trailing empty cells beyond the columns are allowed.
    same("A,B,C,\n1,2,3,\n2,1,3,,\n");
    // Spaces and tabs around numbers, leading zeros, a line of blanks.
    same("A,B,C\n \t1\t, 02 ,\n   \n3,3,1\n");
}

#[test]
fn a_larger_profile_counts_as_the_ballots_do() {
    let mut seed = 0x5EED_u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % n
    };
    let mut text = String::from("A,B,C,D,E,F\n");
    for _ in 0..300 {
        let row: Vec<String> = (0..6)
            .map(|_| match next(5) {
                0 => String::new(),
                _ => (1 + next(6)).to_string(),
            })
            .collect();
        text.push_str(&row.join(","));
        text.push('\n');
    }
    same(&text);
}

#[test]
fn files_it_does_not_take_go_to_the_full_reader() {
    for text in [
        "",
        "A,B\n",
        "A,\"B\"\n1,2\n",
        "A,B\n1,x\n",
        "A,B\n0,1\n",
        "A,B\n1\n",
        "A,B\n1,2,3\n",
        "A,A\n1,2\n",
        "Count,A,B\n0,1,2\n",
        "A,B\n1\r2\n",
        "A,B\n+1,2\n",
        "A,B\n1 2,3\n",
        "A,B\n99999999999,1\n",
    ] {
        assert!(
            import::read_ranked_csv("b.csv", text.as_bytes()).is_none(),
            "{text:?}"
        );
    }
    // More alternatives than a ranked method counts: the full reader's ballots get the count's
    // own message.
    let names: Vec<String> = (1..=1_001).map(|i| format!("A{i}")).collect();
    let wide = format!("{}\n{}\n", names.join(","), vec!["1"; 1_001].join(","));
    assert!(import::read_ranked_csv("b.csv", wide.as_bytes()).is_none());
    assert!(import::read_ranked_csv("b.soc", b"A,B\n1,2\n").is_none());
    assert!(import::read_ranked_csv("b.txt", b"A,B\n1,2\n").is_none());
}

#[test]
fn the_issue_file_is_taken() {
    let mut text = String::from("A1,A2,A3,A4,A5,A6,A7,A8,A9,A10\n");
    for b in 0..1000u32 {
        let row: Vec<String> = (0..10u32).map(|i| ((i + b) % 10 + 1).to_string()).collect();
        text.push_str(&row.join(","));
        text.push('\n');
    }
    let (_, compact) = import::read_ranked_csv("b.csv", text.as_bytes()).unwrap();
    assert_eq!(compact.weights.len(), 1000);
    same(&text);
}

#[test]
fn blank_lines_are_no_ballots_even_with_one_column() {
    // Blank lines (LF and CRLF) among ballots, with enough file after them that the usual-line
    // reader sees them: with one column a blank line must not pass for one blank cell.
    for end in ["\n", "\r\n"] {
        same(&format!("a{end}{end}{}", format!("1{end}").repeat(40)));
        same(&format!(
            "a{end}{}{}",
            format!("1{end}").repeat(40),
            end.repeat(40)
        ));
        let only_blank = format!("a{end}{}", end.repeat(80));
        assert!(import::read_ranked_csv("b.csv", only_blank.as_bytes()).is_none());
        assert!(import::read_bytes("b.csv", only_blank.as_bytes(), BallotKind::Ranked).is_err());
    }
}

#[test]
fn the_reservation_is_bounded_by_the_file_not_its_line_count() {
    // A thousand columns, one ballot, then a megabyte of blank lines: one rank a line would
    // reserve a thousand million ranks.
    let names: Vec<String> = (1..=1_000).map(|i| format!("A{i}")).collect();
    let text = format!(
        "{}\n{}\n{}",
        names.join(","),
        vec!["1"; 1_000].join(","),
        "\n".repeat(1 << 20)
    );
    let (_, compact) = import::read_ranked_csv("b.csv", text.as_bytes()).unwrap();
    assert_eq!(compact.weights.len(), 1);
    assert!(
        compact.ranks.capacity() <= text.len() + 1_000,
        "{}",
        compact.ranks.capacity()
    );
    assert!(compact.weights.capacity() <= text.len() / 1_000 + 1);
}

#[test]
fn large_ranks_take_the_sorting_path_and_count_the_same() {
    same("A,B,C\n100,200,\n500,100,100\n,4000000000,7\n");
    // Ranks 1 … k without gaps, ties and blanks among them (the rank-less-one path), next to
    // ranks with gaps (the counting path), and ranks from 63 up.
    same("A,B,C,D\n1,1,2,\n2,2,1,1\n,1,,\n1,3,,3\n63,64,1,2\n");
}

#[test]
fn weights_beyond_32_bits_count_exactly() {
    let big = u64::from(u32::MAX);
    // A > B with weights u32::MAX, 2^32 + 5 and u32::MAX again (too heavy for the 16-bit
    // cells: counted straight in 64 bits); B > A once with weight 3 (in the cells).
    let profile = RankedProfile {
        alternatives: 2,
        ranks: vec![0, 1, 1, 0, 0, 1, 0, 1],
        listed_levels: vec![2, 2, 2, 2],
        weights: vec![big, 3, big + 6, big],
    };
    let alternatives = [AlternativeId(1), AlternativeId(2)];
    let tally = tally_ranked(&alternatives, profile, &VoteMethod::Schulze).unwrap();
    let pairwise = tally.pairwise.unwrap();
    assert_eq!(pairwise.wins, vec![vec![0, 3 * big + 6], vec![3, 0]]);
    assert_eq!(tally.ballots, 3 * big + 9);
}

#[test]
fn a_compact_profile_with_a_level_beyond_its_ballot_is_refused() {
    let profile = RankedProfile {
        alternatives: 2,
        ranks: vec![0, 5],
        listed_levels: vec![1],
        weights: vec![1],
    };
    let alternatives = [AlternativeId(1), AlternativeId(2)];
    for method in &RANKED_METHODS {
        assert!(tally_ranked(&alternatives, profile.clone(), method).is_none());
    }
}

#[test]
fn the_16_bit_cells_are_emptied_before_they_overflow() {
    // Five ballots of 40,000 (each fits a 16-bit cell, their sum does not) and one of 65,535:
    // the cells must be emptied into the 64-bit matrix in between.
    let profile = RankedProfile {
        alternatives: 3,
        ranks: [[0, 1, 2]; 5]
            .into_iter()
            .flatten()
            .chain([2, 1, 0])
            .collect(),
        listed_levels: vec![3; 6],
        weights: vec![40_000, 40_000, 40_000, 40_000, 40_000, 65_535],
    };
    let alternatives = [AlternativeId(1), AlternativeId(2), AlternativeId(3)];
    let tally = tally_ranked(&alternatives, profile, &VoteMethod::Copeland).unwrap();
    let wins = tally.pairwise.unwrap().wins;
    assert_eq!(wins[0], vec![0, 200_000, 200_000]);
    assert_eq!(wins[1], vec![65_535, 0, 200_000]);
    assert_eq!(wins[2], vec![65_535, 65_535, 0]);
}

/// A cell: mostly ranks of one or two digits and blanks, sometimes what only the byte reader
/// (or only the full reader) takes.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1u32..=12).prop_map(|r| r.to_string()),
        3 => Just(String::new()),
        1 => Just("0".to_owned()),
        1 => Just(" 3".to_owned()),
        1 => Just("2\t".to_owned()),
        1 => Just("007".to_owned()),
        1 => Just("1234567".to_owned()),
        1 => Just("12345678".to_owned()),
        1 => Just("x".to_owned()),
    ]
}

/// A cell a usual line holds: a rank of one or two digits, or a blank.
fn usual_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1u32..=12).prop_map(|r| r.to_string()),
        3 => Just(String::new()),
    ]
}

/// A ballot file: a header of 1 to 12 alternatives (sometimes a count column), rows of cells,
/// "\n" or "\r\n", blank lines. Half of the files hold only usual rows (the header's number of
/// usual cells, or a blank line), which the fast reader takes; the others have rows one cell
/// short or long, padded or not, and any cell.
fn ballot_files() -> impl Strategy<Value = String> {
    (1usize..=12, any::<bool>(), any::<bool>(), any::<bool>()).prop_flat_map(
        |(n, counted, crlf, usual)| {
            let cells = if usual {
                prop::collection::vec(usual_cell(), n..=n).boxed()
            } else {
                prop::collection::vec(cell(), n - 1..=n + 1).boxed()
            };
            let extra = if usual {
                prop_oneof![12 => Just(""), 2 => Just("\n")].boxed()
            } else {
                prop_oneof![12 => Just(""), 1 => Just(","), 1 => Just("\n")].boxed()
            };
            let count = if usual {
                (1u32..200).boxed()
            } else {
                prop_oneof![10 => Just(1u32), 1 => Just(0u32), 2 => 2u32..200].boxed()
            };
            let row = (cells, count, extra);
            prop::collection::vec(row, 1..60).prop_map(move |rows| {
                let end = if crlf { "\r\n" } else { "\n" };
                let mut text = String::new();
                if counted {
                    text.push_str("count,");
                }
                let names: Vec<String> = (1..=n).map(|i| format!("A{i}")).collect();
                text.push_str(&names.join(","));
                text.push_str(end);
                for (cells, count, extra) in rows {
                    if counted {
                        text.push_str(&format!("{count},"));
                    }
                    text.push_str(&cells.join(","));
                    // A blank line ("\n" before the line's end) comes after the row.
                    text.push_str(extra);
                    text.push_str(end);
                }
                text
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the fast reader takes counts as the full reader's ballots; and a file of only
    /// the usual cells is taken.
    #[test]
    fn the_fast_reader_counts_what_the_full_reader_reads(text in ballot_files()) {
        match import::read_ranked_csv("b.csv", text.as_bytes()) {
            Some((names, compact)) => counts_the_same(&text, names, compact),
            None => {
                let usual = text.lines().skip(1).all(|line| {
                    line.trim_end_matches('\r').split(',').all(|c| {
                        c.is_empty() || (c.len() <= 2 && c.bytes().all(|b| b.is_ascii_digit()) && c != "0")
                    })
                });
                let columns = text.lines().next().unwrap().split(',').count();
                let shaped = text.lines().skip(1).all(|line| {
                    let cells: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
                    cells.len() == columns && !cells.first().is_some_and(|c| c.is_empty() || *c == "0")
                });
                prop_assert!(!(usual && shaped && !text.starts_with("count")), "not taken: {:?}", text);
            }
        }
    }
}
