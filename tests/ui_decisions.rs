//! Stories of the Session & agenda, Votes and Decisions & actions sections, driven through the
//! whole window by role and label: a decision with an action item and an owner (with undo and
//! redo of every step), an overdue action, the session title and its inline refusal, the
//! agenda clock, the agenda order, a draft vote, and the Russian labels.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use stratboard::app::{StratboardApp, sample_session};
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    ActionItem, ActionStatus, AgendaItem, AgendaItemId, Alternative, AlternativeId, BoardSection,
    CarriedOver, Decision, DecisionId, Participant, ParticipantId, Session, VoteMethod, VoteStatus,
};

const ANNA: ParticipantId = ParticipantId(1);
const BORIS: ParticipantId = ParticipantId(2);

/// A small session: two participants, two alternatives, nothing decided yet.
fn small_session() -> Session {
    let mut s = Session::new("Strategy day");
    for (id, name) in [(ANNA, "Anna Petrova"), (BORIS, "Boris Ivanov")] {
        s.participants.push(Participant {
            id,
            name: name.into(),
            ..Participant::default()
        });
    }
    for (id, title) in [(3, "Open a youth centre"), (4, "Repair the library")] {
        s.alternatives.push(Alternative {
            id: AlternativeId(id),
            title: title.into(),
            ..Alternative::default()
        });
    }
    s.repair_next_id();
    s
}

fn harness(
    session: Session,
    language: Language,
    section: BoardSection,
) -> Harness<'static, StratboardApp> {
    common::board(session, language, section, common::WINDOW)
}

/// Selects everything in the focused text field and types `text` over it.
fn type_over(harness: &mut Harness<'_, StratboardApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

/// What the owners buttons show, in order.
fn owners_shown(harness: &Harness<'_, StratboardApp>) -> Vec<String> {
    harness
        .query_all_by_role_and_label(Role::Button, "Owners")
        .map(|node| node.value().unwrap_or_default())
        .collect()
}

fn session<'a>(harness: &'a Harness<'_, StratboardApp>) -> &'a Session {
    harness.state().session()
}

#[test]
fn add_a_decision_with_an_action_item_and_an_owner_then_undo_and_redo_each_step() {
    let mut harness = harness(small_session(), Language::English, BoardSection::Decisions);

    // 1. A new decision; its statement is focused with the placeholder selected.
    harness
        .get_by_role_and_label(Role::Button, "Add decision")
        .click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness).decisions.len(), 1);
    let decision = session(&harness).decisions[0].id;
    assert!(
        harness.get_by_label("Decision").is_focused(),
        "the new statement has the focus"
    );

    // 2. Typing replaces the placeholder.
    harness
        .get_by_label("Decision")
        .type_text("Build the youth centre in 2027");
    harness.run();
    assert_eq!(
        session(&harness).decisions[0].statement,
        "Build the youth centre in 2027"
    );

    // 3. An action item under the decision (the first "Add action item" is in its card).
    harness
        .get_all_by_role_and_label(Role::Button, "Add action item")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness).actions.len(), 1);
    assert_eq!(session(&harness).actions[0].decision, Some(decision));

    // 4. Its text.
    harness.get_by_label("Action item").focus();
    harness.run();
    type_over(&mut harness, "Draft the budget");
    assert_eq!(session(&harness).actions[0].what, "Draft the budget");

    // 5. An owner, picked in the owners menu.
    harness
        .get_by_role_and_label(Role::Button, "Owners")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Anna Petrova")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let done = session(&harness).clone();
    assert_eq!(done.actions[0].owners, vec![ANNA]);
    assert_eq!(
        owners_shown(&harness),
        ["Anna Petrova"],
        "the owner is shown on the card"
    );

    // Undo each step, newest first.
    let app = harness.state_mut();
    app.undo();
    assert!(app.session().actions[0].owners.is_empty(), "undo: owner");
    app.undo();
    assert_eq!(
        app.session().actions[0].what,
        "New action item",
        "undo: action text"
    );
    app.undo();
    assert!(app.session().actions.is_empty(), "undo: action item");
    app.undo();
    assert_eq!(
        app.session().decisions[0].statement,
        "New decision",
        "undo: statement"
    );
    app.undo();
    assert!(app.session().decisions.is_empty(), "undo: decision");

    // Redo each step.
    app.redo();
    assert_eq!(app.session().decisions.len(), 1, "redo: decision");
    app.redo();
    assert_eq!(
        app.session().decisions[0].statement,
        "Build the youth centre in 2027"
    );
    app.redo();
    assert_eq!(app.session().actions.len(), 1, "redo: action item");
    app.redo();
    assert_eq!(app.session().actions[0].what, "Draft the budget");
    app.redo();
    assert_eq!(app.session(), &done, "redo: owner; everything is back");
    harness.run();
    assert_eq!(owners_shown(&harness), ["Anna Petrova"]);
}

#[test]
fn an_overdue_action_item_stands_out() {
    let mut s = small_session();
    let due = NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
    s.decisions.push(Decision {
        id: DecisionId(10),
        statement: "Renovate the library".into(),
        ..Decision::default()
    });
    s.actions.push(ActionItem {
        id: stratboard_core::model::ActionId(11),
        what: "Order the shelves".into(),
        owners: vec![BORIS],
        due: Some(due),
        decision: Some(DecisionId(10)),
        ..ActionItem::default()
    });
    // Done items are never overdue, however old their due date.
    s.actions.push(ActionItem {
        id: stratboard_core::model::ActionId(12),
        what: "Measure the reading room".into(),
        due: Some(due),
        status: ActionStatus::Done,
        decision: Some(DecisionId(10)),
        ..ActionItem::default()
    });
    // Carried over from the previous session, with no decision of this one.
    s.actions.push(ActionItem {
        id: stratboard_core::model::ActionId(13),
        what: "Publish the minutes".into(),
        carried_over: Some(CarriedOver {
            session: "Spring session".into(),
            date: NaiveDate::from_ymd_opt(2025, 4, 2),
        }),
        ..ActionItem::default()
    });
    s.repair_next_id();
    let harness = harness(s, Language::English, BoardSection::Decisions);

    let days = (chrono::Local::now().date_naive() - due).num_days();
    let marks = harness.query_all_by_label_contains("Overdue by").count();
    assert_eq!(marks, 1, "only the pending item is overdue");
    let mark = format!("Overdue by {days} days");
    assert!(harness.query_by_label(&mark).is_some(), "{mark}");
    assert!(harness.query_by_label("2 open action items").is_some());
    assert!(harness.query_by_label("1 overdue").is_some());
    assert!(harness.query_by_label("Other action items").is_some());
    assert!(
        harness
            .query_by_label("Carried over from “Spring session”, 2 April 2025")
            .is_some()
    );
    assert_eq!(
        owners_shown(&harness),
        ["Boris Ivanov", "", ""],
        "the owner is named"
    );
}

#[test]
fn editing_the_session_title_and_refusing_an_empty_one() {
    let mut harness = harness(small_session(), Language::English, BoardSection::Session);
    harness
        .get_by_role_and_label(Role::TextInput, "Session title")
        .focus();
    harness.run();
    type_over(&mut harness, "Budget 2027");
    assert_eq!(session(&harness).meta.title, "Budget 2027");

    // Clearing the title is refused inline and the title stays.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(session(&harness).meta.title, "Budget 2027");
    assert!(
        harness.query_by_label("Must not be empty").is_some(),
        "the refusal is shown"
    );
    assert!(
        harness.state().notice().is_none(),
        "nothing was sent to the model"
    );

    // Typing again clears the refusal.
    harness.event(egui::Event::Text("Budget 2028".to_owned()));
    harness.run();
    assert_eq!(session(&harness).meta.title, "Budget 2028");
    assert!(harness.query_by_label("Must not be empty").is_none());
}

#[test]
fn adding_an_agenda_item_and_setting_its_minutes_updates_the_total() {
    let mut s = small_session();
    s.agenda.push(AgendaItem {
        id: AgendaItemId(20),
        title: "Opening".into(),
        planned_minutes: 15,
        ..AgendaItem::default()
    });
    s.repair_next_id();
    let mut harness = harness(s, Language::English, BoardSection::Session);
    assert!(
        harness
            .query_by_label("Planned time 0:15 (15 minutes)")
            .is_some()
    );

    harness
        .get_by_role_and_label(Role::Button, "Add agenda item")
        .click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness).agenda.len(), 2);
    // The new item's title is focused with the placeholder selected: typing replaces it.
    harness.event(egui::Event::Text("Budget discussion".to_owned()));
    harness.run();
    assert_eq!(session(&harness).agenda[1].title, "Budget discussion");

    let minutes = harness
        .get_all_by_role_and_label(Role::SpinButton, "Minutes")
        .last()
        .unwrap();
    minutes.set_value_accesskit(45.0);
    harness.run();
    assert_eq!(session(&harness).agenda[1].planned_minutes, 45);
    assert!(
        harness
            .query_by_label("Planned time 1:00 (60 minutes)")
            .is_some()
    );
    // The new item starts when the first one ends.
    assert!(harness.query_by_label("0:15 – 1:00").is_some());

    harness.state_mut().undo();
    harness.run();
    assert!(
        harness
            .query_by_label("Planned time 0:15 (15 minutes)")
            .is_some()
    );
}

#[test]
fn agenda_items_move_with_the_keyboard_buttons_and_by_drag_and_drop() {
    let mut s = small_session();
    for (id, title) in [(20, "Opening"), (21, "Discussion"), (22, "Vote")] {
        s.agenda.push(AgendaItem {
            id: AgendaItemId(id),
            title: title.into(),
            planned_minutes: 10,
            ..AgendaItem::default()
        });
    }
    s.repair_next_id();
    // Tall enough for three agenda cards with their speaking-round rows.
    let mut harness = common::board(
        s,
        Language::English,
        BoardSection::Session,
        egui::vec2(1600.0, 1400.0),
    );
    let order = |harness: &Harness<'_, StratboardApp>| -> Vec<u32> {
        session(harness).agenda.iter().map(|a| a.id.0).collect()
    };

    harness.get_by_label("Move down: Opening").click();
    harness.run();
    assert_eq!(order(&harness), [21, 20, 22]);
    harness.get_by_label("Move up: Vote").click();
    harness.run();
    assert_eq!(order(&harness), [21, 22, 20]);

    // Drag "Discussion" (first) by its handle below "Opening" (last).
    let handles: Vec<_> = harness
        .get_all_by_label_contains(".")
        .filter(|node| ["1.", "2.", "3."].contains(&node.value().unwrap_or_default().as_str()))
        .map(|node| node.rect().center())
        .collect();
    assert_eq!(handles.len(), 3);
    let below_last = handles[2] + egui::vec2(0.0, 60.0);
    harness.hover_at(handles[0]);
    harness.run_steps(1);
    harness.drag_at(handles[0]);
    harness.run_steps(1);
    // A few points within the handle start the drag; then the card follows the pointer.
    harness.hover_at(handles[0] + egui::vec2(0.0, 4.0));
    harness.run_steps(2);
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.hover_at(handles[0] + (below_last - handles[0]) * t);
        harness.run_steps(2);
    }
    harness.drop_at(below_last);
    harness.run();
    assert_eq!(order(&harness), [22, 20, 21], "dropped after the last item");
}

#[test]
fn a_new_vote_is_a_draft_consent_vote_whose_question_and_ballot_can_be_edited() {
    let mut harness = harness(small_session(), Language::English, BoardSection::Votes);
    harness
        .get_by_role_and_label(Role::Button, "Add vote")
        .click();
    harness.run();
    harness.run();
    let vote = &session(&harness).votes[0];
    assert_eq!(vote.status, VoteStatus::Draft);
    assert_eq!(vote.method, VoteMethod::Consent { allow_block: false });
    assert_eq!(vote.question, "Do we support the proposal?");
    assert!(
        harness.query_by_label("Consent").is_some(),
        "the method is named"
    );
    assert!(harness.query_by_label("0 rounds  ·  0 ballots").is_some());

    harness.event(egui::Event::Text("Do we open the youth centre?".to_owned()));
    harness.run();
    harness.get_by_label("Open a youth centre").click();
    harness.run();
    let vote = &session(&harness).votes[0];
    assert_eq!(vote.question, "Do we open the youth centre?");
    assert_eq!(vote.alternatives, vec![AlternativeId(3)]);
}

#[test]
fn russian_labels_in_russian_mode() {
    let mut s = small_session();
    s.actions.push(ActionItem {
        id: stratboard_core::model::ActionId(30),
        what: "Подготовить смету".into(),
        due: NaiveDate::from_ymd_opt(2020, 1, 10),
        ..ActionItem::default()
    });
    s.repair_next_id();
    let mut harness = harness(s, Language::Russian, BoardSection::Decisions);
    assert!(harness.query_by_label("Решения и поручения").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Добавить решение")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("1 невыполненное поручение")
            .is_some()
    );
    assert!(harness.query_by_label("из них 1 просрочено").is_some());
    assert!(harness.query_by_label("Прочие поручения").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Ответственные")
            .is_some()
    );

    harness.state_mut().select_section(BoardSection::Session);
    harness.run();
    assert!(harness.query_by_label("Повестка").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Добавить пункт повестки")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("По регламенту 0:00 (0 минут)")
            .is_some()
    );

    harness.state_mut().select_section(BoardSection::Votes);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Добавить голосование")
            .is_some()
    );
}

#[test]
fn no_untranslated_keys_in_these_sections_with_the_samples() {
    let samples = [
        (sample_session(), Language::Russian),
        (
            stratboard_core::storage::load(std::path::Path::new("sessions/ngo-offsite.ron"))
                .unwrap()
                .session,
            Language::English,
        ),
        (
            stratboard_core::storage::load(std::path::Path::new("sessions/municipal-school.ron"))
                .unwrap()
                .session,
            Language::Russian,
        ),
    ];
    for (session, language) in samples {
        let mut harness = harness(session, language, BoardSection::Session);
        for section in [
            BoardSection::Session,
            BoardSection::Votes,
            BoardSection::Decisions,
        ] {
            harness.state_mut().select_section(section);
            harness.run();
            let raw = harness
                .query_all_by(|node| {
                    let text = node.value().or(node.label()).unwrap_or_default();
                    ["session-", "decisions-", "votes-", "common-"]
                        .iter()
                        .any(|prefix| text.starts_with(prefix))
                })
                .map(|node| {
                    let node = node.accesskit_node();
                    node.value().or(node.label()).unwrap_or_default()
                })
                .collect::<Vec<_>>();
            assert!(
                raw.is_empty(),
                "{section:?} in {language:?} shows keys: {raw:?}"
            );
        }
    }
}

#[test]
fn a_decision_added_to_a_long_list_is_scrolled_into_view_and_focused() {
    use stratboard_core::fixtures::{Size, generate};
    let mut harness = harness(
        generate(Size::LARGE),
        Language::Russian,
        BoardSection::Decisions,
    );
    let before = session(&harness).decisions.len();
    harness
        .get_by_role_and_label(Role::Button, "Добавить решение")
        .click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness).decisions.len(), before + 1);
    let field = harness
        .query_all_by_role_and_label(Role::MultilineTextInput, "Решение")
        .find(|node| node.is_focused())
        .expect("the new statement is laid out and focused");
    let rect = field.rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 1000.0,
        "on screen: {rect:?}"
    );
    harness.event(egui::Event::Text("Создать проектный офис".to_owned()));
    harness.run();
    assert_eq!(
        session(&harness).decisions[before].statement,
        "Создать проектный офис"
    );
}

#[test]
fn an_agenda_item_added_below_the_screen_is_scrolled_into_view() {
    let mut harness = harness(sample_session(), Language::Russian, BoardSection::Session);
    let before = session(&harness).agenda.len();
    harness
        .get_by_role_and_label(Role::Button, "Добавить пункт повестки")
        .click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness).agenda.len(), before + 1);
    let field = harness
        .query_all_by_role_and_label(Role::TextInput, "Название")
        .find(|node| node.is_focused())
        .expect("the new title is focused");
    let rect = field.rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 1000.0,
        "on screen: {rect:?}"
    );
}

#[test]
fn decisions_move_up_and_down_with_their_buttons_and_undo() {
    let mut s = small_session();
    for (id, statement) in [(10, "First decision"), (11, "Second decision")] {
        s.decisions.push(stratboard_core::model::Decision {
            id: stratboard_core::model::DecisionId(id),
            statement: statement.into(),
            ..Default::default()
        });
    }
    s.repair_next_id();
    let mut harness = harness(s, Language::English, BoardSection::Decisions);
    let order = |h: &Harness<'_, StratboardApp>| -> Vec<String> {
        session(h)
            .decisions
            .iter()
            .map(|d| d.statement.clone())
            .collect()
    };
    // The first cannot go up, the last cannot go down.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move up: First decision")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move down: Second decision")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::Button, "Move down: First decision")
        .click();
    harness.run();
    assert_eq!(order(&harness), ["Second decision", "First decision"]);
    assert!(harness.query_by_label("Decision 1").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(order(&harness), ["First decision", "Second decision"]);
    harness
        .get_by_role_and_label(Role::Button, "Move up: Second decision")
        .click();
    harness.run();
    assert_eq!(order(&harness), ["Second decision", "First decision"]);
}

#[test]
fn keystrokes_in_one_field_are_one_undo_step() {
    let mut harness = harness(small_session(), Language::English, BoardSection::Session);
    let before = session(&harness).meta.title.clone();
    harness
        .get_by_role_and_label(Role::TextInput, "Session title")
        .focus();
    harness.run();
    // Typed key by key, a frame each, as a person types.
    for letter in [" ", "2", "0", "2", "7"] {
        harness
            .get_by_role_and_label(Role::TextInput, "Session title")
            .type_text(letter);
        harness.run();
    }
    assert_eq!(session(&harness).meta.title, format!("{before} 2027"));
    harness.state_mut().undo();
    harness.run();
    assert_eq!(
        session(&harness).meta.title,
        before,
        "the keystrokes made one step"
    );
}
