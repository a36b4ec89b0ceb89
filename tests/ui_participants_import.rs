//! File → Import participants…: the preview of a CSV list shows the recognised columns and
//! the rows to add; changing a column's meaning changes the preview; adding puts everyone on
//! the board in one step, which Ctrl+Z takes back whole. A file with a problem cannot be added.

#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratboard::app::StratboardApp;
use stratboard_core::i18n::Language;
use stratboard_core::model::{
    BoardSection, GroupId, Participant, ParticipantId, Session, StakeholderGroup,
};

/// A session with the council and one of its members.
fn session() -> Session {
    let mut session = Session::new("Стратегическая сессия");
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
    session
}

const LIST: &str = "\
ФИО;Должность;Роль;Группа
Петрова Анна Сергеевна;Председатель ТОС;ведущая;ТОС
Иванов Иван Иванович;Глава;;Совет
;;;
Сидоров Пётр Ильич;Депутат;эксперт;совет
";

fn harness_on(csv: &str) -> (Harness<'static, StratboardApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("участники.csv");
    std::fs::write(&path, csv).unwrap();
    let mut app = StratboardApp::for_test(session(), Language::Russian);
    app.select_section(BoardSection::Stakeholders);
    let mut harness = common::window(app, common::WINDOW);
    // The native file dialog is the shell's; the test hands the file over directly.
    harness.state_mut().open_participants_preview(&path);
    harness.run();
    (harness, dir)
}

/// Whether the board shows `name` anywhere (a card's field or label).
fn on_board(harness: &Harness<'static, StratboardApp>, name: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(name))
                || node.value().is_some_and(|v| v.contains(name))
        })
        .next()
        .is_some()
}

fn names(harness: &Harness<'static, StratboardApp>) -> Vec<String> {
    let session = harness.state().session();
    session
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn the_preview_maps_columns_and_adds_everyone_in_one_undo_step() {
    let (mut harness, _dir) = harness_on(LIST);
    assert!(harness.state().is_participants_import_open());
    assert!(harness.query_by_label("Импорт участников").is_some());
    assert!(harness.query_by_label("Файл: участники.csv").is_some());
    // The recognised columns: the name, the position, an unknown one, the group.
    let picker = |harness: &Harness<'static, StratboardApp>, label: &str| {
        harness
            .get_by_role_and_label(Role::ComboBox, label)
            .value()
            .unwrap_or_default()
    };
    assert_eq!(picker(&harness, "Столбец A: «ФИО»"), "ФИО");
    assert_eq!(picker(&harness, "Столбец B: «Должность»"), "Должность");
    assert_eq!(picker(&harness, "Столбец C: «Роль»"), "(не импортировать)");
    assert_eq!(picker(&harness, "Столбец D: «Группа»"), "Группа");
    assert!(
        harness
            .query_by_label_contains("заголовок «Роль» не распознан")
            .is_some()
    );
    // Two people to add; Иванов is there already; the empty row is named.
    assert!(
        harness
            .query_by_label("Будут добавлены 2 участника")
            .is_some()
    );
    assert!(harness.query_by_label("Петрова Анна Сергеевна").is_some());
    assert!(
        harness.query_by_label("ТОС (новая)").is_some(),
        "a new group is marked"
    );
    assert!(
        harness
            .query_by_label("строка 3: Иванов Иван Иванович — уже в сессии")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Пустые строки пропущены: 4")
            .is_some()
    );

    // Column C is the group after all: the preview follows.
    harness
        .get_by_role_and_label(Role::ComboBox, "Столбец C: «Роль»")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Группа")
        .click();
    harness.run();
    assert_eq!(picker(&harness, "Столбец C: «Роль»"), "Группа");
    assert!(
        harness
            .query_by_label_contains("в столбцах C и D одно и то же поле")
            .is_some(),
        "two group columns are a problem"
    );
    let add = harness.get_by(|node| {
        node.role() == Role::Button
            && node.label().is_some_and(|l| {
                l.starts_with("Добавить ") && l.chars().any(|c| c.is_ascii_digit())
            })
    });
    assert!(
        add.accesskit_node().is_disabled(),
        "nothing can be added while there is a problem"
    );
    // Column D is not imported: the roles are the groups now.
    harness
        .get_by_role_and_label(Role::ComboBox, "Столбец D: «Группа»")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "(не импортировать)")
        .click();
    harness.run();
    assert!(harness.query_by_label("ведущая (новая)").is_some());
    assert!(harness.query_by_label("эксперт (новая)").is_some());

    harness
        .get_by_role_and_label(Role::Button, "Добавить 2 участника")
        .click();
    harness.run();
    assert!(!harness.state().is_participants_import_open());
    assert_eq!(
        names(&harness),
        [
            "Иванов Иван Иванович",
            "Петрова Анна Сергеевна",
            "Сидоров Пётр Ильич"
        ]
    );
    let session = harness.state().session();
    let groups: Vec<&str> = session
        .stakeholder_groups
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(groups, ["Совет", "ведущая", "эксперт"]);
    assert_eq!(session.participants[1].position, "Председатель ТОС");
    // On the board: the new people in their group cards.
    assert!(on_board(&harness, "Петрова Анна Сергеевна"));
    assert!(on_board(&harness, "Сидоров Пётр Ильич"));

    // One Ctrl+Z takes all of it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(names(&harness), ["Иванов Иван Иванович"]);
    assert_eq!(harness.state().session().stakeholder_groups.len(), 1);
    assert!(!on_board(&harness, "Петрова Анна Сергеевна"));
}

#[test]
fn a_title_above_the_headers_is_named() {
    let (harness, _dir) = harness_on("Список участников;\nФИО;Должность\nОрлов Олег;Глава\n");
    assert!(harness.query_by_label("Заголовки — в строке 2.").is_some());
    assert!(
        harness
            .query_by_label("Над заголовками, не импортируются: строка 1.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Будет добавлен 1 участник")
            .is_some()
    );
}

#[test]
fn a_row_without_a_name_disables_adding_and_says_where() {
    let (mut harness, _dir) = harness_on("ФИО;Должность\nОрлов Олег;Глава\n;Депутат\n");
    assert!(
        harness
            .query_by_label("строка 3, столбец A: не указано ФИО")
            .is_some()
    );
    let add = harness.get_by_role_and_label(Role::Button, "Добавить 1 участника");
    assert!(add.accesskit_node().is_disabled());
    assert!(
        harness
            .query_by_label("Сначала исправьте ошибки (или файл).")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Отмена")
        .click();
    harness.run();
    assert!(!harness.state().is_participants_import_open());
    assert_eq!(names(&harness), ["Иванов Иван Иванович"]);
}

#[test]
fn a_file_that_cannot_be_read_is_a_notice_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.xls");
    std::fs::write(&path, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap();
    let mut harness = common::window(
        StratboardApp::for_test(session(), Language::English),
        common::WINDOW,
    );
    harness.state_mut().open_participants_preview(&path);
    harness.run();
    assert!(!harness.state().is_participants_import_open());
    assert!(
        harness
            .query_by_label_contains("old.xls cannot be imported: an old Excel .xls file")
            .is_some()
    );
}

/// A list whose voting column takes the vote from someone already in the session and brings
/// an invited expert: the preview says both, and applying it is one step.
#[test]
fn the_voting_column_is_previewed_and_applied() {
    let (mut harness, _dir) =
        harness_on("ФИО;Право голоса\nИванов Иван Иванович;нет\nОрлов Олег;нет\nСидоров Пётр;да\n");
    assert!(
        harness
            .query_by_label("строка 2: Иванов Иван Иванович — без права голоса")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Орлов Олег (без права голоса)")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Добавить 2 участника")
        .click();
    harness.run();
    let session = harness.state().session();
    let voting: Vec<(String, bool)> = session
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.voting))
        .collect();
    assert_eq!(
        voting,
        [
            ("Иванов Иван Иванович".to_owned(), false),
            ("Орлов Олег".to_owned(), false),
            ("Сидоров Пётр".to_owned(), true),
        ]
    );
}

/// A list that only changes the right to vote can be applied on its own.
#[test]
fn a_list_that_only_changes_the_right_to_vote_can_be_applied() {
    let (mut harness, _dir) = harness_on("ФИО;Право голоса\nИванов Иван Иванович;нет\n");
    harness
        .get_by_role_and_label(Role::Button, "Применить изменения права голоса")
        .click();
    harness.run();
    assert!(!harness.state().session().participants[0].voting);
    assert!(!harness.state().is_participants_import_open());
}
