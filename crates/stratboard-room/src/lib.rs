//! The room server: participants join from their own phones over the room's network (no
//! internet) with their personal code, see the open votes and vote, and send ideas.
//!
//! The server runs on its own thread (a small tokio runtime) and talks to the session only
//! through the document's [`CommandSender`]: it reads a published copy of the session
//! ([`SharedSession`]) and sends every ballot and idea as a durable request, so a phone hears
//! "accepted" only once the owner has saved the session file. The rules are the core's: the
//! server checks nothing the core does not check again.
//!
//! It binds only the address it is given and serves only its own page and API (see
//! [`api`]); bodies are capped at [`BODY_LIMIT`] bytes, headers must come within
//! [`HEADER_TIMEOUT`], requests time out after [`REQUEST_TIMEOUT`], and at most
//! [`MAX_CONNECTIONS`] connections are served at once (more are answered `503 busy`), of them
//! a few per client address and a reserve kept for joins and known devices ([`conns`]);
//! event streams are counted per token and address ([`streams`]), ideas per sender
//! ([`ideas`]); every request passes [`guard`] (its host, its body's type, the security
//! headers).

pub mod access;
pub mod api;
pub mod attendance;
pub mod conns;
pub mod devices;
pub mod guard;
pub mod ideas;
pub mod idempotency;
pub mod keyed;
pub mod page;
pub mod streams;
pub mod view;

use std::hash::{Hash as _, Hasher as _};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{Session, Vote, VoteId, VoteStatus};

/// The largest request body the server reads (a ballot or an idea is far smaller).
pub const BODY_LIMIT: usize = 16 * 1024;

/// How long one request may take, a slow client included, before it is cut off.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a client may take to send a request's headers before its connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The most connections served at once (phones keep one or two each, with an event stream).
/// One more is answered `503 busy` with `Retry-After` ([`BUSY_RETRY_AFTER`]).
pub const MAX_CONNECTIONS: usize = 4096;

/// The most connections over [`MAX_CONNECTIONS`] being answered `503 busy` at once; past
/// them a connection is closed unanswered (the system itself is out of room).
pub const MAX_BUSY_ANSWERS: usize = 1024;

/// How long a phone told `503 busy` is asked to wait before trying again (`Retry-After`).
pub const BUSY_RETRY_AFTER: Duration = Duration::from_secs(1);

/// How long a connection over the cap may take to send its request's headers before it is
/// closed without the `503 busy` (it holds one of [`MAX_BUSY_ANSWERS`] meanwhile).
pub const BUSY_HEADER_TIMEOUT: Duration = Duration::from_secs(2);

/// Connections the system may hold for the room before it accepts them: a room of phones
/// joining at once (the standard library's listener waits for 128 only; beyond that the
/// system drops connections, and a phone retries only after a second). Not larger: what
/// waits here is served as slots free up, while accepted connections over
/// [`MAX_CONNECTIONS`] are answered `503 busy` — with 4,096, a hall of 5,000 phones joining at
/// once got 748 `busy` answers in the bench, with 1,024 none.
pub const LISTEN_BACKLOG: i32 = 1024;

/// How long a ballot waits for the owner to apply and save it before the phone is told to
/// try again.
pub const DURABLE_WAIT: Duration = Duration::from_secs(10);

/// The session as the room sees it: a copy the owner publishes after every change, read by
/// the server's requests without waiting for the owner. The copy holds only what phones read
/// ([`room_copy`]): publishing after a ballot does not clone the whole session. Phones listening for changes
/// (`GET /api/events`) are told when what they show changes: a vote opens, closes, gets a
/// new round or a new ballot, or the session's title changes — not on every edit.
#[derive(Clone, Debug)]
pub struct SharedSession {
    current: Arc<RwLock<Arc<Session>>>,
    /// The results phones may see ([`view::Results`]), counted when the owner publishes.
    results: Arc<RwLock<Arc<Vec<Arc<view::PhoneResult>>>>>,
    counter: Arc<Mutex<view::Results>>,
    /// The vote the facilitator shows on phones, if any.
    front: Arc<RwLock<Option<VoteId>>>,
    /// The digest of the session's part of what phones show, as last published.
    base: Arc<std::sync::atomic::AtomicU64>,
    /// A digest of what phones show ([`api::phone_view_digest`], the results and the vote
    /// shown on phones); phones wait on it.
    changes: Arc<tokio::sync::watch::Sender<u64>>,
}

impl SharedSession {
    /// A shared copy of `session`.
    pub fn new(session: &Session) -> Self {
        let (changes, _) = tokio::sync::watch::channel(0);
        let shared = Self {
            current: Arc::new(RwLock::new(Arc::new(room_copy(session)))),
            results: Arc::default(),
            counter: Arc::default(),
            front: Arc::default(),
            base: Arc::default(),
            changes: Arc::new(changes),
        };
        shared.publish(session);
        shared
    }

    /// Replaces the copy (the owner calls it after applying changes), and tells the phones
    /// listening when what they show has changed.
    pub fn publish(&self, session: &Session) {
        let fresh = Arc::new(room_copy(session));
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = fresh;
        let results = self
            .counter
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .refresh(session);
        *self.results.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(results);
        self.base.store(
            api::phone_view_digest(session),
            std::sync::atomic::Ordering::SeqCst,
        );
        self.tell_phones();
    }

    /// Shows `vote` on the phones (they bring it to the front), or no vote in particular.
    pub fn show_on_phones(&self, vote: Option<VoteId>) {
        let mut front = self.front.write().unwrap_or_else(PoisonError::into_inner);
        if *front == vote {
            return;
        }
        *front = vote;
        drop(front);
        self.tell_phones();
    }

    /// The vote shown on phones, if any.
    pub fn shown_on_phones(&self) -> Option<VoteId> {
        *self.front.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The results phones may see now.
    pub fn results(&self) -> Arc<Vec<Arc<view::PhoneResult>>> {
        Arc::clone(&self.results.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Wakes the phones listening when the digest of what they show has changed.
    fn tell_phones(&self) {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.base
            .load(std::sync::atomic::Ordering::SeqCst)
            .hash(&mut hasher);
        self.shown_on_phones().hash(&mut hasher);
        serde_json::to_string(self.results().as_slice())
            .unwrap_or_default()
            .hash(&mut hasher);
        let digest = hasher.finish();
        self.changes.send_if_modified(|current| {
            let changed = *current != digest;
            *current = digest;
            changed
        });
    }

    /// A receiver that wakes when what phones show changes.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changes.subscribe()
    }

    /// The latest published copy.
    pub fn get(&self) -> Arc<Session> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// One turn of the document owner's loop, the same in the window and in `stratboard serve`:
/// apply everything sent to `doc` (a panel's edit, a phone's ballot or idea) in the order
/// sent, save the file once where a phone waits for its ballot to be durable, publish the
/// room's copy when a room is open, then answer the phones
/// ([`stratboard_core::document::Document::drain_and_publish`]). Returns what each command
/// came to.
pub fn owner_turn(
    doc: &mut stratboard_core::document::Document,
    room: Option<&SharedSession>,
) -> Vec<stratboard_core::document::Drained> {
    doc.drain_and_publish(std::time::Instant::now(), |session| {
        if let Some(shared) = room {
            shared.publish(session);
        }
    })
}

/// The parts of `session` the room reads: the header (its language fixed, since what it is
/// guessed from is partly left out), the participants (their codes, who has a vote), the
/// attendance (who is here, the proxies: a join registers only someone not here, a holder
/// casts for the members whose proxies stand — each phone is told only its own part), the
/// goals and alternatives (their titles), the open votes whole, and of every other vote only
/// its id and status (a phone told "the vote is not open" rather than "no such vote").
/// Positions, findings, decisions, action items, notes, the agenda and the ballots of closed
/// votes stay with the owner.
pub fn room_copy(session: &Session) -> Session {
    let mut meta = session.meta.clone();
    meta.language = Some(session.language());
    let votes = session
        .votes
        .iter()
        .map(|vote| {
            if vote.status == VoteStatus::Open {
                vote.clone()
            } else {
                Vote {
                    id: vote.id,
                    status: vote.status,
                    ..Vote::default()
                }
            }
        })
        .collect();
    Session {
        format_version: session.format_version,
        next_id: session.next_id,
        meta,
        participants: session.participants.clone(),
        attendance: session.attendance.clone(),
        goals: session.goals.clone(),
        alternatives: session.alternatives.clone(),
        votes,
        ..Session::default()
    }
}

/// A running room server. Dropping it stops the server.
pub struct Room {
    address: SocketAddr,
    /// Set to `true` to stop: the server stops accepting, and open event streams end.
    stop: tokio::sync::watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
    access: Arc<access::Access>,
    /// The thread writing the devices file, when the room keeps one.
    writer: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Room {
    /// Binds `bind` (port 0: any free port) and serves the room on a thread of its own.
    /// `devices` is the devices file ([`devices::path_for`] of the session's file) that keeps
    /// the phones joined across restarts; `None` (a session never saved, tests) keeps them in
    /// memory only. Fails when the address cannot be bound (taken, or not this machine's); a
    /// devices file that cannot be read never stops the room (see [`devices::open`]).
    pub fn start(
        bind: SocketAddr,
        sender: CommandSender,
        session: SharedSession,
        devices: Option<PathBuf>,
    ) -> std::io::Result<Self> {
        let listener = listen(bind)?;
        let address = listener.local_addr()?;
        let (access, wakes) = access::Access::open(devices);
        let access = Arc::new(access);
        let writer = match wakes.map(|wakes| devices::spawn_writer(Arc::clone(&access), wakes)) {
            Some(Ok(writer)) => Some(writer),
            Some(Err(error)) => {
                eprintln!(
                    "stratboard: the devices file is written only when the room stops: {error}"
                );
                None
            }
            None => None,
        };
        let (stop, stopping) = tokio::sync::watch::channel(false);
        let state = api::RoomState::new(sender, session, Arc::clone(&access), stopping.clone());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("stratboard-room")
            .enable_all()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("stratboard-room".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(error) => {
                            eprintln!("stratboard: the room could not listen: {error}");
                            return;
                        }
                    };
                    let mut stopping = stopping;
                    let served = api::serve(listener, state, async move {
                        stopping.wait_for(|stop| *stop).await.ok();
                    })
                    .await;
                    if let Err(error) = served {
                        eprintln!("stratboard: the room server stopped: {error}");
                    }
                });
            })?;
        Ok(Self {
            address,
            stop,
            thread: Some(thread),
            access,
            writer,
        })
    }

    /// The address the room listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address phones open: `http://192.168.1.23:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// How many devices have joined (since the devices file began, when the room keeps one)
    /// and have not left or been revoked.
    pub fn devices(&self) -> usize {
        self.access.devices()
    }

    /// Lets guests in (ideas only, no votes), or stops letting new ones in.
    pub fn allow_guests(&self, allowed: bool) {
        self.access.allow_guests(allowed);
    }

    /// Whether guests may join.
    pub fn guests_allowed(&self) -> bool {
        self.access.guests_allowed()
    }

    /// The participants with a device in the room, in id order.
    pub fn participants_in(&self) -> Vec<stratboard_core::model::ParticipantId> {
        self.access.participants_in()
    }

    /// How many devices each participant has in the room (at most
    /// [`access::DEVICES_PER_CODE`]), in id order; a participant with none is not listed.
    pub fn devices_per_participant(&self) -> Vec<(stratboard_core::model::ParticipantId, usize)> {
        self.access.devices_per_participant()
    }

    /// Forgets every device of `participant` (a lost phone): its token no longer works.
    pub fn revoke(&self, participant: stratboard_core::model::ParticipantId) -> usize {
        self.access.revoke(participant)
    }

    /// Stops the server: requests under way are finished, new ones refused.
    pub fn stop(mut self) {
        self.shut_down();
    }

    /// Stops serving, then writes the devices file a last time.
    fn shut_down(&mut self) {
        self.stop.send_replace(true);
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
        self.access.stop_keeping();
        match self.writer.take() {
            Some(writer) => {
                writer.join().ok();
            }
            None => self.access.save_devices(),
        }
    }
}

/// A non-blocking listener on `bind` with a backlog of [`LISTEN_BACKLOG`].
fn listen(bind: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(bind),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    // As the standard library does: a restarted room may take its port back at once.
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&bind.into())?;
    socket.listen(LISTEN_BACKLOG)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shut_down();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn sample() -> Session {
        let text = include_str!("../../../sessions/tos-support.ron");
        let mut session = stratboard_core::storage::parse_session(text.as_bytes())
            .unwrap()
            .session;
        // The sample's counted vote, and the same vote open again under a new id.
        let mut open = session.votes[0].clone();
        open.id = stratboard_core::model::VoteId(session.allocate_id());
        open.status = VoteStatus::Open;
        session.votes[0].status = VoteStatus::Closed;
        session.votes.insert(0, open);
        session
    }

    #[test]
    fn the_room_copy_holds_what_phones_read_and_nothing_else() {
        use stratboard_core::commands::{AttendanceOp, Command};
        use stratboard_core::model::{Presence, Proxy};
        let mut session = sample();
        let (holder, giver) = (session.participants[0].id, session.participants[1].id);
        session.participants[2].voting = false;
        let arrive = AttendanceOp::Arrive {
            participant: holder,
            presence: Presence::InRoom,
            at: Some(chrono::Utc::now()),
        };
        let proxy = AttendanceOp::SetProxy {
            from: giver,
            proxy: Some(Proxy {
                from: giver,
                to: holder,
                note: String::new(),
            }),
        };
        for op in [arrive, proxy] {
            session.apply(Command::Attendance(op)).unwrap();
        }
        assert!(!session.positions.is_empty() && !session.notes.is_empty());
        assert!(
            session.votes[1]
                .rounds
                .iter()
                .any(|r| !r.ballots.is_empty())
        );
        let copy = room_copy(&session);
        assert_eq!(copy.meta.title, session.meta.title);
        assert_eq!(copy.language(), session.language());
        assert_eq!(
            copy.participants, session.participants,
            "who has a vote too"
        );
        assert_eq!(
            copy.attendance, session.attendance,
            "who is here, the proxies"
        );
        assert_eq!(copy.attendance.votes_for(holder), vec![giver]);
        assert_eq!(copy.alternatives, session.alternatives);
        assert_eq!(copy.votes[0], session.votes[0], "an open vote whole");
        assert_eq!(copy.votes.len(), session.votes.len());
        assert_eq!(
            (copy.votes[1].id, copy.votes[1].status),
            (session.votes[1].id, VoteStatus::Closed)
        );
        assert!(copy.votes[1].rounds.is_empty(), "no closed ballots");
        assert!(copy.positions.is_empty() && copy.notes.is_empty());
        assert!(copy.decisions.is_empty() && copy.agenda.is_empty());
        assert_eq!(
            api::phone_view_digest(&copy),
            api::phone_view_digest(&session),
            "phones see the same"
        );
    }

    /// The `[ru, en]` pair of `key` in the page's table `table` (`var TABLE = { … };`).
    fn worded(table: &str, key: &str) -> Option<(String, String)> {
        let page = page::PHONE_PAGE;
        let start = page.find(&format!("var {table} = {{"))?;
        let block = &page[start..start + page[start..].find("};")?];
        let line = block
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("\"{key}\": [")))?;
        let pair = line
            .split_once(": [")?
            .1
            .trim_end_matches(',')
            .trim_end_matches(']');
        let (ru, en) = pair.split_once("\", \"")?;
        Some((
            ru.trim_start_matches('"').to_owned(),
            en.trim_end_matches('"').to_owned(),
        ))
    }

    #[test]
    fn the_phone_page_words_every_refusal_in_russian_and_english() {
        for reason in api::Reason::ALL {
            let (ru, en) = worded("REFUSALS", reason.code())
                .unwrap_or_else(|| panic!("the page has no words for {:?}", reason.code()));
            assert!(!ru.is_empty() && !en.is_empty(), "{}", reason.code());
            assert!(ru.chars().any(|c| ('а'..='я').contains(&c)), "{ru}");
            assert!(en.chars().all(|c| !('а'..='я').contains(&c)), "{en}");
        }
        for problem in api::BALLOT_PROBLEMS {
            let (ru, en) = worded("PROBLEMS", problem)
                .unwrap_or_else(|| panic!("the page has no words for the problem {problem:?}"));
            assert!(!ru.is_empty() && !en.is_empty(), "{problem}");
        }
        for measure in view::MEASURES {
            let (ru, en) = worded("MEASURES", measure)
                .unwrap_or_else(|| panic!("the page has no words for the measure {measure:?}"));
            assert!(!ru.is_empty() && !en.is_empty(), "{measure}");
        }
    }

    #[test]
    fn every_ballot_problem_is_named_by_one_of_the_listed_names() {
        use stratboard_core::model::{AlternativeId, BallotProblem as P};
        let all = [
            P::WrongKind,
            P::Nothing,
            P::Empty,
            P::NotOnBallot(AlternativeId(1)),
            P::Repeated(AlternativeId(1)),
            P::BlockNotAllowed,
            P::NotOneChoice,
            P::EmptyPlace,
            P::OverBudget(1),
            P::OverCap(2),
            P::OutOfScale {
                value: 9,
                min: 0,
                max: 5,
            },
            P::Ungraded,
            P::Criteria,
        ];
        for problem in all {
            let named = api::ballot_problem(&problem);
            let name = named["problem"].as_str().unwrap_or_default();
            assert!(api::BALLOT_PROBLEMS.contains(&name), "{problem:?} → {name}");
        }
        assert_eq!(api::ballot_problem(&P::OverBudget(3))["n"], 3);
        let scale = api::ballot_problem(&P::OutOfScale {
            value: 9,
            min: 0,
            max: 5,
        });
        assert_eq!(
            (scale["min"].clone(), scale["max"].clone()),
            (0.into(), 5.into())
        );
    }

    #[test]
    fn the_phone_page_words_what_every_kind_of_ballot_asks() {
        use stratboard_core::ballot::Ask;
        // A new kind of ballot stops this from compiling until it is listed here.
        let listed = |ask: Ask| match ask {
            Ask::Consent
            | Ask::ChooseOne
            | Ask::Approve
            | Ask::SpreadDots
            | Ask::Score
            | Ask::Grade
            | Ask::Rank
            | Ask::ScoreCriteria => ask,
        };
        let all = [
            Ask::Consent,
            Ask::ChooseOne,
            Ask::Approve,
            Ask::SpreadDots,
            Ask::Score,
            Ask::Grade,
            Ask::Rank,
            Ask::ScoreCriteria,
        ];
        for ask in all.map(listed) {
            let name = serde_json::to_value(ask).unwrap_or_default();
            let name = name.as_str().unwrap_or_default();
            let (ru, en) =
                worded("ASKS", name).unwrap_or_else(|| panic!("the page has no words for {name}"));
            if ask == Ask::Rank {
                // A ranked ballot words itself, with or without ties (rankHint, rankTieHint).
                assert!(page::PHONE_PAGE.contains("rankTieHint: [\""), "{name}");
            } else {
                assert!(!ru.is_empty() && !en.is_empty(), "{name}");
            }
        }
    }
}
