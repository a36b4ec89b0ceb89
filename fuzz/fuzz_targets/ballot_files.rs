//! Fuzzes the ballot-file readers: `read_bytes` must never panic on any bytes, whatever the
//! file's kind or ballot kind; and whenever the fast ranked-CSV reader (`read_ranked_csv`) takes
//! a file, the full reader must take it too and every ranked method must count both alike.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stratboard_core::model::{AlternativeId, Threshold, VoteMethod};
use stratboard_core::voting::import::{self, BallotKind};
use stratboard_core::voting::{Election, tally, tally_ranked};

const METHODS: [VoteMethod; 7] = [
    VoteMethod::Plurality,
    VoteMethod::Borda,
    VoteMethod::Irv,
    VoteMethod::Schulze,
    VoteMethod::RankedPairs,
    VoteMethod::Copeland,
    VoteMethod::Condorcet,
];

fuzz_target!(|data: &[u8]| {
    for kind in [BallotKind::Ranked, BallotKind::Approval, BallotKind::Scores] {
        let _ = import::read_bytes("b.csv", data, kind);
    }
    let _ = import::read_bytes("b.toi", data, BallotKind::Ranked);
    let Some((names, compact)) = import::read_ranked_csv("b.csv", data) else {
        return;
    };
    let full = match import::read_bytes("b.csv", data, BallotKind::Ranked) {
        Ok(full) => full,
        Err(error) => panic!("the fast reader took a file the full reader refuses: {error}"),
    };
    assert_eq!(names, full.alternatives);
    let alternatives: Vec<AlternativeId> = (1..=names.len() as u32).map(AlternativeId).collect();
    for method in &METHODS {
        let election = Election {
            alternatives: &alternatives,
            ballots: &full.ballots,
            method,
            quorum: None,
            threshold: Threshold::SimpleMajority,
        };
        let expected = tally(&election).ok();
        let got = tally_ranked(&alternatives, compact.clone(), method);
        assert_eq!(got, expected, "{method:?}");
    }
});
