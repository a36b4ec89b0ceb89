//! The ballot module agrees with the vote's rules: every draft it accepts is a ballot that
//! `Vote::check_choice` accepts, of the kind the method counts; every draft it refuses is
//! refused for the reason a voter would be told (worked out here from the marks alone); a
//! show of hands is offered exactly where a hand counts as a ballot; and the form's JSON (what
//! the phone page reads) has the shape the page expects.

#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;

use stratboard_core::ballot::{self, Ask, Draft, Form, Incomplete, Input};
use stratboard_core::model::{
    AlternativeId, Criterion, GoalId, HandCount, METHODS, MethodDefaults, Vote, VoteMethod,
};
use stratboard_core::voting::hand_ballot;

/// A vote of `method` on alternatives 1..=`count`.
fn vote(method: VoteMethod, count: u32) -> Vote {
    Vote {
        alternatives: (1..=count).map(AlternativeId).collect(),
        method,
        ..Vote::default()
    }
}

/// A draft for `form` as an interface can make it: every mark within the form's limits
/// (places, values), dots and approvals anything; `seed` picks the marks.
fn marks(form: &Form, seed: &[u32]) -> Draft {
    let mut draft = form.draft();
    let pick = |at: usize| seed.get(at % seed.len().max(1)).copied().unwrap_or(0);
    let count = form.options.len();
    match &form.input {
        Input::Consent { choices } => {
            let at = pick(0) as usize % (choices.len() + 1);
            draft.consent = choices.get(at).copied();
        }
        Input::Rank { places: 1 } => {
            let at = pick(0) as usize % (count + 1);
            if at < count {
                draft.choose_one(at);
            }
        }
        Input::Rank { places } => {
            for (i, place) in draft.places.iter_mut().enumerate() {
                let p = pick(i) % (places + 1);
                *place = (p > 0).then_some(p);
            }
        }
        Input::Approve { .. } => {
            for (i, on) in draft.approved.iter_mut().enumerate() {
                *on = !pick(i).is_multiple_of(2);
            }
        }
        Input::Dots { budget, .. } => {
            for (i, dots) in draft.dots.iter_mut().enumerate() {
                *dots = pick(i) % (budget / 2 + 3);
            }
        }
        Input::Scores { min, max, .. } => {
            for (i, value) in draft.values.iter_mut().enumerate() {
                *value = in_range(pick(i), *min, *max).or(*value);
            }
        }
        Input::Matrix { min, max, .. } => {
            for (i, row) in draft.cells.iter_mut().enumerate() {
                for (c, cell) in row.iter_mut().enumerate() {
                    *cell = in_range(pick(i * 7 + c), *min, *max);
                }
            }
        }
    }
    draft
}

/// A value of `min..=max` picked by `n`, or blank when `n` says so (or the range is empty).
fn in_range(n: u32, min: i32, max: i32) -> Option<i32> {
    let span = u32::try_from(i64::from(max) - i64::from(min) + 1).ok()?;
    (!n.is_multiple_of(4) && span > 0).then(|| min + i32::try_from(n % span).unwrap_or(0))
}

/// Why the marks cannot be cast, worked out from the marks alone (the rules a voter is told).
fn expected(form: &Form, draft: &Draft) -> Result<(), Incomplete> {
    if form.options.is_empty() {
        return Err(Incomplete::Empty);
    }
    match &form.input {
        Input::Consent { .. } if draft.consent.is_none() => Err(Incomplete::Nothing),
        Input::Rank { .. } if draft.places.iter().all(Option::is_none) => Err(Incomplete::Nothing),
        Input::Approve { .. } if !draft.approved.contains(&true) => Err(Incomplete::Nothing),
        Input::Dots { budget, cap } => {
            let spent: u32 = draft.dots.iter().sum();
            let most = draft.dots.iter().copied().max().unwrap_or(0);
            match cap {
                _ if spent > *budget => Err(Incomplete::OverBudget(spent - budget)),
                Some(cap) if most > *cap => Err(Incomplete::OverCap(*cap)),
                _ if spent == 0 => Err(Incomplete::Nothing),
                _ => Ok(()),
            }
        }
        Input::Scores { every: true, .. } if draft.values.contains(&None) => {
            Err(Incomplete::Ungraded)
        }
        Input::Matrix { criteria, .. } if criteria.is_empty() => Err(Incomplete::Empty),
        Input::Matrix { .. } if draft.cells.iter().flatten().any(Option::is_none) => {
            Err(Incomplete::Unscored)
        }
        _ => Ok(()),
    }
}

fn matrix(criteria: u32) -> VoteMethod {
    VoteMethod::Matrix {
        criteria: (1..=criteria)
            .map(|goal| Criterion {
                goal: GoalId(goal),
                weight: 1,
            })
            .collect(),
        min: 1,
        max: 4,
    }
}

proptest! {
    #[test]
    fn the_ballot_module_agrees_with_the_votes_rules(
        method in prop_oneof![common::arbitrary::method(), (0u32..3).prop_map(matrix)],
        count in 0u32..5,
        seed in proptest::collection::vec(any::<u32>(), 1..12),
    ) {
        let vote = vote(method, count);
        let form = Form::of(&vote);
        let draft = marks(&form, &seed);
        let checked = ballot::check(&vote, &draft);
        match &checked {
            Ok(choice) => {
                prop_assert_eq!(vote.check_choice(choice), Ok(()));
                prop_assert!(vote.method.accepts(choice));
            }
            Err(reason) => prop_assert!(
                !matches!(reason, Incomplete::Invalid(_)),
                "marks within the form's limits never make an invalid ballot: {reason:?}"
            ),
        }
        prop_assert_eq!(checked.map(|_| ()), expected(&form, &draft));
    }
}

#[test]
fn a_fresh_draft_of_every_method_waits_for_the_voter_except_where_blanks_count() {
    let defaults = MethodDefaults {
        grades: vec!["Poor".into(), "Good".into()],
        criteria: vec![Criterion {
            goal: GoalId(9),
            weight: 1,
        }],
        ..MethodDefaults::default()
    };
    for info in &METHODS {
        let vote = vote((info.new)(&defaults), 3);
        let form = Form::of(&vote);
        let fresh = ballot::check(&vote, &form.draft());
        match form.ask {
            // A blank score counts as the lowest; matrix sliders start at the lowest.
            Ask::Score | Ask::ScoreCriteria => assert!(fresh.is_ok(), "{}", info.name),
            Ask::Grade => assert_eq!(fresh, Err(Incomplete::Ungraded), "{}", info.name),
            _ => assert_eq!(fresh, Err(Incomplete::Nothing), "{}", info.name),
        }
        assert_eq!(form.options, vote.alternatives, "{}", info.name);
        assert_eq!(
            form.ties,
            form.ask == Ask::Rank,
            "{}: only a ranking has ties",
            info.name
        );
    }
}

#[test]
fn hands_are_offered_exactly_where_a_hand_counts_as_a_ballot() {
    let defaults = MethodDefaults {
        allow_block: true,
        grades: vec!["Poor".into(), "Good".into()],
        ..MethodDefaults::default()
    };
    let mut offered = Vec::new();
    for (info, count) in METHODS.iter().flat_map(|info| [(info, 1), (info, 3)]) {
        let vote = vote((info.new)(&defaults), count);
        let hands = Form::of(&vote).hands();
        for option in &hands {
            let hand = HandCount {
                option: *option,
                group: None,
                count: 2,
            };
            let ballot = hand_ballot(&vote.method, &hand).unwrap();
            assert_eq!(vote.check_choice(&ballot.choice), Ok(()), "{}", info.name);
        }
        let one = HandCount {
            option: stratboard_core::model::HandOption::Alternative(AlternativeId(1)),
            group: None,
            count: 1,
        };
        if hands.is_empty() {
            assert!(hand_ballot(&vote.method, &one).is_none(), "{}", info.name);
        } else if count == 3 {
            offered.push(info.name);
        }
    }
    assert_eq!(offered, ["consent", "plurality", "approval"]);
}

#[test]
fn a_ranked_ballot_with_a_tie() {
    let vote = vote(VoteMethod::Borda, 3);
    let form = Form::of(&vote);
    let mut draft = form.draft();
    draft.places = vec![Some(2), Some(1), Some(2)];
    assert_eq!(
        ballot::check(&vote, &draft),
        Ok(stratboard_core::model::Choice::Ranking(vec![
            vec![AlternativeId(2)],
            vec![AlternativeId(1), AlternativeId(3)],
        ]))
    );
}

#[test]
fn the_form_reads_as_the_phone_page_expects() {
    let json = |method| serde_json::to_value(Form::of(&vote(method, 3))).unwrap();
    assert_eq!(
        json(VoteMethod::Schulze),
        serde_json::json!({
            "ask": "rank", "options": [1, 2, 3],
            "input": { "kind": "rank", "places": 3 }, "ties": true,
        })
    );
    assert_eq!(
        json(VoteMethod::Plurality),
        serde_json::json!({
            "ask": "choose-one", "options": [1, 2, 3],
            "input": { "kind": "rank", "places": 1 }, "ties": false,
        })
    );
    assert_eq!(
        json(VoteMethod::Consent { allow_block: true })["input"],
        serde_json::json!({ "kind": "consent", "choices": ["For", "Against", "Abstain", "Block"] })
    );
    assert_eq!(
        json(VoteMethod::Dot {
            dots: 5,
            cap: Some(2)
        })["input"],
        serde_json::json!({ "kind": "dots", "budget": 5, "cap": 2 })
    );
    assert_eq!(
        json(VoteMethod::MajorityJudgment {
            grades: vec!["Poor".into(), "Good".into()]
        })["input"],
        serde_json::json!({ "kind": "scores", "min": 0, "max": 1, "grades": ["Poor", "Good"], "every": true })
    );
    assert_eq!(
        json(matrix(2))["input"],
        serde_json::json!({ "kind": "matrix", "criteria": [1, 2], "min": 1, "max": 4 })
    );
    assert_eq!(
        json(VoteMethod::Approval)["input"],
        serde_json::json!({ "kind": "approve", "min": 1, "max": 3 })
    );
}
