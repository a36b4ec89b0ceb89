//! The stakeholders section: stakeholder groups as cards with their participants inside, and
//! the power/interest grid (influence × interest) with each group placed in it.
//!
//! Each card edits a group in place (name, description, influence, interest, optional vote
//! weight) and lists the people who speak for it, each on a compact row (name, job title,
//! organisation, a picker to move them to another group, a contact button, delete). A
//! participant's contact (e-mail or phone) is a muted line under the row when there is one;
//! the contact button (or a click on that line) opens its editor there. People without a
//! group are in a last card. On wide windows the grid stands to the right of the cards; on
//! narrower ones it comes first. Clicking a group in the grid finds its card.

use super::grid;

use std::collections::HashMap;

use egui::{Align, FontId, Id, Layout, Rect, TextStyle, Ui, Vec2, pos2, vec2};

use crate::ui::board::Board;
use crate::ui::theme::{CARD_GAP, CARD_TITLE_SIZE, FIELD_WIDTH, SMALL_SIZE};
use crate::ui::widgets::{self, Field, delete_button, ref_picker, text_field};
use stratboard_core::commands::{Command, Item, ItemKind, ItemRef};
use stratboard_core::model::{
    GroupId, Participant, ParticipantId, SCALE_MAX, SCALE_MIN, Session, StakeholderGroup,
};

/// Window width (points) from which the grid stands to the right of the cards.
const WIDE_WINDOW: f32 = 1400.0;
/// The share of a wide section the grid takes.
const GRID_SHARE: f32 = 0.33;
/// The narrowest the grid (or the cards beside it) gets.
const MIN_GRID_WIDTH: f32 = 300.0;
/// The share of the section's height the grid takes above the cards on narrow windows.
const NARROW_GRID_HEIGHT: f32 = 0.58;
/// How much wider than tall the plot is on narrow windows.
const NARROW_GRID_ASPECT: f32 = 2.2;
/// The largest vote weight the card offers.
const MAX_VOTE_WEIGHT: u32 = 1000;
/// The narrowest a participant's text field gets before the row breaks in two.
const MIN_FIELD_WIDTH: f32 = 150.0;
/// The width of a participant's group picker when the row has room.
const PICKER_WIDTH: f32 = FIELD_WIDTH * 0.7;
/// The narrowest the group picker gets (giving room to the text fields) before the row breaks
/// in two.
const MIN_PICKER_WIDTH: f32 = FIELD_WIDTH * 0.5;
/// Frames to wait for an added entity to appear before giving up on focusing it.
const WAIT_FRAMES: u8 = 3;
/// The mark on a participant's contact button.
const CONTACT_MARK: &str = "✉";

/// A card of the section: a group's, or (`None`) the last one, of people without a group.
type CardKey = Option<GroupId>;

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// The group picked in the grid: its card stands out.
    selected: Option<GroupId>,
    /// The group whose card was under the pointer last frame: its circle stands out.
    hovered_card: Option<GroupId>,
    /// The group whose circle was under the pointer last frame: its card stands out.
    hovered_dot: Option<GroupId>,
    /// A card to bring into view, and for how many frames we have been trying.
    scroll_to: Option<(CardKey, u8)>,
    /// An "Add …" button was pressed; the new entity is focused once the session has it.
    awaiting: Option<Awaiting>,
    /// A name field to focus (with its text selected, so typing replaces it).
    focus: Option<Focus>,
    /// The participant whose contact editor is open under their row.
    contact_open: Option<ParticipantId>,
}

/// An addition waiting to appear in the session.
#[derive(Clone, Copy, Debug)]
enum Awaiting {
    /// A group; the session had `before` groups.
    Group { before: usize, frames: u8 },
    /// A participant; the session had `before` participants.
    Participant { before: usize, frames: u8 },
}

/// A name field to focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Focus {
    /// A group's name.
    Group(GroupId),
    /// A participant's name.
    Participant(ParticipantId),
    /// A participant's contact (its editor has just opened).
    Contact(ParticipantId),
}

/// The session's participants sorted into their groups' cards.
struct Members<'s> {
    by_group: HashMap<GroupId, Vec<&'s Participant>>,
    ungrouped: Vec<&'s Participant>,
}

impl<'s> Members<'s> {
    fn of(session: &'s Session) -> Self {
        let mut by_group: HashMap<GroupId, Vec<&Participant>> = session
            .stakeholder_groups
            .iter()
            .map(|g| (g.id, Vec::new()))
            .collect();
        let mut ungrouped = Vec::new();
        for person in &session.participants {
            match person.group.and_then(|g| by_group.get_mut(&g)) {
                Some(list) => list.push(person),
                None => ungrouped.push(person),
            }
        }
        Self {
            by_group,
            ungrouped,
        }
    }

    fn of_card(&self, key: CardKey) -> &[&'s Participant] {
        match key {
            Some(group) => self.by_group.get(&group).map_or(&[], Vec::as_slice),
            None => &self.ungrouped,
        }
    }
}

/// Draws the section.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    settle(ui, session, state);
    ui.heading(board.theme.heading(board.tr.t("section-stakeholders")));
    toolbar(ui, board, state);
    ui.add_space(CARD_GAP / 2.0);

    let members = Members::of(session);
    let counts: HashMap<GroupId, usize> = members
        .by_group
        .iter()
        .map(|(g, list)| (*g, list.len()))
        .collect();
    let highlight = state.hovered_card.or(state.selected);
    let available = ui.available_size();
    let mut grid_response = grid::GridResponse::default();
    if ui.ctx().content_rect().width() >= WIDE_WINDOW {
        // Cards on the left, the grid on the right, each in its own exact part of the area.
        let gap = CARD_GAP * 2.0;
        let area = ui.available_rect_before_wrap();
        let legend = 3.0 * ui.text_style_height(&TextStyle::Small);
        let room = grid::size_for_plot(Vec2::ZERO);
        let grid_width = (area.width() * GRID_SHARE).max(MIN_GRID_WIDTH);
        let side = (grid_width - room.x)
            .min(area.height() - room.y - legend)
            .max(MIN_GRID_WIDTH / 2.0);
        let grid_size = grid::size_for_plot(Vec2::splat(side));
        let cards_width = (area.width() - grid_width - gap).max(MIN_GRID_WIDTH);
        let cards_rect = Rect::from_min_size(area.min, vec2(cards_width, area.height()));
        let grid_rect = Rect::from_min_max(pos2(area.right() - grid_width, area.top()), area.max);
        ui.scope_builder(egui::UiBuilder::new().max_rect(cards_rect), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("stakeholders-cards-scroll")
                .auto_shrink([false; 2])
                .show(ui, |ui| cards(ui, board, state, &members));
        });
        ui.scope_builder(egui::UiBuilder::new().max_rect(grid_rect), |ui| {
            grid_response = grid::show(ui, board, grid_size, &counts, highlight);
            ui.label(board.theme.caption(board.tr.t("stakeholders-grid-legend")));
        });
        ui.advance_cursor_after_rect(area);
    } else {
        egui::ScrollArea::vertical()
            .id_salt("stakeholders-scroll")
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                // A wider than tall plot: the grid must not fill a laptop's screen, and wide
                // cells leave room for the groups' names.
                let room = grid::size_for_plot(Vec2::ZERO);
                let height = (available.y * NARROW_GRID_HEIGHT).max(MIN_GRID_WIDTH / 1.5) - room.y;
                let width = (ui.available_width() - room.x).min(height * NARROW_GRID_ASPECT);
                let grid_size = grid::size_for_plot(vec2(width, height));
                ui.vertical_centered(|ui| {
                    grid_response = grid::show(ui, board, grid_size, &counts, highlight);
                    ui.label(board.theme.caption(board.tr.t("stakeholders-grid-legend")));
                });
                ui.add_space(CARD_GAP);
                cards(ui, board, state, &members);
            });
    }

    if let Some(group) = grid_response.clicked {
        if state.selected == Some(group) {
            state.selected = None;
        } else {
            state.selected = Some(group);
            state.scroll_to = Some((Some(group), 0));
        }
        ui.ctx().request_repaint();
    }
    if grid_response.hovered != state.hovered_dot {
        state.hovered_dot = grid_response.hovered;
        ui.ctx().request_repaint();
    }
}

/// Turns a pressed "Add …" into focus on the new entity once the session has it, and forgets
/// selections of entities that are gone (after a delete or an undo).
fn settle(ui: &Ui, session: &Session, state: &mut State) {
    match state.awaiting {
        Some(Awaiting::Group { before, frames }) => {
            if session.stakeholder_groups.len() > before {
                if let Some(group) = session.stakeholder_groups.last() {
                    state.focus = Some(Focus::Group(group.id));
                    state.scroll_to = Some((Some(group.id), 0));
                }
                state.awaiting = None;
            } else if frames >= WAIT_FRAMES {
                state.awaiting = None;
            } else {
                state.awaiting = Some(Awaiting::Group {
                    before,
                    frames: frames + 1,
                });
                ui.ctx().request_repaint();
            }
        }
        Some(Awaiting::Participant { before, frames }) => {
            if session.participants.len() > before {
                if let Some(person) = session.participants.last() {
                    state.focus = Some(Focus::Participant(person.id));
                    let card = person.group.filter(|g| session.group(*g).is_some());
                    state.scroll_to = Some((card, 0));
                }
                state.awaiting = None;
            } else if frames >= WAIT_FRAMES {
                state.awaiting = None;
            } else {
                state.awaiting = Some(Awaiting::Participant {
                    before,
                    frames: frames + 1,
                });
                ui.ctx().request_repaint();
            }
        }
        None => {}
    }
    let exists = |group: &Option<GroupId>| group.is_none_or(|g| session.group(g).is_some());
    if !exists(&state.selected) {
        state.selected = None;
    }
    if !exists(&state.hovered_card) {
        state.hovered_card = None;
    }
    if state.scroll_to.is_some_and(|(key, _)| !exists(&key)) {
        state.scroll_to = None;
    }
    match state.focus {
        Some(Focus::Group(g)) if session.group(g).is_none() => state.focus = None,
        Some(Focus::Participant(p) | Focus::Contact(p)) if session.participant(p).is_none() => {
            state.focus = None;
        }
        _ => {}
    }
    if state
        .contact_open
        .is_some_and(|p| session.participant(p).is_none())
    {
        state.contact_open = None;
    }
}

/// "Add group" and the counts of groups and participants.
fn toolbar(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let session = board.session;
    ui.horizontal(|ui| {
        if ui.button(board.tr.t("stakeholders-add-group")).clicked() {
            board.push(Command::Add(Item::Group(StakeholderGroup {
                name: board.tr.t("stakeholders-new-group"),
                ..StakeholderGroup::default()
            })));
            state.awaiting = Some(Awaiting::Group {
                before: session.stakeholder_groups.len(),
                frames: 0,
            });
            ui.ctx().request_repaint();
        }
        ui.add_space(CARD_GAP);
        let groups = board.tr.n(
            "stakeholders-count-groups",
            session.stakeholder_groups.len() as i64,
        );
        let people = board
            .tr
            .n("count-participants", session.participants.len() as i64);
        ui.label(
            egui::RichText::new(format!("{groups} · {people}")).color(board.theme.weak_text()),
        );
    });
}

/// Asks to add a participant to `group` (or to nobody's card) and to focus them once added.
fn add_participant(ui: &Ui, board: &mut Board<'_>, state: &mut State, group: Option<GroupId>) {
    board.push(Command::Add(Item::Participant(Participant {
        name: board.tr.t("stakeholders-new-participant"),
        group,
        ..Participant::default()
    })));
    state.awaiting = Some(Awaiting::Participant {
        before: board.session.participants.len(),
        frames: 0,
    });
    ui.ctx().request_repaint();
}

/// Every card: the groups' in session order, then the one of people without a group. Only
/// the cards on screen are laid out.
fn cards(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, members: &Members<'_>) {
    let session = board.session;
    if session.stakeholder_groups.is_empty() {
        ui.label(
            egui::RichText::new(board.tr.t("stakeholders-empty")).color(board.theme.weak_text()),
        );
        ui.add_space(CARD_GAP);
    }
    let keys: Vec<CardKey> = session
        .stakeholder_groups
        .iter()
        .map(|g| Some(g.id))
        .chain(std::iter::once(None))
        .collect();
    let options: Vec<(GroupId, String)> = session
        .stakeholder_groups
        .iter()
        .map(|g| (g.id, g.name.clone()))
        .collect();
    // Every card gets the same width, measured once: a card that grows cannot widen the next.
    let width = ui.available_width();
    let list_id = Id::unique("stakeholders-cards");
    let list_top = ui.cursor().top();
    let target = state.scroll_to;
    let mut reached = false;
    let mut hovered = None;
    widgets::lazy_list(ui, list_id, keys.len(), |ui, index| {
        let Some(&key) = keys.get(index) else { return };
        let people = members.of_card(key);
        let rect = match key.and_then(|g| session.group(g)) {
            Some(group) => group_card(ui, board, state, group, people, &options, width),
            None => ungrouped_card(ui, board, state, people, &options, width),
        };
        if key.is_some() && ui.rect_contains_pointer(rect) {
            hovered = key;
        }
        if let Some((wanted, _)) = target
            && wanted == key
        {
            reached = true;
            // A new participant's row scrolls itself into view; otherwise show the card's top.
            if !matches!(state.focus, Some(Focus::Participant(_))) {
                ui.scroll_to_rect_animation(
                    rect,
                    Some(Align::Min),
                    egui::style::ScrollAnimation::none(),
                );
            }
        }
    });
    if hovered != state.hovered_card {
        state.hovered_card = hovered;
        ui.ctx().request_repaint();
    }
    match target {
        Some(_) if reached => state.scroll_to = None,
        Some((_, frames)) if frames >= WAIT_FRAMES => state.scroll_to = None,
        Some((key, frames)) => {
            // The card is off screen and was not laid out: scroll to where it should be, from
            // the heights the list remembers, and finish the job once it is drawn.
            let index = keys.iter().position(|k| *k == key).unwrap_or(0);
            let heights: Vec<f32> = ui
                .data(|d| d.get_temp(list_id.with("heights")))
                .unwrap_or_default();
            let known: Vec<f32> = heights.iter().copied().filter(|h| *h > 0.0).collect();
            let average = if known.is_empty() {
                200.0
            } else {
                known.iter().sum::<f32>() / known.len() as f32
            };
            let height_of = |h: f32| if h > 0.0 { h } else { average };
            let top = list_top
                + heights
                    .iter()
                    .take(index)
                    .copied()
                    .map(height_of)
                    .sum::<f32>();
            let height = heights.get(index).copied().map_or(average, height_of);
            let rect = Rect::from_min_size(
                pos2(ui.min_rect().left(), top),
                vec2(ui.available_width(), height),
            );
            ui.scroll_to_rect_animation(
                rect,
                Some(Align::Min),
                egui::style::ScrollAnimation::none(),
            );
            state.scroll_to = Some((key, frames + 1));
            ui.ctx().request_repaint();
        }
        None => {}
    }
}

/// A group's card. Returns its rectangle.
fn group_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    group: &StakeholderGroup,
    people: &[&Participant],
    options: &[(GroupId, String)],
    width: f32,
) -> Rect {
    let lit = state.selected == Some(group.id) || state.hovered_dot == Some(group.id);
    let frame = if lit {
        board.theme.card_selected()
    } else {
        board.theme.card()
    };
    frame
        .show(ui, |ui| {
            let inner = width - frame.total_margin().sum().x;
            ui.set_width(inner);

            // Name (as the card's title) and delete.
            ui.horizontal(|ui| {
                let id = Id::unique(("stakeholders-group-name", group.id));
                if state.focus == Some(Focus::Group(group.id)) {
                    focus_field(ui, id, &group.name);
                    state.focus = None;
                }
                let label = board.tr.t("stakeholders-group-name");
                let width = (inner - 140.0).clamp(160.0, FIELD_WIDTH * 1.6);
                let changed = ui
                    .scope(|ui| {
                        ui.style_mut()
                            .text_styles
                            .insert(TextStyle::Body, FontId::proportional(CARD_TITLE_SIZE));
                        text_field(
                            ui,
                            board,
                            id,
                            Field::required(&label).width(width),
                            &group.name,
                        )
                    })
                    .inner;
                if let Some(name) = changed {
                    board.push(Command::Update(Item::Group(StakeholderGroup {
                        name,
                        ..group.clone()
                    })));
                }
                ui.with_layout(Layout::right_to_left(Align::Max), |ui| {
                    if delete_button(ui, board, &group.name) {
                        board.delete(ItemRef::Group(group.id));
                    }
                });
            });

            let label = board.tr.t("common-description");
            let id = Id::unique(("stakeholders-group-description", group.id));
            if let Some(description) = text_field(
                ui,
                board,
                id,
                Field::new(&label).multiline().width(inner),
                &group.description,
            ) {
                board.push(Command::Update(Item::Group(StakeholderGroup {
                    description,
                    ..group.clone()
                })));
            }

            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                if let Some(influence) = scale(ui, board, "stakeholders-influence", group.influence)
                {
                    board.push(Command::Update(Item::Group(StakeholderGroup {
                        influence,
                        ..group.clone()
                    })));
                }
                ui.add_space(CARD_GAP * 2.0);
                if let Some(interest) = scale(ui, board, "stakeholders-interest", group.interest) {
                    board.push(Command::Update(Item::Group(StakeholderGroup {
                        interest,
                        ..group.clone()
                    })));
                }
                ui.add_space(CARD_GAP * 2.0);
                if let Some(vote_weight) = vote_weight(ui, board, group.vote_weight) {
                    board.push(Command::Update(Item::Group(StakeholderGroup {
                        vote_weight,
                        ..group.clone()
                    })));
                }
            });

            ui.add_space(4.0);
            ui.separator();
            people_list(ui, board, state, people, options, inner);
            let what = group.name.clone();
            if add_participant_button(ui, board, &what) {
                add_participant(ui, board, state, Some(group.id));
            }
        })
        .response
        .rect
}

/// The last card: people who are in no group. Returns its rectangle.
fn ungrouped_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    people: &[&Participant],
    options: &[(GroupId, String)],
    width: f32,
) -> Rect {
    let frame = board.theme.card();
    frame
        .show(ui, |ui| {
            let inner = width - frame.total_margin().sum().x;
            ui.set_width(inner);
            let title = board.tr.t("stakeholders-without-group");
            ui.label(board.theme.card_title(&title));
            people_list(ui, board, state, people, options, inner);
            if add_participant_button(ui, board, &title) {
                add_participant(ui, board, state, None);
            }
        })
        .response
        .rect
}

/// The count and the rows of a card's participants.
fn people_list(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    people: &[&Participant],
    options: &[(GroupId, String)],
    inner: f32,
) {
    ui.label(
        board
            .theme
            .caption(board.tr.n("count-participants", people.len() as i64)),
    );
    // Where each of them is in the session's list, to move one past its neighbour in the card.
    let group = people.first().and_then(|p| p.group);
    let places: Vec<usize> = board
        .session
        .participants
        .iter()
        .enumerate()
        .filter(|(_, p)| p.group == group)
        .map(|(i, _)| i)
        .collect();
    for (k, person) in people.iter().enumerate() {
        let place = Place {
            index: places.get(k).copied(),
            up: k.checked_sub(1).and_then(|j| places.get(j)).copied(),
            down: places.get(k + 1).copied(),
        };
        ui.push_id(("stakeholders-participant", person.id), |ui| {
            participant_row(ui, board, state, person, options, inner, place);
        });
    }
}

/// Where a participant's row is among the session's participants, and its neighbours' places
/// in the same card (what ▲ and ▼ move it past).
#[derive(Clone, Copy)]
struct Place {
    index: Option<usize>,
    up: Option<usize>,
    down: Option<usize>,
}

/// "Add participant": its accessible name says to which card, like the delete buttons do.
fn add_participant_button(ui: &mut Ui, board: &Board<'_>, card: &str) -> bool {
    let text = board.tr.t("stakeholders-add-participant");
    let response = ui.button(format!("+ {text}"));
    let name = format!("{text}: {card}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response.clicked()
}

/// One participant on one row (two on narrow cards): name, job title, organisation, then the
/// group picker, the contact button and delete; under it, their contact (muted, only when
/// there is one) or its editor.
fn participant_row(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    person: &Participant,
    options: &[(GroupId, String)],
    inner: f32,
    place: Place,
) {
    let spacing = ui.spacing().item_spacing.x;
    let text_width = |ui: &Ui, text: String, style: TextStyle| {
        let font = style.resolve(ui.style());
        ui.painter()
            .layout_no_wrap(text, font, board.theme.weak_text())
            .size()
            .x
    };
    let delete = text_width(ui, board.tr.t("common-delete"), TextStyle::Small)
        + 2.0 * ui.spacing().button_padding.x;
    let arrows = 2.0
        * (text_width(ui, "▲".to_owned(), TextStyle::Small)
            + 2.0 * ui.spacing().button_padding.x
            + spacing);
    let contact = text_width(ui, CONTACT_MARK.to_owned(), TextStyle::Small)
        + 2.0 * ui.spacing().button_padding.x
        + spacing
        + text_width(
            ui,
            board.tr.t("stakeholders-participant-vote-mark"),
            TextStyle::Small,
        )
        + 2.0 * ui.spacing().button_padding.x
        + spacing;
    // Text fields are a little wider than asked (their inner margins): keep some slack.
    let slack = 3.0 * ui.spacing().button_padding.x + spacing;
    // The picker gives up some of its width (cutting long group names) before the text fields
    // get narrower than their minimum.
    let rest = spacing + contact + arrows + delete + spacing + slack;
    let picker = (inner - rest - 3.0 * spacing - 3.0 * MIN_FIELD_WIDTH)
        .clamp(MIN_PICKER_WIDTH, PICKER_WIDTH);
    let tail = picker + rest;
    let one_line = inner - tail - 3.0 * spacing >= 3.0 * MIN_FIELD_WIDTH;
    let end = RowEnd {
        picker: if one_line { picker } else { PICKER_WIDTH },
        contact_open: state.contact_open == Some(person.id),
    };
    let fields = if one_line {
        inner - tail - 3.0 * spacing
    } else {
        inner - 2.0 * spacing
    };
    let focus_me = state.focus == Some(Focus::Participant(person.id));
    let contact_open = end.contact_open;
    let mut toggled = false;
    let row = ui.vertical(|ui| {
        ui.horizontal_top(|ui| {
            let id = Id::unique(("stakeholders-participant-name", person.id));
            if focus_me {
                focus_field(ui, id, &person.name);
            }
            let label = board.tr.t("stakeholders-participant-name");
            let field = Field::required(&label).width(fields * 0.38);
            if let Some(name) = text_field(ui, board, id, field, &person.name) {
                board.push(Command::Update(Item::Participant(Participant {
                    name,
                    ..person.clone()
                })));
            }
            let label = board.tr.t("stakeholders-participant-position");
            let id = Id::unique(("stakeholders-participant-position", person.id));
            let field = Field::new(&label).width(fields * 0.3);
            if let Some(position) = text_field(ui, board, id, field, &person.position) {
                board.push(Command::Update(Item::Participant(Participant {
                    position,
                    ..person.clone()
                })));
            }
            let label = board.tr.t("stakeholders-participant-organisation");
            let id = Id::unique(("stakeholders-participant-organisation", person.id));
            let field = Field::new(&label).width(fields * 0.32);
            if let Some(organisation) = text_field(ui, board, id, field, &person.organisation) {
                board.push(Command::Update(Item::Participant(Participant {
                    organisation,
                    ..person.clone()
                })));
            }
            if one_line {
                toggled = row_end(ui, board, person, options, place, end);
            }
        });
        if !one_line {
            ui.horizontal_top(|ui| {
                toggled = row_end(ui, board, person, options, place, end);
            });
        }
        if contact_open {
            // As wide as the three fields above it, up to a usual field's width: the hint's
            // example fits whole.
            let width = (fields + 2.0 * spacing).min(FIELD_WIDTH);
            contact_editor(ui, board, state, person, width);
        } else if contact_line(ui, board, person) {
            toggled = true;
        }
    });
    if toggled {
        if contact_open {
            state.contact_open = None;
        } else {
            state.contact_open = Some(person.id);
            state.focus = Some(Focus::Contact(person.id));
        }
        ui.ctx().request_repaint();
    }
    if focus_me {
        state.focus = None;
        ui.scroll_to_rect_animation(
            row.response.rect,
            None,
            egui::style::ScrollAnimation::none(),
        );
    }
}

/// How the end of a participant's row is drawn.
#[derive(Clone, Copy)]
struct RowEnd {
    /// The group picker's width.
    picker: f32,
    /// The contact editor is open: its button is lit.
    contact_open: bool,
}

/// The end of a participant's row: the group picker (to move them), the contact button, ▲ ▼
/// and delete. Returns whether the contact button was pressed.
fn row_end(
    ui: &mut Ui,
    board: &mut Board<'_>,
    person: &Participant,
    options: &[(GroupId, String)],
    place: Place,
    end: RowEnd,
) -> bool {
    let mut toggled = false;
    let id = Id::unique(("stakeholders-participant-group", person.id));
    let label = board.tr.t("stakeholders-participant-group");
    // A long group name is cut to the picker's width rather than pushing the row wider.
    let size = vec2(end.picker, 0.0);
    let picked = ui
        .allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
            ui.set_max_width(end.picker);
            ref_picker(ui, board, id, &label, person.group, options)
        })
        .inner;
    if let Some(group) = picked {
        board.push(Command::Update(Item::Participant(Participant {
            group,
            ..person.clone()
        })));
    }
    // The button has no caption: line it up with the fields beside it, not their captions.
    ui.vertical(|ui| {
        let caption = ui.text_style_height(&TextStyle::Small).max(SMALL_SIZE);
        ui.add_space(caption + ui.spacing().item_spacing.y);
        let size = vec2(0.0, ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
            if vote_button(ui, board, person) {
                board.update(person, |p| p.voting = !p.voting);
            }
            toggled = contact_button(ui, board, person, end.contact_open);
            let shift = widgets::move_buttons(
                ui,
                board,
                &person.name,
                place.up.is_some(),
                place.down.is_some(),
            );
            let to = match shift {
                Some(widgets::Shift::Up) => place.up,
                Some(widgets::Shift::Down) => place.down,
                None => None,
            };
            if let (Some(from), Some(to)) = (place.index, to) {
                board.push(Command::Move {
                    kind: ItemKind::Participant,
                    from,
                    to,
                });
            }
            if delete_button(ui, board, &person.name) {
                board.delete(ItemRef::Participant(person.id));
            }
        });
    });
    toggled
}

/// The button that opens (and closes) a participant's contact editor, named "Contact: name"
/// for screen readers and tests. Its mark is muted while the participant has no contact.
/// Returns whether it was pressed.
fn contact_button(ui: &mut Ui, board: &Board<'_>, person: &Participant, open: bool) -> bool {
    let colour = if person.contact.trim().is_empty() {
        board.theme.weak_text()
    } else {
        ui.visuals().text_color()
    };
    let button = egui::Button::new(egui::RichText::new(CONTACT_MARK).color(colour))
        .small()
        .selected(open);
    let response = ui.add(button);
    let name = format!(
        "{}: {}",
        board.tr.t("stakeholders-participant-contact-button"),
        person.name
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &name));
    response
        .on_hover_text(board.tr.t("stakeholders-participant-contact"))
        .clicked()
}

/// The right to vote as a small toggle, lit for a voting member and struck through for one
/// who takes part without a vote (an invited expert, an observer, staff); a check box named
/// "Right to vote: name" for screen readers and tests. Returns whether it was pressed.
fn vote_button(ui: &mut Ui, board: &Board<'_>, person: &Participant) -> bool {
    let mut mark = egui::RichText::new(board.tr.t("stakeholders-participant-vote-mark"));
    if !person.voting {
        mark = mark.strikethrough().color(board.theme.weak_text());
    }
    let response = ui.add(egui::Button::new(mark).small().selected(person.voting));
    let name = format!(
        "{}: {}",
        board.tr.t("stakeholders-participant-voting"),
        person.name
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, true, person.voting, &name)
    });
    let hover = if person.voting {
        "stakeholders-participant-voting-yes"
    } else {
        "stakeholders-participant-voting-no"
    };
    response.on_hover_text(board.tr.t(hover)).clicked()
}

/// A participant's contact as a muted line under their row; nothing when they have none.
/// Returns whether it was clicked (which opens its editor).
fn contact_line(ui: &mut Ui, board: &Board<'_>, person: &Participant) -> bool {
    let contact = person.contact.trim();
    if contact.is_empty() {
        return false;
    }
    let text = egui::RichText::new(format!("{CONTACT_MARK} {contact}"))
        .size(SMALL_SIZE)
        .color(board.theme.weak_text());
    // Close under the row it belongs to, lined up with the text in the name field.
    ui.add_space(-0.75 * ui.spacing().item_spacing.y);
    let indent = egui::Margin {
        left: ui.spacing().button_padding.x as i8,
        ..egui::Margin::ZERO
    };
    let clicked = egui::Frame::NONE
        .inner_margin(indent)
        .show(ui, |ui| {
            let label = egui::Label::new(text)
                .sense(egui::Sense::click())
                .truncate();
            ui.add(label)
                .on_hover_text(board.tr.t("stakeholders-participant-contact"))
                .clicked()
        })
        .inner;
    // A little air before the next row's captions.
    ui.add_space(0.5 * ui.spacing().item_spacing.y);
    clicked
}

/// The contact editor under a participant's row: a labelled field with an example as its
/// hint. Every keystroke is an update of the participant (typing coalesces into one undo
/// step). Enter or Escape closes it.
fn contact_editor(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    person: &Participant,
    width: f32,
) {
    let id = Id::unique(("stakeholders-participant-contact", person.id));
    if state.focus == Some(Focus::Contact(person.id)) {
        focus_field(ui, id, &person.contact);
        state.focus = None;
    }
    let had_focus = ui.memory(|m| m.has_focus(id));
    let label = board.tr.t("stakeholders-participant-contact");
    let hint = board.tr.t("stakeholders-participant-contact-hint");
    let field = Field::new(&label).hint(&hint).width(width);
    if let Some(contact) = text_field(ui, board, id, field, &person.contact) {
        board.push(Command::Update(Item::Participant(Participant {
            contact,
            ..person.clone()
        })));
    }
    let done = ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Escape));
    if had_focus && done && !ui.memory(|m| m.has_focus(id)) {
        state.contact_open = None;
        ui.ctx().request_repaint();
    }
}

/// A labelled 1–5 slider. Returns the new value when the user moved it.
fn scale(ui: &mut Ui, board: &Board<'_>, key: &'static str, value: u8) -> Option<u8> {
    let caption = ui.label(board.tr.t(key));
    let mut chosen = value.clamp(SCALE_MIN, SCALE_MAX);
    let response = ui
        .scope(|ui| {
            ui.spacing_mut().slider_width = FIELD_WIDTH * 0.35;
            ui.add(egui::Slider::new(&mut chosen, SCALE_MIN..=SCALE_MAX).trailing_fill(true))
        })
        .inner
        .labelled_by(caption.id);
    (response.changed() && chosen != value).then_some(chosen)
}

/// The optional vote weight: a check box to give the group a weight, and the weight. Returns
/// the new setting when the user changed it.
fn vote_weight(ui: &mut Ui, board: &Board<'_>, current: Option<u32>) -> Option<Option<u32>> {
    let mut weighted = current.is_some();
    let label = board.tr.t("stakeholders-vote-weight");
    let check = ui
        .checkbox(&mut weighted, &label)
        .on_hover_text(board.tr.t("stakeholders-vote-weight-hint"));
    if check.changed() {
        return Some(weighted.then_some(current.unwrap_or(1)));
    }
    let weight = current?;
    let mut value = weight;
    let response = ui
        .add(egui::DragValue::new(&mut value).range(1..=MAX_VOTE_WEIGHT))
        .labelled_by(check.id);
    (response.changed() && value != weight).then_some(Some(value))
}

/// Focuses a text field and selects its text, so typing replaces it.
fn focus_field(ui: &Ui, id: Id, text: &str) {
    ui.memory_mut(|m| m.request_focus(id));
    let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    edit.cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit.store(ui.ctx(), id);
}
