//! Saving a 10 MB session (issue 24): the whole save (serialise, read the old file for the
//! change check and the `.bak`, write both atomically with fsync) against a phone's ballot
//! made durable by a journal record beside the file. Prints median times.
//!
//! `cargo bench --bench save`

use std::time::{Duration, Instant};

use stratboard_core::commands::{Command, Item, VoteOp};
use stratboard_core::document::Document;
use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::{Alternative, Anonymity, Choice, ConsentChoice, Vote, VoteMethod};
use stratboard_core::storage::{save, to_ron_string};

/// The large fixture grown with ideas to about 10 MB, with an open consent vote.
fn ten_megabytes() -> stratboard_core::model::Session {
    let mut session = generate(Size::LARGE);
    let mut n = 0;
    while to_ron_string(&session).map_or(0, |t| t.len()) < 10 * 1024 * 1024 {
        for _ in 0..1000 {
            n += 1;
            let idea = Alternative {
                title: format!("Idea {n} from a phone"),
                description: "a phone's idea, as long as a real one: ".repeat(30),
                hidden: true,
                ..Alternative::default()
            };
            session.apply(Command::Add(Item::Alternative(idea))).ok();
        }
    }
    let park = session.alternatives[0].id;
    let vote = Vote {
        question: "Build the park?".into(),
        alternatives: vec![park],
        method: VoteMethod::Consent { allow_block: false },
        anonymity: Anonymity::Open,
        ..Vote::default()
    };
    session.apply(Command::Add(Item::Vote(vote))).ok();
    session
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let session = ten_megabytes();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let started = Instant::now();
    let text = to_ron_string(&session).expect("serialize");
    let serialise = started.elapsed();
    println!(
        "session: {:.1} MB, serialising: {serialise:?}",
        text.len() as f64 / 1_048_576.0
    );
    let mut whole = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        save(&path, &session, None).expect("save");
        whole.push(started.elapsed());
    }
    println!("whole save (fsync, .bak): median {:?}", median(whole));

    let mut doc = Document::open(&path).expect("open");
    let vote = doc.session().votes.last().map(|v| v.id).expect("a vote");
    doc.apply(
        Command::Vote {
            vote,
            op: VoteOp::Open,
        },
        Instant::now(),
    )
    .expect("open vote");
    doc.save(false).expect("save");
    let voters: Vec<_> = doc.session().participants.iter().map(|p| p.id).collect();
    let mut ballots = Vec::new();
    for voter in voters.iter().take(40) {
        let command = Command::Vote {
            vote,
            op: VoteOp::Cast {
                round: 1,
                voter: *voter,
                holder: None,
                choice: Choice::Consent(ConsentChoice::For),
                seed: 0,
            },
        };
        let reply = doc.sender().request_durable(command).expect("send");
        let started = Instant::now();
        doc.drain(Instant::now());
        ballots.push(started.elapsed());
        assert!(matches!(reply.try_get(), Some(Ok(_))));
    }
    println!(
        "a ballot's durable save (journal record, fsync): median {:?}, max {:?}",
        median(ballots.clone()),
        ballots.iter().max().copied().unwrap_or_default()
    );
}
