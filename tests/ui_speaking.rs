//! Stories of the speaking round («круглый стол»): the projector shows who has the floor and
//! who is next; PageDown walks the speakers (the first press starts the countdown, each next
//! one ends the turn), the countdown turns amber and red on a mocked clock, PageUp gives the
//! floor back, S skips, and after the last speaker the clicker walks the agenda again; the
//! secretary's key point lands in the group's position; the agenda card builds the order.

#![allow(clippy::unwrap_used)]

mod common;

use egui::Key;
use egui_kittest::{Harness, kittest::Queryable};
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    AgendaItem, AgendaItemId, AgendaStatus, Alternative, AlternativeId, BoardSection, GroupId,
    Participant, ParticipantId, Session, Speaker, SpeakerWho, StakeholderGroup, TurnStatus,
};

const ROUND: AgendaItemId = AgendaItemId(40);
const NEXT_ITEM: AgendaItemId = AgendaItemId(41);
const RESIDENTS: GroupId = GroupId(1);
const BUSINESS: GroupId = GroupId(2);
const SCHOOLS: GroupId = GroupId(3);
const ANNA: ParticipantId = ParticipantId(10);
const BORIS: ParticipantId = ParticipantId(11);
const VERA: ParticipantId = ParticipantId(12);
const PARK: AlternativeId = AlternativeId(20);

/// Three groups, three participants (Vera is in no speaking round), an alternative, and an
/// agenda: a round table (Anna, Boris, then the Schools group, 3 minutes each) and a vote.
fn session() -> Session {
    let mut s = Session::new("Strategy day");
    for (id, name) in [
        (RESIDENTS, "Residents"),
        (BUSINESS, "Local business"),
        (SCHOOLS, "Schools"),
    ] {
        s.stakeholder_groups.push(StakeholderGroup {
            id,
            name: name.into(),
            ..StakeholderGroup::default()
        });
    }
    for (id, name, position, organisation, group) in [
        (ANNA, "Anna Petrova", "Chair", "Riverside TOS", RESIDENTS),
        (BORIS, "Boris Ivanov", "Owner", "Ivanov Bakery", BUSINESS),
        (VERA, "Vera Orlova", "Head teacher", "School No. 5", SCHOOLS),
    ] {
        s.participants.push(Participant {
            id,
            name: name.into(),
            position: position.into(),
            organisation: organisation.into(),
            group: Some(group),
            ..Participant::default()
        });
    }
    s.alternatives.push(Alternative {
        id: PARK,
        title: "Plant a park".into(),
        ..Alternative::default()
    });
    s.agenda.push(AgendaItem {
        id: ROUND,
        title: "Round table: what the district needs".into(),
        planned_minutes: 30,
        status: AgendaStatus::Planned,
        section: Some(BoardSection::Positions),
        speakers: vec![
            Speaker::new(SpeakerWho::Participant(ANNA)),
            Speaker::new(SpeakerWho::Participant(BORIS)),
            Speaker::new(SpeakerWho::Group(SCHOOLS)),
        ],
        ..AgendaItem::default()
    });
    s.agenda.push(AgendaItem {
        id: NEXT_ITEM,
        title: "Vote on the park".into(),
        planned_minutes: 10,
        ..AgendaItem::default()
    });
    s.repair_next_id();
    s
}

fn harness(language: Language) -> Harness<'static, StratboardApp> {
    let app = StratboardApp::for_test(session(), language);
    common::window(app, common::WINDOW)
}

/// Sets the clock to `secs` and lets the frame settle (the clock stays there: mocked time).
fn at(h: &mut Harness<'_, StratboardApp>, secs: f64) {
    h.input_mut().time = Some(secs);
    h.run();
}

fn press(h: &mut Harness<'_, StratboardApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn shows(h: &Harness<'_, StratboardApp>, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

fn statuses(h: &Harness<'_, StratboardApp>) -> Vec<TurnStatus> {
    let session = h.state().session();
    let item = session.agenda_item(ROUND).unwrap();
    item.speakers.iter().map(|s| s.status).collect()
}

#[test]
fn the_projector_shows_the_current_and_the_next_speaker() {
    let mut h = harness(Language::English);
    at(&mut h, 10.0);
    press(&mut h, Key::F5);
    assert_eq!(h.state().presented_item(), Some(ROUND));
    assert!(shows(&h, "Speaker 1 of 3"));
    assert!(shows(&h, "Anna Petrova"), "the name, big");
    assert!(
        shows(&h, "Chair, Riverside TOS"),
        "job title and organisation"
    );
    assert!(shows(&h, "Group: Residents"));
    assert!(shows(&h, "Next:"));
    assert!(shows(&h, "Boris Ivanov — Local business"), "who is next");
    assert!(shows(&h, "Speaker's time 03:00, time left"));
    assert!(shows(&h, "Order of speakers"));
    assert!(shows(&h, "3. Schools"));
}

#[test]
fn page_down_walks_the_speakers_and_the_countdown_turns_amber_then_red() {
    let mut h = harness(Language::English);
    at(&mut h, 100.0);
    press(&mut h, Key::F5);
    // The first press gives Anna the floor: her countdown starts, nobody has spoken yet.
    press(&mut h, Key::PageDown);
    assert_eq!(h.state().presented_item(), Some(ROUND));
    assert_eq!(statuses(&h), vec![TurnStatus::Waiting; 3]);
    at(&mut h, 159.0);
    assert!(shows(&h, "Speaker's time 02:01, time left"), "calm");
    at(&mut h, 161.0);
    assert!(
        shows(&h, "Speaker's time 01:59, last two minutes"),
        "amber in the last two minutes"
    );
    at(&mut h, 281.0);
    assert!(
        shows(&h, "Speaker's time +00:01, time is up"),
        "red once the time is up"
    );

    // Anna is done: Boris has the floor, and his countdown runs at once.
    press(&mut h, Key::PageDown);
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Waiting, TurnStatus::Waiting]
    );
    let spoke_at = h.state().session().agenda[0].speakers[0].spoke_at;
    assert!(spoke_at.is_some(), "the time she finished is kept");
    assert!(shows(&h, "Speaker 2 of 3"));
    assert!(shows(&h, "Boris Ivanov"));
    assert!(shows(&h, "Schools"), "next: the group");
    at(&mut h, 291.0);
    assert!(shows(&h, "Speaker's time 02:50, time left"));

    // PageUp gives Anna the floor back; her countdown goes on where it stopped.
    press(&mut h, Key::PageUp);
    assert_eq!(statuses(&h), vec![TurnStatus::Waiting; 3]);
    assert!(shows(&h, "Speaker 1 of 3"));
    assert!(shows(&h, "Speaker's time +00:01, time is up"));
    press(&mut h, Key::PageDown);
    at(&mut h, 300.0);
    // S skips Boris; the Schools' speaker starts.
    press(&mut h, Key::S);
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Skipped, TurnStatus::Waiting]
    );
    assert!(shows(&h, "Speaker 3 of 3"));
    // A skip by mistake: PageUp gives Boris the floor back, S skips him again.
    press(&mut h, Key::PageUp);
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Waiting, TurnStatus::Waiting]
    );
    assert_eq!(h.state().presented_item(), Some(ROUND));
    press(&mut h, Key::S);
    assert!(shows(&h, "Last speaker"));
    // Boris's countdown had not run again, so the Schools' speaker waits for the clicker.
    assert!(shows(&h, "Speaker's time 03:00, time left"));
    press(&mut h, Key::PageDown);
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Skipped, TurnStatus::Waiting]
    );
    press(&mut h, Key::PageDown);
    assert!(
        !shows(&h, "Order of speakers"),
        "everyone has spoken: the item's section is back"
    );
    assert!(
        shows(&h, "Key point: Schools"),
        "the secretary can still note what the last speaker said"
    );
    assert_eq!(h.state().presented_item(), Some(ROUND));
    // The round is over: the clicker walks the agenda again.
    press(&mut h, Key::PageDown);
    assert_eq!(h.state().presented_item(), Some(NEXT_ITEM));

    // Each turn was its own undo step.
    h.state_mut().undo();
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Skipped, TurnStatus::Waiting]
    );
}

#[test]
fn a_round_read_from_the_file_is_walked_past() {
    let mut session = session();
    for speaker in &mut session.agenda[0].speakers {
        speaker.status = TurnStatus::Spoke;
    }
    session.agenda[0].status = AgendaStatus::Done;
    let app = StratboardApp::for_test(session, Language::English);
    let mut h = common::window(app, common::WINDOW);
    press(&mut h, Key::F5);
    assert_eq!(h.state().presented_item(), Some(NEXT_ITEM));
    press(&mut h, Key::PageUp);
    assert_eq!(h.state().presented_item(), Some(ROUND));
    assert!(!shows(&h, "Order of speakers"), "the item's section");
    assert!(
        h.query_all_by_label_contains("Key point:").next().is_none(),
        "no key-point bar for a round finished before"
    );
    press(&mut h, Key::PageUp);
    assert_eq!(
        h.state().presented_item(),
        Some(ROUND),
        "the first item: nowhere further back"
    );
    assert!(
        statuses(&h).iter().all(|s| *s == TurnStatus::Spoke),
        "PageUp reopens no turn it did not end"
    );
    press(&mut h, Key::PageDown);
    assert_eq!(h.state().presented_item(), Some(NEXT_ITEM));
}

#[test]
fn the_secretary_notes_a_key_point_into_the_speakers_group_position() {
    let mut h = harness(Language::English);
    press(&mut h, Key::F5);
    assert!(shows(&h, "Key point: Anna Petrova — Residents"));
    assert!(
        shows(&h, "Pick the alternative in discussion to note key points."),
        "the item is tied to no alternative"
    );
    h.get_by_label("Alternative in discussion").click();
    h.run();
    h.get_by_label("Plant a park").click();
    h.run();
    let field = h.get_by_label("Key point");
    field.click();
    h.run();
    h.get_by_label("Key point")
        .type_text("Shade for the elderly");
    h.run();
    // Typing is not a key of the presentation: "e" did not extend, "b" did not blank.
    assert!(shows(&h, "Anna Petrova"));
    h.key_press(Key::Enter);
    h.run();
    let position = h
        .state()
        .session()
        .positions
        .iter()
        .find(|p| p.group == RESIDENTS && p.alternative == PARK)
        .cloned()
        .unwrap();
    assert_eq!(position.interests, "Shade for the elderly");
    // The clicker still works while the field has the keyboard.
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    assert!(shows(&h, "Key point: Boris Ivanov — Local business"));
    h.get_by_label("Key point")
        .type_text("Parking for deliveries");
    h.run();
    h.get_by_label("Add to the position").click();
    h.run();
    let business = h
        .state()
        .session()
        .positions
        .iter()
        .find(|p| p.group == BUSINESS)
        .map(|p| p.interests.clone());
    assert_eq!(business.as_deref(), Some("Parking for deliveries"));
}

#[test]
fn the_agenda_card_builds_the_order() {
    let mut session = session();
    session.agenda[0].speakers.clear();
    let mut h = common::board(
        session,
        Language::English,
        BoardSection::Session,
        common::WINDOW,
    );
    // The first agenda card's (the second card has its own).
    h.query_all_by_label("Speaking round")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Add everyone").click();
    h.run();
    let who = |h: &Harness<'_, StratboardApp>| -> Vec<SpeakerWho> {
        h.state().session().agenda[0]
            .speakers
            .iter()
            .map(|s| s.who)
            .collect()
    };
    assert_eq!(
        who(&h),
        vec![
            SpeakerWho::Participant(ANNA),
            SpeakerWho::Participant(BORIS),
            SpeakerWho::Participant(VERA)
        ]
    );
    h.get_by_label("Move up: Boris Ivanov").click();
    h.run();
    assert_eq!(who(&h)[0], SpeakerWho::Participant(BORIS));
    h.get_by_label("Skip: Vera Orlova").click();
    h.run();
    assert_eq!(
        h.state().session().agenda[0].speakers[2].status,
        TurnStatus::Skipped
    );
    h.get_by_label("Give the floor again: Vera Orlova").click();
    h.run();
    assert_eq!(
        h.state().session().agenda[0].speakers[2].status,
        TurnStatus::Waiting
    );
    h.get_by_label("Delete: Anna Petrova").click();
    h.run();
    assert_eq!(who(&h).len(), 2);
    h.get_by_label("Add a speaker").click();
    h.run();
    h.get_by_label("Schools (one speaker)").click();
    h.run();
    assert_eq!(who(&h).last(), Some(&SpeakerWho::Group(SCHOOLS)));
    assert_eq!(h.state().session().agenda[0].speakers[2].minutes, 3);
    h.state_mut().undo();
    assert_eq!(who(&h).len(), 2, "adding was one undo step");
}

#[test]
fn the_russian_projector_names_the_turn_and_the_phase() {
    let mut h = harness(Language::Russian);
    at(&mut h, 10.0);
    press(&mut h, Key::F5);
    assert!(shows(&h, "Выступление 1 из 3"));
    assert!(shows(&h, "Следующий:"));
    assert!(shows(&h, "Время выступающего 03:00, осталось"));
    assert!(shows(&h, "3 минуты"));
}

#[test]
fn the_board_keeps_the_key_point_bar_and_the_clicker_works_while_typing() {
    let mut h = harness(Language::English);
    h.key_press_modifiers(egui::Modifiers::ALT, Key::F5);
    h.run();
    assert!(h.state().audience_window_open());
    assert!(
        !h.state().is_presenting(),
        "the main window keeps the board"
    );
    h.get_by_label("Alternative in discussion").click();
    h.run();
    h.get_by_label("Plant a park").click();
    h.run();
    h.get_by_label("Key point").click();
    h.run();
    h.get_by_label("Key point").type_text("Bees");
    h.run();
    assert_eq!(h.state().session().agenda[0].speakers.len(), 3);
    // The clicker starts Anna's turn and ends it while the field has the keyboard.
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    assert_eq!(
        statuses(&h),
        vec![TurnStatus::Spoke, TurnStatus::Waiting, TurnStatus::Waiting]
    );
    // The draft is kept; it now goes to Boris's group.
    assert!(shows(&h, "Key point: Boris Ivanov — Local business"));
    h.get_by_label("Add to the position").click();
    h.run();
    let business = h
        .state()
        .session()
        .positions
        .iter()
        .find(|p| p.group == BUSINESS)
        .map(|p| p.interests.clone());
    assert_eq!(business.as_deref(), Some("Bees"));
}
