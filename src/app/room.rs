//! Room → Open the room: the window side of the room server. The facilitator picks one of the
//! laptop's addresses and a port (both remembered); the room then serves phones until it is
//! closed, another session is opened, or the app quits. The window stays the document's
//! owner: it drains what phones send each frame (saving the file before a phone hears
//! "accepted") and publishes the session to the room after every change.
//!
//! [`RoomHost`] owns the server, its dialog and its window, and draws them from what it is
//! lent (the session, the translations, the theme, the settings); what only the document's
//! owner may do — give codes, renew one — it returns as a [`RoomAsk`].

mod addresses;

pub use addresses::{InterfaceAddress, local_addresses, rank_addresses};

use std::net::SocketAddr;
use std::time::Instant;

use egui::RichText;

use super::settings::Settings;
use super::{Notice, StratboardApp};
use crate::ui::theme::Theme;
use stratboard_core::document::Document;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{ParticipantId, Session};
use stratboard_room::{Room, SharedSession, access, devices};

/// The room while it is open, its dialog and its window.
#[derive(Default)]
pub struct RoomHost {
    room: Option<Room>,
    shared: Option<SharedSession>,
    /// The revision last published to the room.
    published: u64,
    /// The "Open the room" dialog is shown.
    dialog: bool,
    /// The room's window (QR code, address, devices) is shown.
    window: bool,
    /// The port being typed in the dialog.
    port: String,
    /// Why the last attempt to open failed.
    error: Option<String>,
}

/// What the room's dialog and window ask of the document's owner.
pub enum RoomAsk {
    /// Open the room on this address (the dialog's Open button).
    Open(SocketAddr),
    /// Give this participant a new code and send their devices away.
    NewCode(ParticipantId),
}

/// On Windows, what the firewall will ask when the room opens and what to click (the
/// installer, when run as administrator, allows stratboard beforehand). Nowhere else.
fn firewall_hint(tr: &Tr) -> Option<String> {
    cfg!(windows).then(|| tr.t("room-firewall-hint"))
}

impl RoomHost {
    /// Whether the room is open.
    pub fn is_open(&self) -> bool {
        self.room.is_some()
    }

    /// The address phones open, while the room is open.
    pub fn url(&self) -> Option<String> {
        self.room.as_ref().map(Room::url)
    }

    /// Whether the room's window is shown.
    pub fn window_shown(&self) -> bool {
        self.window
    }

    /// Shows or hides the room's window (QR code and address).
    pub fn toggle_window(&mut self) {
        self.window = !self.window && self.is_open();
    }

    /// Asks for the address and port (Room → Open the room…), offering `port`.
    pub fn open_dialog(&mut self, port: u16) {
        self.dialog = true;
        self.error = None;
        self.port = port.to_string();
    }

    /// Starts serving `doc` on `bind` (closing a room already open), letting guests in or
    /// not. The room's copy of the session is published by the owner right after.
    pub fn start(&mut self, bind: SocketAddr, doc: &Document, guests: bool) -> Result<(), String> {
        self.close();
        let shared = SharedSession::new(doc.session());
        // A saved session keeps its phones joined across restarts in NAME.ron.devices.
        let devices = doc.path().map(devices::path_for);
        let room = Room::start(bind, doc.sender(), shared.clone(), devices)
            .map_err(|error| format!("{bind}: {error}"))?;
        room.allow_guests(guests);
        self.room = Some(room);
        self.shared = Some(shared);
        self.window = true;
        Ok(())
    }

    /// Closes the room: phones get no answer any more; nothing they sent is lost.
    pub fn close(&mut self) {
        if let Some(room) = self.room.take() {
            room.stop();
        }
        self.shared = None;
        self.window = false;
    }

    /// Sends `participant`'s devices away (their code was renewed).
    pub fn revoke(&self, participant: ParticipantId) {
        if let Some(room) = &self.room {
            room.revoke(participant);
        }
    }

    /// The room's shared session, while the room is open.
    pub fn shared(&self) -> Option<SharedSession> {
        self.shared.clone()
    }

    /// Shows `vote` on the phones (they bring it to the front), or none in particular.
    pub fn show_on_phones(&self, vote: Option<stratboard_core::model::VoteId>) {
        if let Some(shared) = &self.shared {
            shared.show_on_phones(vote);
        }
    }

    /// Notes that the room has the session at `revision`.
    pub fn published(&mut self, revision: u64) {
        self.published = revision;
    }

    /// Gives the room `doc`'s session as it is now, if it changed since it last did.
    pub fn publish(&mut self, doc: &Document) {
        if self.published != doc.revision() {
            self.publish_now(doc);
        }
    }

    /// Gives the room `doc`'s session as it is now.
    fn publish_now(&mut self, doc: &Document) {
        if let Some(shared) = &self.shared {
            shared.publish(doc.session());
            self.published = doc.revision();
        }
    }

    /// The status bar's part: "Room open: http://… · 3 phones".
    pub fn status(&self, ui: &mut egui::Ui, tr: &Tr, theme: &Theme) {
        if let Some(room) = &self.room {
            ui.separator();
            let devices = i64::try_from(room.devices()).unwrap_or(i64::MAX);
            let text = format!(
                "{} {} · {}",
                tr.t("room-status"),
                room.url(),
                tr.n("room-devices", devices)
            );
            ui.label(RichText::new(text).color(theme.accent()));
        }
    }

    /// The dialog that opens the room, and the room's window; the address chosen and guests
    /// let in are remembered in `settings`.
    pub fn windows(
        &mut self,
        ctx: &egui::Context,
        session: &Session,
        look: (&Tr, &Theme),
        settings: &mut Settings,
    ) -> Option<RoomAsk> {
        let mut asked = None;
        if self.dialog {
            asked = self.dialog(ctx, look, settings);
        }
        if self.window
            && let Some(url) = self.url()
        {
            let mut open = true;
            // At the top right, under the menu bar, clear of the menus and the sections.
            let corner = ctx.content_rect().right_top() + egui::vec2(-16.0, 56.0);
            egui::Window::new(look.0.t("room-title"))
                .pivot(egui::Align2::RIGHT_TOP)
                .default_pos(corner)
                .open(&mut open)
                .resizable(false)
                .collapsible(false)
                .show(ctx, |ui| {
                    if let Some(ask) = self.window_body(ui, &url, session, look, settings) {
                        asked = Some(ask);
                    }
                });
            if !open {
                self.window = false;
            }
        }
        asked
    }

    /// The room window's content: QR code, address, phones, guests, and each participant's
    /// code with a way to give a new one.
    fn window_body(
        &self,
        ui: &mut egui::Ui,
        url: &str,
        session: &Session,
        (tr, theme): (&Tr, &Theme),
        settings: &mut Settings,
    ) -> Option<RoomAsk> {
        ui.label(tr.t("room-join-hint"));
        ui.add_space(8.0);
        crate::ui::qr::qr_code(ui, url, 280.0);
        ui.add_space(8.0);
        ui.label(theme.heading(url.trim_end_matches('/')));
        let room = self.room.as_ref()?;
        let devices = i64::try_from(room.devices()).unwrap_or(i64::MAX);
        ui.label(theme.caption(tr.n("room-devices", devices)));
        let mut guests = room.guests_allowed();
        if ui
            .checkbox(&mut guests, tr.t("room-guests"))
            .on_hover_text(tr.t("room-guests-hint"))
            .changed()
        {
            settings.room_guests = guests;
            room.allow_guests(guests);
        }
        if session.participants.is_empty() {
            return None;
        }
        let joined = room.devices_per_participant();
        let mut asked = None;
        egui::CollapsingHeader::new(tr.t("room-codes"))
            .id_salt("room-codes")
            .show(ui, |ui| {
                ui.label(theme.caption(tr.t("room-new-code-hint")));
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        egui::Grid::new("room-codes-grid")
                            .num_columns(4)
                            .spacing([12.0, 4.0])
                            .show(ui, |ui| {
                                for person in &session.participants {
                                    let devices = joined
                                        .iter()
                                        .find(|(id, _)| *id == person.id)
                                        .map_or(0, |(_, n)| *n);
                                    if code_row(ui, (tr, theme), person, devices) {
                                        asked = Some(RoomAsk::NewCode(person.id));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
            });
        asked
    }

    /// The "Open the room" dialog: an address of this computer, a port, Open.
    fn dialog(
        &mut self,
        ctx: &egui::Context,
        (tr, theme): (&Tr, &Theme),
        settings: &mut Settings,
    ) -> Option<RoomAsk> {
        let addresses = local_addresses();
        let mut chosen = settings
            .room_address
            .filter(|a| addresses.contains(a))
            .unwrap_or(addresses[0]);
        let mut open_now = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("stratboard-room-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(tr.t("menu-room-open"));
            ui.label(tr.t("room-address"));
            for address in &addresses {
                if ui.radio(chosen == *address, address.to_string()).clicked() {
                    chosen = *address;
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let caption = ui.label(tr.t("room-port"));
                ui.add(egui::TextEdit::singleline(&mut self.port).desired_width(80.0))
                    .labelled_by(caption.id);
            });
            if let Some(hint) = firewall_hint(tr) {
                ui.add_space(8.0);
                ui.label(theme.caption(hint));
            }
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(theme.error()));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                open_now = ui.button(tr.t("room-open-button")).clicked();
                cancel = ui.button(tr.t("common-cancel")).clicked();
            });
        });
        settings.room_address = Some(chosen);
        if cancel || modal.should_close() {
            self.dialog = false;
            return None;
        }
        if !open_now {
            return None;
        }
        match self.port.trim().parse::<u16>() {
            Ok(port) => Some(RoomAsk::Open(SocketAddr::new(chosen, port))),
            Err(_) => {
                self.error = Some(tr.t("room-bad-port"));
                None
            }
        }
    }

    /// How the owner's attempt to open the room from the dialog went.
    fn opened(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.dialog = false,
            Err(error) => self.error = Some(error),
        }
    }
}

/// One participant's row of the codes table: name, code, "on a phone" (or "2 devices" for
/// more than one: a code keeps at most three joined), New code (whether it was clicked is
/// returned).
fn code_row(
    ui: &mut egui::Ui,
    (tr, theme): (&Tr, &Theme),
    person: &stratboard_core::model::Participant,
    devices: usize,
) -> bool {
    ui.label(&person.name);
    ui.monospace(person.code.as_deref().unwrap_or("—"));
    let joined = match devices {
        0 => String::new(),
        1 => tr.t("room-on-phone"),
        n => tr.n("room-on-devices", i64::try_from(n).unwrap_or(i64::MAX)),
    };
    ui.label(RichText::new(joined).color(theme.accent()));
    let button = egui::Button::new(tr.t("room-new-code"));
    let label = format!("{}: {}", tr.t("room-new-code"), person.name);
    let response = ui.add(button);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.clicked()
}

/// The document owner's side: what needs the document (codes, saving) or the notice.
impl StratboardApp {
    /// Whether the room is open.
    pub fn room_open(&self) -> bool {
        self.room.is_open()
    }

    /// The address phones open, while the room is open.
    pub fn room_url(&self) -> Option<String> {
        self.room.url()
    }

    /// The vote the phones bring to the front, while the room is open.
    pub fn shown_on_phones(&self) -> Option<stratboard_core::model::VoteId> {
        self.room
            .shared()
            .and_then(|shared| shared.shown_on_phones())
    }

    /// Opens the room on `bind`: every participant without a code gets one (an undoable
    /// edit), and the session must have a file, since ballots are saved into it.
    pub fn open_room(&mut self, bind: SocketAddr) -> Result<(), String> {
        if self.doc.path().is_none() {
            return Err(self.tr.t("room-needs-file"));
        }
        // The address first: a port that is taken must not leave an edit behind.
        self.room
            .start(bind, &self.doc, self.settings.room_guests)?;
        if let Err(error) = self.give_codes() {
            self.room.close();
            return Err(error);
        }
        self.room.publish_now(&self.doc);
        self.settings.room_address = Some(bind.ip());
        self.settings.room_port = bind.port();
        Ok(())
    }

    fn give_codes(&mut self) -> Result<(), String> {
        let codes =
            access::codes_for_everyone(self.session()).map_err(|_| self.tr.t("room-no-random"))?;
        if let Some(codes) = codes {
            self.doc
                .apply(codes, Instant::now())
                .map_err(|error| error.to_string())?;
            self.schedule_autosave();
        }
        Ok(())
    }

    /// The room's dialog and window, and what they ask.
    pub(super) fn room_windows(&mut self, ctx: &egui::Context) {
        let asked = self.room.windows(
            ctx,
            self.doc.session(),
            (&self.tr, &self.theme),
            &mut self.settings,
        );
        match asked {
            Some(RoomAsk::Open(bind)) => {
                let result = self.open_room(bind);
                self.room.opened(result);
            }
            Some(RoomAsk::NewCode(participant)) => self.renew_code(participant),
            None => {}
        }
    }

    /// A lost card or phone: the participant's devices are sent away and they get a new code
    /// (an undoable edit; the old code stops working at once).
    fn renew_code(&mut self, participant: ParticipantId) {
        let command = match access::new_code_for(self.session(), participant) {
            Ok(Some(command)) => command,
            Ok(None) => return,
            Err(error) => {
                self.error("room-no-random", error.to_string());
                return;
            }
        };
        match self.doc.apply(command, Instant::now()) {
            Ok(_) => {
                self.room.revoke(participant);
                self.schedule_autosave();
                self.room.publish(&self.doc);
                let name = self
                    .session()
                    .participants
                    .iter()
                    .find(|p| p.id == participant)
                    .map(|p| format!("{} — {}", p.name, p.code.as_deref().unwrap_or("")))
                    .unwrap_or_default();
                self.notice = Some(Notice::Info(
                    self.tr.args("room-new-code-done", &[("who", name.into())]),
                ));
            }
            Err(error) => self.error("room-new-code-failed", error.to_string()),
        }
    }

    /// Closes the room when the document it serves is replaced.
    pub(super) fn close_room_for_new_document(&mut self) {
        if self.room.is_open() {
            self.room.close();
            self.notice = Some(Notice::Info(self.tr.t("room-closed-new-document")));
        }
    }
}

#[cfg(test)]
mod tests {
    use stratboard_core::i18n::{Language, Tr};

    #[test]
    fn the_firewall_hint_names_the_buttons_windows_shows_in_each_language() {
        let russian = Tr::new(Language::Russian).t("room-firewall-hint");
        assert!(russian.contains("«Частные сети»"), "{russian}");
        assert!(russian.contains("«Разрешить доступ»"), "{russian}");
        let english = Tr::new(Language::English).t("room-firewall-hint");
        assert!(english.contains("“Private networks”"), "{english}");
        assert!(english.contains("“Allow access”"), "{english}");
        assert_eq!(
            super::firewall_hint(&Tr::new(Language::English)).is_some(),
            cfg!(windows)
        );
    }

    #[test]
    fn a_participants_devices_are_counted_with_russian_plurals() {
        let russian = Tr::new(Language::Russian);
        let said: Vec<String> = [1, 2, 3, 5, 21]
            .map(|n| russian.n("room-on-devices", n))
            .into();
        assert_eq!(
            said,
            [
                "1 устройство",
                "2 устройства",
                "3 устройства",
                "5 устройств",
                "21 устройство"
            ]
        );
        let english = Tr::new(Language::English);
        assert_eq!(english.n("room-on-devices", 2), "2 devices");
    }
}
