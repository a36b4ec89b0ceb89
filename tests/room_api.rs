//! The room's JSON API against a real `stratboard serve` on 127.0.0.1: joining, the state,
//! ballots of several kinds, every refusal, the join limit, the body cap, ideas, durability
//! (a ballot answered 200 is already in the file), guests, live updates (server-sent events)
//! and a clean stop on SIGTERM.
#![allow(clippy::unwrap_used)]

mod room_support;

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;

use room_support::{Served as Server, add_alternative, add_open_vote, add_participant};
use serde_json::{Value, json};
use stratboard_core::commands::{Command, VoteOp};
use stratboard_core::model::{Anonymity, ParticipantId, Session, VoteId, VoteMethod};

/// A session with three participants, three alternatives and open votes: consent (open),
/// Schulze (anonymous; secret votes wait for batches of five: see
/// `secret_ballots_wait_for_a_batch_of_five`), dot voting (anonymous, 3 dots), and a closed plurality vote.
fn session() -> Session {
    let mut s = Session::new("Room test");
    for name in ["Anna", "Boris", "Vera"] {
        add_participant(&mut s, name);
    }
    for title in ["Park", "School", "Road"] {
        add_alternative(&mut s, title);
    }
    let alternatives: Vec<_> = s.alternatives.iter().map(|a| a.id).collect();
    let votes = [
        (
            "Build the park?",
            VoteMethod::Consent { allow_block: true },
            Anonymity::Open,
            vec![alternatives[0]],
        ),
        (
            "Which first?",
            VoteMethod::Schulze,
            Anonymity::Anonymous,
            alternatives.clone(),
        ),
        (
            "Spend dots",
            VoteMethod::Dot { dots: 3, cap: None },
            Anonymity::Anonymous,
            alternatives.clone(),
        ),
        (
            "Closed one",
            VoteMethod::Plurality,
            Anonymity::Open,
            alternatives.clone(),
        ),
    ];
    for (question, method, anonymity, alternatives) in votes {
        add_open_vote(&mut s, question, method, anonymity, alternatives);
    }
    let closed = s.votes[3].id;
    s.apply(Command::Vote {
        vote: closed,
        op: VoteOp::Close {
            at: chrono::Utc::now(),
        },
    })
    .unwrap();
    s
}

fn serve(dir: &Path) -> Server {
    serve_with(dir, &[])
}

fn serve_with(dir: &Path, extra: &[&str]) -> Server {
    let file = dir.join("room.ron");
    stratboard_core::storage::save(&file, &session(), None).unwrap();
    Server::start(&file, &dir.join("codes.csv"), extra)
}

/// One HTTP/1.1 request; the status and the body as JSON (`Null` when it is not JSON).
fn http(
    server: &Server,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let reply = room_support::exchange(&mut stream, &server.address, method, path, token, body);
    if let Some(error) = reply.error {
        panic!("{method} {path}: {error}");
    }
    let body = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply.status, body)
}

fn join(server: &Server, who: usize) -> String {
    let code = &server.codes[who].2;
    let (status, body) = http(
        server,
        "POST",
        "/api/join",
        None,
        &json!({"code": code}).to_string(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], server.codes[who].1.as_str());
    body["token"].as_str().unwrap().to_owned()
}

fn on_disk(dir: &Path) -> Session {
    stratboard_core::storage::load(&dir.join("room.ron"))
        .unwrap()
        .session
}

#[test]
fn phones_join_vote_and_send_ideas_under_the_cores_rules() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    assert_eq!(server.codes.len(), 3, "a code for every participant");
    let saved = on_disk(dir.path());
    assert!(
        saved.participants.iter().all(|p| p.code.is_some()),
        "codes are saved"
    );

    // Joining.
    let (status, body) = http(&server, "POST", "/api/join", None, r#"{"code":"AAAAAAAA"}"#);
    assert_eq!((status, body["error"].as_str()), (401, Some("wrong-code")));
    let anna = join(&server, 0);
    let boris = join(&server, 1);
    assert_eq!(http(&server, "GET", "/api/state", None, "").0, 401);
    assert_eq!(http(&server, "GET", "/api/state", Some("0123"), "").0, 401);

    // The state lists the open votes only.
    let (status, state) = http(&server, "GET", "/api/state", Some(&anna), "");
    assert_eq!(status, 200);
    let votes = state["votes"].as_array().unwrap();
    assert_eq!(votes.len(), 3, "{state}");
    assert!(votes.iter().all(|v| v["voted"] == false));
    let consent = VoteId(votes[0]["id"].as_u64().unwrap() as u32);
    let secret = VoteId(votes[1]["id"].as_u64().unwrap() as u32);
    let dots = VoteId(votes[2]["id"].as_u64().unwrap() as u32);
    let alternatives: Vec<u64> = votes[1]["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_u64().unwrap())
        .collect();
    let ballot = |vote: VoteId| format!("/api/votes/{}/ballot", vote.0);

    // An open consent vote: accepted (durable: already in the file), then corrected.
    let (status, body) = http(
        &server,
        "POST",
        &ballot(consent),
        Some(&anna),
        r#"{"Consent":"For"}"#,
    );
    assert_eq!(
        (status, body["corrected"].as_bool()),
        (200, Some(false)),
        "{body}"
    );
    let round = &on_disk(dir.path()).votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 1, "in the file before the answer");
    let (status, body) = http(
        &server,
        "POST",
        &ballot(consent),
        Some(&anna),
        r#"{"Consent":"Block"}"#,
    );
    assert_eq!(
        (status, body["corrected"].as_bool()),
        (200, Some(true)),
        "{body}"
    );
    let (_, state) = http(&server, "GET", "/api/state", Some(&anna), "");
    assert_eq!(state["votes"][0]["voted"], true);
    assert_eq!(state["votes"][0]["ballot"], json!({"Consent": "Block"}));

    // An anonymous ranked vote: a second ballot corrects the first.
    let ranking = json!({"Ranking": [[alternatives[1]], [alternatives[0], alternatives[2]]]});
    for token in [&boris, &anna] {
        let (status, body) = http(
            &server,
            "POST",
            &ballot(secret),
            Some(token),
            &ranking.to_string(),
        );
        assert_eq!(
            (status, body["corrected"].as_bool()),
            (200, Some(false)),
            "{body}"
        );
    }
    let (status, body) = http(
        &server,
        "POST",
        &ballot(secret),
        Some(&anna),
        &ranking.to_string(),
    );
    assert_eq!(
        (status, body["corrected"].as_bool()),
        (200, Some(true)),
        "{body}"
    );
    let file = on_disk(dir.path());
    assert_eq!(file.votes[1].rounds[0].ballots.len(), 2);

    // Refusals: wrong kind, unknown alternative, over the dot budget, not JSON — each with the
    // problem the page words (never the parser's or the core's English).
    for (vote, body, problem) in [
        (dots, r#"{"Consent":"For"}"#.to_owned(), "wrong-kind"),
        (
            dots,
            json!({"Dots": [{"alternative": 999, "dots": 1}]}).to_string(),
            "not-on-ballot",
        ),
        (
            dots,
            json!({"Dots": [{"alternative": alternatives[0], "dots": 4}]}).to_string(),
            "over-budget",
        ),
        (dots, "not json".to_owned(), "unreadable"),
    ] {
        let (status, answer) = http(&server, "POST", &ballot(vote), Some(&boris), &body);
        assert_eq!(
            (status, answer["error"].as_str(), answer["problem"].as_str()),
            (400, Some("bad-ballot"), Some(problem)),
            "{body}: {answer}"
        );
    }
    let spend = json!({"Dots": [{"alternative": alternatives[0], "dots": 2}, {"alternative": alternatives[2], "dots": 1}]});
    assert_eq!(
        http(
            &server,
            "POST",
            &ballot(dots),
            Some(&boris),
            &spend.to_string()
        )
        .0,
        200
    );

    // A closed vote, a vote that does not exist, a body over the cap.
    let closed = VoteId(file.votes[3].id.0);
    let (status, body) = http(
        &server,
        "POST",
        &ballot(closed),
        Some(&anna),
        &json!({"Ranking": [[alternatives[0]]]}).to_string(),
    );
    assert_eq!((status, body["error"].as_str()), (403, Some("closed")));
    assert_eq!(
        http(&server, "POST", &ballot(VoteId(9999)), Some(&anna), "{}").0,
        404
    );
    let huge = format!(r#"{{"text":"{}"}}"#, "x".repeat(20 * 1024));
    assert_eq!(
        http(&server, "POST", "/api/ideas", Some(&anna), &huge).0,
        413
    );

    // Ideas: hidden alternatives with their author; an empty one is refused.
    assert_eq!(
        http(
            &server,
            "POST",
            "/api/ideas",
            Some(&anna),
            r#"{"text":"  "}"#
        )
        .0,
        400
    );
    // A right-to-left override and a bell are dropped at the door.
    let (status, _) = http(
        &server,
        "POST",
        "/api/ideas",
        Some(&anna),
        r#"{"text":"<b>Велодорожки</b>\u202e\u0007"}"#,
    );
    assert_eq!(status, 201);
    let idea = on_disk(dir.path())
        .alternatives
        .into_iter()
        .find(|a| a.title.starts_with("<b>Велодорожки</b>"))
        .unwrap();
    assert_eq!(idea.title, "<b>Велодорожки</b>");
    assert!(idea.hidden);
    assert_eq!(
        idea.proposer,
        Some(stratboard_core::model::Proposer::Participant(
            ParticipantId(server.codes[0].0)
        ))
    );

    // Nothing but the page and the API: never the session file.
    for path in ["/room.ron", "/../room.ron", "/api/session"] {
        let (status, _) = http(&server, "GET", path, None, "");
        assert_eq!(status, 404, "{path}");
    }
    let (status, _) = http(&server, "GET", "/", None, "");
    assert_eq!(status, 200);
}

#[test]
fn guessing_codes_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let statuses: Vec<u16> = (0..12)
        .map(|_| http(&server, "POST", "/api/join", None, r#"{"code":"ZZZZZZZZ"}"#).0)
        .collect();
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(&statuses[10..], &[429, 429]);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly_with_every_ballot_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve(dir.path());
    let anna = join(&server, 0);
    let consent = on_disk(dir.path()).votes[0].id;
    let path = format!("/api/votes/{}/ballot", consent.0);
    assert_eq!(
        http(
            &server,
            "POST",
            &path,
            Some(&anna),
            r#"{"Consent":"Against"}"#
        )
        .0,
        200
    );
    let killed = server.terminate();
    assert!(killed);
    let status = server.child.wait().unwrap();
    assert!(status.success(), "exit 0 on SIGTERM: {status:?}");
    let round = &on_disk(dir.path()).votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 1);
}

#[test]
fn guests_send_ideas_and_never_vote_and_only_when_let_in() {
    let dir = tempfile::tempdir().unwrap();
    let closed_room = serve(dir.path());
    let (status, info) = http(&closed_room, "GET", "/api/room", None, "");
    assert_eq!((status, &info["guests"]), (200, &json!(false)));
    assert_eq!(info["session"], "Room test");
    let (status, body) = http(&closed_room, "POST", "/api/join", None, r#"{"guest":true}"#);
    assert_eq!((status, body["error"].as_str()), (403, Some("guests-off")));
    drop(closed_room);

    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &["--guests"]);
    assert_eq!(
        http(&server, "GET", "/api/room", None, "").1["guests"],
        true
    );
    let (status, body) = http(&server, "POST", "/api/join", None, r#"{"guest":true}"#);
    assert_eq!(
        (status, &body["participant"]),
        (200, &Value::Null),
        "{body}"
    );
    let guest = body["token"].as_str().unwrap().to_owned();
    let (status, state) = http(&server, "GET", "/api/state", Some(&guest), "");
    assert_eq!(status, 200);
    assert_eq!(state["guest"], true);
    assert_eq!(state["votes"], json!([]), "a guest sees no votes");
    let consent = on_disk(dir.path()).votes[0].id;
    let (status, body) = http(
        &server,
        "POST",
        &format!("/api/votes/{}/ballot", consent.0),
        Some(&guest),
        r#"{"Consent":"For"}"#,
    );
    assert_eq!((status, body["error"].as_str()), (403, Some("guest")));
    let (status, _) = http(
        &server,
        "POST",
        "/api/ideas",
        Some(&guest),
        r#"{"text":"A guest's idea"}"#,
    );
    assert_eq!(status, 201);
    let file = on_disk(dir.path());
    let idea = file
        .alternatives
        .iter()
        .find(|a| a.title == "A guest's idea")
        .unwrap();
    assert!(idea.hidden);
    assert_eq!(idea.proposer, None, "a guest's idea has no author");
    assert!(file.votes[0].rounds[0].ballots.is_empty());
}

/// Reads from an event stream until `count` `changed` events have come.
fn read_events(stream: &mut TcpStream, seen: &mut String, count: usize) {
    let mut buffer = [0u8; 4096];
    while seen.matches("event: changed").count() < count {
        let read = stream.read(&mut buffer).unwrap();
        assert!(read > 0, "the stream ended early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buffer[..read]));
    }
}

#[cfg(unix)]
#[test]
fn phones_hear_about_changes_and_the_stream_ends_when_the_room_stops() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve(dir.path());
    let anna = join(&server, 0);
    let boris = join(&server, 1);
    assert_eq!(
        http(&server, "GET", "/api/events?token=nope", None, "").0,
        401
    );
    let mut events = TcpStream::connect(&server.address).unwrap();
    events
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    write!(
        events,
        "GET /api/events?token={anna} HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut seen = String::new();
    read_events(&mut events, &mut seen, 1);
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    assert!(seen.contains("text/event-stream"), "{seen}");

    // Boris votes: what Anna's phone shows (who has voted) changed.
    let consent = on_disk(dir.path()).votes[0].id;
    let path = format!("/api/votes/{}/ballot", consent.0);
    assert_eq!(
        http(&server, "POST", &path, Some(&boris), r#"{"Consent":"For"}"#).0,
        200
    );
    read_events(&mut events, &mut seen, 2);

    // Stopping the room ends the stream instead of waiting for the phone to hang up.
    server.terminate();
    let mut rest = Vec::new();
    events.read_to_end(&mut rest).unwrap();
    assert!(server.child.wait().unwrap().success());
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let mut slow = TcpStream::connect(&server.address).unwrap();
    slow.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        slow,
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ",
        server.address
    )
    .unwrap();
    // The server closes the connection (after its header timeout) instead of waiting forever;
    // meanwhile others are served.
    assert_eq!(http(&server, "GET", "/api/room", None, "").0, 200);
    let mut rest = Vec::new();
    let read = slow.read_to_end(&mut rest);
    assert!(
        read.is_ok(),
        "closed by the server, not by our 30 s timeout: {read:?}"
    );
}

/// A ranked ballot that puts alternatives level: the state describes the ranked ballot (its
/// form allows ties), the ballot is accepted, and it is counted as a tie.
#[test]
fn a_ranked_ballot_with_a_tie_is_accepted_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let anna = join(&server, 0);
    let boris = join(&server, 1);
    let (_, state) = http(&server, "GET", "/api/state", Some(&anna), "");
    let ranked = &state["votes"][1];
    let options = ranked["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].clone())
        .collect::<Vec<_>>();
    assert_eq!(
        ranked["form"],
        json!({
            "ask": "rank",
            "options": options,
            "input": {"kind": "rank", "places": 3},
            "ties": true,
        }),
        "{state}"
    );
    assert_eq!(
        state["votes"][0]["form"]["input"],
        json!({"kind": "consent", "choices": ["For", "Against", "Abstain", "Block"]})
    );
    assert_eq!(
        state["votes"][2]["form"]["input"],
        json!({"kind": "dots", "budget": 3, "cap": null})
    );
    // Park and Road level at the top, School below: from both phones.
    let tie = json!({"Ranking": [[options[0], options[2]], [options[1]]]});
    let path = format!("/api/votes/{}/ballot", ranked["id"]);
    for token in [&anna, &boris] {
        let (status, body) = http(&server, "POST", &path, Some(token), &tie.to_string());
        assert_eq!(status, 200, "{body}");
    }
    let session = on_disk(dir.path());
    let vote = &session.votes[1];
    let round = vote.rounds.last().unwrap();
    assert_eq!(round.ballots.len(), 2);
    let groups: Vec<Vec<u64>> = serde_json::from_value(tie["Ranking"].clone()).unwrap();
    let expected = stratboard_core::model::Choice::Ranking(
        groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|id| stratboard_core::model::AlternativeId(*id as u32))
                    .collect()
            })
            .collect(),
    );
    assert!(round.ballots.iter().all(|b| b.choice == expected));
    let tally = stratboard_core::voting::count_round(vote, round).unwrap();
    let mut winners = tally.winners.clone();
    winners.sort();
    assert_eq!(
        winners,
        vec![vote.alternatives[0], vote.alternatives[2]],
        "the two put level win together"
    );
}

#[test]
fn leaving_forgets_the_device_and_the_code_joins_again() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let token = join(&server, 0);
    assert_eq!(http(&server, "GET", "/api/state", Some(&token), "").0, 200);
    let (status, body) = http(&server, "POST", "/api/leave", Some(&token), "");
    assert_eq!(
        (status, body["left"].as_bool()),
        (200, Some(true)),
        "{body}"
    );
    let (status, body) = http(&server, "GET", "/api/state", Some(&token), "");
    assert_eq!((status, body["error"].as_str()), (401, Some("not-joined")));
    // Leaving twice, or without a token, is refused the same way.
    assert_eq!(http(&server, "POST", "/api/leave", Some(&token), "").0, 401);
    assert_eq!(http(&server, "POST", "/api/leave", None, "").0, 401);
    let again = join(&server, 0);
    assert_eq!(http(&server, "GET", "/api/state", Some(&again), "").0, 200);
}

/// A ballot on `vote` with an `Idempotency-Key`: the status and the body as text (to compare
/// answers byte for byte).
fn ballot_with_key(
    server: &Server,
    vote: VoteId,
    token: &str,
    key: &str,
    body: &str,
) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let path = format!("/api/votes/{}/ballot", vote.0);
    let reply = room_support::exchange_with(
        &mut stream,
        &server.address,
        ("POST", &path),
        Some(token),
        &[("Idempotency-Key", key)],
        body,
    );
    assert!(reply.error.is_none(), "{:?}", reply.error);
    (reply.status, reply.body)
}

/// A ranking of the session's first alternative, as a ballot's body.
fn first_ranked(session: &Session) -> String {
    json!({"Ranking": [[session.alternatives[0].id.0]]}).to_string()
}

#[test]
fn a_retried_ballot_is_answered_as_the_first_was_and_cast_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let anna = join(&server, 0);
    let saved = on_disk(dir.path());
    let (consent, secret) = (saved.votes[0].id, saved.votes[1].id);
    let ranking = first_ranked(&saved);

    let first = ballot_with_key(&server, secret, &anna, "phone-1_a", &ranking);
    assert_eq!(first.0, 200, "{}", first.1);
    let again = ballot_with_key(&server, secret, &anna, "phone-1_a", &ranking);
    assert_eq!(again, first, "the retry is answered as the first was");
    assert_eq!(on_disk(dir.path()).votes[1].rounds[0].ballots.len(), 1);

    // Another key is another ballot: it corrects the first, and is answered so again.
    let other = ballot_with_key(&server, secret, &anna, "phone-1_b", &ranking);
    assert_eq!(other.0, 200, "{}", other.1);
    assert!(other.1.contains(r#""corrected":true"#), "{}", other.1);
    assert_eq!(
        ballot_with_key(&server, secret, &anna, "phone-1_b", &ranking),
        other
    );
    assert_eq!(on_disk(dir.path()).votes[1].rounds[0].ballots.len(), 1);

    // Sent at once with one key: one cast (a second would be answered "corrected").
    let answers: Vec<(u16, String)> = std::thread::scope(|scope| {
        let sent: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    ballot_with_key(&server, consent, &anna, "at-once", r#"{"Consent":"For"}"#)
                })
            })
            .collect();
        sent.into_iter().map(|s| s.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    let body: Value = serde_json::from_str(&answers[0].1).unwrap();
    assert_eq!(
        (answers[0].0, body["corrected"].as_bool()),
        (200, Some(false))
    );

    // A key that is not 1 to 64 characters of [A-Za-z0-9_-]: refused before anything is cast.
    let long = "k".repeat(65);
    for bad in ["a b", "a/b", "a.b", long.as_str()] {
        let (status, body) =
            ballot_with_key(&server, consent, &anna, bad, r#"{"Consent":"Against"}"#);
        assert_eq!(status, 400, "{bad:?}: {body}");
        assert!(body.contains("bad-request"), "{body}");
    }
    let round = &on_disk(dir.path()).votes[0].rounds[0];
    assert_eq!(round.ballots.len(), 1);
    assert_eq!(
        round.ballots[0].choice,
        serde_json::from_str(r#"{"Consent":"For"}"#).unwrap()
    );
}

/// The session's devices file.
fn devices_file(dir: &Path) -> std::path::PathBuf {
    dir.join("room.ron.devices")
}

/// Stops `server` with SIGTERM (it writes its devices file as it stops) and waits for it.
#[cfg(unix)]
fn stop(mut server: Server) {
    assert!(server.terminate());
    assert!(server.child.wait().unwrap().success());
}

/// Starts `serve` again on the same session file, keeping its codes.
/// The page goes out gzipped to a phone that takes gzip (a quarter of the bytes), and as
/// plain HTML to one that does not.
#[test]
fn the_page_is_gzipped_where_the_phone_takes_it() {
    use std::io::{Read as _, Write as _};
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let page = |accept: &str| -> (String, usize) {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{accept}\r\n",
            server.address
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&answer[..split]).to_lowercase();
        (head, answer.len() - split - 4)
    };
    let (head, gzipped) = page("Accept-Encoding: gzip, deflate\r\n");
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(head.contains("vary: accept-encoding"), "{head}");
    let (head, plain) = page("");
    assert!(!head.contains("content-encoding"), "{head}");
    assert_eq!(plain, stratboard_room::page::PHONE_PAGE.len());
    assert!(gzipped * 3 < plain, "{gzipped} of {plain} bytes");
}

fn serve_again(dir: &Path) -> Server {
    Server::start(&dir.join("room.ron"), &dir.join("codes.csv"), &[])
}

#[cfg(unix)]
#[test]
fn a_device_stays_joined_across_a_restart_and_a_retry_is_still_answered() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let anna = join(&server, 0);
    let saved = on_disk(dir.path());
    let (consent, secret) = (saved.votes[0].id, saved.votes[1].id);
    let ranking = first_ranked(&saved);
    let first = ballot_with_key(&server, secret, &anna, "before-restart", &ranking);
    assert_eq!(first.0, 200, "{}", first.1);
    stop(server);

    let server = serve_again(dir.path());
    let (status, state) = http(&server, "GET", "/api/state", Some(&anna), "");
    assert_eq!(
        (status, state["name"].as_str()),
        (200, Some("Anna")),
        "{state}"
    );
    assert_eq!(state["votes"][1]["voted"], true);
    // The phone never heard the answer and sends again: answered as before, not "already
    // voted", and still one ballot.
    assert_eq!(
        ballot_with_key(&server, secret, &anna, "before-restart", &ranking),
        first
    );
    assert_eq!(on_disk(dir.path()).votes[1].rounds[0].ballots.len(), 1);
    let path = format!("/api/votes/{}/ballot", consent.0);
    let (status, body) = http(&server, "POST", &path, Some(&anna), r#"{"Consent":"For"}"#);
    assert_eq!(status, 200, "{body}");
}

#[test]
fn a_join_is_kept_within_moments_even_when_serve_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = serve(dir.path());
    let anna = join(&server, 0);
    // The devices file is written at most a quarter of a second after a join.
    std::thread::sleep(std::time::Duration::from_secs(1));
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let server = serve_again(dir.path());
    assert_eq!(http(&server, "GET", "/api/state", Some(&anna), "").0, 200);
}

#[cfg(unix)]
#[test]
fn a_device_whose_code_was_replaced_is_told_it_was_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let (anna, boris) = (join(&server, 0), join(&server, 1));
    stop(server);
    // A new code for Anna while the room is closed (the window's New code, or any edit).
    let file = dir.path().join("room.ron");
    let mut session = on_disk(dir.path());
    session.participants[0].code = Some("HJKMNPQR".into());
    stratboard_core::storage::save(&file, &session, None).unwrap();

    let server = serve_again(dir.path());
    let consent = session.votes[0].id;
    let path = format!("/api/votes/{}/ballot", consent.0);
    for (method, path, body) in [
        ("GET", "/api/state", ""),
        ("POST", &path, r#"{"Consent":"For"}"#),
    ] {
        let (status, answer) = http(&server, method, path, Some(&anna), body);
        assert_eq!(
            (status, answer["error"].as_str()),
            (401, Some("revoked")),
            "{path}"
        );
    }
    let (status, answer) = http(&server, "GET", "/api/state", Some("0123"), "");
    assert_eq!(
        (status, answer["error"].as_str()),
        (401, Some("not-joined"))
    );
    assert_eq!(http(&server, "GET", "/api/state", Some(&boris), "").0, 200);
    assert_eq!(server.codes[0].2, "HJKMNPQR");
    let again = join(&server, 0);
    assert_eq!(http(&server, "GET", "/api/state", Some(&again), "").0, 200);
    // Still revoked after another restart.
    stop(server);
    let server = serve_again(dir.path());
    let (status, answer) = http(&server, "GET", "/api/state", Some(&anna), "");
    assert_eq!((status, answer["error"].as_str()), (401, Some("revoked")));
}

#[test]
fn a_broken_devices_file_does_not_stop_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("room.ron");
    stratboard_core::storage::save(&file, &session(), None).unwrap();
    std::fs::write(devices_file(dir.path()), "{ not a devices file").unwrap();
    let server = Server::start(&file, &dir.path().join("codes.csv"), &[]);
    let anna = join(&server, 0);
    assert_eq!(http(&server, "GET", "/api/state", Some(&anna), "").0, 200);
    let aside = dir.path().join("room.ron.devices.broken");
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "{ not a devices file",
        "moved aside, not overwritten"
    );
}

#[cfg(unix)]
#[test]
fn the_devices_file_holds_no_token_and_only_its_owner_reads_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &["--guests"]);
    let anna = join(&server, 0);
    let (status, guest) = http(&server, "POST", "/api/join", None, r#"{"guest":true}"#);
    assert_eq!(status, 200);
    let guest = guest["token"].as_str().unwrap().to_owned();
    let codes: Vec<String> = server.codes.iter().map(|c| c.2.clone()).collect();
    stop(server);
    let path = devices_file(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("stratboard-room-devices"), "{text}");
    for secret in [&anna, &guest].into_iter().chain(&codes) {
        assert!(
            !text.contains(secret.as_str()),
            "{secret} in the devices file"
        );
    }
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

/// A session with six participants and one open secret consent vote.
fn secret_session() -> Session {
    let mut s = Session::new("Secret room");
    for name in ["Anna", "Boris", "Vera", "Gleb", "Dina", "Egor"] {
        add_participant(&mut s, name);
    }
    add_alternative(&mut s, "Park");
    let park = vec![s.alternatives[0].id];
    let method = VoteMethod::Consent { allow_block: false };
    add_open_vote(&mut s, "Build the park?", method, Anonymity::Secret, park);
    s
}

/// Four secret ballots are held: each phone hears `202 {"waiting":"batch"}` after about 11 s
/// and nothing is on disk; the fifth seals all five, and the four phones' retries (same key)
/// are answered 200.
#[test]
fn secret_ballots_wait_for_a_batch_of_five() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("room.ron");
    stratboard_core::storage::save(&file, &secret_session(), None).unwrap();
    let server = Server::start(&file, &dir.path().join("codes.csv"), &[]);
    let tokens: Vec<String> = (0..5).map(|who| join(&server, who)).collect();
    let vote = on_disk(dir.path()).votes[0].id;
    let body = r#"{"Consent":"For"}"#;
    let started = std::time::Instant::now();
    let first: Vec<(u16, String)> = std::thread::scope(|scope| {
        let sent: Vec<_> = (0..4)
            .map(|n| {
                let (server, token) = (&server, &tokens[n]);
                scope.spawn(move || ballot_with_key(server, vote, token, &format!("k{n}"), body))
            })
            .collect();
        sent.into_iter().map(|s| s.join().unwrap()).collect()
    });
    for (status, answer) in &first {
        assert_eq!((*status, answer.as_str()), (202, r#"{"waiting":"batch"}"#));
    }
    assert!(started.elapsed() >= std::time::Duration::from_secs(10));
    let round = &on_disk(dir.path()).votes[0].rounds[0];
    assert!(
        round.ballots.is_empty() && round.voters.is_empty(),
        "nothing on disk"
    );
    // A second ballot of a voter already held is refused at once.
    let (status, answer) = ballot_with_key(&server, vote, &tokens[0], "k0-again", body);
    assert_eq!(status, 409, "{answer}");
    // The fifth: all five are saved together.
    let fifth = ballot_with_key(&server, vote, &tokens[4], "k4", body);
    assert_eq!(fifth.0, 200, "{}", fifth.1);
    let round = &on_disk(dir.path()).votes[0].rounds[0];
    assert_eq!((round.ballots.len(), round.voters.len()), (5, 5));
    assert!(round.ballots.iter().all(|b| b.voter.is_none()));
    for (n, token) in tokens.iter().take(4).enumerate() {
        let retry = ballot_with_key(&server, vote, token, &format!("k{n}"), body);
        assert_eq!(retry.0, 200, "{}", retry.1);
    }
}

/// Sends ideas as `token` until one is refused (at most `tries`); the statuses.
fn ideas_until_refused(server: &Server, token: &str, tries: usize) -> Vec<(u16, Value)> {
    let mut answers = Vec::new();
    for n in 0..tries {
        let body = json!({ "text": format!("Idea {n} of {token}") }).to_string();
        let answer = http(server, "POST", "/api/ideas", Some(token), &body);
        let refused = answer.0 != 201;
        answers.push(answer);
        if refused {
            break;
        }
    }
    answers
}

#[test]
fn one_device_cannot_flood_the_room_with_ideas() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), &["--guests"]);
    let anna = join(&server, 0);
    let answers = ideas_until_refused(&server, &anna, 12);
    let (status, body) = answers.last().unwrap();
    assert_eq!(
        (*status, body["error"].as_str()),
        (429, Some("too-many-ideas")),
        "{answers:?}"
    );
    assert!(answers.len() <= 6, "at most five a minute: {answers:?}");
    // Joining again gives no fresh budget: a participant's devices count together.
    let again = join(&server, 0);
    let (status, _) = http(
        &server,
        "POST",
        "/api/ideas",
        Some(&again),
        r#"{"text":"more"}"#,
    );
    assert_eq!(status, 429);
    // Another participant is not held back; a guest is held to fewer.
    assert_eq!(ideas_until_refused(&server, &join(&server, 1), 1)[0].0, 201);
    let (_, guest) = http(&server, "POST", "/api/join", None, r#"{"guest":true}"#);
    let guest = guest["token"].as_str().unwrap();
    let answers = ideas_until_refused(&server, guest, 12);
    assert_eq!(answers.last().unwrap().0, 429, "{answers:?}");
    assert!(answers.len() <= 3, "at most two a minute: {answers:?}");
    let stored = on_disk(dir.path()).alternatives.len();
    assert!(stored <= 3 + 5 + 1 + 2, "{stored} alternatives");
}

/// Sends `request` as it is and reads the whole answer (head and body) as text.
fn raw(server: &Server, request: &str) -> String {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

/// The value of the header `name` in an answer's head (lower case), if there.
fn header_of(answer: &str, name: &str) -> Option<String> {
    let head = answer.split("\r\n\r\n").next()?;
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

/// `'sha256-…'` of the text between `open` and `close` in `page`.
fn hash_of_inline(page: &str, open: &str, close: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let inside = page
        .split_once(open)
        .unwrap()
        .1
        .split_once(close)
        .unwrap()
        .0;
    let digest = sha2::Sha256::digest(inside.as_bytes());
    let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
    format!("'sha256-{encoded}'")
}

#[test]
fn another_sites_page_cannot_talk_to_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let code = &server.codes[0].2;
    let body = json!({ "code": code }).to_string();
    // A cross-origin "simple" request: text/plain needs no preflight in a browser.
    let plain = format!(
        "POST /api/join HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
         Content-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
        server.address,
        body.len()
    );
    let answer = raw(&server, &plain);
    assert!(answer.starts_with("HTTP/1.1 415"), "{answer}");
    assert!(
        answer.contains(r#""error":"unsupported-media-type""#),
        "{answer}"
    );
    // With a charset, JSON is JSON.
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let reply = room_support::exchange_with(
        &mut stream,
        &server.address,
        ("POST", "/api/join"),
        None,
        &[],
        &body,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    // DNS rebinding: a name that now points at the room is not the room.
    let port = server.address.rsplit(':').next().unwrap();
    for host in [format!("evil.example:{port}"), "127.0.0.1:1".to_owned()] {
        let request =
            format!("GET /api/room HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let answer = raw(&server, &request);
        assert!(answer.starts_with("HTTP/1.1 421"), "{host}: {answer}");
        assert!(answer.contains(r#""error":"wrong-host""#), "{answer}");
    }
    let request =
        format!("GET /api/room HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n");
    assert!(raw(&server, &request).starts_with("HTTP/1.1 200"));
}

#[test]
fn every_answer_carries_the_security_headers_and_the_policy_allows_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let get = |path: &str| {
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.address
        );
        raw(&server, &request)
    };
    let page = get("/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    for answer in [
        &page,
        &get("/api/room"),
        &get("/nothing"),
        &get("/api/state"),
    ] {
        assert_eq!(
            header_of(answer, "x-frame-options").as_deref(),
            Some("DENY")
        );
        assert_eq!(
            header_of(answer, "referrer-policy").as_deref(),
            Some("no-referrer")
        );
        assert_eq!(
            header_of(answer, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert_eq!(
            header_of(answer, "cache-control").as_deref(),
            Some("no-store")
        );
        let policy = header_of(answer, "content-security-policy").unwrap();
        for part in [
            "default-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(part), "{policy}");
        }
    }
    // The policy names the page's own inline script and style, else a browser refuses them.
    let policy = header_of(&page, "content-security-policy").unwrap();
    let html = page.split_once("\r\n\r\n").unwrap().1;
    let script = hash_of_inline(html, "<script>", "</script>");
    let style = hash_of_inline(html, "<style>", "</style>");
    assert!(policy.contains(&format!("script-src {script}")), "{policy}");
    assert!(policy.contains(&format!("style-src {style}")), "{policy}");
}

/// One HTTP/1.1 request from the source address `from` (any of 127/8 on Linux, where all of
/// it is the machine itself): the status and the body as JSON.
#[cfg(target_os = "linux")]
fn http_from(
    server: &Server,
    from: [u8; 4],
    (method, path): (&str, &str),
    token: Option<&str>,
    body: &str,
) -> (u16, Value) {
    let mut stream = connect_from(server, from);
    let reply = room_support::exchange(&mut stream, &server.address, method, path, token, body);
    let body = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply.status, body)
}

/// A connection to the server from the source address `from`.
#[cfg(target_os = "linux")]
fn connect_from(server: &Server, from: [u8; 4]) -> TcpStream {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    let source = std::net::SocketAddr::from((from, 0));
    socket.bind(&source.into()).unwrap();
    let target: std::net::SocketAddr = server.address.parse().unwrap();
    socket.connect(&target.into()).unwrap();
    socket.into()
}

#[cfg(target_os = "linux")]
#[test]
fn an_attacker_spending_the_wrong_code_budget_does_not_lock_out_a_right_code() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let wrong = r#"{"code":"ZZZZZZZZ"}"#;
    // Ten addresses, ten wrong codes each: the room's hundred a minute are spent.
    for n in 2..12 {
        for _ in 0..10 {
            let (status, _) =
                http_from(&server, [127, 0, 0, n], ("POST", "/api/join"), None, wrong);
            assert_eq!(status, 401);
        }
    }
    let (status, body) = http_from(&server, [127, 0, 0, 2], ("POST", "/api/join"), None, wrong);
    assert_eq!(
        (status, body["error"].as_str()),
        (429, Some("too-many-tries"))
    );
    // A phone that typed no wrong code still gets in with its right code.
    let right = json!({ "code": server.codes[0].2 }).to_string();
    let (status, body) = http_from(
        &server,
        [127, 0, 0, 20],
        ("POST", "/api/join"),
        None,
        &right,
    );
    assert_eq!(status, 200, "{body}");
}

#[test]
fn a_fourth_device_on_one_code_signs_out_the_oldest() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let devices: Vec<String> = (0..4).map(|_| join(&server, 0)).collect();
    let (status, body) = http(&server, "GET", "/api/state", Some(&devices[0]), "");
    assert_eq!((status, body["error"].as_str()), (401, Some("not-joined")));
    for device in &devices[1..] {
        assert_eq!(http(&server, "GET", "/api/state", Some(device), "").0, 200);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn one_address_holding_many_connections_leaves_the_room_to_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let attacker = [127, 0, 0, 2];
    // 64 connections from one address, each sending its headers a byte at a time (here: never
    // finishing them), as many as one address may hold.
    let held: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut stream = connect_from(&server, attacker);
            write!(
                stream,
                "GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ",
                server.address
            )
            .unwrap();
            stream
        })
        .collect();
    // One more from it is not served as an ordinary connection: told busy…
    let (status, body) = http_from(&server, attacker, ("GET", "/api/room"), None, "");
    assert_eq!(
        (status, body["error"].as_str()),
        (503, Some("busy")),
        "{body}"
    );
    // …but a join still gets through (the reserve), from it and from anyone else.
    let code = |who: usize| json!({ "code": server.codes[who].2 }).to_string();
    let (status, joined) = http_from(&server, attacker, ("POST", "/api/join"), None, &code(0));
    assert_eq!(status, 200, "{joined}");
    let (status, body) = http_from(
        &server,
        [127, 0, 0, 3],
        ("POST", "/api/join"),
        None,
        &code(1),
    );
    assert_eq!(status, 200, "{body}");
    // A joined device's requests from the busy address are served too.
    let token = joined["token"].as_str().unwrap();
    let (status, _) = http_from(&server, attacker, ("GET", "/api/state"), Some(token), "");
    assert_eq!(status, 200);
    drop(held);
}

#[test]
fn a_token_keeps_two_event_streams_and_a_third_ends_the_oldest() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path());
    let anna = join(&server, 0);
    let open = || {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        write!(
            stream,
            "GET /api/events?token={anna} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.address
        )
        .unwrap();
        let mut seen = String::new();
        read_events(&mut stream, &mut seen, 1);
        stream
    };
    let mut first = open();
    let _second = open();
    let _third = open();
    // The oldest stream ends: the server closes it. (A stream left open would send a
    // keep-alive comment every 15 s: two of them and no end means it was not ended.)
    let mut rest = String::new();
    let mut buffer = [0u8; 1024];
    loop {
        let read = first.read(&mut buffer).unwrap();
        if read == 0 {
            break;
        }
        rest.push_str(&String::from_utf8_lossy(&buffer[..read]));
        assert!(
            rest.matches("\n:").count() < 2,
            "the oldest stream was not ended: {rest:?}"
        );
    }
}
