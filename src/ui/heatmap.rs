//! The 5×5 risk heat map: impact across, probability up, each cell coloured by its score
//! (probability × impact: green, amber, red), and every risk a numbered dot in its cell. Drawn
//! on the board and on the projector; each dot is a widget named with its risk, for screen
//! readers and tests.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use stratboard_core::model::{RISK_MAX, RISK_MIN};

/// One risk on the map.
pub struct Dot {
    /// Its number in the register (shown in the dot).
    pub number: usize,
    /// What it is (the hover text and the accessible name).
    pub label: String,
    /// 1–5.
    pub probability: u8,
    /// 1–5.
    pub impact: u8,
}

/// Where the map is drawn and how big its text is.
pub struct Look {
    /// The side of one cell.
    pub cell: f32,
    /// Text size.
    pub text: f32,
    /// Text colour.
    pub ink: Color32,
    /// The axes' captions: probability (up), impact (across).
    pub axes: (String, String),
}

/// The colour of a cell with `score` = probability × impact.
pub fn score_colour(score: u8) -> Color32 {
    match score {
        0..=4 => Color32::from_rgb(0xc8, 0xe6, 0xc9),
        5..=9 => Color32::from_rgb(0xff, 0xec, 0xb3),
        10..=14 => Color32::from_rgb(0xff, 0xcc, 0x80),
        _ => Color32::from_rgb(0xef, 0x9a, 0x9a),
    }
}

/// Draws the map with `dots`.
pub fn draw(ui: &mut Ui, look: &Look, dots: &[Dot]) {
    let cells = f32::from(RISK_MAX - RISK_MIN + 1);
    let margin = look.text * 2.2;
    let size = vec2(margin + look.cell * cells, look.cell * cells + margin);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let grid = Rect::from_min_size(
        rect.min + vec2(margin, 0.0),
        vec2(look.cell * cells, look.cell * cells),
    );
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(look.text);
    for probability in RISK_MIN..=RISK_MAX {
        for impact in RISK_MIN..=RISK_MAX {
            let cell = cell_rect(grid, look.cell, probability, impact);
            painter.rect_filled(cell.shrink(1.0), 2.0, score_colour(probability * impact));
        }
        let y = cell_rect(grid, look.cell, probability, RISK_MIN).center().y;
        painter.text(
            pos2(grid.left() - 6.0, y),
            Align2::RIGHT_CENTER,
            probability.to_string(),
            font.clone(),
            look.ink,
        );
    }
    for impact in RISK_MIN..=RISK_MAX {
        let x = cell_rect(grid, look.cell, RISK_MIN, impact).center().x;
        painter.text(
            pos2(x, grid.bottom() + 4.0),
            Align2::CENTER_TOP,
            impact.to_string(),
            font.clone(),
            look.ink,
        );
    }
    painter.text(
        pos2(rect.left(), grid.top()),
        Align2::LEFT_TOP,
        &look.axes.0,
        FontId::proportional(look.text * 0.8),
        look.ink,
    );
    painter.text(
        pos2(grid.right(), rect.bottom()),
        Align2::RIGHT_BOTTOM,
        &look.axes.1,
        FontId::proportional(look.text * 0.8),
        look.ink,
    );
    dots_in_cells(ui, grid, look, dots);
}

/// The rect of the cell of `probability` (row, from the bottom) and `impact` (column).
fn cell_rect(grid: Rect, cell: f32, probability: u8, impact: u8) -> Rect {
    let column = f32::from(impact.clamp(RISK_MIN, RISK_MAX) - RISK_MIN);
    let row = f32::from(RISK_MAX - probability.clamp(RISK_MIN, RISK_MAX));
    Rect::from_min_size(grid.min + vec2(column * cell, row * cell), vec2(cell, cell))
}

/// The dots, side by side in their cells (a full cell shows how many more there are).
fn dots_in_cells(ui: &mut Ui, grid: Rect, look: &Look, dots: &[Dot]) {
    let radius = (look.cell / 6.0).max(6.0);
    let per_row = ((look.cell - 4.0) / (radius * 2.0 + 2.0)).floor().max(1.0) as usize;
    let mut placed: std::collections::HashMap<(u8, u8), usize> = std::collections::HashMap::new();
    for dot in dots {
        let key = (dot.probability, dot.impact);
        let slot = placed.entry(key).or_insert(0);
        let (column, row) = (*slot % per_row, *slot / per_row);
        *slot += 1;
        let cell = cell_rect(grid, look.cell, dot.probability, dot.impact);
        let centre = cell.min
            + vec2(
                radius + 2.0 + column as f32 * (radius * 2.0 + 2.0),
                radius + 2.0 + row as f32 * (radius * 2.0 + 2.0),
            );
        if centre.y + radius > cell.bottom() {
            continue;
        }
        let hit = Rect::from_center_size(centre, vec2(radius * 2.0, radius * 2.0));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("risk-dot", dot.number)),
            Sense::hover(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &dot.label));
        let painter = ui.painter();
        painter.circle(
            centre,
            radius,
            Color32::from_gray(40),
            Stroke::new(1.0, Color32::WHITE),
        );
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            dot.number.to_string(),
            FontId::proportional(radius * 1.2),
            Color32::WHITE,
        );
        response.on_hover_text(&dot.label);
    }
}
