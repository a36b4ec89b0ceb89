//! The window as a whole: language switch, save and reload, a broken file, undo/redo keys,
//! and a UI that goes quiet when nothing happens.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stratboard::app::{Notice, StratboardApp, sample_session};
use stratboard_core::commands::{Command, Item};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Goal};

fn harness(language: Language) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(sample_session(), language);
    common::window(app, common::WINDOW)
}

#[test]
fn the_ui_settles_and_requests_no_further_repaints() {
    let mut harness = harness(Language::English);
    // `run` fails when the UI keeps asking for repaints; once settled a run takes few steps.
    let steps = harness.run();
    assert!(steps <= 2, "settled UI still took {steps} steps");
    for section in BoardSection::ALL {
        harness.state_mut().select_section(section);
        harness.run();
        assert!(harness.run() <= 2, "{section:?} keeps repainting");
    }
}

#[test]
fn switching_language_changes_the_labels_and_back() {
    let mut harness = harness(Language::English);
    harness
        .get_by_role_and_label(Role::Button, "Goals   5")
        .click();
    harness.run();
    assert_eq!(harness.state().section(), BoardSection::Goals);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Русский").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::Russian);
    assert!(
        harness.query_by_label("Цели   5").is_some(),
        "sections are in Russian"
    );
    assert!(harness.query_by_label("Goals   5").is_none());
    assert!(harness.query_by_label("Файл").is_some());
    harness.get_by_label("Вид").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::English);
    assert!(harness.query_by_label("Goals   5").is_some());
    assert_eq!(
        harness.state().settings().language,
        Language::English,
        "the choice is remembered"
    );
}

#[test]
fn save_reload_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut harness = harness(Language::English);
    assert!(harness.state_mut().save_to(&path));
    assert!(!harness.state().document().is_dirty());
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Провести выездной семинар".into(),
        ..Goal::default()
    })));
    harness.run();
    assert!(harness.state().document().is_dirty());
    assert!(harness.state().window_title().starts_with("• saved.ron"));
    // Ctrl+Shift+S is "Save as" (no dialog in tests), never also "Save".
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    assert!(
        harness.state().document().is_dirty(),
        "Ctrl+Shift+S did not save"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty(), "Ctrl+S saved");
    assert!(harness.state().window_title().starts_with("saved.ron"));
    let on_disk = stratboard_core::storage::load(&path).unwrap().session;
    assert_eq!(&on_disk, harness.state().session());
    // Reopen the file in a fresh app and compare.
    let mut reopened = StratboardApp::for_test(sample_session(), Language::English);
    reopened.open_path(&path);
    assert_eq!(reopened.session(), harness.state().session());
    assert_eq!(reopened.document().path(), Some(path.as_path()));
}

#[test]
fn a_broken_file_shows_an_error_and_the_app_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Session(meta: Meta(title: 42))").unwrap();
    let mut harness = harness(Language::English);
    let before = harness.state().session().clone();
    harness.state_mut().open_path(&broken);
    harness.run();
    match harness.state().notice() {
        Some(Notice::Error { title, detail }) => {
            assert_eq!(title, "Could not open the file");
            assert!(
                detail.starts_with(&format!("{}:1:", broken.display())),
                "{detail}"
            );
        }
        other => panic!("expected an error notice, got {other:?}"),
    }
    assert!(
        harness.query_by_label("Could not open the file").is_some(),
        "shown in the window"
    );
    assert_eq!(
        harness.state().session(),
        &before,
        "the open session is kept"
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "Session(meta: Meta(title: 42))"
    );
    // Still usable: dismiss the message and move around.
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(harness.state().notice().is_none());
    harness
        .get_by_role_and_label(Role::Button, "Alternatives   4")
        .click();
    harness.run();
    assert_eq!(harness.state().section(), BoardSection::Alternatives);
}

#[test]
fn undo_and_redo_keys() {
    let mut harness = harness(Language::English);
    let goals = harness.state().session().goals.len();
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Цель для отмены".into(),
        ..Goal::default()
    })));
    harness.run();
    assert_eq!(harness.state().session().goals.len(), goals + 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().session().goals.len(), goals);
    assert!(
        !harness.state().document().is_dirty(),
        "back to the state as opened"
    );
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(harness.state().session().goals.len(), goals + 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(
        harness.state().session().goals.len(),
        goals + 1,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn a_refused_edit_is_explained_and_changes_nothing() {
    let mut harness = harness(Language::English);
    let before = harness.state().session().clone();
    let mut goal = before.goals[0].clone();
    goal.parent = Some(stratboard_core::model::GoalId(99_999));
    harness.state_mut().apply(Command::Update(Item::Goal(goal)));
    harness.run();
    assert_eq!(harness.state().session(), &before);
    match harness.state().notice() {
        Some(Notice::Error { title, detail }) => {
            assert_eq!(title, "Not changed");
            assert!(
                detail.starts_with("It refers to something that does not exist."),
                "{detail}"
            );
            assert!(
                detail.contains("no goal with id 99999"),
                "technical detail kept: {detail}"
            );
        }
        other => panic!("expected an error notice, got {other:?}"),
    }
}

#[test]
fn unsaved_work_is_autosaved_to_a_recovery_file_and_offered_on_the_next_start() {
    use stratboard::app::settings::Settings;
    use stratboard_core::storage::recovery::RecoveryStore;
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("session.ron");
    stratboard_core::storage::save(&doc, &sample_session(), None).unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let settings = Settings {
        language: Language::English,
        ..Settings::default()
    };

    // First run: an edit, autosaved (no delay in tests), never saved to the document.
    let mut app = StratboardApp::start(Some(doc.clone()), settings.clone(), Some(store.clone()));
    app.set_autosave_delay(std::time::Duration::ZERO);
    assert!(!app.has_dialog(), "nothing to recover yet");
    let mut harness = common::window(app, common::WINDOW);
    std::thread::sleep(std::time::Duration::from_millis(20));
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Несохранённая цель".into(),
        ..Goal::default()
    })));
    harness.run();
    let found = store
        .newer_than_document(Some(&doc))
        .expect("the edit is in a recovery file");
    let recovered = store.load(&found.path).unwrap();
    assert!(
        recovered
            .session
            .goals
            .iter()
            .any(|g| g.title == "Несохранённая цель")
    );
    assert!(
        stratboard_core::storage::load(&doc)
            .unwrap()
            .session
            .goals
            .iter()
            .all(|g| g.title != "Несохранённая цель"),
        "the document itself is untouched"
    );
    drop(harness); // the app "crashes" here

    // Second run: the recovery is offered; restoring brings the edit back, unsaved.
    let app = StratboardApp::start(Some(doc.clone()), settings, Some(store.clone()));
    assert!(app.has_dialog());
    let mut harness = common::window(app, common::WINDOW);
    assert!(harness.query_by_label("Unsaved work found").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Restore")
        .click();
    harness.run();
    assert!(!harness.state().has_dialog());
    assert!(
        harness
            .state()
            .session()
            .goals
            .iter()
            .any(|g| g.title == "Несохранённая цель")
    );
    assert!(
        harness.state().document().is_dirty(),
        "restored work still has to be saved"
    );
    // Saving the document discards the recovery file.
    assert!(harness.state_mut().save());
    assert!(store.newer_than_document(Some(&doc)).is_none());
}

#[test]
fn a_new_session_with_unsaved_changes_asks_first() {
    let mut harness = harness(Language::English);
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Правка".into(),
        ..Goal::default()
    })));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    assert!(harness.state().has_dialog());
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(!harness.state().has_dialog());
    assert!(
        harness
            .state()
            .session()
            .goals
            .iter()
            .any(|g| g.title == "Правка"),
        "nothing lost"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Close without saving")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session().meta.title,
        "New strategic session"
    );
    assert!(harness.state().session().goals.is_empty());
}

#[test]
fn dark_theme_and_back() {
    let mut harness = harness(Language::English);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert!(harness.ctx.global_style().visuals.dark_mode);
    assert_eq!(
        harness.state().settings().theme,
        stratboard::ui::theme::ThemeKind::Dark
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    assert!(!harness.ctx.global_style().visuals.dark_mode);
}

#[test]
fn a_refused_delete_is_explained_in_russian() {
    let mut harness = harness(Language::Russian);
    let voter = harness.state().session().votes[0].rounds[0].ballots[0]
        .voter
        .unwrap();
    let before = harness.state().session().clone();
    harness.state_mut().apply(Command::Delete {
        target: stratboard_core::commands::ItemRef::Participant(voter),
        mode: stratboard_core::commands::DeleteMode::RemoveReferences,
    });
    harness.run();
    assert_eq!(harness.state().session(), &before);
    match harness.state().notice() {
        Some(Notice::Error { title, detail }) => {
            assert_eq!(title, "Изменение не внесено");
            assert!(
                detail.starts_with("Удалить нельзя: на него ссылаются бюллетени"),
                "{detail}"
            );
        }
        other => panic!("expected an error notice, got {other:?}"),
    }
    assert!(harness.query_by_label("Изменение не внесено").is_some());
}

#[test]
fn the_menus_offer_every_action_of_the_table_with_its_shortcut() {
    let mut harness = harness(Language::English);
    harness.get_by_label("File").click();
    harness.run();
    for name in ["New session", "Open…", "Save", "Save as…", "Quit"] {
        let found = harness.query_all_by_label_contains(name).count();
        assert!(found > 0, "{name}");
    }
    // Undo is greyed out while there is nothing to undo.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness
            .get_by_label_contains("Undo")
            .accesskit_node()
            .is_disabled()
    );
    // View → Русский switches the interface, as the table's language row says.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Русский").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::Russian);
}

#[test]
fn the_session_card_sets_the_sessions_language_as_one_undo_step() {
    let mut harness = harness(Language::English);
    assert_eq!(
        harness.state().session().meta.language,
        Some(stratboard_core::model::Language::Russian)
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Session language")
        .click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(
        harness.state().session().meta.language,
        Some(stratboard_core::model::Language::English)
    );
    assert_eq!(harness.state().language(), Language::English);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().meta.language,
        Some(stratboard_core::model::Language::Russian)
    );
}

/// File → New follow-up session: a new untitled document continuing the open one, dated
/// today, with its people, goals and the action items still open; the notice counts them and
/// the board opens on the execution review, which lists them.
#[test]
fn a_follow_up_session_continues_the_open_one_with_its_open_items() {
    let session = sample_session();
    let title = session.meta.title.clone();
    let open: Vec<String> = session
        .actions
        .iter()
        .filter(|a| a.status.is_pending())
        .map(|a| a.what.clone())
        .collect();
    assert!(open.len() > 1, "the sample has open items");
    let people = session.participants.len();
    let today = chrono::NaiveDate::from_ymd_opt(2018, 4, 2).unwrap();
    let mut app = StratboardApp::for_test(session, Language::English);
    app.set_today(today);
    let mut harness = common::window(app, common::WINDOW);
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "New follow-up session")
        .click();
    harness.run();
    let state = harness.state();
    assert!(!state.has_dialog(), "nothing unsaved: no question");
    assert!(state.document().path().is_none(), "untitled");
    let next = state.session();
    assert_eq!(next.meta.title, format!("{title} — follow-up"));
    assert_eq!(next.meta.start, Some(today));
    assert_eq!(next.participants.len(), people);
    let carried: Vec<&str> = next.actions.iter().map(|a| a.what.as_str()).collect();
    assert_eq!(carried, open);
    assert!(next.actions.iter().all(|a| a.carried_over.is_some()));
    match state.notice() {
        Some(Notice::Info(text)) => assert!(
            text.contains(&format!("{} open action items", open.len())),
            "{text}"
        ),
        other => panic!("expected a notice, got {other:?}"),
    }
    assert_eq!(state.section(), BoardSection::Decisions);
    // The execution review lists the carried items.
    assert!(harness.query_by_label(&open[0]).is_some(), "{}", open[0]);
}

#[test]
fn a_follow_up_asks_about_unsaved_changes_first_and_is_greyed_out_for_a_blank_session() {
    let mut harness = harness(Language::English);
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Правка".into(),
        ..Goal::default()
    })));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "New follow-up session")
        .click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Close without saving")
        .click();
    harness.run();
    let state = harness.state();
    assert!(state.session().meta.title.ends_with(" — follow-up"));
    assert!(
        state.session().goals.iter().any(|g| g.title == "Правка"),
        "made from the session as it was on screen"
    );
    // A blank new session has nothing to continue (the follow-up, like a new session, is
    // not unsaved work until edited: no question).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    assert!(!harness.state().has_dialog());
    assert!(harness.state().session().goals.is_empty());
    harness.get_by_label("File").click();
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "New follow-up session")
            .accesskit_node()
            .is_disabled()
    );
}
