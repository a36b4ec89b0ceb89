//! The speaking round on an agenda card: the order of speakers (participants, or one speaker
//! per group), each with a time limit, reordered with the move buttons, skipped or given the
//! floor back, removed, and added one by one or all at once (everyone, or one per group).
//!
//! Every change is an update of the agenda item, so it is one undo step like any edit.

use egui::{Id, RichText, Ui};

use crate::ui::board::Board;
use crate::ui::widgets::{self, Shift};
use stratboard_core::model::{
    AgendaItem, DEFAULT_TURN_MINUTES, MAX_TURN_MINUTES, Session, Speaker, SpeakerWho, TurnStatus,
};

/// The speaking round of `item`, folded under a header that counts the speakers.
pub(super) fn speakers(ui: &mut Ui, board: &mut Board<'_>, item: &AgendaItem) {
    let tr = board.tr;
    let title = if item.has_speakers() {
        tr.n("speaking-editor-title-count", item.speakers.len() as i64)
    } else {
        tr.t("speaking-editor-title")
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("speaking-editor", item.id))
        .default_open(item.has_speakers())
        .show(ui, |ui| {
            if item.has_speakers() {
                // Long names are cut (in full on hover) so that a row fits a 1280-pixel board.
                let name_width = (ui.available_width() * 0.4).max(160.0);
                egui::Grid::new(("speaking-editor-grid", item.id))
                    .num_columns(4)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        for index in 0..item.speakers.len() {
                            speaker_row(ui, board, item, index, name_width);
                        }
                    });
            }
            add_row(ui, board, item);
        });
}

/// The time limit a new speaker gets: the last speaker's, else the default.
fn new_minutes(item: &AgendaItem) -> u32 {
    item.speakers
        .last()
        .map_or(DEFAULT_TURN_MINUTES, |s| s.minutes)
}

/// "Name — group": a speaker as a row of the editor and a line of the order on the projector
/// call them (a group speaking for itself is just its name).
pub(super) fn name_with_group(session: &Session, speaker: &Speaker) -> String {
    let name = speaker.name(session);
    match speaker.who {
        SpeakerWho::Participant(_) => match speaker.group(session).and_then(|g| session.group(g)) {
            Some(group) => format!("{name} — {}", group.name),
            None => name,
        },
        SpeakerWho::Group(_) => name,
    }
}

/// One speaker: number, name, time limit, status, move / skip / remove.
fn speaker_row(
    ui: &mut Ui,
    board: &mut Board<'_>,
    item: &AgendaItem,
    index: usize,
    name_width: f32,
) {
    let session = board.session;
    let tr = board.tr;
    let Some(speaker) = item.speakers.get(index) else {
        return;
    };
    let name = speaker.name(session);
    let text = RichText::new(format!(
        "{}. {}",
        index + 1,
        name_with_group(session, speaker)
    ));
    let text = match speaker.status {
        TurnStatus::Waiting => text,
        TurnStatus::Spoke => text.color(board.theme.weak_text()),
        TurnStatus::Skipped => text.color(board.theme.weak_text()).strikethrough(),
    };
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(name_width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(name_width);
            ui.add(egui::Label::new(text).truncate());
        },
    );
    let mut minutes = speaker.minutes;
    let unit = format!(" {}", tr.t("session-agenda-minutes-unit"));
    let changed = ui
        .add(
            egui::DragValue::new(&mut minutes)
                .range(0..=MAX_TURN_MINUTES)
                .speed(0.1)
                .suffix(unit),
        )
        .on_hover_text(tr.t("speaking-editor-minutes-hint"))
        .accessible_name(tr.with("speaking-editor-minutes", "name", &name))
        .changed();
    if changed && minutes != speaker.minutes {
        board.update(item, |changed| {
            if let Some(s) = changed.speakers.get_mut(index) {
                s.minutes = minutes;
            }
        });
    }
    let status = match (speaker.status, speaker.spoke_at) {
        (TurnStatus::Spoke, Some(at)) => tr.with(
            "speaking-editor-spoke-at",
            "time",
            &at.format("%H:%M").to_string(),
        ),
        (TurnStatus::Spoke, None) => tr.t("speaking-editor-spoke"),
        (TurnStatus::Skipped, _) => tr.t("speaking-skipped"),
        (TurnStatus::Waiting, _) if item.current_speaker() == Some(index) => {
            tr.t("speaking-editor-has-floor")
        }
        (TurnStatus::Waiting, _) => String::new(),
    };
    ui.label(board.theme.caption(status));
    ui.horizontal(|ui| buttons(ui, board, item, index, &name));
    ui.end_row();
}

/// Move, skip (or give the floor again) and remove one speaker.
fn buttons(ui: &mut Ui, board: &mut Board<'_>, item: &AgendaItem, index: usize, name: &str) {
    let tr = board.tr;
    let Some(speaker) = item.speakers.get(index) else {
        return;
    };
    let count = item.speakers.len();
    if let Some(shift) = widgets::move_buttons(ui, board, name, index > 0, index + 1 < count) {
        let to = match shift {
            Shift::Up => index.saturating_sub(1),
            Shift::Down => index + 1,
        };
        board.update(item, |changed| changed.speakers.swap(index, to));
    }
    let (key, next) = match speaker.status {
        TurnStatus::Waiting => ("speaking-editor-skip", TurnStatus::Skipped),
        TurnStatus::Spoke | TurnStatus::Skipped => ("speaking-editor-again", TurnStatus::Waiting),
    };
    let text = tr.t(key);
    let button = ui
        .add(egui::Button::new(&text).small())
        .accessible_name(format!("{text}: {name}"));
    if button.clicked()
        && let Some(changed) = item.with_turn_ended(index, next, None)
    {
        board.push(stratboard_core::commands::Command::Update(
            stratboard_core::commands::Item::AgendaItem(changed),
        ));
    }
    if widgets::delete_button(ui, board, name) {
        board.update(item, |changed| {
            changed.speakers.remove(index);
        });
    }
}

/// Add one speaker (a participant or a group not yet in the order), or everyone at once.
fn add_row(ui: &mut Ui, board: &mut Board<'_>, item: &AgendaItem) {
    let session = board.session;
    let tr = board.tr;
    let listed = |who: SpeakerWho| item.speakers.iter().any(|s| s.who == who);
    let mut options: Vec<(SpeakerWho, String)> = session
        .participants
        .iter()
        .map(|p| SpeakerWho::Participant(p.id))
        .chain(
            session
                .stakeholder_groups
                .iter()
                .map(|g| SpeakerWho::Group(g.id)),
        )
        .filter(|who| !listed(*who))
        .map(|who| {
            let speaker = Speaker::new(who);
            let name = match who {
                SpeakerWho::Participant(_) => name_with_group(session, &speaker),
                SpeakerWho::Group(_) => tr.with(
                    "speaking-editor-group-option",
                    "name",
                    &speaker.name(session),
                ),
            };
            (who, name)
        })
        .collect();
    options.sort_by_key(|(who, _)| matches!(who, SpeakerWho::Group(_)));
    let minutes = new_minutes(item);
    let add = |changed: &mut AgendaItem, who: &mut dyn Iterator<Item = SpeakerWho>| {
        for who in who {
            if !changed.speakers.iter().any(|s| s.who == who) {
                changed.speakers.push(Speaker {
                    minutes,
                    ..Speaker::new(who)
                });
            }
        }
    };
    ui.horizontal_wrapped(|ui| {
        if !options.is_empty() {
            let label = tr.t("speaking-editor-add");
            if let Some(Some(who)) = widgets::ref_picker(
                ui,
                board,
                Id::unique(("speaking-editor-add", item.id)),
                &label,
                None,
                &options,
            ) {
                board.update(item, |changed| add(changed, &mut std::iter::once(who)));
            }
        }
        ui.vertical(|ui| {
            ui.label(board.theme.caption(" "));
            ui.horizontal(|ui| {
                let everyone = session
                    .participants
                    .iter()
                    .any(|p| !listed(SpeakerWho::Participant(p.id)));
                if everyone && ui.button(tr.t("speaking-editor-add-everyone")).clicked() {
                    board.update(item, |changed| {
                        add(
                            changed,
                            &mut session
                                .participants
                                .iter()
                                .map(|p| SpeakerWho::Participant(p.id)),
                        )
                    });
                }
                let groups = session
                    .stakeholder_groups
                    .iter()
                    .any(|g| !listed(SpeakerWho::Group(g.id)));
                if groups && ui.button(tr.t("speaking-editor-add-groups")).clicked() {
                    board.update(item, |changed| {
                        add(
                            changed,
                            &mut session
                                .stakeholder_groups
                                .iter()
                                .map(|g| SpeakerWho::Group(g.id)),
                        )
                    });
                }
            });
        });
    });
}
