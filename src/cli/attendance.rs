//! `stratboard attendance SESSION.ron [--present ID...] [--remote ID...] [--absent ID...]
//! [--left ID...] [--proxy FROM=TO...] [--revoke-proxy FROM...] [--quorum
//! half|two-thirds|N|none] [--json]`: the secretary's register from the command line.
//!
//! The marks given are applied as one change (`Command::Batch`: all or nothing) in this order:
//! presence (`--present`, `--remote`, `--absent`), then `--left`, then the proxies revoked,
//! then the proxies given, then the quorum rule — so `--present B --proxy A=B` works in one
//! call. Arrivals and departures are timed now. The session is saved atomically (its previous
//! version kept as `.bak`; a journal beside it is replayed on loading and folded in by the
//! save). Without marks nothing is written.
//!
//! A mark that cannot be made — an unknown id, a participant marked twice, leaving without
//! being here, a proxy from or to someone without a vote, to someone not here, to oneself,
//! over the limit or chained, a malformed `FROM=TO` or quorum — is refused: one line on
//! stderr naming the file, the option and the participant, exit 1, and the file untouched.
//!
//! Then it prints the register: a table in the session's language, or with `--json` one
//! object, keys in alphabetical order:
//! `{"members", "participants": [{"arrived", "id", "left", "name", "proxy_for", "proxy_to",
//! "status", "voting"}], "present_members", "proxies", "quorum": {"met", "needed", "rule"} |
//! null}` (see `docs/cli.md`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, SecondsFormat, SubsecRound as _, Utc};
use serde_json::{Map, Value};

use stratboard_core::commands::{AttendanceOp, AttendanceRefusal, Command, CommandError};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{
    Participant, ParticipantId, Presence, Proxy, ProxyProblem, QuorumRule, Session,
};
use stratboard_core::report::{self, Zone};
use stratboard_core::storage;

/// The marks asked for on the command line, as typed.
#[derive(Debug, Default)]
pub struct Marks {
    /// `--present`: here, in the room.
    pub present: Vec<String>,
    /// `--remote`: here, by video link.
    pub remote: Vec<String>,
    /// `--absent`.
    pub absent: Vec<String>,
    /// `--left`: gone before the end.
    pub left: Vec<String>,
    /// `--proxy FROM=TO`.
    pub proxies: Vec<String>,
    /// `--revoke-proxy FROM`.
    pub revoked: Vec<String>,
    /// `--quorum half|two-thirds|N|none`.
    pub quorum: Option<String>,
}

impl Marks {
    fn is_empty(&self) -> bool {
        self.present.is_empty()
            && self.remote.is_empty()
            && self.absent.is_empty()
            && self.left.is_empty()
            && self.proxies.is_empty()
            && self.revoked.is_empty()
            && self.quorum.is_none()
    }
}

/// One command to apply, with the option it came from (for a refusal's message).
struct Step {
    option: String,
    command: Command,
}

/// Runs `stratboard attendance`.
pub fn run(path: &Path, marks: &Marks, json: bool) -> ExitCode {
    let shown = path.display().to_string();
    let loaded = match super::load_anyway(path, "registering") {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut session = loaded.session;
    if !marks.is_empty() {
        let now = Utc::now().trunc_subsecs(0);
        let steps = match steps(&session, marks, now) {
            Ok(steps) => steps,
            Err(reason) => return refuse(&shown, &reason),
        };
        if let Err(reason) = apply(&mut session, steps) {
            return refuse(&shown, &reason);
        }
        if let Err(error) = storage::save(path, &session, Some(&loaded.fingerprint)) {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
        eprintln!("{shown}: register saved");
    }
    if json {
        println!("{}", to_json(&session));
    } else {
        print!("{}", to_table(&session));
    }
    ExitCode::SUCCESS
}

fn refuse(file: &str, reason: &str) -> ExitCode {
    eprintln!("{file}: {reason}; nothing changed");
    ExitCode::FAILURE
}

/// The commands for `marks`, in the order they are applied; `Err` names what is malformed.
fn steps(session: &Session, marks: &Marks, now: DateTime<Utc>) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let mut marked: Vec<(ParticipantId, &str)> = Vec::new();
    let presences = [
        ("--present", &marks.present, Some(Presence::InRoom)),
        ("--remote", &marks.remote, Some(Presence::Remote)),
        ("--absent", &marks.absent, None),
    ];
    for (option, ids, presence) in presences {
        for text in ids {
            let participant = known_id(session, option, text)?;
            if let Some((_, first)) = marked.iter().find(|(id, _)| *id == participant) {
                return Err(format!(
                    "{option} {text}: {} is already marked with {first}",
                    who(session, participant)
                ));
            }
            marked.push((participant, option));
            let op = match presence {
                Some(presence) => AttendanceOp::Arrive {
                    participant,
                    presence,
                    at: Some(now),
                },
                None => AttendanceOp::Absent { participant },
            };
            steps.push(step(option, text, op));
        }
    }
    for text in &marks.left {
        let participant = known_id(session, "--left", text)?;
        let op = AttendanceOp::Leave {
            participant,
            at: now,
        };
        steps.push(step("--left", text, op));
    }
    for text in &marks.revoked {
        let from = known_id(session, "--revoke-proxy", text)?;
        let op = AttendanceOp::SetProxy { from, proxy: None };
        steps.push(step("--revoke-proxy", text, op));
    }
    for text in &marks.proxies {
        let (from, to) = proxy_pair(session, text)?;
        let proxy = Proxy {
            from,
            to,
            note: String::new(),
        };
        let op = AttendanceOp::SetProxy {
            from,
            proxy: Some(proxy),
        };
        steps.push(step("--proxy", text, op));
    }
    if let Some(text) = &marks.quorum {
        let quorum = quorum_rule(text)?;
        let op = AttendanceOp::SetRules {
            quorum,
            max_proxies: session.attendance.max_proxies,
        };
        steps.push(step("--quorum", text, op));
    }
    Ok(steps)
}

fn step(option: &str, text: &str, op: AttendanceOp) -> Step {
    Step {
        option: format!("{option} {text}"),
        command: Command::Attendance(op),
    }
}

/// Applies the steps as one batch. Each is tried in turn on a copy first, so that a refusal
/// names the option that caused it; the batch then changes the session all at once.
fn apply(session: &mut Session, steps: Vec<Step>) -> Result<(), String> {
    let mut trial = session.clone();
    for step in &steps {
        if let Err(error) = trial.apply(step.command.clone()) {
            return Err(format!("{}: {}", step.option, reason(&trial, &error)));
        }
    }
    let batch = Command::Batch(steps.into_iter().map(|s| s.command).collect());
    session
        .apply(batch)
        .map(|_| ())
        .map_err(|error| reason(session, &error))
}

/// "participant 4 (Петров Пётр Петрович)", or "participant 99" for an unknown id.
fn who(session: &Session, id: ParticipantId) -> String {
    match session.participant(id) {
        Some(person) => format!("participant {id} ({})", person.name),
        None => format!("participant {id}"),
    }
}

/// Why a mark was refused, naming the people.
fn reason(session: &Session, error: &CommandError) -> String {
    let CommandError::Attendance(refusal) = error else {
        return error.to_string();
    };
    match refusal {
        AttendanceRefusal::Unknown(id) => format!("there is no participant with id {id}"),
        AttendanceRefusal::NotHere(id) => {
            format!("{} is not present, so cannot leave", who(session, *id))
        }
        AttendanceRefusal::Proxy(problem) => proxy_reason(session, problem),
        other => other.to_string(),
    }
}

fn proxy_reason(session: &Session, problem: &ProxyProblem) -> String {
    match problem {
        ProxyProblem::NoVote(id) => format!(
            "{} has no vote, so cannot give or hold a proxy",
            who(session, *id)
        ),
        ProxyProblem::ToThemselves(id) => {
            format!("{} cannot hold their own proxy", who(session, *id))
        }
        ProxyProblem::Chain(id) => format!(
            "proxies do not chain: {} would both give and hold a proxy",
            who(session, *id)
        ),
        ProxyProblem::TooMany { holder, max } => format!(
            "{} would hold more than {max} {} (the session's limit)",
            who(session, *holder),
            if *max == 1 { "proxy" } else { "proxies" }
        ),
        ProxyProblem::HolderAbsent(id) => format!(
            "{} is not present (absent, gone or not registered), so cannot hold a proxy",
            who(session, *id)
        ),
        ProxyProblem::Twice(id) => format!("{} gives more than one proxy", who(session, *id)),
    }
}

/// A participant's id as typed, known to the session.
fn known_id(session: &Session, option: &str, text: &str) -> Result<ParticipantId, String> {
    let id = text
        .trim()
        .parse::<u32>()
        .map(ParticipantId)
        .map_err(|_| format!("{option} {text}: not a participant id (a number)"))?;
    match session.participant(id) {
        Some(_) => Ok(id),
        None => Err(format!(
            "{option} {text}: there is no participant with id {id}"
        )),
    }
}

/// `FROM=TO`, both known ids.
fn proxy_pair(session: &Session, text: &str) -> Result<(ParticipantId, ParticipantId), String> {
    let Some((from, to)) = text.split_once('=') else {
        return Err(format!(
            "--proxy {text}: expected FROM=TO, the giver's and the holder's ids (e.g. 3=5)"
        ));
    };
    let malformed = |part: &str| part.trim().parse::<u32>().is_err();
    if malformed(from) || malformed(to) {
        return Err(format!(
            "--proxy {text}: expected FROM=TO, the giver's and the holder's ids (e.g. 3=5)"
        ));
    }
    let option = format!("--proxy {text}");
    let from = known_id(session, "--proxy", from).map_err(|_| unknown(&option, from))?;
    let to = known_id(session, "--proxy", to).map_err(|_| unknown(&option, to))?;
    Ok((from, to))
}

fn unknown(option: &str, id: &str) -> String {
    format!("{option}: there is no participant with id {}", id.trim())
}

/// `half`, `two-thirds`, a number of members (at least 1), or `none`.
fn quorum_rule(text: &str) -> Result<Option<QuorumRule>, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "half" => Ok(Some(QuorumRule::MoreThanHalf)),
        "two-thirds" => Ok(Some(QuorumRule::TwoThirds)),
        "none" => Ok(None),
        number => match number.parse::<u32>() {
            Ok(count) if count > 0 => Ok(Some(QuorumRule::AtLeast(count))),
            _ => Err(format!(
                "--quorum {text}: expected half, two-thirds, a number of members (at least 1) or none"
            )),
        },
    }
}

/// A participant's mark as the JSON names it.
fn status(session: &Session, id: ParticipantId) -> &'static str {
    match session.attendance.registration(id).map(|r| r.presence) {
        Some(Presence::InRoom) => "present",
        Some(Presence::Remote) => "remote",
        Some(Presence::Absent) => "absent",
        None => "unregistered",
    }
}

fn rfc3339(at: Option<DateTime<Utc>>) -> Value {
    at.map_or(Value::Null, |at| {
        Value::from(at.to_rfc3339_opts(SecondsFormat::Secs, true))
    })
}

fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// The `--json` object (see the module docs). `serde_json::Map` keeps keys sorted.
pub fn to_json(session: &Session) -> Value {
    let attendance = &session.attendance;
    let participants: Vec<Value> = session
        .participants
        .iter()
        .map(|person| participant_json(session, person))
        .collect();
    let count = session.quorum_count();
    let quorum = count.rule.map_or(Value::Null, |rule| {
        object([
            ("met", Value::from(count.met().unwrap_or(false))),
            ("needed", Value::from(count.needed)),
            ("rule", Value::from(rule.key())),
        ])
    });
    object([
        ("members", Value::from(count.members)),
        ("participants", Value::Array(participants)),
        ("present_members", Value::from(count.present)),
        ("proxies", Value::from(attendance.proxies.len())),
        ("quorum", quorum),
    ])
}

fn participant_json(session: &Session, person: &Participant) -> Value {
    let attendance = &session.attendance;
    let registration = attendance.registration(person.id);
    let proxy_for: Vec<Value> = attendance
        .proxies_held_by(person.id)
        .map(|p| Value::from(p.from.0))
        .collect();
    let proxy_to = attendance
        .proxy_from(person.id)
        .map_or(Value::Null, |p| Value::from(p.to.0));
    object([
        ("arrived", rfc3339(registration.and_then(|r| r.arrived))),
        ("id", Value::from(person.id.0)),
        ("left", rfc3339(registration.and_then(|r| r.left))),
        ("name", Value::from(person.name.as_str())),
        ("proxy_for", Value::Array(proxy_for)),
        ("proxy_to", proxy_to),
        ("status", Value::from(status(session, person.id))),
        ("voting", Value::from(person.voting)),
    ])
}

/// The register as a table in the session's language: number, name, vote, mark, arrival,
/// departure (this computer's local time), proxy; then the counts and the quorum.
pub fn to_table(session: &Session) -> String {
    let tr = Tr::new(session.language());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr.with("report-register-title", "title", &session.meta.title)
    );
    if session.participants.is_empty() {
        let _ = writeln!(out, "{}", tr.t("report-register-nobody"));
        return out;
    }
    let day = reading_day(session);
    let header: Vec<String> = [
        "report-register-id",
        "report-register-name",
        "report-register-vote",
        "report-register-status",
        "report-register-arrived",
        "report-register-left",
        "report-register-proxy",
    ]
    .iter()
    .map(|key| tr.t(key))
    .collect();
    let rows: Vec<Vec<String>> = session
        .participants
        .iter()
        .map(|person| row(session, &tr, person, day))
        .collect();
    out.push_str(&aligned(&header, &rows));
    if !session.attendance.proxies.is_empty() {
        let _ = writeln!(out, "{}", tr.t("report-register-legend"));
    }
    let count = session.quorum_count();
    let _ = writeln!(
        out,
        "{}",
        tr.args(
            "report-register-summary",
            &[
                ("members", i64::from(count.members).into()),
                ("present", i64::from(count.present).into()),
                ("proxies", (session.attendance.proxies.len() as i64).into()),
            ],
        )
    );
    if let Some(quorum) = report::quorum_text(session, &tr) {
        let _ = writeln!(out, "{}: {quorum}", tr.t("report-quorum-label"));
    }
    out
}

fn row(session: &Session, tr: &Tr, person: &Participant, day: Option<NaiveDate>) -> Vec<String> {
    let attendance = &session.attendance;
    let registration = attendance.registration(person.id);
    let mark = match registration.map(|r| r.presence) {
        Some(Presence::InRoom) => "report-register-in-room",
        Some(Presence::Remote) => "report-register-remote",
        Some(Presence::Absent) => "report-register-absent",
        None => "report-register-unregistered",
    };
    let mut proxy = Vec::new();
    if let Some(given) = attendance.proxy_from(person.id) {
        proxy.push(format!("→ {}", given.to));
    }
    let held: Vec<String> = attendance
        .proxies_held_by(person.id)
        .map(|p| p.from.to_string())
        .collect();
    if !held.is_empty() {
        proxy.push(format!("← {}", held.join(", ")));
    }
    vec![
        person.id.to_string(),
        person.name.clone(),
        tr.t(if person.voting {
            "report-register-yes"
        } else {
            "report-register-no"
        }),
        tr.t(mark),
        clock(registration.and_then(|r| r.arrived), day),
        clock(registration.and_then(|r| r.left), day),
        proxy.join(" "),
    ]
}

/// The day the register's times are read on: the session's first day, else the day it was
/// opened (a time on another day shows its date).
fn reading_day(session: &Session) -> Option<NaiveDate> {
    session.meta.start.or_else(|| {
        session
            .attendance
            .opened
            .map(|at| Zone::Local.local(at).date_naive())
    })
}

/// "10:25" in this computer's time zone, "2026-03-13 10:25" on another day than `day`.
fn clock(at: Option<DateTime<Utc>>, day: Option<NaiveDate>) -> String {
    let Some(at) = at else {
        return String::new();
    };
    let local = Zone::Local.local(at);
    if day.is_some_and(|day| day == local.date_naive()) {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// Columns padded to their widest cell (counted in characters), the number right-aligned.
fn aligned(header: &[String], rows: &[Vec<String>]) -> String {
    let width = |column: usize| {
        std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .filter_map(|cells| cells.get(column))
            .map(|cell| cell.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let mut out = String::new();
    for cells in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, width))| {
                let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
                if column == 0 {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
    out
}
