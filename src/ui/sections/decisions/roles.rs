//! The roles matrix: who takes what on. Participants with a part in any action item (rows)
//! × the items (numbered columns, the item's text on hover), «Р» for the responsible executor
//! and «С» for a co-executor; the stakeholder groups that are co-executors follow as rows of
//! their own. It scrolls both ways when there are many items.

use egui::{Label, RichText, Sense, Ui};

use crate::ui::board::Board;
use crate::ui::widgets;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{GroupId, Session};
use stratboard_core::roadmap::{Role, roles};

/// One row of the matrix: who, and their mark per item.
#[derive(Clone)]
struct Line {
    who: String,
    cells: Vec<Option<Role>>,
}

/// The rows: the participants with a role, then the groups that are co-executors.
fn lines(session: &Session) -> Vec<Line> {
    let mut lines: Vec<Line> = roles(session)
        .into_iter()
        .filter_map(|(id, cells)| {
            let who = session.participant(id)?.name.clone();
            Some(Line { who, cells })
        })
        .collect();
    for group in &session.stakeholder_groups {
        let cells: Vec<Option<Role>> = session
            .actions
            .iter()
            .map(|a| {
                let id: GroupId = group.id;
                a.co_groups.contains(&id).then_some(Role::CoExecutor)
            })
            .collect();
        if cells.iter().any(Option::is_some) {
            lines.push(Line {
                who: group.name.clone(),
                cells,
            });
        }
    }
    lines
}

/// The mark of a role in a cell: «Р» or «С» (R or C).
pub fn mark(tr: &Tr, role: Role) -> String {
    match role {
        Role::Responsible => tr.t("roles-mark-responsible"),
        Role::CoExecutor => tr.t("roles-mark-co"),
    }
}

/// Draws the roles matrix.
pub fn show(ui: &mut Ui, board: &Board<'_>) {
    let tr = board.tr;
    // Worked out once per revision of the session (not every frame): the plenary's own items
    // only — a section's are shown apart until adopted — and who takes what on.
    let (lines, items) = widgets::memo(ui, "decisions-roles-matrix", board.revision, || {
        let own = board.session.plenary_own();
        let items: Vec<String> = own.actions.iter().map(|a| a.what.clone()).collect();
        (lines(&own), items)
    });
    if lines.is_empty() {
        ui.label(board.theme.caption(tr.t("roles-empty")));
        return;
    }
    ui.label(board.theme.caption(tr.t("roles-legend")));
    ui.add_space(4.0);
    egui::ScrollArea::both()
        .id_salt("decisions-roles-scroll")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            egui::Grid::new("decisions-roles")
                .striped(true)
                .spacing([10.0, 6.0])
                .min_col_width(24.0)
                .show(ui, |ui| {
                    header(ui, board, &items);
                    for line in &lines {
                        row(ui, board, line);
                    }
                });
        });
}

/// The header: the items' numbers, each with its text on hover.
fn header(ui: &mut Ui, board: &Board<'_>, items: &[String]) {
    let tr = board.tr;
    ui.label(board.theme.caption(tr.t("roles-who")));
    for (i, what) in items.iter().enumerate() {
        let number = (i + 1).to_string();
        let response = ui
            .add(Label::new(RichText::new(&number).strong()).sense(Sense::hover()))
            .on_hover_text(format!("{number}. {what}"));
        let name = format!("{number}. {what}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, &name));
    }
    ui.end_row();
}

/// A participant's (or group's) row: the name, then a mark per item.
fn row(ui: &mut Ui, board: &Board<'_>, line: &Line) {
    let tr = board.tr;
    ui.add(Label::new(&line.who).extend());
    for (i, cell) in line.cells.iter().enumerate() {
        let Some(role) = cell else {
            ui.label("");
            continue;
        };
        let text = mark(tr, *role);
        let strong = RichText::new(&text).strong();
        let text = match role {
            Role::Responsible => strong.color(board.theme.accent()),
            Role::CoExecutor => strong,
        };
        let what = board
            .session
            .actions
            .get(i)
            .map(|a| a.what.as_str())
            .unwrap_or_default();
        let name = tr.args(
            "roles-cell",
            &[
                ("who", line.who.clone().into()),
                ("number", ((i + 1) as i64).into()),
                ("mark", mark(tr, *role).into()),
            ],
        );
        let response = ui.add(Label::new(text).sense(Sense::hover()));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, &name));
        response.on_hover_text(format!("{}. {what}", i + 1));
    }
    ui.end_row();
}
