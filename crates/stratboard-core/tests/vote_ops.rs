//! Vote operations are commands resolved against the session as it is when applied: the rules
//! of voting live in the core, ballots from other threads all land, and the facilitator's undo
//! never removes a ballot.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use stratboard_core::commands::{Command, CommandError, Item, Outcome, VoteOp, VoteRefusal};
use stratboard_core::document::Document;
use stratboard_core::inbox::Closed;
use stratboard_core::model::{
    Alternative, Anonymity, BallotProblem, Choice, ConsentChoice, Participant, ParticipantId,
    Session, Vote, VoteId, VoteMethod, VoteStatus,
};

/// A session with three participants and a consent vote on one alternative (draft).
fn session(anonymity: Anonymity) -> (Session, VoteId, Vec<ParticipantId>) {
    let mut s = Session::new("Test");
    let mut people = Vec::new();
    for name in ["Anna", "Boris", "Vera"] {
        let done = s
            .apply(Command::Add(Item::Participant(Participant {
                name: name.into(),
                ..Participant::default()
            })))
            .unwrap();
        let Outcome::Added(stratboard_core::commands::ItemRef::Participant(id)) = done.outcome
        else {
            panic!("not added")
        };
        people.push(id);
    }
    let done = s
        .apply(Command::Add(Item::Alternative(Alternative {
            title: "Park".into(),
            ..Alternative::default()
        })))
        .unwrap();
    let Outcome::Added(stratboard_core::commands::ItemRef::Alternative(park)) = done.outcome else {
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
    let Outcome::Added(stratboard_core::commands::ItemRef::Vote(vote)) = done.outcome else {
        panic!("not added")
    };
    (s, vote, people)
}

fn op(vote: VoteId, op: VoteOp) -> Command {
    Command::Vote { vote, op }
}

fn cast(vote: VoteId, voter: ParticipantId, choice: ConsentChoice, seed: u64) -> Command {
    op(
        vote,
        VoteOp::Cast {
            round: 1,
            voter,
            holder: None,
            choice: Choice::Consent(choice),
            seed,
        },
    )
}

fn refusal(result: Result<stratboard_core::commands::Applied, CommandError>) -> VoteRefusal {
    match result {
        Err(CommandError::Vote(refusal)) => refusal,
        other => panic!("expected a vote refusal, got {other:?}"),
    }
}

#[test]
fn a_draft_refuses_ballots_and_opening_makes_round_one() {
    let (mut s, vote, people) = session(Anonymity::Open);
    let draft = refusal(s.apply(cast(vote, people[0], ConsentChoice::For, 0)));
    assert_eq!(draft, VoteRefusal::NotOpen);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    let v = s.votes[0].clone();
    assert_eq!(v.status, VoteStatus::Open);
    assert_eq!(v.rounds.len(), 1);
    assert_eq!(
        refusal(s.apply(op(vote, VoteOp::Open))),
        VoteRefusal::NotDraft
    );
}

#[test]
fn corrections_replace_in_open_votes_and_are_refused_in_secret_ones() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    let done = s
        .apply(cast(vote, people[0], ConsentChoice::Against, 0))
        .unwrap();
    assert_eq!(done.outcome, Outcome::Cast { corrected: true });
    let round = &s.votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 1);
    assert_eq!(
        round.ballots[0].choice,
        Choice::Consent(ConsentChoice::Against)
    );

    let (mut s, vote, people) = session(Anonymity::Secret);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    s.apply(cast(vote, people[0], ConsentChoice::For, 7))
        .unwrap();
    assert_eq!(
        refusal(s.apply(cast(vote, people[0], ConsentChoice::Against, 7))),
        VoteRefusal::AlreadyVoted(people[0])
    );
    assert!(
        s.votes[0].rounds[0]
            .ballots
            .iter()
            .all(|b| b.voter.is_none())
    );
}

#[test]
fn secret_ballots_land_where_the_seed_says() {
    let (mut s, vote, people) = session(Anonymity::Secret);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    s.apply(cast(vote, people[1], ConsentChoice::Against, 2))
        .unwrap();
    // Seed 2 over 2 slots: position 0, before the first ballot.
    let round = &s.votes[0].rounds[0];
    assert_eq!(
        round.ballots[0].choice,
        Choice::Consent(ConsentChoice::Against)
    );
    assert_eq!(round.voters, vec![people[0], people[1]]);
}

#[test]
fn closed_rounds_unknown_voters_and_bad_ballots_are_refused() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    assert_eq!(
        refusal(s.apply(cast(vote, ParticipantId(9999), ConsentChoice::For, 0))),
        VoteRefusal::NotEligible(ParticipantId(9999))
    );
    assert_eq!(
        refusal(s.apply(cast(vote, people[0], ConsentChoice::Block, 0))),
        VoteRefusal::Ballot(BallotProblem::BlockNotAllowed)
    );
    s.apply(op(
        vote,
        VoteOp::Close {
            at: chrono::Utc::now(),
        },
    ))
    .unwrap();
    assert_eq!(
        refusal(s.apply(cast(vote, people[0], ConsentChoice::For, 0))),
        VoteRefusal::NotOpen
    );
    s.apply(op(vote, VoteOp::NewRound)).unwrap();
    // A ballot filled in for round 1 is refused once round 2 is open.
    assert_eq!(
        refusal(s.apply(cast(vote, people[0], ConsentChoice::For, 0))),
        VoteRefusal::RoundClosed(1)
    );
}

#[test]
fn ballots_from_two_threads_against_one_stale_view_both_land() {
    let (session, vote, people) = session(Anonymity::Open);
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    // Both phones saw the same view: round 1, nobody voted yet.
    let threads: Vec<_> = [people[0], people[1]]
        .into_iter()
        .map(|voter| {
            let sender = doc.sender();
            std::thread::spawn(move || {
                sender.send_and_wait(
                    cast(vote, voter, ConsentChoice::For, 0),
                    Duration::from_secs(10),
                )
            })
        })
        .collect();
    // The owner drains until both have been answered.
    let mut applied = 0;
    while applied < 2 {
        applied += doc.drain(Instant::now()).len();
        std::thread::yield_now();
    }
    for thread in threads {
        let reply = thread.join().unwrap().unwrap();
        assert_eq!(reply, Ok(Outcome::Cast { corrected: false }));
    }
    let round = &doc.session().votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 2);
    assert_eq!(round.voters, vec![people[0], people[1]]);
}

#[test]
fn undo_takes_back_the_facilitators_edit_and_no_ballot() {
    let (session, vote, people) = session(Anonymity::Open);
    let mut doc = Document::untitled(session);
    let now = Instant::now();
    doc.apply(op(vote, VoteOp::Open), now).unwrap();
    doc.apply(cast(vote, people[0], ConsentChoice::For, 0), now)
        .unwrap();
    // The facilitator edits the question while ballots arrive.
    let mut edited = doc.session().votes[0].clone();
    edited.question = "Build the park this year?".into();
    doc.apply(Command::Update(Item::Vote(edited)), now).unwrap();
    doc.apply(cast(vote, people[1], ConsentChoice::Against, 0), now)
        .unwrap();
    doc.apply(cast(vote, people[2], ConsentChoice::For, 0), now)
        .unwrap();
    assert!(doc.undo().unwrap());
    let v = &doc.session().votes[0];
    assert_eq!(v.question, "Build the park?");
    assert_eq!(v.rounds[0].ballots.len(), 3);
    assert_eq!(v.status, VoteStatus::Open);
    // The next undo would reopen the draft, but ballots were cast: refused, nothing lost.
    assert_eq!(doc.undo(), Err(CommandError::Vote(VoteRefusal::HasBallots)));
    assert_eq!(doc.session().votes[0].rounds[0].ballots.len(), 3);
    assert!(doc.is_dirty());
}

#[test]
fn hands_imports_and_ties_are_undoable_steps() {
    let (session, vote, people) = session(Anonymity::Open);
    let mut doc = Document::untitled(session);
    let now = Instant::now();
    doc.apply(op(vote, VoteOp::Open), now).unwrap();
    let hands = VoteOp::RecordHands {
        round: 1,
        group: None,
        counts: vec![(
            stratboard_core::model::HandOption::Consent(ConsentChoice::For),
            Some(12),
        )],
    };
    doc.apply(op(vote, hands), now).unwrap();
    doc.apply(cast(vote, people[0], ConsentChoice::Against, 0), now)
        .unwrap();
    assert_eq!(doc.session().votes[0].rounds[0].hands.len(), 1);
    assert!(doc.undo().unwrap());
    let round = &doc.session().votes[0].rounds[0];
    assert!(round.hands.is_empty());
    assert_eq!(round.ballots.len(), 1);
    // No tie in an open vote.
    assert_eq!(
        doc.apply(
            op(
                vote,
                VoteOp::BreakTie {
                    round: 1,
                    seed: 0,
                    note: String::new()
                }
            ),
            now
        ),
        Err(CommandError::Vote(VoteRefusal::NotClosed))
    );
}

#[test]
fn a_durable_ballot_is_answered_only_once_it_is_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    // (A secret vote's ballots wait for a batch of five: tests/secret_batch.rs.)
    let (session, vote, people) = session(Anonymity::Anonymous);
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    doc.save_as(&path).unwrap();
    let sender = doc.sender();
    let pending: Vec<_> = people
        .iter()
        .map(|voter| {
            sender
                .request_durable(cast(vote, *voter, ConsentChoice::Against, 7))
                .unwrap()
        })
        .collect();
    assert!(
        pending.iter().all(|p| p.try_get().is_none()),
        "not before the drain"
    );
    doc.drain(Instant::now());
    for reply in pending {
        assert_eq!(
            reply.try_get(),
            Some(Ok(Outcome::Cast { corrected: false }))
        );
    }
    // One save for the batch: the file holds all three, and the document is clean.
    assert!(!doc.is_dirty());
    let on_disk = stratboard_core::storage::load(&path).unwrap().session;
    assert_eq!(on_disk.votes[0].rounds[0].ballots.len(), 3);
}

#[test]
fn a_durable_ballot_that_cannot_be_saved_is_taken_back() {
    let (session, vote, people) = session(Anonymity::Open);
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    let before = doc.session().clone();
    let durable = doc
        .sender()
        .request_durable(cast(vote, people[0], ConsentChoice::For, 1))
        .unwrap();
    // A plain send in the same batch is kept: only durable requests depend on the save.
    doc.sender()
        .send(cast(vote, people[1], ConsentChoice::For, 2))
        .unwrap();
    let results = doc.drain(Instant::now());
    assert!(matches!(results[0], Err(CommandError::NotSaved(_))));
    assert!(results[1].is_ok());
    assert!(matches!(
        durable.try_get(),
        Some(Err(CommandError::NotSaved(_)))
    ));
    let round = &doc.session().votes[0].rounds[0];
    assert_eq!(round.voters, vec![people[1]], "the unsaved ballot is gone");
    assert_ne!(doc.session(), &before);
}

#[test]
fn a_durable_callback_hears_after_the_save_and_after_the_publish() {
    let (session, vote, people) = session(Anonymity::Open);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    doc.save_as(&path).unwrap();
    let (heard, replies) = std::sync::mpsc::channel();
    let file = path.clone();
    doc.sender()
        .request_durable_then(cast(vote, people[0], ConsentChoice::For, 1), move |reply| {
            // By the time the callback runs the ballot is on disk.
            let on_disk = stratboard_core::storage::load(&file).unwrap().session;
            heard
                .send((reply, on_disk.votes[0].rounds[0].voters.clone()))
                .unwrap();
        })
        .unwrap();
    assert!(replies.try_recv().is_err(), "not before the drain");
    let mut published = None;
    doc.drain_and_publish(Instant::now(), |s| {
        published = Some(s.votes[0].rounds[0].voters.clone());
        assert!(replies.try_recv().is_err(), "published before the answer");
    });
    let (reply, on_disk) = replies.try_recv().unwrap();
    assert_eq!(reply, Ok(Outcome::Cast { corrected: false }));
    assert_eq!(on_disk, vec![people[0]]);
    assert_eq!(published, Some(vec![people[0]]));

    // A document dropped before draining drops the callback: nobody is told "accepted".
    let (heard, replies) = std::sync::mpsc::channel::<()>();
    let sender = doc.sender();
    sender
        .request_durable_then(cast(vote, people[1], ConsentChoice::For, 2), move |_| {
            heard.send(()).ok();
        })
        .unwrap();
    drop(doc);
    assert!(replies.recv().is_err(), "the callback was dropped unheard");
}

#[test]
fn a_request_withdrawn_before_the_drain_is_never_applied_nor_answered() {
    let (session, vote, people) = session(Anonymity::Secret);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    doc.save_as(&path).unwrap();
    let (heard, replies) = std::sync::mpsc::channel();
    let claim = doc
        .sender()
        .request_durable_then(cast(vote, people[0], ConsentChoice::For, 1), move |reply| {
            heard.send(reply).ok();
        })
        .unwrap();
    // A waiting phone's request that is not answered in time (as a room's `DURABLE_WAIT`).
    let pending = doc
        .sender()
        .request_durable(cast(vote, people[1], ConsentChoice::For, 2))
        .unwrap();
    assert!(claim.withdraw(), "still waiting in the inbox: withdrawn");
    assert_eq!(pending.wait(Duration::from_millis(1)).unwrap_err(), Closed);
    let mut published = false;
    let drained = doc.drain_and_publish(Instant::now(), |_| published = true);
    assert!(drained.is_empty(), "the owner skipped both");
    assert!(!published, "nothing changed, nothing published");
    assert!(replies.try_recv().is_err(), "nobody is answered");
    assert!(doc.session().votes[0].rounds[0].ballots.is_empty());
    let on_disk = stratboard_core::storage::load(&path).unwrap().session;
    assert!(
        on_disk.votes[0].rounds[0].ballots.is_empty(),
        "nothing stored"
    );
    assert!(claim.withdraw(), "withdrawn for good: never taken after");
}

#[test]
fn a_request_the_owner_took_cannot_be_withdrawn_and_gets_its_real_answer() {
    let (session, vote, people) = session(Anonymity::Open);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut doc = Document::untitled(session);
    doc.apply(op(vote, VoteOp::Open), Instant::now()).unwrap();
    doc.save_as(&path).unwrap();
    let (heard, replies) = std::sync::mpsc::channel();
    let claim = doc
        .sender()
        .request_durable_then(cast(vote, people[0], ConsentChoice::For, 1), move |reply| {
            heard.send(reply).ok();
        })
        .unwrap();
    let mut withdrawn = None;
    // The waiter gives up while the owner is applying and saving (a slow owner).
    doc.drain_and_publish(Instant::now(), |_| withdrawn = Some(claim.withdraw()));
    assert_eq!(withdrawn, Some(false), "taken: too late to withdraw");
    assert_eq!(
        replies.try_recv().unwrap(),
        Ok(Outcome::Cast { corrected: false }),
        "the real answer comes"
    );
    let on_disk = stratboard_core::storage::load(&path).unwrap().session;
    assert_eq!(on_disk.votes[0].rounds[0].voters, vec![people[0]]);
}

#[test]
fn an_open_vote_without_a_round_takes_its_first_ballot_and_count_into_round_one() {
    let (mut session, vote, people) = session(Anonymity::Open);
    // As a hand-edited file may have it: open, with no round.
    session.votes[0].status = stratboard_core::model::VoteStatus::Open;
    session.votes[0].rounds.clear();
    session
        .apply(cast(vote, people[0], ConsentChoice::For, 1))
        .unwrap();
    assert_eq!(session.votes[0].rounds.len(), 1);
    assert_eq!(session.votes[0].rounds[0].number, 1);
    assert_eq!(session.votes[0].rounds[0].voters, vec![people[0]]);

    session.votes[0].rounds.clear();
    session
        .apply(op(
            vote,
            VoteOp::RecordHands {
                round: 1,
                group: None,
                counts: vec![(
                    stratboard_core::model::HandOption::Consent(ConsentChoice::Against),
                    Some(4),
                )],
            },
        ))
        .unwrap();
    assert_eq!(session.votes[0].rounds[0].hands[0].count, 4);
    // Only round 1 starts that way: a ballot for round 2 is refused and adds nothing.
    session.votes[0].rounds.clear();
    let refused = session.apply(op(
        vote,
        VoteOp::Cast {
            round: 2,
            voter: people[1],
            holder: None,
            choice: stratboard_core::model::Choice::Consent(ConsentChoice::For),
            seed: 2,
        },
    ));
    assert!(refused.is_err());
    assert!(session.votes[0].rounds.is_empty());
}

#[test]
fn a_closed_rounds_ballots_cannot_be_taken_out_or_put_back() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(op(vote, VoteOp::Open)).unwrap();
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    let ballots = s.votes[0].rounds[0].ballots.clone();
    s.apply(op(
        vote,
        VoteOp::Close {
            at: chrono::Utc::now(),
        },
    ))
    .unwrap();
    // The sealed round stays as sealed: no ballot removed, none restored, no cast undone.
    for change in [
        VoteOp::RemoveBallots {
            round: 1,
            ballots: ballots.clone(),
        },
        VoteOp::RestoreBallots {
            round: 1,
            ballots: ballots.clone(),
        },
    ] {
        assert_eq!(refusal(s.apply(op(vote, change))), VoteRefusal::NotOpen);
    }
    assert_eq!(s.votes[0].rounds[0].ballots, ballots);
}
