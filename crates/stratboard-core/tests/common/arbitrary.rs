//! Strategies for property tests: arbitrary sessions of every shape the model allows, with
//! arbitrary Unicode in their texts (quotes, backslashes, newlines, `"#`, NUL, emoji…).

use proptest::prelude::*;

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::model::{
    AlternativeId, Anonymity, Ballot, Choice, ConsentChoice, Criterion, CriterionScore, Dots,
    GoalId, HandCount, HandOption, ResultsVisibility, Score, Session, Threshold, TieBreak,
    VoteMethod, VoteStatus,
};

/// Arbitrary text, and text made of the characters formats treat specially.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\#r\\n\\t ()\\[\\]:,a-zА-яё<>&*_`|!~=+.0-9-]{0,24}",
        Just(String::from("\"#\"##\\u{0}")),
        // Markup that must stay text in every export.
        proptest::sample::select(vec![
            "<script>alert(1)</script>",
            "<b>bold</b> <img src=x onerror=alert(1)>",
            "<!-- comment -->",
            "[link](http://example.com)",
            "![image](http://example.com/x.png)",
            "<http://example.com>",
            "  # heading\n    code\n> quote\n- item\n1. item",
            "| a | b |\n| --- | --- |",
            "&amp; &lt; &#x41;",
            "```\nfence",
        ])
        .prop_map(String::from),
    ]
}

/// Any counting method with valid settings.
pub fn method() -> impl Strategy<Value = VoteMethod> {
    prop_oneof![
        any::<bool>().prop_map(|allow_block| VoteMethod::Consent { allow_block }),
        Just(VoteMethod::Plurality),
        Just(VoteMethod::Approval),
        (1u32..20, proptest::option::of(1u32..5))
            .prop_map(|(dots, cap)| VoteMethod::Dot { dots, cap }),
        (-5i32..0, 1i32..10).prop_map(|(min, max)| VoteMethod::Score { min, max }),
        proptest::collection::vec(text(), 0..4)
            .prop_map(|grades| VoteMethod::MajorityJudgment { grades }),
        Just(VoteMethod::Borda),
        Just(VoteMethod::Irv),
        Just(VoteMethod::Schulze),
        Just(VoteMethod::RankedPairs),
        Just(VoteMethod::Copeland),
        Just(VoteMethod::Condorcet),
        (0u32..3, 1u32..9).prop_map(|(goal, weight)| VoteMethod::Matrix {
            criteria: vec![Criterion {
                goal: GoalId(goal),
                weight
            }],
            min: 0,
            max: 5
        }),
    ]
}

/// Any ballot choice.
pub fn choice() -> impl Strategy<Value = Choice> {
    let id = (0u32..50).prop_map(AlternativeId);
    prop_oneof![
        prop_oneof![
            Just(ConsentChoice::For),
            Just(ConsentChoice::Against),
            Just(ConsentChoice::Abstain),
            Just(ConsentChoice::Block)
        ]
        .prop_map(Choice::Consent),
        proptest::collection::vec(proptest::collection::vec(id.clone(), 1..3), 0..4)
            .prop_map(Choice::Ranking),
        proptest::collection::vec(id.clone(), 0..4).prop_map(Choice::Approval),
        proptest::collection::vec((id.clone(), any::<i32>()), 0..3).prop_map(
            |list| Choice::Scores(
                list.into_iter()
                    .map(|(alternative, value)| Score { alternative, value })
                    .collect()
            )
        ),
        proptest::collection::vec((id.clone(), any::<u32>()), 0..3).prop_map(|list| Choice::Dots(
            list.into_iter()
                .map(|(alternative, dots)| Dots { alternative, dots })
                .collect()
        )),
        (id, 0u32..9, any::<i32>()).prop_map(|(alternative, goal, value)| Choice::Matrix(vec![
            CriterionScore {
                alternative,
                goal: GoalId(goal),
                value
            }
        ])),
    ]
}

prop_compose! {
    /// A small session with one open vote and arbitrary texts.
    pub fn session()(
        groups in 0usize..3,
        people in 0usize..4,
        goals in 0usize..4,
        alternatives in 0usize..5,
        actions in 0usize..4,
        texts in proptest::collection::vec(text(), 12),
        method in method(),
        choices in proptest::collection::vec(choice(), 0..4),
        flags in proptest::collection::vec(any::<bool>(), 6),
        day in 0u32..20_000,
    ) -> Session {
        let size = Size {
            alternatives,
            participants: people,
            groups,
            goals,
            decisions: 2,
            actions,
            votes: 1,
            ballots: people,
        };
        let mut s = generate(size);
        s.meta.title = texts[0].clone();
        s.meta.organisation = texts[1].clone();
        s.meta.venue = texts[2].clone();
        s.meta.purpose = texts[3].clone();
        s.meta.start = chrono::NaiveDate::from_num_days_from_ce_opt(700_000 + day as i32);
        s.meta.end = if flags[0] { None } else { s.meta.start };
        if let Some(group) = s.stakeholder_groups.first_mut() {
            group.name = texts[4].clone();
            group.vote_weight = flags[1].then_some(day);
        }
        if let Some(goal) = s.goals.first_mut() {
            goal.description = texts[5].clone();
        }
        if let Some(alternative) = s.alternatives.first_mut() {
            alternative.pros = vec![texts[6].clone(), texts[7].clone()];
            alternative.cons = vec![texts[8].clone()];
        }
        if let Some(decision) = s.decisions.first_mut() {
            decision.rationale = texts[9].clone();
            decision.dissent = texts[10].clone();
        }
        if let Some(vote) = s.votes.first_mut() {
            vote.question = texts[11].clone();
            vote.method = method;
            vote.anonymity = if flags[2] { Anonymity::Secret } else { Anonymity::Anonymous };
            vote.visibility = if flags[3] { ResultsVisibility::Live } else { ResultsVisibility::AfterClose };
            vote.threshold = if flags[4] { Threshold::AtLeastPercent(day % 101) } else { Threshold::TwoThirds };
            vote.quorum = flags[5].then_some(day);
            vote.status = VoteStatus::Open;
            let round = &mut vote.rounds[0];
            round.ballots.extend(choices.into_iter().map(|choice| Ballot { voter: None, count: day + 1, choice }));
            round.hands.push(HandCount { option: HandOption::Consent(ConsentChoice::Abstain), group: None, count: day });
            round.tie_break = Some(TieBreak { among: vec![AlternativeId(1), AlternativeId(2)], winner: AlternativeId(2), note: texts[0].clone() });
        }
        s
    }
}
