//! Stories of the Goals, Situation analysis and Notes sections, driven through the whole window
//! by role and label: the goal tree of the TOS sample, adding a goal and typing its title (with
//! undo and redo), the inline refusal of an empty title, sub-goals and the parent picker that
//! cannot make a cycle, a file with a parent cycle, SWOT findings, notes, deleting with undo, and
//! the Russian labels.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    AgendaItem, AgendaItemId, AgendaStatus, BoardSection, Goal, GoalId, Quadrant, Session,
};

fn tos() -> Session {
    stratboard_core::storage::load(Path::new("sessions/tos-support.ron"))
        .unwrap()
        .session
}

fn open(
    session: Session,
    language: Language,
    section: BoardSection,
) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(session, language);
    let mut harness = common::window(app, egui::vec2(1600.0, 1100.0));
    harness.state_mut().select_section(section);
    harness.run();
    harness
}

/// Two root goals, nothing else.
fn two_goals() -> Session {
    let mut s = Session::new("Strategy day");
    for (id, title) in [(1, "Alpha goal"), (2, "Beta goal")] {
        s.goals.push(Goal {
            id: GoalId(id),
            title: title.into(),
            ..Goal::default()
        });
    }
    s.next_id = 3;
    s
}

fn is_text(role: Role) -> bool {
    matches!(role, Role::TextInput | Role::MultilineTextInput)
}

/// The text field showing `value`.
fn field<'h>(harness: &'h Harness<'_, StratboardApp>, value: &str) -> egui_kittest::Node<'h> {
    let value = value.to_owned();
    harness.get_by(move |n| is_text(n.role()) && n.value().as_deref() == Some(value.as_str()))
}

/// Whether a text field shows `value`.
fn has_field(harness: &Harness<'_, StratboardApp>, value: &str) -> bool {
    let value = value.to_owned();
    harness
        .query_by(move |n| is_text(n.role()) && n.value().as_deref() == Some(value.as_str()))
        .is_some()
}

/// The text field that has the keyboard focus, with its value.
fn focused_value(harness: &Harness<'_, StratboardApp>) -> String {
    let node = harness.get_by(|n| n.is_focused() && is_text(n.role()));
    node.value().unwrap_or_default()
}

#[test]
fn the_tos_sample_shows_its_goal_tree() {
    let session = tos();
    let titles: Vec<String> = session.goals.iter().map(|g| g.title.clone()).collect();
    let app = StratboardApp::for_test(session, Language::English);
    // Tall enough for every goal card at once (one has two target indicators): the board lays
    // out only the cards on screen.
    let mut harness = common::window(app, egui::vec2(1600.0, 1400.0));
    harness
        .get_by_role_and_label(Role::Button, "Goals   5")
        .click();
    harness.run();
    assert_eq!(harness.state().section(), BoardSection::Goals);
    assert!(
        harness.query_by_label("Goals").is_some(),
        "the section heading"
    );
    for title in &titles {
        assert!(has_field(&harness, title), "goal “{title}” is on the board");
    }
    // Sub-goals are indented under their parent, a sub-sub-goal further still.
    let left = |title: &str| field(&harness, title).rect().left();
    let root = left("Развитие ТОС как формы участия граждан в местном самоуправлении");
    let sub = left("Меры поддержки ТОС: моральная, организационная, методическая");
    let subsub = left("Обмен опытом между ТОС областного центра и районов");
    assert!(
        root < sub && sub < subsub,
        "indentation {root} < {sub} < {subsub}"
    );
    // Priorities as chips, linked alternatives and findings on the cards.
    assert!(
        !harness
            .query_all_by_label("High")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(
        harness
            .query_all_by_label_contains("findings of the situation analysis")
            .next()
            .is_some()
    );
}

#[test]
fn add_a_goal_type_its_title_then_undo_and_redo() {
    let mut harness = open(tos(), Language::English, BoardSection::Goals);
    let before = harness.state().session().goals.len();
    harness
        .get_by_role_and_label(Role::Button, "Add goal")
        .click();
    harness.run();
    let goals = &harness.state().session().goals;
    assert_eq!(goals.len(), before + 1);
    let added = goals.last().unwrap().clone();
    assert_eq!(added.title, "New goal", "a new goal is never untitled");
    assert_eq!(added.parent, None);
    // The new card has the focus with its title selected: typing replaces it.
    assert_eq!(focused_value(&harness), "New goal");
    harness
        .get_by(|n| n.is_focused() && is_text(n.role()))
        .type_text("Community fund");
    harness.run();
    assert_eq!(
        harness.state().session().goal(added.id).unwrap().title,
        "Community fund"
    );

    // Undo: the typing first, then the goal itself; redo brings both back.
    harness.state_mut().undo();
    harness.run();
    assert_eq!(
        harness.state().session().goal(added.id).unwrap().title,
        "New goal"
    );
    harness.state_mut().undo();
    harness.run();
    assert!(harness.state().session().goal(added.id).is_none());
    assert_eq!(harness.state().session().goals.len(), before);
    harness.state_mut().redo();
    harness.run();
    assert_eq!(
        harness.state().session().goal(added.id).unwrap().title,
        "New goal"
    );
    harness.state_mut().redo();
    harness.run();
    assert_eq!(
        harness.state().session().goal(added.id).unwrap().title,
        "Community fund"
    );
    assert!(
        has_field(&harness, "Community fund"),
        "the board shows it again"
    );
}

#[test]
fn an_emptied_title_is_refused_inline() {
    let mut harness = open(two_goals(), Language::English, BoardSection::Goals);
    let field = field(&harness, "Alpha goal");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    assert!(
        harness.query_by_label("Must not be empty").is_some(),
        "the inline message"
    );
    assert_eq!(
        harness.state().session().goal(GoalId(1)).unwrap().title,
        "Alpha goal"
    );
    // Typing again takes the new title and the message goes.
    harness
        .get_by(|n| n.is_focused() && is_text(n.role()))
        .type_text("Aim");
    harness.run();
    assert_eq!(
        harness.state().session().goal(GoalId(1)).unwrap().title,
        "Aim"
    );
    assert!(harness.query_by_label("Must not be empty").is_none());
}

#[test]
fn add_a_sub_goal_under_its_parent() {
    let mut harness = open(two_goals(), Language::English, BoardSection::Goals);
    harness
        .get_by_role_and_label(Role::Button, "Add a sub-goal to “Alpha goal”")
        .click();
    harness.run();
    let added = harness.state().session().goals.last().unwrap().clone();
    assert_eq!(added.parent, Some(GoalId(1)));
    assert_eq!(added.title, "New sub-goal");
    assert_eq!(focused_value(&harness), "New sub-goal");
    // Shown right under its parent (before Beta), indented.
    let alpha = field(&harness, "Alpha goal").rect();
    let sub = field(&harness, "New sub-goal").rect();
    let beta = field(&harness, "Beta goal").rect();
    assert!(alpha.top() < sub.top() && sub.top() < beta.top());
    assert!(sub.left() > alpha.left());
    // The parent can hide and show it again.
    harness
        .get_by_role_and_label(Role::Button, "Hide the sub-goals of “Alpha goal”")
        .click();
    harness.run();
    assert!(!has_field(&harness, "New sub-goal"));
    harness
        .get_by_role_and_label(Role::Button, "Show the sub-goals of “Alpha goal”")
        .click();
    harness.run();
    assert!(has_field(&harness, "New sub-goal"));
}

#[test]
fn the_parent_picker_moves_a_goal_and_offers_no_cycle() {
    let mut harness = open(two_goals(), Language::English, BoardSection::Goals);
    // Beta's picker offers Alpha (but not Beta itself).
    assert_eq!(harness.get_all_by_label("Serves the goal").count(), 2);
    let top_level = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::ComboBox && n.value().as_deref() == Some("—")
    };
    let pickers: Vec<_> = harness.get_all_by(top_level).collect();
    assert_eq!(pickers.len(), 2, "both goals are at the top level");
    pickers[1].click();
    harness.run();
    assert!(
        harness.query_by_label("Beta goal").is_none(),
        "a goal cannot serve itself"
    );
    harness.get_by_label("Alpha goal").click();
    harness.run();
    assert_eq!(
        harness.state().session().goal(GoalId(2)).unwrap().parent,
        Some(GoalId(1))
    );
    // Now Alpha's picker must not offer Beta, its sub-goal: that would be a cycle.
    let pickers: Vec<_> = harness.get_all_by(top_level).collect();
    assert_eq!(pickers.len(), 1, "only Alpha is still at the top level");
    pickers[0].click();
    harness.run();
    assert!(
        harness.query_by_label("Beta goal").is_none(),
        "no cycle can be chosen"
    );
    harness.key_press(Key::Escape);
    harness.run();
    // Undo puts Beta back at the top level.
    harness.state_mut().undo();
    harness.run();
    assert_eq!(
        harness.state().session().goal(GoalId(2)).unwrap().parent,
        None
    );
}

#[test]
fn a_file_with_a_parent_cycle_still_shows_every_goal() {
    let mut session = two_goals();
    session.goals[0].parent = Some(GoalId(2));
    session.goals[1].parent = Some(GoalId(1));
    let harness = open(session, Language::English, BoardSection::Goals);
    assert!(has_field(&harness, "Alpha goal"));
    assert!(has_field(&harness, "Beta goal"));
}

#[test]
fn delete_a_goal_and_undo() {
    let mut harness = open(two_goals(), Language::English, BoardSection::Goals);
    harness
        .get_by_role_and_label(Role::Button, "Delete: Beta goal")
        .click();
    harness.run();
    assert!(harness.state().session().goal(GoalId(2)).is_none());
    assert!(!has_field(&harness, "Beta goal"));
    harness.state_mut().undo();
    harness.run();
    assert!(harness.state().session().goal(GoalId(2)).is_some());
    assert!(has_field(&harness, "Beta goal"));
}

#[test]
fn add_a_weakness_to_the_situation_analysis() {
    let mut harness = open(tos(), Language::English, BoardSection::SituationAnalysis);
    for quadrant in ["Strengths", "Weaknesses", "Opportunities", "Threats"] {
        assert!(
            harness.query_by_label(quadrant).is_some(),
            "the {quadrant} quadrant"
        );
    }
    let before = harness.state().session().findings.len();
    harness
        .get_by_role_and_label(Role::Button, "Add weakness")
        .click();
    harness.run();
    let findings = &harness.state().session().findings;
    assert_eq!(findings.len(), before + 1);
    let added = findings.last().unwrap().clone();
    assert_eq!(added.quadrant, Quadrant::Weakness);
    assert_eq!(added.text, "New weakness");
    assert_eq!(focused_value(&harness), "New weakness");
    harness
        .get_by(|n| n.is_focused() && is_text(n.role()))
        .type_text("Few volunteers");
    harness.run();
    let finding = harness.state().session().finding(added.id).unwrap();
    assert_eq!(finding.text, "Few volunteers");
    assert_eq!(finding.quadrant, Quadrant::Weakness);
    // The Weaknesses box is to the right of Strengths, above Threats.
    let strengths = harness.get_by_label("Strengths").rect();
    let weaknesses = harness.get_by_label("Weaknesses").rect();
    let threats = harness.get_by_label("Threats").rect();
    assert!(weaknesses.left() > strengths.right());
    assert!(threats.top() > weaknesses.bottom());
}

#[test]
fn a_narrow_window_stacks_the_quadrants() {
    let mut harness = open(tos(), Language::English, BoardSection::SituationAnalysis);
    harness.set_size(egui::vec2(860.0, 900.0));
    harness.run();
    let strengths = harness.get_by_label("Strengths").rect();
    let weaknesses = harness.get_by_label("Weaknesses").rect();
    assert!(weaknesses.top() > strengths.bottom(), "one column");
    assert!((weaknesses.left() - strengths.left()).abs() < 1.0);
}

#[test]
fn add_a_note_during_the_running_agenda_item() {
    let mut session = two_goals();
    session.agenda.push(AgendaItem {
        id: AgendaItemId(10),
        title: "Brainstorm".into(),
        status: AgendaStatus::InProgress,
        ..AgendaItem::default()
    });
    let mut harness = open(session, Language::English, BoardSection::Notes);
    harness
        .get_by_role_and_label(Role::Button, "Add note")
        .click();
    harness.run();
    let note = harness.state().session().notes.last().unwrap().clone();
    assert_eq!(
        note.agenda_item,
        Some(AgendaItemId(10)),
        "tied to the item in progress"
    );
    assert_eq!(focused_value(&harness), "New note");
    harness
        .get_by(|n| n.is_focused() && is_text(n.role()))
        .type_text("Ask the mayor");
    harness.run();
    assert_eq!(
        harness.state().session().notes.last().unwrap().text,
        "Ask the mayor"
    );
    assert!(harness.query_by_label("Note 1").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Delete: Ask the mayor")
        .click();
    harness.run();
    assert!(harness.state().session().notes.is_empty());
}

#[test]
fn the_sections_in_russian() {
    let mut harness = open(tos(), Language::Russian, BoardSection::Goals);
    assert!(harness.query_by_label("Цели").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Добавить цель")
            .is_some()
    );
    assert!(harness.query_by_label("Goals").is_none());
    assert!(
        !harness
            .query_all_by_label("Входит в цель")
            .collect::<Vec<_>>()
            .is_empty()
    );
    // Russian plurals: "1 фактор", "2 фактора".
    for form in [
        "1 фактор из анализа состояния",
        "2 фактора из анализа состояния",
    ] {
        assert!(
            harness.query_all_by_label_contains(form).next().is_some(),
            "{form}"
        );
    }

    harness
        .state_mut()
        .select_section(BoardSection::SituationAnalysis);
    harness.run();
    for name in ["Сильные стороны", "Слабые стороны", "Возможности", "Угрозы"]
    {
        assert!(harness.query_by_label(name).is_some(), "{name}");
    }
    harness
        .get_by_role_and_label(Role::Button, "Добавить слабую сторону")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session().findings.last().unwrap().text,
        "Новая слабая сторона"
    );

    harness.state_mut().select_section(BoardSection::Notes);
    harness.run();
    assert!(harness.query_by_label("Заметки").is_some());
    assert!(
        harness.query_by_label("3 заметки").is_some(),
        "Russian plural"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Добавить заметку")
            .is_some()
    );
}

#[test]
fn move_a_finding_to_another_quadrant_and_undo() {
    let mut harness = open(tos(), Language::English, BoardSection::SituationAnalysis);
    let finding = harness
        .state()
        .session()
        .findings
        .iter()
        .find(|f| f.quadrant == Quadrant::Strength)
        .unwrap()
        .clone();
    // The menu is named after the finding (a long text is shortened).
    let start: String = format!("Move “{}", finding.text).chars().take(30).collect();
    harness
        .get_by(move |n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(&start))
        })
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Threats")
        .click();
    harness.run();
    let moved = harness.state().session().finding(finding.id).unwrap();
    assert_eq!(moved.quadrant, Quadrant::Threat);
    assert_eq!(moved.text, finding.text);
    harness.state_mut().undo();
    harness.run();
    let back = harness.state().session().finding(finding.id).unwrap();
    assert_eq!(back.quadrant, Quadrant::Strength);
}

#[test]
fn goals_move_among_their_siblings() {
    let mut s = two_goals();
    s.goals.push(Goal {
        id: GoalId(3),
        title: "Alpha child".into(),
        parent: Some(GoalId(1)),
        ..Goal::default()
    });
    s.next_id = 4;
    let mut harness = open(s, Language::English, BoardSection::Goals);
    let titles = |h: &Harness<'static, StratboardApp>| -> Vec<String> {
        h.state()
            .session()
            .goals
            .iter()
            .map(|g| g.title.clone())
            .collect()
    };
    // The only child has no sibling to pass.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move up: Alpha child")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move down: Alpha child")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::Button, "Move up: Beta goal")
        .click();
    harness.run();
    assert_eq!(titles(&harness), ["Beta goal", "Alpha goal", "Alpha child"]);
    assert_eq!(
        harness.state().session().goals[2].parent,
        Some(GoalId(1)),
        "the child keeps its parent"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(titles(&harness), ["Alpha goal", "Beta goal", "Alpha child"]);
}
