//! The protocol's plan sections (issue 26): the roadmap grouped by decision with overdue items
//! marked, the roles matrix, the target indicators, the risk register sorted by score and
//! «Контроль исполнения» of a follow-up session — golden Markdown and HTML in both languages,
//! the same text in DOCX and PDF. "Today" is the session's date (15 June 2018).

#![allow(clippy::unwrap_used)]

use std::io::Read as _;

use chrono::{FixedOffset, NaiveDate};
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    ActionId, ActionItem, ActionStatus, Alternative, AlternativeId, AlternativeStatus, CarriedOver,
    Decision, DecisionId, Goal, GoalId, GroupId, Indicator, IndicatorId, Participant,
    ParticipantId, Position, PositionId, ProgressReport, Risk, Session, StakeholderGroup, Stance,
    Value, YearValue,
};
use stratboard_core::report::{self, Format, Zone};

mod common;

fn moscow() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(3 * 3600).unwrap())
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, m, d).unwrap()
}

fn year(year: i32, value: f64) -> YearValue {
    YearValue {
        year,
        value: Value(value),
    }
}

const IVANOV: ParticipantId = ParticipantId(1);
const PETROVA: ParticipantId = ParticipantId(2);
const TOS_GROUP: GroupId = GroupId(3);
const GOAL: GoalId = GoalId(4);
const TOS: IndicatorId = IndicatorId(5);
const GRANTS: IndicatorId = IndicatorId(6);
const ALTERNATIVE: AlternativeId = AlternativeId(7);
const DECISION: DecisionId = DecisionId(8);

fn people(s: &mut Session) {
    for (id, name, position) in [
        (IVANOV, "Иванов Иван Иванович", "заместитель губернатора"),
        (PETROVA, "Петрова Анна Сергеевна", "начальник отдела"),
    ] {
        s.participants.push(Participant {
            id,
            name: name.into(),
            position: position.into(),
            ..Participant::default()
        });
    }
    s.stakeholder_groups.push(StakeholderGroup {
        id: TOS_GROUP,
        name: "Совет ТОС".into(),
        ..StakeholderGroup::default()
    });
}

fn goal() -> Goal {
    Goal {
        id: GOAL,
        title: "Развитие ТОС".into(),
        indicators: vec![
            Indicator {
                id: TOS,
                name: "Число ТОС в области".into(),
                unit: "ед.".into(),
                higher_is_better: true,
                baseline: Some(year(2017, 420.0)),
                targets: vec![year(2018, 480.0), year(2019, 550.0)],
                actuals: vec![year(2018, 455.0)],
                source: "Реестр ТОС".into(),
                responsible: Some(IVANOV),
            },
            Indicator {
                id: GRANTS,
                name: "Доля ТОС с грантами".into(),
                unit: "%".into(),
                higher_is_better: true,
                baseline: Some(year(2017, 12.5)),
                targets: vec![year(2018, 20.0)],
                ..Indicator::default()
            },
        ],
        ..Goal::default()
    }
}

fn risk(description: &str, probability: u8, impact: u8, response: &str) -> Risk {
    Risk {
        description: description.into(),
        probability,
        impact,
        response: response.into(),
        owner: Some(PETROVA),
    }
}

fn decisions(s: &mut Session) {
    s.alternatives.push(Alternative {
        id: ALTERNATIVE,
        title: "Областной конкурс проектов ТОС".into(),
        status: AlternativeStatus::Adopted,
        goals: vec![GOAL],
        risks: vec![risk("Мало заявок из районов", 3, 3, "Семинары в районах")],
        ..Alternative::default()
    });
    s.positions.push(Position {
        id: PositionId(9),
        group: TOS_GROUP,
        alternative: ALTERNATIVE,
        stance: Stance::For,
        interests: "Гранты на благоустройство".into(),
        round: 1,
    });
    s.decisions.push(Decision {
        id: DECISION,
        statement: "Провести областной конкурс проектов ТОС".into(),
        alternatives: vec![ALTERNATIVE],
        decided_on: Some(day(1, 10)),
        risks: vec![risk("Не выделят средства", 4, 5, "Заявка в бюджет")],
        ..Decision::default()
    });
}

fn carried() -> Option<CarriedOver> {
    Some(CarriedOver {
        session: "Поддержка ТОС".into(),
        date: Some(day(1, 10)),
    })
}

fn actions(s: &mut Session) {
    s.actions.push(ActionItem {
        id: ActionId(10),
        what: "Утвердить положение о конкурсе".into(),
        owners: vec![IVANOV, PETROVA],
        start: Some(day(1, 15)),
        due: Some(day(3, 1)),
        expected_result: "Положение утверждено".into(),
        status: ActionStatus::Done,
        decision: Some(DECISION),
        reports: vec![ProgressReport {
            date: day(2, 20),
            text: "Утверждено постановлением".into(),
            progress: 100,
        }],
        carried_over: carried(),
        ..ActionItem::default()
    });
    s.actions.push(ActionItem {
        id: ActionId(11),
        what: "Провести конкурс".into(),
        owners: vec![PETROVA],
        co_groups: vec![TOS_GROUP],
        start: Some(day(3, 1)),
        due: Some(day(6, 1)),
        expected_result: "Не менее 60 заявок".into(),
        indicators: vec![TOS],
        progress: 60,
        status: ActionStatus::InProgress,
        decision: Some(DECISION),
        reports: vec![ProgressReport {
            date: day(5, 20),
            text: "Принято 38 заявок".into(),
            progress: 60,
        }],
        carried_over: carried(),
        section: None,
    });
    s.actions.push(ActionItem {
        id: ActionId(12),
        what: "Подготовить отчёт губернатору".into(),
        owners: vec![IVANOV],
        start: Some(day(6, 15)),
        due: Some(day(9, 1)),
        ..ActionItem::default()
    });
}

/// The follow-up session of 15 June 2018: a goal with two indicators, an adopted
/// alternative and a decision with risks, two carried items (one done on time, one two weeks
/// late) and a new one.
fn follow_up() -> Session {
    let mut s = Session::new("Поддержка ТОС: контроль исполнения");
    s.meta.start = Some(day(6, 15));
    people(&mut s);
    s.goals.push(goal());
    decisions(&mut s);
    actions(&mut s);
    s.repair_next_id();
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn text(session: &Session, format: Format, language: Language) -> String {
    String::from_utf8(report::export_in(session, format, language, moscow()).unwrap()).unwrap()
}

#[test]
fn the_follow_up_session_matches_the_golden_files() {
    let session = follow_up();
    for (language, code) in [(Language::Russian, "ru"), (Language::English, "en")] {
        insta::assert_snapshot!(
            format!("plan_{code}_md"),
            text(&session, Format::Markdown, language)
        );
        insta::assert_snapshot!(
            format!("plan_{code}_html"),
            text(&session, Format::Html, language)
        );
    }
}

/// The parts in the order the protocol has them.
#[track_caller]
fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` missing or out of order in:\n{text}"));
        from += at + part.len();
    }
}

#[test]
fn the_sections_come_in_order_with_late_items_and_risks_by_score() {
    let md = text(&follow_up(), Format::Markdown, Language::Russian);
    in_order(
        &md,
        &[
            "## Целевые показатели",
            "Число ТОС в области",
            "480 / 455",
            "в пределах 10 % (2018)",
            "Доля ТОС с грантами",
            "12,5 (2017)",
            "## Реестр рисков",
            "Не выделят средства",
            "| 20 |",
            "Мало заявок из районов",
            "| 9 |",
            "## План мероприятий (дорожная карта)",
            "Во исполнение решения 1",
            "Провести конкурс",
            "Совет ТОС",
            "просрочено на 14 дней",
            "## Распределение ролей",
            "## Контроль исполнения",
            "выполнено: 1, из них в срок: 1 (50 % перенесённых); просрочено: 1.",
            "### Выполнено",
            "### Просрочено",
            "просрочено на 14 дней",
            "Принято 38 заявок",
            "### Показатели: факт и план",
        ],
    );
    assert!(!md.contains("## План действий (поручения)"));
}

#[test]
fn the_html_draws_the_timeline_with_today_and_the_overdue_bar() {
    let html = text(&follow_up(), Format::Html, Language::Russian);
    let svg = &html[html.find("<figure class=\"timeline\">").unwrap()..];
    let svg = &svg[..svg.find("</figure>").unwrap()];
    assert_eq!(svg.matches("<g><title>").count(), 3, "{svg}");
    assert!(svg.contains("<title>2. Провести конкурс</title>"));
    assert!(
        svg.contains("stroke=\"#d55e00\" stroke-width=\"2\""),
        "the late bar is outlined"
    );
    assert!(
        svg.contains(">15 июня 2018 г.</text>"),
        "today's line is labelled"
    );
    assert!(svg.contains(">01.2018</text>"), "the scale is labelled");
}

#[test]
fn an_old_session_gets_none_of_the_new_sections() {
    let mut session = follow_up();
    for action in &mut session.actions {
        *action = ActionItem {
            id: action.id,
            what: action.what.clone(),
            owners: action.owners.clone(),
            due: action.due,
            status: action.status,
            decision: action.decision,
            ..ActionItem::default()
        };
    }
    session.goals[0].indicators.clear();
    session.decisions[0].risks.clear();
    session.alternatives[0].risks.clear();
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("## План действий (поручения)"), "{md}");
    for heading in [
        "Целевые показатели",
        "Реестр рисков",
        "дорожная карта",
        "Распределение ролей",
        "Контроль исполнения",
    ] {
        assert!(!md.contains(heading), "{heading} in:\n{md}");
    }
}

fn docx_document(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name("word/document.xml").unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_and_pdf_carry_the_plan_sections() {
    let session = follow_up();
    let docx = report::export_in(&session, Format::Docx, Language::Russian, moscow()).unwrap();
    let xml = docx_document(&docx);
    for part in [
        "План мероприятий (дорожная карта)",
        "Распределение ролей",
        "Целевые показатели",
        "Реестр рисков",
        "Контроль исполнения",
        "просрочено на 14 дней",
    ] {
        assert!(xml.contains(part), "{part}");
    }
    let pdf = report::export_in(&session, Format::Pdf, Language::Russian, moscow()).unwrap();
    if let Ok(dir) = std::env::var("STRATBOARD_SHOTS") {
        std::fs::write(format!("{dir}/exp/plan_ru.pdf"), &pdf).unwrap();
    }
    let Some(extracted) = common::pdftotext(&pdf) else {
        return;
    };
    let extracted = common::words(&extracted).to_lowercase();
    for part in [
        "дорожная карта",
        "распределение ролей",
        "целевые показатели",
        "реестр рисков",
        "контроль исполнения",
        "не выделят средства",
        "принято 38 заявок",
    ] {
        assert!(extracted.contains(part), "{part} not in:\n{extracted}");
    }
}

fn workbook(language: Language) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    use calamine::Reader as _;
    let bytes = report::export_in(&follow_up(), Format::Xlsx, language, moscow()).unwrap();
    if let Ok(dir) = std::env::var("STRATBOARD_SHOTS") {
        std::fs::write(format!("{dir}/exp/plan_{language:?}.xlsx"), &bytes).unwrap();
    }
    calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap()
}

fn row_texts(range: &calamine::Range<calamine::Data>, row: usize) -> Vec<String> {
    range
        .rows()
        .nth(row)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_workbook_has_the_plan_with_dates_and_overdue_rows_the_indicators_and_the_risks() {
    use calamine::{Data, Reader as _};
    let mut book = workbook(Language::Russian);
    assert_eq!(
        book.sheet_names(),
        ["План мероприятий", "Показатели", "Риски"]
    );
    let plan = book.worksheet_range("План мероприятий").unwrap();
    assert_eq!(
        row_texts(&plan, 0),
        [
            "№",
            "Мероприятие",
            "Решение",
            "Ответственный",
            "Соисполнители",
            "Начало",
            "Срок",
            "Ожидаемый результат",
            "Показатели",
            "Статус",
            "Исполнение, %",
            "Последний отчёт",
        ]
    );
    assert_eq!(plan.height(), 4);
    // Dates are dates: 1 June 2018 is Excel's day 43252.
    match plan.get((2, 6)).unwrap() {
        Data::DateTime(date) => assert_eq!(date.as_f64(), 43252.0),
        other => panic!("the due date is not a date: {other:?}"),
    }
    assert!(matches!(plan.get((1, 5)), Some(Data::DateTime(_))));
    let late = row_texts(&plan, 2);
    assert_eq!(
        late[1],
        "Провести конкурс (перенесено с сессии «Поддержка ТОС, 10 января 2018 г.»)"
    );
    assert_eq!(late[4], "Совет ТОС");
    assert_eq!(late[8], "Число ТОС в области");
    assert_eq!(late[9], "В работе; просрочено на 14 дней");
    assert_eq!(late[10], "60");
    assert_eq!(late[11], "20 мая 2018 г. — Принято 38 заявок (60 %)");
    // The overdue row is filled; the others are not.
    let styles = book.worksheet_style("План мероприятий").unwrap();
    let fill = |row: u32, col: u32| {
        styles
            .get((row, col))
            .and_then(|style| style.fill.clone())
            .and_then(|fill| fill.foreground_color.or(fill.background_color))
            .map(|c| (c.red, c.green, c.blue))
    };
    for col in [0, 1, 6, 11] {
        assert_eq!(fill(2, col), Some((0xFF, 0xC7, 0xCE)), "column {col}");
        assert_ne!(fill(1, col), Some((0xFF, 0xC7, 0xCE)), "column {col}");
        assert_ne!(fill(3, col), Some((0xFF, 0xC7, 0xCE)), "column {col}");
    }
    let indicators = book.worksheet_range("Показатели").unwrap();
    let header = row_texts(&indicators, 0);
    assert_eq!(
        &header[..5],
        [
            "Показатель",
            "Цель",
            "Ед. изм.",
            "Базовый год",
            "Базовое значение"
        ]
    );
    assert_eq!(
        &header[5..9],
        ["План 2018", "Факт 2018", "План 2019", "Факт 2019"]
    );
    assert_eq!(indicators.get((1, 6)), Some(&Data::Float(455.0)));
    assert_eq!(indicators.get((2, 4)), Some(&Data::Float(12.5)));
    let risks = book.worksheet_range("Риски").unwrap();
    assert_eq!(row_texts(&risks, 1)[1], "Не выделят средства");
    assert_eq!(risks.get((1, 5)), Some(&Data::Float(20.0)));
    assert_eq!(row_texts(&risks, 2)[1], "Мало заявок из районов");
}

#[test]
fn the_english_workbook_has_english_sheets_and_headers() {
    use calamine::Reader as _;
    let mut book = workbook(Language::English);
    assert_eq!(book.sheet_names(), ["Action plan", "Indicators", "Risks"]);
    let plan = book.worksheet_range("Action plan").unwrap();
    let header = row_texts(&plan, 0);
    assert_eq!(header[1], "Measure");
    assert_eq!(header[11], "Last report");
    assert_eq!(row_texts(&plan, 2)[9], "In progress; overdue by 14 days");
}

#[test]
fn the_passport_of_the_adopted_initiative_has_its_goals_decisions_items_risks_and_positions() {
    use report::PassportFormat;
    let session = follow_up();
    let docx = report::export_passport(
        &session,
        ALTERNATIVE,
        PassportFormat::Docx,
        Language::Russian,
        moscow(),
    )
    .unwrap();
    let xml = docx_document(&docx);
    for part in [
        "ПАСПОРТ ИНИЦИАТИВЫ",
        "Цели и целевые показатели",
        "Число ТОС в области",
        "Провести областной конкурс проектов ТОС",
        "Совет ТОС",
        "Не выделят средства",
        "Мало заявок из районов",
        "Гранты на благоустройство",
    ] {
        assert!(xml.contains(part), "{part}");
    }
    // The item of no decision is not this initiative's.
    assert!(!xml.contains("Подготовить отчёт губернатору"));
    assert!(!xml.contains("Проект: альтернатива не принята"));
    let pdf = report::export_passport(
        &session,
        ALTERNATIVE,
        PassportFormat::Pdf,
        Language::Russian,
        moscow(),
    )
    .unwrap();
    if let Ok(dir) = std::env::var("STRATBOARD_SHOTS") {
        std::fs::write(format!("{dir}/exp/passport_ru.pdf"), &pdf).unwrap();
    }
    let Some(extracted) = common::pdftotext(&pdf) else {
        return;
    };
    assert!(
        extracted.matches('\u{c}').count() <= 2,
        "more than two pages"
    );
    let extracted = common::words(&extracted).to_lowercase();
    for part in [
        "паспорт инициативы",
        "«областной конкурс проектов тос»",
        "утвердить положение о конкурсе",
        "14 дней",
        "не выделят средства",
        "позиции заинтересованных сторон",
    ] {
        assert!(extracted.contains(part), "{part} not in:\n{extracted}");
    }
}

#[test]
fn a_passport_is_refused_for_an_unknown_or_hidden_alternative_and_marked_as_a_draft_when_not_adopted()
 {
    use report::{PassportFormat, passport::PassportError};
    let mut session = follow_up();
    let unknown = report::export_passport(
        &session,
        AlternativeId(99),
        PassportFormat::Pdf,
        Language::Russian,
        moscow(),
    );
    assert!(matches!(
        unknown,
        Err(report::ExportError::Passport(
            PassportError::NoSuchAlternative(99)
        ))
    ));
    session.alternatives[0].status = AlternativeStatus::Shortlisted;
    let doc = report::passport::build(&session, ALTERNATIVE, Language::English, moscow()).unwrap();
    let md = report::markdown::render(&doc);
    assert!(
        md.contains("Draft: the alternative is not adopted (status: shortlisted)."),
        "{md}"
    );
    session.alternatives[0].hidden = true;
    assert_eq!(
        report::passport::build(&session, ALTERNATIVE, Language::English, moscow()),
        Err(PassportError::Hidden(7))
    );
}

#[test]
fn the_plan_sheet_has_its_header_frozen_and_filtered() {
    let bytes = report::export_in(&follow_up(), Format::Xlsx, Language::Russian, moscow()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<autoFilter ref="A1:L4"/>"#), "{sheet}");
}
