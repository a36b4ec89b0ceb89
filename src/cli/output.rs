//! What `stratboard tally` prints: a [`Tally`] as one JSON object or as a plain-text table.
//!
//! Both are pure functions of the tally and a function naming alternatives (their titles).
//! Should two alternatives of a tally share a name, both are shown as `name (#id)` so that
//! neither JSON keys nor table rows collide.
//!
//! JSON keys are in a deterministic order: objects are built from `serde_json::Map`, which
//! (without serde_json's `preserve_order` feature, off in this crate) orders keys
//! alphabetically; keys are also inserted in that order, so the output is the same if the
//! feature is ever turned on. Maps keyed by alternative (`scores`, IRV `votes`, `medians`)
//! are therefore in name order; lists (`winners`, `ranking`, `pairwise.alternatives`,
//! `eliminated`) keep the tally's order. Whole numbers are JSON integers, Borda's half points
//! and weighted means are JSON floats.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use stratboard_core::model::AlternativeId;
use stratboard_core::voting::{ConsentResult, IrvRound, Pairwise, Points, Tally};

/// Names for every alternative a tally mentions, made unique.
struct Labels {
    names: HashMap<AlternativeId, String>,
}

impl Labels {
    fn new(tally: &Tally, names: &dyn Fn(AlternativeId) -> String) -> Self {
        let mut ids: Vec<AlternativeId> = Vec::new();
        let mut add = |id: AlternativeId| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        tally.ranking.iter().flatten().for_each(|a| add(*a));
        tally.winners.iter().for_each(|a| add(*a));
        tally.scores.iter().for_each(|(a, _)| add(*a));
        tally.medians.iter().for_each(|(a, _)| add(*a));
        if let Some(pairwise) = &tally.pairwise {
            pairwise.alternatives.iter().for_each(|a| add(*a));
        }
        for round in &tally.rounds {
            round.votes.iter().for_each(|(a, _)| add(*a));
            round.eliminated.iter().for_each(|a| add(*a));
        }
        let base: Vec<(AlternativeId, String)> = ids.iter().map(|id| (*id, names(*id))).collect();
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for (_, name) in &base {
            *uses.entry(name.as_str()).or_default() += 1;
        }
        let names = base
            .iter()
            .map(|(id, name)| {
                let label = if uses.get(name.as_str()).copied().unwrap_or(0) > 1 {
                    format!("{name} (#{id})")
                } else {
                    name.clone()
                };
                (*id, label)
            })
            .collect();
        Self { names }
    }

    fn get(&self, id: AlternativeId) -> String {
        self.names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    fn list(&self, ids: &[AlternativeId]) -> Vec<String> {
        ids.iter().map(|a| self.get(*a)).collect()
    }
}

/// A number for JSON: an integer when whole, else a float.
fn number(points: Points) -> Value {
    let scale = points.scale.max(1);
    if points.scaled % scale == 0 {
        json!(points.scaled / scale)
    } else {
        json!(points.as_f64())
    }
}

/// An object from (key, value) pairs, keys inserted in sorted order.
fn object(pairs: impl IntoIterator<Item = (String, Value)>) -> Value {
    let sorted: BTreeMap<String, Value> = pairs.into_iter().collect();
    Value::Object(sorted.into_iter().collect::<Map<String, Value>>())
}

/// Majority judgment: each alternative's median grade by name (`{name: "Good"}`), next to
/// `medians` (the grade numbers); `grades` are the method's grade names, worst first.
pub fn median_grades(
    tally: &Tally,
    names: &dyn Fn(AlternativeId) -> String,
    grades: &[String],
) -> Value {
    let labels = Labels::new(tally, names);
    object(tally.medians.iter().map(|(a, g)| {
        let grade = grades.get(*g).cloned().unwrap_or_else(|| g.to_string());
        (labels.get(*a), json!(grade))
    }))
}

/// The tally as one JSON object: `method`, `ballots` (counted), `ignored`, `winners` (names),
/// `ranking` (tie groups of names, best first), and, where the method has them, `scores`
/// (`{name: number}`), `pairwise` (`{"alternatives": [names], "matrix": [[wins]]}`, row
/// beats column by that many ballots), `rounds` (IRV: `[{"votes": {name: n}, "exhausted": n,
/// "eliminated": [names]}]`), `medians` (majority judgment: `{name: grade index}`, 0 = the
/// worst grade) and `consent` (`{"for", "against", "abstain", "block", "votes_cast",
/// "quorum_reached", "threshold_met", "passed"}`).
pub fn to_json(tally: &Tally, names: &dyn Fn(AlternativeId) -> String) -> Value {
    let labels = Labels::new(tally, names);
    let mut fields: Vec<(String, Value)> = vec![
        ("method".into(), json!(tally.method)),
        ("ballots".into(), json!(tally.ballots)),
        ("ignored".into(), json!(tally.ignored)),
        ("winners".into(), json!(labels.list(&tally.winners))),
        (
            "ranking".into(),
            json!(
                tally
                    .ranking
                    .iter()
                    .map(|group| labels.list(group))
                    .collect::<Vec<_>>()
            ),
        ),
    ];
    if !tally.scores.is_empty() {
        fields.push((
            "scores".into(),
            object(
                tally
                    .scores
                    .iter()
                    .map(|(a, p)| (labels.get(*a), number(*p))),
            ),
        ));
    }
    if let Some(pairwise) = &tally.pairwise {
        fields.push((
            "pairwise".into(),
            object([
                (
                    "alternatives".into(),
                    json!(labels.list(&pairwise.alternatives)),
                ),
                ("matrix".into(), json!(pairwise.wins)),
            ]),
        ));
    }
    if !tally.rounds.is_empty() {
        let rounds: Vec<Value> = tally
            .rounds
            .iter()
            .map(|round| {
                object([
                    (
                        "votes".into(),
                        object(round.votes.iter().map(|(a, n)| (labels.get(*a), json!(n)))),
                    ),
                    ("exhausted".into(), json!(round.exhausted)),
                    ("eliminated".into(), json!(labels.list(&round.eliminated))),
                ])
            })
            .collect();
        fields.push(("rounds".into(), Value::Array(rounds)));
    }
    if !tally.medians.is_empty() {
        fields.push((
            "medians".into(),
            object(
                tally
                    .medians
                    .iter()
                    .map(|(a, g)| (labels.get(*a), json!(g))),
            ),
        ));
    }
    if let Some(consent) = &tally.consent {
        fields.push((
            "consent".into(),
            object([
                ("for".into(), json!(consent.for_)),
                ("against".into(), json!(consent.against)),
                ("abstain".into(), json!(consent.abstain)),
                ("block".into(), json!(consent.block)),
                ("votes_cast".into(), json!(consent.votes_cast)),
                ("quorum_reached".into(), json!(consent.quorum_reached)),
                ("threshold_met".into(), json!(consent.threshold_met)),
                ("passed".into(), json!(consent.passed)),
            ]),
        ));
    }
    object(fields)
}

/// Pads `text` to `width` characters (not bytes, so Cyrillic lines up).
fn pad(text: &str, width: usize) -> String {
    format!("{text:<width$}")
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{text:>width$}")
}

/// The tally as a readable plain-text table: method, ballots, winners; the ranking (rank,
/// alternative, score and median where present, winners marked `*`, tied ranks marked `=`);
/// the pairwise matrix; the IRV rounds; the consent counts and verdict.
pub fn to_table(tally: &Tally, names: &dyn Fn(AlternativeId) -> String) -> String {
    let labels = Labels::new(tally, names);
    let mut out = summary(tally, &labels);
    if !tally.ranking.is_empty() {
        out.push_str(&ranking_table(tally, &labels));
    }
    if let Some(pairwise) = &tally.pairwise {
        out.push_str(&pairwise_matrix(pairwise, &labels));
    }
    if !tally.rounds.is_empty() {
        out.push_str(&irv_rounds(&tally.rounds, &labels));
    }
    if let Some(consent) = &tally.consent {
        out.push_str(&consent_verdict(consent));
    }
    out
}

/// The table's head: method, ballots counted and ignored, winners.
fn summary(tally: &Tally, labels: &Labels) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Method:  {}", tally.method);
    let _ = writeln!(
        out,
        "Ballots: {} counted, {} ignored",
        tally.ballots, tally.ignored
    );
    let _ = writeln!(out, "Winners: {}", names_or_none(labels, &tally.winners));
    out
}

/// The alternatives' names joined by commas, or `none`.
fn names_or_none(labels: &Labels, ids: &[AlternativeId]) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        labels.list(ids).join(", ")
    }
}

/// One column of the ranking table: its title, which cell of a row it shows, and whether it
/// is aligned left (else right).
struct Column {
    title: &'static str,
    cell: usize,
    left: bool,
}

/// The ranking: a row per alternative (rank, name with the winners marked, score and median
/// where the method has them), preceded by a blank line.
fn ranking_table(tally: &Tally, labels: &Labels) -> String {
    let scores: HashMap<AlternativeId, Points> = tally.scores.iter().copied().collect();
    let medians: HashMap<AlternativeId, usize> = tally.medians.iter().copied().collect();
    let rows = ranking_rows(tally, labels, &scores, &medians);
    let mut columns = vec![
        Column {
            title: "Rank",
            cell: 0,
            left: false,
        },
        Column {
            title: "  Alternative",
            cell: 1,
            left: true,
        },
    ];
    if !scores.is_empty() {
        columns.push(Column {
            title: "Score",
            cell: 2,
            left: false,
        });
    }
    if !medians.is_empty() {
        columns.push(Column {
            title: "Median",
            cell: 3,
            left: false,
        });
    }
    let widths: Vec<usize> = columns
        .iter()
        .map(|column| {
            rows.iter()
                .map(|row| row[column.cell].chars().count())
                .chain([column.title.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::from("\n");
    let _ = writeln!(
        out,
        "{}",
        aligned_line(&columns, &widths, |column| column.title)
    );
    for row in &rows {
        let _ = writeln!(
            out,
            "{}",
            aligned_line(&columns, &widths, |column| &row[column.cell])
        );
    }
    if !medians.is_empty() {
        let _ = writeln!(out, "(median: grade number, 0 = the worst grade)");
    }
    out
}

/// The ranking's cells, best first: rank (`2=` where tied), marked name, score, median.
fn ranking_rows(
    tally: &Tally,
    labels: &Labels,
    scores: &HashMap<AlternativeId, Points>,
    medians: &HashMap<AlternativeId, usize>,
) -> Vec<[String; 4]> {
    let mut rows = Vec::new();
    let mut position = 1usize;
    for group in &tally.ranking {
        let rank = if group.len() > 1 {
            format!("{position}=")
        } else {
            position.to_string()
        };
        for alternative in group {
            let marker = if tally.winners.contains(alternative) {
                "* "
            } else {
                "  "
            };
            rows.push([
                rank.clone(),
                format!("{marker}{}", labels.get(*alternative)),
                scores
                    .get(alternative)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                medians
                    .get(alternative)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ]);
        }
        position += group.len();
    }
    rows
}

/// One line of the ranking table: each column's text padded to its width, two spaces apart,
/// without trailing spaces.
fn aligned_line<'a>(
    columns: &'a [Column],
    widths: &[usize],
    text: impl Fn(&'a Column) -> &'a str,
) -> String {
    let parts: Vec<String> = columns
        .iter()
        .zip(widths)
        .map(|(column, width)| {
            if column.left {
                pad(text(column), *width)
            } else {
                pad_left(text(column), *width)
            }
        })
        .collect();
    parts.join("  ").trim_end().to_owned()
}

/// The pairwise matrix: numbered rows of names, numbered columns, `-` on the diagonal.
fn pairwise_matrix(pairwise: &Pairwise, labels: &Labels) -> String {
    let n = pairwise.alternatives.len();
    let row_names: Vec<String> = pairwise
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{} {}", i + 1, labels.get(*a)))
        .collect();
    let name_width = row_names
        .iter()
        .map(|r| r.chars().count())
        .max()
        .unwrap_or(0);
    let cell_width = pairwise
        .wins
        .iter()
        .flatten()
        .map(|w| w.to_string().len())
        .chain([n.to_string().len()])
        .max()
        .unwrap_or(1);
    let mut out = String::from("\nPairwise (ballots preferring the row to the column):\n");
    let mut head = pad("", name_width);
    for j in 0..n {
        head.push_str("  ");
        head.push_str(&pad_left(&(j + 1).to_string(), cell_width));
    }
    let _ = writeln!(out, "{}", head.trim_end());
    for (i, name) in row_names.iter().enumerate() {
        let mut row = pad(name, name_width);
        for j in 0..n {
            let cell = if i == j {
                "-".to_owned()
            } else {
                pairwise
                    .wins
                    .get(i)
                    .and_then(|r| r.get(j))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            row.push_str("  ");
            row.push_str(&pad_left(&cell, cell_width));
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    out
}

/// The instant-runoff rounds: each round's votes, exhausted ballots and who was eliminated.
fn irv_rounds(rounds: &[IrvRound], labels: &Labels) -> String {
    let mut out = String::from("\nRounds:\n");
    for (i, round) in rounds.iter().enumerate() {
        let votes: Vec<String> = round
            .votes
            .iter()
            .map(|(a, n)| format!("{} {n}", labels.get(*a)))
            .collect();
        let _ = writeln!(
            out,
            "{}. {}; exhausted {}; eliminated: {}",
            i + 1,
            votes.join(", "),
            round.exhausted,
            names_or_none(labels, &round.eliminated)
        );
    }
    out
}

/// Consent: the counts, then quorum, threshold and verdict in words.
fn consent_verdict(consent: &ConsentResult) -> String {
    let yes_no =
        |yes: bool, said: &'static str, denied: &'static str| if yes { said } else { denied };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nFor {}, against {}, abstain {}, block {}; votes cast (for + against): {}",
        consent.for_, consent.against, consent.abstain, consent.block, consent.votes_cast
    );
    let _ = writeln!(
        out,
        "Quorum: {}",
        yes_no(consent.quorum_reached, "reached", "not reached")
    );
    let _ = writeln!(
        out,
        "Threshold: {}",
        yes_no(consent.threshold_met, "met", "not met")
    );
    let _ = writeln!(
        out,
        "Verdict: {}",
        yes_no(consent.passed, "passed", "not passed")
    );
    out
}
