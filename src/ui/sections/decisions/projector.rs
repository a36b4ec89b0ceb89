//! The projector's decisions screen: each decision with its action items (a section's only
//! once the plenary adopted it), and one decision in the spotlight with its rationale and
//! dissent; the roadmap, big, while the board shows it.

use egui::Ui;

use crate::ui::board::Spotlight;
use crate::ui::heatmap;
use crate::ui::labels::Named;
use crate::ui::projector::{Ctx, cards, empty};
use stratboard_core::model::DecisionId;

/// Decisions with their action items; or the decision in the spotlight, in full.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    if let Some(Spotlight::Decision(id)) = cx.spotlight {
        decision_body(ui, cx, id, true);
        return risks(ui, cx, id);
    }
    // The board shows the roadmap: so does the projector, big.
    if super::views::current(ui.ctx()) == super::views::View::Roadmap {
        return super::roadmap::screen(ui, cx);
    }
    // The plenary's own decisions: a section's stays off the screen until adopted.
    let own: Vec<&stratboard_core::model::Decision> = cx
        .board
        .session
        .decisions
        .iter()
        .filter(|d| !super::from_sections::is_pending(d))
        .collect();
    cards(ui, cx, &own, cx.gap(), |ui, decision| {
        decision_body(ui, cx, decision.id, false);
    });
}

/// A decision's statement, alternatives and action items (with rationale and dissent when
/// `full`).
fn decision_body(ui: &mut Ui, cx: &Ctx<'_, '_>, id: DecisionId, full: bool) {
    let board = cx.board;
    let tr = board.tr;
    let session = board.session;
    let Some(decision) = session.decision(id) else {
        return empty(ui, cx);
    };
    let statement = if full {
        cx.heading(&decision.statement)
    } else {
        cx.title(&decision.statement)
    };
    ui.label(statement);
    if let Some(date) = decision.decided_on {
        ui.label(cx.small(tr.with("present-view-decided-on", "date", &tr.date(date))));
    }
    let alternatives: Vec<&str> = decision
        .alternatives
        .iter()
        .filter_map(|id| cx.visible_alternative(*id))
        .map(|a| a.title.as_str())
        .collect();
    if !alternatives.is_empty() {
        ui.label(cx.small(tr.with(
            "present-view-alternatives",
            "names",
            &alternatives.join(", "),
        )));
    }
    if full {
        if !decision.rationale.is_empty() {
            ui.add_space(cx.gap() / 2.0);
            ui.label(cx.body(&decision.rationale));
        }
        if !decision.dissent.is_empty() {
            ui.label(cx.body(tr.with("present-view-dissent", "text", &decision.dissent)));
        }
    }
    let actions: Vec<_> = session
        .actions
        .iter()
        .filter(|a| a.decision == Some(id))
        .collect();
    if actions.is_empty() {
        return;
    }
    ui.add_space(cx.gap() / 2.0);
    for action in actions {
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.body(format!("→ {}", action.what)));
            let owners: Vec<&str> = action
                .owners
                .iter()
                .filter_map(|p| session.participant(*p))
                .map(|p| p.name.as_str())
                .collect();
            let mut details = Vec::new();
            if !owners.is_empty() {
                details.push(owners.join(", "));
            }
            if let Some(due) = action.due {
                details.push(tr.with("present-view-due", "date", &tr.date(due)));
            }
            if !details.is_empty() {
                ui.label(cx.small(details.join(" · ")));
            }
            cx.chip(
                ui,
                action.status.name(tr),
                board.theme.action_status(action.status),
            );
        });
    }
}

/// The decision's risks on the heat map, big, with the register beside it (in the spotlight).
fn risks(ui: &mut Ui, cx: &Ctx<'_, '_>, id: DecisionId) {
    let tr = cx.board.tr;
    let Some(decision) = cx.board.session.decision(id) else {
        return;
    };
    if decision.risks.is_empty() {
        return;
    }
    ui.add_space(cx.gap());
    ui.label(cx.title(tr.n("risks-title", decision.risks.len() as i64)));
    ui.horizontal_top(|ui| {
        let dots: Vec<heatmap::Dot> = decision
            .risks
            .iter()
            .enumerate()
            .map(|(i, risk)| heatmap::Dot {
                number: i + 1,
                label: crate::ui::risks::dot_label(tr, i + 1, risk),
                probability: risk.probability,
                impact: risk.impact,
            })
            .collect();
        let look = heatmap::Look {
            cell: 56.0 * cx.scale,
            text: crate::ui::theme::SMALL_SIZE * cx.scale,
            ink: cx.pal.text,
            axes: (tr.t("risks-axis-probability"), tr.t("risks-axis-impact")),
        };
        heatmap::draw(ui, &look, &dots);
        ui.add_space(cx.gap());
        ui.vertical(|ui| {
            for (i, risk) in decision.risks.iter().enumerate() {
                let line = format!("{}. {} — {}", i + 1, risk.description, risk.score());
                ui.label(cx.body(line));
                if !risk.response.is_empty() {
                    ui.label(cx.small(&risk.response));
                }
            }
        });
    });
}
