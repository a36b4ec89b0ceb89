//! Image snapshots of the presentation view at 1920×1080, rendered on the CPU (wgpu on
//! lavapipe / Mesa). `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_present` rewrites them.
//!
//! They need a graphics adapter: `.ci/run` installs the Vulkan software driver
//! (mesa-vulkan-drivers) and sets `STRATBOARD_REQUIRE_SNAPSHOTS=1`, so in CI a missing adapter
//! fails. On a machine without one (a fresh install with only Rust) they say so and pass,
//! so that `cargo test` keeps working everywhere.

#![allow(clippy::unwrap_used)]

use egui_kittest::Harness;
use stratboard::app::{StratboardApp, sample_session};
use stratboard_core::i18n::Language;

/// A harness that renders with wgpu, or `None` (with a note) when this machine has no adapter
/// and snapshots are not required.
fn renderer_harness(language: Language) -> Option<Harness<'static, StratboardApp>> {
    let built = std::panic::catch_unwind(|| {
        let app = StratboardApp::for_test(sample_session(), language);
        Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_pixels_per_point(1.0)
            .wgpu()
            .build_ui_state(|ui, app: &mut StratboardApp| app.show(ui), app)
    });
    match built {
        Ok(harness) => Some(harness),
        Err(_) if std::env::var_os("STRATBOARD_REQUIRE_SNAPSHOTS").is_none() => {
            eprintln!("snapshot skipped: no graphics adapter (install mesa-vulkan-drivers)");
            None
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn presenting(language: Language, steps: &[egui::Key]) -> Option<Harness<'static, StratboardApp>> {
    let mut harness = renderer_harness(language)?;
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    for key in steps {
        harness.key_press(*key);
        harness.run();
    }
    assert!(harness.state().is_presenting());
    Some(harness)
}

#[test]
fn presentation_opening_item_russian() {
    if let Some(mut harness) = presenting(Language::Russian, &[]) {
        harness.snapshot("present_opening_ru");
    }
}

#[test]
fn presentation_positions_russian() {
    let down = egui::Key::PageDown;
    if let Some(mut harness) = presenting(Language::Russian, &[down, down, down]) {
        harness.snapshot("present_positions_ru");
    }
}

#[test]
fn presentation_vote_results_english() {
    let down = egui::Key::PageDown;
    if let Some(mut harness) = presenting(Language::English, &[down, down, down, down]) {
        harness.snapshot("present_vote_en");
    }
}
