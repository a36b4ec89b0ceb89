//! Stories of the Votes section, driven through the whole window by role and label: a consent
//! vote counted by show of hands, paper ballots imported from CSV (a bad file refused whole, a
//! good one counted), results hidden until the vote is closed, a new round that keeps the first
//! one, a tie broken by lot, the voting booth entered and left, and the Russian labels.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Alternative, AlternativeId, Ballot, BoardSection, Choice, ConsentChoice, GroupId, HandOption,
    Participant, ParticipantId, ResultsVisibility, Session, StakeholderGroup, Vote, VoteId,
    VoteMethod, VoteRound, VoteStatus,
};

const YOUTH: AlternativeId = AlternativeId(3);
const LIBRARY: AlternativeId = AlternativeId(4);
const PARK: AlternativeId = AlternativeId(5);
const VOTE: VoteId = VoteId(10);

/// Three participants, three alternatives and one vote (`vote`).
fn session_with(vote: Vote) -> Session {
    let mut s = Session::new("Strategy day");
    for (id, name) in [(1, "Anna Petrova"), (2, "Boris Ivanov"), (6, "Vera Orlova")] {
        s.participants.push(Participant {
            id: ParticipantId(id),
            name: name.into(),
            ..Participant::default()
        });
    }
    for (id, title) in [
        (YOUTH, "Open a youth centre"),
        (LIBRARY, "Repair the library"),
        (PARK, "Plant a park"),
    ] {
        s.alternatives.push(Alternative {
            id,
            title: title.into(),
            ..Alternative::default()
        });
    }
    s.votes.push(vote);
    s.repair_next_id();
    s
}

fn consent_draft() -> Vote {
    Vote {
        id: VOTE,
        question: "Do we open the youth centre?".into(),
        alternatives: vec![YOUTH],
        method: VoteMethod::Consent { allow_block: false },
        status: VoteStatus::Draft,
        ..Vote::default()
    }
}

fn plurality(status: VoteStatus, ballots: Vec<Ballot>) -> Vote {
    Vote {
        id: VOTE,
        question: "What do we do first?".into(),
        alternatives: vec![YOUTH, LIBRARY, PARK],
        method: VoteMethod::Plurality,
        visibility: ResultsVisibility::AfterClose,
        status,
        rounds: vec![VoteRound {
            ballots,
            ..VoteRound::default()
        }],
        ..Vote::default()
    }
}

fn first(id: AlternativeId, count: u32) -> Ballot {
    Ballot {
        voter: None,
        count,
        choice: Choice::Ranking(vec![vec![id]]),
    }
}

fn harness(session: Session, language: Language) -> Harness<'static, StratboardApp> {
    common::board(
        session,
        language,
        BoardSection::Votes,
        egui::vec2(1600.0, 1400.0),
    )
}

fn vote(harness: &Harness<'_, StratboardApp>) -> Vote {
    harness.state().session().votes[0].clone()
}

fn click(harness: &mut Harness<'_, StratboardApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// Clicks the text field labelled `label` and types `text` into it.
fn type_into(harness: &mut Harness<'_, StratboardApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// A timer on an open vote: started from the card, lengthened, stopped; a deadline that has
/// passed closes the vote by itself (with a notice), once — undoing the close leaves it open.
#[test]
fn a_timed_vote_counts_down_and_closes_by_itself() {
    let mut harness = harness(
        session_with(plurality(VoteStatus::Open, Vec::new())),
        Language::English,
    );
    let deadline = |harness: &Harness<'_, StratboardApp>| vote(harness).rounds[0].deadline;
    assert_eq!(deadline(&harness), None);
    let before = chrono::Utc::now();
    click(&mut harness, "2 min");
    let set = deadline(&harness).expect("the timer runs");
    let from_now = (set - before).num_seconds();
    assert!((119..=121).contains(&from_now), "{from_now} s");
    assert!(harness.query_by_label_contains(" left").is_some());
    click(&mut harness, "+1 min");
    assert_eq!(deadline(&harness), Some(set + chrono::Duration::minutes(1)));
    click(&mut harness, "Stop timer");
    assert_eq!(deadline(&harness), None);

    // Time is up (a deadline a second ago): the vote closes by itself, sealed at the deadline.
    let past = chrono::Utc::now() - chrono::Duration::seconds(1);
    harness
        .state_mut()
        .apply(stratboard_core::commands::Command::Vote {
            vote: VOTE,
            op: stratboard_core::commands::VoteOp::SetDeadline {
                deadline: Some(past),
            },
        });
    harness.run();
    let closed = vote(&harness);
    assert_eq!(closed.status, VoteStatus::Closed);
    // The seal keeps whole seconds.
    let sealed = closed.rounds[0].seal.as_ref().unwrap().closed_at;
    assert_eq!(sealed.timestamp(), past.timestamp());
    assert!(
        harness
            .query_by_label_contains("Time is up: the vote")
            .is_some()
    );
    // The facilitator undoes the close: the vote stays open; the same deadline does not close
    // it again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
    assert_eq!(vote(&harness).status, VoteStatus::Open);
}

/// A secret ballot held back for its batch is in no count yet: the card says how many wait,
/// and closing the vote seals them (the note goes, the ballot is counted).
#[test]
fn secret_ballots_waiting_for_their_batch_are_shown_on_the_card() {
    let mut secret = plurality(VoteStatus::Open, Vec::new());
    secret.anonymity = stratboard_core::model::Anonymity::Secret;
    let mut harness = harness(session_with(secret), Language::English);
    harness
        .state()
        .command_sender()
        .send(stratboard_core::commands::Command::Vote {
            vote: VOTE,
            op: stratboard_core::commands::VoteOp::Cast {
                round: 1,
                voter: ParticipantId(1),
                holder: None,
                choice: Choice::Ranking(vec![vec![PARK]]),
                seed: 7,
            },
        })
        .unwrap();
    harness.run();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("1 secret ballot waits for its batch")
            .is_some()
    );
    assert!(
        vote(&harness).rounds[0].ballots.is_empty(),
        "not in the session yet"
    );
    click(&mut harness, "Close vote");
    harness.run();
    assert_eq!(vote(&harness).rounds[0].ballots.len(), 1);
    assert!(
        harness
            .query_by_label_contains("waits for its batch")
            .is_none()
    );
}

#[test]
fn a_consent_vote_counted_by_show_of_hands() {
    let mut harness = harness(session_with(consent_draft()), Language::English);
    click(&mut harness, "Open vote");
    let v = vote(&harness);
    assert_eq!(v.status, VoteStatus::Open);
    assert_eq!(v.rounds.len(), 1, "opening creates round 1");
    assert!(
        harness
            .query_by_label("0 of 3 participants have voted")
            .is_some()
    );

    type_into(&mut harness, "For", "9");
    type_into(&mut harness, "Against", "3");
    type_into(&mut harness, "Abstain", "2");
    click(&mut harness, "Record the count");
    let hands = &vote(&harness).rounds[0].hands;
    let count = |choice| {
        hands
            .iter()
            .find(|h| h.option == HandOption::Consent(choice) && h.group.is_none())
            .map(|h| h.count)
    };
    assert_eq!(count(ConsentChoice::For), Some(9));
    assert_eq!(count(ConsentChoice::Against), Some(3));
    assert_eq!(count(ConsentChoice::Abstain), Some(2));
    assert!(
        harness.query_by_label("For — 9").is_none(),
        "results stay hidden while the vote is open"
    );

    // A recount replaces the earlier count for the same option.
    type_into(&mut harness, "For", "10");
    click(&mut harness, "Record the count");
    assert_eq!(vote(&harness).rounds[0].hands.len(), 3);

    click(&mut harness, "Close vote");
    assert_eq!(vote(&harness).status, VoteStatus::Closed);
    assert!(harness.query_by_label("For — 10").is_some());
    assert!(harness.query_by_label("Against — 3").is_some());
    assert!(harness.query_by_label("Abstain — 2").is_some());
    assert!(harness.query_by_label("The threshold is met.").is_some());
    assert!(harness.query_by_label("The proposal passes").is_some());
    assert!(
        harness
            .query_by_label_contains("Bar chart: For — 10")
            .is_some(),
        "the chart has an accessible label"
    );
}

#[test]
fn a_bad_ballot_file_is_refused_whole_and_a_good_one_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "count,Open a youth centre,Build a stadium\n2,1,2\n1,2,1\n",
    )
    .unwrap();
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "count,Open a youth centre,Repair the library,Plant a park\n3,2,1,3\n2,1,2,3\n",
    )
    .unwrap();

    let mut harness = harness(
        session_with(plurality(VoteStatus::Open, Vec::new())),
        Language::English,
    );
    type_into(&mut harness, "Ballots file", &bad.display().to_string());
    click(&mut harness, "Import");
    assert!(
        harness
            .query_by_label_contains("bad.csv, line 1: unknown alternative “Build a stadium”")
            .is_some(),
        "the error names the file, the line and the problem"
    );
    assert!(
        harness
            .query_by_label_contains("Nothing was imported")
            .is_some()
    );
    assert!(
        vote(&harness).rounds[0].ballots.is_empty(),
        "nothing imported"
    );

    harness
        .get_by_role_and_label(Role::TextInput, "Ballots file")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Ballots file")
        .type_text(&good.display().to_string());
    harness.run();
    click(&mut harness, "Import");
    let round = &vote(&harness).rounds[0];
    let total: u32 = round.ballots.iter().map(|b| b.count).sum();
    assert_eq!(total, 5);
    assert!(
        harness
            .query_by_label_contains("Nothing was imported")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("5 ballots imported into this round")
            .is_some()
    );

    click(&mut harness, "Close vote");
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_some()
    );
    assert!(harness.query_by_label("5 ballots counted").is_some());
    assert!(harness.query_by_label("1.  Repair the library").is_some());

    // Undo takes the whole import back in one step (after the close).
    harness.state_mut().undo();
    harness.run();
    harness.state_mut().undo();
    harness.run();
    assert!(vote(&harness).rounds[0].ballots.is_empty());
}

#[test]
fn hidden_results_appear_only_after_closing() {
    let ballots = vec![first(LIBRARY, 2), first(YOUTH, 1)];
    let mut harness = harness(
        session_with(plurality(VoteStatus::Open, ballots)),
        Language::English,
    );
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_none()
    );
    assert!(harness.query_by_label("Results").is_none());
    assert!(harness.query_by_label_contains("Bar chart").is_none());
    assert!(
        harness
            .query_by_label("Results are hidden until the vote is closed.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("0 of 3 participants have voted")
            .is_some()
    );

    click(&mut harness, "Close vote");
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_some()
    );
    assert!(harness.query_by_label("2.  Open a youth centre").is_some());
    assert!(harness.query_by_label("3.  Plant a park").is_some());
}

#[test]
fn live_results_show_while_the_vote_is_open() {
    let mut v = plurality(VoteStatus::Open, vec![first(PARK, 2)]);
    v.visibility = ResultsVisibility::Live;
    let harness = harness(session_with(v), Language::English);
    assert!(harness.query_by_label("Winner: Plant a park").is_some());
}

#[test]
fn a_new_round_keeps_round_one() {
    let ballots = vec![first(LIBRARY, 2), first(YOUTH, 1)];
    let mut harness = harness(
        session_with(plurality(VoteStatus::Closed, ballots.clone())),
        Language::English,
    );
    click(&mut harness, "New round");
    let v = vote(&harness);
    assert_eq!(v.status, VoteStatus::Open);
    assert_eq!(v.rounds.len(), 2);
    assert_eq!(v.rounds[0].ballots, ballots, "round 1 is kept");
    assert_eq!(v.rounds[1].number, 2);
    assert!(v.rounds[1].ballots.is_empty());
    // Round 2 is open with hidden results; round 1 can still be viewed.
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_none()
    );
    harness.get_by_label("Round 1").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_some()
    );
    harness.get_by_label("Round 2").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Winner: Repair the library")
            .is_none()
    );
}

#[test]
fn a_tie_is_reported_and_broken_by_lot_as_a_recorded_action() {
    let ballots = vec![first(LIBRARY, 2), first(YOUTH, 2)];
    let mut harness = harness(
        session_with(plurality(VoteStatus::Closed, ballots)),
        Language::English,
    );
    assert!(
        harness
            .query_by_label("Tie between Open a youth centre, Repair the library")
            .is_some()
    );
    assert!(harness.query_by_label("1=  Open a youth centre").is_some());
    assert!(harness.query_by_label("1=  Repair the library").is_some());
    click(&mut harness, "Break the tie by lot");
    let tie = vote(&harness).rounds[0].tie_break.clone().unwrap();
    assert_eq!(tie.among, vec![YOUTH, LIBRARY]);
    assert!(tie.among.contains(&tie.winner));
    let title = if tie.winner == YOUTH {
        "Open a youth centre"
    } else {
        "Repair the library"
    };
    assert!(
        harness
            .query_by_label(&format!("{title} won by lot"))
            .is_some()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Break the tie by lot")
            .is_none()
    );
}

#[test]
fn the_booth_replaces_the_list_and_can_be_left() {
    let mut harness = harness(
        session_with(plurality(VoteStatus::Open, Vec::new())),
        Language::English,
    );
    click(&mut harness, "Voting booth");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Leave booth")
            .is_some()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Close vote")
            .is_none()
    );
    click(&mut harness, "Leave booth");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Close vote")
            .is_some()
    );
}

#[test]
fn russian_labels() {
    let mut harness = harness(session_with(consent_draft()), Language::Russian);
    assert!(harness.query_by_label("Метод").is_some());
    assert!(
        harness
            .query_by_label("Согласие (за / против / воздержался)")
            .is_some()
    );
    click(&mut harness, "Открыть голосование");
    assert!(
        harness
            .query_by_label("Проголосовали 0 из 3 участников")
            .is_some()
    );
    assert!(harness.query_by_label("Поднятие рук").is_some());
    type_into(&mut harness, "За", "9");
    type_into(&mut harness, "Против", "3");
    type_into(&mut harness, "Воздержались", "2");
    click(&mut harness, "Записать подсчёт");
    assert!(
        harness
            .query_by_label("Записано 3 подсчёта в этом туре")
            .is_some()
    );
    click(&mut harness, "Завершить голосование");
    assert!(harness.query_by_label("За — 9").is_some());
    assert!(harness.query_by_label("Против — 3").is_some());
    assert!(harness.query_by_label("Воздержались — 2").is_some());
    assert!(harness.query_by_label("Предложение принято").is_some());
    assert!(harness.query_by_label("Учтено 14 бюллетеней").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Новый тур")
            .is_some()
    );
    let raw: Vec<String> = harness
        .query_all_by(|node| {
            let text = node.value().or(node.label()).unwrap_or_default();
            text.starts_with("votes-")
        })
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(raw.is_empty(), "untranslated keys: {raw:?}");
}

#[test]
fn every_method_can_be_set_up_and_counted_on_the_board() {
    let ranked = |order: &[AlternativeId], count| Ballot {
        voter: None,
        count,
        choice: Choice::Ranking(order.iter().map(|a| vec![*a]).collect()),
    };
    let methods = [
        VoteMethod::Approval,
        VoteMethod::Dot {
            dots: 3,
            cap: Some(2),
        },
        VoteMethod::Score { min: 0, max: 5 },
        VoteMethod::MajorityJudgment {
            grades: vec!["Poor".into(), "Good".into(), "Excellent".into()],
        },
        VoteMethod::Borda,
        VoteMethod::Irv,
        VoteMethod::Schulze,
        VoteMethod::RankedPairs,
        VoteMethod::Copeland,
        VoteMethod::Condorcet,
        VoteMethod::Matrix {
            criteria: Vec::new(),
            min: 0,
            max: 5,
        },
    ];
    for method in methods {
        for status in [VoteStatus::Draft, VoteStatus::Closed] {
            let ranked_method = matches!(
                method,
                VoteMethod::Borda
                    | VoteMethod::Irv
                    | VoteMethod::Schulze
                    | VoteMethod::RankedPairs
                    | VoteMethod::Copeland
                    | VoteMethod::Condorcet
            );
            let ballots = if ranked_method && status == VoteStatus::Closed {
                vec![
                    ranked(&[LIBRARY, YOUTH, PARK], 3),
                    ranked(&[YOUTH, PARK, LIBRARY], 2),
                    ranked(&[PARK, YOUTH, LIBRARY], 1),
                ]
            } else {
                Vec::new()
            };
            let mut v = plurality(status, ballots);
            v.method = method.clone();
            if status == VoteStatus::Draft {
                v.rounds.clear();
            }
            let harness = harness(session_with(v), Language::English);
            if ranked_method && status == VoteStatus::Closed {
                assert!(
                    harness.query_by_label_contains("Bar chart").is_some(),
                    "{method:?}"
                );
            }
            let raw = harness
                .query_all_by(|node| {
                    let text = node.value().or(node.label()).unwrap_or_default();
                    text.starts_with("votes-")
                })
                .count();
            assert_eq!(raw, 0, "{method:?} {status:?}");
        }
    }
}

#[test]
fn an_open_vote_without_a_round_still_takes_a_show_of_hands() {
    // As a hand-edited file may have it: open, with no round at all.
    let mut open = plurality(VoteStatus::Open, Vec::new());
    open.rounds.clear();
    let mut harness = harness(session_with(open), Language::English);
    harness.get_by_label("Show of hands");
    harness.get_by_label("0 of 3 participants have voted");
    type_into(&mut harness, "Repair the library", "7");
    click(&mut harness, "Record the count");
    let v = vote(&harness);
    assert_eq!(v.rounds.len(), 1, "the count started round 1");
    assert_eq!(v.rounds[0].hands[0].count, 7);
}

/// On a 4:3 projector (1024×768), in Russian, the longest header of a vote card (a closed
/// consent vote, anonymous) fits: its number, chips and buttons neither overlap nor leave the
/// window, and no chip is squeezed into a column of broken words. The card itself stays inside
/// the window, even with a per-group breakdown whose group has a long name.
#[test]
fn the_card_header_fits_a_4_3_projector_in_russian() {
    let mut vote = consent_draft();
    vote.question = "Открываем молодёжный центр в здании бывшей библиотеки?".into();
    vote.anonymity = stratboard_core::model::Anonymity::Anonymous;
    vote.status = VoteStatus::Closed;
    let ballots = [1, 2, 6].map(|voter| Ballot {
        voter: Some(ParticipantId(voter)),
        count: 1,
        choice: Choice::Consent(ConsentChoice::For),
    });
    vote.rounds = vec![VoteRound {
        number: 1,
        ballots: ballots.to_vec(),
        ..VoteRound::default()
    }];
    let mut session = session_with(vote.clone());
    let committee = GroupId(20);
    session.stakeholder_groups.push(StakeholderGroup {
        id: committee,
        name: "Комитет внутренней политики Администрации Томской области".into(),
        ..StakeholderGroup::default()
    });
    for participant in &mut session.participants {
        participant.group = Some(committee);
    }
    session.repair_next_id();
    let harness = common::board(
        session,
        Language::Russian,
        BoardSection::Votes,
        egui::vec2(1024.0, 768.0),
    );
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 768.0));
    let rect = |label: &str| harness.get_by_label(label).rect();
    let parts = [
        ("number", rect("Голосование 1")),
        ("status", rect("Завершено")),
        ("method", rect("Согласие (за / против / воздержался)")),
        ("anonymity", rect("Анонимное голосование")),
        (
            "show",
            harness
                .get_by_role_and_label(Role::Button, &format!("Показать залу: {}", vote.question))
                .rect(),
        ),
        (
            "delete",
            harness
                .get_by_role_and_label(Role::Button, &format!("Удалить: {}", vote.question))
                .rect(),
        ),
    ];
    // No chip is squeezed into a narrow column: each stays on one line (one that does not fit
    // beside the others starts a line of its own).
    let line = parts[1].1.height();
    for (name, chip) in &parts[1..4] {
        assert!(
            chip.height() <= line + 1.0,
            "{name} {chip:?} wraps onto several lines"
        );
    }
    // The card: the innermost container holding both its delete button and its per-group
    // breakdown, with the card's frame around what it holds. Its right border must show.
    let delete_name = format!("Удалить: {}", vote.question);
    let delete = harness.get_by_role_and_label(Role::Button, &delete_name);
    let group = harness.get_by_label("Комитет внутренней политики Администрации Томской области");
    let card = common::container_rect(&delete, &group)
        + stratboard::ui::theme::Theme::new(stratboard::ui::theme::ThemeKind::Light)
            .card()
            .total_margin();
    assert!(
        card.left() >= window.left() && card.right() <= window.right(),
        "the card {card:?} is wider than the window {window:?}"
    );
    for (i, (name, one)) in parts.iter().enumerate() {
        assert!(window.contains_rect(*one), "{name} {one:?} is cut off");
        for (other, two) in &parts[i + 1..] {
            assert!(
                !one.intersects(*two),
                "{name} {one:?} overlaps {other} {two:?}"
            );
        }
    }
}
