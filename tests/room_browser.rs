//! The phone page in a real browser: `stratboard serve` on 127.0.0.1, headless Chromium driven
//! through chromedriver (WebDriver, over plain HTTP on loopback), emulating a 360×740 px phone
//! (the page must not stick out sideways). A participant types the code, joins, votes in an
//! open consent vote («За», then Send) and in an open Schulze vote (taps the alternatives in an
//! order of their own, then Send), puts two alternatives level in an open Borda vote (taps, then
//! «=», then Send), sends an idea; after SIGTERM the session file holds the three ballots under
//! that participant (the Borda one with its tie) and the idea as a hidden alternative they
//! proposed. With `STRATBOARD_PHONE_SHOT=FILE` the ranked ballot with the tie is shot to FILE.
//!
//! Without `chromedriver` and Chromium on `PATH` the test prints a note and passes, unless
//! `STRATBOARD_REQUIRE_BROWSER=1` (as in CI), when it fails. Chromedriver and every browser
//! process are killed at the end, also when the test fails (a drop guard).
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod browser_support;
mod room_support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use browser_support::{
    Browser, appears, assert_fits, button, card, click_id, open_vote, phone, tools, wait_for_text,
};
use fantoccini::{Client, Locator};
use room_support::{Served, add_alternative, add_open_vote, add_participant};
use serde_json::json;
use stratboard_core::model::{
    AlternativeId, Anonymity, Ballot, Choice, ConsentChoice, Dots, ParticipantId, Proposer,
    Session, VoteMethod, VoteStatus,
};

const CONSENT: &str = "Строим парк?";
const RANKED: &str = "Что делаем первым?";
const ALTERNATIVES: [&str; 3] = ["Парк", "Школа", "Дорога"];
/// The order the participant taps the ranked vote's alternatives in (not the ballot's order).
const TAPPED: [&str; 3] = ["Дорога", "Парк", "Школа"];
const TIED: &str = "Что делаем потом?";
/// The order the participant taps the Borda vote's alternatives in; then «=» puts the last
/// one level with the one before it.
const TIED_TAPS: [&str; 3] = ["Школа", "Дорога", "Парк"];
const IDEA: &str = "Велодорожки вдоль реки";
/// A dot vote: 4 dots, at most 3 on one alternative.
const DOTS: &str = "Куда направим средства?";

/// A Russian session: three participants, three alternatives, an open consent vote and an open
/// Schulze vote (open: the file keeps who cast each ballot).
fn session() -> Session {
    let mut s = Session::new("Сессия в браузере");
    for name in ["Анна", "Борис", "Вера"] {
        add_participant(&mut s, name);
    }
    for title in ALTERNATIVES {
        add_alternative(&mut s, title);
    }
    let alternatives: Vec<_> = s.alternatives.iter().map(|a| a.id).collect();
    for (question, method, on_ballot) in [
        (
            CONSENT,
            VoteMethod::Consent { allow_block: false },
            vec![alternatives[0]],
        ),
        (RANKED, VoteMethod::Schulze, alternatives.clone()),
        (TIED, VoteMethod::Borda, alternatives.clone()),
        (
            DOTS,
            VoteMethod::Dot {
                dots: 4,
                cap: Some(3),
            },
            alternatives.clone(),
        ),
    ] {
        add_open_vote(&mut s, question, method, Anonymity::Open, on_ballot);
    }
    s
}

/// `stratboard serve` on 127.0.0.1:0; killed on drop unless stopped with SIGTERM first.
struct Server {
    served: Served,
    file: PathBuf,
    url: String,
    /// (participant id, name, code) from `--codes`.
    codes: Vec<(u32, String, String)>,
}

impl Server {
    fn start(dir: &Path) -> Self {
        let file = dir.join("room.ron");
        stratboard_core::storage::save(&file, &session(), None).unwrap();
        let served = Served::start(&file, &dir.join("codes.csv"), &[]);
        let url = format!("http://{}", served.address);
        let codes = served.codes.clone();
        Self {
            served,
            file,
            url,
            codes,
        }
    }

    /// SIGTERM through the shell's own `kill` (no procps needed); waits for a clean exit.
    fn stop(&mut self) {
        let killed = self.served.terminate();
        assert!(killed);
        let status = self.served.child.wait().unwrap();
        assert!(status.success(), "exit 0 on SIGTERM: {status:?}");
    }

    fn on_disk(&self) -> Session {
        stratboard_core::storage::load(&self.file).unwrap().session
    }
}

/// Spends dots: the page takes no dot over the budget (4, at most 3 on one), then sends.
async fn spend_dots(client: &Client) {
    open_vote(client, DOTS).await;
    wait_for_text(client, Some(DOTS), ".left", "Осталось точек: 4").await;
    // Three on Школа after three on Парк would be 6 of 4: that tap is not taken.
    for (label, left) in [("Парк: 3", 1), ("Школа: 3", 1), ("Школа: 1", 0)] {
        button(client, DOTS, label).await.click().await.unwrap();
        let counter = format!("Осталось точек: {left}");
        wait_for_text(client, Some(DOTS), ".left", &counter).await;
    }
    let send = button(client, DOTS, "Отправить").await;
    send.click().await.unwrap();
    wait_for_text(client, Some(DOTS), ".mine", "Ваш выбор: Парк ×3, Школа ×1").await;
}

/// What one participant does on their phone.
async fn take_part(client: &Client, server: &Server, code: &str) {
    client.goto(&format!("{}/", server.url)).await.unwrap();
    let field = appears(client, Locator::Id("code")).await;
    field.send_keys(code).await.unwrap();
    click_id(client, "join-button").await;
    wait_for_text(client, None, "#who", "Вы: Анна").await;
    assert_fits(client, 360).await;

    // Consent: Send waits, saying why, until an answer is chosen; then «За», then Send.
    wait_for_text(client, Some(CONSENT), ".why", "Выберите ответ.").await;
    let send = button(client, CONSENT, "Отправить").await;
    assert!(
        !send.is_enabled().await.unwrap(),
        "Send waits for an answer"
    );
    button(client, CONSENT, "За").await.click().await.unwrap();
    wait_for_text(client, Some(CONSENT), ".why", "").await;
    button(client, CONSENT, "Отправить")
        .await
        .click()
        .await
        .unwrap();
    // Accepted: the card folds to one line with the answer, and says when it was accepted.
    wait_for_text(client, Some(CONSENT), ".mine", "Ваш выбор: За").await;
    let at = card(client, CONSENT)
        .await
        .unwrap()
        .find(Locator::Css(".message.ok"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(at.starts_with("Голос принят в "), "{at}");
    spend_dots(client).await;

    // Ranked: tap in an order of one's own; the buttons show the places; then Send.
    for title in TAPPED {
        button(client, RANKED, title).await.click().await.unwrap();
    }
    for (place, title) in TAPPED.iter().enumerate() {
        let shown = button(client, RANKED, title).await.text().await.unwrap();
        // The place and the title, however the button lays them out.
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            shown,
            format!("{} {title}", place + 1),
            "the ranked card shows the tapped order (a redraw did not reset it)"
        );
    }
    button(client, RANKED, "Отправить")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(
        client,
        Some(RANKED),
        ".mine",
        "Ваш выбор: 1. Дорога; 2. Парк; 3. Школа",
    )
    .await;

    put_two_level(client).await;

    // An idea.
    client
        .find(Locator::Id("idea"))
        .await
        .unwrap()
        .send_keys(IDEA)
        .await
        .unwrap();
    client
        .find(Locator::Id("idea-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(client, None, "#idea-message", "Идея отправлена.").await;
    assert_fits(client, 360).await;
}

/// Ranked with a tie: taps in order, then «=» beside the last one puts it on the place of the
/// one tapped before it; the buttons show the shared place; then Send.
async fn put_two_level(client: &Client) {
    for title in TIED_TAPS {
        button(client, TIED, title).await.click().await.unwrap();
    }
    let level = format!(
        "button[aria-label=\"Наравне с выбранным перед ним: {}\"]",
        TIED_TAPS[2]
    );
    card(client, TIED)
        .await
        .unwrap()
        .find(Locator::Css(&level))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for (place, title) in [(1, TIED_TAPS[0]), (2, TIED_TAPS[1]), (2, TIED_TAPS[2])] {
        let shown = button(client, TIED, title).await.text().await.unwrap();
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            shown,
            format!("{place} {title}"),
            "the tie shows as a shared place"
        );
    }
    wait_for_text(
        client,
        Some(TIED),
        ".order",
        "Ваш порядок: 1. Школа; 2. Дорога = Парк",
    )
    .await;
    assert_fits(client, 360).await;
    if let Some(file) = std::env::var_os("STRATBOARD_PHONE_SHOT") {
        let card = card(client, TIED).await.unwrap();
        client
            .execute("arguments[0].scrollIntoView();", vec![json!(card)])
            .await
            .unwrap();
        std::fs::write(file, client.screenshot().await.unwrap()).unwrap();
    }
    button(client, TIED, "Отправить")
        .await
        .click()
        .await
        .unwrap();
    let stored = "1. Школа; 2. Дорога = Парк";
    wait_for_text(client, Some(TIED), ".mine", &format!("Ваш выбор: {stored}")).await;
    // Change: the stored tie comes back whole, both level alternatives on the shared place.
    button(client, TIED, "Изменить")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(
        client,
        Some(TIED),
        ".order",
        &format!("Ваш порядок: {stored}"),
    )
    .await;
}

#[test]
fn a_phone_in_chromium_joins_votes_and_sends_an_idea() {
    let Some((chromedriver, chromium)) = tools() else {
        return;
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path());
    let (anna, name, code) = server.codes[0].clone();
    assert_eq!(name, "Анна");
    let browser = Browser::start(&chromedriver);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = phone(&browser, &chromium, 360, 740).await;
        take_part(&client, &server, &code).await;
        // Another participant's card's link on the same phone: the device joins as him, and
        // the code is taken out of the address at once.
        let (_, boris, boris_code) = server.codes[1].clone();
        client
            .goto(&format!("{}/join/{boris_code}", server.url))
            .await
            .unwrap();
        wait_for_text(&client, None, "#who", &format!("Вы: {boris}")).await;
        let address = client.current_url().await.unwrap();
        assert_eq!(address.path(), "/", "{address}");
        // «Не вы? Выйти»: the phone forgets the device and shows the join form again.
        click_id(&client, "leave").await;
        let join_form = appears(&client, Locator::Css("#join:not([hidden])")).await;
        assert!(join_form.is_displayed().await.unwrap());
        let kept: serde_json::Value = client
            .execute("return localStorage.getItem('stratboard-token');", vec![])
            .await
            .unwrap();
        assert_eq!(kept, serde_json::Value::Null, "the phone forgot the token");
        client.close().await.unwrap();
    });
    drop(browser);

    server.stop();
    let session = server.on_disk();
    let id = |title: &str| -> AlternativeId {
        session
            .alternatives
            .iter()
            .find(|a| a.title == title)
            .unwrap()
            .id
    };
    let voter = Some(ParticipantId(anna));
    let ballots = |question: &str| -> Vec<Ballot> {
        let vote = session
            .votes
            .iter()
            .find(|v| v.question == question)
            .unwrap();
        vote.rounds.last().unwrap().ballots.clone()
    };
    assert_eq!(
        ballots(CONSENT),
        vec![Ballot {
            voter,
            count: 1,
            choice: Choice::Consent(ConsentChoice::For),
        }]
    );
    assert_eq!(
        ballots(RANKED),
        vec![Ballot {
            voter,
            count: 1,
            choice: Choice::Ranking(TAPPED.iter().map(|t| vec![id(t)]).collect()),
        }]
    );
    assert_eq!(
        ballots(TIED),
        vec![Ballot {
            voter,
            count: 1,
            choice: Choice::Ranking(vec![
                vec![id(TIED_TAPS[0])],
                vec![id(TIED_TAPS[1]), id(TIED_TAPS[2])],
            ]),
        }]
    );
    assert_eq!(
        ballots(DOTS),
        vec![Ballot {
            voter,
            count: 1,
            choice: Choice::Dots(vec![
                Dots {
                    alternative: id("Парк"),
                    dots: 3
                },
                Dots {
                    alternative: id("Школа"),
                    dots: 1
                },
            ]),
        }]
    );
    let idea = session
        .alternatives
        .iter()
        .find(|a| a.title == IDEA)
        .unwrap();
    assert!(idea.hidden, "an idea waits hidden for the facilitator");
    assert_eq!(
        idea.proposer,
        Some(Proposer::Participant(ParticipantId(anna)))
    );
    eprintln!("browser test took {:.1?}", started.elapsed());
}

/// The sessions `scripts/phone-shots.sh` serves load, speak their language (Cyrillic text or
/// not) and hold an open vote of every ballot kind, so the screenshots show every form.
#[test]
fn the_phone_shots_sessions_hold_an_open_vote_of_every_ballot_kind() {
    let kind = |method: &VoteMethod| match method {
        VoteMethod::Consent { .. } => "consent",
        VoteMethod::Plurality => "plurality",
        VoteMethod::Approval => "approval",
        VoteMethod::Dot { .. } => "dot",
        VoteMethod::Score { .. } => "score",
        VoteMethod::MajorityJudgment { .. } => "majority judgment",
        VoteMethod::Borda
        | VoteMethod::Irv
        | VoteMethod::Schulze
        | VoteMethod::RankedPairs
        | VoteMethod::Copeland
        | VoteMethod::Condorcet => "ranked",
        VoteMethod::Matrix { .. } => "matrix",
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, cyrillic) in [
        ("room-every-ballot.ron", true),
        ("room-every-ballot-en.ron", false),
    ] {
        let session = stratboard_core::storage::load(&fixtures.join(file))
            .unwrap()
            .session;
        let mut kinds: Vec<&str> = session
            .votes
            .iter()
            .filter(|v| v.status == VoteStatus::Open)
            .map(|v| kind(&v.method))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(
            kinds,
            [
                "approval",
                "consent",
                "dot",
                "majority judgment",
                "matrix",
                "plurality",
                "ranked",
                "score"
            ],
            "{file}"
        );
        let has_cyrillic = session
            .meta
            .title
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        assert_eq!(has_cyrillic, cyrillic, "{file}: the page's language");
    }
}
