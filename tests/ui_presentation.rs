//! Presentation mode from the app: F5 / Esc, the clicker walking the agenda, blanking, the
//! audience window, and the repaint rhythm of the agenda timer over simulated seconds.

#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use egui::{Key, ViewportId};
use egui_kittest::{Harness, kittest::Queryable};
use stratboard::app::{StratboardApp, sample_session};
use stratboard_core::i18n::Language;

fn harness() -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(sample_session(), Language::English);
    common::window(app, common::WINDOW)
}

fn press(harness: &mut Harness<'_, StratboardApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The big heading of agenda item `index` ("2. Title").
fn heading(harness: &Harness<'_, StratboardApp>, index: usize) -> String {
    let item = &harness.state().session().agenda[index];
    format!("{}. {}", index + 1, item.title)
}

fn shows(harness: &Harness<'_, StratboardApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

fn goals_label(harness: &Harness<'_, StratboardApp>) -> String {
    format!("Goals   {}", harness.state().session().goals.len())
}

#[test]
fn f5_enters_presentation_and_esc_leaves() {
    let mut harness = harness();
    let goals = goals_label(&harness);
    assert!(shows(&harness, &goals), "the sections panel is there");
    assert!(!harness.state().is_presenting());

    press(&mut harness, Key::F5);
    assert!(harness.state().is_presenting());
    assert!(
        !shows(&harness, &goals),
        "no sections panel while presenting"
    );
    let first = heading(&harness, 0);
    assert!(shows(&harness, &first), "the agenda item's title, big");

    press(&mut harness, Key::Escape);
    assert!(!harness.state().is_presenting());
    assert!(shows(&harness, &goals), "the board is back");
    assert!(!shows(&harness, &first));
}

#[test]
fn page_down_and_page_up_walk_the_agenda() {
    let mut harness = harness();
    let count = harness.state().session().agenda.len();
    assert!(count >= 3);
    press(&mut harness, Key::F5);
    let ids: Vec<_> = harness
        .state()
        .session()
        .agenda
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(harness.state().presented_item(), Some(ids[0]));
    for (index, id) in ids.iter().enumerate().skip(1) {
        press(&mut harness, Key::PageDown);
        assert_eq!(harness.state().presented_item(), Some(*id));
        let current = heading(&harness, index);
        let previous = heading(&harness, index - 1);
        assert!(shows(&harness, &current), "item {index}: {current}");
        assert!(
            !shows(&harness, &previous),
            "item {index}: {previous} is gone"
        );
    }
    press(&mut harness, Key::PageDown);
    assert_eq!(
        harness.state().presented_item(),
        Some(ids[count - 1]),
        "stays at the last item"
    );
    for index in (0..count - 1).rev() {
        press(&mut harness, Key::PageUp);
        assert_eq!(harness.state().presented_item(), Some(ids[index]));
        assert!(shows(&harness, &heading(&harness, index)));
    }
    // The arrows of a clicker do the same.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().presented_item(), Some(ids[1]));
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(harness.state().presented_item(), Some(ids[0]));
}

#[test]
fn b_blanks_the_screen_and_again_returns() {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    press(&mut harness, Key::PageDown);
    let title = heading(&harness, 1);
    assert!(shows(&harness, &title));
    press(&mut harness, Key::B);
    assert!(!shows(&harness, &title), "nothing but black");
    assert!(harness.state().is_presenting());
    press(&mut harness, Key::B);
    assert!(shows(&harness, &title));
    press(&mut harness, Key::Period);
    assert!(!shows(&harness, &title), ". blanks too");
    press(&mut harness, Key::Period);
    assert!(shows(&harness, &title));
}

/// Runs the harness like an event loop that sleeps until egui asks to be woken, over
/// `seconds` of simulated time; returns how many frames ran.
fn frames_over(harness: &mut Harness<'_, StratboardApp>, seconds: f64) -> usize {
    let start = harness.ctx.input(|i| i.time);
    let mut now = start;
    let mut frames = 0;
    loop {
        let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
        if delay == Duration::MAX {
            break;
        }
        now += delay.as_secs_f64();
        if now > start + seconds {
            break;
        }
        harness.input_mut().time = Some(now);
        harness.step();
        frames += 1;
        assert!(frames < 1_000, "repainting continuously");
    }
    frames
}

#[test]
fn a_running_timer_repaints_once_a_second_and_no_timer_not_at_all() {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    // No timer: nothing asks for a repaint.
    assert!(harness.run() <= 2);
    assert_eq!(frames_over(&mut harness, 10.0), 0);

    press(&mut harness, Key::T);
    let frames = frames_over(&mut harness, 10.0);
    assert!(
        (9..=11).contains(&frames),
        "about one repaint a second, got {frames} in 10 s"
    );

    // Paused: the session clock only needs a repaint once a minute.
    press(&mut harness, Key::T);
    let frames = frames_over(&mut harness, 120.0);
    assert!(frames <= 3, "paused: {frames} repaints in two minutes");
}

#[test]
fn the_timer_keys_drive_the_countdown_on_the_projector() {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    // The first item is planned for 10 minutes; the countdown waits for T.
    assert!(
        harness
            .query_all_by_label_contains("10:00")
            .next()
            .is_some()
    );
    press(&mut harness, Key::E);
    assert!(
        harness
            .query_all_by_label_contains("11:00")
            .next()
            .is_some(),
        "E adds a minute"
    );
    press(&mut harness, Key::R);
    assert!(
        harness
            .query_all_by_label_contains("10:00")
            .next()
            .is_some(),
        "R resets"
    );
}

#[test]
fn the_audience_window_keeps_the_board_in_the_main_window() {
    let mut harness = harness();
    let goals = goals_label(&harness);
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::F5);
    harness.run();
    assert!(harness.state().audience_window_open());
    assert!(!harness.state().is_presenting());
    assert!(shows(&harness, &goals), "the facilitator keeps the board");
    // Tests have no second native window: egui embeds it, showing the presentation.
    assert!(shows(&harness, &heading(&harness, 0)));
    // The clicker still walks the agenda from the main window.
    press(&mut harness, Key::PageDown);
    assert!(shows(&harness, &heading(&harness, 1)));
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::F5);
    harness.run();
    assert!(!harness.state().audience_window_open());
}

#[test]
fn the_view_menu_starts_the_presentation_and_zoom_is_remembered() {
    let app = stratboard::app::StratboardApp::for_test(
        stratboard::app::sample_session(),
        stratboard_core::i18n::Language::English,
    );
    let mut h = common::window(app, common::WINDOW);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present to the room").click();
    h.run();
    assert!(h.state().is_presenting());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    assert!(h.state().presentation_zoom() > 1.0);
    assert_eq!(
        h.state().settings().presentation_zoom,
        h.state().presentation_zoom(),
        "remembered"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
}

#[test]
fn show_to_the_room_spotlights_one_alternative_alone() {
    let mut h = harness();
    h.state_mut()
        .select_section(stratboard_core::model::BoardSection::Alternatives);
    h.run();
    let session = h.state().session().clone();
    let shown = &session.alternatives[1];
    let other = &session.alternatives[2];
    h.get_by_label(&format!("Show to the room: {}", shown.title))
        .click();
    h.run();
    assert!(h.state().is_presenting());
    assert!(
        h.query_by_label_contains(&shown.title).is_some(),
        "the alternative is shown"
    );
    assert!(h.query_by_label_contains(&other.title).is_none(), "alone");
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
    // F5 again starts from the agenda, not the old spotlight.
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting());
    assert!(
        h.query_by_label_contains(&shown.title).is_none(),
        "the spotlight was cleared"
    );
}

#[test]
fn hidden_ideas_are_revealed_all_at_once_in_one_undo_step() {
    use stratboard_core::commands::{Command, Item};
    let mut h = harness();
    let session = h.state().session().clone();
    for alternative in &session.alternatives[..2] {
        let mut hidden = alternative.clone();
        hidden.hidden = true;
        h.state_mut()
            .apply(Command::Update(Item::Alternative(hidden)));
    }
    h.state_mut()
        .select_section(stratboard_core::model::BoardSection::Alternatives);
    h.run();
    h.get_by_label("Reveal 2 hidden ideas").click();
    h.run();
    assert!(
        h.state().session().alternatives.iter().all(|a| !a.hidden),
        "all at once"
    );
    assert!(
        h.query_by_label_contains("hidden ideas").is_none(),
        "nothing left to reveal"
    );
    h.state_mut().undo();
    let hidden = h
        .state()
        .session()
        .alternatives
        .iter()
        .filter(|a| a.hidden)
        .count();
    assert_eq!(hidden, 2, "one undo step hides both again");
}

#[test]
fn what_phones_send_is_applied_while_presenting() {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    assert!(harness.state().is_presenting());
    // A room's phone sends from another thread; the window wakes and applies it.
    let sender = harness.state().command_sender();
    let idea = stratboard_core::model::Alternative {
        title: "Sent from a phone".into(),
        hidden: true,
        ..Default::default()
    };
    let count = harness.state().session().alternatives.len();
    std::thread::spawn(move || {
        sender
            .send(stratboard_core::commands::Command::Add(
                stratboard_core::commands::Item::Alternative(idea),
            ))
            .unwrap();
    })
    .join()
    .unwrap();
    harness.run();
    assert!(harness.state().is_presenting());
    assert_eq!(harness.state().session().alternatives.len(), count + 1);
}
