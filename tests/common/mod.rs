//! What the UI tests share: one way to open the window (or a lone panel) in a test harness.
//! Each test binary uses part of it.
#![allow(dead_code)]

use egui_kittest::Harness;
use stratboard::app::StratboardApp;
use stratboard::ui::theme::{self, Theme, ThemeKind};
use stratboard_core::i18n::Language;
use stratboard_core::model::{BoardSection, Session};

/// The usual test window: wide and tall enough that no card is cut off.
pub const WINDOW: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// The window drawing `app` at `size`, run until it settles. Adding an entity takes a few
/// frames to settle (the session grows at the end of a frame, then the new card is scrolled
/// to, drawn and its first field focused), hence ten steps.
pub fn window(app: StratboardApp, size: egui::Vec2) -> Harness<'static, StratboardApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(10)
        .build_ui_state(|ui, app: &mut StratboardApp| app.show(ui), app);
    harness.run();
    harness
}

/// The window on `session` in `language`, showing `section`.
pub fn board(
    session: Session,
    language: Language,
    section: BoardSection,
    size: egui::Vec2,
) -> Harness<'static, StratboardApp> {
    let mut app = StratboardApp::for_test(session, language);
    app.select_section(section);
    window(app, size)
}

/// One panel alone: `draw` draws `state` with the app's fonts and light theme installed.
pub fn panel<S: 'static>(
    size: egui::Vec2,
    state: S,
    draw: impl FnMut(&mut egui::Ui, &mut S) + 'static,
) -> Harness<'static, S> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_context_setup(|ctx| {
            theme::install_fonts(ctx);
            Theme::new(ThemeKind::Light).apply(ctx);
        })
        .build_ui_state(draw, state);
    harness.run();
    harness
}
