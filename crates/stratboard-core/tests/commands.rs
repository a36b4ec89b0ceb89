//! Commands and history: every change goes through `Session::apply`, invalid changes are
//! refused without touching the session, deletes refuse or remove references consistently,
//! and undo/redo restores exactly.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use stratboard_core::commands::{
    Command, CommandError, DeleteMode, Item, ItemKind, ItemRef, Outcome,
};
use stratboard_core::history::History;
use stratboard_core::model::{
    ActionItem, Alternative, Goal, GoalId, Participant, ParticipantId, Position, ProblemKind,
    Proposer, Session, Stance,
};

mod common;

use common::small_session;

fn add(session: &mut Session, item: Item) -> ItemRef {
    match session.apply(Command::Add(item)).unwrap().outcome {
        Outcome::Added(target) => target,
        other => panic!("expected Added, got {other:?}"),
    }
}

#[test]
fn add_allocates_fresh_ids_that_are_never_reused() {
    let mut s = small_session();
    let goal = Goal {
        title: "Новая цель".into(),
        ..Goal::default()
    };
    let first = add(&mut s, Item::Goal(goal.clone()));
    let ItemRef::Goal(first_id) = first else {
        panic!()
    };
    s.apply(Command::Delete {
        target: first,
        mode: DeleteMode::Refuse,
    })
    .unwrap();
    let second = add(&mut s, Item::Goal(goal));
    assert_ne!(second, first, "a deleted id is not handed out again");
    assert!(s.goal(first_id).is_none());
    assert!(s.validate().is_empty());
}

#[test]
fn empty_title_is_refused_and_session_unchanged() {
    let mut s = small_session();
    let before = s.clone();
    let error = s
        .apply(Command::Add(Item::Goal(Goal {
            title: "   ".into(),
            ..Goal::default()
        })))
        .unwrap_err();
    match &error {
        CommandError::Invalid(problem) => assert_eq!(problem.kind, ProblemKind::EmptyText),
        other => panic!("expected Invalid, got {other:?}"),
    }
    // The refused add must not even advance the id counter visibly in the content.
    assert_eq!(s.goals, before.goals);
    let mut goal = s.goals[0].clone();
    goal.title.clear();
    assert!(s.apply(Command::Update(Item::Goal(goal))).is_err());
    assert_eq!(s.goals, before.goals);
}

#[test]
fn unknown_id_is_refused() {
    let mut s = small_session();
    let ghost = Goal {
        id: GoalId(4242),
        title: "Призрак".into(),
        ..Goal::default()
    };
    assert_eq!(
        s.apply(Command::Update(Item::Goal(ghost))).unwrap_err(),
        CommandError::Unknown(ItemRef::Goal(GoalId(4242)))
    );
    let target = ItemRef::Participant(ParticipantId(4242));
    let error = s.apply(Command::Delete {
        target,
        mode: DeleteMode::RemoveReferences,
    });
    assert_eq!(error.unwrap_err(), CommandError::Unknown(target));
}

#[test]
fn reference_to_nothing_is_refused() {
    let mut s = small_session();
    let before = s.clone();
    let mut alternative = s.alternatives[0].clone();
    alternative.goals.push(GoalId(999_999));
    let error = s
        .apply(Command::Update(Item::Alternative(alternative)))
        .unwrap_err();
    assert!(
        error.to_string().contains("no goal with id 999999"),
        "{error}"
    );
    assert_eq!(s, before);
}

#[test]
fn goal_cycle_is_refused() {
    let mut s = small_session();
    // goals[5] has goals[0] as parent in the generated session.
    let child = s.goals[5].id;
    let mut root = s.goals[0].clone();
    root.parent = Some(child);
    let error = s.apply(Command::Update(Item::Goal(root))).unwrap_err();
    assert!(matches!(error, CommandError::Invalid(ref p) if p.kind == ProblemKind::GoalCycle));
}

#[test]
fn owner_must_be_a_participant() {
    let mut s = small_session();
    let action = ActionItem {
        what: "Подготовить график выездов".into(),
        owners: vec![ParticipantId(777_777)],
        ..ActionItem::default()
    };
    let error = s.apply(Command::Add(Item::Action(action))).unwrap_err();
    assert!(error.to_string().contains("participant"), "{error}");
}

#[test]
fn second_position_for_the_same_cell_is_refused() {
    let mut s = small_session();
    let existing = s.positions[0].clone();
    let duplicate = Position {
        stance: Stance::Against,
        ..existing.clone()
    };
    let error = s
        .apply(Command::Add(Item::Position(duplicate)))
        .unwrap_err();
    assert!(
        error.to_string().contains("already has a position"),
        "{error}"
    );
    // A later round for the same cell is fine: positions converge over rounds.
    let later = Position {
        round: 2,
        ..existing
    };
    s.apply(Command::Add(Item::Position(later))).unwrap();
}

#[test]
fn deleting_a_referenced_participant_refuses_by_default_and_says_where() {
    let mut s = small_session();
    let person = s.participants[3].id;
    s.actions[0].owners.push(person);
    let before = s.clone();
    let error = s
        .apply(Command::Delete {
            target: ItemRef::Participant(person),
            mode: DeleteMode::Refuse,
        })
        .unwrap_err();
    let CommandError::Referenced {
        sites, by_ballots, ..
    } = error
    else {
        panic!("{error:?}")
    };
    assert!(
        sites.iter().any(|site| site.starts_with("actions[")),
        "{sites:?}"
    );
    assert!(!by_ballots, "no ballot names a participant who never voted");
    assert_eq!(s, before);
}

#[test]
fn an_alternative_named_on_ballots_is_refused_as_counted_in_any_mode() {
    let mut s = small_session();
    let named = s.votes[0]
        .rounds
        .iter()
        .flat_map(|r| &r.ballots)
        .flat_map(|b| match &b.choice {
            stratboard_core::model::Choice::Ranking(levels) => levels.concat(),
            _ => Vec::new(),
        })
        .next();
    let Some(alternative) = named else {
        panic!("the fixture's first vote has ranked ballots")
    };
    let before = s.clone();
    for mode in [DeleteMode::Refuse, DeleteMode::RemoveReferences] {
        let error = s
            .apply(Command::Delete {
                target: ItemRef::Alternative(alternative),
                mode,
            })
            .unwrap_err();
        assert!(
            matches!(
                error,
                CommandError::Referenced {
                    by_ballots: true,
                    ..
                }
            ),
            "{error:?}"
        );
    }
    assert_eq!(s, before);
}

#[test]
fn deleting_with_remove_references_cleans_every_reference_and_undo_restores_all() {
    let mut s = small_session();
    // A participant who owns actions and proposed alternatives but never voted.
    let person = s.participants[3].id;
    s.actions[1].owners.push(person);
    s.alternatives[0].proposer = Some(Proposer::Participant(person));
    let before = s.clone();
    let applied = s
        .apply(Command::Delete {
            target: ItemRef::Participant(person),
            mode: DeleteMode::RemoveReferences,
        })
        .unwrap();
    let Outcome::Deleted { removed_references } = &applied.outcome else {
        panic!()
    };
    assert!(removed_references.contains(&"alternatives[0].proposer".to_owned()));
    assert!(removed_references.contains(&"actions[1].owners".to_owned()));
    assert!(s.participant(person).is_none());
    assert!(s.actions.iter().all(|a| !a.owners.contains(&person)));
    assert_eq!(s.alternatives[0].proposer, None);
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s.apply(applied.inverse).unwrap();
    assert_eq!(
        s, before,
        "undo restores the participant and every reference, in place"
    );
}

#[test]
fn deleting_a_voter_is_refused_even_when_asked_to_remove_references() {
    let mut s = small_session();
    let voter = s.votes[0].rounds[0].voters[0];
    let error = s
        .apply(Command::Delete {
            target: ItemRef::Participant(voter),
            mode: DeleteMode::RemoveReferences,
        })
        .unwrap_err();
    assert!(error.to_string().contains("votes[0].rounds[0]"), "{error}");
}

#[test]
fn deleting_a_goal_moves_its_sub_goals_up_and_unlinks_it() {
    let mut s = small_session();
    let parent = s.goals[0].id;
    let child = s.goals[5].id;
    assert_eq!(s.goal(child).unwrap().parent, Some(parent));
    s.apply(Command::Delete {
        target: ItemRef::Goal(parent),
        mode: DeleteMode::RemoveReferences,
    })
    .unwrap();
    assert_eq!(
        s.goal(child).unwrap().parent,
        None,
        "the sub-goal takes its grandparent"
    );
    assert!(s.alternatives.iter().all(|a| !a.goals.contains(&parent)));
    assert!(s.findings.iter().all(|f| f.goal != Some(parent)));
    assert!(s.validate().is_empty());
}

#[test]
fn deleting_an_alternative_takes_its_positions_along() {
    let mut s = small_session();
    let alternative = s.alternatives[4].id; // not on the vote's ballots? the vote covers 0..5
    let target = ItemRef::Alternative(alternative);
    let on_vote = s.votes[0].alternatives.contains(&alternative);
    let result = s.apply(Command::Delete {
        target,
        mode: DeleteMode::RemoveReferences,
    });
    if on_vote {
        // It has ballots naming it: refused whatever the mode.
        assert!(matches!(result, Err(CommandError::Referenced { .. })));
        return;
    }
    result.unwrap();
    assert!(s.positions.iter().all(|p| p.alternative != alternative));
}

#[test]
fn unused_alternative_is_deleted_with_positions_and_restored_by_undo() {
    let mut s = small_session();
    let id = add(
        &mut s,
        Item::Alternative(Alternative {
            title: "Выездные мастер-классы".into(),
            ..Alternative::default()
        }),
    );
    let ItemRef::Alternative(alternative) = id else {
        panic!()
    };
    let group = s.stakeholder_groups[0].id;
    add(
        &mut s,
        Item::Position(Position {
            group,
            alternative,
            stance: Stance::For,
            ..Position::default()
        }),
    );
    let before = s.clone();
    let applied = s
        .apply(Command::Delete {
            target: id,
            mode: DeleteMode::RemoveReferences,
        })
        .unwrap();
    assert!(s.positions.iter().all(|p| p.alternative != alternative));
    s.apply(applied.inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn move_reorders_and_its_inverse_restores() {
    let mut s = small_session();
    let before = s.clone();
    let applied = s
        .apply(Command::Move {
            kind: ItemKind::Goal,
            from: 0,
            to: 3,
        })
        .unwrap();
    assert_eq!(s.goals[3], before.goals[0]);
    s.apply(applied.inverse).unwrap();
    assert_eq!(s, before);
    let error = s
        .apply(Command::Move {
            kind: ItemKind::Goal,
            from: 0,
            to: 99,
        })
        .unwrap_err();
    assert_eq!(error, CommandError::OutOfRange { index: 99, len: 6 });
}

#[test]
fn batch_is_all_or_nothing() {
    let mut s = small_session();
    let before = s.clone();
    let good = Command::Add(Item::Goal(Goal {
        title: "Хорошая".into(),
        ..Goal::default()
    }));
    let bad = Command::Add(Item::Goal(Goal {
        title: String::new(),
        ..Goal::default()
    }));
    assert!(s.apply(Command::Batch(vec![good, bad])).is_err());
    assert_eq!(s.goals, before.goals, "the good half was rolled back");
}

#[test]
fn history_undo_and_redo_every_kind_of_edit() {
    let mut s = small_session();
    let mut history = History::default();
    let original = s.clone();
    let t = Instant::now();
    let new_person = Participant {
        name: "Новый участник".into(),
        ..Participant::default()
    };
    history
        .apply(&mut s, Command::Add(Item::Participant(new_person)), t)
        .unwrap();
    let mut meta = s.meta.clone();
    meta.venue = "Другой зал".into();
    history.apply(&mut s, Command::SetMeta(meta), t).unwrap();
    history
        .apply(
            &mut s,
            Command::Move {
                kind: ItemKind::Alternative,
                from: 0,
                to: 2,
            },
            t,
        )
        .unwrap();
    let target = ItemRef::Goal(s.goals[5].id);
    let mode = DeleteMode::RemoveReferences;
    history
        .apply(&mut s, Command::Delete { target, mode }, t)
        .unwrap();
    let edited = s.clone();
    assert!(history.is_dirty());
    while history.undo(&mut s).unwrap() {}
    // Everything is back except the id counter: ids are never handed out twice.
    assert!(s.next_id > original.next_id);
    s.next_id = original.next_id;
    assert!(s == original, "undo restores the session");
    assert!(!history.is_dirty(), "back at the saved state");
    while history.redo(&mut s).unwrap() {}
    s.next_id = edited.next_id;
    assert!(s == edited, "redo restores the edits");
}

#[test]
fn typing_coalesces_into_one_undo_step() {
    let mut s = small_session();
    let mut history = History::default();
    let original_title = s.goals[0].title.clone();
    let start = Instant::now();
    for (i, text) in ["Н", "Но", "Нов", "Нова", "Новая"].iter().enumerate() {
        let mut goal = s.goals[0].clone();
        goal.title = (*text).into();
        let at = start + Duration::from_millis(300 * i as u64);
        history
            .apply(&mut s, Command::Update(Item::Goal(goal)), at)
            .unwrap();
    }
    assert_eq!(history.undo_len(), 1, "five keystrokes, one step");
    // After a pause, typing starts a new step.
    let mut goal = s.goals[0].clone();
    goal.title = "Новая цель".into();
    history
        .apply(
            &mut s,
            Command::Update(Item::Goal(goal)),
            start + Duration::from_secs(10),
        )
        .unwrap();
    assert_eq!(history.undo_len(), 2);
    history.undo(&mut s).unwrap();
    assert_eq!(s.goals[0].title, "Новая");
    history.undo(&mut s).unwrap();
    assert_eq!(s.goals[0].title, original_title);
}

#[test]
fn sealing_or_another_field_starts_a_new_step() {
    let mut s = small_session();
    let mut history = History::default();
    let t = Instant::now();
    let mut goal = s.goals[0].clone();
    goal.title = "А".into();
    history
        .apply(&mut s, Command::Update(Item::Goal(goal.clone())), t)
        .unwrap();
    history.seal();
    goal.title = "АБ".into();
    history
        .apply(&mut s, Command::Update(Item::Goal(goal)), t)
        .unwrap();
    let mut other = s.goals[1].clone();
    other.title = "В".into();
    history
        .apply(&mut s, Command::Update(Item::Goal(other)), t)
        .unwrap();
    assert_eq!(history.undo_len(), 3);
}

#[test]
fn saved_state_tracks_undo_and_is_lost_when_history_branches() {
    let mut s = small_session();
    let mut history = History::default();
    let t = Instant::now();
    let goal = |title: &str| {
        Command::Add(Item::Goal(Goal {
            title: title.into(),
            ..Goal::default()
        }))
    };
    history.apply(&mut s, goal("Первая"), t).unwrap();
    history.mark_saved();
    assert!(!history.is_dirty());
    history.apply(&mut s, goal("Вторая"), t).unwrap();
    assert!(history.is_dirty());
    history.undo(&mut s).unwrap();
    assert!(!history.is_dirty());
    history.undo(&mut s).unwrap();
    assert!(history.is_dirty());
    history.redo(&mut s).unwrap();
    assert!(!history.is_dirty());
    history.undo(&mut s).unwrap();
    history.apply(&mut s, goal("Другая ветка"), t).unwrap();
    assert!(
        history.is_dirty(),
        "the saved state can no longer be reached"
    );
}

#[test]
fn history_limit_keeps_the_newest_steps_and_stays_honest_about_dirtiness() {
    let mut s = small_session();
    let mut history = History::new(3);
    let t = Instant::now();
    for i in 0..5 {
        let goal = Goal {
            title: format!("Цель {i}"),
            ..Goal::default()
        };
        history
            .apply(&mut s, Command::Add(Item::Goal(goal)), t)
            .unwrap();
    }
    assert_eq!(history.undo_len(), 3);
    while history.undo(&mut s).unwrap() {}
    assert_eq!(
        s.goals.len(),
        6 + 2,
        "the two oldest adds could not be undone"
    );
    assert!(
        history.is_dirty(),
        "the saved (empty-history) state is beyond the limit"
    );
}
