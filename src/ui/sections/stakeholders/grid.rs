//! The power/interest grid (influence × interest) drawn as a picture.
//!
//! Interest runs left to right, influence bottom to top, both on the 1–5 scale of the model.
//! The four quadrants carry the classic advice (keep satisfied, manage closely, monitor, keep
//! informed). Each group is a circle at its (interest, influence), sized by how many
//! participants speak for it, with its name next to it. Groups in the same cell are spread
//! around the cell's centre, and names are placed where they cover neither another name nor a
//! circle. Hovering a circle shows the group's name and description; clicking it (or pressing
//! Enter on it) finds the group's card.

use std::collections::HashMap;
use std::f32::consts::{FRAC_PI_2, TAU};
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Align2, Color32, FontId, Galley, Id, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2,
};

use crate::ui::board::Board;
use crate::ui::theme::{BODY_SIZE, SMALL_SIZE};
use stratboard_core::model::{GroupId, SCALE_MAX, SCALE_MIN, StakeholderGroup, Stance};

/// Room on the left of the plot for the influence caption and its ticks.
const LEFT_MARGIN: f32 = 46.0;
/// The most groups whose names are written next to their circles.
const MAX_LABELLED_GROUPS: usize = 30;

/// Room under the plot for the interest ticks and caption.
const BOTTOM_MARGIN: f32 = 50.0;
/// Room above and to the right of the plot.
const OUTER_MARGIN: f32 = 8.0;
/// Space between a circle and its name.
const LABEL_GAP: f32 = 4.0;
/// The most of a group's name that may lie under other names (a share of its area).
const MAX_LABEL_OVERLAP: f32 = 0.15;
/// Padding inside a name's backdrop.
const LABEL_PAD: f32 = 2.0;

/// The size of a grid whose plot is `plot` (the plot plus room for the axes).
pub(super) fn size_for_plot(plot: Vec2) -> Vec2 {
    plot + vec2(LEFT_MARGIN + OUTER_MARGIN, BOTTOM_MARGIN + OUTER_MARGIN)
}

/// The size of the plot in a grid of `size`.
fn plot_size(size: Vec2) -> Vec2 {
    (size - size_for_plot(Vec2::ZERO)).max(Vec2::ZERO)
}

/// One of the four quadrants of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quadrant {
    /// High influence, low interest.
    KeepSatisfied,
    /// High influence, high interest.
    ManageClosely,
    /// Low influence, low interest.
    Monitor,
    /// Low influence, high interest.
    KeepInformed,
}

impl Quadrant {
    const ALL: [Quadrant; 4] = [
        Quadrant::KeepSatisfied,
        Quadrant::ManageClosely,
        Quadrant::Monitor,
        Quadrant::KeepInformed,
    ];

    fn key(self) -> &'static str {
        match self {
            Quadrant::KeepSatisfied => "stakeholders-quadrant-keep-satisfied",
            Quadrant::ManageClosely => "stakeholders-quadrant-manage-closely",
            Quadrant::Monitor => "stakeholders-quadrant-monitor",
            Quadrant::KeepInformed => "stakeholders-quadrant-keep-informed",
        }
    }

    /// The corner of the plot the quadrant's name sits in.
    fn corner(self) -> Align2 {
        match self {
            Quadrant::KeepSatisfied => Align2::LEFT_TOP,
            Quadrant::ManageClosely => Align2::RIGHT_TOP,
            Quadrant::Monitor => Align2::LEFT_BOTTOM,
            Quadrant::KeepInformed => Align2::RIGHT_BOTTOM,
        }
    }

    /// Its part of the plot.
    fn rect(self, plot: Rect) -> Rect {
        let c = plot.center();
        match self {
            Quadrant::KeepSatisfied => Rect::from_min_max(plot.left_top(), c),
            Quadrant::ManageClosely => {
                Rect::from_min_max(pos2(c.x, plot.top()), pos2(plot.right(), c.y))
            }
            Quadrant::Monitor => {
                Rect::from_min_max(pos2(plot.left(), c.y), pos2(c.x, plot.bottom()))
            }
            Quadrant::KeepInformed => Rect::from_min_max(c, plot.right_bottom()),
        }
    }

    /// The quadrant's tint: the one that needs most attention in the accent colour, the two
    /// that need some in the neutral grey, the one to merely watch left plain.
    fn fill(self, board: &Board<'_>) -> Color32 {
        match self {
            Quadrant::ManageClosely => board.theme.accent().gamma_multiply(0.16),
            Quadrant::KeepSatisfied | Quadrant::KeepInformed => board
                .theme
                .stance_fill(Stance::Neutral)
                .gamma_multiply(0.22),
            Quadrant::Monitor => board.theme.card_fill(),
        }
    }
}

/// Maps scale values to points of the plot.
#[derive(Clone, Copy)]
struct Scale {
    plot: Rect,
    /// The width and height of one cell (one step of interest, one of influence).
    cell: Vec2,
}

impl Scale {
    fn new(plot: Rect) -> Self {
        let steps = f32::from(SCALE_MAX - SCALE_MIN + 1);
        Self {
            plot,
            cell: plot.size() / steps,
        }
    }

    /// The smaller side of a cell: what circles are sized by.
    fn cell_side(self) -> f32 {
        self.cell.min_elem()
    }

    /// The x of an interest value (the centre of its column).
    fn x(self, interest: u8) -> f32 {
        self.plot.left() + (f32::from(interest - SCALE_MIN) + 0.5) * self.cell.x
    }

    /// The y of an influence value (the centre of its row; high influence at the top).
    fn y(self, influence: u8) -> f32 {
        self.plot.bottom() - (f32::from(influence - SCALE_MIN) + 0.5) * self.cell.y
    }
}

/// A group as drawn: where its circle is and how big.
struct Dot<'s> {
    group: &'s StakeholderGroup,
    participants: usize,
    center: Pos2,
    radius: f32,
    /// Where the circle sits relative to its cell's centre (zero when alone), so the name
    /// goes on the outside.
    offset: Vec2,
}

impl Dot<'_> {
    /// The square around the circle.
    fn rect(&self) -> Rect {
        Rect::from_center_size(self.center, Vec2::splat(2.0 * self.radius))
    }
}

/// What happened in the grid this frame.
#[derive(Default)]
pub(super) struct GridResponse {
    /// A group whose circle was clicked.
    pub clicked: Option<GroupId>,
    /// A group whose circle is under the pointer.
    pub hovered: Option<GroupId>,
}

/// Draws the grid in `size` for the session's groups; `participants` says how many people
/// each group has, `highlight` is a group to stand out (the selected or hovered card).
pub(super) fn show(
    ui: &mut Ui,
    board: &Board<'_>,
    size: Vec2,
    participants: &HashMap<GroupId, usize>,
    highlight: Option<GroupId>,
) -> GridResponse {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let name = board.tr.t("stakeholders-grid");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    let mut result = GridResponse::default();
    if !ui.is_rect_visible(rect) {
        return result;
    }
    let plot = Rect::from_min_size(
        pos2(rect.left() + LEFT_MARGIN, rect.top() + OUTER_MARGIN),
        plot_size(rect.size()),
    );
    let scale = Scale::new(plot);
    let painter = ui.painter_at(rect);
    let text_colour = ui.visuals().text_color();

    let mut taken = quadrants(&painter, board, plot);
    axes(&painter, board, scale);

    // The groups: first find a place for every name, then draw the names, then the circles
    // over them (a name never hides a circle).
    let dots = place_dots(&board.session.stakeholder_groups, participants, scale);
    let labels = place_labels(&painter, &dots, (scale, plot), &mut taken, text_colour);
    let lit = interact(
        ui,
        board,
        (&dots, &labels),
        highlight,
        &painter,
        &mut result,
    );
    for (text_rect, galley) in labels.into_iter().flatten() {
        painter.rect_filled(text_rect, 3.0, board.theme.card_fill().gamma_multiply(0.85));
        painter.galley(text_rect.min + Vec2::splat(LABEL_PAD), galley, text_colour);
    }
    circles(&painter, board, &dots, &lit, text_colour);

    if dots.is_empty() {
        painter.text(
            plot.center(),
            Align2::CENTER_CENTER,
            board.tr.t("stakeholders-grid-empty"),
            FontId::proportional(BODY_SIZE),
            board.theme.weak_text(),
        );
    }
    result
}

/// A group's name placed beside its circle: where, and the text laid out.
type PlacedLabel = Option<(Rect, Arc<Galley>)>;

/// Quadrants, their dividers, the frame, and the quadrant names in the outer corners. Returns
/// where the names are: obstacles for the groups' names.
fn quadrants(painter: &egui::Painter, board: &Board<'_>, plot: Rect) -> Vec<Rect> {
    for quadrant in Quadrant::ALL {
        painter.rect_filled(quadrant.rect(plot), 0.0, quadrant.fill(board));
    }
    let divider = Stroke::new(1.5, board.theme.border());
    painter.add(Shape::dashed_line(
        &[
            pos2(plot.center().x, plot.top()),
            pos2(plot.center().x, plot.bottom()),
        ],
        divider,
        6.0,
        4.0,
    ));
    painter.add(Shape::dashed_line(
        &[
            pos2(plot.left(), plot.center().y),
            pos2(plot.right(), plot.center().y),
        ],
        divider,
        6.0,
        4.0,
    ));
    painter.rect_stroke(
        plot,
        4.0,
        Stroke::new(1.0, board.theme.border()),
        egui::StrokeKind::Inside,
    );

    let mut taken: Vec<Rect> = Vec::new();
    for quadrant in Quadrant::ALL {
        let area = quadrant.rect(plot).shrink(6.0);
        let galley = painter.layout(
            board.tr.t(quadrant.key()),
            FontId::proportional(BODY_SIZE),
            board.theme.weak_text(),
            area.width(),
        );
        let corner = quadrant.corner();
        let text_rect = corner.anchor_size(corner.pos_in_rect(&area), galley.size());
        painter.galley(text_rect.min, galley, board.theme.weak_text());
        taken.push(text_rect.expand(2.0));
    }
    taken
}

/// A place for every dot's name where it covers neither another name (nor anything in
/// `taken`, which grows by each name placed) nor a circle; `None` for a name that has none.
fn place_labels(
    painter: &egui::Painter,
    dots: &[Dot<'_>],
    (scale, plot): (Scale, Rect),
    taken: &mut Vec<Rect>,
    text_colour: Color32,
) -> Vec<PlacedLabel> {
    let circles: Vec<Rect> = dots.iter().map(Dot::rect).collect();
    let mut labels = Vec::with_capacity(dots.len());
    // Past this many groups the names cannot fit in 25 cells anyway, and placing each one
    // against all others would cost quadratic time every frame: names then show on hover.
    let labelled = dots.len() <= MAX_LABELLED_GROUPS;
    for dot in dots {
        if !labelled {
            labels.push(None);
            continue;
        }
        let label = place_label(painter, dot, scale, plot, (&circles, taken), text_colour);
        if let Some((text_rect, _)) = &label {
            taken.push(*text_rect);
        }
        labels.push(label);
    }
    labels
}

/// Makes every circle (with its name) a button: hover, focus, click and tooltip, noted in
/// `result`. Returns which circles are lit (highlighted, hovered or focused).
fn interact(
    ui: &mut Ui,
    board: &Board<'_>,
    (dots, labels): (&[Dot<'_>], &[PlacedLabel]),
    highlight: Option<GroupId>,
    painter: &egui::Painter,
    result: &mut GridResponse,
) -> Vec<bool> {
    let mut lit = Vec::with_capacity(dots.len());
    for (dot, label) in dots.iter().zip(labels) {
        let circle = dot.rect();
        let hit = label.as_ref().map_or(circle, |(r, _)| circle.union(*r));
        let id = Id::unique(("stakeholders-grid-dot", dot.group.id));
        let response = ui.interact(hit, id, Sense::click());
        let group_name = dot.group.name.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &group_name));
        let on = highlight == Some(dot.group.id) || response.hovered() || response.has_focus();
        if on {
            painter.rect_filled(
                hit.expand(3.0),
                6.0,
                board.theme.accent().gamma_multiply(0.12),
            );
        }
        if response.clicked() {
            result.clicked = Some(dot.group.id);
        }
        if response.hovered() {
            result.hovered = Some(dot.group.id);
        }
        response.on_hover_ui(|ui| tooltip(ui, board, dot));
        lit.push(on);
    }
    lit
}

/// The groups' circles, each with its number of participants where it fits; `lit` ones stand
/// out.
fn circles(
    painter: &egui::Painter,
    board: &Board<'_>,
    dots: &[Dot<'_>],
    lit: &[bool],
    text_colour: Color32,
) {
    let fill = board.theme.accent();
    // Text on the accent fill: the colour the theme puts on its own accent-coloured stance.
    let on_fill = board.theme.stance_text(Stance::StronglyFor);
    for (dot, &on) in dots.iter().zip(lit) {
        let (width, colour) = if on {
            (3.0, text_colour)
        } else {
            (1.5, board.theme.card_fill())
        };
        let alpha = if on { 1.0 } else { 0.85 };
        painter.circle(
            dot.center,
            dot.radius,
            fill.gamma_multiply(alpha),
            Stroke::new(width, colour),
        );
        if dot.radius >= SMALL_SIZE * 0.6 {
            painter.text(
                dot.center,
                Align2::CENTER_CENTER,
                dot.participants.to_string(),
                FontId::proportional(SMALL_SIZE),
                on_fill,
            );
        }
    }
}

/// Ticks and captions of both axes.
fn axes(painter: &egui::Painter, board: &Board<'_>, scale: Scale) {
    let plot = scale.plot;
    let weak = board.theme.weak_text();
    let small = FontId::proportional(SMALL_SIZE);
    for value in SCALE_MIN..=SCALE_MAX {
        painter.text(
            pos2(scale.x(value), plot.bottom() + 4.0),
            Align2::CENTER_TOP,
            value.to_string(),
            small.clone(),
            weak,
        );
        painter.text(
            pos2(plot.left() - 6.0, scale.y(value)),
            Align2::RIGHT_CENTER,
            value.to_string(),
            small.clone(),
            weak,
        );
    }
    // Each caption is followed by an arrow pointing the way its value grows.
    let caption = FontId::proportional(BODY_SIZE);
    let arrow = Stroke::new(1.5, weak);
    let arrow_length = BODY_SIZE * 1.5;
    let galley = painter.layout_no_wrap(
        board.tr.t("stakeholders-grid-axis-interest"),
        caption.clone(),
        weak,
    );
    let size = galley.size();
    let top = plot.bottom() + 4.0 + SMALL_SIZE + 6.0;
    let left = plot.center().x - (size.x + 6.0 + arrow_length) / 2.0;
    painter.galley(pos2(left, top), galley, weak);
    painter.arrow(
        pos2(left + size.x + 6.0, top + size.y / 2.0),
        vec2(arrow_length, 0.0),
        arrow,
    );
    // The influence caption runs up the left side.
    let galley = painter.layout_no_wrap(
        board.tr.t("stakeholders-grid-axis-influence"),
        caption,
        weak,
    );
    let size = galley.size();
    let x = plot.left() - LEFT_MARGIN + 2.0 + size.y / 2.0;
    let bottom = plot.center().y + (size.x + 6.0 + arrow_length) / 2.0;
    let centre = pos2(x, bottom - size.x / 2.0);
    let text = egui::epaint::TextShape::new(centre - size / 2.0, galley, weak)
        .with_angle_and_anchor(-FRAC_PI_2, Align2::CENTER_CENTER);
    painter.add(text);
    painter.arrow(
        pos2(x, bottom - size.x - 6.0),
        vec2(0.0, -arrow_length),
        arrow,
    );
}

/// Where each group's circle goes: at its cell, spread around the cell's centre when several
/// groups share it, sized by the number of participants.
fn place_dots<'s>(
    groups: &'s [StakeholderGroup],
    participants: &HashMap<GroupId, usize>,
    scale: Scale,
) -> Vec<Dot<'s>> {
    let clamp = |v: u8| v.clamp(SCALE_MIN, SCALE_MAX);
    let mut cells: HashMap<(u8, u8), Vec<&StakeholderGroup>> = HashMap::new();
    for group in groups {
        cells
            .entry((clamp(group.interest), clamp(group.influence)))
            .or_default()
            .push(group);
    }
    let cell = scale.cell_side();
    let mut dots = Vec::with_capacity(groups.len());
    for group in groups {
        let key = (clamp(group.interest), clamp(group.influence));
        let Some(mates) = cells.get(&key) else {
            continue;
        };
        let n = mates.len();
        let k = mates.iter().position(|g| g.id == group.id).unwrap_or(0);
        let centre = pos2(scale.x(key.0), scale.y(key.1));
        let (offset, room) = spread(n, k, scale.cell);
        let count = participants.get(&group.id).copied().unwrap_or(0);
        let by_count = cell * (0.13 + 0.03 * (count as f32).sqrt());
        let radius = by_count
            .max(SMALL_SIZE * 0.75)
            .min(cell * 0.26)
            .min(room)
            .max(6.0);
        dots.push(Dot {
            group,
            participants: count,
            center: centre + offset,
            radius,
            offset,
        });
    }
    dots
}

/// The offset of the `k`-th of `n` circles sharing a cell of size `cell`, and the largest
/// radius that keeps neighbours apart.
fn spread(n: usize, k: usize, cell: Vec2) -> (Vec2, f32) {
    match n {
        0 | 1 => (Vec2::ZERO, f32::INFINITY),
        2..=6 => {
            let ring = cell * 0.27;
            let side = ring.min_elem();
            // Two side by side, three as a triangle pointing up, and so on.
            let start = if n == 2 {
                std::f32::consts::PI
            } else {
                -FRAC_PI_2
            };
            let angle = start + TAU * k as f32 / n as f32;
            let gap = 2.0 * side * (std::f32::consts::PI / n as f32).sin();
            (Vec2::angled(angle) * ring, gap * 0.45)
        }
        _ => {
            // Many groups in one cell: a small grid inside it.
            let side = (n as f32).sqrt().ceil() as usize;
            let step = cell * 0.8 / side as f32;
            let (row, col) = (k / side, k % side);
            let first = -(side as f32 - 1.0) / 2.0 * step;
            let offset = first + vec2(col as f32, row as f32) * step;
            (offset, step.min_elem() * 0.45)
        }
    }
}

/// Lays out a group's name and finds a place for it next to its circle that covers no other
/// name or circle (or, failing that, covers few other names), inside the plot. `taken` holds
/// the names placed so far and the quadrants' names.
fn place_label(
    painter: &egui::Painter,
    dot: &Dot<'_>,
    scale: Scale,
    plot: Rect,
    (circles, taken): (&[Rect], &[Rect]),
    colour: Color32,
) -> Option<(Rect, std::sync::Arc<egui::Galley>)> {
    if dot.group.name.trim().is_empty() {
        return None;
    }
    let layout = |rows: usize| {
        let mut job = LayoutJob::single_section(
            dot.group.name.clone(),
            TextFormat::simple(FontId::proportional(SMALL_SIZE + 1.0), colour),
        );
        job.wrap = TextWrapping {
            max_width: (scale.cell.x * 1.8).max(60.0),
            max_rows: rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        painter.layout_job(job)
    };
    let r = dot.radius + LABEL_GAP;
    let c = dot.center;
    let candidates = [
        Align2::LEFT_CENTER,   // to the right of the circle
        Align2::RIGHT_CENTER,  // to the left
        Align2::CENTER_TOP,    // below
        Align2::CENTER_BOTTOM, // above
        Align2::LEFT_TOP,
        Align2::LEFT_BOTTOM,
        Align2::RIGHT_TOP,
        Align2::RIGHT_BOTTOM,
    ];
    let anchor_point = |align: Align2| -> Pos2 {
        let dx = match align.x() {
            egui::Align::Min => r,
            egui::Align::Max => -r,
            egui::Align::Center => 0.0,
        };
        let dy = match align.y() {
            egui::Align::Min => r,
            egui::Align::Max => -r,
            egui::Align::Center => 0.0,
        };
        // Diagonal places start at the circle's side, not its corner.
        let dy = if dx != 0.0 && dy != 0.0 { dy * 0.3 } else { dy };
        c + vec2(dx, dy)
    };
    // A circle pushed off its cell's centre prefers to keep its name on that side.
    let mut order: Vec<Align2> = candidates.to_vec();
    if dot.offset.x < -0.5 {
        order.sort_by_key(|a| a.x() != egui::Align::Max);
    } else if dot.offset.y > 0.5 && dot.offset.x.abs() <= 0.5 {
        order.sort_by_key(|a| *a != Align2::CENTER_TOP);
    } else if dot.offset.y < -0.5 && dot.offset.x.abs() <= 0.5 {
        order.sort_by_key(|a| *a != Align2::CENTER_BOTTOM);
    }
    // Two lines if they fit somewhere, else one (elided); a name that would cover a circle
    // or most of another name is left out: hovering the circle still shows it.
    let mut best: Option<(f32, Rect, std::sync::Arc<egui::Galley>)> = None;
    for rows in [2, 1] {
        let galley = layout(rows);
        let size = galley.size() + Vec2::splat(2.0 * LABEL_PAD);
        for align in &order {
            let rect = align.anchor_size(anchor_point(*align), size);
            let rect = keep_inside(rect, plot.shrink(2.0));
            let covered = |t: &Rect| {
                let i = t.intersect(rect);
                if i.is_positive() { i.area() } else { 0.0 }
            };
            if circles.iter().any(|circle| covered(circle) > 0.0) {
                continue;
            }
            let overlap = taken.iter().map(covered).sum::<f32>() / rect.area();
            if overlap <= 0.0 {
                return Some((rect, galley));
            }
            if best.as_ref().is_none_or(|(b, _, _)| overlap < *b) {
                best = Some((overlap, rect, galley.clone()));
            }
        }
    }
    best.filter(|(overlap, _, _)| *overlap < MAX_LABEL_OVERLAP)
        .map(|(_, rect, galley)| (rect, galley))
}

/// Moves `rect` into `bounds` (as far as it fits).
fn keep_inside(rect: Rect, bounds: Rect) -> Rect {
    let mut shift = Vec2::ZERO;
    if rect.right() > bounds.right() {
        shift.x = bounds.right() - rect.right();
    }
    if rect.left() + shift.x < bounds.left() {
        shift.x = bounds.left() - rect.left();
    }
    if rect.bottom() > bounds.bottom() {
        shift.y = bounds.bottom() - rect.bottom();
    }
    if rect.top() + shift.y < bounds.top() {
        shift.y = bounds.top() - rect.top();
    }
    rect.translate(shift)
}

/// The hover card of a group: name, description, scores, participants.
fn tooltip(ui: &mut Ui, board: &Board<'_>, dot: &Dot<'_>) {
    ui.set_max_width(360.0);
    ui.label(board.theme.card_title(&dot.group.name));
    if !dot.group.description.trim().is_empty() {
        ui.label(&dot.group.description);
    }
    let scores = board.tr.args(
        "stakeholders-grid-scores",
        &[
            ("influence", i64::from(dot.group.influence).into()),
            ("interest", i64::from(dot.group.interest).into()),
        ],
    );
    ui.label(board.theme.caption(format!(
        "{scores} · {}",
        board.tr.n("count-participants", dot.participants as i64)
    )));
}
