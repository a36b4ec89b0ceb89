//! Positions → Convergence: is the room moving toward agreement? For each alternative with
//! positions, ranked by agreement (unifying ones first, divisive ones set apart): the spread of
//! the groups' stances, the consensus index with its change from the previous round, mean,
//! median and IQR, a small chart of the index by round, and each group's move toward agreement
//! or apart. Then the agreement between voters' rankings (Kendall's W) and the spread of scores.
//! The figures come from [`stratboard_core::convergence`], computed once per session revision.

use std::sync::Arc;

use egui::{Color32, RichText, Sense, Stroke, Ui, vec2};

use crate::ui::board::Board;
use crate::ui::theme::{self, Theme};
use crate::ui::widgets::{decimal, memo, signed};
use stratboard_core::convergence::{
    Agreement, AlternativeConvergence, Convergence, Measures, Movement, RankedVoteConvergence,
    ScoreVoteConvergence, convergence,
};
use stratboard_core::i18n::Tr;
use stratboard_core::model::Stance;

/// Width of the stacked bar of stances.
const BAR_WIDTH: f32 = 240.0;
/// Size of the chart of the consensus index by round.
const CHART_SIZE: egui::Vec2 = vec2(180.0, 44.0);

/// Transient state of the view.
#[derive(Default)]
pub struct State {
    /// Show the figures weighted by the groups' weights (when the session has weights).
    pub weighted: bool,
}

/// Draws the view.
pub fn show(ui: &mut Ui, board: &Board<'_>, state: &mut State) {
    let tr = board.tr;
    let theme = board.theme;
    let figures = figures(ui, board);
    ui.label(theme.heading(tr.t("convergence-title")));
    ui.label(theme.caption(tr.t("convergence-hint")));
    ui.add_space(6.0);
    if figures.is_empty() {
        ui.label(RichText::new(tr.t("convergence-nothing")).color(theme.weak_text()));
        return;
    }
    let weighted = state.weighted && figures.weighted;
    egui::ScrollArea::vertical()
        .id_salt("convergence")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            summary(ui, board, &figures, &mut state.weighted);
            ui.add_space(8.0);
            alternatives(ui, board, &figures, weighted);
            if !figures.ranked_votes.is_empty() || !figures.score_votes.is_empty() {
                ui.add_space(12.0);
                ui.label(theme.card_title(tr.t("convergence-votes")));
                for vote in &figures.ranked_votes {
                    ranked_vote(ui, board, vote);
                }
                for vote in &figures.score_votes {
                    score_vote(ui, board, vote);
                }
            }
        });
}

/// The figures of the session as it is now (computed again only after a change).
fn figures(ui: &Ui, board: &Board<'_>) -> Arc<Convergence> {
    memo(ui, "convergence-figures", board.revision, || {
        Arc::new(convergence(board.session))
    })
}

/// Rounds, the stability note, and the weights switch.
fn summary(ui: &mut Ui, board: &Board<'_>, figures: &Convergence, weighted: &mut bool) {
    let tr = board.tr;
    let theme = board.theme;
    ui.horizontal_wrapped(|ui| {
        let rounds = i64::from(figures.last_round);
        ui.label(tr.n("convergence-rounds", rounds));
        if figures.last_round >= 2 {
            if figures.stable {
                theme.chip(ui, tr.t("convergence-stable"), theme::STABLE);
            } else {
                ui.label(theme.caption(tr.t("convergence-moving")));
            }
        } else if figures.last_round == 1 {
            ui.label(theme.caption(tr.t("convergence-one-round")));
        }
    });
    if figures.weighted {
        ui.checkbox(weighted, tr.t("convergence-weighted"))
            .on_hover_text(tr.t("convergence-weighted-hint"));
    }
}

/// The alternatives in the order of agreement: unifying, then the rest, then divisive.
fn alternatives(ui: &mut Ui, board: &Board<'_>, figures: &Convergence, weighted: bool) {
    let ranking = figures.ranking(weighted);
    for (agreement, key) in [
        (Agreement::Unifying, "convergence-unifying"),
        (Agreement::Neither, "convergence-neither"),
        (Agreement::Divisive, "convergence-divisive"),
    ] {
        let in_block: Vec<&AlternativeConvergence> = ranking
            .iter()
            .filter(|ranked| ranked.agreement == agreement)
            .filter_map(|ranked| {
                figures
                    .alternatives
                    .iter()
                    .find(|a| a.alternative == ranked.alternative)
            })
            .collect();
        if in_block.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        let heading = format!("{} · {}", board.tr.t(key), in_block.len());
        ui.label(
            RichText::new(heading)
                .strong()
                .color(agreement_colour(board.theme, agreement)),
        );
        for alternative in in_block {
            alternative_card(ui, board, alternative, weighted);
            ui.add_space(6.0);
        }
    }
}

fn agreement_colour(theme: &Theme, agreement: Agreement) -> Color32 {
    match agreement {
        Agreement::Unifying => theme::STABLE,
        Agreement::Divisive => theme.error(),
        Agreement::Neither => theme.weak_text(),
    }
}

/// One alternative: its stances, figures, chart by round and the groups' moves.
fn alternative_card(
    ui: &mut Ui,
    board: &Board<'_>,
    alternative: &AlternativeConvergence,
    weighted: bool,
) {
    let tr = board.tr;
    let theme = board.theme;
    let Some(last) = alternative.last() else {
        return;
    };
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(&alternative.title).strong());
        ui.horizontal_wrapped(|ui| {
            stance_bar(ui, board, &last.stances.0);
            ui.add_space(8.0);
            let shown = match (weighted, last.weighted) {
                (true, Some(weighted)) => weighted,
                _ => last.measures,
            };
            ui.label(figures_text(tr, &shown));
            if weighted && last.weighted.is_some() {
                ui.label(theme.caption(tr.args(
                    "convergence-unweighted",
                    &[("figures", figures_text(tr, &last.measures).into())],
                )));
            }
        });
        if alternative.rounds.len() > 1 {
            ui.horizontal(|ui| {
                consensus_chart(ui, board, alternative);
                ui.add_space(8.0);
                ui.vertical(|ui| moves(ui, board, alternative));
            });
        }
    });
}

/// "Consensus 0.82 (+0.10) · mean +1.2 · median 1 · IQR 1".
fn figures_text(tr: &Tr, measures: &Measures) -> String {
    let consensus = match (measures.consensus, measures.consensus_change) {
        (Some(value), Some(change)) => format!(
            "{} ({} {})",
            decimal(tr, value, 2),
            arrow(change),
            signed(tr, change, 2)
        ),
        (Some(value), None) => decimal(tr, value, 2),
        (None, _) => "—".to_owned(),
    };
    let mean = measures.mean.map_or("—".to_owned(), |m| signed(tr, m, 1));
    let median = measures
        .median
        .map_or("—".to_owned(), |m| decimal(tr, m, 1));
    let iqr = measures.iqr.map_or("—".to_owned(), |m| decimal(tr, m, 1));
    tr.args(
        "convergence-figures",
        &[
            ("consensus", consensus.into()),
            ("mean", mean.into()),
            ("median", median.into()),
            ("iqr", iqr.into()),
        ],
    )
}

/// ▲ for a rise, ▼ for a fall, = for none.
fn arrow(change: f64) -> &'static str {
    if change > 0.0005 {
        "▲"
    } else if change < -0.0005 {
        "▼"
    } else {
        "="
    }
}

/// The stances of the groups as one bar, a segment per stance; "?" apart.
fn stance_bar(ui: &mut Ui, board: &Board<'_>, counts: &[u32; 6]) {
    let theme = board.theme;
    let decided: u32 = counts[..5].iter().sum();
    let (rect, response) = ui.allocate_exact_size(vec2(BAR_WIDTH, 24.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(1.0, theme.border()),
        egui::StrokeKind::Inside,
    );
    let mut x = rect.left();
    let mut described = Vec::new();
    for (stance, count) in Stance::ALL.iter().zip(counts) {
        if *count == 0 {
            continue;
        }
        described.push(format!("{} {count}", Theme::stance_mark(*stance)));
        if *stance == Stance::Undecided || decided == 0 {
            continue;
        }
        let width = BAR_WIDTH * (*count as f32) / (decided as f32);
        let segment = egui::Rect::from_min_size(egui::pos2(x, rect.top()), vec2(width, 24.0));
        painter.rect_filled(segment, 0.0, theme.stance_fill(*stance));
        painter.text(
            segment.center(),
            egui::Align2::CENTER_CENTER,
            count.to_string(),
            egui::FontId::proportional(theme::SMALL_SIZE),
            theme.stance_text(*stance),
        );
        x += width;
    }
    let undecided = counts[5];
    if undecided > 0 {
        ui.label(theme.caption(format!("? {undecided}")));
    }
    let label = board.tr.args(
        "convergence-stances",
        &[("stances", described.join(", ").into())],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
}

/// The consensus index by round as a small line chart from 0 to 1.
fn consensus_chart(ui: &mut Ui, board: &Board<'_>, alternative: &AlternativeConvergence) {
    let theme = board.theme;
    let points = alternative.consensus_by_round();
    let (rect, response) = ui.allocate_exact_size(CHART_SIZE, Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, theme.border()),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink(6.0);
    let step = if points.len() > 1 {
        inner.width() / (points.len() - 1) as f32
    } else {
        0.0
    };
    let at = |i: usize, value: f64| {
        egui::pos2(
            inner.left() + step * i as f32,
            inner.bottom() - inner.height() * value.clamp(0.0, 1.0) as f32,
        )
    };
    let mut previous = None;
    for (i, (_, value)) in points.iter().enumerate() {
        let Some(value) = value else {
            previous = None;
            continue;
        };
        let point = at(i, *value);
        if let Some(from) = previous {
            painter.line_segment([from, point], Stroke::new(2.0, theme.accent()));
        }
        painter.circle_filled(point, 3.0, theme.accent());
        previous = Some(point);
    }
    let described: Vec<String> = points
        .iter()
        .map(|(round, value)| {
            let value = value.map_or("—".to_owned(), |v| decimal(board.tr, v, 2));
            format!("{round}: {value}")
        })
        .collect();
    let label = board.tr.args(
        "convergence-chart",
        &[
            ("title", alternative.title.clone().into()),
            ("values", described.join(", ").into()),
        ],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    response.on_hover_text(label);
}

/// Each group that changed its stance since the previous round: from, to, and whether it came
/// toward the others or moved away.
fn moves(ui: &mut Ui, board: &Board<'_>, alternative: &AlternativeConvergence) {
    let tr = board.tr;
    let Some(last) = alternative.last() else {
        return;
    };
    // Only the groups that changed their stance: the rest held it.
    let changed: Vec<_> = last
        .groups
        .iter()
        .filter(|g| g.movement.is_some() && g.previous != Some(g.stance))
        .collect();
    if changed.is_empty() {
        ui.label(board.theme.caption(tr.t("convergence-nobody-moved")));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for group in changed {
            let Some(movement) = group.movement else {
                continue;
            };
            let name = board
                .session
                .group(group.group)
                .map_or(String::new(), |g| g.name.clone());
            let previous = group.previous.map_or("", Theme::stance_mark);
            let (mark, key) = match movement {
                Movement::Toward => ("↘", "convergence-toward"),
                Movement::Away => ("↗", "convergence-away"),
                Movement::Held => ("=", "convergence-held"),
            };
            let text = format!(
                "{name}: {previous} → {} {mark}",
                Theme::stance_mark(group.stance)
            );
            let colour = match movement {
                Movement::Toward => theme::STABLE,
                Movement::Away => board.theme.error(),
                Movement::Held => board.theme.weak_text(),
            };
            ui.label(RichText::new(text).color(colour))
                .on_hover_text(tr.t(key));
        }
    });
}

/// "Which first? — Kendall's W by round: 1: 0.45 → 2: 0.62 (▲ +0.17)".
fn ranked_vote(ui: &mut Ui, board: &Board<'_>, vote: &RankedVoteConvergence) {
    let tr = board.tr;
    let rounds: Vec<String> = vote
        .rounds
        .iter()
        .map(|round| {
            let w = round
                .kendall_w
                .map_or("—".to_owned(), |w| decimal(tr, w, 2));
            match round.change {
                Some(change) => format!(
                    "{}: {w} ({} {})",
                    round.round,
                    arrow(change),
                    signed(tr, change, 2)
                ),
                None => format!("{}: {w}", round.round),
            }
        })
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&vote.question).strong());
        ui.label(tr.args(
            "convergence-kendall",
            &[("rounds", rounds.join(" → ").into())],
        ));
    });
}

/// The median and IQR of each alternative's scores, per round.
fn score_vote(ui: &mut Ui, board: &Board<'_>, vote: &ScoreVoteConvergence) {
    let tr = board.tr;
    ui.label(RichText::new(&vote.question).strong());
    egui::Grid::new(("convergence-scores", vote.vote.0))
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(board.theme.caption(tr.t("convergence-alternative")));
            for round in &vote.rounds {
                ui.label(board.theme.caption(tr.args(
                    "convergence-score-round",
                    &[("round", i64::from(round.round).into())],
                )));
            }
            ui.end_row();
            let Some(first) = vote.rounds.first() else {
                return;
            };
            for (i, spread) in first.alternatives.iter().enumerate() {
                let title = board
                    .session
                    .alternative(spread.alternative)
                    .map_or(String::new(), |a| a.title.clone());
                ui.label(title);
                for round in &vote.rounds {
                    let text = round.alternatives.get(i).map_or("—".to_owned(), |s| {
                        match (s.median, s.iqr) {
                            (Some(median), Some(iqr)) => tr.args(
                                "convergence-score-cell",
                                &[
                                    ("median", decimal(tr, median, 1).into()),
                                    ("iqr", decimal(tr, iqr, 1).into()),
                                ],
                            ),
                            _ => "—".to_owned(),
                        }
                    });
                    ui.label(text);
                }
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use stratboard_core::i18n::Language;

    #[test]
    fn numbers_are_written_as_the_language_writes_them() {
        let ru = Tr::new(Language::Russian);
        let en = Tr::new(Language::English);
        assert_eq!(decimal(&ru, 0.8237, 2), "0,82");
        assert_eq!(decimal(&en, 0.8237, 2), "0.82");
        assert_eq!(decimal(&en, -0.001, 2), "0.00", "no minus zero");
        assert_eq!(decimal(&ru, -1.0, 1), "−1,0");
        assert_eq!(signed(&en, 0.1, 2), "+0.10");
        assert_eq!(signed(&ru, -0.05, 2), "−0,05");
        assert_eq!(signed(&en, 0.0001, 2), "0.00");
        assert_eq!(arrow(0.1), "▲");
        assert_eq!(arrow(-0.1), "▼");
        assert_eq!(arrow(0.0), "=");
    }
}
