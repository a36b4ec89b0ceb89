//! Goals (a tree) and the situation analysis (SWOT findings).

use serde::{Deserialize, Serialize};

use super::{FindingId, GoalId, Indicator};

/// How much a goal matters.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Priority {
    /// Must be reached.
    High,
    /// Should be reached.
    #[default]
    Medium,
    /// Nice to reach.
    Low,
}

/// A strategic goal; goals form a tree through `parent`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Goal {
    /// The goal's id.
    pub id: GoalId,
    /// The goal in a few words; never empty.
    pub title: String,
    /// What reaching it means, how it is measured.
    pub description: String,
    /// High, medium or low.
    pub priority: Priority,
    /// The goal this one serves, if it is a sub-goal.
    pub parent: Option<GoalId>,
    /// Its target indicators (format 5; left out of the file when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// The quadrant of a situation-analysis finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quadrant {
    /// Сильная сторона: an internal strength.
    #[default]
    Strength,
    /// Слабая сторона: an internal weakness.
    Weakness,
    /// Возможность: an external opportunity.
    Opportunity,
    /// Угроза: an external threat.
    Threat,
}

impl Quadrant {
    /// The four quadrants in SWOT order.
    pub const ALL: [Self; 4] = [
        Self::Strength,
        Self::Weakness,
        Self::Opportunity,
        Self::Threat,
    ];
}

/// One finding of the analysis of the organisation's state and internal capabilities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Finding {
    /// The finding's id.
    pub id: FindingId,
    /// Strength, weakness, opportunity or threat.
    pub quadrant: Quadrant,
    /// The finding itself; never empty.
    pub text: String,
    /// The goal it bears on.
    pub goal: Option<GoalId>,
}
