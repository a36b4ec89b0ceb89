//! Cardinal methods: approval, dot voting, score voting, majority judgment and the
//! multi-criteria matrix.
//!
//! Rules shared by every method here:
//! - a ballot of the wrong kind (say, a ranking in a score vote) is not counted: it adds its
//!   `count` to [`Tally::ignored`];
//! - entries naming an alternative that is not in the election are dropped before the ballot is
//!   checked, so they neither count nor make the ballot invalid;
//! - a ballot that breaks the method's rules (too many dots, a score out of range, the same
//!   alternative scored twice, …) is not counted at all — never partially — and adds its
//!   `count` to [`Tally::ignored`];
//! - a ballot with `count` k counts exactly like k identical ballots;
//! - totals are exact integers (accumulated as `i128`; a [`Points`] shown for a total beyond
//!   `i64` saturates, the ranking itself uses the exact total);
//! - `scores` lists every alternative in ballot order; the ranking lists ties in ballot order;
//!   the winners are the first tie group, or nobody when no ballot was counted.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::{Election, Points, Setting, Tally, TallyError, rank_by};
use crate::model::{AlternativeId, Choice, Criterion, GoalId};

/// Index of every alternative of the election, by id.
fn index_of(alternatives: &[AlternativeId]) -> HashMap<AlternativeId, usize> {
    alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (*a, i))
        .collect()
}

/// A whole-number [`Points`] for an exact total, saturating beyond `i64`.
fn points(total: i128) -> Points {
    let clamped = total.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    Points::whole(i64::try_from(clamped).unwrap_or(0))
}

/// Builds the tally of a method whose result is one exact total per alternative (higher is
/// better).
fn by_totals(
    method: &'static str,
    election: &Election<'_>,
    totals: &[i128],
    counted: u64,
    ignored: u64,
) -> Tally {
    let alternatives = election.alternatives;
    let index = index_of(alternatives);
    let ranking = rank_by(alternatives, |a| index.get(&a).map_or(0, |i| totals[*i]));
    let winners = if counted == 0 {
        Vec::new()
    } else {
        ranking.first().cloned().unwrap_or_default()
    };
    let mut tally = Tally::empty(method, alternatives);
    tally.ballots = counted;
    tally.ignored = ignored;
    tally.winners = winners;
    tally.ranking = ranking;
    tally.scores = alternatives
        .iter()
        .zip(totals)
        .map(|(a, t)| (*a, points(*t)))
        .collect();
    tally
}

/// Approval voting: each ballot ([`Choice::Approval`]) approves any number of alternatives;
/// the totals are the approvals per alternative, most approvals wins. Approving the same
/// alternative twice on one ballot counts once.
pub fn approval(election: &Election<'_>) -> Tally {
    let index = index_of(election.alternatives);
    let mut totals = vec![0i128; election.alternatives.len()];
    let (mut counted, mut ignored) = (0u64, 0u64);
    let mut seen = vec![false; election.alternatives.len()];
    for ballot in election.ballots {
        let count = u64::from(ballot.count);
        let Choice::Approval(approved) = &ballot.choice else {
            ignored += count;
            continue;
        };
        seen.iter_mut().for_each(|s| *s = false);
        for alternative in approved {
            if let Some(&i) = index.get(alternative)
                && !seen[i]
            {
                seen[i] = true;
                totals[i] += i128::from(ballot.count);
            }
        }
        counted += count;
    }
    by_totals("approval", election, &totals, counted, ignored)
}

/// Dot voting: each ballot ([`Choice::Dots`]) spreads at most `dots` dots, at most `cap` on
/// one alternative (dots given to one alternative in several entries add up). A ballot that
/// spends more is invalid and is not counted at all. The totals are the dots per alternative.
///
/// Errors: zero dots, or a cap of zero.
pub fn dot(election: &Election<'_>, dots: u32, cap: Option<u32>) -> Result<Tally, TallyError> {
    const METHOD: &str = "dot";
    if dots == 0 {
        return Err(bad(METHOD, Setting::NoDots));
    }
    if cap == Some(0) {
        return Err(bad(METHOD, Setting::ZeroCap));
    }
    let index = index_of(election.alternatives);
    let mut totals = vec![0i128; election.alternatives.len()];
    let (mut counted, mut ignored) = (0u64, 0u64);
    let mut spent = vec![0u64; election.alternatives.len()];
    for ballot in election.ballots {
        let count = u64::from(ballot.count);
        let Choice::Dots(entries) = &ballot.choice else {
            ignored += count;
            continue;
        };
        spent.iter_mut().for_each(|s| *s = 0);
        for entry in entries {
            if let Some(&i) = index.get(&entry.alternative) {
                spent[i] += u64::from(entry.dots);
            }
        }
        let total: u64 = spent.iter().sum();
        let over_cap = cap.is_some_and(|cap| spent.iter().any(|s| *s > u64::from(cap)));
        if total > u64::from(dots) || over_cap {
            ignored += count;
            continue;
        }
        for (t, s) in totals.iter_mut().zip(&spent) {
            *t += i128::from(*s) * i128::from(ballot.count);
        }
        counted += count;
    }
    Ok(by_totals(METHOD, election, &totals, counted, ignored))
}

/// Reads a [`Choice::Scores`] ballot into one value per alternative (ballot order), a blank
/// counting as `blank`. `None` when the ballot is invalid: a value outside `min..=max`, or the
/// same alternative scored twice.
fn read_scores(
    choice: &Choice,
    index: &HashMap<AlternativeId, usize>,
    len: usize,
    (min, max, blank): (i32, i32, i32),
    values: &mut Vec<i32>,
    given: &mut Vec<bool>,
) -> Option<()> {
    let Choice::Scores(scores) = choice else {
        return None;
    };
    values.clear();
    values.resize(len, blank);
    given.clear();
    given.resize(len, false);
    for score in scores {
        let Some(&i) = index.get(&score.alternative) else {
            continue;
        };
        if given[i] || score.value < min || score.value > max {
            return None;
        }
        given[i] = true;
        values[i] = score.value;
    }
    Some(())
}

/// Reads every ballot of `election` with [`read_scores`] (`range` is `(min, max, blank)`) and
/// hands each valid one's values, one per alternative, to `add` with the ballot's count.
/// Returns how many ballots were counted and how many ignored as invalid.
fn each_valid_scores(
    election: &Election<'_>,
    range: (i32, i32, i32),
    mut add: impl FnMut(&[i32], u32),
) -> (u64, u64) {
    let len = election.alternatives.len();
    let index = index_of(election.alternatives);
    let (mut counted, mut ignored) = (0u64, 0u64);
    let (mut values, mut given) = (Vec::new(), Vec::new());
    for ballot in election.ballots {
        let count = u64::from(ballot.count);
        let valid = read_scores(&ballot.choice, &index, len, range, &mut values, &mut given);
        if valid.is_none() {
            ignored += count;
            continue;
        }
        add(&values, ballot.count);
        counted += count;
    }
    (counted, ignored)
}

/// Score voting: each ballot ([`Choice::Scores`]) scores alternatives in `min..=max`; an
/// alternative the ballot leaves blank counts as `min`. A value out of range, or the same
/// alternative scored twice, makes the ballot invalid (not counted at all). The totals are the
/// sums of the scores; the highest sum wins.
///
/// Errors: `min ≥ max`.
pub fn score(election: &Election<'_>, min: i32, max: i32) -> Result<Tally, TallyError> {
    const METHOD: &str = "score";
    if min >= max {
        return Err(bad(METHOD, Setting::ScoreRange { min, max }));
    }
    let mut totals = vec![0i128; election.alternatives.len()];
    let (counted, ignored) = each_valid_scores(election, (min, max, min), |values, count| {
        for (t, v) in totals.iter_mut().zip(values) {
            *t += i128::from(*v) * i128::from(count);
        }
    });
    Ok(by_totals(METHOD, election, &totals, counted, ignored))
}

/// The grades one alternative received: how many of each grade, worst first.
#[derive(Clone, Debug)]
struct Grades {
    /// `counts[g]` = how many ballots gave grade `g`.
    counts: Vec<u64>,
    /// `starts[g]` = the position of the first grade `g` in the sorted (ascending) list.
    starts: Vec<u64>,
    /// How many grades in all.
    total: u64,
}

impl Grades {
    fn new(counts: Vec<u64>) -> Self {
        let mut starts = Vec::with_capacity(counts.len());
        let mut total = 0u64;
        for c in &counts {
            starts.push(total);
            total += c;
        }
        Self {
            counts,
            starts,
            total,
        }
    }

    /// The grade at `position` (0-based) of the ascending sorted list; `position < total`.
    fn at(&self, position: u64) -> usize {
        // The last grade whose first position is ≤ `position` and which occurs at all.
        let mut grade = 0;
        for (g, (start, count)) in self.starts.iter().zip(&self.counts).enumerate() {
            if *start > position {
                break;
            }
            if *count > 0 {
                grade = g;
            }
        }
        grade
    }

    /// The lower median: the grade at position ⌊(n − 1)/2⌋ of the ascending list.
    fn lower_median(&self) -> Option<usize> {
        (self.total > 0).then(|| self.at((self.total - 1) / 2))
    }

    /// The positions where the grade changes (the first position of each grade).
    fn breaks(&self) -> impl Iterator<Item = u64> + '_ {
        self.starts.iter().copied()
    }
}

/// Compares two alternatives by their Balinski–Laraki majority value, `Greater` = `a` better.
///
/// The majority value is the sequence of lower medians obtained by repeatedly removing one
/// median grade; sequences are compared lexicographically. With the list sorted ascending,
/// x₀ ≤ … ≤ xₙ₋₁ and m = ⌊(n − 1)/2⌋, removing lower medians one at a time takes the grades at
/// positions m, m−1, m+1, m−2, m+2, … when n is odd and m, m+1, m−1, m+2, m−2, … when n is
/// even. So rather than removing grades one by one (n steps, n can be a large ballot count),
/// this finds the nearest position below m and the nearest above m where the two lists differ
/// (jumping from one grade boundary to the next) and compares at whichever comes first in
/// that order. Both lists have the same length (every counted ballot grades every
/// alternative, a blank being the lowest grade).
fn majority_value_cmp(a: &Grades, b: &Grades) -> Ordering {
    let n = a.total.min(b.total);
    if n == 0 {
        return Ordering::Equal;
    }
    let m = (n - 1) / 2;
    let breaks: Vec<u64> = {
        let mut all: Vec<u64> = a.breaks().chain(b.breaks()).filter(|p| *p < n).collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    // Nearest position ≤ m (downwards) where the lists differ.
    let mut lower = None;
    let mut p = m;
    loop {
        if a.at(p) != b.at(p) {
            lower = Some(p);
            break;
        }
        // Both lists are constant from the last break ≤ p up to p: jump below that break.
        match breaks.iter().rev().find(|b| **b <= p) {
            Some(&start) if start > 0 => p = start - 1,
            _ => break,
        }
    }
    // Nearest position > m (upwards) where the lists differ.
    let mut upper = None;
    let mut p = m + 1;
    while p < n {
        if a.at(p) != b.at(p) {
            upper = Some(p);
            break;
        }
        match breaks.iter().find(|b| **b > p) {
            Some(&next) => p = next,
            None => break,
        }
    }
    // The step at which each position is removed (0 = the first median).
    let odd = n % 2 == 1;
    let step_lower = |p: u64| {
        let d = m - p;
        if d == 0 {
            0
        } else if odd {
            2 * d - 1
        } else {
            2 * d
        }
    };
    let step_upper = |p: u64| {
        let d = p - m;
        if odd { 2 * d } else { 2 * d - 1 }
    };
    let first = match (lower, upper) {
        (None, None) => return Ordering::Equal,
        (Some(l), None) => l,
        (None, Some(u)) => u,
        (Some(l), Some(u)) => {
            if step_lower(l) < step_upper(u) {
                l
            } else {
                u
            }
        }
    };
    a.at(first).cmp(&b.at(first))
}

/// Majority judgment: each ballot ([`Choice::Scores`]) gives each alternative a grade, the
/// value being the grade's index `0..grades` (higher is better); a blank is the lowest grade,
/// 0. A grade out of range, or the same alternative graded twice, makes the ballot invalid
/// (not counted at all). Each alternative's grade is its lower median (with an even number of
/// grades, the lower of the two middle ones). Alternatives with equal medians are ordered by
/// the Balinski–Laraki majority value: remove one median grade from each and compare the new
/// lower medians, again and again, until they differ; if the grades run out they stay tied.
///
/// [`Tally::medians`] and `scores` hold each alternative's median grade (both empty when no
/// ballot was counted: nothing has a median then, and all alternatives tie).
///
/// Errors: fewer than two grades.
pub fn majority_judgment(election: &Election<'_>, grades: usize) -> Result<Tally, TallyError> {
    const METHOD: &str = "majority-judgment";
    if grades < 2 {
        return Err(bad(METHOD, Setting::TooFewGrades { grades }));
    }
    let max = i32::try_from(grades - 1).unwrap_or(i32::MAX);
    let alternatives = election.alternatives;
    let len = alternatives.len();
    let mut counts = vec![vec![0u64; grades]; len];
    let (counted, ignored) = each_valid_scores(election, (0, max, 0), |values, count| {
        for (c, v) in counts.iter_mut().zip(values) {
            // `v` is in 0..grades: checked by `read_scores`.
            if let Some(slot) = usize::try_from(*v).ok().and_then(|g| c.get_mut(g)) {
                *slot += u64::from(count);
            }
        }
    });
    let mut tally = Tally::empty(METHOD, alternatives);
    tally.ballots = counted;
    tally.ignored = ignored;
    if counted == 0 {
        return Ok(tally);
    }
    let lists: Vec<Grades> = counts.into_iter().map(Grades::new).collect();
    let medians: Vec<usize> = lists
        .iter()
        .map(|g| g.lower_median().unwrap_or(0))
        .collect();
    let mut order: Vec<usize> = (0..len).collect();
    let better = |x: usize, y: usize| {
        medians[x]
            .cmp(&medians[y])
            .then_with(|| majority_value_cmp(&lists[x], &lists[y]))
    };
    // Stable: ties keep ballot order.
    order.sort_by(|x, y| better(*y, *x));
    let mut ranking: Vec<Vec<AlternativeId>> = Vec::new();
    let mut previous: Option<usize> = None;
    for i in order {
        match (ranking.last_mut(), previous) {
            (Some(group), Some(p)) if better(p, i) == Ordering::Equal => {
                group.push(alternatives[i]);
            }
            _ => ranking.push(vec![alternatives[i]]),
        }
        previous = Some(i);
    }
    tally.winners = ranking.first().cloned().unwrap_or_default();
    tally.ranking = ranking;
    tally.medians = alternatives
        .iter()
        .copied()
        .zip(medians.iter().copied())
        .collect();
    tally.scores = alternatives
        .iter()
        .zip(&medians)
        .map(|(a, m)| (*a, Points::whole(i64::try_from(*m).unwrap_or(i64::MAX))))
        .collect();
    Ok(tally)
}

/// The multi-criteria matrix: each ballot ([`Choice::Matrix`]) scores each alternative on
/// each criterion (a goal) in `min..=max`; a missing cell counts as `min`. An alternative's
/// total is Σ over ballots Σ over criteria weight × score (exact integers, no division); the
/// highest total wins. A value out of range, a goal that is not a criterion, or the same cell
/// given twice makes the ballot invalid (not counted at all).
///
/// Errors: no criteria, the same goal twice among the criteria, all weights zero, or
/// `min ≥ max`.
pub fn matrix(
    election: &Election<'_>,
    criteria: &[Criterion],
    min: i32,
    max: i32,
) -> Result<Tally, TallyError> {
    const METHOD: &str = "matrix";
    if criteria.is_empty() {
        return Err(bad(METHOD, Setting::NoCriteria));
    }
    if min >= max {
        return Err(bad(METHOD, Setting::ScoreRange { min, max }));
    }
    let mut criterion_index: HashMap<GoalId, usize> = HashMap::new();
    for (i, c) in criteria.iter().enumerate() {
        if criterion_index.insert(c.goal, i).is_some() {
            return Err(bad(METHOD, Setting::CriterionTwice { goal: c.goal }));
        }
    }
    if criteria.iter().all(|c| c.weight == 0) {
        return Err(bad(METHOD, Setting::ZeroWeights));
    }
    let weights: Vec<i128> = criteria.iter().map(|c| i128::from(c.weight)).collect();
    let index = index_of(election.alternatives);
    let len = election.alternatives.len();
    let width = criteria.len();
    let mut totals = vec![0i128; len];
    let (mut counted, mut ignored) = (0u64, 0u64);
    let mut cells = vec![min; len * width];
    let mut given = vec![false; len * width];
    'ballots: for ballot in election.ballots {
        let count = u64::from(ballot.count);
        let Choice::Matrix(entries) = &ballot.choice else {
            ignored += count;
            continue;
        };
        cells.iter_mut().for_each(|c| *c = min);
        given.iter_mut().for_each(|g| *g = false);
        for entry in entries {
            let Some(&a) = index.get(&entry.alternative) else {
                continue;
            };
            let Some(&c) = criterion_index.get(&entry.goal) else {
                ignored += count;
                continue 'ballots;
            };
            let cell = a * width + c;
            if given[cell] || entry.value < min || entry.value > max {
                ignored += count;
                continue 'ballots;
            }
            given[cell] = true;
            cells[cell] = entry.value;
        }
        for (a, total) in totals.iter_mut().enumerate() {
            let row = &cells[a * width..(a + 1) * width];
            let weighted: i128 = row
                .iter()
                .zip(&weights)
                .map(|(v, w)| i128::from(*v) * w)
                .sum();
            *total += weighted * i128::from(ballot.count);
        }
        counted += count;
    }
    Ok(by_totals(METHOD, election, &totals, counted, ignored))
}

/// A [`TallyError::BadSettings`].
fn bad(method: &'static str, reason: Setting) -> TallyError {
    TallyError::BadSettings { method, reason }
}
