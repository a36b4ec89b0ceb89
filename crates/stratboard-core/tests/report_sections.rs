//! The protocol of a plenary that brought sections in (issue 27): «Итоги работы секций» per
//! section (moderator, how many took part, its vote, what it brought, its decisions and their
//! action items), alternatives citing their sections (a combined one all of them), and «РЕШИЛИ»
//! holding the plenary's own decisions only — golden Markdown and HTML in both languages, the
//! same text in DOCX and PDF, and nothing of it in a session without sections.
//!
//! The forum is made by hand, as a region would hold it: a plenary and three sections
//! («Благоустройство», «Молодёжная политика», «Развитие ТОС»), each with a closed vote.

#![allow(clippy::unwrap_used)]

use std::io::Read as _;

use chrono::{FixedOffset, NaiveDate};
use stratboard_core::commands::Command;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    ActionId, ActionItem, Alternative, AlternativeId, AlternativeStatus, Ballot, Choice, Decision,
    DecisionId, Goal, GroupId, Participant, ParticipantId, Position, PositionId, Session,
    SessionId, StakeholderGroup, Stance, Vote, VoteId, VoteMethod, VoteRound, VoteStatus,
};
use stratboard_core::report::{self, Format, Zone};
use stratboard_core::sections::{SectionFile, adopt_decision, plan_merge};

mod common;

fn moscow() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(3 * 3600).unwrap())
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, m, d).unwrap()
}

const PEOPLE: [(&str, &str); 8] = [
    ("Иванов Иван Иванович", "заместитель губернатора"),
    (
        "Петрова Анна Сергеевна",
        "начальник отдела местного самоуправления",
    ),
    (
        "Сидоров Пётр Петрович",
        "глава Заречного сельского поселения",
    ),
    (
        "Кузнецова Мария Андреевна",
        "председатель комитета по делам молодёжи",
    ),
    (
        "Павлов Игорь Николаевич",
        "председатель совета ТОС «Рассвет»",
    ),
    (
        "Смирнова Ольга Викторовна",
        "глава Лесного городского поселения",
    ),
    ("Орлов Денис Сергеевич", "руководитель молодёжного центра"),
    ("Фёдорова Елена Павловна", "председатель ТОС «Южный»"),
];

/// The plenary before any section is brought in: the region's people in two groups, two
/// goals, a date, a chair and a secretary.
fn plenary() -> Session {
    let mut s = Session::new("Точки роста муниципальных образований");
    s.meta.id = SessionId::derived(b"plenary of the regional forum");
    s.meta.organisation = "Администрация Н-ской области".into();
    s.meta.venue = "г. Н-ск, Дом правительства, зал заседаний".into();
    s.meta.start = Some(day(6, 15));
    let groups: Vec<GroupId> = ["Органы местного самоуправления", "Общественность"]
        .iter()
        .map(|name| {
            let id = GroupId(s.allocate_id());
            s.stakeholder_groups.push(StakeholderGroup {
                id,
                name: (*name).into(),
                ..StakeholderGroup::default()
            });
            id
        })
        .collect();
    for (i, (name, position)) in PEOPLE.iter().enumerate() {
        let id = ParticipantId(s.allocate_id());
        s.participants.push(Participant {
            id,
            name: (*name).into(),
            position: (*position).into(),
            group: Some(groups[usize::from(i % 3 == 1)]),
            ..Participant::default()
        });
    }
    s.meta.facilitator = Some(s.participants[0].id);
    s.meta.secretary = Some(s.participants[1].id);
    for title in [
        "Вовлечение жителей в развитие поселений",
        "Комфортная среда в каждом поселении",
    ] {
        let id = stratboard_core::model::GoalId(s.allocate_id());
        s.goals.push(Goal {
            id,
            title: title.into(),
            ..Goal::default()
        });
    }
    s
}

fn person(s: &Session, name: &str) -> ParticipantId {
    s.participants.iter().find(|p| p.name == name).unwrap().id
}

/// Ballots of one voter each: `ranking` (tie groups of indexes into `ids`), `times` times.
fn ballots(ids: &[AlternativeId], rankings: &[(&[&[usize]], u32)]) -> Vec<Ballot> {
    let mut out = Vec::new();
    for (ranking, times) in rankings {
        let order: Vec<Vec<AlternativeId>> = ranking
            .iter()
            .map(|group| group.iter().map(|i| ids[*i]).collect())
            .collect();
        for _ in 0..*times {
            out.push(Ballot {
                voter: None,
                count: 1,
                choice: Choice::Ranking(order.clone()),
            });
        }
    }
    out
}

/// A closed ranked vote over `ids`.
fn close_vote(
    s: &mut Session,
    question: &str,
    method: VoteMethod,
    ids: &[AlternativeId],
    rankings: &[(&[&[usize]], u32)],
) -> VoteId {
    let id = VoteId(s.allocate_id());
    s.votes.push(Vote {
        id,
        question: question.into(),
        alternatives: ids.to_vec(),
        method,
        status: VoteStatus::Closed,
        rounds: vec![VoteRound {
            number: 1,
            ballots: ballots(ids, rankings),
            ..VoteRound::default()
        }],
        ..Vote::default()
    });
    id
}

/// A section with its alternatives (each group's position on each) and a closed vote.
fn section(
    plenary: &Session,
    name: &str,
    moderator: &str,
    titles: &[(&str, &str)],
    interests: [&str; 2],
    method: VoteMethod,
    rankings: &[(&[&[usize]], u32)],
) -> (Session, Vec<AlternativeId>) {
    let mut s = plenary.section_of(name, Some(moderator), false).unwrap();
    s.meta.id = SessionId::derived(name.as_bytes());
    let goal = s.goals[0].id;
    let mut ids = Vec::new();
    for (title, description) in titles {
        let id = AlternativeId(s.allocate_id());
        ids.push(id);
        s.alternatives.push(Alternative {
            id,
            title: (*title).into(),
            description: (*description).into(),
            goals: vec![goal],
            ..Alternative::default()
        });
        for (g, group) in s.stakeholder_groups.clone().iter().enumerate() {
            let position = Position {
                id: PositionId(s.allocate_id()),
                group: group.id,
                alternative: id,
                stance: if g == 0 { Stance::For } else { Stance::Neutral },
                interests: interests[g.min(1)].into(),
                round: 1,
            };
            s.positions.push(position);
        }
    }
    close_vote(
        &mut s,
        "Какие предложения вынести на пленарное заседание?",
        method,
        &ids,
        rankings,
    );
    (s, ids)
}

/// A section's decision naming `alternatives`, with an action item when `action` is given.
fn decide(
    s: &mut Session,
    statement: &str,
    alternatives: Vec<AlternativeId>,
    action: Option<(&str, &str, NaiveDate)>,
) {
    let decision = DecisionId(s.allocate_id());
    s.decisions.push(Decision {
        id: decision,
        statement: statement.into(),
        alternatives,
        decided_on: Some(day(6, 15)),
        ..Decision::default()
    });
    if let Some((what, owner, due)) = action {
        let owner = person(s, owner);
        let id = ActionId(s.allocate_id());
        s.actions.push(ActionItem {
            id,
            what: what.into(),
            owners: vec![owner],
            due: Some(due),
            decision: Some(decision),
            ..ActionItem::default()
        });
    }
}

fn sections(plenary: &Session) -> Vec<Session> {
    let (mut yard, ids) = section(
        plenary,
        "Благоустройство",
        "Сидоров Пётр Петрович",
        &[
            (
                "Конкурс проектов благоустройства дворов",
                "Ежегодный областной конкурс с софинансированием из бюджета области.",
            ),
            (
                "Народный бюджет на благоустройство",
                "Жители сами выбирают объекты благоустройства на сходах.",
            ),
            (
                "Единые требования к детским площадкам",
                "Областной стандарт оснащения и содержания площадок.",
            ),
        ],
        [
            "Поселения готовы софинансировать работы",
            "Жители готовы выйти на субботники",
        ],
        VoteMethod::Borda,
        &[(&[&[0], &[1], &[2]], 7), (&[&[1], &[0], &[2]], 5)],
    );
    decide(
        &mut yard,
        "Рекомендовать пленарному заседанию поддержать конкурс проектов благоустройства дворов",
        vec![ids[0]],
        Some((
            "Подготовить проект положения о конкурсе",
            "Сидоров Пётр Петрович",
            day(9, 1),
        )),
    );

    let (mut youth, ids) = section(
        plenary,
        "Молодёжная политика",
        "Кузнецова Мария Андреевна",
        &[
            (
                "Молодёжный совет при главе поселения",
                "Совещательный орган из молодых жителей поселения.",
            ),
            (
                "Школа молодёжного актива",
                "Обучение лидеров молодёжных объединений.",
            ),
            (
                "Волонтёрский центр в каждом районе",
                "Единая точка сбора добровольцев.",
            ),
            (
                "Молодёжный туристический слёт",
                "Ежегодный слёт работающей молодёжи.",
            ),
        ],
        [
            "Нужны помещения для молодёжных объединений",
            "Молодёжь ждёт реального участия в решениях",
        ],
        VoteMethod::Schulze,
        &[
            (&[&[0], &[1, 2], &[3]], 6),
            (&[&[0], &[2], &[1], &[3]], 2),
            (&[&[0], &[1], &[2], &[3]], 2),
        ],
    );
    youth.alternatives[0].status = AlternativeStatus::Adopted;
    decide(
        &mut youth,
        "Провести областной форум молодёжных советов в IV квартале 2018 года",
        vec![ids[0]],
        Some((
            "Разработать программу форума молодёжных советов",
            "Кузнецова Мария Андреевна",
            day(10, 15),
        )),
    );

    let (mut tos, _) = section(
        plenary,
        "Развитие ТОС",
        "Павлов Игорь Николаевич",
        &[
            (
                "Ресурсный центр поддержки ТОС",
                "Консультации, обучение и помощь в подготовке заявок.",
            ),
            (
                "Народный бюджет для ТОС",
                "Часть средств поселения распределяют советы ТОС.",
            ),
            (
                "Конкурс малых грантов для ТОС",
                "Гранты до 300 тыс. рублей на проекты ТОС.",
            ),
        ],
        [
            "Поселениям нужна помощь в работе с ТОС",
            "Советы ТОС просят постоянной поддержки",
        ],
        VoteMethod::Borda,
        &[(&[&[0], &[1], &[2]], 5), (&[&[1], &[0], &[2]], 4)],
    );
    let owner = person(&tos, "Фёдорова Елена Павловна");
    let id = ActionId(tos.allocate_id());
    tos.actions.push(ActionItem {
        id,
        what: "Собрать предложения советов ТОС к положению о народном бюджете".into(),
        owners: vec![owner],
        due: Some(day(7, 31)),
        ..ActionItem::default()
    });
    vec![yard, youth, tos]
}

fn alternative_titled(s: &Session, title: &str) -> AlternativeId {
    s.alternatives
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no alternative {title}"))
        .id
}

/// The plenary with the three sections brought in (the first two of each vote), the two
/// «народный бюджет» combined, the first section's decision adopted, and the plenary's own
/// vote and decision.
fn merged() -> Session {
    let mut s = plenary();
    let files: Vec<SectionFile> = sections(&s)
        .into_iter()
        .map(|session| SectionFile {
            file: format!("{}.ron", session.meta.section.as_ref().unwrap().name),
            session,
        })
        .collect();
    let plan = plan_merge(&s, &files, 2).unwrap();
    s.apply(plan.command).unwrap();
    let into = alternative_titled(&s, "Народный бюджет на благоустройство");
    let from = alternative_titled(&s, "Народный бюджет для ТОС");
    s.apply(Command::Combine { into, from }).unwrap();
    let yard_decision = s
        .decisions
        .iter()
        .find(|d| d.statement.starts_with("Рекомендовать"))
        .unwrap()
        .id;
    s.apply(adopt_decision(&s, yard_decision).unwrap()).unwrap();

    let ids: Vec<AlternativeId> = s.alternatives.iter().map(|a| a.id).collect();
    let title = |id: AlternativeId| s.alternative(id).unwrap().title.clone();
    let index = |t: &str| ids.iter().position(|id| title(*id).starts_with(t)).unwrap();
    let (contest, budget, council, resource) = (
        index("Конкурс проектов"),
        index("Народный бюджет"),
        index("Молодёжный совет"),
        index("Ресурсный центр"),
    );
    let rest: Vec<usize> = (0..ids.len())
        .filter(|i| ![contest, budget, council, resource].contains(i))
        .collect();
    let (b, c, m, r) = ([budget], [contest], [council], [resource]);
    let first: Vec<&[usize]> = vec![&b, &c, &m, &r, &rest];
    let second: Vec<&[usize]> = vec![&c, &b, &r, &m, &rest];
    let vote = close_vote(
        &mut s,
        "Какие точки роста включить в стратегию развития области?",
        VoteMethod::Borda,
        &ids,
        &[(&first, 9), (&second, 6)],
    );
    for i in [budget, contest] {
        let mut adopted = s.alternatives[i].clone();
        adopted.status = AlternativeStatus::Adopted;
        s.apply(Command::Update(adopted.into())).unwrap();
    }
    let decision = DecisionId(s.allocate_id());
    let chair = s.participants[0].id;
    s.decisions.push(Decision {
        id: decision,
        statement: "Включить в стратегию социально-экономического развития области \
                    народный бюджет и конкурс проектов благоустройства дворов"
            .into(),
        alternatives: vec![ids[budget], ids[contest]],
        vote: Some(vote),
        decided_on: Some(day(6, 15)),
        ..Decision::default()
    });
    let action = ActionId(s.allocate_id());
    s.actions.push(ActionItem {
        id: action,
        what: "Внести изменения в государственную программу развития местного самоуправления"
            .into(),
        owners: vec![chair],
        due: Some(day(12, 1)),
        decision: Some(decision),
        ..ActionItem::default()
    });
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn text(session: &Session, format: Format, language: Language) -> String {
    String::from_utf8(report::export_in(session, format, language, moscow()).unwrap()).unwrap()
}

#[test]
fn the_merged_plenarys_protocol_matches_the_golden_files() {
    let session = merged();
    for (language, code) in [(Language::Russian, "ru"), (Language::English, "en")] {
        insta::assert_snapshot!(
            format!("sections_{code}_md"),
            text(&session, Format::Markdown, language)
        );
        insta::assert_snapshot!(
            format!("sections_{code}_html"),
            text(&session, Format::Html, language)
        );
    }
}

/// The Markdown between the heading that starts with `from` and the next `## ` heading.
fn part<'a>(md: &'a str, from: &str) -> &'a str {
    let start = md.find(from).unwrap_or_else(|| panic!("no part {from}"));
    let rest = &md[start + from.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn the_sections_part_tells_each_section_in_order_of_names_before_the_alternatives() {
    let md = text(&merged(), Format::Markdown, Language::Russian);
    let results = part(&md, "## Итоги работы секций");
    let at = |needle: &str| {
        results
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} missing from:\n{results}"))
    };
    assert!(at("Секция «Благоустройство»") < at("Секция «Молодёжная политика»"));
    assert!(at("Секция «Молодёжная политика»") < at("Секция «Развитие ТОС»"));
    for needle in [
        "Модератор:** Кузнецова Мария Андреевна",
        "10 человек",
        "Метод Шульце",
        "10\u{a0}бюллетеней",
        "в бюллетене 4\u{a0}альтернативы",
        "2–3-е место из 4",
        "принята секцией",
        "Провести областной форум молодёжных советов",
        "принято пленарным заседанием как своё",
        "Разработать программу форума молодёжных советов — ответственный: Кузнецова Мария \
         Андреевна; срок: 15 октября 2018 г.",
        "Собрать предложения советов ТОС",
    ] {
        at(needle);
    }
    assert!(
        md.find("## Итоги работы секций").unwrap()
            < md.find("## Стратегические альтернативы").unwrap()
    );
}

#[test]
fn alternatives_cite_their_sections_and_a_combined_one_all_of_them() {
    let md = text(&merged(), Format::Markdown, Language::Russian);
    let alternatives = part(&md, "## Стратегические альтернативы");
    assert!(alternatives.contains("Из секции:** «Развитие ТОС» (модератор Павлов Игорь Николаевич) — 1-е место из 3, Метод Борда, 9 бюллетеней"));
    let votes = part(&md, "## Голосования");
    assert!(
        votes.contains(
            "Народный бюджет на благоустройство / Народный бюджет для ТОС (секции \
             «Благоустройство», «Развитие ТОС»)"
        ),
        "{votes}"
    );
    assert!(votes.contains("Ресурсный центр поддержки ТОС (секция «Развитие ТОС»)"));
    let decisions = part(&md, "## РЕШИЛИ");
    assert!(
        decisions.contains("Конкурс проектов благоустройства дворов (секция «Благоустройство»)")
    );
}

#[test]
fn resolved_lists_the_plenarys_own_decisions_and_the_sections_only_those_adopted() {
    let md = text(&merged(), Format::Markdown, Language::Russian);
    let decisions = part(&md, "## РЕШИЛИ");
    assert!(decisions.contains("Включить в стратегию социально-экономического развития"));
    assert!(decisions.contains("Рекомендовать пленарному заседанию поддержать конкурс"));
    assert!(decisions.contains("Предложено секцией:** «Благоустройство»"));
    assert!(
        !decisions.contains("форум молодёжных советов"),
        "{decisions}"
    );
    let plan = part(&md, "## План действий");
    assert!(
        plan.contains("Подготовить проект положения о конкурсе"),
        "adopted with its decision"
    );
    assert!(!plan.contains("Разработать программу форума"), "{plan}");
    assert!(!plan.contains("Собрать предложения советов ТОС"), "{plan}");
}

#[test]
fn a_session_without_sections_has_no_such_part_and_cites_no_section() {
    let session = plenary();
    for (language, heading) in [
        (Language::Russian, "Итоги работы секций"),
        (Language::English, "Results of the sections"),
    ] {
        let md = text(&session, Format::Markdown, language);
        assert!(!md.contains(heading));
        assert!(!md.contains("(секция") && !md.contains("(section"));
    }
    let sections = sections(&plenary());
    let md = text(&sections[0], Format::Markdown, Language::Russian);
    assert!(!md.contains("Итоги работы секций"), "a section itself");
}

#[test]
fn the_english_protocol_has_the_results_of_the_sections() {
    let md = text(&merged(), Format::Markdown, Language::English);
    let results = part(&md, "## Results of the sections");
    assert!(results.contains("Section “Благоустройство”"), "{results}");
    assert!(results.contains("2nd–3rd of 4"), "{results}");
    assert!(results.contains("adopted by the plenary as its own"));
    assert!(md.contains("(sections “Благоустройство”, “Развитие ТОС”)"));
}

fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name("word/document.xml").unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_and_pdf_carry_the_sections_part() {
    let session = merged();
    let docx = report::export_in(&session, Format::Docx, Language::Russian, moscow()).unwrap();
    let xml = docx_text(&docx);
    assert!(xml.contains("Итоги работы секций"));
    assert!(xml.contains("Секция «Молодёжная политика»"));
    let pdf = report::export_in(&session, Format::Pdf, Language::Russian, moscow()).unwrap();
    let Some(extracted) = common::pdftotext(&pdf) else {
        return;
    };
    let extracted = common::words(&extracted);
    assert!(
        extracted.contains("ИТОГИ РАБОТЫ СЕКЦИЙ") || extracted.contains("Итоги работы секций"),
        "{extracted}"
    );
    assert!(extracted.contains("Секция «Развитие ТОС»"), "{extracted}");
    assert!(extracted.contains("Провести областной форум молодёжных советов"));
}

#[test]
fn the_action_plans_workbook_holds_the_plenarys_own_action_items() {
    let bytes = report::export(&merged(), Format::Xlsx, Language::Russian).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    assert!(strings.contains("Подготовить проект положения о конкурсе"));
    assert!(strings.contains("Внести изменения в государственную программу"));
    assert!(
        !strings.contains("Разработать программу форума"),
        "not adopted"
    );
    assert!(
        !strings.contains("Собрать предложения советов ТОС"),
        "not adopted"
    );
}

#[test]
fn an_initiatives_passport_names_its_sections() {
    let session = merged();
    let budget = alternative_titled(
        &session,
        "Народный бюджет на благоустройство / Народный бюджет для ТОС",
    );
    let doc = report::passport::build(&session, budget, Language::Russian, moscow()).unwrap();
    let md = report::markdown::render(&doc);
    assert!(
        md.contains(
            "**Из секции:** «Благоустройство» (модератор Сидоров Пётр Петрович) — 2-е место из 3"
        ),
        "{md}"
    );
    assert!(md.contains("**Из секции:** «Развитие ТОС»"), "{md}");
    let council = alternative_titled(&session, "Молодёжный совет при главе поселения");
    let doc = report::passport::build(&session, council, Language::Russian, moscow()).unwrap();
    let md = report::markdown::render(&doc);
    assert!(md.contains("принята секцией"), "{md}");
    assert!(
        !md.contains("форум молодёжных советов"),
        "a section's decision the plenary did not adopt is not the initiative's: {md}"
    );
}
