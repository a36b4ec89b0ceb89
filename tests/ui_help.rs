//! The Help menu: About shows the version and every font's licence; the shortcuts list holds
//! every key of the action table and of the presentation's table (computed from the tables, so
//! the list cannot drift); a sample opens as a new document without a file, after the question
//! about unsaved changes; the user guide opens in the interface's language, with its contents,
//! and follows the language.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratboard::app::actions::{ACTIONS, Action};
use stratboard::app::help::{HelpDialog, SAMPLES, key_text, sample_titles};
use stratboard::app::present::PRESENTATION_KEYS;
use stratboard::app::{StratboardApp, sample_session};
use stratboard::ui::help::FONTS;
use stratboard_core::commands::{Command, Item};
use stratboard_core::i18n::{Language, Tr};
use stratboard_core::model::Goal;

fn harness(language: Language) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(sample_session(), language);
    common::window(app, common::WINDOW)
}

/// Clicks the menu item of `menu` whose label starts with `item`.
fn choose(harness: &mut Harness<'static, StratboardApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness
        .get_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(item))
        })
        .click();
    harness.run();
}

fn shows(harness: &Harness<'static, StratboardApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

#[test]
fn about_shows_the_version_the_licence_and_every_fonts_licence() {
    let mut harness = harness(Language::English);
    choose(&mut harness, "Help", "About stratboard");
    assert_eq!(harness.state().help_dialog(), Some(HelpDialog::About));
    let version = format!("Version {}", env!("CARGO_PKG_VERSION"));
    assert!(shows(&harness, &version), "{version}");
    assert!(
        harness
            .query_by_label_contains("MIT or Apache 2.0")
            .is_some()
    );
    for font in FONTS {
        assert!(shows(&harness, font.name), "{}", font.name);
    }
    assert!(shows(&harness, "Licence: Ubuntu Font Licence 1.0"));
    // The licence's full text unfolds.
    assert!(
        harness
            .query_by_label_contains("ParaType Ltd grants you")
            .is_none()
    );
    harness
        .get_all_by_label("Licence text")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("ParaType Ltd grants you")
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().help_dialog(), None, "Esc closes it");
    assert!(!shows(&harness, &version));
}

#[test]
fn about_in_russian_names_the_licence_in_words() {
    let mut harness = harness(Language::Russian);
    choose(&mut harness, "Справка", "О программе");
    let version = format!("Версия {}", env!("CARGO_PKG_VERSION"));
    assert!(shows(&harness, &version));
    assert!(
        harness
            .query_by_label_contains("MIT или Apache 2.0")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Закрыть")
        .click();
    harness.run();
    assert_eq!(harness.state().help_dialog(), None);
}

/// Every key of both tables, as the list must show it: (what is done, the key's text).
fn expected_rows(harness: &Harness<'static, StratboardApp>, tr: &Tr) -> Vec<(String, String)> {
    let actions = ACTIONS.iter().flat_map(|info| {
        info.shortcuts
            .iter()
            .map(|shortcut| (info.action.name(tr), key_text(&harness.ctx, shortcut)))
    });
    let presentation = PRESENTATION_KEYS.iter().flat_map(|key| {
        key.shortcuts
            .iter()
            .map(|shortcut| (tr.t(key.name), key_text(&harness.ctx, shortcut)))
    });
    actions.chain(presentation).collect()
}

/// Whether a label `keys` is on the same line as a label `name` (the row's keycap and its text).
fn on_one_row(harness: &Harness<'static, StratboardApp>, name: &str, keys: &str) -> bool {
    harness.query_all_by_label(name).any(|name| {
        let row = name.rect();
        harness.query_all_by_label(keys).any(|key| {
            let key = key.rect();
            key.center().y > row.top() - 6.0 && key.center().y < row.bottom() + 6.0
        })
    })
}

#[test]
fn the_shortcuts_list_has_every_key_of_the_action_and_presentation_tables() {
    for language in Language::ALL {
        let mut harness = harness(language);
        let tr = Tr::new(language);
        let help = tr.t("menu-help");
        let shortcuts = tr.t("menu-help-shortcuts");
        choose(&mut harness, &help, &shortcuts);
        assert_eq!(harness.state().help_dialog(), Some(HelpDialog::Shortcuts));
        let rows = expected_rows(&harness, &tr);
        assert!(rows.len() > 20, "both tables are listed");
        for (name, keys) in rows {
            assert!(
                on_one_row(&harness, &name, &keys),
                "{language:?}: {keys} is not listed on the row of {name}"
            );
        }
        // The check can fail: Quit's keys are not on Save's row.
        let quit = key_text(
            &harness.ctx,
            &stratboard::app::actions::Action::Quit.info().shortcuts[0],
        );
        assert!(!on_one_row(&harness, &tr.t("menu-save"), &quit));
        // Every text is translated: no translation key shows.
        let untranslated = harness
            .query_all(egui_kittest::kittest::by().predicate(|node| {
                node.label().is_some_and(|l| {
                    l.starts_with("help-")
                        || l.starts_with("present-key-")
                        || l.starts_with("menu-")
                })
            }))
            .count();
        assert_eq!(untranslated, 0, "{language:?}");
    }
}

#[test]
fn f1_opens_the_shortcuts_list_and_esc_closes_it() {
    let mut harness = harness(Language::English);
    harness.key_press(egui::Key::F1);
    harness.run();
    assert_eq!(harness.state().help_dialog(), Some(HelpDialog::Shortcuts));
    assert!(shows(&harness, "Keyboard shortcuts"));
    assert!(shows(&harness, "PageDown"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().help_dialog(), None);
}

/// Help → Sample sessions → the sample titled `title`.
fn open_sample(harness: &mut Harness<'static, StratboardApp>, title: &str) {
    harness.get_by_label("Help").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Sample sessions")
        .hover();
    harness.run();
    harness.get_by_role_and_label(Role::Button, title).click();
    harness.run();
}

#[test]
fn a_sample_opens_as_a_new_document_without_a_file_after_asking_about_unsaved_changes() {
    let titles = sample_titles();
    assert_eq!(titles.len(), SAMPLES.len());
    let english = titles
        .iter()
        .find(|t| t.starts_with("Strategy off-site"))
        .unwrap();
    let mut harness = harness(Language::English);
    open_sample(&mut harness, english);
    let app = harness.state();
    assert_eq!(&app.session().meta.title, english);
    assert!(app.document().path().is_none(), "no file: Save asks where");
    assert!(!app.document().is_dirty());
    assert!(shows(&harness, english), "the title is on screen");
    assert!(
        harness
            .query_by_label_contains("is open as a new document")
            .is_some()
    );

    // With unsaved changes, choosing another sample asks first.
    harness.state_mut().apply(Command::Add(Item::Goal(Goal {
        title: "Провести выездной семинар".into(),
        ..Goal::default()
    })));
    harness.run();
    assert!(harness.state().document().is_dirty());
    let russian = &titles[1];
    open_sample(&mut harness, russian);
    assert!(harness.state().has_dialog(), "the unsaved-changes question");
    assert_eq!(&harness.state().session().meta.title, english);
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert_eq!(
        &harness.state().session().meta.title,
        english,
        "cancel keeps it"
    );
    assert!(harness.state().document().is_dirty());

    open_sample(&mut harness, russian);
    harness
        .get_by_role_and_label(Role::Button, "Close without saving")
        .click();
    harness.run();
    assert_eq!(&harness.state().session().meta.title, russian);
    assert!(harness.state().document().path().is_none());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_user_guide_opens_in_russian_and_follows_the_interface_language() {
    let mut harness = harness(Language::Russian);
    assert!(!shows(&harness, "Подготовка сессии"));
    choose(&mut harness, "Справка", "Руководство пользователя");
    assert!(harness.state().guide_open());
    assert!(shows(&harness, "Руководство пользователя stratboard"));
    assert!(shows(&harness, "Подготовка сессии"), "a chapter heading");
    assert!(shows(&harness, "Содержание"), "the table of contents");
    assert!(!shows(&harness, "Preparing a session"));

    // Switching the interface's language switches the guide, which stays open.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(Action::SetLanguage(Language::English), &ctx);
    harness.run();
    assert!(harness.state().guide_open());
    assert!(shows(&harness, "Preparing a session"));
    assert!(!shows(&harness, "Подготовка сессии"));
}

#[test]
fn the_user_guide_opens_in_english_with_its_contents() {
    let mut harness = harness(Language::English);
    choose(&mut harness, "Help", "User guide");
    assert!(harness.state().guide_open());
    assert!(shows(&harness, "Preparing a session"), "a chapter heading");
    assert!(!shows(&harness, "Подготовка сессии"));

    assert!(
        shows(&harness, "Voting methods"),
        "the contents list every chapter"
    );
    assert!(shows(&harness, "Contents"));
}

#[test]
fn both_guides_have_the_same_chapters() {
    use stratboard::app::help::user_guide;
    let count = |language| {
        let (_, chapters) = user_guide(language);
        chapters.iter().filter(|c| c.level == 2).count()
    };
    assert!(count(Language::Russian) >= 8);
    assert_eq!(count(Language::Russian), count(Language::English));
    for language in Language::ALL {
        let (guide, _) = user_guide(language);
        let text = guide.plain_text().join("\n");
        let tr = Tr::new(language);
        for method in stratboard_core::model::METHODS {
            let label = tr.t(method.label_key);
            // The guide's headings name each method as the interface does.
            let name = label.split(" (").next().unwrap_or(&label).to_owned();
            assert!(text.contains(&name), "{language:?}: {name}");
        }
    }
}
