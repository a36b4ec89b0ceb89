//! The phone page on a small phone (320×568 px) in headless Chromium, against a room run in
//! this process the way the window runs it (the document's owner loop on a thread of its own,
//! closing timed votes), so the test can act as the facilitator:
//!
//! - axe-core finds no accessibility violation on the join page or on the votes;
//! - every button is at least 44×44 px, and the page does not stick out sideways;
//! - the vote the facilitator shows on phones comes to the front, tagged;
//! - refusals come in Russian words, never the server's English (an empty ballot, a closed
//!   vote, a guest's ballot);
//! - a Live vote's result shows as bars once the participant has voted;
//! - a secret ballot held back for a batch says so, and is counted when the vote closes;
//! - a timed vote counts down, closes by itself, and its result comes to the phone;
//! - with the room stopped, a ballot waits on the phone under a banner and is sent by itself
//!   once the room is back (started again on the same port: the device stays joined), and is
//!   stored exactly once;
//! - "My ideas" lists the idea sent.
//!
//! Without `chromedriver` and Chromium on `PATH` the test prints a note and passes, unless
//! `STRATBOARD_REQUIRE_BROWSER=1` (as in CI), when it fails.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod browser_support;
mod room_support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use browser_support::{
    Browser, PATIENCE, appears, assert_fits, axe_source, axe_violations, button, card, click_id,
    phone, tools, wait_for_text,
};
use fantoccini::{Client, Locator};
use room_support::{add_alternative, add_open_vote, add_participant};
use serde_json::json;
use stratboard_core::commands::{Command, VoteOp};
use stratboard_core::deadlines::Deadlines;
use stratboard_core::document::Document;
use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{Anonymity, ResultsVisibility, Session, VoteId, VoteMethod};
use stratboard_room::{Room, SharedSession};

const LIVE: &str = "Строим парк?";
const TIMED: &str = "Что поддерживаете?";
const RANKED: &str = "Что делаем первым?";
const SCALE: &str = "Оцените проекты от 0 до 10";
const CLOSED: &str = "Прошлый вопрос";
const IDEA: &str = "Лавочки у школы";

/// Three participants with codes, three alternatives, four open votes (a Live consent vote, a
/// secret approval vote, a ranked vote, a 0–10 scale) and a closed one.
fn session() -> Session {
    let mut s = Session::new("Сессия на маленьком телефоне");
    for name in ["Анна", "Борис", "Вера"] {
        add_participant(&mut s, name);
    }
    for title in ["Парк", "Школа", "Дорога"] {
        add_alternative(&mut s, title);
    }
    let all: Vec<_> = s.alternatives.iter().map(|a| a.id).collect();
    let consent = VoteMethod::Consent { allow_block: true };
    let live = add_open_vote(&mut s, LIVE, consent, Anonymity::Open, vec![all[0]]);
    s.votes
        .iter_mut()
        .find(|v| v.id == live)
        .unwrap()
        .visibility = ResultsVisibility::Live;
    let approval = VoteMethod::Approval;
    add_open_vote(&mut s, TIMED, approval, Anonymity::Secret, all.clone());
    add_open_vote(
        &mut s,
        RANKED,
        VoteMethod::Schulze,
        Anonymity::Open,
        all.clone(),
    );
    let scale = VoteMethod::Score { min: 0, max: 10 };
    add_open_vote(&mut s, SCALE, scale, Anonymity::Open, all.clone());
    let closed = add_open_vote(&mut s, CLOSED, VoteMethod::Approval, Anonymity::Open, all);
    s.apply(Command::Vote {
        vote: closed,
        op: VoteOp::Close {
            at: chrono::Utc::now(),
        },
    })
    .unwrap();
    let codes = stratboard_room::access::codes_for_everyone(&s)
        .unwrap()
        .unwrap();
    s.apply(codes).unwrap();
    s
}

/// The document's owner on a thread of its own, as the window is: timed votes closed, what was
/// sent applied, saved where a phone waits, published to the room.
struct Owner {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Document>>,
}

impl Owner {
    fn start(mut doc: Document, shared: SharedSession) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut deadlines = Deadlines::default();
            while !stopping.load(Ordering::SeqCst) {
                deadlines.send_due(doc.session(), &doc.sender(), chrono::Utc::now());
                stratboard_room::owner_turn(&mut doc, Some(&shared));
                std::thread::sleep(Duration::from_millis(20));
            }
            stratboard_room::owner_turn(&mut doc, Some(&shared));
            doc
        });
        Self {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops the loop and hands back the document.
    fn finish(mut self) -> Document {
        self.stop.store(true, Ordering::SeqCst);
        self.thread.take().unwrap().join().unwrap()
    }
}

impl Drop for Owner {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// The facilitator's side: the session's room, its owner, and what the test sends it.
struct Facilitator {
    room: Option<Room>,
    owner: Owner,
    shared: SharedSession,
    sender: CommandSender,
    address: SocketAddr,
    devices: PathBuf,
    votes: Vec<(String, VoteId)>,
    anna: (u32, String),
}

impl Facilitator {
    fn start(dir: &Path) -> Self {
        Self::start_with(dir, &session())
    }

    /// The room of `session` (saved in `dir` first).
    fn start_with(dir: &Path, session: &Session) -> Self {
        let file = dir.join("phone.ron");
        stratboard_core::storage::save(&file, session, None).unwrap();
        let doc = Document::open(&file).unwrap();
        let shared = SharedSession::new(doc.session());
        let sender = doc.sender();
        let devices = dir.join("phone.ron.devices");
        let room = Room::start(
            "127.0.0.1:0".parse().unwrap(),
            sender.clone(),
            shared.clone(),
            Some(devices.clone()),
        )
        .unwrap();
        let address = room.address();
        let votes = session
            .votes
            .iter()
            .map(|v| (v.question.clone(), v.id))
            .collect();
        let anna = &session.participants[0];
        let anna = (anna.id.0, anna.code.clone().unwrap());
        Self {
            room: Some(room),
            owner: Owner::start(doc, shared.clone()),
            shared,
            sender,
            address,
            devices,
            votes,
            anna,
        }
    }

    fn vote(&self, question: &str) -> VoteId {
        self.votes.iter().find(|(q, _)| q == question).unwrap().1
    }

    fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops the room server (the document's owner goes on).
    fn stop_room(&mut self) {
        if let Some(room) = self.room.take() {
            room.stop();
        }
    }

    /// Starts the room again on the same address, reading the devices it kept.
    fn start_room(&mut self) {
        let room = Room::start(
            self.address,
            self.sender.clone(),
            self.shared.clone(),
            Some(self.devices.clone()),
        )
        .unwrap();
        self.room = Some(room);
    }
}

/// What the page says for the answer to `method path body` sent with this phone's token (or,
/// with `guest`, a guest's token got first).
async fn worded(client: &Client, path: &str, body: serde_json::Value, guest: bool) -> String {
    let said = client
        .execute_async(
            "var path = arguments[0], body = arguments[1], guest = arguments[2];
             var done = arguments[arguments.length - 1], saved = token;
             function post() {
               api('POST', path, body, function (s, d) { token = saved; done(why(s, d)); });
             }
             if (!guest) { post(); return; }
             api('POST', '/api/join', { guest: true }, function (s, d) { token = d.token; post(); });",
            vec![json!(path), body, json!(guest)],
        )
        .await
        .unwrap();
    said.as_str().unwrap().to_owned()
}

/// No Latin letter: nothing of the server's English reaches a Russian page.
fn russian_only(said: &str) {
    assert!(
        !said.chars().any(|c| c.is_ascii_alphabetic()),
        "server text on the page: {said}"
    );
}

/// Buttons on the page smaller than 44×44 px, as "text: w×h".
async fn small_targets(client: &Client) -> Vec<String> {
    let found = client
        .execute(
            "return Array.prototype.filter.call(document.querySelectorAll('button'),
               function (b) { return b.offsetParent !== null; })
             .map(function (b) { var r = b.getBoundingClientRect();
               return [b.textContent.trim() || b.getAttribute('aria-label'), r.width, r.height]; })
             .filter(function (x) { return x[1] < 44 || x[2] < 44; })
             .map(function (x) { return x[0] + ': ' + x[1] + '×' + x[2]; });",
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// The first vote card's question.
async fn first_question(client: &Client) -> String {
    let Ok(legend) = client.find(Locator::Css("#votes fieldset legend")).await else {
        return String::new();
    };
    legend.text().await.unwrap_or_default()
}

async fn wait_until_first(client: &Client, question: &str) {
    let started = Instant::now();
    while first_question(client).await != question {
        assert!(started.elapsed() < PATIENCE, "{question} never came first");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// With `STRATBOARD_PHONE_SHOTS=DIR`, the screen as it is now, to look at:
/// `DIR/320x568-NAME.png`, scrolled to `question`'s card where given.
async fn shot(client: &Client, name: &str, question: Option<&str>) {
    shot_sized(client, "320x568", name, question).await;
}

/// [`shot`] of a phone of another size: `DIR/SIZE-NAME.png`.
async fn shot_sized(client: &Client, size: &str, name: &str, question: Option<&str>) {
    let Some(dir) = std::env::var_os("STRATBOARD_PHONE_SHOTS") else {
        return;
    };
    if let Some(question) = question
        && let Some(card) = card(client, question).await
    {
        client
            .execute("arguments[0].scrollIntoView();", vec![json!(card)])
            .await
            .unwrap();
    } else {
        client
            .execute("window.scrollTo(0, 0);", vec![])
            .await
            .unwrap();
    }
    let file = Path::new(&dir).join(format!("{size}-{name}.png"));
    std::fs::write(file, client.screenshot().await.unwrap()).unwrap();
}

async fn check_accessibility(client: &Client, axe: Option<&str>, what: &str) {
    if let Some(axe) = axe {
        let violations = axe_violations(client, axe).await;
        assert!(violations.is_empty(), "{what}: {violations:#?}");
    }
}

#[test]
fn a_small_phone_follows_the_facilitator_and_keeps_a_ballot_through_a_lost_connection() {
    let Some((chromedriver, chromium)) = tools() else {
        return;
    };
    let axe = axe_source();
    let dir = tempfile::tempdir().unwrap();
    let mut facilitator = Facilitator::start(dir.path());
    let browser = Browser::start(&chromedriver);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = phone(&browser, &chromium, 320, 568).await;
        client
            .goto(&format!("{}/", facilitator.url()))
            .await
            .unwrap();
        appears(&client, Locator::Css("#join:not([hidden])")).await;
        wait_for_text(&client, None, "#join-heading", "Вход в зал").await;
        check_accessibility(&client, axe.as_deref(), "the join page").await;
        shot(&client, "join", None).await;
        let field = appears(&client, Locator::Id("code")).await;
        field.send_keys(&facilitator.anna.1).await.unwrap();
        click_id(&client, "join-button").await;
        wait_for_text(&client, None, "#who", "Вы: Анна").await;
        wait_for_text(&client, None, "nav h2", "Голосования: отвечено 0 из 4").await;
        assert_fits(&client, 320).await;
        assert_eq!(small_targets(&client).await, Vec::<String>::new());
        check_accessibility(&client, axe.as_deref(), "the votes").await;
        shot(&client, "overview", None).await;
        shot(&client, "scale", Some(SCALE)).await;

        // The facilitator shows the ranked vote on the phones: it comes first, tagged.
        facilitator
            .shared
            .show_on_phones(Some(facilitator.vote(RANKED)));
        wait_until_first(&client, RANKED).await;
        wait_for_text(&client, Some(RANKED), ".tag", "Сейчас на экране").await;
        shot(&client, "front", None).await;

        // Refusals in the session's words.
        let ranked = format!("/api/votes/{}/ballot", facilitator.vote(RANKED).0);
        let empty = worded(&client, &ranked, json!({ "Ranking": [] }), false).await;
        assert!(empty.starts_with("Бюллетень не принят."), "{empty}");
        russian_only(&empty);
        let closed = format!("/api/votes/{}/ballot", facilitator.vote(CLOSED).0);
        let said = worded(&client, &closed, json!({ "Approval": [] }), false).await;
        assert_eq!(said, "Голосование закрыто.");
        facilitator.room.as_ref().unwrap().allow_guests(true);
        let said = worded(&client, &ranked, json!({ "Ranking": [] }), true).await;
        assert_eq!(said, "Гости не голосуют.");

        // A Live vote: once answered, the card folds and shows the current result.
        button(&client, LIVE, "За").await.click().await.unwrap();
        button(&client, LIVE, "Отправить")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(&client, Some(LIVE), ".mine", "Ваш выбор: За").await;
        wait_for_text(&client, Some(LIVE), "h3", "Текущий результат").await;
        wait_for_text(&client, Some(LIVE), ".bars .label", "За\n1").await;
        wait_for_text(&client, None, "nav h2", "Голосования: отвечено 1 из 4").await;
        shot(&client, "live-result", Some(LIVE)).await;

        // A secret ballot is held back until more are in: the phone says so (the room's 202)
        // and keeps asking.
        button(&client, TIMED, "Парк").await.click().await.unwrap();
        button(&client, TIMED, "Отправить")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(
            &client,
            Some(TIMED),
            "p.muted",
            "Голос принят к подсчёту, ждём ещё нескольких участников…",
        )
        .await;
        shot(&client, "batch", Some(TIMED)).await;

        // A timed vote counts down, closes by itself (its held ballot counted), and its result
        // comes to the phone.
        let deadline = chrono::Utc::now() + chrono::Duration::seconds(3);
        facilitator
            .sender
            .send(Command::Vote {
                vote: facilitator.vote(TIMED),
                op: VoteOp::SetDeadline {
                    deadline: Some(deadline),
                },
            })
            .unwrap();
        let countdown = appears(&client, Locator::Css(".countdown")).await;
        let left = countdown.text().await.unwrap();
        assert!(left.starts_with("Осталось 0:0"), "{left}");
        shot(&client, "countdown", Some(TIMED)).await;
        wait_for_text(&client, None, "#results h2", &format!("Итог: {TIMED}")).await;
        client
            .execute(
                "document.getElementById('results').scrollIntoView();",
                vec![],
            )
            .await
            .unwrap();
        if let Some(dir) = std::env::var_os("STRATBOARD_PHONE_SHOTS") {
            let file = Path::new(&dir).join("320x568-closed-result.png");
            std::fs::write(file, client.screenshot().await.unwrap()).unwrap();
        }
        assert!(card(&client, TIMED).await.is_none(), "closed: no ballot");
        wait_for_text(
            &client,
            None,
            "#results .muted",
            "Одобрения · Бюллетеней: 1",
        )
        .await;

        // No connection: the ballot waits on the phone, and goes once the room is back.
        facilitator.stop_room();
        for title in ["Дорога", "Парк", "Школа"] {
            button(&client, RANKED, title).await.click().await.unwrap();
        }
        button(&client, RANKED, "Отправить")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(
            &client,
            None,
            "#offline",
            "Нет связи — голос сохранён на телефоне и будет отправлен.",
        )
        .await;
        shot(&client, "offline", None).await;
        facilitator.start_room();
        wait_for_text(
            &client,
            Some(RANKED),
            ".mine",
            "✓ Ваш выбор: 1. Дорога; 2. Парк; 3. Школа",
        )
        .await;
        let banner = client.find(Locator::Id("offline")).await.unwrap();
        assert!(!banner.is_displayed().await.unwrap(), "the banner goes");
        shot(&client, "folded", Some(RANKED)).await;

        // My ideas.
        client
            .find(Locator::Id("idea"))
            .await
            .unwrap()
            .send_keys(IDEA)
            .await
            .unwrap();
        click_id(&client, "idea-button").await;
        wait_for_text(
            &client,
            None,
            "#my-ideas li",
            &format!("{IDEA} — ждёт, пока ведущий откроет идеи"),
        )
        .await;
        assert_fits(&client, 320).await;
        assert_eq!(small_targets(&client).await, Vec::<String>::new());
        check_accessibility(&client, axe.as_deref(), "after voting").await;
        client.close().await.unwrap();
    });
    drop(browser);
    facilitator.stop_room();
    let ranked = facilitator.vote(RANKED);
    let doc = std::mem::replace(
        &mut facilitator.owner,
        Owner {
            stop: Arc::default(),
            thread: None,
        },
    )
    .finish();
    let round = &doc.session().vote(ranked).unwrap().rounds[0];
    assert_eq!(round.ballots.len(), 1, "the retried ballot is stored once");
    assert_eq!(
        round.voters,
        vec![stratboard_core::model::ParticipantId(facilitator.anna.0)]
    );
}

const PROXY_FIRST: &str = "Строим парк у школы?";
const PROXY_SECOND: &str = "Какие проекты поддерживаете?";
const GIVER: &str = "Петров П. П.";

/// Anna, who is here and holds the proxy of Petrov (not here), Vera, and Sidorov, who takes
/// part without a vote; an open consent vote and an anonymous approval vote.
fn proxy_session() -> Session {
    use stratboard_core::commands::AttendanceOp;
    use stratboard_core::model::{Presence, Proxy};
    let mut s = Session::new("Собрание членов ТОС");
    for name in ["Анна", GIVER, "Вера", "Сидоров С. С."] {
        add_participant(&mut s, name);
    }
    s.participants[3].voting = false;
    for title in ["Парк", "Школа", "Дорога"] {
        add_alternative(&mut s, title);
    }
    let all: Vec<_> = s.alternatives.iter().map(|a| a.id).collect();
    let consent = VoteMethod::Consent { allow_block: false };
    add_open_vote(&mut s, PROXY_FIRST, consent, Anonymity::Open, vec![all[0]]);
    add_open_vote(
        &mut s,
        PROXY_SECOND,
        VoteMethod::Approval,
        Anonymity::Anonymous,
        all,
    );
    let (anna, petrov) = (s.participants[0].id, s.participants[1].id);
    let arrive = AttendanceOp::Arrive {
        participant: anna,
        presence: Presence::InRoom,
        at: Some(chrono::Utc::now()),
    };
    let proxy = AttendanceOp::SetProxy {
        from: petrov,
        proxy: Some(Proxy {
            from: petrov,
            to: anna,
            note: String::new(),
        }),
    };
    for op in [arrive, proxy] {
        s.apply(Command::Attendance(op)).unwrap();
    }
    let codes = stratboard_room::access::codes_for_everyone(&s)
        .unwrap()
        .unwrap();
    s.apply(codes).unwrap();
    s
}

/// Waits until the first ballot card's legend reads `expected` (its text, as it is in the
/// page: whose ballot, then the question).
async fn wait_until_legend(client: &Client, expected: &str) {
    let started = Instant::now();
    loop {
        let legend = client
            .execute(
                "var l = document.querySelector('#votes fieldset legend'); return l ? l.textContent : '';",
                Vec::new(),
            )
            .await
            .unwrap();
        if legend.as_str() == Some(expected) {
            return;
        }
        assert!(started.elapsed() < PATIENCE, "{legend} is not {expected}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The button labelled `label` in the card of the ballot cast for `member`.
async fn proxy_button(client: &Client, member: u32, label: &str) -> fantoccini::elements::Element {
    let css = format!("#votes [data-for=\"{member}\"] button");
    let started = Instant::now();
    loop {
        for button in client
            .find_all(Locator::Css(&css))
            .await
            .unwrap_or_default()
        {
            if button
                .text()
                .await
                .is_ok_and(|text| text.trim().ends_with(label))
            {
                return button;
            }
        }
        assert!(
            started.elapsed() < PATIENCE,
            "no button {label:?} on the ballot for {member}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A proxy holder's phone (360×740, Russian): it says whom she also votes for, draws her own
/// ballot and then the one she casts by proxy, each labelled, sent and accepted on its own,
/// and counts both in the overview; both land in the session, the proxy ballot as Petrov's.
/// Then Petrov's phone: joining, he is here and votes himself; marked as gone, his phone says
/// who votes for him. A member without a vote is told so instead of ballots.
#[test]
fn a_proxy_holder_casts_her_own_ballot_and_the_one_she_holds() {
    let Some((chromedriver, chromium)) = tools() else {
        return;
    };
    let axe = axe_source();
    let dir = tempfile::tempdir().unwrap();
    let session = proxy_session();
    let (petrov, vera) = (session.participants[1].id, session.participants[2].id);
    let mut facilitator = Facilitator::start_with(dir.path(), &session);
    let browser = Browser::start(&chromedriver);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = phone(&browser, &chromium, 360, 740).await;
        client
            .goto(&format!("{}/join/{}", facilitator.url(), facilitator.anna.1))
            .await
            .unwrap();
        wait_for_text(&client, None, "#who", "Вы: Анна").await;
        let also = format!("Вы также голосуете за: {GIVER}");
        wait_for_text(&client, None, "#proxy-for", &also).await;
        wait_for_text(&client, None, "nav h2", "Бюллетени: отвечено 0 из 4").await;
        // Her own ballot first, then Petrov's, each saying whose it is.
        let whose = client
            .execute(
                "return Array.prototype.map.call(document.querySelectorAll('#votes fieldset'),
                   function (f) { return [f.dataset.for || '', f.querySelector('legend').textContent]; });",
                Vec::new(),
            )
            .await
            .unwrap();
        assert_eq!(
            whose,
            json!([
                ["", format!("Ваш бюллетень{PROXY_FIRST}")],
                [
                    petrov.0.to_string(),
                    format!("Бюллетень по доверенности: {GIVER}{PROXY_FIRST}")
                ]
            ])
        );
        assert_fits(&client, 360).await;
        assert_eq!(small_targets(&client).await, Vec::<String>::new());
        check_accessibility(&client, axe.as_deref(), "a holder's ballots").await;
        shot_sized(&client, "360x740", "proxy", None).await;
        let proxy_card = format!("#votes [data-for=\"{}\"]", petrov.0);
        client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView();",
                vec![json!(proxy_card)],
            )
            .await
            .unwrap();
        shot_sized(&client, "360x740", "proxy-ballot", Some(PROXY_FIRST)).await;

        // Refused in her words: a ballot for someone whose proxy she does not hold.
        let path = format!(
            "/api/votes/{}/ballot?for={}",
            facilitator.vote(PROXY_FIRST).0,
            vera.0
        );
        let said = worded(&client, &path, json!({ "Consent": "For" }), false).await;
        assert!(said.starts_with("Доверенности этого участника у вас"), "{said}");
        russian_only(&said);

        // Her own ballot: For. Petrov's: Against. Each accepted on its own.
        button(&client, PROXY_FIRST, "За").await.click().await.unwrap();
        button(&client, PROXY_FIRST, "Отправить")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(&client, Some(PROXY_FIRST), ".mine", "✓ Ваш выбор: За").await;
        wait_for_text(&client, None, "nav h2", "Бюллетени: отвечено 1 из 4").await;
        proxy_button(&client, petrov.0, "Против")
            .await
            .click()
            .await
            .unwrap();
        proxy_button(&client, petrov.0, "Отправить")
            .await
            .click()
            .await
            .unwrap();
        // Both answered: the next vote comes to the top, the first folds into the overview
        // with both ballots.
        wait_until_legend(&client, &format!("Ваш бюллетень{PROXY_SECOND}")).await;
        wait_for_text(&client, None, "nav h2", "Бюллетени: отвечено 2 из 4").await;
        let folded = client
            .find(Locator::Css("#votes nav li.answered"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(folded.contains("Ваш выбор: За"), "{folded}");
        assert!(
            folded.contains(&format!("Бюллетень по доверенности: {GIVER}")),
            "{folded}"
        );
        assert!(folded.contains("Выбор по доверенности: Против"), "{folded}");
        check_accessibility(&client, axe.as_deref(), "after the holder voted").await;
        shot_sized(&client, "360x740", "proxy-voted", None).await;
        client
            .execute("document.querySelector('#votes nav').scrollIntoView();", vec![])
            .await
            .unwrap();
        if let Some(dir) = std::env::var_os("STRATBOARD_PHONE_SHOTS") {
            let file = Path::new(&dir).join("360x740-proxy-overview.png");
            std::fs::write(file, client.screenshot().await.unwrap()).unwrap();
        }

        // Petrov's phone joins: he is here, the proxy is suspended, he votes himself.
        let code = |who: usize| session.participants[who].code.clone().unwrap();
        click_id(&client, "leave").await;
        appears(&client, Locator::Css("#join:not([hidden])")).await;
        client
            .goto(&format!("{}/join/{}", facilitator.url(), code(1)))
            .await
            .unwrap();
        wait_for_text(&client, None, "#who", &format!("Вы: {GIVER}")).await;
        button(&client, PROXY_SECOND, "Парк").await;
        // Marked as gone, his proxy stands again: his phone says who votes for him.
        facilitator
            .sender
            .send(Command::Attendance(
                stratboard_core::commands::AttendanceOp::Leave {
                    participant: petrov,
                    at: chrono::Utc::now(),
                },
            ))
            .unwrap();
        let given = "Вы передали свой голос по доверенности: за вас голосует Анна. \
                     Чтобы голосовать самим, отметьтесь у ведущего.";
        wait_for_text(&client, None, "#votes p.card", given).await;
        check_accessibility(&client, axe.as_deref(), "a giver's phone").await;

        // A member without a vote.
        click_id(&client, "leave").await;
        appears(&client, Locator::Css("#join:not([hidden])")).await;
        client
            .goto(&format!("{}/join/{}", facilitator.url(), code(3)))
            .await
            .unwrap();
        let without = "Вы участвуете без права голоса: голосуют члены с правом голоса.";
        wait_for_text(&client, None, "#votes p.card", without).await;
        shot_sized(&client, "360x740", "no-vote", None).await;
        client.close().await.unwrap();
    });
    drop(browser);
    facilitator.stop_room();
    let first = facilitator.vote(PROXY_FIRST);
    let anna = stratboard_core::model::ParticipantId(facilitator.anna.0);
    let doc = std::mem::replace(
        &mut facilitator.owner,
        Owner {
            stop: Arc::default(),
            thread: None,
        },
    )
    .finish();
    let round = &doc.session().vote(first).unwrap().rounds[0];
    let mut voters = round.voters.clone();
    voters.sort();
    assert_eq!(voters, vec![anna, petrov], "both ballots landed");
    let choice = |who| {
        round
            .ballots
            .iter()
            .find(|b| b.voter == Some(who))
            .map(|b| b.choice.clone())
    };
    assert_eq!(
        choice(anna),
        Some(serde_json::from_str(r#"{"Consent":"For"}"#).unwrap())
    );
    assert_eq!(
        choice(petrov),
        Some(serde_json::from_str(r#"{"Consent":"Against"}"#).unwrap())
    );
}
