//! Room → Open the room in the window: the dialog, the QR code and address, the status bar,
//! a phone joining over HTTP, and the turnout on the vote's card moving when a ballot arrives
//! through the command sender (as the room sends it), who has not voted yet, letting guests
//! in, and a new code for a lost phone.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stratboard::app::StratboardApp;
use stratboard_core::commands::{Command, Item, Outcome, VoteOp};
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Alternative, BoardSection, Choice, ConsentChoice, Participant, Session, Vote, VoteMethod,
};

fn session() -> Session {
    let mut s = Session::new("Room in the window");
    for name in ["Anna", "Boris"] {
        s.apply(Command::Add(Item::Participant(Participant {
            name: name.into(),
            ..Participant::default()
        })))
        .unwrap();
    }
    s.apply(Command::Add(Item::Alternative(Alternative {
        title: "Park".into(),
        ..Alternative::default()
    })))
    .unwrap();
    let park = s.alternatives[0].id;
    let Outcome::Added(stratboard_core::commands::ItemRef::Vote(vote)) = s
        .apply(Command::Add(Item::Vote(Vote {
            question: "Build the park?".into(),
            alternatives: vec![park],
            method: VoteMethod::Consent { allow_block: false },
            ..Vote::default()
        })))
        .unwrap()
        .outcome
    else {
        panic!("no vote")
    };
    s.apply(Command::Vote {
        vote,
        op: VoteOp::Open,
    })
    .unwrap();
    s
}

fn post(url: &str, path: &str, body: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    (status, answer)
}

/// `GET path` with the device's token; the status and the body.
fn get_with(url: &str, path: &str, token: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    (status, body(&answer).to_owned())
}

/// The body of an HTTP answer (after its headers).
fn body(answer: &str) -> &str {
    answer.split_once("\r\n\r\n").map_or("", |(_, body)| body)
}

fn pending_ok(pending: stratboard_core::inbox::PendingReply) -> bool {
    matches!(pending.wait(Duration::from_secs(5)), Ok(Ok(_)))
}

#[test]
fn opening_the_room_shows_its_qr_code_and_address_and_ballots_move_the_turnout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.ron");
    let mut app = StratboardApp::for_test(session(), Language::English);
    assert!(app.save_to(&path));
    app.select_section(BoardSection::Votes);
    let mut harness = common::window(app, common::WINDOW);
    assert!(
        harness.query_by_label_contains("0 of 2").is_some(),
        "nobody voted yet"
    );

    harness.get_by_label("Room").click();
    harness.run();
    harness.get_by_label_contains("Open the room…").click();
    harness.run();
    harness.get_by_label("127.0.0.1").click();
    let port = harness.get_by_role_and_label(Role::TextInput, "Port");
    port.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Port")
        .type_text("0");
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open the room")
        .click();
    harness.run();

    let url = harness.state().room_url().expect("the room is open");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(
        harness.query_by_role_and_label(Role::Image, &url).is_some(),
        "the QR code encodes the address"
    );
    assert!(harness.query_by_label_contains("Room open:").is_some());
    // Every participant got a code, saved with the session's next save.
    let codes: Vec<String> = harness
        .state()
        .session()
        .participants
        .iter()
        .map(|p| p.code.clone().unwrap())
        .collect();
    assert_eq!(codes.len(), 2);

    // A phone joins over HTTP: the status bar counts it.
    let (status, joined) = post(&url, "/api/join", &format!(r#"{{"code":"{}"}}"#, codes[0]));
    assert_eq!(status, 200);
    harness.run();

    // "Show on phones" on the open vote's card: the phones are told to bring it to the front;
    // a second click takes it back.
    let token = serde_json::from_str::<serde_json::Value>(body(&joined)).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let front = |url: &str| -> serde_json::Value {
        let (status, state) = get_with(url, "/api/state", &token);
        assert_eq!(status, 200, "{state}");
        serde_json::from_str::<serde_json::Value>(&state).unwrap()["front"].clone()
    };
    assert_eq!(front(&url), serde_json::Value::Null);
    harness.get_by_label("Show on phones").click();
    harness.run();
    let shown = harness.state().session().votes[0].id;
    assert_eq!(harness.state().shown_on_phones(), Some(shown));
    assert_eq!(front(&url), serde_json::json!(shown.0));
    harness.get_by_label("Show on phones").click();
    harness.run();
    assert_eq!(harness.state().shown_on_phones(), None);
    assert_eq!(front(&url), serde_json::Value::Null);
    // In the status bar and in the room's window.
    assert_eq!(harness.query_all_by_label_contains("1 phone").count(), 2);

    // A ballot through the command sender (the room's way in) moves the turnout.
    let sender = harness.state().command_sender();
    let vote = harness.state().session().votes[0].id;
    let voter = harness.state().session().participants[1].id;
    let pending = sender
        .request_durable(Command::Vote {
            vote,
            op: VoteOp::Cast {
                round: 1,
                voter,
                holder: None,
                choice: Choice::Consent(ConsentChoice::For),
                seed: 3,
            },
        })
        .unwrap();
    harness.run();
    assert_eq!(
        pending.wait(Duration::from_secs(5)).unwrap(),
        Ok(Outcome::Cast { corrected: false })
    );
    assert!(
        harness
            .query_by_label_contains("1 of 2 participants have voted")
            .is_some()
    );
    let on_disk = stratboard_core::storage::load(&path).unwrap().session;
    assert_eq!(
        on_disk.votes[0].rounds[0].voters,
        vec![voter],
        "saved before the answer"
    );

    // An idea from a phone: a quiet notice. A phone's refused ballot is the phone's business.
    let idea = sender
        .request_durable(Command::Add(Item::Alternative(Alternative {
            title: "Bike lanes".into(),
            hidden: true,
            ..Alternative::default()
        })))
        .unwrap();
    let wrong = sender
        .request_durable(Command::Vote {
            vote: stratboard_core::model::VoteId(999),
            op: VoteOp::Cast {
                round: 1,
                voter,
                holder: None,
                choice: Choice::Consent(ConsentChoice::For),
                seed: 4,
            },
        })
        .unwrap();
    harness.run();
    assert!(pending_ok(idea));
    assert!(wrong.wait(Duration::from_secs(5)).unwrap().is_err());
    assert!(
        harness
            .query_by_label_contains("1 idea arrived from a phone")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Not changed").is_none());

    // The card names who has not voted yet (an open vote).
    assert!(
        harness
            .query_by_label_contains("Not voted yet: Anna")
            .is_some()
    );

    // Guests: off until the facilitator lets them in.
    let guest = r#"{"guest":true}"#;
    assert_eq!(post(&url, "/api/join", guest).0, 403);
    harness
        .get_by_role_and_label(Role::CheckBox, "Let guests in (no code: ideas only)")
        .click();
    harness.run();
    assert_eq!(post(&url, "/api/join", guest).0, 200);

    // A lost phone: Anna gets a new code; the old one no longer joins.
    harness.get_by_label("Personal codes").click();
    harness.run();
    assert!(harness.query_by_label("on a phone").is_some());
    // Anna's tablet joins too: her row counts her devices.
    let anna = format!(r#"{{"code":"{}"}}"#, codes[0]);
    assert_eq!(post(&url, "/api/join", &anna).0, 200);
    harness.run();
    assert!(harness.query_by_label("2 devices").is_some());
    assert!(harness.query_by_label("on a phone").is_none());
    harness
        .get_by_role_and_label(Role::Button, "New code: Anna")
        .click();
    harness.run();
    let renewed = harness.state().session().participants[0]
        .code
        .clone()
        .unwrap();
    assert_ne!(renewed, codes[0]);
    assert!(
        harness
            .query_by_label_contains("New code: Anna —")
            .is_some()
    );
    let old = format!(r#"{{"code":"{}"}}"#, codes[0]);
    assert_eq!(post(&url, "/api/join", &old).0, 401);
    let new = format!(r#"{{"code":"{renewed}"}}"#);
    assert_eq!(post(&url, "/api/join", &new).0, 200);

    // Closing the room stops the server.
    harness.get_by_label("Room").click();
    harness.run();
    harness.get_by_label_contains("Close the room").click();
    harness.run();
    assert!(harness.state().room_url().is_none());
    assert!(TcpStream::connect(url.trim_start_matches("http://").trim_end_matches('/')).is_err());
}
