//! From decisions to results, by role and label: a goal's target indicator added, its targets
//! and actual values typed by year and its status shown; an action item's start, progress and
//! a progress report; a decision's risks on the heat map.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    ActionId, ActionItem, BoardSection, Decision, DecisionId, Goal, GoalId, Participant,
    ParticipantId, Risk, Session,
};

/// A goal, a decision with one risk, and an action item carrying it out.
fn session() -> Session {
    let mut s = Session::new("TOS support");
    s.participants.push(Participant {
        id: ParticipantId(1),
        name: "Anna Petrova".into(),
        ..Participant::default()
    });
    s.goals.push(Goal {
        id: GoalId(2),
        title: "Grow TOS".into(),
        ..Goal::default()
    });
    s.decisions.push(Decision {
        id: DecisionId(3),
        statement: "Support TOS".into(),
        risks: vec![Risk {
            description: "No budget".into(),
            probability: 4,
            impact: 5,
            ..Risk::default()
        }],
        ..Decision::default()
    });
    s.actions.push(ActionItem {
        id: ActionId(4),
        what: "Hold a grant contest".into(),
        decision: Some(DecisionId(3)),
        owners: vec![ParticipantId(1)],
        due: NaiveDate::from_ymd_opt(2018, 5, 1),
        ..ActionItem::default()
    });
    s.repair_next_id();
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn open(section: BoardSection) -> Harness<'static, StratboardApp> {
    common::board(session(), Language::English, section, common::WINDOW)
}

fn type_into(h: &mut Harness<'static, StratboardApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

#[test]
fn an_indicator_is_added_to_a_goal_and_tells_how_it_stands() {
    let mut h = open(BoardSection::Goals);
    h.get_by_role_and_label(Role::Button, "Add an indicator: Grow TOS")
        .click();
    h.run();
    let goal = h.state().session().goals[0].clone();
    assert_eq!(goal.indicators.len(), 1);
    assert!(goal.indicators[0].id.0 > 0, "the indicator got an id");
    type_into(&mut h, "Targets by year", "2018: 480; 2019: 520");
    type_into(&mut h, "Actual by year", "2018: 440");
    let indicator = &h.state().session().goals[0].indicators[0];
    assert_eq!(indicator.targets.len(), 2);
    assert_eq!(indicator.actuals.len(), 1);
    h.get_by_label_contains("2018: 440");
    h.get_by_label_contains("— on track");
    // A half-typed list changes nothing and says how to write it.
    type_into(&mut h, "Actual by year", "2018 440");
    h.get_by_label_contains("each year once");
    assert_eq!(h.state().session().goals[0].indicators[0].actuals.len(), 1);
    // One undo takes back the last change.
    h.state_mut().undo();
    h.run();
    assert!(
        h.state().session().goals[0].indicators[0]
            .actuals
            .is_empty()
    );
}

#[test]
fn an_action_items_progress_and_report_are_recorded() {
    let mut h = open(BoardSection::Decisions);
    h.get_by_role_and_label(Role::Button, "Details: Hold a grant contest")
        .click();
    h.run();
    type_into(&mut h, "Report", "Contest announced");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Report")
            .value()
            .as_deref(),
        Some("Contest announced")
    );
    h.get_by_role_and_label(Role::Button, "Add report: Hold a grant contest")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add report: Hold a grant contest")
        .click();
    h.run();
    let action = &h.state().session().actions[0];
    assert_eq!(action.reports.len(), 1);
    assert_eq!(action.reports[0].text, "Contest announced");
    h.get_by_label_contains("Contest announced");
}

#[test]
fn a_decisions_risks_are_placed_on_the_heat_map() {
    let h = open(BoardSection::Decisions);
    h.get_by_role_and_label(Role::Image, "Risk 1: No budget (probability 4, impact 5)");
    assert!(h.query_by_label_contains("Risks (1)").is_some());
}
