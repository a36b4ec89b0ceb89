//! File → Export (Ctrl+E): choose a format and the protocol's language, see a preview, pick
//! where to write it, export. The protocol's language is the session's unless another is picked;
//! it is independent of the interface's.
//! From an alternative's card the same dialog exports that initiative's passport instead
//! (`passport.rs`).
//! The export never touches the session file and never changes the document — except
//! participant cards (PDF), the dialog's last choice: everyone without a room code gets one
//! first (one undoable edit, which the notice asks to save), since a card is its code.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::{Key, RichText};
use fluent_templates::fluent_bundle::FluentValue;

use super::settings::Settings;
use super::{Notice, StratboardApp};
use crate::ui;
use crate::ui::theme::Theme;
use stratboard_core::i18n::Language;
use stratboard_core::i18n::Tr;
use stratboard_core::report::{self, Document, ExportError, Format, cards};
use stratboard_core::storage;
use stratboard_room::access;

mod passport;

/// Lines of CSV shown in the preview.
const CSV_PREVIEW_LINES: usize = 300;

/// What the export dialog is lent by the app for one call: it reads the document, and
/// remembers the format and language chosen in the settings.
pub struct Lent<'a> {
    /// The open document (its session, file and revision).
    pub doc: &'a stratboard_core::document::Document,
    /// Translations.
    pub tr: &'a Tr,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// The remembered settings.
    pub settings: &'a mut Settings,
    /// The room (the cards print its address while it is open).
    pub room: &'a super::room::RoomHost,
    /// Whether "Choose…" may open the system's file dialog (not in tests).
    pub native_dialogs: bool,
}

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
    /// The alternative whose passport is exported instead of the protocol (opened from its
    /// card); `None` for the protocol and the cards.
    passport: Option<stratboard_core::model::AlternativeId>,
    /// The passport's format chosen last (PDF at first).
    passport_format: Option<report::PassportFormat>,
    /// The passport built for the preview.
    passport_built: Option<passport::Built>,
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

impl ExportDialog {
    /// Opens the export dialog with the file next to the session (or in Documents).
    pub(super) fn open_dialog(&mut self, lent: &mut Lent<'_>) {
        let remembered = lent
            .settings
            .export_format
            .as_deref()
            .and_then(Format::from_name);
        let format = self.format.or(remembered).unwrap_or(Format::Docx);
        self.format = Some(format);
        // File → Export is the protocol's (or the cards'); a passport is asked from its card.
        self.passport = None;
        // The protocol is in the session's language unless the facilitator picks another.
        let language = lent.doc.session().language();
        self.language = Some(language);
        self.error = None;
        let path = self.default_export_path(lent, format);
        self.path = if self.cards {
            self.join_base = Some(self.cards_join_base(lent));
            cards_path(&path, &lent.tr.t("cards-file-suffix"))
        } else {
            path
        }
        .display()
        .to_string();
        self.open = true;
    }

    /// Whether the dialog offers participant cards rather than the protocol.
    pub fn is_cards(&self) -> bool {
        self.cards
    }

    /// The room's address for the cards: the open room's; else the remembered address and
    /// port; else this machine's first address a phone could reach (loopback at worst).
    fn cards_join_base(&self, lent: &Lent<'_>) -> (String, bool) {
        if let Some(url) = lent.room.url() {
            return (url.trim_end_matches('/').to_owned(), true);
        }
        let ip = lent
            .settings
            .room_address
            .or_else(|| super::room::local_addresses().first().copied())
            .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let address = SocketAddr::new(ip, lent.settings.room_port);
        (format!("http://{address}"), false)
    }

    /// Switches the dialog between participant cards and the protocol in `format`, keeping
    /// the typed folder and name (`plan.docx` ⇄ `plan-cards.pdf`).
    fn choose_cards(&mut self, lent: &mut Lent<'_>, cards: bool, format: Format) {
        let suffix = lent.tr.t("cards-file-suffix");
        let path = PathBuf::from(self.path.trim());
        let was_cards = self.cards;
        self.cards = cards;
        self.format = Some(format);
        if cards {
            self.join_base = Some(self.cards_join_base(lent));
        }
        if !path.as_os_str().is_empty() {
            let path = if cards {
                cards_path(&path, &suffix)
            } else if was_cards {
                protocol_path(&path, &suffix).with_extension(format.extension())
            } else {
                path.with_extension(format.extension())
            };
            self.path = path.display().to_string();
        }
        self.error = None;
    }

    /// Whether the export dialog is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    fn default_export_path(&self, lent: &Lent<'_>, format: Format) -> PathBuf {
        match lent.doc.path() {
            Some(path) => format.path_next_to(path),
            None => {
                let dir = directories::UserDirs::new()
                    .and_then(|d| d.document_dir().map(Path::to_path_buf))
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_default();
                dir.join(file_stem(&lent.doc.session().meta.title))
                    .with_extension(format.extension())
            }
        }
    }

    fn export_document(&mut self, lent: &mut Lent<'_>, language: Language) -> Arc<Document> {
        let revision = lent.doc.revision();
        match &self.document {
            Some((r, l, doc)) if *r == revision && *l == language => Arc::clone(doc),
            _ => {
                let doc = Arc::new(report::document(lent.doc.session(), language));
                self.document = Some((revision, language, Arc::clone(&doc)));
                doc
            }
        }
    }

    fn export_csv(&mut self, lent: &mut Lent<'_>, language: Language) -> Arc<CsvPreview> {
        let revision = lent.doc.revision();
        match &self.csv {
            Some((r, l, csv)) if *r == revision && *l == language => Arc::clone(csv),
            _ => {
                let csv = report::csv::ballots(lent.doc.session(), language);
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
                self.csv = Some((revision, language, Arc::clone(&preview)));
                preview
            }
        }
    }

    /// The file typed in the dialog; a bare or relative name is taken in the folder of the
    /// default export (the session's, or Documents), not in the program's working folder.
    fn typed_export_path(&self, lent: &Lent<'_>) -> PathBuf {
        let typed = PathBuf::from(self.path.trim());
        if typed.as_os_str().is_empty() || typed.is_absolute() {
            return typed;
        }
        let format = if self.cards {
            Format::Pdf
        } else {
            self.format.unwrap_or(Format::Docx)
        };
        match self.default_export_path(lent, format).parent() {
            Some(folder) => folder.join(typed),
            None => typed,
        }
    }

    /// Writes the export to the path in the dialog; on success closes it and returns what was
    /// written, on failure keeps it open with the reason.
    fn export_now(&mut self, lent: &mut Lent<'_>) -> Option<Exported> {
        if let Some(alternative) = self.passport {
            return self.export_passport_now(lent, alternative);
        }
        if self.cards {
            return self.export_cards_now(lent);
        }
        let path = self.typed_export_path(lent);
        let format = self.format.unwrap_or(Format::Docx);
        let language = self.language.unwrap_or(lent.tr.language());
        if let Some(key) = destination_problem(&path, lent.doc.path()) {
            self.error = Some(lent.tr.t(key));
            return None;
        }
        let bytes = match report::export(lent.doc.session(), format, language) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.error = Some(error.to_string());
                return None;
            }
        };
        match storage::write_file(&path, &bytes) {
            Ok(()) => {
                lent.settings.export_format = Some(format.extension().to_owned());
                lent.settings.export_language = Some(language);
                self.exists = None;
                self.open = false;
                self.error = None;
                let text = lent
                    .tr
                    .with("export-done", "file", &path.display().to_string());
                Some(Exported::Protocol(Notice::Written { text, path }))
            }
            Err(error) => {
                self.error = Some(format!("{}\n{error}", lent.tr.t("export-failed")));
                None
            }
        }
    }

    /// Writes participant cards to the path in the dialog. Participants without a code get
    /// one first — in a copy of the session, so that a refused name or a failed write leaves
    /// the document as it was; once the file is written the same codes go into the document
    /// as one undoable edit, and the notice asks to save them. The session file is not touched.
    fn export_cards_now(&mut self, lent: &mut Lent<'_>) -> Option<Exported> {
        let path = self.typed_export_path(lent);
        let language = self.language.unwrap_or(lent.tr.language());
        if let Some(key) = destination_problem(&path, lent.doc.path()) {
            self.error = Some(lent.tr.t(key));
            return None;
        }
        if lent.doc.session().participants.is_empty() {
            self.error = Some(lent.tr.t("cards-none"));
            return None;
        }
        let Ok(codes) = access::codes_for_everyone(lent.doc.session()) else {
            self.error = Some(lent.tr.t("cards-no-random"));
            return None;
        };
        let given = lent
            .doc
            .session()
            .participants
            .iter()
            .filter(|p| p.code.is_none())
            .count();
        let with_codes = match &codes {
            Some(codes) => {
                let mut session = lent.doc.session().clone();
                if let Err(error) = session.apply(codes.clone()) {
                    self.error = Some(error.to_string());
                    return None;
                }
                std::borrow::Cow::Owned(session)
            }
            None => std::borrow::Cow::Borrowed(lent.doc.session()),
        };
        let base = match &self.join_base {
            Some((base, _)) => base.clone(),
            None => self.cards_join_base(lent).0,
        };
        let bytes = match report::participant_cards(&with_codes, &base, language) {
            Ok(bytes) => bytes,
            Err(ExportError::NoParticipantCodes) => {
                self.error = Some(lent.tr.t("cards-none"));
                return None;
            }
            Err(error) => {
                self.error = Some(error.to_string());
                return None;
            }
        };
        drop(with_codes);
        if let Err(error) = storage::write_file(&path, &bytes) {
            self.error = Some(format!("{}\n{error}", lent.tr.t("export-failed")));
            return None;
        }
        lent.settings.export_language = Some(language);
        self.exists = None;
        self.open = false;
        self.error = None;
        let codes = codes.map(Box::new);
        Some(Exported::Cards { path, codes, given })
    }

    /// The cards' part of the dialog: how many cards on how many pages, the address they
    /// print, who gets a code on export, and the list in the cards' order.
    fn cards_preview(&self, lent: &Lent<'_>, ui: &mut egui::Ui, height: f32) {
        let session = lent.doc.session();
        let people = session.participants.len();
        if people == 0 {
            ui.label(RichText::new(lent.tr.t("cards-none")).color(lent.theme.warning()));
            return;
        }
        let pages = people.div_ceil(cards::CARDS_PER_PAGE);
        ui.label(lent.tr.args(
            "cards-summary",
            &[
                ("cards", FluentValue::from(count(people))),
                ("pages", FluentValue::from(count(pages))),
            ],
        ));
        if let Some((base, open)) = &self.join_base {
            ui.label(lent.tr.with("cards-address", "address", base));
            if !open {
                ui.label(lent.theme.caption(lent.tr.t("cards-address-closed")));
            }
        }
        let missing = session
            .participants
            .iter()
            .filter(|p| p.code.is_none())
            .count();
        if missing > 0 {
            let text = lent.tr.n("cards-will-give-codes", count(missing));
            ui.label(RichText::new(text).color(lent.theme.warning()));
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
                            ui.label(RichText::new(lent.tr.t(key)).strong());
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
                                    ui.label(lent.theme.caption(lent.tr.t("cards-code-on-export")))
                                }
                            };
                            ui.end_row();
                        }
                    });
            });
    }

    fn choose_export_path(&mut self, lent: &mut Lent<'_>) {
        if !lent.native_dialogs {
            return;
        }
        let format = self.format.unwrap_or(Format::Docx);
        let current = PathBuf::from(self.path.trim());
        let (filter, extension) = if self.passport.is_some() {
            self.passport_filter(lent.tr)
        } else if self.cards {
            (lent.tr.t("cards-choice"), Format::Pdf.extension())
        } else {
            (lent.tr.t(format_key(format)), format.extension())
        };
        let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
        if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = current.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        if let Some(path) = dialog.save_file() {
            self.path = path.display().to_string();
            self.error = None;
        }
    }

    /// Draws the export dialog when it is open: the choices, the preview, the file and the
    /// buttons.
    pub(super) fn show(&mut self, lent: &mut Lent<'_>, ctx: &egui::Context) -> Option<Exported> {
        if !self.open {
            return None;
        }
        let screen = ctx.content_rect();
        let width = (screen.width() * 0.86).clamp(320.0, 1100.0);
        let preview_height = (screen.height() - 330.0).max(160.0);
        let format = self.format.unwrap_or(Format::Docx);
        let language = self.language.unwrap_or(lent.tr.language());
        let cards = self.cards;
        let passport = self.passport;
        let preview = if let Some(alternative) = passport {
            Preview::Passport(self.passport_document(lent, alternative, language))
        } else if cards {
            Preview::Cards
        } else if format == Format::Csv {
            Preview::Csv(self.export_csv(lent, language))
        } else if format == Format::Xlsx {
            Preview::Workbook
        } else {
            Preview::Document(self.export_document(lent, language))
        };
        let revision = lent.doc.revision();
        let mut clicks = Clicks::default();
        let modal = egui::Modal::new(egui::Id::unique("stratboard-export")).show(ctx, |ui| {
            ui.set_width(width);
            match passport {
                Some(alternative) => {
                    ui.heading(lent.tr.t("export-passport-title"));
                    ui.add_space(6.0);
                    self.passport_choices(lent, ui, alternative, language);
                }
                None => {
                    ui.heading(lent.tr.t("export-title"));
                    ui.add_space(6.0);
                    self.export_choices(lent, ui, format, language, cards);
                }
            }
            ui.add_space(6.0);
            match &preview {
                Preview::Passport(Ok(doc)) => {
                    let key = ("passport", passport.map(|a| a.0), revision, language);
                    ui::export::preview(ui, lent.theme, doc, key, preview_height);
                }
                Preview::Passport(Err(why)) => {
                    ui.label(RichText::new(why).color(lent.theme.error()));
                }
                Preview::Cards => self.cards_preview(lent, ui, preview_height),
                Preview::Document(doc) => {
                    ui::export::preview(ui, lent.theme, doc, (revision, language), preview_height);
                }
                Preview::Csv(csv) => {
                    if csv.empty {
                        ui.label(lent.theme.caption(lent.tr.t("export-csv-empty")));
                    }
                    ui::export::csv_preview(ui, lent.theme, &csv.text, preview_height);
                }
                Preview::Workbook => {
                    ui.label(lent.tr.t("export-xlsx-note"));
                }
            }
            ui.add_space(8.0);
            self.export_file_row(lent, ui, &mut clicks);
            self.export_target_note(lent, ui);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(lent.tr.t("export-button")).clicked() {
                    clicks.export = true;
                }
                if ui.button(lent.tr.t("common-cancel")).clicked() {
                    clicks.cancel = true;
                }
            });
        });
        if clicks.choose {
            self.choose_export_path(lent);
        }
        let exported = if clicks.export {
            self.export_now(lent)
        } else {
            None
        };
        if clicks.cancel || modal.should_close() {
            self.open = false;
        }
        exported
    }

    /// The dialog's first row: the document formats or the participant cards, then the
    /// document's language.
    fn export_choices(
        &mut self,
        lent: &mut Lent<'_>,
        ui: &mut egui::Ui,
        format: Format,
        language: Language,
        cards: bool,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(lent.theme.caption(lent.tr.t("export-format")));
            for option in Format::ALL {
                let selected = !cards && option == format;
                if ui
                    .selectable_label(selected, lent.tr.t(format_key(option)))
                    .clicked()
                    && !selected
                {
                    self.choose_cards(lent, false, option);
                }
            }
            ui.separator();
            if ui
                .selectable_label(cards, lent.tr.t("cards-choice"))
                .clicked()
                && !cards
            {
                self.choose_cards(lent, true, format);
            }
            ui.separator();
            if let Some(option) = language_row(ui, lent, "export-language", language) {
                self.language = Some(option);
            }
        });
    }

    /// The file row: the typed path (Enter exports) and, with native dialogs, "Choose…".
    fn export_file_row(&mut self, lent: &mut Lent<'_>, ui: &mut egui::Ui, clicks: &mut Clicks) {
        ui.horizontal(|ui| {
            let label = ui.label(lent.tr.t("export-file"));
            let field_width = (ui.available_width() - 260.0).max(120.0);
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.path).desired_width(field_width))
                .labelled_by(label.id);
            if edit.changed() {
                self.error = None;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                clicks.export = true;
            }
            if lent.native_dialogs && ui.button(lent.tr.t("export-choose")).clicked() {
                clicks.choose = true;
            }
        });
    }

    /// What the typed name leads to, checked when it changes (not every frame).
    fn export_target(&mut self, lent: &mut Lent<'_>) -> Target {
        let typed = self.path.trim().to_owned();
        match &self.exists {
            Some((checked, check)) if *checked == typed => *check,
            _ => {
                let path = self.typed_export_path(lent);
                let check = match destination_problem(&path, lent.doc.path()) {
                    Some(problem) => Target::Refused(problem),
                    None if path.is_file() => Target::Replaces,
                    None => Target::New,
                };
                self.exists = Some((typed, check));
                check
            }
        }
    }

    /// Under the file row: the last export's error, else a refusal of the typed name at once,
    /// or the existing file it would replace.
    fn export_target_note(&mut self, lent: &mut Lent<'_>, ui: &mut egui::Ui) {
        let check = self.export_target(lent);
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(lent.theme.error()));
            return;
        }
        match check {
            Target::Refused(key) if key != "export-error-no-file" => {
                ui.label(RichText::new(lent.tr.t(key)).color(lent.theme.error()));
            }
            Target::Replaces => {
                let text = lent.tr.t("export-replaces");
                ui.label(RichText::new(text).color(lent.theme.warning()));
            }
            Target::Refused(_) | Target::New => {}
        }
    }
}

/// The language choice of a document (protocol, cards, passport): a caption `key` and a
/// button per language. Returns the language clicked this frame.
fn language_row(
    ui: &mut egui::Ui,
    lent: &Lent<'_>,
    key: &'static str,
    current: Language,
) -> Option<Language> {
    ui.label(lent.theme.caption(lent.tr.t(key)));
    let mut chosen = None;
    for option in Language::ALL {
        if ui
            .selectable_label(option == current, option.native_name())
            .clicked()
        {
            chosen = Some(option);
        }
    }
    chosen
}

/// A file the dialog wrote.
pub enum Exported {
    /// The protocol or an initiative's passport: the notice to show.
    Protocol(Notice),
    /// Participant cards at `path`; `codes` gives the `given` participants who had no code
    /// the codes printed on their cards (the owner applies it as one undoable edit).
    Cards {
        /// The file.
        path: PathBuf,
        /// The edit that gives the codes, if anyone lacked one.
        codes: Option<Box<stratboard_core::commands::Command>>,
        /// How many participants it gives a code.
        given: usize,
    },
}

/// The document owner's side of the dialog: lending it what it reads, and what needs the
/// document (the cards' codes) or the notice.
impl StratboardApp {
    /// The dialog and what it is lent, borrowed apart.
    fn export_parts(&mut self) -> (&mut ExportDialog, Lent<'_>) {
        let lent = Lent {
            doc: &self.doc,
            tr: &self.tr,
            theme: &self.theme,
            settings: &mut self.settings,
            room: &self.room,
            native_dialogs: self.native_dialogs,
        };
        (&mut self.export, lent)
    }

    /// Opens the export dialog with the file next to the session (or in Documents).
    pub fn open_export(&mut self) {
        let (dialog, mut lent) = self.export_parts();
        dialog.open_dialog(&mut lent);
    }

    /// Opens the export dialog on the passport of the initiative `alternative` (asked from
    /// its card).
    pub fn open_passport_export(&mut self, alternative: stratboard_core::model::AlternativeId) {
        let (dialog, mut lent) = self.export_parts();
        dialog.open_passport(&mut lent, alternative);
    }

    /// The alternative whose passport the export dialog offers, if it does.
    pub fn exporting_passport(&self) -> Option<stratboard_core::model::AlternativeId> {
        self.export.passport()
    }

    /// Whether the export dialog is open.
    pub fn is_export_open(&self) -> bool {
        self.export.is_open()
    }

    /// Whether the dialog offers participant cards rather than the protocol.
    pub fn exporting_cards(&self) -> bool {
        self.export.is_cards()
    }

    /// Draws the export dialog when it is open, and takes in what it wrote.
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        let (dialog, mut lent) = self.export_parts();
        match dialog.show(&mut lent, ctx) {
            Some(Exported::Protocol(notice)) => self.notice = Some(notice),
            Some(Exported::Cards { path, codes, given }) => self.cards_written(path, codes, given),
            None => {}
        }
    }

    /// Cards were written: the codes printed on them go into the document as one undoable
    /// edit, and the notice asks to save them.
    fn cards_written(
        &mut self,
        path: PathBuf,
        codes: Option<Box<stratboard_core::commands::Command>>,
        given: usize,
    ) {
        let file = path.display().to_string();
        let text = match codes {
            Some(codes) => match self.doc.apply(*codes, Instant::now()) {
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
        self.notice = Some(Notice::Written { text, path });
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
    /// The workbook of the action plan: what its sheets hold (it has no page to show).
    Workbook,
    /// An initiative's passport, or why it has none.
    Passport(Result<Arc<Document>, String>),
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
        Format::Xlsx => "export-format-xlsx",
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
