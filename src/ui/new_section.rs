//! File → New section of this session…: the dialog that makes a section's file from the open
//! plenary (its name, its moderator — a participant picked or a new name typed —, whether the
//! plenary's participant codes are kept, and where the file goes). The shell makes and writes
//! the file ([`Choice::Create`]); the open session stays open.

use std::path::{Path, PathBuf};

use egui::{Id, RichText, Ui};

use crate::ui::theme::Theme;
use stratboard_core::i18n::Tr;
use stratboard_core::model::Session;
use stratboard_core::sections::SectionRefusal;

/// What the user chose in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Make the section and write its file.
    Create,
    /// Pick the file in a native dialog (the shell's).
    ChooseFile,
    /// Close without making anything.
    Cancel,
}

/// The dialog's fields.
#[derive(Default)]
pub struct NewSection {
    /// The section's name.
    pub name: String,
    /// The moderator picked among the plenary's participants.
    pub picked: Option<String>,
    /// A new moderator's name, typed (wins over the one picked).
    pub typed: String,
    /// Keep the plenary's participant codes.
    pub keep_codes: bool,
    /// Where the file goes.
    pub path: String,
    /// The path was typed or chosen (it no longer follows the name).
    path_edited: bool,
    /// The file chosen in the native dialog, which asked before replacing it.
    chosen: Option<PathBuf>,
    /// The folder and file stem of the plenary, for the default path.
    next_to: Option<(PathBuf, String)>,
    /// The file name's word for a section not yet named («секция»), in the interface's language.
    unnamed: String,
    /// Why the last try failed.
    pub error: Option<String>,
}

impl NewSection {
    /// A dialog for a section of the session saved at `plenary` (if it is saved anywhere).
    pub fn new(plenary: Option<&Path>, tr: &Tr) -> Self {
        let next_to = plenary.map(|path| {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (folder, stem)
        });
        let mut dialog = Self {
            next_to,
            unnamed: tr.t("new-section-file-unnamed"),
            ..Self::default()
        };
        dialog.follow_name();
        dialog
    }

    /// The moderator's name, as typed or picked.
    pub fn facilitator(&self) -> Option<&str> {
        let typed = self.typed.trim();
        if typed.is_empty() {
            self.picked.as_deref()
        } else {
            Some(typed)
        }
    }

    /// The file typed in.
    pub fn file(&self) -> PathBuf {
        PathBuf::from(self.path.trim())
    }

    /// Sets the file (chosen in a native dialog).
    pub fn set_file(&mut self, path: &Path) {
        self.chosen = Some(path.to_path_buf());
        self.path = path.display().to_string();
        self.path_edited = true;
        self.error = None;
    }

    /// Whether writing the file would replace one the user was not asked about (a file typed
    /// in that exists; the native dialog asks itself).
    pub fn would_replace_unasked(&self) -> bool {
        let path = self.file();
        path.exists() && self.chosen.as_deref() != Some(path.as_path())
    }

    /// The default file follows the name until the user types a path: «PLENARY — NAME.ron»
    /// next to the plenary's file.
    fn follow_name(&mut self) {
        if self.path_edited {
            return;
        }
        let name: String = self
            .name
            .trim()
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
            .collect();
        let name = if name.is_empty() {
            &self.unnamed
        } else {
            &name
        };
        self.path = match &self.next_to {
            Some((folder, stem)) => folder
                .join(format!("{stem} — {name}.ron"))
                .display()
                .to_string(),
            None => format!("{name}.ron"),
        };
    }

    /// Draws the dialog; returns what the user chose this frame, if anything.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        tr: &Tr,
        theme: &Theme,
        session: &Session,
        native_dialogs: bool,
    ) -> Option<Choice> {
        let mut choice = None;
        let modal = egui::Modal::new(Id::unique("stratboard-new-section")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(tr.t("new-section-title"));
            ui.label(theme.caption(tr.t("new-section-intro")));
            ui.add_space(8.0);
            self.name_row(ui, tr, theme);
            self.facilitator_rows(ui, tr, session);
            ui.checkbox(&mut self.keep_codes, tr.t("new-section-keep-codes"))
                .on_hover_text(tr.t("new-section-keep-codes-hint"));
            ui.add_space(6.0);
            if self.file_row(ui, tr, native_dialogs) {
                choice = Some(Choice::ChooseFile);
            }
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).color(theme.error()));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr.t("new-section-create")).clicked() {
                    choice = Some(Choice::Create);
                }
                if ui.button(tr.t("common-cancel")).clicked() {
                    choice = Some(Choice::Cancel);
                }
            });
        });
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if choice.is_none() && escape && modal.is_top_modal && !modal.any_popup_open {
            choice = Some(Choice::Cancel);
        }
        choice
    }

    /// The name (required: an empty one says so under the field).
    fn name_row(&mut self, ui: &mut Ui, tr: &Tr, theme: &Theme) {
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("new-section-name"));
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(360.0))
                .labelled_by(label.id);
            if edit.changed() {
                self.error = None;
                self.follow_name();
            }
        });
        // The hint, unless the same words already stand below as the refusal.
        if self.name.trim().is_empty() && self.error.is_none() {
            ui.label(RichText::new(tr.t("new-section-name-empty")).color(theme.weak_text()));
        }
    }

    /// The moderator: one of the participants, or a new name.
    fn facilitator_rows(&mut self, ui: &mut Ui, tr: &Tr, session: &Session) {
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("new-section-facilitator"));
            let none = tr.t("new-section-facilitator-none");
            let shown = self.picked.clone().unwrap_or_else(|| none.clone());
            egui::ComboBox::from_id_salt("new-section-facilitator")
                .selected_text(shown)
                .width(360.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.picked, None, none);
                    for participant in &session.participants {
                        let name = participant.name.clone();
                        ui.selectable_value(&mut self.picked, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("new-section-facilitator-typed"));
            ui.add(egui::TextEdit::singleline(&mut self.typed).desired_width(300.0))
                .labelled_by(label.id);
        });
    }

    /// The file row; returns whether «Choose…» was clicked.
    fn file_row(&mut self, ui: &mut Ui, tr: &Tr, native_dialogs: bool) -> bool {
        let mut choose = false;
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("new-section-file"));
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.path).desired_width(420.0))
                .labelled_by(label.id);
            if edit.changed() {
                self.path_edited = true;
                self.error = None;
            }
            if native_dialogs && ui.button(tr.t("new-section-choose")).clicked() {
                choose = true;
            }
        });
        choose
    }
}

/// Why a section cannot be made, in words.
pub fn refusal_words(tr: &Tr, refusal: &SectionRefusal) -> String {
    match refusal {
        SectionRefusal::EmptyName => tr.t("new-section-refused-name"),
        SectionRefusal::NoIdentity => tr.t("new-section-refused-identity"),
        SectionRefusal::FromSection(name) => {
            tr.with("new-section-refused-from-section", "name", name)
        }
    }
}
