//! Stories of the action plan's views on the Decisions & actions board, by role and label: the
//! roadmap (bars by their names, the overdue one marked, the zoom, an image snapshot at
//! 1920×1080, and one of the projector drawing the sample's roadmap), the roles matrix (Р/С cells), and the execution review (a status update by
//! button and by key, undone; a cancellation with its reason; this year's actual value of an
//! indicator).

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    ActionId, ActionItem, ActionStatus, BoardSection, CarriedOver, Decision, DecisionId, Goal,
    GoalId, GroupId, Indicator, IndicatorId, Participant, ParticipantId, Session, StakeholderGroup,
    Value, YearValue,
};

const ANNA: ParticipantId = ParticipantId(1);
const BORIS: ParticipantId = ParticipantId(2);
const CONTEST: ActionId = ActionId(11);
const CENTRE: ActionId = ActionId(12);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Two participants, a group, a decision with two dated items (one overdue on 20 March 2018)
/// and an item without dates; both dated items carried over; a goal with an indicator.
fn plan() -> Session {
    let mut s = Session::new("TOS support, 2nd quarter");
    for (id, name) in [(ANNA, "Anna Petrova"), (BORIS, "Boris Ivanov")] {
        s.participants.push(Participant {
            id,
            name: name.into(),
            ..Participant::default()
        });
    }
    s.stakeholder_groups.push(StakeholderGroup {
        id: GroupId(3),
        name: "Youth council".into(),
        ..StakeholderGroup::default()
    });
    s.decisions.push(Decision {
        id: DecisionId(4),
        statement: "Grow the number of TOS".into(),
        ..Decision::default()
    });
    let carried = Some(CarriedOver {
        session: "TOS support".into(),
        ..CarriedOver::default()
    });
    s.actions.push(ActionItem {
        id: CONTEST,
        what: "Hold a contest".into(),
        decision: Some(DecisionId(4)),
        owners: vec![ANNA, BORIS],
        start: Some(day(2018, 2, 1)),
        due: Some(day(2018, 5, 1)),
        progress: 50,
        status: ActionStatus::InProgress,
        carried_over: carried.clone(),
        ..ActionItem::default()
    });
    s.actions.push(ActionItem {
        id: CENTRE,
        what: "Open a resource centre".into(),
        decision: Some(DecisionId(4)),
        owners: vec![BORIS],
        co_groups: vec![GroupId(3)],
        start: Some(day(2018, 1, 10)),
        due: Some(day(2018, 3, 1)),
        progress: 20,
        carried_over: carried,
        ..ActionItem::default()
    });
    s.actions.push(ActionItem {
        id: ActionId(13),
        what: "Write a charter".into(),
        decision: Some(DecisionId(4)),
        ..ActionItem::default()
    });
    s.goals.push(Goal {
        id: GoalId(5),
        title: "More self-government".into(),
        indicators: vec![Indicator {
            id: IndicatorId(6),
            name: "Number of TOS".into(),
            unit: "units".into(),
            targets: vec![YearValue {
                year: 2018,
                value: Value(60.0),
            }],
            ..Indicator::default()
        }],
        ..Goal::default()
    });
    s.repair_next_id();
    s
}

/// The plan with the items' names in Russian.
fn russian_plan() -> Session {
    let mut session = plan();
    for action in &mut session.actions {
        action.what = match action.id {
            CONTEST => "Провести конкурс".into(),
            CENTRE => "Открыть ресурсный центр".into(),
            _ => "Написать устав".into(),
        };
    }
    session
}

fn app(language: Language) -> StratboardApp {
    let session = match language {
        Language::Russian => russian_plan(),
        _ => plan(),
    };
    let mut app = StratboardApp::for_test(session, language);
    app.set_today(day(2018, 3, 20));
    app.select_section(BoardSection::Decisions);
    app
}

fn open(view: &str) -> Harness<'static, StratboardApp> {
    let mut harness = common::window(app(Language::English), common::WINDOW);
    harness.get_by_label(view).click();
    harness.run();
    harness
}

fn action(harness: &Harness<'_, StratboardApp>, id: ActionId) -> ActionItem {
    harness.state().session().action(id).unwrap().clone()
}

fn width(harness: &Harness<'_, StratboardApp>, label: &str) -> f64 {
    let node = harness.get_by_label(label);
    let bounds = node.accesskit_node().bounding_box().unwrap();
    bounds.x1 - bounds.x0
}

/// Whether a text `value` is on screen.
fn shown(harness: &Harness<'_, StratboardApp>, value: &str) -> bool {
    harness.query_all_by_value(value).next().is_some()
}

const CONTEST_BAR: &str = "Hold a contest: 01.02–01.05.2018, 50 %";
const CENTRE_BAR: &str = "Open a resource centre: 10.01–01.03.2018, 20 %, overdue";

#[test]
fn the_roadmap_shows_a_bar_per_dated_item_marks_the_overdue_one_and_zooms() {
    let mut harness = open("Roadmap");
    harness.get_by_label(CONTEST_BAR);
    harness.get_by_label(CENTRE_BAR);
    assert!(
        harness
            .query_by_label_contains("Hold a contest: 01.02–01.05.2018, 50 %, overdue")
            .is_none()
    );
    assert!(shown(&harness, "Without dates (1): Write a charter"));
    assert!(shown(&harness, "Grow the number of TOS"));

    let months = width(&harness, CONTEST_BAR);
    harness.get_by_label("Quarters").click();
    harness.run();
    let quarters = width(&harness, CONTEST_BAR);
    assert!(quarters < months, "a longer span: {quarters} < {months}");
    harness.get_by_label("Weeks").click();
    harness.run();
    let weeks = width(&harness, CONTEST_BAR);
    assert!(weeks >= months, "a span cut to weeks: {weeks} >= {months}");
}

#[test]
fn the_roles_matrix_marks_the_responsible_and_the_co_executors() {
    let harness = open("Roles");
    harness.get_by_label("Anna Petrova, item 1: R");
    harness.get_by_label("Boris Ivanov, item 1: C");
    harness.get_by_label("Boris Ivanov, item 2: R");
    harness.get_by_label("Youth council, item 2: C");
    assert!(
        harness
            .query_by_label_contains("Anna Petrova, item 2")
            .is_none()
    );
    harness.get_by_label("1. Hold a contest");
}

#[test]
fn the_review_marks_an_item_done_by_button_and_by_key_each_undone() {
    let mut harness = open("Execution review");
    assert!(shown(&harness, "42 days left"));
    assert!(shown(&harness, "19 days late"));
    let before = action(&harness, CONTEST);

    harness.get_by_label("Done: Hold a contest").click();
    harness.run();
    let done = action(&harness, CONTEST);
    assert_eq!((done.status, done.progress), (ActionStatus::Done, 100));
    assert_eq!(done.last_report().unwrap().text, "Done");
    assert_eq!(done.last_report().unwrap().date, day(2018, 3, 20));
    harness.state_mut().undo();
    harness.run();
    assert_eq!(action(&harness, CONTEST), before, "one undo step");

    // The first row is selected: W marks it in progress.
    harness.key_press(egui::Key::W);
    harness.run();
    assert_eq!(action(&harness, CONTEST).reports.len(), 1);
    harness.state_mut().undo();
    harness.run();
    assert_eq!(action(&harness, CONTEST), before);
}

#[test]
fn the_review_cancels_with_a_reason_and_moves_a_due_date() {
    let mut harness = open("Execution review");
    harness
        .get_by_label("Cancelled…: Open a resource centre")
        .click();
    harness.run();
    harness.get_by_label("Reason").type_text("No premises");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let cancelled = action(&harness, CENTRE);
    assert_eq!(cancelled.status, ActionStatus::Cancelled);
    assert_eq!(
        cancelled.last_report().unwrap().text,
        "Cancelled: No premises"
    );

    harness.get_by_label("Overdue…: Hold a contest").click();
    harness.run();
    let field = harness.get_by_label("New due date (YYYY-MM-DD)");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("2018-06-15".into()));
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let moved = action(&harness, CONTEST);
    assert_eq!(moved.due, Some(day(2018, 6, 15)));
    assert_eq!(moved.status, ActionStatus::InProgress);
}

#[test]
fn the_review_asks_for_this_years_actual_value() {
    let mut harness = open("Execution review");
    harness.get_by_label("Actual 2018: Number of TOS").focus();
    harness.run();
    harness
        .get_by_label("Actual 2018: Number of TOS")
        .type_text("57,5");
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let session = harness.state().session();
    let (_, indicator) = session.indicator(IndicatorId(6)).unwrap();
    assert_eq!(indicator.actual(2018), Some(57.5));
    harness.state_mut().undo();
    harness.run();
    let (_, indicator) = harness.state().session().indicator(IndicatorId(6)).unwrap();
    assert_eq!(indicator.actual(2018), None);
}

#[test]
fn the_roadmap_in_russian_at_1920_by_1080() {
    let mut harness = common::window(app(Language::Russian), egui::vec2(1920.0, 1080.0));
    harness.get_by_label("Дорожная карта").click();
    harness.run();
    harness.get_by_label("Провести конкурс: 01.02–01.05.2018, 50 %");
    harness.get_by_label("Открыть ресурсный центр: 10.01–01.03.2018, 20 %, просрочено");
    let Some(mut harness) = renderer_harness() else {
        return;
    };
    harness.get_by_label("Дорожная карта").click();
    harness.run();
    harness.snapshot("roadmap_ru");
}

/// The projector in the room: the sample `tos-support.ron` (its action plan laid out as a
/// roadmap, today in the middle of it), the board on the roadmap, F5.
#[test]
fn the_projector_draws_the_samples_roadmap_at_1920_by_1080() {
    let text = include_str!("../sessions/tos-support.ron");
    let session = stratboard_core::storage::parse_session(text.as_bytes())
        .unwrap()
        .session;
    assert!(
        session
            .actions
            .iter()
            .any(|a| a.start.is_some() && a.due.is_some())
    );
    let mut app = StratboardApp::for_test(session, Language::Russian);
    app.set_today(day(2018, 3, 20));
    app.select_section(BoardSection::Decisions);
    let Some(mut harness) = renderer_harness_for(app) else {
        return;
    };
    harness.get_by_label("Дорожная карта").click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    // The presentation follows the agenda: its sixth item, «Подведение итогов: решения и
    // поручения», is the Decisions & actions section's.
    for _ in 0..5 {
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
    assert!(
        harness.query_by_label("Роли").is_none(),
        "the board's view switcher is not drawn"
    );
    harness.snapshot("roadmap_projector_ru");
}

/// The Russian roadmap rendered with wgpu at 1920×1080, or `None` (with a note) without an
/// adapter when snapshots are not required (as in `snapshots_present.rs`).
fn renderer_harness() -> Option<Harness<'static, StratboardApp>> {
    renderer_harness_for(app(Language::Russian))
}

/// `app` rendered with wgpu at 1920×1080, or `None` as [`renderer_harness`].
fn renderer_harness_for(app: StratboardApp) -> Option<Harness<'static, StratboardApp>> {
    // Only the app moves into the closure, and a panic drops it: nothing is seen half-changed.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_pixels_per_point(1.0)
            .with_max_steps(10)
            .wgpu()
            .build_ui_state(|ui, app: &mut StratboardApp| app.show(ui), app)
    }));
    match built {
        Ok(harness) => Some(harness),
        Err(_) if std::env::var_os("STRATBOARD_REQUIRE_SNAPSHOTS").is_none() => {
            eprintln!("snapshot skipped: no graphics adapter (install mesa-vulkan-drivers)");
            None
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

#[test]
fn the_overdue_key_asks_for_a_new_date_and_enter_gives_it() {
    let mut harness = open("Execution review");
    harness.key_press(egui::Key::O);
    harness.run();
    assert!(
        harness
            .get_by_label("New due date (YYYY-MM-DD)")
            .is_focused(),
        "the new date's field takes the keyboard"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("2018-07-01".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let moved = action(&harness, CONTEST);
    assert_eq!(moved.due, Some(day(2018, 7, 1)));
    assert_eq!(
        moved.last_report().unwrap().text,
        "New due date: 2018-07-01"
    );
    assert!(
        harness
            .query_by_label("New due date (YYYY-MM-DD)")
            .is_none()
    );
}

#[test]
fn the_projector_shows_the_roadmap_while_the_board_does() {
    let mut harness = open("Roadmap");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(
        harness.query_by_label("Roles").is_none(),
        "the board is not drawn"
    );
    harness.get_by_label(CONTEST_BAR);
    harness.get_by_label(CENTRE_BAR);
}
