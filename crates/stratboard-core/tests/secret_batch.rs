//! Secret ballots are sealed in batches: no two versions of the session on disk differ by
//! fewer than five of a round's ballots (or all of them, when fewer were cast before it closed).
//! And the room's saves go to a journal beside the file, which the loader replays.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use stratboard_core::commands::{
    Command, CommandError, Item, ItemRef, Outcome, VoteOp, VoteRefusal,
};
use stratboard_core::document::Document;
use stratboard_core::document::held::SECRET_BATCH;
use stratboard_core::inbox::PendingReply;
use stratboard_core::model::{
    Alternative, Anonymity, Choice, ConsentChoice, Participant, ParticipantId, Session, Vote,
    VoteId, VoteMethod,
};
use stratboard_core::storage::{self, MAX_FILE_BYTES, backup_path, journal::journal_path, load};

/// A saved session with `people` participants and an open consent vote of `anonymity`.
fn room(
    dir: &std::path::Path,
    people: usize,
    anonymity: Anonymity,
) -> (Document, VoteId, Vec<ParticipantId>) {
    let mut s = Session::new("Batch");
    let mut ids = Vec::new();
    for n in 0..people {
        let done = s
            .apply(Command::Add(Item::Participant(Participant {
                name: format!("P{n}"),
                ..Participant::default()
            })))
            .unwrap();
        let Outcome::Added(ItemRef::Participant(id)) = done.outcome else {
            panic!("not added")
        };
        ids.push(id);
    }
    let done = s
        .apply(Command::Add(Item::Alternative(Alternative {
            title: "Park".into(),
            ..Alternative::default()
        })))
        .unwrap();
    let Outcome::Added(ItemRef::Alternative(park)) = done.outcome else {
        panic!("not added")
    };
    let done = s
        .apply(Command::Add(Item::Vote(Vote {
            question: "Build the park?".into(),
            alternatives: vec![park],
            method: VoteMethod::Consent { allow_block: false },
            anonymity,
            ..Vote::default()
        })))
        .unwrap();
    let Outcome::Added(ItemRef::Vote(vote)) = done.outcome else {
        panic!("not added")
    };
    s.apply(Command::Vote {
        vote,
        op: VoteOp::Open,
    })
    .unwrap();
    let mut doc = Document::untitled(s);
    doc.save_as(&dir.join("room.ron")).unwrap();
    (doc, vote, ids)
}

fn cast(vote: VoteId, voter: ParticipantId, n: usize) -> Command {
    let choice = if n.is_multiple_of(2) {
        ConsentChoice::For
    } else {
        ConsentChoice::Against
    };
    Command::Vote {
        vote,
        op: VoteOp::Cast {
            round: 1,
            voter,
            holder: None,
            choice: Choice::Consent(choice),
            seed: n as u64,
        },
    }
}

fn send(doc: &Document, vote: VoteId, voter: ParticipantId, n: usize) -> PendingReply {
    doc.sender().request_durable(cast(vote, voter, n)).unwrap()
}

fn ballots_on_disk(path: &std::path::Path) -> (usize, usize) {
    let session = load(path).unwrap().session;
    let round = &session.votes[0].rounds[0];
    (round.ballots.len(), round.voters.len())
}

#[test]
fn four_secret_ballots_wait_and_the_fifth_seals_all_five() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let (mut doc, vote, people) = room(dir.path(), 8, Anonymity::Secret);
    let mut pending = Vec::new();
    for (n, voter) in people.iter().take(SECRET_BATCH - 1).enumerate() {
        pending.push(send(&doc, vote, *voter, n));
        doc.drain(Instant::now());
    }
    assert!(
        pending.iter().all(|p| p.try_get().is_none()),
        "no answer yet"
    );
    assert_eq!(doc.held_for(vote), 4);
    assert_eq!(ballots_on_disk(&path), (0, 0), "nothing of them on disk");
    assert!(doc.session().votes[0].rounds[0].voters.is_empty());
    pending.push(send(&doc, vote, people[4], 4));
    doc.drain(Instant::now());
    for reply in &pending {
        assert_eq!(
            reply.try_get(),
            Some(Ok(Outcome::Cast { corrected: false }))
        );
    }
    assert_eq!(ballots_on_disk(&path), (5, 5));
    // The whole save folds the journal: the file and its .bak differ by the five.
    doc.save(false).unwrap();
    assert!(!journal_path(&path).exists());
    assert_eq!(ballots_on_disk(&path), (5, 5));
    assert_eq!(ballots_on_disk(&backup_path(&path)), (0, 0));
    let session = load(&path).unwrap().session;
    let round = &session.votes[0].rounds[0];
    assert!(round.ballots.iter().all(|b| b.voter.is_none()));
    let mut sorted = round.voters.clone();
    sorted.sort();
    assert_eq!(round.voters, sorted, "who voted is a sorted list, apart");
}

/// A timer set on the vote while ballots wait leaves them waiting: only closing the round (or
/// moving it on) seals a batch of fewer than five.
#[test]
fn a_timer_set_while_ballots_wait_does_not_seal_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let (mut doc, vote, people) = room(dir.path(), 8, Anonymity::Secret);
    let waiting = send(&doc, vote, people[0], 0);
    doc.drain(Instant::now());
    let deadline = chrono::Utc::now() + chrono::Duration::minutes(2);
    doc.sender()
        .send(Command::Vote {
            vote,
            op: VoteOp::SetDeadline {
                deadline: Some(deadline),
            },
        })
        .unwrap();
    doc.drain(Instant::now());
    assert_eq!(doc.held_for(vote), 1, "still waiting for its batch");
    assert!(waiting.try_get().is_none());
    assert_eq!(ballots_on_disk(&path), (0, 0));
    assert_eq!(doc.session().votes[0].rounds[0].deadline, Some(deadline));
}

#[test]
fn closing_the_vote_seals_the_ballots_waiting_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let (mut doc, vote, people) = room(dir.path(), 4, Anonymity::Secret);
    let pending: Vec<_> = (0..3).map(|n| send(&doc, vote, people[n], n)).collect();
    doc.drain(Instant::now());
    assert!(pending.iter().all(|p| p.try_get().is_none()));
    // A close in the same turn as a fourth ballot: the four are applied, then the close.
    let fourth = send(&doc, vote, people[3], 3);
    doc.sender()
        .send_own_step(Command::Vote {
            vote,
            op: VoteOp::Close {
                at: chrono::Utc::now(),
            },
        })
        .unwrap();
    let results = doc.drain(Instant::now());
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    for reply in pending.iter().chain([&fourth]) {
        assert_eq!(
            reply.try_get(),
            Some(Ok(Outcome::Cast { corrected: false }))
        );
    }
    assert_eq!(doc.held_for(vote), 0);
    let round = &doc.session().votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 4);
    assert!(round.seal.is_some(), "the seal counts the four");
    assert_eq!(ballots_on_disk(&path), (4, 4));
}

#[test]
fn a_held_ballot_is_checked_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, vote, people) = room(dir.path(), 3, Anonymity::Secret);
    let first = send(&doc, vote, people[0], 0);
    let again = send(&doc, vote, people[0], 1);
    let stranger = send(&doc, vote, ParticipantId(9_999), 2);
    doc.drain(Instant::now());
    assert!(first.try_get().is_none(), "held");
    assert_eq!(
        again.try_get(),
        Some(Err(CommandError::Vote(VoteRefusal::AlreadyVoted(
            people[0]
        ))))
    );
    assert!(matches!(
        stranger.try_get(),
        Some(Err(CommandError::Vote(VoteRefusal::NotEligible(_))))
    ));
    assert_eq!(doc.held_for(vote), 1);
    assert!(
        doc.session().votes[0].rounds[0].voters.is_empty(),
        "the check left nothing"
    );
    // A held ballot is taken: its waiter can no longer withdraw it.
    let claim = doc
        .sender()
        .request_durable_then(cast(vote, people[1], 1), |_| {})
        .unwrap();
    doc.drain(Instant::now());
    assert_eq!(doc.held_for(vote), 2);
    assert!(!claim.withdraw(), "held counts as taken");
}

#[test]
fn the_booths_secret_ballots_wait_for_the_batch_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, vote, people) = room(dir.path(), 6, Anonymity::Secret);
    for (n, voter) in people.iter().take(4).enumerate() {
        doc.sender().send(cast(vote, *voter, n)).unwrap();
    }
    assert!(doc.drain(Instant::now()).is_empty(), "nothing applied yet");
    assert!(!doc.is_dirty(), "so no recovery file holds any of them");
    doc.sender().send(cast(vote, people[4], 4)).unwrap();
    let results = doc.drain(Instant::now());
    assert_eq!(results.len(), 5);
    assert_eq!(doc.session().votes[0].rounds[0].ballots.len(), 5);
}

#[test]
fn an_open_votes_ballot_goes_to_the_journal_and_the_loader_replays_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let (mut doc, vote, people) = room(dir.path(), 3, Anonymity::Open);
    let file = std::fs::read(&path).unwrap();
    let reply = send(&doc, vote, people[0], 0);
    doc.drain(Instant::now());
    assert!(matches!(reply.try_get(), Some(Ok(_))));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        file,
        "the file is not rewritten"
    );
    assert!(doc.has_journal());
    assert_eq!(
        ballots_on_disk(&path),
        (1, 1),
        "the loader replays the journal"
    );
    // A crash mid-append leaves a torn record: it is ignored, the one before stands.
    let reply = send(&doc, vote, people[1], 1);
    doc.drain(Instant::now());
    assert!(matches!(reply.try_get(), Some(Ok(_))));
    let journal = journal_path(&path);
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"312 00ff\nVote(id: 3, que");
    std::fs::write(&journal, &bytes).unwrap();
    assert_eq!(ballots_on_disk(&path), (2, 2));
    // Reopened, the document goes on after the torn record, then folds it all.
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.has_journal() && !doc.is_dirty());
    let reply = send(&doc, vote, people[2], 2);
    doc.drain(Instant::now());
    assert!(matches!(reply.try_get(), Some(Ok(_))));
    assert_eq!(ballots_on_disk(&path), (3, 3));
    doc.fold_journal().unwrap();
    assert!(!journal.exists());
    assert_eq!(ballots_on_disk(&path), (3, 3));
}

#[test]
fn a_change_that_would_pass_the_size_limit_is_refused_and_the_file_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let (mut doc, _, _) = room(dir.path(), 1, Anonymity::Open);
    // Fill the session to a few kilobytes under the limit.
    let used = std::fs::metadata(&path).unwrap().len();
    let chunk = 1024 * 1024;
    let mut left = usize::try_from(MAX_FILE_BYTES - used).unwrap() - 4_000;
    while left > 0 {
        let take = left.min(chunk);
        let text = "x".repeat(take.saturating_sub(200).max(1));
        doc.apply(
            Command::Add(Item::Alternative(Alternative {
                title: "Filler".into(),
                description: text,
                ..Alternative::default()
            })),
            Instant::now(),
        )
        .unwrap();
        left -= take;
    }
    doc.save(false).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size <= MAX_FILE_BYTES && size > MAX_FILE_BYTES - 200_000,
        "{size}"
    );
    let idea = |len: usize| {
        Command::Add(Item::Alternative(Alternative {
            title: "Idea".into(),
            description: "y".repeat(len),
            hidden: true,
            ..Alternative::default()
        }))
    };
    // A small idea still fits.
    let small = doc.sender().request_durable(idea(10)).unwrap();
    doc.drain(Instant::now());
    assert!(
        matches!(small.try_get(), Some(Ok(_))),
        "{:?}",
        small.try_get()
    );
    // One that would pass the limit is refused, and nothing of it is kept.
    let big = doc.sender().request_durable(idea(300_000)).unwrap();
    doc.drain(Instant::now());
    assert!(matches!(
        big.try_get(),
        Some(Err(CommandError::SessionFull { .. }))
    ));
    let loaded = load(&path).unwrap();
    assert_eq!(
        loaded.session.alternatives.len(),
        doc.session().alternatives.len()
    );
    assert!(storage::to_ron_string(doc.session()).unwrap().len() as u64 <= MAX_FILE_BYTES);
}
