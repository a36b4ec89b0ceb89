//! The presentation view: what the room sees on the projector.
//!
//! Read-only and calm: a header band with the current agenda item and its timer, then the
//! board section of that item (its speaking round while someone is to speak: [`speaking`]; or
//! one thing in the spotlight), all in large type scaled to the
//! width of the screen (about 1.8 × the board's sizes at 1920 pixels wide). What must stay
//! hidden never appears: hidden alternatives are shown as a count only, and a vote's results
//! only once the vote allows it (closed, or live results).

use egui::{Color32, CornerRadius, FontFamily, FontId, Frame, Margin, RichText, Stroke, Ui};

mod convergence;
pub mod speaking;

use super::Board;
use super::labels::Named;
use super::theme::{self, Theme};
use crate::i18n::labels::method_key;
use crate::model::{
    AgendaItemId, Alternative, AlternativeId, BoardSection, DecisionId, Goal, GoalId, Quadrant,
    Stance, Vote, VoteId, VoteMethod, VoteStatus,
};
use crate::voting::Tally;
use crate::voting::{count_round, results_visible};

/// One thing shown alone, big.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spotlight {
    /// A goal.
    Goal(GoalId),
    /// An alternative.
    Alternative(AlternativeId),
    /// A vote (the live vote screen).
    Vote(VoteId),
    /// A decision with its action items.
    Decision(DecisionId),
}

/// How urgent the agenda timer is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Urgency {
    /// More than two minutes left (or no timebox).
    #[default]
    Calm,
    /// The last two minutes.
    Amber,
    /// Over time.
    Red,
}

/// The agenda timer as the projector shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimerDisplay {
    /// Seconds left in the current item (negative when over time).
    pub remaining_secs: i64,
    /// Calm, amber or red.
    pub urgency: Urgency,
    /// Whether the timer is paused.
    pub paused: bool,
    /// Seconds since the session's timer was first started.
    pub session_elapsed_secs: i64,
}

/// What the presentation shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct View {
    /// The agenda item being run.
    pub item: Option<AgendaItemId>,
    /// The board section shown under it.
    pub section: BoardSection,
    /// One thing shown alone, big.
    pub spotlight: Option<Spotlight>,
    /// A black screen.
    pub blank: bool,
    /// The agenda timer.
    pub timer: Option<TimerDisplay>,
    /// The countdown of the speaker who has the floor, when the item has a speaking round.
    pub speaker_timer: Option<TimerDisplay>,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// The facilitator's zoom on top of the size that follows the screen width (1 = none;
    /// 0, the default of an unset view, counts as 1).
    pub zoom: f32,
    /// The positions section shows how positions converge instead of the matrix (the board
    /// is on Positions → Convergence).
    pub convergence: bool,
}

/// The countdown as the projector writes it: `mm:ss` left, or `+mm:ss` over time.
pub fn format_remaining(remaining_secs: i64) -> String {
    if remaining_secs < 0 {
        format!("+{}", format_clock(remaining_secs.unsigned_abs()))
    } else {
        format_clock(remaining_secs.unsigned_abs())
    }
}

/// `mm:ss` (minutes may exceed 59).
fn format_clock(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// The overall session time: `h:mm:ss` from an hour on, `mm:ss` before.
/// An agenda item's kind and timebox: "Discussion · 45 min".
fn kind_line(tr: &crate::i18n::Tr, item: &crate::model::AgendaItem) -> String {
    let kind = item.kind.name(tr);
    if item.planned_minutes == 0 {
        return kind;
    }
    let minutes = tr.n("present-view-minutes", i64::from(item.planned_minutes));
    format!("{kind} · {minutes}")
}

fn format_elapsed(secs: i64) -> String {
    // Hours and minutes: the session clock is redrawn once a minute, not every second.
    let minutes = secs.max(0).unsigned_abs() / 60;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The colours of the presentation.
///
/// The normal palette comes from the theme; the high-contrast one (black, white, yellow) is
/// made here because the theme has none yet — it belongs in `theme.rs`.
#[derive(Clone, Copy, Debug)]
struct Palette {
    /// The whole background.
    background: Color32,
    /// Card backgrounds.
    card: Color32,
    /// Card borders and grid lines.
    border: Color32,
    /// Main text.
    text: Color32,
    /// Secondary text.
    weak: Color32,
    /// Highlights (the current agenda item, bars, chips).
    accent: Color32,
    /// The timer's last two minutes.
    amber: Color32,
    /// Over time.
    red: Color32,
    /// Whether colours of statuses and stances are replaced by the accent.
    high_contrast: bool,
}

impl Palette {
    /// The palette for this theme and mode.
    fn new(ui: &Ui, theme: &Theme, high_contrast: bool) -> Self {
        if high_contrast {
            use theme::high_contrast as hc;
            Self {
                background: hc::BACKGROUND,
                card: hc::BACKGROUND,
                border: hc::TEXT,
                text: hc::TEXT,
                weak: hc::WEAK,
                accent: hc::ACCENT,
                amber: hc::AMBER,
                red: hc::RED,
                high_contrast,
            }
        } else {
            Self {
                background: ui.visuals().panel_fill,
                card: theme.card_fill(),
                border: theme.border(),
                text: ui.visuals().strong_text_color(),
                weak: theme.weak_text(),
                accent: theme.accent(),
                amber: theme.warning(),
                red: theme.error(),
                high_contrast,
            }
        }
    }

    /// A status colour, or the accent in high contrast.
    fn status(&self, colour: Color32) -> Color32 {
        if self.high_contrast {
            self.accent
        } else {
            colour
        }
    }
}

/// Everything a drawing function needs.
struct Ctx<'b, 'a> {
    /// The board (read only).
    board: &'b Board<'a>,
    /// Colours.
    pal: Palette,
    /// The size factor over the board's sizes.
    scale: f32,
    /// The room's address while phones can join (`http://192.168.1.23:8080/`).
    room: Option<&'b str>,
}

impl Ctx<'_, '_> {
    /// Body text.
    fn body(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::BODY_SIZE * self.scale)
            .color(self.pal.text)
    }

    /// Secondary text.
    fn small(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::SMALL_SIZE * self.scale)
            .color(self.pal.weak)
    }

    /// A card's title.
    fn title(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::CARD_TITLE_SIZE * self.scale)
            .family(theme::bold())
            .color(self.pal.text)
    }

    /// A heading.
    fn heading(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::HEADING_SIZE * self.scale)
            .family(theme::bold())
            .color(self.pal.text)
    }

    /// A spacing unit.
    fn gap(&self) -> f32 {
        (theme::CARD_GAP * self.scale / 2.0).round() * 2.0
    }

    /// The frame of a card.
    fn card(&self) -> Frame {
        let margin = (12.0 * self.scale).round().clamp(0.0, 100.0) as i8;
        Frame::new()
            .fill(self.pal.card)
            .stroke(Stroke::new(1.0_f32.max(self.scale * 0.8), self.pal.border))
            .corner_radius(CornerRadius::same(8))
            .inner_margin(Margin::same(margin))
    }

    /// The frame of a highlighted card.
    fn card_highlighted(&self) -> Frame {
        self.card()
            .stroke(Stroke::new(3.0 * self.scale, self.pal.accent))
    }

    /// A chip: coloured outline and text.
    fn chip(&self, ui: &mut Ui, text: impl Into<String>, colour: Color32) {
        let colour = self.pal.status(colour);
        Frame::new()
            .stroke(Stroke::new(1.5 * self.scale, colour))
            .corner_radius(CornerRadius::same(12))
            .inner_margin(Margin::symmetric(
                (8.0 * self.scale) as i8,
                (2.0 * self.scale) as i8,
            ))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(text)
                        .color(colour)
                        .size(theme::SMALL_SIZE * self.scale),
                );
            });
    }

    /// The title of an alternative the room may see, or `None` while it is hidden (or gone).
    fn visible_alternative(&self, id: AlternativeId) -> Option<&Alternative> {
        self.board.session.alternative(id).filter(|a| !a.hidden)
    }
}

/// Draws the presentation.
///
/// `room` is the room's address while it is open: a live vote then shows its QR code.
pub fn show(ui: &mut egui::Ui, board: &Board<'_>, view: &View, room: Option<&str>) {
    let rect = ui.max_rect();
    if view.blank {
        ui.painter().rect_filled(rect, 0.0, theme::BLANK_SCREEN);
        ui.allocate_rect(rect, egui::Sense::hover());
        return;
    }
    let pal = Palette::new(ui, board.theme, view.high_contrast);
    ui.painter().rect_filled(rect, 0.0, pal.background);
    let zoom = if view.zoom > 0.0 { view.zoom } else { 1.0 };
    let scale = (1.8 * ui.available_width() / 1920.0 * zoom).clamp(0.6, 6.0);
    let cx = Ctx {
        board,
        pal,
        scale,
        room,
    };
    let old_spacing = ui.spacing().item_spacing;
    ui.spacing_mut().item_spacing = (old_spacing * scale.max(1.0)).round();

    let margin = (24.0 * scale).round().clamp(0.0, 120.0) as i8;
    Frame::new()
        .inner_margin(Margin::symmetric(margin, margin / 2))
        .show(ui, |ui| {
            header(ui, &cx, view);
            ui.add_space(cx.gap());
            egui::ScrollArea::vertical()
                .id_salt("present-body")
                .auto_shrink([false; 2])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .show(ui, |ui| match view.spotlight {
                    Some(spotlight) => show_spotlight(ui, &cx, spotlight),
                    None => body(ui, &cx, view),
                });
        });
    ui.spacing_mut().item_spacing = old_spacing;
}

/// The header band: the current item (or the session) and the timer.
fn header(ui: &mut Ui, cx: &Ctx<'_, '_>, view: &View) {
    let board = cx.board;
    let tr = board.tr;
    let session = board.session;
    let item = view.item.and_then(|id| {
        session
            .agenda
            .iter()
            .position(|item| item.id == id)
            .map(|index| (index, &session.agenda[index]))
    });
    let rule_y;
    {
        let response = ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width() * 0.68);
                match item {
                    Some((index, item)) => {
                        ui.label(cx.heading(format!("{}. {}", index + 1, item.title)));
                        ui.label(cx.small(kind_line(tr, item)));
                    }
                    None => {
                        ui.label(cx.heading(&session.meta.title));
                        if !session.meta.organisation.is_empty() {
                            ui.label(cx.small(&session.meta.organisation));
                        }
                    }
                }
            });
            if let Some(timer) = view.timer {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    timer_block(ui, cx, timer);
                });
            }
        });
        rule_y = response.response.rect.bottom() + cx.gap() / 2.0;
    }
    ui.add_space(cx.gap() / 2.0);
    let x = ui.max_rect().x_range();
    ui.painter().hline(
        x,
        rule_y,
        Stroke::new(2.0 * cx.scale.max(0.5), cx.pal.border),
    );
    ui.add_space(cx.gap() / 2.0);
}

/// The countdown, its state and the overall session time.
fn timer_block(ui: &mut Ui, cx: &Ctx<'_, '_>, timer: TimerDisplay) {
    let tr = cx.board.tr;
    let colour = match timer.urgency {
        Urgency::Calm => cx.pal.text,
        Urgency::Amber => cx.pal.amber,
        Urgency::Red => cx.pal.red,
    };
    ui.vertical(|ui| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            ui.label(
                RichText::new(format_remaining(timer.remaining_secs))
                    .font(FontId::new(
                        theme::HEADING_SIZE * 1.6 * cx.scale,
                        theme::bold(),
                    ))
                    .color(colour),
            );
            if timer.paused {
                ui.label(
                    RichText::new(tr.t("present-view-paused"))
                        .size(theme::BODY_SIZE * cx.scale)
                        .color(cx.pal.accent),
                );
            }
            ui.label(cx.small(tr.with(
                "present-view-session-time",
                "time",
                &format_elapsed(timer.session_elapsed_secs),
            )));
        });
    });
}

/// The body: the section of the current item.
fn body(ui: &mut Ui, cx: &Ctx<'_, '_>, view: &View) {
    let session = cx.board.session;
    // A finished round gives the screen back to the item's section.
    if let Some(item) = view.item.and_then(|id| session.agenda_item(id))
        && item.current_speaker().is_some()
    {
        return speaking::screen(ui, cx, item, view.speaker_timer);
    }
    match view.section {
        BoardSection::Session => session_section(ui, cx, view.item),
        BoardSection::Goals => goals_section(ui, cx),
        BoardSection::SituationAnalysis => situation_section(ui, cx),
        BoardSection::Stakeholders => stakeholders_section(ui, cx),
        BoardSection::Alternatives => alternatives_section(ui, cx),
        BoardSection::Positions if view.convergence => convergence::screen(ui, cx),
        BoardSection::Positions => positions_section(ui, cx),
        BoardSection::Votes => votes_section(ui, cx),
        BoardSection::Decisions => decisions_section(ui, cx),
        BoardSection::Notes => notes_section(ui, cx),
    }
}

/// A calm line saying there is nothing to show.
fn empty(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    ui.add_space(cx.gap() * 2.0);
    ui.label(
        cx.body(cx.board.tr.t("present-view-empty"))
            .color(cx.pal.weak),
    );
}

/// Title, organisation, dates, venue, purpose and the agenda.
fn session_section(ui: &mut Ui, cx: &Ctx<'_, '_>, current: Option<AgendaItemId>) {
    let board = cx.board;
    let tr = board.tr;
    let meta = &board.session.meta;
    // Without a current item the header already names the session and its organisation.
    if current.is_some() {
        ui.label(cx.heading(&meta.title));
        if !meta.organisation.is_empty() {
            ui.label(cx.title(&meta.organisation));
        }
    }
    let mut line = Vec::new();
    if let Some(start) = meta.start {
        line.push(tr.date_range(start, meta.end));
    }
    if !meta.venue.is_empty() {
        line.push(meta.venue.clone());
    }
    if !line.is_empty() {
        ui.label(cx.body(line.join(" · ")).color(cx.pal.weak));
    }
    if !meta.purpose.is_empty() {
        ui.add_space(cx.gap());
        ui.label(cx.body(&meta.purpose));
    }
    if board.session.agenda.is_empty() {
        return;
    }
    ui.add_space(cx.gap() * 1.5);
    ui.label(cx.title(tr.t("present-view-agenda")));
    for (index, item) in board.session.agenda.iter().enumerate() {
        let is_current = Some(item.id) == current;
        let frame = if is_current {
            cx.card_highlighted()
        } else {
            cx.card().stroke(Stroke::NONE).fill(Color32::TRANSPARENT)
        };
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let text = format!("{}. {}", index + 1, item.title);
                let label = if is_current {
                    cx.title(text).color(cx.pal.accent)
                } else {
                    cx.body(text)
                };
                ui.label(label);
                ui.label(cx.small(kind_line(tr, item)));
            });
        });
    }
}

/// The goal tree, roots first, sub-goals indented.
fn goals_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
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

/// The four quadrants of the situation analysis.
fn situation_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let quadrants = [
        [Quadrant::Strength, Quadrant::Weakness],
        [Quadrant::Opportunity, Quadrant::Threat],
    ];
    for row in quadrants {
        ui.columns(2, |columns| {
            for (column, quadrant) in columns.iter_mut().zip(row) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    quadrant_card(ui, cx, quadrant)
                });
            }
        });
        ui.add_space(cx.gap());
    }
}

/// One quadrant with its findings.
fn quadrant_card(ui: &mut Ui, cx: &Ctx<'_, '_>, quadrant: Quadrant) {
    let tint = cx.pal.status(cx.board.theme.quadrant(quadrant));
    cx.card()
        .stroke(Stroke::new(2.0 * cx.scale, tint))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(cx.title(quadrant.name(cx.board.tr)).color(tint));
            let findings: Vec<_> = cx
                .board
                .session
                .findings
                .iter()
                .filter(|f| f.quadrant == quadrant)
                .collect();
            if findings.is_empty() {
                ui.label(cx.small(cx.board.tr.t("present-view-empty")));
            }
            for finding in findings {
                ui.label(cx.body(format!("• {}", finding.text)));
            }
        });
}

/// Groups with their influence and interest.
fn stakeholders_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let tr = cx.board.tr;
    let groups = &cx.board.session.stakeholder_groups;
    if groups.is_empty() {
        return empty(ui, cx);
    }
    for group in groups {
        cx.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.title(&group.name));
                ui.label(cx.small(format!(
                    "{} · {}",
                    tr.with(
                        "present-view-influence",
                        "value",
                        &group.influence.to_string()
                    ),
                    tr.with(
                        "present-view-interest",
                        "value",
                        &group.interest.to_string()
                    ),
                )));
            });
        });
        ui.add_space(cx.gap() / 2.0);
    }
}

/// The number of hidden alternatives, as a calm line (nothing when there is none).
fn hidden_count(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let hidden = cx
        .board
        .session
        .alternatives
        .iter()
        .filter(|a| a.hidden)
        .count();
    if hidden > 0 {
        ui.add_space(cx.gap());
        ui.label(
            cx.title(cx.board.tr.n(
                "present-view-not-revealed",
                i64::try_from(hidden).unwrap_or(i64::MAX),
            ))
            .color(cx.pal.weak),
        );
    }
}

/// The revealed alternatives as cards, and the count of the hidden ones.
fn alternatives_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let visible: Vec<&Alternative> = cx
        .board
        .session
        .alternatives
        .iter()
        .filter(|a| !a.hidden)
        .collect();
    if visible.is_empty() && cx.board.session.alternatives.is_empty() {
        return empty(ui, cx);
    }
    let per_row = if ui.available_width() > 1400.0 { 3 } else { 2 };
    for row in visible.chunks(per_row) {
        ui.columns(per_row, |columns| {
            for (column, alternative) in columns.iter_mut().zip(row) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    alternative_card(ui, cx, alternative)
                });
            }
        });
        ui.add_space(cx.gap());
    }
    hidden_count(ui, cx);
}

/// One alternative: title, status, goals.
fn alternative_card(ui: &mut Ui, cx: &Ctx<'_, '_>, alternative: &Alternative) {
    let theme = cx.board.theme;
    cx.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(cx.title(&alternative.title));
        ui.horizontal_wrapped(|ui| {
            cx.chip(
                ui,
                alternative.status.name(cx.board.tr),
                theme.alternative_status(alternative.status),
            );
        });
        goal_titles(ui, cx, &alternative.goals);
    });
}

/// The titles of linked goals, small.
fn goal_titles(ui: &mut Ui, cx: &Ctx<'_, '_>, goals: &[GoalId]) {
    let titles: Vec<&str> = goals
        .iter()
        .filter_map(|id| cx.board.session.goal(*id))
        .map(|goal| goal.title.as_str())
        .collect();
    if !titles.is_empty() {
        ui.label(
            cx.small(
                cx.board
                    .tr
                    .with("present-view-goals", "goals", &titles.join(", ")),
            ),
        );
    }
}

/// Groups × revealed alternatives: stance colours and marks (the latest round of each).
fn positions_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let session = cx.board.session;
    let tr = cx.board.tr;
    let alternatives: Vec<&Alternative> =
        session.alternatives.iter().filter(|a| !a.hidden).collect();
    if alternatives.is_empty() || session.stakeholder_groups.is_empty() {
        empty(ui, cx);
        hidden_count(ui, cx);
        return;
    }
    let first_col = (ui.available_width() * 0.3)
        .min(520.0 * cx.scale / 1.8)
        .round();
    let spacing = (6.0 * cx.scale).round();
    let cell_w = ((ui.available_width() - first_col) / alternatives.len() as f32 - spacing)
        .clamp(60.0 * cx.scale / 1.8, 260.0 * cx.scale / 1.8)
        .round();
    let cell_h = (44.0 * cx.scale / 1.8 * 1.4).round();
    egui::Grid::new("present-positions")
        .spacing(egui::vec2(spacing, spacing))
        .min_col_width(cell_w)
        .show(ui, |ui| {
            ui.label("");
            for alternative in &alternatives {
                ui.vertical(|ui| {
                    ui.set_width(cell_w);
                    ui.add(
                        egui::Label::new(cx.small(&alternative.title).color(cx.pal.text)).wrap(),
                    );
                });
            }
            ui.end_row();
            for group in &session.stakeholder_groups {
                ui.vertical(|ui| {
                    // Long group names wrap instead of pushing the matrix off the screen.
                    ui.set_width(first_col);
                    ui.add(egui::Label::new(cx.body(&group.name)).wrap());
                });
                for alternative in &alternatives {
                    let stance = session
                        .positions
                        .iter()
                        .filter(|p| p.group == group.id && p.alternative == alternative.id)
                        .max_by_key(|p| p.round)
                        .map_or(Stance::Undecided, |p| p.stance);
                    stance_cell(ui, cx, stance, egui::vec2(cell_w, cell_h));
                }
                ui.end_row();
            }
        });
    ui.add_space(cx.gap());
    ui.horizontal_wrapped(|ui| {
        for stance in Stance::ALL {
            stance_cell(ui, cx, stance, egui::vec2(cell_h * 1.2, cell_h * 0.8));
            ui.label(cx.small(stance.name(tr)).color(cx.pal.text));
            ui.add_space(cx.gap());
        }
    });
    hidden_count(ui, cx);
}

/// One painted cell of the positions matrix: fill and mark (colour is never the only cue).
fn stance_cell(ui: &mut Ui, cx: &Ctx<'_, '_>, stance: Stance, size: egui::Vec2) {
    let theme = cx.board.theme;
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let (fill, text) = if cx.pal.high_contrast {
        (theme::high_contrast::BACKGROUND, theme::high_contrast::TEXT)
    } else {
        (theme.stance_fill(stance), theme.stance_text(stance))
    };
    ui.painter().rect_filled(rect, 6.0, fill);
    if cx.pal.high_contrast {
        ui.painter().rect_stroke(
            rect,
            6.0,
            Stroke::new(1.5 * cx.scale, cx.pal.accent),
            egui::StrokeKind::Inside,
        );
    }
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        Theme::stance_mark(stance),
        FontId::new(theme::CARD_TITLE_SIZE * cx.scale, theme::bold()),
        text,
    );
}

/// Every vote that has been opened, as a live vote screen.
fn votes_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let votes: Vec<&Vote> = cx
        .board
        .session
        .votes
        .iter()
        .filter(|v| v.status != VoteStatus::Draft)
        .collect();
    if votes.is_empty() {
        return empty(ui, cx);
    }
    for vote in votes {
        cx.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            vote_screen(ui, cx, vote, 1.0);
        });
        ui.add_space(cx.gap());
    }
}

/// How many have voted in a vote's last round (never how).
fn turnout(vote: &Vote) -> u64 {
    vote.rounds.last().map_or(0, |round| {
        let ballots: u64 = round.ballots.iter().map(|b| u64::from(b.count)).sum();
        let hands: u64 = round.hands.iter().map(|h| u64::from(h.count)).sum();
        let voters = u64::try_from(round.voters.len()).unwrap_or(u64::MAX);
        voters.max(ballots + hands)
    })
}

/// The live vote screen: question, ballot, turnout, and the results when they may be seen.
fn vote_screen(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote, size: f32) {
    let tr = cx.board.tr;
    let session = cx.board.session;
    ui.label(
        cx.heading(&vote.question)
            .size(theme::HEADING_SIZE * cx.scale * size),
    );
    ui.horizontal_wrapped(|ui| {
        let status_colour = match vote.status {
            VoteStatus::Open => cx.pal.accent,
            _ => cx.pal.weak,
        };
        cx.chip(ui, vote.status.name(tr), status_colour);
        ui.label(cx.small(tr.t(method_key(&vote.method))));
        if vote.rounds.len() > 1 {
            ui.label(cx.small(tr.n(
                "present-view-round",
                i64::try_from(vote.rounds.len()).unwrap_or(i64::MAX),
            )));
        }
    });
    let on_ballot: Vec<&Alternative> = vote
        .alternatives
        .iter()
        .filter_map(|id| cx.visible_alternative(*id))
        .collect();
    // Once results are shown, the ranking names every alternative.
    if !on_ballot.is_empty() && !results_visible(vote) {
        ui.add_space(cx.gap() / 2.0);
        for alternative in &on_ballot {
            ui.label(cx.body(format!("• {}", alternative.title)));
        }
    }
    ui.add_space(cx.gap() / 2.0);
    let voted = i64::try_from(turnout(vote)).unwrap_or(i64::MAX);
    let total = session.participants.len();
    let turnout_text = if total > 0 {
        tr.args(
            "present-view-turnout",
            &[
                ("count", voted.into()),
                ("total", i64::try_from(total).unwrap_or(i64::MAX).into()),
            ],
        )
    } else {
        tr.n("present-view-turnout-bare", voted)
    };
    ui.label(cx.title(turnout_text).color(cx.pal.accent));
    if vote.status == VoteStatus::Open {
        not_voted_yet(ui, cx, vote);
        if let Some(room) = cx.room {
            room_code(ui, cx, room);
        }
    }

    if !results_visible(vote) {
        if vote.status == VoteStatus::Open {
            ui.label(cx.small(tr.t("present-view-results-after-close")));
        }
        return;
    }
    let Some(round) = vote.rounds.last() else {
        return;
    };
    match count_round(vote, round) {
        Ok(tally) => results(ui, cx, vote, &tally),
        Err(_) => {
            ui.label(cx.body(tr.t("present-view-cannot-count")).color(cx.pal.red));
        }
    }
}

/// "Not voted yet: …" under the turnout, where the room may know (never a secret vote).
fn not_voted_yet(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote) {
    let participants = &cx.board.session.participants;
    let Some(left) = vote.not_voted_yet(participants) else {
        return;
    };
    if left.is_empty() || left.len() == participants.len() {
        return;
    }
    let names: Vec<&str> = left.iter().map(|p| p.name.as_str()).collect();
    let tr = cx.board.tr;
    let text = tr.args(
        "present-view-not-voted",
        &[("names", super::widgets::names_list(tr, &names, 8).into())],
    );
    ui.label(cx.small(text));
}

/// The room's QR code and address beside "Vote from your phone".
fn room_code(ui: &mut Ui, cx: &Ctx<'_, '_>, room: &str) {
    ui.add_space(cx.gap() / 2.0);
    ui.horizontal(|ui| {
        let side = (200.0 * cx.scale).clamp(120.0, 480.0);
        super::qr::qr_code(ui, room, side);
        ui.add_space(cx.gap());
        let address = room.trim_start_matches("http://").trim_end_matches('/');
        // Read from the back of the room: as large as the turnout.
        ui.label(cx.title(cx.board.tr.args(
            "present-view-room",
            &[("address", address.to_owned().into())],
        )));
    });
}

/// The name the room may see for an alternative in the results.
fn result_name(cx: &Ctx<'_, '_>, id: AlternativeId) -> String {
    match cx.board.session.alternative(id) {
        Some(a) if !a.hidden => a.title.clone(),
        Some(_) => cx.board.tr.t("present-view-idea-hidden"),
        None => cx.board.tr.t("present-view-unknown"),
    }
}

/// Winners, ranking and a bar chart.
fn results(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote, tally: &Tally) {
    let tr = cx.board.tr;
    ui.add_space(cx.gap());
    if let Some(consent) = &tally.consent {
        let key = if consent.passed {
            "present-view-passed"
        } else {
            "present-view-not-passed"
        };
        let colour = if consent.passed {
            cx.pal.accent
        } else {
            cx.pal.red
        };
        ui.label(cx.heading(tr.t(key)).color(colour));
    } else if tally.winners.is_empty() {
        ui.label(cx.title(tr.t("present-view-no-winner")));
    } else {
        let names: Vec<String> = tally
            .winners
            .iter()
            .map(|id| result_name(cx, *id))
            .collect();
        let key = if names.len() > 1 {
            "present-view-winners-tied"
        } else {
            "present-view-winner"
        };
        ui.label(
            cx.heading(tr.with(key, "names", &names.join(", ")))
                .color(cx.pal.accent),
        );
        if tally.ranking.len() > 1 && chart_values(cx, vote, tally).is_empty() {
            ui.add_space(cx.gap() / 2.0);
            for (place, group) in tally.ranking.iter().enumerate() {
                let names: Vec<String> = group.iter().map(|id| result_name(cx, *id)).collect();
                ui.label(cx.body(format!("{}. {}", place + 1, names.join(" = "))));
            }
        }
    }
    let bars = chart_values(cx, vote, tally);
    if !bars.is_empty() {
        ui.add_space(cx.gap());
        bar_chart(ui, cx, &bars);
    }
}

/// The columns of the chart: name and value.
fn chart_values(cx: &Ctx<'_, '_>, vote: &Vote, tally: &Tally) -> Vec<(String, f64, String)> {
    let tr = cx.board.tr;
    if let Some(consent) = &tally.consent {
        let mut bars = vec![
            (tr.t("present-view-consent-for"), consent.for_),
            (tr.t("present-view-consent-against"), consent.against),
            (tr.t("present-view-consent-abstain"), consent.abstain),
        ];
        if matches!(vote.method, VoteMethod::Consent { allow_block: true }) {
            bars.push((tr.t("present-view-consent-block"), consent.block));
        }
        return bars
            .into_iter()
            .map(|(name, n)| (name, n as f64, n.to_string()))
            .collect();
    }
    if let VoteMethod::MajorityJudgment { grades } = &vote.method {
        // The median grade by name; the bar is its rank (1 = the lowest grade).
        return tally
            .medians
            .iter()
            .map(|(id, median)| {
                let grade = grades.get(*median).cloned().unwrap_or_default();
                (result_name(cx, *id), (*median + 1) as f64, grade)
            })
            .collect();
    }
    if !tally.scores.is_empty() {
        return tally
            .scores
            .iter()
            .map(|(id, points)| (result_name(cx, *id), points.as_f64(), points.to_string()))
            .collect();
    }
    if let Some(first) = tally.rounds.first() {
        return first
            .votes
            .iter()
            .map(|(id, n)| (result_name(cx, *id), *n as f64, n.to_string()))
            .collect();
    }
    Vec::new()
}

/// A horizontal bar chart painted in one rectangle, named for screen readers.
fn bar_chart(ui: &mut Ui, cx: &Ctx<'_, '_>, bars: &[(String, f64, String)]) {
    let min_row = (theme::BODY_SIZE * cx.scale * 1.7).round();
    let width = ui.available_width().round();
    let name_w = (width * 0.32).round();
    let value_w = (width * 0.08).round();
    let bar_w = (width - name_w - value_w).max(10.0);
    let font = FontId::new(theme::BODY_SIZE * cx.scale, FontFamily::Proportional);
    let galleys: Vec<_> = bars
        .iter()
        .map(|(name, _, _)| {
            ui.painter()
                .layout(name.clone(), font.clone(), cx.pal.text, name_w - 12.0)
        })
        .collect();
    let heights: Vec<f32> = galleys
        .iter()
        .map(|g| (g.size().y + 8.0 * cx.scale).max(min_row).round())
        .collect();
    let height: f32 = heights.iter().sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let described: Vec<String> = bars
        .iter()
        .map(|(name, _, value)| format!("{name}: {value}"))
        .collect();
    let label = format!(
        "{}: {}",
        cx.board.tr.t("present-view-chart"),
        described.join("; ")
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let max = bars
        .iter()
        .map(|(_, v, _)| *v)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let painter = ui.painter_at(rect);
    let mut top = rect.top();
    for (((_, value, text), galley), row_h) in bars.iter().zip(galleys).zip(heights) {
        let mid = top + row_h / 2.0;
        painter.galley(
            egui::pos2(rect.left(), mid - galley.size().y / 2.0),
            galley,
            cx.pal.text,
        );
        let length = (bar_w * (*value / max) as f32).max(2.0);
        let bar = egui::Rect::from_min_size(
            egui::pos2(rect.left() + name_w, mid - min_row * 0.35),
            egui::vec2(length, min_row * 0.7),
        );
        painter.rect_filled(bar, 4.0, cx.pal.accent);
        painter.text(
            egui::pos2(bar.right() + 10.0, mid),
            egui::Align2::LEFT_CENTER,
            text,
            FontId::new(theme::BODY_SIZE * cx.scale, theme::bold()),
            cx.pal.text,
        );
        top += row_h;
    }
}

/// Decisions with their action items.
fn decisions_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let decisions = &cx.board.session.decisions;
    if decisions.is_empty() {
        return empty(ui, cx);
    }
    for decision in decisions {
        cx.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            decision_body(ui, cx, decision.id, false);
        });
        ui.add_space(cx.gap());
    }
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

/// Free notes.
fn notes_section(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let notes = &cx.board.session.notes;
    if notes.is_empty() {
        return empty(ui, cx);
    }
    for note in notes {
        cx.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(cx.body(&note.text));
        });
        ui.add_space(cx.gap() / 2.0);
    }
}

/// One thing alone, big.
fn show_spotlight(ui: &mut Ui, cx: &Ctx<'_, '_>, spotlight: Spotlight) {
    let board = cx.board;
    let tr = board.tr;
    let session = board.session;
    ui.add_space(cx.gap() * 2.0);
    match spotlight {
        Spotlight::Goal(id) => {
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
        Spotlight::Alternative(id) => {
            let Some(alternative) = session.alternative(id) else {
                return empty(ui, cx);
            };
            if alternative.hidden {
                ui.label(
                    cx.heading(tr.t("present-view-idea-hidden"))
                        .color(cx.pal.weak),
                );
                return;
            }
            ui.label(
                cx.heading(&alternative.title)
                    .size(theme::HEADING_SIZE * cx.scale * 1.4),
            );
            ui.horizontal(|ui| {
                cx.chip(
                    ui,
                    alternative.status.name(tr),
                    board.theme.alternative_status(alternative.status),
                );
            });
            if !alternative.description.is_empty() {
                ui.add_space(cx.gap());
                ui.label(cx.title(&alternative.description));
            }
            goal_titles(ui, cx, &alternative.goals);
            if !alternative.pros.is_empty() || !alternative.cons.is_empty() {
                ui.add_space(cx.gap());
                ui.columns(2, |columns| {
                    for (column, (key, items)) in columns.iter_mut().zip([
                        ("present-view-pros", &alternative.pros),
                        ("present-view-cons", &alternative.cons),
                    ]) {
                        if items.is_empty() {
                            continue;
                        }
                        column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            ui.label(cx.title(tr.t(key)));
                            for item in items {
                                ui.label(cx.body(format!("• {item}")));
                            }
                        });
                    }
                });
            }
        }
        Spotlight::Vote(id) => match session.vote(id) {
            Some(vote) => vote_screen(ui, cx, vote, 1.4),
            None => empty(ui, cx),
        },
        Spotlight::Decision(id) => decision_body(ui, cx, id, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_formats() {
        assert_eq!(format_remaining(0), "00:00");
        assert_eq!(format_remaining(125), "02:05");
        assert_eq!(format_remaining(-90), "+01:30");
        assert_eq!(format_remaining(3600), "60:00");
        assert_eq!(format_elapsed(3725), "1:02");
        assert_eq!(format_elapsed(65), "0:01");
    }
}
