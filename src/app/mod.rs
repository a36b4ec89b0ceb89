//! The eframe shell: one window with the facilitator's board.
//!
//! Per frame: read shortcuts and dropped files → draw the menu, the sections panel and the
//! selected section (panels send commands to the document's inbox, as the room's phones do)
//! → run the owner's loop once ([`stratboard_room::owner_turn`]: apply in the order sent,
//! save where a phone waits for it, publish to the room, answer) → end the undo step unless a
//! text field is still being typed into → autosave to the recovery file while there are
//! unsaved changes → dialogs. Nothing repaints while nothing happens: the only timed repaint
//! is the pending autosave.

pub mod actions;
mod autosave;
mod chrome;

pub mod export;
mod files;
pub mod help;
mod participants_import;
pub mod present;
pub mod room;
mod sections;
pub mod settings;
mod speaking;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;

use crate::ui::theme::{SIDEBAR_WIDTH, Theme, ThemeKind};
use crate::ui::{self, BoardState};
use settings::Settings;
use stratboard_core::commands::{Command, Outcome};
use stratboard_core::deadlines::Deadlines;
pub use stratboard_core::document::Document;
use stratboard_core::i18n::{Language, Tr};
use stratboard_core::model::{BoardSection, Session, VoteId};
use stratboard_core::storage::{self, recovery::RecoveryStore};

/// The sample session a fresh install opens, so that it shows a real board: the first of the
/// samples compiled into the binary (`help::SAMPLES`, the Russian one).
pub const EMBEDDED_SAMPLE: &str = help::SAMPLES[0].text;

pub use autosave::AUTOSAVE_DELAY;

/// A message shown above the board until dismissed (or replaced).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Something done (saved, deleted…).
    Info(String),
    /// A file was written (an export): the notice offers to open it or its folder.
    Written {
        /// What was done ("Exported to …").
        text: String,
        /// The file.
        path: PathBuf,
    },
    /// Something refused or failed; the text says what and where.
    Error {
        /// What failed ("Could not save").
        title: String,
        /// The details.
        detail: String,
    },
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Dialog {
    /// Unsaved changes: save, discard or cancel before `then`.
    Unsaved { then: Then },
    /// A recovery file newer than the document was found.
    Recovery { path: PathBuf },
    /// The file was changed on disk by someone else.
    ExternalChange,
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Then {
    Close,
    New,
    /// File → New follow-up session: a new document continuing the open one.
    FollowUp,
    Open(Option<PathBuf>),
    /// Help → Sample sessions: the sample at this index of `help::SAMPLES`, as a new
    /// document without a file.
    OpenSample(usize),
}

/// What the panels asked of the shell in one frame.
struct Asked {
    /// Something to show to the room, alone and big.
    spotlight: Option<ui::Spotlight>,
    /// File dialogs, files to read.
    requests: Vec<ui::ShellRequest>,
}

/// The app's parts, borrowed apart for one frame ([`StratboardApp::parts`]).
struct Parts<'a> {
    /// What the board and the presentation read.
    stage: present::Stage<'a>,
    /// The panels' own state.
    board: &'a mut BoardState,
    /// The message above the board.
    notice: &'a mut Option<Notice>,
    /// Presentation mode and the audience window.
    presentation: &'a mut present::Presentation,
}

/// The application.
pub struct StratboardApp {
    doc: Document,
    board: BoardState,
    settings: Settings,
    tr: Tr,
    theme: Theme,
    applied_theme: Option<ThemeKind>,
    notice: Option<Notice>,
    dialog: Option<Dialog>,
    /// File → Import participants…: the open preview.
    participants_import: Option<crate::ui::participants_import::Preview>,
    /// File → New section of this session…: the open dialog.
    new_section: Option<crate::ui::new_section::NewSection>,
    /// File → Bring in section results…: the open preview.
    bring_in: Option<crate::ui::bring_in::BringIn>,
    /// The recovery file and the pending write to it.
    autosave: autosave::Autosave,
    last_focus: Option<egui::Id>,
    today: NaiveDate,
    window_focused: bool,
    close_confirmed: bool,
    native_dialogs: bool,
    last_title: String,
    /// Presentation mode (F5) and the audience window.
    presentation: present::Presentation,
    /// File → Export.
    export: export::ExportDialog,
    /// Room → the room server for phones.
    room: room::RoomHost,
    /// Help → About and Keyboard shortcuts.
    help: help::HelpState,
    /// The timed votes' deadlines already enforced (each closes its vote once).
    deadlines: Deadlines,
}

impl StratboardApp {
    fn new(doc: Document, settings: Settings, recovery: Option<RecoveryStore>) -> Self {
        let tr = Tr::new(settings.language);
        let theme = Theme::new(settings.theme);
        let mut presentation = present::Presentation::default();
        presentation.zoom = settings.presentation_zoom;
        presentation.high_contrast = settings.high_contrast;
        Self {
            doc,
            board: BoardState::default(),
            settings,
            tr,
            theme,
            applied_theme: None,
            notice: None,
            dialog: None,
            participants_import: None,
            new_section: None,
            bring_in: None,
            autosave: autosave::Autosave::new(recovery),
            last_focus: None,
            today: chrono::Local::now().date_naive(),
            window_focused: true,
            close_confirmed: false,
            native_dialogs: true,
            last_title: String::new(),
            presentation,
            export: export::ExportDialog::default(),
            room: room::RoomHost::default(),
            help: help::HelpState::default(),
            deadlines: Deadlines::default(),
        }
    }

    /// An app on `session` (no file, no recovery folder, no native dialogs), for tests and
    /// benchmarks.
    pub fn for_test(session: Session, language: Language) -> Self {
        let settings = Settings {
            language,
            ..Settings::default()
        };
        let mut app = Self::new(Document::untitled(session), settings, None);
        app.native_dialogs = false;
        app
    }

    /// Starts the app: opens `file`, else the most recent file, else the embedded sample, and
    /// offers a recovery file newer than the document.
    pub fn start(
        file: Option<PathBuf>,
        settings: Settings,
        recovery: Option<RecoveryStore>,
    ) -> Self {
        let mut app = Self::new(Document::untitled(sample_session()), settings, recovery);
        let explicit = file.is_some();
        let candidate = file.or_else(|| app.settings.last_existing().map(PathBuf::from));
        match candidate {
            Some(path) => match Document::open(&path) {
                Ok(doc) => app.adopt(doc),
                Err(error) => app.report_open_error(&error, explicit),
            },
            None => app.offer_recovery(),
        }
        app
    }

    /// The open session.
    pub fn session(&self) -> &Session {
        self.doc.session()
    }

    /// A sender of edits to the open document, usable from any thread (a room server): each
    /// command is applied in the next frame, and the window is woken for it.
    pub fn command_sender(&self) -> stratboard_core::inbox::CommandSender {
        self.doc.sender()
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The message shown above the board, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The interface language.
    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// The remembered settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Sets how long after an edit the recovery file is written (tests use zero).
    pub fn set_autosave_delay(&mut self, delay: Duration) {
        self.autosave.set_delay(delay);
    }

    /// Whether a question (unsaved changes, recovery, external change) is waiting for the user.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// Sets the date the board treats as today (overdue action items), for tests.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// Shows `section` in the centre.
    pub fn select_section(&mut self, section: BoardSection) {
        self.board.section = section;
    }

    /// The section shown in the centre.
    pub fn section(&self) -> BoardSection {
        self.board.section
    }

    /// Switches the interface language.
    pub fn set_language(&mut self, language: Language) {
        self.settings.language = language;
        self.tr = Tr::new(language);
    }

    /// Switches between light and dark.
    pub fn set_theme(&mut self, kind: ThemeKind) {
        self.settings.theme = kind;
        self.theme = Theme::new(kind);
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) {
        if let Err(error) = self.doc.undo() {
            let text = crate::ui::messages::command_error(&self.tr, &error);
            self.error("error-command", text);
        }
        self.schedule_autosave();
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        if let Err(error) = self.doc.redo() {
            let text = crate::ui::messages::command_error(&self.tr, &error);
            self.error("error-command", text);
        }
        self.schedule_autosave();
    }

    /// Applies an edit as if a panel had asked for it (through the document's inbox).
    pub fn apply(&mut self, command: Command) {
        self.doc.sender().send(command).ok();
        self.apply_pending();
    }

    /// Draws the whole window and handles its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.prepare(&ctx);
        // While the voting booth is open, participants use the machine: no menu, no sections,
        // no undo (a voter must not be able to undo the previous voter's ballot), nothing but
        // the booth (the facilitator leaves it with "Leave booth").
        let booth = self.board.section == BoardSection::Votes && self.board.votes.booth.is_some();
        let presenting = !booth && self.presentation_input(&ctx);
        // Zoom and contrast are remembered between sessions.
        self.settings.presentation_zoom = self.presentation.zoom;
        self.settings.high_contrast = self.presentation.high_contrast;
        if presenting {
            self.show_presentation(ui);
            self.apply_pending_and_repaint(&ctx);
            self.update_title(&ctx);
            return;
        }
        self.handle_input(&ctx, booth);
        let asked = self.show_board(ui, booth);
        if let Some(target) = asked.spotlight {
            self.spotlight(&ctx, target);
        }
        self.apply_pending_and_repaint(&ctx);
        self.room.publish(&self.doc);
        for request in asked.requests {
            self.shell_request(request);
            ctx.request_repaint();
        }
        self.seal_between_edits(&ctx);
        self.dialogs(&ctx);
        self.export_window(&ctx);
        self.participants_import_window(&ctx);
        self.new_section_window(&ctx);
        self.bring_in_window(&ctx);
        self.room_windows(&ctx);
        self.help
            .windows(&ctx, &self.tr, &self.theme, self.settings.language);
        self.autosave(&ctx);
        self.update_title(&ctx);
    }

    /// Once per frame: the inbox wakes this window, and the theme is applied when it changed.
    fn prepare(&mut self, ctx: &egui::Context) {
        if !self.doc.has_waker() {
            // A command sent (from a panel or another thread) wakes the window to apply it.
            let waker = ctx.clone();
            self.doc
                .set_waker(std::sync::Arc::new(move || waker.request_repaint()));
        }
        if self.applied_theme != Some(self.theme.kind) {
            if self.applied_theme.is_none() {
                crate::ui::theme::install_fonts(ctx);
            }
            self.theme.apply(ctx);
            self.applied_theme = Some(self.theme.kind);
        }
    }

    /// The menu, the status bar, the sections and the selected section (only the booth while
    /// it is open). Panels send their changes to the document's inbox; what they asked of the
    /// shell is returned.
    fn show_board(&mut self, ui: &mut egui::Ui, booth: bool) -> Asked {
        if !booth {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
            if self.presentation.audience_window {
                // The secretary notes key points of the round the room watches.
                self.speaking_notes_panel(ui);
            }
        }
        let sender = self.doc.sender();
        let parts = self.parts();
        let (state, notice, stage) = (parts.board, parts.notice, parts.stage);
        let mut board = stage.board(&sender);
        if !booth {
            egui::Panel::left("sections")
                .exact_size(SIDEBAR_WIDTH)
                .resizable(false)
                .show(ui, |ui| ui::sections_panel(ui, &board, state));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            chrome::notice_bar(ui, stage.theme, stage.tr, notice);
            ui::section_view(ui, &mut board, state);
        });
        Asked {
            spotlight: board.take_spotlight(),
            requests: board.take_requests(),
        }
    }

    /// The app's parts, borrowed apart: what the board and the presentation are lent (the
    /// document, translations, theme…) beside what they change (their own state, the notice).
    fn parts(&mut self) -> Parts<'_> {
        let stage = present::Stage {
            doc: &self.doc,
            tr: &self.tr,
            theme: &self.theme,
            today: self.today,
            section: self.board.section,
            convergence: self.board.positions.convergence_shown,
            room: &self.room,
        };
        Parts {
            stage,
            board: &mut self.board,
            notice: &mut self.notice,
            presentation: &mut self.presentation,
        }
    }

    /// [`Self::apply_pending`], after closing the timed votes whose time is up; when something
    /// was applied, the panels drew the old state this frame, so the new one is drawn right
    /// away. While a timed vote is open, the window wakes when its time is up.
    fn apply_pending_and_repaint(&mut self, ctx: &egui::Context) {
        let now = chrono::Utc::now();
        let closing = self.deadlines.due(self.doc.session(), now);
        for close in closing {
            if let Command::Vote { vote, .. } = &close
                && let Some(question) = self.doc.session().vote(*vote).map(|v| v.question.clone())
            {
                let text = self
                    .tr
                    .args("votes-closed-by-timer", &[("question", question.into())]);
                self.notice = Some(Notice::Info(text));
            }
            self.doc.sender().send_own_step(close).ok();
        }
        if self.apply_pending() {
            ctx.request_repaint();
        }
        if let Some(next) = Deadlines::next(self.doc.session(), now) {
            let wait = (next - now).to_std().unwrap_or_default();
            ctx.request_repaint_after(wait + std::time::Duration::from_millis(20));
        }
        self.show_on_phones();
        self.note_held();
    }

    /// Tells the votes panel how many secret ballots the document holds back for their batch,
    /// by vote (they are in no count until they are sealed).
    fn note_held(&mut self) {
        self.board.votes.held = self
            .doc
            .session()
            .votes
            .iter()
            .map(|vote| (vote.id, self.doc.held_for(vote.id)))
            .filter(|(_, held)| *held > 0)
            .collect();
    }

    /// Tells the room which vote the phones bring to the front: the vote the presentation
    /// shows (on the main window or the audience window), else the one the facilitator chose
    /// on its card with "Show on phones" — while it is open.
    fn show_on_phones(&mut self) {
        self.board.votes.phones.room_open = self.room.is_open();
        let session = self.doc.session();
        let open = |vote: VoteId| {
            session
                .vote(vote)
                .is_some_and(|v| v.status == stratboard_core::model::VoteStatus::Open)
        };
        let presented = match self.presentation.spotlight {
            Some(ui::Spotlight::Vote(vote))
                if self.presentation.active || self.presentation.audience_window =>
            {
                Some(vote)
            }
            _ => None,
        };
        let chosen = &mut self.board.votes.phones.shown;
        if !self.room.is_open() || chosen.is_some_and(|vote| !open(vote)) {
            *chosen = None;
        }
        let shown = presented.filter(|vote| open(*vote)).or(*chosen);
        self.room.show_on_phones(shown);
    }

    /// Applies everything sent to the document — by the panels and by the room's phones — in
    /// the order it was sent, through the owner's loop ([`stratboard_room::owner_turn`]);
    /// returns whether anything was. A panel's refusal becomes a notice; a phone's was
    /// answered to the phone.
    fn apply_pending(&mut self) -> bool {
        let shared = self.room.shared();
        let drained = stratboard_room::owner_turn(&mut self.doc, shared.as_ref());
        if shared.is_some() && !drained.is_empty() {
            self.room.published(self.doc.revision());
        }
        let any = !drained.is_empty();
        let (sent, own): (Vec<_>, Vec<_>) = drained.into_iter().partition(|d| d.awaited);
        self.note_sent(sent.iter().map(|d| &d.result));
        for result in own.into_iter().map(|d| d.result) {
            match result {
                Ok(applied) => {
                    if let Outcome::Deleted { removed_references } = applied.outcome {
                        let text = if removed_references.is_empty() {
                            self.tr.t("common-deleted")
                        } else {
                            self.tr
                                .n("common-deleted-refs", removed_references.len() as i64)
                        };
                        self.notice = Some(Notice::Info(text));
                    }
                    self.schedule_autosave();
                }
                Err(error) => {
                    let text = crate::ui::messages::command_error(&self.tr, &error);
                    self.error("error-command", text);
                }
            }
        }
        any
    }

    /// What arrived from elsewhere (the room's phones). Their refusals were answered to the
    /// phone and are not the facilitator's business; a save that failed is, and a new idea
    /// gets a quiet notice.
    fn note_sent<'r>(
        &mut self,
        sent: impl Iterator<
            Item = &'r Result<
                stratboard_core::commands::Applied,
                stratboard_core::commands::CommandError,
            >,
        >,
    ) {
        let mut ideas = 0_i64;
        for result in sent {
            match result {
                Ok(applied) => {
                    if matches!(
                        applied.outcome,
                        Outcome::Added(stratboard_core::commands::ItemRef::Alternative(_))
                    ) {
                        ideas += 1;
                    }
                    self.schedule_autosave();
                }
                Err(stratboard_core::commands::CommandError::NotSaved(reason)) => {
                    self.error("room-not-saved", reason.clone());
                }
                Err(full @ stratboard_core::commands::CommandError::SessionFull { .. }) => {
                    self.error("room-session-full", full.to_string());
                }
                Err(_) => {}
            }
        }
        if ideas > 0 && !matches!(self.notice, Some(Notice::Error { .. })) {
            self.notice = Some(Notice::Info(self.tr.n("room-ideas-arrived", ideas)));
        }
    }

    /// Ends the undo step unless an edit is still going on: a text field keeps the keyboard
    /// (its keystrokes make one step until the focus moves) or a value is being dragged. A
    /// click on a button is a step of its own.
    fn seal_between_edits(&mut self, ctx: &egui::Context) {
        let focus = ctx.memory(|m| m.focused());
        let editing = ctx.text_edit_focused() || ctx.dragged_id().is_some();
        if focus != self.last_focus || !editing {
            self.doc.seal();
            self.last_focus = focus;
        }
    }

    fn error(&mut self, title_key: &'static str, detail: String) {
        self.notice = Some(Notice::Error {
            title: self.tr.t(title_key),
            detail,
        });
    }

    fn schedule_autosave(&mut self) {
        self.autosave.schedule(&self.doc);
    }

    /// Writes the recovery file when an autosave is due; otherwise asks to be woken then.
    fn autosave(&mut self, ctx: &egui::Context) {
        if let Err(error) = self.autosave.tick(ctx, &self.doc) {
            self.error("error-save", error);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// "● tos-support.ron — <session title> — stratboard".
    pub fn window_title(&self) -> String {
        let file = self.doc.path().and_then(|p| p.file_name()).map_or_else(
            || self.tr.t("sample-name"),
            |n| n.to_string_lossy().into_owned(),
        );
        let mark = if self.doc.is_dirty() {
            format!("{} ", self.tr.t("unsaved-mark"))
        } else {
            String::new()
        };
        format!("{mark}{file} — {} — stratboard", self.session().meta.title)
    }
}

impl eframe::App for StratboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }
}

/// The embedded sample, parsed (it is tested to parse; an empty session if it ever did not).
pub fn sample_session() -> Session {
    storage::parse_session(EMBEDDED_SAMPLE.as_bytes())
        .map(|parsed| parsed.session)
        .unwrap_or_else(|_| Session::new("stratboard"))
}

/// The application id: the Wayland app id and the X11 window class. It is the desktop entry's
/// name (`assets/linux/stratboard.desktop`) and its `StartupWMClass`, so the desktop shows the
/// entry's name and icon for the window.
pub const APP_ID: &str = "stratboard";

/// The window icon: `assets/icons/stratboard.svg` rendered at 256 px.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/stratboard-256.png");

/// `builder` with the application id and the icon (decoded once; left out if it ever failed to
/// decode, which a test rules out). Every window of the app is built through it.
pub fn with_identity(builder: egui::ViewportBuilder) -> egui::ViewportBuilder {
    static ICON: std::sync::LazyLock<Option<std::sync::Arc<egui::IconData>>> =
        std::sync::LazyLock::new(|| {
            eframe::icon_data::from_png_bytes(ICON_PNG)
                .ok()
                .map(std::sync::Arc::new)
        });
    let builder = builder.with_app_id(APP_ID);
    match ICON.as_ref() {
        Some(icon) => builder.with_icon(icon.clone()),
        None => builder,
    }
}

/// Opens the window on `file` (or the last session, or the sample) and runs until it is closed.
pub fn run(file: Option<PathBuf>, room: Option<std::net::SocketAddr>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: with_identity(egui::ViewportBuilder::default())
            .with_title("stratboard")
            .with_inner_size([1440.0, 900.0])
            .with_maximized(true)
            .with_min_inner_size([960.0, 600.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        // The same name as the app id: eframe keeps the window's settings under it.
        APP_ID,
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, settings::STORAGE_KEY))
                .unwrap_or_default();
            let recovery = RecoveryStore::default_location();
            let mut app = StratboardApp::start(file, settings, recovery);
            if let Some(bind) = room
                && let Err(error) = app.open_room(bind)
            {
                app.error("error-room", error);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stratboard: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
