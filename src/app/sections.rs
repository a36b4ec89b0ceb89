//! Parallel sections, the shell's side of the two File items: «New section of this session…»
//! makes a section's file from the open plenary and writes it (the plenary stays open), and
//! «Bring in section results…» reads the sections' files (picked in a native dialog, dropped
//! on the window, or given by a test), previews what they bring ([`ui::bring_in`]) and
//! applies it as one command, planned again against the session as it is at that moment, so
//! one Ctrl+Z takes everything brought back.

use std::path::{Path, PathBuf};
use std::time::Instant;

use fluent_templates::fluent_bundle::FluentValue;

use super::{Notice, StratboardApp};
use crate::ui::bring_in::{self, BringIn, Entry};
use crate::ui::new_section::{self, NewSection};
use stratboard_core::sections::{SectionRefusal, plan_merge};
use stratboard_core::storage;

impl StratboardApp {
    /// File → New section of this session…: opens the dialog, or says why a section cannot
    /// be made from this session (it is itself a section, or it has no identity).
    pub fn open_new_section(&mut self) {
        let session = self.doc.session();
        let refusal = match &session.meta.section {
            Some(of) => Some(SectionRefusal::FromSection(of.name.clone())),
            None if session.meta.id.is_empty() => Some(SectionRefusal::NoIdentity),
            None => None,
        };
        match refusal {
            Some(refusal) => {
                let text = new_section::refusal_words(&self.tr, &refusal);
                self.error("new-section-title", text);
            }
            None => self.new_section = Some(NewSection::new(self.doc.path(), &self.tr)),
        }
    }

    /// Whether the New section dialog is open.
    pub fn is_new_section_open(&self) -> bool {
        self.new_section.is_some()
    }

    /// Draws the New section dialog while it is open and does what the user chose.
    pub(super) fn new_section_window(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.new_section.as_mut() else {
            return;
        };
        let session = self.doc.session();
        match dialog.show(ctx, &self.tr, &self.theme, session, self.native_dialogs) {
            Some(new_section::Choice::Create) => self.create_section(),
            Some(new_section::Choice::ChooseFile) => self.choose_section_file(),
            Some(new_section::Choice::Cancel) => self.new_section = None,
            None => {}
        }
    }

    /// Asks where the section's file goes (a native save dialog).
    fn choose_section_file(&mut self) {
        let Some(dialog) = self.new_section.as_mut() else {
            return;
        };
        let current = dialog.file();
        let mut picker = rfd::FileDialog::new().add_filter("stratboard", &["ron"]);
        if let Some(folder) = current.parent().filter(|d| d.is_dir()) {
            picker = picker.set_directory(folder);
        }
        if let Some(name) = current.file_name() {
            picker = picker.set_file_name(name.to_string_lossy());
        }
        if let Some(path) = picker.save_file() {
            dialog.set_file(&path);
        }
    }

    /// Makes the section and writes its file; a refusal or a failed write stays in the dialog.
    fn create_section(&mut self) {
        let Some(dialog) = self.new_section.as_mut() else {
            return;
        };
        let made =
            self.doc
                .session()
                .section_of(&dialog.name, dialog.facilitator(), dialog.keep_codes);
        let section = match made {
            Ok(section) => section,
            Err(refusal) => {
                dialog.error = Some(new_section::refusal_words(&self.tr, &refusal));
                return;
            }
        };
        let path = dialog.file();
        if let Some(key) = section_file_problem(&path, self.doc.path()) {
            dialog.error = Some(self.tr.t(key));
            return;
        }
        if dialog.would_replace_unasked() {
            dialog.error = Some(self.tr.t("new-section-exists"));
            return;
        }
        if let Err(error) = storage::save(&path, &section, None) {
            let title = self.tr.t("new-section-failed");
            dialog.error = Some(format!("{title}: {error}"));
            return;
        }
        let name = section
            .meta
            .section
            .as_ref()
            .map(|of| of.name.clone())
            .unwrap_or_default();
        let text = self.tr.args(
            "new-section-done",
            &[
                ("name", FluentValue::from(name)),
                ("file", FluentValue::from(path.display().to_string())),
            ],
        );
        self.new_section = None;
        self.notice = Some(Notice::Written { text, path });
    }

    /// File → Bring in section results…: opens the dialog and, with native dialogs, asks for
    /// the files at once.
    pub fn open_bring_in(&mut self) {
        if self.bring_in.is_none() {
            self.bring_in = Some(BringIn::default());
        }
        self.pick_section_files();
    }

    /// Reads the section files at `paths` into the Bring in dialog (opening it): the way files
    /// come in besides the native picker (dropped on the window, or given by a test).
    pub fn bring_in_files(&mut self, paths: &[PathBuf]) {
        let dialog = self.bring_in.get_or_insert_with(BringIn::default);
        for path in paths {
            dialog.add(read_section_file(path));
        }
    }

    /// Whether the Bring in dialog is open.
    pub fn is_bring_in_open(&self) -> bool {
        self.bring_in.is_some()
    }

    /// Dropped files go to the Bring in dialog while it is open; returns whether it took them.
    pub(super) fn drop_into_bring_in(&mut self, paths: &[PathBuf]) -> bool {
        if self.bring_in.is_none() || paths.is_empty() {
            return false;
        }
        self.bring_in_files(paths);
        true
    }

    /// Asks for section files in a native dialog (several at once).
    fn pick_section_files(&mut self) {
        if !self.native_dialogs {
            return;
        }
        let mut picker = rfd::FileDialog::new().add_filter("stratboard", &["ron"]);
        if let Some(folder) = self.doc.path().and_then(Path::parent) {
            picker = picker.set_directory(folder);
        }
        if let Some(paths) = picker.pick_files() {
            self.bring_in_files(&paths);
        }
    }

    /// Draws the Bring in dialog while it is open and does what the user chose.
    pub(super) fn bring_in_window(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.bring_in.as_mut() else {
            return;
        };
        let revision = self.doc.revision();
        let choice = dialog.show(ctx, &self.tr, &self.theme, self.doc.session(), revision);
        match choice {
            Some(bring_in::Choice::Apply) => self.apply_bring_in(),
            Some(bring_in::Choice::AddFiles) => self.pick_section_files(),
            Some(bring_in::Choice::Cancel) => self.bring_in = None,
            None => {}
        }
    }

    /// Plans the merge again against the session as it is now and applies it as one undo
    /// step; the notice says what was brought. A refusal keeps the dialog open and says why.
    fn apply_bring_in(&mut self) {
        let Some(dialog) = self.bring_in.as_ref() else {
            return;
        };
        let Some(files) = dialog.section_files() else {
            return;
        };
        let plan = match plan_merge(self.doc.session(), &files, dialog.top()) {
            Ok(plan) => plan,
            Err(refusal) => {
                let text = bring_in::refusal_words(&self.tr, &refusal);
                self.error("bring-in-refused", text);
                return;
            }
        };
        let report = plan.report;
        match self.doc.apply(plan.command, Instant::now()) {
            Ok(_) => {
                let count = |n: usize| FluentValue::from(i64::try_from(n).unwrap_or(i64::MAX));
                let text = self.tr.args(
                    "bring-in-done",
                    &[
                        ("count", count(report.sections.len())),
                        ("added", count(report.added)),
                        ("updated", count(report.updated)),
                    ],
                );
                self.bring_in = None;
                self.notice = Some(Notice::Info(text));
                self.schedule_autosave();
            }
            Err(error) => {
                let text = crate::ui::messages::command_error(&self.tr, &error);
                self.error("bring-in-refused", text);
            }
        }
    }
}

/// A section file read for the dialog: its session, or why it cannot be read.
fn read_section_file(path: &Path) -> Entry {
    let shown = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Entry {
        path: path.to_path_buf(),
        shown,
        read: storage::load(path)
            .map(|loaded| loaded.session)
            .map_err(|error| error.to_string()),
    }
}

/// Why the section's file cannot go to `path` (a translation key): no file named, or the open
/// session's own file.
fn section_file_problem(path: &Path, session: Option<&Path>) -> Option<&'static str> {
    if path.as_os_str().is_empty() || path.file_name().is_none() {
        return Some("new-section-no-file");
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    session
        .filter(|session| same(path, session))
        .map(|_| "new-section-is-session")
}
