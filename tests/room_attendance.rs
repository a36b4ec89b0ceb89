//! The room and the session's attendance, against a real `stratboard serve` on 127.0.0.1: a
//! phone joining with a code registers its participant present (a guest registers nobody; a
//! rejoin keeps the first arrival), a proxy holder casts the ballots of the members they
//! represent (`?for=`), the giver cannot while the proxy stands and can once they are here
//! again, a member without a vote is refused, a secret proxy ballot is stored without its
//! voter, and `/api/state` tells a holder whom they vote for and nobody else.
#![allow(clippy::unwrap_used)]

mod room_support;

use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use room_support::{Served as Server, add_alternative, add_open_vote, add_participant};
use serde_json::{Value, json};
use stratboard_core::commands::{AttendanceOp, Command};
use stratboard_core::model::{
    Anonymity, ParticipantId, Presence, Proxy, Registration, Session, VoteId, VoteMethod,
};

const ANNA: usize = 0;
const BORIS: usize = 1;
const VERA: usize = 2;
const GLEB: usize = 3;
const DINA: usize = 4;
const EGOR: usize = 5;

/// When Anna (the holder) arrived, as the session file says.
fn anna_arrived() -> DateTime<Utc> {
    "2026-05-04T09:00:00Z".parse().unwrap()
}

/// Six participants — Gleb without a vote — an open consent vote and a secret one. Anna is
/// here and holds Boris's proxy; Boris is not here, so it stands.
fn session() -> Session {
    let mut s = Session::new("Attendance room");
    for name in ["Anna", "Boris", "Vera", "Gleb", "Dina", "Egor"] {
        add_participant(&mut s, name);
    }
    s.participants[GLEB].voting = false;
    add_alternative(&mut s, "Park");
    let park = vec![s.alternatives[0].id];
    let consent = VoteMethod::Consent { allow_block: false };
    add_open_vote(
        &mut s,
        "Open?",
        consent.clone(),
        Anonymity::Open,
        park.clone(),
    );
    add_open_vote(&mut s, "Secret?", consent, Anonymity::Secret, park);
    let (anna, boris) = (s.participants[ANNA].id, s.participants[BORIS].id);
    let arrive = AttendanceOp::Arrive {
        participant: anna,
        presence: Presence::InRoom,
        at: Some(anna_arrived()),
    };
    let proxy = AttendanceOp::SetProxy {
        from: boris,
        proxy: Some(Proxy {
            from: boris,
            to: anna,
            note: "No. 7".into(),
        }),
    };
    for op in [arrive, proxy] {
        s.apply(Command::Attendance(op)).unwrap();
    }
    s
}

fn serve(dir: &Path, extra: &[&str]) -> Server {
    let file = dir.join("room.ron");
    stratboard_core::storage::save(&file, &session(), None).unwrap();
    Server::start(&file, &dir.join("codes.csv"), extra)
}

fn serve_again(dir: &Path) -> Server {
    Server::start(&dir.join("room.ron"), &dir.join("codes.csv"), &[])
}

/// Stops `server` with SIGTERM (it saves and writes its devices file as it stops).
#[cfg(unix)]
fn stop(mut server: Server) {
    assert!(server.terminate());
    assert!(server.child.wait().unwrap().success());
}

fn on_disk(dir: &Path) -> Session {
    stratboard_core::storage::load(&dir.join("room.ron"))
        .unwrap()
        .session
}

/// Rewrites the session file (the room is stopped).
fn edit(dir: &Path, change: impl FnOnce(&mut Session)) {
    let mut session = on_disk(dir);
    change(&mut session);
    stratboard_core::storage::save(&dir.join("room.ron"), &session, None).unwrap();
}

/// One request with the token and headers given: the status and the body as JSON.
fn http_with(
    server: &Server,
    (method, path): (&str, &str),
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let reply = room_support::exchange_with(
        &mut stream,
        &server.address,
        (method, path),
        token,
        headers,
        body,
    );
    assert!(reply.error.is_none(), "{method} {path}: {:?}", reply.error);
    let body = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply.status, body)
}

fn state(server: &Server, token: &str) -> Value {
    let (status, state) = http_with(server, ("GET", "/api/state"), Some(token), &[], "");
    assert_eq!(status, 200, "{state}");
    state
}

fn join(server: &Server, who: usize) -> String {
    let body = json!({ "code": server.codes[who].2 }).to_string();
    let (status, body) = http_with(server, ("POST", "/api/join"), None, &[], &body);
    assert_eq!(status, 200, "{body}");
    body["token"].as_str().unwrap().to_owned()
}

fn id(server: &Server, who: usize) -> ParticipantId {
    ParticipantId(server.codes[who].0)
}

/// A ballot on `vote` from `token`, for `member` where given, with `key` where given.
fn cast(
    server: &Server,
    vote: VoteId,
    token: &str,
    member: Option<ParticipantId>,
    key: Option<&str>,
    body: &str,
) -> (u16, Value) {
    let query = member.map_or(String::new(), |m| format!("?for={}", m.0));
    let path = format!("/api/votes/{}/ballot{query}", vote.0);
    let headers: Vec<(&str, &str)> = key.map(|k| ("Idempotency-Key", k)).into_iter().collect();
    http_with(server, ("POST", &path), Some(token), &headers, body)
}

const FOR: &str = r#"{"Consent":"For"}"#;
const AGAINST: &str = r#"{"Consent":"Against"}"#;

/// The registration of `who` in the file, once it is there (a join's registration is saved
/// in the owner's next turn, without the join waiting for it).
fn registered(dir: &Path, who: ParticipantId) -> Registration {
    let started = Instant::now();
    loop {
        if let Some(found) = on_disk(dir).attendance.registration(who) {
            return *found;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{who:?} never registered"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn a_join_with_a_code_registers_the_participant_once_and_a_guest_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &["--guests"]);
    let vera = id(&server, VERA);
    let before = Utc::now();
    let token = join(&server, VERA);
    let here = registered(dir.path(), vera);
    assert_eq!((here.presence, here.left), (Presence::InRoom, None));
    let arrived = here.arrived.unwrap();
    assert!(before - chrono::Duration::seconds(1) <= arrived && arrived <= Utc::now());

    // A guest registers nobody: once Vera's ballot is saved, so is everything sent before it.
    let (status, _) = http_with(
        &server,
        ("POST", "/api/join"),
        None,
        &[],
        r#"{"guest":true}"#,
    );
    assert_eq!(status, 200);
    let vote = on_disk(dir.path()).votes[0].id;
    assert_eq!(cast(&server, vote, &token, None, None, FOR).0, 200);
    let registered_ids: Vec<ParticipantId> = on_disk(dir.path())
        .attendance
        .registrations
        .iter()
        .map(|r| r.participant)
        .collect();
    assert_eq!(registered_ids, vec![id(&server, ANNA), vera]);

    // Joining again, and again after a restart (the device kept in the devices file): the
    // first arrival stands.
    join(&server, VERA);
    stop(server);
    let server = serve_again(dir.path());
    assert_eq!(state(&server, &token)["name"], "Vera", "still joined");
    let token = join(&server, VERA);
    assert_eq!(cast(&server, vote, &token, None, None, AGAINST).0, 200);
    assert_eq!(
        on_disk(dir.path()).attendance.registration(vera),
        Some(&here)
    );

    // Marked as gone while the room was closed, she comes back by joining: here again, with
    // her first arrival.
    stop(server);
    edit(dir.path(), |s| {
        let op = AttendanceOp::Leave {
            participant: vera,
            at: Utc::now(),
        };
        s.apply(Command::Attendance(op)).unwrap();
    });
    assert!(!on_disk(dir.path()).attendance.is_here(vera));
    let server = serve_again(dir.path());
    let token = join(&server, VERA);
    assert_eq!(cast(&server, vote, &token, None, None, FOR).0, 200);
    assert_eq!(
        on_disk(dir.path()).attendance.registration(vera),
        Some(&here)
    );
}

#[cfg(unix)]
#[test]
fn a_holder_casts_the_givers_ballot_and_the_giver_votes_only_once_here_again() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &[]);
    let (anna, boris) = (id(&server, ANNA), id(&server, BORIS));
    let vote = on_disk(dir.path()).votes[0].id;
    // Boris's phone joined earlier; he has gone since (the facilitator marked him so).
    let boris_token = join(&server, BORIS);
    assert!(registered(dir.path(), boris).is_here());
    stop(server);
    edit(dir.path(), |s| {
        let op = AttendanceOp::Leave {
            participant: boris,
            at: Utc::now(),
        };
        s.apply(Command::Attendance(op)).unwrap();
    });
    let server = serve_again(dir.path());
    let anna_token = join(&server, ANNA);
    let vera_token = join(&server, VERA);

    // Anna's state says whom she votes for, and whether his ballot is in; Vera's says nothing
    // of anyone's proxy; Boris's says who votes for him.
    let anna_state = state(&server, &anna_token);
    assert_eq!(
        anna_state["proxy_for"],
        json!([{ "id": boris.0, "name": "Boris" }])
    );
    assert_eq!(
        anna_state["votes"][0]["proxies"],
        json!([{ "for": boris.0, "voted": false, "ballot": null }])
    );
    assert_eq!(
        (&anna_state["voting"], &anna_state["proxy_to"]),
        (&json!(true), &Value::Null)
    );
    let vera_state = state(&server, &vera_token);
    assert_eq!(vera_state["proxy_for"], json!([]));
    assert_eq!(vera_state["votes"][0]["proxies"], json!([]));
    assert_eq!(vera_state["proxy_to"], Value::Null);
    assert!(!vera_state.to_string().contains("Boris"), "{vera_state}");
    assert!(!vera_state.to_string().contains("Anna"), "{vera_state}");
    let boris_state = state(&server, &boris_token);
    assert_eq!(
        boris_state["proxy_to"],
        json!({ "id": anna.0, "name": "Anna" })
    );
    assert_eq!(boris_state["proxy_for"], json!([]));

    // While the proxy stands, Boris cannot vote himself; Anna casts his ballot.
    let (status, body) = cast(&server, vote, &boris_token, None, None, FOR);
    assert_eq!((status, body["error"].as_str()), (403, Some("proxy_given")));
    let (status, body) = cast(&server, vote, &anna_token, Some(boris), None, FOR);
    assert_eq!(
        (status, body["corrected"].as_bool()),
        (200, Some(false)),
        "{body}"
    );
    let round = on_disk(dir.path()).votes[0].rounds[0].clone();
    assert_eq!(round.voters, vec![boris], "Boris's ballot, not Anna's");
    assert_eq!(round.ballots.len(), 1);
    assert_eq!(round.ballots[0].voter, Some(boris));
    assert_eq!(round.ballots[0].choice, serde_json::from_str(FOR).unwrap());
    let anna_state = state(&server, &anna_token);
    assert_eq!(
        anna_state["votes"][0]["proxies"],
        json!([{ "for": boris.0, "voted": true, "ballot": { "Consent": "For" } }])
    );
    assert_eq!(anna_state["votes"][0]["voted"], false, "her own is not in");

    // A proxy ballot's Idempotency-Key is its own: the same key on Anna's own ballot and on
    // Boris's is two ballots, and each retry is answered as its first was.
    let (status, own) = cast(&server, vote, &anna_token, None, Some("same-key"), FOR);
    assert_eq!((status, own["corrected"].as_bool()), (200, Some(false)));
    let (status, proxied) = cast(
        &server,
        vote,
        &anna_token,
        Some(boris),
        Some("same-key"),
        AGAINST,
    );
    assert_eq!(
        (status, proxied["corrected"].as_bool()),
        (200, Some(true)),
        "cast, not the own ballot's answer again: {proxied}"
    );
    let retried = cast(
        &server,
        vote,
        &anna_token,
        Some(boris),
        Some("same-key"),
        AGAINST,
    );
    assert_eq!(retried, (200, proxied));
    assert_eq!(
        cast(&server, vote, &anna_token, None, Some("same-key"), FOR),
        (200, own)
    );
    let round = on_disk(dir.path()).votes[0].rounds[0].clone();
    assert_eq!(round.ballots.len(), 2);
    let boris_ballot = round.ballots.iter().find(|b| b.voter == Some(boris));
    assert_eq!(
        boris_ballot.unwrap().choice,
        serde_json::from_str(AGAINST).unwrap()
    );

    // No proxy of Vera's; a `for` that is not an id.
    let vera = id(&server, VERA);
    let (status, body) = cast(&server, vote, &anna_token, Some(vera), None, FOR);
    assert_eq!((status, body["error"].as_str()), (403, Some("no_proxy")));
    let path = format!("/api/votes/{}/ballot?for=Boris", vote.0);
    let (status, body) = http_with(&server, ("POST", &path), Some(&anna_token), &[], FOR);
    assert_eq!((status, body["error"].as_str()), (400, Some("bad-request")));

    // Boris comes back (his phone joins again): the proxy is suspended, he votes himself and
    // Anna no longer can for him.
    join(&server, BORIS);
    let (status, body) = cast(&server, vote, &boris_token, None, None, FOR);
    assert_eq!(
        (status, body["corrected"].as_bool()),
        (200, Some(true)),
        "{body}"
    );
    let (status, body) = cast(&server, vote, &anna_token, Some(boris), None, AGAINST);
    assert_eq!((status, body["error"].as_str()), (403, Some("no_proxy")));
    let round = on_disk(dir.path()).votes[0].rounds[0].clone();
    let boris_ballot = round.ballots.iter().find(|b| b.voter == Some(boris));
    assert_eq!(
        boris_ballot.unwrap().choice,
        serde_json::from_str(FOR).unwrap()
    );
    assert_eq!(state(&server, &anna_token)["proxy_for"], json!([]));
    assert_eq!(state(&server, &boris_token)["proxy_to"], Value::Null);

    // A participant without a vote is told so.
    let gleb = join(&server, GLEB);
    assert_eq!(state(&server, &gleb)["voting"], false);
    let (status, body) = cast(&server, vote, &gleb, None, None, FOR);
    assert_eq!((status, body["error"].as_str()), (403, Some("no_vote")));
    assert_eq!(on_disk(dir.path()).votes[0].rounds[0].ballots.len(), 2);
}

#[test]
fn a_secret_proxy_ballot_is_stored_without_its_voter_and_cast_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &[]);
    let (anna, boris) = (id(&server, ANNA), id(&server, BORIS));
    let vote = on_disk(dir.path()).votes[1].id;
    let anna_token = join(&server, ANNA);
    let others: Vec<String> = [VERA, DINA, EGOR]
        .into_iter()
        .map(|who| join(&server, who))
        .collect();
    // Four ballots wait for their batch (Anna's own and Boris's by her among them); the fifth
    // seals all five.
    let sent = |token: &str, member: Option<ParticipantId>, key: &str| {
        cast(&server, vote, token, member, Some(key), FOR)
    };
    let answers: Vec<(u16, Value)> = std::thread::scope(|scope| {
        let held = [
            scope.spawn(|| sent(&anna_token, None, "anna")),
            scope.spawn(|| sent(&anna_token, Some(boris), "anna-for-boris")),
            scope.spawn(|| sent(&others[0], None, "vera")),
            scope.spawn(|| sent(&others[1], None, "dina")),
        ];
        std::thread::sleep(Duration::from_secs(2));
        let fifth = sent(&others[2], None, "egor");
        let mut answers: Vec<_> = held.into_iter().map(|h| h.join().unwrap()).collect();
        answers.push(fifth);
        answers
    });
    for (status, body) in &answers {
        assert_eq!(*status, 200, "{body}");
    }
    let round = on_disk(dir.path()).votes[1].rounds[0].clone();
    assert_eq!(round.ballots.len(), 5);
    assert!(round.ballots.iter().all(|b| b.voter.is_none()), "voterless");
    assert!(round.voters.contains(&boris) && round.voters.contains(&anna));
    let anna_state = state(&server, &anna_token);
    let shown = &anna_state["votes"][1];
    assert_eq!(
        shown["proxies"],
        json!([{ "for": boris.0, "voted": true, "ballot": null }])
    );
    // A second ballot for Boris is refused as a second of one's own is; a retry of the first
    // is answered as it was.
    let (status, body) = sent(&anna_token, Some(boris), "anna-for-boris-again");
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("already-voted"))
    );
    assert_eq!(sent(&anna_token, Some(boris), "anna-for-boris"), answers[1]);
    assert_eq!(on_disk(dir.path()).votes[1].rounds[0].ballots.len(), 5);
}
