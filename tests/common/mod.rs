//! What the UI tests share: one way to open the window (or a lone panel) in a test harness.
//! Each test binary uses part of it.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
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

/// Where the innermost container holding both `a` and `b` reaches: the union of the rects of
/// every node in it (a card's content, when `a` and `b` are two things on the card).
pub fn container_rect(a: &egui_kittest::Node<'_>, b: &egui_kittest::Node<'_>) -> egui::Rect {
    let ancestors = |node: &egui_kittest::Node<'_>| {
        std::iter::successors(node.parent(), |n| n.parent())
            .map(|n| n.accesskit_node().id())
            .collect::<Vec<_>>()
    };
    let of_a = ancestors(a);
    let common = std::iter::successors(b.parent(), |n| n.parent())
        .find(|n| of_a.contains(&n.accesskit_node().id()))
        .expect("two nodes of one window share the window's root");
    common
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .fold(egui::Rect::NOTHING, |rect, n| rect.union(n.rect()))
}
