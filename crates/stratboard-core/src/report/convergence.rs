//! The protocol's section «Сближение позиций» / "Convergence of positions": for each
//! alternative with positions, a table by round (stance counts, consensus index, mean, median,
//! IQR, change) and a chart of the consensus index by round; which alternatives unify or divide
//! the room, whether positions are stable; and Kendall's W by round for ranked votes. The
//! figures are [`crate::convergence`]'s; this module only lays them out in the document model.
//!
//! Like the rest of the protocol, it leaves out what the room has not seen: hidden alternatives,
//! and the rankings of a vote whose results are shown only after it is closed, while it is open.

use super::context::Ctx;
use super::document::{Align, Bar, Block, Chart, Span, Table};
use crate::convergence::{
    Agreement, AlternativeConvergence, Convergence, Measures, STANCE_SYMBOLS, convergence,
};
use crate::i18n::{Language, Tr};
use crate::voting::results_visible;

/// A number as the protocol's language writes it: a decimal comma in Russian, a true minus.
fn localised(tr: &Tr, text: &str) -> String {
    let text = text.replace('-', "−");
    match tr.language() {
        Language::Russian => text.replace('.', ","),
        Language::English => text,
    }
}

/// A figure with 2 decimals, "—" when undefined.
fn figure(tr: &Tr, value: Option<f64>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |x| {
            let x = if x.abs() < 0.005 { 0.0 } else { x };
            localised(tr, &format!("{x:.2}"))
        },
    )
}

/// A change with its sign, 2 decimals; empty when undefined.
fn change(tr: &Tr, value: Option<f64>) -> String {
    value.map_or_else(String::new, |x| {
        if x.abs() < 0.005 {
            localised(tr, "0.00")
        } else {
            localised(tr, &format!("{x:+.2}"))
        }
    })
}

/// The stance symbols as the protocol prints them (a true minus sign).
fn symbol(index: usize) -> String {
    STANCE_SYMBOLS[index].replace('-', "−")
}

fn figures(tr: &Tr, m: &Measures) -> [String; 5] {
    [
        figure(tr, m.consensus),
        figure(tr, m.mean),
        figure(tr, m.median),
        figure(tr, m.iqr),
        change(tr, m.consensus_change),
    ]
}

/// Appends the section, unless the session has no positions and no ranked vote to show.
pub(super) fn section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let measured = convergence(cx.session);
    let hidden = |a: &AlternativeConvergence| {
        cx.session
            .alternative(a.alternative)
            .is_some_and(|alternative| alternative.hidden)
    };
    let shown: Vec<&AlternativeConvergence> = measured
        .alternatives
        .iter()
        .filter(|a| !hidden(a))
        .collect();
    let votes: Vec<_> = measured
        .ranked_votes
        .iter()
        .filter(|v| !v.rounds.is_empty() && cx.session.vote(v.vote).is_some_and(results_visible))
        .collect();
    if shown.is_empty() && votes.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-convergence")));
    if !shown.is_empty() {
        blocks.push(Block::text(tr.t("report-convergence-intro")));
    }
    // Numbered as the alternatives section numbers them (visible alternatives in order).
    let number = |a: &AlternativeConvergence| {
        cx.session
            .alternatives
            .iter()
            .filter(|alternative| !alternative.hidden)
            .position(|alternative| alternative.id == a.alternative)
            .map_or(0, |i| i + 1)
    };
    for alternative in &shown {
        blocks.push(Block::heading(
            3,
            format!("{}. {}", number(alternative), alternative.title),
        ));
        blocks.push(Block::Table(round_table(cx, alternative)));
        blocks.push(Block::Chart(consensus_chart(cx, alternative)));
    }
    agreement(cx, &measured, &shown, blocks);
    if !votes.is_empty() {
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(format!("{}:", tr.t("report-convergence-votes")))],
            align: Align::Left,
        });
        let rows = votes
            .iter()
            .flat_map(|v| {
                v.rounds.iter().map(|r| {
                    vec![
                        v.question.clone(),
                        r.round.to_string(),
                        r.ballots.to_string(),
                        figure(tr, r.kendall_w),
                        change(tr, r.change),
                    ]
                })
            })
            .collect();
        blocks.push(Block::Table(Table {
            header: vec![
                tr.t("report-convergence-column-vote"),
                tr.t("report-convergence-column-round"),
                tr.t("report-convergence-column-ballots"),
                tr.t("report-convergence-column-w"),
                tr.t("report-convergence-column-change"),
            ],
            widths: vec![46, 12, 14, 14, 14],
            rows,
        }));
    }
}

/// One alternative's rounds: stance counts and figures, and the weighted figures under each
/// round when the session weighs its groups.
fn round_table(cx: &Ctx<'_>, alternative: &AlternativeConvergence) -> Table {
    let tr = &cx.tr;
    let mut header = vec![tr.t("report-convergence-column-round")];
    header.extend((0..STANCE_SYMBOLS.len()).map(symbol));
    header.extend([
        tr.t("report-convergence-column-consensus"),
        tr.t("report-convergence-column-mean"),
        tr.t("report-convergence-column-median"),
        tr.t("report-convergence-column-iqr"),
        tr.t("report-convergence-column-change"),
    ]);
    let mut rows = Vec::new();
    for round in &alternative.rounds {
        let mut row = vec![round.round.to_string()];
        row.extend(round.stances.0.iter().map(u32::to_string));
        row.extend(figures(tr, &round.measures));
        rows.push(row);
        if let Some(weighted) = &round.weighted {
            let mut row = vec![tr.args(
                "report-convergence-weighted",
                &[("number", i64::from(round.round).into())],
            )];
            row.extend(std::iter::repeat_n(String::new(), STANCE_SYMBOLS.len()));
            row.extend(figures(tr, weighted));
            rows.push(row);
        }
    }
    let mut widths = vec![10];
    widths.extend(std::iter::repeat_n(5, STANCE_SYMBOLS.len()));
    widths.extend([13, 11, 11, 9, 16]);
    Table {
        header,
        widths,
        rows,
    }
}

/// The consensus index by round, on a fixed 0–1 scale.
fn consensus_chart(cx: &Ctx<'_>, alternative: &AlternativeConvergence) -> Chart {
    let tr = &cx.tr;
    Chart {
        caption: tr.t("report-convergence-chart"),
        bars: alternative
            .consensus_by_round()
            .into_iter()
            .map(|(round, consensus)| Bar {
                label: tr.args(
                    "report-convergence-round",
                    &[("number", i64::from(round).into())],
                ),
                value: consensus.unwrap_or(0.0),
                text: figure(tr, consensus),
                highlight: false,
            })
            .collect(),
        full: Some(1.0),
    }
}

/// Unifying and divisive alternatives (in the order of agreement), and the stability note.
fn agreement(
    cx: &Ctx<'_>,
    measured: &Convergence,
    shown: &[&AlternativeConvergence],
    blocks: &mut Vec<Block>,
) {
    let tr = &cx.tr;
    let ranking = measured.ranking(false);
    for (kind, key) in [
        (Agreement::Unifying, "report-convergence-unifying"),
        (Agreement::Divisive, "report-convergence-divisive"),
    ] {
        let names: Vec<String> = ranking
            .iter()
            .filter(|r| r.agreement == kind)
            .filter_map(|r| shown.iter().find(|a| a.alternative == r.alternative))
            .map(|a| a.title.clone())
            .collect();
        if !names.is_empty() {
            blocks.push(Block::text(tr.with(key, "names", &names.join("; "))));
        }
    }
    if measured.stable && !shown.is_empty() {
        blocks.push(Block::text(tr.t("report-convergence-stable")));
    }
}
