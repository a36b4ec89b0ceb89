//! The export dialog's passport mode: «Паспорт инициативы…» on an alternative's card opens
//! the dialog on that one initiative's passport (PDF or DOCX) instead of the protocol — the
//! format, the language, a preview of the pages, a file named after the alternative, written
//! atomically like every export; the same passport as `stratboard export --format
//! passport-pdf|passport-docx --alternative ID`.

use std::path::PathBuf;
use std::sync::Arc;

use egui::RichText;

use super::{ExportDialog, Exported, Lent, file_stem, format_key, language_row};
use crate::app::Notice;
use stratboard_core::i18n::{Language, Tr};
use stratboard_core::model::{AlternativeId, AlternativeStatus};
use stratboard_core::report::passport::{self, PassportError};
use stratboard_core::report::{self, Document, ExportError, Format, PassportFormat, Zone};
use stratboard_core::storage;

/// The passport built for (revision, language, alternative), or why there is none.
pub(super) type Built = (u64, Language, AlternativeId, Result<Arc<Document>, String>);

/// The protocol format whose name the dialog shows for a passport format.
fn shown_as(format: PassportFormat) -> Format {
    match format {
        PassportFormat::Pdf => Format::Pdf,
        PassportFormat::Docx => Format::Docx,
    }
}

/// The most of `title` a file name takes: up to [`TITLE_IN_NAME`] characters, cut after a
/// whole word when it is longer.
fn short_title(title: &str) -> String {
    let title = title.trim();
    if title.chars().count() <= TITLE_IN_NAME {
        return title.to_owned();
    }
    let cut: String = title.chars().take(TITLE_IN_NAME).collect();
    let words = match cut.rfind(char::is_whitespace) {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    words
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// How many characters of an alternative's title its passport's file name takes at most.
const TITLE_IN_NAME: usize = 60;

/// Why there is no passport, in words.
fn refusal(tr: &Tr, error: &PassportError) -> String {
    match error {
        PassportError::NoSuchAlternative(_) => tr.t("export-passport-gone"),
        PassportError::Hidden(_) => tr.t("export-passport-hidden"),
    }
}

impl ExportDialog {
    /// Opens the dialog on the passport of `alternative`: in the session's language, the
    /// format chosen last time (PDF at first), the file named after the alternative next to
    /// the session (or in Documents).
    pub(in crate::app) fn open_passport(
        &mut self,
        lent: &mut Lent<'_>,
        alternative: AlternativeId,
    ) {
        let format = self.passport_format.unwrap_or(PassportFormat::Pdf);
        self.passport = Some(alternative);
        self.passport_format = Some(format);
        self.cards = false;
        self.language = Some(lent.doc.session().language());
        self.error = None;
        self.exists = None;
        self.path = self
            .passport_path(lent, alternative, format)
            .display()
            .to_string();
        self.open = true;
    }

    /// The alternative whose passport the dialog exports, if it is in passport mode.
    pub fn passport(&self) -> Option<AlternativeId> {
        self.passport
    }

    /// `Паспорт инициативы — TITLE.pdf` in the default export folder.
    fn passport_path(
        &self,
        lent: &Lent<'_>,
        alternative: AlternativeId,
        format: PassportFormat,
    ) -> PathBuf {
        let title = lent
            .doc
            .session()
            .alternative(alternative)
            .map_or_else(String::new, |a| short_title(&a.title));
        let name = file_stem(&lent.tr.with("export-passport-file", "title", &title));
        let folder = self
            .default_export_path(lent, shown_as(format))
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        folder.join(format!("{name}.{}", format.extension()))
    }

    /// Switches the passport's format, keeping the typed folder and name.
    fn choose_passport_format(&mut self, format: PassportFormat) {
        self.passport_format = Some(format);
        let path = PathBuf::from(self.path.trim());
        if !path.as_os_str().is_empty() {
            self.path = path
                .with_extension(format.extension())
                .display()
                .to_string();
        }
        self.error = None;
    }

    /// The passport's pages for the preview, built once per revision, language and
    /// alternative (not every frame).
    pub(super) fn passport_document(
        &mut self,
        lent: &Lent<'_>,
        alternative: AlternativeId,
        language: Language,
    ) -> Result<Arc<Document>, String> {
        let revision = lent.doc.revision();
        match &self.passport_built {
            Some((r, l, a, built)) if *r == revision && *l == language && *a == alternative => {
                built.clone()
            }
            _ => {
                let built = passport::build(lent.doc.session(), alternative, language, Zone::Local)
                    .map(Arc::new)
                    .map_err(|error| refusal(lent.tr, &error));
                self.passport_built = Some((revision, language, alternative, built.clone()));
                built
            }
        }
    }

    /// The passport mode's first rows: which initiative (and, unless it is adopted, that the
    /// passport is a draft), then the formats and the language.
    pub(super) fn passport_choices(
        &mut self,
        lent: &mut Lent<'_>,
        ui: &mut egui::Ui,
        alternative: AlternativeId,
        language: Language,
    ) {
        let session = lent.doc.session();
        if let Some(found) = session.alternative(alternative) {
            ui.label(RichText::new(&found.title).strong());
            if found.status != AlternativeStatus::Adopted {
                let note = lent.tr.t("export-passport-draft");
                ui.label(RichText::new(note).color(lent.theme.warning()));
            }
        }
        let format = self.passport_format.unwrap_or(PassportFormat::Pdf);
        ui.horizontal_wrapped(|ui| {
            ui.label(lent.theme.caption(lent.tr.t("export-format")));
            for option in [PassportFormat::Pdf, PassportFormat::Docx] {
                let selected = option == format;
                let name = lent.tr.t(format_key(shown_as(option)));
                if ui.selectable_label(selected, name).clicked() && !selected {
                    self.choose_passport_format(option);
                }
            }
            ui.separator();
            if let Some(option) = language_row(ui, lent, "export-passport-language", language) {
                self.language = Some(option);
            }
        });
    }

    /// Writes the passport to the path in the dialog; on success closes it and returns the
    /// notice, on failure keeps it open with the reason.
    pub(super) fn export_passport_now(
        &mut self,
        lent: &mut Lent<'_>,
        alternative: AlternativeId,
    ) -> Option<Exported> {
        let path = self.typed_export_path(lent);
        let format = self.passport_format.unwrap_or(PassportFormat::Pdf);
        let language = self.language.unwrap_or(lent.tr.language());
        if let Some(key) = super::destination_problem(&path, lent.doc.path()) {
            self.error = Some(lent.tr.t(key));
            return None;
        }
        let exported = report::export_passport(
            lent.doc.session(),
            alternative,
            format,
            language,
            Zone::Local,
        );
        let bytes = match exported {
            Ok(bytes) => bytes,
            Err(ExportError::Passport(error)) => {
                self.error = Some(refusal(lent.tr, &error));
                return None;
            }
            Err(error) => {
                self.error = Some(error.to_string());
                return None;
            }
        };
        if let Err(error) = storage::write_file(&path, &bytes) {
            self.error = Some(format!("{}\n{error}", lent.tr.t("export-failed")));
            return None;
        }
        lent.settings.export_language = Some(language);
        self.exists = None;
        self.open = false;
        self.error = None;
        let text = lent
            .tr
            .with("export-passport-done", "file", &path.display().to_string());
        Some(Exported::Protocol(Notice::Written { text, path }))
    }

    /// The file dialog's filter in passport mode: its name and extension.
    pub(super) fn passport_filter(&self, tr: &Tr) -> (String, &'static str) {
        let format = self.passport_format.unwrap_or(PassportFormat::Pdf);
        (tr.t(format_key(shown_as(format))), format.extension())
    }
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn a_long_title_is_cut_after_a_whole_word() {
        assert_eq!(short_title("  Субсидии ТОС "), "Субсидии ТОС");
        let long = "Сначала увеличить количество ТОС: поддержать очаги активности морально и организационно";
        assert_eq!(
            short_title(long),
            "Сначала увеличить количество ТОС: поддержать очаги"
        );
        let word = "а".repeat(70);
        assert_eq!(short_title(&word).chars().count(), 60);
    }
}
