//! Stories of the presentation view, drawn directly (no app around it): hidden ideas stay a
//! count, hidden vote results stay hidden until the vote closes, a blank screen shows nothing,
//! the timer shows over time, a spotlight shows one thing alone, an open vote names who has
//! not voted and shows the room's QR code, and the Russian labels.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use egui_kittest::{Harness, kittest::Queryable};
use stratboard::ui::present::{self, View};
use stratboard::ui::projector::{TimerDisplay, Urgency};
use stratboard::ui::theme::{Theme, ThemeKind};
use stratboard::ui::{Board, Spotlight};
use stratboard_core::i18n::{Language, Tr};
use stratboard_core::inbox::Inbox;
use stratboard_core::model::{
    ActionItem, AgendaItem, AgendaItemId, AgendaKind, Alternative, AlternativeId, Ballot,
    BoardSection, Choice, Decision, DecisionId, Goal, GoalId, GroupId, Participant, ParticipantId,
    Position, PositionId, ResultsVisibility, Session, StakeholderGroup, Stance, Vote, VoteId,
    VoteMethod, VoteRound, VoteStatus,
};

const LIBRARY: AlternativeId = AlternativeId(20);
const PARK: AlternativeId = AlternativeId(21);
const SECRET: AlternativeId = AlternativeId(22);
const OTHER_SECRET: AlternativeId = AlternativeId(23);
const VOTE: VoteId = VoteId(30);
const ITEM: AgendaItemId = AgendaItemId(40);
const GOAL: GoalId = GoalId(50);
const DECISION: DecisionId = DecisionId(60);

/// What the harness draws: a session and the view of it.
struct Stage {
    session: Session,
    view: View,
    /// The room's address while it is open.
    room: Option<String>,
    tr: Tr,
    theme: Theme,
}

/// A small session: three participants, one group, two revealed and two hidden
/// alternatives, an agenda item, a goal, a decision with an action item, and `vote`.
fn session_with(vote: Vote) -> Session {
    let mut s = Session::new("Strategy day");
    s.meta.organisation = "Riverside TOS".into();
    s.meta.start = NaiveDate::from_ymd_opt(2026, 11, 23);
    for (id, name) in [(1, "Anna Petrova"), (2, "Boris Ivanov"), (3, "Vera Orlova")] {
        s.participants.push(Participant {
            id: ParticipantId(id),
            name: name.into(),
            ..Participant::default()
        });
    }
    s.stakeholder_groups.push(StakeholderGroup {
        id: GroupId(5),
        name: "Residents".into(),
        influence: 4,
        interest: 5,
        ..StakeholderGroup::default()
    });
    s.goals.push(Goal {
        id: GOAL,
        title: "A lively neighbourhood".into(),
        ..Goal::default()
    });
    for (id, title, hidden) in [
        (LIBRARY, "Repair the library", false),
        (PARK, "Plant a park", false),
        (SECRET, "Secret idea", true),
        (OTHER_SECRET, "Another secret", true),
    ] {
        s.alternatives.push(Alternative {
            id,
            title: title.into(),
            goals: vec![GOAL],
            hidden,
            ..Alternative::default()
        });
    }
    for (n, alternative) in [LIBRARY, SECRET].into_iter().enumerate() {
        s.positions.push(Position {
            id: PositionId(70 + n as u32),
            group: GroupId(5),
            alternative,
            stance: Stance::For,
            ..Position::default()
        });
    }
    s.agenda.push(AgendaItem {
        id: ITEM,
        title: "Choosing the first project".into(),
        kind: AgendaKind::Vote,
        planned_minutes: 20,
        ..AgendaItem::default()
    });
    s.decisions.push(Decision {
        id: DECISION,
        statement: "Repair the library first".into(),
        alternatives: vec![LIBRARY],
        ..Decision::default()
    });
    s.actions.push(ActionItem {
        id: stratboard_core::model::ActionId(61),
        what: "Ask the council for funds".into(),
        owners: vec![ParticipantId(1)],
        due: NaiveDate::from_ymd_opt(2026, 12, 15),
        decision: Some(DECISION),
        ..ActionItem::default()
    });
    s.votes.push(vote);
    s.repair_next_id();
    s
}

/// A plurality vote with two ballots for the library, results after closing.
fn plurality(status: VoteStatus) -> Vote {
    let ballot = |voter| Ballot {
        voter: Some(ParticipantId(voter)),
        count: 1,
        choice: Choice::Ranking(vec![vec![LIBRARY]]),
    };
    Vote {
        id: VOTE,
        question: "What do we do first?".into(),
        alternatives: vec![LIBRARY, PARK],
        method: VoteMethod::Plurality,
        visibility: ResultsVisibility::AfterClose,
        status,
        rounds: vec![VoteRound {
            ballots: vec![ballot(1), ballot(2)],
            voters: vec![ParticipantId(1), ParticipantId(2)],
            ..VoteRound::default()
        }],
        ..Vote::default()
    }
}

fn harness(session: Session, language: Language, view: View) -> Harness<'static, Stage> {
    harness_sized(session, language, view, egui::vec2(1920.0, 1080.0))
}

fn harness_sized(
    session: Session,
    language: Language,
    view: View,
    size: egui::Vec2,
) -> Harness<'static, Stage> {
    let stage = Stage {
        session,
        view,
        room: None,
        tr: Tr::new(language),
        theme: Theme::new(ThemeKind::Light),
    };
    common::panel(size, stage, |ui, stage: &mut Stage| {
        let inbox = Inbox::default();
        let sender = inbox.sender();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let board = Board::new(&stage.session, 1, &stage.tr, &stage.theme, today, &sender);
        present::show(ui, &board, &stage.view, stage.room.as_deref());
        assert!(inbox.take().is_empty(), "the presentation changes nothing");
    })
}

fn section(section: BoardSection) -> View {
    View {
        section,
        ..View::default()
    }
}

#[test]
fn hidden_alternatives_are_only_a_count() {
    let h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        section(BoardSection::Alternatives),
    );
    h.get_by_label("Repair the library");
    h.get_by_label("Plant a park");
    assert!(h.query_by_label("Secret idea").is_none());
    assert!(h.query_by_label("Another secret").is_none());
    assert!(h.query_by_label_contains("secret").is_none());
    h.get_by_label("2 ideas not revealed yet");
}

#[test]
fn hidden_alternatives_have_no_column_in_positions() {
    let h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        section(BoardSection::Positions),
    );
    h.get_by_label("Residents");
    h.get_by_label("Repair the library");
    assert!(h.query_by_label_contains("secret").is_none());
    h.get_by_label("2 ideas not revealed yet");
}

#[test]
fn results_hidden_while_open_and_shown_when_closed() {
    let mut h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        section(BoardSection::Votes),
    );
    h.get_by_label("What do we do first?");
    h.get_by_label("2 of 3 have voted");
    h.get_by_label("• Repair the library");
    assert!(h.query_by_label_contains("Winner").is_none());
    assert!(h.query_by_label_contains("Results chart").is_none());
    h.get_by_label("Results will be shown when the vote is closed");

    h.state_mut().session.votes[0].status = VoteStatus::Closed;
    h.run();
    h.get_by_label("Winner: Repair the library");
    h.get_by_label_contains("Results chart");
    h.get_by_label("2 of 3 have voted");
}

#[test]
fn an_open_vote_names_who_has_not_voted_and_shows_the_rooms_code() {
    let mut h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        section(BoardSection::Votes),
    );
    h.get_by_label("Not voted yet: Vera Orlova");
    assert!(h.query_by_label_contains("Vote from your phone").is_none());

    let url = "http://192.168.1.23:8080/";
    h.state_mut().room = Some(url.into());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Image, url);
    h.get_by_label("Vote from your phone: 192.168.1.23:8080");

    // A secret vote names nobody; a closed one asks no phone.
    h.state_mut().session.votes[0].anonymity = stratboard_core::model::Anonymity::Secret;
    h.run();
    assert!(h.query_by_label_contains("Not voted yet").is_none());
    h.state_mut().session.votes[0].status = VoteStatus::Closed;
    h.run();
    assert!(h.query_by_label_contains("Vote from your phone").is_none());
}

#[test]
fn live_results_show_while_open() {
    let mut vote = plurality(VoteStatus::Open);
    vote.visibility = ResultsVisibility::Live;
    let h = harness(
        session_with(vote),
        Language::English,
        View {
            spotlight: Some(Spotlight::Vote(VOTE)),
            ..View::default()
        },
    );
    h.get_by_label("Winner: Repair the library");
    h.get_by_label_contains("Results chart");
}

#[test]
fn blank_shows_nothing() {
    let h = harness(
        session_with(plurality(VoteStatus::Closed)),
        Language::English,
        View {
            item: Some(ITEM),
            section: BoardSection::Votes,
            blank: true,
            timer: Some(TimerDisplay {
                remaining_secs: 300,
                ..TimerDisplay::default()
            }),
            ..View::default()
        },
    );
    for label in [
        "Strategy day",
        "1. Choosing the first project",
        "05:00",
        "What do we do first?",
        "Winner: Repair the library",
    ] {
        assert!(h.query_by_label(label).is_none(), "{label} is shown");
    }
    assert!(h.query_by_label_contains("Results chart").is_none());
}

#[test]
fn timer_shows_over_time_and_pause() {
    let h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        View {
            item: Some(ITEM),
            section: BoardSection::Goals,
            timer: Some(TimerDisplay {
                remaining_secs: -90,
                urgency: Urgency::Red,
                paused: true,
                session_elapsed_secs: 3725,
            }),
            ..View::default()
        },
    );
    h.get_by_label("1. Choosing the first project");
    h.get_by_label("Vote · 20 min");
    h.get_by_label("+01:30");
    h.get_by_label("Paused");
    h.get_by_label("Session 1:02");
}

#[test]
fn session_section_without_item_shows_the_session() {
    let h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        section(BoardSection::Session),
    );
    h.get_by_label("Strategy day");
    h.get_by_label("Riverside TOS");
    h.get_by_label("23 November 2026");
    h.get_by_label("Agenda");
    h.get_by_label("1. Choosing the first project");
}

#[test]
fn spotlight_shows_one_alternative_and_never_a_hidden_one() {
    let mut h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        View {
            section: BoardSection::Alternatives,
            spotlight: Some(Spotlight::Alternative(PARK)),
            ..View::default()
        },
    );
    h.get_by_label("Plant a park");
    assert!(h.query_by_label("Repair the library").is_none());

    h.state_mut().view.spotlight = Some(Spotlight::Alternative(SECRET));
    h.run();
    h.get_by_label("Idea not revealed yet");
    assert!(h.query_by_label_contains("secret").is_none());
}

#[test]
fn spotlight_of_goal_and_decision() {
    let mut h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::English,
        View {
            spotlight: Some(Spotlight::Goal(GOAL)),
            ..View::default()
        },
    );
    h.get_by_label("A lively neighbourhood");

    h.state_mut().view.spotlight = Some(Spotlight::Decision(DECISION));
    h.run();
    h.get_by_label("Repair the library first");
    h.get_by_label("→ Ask the council for funds");
    h.get_by_label("Anna Petrova · due 15 December 2026");
}

#[test]
fn every_section_draws_in_high_contrast_on_a_laptop() {
    let mut h = harness_sized(
        session_with(plurality(VoteStatus::Closed)),
        Language::English,
        View {
            item: Some(ITEM),
            high_contrast: true,
            timer: Some(TimerDisplay {
                remaining_secs: 100,
                urgency: Urgency::Amber,
                ..TimerDisplay::default()
            }),
            ..View::default()
        },
        egui::vec2(1280.0, 720.0),
    );
    for s in BoardSection::ALL {
        h.state_mut().view.section = s;
        h.run();
        h.get_by_label("01:40");
        assert!(h.query_by_label_contains("secret").is_none());
    }
}

#[test]
fn russian_labels_and_plurals() {
    let mut h = harness(
        session_with(plurality(VoteStatus::Open)),
        Language::Russian,
        section(BoardSection::Alternatives),
    );
    h.get_by_label("2 идеи пока не раскрыты");
    assert_eq!(
        h.query_all_by_label("Цели: A lively neighbourhood").count(),
        2
    );

    for (n, id) in (100..103).enumerate() {
        h.state_mut().session.alternatives.push(Alternative {
            id: AlternativeId(id),
            title: format!("Hidden {n}"),
            hidden: true,
            ..Alternative::default()
        });
    }
    h.run();
    h.get_by_label("5 идей пока не раскрыто");

    h.state_mut().view.section = BoardSection::Votes;
    h.run();
    h.get_by_label("Проголосовали 2 из 3");
    h.get_by_label("Итоги будут показаны после закрытия голосования");

    h.state_mut().view = View {
        item: Some(ITEM),
        timer: Some(TimerDisplay {
            remaining_secs: 30,
            paused: true,
            ..TimerDisplay::default()
        }),
        ..View::default()
    };
    h.run();
    h.get_by_label("Пауза");
    // In the header and in the agenda below it.
    assert_eq!(h.query_all_by_label("Голосование · 20 мин").count(), 2);
    h.get_by_label("Повестка");
}

/// A goal in the spotlight lists its target indicators with how each stands: the follow-up
/// sample's number of TOS is within 10 % of the year's target, the conferences behind.
#[test]
fn a_goal_in_the_spotlight_shows_how_its_indicators_stand() {
    let session =
        stratboard_core::storage::load(std::path::Path::new("sessions/tos-support-2018-q2.ron"))
            .unwrap()
            .session;
    let goal = session
        .goals
        .iter()
        .find(|g| !g.indicators.is_empty())
        .unwrap()
        .id;
    let h = harness(
        session,
        Language::Russian,
        View {
            section: BoardSection::Goals,
            spotlight: Some(Spotlight::Goal(goal)),
            ..View::default()
        },
    );
    h.get_by_label("Целевые показатели");
    h.get_by_label("2018: 119 ед. при цели 125 — в пределах 10 %");
    h.get_by_label("2018: 3 ед. при цели 6 — отстаёт");
}

/// A decision in the spotlight puts its risks on the heat map, big, with the register.
#[test]
fn a_decision_in_the_spotlight_shows_its_risks_on_the_heat_map() {
    let session = stratboard_core::storage::load(std::path::Path::new("sessions/tos-support.ron"))
        .unwrap()
        .session;
    let decision = session
        .decisions
        .iter()
        .find(|d| d.risks.len() == 2)
        .unwrap()
        .id;
    let h = harness(
        session,
        Language::Russian,
        View {
            section: BoardSection::Decisions,
            spotlight: Some(Spotlight::Decision(decision)),
            ..View::default()
        },
    );
    h.get_by_label("Риски (2)");
    h.get_by_label(
        "Риск 1: Муниципальные образования не откликнутся на приглашение (вероятность 3, влияние 4)",
    );
    h.get_by_label_contains("Активисты ТОС не смогут выезжать в рабочие дни — 9");
}
