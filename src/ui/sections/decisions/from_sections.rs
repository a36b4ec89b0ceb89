//! «Sections' decisions»: the decisions a plenary brought in from its sections and has not
//! adopted yet, apart from its own, grouped by section (in order of their names) with their
//! action items, each with a button that adopts it as the plenary's own
//! ([`stratboard_core::sections::adopt_decision`]: one undo step). An adopted one stands among
//! the plenary's decisions with a small note of the section it came from.

use std::collections::HashMap;

use egui::{RichText, Ui};

use crate::ui::board::Board;
use stratboard_core::model::{ActionItem, Decision, DecisionId, SectionRecord};
use stratboard_core::sections::adopt_decision;

/// Whether `decision` came from a section and is not the plenary's own yet.
pub fn is_pending(decision: &Decision) -> bool {
    decision.section.as_ref().is_some_and(|from| !from.adopted)
}

/// Whether the session has a decision of a section not adopted yet.
pub fn any_pending(board: &Board<'_>) -> bool {
    board.session.decisions.iter().any(is_pending)
}

/// «из секции «Молодёжь»» under an adopted decision that came from a section.
pub fn adopted_note(ui: &mut Ui, board: &Board<'_>, decision: &Decision) {
    let Some(from) = decision.section.as_ref().filter(|from| from.adopted) else {
        return;
    };
    let name = board
        .session
        .section_record(&from.section)
        .map_or_else(|| from.section.short().to_owned(), |r| r.name.clone());
    ui.label(
        board
            .theme
            .caption(board.tr.with("section-decisions-from", "name", &name)),
    );
}

/// The part «Sections' decisions»: per section, its decisions not adopted yet with their
/// action items and the adopt button.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, actions: &HashMap<DecisionId, Vec<&ActionItem>>) {
    if !any_pending(board) {
        return;
    }
    let session = board.session;
    let tr = board.tr;
    ui.add_space(12.0);
    ui.label(board.theme.heading(tr.t("section-decisions-heading")));
    ui.label(board.theme.caption(tr.t("section-decisions-hint")));
    let mut records: Vec<&SectionRecord> = session.sections.iter().collect();
    records.sort_by_key(|r| (r.name.to_lowercase(), r.id.clone()));
    for record in records {
        let pending: Vec<&Decision> = session
            .decisions
            .iter()
            .filter(|d| is_pending(d))
            .filter(|d| d.section.as_ref().is_some_and(|f| f.section == record.id))
            .collect();
        if pending.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        let name = tr.with("board-section-heading", "name", &record.name);
        ui.label(RichText::new(name).strong());
        for decision in pending {
            let items = actions.get(&decision.id).map_or(&[][..], Vec::as_slice);
            decision_card(ui, board, decision, items);
        }
    }
}

/// One section's decision: its statement, its action items, and the adopt button.
fn decision_card(ui: &mut Ui, board: &mut Board<'_>, decision: &Decision, items: &[&ActionItem]) {
    let tr = board.tr;
    let theme = board.theme;
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(theme.card_title(&decision.statement));
        if !decision.rationale.trim().is_empty() {
            ui.label(theme.caption(&decision.rationale));
        }
        if !items.is_empty() {
            ui.label(theme.caption(tr.t("section-decisions-actions")));
            for item in items {
                ui.label(action_line(board, item));
            }
        }
        let text = tr.t("section-decisions-adopt");
        let name = format!("{text}: {}", decision.statement);
        let response = ui.button(&text);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if response.clicked()
            && let Some(command) = adopt_decision(board.session, decision.id)
        {
            board.push(command);
        }
    });
}

/// «— Подготовить паспорт (Иванов И. И., до 01.03.2027)».
fn action_line(board: &Board<'_>, item: &ActionItem) -> String {
    let mut details: Vec<String> = item
        .owners
        .iter()
        .filter_map(|id| board.session.participant(*id))
        .map(|p| p.name.clone())
        .collect();
    if let Some(due) = item.due {
        details.push(board.tr.date(due));
    }
    if details.is_empty() {
        format!("— {}", item.what)
    } else {
        format!("— {} ({})", item.what, details.join(", "))
    }
}
