//! File → Import participants…: the shell's side. It picks the file (a native dialog), reads
//! it ([`stratboard_core::participants_import::file`]) and opens the preview ([`ui::participants_import`]);
//! when the user adds, the plan is made again against the session as it is now and applied
//! as one command, so Ctrl+Z takes every added person and group back at once.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Notice, StratboardApp};
use crate::ui::participants_import::{Choice, Preview};
use stratboard_core::participants_import::file as participants_file;
use stratboard_core::participants_import::{ApplyError, text};

impl StratboardApp {
    /// Asks for a participant list in a file dialog and opens its preview.
    pub(super) fn import_participants_dialog(&mut self) {
        if let Some(path) = self.pick_participant_list() {
            self.open_participants_preview(&path);
        }
    }

    /// Reads the participant list at `path` and opens its preview; a file that cannot be read
    /// is an error notice naming it (nothing is added).
    pub fn open_participants_preview(&mut self, path: &Path) {
        let shown = participants_file::file_name(path);
        match participants_file::read(path) {
            Ok(workbook) => self.participants_import = Some(Preview::new(shown, workbook)),
            Err(failure) => {
                let reason = failure.translated(&self.tr);
                let text = self.tr.args(
                    "pimport-read-failed",
                    &[("file", shown.into()), ("reason", reason.into())],
                );
                self.error("pimport-title", text);
            }
        }
    }

    /// Whether the import preview is open.
    pub fn is_participants_import_open(&self) -> bool {
        self.participants_import.is_some()
    }

    fn pick_participant_list(&self) -> Option<PathBuf> {
        if !self.native_dialogs {
            return None;
        }
        rfd::FileDialog::new()
            .add_filter(self.tr.t("pimport-title"), &["csv", "xlsx", "ods", "txt"])
            .pick_file()
    }

    /// Draws the preview while it is open and does what the user chose.
    pub(super) fn participants_import_window(&mut self, ctx: &egui::Context) {
        let Some(preview) = self.participants_import.as_mut() else {
            return;
        };
        let revision = self.doc.revision();
        let choice = preview.show(ctx, &self.tr, &self.theme, self.doc.session(), revision);
        match choice {
            Some(Choice::Add) => self.add_imported_participants(),
            Some(Choice::Cancel) => self.participants_import = None,
            None => {}
        }
    }

    /// Applies the preview's plan as one undo step and closes the preview; a refusal is an
    /// error notice and nothing is added.
    fn add_imported_participants(&mut self) {
        let Some(mut preview) = self.participants_import.take() else {
            return;
        };
        let revision = self.doc.revision();
        let Some(plan) = preview.plan(self.doc.session(), revision) else {
            return;
        };
        let added = i64::try_from(plan.people.len()).unwrap_or(i64::MAX);
        let changed = i64::try_from(plan.voting_changes.len()).unwrap_or(i64::MAX);
        let command = match plan.command(self.doc.session()) {
            Ok(command) => command,
            Err(error) => {
                let reason = match error {
                    ApplyError::Refused(problem) => text::problem(&self.tr, &problem),
                    other => other.to_string(),
                };
                self.error(
                    "pimport-title",
                    self.tr.with("pimport-refused", "reason", &reason),
                );
                return;
            }
        };
        match self.doc.apply(command, Instant::now()) {
            Ok(_) => {
                let done = if added == 0 {
                    self.tr.n("pimport-voting-done", changed)
                } else {
                    self.tr.n("pimport-done", added)
                };
                self.notice = Some(Notice::Info(done));
                self.schedule_autosave();
            }
            Err(error) => {
                let reason = crate::ui::messages::command_error(&self.tr, &error);
                self.error(
                    "pimport-title",
                    self.tr.with("pimport-refused", "reason", &reason),
                );
            }
        }
    }
}
