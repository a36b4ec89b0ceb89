//! Parallel sections and the plenary: making a section, the top-N cut, bringing sections in
//! (idempotent, order-independent, updating a rerun section, refusing what does not belong),
//! combining alternatives and its undo, and a property test over random sections.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use stratboard_core::commands::{Command, Item};
use stratboard_core::fixtures::forum::{ForumSize, forum};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{
    ActionItem, Alternative, AlternativeId, AlternativeStatus, Ballot, Choice, Decision, GroupId,
    Language, Participant, Position, Session, SessionId, Stance, Vote, VoteMethod, VoteRound,
    VoteStatus,
};
use stratboard_core::sections::{
    DEFAULT_TOP, MergeRefusal, SectionFile, SectionRefusal, origin_words, plan_merge,
    similar_titles,
};
use stratboard_core::storage::to_ron_string;

/// A plenary of two groups, six participants and two goals, with an identity.
fn plenary() -> Session {
    let mut session = Session::new("Форум глав поселений");
    session.meta.id = SessionId::derived(b"test plenary");
    for name in ["Администрация", "Общественность"] {
        session
            .apply(Command::Add(
                stratboard_core::model::StakeholderGroup {
                    name: name.into(),
                    ..Default::default()
                }
                .into(),
            ))
            .unwrap();
    }
    let groups: Vec<GroupId> = session.stakeholder_groups.iter().map(|g| g.id).collect();
    for (i, name) in [
        "Иванов И. И.",
        "Петров П. П.",
        "Сидорова А. А.",
        "Кузнецов К. К.",
    ]
    .iter()
    .enumerate()
    {
        session
            .apply(Command::Add(
                Participant {
                    name: (*name).into(),
                    group: Some(groups[i % 2]),
                    code: Some(format!("CODE{i}XYZ")),
                    ..Default::default()
                }
                .into(),
            ))
            .unwrap();
    }
    for title in ["Развитие ТОС", "Кадры"] {
        session
            .apply(Command::Add(
                stratboard_core::model::Goal {
                    title: title.into(),
                    ..Default::default()
                }
                .into(),
            ))
            .unwrap();
    }
    session
}

/// A section of `plenary` with alternatives `titles`, each group's position on each, and a
/// closed Borda vote whose ballots rank them as `ranking` says (tie groups of indexes into
/// `titles`), `ballots` times.
fn section(plenary: &Session, name: &str, titles: &[&str], ranking: &[&[usize]]) -> Session {
    let mut s = plenary
        .section_of(name, Some("Петров П. П."), false)
        .unwrap();
    s.meta.id = SessionId::derived(name.as_bytes());
    let goal = s.goals[0].id;
    let mut ids = Vec::new();
    for title in titles {
        let id = AlternativeId(s.allocate_id());
        ids.push(id);
        s.alternatives.push(Alternative {
            id,
            title: (*title).into(),
            description: format!("Описание: {title}"),
            goals: vec![goal],
            pros: vec!["за".into()],
            ..Default::default()
        });
        for group in s.stakeholder_groups.clone() {
            let position = Position {
                id: stratboard_core::model::PositionId(s.allocate_id()),
                group: group.id,
                alternative: id,
                stance: Stance::For,
                interests: format!("{} о «{title}»", group.name),
                round: 1,
            };
            s.positions.push(position);
        }
    }
    if !ranking.is_empty() {
        close_vote(&mut s, &ids, ranking, 3);
    }
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

/// Adds a closed Borda vote over `ids` with `count` ballots ranking them by `ranking`.
fn close_vote(s: &mut Session, ids: &[AlternativeId], ranking: &[&[usize]], count: u32) {
    let order: Vec<Vec<AlternativeId>> = ranking
        .iter()
        .map(|group| group.iter().map(|i| ids[*i]).collect())
        .collect();
    let vote = stratboard_core::model::VoteId(s.allocate_id());
    s.votes.push(Vote {
        id: vote,
        question: "Что вынести на пленарное заседание?".into(),
        alternatives: ids.to_vec(),
        method: VoteMethod::Borda,
        status: VoteStatus::Closed,
        rounds: vec![VoteRound {
            ballots: vec![Ballot {
                voter: None,
                count,
                choice: Choice::Ranking(order),
            }],
            ..VoteRound::default()
        }],
        ..Vote::default()
    });
}

fn file(name: &str, session: &Session) -> SectionFile {
    SectionFile {
        file: format!("{name}.ron"),
        session: session.clone(),
    }
}

/// Merges and applies; returns the merged plenary and the report.
fn merged(
    plenary: &Session,
    files: &[SectionFile],
    top: usize,
) -> (Session, stratboard_core::sections::MergeReport) {
    let plan = plan_merge(plenary, files, top).unwrap();
    let mut session = plenary.clone();
    session.apply(plan.command).unwrap();
    assert!(session.validate().is_empty(), "{:?}", session.validate());
    (session, plan.report)
}

#[test]
fn a_section_carries_the_plenarys_people_and_goals_with_their_ids_and_nothing_else() {
    let mut plenary = plenary();
    let idea = AlternativeId(plenary.allocate_id());
    plenary.alternatives.push(Alternative {
        id: idea,
        title: "Идея пленарного заседания".into(),
        ..Default::default()
    });
    let section = plenary
        .section_of("  Молодёжь  ", Some("петров п. п."), false)
        .unwrap();
    let of = section.meta.section.as_ref().unwrap();
    assert_eq!(of.plenary, plenary.meta.id);
    assert_eq!(of.name, "Молодёжь");
    assert_eq!(of.shared_below, plenary.next_id);
    assert_ne!(section.meta.id, plenary.meta.id);
    assert_eq!(section.meta.title, "Форум глав поселений — Молодёжь");
    assert_eq!(section.stakeholder_groups, plenary.stakeholder_groups);
    assert_eq!(section.goals, plenary.goals);
    let ids = |s: &Session| s.participants.iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(ids(&section), ids(&plenary));
    assert!(
        section.participants.iter().all(|p| p.code.is_none()),
        "own codes"
    );
    assert!(section.alternatives.is_empty() && section.votes.is_empty());
    assert!(section.decisions.is_empty() && section.actions.is_empty());
    // The facilitator is found by name, whatever the letter case.
    let petrov = plenary.participants[1].id;
    assert_eq!(section.meta.facilitator, Some(petrov));

    let kept = plenary
        .section_of("Кадры", Some("Новый Модератор"), true)
        .unwrap();
    assert!(kept.participants.iter().take(4).all(|p| p.code.is_some()));
    let moderator = kept.meta.facilitator.unwrap();
    assert!(
        moderator.0 >= plenary.next_id,
        "a new participant of the section's own"
    );
    assert_eq!(kept.participant(moderator).unwrap().name, "Новый Модератор");

    assert_eq!(
        plenary.section_of(" ", None, false),
        Err(SectionRefusal::EmptyName)
    );
    assert_eq!(
        section.section_of("Ещё", None, false),
        Err(SectionRefusal::FromSection("Молодёжь".into()))
    );
    let mut anonymous = plenary.clone();
    anonymous.meta.id = SessionId::default();
    assert_eq!(
        anonymous.section_of("Ещё", None, false),
        Err(SectionRefusal::NoIdentity)
    );
}

#[test]
fn the_top_cut_takes_a_tie_at_the_cut_whole_and_adopted_ones_and_never_hidden_ones() {
    let plenary = plenary();
    let mut s = section(
        &plenary,
        "Молодёжь",
        &["А", "Б", "В", "Г", "Д", "Е"],
        // А first, then Б and В tied, then Г, Д, Е.
        &[&[0], &[1, 2], &[3], &[4], &[5]],
    );
    s.alternatives[5].status = AlternativeStatus::Adopted;
    s.alternatives[4].hidden = true;
    let standing = stratboard_core::sections::standing(&s);
    let titles = |top: usize| {
        standing
            .chosen(&s, top)
            .iter()
            .map(|id| s.alternative(*id).unwrap().title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(1), ["А", "Е"]);
    assert_eq!(
        titles(2),
        ["А", "Б", "В", "Е"],
        "the tie at the cut is taken whole"
    );
    assert_eq!(titles(3), ["А", "Б", "В", "Е"]);
    assert_eq!(titles(4), ["А", "Б", "В", "Г", "Е"]);
    assert_eq!(
        titles(10),
        ["А", "Б", "В", "Г", "Е"],
        "the hidden one stays behind"
    );
    let place = standing.places[&s.alternatives[2].id];
    assert_eq!((place.place, place.to, place.of), (2, 3, 6));
    let vote = standing.vote.unwrap();
    assert_eq!((vote.method.as_str(), vote.ballots), ("borda", 3));
    // One paper ballot counted three times: three took part.
    let plan = plan_merge(&plenary, &[file("youth", &s)], 1).unwrap();
    let mut merged = plenary.clone();
    merged.apply(plan.command).unwrap();
    assert_eq!(merged.sections[0].participants, 3);
}

#[test]
fn bringing_sections_in_brings_alternatives_with_provenance_positions_and_decisions() {
    let plenary = plenary();
    let mut youth = section(
        &plenary,
        "Молодёжь",
        &["Молодёжный совет", "Форум молодёжи", "Клуб волонтёров"],
        &[&[0], &[1], &[2]],
    );
    // A decision and an action item of the section, with an executor of its own.
    let own = stratboard_core::model::ParticipantId(youth.allocate_id());
    youth.participants.push(Participant {
        id: own,
        name: "Гость Секции".into(),
        ..Default::default()
    });
    let decision = stratboard_core::model::DecisionId(youth.allocate_id());
    youth.decisions.push(Decision {
        id: decision,
        statement: "Вынести молодёжный совет на пленарное заседание".into(),
        alternatives: vec![youth.alternatives[0].id],
        ..Default::default()
    });
    let action = stratboard_core::model::ActionId(youth.allocate_id());
    youth.actions.push(ActionItem {
        id: action,
        what: "Подготовить положение о совете".into(),
        owners: vec![own, plenary.participants[0].id],
        decision: Some(decision),
        ..Default::default()
    });
    let roads = section(
        &plenary,
        "Дороги",
        &["Ремонт дорог", "Молодёжный совет при главе"],
        &[&[1], &[0]],
    );
    let (session, report) = merged(&plenary, &[file("youth", &youth), file("roads", &roads)], 2);
    // Sections in order of names: «Дороги» before «Молодёжь».
    let names: Vec<&str> = report.sections.iter().map(|s| s.section.as_str()).collect();
    assert_eq!(names, ["Дороги", "Молодёжь"]);
    assert_eq!(report.sections[1].decisions, 1);
    let brought: Vec<&str> = report.sections[1]
        .alternatives
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(brought, ["Молодёжный совет", "Форум молодёжи"]);
    assert_eq!(
        report.added,
        4 + 1 + 1,
        "four alternatives, a decision, an action item"
    );
    assert_eq!(report.updated, 0);
    // The alternative with its provenance, in words.
    let council = session
        .alternatives
        .iter()
        .find(|a| a.title == "Молодёжный совет")
        .unwrap();
    assert_eq!(council.status, AlternativeStatus::Proposed);
    assert_eq!(council.origins.len(), 1);
    let tr = Tr::new(Language::Russian);
    assert_eq!(
        origin_words(&tr, &session, &council.origins[0]),
        "1-е место из 3, Метод Борда, 3 бюллетеня"
    );
    assert_eq!(
        council.origins[0].decisions,
        ["Вынести молодёжный совет на пленарное заседание"]
    );
    let record = session.section_record(&youth.meta.id).unwrap();
    assert_eq!(record.facilitator, "Петров П. П.");
    assert_eq!(record.alternatives, 3);
    // Positions as the plenary's round 1, by the same groups.
    let positions: Vec<&Position> = session
        .positions
        .iter()
        .filter(|p| p.alternative == council.id)
        .collect();
    assert_eq!(positions.len(), 2);
    assert!(positions.iter().all(|p| p.round == 1));
    // The section's decision, under «Решения секции», naming the plenary's alternative.
    let brought_decision = session
        .decisions
        .iter()
        .find(|d| d.section.is_some())
        .unwrap();
    assert_eq!(brought_decision.alternatives, [council.id]);
    assert!(brought_decision.vote.is_none(), "votes stay behind");
    // The action item: the section's own executor added to the plenary by name.
    let brought_action = session
        .actions
        .iter()
        .find(|a| a.section.is_some())
        .unwrap();
    assert_eq!(brought_action.decision, Some(brought_decision.id));
    let guest = session
        .participants
        .iter()
        .find(|p| p.name == "Гость Секции")
        .unwrap();
    assert_eq!(
        brought_action.owners,
        [guest.id, plenary.participants[0].id]
    );
    // Similar titles from different sections are flagged, not joined.
    let other = session
        .alternatives
        .iter()
        .find(|a| a.title == "Молодёжный совет при главе")
        .unwrap();
    let pair = [council.id.0.min(other.id.0), council.id.0.max(other.id.0)];
    assert_eq!(report.similar, [pair]);
    // No ballots were copied.
    assert!(session.votes.is_empty());
}

#[test]
fn bringing_the_same_sections_in_twice_gives_the_same_bytes_and_the_order_of_files_does_not_matter()
{
    let (plenary, sections) = forum(ForumSize {
        sections: 3,
        alternatives: 8,
        participants: 12,
        groups: 3,
        ballots: 7,
    });
    let files: Vec<SectionFile> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| file(&format!("s{i}"), s))
        .collect();
    let (once, report) = merged(&plenary, &files, DEFAULT_TOP);
    assert!(report.added > 0);
    let (twice, again) = merged(&once, &files, DEFAULT_TOP);
    assert_eq!(
        (again.added, again.updated),
        (0, 0),
        "nothing new the second time"
    );
    assert_eq!(
        to_ron_string(&twice).unwrap(),
        to_ron_string(&once).unwrap()
    );

    let mut reversed = files.clone();
    reversed.reverse();
    reversed.rotate_left(1);
    let (other_order, _) = merged(&plenary, &reversed, DEFAULT_TOP);
    assert_eq!(
        to_ron_string(&other_order).unwrap(),
        to_ron_string(&once).unwrap()
    );
}

#[test]
fn a_section_that_reran_its_vote_updates_what_came_from_it() {
    let plenary = plenary();
    let mut youth = section(
        &plenary,
        "Молодёжь",
        &["Совет", "Форум", "Клуб"],
        &[&[0], &[1], &[2]],
    );
    let (first, _) = merged(&plenary, &[file("youth", &youth)], 1);
    assert_eq!(first.alternatives.len(), 1);
    // The section votes again: «Клуб» wins now, and «Совет» gets a better description.
    let ids: Vec<AlternativeId> = youth.alternatives.iter().map(|a| a.id).collect();
    close_vote(&mut youth, &ids, &[&[2], &[0], &[1]], 5);
    youth.alternatives[0].description = "Новое описание".into();
    let (second, report) = merged(&first, &[file("youth", &youth)], 1);
    assert_eq!(report.added, 1, "the new winner comes in");
    assert_eq!(report.updated, 1, "the earlier one is brought up to date");
    assert_eq!(second.alternatives.len(), 2);
    let council = second
        .alternatives
        .iter()
        .find(|a| a.title == "Совет")
        .unwrap();
    assert_eq!(council.id, first.alternatives[0].id, "the same alternative");
    assert_eq!(
        council.description, "Описание: Совет",
        "not among the first: kept"
    );
    let place = council.origins[0].place.unwrap();
    assert_eq!(
        (place.place, place.of),
        (2, 3),
        "its provenance is up to date"
    );
    let record = second.section_record(&youth.meta.id).unwrap();
    assert_eq!(record.vote.as_ref().unwrap().ballots, 5);
    // Again with top 2: «Совет» is brought again and its description now updated.
    let (third, report) = merged(&second, &[file("youth", &youth)], 2);
    assert_eq!((report.added, report.updated), (0, 1));
    let council = third
        .alternatives
        .iter()
        .find(|a| a.title == "Совет")
        .unwrap();
    assert_eq!(council.description, "Новое описание");
}

#[test]
fn a_groups_changed_position_alone_updates_its_alternative() {
    let plenary = plenary();
    let mut youth = section(&plenary, "Молодёжь", &["Совет"], &[&[0]]);
    let (first, _) = merged(&plenary, &[file("youth", &youth)], 5);
    youth.positions[1].stance = Stance::StronglyAgainst;
    youth.positions[1].interests = "Передумали".into();
    let (second, report) = merged(&first, &[file("youth", &youth)], 5);
    assert_eq!((report.added, report.updated), (0, 1));
    let group = youth.positions[1].group;
    let position = second
        .positions
        .iter()
        .find(|p| p.group == group && p.alternative == second.alternatives[0].id)
        .unwrap();
    assert_eq!(position.stance, Stance::StronglyAgainst);
    assert_eq!(position.round, 1);
}

#[test]
fn refusals_merge_nothing() {
    let plenary = plenary();
    let youth = section(&plenary, "Молодёжь", &["Совет"], &[&[0]]);
    let mut other_plenary = plenary.clone();
    other_plenary.meta.id = SessionId::derived(b"another plenary");
    let stranger = section(&other_plenary, "Чужая", &["Идея"], &[&[0]]);
    let refuse = |files: &[SectionFile]| plan_merge(&plenary, files, 5).unwrap_err();

    assert!(matches!(
        refuse(&[file("youth", &youth), file("stranger", &stranger)]),
        MergeRefusal::OtherPlenary { file, section, .. } if file == "stranger.ron" && section == "Чужая"
    ));
    assert_eq!(
        refuse(&[file("plenary", &plenary)]),
        MergeRefusal::IsThePlenary {
            file: "plenary.ron".into()
        }
    );
    let mut plain = Session::new("Другое");
    plain.meta.id = SessionId::derived(b"plain");
    assert!(matches!(
        refuse(&[file("plain", &plain)]),
        MergeRefusal::NotASection { .. }
    ));
    assert!(matches!(
        refuse(&[file("a", &youth), file("b", &youth)]),
        MergeRefusal::SameSection { first, second, .. } if first == "a.ron" && second == "b.ron"
    ));
    let namesake = section(&plenary, "молодёжь", &["Другое"], &[&[0]]);
    assert!(matches!(
        refuse(&[file("a", &youth), file("b", &namesake)]),
        MergeRefusal::SameSection { .. }
    ));
    assert!(matches!(
        plan_merge(&youth, &[file("youth", &youth)], 5),
        Err(MergeRefusal::PlenaryIsSection(_))
    ));
}

#[test]
fn undoing_the_merge_gives_the_plenary_back_exactly() {
    let (plenary, sections) = forum(ForumSize {
        sections: 2,
        alternatives: 6,
        participants: 8,
        groups: 2,
        ballots: 5,
    });
    let files: Vec<SectionFile> = sections.iter().map(|s| file("s", s)).collect();
    let files: Vec<SectionFile> = files
        .into_iter()
        .enumerate()
        .map(|(i, f)| SectionFile {
            file: format!("{}{i}.ron", f.file),
            ..f
        })
        .collect();
    let plan = plan_merge(&plenary, &files, 3).unwrap();
    let mut session = plenary.clone();
    let applied = session.apply(plan.command).unwrap();
    assert_ne!(session, plenary);
    session.apply(applied.inverse).unwrap();
    assert_eq!(session.alternatives, plenary.alternatives);
    assert_eq!(session.sections, plenary.sections);
    assert_eq!(session.decisions, plenary.decisions);
    assert_eq!(session.positions, plenary.positions);
}

#[test]
fn combining_two_alternatives_keeps_both_and_undo_splits_them_again() {
    let plenary = plenary();
    let youth = section(&plenary, "Молодёжь", &["Молодёжный совет"], &[&[0]]);
    let roads = section(&plenary, "Дороги", &["Совет молодёжи"], &[&[0]]);
    let (mut session, report) =
        merged(&plenary, &[file("youth", &youth), file("roads", &roads)], 5);
    assert_eq!(report.similar.len(), 1, "{report:?}");
    let [a, b] = report.similar[0];
    let (into, from) = (AlternativeId(a), AlternativeId(b));
    let before = session.clone();
    let applied = session.apply(Command::Combine { into, from }).unwrap();
    let combined = session.alternative(into).unwrap();
    assert!(session.alternative(from).is_none());
    assert_eq!(combined.origins.len(), 2, "the provenance of both");
    assert!(combined.title.contains(" / "), "{}", combined.title);
    assert!(combined.description.contains("Описание: Совет молодёжи"));
    // Each group's positions on both: one position, both interests.
    let positions: Vec<&Position> = session
        .positions
        .iter()
        .filter(|p| p.alternative == into)
        .collect();
    assert_eq!(positions.len(), 2);
    assert!(positions.iter().all(|p| p.interests.lines().count() == 2));
    assert!(session.validate().is_empty(), "{:?}", session.validate());
    // Merging the sections again updates the combined alternative's provenance only.
    let plan = plan_merge(&session, &[file("youth", &youth), file("roads", &roads)], 5).unwrap();
    assert_eq!((plan.report.added, plan.report.updated), (0, 0));
    assert!(
        plan.report.similar.is_empty(),
        "combined: no longer flagged"
    );
    let mut again = session.clone();
    again.apply(plan.command).unwrap();
    assert_eq!(
        again, session,
        "the combined alternative and its positions stay as they are"
    );
    // A section whose group changed its stance: the combined alternative's positions are the
    // plenary's blend and stay; its provenance is brought up to date.
    let mut changed_youth = youth.clone();
    changed_youth.positions[0].stance = Stance::Against;
    changed_youth.alternatives[0].description = "Иначе".into();
    let plan = plan_merge(
        &session,
        &[file("youth", &changed_youth), file("roads", &roads)],
        5,
    )
    .unwrap();
    let mut again = session.clone();
    again.apply(plan.command).unwrap();
    assert_eq!(again.positions, session.positions);
    // Undo splits them again.
    session.apply(applied.inverse).unwrap();
    assert_eq!(session, before);
    // Refusals.
    assert!(
        session
            .apply(Command::Combine { into, from: into })
            .is_err()
    );
    assert!(
        session
            .apply(Command::Combine {
                into,
                from: AlternativeId(9999)
            })
            .is_err()
    );
}

#[test]
fn a_decision_the_plenary_adopted_is_left_as_it_is() {
    let plenary = plenary();
    let mut youth = section(&plenary, "Молодёжь", &["Совет"], &[&[0]]);
    let decision = stratboard_core::model::DecisionId(youth.allocate_id());
    youth.decisions.push(Decision {
        id: decision,
        statement: "Создать совет".into(),
        alternatives: vec![youth.alternatives[0].id],
        ..Default::default()
    });
    let (mut session, _) = merged(&plenary, &[file("youth", &youth)], 5);
    let mut adopted = session.decisions[0].clone();
    adopted.statement = "Создать совет при главе района".into();
    if let Some(from) = adopted.section.as_mut() {
        from.adopted = true;
    }
    session
        .apply(Command::Update(Item::Decision(adopted.clone())))
        .unwrap();
    youth.decisions[0].statement = "Создать совет (изменено)".into();
    let (again, report) = merged(&session, &[file("youth", &youth)], 5);
    assert_eq!(
        report.updated, 1,
        "only the alternative's provenance cites the new text"
    );
    assert_eq!(again.decisions, [adopted]);
    assert_eq!(
        again.alternatives[0].origins[0].decisions,
        ["Создать совет (изменено)"]
    );
}

#[test]
fn the_next_plenary_carries_its_own_items_and_the_adopted_ones_but_not_the_sections_others() {
    let (plenary, sections) = forum(ForumSize {
        sections: 2,
        alternatives: 3,
        participants: 6,
        groups: 2,
        ballots: 3,
    });
    let files: Vec<SectionFile> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| file(&format!("s{i}"), s))
        .collect();
    let (mut merged, _) = merged(&plenary, &files, 2);
    let first = merged.decisions[0].id;
    let adopt = stratboard_core::sections::adopt_decision(&merged, first).unwrap();
    merged.apply(adopt).unwrap();
    let next = Session::continue_from(&merged, "Следующее заседание".into(), None);
    assert_eq!(
        next.actions.len(),
        2,
        "the adopted decision's two items only"
    );
    assert!(next.actions.iter().all(|a| a.section.is_none()));
    assert!(next.validate().is_empty(), "{:?}", next.validate());
}

#[test]
fn similar_titles_ignore_endings_and_little_words() {
    assert!(similar_titles(
        "Создать молодёжный совет",
        "Молодежный совет"
    ));
    assert!(!similar_titles("Молодёжный совет", "Ремонт дорог"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random sections — any number of alternatives, hidden ones, adopted ones, executors of
    /// their own, any ranking — merge into a plenary whose every reference is valid, whose ids
    /// never collide, and which `check` passes; merging again adds nothing.
    #[test]
    fn random_sections_merge_into_a_valid_plenary(
        specs in prop::collection::vec(
            (
                prop::collection::vec((any::<bool>(), any::<bool>(), 0_u8..4), 0..7),
                1_usize..4,
                any::<bool>(),
            ),
            1..4,
        ),
        top in 1_usize..5,
    ) {
        let plenary = plenary();
        let mut files = Vec::new();
        for (s, (alternatives, own_people, vote)) in specs.iter().enumerate() {
            let name = format!("Секция {s}");
            let titles: Vec<String> =
                (0..alternatives.len()).map(|a| format!("Идея {} секции {s}", a + 1)).collect();
            let title_refs: Vec<&str> = titles.iter().map(String::as_str).collect();
            let mut section = section(&plenary, &name, &title_refs, &[]);
            let mut people = Vec::new();
            for p in 0..*own_people {
                let id = stratboard_core::model::ParticipantId(section.allocate_id());
                section.participants.push(Participant {
                    id,
                    name: format!("Свой участник {p}"),
                    ..Default::default()
                });
                people.push(id);
            }
            for (a, (hidden, adopted, score)) in alternatives.iter().enumerate() {
                section.alternatives[a].hidden = *hidden;
                if *adopted {
                    section.alternatives[a].status = AlternativeStatus::Adopted;
                }
                let _ = score;
            }
            let ids: Vec<AlternativeId> = section.alternatives.iter().map(|a| a.id).collect();
            if *vote && !ids.is_empty() {
                let mut order: Vec<usize> = (0..ids.len()).collect();
                order.sort_by_key(|i| (alternatives[*i].2, *i));
                let groups: Vec<Vec<usize>> = order.iter().map(|i| vec![*i]).collect();
                let refs: Vec<&[usize]> = groups.iter().map(Vec::as_slice).collect();
                close_vote(&mut section, &ids, &refs, 2);
            }
            let decision = stratboard_core::model::DecisionId(section.allocate_id());
            section.decisions.push(Decision {
                id: decision,
                statement: format!("Решение секции {s}"),
                alternatives: ids.iter().take(2).copied().collect(),
                ..Default::default()
            });
            let action = stratboard_core::model::ActionId(section.allocate_id());
            section.actions.push(ActionItem {
                id: action,
                what: format!("Поручение секции {s}"),
                owners: people.iter().copied().chain([plenary.participants[1].id]).collect(),
                decision: Some(decision),
                ..Default::default()
            });
            prop_assert!(section.validate().is_empty(), "{:?}", section.validate());
            files.push(file(&name, &section));
        }
        let plan = plan_merge(&plenary, &files, top).unwrap();
        let mut session = plenary.clone();
        session.apply(plan.command).unwrap();
        prop_assert!(session.validate().is_empty(), "{:?}", session.validate());
        prop_assert!(session.alternatives.iter().all(|a| !a.hidden));
        let text = to_ron_string(&session).unwrap();
        let reloaded = stratboard_core::storage::parse_session(text.as_bytes()).unwrap();
        prop_assert_eq!(&reloaded.session, &session);
        let again = plan_merge(&session, &files, top).unwrap();
        prop_assert_eq!((again.report.added, again.report.updated), (0, 0));
    }
}
