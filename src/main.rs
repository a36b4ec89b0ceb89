//! The `stratboard` command: with no subcommand it opens the window; `check` validates files;
//! `new` creates a session, optionally continuing a previous one; `tally` counts a vote;
//! `export` writes the protocol; `convergence` measures how positions converge; `verify`
//! checks sealed votes; `attendance` keeps the register.
//!
//! On Windows it is a GUI-subsystem program, so no console window flashes when it is started
//! from Explorer or the Start menu; the subcommands print to the terminal they were started
//! from all the same (`stratboard_winconsole`).

#![cfg_attr(windows, windows_subsystem = "windows")]

use stratboard::cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(test)]
mod man_page;

/// mimalloc keeps freed memory for reuse: with the system allocator every frame's tessellated
/// mesh (hundreds of kilobytes) was mapped and unmapped again, and page faults took a quarter
/// of the frame time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A desktop board for running strategic sessions: stakeholder positions side by side,
/// alternatives, votes, decisions, action items and the minutes.
#[derive(Parser)]
#[command(
    name = "stratboard",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Args {
    /// The session file (.ron) to open in the window. Without it, the last session or the
    /// built-in sample opens.
    file: Option<PathBuf>,

    /// Open the room for phones on this address and port as the window opens
    /// (as Room → Open the room does).
    #[arg(long, value_name = "ADDR:PORT")]
    room: Option<std::net::SocketAddr>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check session files: exit 0 when every file loads and is consistent; otherwise print
    /// one line per problem (`FILE:LINE:COL: message` or `FILE: path.to.item: message`) and
    /// exit 1. Never modifies a file.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count a vote: from a session (`tally SESSION.ron --vote ID [--round N]`) or from paper
    /// ballots in a CSV or PrefLib file (`tally --ballots FILE --method METHOD`). Prints a
    /// table, or one JSON object with --json. Results of a vote that hides them until it is
    /// closed are not shown while it is open.
    Tally {
        /// The session file (with --vote).
        #[arg(required_unless_present = "ballots", conflicts_with = "ballots")]
        session: Option<PathBuf>,
        /// The vote's id in the session.
        #[arg(long, requires = "session")]
        vote: Option<u32>,
        /// The round to count (default: the last).
        #[arg(long, requires = "vote")]
        round: Option<u32>,
        /// A CSV (.csv) or PrefLib (.soc, .soi, .toc, .toi) file of ballots.
        #[arg(long, requires = "method")]
        ballots: Option<PathBuf>,
        /// How to count the ballots file: consent, plurality, approval, dot, score,
        /// majority-judgment, borda, irv, schulze, ranked-pairs, copeland, condorcet, matrix.
        #[arg(long)]
        method: Option<String>,
        /// Score method: the lowest score (default 0; a blank counts as it).
        #[arg(long)]
        min: Option<i32>,
        /// Score method: the highest score (default: the highest in the file).
        #[arg(long)]
        max: Option<i32>,
        /// Majority judgment: the number of grades, numbered 0 (worst) to N−1 (best)
        /// (default: the highest grade in the file + 1).
        #[arg(long)]
        grades: Option<u32>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export the protocol (minutes) of a session: Markdown, HTML, Word (DOCX), PDF, or the
    /// ballots of every vote as CSV; the action plan, indicators and risks as an Excel
    /// workbook (xlsx); or the passport of one initiative (passport-pdf, passport-docx, with
    /// --alternative). Without -o the file goes next to the session with the format's
    /// extension (a passport: NAME-passport-ID.pdf; an existing export there is replaced; a
    /// .ron file never is).
    Export {
        /// The session file.
        session: PathBuf,
        /// md, html, docx, pdf, csv, xlsx, passport-pdf or passport-docx.
        #[arg(
            long,
            value_name = "md|html|docx|pdf|csv|xlsx|passport-pdf|passport-docx"
        )]
        format: String,
        /// The alternative (initiative) whose passport to write: its id in the session
        /// (passport formats only; one not adopted gets a passport marked as a draft).
        #[arg(long, value_name = "ID")]
        alternative: Option<u32>,
        /// Where to write the export.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The protocol's language (default: the system's).
        #[arg(long, value_name = "ru|en")]
        lang: Option<String>,
    },
    /// How close the stakeholder groups' positions are, round by round (stance counts, the
    /// consensus index, mean, median, IQR), and how much ranked votes' voters agree (Kendall's
    /// W). Prints a table, or one JSON object with --json.
    Convergence {
        /// The session file.
        session: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Verify a session's sealed votes: recomputes every seal (SHA-256 over a closed round's
    /// ballots, voters and hands with its closing time) and every closed round's result. Exit
    /// 0 when all match; otherwise one line per mismatch
    /// (`FILE: votes[id=N].rounds[I]: message`) and exit 1. Never modifies the file.
    Verify {
        /// The session file.
        session: PathBuf,
        /// Print one JSON object instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Add the people of a participant list (CSV, XLSX or ODS) to a session. Columns are
    /// recognised by their headers (ФИО / Name, or Фамилия, Имя, Отчество; Должность /
    /// Position; Организация / Organisation; Группа / Group; e-mail, phone; Право голоса /
    /// Voting: да/нет, yes/no, +/-, 1/0, true/false); missing groups are created; people
    /// already in the session are skipped (their right to vote is set from the voting column
    /// when it has a value). Prints what it added; a bad file is refused whole (exit 1, its row
    /// and column named) and nothing is written.
    ImportParticipants {
        /// The session file (saved atomically, its previous version kept as .bak).
        session: PathBuf,
        /// The participant list: .csv (`,` or `;`), .xlsx or .ods.
        file: PathBuf,
        /// The sheet to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Print what would be added; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The register: mark who is present in the room, remotely, absent or gone, record and
    /// revoke proxies and set the quorum rule, as one change (saved atomically; nothing is
    /// written without marks), then print the register — a table in the session's language,
    /// or one JSON object with --json. A mark that cannot be made (an unknown id, a proxy from
    /// or to someone without a vote, to someone not present, to oneself, over the limit or
    /// chained) is refused: exit 1, its option named, the file untouched.
    Attendance {
        /// The session file (saved atomically when marks are given, its previous version kept
        /// as .bak).
        session: PathBuf,
        /// Mark these participants present in the room (arrived now).
        #[arg(long, value_name = "ID", num_args = 1..)]
        present: Vec<String>,
        /// Mark these participants present remotely (arrived now).
        #[arg(long, value_name = "ID", num_args = 1..)]
        remote: Vec<String>,
        /// Mark these participants absent.
        #[arg(long, value_name = "ID", num_args = 1..)]
        absent: Vec<String>,
        /// Mark these participants gone (left now, before the end).
        #[arg(long, value_name = "ID", num_args = 1..)]
        left: Vec<String>,
        /// Record a proxy: FROM hands their vote to TO (both voting members, TO present; after
        /// the presence marks, so `--present 5 --proxy 3=5` works).
        #[arg(long, value_name = "FROM=TO", num_args = 1..)]
        proxy: Vec<String>,
        /// Revoke the proxy FROM gave.
        #[arg(long, value_name = "FROM", num_args = 1..)]
        revoke_proxy: Vec<String>,
        /// The quorum rule: more than half of the voting members, at least two thirds, at least
        /// N of them, or none.
        #[arg(
            long,
            value_name = "half|two-thirds|N|none",
            allow_negative_numbers = true
        )]
        quorum: Option<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Serve the room (phones vote and send ideas over the local network) without a window.
    /// Prints the room's address as the first line; stops cleanly on Ctrl+C or SIGTERM.
    Serve {
        /// The session file; ballots are saved into it before a phone hears "accepted".
        session: PathBuf,
        /// The address and port to listen on (port 0: any free port).
        #[arg(long, default_value = "0.0.0.0:8080")]
        bind: std::net::SocketAddr,
        /// Write `participant,name,code` rows here (codes are made for participants without one).
        #[arg(long, value_name = "OUT.csv")]
        codes: Option<PathBuf>,
        /// Let guests in without a code (from the room's own address): they may send ideas
        /// and never vote.
        #[arg(long)]
        guests: bool,
    },
    /// Bring sections' results into their plenary: from each section its adopted
    /// alternatives and the first N of its last closed vote (ties at the cut all taken), with
    /// provenance and the groups' positions, and its decisions and action items. Sections are
    /// taken in order of their names; bringing one in again updates what came from it. Exit 1,
    /// the plenary untouched, when a file cannot be read, is not a section of this plenary, or
    /// two files claim the same section.
    Merge {
        /// The plenary's session file (written in place, its previous version kept as .bak).
        plenary: PathBuf,
        /// The sections' session files.
        #[arg(required = true)]
        sections: Vec<PathBuf>,
        /// How many alternatives of each section's vote to bring.
        #[arg(long, value_name = "N", default_value_t = stratboard_core::sections::DEFAULT_TOP)]
        top: usize,
        /// Print what would be brought; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print one JSON object (keys in alphabetical order).
        #[arg(long)]
        json: bool,
    },
    /// Create a new session file.
    New {
        /// Where to write it (refused if the file exists, unless --force).
        #[arg(short, long)]
        output: PathBuf,
        /// The session's title.
        #[arg(long)]
        title: Option<String>,
        /// The first day of the session (YYYY-MM-DD).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// A previous session to continue: carries over the organisation, stakeholder groups,
        /// participants, goals and every action item not done (marked as carried over).
        #[arg(long, value_name = "PREVIOUS.ron")]
        from: Option<PathBuf>,
        /// Make a section of the plenary given with --from instead: it keeps the plenary's
        /// organisation, dates, venue, stakeholder groups, participants and goals (with their
        /// ids) and starts with no alternatives, votes or decisions; `stratboard merge` brings
        /// its results back.
        #[arg(long, value_name = "NAME", requires = "from")]
        section: Option<String>,
        /// The section's moderator: a participant's name, or a new participant.
        #[arg(long, value_name = "NAME", requires = "section")]
        facilitator: Option<String>,
        /// Keep the plenary's participant codes in the section (the printed cards work there
        /// too); by default the section's room hands out its own.
        #[arg(long, requires = "section")]
        keep_codes: bool,
        /// Overwrite the output file if it exists (its previous version is kept as .bak).
        #[arg(long)]
        force: bool,
        /// The session's language, ru or en (its protocol and phone page default to it).
        /// Default: the previous session's with --from, else the title's (Cyrillic: ru), else
        /// the system's.
        #[arg(long, value_name = "ru|en", value_parser = parse_language)]
        lang: Option<stratboard_core::i18n::Language>,
    },
}

/// `ru` or `en` (any case).
fn parse_language(text: &str) -> Result<stratboard_core::i18n::Language, String> {
    match text.to_ascii_lowercase().as_str() {
        "ru" => Ok(stratboard_core::i18n::Language::Russian),
        "en" => Ok(stratboard_core::i18n::Language::English),
        other => Err(format!("unknown language `{other}`; use ru or en")),
    }
}

fn main() -> ExitCode {
    // Before parsing, so that --help, --version and a wrong argument print too.
    let console = stratboard_winconsole::attach_to_parent_console();
    let args = Args::parse();
    match args.command {
        Some(Command::Check { files }) => cli::check(&files),
        Some(Command::Export {
            session,
            format,
            alternative,
            output,
            lang,
        }) => cli::export::run(
            &session,
            &format,
            cli::export::Options {
                alternative,
                output: output.as_deref(),
                lang: lang.as_deref(),
            },
        ),
        Some(Command::Convergence { session, json }) => cli::convergence::run(&session, json),
        Some(Command::Verify { session, json }) => cli::verify::run(&session, json),
        Some(Command::ImportParticipants {
            session,
            file,
            sheet,
            dry_run,
        }) => cli::import_participants::run(&session, &file, sheet.as_deref(), dry_run),
        Some(Command::Attendance {
            session,
            present,
            remote,
            absent,
            left,
            proxy,
            revoke_proxy,
            quorum,
            json,
        }) => {
            let marks = cli::attendance::Marks {
                present,
                remote,
                absent,
                left,
                proxies: proxy,
                revoked: revoke_proxy,
                quorum,
            };
            cli::attendance::run(&session, &marks, json)
        }
        Some(Command::Serve {
            session,
            bind,
            codes,
            guests,
        }) => cli::serve::run(&session, bind, codes.as_deref(), guests),
        Some(Command::New {
            output,
            title,
            date,
            from,
            section,
            facilitator,
            keep_codes,
            force,
            lang,
        }) => {
            let section = section.map(|name| cli::NewSection {
                name,
                facilitator,
                keep_codes,
            });
            cli::new_session(&output, title, date, from.as_deref(), section, force, lang)
        }
        Some(Command::Merge {
            plenary,
            sections,
            top,
            dry_run,
            json,
        }) => cli::merge::run(&cli::merge::Request {
            plenary: &plenary,
            sections: &sections,
            top,
            dry_run,
            json,
        }),
        Some(Command::Tally {
            session,
            vote,
            round,
            ballots,
            method,
            min,
            max,
            grades,
            json,
        }) => {
            let source = match (&session, &ballots, vote, &method) {
                (Some(path), None, Some(vote), _) => {
                    cli::tally::Source::Session { path, vote, round }
                }
                (None, Some(path), None, Some(method)) => cli::tally::Source::Ballots {
                    path,
                    method,
                    scale: cli::tally::Scale { min, max, grades },
                },
                _ => {
                    eprintln!(
                        "use `stratboard tally SESSION.ron --vote ID [--round N]` or \
                         `stratboard tally --ballots FILE --method METHOD`"
                    );
                    return ExitCode::FAILURE;
                }
            };
            cli::tally::run(source, json)
        }
        None => {
            // The window runs on its own: Ctrl+C in the terminal must not close it.
            if let Some(console) = console {
                console.detach();
            }
            stratboard::app::run(args.file, args.room)
        }
    }
}
