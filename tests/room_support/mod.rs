//! What the room's tests and its bench share: `stratboard serve` started on a session file
//! (and stopped), one HTTP/1.1 request over a plain socket as a phone sends it, and a session
//! built with the core's commands. Each test file uses a part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command as Process, Stdio};

use stratboard_core::commands::{Command, Item, ItemRef, Outcome, VoteOp};
use stratboard_core::model::{
    Alternative, AlternativeId, Anonymity, Participant, Session, Vote, VoteId, VoteMethod,
};

/// The status of a request that was sent but never answered (the server died or hung up).
pub const NO_ANSWER: u16 = 0;

/// A running `stratboard serve`; killed on drop (unless it already ended).
pub struct Served {
    /// The server's process.
    pub child: Child,
    /// `127.0.0.1:PORT`, from the address line it prints first.
    pub address: String,
    /// `(participant id, name, code)` as `--codes` wrote them.
    pub codes: Vec<(u32, String, String)>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

impl Served {
    /// Starts `stratboard serve FILE --bind 127.0.0.1:0 --codes CODES EXTRA…` and waits for
    /// its address line.
    pub fn start(file: &Path, codes: &Path, extra: &[&str]) -> Self {
        let mut child = Process::new(env!("CARGO_BIN_EXE_stratboard"))
            .arg("serve")
            .arg(file)
            .args(["--bind", "127.0.0.1:0", "--codes"])
            .arg(codes)
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let Some(address) = first
            .trim()
            .strip_prefix("http://")
            .and_then(|a| a.strip_suffix('/'))
            .map(str::to_owned)
        else {
            let status = child.wait().unwrap();
            panic!(
                "serve did not start on {}: first line {first:?} (not the address), {status}",
                file.display()
            );
        };
        let codes = std::fs::read_to_string(codes)
            .unwrap()
            .lines()
            .skip(1)
            .map(|line| {
                let fields: Vec<&str> = line.split(',').collect();
                (
                    fields[0].parse().unwrap(),
                    fields[1].to_owned(),
                    fields[2].to_owned(),
                )
            })
            .collect();
        Self {
            child,
            address,
            codes,
        }
    }

    /// Sends SIGTERM through the shell's own `kill` (no procps needed on a fresh machine);
    /// returns whether `kill` succeeded. The caller waits for the exit.
    pub fn terminate(&self) -> bool {
        Process::new("sh")
            .args(["-c", &format!("kill -TERM {}", self.child.id())])
            .status()
            .is_ok_and(|status| status.success())
    }
}

/// What came back for one request.
#[derive(Debug)]
pub struct Reply {
    /// The HTTP status, [`NO_ANSWER`] when no status line came.
    pub status: u16,
    /// The body (what follows the headers), as text.
    pub body: String,
    /// The first error writing the request or reading the answer, if any (what came before a
    /// reset is kept in `status` and `body`).
    pub error: Option<std::io::Error>,
}

/// Sends one HTTP/1.1 request (`Connection: close`, a JSON body, the token as a Bearer) on
/// `stream` to `address`, and reads the answer until the server closes the connection.
pub fn exchange(
    stream: &mut TcpStream,
    address: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> Reply {
    exchange_with(stream, address, (method, path), token, &[], body)
}

/// [`exchange`] with more headers (`name`, `value`), such as an `Idempotency-Key`.
pub fn exchange_with(
    stream: &mut TcpStream,
    address: &str,
    (method, path): (&str, &str),
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    let extra: String = headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n{auth}{extra}\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    if let Err(error) = stream.write_all(request.as_bytes()) {
        return Reply {
            status: NO_ANSWER,
            body: String::new(),
            error: Some(error),
        };
    }
    let mut answer = Vec::new();
    let error = stream.read_to_end(&mut answer).err();
    let answer = String::from_utf8_lossy(&answer);
    let status = answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or(NO_ANSWER);
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    Reply {
        status,
        body: body.to_owned(),
        error,
    }
}

/// Applies `Command::Add(item)` to `session` and returns the new item's reference.
pub fn added(session: &mut Session, item: Item) -> ItemRef {
    match session.apply(Command::Add(item)).unwrap().outcome {
        Outcome::Added(added) => added,
        other => panic!("{other:?}"),
    }
}

/// Adds a participant called `name`.
pub fn add_participant(session: &mut Session, name: impl Into<String>) {
    added(
        session,
        Item::Participant(Participant {
            name: name.into(),
            ..Participant::default()
        }),
    );
}

/// Adds an alternative titled `title`.
pub fn add_alternative(session: &mut Session, title: impl Into<String>) {
    added(
        session,
        Item::Alternative(Alternative {
            title: title.into(),
            ..Alternative::default()
        }),
    );
}

/// Adds a vote on `alternatives` and opens it.
pub fn add_open_vote(
    session: &mut Session,
    question: &str,
    method: VoteMethod,
    anonymity: Anonymity,
    alternatives: Vec<AlternativeId>,
) -> VoteId {
    let vote = Vote {
        question: question.into(),
        alternatives,
        method,
        anonymity,
        ..Vote::default()
    };
    let ItemRef::Vote(id) = added(session, Item::Vote(vote)) else {
        panic!("not a vote")
    };
    session
        .apply(Command::Vote {
            vote: id,
            op: VoteOp::Open,
        })
        .unwrap();
    id
}
