//! A goal's target indicators (целевые показатели) on its card: each indicator's status —
//! its latest actual value against that year's target: reached, on track (within 10 %) or
//! behind — and its editor: name, unit, whether more is better, the baseline, targets and
//! actual values by year, the data source and who answers for it.
//!
//! Values by year are typed as «2018: 480; 2019: 520» (a decimal comma or point); a half-typed
//! list stays a draft with a hint and changes nothing. Every change is one update of the goal.

use egui::{Id, RichText, Ui};
use fluent_templates::fluent_bundle::FluentValue;

use crate::ui::board::Board;
use crate::ui::theme::STABLE;
use crate::ui::widgets::{self, Field};
use stratboard_core::commands::{Command, Item};
use stratboard_core::model::{Goal, Indicator, IndicatorId, IndicatorStatus, Value, YearValue};

/// The width of a short field (unit, baseline).
const SHORT: f32 = 110.0;

/// The indicators of `goal`, each with its status and editor.
pub fn block(ui: &mut Ui, board: &mut Board<'_>, goal: &Goal) {
    let tr = board.tr;
    if !goal.indicators.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(tr.t("goals-indicators")).strong());
    }
    for (index, indicator) in goal.indicators.iter().enumerate() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, board.theme.border()))
            .corner_radius(egui::CornerRadius::same(6))
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                // One line — its name and how it stands — until it is opened for editing.
                let open_id = Id::unique(("indicator-open", indicator.id));
                let open = ui.data(|d| d.get_temp::<bool>(open_id).unwrap_or(false));
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&indicator.name).strong());
                    status_line(ui, board, indicator);
                    let label = tr.t("goals-indicator-edit");
                    let response = ui.add(egui::Button::new(&label).small().selected(open));
                    let name = format!("{label}: {}", indicator.name);
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, open, &name)
                    });
                    if response.clicked() {
                        ui.data_mut(|d| d.insert_temp(open_id, !open));
                    }
                });
                if !open {
                    return;
                }
                if let Some(changed) = editor(ui, board, indicator) {
                    let mut goal = goal.clone();
                    match changed {
                        Some(indicator) => goal.indicators[index] = indicator,
                        None => {
                            goal.indicators.remove(index);
                        }
                    }
                    board.push(Command::Update(Item::Goal(goal)));
                }
            });
    }
}

/// «Добавить показатель», named with its goal; drawn in the card's row of buttons.
pub fn add_button(ui: &mut Ui, board: &mut Board<'_>, goal: &Goal) {
    let tr = board.tr;
    let label = tr.t("goals-indicator-add");
    let response = ui.small_button(&label);
    let name = format!("{label}: {}", goal.title);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if response.clicked() {
        // The new indicator (its id comes when the goal is updated) opens for editing.
        ui.data_mut(|d| {
            d.insert_temp(
                Id::unique(("indicator-open", IndicatorId(board.session.next_id))),
                true,
            )
        });
        let mut goal = goal.clone();
        goal.indicators.push(Indicator {
            name: tr.t("goals-indicator-new"),
            ..Indicator::default()
        });
        board.push(Command::Update(Item::Goal(goal)));
    }
}

/// «2018: 455 ед. при цели 480 — в пределах 10 %» and the status; `None` without an actual
/// value for a year with a target.
pub fn status_text(
    tr: &stratboard_core::i18n::Tr,
    indicator: &Indicator,
) -> Option<(String, IndicatorStatus)> {
    let (actual, target, status) = indicator.status()?;
    let key = match status {
        IndicatorStatus::Reached => "goals-indicator-reached",
        IndicatorStatus::OnTrack => "goals-indicator-on-track",
        IndicatorStatus::Behind => "goals-indicator-behind",
    };
    let line = tr.args(
        key,
        &[
            ("year", FluentValue::from(actual.year)),
            ("actual", FluentValue::from(number(actual.value.0))),
            ("target", FluentValue::from(number(target))),
            ("unit", FluentValue::from(indicator.unit.clone())),
        ],
    );
    Some((line, status))
}

/// The status as a coloured chip; or what is missing.
fn status_line(ui: &mut Ui, board: &Board<'_>, indicator: &Indicator) {
    let Some((line, status)) = status_text(board.tr, indicator) else {
        ui.label(board.theme.caption(board.tr.t("goals-indicator-no-status")));
        return;
    };
    let colour = match status {
        IndicatorStatus::Reached => STABLE,
        IndicatorStatus::OnTrack => board.theme.warning(),
        IndicatorStatus::Behind => board.theme.error(),
    };
    board.theme.chip(ui, line, colour);
}

/// A number as typed: no trailing zeros.
pub fn number(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The editor of one indicator. Returns `Some(Some(changed))`, or `Some(None)` to delete it.
#[allow(clippy::option_option)]
fn editor(ui: &mut Ui, board: &Board<'_>, indicator: &Indicator) -> Option<Option<Indicator>> {
    let tr = board.tr;
    let key = indicator.id.0;
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("goals-indicator-name");
        let field = Field::required(&label).width(300.0);
        if let Some(name) = widgets::text_field(
            ui,
            board,
            Id::unique(("ind-name", key)),
            field,
            &indicator.name,
        ) {
            changed = Some(Some(Indicator {
                name,
                ..indicator.clone()
            }));
        }
        let label = tr.t("goals-indicator-unit");
        let field = Field::new(&label).width(SHORT);
        if let Some(unit) = widgets::text_field(
            ui,
            board,
            Id::unique(("ind-unit", key)),
            field,
            &indicator.unit,
        ) {
            changed = Some(Some(Indicator {
                unit,
                ..indicator.clone()
            }));
        }
        ui.vertical(|ui| {
            ui.label(board.theme.caption(" "));
            let mut more = indicator.higher_is_better;
            if ui
                .checkbox(&mut more, tr.t("goals-indicator-more-is-better"))
                .changed()
            {
                changed = Some(Some(Indicator {
                    higher_is_better: more,
                    ..indicator.clone()
                }));
            }
        });
        ui.vertical(|ui| {
            ui.label(board.theme.caption(" "));
            if widgets::delete_button(ui, board, &indicator.name) {
                changed = Some(None);
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        let baseline: Vec<YearValue> = indicator.baseline.into_iter().collect();
        let label = tr.t("goals-indicator-baseline");
        if let Some(values) = year_values(
            ui,
            board,
            Id::unique(("ind-base", key)),
            &label,
            &baseline,
            160.0,
        ) {
            changed = Some(Some(Indicator {
                baseline: values.first().copied(),
                ..indicator.clone()
            }));
        }
        let label = tr.t("goals-indicator-targets");
        if let Some(targets) = year_values(
            ui,
            board,
            Id::unique(("ind-targets", key)),
            &label,
            &indicator.targets,
            260.0,
        ) {
            changed = Some(Some(Indicator {
                targets,
                ..indicator.clone()
            }));
        }
        let label = tr.t("goals-indicator-actuals");
        if let Some(actuals) = year_values(
            ui,
            board,
            Id::unique(("ind-actuals", key)),
            &label,
            &indicator.actuals,
            260.0,
        ) {
            changed = Some(Some(Indicator {
                actuals,
                ..indicator.clone()
            }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = tr.t("goals-indicator-source");
        let field = Field::new(&label).width(300.0);
        if let Some(source) = widgets::text_field(
            ui,
            board,
            Id::unique(("ind-source", key)),
            field,
            &indicator.source,
        ) {
            changed = Some(Some(Indicator {
                source,
                ..indicator.clone()
            }));
        }
        let label = tr.t("goals-indicator-responsible");
        let id = Id::unique(("ind-responsible", key));
        if let Some(responsible) =
            widgets::participant_picker(ui, board, id, &label, indicator.responsible)
        {
            changed = Some(Some(Indicator {
                responsible,
                ..indicator.clone()
            }));
        }
    });
    changed
}

/// Values by year typed as «2018: 480; 2019: 520». Returns the new list, sorted by year,
/// when the text reads whole; a text that does not stays a draft with a hint.
fn year_values(
    ui: &mut Ui,
    board: &Board<'_>,
    id: Id,
    label: &str,
    values: &[YearValue],
    width: f32,
) -> Option<Vec<YearValue>> {
    let draft_id = id.with("draft");
    let draft: Option<String> = ui.data(|d| d.get_temp(draft_id));
    let mut text = draft.clone().unwrap_or_else(|| write_year_values(values));
    let mut result = None;
    let response = ui
        .vertical(|ui| {
            let caption = ui.label(board.theme.caption(label));
            ui.add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .hint_text(board.tr.t("goals-indicator-values-hint"))
                    .desired_width(width),
            )
            .labelled_by(caption.id)
        })
        .inner;
    if response.changed() {
        match parse_year_values(&text) {
            Some(parsed) => {
                ui.data_mut(|d| d.remove::<String>(draft_id));
                result = Some(parsed);
            }
            None => {
                ui.data_mut(|d| d.insert_temp(draft_id, text.clone()));
            }
        }
    } else if draft.is_some() && !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    if ui.data(|d| d.get_temp::<String>(draft_id).is_some()) {
        let hint = board.tr.t("goals-indicator-values-invalid");
        ui.label(RichText::new(hint).color(board.theme.error()));
    }
    result
}

/// «2018: 480; 2019: 520».
pub fn write_year_values(values: &[YearValue]) -> String {
    values
        .iter()
        .map(|v| format!("{}: {}", v.year, number(v.value.0)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads «2018: 480; 2019: 520,5» (`;` between years, `:` or `—` after a year, a decimal
/// comma or point); `None` when it does not read, or a year is given twice.
pub fn parse_year_values(text: &str) -> Option<Vec<YearValue>> {
    let mut values: Vec<YearValue> = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (year, value) = part.split_once([':', '—', '='])?;
        let year: i32 = year
            .trim()
            .parse()
            .ok()
            .filter(|y| (1900..=2200).contains(y))?;
        let value: f64 = value
            .trim()
            .replace(',', ".")
            .replace(' ', "")
            .parse()
            .ok()?;
        if !value.is_finite() || values.iter().any(|v| v.year == year) {
            return None;
        }
        values.push(YearValue {
            year,
            value: Value(value),
        });
    }
    values.sort_by_key(|v| v.year);
    Some(values)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn year_values_read_and_write_back() {
        let values = parse_year_values("2019: 520,5; 2018 — 480").unwrap();
        assert_eq!(
            values.iter().map(|v| v.year).collect::<Vec<_>>(),
            [2018, 2019]
        );
        assert_eq!(write_year_values(&values), "2018: 480; 2019: 520.5");
        assert_eq!(parse_year_values(""), Some(Vec::new()));
        assert_eq!(parse_year_values("2018: x"), None);
        assert_eq!(parse_year_values("2018: 1; 2018: 2"), None);
        assert_eq!(parse_year_values("18: 1"), None);
    }
}
