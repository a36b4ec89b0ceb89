//! Kittest stories for the alternatives and positions sections of the board, by role and label,
//! with the harness's accessibility check on.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratboard::app::{EMBEDDED_SAMPLE, StratboardApp};
use stratboard_core::commands::{Command, Item};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Goal, GoalId, Session, Stance};
use stratboard_core::storage::parse_session;

/// The TOS sample (Russian content).
fn sample() -> Session {
    parse_session(EMBEDDED_SAMPLE.as_bytes()).unwrap().session
}

/// The whole window on `session`, showing `section`.
fn board(
    session: Session,
    language: Language,
    section: BoardSection,
) -> Harness<'static, StratboardApp> {
    common::board(session, language, section, common::WINDOW)
}

/// The text field (one line or several) holding `value` (not its text run).
fn field<'h>(
    harness: &'h Harness<'static, StratboardApp>,
    value: &'h str,
) -> egui_kittest::Node<'h> {
    harness.get_by(move |node| {
        matches!(node.role(), Role::TextInput | Role::MultilineTextInput)
            && node.value().as_deref() == Some(value)
    })
}

/// Scrolls the list of cards down by a step.
fn scroll_cards_down(harness: &mut Harness<'static, StratboardApp>, title_label: &str) {
    harness
        .query_all_by_label(title_label)
        .last()
        .unwrap()
        .scroll_down();
    harness.run();
}

#[test]
fn the_sample_shows_its_four_alternatives() {
    let session = sample();
    let titles: Vec<String> = session
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    assert_eq!(titles.len(), 4);
    let mut harness = board(session, Language::English, BoardSection::Alternatives);
    harness.get_by_label("4 alternatives");
    // Cards are tall: the first ones are on screen, the others come into view on scrolling
    // (cards off screen are not laid out at all).
    let on_screen = harness.query_all_by_label("Title").count();
    assert!((1..4).contains(&on_screen), "{on_screen} cards on screen");
    field(&harness, &titles[0]);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        for title in &titles {
            // The title is edited in place: a text field labelled "Title" holding it, and the
            // card's delete button names it.
            let found = harness.query_by(|node| {
                node.role() == Role::TextInput && node.value().as_deref() == Some(title.as_str())
            });
            if found.is_some() {
                harness.get_by_role_and_label(Role::Button, &format!("Delete: {title}"));
                seen.insert(title.clone());
            }
        }
        if seen.len() == titles.len() {
            break;
        }
        scroll_cards_down(&mut harness, "Title");
    }
    assert_eq!(seen.len(), 4, "seen {seen:?}");
    // The last card shows its status, proposer and arguments.
    harness.get_by(|node| {
        node.role() == Role::ComboBox
            && node
                .value()
                .is_some_and(|v| v == "Group: Совет муниципальных образований Томской области")
    });
    field(&harness, "Нагрузка на небольшой аппарат Совета.");
}

#[test]
fn linking_an_alternative_to_a_new_goal_is_undoable() {
    let mut app_session = sample();
    let goal_count = app_session.goals.len();
    app_session.alternatives.truncate(2);
    let mut harness = board(app_session, Language::English, BoardSection::Alternatives);
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Open a resource centre for TOS".into(),
        ..Goal::default()
    })));
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.goals.len(), goal_count + 1);
    let goal: GoalId = session.goals.last().unwrap().id;
    let first = session.alternatives[0].id;
    assert!(!session.alternatives[0].goals.contains(&goal));

    // Each card lists every goal as a chip named by the goal's title; the first is card 1's.
    let chips = harness
        .get_all_by_label("Open a resource centre for TOS")
        .count();
    assert_eq!(chips, 2);
    harness
        .get_all_by_label("Open a resource centre for TOS")
        .next()
        .unwrap()
        .click();
    harness.run();
    let linked = |h: &Harness<'_, StratboardApp>| {
        h.state()
            .session()
            .alternative(first)
            .unwrap()
            .goals
            .contains(&goal)
    };
    assert!(linked(&harness));
    let chip = harness
        .get_all_by_label("Open a resource centre for TOS")
        .next()
        .unwrap();
    assert_eq!(
        chip.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    // The second card is not linked.
    let second = harness.state().session().alternatives[1].clone();
    assert!(!second.goals.contains(&goal));

    harness.state_mut().undo();
    harness.run();
    assert!(!linked(&harness));
    harness.state_mut().redo();
    harness.run();
    assert!(linked(&harness));

    // A second click unlinks.
    harness
        .get_all_by_label("Open a resource centre for TOS")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(!linked(&harness));
}

#[test]
fn recording_a_position_is_undoable() {
    let session = sample();
    let group = session.stakeholder_groups[2].clone();
    let subsidies = session.alternatives[0].clone();
    let growth = session.alternatives[1].clone();
    // The sample has a second round on the first alternative only; the matrix shows round 2.
    let latest = session.positions.iter().map(|p| p.round).max().unwrap();
    assert_eq!(latest, 2);
    let existing = session
        .positions
        .iter()
        .find(|p| p.group == group.id && p.alternative == subsidies.id && p.round == 2)
        .unwrap()
        .clone();
    assert_eq!(existing.stance, Stance::Against);
    let mut harness = board(session, Language::English, BoardSection::Positions);
    let cell =
        |alternative: &str, stance: &str| format!("{} — {alternative}: {stance}", group.name);

    // An existing cell: Against → Strongly against.
    harness
        .get_by_role_and_label(Role::Button, &cell(&subsidies.title, "Against"))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Strongly against")
        .click();
    harness.run();
    let stance =
        |h: &Harness<'_, StratboardApp>| h.state().session().position(existing.id).unwrap().stance;
    assert_eq!(stance(&harness), Stance::StronglyAgainst);
    harness.get_by_role_and_label(Role::Button, &cell(&subsidies.title, "Strongly against"));
    harness.state_mut().undo();
    harness.run();
    assert_eq!(stance(&harness), Stance::Against);
    harness.state_mut().redo();
    harness.run();
    assert_eq!(stance(&harness), Stance::StronglyAgainst);

    // An empty cell of round 2: choosing a stance adds a position, then interests are typed.
    let count = harness.state().session().positions.len();
    harness
        .get_by_role_and_label(Role::Button, &cell(&growth.title, "no position"))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Strongly against")
        .click();
    harness.run();
    assert_eq!(harness.state().session().positions.len(), count + 1);
    let added = harness.state().session().positions.last().unwrap().clone();
    assert_eq!(
        (added.group, added.alternative, added.round, added.stance),
        (group.id, growth.id, 2, Stance::StronglyAgainst)
    );

    harness.get_by_label("Interests and arguments").focus();
    harness.run();
    harness
        .get_by_label("Interests and arguments")
        .type_text("Needs a budget line first");
    harness.run();
    let interests = |h: &Harness<'_, StratboardApp>| {
        h.state()
            .session()
            .position(added.id)
            .map(|p| p.interests.clone())
    };
    assert_eq!(
        interests(&harness).as_deref(),
        Some("Needs a budget line first")
    );

    harness.state_mut().undo();
    harness.run();
    assert_eq!(interests(&harness).as_deref(), Some(""));
    harness.state_mut().undo();
    harness.run();
    assert_eq!(interests(&harness), None);
    assert_eq!(harness.state().session().positions.len(), count);
    harness.state_mut().redo();
    harness.run();
    assert_eq!(
        harness.state().session().position(added.id).unwrap().stance,
        Stance::StronglyAgainst
    );
    harness.state_mut().redo();
    harness.run();
    assert_eq!(
        interests(&harness).as_deref(),
        Some("Needs a budget line first")
    );

    // Round 1 is still there, unchanged.
    harness
        .get_by_role_and_label(Role::Button, "Round 1")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &cell(&growth.title, "For"));
    harness.get_by_role_and_label(Role::Button, &cell(&subsidies.title, "Against"));
}

#[test]
fn a_hidden_alternative_shows_the_hidden_chip() {
    let mut session = sample();
    session.alternatives[1].hidden = true;
    let first = session.alternatives[0].id;
    let mut harness = board(session, Language::English, BoardSection::Alternatives);
    assert_eq!(harness.query_all_by_label("hidden").count(), 1);
    // Hiding another one from its card.
    harness
        .get_all_by_label("Hidden until revealed")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(harness.state().session().alternative(first).unwrap().hidden);
    assert_eq!(harness.query_all_by_label("hidden").count(), 2);
}

#[test]
fn adding_and_moving_alternatives() {
    let session = sample();
    let titles: Vec<String> = session
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    let mut harness = board(session, Language::English, BoardSection::Alternatives);
    harness
        .get_by_role_and_label(Role::Button, "Add alternative")
        .click();
    // The list jumps to the new card at the end; the cards coming into view are laid out for
    // the first time, which takes egui a few frames.
    harness.run_steps(4);
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.alternatives.len(), 5);
    assert_eq!(session.alternatives[4].title, "New alternative");
    // The new title is focused with its text selected, so typing replaces it.
    field(&harness, "New alternative").type_text("Grants for TOS projects");
    harness.run();
    assert_eq!(
        harness.state().session().alternatives[4].title,
        "Grants for TOS projects"
    );

    // Keyboard reordering: move the new card up, before the last of the sample's.
    harness
        .get_by_role_and_label(Role::Button, "Move up: Grants for TOS projects")
        .click();
    harness.run();
    let order = |h: &Harness<'_, StratboardApp>| -> Vec<String> {
        h.state()
            .session()
            .alternatives
            .iter()
            .map(|a| a.title.clone())
            .collect()
    };
    assert_eq!(order(&harness)[3], "Grants for TOS projects");
    assert_eq!(order(&harness)[4], titles[3]);
    harness.state_mut().undo();
    harness.run();
    assert_eq!(order(&harness)[4], "Grants for TOS projects");
    harness.state_mut().redo();
    harness.run();
    // The last card cannot go further down.
    let name = format!("Move down: {}", titles[3]);
    let last = harness.get_by_role_and_label(Role::Button, &name);
    assert!(last.accesskit_node().is_disabled());

    // An empty title is refused inline and changes nothing.
    field(&harness, "Grants for TOS projects").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label("Must not be empty");
    assert_eq!(order(&harness)[3], "Grants for TOS projects");
}

#[test]
fn russian_labels_appear_in_russian_mode() {
    let mut session = sample();
    session.alternatives[0].hidden = true;
    let mut harness = board(session, Language::Russian, BoardSection::Alternatives);
    harness.get_by_role_and_label(Role::Button, "Добавить альтернативу");
    harness.get_by_label("4 альтернативы");
    let cards = harness.query_all_by_label("Название").count();
    assert!(cards >= 1);
    assert_eq!(harness.query_all_by_label("Доводы «за»").count(), cards);
    assert_eq!(
        harness
            .query_all_by_role_and_label(Role::Button, "Добавить довод «против»")
            .count(),
        cards
    );
    assert_eq!(
        harness.query_all_by_label("Скрыта до раскрытия").count(),
        cards
    );
    harness.get_by_label("скрыта");
    assert!(harness.query_all_by_label("Кто предложил").count() >= 1);
    assert!(
        harness
            .query_all_by_label_contains("alternatives-")
            .next()
            .is_none()
    );

    harness.state_mut().select_section(BoardSection::Positions);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Начать раунд 3");
    harness.get_by_role_and_label(Role::Button, "Раунд 1");
    harness.get_by_label("Решительно против");
    assert!(
        harness
            .query_all_by_label_contains("positions-")
            .next()
            .is_none()
    );
    harness
        .query_all_by_label_contains(": Против")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Интересы и доводы");
    harness.get_by_role_and_label(Role::Button, "Решительно против");
}

#[test]
fn the_positions_matrix_needs_groups_and_alternatives() {
    let harness = board(
        Session::new("Empty"),
        Language::English,
        BoardSection::Positions,
    );
    harness.get_by_label("Add stakeholder groups and alternatives first: the matrix crosses them.");
    let harness = board(
        Session::new("Empty"),
        Language::English,
        BoardSection::Alternatives,
    );
    harness.get_by_label("No alternatives yet. Add the first one with “Add alternative”.");
}

#[test]
fn the_large_session_lays_out_only_what_is_on_screen() {
    let session = stratboard_core::fixtures::generate(stratboard_core::fixtures::Size::LARGE);
    assert_eq!(session.alternatives.len(), 300);
    let mut harness = board(session, Language::English, BoardSection::Alternatives);
    let cards = harness.query_all_by_label("Title").count();
    assert!((1..20).contains(&cards), "{cards} cards laid out");
    harness.state_mut().select_section(BoardSection::Positions);
    harness.run();
    let cells = harness
        .query_all_by_label_contains(" — ")
        .filter(|n| n.accesskit_node().role() == Role::Button)
        .count();
    assert!((12..400).contains(&cells), "{cells} cells laid out");
}

#[test]
fn dragging_a_card_by_its_handle_reorders_the_alternatives() {
    let session = sample();
    let titles: Vec<String> = session
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    let mut harness = board(session, Language::English, BoardSection::Alternatives);
    // Folded cards are short: all four are on screen.
    harness
        .get_by_role_and_label(Role::Button, "Fold all")
        .click();
    harness.run();
    let fold = |h: &Harness<'_, StratboardApp>, i: usize| {
        h.get_by_role_and_label(Role::Button, &format!("Unfold: {}", titles[i]))
            .rect()
    };
    // The six-dot handle sits just left of the fold button.
    let first = fold(&harness, 0);
    let grip = egui::pos2(first.left() - 16.0, first.center().y);
    let third = fold(&harness, 2);
    let target = egui::pos2(grip.x, third.center().y + 30.0);

    harness.hover_at(grip);
    harness.step();
    harness.drag_at(grip);
    harness.step();
    // A small first move, still over the handle, starts the drag.
    harness.hover_at(grip + egui::vec2(0.0, 3.0));
    harness.step();
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.hover_at(grip + (target - grip) * t);
        harness.step();
    }
    harness.drop_at(target);
    harness.step();
    harness.run();
    let order: Vec<String> = harness
        .state()
        .session()
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    assert_eq!(
        order,
        [&titles[1], &titles[2], &titles[0], &titles[3]].map(String::clone)
    );
    harness.state_mut().undo();
    harness.run();
    assert_eq!(harness.state().session().alternatives[0].title, titles[0]);
}

#[test]
fn arrow_keys_move_the_selected_cell() {
    let session = sample();
    let groups: Vec<String> = session
        .stakeholder_groups
        .iter()
        .map(|g| g.name.clone())
        .collect();
    let alternatives: Vec<String> = session
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    let mut harness = board(session, Language::English, BoardSection::Positions);
    harness
        .get_by_label_contains(&format!("{} — {}:", groups[0], alternatives[0]))
        .click();
    harness.run();
    harness.get_by_label(&format!("{} — {}", groups[0], alternatives[0]));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.get_by_label(&format!("{} — {}", groups[1], alternatives[1]));
    assert!(
        harness
            .get_by_label_contains(&format!("{} — {}:", groups[1], alternatives[1]))
            .is_focused()
    );
}
