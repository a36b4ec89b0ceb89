//! `stratboard attendance`, run as a secretary would: the register printed (a table in the
//! session's language, or the JSON object exactly), marks applied as one change and saved,
//! every refusal (exit 1, its option named, the file unchanged byte for byte), the quorum
//! rules, and a journal beside the file respected.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use stratboard_core::model::{
    Language, Participant, ParticipantId, Presence, Proxy, QuorumRule, Registration, Session,
};
use stratboard_core::storage::{self, journal};

mod cli_common;

use cli_common::{assert_has, refused_with, stderr, stdout, succeeded};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn registration(id: u32, presence: Presence, arrived: Option<&str>) -> Registration {
    Registration {
        participant: ParticipantId(id),
        presence,
        arrived: arrived.map(at),
        left: None,
    }
}

/// Five people: Анна (1) in the room, Борис (2) remotely and gone at 12:40 Moscow time, Вера
/// (3) absent with her proxy to Анна («№ 1»), Глеб (4) in the room without a vote, Дарья (5)
/// not registered; the quorum more than half; opened at 10:00 Moscow time (07:00 UTC).
fn small(language: Language) -> Session {
    let mut session = Session::new("Совет");
    session.meta.language = Some(language);
    session.meta.start = chrono::NaiveDate::from_ymd_opt(2026, 3, 12);
    let people = [
        (1, "Анна Андреева", true),
        (2, "Борис Белов", true),
        (3, "Вера Волкова", true),
        (4, "Глеб Гусев", false),
        (5, "Дарья Демина", true),
    ];
    for (id, name, voting) in people {
        session.participants.push(Participant {
            id: ParticipantId(id),
            name: name.into(),
            voting,
            ..Participant::default()
        });
    }
    session.next_id = 6;
    let attendance = &mut session.attendance;
    attendance.opened = Some(at("2026-03-12T07:00:00Z"));
    attendance.registrations = vec![
        registration(1, Presence::InRoom, Some("2026-03-12T06:50:00Z")),
        Registration {
            left: Some(at("2026-03-12T09:40:00Z")),
            ..registration(2, Presence::Remote, Some("2026-03-12T06:55:00Z"))
        },
        registration(3, Presence::Absent, None),
        registration(4, Presence::InRoom, Some("2026-03-12T07:05:00Z")),
    ];
    attendance.proxies = vec![Proxy {
        from: ParticipantId(3),
        to: ParticipantId(1),
        note: "№ 1".into(),
    }];
    attendance.quorum = Some(QuorumRule::MoreThanHalf);
    assert!(session.validate().is_empty(), "{:?}", session.validate());
    session
}

fn saved(dir: &Path, session: &Session) -> PathBuf {
    let path = dir.join("совет.ron");
    storage::save(&path, session, None).unwrap();
    path
}

/// `stratboard attendance FILE ARGS…` with the clock in UTC (the table's times are local).
fn attendance(file: &Path, args: &[&str]) -> Output {
    Command::new(cli_common::BIN)
        .arg("attendance")
        .arg(file)
        .args(args)
        .env("TZ", "UTC")
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&succeeded(output)).unwrap()
}

fn loaded(path: &Path) -> Session {
    storage::load(path).unwrap().session
}

const EXPECTED: &str = concat!(
    r#"{"members":4,"participants":["#,
    r#"{"arrived":"2026-03-12T06:50:00Z","id":1,"left":null,"name":"Анна Андреева","proxy_for":[3],"proxy_to":null,"status":"present","voting":true},"#,
    r#"{"arrived":"2026-03-12T06:55:00Z","id":2,"left":"2026-03-12T09:40:00Z","name":"Борис Белов","proxy_for":[],"proxy_to":null,"status":"remote","voting":true},"#,
    r#"{"arrived":null,"id":3,"left":null,"name":"Вера Волкова","proxy_for":[],"proxy_to":1,"status":"absent","voting":true},"#,
    r#"{"arrived":"2026-03-12T07:05:00Z","id":4,"left":null,"name":"Глеб Гусев","proxy_for":[],"proxy_to":null,"status":"present","voting":false},"#,
    r#"{"arrived":null,"id":5,"left":null,"name":"Дарья Демина","proxy_for":[],"proxy_to":null,"status":"unregistered","voting":true}"#,
    r#"],"present_members":1,"proxies":1,"quorum":{"met":false,"needed":3,"rule":"half"}}"#,
    "\n"
);

#[test]
fn json_of_a_small_session_is_exactly_the_contract_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    let before = fs::read(&path).unwrap();
    let output = attendance(&path, &["--json"]);
    assert_eq!(succeeded(&output), EXPECTED);
    assert_eq!(fs::read(&path).unwrap(), before, "printing writes nothing");
    assert!(!storage::backup_path(&path).exists());
}

#[test]
fn the_register_is_a_table_in_the_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    let table = succeeded(&attendance(&path, &[]));
    let expected = "\
Регистрация: «Совет»
№  ФИО            Голос  Отметка       Прибытие  Убытие  Доверенность
1  Анна Андреева  да     в зале        06:50             ← 3
2  Борис Белов    да     дистанционно  06:55     09:40
3  Вера Волкова   да     отсутствует                     → 1
4  Глеб Гусев     нет    в зале        07:05
5  Дарья Демина   да     нет отметки
Доверенность: → голос передан участнику с этим номером; ← получены голоса участников с этими номерами.
Членов с правом голоса: 4; присутствуют: 1; доверенностей: 1.
Кворум: более половины членов с правом голоса (3 из 4); присутствует 1, по доверенности 1\u{a0}— кворума нет
";
    assert_eq!(table, expected);
    let path = saved(dir.path(), &small(Language::English));
    let table = succeeded(&attendance(&path, &[]));
    assert_has(&table, "Register: “Совет”\nID  Name");
    assert_has(
        &table,
        "\n 2  Борис Белов    yes   remotely        06:55    09:40\n",
    );
    assert_has(&table, " 5  Дарья Демина   yes   not registered\n");
    assert_has(&table, "Voting members: 4; present: 1; proxies: 1.");
    assert_has(
        &table,
        "Quorum: more than half of the voting members (3 of 4); present 1, by proxy 1\u{a0}— no quorum",
    );
}

#[test]
fn marks_are_applied_in_order_as_one_change_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    let before = fs::read(&path).unwrap();
    let start = Utc::now() - chrono::Duration::seconds(1);
    // Дарья arrives and takes Вера's proxy in the same call; Анна leaves.
    let args = [
        "--present",
        "5",
        "--left",
        "1",
        "--revoke-proxy",
        "3",
        "--proxy",
        "3=5",
        "--quorum",
        "two-thirds",
        "--json",
    ];
    let output = attendance(&path, &args);
    let value = json(&output);
    assert_has(&stderr(&output), "register saved");
    let end = Utc::now() + chrono::Duration::seconds(1);
    let people = value["participants"].as_array().unwrap();
    let darya = &people[4];
    assert_eq!(darya["status"], "present");
    assert_eq!(darya["proxy_for"], serde_json::json!([3]));
    let arrived = at(darya["arrived"].as_str().unwrap());
    assert!(start <= arrived && arrived <= end, "arrived now: {arrived}");
    let anna = &people[0];
    assert_eq!(anna["status"], "present", "a departure keeps the mark");
    assert!(anna["left"].is_string());
    assert_eq!(anna["proxy_for"], serde_json::json!([]));
    assert_eq!(people[2]["proxy_to"], 5);
    assert_eq!(value["present_members"], 1, "Дарья; Анна and Борис left");
    assert_eq!(
        value["quorum"],
        serde_json::json!({"met": false, "needed": 3, "rule": "two-thirds"})
    );
    // Saved once, whole: the previous version is the backup, and the file holds the marks.
    assert_eq!(fs::read(storage::backup_path(&path)).unwrap(), before);
    let session = loaded(&path);
    assert!(session.attendance.is_here(ParticipantId(5)));
    assert!(!session.attendance.is_here(ParticipantId(1)));
    assert_eq!(session.attendance.quorum, Some(QuorumRule::TwoThirds));
    assert!(session.validate().is_empty());
}

#[test]
fn a_refused_mark_takes_the_others_of_the_call_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    let before = fs::read(&path).unwrap();
    // Дарья's arrival alone would be fine; the proxy to Глеб (no vote) is not.
    let output = attendance(&path, &["--present", "5", "--proxy", "5=4"]);
    refused_with(
        &output,
        "--proxy 5=4: participant 4 (Глеб Гусев) has no vote",
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(!loaded(&path).attendance.is_here(ParticipantId(5)));
    assert!(stdout(&output).is_empty(), "no register after a refusal");
}

/// Every refusal: exit 1, a message naming the file, the option and who, the file unchanged
/// byte for byte and no backup made.
#[test]
fn every_refusal_names_what_and_where_and_leaves_the_file_alone() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--present", "9"],
            "--present 9: there is no participant with id 9",
        ),
        (&["--absent", "x"], "--absent x: not a participant id"),
        (
            &["--left", "5"],
            "--left 5: participant 5 (Дарья Демина) is not present, so cannot leave",
        ),
        (
            &["--revoke-proxy", "77"],
            "--revoke-proxy 77: there is no participant with id 77",
        ),
        (
            &["--proxy", "4=1"],
            "--proxy 4=1: participant 4 (Глеб Гусев) has no vote, so cannot give or hold a proxy",
        ),
        (
            &["--proxy", "5=4"],
            "--proxy 5=4: participant 4 (Глеб Гусев) has no vote",
        ),
        (
            &["--proxy", "5=2"],
            "--proxy 5=2: participant 2 (Борис Белов) is not present",
        ),
        (
            &["--proxy", "5=3"],
            "--proxy 5=3: participant 3 (Вера Волкова) is not present",
        ),
        (
            &["--proxy", "1=1"],
            "--proxy 1=1: participant 1 (Анна Андреева) cannot hold their own proxy",
        ),
        (
            &["--proxy", "5=1"],
            "--proxy 5=1: participant 1 (Анна Андреева) would hold more than 1 proxy",
        ),
        (
            &["--present", "5", "--proxy", "1=5"],
            "--proxy 1=5: proxies do not chain: participant 1 (Анна Андреева) would both give and hold a proxy",
        ),
        (
            &["--proxy", "5=9"],
            "--proxy 5=9: there is no participant with id 9",
        ),
        (&["--proxy", "5-1"], "--proxy 5-1: expected FROM=TO"),
        (&["--proxy", "5="], "--proxy 5=: expected FROM=TO"),
        (&["--proxy", "a=b"], "--proxy a=b: expected FROM=TO"),
        (
            &["--quorum", "most"],
            "--quorum most: expected half, two-thirds, a number of members (at least 1) or none",
        ),
        (&["--quorum", "0"], "--quorum 0: expected half"),
        (&["--quorum", "-3"], "--quorum -3: expected half"),
        (
            &["--present", "5", "--absent", "5"],
            "--absent 5: participant 5 (Дарья Демина) is already marked with --present",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    let before = fs::read(&path).unwrap();
    for (args, message) in cases {
        let output = attendance(&path, args);
        refused_with(&output, &format!("совет.ron: {message}"));
        assert_has(&stderr(&output), "nothing changed");
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
        assert!(!storage::backup_path(&path).exists(), "{args:?} saved");
    }
}

#[test]
fn quorum_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::English));
    let cases = [
        (
            "half",
            serde_json::json!({"met": false, "needed": 3, "rule": "half"}),
        ),
        (
            "TWO-THIRDS",
            serde_json::json!({"met": false, "needed": 3, "rule": "two-thirds"}),
        ),
        (
            "2",
            serde_json::json!({"met": true, "needed": 2, "rule": "count"}),
        ),
        ("none", serde_json::Value::Null),
    ];
    for (value, expected) in cases {
        let output = attendance(&path, &["--quorum", value, "--json"]);
        assert_eq!(json(&output)["quorum"], expected, "--quorum {value}");
    }
    assert_eq!(loaded(&path).attendance.quorum, None);
    let table = succeeded(&attendance(&path, &[]));
    assert!(!table.contains("Quorum:"), "{table}");
}

#[test]
fn a_journal_beside_the_file_is_replayed_and_folded_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &small(Language::Russian));
    // The room recorded Дарья's phone joining in the journal, not in the file.
    let base = storage::load(&path).unwrap().fingerprint;
    let mut joined = small(Language::Russian).attendance;
    joined.set_registration(
        ParticipantId(5),
        Some(registration(
            5,
            Presence::InRoom,
            Some("2026-03-12T07:10:00Z"),
        )),
    );
    let record = journal::Record {
        next_id: 6,
        attendance: Some(joined),
        ..journal::Record::default()
    };
    journal::append(&path, &base, None, &journal::Encoded::new(&record).unwrap()).unwrap();
    // Вера's proxy moves to Дарья, who is here only by the journal.
    let value = json(&attendance(&path, &["--proxy", "3=5", "--json"]));
    assert_eq!(value["participants"][4]["arrived"], "2026-03-12T07:10:00Z");
    assert_eq!(value["participants"][2]["proxy_to"], 5);
    assert!(
        !journal::journal_path(&path).exists(),
        "folded into the file"
    );
    let session = loaded(&path);
    assert!(session.attendance.is_here(ParticipantId(5)));
    assert_eq!(
        session.attendance.proxy_from(ParticipantId(3)).unwrap().to,
        ParticipantId(5)
    );
}

#[test]
fn a_missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let output = attendance(&dir.path().join("нет.ron"), &["--present", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert_has(&stderr(&output), "нет.ron");
}
