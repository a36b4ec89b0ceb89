//! CPU time per frame of the full board UI, headless, for every section: the embedded sample,
//! the large generated session (as in the storage benchmark) and ten times that.
//! Target: median ≤ 2 ms for the large session; 10× the items must cost < 2× the time.
//!
//! The row "Presentation" is the projector view (F5) of the first agenda item's section; the
//! row "ExportPreview" is File → Export open on the Session section: the dialog with its page preview
//! of the protocol (built once per session revision, laid out lazily).
//!
//! Each frame is `Context::run_ui` (input, layout, painting into shapes) plus tessellation,
//! i.e. everything but the GPU upload. Window size 1920×1080, Russian UI.
//!
//! The row "Roadmap (300 items)" is the Decisions & actions board's Roadmap view (its tab
//! clicked first) over the large session with 300 action items (start, due, progress); its
//! budget is the board's, median ≤ 1 ms.
//!
//! `cargo bench --bench frame`

use std::time::Instant;

use stratboard::app::{StratboardApp, sample_session};
use stratboard::ui::sections::decisions::views::{View, current};
use stratboard_core::fixtures::{Size, generate};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Session};

/// mimalloc keeps freed memory for reuse: with the system allocator every frame's tessellated
/// mesh (hundreds of kilobytes) was mapped and unmapped again, and page faults took a quarter
/// of the frame time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WARM_UP_FRAMES: usize = 20;
const MEASURED_FRAMES: usize = 200;

fn input(frame: usize) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        time: Some(frame as f64 / 60.0),
        // The pointer rests over the board, as it would during a session.
        events: vec![egui::Event::PointerMoved(egui::pos2(900.0, 500.0))],
        ..Default::default()
    }
}

/// Median and 95th percentile of frame times in milliseconds.
/// What a row of the table measures besides the section shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extra {
    None,
    Present,
    Export,
    Roadmap,
}

/// Clicks the button labelled `label`, found in the accessibility tree of one frame (which is
/// then turned off again, as in the window without a screen reader).
fn click(ctx: &egui::Context, app: &mut StratboardApp, label: &str) {
    ctx.enable_accesskit();
    let mut output = ctx.run_ui(input(0), |ui| app.show(ui));
    output.textures_delta.clear();
    ctx.disable_accesskit();
    let bounds = output
        .platform_output
        .accesskit_update
        .iter()
        .flat_map(|update| &update.nodes)
        .find(|(_, node)| node.label() == Some(label))
        .and_then(|(_, node)| node.bounds())
        .expect("the button is on screen");
    let at = egui::pos2(
        ((bounds.x0 + bounds.x1) / 2.0) as f32,
        ((bounds.y0 + bounds.y1) / 2.0) as f32,
    );
    for pressed in [true, false] {
        let mut raw = input(0);
        raw.events = vec![
            egui::Event::PointerMoved(at),
            egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            },
        ];
        ctx.run_ui(raw, |ui| app.show(ui)).textures_delta.clear();
    }
}

fn measure(session: &Session, section: BoardSection, extra: Extra) -> (f64, f64) {
    let ctx = egui::Context::default();
    let mut app = StratboardApp::for_test(session.clone(), Language::Russian);
    app.select_section(section);
    if extra == Extra::Export {
        app.open_export();
    }
    if extra == Extra::Roadmap {
        click(&ctx, &mut app, "Дорожная карта");
        ctx.run_ui(input(0), |ui| app.show(ui))
            .textures_delta
            .clear();
        assert_eq!(current(&ctx), View::Roadmap, "the roadmap is shown");
    }
    // `FRAME_BENCH_FRAMES=5000` measures more frames (for profiling).
    let measured = std::env::var("FRAME_BENCH_FRAMES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MEASURED_FRAMES);
    let mut times = Vec::with_capacity(measured);
    for frame in 0..WARM_UP_FRAMES + measured {
        let mut raw = input(frame);
        if extra == Extra::Present && frame == 0 {
            raw.events.push(egui::Event::Key {
                key: egui::Key::F5,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        let start = Instant::now();
        let output = ctx.run_ui(raw, |ui| app.show(ui));
        if frame == WARM_UP_FRAMES && std::env::var("FRAME_BENCH_SHAPES").is_ok() {
            let vertices: usize = ctx
                .tessellate(output.shapes.clone(), output.pixels_per_point)
                .iter()
                .map(|p| match &p.primitive {
                    epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                    epaint::Primitive::Callback(_) => 0,
                })
                .sum();
            eprintln!(
                "{section:?}: {} shapes, {vertices} vertices",
                output.shapes.len()
            );
        }
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(primitives);
        if frame >= WARM_UP_FRAMES {
            times.push(elapsed);
        }
    }
    assert_eq!(
        app.is_presenting(),
        extra == Extra::Present,
        "the row measures what it says"
    );
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95) / 100];
    (median, p95)
}

/// The Roadmap view over the large session with 300 action items (budget: median ≤ 1 ms).
fn roadmap_row() {
    let session = generate(Size {
        actions: 300,
        ..Size::LARGE
    });
    let (median, p95) = measure(&session, BoardSection::Decisions, Extra::Roadmap);
    let verdict = if median <= 1.0 { "within" } else { "OVER" };
    println!(
        "{:<22}{:>24}   {verdict} the board's 1 ms budget",
        "Roadmap (300 items)",
        format!("{median:.3} / {p95:.3}")
    );
}

fn main() {
    let sessions = [
        ("sample (tos-support)", sample_session()),
        ("large", generate(Size::LARGE)),
        ("large ×10", generate(Size::LARGE.times(10))),
    ];
    println!(
        "frame time, ms (median / p95), {MEASURED_FRAMES} frames after {WARM_UP_FRAMES} warm-up, 1920×1080"
    );
    print!("{:<22}", "section");
    for (name, _) in &sessions {
        print!("{name:>24}");
    }
    println!();
    let mut worst = vec![0.0_f64; sessions.len()];
    let mut ratio_worst = 0.0_f64;
    // `FRAME_BENCH_SECTION=Positions` measures one section (for profiling).
    let only = std::env::var("FRAME_BENCH_SECTION").ok();
    let rows = BoardSection::ALL
        .iter()
        .map(|s| (*s, Extra::None, format!("{s:?}")))
        .chain([
            (
                BoardSection::Session,
                Extra::Present,
                "Presentation".to_owned(),
            ),
            (
                BoardSection::Session,
                Extra::Export,
                "ExportPreview".to_owned(),
            ),
        ]);
    for (section, extra, row) in rows {
        if only.as_ref().is_some_and(|only| *only != row) {
            continue;
        }
        print!("{row:<22}");
        let mut medians = Vec::new();
        for (i, (name, session)) in sessions.iter().enumerate() {
            // `FRAME_BENCH_SESSION=2` measures only the third session (for profiling).
            if std::env::var("FRAME_BENCH_SESSION").is_ok_and(|only| only != i.to_string()) {
                medians.push(f64::NAN);
                let _ = name;
                continue;
            }
            let (median, p95) = measure(session, section, extra);
            worst[i] = worst[i].max(median);
            medians.push(median);
            print!("{:>24}", format!("{median:.3} / {p95:.3}"));
        }
        let ratio = medians[2] / medians[1];
        ratio_worst = ratio_worst.max(ratio);
        println!("   ×10/×1 = {ratio:.2}");
    }
    if only.as_ref().is_none_or(|only| only == "Roadmap") {
        roadmap_row();
    }
    println!(
        "worst median: sample {:.3} ms, large {:.3} ms, large ×10 {:.3} ms; worst ×10/×1 ratio {:.2}",
        worst[0], worst[1], worst[2], ratio_worst
    );
}
