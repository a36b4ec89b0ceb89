//! The execution review («Исполнение решений»), walked through at the start of a follow-up
//! session: each item carried over from the previous session with its planned dates against
//! today, its progress and last report, and a one-key status update (D done, W in progress,
//! O overdue with a new date, C cancelled with a reason), each one command and one undo step;
//! then the indicators that have no actual value for this year yet, each with a field for it.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use egui::{Frame, Key, Margin, RichText, Stroke, TextEdit, Ui};

use crate::ui::board::Board;
use crate::ui::labels::Named;
use stratboard_core::commands::{Command, Item};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{
    ActionId, ActionItem, Goal, IndicatorId, ReviewMark, ReviewWords, Value, YearValue,
};

/// State of the view.
#[derive(Default)]
pub struct State {
    /// The row the keys act on.
    selected: Option<ActionId>,
    /// A mark waiting for its new date or reason.
    asking: Option<(ActionId, Ask)>,
    /// The question's field takes the keyboard when it appears.
    focus_ask: bool,
    /// The actual values being typed, per indicator.
    actuals: HashMap<IndicatorId, String>,
    /// The indicators given a value here (still listed, with it).
    entered: Vec<IndicatorId>,
}

/// What a mark asks for before it is given.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ask {
    /// Overdue: the new due date (typed, YYYY-MM-DD).
    NewDue(String),
    /// Cancelled: the reason.
    Reason(String),
}

/// The words a review's report is written in, in the UI's language.
pub fn words(tr: &Tr) -> ReviewWords {
    ReviewWords {
        done: tr.t("review-word-done"),
        in_progress: tr.t("review-word-in-progress"),
        new_due: tr.t("review-word-new-due"),
        cancelled: tr.t("review-word-cancelled"),
    }
}

/// Draws the execution review.
pub fn show(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let tr = board.tr;
    let session = board.session;
    let carried: Vec<&ActionItem> = session
        .actions
        .iter()
        .filter(|a| a.carried_over.is_some())
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("decisions-review-scroll")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            if carried.is_empty() {
                ui.label(board.theme.caption(tr.t("review-empty")));
            } else {
                ui.label(board.theme.caption(tr.t("review-intro")));
                ui.add_space(6.0);
                if state
                    .selected
                    .is_none_or(|id| !carried.iter().any(|a| a.id == id))
                {
                    state.selected = carried.first().map(|a| a.id);
                }
                keys(ui, board, state, &carried);
                for action in &carried {
                    item_row(ui, board, state, action);
                }
            }
            ui.add_space(16.0);
            indicators(ui, board, state);
        });
}

/// The keys on the selected row, while no text field has the keyboard.
fn keys(ui: &Ui, board: &mut Board<'_>, state: &mut State, carried: &[&ActionItem]) {
    if ui.ctx().egui_wants_keyboard_input() || state.asking.is_some() {
        return;
    }
    let Some(action) = carried.iter().find(|a| Some(a.id) == state.selected) else {
        return;
    };
    let pressed = |key| ui.input(|i| i.key_pressed(key) && i.modifiers.is_none());
    if pressed(Key::ArrowDown) || pressed(Key::ArrowUp) {
        let at = carried.iter().position(|a| a.id == action.id).unwrap_or(0);
        let next = if pressed(Key::ArrowDown) {
            (at + 1).min(carried.len() - 1)
        } else {
            at.saturating_sub(1)
        };
        state.selected = carried.get(next).map(|a| a.id);
    } else if pressed(Key::D) {
        mark(board, action, &ReviewMark::Done);
    } else if pressed(Key::W) {
        mark(board, action, &ReviewMark::InProgress);
    } else if pressed(Key::O) {
        state.asking = Some((action.id, new_due_ask(action, board.today)));
        state.focus_ask = true;
    } else if pressed(Key::C) {
        state.asking = Some((action.id, Ask::Reason(String::new())));
        state.focus_ask = true;
    }
}

/// The overdue mark's question, with a month after the later of today and the due date.
fn new_due_ask(action: &ActionItem, today: NaiveDate) -> Ask {
    let from = action.due.map_or(today, |due| due.max(today));
    Ask::NewDue((from + Duration::days(30)).to_string())
}

/// Gives `action` its mark: one command, one undo step.
fn mark(board: &mut Board<'_>, action: &ActionItem, mark: &ReviewMark) {
    let item = action.reviewed(mark, board.today, &words(board.tr));
    board.push(Command::Update(Item::Action(item)));
}

/// A carried item: what, who, the plan against today, progress, the last report, the marks.
fn item_row(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, action: &ActionItem) {
    let selected = state.selected == Some(action.id);
    let stroke = if selected {
        Stroke::new(2.0, board.theme.accent())
    } else {
        Stroke::new(1.0, board.theme.border())
    };
    let response = Frame::new()
        .fill(board.theme.card_fill())
        .stroke(stroke)
        .corner_radius(6)
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            facts(ui, board, action);
            ui.horizontal_wrapped(|ui| mark_buttons(ui, board, state, action));
            ask(ui, board, state, action);
        })
        .response;
    // Selected by a press anywhere on it (without a sense of its own over the buttons).
    if ui.rect_contains_pointer(response.rect) && ui.input(|i| i.pointer.any_pressed()) {
        state.selected = Some(action.id);
    }
    ui.add_space(6.0);
}

/// What the item is, who answers for it, its dates against today, progress and last report.
fn facts(ui: &mut Ui, board: &Board<'_>, action: &ActionItem) {
    let tr = board.tr;
    let session = board.session;
    ui.label(RichText::new(&action.what).strong().size(17.0));
    ui.horizontal_wrapped(|ui| {
        let responsible = action
            .responsible()
            .and_then(|p| session.participant(p))
            .map_or_else(|| tr.t("decisions-no-owner"), |p| p.name.clone());
        ui.label(tr.with("roadmap-responsible", "name", &responsible));
        ui.label("·");
        let planned = match (action.start, action.due) {
            (Some(start), due) => tr.date_range(start, due),
            (None, Some(due)) => tr.date(due),
            (None, None) => tr.t("review-no-dates"),
        };
        ui.label(tr.with("review-planned", "dates", &planned));
        if let Some(due) = action.due.filter(|_| action.status.is_pending()) {
            let days = (board.today - due).num_days();
            if days > 0 {
                let late = tr.n("review-late", days);
                ui.label(RichText::new(late).strong().color(board.theme.error()));
            } else {
                ui.label(tr.n("review-left", -days));
            }
        }
        ui.label("·");
        ui.label(tr.n("roadmap-progress", i64::from(action.progress_shown())));
        ui.label(
            RichText::new(action.status.name(tr)).color(board.theme.action_status(action.status)),
        );
    });
    let report = match action.last_report() {
        Some(r) => tr.args(
            "roadmap-last-report",
            &[
                ("date", tr.date(r.date).into()),
                ("text", r.text.clone().into()),
            ],
        ),
        None => tr.t("review-no-report"),
    };
    ui.label(board.theme.caption(report));
}

/// The four marks as buttons, each named with what it marks.
fn mark_buttons(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, action: &ActionItem) {
    let tr = board.tr;
    let buttons = [
        ("review-mark-done", 'D'),
        ("review-mark-in-progress", 'W'),
        ("review-mark-overdue", 'O'),
        ("review-mark-cancelled", 'C'),
    ];
    for (key, letter) in buttons {
        let text = format!("{} ({letter})", tr.t(key));
        let name = format!("{}: {}", tr.t(key), action.what);
        let response = ui.button(&text);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if !response.clicked() {
            continue;
        }
        state.selected = Some(action.id);
        match letter {
            'D' => mark(board, action, &ReviewMark::Done),
            'W' => mark(board, action, &ReviewMark::InProgress),
            'O' => state.asking = Some((action.id, new_due_ask(action, board.today))),
            _ => state.asking = Some((action.id, Ask::Reason(String::new()))),
        }
        state.focus_ask = state.asking.is_some();
    }
}

/// The question an overdue or cancelled mark asks: a new date or a reason, then Apply.
fn ask(ui: &mut Ui, board: &mut Board<'_>, state: &mut State, action: &ActionItem) {
    let tr = board.tr;
    let Some((id, question)) = state.asking.as_mut() else {
        return;
    };
    if *id != action.id {
        return;
    }
    let (label, text) = match question {
        Ask::NewDue(text) => (tr.t("review-new-due"), text),
        Ask::Reason(text) => (tr.t("review-reason"), text),
    };
    let mut apply = false;
    let mut close = false;
    ui.horizontal_wrapped(|ui| {
        let caption = ui.label(&label);
        let field = ui
            .add(TextEdit::singleline(text).desired_width(260.0))
            .labelled_by(caption.id);
        if std::mem::take(&mut state.focus_ask) {
            field.request_focus();
        }
        apply = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        apply |= ui.button(tr.t("review-apply")).clicked();
        close = ui.button(tr.t("review-back")).clicked();
        close |= ui.input(|i| i.key_pressed(Key::Escape));
    });
    let chosen = match question {
        Ask::NewDue(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .ok()
            .map(|due| ReviewMark::Overdue { due }),
        Ask::Reason(text) => {
            let reason = text.trim().to_owned();
            (!reason.is_empty()).then_some(ReviewMark::Cancelled { reason })
        }
    };
    if chosen.is_none() {
        let hint = match question {
            Ask::NewDue(_) => tr.t("common-date-invalid"),
            Ask::Reason(_) => tr.t("review-reason-needed"),
        };
        ui.label(RichText::new(hint).color(board.theme.weak_text()));
    }
    match chosen {
        Some(chosen) if apply => {
            mark(board, action, &chosen);
            state.asking = None;
        }
        _ if close => state.asking = None,
        _ => {}
    }
}

/// The indicators with no actual value for this year, each with a field for it.
fn indicators(ui: &mut Ui, board: &mut Board<'_>, state: &mut State) {
    let tr = board.tr;
    let session = board.session;
    let year = board.today.year();
    let year_text = year.to_string();
    ui.heading(tr.with("review-indicators", "year", &year_text));
    let listed: Vec<_> = session
        .indicators()
        .filter(|(_, i)| i.actual(year).is_none() || state.entered.contains(&i.id))
        .collect();
    if listed.is_empty() {
        let none = if session.indicators().next().is_none() {
            tr.t("review-indicators-empty")
        } else {
            tr.with("review-indicators-none", "year", &year_text)
        };
        ui.label(board.theme.caption(none));
        return;
    }
    egui::Grid::new("decisions-review-indicators")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (goal, indicator) in listed {
                ui.label(RichText::new(&indicator.name).strong());
                ui.label(board.theme.caption(&goal.title));
                let target = indicator.target(year).map_or_else(String::new, |t| {
                    tr.with("review-target", "value", &number(t))
                });
                ui.label(format!("{target} {}", indicator.unit));
                actual_field(ui, board, state, goal, indicator.id, year);
                ui.end_row();
            }
        });
}

/// A number as typed and read: no trailing zeros.
fn number(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The field of this year's actual value; Enter or Save gives it to the goal (one command).
fn actual_field(
    ui: &mut Ui,
    board: &mut Board<'_>,
    state: &mut State,
    goal: &Goal,
    id: IndicatorId,
    year: i32,
) {
    let tr = board.tr;
    let Some(indicator) = goal.indicators.iter().find(|i| i.id == id) else {
        return;
    };
    let current = indicator.actual(year).map(number).unwrap_or_default();
    let text = state.actuals.entry(id).or_insert(current);
    let name = tr.args(
        "review-actual",
        &[
            ("year", i64::from(year).into()),
            ("name", indicator.name.clone().into()),
        ],
    );
    ui.label(
        board
            .theme
            .caption(tr.with("review-actual-short", "year", &year.to_string())),
    );
    let field = ui.add_sized([120.0, 24.0], TextEdit::singleline(text));
    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    let save = ui.button(tr.t("review-save")).clicked();
    let value = text
        .trim()
        .replace(',', ".")
        .replace(' ', "")
        .parse::<f64>();
    if !(enter || save) {
        return;
    }
    let Ok(value) = value.map(Value) else {
        return;
    };
    if !value.0.is_finite() {
        return;
    }
    let mut goal = goal.clone();
    if let Some(indicator) = goal.indicators.iter_mut().find(|i| i.id == id) {
        indicator.actuals.retain(|v| v.year != year);
        indicator.actuals.push(YearValue { year, value });
        indicator.actuals.sort_by_key(|v| v.year);
    }
    if !state.entered.contains(&id) {
        state.entered.push(id);
    }
    board.push(Command::Update(Item::Goal(goal)));
}
