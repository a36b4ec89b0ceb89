//! Parallel sections in the window: File → Bring in section results… previews the sections in
//! order of their names with what each brings and the similar titles, brings them in as one
//! undo step, and refuses a section of another plenary; File → New section of this session…
//! writes a section's file; the plenary's Alternatives board groups what came in by section
//! and combines two similar cards; a section's decision is adopted; the projector's Sections
//! screen shows each section's best alternatives side by side.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratboard::app::{Notice, StratboardApp};
use stratboard_core::fixtures::forum::{ForumSize, forum};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Session, SessionId};
use stratboard_core::sections::{DEFAULT_TOP, SectionFile, plan_merge};
use stratboard_core::storage;

/// Distinct titles per section; «Молодёжный совет» (section 2) and «Молодёжный совет при
/// главе» (section 3) are similar.
const TITLES: [[&str; 3]; 3] = [
    ["Ремонт дорог", "Школьный автобус", "Уличное освещение"],
    ["Молодёжный совет", "Спортивная площадка", "Библиотека"],
    [
        "Молодёжный совет при главе",
        "Фестиваль ремёсел",
        "Сквер у реки",
    ],
];

/// A plenary and three sections with closed votes, their alternatives retitled.
fn forum_sessions() -> (Session, Vec<Session>) {
    let (plenary, mut sections) = forum(ForumSize {
        sections: 3,
        alternatives: 3,
        participants: 9,
        groups: 2,
        ballots: 5,
    });
    for (section, titles) in sections.iter_mut().zip(TITLES) {
        for (alternative, title) in section.alternatives.iter_mut().zip(titles) {
            alternative.title = title.to_owned();
        }
    }
    (plenary, sections)
}

/// The plenary and its sections written to `dir` (sections listed in the reverse of their
/// names' order): the plenary's path and the sections' paths.
fn write_forum(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let (plenary, sections) = forum_sessions();
    let plenary_path = dir.join("пленарное.ron");
    storage::save(&plenary_path, &plenary, None).unwrap();
    let mut paths = Vec::new();
    for (index, section) in sections.iter().enumerate().rev() {
        let path = dir.join(format!("секция-{}.ron", 3 - index));
        storage::save(&path, section, None).unwrap();
        paths.push(path);
    }
    (plenary_path, paths)
}

/// The window on the plenary file at `path`, showing `section`.
fn open_plenary(path: &Path, section: BoardSection) -> Harness<'static, StratboardApp> {
    let mut app = StratboardApp::for_test(Session::default(), Language::Russian);
    app.open_path(path);
    app.select_section(section);
    common::window(app, common::WINDOW)
}

/// The plenary at `path` open, with the Bring-in dialog given `files`.
fn bringing_in(path: &Path, files: &[PathBuf]) -> Harness<'static, StratboardApp> {
    let mut harness = open_plenary(path, BoardSection::Alternatives);
    harness.state_mut().bring_in_files(files);
    harness.run();
    harness
}

/// Whether the dialog's «Принести» is disabled.
fn apply_disabled(harness: &Harness<'_, StratboardApp>) -> bool {
    harness
        .get_by_role_and_label(Role::Button, "Принести")
        .accesskit_node()
        .is_disabled()
}

/// The plan of bringing the three sections into the plenary.
fn plan_of_forum() -> stratboard_core::sections::MergePlan {
    let (plenary, sections) = forum_sessions();
    let files: Vec<SectionFile> = sections
        .into_iter()
        .enumerate()
        .map(|(i, session)| SectionFile {
            file: format!("{i}.ron"),
            session,
        })
        .collect();
    plan_merge(&plenary, &files, DEFAULT_TOP).unwrap()
}

/// The plenary with its sections brought in, as a session.
fn merged() -> Session {
    let (mut plenary, _) = forum_sessions();
    plenary.apply(plan_of_forum().command).unwrap();
    plenary
}

fn has_label_starting(harness: &Harness<'_, StratboardApp>, start: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.starts_with(start))
                || node.value().is_some_and(|v| v.starts_with(start))
        })
        .next()
        .is_some()
}

/// Every input on screen has a name a screen reader says (and a test finds it by).
fn every_input_is_labelled(harness: &Harness<'_, StratboardApp>) {
    let inputs = [
        Role::TextInput,
        Role::SpinButton,
        Role::ComboBox,
        Role::CheckBox,
    ];
    for node in harness.query_all_by(|node| inputs.contains(&node.role())) {
        let node = node.accesskit_node();
        assert!(
            node.label().is_some_and(|l| !l.trim().is_empty()),
            "an unlabelled {:?}",
            node.role()
        );
    }
}

fn top_of(harness: &Harness<'_, StratboardApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().top()
}

#[test]
fn bring_in_previews_the_sections_in_name_order_and_brings_them_in_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, sections) = write_forum(dir.path());
    let mut harness = open_plenary(&plenary, BoardSection::Alternatives);
    assert!(harness.state().session().alternatives.is_empty());
    harness.state_mut().bring_in_files(&sections);
    harness.run();
    assert!(harness.state().is_bring_in_open());
    harness.get_by_label("Итоги секций");
    harness.get_by_label("Сколько лучших альтернатив брать из голосования секции");
    every_input_is_labelled(&harness);
    // The sections in order of their names, whatever order the files came in.
    let first = top_of(&harness, "Секция «Площадка 01»");
    let second = top_of(&harness, "Секция «Площадка 02»");
    let third = top_of(&harness, "Секция «Площадка 03»");
    assert!(first < second && second < third, "{first} {second} {third}");
    for title in TITLES.iter().flatten() {
        assert!(
            harness.query_by_label(title).is_some(),
            "{title} is in the preview"
        );
    }
    assert!(has_label_starting(&harness, "модератор Участник 001"));
    assert!(has_label_starting(&harness, "Голосование: "));
    assert!(has_label_starting(&harness, "1-е место из 3"));
    assert!(has_label_starting(
        &harness,
        "Похожие названия: «Молодёжный совет"
    ));
    // Taking only each section's first place leaves the second places behind.
    let top = "Сколько лучших альтернатив брать из голосования секции";
    harness.get_by_label(top).set_value_accesskit(1.0);
    harness.run();
    assert!(harness.query_by_label("Школьный автобус").is_none());
    assert!(harness.query_by_label("Ремонт дорог").is_some());
    harness.get_by_label(top).set_value_accesskit(5.0);
    harness.run();
    assert!(harness.query_by_label("Школьный автобус").is_some());
    let added = plan_of_forum().report.added;
    assert!(
        added > 9,
        "alternatives, decisions and action items: {added}"
    );
    harness.get_by_label(&format!("Будет добавлено {added}, обновлено 0"));
    harness
        .get_by_role_and_label(Role::Button, "Принести")
        .click();
    harness.run();
    assert!(
        !harness.state().is_bring_in_open(),
        "{:?}",
        harness.state().notice()
    );
    let session = harness.state().session();
    assert_eq!(session.alternatives.len(), 9);
    assert_eq!(session.sections.len(), 3);
    match harness.state().notice() {
        Some(Notice::Info(text)) => assert!(text.contains(&format!("добавлено {added}")), "{text}"),
        other => panic!("expected a notice, got {other:?}"),
    }
    // One undo takes everything back.
    harness.state_mut().undo();
    harness.run();
    let session = harness.state().session();
    assert!(session.alternatives.is_empty());
    assert!(session.sections.is_empty());
    assert!(session.decisions.is_empty());
}

#[test]
fn a_section_of_another_plenary_is_refused_in_words_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, mut sections) = write_forum(dir.path());
    let (mut other, _) = forum_sessions();
    other.meta.id = SessionId::derived(b"another plenary");
    let stranger = other.section_of("Чужая секция", None, false).unwrap();
    let stranger_path = dir.path().join("чужая.ron");
    storage::save(&stranger_path, &stranger, None).unwrap();
    sections.push(stranger_path);
    let mut harness = bringing_in(&plenary, &sections);
    assert!(has_label_starting(
        &harness,
        "чужая.ron — секция «Чужая секция» другого пленарного заседания"
    ));
    assert!(apply_disabled(&harness));
    harness
        .get_by_role_and_label(Role::Button, "Принести")
        .click();
    harness.run();
    assert!(harness.state().session().alternatives.is_empty());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_file_that_cannot_be_read_blocks_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, mut sections) = write_forum(dir.path());
    let broken = dir.path().join("сломан.ron");
    std::fs::write(&broken, "(не сессия").unwrap();
    sections.push(broken);
    let mut harness = bringing_in(&plenary, &sections);
    assert!(has_label_starting(
        &harness,
        "сломан.ron: не удалось прочитать."
    ));
    assert!(apply_disabled(&harness));
    // Removing the broken file unblocks it.
    harness
        .get_by_role_and_label(Role::Button, "Убрать сломан.ron")
        .click();
    harness.run();
    assert!(!apply_disabled(&harness));
}

#[test]
fn bring_in_is_disabled_in_a_section_and_new_section_refuses_there() {
    let (_, sections) = forum_sessions();
    let app = StratboardApp::for_test(sections[0].clone(), Language::Russian);
    let mut harness = common::window(app, common::WINDOW);
    harness.get_by_label("Файл").click();
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Принести итоги секций…")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::Button, "Новая секция этой сессии…")
        .click();
    harness.run();
    assert!(!harness.state().is_new_section_open());
    match harness.state().notice() {
        Some(Notice::Error { detail, .. }) => {
            assert!(
                detail.contains("сама является секцией «Площадка 01»"),
                "{detail}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Replaces the text of the focused-by-click field `label` with `text`.
fn type_into(harness: &mut Harness<'static, StratboardApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by(|node| node.role() == Role::TextInput && node.is_focused())
        .type_text(text);
    harness.run();
}

#[test]
fn new_section_writes_a_section_of_this_plenary_and_keeps_the_plenary_open() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary_path, _) = write_forum(dir.path());
    let plenary_id = storage::load(&plenary_path).unwrap().session.meta.id;
    let mut harness = open_plenary(&plenary_path, BoardSection::Alternatives);
    harness.get_by_label("Файл").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Новая секция этой сессии…")
        .click();
    harness.run();
    assert!(harness.state().is_new_section_open());
    harness.get_by_role_and_label(Role::ComboBox, "Модератор");
    every_input_is_labelled(&harness);
    // An empty name is refused in words.
    harness.get_by_label("Дайте секции название.");
    harness
        .get_by_role_and_label(Role::Button, "Создать секцию")
        .click();
    harness.run();
    assert!(harness.state().is_new_section_open());
    type_into(&mut harness, "Название секции", "Молодёжь");
    type_into(&mut harness, "Или новое имя модератора", "Петров П. П.");
    harness
        .get_by_label("Использовать коды участников пленарного заседания")
        .click();
    harness.run();
    // A file that exists is not replaced unasked; nor is the plenary's own.
    let taken = dir.path().join("занято.ron");
    std::fs::write(&taken, "keep me").unwrap();
    for (file, refusal) in [
        (
            &taken,
            "Такой файл уже есть. Выберите другое имя, чтобы не затереть его.",
        ),
        (
            &plenary_path,
            "Этот файл — открытая сессия. Выберите другое имя.",
        ),
    ] {
        type_into(&mut harness, "Файл секции", &file.display().to_string());
        harness
            .get_by_role_and_label(Role::Button, "Создать секцию")
            .click();
        harness.run();
        harness.get_by_label(refusal);
    }
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "keep me");
    let target = dir.path().join("молодёжь.ron");
    type_into(&mut harness, "Файл секции", &target.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Создать секцию")
        .click();
    harness.run();
    assert!(!harness.state().is_new_section_open());
    let section = storage::load(&target).unwrap().session;
    let of = section.meta.section.clone().unwrap();
    assert_eq!(of.plenary, plenary_id);
    assert_eq!(of.name, "Молодёжь");
    assert_ne!(section.meta.id, plenary_id);
    // The plenary stays open, unchanged.
    assert_eq!(harness.state().session().meta.id, plenary_id);
    assert_eq!(
        harness.state().document().path(),
        Some(plenary_path.as_path())
    );
    match harness.state().notice() {
        Some(Notice::Written { path, .. }) => assert_eq!(*path, target),
        other => panic!("expected a notice, got {other:?}"),
    }
}

/// The merged plenary with one alternative of its own.
fn merged_with_own() -> Session {
    let mut session = merged();
    session
        .apply(stratboard_core::commands::Command::Add(
            stratboard_core::model::Alternative {
                title: "Своя инициатива пленарного заседания".into(),
                ..Default::default()
            }
            .into(),
        ))
        .unwrap();
    session
}

fn titles(harness: &Harness<'_, StratboardApp>) -> Vec<String> {
    harness
        .state()
        .session()
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect()
}

#[test]
fn the_board_groups_brought_alternatives_by_section_and_combines_similar_ones_in_one_step() {
    let mut app = StratboardApp::for_test(merged_with_own(), Language::Russian);
    app.select_section(BoardSection::Alternatives);
    // Tall enough that every folded card is laid out.
    let mut harness = common::window(app, egui::vec2(1600.0, 3200.0));
    harness.get_by_label("Свернуть все").click();
    harness.run();
    // A heading per section in order of names, the plenary's own last.
    let first = top_of(&harness, "Секция «Площадка 01»");
    let second = top_of(&harness, "Секция «Площадка 02»");
    assert!(
        harness
            .query_by_label("модератор Участник 001 · 5 бюллетеней")
            .is_some()
    );
    let own = top_of(&harness, "Предложено на пленарном заседании");
    assert!(first < second && second < own, "{first} {second} {own}");
    // Each brought card says where it came from.
    assert!(has_label_starting(&harness, "1-е место из 3, "));
    assert!(has_label_starting(
        &harness,
        "Секция «Площадка 02» (модератор Участник 002)"
    ));
    // The similar pair is flagged on both cards; combining takes one step, undone in one.
    assert!(has_label_starting(
        &harness,
        "Похоже на: «Молодёжный совет при главе»"
    ));
    assert!(has_label_starting(
        &harness,
        "Похоже на: «Молодёжный совет»"
    ));
    let before = titles(&harness);
    harness
        .get_by_role_and_label(Role::Button, "Объединить с «Молодёжный совет при главе»")
        .click();
    harness.run();
    let after = titles(&harness);
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.contains(&"Молодёжный совет / Молодёжный совет при главе".to_owned()));
    assert!(!has_label_starting(&harness, "Похоже на:"));
    harness.state_mut().undo();
    harness.run();
    assert_eq!(titles(&harness), before);
}

#[test]
fn a_sections_decision_is_shown_apart_and_adopted_in_one_step() {
    let mut app = StratboardApp::for_test(merged(), Language::Russian);
    app.select_section(BoardSection::Decisions);
    let mut harness = common::window(app, common::WINDOW);
    harness.get_by_label("Решения секций");
    harness.get_by_label("Секция «Площадка 01»");
    assert!(has_label_starting(
        &harness,
        "— Подготовить паспорт инициативы 1.1"
    ));
    // The sections' action items are theirs until adopted: the plenary has none pending.
    harness.get_by_label("0 невыполненных поручений");
    let statement = "Вынести инициативы площадки 1 на пленарное заседание";
    harness
        .get_by_role_and_label(
            Role::Button,
            &format!("Принять как решение пленарного заседания: {statement}"),
        )
        .click();
    harness.run();
    let session = harness.state().session();
    let decision = session
        .decisions
        .iter()
        .find(|d| d.statement == statement)
        .unwrap();
    assert!(decision.section.as_ref().unwrap().adopted);
    assert!(
        session
            .actions
            .iter()
            .filter(|a| a.decision == Some(decision.id))
            .all(|a| a.section.as_ref().unwrap().adopted)
    );
    // Now among the plenary's own, with a note of its section; its two items count.
    harness.get_by_label("из секции «Площадка 01»");
    harness.get_by_label("2 невыполненных поручения");
    harness.state_mut().undo();
    harness.run();
    let session = harness.state().session();
    assert!(
        session
            .decisions
            .iter()
            .all(|d| !d.section.as_ref().unwrap().adopted)
    );
    assert!(harness.query_by_label("из секции «Площадка 01»").is_none());
}

/// The board on the merged plenary's alternatives with «Секции на экране» on, at `size`.
fn sections_screen(harness: &mut Harness<'static, StratboardApp>) {
    harness
        .get_by_role_and_label(Role::CheckBox, "Секции на экране")
        .click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
}

fn sections_app() -> StratboardApp {
    let mut app = StratboardApp::for_test(merged(), Language::Russian);
    app.select_section(BoardSection::Alternatives);
    app
}

#[test]
fn the_sections_screen_shows_each_sections_best_alternatives_side_by_side() {
    for size in [
        egui::vec2(1920.0, 1080.0),
        egui::vec2(1280.0, 720.0),
        egui::vec2(1024.0, 768.0),
    ] {
        let mut harness = common::window(sections_app(), size);
        sections_screen(&mut harness);
        harness.get_by_label("Итоги секций");
        let columns: Vec<f32> = ["Площадка 01", "Площадка 02", "Площадка 03"]
            .iter()
            .map(|name| {
                let label = format!("Секция «{name}»");
                let node = harness.get_by_label(&label);
                assert!(node.rect().right() <= size.x, "{name} fits at {size:?}");
                node.rect().left()
            })
            .collect();
        assert!(
            columns[0] < columns[1] && columns[1] < columns[2],
            "side by side at {size:?}"
        );
        for title in TITLES.iter().flatten() {
            harness.get_by_label(title);
        }
        assert!(has_label_starting(&harness, "Метод Борда, 5 бюллетеней"));
        assert!(has_label_starting(&harness, "1-е место из 3"));
    }
}

#[test]
fn the_sections_screen_at_1920_by_1080() {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_pixels_per_point(1.0)
            .with_max_steps(10)
            .wgpu()
            .build_ui_state(|ui, app: &mut StratboardApp| app.show(ui), sections_app())
    }));
    let mut harness = match built {
        Ok(harness) => harness,
        Err(_) if std::env::var_os("STRATBOARD_REQUIRE_SNAPSHOTS").is_none() => {
            eprintln!("snapshot skipped: no graphics adapter (install mesa-vulkan-drivers)");
            return;
        }
        Err(panic) => std::panic::resume_unwind(panic),
    };
    harness.run();
    sections_screen(&mut harness);
    harness.snapshot("sections_screen_ru");
}

/// The merged plenary's Alternatives board at 1280×720, cards folded, as an image.
#[test]
fn the_merged_alternatives_board_at_1280_by_720() {
    let mut app = StratboardApp::for_test(merged_with_own(), Language::Russian);
    app.select_section(BoardSection::Alternatives);
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .with_pixels_per_point(1.0)
            .with_max_steps(10)
            .wgpu()
            .build_ui_state(|ui, app: &mut StratboardApp| app.show(ui), app)
    }));
    let mut harness = match built {
        Ok(harness) => harness,
        Err(_) if std::env::var_os("STRATBOARD_REQUIRE_SNAPSHOTS").is_none() => {
            eprintln!("snapshot skipped: no graphics adapter (install mesa-vulkan-drivers)");
            return;
        }
        Err(panic) => std::panic::resume_unwind(panic),
    };
    harness.run();
    harness.get_by_label("Свернуть все").click();
    harness.run();
    harness.snapshot("sections_board_ru");
}

/// A file dropped onto the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn section_files_dropped_on_the_bring_in_dialog_join_it_and_open_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, sections) = write_forum(dir.path());
    let mut harness = bringing_in(&plenary, &sections[..1]);
    for path in &sections[1..] {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path.clone())));
    }
    harness.run();
    for name in ["секция-1.ron", "секция-2.ron", "секция-3.ron"] {
        harness.get_by_role_and_label(Role::Button, &format!("Убрать {name}"));
    }
    assert_eq!(harness.state().document().path(), Some(plenary.as_path()));
    harness.get_by_label("Секция «Площадка 03»");
}

#[test]
fn two_files_of_one_section_are_refused_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, sections) = write_forum(dir.path());
    let copy = dir.path().join("copy.ron");
    std::fs::copy(&sections[0], &copy).unwrap();
    let mut app = StratboardApp::for_test(Session::default(), Language::English);
    app.open_path(&plenary);
    let mut harness = common::window(app, common::WINDOW);
    harness.state_mut().bring_in_files(&sections);
    harness.run();
    harness.get_by_label("Section results");
    harness.get_by_label("How many of the section vote's best alternatives to take");
    assert!(has_label_starting(&harness, "To be added "));
    harness.state_mut().bring_in_files(&[copy]);
    harness.run();
    assert!(has_label_starting(
        &harness,
        "copy.ron and секция-1.ron are the same section “Площадка 03”"
    ));
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Bring in")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_alternatives_screen_cites_each_cards_section() {
    let mut harness = common::window(sections_app(), egui::vec2(1920.0, 1080.0));
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(harness.query_by_label("Итоги секций").is_none());
    assert!(has_label_starting(
        &harness,
        "Секция «Площадка 01» (модератор Участник 001): 1-е место из 3, Метод Борда, 5 бюллетеней"
    ));
}

#[test]
fn a_sections_decision_reaches_the_projector_once_adopted() {
    let mut app = StratboardApp::for_test(merged(), Language::Russian);
    app.select_section(BoardSection::Decisions);
    let mut harness = common::window(app, common::WINDOW);
    let statement = "Вынести инициативы площадки 2 на пленарное заседание";
    harness
        .get_by_role_and_label(
            Role::Button,
            &format!("Принять как решение пленарного заседания: {statement}"),
        )
        .click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    harness.get_by_label(statement);
    assert!(
        harness
            .query_by_label("Вынести инициативы площадки 1 на пленарное заседание")
            .is_none()
    );
}
