//! The votes part of the protocol: question, method, ballots, results, verdict, chart, and —
//! in open votes only — how each participant voted. Also [`choice_text`], the one way a ballot
//! is written in words (the protocol's roll call and the CSV export share it).

use super::context::Ctx;
use super::document::{Align, Bar, Block, Chart, Item, Span, Table};
use crate::i18n::Tr;
use crate::i18n::labels::{Named, chart_caption_key, method_key, vote_rules};
use crate::model::{
    AlternativeId, Anonymity, Choice, ConsentChoice, GoalId, Session, Vote, VoteMethod, VoteRound,
    VoteStatus,
};
use crate::voting::{ChartMeasure, Tally, chart_values, count_round, results_visible};

pub use super::context::alternative_title;

/// A ballot's choice in words: "For", "A > B = C", "A, B", "A: 5; B: 3", "A / goal: 4".
pub fn choice_text(session: &Session, tr: &Tr, vote: &Vote, choice: &Choice) -> String {
    let title = |id: AlternativeId| alternative_title(session, tr, id);
    let goal = |id: GoalId| {
        session
            .goal(id)
            .map_or_else(|| format!("#{id}"), |g| g.title.clone())
    };
    match choice {
        Choice::Consent(choice) => choice.name(tr),
        Choice::Ranking(groups) => groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|a| title(*a))
                    .collect::<Vec<_>>()
                    .join(" = ")
            })
            .collect::<Vec<_>>()
            .join(" > "),
        Choice::Approval(ids) => ids.iter().map(|a| title(*a)).collect::<Vec<_>>().join("; "),
        Choice::Scores(scores) => scores
            .iter()
            .map(|s| {
                let value = match &vote.method {
                    VoteMethod::MajorityJudgment { grades } => usize::try_from(s.value)
                        .ok()
                        .and_then(|i| grades.get(i).cloned())
                        .unwrap_or_else(|| s.value.to_string()),
                    _ => s.value.to_string(),
                };
                format!("{}: {value}", title(s.alternative))
            })
            .collect::<Vec<_>>()
            .join("; "),
        Choice::Dots(dots) => dots
            .iter()
            .map(|d| format!("{}: {}", title(d.alternative), d.dots))
            .collect::<Vec<_>>()
            .join("; "),
        Choice::Matrix(cells) => cells
            .iter()
            .map(|c| format!("{} / {}: {}", title(c.alternative), goal(c.goal), c.value))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The blocks of one vote (`index` from 0).
pub(super) fn vote_blocks(cx: &Ctx<'_>, index: usize, vote: &Vote) -> Vec<Block> {
    let tr = &cx.tr;
    let mut blocks = vec![Block::heading(
        3,
        format!("{}. {}", index + 1, vote.question),
    )];
    blocks.push(Block::field(
        &tr.t("report-method"),
        tr.t(method_key(&vote.method)),
    ));
    blocks.push(Block::field(
        &tr.t("report-ballot-secrecy"),
        tr.t(match vote.anonymity {
            Anonymity::Open => "votes-anonymity-chip-Open",
            Anonymity::Anonymous => "votes-anonymity-chip-Anonymous",
            Anonymity::Secret => "votes-anonymity-chip-Secret",
        }),
    ));
    if vote.anonymity == Anonymity::Secret {
        // What the secrecy guarantees, and its limit.
        blocks.push(Block::text(tr.t("report-secret-batches")));
    }
    blocks.push(Block::field(&tr.t("report-rules"), vote_rules(tr, vote)));
    if matches!(vote.method, VoteMethod::Consent { .. }) && !vote.alternatives.is_empty() {
        let names: Vec<String> = vote
            .alternatives
            .iter()
            .map(|a| super::sections::cited(cx, *a))
            .collect();
        blocks.push(Block::field(
            &tr.t("report-decision-alternatives"),
            names.join("; "),
        ));
    }
    match vote.status {
        VoteStatus::Draft => {
            blocks.push(Block::text(tr.t("report-vote-draft")));
            return blocks;
        }
        _ if !results_visible(vote) => {
            blocks.push(Block::text(tr.t("votes-results-hidden")));
            return blocks;
        }
        VoteStatus::Open => blocks.push(Block::text(tr.t("report-vote-open"))),
        VoteStatus::Closed => {}
    }
    let several = vote.rounds.len() > 1;
    for round in &vote.rounds {
        if several {
            blocks.push(Block::Paragraph {
                line: vec![Span::bold(tr.args(
                    "votes-round",
                    &[("number", i64::from(round.number).into())],
                ))],
                align: Align::Left,
            });
        }
        round_blocks(cx, vote, round, &mut blocks);
    }
    blocks
}

fn round_blocks(cx: &Ctx<'_>, vote: &Vote, round: &VoteRound, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    if let Some(count) = &round.attendance {
        blocks.push(Block::text(super::attendance::vote_line(cx, count)));
    }
    let tally = match count_round(vote, round) {
        Ok(tally) => tally,
        Err(error) => {
            let reason = crate::i18n::errors::tally_error(tr, &error);
            blocks.push(Block::text(tr.with(
                "votes-cannot-count",
                "reason",
                &reason,
            )));
            return;
        }
    };
    if !round.voters.is_empty() {
        blocks.push(Block::text(tr.args(
            "votes-turnout",
            &[
                ("voted", (round.voters.len() as i64).into()),
                ("total", (cx.session.electorate() as i64).into()),
            ],
        )));
    }
    blocks.push(Block::text(tr.n("report-ballots", tally.ballots as i64)));
    if tally.ignored > 0 {
        blocks.push(Block::text(tr.n("report-ignored", tally.ignored as i64)));
    }
    if let Some(consent) = &tally.consent {
        let mut line = tr.args(
            "report-consent-result",
            &[
                ("for", (consent.for_ as i64).into()),
                ("against", (consent.against as i64).into()),
                ("abstain", (consent.abstain as i64).into()),
            ],
        );
        if matches!(vote.method, VoteMethod::Consent { allow_block: true }) {
            line.push_str(&tr.n("report-consent-blocks", consent.block as i64));
        }
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(line)],
            align: Align::Left,
        });
        let mut verdict = vec![tr.t(if consent.passed {
            "report-passed"
        } else {
            "report-not-passed"
        })];
        if !consent.quorum_reached {
            verdict.push(tr.n("report-quorum-missed", i64::from(vote.quorum.unwrap_or(0))));
        }
        if consent.block > 0 {
            verdict.push(tr.t("report-blocked"));
        }
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(verdict.join(" "))],
            align: Align::Left,
        });
        blocks.extend(seal(cx, round));
    } else {
        blocks.push(winners(cx, round, &tally));
        blocks.extend(seal(cx, round));
        blocks.push(Block::Table(results_table(cx, vote, &tally)));
        irv_rounds(cx, &tally, blocks);
        pairwise(cx, &tally, blocks);
    }
    blocks.push(Block::Chart(chart(cx, vote, &tally)));
    if vote.anonymity == Anonymity::Open {
        roll_call(cx, vote, round, blocks);
    }
}

/// The round's seal, next to its result: the first 16 hex digits and the time of closing, so a
/// paper copy can be matched with the file (`stratboard verify`).
fn seal(cx: &Ctx<'_>, round: &VoteRound) -> Option<Block> {
    let seal = round.seal.as_ref()?;
    let closed = seal.closed_at.format("%Y-%m-%d %H:%M UTC").to_string();
    Some(Block::text(cx.tr.args(
        "report-seal",
        &[
            ("seal", seal.short().to_owned().into()),
            ("closed", closed.into()),
        ],
    )))
}

fn winners(cx: &Ctx<'_>, round: &VoteRound, tally: &Tally) -> Block {
    let tr = &cx.tr;
    let names = |ids: &[AlternativeId]| {
        ids.iter()
            .map(|a| super::sections::cited(cx, *a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let text = match tally.winners.as_slice() {
        [] => tr.t("votes-no-winner"),
        [one] => tr.with("votes-winner", "name", &super::sections::cited(cx, *one)),
        tied => match crate::voting::recorded_tie_break(round, tally) {
            Some(tie) => format!(
                "{}. {}",
                tr.with(
                    "votes-won-by-lot",
                    "name",
                    &super::sections::cited(cx, tie.winner)
                ),
                tr.with("votes-tie-was", "names", &names(tied))
            ),
            None => tr.with("votes-tie", "names", &names(tied)),
        },
    };
    Block::Paragraph {
        line: vec![Span::bold(text)],
        align: Align::Left,
    }
}

/// The result of each alternative as text: total, median grade, first preferences or pairwise
/// wins.
fn result_texts(vote: &Vote, tally: &Tally) -> Vec<String> {
    let values = chart_values(vote, tally);
    vote.alternatives
        .iter()
        .enumerate()
        .map(|(i, id)| {
            if let (Some((_, median)), VoteMethod::MajorityJudgment { grades }) =
                (tally.medians.iter().find(|(a, _)| a == id), &vote.method)
            {
                return grades.get(*median).cloned().unwrap_or_default();
            }
            if let Some((_, points)) = tally.scores.iter().find(|(a, _)| a == id) {
                return points.to_string();
            }
            values
                .get(i)
                .map_or_else(String::new, |v| crate::voting::number_text(*v))
        })
        .collect()
}

fn results_table(cx: &Ctx<'_>, vote: &Vote, tally: &Tally) -> Table {
    let tr = &cx.tr;
    let texts = result_texts(vote, tally);
    let mut rows = Vec::new();
    let mut place = 1;
    for group in &tally.ranking {
        for id in group {
            let mark = if group.len() > 1 {
                format!("{place}=")
            } else {
                place.to_string()
            };
            let text = vote
                .alternatives
                .iter()
                .position(|a| a == id)
                .and_then(|i| texts.get(i).cloned())
                .unwrap_or_default();
            rows.push(vec![mark, super::sections::cited(cx, *id), text]);
        }
        place += group.len();
    }
    Table {
        header: vec![
            tr.t("report-column-place"),
            tr.t("report-column-alternative"),
            tr.t("report-column-result"),
        ],
        widths: vec![12, 63, 25],
        rows,
    }
}

fn irv_rounds(cx: &Ctx<'_>, tally: &Tally, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let items: Vec<Item> = tally
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let votes: Vec<String> = round
                .votes
                .iter()
                .map(|(a, n)| format!("{} — {n}", cx.alternative(*a)))
                .collect();
            let mut text = tr.args(
                "report-irv-round",
                &[
                    ("number", (i as i64 + 1).into()),
                    ("votes", votes.join(", ").into()),
                ],
            );
            if round.exhausted > 0 {
                text.push_str(&format!(
                    "; {}",
                    tr.n("report-irv-exhausted", round.exhausted as i64)
                ));
            }
            if !round.eliminated.is_empty() {
                let names: Vec<String> = round
                    .eliminated
                    .iter()
                    .map(|a| cx.alternative(*a))
                    .collect();
                text.push_str(&format!(
                    "; {}",
                    tr.with("report-irv-eliminated", "names", &names.join(", "))
                ));
            }
            Item::bullet(vec![Span::plain(text)])
        })
        .collect();
    if !items.is_empty() {
        blocks.push(Block::List(items));
    }
}

/// The pairwise matrix, for up to eight alternatives (beyond that it does not fit a page).
fn pairwise(cx: &Ctx<'_>, tally: &Tally, blocks: &mut Vec<Block>) {
    let Some(pairwise) = &tally.pairwise else {
        return;
    };
    let n = pairwise.alternatives.len();
    if !(2..=8).contains(&n) {
        return;
    }
    blocks.push(Block::Paragraph {
        line: vec![Span::bold(cx.tr.t("report-pairwise"))],
        align: Align::Left,
    });
    let mut header = vec![String::new()];
    header.extend((1..=n).map(|i| i.to_string()));
    let rows = pairwise
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut row = vec![format!("{}. {}", i + 1, cx.alternative(*a))];
            row.extend((0..n).map(|j| {
                if i == j {
                    "—".to_owned()
                } else {
                    pairwise
                        .wins
                        .get(i)
                        .and_then(|r| r.get(j))
                        .map_or_else(String::new, u64::to_string)
                }
            }));
            row
        })
        .collect();
    let mut widths = vec![40];
    widths.extend(std::iter::repeat_n(60 / n as u16, n));
    blocks.push(Block::Table(Table {
        header,
        widths,
        rows,
    }));
}

fn chart(cx: &Ctx<'_>, vote: &Vote, tally: &Tally) -> Chart {
    let tr = &cx.tr;
    let values = chart_values(vote, tally);
    if let VoteMethod::Consent { allow_block } = vote.method {
        let choices = ConsentChoice::offered(allow_block);
        return Chart {
            caption: tr.t("votes-chart-consent"),
            bars: choices
                .iter()
                .zip(&values)
                .map(|(choice, value)| Bar {
                    label: choice.name(tr),
                    value: *value,
                    text: crate::voting::number_text(*value),
                    highlight: *choice == ConsentChoice::For
                        && tally.consent.as_ref().is_some_and(|c| c.passed),
                })
                .collect(),
            full: None,
        };
    }
    let caption = chart_caption_key(ChartMeasure::of(&vote.method));
    let texts = result_texts(vote, tally);
    Chart {
        caption: tr.t(caption),
        bars: vote
            .alternatives
            .iter()
            .zip(&values)
            .zip(&texts)
            .map(|((id, value), text)| Bar {
                label: cx.alternative(*id),
                value: value.max(0.0),
                text: text.clone(),
                highlight: tally.winners.contains(id),
            })
            .collect(),
        full: None,
    }
}

/// How each participant voted, for open votes: a table of names and choices in the order the
/// ballots were cast.
fn roll_call(cx: &Ctx<'_>, vote: &Vote, round: &VoteRound, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let rows: Vec<Vec<String>> = round
        .ballots
        .iter()
        .filter_map(|ballot| {
            let voter = ballot.voter?;
            Some(vec![
                cx.person(voter),
                choice_text(cx.session, tr, vote, &ballot.choice),
            ])
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    blocks.push(Block::Paragraph {
        line: vec![Span::bold(format!("{}:", tr.t("report-roll-call")))],
        align: Align::Left,
    });
    blocks.push(Block::Table(Table {
        header: vec![
            tr.t("report-column-participant"),
            tr.t("report-column-ballot"),
        ],
        widths: vec![35, 65],
        rows,
    }));
}
