//! Positions → Convergence: the consensus index, its change and the stability note; unifying
//! and divisive alternatives set apart; each group's move; Kendall's W of a ranked vote.
#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Alternative, AlternativeId, BoardSection, GroupId, Position, PositionId, Session,
    StakeholderGroup, Stance,
};

/// Four groups, two alternatives, rounds of positions given as stances per group.
fn session(rounds: &[[[Stance; 4]; 2]]) -> Session {
    let mut s = Session::new("Convergence");
    for (i, name) in ["Власть", "Бизнес", "НКО", "Жители"].iter().enumerate() {
        s.stakeholder_groups.push(StakeholderGroup {
            id: GroupId(i as u32 + 1),
            name: (*name).into(),
            ..StakeholderGroup::default()
        });
    }
    for (i, title) in ["Парк у реки", "Платная парковка"].iter().enumerate()
    {
        s.alternatives.push(Alternative {
            id: AlternativeId(i as u32 + 10),
            title: (*title).into(),
            ..Alternative::default()
        });
    }
    let mut id = 100;
    for (r, round) in rounds.iter().enumerate() {
        for (a, stances) in round.iter().enumerate() {
            for (g, stance) in stances.iter().enumerate() {
                s.positions.push(Position {
                    id: PositionId(id),
                    group: GroupId(g as u32 + 1),
                    alternative: AlternativeId(a as u32 + 10),
                    stance: *stance,
                    round: r as u32 + 1,
                    ..Position::default()
                });
                id += 1;
            }
        }
    }
    s.next_id = id;
    s
}

use Stance::{Against, For, StronglyAgainst, StronglyFor};

#[test]
fn the_view_shows_the_index_its_change_the_blocks_and_the_stability_note() {
    // Round 1: the park splits 2 : 2 (++ ++ − −); parking is ++ ++ −− −−.
    // Round 2: the park moves to ++ ++ + + (Cns = 1 + log2(1 − 0.5/4) = 0.81), parking stays.
    let moving = session(&[
        [
            [StronglyFor, StronglyFor, Against, Against],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
        [
            [StronglyFor, StronglyFor, For, For],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
    ]);
    let mut harness = common::board(
        moving,
        Language::English,
        BoardSection::Positions,
        common::WINDOW,
    );
    harness
        .get_by_role_and_label(Role::Button, "Convergence")
        .click();
    harness.run();
    harness.get_by_label("Convergence of positions");
    harness.get_by_label_contains("Unifying · 1");
    harness.get_by_label_contains("Divisive · 1");
    // The park: consensus 0.81, up from round 1; the parking: 0 both rounds.
    harness.get_by_label_contains("consensus 0.81 (▲ +");
    harness.get_by_label_contains("consensus 0.00 (= 0.00)");
    harness.get_by_label_contains("Positions are still moving");
    assert!(
        harness
            .query_by_label_contains("Positions are stable")
            .is_none()
    );
    // The groups that moved from − to + came toward the others.
    harness.get_by_label("НКО: − → + ↘");

    // A third round like the second: every index changed by less than 0.05.
    let settled = session(&[
        [
            [StronglyFor, StronglyFor, Against, Against],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
        [
            [StronglyFor, StronglyFor, For, For],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
        [
            [StronglyFor, StronglyFor, For, For],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
    ]);
    let mut harness = common::board(
        settled,
        Language::Russian,
        BoardSection::Positions,
        common::WINDOW,
    );
    harness
        .get_by_role_and_label(Role::Button, "Сближение позиций")
        .click();
    harness.run();
    harness.get_by_label_contains("Позиции устоялись");
    harness.get_by_label_contains("согласие 0,81 (= 0,00)");
    harness.get_by_label_contains("Индекс согласия по раундам, «Парк у реки»");
}

#[test]
fn without_positions_the_view_says_what_to_do() {
    let mut harness = common::board(
        session(&[]),
        Language::English,
        BoardSection::Positions,
        common::WINDOW,
    );
    harness
        .get_by_role_and_label(Role::Button, "Convergence")
        .click();
    harness.run();
    harness.get_by_label_contains("No group positions yet");
}

#[test]
fn the_projector_shows_convergence_when_the_board_does() {
    let moving = session(&[
        [
            [StronglyFor, StronglyFor, Against, Against],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
        [
            [StronglyFor, StronglyFor, For, For],
            [StronglyFor, StronglyFor, StronglyAgainst, StronglyAgainst],
        ],
    ]);
    let mut harness = common::board(
        moving,
        Language::Russian,
        BoardSection::Positions,
        common::WINDOW,
    );
    harness
        .get_by_role_and_label(Role::Button, "Сближение позиций")
        .click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    // The park leads: 1 + log2(1 − 0.5/4) = 0,81, up from 1 + log2(1 − 1.5/4) = 0,32 (two groups
    // at − moved to +); the parking is divisive.
    harness.get_by_label("0,81  +0,49");
    harness.get_by_label("Разделяющие");
    harness
        .get_by_label_contains("Индекс согласия по раундам, «Платная парковка»: 1: 0,00, 2: 0,00");
}
