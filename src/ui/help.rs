//! The Help menu's dialogs, drawn from what the shell passes in: About (the version, the
//! licence, and every embedded font with its licence, whose full text can be read) and the
//! keyboard shortcuts (groups of rows that the shell makes from its key tables); the user
//! guide's Markdown is read and drawn by [`guide`].

pub mod guide;

use egui::{RichText, Ui};

use super::theme::Theme;
use stratboard_core::i18n::Tr;

/// A font compiled into the program, with its licence.
#[derive(Clone, Copy, Debug)]
pub struct FontLicence {
    /// The font's name ("PT Sans").
    pub name: &'static str,
    /// Its files in `assets/fonts/`, or, for the fonts egui brings, egui's names for them.
    pub files: &'static [&'static str],
    /// Whether egui brings it (eframe's `default_fonts`) rather than `assets/fonts/`.
    pub from_egui: bool,
    /// The translation key of what the program uses it for.
    pub used_for: &'static str,
    /// The translation key of the licence's name.
    pub licence: &'static str,
    /// The licence's full text.
    pub text: &'static str,
}

/// Every font in the program: the theme's (`assets/fonts/`, see its README) and the ones
/// egui adds behind them (its default fonts: the theme keeps them as the last fallbacks).
pub const FONTS: &[FontLicence] = &[
    FontLicence {
        name: "PT Sans",
        files: &["PTSans-Regular.ttf", "PTSans-Bold.ttf"],
        from_egui: false,
        used_for: "help-font-pt-sans-use",
        licence: "help-font-pt-sans-licence",
        text: include_str!("../../assets/fonts/LICENSE-PTSans.txt"),
    },
    FontLicence {
        name: "DejaVu Sans",
        files: &["DejaVuSans.ttf"],
        from_egui: false,
        used_for: "help-font-dejavu-use",
        licence: "help-font-dejavu-licence",
        text: include_str!("../../assets/fonts/LICENSE-DejaVu.txt"),
    },
    FontLicence {
        name: "Ubuntu Light",
        files: &["Ubuntu-Light"],
        from_egui: true,
        used_for: "help-font-ubuntu-use",
        licence: "help-font-ubuntu-licence",
        text: include_str!("../../assets/fonts/LICENSE-Ubuntu.txt"),
    },
    FontLicence {
        name: "Hack",
        files: &["Hack"],
        from_egui: true,
        used_for: "help-font-hack-use",
        licence: "help-font-hack-licence",
        text: include_str!("../../assets/fonts/LICENSE-Hack.txt"),
    },
    FontLicence {
        name: "egui-icons (emoji-icon-font)",
        files: &["egui-icons"],
        from_egui: true,
        used_for: "help-font-icons-use",
        licence: "help-font-icons-licence",
        text: include_str!("../../assets/fonts/LICENSE-egui-icons.txt"),
    },
];

/// A dialog's scroll bar is always shown, so that a reader sees at once that there is more.
const SHOW_SCROLL_BAR: egui::scroll_area::ScrollBarVisibility =
    egui::scroll_area::ScrollBarVisibility::AlwaysVisible;

/// The height a dialog's scrolling part may take in a window `screen_height` high, leaving
/// room for its heading, its Close button and the margins.
pub fn scroll_height(screen_height: f32) -> f32 {
    (screen_height - 190.0).max(160.0)
}

/// The About dialog's content: name, version, what it is, its licence, and the fonts.
/// Returns whether Close was clicked.
pub fn about(ui: &mut Ui, theme: &Theme, tr: &Tr, version: &str, height: f32) -> bool {
    ui.heading("stratboard");
    ui.label(theme.caption(tr.with("help-about-version", "version", version)));
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("help-about")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .scroll_bar_visibility(SHOW_SCROLL_BAR)
        .show(ui, |ui| {
            ui.label(tr.t("help-about-description"));
            ui.add_space(6.0);
            ui.label(tr.t("help-about-licence"));
            ui.add_space(12.0);
            ui.label(theme.card_title(tr.t("help-about-fonts")));
            ui.label(theme.caption(tr.t("help-about-fonts-note")));
            for font in FONTS {
                font_card(ui, theme, tr, font);
            }
        });
    ui.add_space(8.0);
    ui.button(tr.t("help-close")).clicked()
}

/// One font: its name, what it is for, its licence, and the licence's text to unfold.
fn font_card(ui: &mut Ui, theme: &Theme, tr: &Tr, font: &FontLicence) {
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(font.name).family(super::theme::bold()));
        ui.label(theme.caption(tr.t(font.used_for)));
        ui.label(tr.with("help-font-licence", "licence", &tr.t(font.licence)));
        egui::CollapsingHeader::new(tr.t("help-font-licence-text"))
            .id_salt(("help-font-licence", font.name))
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(("help-font-licence-text", font.name))
                    .max_height(220.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        ui.label(RichText::new(font.text).monospace().size(12.5));
                    });
            });
    });
}

/// A group of the shortcuts list (a menu, or the presentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortcutGroup {
    /// The group's title ("File").
    pub title: String,
    /// A line under the title, if the group needs one.
    pub note: Option<String>,
    /// Its rows, in the tables' order.
    pub rows: Vec<ShortcutRow>,
}

/// One row of the shortcuts list: what is done, and the keys that do it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShortcutRow {
    /// What the keys do ("Save").
    pub name: String,
    /// The keys as the platform writes them ("Ctrl+S"); any of them does it.
    pub keys: Vec<String>,
}

/// The shortcuts dialog's content. Returns whether Close was clicked.
pub fn shortcuts(
    ui: &mut Ui,
    theme: &Theme,
    tr: &Tr,
    groups: &[ShortcutGroup],
    height: f32,
) -> bool {
    ui.heading(tr.t("help-shortcuts-title"));
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("help-shortcuts")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .scroll_bar_visibility(SHOW_SCROLL_BAR)
        .show(ui, |ui| {
            for group in groups {
                shortcut_group(ui, theme, tr, group);
                ui.add_space(10.0);
            }
        });
    ui.add_space(8.0);
    ui.button(tr.t("help-close")).clicked()
}

/// The width of the keys column; a row with more keys wraps within it.
const KEYS_COLUMN: f32 = 270.0;
/// The widest the names column is drawn; a longer name wraps.
const NAMES_COLUMN: f32 = 420.0;

fn shortcut_group(ui: &mut Ui, theme: &Theme, tr: &Tr, group: &ShortcutGroup) {
    ui.label(theme.card_title(&group.title));
    if let Some(note) = &group.note {
        ui.label(theme.caption(note));
    }
    ui.add_space(4.0);
    egui::Grid::new(("help-shortcuts-group", &group.title))
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 6.0])
        .min_col_width(KEYS_COLUMN)
        .max_col_width(NAMES_COLUMN)
        .show(ui, |ui| {
            for row in &group.rows {
                ui.horizontal_wrapped(|ui| {
                    ui.set_max_width(KEYS_COLUMN);
                    keycaps(ui, theme, tr, &row.keys);
                });
                ui.horizontal(|ui| {
                    // Every group's stripes end at the same place.
                    ui.set_min_width(NAMES_COLUMN);
                    ui.add(egui::Label::new(&row.name).wrap());
                });
                ui.end_row();
            }
        });
}

/// Keys drawn as keycaps, "or" between them.
fn keycaps(ui: &mut Ui, theme: &Theme, tr: &Tr, keys: &[String]) {
    for (index, key) in keys.iter().enumerate() {
        if index > 0 {
            ui.label(theme.caption(tr.t("help-keys-or")));
        }
        theme.keycap().show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(key).strong()).extend());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_file_in_assets_has_its_licence_here() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
        let mut files = 0;
        for entry in std::fs::read_dir(folder).expect("assets/fonts") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".ttf") || name.ends_with(".otf") {
                files += 1;
                assert!(
                    FONTS
                        .iter()
                        .any(|f| !f.from_egui && f.files.contains(&name.as_str())),
                    "{name} is not in FONTS"
                );
            }
        }
        assert!(files > 0);
    }

    #[test]
    fn every_font_egui_brings_has_its_licence_here() {
        let defaults = egui::FontDefinitions::default();
        assert!(!defaults.font_data.is_empty(), "default_fonts is on");
        for name in defaults.font_data.keys() {
            assert!(
                FONTS
                    .iter()
                    .any(|f| f.from_egui && f.files.contains(&name.as_str())),
                "egui's font {name} is not in FONTS"
            );
        }
    }
}
