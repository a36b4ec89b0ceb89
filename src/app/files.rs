//! Opening, saving, creating documents; recovery; keyboard shortcuts and dropped files.

use std::path::{Path, PathBuf};

use fluent_templates::fluent_bundle::FluentValue;

use super::{Dialog, Document, Notice, StratboardApp, Then};
use crate::ui::ShellRequest;
use crate::ui::sections::votes::board::{ImportReport, import_refusal};
use stratboard_core::commands::{Command, VoteOp};
use stratboard_core::model::{Session, VoteId};
use stratboard_core::storage::{LoadError, SaveErrorKind};

impl StratboardApp {
    /// Shortcuts, dropped files, the close button and focus changes.
    /// In the voting booth only saving is allowed.
    pub(super) fn handle_input(&mut self, ctx: &egui::Context, booth: bool) {
        for action in super::actions::pressed(ctx, booth) {
            self.perform(action, ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // Section files dropped on the Bring in dialog go into it, not open.
        let taken = !booth && self.drop_into_bring_in(&dropped);
        if let Some(path) = dropped.into_iter().next().filter(|_| !booth && !taken) {
            self.request(Then::Open(Some(path)));
        }
        let (close, focused) = ctx.input(|i| (i.viewport().close_requested(), i.focused));
        if close && !self.doc.is_dirty() {
            // What the room journaled goes into the file itself before the window closes.
            self.fold_journal();
        }
        if close && self.doc.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: Then::Close });
        }
        if focused && !self.window_focused && self.dialog.is_none() && self.doc.changed_on_disk() {
            self.dialog = Some(Dialog::ExternalChange);
        }
        self.window_focused = focused;
    }

    /// Does `then` now, or first asks about unsaved changes.
    pub(super) fn request(&mut self, then: Then) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(then);
        }
    }

    /// Does `then`, unsaved changes having been dealt with.
    pub(super) fn proceed(&mut self, then: Then) {
        match then {
            Then::Close => self.close_confirmed = true,
            Then::New => {
                let mut session = Session::new(self.tr.t("new-session-title"));
                // A new session speaks the interface's language.
                session.meta.language = Some(self.settings.language);
                self.replace_document(Document::untitled(session));
            }
            Then::FollowUp => self.follow_up(),
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => {
                if let Some(path) = self.pick_file_to_open() {
                    self.open_path(&path);
                }
            }
            Then::OpenSample(index) => self.open_sample(index),
        }
    }

    /// A new untitled document continuing the open session ([`Session::continue_from`]: its
    /// participants, groups, goals and indicators, and the action items still open), titled
    /// after it and dated today. The notice says how many items were carried over; when there
    /// are some, the board opens on the execution review, to walk through at the start.
    fn follow_up(&mut self) {
        let previous = self.doc.session();
        let title = self
            .tr
            .with("follow-up-title", "title", &previous.meta.title);
        let session = Session::continue_from(previous, title, Some(self.today));
        let carried = session.actions.len();
        let text = self.tr.args(
            "follow-up-done",
            &[
                ("title", FluentValue::from(previous.meta.title.clone())),
                (
                    "count",
                    FluentValue::from(i64::try_from(carried).unwrap_or(i64::MAX)),
                ),
            ],
        );
        self.replace_document(Document::untitled(session));
        if carried > 0 {
            self.board.section = stratboard_core::model::BoardSection::Decisions;
            self.board
                .decisions
                .show_view(crate::ui::sections::decisions::views::View::Review);
        }
        self.notice = Some(Notice::Info(text));
    }

    /// Opens a file; on error the current document stays open and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => self.adopt(doc),
            Err(error) => self.report_open_error(&error, true),
        }
    }

    /// Makes `doc` the open document, remembers it, reports problems found in it and offers a
    /// newer recovery file.
    pub(super) fn adopt(&mut self, doc: Document) {
        if let Some(path) = doc.path() {
            self.settings.remember(path);
        }
        let problems = doc.problems().len();
        self.replace_document(doc);
        if problems > 0 {
            self.notice = Some(Notice::Error {
                title: self.tr.n("status-problems", problems as i64),
                detail: self
                    .doc
                    .problems()
                    .iter()
                    .take(5)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            });
        }
        self.offer_recovery();
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        self.close_room_for_new_document();
        self.fold_journal();
        self.doc = doc;
        self.autosave.cancel();
        self.notice = None;
    }

    /// Folds the room's journal into the file when nothing else is unsaved
    /// ([`Document::fold_journal`]); a failure is shown, and the journal stays valid.
    fn fold_journal(&mut self) {
        if let Err(error) = self.doc.fold_journal() {
            self.error("error-save", error.to_string());
        }
    }

    pub(super) fn report_open_error(&mut self, error: &LoadError, explicit: bool) {
        if explicit {
            self.error("error-open", error.to_string());
        }
    }

    /// Offers the recovery file of the open document if it is newer than the document.
    pub(super) fn offer_recovery(&mut self) {
        if let Some(path) = self.autosave.newer_than(&self.doc) {
            self.dialog = Some(Dialog::Recovery { path });
        }
    }

    /// Puts the recovered work into the open document (unsaved until the user saves).
    pub(super) fn restore_recovery(&mut self, path: &Path) {
        match self.autosave.load(path) {
            Some(Ok(session)) => {
                self.doc.restore(session);
                self.schedule_autosave();
            }
            Some(Err(error)) => self.error("error-open", error),
            None => {}
        }
    }

    /// Drops the recovery file of the open document.
    pub(super) fn discard_recovery(&mut self) {
        if let Err(error) = self.autosave.discard(&self.doc) {
            self.error("error-save", error);
        }
    }

    /// Ctrl+S: saves to the document's file (asks for one if it has none). Returns whether the
    /// document is saved.
    pub fn save(&mut self) -> bool {
        if self.doc.path().is_none() {
            return self.save_as_dialog();
        }
        self.finish_save(|doc| doc.save(false))
    }

    /// Saves over a file that was changed on disk, after the user said so.
    pub(super) fn save_overwriting(&mut self) -> bool {
        self.finish_save(|doc| doc.save(true))
    }

    /// Saves to `path` (Save as).
    pub fn save_to(&mut self, path: &Path) -> bool {
        let saved = self.finish_save(|doc| doc.save_as(path));
        if saved {
            self.settings.remember(path);
        }
        saved
    }

    fn finish_save(
        &mut self,
        save: impl FnOnce(&mut Document) -> Result<(), stratboard_core::storage::SaveError>,
    ) -> bool {
        let old_path = self.doc.path().map(Path::to_path_buf);
        match save(&mut self.doc) {
            Ok(()) => {
                self.autosave.saved(old_path.as_deref(), self.doc.path());
                let file = self
                    .doc
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.notice = Some(Notice::Info(self.tr.with("status-saved", "file", &file)));
                true
            }
            Err(error) if error.kind == SaveErrorKind::ChangedOnDisk => {
                self.dialog = Some(Dialog::ExternalChange);
                false
            }
            Err(error) => {
                self.error("error-save", error.to_string());
                false
            }
        }
    }

    /// Ctrl+Shift+S: asks where to save. Returns whether the document was saved.
    pub(super) fn save_as_dialog(&mut self) -> bool {
        if !self.native_dialogs {
            return false;
        }
        let name = self.doc.path().and_then(|p| p.file_name()).map_or_else(
            || "session.ron".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let picked = rfd::FileDialog::new()
            .add_filter("stratboard", &["ron"])
            .set_file_name(name)
            .save_file();
        match picked {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    fn pick_file_to_open(&self) -> Option<PathBuf> {
        if !self.native_dialogs {
            return None;
        }
        rfd::FileDialog::new()
            .add_filter("stratboard", &["ron"])
            .pick_file()
    }

    /// Does what a panel asked of the shell.
    pub(super) fn shell_request(&mut self, request: ShellRequest) {
        match request {
            ShellRequest::ImportBallots { vote, path } => self.import_ballots(vote, path),
            ShellRequest::ExportPassport { alternative } => self.open_passport_export(alternative),
        }
    }

    /// Reads a paper-ballot file (picked in a dialog when `path` is `None`) into the current
    /// round of `vote` as one undo step, and tells the vote's card how it went: the ballots
    /// added, or why the file (or the vote) refused them — then nothing is added.
    fn import_ballots(&mut self, vote_id: VoteId, path: Option<PathBuf>) {
        let Some(path) = path.or_else(|| self.pick_ballot_file()) else {
            return;
        };
        let Some(vote) = self.doc.session().votes.iter().find(|v| v.id == vote_id) else {
            return;
        };
        let report = match stratboard_core::voting::import::file::read_for_vote(
            self.doc.session(),
            vote,
            &path,
        ) {
            Ok(ballots) => {
                let added = ballots.iter().map(|b| u64::from(b.count)).sum();
                let round = vote.rounds.last().map_or(1, |r| r.number);
                let op = VoteOp::AddBallots { round, ballots };
                let command = Command::Vote { vote: vote_id, op };
                match self.doc.apply(command, std::time::Instant::now()) {
                    Ok(_) => {
                        self.schedule_autosave();
                        ImportReport::Added(added)
                    }
                    Err(error) => {
                        ImportReport::Refused(crate::ui::messages::command_error(&self.tr, &error))
                    }
                }
            }
            Err(failure) => ImportReport::Refused(import_refusal(&self.tr, &path, &failure)),
        };
        self.board.votes.import_finished(vote_id, &path, report);
    }

    fn pick_ballot_file(&self) -> Option<PathBuf> {
        if !self.native_dialogs {
            return None;
        }
        rfd::FileDialog::new()
            .add_filter(
                self.tr.t("votes-import-filter"),
                &["csv", "soc", "soi", "toc", "toi"],
            )
            .pick_file()
    }

    /// Re-reads the document's file, dropping the changes made here.
    pub(super) fn reload(&mut self) {
        if let Some(path) = self.doc.path().map(Path::to_path_buf) {
            match Document::open(&path) {
                Ok(doc) => self.replace_document(doc),
                Err(error) => self.error("error-open", error.to_string()),
            }
        }
    }
}
