//! The window's chrome: menu bar, status bar, notice bar and dialogs.

use super::actions::Action;
use super::{Dialog, Notice, StratboardApp, Then};
use crate::ui::theme::{Theme, ThemeKind};
use stratboard_core::i18n::{Language, Tr};

impl StratboardApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(self.tr.t("menu-file"), |ui| self.file_menu(ui));
            ui.menu_button(self.tr.t("menu-edit"), |ui| {
                self.action_button(ui, Action::Undo);
                self.action_button(ui, Action::Redo);
            });
            ui.menu_button(self.tr.t("menu-view"), |ui| {
                self.action_button(ui, Action::Present);
                self.action_button(ui, Action::AudienceWindow);
                ui.separator();
                ui.label(self.theme.caption(self.tr.t("menu-language")));
                for language in Language::ALL {
                    self.action_button(ui, Action::SetLanguage(language));
                }
                ui.separator();
                ui.label(self.theme.caption(self.tr.t("menu-theme")));
                for kind in [ThemeKind::Light, ThemeKind::Dark] {
                    self.action_button(ui, Action::SetTheme(kind));
                }
            });
            ui.menu_button(self.tr.t("menu-room"), |ui| {
                if self.room_open() {
                    self.action_button(ui, Action::RoomWindow);
                    self.action_button(ui, Action::CloseRoom);
                } else {
                    self.action_button(ui, Action::OpenRoom);
                }
            });
            ui.menu_button(self.tr.t("menu-help"), |ui| self.help_menu(ui));
            ui.separator();
            ui.label(self.theme.caption(&self.session().meta.title));
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui) {
        self.action_button(ui, Action::New);
        self.action_button(ui, Action::FollowUp);
        self.action_button(ui, Action::Open);
        ui.menu_button(self.tr.t("menu-open-recent"), |ui| {
            if self.settings.recent.is_empty() {
                ui.label(self.theme.caption(self.tr.t("menu-no-recent")));
            }
            for path in self.settings.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    self.request(Then::Open(Some(path)));
                }
            }
        });
        ui.separator();
        self.action_button(ui, Action::Save);
        self.action_button(ui, Action::SaveAs);
        ui.separator();
        self.action_button(ui, Action::Export);
        self.action_button(ui, Action::ImportParticipants);
        ui.separator();
        self.action_button(ui, Action::NewSection);
        self.action_button(ui, Action::BringIn);
        ui.separator();
        self.action_button(ui, Action::Quit);
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let file = match self.doc.path() {
                Some(path) => path.display().to_string(),
                None => self.tr.t("status-no-file"),
            };
            let mark = if self.doc.is_dirty() {
                format!("{} ", self.tr.t("unsaved-mark"))
            } else {
                String::new()
            };
            ui.label(self.theme.caption(format!("{mark}{file}")));
            let problems = self.doc.problems().len();
            if problems > 0 {
                ui.separator();
                let text = self.tr.n("status-problems", problems as i64);
                ui.label(egui::RichText::new(text).color(self.theme.warning()));
            }
            if let Some((text, state)) =
                crate::ui::quorum::quorum_line(&self.tr, self.doc.session())
            {
                use crate::ui::quorum::QuorumState;
                ui.separator();
                let colour = match state {
                    QuorumState::Met => crate::ui::theme::STABLE,
                    QuorumState::NotMet => self.theme.warning(),
                    QuorumState::Counted => ui.visuals().text_color(),
                };
                ui.label(egui::RichText::new(text).color(colour))
                    .on_hover_text(self.tr.t("status-quorum-hint"));
            }
            if self.doc.is_dirty() && self.autosave.is_on() {
                ui.separator();
                ui.label(self.theme.caption(self.tr.t("status-autosaved")));
            }
            self.room.status(ui, &self.tr, &self.theme);
        });
    }

    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let title = self.session().meta.title.clone();
        let modal = egui::Modal::new(egui::Id::unique("stratboard-dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &dialog {
                Dialog::Unsaved { then } => {
                    ui.heading(self.tr.t("dialog-unsaved-title"));
                    ui.label(self.tr.with("dialog-unsaved-body", "title", &title));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(self.tr.t("dialog-unsaved-save")).clicked() {
                            self.dialog = None;
                            if self.save() {
                                self.after_dialog(then.clone(), ctx);
                            }
                        }
                        if ui.button(self.tr.t("dialog-unsaved-discard")).clicked() {
                            self.dialog = None;
                            self.discard_recovery();
                            self.after_dialog(then.clone(), ctx);
                        }
                        if ui.button(self.tr.t("common-cancel")).clicked() {
                            self.dialog = None;
                        }
                    });
                }
                Dialog::Recovery { path } => {
                    ui.heading(self.tr.t("dialog-recovery-title"));
                    ui.label(self.tr.with("dialog-recovery-body", "title", &title));
                    ui.label(self.theme.caption(path.display().to_string()));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(self.tr.t("common-restore")).clicked() {
                            self.dialog = None;
                            self.restore_recovery(path);
                        }
                        if ui.button(self.tr.t("common-discard")).clicked() {
                            self.dialog = None;
                            self.discard_recovery();
                        }
                    });
                }
                Dialog::ExternalChange => {
                    ui.heading(self.tr.t("dialog-external-title"));
                    let file = self
                        .doc
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    ui.label(self.tr.with("dialog-external-body", "file", &file));
                    ui.add_space(12.0);
                    ui.horizontal(|ui| {
                        if ui.button(self.tr.t("common-reload")).clicked() {
                            self.dialog = None;
                            self.reload();
                        }
                        if ui.button(self.tr.t("common-keep-mine")).clicked() {
                            self.dialog = None;
                            self.save_overwriting();
                        }
                        if ui.button(self.tr.t("menu-save-as")).clicked() {
                            self.dialog = None;
                            self.save_as_dialog();
                        }
                        if ui.button(self.tr.t("common-cancel")).clicked() {
                            self.dialog = None;
                        }
                    });
                }
            }
        });
        if modal.should_close() && self.dialog == Some(dialog) {
            self.dialog = None;
        }
    }

    fn after_dialog(&mut self, then: Then, ctx: &egui::Context) {
        let closing = then == Then::Close;
        self.proceed(then);
        if closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The notice above the board: what was just done, or what failed and why.
pub(super) fn notice_bar(ui: &mut egui::Ui, theme: &Theme, tr: &Tr, notice: &mut Option<Notice>) {
    let Some(current) = notice.clone() else {
        return;
    };
    let frame = match &current {
        Notice::Info(_) | Notice::Written { .. } => theme.card(),
        Notice::Error { .. } => theme.card().stroke(egui::Stroke::new(2.0, theme.error())),
    };
    frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            // A long notice wraps before the Close button rather than running under it.
            let close = ui.spacing().interact_size.x + 2.0 * ui.spacing().button_padding.x;
            let text_width = (ui.available_width() - close - 60.0).max(160.0);
            ui.vertical(|ui| {
                ui.set_max_width(text_width);
                match &current {
                    Notice::Info(text) => {
                        ui.label(text);
                    }
                    Notice::Written { text, path } => {
                        ui.label(text);
                        ui.horizontal(|ui| {
                            if ui.button(tr.t("notice-open-file")).clicked()
                                && !super::export::open_with_desktop(path)
                            {
                                *notice = Some(Notice::Error {
                                    title: tr.t("notice-open-failed"),
                                    detail: path.display().to_string(),
                                });
                            }
                            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
                            if let Some(folder) = folder
                                && ui.button(tr.t("notice-open-folder")).clicked()
                                && !super::export::open_with_desktop(folder)
                            {
                                *notice = Some(Notice::Error {
                                    title: tr.t("notice-open-failed"),
                                    detail: folder.display().to_string(),
                                });
                            }
                        });
                    }
                    Notice::Error { title, detail } => {
                        ui.label(egui::RichText::new(title).strong().color(theme.error()));
                        ui.label(detail);
                    }
                }
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui.button(tr.t("common-close")).clicked() {
                    *notice = None;
                }
            });
        });
    });
}
