//! The speaking round on the projector: who has the floor (name, job title, organisation,
//! group), their countdown in the colours of the agenda timer (amber in the last two minutes,
//! red when time is up), who is next, and the order with who has spoken.
//!
//! Also the secretary's key-point bar ([`note_bar`]): one line under the presentation (or
//! under the board while the audience window shows the round) that adds what the speaker
//! said to the interests of their group's position on the alternative in discussion.

use std::collections::HashMap;

use egui::{FontId, Id, Key, RichText, Ui};

use super::speakers::name_with_group;
use crate::ui::board::Board;
use crate::ui::projector::{Ctx, TimerDisplay, Urgency, format_remaining};
use crate::ui::theme;
use stratboard_core::commands::key_point;
use stratboard_core::model::{
    AgendaItem, AgendaItemId, AlternativeId, Session, Speaker, SpeakerWho, TurnStatus,
};

/// The speaking-round screen of `item` (read-only); drawn while someone is to speak (a
/// finished round shows the item's section instead).
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>, item: &AgendaItem, timer: Option<TimerDisplay>) {
    let tr = cx.board.tr;
    let session = cx.board.session;
    let Some(current) = item.current_speaker() else {
        return;
    };
    let speaker = &item.speakers[current];
    cx.card_highlighted().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(cx.small(tr.args(
            "speaking-turn-of",
            &[
                ("number", (current + 1).into()),
                ("count", item.speakers.len().into()),
            ],
        )));
        ui.horizontal(|ui| {
            let width = ui.available_width();
            ui.vertical(|ui| {
                ui.set_width(width * 0.62);
                who_block(ui, cx, session, speaker);
            });
            ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                countdown(ui, cx, speaker, timer);
            });
        });
    });
    ui.add_space(cx.gap());
    match item.next_speaker() {
        Some(next) => {
            let speaker = &item.speakers[next];
            ui.horizontal_wrapped(|ui| {
                ui.label(cx.title(tr.t("speaking-next")).color(cx.pal.weak));
                ui.label(cx.title(name_with_group(session, speaker)));
            });
        }
        None => {
            ui.label(cx.body(tr.t("speaking-last")).color(cx.pal.weak));
        }
    }
    ui.add_space(cx.gap());
    order(ui, cx, session, item);
}

/// Name, job title, organisation and group of a speaker.
fn who_block(ui: &mut Ui, cx: &Ctx<'_, '_>, session: &Session, speaker: &Speaker) {
    let tr = cx.board.tr;
    let name = speaker.name(session);
    let size = theme::HEADING_SIZE * cx.scale * 1.5;
    ui.label(cx.heading(name).size(size));
    match speaker.who {
        SpeakerWho::Participant(id) => {
            if let Some(person) = session.participant(id) {
                let details: Vec<&str> = [person.position.as_str(), person.organisation.as_str()]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect();
                if !details.is_empty() {
                    ui.label(cx.title(details.join(", ")).color(cx.pal.weak));
                }
                if let Some(group) = person.group.and_then(|g| session.group(g)) {
                    ui.label(cx.body(tr.with("speaking-group", "name", &group.name)));
                }
            }
        }
        SpeakerWho::Group(_) => {
            ui.label(cx.body(tr.t("speaking-for-the-group")).color(cx.pal.weak));
        }
    }
}

/// The turn's countdown, big, in the colour of its phase.
fn countdown(ui: &mut Ui, cx: &Ctx<'_, '_>, speaker: &Speaker, timer: Option<TimerDisplay>) {
    let tr = cx.board.tr;
    let Some(timer) = timer.filter(|_| speaker.minutes > 0) else {
        ui.label(cx.small(tr.t("speaking-no-limit")));
        return;
    };
    let colour = match timer.urgency {
        Urgency::Calm => cx.pal.text,
        Urgency::Amber => cx.pal.amber,
        Urgency::Red => cx.pal.red,
    };
    let text = format_remaining(timer.remaining_secs);
    let response = ui.label(
        RichText::new(&text)
            .font(FontId::new(
                theme::HEADING_SIZE * 3.0 * cx.scale,
                theme::bold(),
            ))
            .color(colour),
    );
    // Screen readers (and tests) hear the phase, which the colour alone shows.
    let phase = match timer.urgency {
        Urgency::Calm => tr.t("speaking-phase-calm"),
        Urgency::Amber => tr.t("speaking-phase-amber"),
        Urgency::Red => tr.t("speaking-phase-red"),
    };
    let label = tr.args(
        "speaking-countdown",
        &[("time", text.into()), ("phase", phase.into())],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    let limit = tr.n("speaking-limit", i64::from(speaker.minutes));
    let note = if timer.paused {
        format!("{} · {limit}", tr.t("present-view-paused"))
    } else {
        limit
    };
    ui.label(cx.small(note));
}

/// The whole order by name (the groups are on the card and the "next" line): spoken ones
/// ticked, skipped ones struck out, the one with the floor highlighted; in two columns from
/// five speakers on, so that a round of a dozen still fits a 720p projector.
fn order(ui: &mut Ui, cx: &Ctx<'_, '_>, session: &Session, item: &AgendaItem) {
    ui.label(cx.title(cx.board.tr.t("speaking-order")));
    let count = item.speakers.len();
    if count <= 4 {
        for index in 0..count {
            order_line(ui, cx, session, item, index);
        }
        return;
    }
    let half = count.div_ceil(2);
    ui.columns(2, |columns| {
        for (column, range) in columns.iter_mut().zip([0..half, half..count]) {
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                for index in range {
                    order_line(ui, cx, session, item, index);
                }
            });
        }
    });
}

/// One line of the order.
fn order_line(ui: &mut Ui, cx: &Ctx<'_, '_>, session: &Session, item: &AgendaItem, index: usize) {
    let Some(speaker) = item.speakers.get(index) else {
        return;
    };
    let line = format!("{}. {}", index + 1, speaker.name(session));
    let (mark, text) = match speaker.status {
        TurnStatus::Spoke => ("✓", cx.body(line).color(cx.pal.weak)),
        TurnStatus::Skipped => (
            "–",
            cx.body(format!("{line} ({})", cx.board.tr.t("speaking-skipped")))
                .color(cx.pal.weak)
                .strikethrough(),
        ),
        TurnStatus::Waiting if Some(index) == item.current_speaker() => {
            ("▶", cx.body(line).color(cx.pal.accent).strong())
        }
        TurnStatus::Waiting => (" ", cx.body(line)),
    };
    ui.horizontal(|ui| {
        ui.add_sized(
            [
                theme::BODY_SIZE * cx.scale * 1.4,
                theme::BODY_SIZE * cx.scale,
            ],
            egui::Label::new(cx.body(mark).color(cx.pal.accent)),
        );
        ui.label(text);
    });
}

/// What the key-point bar remembers (transient, never saved).
#[derive(Debug, Default)]
pub struct NoteState {
    /// The point being typed.
    pub draft: String,
    /// The alternative the points go to, per agenda item, once the secretary picked one.
    pub alternative: HashMap<AgendaItemId, AlternativeId>,
}

/// The speaker the secretary's notes are about: the one with the floor, else the one who spoke
/// last.
pub fn noted_speaker(item: &AgendaItem) -> Option<&Speaker> {
    item.current_speaker()
        .or_else(|| item.previous_speaker())
        .and_then(|i| item.speakers.get(i))
}

/// The alternative in discussion during `item`: the one the secretary picked, else the first
/// revealed alternative of the item's vote.
fn alternative_of(
    session: &Session,
    item: &AgendaItem,
    state: &NoteState,
) -> Option<AlternativeId> {
    let visible = |id: &AlternativeId| session.alternative(*id).is_some_and(|a| !a.hidden);
    state
        .alternative
        .get(&item.id)
        .copied()
        .filter(visible)
        .or_else(|| {
            item.vote
                .and_then(|v| session.vote(v))
                .and_then(|v| v.alternatives.iter().copied().find(visible))
        })
}

/// The secretary's bar: the alternative in discussion, a field for a key point (Enter adds it)
/// and the button that adds it to the interests of the speaker's group.
pub fn note_bar(ui: &mut Ui, board: &mut Board<'_>, state: &mut NoteState, item: AgendaItemId) {
    let session = board.session;
    let tr = board.tr;
    let Some(item) = session.agenda_item(item) else {
        return;
    };
    let Some(speaker) = noted_speaker(item) else {
        return;
    };
    let group = speaker.group(session).and_then(|g| session.group(g));
    let alternative = alternative_of(session, item, state);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let who = name_with_group(session, speaker);
        ui.label(
            board
                .theme
                .card_title(tr.with("speaking-note-for", "name", &who)),
        );
        let Some(group) = group else {
            ui.label(board.theme.caption(tr.t("speaking-note-no-group")));
            return;
        };
        let options: Vec<(AlternativeId, String)> = session
            .alternatives
            .iter()
            .filter(|a| !a.hidden)
            .map(|a| (a.id, a.title.clone()))
            .collect();
        let label = tr.t("speaking-note-alternative");
        if let Some(chosen) = crate::ui::widgets::ref_picker(
            ui,
            board,
            Id::unique(("speaking-note-alternative", item.id)),
            &label,
            alternative,
            &options,
        ) {
            match chosen {
                Some(id) => {
                    state.alternative.insert(item.id, id);
                }
                None => {
                    state.alternative.remove(&item.id);
                }
            }
        }
        let alternative = alternative_of(session, item, state);
        let mut add = false;
        ui.vertical(|ui| {
            let caption = ui.label(board.theme.caption(tr.t("speaking-note-point")));
            let response = ui
                .add_enabled(
                    alternative.is_some(),
                    egui::TextEdit::singleline(&mut state.draft)
                        .id(Id::unique("speaking-note-draft"))
                        .hint_text(tr.t("speaking-note-hint"))
                        // Room for the button after it.
                        .desired_width((ui.available_width() - 240.0).clamp(200.0, 800.0)),
                )
                .labelled_by(caption.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                add = true;
                response.request_focus();
            }
        });
        ui.vertical(|ui| {
            ui.label(board.theme.caption(" "));
            let enabled = alternative.is_some() && !state.draft.trim().is_empty();
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(tr.t("speaking-note-add"))
                        .wrap_mode(egui::TextWrapMode::Extend),
                )
                .clicked()
            {
                add = true;
            }
        });
        if let Some(alternative) = alternative
            && add
            && let Some(command) = key_point(session, group.id, alternative, &state.draft)
        {
            board.push(command);
            state.draft.clear();
        }
    });
    if group.is_some() && alternative.is_none() {
        ui.label(board.theme.caption(tr.t("speaking-note-pick")));
    }
    ui.add_space(4.0);
}
