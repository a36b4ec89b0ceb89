//! The projector's convergence screen (Positions → Convergence on the board): the alternatives
//! ranked by agreement, each with its consensus index, the change from the previous round and
//! a chart of the index by round, unifying and divisive ones marked, and the note when
//! positions are stable. Large type, few numbers: the room reads it from its seats.

use egui::{Sense, Stroke, Ui, vec2};

use crate::ui::projector::Ctx;
use crate::ui::widgets::{decimal, memo, signed};
use stratboard_core::convergence::{Agreement, AlternativeConvergence, Convergence, convergence};

/// Draws the screen.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let tr = cx.board.tr;
    // Computed once per session revision, not every frame of the projector.
    let board = cx.board;
    let figures = memo(ui, "present-convergence", board.revision, || {
        std::sync::Arc::new(convergence(board.session))
    });
    ui.label(cx.heading(tr.t("convergence-title")));
    if figures.alternatives.is_empty() {
        ui.label(cx.body(tr.t("convergence-nothing")));
        return;
    }
    note(ui, cx, &figures);
    ui.add_space(cx.gap() / 2.0);
    for ranked in figures.ranking(false) {
        let Some(alternative) = figures
            .alternatives
            .iter()
            .find(|a| a.alternative == ranked.alternative)
        else {
            continue;
        };
        // What the room may not see yet stays off the screen.
        if cx.visible_alternative(alternative.alternative).is_none() {
            continue;
        }
        row(ui, cx, alternative, ranked.agreement);
        ui.add_space(cx.gap() / 3.0);
    }
}

/// Stable, still moving, or one round only.
fn note(ui: &mut Ui, cx: &Ctx<'_, '_>, figures: &Convergence) {
    let tr = cx.board.tr;
    if figures.last_round < 2 {
        ui.label(cx.small(tr.t("convergence-one-round")));
    } else if figures.stable {
        cx.chip(ui, tr.t("convergence-stable"), cx.pal.accent);
    } else {
        ui.label(cx.small(tr.t("convergence-moving")));
    }
}

/// One alternative: title, agreement, index and change, and the index by round.
fn row(ui: &mut Ui, cx: &Ctx<'_, '_>, alternative: &AlternativeConvergence, agreement: Agreement) {
    let tr = cx.board.tr;
    let Some(last) = alternative.last() else {
        return;
    };
    cx.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width() * 0.55);
                ui.label(cx.title(&alternative.title));
                match agreement {
                    Agreement::Unifying => {
                        cx.chip(ui, tr.t("convergence-unifying"), cx.pal.accent);
                    }
                    Agreement::Divisive => cx.chip(ui, tr.t("convergence-divisive"), cx.pal.red),
                    Agreement::Neither => {}
                }
            });
            let measures = last.measures;
            let index = measures
                .consensus
                .map_or("—".to_owned(), |c| decimal(tr, c, 2));
            let change = measures
                .consensus_change
                .map_or(String::new(), |c| format!("  {}", signed(tr, c, 2)));
            // A fixed width, so the charts stand in one column.
            let width = 170.0 * cx.scale;
            ui.add_sized(
                [width, ui.spacing().interact_size.y * cx.scale],
                egui::Label::new(cx.title(format!("{index}{change}")).color(cx.pal.accent)),
            );
            ui.add_space(cx.gap());
            chart(ui, cx, alternative);
        });
    });
}

/// The consensus index by round, 0 to 1, as a line.
fn chart(ui: &mut Ui, cx: &Ctx<'_, '_>, alternative: &AlternativeConvergence) {
    let points = alternative.consensus_by_round();
    let size = vec2(160.0, 48.0) * cx.scale.max(0.8);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, cx.pal.border),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink(6.0 * cx.scale.max(0.8));
    let step = if points.len() > 1 {
        inner.width() / (points.len() - 1) as f32
    } else {
        0.0
    };
    let mut previous = None;
    for (i, (_, value)) in points.iter().enumerate() {
        let Some(value) = value else {
            previous = None;
            continue;
        };
        let point = egui::pos2(
            inner.left() + step * i as f32,
            inner.bottom() - inner.height() * value.clamp(0.0, 1.0) as f32,
        );
        if let Some(from) = previous {
            painter.line_segment([from, point], Stroke::new(3.0, cx.pal.accent));
        }
        painter.circle_filled(point, 4.0, cx.pal.accent);
        previous = Some(point);
    }
    let described: Vec<String> = points
        .iter()
        .map(|(round, value)| {
            let value = value.map_or("—".to_owned(), |v| decimal(cx.board.tr, v, 2));
            format!("{round}: {value}")
        })
        .collect();
    let label = cx.board.tr.args(
        "convergence-chart",
        &[
            ("title", alternative.title.clone().into()),
            ("values", described.join(", ").into()),
        ],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
}
