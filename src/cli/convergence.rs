//! `stratboard convergence SESSION.ron [--json]`: how close the groups' positions are, round by
//! round (the consensus index, mean, median, IQR), and how much ranked votes' voters agree
//! (Kendall's W). The measures are `stratboard_core::convergence`'s; this module only prints them.
//!
//! The JSON object is a contract (issue 12): keys in alphabetical order, numbers rounded to 4
//! decimals as JSON numbers, `null` where a figure is undefined:
//! `{"positions": [{"alternative", "rounds": [{"consensus", "iqr", "mean", "median", "round",
//! "stances": {"+", "++", "-", "--", "0", "?"}}], "title"}], "votes": [{"question", "rounds":
//! [{"ballots", "kendall_w", "round"}], "vote"}]}`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Map, Value};

use stratboard_core::convergence::{
    Agreement, AlternativeConvergence, Convergence, Measures, Movement, RankedVoteConvergence,
    RoundConvergence, STANCE_SYMBOLS, convergence,
};
use stratboard_core::model::Session;

/// Runs `stratboard convergence`: prints the table (or JSON) on stdout; a file that cannot be
/// read goes to stderr with exit code 1.
pub fn run(path: &Path, json: bool) -> ExitCode {
    let loaded = match super::load_anyway(path, "measuring") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let measured = convergence(&loaded.session);
    if json {
        println!("{}", to_json(&measured));
    } else {
        print!("{}", to_table(&loaded.session, &measured));
    }
    ExitCode::SUCCESS
}

/// A figure rounded to 4 decimals as a JSON number, `null` when undefined.
fn number(value: Option<f64>) -> Value {
    match value {
        Some(x) if x.is_finite() => {
            let rounded = (x * 10_000.0).round() / 10_000.0;
            // No "-0.0".
            Value::from(if rounded == 0.0 { 0.0 } else { rounded })
        }
        _ => Value::Null,
    }
}

fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    let mut pairs = pairs;
    pairs.sort_by_key(|(key, _)| *key);
    for (key, value) in pairs {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// The `--json` object (see the module docs).
pub fn to_json(measured: &Convergence) -> Value {
    let positions: Vec<Value> = measured.alternatives.iter().map(position_json).collect();
    let votes: Vec<Value> = measured.ranked_votes.iter().map(ranked_vote_json).collect();
    object([
        ("positions", Value::Array(positions)),
        ("votes", Value::Array(votes)),
    ])
}

/// One alternative's positions, round by round.
fn position_json(alternative: &AlternativeConvergence) -> Value {
    let rounds: Vec<Value> = alternative.rounds.iter().map(position_round_json).collect();
    object([
        ("alternative", Value::from(alternative.alternative.0)),
        ("rounds", Value::Array(rounds)),
        ("title", Value::from(alternative.title.as_str())),
    ])
}

/// One round of an alternative's positions: its measures and the count of each stance, by
/// symbol.
fn position_round_json(round: &RoundConvergence) -> Value {
    let mut stances = Map::new();
    let mut counts: Vec<(&str, u32)> = STANCE_SYMBOLS
        .iter()
        .copied()
        .zip(round.stances.0.iter().copied())
        .collect();
    counts.sort_by_key(|(symbol, _)| *symbol);
    for (symbol, count) in counts {
        stances.insert(symbol.to_owned(), Value::from(count));
    }
    object([
        ("consensus", number(round.measures.consensus)),
        ("iqr", number(round.measures.iqr)),
        ("mean", number(round.measures.mean)),
        ("median", number(round.measures.median)),
        ("round", Value::from(round.round)),
        ("stances", Value::Object(stances)),
    ])
}

/// One ranked vote: Kendall's W round by round.
fn ranked_vote_json(vote: &RankedVoteConvergence) -> Value {
    let rounds: Vec<Value> = vote
        .rounds
        .iter()
        .map(|r| {
            object([
                ("ballots", Value::from(r.ballots)),
                ("kendall_w", number(r.kendall_w)),
                ("round", Value::from(r.round)),
            ])
        })
        .collect();
    object([
        ("question", Value::from(vote.question.as_str())),
        ("rounds", Value::Array(rounds)),
        ("vote", Value::from(vote.vote.0)),
    ])
}

/// A figure for the table: 2 decimals, "—" when undefined.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |x| format!("{:.2}", x + 0.0))
}

/// A change for the table: signed, 2 decimals, blank when undefined.
fn change(value: Option<f64>) -> String {
    value.map_or_else(String::new, |x| {
        let x = if x.abs() < 0.005 { 0.0 } else { x };
        format!("{x:+.2}")
    })
}

fn measures_row(out: &mut String, label: &str, stances: &str, m: &Measures) {
    let row = format!(
        "{label:>8}  {stances}  {:>9}  {:>5}  {:>6}  {:>4}  {:>6}",
        figure(m.consensus),
        figure(m.mean),
        figure(m.median),
        figure(m.iqr),
        change(m.consensus_change),
    );
    let _ = writeln!(out, "{}", row.trim_end());
}

fn arrows(session: &Session, round: &RoundConvergence) -> String {
    round
        .groups
        .iter()
        .filter_map(|g| {
            let arrow = match g.movement? {
                Movement::Toward => "→←",
                Movement::Away => "←→",
                Movement::Held => return None,
            };
            let name = session
                .group(g.group)
                .map_or_else(|| format!("#{}", g.group), |group| group.name.clone());
            Some(format!("{name} {arrow}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain-text table.
pub fn to_table(session: &Session, measured: &Convergence) -> String {
    let mut out = String::new();
    if measured.is_empty() && measured.score_votes.is_empty() {
        out.push_str("no positions and no ranked, score or majority-judgment votes\n");
        return out;
    }
    for a in &measured.alternatives {
        let _ = writeln!(out, "{} (#{})", a.title, a.alternative);
        let header: Vec<String> = STANCE_SYMBOLS.iter().map(|s| format!("{s:>2}")).collect();
        let _ = writeln!(
            out,
            "   round  {}  consensus   mean  median   IQR  change",
            header.join(" ")
        );
        for r in &a.rounds {
            let counts: Vec<String> = r.stances.0.iter().map(|c| format!("{c:>2}")).collect();
            measures_row(
                &mut out,
                &r.round.to_string(),
                &counts.join(" "),
                &r.measures,
            );
            if let Some(weighted) = &r.weighted {
                let blank = " ".repeat(counts.join(" ").chars().count());
                measures_row(&mut out, "weighted", &blank, weighted);
            }
            let moved = arrows(session, r);
            if !moved.is_empty() {
                let _ = writeln!(out, "          moved: {moved}");
            }
        }
        out.push('\n');
    }
    if !measured.alternatives.is_empty() {
        out.push_str("By agreement (last round):\n");
        for (place, ranked) in measured.ranking(false).iter().enumerate() {
            let title = measured
                .alternatives
                .iter()
                .find(|a| a.alternative == ranked.alternative)
                .map_or("", |a| a.title.as_str());
            let class = match ranked.agreement {
                Agreement::Unifying => "  unifying",
                Agreement::Divisive => "  divisive",
                Agreement::Neither => "",
            };
            let _ = writeln!(
                out,
                "  {}. {title}  consensus {}  mean {}{class}",
                place + 1,
                figure(ranked.consensus),
                figure(ranked.mean),
            );
        }
        if measured.stable {
            out.push_str("Positions are stable: no consensus index moved by 0.05 or more in the last round.\n");
        }
        out.push('\n');
    }
    for v in &measured.ranked_votes {
        let _ = writeln!(out, "{} (vote #{}): Kendall's W", v.question, v.vote);
        out.push_str("  round  ballots     W  change\n");
        for r in &v.rounds {
            let row = format!(
                "  {:>5}  {:>7}  {:>4}  {:>6}",
                r.round,
                r.ballots,
                figure(r.kendall_w),
                change(r.change)
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
        out.push('\n');
    }
    for v in &measured.score_votes {
        let _ = writeln!(out, "{} (vote #{}): IQR of the scores", v.question, v.vote);
        for r in &v.rounds {
            let _ = writeln!(out, "  round {} ({} ballots)", r.round, r.ballots);
            for s in &r.alternatives {
                let title = session
                    .alternative(s.alternative)
                    .map_or_else(|| format!("#{}", s.alternative), |a| a.title.clone());
                let _ = writeln!(
                    out,
                    "    {title}: median {}, IQR {}",
                    figure(s.median),
                    figure(s.iqr)
                );
            }
        }
        out.push('\n');
    }
    out
}
