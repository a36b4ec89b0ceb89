//! The room's HTTP API, which the phone page itself uses (a contract: tests and other clients
//! rely on it; `API.md` beside this crate documents it):
//!
//! - `GET /` and `GET /join/{code}`: the phone page.
//! - `GET /api/room`: what anyone sees before joining: `{"session","language","guests"}`.
//! - `POST /api/join` `{"code":"ABCDEFGH"}` → 200 `{"token","participant","name"}` (the
//!   participant registered present unless here already: [`crate::attendance`]), 401 for a
//!   wrong code, 429 after too many wrong codes. `{"guest":true}` joins a guest (no code) →
//!   200 `{"token","participant":null,"name":""}`, 403 `guests-off` when the room does not
//!   let guests in.
//! - `GET /api/state` (Bearer): the open votes and whether this participant has voted (a
//!   guest sees no votes: `"guest": true`), whether they have a vote and their own proxies
//!   (whom they vote for, with each vote's `proxies`, or who votes for them). Each vote
//!   carries its ballot's `form`, the core's description (`stratboard_core::ballot::Form`:
//!   `ask`, `options`, `input` with its `kind` and limits, `ties`), which the phone page draws
//!   without knowing the voting methods.
//! - `GET /api/events?token=TOKEN`: server-sent events; an event `changed` (data: a digest)
//!   comes at once and then whenever what phones show changes (a vote opens, closes, gets a
//!   new round or ballot). The page then asks `/api/state` again.
//! - `POST /api/votes/{vote_id}/ballot[?for=ID]` (Bearer), body a model `Choice` as JSON → 200
//!   once durable (with `for`: the ballot of the member whose standing proxy this participant
//!   holds); 400 invalid ballot; 403 not allowed (closed, not eligible, guest, no vote, proxy
//!   given, no such proxy); 404 no such vote; 409 already voted where corrections are not
//!   allowed; 413 body over the cap. With an `Idempotency-Key`, a retry (by the same device,
//!   for the same member) is answered as the first request was and casts nothing
//!   ([`crate::idempotency`]).
//! - `POST /api/ideas` (Bearer) `{"text":"…"}` → 201 once durable.
//!
//! Errors are JSON `{"error": CODE, "message": TEXT}`; the page words them by `CODE`. A
//! request with a token the room does not know is refused 401 `not-joined`; one with the token
//! of a device sent away (its participant has a new code), 401 `revoked`.

use std::convert::Infallible;
use std::hash::{Hash as _, Hasher as _};
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, RawQuery, State};
use axum::http::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper::body::Incoming;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tower::ServiceExt as _;

use crate::access::{Access, Checked, Device, JoinRefusal, TokenRefusal};
use crate::attendance::{ProxyBallot, Standing, Whose};
use crate::conns::{Admission, Caps, Tally};
use crate::ideas::{IdeaBudget, IdeaSender};
use crate::idempotency::{self, Answer, InFlight, Turn};
use crate::streams::{STREAM_IDLE, Streams, streams_per_address};
use crate::{
    BODY_LIMIT, BUSY_HEADER_TIMEOUT, BUSY_RETRY_AFTER, DURABLE_WAIT, HEADER_TIMEOUT,
    REQUEST_TIMEOUT, SharedSession,
};
use stratboard_core::ballot::{self, Form};
use stratboard_core::commands::{
    Command, CommandError, Item, ItemRef, Outcome, VoteOp, VoteRefusal,
};
use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{
    Alternative, AlternativeId, Anonymity, BallotProblem, Choice, ParticipantId, Proposer, Session,
    Vote, VoteId, VoteMethod, VoteRound, VoteStatus,
};

/// The longest idea a phone may send, in characters.
pub const IDEA_MAX_CHARS: usize = 500;

/// What every request handler shares.
#[derive(Clone)]
pub struct RoomState {
    sender: CommandSender,
    session: SharedSession,
    access: Arc<Access>,
    /// Becomes `true` when the room stops: open event streams end, so the stop is not held up.
    stopping: tokio::sync::watch::Receiver<bool>,
    /// The ideas each guest's device sent (a participant's are found by proposer), so that
    /// "My ideas" lists them; kept while the room runs.
    guest_ideas: Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<AlternativeId>>>>,
    /// Ballots with an idempotency key under way.
    in_flight: Arc<InFlight>,
    /// The ideas counted per participant, guest and room ([`crate::ideas`]).
    ideas: Arc<IdeaBudget>,
    /// The open event streams, per token and address ([`crate::streams`]).
    streams: Arc<Streams>,
}

impl RoomState {
    /// The state of a room sending to `sender`, reading `session`, ending its event streams
    /// when `stopping` becomes true.
    pub fn new(
        sender: CommandSender,
        session: SharedSession,
        access: Arc<Access>,
        stopping: tokio::sync::watch::Receiver<bool>,
    ) -> Self {
        Self {
            sender,
            session,
            access,
            stopping,
            guest_ideas: Arc::default(),
            in_flight: Arc::default(),
            ideas: Arc::default(),
            streams: Arc::default(),
        }
    }
}

/// The room's routes, with the body cap, the request timeout and the checks and headers of
/// [`crate::guard`] (outermost: its headers are on every answer, a 408 or 413 included).
pub fn router(state: RoomState) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/join/{code}", get(page))
        .route("/api/room", get(room_info))
        .route("/api/join", post(join))
        .route("/api/leave", post(leave))
        .route("/api/state", get(room_state))
        .route("/api/events", get(events))
        .route("/api/votes/{vote}/ballot", post(ballot))
        .route("/api/ideas", post(idea))
        .fallback(not_found)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn(crate::guard::guard))
        .with_state(state)
}

/// Serves the router on `listener` until `stopped`, with each client's address known (for
/// the join limit). The process's open-files limit is raised first and the caps fitted under
/// it ([`crate::conns`]). Each connection must send a request's headers within
/// [`HEADER_TIMEOUT`] (a slow or silent client cannot hold it), at most [`crate::MAX_CONNECTIONS`]
/// are served at once and [`crate::conns::per_address_cap`] from one address (one more is
/// answered `503 busy` with `Retry-After`, or served from the reserve when it is a join or
/// carries a known token), and on stop every connection is shut down gracefully: requests
/// under way are answered, event streams end.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: RoomState,
    stopped: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let caps = Caps::fitting(crate::conns::raise_open_files());
    serve_at_most(listener, state, stopped, caps).await
}

/// What the accept loop hands each connection it serves.
#[derive(Clone)]
struct Serving {
    app: Router,
    access: Arc<Access>,
    reserve: Arc<tokio::sync::Semaphore>,
    closed: tokio::sync::watch::Receiver<bool>,
}

/// [`serve`] with the caps given.
async fn serve_at_most(
    listener: tokio::net::TcpListener,
    state: RoomState,
    stopped: impl std::future::Future<Output = ()> + Send + 'static,
    caps: Caps,
) -> std::io::Result<()> {
    let access = Arc::clone(&state.access);
    let (closing, closed) = tokio::sync::watch::channel(false);
    let serving = Serving {
        app: router(state),
        access,
        reserve: Arc::new(tokio::sync::Semaphore::new(caps.reserved)),
        closed,
    };
    let ordinary = Arc::new(tokio::sync::Semaphore::new(caps.served - caps.reserved));
    let overflow = Arc::new(tokio::sync::Semaphore::new(caps.overflow));
    let tally = Arc::new(Tally::default());
    let per_address = crate::conns::per_address_cap();
    let mut connections = tokio::task::JoinSet::new();
    let mut stopped = std::pin::pin!(stopped);
    loop {
        let (stream, client) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors or a connection reset before accept: wait a moment.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut stopped => break,
        };
        // Finished connections are reaped as new ones come.
        while connections.try_join_next().is_some() {}
        stream.set_nodelay(true).ok();
        let ticket = match tally.admit(client.ip(), per_address) {
            Admission::Ordinary(ticket) => match Arc::clone(&ordinary).try_acquire_owned() {
                Ok(slot) => {
                    let serving = serving.clone();
                    connections.spawn(async move {
                        let _held = (slot, ticket);
                        serve_connection(serving.app, stream, client, serving.closed).await;
                    });
                    continue;
                }
                Err(_) => ticket,
            },
            Admission::Overflow(ticket) => ticket,
            // Its address holds as many as it may, and as many more being answered.
            Admission::Refused => continue,
        };
        // No ordinary slot: one request, from the reserve or told busy. Past even those
        // answers the system is out of room, and the connection is closed.
        if let Ok(answering) = Arc::clone(&overflow).try_acquire_owned() {
            let serving = serving.clone();
            connections.spawn(async move {
                let _held = (answering, ticket);
                answer_overflow(serving, stream, client).await;
            });
        }
    }
    closing.send_replace(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}

/// Serves one connection with `app` until it ends, or gracefully once `closing` is set.
async fn serve_connection(
    app: Router,
    stream: tokio::net::TcpStream,
    client: SocketAddr,
    mut closing: tokio::sync::watch::Receiver<bool>,
) {
    let local = stream.local_addr().ok().map(crate::guard::Local);
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(client));
        if let Some(local) = local {
            request.extensions_mut().insert(local);
        }
        app.clone().oneshot(request.map(axum::body::Body::new))
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    let mut connection = std::pin::pin!(connection);
    let stop = async move { closing.wait_for(|closing| *closing).await.is_ok() };
    let stopping = tokio::select! {
        _ = connection.as_mut() => false,
        stopping = stop => stopping,
    };
    if stopping {
        connection.as_mut().graceful_shutdown();
        connection.await.ok();
    }
}

/// Answers a connection that found no ordinary slot: its request's headers are read within
/// [`BUSY_HEADER_TIMEOUT`]; a join or a request with a known device's token is served from
/// the reserve while it has room, anything else is read (so closing does not reset the answer
/// away) and answered `503 busy` with `Retry-After`. Then the connection is closed.
async fn answer_overflow(serving: Serving, stream: tokio::net::TcpStream, client: SocketAddr) {
    let local = stream.local_addr().ok().map(crate::guard::Local);
    let Serving {
        app,
        access,
        reserve,
        mut closed,
    } = serving;
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        let admitted = reservable(&request, &access)
            .then(|| Arc::clone(&reserve).try_acquire_owned().ok())
            .flatten();
        request.extensions_mut().insert(ConnectInfo(client));
        if let Some(local) = local {
            request.extensions_mut().insert(local);
        }
        let app = app.clone();
        async move {
            let Some(_reserved) = admitted else {
                let body = axum::body::Body::new(request.into_body());
                let read = axum::body::to_bytes(body, BODY_LIMIT);
                tokio::time::timeout(BUSY_HEADER_TIMEOUT, read).await.ok();
                return Ok::<_, Infallible>(busy());
            };
            app.oneshot(request.map(axum::body::Body::new)).await
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(BUSY_HEADER_TIMEOUT)
        .keep_alive(false);
    let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    let mut connection = std::pin::pin!(connection);
    let stop = async move { closed.wait_for(|closing| *closing).await.is_ok() };
    let longest = REQUEST_TIMEOUT + BUSY_HEADER_TIMEOUT * 2;
    let stopping = tokio::select! {
        _ = tokio::time::timeout(longest, connection.as_mut()) => false,
        stopping = stop => stopping,
    };
    if stopping {
        connection.as_mut().graceful_shutdown();
        tokio::time::timeout(longest, connection).await.ok();
    }
}

/// Whether a request may be served from the reserve: a join, or a request (other than an
/// event stream) with the Bearer token of a device the room knows.
fn reservable(request: &Request<Incoming>, access: &Access) -> bool {
    let path = request.uri().path();
    if request.method() == axum::http::Method::POST && path == "/api/join" {
        return true;
    }
    path != "/api/events" && bearer(request.headers()).is_some_and(|t| access.device(t).is_some())
}

/// `503 busy`, with `Retry-After` in seconds.
fn busy() -> Response {
    let mut answer = refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        Reason::Busy,
        "the room is serving as many connections as it can; try again shortly",
    );
    answer.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from(BUSY_RETRY_AFTER.as_secs()),
    );
    answer
}

/// An error answer: a status, the reason the page words (`"error"`), and an English detail
/// for logs (`"message"`; the page never shows it).
pub fn refuse(status: StatusCode, reason: Reason, message: impl std::fmt::Display) -> Response {
    let body = json!({ "error": reason.code(), "message": message.to_string() });
    (status, Json(body)).into_response()
}

/// Every reason the server refuses a request for: the `"error"` of the answer's JSON body. The
/// phone page has a sentence in Russian and in English for each (a test checks it), so no
/// server or parser text reaches a participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No such page or endpoint.
    NotFound,
    /// The request's body is not what the endpoint reads.
    BadRequest,
    /// No participant has the code.
    WrongCode,
    /// Too many wrong codes from this device or address.
    TooManyTries,
    /// The server has no randomness for a token, or is not taking ballots now.
    Unavailable,
    /// The room serves as many connections as it can; the answer says when to try again
    /// (`Retry-After`).
    Busy,
    /// The room lets no guests in.
    GuestsOff,
    /// The room has as many guests as it takes.
    TooManyGuests,
    /// The request has no valid token.
    NotJoined,
    /// The device was sent away: its participant was given a new code.
    Revoked,
    /// A guest tried to vote.
    Guest,
    /// There is no such vote.
    NoVote,
    /// The vote (or its round) is not open.
    Closed,
    /// The ballot is not a valid ballot of the vote (`"problem"` says why).
    BadBallot,
    /// A secret ballot was cast already.
    AlreadyVoted,
    /// The participant may not vote in this vote.
    NotEligible,
    /// The ballot could not be saved to the session's file.
    NotSaved,
    /// The idea is empty.
    EmptyIdea,
    /// The idea is longer than the room takes.
    IdeaTooLong,
    /// This device (or the room's guests together) sent as many ideas as the room takes for
    /// now ([`crate::ideas`]).
    TooManyIdeas,
    /// Refused for another reason.
    Refused,
    /// The session file has reached its size limit: nothing more can be kept in it.
    SessionFull,
    /// The request names the room by a name, or another port, rather than its IP address and
    /// port (DNS rebinding: [`crate::guard`]).
    WrongHost,
    /// A `POST` whose body is not said to be JSON (`Content-Type: application/json`).
    UnsupportedMediaType,
    /// The participant takes part without a vote (`no_vote`: the word the attendance issue
    /// gave it; not [`Reason::NoVote`], which is a vote id that does not exist).
    NoRightToVote,
    /// The participant gave their vote by a proxy that stands: its holder casts their ballot.
    ProxyGiven,
    /// A ballot cast for another member (`?for=`) whose standing proxy this participant does
    /// not hold.
    NoProxy,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Self; 27] = [
        Self::NotFound,
        Self::BadRequest,
        Self::WrongCode,
        Self::TooManyTries,
        Self::Unavailable,
        Self::Busy,
        Self::GuestsOff,
        Self::TooManyGuests,
        Self::NotJoined,
        Self::Revoked,
        Self::Guest,
        Self::NoVote,
        Self::Closed,
        Self::BadBallot,
        Self::AlreadyVoted,
        Self::NotEligible,
        Self::NotSaved,
        Self::EmptyIdea,
        Self::IdeaTooLong,
        Self::TooManyIdeas,
        Self::Refused,
        Self::SessionFull,
        Self::WrongHost,
        Self::UnsupportedMediaType,
        Self::NoRightToVote,
        Self::ProxyGiven,
        Self::NoProxy,
    ];

    /// The reason as the answer names it.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotFound => "not-found",
            Self::BadRequest => "bad-request",
            Self::WrongCode => "wrong-code",
            Self::TooManyTries => "too-many-tries",
            Self::Unavailable => "unavailable",
            Self::Busy => "busy",
            Self::GuestsOff => "guests-off",
            Self::TooManyGuests => "too-many-guests",
            Self::NotJoined => "not-joined",
            Self::Revoked => "revoked",
            Self::Guest => "guest",
            Self::NoVote => "no-vote",
            Self::Closed => "closed",
            Self::BadBallot => "bad-ballot",
            Self::AlreadyVoted => "already-voted",
            Self::NotEligible => "not-eligible",
            Self::NotSaved => "not-saved",
            Self::EmptyIdea => "empty-idea",
            Self::IdeaTooLong => "idea-too-long",
            Self::TooManyIdeas => "too-many-ideas",
            Self::Refused => "refused",
            Self::SessionFull => "session-full",
            Self::WrongHost => "wrong-host",
            Self::UnsupportedMediaType => "unsupported-media-type",
            Self::NoRightToVote => "no_vote",
            Self::ProxyGiven => "proxy_given",
            Self::NoProxy => "no_proxy",
        }
    }
}

/// Why a ballot is not valid, as the answer names it (`"problem"`, beside `"error":
/// "bad-ballot"`), with the numbers the page's sentence needs. `unreadable`: the body is not a
/// ballot at all.
pub fn ballot_problem(problem: &BallotProblem) -> serde_json::Value {
    match problem {
        BallotProblem::WrongKind => json!({ "problem": "wrong-kind" }),
        BallotProblem::Nothing => json!({ "problem": "nothing" }),
        BallotProblem::Empty => json!({ "problem": "empty" }),
        BallotProblem::NotOnBallot(_) => json!({ "problem": "not-on-ballot" }),
        BallotProblem::Repeated(_) => json!({ "problem": "repeated" }),
        BallotProblem::BlockNotAllowed => json!({ "problem": "block-not-allowed" }),
        BallotProblem::NotOneChoice => json!({ "problem": "not-one-choice" }),
        BallotProblem::EmptyPlace => json!({ "problem": "empty-place" }),
        BallotProblem::OverBudget(n) => json!({ "problem": "over-budget", "n": n }),
        BallotProblem::OverCap(n) => json!({ "problem": "over-cap", "n": n }),
        BallotProblem::OutOfScale { min, max, .. } => {
            json!({ "problem": "out-of-scale", "min": min, "max": max })
        }
        BallotProblem::Ungraded => json!({ "problem": "ungraded" }),
        BallotProblem::Criteria => json!({ "problem": "criteria" }),
    }
}

/// Every `"problem"` a refused ballot can name.
pub const BALLOT_PROBLEMS: [&str; 14] = [
    "unreadable",
    "wrong-kind",
    "nothing",
    "empty",
    "not-on-ballot",
    "repeated",
    "block-not-allowed",
    "not-one-choice",
    "empty-place",
    "over-budget",
    "over-cap",
    "out-of-scale",
    "ungraded",
    "criteria",
];

/// The answer to a ballot that is not valid: `bad-ballot` and its `problem`.
fn bad_ballot(problem: serde_json::Value, message: impl std::fmt::Display) -> Response {
    let mut body = json!({ "error": Reason::BadBallot.code(), "message": message.to_string() });
    if let (Some(body), Some(problem)) = (body.as_object_mut(), problem.as_object()) {
        body.extend(problem.clone());
    }
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// The phone page, gzipped where the phone takes it.
async fn page(headers: HeaderMap) -> Response {
    let common = [
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::VARY, "Accept-Encoding"),
    ];
    let gzip = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .is_some_and(crate::page::accepts_gzip);
    let packed = crate::page::phone_page_gzip();
    if gzip && !packed.is_empty() {
        return (
            common,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CONTENT_ENCODING, "gzip"),
            ],
            packed,
        )
            .into_response();
    }
    (common, Html(crate::page::PHONE_PAGE)).into_response()
}

async fn not_found() -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        Reason::NotFound,
        "there is nothing here",
    )
}

async fn room_info(State(room): State<RoomState>) -> Response {
    let session = room.session.get();
    Json(json!({
        "session": session.meta.title,
        "language": session_language(&session),
        "guests": room.access.guests_allowed(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct JoinRequest {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    guest: bool,
}

async fn join(
    State(room): State<RoomState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Response {
    let request = match serde_json::from_slice::<JoinRequest>(&body) {
        Ok(JoinRequest { guest: true, .. }) => {
            return match room.access.join_guest() {
                Ok(token) => {
                    Json(json!({ "token": token, "participant": null, "name": "" })).into_response()
                }
                Err(refusal) => join_refused(refusal),
            };
        }
        Ok(JoinRequest {
            code: Some(code), ..
        }) => code,
        _ => {
            return refuse(
                StatusCode::BAD_REQUEST,
                Reason::BadRequest,
                "expected {\"code\":\"…\"} or {\"guest\":true}",
            );
        }
    };
    let session = room.session.get();
    match room.access.join(&session, &request, client.ip()) {
        Ok((token, participant)) => {
            crate::attendance::register_arrival(&room.sender, &session, participant);
            let name = session
                .participants
                .iter()
                .find(|p| p.id == participant)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            Json(json!({ "token": token, "participant": participant.0, "name": name }))
                .into_response()
        }
        Err(refusal) => join_refused(refusal),
    }
}

/// The answer to a refused join.
fn join_refused(refusal: JoinRefusal) -> Response {
    use StatusCode as S;
    let (status, code, text) = match refusal {
        JoinRefusal::WrongCode => (S::UNAUTHORIZED, Reason::WrongCode, WRONG_CODE),
        JoinRefusal::TooManyTries => (S::TOO_MANY_REQUESTS, Reason::TooManyTries, TOO_MANY_TRIES),
        JoinRefusal::NoRandomness => (S::SERVICE_UNAVAILABLE, Reason::Unavailable, NO_RANDOMNESS),
        JoinRefusal::GuestsOff => (S::FORBIDDEN, Reason::GuestsOff, GUESTS_OFF),
        JoinRefusal::TooManyGuests => (S::SERVICE_UNAVAILABLE, Reason::TooManyGuests, ROOM_FULL),
    };
    refuse(status, code, text)
}

/// What a refused join says.
const WRONG_CODE: &str = "no participant has this code";
const TOO_MANY_TRIES: &str = "too many wrong codes; wait a minute";
const NO_RANDOMNESS: &str = "no randomness for a token";
const GUESTS_OFF: &str = "this room does not let guests in; join with your code";
const ROOM_FULL: &str = "the room is full of guests";

/// `POST /api/leave`: the device forgets itself (a phone handed to someone else). The token
/// stops working at once; the participant can join again with their code.
async fn leave(State(room): State<RoomState>, headers: HeaderMap) -> Response {
    match bearer(&headers) {
        Some(token) if room.access.forget(token) => Json(json!({ "left": true })).into_response(),
        _ => not_joined(),
    }
}

/// The bearer token of a request, if it has one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The device of the request's bearer token, checked against the room's copy of the session
/// (a participant's device works while they keep the code it joined with); no token is an
/// unknown one.
fn device(room: &RoomState, headers: &HeaderMap) -> Result<Checked, TokenRefusal> {
    let token = bearer(headers).ok_or(TokenRefusal::Unknown)?;
    room.access.check(token, &room.session.get())
}

/// The answer to a refused token: 401 `not-joined` or `revoked`.
fn unjoined(refusal: TokenRefusal) -> Response {
    match refusal {
        TokenRefusal::Unknown => not_joined(),
        TokenRefusal::Revoked => revoked(),
    }
}

/// The answer to a request without a valid token.
fn not_joined() -> Response {
    refuse(
        StatusCode::UNAUTHORIZED,
        Reason::NotJoined,
        "join with your code first",
    )
}

/// The answer to a request from a device sent away (its participant has a new code).
fn revoked() -> Response {
    refuse(
        StatusCode::UNAUTHORIZED,
        Reason::Revoked,
        "this device was sent away: the participant has a new code; join with it",
    )
}

/// One alternative as the phone shows it.
#[derive(Serialize)]
struct Named {
    id: u32,
    title: String,
}

/// One open vote as the phone shows it.
#[derive(Serialize)]
struct OpenVote {
    id: u32,
    round: u32,
    question: String,
    method: VoteMethod,
    anonymity: Anonymity,
    alternatives: Vec<Named>,
    /// Matrix votes: the criteria (goals) with their titles.
    criteria: Vec<Named>,
    voted: bool,
    /// Whether a new ballot replaces this participant's ballot (open and anonymous votes).
    can_correct: bool,
    /// This participant's ballot, where the vote keeps who cast it.
    ballot: Option<Choice>,
    /// The ballots of the members this participant votes for by proxy, as their own.
    proxies: Vec<ProxyBallot>,
    /// The ballot to fill in: what is asked, the options, the input and its limits.
    form: Form,
    /// When the round closes by itself (milliseconds since 1970, UTC), if it is timed.
    deadline: Option<i64>,
}

/// The phone page's language: the session's.
fn session_language(session: &Session) -> &'static str {
    match session.language() {
        stratboard_core::model::Language::Russian => "ru",
        stratboard_core::model::Language::English => "en",
    }
}

/// `vote` as `me`'s phone shows it, with the ballots of `givers` (whose proxies `me` holds).
fn open_vote(
    session: &Session,
    vote: &Vote,
    me: ParticipantId,
    givers: &[ParticipantId],
) -> Option<OpenVote> {
    let no_round = VoteRound {
        number: 1,
        ..VoteRound::default()
    };
    let round = vote.rounds.last().unwrap_or(&no_round);
    let title = |id| {
        session
            .alternatives
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.title.clone())
            .unwrap_or_default()
    };
    let criteria = match &vote.method {
        VoteMethod::Matrix { criteria, .. } => criteria
            .iter()
            .map(|c| Named {
                id: c.goal.0,
                title: session
                    .goals
                    .iter()
                    .find(|g| g.id == c.goal)
                    .map(|g| g.title.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(OpenVote {
        id: vote.id.0,
        round: round.number,
        question: vote.question.clone(),
        method: vote.method.clone(),
        anonymity: vote.anonymity,
        alternatives: vote
            .alternatives
            .iter()
            .map(|id| Named {
                id: id.0,
                title: title(*id),
            })
            .collect(),
        criteria,
        voted: round.voters.contains(&me),
        can_correct: vote.anonymity != Anonymity::Secret,
        ballot: round
            .ballots
            .iter()
            .find(|b| b.voter == Some(me))
            .map(|b| b.choice.clone()),
        proxies: ProxyBallot::all(round, givers),
        form: Form::of(vote),
        deadline: round.deadline.map(|at| at.timestamp_millis()),
    })
}

async fn room_state(State(room): State<RoomState>, headers: HeaderMap) -> Response {
    let session = room.session.get();
    let token = bearer(&headers).unwrap_or_default().to_owned();
    let me = match device(&room, &headers).map(|checked| checked.device) {
        Err(refusal) => return unjoined(refusal),
        Ok(Device::Guest) => None,
        Ok(Device::Participant(me)) => Some(me),
    };
    let name = me
        .and_then(|me| session.participant(me))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let standing = Standing::of(&session, me);
    let givers = standing.givers();
    let votes: Vec<OpenVote> = match me {
        Some(me) => session
            .votes
            .iter()
            .filter(|v| v.status == VoteStatus::Open)
            .filter_map(|v| open_vote(&session, v, me, &givers))
            .collect(),
        None => Vec::new(),
    };
    let front = room.session.shown_on_phones().map(|vote| vote.0);
    Json(json!({
        "participant": me.map(|me| me.0),
        "name": name,
        "guest": me.is_none(),
        "voting": standing.voting,
        "proxy_to": standing.proxy_to,
        "proxy_for": standing.proxy_for,
        "session": session.meta.title,
        "language": session_language(&session),
        "votes": votes,
        "front": front,
        "results": room.session.results().as_slice(),
        "ideas": my_ideas(&room, &session, me, &token),
        "now": chrono::Utc::now().timestamp_millis(),
    }))
    .into_response()
}

/// The ideas this device sent (a participant's: every idea proposed in their name), in the
/// order sent, each with whether it has been revealed to the room.
fn my_ideas(
    room: &RoomState,
    session: &Session,
    me: Option<ParticipantId>,
    token: &str,
) -> Vec<serde_json::Value> {
    let word = |a: &Alternative| json!({ "title": a.title, "revealed": !a.hidden });
    match me {
        Some(me) => session
            .alternatives
            .iter()
            .filter(|a| a.proposer == Some(Proposer::Participant(me)))
            .map(word)
            .collect(),
        None => room
            .guest_ideas
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(token)
            .into_iter()
            .flatten()
            .filter_map(|id| session.alternative(*id))
            .map(word)
            .collect(),
    }
}

/// Sends `command` as a durable request and waits (without holding a thread) for the answer.
/// After [`DURABLE_WAIT`] the request is withdrawn if the owner has not taken it yet — then it
/// is never applied, and the answer `503 unavailable` is true: nothing was stored. A request
/// the owner has taken is waited for until its real answer (the request's own timeout
/// still applies).
async fn send_durable(room: &RoomState, command: Command) -> Result<Outcome, Response> {
    send_durable_within(&room.sender, command, DURABLE_WAIT).await
}

/// [`send_durable`] with the wait given.
async fn send_durable_within(
    sender: &CommandSender,
    command: Command,
    wait: std::time::Duration,
) -> Result<Outcome, Response> {
    request_durable_within(sender, command, wait)
        .await?
        .map_err(|error| refused(&error))
}

/// [`send_durable_within`] leaving a refusal of the command to the caller to word: the outer
/// error is the room's own (`503 unavailable`: not taken, or the document is gone).
async fn request_durable_within(
    sender: &CommandSender,
    command: Command,
    wait: std::time::Duration,
) -> Result<Result<Outcome, CommandError>, Response> {
    let (answer, mut answered) = tokio::sync::oneshot::channel();
    let answer = std::sync::Mutex::new(Some(answer));
    let claim = sender
        .request_durable_then(command, move |reply| {
            let taken = answer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            if let Some(answer) = taken {
                answer.send(reply).ok();
            }
        })
        .map_err(|_| closed())?;
    let reply = match tokio::time::timeout(wait, &mut answered).await {
        Ok(reply) => reply,
        Err(_) if claim.withdraw() => return Err(closed()),
        Err(_) => answered.await,
    };
    match reply {
        Ok(reply) => Ok(reply),
        // The document was dropped (another file opened): the request was not applied.
        Err(_) => Err(closed()),
    }
}

fn closed() -> Response {
    refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        Reason::Unavailable,
        "the session is not taking ballots now; try again",
    )
}

/// The answer to a refused command.
fn refused(error: &CommandError) -> Response {
    let (status, reason) = match error {
        CommandError::Vote(refusal) => match refusal {
            VoteRefusal::AlreadyVoted(_) => (StatusCode::CONFLICT, Reason::AlreadyVoted),
            VoteRefusal::Ballot(problem) => return bad_ballot(ballot_problem(problem), error),
            VoteRefusal::NotEligible(_) => (StatusCode::FORBIDDEN, Reason::NotEligible),
            VoteRefusal::NoVote(_) => (StatusCode::FORBIDDEN, Reason::NoRightToVote),
            VoteRefusal::ProxyGiven(_) => (StatusCode::FORBIDDEN, Reason::ProxyGiven),
            VoteRefusal::NoProxy { .. } => (StatusCode::FORBIDDEN, Reason::NoProxy),
            VoteRefusal::NoRound(_) | VoteRefusal::RoundClosed(_) | VoteRefusal::NotOpen => {
                (StatusCode::FORBIDDEN, Reason::Closed)
            }
            _ => (StatusCode::FORBIDDEN, Reason::Refused),
        },
        CommandError::Invalid(_) => return bad_ballot(json!({ "problem": "unreadable" }), error),
        CommandError::NotSaved(_) => (StatusCode::SERVICE_UNAVAILABLE, Reason::NotSaved),
        CommandError::SessionFull { .. } => (StatusCode::FORBIDDEN, Reason::SessionFull),
        _ => (StatusCode::FORBIDDEN, Reason::Refused),
    };
    refuse(status, reason, error)
}

/// `POST /api/votes/{vote}/ballot[?for=ID]`: casts the body's ballot for the device's
/// participant, or with `for` for the member whose standing proxy they hold
/// ([`crate::attendance`]); with an `Idempotency-Key`, once per key and member (see
/// [`crate::idempotency`]).
///
/// A secret ballot may be held by the owner until enough others come to seal them in a batch
/// (`stratboard_core::document::held`): a request whose ballot the owner has taken but not yet
/// saved after [`DURABLE_WAIT`] and a second is answered `202 {"waiting":"batch"}` — neither
/// stored yet nor refused. The ballot stays held (the cast goes on, on a task of its own); a
/// retry with the same key waits for it again and gets its real answer once saved.
async fn ballot(
    State(room): State<RoomState>,
    Path(vote): Path<u32>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    /// How long a request waits for its ballot's answer before it is told "waiting for the
    /// batch": longer than the owner has to take it (a ballot not taken by then was
    /// withdrawn and answered 503), shorter than the request's own timeout.
    const HELD_WAIT: std::time::Duration =
        DURABLE_WAIT.saturating_add(std::time::Duration::from_secs(1));
    let checked = match device(&room, &headers) {
        Ok(checked) => checked,
        Err(refusal) => return unjoined(refusal),
    };
    let me = match checked.device {
        Device::Guest => {
            return refuse(StatusCode::FORBIDDEN, Reason::Guest, "guests do not vote");
        }
        Device::Participant(me) => me,
    };
    let whose = match crate::attendance::ballot_for(query.as_deref()) {
        Ok(for_member) => Whose::of(me, for_member),
        Err(why) => return refuse(StatusCode::BAD_REQUEST, Reason::BadRequest, why),
    };
    let key = match idempotency::key(&headers) {
        Ok(Some(key)) => key,
        Ok(None) => {
            let cast = cast(&room, vote, whose, &body);
            return tokio::time::timeout(HELD_WAIT, cast)
                .await
                .unwrap_or_else(|_| waiting_for_batch());
        }
        Err(why) => return refuse(StatusCode::BAD_REQUEST, Reason::BadRequest, why),
    };
    let slot = room
        .access
        .answer_slot(&checked.hash, vote, whose.for_member(), key);
    let access = Arc::clone(&room.access);
    let remembered = || {
        let (status, body) = access.remembered(&slot)?;
        Some(Answer { status, body })
    };
    let waiting = match room.in_flight.turn(slot, remembered) {
        Turn::Done(answer) => return replay(answer),
        Turn::Wait(waiting) => waiting,
        Turn::Lead(leader, waiting) => {
            // On a task of its own: a client that hangs up does not stop the cast halfway.
            let cast = Cast { vote, whose, body };
            tokio::spawn(lead(room.clone(), leader, checked.hash, slot, cast));
            waiting
        }
    };
    match tokio::time::timeout(HELD_WAIT, idempotency::wait(waiting)).await {
        Ok(Some(answer)) => replay(answer),
        Ok(None) => closed(),
        Err(_) => waiting_for_batch(),
    }
}

/// `202 {"waiting":"batch"}`: the ballot was taken and waits to be saved with others (a
/// secret batch); ask again with the same `Idempotency-Key` for its answer.
fn waiting_for_batch() -> Response {
    (StatusCode::ACCEPTED, Json(json!({ "waiting": "batch" }))).into_response()
}

/// A ballot to cast: the vote, whose ballot it is (and who casts it), the request's body.
struct Cast {
    vote: u32,
    whose: Whose,
    body: Bytes,
}

/// Casts the leading request's ballot, remembers the answer for `device` in `slot` (unless
/// it is a 5xx, which a retry should try again) and gives it to every request waiting.
async fn lead(
    room: RoomState,
    leader: idempotency::Leader,
    device: crate::keyed::Hash,
    slot: crate::keyed::Hash,
    ballot: Cast,
) {
    let answer = answer_of(cast(&room, ballot.vote, ballot.whose, &ballot.body).await).await;
    if answer.status < 500 {
        let body = answer.body.clone();
        room.access.remember(device, slot, answer.status, body);
    }
    leader.finish(answer);
}

/// A response as it is remembered: its status and body.
async fn answer_of(response: Response) -> Answer {
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), BODY_LIMIT)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    Answer { status, body }
}

/// A remembered answer, given again.
fn replay(answer: Answer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let json = [(header::CONTENT_TYPE, "application/json")];
    (status, json, answer.body).into_response()
}

/// Casts `body`'s ballot on `vote` as `whose` says: the vote is looked up, a proxy checked
/// on the published copy (the core checks it again), the ballot read and sent as a durable
/// request; the answer once it is saved (or why not).
async fn cast(room: &RoomState, vote: u32, whose: Whose, body: &[u8]) -> Response {
    let session = room.session.get();
    let Some(found) = session.votes.iter().find(|v| v.id == VoteId(vote)) else {
        return refuse(
            StatusCode::NOT_FOUND,
            Reason::NoVote,
            "there is no such vote",
        );
    };
    let round = match (found.status, found.rounds.last()) {
        (VoteStatus::Open, Some(round)) => round.number,
        // An open vote with no round yet: the first ballot starts round 1.
        (VoteStatus::Open, None) => 1,
        _ => {
            return refuse(
                StatusCode::FORBIDDEN,
                Reason::Closed,
                "the vote is not open",
            );
        }
    };
    if !whose.proxy_stands(&session) {
        return no_proxy();
    }
    let choice = match serde_json::from_slice::<Choice>(body) {
        Ok(choice) => choice,
        Err(error) => return bad_ballot(json!({ "problem": "unreadable" }), error),
    };
    let command = Command::Vote {
        vote: VoteId(vote),
        op: VoteOp::Cast {
            round,
            voter: whose.voter,
            holder: whose.holder,
            choice,
            seed: ballot::lot(),
        },
    };
    match request_durable_within(&room.sender, command, DURABLE_WAIT).await {
        Ok(Ok(Outcome::Cast { corrected })) => {
            Json(json!({ "accepted": true, "corrected": corrected })).into_response()
        }
        Ok(Ok(_)) => Json(json!({ "accepted": true, "corrected": false })).into_response(),
        Ok(Err(error)) => match crate::attendance::refusal_for(&error, whose) {
            Some(reason) => refuse(StatusCode::FORBIDDEN, reason, error),
            None => refused(&error),
        },
        Err(answer) => answer,
    }
}

/// The answer to a ballot cast for a member whose standing proxy the caster does not hold.
fn no_proxy() -> Response {
    refuse(
        StatusCode::FORBIDDEN,
        Reason::NoProxy,
        "you hold no standing proxy of this member",
    )
}

#[derive(Deserialize)]
struct IdeaRequest {
    text: String,
}

/// `POST /api/ideas`: a hidden alternative, once saved, within the sender's budget
/// ([`crate::ideas`]).
async fn idea(State(room): State<RoomState>, headers: HeaderMap, body: Bytes) -> Response {
    let (proposer, sender) = match device(&room, &headers) {
        Err(refusal) => return unjoined(refusal),
        Ok(Checked {
            device: Device::Guest,
            hash,
        }) => (None, IdeaSender::Guest(hash)),
        Ok(Checked {
            device: Device::Participant(me),
            ..
        }) => (Some(Proposer::Participant(me)), IdeaSender::Participant(me)),
    };
    let Ok(request) = serde_json::from_slice::<IdeaRequest>(&body) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            Reason::BadRequest,
            "expected {\"text\":\"…\"}",
        );
    };
    // Control characters and direction overrides are dropped at the door.
    let cleaned = stratboard_core::model::clean_input(&request.text);
    let text = cleaned.trim();
    if text.is_empty() {
        return refuse(
            StatusCode::BAD_REQUEST,
            Reason::EmptyIdea,
            "the idea is empty",
        );
    }
    if text.chars().count() > IDEA_MAX_CHARS {
        return refuse(
            StatusCode::BAD_REQUEST,
            Reason::IdeaTooLong,
            "the idea is too long",
        );
    }
    if !room.ideas.take(sender, std::time::Instant::now()) {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            Reason::TooManyIdeas,
            "too many ideas from this device; wait a minute",
        );
    }
    let command = Command::Add(Item::Alternative(Alternative {
        title: text.to_owned(),
        proposer,
        hidden: true,
        ..Alternative::default()
    }));
    let sent = send_durable(&room, command).await;
    if sent.is_err() {
        room.ideas.give_back(sender);
    }
    match sent {
        Ok(outcome) => {
            if proposer.is_none()
                && let Outcome::Added(ItemRef::Alternative(id)) = outcome
            {
                remember_guest_idea(&room, bearer(&headers).unwrap_or_default(), id);
            }
            (StatusCode::CREATED, Json(json!({ "accepted": true }))).into_response()
        }
        Err(answer) => answer,
    }
}

/// The most ideas "My ideas" lists for one guest's device.
const GUEST_IDEAS_KEPT: usize = 50;

fn remember_guest_idea(room: &RoomState, token: &str, id: AlternativeId) {
    let mut ideas = room
        .guest_ideas
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mine = ideas.entry(token.to_owned()).or_default();
    if mine.len() >= GUEST_IDEAS_KEPT {
        mine.remove(0);
    }
    mine.push(id);
}

#[derive(Deserialize)]
struct EventsQuery {
    token: String,
}

/// `GET /api/events?token=…`: a `changed` event at once and whenever what phones show
/// changes; the stream ends when the room stops, when it has had nothing to say for
/// [`STREAM_IDLE`], or when a newer stream of the same token takes its place (the browser then
/// reconnects by itself). An address with as many streams as it may hold is told `503 busy`.
async fn events(
    State(room): State<RoomState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Query(query): Query<EventsQuery>,
) -> Response {
    let Some(token) = room.access.known_hash(query.token.trim()) else {
        return not_joined();
    };
    let Some((place, ended)) = room.streams.open(token, streams_per_address(client.ip())) else {
        return busy();
    };
    let listening = Listening {
        changes: room.session.subscribe(),
        stopping: room.stopping.clone(),
        ended,
        _place: place,
        first: true,
    };
    let stream = futures_util::stream::unfold(listening, next_event);
    (
        [(header::CACHE_CONTROL, "no-store")],
        Sse::new(stream).keep_alive(KeepAlive::default()),
    )
        .into_response()
}

/// One open event stream: what it waits on, and its place among the room's streams.
struct Listening {
    changes: tokio::sync::watch::Receiver<u64>,
    stopping: tokio::sync::watch::Receiver<bool>,
    /// Resolves when a newer stream of the same token takes this one's place.
    ended: tokio::sync::oneshot::Receiver<()>,
    _place: crate::streams::Listening,
    first: bool,
}

/// The stream's next event: at once the first time, then when what phones show changes;
/// `None` (the stream ends) when the room stops, the stream is replaced or stays idle.
async fn next_event(mut listening: Listening) -> Option<(Result<Event, Infallible>, Listening)> {
    if !listening.first {
        tokio::select! {
            changed = listening.changes.changed() => changed.ok()?,
            _ = listening.stopping.wait_for(|stop| *stop) => return None,
            _ = &mut listening.ended => return None,
            () = tokio::time::sleep(STREAM_IDLE) => return None,
        }
    }
    if *listening.stopping.borrow() {
        return None;
    }
    listening.first = false;
    let digest = *listening.changes.borrow_and_update();
    let event = Event::default()
        .event("changed")
        .data(format!("{digest:016x}"));
    Some((Ok(event), listening))
}

/// A digest of what every phone shows: the session's title and language, who has a vote,
/// the proxies that stand (whom a holder votes for, and a giver's standing), and each open
/// vote's question, settings, alternatives, round and who has voted in it. The room tells
/// listening phones to refresh when it changes (an arrival that leaves every proxy as it
/// was does not).
pub fn phone_view_digest(session: &Session) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    session.meta.title.hash(&mut hasher);
    session_language(session).hash(&mut hasher);
    for participant in &session.participants {
        (participant.id, participant.voting).hash(&mut hasher);
    }
    let attendance = &session.attendance;
    for proxy in attendance.proxies.iter().filter(|p| attendance.stands(p)) {
        (proxy.from, proxy.to).hash(&mut hasher);
    }
    for vote in session
        .votes
        .iter()
        .filter(|v| v.status == VoteStatus::Open)
    {
        let Some(shown) = open_vote(session, vote, ParticipantId(u32::MAX), &[]) else {
            continue;
        };
        serde_json::to_string(&shown)
            .unwrap_or_default()
            .hash(&mut hasher);
        if let Some(round) = vote.rounds.last() {
            round.voters.hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{Mutex, mpsc};
    use std::time::{Duration, Instant};

    use super::*;
    use stratboard_core::commands::{Item, ItemRef};
    use stratboard_core::document::Document;
    use stratboard_core::model::{ConsentChoice, Participant};

    /// A saved session with one participant and an open secret consent vote.
    fn hall(dir: &std::path::Path) -> (Document, VoteId, ParticipantId) {
        let mut s = Session::new("Hall");
        let added = |s: &mut Session, item| match s.apply(Command::Add(item)).unwrap().outcome {
            Outcome::Added(added) => added,
            other => panic!("{other:?}"),
        };
        let ItemRef::Participant(anna) = added(
            &mut s,
            Item::Participant(Participant {
                name: "Anna".into(),
                ..Participant::default()
            }),
        ) else {
            panic!("not a participant")
        };
        let ItemRef::Alternative(park) = added(
            &mut s,
            Item::Alternative(Alternative {
                title: "Park".into(),
                ..Alternative::default()
            }),
        ) else {
            panic!("not an alternative")
        };
        let ItemRef::Vote(vote) = added(
            &mut s,
            Item::Vote(Vote {
                question: "Build the park?".into(),
                alternatives: vec![park],
                method: VoteMethod::Consent { allow_block: false },
                // Open: a secret ballot would wait for a batch of five.
                anonymity: Anonymity::Open,
                ..Vote::default()
            }),
        ) else {
            panic!("not a vote")
        };
        s.apply(Command::Vote {
            vote,
            op: VoteOp::Open,
        })
        .unwrap();
        let mut doc = Document::untitled(s);
        doc.save_as(&dir.join("hall.ron")).unwrap();
        (doc, vote, anna)
    }

    fn cast(vote: VoteId, voter: ParticipantId) -> Command {
        Command::Vote {
            vote,
            op: VoteOp::Cast {
                round: 1,
                voter,
                holder: None,
                choice: Choice::Consent(ConsentChoice::For),
                seed: 1,
            },
        }
    }

    fn ballots_in_file(dir: &std::path::Path) -> usize {
        let file = stratboard_core::storage::load(&dir.join("hall.ron")).unwrap();
        file.session.votes[0].rounds[0].ballots.len()
    }

    #[tokio::test]
    async fn a_ballot_the_owner_never_took_is_withdrawn_and_answered_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        let (mut doc, vote, anna) = hall(dir.path());
        // No owner turn comes within the wait (a stuck owner).
        let answer = send_durable_within(&doc.sender(), cast(vote, anna), Duration::ZERO).await;
        let refused = answer.unwrap_err();
        assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = axum::body::to_bytes(refused.into_body(), BODY_LIMIT)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"], Reason::Unavailable.code());
        // The owner comes back: the withdrawn ballot is skipped, not applied later.
        assert!(doc.drain_and_publish(Instant::now(), |_| {}).is_empty());
        assert!(doc.session().votes[0].rounds[0].ballots.is_empty());
        assert_eq!(ballots_in_file(dir.path()), 0, "a 503 stored nothing");
    }

    #[tokio::test]
    async fn a_ballot_a_slow_owner_took_is_waited_for_and_answered_with_the_truth() {
        let dir = tempfile::tempdir().unwrap();
        let (doc, vote, anna) = hall(dir.path());
        let sender = doc.sender();
        let (wake, woken) = mpsc::channel::<()>();
        let (took, taken) = mpsc::channel::<()>();
        let taken = Mutex::new(taken);
        // Sending wakes the owner and returns once the owner has taken the ballot, so the
        // wait below starts with the ballot taken and runs out while the owner is slow.
        doc.set_waker(std::sync::Arc::new(move || {
            wake.send(()).ok();
            taken.lock().unwrap().recv().ok();
        }));
        let owner = std::thread::spawn(move || {
            let mut doc = doc;
            woken.recv().unwrap();
            doc.drain_and_publish(Instant::now(), |_| {
                took.send(()).ok();
                // A slow save: the phone's wait runs out meanwhile.
                std::thread::sleep(Duration::from_millis(200));
            })
        });
        let answer = send_durable_within(&sender, cast(vote, anna), Duration::from_millis(1)).await;
        assert_eq!(answer.ok(), Some(Outcome::Cast { corrected: false }));
        assert_eq!(owner.join().unwrap().len(), 1);
        assert_eq!(ballots_in_file(dir.path()), 1, "a 200 is stored");
    }

    /// Sends `request` on `stream` and reads the answer's head and what body has come.
    fn ask(stream: &mut std::net::TcpStream, request: &str) -> String {
        use std::io::{Read as _, Write as _};
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = vec![0; 4096];
        let mut read = 0;
        while !String::from_utf8_lossy(&answer[..read]).contains('}') {
            let n = stream.read(&mut answer[read..]).unwrap();
            assert!(
                n > 0,
                "closed after {:?}",
                String::from_utf8_lossy(&answer[..read])
            );
            read += n;
        }
        String::from_utf8_lossy(&answer[..read]).into_owned()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_connection_over_the_cap_is_answered_busy_with_retry_after() {
        let dir = tempfile::tempdir().unwrap();
        let (doc, _, _) = hall(dir.path());
        let (stop, stopping) = tokio::sync::watch::channel(false);
        let state = RoomState::new(
            doc.sender(),
            SharedSession::new(doc.session()),
            Arc::new(Access::default()),
            stopping.clone(),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mut stopped = stopping;
        let server = tokio::spawn(serve_at_most(
            listener,
            state,
            async move {
                stopped.wait_for(|stop| *stop).await.ok();
            },
            Caps::with_served(1),
        ));
        let request = format!("GET /api/room HTTP/1.1\r\nHost: {address}\r\n\r\n");
        let answers = tokio::task::spawn_blocking(move || {
            // The one slot: a phone that keeps its connection open after its answer.
            let mut kept = std::net::TcpStream::connect(address).unwrap();
            let first = ask(&mut kept, &request);
            let mut over = std::net::TcpStream::connect(address).unwrap();
            let second = ask(&mut over, &request);
            (first, second)
        })
        .await
        .unwrap();
        assert!(answers.0.starts_with("HTTP/1.1 200"), "{}", answers.0);
        let busy = answers.1.to_ascii_lowercase();
        assert!(busy.starts_with("http/1.1 503"), "{busy}");
        assert!(busy.contains("\r\nretry-after: 1\r\n"), "{busy}");
        assert!(busy.contains(r#""error":"busy""#), "{busy}");
        stop.send_replace(true);
        server.await.unwrap().unwrap();
    }
}
