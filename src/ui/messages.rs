//! Refused edits explained in the user's language. The technical detail (the path and the
//! English sentence of the model) follows on a second line, for a bug report.

use fluent_templates::fluent_bundle::FluentValue;

use stratboard_core::commands::CommandError;
use stratboard_core::i18n::Tr;
use stratboard_core::model::ProblemKind;

/// Why an edit was refused, translated.
pub fn command_error(tr: &Tr, error: &CommandError) -> String {
    let text = match error {
        CommandError::Unknown(_) => tr.t("refused-unknown"),
        CommandError::AlreadyExists(_) => tr.t("refused-exists"),
        CommandError::OutOfRange { .. } => tr.t("refused-move"),
        CommandError::Referenced {
            by_ballots: true, ..
        } => tr.t("refused-has-ballots"),
        CommandError::Referenced { sites, .. } => tr.n("refused-referenced", sites.len() as i64),
        CommandError::Invalid(problem) => problem_text(tr, &problem.kind),
        CommandError::Vote(_) => tr.t("refused-vote"),
        CommandError::NotSaved(_) => tr.t("refused-not-saved"),
        CommandError::SessionFull { .. } => tr.t("refused-session-full"),
    };
    format!("{text}\n({error})")
}

/// A validation problem in words.
pub fn problem_text(tr: &Tr, kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::EmptyText => tr.t("common-empty-refused"),
        ProblemKind::DuplicateId { .. } => tr.t("refused-duplicate-id"),
        ProblemKind::Dangling { .. } => tr.t("refused-dangling"),
        ProblemKind::Repeated { .. } => tr.t("refused-repeated"),
        ProblemKind::OutOfRange { min, max, .. } => tr.args(
            "refused-range",
            &[
                ("min", FluentValue::from(*min)),
                ("max", FluentValue::from(*max)),
            ],
        ),
        ProblemKind::GoalCycle => tr.t("refused-goal-cycle"),
        ProblemKind::EndBeforeStart { .. } => tr.t("refused-end-before-start"),
        ProblemKind::DueBeforeSession { .. } => tr.t("refused-due-before-session"),
        ProblemKind::DuplicatePosition { .. } => tr.t("refused-duplicate-position"),
        ProblemKind::RoundNumber { .. }
        | ProblemKind::BallotKind { .. }
        | ProblemKind::NotOnBallot { .. }
        | ProblemKind::SecretBallotNamesVoter
        | ProblemKind::VotedTwice { .. }
        | ProblemKind::BadMethodSettings { .. } => tr.t("refused-vote-rule"),
    }
}
