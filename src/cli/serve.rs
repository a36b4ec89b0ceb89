//! `stratboard serve SESSION.ron [--bind ADDR:PORT] [--codes OUT.csv] [--guests]`: the room server
//! without a window. This thread owns the document: it applies what phones send, saving the
//! file before each phone hears "accepted", and closes a timed vote when its time is up
//! (within half a second, and saves it), until SIGINT or SIGTERM. The phones' devices are
//! kept in `SESSION.ron.devices` beside it, so they stay joined when `serve` is started again.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use stratboard_core::deadlines::Deadlines;
use stratboard_core::document::Document;
use stratboard_core::model::Session;
use stratboard_room::{Room, SharedSession, access, devices};

/// Serves `session_path` on `bind` until a stop signal; writes the participants' codes to
/// `codes` (making codes for those who have none, saved into the session); `guests` lets
/// guests in (ideas only).
pub fn run(session_path: &Path, bind: SocketAddr, codes: Option<&Path>, guests: bool) -> ExitCode {
    let mut doc = match Document::open(session_path) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("stratboard: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = give_codes(&mut doc) {
        eprintln!("stratboard: {}: {message}", session_path.display());
        return ExitCode::FAILURE;
    }
    if let Some(codes) = codes
        && let Err(error) = std::fs::write(codes, codes_csv(doc.session()))
    {
        eprintln!("stratboard: {}: {error}", codes.display());
        return ExitCode::FAILURE;
    }
    let shared = SharedSession::new(doc.session());
    let devices = Some(devices::path_for(session_path));
    let room = match Room::start(bind, doc.sender(), shared.clone(), devices) {
        Ok(room) => room,
        Err(error) => {
            eprintln!("stratboard: cannot serve on {bind}: {error}");
            return ExitCode::FAILURE;
        }
    };
    room.allow_guests(guests);
    println!("{}", room.url());
    std::io::stdout().flush().ok();
    let (wake, woken) = mpsc::channel::<()>();
    let stop = Arc::new(AtomicBool::new(false));
    let waker = wake.clone();
    doc.set_waker(Arc::new(move || {
        waker.send(()).ok();
    }));
    watch_signals(Arc::clone(&stop), wake);
    let mut failed = false;
    let mut deadlines = Deadlines::default();
    while !stop.load(Ordering::SeqCst) {
        woken.recv_timeout(Duration::from_millis(500)).ok();
        let closed = deadlines.send_due(doc.session(), &doc.sender(), chrono::Utc::now());
        failed |= apply(&mut doc, &shared);
        // A timed vote closed by itself is saved at once, like a ballot.
        if closed > 0
            && doc.is_dirty()
            && let Err(error) = doc.save(false)
        {
            eprintln!("stratboard: {error}");
            failed = true;
        }
    }
    room.stop();
    // Anything sent before the room stopped is answered (and saved) before exiting.
    failed |= apply(&mut doc, &shared);
    if doc.is_dirty()
        && let Err(error) = doc.save(false)
    {
        eprintln!("stratboard: {error}");
        failed = true;
    }
    // What the room journaled goes into the file itself (the journal stays valid if not).
    if let Err(error) = doc.fold_journal() {
        eprintln!("stratboard: {error}");
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Applies what was sent and publishes the result; returns whether a save failed.
fn apply(doc: &mut Document, shared: &SharedSession) -> bool {
    let results = stratboard_room::owner_turn(doc, Some(shared));
    let mut failed = false;
    for drained in &results {
        match &drained.result {
            Err(stratboard_core::commands::CommandError::NotSaved(reason)) => {
                eprintln!(
                    "stratboard: a change from a phone (a ballot, an idea or a registration) was not saved: {reason}"
                );
                failed = true;
            }
            Err(full @ stratboard_core::commands::CommandError::SessionFull { .. }) => {
                eprintln!(
                    "stratboard: a change from a phone (a ballot, an idea or a registration) was refused: {full}"
                );
            }
            _ => {}
        }
    }
    failed
}

/// Gives every participant without a code a new one, unique in the session, and saves.
fn give_codes(doc: &mut Document) -> Result<(), String> {
    let Some(codes) = access::codes_for_everyone(doc.session()).map_err(|e| e.to_string())? else {
        return Ok(());
    };
    doc.apply(codes, Instant::now())
        .map_err(|error| error.to_string())?;
    doc.save(false).map_err(|error| error.to_string())
}

/// `participant,name,code` rows, one per participant with a code, each field defused and
/// quoted as the ballots CSV's are ([`stratboard_core::report::csv::field`]): a name a
/// spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading `'`.
pub fn codes_csv(session: &Session) -> String {
    use stratboard_core::report::csv::field;
    let mut out = String::from("participant,name,code\n");
    for person in &session.participants {
        if let Some(code) = &person.code {
            out.push_str(&format!(
                "{},{},{}\n",
                person.id.0,
                field(&person.name),
                field(code)
            ));
        }
    }
    out
}

/// Sets `stop` and wakes the owner on SIGINT or SIGTERM.
fn watch_signals(stop: Arc<AtomicBool>, wake: mpsc::Sender<()>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    let Ok(runtime) = runtime else {
        eprintln!("stratboard: cannot watch for signals; stop with kill -9 only");
        return;
    };
    std::thread::spawn(move || {
        runtime.block_on(async {
            #[cfg(unix)]
            {
                use tokio::signal::unix::{SignalKind, signal};
                match signal(SignalKind::terminate()) {
                    Ok(mut terminate) => {
                        tokio::select! {
                            _ = tokio::signal::ctrl_c() => {}
                            _ = terminate.recv() => {}
                        }
                    }
                    Err(_) => {
                        tokio::signal::ctrl_c().await.ok();
                    }
                }
            }
            #[cfg(not(unix))]
            tokio::signal::ctrl_c().await.ok();
        });
        stop.store(true, Ordering::SeqCst);
        wake.send(()).ok();
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::codes_csv;
    use stratboard_core::model::{Participant, ParticipantId, Session};

    #[test]
    fn names_a_spreadsheet_would_run_are_defused() {
        let mut session = Session::new("Codes");
        for (id, name) in [
            (1, "=HYPERLINK(\"http://x\",\"y\")"),
            (2, "+SUM(1,2)"),
            (3, "@SUM(1+1)"),
            (4, "Иванова, Мария"),
            (5, "Пётр"),
        ] {
            session.participants.push(Participant {
                id: ParticipantId(id),
                name: name.into(),
                code: Some("ABCDEFGH".into()),
                ..Participant::default()
            });
        }
        let csv = codes_csv(&session);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines,
            [
                "participant,name,code",
                "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",ABCDEFGH",
                "2,\"'+SUM(1,2)\",ABCDEFGH",
                "3,'@SUM(1+1),ABCDEFGH",
                "4,\"Иванова, Мария\",ABCDEFGH",
                "5,Пётр,ABCDEFGH",
            ]
        );
    }
}
