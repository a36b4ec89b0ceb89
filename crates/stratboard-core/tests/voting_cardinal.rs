//! Cardinal methods (approval, dot, score, majority judgment, matrix) and consent: worked
//! examples with exact totals, invalid ballots, consent thresholds, and properties (ballot
//! order, relabelling, identical ballots given as one ballot with a count).

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use stratboard_core::model::{
    AlternativeId, Ballot, Choice, ConsentChoice, Criterion, CriterionScore, Dots, GoalId, Score,
    Threshold, VoteMethod,
};
use stratboard_core::voting::{Election, Points, Tally, TallyError, tally};

const A: AlternativeId = AlternativeId(1);
const B: AlternativeId = AlternativeId(2);
const C: AlternativeId = AlternativeId(3);
const D: AlternativeId = AlternativeId(4);
/// Not in any election.
const STRANGER: AlternativeId = AlternativeId(99);

fn count_with(
    alternatives: &[AlternativeId],
    ballots: &[Ballot],
    method: &VoteMethod,
    quorum: Option<u32>,
    threshold: Threshold,
) -> Result<Tally, TallyError> {
    tally(&Election {
        alternatives,
        ballots,
        method,
        quorum,
        threshold,
    })
}

fn count(alternatives: &[AlternativeId], ballots: &[Ballot], method: &VoteMethod) -> Tally {
    count_with(
        alternatives,
        ballots,
        method,
        None,
        Threshold::SimpleMajority,
    )
    .unwrap()
}

fn ballot(count: u32, choice: Choice) -> Ballot {
    Ballot {
        voter: None,
        count,
        choice,
    }
}

fn approve(count: u32, alternatives: &[AlternativeId]) -> Ballot {
    ballot(count, Choice::Approval(alternatives.to_vec()))
}

fn dots(count: u32, spread: &[(AlternativeId, u32)]) -> Ballot {
    ballot(
        count,
        Choice::Dots(
            spread
                .iter()
                .map(|(alternative, dots)| Dots {
                    alternative: *alternative,
                    dots: *dots,
                })
                .collect(),
        ),
    )
}

fn scores(count: u32, values: &[(AlternativeId, i32)]) -> Ballot {
    ballot(
        count,
        Choice::Scores(
            values
                .iter()
                .map(|(alternative, value)| Score {
                    alternative: *alternative,
                    value: *value,
                })
                .collect(),
        ),
    )
}

fn cells(count: u32, values: &[(AlternativeId, u32, i32)]) -> Ballot {
    ballot(
        count,
        Choice::Matrix(
            values
                .iter()
                .map(|(alternative, goal, value)| CriterionScore {
                    alternative: *alternative,
                    goal: GoalId(*goal),
                    value: *value,
                })
                .collect(),
        ),
    )
}

fn consent(count: u32, choice: ConsentChoice) -> Ballot {
    ballot(count, Choice::Consent(choice))
}

fn totals(values: &[(AlternativeId, i64)]) -> Vec<(AlternativeId, Points)> {
    values
        .iter()
        .map(|(a, v)| (*a, Points::whole(*v)))
        .collect()
}

fn bad_settings(result: Result<Tally, TallyError>) -> bool {
    matches!(result, Err(TallyError::BadSettings { .. }))
}

// ---------------------------------------------------------------- approval

#[test]
fn approval_worked_example() {
    let alternatives = [A, B, C];
    let ballots = [
        approve(3, &[A, B]),
        approve(2, &[B]),
        approve(1, &[C, A, A]), // approving A twice counts once
        approve(1, &[]),        // a blank ballot is counted, approves nothing
    ];
    let t = count(&alternatives, &ballots, &VoteMethod::Approval);
    assert_eq!(t.method, "approval");
    assert_eq!(t.ballots, 7);
    assert_eq!(t.ignored, 0);
    assert_eq!(t.scores, totals(&[(A, 4), (B, 5), (C, 1)]));
    assert_eq!(t.winners, vec![B]);
    assert_eq!(t.ranking, vec![vec![B], vec![A], vec![C]]);
}

#[test]
fn approval_tie_reports_every_winner_in_ballot_order() {
    let alternatives = [C, A, B];
    let ballots = [approve(2, &[A, C]), approve(1, &[B])];
    let t = count(&alternatives, &ballots, &VoteMethod::Approval);
    assert_eq!(t.winners, vec![C, A]);
    assert_eq!(t.ranking, vec![vec![C, A], vec![B]]);
    assert_eq!(t.scores, totals(&[(C, 2), (A, 2), (B, 1)]));
}

#[test]
fn approval_no_ballots_no_winner() {
    let t = count(&[A, B], &[], &VoteMethod::Approval);
    assert_eq!(t.ballots, 0);
    assert!(t.winners.is_empty());
    assert_eq!(t.ranking, vec![vec![A, B]]);
}

#[test]
fn approval_ignores_wrong_kind_and_unknown_alternatives() {
    let ballots = [
        approve(2, &[A, STRANGER]),
        ballot(3, Choice::Ranking(vec![vec![B]])),
        consent(1, ConsentChoice::For),
    ];
    let t = count(&[A, B], &ballots, &VoteMethod::Approval);
    assert_eq!(t.ballots, 2);
    assert_eq!(t.ignored, 4);
    assert_eq!(t.scores, totals(&[(A, 2), (B, 0)]));
    assert_eq!(t.winners, vec![A]);
}

// ---------------------------------------------------------------- dot

#[test]
fn dot_worked_example_with_invalid_ballots() {
    let method = VoteMethod::Dot {
        dots: 5,
        cap: Some(3),
    };
    let ballots = [
        dots(1, &[(A, 3), (B, 2)]),         // valid: 5 dots, 3 on A
        dots(2, &[(A, 4)]),                 // over the cap
        dots(1, &[(A, 2), (B, 2), (C, 2)]), // 6 dots > 5
        dots(1, &[(C, 3), (C, 1)]),         // 4 on C in two entries > cap
        dots(2, &[(B, 1), (C, 3)]),         // valid, twice
        dots(1, &[(B, 1), (STRANGER, 9)]),  // unknown alternative dropped: valid
        approve(1, &[A]),                   // wrong kind
    ];
    let t = count(&[A, B, C], &ballots, &method);
    assert_eq!(t.method, "dot");
    assert_eq!(t.ballots, 4);
    assert_eq!(t.ignored, 5);
    assert_eq!(t.scores, totals(&[(A, 3), (B, 5), (C, 6)]));
    assert_eq!(t.winners, vec![C]);
    assert_eq!(t.ranking, vec![vec![C], vec![B], vec![A]]);
}

#[test]
fn dot_without_cap_allows_all_dots_on_one() {
    let method = VoteMethod::Dot { dots: 3, cap: None };
    let ballots = [dots(1, &[(A, 3)]), dots(1, &[(B, 2), (A, 1)])];
    let t = count(&[A, B], &ballots, &method);
    assert_eq!(t.ignored, 0);
    assert_eq!(t.scores, totals(&[(A, 4), (B, 2)]));
    assert_eq!(t.winners, vec![A]);
}

#[test]
fn dot_bad_settings() {
    let alternatives = [A, B];
    for method in [
        VoteMethod::Dot { dots: 0, cap: None },
        VoteMethod::Dot {
            dots: 3,
            cap: Some(0),
        },
    ] {
        let result = count_with(&alternatives, &[], &method, None, Threshold::default());
        assert!(bad_settings(result), "{method:?}");
    }
}

// ---------------------------------------------------------------- score

/// The Tennessee capital example (Wikipedia, "Score voting"), scores 0–10 per 100 voters.
/// Memphis is left blank by everyone but its own voters: a blank counts as the lowest, 0.
#[test]
fn score_tennessee_example() {
    let (memphis, nashville, chattanooga, knoxville) = (A, B, C, D);
    let method = VoteMethod::Score { min: 0, max: 10 };
    let ballots = [
        scores(
            42,
            &[
                (memphis, 10),
                (nashville, 4),
                (chattanooga, 2),
                (knoxville, 0),
            ],
        ),
        scores(26, &[(nashville, 10), (chattanooga, 4), (knoxville, 2)]),
        scores(15, &[(nashville, 6), (chattanooga, 10), (knoxville, 6)]),
        scores(17, &[(nashville, 5), (chattanooga, 7), (knoxville, 10)]),
    ];
    let t = count(
        &[memphis, nashville, chattanooga, knoxville],
        &ballots,
        &method,
    );
    assert_eq!(t.method, "score");
    assert_eq!(t.ballots, 100);
    assert_eq!(
        t.scores,
        totals(&[
            (memphis, 420),
            (nashville, 603),
            (chattanooga, 457),
            (knoxville, 312)
        ])
    );
    assert_eq!(t.winners, vec![nashville]);
    assert_eq!(
        t.ranking,
        vec![
            vec![nashville],
            vec![chattanooga],
            vec![memphis],
            vec![knoxville]
        ]
    );
}

#[test]
fn score_blank_counts_as_min_even_when_negative() {
    let method = VoteMethod::Score { min: -2, max: 2 };
    let ballots = [scores(1, &[(A, 2)]), scores(1, &[(B, 1)])];
    let t = count(&[A, B, C], &ballots, &method);
    // A: 2 + (−2) = 0; B: (−2) + 1 = −1; C: −4.
    assert_eq!(t.scores, totals(&[(A, 0), (B, -1), (C, -4)]));
    assert_eq!(t.ranking, vec![vec![A], vec![B], vec![C]]);
}

#[test]
fn score_invalid_ballots_are_ignored_whole() {
    let method = VoteMethod::Score { min: 1, max: 5 };
    let ballots = [
        scores(1, &[(A, 5), (B, 3)]),              // valid
        scores(2, &[(A, 5), (B, 6)]),              // 6 out of range
        scores(1, &[(A, 0)]),                      // 0 out of range
        scores(1, &[(A, 2), (A, 3)]),              // A scored twice
        scores(1, &[(B, 4), (STRANGER, 100)]),     // unknown dropped: valid
        dots(3, &[(A, 1)]),                        // wrong kind
        ballot(1, Choice::Ranking(vec![vec![A]])), // wrong kind
    ];
    let t = count(&[A, B], &ballots, &method);
    assert_eq!(t.ballots, 2);
    assert_eq!(t.ignored, 8);
    assert_eq!(t.scores, totals(&[(A, 6), (B, 7)]));
    assert_eq!(t.winners, vec![B]);
}

#[test]
fn score_bad_settings() {
    for (min, max) in [(5, 5), (3, 1)] {
        let method = VoteMethod::Score { min, max };
        let result = count_with(&[A], &[], &method, None, Threshold::default());
        assert!(bad_settings(result), "{min}..{max}");
    }
}

// ---------------------------------------------------------------- majority judgment

fn grades(n: usize) -> VoteMethod {
    VoteMethod::MajorityJudgment {
        grades: (0..n).map(|g| format!("grade {g}")).collect(),
    }
}

#[test]
fn majority_judgment_takes_the_lower_median() {
    // A: 0 0 3 3 → lower median 0 (not 3); B: 1 1 1 1 → 1. B wins although A's mean is higher.
    let ballots = [
        scores(1, &[(A, 0), (B, 1)]),
        scores(1, &[(B, 1)]), // A blank = grade 0
        scores(2, &[(A, 3), (B, 1)]),
    ];
    let t = count(&[A, B], &ballots, &grades(4));
    assert_eq!(t.method, "majority-judgment");
    assert_eq!(t.ballots, 4);
    assert_eq!(t.medians, vec![(A, 0), (B, 1)]);
    assert_eq!(t.scores, totals(&[(A, 0), (B, 1)]));
    assert_eq!(t.winners, vec![B]);
    assert_eq!(t.ranking, vec![vec![B], vec![A]]);
}

/// A: 1 2 2 3, B: 0 2 2 4, C: 0 0 1 4. A and B share the lower median 2; removing one 2 each
/// leaves medians 2 and 2; removing another leaves A: 1 3 (lower median 1) and B: 0 4 (0),
/// so A is ahead of B. C's median is 0.
#[test]
fn majority_judgment_tie_broken_by_removing_median_grades() {
    let ballots = [
        scores(1, &[(A, 1), (B, 0)]), // C blank = 0
        scores(1, &[(A, 2), (B, 2)]), // C blank = 0
        scores(1, &[(A, 2), (B, 2), (C, 1)]),
        scores(1, &[(A, 3), (B, 4), (C, 4)]),
    ];
    for alternatives in [[A, B, C], [B, A, C], [C, B, A]] {
        let t = count(&alternatives, &ballots, &grades(5));
        assert_eq!(t.ranking, vec![vec![A], vec![B], vec![C]]);
        assert_eq!(t.winners, vec![A]);
        let mut medians = t.medians.clone();
        medians.sort();
        assert_eq!(medians, vec![(A, 2), (B, 2), (C, 0)]);
    }
}

/// Odd number of voters: A: 0 2 2 2 4, B: 1 1 2 3 3. Medians 2 and 2; removing a 2 leaves
/// A: 0 2 2 4 (lower median 2) and B: 1 1 3 3 (1): A ahead, although B is never as low as 0.
#[test]
fn majority_judgment_tie_break_odd_voters() {
    let ballots = [
        scores(1, &[(A, 0), (B, 1)]),
        scores(1, &[(A, 2), (B, 1)]),
        scores(1, &[(A, 2), (B, 2)]),
        scores(1, &[(A, 2), (B, 3)]),
        scores(1, &[(A, 4), (B, 3)]),
    ];
    let t = count(&[B, A], &ballots, &grades(5));
    assert_eq!(t.medians, vec![(B, 2), (A, 2)]);
    assert_eq!(t.ranking, vec![vec![A], vec![B]]);
}

#[test]
fn majority_judgment_identical_grade_lists_stay_tied() {
    // A: 0 2 3 and B: 3 0 2 — the same grades from different voters.
    let ballots = [
        scores(1, &[(A, 0), (B, 3), (C, 1)]),
        scores(1, &[(A, 2), (B, 0), (C, 1)]),
        scores(1, &[(A, 3), (B, 2), (C, 1)]),
    ];
    let t = count(&[A, B, C], &ballots, &grades(4));
    assert_eq!(t.medians, vec![(A, 2), (B, 2), (C, 1)]);
    assert_eq!(t.winners, vec![A, B]);
    assert_eq!(t.ranking, vec![vec![A, B], vec![C]]);
}

#[test]
fn majority_judgment_invalid_ballots_and_no_ballots() {
    let ballots = [
        scores(1, &[(A, 2), (B, 1)]),
        scores(2, &[(A, 3)]),         // grade 3 does not exist (grades 0..3)
        scores(1, &[(A, -1)]),        // negative grade
        scores(1, &[(B, 1), (B, 2)]), // B graded twice
        approve(4, &[A]),             // wrong kind
        scores(1, &[(STRANGER, 7)]),  // unknown dropped: valid, all blank
    ];
    let t = count(&[A, B], &ballots, &grades(3));
    assert_eq!(t.ballots, 2);
    assert_eq!(t.ignored, 8);
    // A: 0 2 → 0; B: 0 1 → 0; tie-break: remove 0 → A 2 > B 1.
    assert_eq!(t.medians, vec![(A, 0), (B, 0)]);
    assert_eq!(t.ranking, vec![vec![A], vec![B]]);

    let empty = count(&[A, B], &[], &grades(3));
    assert!(empty.winners.is_empty());
    assert_eq!(empty.ranking, vec![vec![A, B]]);
    assert!(empty.medians.is_empty());
}

#[test]
fn majority_judgment_needs_two_grades() {
    for n in [0, 1] {
        let result = count_with(&[A, B], &[], &grades(n), None, Threshold::default());
        assert!(bad_settings(result), "{n} grades");
    }
}

// ---------------------------------------------------------------- matrix

fn matrix_method() -> VoteMethod {
    VoteMethod::Matrix {
        criteria: vec![
            Criterion {
                goal: GoalId(10),
                weight: 2,
            },
            Criterion {
                goal: GoalId(11),
                weight: 1,
            },
        ],
        min: 1,
        max: 5,
    }
}

#[test]
fn matrix_worked_example() {
    // Weights: goal 10 × 2, goal 11 × 1; a missing cell counts as the minimum, 1.
    let ballots = [
        // A: 2·3 + 1 = 7; B: 2·1 + 3 = 5; C (missing): 2·1 + 1 = 3. Twice: 14, 10, 6.
        cells(2, &[(A, 10, 3), (A, 11, 1), (B, 10, 1), (B, 11, 3)]),
        // A: 2·1 + 3 = 5; B: 2·2 + 2 = 6; C: 2·5 + 1 = 11.
        cells(1, &[(A, 11, 3), (B, 10, 2), (B, 11, 2), (C, 10, 5)]),
    ];
    let t = count(&[A, B, C], &ballots, &matrix_method());
    assert_eq!(t.method, "matrix");
    assert_eq!(t.ballots, 3);
    assert_eq!(t.scores, totals(&[(A, 19), (B, 16), (C, 17)]));
    assert_eq!(t.winners, vec![A]);
    assert_eq!(t.ranking, vec![vec![A], vec![C], vec![B]]);
}

#[test]
fn matrix_invalid_ballots_are_ignored_whole() {
    let ballots = [
        cells(1, &[(A, 10, 5)]),                    // valid: A 11, B 3
        cells(1, &[(A, 10, 5), (A, 12, 3)]),        // goal 12 is not a criterion
        cells(1, &[(A, 10, 0)]),                    // below the minimum
        cells(1, &[(B, 11, 6)]),                    // above the maximum
        cells(1, &[(B, 11, 2), (B, 11, 3)]),        // the same cell twice
        cells(1, &[(STRANGER, 10, 4), (B, 11, 2)]), // unknown dropped: valid, A 3, B 4
        scores(2, &[(A, 1)]),                       // wrong kind
    ];
    let t = count(&[A, B], &ballots, &matrix_method());
    assert_eq!(t.ballots, 2);
    assert_eq!(t.ignored, 6);
    assert_eq!(t.scores, totals(&[(A, 14), (B, 7)]));
}

#[test]
fn matrix_bad_settings() {
    let criterion = |goal, weight| Criterion {
        goal: GoalId(goal),
        weight,
    };
    for method in [
        VoteMethod::Matrix {
            criteria: vec![],
            min: 0,
            max: 5,
        },
        VoteMethod::Matrix {
            criteria: vec![criterion(1, 1)],
            min: 5,
            max: 5,
        },
        VoteMethod::Matrix {
            criteria: vec![criterion(1, 1), criterion(1, 2)],
            min: 0,
            max: 5,
        },
        VoteMethod::Matrix {
            criteria: vec![criterion(1, 0), criterion(2, 0)],
            min: 0,
            max: 5,
        },
    ] {
        let result = count_with(&[A], &[], &method, None, Threshold::default());
        assert!(bad_settings(result), "{method:?}");
    }
}

// ---------------------------------------------------------------- consent

fn consent_vote(
    ballots: &[Ballot],
    allow_block: bool,
    quorum: Option<u32>,
    threshold: Threshold,
) -> Tally {
    count_with(
        &[A],
        ballots,
        &VoteMethod::Consent { allow_block },
        quorum,
        threshold,
    )
    .unwrap()
}

fn votes(for_: u32, against: u32, abstain: u32) -> Vec<Ballot> {
    vec![
        consent(for_, ConsentChoice::For),
        consent(against, ConsentChoice::Against),
        consent(abstain, ConsentChoice::Abstain),
    ]
}

fn passes(for_: u32, against: u32, abstain: u32, threshold: Threshold) -> bool {
    let t = consent_vote(&votes(for_, against, abstain), false, None, threshold);
    let result = t.consent.unwrap();
    assert_eq!(result.passed, !t.winners.is_empty());
    result.passed
}

#[test]
fn consent_passes_with_counts_and_winner() {
    let mut ballots = votes(3, 1, 2);
    ballots.push(approve(5, &[A])); // wrong kind
    let t = consent_vote(&ballots, true, Some(6), Threshold::SimpleMajority);
    assert_eq!(t.method, "consent");
    assert_eq!(t.ballots, 6);
    assert_eq!(t.ignored, 5);
    assert_eq!(t.winners, vec![A]);
    assert_eq!(t.ranking, vec![vec![A]]);
    let result = t.consent.unwrap();
    assert_eq!(
        (result.for_, result.against, result.abstain, result.block),
        (3, 1, 2, 0)
    );
    assert_eq!(result.votes_cast, 4);
    assert!(result.quorum_reached && result.threshold_met && result.passed);
}

#[test]
fn consent_quorum_not_reached() {
    // 4 ballots against a quorum of 5: the threshold is met but the vote does not pass.
    let t = consent_vote(&votes(3, 1, 0), false, Some(5), Threshold::SimpleMajority);
    let result = t.consent.unwrap();
    assert!(!result.quorum_reached);
    assert!(result.threshold_met);
    assert!(!result.passed);
    assert!(t.winners.is_empty());
    assert_eq!(t.ranking, vec![vec![A]]);
}

#[test]
fn consent_abstentions_count_for_quorum_not_threshold() {
    let t = consent_vote(&votes(3, 1, 1), false, Some(5), Threshold::SimpleMajority);
    assert!(t.consent.unwrap().passed);
    // Many abstentions do not stop a majority of the votes cast.
    assert!(passes(2, 1, 10, Threshold::SimpleMajority));
}

#[test]
fn consent_simple_majority_boundary() {
    assert!(!passes(2, 2, 0, Threshold::SimpleMajority), "exactly half");
    assert!(passes(3, 2, 0, Threshold::SimpleMajority));
    assert!(!passes(2, 3, 0, Threshold::SimpleMajority));
    assert!(!passes(0, 0, 4, Threshold::SimpleMajority), "no votes cast");
}

#[test]
fn consent_two_thirds_boundary() {
    assert!(passes(2, 1, 0, Threshold::TwoThirds), "exactly two thirds");
    assert!(passes(4, 2, 3, Threshold::TwoThirds));
    assert!(!passes(3, 2, 0, Threshold::TwoThirds), "60%");
    assert!(!passes(65, 35, 0, Threshold::TwoThirds));
    assert!(passes(67, 33, 0, Threshold::TwoThirds));
    assert!(!passes(0, 0, 3, Threshold::TwoThirds), "no votes cast");
}

#[test]
fn consent_percent_boundary() {
    assert!(
        passes(3, 2, 0, Threshold::AtLeastPercent(60)),
        "exactly 60%"
    );
    assert!(!passes(5, 4, 0, Threshold::AtLeastPercent(60)));
    assert!(
        passes(1, 1, 0, Threshold::AtLeastPercent(50)),
        "exactly 50%"
    );
    assert!(passes(1, 0, 0, Threshold::AtLeastPercent(100)));
    assert!(!passes(99, 1, 0, Threshold::AtLeastPercent(100)));
    assert!(
        !passes(0, 0, 2, Threshold::AtLeastPercent(0)),
        "no votes cast"
    );
    let impossible = count_with(
        &[A],
        &votes(1, 0, 0),
        &VoteMethod::Consent { allow_block: false },
        None,
        Threshold::AtLeastPercent(101),
    );
    assert!(bad_settings(impossible));
}

#[test]
fn consent_unanimous() {
    assert!(passes(5, 0, 2, Threshold::Unanimous));
    assert!(!passes(5, 1, 0, Threshold::Unanimous));
    assert!(!passes(0, 0, 3, Threshold::Unanimous));
}

#[test]
fn consent_block_stops_the_vote_when_allowed() {
    let mut ballots = votes(9, 0, 0);
    ballots.push(consent(1, ConsentChoice::Block));
    let t = consent_vote(&ballots, true, None, Threshold::SimpleMajority);
    let result = t.consent.unwrap();
    assert_eq!(t.ballots, 10);
    assert_eq!((result.against, result.block), (0, 1));
    assert!(result.threshold_met);
    assert!(!result.passed);
    assert!(t.winners.is_empty());
}

#[test]
fn consent_block_counts_as_against_when_not_allowed() {
    let mut ballots = votes(9, 0, 0);
    ballots.push(consent(1, ConsentChoice::Block));
    let t = consent_vote(&ballots, false, None, Threshold::SimpleMajority);
    let result = t.consent.unwrap();
    assert_eq!((result.for_, result.against, result.block), (9, 1, 0));
    assert!(result.passed);
    assert_eq!(t.winners, vec![A]);

    let t = consent_vote(&ballots, false, None, Threshold::Unanimous);
    assert!(!t.consent.unwrap().passed);

    // 1 for, 1 block: with the block as against that is exactly half.
    let ballots = [
        consent(1, ConsentChoice::For),
        consent(1, ConsentChoice::Block),
    ];
    let t = consent_vote(&ballots, false, None, Threshold::SimpleMajority);
    assert!(!t.consent.unwrap().passed);
}

// ---------------------------------------------------------------- every method

fn every_method() -> Vec<VoteMethod> {
    vec![
        VoteMethod::Consent { allow_block: true },
        VoteMethod::Consent { allow_block: false },
        VoteMethod::Approval,
        VoteMethod::Dot {
            dots: 5,
            cap: Some(3),
        },
        VoteMethod::Dot { dots: 6, cap: None },
        VoteMethod::Score { min: 0, max: 5 },
        grades(5),
        VoteMethod::Matrix {
            criteria: vec![
                Criterion {
                    goal: GoalId(0),
                    weight: 2,
                },
                Criterion {
                    goal: GoalId(1),
                    weight: 1,
                },
            ],
            min: 0,
            max: 5,
        },
    ]
}

#[test]
fn every_method_ignores_wrong_kinds_without_panicking() {
    let all_kinds = [
        consent(1, ConsentChoice::For),
        ballot(1, Choice::Ranking(vec![vec![A, B], vec![C]])),
        approve(1, &[A]),
        scores(1, &[(A, 1)]),
        dots(1, &[(A, 1)]),
        cells(1, &[(A, 0, 1)]),
    ];
    for method in every_method() {
        let t = count(&[A, B, C], &all_kinds, &method);
        assert_eq!(t.ballots, 1, "{method:?}");
        assert_eq!(t.ignored, 5, "{method:?}");
        // No alternatives at all.
        let t = count(&[], &all_kinds, &method);
        assert!(t.winners.is_empty() || matches!(method, VoteMethod::Consent { .. }));
    }
}

// ---------------------------------------------------------------- properties

/// A raw ballot: its count, the kind selector (0 = a wrong kind), and entries
/// (alternative index — `n` meaning an unknown alternative —, value, goal index).
type Raw = (u32, u8, Vec<(usize, i32, u32)>);

fn raw_ballots() -> impl Strategy<Value = (usize, Vec<Raw>)> {
    (1usize..5).prop_flat_map(|n| {
        let entry = (0..=n, -1i32..7, 0u32..3);
        let raw = (0u32..4, 0u8..8, proptest::collection::vec(entry, 0..6));
        (Just(n), proptest::collection::vec(raw, 0..12))
    })
}

/// Builds a ballot of the kind `method` expects (or a wrong kind when the selector is 0).
fn build(method: &VoteMethod, ids: &[AlternativeId], raw: &Raw) -> Ballot {
    let (count, kind, entries) = raw;
    let id = |i: usize| ids.get(i).copied().unwrap_or(STRANGER);
    if *kind == 0 {
        return ballot(*count, Choice::Ranking(vec![ids.to_vec()]));
    }
    let choice = match method {
        VoteMethod::Consent { .. } => Choice::Consent(match kind % 4 {
            0 => ConsentChoice::For,
            1 => ConsentChoice::Against,
            2 => ConsentChoice::Abstain,
            _ => ConsentChoice::Block,
        }),
        VoteMethod::Approval => Choice::Approval(entries.iter().map(|e| id(e.0)).collect()),
        VoteMethod::Dot { .. } => Choice::Dots(
            entries
                .iter()
                .map(|e| Dots {
                    alternative: id(e.0),
                    dots: e.1.unsigned_abs() % 4,
                })
                .collect(),
        ),
        VoteMethod::Score { .. } | VoteMethod::MajorityJudgment { .. } => Choice::Scores(
            entries
                .iter()
                .map(|e| Score {
                    alternative: id(e.0),
                    value: e.1,
                })
                .collect(),
        ),
        _ => Choice::Matrix(
            entries
                .iter()
                .map(|e| CriterionScore {
                    alternative: id(e.0),
                    goal: GoalId(e.2),
                    value: e.1,
                })
                .collect(),
        ),
    };
    ballot(*count, choice)
}

fn relabel_tally(t: &Tally, map: &dyn Fn(AlternativeId) -> AlternativeId) -> Tally {
    let mut t = t.clone();
    t.winners = t.winners.iter().map(|a| map(*a)).collect();
    t.ranking = t
        .ranking
        .iter()
        .map(|g| g.iter().map(|a| map(*a)).collect())
        .collect();
    t.scores = t.scores.iter().map(|(a, p)| (map(*a), *p)).collect();
    t.medians = t.medians.iter().map(|(a, m)| (map(*a), *m)).collect();
    t
}

/// Majority judgment by the letter: sort the grades, remove lower medians one at a time.
fn majority_value(mut grades: Vec<usize>) -> Vec<usize> {
    grades.sort_unstable();
    let mut sequence = Vec::new();
    while !grades.is_empty() {
        let median = (grades.len() - 1) / 2;
        sequence.push(grades.remove(median));
    }
    sequence
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn ballot_order_does_not_matter(
        (n, raw) in raw_ballots(),
        seed in any::<u64>(),
    ) {
        let ids: Vec<AlternativeId> = (1..=n as u32).map(AlternativeId).collect();
        for method in every_method() {
            let ballots: Vec<Ballot> = raw.iter().map(|r| build(&method, &ids, r)).collect();
            let mut shuffled = ballots.clone();
            // A deterministic shuffle from the seed.
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let threshold = Threshold::TwoThirds;
            let one = count_with(&ids, &ballots, &method, Some(3), threshold).unwrap();
            let other = count_with(&ids, &shuffled, &method, Some(3), threshold).unwrap();
            prop_assert_eq!(one, other, "{:?}", method);
        }
    }

    #[test]
    fn relabelling_alternatives_relabels_the_result(
        (n, raw) in raw_ballots(),
        offset in 100u32..200,
        reverse in any::<bool>(),
    ) {
        let ids: Vec<AlternativeId> = (1..=n as u32).map(AlternativeId).collect();
        // A relabelling that does not keep the ids' order when `reverse`.
        let map = |a: AlternativeId| {
            if a == STRANGER {
                a
            } else if reverse {
                AlternativeId(offset + 50 - a.0)
            } else {
                AlternativeId(offset + a.0)
            }
        };
        let new_ids: Vec<AlternativeId> = ids.iter().map(|a| map(*a)).collect();
        for method in every_method() {
            let ballots: Vec<Ballot> = raw.iter().map(|r| build(&method, &ids, r)).collect();
            let relabelled: Vec<Ballot> = raw.iter().map(|r| build(&method, &new_ids, r)).collect();
            let t = count(&ids, &ballots, &method);
            let u = count(&new_ids, &relabelled, &method);
            prop_assert_eq!(relabel_tally(&t, &map), u, "{:?}", method);
        }
    }

    #[test]
    fn a_ballot_with_count_k_equals_k_ballots(
        (n, raw) in raw_ballots(),
    ) {
        let ids: Vec<AlternativeId> = (1..=n as u32).map(AlternativeId).collect();
        for method in every_method() {
            let ballots: Vec<Ballot> = raw.iter().map(|r| build(&method, &ids, r)).collect();
            let expanded: Vec<Ballot> = ballots
                .iter()
                .flat_map(|b| {
                    std::iter::repeat_n(Ballot { count: 1, ..b.clone() }, b.count as usize)
                })
                .collect();
            let threshold = Threshold::AtLeastPercent(55);
            let t = count_with(&ids, &ballots, &method, Some(4), threshold).unwrap();
            let u = count_with(&ids, &expanded, &method, Some(4), threshold).unwrap();
            prop_assert_eq!(t, u, "{:?}", method);
        }
    }

    /// The fast majority-value comparison agrees with removing medians one at a time.
    #[test]
    fn majority_judgment_matches_the_literal_rule(
        n in 1usize..6,
        columns in proptest::collection::vec(
            (1u32..4, proptest::collection::vec(0usize..5, 6)),
            1..10,
        ),
    ) {
        let ids: Vec<AlternativeId> = (1..=n as u32).map(AlternativeId).collect();
        let ballots: Vec<Ballot> = columns
            .iter()
            .map(|(count, values)| {
                let entries: Vec<(AlternativeId, i32)> = ids
                    .iter()
                    .zip(values)
                    .filter(|(_, v)| **v > 0) // grade 0 left blank
                    .map(|(a, v)| (*a, *v as i32))
                    .collect();
                scores(*count, &entries)
            })
            .collect();
        let t = count(&ids, &ballots, &grades(5));

        let sequences: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let list = columns
                    .iter()
                    .flat_map(|(count, values)| std::iter::repeat_n(values[i], *count as usize))
                    .collect();
                majority_value(list)
            })
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|x, y| sequences[*y].cmp(&sequences[*x]));
        let mut expected: Vec<Vec<AlternativeId>> = Vec::new();
        for (k, i) in order.iter().enumerate() {
            if k > 0 && sequences[order[k - 1]] == sequences[*i] {
                expected.last_mut().unwrap().push(ids[*i]);
            } else {
                expected.push(vec![ids[*i]]);
            }
        }
        prop_assert_eq!(&t.ranking, &expected);
        prop_assert_eq!(&t.winners, &expected[0]);
        let medians: Vec<(AlternativeId, usize)> =
            ids.iter().zip(&sequences).map(|(a, s)| (*a, s[0])).collect();
        prop_assert_eq!(t.medians, medians);
    }
}
