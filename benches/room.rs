//! Simulated phones on loopback (1,000, or `STRATBOARD_PHONES`) join the room and cast a
//! ballot at once against a real `stratboard serve`. Prints the time until all are
//! acknowledged and that time per ballot, p50 / p99 latency of join + ballot, ballots lost
//! (acknowledged but not in the file afterwards), and the server's peak RSS. Targets
//! (2 cores): 1,000 phones all within 5 s, p99 ≤ 1 s; 5,000 all within 5 s, p99 ≤ 2 s, the
//! time per ballot within 1.5× of that at 1,000; 0 lost. Each phone holds one socket at a
//! time: 5,000 need `ulimit -n` above 5,000 here and in the server, which inherits it.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "../tests/room_support/mod.rs"]
mod room_support;

use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use room_support::{Served, add_alternative, add_open_vote, add_participant};
use stratboard_core::model::{Anonymity, Session, VoteMethod};

/// How many phones when `STRATBOARD_PHONES` does not say.
const DEFAULT_PHONES: usize = 1000;

/// The number of phones: `STRATBOARD_PHONES`, else [`DEFAULT_PHONES`].
fn phones() -> usize {
    std::env::var("STRATBOARD_PHONES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_PHONES)
}

fn session(phones: usize) -> Session {
    let mut s = Session::new("Hall of phones");
    for i in 0..phones {
        add_participant(&mut s, format!("Участник {i}"));
    }
    for title in ["Park", "School", "Road", "Clinic", "Library"] {
        add_alternative(&mut s, title);
    }
    let alternatives: Vec<_> = s.alternatives.iter().map(|a| a.id).collect();
    add_open_vote(
        &mut s,
        "Which ones?",
        VoteMethod::Approval,
        Anonymity::Secret,
        alternatives,
    );
    s
}

fn request(address: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let mut stream = loop {
        match TcpStream::connect(address) {
            Ok(stream) => break stream,
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let reply = room_support::exchange(&mut stream, address, "POST", path, token, body);
    // A reset connection counts as not answered (status 0, with why), not as a crash of the
    // bench.
    match (reply.status, reply.error) {
        (0, Some(error)) => (0, format!("{:?}", error.kind())),
        (status, _) => (status, reply.body),
    }
}

fn main() {
    let phones_count = phones();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hall.ron");
    let codes_file = dir.path().join("codes.csv");
    stratboard_core::storage::save(&file, &session(phones_count), None).unwrap();
    let mut served = Served::start(&file, &codes_file, &[]);
    let address = served.address.clone();
    let codes: Vec<String> = served
        .codes
        .iter()
        .map(|(_, _, code)| code.clone())
        .collect();
    let session = stratboard_core::storage::load(&file).unwrap().session;
    let vote = session.votes[0].id.0;
    let approve = format!("{{\"Approval\":[{}]}}", session.alternatives[0].id.0);
    let barrier = Arc::new(Barrier::new(phones_count + 1));
    let phones: Vec<_> = codes
        .into_iter()
        .map(|code| {
            let (address, barrier, approve) =
                (address.clone(), Arc::clone(&barrier), approve.clone());
            std::thread::Builder::new()
                .stack_size(128 * 1024)
                .spawn(move || {
                    barrier.wait();
                    let start = Instant::now();
                    let (status, answer) = request(
                        &address,
                        "/api/join",
                        None,
                        &format!("{{\"code\":\"{code}\"}}"),
                    );
                    if status != 200 {
                        let why = if status == 0 { answer.as_str() } else { "" };
                        return (start.elapsed(), format!("join {status} {why}"));
                    }
                    let token = answer
                        .split("\"token\":\"")
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .to_owned();
                    let path = format!("/api/votes/{vote}/ballot");
                    let (status, answer) = request(&address, &path, Some(&token), &approve);
                    let why = if status == 0 { answer.as_str() } else { "" };
                    (
                        start.elapsed(),
                        format!("ballot {status} {why}").trim().to_owned(),
                    )
                })
                .unwrap()
        })
        .collect();
    let start = Instant::now();
    barrier.wait();
    let mut latencies = Vec::new();
    let mut acknowledged = 0_usize;
    // What the phones that were not acknowledged got (status 0: no answer).
    let mut refused = std::collections::BTreeMap::<String, usize>::new();
    for phone in phones {
        let (latency, outcome) = phone.join().unwrap();
        latencies.push(latency);
        if outcome == "ballot 200" {
            acknowledged += 1;
        } else {
            *refused.entry(outcome).or_default() += 1;
        }
    }
    let all = start.elapsed();
    let rss = std::fs::read_to_string(format!("/proc/{}/status", served.child.id()))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_owned())
        .unwrap_or_else(|| "?".into());
    served.terminate();
    served.child.wait().unwrap();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    let in_file = stratboard_core::storage::load(&file).unwrap().session.votes[0].rounds[0]
        .ballots
        .len();
    println!(
        "room: {phones_count} phones on loopback join and cast one secret approval ballot at once"
    );
    println!("  acknowledged         {acknowledged} of {phones_count}");
    for (outcome, count) in &refused {
        println!("  not acknowledged     {count} × {outcome}");
    }
    println!("  all answered in      {:.3} s", all.as_secs_f64());
    println!(
        "  per ballot           {:.3} ms (all answered / phones)",
        all.as_secs_f64() * 1000.0 / phones_count as f64
    );
    println!(
        "  latency p50 / p99    {:.3} / {:.3} s (join + ballot)",
        at(0.5).as_secs_f64(),
        at(0.99).as_secs_f64()
    );
    println!(
        "  ballots in the file  {in_file}; lost (acknowledged, not in file) {}",
        acknowledged.saturating_sub(in_file)
    );
    println!("  server peak RSS      {rss} kB");
}
