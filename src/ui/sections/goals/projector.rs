//! The projector's goals screen: the goal tree, and one goal in the spotlight.

use egui::Ui;

use crate::ui::board::Spotlight;
use crate::ui::labels::Named;
use crate::ui::projector::{Ctx, empty};
use crate::ui::theme;
use stratboard_core::model::{Goal, GoalId, IndicatorStatus};

/// The goal tree, roots first, sub-goals indented; or the goal in the spotlight.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    if let Some(Spotlight::Goal(id)) = cx.spotlight {
        return spotlight(ui, cx, id);
    }
    let goals = &cx.board.session.goals;
    if goals.is_empty() {
        return empty(ui, cx);
    }
    let is_root = |goal: &Goal| {
        goal.parent
            .is_none_or(|parent| !goals.iter().any(|g| g.id == parent))
    };
    for goal in goals.iter().filter(|g| is_root(g)) {
        goal_branch(ui, cx, goal, 0);
    }
}

/// One goal and its sub-goals.
fn goal_branch(ui: &mut Ui, cx: &Ctx<'_, '_>, goal: &Goal, depth: usize) {
    // The model refuses cycles; the depth limit only guards a hand-edited file.
    if depth > 8 {
        return;
    }
    ui.horizontal(|ui| {
        ui.add_space(depth as f32 * 40.0 * cx.scale);
        ui.vertical(|ui| {
            goal_line(ui, cx, goal, depth == 0);
        });
    });
    for child in cx
        .board
        .session
        .goals
        .iter()
        .filter(|g| g.parent == Some(goal.id))
    {
        goal_branch(ui, cx, child, depth + 1);
    }
}

/// A goal's title and priority.
fn goal_line(ui: &mut Ui, cx: &Ctx<'_, '_>, goal: &Goal, root: bool) {
    ui.horizontal_wrapped(|ui| {
        let text = if root {
            cx.title(&goal.title)
        } else {
            cx.body(&goal.title)
        };
        ui.label(text);
        cx.chip(ui, goal.priority.name(cx.board.tr), cx.pal.weak);
    });
}

/// One goal alone, big: the goal it serves, its priority, description and sub-goals.
fn spotlight(ui: &mut Ui, cx: &Ctx<'_, '_>, id: GoalId) {
    let tr = cx.board.tr;
    let session = cx.board.session;
    let Some(goal) = session.goal(id) else {
        return empty(ui, cx);
    };
    if let Some(parent) = goal.parent.and_then(|p| session.goal(p)) {
        ui.label(cx.small(tr.with("present-view-serves", "goal", &parent.title)));
    }
    ui.label(
        cx.heading(&goal.title)
            .size(theme::HEADING_SIZE * cx.scale * 1.4),
    );
    ui.horizontal(|ui| cx.chip(ui, goal.priority.name(tr), cx.pal.weak));
    if !goal.description.is_empty() {
        ui.add_space(cx.gap());
        ui.label(cx.title(&goal.description));
    }
    indicators(ui, cx, goal);
    let children: Vec<&Goal> = session
        .goals
        .iter()
        .filter(|g| g.parent == Some(id))
        .collect();
    if !children.is_empty() {
        ui.add_space(cx.gap());
        for child in children {
            ui.label(cx.body(format!("• {}", child.title)));
        }
    }
}

/// The goal's target indicators, each with how it stands (green reached, amber within 10 %,
/// red behind).
fn indicators(ui: &mut Ui, cx: &Ctx<'_, '_>, goal: &Goal) {
    let tr = cx.board.tr;
    if goal.indicators.is_empty() {
        return;
    }
    ui.add_space(cx.gap());
    ui.label(cx.title(tr.t("goals-indicators")));
    for indicator in &goal.indicators {
        ui.horizontal_wrapped(|ui| {
            ui.label(cx.body(format!("• {}", indicator.name)));
            match super::indicators::status_text(tr, indicator) {
                Some((line, status)) => {
                    let colour = match status {
                        IndicatorStatus::Reached => theme::STABLE,
                        IndicatorStatus::OnTrack => cx.pal.amber,
                        IndicatorStatus::Behind => cx.pal.red,
                    };
                    cx.chip(ui, line, colour);
                }
                None => {
                    ui.label(cx.small(tr.t("goals-indicator-no-status")));
                }
            }
        });
    }
}
