//! The goals section: the goal tree as cards.
//!
//! Root goals come first in list order, each followed by its sub-goals, indented and joined to
//! their parent by tree lines. Every card edits its goal in place: title, description,
//! priority (also shown as a chip) and parent; it lists the alternatives that serve the goal
//! (linking is done on the alternative's card) and counts the findings of the situation
//! analysis that bear on it. A sub-tree can be collapsed.
//!
//! The file may be hand-edited, so the tree is drawn defensively: a goal whose parent is
//! missing is a root, and goals caught in a parent cycle are still shown, once each.
//!
//! This file also holds [`Reveal`], which the situation analysis and the notes use too: after
//! "Add …" it scrolls to the new card and puts the cursor in its text with the default text
//! selected, so the facilitator can type over it at once.

use std::collections::{HashMap, HashSet};

use egui::{Align, FontId, Id, Layout, Ui, UiBuilder};

use crate::ui::board::Board;
use crate::ui::labels::{Named, PRIORITIES};
use crate::ui::theme::{CARD_GAP, CARD_TITLE_SIZE, SMALL_SIZE};
use crate::ui::widgets::{self, Field, Reveal, lazy_ref_picker, shorten};
use stratboard_core::commands::{Command, Item, ItemKind, ItemRef};
use stratboard_core::model::{Goal, GoalId, Priority, Session};

/// How far a sub-goal is indented under its parent.
const INDENT: f32 = CARD_GAP * 4.0;
/// Below this inner width a card puts its fields in one column instead of two.
const TWO_COLUMNS_MIN: f32 = 720.0;
/// Longest alternative title shown in full on a chip.
const CHIP_CHARS: usize = 40;
/// The text size of a chip (as `Theme::chip` draws it).
const CHIP_TEXT_SIZE: f32 = SMALL_SIZE + 1.0;
/// Room a chip takes beside its text: its inner margin and border on each side.
const CHIP_PADDING: f32 = 10.0;

/// Transient state of this section.
#[derive(Debug, Default)]
pub struct State {
    /// Goals whose sub-goals are hidden.
    collapsed: HashSet<GoalId>,
    /// The goal just added, to scroll to and focus.
    reveal: Reveal,
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    state.reveal.tick(ui.ctx());
    let session = board.session;
    let goals = &session.goals;
    let tree = Tree::new(goals, &state.collapsed);

    ui.horizontal(|ui| {
        ui.label(board.theme.heading(board.tr.t("section-goals")));
        if !goals.is_empty() {
            let roots = goals
                .iter()
                .filter(|g| {
                    g.parent
                        .is_none_or(|p| p == g.id || !tree.index.contains_key(&p))
                })
                .count();
            ui.label(board.theme.caption(board.tr.args(
                "goals-summary",
                &[
                    ("count", (goals.len() as i64).into()),
                    ("roots", (roots as i64).into()),
                ],
            )));
        }
    });
    ui.horizontal(|ui| {
        if ui.button(board.tr.t("goals-add")).clicked() {
            state.reveal.expect(ui.ctx(), board.session);
            board.push(Command::Add(Item::Goal(Goal {
                title: board.tr.t("goals-new-title"),
                ..Goal::default()
            })));
        }
        if tree.has_subtrees {
            ui.separator();
            if ui.button(board.tr.t("goals-collapse-all")).clicked() {
                ui.ctx().request_repaint();
                state.collapsed = goals
                    .iter()
                    .filter(|g| tree.children.contains_key(&g.id))
                    .map(|g| g.id)
                    .collect();
            }
            if ui
                .add_enabled(
                    !state.collapsed.is_empty(),
                    egui::Button::new(board.tr.t("goals-expand-all")),
                )
                .clicked()
            {
                ui.ctx().request_repaint();
                state.collapsed.clear();
            }
        }
    });
    ui.add_space(CARD_GAP / 2.0);

    if goals.is_empty() {
        ui.label(board.theme.caption(board.tr.t("goals-empty")));
        return;
    }

    egui::ScrollArea::vertical()
        .id_salt("goals-scroll")
        .animated(!state.reveal.pending())
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let list_top = ui.cursor().top();
            let mut arrived = false;
            widgets::lazy_list(ui, Id::unique("goal-tree"), tree.rows.len(), |ui, i| {
                let Some(row) = tree.rows.get(i) else { return };
                let Some(goal) = goals.get(row.index) else {
                    return;
                };
                let top = ui.cursor().top();
                let mut rect = ui.available_rect_before_wrap();
                rect.min.x += row.depth as f32 * INDENT;
                let drawn = ui
                    .scope_builder(
                        UiBuilder::new()
                            .max_rect(rect)
                            .layout(Layout::top_down(Align::Min)),
                        |ui| goal_card(ui, board, state, &tree, goal, row),
                    )
                    .inner;
                let bottom = ui.cursor().top();
                paint_tree_lines(ui, board, row, top, bottom, drawn.connector_y, rect.left());
                state.reveal.measured(goal.id.0, bottom - top);
                arrived |= drawn.revealed;
            });
            if !arrived && let Some(target) = state.reveal.target() {
                let ids = tree
                    .rows
                    .iter()
                    .filter_map(|r| goals.get(r.index))
                    .map(|g| g.id.0);
                state.reveal.scroll_towards(ui, list_top, target, ids);
            }
        });
}

/// What drawing a card tells the list.
struct Drawn {
    /// Where the tree line joins the card.
    connector_y: f32,
    /// This card was the one being revealed.
    revealed: bool,
}

/// One goal's card.
fn goal_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    tree: &Tree,
    goal: &Goal,
    row: &Row,
) -> Drawn {
    let tr = board.tr;
    let theme = board.theme;
    let mut connector_y = ui.cursor().top();
    let mut revealed = false;
    let frame = theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());

        // Header: collapse toggle, priority chip, counts.
        let header = ui.horizontal(|ui| {
            let size = egui::vec2(ui.spacing().interact_size.y, ui.spacing().interact_size.y);
            if row.children > 0 {
                let collapsed = state.collapsed.contains(&goal.id);
                let (icon, key) = if collapsed {
                    ("▶", "goals-expand")
                } else {
                    ("▼", "goals-collapse")
                };
                let name = tr.with(key, "title", &goal.title);
                let response = ui.add(egui::Button::new(icon).frame(false).min_size(size));
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.on_hover_text(&name).clicked() {
                    ui.ctx().request_repaint();
                    if collapsed {
                        state.collapsed.remove(&goal.id);
                    } else {
                        state.collapsed.insert(goal.id);
                    }
                }
            } else {
                ui.allocate_space(size);
            }
            priority_chip(ui, board, goal.priority);
            let mut facts = Vec::new();
            if row.children > 0 {
                facts.push(tr.n("goals-subgoal-count", row.children as i64));
                if state.collapsed.contains(&goal.id) {
                    facts.push(tr.n("goals-hidden", tree.descendants(goal.id).len() as i64));
                }
            }
            let findings = board
                .session
                .findings
                .iter()
                .filter(|f| f.goal == Some(goal.id))
                .count();
            facts.push(tr.n("goals-finding-count", findings as i64));
            ui.label(theme.caption(facts.join("  ·  ")));
            super::indicators::add_button(ui, board, goal);
        });
        connector_y = header.response.rect.center().y;

        let width = ui.available_width();
        let gap = ui.spacing().item_spacing.x * 3.0;
        if width >= TWO_COLUMNS_MIN {
            let left = (width - gap) * 0.6;
            let right = width - gap - left;
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(left);
                    revealed = texts(ui, board, state, goal, left);
                });
                ui.add_space(gap - ui.spacing().item_spacing.x);
                ui.vertical(|ui| {
                    ui.set_width(right);
                    links(ui, board, state, tree, goal);
                });
            });
        } else {
            revealed = texts(ui, board, state, goal, width);
            links(ui, board, state, tree, goal);
        }
        super::indicators::block(ui, board, goal);
    });
    if revealed {
        Reveal::bring_into_view(ui, frame.response.rect);
    }
    Drawn {
        connector_y,
        revealed,
    }
}

/// Title and description. Returns whether this goal was just added and is now focused.
fn texts(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, goal: &Goal, width: f32) -> bool {
    let tr = board.tr;
    let title_id = Id::unique(("goal-title", goal.id));
    let revealed = state.reveal.arrive(ui, goal.id.0, title_id, &goal.title);
    let title_label = tr.t("common-title");
    let title = ui
        .scope(|ui| {
            ui.style_mut().override_font_id = Some(FontId::proportional(CARD_TITLE_SIZE));
            widgets::text_field(
                ui,
                board,
                title_id,
                Field::required(&title_label).width(width),
                &goal.title,
            )
        })
        .inner;
    if let Some(title) = title {
        board.push(Command::Update(Item::Goal(Goal {
            title,
            ..goal.clone()
        })));
    }
    let description_label = tr.t("common-description");
    if let Some(description) = widgets::text_field(
        ui,
        board,
        Id::unique(("goal-description", goal.id)),
        Field::new(&description_label).multiline().width(width),
        &goal.description,
    ) {
        board.push(Command::Update(Item::Goal(Goal {
            description,
            ..goal.clone()
        })));
    }
    revealed
}

/// Priority, parent, linked alternatives and the buttons.
fn links(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, tree: &Tree, goal: &Goal) {
    let tr = board.tr;
    let theme = board.theme;
    ui.horizontal_wrapped(|ui| {
        // A long parent title is cut to the column, not allowed to widen the card.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let label = tr.t("goals-priority");
        let id = Id::unique(("goal-priority", goal.id));
        if let Some(priority) = widgets::picker(ui, board, id, &label, goal.priority, &PRIORITIES) {
            board.push(Command::Update(Item::Goal(Goal {
                priority,
                ..goal.clone()
            })));
        }
        let label = tr.t("goals-parent");
        let id = Id::unique(("goal-parent", goal.id));
        let session = board.session;
        let options = |all: bool| parent_options(all, session, tree, goal);
        if let Some(parent) = lazy_ref_picker(ui, board, id, &label, goal.parent, options) {
            board.push(Command::Update(Item::Goal(Goal {
                parent,
                ..goal.clone()
            })));
        }
    });

    ui.add_space(CARD_GAP / 2.0);
    ui.label(theme.caption(tr.t("goals-alternatives")));
    let linked: Vec<_> = board
        .session
        .alternatives
        .iter()
        .filter(|a| a.goals.contains(&goal.id))
        .collect();
    if linked.is_empty() {
        ui.label(theme.caption(tr.t("goals-no-alternatives")));
    } else {
        let chips: Vec<(String, egui::Color32, String)> = linked
            .iter()
            .map(|alternative| {
                if alternative.hidden {
                    (
                        tr.t("goals-hidden-alternative"),
                        theme.weak_text(),
                        tr.t("goals-hidden-alternative-hint"),
                    )
                } else {
                    let status = alternative.status.name(tr);
                    (
                        shorten(&alternative.title, CHIP_CHARS),
                        theme.alternative_status(alternative.status),
                        format!("{} — {status}", alternative.title),
                    )
                }
            })
            .collect();
        chip_rows(ui, board, chips);
    }

    ui.add_space(CARD_GAP / 2.0);
    // Wrapped: in a narrow right column (a 1280-pixel window in Russian) the buttons go on to
    // a second line instead of widening the card past the window.
    ui.horizontal_wrapped(|ui| {
        let text = tr.t("goals-add-subgoal");
        let name = tr.with("goals-add-subgoal-to", "title", &goal.title);
        let response = ui.button(&text);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if response.clicked() {
            state.collapsed.remove(&goal.id);
            state.reveal.expect(ui.ctx(), board.session);
            board.push(Command::Add(Item::Goal(Goal {
                title: tr.t("goals-new-subgoal-title"),
                priority: goal.priority,
                parent: Some(goal.id),
                ..Goal::default()
            })));
        }
        // ▲/▼ move the goal among its siblings (the goals with the same parent).
        let siblings = tree.siblings(board.session, goal);
        let me = siblings
            .iter()
            .position(|&i| tree.ids.get(i) == Some(&goal.id));
        if let Some(k) = me {
            let up = k.checked_sub(1).and_then(|j| siblings.get(j)).copied();
            let down = siblings.get(k + 1).copied();
            let shift = widgets::move_buttons(ui, board, &goal.title, up.is_some(), down.is_some());
            let to = match shift {
                Some(widgets::Shift::Up) => up,
                Some(widgets::Shift::Down) => down,
                None => None,
            };
            if let (Some(from), Some(to)) = (siblings.get(k).copied(), to) {
                board.push(Command::Move {
                    kind: ItemKind::Goal,
                    from,
                    to,
                });
            }
        }
        let target = crate::ui::board::Spotlight::Goal(goal.id);
        widgets::spotlight_button(ui, board, target, &goal.title);
        if widgets::delete_button(ui, board, &goal.title) {
            state.collapsed.remove(&goal.id);
            board.delete(ItemRef::Goal(goal.id));
        }
    });
}

/// The goals that may become `goal`'s parent: all but itself and its descendants (which
/// would make a cycle); without `all`, only the current parent.
fn parent_options(all: bool, session: &Session, tree: &Tree, goal: &Goal) -> Vec<(GoalId, String)> {
    if !all {
        return goal
            .parent
            .and_then(|p| session.goal(p))
            .map(|p| vec![(p.id, p.title.clone())])
            .unwrap_or_default();
    }
    let mut excluded = tree.descendants(goal.id);
    excluded.insert(goal.id);
    // Offer the goals in tree order, as the board shows them.
    let all = Tree::new(&session.goals, &HashSet::new());
    all.rows
        .iter()
        .filter_map(|r| session.goals.get(r.index))
        .filter(|g| !excluded.contains(&g.id))
        .map(|g| (g.id, g.title.clone()))
        .collect()
}

/// Chips `(text, colour, hover text)` in rows: a chip that does not fit the rest of a row
/// starts the next one whole, and one wider than the column is cut to it.
fn chip_rows(ui: &mut Ui, board: &Board<'_>, chips: Vec<(String, egui::Color32, String)>) {
    let theme = board.theme;
    ui.horizontal_wrapped(|ui| {
        let row_width = ui.available_width();
        let mut row_start = true;
        for (text, colour, hover) in chips {
            let galley = egui::WidgetText::from(egui::RichText::new(&text).size(CHIP_TEXT_SIZE))
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                );
            let needed = galley.size().x + 2.0 * CHIP_PADDING;
            if !row_start && needed > ui.available_size_before_wrap().x {
                ui.end_row();
            }
            let wrap = if needed > row_width {
                egui::TextWrapMode::Truncate
            } else {
                egui::TextWrapMode::Extend
            };
            ui.scope(|ui| {
                ui.style_mut().wrap_mode = Some(wrap);
                theme.chip(ui, text, colour).on_hover_text(hover);
            });
            row_start = false;
        }
    });
}

/// A small chip with the priority's name.
fn priority_chip(ui: &mut Ui, board: &Board<'_>, priority: Priority) {
    let theme = board.theme;
    let colour = match priority {
        Priority::High => theme.error(),
        Priority::Medium => theme.accent(),
        Priority::Low => theme.weak_text(),
    };
    theme.chip(ui, priority.name(board.tr), colour);
}

/// Draws the lines that join a sub-goal to its parent and carry on past it to later siblings.
fn paint_tree_lines(
    ui: &Ui,
    board: &Board<'_>,
    row: &Row,
    top: f32,
    bottom: f32,
    connector_y: f32,
    card_left: f32,
) {
    if row.depth == 0 {
        return;
    }
    let stroke = board.theme.card().stroke;
    let painter = ui.painter();
    let base = card_left - row.depth as f32 * INDENT;
    let x_at = |level: usize| base + level as f32 * INDENT + INDENT / 2.0;
    for level in 0..row.depth - 1 {
        if level < 64 && row.guides & (1 << level) != 0 {
            painter.vline(x_at(level), top..=bottom, stroke);
        }
    }
    let x = x_at(row.depth - 1);
    let end = if row.last { connector_y } else { bottom };
    painter.vline(x, top..=end, stroke);
    painter.hline(x..=card_left, connector_y, stroke);
}

/// One visible line of the goal tree.
#[derive(Clone, Copy, Debug)]
struct Row {
    /// Index into `session.goals`.
    index: usize,
    /// 0 for a root goal.
    depth: usize,
    /// Bit `k` set: the tree line at level `k` carries on past this row.
    guides: u64,
    /// The last of its siblings.
    last: bool,
    /// How many direct sub-goals it has.
    children: usize,
}

/// The goal tree of a session, as the board shows it.
#[derive(Debug, Default)]
struct Tree {
    /// The visible rows in display order.
    rows: Vec<Row>,
    /// Direct sub-goals of each goal that has any (indices into `session.goals`).
    children: HashMap<GoalId, Vec<usize>>,
    /// Index of each goal in `session.goals`.
    index: HashMap<GoalId, usize>,
    /// The id of each goal, by index in `session.goals`.
    ids: Vec<GoalId>,
    /// Some goal has sub-goals.
    has_subtrees: bool,
}

impl Tree {
    /// The tree of `goals`, leaving out what is under a collapsed goal. Every goal is shown
    /// exactly once even when the file has a parent cycle.
    fn new(goals: &[Goal], collapsed: &HashSet<GoalId>) -> Self {
        let index: HashMap<GoalId, usize> =
            goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        let mut children: HashMap<GoalId, Vec<usize>> = HashMap::new();
        let mut roots = Vec::new();
        for (i, goal) in goals.iter().enumerate() {
            match goal.parent {
                Some(parent) if parent != goal.id && index.contains_key(&parent) => {
                    children.entry(parent).or_default().push(i);
                }
                _ => roots.push(i),
            }
        }
        let mut visited = vec![false; goals.len()];
        let mut rows = Vec::with_capacity(goals.len());
        // Each entry: the row, and whether it is hidden under a collapsed goal (hidden goals
        // are walked too, so that the pass for cycles below does not pick them up).
        let mut stack: Vec<(Row, bool)> = Vec::new();
        // Roots first; then whatever a cycle kept out of reach, starting from its first goal.
        let starts = roots.into_iter().chain(0..goals.len());
        for start in starts {
            if visited.get(start).copied().unwrap_or(true) {
                continue;
            }
            let root = Row {
                index: start,
                depth: 0,
                guides: 0,
                last: true,
                children: 0,
            };
            stack.push((root, false));
            while let Some((mut row, hidden)) = stack.pop() {
                let Some(seen) = visited.get_mut(row.index) else {
                    continue;
                };
                if *seen {
                    continue;
                }
                *seen = true;
                let Some(goal) = goals.get(row.index) else {
                    continue;
                };
                let kids: Vec<usize> = children
                    .get(&goal.id)
                    .map(|k| {
                        k.iter()
                            .copied()
                            .filter(|&c| !visited.get(c).copied().unwrap_or(true))
                            .collect()
                    })
                    .unwrap_or_default();
                row.children = kids.len();
                if !hidden {
                    rows.push(row);
                }
                let hide_kids = hidden || collapsed.contains(&goal.id);
                let mut guides = row.guides;
                if row.depth >= 1 && !row.last && row.depth - 1 < 64 {
                    guides |= 1 << (row.depth - 1);
                }
                let count = kids.len();
                for (k, &child) in kids.iter().enumerate().rev() {
                    let child_row = Row {
                        index: child,
                        depth: row.depth + 1,
                        guides,
                        last: k + 1 == count,
                        children: 0,
                    };
                    stack.push((child_row, hide_kids));
                }
            }
        }
        let has_subtrees = !children.is_empty();
        Self {
            rows,
            children,
            index,
            ids: goals.iter().map(|g| g.id).collect(),
            has_subtrees,
        }
    }

    /// The goals with the same parent as `goal` (the top-level goals for a top-level goal), as
    /// indices into `session.goals`, in order.
    fn siblings(&self, session: &Session, goal: &Goal) -> Vec<usize> {
        match goal
            .parent
            .filter(|p| *p != goal.id && self.index.contains_key(p))
        {
            Some(parent) => self.children.get(&parent).cloned().unwrap_or_default(),
            None => session
                .goals
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    g.parent
                        .is_none_or(|p| p == g.id || !self.index.contains_key(&p))
                })
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// Every goal under `id`, however deep (a cycle in the file does not loop).
    fn descendants(&self, id: GoalId) -> HashSet<GoalId> {
        let mut found = HashSet::new();
        let mut queue = vec![id];
        while let Some(current) = queue.pop() {
            for child in self.children.get(&current).into_iter().flatten() {
                if let Some(&child_id) = self.ids.get(*child)
                    && child_id != id
                    && found.insert(child_id)
                {
                    queue.push(child_id);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(id: u32, parent: Option<u32>) -> Goal {
        Goal {
            id: GoalId(id),
            title: format!("goal {id}"),
            parent: parent.map(GoalId),
            ..Goal::default()
        }
    }

    fn order(tree: &Tree, goals: &[Goal]) -> Vec<(u32, usize)> {
        tree.rows
            .iter()
            .map(|r| (goals[r.index].id.0, r.depth))
            .collect()
    }

    #[test]
    fn sub_goals_follow_their_parent() {
        let goals = vec![
            goal(1, None),
            goal(2, Some(1)),
            goal(3, None),
            goal(4, Some(2)),
            goal(5, Some(1)),
        ];
        let tree = Tree::new(&goals, &HashSet::new());
        assert_eq!(
            order(&tree, &goals),
            vec![(1, 0), (2, 1), (4, 2), (5, 1), (3, 0)]
        );
        let two = tree.rows[1];
        assert!(!two.last);
        assert_eq!(two.children, 1);
        assert!(tree.rows[3].last);
        // Goal 4 sits under 2, which has a later sibling (5): the level-0 line carries on.
        assert_eq!(tree.rows[2].guides, 1);
        assert_eq!(
            tree.descendants(GoalId(1)),
            [GoalId(2), GoalId(4), GoalId(5)].into()
        );
    }

    #[test]
    fn collapsed_goals_hide_their_sub_tree() {
        let goals = vec![goal(1, None), goal(2, Some(1)), goal(3, Some(2))];
        let tree = Tree::new(&goals, &[GoalId(1)].into());
        assert_eq!(order(&tree, &goals), vec![(1, 0)]);
        let goals = vec![
            goal(1, None),
            goal(2, Some(1)),
            goal(3, None),
            goal(4, Some(1)),
        ];
        let tree = Tree::new(&goals, &[GoalId(1)].into());
        assert_eq!(
            order(&tree, &goals),
            vec![(1, 0), (3, 0)],
            "hidden goals stay hidden"
        );
        assert_eq!(tree.rows[0].children, 2);
    }

    #[test]
    fn cycles_and_missing_parents_still_show_every_goal_once() {
        let goals = vec![
            goal(1, Some(2)),
            goal(2, Some(1)),
            goal(3, Some(99)),
            goal(4, Some(4)),
        ];
        let tree = Tree::new(&goals, &HashSet::new());
        let mut ids: Vec<u32> = order(&tree, &goals).iter().map(|(id, _)| *id).collect();
        assert_eq!(ids.len(), 4);
        ids.sort_unstable();
        assert_eq!(ids, vec![1, 2, 3, 4]);
        assert_eq!(tree.descendants(GoalId(1)), [GoalId(2)].into());
    }

    #[test]
    fn shorten_cuts_long_titles() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("a long title here", 8), "a long…");
    }
}
