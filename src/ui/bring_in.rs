//! File → Bring in section results…: the preview of what the sections' files bring into the
//! plenary before anything changes.
//!
//! The shell reads the files (a panel never does) and hands them over, each read or with the
//! reason it could not be; this dialog lists them (a file that cannot be read blocks the
//! merge), asks how many of each section vote's best alternatives to take, and shows, section
//! by section in order of their names, the moderator, how many took part, the vote, the
//! alternatives it brings (their place in words, new or updated) and its decisions; then the
//! similar titles flagged and the totals. A refusal ([`MergeRefusal`]) is shown in words and
//! the apply button is disabled. What the button does is the shell's ([`Choice::Apply`]).

use std::collections::HashSet;
use std::path::PathBuf;

use egui::{Id, RichText, Ui};
use fluent_templates::fluent_bundle::FluentValue;

use crate::ui::theme::Theme;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{AlternativeId, SectionRecord, SectionVote, Session};
use stratboard_core::sections::{
    DEFAULT_TOP, MergeRefusal, MergeReport, SectionFile, SectionReport, ballots_words,
    method_words, place_words, plan_merge,
};

/// The most alternatives a section may bring by the top-N cut.
const TOP_LIMIT: usize = 100;

/// What the user chose in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Bring the sections in (the plan has no refusal).
    Apply,
    /// Pick more files (a native dialog: the shell's).
    AddFiles,
    /// Close without bringing anything in.
    Cancel,
}

/// One section file as the shell read it.
pub struct Entry {
    /// Where it is.
    pub path: PathBuf,
    /// Its name as shown (and as messages and the report name it).
    pub shown: String,
    /// The section session, or why it could not be read.
    pub read: Result<Session, String>,
}

/// What bringing the files in would do, against the session at one revision.
pub struct Preview {
    /// The report of the plan.
    pub report: MergeReport,
    /// The session as it would be (for places, records and titles).
    after: Session,
    /// The alternatives the session has now (the others are new).
    before: HashSet<AlternativeId>,
}

/// What a plan was made for: the session's revision, the top-N cut, the files' generation.
type PlanKey = (u64, usize, u64);

/// The open dialog: the files, the top-N cut, and the plan for them.
pub struct BringIn {
    files: Vec<Entry>,
    top: usize,
    /// The plan and what it was made for.
    planned: Option<(PlanKey, Result<Preview, MergeRefusal>)>,
    generation: u64,
}

impl Default for BringIn {
    fn default() -> Self {
        Self {
            files: Vec::new(),
            top: DEFAULT_TOP,
            planned: None,
            generation: 0,
        }
    }
}

impl BringIn {
    /// Adds a file read by the shell; a file already listed (the same path) is read again.
    pub fn add(&mut self, entry: Entry) {
        self.files.retain(|e| e.path != entry.path);
        self.files.push(entry);
        self.changed();
    }

    /// The files listed, in the order added.
    pub fn files(&self) -> &[Entry] {
        &self.files
    }

    /// How many of each section vote's best alternatives are taken.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Sets the top-N cut (at least one).
    pub fn set_top(&mut self, top: usize) {
        self.top = top.clamp(1, TOP_LIMIT);
        self.planned = None;
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.planned = None;
    }

    /// The files as the merge takes them, or `None` while there is none or one cannot be read.
    pub fn section_files(&self) -> Option<Vec<SectionFile>> {
        if self.files.is_empty() {
            return None;
        }
        self.files
            .iter()
            .map(|entry| {
                entry.read.as_ref().ok().map(|session| SectionFile {
                    file: entry.shown.clone(),
                    session: session.clone(),
                })
            })
            .collect()
    }

    /// The plan against `session` (made again when the session's `revision`, the cut or the
    /// files changed), or `None` while there is no file or one cannot be read.
    pub fn plan(
        &mut self,
        session: &Session,
        revision: u64,
    ) -> Option<&Result<Preview, MergeRefusal>> {
        let key = (revision, self.top, self.generation);
        let fresh = matches!(&self.planned, Some((made_for, _)) if *made_for == key);
        if !fresh {
            let files = self.section_files()?;
            self.planned = Some((key, preview(session, &files, self.top)));
        }
        self.planned.as_ref().map(|(_, plan)| plan)
    }

    /// Draws the dialog; returns what the user chose this frame, if anything.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        tr: &Tr,
        theme: &Theme,
        session: &Session,
        revision: u64,
    ) -> Option<Choice> {
        let screen = ctx.content_rect();
        let width = (screen.width() * 0.9).clamp(320.0, 1000.0);
        let list_height = (screen.height() - 360.0).max(140.0);
        let mut choice = None;
        let modal = egui::Modal::new(Id::unique("stratboard-bring-in")).show(ctx, |ui| {
            ui.set_width(width);
            ui.set_max_width(width);
            ui.heading(tr.t("bring-in-title"));
            ui.add_space(4.0);
            if let Some(picked) = self.files_block(ui, tr, theme) {
                choice = Some(picked);
            }
            self.top_row(ui, tr);
            ui.separator();
            let mut can_apply = false;
            egui::ScrollArea::vertical()
                .id_salt("bring-in-scroll")
                // A fixed height: the dialog does not grow frame by frame as the list settles.
                .min_scrolled_height(list_height)
                .max_height(list_height)
                .auto_shrink([false, false])
                .show(ui, |ui| match self.plan(session, revision) {
                    None => blocked(ui, tr, theme),
                    Some(Err(refusal)) => {
                        let text = refusal_words(tr, refusal);
                        ui.label(RichText::new(text).color(theme.error()));
                    }
                    Some(Ok(preview)) => {
                        preview_view(ui, tr, theme, preview);
                        can_apply = true;
                    }
                });
            ui.separator();
            if let Some(picked) = buttons(ui, tr, can_apply) {
                choice = Some(picked);
            }
        });
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if choice.is_none() && escape && modal.is_top_modal && !modal.any_popup_open {
            choice = Some(Choice::Cancel);
        }
        choice
    }

    /// The files listed, each with a remove button, and «Add files…».
    fn files_block(&mut self, ui: &mut Ui, tr: &Tr, theme: &Theme) -> Option<Choice> {
        let mut choice = None;
        let mut remove = None;
        ui.label(RichText::new(tr.t("bring-in-files")).strong());
        if self.files.is_empty() {
            ui.label(theme.caption(tr.t("bring-in-no-files")));
        }
        for (index, entry) in self.files.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = tr.with("bring-in-remove", "file", &entry.shown);
                let response = ui.small_button("✕");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.on_hover_text(&name).clicked() {
                    remove = Some(index);
                }
                match &entry.read {
                    Ok(_) => {
                        ui.label(&entry.shown)
                            .on_hover_text(entry.path.display().to_string());
                    }
                    Err(reason) => {
                        let text = tr.args(
                            "bring-in-load-failed",
                            &[
                                ("file", entry.shown.clone().into()),
                                ("reason", reason.clone().into()),
                            ],
                        );
                        ui.label(RichText::new(text).color(theme.error()));
                    }
                }
            });
        }
        if let Some(index) = remove {
            self.files.remove(index);
            self.changed();
        }
        ui.horizontal(|ui| {
            if ui.button(tr.t("bring-in-add")).clicked() {
                choice = Some(Choice::AddFiles);
            }
            ui.label(theme.caption(tr.t("bring-in-drop-hint")));
        });
        choice
    }

    /// The top-N cut.
    fn top_row(&mut self, ui: &mut Ui, tr: &Tr) {
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("bring-in-top"));
            let mut top = self.top;
            let response = ui
                .add(egui::DragValue::new(&mut top).range(1..=TOP_LIMIT))
                .labelled_by(label.id);
            if response.changed() && top != self.top {
                self.set_top(top);
            }
        });
    }
}

/// What bringing `files` into `session` would do.
fn preview(session: &Session, files: &[SectionFile], top: usize) -> Result<Preview, MergeRefusal> {
    let plan = plan_merge(session, files, top)?;
    let mut after = session.clone();
    after
        .apply(plan.command)
        .map_err(|error| MergeRefusal::Inconsistent(error.to_string()))?;
    Ok(Preview {
        report: plan.report,
        after,
        before: session.alternatives.iter().map(|a| a.id).collect(),
    })
}

/// Why nothing can be planned yet: no file, or a file that cannot be read.
fn blocked(ui: &mut Ui, tr: &Tr, theme: &Theme) {
    ui.label(theme.caption(tr.t("bring-in-blocked")));
}

/// The sections, the similar titles and the totals.
fn preview_view(ui: &mut Ui, tr: &Tr, theme: &Theme, preview: &Preview) {
    for section in &preview.report.sections {
        section_view(ui, tr, theme, preview, section);
        ui.add_space(6.0);
    }
    for [first, second] in &preview.report.similar {
        let title = |id: u32| {
            preview
                .after
                .alternative(AlternativeId(id))
                .map(|a| a.title.clone())
                .unwrap_or_default()
        };
        let text = tr.args(
            "bring-in-similar",
            &[
                ("first", title(*first).into()),
                ("second", title(*second).into()),
            ],
        );
        ui.label(RichText::new(text).color(theme.warning()));
    }
    ui.add_space(4.0);
    let totals = tr.args(
        "bring-in-totals",
        &[
            ("added", count(preview.report.added)),
            ("updated", count(preview.report.updated)),
        ],
    );
    ui.label(RichText::new(totals).strong());
}

/// One section: its name, moderator, participants, vote, what it brings and its decisions.
fn section_view(ui: &mut Ui, tr: &Tr, theme: &Theme, preview: &Preview, report: &SectionReport) {
    let record = preview
        .after
        .sections
        .iter()
        .find(|r| r.name == report.section);
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        let name = tr.with("board-section-heading", "name", &report.section);
        ui.label(theme.card_title(name));
        ui.label(theme.caption(&report.file));
        if let Some(record) = record {
            ui.label(facts(tr, record));
            match &record.vote {
                Some(vote) => {
                    ui.label(vote_words(tr, vote));
                }
                None => {
                    ui.label(theme.caption(tr.t("bring-in-no-vote")));
                }
            }
        }
        if report.alternatives.is_empty() {
            ui.label(theme.caption(tr.t("bring-in-nothing")));
        }
        // In order of their place in the section's vote (the adopted without a place last).
        let mut brought: Vec<_> = report
            .alternatives
            .iter()
            .map(|b| (b, place_of(preview, record, b.id, b.from)))
            .collect();
        brought.sort_by_key(|(_, place)| place.map_or(u32::MAX, |p| p.place));
        for (brought, place) in brought {
            ui.horizontal_wrapped(|ui| {
                let id = AlternativeId(brought.id);
                let mark = if preview.before.contains(&id) {
                    tr.t("bring-in-updated")
                } else {
                    tr.t("bring-in-new")
                };
                ui.label(RichText::new(&brought.title).strong());
                if let Some(place) = place {
                    ui.label(place_words(tr, place));
                }
                ui.label(theme.caption(format!("· {mark}")));
            });
        }
        ui.label(theme.caption(tr.n("bring-in-decisions", as_i64(report.decisions))));
    });
}

/// Where the alternative `id` (from the section's `from`) stood in the section's vote.
fn place_of(
    preview: &Preview,
    record: Option<&SectionRecord>,
    id: u32,
    from: u32,
) -> Option<stratboard_core::model::Place> {
    let record = record?;
    let alternative = preview.after.alternative(AlternativeId(id))?;
    alternative
        .origins
        .iter()
        .find(|o| o.section == record.id && o.alternative.0 == from)
        .and_then(|o| o.place)
}

/// «модератор Петров П. П. · 12 участников».
pub fn facts(tr: &Tr, record: &SectionRecord) -> String {
    let moderator = if record.facilitator.trim().is_empty() {
        tr.t("bring-in-no-moderator")
    } else {
        record.facilitator.clone()
    };
    tr.args(
        "bring-in-section-facts",
        &[
            ("moderator", moderator.into()),
            ("count", i64::from(record.participants).into()),
        ],
    )
}

/// «Голосование: Метод Борда, 23 бюллетеня».
pub fn vote_words(tr: &Tr, vote: &SectionVote) -> String {
    tr.args(
        "bring-in-vote",
        &[
            ("method", method_words(tr, vote).into()),
            ("ballots", ballots_words(tr, vote).into()),
        ],
    )
}

/// Why the sections cannot be brought in, in words.
pub fn refusal_words(tr: &Tr, refusal: &MergeRefusal) -> String {
    let text = |s: &String| FluentValue::from(s.clone());
    match refusal {
        MergeRefusal::PlenaryIsSection(name) => {
            tr.with("bring-in-refused-plenary-is-section", "name", name)
        }
        MergeRefusal::NoIdentity => tr.t("bring-in-refused-no-identity"),
        MergeRefusal::IsThePlenary { file } => tr.with("bring-in-refused-is-plenary", "file", file),
        MergeRefusal::NotASection { file } => tr.with("bring-in-refused-not-section", "file", file),
        MergeRefusal::OtherPlenary {
            file,
            section,
            plenary,
        } => tr.args(
            "bring-in-refused-other-plenary",
            &[
                ("file", text(file)),
                ("section", text(section)),
                ("plenary", text(plenary)),
            ],
        ),
        MergeRefusal::SameSection {
            first,
            second,
            section,
        } => tr.args(
            "bring-in-refused-same-section",
            &[
                ("first", text(first)),
                ("second", text(second)),
                ("section", text(section)),
            ],
        ),
        MergeRefusal::Inconsistent(reason) => {
            tr.with("bring-in-refused-inconsistent", "reason", reason)
        }
    }
}

/// Apply (disabled while there is nothing to apply) and Cancel.
fn buttons(ui: &mut Ui, tr: &Tr, can_apply: bool) -> Option<Choice> {
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(can_apply, egui::Button::new(tr.t("bring-in-apply")))
            .clicked()
        {
            choice = Some(Choice::Apply);
        }
        if ui.button(tr.t("common-cancel")).clicked() {
            choice = Some(Choice::Cancel);
        }
    });
    choice
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(as_i64(n))
}
