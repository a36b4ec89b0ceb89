//! Fuzzes the room's HTTP API: any method, path, query string, headers and body go to the
//! room's router (the handlers the phones reach), as a participant, a guest, a stranger or a
//! forged token; a participant who holds another's proxy casts ballots for them too (`?for=`).
//! No request may panic a handler, and every answer must be a status the API
//! documents with a JSON or HTML body that reads whole. The document's owner runs beside the
//! request, as in the window, on an unsaved session: a ballot or an idea is applied and then
//! taken back (no file to save to), so every input meets the same session.

#![no_main]

use std::cell::RefCell;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request};
use libfuzzer_sys::fuzz_target;
use stratboard_core::commands::{AttendanceOp, Command, Item, ItemRef, Outcome, VoteOp};
use stratboard_core::document::Document;
use stratboard_core::model::{
    Alternative, Anonymity, Participant, ParticipantId, Presence, Proxy, Session, Vote, VoteId,
    VoteMethod,
};
use stratboard_room::SharedSession;
use stratboard_room::access::{self, Access};
use stratboard_room::api::{RoomState, router};
use tower::ServiceExt as _;

/// The paths a request goes to; the last one takes its path from the input.
const PATHS: [&str; 10] = [
    "/api/join",
    "/api/state",
    "/api/votes/{vote}/ballot",
    "/api/ideas",
    "/api/room",
    "/api/events?token=",
    "/api/leave",
    "/",
    "/join/",
    "",
];

struct Room {
    runtime: tokio::runtime::Runtime,
    doc: Document,
    shared: SharedSession,
    access: Arc<Access>,
    app: axum::Router,
    code: String,
    votes: Vec<VoteId>,
    /// The participant whose proxy the joining participant holds.
    giver: ParticipantId,
    /// Kept so that the room never stops (and nothing leaks).
    _stop: tokio::sync::watch::Sender<bool>,
}

fn added(session: &mut Session, item: Item) -> ItemRef {
    match session
        .apply(Command::Add(item))
        .map(|applied| applied.outcome)
    {
        Ok(Outcome::Added(added)) => added,
        other => panic!("{other:?}"),
    }
}

/// A session with three participants (with codes; Анна is here and holds Борис's proxy, Вера
/// has no vote), three alternatives and an open vote of each kind of ballot the phones fill in.
fn session() -> (Session, Vec<VoteId>) {
    let mut session = Session::new("Fuzz");
    for name in ["Анна", "Борис", "Вера"] {
        added(
            &mut session,
            Item::Participant(Participant {
                name: name.into(),
                ..Participant::default()
            }),
        );
    }
    for title in ["Парк", "Школа", "Дорога"] {
        added(
            &mut session,
            Item::Alternative(Alternative {
                title: title.into(),
                ..Alternative::default()
            }),
        );
    }
    let all: Vec<_> = session.alternatives.iter().map(|a| a.id).collect();
    let methods = [
        (
            VoteMethod::Consent { allow_block: true },
            vec![all[0]],
            Anonymity::Open,
        ),
        (VoteMethod::Schulze, all.clone(), Anonymity::Secret),
        (VoteMethod::Approval, all.clone(), Anonymity::Anonymous),
        (
            VoteMethod::Dot {
                dots: 4,
                cap: Some(3),
            },
            all.clone(),
            Anonymity::Open,
        ),
        (
            VoteMethod::Score { min: 0, max: 10 },
            all.clone(),
            Anonymity::Open,
        ),
    ];
    let mut votes = Vec::new();
    for (method, alternatives, anonymity) in methods {
        let vote = Vote {
            question: "?".into(),
            alternatives,
            method,
            anonymity,
            ..Vote::default()
        };
        let ItemRef::Vote(id) = added(&mut session, Item::Vote(vote)) else {
            panic!("not a vote")
        };
        session
            .apply(Command::Vote {
                vote: id,
                op: VoteOp::Open,
            })
            .ok();
        votes.push(id);
    }
    if let Ok(Some(codes)) = access::codes_for_everyone(&session) {
        session.apply(codes).ok();
    }
    attend(&mut session);
    (session, votes)
}

/// Анна is here and holds Борис's proxy (it stands: he is not here); Вера has no vote.
fn attend(session: &mut Session) {
    let (anna, boris) = (session.participants[0].id, session.participants[1].id);
    session.participants[2].voting = false;
    let arrive = AttendanceOp::Arrive {
        participant: anna,
        presence: Presence::InRoom,
        at: None,
    };
    let proxy = AttendanceOp::SetProxy {
        from: boris,
        proxy: Some(Proxy {
            from: boris,
            to: anna,
            note: String::new(),
        }),
    };
    for op in [arrive, proxy] {
        session.apply(Command::Attendance(op)).ok();
    }
}

fn room() -> Room {
    let (session, votes) = session();
    let code = session.participants[0].code.clone().unwrap_or_default();
    let giver = session.participants[1].id;
    let doc = Document::untitled(session);
    let shared = SharedSession::new(doc.session());
    let access = Arc::new(Access::default());
    access.allow_guests(true);
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let state = RoomState::new(doc.sender(), shared.clone(), Arc::clone(&access), stopping);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    Room {
        runtime,
        doc,
        shared,
        access,
        app: router(state),
        code,
        votes,
        giver,
        _stop: stop,
    }
}

thread_local! {
    static ROOM: RefCell<Room> = RefCell::new(room());
}

/// The request the input makes: byte 0 picks the path, byte 1 the method, byte 2 who asks,
/// the content type, the key and whether a ballot is cast by proxy; the rest is the path's tail (up to a 0xFF byte) and then the body.
fn request(room: &Room, data: &[u8]) -> Option<Request<Body>> {
    let [path, method, who, rest @ ..] = data else {
        return None;
    };
    let (tail, body) = match rest.iter().position(|b| *b == 0xff) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let tail = String::from_utf8_lossy(tail);
    let vote = room.votes[usize::from(*who) % room.votes.len()].0;
    let mut base = PATHS[usize::from(*path) % PATHS.len()].replace("{vote}", &vote.to_string());
    // A ballot cast by proxy, for the member whose proxy the participant holds.
    if who & 16 != 0 && base.ends_with("/ballot") {
        base.push_str(&format!("?for={}", room.giver.0));
    }
    let uri = if base.is_empty() {
        format!("/{tail}")
    } else {
        format!("{base}{tail}")
    };
    let method =
        [Method::GET, Method::POST, Method::PUT, Method::DELETE][usize::from(*method) % 4].clone();
    let token = match who % 4 {
        0 => None,
        1 => room
            .access
            .join(
                &room.shared.get(),
                &room.code,
                IpAddr::V4(Ipv4Addr::LOCALHOST),
            )
            .ok()
            .map(|(t, _)| t),
        2 => room.access.join_guest().ok(),
        _ => Some("forged-token-0000000000000000".to_owned()),
    };
    let mut builder = Request::builder().method(method).uri(uri);
    if who & 4 == 0 {
        builder = builder.header("content-type", "application/json");
    }
    if let Some(token) = token {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    if who & 8 != 0 {
        builder = builder.header(
            "idempotency-key",
            String::from_utf8_lossy(&body[..body.len().min(8)]).into_owned(),
        );
    }
    let mut request = builder.body(Body::from(body.to_vec())).ok()?;
    request.extensions_mut().insert(ConnectInfo(SocketAddr::new(
        IpAddr::V4(Ipv4Addr::new(10, 0, 0, who & 7)),
        40000,
    )));
    Some(request)
}

fuzz_target!(|data: &[u8]| {
    ROOM.with(|room| {
        let mut room = room.borrow_mut();
        let Some(request) = request(&room, data) else {
            return;
        };
        let events = request.uri().path() == "/api/events";
        let app = room.app.clone();
        let Room {
            runtime,
            doc,
            shared,
            ..
        } = &mut *room;
        runtime.block_on(async {
            let answer = app.oneshot(request);
            tokio::pin!(answer);
            let response = loop {
                tokio::select! {
                    response = &mut answer => break response,
                    () = tokio::time::sleep(Duration::from_millis(1)) => {
                        stratboard_room::owner_turn(doc, Some(shared));
                    }
                }
            };
            let Ok(response) = response;
            let status = response.status().as_u16();
            assert!((200..600).contains(&status), "{status}");
            assert_ne!(status, 500, "a handler failed");
            if !events {
                let body = axum::body::to_bytes(response.into_body(), 1 << 20).await;
                assert!(body.is_ok(), "the answer reads whole");
            }
        });
    });
});
