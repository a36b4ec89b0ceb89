//! The positions section: a matrix of stakeholder groups (rows) × alternatives (columns). Each
//! cell is the group's stance on the alternative in the shown round, colour-coded with the
//! colour-blind-safe stance colours and a text mark (so it reads without colour too); hover shows
//! the interests behind it, a click selects it and opens the editor under the matrix.
//!
//! The matrix scrolls both ways with the group names and the alternative titles kept in view,
//! and only the cells on screen are laid out, so 12 groups × 300 alternatives stay fast.

use std::collections::HashMap;

use egui::text::LayoutJob;
use egui::{
    Align, Color32, Id, Key, Layout, Pos2, Rect, RichText, Sense, Stroke, Ui, UiBuilder, vec2,
};
use fluent_templates::fluent_bundle::FluentValue;

use crate::ui::board::Board;
use crate::ui::labels::Named;
use crate::ui::theme::{self, Theme};
use crate::ui::widgets::{self, Field};
use stratboard_core::commands::{Command, Item, ItemRef};
use stratboard_core::model::{AlternativeId, GroupId, Position, Session, Stance};

/// Width of the column of group names.
const GROUP_WIDTH: f32 = 250.0;
/// Width of one alternative's column.
const CELL_WIDTH: f32 = 124.0;
/// Height of one group's row.
const ROW_HEIGHT: f32 = 46.0;
/// Height of the row of alternative titles.
const HEADER_HEIGHT: f32 = 86.0;
/// Space between cells.
const GAP: f32 = 4.0;
/// Room kept under the matrix for the editor of the selected cell, until its height has been
/// measured.
const EDITOR_ROOM: f32 = 260.0;

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// The selected cell (group, alternative).
    pub selected: Option<(GroupId, AlternativeId)>,
    /// The round shown; `None` follows the latest round.
    pub round: Option<u32>,
    /// A cell to give keyboard focus to on the next frame (after arrow-key navigation).
    focus_cell: Option<(GroupId, AlternativeId)>,
    /// Frames left in which to scroll the selected cell into view (the matrix shrinks to make
    /// room for the editor in the frame after a cell is selected).
    reveal: u8,
    /// Where each position is, rebuilt only when the session changes.
    index: Option<PositionIndex>,
}

/// The positions by cell, so a frame looks up only the visible cells instead of scanning every
/// position (the matrix of a large session has thousands).
struct PositionIndex {
    /// The session revision it was built from.
    revision: u64,
    /// The latest round that has a position.
    latest: u32,
    /// For each (group, alternative): indexes into `session.positions`, by round.
    by_cell: HashMap<(GroupId, AlternativeId), Vec<usize>>,
}

impl PositionIndex {
    fn build(session: &Session, revision: u64) -> Self {
        let mut by_cell: HashMap<(GroupId, AlternativeId), Vec<usize>> = HashMap::new();
        let mut latest = 1;
        for (i, position) in session.positions.iter().enumerate() {
            latest = latest.max(position.round);
            by_cell
                .entry((position.group, position.alternative))
                .or_default()
                .push(i);
        }
        Self {
            revision,
            latest,
            by_cell,
        }
    }
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    let tr = board.tr;
    ui.label(board.theme.heading(tr.t("section-positions")));
    ui.label(board.theme.caption(tr.t("positions-hint")));
    ui.add_space(6.0);
    if session.stakeholder_groups.is_empty() || session.alternatives.is_empty() {
        ui.label(RichText::new(tr.t("positions-nothing")).color(board.theme.weak_text()));
        return;
    }
    // Forget a selection whose group or alternative was deleted.
    if let Some((group, alternative)) = state.selected
        && (session.group(group).is_none() || session.alternative(alternative).is_none())
    {
        state.selected = None;
    }

    if state
        .index
        .as_ref()
        .is_none_or(|index| index.revision != board.revision)
    {
        state.index = Some(PositionIndex::build(session, board.revision));
    }
    let latest = state.index.as_ref().map_or(1, |index| index.latest);
    let round = state.round.unwrap_or(latest).clamp(1, latest + 1);
    rounds_row(ui, board, state, latest, round);
    legend(ui, board);
    ui.add_space(6.0);

    // The matrix takes the height the editor leaves (measured in the previous frame).
    let editor_height_id = Id::unique("positions-editor-height");
    let reserve = if state.selected.is_some() {
        ui.data(|d| d.get_temp(editor_height_id))
            .unwrap_or(EDITOR_ROOM)
            + 12.0
    } else {
        40.0
    };
    let max_height = (ui.available_height() - reserve).max(ROW_HEIGHT * 2.0 + HEADER_HEIGHT);
    egui::ScrollArea::both()
        .id_salt("positions-matrix")
        .auto_shrink([false, true])
        .max_height(max_height)
        .content_margin(0.0)
        .show_viewport(ui, |ui, viewport| matrix(ui, board, state, round, viewport));

    ui.add_space(8.0);
    match state.selected {
        Some((group, alternative)) => {
            let output = egui::ScrollArea::vertical()
                .id_salt("positions-editor")
                .auto_shrink([false; 2])
                .show(ui, |ui| editor(ui, board, state, group, alternative, round));
            let height = output.content_size.y;
            ui.data_mut(|d| d.insert_temp(editor_height_id, height));
        }
        None => {
            ui.label(RichText::new(tr.t("positions-select-hint")).color(board.theme.weak_text()));
        }
    }
}

/// The round selector: shown when there are several rounds; "start round N+1" once the latest
/// round has positions.
fn rounds_row(ui: &mut Ui, board: &Board<'_>, state: &mut State, latest: u32, round: u32) {
    let tr = board.tr;
    let has_positions = !board.session.positions.is_empty();
    let last = latest.max(round);
    if last <= 1 && !has_positions {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if last > 1 {
            ui.label(board.theme.caption(tr.t("positions-round-label")));
            for number in 1..=last {
                let text = tr.args("positions-round", &[("number", FluentValue::from(number))]);
                if ui
                    .add(egui::Button::selectable(number == round, text))
                    .clicked()
                {
                    // The latest round is followed as it grows; an earlier one is pinned.
                    state.round = (number != latest).then_some(number);
                }
            }
            ui.add_space(12.0);
        }
        if has_positions && round == latest {
            let next = latest + 1;
            let text = tr.args(
                "positions-new-round",
                &[("number", FluentValue::from(next))],
            );
            let response = ui
                .button(text)
                .on_hover_text(tr.t("positions-new-round-hint"));
            if response.clicked() {
                state.round = Some(next);
            }
        }
    });
}

/// Every stance with its colour and mark.
fn legend(ui: &mut Ui, board: &Board<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(board.theme.caption(board.tr.t("positions-legend")));
        for stance in Stance::ALL {
            swatch(ui, board.theme, stance);
            ui.label(stance.name(board.tr));
            ui.add_space(8.0);
        }
    });
}

/// A small box in the stance's colour with its mark.
fn swatch(ui: &mut Ui, theme: &Theme, stance: Stance) {
    let size = vec2(34.0, 24.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    ui.painter()
        .rect_filled(rect, 4.0, theme.stance_fill(stance));
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        Theme::stance_mark(stance),
        egui::FontId::proportional(theme::BODY_SIZE),
        theme.stance_text(stance),
    );
}

/// What a cell of the shown round holds.
#[derive(Clone, Copy, Default)]
struct Cell<'s> {
    /// The position in the shown round.
    current: Option<&'s Position>,
    /// The latest position in an earlier round (shown faintly in an empty cell).
    earlier: Option<&'s Position>,
}

/// Where the matrix lies on screen this frame.
struct Placement {
    /// The matrix's top-left corner.
    origin: Pos2,
    /// The part of the matrix in the viewport.
    visible: Rect,
    /// Where the matrix may paint: the part of `visible` inside the ui's clip rect.
    clip: Rect,
}

/// The matrix, drawn for the part of it in `viewport` (content coordinates).
fn matrix(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, round: u32, viewport: Rect) {
    let session = board.session;
    let groups = &session.stakeholder_groups;
    let alternatives = &session.alternatives;
    let size = vec2(
        GROUP_WIDTH + alternatives.len() as f32 * CELL_WIDTH,
        HEADER_HEIGHT + groups.len() as f32 * ROW_HEIGHT,
    );
    let origin = ui.max_rect().min;
    ui.set_min_size(size);

    let columns = visible_range(
        viewport.min.x,
        viewport.max.x - GROUP_WIDTH,
        CELL_WIDTH,
        alternatives.len(),
    );
    let rows = visible_range(
        viewport.min.y,
        viewport.max.y - HEADER_HEIGHT,
        ROW_HEIGHT,
        groups.len(),
    );
    let grid = cells(
        session,
        state.index.as_ref(),
        round,
        rows.clone(),
        columns.clone(),
    );
    let visible = Rect::from_min_max(
        origin + viewport.min.to_vec2(),
        origin + viewport.max.to_vec2(),
    );
    let clip = ui.clip_rect().intersect(visible);
    let at = Placement {
        origin,
        visible,
        clip,
    };

    // Cells first, clipped to the area not covered by the sticky headers.
    let moved = matrix_cells(
        ui,
        board,
        state,
        &at,
        (rows.clone(), columns.clone()),
        &grid,
    );
    follow_selection(ui, session, state, origin, moved);
    title_row(ui, board, state, &at, columns);
    group_column(ui, board, state, &at, rows);
    corner(ui, board, &at);
}

/// The cells of `rows` × `columns` (`grid`, row by row). Returns the arrow-key step asked for
/// in a cell (the cell, and the step).
fn matrix_cells(
    ui: &mut Ui,
    board: &Board<'_>,
    state: &mut State,
    at: &Placement,
    (rows, columns): (std::ops::Range<usize>, std::ops::Range<usize>),
    grid: &[Cell<'_>],
) -> Option<((usize, usize), (isize, isize))> {
    let groups = &board.session.stakeholder_groups;
    let alternatives = &board.session.alternatives;
    let origin = at.origin;
    let mut cells_ui = ui.new_child(UiBuilder::new().max_rect(ui.max_rect()).id_salt("cells"));
    cells_ui.set_clip_rect(at.clip.intersect(Rect::from_min_max(
        at.visible.min + vec2(GROUP_WIDTH, HEADER_HEIGHT),
        at.visible.max,
    )));
    let mut moved = None;
    for (r, row) in rows.zip(grid.chunks(columns.len().max(1))) {
        for (c, cell) in columns.clone().zip(row) {
            let rect = Rect::from_min_size(
                origin
                    + vec2(
                        GROUP_WIDTH + c as f32 * CELL_WIDTH,
                        HEADER_HEIGHT + r as f32 * ROW_HEIGHT,
                    ),
                vec2(CELL_WIDTH - GAP, ROW_HEIGHT - GAP),
            );
            let key = (groups[r].id, alternatives[c].id);
            if let Some(step) = cell_button(&mut cells_ui, board, state, key, (r, c), *cell, rect) {
                moved = Some(step);
            }
        }
    }
    moved
}

/// Selects the cell an arrow key `moved` to and scrolls it into view; keeps scrolling to the
/// selected cell while a reveal is asked for.
fn follow_selection(
    ui: &Ui,
    session: &Session,
    state: &mut State,
    origin: Pos2,
    moved: Option<((usize, usize), (isize, isize))>,
) {
    let groups = &session.stakeholder_groups;
    let alternatives = &session.alternatives;
    if let Some(((r, c), (dr, dc))) = moved {
        let r = r.saturating_add_signed(dr).min(groups.len() - 1);
        let c = c.saturating_add_signed(dc).min(alternatives.len() - 1);
        let key = (groups[r].id, alternatives[c].id);
        state.selected = Some(key);
        state.focus_cell = Some(key);
        reveal_cell(ui, origin, r, c);
    }
    if state.reveal > 0 {
        state.reveal -= 1;
        if let Some((group, alternative)) = state.selected
            && let Some(r) = groups.iter().position(|g| g.id == group)
            && let Some(c) = alternatives.iter().position(|a| a.id == alternative)
        {
            reveal_cell(ui, origin, r, c);
        }
    }
}

/// The row of alternative titles, kept at the top.
fn title_row(
    ui: &mut Ui,
    board: &Board<'_>,
    state: &State,
    at: &Placement,
    columns: std::ops::Range<usize>,
) {
    let alternatives = &board.session.alternatives;
    let (origin, visible, clip) = (at.origin, at.visible, at.clip);
    let fill = ui.visuals().panel_fill;
    let header = Rect::from_min_size(visible.min, vec2(visible.width(), HEADER_HEIGHT));
    ui.painter()
        .with_clip_rect(clip)
        .rect_filled(header, 0.0, fill);
    let mut header_ui = ui.new_child(UiBuilder::new().max_rect(ui.max_rect()).id_salt("header"));
    header_ui.set_clip_rect(clip.intersect(Rect::from_min_max(
        header.min + vec2(GROUP_WIDTH, 0.0),
        header.max,
    )));
    for c in columns {
        let alternative = &alternatives[c];
        let rect = Rect::from_min_size(
            egui::pos2(
                origin.x + GROUP_WIDTH + c as f32 * CELL_WIDTH,
                visible.min.y,
            ),
            vec2(CELL_WIDTH - GAP, HEADER_HEIGHT - GAP),
        );
        let text = format!("{}. {}", c + 1, alternative.title);
        let highlighted = state.selected.is_some_and(|(_, a)| a == alternative.id);
        wrapped_label(
            &mut header_ui,
            board,
            rect,
            &text,
            4,
            highlighted,
            Align::BOTTOM,
        )
        .on_hover_text(&alternative.title);
    }
}

/// The column of group names, kept at the left.
fn group_column(
    ui: &mut Ui,
    board: &Board<'_>,
    state: &State,
    at: &Placement,
    rows: std::ops::Range<usize>,
) {
    let groups = &board.session.stakeholder_groups;
    let (origin, visible, clip) = (at.origin, at.visible, at.clip);
    let fill = ui.visuals().panel_fill;
    let column = Rect::from_min_size(visible.min, vec2(GROUP_WIDTH, visible.height()));
    ui.painter()
        .with_clip_rect(clip)
        .rect_filled(column, 0.0, fill);
    let mut groups_ui = ui.new_child(UiBuilder::new().max_rect(ui.max_rect()).id_salt("groups"));
    groups_ui.set_clip_rect(clip.intersect(Rect::from_min_max(
        column.min + vec2(0.0, HEADER_HEIGHT),
        column.max,
    )));
    for r in rows {
        let group = &groups[r];
        let rect = Rect::from_min_size(
            egui::pos2(
                visible.min.x,
                origin.y + HEADER_HEIGHT + r as f32 * ROW_HEIGHT,
            ),
            vec2(GROUP_WIDTH - 2.0 * GAP, ROW_HEIGHT - GAP),
        );
        let highlighted = state.selected.is_some_and(|(g, _)| g == group.id);
        let response = wrapped_label(
            &mut groups_ui,
            board,
            rect,
            &group.name,
            2,
            highlighted,
            Align::Center,
        );
        response.on_hover_ui(|ui| {
            ui.set_max_width(420.0);
            ui.label(RichText::new(&group.name).strong());
            if !group.description.is_empty() {
                ui.label(&group.description);
            }
        });
    }
}

/// The corner, above the group names and left of the titles.
fn corner(ui: &Ui, board: &Board<'_>, at: &Placement) {
    let (visible, clip) = (at.visible, at.clip);
    let fill = ui.visuals().panel_fill;
    let corner = Rect::from_min_size(visible.min, vec2(GROUP_WIDTH, HEADER_HEIGHT));
    ui.painter()
        .with_clip_rect(clip)
        .rect_filled(corner, 0.0, fill);
    let text = board.tr.t("positions-corner");
    let galley = ui.painter().layout(
        text,
        egui::FontId::proportional(theme::SMALL_SIZE),
        board.theme.weak_text(),
        GROUP_WIDTH - 2.0 * GAP,
    );
    let pos = corner.left_bottom() - vec2(0.0, galley.size().y + GAP);
    ui.painter()
        .with_clip_rect(clip)
        .galley(pos, galley, board.theme.weak_text());
}

/// Scrolls the matrix so that cell `(r, c)` shows beside the sticky group names and under the
/// sticky titles.
fn reveal_cell(ui: &Ui, origin: egui::Pos2, r: usize, c: usize) {
    let cell_min = origin
        + vec2(
            GROUP_WIDTH + c as f32 * CELL_WIDTH,
            HEADER_HEIGHT + r as f32 * ROW_HEIGHT,
        );
    let rect = Rect::from_min_max(
        cell_min - vec2(GROUP_WIDTH, HEADER_HEIGHT),
        cell_min + vec2(CELL_WIDTH, ROW_HEIGHT),
    );
    ui.scroll_to_rect(rect, None);
}

/// The indices of the rows (or columns) of `size` that show between `from` and `to`
/// (content coordinates, relative to the first row's start).
fn visible_range(from: f32, to: f32, size: f32, count: usize) -> std::ops::Range<usize> {
    let first = (from / size).floor().max(0.0) as usize;
    let last = ((to / size).ceil().max(0.0) as usize).min(count);
    first.min(last)..last
}

/// The cells of the given rows and columns (row by row), looked up in the index: the cost
/// depends on what is visible, not on how many positions the session has.
fn cells<'s>(
    session: &'s Session,
    index: Option<&PositionIndex>,
    round: u32,
    rows: std::ops::Range<usize>,
    columns: std::ops::Range<usize>,
) -> Vec<Cell<'s>> {
    let width = columns.len();
    let mut grid = vec![Cell::default(); rows.len() * width];
    let Some(index) = index else {
        return grid;
    };
    let groups = &session.stakeholder_groups[rows];
    let alternatives = &session.alternatives[columns];
    for (r, group) in groups.iter().enumerate() {
        for (c, alternative) in alternatives.iter().enumerate() {
            let Some(found) = index.by_cell.get(&(group.id, alternative.id)) else {
                continue;
            };
            let cell = &mut grid[r * width + c];
            for position in found.iter().filter_map(|&i| session.positions.get(i)) {
                if position.round == round {
                    cell.current = Some(position);
                } else if position.round < round
                    && cell.earlier.is_none_or(|e| e.round < position.round)
                {
                    cell.earlier = Some(position);
                }
            }
        }
    }
    grid
}

/// A label laid out in `rect`, wrapped to at most `rows` rows with an ellipsis.
fn wrapped_label(
    ui: &mut Ui,
    board: &Board<'_>,
    rect: Rect,
    text: &str,
    rows: usize,
    highlighted: bool,
    align: Align,
) -> egui::Response {
    let colour = if highlighted {
        board.theme.accent()
    } else {
        ui.visuals().text_color()
    };
    let mut job = LayoutJob::simple(
        text.to_owned(),
        egui::FontId::proportional(theme::SMALL_SIZE + 1.5),
        colour,
        rect.width(),
    );
    job.wrap.max_rows = rows;
    let layout = Layout::left_to_right(align).with_main_wrap(false);
    ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(
            egui::Label::new(job)
                .wrap()
                .selectable(false)
                .sense(Sense::hover()),
        )
    })
    .inner
}

/// One cell. Returns an arrow-key step `((row, column), (down, right))` when the cell has
/// keyboard focus and an arrow key was pressed.
#[allow(clippy::type_complexity)]
fn cell_button(
    ui: &mut Ui,
    board: &Board<'_>,
    state: &mut State,
    key: (GroupId, AlternativeId),
    at: (usize, usize),
    cell: Cell<'_>,
    rect: Rect,
) -> Option<((usize, usize), (isize, isize))> {
    let session = board.session;
    let tr = board.tr;
    let theme = board.theme;
    let selected = state.selected == Some(key);
    let (text, fill) = match (cell.current, cell.earlier) {
        (Some(position), _) => (
            RichText::new(Theme::stance_mark(position.stance))
                .size(theme::HEADING_SIZE)
                .strong()
                .color(theme.stance_text(position.stance)),
            theme.stance_fill(position.stance),
        ),
        (None, Some(earlier)) => (
            RichText::new(format!("({})", Theme::stance_mark(earlier.stance)))
                .color(theme.weak_text()),
            Color32::TRANSPARENT,
        ),
        (None, None) => (RichText::new(""), Color32::TRANSPARENT),
    };
    let stroke = if selected {
        Stroke::new(3.0, theme.accent())
    } else {
        Stroke::new(1.0, theme.border())
    };
    let button = egui::Button::new(text)
        .fill(fill)
        .stroke(stroke)
        .min_size(rect.size());
    let layout = Layout::centered_and_justified(egui::Direction::TopDown);
    let builder = UiBuilder::new().max_rect(rect).layout(layout).id_salt(key);
    let (group, alternative) = (key.0, key.1);
    let group_name = session.group(group).map_or("", |g| g.name.as_str());
    let alternative_title = session
        .alternative(alternative)
        .map_or("", |a| a.title.as_str());
    let response = ui
        .scope_builder(builder, |ui| {
            if state.focus_cell == Some(key) {
                let id = ui.next_auto_id();
                ui.memory_mut(|m| m.request_focus(id));
                state.focus_cell = None;
            }
            ui.add(button)
        })
        .inner;
    let stance_name = cell
        .current
        .map_or_else(|| tr.t("positions-no-position"), |p| p.stance.name(tr));
    let response =
        response.accessible_name(format!("{group_name} — {alternative_title}: {stance_name}"));
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(440.0);
        ui.label(RichText::new(format!("{group_name} — {alternative_title}")).strong());
        match cell.current {
            Some(position) => {
                ui.horizontal(|ui| {
                    swatch(ui, theme, position.stance);
                    ui.label(position.stance.name(tr));
                });
                if position.interests.is_empty() {
                    ui.label(theme.caption(tr.t("positions-no-interests")));
                } else {
                    ui.label(&position.interests);
                }
            }
            None => {
                ui.label(theme.caption(tr.t("positions-no-position-hint")));
            }
        }
        if let Some(earlier) = cell.earlier {
            ui.label(theme.caption(earlier_text(board, earlier)));
        }
    });
    if response.clicked() {
        // Focus the cell, so the arrow keys move on from it.
        response.request_focus();
        state.selected = if selected { None } else { Some(key) };
        state.reveal = if state.selected.is_some() { 2 } else { 0 };
    }
    if response.has_focus() {
        let step = ui.input_mut(|input| {
            [
                (Key::ArrowUp, (-1, 0)),
                (Key::ArrowDown, (1, 0)),
                (Key::ArrowLeft, (0, -1)),
                (Key::ArrowRight, (0, 1)),
            ]
            .into_iter()
            .find(|(key, _)| input.consume_key(egui::Modifiers::NONE, *key))
            .map(|(_, step)| step)
        });
        return step.map(|step| (at, step));
    }
    None
}

/// "Round 1: For".
fn earlier_text(board: &Board<'_>, earlier: &Position) -> String {
    let args = [
        ("round", FluentValue::from(earlier.round)),
        ("stance", FluentValue::from(earlier.stance.name(board.tr))),
    ];
    board.tr.args("positions-earlier", &args)
}

/// The editor of the selected cell: stance buttons, interests, earlier rounds, delete.
fn editor(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    group: GroupId,
    alternative: AlternativeId,
    round: u32,
) {
    let session = board.session;
    let tr = board.tr;
    let (Some(group_entity), Some(alternative_entity)) =
        (session.group(group), session.alternative(alternative))
    else {
        return;
    };
    let current = session
        .positions
        .iter()
        .find(|p| p.group == group && p.alternative == alternative && p.round == round);
    board.theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(board.theme.card_title(format!(
            "{} — {}",
            group_entity.name, alternative_entity.title
        )));
        ui.horizontal_wrapped(|ui| {
            if let Some(position) = current {
                let args = [
                    ("group", FluentValue::from(group_entity.name.clone())),
                    (
                        "alternative",
                        FluentValue::from(alternative_entity.title.clone()),
                    ),
                ];
                let what = tr.args("positions-what", &args);
                if widgets::delete_button(ui, board, &what) {
                    board.delete(ItemRef::Position(position.id));
                }
            }
            if ui.button(tr.t("common-close")).clicked() {
                state.selected = None;
            }
            ui.add_space(8.0);
            let text = tr.args("positions-round", &[("number", FluentValue::from(round))]);
            ui.label(board.theme.caption(text));
            let mut earlier: Vec<&Position> = session
                .positions
                .iter()
                .filter(|p| p.group == group && p.alternative == alternative && p.round < round)
                .collect();
            earlier.sort_by_key(|p| p.round);
            for position in earlier {
                ui.label(board.theme.caption("·"));
                ui.label(board.theme.caption(earlier_text(board, position)))
                    .on_hover_text(&position.interests);
            }
        });
        ui.add_space(6.0);
        ui.label(RichText::new(tr.t("positions-stance")).strong());
        ui.horizontal_wrapped(|ui| {
            for stance in Stance::ALL {
                let chosen = current.is_some_and(|p| p.stance == stance);
                let name = stance.name(tr);
                // Every button in its stance's colour, like the legend and the cells; the chosen
                // one framed and ticked.
                let mark = if chosen {
                    "✓"
                } else {
                    Theme::stance_mark(stance)
                };
                let text = RichText::new(format!("{mark}   {name}"))
                    .color(board.theme.stance_text(stance));
                let stroke = if chosen {
                    Stroke::new(3.0, board.theme.accent())
                } else {
                    Stroke::new(1.0, board.theme.border())
                };
                let button = egui::Button::selectable(chosen, text)
                    .fill(board.theme.stance_fill(stance))
                    .stroke(stroke)
                    .min_size(vec2(0.0, ROW_HEIGHT - GAP));
                let response = ui.add(button).accessible_name(&name);
                if response.clicked() && !chosen {
                    record(board, current, (group, alternative, round), |p| {
                        p.stance = stance
                    });
                }
            }
        });
        ui.add_space(6.0);
        let label = tr.t("positions-interests");
        let id = Id::unique(("position-interests", group, alternative, round));
        let field = Field::new(&label)
            .multiline()
            .width(ui.available_width().min(900.0));
        let interests = current.map_or("", |p| p.interests.as_str());
        if let Some(text) = widgets::text_field(ui, board, id, field, interests) {
            record(board, current, (group, alternative, round), |p| {
                p.interests = text
            });
        }
    });
}

/// Records a change to the position of `(group, alternative, round)`: an update of the
/// existing position, or a new one (undecided until a stance is chosen).
fn record(
    board: &mut Board<'_>,
    current: Option<&Position>,
    (group, alternative, round): (GroupId, AlternativeId, u32),
    change: impl FnOnce(&mut Position),
) {
    match current {
        Some(position) => board.update(position, change),
        None => {
            let mut position = Position {
                group,
                alternative,
                round,
                ..Position::default()
            };
            change(&mut position);
            board.push(Command::Add(Item::Position(position)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_range_covers_the_viewport_only() {
        assert_eq!(visible_range(0.0, 500.0, 100.0, 300), 0..5);
        assert_eq!(visible_range(250.0, 750.0, 100.0, 300), 2..8);
        assert_eq!(visible_range(0.0, 500.0, 100.0, 3), 0..3);
        assert_eq!(visible_range(29_000.0, 30_500.0, 100.0, 300), 290..300);
        assert_eq!(visible_range(0.0, -10.0, 100.0, 300), 0..0);
    }

    #[test]
    fn cell_lookup_finds_current_and_earlier_rounds() {
        let mut session = Session::new("t");
        for (id, name) in [(1, "A"), (2, "B")] {
            session
                .stakeholder_groups
                .push(stratboard_core::model::StakeholderGroup {
                    id: GroupId(id),
                    name: name.into(),
                    ..Default::default()
                });
        }
        session
            .alternatives
            .push(stratboard_core::model::Alternative {
                id: AlternativeId(3),
                title: "X".into(),
                ..Default::default()
            });
        for (id, group, round, stance) in [
            (4, 1, 1, Stance::For),
            (5, 1, 2, Stance::Against),
            (6, 2, 1, Stance::Neutral),
        ] {
            session.positions.push(Position {
                id: stratboard_core::model::PositionId(id),
                group: GroupId(group),
                alternative: AlternativeId(3),
                stance,
                round,
                ..Position::default()
            });
        }
        let index = PositionIndex::build(&session, 1);
        assert_eq!(index.latest, 2);
        let grid = cells(&session, Some(&index), 2, 0..2, 0..1);
        assert_eq!(grid[0].current.map(|p| p.stance), Some(Stance::Against));
        assert_eq!(grid[0].earlier.map(|p| p.stance), Some(Stance::For));
        assert!(grid[1].current.is_none());
        assert_eq!(grid[1].earlier.map(|p| p.stance), Some(Stance::Neutral));
        let first = cells(&session, Some(&index), 1, 0..2, 0..1);
        assert_eq!(first[0].current.map(|p| p.stance), Some(Stance::For));
        assert!(first[0].earlier.is_none());
    }
}
