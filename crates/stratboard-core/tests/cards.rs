//! Participant cards: the PDF has a card for everyone with a code (name and code readable by
//! `pdftotext`), eight to a page, and refuses a session where nobody has a code.
//!
//! `pdftotext` (poppler-utils) is skipped when it is not installed, unless
//! `STRATBOARD_REQUIRE_PDFTOTEXT` is set (as CI does).

#![allow(clippy::unwrap_used)]

use std::path::Path;

use stratboard_core::i18n::Language;
use stratboard_core::model::{GroupId, Participant, ParticipantId, Session, participant_code};
use stratboard_core::report::{self, ExportError, cards};
use stratboard_core::storage;

mod common;

use common::words;

/// The text of the cards' PDF and its number of pages (form feeds), or `None` without
/// pdftotext.
fn pdftotext(pdf: &[u8]) -> Option<(String, usize)> {
    common::pdftotext(pdf).map(|text| {
        let pages = text.matches('\u{c}').count();
        (text, pages)
    })
}

fn sample(name: &str) -> Session {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("sessions")
        .join(name);
    storage::load(&path).unwrap().session
}

/// Gives every participant a fixed, distinct code.
fn with_codes(mut session: Session) -> Session {
    for (i, person) in session.participants.iter_mut().enumerate() {
        let n = u8::try_from(i).unwrap();
        person.code = Some(participant_code([
            n,
            n / 23,
            7,
            n.wrapping_mul(3),
            11,
            n.wrapping_add(5),
            2,
            19,
        ]));
    }
    session
}

fn ten_people() -> Session {
    let mut session = Session::new("Developing the district's schools");
    session
        .stakeholder_groups
        .push(stratboard_core::model::StakeholderGroup {
            id: GroupId(1),
            name: "Parents".into(),
            ..Default::default()
        });
    for i in 0..10u32 {
        session.participants.push(Participant {
            id: ParticipantId(10 + i),
            name: format!("Person{i} Surname{i}"),
            position: "teacher".into(),
            organisation: "School 5".into(),
            group: (i % 2 == 0).then_some(GroupId(1)),
            code: None,
            contact: String::new(),
            voting: true,
        });
    }
    with_codes(session)
}

#[test]
fn ten_participants_make_two_pages_with_every_name_and_code() {
    let session = ten_people();
    let pdf = report::participant_cards(&session, "http://192.168.1.20:8080/", Language::English)
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let Some((text, pages)) = pdftotext(&pdf) else {
        return;
    };
    assert_eq!(pages, 10_usize.div_ceil(cards::CARDS_PER_PAGE), "{text}");
    let flat = words(&text);
    for person in &session.participants {
        assert!(
            flat.contains(&person.name),
            "{} missing:\n{text}",
            person.name
        );
        let code = person.code.as_deref().unwrap();
        assert!(
            flat.contains(&cards::spaced_code(code)),
            "{code} missing:\n{text}"
        );
    }
    assert!(flat.contains("Your code to join"));
    assert!(flat.contains("http://192.168.1.20:8080"), "the address");
    assert!(flat.contains("Developing the district's schools"));
    assert!(flat.contains("Parents"), "the group");
}

#[test]
fn a_russian_sample_prints_every_participant() {
    let session = with_codes(sample("municipal-school.ron"));
    let n = session.participants.len();
    assert!(n > 0);
    let pdf =
        report::participant_cards(&session, "http://10.0.0.7:8080", Language::Russian).unwrap();
    let Some((text, pages)) = pdftotext(&pdf) else {
        return;
    };
    assert_eq!(pages, n.div_ceil(cards::CARDS_PER_PAGE));
    let flat = words(&text);
    assert!(flat.contains("Ваш код для входа"));
    for person in &session.participants {
        // A long name may wrap onto two lines; its words all appear, in order.
        assert!(
            flat.contains(&words(&person.name)),
            "{} missing",
            person.name
        );
        let code = person.code.as_deref().unwrap();
        assert!(flat.contains(&cards::spaced_code(code)), "{code} missing");
    }
}

#[test]
fn participants_without_a_code_get_no_card_and_nobody_is_an_error() {
    let mut session = ten_people();
    session.participants[3].code = None;
    let pdf = report::participant_cards(&session, "http://h:1", Language::English).unwrap();
    if let Some((text, _)) = pdftotext(&pdf) {
        assert!(!words(&text).contains("Person3 Surname3"));
        assert!(words(&text).contains("Person4 Surname4"));
    }
    for person in &mut session.participants {
        person.code = None;
    }
    assert!(matches!(
        report::participant_cards(&session, "http://h:1", Language::English),
        Err(ExportError::NoParticipantCodes)
    ));
    assert!(matches!(
        report::participant_cards(&Session::new("empty"), "http://h:1", Language::Russian),
        Err(ExportError::NoParticipantCodes)
    ));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let session = ten_people();
    let a = report::participant_cards(&session, "http://h:1", Language::English).unwrap();
    let b = report::participant_cards(&session, "http://h:1", Language::English).unwrap();
    assert_eq!(a, b);
}

/// Writes the cards of a sample to `STRATBOARD_CARDS_SAMPLE` (a path) to look at them.
#[test]
fn write_a_sample_when_asked() {
    let Some(path) = std::env::var_os("STRATBOARD_CARDS_SAMPLE") else {
        return;
    };
    let mut session = with_codes(sample("municipal-school.ron"));
    if let Some(person) = session.participants.first_mut() {
        person.name = "Константинопольская-Разумовская Александра Вячеславовна".into();
        person.position =
            "заместитель директора по учебно-воспитательной работе и инновационному развитию"
                .into();
    }
    let pdf = report::participant_cards(&session, "http://192.168.100.200:8080", Language::Russian)
        .unwrap();
    std::fs::write(path, pdf).unwrap();
}
