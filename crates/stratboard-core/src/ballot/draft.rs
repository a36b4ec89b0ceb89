//! A ballot being filled in ([`Draft`]), the choice it makes, and why it cannot be cast yet
//! ([`Incomplete`]). Whether a ballot can be cast is decided by the vote's own rules
//! ([`Vote::check_choice`], which the command layer enforces); a draft only turns the marks
//! on the screen into a [`Choice`] and names the reason in terms a voter can act on.

use crate::model::{AlternativeId, BallotProblem, Choice, ConsentChoice, CriterionScore, Dots};
use crate::model::{Score, Vote};

use super::{Form, Input};

/// The marks on a ballot being filled in, by the option's index in [`Form::options`] (and
/// the criterion's index for a matrix). Only the part that fits the form's [`Input`] is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// Consent: the answer.
    pub consent: Option<ConsentChoice>,
    /// Ranking: the place (1 = best); `None` = not ranked (not chosen, for a single choice).
    pub places: Vec<Option<u32>>,
    /// Approval: approved or not.
    pub approved: Vec<bool>,
    /// Dot voting: the dots.
    pub dots: Vec<u32>,
    /// Scores and grades: the value (a grade's index); `None` = blank.
    pub values: Vec<Option<i32>>,
    /// Matrix: `cells[option][criterion]`; `None` = blank.
    pub cells: Vec<Vec<Option<i32>>>,
}

/// Why a draft cannot be cast yet; the interface words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Incomplete {
    /// Nothing is marked.
    #[error("nothing is marked on the ballot")]
    Nothing,
    /// Some alternatives have no grade (majority judgment).
    #[error("every alternative needs a grade")]
    Ungraded,
    /// Some alternative has no score on some criterion (matrix).
    #[error("a score for every alternative on every criterion is needed")]
    Unscored,
    /// More dots than the voter has, by this many.
    #[error("{0} dots too many")]
    OverBudget(u32),
    /// More dots on one alternative than the cap.
    #[error("at most {0} dots on one alternative")]
    OverCap(u32),
    /// The vote has nothing to vote on (no alternatives, or a matrix without criteria).
    #[error("the vote has nothing to vote on")]
    Empty,
    /// The marks do not fit the vote (a draft made for another ballot).
    #[error("{0}")]
    Invalid(BallotProblem),
}

impl From<BallotProblem> for Incomplete {
    fn from(problem: BallotProblem) -> Self {
        match problem {
            BallotProblem::Nothing => Self::Nothing,
            BallotProblem::Ungraded => Self::Ungraded,
            BallotProblem::Criteria => Self::Unscored,
            BallotProblem::OverBudget(over) => Self::OverBudget(over),
            BallotProblem::OverCap(cap) => Self::OverCap(cap),
            BallotProblem::Empty => Self::Empty,
            other => Self::Invalid(other),
        }
    }
}

impl Form {
    /// A fresh ballot: nothing marked, but numeric scores and matrix cells at the lowest value
    /// (what a slider starts at; a blank score counts as the lowest anyway).
    pub fn draft(&self) -> Draft {
        let mut draft = Draft::default();
        draft.fit(self);
        draft
    }

    /// The choice `draft` makes on this ballot; `None` while a consent ballot has no answer.
    pub fn choice(&self, draft: &Draft) -> Option<Choice> {
        let ids = &self.options;
        Some(match &self.input {
            Input::Consent { .. } => Choice::Consent(draft.consent?),
            Input::Rank { .. } => Choice::Ranking(ranking(ids, &draft.places)),
            Input::Approve { .. } => Choice::Approval(
                ids.iter()
                    .zip(&draft.approved)
                    .filter(|(_, approved)| **approved)
                    .map(|(id, _)| *id)
                    .collect(),
            ),
            Input::Dots { .. } => Choice::Dots(
                ids.iter()
                    .zip(&draft.dots)
                    .filter(|(_, dots)| **dots > 0)
                    .map(|(id, dots)| Dots {
                        alternative: *id,
                        dots: *dots,
                    })
                    .collect(),
            ),
            Input::Scores { .. } => Choice::Scores(
                ids.iter()
                    .zip(&draft.values)
                    .filter_map(|(id, value)| {
                        Some(Score {
                            alternative: *id,
                            value: (*value)?,
                        })
                    })
                    .collect(),
            ),
            Input::Matrix { criteria, .. } => Choice::Matrix(
                ids.iter()
                    .zip(&draft.cells)
                    .flat_map(|(id, row)| {
                        criteria.iter().zip(row).filter_map(|(goal, value)| {
                            Some(CriterionScore {
                                alternative: *id,
                                goal: *goal,
                                value: (*value)?,
                            })
                        })
                    })
                    .collect(),
            ),
        })
    }
}

impl Draft {
    /// Makes every list as long as `form` needs, keeping the marks made (a fresh draft starts
    /// empty; see [`Form::draft`]).
    pub fn fit(&mut self, form: &Form) {
        let count = form.options.len();
        let (start, criteria) = match &form.input {
            Input::Scores {
                min, every: false, ..
            } => (Some(*min), 0),
            Input::Matrix { criteria, min, .. } => (Some(*min), criteria.len()),
            _ => (None, 0),
        };
        self.places.resize(count, None);
        self.approved.resize(count, false);
        self.dots.resize(count, 0);
        self.values.resize(count, start);
        self.cells.resize(count, Vec::new());
        for row in &mut self.cells {
            row.resize(criteria, start);
        }
    }

    /// A single choice: the option at `index` gets the only place, every other none.
    pub fn choose_one(&mut self, index: usize) {
        for (at, place) in self.places.iter_mut().enumerate() {
            *place = (at == index).then_some(1);
        }
    }

    /// The dots spent over all options.
    pub fn dots_spent(&self) -> u32 {
        self.dots.iter().fold(0u32, |sum, d| sum.saturating_add(*d))
    }
}

/// The ballot `draft` makes for `vote`, or why it cannot be cast yet: the vote's own rules
/// ([`Vote::check_choice`]) decide, so a draft accepted here is never refused as invalid.
pub fn check(vote: &Vote, draft: &Draft) -> Result<Choice, Incomplete> {
    let Some(choice) = Form::of(vote).choice(draft) else {
        return Err(if vote.alternatives.is_empty() {
            Incomplete::Empty
        } else {
            Incomplete::Nothing
        });
    };
    vote.check_choice(&choice)?;
    Ok(choice)
}

/// Tie groups from best to worst: equal places tie, gaps between places do not matter, and
/// options without a place are left out (they tie below all ranked ones).
pub fn ranking(ids: &[AlternativeId], places: &[Option<u32>]) -> Vec<Vec<AlternativeId>> {
    let mut ranked: Vec<(u32, AlternativeId)> = ids
        .iter()
        .zip(places)
        .filter_map(|(id, place)| Some(((*place)?, *id)))
        .collect();
    ranked.sort_by_key(|(place, _)| *place);
    let mut groups: Vec<(u32, Vec<AlternativeId>)> = Vec::new();
    for (place, id) in ranked {
        match groups.last_mut() {
            Some((last, group)) if *last == place => group.push(id),
            _ => groups.push((place, vec![id])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_make_tie_groups_and_leave_out_unranked() {
        let ids = [
            AlternativeId(1),
            AlternativeId(2),
            AlternativeId(3),
            AlternativeId(4),
        ];
        let places = [Some(2), None, Some(1), Some(2)];
        assert_eq!(
            ranking(&ids, &places),
            vec![
                vec![AlternativeId(3)],
                vec![AlternativeId(1), AlternativeId(4)]
            ]
        );
    }
}
