//! The protocol's attendance: «Присутствовали» (in the room, then remotely, by group, with late
//! arrivals and early departures), «Отсутствовали» (with proxies), «Приглашённые», the quorum
//! line and each vote's recorded attendance — golden Markdown and HTML in both languages, the
//! same text in DOCX and PDF — and «Участники» when nobody was registered.
//!
//! Times are written in a fixed zone (UTC+03:00), so the goldens do not depend on the machine.

#![allow(clippy::unwrap_used)]

use std::io::Read as _;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use stratboard_core::commands::{AttendanceOp, Command, Item, Outcome, VoteOp};
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Alternative, Anonymity, Choice, ConsentChoice, GroupId, Participant, ParticipantId, Presence,
    Proxy, QuorumCount, QuorumRule, Session, StakeholderGroup, Vote, VoteId, VoteMethod,
};
use stratboard_core::report::{self, Format, Zone};

mod common;

/// Moscow time: what the goldens are written in.
fn moscow() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(3 * 3600).unwrap())
}

/// 12 March 2026 at `hh:mm` UTC (Moscow is three hours ahead).
fn utc(hh: u32, mm: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 3, 12)
        .unwrap()
        .and_hms_opt(hh, mm, 0)
        .unwrap()
        .and_utc()
}

fn added(session: &mut Session, item: Item) -> u32 {
    match session.apply(Command::Add(item)).unwrap().outcome {
        Outcome::Added(reference) => match reference {
            stratboard_core::commands::ItemRef::Participant(id) => id.0,
            stratboard_core::commands::ItemRef::Group(id) => id.0,
            stratboard_core::commands::ItemRef::Alternative(id) => id.0,
            stratboard_core::commands::ItemRef::Vote(id) => id.0,
            other => panic!("unexpected {other:?}"),
        },
        other => panic!("not added: {other:?}"),
    }
}

fn person(
    session: &mut Session,
    name: &str,
    position: &str,
    group: Option<GroupId>,
    voting: bool,
) -> ParticipantId {
    ParticipantId(added(
        session,
        Item::Participant(Participant {
            name: name.into(),
            position: position.into(),
            group,
            voting,
            ..Participant::default()
        }),
    ))
}

fn mark(session: &mut Session, op: AttendanceOp) {
    session.apply(Command::Attendance(op)).unwrap();
}

fn arrive(session: &mut Session, who: ParticipantId, presence: Presence, at: DateTime<Utc>) {
    let at = Some(at);
    mark(
        session,
        AttendanceOp::Arrive {
            participant: who,
            presence,
            at,
        },
    );
}

fn vote(session: &mut Session, vote: VoteId, op: VoteOp) {
    session.apply(Command::Vote { vote, op }).unwrap();
}

fn cast(session: &mut Session, id: VoteId, voter: ParticipantId, holder: Option<ParticipantId>) {
    let op = VoteOp::Cast {
        round: 1,
        voter,
        holder,
        choice: Choice::Consent(ConsentChoice::For),
        seed: 0,
    };
    vote(session, id, op);
}

/// A council's session: seven voting members in two groups and two people without a vote.
/// Petrov, Sidorova (late, 10:25) and Smirnova (left at 12:40) in the room; Kuznetsov and
/// Volkov remotely; Ivanov absent, his vote by proxy to Petrov («№ 12»); Belov never
/// registered (absent too); the expert Orlova remotely and the secretary Zaitseva in the room
/// without a vote. The quorum is more than half; one consent vote closed at 11:00, while
/// Smirnova was still there.
fn council() -> Session {
    let mut s = Session::new("Сессия городского совета");
    s.meta.start = NaiveDate::from_ymd_opt(2026, 3, 12);
    s.meta.organisation = "Дума города N".into();
    let deputies = GroupId(added(
        &mut s,
        Item::Group(StakeholderGroup {
            name: "Депутаты".into(),
            ..StakeholderGroup::default()
        }),
    ));
    let city = GroupId(added(
        &mut s,
        Item::Group(StakeholderGroup {
            name: "Администрация".into(),
            ..StakeholderGroup::default()
        }),
    ));
    let ivanov = person(&mut s, "Иванов Иван Иванович", "глава", Some(city), true);
    let petrov = person(
        &mut s,
        "Петров Пётр Петрович",
        "депутат",
        Some(deputies),
        true,
    );
    let sidorova = person(
        &mut s,
        "Сидорова Анна Сергеевна",
        "депутат",
        Some(deputies),
        true,
    );
    let kuznetsov = person(
        &mut s,
        "Кузнецов Олег Павлович",
        "депутат",
        Some(deputies),
        true,
    );
    let smirnova = person(
        &mut s,
        "Смирнова Елена Андреевна",
        "заместитель главы",
        Some(city),
        true,
    );
    let volkov = person(
        &mut s,
        "Волков Андрей Николаевич",
        "начальник отдела",
        Some(city),
        true,
    );
    let _belov = person(
        &mut s,
        "Белов Денис Игоревич",
        "депутат",
        Some(deputies),
        true,
    );
    let orlova = person(&mut s, "Орлова Мария Викторовна", "эксперт", None, false);
    let zaitseva = person(&mut s, "Зайцева Ольга Петровна", "секретарь", None, false);
    s.meta.secretary = Some(zaitseva);

    mark(
        &mut s,
        AttendanceOp::SetOpened {
            at: Some(utc(7, 0)),
        },
    );
    arrive(&mut s, petrov, Presence::InRoom, utc(6, 50));
    arrive(&mut s, smirnova, Presence::InRoom, utc(6, 52));
    arrive(&mut s, zaitseva, Presence::InRoom, utc(6, 40));
    arrive(&mut s, kuznetsov, Presence::Remote, utc(6, 58));
    arrive(&mut s, volkov, Presence::Remote, utc(6, 59));
    arrive(&mut s, orlova, Presence::Remote, utc(7, 5));
    arrive(&mut s, sidorova, Presence::InRoom, utc(7, 25));
    mark(
        &mut s,
        AttendanceOp::Absent {
            participant: ivanov,
        },
    );
    let proxy = Proxy {
        from: ivanov,
        to: petrov,
        note: "№ 12".into(),
    };
    mark(
        &mut s,
        AttendanceOp::SetProxy {
            from: ivanov,
            proxy: Some(proxy),
        },
    );
    mark(
        &mut s,
        AttendanceOp::SetRules {
            quorum: Some(QuorumRule::MoreThanHalf),
            max_proxies: 1,
        },
    );

    let park = added(
        &mut s,
        Item::Alternative(Alternative {
            title: "Благоустройство сквера".into(),
            ..Alternative::default()
        }),
    );
    let id = VoteId(added(
        &mut s,
        Item::Vote(Vote {
            question: "Включить сквер в программу благоустройства?".into(),
            alternatives: vec![stratboard_core::model::AlternativeId(park)],
            method: VoteMethod::Consent { allow_block: false },
            anonymity: Anonymity::Open,
            ..Vote::default()
        }),
    ));
    vote(&mut s, id, VoteOp::Open);
    for voter in [petrov, sidorova, kuznetsov, smirnova, volkov] {
        cast(&mut s, id, voter, None);
    }
    cast(&mut s, id, ivanov, Some(petrov));
    vote(&mut s, id, VoteOp::Close { at: utc(8, 0) });
    mark(
        &mut s,
        AttendanceOp::Leave {
            participant: smirnova,
            at: utc(9, 40),
        },
    );
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    s
}

fn text(session: &Session, format: Format, language: Language) -> String {
    String::from_utf8(report::export_in(session, format, language, moscow()).unwrap()).unwrap()
}

#[test]
fn the_registered_council_matches_the_golden_files() {
    let session = council();
    for (language, code) in [(Language::Russian, "ru"), (Language::English, "en")] {
        insta::assert_snapshot!(
            format!("attendance_{code}_md"),
            text(&session, Format::Markdown, language)
        );
        insta::assert_snapshot!(
            format!("attendance_{code}_html"),
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
fn the_russian_protocol_says_who_was_present_absent_and_invited() {
    let md = text(&council(), Format::Markdown, Language::Russian);
    in_order(
        &md,
        &[
            "## Присутствовали",
            "**Кворум:** более половины членов с правом голоса (4 из 7); присутствует 4, по доверенности 1\u{a0}— кворум имеется",
            "Заседание открыто в 10:00 (время местное, UTC+03:00).",
            "3 человека",
            "**Депутаты (2)**",
            "- Петров Пётр Петрович, депутат",
            "- Сидорова Анна Сергеевна, депутат (прибытие в 10:25)",
            "**Администрация (1)**",
            "- Смирнова Елена Андреевна, заместитель главы (убытие в 12:40)",
            "### Присутствовали дистанционно",
            "2 человека",
            "- Кузнецов Олег Павлович, депутат",
            "- Волков Андрей Николаевич, начальник отдела",
            "## Отсутствовали",
            "2 человека",
            "- Иванов Иван Иванович, глава\u{a0}— голос передан по доверенности: Петров Пётр Петрович (№ 12)",
            "- Белов Денис Игоревич, депутат",
            "## Приглашённые",
            "2 человека",
            "- Орлова Мария Викторовна, эксперт (дистанционно, прибытие в 10:05)",
            "- Зайцева Ольга Петровна, секретарь",
            "## Голосования",
            "Присутствовало членов с правом голоса: 5 из 7, по доверенности 1, кворум имеется",
        ],
    );
    assert!(!md.contains("## Участники"));
    // Arrivals before the opening are not late.
    assert!(!md.contains("прибытие в 09:50"));
}

#[test]
fn the_english_minutes_say_the_same() {
    let md = text(&council(), Format::Markdown, Language::English);
    in_order(
        &md,
        &[
            "## Present",
            "**Quorum:** more than half of the voting members (4 of 7); present 4, by proxy 1\u{a0}— quorum met",
            "The session was opened at 10:00 (local time, UTC+03:00).",
            "(arrived at 10:25)",
            "(left at 12:40)",
            "### Present remotely",
            "## Absent",
            "by proxy to Петров Пётр Петрович (№ 12)",
            "## Invited (without a vote)",
            "(remotely, arrived at 10:05)",
            "Voting members present: 5 of 7, by proxy 1, quorum met",
        ],
    );
}

#[test]
fn a_vote_without_a_quorum_says_so_and_without_a_rule_gives_only_the_count() {
    let mut session = council();
    let round = &mut session.votes[0].rounds[0];
    round.attendance = Some(QuorumCount {
        members: 25,
        present: 12,
        by_proxy: 0,
        rule: Some(QuorumRule::TwoThirds),
        needed: 17,
    });
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("Присутствовало членов с правом голоса: 12 из 25, кворума нет\n"));
    let en = text(&session, Format::Markdown, Language::English);
    assert!(en.contains("Voting members present: 12 of 25, no quorum\n"));
    session.votes[0].rounds[0].attendance = Some(QuorumCount {
        members: 25,
        present: 17,
        by_proxy: 0,
        rule: None,
        needed: 0,
    });
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("Присутствовало членов с правом голоса: 17 из 25\n"));
}

#[test]
fn the_quorum_line_follows_the_rule_and_is_absent_without_one() {
    let mut session = council();
    session.attendance.quorum = Some(QuorumRule::AtLeast(6));
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains(
        "**Кворум:** не менее 6 членов с правом голоса (из 7); присутствует 4, по доверенности 1\u{a0}— кворума нет"
    ));
    session.attendance.quorum = Some(QuorumRule::AtLeast(1));
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("не менее 1 члена с правом голоса (из 7)"));
    session.attendance.quorum = Some(QuorumRule::TwoThirds);
    let en = text(&session, Format::Markdown, Language::English);
    assert!(en.contains(
        "**Quorum:** at least two thirds of the voting members (5 of 7); present 4, by proxy 1\u{a0}— quorum met"
    ));
    session.attendance.quorum = None;
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(!md.contains("Кворум:"));
    assert!(md.contains("## Присутствовали"));
}

#[test]
fn without_the_opening_only_departures_carry_a_time_and_the_zone_is_named() {
    let mut session = council();
    session.attendance.opened = None;
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("Время указано местное (UTC+03:00)."), "{md}");
    assert!(!md.contains("прибытие в"));
    assert!(md.contains("(убытие в 12:40)"));
}

#[test]
fn a_time_on_another_day_shows_its_date() {
    let mut session = council();
    let smirnova = session
        .participants
        .iter()
        .find(|p| p.name.starts_with("Смирнова"))
        .unwrap()
        .id;
    let mut registration = *session.attendance.registration(smirnova).unwrap();
    registration.left = Some(utc(9, 40) + chrono::Duration::days(1));
    session
        .attendance
        .set_registration(smirnova, Some(registration));
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("(убытие в 13 марта 2026 г., 12:40)"), "{md}");
}

#[test]
fn a_session_nobody_registered_lists_its_participants_and_states_no_presence() {
    let mut session = council();
    session.attendance = Default::default();
    for round in session.votes.iter_mut().flat_map(|v| v.rounds.iter_mut()) {
        round.attendance = None;
    }
    let md = text(&session, Format::Markdown, Language::Russian);
    in_order(
        &md,
        &[
            "## Участники",
            "9 человек",
            "**Депутаты (4)**",
            "**Администрация (3)**",
            "**Вне групп заинтересованных сторон (2)**",
        ],
    );
    for word in [
        "Присутствовали",
        "Отсутствовали",
        "Приглашённые",
        "Кворум",
        "Присутствовало",
    ] {
        assert!(!md.contains(word), "{word} in:\n{md}");
    }
    let en = text(&session, Format::Markdown, Language::English);
    assert!(en.contains("## Participants\n"));
    assert!(!en.contains("## Present"));
}

fn docx_document(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name("word/document.xml").unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_and_pdf_carry_the_attendance() {
    let session = council();
    let docx = report::export_in(&session, Format::Docx, Language::Russian, moscow()).unwrap();
    let xml = docx_document(&docx);
    for part in [
        "Присутствовали дистанционно",
        "Отсутствовали",
        "Приглашённые",
        "голос передан по доверенности: Петров Пётр Петрович (№ 12)",
        "Присутствовало членов с правом голоса: 5 из 7, по доверенности 1, кворум имеется",
    ] {
        assert!(xml.contains(part), "{part}");
    }
    let pdf = report::export_in(&session, Format::Pdf, Language::Russian, moscow()).unwrap();
    let Some(extracted) = common::pdftotext(&pdf) else {
        return;
    };
    let extracted = common::words(&extracted);
    for part in [
        "ПРИСУТСТВОВАЛИ ДИСТАНЦИОННО",
        "ОТСУТСТВОВАЛИ",
        "ПРИГЛАШЁННЫЕ",
        "голос передан по доверенности: Петров Пётр Петрович (№ 12)",
        "(прибытие в 10:25)",
        "кворум имеется",
    ] {
        let part = common::words(part);
        let found =
            extracted.contains(&part) || extracted.to_lowercase().contains(&part.to_lowercase());
        assert!(found, "{part} not in:\n{extracted}");
    }
}

#[test]
fn csv_is_unchanged_by_registration() {
    let session = council();
    let mut plain = session.clone();
    plain.attendance = Default::default();
    assert_eq!(
        text(&session, Format::Csv, Language::Russian),
        text(&plain, Format::Csv, Language::Russian)
    );
}
