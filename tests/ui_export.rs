//! File → Export: the dialog opens from the menu and with Ctrl+E, previews the protocol in the
//! chosen language, writes the chosen format where the user says, refuses to write over a
//! session file, and never changes the document. From an alternative's card it exports that
//! initiative's passport (PDF, DOCX) instead.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::{Harness, kittest::Queryable};
use stratboard::app::{Notice, StratboardApp, sample_session};
use stratboard_core::i18n::Language;
use stratboard_core::model::{AlternativeId, BoardSection};

fn harness(language: Language) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(sample_session(), language);
    common::window(app, common::WINDOW)
}

fn open_from_menu(harness: &mut Harness<'static, StratboardApp>, file: &str, item: &str) {
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

/// Replaces the text of the file field with `path`.
fn set_file(harness: &mut Harness<'static, StratboardApp>, path: &std::path::Path) {
    let field = harness.get_by(|node| {
        node.role() == Role::TextInput
            && node
                .value()
                .is_some_and(|v| v.ends_with(".docx") || v.ends_with(".pdf") || v.ends_with(".md"))
    });
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by(|node| node.role() == Role::TextInput && node.is_focused())
        .type_text(&path.display().to_string());
    harness.run();
}

#[test]
fn export_from_the_menu_previews_in_the_sessions_language_and_writes_a_pdf_in_another() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(Language::English);
    open_from_menu(&mut harness, "File", "Export the protocol…");
    assert!(harness.query_by_label("Export the protocol").is_some());
    // The protocol's language starts as the session's (this sample is Russian), not the
    // interface's; switching it changes the preview only.
    assert!(
        harness.query_by_label("Участники").is_some(),
        "Russian preview"
    );
    assert!(
        harness
            .query_by_label("ПРОТОКОЛ СТРАТЕГИЧЕСКОЙ СЕССИИ")
            .is_some()
    );
    harness.get_by_label("English").click();
    harness.run();
    assert!(
        harness.query_by_label("Participants").is_some(),
        "English preview"
    );
    assert!(
        harness
            .query_by_label("MINUTES OF THE STRATEGIC SESSION")
            .is_some()
    );
    assert!(harness.query_by_label("Участники").is_none());
    assert_eq!(
        harness.state().language(),
        Language::English,
        "UI stays English"
    );
    harness.get_by_label("PDF").click();
    harness.run();
    let path = dir.path().join("протокол.pdf");
    set_file(&mut harness, &path);
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(!harness.state().is_export_open(), "closes when done");
    match harness.state().notice() {
        Some(Notice::Written {
            text,
            path: written,
        }) => {
            assert!(text.contains("протокол.pdf"), "{text}");
            assert_eq!(*written, path);
        }
        other => panic!("expected a notice, got {other:?}"),
    }
    assert!(
        !harness.state().document().is_dirty(),
        "export changes nothing"
    );
}

#[test]
fn ctrl_e_opens_the_dialog_and_escape_closes_it() {
    let mut harness = harness(Language::Russian);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    assert!(harness.state().is_export_open());
    assert!(harness.query_by_label("Выгрузка протокола").is_some());
    assert!(harness.query_by_label("Участники").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().is_export_open());
}

#[test]
fn a_session_file_is_never_overwritten_by_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let session_path = dir.path().join("session.ron");
    std::fs::write(&session_path, "keep me").unwrap();
    let mut harness = harness(Language::English);
    open_from_menu(&mut harness, "File", "Export the protocol…");
    harness.get_by_label("Markdown").click();
    harness.run();
    set_file(&mut harness, &session_path);
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    assert!(
        harness.state().is_export_open(),
        "stays open to fix the name"
    );
    assert!(
        harness
            .query_by_label(
                "That is a session file; an export never overwrites one. Choose another name."
            )
            .is_some()
    );
    assert_eq!(std::fs::read_to_string(&session_path).unwrap(), "keep me");
}

#[test]
fn a_failed_write_says_why_and_keeps_the_dialog() {
    let mut harness = harness(Language::English);
    open_from_menu(&mut harness, "File", "Export the protocol…");
    let missing = std::path::Path::new("/nonexistent-folder-stratboard/protocol.docx");
    set_file(&mut harness, missing);
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    assert!(harness.state().is_export_open());
    assert!(
        harness
            .query_all_by(|node| node
                .value()
                .is_some_and(|l| l.starts_with("Could not write the file.")))
            .next()
            .is_some()
    );
}

#[test]
fn the_csv_preview_lists_the_ballots() {
    let mut harness = harness(Language::English);
    open_from_menu(&mut harness, "File", "Export the protocol…");
    harness.get_by_label("Ballots (CSV)").click();
    harness.run();
    // The header and the 14 ballots of the sample's vote.
    harness.get_by(|node| {
        node.value().is_some_and(|l| {
            l.starts_with("vote,question,method,round,source,voter,group,count,choice")
                && l.lines().count() == 15
        })
    });
}

#[test]
fn the_dialog_settles() {
    let mut harness = harness(Language::English);
    open_from_menu(&mut harness, "File", "Export the protocol…");
    assert!(harness.run() <= 3, "the open dialog keeps repainting");
}

/// The sample's adopted alternative 45.
const ADOPTED: &str =
    "Сначала увеличить количество ТОС: поддержать очаги активности морально и организационно";

/// The window on the sample's Alternatives board, in English.
fn alternatives() -> Harness<'static, StratboardApp> {
    let mut app = StratboardApp::for_test(sample_session(), Language::English);
    app.select_section(BoardSection::Alternatives);
    common::window(app, common::WINDOW)
}

/// Clicks «Initiative passport…» on the card of the alternative titled `title`.
fn open_passport(harness: &mut Harness<'static, StratboardApp>, title: &str) {
    let name = format!("Initiative passport: {title}");
    harness
        .get_by_role_and_label(Role::Button, &name)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &name).click();
    harness.run();
    assert!(harness.state().is_export_open());
}

/// Exports to `path` and returns the file's bytes.
fn export_to(harness: &mut Harness<'static, StratboardApp>, path: &std::path::Path) -> Vec<u8> {
    set_file(harness, path);
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    assert!(!harness.state().is_export_open(), "closed once written");
    match harness.state().notice() {
        Some(Notice::Written {
            text,
            path: written,
        }) => {
            assert_eq!(written, path);
            assert!(text.starts_with("Initiative passport written to"), "{text}");
        }
        other => panic!("expected a written notice, got {other:?}"),
    }
    std::fs::read(path).unwrap()
}

#[test]
fn an_adopted_alternatives_card_exports_its_passport_as_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = alternatives();
    let revision = harness.state().document().revision();
    open_passport(&mut harness, ADOPTED);
    assert_eq!(
        harness.state().exporting_passport(),
        Some(AlternativeId(45))
    );
    assert!(harness.query_by_label("Initiative passport").is_some());
    assert!(
        harness
            .query_by_label(
                "The alternative is not adopted: the passport will be marked as a draft."
            )
            .is_none(),
        "an adopted alternative's passport is no draft"
    );
    // The file is named after the alternative; the preview shows the passport's pages in the
    // session's language.
    harness.get_by(|node| {
        node.role() == Role::TextInput
            && node.value().is_some_and(|v| {
                v.ends_with(".pdf")
                    && v.contains(
                        "Passport — Сначала увеличить количество ТОС_ поддержать очаги.pdf",
                    )
            })
    });
    assert!(
        harness
            .query_by_label("Цели и целевые показатели")
            .is_some()
    );
    harness.get_by_role_and_label(Role::Button, "PDF").click();
    harness.run();
    let pdf = export_to(&mut harness, &dir.path().join("passport.pdf"));
    assert!(pdf.starts_with(b"%PDF"), "a PDF");

    open_passport(&mut harness, ADOPTED);
    harness.get_by_label("Word (DOCX)").click();
    harness.run();
    let docx = export_to(&mut harness, &dir.path().join("passport.docx"));
    assert!(docx.starts_with(b"PK"), "a DOCX (a ZIP package)");
    assert_eq!(
        harness.state().document().revision(),
        revision,
        "a passport never changes the document"
    );
    // Ctrl+E afterwards is the protocol's dialog again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    assert!(harness.state().is_export_open());
    assert_eq!(harness.state().exporting_passport(), None);
    assert!(harness.query_by_label("Export the protocol").is_some());
}

#[test]
fn a_passport_of_an_alternative_not_adopted_is_a_draft_and_says_so() {
    let mut harness = alternatives();
    open_passport(
        &mut harness,
        "Субсидии из областного бюджета на поддержку ТОС",
    );
    assert_eq!(
        harness.state().exporting_passport(),
        Some(AlternativeId(44))
    );
    assert!(
        harness
            .query_by_label(
                "The alternative is not adopted: the passport will be marked as a draft."
            )
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(!harness.state().is_export_open());
}
