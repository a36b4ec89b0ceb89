//! kill -9 safety of the room server: `stratboard serve` is killed with SIGKILL at random
//! moments while 50 phones join and vote, 120 times. After every kill the session file loads
//! (no problems; its `.bak` too), and every ballot answered 200 is in it: in the open votes (a
//! consent vote corrected once, an approval vote corrected on and on) each voter's ballot is
//! the last one acknowledged or one sent after it whose answer the kill cut off; in the
//! secret vote every acknowledged voter is among the round's voters and every acknowledged
//! choice among its ballots, with nothing nobody sent. The file is kept across four kills:
//! serve is restarted on it three times, must start, and shows the phones exactly the
//! ballots the file held.
//!
//! The kill moments come from a small PRNG seeded per kill; the run's seed is printed, and
//! `STRATBOARD_KILL_SEED=N` repeats it. The test asserts nothing about timing, nor about the
//! temporary files an interrupted save leaves next to the session (it only counts them).
#![allow(clippy::unwrap_used)]

mod room_support;

use std::collections::BTreeSet;
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use room_support::{NO_ANSWER, Served, add_alternative, add_open_vote, add_participant};
use serde_json::Value;
use stratboard_core::model::{
    AlternativeId, Anonymity, Choice, ConsentChoice, ParticipantId, Session, VoteId, VoteMethod,
    VoteRound,
};

/// Phones voting at once.
const CLIENTS: usize = 50;
/// Kills in all.
const KILLS: usize = 120;
/// Kills per session file: the first on a fresh copy, the others after restarting serve.
const CHAIN: usize = 4;
/// The kill comes 0..=this many milliseconds after the phones start.
const MAX_DELAY_MS: u64 = 400;
/// Alternatives of the "ledger" vote; a ballot there is a counter written in binary.
const LEDGER_ALTERNATIVES: usize = 10;
/// Alternatives of the secret vote; phone `i` approves the set whose bits spell `i + 1`.
const SECRET_ALTERNATIVES: usize = 6;
/// Ledger ballots one phone casts per run at most (the kill usually comes first).
const LEDGER_CASTS: u32 = 60;

/// The votes the phones use.
struct Votes {
    /// Consent, open: "For", then a correction.
    consent: VoteId,
    /// Approval, secret: once per participant.
    secret: VoteId,
    /// Approval, open: corrected again and again, each ballot unique (a counter in binary).
    ledger: VoteId,
    secret_alternatives: Vec<AlternativeId>,
    ledger_alternatives: Vec<AlternativeId>,
}

impl Votes {
    fn correction(phone: usize) -> Choice {
        let choices = [
            ConsentChoice::Against,
            ConsentChoice::Abstain,
            ConsentChoice::Block,
        ];
        Choice::Consent(choices[phone % choices.len()])
    }

    fn secret_choice(&self, phone: usize) -> Choice {
        Choice::Approval(bits(&self.secret_alternatives, phone as u32 + 1))
    }

    fn ledger_choice(&self, counter: u32) -> Choice {
        let values = (1u32 << LEDGER_ALTERNATIVES) - 1;
        Choice::Approval(bits(&self.ledger_alternatives, counter % values + 1))
    }
}

/// The alternatives whose bit is set in `mask` (in id order).
fn bits(alternatives: &[AlternativeId], mask: u32) -> Vec<AlternativeId> {
    alternatives
        .iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, id)| *id)
        .collect()
}

/// 50 participants with codes, and three open votes: consent (open), approval (secret) and
/// the ledger approval (open).
fn base_session() -> (Session, Votes) {
    let mut s = Session::new("Kill -9");
    for i in 0..CLIENTS {
        add_participant(&mut s, format!("Участник {i}"));
    }
    add_alternative(&mut s, "The proposal");
    for i in 0..LEDGER_ALTERNATIVES {
        add_alternative(&mut s, format!("Option {i}"));
    }
    let mut ids: Vec<AlternativeId> = s.alternatives.iter().map(|a| a.id).collect();
    let proposal = ids.remove(0);
    ids.sort();
    let votes = [
        (
            "Adopt the proposal?",
            VoteMethod::Consent { allow_block: true },
            Anonymity::Open,
            vec![proposal],
        ),
        (
            "Which ones (secret)?",
            VoteMethod::Approval,
            Anonymity::Secret,
            ids[..SECRET_ALTERNATIVES].to_vec(),
        ),
        (
            "Which ones (open)?",
            VoteMethod::Approval,
            Anonymity::Open,
            ids.clone(),
        ),
    ];
    let mut opened = Vec::new();
    for (question, method, anonymity, alternatives) in votes {
        opened.push(add_open_vote(
            &mut s,
            question,
            method,
            anonymity,
            alternatives,
        ));
    }
    if let Some(codes) = stratboard_room::access::codes_for_everyone(&s).unwrap() {
        s.apply(codes).unwrap();
    }
    let votes = Votes {
        consent: opened[0],
        secret: opened[1],
        ledger: opened[2],
        secret_alternatives: ids[..SECRET_ALTERNATIVES].to_vec(),
        ledger_alternatives: ids,
    };
    (s, votes)
}

/// splitmix64: a small deterministic PRNG, one per kill.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// Starts `stratboard serve` on `file` and waits for its address line.
fn serve(file: &Path, codes: &Path) -> Served {
    Served::start(file, codes, &[])
}

/// One HTTP/1.1 request: `None` when the server could not be reached (nothing was sent),
/// else the status ([`NO_ANSWER`] when the answer never came) and the body.
fn http(
    address: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(address).ok()?;
    // Only so that a wedged connection cannot hang the test; never reached in practice.
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    // A reset after a kill ends the read; what came before it is kept.
    let reply = room_support::exchange(&mut stream, address, method, path, token, body);
    Some((reply.status, reply.body))
}

/// What a phone saw of its own ballots right after joining.
#[derive(Debug)]
struct Seen {
    consent: Option<Choice>,
    ledger: Option<Choice>,
    secret_voted: bool,
}

/// What one phone did in one run: every ballot sent, with the status it got.
#[derive(Debug, Default)]
struct Log {
    seen: Option<Seen>,
    consent: Vec<(Choice, u16)>,
    secret: Option<(Choice, u16)>,
    ledger: Vec<(Choice, u16)>,
    /// The ledger counter after this run.
    counter: u32,
    /// Statuses that no request here should get (with what was sent).
    odd: Vec<String>,
}

impl Log {
    fn cut_off(&self) -> bool {
        let all = self
            .consent
            .iter()
            .chain(&self.ledger)
            .chain(self.secret.as_ref());
        all.into_iter().any(|(_, status)| *status == NO_ANSWER)
    }
}

/// One phone: join, look at its ballots, vote "For" on the consent vote, cast the secret
/// ballot, correct the consent ballot, then correct the ledger ballot until the server is
/// gone (or [`LEDGER_CASTS`] times).
fn phone(address: &str, code: &str, index: usize, mut counter: u32, votes: &Votes) -> Log {
    let mut log = Log {
        counter,
        ..Log::default()
    };
    let Some((status, body)) = http(
        address,
        "POST",
        "/api/join",
        None,
        &serde_json::json!({ "code": code }).to_string(),
    ) else {
        return log;
    };
    if status != 200 {
        if status != NO_ANSWER {
            log.odd.push(format!("join: {status} {body}"));
        }
        return log;
    }
    let answer: Value = serde_json::from_str(&body).unwrap();
    let token = answer["token"].as_str().unwrap().to_owned();

    let Some((status, body)) = http(address, "GET", "/api/state", Some(&token), "") else {
        return log;
    };
    if status == 200 {
        let state: Value = serde_json::from_str(&body).unwrap();
        let vote = |id: VoteId| {
            state["votes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|v| v["id"] == id.0)
                .cloned()
                .unwrap_or_else(|| panic!("vote {} is not open: {state}", id.0))
        };
        let ballot = |id| serde_json::from_value::<Option<Choice>>(vote(id)["ballot"].clone());
        log.seen = Some(Seen {
            consent: ballot(votes.consent).unwrap(),
            ledger: ballot(votes.ledger).unwrap(),
            secret_voted: vote(votes.secret)["voted"].as_bool().unwrap(),
        });
    } else if status != NO_ANSWER {
        log.odd.push(format!("state: {status} {body}"));
    }

    // Each cast: `None` once the server cannot be reached.
    let cast = |vote: VoteId, choice: &Choice| -> Option<u16> {
        let path = format!("/api/votes/{}/ballot", vote.0);
        let body = serde_json::to_string(choice).unwrap();
        http(address, "POST", &path, Some(&token), &body).map(|(status, _)| status)
    };
    let first = Choice::Consent(ConsentChoice::For);
    let Some(status) = cast(votes.consent, &first) else {
        return log;
    };
    log.consent.push((first, status));
    if status == NO_ANSWER {
        return log;
    }
    let secret = votes.secret_choice(index);
    let Some(status) = cast(votes.secret, &secret) else {
        return log;
    };
    log.secret = Some((secret, status));
    if status == NO_ANSWER {
        return log;
    }
    let correction = Votes::correction(index);
    let Some(status) = cast(votes.consent, &correction) else {
        return log;
    };
    log.consent.push((correction, status));
    if status == NO_ANSWER {
        return log;
    }
    for _ in 0..LEDGER_CASTS {
        counter += 1;
        log.counter = counter;
        let choice = votes.ledger_choice(counter);
        let Some(status) = cast(votes.ledger, &choice) else {
            return log;
        };
        log.ledger.push((choice, status));
        if status == NO_ANSWER {
            return log;
        }
    }
    log
}

/// Names of hidden files in `dir` (an interrupted save leaves `.room.ron.XXXXXX`).
fn hidden_files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect()
}

#[derive(Debug, Default)]
struct Stats {
    kills: usize,
    restarts: usize,
    acknowledged: usize,
    acknowledged_secret: usize,
    /// Ballots in the file whose 200 the kill cut off (saved, never acknowledged).
    saved_unacknowledged: usize,
    /// Kills with at least one ballot sent and not answered.
    kills_in_flight: usize,
    /// Kills after which a new temporary file was left: the kill came during a save.
    kills_mid_write: usize,
    /// Phones that, after a restart, saw their ballots as the file held them.
    views_checked: usize,
}

fn round(session: &Session, vote: VoteId) -> &VoteRound {
    let vote = session.votes.iter().find(|v| v.id == vote).unwrap();
    assert_eq!(vote.rounds.len(), 1, "vote {}: one round", vote.id.0);
    &vote.rounds[0]
}

fn ballot_of(round: &VoteRound, who: ParticipantId) -> Option<Choice> {
    round
        .ballots
        .iter()
        .find(|b| b.voter == Some(who))
        .map(|b| b.choice.clone())
}

/// Checks an open vote's round: one ballot per voter, `voters` exactly the ballots' voters,
/// sorted.
fn open_round_is_sound(name: &str, round: &VoteRound, failures: &mut Vec<String>) {
    let mut voters: Vec<ParticipantId> = round
        .ballots
        .iter()
        .map(|b| b.voter.unwrap_or(ParticipantId(u32::MAX)))
        .collect();
    voters.sort();
    if voters != round.voters || voters.windows(2).any(|w| w[0] == w[1]) {
        failures.push(format!(
            "{name}: the ballots' voters {voters:?} are not the round's voters {:?}",
            round.voters
        ));
    }
    if round.ballots.iter().any(|b| b.count != 1) {
        failures.push(format!("{name}: a ballot counts more than once"));
    }
}

/// One phone's ballot in an open vote: the file holds the last one acknowledged or one sent
/// after it; with none acknowledged, what the file held before or one sent since.
fn check_open(
    name: &str,
    who: ParticipantId,
    before: Option<Choice>,
    sent: &[(Choice, u16)],
    after: &Option<Choice>,
    stats: &mut Stats,
    failures: &mut Vec<String>,
) {
    for (choice, status) in sent {
        if ![200, NO_ANSWER, 503].contains(status) {
            failures.push(format!(
                "{name}: participant {}: {choice:?} got {status}",
                who.0
            ));
        }
    }
    stats.acknowledged += sent.iter().filter(|(_, s)| *s == 200).count();
    let last = sent.iter().rposition(|(_, status)| *status == 200);
    let (known, since) = match last {
        Some(at) => (Some(sent[at].0.clone()), &sent[at + 1..]),
        None => (before, sent),
    };
    if *after == known {
        return;
    }
    if since
        .iter()
        .any(|(choice, _)| Some(choice) == after.as_ref())
    {
        stats.saved_unacknowledged += 1;
        return;
    }
    failures.push(format!(
        "{name}: participant {}: the file holds {after:?}, but the last ballot acknowledged \
         (or held before) is {known:?}, and sent after it: {since:?}; all sent this run: {sent:?}",
        who.0
    ));
}

/// The secret vote: every acknowledged voter among the voters and every acknowledged choice
/// among the ballots; nothing but what was there before and what was sent; a voter for each
/// ballot; "already voted" only for those who had.
fn check_secret(
    before: &VoteRound,
    after: &VoteRound,
    logs: &[(ParticipantId, Log)],
    stats: &mut Stats,
    failures: &mut Vec<String>,
) {
    if after
        .ballots
        .iter()
        .any(|b| b.voter.is_some() || b.count != 1)
    {
        failures.push("secret: a ballot names its voter or counts twice".to_owned());
    }
    if after.ballots.len() != after.voters.len() {
        failures.push(format!(
            "secret: {} ballots but {} voters",
            after.ballots.len(),
            after.voters.len()
        ));
    }
    if after.voters.windows(2).any(|w| w[0] >= w[1]) {
        failures.push(format!(
            "secret: voters not sorted or repeated: {:?}",
            after.voters
        ));
    }
    let mut new_ballots: Vec<Choice> = after.ballots.iter().map(|b| b.choice.clone()).collect();
    for old in &before.ballots {
        match new_ballots.iter().position(|c| *c == old.choice) {
            Some(at) => {
                new_ballots.remove(at);
            }
            None => failures.push(format!(
                "secret: {:?}, in the file before, is gone",
                old.choice
            )),
        }
    }
    let mut new_voters: BTreeSet<ParticipantId> = after.voters.iter().copied().collect();
    for old in &before.voters {
        if !new_voters.remove(old) {
            failures.push(format!(
                "secret: voter {}, in the file before, is gone",
                old.0
            ));
        }
    }
    let mut acknowledged = 0;
    for (who, log) in logs {
        let Some((choice, status)) = &log.secret else {
            continue;
        };
        let had_voted = before.voters.contains(who);
        match *status {
            200 => {
                acknowledged += 1;
                if had_voted {
                    failures.push(format!("secret: {} voted twice", who.0));
                }
                if !new_voters.remove(who) {
                    failures.push(format!("secret: acknowledged voter {} is missing", who.0));
                }
                match new_ballots.iter().position(|c| c == choice) {
                    Some(at) => {
                        new_ballots.remove(at);
                    }
                    None => failures.push(format!(
                        "secret: acknowledged ballot {choice:?} of {} is missing",
                        who.0
                    )),
                }
            }
            409 if had_voted => {}
            409 => failures.push(format!("secret: {} told \"already voted\" wrongly", who.0)),
            NO_ANSWER | 503 => {
                // Maybe saved: then both the voter and the ballot are in the file.
                if new_voters.remove(who) {
                    stats.saved_unacknowledged += 1;
                    match new_ballots.iter().position(|c| c == choice) {
                        Some(at) => {
                            new_ballots.remove(at);
                        }
                        None => failures.push(format!(
                            "secret: {} is a voter but the ballot {choice:?} is not in the file",
                            who.0
                        )),
                    }
                }
            }
            other => failures.push(format!("secret: {} got {other} for {choice:?}", who.0)),
        }
    }
    stats.acknowledged += acknowledged;
    stats.acknowledged_secret += acknowledged;
    if !new_voters.is_empty() || !new_ballots.is_empty() {
        failures.push(format!(
            "secret: voters {new_voters:?} and ballots {new_ballots:?} in the file that nobody sent"
        ));
    }
}

#[test]
fn kill_9_at_any_moment_loses_no_acknowledged_ballot() {
    let started = Instant::now();
    let seed: u64 = match std::env::var("STRATBOARD_KILL_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("STRATBOARD_KILL_SEED is a number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    };
    println!("room_kill: seed {seed} (repeat with STRATBOARD_KILL_SEED={seed})");

    let (base, votes) = base_session();
    let votes = Arc::new(votes);
    let scratch = tempfile::tempdir().unwrap();
    let base_file = scratch.path().join("base.ron");
    stratboard_core::storage::save(&base_file, &base, None).unwrap();
    let base = stratboard_core::storage::load(&base_file).unwrap();
    assert!(base.problems.is_empty(), "{:?}", base.problems);
    let codes: Vec<Option<String>> = base
        .session
        .participants
        .iter()
        .map(|p| p.code.clone())
        .collect();

    let mut stats = Stats::default();
    for chain in 0..KILLS.div_ceil(CHAIN) {
        let mut dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("room.ron");
        let codes_file = dir.path().join("codes.csv");
        std::fs::copy(&base_file, &file).unwrap();
        let mut known = base.session.clone();
        let mut counters = [0u32; CLIENTS];
        let mut line = Vec::new();
        for link in 0..CHAIN {
            let kill = chain * CHAIN + link;
            if kill >= KILLS {
                break;
            }
            let kill_seed = seed.wrapping_add(kill as u64);
            let mut rng = Rng(kill_seed);
            let delay = Duration::from_millis(rng.below(MAX_DELAY_MS + 1));
            let context = format!(
                "kill {kill} (seed {seed}, kill seed {kill_seed}, after {delay:?}, run {link} on {})",
                file.display()
            );
            let hidden_before = hidden_files(dir.path());

            let mut server = serve(&file, &codes_file);
            if link > 0 {
                stats.restarts += 1;
            }
            assert_eq!(
                server.codes.len(),
                CLIENTS,
                "{context}: a code for every participant"
            );
            let phones: Vec<_> = server
                .codes
                .iter()
                .enumerate()
                .map(|(index, (who, _, code))| {
                    let (who, code) = (ParticipantId(*who), code.clone());
                    let address = server.address.clone();
                    let (counter, votes) = (counters[index], Arc::clone(&votes));
                    std::thread::spawn(move || {
                        (who, phone(&address, &code, index, counter, &votes))
                    })
                })
                .collect();
            std::thread::sleep(delay);
            server.child.kill().unwrap();
            server.child.wait().unwrap();
            let logs: Vec<(ParticipantId, Log)> =
                phones.into_iter().map(|p| p.join().unwrap()).collect();
            stats.kills += 1;
            if logs.iter().any(|(_, log)| log.cut_off()) {
                stats.kills_in_flight += 1;
            }
            let mid_write = !hidden_files(dir.path()).is_subset(&hidden_before);
            if mid_write {
                stats.kills_mid_write += 1;
            }

            let loaded = match stratboard_core::storage::load(&file) {
                Ok(loaded) => loaded,
                Err(error) => {
                    dir.disable_cleanup(true);
                    panic!("{context}: the session file does not load (kept): {error}");
                }
            };
            let after = loaded.session;
            let mut failures = Vec::new();
            // The previous version, kept by each save, is written the same way.
            let backup = stratboard_core::storage::backup_path(&file);
            if backup.exists()
                && let Err(error) = stratboard_core::storage::load(&backup)
            {
                failures.push(format!("the backup does not load: {error}"));
            }
            if !loaded.problems.is_empty() {
                failures.push(format!("the file has problems: {:?}", loaded.problems));
            }
            let after_codes: Vec<Option<String>> =
                after.participants.iter().map(|p| p.code.clone()).collect();
            if after_codes != codes {
                failures.push("the participants' codes changed".to_owned());
            }
            for (who, log) in &logs {
                failures.extend(
                    log.odd
                        .iter()
                        .map(|odd| format!("participant {}: {odd}", who.0)),
                );
            }
            // The phones see what the file held (after a restart: what the last kill left).
            for (who, log) in &logs {
                let Some(seen) = &log.seen else { continue };
                let consent = ballot_of(round(&known, votes.consent), *who);
                let ledger = ballot_of(round(&known, votes.ledger), *who);
                let voted = round(&known, votes.secret).voters.contains(who);
                if seen.consent != consent || seen.ledger != ledger || seen.secret_voted != voted {
                    failures.push(format!(
                        "on joining, participant {} sees {seen:?}, the file held \
                         consent {consent:?}, ledger {ledger:?}, secret voted {voted}",
                        who.0
                    ));
                }
                if link > 0 {
                    stats.views_checked += 1;
                }
            }
            for (name, vote) in [("consent", votes.consent), ("ledger", votes.ledger)] {
                let (before, now) = (round(&known, vote), round(&after, vote));
                open_round_is_sound(name, now, &mut failures);
                for (who, log) in &logs {
                    let sent = if vote == votes.consent {
                        &log.consent
                    } else {
                        &log.ledger
                    };
                    check_open(
                        name,
                        *who,
                        ballot_of(before, *who),
                        sent,
                        &ballot_of(now, *who),
                        &mut stats,
                        &mut failures,
                    );
                }
            }
            check_secret(
                round(&known, votes.secret),
                round(&after, votes.secret),
                &logs,
                &mut stats,
                &mut failures,
            );
            if !failures.is_empty() {
                dir.disable_cleanup(true);
                panic!(
                    "{context}: {} failures (the file is kept):\n{}",
                    failures.len(),
                    failures.join("\n")
                );
            }
            let acknowledged: usize = logs
                .iter()
                .map(|(_, log)| {
                    let all = log
                        .consent
                        .iter()
                        .chain(&log.ledger)
                        .chain(log.secret.as_ref());
                    all.filter(|(_, s)| *s == 200).count()
                })
                .sum();
            line.push(format!(
                "{}ms:{acknowledged}{}",
                delay.as_millis(),
                if mid_write { "*" } else { "" }
            ));
            for (index, (_, log)) in logs.iter().enumerate() {
                counters[index] = log.counter;
            }
            known = after;
        }
        println!(
            "room_kill: file {chain}: kill after ms:acknowledged (* mid-write) {}",
            line.join(" ")
        );
    }
    println!(
        "room_kill: {} kills ({} after a restart on the same file), {CLIENTS} phones, {} \
         acknowledged ballots all in the file ({} secret), {} saved ballots whose answer the \
         kill cut off, {} kills with ballots in flight, {} kills mid-write (a temporary file \
         left), {} phone views checked after restarts, {:.1} s",
        stats.kills,
        stats.restarts,
        stats.acknowledged,
        stats.acknowledged_secret,
        stats.saved_unacknowledged,
        stats.kills_in_flight,
        stats.kills_mid_write,
        stats.views_checked,
        started.elapsed().as_secs_f64()
    );
}

/// kill -9 while a secret batch waits: four secret ballots are held back (none answered),
/// then the server is killed. The file (and what it replays) holds nothing of them — no
/// ballot, no voter — and none of the four phones was told "accepted"; the file loads.
#[test]
fn kill_9_while_a_secret_batch_waits_leaves_nothing_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.ron");
    let (session, votes) = base_session();
    stratboard_core::storage::save(&file, &session, None).unwrap();
    let served = serve(&file, &dir.path().join("codes.csv"));
    let address = served.address.clone();
    let choice =
        serde_json::to_string(&Choice::Approval(vec![votes.secret_alternatives[0]])).unwrap();
    let secret = votes.secret.0;
    let phones: Vec<_> = served.codes[..4]
        .iter()
        .map(|(_, _, code)| {
            let (address, code, choice) = (address.clone(), code.clone(), choice.clone());
            std::thread::spawn(move || {
                let body = format!("{{\"code\":\"{code}\"}}");
                let (status, joined) = http(&address, "POST", "/api/join", None, &body).unwrap();
                assert_eq!(status, 200, "{joined}");
                let joined: Value = serde_json::from_str(&joined).unwrap();
                let token = joined["token"].as_str().unwrap().to_owned();
                let path = format!("/api/votes/{secret}/ballot");
                http(&address, "POST", &path, Some(&token), &choice).map(|(status, _)| status)
            })
        })
        .collect();
    // The four are held by now (a ballot is taken within milliseconds; held ones are answered
    // only after about 11 s). Nothing here depends on it: a ballot not yet taken is not on
    // disk either.
    std::thread::sleep(Duration::from_millis(1500));
    let mut served = served;
    served.child.kill().unwrap();
    served.child.wait().unwrap();
    for phone in phones {
        let status = phone.join().unwrap();
        assert_ne!(status, Some(200), "no held ballot was acknowledged");
    }
    let loaded = stratboard_core::storage::load(&file).unwrap();
    let round = round(&loaded.session, votes.secret);
    assert!(round.ballots.is_empty(), "{:?}", round.ballots);
    assert!(round.voters.is_empty(), "{:?}", round.voters);
}
