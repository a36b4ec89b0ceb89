//! The Roadmap view (дорожная карта): one row per action item grouped by decision, a bar from
//! its start to its due date with its progress filled in, a line for today, overdue items
//! outlined in red, and a scale of weeks, months or quarters. The same chart is drawn big on
//! the projector ([`screen`]).
//!
//! The layout is the core's ([`stratboard_core::roadmap::layout`]), kept per session
//! revision, day and zoom; the board lays out only the rows on screen.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, FontId, Id, Label, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use crate::ui::board::Board;
use crate::ui::projector::Ctx;
use crate::ui::theme;
use crate::ui::widgets;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{ActionStatus, Session};
use stratboard_core::roadmap::{Roadmap, Row, Zoom, layout};

/// State of the view.
#[derive(Default)]
pub struct State {
    /// The unit of the scale.
    pub zoom: Zoom,
}

/// One line of the chart: a decision's header or an item with a bar.
#[derive(Clone, Copy, Debug)]
enum Line {
    /// The header of `groups[index]`.
    Group(usize),
    /// `groups[group].rows[row]`.
    Item(usize, usize),
}

/// The roadmap with its lines (items with dates) and the items without dates.
pub struct Chart {
    map: Roadmap,
    lines: Vec<Line>,
    undated: Vec<String>,
}

impl Chart {
    fn new(session: &Session, today: NaiveDate, zoom: Zoom) -> Self {
        // The plenary's own items: a section's are shown apart until adopted.
        let map = layout(&session.plenary_own(), today, zoom);
        let mut lines = Vec::new();
        let mut undated = Vec::new();
        for (g, group) in map.groups.iter().enumerate() {
            let mut header = false;
            for (r, row) in group.rows.iter().enumerate() {
                if row.bar.is_none() {
                    undated.push(row.what.clone());
                    continue;
                }
                if !header {
                    lines.push(Line::Group(g));
                    header = true;
                }
                lines.push(Line::Item(g, r));
            }
        }
        Self {
            map,
            lines,
            undated,
        }
    }

    fn row(&self, group: usize, row: usize) -> Option<&Row> {
        self.map.groups.get(group)?.rows.get(row)
    }

    /// Whether any item has a date.
    pub fn has_bars(&self) -> bool {
        !self.lines.is_empty()
    }
}

/// The chart of `session` on `today` at `zoom`, computed once per revision.
fn chart(ui: &Ui, session: &Session, revision: u64, today: NaiveDate, zoom: Zoom) -> Arc<Chart> {
    widgets::memo(ui, ("decisions-roadmap", today, zoom), revision, || {
        Arc::new(Chart::new(session, today, zoom))
    })
}

/// Sizes and colours of the chart: the board's or the projector's.
pub struct Look {
    /// Height of a line.
    pub row: f32,
    /// Size of the items' names.
    pub text: f32,
    /// Size of the scale and the percentages.
    pub small: f32,
    /// Width of the names' column.
    pub names: f32,
    /// Text.
    pub ink: Color32,
    /// Secondary text and grid lines.
    pub weak: Color32,
    /// The bars of items in progress or open.
    pub accent: Color32,
    /// Overdue items.
    pub error: Color32,
    /// The line for today.
    pub today: Color32,
    /// The headers' fill.
    pub header: Color32,
    /// Colours of the statuses, in the order of `ActionStatus::ALL` (`None`: the accent).
    pub status: Option<[Color32; 4]>,
}

impl Look {
    fn status_colour(&self, status: ActionStatus) -> Color32 {
        let index = ActionStatus::ALL.iter().position(|s| *s == status);
        match (self.status, index) {
            (Some(colours), Some(i)) if status != ActionStatus::Open => colours[i],
            _ => self.accent,
        }
    }

    fn board(ui: &Ui, board: &Board<'_>) -> Self {
        let theme = board.theme;
        let width = ui.available_width();
        Self {
            row: 30.0,
            text: 16.0,
            small: 13.0,
            names: (width * 0.28).clamp(160.0, 420.0),
            ink: ui.visuals().strong_text_color(),
            weak: theme.weak_text(),
            accent: theme.accent(),
            error: theme.error(),
            today: theme.warning(),
            header: theme.card_fill(),
            status: Some(ActionStatus::ALL.map(|s| theme.action_status(s))),
        }
    }

    fn projector(ui: &Ui, cx: &Ctx<'_, '_>) -> Self {
        let small = theme::SMALL_SIZE * cx.scale;
        let theme = cx.board.theme;
        Self {
            row: (small * 1.9).round(),
            text: small * 1.1,
            small,
            names: (ui.available_width() * 0.3).round(),
            ink: cx.pal.text,
            weak: cx.pal.weak,
            accent: cx.pal.accent,
            error: cx.pal.red,
            today: cx.pal.amber,
            header: cx.pal.card,
            status: (!cx.pal.high_contrast)
                .then(|| ActionStatus::ALL.map(|s| theme.action_status(s))),
        }
    }
}

/// Draws the Roadmap view of the board.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let tr = board.tr;
    let chart = chart(ui, board.session, board.revision, board.today, state.zoom);
    ui.data_mut(|d| d.insert_temp(zoom_memory_id(), state.zoom));
    ui.horizontal_wrapped(|ui| {
        ui.label(board.theme.caption(tr.t("roadmap-zoom")));
        for (zoom, key) in zooms() {
            ui.selectable_value(&mut state.zoom, zoom, tr.t(key));
        }
        ui.add_space(16.0);
        let today = tr.with("roadmap-today", "date", &tr.date(board.today));
        ui.label(RichText::new(format!("┃ {today}")).color(board.theme.warning()));
    });
    if chart.map.is_empty() {
        ui.label(board.theme.caption(tr.t("roadmap-empty")));
        return;
    }
    undated(ui, tr, &chart, theme::SMALL_SIZE);
    let look = Look::board(ui, board);
    scale(ui, tr, &chart.map, state.zoom, &look);
    egui::ScrollArea::vertical()
        .id_salt("decisions-roadmap-scroll")
        .auto_shrink([false; 2])
        .show_rows(ui, look.row, chart.lines.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for index in range {
                line(ui, board.session, tr, &chart, index, &look);
            }
        });
}

/// The zooms with their labels.
fn zooms() -> [(Zoom, &'static str); 3] {
    [
        (Zoom::Weeks, "roadmap-zoom-weeks"),
        (Zoom::Months, "roadmap-zoom-months"),
        (Zoom::Quarters, "roadmap-zoom-quarters"),
    ]
}

/// The note on the items without dates.
fn undated(ui: &mut Ui, tr: &Tr, chart: &Chart, size: f32) {
    if chart.undated.is_empty() {
        return;
    }
    let names: Vec<&str> = chart.undated.iter().map(String::as_str).collect();
    let text = tr.args(
        "roadmap-undated",
        &[
            ("count", (names.len() as i64).into()),
            ("names", widgets::names_list(tr, &names, 4).into()),
        ],
    );
    let text = RichText::new(text)
        .size(size)
        .color(ui.visuals().weak_text_color());
    ui.add(Label::new(text).truncate())
        .on_hover_text(chart.undated.join("\n"));
}

/// Where the timeline runs in a line's rect.
fn timeline(rect: Rect, look: &Look) -> Rect {
    Rect::from_x_y_ranges(
        (rect.left() + look.names + 8.0)..=(rect.right() - look.small * 3.5),
        rect.y_range(),
    )
}

fn x_of(map: &Roadmap, area: Rect, date: NaiveDate) -> f32 {
    area.left() + map.position(date) * area.width()
}

/// The scale: the ticks with their labels, spaced so that they do not run into each other.
fn scale(ui: &mut Ui, tr: &Tr, map: &Roadmap, zoom: Zoom, look: &Look) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, look.row), Sense::hover());
    let area = timeline(rect, look);
    let painter = ui.painter();
    let font = FontId::proportional(look.small);
    let spacing = area.width() / map.ticks.len().max(1) as f32;
    // Every tick's label when they fit; else every n-th, each month then with its year.
    let (mut labels, mut every) = tick_labels(tr, map, zoom, false, spacing, look.small);
    if every > 1 && zoom == Zoom::Months {
        (labels, every) = tick_labels(tr, map, zoom, true, spacing, look.small);
    }
    for (i, (tick, label)) in map.ticks.iter().zip(&labels).enumerate() {
        let x = x_of(map, area, *tick);
        // Labelled ticks run the scale's height, the others only its lower third.
        let top = if i % every == 0 {
            rect.top() + 4.0
        } else {
            rect.bottom() - rect.height() / 3.0
        };
        painter.line_segment(
            [pos2(x, top), pos2(x, rect.bottom())],
            Stroke::new(1.0, look.weak),
        );
        if i % every == 0 {
            let at = pos2(x + 4.0, rect.center().y);
            painter.text(at, Align2::LEFT_CENTER, label, font.clone(), look.ink);
        }
    }
    let x = x_of(map, area, map.today);
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, rect.bottom())],
        Stroke::new(2.0, look.today),
    );
}

/// The ticks' labels, and every how many ticks one fits (`spacing` pixels apart).
fn tick_labels(
    tr: &Tr,
    map: &Roadmap,
    zoom: Zoom,
    years: bool,
    spacing: f32,
    size: f32,
) -> (Vec<String>, usize) {
    let labels: Vec<String> = map
        .ticks
        .iter()
        .enumerate()
        .map(|(i, tick)| tick_label(tr, zoom, *tick, years || i == 0))
        .collect();
    let widest = labels
        .iter()
        .map(|l| l.chars().count() as f32 * size * 0.6)
        .fold(0.0, f32::max);
    let every = ((widest + 8.0) / spacing.max(1.0)).ceil().max(1.0) as usize;
    (labels, every)
}

/// A tick's label: the week's first day, the month (with its year in January, at the start or
/// when `year`), or the quarter with its year.
fn tick_label(tr: &Tr, zoom: Zoom, tick: NaiveDate, year: bool) -> String {
    match zoom {
        Zoom::Weeks => tick.format("%d.%m").to_string(),
        Zoom::Months => {
            let months = tr.t("roadmap-months");
            let name = months
                .split_whitespace()
                .nth(tick.month0() as usize)
                .unwrap_or_default()
                .to_owned();
            if year || tick.month() == 1 {
                format!("{name} {}", tick.year())
            } else {
                name
            }
        }
        Zoom::Quarters => tr.args(
            "roadmap-quarter",
            &[
                ("quarter", i64::from(tick.month0() / 3 + 1).into()),
                ("year", i64::from(tick.year()).into()),
            ],
        ),
    }
}

/// One line of the chart, as wide as the view.
fn line(ui: &mut Ui, session: &Session, tr: &Tr, chart: &Chart, index: usize, look: &Look) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, look.row), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let area = timeline(rect, look);
    grid(ui, &chart.map, area, look);
    match chart.lines.get(index) {
        Some(Line::Group(g)) => group_header(ui, session, tr, chart, *g, rect, look),
        Some(Line::Item(g, r)) => {
            if let Some(row) = chart.row(*g, *r) {
                item(ui, session, tr, &chart.map, row, rect, look);
            }
        }
        None => {}
    }
}

/// The ticks' faint lines and today's line across a line.
fn grid(ui: &Ui, map: &Roadmap, area: Rect, look: &Look) {
    let painter = ui.painter();
    let faint = Stroke::new(1.0, look.weak.gamma_multiply(0.25));
    // No closer than 12 pixels: a long span at a fine zoom would grey the rows over.
    let spacing = area.width() / map.ticks.len().max(1) as f32;
    let every = (12.0 / spacing.max(0.1)).ceil().max(1.0) as usize;
    for tick in map.ticks.iter().step_by(every) {
        let x = x_of(map, area, *tick);
        painter.line_segment([pos2(x, area.top()), pos2(x, area.bottom())], faint);
    }
    let x = x_of(map, area, map.today);
    painter.line_segment(
        [pos2(x, area.top()), pos2(x, area.bottom())],
        Stroke::new(2.0, look.today),
    );
}

/// A decision's statement over its items.
fn group_header(
    ui: &mut Ui,
    session: &Session,
    tr: &Tr,
    chart: &Chart,
    group: usize,
    rect: Rect,
    look: &Look,
) {
    let decision = chart.map.groups.get(group).and_then(|g| g.decision);
    let text = match decision.and_then(|d| session.decision(d)) {
        Some(d) => d.statement.clone(),
        None => tr.t("decisions-other-actions"),
    };
    let band = Rect::from_min_max(pos2(rect.left(), rect.top() + 2.0), rect.max);
    ui.painter()
        .rect_filled(band, 4.0, look.header.gamma_multiply(0.9));
    let text = RichText::new(text)
        .size(look.text)
        .family(theme::bold())
        .color(look.ink);
    left_label(ui, band.shrink2(vec2(6.0, 0.0)), text);
}

/// `text` on one line at the left of `rect`, cut with its whole on hover.
fn left_label(ui: &mut Ui, rect: Rect, text: RichText) {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(Label::new(text).truncate());
    });
}

/// An item: its name on the left, its bar with the progress in it, its percentage.
fn item(
    ui: &mut Ui,
    session: &Session,
    tr: &Tr,
    map: &Roadmap,
    row: &Row,
    rect: Rect,
    look: &Look,
) {
    let name_rect = Rect::from_min_size(
        pos2(rect.left() + look.text, rect.top()),
        vec2(look.names - look.text, rect.height()),
    );
    let colour = if row.overdue { look.error } else { look.ink };
    let name = RichText::new(&row.what).size(look.text).color(colour);
    left_label(ui, name_rect, name);
    let Some((start, due)) = row.bar else {
        return;
    };
    let area = timeline(rect, look);
    let x0 = x_of(map, area, start);
    let end = due.succ_opt().unwrap_or(due);
    let x1 = x_of(map, area, end).max(x0 + look.row * 0.3);
    let pad = rect.height() * 0.2;
    let bar = Rect::from_x_y_ranges(x0..=x1, (rect.top() + pad)..=(rect.bottom() - pad));
    paint_bar(ui, row, bar, look);
    let response = ui.interact(
        bar.expand(2.0),
        Id::unique(("roadmap-bar", row.action)),
        Sense::hover(),
    );
    let label = bar_label(tr, row);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &label));
    response.on_hover_ui(|ui| tooltip(ui, session, tr, row));
}

/// The bar: its track, the progress filled in, the outline (red and thick when overdue), and
/// the percentage after it (before it when there is no room).
fn paint_bar(ui: &Ui, row: &Row, bar: Rect, look: &Look) {
    let painter = ui.painter();
    let colour = look.status_colour(row.status);
    painter.rect_filled(bar, 3.0, colour.gamma_multiply(0.25));
    let done = bar.width() * f32::from(row.progress.min(100)) / 100.0;
    if done > 0.0 {
        let fill = Rect::from_min_size(bar.min, vec2(done, bar.height()));
        painter.rect_filled(fill, 3.0, colour);
    }
    let stroke = if row.overdue {
        Stroke::new(2.5, look.error)
    } else {
        Stroke::new(1.0, colour)
    };
    painter.rect_stroke(bar, 3.0, stroke, egui::StrokeKind::Outside);
    let text = if row.overdue {
        format!("{} % !", row.progress)
    } else {
        format!("{} %", row.progress)
    };
    let font = FontId::proportional(look.small);
    let ink = if row.overdue { look.error } else { look.ink };
    let room = ui.max_rect().right() - bar.right();
    if room > look.small * 3.2 {
        painter.text(
            pos2(bar.right() + 6.0, bar.center().y),
            Align2::LEFT_CENTER,
            text,
            font,
            ink,
        );
    } else {
        painter.text(
            pos2(bar.left() - 6.0, bar.center().y),
            Align2::RIGHT_CENTER,
            text,
            font,
            ink,
        );
    }
}

/// Short dates of a bar: «01.02–01.05» (with the year when the two differ in year).
fn short_dates(start: NaiveDate, due: NaiveDate) -> String {
    if start == due {
        return due.format("%d.%m.%Y").to_string();
    }
    if start.year() == due.year() {
        format!("{}–{}", start.format("%d.%m"), due.format("%d.%m.%Y"))
    } else {
        format!("{}–{}", start.format("%d.%m.%Y"), due.format("%d.%m.%Y"))
    }
}

/// A bar's accessible name: «Провести конкурс: 01.02–01.05.2018, 50 %» (and «, просрочено»).
pub fn bar_label(tr: &Tr, row: &Row) -> String {
    let dates = row
        .bar
        .map(|(start, due)| short_dates(start, due))
        .unwrap_or_default();
    let label = tr.args(
        "roadmap-bar",
        &[
            ("what", row.what.clone().into()),
            ("dates", dates.into()),
            ("progress", i64::from(row.progress).into()),
        ],
    );
    if row.overdue {
        format!("{label}, {}", tr.t("roadmap-overdue"))
    } else {
        label
    }
}

/// What a bar tells on hover: what, the dates, the responsible, the progress, the last report.
fn tooltip(ui: &mut Ui, session: &Session, tr: &Tr, row: &Row) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&row.what).strong());
    if let Some((start, due)) = row.bar {
        ui.label(tr.date_range(start, Some(due)));
    }
    if row.overdue {
        ui.label(RichText::new(tr.t("roadmap-overdue")).color(ui.visuals().error_fg_color));
    }
    let action = session.action(row.action);
    let responsible = action
        .and_then(|a| a.responsible())
        .and_then(|p| session.participant(p))
        .map_or_else(|| tr.t("decisions-no-owner"), |p| p.name.clone());
    ui.label(tr.with("roadmap-responsible", "name", &responsible));
    ui.label(tr.n("roadmap-progress", i64::from(row.progress)));
    if let Some(report) = action.and_then(|a| a.last_report()) {
        ui.label(tr.args(
            "roadmap-last-report",
            &[
                ("date", tr.date(report.date).into()),
                ("text", report.text.clone().into()),
            ],
        ));
    }
}

/// The projector's roadmap: the chart big, every line, under a heading.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let board = cx.board;
    let tr = board.tr;
    let zoom = ui
        .data(|d| d.get_temp::<Zoom>(zoom_memory_id()))
        .unwrap_or_default();
    let chart = chart(ui, board.session, board.revision, board.today, zoom);
    ui.label(cx.heading(tr.t("decisions-view-roadmap")));
    if !chart.has_bars() {
        return crate::ui::projector::empty(ui, cx);
    }
    let look = Look::projector(ui, cx);
    let old = ui.spacing().item_spacing.y;
    ui.spacing_mut().item_spacing.y = 0.0;
    scale(ui, tr, &chart.map, zoom, &look);
    for index in 0..chart.lines.len() {
        line(ui, board.session, tr, &chart, index, &look);
    }
    ui.spacing_mut().item_spacing.y = old;
    ui.add_space(cx.gap());
    if !chart.undated.is_empty() {
        undated(ui, tr, &chart, theme::SMALL_SIZE * cx.scale);
    }
}

/// Where the board leaves its zoom for the projector.
pub fn zoom_memory_id() -> Id {
    Id::unique("decisions-roadmap-zoom")
}
