//! Convergence of positions: how close the stakeholder groups' stances are, round by round, and
//! how much the voters' rankings agree. Pure functions over a [`Session`]; no I/O.
//!
//! # Definitions
//!
//! - **Stances** map to numbers: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2 ([`stance_value`]).
//!   "Undecided" (?) is left out of every measure (it is only counted apart).
//! - **The position of a group in round N** is its latest position recorded at or before round
//!   N (the highest round ≤ N; of two positions in that round, the one later in the session's
//!   list).
//! - **Consensus index** (Tastle & Wierman 2007): Cns = 1 + Σᵢ pᵢ · log₂(1 − |xᵢ − μ| / d),
//!   where pᵢ is the share of groups at stance value xᵢ, μ is the mean stance and d = 4 is the
//!   width of the scale ([`SCALE_WIDTH`]). All at one stance gives 1; half at ++ and half at −−
//!   gives 0. With fewer than 2 decided groups there is no index (`None`).
//! - **Median and IQR.** The median is the ordinary median. IQR = Q3 − Q1, with quantiles by
//!   linear interpolation between order statistics (R's type 7, numpy's default): for the
//!   sorted values x₀ ≤ … ≤ x₍ₙ₋₁₎, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) with h = (n − 1)p.
//! - **Kendall's W**, with the correction for ties: W = 12·S / (m²(n³ − n) − m·Σⱼ Tⱼ), where m
//!   is the number of ballots (a ballot with `count: k` counts k times), n is the number of
//!   alternatives on the ballot, each ballot gives ranks 1..n (tied alternatives share the mean
//!   of their positions; unranked alternatives are tied below all ranked ones),
//!   S = Σ (Rᵢ − R̄)² over the alternatives' rank sums Rᵢ, and Tⱼ = Σ (t³ − t) over the tie
//!   groups of ballot j. W is defined for votes with ranking ballots; it is `None` when m < 2
//!   or n < 2, or when the denominator is 0. A ballot is read as the counting reads it
//!   (`voting::ranked`): alternatives not on the vote are dropped, a repeated alternative keeps
//!   its first place, empty tie groups are skipped; ballots of another kind are left out.
//! - **Change** is this round's figure minus the previous round's (`None` in round 1, or when
//!   either is undefined).
//! - **Arrows**: from round 2 on, a group decided in this round and the previous one *moved
//!   toward* agreement when its distance to this round's mean shrank
//!   (|xₙ − μₙ| < |xₙ₋₁ − μₙ|), *moved apart* when it grew, and *held* otherwise.
//! - **Group weights.** When any group has a [`vote_weight`](crate::model::StakeholderGroup),
//!   the weighted figures are computed as well, with the weights as frequency weights (a group
//!   of weight 3 counts as three groups at its stance; a group without a weight counts 1; a
//!   group of weight 0 is left out). The unweighted figures are always there.
//! - **Agreement.** In an alternative's last round it is *unifying* when the mean is at least
//!   [`UNIFYING_MIN_MEAN`] and the consensus index at least [`UNIFYING_MIN_CONSENSUS`];
//!   *divisive* when at least [`DIVISIVE_MIN_SHARE`] of the decided groups are at +1 or above
//!   and at least as large a share at −1 or below; otherwise neither. Alternatives are ranked by
//!   the consensus index (highest first; none last), then by the mean, then in session order.
//! - **Stability** (Delphi practice): positions are stable when there are at least 2 rounds and
//!   every alternative with an index in both of the last two rounds changed by less than
//!   [`STABLE_CHANGE`] (and at least one alternative has an index in both).
//! - **Score and majority-judgment votes**: the IQR of each alternative's scores per round,
//!   read as the counting reads them (a blank is the lowest score, or grade 0; a ballot with a
//!   value out of range or an alternative scored twice is left out).

use std::collections::HashMap;

use crate::model::{
    AlternativeId, Ballot, Choice, GroupId, Position, Session, Stance, Vote, VoteId, VoteMethod,
};

/// The width of the stance scale (−2..=2), `d` in the consensus index.
pub const SCALE_WIDTH: f64 = 4.0;
/// A unifying alternative has a mean stance at least this high …
pub const UNIFYING_MIN_MEAN: f64 = 1.0;
/// … and a consensus index at least this high.
pub const UNIFYING_MIN_CONSENSUS: f64 = 0.7;
/// A divisive alternative has at least this share of the decided groups at +1 or above, and at
/// least this share at −1 or below.
pub const DIVISIVE_MIN_SHARE: f64 = 0.3;
/// Positions are stable when every index changed by less than this between the last two rounds.
pub const STABLE_CHANGE: f64 = 0.05;

/// The stances' symbols as the command line and the protocol print them, in [`Stance::ALL`]
/// order: `++`, `+`, `0`, `-`, `--`, `?`.
pub const STANCE_SYMBOLS: [&str; 6] = ["++", "+", "0", "-", "--", "?"];

/// The number a stance stands for: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2; `None` for
/// undecided.
pub fn stance_value(stance: Stance) -> Option<i32> {
    match stance {
        Stance::StronglyFor => Some(2),
        Stance::For => Some(1),
        Stance::Neutral => Some(0),
        Stance::Against => Some(-1),
        Stance::StronglyAgainst => Some(-2),
        Stance::Undecided => None,
    }
}

/// The symbol of a stance (see [`STANCE_SYMBOLS`]).
pub fn stance_symbol(stance: Stance) -> &'static str {
    let index = Stance::ALL.iter().position(|s| *s == stance).unwrap_or(5);
    STANCE_SYMBOLS[index]
}

/// How many groups hold each stance in one round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StanceCounts(pub [u32; 6]);

impl StanceCounts {
    /// How many groups hold `stance`.
    pub fn of(&self, stance: Stance) -> u32 {
        Stance::ALL
            .iter()
            .position(|s| *s == stance)
            .map_or(0, |i| self.0[i])
    }

    /// How many groups are decided (every stance but undecided).
    pub fn decided(&self) -> u32 {
        self.0[..5].iter().sum()
    }

    /// Each stance with its count, in [`Stance::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Stance, u32)> + '_ {
        Stance::ALL.iter().copied().zip(self.0.iter().copied())
    }
}

/// The figures of one distribution of stances (one alternative, one round), unweighted or
/// weighted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measures {
    /// Decided groups counted (those with a positive weight, for weighted figures).
    pub groups: u32,
    /// The total frequency: `groups` unweighted, the sum of their weights weighted.
    pub total: u64,
    /// The consensus index; `None` with fewer than 2 decided groups.
    pub consensus: Option<f64>,
    /// The mean stance; `None` with no decided group.
    pub mean: Option<f64>,
    /// The median stance; `None` with no decided group.
    pub median: Option<f64>,
    /// The interquartile range Q3 − Q1 (type 7); `None` with no decided group.
    pub iqr: Option<f64>,
    /// The share of the total at +1 or above; `None` with no decided group.
    pub share_for: Option<f64>,
    /// The share of the total at −1 or below; `None` with no decided group.
    pub share_against: Option<f64>,
    /// The consensus index minus the previous round's (`None` in round 1 or when either is
    /// undefined).
    pub consensus_change: Option<f64>,
    /// The mean minus the previous round's (`None` in round 1 or when either is undefined).
    pub mean_change: Option<f64>,
}

impl Measures {
    /// The figures of a distribution given as `(stance value, frequency)` pairs (one pair per
    /// group: frequency 1 unweighted, the group's weight weighted). Pairs of frequency 0 are left
    /// out. The changes are `None`; [`convergence`] fills them in.
    pub fn of(values: &[(i32, u64)]) -> Self {
        let mut present: Vec<(i32, u64)> = values.iter().copied().filter(|v| v.1 > 0).collect();
        present.sort_unstable();
        let groups = u32::try_from(present.len()).unwrap_or(u32::MAX);
        let total: u64 = present.iter().map(|v| v.1).sum();
        if total == 0 {
            return Self::default();
        }
        let n = total as f64;
        let mean = present
            .iter()
            .map(|(x, f)| f64::from(*x) * *f as f64)
            .sum::<f64>()
            / n;
        let share = |keep: fn(i32) -> bool| {
            present
                .iter()
                .filter(|(x, _)| keep(*x))
                .map(|v| v.1 as f64)
                .sum::<f64>()
                / n
        };
        let q1 = weighted_quantile(&present, 0.25);
        let q3 = weighted_quantile(&present, 0.75);
        Self {
            groups,
            total,
            consensus: (groups >= 2).then(|| consensus_index(&present)),
            mean: Some(mean),
            median: weighted_quantile(&present, 0.5),
            iqr: q1.zip(q3).map(|(a, b)| b - a),
            share_for: Some(share(|x| x >= 1)),
            share_against: Some(share(|x| x <= -1)),
            consensus_change: None,
            mean_change: None,
        }
    }
}

/// The consensus index (Tastle & Wierman) of `(stance value, frequency)` pairs, whatever their
/// number (1 for a single group; [`Measures::of`] leaves it out below 2 groups). 1 when the
/// frequencies are all 0.
pub fn consensus_index(values: &[(i32, u64)]) -> f64 {
    let total: u64 = values.iter().map(|v| v.1).sum();
    if total == 0 {
        return 1.0;
    }
    let n = total as f64;
    let mean = values
        .iter()
        .map(|(x, f)| f64::from(*x) * *f as f64)
        .sum::<f64>()
        / n;
    // Gather the shares per distinct value (pairs may repeat a value).
    let mut shares: Vec<(i32, u64)> = Vec::new();
    for &(x, f) in values {
        match shares.iter_mut().find(|s| s.0 == x) {
            Some(s) => s.1 += f,
            None => shares.push((x, f)),
        }
    }
    let sum: f64 = shares
        .iter()
        .filter(|s| s.1 > 0)
        .map(|&(x, f)| {
            let p = f as f64 / n;
            p * (1.0 - (f64::from(x) - mean).abs() / SCALE_WIDTH).log2()
        })
        .sum();
    (1.0 + sum).clamp(0.0, 1.0)
}

/// The type-7 quantile `p` (0..=1) of `(value, frequency)` pairs sorted by value (each value
/// repeated `frequency` times); `None` when the frequencies are all 0.
pub fn weighted_quantile(sorted: &[(i32, u64)], p: f64) -> Option<f64> {
    let total: u64 = sorted.iter().map(|v| v.1).sum();
    if total == 0 {
        return None;
    }
    let h = (total - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor();
    let frac = h - lo;
    let lo = lo as u64;
    let at = |position: u64| {
        let mut end = 0u64;
        for (x, f) in sorted {
            end += f;
            if position < end {
                return f64::from(*x);
            }
        }
        sorted.last().map_or(0.0, |v| f64::from(v.0))
    };
    let below = at(lo);
    let above = if lo + 1 < total { at(lo + 1) } else { below };
    Some(below + frac * (above - below))
}

/// The type-7 quantile `p` (0..=1) of plain values in any order; `None` when empty.
pub fn quantile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let frac = h - h.floor();
    let below = sorted[lo];
    let above = sorted.get(lo + 1).copied().unwrap_or(below);
    Some(below + frac * (above - below))
}

/// How a group moved between the previous round and this one, measured against this round's
/// mean (unweighted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Movement {
    /// Closer to the mean: toward agreement.
    Toward,
    /// Further from the mean: apart.
    Away,
    /// As far as before (the stance may not have changed at all).
    Held,
}

/// One group's position on one alternative in one round.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStance {
    /// The group.
    pub group: GroupId,
    /// Its position in this round (its latest at or before the round).
    pub stance: Stance,
    /// Its position in the previous round, if it had one (`None` in round 1).
    pub previous: Option<Stance>,
    /// Toward or away from agreement; `None` in round 1 or when the group is undecided in this
    /// round or the previous one.
    pub movement: Option<Movement>,
}

/// One alternative in one position round.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundConvergence {
    /// The round (1 = first).
    pub round: u32,
    /// How many groups hold each stance (undecided counted apart).
    pub stances: StanceCounts,
    /// The unweighted figures.
    pub measures: Measures,
    /// The weighted figures, when any group of the session has a weight.
    pub weighted: Option<Measures>,
    /// Every group with a position by this round, in the session's group order.
    pub groups: Vec<GroupStance>,
}

/// Whether an alternative brings the room together or splits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// Broad support and high consensus.
    Unifying,
    /// A high share on both sides.
    Divisive,
    /// Neither.
    Neither,
}

impl Agreement {
    /// The agreement of one distribution's figures (see the module docs for the thresholds).
    pub fn of(measures: &Measures) -> Self {
        let unifying = measures.mean.is_some_and(|m| m >= UNIFYING_MIN_MEAN)
            && measures
                .consensus
                .is_some_and(|c| c >= UNIFYING_MIN_CONSENSUS);
        let divisive = measures.groups >= 2
            && measures.share_for.is_some_and(|s| s >= DIVISIVE_MIN_SHARE)
            && measures
                .share_against
                .is_some_and(|s| s >= DIVISIVE_MIN_SHARE);
        if unifying {
            Self::Unifying
        } else if divisive {
            Self::Divisive
        } else {
            Self::Neither
        }
    }
}

/// One alternative's positions, round by round.
#[derive(Clone, Debug, PartialEq)]
pub struct AlternativeConvergence {
    /// The alternative.
    pub alternative: AlternativeId,
    /// Its title.
    pub title: String,
    /// Rounds 1..=the session's last position round, ascending.
    pub rounds: Vec<RoundConvergence>,
}

impl AlternativeConvergence {
    /// The last round, if any.
    pub fn last(&self) -> Option<&RoundConvergence> {
        self.rounds.last()
    }

    /// The unweighted consensus index by round (for a chart), ascending.
    pub fn consensus_by_round(&self) -> Vec<(u32, Option<f64>)> {
        self.rounds
            .iter()
            .map(|r| (r.round, r.measures.consensus))
            .collect()
    }
}

/// One alternative's place in the ranking by agreement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// The alternative.
    pub alternative: AlternativeId,
    /// Its consensus index in the last round.
    pub consensus: Option<f64>,
    /// Its mean stance in the last round.
    pub mean: Option<f64>,
    /// Unifying, divisive or neither, in the last round.
    pub agreement: Agreement,
}

/// Kendall's W of one round of a ranked vote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankedRound {
    /// The round (1 = first).
    pub round: u32,
    /// The ranking ballots counted (m; a ballot with `count: k` counts k).
    pub ballots: u64,
    /// Kendall's W; `None` when m < 2, n < 2 or the denominator is 0.
    pub kendall_w: Option<f64>,
    /// W minus the previous round's (`None` in the first round or when either is undefined).
    pub change: Option<f64>,
}

/// The agreement between the voters' rankings of one vote with ranking ballots.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedVoteConvergence {
    /// The vote.
    pub vote: VoteId,
    /// Its question.
    pub question: String,
    /// Its rounds, ascending.
    pub rounds: Vec<RankedRound>,
}

/// The spread of one alternative's scores in one round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreSpread {
    /// The alternative.
    pub alternative: AlternativeId,
    /// The median score; `None` when no ballot was counted.
    pub median: Option<f64>,
    /// The interquartile range of the scores (type 7); `None` when no ballot was counted.
    pub iqr: Option<f64>,
}

/// One round of a score or majority-judgment vote.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRound {
    /// The round (1 = first).
    pub round: u32,
    /// The ballots counted (a ballot with `count: k` counts k).
    pub ballots: u64,
    /// Each alternative of the vote, in ballot order.
    pub alternatives: Vec<ScoreSpread>,
}

/// The spread of the scores of one score or majority-judgment vote.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreVoteConvergence {
    /// The vote.
    pub vote: VoteId,
    /// Its question.
    pub question: String,
    /// Its rounds, ascending.
    pub rounds: Vec<ScoreRound>,
}

/// Everything this module measures in a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Convergence {
    /// The session's last position round (0 when there are no positions).
    pub last_round: u32,
    /// Whether any group has a weight (then every round has weighted figures too).
    pub weighted: bool,
    /// Every alternative with at least one position, in session order.
    pub alternatives: Vec<AlternativeConvergence>,
    /// Whether positions are stable (see the module docs), unweighted.
    pub stable: bool,
    /// Every vote with ranking ballots, in session order.
    pub ranked_votes: Vec<RankedVoteConvergence>,
    /// Every score or majority-judgment vote, in session order.
    pub score_votes: Vec<ScoreVoteConvergence>,
}

impl Convergence {
    /// Whether there is nothing to show: no positions and no ranked votes.
    pub fn is_empty(&self) -> bool {
        self.alternatives.is_empty() && self.ranked_votes.is_empty()
    }

    /// The alternatives ranked by agreement in their last round: consensus index (highest
    /// first, none last), then mean (highest first), then session order. `weighted` ranks by the
    /// weighted figures (the unweighted ones when the session has no weights).
    pub fn ranking(&self, weighted: bool) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = self
            .alternatives
            .iter()
            .map(|a| {
                let measures = a.last().map(|r| pick(r, weighted)).unwrap_or_default();
                Ranked {
                    alternative: a.alternative,
                    consensus: measures.consensus,
                    mean: measures.mean,
                    agreement: Agreement::of(&measures),
                }
            })
            .collect();
        let key = |v: Option<f64>| v.unwrap_or(f64::NEG_INFINITY);
        ranked.sort_by(|a, b| {
            key(b.consensus)
                .total_cmp(&key(a.consensus))
                .then(key(b.mean).total_cmp(&key(a.mean)))
        });
        ranked
    }

    /// Whether positions are stable by the weighted figures (or the unweighted ones when the
    /// session has no weights); [`Convergence::stable`] is the unweighted answer.
    pub fn stable_by(&self, weighted: bool) -> bool {
        stable(&self.alternatives, weighted)
    }
}

/// The weighted figures of a round when asked for and present, else the unweighted ones.
fn pick(round: &RoundConvergence, weighted: bool) -> Measures {
    match (&round.weighted, weighted) {
        (Some(w), true) => *w,
        _ => round.measures,
    }
}

fn stable(alternatives: &[AlternativeConvergence], weighted: bool) -> bool {
    let mut compared = false;
    for alternative in alternatives {
        let [.., before, last] = alternative.rounds.as_slice() else {
            return false;
        };
        if let (Some(a), Some(b)) = (
            pick(before, weighted).consensus,
            pick(last, weighted).consensus,
        ) {
            if (b - a).abs() >= STABLE_CHANGE {
                return false;
            }
            compared = true;
        }
    }
    compared
}

/// The position each group holds on `alternative` in `round`: its latest recorded at or before
/// the round (of two in the same round, the later in `positions`). Groups in `positions` order
/// of first appearance.
pub fn positions_in_round(
    positions: &[Position],
    alternative: AlternativeId,
    round: u32,
) -> Vec<(GroupId, Stance)> {
    let mut latest: Vec<(GroupId, u32, Stance)> = Vec::new();
    for p in positions
        .iter()
        .filter(|p| p.alternative == alternative && p.round <= round)
    {
        match latest.iter_mut().find(|l| l.0 == p.group) {
            Some(l) if p.round >= l.1 => *l = (p.group, p.round, p.stance),
            Some(_) => {}
            None => latest.push((p.group, p.round, p.stance)),
        }
    }
    latest.into_iter().map(|(g, _, s)| (g, s)).collect()
}

/// Measures everything in `session`: positions by alternative and round, ranked votes' W, and
/// score votes' spread.
pub fn convergence(session: &Session) -> Convergence {
    let last_round = session.positions.iter().map(|p| p.round).max().unwrap_or(0);
    let weighted = session
        .stakeholder_groups
        .iter()
        .any(|g| g.vote_weight.is_some());
    let weights: HashMap<GroupId, u64> = session
        .stakeholder_groups
        .iter()
        .map(|g| (g.id, u64::from(g.vote_weight.unwrap_or(1))))
        .collect();
    let group_order: HashMap<GroupId, usize> = session
        .stakeholder_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i))
        .collect();
    let alternatives: Vec<AlternativeConvergence> = session
        .alternatives
        .iter()
        .filter(|a| session.positions.iter().any(|p| p.alternative == a.id))
        .map(|a| AlternativeConvergence {
            alternative: a.id,
            title: a.title.clone(),
            rounds: alternative_rounds(session, a.id, last_round, weighted, &weights, &group_order),
        })
        .collect();
    Convergence {
        last_round,
        weighted,
        stable: stable(&alternatives, false),
        alternatives,
        ranked_votes: session
            .votes
            .iter()
            .filter(|v| takes_rankings(&v.method))
            .map(ranked_vote)
            .collect(),
        score_votes: session.votes.iter().filter_map(score_vote).collect(),
    }
}

/// Whether a vote's ballots are rankings (every ranked method, and plurality, whose ballot is a
/// ranking with one alternative).
pub fn takes_rankings(method: &VoteMethod) -> bool {
    method.accepts(&Choice::Ranking(Vec::new()))
}

fn alternative_rounds(
    session: &Session,
    alternative: AlternativeId,
    last_round: u32,
    weighted: bool,
    weights: &HashMap<GroupId, u64>,
    group_order: &HashMap<GroupId, usize>,
) -> Vec<RoundConvergence> {
    let mut rounds: Vec<RoundConvergence> = Vec::new();
    let mut previous: Vec<(GroupId, Stance)> = Vec::new();
    for round in 1..=last_round {
        let mut held = positions_in_round(&session.positions, alternative, round);
        held.sort_by_key(|(g, _)| (group_order.get(g).copied().unwrap_or(usize::MAX), g.0));
        let mut stances = StanceCounts::default();
        for (_, stance) in &held {
            let i = Stance::ALL.iter().position(|s| s == stance).unwrap_or(5);
            stances.0[i] += 1;
        }
        let decided = |weight: &dyn Fn(GroupId) -> u64| -> Vec<(i32, u64)> {
            held.iter()
                .filter_map(|(g, s)| stance_value(*s).map(|x| (x, weight(*g))))
                .collect()
        };
        let mut measures = Measures::of(&decided(&|_| 1));
        let mut weighted_measures =
            weighted.then(|| Measures::of(&decided(&|g| weights.get(&g).copied().unwrap_or(1))));
        if let Some(before) = rounds.last() {
            fill_changes(&mut measures, &before.measures);
            if let (Some(now), Some(then)) = (&mut weighted_measures, &before.weighted) {
                fill_changes(now, then);
            }
        }
        let groups = held
            .iter()
            .map(|&(group, stance)| {
                let before = (round > 1)
                    .then(|| previous.iter().find(|p| p.0 == group).map(|p| p.1))
                    .flatten();
                GroupStance {
                    group,
                    stance,
                    previous: before,
                    movement: movement(before, stance, measures.mean),
                }
            })
            .collect();
        rounds.push(RoundConvergence {
            round,
            stances,
            measures,
            weighted: weighted_measures,
            groups,
        });
        previous = held;
    }
    rounds
}

fn fill_changes(now: &mut Measures, then: &Measures) {
    now.consensus_change = now.consensus.zip(then.consensus).map(|(a, b)| a - b);
    now.mean_change = now.mean.zip(then.mean).map(|(a, b)| a - b);
}

fn movement(before: Option<Stance>, now: Stance, mean: Option<f64>) -> Option<Movement> {
    let before = f64::from(stance_value(before?)?);
    let now = f64::from(stance_value(now)?);
    let mean = mean?;
    let (was, is) = ((before - mean).abs(), (now - mean).abs());
    Some(if is < was - 1e-12 {
        Movement::Toward
    } else if is > was + 1e-12 {
        Movement::Away
    } else {
        Movement::Held
    })
}

fn ranked_vote(vote: &Vote) -> RankedVoteConvergence {
    let mut rounds: Vec<RankedRound> = Vec::new();
    for round in &vote.rounds {
        let ballots = round
            .ballots
            .iter()
            .filter(|b| matches!(b.choice, Choice::Ranking(_)))
            .map(|b| u64::from(b.count))
            .sum();
        let kendall_w = kendall_w(&vote.alternatives, &round.ballots);
        let change = rounds
            .last()
            .and_then(|before| kendall_w.zip(before.kendall_w).map(|(a, b)| a - b));
        rounds.push(RankedRound {
            round: round.number,
            ballots,
            kendall_w,
            change,
        });
    }
    rounds.sort_by_key(|r| r.round);
    RankedVoteConvergence {
        vote: vote.id,
        question: vote.question.clone(),
        rounds,
    }
}

/// The ranks (1..=n, ties sharing the mean of their positions, unranked alternatives tied below
/// the ranked ones) a ranking gives each of `alternatives`, with Σ (t³ − t) over its tie groups.
/// Alternatives not in `alternatives` are dropped; a repeated one keeps its first place.
pub fn ranks(alternatives: &[AlternativeId], ranking: &[Vec<AlternativeId>]) -> (Vec<f64>, f64) {
    let n = alternatives.len();
    let index: HashMap<AlternativeId, usize> = alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (*a, i))
        .collect();
    let mut rank: Vec<Option<f64>> = vec![None; n];
    let mut ties = 0.0;
    let mut next = 1usize; // the first free position
    let mut tie = |members: &[usize], rank: &mut Vec<Option<f64>>, next: &mut usize| {
        let t = members.len();
        if t == 0 {
            return;
        }
        let mean = *next as f64 + (t as f64 - 1.0) / 2.0;
        for &i in members {
            rank[i] = Some(mean);
        }
        let t = t as f64;
        ties += t * t * t - t;
        *next += members.len();
    };
    for group in ranking {
        let mut members: Vec<usize> = Vec::new();
        for a in group {
            if let Some(&i) = index.get(a)
                && rank[i].is_none()
                && !members.contains(&i)
            {
                members.push(i);
            }
        }
        tie(&members, &mut rank, &mut next);
    }
    let unranked: Vec<usize> = (0..n).filter(|&i| rank[i].is_none()).collect();
    tie(&unranked, &mut rank, &mut next);
    (rank.into_iter().map(|r| r.unwrap_or(0.0)).collect(), ties)
}

/// Kendall's W of the ranking ballots among `ballots` over the vote's `alternatives`, with the
/// correction for ties (see the module docs). Ballots of another kind are left out; `None` when
/// m < 2, n < 2 or the denominator is 0.
pub fn kendall_w(alternatives: &[AlternativeId], ballots: &[Ballot]) -> Option<f64> {
    let n = alternatives.len();
    let mut sums = vec![0.0f64; n];
    let mut m = 0u64;
    let mut ties = 0.0f64;
    for ballot in ballots {
        let Choice::Ranking(ranking) = &ballot.choice else {
            continue;
        };
        let count = f64::from(ballot.count);
        let (r, t) = ranks(alternatives, ranking);
        for (sum, rank) in sums.iter_mut().zip(&r) {
            *sum += rank * count;
        }
        ties += t * count;
        m += u64::from(ballot.count);
    }
    if m < 2 || n < 2 {
        return None;
    }
    let (m, nf) = (m as f64, n as f64);
    let mean = m * (nf + 1.0) / 2.0;
    let s: f64 = sums.iter().map(|r| (r - mean) * (r - mean)).sum();
    let denominator = m * m * (nf * nf * nf - nf) - m * ties;
    // The denominator is a whole number; anything this small is 0 up to rounding.
    if denominator.abs() < 1e-9 {
        return None;
    }
    Some((12.0 * s / denominator).clamp(0.0, 1.0))
}

fn score_vote(vote: &Vote) -> Option<ScoreVoteConvergence> {
    let (min, max) = match &vote.method {
        VoteMethod::Score { min, max } => (*min, *max),
        VoteMethod::MajorityJudgment { grades } => {
            (0, i32::try_from(grades.len()).unwrap_or(i32::MAX) - 1)
        }
        _ => return None,
    };
    let rounds = vote
        .rounds
        .iter()
        .map(|round| {
            let (ballots, values) = score_values(&vote.alternatives, &round.ballots, min, max);
            ScoreRound {
                round: round.number,
                ballots,
                alternatives: vote
                    .alternatives
                    .iter()
                    .zip(values)
                    .map(|(alternative, values)| {
                        let q = |p| weighted_quantile(&values, p);
                        ScoreSpread {
                            alternative: *alternative,
                            median: q(0.5),
                            iqr: q(0.25).zip(q(0.75)).map(|(a, b)| b - a),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Some(ScoreVoteConvergence {
        vote: vote.id,
        question: vote.question.clone(),
        rounds,
    })
}

/// Each alternative's scores as sorted `(value, frequency)` pairs, and the ballots counted.
fn score_values(
    alternatives: &[AlternativeId],
    ballots: &[Ballot],
    min: i32,
    max: i32,
) -> (u64, Vec<Vec<(i32, u64)>>) {
    let index: HashMap<AlternativeId, usize> = alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| (*a, i))
        .collect();
    let mut counts: Vec<HashMap<i32, u64>> = vec![HashMap::new(); alternatives.len()];
    let mut counted = 0u64;
    'ballots: for ballot in ballots {
        let Choice::Scores(scores) = &ballot.choice else {
            continue;
        };
        let mut values: Vec<Option<i32>> = vec![None; alternatives.len()];
        for score in scores {
            let Some(&i) = index.get(&score.alternative) else {
                continue;
            };
            if values[i].is_some() || score.value < min || score.value > max {
                continue 'ballots;
            }
            values[i] = Some(score.value);
        }
        for (count, value) in counts.iter_mut().zip(values) {
            *count.entry(value.unwrap_or(min)).or_insert(0) += u64::from(ballot.count);
        }
        counted += u64::from(ballot.count);
    }
    let values = counts
        .into_iter()
        .map(|c| {
            let mut pairs: Vec<(i32, u64)> = c.into_iter().filter(|p| p.1 > 0).collect();
            pairs.sort_unstable();
            pairs
        })
        .collect();
    (counted, values)
}
