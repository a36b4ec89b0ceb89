//! Convergence measures: worked examples computed by hand (consensus index, median and IQR of
//! type 7, Kendall's W with ties and unranked alternatives, score IQR), a whole session (latest
//! position at or before a round, arrows, weights, agreement, stability) and property tests.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use stratboard_core::convergence::{
    Agreement, Measures, Movement, STANCE_SYMBOLS, consensus_index, convergence, kendall_w,
    quantile, ranks, stance_symbol, stance_value, weighted_quantile,
};
use stratboard_core::model::{
    Alternative, AlternativeId, Ballot, Choice, GroupId, Position, PositionId, Score, Session,
    StakeholderGroup, Stance, Vote, VoteId, VoteMethod, VoteRound,
};

mod common;

use common::ranking;

const EPS: f64 = 1e-9;

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap();
    assert!(
        (actual - expected).abs() < 1e-6,
        "{actual} is not {expected}"
    );
}

/// Unweighted pairs: one group per value.
fn groups(values: &[i32]) -> Vec<(i32, u64)> {
    values.iter().map(|v| (*v, 1)).collect()
}

fn id(i: u32) -> AlternativeId {
    AlternativeId(i)
}

fn scores(count: u32, values: &[(u32, i32)]) -> Ballot {
    Ballot {
        voter: None,
        count,
        choice: Choice::Scores(
            values
                .iter()
                .map(|(a, v)| Score {
                    alternative: id(*a),
                    value: *v,
                })
                .collect(),
        ),
    }
}

#[test]
fn stances_map_to_numbers_and_symbols() {
    let values: Vec<Option<i32>> = Stance::ALL.iter().map(|s| stance_value(*s)).collect();
    assert_eq!(
        values,
        [Some(2), Some(1), Some(0), Some(-1), Some(-2), None]
    );
    let symbols: Vec<&str> = Stance::ALL.iter().map(|s| stance_symbol(*s)).collect();
    assert_eq!(symbols, STANCE_SYMBOLS);
}

#[test]
fn consensus_worked_examples() {
    // All at +: μ = 1, every |x − μ| = 0, log₂ 1 = 0 → Cns = 1.
    close(Measures::of(&groups(&[1, 1, 1])).consensus, 1.0);
    // Half at ++, half at −−: μ = 0, |±2 − 0| / 4 = 0.5, log₂ 0.5 = −1 → 1 − ½ − ½ = 0.
    close(Measures::of(&groups(&[2, -2, 2, -2])).consensus, 0.0);
    // ++ and +: μ = 1.5, both |x − μ| = 0.5 → log₂(1 − 0.125) = log₂ 0.875 = −0.192645;
    // Cns = 1 + ½(−0.192645) + ½(−0.192645) = 0.807355.
    close(Measures::of(&groups(&[2, 1])).consensus, 0.807_354_922);
    // ++, 0, −−: μ = 0; ±2 give log₂ 0.5 = −1 with p = ⅓ each, 0 gives log₂ 1 = 0;
    // Cns = 1 − ⅔ = 0.333333.
    close(Measures::of(&groups(&[2, 0, -2])).consensus, 1.0 / 3.0);
    // ++ ++ ++ −−: μ = (6 − 2)/4 = 1; ++: p = ¾, log₂(1 − ¼) = −0.415038 → −0.311278;
    // −−: p = ¼, log₂(1 − ¾) = −2 → −0.5; Cns = 1 − 0.811278 = 0.188722.
    close(
        Measures::of(&groups(&[2, 2, 2, -2])).consensus,
        0.188_721_876,
    );
    // One decided group: no index (but a mean, median and IQR); none at all: nothing.
    let one = Measures::of(&groups(&[1]));
    assert_eq!(one.consensus, None);
    close(one.mean, 1.0);
    close(one.iqr, 0.0);
    assert_eq!(Measures::of(&[]), Measures::default());
    // The bare index of one group is 1.
    close(Some(consensus_index(&[(2, 1)])), 1.0);
}

#[test]
fn median_and_iqr_are_type_7() {
    // −2 −1 1 2 2 (n = 5): h = (n − 1)p. Q1: h = 1 → −1; median: h = 2 → 1; Q3: h = 3 → 2;
    // IQR = 3; mean = 2/5 = 0.4.
    let m = Measures::of(&groups(&[2, -1, 2, -2, 1]));
    close(m.median, 1.0);
    close(m.iqr, 3.0);
    close(m.mean, 0.4);
    // −1 0 1 2 (n = 4): Q1: h = 0.75 → −1 + 0.75·1 = −0.25; median: h = 1.5 → 0.5;
    // Q3: h = 2.25 → 1 + 0.25·1 = 1.25; IQR = 1.5.
    let m = Measures::of(&groups(&[1, -1, 2, 0]));
    close(m.median, 0.5);
    close(m.iqr, 1.5);
    // The same with plain values, and frequencies as repeats.
    close(quantile(&[2.0, -1.0, 0.0, 1.0], 0.25), -0.25);
    close(weighted_quantile(&[(-1, 1), (2, 3)], 0.25), 1.25);
    assert_eq!(quantile(&[], 0.5), None);
}

#[test]
fn weights_are_frequency_weights() {
    // ++ weighing 3 and − weighing 1 = the values 2 2 2 −1: mean 5/4 = 1.25; median (h = 1.5)
    // 2; Q1 (h = 0.75) = −1 + 0.75·3 = 1.25, Q3 (h = 2.25) = 2, IQR 0.75;
    // Cns = 1 + ¾·log₂(1 − 0.75/4) + ¼·log₂(1 − 2.25/4)
    //     = 1 + ¾·(−0.299560) + ¼·(−1.192645) = 0.477169.
    let m = Measures::of(&[(2, 3), (-1, 1)]);
    assert_eq!((m.groups, m.total), (2, 4));
    close(m.mean, 1.25);
    close(m.median, 2.0);
    close(m.iqr, 0.75);
    close(m.consensus, 0.477_168_519);
    // Weight 0 leaves a group out.
    assert_eq!(Measures::of(&[(2, 3), (-1, 0)]).consensus, None);
}

#[test]
fn kendall_w_worked_examples() {
    let abc = [id(1), id(2), id(3)];
    // A>B>C and A>C>B: rank sums A 2, B 5, C 5; R̄ = m(n + 1)/2 = 4; S = 4 + 1 + 1 = 6;
    // W = 12·6 / (2²·(27 − 3)) = 72/96 = 0.75.
    let w = kendall_w(
        &abc,
        &[
            ranking(1, &[&[1], &[2], &[3]]),
            ranking(1, &[&[1], &[3], &[2]]),
        ],
    );
    close(w, 0.75);
    // Ties: (A=B)>C gives A 1.5, B 1.5, C 3 and T = 2³ − 2 = 6; A>B>C. Rank sums A 2.5, B 3.5,
    // C 6; S = 2.25 + 0.25 + 4 = 6.5; W = 78 / (4·24 − 2·6) = 78/84 = 0.928571.
    let w = kendall_w(
        &abc,
        &[
            ranking(1, &[&[1, 2], &[3]]),
            ranking(1, &[&[1], &[2], &[3]]),
        ],
    );
    close(w, 78.0 / 84.0);
}

#[test]
fn kendall_w_with_unranked_alternatives_and_counts() {
    // Four alternatives A B C D (1..4), m = 4:
    //   b1: A only          → A 1, B C D tied at positions 2..4 → 3 each; t = 3,
    //                         T = 3³ − 3 = 24
    //   b2: A>B>C>D         → 1 2 3 4; T = 0
    //   b3 (count 2): B>A   → B 1, A 2, C D tied at 3..4 → 3.5; T = 8 − 2 = 6 (each)
    // Rank sums: A 1+1+2·2 = 6, B 3+2+2·1 = 7, C 3+3+2·3.5 = 13, D 3+4+2·3.5 = 14 (Σ 40).
    // R̄ = 10; S = 16 + 9 + 9 + 16 = 50; denominator = 4²·(64 − 4) − 4·(24 + 0 + 2·6)
    // = 960 − 144 = 816; W = 600/816 = 0.735294.
    let alternatives = [id(1), id(2), id(3), id(4)];
    let ballots = [
        ranking(1, &[&[1]]),
        ranking(1, &[&[1], &[2], &[3], &[4]]),
        ranking(2, &[&[2], &[1]]),
    ];
    close(kendall_w(&alternatives, &ballots), 600.0 / 816.0);
    let (r, t) = ranks(&alternatives, &[vec![id(1)]]);
    assert_eq!(r, [1.0, 3.0, 3.0, 3.0]);
    assert!((t - 24.0).abs() < EPS);
    // Names not on the vote are dropped, a repeat keeps its first place, empty groups are
    // skipped: this reads as A>B>(C=D).
    let (r, _) = ranks(
        &alternatives,
        &[vec![id(9), id(1)], vec![], vec![id(2), id(1)]],
    );
    assert_eq!(r, [1.0, 2.0, 3.5, 3.5]);
}

#[test]
fn kendall_w_undefined() {
    let ab = [id(1), id(2)];
    // m < 2 (a score ballot does not count).
    assert_eq!(
        kendall_w(&ab, &[ranking(1, &[&[1], &[2]]), scores(1, &[(1, 1)])]),
        None
    );
    // n < 2.
    assert_eq!(kendall_w(&[id(1)], &[ranking(3, &[&[1]])]), None);
    // Every ballot ties everything: the denominator is m²(n³ − n) − m·m(n³ − n) = 0.
    assert_eq!(kendall_w(&ab, &[ranking(2, &[&[1, 2]])]), None);
    // One ballot counting twice is m = 2: two identical rankings agree fully.
    close(kendall_w(&ab, &[ranking(2, &[&[2], &[1]])]), 1.0);
}

fn group(i: u32, weight: Option<u32>) -> StakeholderGroup {
    StakeholderGroup {
        id: GroupId(i),
        name: format!("G{i}"),
        vote_weight: weight,
        ..StakeholderGroup::default()
    }
}

fn position(i: u32, group: u32, alternative: u32, stance: Stance, round: u32) -> Position {
    Position {
        id: PositionId(i),
        group: GroupId(group),
        alternative: id(alternative),
        stance,
        interests: String::new(),
        round,
    }
}

/// Groups 1 2 3 4; alternatives 10 (converging toward +), 11 (split), 12 (no positions).
fn sample() -> Session {
    use Stance::*;
    let mut session = Session::new("Convergence");
    session.stakeholder_groups = vec![
        group(1, None),
        group(2, None),
        group(3, None),
        group(4, None),
    ];
    session.alternatives = [10, 11, 12]
        .iter()
        .map(|i| Alternative {
            id: id(*i),
            title: format!("A{i}"),
            ..Alternative::default()
        })
        .collect();
    session.positions = vec![
        // Alternative 10: round 1 ++ + − ?, round 2: group 3 moves to 0, group 4 to +.
        position(100, 1, 10, StronglyFor, 1),
        position(101, 2, 10, For, 1),
        position(102, 3, 10, Against, 1),
        position(103, 4, 10, Undecided, 1),
        position(104, 3, 10, Neutral, 2),
        position(105, 4, 10, For, 2),
        // Alternative 11: two for, two against, unchanged in round 2 (nothing recorded).
        position(110, 1, 11, StronglyFor, 1),
        position(111, 2, 11, For, 1),
        position(112, 3, 11, StronglyAgainst, 1),
        position(113, 4, 11, Against, 1),
        // Recorded twice in round 1: the later one counts.
        position(114, 4, 11, StronglyAgainst, 1),
    ];
    session
}

#[test]
fn a_session_round_by_round() {
    let c = convergence(&sample());
    assert_eq!(c.last_round, 2);
    assert!(!c.weighted);
    let listed: Vec<AlternativeId> = c.alternatives.iter().map(|a| a.alternative).collect();
    assert_eq!(listed, [id(10), id(11)]);

    let a10 = &c.alternatives[0];
    assert_eq!(a10.title, "A10");
    let rounds: Vec<u32> = a10.rounds.iter().map(|r| r.round).collect();
    assert_eq!(rounds, [1, 2]);
    // Round 1: ++ + − ? → decided 2 1 −1, mean 2/3, median 1.
    let r1 = &a10.rounds[0];
    assert_eq!(r1.stances.0, [1, 1, 0, 1, 0, 1]);
    assert_eq!(r1.stances.decided(), 3);
    close(r1.measures.mean, 2.0 / 3.0);
    close(r1.measures.median, 1.0);
    assert_eq!(r1.measures.consensus_change, None);
    assert!(r1.groups.iter().all(|g| g.movement.is_none()));
    // Round 2: groups 1 and 2 kept their round-1 stances: ++ + 0 + → mean 1, median 1.
    let r2 = &a10.rounds[1];
    assert_eq!(r2.stances.0, [1, 2, 1, 0, 0, 0]);
    close(r2.measures.mean, 1.0);
    close(r2.measures.median, 1.0);
    // Q1 (h = 0.75) = 0 + 0.75·1 = 0.75, Q3 (h = 2.25) = 1 + 0.25·1 = 1.25 → IQR 0.5.
    close(r2.measures.iqr, 0.5);
    // Cns: μ = 1; ++ and 0 (p = ¼ each) give log₂ 0.75 = −0.415038; + (p = ½) gives 0;
    // Cns = 1 − ½·0.415038 = 0.792481.
    close(r2.measures.consensus, 0.792_481_250);
    let change = r2.measures.consensus_change.unwrap();
    let expected = r2.measures.consensus.unwrap() - r1.measures.consensus.unwrap();
    assert!((change - expected).abs() < EPS);
    close(r2.measures.mean_change, 1.0 / 3.0);
    // Arrows against round 2's mean (1): group 3 went −1 → 0 (toward), group 1 stayed at ++
    // (held), group 4 was undecided (no arrow).
    let moves: Vec<(GroupId, Option<Movement>)> =
        r2.groups.iter().map(|g| (g.group, g.movement)).collect();
    assert_eq!(
        moves,
        [
            (GroupId(1), Some(Movement::Held)),
            (GroupId(2), Some(Movement::Held)),
            (GroupId(3), Some(Movement::Toward)),
            (GroupId(4), None),
        ]
    );
    assert_eq!(r2.groups[3].previous, Some(Stance::Undecided));

    // Alternative 11: ++ + −− −− (the later round-1 record of group 4 wins) → divisive.
    let a11 = &c.alternatives[1];
    assert_eq!(a11.rounds[0].stances.0, [1, 1, 0, 0, 2, 0]);
    assert_eq!(a11.rounds[0].measures, {
        let mut m = a11.rounds[1].measures;
        m.consensus_change = None;
        m.mean_change = None;
        m
    });
    close(a11.rounds[1].measures.consensus_change, 0.0);

    let ranking = c.ranking(false);
    assert_eq!(ranking[0].alternative, id(10));
    assert_eq!(ranking[0].agreement, Agreement::Unifying);
    assert_eq!(ranking[1].agreement, Agreement::Divisive);
    // Alternative 10's index moved by more than 0.05: not stable.
    assert!(!c.stable);
    assert!(c.ranked_votes.is_empty() && c.score_votes.is_empty());
}

#[test]
fn stable_when_no_index_moves() {
    let mut session = sample();
    // Only alternative 11 (unchanged) keeps positions.
    session.positions.retain(|p| p.alternative == id(11));
    session
        .positions
        .push(position(120, 1, 11, Stance::StronglyFor, 2));
    let c = convergence(&session);
    assert!(c.stable);
    // One round is never stable.
    session.positions.retain(|p| p.round == 1);
    assert!(!convergence(&session).stable);
    // No positions at all: nothing to show.
    session.positions.clear();
    let c = convergence(&session);
    assert!(c.is_empty());
    assert_eq!(c.last_round, 0);
}

#[test]
fn weighted_figures_come_with_any_weight() {
    let mut session = sample();
    session.stakeholder_groups[0].vote_weight = Some(3);
    let c = convergence(&session);
    assert!(c.weighted);
    let r1 = &c.alternatives[0].rounds[0];
    // Unweighted figures are unchanged; weighted: ++ ×3, + ×1, − ×1 → mean (6 + 1 − 1)/5 = 1.2.
    close(r1.measures.mean, 2.0 / 3.0);
    let w = r1.weighted.unwrap();
    assert_eq!((w.groups, w.total), (3, 5));
    close(w.mean, 1.2);
    assert!(w.consensus_change.is_none());
    assert!(
        c.alternatives[0].rounds[1]
            .weighted
            .unwrap()
            .consensus_change
            .is_some()
    );
    // Without any weight there are no weighted figures.
    assert!(
        convergence(&sample()).alternatives[0].rounds[0]
            .weighted
            .is_none()
    );
}

fn vote(id_: u32, method: VoteMethod, alternatives: &[u32], rounds: Vec<Vec<Ballot>>) -> Vote {
    Vote {
        id: VoteId(id_),
        question: format!("Q{id_}"),
        alternatives: alternatives.iter().map(|a| id(*a)).collect(),
        method,
        rounds: rounds
            .into_iter()
            .enumerate()
            .map(|(i, ballots)| VoteRound {
                number: u32::try_from(i + 1).unwrap(),
                ballots,
                ..VoteRound::default()
            })
            .collect(),
        ..Vote::default()
    }
}

#[test]
fn votes_by_round() {
    let mut session = sample();
    session.votes = vec![
        vote(
            50,
            VoteMethod::Consent { allow_block: false },
            &[10],
            vec![],
        ),
        vote(
            51,
            VoteMethod::Borda,
            &[1, 2, 3],
            vec![
                vec![
                    ranking(1, &[&[1], &[2], &[3]]),
                    ranking(1, &[&[1], &[3], &[2]]),
                ],
                vec![ranking(2, &[&[1], &[2], &[3]])],
            ],
        ),
        vote(
            52,
            VoteMethod::Score { min: 0, max: 5 },
            &[1, 2],
            vec![vec![
                scores(1, &[(1, 5), (2, 1)]),
                scores(1, &[(1, 3)]),
                scores(2, &[(1, 4), (2, 2)]),
                scores(1, &[(1, 9)]),
            ]],
        ),
    ];
    let c = convergence(&session);
    assert_eq!(c.ranked_votes.len(), 1);
    let v = &c.ranked_votes[0];
    assert_eq!((v.vote, v.question.as_str()), (VoteId(51), "Q51"));
    assert_eq!(v.rounds.len(), 2);
    close(v.rounds[0].kendall_w, 0.75);
    assert_eq!(v.rounds[0].change, None);
    assert_eq!(v.rounds[1].ballots, 2);
    close(v.rounds[1].kendall_w, 1.0);
    close(v.rounds[1].change, 0.25);

    // Scores: A 5 3 4 4 (blank counts 0 for B; the 9 is out of range, that ballot is left out).
    // A sorted 3 4 4 5: Q1 (h = 0.75) 3.75, Q3 (h = 2.25) 4.25 → IQR 0.5, median 4.
    // B sorted 0 1 2 2: Q1 0.75, Q3 2 → IQR 1.25, median 1.5.
    assert_eq!(c.score_votes.len(), 1);
    let round = &c.score_votes[0].rounds[0];
    assert_eq!(round.ballots, 4);
    close(round.alternatives[0].iqr, 0.5);
    close(round.alternatives[0].median, 4.0);
    close(round.alternatives[1].iqr, 1.25);
    close(round.alternatives[1].median, 1.5);
}

fn decided() -> impl Strategy<Value = i32> {
    -2i32..=2
}

/// A ranking of `n` alternatives (ids 1..=n) with random ties and some left unranked.
fn arbitrary_ranking(n: u32) -> impl Strategy<Value = Vec<Vec<AlternativeId>>> {
    (
        Just((1..=n).map(id).collect::<Vec<_>>()).prop_shuffle(),
        proptest::collection::vec(0usize..3, n as usize),
        0..=n as usize,
    )
        .prop_map(|(order, cuts, keep)| {
            let mut groups: Vec<Vec<AlternativeId>> = Vec::new();
            for (a, cut) in order.into_iter().take(keep).zip(cuts) {
                match groups.last_mut() {
                    Some(last) if cut == 0 => last.push(a),
                    _ => groups.push(vec![a]),
                }
            }
            groups
        })
}

proptest! {
    #[test]
    fn identical_stances_give_one(x in decided(), n in 2usize..12) {
        let m = Measures::of(&vec![(x, 1); n]);
        prop_assert!((m.consensus.unwrap() - 1.0).abs() < EPS);
        prop_assert!(m.iqr.unwrap().abs() < EPS);
    }

    #[test]
    fn an_even_split_between_the_extremes_gives_zero(k in 1usize..10) {
        let mut values = vec![(2, 1); k];
        values.extend(vec![(-2, 1); k]);
        prop_assert!(Measures::of(&values).consensus.unwrap().abs() < EPS);
    }

    #[test]
    fn the_index_stays_in_zero_one(values in proptest::collection::vec((decided(), 0u64..5), 0..12)) {
        if let Some(c) = Measures::of(&values).consensus {
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }

    #[test]
    fn reordering_groups_changes_nothing(
        (values, shuffled) in proptest::collection::vec((decided(), 0u64..5), 0..12)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let (a, b) = (Measures::of(&values), Measures::of(&shuffled));
        for (x, y) in [(a.consensus, b.consensus), (a.mean, b.mean), (a.median, b.median), (a.iqr, b.iqr)] {
            match (x, y) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < EPS),
                (x, y) => prop_assert_eq!(x, y),
            }
        }
    }

    #[test]
    fn identical_rankings_give_w_one(
        (n, ranking) in (2u32..7).prop_flat_map(|n| (Just(n), arbitrary_ranking(n))),
        m in 2u32..6,
    ) {
        let alternatives: Vec<AlternativeId> = (1..=n).map(id).collect();
        let ballots: Vec<Ballot> = (0..m)
            .map(|_| Ballot { voter: None, count: 1, choice: Choice::Ranking(ranking.clone()) })
            .collect();
        match kendall_w(&alternatives, &ballots) {
            Some(w) => prop_assert!((w - 1.0).abs() < EPS, "W = {w} for {ranking:?}"),
            // Only a ranking that ties everything has no W: one level in all.
            None => {
                let ranked = ranking.iter().flatten().count();
                let levels = ranking.len() + usize::from(ranked < n as usize);
                prop_assert_eq!(levels, 1, "{:?}", ranking);
            }
        }
    }

    #[test]
    fn reordering_ballots_changes_nothing(
        (ballots, shuffled) in proptest::collection::vec(
            (1u32..4, arbitrary_ranking(5)).prop_map(|(count, r)| Ballot {
                voter: None,
                count,
                choice: Choice::Ranking(r),
            }),
            0..8,
        )
        .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let alternatives: Vec<AlternativeId> = (1..=5).map(id).collect();
        let (a, b) = (kendall_w(&alternatives, &ballots), kendall_w(&alternatives, &shuffled));
        match (a, b) {
            (Some(a), Some(b)) => {
                prop_assert!((a - b).abs() < EPS);
                prop_assert!((0.0..=1.0).contains(&a));
            }
            (a, b) => prop_assert_eq!(a, b),
        }
    }

    #[test]
    fn reordering_the_sessions_groups_changes_no_figure(
        order in Just(vec![0usize, 1, 2, 3]).prop_shuffle()
    ) {
        let base = convergence(&sample());
        let mut session = sample();
        let groups = session.stakeholder_groups.clone();
        session.stakeholder_groups = order.iter().map(|i| groups[*i].clone()).collect();
        session.positions.reverse();
        // Reversing positions would change which of two same-round records is the later one:
        // keep the session's own record for that group.
        session.positions.retain(|p| p.id != PositionId(113));
        let shuffled = convergence(&session);
        for (a, b) in base.alternatives.iter().zip(&shuffled.alternatives) {
            for (x, y) in a.rounds.iter().zip(&b.rounds) {
                prop_assert_eq!(x.stances, y.stances);
                prop_assert_eq!(x.measures.consensus.map(|c| (c * 1e9).round()), y.measures.consensus.map(|c| (c * 1e9).round()));
                prop_assert_eq!(x.measures.median, y.measures.median);
                prop_assert_eq!(x.measures.iqr, y.measures.iqr);
            }
        }
    }
}

mod protocol {
    //! The protocol's section «Сближение позиций» / "Convergence of positions".

    use super::*;
    use stratboard_core::i18n::Language;
    use stratboard_core::model::{ResultsVisibility, VoteStatus};
    use stratboard_core::report::document::{Block, Chart, Table};
    use stratboard_core::report::{Format, export, protocol};

    /// The blocks of the section (empty when there is none).
    fn section(session: &Session, language: Language) -> Vec<Block> {
        let heading = match language {
            Language::Russian => "Сближение позиций",
            Language::English => "Convergence of positions",
        };
        let blocks = protocol::build(session, language).blocks;
        let Some(start) = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 2, text } if text == heading))
        else {
            return Vec::new();
        };
        blocks[start + 1..]
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { level: 2, .. }))
            .cloned()
            .collect()
    }

    fn tables(blocks: &[Block]) -> Vec<&Table> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn charts(blocks: &[Block]) -> Vec<&Chart> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Chart(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    fn ranked_vote(status: VoteStatus, visibility: ResultsVisibility) -> Vote {
        Vote {
            status,
            visibility,
            ..vote(
                51,
                VoteMethod::Borda,
                &[10, 11],
                vec![vec![
                    ranking(1, &[&[10], &[11]]),
                    ranking(1, &[&[11], &[10]]),
                ]],
            )
        }
    }

    #[test]
    fn a_table_and_a_chart_per_alternative_with_positions() {
        let blocks = section(&sample(), Language::English);
        let tables = tables(&blocks);
        assert_eq!(
            tables.len(),
            2,
            "alternatives 10 and 11; 12 has no position"
        );
        let a10 = tables[0];
        assert_eq!(
            a10.header,
            [
                "Round",
                "++",
                "+",
                "0",
                "−",
                "−−",
                "?",
                "Consensus",
                "Mean",
                "Median",
                "IQR",
                "Change"
            ]
        );
        assert_eq!(a10.rows.len(), 2);
        // Round 2 of alternative 10: ++ + 0 + → 0.79, mean 1, median 1, IQR 0.5; the index
        // rose from 0.50 (round 1: 2, 1, −1) by 0.29.
        assert_eq!(
            a10.rows[1],
            [
                "2", "1", "2", "1", "0", "0", "0", "0.79", "1.00", "1.00", "0.50", "+0.29"
            ]
        );
        assert_eq!(a10.rows[0][11], "");
        // Alternative 11: ++ + −− −− → 2, 1, −2, −2: μ = −0.25; sorted −2 −2 1 2: median
        // (h = 1.5) −0.5, Q1 (h = 0.75) −2, Q3 (h = 2.25) 1.25 → IQR 3.25;
        // Cns = 1 + ¼·log₂(1 − 2.25/4) + ¼·log₂(1 − 1.25/4) + ½·log₂(1 − 1.75/4)
        //     = 1 − 0.298161 − 0.135142 − 0.415037 = 0.151660 → 0.15. Negative figures take a
        // true minus sign; no change is "0.00", never "−0.00".
        assert_eq!(tables[1].rows[0][7..11], ["0.15", "−0.25", "−0.50", "3.25"]);
        assert_eq!(tables[1].rows[1][11], "0.00");
        let charts = charts(&blocks);
        assert_eq!(charts.len(), 2);
        assert_eq!(charts[0].caption, "Consensus index by round");
        let labels: Vec<&str> = charts[0].bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Round 1", "Round 2"]);
        // A fixed scale: a full bar is an index of 1, whatever the longest bar.
        assert!((charts[0].max_value() - 1.0).abs() < EPS);
        let text: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { line, .. } => {
                    Some(line.iter().map(|s| s.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("Unifying") && t.contains("A10"))
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("Divisive") && t.contains("A11"))
        );
        assert!(!text.iter().any(|t| t.contains("stable")));
    }

    #[test]
    fn in_russian_too_and_with_weighted_rows() {
        let mut session = sample();
        session.stakeholder_groups[0].vote_weight = Some(3);
        let blocks = section(&session, Language::Russian);
        let tables = tables(&blocks);
        assert_eq!(tables[0].header[0], "Тур");
        // Each round has its weighted row under it.
        assert_eq!(tables[0].rows.len(), 4);
        assert_eq!(tables[0].rows[1][0], "1, с весами");
        // ++ ×3, +, − → mean 1.2, with a decimal comma in Russian.
        assert_eq!(tables[0].rows[1][8], "1,20");
        assert_eq!(charts(&blocks)[0].caption, "Индекс согласия по турам");
    }

    #[test]
    fn kendall_w_by_round_for_ranked_votes_whose_results_may_be_seen() {
        let mut session = sample();
        session.votes = vec![ranked_vote(
            VoteStatus::Closed,
            ResultsVisibility::AfterClose,
        )];
        let blocks = section(&session, Language::English);
        let tables = tables(&blocks);
        let w = tables.last().unwrap();
        assert_eq!(w.header[3], "Kendall's W");
        // Two opposite rankings of two alternatives: rank sums 3 and 3, S = 0 → W = 0.
        assert_eq!(w.rows, [["Q51", "1", "2", "0.00", ""]]);
        // While an after-close vote is open, its rankings stay out.
        session.votes = vec![ranked_vote(VoteStatus::Open, ResultsVisibility::AfterClose)];
        assert_eq!(tables_of(&session), 2);
        session.votes = vec![ranked_vote(VoteStatus::Open, ResultsVisibility::Live)];
        assert_eq!(tables_of(&session), 3);
    }

    fn tables_of(session: &Session) -> usize {
        tables(&section(session, Language::English)).len()
    }

    #[test]
    fn left_out_without_positions_and_ranked_votes_and_hidden_alternatives_stay_out() {
        let mut session = sample();
        session.alternatives[0].hidden = true;
        let blocks = section(&session, Language::English);
        assert_eq!(tables(&blocks).len(), 1);
        assert!(!format!("{blocks:?}").contains("A10"));
        session.positions.clear();
        assert!(section(&session, Language::English).is_empty());
        // A ranked vote alone makes the section.
        session.votes = vec![ranked_vote(VoteStatus::Closed, ResultsVisibility::Live)];
        assert_eq!(tables_of(&session), 1);
        // Every format renders it.
        for format in [Format::Markdown, Format::Html, Format::Docx, Format::Pdf] {
            let bytes = export(&sample(), format, Language::Russian).unwrap();
            assert!(!bytes.is_empty());
        }
        let md = String::from_utf8(export(&sample(), Format::Markdown, Language::Russian).unwrap())
            .unwrap();
        assert!(md.contains("## Сближение позиций"), "{md}");
    }
}
