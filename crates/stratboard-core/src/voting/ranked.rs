//! Ranked methods: plurality (from ranked ballots), Borda, instant-runoff, Schulze, ranked pairs,
//! Copeland and Condorcet.
//!
//! Every method starts from the same normalisation (a `Profile`): each ranked ballot becomes one
//! rank level per alternative (0 = best). Alternatives that are not on the election's list are
//! dropped from the ballot, a repeated alternative keeps its first (best) place, tie groups left
//! empty by this are skipped, and unlisted alternatives share one level below all listed ones.
//! Ballots of another kind are counted in [`Tally::ignored`]. A ballot standing for `count`
//! identical ballots weighs `count`.
//!
//! The Condorcet methods (Schulze, ranked pairs, Copeland, Condorcet) share one pairwise matrix
//! and report it in [`Tally::pairwise`]. Counting is exact integer arithmetic throughout; Borda
//! points are doubled integers ([`Points`] with `scale: 2`). Ties are reported, never broken:
//! every ranking lists tied alternatives in one group, in ballot order.
//!
//! When no ballot is counted, every method returns no winner and all alternatives tied.

use std::collections::HashMap;

use super::{Election, Points, Tally};
use crate::model::{AlternativeId, Choice, VoteMethod};

/// The pairwise matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairwise {
    /// The alternatives, in ballot order.
    pub alternatives: Vec<AlternativeId>,
    /// `wins[i][j]`: ballots preferring alternative i to alternative j.
    pub wins: Vec<Vec<u64>>,
}

/// One IRV round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrvRound {
    /// Votes of each continuing alternative, in ballot order.
    pub votes: Vec<(AlternativeId, u64)>,
    /// Ballots that counted for nobody this round (exhausted, or a tie at the top).
    pub exhausted: u64,
    /// The alternatives eliminated after this round (several when tied for last).
    pub eliminated: Vec<AlternativeId>,
}

/// The most alternatives a ranked method counts: the pairwise matrix has n² cells and Schulze
/// takes n³ steps, so a file of 20,000 columns would ask for 3 GB and hours; a thousand is far
/// beyond any session and counts in about a second. (Levels also fit in 16 bits.)
pub const MAX_RANKED_ALTERNATIVES: usize = 1_000;

/// Ranked ballots already normalised to one rank level per alternative, in one flat array:
/// the compact form a ballot file is read into without building a [`crate::model::Ballot`]
/// per line (see [`super::import::read_ranked_csv`]) and counted by [`super::tally_ranked`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RankedProfile {
    /// The number of alternatives (the length of each ballot's row).
    pub alternatives: usize,
    /// `ranks[b * alternatives + i]`: the level of alternative `i` on ballot `b` (0 = best,
    /// tie groups numbered without gaps); unlisted alternatives share the level
    /// `listed_levels[b]`. Sixteen bits: levels are at most the number of alternatives, at
    /// most [`MAX_RANKED_ALTERNATIVES`].
    pub ranks: Vec<u16>,
    /// Per ballot: the number of non-empty tie groups, which is also the level shared by the
    /// unlisted alternatives.
    pub listed_levels: Vec<u32>,
    /// Per ballot: its weight (identical ballots merged, or a count column); never zero.
    pub weights: Vec<u64>,
}

/// Ranked ballots normalised to one rank level per alternative.
struct Profile<'a> {
    /// The election's alternatives, in ballot order.
    alternatives: &'a [AlternativeId],
    /// `ranks[b * n + i]`: the level of alternative `i` on ballot `b` (0 = best).
    ranks: Vec<u16>,
    /// Per ballot: the number of non-empty tie groups, which is also the level shared by the
    /// unlisted alternatives.
    listed_levels: Vec<u32>,
    /// Per ballot: its weight (`Ballot::count`).
    weights: Vec<u64>,
    /// Ranked ballots counted (weighted).
    counted: u64,
    /// Ballots of another kind (weighted).
    ignored: u64,
}

/// Where each alternative id stands on the election's list (its first place): a dense table
/// when the ids are small, as they always are in practice, a hash map otherwise.
enum Index {
    Dense(Vec<usize>),
    Sparse(HashMap<AlternativeId, usize>),
}

impl Index {
    fn new(alternatives: &[AlternativeId]) -> Self {
        let n = alternatives.len();
        let largest = alternatives.iter().map(|a| a.0 as usize).max().unwrap_or(0);
        if largest <= 4 * n + 1024 {
            let mut table = vec![usize::MAX; largest + 1];
            for (i, alternative) in alternatives.iter().enumerate() {
                let slot = &mut table[alternative.0 as usize];
                if *slot == usize::MAX {
                    *slot = i;
                }
            }
            Self::Dense(table)
        } else {
            let mut index = HashMap::with_capacity(n);
            for (i, alternative) in alternatives.iter().enumerate() {
                index.entry(*alternative).or_insert(i);
            }
            Self::Sparse(index)
        }
    }

    fn get(&self, alternative: AlternativeId) -> Option<usize> {
        match self {
            Self::Dense(table) => table
                .get(alternative.0 as usize)
                .copied()
                .filter(|&i| i != usize::MAX),
            Self::Sparse(index) => index.get(&alternative).copied(),
        }
    }
}

impl<'a> Profile<'a> {
    /// Normalises the election's ranked ballots.
    fn new(election: &Election<'a>) -> Self {
        let alternatives = election.alternatives;
        let n = alternatives.len();
        let index = Index::new(alternatives);
        let mut profile = Self {
            alternatives,
            ranks: Vec::with_capacity(election.ballots.len() * n),
            listed_levels: Vec::with_capacity(election.ballots.len()),
            weights: Vec::with_capacity(election.ballots.len()),
            counted: 0,
            ignored: 0,
        };
        for ballot in election.ballots {
            let weight = u64::from(ballot.count);
            let Choice::Ranking(groups) = &ballot.choice else {
                profile.ignored += weight;
                continue;
            };
            profile.counted += weight;
            if weight == 0 {
                continue;
            }
            let start = profile.ranks.len();
            profile.ranks.resize(start + n, u16::MAX);
            let ranks = &mut profile.ranks[start..];
            // At most n ≤ MAX_RANKED_ALTERNATIVES levels (checked by `tally`), below u16::MAX.
            let mut level = 0u16;
            for group in groups {
                let mut any = false;
                for alternative in group {
                    if let Some(i) = index.get(*alternative)
                        && ranks[i] == u16::MAX
                    {
                        ranks[i] = level;
                        any = true;
                    }
                }
                if any {
                    level += 1;
                }
            }
            for rank in ranks.iter_mut() {
                if *rank == u16::MAX {
                    *rank = level;
                }
            }
            profile.listed_levels.push(u32::from(level));
            profile.weights.push(weight);
        }
        profile
    }

    /// A profile over `alternatives` from ballots already normalised; `None` when the
    /// compact ballots do not fit (another number of alternatives, or ragged arrays).
    fn from_compact(alternatives: &'a [AlternativeId], compact: RankedProfile) -> Option<Self> {
        let n = alternatives.len();
        let ballots = compact.weights.len();
        if compact.alternatives != n
            || n > MAX_RANKED_ALTERNATIVES
            || compact.listed_levels.len() != ballots
            || compact.ranks.len() != ballots.checked_mul(n)?
        {
            return None;
        }
        // Every level within the ballot's levels (the unlisted share the last): the methods
        // index by level.
        if n > 0
            && compact
                .ranks
                .chunks_exact(n)
                .zip(&compact.listed_levels)
                .any(|(row, &listed)| {
                    listed as usize > n
                        || u32::from(row.iter().fold(0, |top, &r| top.max(r))) > listed
                })
        {
            return None;
        }
        let counted = compact.weights.iter().sum();
        Some(Self {
            alternatives,
            ranks: compact.ranks,
            listed_levels: compact.listed_levels,
            weights: compact.weights,
            counted,
            ignored: 0,
        })
    }

    /// The number of alternatives.
    fn n(&self) -> usize {
        self.alternatives.len()
    }

    /// The number of stored (non-empty-weight) ballots.
    fn len(&self) -> usize {
        self.weights.len()
    }

    /// The rank levels of ballot `b`.
    fn ballot(&self, b: usize) -> &[u16] {
        let n = self.n();
        &self.ranks[b * n..(b + 1) * n]
    }

    /// A result with the ballot counts filled in and everything else empty.
    fn base(&self, method: &'static str) -> Tally {
        let mut tally = Tally::empty(method, self.alternatives);
        tally.ballots = self.counted;
        tally.ignored = self.ignored;
        tally
    }

    /// The ids of groups of alternative indices.
    fn ids(&self, groups: Vec<Vec<usize>>) -> Vec<Vec<AlternativeId>> {
        groups
            .into_iter()
            .map(|group| group.into_iter().map(|i| self.alternatives[i]).collect())
            .collect()
    }

    /// Whole-number scores in ballot order.
    fn whole_scores(&self, values: &[i64]) -> Vec<(AlternativeId, Points)> {
        self.alternatives
            .iter()
            .zip(values)
            .map(|(a, v)| (*a, Points::whole(*v)))
            .collect()
    }

    /// The pairwise matrix, flat: `wins[i * n + j]` ballots prefer i to j.
    ///
    /// Up to 32 alternatives (every real vote) it is counted in rows of 16-bit cells padded to
    /// a multiple of eight, one fixed-size array per alternative, so that a ballot adds a whole
    /// row in a few vector instructions ([`Profile::pairwise_in`]); more alternatives are
    /// counted cell by cell in 64 bits.
    fn pairwise(&self) -> Vec<u64> {
        match self.n().div_ceil(8) {
            1 => self.pairwise_in::<8>(),
            2 => self.pairwise_in::<16>(),
            3 => self.pairwise_in::<24>(),
            4 => self.pairwise_in::<32>(),
            _ => {
                let mut wins = vec![0u64; self.n() * self.n()];
                for b in 0..self.len() {
                    add_wide(
                        &mut wins,
                        self.ballot(b),
                        self.listed_levels[b],
                        self.weights[b],
                    );
                }
                wins
            }
        }
    }

    /// [`Profile::pairwise`] for at most `W` alternatives: 16-bit cells, emptied into the
    /// 64-bit matrix before one could overflow; a ballot of weight 65,536 or more is added
    /// straight to the 64-bit matrix.
    fn pairwise_in<const W: usize>(&self) -> Vec<u64> {
        let n = self.n();
        let mut wins = vec![0u64; n * n];
        let mut cells = vec![[0u16; W]; n];
        // A ballot's levels as signed numbers (levels are at most n ≤ 32), padded with levels
        // no alternative is ranked above.
        let mut levels = [0i16; W];
        // The weight counted in `cells` since they were last emptied.
        let mut pending = 0u64;
        for b in 0..self.len() {
            let ranks = self.ballot(b);
            let unlisted = self.listed_levels[b];
            let weight = self.weights[b];
            let Ok(narrow) = u16::try_from(weight) else {
                add_wide(&mut wins, ranks, unlisted, weight);
                continue;
            };
            if pending + weight > u64::from(u16::MAX) {
                empty_into(&mut cells, &mut wins);
                pending = 0;
            }
            pending += weight;
            for (level, &rank) in levels.iter_mut().zip(ranks) {
                *level = rank as i16;
            }
            for (row, &rank) in cells.iter_mut().zip(ranks) {
                if u32::from(rank) == unlisted {
                    // Unlisted alternatives share the lowest level: they beat nobody.
                    continue;
                }
                let level = rank as i16;
                // All ones where `level < other` (both small and non-negative, so the
                // difference's sign bit says it), else zero: arithmetic on whole arrays, not
                // a branch, so the lanes are added together.
                *row =
                    std::array::from_fn(|k| row[k] + (narrow & ((level - levels[k]) >> 15) as u16));
            }
        }
        empty_into(&mut cells, &mut wins);
        wins
    }
}

/// One ballot's preferences added straight to the 64-bit matrix.
fn add_wide(wins: &mut [u64], ranks: &[u16], unlisted: u32, weight: u64) {
    let n = ranks.len();
    for (i, &ri) in ranks.iter().enumerate() {
        if u32::from(ri) == unlisted {
            continue;
        }
        for (j, &rj) in ranks.iter().enumerate() {
            if ri < rj {
                wins[i * n + j] += weight;
            }
        }
    }
}

/// Adds the padded 16-bit rows into the 64-bit matrix (n × n) and zeroes them.
fn empty_into<const W: usize>(cells: &mut [[u16; W]], wins: &mut [u64]) {
    let n = cells.len();
    for (i, row) in cells.iter_mut().enumerate() {
        for (win, cell) in wins[i * n..(i + 1) * n].iter_mut().zip(row.iter()) {
            *win += u64::from(*cell);
        }
        *row = [0; W];
    }
}

/// Indices grouped by a key, higher first, ties in index order.
fn groups_by_key<K: Ord + Copy>(indices: &[usize], key: impl Fn(usize) -> K) -> Vec<Vec<usize>> {
    let mut sorted: Vec<(usize, K)> = indices.iter().map(|&i| (i, key(i))).collect();
    sorted.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<K> = None;
    for (i, k) in sorted {
        match (groups.last_mut(), last) {
            (Some(group), Some(previous)) if previous == k => group.push(i),
            _ => groups.push(vec![i]),
        }
        last = Some(k);
    }
    groups
}

/// Layers of an acyclic "beats" relation: first the alternatives nobody beats, then those
/// beaten only by the first layer, and so on. Alternatives in one layer do not beat each other.
fn layers(n: usize, beats: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut out = Vec::new();
    while !remaining.is_empty() {
        let top: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&j| !remaining.iter().any(|&i| beats(i, j)))
            .collect();
        if top.is_empty() {
            // Only reachable with a cyclic relation, which the callers never pass.
            out.push(remaining);
            break;
        }
        remaining.retain(|i| !top.contains(i));
        out.push(top);
    }
    out
}

/// A ranking's first group as the winners, or none when no ballot was counted.
fn finish(mut tally: Tally, ranking: Vec<Vec<AlternativeId>>) -> Tally {
    if tally.ballots > 0 {
        tally.winners = ranking.first().cloned().unwrap_or_default();
        tally.ranking = ranking;
    }
    tally
}

/// The shared parts of the Condorcet methods: the matrix and each alternative's pairwise wins
/// and losses.
struct Condorcet {
    n: usize,
    wins: Vec<u64>,
}

impl Condorcet {
    fn new(profile: &Profile<'_>) -> Self {
        Self {
            n: profile.n(),
            wins: profile.pairwise(),
        }
    }

    fn get(&self, i: usize, j: usize) -> u64 {
        self.wins[i * self.n + j]
    }

    /// Whether i beats j head to head.
    fn beats(&self, i: usize, j: usize) -> bool {
        self.get(i, j) > self.get(j, i)
    }

    /// Pairwise wins of each alternative.
    fn win_counts(&self) -> Vec<i64> {
        (0..self.n)
            .map(|i| (0..self.n).filter(|&j| self.beats(i, j)).count() as i64)
            .collect()
    }

    /// The matrix as reported.
    fn report(&self, alternatives: &[AlternativeId]) -> Pairwise {
        Pairwise {
            alternatives: alternatives.to_vec(),
            wins: (0..self.n)
                .map(|i| self.wins[i * self.n..(i + 1) * self.n].to_vec())
                .collect(),
        }
    }
}

/// Plurality from ranked ballots: each ballot is a vote for its first place; a ballot whose
/// first place is a tie, or that lists no alternative of the election, is counted in
/// `ballots` but votes for nobody. Most votes wins (all tied at the top win); with no vote at
/// all there is no winner. `scores` are the votes.
pub fn plurality(election: &Election<'_>) -> Tally {
    plurality_of(&Profile::new(election))
}

fn plurality_of(profile: &Profile<'_>) -> Tally {
    let n = profile.n();
    let mut votes = vec![0i64; n];
    for b in 0..profile.len() {
        if profile.listed_levels[b] == 0 {
            continue;
        }
        let mut first = profile
            .ballot(b)
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == 0)
            .map(|(i, _)| i);
        if let (Some(i), None) = (first.next(), first.next()) {
            votes[i] += profile.weights[b] as i64;
        }
    }
    let mut tally = profile.base("plurality");
    tally.scores = profile.whole_scores(&votes);
    let all: Vec<usize> = (0..n).collect();
    let ranking = profile.ids(groups_by_key(&all, |i| votes[i]));
    if votes.iter().any(|v| *v > 0) {
        finish(tally, ranking)
    } else {
        if tally.ballots > 0 {
            tally.ranking = ranking;
        }
        tally
    }
}

/// Borda: n−1 … 0 points by position; alternatives tied on a ballot (the unlisted ones
/// included) share the average of the points of the positions they occupy. `scores` are the
/// points, doubled so half points stay exact (`Points { scale: 2 }`).
pub fn borda(election: &Election<'_>) -> Tally {
    borda_of(&Profile::new(election))
}

fn borda_of(profile: &Profile<'_>) -> Tally {
    let n = profile.n();
    let mut doubled = vec![0i64; n];
    let mut sizes: Vec<i64> = Vec::new();
    let mut level_points: Vec<i64> = Vec::new();
    let top = 2 * (n as i64 - 1);
    for b in 0..profile.len() {
        let ranks = profile.ballot(b);
        let levels = profile.listed_levels[b] as usize + 1;
        sizes.clear();
        sizes.resize(levels, 0);
        for &r in ranks {
            sizes[r as usize] += 1;
        }
        level_points.clear();
        let mut position = 0i64;
        for &size in &sizes {
            // Positions p … p+g−1 earn (n−1−p) … (n−g−p) points; twice their average is
            // 2(n−1) − 2p − (g−1).
            level_points.push(top - 2 * position - (size - 1));
            position += size;
        }
        let weight = profile.weights[b] as i64;
        for (points, &r) in doubled.iter_mut().zip(ranks) {
            *points += weight * level_points[r as usize];
        }
    }
    let mut tally = profile.base("borda");
    tally.scores = profile
        .alternatives
        .iter()
        .zip(&doubled)
        .map(|(a, p)| {
            (
                *a,
                Points {
                    scaled: *p,
                    scale: 2,
                },
            )
        })
        .collect();
    let all: Vec<usize> = (0..n).collect();
    let ranking = profile.ids(groups_by_key(&all, |i| doubled[i]));
    finish(tally, ranking)
}

/// Instant-runoff, in rounds. Each round a ballot counts for its highest-ranked continuing
/// alternative; a ballot whose highest continuing rank is a tie, or that ranks no continuing
/// alternative, counts for nobody that round (`exhausted`). An alternative with more than half
/// of the round's votes wins; otherwise, if all continuing alternatives have the same votes
/// they all win; otherwise all alternatives tied for fewest votes are eliminated together.
///
/// The ranking lists the winners, then the other alternatives still continuing in the last
/// round by their votes in that round, then the eliminated ones in reverse order of elimination
/// (those eliminated in the same round tie). `rounds` holds every round; `scores` is empty.
pub fn irv(election: &Election<'_>) -> Tally {
    irv_of(&Profile::new(election))
}

fn irv_of(profile: &Profile<'_>) -> Tally {
    let n = profile.n();
    let mut tally = profile.base("irv");
    if tally.ballots == 0 || n == 0 {
        return tally;
    }
    let alternatives = profile.alternatives;
    let mut continuing = vec![true; n];
    let mut eliminated_rounds: Vec<Vec<usize>> = Vec::new();
    let mut rounds = Vec::new();
    let mut runoff = Runoff {
        profile,
        piles: vec![Vec::new(); n],
        tied: vec![Vec::new(); n],
        placements: vec![0; profile.len()],
        votes: vec![0; n],
    };
    let stored: u64 = profile.weights.iter().sum();
    runoff.place(0..profile.len(), &continuing);
    let (winners, last_votes) = loop {
        let votes = runoff.votes.clone();
        let exhausted = stored - votes.iter().sum::<u64>();
        let live: Vec<usize> = (0..n).filter(|&i| continuing[i]).collect();
        let total: u64 = live.iter().map(|&i| votes[i]).sum();
        let min = live.iter().map(|&i| votes[i]).min().unwrap_or(0);
        let max = live.iter().map(|&i| votes[i]).max().unwrap_or(0);
        let round_votes = live.iter().map(|&i| (alternatives[i], votes[i])).collect();
        let majority: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&i| votes[i] * 2 > total)
            .collect();
        let winners = if !majority.is_empty() {
            majority
        } else if min == max {
            live.clone()
        } else {
            Vec::new()
        };
        if !winners.is_empty() {
            rounds.push(IrvRound {
                votes: round_votes,
                exhausted,
                eliminated: Vec::new(),
            });
            let others: Vec<usize> = live.into_iter().filter(|i| !winners.contains(i)).collect();
            break (winners, groups_by_key(&others, |i| votes[i]));
        }
        let out: Vec<usize> = live.into_iter().filter(|&i| votes[i] == min).collect();
        for &i in &out {
            continuing[i] = false;
        }
        runoff.eliminate(&out, &continuing);
        rounds.push(IrvRound {
            votes: round_votes,
            exhausted,
            eliminated: out.iter().map(|&i| alternatives[i]).collect(),
        });
        eliminated_rounds.push(out);
    };
    let mut ranking = vec![winners];
    ranking.extend(last_votes);
    ranking.extend(eliminated_rounds.into_iter().rev());
    tally.rounds = rounds;
    finish(tally, profile.ids(ranking))
}

/// The ballots of an instant-runoff count, each in the pile of the alternative it counts for:
/// when alternatives are eliminated only their piles (and the ballots tied at the top with
/// one of them) are looked at again, so a count costs about one look per ballot and move
/// instead of one per ballot and round.
struct Runoff<'p, 'a> {
    profile: &'p Profile<'a>,
    /// Per alternative: the ballots counting for it.
    piles: Vec<Vec<usize>>,
    /// Per alternative: ballots whose highest continuing level is a tie (they count for nobody)
    /// with this alternative one of the first two there, and the ballot's placement then. The
    /// tie lasts while both of those two continue, so only their elimination moves it.
    tied: Vec<Vec<(usize, u32)>>,
    /// Per ballot: how many times it has been placed (an entry in `tied` from an earlier
    /// placement is stale).
    placements: Vec<u32>,
    /// Per alternative: the weight of its pile.
    votes: Vec<u64>,
}

impl Runoff<'_, '_> {
    /// Puts each ballot where it counts now: a pile, tied, or nowhere (exhausted).
    fn place(&mut self, ballots: impl IntoIterator<Item = usize>, continuing: &[bool]) {
        for b in ballots {
            self.placements[b] += 1;
            let ranks = self.profile.ballot(b);
            let unlisted = self.profile.listed_levels[b];
            // The best level among the continuing alternatives the ballot lists.
            let best = ranks
                .iter()
                .zip(continuing)
                .map(|(&r, &on)| if on { r } else { u16::MAX })
                .min()
                .unwrap_or(u16::MAX);
            if u32::from(best) >= unlisted {
                // Exhausted: it lists no continuing alternative.
                continue;
            }
            let mut at_best = ranks
                .iter()
                .zip(continuing)
                .enumerate()
                .filter(|(_, (r, on))| **on && **r == best)
                .map(|(i, _)| i);
            match (at_best.next(), at_best.next()) {
                (Some(first), None) => {
                    self.piles[first].push(b);
                    self.votes[first] += self.profile.weights[b];
                }
                (Some(first), Some(second)) => {
                    // A tie at the top: another continuing alternative on the same level.
                    let placement = self.placements[b];
                    self.tied[first].push((b, placement));
                    self.tied[second].push((b, placement));
                }
                (None, _) => {}
            }
        }
    }

    /// Moves the ballots of the eliminated alternatives, and those tied at the top with one
    /// of them, on to where they count next.
    fn eliminate(&mut self, out: &[usize], continuing: &[bool]) {
        let mut moving = Vec::new();
        for &a in out {
            moving.append(&mut self.piles[a]);
            self.votes[a] = 0;
            for (b, placement) in std::mem::take(&mut self.tied[a]) {
                if self.placements[b] == placement {
                    // Taken once: its entry under the other alternative is stale now.
                    self.placements[b] += 1;
                    moving.push(b);
                }
            }
        }
        self.place(moving, continuing);
    }
}

/// Schulze (beatpath), with a defeat measured by winning votes: the strength of a path is its
/// weakest defeat, and A precedes B when A's strongest path to B is stronger than B's to A.
/// The ranking layers this order (first the alternatives nobody precedes, and so on); the
/// winners are the first layer. `scores` are the pairwise wins; `pairwise` the matrix.
pub fn schulze(election: &Election<'_>) -> Tally {
    schulze_of(&Profile::new(election))
}

fn schulze_of(profile: &Profile<'_>) -> Tally {
    let matrix = Condorcet::new(profile);
    let n = matrix.n;
    let mut paths = vec![0u64; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j && matrix.beats(i, j) {
                paths[i * n + j] = matrix.get(i, j);
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            let via = paths[i * n + k];
            if i == k || via == 0 {
                continue;
            }
            for j in 0..n {
                if j != i && j != k {
                    let through = via.min(paths[k * n + j]);
                    if through > paths[i * n + j] {
                        paths[i * n + j] = through;
                    }
                }
            }
        }
    }
    let ranking = layers(n, |i, j| paths[i * n + j] > paths[j * n + i]);
    condorcet_result("schulze", profile, &matrix, ranking)
}

/// Whether `to` can be reached from `from` along locked defeats.
fn reaches(locked: &[bool], n: usize, from: usize, to: usize) -> bool {
    let mut seen = vec![false; n];
    let mut stack = vec![from];
    seen[from] = true;
    while let Some(i) = stack.pop() {
        if i == to {
            return true;
        }
        for j in 0..n {
            if locked[i * n + j] && !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    false
}

/// Ranked pairs (Tideman), with a defeat measured by winning votes.
///
/// Defeats (pairs where one alternative beats the other head to head) are taken strongest
/// first and locked unless they would create a cycle with the defeats already locked. Defeats
/// of equal strength are a tie and are decided together, so the order they are listed in never
/// matters:
/// - a defeat of the group that closes a cycle with the defeats locked before the group is
///   skipped (whatever the order, it would be);
/// - of the others, a defeat that lies on a cycle formed with other defeats of the same group
///   (and locked ones) is skipped too: which defeat of that cycle to drop would be an
///   arbitrary choice, so none of them is locked;
/// - the remaining defeats of the group are locked (any order would lock them).
///
/// The ranking layers the locked graph: first the alternatives with no locked defeat, then
/// those defeated only by the first layer, and so on; alternatives with no locked defeat
/// among them tie. The winners are the first layer. `scores` are the pairwise wins;
/// `pairwise` the matrix.
pub fn ranked_pairs(election: &Election<'_>) -> Tally {
    ranked_pairs_of(&Profile::new(election))
}

fn ranked_pairs_of(profile: &Profile<'_>) -> Tally {
    let matrix = Condorcet::new(profile);
    let n = matrix.n;
    let mut defeats: Vec<(u64, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in 0..n {
            if i != j && matrix.beats(i, j) {
                defeats.push((matrix.get(i, j), i, j));
            }
        }
    }
    defeats.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut locked = vec![false; n * n];
    let mut start = 0;
    while start < defeats.len() {
        let strength = defeats[start].0;
        let end = defeats[start..]
            .iter()
            .position(|d| d.0 != strength)
            .map_or(defeats.len(), |offset| start + offset);
        let group = &defeats[start..end];
        let candidates: Vec<(usize, usize)> = group
            .iter()
            .filter(|&&(_, i, j)| !reaches(&locked, n, j, i))
            .map(|&(_, i, j)| (i, j))
            .collect();
        let mut tentative = locked.clone();
        for &(i, j) in &candidates {
            tentative[i * n + j] = true;
        }
        for &(i, j) in &candidates {
            if !reaches(&tentative, n, j, i) {
                locked[i * n + j] = true;
            }
        }
        start = end;
    }
    let ranking = layers(n, |i, j| locked[i * n + j]);
    condorcet_result("ranked-pairs", profile, &matrix, ranking)
}

/// Fills in a Condorcet method's result from its ranking (as index layers).
fn condorcet_result(
    method: &'static str,
    profile: &Profile<'_>,
    matrix: &Condorcet,
    ranking: Vec<Vec<usize>>,
) -> Tally {
    let mut tally = profile.base(method);
    tally.scores = profile.whole_scores(&matrix.win_counts());
    tally.pairwise = Some(matrix.report(profile.alternatives));
    finish(tally, profile.ids(ranking))
}

/// Copeland: each alternative scores its pairwise wins minus its pairwise losses (a pairwise
/// tie counts neither); highest score wins. `scores` are these scores; `pairwise` the matrix.
pub fn copeland(election: &Election<'_>) -> Tally {
    copeland_of(&Profile::new(election))
}

fn copeland_of(profile: &Profile<'_>) -> Tally {
    let matrix = Condorcet::new(profile);
    let n = matrix.n;
    let score: Vec<i64> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| i64::from(matrix.beats(i, j)) - i64::from(matrix.beats(j, i)))
                .sum()
        })
        .collect();
    let all: Vec<usize> = (0..n).collect();
    let ranking = groups_by_key(&all, |i| score[i]);
    let mut tally = profile.base("copeland");
    tally.scores = profile.whole_scores(&score);
    tally.pairwise = Some(matrix.report(profile.alternatives));
    finish(tally, profile.ids(ranking))
}

/// Condorcet: the winner is the alternative that beats every other head to head; when there
/// is none there is no winner. The ranking is by number of pairwise wins (`scores`);
/// `pairwise` is the matrix.
pub fn condorcet(election: &Election<'_>) -> Tally {
    condorcet_of(&Profile::new(election))
}

fn condorcet_of(profile: &Profile<'_>) -> Tally {
    let matrix = Condorcet::new(profile);
    let n = matrix.n;
    let wins = matrix.win_counts();
    let all: Vec<usize> = (0..n).collect();
    let ranking = profile.ids(groups_by_key(&all, |i| wins[i]));
    let mut tally = profile.base("condorcet");
    tally.scores = profile.whole_scores(&wins);
    tally.pairwise = Some(matrix.report(profile.alternatives));
    if tally.ballots > 0 {
        tally.ranking = ranking;
        tally.winners = (0..n)
            .filter(|&i| wins[i] == n as i64 - 1)
            .map(|i| profile.alternatives[i])
            .collect();
    }
    tally
}

/// Counts ranked ballots already in compact form over `alternatives` (in ballot order) by a
/// ranked method, with exactly the result [`super::tally`] gives for the same ballots as
/// [`crate::model::Ballot`]s. `None` for a method that does not count rankings, or when the
/// compact ballots do not fit the alternatives.
pub fn tally_ranked(
    alternatives: &[AlternativeId],
    ballots: RankedProfile,
    method: &VoteMethod,
) -> Option<Tally> {
    let profile = Profile::from_compact(alternatives, ballots)?;
    Some(match method {
        VoteMethod::Plurality => plurality_of(&profile),
        VoteMethod::Borda => borda_of(&profile),
        VoteMethod::Irv => irv_of(&profile),
        VoteMethod::Schulze => schulze_of(&profile),
        VoteMethod::RankedPairs => ranked_pairs_of(&profile),
        VoteMethod::Copeland => copeland_of(&profile),
        VoteMethod::Condorcet => condorcet_of(&profile),
        _ => return None,
    })
}
