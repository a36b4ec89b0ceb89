//! Registration stories, by role and label with the accessibility check on: the secretary
//! searches and marks people at the door and the counts follow; the quorum in the status bar;
//! a proxy recorded on the board, and suspended when its giver arrives; the right to vote on
//! the participants board; opening a vote without a quorum asks first.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratboard::app::StratboardApp;
use stratboard_core::commands::{AttendanceOp, Command};
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Alternative, AlternativeId, BoardSection, Participant, ParticipantId, Presence, QuorumRule,
    Session, Vote, VoteId, VoteMethod, VoteStatus,
};

const NAMES: [&str; 5] = [
    "Anna Petrova",
    "Boris Ivanov",
    "Vera Sokolova",
    "Gleb Orlov",
    "Dina Kim",
];
const VOTE: VoteId = VoteId(20);

/// Five voting members (ids 1–5), an invited expert without a vote (6), one alternative and a
/// draft consent vote on it.
fn session() -> Session {
    let mut s = Session::new("Council");
    for (i, name) in NAMES.iter().enumerate() {
        s.participants.push(Participant {
            id: ParticipantId(i as u32 + 1),
            name: (*name).into(),
            position: "Deputy".into(),
            ..Participant::default()
        });
    }
    s.participants.push(Participant {
        id: ParticipantId(6),
        name: "Eva Expert".into(),
        voting: false,
        ..Participant::default()
    });
    s.alternatives.push(Alternative {
        id: AlternativeId(10),
        title: "Build a park".into(),
        ..Alternative::default()
    });
    s.votes.push(Vote {
        id: VOTE,
        question: "Build the park?".into(),
        alternatives: vec![AlternativeId(10)],
        method: VoteMethod::Consent { allow_block: false },
        status: VoteStatus::Draft,
        ..Vote::default()
    });
    s.repair_next_id();
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn open(session: Session, section: BoardSection) -> Harness<'static, StratboardApp> {
    common::board(session, Language::English, section, common::WINDOW)
}

fn click(h: &mut Harness<'static, StratboardApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn presence(h: &Harness<'static, StratboardApp>, id: u32) -> Option<(Presence, bool)> {
    h.state()
        .session()
        .attendance
        .registration(ParticipantId(id))
        .map(|r| (r.presence, r.left.is_some()))
}

fn mark(h: &mut Harness<'static, StratboardApp>, id: u32) {
    h.state_mut()
        .apply(Command::Attendance(AttendanceOp::Arrive {
            participant: ParticipantId(id),
            presence: Presence::InRoom,
            at: None,
        }));
    h.run();
}

fn search_field<'h>(h: &'h Harness<'static, StratboardApp>) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(Role::TextInput, "Search by name")
}

#[test]
fn the_secretary_searches_marks_and_the_counts_follow() {
    let mut h = open(session(), BoardSection::Attendance);
    h.get_by_label("Registered: 0 of 5 members");
    // Typing narrows the list; Enter marks the one found, and the search clears for the next.
    search_field(&h).type_text("bor");
    h.run();
    assert!(h.query_by_label("Anna Petrova").is_none());
    h.get_by_label("Boris Ivanov");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(presence(&h, 2), Some((Presence::InRoom, false)));
    h.get_by_label("Registered: 1 of 5 members");
    assert_eq!(search_field(&h).value().as_deref(), Some(""));
    // Shift+Enter: remotely, for the row picked with ↓.
    // ("a" finds Anna, Boris, Vera, Dina and Eva: ↓ ↓ picks Vera.)
    search_field(&h).type_text("a");
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowDown);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    h.run();
    let remote: Vec<u32> = (1..=6)
        .filter(|id| presence(&h, *id) == Some((Presence::Remote, false)))
        .collect();
    assert_eq!(remote, vec![3], "Vera is marked remote");
    // Buttons by name: the expert arrives (a guest, not a member); Anna is marked absent.
    click(&mut h, "In the room: Eva Expert");
    click(&mut h, "Absent: Anna Petrova");
    assert_eq!(presence(&h, 1), Some((Presence::Absent, false)));
    h.get_by_label("Registered: 2 of 5 members · 1 guest");
    // Boris leaves: he no longer counts; undo brings him back.
    click(&mut h, "Left: Boris Ivanov");
    assert_eq!(presence(&h, 2), Some((Presence::InRoom, true)));
    h.get_by_label("Registered: 1 of 5 members · 1 guest");
    h.state_mut().undo();
    h.run();
    assert_eq!(presence(&h, 2), Some((Presence::InRoom, false)));
    // The filter shows only those not marked yet.
    h.get_by_label_contains("Not marked").click();
    h.run();
    assert!(h.query_by_label("Boris Ivanov").is_none());
    h.get_by_label("Gleb Orlov");
}

#[test]
fn the_status_bar_tells_the_quorum() {
    let mut s = session();
    s.attendance.quorum = Some(QuorumRule::MoreThanHalf);
    let mut h = open(s, BoardSection::Votes);
    h.get_by_label("No quorum: 0 of 5 (3 needed)");
    mark(&mut h, 1);
    mark(&mut h, 2);
    h.get_by_label("No quorum: 2 of 5 (3 needed)");
    // The expert's presence counts for nothing.
    mark(&mut h, 6);
    h.get_by_label("No quorum: 2 of 5 (3 needed)");
    mark(&mut h, 3);
    h.get_by_label("Quorum: 3 of 5");
}

#[test]
fn opening_a_vote_without_a_quorum_asks_first() {
    let mut s = session();
    s.attendance.quorum = Some(QuorumRule::MoreThanHalf);
    let mut h = open(s, BoardSection::Votes);
    click(&mut h, "Open vote");
    assert_eq!(
        h.state().session().vote(VOTE).unwrap().status,
        VoteStatus::Draft
    );
    h.get_by_label_contains("Open the vote without a quorum?");
    click(&mut h, "Cancel");
    assert!(
        h.query_by_label_contains("Open the vote without a quorum?")
            .is_none()
    );
    click(&mut h, "Open vote");
    click(&mut h, "Open without a quorum");
    assert_eq!(
        h.state().session().vote(VOTE).unwrap().status,
        VoteStatus::Open
    );
}

#[test]
fn a_proxy_is_recorded_on_the_board_and_suspended_when_its_giver_arrives() {
    let mut h = open(session(), BoardSection::Attendance);
    // Nobody is here yet: the editor says a proxy needs a present holder.
    click(&mut h, "Proxy…: Anna Petrova");
    h.get_by_label_contains("nobody is marked yet");
    click(&mut h, "Cancel");
    mark(&mut h, 2);
    click(&mut h, "Proxy…: Anna Petrova");
    h.get_by_label("Gives their vote to").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Boris Ivanov")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Proxy number or note")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Proxy number or note")
        .type_text("No. 7");
    h.run();
    click(&mut h, "Record the proxy");
    let proxies = h.state().session().attendance.proxies.clone();
    assert_eq!(proxies.len(), 1);
    assert_eq!(
        (proxies[0].from, proxies[0].to),
        (ParticipantId(1), ParticipantId(2))
    );
    assert_eq!(proxies[0].note, "No. 7");
    h.get_by_label("Vote given by proxy to: Boris Ivanov (No. 7)");
    h.get_by_label("Also votes by proxy for: Anna Petrova");
    // Anna arrives: the proxy is suspended, and the board says so.
    click(&mut h, "In the room: Anna Petrova");
    h.get_by_label_contains("proxy suspended");
    // Revoked: gone, one undo step brings it back.
    click(&mut h, "Revoke proxy: Anna Petrova");
    assert!(h.state().session().attendance.proxies.is_empty());
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().session().attendance.proxies.len(), 1);
}

#[test]
fn the_right_to_vote_is_set_on_the_participants_board() {
    let mut h = open(session(), BoardSection::Stakeholders);
    let toggle = |h: &Harness<'static, StratboardApp>, name: &str| {
        h.get_by_role_and_label(Role::CheckBox, &format!("Right to vote: {name}"))
            .accesskit_node()
            .toggled()
    };
    assert_eq!(toggle(&h, "Anna Petrova"), Some(Toggled::True));
    assert_eq!(toggle(&h, "Eva Expert"), Some(Toggled::False));
    h.get_by_role_and_label(Role::CheckBox, "Right to vote: Anna Petrova")
        .click();
    h.run();
    assert!(!h.state().session().participants[0].voting);
    assert_eq!(h.state().session().electorate(), 4);
}

#[test]
fn the_registration_view_reads_in_russian() {
    let mut s = session();
    s.attendance.quorum = Some(QuorumRule::TwoThirds);
    let mut h = common::board(
        s,
        Language::Russian,
        BoardSection::Attendance,
        common::WINDOW,
    );
    h.get_by_label("Зарегистрировано 0 из 5 членов");
    click(&mut h, "В зале: Anna Petrova");
    // The view and the status bar both tell it.
    assert_eq!(
        h.get_all_by_label("Кворума нет: 1 из 5 (нужно 4)").count(),
        2
    );
    h.get_by_label("Зарегистрировано 1 из 5 членов");
    h.get_by_label_contains("в зале с");
}
