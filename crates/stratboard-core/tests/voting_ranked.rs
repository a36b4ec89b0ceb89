//! Ranked voting methods: public worked examples (the Tennessee capital, the Wikipedia Schulze
//! example), cycles, ties, incomplete and malformed ballots, and property tests (ballot order,
//! Condorcet winners, relabelling, instant-runoff against a round-by-round recount).
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use stratboard_core::model::{AlternativeId, Ballot, Choice, Threshold, VoteMethod};
use stratboard_core::voting::{Election, IrvRound, Points, Tally, tally};

mod common;

// `ranking` names a tally's order here; a ranked ballot is `ballot`.
use common::{RANKED_METHODS, ranking as ballot};

fn id(i: u32) -> AlternativeId {
    AlternativeId(i)
}

/// A strict full ranking, best first.
fn strict(count: u32, order: &[u32]) -> Ballot {
    let groups: Vec<&[u32]> = order.chunks(1).collect();
    ballot(count, &groups)
}

fn count(alternatives: &[AlternativeId], ballots: &[Ballot], method: VoteMethod) -> Tally {
    let election = Election {
        alternatives,
        ballots,
        method: &method,
        quorum: None,
        threshold: Threshold::SimpleMajority,
    };
    tally(&election).unwrap()
}

fn ids(raw: &[u32]) -> Vec<AlternativeId> {
    raw.iter().map(|i| id(*i)).collect()
}

fn ranking(groups: &[&[u32]]) -> Vec<Vec<AlternativeId>> {
    groups.iter().map(|g| ids(g)).collect()
}

fn score_of(t: &Tally, a: u32) -> Points {
    t.scores.iter().find(|(x, _)| *x == id(a)).unwrap().1
}

// --- Tennessee capital -----------------------------------------------------------------------

const MEMPHIS: u32 = 1;
const NASHVILLE: u32 = 2;
const CHATTANOOGA: u32 = 3;
const KNOXVILLE: u32 = 4;

fn tennessee() -> (Vec<AlternativeId>, Vec<Ballot>) {
    let (m, n, c, k) = (MEMPHIS, NASHVILLE, CHATTANOOGA, KNOXVILLE);
    (
        ids(&[m, n, c, k]),
        vec![
            strict(42, &[m, n, c, k]),
            strict(26, &[n, c, k, m]),
            strict(15, &[c, k, n, m]),
            strict(17, &[k, c, n, m]),
        ],
    )
}

#[test]
fn tennessee_plurality_memphis() {
    let (alts, ballots) = tennessee();
    let t = count(&alts, &ballots, VoteMethod::Plurality);
    assert_eq!(t.method, "plurality");
    assert_eq!(t.ballots, 100);
    assert_eq!(t.ignored, 0);
    assert_eq!(t.winners, ids(&[MEMPHIS]));
    assert_eq!(
        t.ranking,
        ranking(&[&[MEMPHIS], &[NASHVILLE], &[KNOXVILLE], &[CHATTANOOGA]])
    );
    assert_eq!(score_of(&t, MEMPHIS), Points::whole(42));
    assert_eq!(score_of(&t, KNOXVILLE), Points::whole(17));
}

#[test]
fn tennessee_irv_knoxville() {
    let (alts, ballots) = tennessee();
    let t = count(&alts, &ballots, VoteMethod::Irv);
    assert_eq!(t.winners, ids(&[KNOXVILLE]));
    assert_eq!(
        t.ranking,
        ranking(&[&[KNOXVILLE], &[MEMPHIS], &[NASHVILLE], &[CHATTANOOGA]])
    );
    assert_eq!(t.rounds.len(), 3);
    let r = &t.rounds;
    assert_eq!(
        r[0].votes,
        vec![
            (id(MEMPHIS), 42),
            (id(NASHVILLE), 26),
            (id(CHATTANOOGA), 15),
            (id(KNOXVILLE), 17)
        ]
    );
    assert_eq!(r[0].eliminated, ids(&[CHATTANOOGA]));
    assert_eq!(
        r[1].votes,
        vec![(id(MEMPHIS), 42), (id(NASHVILLE), 26), (id(KNOXVILLE), 32)]
    );
    assert_eq!(r[1].eliminated, ids(&[NASHVILLE]));
    assert_eq!(r[2].votes, vec![(id(MEMPHIS), 42), (id(KNOXVILLE), 58)]);
    assert!(r[2].eliminated.is_empty());
    assert!(r.iter().all(|round| round.exhausted == 0));
}

#[test]
fn tennessee_borda_nashville_exact_points() {
    let (alts, ballots) = tennessee();
    let t = count(&alts, &ballots, VoteMethod::Borda);
    assert_eq!(t.winners, ids(&[NASHVILLE]));
    assert_eq!(
        t.ranking,
        ranking(&[&[NASHVILLE], &[CHATTANOOGA], &[MEMPHIS], &[KNOXVILLE]])
    );
    for (a, points) in [
        (MEMPHIS, 126),
        (NASHVILLE, 194),
        (CHATTANOOGA, 173),
        (KNOXVILLE, 107),
    ] {
        let p = score_of(&t, a);
        assert_eq!(p.scale, 2);
        assert_eq!(p.scaled, 2 * points);
        assert_eq!(p.to_string(), points.to_string());
    }
}

#[test]
fn tennessee_condorcet_methods_nashville() {
    let (alts, ballots) = tennessee();
    // Order M, N, C, K.
    let expected = vec![
        vec![0, 42, 42, 42],
        vec![58, 0, 68, 68],
        vec![58, 32, 0, 83],
        vec![58, 32, 17, 0],
    ];
    for method in [
        VoteMethod::Schulze,
        VoteMethod::RankedPairs,
        VoteMethod::Copeland,
        VoteMethod::Condorcet,
    ] {
        let t = count(&alts, &ballots, method.clone());
        assert_eq!(t.winners, ids(&[NASHVILLE]), "{method:?}");
        assert_eq!(
            t.ranking,
            ranking(&[&[NASHVILLE], &[CHATTANOOGA], &[KNOXVILLE], &[MEMPHIS]]),
            "{method:?}"
        );
        let pairwise = t.pairwise.as_ref().unwrap();
        assert_eq!(pairwise.alternatives, alts);
        assert_eq!(pairwise.wins, expected, "{method:?}");
    }
    let copeland = count(&alts, &ballots, VoteMethod::Copeland);
    assert_eq!(score_of(&copeland, NASHVILLE), Points::whole(3));
    assert_eq!(score_of(&copeland, CHATTANOOGA), Points::whole(1));
    assert_eq!(score_of(&copeland, KNOXVILLE), Points::whole(-1));
    assert_eq!(score_of(&copeland, MEMPHIS), Points::whole(-3));
    let schulze = count(&alts, &ballots, VoteMethod::Schulze);
    assert_eq!(score_of(&schulze, NASHVILLE), Points::whole(3));
    assert_eq!(score_of(&schulze, MEMPHIS), Points::whole(0));
}

// --- Wikipedia Schulze example ---------------------------------------------------------------

const A: u32 = 10;
const B: u32 = 11;
const C: u32 = 12;
const D: u32 = 13;
const E: u32 = 14;

fn wikipedia() -> (Vec<AlternativeId>, Vec<Ballot>) {
    (
        ids(&[A, B, C, D, E]),
        vec![
            strict(5, &[A, C, B, E, D]),
            strict(5, &[A, D, E, C, B]),
            strict(8, &[B, E, D, A, C]),
            strict(3, &[C, A, B, E, D]),
            strict(7, &[C, A, E, B, D]),
            strict(2, &[C, B, A, D, E]),
            strict(7, &[D, C, E, B, A]),
            strict(8, &[E, B, A, D, C]),
        ],
    )
}

#[test]
fn wikipedia_schulze_e_wins() {
    let (alts, ballots) = wikipedia();
    let t = count(&alts, &ballots, VoteMethod::Schulze);
    assert_eq!(t.ballots, 45);
    assert_eq!(t.winners, ids(&[E]));
    assert_eq!(t.ranking, ranking(&[&[E], &[A], &[C], &[B], &[D]]));
    assert_eq!(
        t.pairwise.unwrap().wins,
        vec![
            vec![0, 20, 26, 30, 22],
            vec![25, 0, 16, 33, 18],
            vec![19, 29, 0, 17, 24],
            vec![15, 12, 28, 0, 14],
            vec![23, 27, 21, 31, 0],
        ]
    );
}

#[test]
fn wikipedia_example_ranked_pairs_a_wins() {
    // Defeats by winning votes: B>D 33, E>D 31, A>D 30, C>B 29, D>C 28 (cycle: skipped),
    // E>B 27, A>C 26, B>A 25 (cycle), C>E 24, E>A 23 (cycle).
    let (alts, ballots) = wikipedia();
    let t = count(&alts, &ballots, VoteMethod::RankedPairs);
    assert_eq!(t.winners, ids(&[A]));
    assert_eq!(t.ranking, ranking(&[&[A], &[C], &[E], &[B], &[D]]));
    let c = count(&alts, &ballots, VoteMethod::Condorcet);
    assert!(c.winners.is_empty());
}

// --- Cycles and ties -------------------------------------------------------------------------

#[test]
fn condorcet_cycle_has_no_winner() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![
        strict(1, &[1, 2, 3]),
        strict(1, &[2, 3, 1]),
        strict(1, &[3, 1, 2]),
    ];
    let t = count(&alts, &ballots, VoteMethod::Condorcet);
    assert!(t.winners.is_empty());
    assert_eq!(t.ranking, ranking(&[&[1, 2, 3]]));
    assert!(t.scores.iter().all(|(_, p)| *p == Points::whole(1)));
    // The other Condorcet methods report the three-way tie.
    for method in [
        VoteMethod::Schulze,
        VoteMethod::RankedPairs,
        VoteMethod::Copeland,
    ] {
        let t = count(&alts, &ballots, method.clone());
        assert_eq!(t.winners, ids(&[1, 2, 3]), "{method:?}");
        assert_eq!(t.ranking, ranking(&[&[1, 2, 3]]), "{method:?}");
    }
}

#[test]
fn ranked_pairs_equal_strength_cycle_is_not_broken_silently() {
    // A>B by 10 votes is locked; B>C and C>A both have 8 and close a cycle with A>B together.
    // Locking one of them would depend on the order they are listed in, so neither is locked:
    // A and C tie at the top.
    let ballots = vec![
        strict(5, &[1, 2, 3]),
        strict(3, &[2, 3, 1]),
        strict(5, &[3, 1, 2]),
    ];
    let alts = ids(&[1, 2, 3]);
    let t = count(&alts, &ballots, VoteMethod::RankedPairs);
    assert_eq!(t.pairwise.as_ref().unwrap().wins[0][1], 10);
    assert_eq!(t.winners, ids(&[1, 3]));
    assert_eq!(t.ranking, ranking(&[&[1, 3], &[2]]));
}

#[test]
fn plurality_equal_votes_both_win() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![
        ballot(2, &[&[1]]),
        ballot(1, &[&[2]]),
        ballot(1, &[&[2], &[3]]),
    ];
    let t = count(&alts, &ballots, VoteMethod::Plurality);
    assert_eq!(t.winners, ids(&[1, 2]));
    assert_eq!(t.ranking, ranking(&[&[1, 2], &[3]]));
}

#[test]
fn plurality_ignores_tie_at_top() {
    let alts = ids(&[1, 2]);
    let ballots = vec![ballot(3, &[&[1, 2]]), ballot(1, &[&[2], &[1]])];
    let t = count(&alts, &ballots, VoteMethod::Plurality);
    assert_eq!(t.ballots, 4);
    assert_eq!(t.ignored, 0);
    assert_eq!(score_of(&t, 1), Points::whole(0));
    assert_eq!(score_of(&t, 2), Points::whole(1));
    assert_eq!(t.winners, ids(&[2]));
}

#[test]
fn plurality_without_any_vote_has_no_winner() {
    let alts = ids(&[1, 2]);
    let t = count(&alts, &[ballot(2, &[&[1, 2]])], VoteMethod::Plurality);
    assert_eq!(t.ballots, 2);
    assert!(t.winners.is_empty());
    assert_eq!(t.ranking, ranking(&[&[1, 2]]));
}

#[test]
fn irv_all_tied_all_win() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![
        strict(2, &[1, 2, 3]),
        strict(2, &[2, 3, 1]),
        strict(2, &[3, 1, 2]),
    ];
    let t = count(&alts, &ballots, VoteMethod::Irv);
    assert_eq!(t.winners, ids(&[1, 2, 3]));
    assert_eq!(t.ranking, ranking(&[&[1, 2, 3]]));
    assert_eq!(t.rounds.len(), 1);
    assert!(t.rounds[0].eliminated.is_empty());
}

#[test]
fn irv_tied_for_last_are_eliminated_together() {
    let alts = ids(&[1, 2, 3, 4]);
    let ballots = vec![
        strict(4, &[1, 2]),
        strict(3, &[2, 1]),
        strict(2, &[3, 2]),
        strict(2, &[4, 2]),
    ];
    let t = count(&alts, &ballots, VoteMethod::Irv);
    assert_eq!(t.rounds[0].eliminated, ids(&[3, 4]));
    assert_eq!(t.rounds[1].votes, vec![(id(1), 4), (id(2), 7)]);
    assert_eq!(t.winners, ids(&[2]));
    assert_eq!(t.ranking, ranking(&[&[2], &[1], &[3, 4]]));
}

#[test]
fn irv_tie_at_top_and_exhausted_ballots_count_for_nobody() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![
        ballot(4, &[&[1]]),
        ballot(3, &[&[2]]),
        // After 3 is eliminated, its highest continuing rank is a tie between 1 and 2.
        ballot(2, &[&[3], &[1, 2]]),
    ];
    let t = count(&alts, &ballots, VoteMethod::Irv);
    assert_eq!(t.rounds[0].eliminated, ids(&[3]));
    assert_eq!(t.rounds[1].exhausted, 2);
    assert_eq!(t.rounds[1].votes, vec![(id(1), 4), (id(2), 3)]);
    assert_eq!(t.winners, ids(&[1]));
    assert_eq!(t.ranking, ranking(&[&[1], &[2], &[3]]));
}

#[test]
fn irv_majority_in_first_round_ranks_the_rest_by_votes() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![strict(6, &[1]), strict(1, &[2]), strict(3, &[3])];
    let t = count(&alts, &ballots, VoteMethod::Irv);
    assert_eq!(t.rounds.len(), 1);
    assert_eq!(t.ranking, ranking(&[&[1], &[3], &[2]]));
}

// --- Incomplete and malformed ballots --------------------------------------------------------

#[test]
fn borda_incomplete_ballots_share_average_positions() {
    let alts = ids(&[1, 2, 3, 4]);
    // [1]: 1 gets 3, the three unranked share (2+1+0)/3 = 1.
    // [1,2 tied], [3]: 1 and 2 share 2.5, 3 gets 1, 4 gets 0.
    let ballots = vec![ballot(1, &[&[1]]), ballot(1, &[&[1, 2], &[3]])];
    let t = count(&alts, &ballots, VoteMethod::Borda);
    let doubled: Vec<i64> = t.scores.iter().map(|(_, p)| p.scaled).collect();
    assert_eq!(doubled, vec![6 + 5, 2 + 5, 2 + 2, 2]);
    assert_eq!(score_of(&t, 2).to_string(), "3.50");
    assert_eq!(t.winners, ids(&[1]));
}

#[test]
fn incomplete_ballots_pairwise_ranked_beats_unranked_only() {
    let alts = ids(&[1, 2, 3]);
    let ballots = vec![ballot(2, &[&[1]]), ballot(1, &[&[3], &[2]])];
    let t = count(&alts, &ballots, VoteMethod::Copeland);
    let wins = t.pairwise.unwrap().wins;
    assert_eq!(wins, vec![vec![0, 2, 2], vec![1, 0, 0], vec![1, 1, 0]]);
    assert_eq!(t.winners, ids(&[1]));
}

#[test]
fn unknown_alternatives_and_duplicates_are_dropped_on_the_ballot() {
    let alts = ids(&[1, 2]);
    // 99 is not on the list (its group becomes empty), 2 keeps its first place.
    let ballots = vec![ballot(1, &[&[99], &[2], &[1, 2]])];
    let t = count(&alts, &ballots, VoteMethod::Plurality);
    assert_eq!(t.winners, ids(&[2]));
    let t = count(&alts, &ballots, VoteMethod::Condorcet);
    assert_eq!(t.pairwise.unwrap().wins, vec![vec![0, 0], vec![1, 0]]);
    assert_eq!(t.winners, ids(&[2]));
}

#[test]
fn other_ballot_kinds_are_ignored_not_panicking() {
    let alts = ids(&[1, 2]);
    let ballots = vec![
        Ballot {
            voter: None,
            count: 3,
            choice: Choice::Approval(ids(&[1])),
        },
        strict(1, &[2, 1]),
    ];
    for method in RANKED_METHODS {
        let t = count(&alts, &ballots, method.clone());
        assert_eq!(t.ballots, 1, "{method:?}");
        assert_eq!(t.ignored, 3, "{method:?}");
        assert_eq!(t.winners, ids(&[2]), "{method:?}");
    }
}

#[test]
fn no_ballots_no_winner() {
    let alts = ids(&[1, 2, 3]);
    for method in RANKED_METHODS {
        let t = count(&alts, &[], method.clone());
        assert_eq!(t.ballots, 0);
        assert!(t.winners.is_empty(), "{method:?}");
        assert_eq!(t.ranking, ranking(&[&[1, 2, 3]]), "{method:?}");
        let t = count(&[], &[strict(1, &[1])], method.clone());
        assert!(t.winners.is_empty(), "{method:?}");
        assert!(t.ranking.is_empty(), "{method:?}");
    }
}

// --- Properties ------------------------------------------------------------------------------

/// Alternatives 0..n; each ballot gives each alternative a level 0..=n (n = unlisted), a count
/// 1..=3.
fn elections() -> impl Strategy<Value = (Vec<AlternativeId>, Vec<Ballot>)> {
    elections_of(1..=5, |n| n, 0..12)
}

/// Elections of `sizes` alternatives (0..n) and `ballots` ballots; each ballot gives each
/// alternative a level 0..=unlisted(n), the last one leaving it unlisted, and a count 1..=3.
fn elections_of(
    sizes: std::ops::RangeInclusive<usize>,
    unlisted: fn(usize) -> usize,
    ballots: std::ops::Range<usize>,
) -> impl Strategy<Value = (Vec<AlternativeId>, Vec<Ballot>)> {
    sizes.prop_flat_map(move |n| {
        let unlisted = unlisted(n);
        let ballot =
            (1u32..=3, prop::collection::vec(0..=unlisted, n)).prop_map(move |(count, levels)| {
                let groups: Vec<Vec<AlternativeId>> = (0..unlisted)
                    .map(|level| {
                        (0..n)
                            .filter(|a| levels[*a] == level)
                            .map(|a| id(a as u32))
                            .collect()
                    })
                    .filter(|g: &Vec<AlternativeId>| !g.is_empty())
                    .collect();
                Ballot {
                    voter: None,
                    count,
                    choice: Choice::Ranking(groups),
                }
            });
        (
            Just((0..n as u32).map(id).collect::<Vec<_>>()),
            prop::collection::vec(ballot, ballots.clone()),
        )
    })
}

fn relabel_tally(t: &Tally, f: &impl Fn(AlternativeId) -> AlternativeId) -> Tally {
    let mut t = t.clone();
    t.winners = t.winners.iter().map(|a| f(*a)).collect();
    t.ranking = t
        .ranking
        .iter()
        .map(|g| g.iter().map(|a| f(*a)).collect())
        .collect();
    t.scores = t.scores.iter().map(|(a, p)| (f(*a), *p)).collect();
    if let Some(p) = &mut t.pairwise {
        p.alternatives = p.alternatives.iter().map(|a| f(*a)).collect();
    }
    for round in &mut t.rounds {
        round.votes = round.votes.iter().map(|(a, v)| (f(*a), *v)).collect();
        round.eliminated = round.eliminated.iter().map(|a| f(*a)).collect();
    }
    t
}

/// Instant-runoff by its definition, every ballot looked at again every round: the rounds and
/// the winners. The oracle for the counter, which only looks again at ballots that move.
fn irv_by_recounting(
    alternatives: &[AlternativeId],
    ballots: &[Ballot],
) -> (Vec<IrvRound>, Vec<AlternativeId>) {
    let mut continuing: Vec<AlternativeId> = alternatives.to_vec();
    let stored: u64 = ballots.iter().map(|b| u64::from(b.count)).sum();
    let mut rounds = Vec::new();
    loop {
        let mut votes: Vec<(AlternativeId, u64)> = continuing.iter().map(|a| (*a, 0)).collect();
        for ballot in ballots {
            let Choice::Ranking(groups) = &ballot.choice else {
                unreachable!()
            };
            // The first group holding a continuing alternative; it counts only when alone.
            let top = groups.iter().find_map(|group| {
                let on: Vec<&AlternativeId> =
                    group.iter().filter(|a| continuing.contains(a)).collect();
                (!on.is_empty()).then_some(on)
            });
            if let Some([only]) = top.as_deref() {
                let slot = votes.iter_mut().find(|(a, _)| a == *only).unwrap();
                slot.1 += u64::from(ballot.count);
            }
        }
        let total: u64 = votes.iter().map(|(_, v)| v).sum();
        let exhausted = stored - total;
        let min = votes.iter().map(|(_, v)| *v).min().unwrap();
        let max = votes.iter().map(|(_, v)| *v).max().unwrap();
        let majority: Vec<AlternativeId> = votes
            .iter()
            .filter(|(_, v)| v * 2 > total)
            .map(|(a, _)| *a)
            .collect();
        let winners = if !majority.is_empty() {
            majority
        } else if min == max {
            continuing.clone()
        } else {
            Vec::new()
        };
        if !winners.is_empty() {
            rounds.push(IrvRound {
                votes,
                exhausted,
                eliminated: Vec::new(),
            });
            return (rounds, winners);
        }
        let out: Vec<AlternativeId> = votes
            .iter()
            .filter(|(_, v)| *v == min)
            .map(|(a, _)| *a)
            .collect();
        continuing.retain(|a| !out.contains(a));
        rounds.push(IrvRound {
            votes,
            exhausted,
            eliminated: out,
        });
    }
}

/// Larger elections than [`elections`], with many ties at the top: up to 8 alternatives, up
/// to 40 ballots, each alternative on a level 0..=n/2 or unlisted.
fn tied_elections() -> impl Strategy<Value = (Vec<AlternativeId>, Vec<Ballot>)> {
    elections_of(2..=8, |n| n / 2 + 1, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn irv_counts_as_a_round_by_round_recount((alts, ballots) in tied_elections()) {
        let t = count(&alts, &ballots, VoteMethod::Irv);
        let (rounds, winners) = irv_by_recounting(&alts, &ballots);
        prop_assert_eq!(t.rounds, rounds);
        prop_assert_eq!(t.winners, winners);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn ballot_order_does_not_matter(
        (alts, ballots) in elections(),
        perm in prop::collection::vec(any::<prop::sample::Index>(), 12),
    ) {
        let mut shuffled = ballots.clone();
        for i in (1..shuffled.len()).rev() {
            let j = perm[i].index(i + 1);
            shuffled.swap(i, j);
        }
        for method in RANKED_METHODS {
            prop_assert_eq!(
                count(&alts, &ballots, method.clone()),
                count(&alts, &shuffled, method.clone())
            );
        }
    }

    #[test]
    fn condorcet_winner_wins_schulze_ranked_pairs_copeland((alts, ballots) in elections()) {
        let condorcet = count(&alts, &ballots, VoteMethod::Condorcet);
        if condorcet.winners.len() == 1 {
            for method in [VoteMethod::Schulze, VoteMethod::RankedPairs, VoteMethod::Copeland] {
                let t = count(&alts, &ballots, method.clone());
                prop_assert_eq!(&t.winners, &condorcet.winners, "{:?}", method);
                prop_assert_eq!(&t.ranking[0], &condorcet.winners, "{:?}", method);
            }
        }
    }

    #[test]
    fn relabelling_alternatives_relabels_the_result(
        (alts, ballots) in elections(),
        shuffle in any::<prop::sample::Index>(),
    ) {
        // A permutation of the ids (kept in the same ballot positions), moved to 100, 101, …
        let n = alts.len();
        let mut image: Vec<u32> = (0..n as u32).map(|i| 100 + i).collect();
        let k = shuffle.index(n.max(1));
        image.rotate_left(k);
        if n > 2 {
            image.swap(0, n - 1);
        }
        let f = |a: AlternativeId| id(image[a.0 as usize]);
        let alts2: Vec<AlternativeId> = alts.iter().map(|a| f(*a)).collect();
        let ballots2: Vec<Ballot> = ballots
            .iter()
            .map(|b| {
                let Choice::Ranking(groups) = &b.choice else { unreachable!() };
                Ballot {
                    voter: None,
                    count: b.count,
                    choice: Choice::Ranking(
                        groups.iter().map(|g| g.iter().map(|a| f(*a)).collect()).collect(),
                    ),
                }
            })
            .collect();
        for method in RANKED_METHODS {
            let original = count(&alts, &ballots, method.clone());
            let relabelled = count(&alts2, &ballots2, method.clone());
            prop_assert_eq!(relabel_tally(&original, &f), relabelled);
        }
    }
}

#[test]
fn ranked_methods_count_up_to_1000_alternatives_and_refuse_more() {
    let at_limit: Vec<AlternativeId> = (1..=1_000).map(id).collect();
    let ballots = [ballot(2, &[&[1_000], &[7, 9]]), strict(1, &[7])];
    for method in RANKED_METHODS {
        let t = count(&at_limit, &ballots, method.clone());
        assert_eq!(t.ballots, 3, "{method:?}");
    }
    let t = count(&at_limit, &ballots, VoteMethod::Plurality);
    assert_eq!(t.winners, ids(&[1_000]));

    let over: Vec<AlternativeId> = (1..=1_001).map(id).collect();
    for method in RANKED_METHODS {
        let election = Election {
            alternatives: &over,
            ballots: &ballots,
            method: &method,
            quorum: None,
            threshold: Threshold::SimpleMajority,
        };
        let error = tally(&election).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "the {} method's settings cannot be used: 1001 alternatives; a ranked method \
                 counts at most 1,000",
                method.cli_name()
            )
        );
    }
}
