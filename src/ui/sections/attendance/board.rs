//! The registration view, for the secretary at the door: the counts and the quorum at the top,
//! the session's rules (quorum, proxies per member, when the session was opened), a search by
//! name as you type, and one row per participant with one button — or one key — per mark.
//!
//! Keys in the search field: ↑ ↓ pick a row among those found, Enter marks it present in the
//! room, Shift+Enter present remotely, Ctrl+Enter gone, Alt+Enter absent; the search is then
//! cleared for the next person. Every mark is one command, so one undo step.
//!
//! A voting member who is absent (or not yet registered) can give their vote to a present one:
//! «Доверенность…» opens the proxy's editor under their row, which says why a proxy cannot be
//! recorded before it is tried. A proxy whose giver arrived is shown suspended.

use egui::{Id, Key, Modifiers, Ui};

use crate::ui::board::Board;
use crate::ui::messages::proxy_problem;
use crate::ui::quorum::{QuorumState, clock, quorum_line, quorum_parts, rule_name, status_text};
use crate::ui::theme::{CARD_GAP, STABLE};
use crate::ui::widgets;
use stratboard_core::commands::{AttendanceOp, AttendanceRefusal, Command, check_new_proxy};
use stratboard_core::model::{
    Participant, ParticipantId, Presence, Proxy, QuorumRule, Registration, Session,
};

/// The widest the list's rows grow: names and buttons stay together on a wide screen.
const MAX_ROW_WIDTH: f32 = 1100.0;

/// Which participants the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Everyone.
    #[default]
    All,
    /// Nobody has marked them yet.
    Unmarked,
    /// Here now (in the room or remotely).
    Here,
    /// Absent, or gone.
    Away,
}

/// The view's transient state.
#[derive(Default)]
pub struct State {
    /// The search typed so far.
    query: String,
    /// The row picked with ↑ ↓ among those found.
    picked: usize,
    /// Which participants are listed.
    filter: Filter,
    /// The giver whose proxy editor is open, with the holder picked and the note typed.
    proxy: Option<ProxyDraft>,
    /// The search field has had its first focus.
    focused: bool,
    /// The rows found, kept while the session (its revision), the search and the filter are
    /// as they were: a search reads every participant's text.
    found: Option<Found>,
}

/// The rows a search found.
struct Found {
    revision: u64,
    query: String,
    filter: Filter,
    rows: Vec<usize>,
}

impl State {
    /// The rows for `session` at `revision`, found again only when something changed.
    fn rows(&mut self, session: &Session, revision: u64) -> &[usize] {
        let fresh = self.found.as_ref().is_some_and(|f| {
            f.revision == revision && f.filter == self.filter && f.query == self.query
        });
        if !fresh {
            self.found = Some(Found {
                revision,
                query: self.query.clone(),
                filter: self.filter,
                rows: found(session, &self.query, self.filter),
            });
        }
        self.found.as_ref().map_or(&[], |f| f.rows.as_slice())
    }
}

/// A proxy being written.
struct ProxyDraft {
    from: ParticipantId,
    to: Option<ParticipantId>,
    note: String,
}

/// A mark asked for, by a key or a button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Present in the room.
    InRoom,
    /// Present remotely.
    Remote,
    /// Gone before the end.
    Left,
    /// Absent.
    Absent,
    /// Not registered (the mark taken off).
    Clear,
}

/// The command a mark of `participant` is, at `now`; `None` when it would change nothing
/// (leaving while not here).
pub fn mark_command(
    session: &Session,
    participant: ParticipantId,
    mark: Mark,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Command> {
    let op = match mark {
        Mark::InRoom | Mark::Remote => AttendanceOp::Arrive {
            participant,
            presence: if mark == Mark::InRoom {
                Presence::InRoom
            } else {
                Presence::Remote
            },
            at: Some(now),
        },
        Mark::Left => {
            session.attendance.is_here(participant).then_some(())?;
            AttendanceOp::Leave {
                participant,
                at: now,
            }
        }
        Mark::Absent => AttendanceOp::Absent { participant },
        Mark::Clear => AttendanceOp::Register {
            participant,
            registration: None,
        },
    };
    Some(Command::Attendance(op))
}

/// Where in the session's list the participants a search and filter show are, in order: each
/// word of the query is found in the name, position, organisation or group (any case).
pub fn found(session: &Session, query: &str, filter: Filter) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    session
        .participants
        .iter()
        .enumerate()
        .filter(|(_, p)| passes(session.attendance.registration(p.id), filter))
        .filter(|(_, p)| {
            if words.is_empty() {
                return true;
            }
            let group = p
                .group
                .and_then(|g| session.group(g))
                .map_or("", |g| g.name.as_str());
            let text =
                format!("{} {} {} {group}", p.name, p.position, p.organisation).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

fn passes(registration: Option<&Registration>, filter: Filter) -> bool {
    match filter {
        Filter::All => true,
        Filter::Unmarked => registration.is_none(),
        Filter::Here => registration.is_some_and(Registration::is_here),
        Filter::Away => registration.is_some_and(|r| !r.is_here()),
    }
}

/// Draws the view.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let tr = board.tr;
    let session = board.session;
    let count = tr.n("count-participants", session.participants.len() as i64);
    widgets::heading_with_count(ui, board, tr.t("section-attendance"), Some(count));
    if session.participants.is_empty() {
        ui.label(board.theme.caption(tr.t("attendance-empty")));
        return;
    }
    counts(ui, board);
    rules(ui, board);
    ui.add_space(CARD_GAP / 2.0);
    filters(ui, board, state);
    let rows: Vec<&Participant> = state
        .rows(session, board.revision)
        .iter()
        .filter_map(|&i| session.participants.get(i))
        .collect();
    state.picked = state.picked.min(rows.len().saturating_sub(1));
    search(ui, board, state, &rows);
    ui.add_space(CARD_GAP / 2.0);
    if rows.is_empty() {
        ui.label(board.theme.caption(tr.t("attendance-none-found")));
        return;
    }
    let picked = rows.get(state.picked).map(|p| p.id);
    egui::ScrollArea::vertical()
        .id_salt("attendance-scroll")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            ui.set_max_width(MAX_ROW_WIDTH.min(ui.available_width()));
            widgets::lazy_list(ui, Id::unique("attendance-list"), rows.len(), |ui, i| {
                if let Some(person) = rows.get(i) {
                    row(ui, board, state, person, picked == Some(person.id));
                }
            });
        });
}

/// «Зарегистрировано 17 из 25 членов · 3 приглашённых», and the quorum under it.
fn counts(ui: &mut Ui, board: &Board<'_>) {
    let tr = board.tr;
    let session = board.session;
    let count = session.quorum_count();
    let guests = session
        .participants
        .iter()
        .filter(|p| !p.voting && session.attendance.is_here(p.id))
        .count();
    let line = tr.args(
        "attendance-registered",
        &[
            ("present", count.present.into()),
            ("members", count.members.into()),
            ("guests", (guests as i64).into()),
        ],
    );
    ui.label(egui::RichText::new(line).size(crate::ui::theme::CARD_TITLE_SIZE));
    ui.horizontal_wrapped(|ui| {
        // Without a rule the line above says it all; the parts follow.
        if let Some((text, state)) = quorum_line(tr, session)
            && state != QuorumState::Counted
        {
            let colour = match state {
                QuorumState::Met => STABLE,
                _ => board.theme.warning(),
            };
            ui.label(egui::RichText::new(text).color(colour).strong());
        }
        ui.label(board.theme.caption(quorum_parts(tr, session, &count)));
    });
}

/// The session's rules: the quorum, proxies per member, and when the session was opened.
fn rules(ui: &mut Ui, board: &mut Board<'_>) {
    let tr = board.tr;
    let attendance = &board.session.attendance;
    let (quorum, max) = (attendance.quorum, attendance.max_proxies);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(board.theme.caption(tr.t("attendance-rule")));
        let mut chosen = None;
        let n = match quorum {
            Some(QuorumRule::AtLeast(n)) => n,
            _ => (board.session.electorate() as u32 / 2 + 1).max(1),
        };
        egui::ComboBox::from_id_salt("attendance-rule")
            .selected_text(rule_name(tr, quorum))
            .show_ui(ui, |ui| {
                let options = [
                    None,
                    Some(QuorumRule::MoreThanHalf),
                    Some(QuorumRule::TwoThirds),
                    Some(QuorumRule::AtLeast(n)),
                ];
                for option in options {
                    let same = option.as_ref().map(std::mem::discriminant)
                        == quorum.as_ref().map(std::mem::discriminant);
                    let name = match option {
                        Some(QuorumRule::AtLeast(_)) => tr.t("attendance-rule-count-option"),
                        other => rule_name(tr, other),
                    };
                    if ui.selectable_label(same, name).clicked() && !same {
                        chosen = Some(option);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(QuorumRule::AtLeast(current)) = quorum {
            let mut value = current;
            let label = ui.label(board.theme.caption(tr.t("attendance-rule-count-value")));
            ui.add(egui::DragValue::new(&mut value).range(1..=10_000))
                .labelled_by(label.id);
            if value != current {
                chosen = Some(Some(QuorumRule::AtLeast(value)));
            }
        }
        if let Some(rule) = chosen {
            board.push(Command::Attendance(AttendanceOp::SetRules {
                quorum: rule,
                max_proxies: max,
            }));
        }
        ui.separator();
        let label = ui.label(board.theme.caption(tr.t("attendance-max-proxies")));
        let mut value = max;
        ui.add(egui::DragValue::new(&mut value).range(1..=20))
            .labelled_by(label.id);
        if value != max {
            board.push(Command::Attendance(AttendanceOp::SetRules {
                quorum,
                max_proxies: value,
            }));
        }
        ui.separator();
        opened(ui, board);
    });
}

/// «Заседание открыто в 10:02» with a button to clear it, or a button that opens it now
/// (arrivals after it are late in the protocol).
fn opened(ui: &mut Ui, board: &mut Board<'_>) {
    let tr = board.tr;
    match board.session.attendance.opened {
        Some(at) => {
            ui.label(tr.with("attendance-opened-at", "time", &clock(at)));
            if ui
                .small_button(tr.t("attendance-opened-clear"))
                .on_hover_text(tr.t("attendance-opened-clear-hint"))
                .clicked()
            {
                board.push(Command::Attendance(AttendanceOp::SetOpened { at: None }));
            }
        }
        None => {
            if ui
                .button(tr.t("attendance-open-now"))
                .on_hover_text(tr.t("attendance-open-now-hint"))
                .clicked()
            {
                let at = Some(chrono::Utc::now());
                board.push(Command::Attendance(AttendanceOp::SetOpened { at }));
            }
        }
    }
}

/// The filters, each with how many it shows.
fn filters(ui: &mut Ui, board: &Board<'_>, state: &mut State) {
    let tr = board.tr;
    let session = board.session;
    ui.horizontal_wrapped(|ui| {
        for (filter, key) in [
            (Filter::All, "attendance-filter-all"),
            (Filter::Unmarked, "attendance-filter-unmarked"),
            (Filter::Here, "attendance-filter-here"),
            (Filter::Away, "attendance-filter-away"),
        ] {
            let n = session
                .participants
                .iter()
                .filter(|p| passes(session.attendance.registration(p.id), filter))
                .count();
            let text = format!("{} {n}", tr.t(key));
            if ui.selectable_label(state.filter == filter, text).clicked() {
                state.filter = filter;
                state.picked = 0;
            }
        }
    });
}

/// The search field, and the keys that mark the row picked among those found.
fn search(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, rows: &[&Participant]) {
    let tr = board.tr;
    let id = Id::unique("attendance-search");
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        let (down, up) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        if down {
            state.picked = (state.picked + 1).min(rows.len().saturating_sub(1));
        }
        if up {
            state.picked = state.picked.saturating_sub(1);
        }
    }
    let mark = focused
        .then(|| {
            ui.input_mut(|i| {
                [
                    (Modifiers::SHIFT, Mark::Remote),
                    (Modifiers::COMMAND, Mark::Left),
                    (Modifiers::ALT, Mark::Absent),
                    (Modifiers::NONE, Mark::InRoom),
                ]
                .into_iter()
                .find(|(modifiers, _)| i.consume_key(*modifiers, Key::Enter))
                .map(|(_, mark)| mark)
            })
        })
        .flatten();
    ui.horizontal(|ui| {
        let label = ui.label(board.theme.caption(tr.t("attendance-search")));
        let hint = tr.t("attendance-search-hint");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .id(id)
                    .hint_text(hint)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            state.picked = 0;
        }
        if !state.focused {
            state.focused = true;
            response.request_focus();
        }
    });
    ui.label(board.theme.caption(tr.t("attendance-keys")));
    if let (Some(mark), Some(person)) = (mark, rows.get(state.picked)) {
        if let Some(command) = mark_command(board.session, person.id, mark, chrono::Utc::now()) {
            board.push(command);
        }
        state.query.clear();
        state.picked = 0;
        ui.memory_mut(|m| m.request_focus(id));
    }
}

/// One participant on one line — their status, name and what they are, and the mark buttons
/// — with their proxy under it when they have one.
fn row(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, person: &Participant, picked: bool) {
    let session = board.session;
    let registration = session.attendance.registration(person.id);
    let frame = if picked {
        board.theme.card_selected()
    } else {
        board.theme.card()
    };
    frame
        .inner_margin(egui::Margin::symmetric(10, 2))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The marks take their room on the right; who it is fills what is left, the
            // caption cut first (whole on hover).
            let line = egui::vec2(ui.available_width(), ui.spacing().interact_size.y + 6.0);
            let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
            ui.allocate_ui_with_layout(line, right_to_left, |ui| {
                mark_buttons(ui, board, state, person, registration);
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    who(ui, board, person, registration);
                });
            });
            proxy_lines(ui, board, person);
            if state.proxy.as_ref().is_some_and(|d| d.from == person.id) {
                proxy_editor(ui, board, state, person);
            }
        });
}

/// Their status, name, whether they take part without a vote, and what they are.
fn who(ui: &mut Ui, board: &Board<'_>, person: &Participant, registration: Option<&Registration>) {
    let session = board.session;
    status_chip(ui, board, registration);
    ui.add(egui::Label::new(egui::RichText::new(&person.name).strong()).truncate());
    if !person.voting {
        board.theme.chip(
            ui,
            board.tr.t("attendance-no-vote"),
            board.theme.weak_text(),
        );
    }
    let mut what = vec![person.position.as_str()];
    if let Some(group) = person.group.and_then(|g| session.group(g)) {
        what.push(group.name.as_str());
    }
    what.retain(|w| !w.trim().is_empty());
    if !what.is_empty() {
        ui.add(egui::Label::new(board.theme.caption(what.join(" · "))).truncate());
    }
}

/// The participant's status as a coloured chip.
fn status_chip(ui: &mut Ui, board: &Board<'_>, registration: Option<&Registration>) {
    let colour = match registration {
        Some(r) if r.is_here() => STABLE,
        Some(r) if r.left.is_some() => board.theme.warning(),
        Some(_) => board.theme.error(),
        None => board.theme.weak_text(),
    };
    board
        .theme
        .chip(ui, status_text(board.tr, registration), colour);
}

/// Whom they gave their vote to (standing or suspended), and whom they vote for.
fn proxy_lines(ui: &mut Ui, board: &mut Board<'_>, person: &Participant) {
    let tr = board.tr;
    let session = board.session;
    let attendance = &session.attendance;
    let name = |id| session.participant(id).map_or("?", |p| p.name.as_str());
    if let Some(proxy) = attendance.proxy_from(person.id) {
        ui.horizontal_wrapped(|ui| {
            let mut text = tr.with("attendance-proxy-given", "name", name(proxy.to));
            if !proxy.note.trim().is_empty() {
                text = format!("{text} ({})", proxy.note.trim());
            }
            ui.label(text);
            if !attendance.stands(proxy) {
                let why = if attendance.is_here(proxy.from) {
                    tr.t("attendance-proxy-suspended-here")
                } else {
                    tr.t("attendance-proxy-suspended-holder-away")
                };
                ui.label(egui::RichText::new(why).color(board.theme.warning()));
            }
            let label = tr.t("attendance-proxy-revoke");
            let response = ui.small_button(&label);
            let accessible = format!("{label}: {}", person.name);
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
            if response.clicked() {
                board.push(Command::Attendance(AttendanceOp::SetProxy {
                    from: person.id,
                    proxy: None,
                }));
            }
        });
    }
    let held: Vec<&str> = attendance
        .proxies_held_by(person.id)
        .map(|p| name(p.from))
        .collect();
    if !held.is_empty() {
        let names = held.join(", ");
        ui.label(tr.with("attendance-proxy-holds", "names", &names));
    }
}

/// The mark buttons, each named with the participant for screen readers and tests: «В зале:
/// Иванов И. И.».
fn mark_buttons(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    person: &Participant,
    registration: Option<&Registration>,
) {
    let tr = board.tr;
    let here = registration.is_some_and(Registration::is_here);
    let presence = registration.map(|r| r.presence);
    // Drawn right to left: the last button drawn is the leftmost.
    proxy_button(ui, board, state, person, here);
    clear_button(ui, board, person, registration);
    let mut marks = vec![
        (
            Mark::InRoom,
            "attendance-mark-in-room",
            here && presence == Some(Presence::InRoom),
        ),
        (
            Mark::Remote,
            "attendance-mark-remote",
            here && presence == Some(Presence::Remote),
        ),
    ];
    if here {
        marks.push((Mark::Left, "attendance-mark-left", false));
    }
    marks.push((
        Mark::Absent,
        "attendance-mark-absent",
        presence == Some(Presence::Absent),
    ));
    for (mark, key, lit) in marks.into_iter().rev() {
        let label = tr.t(key);
        let response = ui.add(egui::Button::new(&label).selected(lit));
        let accessible = format!("{label}: {}", person.name);
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, lit, &accessible));
        if response.clicked()
            && !lit
            && let Some(command) = mark_command(board.session, person.id, mark, chrono::Utc::now())
        {
            board.push(command);
        }
    }
}

/// «Снять отметку», for a registered participant.
fn clear_button(
    ui: &mut Ui,
    board: &mut Board<'_>,
    person: &Participant,
    registration: Option<&Registration>,
) {
    if registration.is_none() {
        return;
    }
    let tr = board.tr;
    let label = tr.t("attendance-mark-clear");
    let response = ui
        .small_button(&label)
        .on_hover_text(tr.t("attendance-mark-clear-hint"));
    let accessible = format!("{label}: {}", person.name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    if response.clicked()
        && let Some(command) =
            mark_command(board.session, person.id, Mark::Clear, chrono::Utc::now())
    {
        board.push(command);
    }
}

/// «Доверенность…», for a voting member who is not here and has given none.
fn proxy_button(
    ui: &mut Ui,
    board: &Board<'_>,
    state: &mut State,
    person: &Participant,
    here: bool,
) {
    let may_give =
        person.voting && !here && board.session.attendance.proxy_from(person.id).is_none();
    if !may_give {
        return;
    }
    let label = board.tr.t("attendance-proxy-give");
    let open = state.proxy.as_ref().is_some_and(|d| d.from == person.id);
    let response = ui.add(egui::Button::new(&label).selected(open));
    let accessible = format!("{label}: {}", person.name);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &accessible));
    if response.clicked() {
        state.proxy = (!open).then(|| ProxyDraft {
            from: person.id,
            to: None,
            note: String::new(),
        });
    }
}

/// The proxy's editor under the giver's row: to whom (present voting members), a note (the
/// number of the written proxy), and why it cannot be recorded, before it is tried.
fn proxy_editor(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, person: &Participant) {
    let tr = board.tr;
    let session = board.session;
    let Some(draft) = state.proxy.as_mut() else {
        return;
    };
    let holders: Vec<(ParticipantId, String)> = session
        .voting_members()
        .filter(|p| p.id != person.id && session.attendance.is_here(p.id))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    let mut record = false;
    let mut cancel = false;
    ui.horizontal_wrapped(|ui| {
        let id = Id::unique(("attendance-proxy-to", person.id));
        let label = tr.t("attendance-proxy-to");
        if let Some(to) = widgets::ref_picker(ui, board, id, &label, draft.to, &holders) {
            draft.to = to;
        }
        ui.vertical(|ui| {
            let label = ui.label(board.theme.caption(tr.t("attendance-proxy-note")));
            ui.add(
                egui::TextEdit::singleline(&mut draft.note)
                    .hint_text(tr.t("attendance-proxy-note-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        });
    });
    let proxy = draft.to.map(|to| Proxy {
        from: person.id,
        to,
        note: stratboard_core::model::clean_input(draft.note.trim()),
    });
    let problem = proxy
        .as_ref()
        .and_then(|p| check_new_proxy(session, p).err());
    if let Some(AttendanceRefusal::Proxy(problem)) = &problem {
        ui.label(egui::RichText::new(proxy_problem(tr, problem)).color(board.theme.error()));
    }
    if holders.is_empty() {
        ui.label(board.theme.caption(tr.t("attendance-proxy-nobody-here")));
    }
    ui.horizontal(|ui| {
        let ready = proxy.is_some() && problem.is_none();
        record = ui
            .add_enabled(ready, egui::Button::new(tr.t("attendance-proxy-record")))
            .clicked();
        cancel = ui.button(tr.t("common-cancel")).clicked();
    });
    if record && let Some(proxy) = proxy {
        board.push(Command::Attendance(AttendanceOp::SetProxy {
            from: person.id,
            proxy: Some(proxy),
        }));
        state.proxy = None;
    } else if cancel {
        state.proxy = None;
    }
}
