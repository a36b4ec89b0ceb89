//! Room → Open the room: the window side of the room server. The facilitator picks one of the
//! laptop's addresses and a port (both remembered); the room then serves phones until it is
//! closed, another session is opened, or the app quits. The window stays the document's
//! owner: it drains what phones send each frame (saving the file before a phone hears
//! "accepted") and publishes the session to the room after every change.

mod addresses;

pub use addresses::{InterfaceAddress, local_addresses, rank_addresses};

use std::net::SocketAddr;
use std::time::Instant;

use egui::RichText;

use super::{Notice, StratboardApp};
use stratboard_core::model::ParticipantId;
use stratboard_room::{Room, SharedSession, access};

/// The room while it is open, and its dialog.
#[derive(Default)]
pub struct RoomState {
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

impl RoomState {
    /// Whether the room's window is shown.
    pub fn window_shown(&self) -> bool {
        self.window
    }
}

/// What the room window asks the shell to do.
enum RoomAsk {
    /// Let guests in, or stop.
    Guests(bool),
    /// Give this participant a new code and send their devices away.
    NewCode(ParticipantId),
}

/// On Windows, what the firewall will ask when the room opens and what to click (the
/// installer, when run as administrator, allows stratboard beforehand). Nowhere else.
fn firewall_hint(tr: &stratboard_core::i18n::Tr) -> Option<String> {
    cfg!(windows).then(|| tr.t("room-firewall-hint"))
}

impl StratboardApp {
    /// Whether the room is open.
    pub fn room_open(&self) -> bool {
        self.room.room.is_some()
    }

    /// The address phones open, while the room is open.
    pub fn room_url(&self) -> Option<String> {
        self.room.room.as_ref().map(Room::url)
    }

    /// Opens the room on `bind`: every participant without a code gets one (an undoable
    /// edit), and the session must have a file, since ballots are saved into it.
    pub fn open_room(&mut self, bind: SocketAddr) -> Result<(), String> {
        if self.doc.path().is_none() {
            return Err(self.tr.t("room-needs-file"));
        }
        self.close_room();
        // The address first: a port that is taken must not leave an edit behind.
        let shared = SharedSession::new(self.doc.session());
        let room = Room::start(bind, self.doc.sender(), shared.clone())
            .map_err(|error| format!("{bind}: {error}"))?;
        self.give_codes()?;
        room.allow_guests(self.settings.room_guests);
        shared.publish(self.doc.session());
        self.settings.room_address = Some(bind.ip());
        self.settings.room_port = bind.port();
        self.room.room = Some(room);
        self.room.shared = Some(shared);
        self.room.published = self.doc.revision();
        self.room.window = true;
        Ok(())
    }

    /// Closes the room: phones get no answer any more; nothing they sent is lost.
    pub fn close_room(&mut self) {
        if let Some(room) = self.room.room.take() {
            room.stop();
        }
        self.room.shared = None;
        self.room.window = false;
    }

    /// Shows or hides the room's window (QR code and address).
    pub fn toggle_room_window(&mut self) {
        self.room.window = !self.room.window && self.room_open();
    }

    /// Asks for the address and port (Room → Open the room…).
    pub(super) fn open_room_dialog(&mut self) {
        self.room.dialog = true;
        self.room.error = None;
        self.room.port = self.settings.room_port.to_string();
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

    /// The room's shared session, while the room is open.
    pub(super) fn room_shared(&self) -> Option<SharedSession> {
        self.room.shared.clone()
    }

    /// Notes that the room has the session as it is now.
    pub(super) fn room_published(&mut self) {
        self.room.published = self.doc.revision();
    }

    /// Gives the room the session as it is now, if it changed since it last did.
    pub(super) fn publish_to_room(&mut self) {
        if let Some(shared) = &self.room.shared
            && self.room.published != self.doc.revision()
        {
            shared.publish(self.doc.session());
            self.room.published = self.doc.revision();
        }
    }

    /// The status bar's part: "Room open: http://… · 3 phones".
    pub(super) fn room_status(&self, ui: &mut egui::Ui) {
        if let Some(room) = &self.room.room {
            ui.separator();
            let devices = i64::try_from(room.devices()).unwrap_or(i64::MAX);
            let text = format!(
                "{} {} · {}",
                self.tr.t("room-status"),
                room.url(),
                self.tr.n("room-devices", devices)
            );
            ui.label(RichText::new(text).color(self.theme.accent()));
        }
    }

    /// The dialog that opens the room, and the room's window.
    pub(super) fn room_windows(&mut self, ctx: &egui::Context) {
        if self.room.dialog {
            self.room_dialog(ctx);
        }
        if self.room.window
            && let Some(url) = self.room_url()
        {
            let mut open = true;
            let mut asked = None;
            // At the top right, under the menu bar, clear of the menus and the sections.
            let corner = ctx.content_rect().right_top() + egui::vec2(-16.0, 56.0);
            egui::Window::new(self.tr.t("room-title"))
                .pivot(egui::Align2::RIGHT_TOP)
                .default_pos(corner)
                .open(&mut open)
                .resizable(false)
                .collapsible(false)
                .show(ctx, |ui| asked = self.room_window_body(ui, &url));
            match asked {
                Some(RoomAsk::Guests(allowed)) => {
                    self.settings.room_guests = allowed;
                    if let Some(room) = &self.room.room {
                        room.allow_guests(allowed);
                    }
                }
                Some(RoomAsk::NewCode(participant)) => self.renew_code(participant),
                None => {}
            }
            if !open {
                self.room.window = false;
            }
        }
    }

    /// The room window's content: QR code, address, phones, guests, and each participant's
    /// code with a way to give a new one.
    fn room_window_body(&self, ui: &mut egui::Ui, url: &str) -> Option<RoomAsk> {
        let mut asked = None;
        ui.label(self.tr.t("room-join-hint"));
        ui.add_space(8.0);
        crate::ui::qr::qr_code(ui, url, 280.0);
        ui.add_space(8.0);
        ui.label(self.theme.heading(url.trim_end_matches('/')));
        let Some(room) = &self.room.room else {
            return None;
        };
        let devices = i64::try_from(room.devices()).unwrap_or(i64::MAX);
        ui.label(self.theme.caption(self.tr.n("room-devices", devices)));
        let mut guests = room.guests_allowed();
        if ui
            .checkbox(&mut guests, self.tr.t("room-guests"))
            .on_hover_text(self.tr.t("room-guests-hint"))
            .changed()
        {
            asked = Some(RoomAsk::Guests(guests));
        }
        let participants = &self.session().participants;
        if participants.is_empty() {
            return asked;
        }
        let joined = room.participants_in();
        egui::CollapsingHeader::new(self.tr.t("room-codes"))
            .id_salt("room-codes")
            .show(ui, |ui| {
                ui.label(self.theme.caption(self.tr.t("room-new-code-hint")));
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        egui::Grid::new("room-codes-grid")
                            .num_columns(4)
                            .spacing([12.0, 4.0])
                            .show(ui, |ui| {
                                for person in participants {
                                    ui.label(&person.name);
                                    ui.monospace(person.code.as_deref().unwrap_or("—"));
                                    if joined.contains(&person.id) {
                                        ui.label(
                                            RichText::new(self.tr.t("room-on-phone"))
                                                .color(self.theme.accent()),
                                        );
                                    } else {
                                        ui.label("");
                                    }
                                    let button = egui::Button::new(self.tr.t("room-new-code"));
                                    let label =
                                        format!("{}: {}", self.tr.t("room-new-code"), person.name);
                                    let response = ui.add(button);
                                    response.widget_info(|| {
                                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                                    });
                                    if response.clicked() {
                                        asked = Some(RoomAsk::NewCode(person.id));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
            });
        asked
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
                if let Some(room) = &self.room.room {
                    room.revoke(participant);
                }
                self.schedule_autosave();
                self.publish_to_room();
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

    fn room_dialog(&mut self, ctx: &egui::Context) {
        let addresses = local_addresses();
        let mut chosen = self
            .settings
            .room_address
            .filter(|a| addresses.contains(a))
            .unwrap_or(addresses[0]);
        let mut open_now = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("stratboard-room-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(self.tr.t("menu-room-open"));
            ui.label(self.tr.t("room-address"));
            for address in &addresses {
                if ui.radio(chosen == *address, address.to_string()).clicked() {
                    chosen = *address;
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let caption = ui.label(self.tr.t("room-port"));
                ui.add(egui::TextEdit::singleline(&mut self.room.port).desired_width(80.0))
                    .labelled_by(caption.id);
            });
            if let Some(hint) = firewall_hint(&self.tr) {
                ui.add_space(8.0);
                ui.label(self.theme.caption(hint));
            }
            if let Some(error) = &self.room.error {
                ui.label(RichText::new(error).color(self.theme.error()));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                open_now = ui.button(self.tr.t("room-open-button")).clicked();
                cancel = ui.button(self.tr.t("common-cancel")).clicked();
            });
        });
        self.settings.room_address = Some(chosen);
        if cancel || modal.should_close() {
            self.room.dialog = false;
            return;
        }
        if open_now {
            match self.room.port.trim().parse::<u16>() {
                Ok(port) => match self.open_room(SocketAddr::new(chosen, port)) {
                    Ok(()) => self.room.dialog = false,
                    Err(error) => self.room.error = Some(error),
                },
                Err(_) => self.room.error = Some(self.tr.t("room-bad-port")),
            }
        }
    }

    /// Closes the room when the document it serves is replaced.
    pub(super) fn close_room_for_new_document(&mut self) {
        if self.room_open() {
            self.close_room();
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
}
