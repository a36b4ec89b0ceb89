//! The participant import's messages in the interface's language (the strings are in
//! `assets/locales/{ru,en}/participants_import.ftl`). The library's own messages
//! (`Display`) are English, for the command line.

use fluent_templates::fluent_bundle::FluentValue;

use super::{Field, Problem, ReadError};
use crate::i18n::Tr;

fn int(n: usize) -> FluentValue<'static> {
    i64::try_from(n).unwrap_or(i64::MAX).into()
}

fn text(s: &str) -> FluentValue<'static> {
    s.to_owned().into()
}

/// A field's name, translated ("ФИО", "Должность"…).
pub fn field(tr: &Tr, field: Field) -> String {
    tr.t(field.label_key())
}

/// Why a file could not be read, translated (with its row where it has one).
pub fn read_error(tr: &Tr, error: &ReadError) -> String {
    match error {
        ReadError::TooLarge { size } => tr.args(
            "pimport-too-large",
            &[("megabytes", int((*size / (1024 * 1024)) as usize))],
        ),
        ReadError::NotUtf8 { row } => tr.args("pimport-not-utf8", &[("row", int(*row))]),
        ReadError::Unsupported { extension } => {
            tr.with("pimport-unsupported", "extension", extension)
        }
        ReadError::OldExcel => tr.t("pimport-old-excel"),
        ReadError::Damaged { message } => tr.with("pimport-damaged", "message", message),
        ReadError::UnclosedQuote { row } => {
            tr.args("pimport-unclosed-quote", &[("row", int(*row))])
        }
        ReadError::TextAfterQuote { row } => {
            tr.args("pimport-text-after-quote", &[("row", int(*row))])
        }
        ReadError::NoSuchSheet { name, sheets } => tr.args(
            "pimport-no-such-sheet",
            &[("name", text(name)), ("sheets", text(&sheets.join(", ")))],
        ),
        ReadError::NoSheets => tr.t("pimport-no-sheets"),
        ReadError::SheetTooLarge { sheet, cell } => tr.args(
            "pimport-sheet-too-large",
            &[("sheet", text(sheet)), ("cell", text(cell))],
        ),
        ReadError::Empty => tr.t("pimport-empty"),
    }
}

/// Why a plan cannot be applied, translated (with its row and column where it has them).
pub fn problem(tr: &Tr, problem: &Problem) -> String {
    match problem {
        Problem::NoNameColumn { found } => tr.with("pimport-no-name-column", "found", found),
        Problem::FieldTwice {
            field: which,
            first,
            second,
        } => tr.args(
            "pimport-field-twice",
            &[
                ("field", text(&field(tr, *which))),
                ("first", text(first)),
                ("second", text(second)),
            ],
        ),
        Problem::NameAndParts {
            name,
            part,
            field: which,
        } => tr.args(
            "pimport-name-and-parts",
            &[
                ("name", text(name)),
                ("part", text(part)),
                ("field", text(&field(tr, *which))),
            ],
        ),
        Problem::NoRows { header_row } => tr.args("pimport-no-rows", &[("row", int(*header_row))]),
        Problem::MissingName { row, column } => tr.args(
            "pimport-missing-name",
            &[("row", int(*row)), ("column", text(column))],
        ),
        Problem::BadVoting { row, column, value } => tr.args(
            "pimport-bad-voting",
            &[
                ("row", int(*row)),
                ("column", text(column)),
                ("value", text(value)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    /// Every message reads in Russian without English words and in English as `Display` says.
    #[test]
    fn messages_are_translated() {
        let ru = Tr::new(Language::Russian);
        let en = Tr::new(Language::English);
        let missing = Problem::MissingName {
            row: 7,
            column: "B".to_owned(),
        };
        assert_eq!(
            problem(&ru, &missing),
            "строка 7, столбец B: не указано ФИО"
        );
        assert_eq!(problem(&en, &missing), missing.to_string());
        let twice = Problem::FieldTwice {
            field: Field::Position,
            first: "B".to_owned(),
            second: "D".to_owned(),
        };
        assert_eq!(
            problem(&ru, &twice),
            "в столбцах B и D одно и то же поле: «Должность»"
        );
        let bad = Problem::BadVoting {
            row: 4,
            column: "E".to_owned(),
            value: "может быть".to_owned(),
        };
        assert_eq!(
            problem(&ru, &bad),
            "строка 4, столбец E: «может быть» — не отметка права голоса: укажите да/нет, yes/no, +/-, 1/0 или true/false"
        );
        assert_eq!(problem(&en, &bad), bad.to_string());
        let errors = [
            ReadError::OldExcel,
            ReadError::NoSheets,
            ReadError::SheetTooLarge {
                sheet: "Лист1".to_owned(),
                cell: "XFD1048576".to_owned(),
            },
            ReadError::Empty,
            ReadError::UnclosedQuote { row: 3 },
            ReadError::NoSuchSheet {
                name: "Лист9".to_owned(),
                sheets: vec!["Лист1".to_owned()],
            },
        ];
        for error in &errors {
            let russian = read_error(&ru, error);
            let english = read_error(&en, error);
            assert!(!russian.contains("pimport-"), "{russian}");
            assert!(
                russian.chars().any(|c| ('а'..='я').contains(&c)),
                "{russian}"
            );
            assert_eq!(english, error.to_string());
        }
        for field_kind in Field::ALL {
            assert!(!field(&ru, field_kind).contains("pimport-"));
            assert!(!field(&en, field_kind).contains("pimport-"));
        }
    }
}
