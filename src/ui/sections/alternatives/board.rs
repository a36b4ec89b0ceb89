//! The alternatives section: every strategic alternative as a card with its status, who proposed
//! it, the goals it serves, its pros and cons and a summary of the groups' positions on it.
//!
//! Cards are edited in place and reordered by dragging their handle (egui_dnd) or with the
//! "move up / move down" buttons, which also work from the keyboard. Only the cards on screen are
//! laid out, so a session with hundreds of alternatives stays fast.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use egui::{Align, Color32, CornerRadius, Id, RichText, Sense, Ui};
use fluent_templates::fluent_bundle::FluentValue;

use super::provenance;
use crate::ui::board::Board;
use crate::ui::labels::Named;
use crate::ui::theme::{self, Theme};
use crate::ui::widgets::{self, Field};
use stratboard_core::commands::{Command, Item, ItemKind, ItemRef};
use stratboard_core::model::{
    Alternative, AlternativeId, AlternativeStatus, GroupId, Proposer, Session, Stance,
};

/// Goal titles longer than this are shortened on a goal chip; the full title is on hover and is
/// the chip's accessible name.
const GOAL_CHIP_CHARS: usize = 56;
/// Below this width (points) a card's header shortens its passport button.
const COMPACT_HEADER_BELOW: f32 = 820.0;

/// With at most this many goals in the session, every goal is a chip on every card; with more,
/// only the linked ones are, and a menu lists them all.
const ALL_GOALS_AS_CHIPS: usize = 8;

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// Show only alternatives with this status (`None`: every status).
    pub status_filter: Option<AlternativeStatus>,
    /// Show only alternatives whose text contains this (any case).
    pub search: String,
    /// A field to focus once the command creating it is applied (the title of a new
    /// alternative, a new pro or con), until this frame at the latest.
    focus: Option<(Focus, u64)>,
    /// The position (among the cards shown) of the card being dragged.
    dragging: Option<usize>,
    /// Cards folded to their title and a one-line summary.
    collapsed: HashSet<AlternativeId>,
}

/// What to focus once the command that creates it has been applied.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Focus {
    /// The title of the last alternative, once the session has this many.
    NewAlternative(usize),
    /// A text field (a pro or con just added).
    Field(Id),
}

/// What every card of one frame shares.
struct Cards<'s> {
    /// Indices (into `session.alternatives`) of the cards shown, in order.
    shown: &'s [usize],
    /// Who can propose an alternative, named so that groups and people can be told apart.
    proposers: OnceCell<Vec<(Proposer, String)>>,
    /// The focus asked for and not reached yet.
    focus: Option<Focus>,
    /// Pairs of similar titles from different sections (ids).
    similar: Vec<[u32; 2]>,
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    let tr = board.tr;
    let total = session.alternatives.len();

    let count = tr.n("alternatives-count", total as i64);
    widgets::heading_with_count(ui, board, tr.t("section-alternatives"), Some(count));
    ui.add_space(4.0);

    let query = state.search.trim().to_lowercase();
    let mut shown: Vec<usize> = (0..total)
        .filter(|&i| {
            let alternative = &session.alternatives[i];
            state.status_filter.is_none_or(|s| alternative.status == s)
                && (query.is_empty() || matches(alternative, &query))
        })
        .collect();
    // In a plenary that brought sections in, the cards are grouped by section.
    let grouped = provenance::group(board, &shown);
    let headings = match grouped {
        Some(grouped) => {
            shown = grouped.order;
            grouped.headings
        }
        None => HashMap::new(),
    };

    // Taken before the toolbar, which may ask for a focus that only the next frame can give.
    let focus = pending_focus(ui, state, total);
    toolbar(ui, board, state, shown.len());
    ui.add_space(4.0);

    let shared = Cards {
        shown: &shown,
        proposers: OnceCell::new(),
        focus,
        similar: provenance::similar(ui, board),
    };
    // The card to draw even when off screen: the one being dragged or the one just added.
    let keep = match shared.focus {
        Some(Focus::NewAlternative(count)) if count == total => {
            shown.iter().position(|&i| i + 1 == total)
        }
        _ => state.dragging,
    };

    egui::ScrollArea::vertical()
        .id_salt("alternatives-scroll")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            if shown.is_empty() {
                ui.add_space(12.0);
                let text = if total == 0 {
                    "alternatives-empty"
                } else {
                    "alternatives-no-match"
                };
                ui.label(RichText::new(tr.t(text)).color(board.theme.weak_text()));
                return;
            }
            let frozen = state.dragging.is_some();
            let response =
                egui_dnd::dnd(ui, Id::unique("alternatives-dnd")).show_custom(|ui, iter| {
                    lazy_cards(
                        ui,
                        Id::unique("alternatives-cards"),
                        shown.len(),
                        keep,
                        frozen,
                        |ui, pos| {
                            let index = shown[pos];
                            if let Some(heading) = headings.get(&pos) {
                                provenance::heading_row(ui, board, heading);
                            }
                            let id =
                                Id::unique(("alternative-card", session.alternatives[index].id));
                            iter.next(ui, id, pos, true, |ui, item| {
                                item.ui(ui, |ui, handle, item_state| {
                                    card(
                                        ui,
                                        board,
                                        state,
                                        &shared,
                                        pos,
                                        handle,
                                        item_state.dragged,
                                    );
                                })
                            });
                        },
                    );
                });
            state.dragging = if response.is_dragging() {
                response.update.as_ref().map(|update| update.from)
            } else {
                None
            };
            if let Some(update) = response.final_update()
                && let Some(command) = drop_command(&shown, update.from, update.to)
            {
                board.push(command);
            }
        });
}

/// The row above the cards: add, filter by status, search.
fn toolbar(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, shown: usize) {
    let tr = board.tr;
    let total = board.session.alternatives.len();
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr.t("alternatives-add")).clicked() {
            board.push(Command::Add(Item::Alternative(Alternative {
                title: tr.t("alternatives-new-title"),
                ..Alternative::default()
            })));
            // Make sure the new card is shown, then focus its title.
            state.status_filter = None;
            state.search.clear();
            state.focus = Some((Focus::NewAlternative(total + 1), expiry(ui)));
        }
        // Brainstorm: ideas entered privately are revealed to the room all at once, in one
        // undoable step.
        let hidden: Vec<&Alternative> = board
            .session
            .alternatives
            .iter()
            .filter(|a| a.hidden)
            .collect();
        if !hidden.is_empty() {
            let text = tr.n("alternatives-reveal-all", hidden.len() as i64);
            if ui.button(text).clicked() {
                let updates = hidden
                    .into_iter()
                    .map(|a| {
                        Command::Update(Item::from(Alternative {
                            hidden: false,
                            ..a.clone()
                        }))
                    })
                    .collect();
                board.push(Command::Batch(updates));
            }
        }
        ui.add_space(16.0);
        let all = tr.t("alternatives-filter-all");
        let current = state
            .status_filter
            .map_or_else(|| all.clone(), |s| s.name(tr));
        let caption = ui.label(board.theme.caption(tr.t("alternatives-filter-status")));
        let filter = egui::ComboBox::new("alternatives-status-filter", "")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.status_filter, None, all);
                for status in AlternativeStatus::ALL {
                    ui.selectable_value(&mut state.status_filter, Some(status), status.name(tr));
                }
            });
        let _ = filter.response.labelled_by(caption.id);
        ui.add_space(16.0);
        let label = tr.t("alternatives-search");
        let field = Field::new(&label).inline().width(240.0);
        if let Some(text) = widgets::text_field(
            ui,
            board,
            Id::unique("alternatives-search"),
            field,
            &state.search,
        ) {
            state.search = text;
        }
        if shown < total {
            let args = [
                ("shown", FluentValue::from(shown)),
                ("total", FluentValue::from(total)),
            ];
            ui.label(board.theme.caption(tr.args("alternatives-shown", &args)));
            if ui.button(tr.t("alternatives-clear-filter")).clicked() {
                state.status_filter = None;
                state.search.clear();
            }
        }
        if total > 0 {
            ui.add_space(16.0);
            if state.collapsed.len() < total {
                if ui.button(tr.t("alternatives-collapse-all")).clicked() {
                    state.collapsed = board.session.alternatives.iter().map(|a| a.id).collect();
                }
            } else if ui.button(tr.t("alternatives-expand-all")).clicked() {
                state.collapsed.clear();
            }
        }
        provenance::screen_switch(ui, board);
    });
}

/// Whether the alternative's text contains `query` (already lower-case).
fn matches(alternative: &Alternative, query: &str) -> bool {
    let contains = |text: &str| text.to_lowercase().contains(query);
    contains(&alternative.title)
        || contains(&alternative.description)
        || alternative.pros.iter().any(|p| contains(p))
        || alternative.cons.iter().any(|c| contains(c))
}

/// Groups first ("Group: …"), then participants with their group, so namesakes can be told
/// apart. Built once per frame, and only when a card needs the list (plain formatting, as a
/// session can have hundreds of participants).
fn proposer_options(board: &Board<'_>) -> Vec<(Proposer, String)> {
    let session = board.session;
    let group_word = board.tr.t("alternatives-proposer-group");
    let groups = session.stakeholder_groups.iter().map(|group| {
        (
            Proposer::Group(group.id),
            format!("{group_word}: {}", group.name),
        )
    });
    let people = session.participants.iter().map(|person| {
        let name = match person.group.and_then(|g| session.group(g)) {
            Some(group) => format!("{} ({})", person.name, group.name),
            None => person.name.clone(),
        };
        (Proposer::Participant(person.id), name)
    });
    groups.chain(people).collect()
}

/// The move that puts the card dragged from position `from` where egui_dnd dropped it.
///
/// egui_dnd gives `to` as an insertion index counted *before* the dragged card is removed (see
/// `egui_dnd::utils::shift_vec`), among the cards shown; `Command::Move` wants the index in the
/// whole list *after* removal. With a filter on, the card goes right before the shown card it
/// was dropped on, or right after the last one.
fn drop_command(shown: &[usize], from: usize, to: usize) -> Option<Command> {
    if to == from || to == from + 1 {
        return None;
    }
    let real_from = *shown.get(from)?;
    let real_to = if to < from {
        // Before the card now at `to` (which is before the dragged one: no shift on removal).
        *shown.get(to)?
    } else {
        // After the card at `to - 1`, which moves one place up when the dragged card leaves.
        *shown.get(to - 1)?
    };
    (real_from != real_to).then_some(Command::Move {
        kind: ItemKind::Alternative,
        from: real_from,
        to: real_to,
    })
}

/// One alternative's card.
fn card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    shared: &Cards<'_>,
    pos: usize,
    handle: egui_dnd::Handle<'_>,
    dragged: bool,
) {
    let session = board.session;
    let index = shared.shown[pos];
    let alternative = &session.alternatives[index];
    let frame = if dragged {
        board.theme.card_selected()
    } else {
        board.theme.card()
    };
    let response = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        header(ui, board, state, shared, (alternative, pos), handle);
        title(ui, board, shared, index);
        if !alternative.origins.is_empty() {
            provenance::block(ui, board, alternative, &shared.similar);
        }
        if state.collapsed.contains(&alternative.id) {
            summary(ui, board, alternative, shared);
            return;
        }
        let id = alternative.id;
        let label = board.tr.t("common-description");
        let field = Field::new(&label).multiline().width(ui.available_width());
        if let Some(text) = widgets::text_field(
            ui,
            board,
            Id::unique(("alternative-description", id)),
            field,
            &alternative.description,
        ) {
            board.update(alternative, |a| a.description = text);
        }
        ui.add_space(4.0);
        details(ui, board, alternative, shared);
        ui.add_space(4.0);
        goals(ui, board, alternative);
        ui.add_space(4.0);
        arguments(ui, board, state, shared, alternative);
        let key = ("alternative", alternative.id.0);
        if let Some(risks) = crate::ui::risks::register(ui, board, key, &alternative.risks, false) {
            board.update(alternative, |a| a.risks = risks);
        }
    });
    if matches!(shared.focus, Some(Focus::NewAlternative(count)) if count == index + 1) {
        let rect = response.response.rect;
        let title = Id::unique(("alternative-title", alternative.id));
        if ui.clip_rect().contains(rect.center_top()) && ui.memory(|m| m.has_focus(title)) {
            state.focus = None;
        } else {
            // A jump, not an animation: the list may be long.
            ui.scroll_to_rect_animation(
                rect,
                Some(Align::Center),
                egui::style::ScrollAnimation::none(),
            );
        }
    }
}

/// The card's top row: drag handle, number, status and hidden chips, the passport, move and
/// delete buttons;
/// `alternative` is the one at `pos` in the shown list.
fn header(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    shared: &Cards<'_>,
    (alternative, pos): (&Alternative, usize),
    handle: egui_dnd::Handle<'_>,
) {
    let tr = board.tr;
    let index = shared.shown[pos];
    // On a narrow board (a 1024×768 window) the passport's button says just «Паспорт…»:
    // the row's full words were wider than the card and pushed it past the board's edge.
    let compact = ui.available_width() < COMPACT_HEADER_BELOW;
    ui.horizontal(|ui| {
        handle
            .ui(ui, |ui| grip(ui, board.theme))
            .on_hover_text(tr.t("common-move-handle"));
        let collapsed = state.collapsed.contains(&alternative.id);
        let (mark, key) = if collapsed {
            ("▸", "alternatives-expand")
        } else {
            ("▾", "alternatives-collapse")
        };
        let fold = egui::Button::new(RichText::new(mark).color(board.theme.weak_text()))
            .frame_when_inactive(false);
        let response = ui
            .add(fold)
            .accessible_name(format!("{}: {}", tr.t(key), alternative.title))
            .on_hover_text(tr.t(key));
        if response.clicked() {
            if collapsed {
                state.collapsed.remove(&alternative.id);
            } else {
                state.collapsed.insert(alternative.id);
            }
        }
        let number = tr.args(
            "alternatives-number",
            &[("number", FluentValue::from(index + 1))],
        );
        ui.label(board.theme.caption(number));
        board.theme.chip(
            ui,
            alternative.status.name(tr),
            board.theme.alternative_status(alternative.status),
        );
        if alternative.hidden {
            board
                .theme
                .chip(
                    ui,
                    tr.t("alternatives-hidden-chip"),
                    board.theme.weak_text(),
                )
                .on_hover_text(tr.t("alternatives-hidden-hint"));
        }
        // Push the buttons to the right edge (their width is measured in the previous frame),
        // keeping them last in the Tab order.
        let width_id = Id::unique("alternatives-header-buttons");
        let buttons_width: f32 = ui.data(|d| d.get_temp(width_id)).unwrap_or(200.0);
        ui.add_space((ui.available_width() - buttons_width).max(0.0));
        let start = ui.cursor().left();
        if passport_button(ui, board, alternative, compact) {
            ui.add_space(8.0);
        }
        let up = pos
            .checked_sub(1)
            .and_then(|p| shared.shown.get(p))
            .copied();
        let down = shared.shown.get(pos + 1).copied();
        for (target, key, mark) in [
            (up, "alternatives-move-up", "▲"),
            (down, "alternatives-move-down", "▼"),
        ] {
            let name = format!("{}: {}", tr.t(key), alternative.title);
            let button =
                egui::Button::new(RichText::new(mark).color(board.theme.weak_text())).small();
            let response = ui
                .add_enabled(target.is_some(), button)
                .accessible_name(&name)
                .on_hover_text(tr.t(key));
            if response.clicked()
                && let Some(to) = target
            {
                board.push(Command::Move {
                    kind: ItemKind::Alternative,
                    from: index,
                    to,
                });
            }
        }
        ui.add_space(8.0);
        let target = crate::ui::board::Spotlight::Alternative(alternative.id);
        widgets::spotlight_button(ui, board, target, &alternative.title);
        if widgets::delete_button(ui, board, &alternative.title) {
            board.delete(ItemRef::Alternative(alternative.id));
        }
        let used = ui.min_rect().right() - start;
        ui.data_mut(|d| d.insert_temp(width_id, used));
    });
}

/// Six dots to grab a card by.
fn grip(ui: &mut Ui, theme: &Theme) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 24.0), Sense::hover());
    let colour = theme.weak_text();
    for row in 0..3 {
        for column in 0..2 {
            let centre =
                rect.center() + egui::vec2(column as f32 * 6.0 - 3.0, row as f32 * 6.0 - 6.0);
            ui.painter().circle_filled(centre, 1.8, colour);
        }
    }
}

/// The title, large, edited in place; an empty title is refused.
fn title(ui: &mut Ui, board: &mut Board<'_>, shared: &Cards<'_>, index: usize) {
    let alternative = &board.session.alternatives[index];
    let id = Id::unique(("alternative-title", alternative.id));
    if matches!(shared.focus, Some(Focus::NewAlternative(count)) if count == index + 1) {
        focus_and_select_all(ui, id, &alternative.title);
    }
    let label = board.tr.t("common-title");
    ui.scope(|ui| {
        ui.style_mut().override_font_id = Some(egui::FontId::proportional(theme::CARD_TITLE_SIZE));
        let field = Field::required(&label).width(ui.available_width());
        if let Some(text) = widgets::text_field(ui, board, id, field, &alternative.title) {
            board.update(alternative, |a| a.title = text);
        }
    });
}

/// A folded card's one line: who proposed it, how many goals, pros and cons, and positions.
fn summary(ui: &mut Ui, board: &Board<'_>, alternative: &Alternative, shared: &Cards<'_>) {
    let tr = board.tr;
    ui.horizontal_wrapped(|ui| {
        if let Some(name) = alternative
            .proposer
            .and_then(|p| {
                shared
                    .proposers
                    .get_or_init(|| proposer_options(board))
                    .iter()
                    .find(|(q, _)| *q == p)
            })
            .map(|(_, name)| name)
        {
            ui.label(board.theme.caption(tr.t("alternatives-proposer")));
            ui.label(name);
            ui.label(board.theme.caption("·"));
        }
        for (key, count) in [
            ("alternatives-summary-goals", alternative.goals.len()),
            ("alternatives-summary-pros", alternative.pros.len()),
            ("alternatives-summary-cons", alternative.cons.len()),
        ] {
            ui.label(tr.n(key, count as i64));
            ui.label(board.theme.caption("·"));
        }
        positions_summary(ui, board, alternative.id);
    });
}

/// Status, proposer, hidden flag and the groups' positions.
fn details(ui: &mut Ui, board: &mut Board<'_>, alternative: &Alternative, shared: &Cards<'_>) {
    let tr = board.tr;
    let id = alternative.id;
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("common-status");
        let picked = widgets::picker(
            ui,
            board,
            Id::unique(("alternative-status", id)),
            &label,
            alternative.status,
            &AlternativeStatus::ALL,
        );
        if let Some(status) = picked {
            board.update(alternative, |a| a.status = status);
        }
        ui.add_space(12.0);
        let label = tr.t("alternatives-proposer");
        let picked = widgets::ref_picker(
            ui,
            board,
            Id::unique(("alternative-proposer", id)),
            &label,
            alternative.proposer,
            shared.proposers.get_or_init(|| proposer_options(board)),
        );
        if let Some(proposer) = picked {
            board.update(alternative, |a| a.proposer = proposer);
        }
        ui.add_space(12.0);
        let mut hidden = alternative.hidden;
        let response = ui
            .checkbox(&mut hidden, tr.t("alternatives-hidden"))
            .on_hover_text(tr.t("alternatives-hidden-hint"));
        if response.changed() {
            board.update(alternative, |a| a.hidden = hidden);
        }
        ui.add_space(12.0);
        positions_summary(ui, board, alternative.id);
    });
}

/// «Паспорт инициативы…»: asks the shell for the export dialog on this alternative's
/// passport. An adopted alternative's passport is the document the issue asks for; any other
/// revealed one gets a draft (the passport says so at the top, and so does the hover here).
/// A hidden idea has none: the room has not seen it. Returns whether the button is there.
fn passport_button(
    ui: &mut Ui,
    board: &mut Board<'_>,
    alternative: &Alternative,
    compact: bool,
) -> bool {
    if alternative.hidden {
        return false;
    }
    let tr = board.tr;
    let hint = if alternative.status == AlternativeStatus::Adopted {
        tr.t("alternatives-passport-hint")
    } else {
        tr.t("alternatives-passport-draft-hint")
    };
    let words = if compact {
        tr.t("alternatives-passport-short")
    } else {
        tr.t("alternatives-passport")
    };
    let response = ui
        .button(words)
        .accessible_name(tr.with("alternatives-passport-of", "title", &alternative.title))
        .on_hover_text(hint);
    if response.clicked() {
        board.ask_shell(crate::ui::board::ShellRequest::ExportPassport {
            alternative: alternative.id,
        });
    }
    true
}

/// How many groups hold each stance on the alternative (each group's latest round), as small
/// chips in the stance colours with the stance marks; hover names the groups.
fn positions_summary(ui: &mut Ui, board: &Board<'_>, alternative: AlternativeId) {
    let session = board.session;
    let tr = board.tr;
    let latest = latest_stances(session, alternative);
    ui.label(board.theme.caption(tr.t("alternatives-positions")));
    if latest.is_empty() {
        ui.label(board.theme.caption(tr.t("alternatives-no-positions")));
        return;
    }
    for stance in Stance::ALL {
        let groups: Vec<GroupId> = latest
            .iter()
            .filter(|(_, s)| *s == stance)
            .map(|(g, _)| *g)
            .collect();
        if groups.is_empty() {
            continue;
        }
        // One widget per stance (mark and count together), so the row wraps cleanly.
        let response = filled_chip(
            ui,
            format!("{} ×{}", Theme::stance_mark(stance), groups.len()),
            board.theme.stance_fill(stance),
            board.theme.stance_text(stance),
        );
        let args = [
            ("stance", FluentValue::from(stance.name(tr))),
            ("count", FluentValue::from(groups.len())),
        ];
        let summary = tr.args("alternatives-stance-count", &args);
        response.on_hover_ui(|ui| {
            ui.label(RichText::new(&summary).strong());
            for group in groups.iter().filter_map(|g| session.group(*g)) {
                ui.label(&group.name);
            }
        });
    }
}

/// Each group's stance on `alternative` in the latest round in which it has one.
fn latest_stances(session: &Session, alternative: AlternativeId) -> Vec<(GroupId, Stance)> {
    let mut latest: Vec<(GroupId, u32, Stance)> = Vec::new();
    for position in session
        .positions
        .iter()
        .filter(|p| p.alternative == alternative)
    {
        match latest.iter_mut().find(|(g, _, _)| *g == position.group) {
            Some(entry) if position.round >= entry.1 => {
                *entry = (position.group, position.round, position.stance)
            }
            Some(_) => {}
            None => latest.push((position.group, position.round, position.stance)),
        }
    }
    latest.into_iter().map(|(g, _, s)| (g, s)).collect()
}

/// A small chip filled with `fill`.
fn filled_chip(ui: &mut Ui, text: String, fill: Color32, colour: Color32) -> egui::Response {
    // Laid out first and allocated at its full size, so a wrapping row moves the whole chip to
    // the next line instead of squeezing its text.
    let galley = egui::WidgetText::from(RichText::new(&text).color(colour).strong()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let padding = egui::vec2(8.0, 2.0);
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * padding, Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, CornerRadius::same(10), fill);
        ui.painter().galley(rect.min + padding, galley, colour);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    response
}

/// The session's goals as chips; a linked goal is highlighted and ticked, a click links or
/// unlinks it. With many goals only the linked ones are chips, and a menu lists them all.
fn goals(ui: &mut Ui, board: &mut Board<'_>, alternative: &Alternative) {
    let session = board.session;
    let tr = board.tr;
    let all_as_chips = session.goals.len() <= ALL_GOALS_AS_CHIPS;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t("alternatives-goals")).strong());
        if !session.goals.is_empty() {
            let hint = if all_as_chips {
                "alternatives-goals-hint"
            } else {
                "alternatives-goals-hint-many"
            };
            ui.label(board.theme.caption(tr.t(hint)));
        }
    });
    if session.goals.is_empty() {
        ui.label(board.theme.caption(tr.t("alternatives-no-goals")));
        return;
    }
    let mut toggled = None;
    ui.horizontal_wrapped(|ui| {
        for goal in &session.goals {
            let linked = alternative.goals.contains(&goal.id);
            if (all_as_chips || linked) && goal_chip(ui, board, &goal.title, linked) {
                toggled = Some((goal.id, linked));
            }
        }
        if !all_as_chips {
            let menu = ui.menu_button(tr.t("alternatives-link-goals"), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for goal in &session.goals {
                            let linked = alternative.goals.contains(&goal.id);
                            let mut on = linked;
                            if ui.checkbox(&mut on, &goal.title).changed() {
                                toggled = Some((goal.id, linked));
                            }
                        }
                    });
            });
            menu.response
                .on_hover_text(tr.t("alternatives-link-goals-hint"));
        }
    });
    if let Some((goal, linked)) = toggled {
        board.update(alternative, |a| {
            if linked {
                a.goals.retain(|g| *g != goal);
            } else {
                a.goals.push(goal);
            }
        });
    }
}

/// One goal chip (accessible name: the goal's full title). Returns whether it was clicked.
fn goal_chip(ui: &mut Ui, board: &Board<'_>, title: &str, linked: bool) -> bool {
    let text = shorten(title, GOAL_CHIP_CHARS);
    let shortened = text.len() != title.len();
    let width = text_width(ui, &format!("✓ {text}"), theme::BODY_SIZE)
        + 2.0 * ui.spacing().button_padding.x;
    // A tick as well as the colour, so the linked goals read without colour too.
    let rich = if linked {
        RichText::new(format!("✓ {text}")).strong()
    } else {
        RichText::new(text).color(board.theme.weak_text())
    };
    let chip = egui::Button::selectable(linked, rich)
        .frame_when_inactive(true)
        .corner_radius(CornerRadius::same(12))
        .wrap_mode(egui::TextWrapMode::Truncate);
    // A chip that does not fit the rest of the row starts the next one: left to the wrapped
    // layout, a button squeezed its text into the rest and pushed the card past a 1024-pixel
    // window's edge.
    let row_start = ui.max_rect().left();
    if ui.available_width() < width && ui.cursor().left() > row_start + 1.0 {
        ui.end_row();
    }
    let mut response = ui.add(chip).accessible_name(title);
    if shortened {
        response = response.on_hover_text(title);
    }
    response.clicked()
}

/// `text` cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// Pros and cons side by side, each an editable list.
fn arguments(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    shared: &Cards<'_>,
    alternative: &Alternative,
) {
    ui.columns(2, |columns| {
        let [pros, cons] = columns else {
            return;
        };
        argument_list(pros, board, state, shared, alternative, Side::Pros);
        argument_list(cons, board, state, shared, alternative, Side::Cons);
    });
}

/// Which list of arguments.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Pros,
    Cons,
}

impl Side {
    fn list(self, alternative: &Alternative) -> &Vec<String> {
        match self {
            Self::Pros => &alternative.pros,
            Self::Cons => &alternative.cons,
        }
    }

    fn list_mut(self, alternative: &mut Alternative) -> &mut Vec<String> {
        match self {
            Self::Pros => &mut alternative.pros,
            Self::Cons => &mut alternative.cons,
        }
    }

    fn stance(self) -> Stance {
        match self {
            Self::Pros => Stance::For,
            Self::Cons => Stance::Against,
        }
    }

    fn keys(self) -> [&'static str; 4] {
        match self {
            Self::Pros => [
                "alternatives-pros",
                "alternatives-pro",
                "alternatives-add-pro",
                "alternatives-no-pros",
            ],
            Self::Cons => [
                "alternatives-cons",
                "alternatives-con",
                "alternatives-add-con",
                "alternatives-no-cons",
            ],
        }
    }

    fn id(self, alternative: AlternativeId, entry: usize) -> Id {
        Id::unique((
            "alternative-argument",
            alternative,
            self == Self::Pros,
            entry,
        ))
    }
}

/// One list of arguments: a field per entry with its own delete, and an "add" button.
fn argument_list(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    shared: &Cards<'_>,
    alternative: &Alternative,
    side: Side,
) {
    let tr = board.tr;
    let [heading, entry_key, add_key, empty_key] = side.keys();
    ui.horizontal(|ui| {
        let stance = side.stance();
        filled_chip(
            ui,
            Theme::stance_mark(stance).to_owned(),
            board.theme.stance_fill(stance),
            board.theme.stance_text(stance),
        );
        ui.label(RichText::new(tr.t(heading)).strong());
    });
    let entries = side.list(alternative);
    let delete_word = tr.t("common-delete");
    if entries.is_empty() {
        ui.label(board.theme.caption(tr.t(empty_key)));
    }
    for (entry, text) in entries.iter().enumerate() {
        let id = side.id(alternative.id, entry);
        if shared.focus == Some(Focus::Field(id)) {
            if ui.memory(|m| m.has_focus(id)) {
                state.focus = None;
            } else {
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
        let label = tr.args(entry_key, &[("number", FluentValue::from(entry + 1))]);
        ui.horizontal(|ui| {
            // The field takes what the label and the delete button leave, so that long
            // labels ("Довод «против» 1") do not push the card wider than the screen.
            let spacing = ui.spacing().item_spacing.x;
            let taken = text_width(ui, &label, theme::SMALL_SIZE)
                + text_width(ui, &delete_word, theme::BODY_SIZE)
                + 2.0 * ui.spacing().button_padding.x
                + 3.0 * spacing
                + 32.0;
            let width = (ui.available_width() - taken).max(120.0);
            let field = Field::new(&label).multiline().inline().width(width);
            if let Some(new_text) = widgets::text_field(ui, board, id, field, text) {
                board.update(alternative, |a| {
                    if let Some(slot) = side.list_mut(a).get_mut(entry) {
                        *slot = new_text;
                    }
                });
            }
            let what = if text.trim().is_empty() {
                label.as_str()
            } else {
                text.as_str()
            };
            if widgets::delete_button(ui, board, what) {
                board.update(alternative, |a| {
                    let list = side.list_mut(a);
                    if entry < list.len() {
                        list.remove(entry);
                    }
                });
            }
        });
    }
    let add = ui.horizontal(|ui| ui.button(tr.t(add_key))).inner;
    if add.clicked() {
        board.update(alternative, |a| side.list_mut(a).push(String::new()));
        state.focus = Some((
            Focus::Field(side.id(alternative.id, entries.len())),
            expiry(ui),
        ));
    }
}

/// How long a focus request waits for its field to appear: a few frames (egui may run a frame in
/// two passes, and the command creating the field is applied at the end of a frame).
fn expiry(ui: &Ui) -> u64 {
    ui.ctx().cumulative_frame_nr() + 10
}

/// The focus still to be given: dropped once expired or when the alternative it waits for did
/// not appear.
fn pending_focus(ui: &Ui, state: &mut State, total: usize) -> Option<Focus> {
    let frame = ui.ctx().cumulative_frame_nr();
    let keep = match state.focus {
        Some((Focus::NewAlternative(count), until)) => frame <= until && count == total,
        Some((Focus::Field(_), until)) => frame <= until,
        None => false,
    };
    if !keep {
        state.focus = None;
    }
    state.focus.map(|(focus, _)| focus)
}

/// The width of `text` on one line at `size`.
fn text_width(ui: &Ui, text: &str, size: f32) -> f32 {
    let font = egui::FontId::proportional(size);
    ui.ctx()
        .fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER))
        .size()
        .x
}

/// Focuses a text field and selects its text, so typing replaces it.
fn focus_and_select_all(ui: &Ui, id: Id, text: &str) {
    ui.memory_mut(|m| m.request_focus(id));
    let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    edit.cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit.store(ui.ctx(), id);
}

/// The alternative cards, laid out lazily (see [`widgets::lazy_list_with`]).
fn lazy_cards(
    ui: &mut Ui,
    id: Id,
    count: usize,
    keep: Option<usize>,
    frozen: bool,
    item: impl FnMut(&mut Ui, usize),
) {
    let options = widgets::LazyOptions {
        keep,
        frozen,
        estimate: 320.0,
    };
    widgets::lazy_list_with(ui, id, count, options, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// egui_dnd's `shift_vec`, the reference for what a drop means.
    fn shift(from: usize, to: usize, list: &mut [usize]) {
        egui_dnd::utils::shift_vec(from, to, list);
    }

    /// Applies a `Command::Move` the way the session does: remove at `from`, insert at `to`.
    fn apply(command: Option<Command>, list: &mut Vec<usize>) {
        if let Some(Command::Move { from, to, .. }) = command {
            let item = list.remove(from);
            list.insert(to, item);
        }
    }

    #[test]
    fn drops_without_filter_match_shift_vec() {
        let shown: Vec<usize> = (0..5).collect();
        for from in 0..5 {
            for to in 0..=5 {
                let mut expected = shown.clone();
                shift(from, to, &mut expected);
                let mut actual = shown.clone();
                apply(drop_command(&shown, from, to), &mut actual);
                assert_eq!(actual, expected, "from {from} to {to}");
            }
        }
    }

    #[test]
    fn drops_with_filter_keep_the_shown_order() {
        // Alternatives 0..8, of which 1, 3, 4 and 6 are shown.
        let shown = vec![1, 3, 4, 6];
        for from in 0..shown.len() {
            for to in 0..=shown.len() {
                let mut list: Vec<usize> = (0..8).collect();
                apply(drop_command(&shown, from, to), &mut list);
                let mut expected = shown.clone();
                shift(from, to, &mut expected);
                let now_shown: Vec<usize> =
                    list.iter().copied().filter(|i| shown.contains(i)).collect();
                assert_eq!(now_shown, expected, "from {from} to {to}");
            }
        }
    }

    #[test]
    fn shorten_cuts_long_titles() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdefgh", 5), "abcd…");
    }
}
