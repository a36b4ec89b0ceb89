//! The translation key of every choice in the model, so that menus and cards name them in the
//! user's language.

use crate::i18n::Tr;
use crate::model::{
    ActionStatus, AgendaKind, AgendaStatus, AlternativeStatus, Anonymity, ConsentChoice, Priority,
    Quadrant, ResultsVisibility, SessionFormat, Stance, Threshold, Vote, VoteMethod, VoteStatus,
};

/// A model enum whose values have translated names.
pub trait Named: Copy {
    /// The translation key of this value.
    fn key(self) -> &'static str;

    /// The translated name.
    fn name(self, tr: &Tr) -> String {
        tr.t(self.key())
    }
}

/// A language is named in itself (Русский, English), whatever the interface's language.
impl Named for super::Language {
    fn key(self) -> &'static str {
        match self {
            Self::Russian => "language-Russian",
            Self::English => "language-English",
        }
    }

    fn name(self, _tr: &Tr) -> String {
        self.native_name().to_owned()
    }
}

/// One line a model enum: its values' translation keys are the prefix and the variant's name
/// (in braces, which rustfmt leaves as they are).
macro_rules! named {
    ($ty:ty, $prefix:literal, [$($variant:ident),* $(,)?]) => {
        impl Named for $ty {
            fn key(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => concat!($prefix, stringify!($variant)),)*
                }
            }
        }
    };
}

named! { SessionFormat, "format-", [RoundTable, Brainstorm, BusinessGame, Training, DiscussionPlatform, Other] }
named! { AgendaKind, "agenda-kind-", [Opening, Presentation, Discussion, Brainstorm, GroupWork, BusinessGame, Training, Vote, Break, Summary] }
named! { AgendaStatus, "agenda-status-", [Planned, InProgress, Done, Skipped] }
named! { Priority, "priority-", [High, Medium, Low] }
named! { Quadrant, "quadrant-", [Strength, Weakness, Opportunity, Threat] }
named! { AlternativeStatus, "alternative-status-", [Proposed, Shortlisted, Adopted, Rejected, Postponed] }
named! { Stance, "stance-", [StronglyFor, For, Neutral, Against, StronglyAgainst, Undecided] }
named! { ActionStatus, "action-status-", [Open, InProgress, Done, Cancelled] }
named! { VoteStatus, "vote-status-", [Draft, Open, Closed] }
named! { ConsentChoice, "votes-consent-", [For, Against, Abstain, Block] }
named! { Anonymity, "anonymity-", [Open, Anonymous, Secret] }

/// The priorities in picker order.
pub const PRIORITIES: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
/// The agenda statuses in picker order.
pub const AGENDA_STATUSES: [AgendaStatus; 4] = [
    AgendaStatus::Planned,
    AgendaStatus::InProgress,
    AgendaStatus::Done,
    AgendaStatus::Skipped,
];

/// The translation key of a method's name.
pub fn method_key(method: &VoteMethod) -> &'static str {
    method.info().label_key
}

/// A vote's rules in one line: visibility, quorum, threshold, block, method settings.
pub fn vote_rules(tr: &Tr, vote: &Vote) -> String {
    let mut parts = vec![match vote.visibility {
        ResultsVisibility::Live => tr.t("votes-visibility-Live"),
        ResultsVisibility::AfterClose => tr.t("votes-visibility-AfterClose"),
    }];
    if let Some(quorum) = vote.quorum {
        parts.push(tr.n("votes-quorum", i64::from(quorum)));
    }
    if let VoteMethod::Consent { allow_block } = vote.method {
        parts.push(match vote.threshold {
            Threshold::SimpleMajority => tr.t("votes-threshold-SimpleMajority"),
            Threshold::TwoThirds => tr.t("votes-threshold-TwoThirds"),
            Threshold::AtLeastPercent(percent) => {
                tr.n("votes-threshold-percent", i64::from(percent))
            }
            Threshold::Unanimous => tr.t("votes-threshold-Unanimous"),
        });
        if allow_block {
            parts.push(tr.t("votes-block-allowed"));
        }
    }
    match &vote.method {
        VoteMethod::Dot { dots, cap } => {
            parts.push(tr.n("votes-rule-dots", i64::from(*dots)));
            if let Some(cap) = cap {
                parts.push(tr.n("votes-rule-cap", i64::from(*cap)));
            }
        }
        VoteMethod::Score { min, max } | VoteMethod::Matrix { min, max, .. } => {
            parts.push(tr.args(
                "votes-rule-range",
                &[
                    ("min", i64::from(*min).into()),
                    ("max", i64::from(*max).into()),
                ],
            ));
        }
        VoteMethod::MajorityJudgment { grades } => {
            parts.push(grades.join(" < "));
        }
        _ => {}
    }
    parts.join("  ·  ")
}

/// The translation key of a results chart's caption.
pub fn chart_caption_key(measure: crate::voting::ChartMeasure) -> &'static str {
    use crate::voting::ChartMeasure;
    match measure {
        ChartMeasure::Consent => "votes-chart-consent",
        ChartMeasure::Totals => "votes-chart-scores",
        ChartMeasure::MedianGrade => "votes-chart-medians",
        ChartMeasure::FirstPreferences => "votes-chart-first-round",
        ChartMeasure::PairwiseWins => "votes-chart-pairwise-wins",
        ChartMeasure::WinsMinusLosses => "votes-chart-copeland",
    }
}
