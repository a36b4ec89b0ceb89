//! A risk register's editor (a decision's, or an alternative's while it is discussed): each
//! risk's description, probability and impact 1–5 with their score, response and owner, and a
//! small heat map of the register beside it. The caller turns the new list into one update of
//! its entity, so every change is one undo step.

use egui::{Id, RichText, Ui};
use fluent_templates::fluent_bundle::FluentValue;

use crate::ui::board::Board;
use crate::ui::heatmap::{self, Dot, Look};
use crate::ui::widgets::{self, Field};
use stratboard_core::model::{RISK_MAX, RISK_MIN, Risk};

/// The register of `owner_key` (e.g. `("decision", id)`), folded until opened unless `open`
/// (a decision's opens when it has risks; an alternative's stays folded, its card kept short
/// for the discussion): returns the new list when changed.
pub fn register(
    ui: &mut Ui,
    board: &Board<'_>,
    owner_key: (&'static str, u32),
    risks: &[Risk],
    open: bool,
) -> Option<Vec<Risk>> {
    let tr = board.tr;
    let mut changed = None;
    let title = tr.n("risks-title", risks.len() as i64);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("risks", owner_key))
        .default_open(open && !risks.is_empty())
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_max_width((ui.available_width() - 200.0).max(320.0));
                    for (index, risk) in risks.iter().enumerate() {
                        if let Some(risk) = risk_row(ui, board, owner_key, index, risk) {
                            let mut list = risks.to_vec();
                            match risk {
                                Some(risk) => list[index] = risk,
                                None => {
                                    list.remove(index);
                                }
                            }
                            changed = Some(list);
                        }
                    }
                    let label = tr.t("risks-add");
                    if ui.small_button(&label).clicked() {
                        let mut list = risks.to_vec();
                        list.push(Risk {
                            description: tr.t("risks-new"),
                            ..Risk::default()
                        });
                        changed = Some(list);
                    }
                });
                if !risks.is_empty() {
                    map(ui, board, risks, 30.0);
                }
            });
        });
    changed
}

/// A heat map of `risks` with cells of `cell` points.
pub fn map(ui: &mut Ui, board: &Board<'_>, risks: &[Risk], cell: f32) {
    let tr = board.tr;
    let dots: Vec<Dot> = risks
        .iter()
        .enumerate()
        .map(|(i, risk)| Dot {
            number: i + 1,
            label: dot_label(tr, i + 1, risk),
            probability: risk.probability,
            impact: risk.impact,
        })
        .collect();
    let look = Look {
        cell,
        text: 12.0,
        ink: ui.visuals().text_color(),
        axes: (tr.t("risks-axis-probability"), tr.t("risks-axis-impact")),
    };
    heatmap::draw(ui, &look, &dots);
}

/// «Риск 2: Нет средств (вероятность 4, влияние 5)».
pub fn dot_label(tr: &stratboard_core::i18n::Tr, number: usize, risk: &Risk) -> String {
    tr.args(
        "risks-dot",
        &[
            ("number", FluentValue::from(number as i64)),
            ("description", FluentValue::from(risk.description.clone())),
            ("probability", FluentValue::from(risk.probability)),
            ("impact", FluentValue::from(risk.impact)),
        ],
    )
}

/// One risk. Returns `Some(Some(changed))`, or `Some(None)` to delete it.
#[allow(clippy::option_option)]
fn risk_row(
    ui: &mut Ui,
    board: &Board<'_>,
    owner_key: (&'static str, u32),
    index: usize,
    risk: &Risk,
) -> Option<Option<Risk>> {
    let tr = board.tr;
    let key = (owner_key, index);
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}.", index + 1)).strong());
        let label = tr.t("risks-description");
        let field = Field::required(&label).width(280.0);
        if let Some(description) = widgets::text_field(
            ui,
            board,
            Id::unique(("risk-text", key)),
            field,
            &risk.description,
        ) {
            changed = Some(Some(Risk {
                description,
                ..risk.clone()
            }));
        }
        for (caption, value, is_probability) in [
            (tr.t("risks-probability"), risk.probability, true),
            (tr.t("risks-impact"), risk.impact, false),
        ] {
            ui.vertical(|ui| {
                let caption = ui.label(board.theme.caption(caption));
                let mut value = value;
                let drag = egui::DragValue::new(&mut value).range(RISK_MIN..=RISK_MAX);
                if ui.add(drag).labelled_by(caption.id).changed() {
                    let mut risk = risk.clone();
                    if is_probability {
                        risk.probability = value;
                    } else {
                        risk.impact = value;
                    }
                    changed = Some(Some(risk));
                }
            });
        }
        ui.vertical(|ui| {
            ui.label(board.theme.caption(tr.t("risks-score")));
            let score = risk.score();
            let colour = heatmap::score_colour(score);
            ui.label(
                RichText::new(format!(" {score} "))
                    .background_color(colour)
                    .color(egui::Color32::BLACK),
            );
        });
        let label = tr.t("risks-response");
        let field = Field::new(&label).width(240.0);
        if let Some(response) = widgets::text_field(
            ui,
            board,
            Id::unique(("risk-response", key)),
            field,
            &risk.response,
        ) {
            changed = Some(Some(Risk {
                response,
                ..risk.clone()
            }));
        }
        let label = tr.t("risks-owner");
        if let Some(owner) = widgets::participant_picker(
            ui,
            board,
            Id::unique(("risk-owner", key)),
            &label,
            risk.owner,
        ) {
            changed = Some(Some(Risk {
                owner,
                ..risk.clone()
            }));
        }
        if widgets::delete_button(ui, board, &risk.description) {
            changed = Some(None);
        }
    });
    changed
}

/// Every risk of the session — the decisions', then the alternatives' under discussion — for
/// the map of all risks: its register number is its place in this list.
pub fn all(session: &stratboard_core::model::Session) -> Vec<&Risk> {
    session
        .decisions
        .iter()
        .flat_map(|d| &d.risks)
        .chain(
            session
                .alternatives
                .iter()
                .filter(|a| !a.hidden)
                .flat_map(|a| &a.risks),
        )
        .collect()
}

/// «Карта рисков (N)»: every risk of the session on one map, folded until opened.
pub fn map_of_all(ui: &mut Ui, board: &Board<'_>) {
    let count = all(board.session).len();
    if count == 0 {
        return;
    }
    let title = board.tr.n("risks-map-all", count as i64);
    // The risks are gathered only while the map is open (it is folded most of the time).
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("risks-map-all")
        .show(ui, |ui| {
            let risks: Vec<Risk> = all(board.session).into_iter().cloned().collect();
            map(ui, board, &risks, 44.0);
        });
}
