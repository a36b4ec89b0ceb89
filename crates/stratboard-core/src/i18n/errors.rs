//! The voting library's errors in the interface's language: why a paper-ballot file was
//! refused, and why a vote's settings cannot be counted. The library's own messages are English
//! (the command line prints them); the board and the protocol show these instead. An import
//! error's line number is not part of the text: the card's message names it.

use fluent_templates::fluent_bundle::FluentValue;

use super::Tr;
use crate::voting::import::{CellKind, Count, ImportError, Problem};
use crate::voting::{Setting, TallyError};

fn int(n: usize) -> FluentValue<'static> {
    i64::try_from(n).unwrap_or(i64::MAX).into()
}

fn text(s: &str) -> FluentValue<'static> {
    s.to_owned().into()
}

/// The reason `error` gives, translated (without "line N:").
pub fn import_error(tr: &Tr, error: &ImportError) -> String {
    match error {
        ImportError::Empty => tr.t("import-empty"),
        ImportError::NoBallots => tr.t("import-no-ballots"),
        ImportError::TooLarge { size } => tr.args(
            "import-too-large",
            &[("megabytes", int((*size / (1024 * 1024)) as usize))],
        ),
        ImportError::NotUtf8 { .. } => tr.t("import-not-utf8"),
        ImportError::UnsupportedExtension { extension } => {
            tr.with("import-unsupported", "extension", extension)
        }
        ImportError::Io { message } => tr.with("import-io", "message", message),
        ImportError::BadHeader { reason, .. } | ImportError::BadLine { reason, .. } => {
            problem(tr, reason)
        }
        ImportError::MissingHeader { what } => tr.with("import-missing-header", "what", what),
        ImportError::UnknownAlternative { name, .. } => {
            tr.with("import-unknown-alternative", "name", name)
        }
        ImportError::AmbiguousAlternative { name, .. } => {
            tr.with("import-ambiguous-alternative", "name", name)
        }
        ImportError::DuplicateAlternative { name, .. } => {
            tr.with("import-duplicate-alternative", "name", name)
        }
        ImportError::DuplicateInOrder { alternative, .. } => tr.args(
            "import-duplicate-in-order",
            &[("alternative", int(*alternative))],
        ),
        ImportError::BadCount { value, .. } => tr.with("import-bad-count", "value", value),
        ImportError::BadCell {
            alternative,
            value,
            expected,
            ..
        } => tr.args(
            "import-bad-cell",
            &[
                ("alternative", text(alternative)),
                ("value", text(value)),
                ("expected", text(&tr.t(cell_kind(*expected)))),
            ],
        ),
        ImportError::TooFewColumns {
            found, expected, ..
        } => tr.args(
            "import-too-few-columns",
            &[("found", int(*found)), ("expected", int(*expected))],
        ),
        ImportError::TooManyColumns {
            found, expected, ..
        } => tr.args(
            "import-too-many-columns",
            &[("found", int(*found)), ("expected", int(*expected))],
        ),
        ImportError::NotStrict { data_type, .. } => tr.with("import-not-strict", "type", data_type),
        ImportError::Incomplete {
            data_type, missing, ..
        } => tr.args(
            "import-incomplete",
            &[("type", text(data_type)), ("missing", int(*missing))],
        ),
        ImportError::NotRanked => tr.t("import-not-ranked"),
        ImportError::Inconsistent { id } => {
            tr.args("import-inconsistent", &[("id", int(*id as usize))])
        }
    }
}

fn cell_kind(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Rank => "import-cell-rank",
        CellKind::Approval => "import-cell-approval",
        CellKind::Score => "import-cell-score",
    }
}

fn count(what: Count) -> &'static str {
    match what {
        Count::Alternatives => "import-count-alternatives",
        Count::Voters => "import-count-voters",
        Count::UniqueOrders => "import-count-unique-orders",
        Count::AlternativeNumber => "import-count-alternative-number",
    }
}

fn problem(tr: &Tr, problem: &Problem) -> String {
    match problem {
        Problem::UnclosedQuote => tr.t("import-unclosed-quote"),
        Problem::TextAfterQuote => tr.t("import-text-after-quote"),
        Problem::NoAlternatives => tr.t("import-no-alternatives"),
        Problem::UnnamedColumn { column } => {
            tr.args("import-unnamed-column", &[("column", int(*column))])
        }
        Problem::NotWholeNumber { what, value } => tr.args(
            "import-not-whole-number",
            &[("what", text(&tr.t(count(*what)))), ("value", text(value))],
        ),
        Problem::GivenTwice { key } => tr.with("import-given-twice", "key", key),
        Problem::NotOrdinal { value } => tr.with("import-not-ordinal", "value", value),
        Problem::ZeroAlternatives => tr.t("import-zero-alternatives"),
        Problem::TypeMismatch { found, named } => tr.args(
            "import-type-mismatch",
            &[("found", text(found)), ("named", text(named))],
        ),
        Problem::OutOfRange { alternative, count } => tr.args(
            "import-out-of-range",
            &[("alternative", int(*alternative)), ("count", int(*count))],
        ),
        Problem::NamedTwice { alternative } => {
            tr.args("import-named-twice", &[("alternative", int(*alternative))])
        }
        Problem::EmptyName { alternative } => {
            tr.args("import-empty-name", &[("alternative", int(*alternative))])
        }
        Problem::OrderLineShape => tr.t("import-order-line-shape"),
        Problem::VotersMismatch { declared, counted } => tr.args(
            "import-voters-mismatch",
            &[
                ("declared", int(*declared)),
                (
                    "counted",
                    int(usize::try_from(*counted).unwrap_or(usize::MAX)),
                ),
            ],
        ),
        Problem::UniqueOrdersMismatch { declared, found } => tr.args(
            "import-unique-orders-mismatch",
            &[("declared", int(*declared)), ("found", int(*found))],
        ),
        Problem::UnclosedTie => tr.t("import-unclosed-tie"),
        Problem::EmptyPlace => tr.t("import-empty-place"),
        Problem::NotAlternativeNumber { item } => {
            tr.with("import-not-alternative-number", "item", item)
        }
        Problem::Unexpected { text } => tr.with("import-unexpected", "text", text),
    }
}

/// Why a vote cannot be counted, translated: "the Score voting method's settings cannot be
/// used: the lowest score (5) must be below the highest (1)".
pub fn tally_error(tr: &Tr, error: &TallyError) -> String {
    match error {
        TallyError::BadSettings { method, reason } => {
            let method = crate::model::MethodInfo::by_name(method)
                .map_or_else(|| (*method).to_owned(), |info| tr.t(info.label_key));
            tr.args(
                "tally-bad-settings",
                &[
                    ("method", text(&method)),
                    ("reason", text(&setting(tr, reason))),
                ],
            )
        }
    }
}

fn setting(tr: &Tr, setting: &Setting) -> String {
    match setting {
        Setting::NoDots => tr.t("tally-no-dots"),
        Setting::ZeroCap => tr.t("tally-zero-cap"),
        Setting::ScoreRange { min, max } => tr.args(
            "tally-score-range",
            &[
                ("min", i64::from(*min).into()),
                ("max", i64::from(*max).into()),
            ],
        ),
        Setting::TooFewGrades { grades } => {
            tr.args("tally-too-few-grades", &[("grades", int(*grades))])
        }
        Setting::NoCriteria => tr.t("tally-no-criteria"),
        Setting::TooManyAlternatives { count } => {
            tr.args("tally-too-many-alternatives", &[("count", int(*count))])
        }
        Setting::CriterionTwice { goal } => {
            tr.args("tally-criterion-twice", &[("goal", int(goal.0 as usize))])
        }
        Setting::ZeroWeights => tr.t("tally-zero-weights"),
        Setting::ImpossibleThreshold { percent } => tr.args(
            "tally-impossible-threshold",
            &[("percent", int(*percent as usize))],
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::i18n::Language;
    use crate::model::{Threshold, VoteMethod};
    use crate::voting::import::{BallotKind, read_csv};
    use crate::voting::{Election, tally};

    #[test]
    fn settings_errors_are_translated() {
        let ru = Tr::new(Language::Russian);
        let method = VoteMethod::Score { min: 5, max: 1 };
        let error = tally(&Election {
            alternatives: &[],
            ballots: &[],
            method: &method,
            quorum: None,
            threshold: Threshold::SimpleMajority,
        })
        .unwrap_err();
        assert_eq!(
            tally_error(&ru, &error),
            "настройки способа «Оценочное голосование» нельзя использовать: \
             низшая оценка (5) должна быть меньше высшей (1)"
        );
    }

    #[test]
    fn too_many_alternatives_is_translated() {
        let ids: Vec<crate::model::AlternativeId> =
            (1..=1_001).map(crate::model::AlternativeId).collect();
        let error = tally(&Election {
            alternatives: &ids,
            ballots: &[],
            method: &VoteMethod::Schulze,
            quorum: None,
            threshold: Threshold::SimpleMajority,
        })
        .unwrap_err();
        let russian = tally_error(&Tr::new(Language::Russian), &error);
        assert!(
            russian.ends_with("альтернатив: 1001; ранжированный метод считает не более 1000"),
            "{russian}"
        );
        let english = tally_error(&Tr::new(Language::English), &error);
        assert!(
            english.ends_with("1001 alternatives; a ranked method counts at most 1,000"),
            "{english}"
        );
    }

    /// Every kind of refusal the CSV reader gives reads in Russian without English words, and
    /// in English as the library says it (without the line).
    #[test]
    fn import_errors_are_translated() {
        let ru = Tr::new(Language::Russian);
        let en = Tr::new(Language::English);
        let cases = [
            ("", "файл пуст"),
            ("A,B\n", "в файле нет бюллетеней"),
            (
                "A,B\n1,x\n",
                "значение «x» для «B» — не место (целое число, 1 — лучшая)",
            ),
            ("A,B\n1,2,3\n", "3 ячейки, а в заголовке только 2 столбца"),
            ("A,\"B\n1,2\n", "кавычка в ячейке не закрыта"),
        ];
        for (csv, russian) in cases {
            let error = read_csv(csv, BallotKind::Ranked).unwrap_err();
            assert_eq!(import_error(&ru, &error), russian, "{csv:?}");
            let english = error.to_string();
            let english = english
                .split_once(": ")
                .filter(|(head, _)| head.starts_with("line "))
                .map_or(english.as_str(), |(_, rest)| rest)
                .replace('"', "");
            assert_eq!(
                import_error(&en, &error).replace(['“', '”'], ""),
                english,
                "{csv:?}"
            );
        }
    }
}
