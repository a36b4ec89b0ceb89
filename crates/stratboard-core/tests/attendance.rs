//! Attendance: registration marks, proxies and the quorum, as commands — the arithmetic at its
//! edges, proxies standing and suspended, every refusal, the attendance a closed round
//! records, and undo/redo of each mark.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use stratboard_core::commands::{
    AttendanceOp, AttendanceRefusal, Command, CommandError, DeleteMode, Item, ItemRef, Outcome,
    VoteOp, VoteRefusal,
};
use stratboard_core::document::Document;
use stratboard_core::model::{
    Alternative, Anonymity, Choice, ConsentChoice, Participant, ParticipantId, Presence, Proxy,
    ProxyProblem, QuorumRule, Session, Vote, VoteId, VoteMethod,
};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap() + chrono::Duration::minutes(minute.into())
}

fn added(session: &mut Session, item: Item) -> ItemRef {
    match session.apply(Command::Add(item)).unwrap().outcome {
        Outcome::Added(reference) => reference,
        other => panic!("not added: {other:?}"),
    }
}

/// `members` voting members, then one invited expert without a vote, and a consent vote.
fn session(members: usize, anonymity: Anonymity) -> (Session, Vec<ParticipantId>, VoteId) {
    let mut s = Session::new("Attendance");
    let mut people = Vec::new();
    for i in 0..=members {
        let person = Participant {
            name: format!("Member {i}"),
            voting: i < members,
            ..Participant::default()
        };
        let ItemRef::Participant(id) = added(&mut s, Item::Participant(person)) else {
            panic!()
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
        panic!()
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
        panic!()
    };
    (s, people, vote)
}

fn mark(op: AttendanceOp) -> Command {
    Command::Attendance(op)
}

fn arrive(participant: ParticipantId, minute: u32) -> Command {
    mark(AttendanceOp::Arrive {
        participant,
        presence: Presence::InRoom,
        at: Some(at(minute)),
    })
}

fn proxy(from: ParticipantId, to: ParticipantId) -> Command {
    mark(AttendanceOp::SetProxy {
        from,
        proxy: Some(Proxy {
            from,
            to,
            note: "№ 7".into(),
        }),
    })
}

fn rules(quorum: Option<QuorumRule>, max_proxies: u32) -> Command {
    mark(AttendanceOp::SetRules {
        quorum,
        max_proxies,
    })
}

fn cast(vote: VoteId, voter: ParticipantId, holder: Option<ParticipantId>) -> Command {
    Command::Vote {
        vote,
        op: VoteOp::Cast {
            round: 1,
            voter,
            holder,
            choice: Choice::Consent(ConsentChoice::For),
            seed: 3,
        },
    }
}

fn refusal(session: &mut Session, command: Command) -> CommandError {
    let before = session.clone();
    let error = session.apply(command).unwrap_err();
    assert_eq!(
        *session, before,
        "a refused command leaves the session as it was"
    );
    error
}

fn proxy_refusal(session: &mut Session, command: Command) -> ProxyProblem {
    match refusal(session, command) {
        CommandError::Attendance(AttendanceRefusal::Proxy(problem)) => problem,
        other => panic!("not a proxy refusal: {other:?}"),
    }
}

fn vote_refusal(session: &mut Session, command: Command) -> VoteRefusal {
    match refusal(session, command) {
        CommandError::Vote(refusal) => refusal,
        other => panic!("not a vote refusal: {other:?}"),
    }
}

#[test]
fn exactly_half_present_is_not_more_than_half() {
    let (mut s, people, _) = session(24, Anonymity::Open);
    s.apply(rules(Some(QuorumRule::MoreThanHalf), 1)).unwrap();
    for &id in &people[..12] {
        s.apply(arrive(id, 0)).unwrap();
    }
    // The invited expert is here too, and does not count.
    s.apply(arrive(people[24], 0)).unwrap();
    let count = s.quorum_count();
    assert_eq!((count.members, count.present, count.needed), (24, 12, 13));
    assert_eq!(count.met(), Some(false));
    s.apply(arrive(people[12], 1)).unwrap();
    assert_eq!(s.quorum_count().met(), Some(true));
}

#[test]
fn two_thirds_and_a_count_are_met_at_their_edge() {
    let (mut s, people, _) = session(25, Anonymity::Open);
    s.apply(rules(Some(QuorumRule::TwoThirds), 1)).unwrap();
    for &id in &people[..16] {
        s.apply(arrive(id, 0)).unwrap();
    }
    assert_eq!(s.quorum_count().needed, 17);
    assert_eq!(s.quorum_count().met(), Some(false));
    s.apply(arrive(people[16], 0)).unwrap();
    assert_eq!(s.quorum_count().met(), Some(true));
    s.apply(rules(Some(QuorumRule::AtLeast(18)), 1)).unwrap();
    assert_eq!(s.quorum_count().met(), Some(false));
    s.apply(rules(None, 1)).unwrap();
    assert_eq!(s.quorum_count().met(), None);
}

#[test]
fn remote_members_count_and_those_who_left_do_not() {
    let (mut s, people, _) = session(4, Anonymity::Open);
    s.apply(rules(Some(QuorumRule::MoreThanHalf), 1)).unwrap();
    s.apply(arrive(people[0], 0)).unwrap();
    s.apply(mark(AttendanceOp::Arrive {
        participant: people[1],
        presence: Presence::Remote,
        at: Some(at(2)),
    }))
    .unwrap();
    s.apply(arrive(people[2], 5)).unwrap();
    assert_eq!(s.quorum_count().present, 3);
    s.apply(mark(AttendanceOp::Leave {
        participant: people[2],
        at: at(40),
    }))
    .unwrap();
    let count = s.quorum_count();
    assert_eq!((count.present, count.met()), (2, Some(false)));
    let left = s.attendance.registration(people[2]).unwrap();
    assert_eq!((left.arrived, left.left), (Some(at(5)), Some(at(40))));
    // Back again: the first arrival is kept, the leave is gone.
    s.apply(arrive(people[2], 50)).unwrap();
    let back = s.attendance.registration(people[2]).unwrap();
    assert_eq!((back.arrived, back.left), (Some(at(5)), None));
    // Leaving needs being here.
    assert_eq!(
        refusal(
            &mut s,
            mark(AttendanceOp::Leave {
                participant: people[3],
                at: at(41)
            })
        ),
        CommandError::Attendance(AttendanceRefusal::NotHere(people[3]))
    );
}

#[test]
fn a_proxy_counts_and_is_suspended_when_its_giver_arrives() {
    let (mut s, people, vote) = session(3, Anonymity::Open);
    let (giver, holder, other) = (people[0], people[1], people[2]);
    s.apply(rules(Some(QuorumRule::MoreThanHalf), 1)).unwrap();
    s.apply(arrive(holder, 0)).unwrap();
    s.apply(proxy(giver, holder)).unwrap();
    let count = s.quorum_count();
    assert_eq!(
        (count.present, count.by_proxy, count.met()),
        (1, 1, Some(true))
    );
    assert_eq!(s.attendance.votes_for(holder), vec![giver]);

    s.apply(Command::Vote {
        vote,
        op: VoteOp::Open,
    })
    .unwrap();
    // The giver cannot vote while the proxy stands; nobody else may vote for them.
    assert_eq!(
        vote_refusal(&mut s, cast(vote, giver, None)),
        VoteRefusal::ProxyGiven(giver)
    );
    assert_eq!(
        vote_refusal(&mut s, cast(vote, giver, Some(other))),
        VoteRefusal::ProxyGiven(giver)
    );
    // The holder casts the giver's ballot, and their own.
    s.apply(cast(vote, giver, Some(holder))).unwrap();
    s.apply(cast(vote, holder, None)).unwrap();
    assert!(s.vote(vote).unwrap().has_voted(giver));

    // The giver arrives: the proxy is suspended, the giver votes (corrects) themselves.
    s.apply(arrive(giver, 30)).unwrap();
    assert!(s.attendance.votes_for(holder).is_empty());
    assert_eq!(s.quorum_count().by_proxy, 0);
    assert_eq!(
        vote_refusal(&mut s, cast(vote, giver, Some(holder))),
        VoteRefusal::NoProxy {
            voter: giver,
            holder
        }
    );
    s.apply(cast(vote, giver, None)).unwrap();
    // They leave again: the proxy stands again.
    s.apply(mark(AttendanceOp::Leave {
        participant: giver,
        at: at(45),
    }))
    .unwrap();
    assert_eq!(s.attendance.votes_for(holder), vec![giver]);
}

#[test]
fn members_without_a_vote_cannot_vote_and_are_not_waited_for() {
    let (mut s, people, vote) = session(2, Anonymity::Open);
    let expert = people[2];
    s.apply(Command::Vote {
        vote,
        op: VoteOp::Open,
    })
    .unwrap();
    assert_eq!(
        vote_refusal(&mut s, cast(vote, expert, None)),
        VoteRefusal::NoVote(expert)
    );
    let waiting = s
        .vote(vote)
        .unwrap()
        .not_voted_yet(&s.participants)
        .unwrap();
    assert_eq!(waiting.len(), 2);
    assert!(waiting.iter().all(|p| p.id != expert));
    assert_eq!(s.electorate(), 2);
}

#[test]
fn every_proxy_refusal_is_named() {
    let (mut s, people, _) = session(5, Anonymity::Open);
    let [a, b, c, d, e, expert] = people[..] else {
        panic!()
    };
    s.apply(arrive(b, 0)).unwrap();
    s.apply(arrive(c, 0)).unwrap();
    s.apply(arrive(expert, 0)).unwrap();
    assert_eq!(
        proxy_refusal(&mut s, proxy(a, expert)),
        ProxyProblem::NoVote(expert)
    );
    assert_eq!(
        proxy_refusal(&mut s, proxy(expert, b)),
        ProxyProblem::NoVote(expert)
    );
    assert_eq!(
        proxy_refusal(&mut s, proxy(b, b)),
        ProxyProblem::ToThemselves(b)
    );
    assert_eq!(
        proxy_refusal(&mut s, proxy(a, d)),
        ProxyProblem::HolderAbsent(d)
    );
    s.apply(proxy(a, b)).unwrap();
    assert_eq!(
        proxy_refusal(&mut s, proxy(e, b)),
        ProxyProblem::TooMany { holder: b, max: 1 }
    );
    // A chain either way: B gives while holding A's; C's to A who gave.
    assert_eq!(proxy_refusal(&mut s, proxy(b, c)), ProxyProblem::Chain(b));
    // (A arrives, so the chain is the refusal, not A's absence; A's proxy is suspended.)
    s.apply(arrive(a, 9)).unwrap();
    assert_eq!(proxy_refusal(&mut s, proxy(c, a)), ProxyProblem::Chain(a));
    // Two allowed: the second lands; lowering the limit below what is held is refused.
    s.apply(rules(None, 2)).unwrap();
    s.apply(proxy(e, b)).unwrap();
    assert!(matches!(
        refusal(&mut s, rules(None, 1)),
        CommandError::Invalid(p) if matches!(p.kind, stratboard_core::model::ProblemKind::Proxy(_))
    ));
    assert_eq!(
        refusal(&mut s, arrive(ParticipantId(999), 0)),
        CommandError::Attendance(AttendanceRefusal::Unknown(ParticipantId(999)))
    );
    // Taking someone's vote away while they hold a proxy is refused, not left dangling.
    let mut holder = s.participant(b).unwrap().clone();
    holder.voting = false;
    assert!(matches!(
        refusal(&mut s, Command::Update(Item::Participant(holder))),
        CommandError::Invalid(_)
    ));
}

#[test]
fn a_closed_round_records_who_was_present() {
    let (mut s, people, vote) = session(4, Anonymity::Open);
    let open = |s: &mut Session| {
        s.apply(Command::Vote {
            vote,
            op: VoteOp::Open,
        })
        .unwrap()
    };
    let close = Command::Vote {
        vote,
        op: VoteOp::Close { at: at(59) },
    };
    // Nobody registered: the close records nothing (no presence is stated).
    let mut unregistered = s.clone();
    open(&mut unregistered);
    unregistered.apply(close.clone()).unwrap();
    assert_eq!(unregistered.vote(vote).unwrap().rounds[0].attendance, None);

    s.apply(rules(Some(QuorumRule::MoreThanHalf), 1)).unwrap();
    for &id in &people[..3] {
        s.apply(arrive(id, 0)).unwrap();
    }
    open(&mut s);
    let mut doc = Document::untitled(s);
    doc.apply(close, Instant::now()).unwrap();
    let recorded = doc.session().vote(vote).unwrap().rounds[0]
        .attendance
        .unwrap();
    assert_eq!(
        (recorded.members, recorded.present, recorded.met()),
        (4, 3, Some(true))
    );
    // Later marks do not change what the round recorded.
    doc.apply(
        mark(AttendanceOp::Leave {
            participant: people[0],
            at: at(70),
        }),
        Instant::now(),
    )
    .unwrap();
    assert_eq!(
        doc.session().vote(vote).unwrap().rounds[0].attendance,
        Some(recorded)
    );
    // Undo the leave and the close: the record goes; redo brings it back as it was.
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.session().vote(vote).unwrap().rounds[0].attendance, None);
    doc.redo().unwrap();
    assert_eq!(
        doc.session().vote(vote).unwrap().rounds[0].attendance,
        Some(recorded)
    );
    // A reopen takes the record off; its undo puts it back.
    doc.apply(
        Command::Vote {
            vote,
            op: VoteOp::Reopen,
        },
        Instant::now(),
    )
    .unwrap();
    assert_eq!(doc.session().vote(vote).unwrap().rounds[0].attendance, None);
    doc.undo().unwrap();
    assert_eq!(
        doc.session().vote(vote).unwrap().rounds[0].attendance,
        Some(recorded)
    );
}

#[test]
fn each_mark_is_one_undo_step_and_redoes_as_it_was() {
    let (s, people, _) = session(3, Anonymity::Open);
    let mut doc = Document::untitled(s);
    let now = Instant::now();
    let marks = [
        arrive(people[0], 0),
        mark(AttendanceOp::Arrive {
            participant: people[1],
            presence: Presence::Remote,
            at: Some(at(3)),
        }),
        mark(AttendanceOp::Absent {
            participant: people[2],
        }),
        proxy(people[2], people[0]),
        mark(AttendanceOp::Leave {
            participant: people[1],
            at: at(30),
        }),
        rules(Some(QuorumRule::TwoThirds), 2),
        mark(AttendanceOp::SetOpened { at: Some(at(1)) }),
    ];
    let mut states = vec![doc.session().attendance.clone()];
    for command in marks {
        doc.apply(command, now).unwrap();
        doc.seal();
        states.push(doc.session().attendance.clone());
    }
    assert!(
        doc.session()
            .attendance
            .registration(people[1])
            .unwrap()
            .late(doc.session().attendance.opened)
    );
    for expected in states.iter().rev().skip(1) {
        assert!(doc.undo().unwrap());
        assert_eq!(&doc.session().attendance, expected);
    }
    for expected in states.iter().skip(1) {
        assert!(doc.redo().unwrap());
        assert_eq!(&doc.session().attendance, expected);
    }
}

#[test]
fn a_phone_join_keeps_the_first_arrival_and_is_not_an_undo_step() {
    let (s, people, _) = session(2, Anonymity::Open);
    let mut doc = Document::untitled(s);
    let join = |minute| {
        mark(AttendanceOp::JoinedByPhone {
            participant: people[0],
            at: at(minute),
        })
    };
    assert!(!join(0).is_undo_step());
    doc.apply(join(5), Instant::now()).unwrap();
    doc.apply(join(20), Instant::now()).unwrap();
    let registration = doc.session().attendance.registration(people[0]).unwrap();
    assert_eq!(
        (registration.presence, registration.arrived),
        (Presence::InRoom, Some(at(5)))
    );
    assert!(
        !doc.undo().unwrap(),
        "undo never takes back someone's arrival"
    );
    // A remote participant joining by phone stays remote.
    doc.apply(
        mark(AttendanceOp::Arrive {
            participant: people[1],
            presence: Presence::Remote,
            at: Some(at(1)),
        }),
        Instant::now(),
    )
    .unwrap();
    doc.apply(
        mark(AttendanceOp::JoinedByPhone {
            participant: people[1],
            at: at(9),
        }),
        Instant::now(),
    )
    .unwrap();
    let remote = doc.session().attendance.registration(people[1]).unwrap();
    assert_eq!(
        (remote.presence, remote.arrived),
        (Presence::Remote, Some(at(1)))
    );
}

#[test]
fn deleting_a_participant_takes_their_marks_and_proxies_and_undo_brings_them_back() {
    let (mut s, people, _) = session(3, Anonymity::Open);
    s.apply(arrive(people[1], 0)).unwrap();
    s.apply(proxy(people[0], people[1])).unwrap();
    let before = s.clone();
    let done = s
        .apply(Command::Delete {
            target: ItemRef::Participant(people[1]),
            mode: DeleteMode::RemoveReferences,
        })
        .unwrap();
    assert!(s.attendance.proxies.is_empty());
    assert!(s.attendance.registration(people[1]).is_none());
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s.apply(done.inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn a_secret_proxy_ballot_names_nobody() {
    let (mut s, people, vote) = session(2, Anonymity::Secret);
    s.apply(arrive(people[1], 0)).unwrap();
    s.apply(proxy(people[0], people[1])).unwrap();
    s.apply(Command::Vote {
        vote,
        op: VoteOp::Open,
    })
    .unwrap();
    s.apply(cast(vote, people[0], Some(people[1]))).unwrap();
    let round = &s.vote(vote).unwrap().rounds[0];
    assert_eq!(round.voters, vec![people[0]]);
    assert!(round.ballots.iter().all(|b| b.voter.is_none()));
    assert_eq!(
        vote_refusal(&mut s, cast(vote, people[0], Some(people[1]))),
        VoteRefusal::AlreadyVoted(people[0])
    );
}

#[test]
fn the_next_session_starts_with_nobody_registered() {
    let (mut s, people, _) = session(2, Anonymity::Open);
    s.apply(arrive(people[1], 0)).unwrap();
    s.apply(proxy(people[0], people[1])).unwrap();
    s.apply(rules(Some(QuorumRule::MoreThanHalf), 2)).unwrap();
    let next = Session::continue_from(&s, "Next".into(), None);
    assert!(next.attendance.registrations.is_empty());
    assert!(next.attendance.proxies.is_empty());
    // The rule is the body's, not the sitting's: it carries.
    assert_eq!(next.attendance.quorum, Some(QuorumRule::MoreThanHalf));
    assert_eq!(next.attendance.max_proxies, 2);
    assert!(
        !next.participants[2].voting,
        "the right to vote is the person's, and carries"
    );
}
