//! The `stratboard` command: with no subcommand it opens the window; `check` validates files;
//! `new` creates a session, optionally continuing a previous one.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
        /// Overwrite the output file if it exists (its previous version is kept as .bak).
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Check { files }) => cli::check(&files),
        Some(Command::New {
            output,
            title,
            date,
            from,
            force,
        }) => cli::new_session(&output, title, date, from.as_deref(), force),
        None => stratboard::app::run(args.file),
    }
}
