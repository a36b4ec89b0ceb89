//! Save and load time of the large generated session (300 alternatives, 60 participants,
//! 12 groups, 30 goals, 40 decisions, 100 action items, 10 votes with 60 ballots).
//! Targets on the 2-core reference machine: save ≤ 20 ms, load ≤ 50 ms.
//!
//! `cargo bench --bench storage`

use criterion::{Criterion, criterion_group, criterion_main};

use stratboard_core::fixtures::{Size, generate};
use stratboard_core::storage::{load, parse_session, save, to_ron_string};

fn storage(c: &mut Criterion) {
    let session = generate(Size::LARGE);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let text = to_ron_string(&session).expect("serialize");
    println!(
        "large session: {} alternatives, {} participants, {} votes x {} ballots; file {:.0} KiB",
        session.alternatives.len(),
        session.participants.len(),
        session.votes.len(),
        session.votes[0].rounds[0].ballots.len(),
        text.len() as f64 / 1024.0
    );
    let mut fingerprint = save(&path, &session, None).expect("first save");

    let mut group = c.benchmark_group("storage");
    group.bench_function("serialize (no disk)", |b| {
        b.iter(|| to_ron_string(&session))
    });
    group.bench_function("parse + validate (no disk)", |b| {
        b.iter(|| parse_session(text.as_bytes()).map(|p| p.session.validate().len()))
    });
    group.bench_function("save (atomic, fsync, .bak)", |b| {
        b.iter(|| {
            fingerprint = save(&path, &session, Some(&fingerprint)).expect("save");
        })
    });
    group.bench_function("load (read, parse, validate)", |b| {
        b.iter(|| load(&path).expect("load").problems.len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = storage
}
criterion_main!(benches);
