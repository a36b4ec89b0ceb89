//! Counting time of every voting method on 10,000 ballots over 20 alternatives.
//!
//! The ballots are deterministic pseudo-random ones of the method's kind: ranked ballots with
//! some ties and some incomplete rankings for the ranked methods, approvals, dots, scores,
//! grades, matrix scores on three weighted criteria, and consent choices. Each method is
//! counted 20 times after two warm-up runs; the median and the 95th percentile are printed.
//! Target on the 2-core reference machine: ≤ 50 ms per method; and for a ranked CSV file read
//! from its bytes and counted (the `stratboard tally --ballots` path), a median ≤ 2 ms per
//! method, on these ballots and on full strict rankings of the same size (100 runs each, the
//! methods taking turns).
//!
//! `cargo bench --bench tally` (registered in Cargo.toml with `harness = false`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use stratboard_core::model::{
    AlternativeId, Ballot, Choice, ConsentChoice, Criterion, CriterionScore, Dots, GoalId, Score,
    Threshold, VoteMethod,
};
use stratboard_core::voting::{Election, import, tally, tally_ranked};

const BALLOTS: usize = 10_000;
const ALTERNATIVES: u32 = 20;
const RUNS: usize = 20;
const WARM_UP: usize = 2;
const TARGET: Duration = Duration::from_millis(50);
/// Target for reading a ranked CSV file's bytes and counting them (the median).
const CSV_TARGET: Duration = Duration::from_millis(2);

/// SplitMix64: a small deterministic generator, so every run counts the same ballots.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn alternatives() -> Vec<AlternativeId> {
    (1..=ALTERNATIVES).map(AlternativeId).collect()
}

fn ballot(choice: Choice) -> Ballot {
    Ballot {
        voter: None,
        count: 1,
        choice,
    }
}

/// Ranked ballots: a shuffled order, nudged towards a common order so the count is not a
/// 20-way tie; one in four ballots incomplete, one in ten adjacent pairs tied.
fn ranked(rng: &mut Rng, alternatives: &[AlternativeId]) -> Vec<Ballot> {
    (0..BALLOTS)
        .map(|_| {
            let mut order = nudged_order(rng, alternatives);
            if rng.chance(25) {
                order.truncate(1 + rng.below(order.len() as u64) as usize);
            }
            let mut groups: Vec<Vec<AlternativeId>> = Vec::new();
            for a in order {
                match groups.last_mut() {
                    Some(group) if rng.chance(10) => group.push(a),
                    _ => groups.push(vec![a]),
                }
            }
            ballot(Choice::Ranking(groups))
        })
        .collect()
}

fn approvals(rng: &mut Rng, alternatives: &[AlternativeId]) -> Vec<Ballot> {
    (0..BALLOTS)
        .map(|_| {
            let approved = alternatives
                .iter()
                .enumerate()
                .filter(|(i, _)| rng.chance(20 + *i as u64 * 2))
                .map(|(_, a)| *a)
                .collect();
            ballot(Choice::Approval(approved))
        })
        .collect()
}

fn dots(rng: &mut Rng, alternatives: &[AlternativeId], total: u32, cap: u32) -> Vec<Ballot> {
    (0..BALLOTS)
        .map(|_| {
            let mut given = vec![0u32; alternatives.len()];
            for _ in 0..total {
                let i = rng.below(alternatives.len() as u64) as usize;
                if given[i] < cap {
                    given[i] += 1;
                }
            }
            let dots = alternatives
                .iter()
                .zip(given)
                .filter(|(_, d)| *d > 0)
                .map(|(a, d)| Dots {
                    alternative: *a,
                    dots: d,
                })
                .collect();
            ballot(Choice::Dots(dots))
        })
        .collect()
}

/// Scores in `min..=max`; one in ten left blank.
fn scores(rng: &mut Rng, alternatives: &[AlternativeId], min: i32, max: i32) -> Vec<Ballot> {
    let span = (max - min + 1) as u64;
    (0..BALLOTS)
        .map(|_| {
            let mut scores = Vec::with_capacity(alternatives.len());
            for a in alternatives {
                if !rng.chance(10) {
                    scores.push(Score {
                        alternative: *a,
                        value: min + rng.below(span) as i32,
                    });
                }
            }
            ballot(Choice::Scores(scores))
        })
        .collect()
}

fn matrix(
    rng: &mut Rng,
    alternatives: &[AlternativeId],
    criteria: &[Criterion],
    min: i32,
    max: i32,
) -> Vec<Ballot> {
    let span = (max - min + 1) as u64;
    (0..BALLOTS)
        .map(|_| {
            let mut cells = Vec::with_capacity(alternatives.len() * criteria.len());
            for a in alternatives {
                for c in criteria {
                    cells.push(CriterionScore {
                        alternative: *a,
                        goal: c.goal,
                        value: min + rng.below(span) as i32,
                    });
                }
            }
            ballot(Choice::Matrix(cells))
        })
        .collect()
}

fn consent(rng: &mut Rng) -> Vec<Ballot> {
    (0..BALLOTS)
        .map(|_| {
            let choice = match rng.below(20) {
                0..=11 => ConsentChoice::For,
                12..=15 => ConsentChoice::Against,
                16..=18 => ConsentChoice::Abstain,
                _ => ConsentChoice::Block,
            };
            ballot(Choice::Consent(choice))
        })
        .collect()
}

/// Times `RUNS` counts; returns (median, p95, winners of the last count or the error).
fn measure(
    alternatives: &[AlternativeId],
    ballots: &[Ballot],
    method: &VoteMethod,
) -> (Duration, Duration, String) {
    let election = Election {
        alternatives,
        ballots,
        method,
        quorum: None,
        threshold: Threshold::SimpleMajority,
    };
    for _ in 0..WARM_UP {
        black_box(tally(black_box(&election)).ok());
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut outcome = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let result = tally(black_box(&election));
        times.push(start.elapsed());
        outcome = match black_box(result) {
            Ok(t) => format!(
                "{} ballots, winners {:?}",
                t.ballots,
                t.winners.iter().map(|a| a.0).collect::<Vec<_>>()
            ),
            Err(e) => format!("error: {e}"),
        };
    }
    let (median, p95) = median_and_p95(&mut times);
    (median, p95, outcome)
}

/// The median and the 95th percentile of `times` (at least two).
fn median_and_p95(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let runs = times.len();
    let median = (times[runs / 2 - 1] + times[runs / 2]) / 2;
    (median, times[(runs * 95).div_ceil(100) - 1])
}

/// One row of the printed table.
fn print_row(name: &str, median: Duration, p95: Duration, verdict: &str, outcome: &str) {
    println!(
        "{:<18} {:>7.2} ms {:>7.2} ms  {:<6} {}",
        name,
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        verdict,
        outcome
    );
}

/// The ranked ballots as a CSV file: one column per alternative, each cell the ballot's tie
/// group (1 = first), blank when unranked.
fn ranked_csv(ballots: &[Ballot], alternatives: &[AlternativeId]) -> Vec<u8> {
    let mut text = alternatives
        .iter()
        .map(|a| format!("A{}", a.0))
        .collect::<Vec<_>>()
        .join(",");
    text.push('\n');
    for ballot in ballots {
        let mut cells = vec![String::new(); alternatives.len()];
        if let Choice::Ranking(groups) = &ballot.choice {
            for (level, group) in groups.iter().enumerate() {
                for a in group {
                    cells[a.0 as usize - 1] = (level + 1).to_string();
                }
            }
        }
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text.into_bytes()
}

/// One read of a ranked CSV file's bytes straight into the compact profile, counted by
/// `method` (or only read, with `None`): the path `stratboard tally --ballots FILE.csv` takes
/// for ranked methods. Returns the ballots read or counted and the winners.
fn read_and_count(bytes: &[u8], method: Option<&VoteMethod>) -> Option<(u64, Vec<u32>)> {
    let (names, profile) = import::read_ranked_csv("bench.csv", black_box(bytes))?;
    let Some(method) = method else {
        return Some((profile.weights.len() as u64, Vec::new()));
    };
    let alternatives: Vec<AlternativeId> = (1..=names.len() as u32).map(AlternativeId).collect();
    let tally = tally_ranked(&alternatives, profile, method)?;
    Some((tally.ballots, tally.winners.iter().map(|a| a.0).collect()))
}

/// Full strict rankings (every alternative ranked, no ties), shaped like the hardening
/// issue's file: the same nudged shuffle as [`ranked`].
fn full_rankings(rng: &mut Rng, alternatives: &[AlternativeId]) -> Vec<Ballot> {
    (0..BALLOTS)
        .map(|_| {
            let order = nudged_order(rng, alternatives);
            ballot(Choice::Ranking(
                order.into_iter().map(|a| vec![a]).collect(),
            ))
        })
        .collect()
}

/// A shuffled order of `alternatives`, nudged towards their listed order so that counts are
/// not a tie of everyone.
fn nudged_order(rng: &mut Rng, alternatives: &[AlternativeId]) -> Vec<AlternativeId> {
    let mut keyed: Vec<(u64, AlternativeId)> = alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (rng.below(1000) + 40 * i as u64, *a))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, a)| a).collect()
}

/// Runs of each method on a CSV file: more than elsewhere, as each takes about a millisecond.
const CSV_RUNS: usize = 100;

/// Prints the CSV path's times for one file: reading alone, then read and counted by each
/// ranked method, against [`CSV_TARGET`]. The methods take turns run by run, so that a burst of
/// load on the machine slows them all a little instead of one a lot; the median is the verdict.
fn report_csv(title: &str, csv: &[u8]) {
    println!(
        "{title} ({} KB) read from its bytes into the compact profile and counted, \
         {CSV_RUNS} runs each, in turns (target: median ≤ {} ms):",
        csv.len() / 1024,
        CSV_TARGET.as_millis()
    );
    let methods = [
        ("read only", None),
        ("borda", Some(VoteMethod::Borda)),
        ("irv", Some(VoteMethod::Irv)),
        ("schulze", Some(VoteMethod::Schulze)),
        ("ranked-pairs", Some(VoteMethod::RankedPairs)),
        ("copeland", Some(VoteMethod::Copeland)),
        ("condorcet", Some(VoteMethod::Condorcet)),
    ];
    for (_, method) in &methods {
        for _ in 0..WARM_UP {
            black_box(read_and_count(csv, method.as_ref()));
        }
    }
    let mut times = vec![Vec::with_capacity(CSV_RUNS); methods.len()];
    let mut outcomes = vec![None; methods.len()];
    for _ in 0..CSV_RUNS {
        for (i, (_, method)) in methods.iter().enumerate() {
            let start = Instant::now();
            let outcome = black_box(read_and_count(csv, method.as_ref()));
            times[i].push(start.elapsed());
            outcomes[i] = outcome;
        }
    }
    for (((name, method), times), outcome) in methods.iter().zip(&mut times).zip(outcomes) {
        let (median, p95) = median_and_p95(times);
        let verdict = if median <= CSV_TARGET { "ok" } else { "OVER" };
        let outcome = match (outcome, method) {
            (None, _) => "not read".to_owned(),
            (Some((ballots, _)), None) => format!("{ballots} ballots read"),
            (Some((ballots, winners)), Some(_)) => {
                format!("{ballots} ballots, winners {winners:?}")
            }
        };
        print_row(name, median, p95, verdict, &outcome);
    }
}

fn main() {
    let alternatives = alternatives();
    let mut rng = Rng(0x5EED_2026);
    let ranked_ballots = ranked(&mut rng, &alternatives);
    let approval_ballots = approvals(&mut rng, &alternatives);
    let dot_ballots = dots(&mut rng, &alternatives, 5, 3);
    let score_ballots = scores(&mut rng, &alternatives, 0, 10);
    let grades: Vec<String> = ["reject", "poor", "fair", "good", "very good", "excellent"]
        .iter()
        .map(|g| g.to_string())
        .collect();
    let grade_ballots = scores(&mut rng, &alternatives, 0, grades.len() as i32 - 1);
    let criteria: Vec<Criterion> = [(1, 3), (2, 2), (3, 1)]
        .iter()
        .map(|&(goal, weight)| Criterion {
            goal: GoalId(goal),
            weight,
        })
        .collect();
    let matrix_ballots = matrix(&mut rng, &alternatives, &criteria, 0, 5);
    let consent_ballots = consent(&mut rng);
    let consent_alternative = &alternatives[..1];

    let cases: Vec<(&str, VoteMethod, &[AlternativeId], &[Ballot])> = vec![
        (
            "consent",
            VoteMethod::Consent { allow_block: true },
            consent_alternative,
            &consent_ballots,
        ),
        (
            "plurality",
            VoteMethod::Plurality,
            &alternatives,
            &ranked_ballots,
        ),
        (
            "approval",
            VoteMethod::Approval,
            &alternatives,
            &approval_ballots,
        ),
        (
            "dot",
            VoteMethod::Dot {
                dots: 5,
                cap: Some(3),
            },
            &alternatives,
            &dot_ballots,
        ),
        (
            "score",
            VoteMethod::Score { min: 0, max: 10 },
            &alternatives,
            &score_ballots,
        ),
        (
            "majority-judgment",
            VoteMethod::MajorityJudgment { grades },
            &alternatives,
            &grade_ballots,
        ),
        ("borda", VoteMethod::Borda, &alternatives, &ranked_ballots),
        ("irv", VoteMethod::Irv, &alternatives, &ranked_ballots),
        (
            "schulze",
            VoteMethod::Schulze,
            &alternatives,
            &ranked_ballots,
        ),
        (
            "ranked-pairs",
            VoteMethod::RankedPairs,
            &alternatives,
            &ranked_ballots,
        ),
        (
            "copeland",
            VoteMethod::Copeland,
            &alternatives,
            &ranked_ballots,
        ),
        (
            "condorcet",
            VoteMethod::Condorcet,
            &alternatives,
            &ranked_ballots,
        ),
        (
            "matrix",
            VoteMethod::Matrix {
                criteria,
                min: 0,
                max: 5,
            },
            &alternatives,
            &matrix_ballots,
        ),
    ];

    println!(
        "tally: {BALLOTS} ballots over {ALTERNATIVES} alternatives, {RUNS} runs per method \
         (target ≤ {} ms)",
        TARGET.as_millis()
    );
    println!(
        "{:<18} {:>10} {:>10}  {:<6} result",
        "method", "median", "p95", "target"
    );
    for (name, method, alts, ballots) in &cases {
        let (median, p95, outcome) = measure(alts, ballots, method);
        let verdict = if p95 <= TARGET { "ok" } else { "OVER" };
        print_row(name, median, p95, verdict, &outcome);
    }

    report_csv(
        "ranked CSV, the ballots above (ties, a quarter incomplete)",
        &ranked_csv(&ranked_ballots, &alternatives),
    );
    let full = full_rankings(&mut rng, &alternatives);
    report_csv(
        "ranked CSV, full strict rankings",
        &ranked_csv(&full, &alternatives),
    );
}
