//! The speaking round: the order lives on the agenda item and travels in the file (a file
//! without one is written byte for byte as before), every turn is an undoable update,
//! validation catches unknown or repeated speakers, deleting a speaker takes them out of the
//! round, and a key point noted for a group lands in its position without changing its stance.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::NaiveDate;
use stratboard_core::commands::{
    Command, DeleteMode, Item, ItemRef, current_position_round, key_point,
};
use stratboard_core::history::History;
use stratboard_core::model::{
    AgendaItem, AgendaItemId, AlternativeId, GroupId, Participant, ParticipantId, Position,
    ProblemKind, Session, Speaker, SpeakerWho, StakeholderGroup, Stance, TurnStatus,
};
use stratboard_core::storage::{parse_session, to_ron_string};

const ITEM: AgendaItemId = AgendaItemId(10);
const RESIDENTS: GroupId = GroupId(1);
const BUSINESS: GroupId = GroupId(2);
const ANNA: ParticipantId = ParticipantId(3);
const BORIS: ParticipantId = ParticipantId(4);
const PARK: AlternativeId = AlternativeId(20);

fn session() -> Session {
    let mut s = Session::new("Round table");
    for (id, name) in [(RESIDENTS, "Residents"), (BUSINESS, "Business")] {
        s.stakeholder_groups.push(StakeholderGroup {
            id,
            name: name.into(),
            ..StakeholderGroup::default()
        });
    }
    for (id, name, group) in [(ANNA, "Anna", RESIDENTS), (BORIS, "Boris", BUSINESS)] {
        s.participants.push(Participant {
            id,
            name: name.into(),
            group: Some(group),
            ..Participant::default()
        });
    }
    s.alternatives.push(stratboard_core::model::Alternative {
        id: PARK,
        title: "Plant a park".into(),
        ..Default::default()
    });
    s.agenda.push(AgendaItem {
        id: ITEM,
        title: "Round table".into(),
        speakers: vec![
            Speaker::new(SpeakerWho::Participant(ANNA)),
            Speaker::new(SpeakerWho::Participant(BORIS)),
            Speaker::new(SpeakerWho::Group(BUSINESS)),
        ],
        ..AgendaItem::default()
    });
    s.repair_next_id();
    s
}

fn item(s: &Session) -> &AgendaItem {
    s.agenda_item(ITEM).unwrap()
}

#[test]
fn the_round_is_saved_and_read_back_and_an_item_without_one_writes_as_before() {
    let mut s = session();
    let at = NaiveDate::from_ymd_opt(2026, 12, 4).and_then(|d| d.and_hms_opt(11, 5, 0));
    s.agenda[0] = item(&s)
        .with_turn_ended(0, TurnStatus::Spoke, at)
        .unwrap()
        .with_turn_ended(1, TurnStatus::Skipped, None)
        .unwrap();
    let text = to_ron_string(&s).unwrap();
    assert!(text.contains("who: Participant(3)"), "{text}");
    assert!(
        text.contains("spoke_at: Some(\"2026-12-04T11:05:00\")"),
        "{text}"
    );
    let back = parse_session(text.as_bytes()).unwrap();
    assert_eq!(back.session, s);
    assert_eq!(back.migrated_from, None);

    s.agenda[0].speakers.clear();
    let text = to_ron_string(&s).unwrap();
    assert!(
        !text.contains("speakers"),
        "no round, no field: older builds read the file"
    );
    // A hand-written speaker with only `who` gets the defaults.
    let hand = text.replace(
        "notes: \"\",\n        ),\n    ],\n    goals",
        "notes: \"\",\n            speakers: [Speaker(who: Group(1))],\n        ),\n    ],\n    goals",
    );
    let read = parse_session(hand.as_bytes()).unwrap().session;
    let speaker = &read.agenda[0].speakers[0];
    assert_eq!(speaker.minutes, 3);
    assert_eq!(speaker.status, TurnStatus::Waiting);
}

#[test]
fn unknown_and_repeated_speakers_are_refused() {
    let mut s = session();
    let mut changed = item(&s).clone();
    changed
        .speakers
        .push(Speaker::new(SpeakerWho::Participant(ParticipantId(99))));
    let error = s
        .apply(Command::Update(Item::AgendaItem(changed)))
        .unwrap_err();
    assert!(error.to_string().contains("speakers[3].who"), "{error}");

    let mut twice = item(&s).clone();
    twice
        .speakers
        .push(Speaker::new(SpeakerWho::Participant(ANNA)));
    let error = s
        .apply(Command::Update(Item::AgendaItem(twice)))
        .unwrap_err();
    assert!(
        matches!(
            error,
            stratboard_core::commands::CommandError::Invalid(ref p)
                if matches!(p.kind, ProblemKind::Repeated { .. })
        ),
        "{error}"
    );
    assert_eq!(item(&s).speakers.len(), 3, "the session is unchanged");
}

#[test]
fn each_turn_is_an_undo_step() {
    let mut s = session();
    let mut history = History::default();
    let now = Instant::now();
    let first = item(&s)
        .with_turn_ended(0, TurnStatus::Spoke, None)
        .unwrap();
    history
        .apply(&mut s, Command::Update(Item::AgendaItem(first)), now)
        .unwrap();
    history.seal();
    assert_eq!(item(&s).current_speaker(), Some(1));
    let second = item(&s)
        .with_turn_ended(1, TurnStatus::Spoke, None)
        .unwrap();
    history
        .apply(&mut s, Command::Update(Item::AgendaItem(second)), now)
        .unwrap();
    assert_eq!(item(&s).current_speaker(), Some(2));
    history.undo(&mut s).unwrap();
    assert_eq!(item(&s).current_speaker(), Some(1), "one turn back");
}

#[test]
fn deleting_a_speaker_takes_them_out_of_the_round_and_undo_brings_them_back() {
    let mut s = session();
    let before = s.clone();
    let refused = s.apply(Command::Delete {
        target: ItemRef::Participant(BORIS),
        mode: DeleteMode::Refuse,
    });
    assert!(refused.is_err(), "referred to by the round");
    let applied = s
        .apply(Command::Delete {
            target: ItemRef::Group(BUSINESS),
            mode: DeleteMode::RemoveReferences,
        })
        .unwrap();
    let whos: Vec<_> = item(&s).speakers.iter().map(|sp| sp.who).collect();
    assert_eq!(
        whos,
        vec![
            SpeakerWho::Participant(ANNA),
            SpeakerWho::Participant(BORIS)
        ]
    );
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s.apply(applied.inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn a_key_point_joins_the_groups_position_in_the_current_round() {
    let mut s = session();
    assert!(key_point(&s, RESIDENTS, PARK, "   ").is_none());
    // No position yet: a new one, undecided, in round 1.
    let command = key_point(&s, RESIDENTS, PARK, "Shade for the elderly").unwrap();
    s.apply(command).unwrap();
    let position = s
        .positions
        .iter()
        .find(|p| p.group == RESIDENTS)
        .unwrap()
        .clone();
    assert_eq!(position.round, 1);
    assert_eq!(position.stance, Stance::Undecided);
    assert_eq!(position.interests, "Shade for the elderly");
    // Another point goes on a new line of the same position.
    s.apply(key_point(&s, RESIDENTS, PARK, "Benches").unwrap())
        .unwrap();
    assert_eq!(
        s.position(position.id).unwrap().interests,
        "Shade for the elderly\nBenches"
    );
    // Once the room is in round 2, a note starts the round-2 position with the group's stance.
    let mut first = s.position(position.id).unwrap().clone();
    first.stance = Stance::For;
    s.apply(Command::Update(Item::Position(first))).unwrap();
    s.apply(Command::Add(Item::Position(Position {
        group: BUSINESS,
        alternative: PARK,
        stance: Stance::Against,
        round: 2,
        ..Position::default()
    })))
    .unwrap();
    assert_eq!(current_position_round(&s), 2);
    s.apply(key_point(&s, RESIDENTS, PARK, "Lighting").unwrap())
        .unwrap();
    let second = s
        .positions
        .iter()
        .find(|p| p.group == RESIDENTS && p.round == 2)
        .unwrap();
    assert_eq!(second.stance, Stance::For, "the stance is kept");
    assert_eq!(second.interests, "Lighting");
    assert_eq!(
        s.position(position.id).unwrap().interests,
        "Shade for the elderly\nBenches",
        "round 1 is left as it was"
    );
}

#[test]
fn the_protocol_order_is_the_order_they_spoke_in() {
    let mut s = session();
    let at = |m| NaiveDate::from_ymd_opt(2026, 12, 4).and_then(|d| d.and_hms_opt(11, m, 0));
    // Boris spoke first, then the order was changed and Anna spoke.
    s.agenda[0] = item(&s)
        .with_turn_ended(1, TurnStatus::Spoke, at(5))
        .unwrap()
        .with_turn_ended(0, TurnStatus::Spoke, at(9))
        .unwrap();
    let spoken: Vec<_> = item(&s).spoken().iter().map(|sp| sp.who).collect();
    assert_eq!(
        spoken,
        vec![
            SpeakerWho::Participant(BORIS),
            SpeakerWho::Participant(ANNA)
        ]
    );
    assert_eq!(item(&s).speakers[2].group(&s), Some(BUSINESS));
    assert_eq!(item(&s).speakers[0].group(&s), Some(RESIDENTS));
    assert_eq!(item(&s).speakers[2].name(&s), "Business");
}
