//! Export time of every format for the large generated session (300 alternatives, 60
//! participants, 12 groups, 30 goals, 40 decisions, 100 action items, 10 votes × 60 ballots),
//! in Russian, bytes in memory (no disk). Also the time to build the protocol document alone,
//! which every format but CSV starts from.
//!
//! Each is run 20 times after two warm-up runs; the median, the 95th percentile and the output
//! size are printed. Target on the 2-core reference machine: ≤ 200 ms per format.
//!
//! `cargo bench --bench export` (registered in Cargo.toml with `harness = false`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::i18n::Language;
use stratboard_core::report::{self, Format};

/// The app uses mimalloc; measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 20;
const WARM_UP: usize = 2;
const TARGET: Duration = Duration::from_millis(200);

fn measure(mut run: impl FnMut() -> usize) -> (Duration, Duration, usize) {
    let mut size = 0;
    for _ in 0..WARM_UP {
        size = run();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            size = black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let median = times[RUNS / 2];
    let p95 = times[(RUNS * 95).div_ceil(100) - 1];
    (median, p95, size)
}

fn main() {
    let session = generate(Size::LARGE);
    let language = Language::Russian;
    println!(
        "export of the large generated session ({} alternatives, {} participants, {} votes, {} \
         decisions, {} action items), {RUNS} runs after {WARM_UP} warm-up",
        session.alternatives.len(),
        session.participants.len(),
        session.votes.len(),
        session.decisions.len(),
        session.actions.len()
    );
    println!(
        "{:<22} {:>10} {:>10} {:>12}",
        "format", "median ms", "p95 ms", "output"
    );
    let (median, p95, blocks) = measure(|| report::document(&session, language).blocks.len());
    println!(
        "{:<22} {:>10.1} {:>10.1} {:>9} blocks",
        "document (shared)",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        blocks
    );
    let mut worst = Duration::ZERO;
    for format in [
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::Csv,
    ] {
        let (median, p95, bytes) = measure(|| {
            report::export(&session, format, language)
                .map(|b| b.len())
                .unwrap_or(0)
        });
        worst = worst.max(median);
        println!(
            "{:<22} {:>10.1} {:>10.1} {:>9} KiB",
            format.extension(),
            median.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3,
            bytes / 1024
        );
    }
    let verdict = if worst <= TARGET { "within" } else { "OVER" };
    println!(
        "worst median {:.1} ms: {verdict} the target of {} ms",
        worst.as_secs_f64() * 1e3,
        TARGET.as_millis()
    );
}
