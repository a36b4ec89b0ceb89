//! The situation analysis: strengths, weaknesses, opportunities and threats as the four
//! quadrants of a SWOT board.
//!
//! On a wide window the quadrants fill the section as a 2×2 grid (internal factors on top,
//! external below), each scrolling on its own; on a narrow or short window they follow one
//! another in a single scrolling column (two columns when there is the width for them). Every
//! finding is a compact card: its text, the goal it bears on, a menu to move it to another
//! quadrant and a delete button.

use egui::{Align, Id, Layout, Rect, Ui, UiBuilder};

use crate::ui::board::Board;
use crate::ui::labels::Named;
use crate::ui::theme::CARD_GAP;
use crate::ui::widgets::{self, Field};
use crate::ui::widgets::{Reveal, lazy_ref_picker};
use stratboard_core::commands::{Command, Item, ItemRef};
use stratboard_core::model::{Finding, GoalId, Quadrant, Session};

/// Below this window width the quadrants are stacked in one column.
const NARROW_WINDOW: f32 = 900.0;
/// The narrowest a quadrant may be when two stand side by side.
const MIN_COLUMN: f32 = 320.0;
/// The lowest a quadrant may be in the fixed 2×2 grid; below it the board scrolls as a whole.
const MIN_QUADRANT_HEIGHT: f32 = 300.0;
/// How strongly a quadrant's colour tints its header.
const HEADER_TINT: f32 = 0.16;
/// Room the "Move to" menu and the delete button take on a finding's last line.
const CONTROLS_WIDTH: f32 = 240.0;
/// Below this card width the goal picker gets a line of its own.
const ONE_LINE_MIN: f32 = 600.0;

/// Transient state of this section: the finding just added, to scroll to and focus.
pub type State = Reveal;

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    state.tick(ui.ctx());
    let tr = board.tr;
    let count = tr.n("situation-count", board.session.findings.len() as i64);
    widgets::heading_with_count(ui, board, tr.t("section-situation"), Some(count));
    ui.label(board.theme.caption(tr.t("situation-hint")));
    ui.add_space(CARD_GAP / 2.0);

    let area = ui.available_rect_before_wrap();
    let gap = CARD_GAP;
    let narrow =
        ui.ctx().content_rect().width() < NARROW_WINDOW || area.width() < 2.0 * MIN_COLUMN + gap;
    let grid = !narrow && area.height() >= 2.0 * MIN_QUADRANT_HEIGHT + gap;
    if grid {
        let size = egui::vec2((area.width() - gap) / 2.0, (area.height() - gap) / 2.0);
        for (k, quadrant) in Quadrant::ALL.into_iter().enumerate() {
            let column = (k % 2) as f32;
            let row = (k / 2) as f32;
            let min = area.min + egui::vec2(column * (size.x + gap), row * (size.y + gap));
            let rect = Rect::from_min_size(min, size);
            ui.scope_builder(
                UiBuilder::new()
                    .max_rect(rect)
                    .layout(Layout::top_down(Align::Min)),
                |ui| quadrant_box(ui, board, state, quadrant, Some(size.y)),
            );
        }
        ui.advance_cursor_after_rect(area);
    } else {
        egui::ScrollArea::vertical()
            .id_salt("situation-scroll")
            .animated(!state.pending())
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                if narrow {
                    for quadrant in Quadrant::ALL {
                        quadrant_box(ui, board, state, quadrant, None);
                    }
                } else {
                    for pair in [
                        [Quadrant::Strength, Quadrant::Weakness],
                        [Quadrant::Opportunity, Quadrant::Threat],
                    ] {
                        ui.columns(2, |columns| {
                            for (column, quadrant) in columns.iter_mut().zip(pair) {
                                quadrant_box(column, board, state, quadrant, None);
                            }
                        });
                    }
                }
            });
    }
}

/// The translation keys of what a quadrant's box says.
struct Words {
    /// "Add weakness".
    add: &'static str,
    /// "Weakness" (the label of one finding's text).
    one: &'static str,
    /// "New weakness" (the text of a finding just added).
    new: &'static str,
}

/// The words of the quadrant whose keys end in `$stem`: "situation-add-strength",
/// "situation-strength", "situation-new-strength" for "strength".
macro_rules! words {
    ($stem:literal) => {
        Words {
            add: concat!("situation-add-", $stem),
            one: concat!("situation-", $stem),
            new: concat!("situation-new-", $stem),
        }
    };
}

/// The words of `quadrant`'s box.
fn words(quadrant: Quadrant) -> Words {
    match quadrant {
        Quadrant::Strength => words!("strength"),
        Quadrant::Weakness => words!("weakness"),
        Quadrant::Opportunity => words!("opportunity"),
        Quadrant::Threat => words!("threat"),
    }
}

/// One quadrant: a tinted header with its name, count and "Add" button, then its findings.
/// With `height`, the box is exactly that high and its findings scroll inside it.
fn quadrant_box(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    quadrant: Quadrant,
    height: Option<f32>,
) {
    let tr = board.tr;
    let theme = board.theme;
    let colour = theme.quadrant(quadrant);
    let words = words(quadrant);
    let session = board.session;
    let findings: Vec<&Finding> = session
        .findings
        .iter()
        .filter(|f| f.quadrant == quadrant)
        .collect();

    let mut frame = theme.card();
    frame.stroke.color = colour;
    let margins = frame.total_margin().sum().y;
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(height) = height {
            ui.set_height((height - margins).max(0.0));
        }
        let mut header = egui::Frame::new()
            .fill(colour.gamma_multiply(HEADER_TINT))
            .inner_margin(egui::Margin::symmetric(10, 6));
        header.corner_radius = frame.corner_radius;
        header.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(theme.card_title(quadrant.name(tr)));
                ui.label(theme.caption(findings.len().to_string()));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.button(tr.t(words.add)).clicked() {
                        state.expect(ui.ctx(), session);
                        board.push(Command::Add(Item::Finding(Finding {
                            quadrant,
                            text: tr.t(words.new),
                            ..Finding::default()
                        })));
                    }
                });
            });
        });
        ui.add_space(CARD_GAP / 2.0);

        let pending = state.pending();
        let mut list = |ui: &mut Ui| {
            if findings.is_empty() {
                ui.label(theme.caption(tr.t("situation-empty")));
                return;
            }
            let list_top = ui.cursor().top();
            let mut arrived = false;
            widgets::lazy_list(
                ui,
                Id::unique(("situation-findings", quadrant)),
                findings.len(),
                |ui, i| {
                    let Some(finding) = findings.get(i) else {
                        return;
                    };
                    let top = ui.cursor().top();
                    arrived |= finding_card(ui, board, state, finding, words.one);
                    state.measured(finding.id.0, ui.cursor().top() - top);
                },
            );
            if !arrived
                && let Some(target) = state.target()
                && findings.iter().any(|f| f.id.0 == target)
            {
                state.scroll_towards(ui, list_top, target, findings.iter().map(|f| f.id.0));
            }
        };
        if height.is_some() {
            egui::ScrollArea::vertical()
                .id_salt(("situation-quadrant-scroll", quadrant))
                .animated(!pending)
                .auto_shrink([false; 2])
                .show(ui, |ui| list(ui));
        } else {
            list(ui);
        }
    });
}

/// One finding's card. Returns whether it was just added and is now focused.
fn finding_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    finding: &Finding,
    label: &'static str,
) -> bool {
    let tr = board.tr;
    let mut revealed = false;
    let response = board.theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        let text_id = Id::unique(("finding-text", finding.id));
        revealed = state.arrive(ui, finding.id.0, text_id, &finding.text);
        let label = tr.t(label);
        let field = Field::required(&label)
            .multiline()
            .width(ui.available_width());
        if let Some(text) = widgets::text_field(ui, board, text_id, field, &finding.text) {
            board.push(Command::Update(Item::Finding(Finding {
                text,
                ..finding.clone()
            })));
        }
        // The goal picker, then the quadrant picker and the delete button: on one line when
        // the card is wide enough, else the goal on a line of its own. A long goal title is
        // cut to the space it has, never allowed to widen the card.
        let width = ui.available_width();
        let one_line = width >= ONE_LINE_MIN;
        let goal_width = if one_line {
            width - CONTROLS_WIDTH
        } else {
            width
        };
        let goal_picker = |ui: &mut Ui, board: &mut Board<'_>| {
            ui.scope(|ui| {
                ui.set_max_width(goal_width);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                let id = Id::unique(("finding-goal", finding.id));
                let session = board.session;
                let options = |all: bool| goal_options(all, session, finding.goal);
                let label = tr.t("situation-goal");
                if let Some(goal) = lazy_ref_picker(ui, board, id, &label, finding.goal, options) {
                    board.push(Command::Update(Item::Finding(Finding {
                        goal,
                        ..finding.clone()
                    })));
                }
            });
        };
        let controls = |ui: &mut Ui, board: &mut Board<'_>| {
            let short = widgets::text_name(&finding.text);
            let menu = ui.menu_button(tr.t("situation-move"), |ui| {
                for quadrant in Quadrant::ALL {
                    if quadrant != finding.quadrant && ui.button(quadrant.name(tr)).clicked() {
                        board.push(Command::Update(Item::Finding(Finding {
                            quadrant,
                            ..finding.clone()
                        })));
                        ui.close();
                    }
                }
            });
            let name = tr.with("situation-move-named", "text", &short);
            menu.response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if widgets::delete_button(ui, board, &short) {
                board.delete(ItemRef::Finding(finding.id));
            }
        };
        if one_line {
            ui.horizontal(|ui| {
                goal_picker(ui, board);
                controls(ui, board);
            });
        } else {
            goal_picker(ui, board);
            ui.horizontal(|ui| controls(ui, board));
        }
    });
    if revealed {
        Reveal::bring_into_view(ui, response.response.rect);
    }
    revealed
}

/// The goals a finding may bear on; without `all`, only the current one.
fn goal_options(all: bool, session: &Session, current: Option<GoalId>) -> Vec<(GoalId, String)> {
    if all {
        session
            .goals
            .iter()
            .map(|g| (g.id, g.title.clone()))
            .collect()
    } else {
        current
            .and_then(|c| session.goal(c))
            .map(|g| vec![(g.id, g.title.clone())])
            .unwrap_or_default()
    }
}
