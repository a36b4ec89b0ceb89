//! File → Export (Ctrl+E): choose a format and the protocol's language, see a preview, pick
//! where to write it, export. The protocol's language is the session's unless another is picked;
//! it is independent of the interface's.
//! The export never touches the session file and never changes the document — except
//! participant cards (PDF), the dialog's last choice: everyone without a room code gets one
//! first (one undoable edit, which the notice asks to save), since a card is its code.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::{Key, RichText};
use fluent_templates::fluent_bundle::FluentValue;

use super::{Notice, StratboardApp};
use crate::ui;
use stratboard_core::i18n::Language;
use stratboard_core::report::{self, Document, ExportError, Format, cards};
use stratboard_core::storage;
use stratboard_room::access;

/// Lines of CSV shown in the preview.
const CSV_PREVIEW_LINES: usize = 300;

/// The export dialog's state.
#[derive(Default)]
pub struct ExportDialog {
    /// Whether the dialog is open.
    open: bool,
    /// The chosen format.
    format: Option<Format>,
    /// The protocol's language (the session's when the dialog opens).
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
    /// Participant cards are chosen instead of a format of the protocol.
    cards: bool,
    /// The room's address the cards print (`http://ADDR:PORT`) and whether the room is open,
    /// found when the cards are chosen (not every frame).
    join_base: Option<(String, bool)>,
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
        // The protocol is in the session's language unless the facilitator picks another.
        let language = self.session().language();
        self.export.language = Some(language);
        self.export.error = None;
        let path = self.default_export_path(format);
        self.export.path = if self.export.cards {
            self.export.join_base = Some(self.cards_join_base());
            cards_path(&path, &self.tr.t("cards-file-suffix"))
        } else {
            path
        }
        .display()
        .to_string();
        self.export.open = true;
    }

    /// Whether the dialog offers participant cards rather than the protocol.
    pub fn exporting_cards(&self) -> bool {
        self.export.cards
    }

    /// The room's address for the cards: the open room's; else the remembered address and
    /// port; else this machine's first address a phone could reach (loopback at worst).
    fn cards_join_base(&self) -> (String, bool) {
        if let Some(url) = self.room_url() {
            return (url.trim_end_matches('/').to_owned(), true);
        }
        let ip = self
            .settings
            .room_address
            .or_else(|| super::room::local_addresses().first().copied())
            .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let address = SocketAddr::new(ip, self.settings.room_port);
        (format!("http://{address}"), false)
    }

    /// Switches the dialog between participant cards and the protocol in `format`, keeping
    /// the typed folder and name (`plan.docx` ⇄ `plan-cards.pdf`).
    fn choose_cards(&mut self, cards: bool, format: Format) {
        let suffix = self.tr.t("cards-file-suffix");
        let path = PathBuf::from(self.export.path.trim());
        let was_cards = self.export.cards;
        self.export.cards = cards;
        self.export.format = Some(format);
        if cards {
            self.export.join_base = Some(self.cards_join_base());
        }
        if !path.as_os_str().is_empty() {
            let path = if cards {
                cards_path(&path, &suffix)
            } else if was_cards {
                protocol_path(&path, &suffix).with_extension(format.extension())
            } else {
                path.with_extension(format.extension())
            };
            self.export.path = path.display().to_string();
        }
        self.export.error = None;
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
        let format = if self.export.cards {
            Format::Pdf
        } else {
            self.export.format.unwrap_or(Format::Docx)
        };
        match self.default_export_path(format).parent() {
            Some(folder) => folder.join(typed),
            None => typed,
        }
    }

    fn export_now(&mut self) {
        if self.export.cards {
            self.export_cards_now();
            return;
        }
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

    /// Writes participant cards to the path in the dialog. Participants without a code get
    /// one first — in a copy of the session, so that a refused name or a failed write leaves
    /// the document as it was; once the file is written the same codes go into the document
    /// as one undoable edit, and the notice asks to save them. The session file is not touched.
    fn export_cards_now(&mut self) {
        let path = self.typed_export_path();
        let language = self.export.language.unwrap_or(self.tr.language());
        if let Some(key) = destination_problem(&path, self.doc.path()) {
            self.export.error = Some(self.tr.t(key));
            return;
        }
        if self.session().participants.is_empty() {
            self.export.error = Some(self.tr.t("cards-none"));
            return;
        }
        let Ok(codes) = access::codes_for_everyone(self.session()) else {
            self.export.error = Some(self.tr.t("cards-no-random"));
            return;
        };
        let given = self
            .session()
            .participants
            .iter()
            .filter(|p| p.code.is_none())
            .count();
        let with_codes = match &codes {
            Some(codes) => {
                let mut session = self.session().clone();
                if let Err(error) = session.apply(codes.clone()) {
                    self.export.error = Some(error.to_string());
                    return;
                }
                std::borrow::Cow::Owned(session)
            }
            None => std::borrow::Cow::Borrowed(self.session()),
        };
        let base = match &self.export.join_base {
            Some((base, _)) => base.clone(),
            None => self.cards_join_base().0,
        };
        let bytes = match report::participant_cards(&with_codes, &base, language) {
            Ok(bytes) => bytes,
            Err(ExportError::NoParticipantCodes) => {
                self.export.error = Some(self.tr.t("cards-none"));
                return;
            }
            Err(error) => {
                self.export.error = Some(error.to_string());
                return;
            }
        };
        drop(with_codes);
        if let Err(error) = storage::write_file(&path, &bytes) {
            self.export.error = Some(format!("{}\n{error}", self.tr.t("export-failed")));
            return;
        }
        let file = path.display().to_string();
        let text = match codes {
            Some(codes) => match self.doc.apply(codes, Instant::now()) {
                Ok(_) => {
                    self.schedule_autosave();
                    self.tr.args(
                        "cards-done-codes",
                        &[
                            ("file", FluentValue::from(file)),
                            ("count", FluentValue::from(count(given))),
                        ],
                    )
                }
                Err(error) => format!("{}\n{error}", self.tr.with("cards-done", "file", &file)),
            },
            None => self.tr.with("cards-done", "file", &file),
        };
        self.settings.export_language = Some(language);
        self.export.exists = None;
        self.export.open = false;
        self.export.error = None;
        self.notice = Some(Notice::Written { text, path });
    }

    /// The cards' part of the dialog: how many cards on how many pages, the address they
    /// print, who gets a code on export, and the list in the cards' order.
    fn cards_preview(&self, ui: &mut egui::Ui, height: f32) {
        let session = self.session();
        let people = session.participants.len();
        if people == 0 {
            ui.label(RichText::new(self.tr.t("cards-none")).color(self.theme.warning()));
            return;
        }
        let pages = people.div_ceil(cards::CARDS_PER_PAGE);
        ui.label(self.tr.args(
            "cards-summary",
            &[
                ("cards", FluentValue::from(count(people))),
                ("pages", FluentValue::from(count(pages))),
            ],
        ));
        if let Some((base, open)) = &self.export.join_base {
            ui.label(self.tr.with("cards-address", "address", base));
            if !open {
                ui.label(self.theme.caption(self.tr.t("cards-address-closed")));
            }
        }
        let missing = session
            .participants
            .iter()
            .filter(|p| p.code.is_none())
            .count();
        if missing > 0 {
            let text = self.tr.n("cards-will-give-codes", count(missing));
            ui.label(RichText::new(text).color(self.theme.warning()));
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(height - 60.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("stratboard-export-cards")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for key in [
                            "cards-column-name",
                            "cards-column-group",
                            "cards-column-code",
                        ] {
                            ui.label(RichText::new(self.tr.t(key)).strong());
                        }
                        ui.end_row();
                        for person in cards::in_card_order(session) {
                            ui.label(&person.name);
                            let group = person.group.and_then(|g| session.group(g));
                            ui.label(group.map_or("", |g| g.name.as_str()));
                            match &person.code {
                                Some(code) => {
                                    ui.label(RichText::new(cards::spaced_code(code)).monospace())
                                }
                                None => {
                                    ui.label(self.theme.caption(self.tr.t("cards-code-on-export")))
                                }
                            };
                            ui.end_row();
                        }
                    });
            });
    }

    fn choose_export_path(&mut self) {
        if !self.native_dialogs {
            return;
        }
        let format = self.export.format.unwrap_or(Format::Docx);
        let current = PathBuf::from(self.export.path.trim());
        let (filter, extension) = if self.export.cards {
            (self.tr.t("cards-choice"), Format::Pdf.extension())
        } else {
            (self.tr.t(format_key(format)), format.extension())
        };
        let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
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

    /// Draws the export dialog when it is open: the choices, the preview, the file and the
    /// buttons.
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        if !self.export.open {
            return;
        }
        let screen = ctx.content_rect();
        let width = (screen.width() * 0.86).clamp(320.0, 1100.0);
        let preview_height = (screen.height() - 330.0).max(160.0);
        let format = self.export.format.unwrap_or(Format::Docx);
        let language = self.export.language.unwrap_or(self.tr.language());
        let cards = self.export.cards;
        let preview = if cards {
            Preview::Cards
        } else if format == Format::Csv {
            Preview::Csv(self.export_csv(language))
        } else {
            Preview::Document(self.export_document(language))
        };
        let revision = self.doc.revision();
        let mut clicks = Clicks::default();
        let modal = egui::Modal::new(egui::Id::unique("stratboard-export")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(self.tr.t("export-title"));
            ui.add_space(6.0);
            self.export_choices(ui, format, language, cards);
            ui.add_space(6.0);
            match &preview {
                Preview::Cards => self.cards_preview(ui, preview_height),
                Preview::Document(doc) => {
                    ui::export::preview(ui, &self.theme, doc, (revision, language), preview_height);
                }
                Preview::Csv(csv) => {
                    if csv.empty {
                        ui.label(self.theme.caption(self.tr.t("export-csv-empty")));
                    }
                    ui::export::csv_preview(ui, &self.theme, &csv.text, preview_height);
                }
            }
            ui.add_space(8.0);
            self.export_file_row(ui, &mut clicks);
            self.export_target_note(ui);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(self.tr.t("export-button")).clicked() {
                    clicks.export = true;
                }
                if ui.button(self.tr.t("common-cancel")).clicked() {
                    clicks.cancel = true;
                }
            });
        });
        if clicks.choose {
            self.choose_export_path();
        }
        if clicks.export {
            self.export_now();
        }
        if clicks.cancel || modal.should_close() {
            self.export.open = false;
        }
    }

    /// The dialog's first row: the document formats or the participant cards, then the
    /// document's language.
    fn export_choices(
        &mut self,
        ui: &mut egui::Ui,
        format: Format,
        language: Language,
        cards: bool,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(self.theme.caption(self.tr.t("export-format")));
            for option in Format::ALL {
                let selected = !cards && option == format;
                if ui
                    .selectable_label(selected, self.tr.t(format_key(option)))
                    .clicked()
                    && !selected
                {
                    self.choose_cards(false, option);
                }
            }
            ui.separator();
            if ui
                .selectable_label(cards, self.tr.t("cards-choice"))
                .clicked()
                && !cards
            {
                self.choose_cards(true, format);
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
    }

    /// The file row: the typed path (Enter exports) and, with native dialogs, "Choose…".
    fn export_file_row(&mut self, ui: &mut egui::Ui, clicks: &mut Clicks) {
        ui.horizontal(|ui| {
            let label = ui.label(self.tr.t("export-file"));
            let field_width = (ui.available_width() - 260.0).max(120.0);
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.export.path).desired_width(field_width))
                .labelled_by(label.id);
            if edit.changed() {
                self.export.error = None;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                clicks.export = true;
            }
            if self.native_dialogs && ui.button(self.tr.t("export-choose")).clicked() {
                clicks.choose = true;
            }
        });
    }

    /// What the typed name leads to, checked when it changes (not every frame).
    fn export_target(&mut self) -> Target {
        let typed = self.export.path.trim().to_owned();
        match &self.export.exists {
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
        }
    }

    /// Under the file row: the last export's error, else a refusal of the typed name at once,
    /// or the existing file it would replace.
    fn export_target_note(&mut self, ui: &mut egui::Ui) {
        let check = self.export_target();
        if let Some(error) = &self.export.error {
            ui.label(RichText::new(error).color(self.theme.error()));
            return;
        }
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
}

/// What the export dialog previews.
enum Preview {
    /// The participant cards' table.
    Cards,
    /// The document in the chosen format.
    Document(Arc<Document>),
    /// The CSV text.
    Csv(Arc<CsvPreview>),
}

/// What the export dialog's buttons (and Enter) asked for in one frame.
#[derive(Default)]
struct Clicks {
    export: bool,
    choose: bool,
    cancel: bool,
}

/// A count as a Fluent number.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The participant cards' file beside `path`: `plan.docx` → `plan-cards.pdf` (`suffix` is
/// the translated "-cards"); a name that already ends in the suffix keeps it.
fn cards_path(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = if stem.ends_with(suffix) {
        format!("{stem}.pdf")
    } else {
        format!("{stem}{suffix}.pdf")
    };
    path.with_file_name(name)
}

/// The protocol's file for a cards' file: `plan-cards.pdf` → `plan.pdf` (the caller sets the
/// extension).
fn protocol_path(path: &Path, suffix: &str) -> PathBuf {
    match path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .and_then(|name| {
            let stem = Path::new(&name).file_stem()?.to_string_lossy().into_owned();
            stem.strip_suffix(suffix).map(str::to_owned)
        }) {
        Some(stem) if !stem.is_empty() => path.with_file_name(format!("{stem}.pdf")),
        _ => path.to_path_buf(),
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
