//! `Session::validate` finds every problem, each with the path to where it is.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::{
    Anonymity, Ballot, Choice, ConsentChoice, GoalId, ParticipantId, ProblemKind, Session,
    VoteMethod,
};

mod common;

use common::small_session;

fn problems(s: &Session) -> Vec<(String, ProblemKind)> {
    s.validate().into_iter().map(|p| (p.path, p.kind)).collect()
}

#[test]
fn generated_sessions_are_consistent() {
    assert_eq!(problems(&small_session()), vec![]);
    assert_eq!(problems(&generate(Size::LARGE)), vec![]);
}

#[test]
fn every_problem_is_found_not_just_the_first() {
    let mut s = small_session();
    s.meta.title = " ".into();
    s.goals[2].title.clear();
    s.actions[1].owners = vec![ParticipantId(9000)];
    s.actions[2].due = NaiveDate::from_ymd_opt(2020, 1, 1);
    s.actions[2].start = None;
    s.meta.end = NaiveDate::from_ymd_opt(2026, 3, 1);
    s.findings[0].goal = Some(GoalId(9001));
    let duplicate = s.participants[0].id.0;
    s.notes[0].id = stratboard_core::model::NoteId(duplicate);
    let found = problems(&s);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "notes[0].id",
            "meta.title",
            "meta.end",
            "goals[2].title",
            "findings[0].goal",
            "actions[1].owners[0]",
            "actions[2].due",
        ]
    );
    assert_eq!(
        found[5].1,
        ProblemKind::Dangling {
            expected: "participant",
            id: 9000
        }
    );
    let message = s.validate()[6].to_string();
    assert_eq!(
        message,
        "actions[2].due: due date 2020-01-01 is before the session starts (2026-03-10)"
    );
}

#[test]
fn carried_over_items_may_be_overdue() {
    let mut s = small_session();
    s.actions[0].due = NaiveDate::from_ymd_opt(2020, 1, 1);
    s.actions[0].start = None;
    s.actions[0].carried_over = Some(Default::default());
    assert_eq!(problems(&s), vec![]);
}

#[test]
fn ballots_are_checked_against_the_vote() {
    let mut s = small_session();
    let outsider = s.alternatives[0].id;
    let vote = &mut s.votes[0];
    vote.alternatives.retain(|a| *a != outsider);
    vote.rounds[0].ballots[1].voter = vote.rounds[0].ballots[0].voter;
    vote.rounds[0].ballots[2].choice = Choice::Consent(ConsentChoice::For);
    vote.rounds[0].number = 2;
    let found = problems(&s);
    let kinds: Vec<&ProblemKind> = found.iter().map(|(_, k)| k).collect();
    assert!(
        kinds.contains(&&ProblemKind::RoundNumber {
            expected: 1,
            found: 2
        }),
        "{found:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, ProblemKind::VotedTwice { .. })),
        "{found:?}"
    );
    assert!(
        kinds.contains(&&ProblemKind::BallotKind { method: "schulze" }),
        "{found:?}"
    );
    assert!(
        kinds.contains(&&ProblemKind::NotOnBallot { id: outsider.0 }),
        "{found:?}"
    );
    // decisions[0] still names the alternative, which exists: that is fine.
}

#[test]
fn a_secret_ballot_must_not_name_its_voter() {
    let mut s = small_session();
    s.votes[0].anonymity = Anonymity::Secret;
    let found = problems(&s);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(_, k)| *k == ProblemKind::SecretBallotNamesVoter)
    );
    for ballot in &mut s.votes[0].rounds[0].ballots {
        ballot.voter = None;
    }
    assert_eq!(problems(&s), vec![]);
}

#[test]
fn method_settings_that_cannot_work_are_reported() {
    let mut s = small_session();
    s.votes[0].rounds.clear();
    s.votes[0].method = VoteMethod::Score { min: 5, max: 5 };
    assert!(matches!(
        problems(&s)[0].1,
        ProblemKind::BadMethodSettings { .. }
    ));
    s.votes[0].method = VoteMethod::MajorityJudgment {
        grades: vec!["Плохо".into()],
    };
    assert!(matches!(
        problems(&s)[0].1,
        ProblemKind::BadMethodSettings { .. }
    ));
    s.votes[0].method = VoteMethod::Consent { allow_block: true };
    s.votes[0].rounds.push(Default::default());
    s.votes[0].rounds[0].ballots.push(Ballot {
        voter: None,
        count: 0,
        choice: Choice::Consent(ConsentChoice::Block),
    });
    assert_eq!(problems(&s)[0].0, "votes[0].rounds[0].ballots[0].count");
}

#[test]
fn influence_and_interest_stay_on_the_1_to_5_scale() {
    let mut s = small_session();
    s.stakeholder_groups[0].influence = 0;
    s.stakeholder_groups[1].interest = 6;
    let paths: Vec<String> = problems(&s).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        vec![
            "stakeholder_groups[0].influence",
            "stakeholder_groups[1].interest"
        ]
    );
}

#[test]
fn goal_cycles_are_found_for_every_goal_on_them() {
    let mut s = small_session();
    // goals 0 → 1 → 2 → 0 form a cycle; goal 3 hangs below goal 0 but is not on the cycle.
    let ids: Vec<_> = s.goals.iter().map(|g| g.id).collect();
    s.goals[0].parent = Some(ids[1]);
    s.goals[1].parent = Some(ids[2]);
    s.goals[2].parent = Some(ids[0]);
    s.goals[3].parent = Some(ids[0]);
    s.goals[5].parent = None;
    let cyclic: Vec<String> = problems(&s)
        .into_iter()
        .filter(|(_, k)| *k == ProblemKind::GoalCycle)
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        cyclic,
        vec!["goals[0].parent", "goals[1].parent", "goals[2].parent"]
    );
}

#[test]
fn a_long_goal_chain_validates_in_linear_time() {
    // Found while fuzzing: a chain of parents made validation cubic (1,750 goals took seconds,
    // 3,500 over a minute). 50,000 would never finish if it were still cubic.
    let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("fuzz/regressions/slow-validate-goal-chain-1750.ron");
    let loaded = stratboard_core::storage::load(&path).unwrap();
    assert_eq!(loaded.session.goals.len(), 1750);
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::GoalCycle)
    );
    let mut s = Session::new("Цепочка");
    let n = 50_000u32;
    for i in 1..=n {
        s.goals.push(stratboard_core::model::Goal {
            id: GoalId(i),
            title: "g".into(),
            parent: (i < n).then_some(GoalId(i + 1)),
            ..Default::default()
        });
    }
    assert_eq!(problems(&s), vec![]);
    s.goals[n as usize - 1].parent = Some(GoalId(1));
    assert_eq!(
        problems(&s).len(),
        n as usize,
        "closing the chain makes every goal cyclic"
    );
}

#[test]
fn a_votes_own_check_finds_exactly_its_problems_in_the_whole_check() {
    let mut s = generate(Size {
        votes: 3,
        ..Size::LARGE
    });
    s.meta.title.clear();
    s.votes[0].question.clear();
    s.votes[1].question = " ".into();
    let first = s.votes[1].alternatives[0];
    s.votes[1].alternatives.push(first);
    for (i, vote) in s.votes.iter().enumerate() {
        let whole: Vec<_> = problems(&s)
            .into_iter()
            .filter(|(path, _)| path.starts_with(&format!("votes[{i}].")))
            .collect();
        let own: Vec<_> = s
            .validate_vote(vote.id)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        assert_eq!(own, whole, "vote {i}");
    }
    assert_eq!(
        s.validate_vote(stratboard_core::model::VoteId(9999)),
        vec![]
    );
    // The first two votes have problems, the third has none, the title's is nobody's vote's.
    assert!(!s.validate_vote(s.votes[1].id).is_empty());
    assert!(s.validate_vote(s.votes[2].id).is_empty());
}
