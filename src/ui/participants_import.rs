//! File → Import participants…: the preview of a participant list before anything is added.
//!
//! The shell reads the file (a panel never does) and hands over its sheets; this dialog shows
//! the file, a sheet picker when the workbook has several, one picker per column saying what
//! it holds (recognised from the headers, changeable: the preview follows), the people that
//! will be added with their groups (new groups marked), and the people already there, the
//! empty rows and the problems. The add button is disabled, with the reason, while there is a
//! problem: a bad file is refused whole. What the button does is the shell's
//! ([`Choice::Add`]).

use egui::{Id, RichText, Ui};

use crate::ui::theme::Theme;
use stratboard_core::i18n::Tr;
use stratboard_core::model::Session;
use stratboard_core::participants_import::{
    AlreadyIn, Field, ImportPlan, Mapping, PlannedGroup, ReadError, Table, Workbook, plan, text,
};

/// The width of a column's caption and picker.
const COLUMN_WIDTH: f32 = 180.0;

/// The widest a column of the table of people grows; longer text is cut, shown whole on hover.
const TABLE_COLUMN_WIDTH: f32 = 200.0;

/// Lines shown in a list of duplicates or problems before "…".
const LIST_LIMIT: usize = 30;

/// What the user chose in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Add the people (the plan has no problem).
    Add,
    /// Close without adding anything.
    Cancel,
}

/// The open preview: the file's sheets, the chosen sheet and mapping, and the plan for them.
pub struct Preview {
    file_name: String,
    workbook: Workbook,
    sheet: usize,
    table: Result<Table, ReadError>,
    mapping: Mapping,
    /// The plan for the current sheet and mapping, and the session revision it was made for.
    planned: Option<(u64, ImportPlan)>,
}

impl Preview {
    /// A preview of `workbook` (read from `file_name`), on its first sheet.
    pub fn new(file_name: String, workbook: Workbook) -> Self {
        let mut preview = Self {
            file_name,
            workbook,
            sheet: 0,
            table: Err(ReadError::Empty),
            mapping: Mapping { fields: Vec::new() },
            planned: None,
        };
        preview.choose_sheet(0);
        preview
    }

    /// The file's name as shown.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Reads sheet `index` with the mapping its headers suggest.
    pub fn choose_sheet(&mut self, index: usize) {
        self.sheet = index;
        self.table = match self.workbook.sheets.get(index) {
            Some(sheet) => Table::from_sheet(sheet),
            None => Err(ReadError::Empty),
        };
        self.mapping = match &self.table {
            Ok(table) => Mapping::recognise(table),
            Err(_) => Mapping { fields: Vec::new() },
        };
        self.planned = None;
    }

    /// Says that column `index` holds `field` (`None`: not imported).
    pub fn set_field(&mut self, index: usize, field: Option<Field>) {
        if let Some(slot) = self.mapping.fields.get_mut(index) {
            *slot = field;
            self.planned = None;
        }
    }

    /// The plan for the current sheet and mapping against `session` (made again when the
    /// session's `revision` changed), or `None` when the sheet cannot be read.
    pub fn plan(&mut self, session: &Session, revision: u64) -> Option<&ImportPlan> {
        let table = self.table.as_ref().ok()?;
        let fresh = matches!(&self.planned, Some((made_for, _)) if *made_for == revision);
        if !fresh {
            self.planned = Some((revision, plan(table, &self.mapping, session)));
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
        let width = (screen.width() * 0.9).clamp(320.0, 1100.0);
        let list_height = (screen.height() - 380.0).max(140.0);
        let mut choice = None;
        let modal =
            egui::Modal::new(Id::unique("stratboard-participants-import")).show(ctx, |ui| {
                ui.set_width(width);
                ui.set_max_width(width);
                ui.heading(tr.t("pimport-title"));
                ui.label(theme.caption(tr.with("pimport-file", "file", &self.file_name)));
                ui.add_space(4.0);
                self.sheet_picker(ui, tr, theme);
                let (header_row, above, columns) = match &self.table {
                    Ok(table) => (table.header_row, table.above.clone(), columns_of(table)),
                    Err(error) => {
                        let reason = text::read_error(tr, error);
                        ui.label(RichText::new(reason).color(theme.error()));
                        choice = buttons(ui, tr, theme, None);
                        return;
                    }
                };
                ui.label(
                    theme.caption(
                        tr.args("pimport-header-row", &[("row", count(header_row).into())]),
                    ),
                );
                if !above.is_empty() {
                    let list: Vec<String> = above.iter().map(ToString::to_string).collect();
                    ui.label(theme.caption(tr.args(
                        "pimport-above-header",
                        &[
                            ("rows", count(above.len()).into()),
                            ("list", list.join(", ").into()),
                        ],
                    )));
                }
                self.column_pickers(ui, tr, theme, &columns);
                let Some(plan) = self.plan(session, revision) else {
                    return;
                };
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .id_salt("pimport-scroll")
                    .max_height(list_height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| plan_view(ui, tr, theme, plan));
                ui.separator();
                ui.add_space(6.0);
                choice = buttons(ui, tr, theme, Some(plan));
            });
        // Escape closes the dialog (unless it closes a column's list); a click beside the
        // dialog does not, so closing a list by clicking away keeps the preview open.
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if choice.is_none() && escape && modal.is_top_modal && !modal.any_popup_open {
            choice = Some(Choice::Cancel);
        }
        choice
    }

    /// The sheet picker, for a workbook with more than one sheet.
    fn sheet_picker(&mut self, ui: &mut Ui, tr: &Tr, theme: &Theme) {
        if self.workbook.sheets.len() < 2 {
            return;
        }
        let names = self.workbook.sheet_names();
        let mut chosen = None;
        ui.horizontal(|ui| {
            let caption = ui.label(theme.caption(tr.t("pimport-sheet")));
            let current = names.get(self.sheet).cloned().unwrap_or_default();
            egui::ComboBox::from_id_salt("pimport-sheet")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (index, name) in names.iter().enumerate() {
                        let selected = index == self.sheet;
                        if ui.selectable_label(selected, name).clicked() && !selected {
                            chosen = Some(index);
                        }
                    }
                })
                .response
                .labelled_by(caption.id);
        });
        if let Some(index) = chosen {
            self.choose_sheet(index);
        }
    }

    /// One picker per column: what the column holds.
    fn column_pickers(
        &mut self,
        ui: &mut Ui,
        tr: &Tr,
        theme: &Theme,
        columns: &[(String, String)],
    ) {
        ui.add_space(4.0);
        ui.label(RichText::new(tr.t("pimport-columns")).strong());
        let per_row = ((ui.available_width() / (COLUMN_WIDTH + 12.0)) as usize).max(1);
        let mut changed = None;
        egui::Grid::new("pimport-columns")
            .num_columns(per_row)
            .min_col_width(COLUMN_WIDTH)
            .max_col_width(COLUMN_WIDTH)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let indexed: Vec<_> = columns.iter().enumerate().collect();
                for line in indexed.chunks(per_row) {
                    // The captions, then under each its picker (labelled by it).
                    let captions: Vec<egui::Id> = line
                        .iter()
                        .map(|(_, (column, header))| column_caption(ui, tr, theme, column, header))
                        .collect();
                    ui.end_row();
                    for ((index, _), caption) in line.iter().zip(captions) {
                        let current = self.mapping.fields.get(*index).copied().flatten();
                        if let Some(field) = field_picker(ui, tr, *index, current, caption) {
                            changed = Some((*index, field));
                        }
                    }
                    ui.end_row();
                }
            });
        if let Some((index, field)) = changed {
            self.set_field(index, field);
        }
    }
}

/// "Столбец B: «Должность»", cut to the column's width (whole on hover).
fn column_caption(ui: &mut Ui, tr: &Tr, theme: &Theme, column: &str, header: &str) -> egui::Id {
    let caption = if header.is_empty() {
        tr.with("pimport-column-no-header", "column", column)
    } else {
        tr.args(
            "pimport-column-header",
            &[
                ("column", column.to_owned().into()),
                ("header", header.to_owned().into()),
            ],
        )
    };
    ui.add(egui::Label::new(theme.caption(caption)).truncate())
        .id
}

/// The picker of what column `index` holds; `Some(new choice)` when the user changed it.
fn field_picker(
    ui: &mut Ui,
    tr: &Tr,
    index: usize,
    current: Option<Field>,
    caption: egui::Id,
) -> Option<Option<Field>> {
    let none = tr.t("pimport-field-none");
    let shown = current.map_or(none.clone(), |f| text::field(tr, f));
    let mut changed = None;
    egui::ComboBox::from_id_salt(("pimport-column", index))
        .selected_text(shown)
        .width(COLUMN_WIDTH - 4.0)
        .height(420.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), &none).clicked() && current.is_some() {
                changed = Some(None);
            }
            for field in Field::ALL {
                let selected = current == Some(field);
                if ui
                    .selectable_label(selected, text::field(tr, field))
                    .clicked()
                    && !selected
                {
                    changed = Some(Some(field));
                }
            }
        })
        .response
        .labelled_by(caption);
    changed
}

/// Each column's letter and header.
fn columns_of(table: &Table) -> Vec<(String, String)> {
    table
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| (table.letter(index), header.clone()))
        .collect()
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The plan: unknown headers, problems, the people to add, duplicates and empty rows.
fn plan_view(ui: &mut Ui, tr: &Tr, theme: &Theme, plan: &ImportPlan) {
    for unknown in &plan.unknown_headers {
        let note = if unknown.header.is_empty() {
            tr.with("pimport-unknown-blank", "column", &unknown.column)
        } else {
            tr.args(
                "pimport-unknown-header",
                &[
                    ("column", unknown.column.clone().into()),
                    ("header", unknown.header.clone().into()),
                ],
            )
        };
        ui.label(RichText::new(note).color(theme.warning()));
    }
    if !plan.problems.is_empty() {
        ui.add_space(4.0);
        ui.label(
            RichText::new(tr.t("pimport-problems"))
                .strong()
                .color(theme.error()),
        );
        for problem in plan.problems.iter().take(LIST_LIMIT) {
            ui.label(RichText::new(text::problem(tr, problem)).color(theme.error()));
        }
        more(ui, plan.problems.len());
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr.n("pimport-to-add", count(plan.people.len()))).strong());
    if !plan.people.is_empty() {
        people_table(ui, tr, theme, plan);
    }
    if !plan.new_groups.is_empty() {
        let groups = plan.new_groups.join(", ");
        ui.label(tr.with("pimport-new-groups", "groups", &groups));
    }
    duplicates(ui, tr, theme, plan);
    voting_changes(ui, tr, theme, plan);
    if !plan.empty_rows.is_empty() {
        let rows: Vec<String> = plan.empty_rows.iter().map(ToString::to_string).collect();
        let text = tr.with("pimport-empty-rows", "rows", &rows.join(", "));
        ui.label(theme.caption(text));
    }
}

fn more(ui: &mut Ui, total: usize) {
    if total > LIST_LIMIT {
        ui.label("…");
    }
}

/// The rows that will be added: row, name, position, organisation, group (new ones marked),
/// contact.
fn people_table(ui: &mut Ui, tr: &Tr, theme: &Theme, plan: &ImportPlan) {
    let cell = |ui: &mut Ui, text: RichText| {
        ui.add(egui::Label::new(text).truncate());
    };
    // Names and groups are shown whole (the column takes the longest); the rest is cut at
    // the column's width, whole on hover.
    let whole = |ui: &mut Ui, text: RichText| {
        ui.add(egui::Label::new(text).extend());
    };
    egui::Grid::new("pimport-people")
        .striped(true)
        .num_columns(6)
        .max_col_width(TABLE_COLUMN_WIDTH)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for key in [
                "pimport-col-row",
                "pimport-col-name",
                "pimport-col-position",
                "pimport-col-organisation",
                "pimport-col-group",
                "pimport-col-contact",
            ] {
                ui.label(RichText::new(tr.t(key)).strong());
            }
            ui.end_row();
            for person in &plan.people {
                ui.label(theme.caption(person.row.to_string()));
                if person.voting {
                    whole(ui, RichText::new(&person.name));
                } else {
                    let marked = format!("{} ({})", person.name, tr.t("pimport-no-vote"));
                    whole(ui, RichText::new(marked));
                }
                cell(ui, RichText::new(&person.position));
                cell(ui, RichText::new(&person.organisation));
                match person.group {
                    PlannedGroup::New(_) => {
                        let marked =
                            format!("{} ({})", person.group_name, tr.t("pimport-new-group"));
                        whole(ui, RichText::new(marked).color(theme.accent()));
                    }
                    PlannedGroup::Existing(_) | PlannedGroup::None => {
                        whole(ui, RichText::new(&person.group_name));
                    }
                }
                cell(ui, RichText::new(&person.contact));
                ui.end_row();
            }
        });
}

/// People already in the session whose right to vote the list's voting column changes.
fn voting_changes(ui: &mut Ui, tr: &Tr, theme: &Theme, plan: &ImportPlan) {
    if plan.voting_changes.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr.t("pimport-voting-changes")).strong());
    for change in plan.voting_changes.iter().take(LIST_LIMIT) {
        let key = if change.voting {
            "pimport-voting-gains"
        } else {
            "pimport-voting-loses"
        };
        let line = tr.args(
            key,
            &[
                ("row", count(change.row).into()),
                ("name", change.name.clone().into()),
            ],
        );
        ui.label(theme.caption(line));
    }
    more(ui, plan.voting_changes.len());
}

fn duplicates(ui: &mut Ui, tr: &Tr, theme: &Theme, plan: &ImportPlan) {
    if plan.duplicates.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr.t("pimport-duplicates")).strong());
    for duplicate in plan.duplicates.iter().take(LIST_LIMIT) {
        let row = ("row", count(duplicate.row).into());
        let name = ("name", duplicate.name.clone().into());
        let line = match duplicate.already {
            AlreadyIn::Session(_) => tr.args("pimport-duplicate-session", &[row, name]),
            AlreadyIn::File(first) => tr.args(
                "pimport-duplicate-file",
                &[row, name, ("first", count(first).into())],
            ),
        };
        ui.label(theme.caption(line));
    }
    more(ui, plan.duplicates.len());
}

/// The add and cancel buttons; the add button is disabled, with the reason beside it, when
/// there is a problem or nobody to add.
fn buttons(ui: &mut Ui, tr: &Tr, theme: &Theme, plan: Option<&ImportPlan>) -> Option<Choice> {
    let mut choice = None;
    let people = plan.map_or(0, |p| p.people.len());
    let changes_only = people == 0 && plan.is_some_and(|p| !p.changes_nothing());
    let ok = plan.is_some_and(ImportPlan::is_ok);
    ui.horizontal(|ui| {
        let add = if changes_only {
            egui::Button::new(tr.t("pimport-apply-voting"))
        } else {
            egui::Button::new(tr.n("pimport-add", count(people)))
        };
        if ui
            .add_enabled(ok && (people > 0 || changes_only), add)
            .clicked()
        {
            choice = Some(Choice::Add);
        }
        if ui.button(tr.t("pimport-cancel")).clicked() {
            choice = Some(Choice::Cancel);
        }
        let reason = match plan {
            Some(_) if !ok => Some(tr.t("pimport-fix-first")),
            Some(_) if people == 0 && !changes_only => Some(tr.t("pimport-nothing-to-add")),
            None => Some(tr.t("pimport-fix-first")),
            Some(_) => None,
        };
        if let Some(reason) = reason {
            ui.label(RichText::new(reason).color(theme.warning()));
        }
    });
    choice
}
