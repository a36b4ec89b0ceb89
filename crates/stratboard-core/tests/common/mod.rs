//! Helpers shared by integration tests.

#![allow(dead_code)]

pub mod arbitrary;

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::{AlternativeId, Ballot, Choice, Session, VoteMethod};

/// The seven ranked methods (a ballot ranks the alternatives, ties allowed).
pub const RANKED_METHODS: [VoteMethod; 7] = [
    VoteMethod::Plurality,
    VoteMethod::Borda,
    VoteMethod::Irv,
    VoteMethod::Schulze,
    VoteMethod::RankedPairs,
    VoteMethod::Copeland,
    VoteMethod::Condorcet,
];

/// A ballot of `count` identical rankings; `groups` are tie groups of alternative ids, best
/// first.
pub fn ranking(count: u32, groups: &[&[u32]]) -> Ballot {
    Ballot {
        voter: None,
        count,
        choice: Choice::Ranking(
            groups
                .iter()
                .map(|g| g.iter().map(|i| AlternativeId(*i)).collect())
                .collect(),
        ),
    }
}

/// A small generated session: five alternatives, four participants in two groups, six goals,
/// two decisions, three action items and one vote with three ballots.
pub fn small_session() -> Session {
    generate(Size {
        alternatives: 5,
        participants: 4,
        groups: 2,
        goals: 6,
        decisions: 2,
        actions: 3,
        votes: 1,
        ballots: 3,
    })
}

/// The text pdftotext extracts from a PDF, or `None` when the tool is not installed (allowed
/// unless `STRATBOARD_REQUIRE_PDFTOTEXT` is set, as CI does).
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("the PDF is written");
    match std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(output) => {
            assert!(output.status.success(), "pdftotext failed");
            Some(String::from_utf8(output.stdout).expect("pdftotext writes UTF-8"))
        }
        Err(error) => {
            assert!(
                std::env::var_os("STRATBOARD_REQUIRE_PDFTOTEXT").is_none(),
                "pdftotext is required here: {error}"
            );
            eprintln!("pdftotext not installed ({error}); PDF text not checked");
            None
        }
    }
}

/// The words of `text` joined by single spaces (line breaks and runs of spaces folded).
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
