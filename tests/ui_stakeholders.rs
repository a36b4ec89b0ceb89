//! Stakeholders & participants: group cards with their participants, and the power/interest
//! grid. Stories by role and label, with the accessibility check on.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratboard::app::{StratboardApp, sample_session};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, GroupId, Participant, Session, StakeholderGroup};

fn open(session: Session, language: Language, size: egui::Vec2) -> Harness<'static, StratboardApp> {
    common::board(session, language, BoardSection::Stakeholders, size)
}

fn wide(session: Session, language: Language) -> Harness<'static, StratboardApp> {
    open(session, language, egui::vec2(1600.0, 1000.0))
}

/// Two groups and three people: Anna and Boris in the council, Vera in the press, nobody
/// without a group.
fn small_session() -> Session {
    let mut session = Session::new("Small");
    let council = GroupId(session.allocate_id());
    session.stakeholder_groups.push(StakeholderGroup {
        id: council,
        name: "City council".into(),
        description: "Elected members".into(),
        influence: 5,
        interest: 4,
        vote_weight: None,
    });
    let press = GroupId(session.allocate_id());
    session.stakeholder_groups.push(StakeholderGroup {
        id: press,
        name: "Local press".into(),
        description: "Two newspapers and a radio station".into(),
        influence: 2,
        interest: 2,
        vote_weight: None,
    });
    for (name, group) in [
        ("Anna Smith", council),
        ("Boris Petrov", council),
        ("Vera Lee", press),
    ] {
        let id = session.allocate_id().into();
        session.participants.push(Participant {
            id,
            name: name.into(),
            position: "Member".into(),
            organisation: "Town".into(),
            group: Some(group),
            code: None,
            contact: String::new(),
            voting: true,
        });
    }
    session
}

fn group_named<'a>(session: &'a Session, name: &str) -> &'a StakeholderGroup {
    session
        .stakeholder_groups
        .iter()
        .find(|g| g.name == name)
        .unwrap()
}

/// The text field showing `value` (a group's or a person's name).
fn field<'h>(harness: &'h Harness<'static, StratboardApp>, value: &str) -> egui_kittest::Node<'h> {
    let value = value.to_owned();
    harness.get_by(move |n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.value().as_deref() == Some(value.as_str())
    })
}

fn person_named<'a>(session: &'a Session, name: &str) -> &'a Participant {
    session
        .participants
        .iter()
        .find(|p| p.name == name)
        .unwrap()
}

#[test]
fn the_sample_shows_its_six_groups_and_the_grid() {
    let mut harness = wide(sample_session(), Language::English);
    // Reaching the section from the side panel works too.
    harness.state_mut().select_section(BoardSection::Session);
    harness.run();
    harness
        .get_by_label_contains("Stakeholders & participants")
        .click();
    harness.run();
    assert_eq!(harness.state().section(), BoardSection::Stakeholders);

    harness.get_by_role_and_label(Role::Image, "Influence / interest grid");
    let groups: Vec<String> = harness
        .state()
        .session()
        .stakeholder_groups
        .iter()
        .map(|g| g.name.clone())
        .collect();
    assert_eq!(groups.len(), 6);
    for name in &groups {
        // Each group is a circle in the grid (a button that finds its card) …
        harness.get_by_role_and_label(Role::Button, name);
    }
    // … and the first cards show their names in the name fields.
    field(&harness, &groups[0]);
    let count = harness.state().session().participants.len();
    assert!(
        harness
            .query_by_label_contains(&format!("{count} participants"))
            .is_some()
    );
    assert!(harness.query_by_label_contains("6 groups").is_some());
}

#[test]
fn hovering_a_circle_shows_the_group_and_clicking_it_finds_the_card() {
    let mut harness = wide(small_session(), Language::English);
    harness
        .get_by_role_and_label(Role::Button, "Local press")
        .hover();
    harness.run();
    assert!(
        harness
            .query_by_label("Two newspapers and a radio station")
            .is_some(),
        "the tooltip shows the description"
    );
    assert!(
        harness
            .query_by_label_contains("Influence 2 · interest 2")
            .is_some()
    );

    // In the sample the last group's card starts off screen; its circle brings it into view.
    let mut harness = wide(sample_session(), Language::English);
    let last = harness
        .state()
        .session()
        .stakeholder_groups
        .last()
        .unwrap()
        .name
        .clone();
    let visible = |harness: &Harness<'static, StratboardApp>| {
        let value = last.clone();
        harness
            .query_all_by_role_and_label(Role::TextInput, "Group name")
            .find(|node| node.value().as_deref() == Some(value.as_str()))
            .is_some_and(|node| node.rect().top() >= 0.0 && node.rect().bottom() <= 1000.0)
    };
    assert!(!visible(&harness));
    harness.get_by_role_and_label(Role::Button, &last).click();
    harness.run();
    assert!(
        visible(&harness),
        "the card of {last} was scrolled into view"
    );
}

#[test]
fn add_a_group_and_a_participant_then_undo_and_redo() {
    let mut harness = wide(small_session(), Language::English);
    harness
        .get_by_role_and_label(Role::Button, "Add group")
        .click();
    harness.run();
    assert_eq!(harness.state().session().stakeholder_groups.len(), 3);
    // The new group's name is focused with its text selected: typing replaces it.
    let name = field(&harness, "New group");
    assert!(name.is_focused());
    name.type_text("Youth council");
    harness.run();
    let group = group_named(harness.state().session(), "Youth council").clone();

    harness
        .get_by_role_and_label(Role::Button, "Add participant: Youth council")
        .click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.participants.len(), 4);
    let added = session.participants.last().unwrap();
    assert_eq!(added.group, Some(group.id));
    let name = field(&harness, "New participant");
    assert!(name.is_focused());
    name.type_text("Dmitry Orlov");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete: Dmitry Orlov");
    // Tab moves on to the job title.
    harness.key_press(egui::Key::Tab);
    harness.run();
    let position = harness
        .get_all_by_label("Job title")
        .find(|node| node.is_focused())
        .unwrap();
    position.type_text("Chair");
    harness.run();
    let person = person_named(harness.state().session(), "Dmitry Orlov");
    assert_eq!(person.position, "Chair");
    assert_eq!(person.group, Some(group.id));
    assert!(harness.query_by_label_contains("4 participants").is_some());

    // Undo walks back: the job title, the name, the participant, the group's name, the group.
    let full = harness.state().session().clone();
    let mut steps = 0;
    while harness.state().session().stakeholder_groups.len() > 2 {
        harness.state_mut().undo();
        harness.run();
        steps += 1;
        assert!(steps <= 10, "undo never removed the group");
    }
    assert_eq!(harness.state().session(), &small_session_with_ids(&full));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Youth council")
            .is_none()
    );
    for _ in 0..steps {
        harness.state_mut().redo();
        harness.run();
    }
    assert_eq!(
        harness.state().session().stakeholder_groups,
        full.stakeholder_groups
    );
    assert_eq!(harness.state().session().participants, full.participants);
    harness.get_by_role_and_label(Role::Button, "Youth council");
    harness.get_by_role_and_label(Role::Button, "Delete: Dmitry Orlov");
}

/// The small session as it was before the story added to it (ids allocated since then are
/// not handed out again, so only the lists are compared).
fn small_session_with_ids(full: &Session) -> Session {
    let mut session = small_session();
    session.next_id = full.next_id;
    // Each new session gets an identity of its own; the one the harness opened is kept.
    session.meta.id = full.meta.id.clone();
    session
}

#[test]
fn move_a_participant_to_another_group_with_the_picker() {
    let mut harness = wide(small_session(), Language::English);
    let press = group_named(harness.state().session(), "Local press").id;
    // Boris's row: the pickers are in card order, Anna's first, then Boris's, then Vera's.
    let pickers: Vec<_> = harness
        .get_all_by_role_and_label(Role::ComboBox, "Group")
        .collect();
    assert_eq!(pickers.len(), 3);
    pickers[1].click();
    harness.run();
    // The open list offers every group; the other "Local press" button is the grid's circle.
    let grid = harness
        .get_by_role_and_label(Role::Image, "Influence / interest grid")
        .rect();
    let option = harness
        .get_all_by_role_and_label(Role::Button, "Local press")
        .find(|node| !grid.contains_rect(node.rect()))
        .unwrap();
    option.click();
    harness.run();
    let boris = person_named(harness.state().session(), "Boris Petrov");
    assert_eq!(boris.group, Some(press));
    assert!(
        harness.query_by_label_contains("1 participant").is_some(),
        "the council has one left"
    );
    assert!(
        harness.query_by_label_contains("2 participants").is_some(),
        "the press has two"
    );
    harness.state_mut().undo();
    harness.run();
    let boris = person_named(harness.state().session(), "Boris Petrov");
    assert_ne!(boris.group, Some(press));
}

#[test]
fn deleting_a_group_leaves_its_people_without_a_group_and_undo_restores_it() {
    let mut harness = wide(small_session(), Language::English);
    let before = harness.state().session().clone();
    harness
        .get_by_role_and_label(Role::Button, "Delete: City council")
        .click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.stakeholder_groups.len(), 1);
    assert_eq!(session.participants.len(), 3, "the people stay");
    for name in ["Anna Smith", "Boris Petrov"] {
        assert_eq!(person_named(session, name).group, None);
    }
    // Both are now in the last card, whose add button names it.
    harness.get_by_role_and_label(Role::Button, "Add participant: Without a group");
    assert!(harness.query_by_label_contains("2 participants").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "City council")
            .is_none()
    );

    harness.state_mut().undo();
    harness.run();
    assert_eq!(harness.state().session(), &before);
    harness.get_by_role_and_label(Role::Button, "City council");
    harness.get_by_role_and_label(Role::Button, "Delete: City council");
}

#[test]
fn editing_influence_interest_and_vote_weight() {
    let mut harness = wide(small_session(), Language::English);
    let sliders: Vec<_> = harness
        .get_all_by_role_and_label(Role::Slider, "Influence")
        .collect();
    assert_eq!(sliders.len(), 2, "one influence slider per group");
    sliders[1].increment_accesskit();
    harness.run();
    assert_eq!(
        group_named(harness.state().session(), "Local press").influence,
        3
    );
    let interest: Vec<_> = harness
        .get_all_by_role_and_label(Role::Slider, "Interest")
        .collect();
    interest[0].set_value_accesskit(1.0);
    harness.run();
    assert_eq!(
        group_named(harness.state().session(), "City council").interest,
        1
    );
    harness
        .get_all_by_label("Vote weight")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        group_named(harness.state().session(), "City council").vote_weight,
        Some(1)
    );
}

#[test]
fn an_empty_group_name_is_refused_inline() {
    let mut harness = wide(small_session(), Language::English);
    // Typing into the focused field: select everything and delete it.
    field(&harness, "Local press").focus();
    harness.run();
    field(&harness, "Local press").set_text_value_accesskit("");
    harness.run();
    assert!(harness.query_by_label("Must not be empty").is_some());
    assert!(
        harness
            .state()
            .session()
            .stakeholder_groups
            .iter()
            .any(|g| g.name == "Local press"),
        "the name is kept"
    );
}

#[test]
fn the_russian_ui_speaks_russian() {
    let harness = wide(sample_session(), Language::Russian);
    harness.get_by_role_and_label(Role::Image, "Карта влияния и интереса");
    harness.get_by_role_and_label(Role::Button, "Добавить группу");
    assert!(harness.query_by_label_contains("6 групп").is_some());
    let count = harness.state().session().participants.len();
    assert_eq!(count, 15);
    assert!(harness.query_by_label_contains("15 участников").is_some());
    assert!(
        harness
            .query_all_by_label("Название группы")
            .next()
            .is_some()
    );
    assert!(harness.query_all_by_label("Влияние").next().is_some());
    assert!(harness.query_all_by_label("Интерес").next().is_some());
    assert!(harness.query_all_by_label("ФИО").next().is_some());
    assert!(harness.query_all_by_label("Должность").next().is_some());
    assert!(
        harness
            .query_all_by_label_contains("Контакт: ")
            .next()
            .is_some(),
        "each row has its contact button"
    );
    assert!(harness.query_by_label("Add group").is_none());
    let tr = stratboard_core::i18n::Tr::new(Language::Russian);
    assert_eq!(
        tr.t("stakeholders-quadrant-keep-satisfied"),
        "Удовлетворять"
    );
    assert_eq!(
        tr.t("stakeholders-quadrant-manage-closely"),
        "Работать плотно"
    );
    assert_eq!(tr.t("stakeholders-quadrant-monitor"), "Наблюдать");
    assert_eq!(
        tr.t("stakeholders-participant-contact"),
        "Контакт (e-mail или телефон)"
    );
    assert_eq!(tr.t("stakeholders-quadrant-keep-informed"), "Информировать");
    assert_eq!(tr.n("stakeholders-count-groups", 1), "1 группа");
    assert_eq!(tr.n("stakeholders-count-groups", 3), "3 группы");
    assert_eq!(tr.n("stakeholders-count-groups", 11), "11 групп");
}

#[test]
fn a_narrow_window_puts_the_grid_above_the_cards_and_settles() {
    let mut harness = open(
        sample_session(),
        Language::English,
        egui::vec2(1280.0, 720.0),
    );
    let grid = harness
        .get_by_role_and_label(Role::Image, "Influence / interest grid")
        .rect();
    let add = harness
        .get_by_role_and_label(Role::Button, "Add group")
        .rect();
    assert!(grid.top() > add.bottom(), "the grid is under the toolbar");
    let name = harness.state().session().stakeholder_groups[0].name.clone();
    let first_card = field(&harness, &name).rect();
    assert!(
        first_card.top() > grid.bottom(),
        "the cards come after the grid"
    );
    assert!(harness.run() <= 2, "nothing keeps repainting");
}

#[test]
fn a_wide_window_puts_the_grid_right_of_the_cards() {
    let harness = wide(sample_session(), Language::English);
    let grid = harness
        .get_by_role_and_label(Role::Image, "Influence / interest grid")
        .rect();
    let name = harness.state().session().stakeholder_groups[0].name.clone();
    let first_card = field(&harness, &name).rect();
    assert!(grid.left() > first_card.right(), "the grid is to the right");
    let size = grid.size();
    assert!(
        size.x > 300.0 && size.y > 300.0,
        "a readable picture: {size:?}"
    );
}

#[test]
fn participants_move_within_their_card() {
    let mut harness = wide(small_session(), Language::English);
    let names = |h: &Harness<'static, StratboardApp>| -> Vec<String> {
        h.state()
            .session()
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    // Boris is the last of the council: he can go up, not down (Vera is in another card).
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move down: Boris Petrov")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Move up: Vera Lee")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::Button, "Move up: Boris Petrov")
        .click();
    harness.run();
    assert_eq!(names(&harness), ["Boris Petrov", "Anna Smith", "Vera Lee"]);
    harness
        .get_by_role_and_label(Role::Button, "Move down: Boris Petrov")
        .click();
    harness.run();
    assert_eq!(names(&harness), ["Anna Smith", "Boris Petrov", "Vera Lee"]);
}

#[test]
fn a_participants_contact_is_shown_edited_in_its_labelled_field_and_undone() {
    // As after an import: Anna has an e-mail address, Boris and Vera have none.
    let mut session = small_session();
    session.participants[0].contact = "anna@example.com".into();
    let mut harness = wide(session, Language::English);
    // Anna's contact is a muted line under her row; nobody else's row shows one, and no
    // editor is open.
    harness.get_by_label("✉ anna@example.com");
    assert_eq!(harness.query_all_by_label_contains("✉ ").count(), 1);
    assert!(
        harness
            .query_by_label("Contact (e-mail or phone)")
            .is_none()
    );

    // Her contact button opens the labelled editor, focused, with her address in it.
    harness
        .get_by_role_and_label(Role::Button, "Contact: Anna Smith")
        .click();
    harness.run();
    let editor = harness.get_by_role_and_label(Role::TextInput, "Contact (e-mail or phone)");
    assert_eq!(editor.value().as_deref(), Some("anna@example.com"));
    assert!(editor.is_focused());
    editor.set_text_value_accesskit("+7 900 123-45-67");
    harness.run();
    let anna = person_named(harness.state().session(), "Anna Smith");
    assert_eq!(anna.contact, "+7 900 123-45-67");
    assert_eq!(anna.position, "Member", "only the contact changed");

    // Enter closes the editor; the new contact is the muted line.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label("Contact (e-mail or phone)")
            .is_none()
    );
    harness.get_by_label("✉ +7 900 123-45-67");

    // Ctrl+Z brings the old contact back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let anna = person_named(harness.state().session(), "Anna Smith");
    assert_eq!(anna.contact, "anna@example.com");
    harness.get_by_label("✉ anna@example.com");

    // A participant without a contact gets one through the same editor (its hint shows an
    // example); undo takes it away again.
    harness
        .get_by_role_and_label(Role::Button, "Contact: Boris Petrov")
        .click();
    harness.run();
    let editor = harness.get_by_role_and_label(Role::TextInput, "Contact (e-mail or phone)");
    assert_eq!(editor.value().as_deref(), Some(""));
    assert_eq!(
        editor.accesskit_node().placeholder(),
        Some("name@example.com or +7 900 000-00-00")
    );
    editor.type_text("boris@example.com");
    harness.run();
    assert_eq!(
        person_named(harness.state().session(), "Boris Petrov").contact,
        "boris@example.com"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        person_named(harness.state().session(), "Boris Petrov").contact,
        ""
    );
    assert_eq!(harness.query_all_by_label_contains("✉ ").count(), 1);
}
