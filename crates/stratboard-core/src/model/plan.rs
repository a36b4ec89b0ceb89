//! From decisions to results (format 5): target indicators on goals (целевые показатели), the
//! action plan's roadmap fields on action items, risks on decisions and alternatives, and the
//! rules that keep them consistent.
//!
//! An indicator lives in its goal (`Goal::indicators`) and is edited with its goal; action
//! items refer to it by [`IndicatorId`]. An action item's `owners` keep their meaning: the
//! first is the responsible executor (ответственный), the others are co-executors
//! (соисполнители) together with `co_groups`.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Goal, GoalId, IndicatorId, ParticipantId, Problem, ProblemKind, Session};

/// A number an indicator takes: finite, written to files as a plain number. Compared by value
/// (so a session stays comparable as a whole).
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Value(pub f64);

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.0.total_cmp(&other.0) == Ordering::Equal
    }
}

impl Eq for Value {}

/// A value for one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearValue {
    /// The year.
    pub year: i32,
    /// The value.
    pub value: Value,
}

/// A target indicator (целевой показатель) of a goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's id (from the session's counter).
    pub id: IndicatorId,
    /// What is measured; never empty.
    pub name: String,
    /// The unit: «ед.», «%», «тыс. руб.».
    pub unit: String,
    /// Whether more is better (the number of TOS) or less (waiting time).
    pub higher_is_better: bool,
    /// The value it starts from, and its year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<YearValue>,
    /// The targets by year, in year order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<YearValue>,
    /// The actual values by year, entered at later sessions, in year order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<YearValue>,
    /// Where the figures come from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who answers for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<ParticipantId>,
}

impl Default for Indicator {
    fn default() -> Self {
        Self {
            id: IndicatorId::default(),
            name: String::new(),
            unit: String::new(),
            higher_is_better: true,
            baseline: None,
            targets: Vec::new(),
            actuals: Vec::new(),
            source: String::new(),
            responsible: None,
        }
    }
}

/// How an indicator stands: its latest actual value against the target for that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorStatus {
    /// The target is reached.
    Reached,
    /// Not reached, but within 10 % of the target.
    OnTrack,
    /// Further than 10 % from the target.
    Behind,
}

/// How far from a target still counts as on track: 10 % of it.
pub const ON_TRACK_SHARE: f64 = 0.10;

impl Indicator {
    /// The target for `year`, if one is set.
    pub fn target(&self, year: i32) -> Option<f64> {
        value_in(&self.targets, year)
    }

    /// The actual value of `year`, if one is entered.
    pub fn actual(&self, year: i32) -> Option<f64> {
        value_in(&self.actuals, year)
    }

    /// The latest actual value with its year.
    pub fn latest_actual(&self) -> Option<YearValue> {
        self.actuals.iter().max_by_key(|v| v.year).copied()
    }

    /// The latest actual value against the target for its year; `None` without both.
    pub fn status(&self) -> Option<(YearValue, f64, IndicatorStatus)> {
        let actual = self.latest_actual()?;
        let target = self.target(actual.year)?;
        Some((actual, target, self.compare(actual.value.0, target)))
    }

    /// `actual` against `target`: reached, within 10 % of it, or behind.
    pub fn compare(&self, actual: f64, target: f64) -> IndicatorStatus {
        let short = if self.higher_is_better {
            target - actual
        } else {
            actual - target
        };
        if short <= 0.0 {
            IndicatorStatus::Reached
        } else if short <= ON_TRACK_SHARE * target.abs() {
            IndicatorStatus::OnTrack
        } else {
            IndicatorStatus::Behind
        }
    }
}

fn value_in(values: &[YearValue], year: i32) -> Option<f64> {
    values.iter().find(|v| v.year == year).map(|v| v.value.0)
}

/// A risk (риск) of a decision or of an alternative under discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    /// What may go wrong; never empty.
    pub description: String,
    /// How likely, 1 (rare) – 5 (almost certain).
    pub probability: u8,
    /// How bad, 1 (minor) – 5 (severe).
    pub impact: u8,
    /// What is done about it (мера реагирования).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub response: String,
    /// Who watches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<ParticipantId>,
}

impl Default for Risk {
    fn default() -> Self {
        Self {
            description: String::new(),
            probability: 3,
            impact: 3,
            response: String::new(),
            owner: None,
        }
    }
}

impl Risk {
    /// Probability × impact, 1–25: where it sits on the heat map's scale.
    pub fn score(&self) -> u8 {
        self.probability.saturating_mul(self.impact)
    }
}

/// The lowest probability or impact.
pub const RISK_MIN: u8 = 1;
/// The highest probability or impact.
pub const RISK_MAX: u8 = 5;

/// A progress report on an action item (отчёт об исполнении).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// When it was reported.
    pub date: NaiveDate,
    /// What was done.
    pub text: String,
    /// The progress then, 0–100.
    pub progress: u8,
}

/// A status update given to a carried-over item at the next session's execution review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewMark {
    /// Done: 100 %.
    Done,
    /// Being worked on.
    InProgress,
    /// Late: a new due date.
    Overdue {
        /// The new due date.
        due: NaiveDate,
    },
    /// Will not be done, and why.
    Cancelled {
        /// Why.
        reason: String,
    },
}

impl super::ActionItem {
    /// The item after `mark` given at the review on `today`: its status (and due date) as
    /// marked, and a progress report saying so (the reason of a cancellation in it).
    pub fn reviewed(&self, mark: &ReviewMark, today: NaiveDate, words: &ReviewWords) -> Self {
        let mut item = self.clone();
        let text = match mark {
            ReviewMark::Done => {
                item.status = super::ActionStatus::Done;
                item.progress = 100;
                words.done.clone()
            }
            ReviewMark::InProgress => {
                item.status = super::ActionStatus::InProgress;
                words.in_progress.clone()
            }
            ReviewMark::Overdue { due } => {
                item.status = super::ActionStatus::InProgress;
                item.due = Some(*due);
                format!("{} {due}", words.new_due)
            }
            ReviewMark::Cancelled { reason } => {
                item.status = super::ActionStatus::Cancelled;
                format!("{}: {}", words.cancelled, reason.trim())
            }
        };
        item.reports.push(ProgressReport {
            date: today,
            text,
            progress: item.progress_shown(),
        });
        item
    }
}

/// How a review's report reads, in the session's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewWords {
    /// «Выполнено».
    pub done: String,
    /// «В работе».
    pub in_progress: String,
    /// «Новый срок:».
    pub new_due: String,
    /// «Отменено».
    pub cancelled: String,
}

impl Session {
    /// `goal` with an id from the session's counter for each new indicator (id 0).
    pub fn with_indicator_ids(&mut self, mut goal: Goal) -> Goal {
        for indicator in &mut goal.indicators {
            if indicator.id.0 == 0 {
                indicator.id = IndicatorId(self.allocate_id());
            }
        }
        goal
    }

    /// Every indicator with the goal it belongs to, in goal order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Goal, &Indicator)> {
        self.goals
            .iter()
            .flat_map(|goal| goal.indicators.iter().map(move |i| (goal, i)))
    }

    /// The indicator with this id, with its goal.
    pub fn indicator(&self, id: IndicatorId) -> Option<(&Goal, &Indicator)> {
        self.indicators().find(|(_, i)| i.id == id)
    }

    /// The goal an indicator belongs to.
    pub fn goal_of_indicator(&self, id: IndicatorId) -> Option<GoalId> {
        self.indicator(id).map(|(goal, _)| goal.id)
    }

    /// The problems of the plan: indicators (names, values, years once each, their
    /// responsible), action items' dates, progress, co-executors and indicators, and risks.
    pub fn validate_plan(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |path: String, kind: ProblemKind| problems.push(Problem { path, kind });
        let participant = |id: ParticipantId| self.participant(id).is_some();
        for (g, goal) in self.goals.iter().enumerate() {
            for (i, indicator) in goal.indicators.iter().enumerate() {
                let path = format!("goals[{g}].indicators[{i}]");
                indicator_problems(&path, indicator, &participant, &mut push);
            }
        }
        for (a, action) in self.actions.iter().enumerate() {
            let path = format!("actions[{a}]");
            if let (Some(start), Some(due)) = (action.start, action.due)
                && start > due
            {
                push(
                    format!("{path}.start"),
                    ProblemKind::StartAfterDue { start, due },
                );
            }
            progress_problem(format!("{path}.progress"), action.progress, &mut push);
            for (r, report) in action.reports.iter().enumerate() {
                progress_problem(
                    format!("{path}.reports[{r}].progress"),
                    report.progress,
                    &mut push,
                );
            }
            for (c, group) in action.co_groups.iter().enumerate() {
                if self.group(*group).is_none() {
                    let kind = ProblemKind::Dangling {
                        expected: "stakeholder group",
                        id: group.0,
                    };
                    push(format!("{path}.co_groups[{c}]"), kind);
                }
            }
            for (n, id) in action.indicators.iter().enumerate() {
                if self.indicator(*id).is_none() {
                    let kind = ProblemKind::Dangling {
                        expected: "indicator",
                        id: id.0,
                    };
                    push(format!("{path}.indicators[{n}]"), kind);
                }
            }
        }
        let risks = self
            .decisions
            .iter()
            .enumerate()
            .flat_map(|(d, x)| {
                x.risks
                    .iter()
                    .enumerate()
                    .map(move |(r, risk)| (format!("decisions[{d}].risks[{r}]"), risk))
            })
            .chain(self.alternatives.iter().enumerate().flat_map(|(a, x)| {
                x.risks
                    .iter()
                    .enumerate()
                    .map(move |(r, risk)| (format!("alternatives[{a}].risks[{r}]"), risk))
            }));
        for (path, risk) in risks {
            risk_problems(&path, risk, &participant, &mut push);
        }
        problems
    }
}

fn indicator_problems(
    path: &str,
    indicator: &Indicator,
    participant: &impl Fn(ParticipantId) -> bool,
    push: &mut impl FnMut(String, ProblemKind),
) {
    if indicator.name.trim().is_empty() {
        push(format!("{path}.name"), ProblemKind::EmptyText);
    }
    if let Some(id) = indicator.responsible
        && !participant(id)
    {
        let kind = ProblemKind::Dangling {
            expected: "participant",
            id: id.0,
        };
        push(format!("{path}.responsible"), kind);
    }
    let baseline = indicator.baseline.iter();
    let lists = [
        ("targets", &indicator.targets),
        ("actuals", &indicator.actuals),
    ];
    for value in baseline.chain(lists.iter().flat_map(|(_, l)| l.iter())) {
        if !value.value.0.is_finite() {
            push(path.to_owned(), ProblemKind::NotANumber);
        }
    }
    for (field, list) in lists {
        for (i, value) in list.iter().enumerate() {
            if list[..i].iter().any(|earlier| earlier.year == value.year) {
                let kind = ProblemKind::Repeated {
                    what: "year",
                    id: u32::try_from(value.year).unwrap_or(0),
                };
                push(format!("{path}.{field}[{i}].year"), kind);
            }
        }
    }
}

fn progress_problem(path: String, progress: u8, push: &mut impl FnMut(String, ProblemKind)) {
    if progress > 100 {
        let kind = ProblemKind::OutOfRange {
            value: progress.into(),
            min: 0,
            max: 100,
        };
        push(path, kind);
    }
}

fn risk_problems(
    path: &str,
    risk: &Risk,
    participant: &impl Fn(ParticipantId) -> bool,
    push: &mut impl FnMut(String, ProblemKind),
) {
    if risk.description.trim().is_empty() {
        push(format!("{path}.description"), ProblemKind::EmptyText);
    }
    let (min, max) = (i64::from(RISK_MIN), i64::from(RISK_MAX));
    for (field, value) in [("probability", risk.probability), ("impact", risk.impact)] {
        if !(RISK_MIN..=RISK_MAX).contains(&value) {
            let kind = ProblemKind::OutOfRange {
                value: value.into(),
                min,
                max,
            };
            push(format!("{path}.{field}"), kind);
        }
    }
    if let Some(id) = risk.owner
        && !participant(id)
    {
        let kind = ProblemKind::Dangling {
            expected: "participant",
            id: id.0,
        };
        push(format!("{path}.owner"), kind);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn indicator(higher_is_better: bool, target: f64, actual: f64) -> Indicator {
        Indicator {
            name: "TOS".into(),
            higher_is_better,
            targets: vec![YearValue {
                year: 2018,
                value: Value(target),
            }],
            actuals: vec![YearValue {
                year: 2018,
                value: Value(actual),
            }],
            ..Indicator::default()
        }
    }

    fn status(i: &Indicator) -> IndicatorStatus {
        i.status().map(|(_, _, s)| s).unwrap()
    }

    #[test]
    fn reached_on_track_and_behind_at_their_edges() {
        assert_eq!(
            status(&indicator(true, 100.0, 100.0)),
            IndicatorStatus::Reached
        );
        assert_eq!(
            status(&indicator(true, 100.0, 90.0)),
            IndicatorStatus::OnTrack
        );
        assert_eq!(
            status(&indicator(true, 100.0, 89.9)),
            IndicatorStatus::Behind
        );
        assert_eq!(
            status(&indicator(false, 10.0, 10.0)),
            IndicatorStatus::Reached
        );
        assert_eq!(
            status(&indicator(false, 10.0, 11.0)),
            IndicatorStatus::OnTrack
        );
        assert_eq!(
            status(&indicator(false, 10.0, 11.5)),
            IndicatorStatus::Behind
        );
    }

    #[test]
    fn the_latest_actual_meets_its_own_years_target() {
        let mut i = indicator(true, 100.0, 95.0);
        i.targets.push(YearValue {
            year: 2019,
            value: Value(200.0),
        });
        i.actuals.push(YearValue {
            year: 2019,
            value: Value(120.0),
        });
        let (actual, target, status) = i.status().unwrap();
        assert_eq!(
            (actual.year, target, status),
            (2019, 200.0, IndicatorStatus::Behind)
        );
        i.targets.pop();
        assert_eq!(i.status(), None, "no target for 2019: no status");
    }
}
