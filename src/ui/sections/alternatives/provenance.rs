//! The plenary's alternatives by section: what came in from each section is grouped under a
//! heading per section (its name, moderator and ballots), the plenary's own under «Proposed
//! at the plenary»; a brought card says where it came from (the section's result in words, the
//! section's decisions that name it, folded) and, when its title is like one from another
//! section, offers to combine the two (one undo step). The board's «Sections on the screen»
//! switch is left in egui's memory, where the projector's alternatives screen reads it.

use std::collections::HashMap;

use egui::{Id, RichText, Ui};

use crate::ui::board::Board;
use stratboard_core::commands::Command;
use stratboard_core::model::{Alternative, AlternativeId, SectionRecord, Session};
use stratboard_core::sections::{origin_words, section_words};

/// The cards shown, in groups: each card's index into `session.alternatives`, in order, and
/// the heading drawn above the first card of each group.
pub struct Grouped {
    /// Indices into `session.alternatives`, section by section, the plenary's own last.
    pub order: Vec<usize>,
    /// The heading above the card at this position of `order`: the section's name, and what
    /// follows it in smaller type (moderator, ballots).
    pub headings: HashMap<usize, (String, String)>,
}

/// `shown` grouped by the section each alternative came from (sections in order of their
/// names, then the plenary's own), keeping their order within a group. `None` when the
/// session brought in no section (the board stays as it is).
pub fn group(board: &Board<'_>, shown: &[usize]) -> Option<Grouped> {
    let session = board.session;
    if session.sections.is_empty() {
        return None;
    }
    let mut records: Vec<&SectionRecord> = session.sections.iter().collect();
    records.sort_by_key(|r| (r.name.to_lowercase(), r.id.clone()));
    let group_of = |index: usize| {
        let alternative = &session.alternatives[index];
        alternative
            .origins
            .first()
            .and_then(|o| records.iter().position(|r| r.id == o.section))
            .unwrap_or(records.len())
    };
    let mut order = shown.to_vec();
    order.sort_by_key(|&index| group_of(index));
    let mut headings = HashMap::new();
    let mut last = None;
    for (pos, &index) in order.iter().enumerate() {
        let current = group_of(index);
        if last != Some(current) {
            let heading = match records.get(current) {
                Some(record) => heading(board, record),
                None => (board.tr.t("board-section-plenary"), String::new()),
            };
            headings.insert(pos, heading);
            last = Some(current);
        }
    }
    Some(Grouped { order, headings })
}

/// «Секция «Молодёжь»», and «модератор Петров П. П. · 23 бюллетеня».
fn heading(board: &Board<'_>, record: &SectionRecord) -> (String, String) {
    let tr = board.tr;
    let name = tr.with("board-section-heading", "name", &record.name);
    let mut parts = Vec::new();
    if !record.facilitator.trim().is_empty() {
        parts.push(tr.with("board-section-moderator", "moderator", &record.facilitator));
    }
    if let Some(vote) = &record.vote {
        parts.push(stratboard_core::sections::ballots_words(tr, vote));
    }
    (name, parts.join(" · "))
}

/// A group's heading, above its first card: the section's name, and under it its moderator
/// and ballots in smaller type (each wraps within the board: one row of both overflowed a
/// 1024-pixel window).
pub fn heading_row(ui: &mut Ui, board: &Board<'_>, (name, detail): &(String, String)) {
    ui.add_space(8.0);
    ui.add(egui::Label::new(board.theme.heading(name)).wrap());
    if !detail.is_empty() {
        ui.add(egui::Label::new(board.theme.caption(detail)).wrap());
    }
    ui.add_space(2.0);
}

/// Pairs of similar titles from different sections, once per revision.
pub fn similar(ui: &Ui, board: &Board<'_>) -> Vec<[u32; 2]> {
    if board.session.sections.is_empty() {
        return Vec::new();
    }
    crate::ui::widgets::memo(ui, "alternatives-similar", board.revision, || {
        stratboard_core::sections::similar_pairs(board.session)
    })
}

/// Where a brought card came from: each origin's section and result in words, the section's
/// decisions that name it (folded); then the similar cards of other sections, each with a
/// button that combines it into this one. Nothing for the plenary's own alternatives.
pub fn block(ui: &mut Ui, board: &mut Board<'_>, alternative: &Alternative, similar: &[[u32; 2]]) {
    let session = board.session;
    let tr = board.tr;
    for origin in &alternative.origins {
        // One under the other, each wrapped: side by side in a wrapped row, the second label
        // kept the row's full width and pushed the card past a 1024-pixel window's edge.
        ui.add(egui::Label::new(RichText::new(section_words(tr, session, origin)).strong()).wrap());
        let words = origin_words(tr, session, origin);
        if !words.is_empty() {
            ui.add(egui::Label::new(board.theme.caption(words)).wrap());
        }
        if !origin.decisions.is_empty() {
            let count = i64::try_from(origin.decisions.len()).unwrap_or(i64::MAX);
            let id = Id::unique((
                "alternative-origin-decisions",
                alternative.id,
                &origin.section,
            ));
            egui::CollapsingHeader::new(tr.n("board-origin-decisions", count))
                .id_salt(id)
                .default_open(false)
                .show(ui, |ui| {
                    for statement in &origin.decisions {
                        ui.label(format!("— {statement}"));
                    }
                });
        }
    }
    let partners = partners(session, alternative.id, similar);
    if partners.is_empty() {
        return;
    }
    let titles: Vec<String> = partners.iter().map(|a| format!("«{}»", a.title)).collect();
    ui.label(
        RichText::new(tr.with("board-similar", "titles", &titles.join(", ")))
            .color(board.theme.warning()),
    );
    ui.horizontal_wrapped(|ui| {
        for partner in partners {
            let text = tr.with("board-combine", "title", &partner.title);
            let response = ui.button(&text).on_hover_text(tr.t("board-combine-hint"));
            if response.clicked() {
                board.push(Command::Combine {
                    into: alternative.id,
                    from: partner.id,
                });
            }
        }
    });
}

/// The alternatives whose titles are like `id`'s, from other sections.
fn partners<'s>(
    session: &'s Session,
    id: AlternativeId,
    similar: &[[u32; 2]],
) -> Vec<&'s Alternative> {
    similar
        .iter()
        .filter_map(|[a, b]| match (*a == id.0, *b == id.0) {
            (true, _) => Some(*b),
            (_, true) => Some(*a),
            _ => None,
        })
        .filter_map(|other| session.alternative(AlternativeId(other)))
        .collect()
}

/// Where the board leaves whether the projector shows the sections side by side.
fn screen_memory_id() -> Id {
    Id::unique("alternatives-board-sections-screen")
}

/// Whether the board asked the projector for the Sections screen.
pub fn screen_shown(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(screen_memory_id()))
        .unwrap_or(false)
}

/// The «Sections on the screen» switch (only when sections were brought in).
pub fn screen_switch(ui: &mut Ui, board: &Board<'_>) {
    if board.session.sections.is_empty() {
        return;
    }
    let mut shown = screen_shown(ui.ctx());
    let response = ui
        .checkbox(&mut shown, board.tr.t("board-sections-screen"))
        .on_hover_text(board.tr.t("board-sections-screen-hint"));
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(screen_memory_id(), shown));
    }
}
