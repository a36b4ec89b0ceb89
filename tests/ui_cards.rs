//! File → Export → Participant cards: the export dialog offers the cards beside the protocol's
//! formats, lists who gets a card, and writes a PDF; participants without a room code get one
//! first, as one undoable edit the notice asks to save. A session without participants gets
//! a reason, not a file.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::{Harness, kittest::Queryable};
use stratboard::app::{Notice, StratboardApp, sample_session};
use stratboard_core::i18n::Language;
use stratboard_core::model::Session;

fn harness(session: Session, language: Language) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(session, language);
    common::window(app, common::WINDOW)
}

fn open_export(harness: &mut Harness<'static, StratboardApp>, file: &str, item: &str) {
    harness.get_by_label(file).click();
    harness.run();
    harness
        .get_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(item))
        })
        .click();
    harness.run();
    assert!(harness.state().is_export_open());
}

/// The value of the file field.
fn file_field(harness: &Harness<'static, StratboardApp>) -> String {
    harness
        .get_by(|node| {
            node.role() == Role::TextInput
                && node.value().is_some_and(|v| {
                    [".docx", ".pdf", ".md", ".html", ".csv"]
                        .iter()
                        .any(|ext| v.ends_with(ext))
                })
        })
        .value()
        .unwrap()
}

/// Replaces the text of the file field with `path`.
fn set_file(harness: &mut Harness<'static, StratboardApp>, path: &std::path::Path) {
    let current = file_field(harness);
    harness
        .get_by(|node| node.role() == Role::TextInput && node.value().as_deref() == Some(&current))
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by(|node| node.role() == Role::TextInput && node.is_focused())
        .type_text(&path.display().to_string());
    harness.run();
}

fn click_export(harness: &mut Harness<'static, StratboardApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
}

#[test]
fn exporting_cards_writes_a_pdf_and_gives_everyone_a_code_in_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let session = sample_session();
    let people = session.participants.len();
    assert!(people > 8, "the sample fills more than one page");
    assert!(session.participants.iter().all(|p| p.code.is_none()));
    let mut harness = harness(session, Language::English);
    open_export(&mut harness, "File", "Export the protocol…");
    harness.get_by_label("Participant cards (PDF)").click();
    harness.run();
    assert!(harness.state().exporting_cards());
    assert!(
        file_field(&harness).ends_with("-cards.pdf"),
        "{}",
        file_field(&harness)
    );
    let summary = format!("{people} cards on 2 pages, eight to an A4 sheet, with cut lines.");
    assert!(harness.query_by_label(&summary).is_some(), "{summary}");
    assert!(
        harness
            .query_by(|node| node.role() == Role::Label
                && node
                    .value()
                    .is_some_and(|l| l.starts_with("Phones join at http://")))
            .is_some()
    );
    assert!(
        harness
            .query_by(|node| node.role() == Role::Label
                && node.value().is_some_and(
                    |l| l.starts_with(&format!("{people} participants have no code yet"))
                ))
            .is_some()
    );
    // The list names every participant, each still waiting for a code.
    let first = harness.state().session().participants[0].name.clone();
    assert!(harness.query_by_label(&first).is_some());
    assert_eq!(
        harness
            .query_all_by(|node| node.role() == Role::Label
                && node.value().as_deref() == Some("given on export"))
            .count(),
        people
    );
    assert!(!harness.state().document().is_dirty());

    let path = dir.path().join("cards.pdf");
    set_file(&mut harness, &path);
    click_export(&mut harness);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(!harness.state().is_export_open(), "closes when done");
    let codes: Vec<String> = harness
        .state()
        .session()
        .participants
        .iter()
        .map(|p| p.code.clone().expect("everyone has a code now"))
        .collect();
    assert_eq!(codes.len(), people);
    assert!(
        harness.state().document().is_dirty(),
        "the codes must be saved"
    );
    match harness.state().notice() {
        Some(Notice::Written {
            text,
            path: written,
        }) => {
            assert!(text.contains("cards.pdf"), "{text}");
            assert!(
                text.contains(&format!("{people} participants got personal codes")),
                "{text}"
            );
            assert!(text.contains("save the session"), "{text}");
            assert_eq!(*written, path);
        }
        other => panic!("expected a notice, got {other:?}"),
    }
    // The codes were one step: Undo takes them all back.
    harness.state_mut().undo();
    harness.run();
    assert!(
        harness
            .state()
            .session()
            .participants
            .iter()
            .all(|p| p.code.is_none())
    );
}

#[test]
fn cards_for_people_with_codes_change_nothing_and_the_formats_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = sample_session();
    for (i, person) in session.participants.iter_mut().enumerate() {
        let n = u8::try_from(i).unwrap();
        person.code = Some(stratboard_core::model::participant_code([
            n, 1, 2, 3, 4, 5, 6, 7,
        ]));
    }
    let first_code = session.participants[0].code.clone().unwrap();
    let mut harness = harness(session, Language::Russian);
    open_export(&mut harness, "Файл", "Выгрузить протокол…");
    harness.get_by_label("Карточки участников (PDF)").click();
    harness.run();
    assert!(file_field(&harness).ends_with("-карточки.pdf"));
    // Codes show as printed, in two halves.
    let spaced = format!("{} {}", &first_code[..4], &first_code[4..]);
    assert!(harness.query_by_label(&spaced).is_some(), "{spaced}");
    assert!(
        harness
            .query_by(|node| node.value().is_some_and(|l| l.contains("ещё нет кода")))
            .is_none()
    );
    // Back to the protocol: the formats' name returns.
    harness.get_by_label("Word (DOCX)").click();
    harness.run();
    assert!(!harness.state().exporting_cards());
    let field = file_field(&harness);
    assert!(
        field.ends_with(".docx") && !field.contains("-карточки"),
        "{field}"
    );
    harness.get_by_label("Карточки участников (PDF)").click();
    harness.run();
    let path = dir.path().join("карточки.pdf");
    set_file(&mut harness, &path);
    harness
        .get_by_role_and_label(Role::Button, "Выгрузить")
        .click();
    harness.run();
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
    assert!(!harness.state().document().is_dirty(), "nothing to save");
    match harness.state().notice() {
        Some(Notice::Written { text, .. }) => {
            assert!(text.starts_with("Карточки участников записаны"), "{text}");
            assert!(!text.contains("сохраните"), "{text}");
        }
        other => panic!("expected a notice, got {other:?}"),
    }
}

#[test]
fn a_session_without_participants_gets_a_reason_not_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(Session::new("Empty"), Language::English);
    open_export(&mut harness, "File", "Export the protocol…");
    harness.get_by_label("Participant cards (PDF)").click();
    harness.run();
    let reason =
        "The session has no participants yet: add them under Stakeholders & participants first.";
    assert!(harness.query_by_label(reason).is_some());
    let path = dir.path().join("cards.pdf");
    set_file(&mut harness, &path);
    click_export(&mut harness);
    assert!(harness.state().is_export_open(), "stays open");
    assert!(!path.exists());
    assert!(!harness.state().document().is_dirty());
}
