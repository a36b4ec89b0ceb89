//! Session & agenda: the header card (title, organisation, format, dates, venue, who leads and
//! who keeps the minutes, purpose) and the agenda as timeboxed cards with a running clock,
//! reordered by drag-and-drop (or by the keyboard with the move buttons); each card can hold
//! a speaking round ([`speakers`]).

use super::speakers;

use egui::{Id, RichText, Ui};

use crate::ui::board::Board;
use crate::ui::labels::{self, Named};
use crate::ui::widgets::focus_selecting_all;
use crate::ui::widgets::{self, Field};
use stratboard_core::commands::{Command, Item, ItemKind, ItemRef};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{
    AgendaItem, AgendaKind, AgendaStatus, BoardSection, Language, Meta, Session, SessionFormat,
};

/// Transient state of this section.
#[derive(Default)]
pub struct State {
    /// The agenda length when "Add agenda item" was pressed: the item that appears after it
    /// gets the keyboard focus.
    focus_new_after: Option<usize>,
    /// The header shows only the title and the facts line, leaving the screen to the agenda.
    header_folded: bool,
}

/// Draws the section; `sections` names every board section (an agenda item's section picker).
pub fn show(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    sections: &[(BoardSection, String)],
) {
    ui.heading(board.theme.heading(board.tr.t("section-session")));
    ui.add_space(4.0);
    let adding = state
        .focus_new_after
        .is_some_and(|before| board.session.agenda.len() > before);
    egui::ScrollArea::vertical()
        .id_salt("session-scroll")
        .auto_shrink([false; 2])
        // Jump to a new agenda item at once rather than glide for a few frames.
        .animated(!adding)
        .show(ui, |ui| {
            header_card(ui, board, &mut state.header_folded);
            ui.add_space(8.0);
            agenda(ui, board, state, sections);
        });
}

/// The width of a wide text field: as wide as the card allows, but not wider than reads well.
fn wide(ui: &Ui) -> f32 {
    (ui.available_width() - 40.0).clamp(200.0, 900.0)
}

/// The session header: every field of [`stratboard_core::model::Meta`], edited in place.
fn header_card(ui: &mut Ui, board: &mut Board<'_>, folded: &mut bool) {
    let session = board.session;
    let meta = &session.meta;
    board.theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        header_title(ui, board, folded);
        if *folded {
            return;
        }
        ui.add_space(6.0);

        let title_label = board.tr.t("session-title");
        let title = widgets::text_field(
            ui,
            board,
            Id::unique("meta-title"),
            Field::required(&title_label).width(wide(ui)),
            &meta.title,
        );
        if let Some(title) = title {
            set_meta(board, meta, |changed| changed.title = title);
        }
        organisation_row(ui, board, meta);
        dates_row(ui, board, session);
        people_row(ui, board, session);

        let label = board.tr.t("session-purpose");
        if let Some(purpose) = widgets::text_field(
            ui,
            board,
            Id::unique("meta-purpose"),
            Field::new(&label).multiline().width(wide(ui)),
            &meta.purpose,
        ) {
            set_meta(board, meta, |changed| changed.purpose = purpose);
        }
    });
}

/// Asks for the session's `meta` changed by `change`.
fn set_meta(board: &mut Board<'_>, meta: &Meta, change: impl FnOnce(&mut Meta)) {
    let mut changed = meta.clone();
    change(&mut changed);
    board.push(Command::SetMeta(changed));
}

/// What the room reads first: organisation, dates, format, venue.
fn facts_line(meta: &Meta, tr: &Tr) -> String {
    let mut facts = Vec::new();
    if !meta.organisation.trim().is_empty() {
        facts.push(meta.organisation.clone());
    }
    facts.push(match meta.start {
        Some(start) => tr.date_range(start, meta.end),
        None => tr.t("session-no-dates"),
    });
    facts.push(meta.format.name(tr));
    if !meta.venue.trim().is_empty() {
        facts.push(meta.venue.clone());
    }
    facts.join("  ·  ")
}

/// The header's first lines, shown even when it is folded: the title with the button that
/// folds or unfolds the fields, then the facts line.
fn header_title(ui: &mut Ui, board: &Board<'_>, folded: &mut bool) {
    let meta = &board.session.meta;
    let tr = board.tr;
    let facts = facts_line(meta, tr);
    egui::Sides::new().shrink_left().wrap().show(
        ui,
        |ui| ui.label(board.theme.card_title(&meta.title)),
        |ui| {
            let key = if *folded {
                "session-details-show"
            } else {
                "session-details-hide"
            };
            if ui.button(tr.t(key)).clicked() {
                *folded = !*folded;
            }
        },
    );
    ui.label(board.theme.caption(facts));
}

/// The organisation and the venue, on one line where they fit.
fn organisation_row(ui: &mut Ui, board: &mut Board<'_>, meta: &Meta) {
    let tr = board.tr;
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("session-organisation");
        if let Some(organisation) = widgets::text_field(
            ui,
            board,
            Id::unique("meta-organisation"),
            Field::new(&label),
            &meta.organisation,
        ) {
            set_meta(board, meta, |changed| changed.organisation = organisation);
        }
        let label = tr.t("session-venue");
        if let Some(venue) = widgets::text_field(
            ui,
            board,
            Id::unique("meta-venue"),
            Field::new(&label),
            &meta.venue,
        ) {
            set_meta(board, meta, |changed| changed.venue = venue);
        }
    });
}

/// The first and last day, the format and the session's language.
fn dates_row(ui: &mut Ui, board: &mut Board<'_>, session: &Session) {
    let meta = &session.meta;
    let tr = board.tr;
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("session-start");
        if let Some(start) =
            widgets::date_field(ui, board, Id::unique("meta-start"), &label, meta.start)
        {
            set_meta(board, meta, |changed| changed.start = start);
        }
        let label = tr.t("session-end");
        if let Some(end) = widgets::date_field(ui, board, Id::unique("meta-end"), &label, meta.end)
        {
            set_meta(board, meta, |changed| changed.end = end);
        }
        ui.add_space(12.0);
        let label = tr.t("session-format");
        if let Some(format) = widgets::picker(
            ui,
            board,
            Id::unique("meta-format"),
            &label,
            meta.format,
            &SessionFormat::ALL,
        ) {
            set_meta(board, meta, |changed| changed.format = format);
        }
        ui.add_space(12.0);
        // The protocol and the phone page follow it; the interface keeps its own.
        let label = tr.t("session-language");
        if let Some(language) = widgets::picker(
            ui,
            board,
            Id::unique("meta-language"),
            &label,
            session.language(),
            &Language::ALL,
        ) {
            set_meta(board, meta, |changed| changed.language = Some(language));
        }
    });
}

/// Who leads the session and who keeps the minutes.
fn people_row(ui: &mut Ui, board: &mut Board<'_>, session: &Session) {
    let meta = &session.meta;
    let tr = board.tr;
    let people: Vec<_> = session
        .participants
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("session-facilitator");
        if let Some(facilitator) = widgets::ref_picker(
            ui,
            board,
            Id::unique("meta-facilitator"),
            &label,
            meta.facilitator,
            &people,
        ) {
            set_meta(board, meta, |changed| changed.facilitator = facilitator);
        }
        ui.add_space(12.0);
        let label = tr.t("session-secretary");
        if let Some(secretary) = widgets::ref_picker(
            ui,
            board,
            Id::unique("meta-secretary"),
            &label,
            meta.secretary,
            &people,
        ) {
            set_meta(board, meta, |changed| changed.secretary = secretary);
        }
    });
}

/// `minutes` as a clock reading from the start of the session: "0:00", "1:45".
fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Where each agenda item starts, in minutes from the beginning, and the total planned time.
/// Skipped items take no time.
pub fn agenda_clock(agenda: &[AgendaItem]) -> (Vec<u32>, u32) {
    let mut starts = Vec::with_capacity(agenda.len());
    let mut total: u32 = 0;
    for item in agenda {
        starts.push(total);
        if item.status != AgendaStatus::Skipped {
            total = total.saturating_add(item.planned_minutes);
        }
    }
    (starts, total)
}

/// The index the model's `Move` needs for a drop reported by egui_dnd: egui_dnd's `to` is an
/// insertion index counted before the item is removed (see `egui_dnd::utils::shift_vec`), so
/// dropping an item further down lands one place before `to`.
pub fn drop_target(from: usize, to: usize) -> usize {
    if to > from { to - 1 } else { to }
}

/// The agenda: a heading with the total time and an add button, then the items in order.
fn agenda(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    sections: &[(BoardSection, String)],
) {
    let session = board.session;
    let tr = board.tr;
    let (starts, total) = agenda_clock(&session.agenda);
    ui.horizontal_wrapped(|ui| {
        ui.label(board.theme.heading(tr.t("session-agenda")));
        ui.add_space(12.0);
        let total_text = tr.args(
            "session-agenda-total",
            &[
                ("count", i64::from(total).into()),
                ("clock", clock(total).into()),
            ],
        );
        ui.label(RichText::new(total_text).strong());
        ui.add_space(12.0);
        if ui.button(tr.t("session-agenda-add")).clicked() {
            state.focus_new_after = Some(session.agenda.len());
            board.push(Command::Add(Item::AgendaItem(AgendaItem {
                title: tr.t("session-agenda-new-item"),
                ..AgendaItem::default()
            })));
        }
    });
    ui.add_space(4.0);
    if session.agenda.is_empty() {
        ui.label(board.theme.caption(tr.t("session-agenda-empty")));
        return;
    }

    // The item added last frame gets the focus, with its title selected for typing over.
    let mut new_item = None;
    if let Some(before) = state.focus_new_after
        && session.agenda.len() > before
    {
        state.focus_new_after = None;
        if let Some(item) = session.agenda.last() {
            focus_selecting_all(ui, Id::unique(("agenda-title", item.id)), &item.title);
            new_item = Some(item.id);
        }
    }

    let votes: Vec<_> = session
        .votes
        .iter()
        .map(|v| (v.id, v.question.clone()))
        .collect();
    let count = session.agenda.len();
    let ids = session.agenda.iter().map(|item| item.id);
    let response =
        egui_dnd::dnd(ui, Id::unique("agenda-dnd")).show(ids, |ui, _id, handle, item_state| {
            let index = item_state.index;
            let Some(item) = session.agenda.get(index) else {
                return;
            };
            let start = starts.get(index).copied().unwrap_or_default();
            let context = ItemContext {
                index,
                count,
                start,
                votes: &votes,
                sections,
            };
            agenda_card(ui, board, item, &context, handle);
            if new_item == Some(item.id) {
                ui.scroll_to_cursor(None);
            }
        });
    if let Some(update) = response.final_update() {
        let to = drop_target(update.from, update.to);
        if to != update.from && to < count {
            board.push(Command::Move {
                kind: ItemKind::AgendaItem,
                from: update.from,
                to,
            });
        }
    }
}

/// What an agenda card needs besides the item itself.
struct ItemContext<'a> {
    index: usize,
    count: usize,
    start: u32,
    votes: &'a [(stratboard_core::model::VoteId, String)],
    sections: &'a [(BoardSection, String)],
}

/// One agenda item as a card.
fn agenda_card(
    ui: &mut Ui,
    board: &mut Board<'_>,
    item: &AgendaItem,
    context: &ItemContext<'_>,
    handle: egui_dnd::Handle<'_>,
) {
    let frame = if item.status == AgendaStatus::InProgress {
        board.theme.card_selected()
    } else {
        board.theme.card()
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            agenda_card_title(ui, board, item, context, handle);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                agenda_card_buttons(ui, board, item, context);
            });
        });
        ui.horizontal_wrapped(|ui| agenda_card_fields(ui, board, item, context));
        let label = board.tr.t("session-agenda-notes");
        if let Some(notes) = widgets::text_field(
            ui,
            board,
            Id::unique(("agenda-notes", item.id)),
            Field::new(&label).inline().width(wide(ui)),
            &item.notes,
        ) {
            board.update(item, |changed| changed.notes = notes);
        }
        speakers::speakers(ui, board, item);
    });
}

/// The start of an agenda card's top row: the drag handle with the item's number, its
/// timebox on the session's clock, and its title.
fn agenda_card_title(
    ui: &mut Ui,
    board: &mut Board<'_>,
    item: &AgendaItem,
    context: &ItemContext<'_>,
    handle: egui_dnd::Handle<'_>,
) {
    let tr = board.tr;
    let theme = board.theme;
    let number = format!("{}.", context.index + 1);
    handle
        .ui(ui, |ui| {
            ui.horizontal(|ui| {
                grip(ui, theme.weak_text());
                ui.label(theme.card_title(number).color(theme.weak_text()));
            });
        })
        .on_hover_text(tr.t("common-move-handle"));
    let time = if item.status == AgendaStatus::Skipped {
        clock(context.start)
    } else {
        format!(
            "{} – {}",
            clock(context.start),
            clock(context.start.saturating_add(item.planned_minutes))
        )
    };
    ui.label(theme.card_title(time));
    ui.add_space(8.0);
    let label = tr.t("common-title");
    if let Some(title) = widgets::text_field(
        ui,
        board,
        Id::unique(("agenda-title", item.id)),
        Field::required(&label)
            .inline()
            .width((ui.available_width() - 150.0).clamp(160.0, 900.0)),
        &item.title,
    ) {
        board.update(item, |changed| changed.title = title);
    }
}

/// The end of an agenda card's top row, laid out right to left: delete, move down, move up.
fn agenda_card_buttons(
    ui: &mut Ui,
    board: &mut Board<'_>,
    item: &AgendaItem,
    context: &ItemContext<'_>,
) {
    let tr = board.tr;
    if widgets::delete_button(ui, board, &item.title) {
        board.delete(ItemRef::AgendaItem(item.id));
    }
    let down = tr.with("session-agenda-move-down", "name", &item.title);
    let can_down = context.index + 1 < context.count;
    if move_button(ui, &down, can_down, false) {
        board.push(Command::Move {
            kind: ItemKind::AgendaItem,
            from: context.index,
            to: context.index + 1,
        });
    }
    let up = tr.with("session-agenda-move-up", "name", &item.title);
    if move_button(ui, &up, context.index > 0, true) {
        board.push(Command::Move {
            kind: ItemKind::AgendaItem,
            from: context.index,
            to: context.index.saturating_sub(1),
        });
    }
}

/// An agenda card's second line: kind, planned minutes, status, section and vote.
fn agenda_card_fields(
    ui: &mut Ui,
    board: &mut Board<'_>,
    item: &AgendaItem,
    context: &ItemContext<'_>,
) {
    let tr = board.tr;
    let label = tr.t("session-agenda-kind");
    if let Some(kind) = widgets::picker(
        ui,
        board,
        Id::unique(("agenda-kind", item.id)),
        &label,
        item.kind,
        &AgendaKind::ALL,
    ) {
        board.update(item, |changed| changed.kind = kind);
    }
    ui.add_space(8.0);
    planned_minutes(ui, board, item);
    ui.add_space(8.0);
    let label = tr.t("common-status");
    if let Some(status) = widgets::picker(
        ui,
        board,
        Id::unique(("agenda-status", item.id)),
        &label,
        item.status,
        &labels::AGENDA_STATUSES,
    ) {
        board.update(item, |changed| changed.status = status);
    }
    ui.add_space(8.0);
    let label = tr.t("session-agenda-section");
    if let Some(section) = widgets::ref_picker(
        ui,
        board,
        Id::unique(("agenda-section", item.id)),
        &label,
        item.section,
        context.sections,
    ) {
        board.update(item, |changed| changed.section = section);
    }
    ui.add_space(8.0);
    let label = tr.t("session-agenda-vote");
    if let Some(vote) = widgets::ref_picker(
        ui,
        board,
        Id::unique(("agenda-vote", item.id)),
        &label,
        item.vote,
        context.votes,
    ) {
        board.update(item, |changed| changed.vote = vote);
    }
}

/// The item's planned minutes: a caption over a drag value.
fn planned_minutes(ui: &mut Ui, board: &mut Board<'_>, item: &AgendaItem) {
    let tr = board.tr;
    let theme = board.theme;
    let mut minutes = item.planned_minutes;
    let changed = ui
        .vertical(|ui| {
            let caption = ui.label(theme.caption(tr.t("session-agenda-minutes")));
            let unit = format!(" {}", tr.t("session-agenda-minutes-unit"));
            ui.add(
                egui::DragValue::new(&mut minutes)
                    .range(0..=600)
                    .speed(0.25)
                    .suffix(unit),
            )
            .labelled_by(caption.id)
            .changed()
        })
        .inner;
    if changed && minutes != item.planned_minutes {
        board.update(item, |changed| changed.planned_minutes = minutes);
    }
}

/// Six dots that show where an agenda card can be grabbed (drawn, so no font needs a glyph
/// for them).
fn grip(ui: &mut Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 22.0), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        for column in [-1.0, 1.0] {
            for row in [-1.0, 0.0, 1.0] {
                let centre = rect.center() + egui::vec2(column * 3.0, row * 6.0);
                ui.painter().circle_filled(centre, 1.8, colour);
            }
        }
    }
}

/// A small button with an arrow up or down (drawn, so no font needs a glyph for it) and an
/// accessible name saying what it moves.
fn move_button(ui: &mut Ui, name: &str, enabled: bool, up: bool) -> bool {
    ui.add_enabled_ui(enabled, |ui| {
        let size = egui::vec2(28.0, ui.spacing().interact_size.y);
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
        if ui.is_rect_visible(rect) {
            let visuals = ui.style().interact(&response);
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
            let c = rect.center();
            let (w, h) = (6.0, 4.0);
            let points = if up {
                vec![
                    c + egui::vec2(0.0, -h),
                    c + egui::vec2(w, h),
                    c + egui::vec2(-w, h),
                ]
            } else {
                vec![
                    c + egui::vec2(-w, -h),
                    c + egui::vec2(w, -h),
                    c + egui::vec2(0.0, h),
                ]
            };
            ui.painter().add(egui::Shape::convex_polygon(
                points,
                visuals.fg_stroke.color,
                egui::Stroke::NONE,
            ));
        }
        response.on_hover_text(name).clicked()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_below_lands_one_place_before_the_insertion_index() {
        // egui_dnd reports dragging item 0 below item 2 as to = 3 in a list of 4.
        assert_eq!(drop_target(0, 3), 2);
        assert_eq!(drop_target(0, 4), 3);
        assert_eq!(drop_target(3, 0), 0);
        assert_eq!(drop_target(2, 2), 2);
        assert_eq!(drop_target(1, 2), 1);
        let mut v = vec![0, 1, 2, 3];
        egui_dnd::utils::shift_vec(0, 3, &mut v);
        let mut w = vec![0, 1, 2, 3];
        let moved = w.remove(0);
        w.insert(drop_target(0, 3), moved);
        assert_eq!(v, w);
    }

    #[test]
    fn skipped_items_take_no_time() {
        let agenda = vec![
            AgendaItem {
                planned_minutes: 15,
                ..AgendaItem::default()
            },
            AgendaItem {
                planned_minutes: 30,
                status: AgendaStatus::Skipped,
                ..AgendaItem::default()
            },
            AgendaItem {
                planned_minutes: 20,
                ..AgendaItem::default()
            },
        ];
        assert_eq!(agenda_clock(&agenda), (vec![0, 15, 15], 35));
        assert_eq!(clock(95), "1:35");
    }
}
