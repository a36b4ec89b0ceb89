//! Registering 500 participants one by one through the registration view, as the secretary
//! does at the door: each mark is the name typed into the search (one frame), then Enter (one
//! frame: the view sends the mark, the document applies it at the end of the frame). A mark's
//! time is both frames, input to tessellated shapes, at 1920×1080 in Russian.
//! Target: every mark under 5 ms.
//!
//! The second table is the command path alone: the mark applied to the document (checked
//! against the attendance's rules, with its undo step), 500 times.
//!
//! `cargo bench --bench attendance`

use std::time::Instant;

use stratboard::app::StratboardApp;
use stratboard::ui::sections::attendance::board::{Mark, mark_command};
use stratboard_core::document::Document;
use stratboard_core::fixtures::{Size, generate};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Session};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PARTICIPANTS: usize = 500;

fn input(frame: usize, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        time: Some(frame as f64 / 60.0),
        events,
        ..Default::default()
    }
}

fn enter() -> egui::Event {
    egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// Milliseconds: median, 99th percentile, worst.
fn summary(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    (at(0.5), at(0.99), times[times.len() - 1])
}

fn session() -> Session {
    generate(Size {
        participants: PARTICIPANTS,
        ..Size::LARGE
    })
}

/// Every participant marked through the view; the time of each mark.
fn through_the_view() -> Vec<f64> {
    let ctx = egui::Context::default();
    let mut app = StratboardApp::for_test(session(), Language::Russian);
    app.select_section(BoardSection::Attendance);
    let mut frame = 0;
    let mut run = |app: &mut StratboardApp, events: Vec<egui::Event>| {
        frame += 1;
        let start = Instant::now();
        let output = ctx.run_ui(input(frame, events), |ui| app.show(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        start.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..10 {
        run(&mut app, Vec::new());
    }
    let mut times = Vec::with_capacity(PARTICIPANTS);
    for i in 1..=PARTICIPANTS {
        // Participant i is «Участник Иванов-i …»: the first found for "Иванов-i".
        let typed = run(&mut app, vec![egui::Event::Text(format!("Иванов-{i}"))]);
        let marked = run(&mut app, vec![enter()]);
        times.push(typed + marked);
    }
    run(&mut app, Vec::new());
    let registered = app.session().attendance.registrations.len();
    assert_eq!(registered, PARTICIPANTS, "every mark landed");
    assert!(
        app.session()
            .attendance
            .registrations
            .iter()
            .all(|r| r.is_here()),
        "each as present"
    );
    times
}

/// Every participant marked by the command alone.
fn commands_alone() -> Vec<f64> {
    let session = session();
    let ids: Vec<_> = session.participants.iter().map(|p| p.id).collect();
    let mut doc = Document::untitled(session);
    let now = chrono::Utc::now();
    let mut times = Vec::with_capacity(ids.len());
    for id in ids {
        let start = Instant::now();
        let command = mark_command(doc.session(), id, Mark::InRoom, now);
        if let Some(command) = command {
            doc.apply(command, Instant::now())
                .map_err(|e| e.to_string())
                .expect("a mark applies");
        }
        std::hint::black_box(doc.session().quorum_count());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times
}

fn main() {
    println!(
        "registering {PARTICIPANTS} participants one by one, ms per mark (median / p99 / worst)"
    );
    let (median, p99, worst) = summary(through_the_view());
    println!("through the view (type + Enter, two frames): {median:.3} / {p99:.3} / {worst:.3}");
    let (median, p99, worst) = summary(commands_alone());
    println!("the command alone (apply + quorum):          {median:.3} / {p99:.3} / {worst:.3}");
    println!("target: every mark under 5 ms");
}
