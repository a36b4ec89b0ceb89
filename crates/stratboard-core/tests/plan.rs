//! The plan (format 5): validation messages, deletes that take references along (and undo),
//! carry-over of indicators and progress to the next session, and the execution review's
//! status updates with their undo.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::NaiveDate;
use stratboard_core::commands::{Command, CommandError, DeleteMode, Item, ItemRef};
use stratboard_core::document::Document;
use stratboard_core::model::{
    ActionId, ActionItem, ActionStatus, Decision, DecisionId, Goal, GoalId, GroupId, Indicator,
    IndicatorId, Participant, ParticipantId, ProblemKind, ProgressReport, ReviewMark, ReviewWords,
    Risk, Session, StakeholderGroup, Value, YearValue,
};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, m, d).unwrap()
}

const GOAL: GoalId = GoalId(1);
const TOS: IndicatorId = IndicatorId(2);
const OWNER: ParticipantId = ParticipantId(3);
const GROUP: GroupId = GroupId(4);
const DECISION: DecisionId = DecisionId(5);
const ACTION: ActionId = ActionId(6);

/// A goal with the number of TOS as its indicator, a decision with a risk, and an action item
/// serving the indicator, started and half done.
fn session() -> Session {
    let mut s = Session::new("ТОС");
    s.meta.start = Some(day(1, 10));
    s.participants.push(Participant {
        id: OWNER,
        name: "Иванов".into(),
        ..Participant::default()
    });
    s.stakeholder_groups.push(StakeholderGroup {
        id: GROUP,
        name: "ТОС".into(),
        ..StakeholderGroup::default()
    });
    s.goals.push(Goal {
        id: GOAL,
        title: "Развитие ТОС".into(),
        indicators: vec![Indicator {
            id: TOS,
            name: "Число ТОС в области".into(),
            unit: "ед.".into(),
            baseline: Some(YearValue {
                year: 2017,
                value: Value(420.0),
            }),
            targets: vec![YearValue {
                year: 2018,
                value: Value(480.0),
            }],
            responsible: Some(OWNER),
            ..Indicator::default()
        }],
        ..Goal::default()
    });
    s.decisions.push(Decision {
        id: DECISION,
        statement: "Поддержать ТОС".into(),
        risks: vec![Risk {
            description: "Нет средств".into(),
            probability: 4,
            impact: 5,
            owner: Some(OWNER),
            ..Risk::default()
        }],
        ..Decision::default()
    });
    s.actions.push(ActionItem {
        id: ACTION,
        what: "Провести конкурс".into(),
        owners: vec![OWNER],
        co_groups: vec![GROUP],
        start: Some(day(2, 1)),
        due: Some(day(5, 1)),
        decision: Some(DECISION),
        indicators: vec![TOS],
        progress: 50,
        reports: vec![ProgressReport {
            date: day(3, 1),
            text: "Объявлен".into(),
            progress: 50,
        }],
        status: ActionStatus::InProgress,
        ..ActionItem::default()
    });
    s.repair_next_id();
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn refused_with(session: &mut Session, command: Command) -> ProblemKind {
    let before = session.clone();
    match session.apply(command) {
        Err(CommandError::Invalid(problem)) => {
            assert_eq!(*session, before);
            problem.kind
        }
        other => panic!("not refused as invalid: {other:?}"),
    }
}

fn action(s: &Session) -> &ActionItem {
    s.actions.iter().find(|a| a.id == ACTION).unwrap()
}

#[test]
fn bad_dates_progress_risks_and_references_are_refused_with_their_reason() {
    let mut s = session();
    let mut late_start = action(&s).clone();
    late_start.start = Some(day(6, 1));
    assert_eq!(
        refused_with(&mut s, Command::Update(Item::Action(late_start))),
        ProblemKind::StartAfterDue {
            start: day(6, 1),
            due: day(5, 1)
        }
    );
    let mut over = action(&s).clone();
    over.progress = 101;
    assert!(matches!(
        refused_with(&mut s, Command::Update(Item::Action(over))),
        ProblemKind::OutOfRange { value: 101, .. }
    ));
    let mut nowhere = action(&s).clone();
    nowhere.indicators.push(IndicatorId(999));
    assert_eq!(
        refused_with(&mut s, Command::Update(Item::Action(nowhere))),
        ProblemKind::Dangling {
            expected: "indicator",
            id: 999
        }
    );
    let mut decision = s.decisions[0].clone();
    decision.risks[0].impact = 6;
    assert!(matches!(
        refused_with(&mut s, Command::Update(Item::Decision(decision))),
        ProblemKind::OutOfRange { value: 6, .. }
    ));
    let mut goal = s.goals[0].clone();
    goal.indicators[0].targets.push(YearValue {
        year: 2018,
        value: Value(500.0),
    });
    assert!(matches!(
        refused_with(&mut s, Command::Update(Item::Goal(goal))),
        ProblemKind::Repeated { what: "year", .. }
    ));
    let mut goal = s.goals[0].clone();
    goal.indicators[0].name = " ".into();
    assert_eq!(
        refused_with(&mut s, Command::Update(Item::Goal(goal))),
        ProblemKind::EmptyText
    );
}

#[test]
fn deleting_a_goal_participant_or_group_takes_the_references_and_undo_restores_them() {
    for target in [
        ItemRef::Goal(GOAL),
        ItemRef::Participant(OWNER),
        ItemRef::Group(GROUP),
    ] {
        let mut s = session();
        let before = s.clone();
        let done = s
            .apply(Command::Delete {
                target,
                mode: DeleteMode::RemoveReferences,
            })
            .unwrap();
        assert!(s.validate().is_empty(), "{target:?}: {:?}", s.validate());
        match target {
            ItemRef::Goal(_) => assert!(action(&s).indicators.is_empty()),
            ItemRef::Participant(_) => {
                assert_eq!(s.decisions[0].risks[0].owner, None);
                assert_eq!(s.goals[0].indicators[0].responsible, None);
            }
            _ => assert!(action(&s).co_groups.is_empty()),
        }
        s.apply(done.inverse).unwrap();
        assert_eq!(s, before, "{target:?}");
    }
}

#[test]
fn the_next_session_carries_indicators_with_their_history_and_progress() {
    let mut s = session();
    s.goals[0].indicators[0].actuals.push(YearValue {
        year: 2018,
        value: Value(455.0),
    });
    let next = Session::continue_from(&s, "Контроль".into(), Some(day(6, 1)));
    let (_, indicator) = next.indicator(TOS).unwrap();
    assert_eq!(indicator.actuals.len(), 1);
    assert_eq!(indicator.targets.len(), 1);
    let carried = action(&next);
    assert_eq!(carried.progress, 50);
    assert_eq!(carried.reports.len(), 1);
    assert_eq!(carried.indicators, vec![TOS]);
    assert!(carried.carried_over.is_some());
    assert!(next.validate().is_empty(), "{:?}", next.validate());
}

#[test]
fn review_marks_update_the_item_and_undo_puts_it_back() {
    let words = ReviewWords {
        done: "Выполнено".into(),
        in_progress: "В работе".into(),
        new_due: "Новый срок:".into(),
        cancelled: "Отменено".into(),
    };
    let mut doc = Document::untitled(session());
    let marks = [
        ReviewMark::Overdue { due: day(9, 1) },
        ReviewMark::Done,
        ReviewMark::Cancelled {
            reason: "нет средств".into(),
        },
    ];
    let mut states = vec![action(doc.session()).clone()];
    for mark in &marks {
        let item = action(doc.session()).reviewed(mark, day(6, 1), &words);
        doc.apply(Command::Update(Item::Action(item)), Instant::now())
            .unwrap();
        doc.seal();
        states.push(action(doc.session()).clone());
    }
    assert_eq!(states[1].due, Some(day(9, 1)));
    assert_eq!(states[1].status, ActionStatus::InProgress);
    assert_eq!(states[2].status, ActionStatus::Done);
    assert_eq!(states[2].progress_shown(), 100);
    assert_eq!(states[3].status, ActionStatus::Cancelled);
    assert_eq!(
        states[3].last_report().unwrap().text,
        "Отменено: нет средств"
    );
    assert_eq!(states[3].reports.len(), 4);
    for expected in states.iter().rev().skip(1) {
        assert!(doc.undo().unwrap());
        assert_eq!(action(doc.session()), expected);
    }
}
