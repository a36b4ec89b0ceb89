//! File → Export (Ctrl+E): choose a format and the protocol's language, see a preview, pick
//! where to write it, export. The protocol's language is independent of the interface's.
//! The export never touches the session file and never changes the document.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, RichText};

use super::{Notice, StratboardApp};
use crate::i18n::Language;
use crate::report::{self, Document, Format};
use crate::storage;
use crate::ui;

/// Lines of CSV shown in the preview.
const CSV_PREVIEW_LINES: usize = 300;

/// The export dialog's state.
#[derive(Default)]
pub struct ExportDialog {
    /// Whether the dialog is open.
    open: bool,
    /// The chosen format.
    format: Option<Format>,
    /// The protocol's language (defaults to the interface's).
    language: Option<Language>,
    /// The output file as typed.
    path: String,
    /// Why the last export failed, shown under the file field.
    error: Option<String>,
    /// The protocol built for (revision, language), reused while neither changes.
    document: Option<(u64, Language, Arc<Document>)>,
    /// The CSV built for (revision, language).
    csv: Option<(u64, Language, Arc<CsvPreview>)>,
    /// What the typed file name leads to, checked when the text changes (not every frame).
    exists: Option<(String, Target)>,
}

/// The CSV preview, built once per session revision and language (not every frame).
struct CsvPreview {
    /// The first lines, without the byte order mark.
    text: String,
    /// Whether the file would have only its header.
    empty: bool,
}

/// What exporting to the typed file would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// Write a new file.
    New,
    /// Replace an existing file.
    Replaces,
    /// Nothing: the name is refused (the translation key says why).
    Refused(&'static str),
}

/// The translation key of what is wrong with an export destination, if anything.
pub fn destination_problem(path: &Path, session: Option<&Path>) -> Option<&'static str> {
    storage::export_target_problem(path, session).map(|problem| match problem {
        storage::ExportTargetProblem::NoName => "export-error-no-file",
        storage::ExportTargetProblem::SessionFile => "export-error-session-file",
        storage::ExportTargetProblem::Folder => "export-error-folder",
    })
}

/// A file name from a title: characters no file system accepts become "_".
fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').to_owned();
    if cleaned.is_empty() {
        "protocol".to_owned()
    } else {
        cleaned
    }
}

impl StratboardApp {
    /// Opens the export dialog with the file next to the session (or in Documents).
    pub fn open_export(&mut self) {
        let remembered = self
            .settings
            .export_format
            .as_deref()
            .and_then(Format::from_name);
        let format = self.export.format.or(remembered).unwrap_or(Format::Docx);
        self.export.format = Some(format);
        let language = self
            .export
            .language
            .or(self.settings.export_language)
            .unwrap_or(self.tr.language());
        self.export.language = Some(language);
        self.export.error = None;
        self.export.path = self.default_export_path(format).display().to_string();
        self.export.open = true;
    }

    /// Whether the export dialog is open.
    pub fn is_export_open(&self) -> bool {
        self.export.open
    }

    fn default_export_path(&self, format: Format) -> PathBuf {
        match self.doc.path() {
            Some(path) => format.path_next_to(path),
            None => {
                let dir = directories::UserDirs::new()
                    .and_then(|d| d.document_dir().map(Path::to_path_buf))
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_default();
                dir.join(file_stem(&self.session().meta.title))
                    .with_extension(format.extension())
            }
        }
    }

    fn export_document(&mut self, language: Language) -> Arc<Document> {
        let revision = self.doc.revision();
        match &self.export.document {
            Some((r, l, doc)) if *r == revision && *l == language => Arc::clone(doc),
            _ => {
                let doc = Arc::new(report::document(self.session(), language));
                self.export.document = Some((revision, language, Arc::clone(&doc)));
                doc
            }
        }
    }

    fn export_csv(&mut self, language: Language) -> Arc<CsvPreview> {
        let revision = self.doc.revision();
        match &self.export.csv {
            Some((r, l, csv)) if *r == revision && *l == language => Arc::clone(csv),
            _ => {
                let csv = report::csv::ballots(self.session(), language);
                let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
                let preview = Arc::new(CsvPreview {
                    text: lines
                        .iter()
                        .take(CSV_PREVIEW_LINES)
                        .copied()
                        .collect::<Vec<_>>()
                        .join("\n"),
                    empty: lines.len() <= 1,
                });
                self.export.csv = Some((revision, language, Arc::clone(&preview)));
                preview
            }
        }
    }

    /// Writes the export to the path in the dialog; on success closes it and says where the
    /// file went, on failure keeps it open with the reason.
    /// The file typed in the dialog; a bare or relative name is taken in the folder of the
    /// default export (the session's, or Documents), not in the program's working folder.
    fn typed_export_path(&self) -> PathBuf {
        let typed = PathBuf::from(self.export.path.trim());
        if typed.as_os_str().is_empty() || typed.is_absolute() {
            return typed;
        }
        let format = self.export.format.unwrap_or(Format::Docx);
        match self.default_export_path(format).parent() {
            Some(folder) => folder.join(typed),
            None => typed,
        }
    }

    fn export_now(&mut self) {
        let path = self.typed_export_path();
        let format = self.export.format.unwrap_or(Format::Docx);
        let language = self.export.language.unwrap_or(self.tr.language());
        if let Some(key) = destination_problem(&path, self.doc.path()) {
            self.export.error = Some(self.tr.t(key));
            return;
        }
        let bytes = match report::export(self.session(), format, language) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.export.error = Some(error.to_string());
                return;
            }
        };
        match storage::write_file(&path, &bytes) {
            Ok(()) => {
                self.settings.export_format = Some(format.extension().to_owned());
                self.settings.export_language = Some(language);
                self.export.exists = None;
                self.export.open = false;
                self.export.error = None;
                let text = self
                    .tr
                    .with("export-done", "file", &path.display().to_string());
                self.notice = Some(Notice::Written { text, path });
            }
            Err(error) => {
                self.export.error = Some(format!("{}\n{error}", self.tr.t("export-failed")));
            }
        }
    }

    fn choose_export_path(&mut self) {
        if !self.native_dialogs {
            return;
        }
        let format = self.export.format.unwrap_or(Format::Docx);
        let current = PathBuf::from(self.export.path.trim());
        let mut dialog =
            rfd::FileDialog::new().add_filter(self.tr.t(format_key(format)), &[format.extension()]);
        if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = current.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        if let Some(path) = dialog.save_file() {
            self.export.path = path.display().to_string();
            self.export.error = None;
        }
    }

    /// Draws the export dialog when it is open.
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        if !self.export.open {
            return;
        }
        let screen = ctx.content_rect();
        let width = (screen.width() * 0.86).clamp(320.0, 1100.0);
        let preview_height = (screen.height() - 330.0).max(160.0);
        let format = self.export.format.unwrap_or(Format::Docx);
        let language = self.export.language.unwrap_or(self.tr.language());
        let document = (format != Format::Csv).then(|| self.export_document(language));
        let csv = (format == Format::Csv).then(|| self.export_csv(language));
        let revision = self.doc.revision();
        let mut export = false;
        let mut choose = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("stratboard-export")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(self.tr.t("export-title"));
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(self.theme.caption(self.tr.t("export-format")));
                for option in Format::ALL {
                    let selected = option == format;
                    if ui
                        .selectable_label(selected, self.tr.t(format_key(option)))
                        .clicked()
                        && !selected
                    {
                        self.export.format = Some(option);
                        let path = PathBuf::from(self.export.path.trim());
                        if !path.as_os_str().is_empty() {
                            self.export.path = path
                                .with_extension(option.extension())
                                .display()
                                .to_string();
                        }
                        self.export.error = None;
                    }
                }
                ui.separator();
                ui.label(self.theme.caption(self.tr.t("export-language")));
                for option in Language::ALL {
                    let selected = option == language;
                    if ui
                        .selectable_label(selected, option.native_name())
                        .clicked()
                    {
                        self.export.language = Some(option);
                    }
                }
            });
            ui.add_space(6.0);
            match (&document, &csv) {
                (Some(doc), _) => {
                    ui::export::preview(ui, &self.theme, doc, (revision, language), preview_height);
                }
                (None, Some(csv)) => {
                    if csv.empty {
                        ui.label(self.theme.caption(self.tr.t("export-csv-empty")));
                    }
                    ui::export::csv_preview(ui, &self.theme, &csv.text, preview_height);
                }
                (None, None) => {}
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let label = ui.label(self.tr.t("export-file"));
                let field_width = (ui.available_width() - 260.0).max(120.0);
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.export.path)
                            .desired_width(field_width),
                    )
                    .labelled_by(label.id);
                if edit.changed() {
                    self.export.error = None;
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    export = true;
                }
                if self.native_dialogs && ui.button(self.tr.t("export-choose")).clicked() {
                    choose = true;
                }
            });
            // What the typed name leads to, checked when it changes (not every frame): a
            // refusal shows at once; an existing file is named as the one to be replaced.
            let typed = self.export.path.trim().to_owned();
            let check = match &self.export.exists {
                Some((checked, check)) if *checked == typed => *check,
                _ => {
                    let path = self.typed_export_path();
                    let check = match destination_problem(&path, self.doc.path()) {
                        Some(problem) => Target::Refused(problem),
                        None if path.is_file() => Target::Replaces,
                        None => Target::New,
                    };
                    self.export.exists = Some((typed, check));
                    check
                }
            };
            if let Some(error) = &self.export.error {
                ui.label(RichText::new(error).color(self.theme.error()));
            } else {
                match check {
                    Target::Refused(key) if key != "export-error-no-file" => {
                        ui.label(RichText::new(self.tr.t(key)).color(self.theme.error()));
                    }
                    Target::Replaces => {
                        let text = self.tr.t("export-replaces");
                        ui.label(RichText::new(text).color(self.theme.warning()));
                    }
                    Target::Refused(_) | Target::New => {}
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(self.tr.t("export-button")).clicked() {
                    export = true;
                }
                if ui.button(self.tr.t("common-cancel")).clicked() {
                    cancel = true;
                }
            });
        });
        if choose {
            self.choose_export_path();
        }
        if export {
            self.export_now();
        }
        if cancel || modal.should_close() {
            self.export.open = false;
        }
    }
}

/// The translation key of a format's name in the dialog.
pub fn format_key(format: Format) -> &'static str {
    match format {
        Format::Docx => "export-format-docx",
        Format::Pdf => "export-format-pdf",
        Format::Html => "export-format-html",
        Format::Markdown => "export-format-md",
        Format::Csv => "export-format-csv",
    }
}

/// Opens a file or folder with the desktop's default application, without waiting for it.
/// Returns whether the opener could be started.
pub fn open_with_desktop(path: &Path) -> bool {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("explorer");
        c.arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    match command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            // Reap the opener when it exits, so no zombie process is left behind.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
