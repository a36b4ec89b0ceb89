//! The man pages (`assets/linux/man/*.1`, installed by the packages) are made from the command
//! line's definition with clap_mangen: `stratboard.1` and one page per subcommand
//! (`stratboard-check.1`, …). This test renders them and compares them with the checked-in
//! files; `UPDATE_MAN=1 cargo test --bin stratboard man_pages` rewrites them.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;

/// Every page, by file name, as clap_mangen renders it.
fn render() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    clap_mangen::generate_to(super::Args::command(), dir.path()).expect("man pages rendered");
    read_pages(dir.path())
}

/// The `*.1` files in `dir`, by file name.
fn read_pages(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "1"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("a man page read"))
        })
        .collect()
}

#[test]
fn man_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/linux/man");
    let rendered = render();
    assert!(
        rendered.contains_key("stratboard.1"),
        "{:?}",
        rendered.keys()
    );
    if std::env::var_os("UPDATE_MAN").is_some() {
        std::fs::create_dir_all(&dir).expect("assets/linux/man created");
        for old in read_pages(&dir).keys() {
            std::fs::remove_file(dir.join(old)).expect("an old page removed");
        }
        for (name, page) in &rendered {
            std::fs::write(dir.join(name), page).expect("a man page written");
        }
        return;
    }
    let checked_in = read_pages(&dir);
    let stale: Vec<&String> = rendered
        .keys()
        .chain(checked_in.keys())
        .filter(|name| rendered.get(*name) != checked_in.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "the man pages in assets/linux/man are out of date with the command line ({stale:?}); \
         rewrite them with `UPDATE_MAN=1 cargo test --bin stratboard man_pages` and commit them"
    );
}
