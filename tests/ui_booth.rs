//! Stories of the voting booth, driven by role and label: participants vote one after another,
//! a secret vote leaves nothing in the saved file that links a voter to a choice, a ranked
//! ballot with a tie and an unranked alternative, an over-budget dot ballot, a vote that is not
//! open, and the Russian labels.
//!
//! The booth is drawn directly (`booth::show`) over a `Board`, and the commands it pushes are
//! applied to the session at the end of each frame, as the app does.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use egui::accesskit::{Role, Toggled};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use stratboard::ui::Board;
use stratboard::ui::sections::votes::booth;
use stratboard::ui::theme::{Theme, ThemeKind};
use stratboard_core::i18n::{Language, Tr};
use stratboard_core::inbox::Inbox;
use stratboard_core::model::{
    Alternative, AlternativeId, Anonymity, Choice, ConsentChoice, Participant, ParticipantId,
    Session, Vote, VoteId, VoteMethod, VoteRound, VoteStatus,
};

const VOTE: VoteId = VoteId(10);
const NAMES: [&str; 4] = [
    "Anna Petrova",
    "Boris Ivanov",
    "Vera Sokolova",
    "Gleb Orlov",
];
const TITLES: [&str; 3] = ["Open a youth centre", "Repair the library", "Build a park"];

/// The booth over a session, applying what it pushes at the end of each frame.
struct Booth {
    session: Session,
    state: booth::State,
    tr: Tr,
    theme: Theme,
    refused: Vec<String>,
}

/// Four participants (ids 1–4), three alternatives (5–7) and one vote (10) with `method`.
fn session(method: VoteMethod, anonymity: Anonymity, status: VoteStatus) -> Session {
    let mut s = Session::new("Strategy day");
    for (i, name) in NAMES.iter().enumerate() {
        s.participants.push(Participant {
            id: ParticipantId(i as u32 + 1),
            name: (*name).into(),
            ..Participant::default()
        });
    }
    for (i, title) in TITLES.iter().enumerate() {
        s.alternatives.push(Alternative {
            id: AlternativeId(i as u32 + 5),
            title: (*title).into(),
            ..Alternative::default()
        });
    }
    s.votes.push(Vote {
        id: VOTE,
        question: "Which project first?".into(),
        alternatives: (5..8).map(AlternativeId).collect(),
        method,
        anonymity,
        status,
        rounds: vec![VoteRound::default()],
        ..Vote::default()
    });
    s.repair_next_id();
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn harness(session: Session, language: Language) -> Harness<'static, Booth> {
    let booth = Booth {
        session,
        state: booth::State::default(),
        tr: Tr::new(language),
        theme: Theme::new(ThemeKind::Light),
        refused: Vec::new(),
    };
    common::panel(common::WINDOW, booth, |ui, b: &mut Booth| {
        let inbox = Inbox::default();
        let sender = inbox.sender();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        {
            let mut board = Board::new(&b.session, 0, &b.tr, &b.theme, today, &sender);
            booth::show(ui, &mut board, &mut b.state, VOTE);
        }
        for envelope in inbox.take() {
            if let Err(e) = b.session.apply(envelope.command) {
                b.refused.push(format!("{e:?}"));
            }
        }
    })
}

fn last_round(h: &Harness<'_, Booth>) -> VoteRound {
    let state = h.state();
    assert!(state.refused.is_empty(), "{:?}", state.refused);
    state
        .session
        .vote(VOTE)
        .unwrap()
        .rounds
        .last()
        .unwrap()
        .clone()
}

fn click(h: &mut Harness<'_, Booth>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn is_offered(h: &Harness<'_, Booth>, name: &str) -> bool {
    h.query_by_role_and_label(Role::Button, name).is_some()
}

fn toggled(h: &Harness<'_, Booth>, label: &str) -> bool {
    h.get_by_role_and_label(Role::Button, label)
        .accesskit_node()
        .toggled()
        == Some(Toggled::True)
}

fn submit_disabled(h: &Harness<'_, Booth>) -> bool {
    h.get_by_role_and_label(Role::Button, "Submit ballot")
        .accesskit_node()
        .is_disabled()
}

#[test]
fn three_participants_vote_one_after_another() {
    let s = session(
        VoteMethod::Consent { allow_block: true },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::English);
    h.get_by_label("0 of 4 have voted");
    for name in NAMES {
        assert!(is_offered(&h, name));
    }
    let choices = [
        ("Anna Petrova", "For", ConsentChoice::For),
        ("Vera Sokolova", "Against", ConsentChoice::Against),
        ("Boris Ivanov", "Block", ConsentChoice::Block),
    ];
    for (i, (name, button, _)) in choices.iter().enumerate() {
        click(&mut h, name);
        h.get_by_label(&format!("Ballot of {name}"));
        // A fresh ballot: nothing marked, nothing to submit yet.
        for option in ["For", "Against", "Abstain", "Block"] {
            assert!(!toggled(&h, option), "{option} is marked for {name}");
        }
        assert!(submit_disabled(&h));
        click(&mut h, button);
        assert!(toggled(&h, button));
        assert!(!submit_disabled(&h));
        click(&mut h, "Submit ballot");
        // Back to "Who is voting?", thanked, the ballot gone from the screen.
        h.get_by_label("Thank you — your ballot is recorded. Next participant, please.");
        h.get_by_label(&format!(
            "{} of 4 {} voted",
            i + 1,
            if i == 0 { "has" } else { "have" }
        ));
        assert!(
            h.query_by_role_and_label(Role::Button, "Submit ballot")
                .is_none()
        );
        assert!(h.query_by_role_and_label(Role::Button, button).is_none());
        assert!(!is_offered(&h, name), "{name} is offered again");
        assert_eq!(last_round(&h).ballots.len(), i + 1);
    }
    let round = last_round(&h);
    assert_eq!(
        round.voters,
        vec![ParticipantId(1), ParticipantId(2), ParticipantId(3)]
    );
    let cast: Vec<_> = round.ballots.iter().map(|b| (b.voter, &b.choice)).collect();
    assert_eq!(
        cast,
        vec![
            (Some(ParticipantId(1)), &Choice::Consent(ConsentChoice::For)),
            (
                Some(ParticipantId(3)),
                &Choice::Consent(ConsentChoice::Against)
            ),
            (
                Some(ParticipantId(2)),
                &Choice::Consent(ConsentChoice::Block)
            ),
        ]
    );
    assert!(is_offered(&h, "Gleb Orlov"));

    // Cancel records nothing and goes back to the list.
    click(&mut h, "Gleb Orlov");
    click(&mut h, "Abstain");
    click(&mut h, "Cancel");
    assert!(is_offered(&h, "Gleb Orlov"));
    assert_eq!(
        h.state().session.vote(VOTE).unwrap().rounds[0]
            .ballots
            .len(),
        3
    );
    click(&mut h, "Gleb Orlov");
    assert!(!toggled(&h, "Abstain"), "a cancelled choice came back");
    click(&mut h, "For");
    click(&mut h, "Submit ballot");
    h.get_by_label("Everyone has voted in this round.");
    assert_eq!(last_round(&h).voters.len(), 4);
}

#[test]
fn secret_ballots_name_nobody_in_the_saved_file() {
    let s = session(VoteMethod::Plurality, Anonymity::Secret, VoteStatus::Open);
    let mut h = harness(s, Language::English);
    for (name, title) in [
        ("Vera Sokolova", "Build a park"),
        ("Anna Petrova", "Repair the library"),
        ("Gleb Orlov", "Open a youth centre"),
    ] {
        click(&mut h, name);
        click(&mut h, title);
        click(&mut h, "Submit ballot");
    }
    let round = last_round(&h);
    assert_eq!(round.ballots.len(), 3);
    assert!(round.ballots.iter().all(|b| b.voter.is_none()));
    assert_eq!(
        round.voters,
        vec![ParticipantId(1), ParticipantId(3), ParticipantId(4)]
    );
    let mut chosen: Vec<_> = round.ballots.iter().map(|b| b.choice.clone()).collect();
    chosen.sort_by_key(|c| format!("{c:?}"));
    let mut expected: Vec<_> = (5..8)
        .map(|id| Choice::Ranking(vec![vec![AlternativeId(id)]]))
        .collect();
    expected.sort_by_key(|c| format!("{c:?}"));
    assert_eq!(chosen, expected);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.ron");
    stratboard_core::storage::save(&path, &h.state().session, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("voter: Some("), "{text}");
    let loaded = stratboard_core::storage::load(&path).unwrap();
    let saved = loaded.session.vote(VOTE).unwrap().rounds[0].clone();
    assert!(saved.ballots.iter().all(|b| b.voter.is_none()));
    assert!(saved.voters.is_sorted());
    assert!(loaded.session.validate().is_empty());
}

#[test]
fn ranked_ballot_with_a_tie_and_an_unranked_alternative() {
    let s = session(VoteMethod::Schulze, Anonymity::Anonymous, VoteStatus::Open);
    let mut h = harness(s, Language::English);
    click(&mut h, "Boris Ivanov");
    assert!(submit_disabled(&h), "an empty ranking was accepted");
    click(&mut h, "Rank for Build a park: 1");
    click(&mut h, "Rank for Open a youth centre: 2");
    click(&mut h, "Rank for Repair the library: 2");
    // Changing one's mind: a rank set back to blank.
    click(&mut h, "Rank for Open a youth centre: —");
    click(&mut h, "Rank for Open a youth centre: 1");
    assert!(toggled(&h, "Rank for Open a youth centre: 1"));
    assert!(!toggled(&h, "Rank for Open a youth centre: 2"));
    click(&mut h, "Rank for Repair the library: —");
    click(&mut h, "Submit ballot");
    let round = last_round(&h);
    assert_eq!(round.voters, vec![ParticipantId(2)]);
    assert_eq!(round.ballots.len(), 1);
    assert_eq!(round.ballots[0].voter, Some(ParticipantId(2)));
    // Park and youth centre tie for first; the library is unranked (left out).
    assert_eq!(
        round.ballots[0].choice,
        Choice::Ranking(vec![vec![AlternativeId(5), AlternativeId(7)]])
    );
}

#[test]
fn over_budget_dot_ballot_cannot_be_submitted() {
    let s = session(
        VoteMethod::Dot {
            dots: 3,
            cap: Some(2),
        },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::English);
    click(&mut h, "Anna Petrova");
    h.get_by_label("3 dots left");
    assert!(submit_disabled(&h));
    click(&mut h, "Add a dot to Build a park");
    h.get_by_label("2 dots left");
    assert!(!submit_disabled(&h));
    click(&mut h, "Add a dot to Build a park");
    click(&mut h, "Add a dot to Build a park");
    h.get_by_label("At most 2 dots on one alternative");
    assert!(submit_disabled(&h), "over the cap");
    click(&mut h, "Take a dot from Build a park");
    click(&mut h, "Add a dot to Repair the library");
    click(&mut h, "Add a dot to Repair the library");
    h.get_by_label("1 dot too many: take one away to submit");
    assert!(submit_disabled(&h), "over the budget");
    // Clicking a disabled Submit records nothing.
    h.get_by_role_and_label(Role::Button, "Submit ballot")
        .click();
    h.run();
    assert!(last_round(&h).ballots.is_empty());
    click(&mut h, "Take a dot from Repair the library");
    h.get_by_label("0 dots left");
    click(&mut h, "Submit ballot");
    let round = last_round(&h);
    assert_eq!(
        round.ballots[0].choice,
        Choice::Dots(vec![
            stratboard_core::model::Dots {
                alternative: AlternativeId(6),
                dots: 1
            },
            stratboard_core::model::Dots {
                alternative: AlternativeId(7),
                dots: 2
            },
        ])
    );
}

#[test]
fn a_vote_that_is_not_open_shows_a_message() {
    let s = session(VoteMethod::Approval, Anonymity::Open, VoteStatus::Closed);
    let h = harness(s, Language::English);
    h.get_by_label("The vote is closed: no more ballots can be cast.");
    assert!(!is_offered(&h, "Anna Petrova"));
    let s = session(VoteMethod::Approval, Anonymity::Open, VoteStatus::Draft);
    let h = harness(s, Language::English);
    h.get_by_label("The vote is still a draft: open it to start voting in the booth.");
}

#[test]
fn russian_labels() {
    let s = session(
        VoteMethod::Dot { dots: 5, cap: None },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::Russian);
    h.get_by_label("Кабина для голосования");
    h.get_by_label("Кто голосует?");
    h.get_by_label("Проголосовали 0 из 4");
    click(&mut h, "Anna Petrova");
    h.get_by_label("Бюллетень: Anna Petrova");
    h.get_by_label("Осталось 5 точек");
    click(&mut h, "Добавить точку: «Build a park»");
    h.get_by_label("Осталось 4 точки");
    for _ in 0..3 {
        click(&mut h, "Добавить точку: «Build a park»");
    }
    h.get_by_label("Осталась 1 точка");
    click(&mut h, "Отправить бюллетень");
    h.get_by_label("Спасибо — ваш бюллетень принят. Следующий участник, пожалуйста.");
    h.get_by_label("Проголосовали 1 из 4");

    let s = session(
        VoteMethod::Consent { allow_block: false },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::Russian);
    click(&mut h, "Boris Ivanov");
    for label in ["За", "Против", "Воздержался", "Отмена"] {
        h.get_by_role_and_label(Role::Button, label);
    }
    assert!(h.query_by_role_and_label(Role::Button, "Вето").is_none());
}

#[test]
fn score_and_grades_ballots() {
    let s = session(
        VoteMethod::MajorityJudgment {
            grades: vec!["Poor".into(), "Fair".into(), "Good".into()],
        },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::English);
    click(&mut h, "Vera Sokolova");
    click(&mut h, "Grade for Open a youth centre: Good");
    click(&mut h, "Grade for Repair the library: Poor");
    assert!(submit_disabled(&h), "an alternative is not graded yet");
    h.get_by_label("Give every alternative a grade to submit.");
    click(&mut h, "Grade for Build a park: Fair");
    click(&mut h, "Submit ballot");
    let values: Vec<i32> = match &last_round(&h).ballots[0].choice {
        Choice::Scores(scores) => scores.iter().map(|s| s.value).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(values, vec![2, 0, 1]);

    let s = session(
        VoteMethod::Score { min: 0, max: 5 },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let mut h = harness(s, Language::English);
    click(&mut h, "Gleb Orlov");
    h.get_by_role_and_label(Role::Slider, "Score for Build a park");
    assert!(!submit_disabled(&h));
    click(&mut h, "Submit ballot");
    let values: Vec<i32> = match &last_round(&h).ballots[0].choice {
        Choice::Scores(scores) => scores.iter().map(|s| s.value).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(values, vec![0, 0, 0]);
}

#[test]
fn the_booth_is_reached_from_the_votes_section() {
    use stratboard::app::StratboardApp;
    use stratboard_core::model::BoardSection;

    let s = session(VoteMethod::Approval, Anonymity::Anonymous, VoteStatus::Open);
    let mut app = StratboardApp::for_test(s, Language::English);
    app.select_section(BoardSection::Votes);
    let mut h = common::window(app, common::WINDOW);
    h.get_by_role_and_label(Role::Button, "Voting booth")
        .click();
    h.run();
    h.get_by_label("Who is voting?");
    h.get_by_role_and_label(Role::Button, "Vera Sokolova")
        .click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Repair the library")
        .click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Build a park")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Submit ballot")
        .click();
    h.run();
    h.get_by_label("1 of 4 has voted");
    assert!(
        h.query_by_role_and_label(Role::Button, "Vera Sokolova")
            .is_none()
    );
    let round = h.state().session().vote(VOTE).unwrap().rounds[0].clone();
    assert_eq!(round.voters, vec![ParticipantId(3)]);
    assert_eq!(round.ballots[0].voter, Some(ParticipantId(3)));
    assert_eq!(
        round.ballots[0].choice,
        Choice::Approval(vec![AlternativeId(6), AlternativeId(7)])
    );
    // A ballot is the participant's, not an undo step of the facilitator: undo keeps it.
    h.state_mut().undo();
    h.run();
    assert_eq!(
        h.state().session().vote(VOTE).unwrap().rounds[0]
            .ballots
            .len(),
        1
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Vera Sokolova")
            .is_none()
    );
    h.get_by_role_and_label(Role::Button, "Leave booth").click();
    h.run();
    assert!(h.query_by_label("Who is voting?").is_none());
}

#[test]
fn the_booth_hides_the_board_and_ignores_undo_keys() {
    use stratboard::app::StratboardApp;
    use stratboard_core::model::{BoardSection, VoteStatus};
    let mut session = stratboard::app::sample_session();
    session.votes[0].status = VoteStatus::Open;
    session.votes[0].rounds[0].ballots.clear();
    session.votes[0].rounds[0].voters.clear();
    let app = StratboardApp::for_test(session, Language::English);
    let mut h = common::window(app, common::WINDOW);
    h.state_mut().select_section(BoardSection::Votes);
    h.run();
    assert!(
        h.query_by_label("File").is_some(),
        "the menu is there outside the booth"
    );
    h.get_by_label("Voting booth").click();
    h.run();
    assert!(h.query_by_label("File").is_none(), "no menu in the booth");
    assert!(
        h.query_by_label("Goals   5").is_none(),
        "no sections in the booth"
    );
    let voter = h.state().session().participants[0].name.clone();
    h.get_by_label(&voter).click();
    h.run();
    h.get_by_label("For").click();
    h.run();
    h.get_by_label("Submit ballot").click();
    h.run();
    assert_eq!(h.state().session().votes[0].rounds[0].ballots.len(), 1);
    // The next participant cannot undo the previous ballot.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().session().votes[0].rounds[0].ballots.len(),
        1,
        "Ctrl+Z ignored in the booth"
    );
    h.get_by_label("Leave booth").click();
    h.run();
    assert!(h.query_by_label("File").is_some());
}

/// The whole story: a draft vote is opened, three participants vote in the booth, the results
/// stay hidden, the vote is closed and the results appear; a correction replaces a ballot.
#[test]
fn open_vote_three_voters_hidden_results_close_and_results_appear() {
    use stratboard::app::StratboardApp;
    use stratboard_core::model::{
        Anonymity, BoardSection, ResultsVisibility, Vote, VoteMethod, VoteStatus,
    };
    let mut session = stratboard::app::sample_session();
    let alternatives: Vec<_> = session.alternatives.iter().map(|a| a.id).collect();
    let titles: Vec<String> = session
        .alternatives
        .iter()
        .map(|a| a.title.clone())
        .collect();
    session.votes = vec![Vote {
        id: stratboard_core::model::VoteId(9000),
        question: "Что делать в первую очередь?".into(),
        alternatives: alternatives.clone(),
        method: VoteMethod::Plurality,
        anonymity: Anonymity::Open,
        visibility: ResultsVisibility::AfterClose,
        status: VoteStatus::Draft,
        ..Vote::default()
    }];
    session.next_id = 9001;
    session.agenda.iter_mut().for_each(|a| a.vote = None);
    session.decisions.iter_mut().for_each(|d| d.vote = None);
    let voters: Vec<String> = session
        .participants
        .iter()
        .take(3)
        .map(|p| p.name.clone())
        .collect();
    let app = StratboardApp::for_test(session, Language::English);
    let mut h = common::window(app, common::WINDOW);
    h.state_mut().select_section(BoardSection::Votes);
    h.run();
    h.get_by_label("Open vote").click();
    h.run();
    assert_eq!(h.state().session().votes[0].status, VoteStatus::Open);
    h.get_by_label("Voting booth").click();
    h.run();
    // Two vote for the second alternative, one for the first.
    for (voter, choice) in voters.iter().zip([1usize, 1, 0]) {
        h.get_by_label(voter).click();
        h.run();
        h.get_by_label(&titles[choice]).click();
        h.run();
        h.get_by_label("Submit ballot").click();
        h.run();
        assert!(
            h.query_by_label(voter).is_none(),
            "{voter} is not offered again"
        );
    }
    // The third voter corrects the ballot: it replaces the earlier one.
    h.get_by_label("Correct a ballot (open and anonymous votes)")
        .click();
    h.run();
    h.get_by_label(&format!("Correct: {}", voters[2])).click();
    h.run();
    h.get_by_label(&titles[1]).click();
    h.run();
    h.get_by_label("Submit ballot").click();
    h.run();
    let round = &h.state().session().votes[0].rounds[0];
    assert_eq!(
        round.ballots.len(),
        3,
        "a correction replaces, it does not add"
    );
    assert_eq!(round.voters.len(), 3);
    let third = h.state().session().participants[2].id;
    let corrected = round
        .ballots
        .iter()
        .find(|b| b.voter == Some(third))
        .unwrap();
    assert_eq!(
        corrected.choice,
        stratboard_core::model::Choice::Ranking(vec![vec![alternatives[1]]]),
        "the corrected ballot holds the new choice"
    );
    h.get_by_label("Leave booth").click();
    h.run();
    // Hidden until closed: no results, no winner anywhere.
    assert!(h.query_by_label("Results").is_none());
    assert!(h.query_by_label_contains("Winner").is_none());
    h.get_by_label("Close vote").click();
    h.run();
    assert_eq!(h.state().session().votes[0].status, VoteStatus::Closed);
    assert!(h.query_by_label("Results").is_some());
    let winner = format!("Winner: {}", titles[1]);
    assert!(
        h.query_by_label(&winner).is_some(),
        "the winner is shown once the vote is closed"
    );
}

/// Boris holds Anna's proxy (she is absent, he is in the room; Gleb takes part without a
/// vote): the booth offers Boris with his proxy, not Anna nor Gleb; Boris fills in his own
/// ballot, then Anna's, named as cast by proxy; both land, Anna's as hers.
#[test]
fn a_holder_votes_for_themselves_then_for_the_member_they_represent() {
    use stratboard_core::model::{Presence, Proxy, Registration};
    let mut s = session(
        VoteMethod::Consent { allow_block: false },
        Anonymity::Open,
        VoteStatus::Open,
    );
    let (anna, boris, gleb) = (ParticipantId(1), ParticipantId(2), ParticipantId(4));
    s.participant_mut(gleb).unwrap().voting = false;
    s.attendance.set_registration(
        boris,
        Some(Registration {
            participant: boris,
            presence: Presence::InRoom,
            arrived: None,
            left: None,
        }),
    );
    s.attendance.set_proxy(
        anna,
        Some(Proxy {
            from: anna,
            to: boris,
            note: String::new(),
        }),
    );
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    let mut h = harness(s, Language::English);
    h.get_by_label("0 of 3 have voted");
    assert!(!is_offered(&h, "Anna Petrova"), "Anna votes through Boris");
    assert!(!is_offered(&h, "Gleb Orlov"), "Gleb has no vote");
    click(&mut h, "Boris Ivanov · +1 by proxy");
    h.get_by_label("Ballot of Boris Ivanov");
    click(&mut h, "For");
    click(&mut h, "Submit ballot");
    h.get_by_label("Ballot of Anna Petrova — cast by proxy by Boris Ivanov");
    click(&mut h, "Against");
    click(&mut h, "Submit ballot");
    h.get_by_label("2 of 3 have voted");
    assert!(!is_offered(&h, "Boris Ivanov"));
    let round = last_round(&h);
    assert_eq!(round.voters, vec![anna, boris]);
    let cast: Vec<_> = round.ballots.iter().map(|b| (b.voter, &b.choice)).collect();
    assert_eq!(
        cast,
        vec![
            (Some(boris), &Choice::Consent(ConsentChoice::For)),
            (Some(anna), &Choice::Consent(ConsentChoice::Against)),
        ]
    );
}
