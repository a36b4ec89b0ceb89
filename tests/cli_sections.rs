//! `stratboard new --section` and `stratboard merge`, run as a forum's organisers would: a
//! section made from the plenary's file, sections brought back in (the JSON exactly, keys in
//! alphabetical order), `--dry-run` writing nothing, merging twice or in another order giving
//! the same bytes, and every refusal leaving the plenary byte for byte.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use stratboard_core::fixtures::forum::{ForumSize, forum};
use stratboard_core::storage;

mod cli_common;

use cli_common::{assert_has, refused_with, run, sample, stderr, succeeded};

/// A plenary and three sections written into `dir`; returns their paths.
fn forum_files(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let (plenary, sections) = forum(ForumSize {
        sections: 3,
        alternatives: 6,
        participants: 10,
        groups: 2,
        ballots: 5,
    });
    let plenary_path = dir.join("plenary.ron");
    storage::save(&plenary_path, &plenary, None).unwrap();
    let paths = sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let path = dir.join(format!("section-{}.ron", i + 1));
            storage::save(&path, section, None).unwrap();
            path
        })
        .collect();
    (plenary_path, paths)
}

fn args(parts: &[&Path]) -> Vec<String> {
    parts.iter().map(|p| p.display().to_string()).collect()
}

#[test]
fn new_section_carries_the_plenarys_people_and_goals_and_names_its_plenary() {
    let dir = tempfile::tempdir().unwrap();
    let plenary = dir.path().join("plenary.ron");
    fs::copy(sample("municipal-school.ron"), &plenary).unwrap();
    let section = dir.path().join("youth.ron");
    let output = run(&[
        "new",
        "-o",
        section.to_str().unwrap(),
        "--from",
        plenary.to_str().unwrap(),
        "--section",
        "Молодёжная политика",
        "--facilitator",
        "Новый Модератор",
    ]);
    succeeded(&output);
    assert_has(&stderr(&output), "the section «Молодёжная политика»");
    let plenary = storage::load(&plenary).unwrap().session;
    let made = storage::load(&section).unwrap().session;
    let of = made.meta.section.as_ref().unwrap();
    assert_eq!(of.plenary, plenary.meta.id);
    assert_eq!(of.name, "Молодёжная политика");
    assert_eq!(made.stakeholder_groups, plenary.stakeholder_groups);
    assert_eq!(made.goals, plenary.goals);
    assert!(made.alternatives.is_empty() && made.votes.is_empty() && made.decisions.is_empty());
    assert!(made.participants.iter().all(|p| p.code.is_none()));
    let moderator = made.participant(made.meta.facilitator.unwrap()).unwrap();
    assert_eq!(moderator.name, "Новый Модератор");

    // A section of a section is refused, and nothing is written.
    let again = dir.path().join("again.ron");
    let output = run(&[
        "new",
        "-o",
        again.to_str().unwrap(),
        "--from",
        section.to_str().unwrap(),
        "--section",
        "Ещё",
    ]);
    refused_with(&output, "is itself the section «Молодёжная политика»");
    assert!(!again.exists());
}

#[test]
fn merge_prints_the_report_as_json_and_merging_again_or_in_another_order_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, sections) = forum_files(dir.path());
    let before = fs::read(&plenary).unwrap();
    let mut dry = vec!["merge".to_owned()];
    dry.extend(args(&[&plenary, &sections[2], &sections[0], &sections[1]]));
    dry.extend([
        "--top".into(),
        "2".into(),
        "--json".into(),
        "--dry-run".into(),
    ]);
    let printed = succeeded(&run(&dry));
    assert_eq!(
        fs::read(&plenary).unwrap(),
        before,
        "--dry-run writes nothing"
    );

    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert!(printed.starts_with("{\"added\":"), "{printed}");
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["added", "sections", "similar", "updated"]);
    let order = |text: &str, words: &[&str]| {
        let at: Vec<usize> = words.iter().map(|w| text.find(w).unwrap()).collect();
        at.windows(2).all(|w| w[0] < w[1])
    };
    assert!(order(
        &printed,
        &["\"added\"", "\"sections\"", "\"similar\"", "\"updated\""]
    ));
    assert!(order(
        &printed,
        &[
            "\"alternatives\"",
            "\"decisions\"",
            "\"file\"",
            "\"section\""
        ]
    ));
    assert!(order(&printed, &["\"from\"", "\"id\"", "\"title\""]));
    let sections_json = json["sections"].as_array().unwrap();
    let names: Vec<&str> = sections_json
        .iter()
        .map(|s| s["section"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Площадка 01", "Площадка 02", "Площадка 03"],
        "in order of names"
    );
    assert_eq!(
        sections_json[0]["file"].as_str().unwrap(),
        sections[0].display().to_string()
    );
    // Borda over a rotated order: two alternatives from each section, two decisions' worth.
    assert_eq!(
        sections_json[0]["alternatives"].as_array().unwrap().len(),
        2
    );
    assert_eq!(sections_json[0]["decisions"], 1);
    assert_eq!(
        json["added"],
        3 * (2 + 1 + 2),
        "alternatives, a decision, two action items each"
    );
    assert_eq!(json["updated"], 0);

    // The real run prints the same, and writes the plenary.
    let mut real = dry.clone();
    real.pop();
    assert_eq!(succeeded(&run(&real)), printed);
    let once = fs::read(&plenary).unwrap();
    assert_ne!(once, before);
    let merged = storage::load(&plenary).unwrap();
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    assert_eq!(merged.session.sections.len(), 3);

    // Again: nothing added, nothing updated, the same bytes.
    let again = succeeded(&run(&real));
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        (again["added"].as_u64(), again["updated"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(fs::read(&plenary).unwrap(), once);

    // Into a fresh copy, the files in another order: the same bytes.
    let copy = dir.path().join("copy.ron");
    fs::write(&copy, &before).unwrap();
    let mut other = vec!["merge".to_owned()];
    other.extend(args(&[&copy, &sections[1], &sections[2], &sections[0]]));
    other.extend(["--top".into(), "2".into()]);
    let output = run(&other);
    succeeded(&output);
    assert_has(&stderr(&output), "added 15, updated 0");
    assert_eq!(fs::read(&copy).unwrap(), once);
}

#[test]
fn merge_refuses_files_that_do_not_belong_and_leaves_the_plenary_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (plenary, sections) = forum_files(dir.path());
    let before = fs::read(&plenary).unwrap();
    let merge = |files: &[&Path]| {
        let mut all = vec!["merge".to_owned(), plenary.display().to_string()];
        all.extend(args(files));
        run(&all)
    };
    // A section of another plenary.
    let other_dir = dir.path().join("other");
    fs::create_dir(&other_dir).unwrap();
    let other = other_dir.join("stranger.ron");
    let plenary_text = fs::read_to_string(&plenary).unwrap();
    let mut other_plenary = storage::parse_session(plenary_text.as_bytes())
        .unwrap()
        .session;
    other_plenary.meta.id = stratboard_core::model::SessionId::derived(b"another forum");
    let stranger = other_plenary
        .section_of("Чужая площадка", None, false)
        .unwrap();
    storage::save(&other, &stranger, None).unwrap();
    refused_with(&merge(&[&sections[0], &other]), "of another plenary");
    // A broken file.
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Session(format_version: 6, meta: Meta(title: ").unwrap();
    refused_with(&merge(&[&sections[0], &broken]), "broken.ron");
    // The same section twice.
    let twin = dir.path().join("twin.ron");
    fs::copy(&sections[1], &twin).unwrap();
    refused_with(
        &merge(&[&sections[1], &twin]),
        "both claim the section «Площадка 02»",
    );
    // The plenary itself, and a session that is no section.
    refused_with(&merge(&[&plenary]), "is the plenary itself");
    refused_with(
        &merge(&[Path::new(&sample("tos-support.ron"))]),
        "is not a section",
    );
    // A missing file.
    refused_with(&merge(&[&dir.path().join("missing.ron")]), "missing.ron");
    assert_eq!(fs::read(&plenary).unwrap(), before, "nothing was merged");
    assert_has(
        &stderr(&merge(&[&sections[0], &broken])),
        "nothing was merged",
    );
}

/// The forum sample (`sessions/forum/`): its merged plenary is exactly what `stratboard merge`
/// makes of the plenary and its three sections with `--top 3`, and it flags the one pair of
/// similar titles.
#[test]
fn the_forum_samples_merged_plenary_is_what_merge_makes() {
    let dir = tempfile::tempdir().unwrap();
    let forum = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/forum");
    let plenary = dir.path().join("plenary.ron");
    fs::copy(forum.join("plenary.ron"), &plenary).unwrap();
    let mut all = vec!["merge".to_owned(), plenary.display().to_string()];
    for name in [
        "section-trust.ron",
        "section-roads.ron",
        "section-waste.ron",
    ] {
        all.push(forum.join(name).display().to_string());
    }
    all.extend(["--top".into(), "3".into(), "--json".into()]);
    let printed = succeeded(&run(&all));
    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(json["similar"].as_array().unwrap().len(), 1, "{printed}");
    assert_eq!(
        fs::read_to_string(&plenary).unwrap(),
        fs::read_to_string(forum.join("plenary-merged.ron")).unwrap(),
        "sessions/forum/plenary-merged.ron is what merge makes"
    );
}
