//! `stratboard tally`: count a vote from a session file, or paper ballots from a CSV or
//! PrefLib file, and print the result (a table, or one JSON object with `--json`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use super::output;
use stratboard_core::model::{
    AlternativeId, Choice, METHODS, MethodDefaults, MethodInfo, ResultsVisibility, Session,
    Threshold, TieBreak, VoteId, VoteMethod, VoteStatus,
};
use stratboard_core::storage;
use stratboard_core::voting::{self, Election, import};

/// What to count.
pub enum Source<'a> {
    /// A vote of a session, in one round (the last by default).
    Session {
        /// The session file.
        path: &'a Path,
        /// The vote's id.
        vote: u32,
        /// The round (1-based).
        round: Option<u32>,
    },
    /// Ballots in a CSV or PrefLib file, counted by a method given by name.
    Ballots {
        /// The ballots file.
        path: &'a Path,
        /// The method's CLI name.
        method: &'a str,
        /// Grade count for majority judgment; score range for score.
        scale: Scale,
    },
}

/// Settings of scale-based methods given on the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scale {
    /// Lowest score (score method).
    pub min: Option<i32>,
    /// Highest score (score method).
    pub max: Option<i32>,
    /// Number of grades (majority judgment), grades numbered 0 (worst) to N−1 (best).
    pub grades: Option<u32>,
}

/// Runs `stratboard tally`.
pub fn run(source: Source<'_>, json: bool) -> ExitCode {
    let counted = match source {
        Source::Session { path, vote, round } => from_session(path, vote, round),
        Source::Ballots {
            path,
            method,
            scale,
        } => from_ballots(path, method, scale),
    };
    match counted {
        Ok(Counted {
            tally,
            names,
            grades,
            tie_break,
        }) => {
            let name =
                |id: AlternativeId| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
            if json {
                let mut value = output::to_json(&tally, &name);
                if let Some(object) = value.as_object_mut()
                    && !grades.is_empty()
                    && !tally.medians.is_empty()
                {
                    object.insert(
                        "median_grades".into(),
                        output::median_grades(&tally, &name, &grades),
                    );
                }
                if let (Some(tie), Some(object)) = (&tie_break, value.as_object_mut()) {
                    object.insert(
                        "tie_break".into(),
                        serde_json::json!({
                            "among": tie.among.iter().map(|a| name(*a)).collect::<Vec<_>>(),
                            "note": tie.note,
                            "winner": name(tie.winner),
                        }),
                    );
                }
                println!("{value}");
            } else {
                print!("{}", output::to_table(&tally, &name));
                if let Some(tie) = &tie_break {
                    let among: Vec<String> = tie.among.iter().map(|a| name(*a)).collect();
                    println!(
                        "tie broken by lot: {} (among {}){}",
                        name(tie.winner),
                        among.join(", "),
                        if tie.note.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", tie.note)
                        }
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

struct Counted {
    tally: voting::Tally,
    names: BTreeMap<AlternativeId, String>,
    /// Majority judgment: the grades' names, worst first (empty for other methods).
    grades: Vec<String>,
    /// The tie-break by lot recorded for this round's tie, if any.
    tie_break: Option<TieBreak>,
}

fn from_session(path: &Path, vote: u32, round: Option<u32>) -> Result<Counted, String> {
    let loaded = storage::load(path).map_err(|e| e.to_string())?;
    let session: &Session = &loaded.session;
    let file = path.display();
    let vote = session
        .vote(VoteId(vote))
        .ok_or_else(|| format!("{file}: there is no vote with id {vote}"))?;
    if vote.visibility == ResultsVisibility::AfterClose && vote.status != VoteStatus::Closed {
        return Err(format!(
            "{file}: the results of vote {} are hidden until the vote is closed",
            vote.id
        ));
    }
    let round = match round {
        Some(number) => vote
            .rounds
            .iter()
            .find(|r| r.number == number)
            .ok_or_else(|| format!("{file}: vote {} has no round {number}", vote.id))?,
        None => vote
            .rounds
            .last()
            .ok_or_else(|| format!("{file}: vote {} has no ballots yet", vote.id))?,
    };
    let tally = voting::count_round(vote, round).map_err(|e| format!("{file}: {e}"))?;
    let names = vote
        .alternatives
        .iter()
        .map(|id| {
            let title = session
                .alternative(*id)
                .map_or_else(|| id.to_string(), |a| a.title.clone());
            (*id, title)
        })
        .collect();
    let tie_break = voting::recorded_tie_break(round, &tally).cloned();
    Ok(Counted {
        tally,
        names,
        grades: grade_names(&vote.method),
        tie_break,
    })
}

fn from_ballots(path: &Path, method_name: &str, scale: Scale) -> Result<Counted, String> {
    let file = path.display();
    let probe = method_from_name(method_name, 2, 0, 10).ok_or_else(|| {
        format!(
            "unknown method {method_name:?}; use one of: {}",
            METHODS.map(|info| info.name).join(", ")
        )
    })?;
    let kind = import::BallotKind::for_method(&probe).ok_or_else(|| {
        format!("{method_name}: ballots of this method cannot be read from a file (only ranked, approval, score and majority-judgment ballots can)")
    })?;
    if kind == import::BallotKind::Ranked
        && let Some(counted) = from_ranked_csv(path, &probe)
    {
        return Ok(counted);
    }
    let imported = stratboard_core::voting::import::file::read(path, kind)
        .map_err(|e| format!("{file}: {e}"))?;
    let highest = imported
        .ballots
        .iter()
        .flat_map(|b| match &b.choice {
            Choice::Scores(scores) => scores.iter().map(|s| s.value).max(),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let grades = scale
        .grades
        .map_or_else(|| (highest + 1).max(2) as usize, |g| g as usize);
    let min = scale.min.unwrap_or(0);
    let max = scale.max.unwrap_or(highest.max(min + 1));
    let method = method_from_name(method_name, grades, min, max)
        .ok_or_else(|| format!("unknown method {method_name:?}"))?;
    let alternatives: Vec<AlternativeId> = (1..=imported.alternatives.len())
        .map(|i| AlternativeId(i as u32))
        .collect();
    let names = alternatives
        .iter()
        .copied()
        .zip(imported.alternatives.iter().cloned())
        .collect();
    let election = Election {
        alternatives: &alternatives,
        ballots: &imported.ballots,
        method: &method,
        quorum: None,
        threshold: Threshold::SimpleMajority,
    };
    let tally = voting::tally(&election).map_err(|e| format!("{file}: {e}"))?;
    Ok(Counted {
        tally,
        names,
        grades: grade_names(&method),
        tie_break: None,
    })
}

/// The method of this CLI name with the given scale settings (consent allows blocks; the
/// grades of majority judgment are numbered 0 to `grades` − 1).
fn method_from_name(name: &str, grades: usize, min: i32, max: i32) -> Option<VoteMethod> {
    let defaults = MethodDefaults {
        allow_block: true,
        min,
        max,
        grades: (0..grades).map(|g| g.to_string()).collect(),
        ..MethodDefaults::default()
    };
    MethodInfo::by_name(name).map(|info| (info.new)(&defaults))
}

/// Ranked ballots of a CSV file read straight into the compact form and counted without a
/// `Ballot` per line (the same result). `None` when the file needs the full reader, which
/// then gives the ballots or says what is wrong.
fn from_ranked_csv(path: &Path, method: &VoteMethod) -> Option<Counted> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    // The extension first: a wrong file type is not opened.
    if !matches!(
        import::check_name(&name, import::BallotKind::Ranked),
        Ok(None)
    ) {
        return None;
    }
    let bytes = stratboard_core::voting::import::file::read_bytes(path).ok()?;
    let (titles, ballots) = import::read_ranked_csv(&name, &bytes)?;
    // The file's bytes are not needed to count: freed before the count's own memory is taken.
    drop(bytes);
    let alternatives: Vec<AlternativeId> = (1..=titles.len())
        .map(|i| AlternativeId(i as u32))
        .collect();
    let tally = voting::tally_ranked(&alternatives, ballots, method)?;
    Some(Counted {
        tally,
        names: alternatives.into_iter().zip(titles).collect(),
        grades: Vec::new(),
        tie_break: None,
    })
}

/// The grades of a majority-judgment method, worst first; empty for other methods.
fn grade_names(method: &VoteMethod) -> Vec<String> {
    match method {
        VoteMethod::MajorityJudgment { grades } => grades.clone(),
        _ => Vec::new(),
    }
}
