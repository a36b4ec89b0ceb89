//! Refused edits explained in the user's language. The technical detail (the path and the
//! English sentence of the model) follows on a second line, for a bug report.

use fluent_templates::fluent_bundle::FluentValue;

use stratboard_core::commands::{AttendanceRefusal, CommandError, VoteRefusal};
use stratboard_core::i18n::Tr;
use stratboard_core::model::{ProblemKind, ProxyProblem};
use stratboard_core::sections::CombineRefusal;

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
        CommandError::Vote(refusal) => vote_refusal(tr, refusal),
        CommandError::Attendance(refusal) => attendance_refusal(tr, refusal),
        CommandError::NotSaved(_) => tr.t("refused-not-saved"),
        CommandError::SessionFull { .. } => tr.t("refused-session-full"),
        CommandError::Combine(refusal) => combine_refusal(tr, refusal),
    };
    format!("{text}\n({error})")
}

/// Why two alternatives cannot be combined, in words.
fn combine_refusal(tr: &Tr, refusal: &CombineRefusal) -> String {
    match refusal {
        CombineRefusal::Same => tr.t("combine-refused-same"),
        CombineRefusal::Unknown(_) => tr.t("refused-unknown"),
        CombineRefusal::OnVote { .. } => tr.t("combine-refused-on-vote"),
    }
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
        ProblemKind::Proxy(problem) => proxy_problem(tr, problem),
        ProblemKind::StartAfterDue { .. } => tr.t("refused-start-after-due"),
        ProblemKind::NotANumber => tr.t("refused-not-a-number"),
        ProblemKind::UnknownSection { .. } | ProblemKind::DuplicateSection { .. } => {
            tr.t("refused-section-record")
        }
    }
}

/// A refused vote operation in words: who may not vote says why; the rest is the vote's rule.
fn vote_refusal(tr: &Tr, refusal: &VoteRefusal) -> String {
    match refusal {
        VoteRefusal::NoVote(_) => tr.t("refused-no-vote"),
        VoteRefusal::ProxyGiven(_) => tr.t("refused-proxy-given"),
        VoteRefusal::NoProxy { .. } => tr.t("refused-no-proxy"),
        _ => tr.t("refused-vote"),
    }
}

/// A refused registration mark or proxy in words.
fn attendance_refusal(tr: &Tr, refusal: &AttendanceRefusal) -> String {
    match refusal {
        AttendanceRefusal::Proxy(problem) => proxy_problem(tr, problem),
        AttendanceRefusal::NotHere(_) => tr.t("refused-not-here"),
        AttendanceRefusal::Unknown(_) | AttendanceRefusal::WrongGiver(_) => tr.t("refused-unknown"),
    }
}

/// Why a proxy cannot stand, in words.
pub fn proxy_problem(tr: &Tr, problem: &ProxyProblem) -> String {
    match problem {
        ProxyProblem::NoVote(_) => tr.t("proxy-refused-no-vote"),
        ProxyProblem::ToThemselves(_) => tr.t("proxy-refused-self"),
        ProxyProblem::Chain(_) => tr.t("proxy-refused-chain"),
        ProxyProblem::TooMany { max, .. } => tr.args(
            "proxy-refused-too-many",
            &[("max", FluentValue::from(*max))],
        ),
        ProxyProblem::HolderAbsent(_) => tr.t("proxy-refused-absent"),
        ProxyProblem::Twice(_) => tr.t("proxy-refused-twice"),
    }
}
