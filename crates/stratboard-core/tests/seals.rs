//! Seals: closing a round records SHA-256 over its ballots (as stored), voters and hands with
//! the time of closing; reopening keeps the earlier seal in the round's history; undo and redo
//! keep seals exact.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::{DateTime, Utc};
use stratboard_core::commands::{Command, Item, ItemRef, Outcome, VoteOp};
use stratboard_core::document::Document;
use stratboard_core::model::{
    Alternative, Anonymity, Choice, ConsentChoice, HandOption, Participant, ParticipantId, Seal,
    Session, Vote, VoteId, VoteMethod, VoteRound, VoteStatus, seal_digest,
};

fn added(s: &mut Session, item: Item) -> ItemRef {
    let Outcome::Added(id) = s.apply(Command::Add(item)).unwrap().outcome else {
        panic!("not added")
    };
    id
}

/// A session with three participants and an open consent vote.
fn session(anonymity: Anonymity) -> (Session, VoteId, Vec<ParticipantId>) {
    let mut s = Session::new("Test");
    let mut people = Vec::new();
    for name in ["Anna", "Boris", "Vera"] {
        let ItemRef::Participant(id) = added(
            &mut s,
            Item::Participant(Participant {
                name: name.into(),
                ..Participant::default()
            }),
        ) else {
            panic!("not a participant")
        };
        people.push(id);
    }
    let ItemRef::Alternative(park) = added(
        &mut s,
        Item::Alternative(Alternative {
            title: "Park".into(),
            ..Alternative::default()
        }),
    ) else {
        panic!("not an alternative")
    };
    let ItemRef::Vote(vote) = added(
        &mut s,
        Item::Vote(Vote {
            question: "Build the park?".into(),
            alternatives: vec![park],
            method: VoteMethod::Consent { allow_block: false },
            anonymity,
            ..Vote::default()
        }),
    ) else {
        panic!("not a vote")
    };
    s.apply(op(vote, VoteOp::Open)).unwrap();
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

/// Closes the vote's round now.
fn close_now(vote: VoteId) -> Command {
    op(
        vote,
        VoteOp::Close {
            at: chrono::Utc::now(),
        },
    )
}

fn vote_of(s: &Session, vote: VoteId) -> &Vote {
    s.votes.iter().find(|v| v.id == vote).unwrap()
}

fn round(s: &Session, vote: VoteId) -> &VoteRound {
    vote_of(s, vote).rounds.last().unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

#[test]
fn closing_seals_the_round_and_the_seal_can_be_recomputed() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    s.apply(cast(vote, people[1], ConsentChoice::Against, 0))
        .unwrap();
    assert_eq!(round(&s, vote).seal, None);
    let before = Utc::now().timestamp();
    s.apply(close_now(vote)).unwrap();
    let seal = round(&s, vote).seal.clone().unwrap();
    assert!(seal.closed_at.timestamp() >= before);
    assert_eq!(seal.sha256.len(), 64);
    assert!(seal.sha256.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(seal.short().len(), 16);
    assert_eq!(seal_digest(round(&s, vote), seal.closed_at), seal.sha256);

    // A ballot changed in the file no longer matches its seal.
    let mut changed = round(&s, vote).clone();
    changed.ballots[1].choice = Choice::Consent(ConsentChoice::For);
    assert_ne!(seal_digest(&changed, seal.closed_at), seal.sha256);
    // Neither do changed voters, hands, or another closing time.
    let mut changed = round(&s, vote).clone();
    changed.voters.pop();
    assert_ne!(seal_digest(&changed, seal.closed_at), seal.sha256);
    let mut changed = round(&s, vote).clone();
    changed.hands.push(stratboard_core::model::HandCount {
        option: HandOption::Consent(ConsentChoice::For),
        group: None,
        count: 3,
    });
    assert_ne!(seal_digest(&changed, seal.closed_at), seal.sha256);
    let later = seal.closed_at + chrono::Duration::seconds(1);
    assert_ne!(seal_digest(round(&s, vote), later), seal.sha256);
}

#[test]
fn the_digest_is_fixed_by_the_canonical_form() {
    // A known round with a known time: the digest must never change silently (files already
    // sealed would stop verifying).
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    let closed_at = at("2026-12-04T11:05:00Z");
    let digest = seal_digest(round(&s, vote), closed_at);
    assert_eq!(digest, seal_digest(&round(&s, vote).clone(), closed_at));
    let seal = Seal::of(round(&s, vote), at("2026-12-04T11:05:00.750Z"));
    assert_eq!(seal.closed_at, closed_at, "whole seconds");
    assert_eq!(seal.sha256, digest);
    assert_eq!(
        digest,
        "288b0988e2bc75653f17670df6903c31f88b05d717dce67140e0cdf734962260"
    );
}

#[test]
fn secret_seals_cover_the_stored_order_only() {
    // The same three secret ballots cast in two different orders, landing in the same stored
    // order, seal identically: the seal says nothing about the order of casting.
    let (mut a, vote, people) = session(Anonymity::Secret);
    a.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    a.apply(cast(vote, people[1], ConsentChoice::Against, 1))
        .unwrap();
    a.apply(cast(vote, people[2], ConsentChoice::Abstain, 2))
        .unwrap();
    let (mut b, vote_b, people_b) = session(Anonymity::Secret);
    b.apply(cast(vote_b, people_b[2], ConsentChoice::Abstain, 0))
        .unwrap();
    b.apply(cast(vote_b, people_b[1], ConsentChoice::Against, 0))
        .unwrap();
    b.apply(cast(vote_b, people_b[0], ConsentChoice::For, 0))
        .unwrap();
    assert_eq!(round(&a, vote).ballots, round(&b, vote_b).ballots);
    let closed_at = at("2026-12-04T11:05:00Z");
    assert_eq!(
        seal_digest(round(&a, vote), closed_at),
        seal_digest(round(&b, vote_b), closed_at)
    );
    // No ballot names its voter.
    assert!(round(&a, vote).ballots.iter().all(|b| b.voter.is_none()));
}

#[test]
fn reopening_keeps_the_earlier_seal_and_closing_again_reseals() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    s.apply(close_now(vote)).unwrap();
    let first = round(&s, vote).seal.clone().unwrap();

    let before = s.clone();
    let done = s.apply(op(vote, VoteOp::Reopen)).unwrap();
    assert_eq!(vote_of(&s, vote).status, VoteStatus::Open);
    assert_eq!(round(&s, vote).seal, None);
    assert_eq!(round(&s, vote).earlier_seals, vec![first.clone()]);
    // The undo of a reopen puts the very same seal back.
    s.apply(done.inverse).unwrap();
    assert_eq!(s, before);

    s.apply(op(vote, VoteOp::Reopen)).unwrap();
    s.apply(cast(vote, people[1], ConsentChoice::Against, 0))
        .unwrap();
    s.apply(close_now(vote)).unwrap();
    let second = round(&s, vote).seal.clone().unwrap();
    assert_ne!(second.sha256, first.sha256);
    assert_eq!(round(&s, vote).earlier_seals, vec![first.clone()]);
    assert_eq!(
        seal_digest(round(&s, vote), second.closed_at),
        second.sha256
    );

    // A new round leaves the sealed round as it was and is sealed on its own close.
    s.apply(op(vote, VoteOp::NewRound)).unwrap();
    let rounds = &vote_of(&s, vote).rounds;
    assert_eq!(rounds[0].seal.as_ref(), Some(&second));
    assert_eq!(rounds[1].seal, None);
    s.apply(close_now(vote)).unwrap();
    assert!(vote_of(&s, vote).rounds[1].seal.is_some());
}

#[test]
fn undo_and_redo_of_a_close_keep_the_seal_exact() {
    let (session, vote, people) = session(Anonymity::Open);
    let mut doc = Document::untitled(session);
    doc.apply(cast(vote, people[0], ConsentChoice::For, 0), Instant::now())
        .unwrap();
    let open = doc.session().clone();
    doc.apply(close_now(vote), Instant::now()).unwrap();
    let closed = doc.session().clone();
    assert!(round(&closed, vote).seal.is_some());

    assert!(doc.undo().unwrap());
    assert_eq!(
        doc.session(),
        &open,
        "undo drops the seal and keeps no history"
    );
    assert!(doc.redo().unwrap());
    assert_eq!(
        doc.session(),
        &closed,
        "redo puts back the same seal, same time"
    );
    assert!(doc.undo().unwrap());
    assert!(doc.redo().unwrap());
    assert_eq!(doc.session(), &closed);
}

#[test]
fn a_round_closed_before_seals_existed_reopens_and_undoes_exactly() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    s.apply(close_now(vote)).unwrap();
    // As an older file would have it: closed, no seal.
    s.votes[0].rounds[0].seal = None;
    let before = s.clone();
    let done = s.apply(op(vote, VoteOp::Reopen)).unwrap();
    assert!(round(&s, vote).earlier_seals.is_empty());
    s.apply(done.inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn seals_survive_a_save_and_load() {
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    s.apply(close_now(vote)).unwrap();
    s.apply(op(vote, VoteOp::Reopen)).unwrap();
    s.apply(close_now(vote)).unwrap();
    let text = stratboard_core::storage::to_ron_string(&s).unwrap();
    assert!(text.contains("earlier_seals"));
    let back = stratboard_core::storage::parse_session(text.as_bytes()).unwrap();
    assert_eq!(back.session, s);
}

#[test]
fn verify_recomputes_seals_and_results() {
    use stratboard_core::verify::{Mismatch, verify};
    let (mut s, vote, people) = session(Anonymity::Open);
    s.apply(cast(vote, people[0], ConsentChoice::For, 0))
        .unwrap();
    // An open round is not checked.
    assert!(verify(&s).is_empty());
    s.apply(close_now(vote)).unwrap();
    let checks = verify(&s);
    assert_eq!(checks.len(), 1);
    assert!(checks[0].mismatches.is_empty());
    assert_eq!(checks[0].sealed, checks[0].now);

    // Ballots changed after closing.
    let mut edited = s.clone();
    edited.votes[0].rounds[0].ballots[0].choice = Choice::Consent(ConsentChoice::Against);
    let checks = verify(&edited);
    assert!(matches!(
        checks[0].mismatches.as_slice(),
        [Mismatch::SealChanged { .. }]
    ));
    assert!(
        checks[0].mismatches[0]
            .to_string()
            .starts_with("ballots changed after closing (sealed ")
    );

    // A ballot that no longer fits the vote: the result cannot stand.
    let mut edited = s.clone();
    edited.votes[0].rounds[0].ballots[0].choice = Choice::Consent(ConsentChoice::Block);
    let checks = verify(&edited);
    assert!(
        checks[0]
            .mismatches
            .iter()
            .any(|m| matches!(m, Mismatch::BadBallot { ballot: 0, .. }))
    );

    // A round closed before seals existed has nothing to compare, and its result still counts.
    let mut older = s.clone();
    older.votes[0].rounds[0].seal = None;
    let checks = verify(&older);
    assert_eq!(checks[0].sealed, None);
    assert!(checks[0].mismatches.is_empty());
}
