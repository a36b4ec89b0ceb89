//! What the packages install fits together: the window's application id and icon are the
//! desktop entry's, the entry's icon and MIME type exist in `assets/`, and the MIME type's
//! magic is the first line the saver writes (and that of every sample). The man pages are
//! checked in `src/man_page.rs`; `.ci/run` installs the `.deb` and checks it for real.

use std::path::{Path, PathBuf};

use stratboard::app::{APP_ID, ICON_PNG};

fn asset(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(asset(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of `key=` in the desktop entry's main group.
fn desktop_value(entry: &str, key: &str) -> String {
    let prefix = format!("{key}=");
    entry
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {key}= in the desktop entry"))
        .to_owned()
}

#[test]
fn the_window_is_the_desktop_entrys() {
    let entry = read(&format!("assets/linux/{APP_ID}.desktop"));
    assert_eq!(desktop_value(&entry, "StartupWMClass"), APP_ID);
    assert_eq!(desktop_value(&entry, "Icon"), APP_ID);
    assert_eq!(desktop_value(&entry, "Exec"), "stratboard %f");
    let icon = eframe::icon_data::from_png_bytes(ICON_PNG).expect("the window icon decodes");
    assert_eq!((icon.width, icon.height), (256, 256));
    for size in [48, 128, 256] {
        let png = std::fs::read(asset(&format!("assets/icons/{APP_ID}-{size}.png")))
            .expect("an icon size");
        let icon = eframe::icon_data::from_png_bytes(&png).expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (size, size));
    }
    assert!(asset(&format!("assets/icons/{APP_ID}.svg")).is_file());
}

#[test]
fn session_files_are_recognised_by_their_first_line() {
    let entry = read(&format!("assets/linux/{APP_ID}.desktop"));
    let xml = read("assets/linux/stratboard.xml");
    let mime = desktop_value(&entry, "MimeType");
    let mime = mime.trim_end_matches(';');
    assert!(
        xml.contains(&format!("<mime-type type=\"{mime}\">")),
        "{mime}"
    );
    let magic = xml
        .split("<match type=\"string\" offset=\"0\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a string match at offset 0");
    let saved = stratboard_core::storage::to_ron_string(&stratboard_core::model::Session::new("x"))
        .expect("a session written");
    assert!(
        saved.starts_with(magic),
        "{magic:?} is not how {saved:?} starts"
    );
    assert!(stratboard::app::EMBEDDED_SAMPLE.starts_with(magic));
    for sample in [
        "municipal-school",
        "ngo-offsite",
        "tos-support",
        "tos-support-2018-q2",
    ] {
        assert!(
            read(&format!("sessions/{sample}.ron")).starts_with(magic),
            "{sample}"
        );
    }
}
