//! `stratboard import-participants`, run as a user would: CSV with `,` and `;`, with and
//! without a BOM, XLSX and ODS, Russian and English headers, duplicates, empty rows, a bad
//! file (the session unchanged byte for byte) and `--dry-run` (nothing written).

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use stratboard_core::model::{GroupId, Participant, ParticipantId, Session, StakeholderGroup};
use stratboard_core::storage;

mod cli_common;

use cli_common::{assert_has, stderr, stdout, succeeded};

/// `stratboard import-participants` with `args`.
fn run(args: &[&Path]) -> Output {
    let mut all: Vec<&std::ffi::OsStr> = vec!["import-participants".as_ref()];
    all.extend(args.iter().map(|path| path.as_os_str()));
    cli_common::run(&all)
}

/// `stratboard import-participants SESSION LIST --sheet SHEET`.
fn run_on_sheet(session: &Path, list: &Path, sheet: &str) -> Output {
    run(&[session, list, Path::new("--sheet"), Path::new(sheet)])
}

/// A session with one group («Совет») and one person (Иванов Иван Иванович), saved in `dir`.
fn session_file(dir: &Path) -> PathBuf {
    let mut session = Session::new("Сессия");
    session.stakeholder_groups.push(StakeholderGroup {
        id: GroupId(1),
        name: "Совет".to_owned(),
        ..StakeholderGroup::default()
    });
    session.participants.push(Participant {
        id: ParticipantId(2),
        name: "Иванов Иван Иванович".to_owned(),
        group: Some(GroupId(1)),
        ..Participant::default()
    });
    session.next_id = 3;
    let path = dir.join("s.ron");
    storage::save(&path, &session, None).unwrap();
    path
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn loaded(path: &Path) -> Session {
    storage::load(path).unwrap().session
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/participants")
        .join(name)
}

const RUSSIAN: &str = "\
ФИО;Должность;Организация;Группа;Телефон
Петрова Анна Сергеевна;Председатель ТОС;ТОС «Заречье»;ТОС;+7 900 000-00-00
;;;;
ИВАНОВ  иван иванович;Глава;Администрация;совет;
Сидоров Пётр;Депутат;Дума;Совет;
петрова анна сергеевна;;;;
";

#[test]
fn russian_semicolon_csv_adds_people_and_groups_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let list = write(dir.path(), "список.csv", RUSSIAN.as_bytes());
    let output = run(&[&session, &list]);
    let out = succeeded(&output);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "added: row 2: Петрова Анна Сергеевна — ТОС (new)",
            "added: row 5: Сидоров Пётр — Совет",
            "created group: ТОС",
            "skipped: row 4: ИВАНОВ иван иванович (already in the session)",
            "skipped: row 6: петрова анна сергеевна (already in row 2)",
            "skipped empty rows: 3",
        ],
        "{out}"
    );
    assert_has(&stderr(&output), "2 participants added, 1 group created");
    let s = loaded(&session);
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Иванов Иван Иванович",
            "Петрова Анна Сергеевна",
            "Сидоров Пётр"
        ]
    );
    let anna = &s.participants[1];
    assert_eq!(anna.position, "Председатель ТОС");
    assert_eq!(anna.organisation, "ТОС «Заречье»");
    assert_eq!(anna.contact, "+7 900 000-00-00");
    let tos = s
        .stakeholder_groups
        .iter()
        .find(|g| g.name == "ТОС")
        .unwrap();
    assert_eq!(anna.group, Some(tos.id));
    assert_eq!(s.participants[2].group, Some(GroupId(1)));
    assert!(s.validate().is_empty());
    assert!(
        session.with_extension("ron.bak").exists(),
        "the old version is kept"
    );
}

#[test]
fn english_comma_csv_with_bom_and_without_gives_the_same_session() {
    let csv = "Surname,First name,Middle name,Job title,Organization,Stakeholder group,E-mail\n\
               Brown,Alice,,Director,\"Green, Trust\",Donors,alice@example.org\n";
    let mut results = Vec::new();
    for bom in ["", "\u{feff}"] {
        let dir = tempfile::tempdir().unwrap();
        let session = session_file(dir.path());
        let list = write(dir.path(), "people.csv", format!("{bom}{csv}").as_bytes());
        let output = run(&[&session, &list]);
        assert_has(
            &succeeded(&output),
            "added: row 2: Brown Alice — Donors (new)",
        );
        let s = loaded(&session);
        let alice = s.participants.last().unwrap().clone();
        assert_eq!(alice.organisation, "Green, Trust");
        assert_eq!(alice.contact, "alice@example.org");
        results.push((alice.name, alice.position, s.stakeholder_groups.len()));
    }
    assert_eq!(results[0], results[1]);
    assert_eq!(
        results[0],
        ("Brown Alice".to_owned(), "Director".to_owned(), 2)
    );
}

#[test]
fn xlsx_sheet_is_chosen_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let list = fixture("list.xlsx");
    // The first sheet holds notes only: refused, naming the sheet.
    let output = run(&[&session, &list]);
    assert_eq!(output.status.code(), Some(1));
    assert_has(
        &stdout(&output),
        "list.xlsx [Пояснения]: no column holds the names",
    );
    let output = run_on_sheet(&session, &list, "Участники");
    assert_has(
        &succeeded(&output),
        "added: row 4: Кузнецова Мария Павловна — Совет",
    );
    let s = loaded(&session);
    let maria = &s.participants[1];
    assert_eq!(maria.position, "Депутат");
    assert_eq!(
        maria.group,
        Some(GroupId(1)),
        "«Совет» is the session's group"
    );
    assert_eq!(maria.contact, "79161234567", "a phone typed as a number");
    // A sheet that is not there.
    let output = run_on_sheet(&session, &list, "Лист9");
    assert_eq!(output.status.code(), Some(1));
    assert_has(
        &stdout(&output),
        "there is no sheet “Лист9” (the sheets: Пояснения, Участники)",
    );
}

#[test]
fn ods_is_imported_with_its_empty_row_reported() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let output = run(&[&session, &fixture("list.ods")]);
    let out = succeeded(&output);
    assert_has(&out, "added: row 2: Brown Alice — Council (new)");
    assert_has(&out, "added: row 4: Green Bob — Donors (new)");
    assert_has(&out, "skipped empty rows: 3");
    assert_eq!(loaded(&session).participants.len(), 3);
}

#[test]
fn a_bad_file_is_refused_whole_and_the_session_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let before = fs::read(&session).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "missing.csv",
            "№,ФИО,Должность\n1,Орлов Олег,Глава\n2,,Депутат\n".as_bytes(),
            "missing.csv: row 3, column B: the name is missing",
        ),
        (
            "quote.csv",
            b"Name,Position\nA B,\"Director\n",
            "quote.csv: row 2: a quoted cell is never closed",
        ),
        (
            "noname.csv",
            "Должность;Примечание\nГлава;x\n".as_bytes(),
            "noname.csv: no column holds the names",
        ),
        (
            "old.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
            "old.xls: an old Excel .xls file",
        ),
    ];
    for (name, bytes, expected) in cases {
        let list = write(dir.path(), name, bytes);
        let output = run(&[&session, &list]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let out = stdout(&output);
        assert!(out.contains(expected), "{name}: {out}");
        assert!(
            out.contains(&dir.path().display().to_string()),
            "the file is named: {out}"
        );
        assert_has(&stderr(&output), "nothing imported");
        assert_eq!(fs::read(&session).unwrap(), before, "{name}: unchanged");
    }
    assert!(
        !session.with_extension("ron.bak").exists(),
        "nothing was saved"
    );
}

#[test]
fn unrecognised_headers_are_named_and_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let list = write(
        dir.path(),
        "l.csv",
        "Name,Remarks\nJane Roe,vegetarian\n".as_bytes(),
    );
    let output = run(&[&session, &list]);
    assert_has(
        &succeeded(&output),
        "column B: header “Remarks” not recognised; not imported",
    );
    assert_eq!(loaded(&session).participants[1].name, "Jane Roe");
}

#[test]
fn a_title_above_the_header_is_named_and_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let csv = "Список участников;;\n\nФИО;Должность;Группа\nОрлов Олег;Глава;Совет\n";
    let list = write(dir.path(), "l.csv", csv.as_bytes());
    let output = run(&[&session, &list]);
    let out = succeeded(&output);
    assert_has(&out, "the header is row 3; not imported above it: row 1");
    assert_has(&out, "added: row 4: Орлов Олег — Совет");
    // A CSV file has no sheet to choose.
    let output = run_on_sheet(&session, &list, "Лист1");
    assert_eq!(output.status.code(), Some(1));
    assert_has(&stdout(&output), "a CSV file has no sheets to choose from");
}

#[test]
fn dry_run_prints_what_would_be_added_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let before = fs::read(&session).unwrap();
    let list = write(dir.path(), "список.csv", RUSSIAN.as_bytes());
    let output = run(&[&session, &list, Path::new("--dry-run")]);
    let out = succeeded(&output);
    assert_has(&out, "would add: row 2: Петрова Анна Сергеевна — ТОС (new)");
    assert_has(&out, "would create group: ТОС");
    assert_has(&stderr(&output), "dry run");
    assert_eq!(fs::read(&session).unwrap(), before);
    assert!(!session.with_extension("ron.bak").exists());
}

#[test]
fn a_voting_column_sets_new_people_and_changes_those_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let list = write(
        dir.path(),
        "список.csv",
        "ФИО;Группа;Право голоса\n\
         Иванов Иван Иванович;Совет;нет\n\
         Орлова Мария;;-\n\
         Сидоров Пётр;Совет;ДА\n\
         Петров Олег;Совет;\n"
            .as_bytes(),
    );
    let output = run(&[&session, &list]);
    let out = succeeded(&output);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "added: row 3: Орлова Мария (no vote)",
            "added: row 4: Сидоров Пётр — Совет",
            "added: row 5: Петров Олег — Совет",
            "changed: row 2: Иванов Иван Иванович (participant 2) now has no vote",
            "skipped: row 2: Иванов Иван Иванович (already in the session)",
        ],
        "{out}"
    );
    assert_has(
        &stderr(&output),
        "3 participants added, 0 groups created, 1 duplicate and 0 empty rows skipped; 1 right to vote changed",
    );
    let flags: Vec<(String, bool)> = loaded(&session)
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.voting))
        .collect();
    assert_eq!(
        flags,
        [
            ("Иванов Иван Иванович".to_owned(), false),
            ("Орлова Мария".to_owned(), false),
            ("Сидоров Пётр".to_owned(), true),
            ("Петров Олег".to_owned(), true),
        ]
    );
}

#[test]
fn a_list_that_only_changes_a_right_to_vote_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let list = write(
        dir.path(),
        "list.csv",
        "Name,Vote\n\"Иванов Иван Иванович\",0\n".as_bytes(),
    );
    let output = run(&[&session, &list]);
    assert_eq!(
        succeeded(&output),
        "changed: row 2: Иванов Иван Иванович (participant 2) now has no vote\n\
         skipped: row 2: Иванов Иван Иванович (already in the session)\n"
    );
    assert_has(&stderr(&output), "; 1 right to vote changed");
    assert!(!loaded(&session).participants[0].voting);
    // Without the column, an import leaves the right to vote as it is.
    let list = write(
        dir.path(),
        "plain.csv",
        "ФИО\nИванов Иван Иванович\n".as_bytes(),
    );
    let output = run(&[&session, &list]);
    assert_has(&stderr(&output), "nobody new to add; not changed");
    assert!(!loaded(&session).participants[0].voting);
}

#[test]
fn a_bad_voting_value_is_refused_with_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_file(dir.path());
    let before = fs::read(&session).unwrap();
    let list = write(
        dir.path(),
        "list.csv",
        "ФИО;Должность;С правом голоса\nОрлова Мария;эксперт;может быть\n".as_bytes(),
    );
    let output = run(&[&session, &list]);
    assert_eq!(output.status.code(), Some(1));
    assert_has(
        &stdout(&output),
        "list.csv: row 2, column C: “может быть” does not say whether they have a vote; use да/нет, yes/no, +/-, 1/0 or true/false",
    );
    assert_eq!(fs::read(&session).unwrap(), before);
}
