//! The rules of a ballot and of a vote's life, in one place for every way a ballot arrives
//! (the booth on the facilitator's machine, a phone, a file, the command line).
//!
//! [`Vote::check_choice`] says whether a filled-in ballot is complete and valid for the vote;
//! [`Vote::ready_to_open`] whether a draft vote can be opened. The commands that change a
//! vote (`crate::commands::VoteOp`) apply these rules; panels use them to say why Submit or
//! Open is disabled (a ballot being filled in is checked through `crate::ballot`, which applies
//! [`Vote::check_choice`] to it).

use std::collections::BTreeSet;

use super::{
    AlternativeId, Anonymity, Choice, ConsentChoice, Participant, ParticipantId, Vote, VoteMethod,
};

/// Why a ballot cannot be cast. The first problem found is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotProblem {
    /// The ballot is of another kind than the vote's method counts (a ranking for a consent
    /// vote, …).
    #[error("this kind of ballot does not fit the vote's method")]
    WrongKind,
    /// Nothing is marked.
    #[error("nothing is marked on the ballot")]
    Nothing,
    /// The vote has nothing to vote on (no alternatives, or a matrix without criteria).
    #[error("the vote has nothing to vote on")]
    Empty,
    /// The ballot names an alternative that is not on this vote.
    #[error("alternative {0} is not on this vote")]
    NotOnBallot(AlternativeId),
    /// The ballot names an alternative twice.
    #[error("alternative {0} appears twice on the ballot")]
    Repeated(AlternativeId),
    /// A block where the vote allows none.
    #[error("this vote does not allow a block")]
    BlockNotAllowed,
    /// A ranking with an empty place between the ranked ones (`[[1], [], [2]]`).
    #[error("a place in the ranking is empty")]
    EmptyPlace,
    /// A plurality ballot that is not one alternative.
    #[error("choose exactly one alternative")]
    NotOneChoice,
    /// Dot voting: more dots than each participant has (by this many).
    #[error("{0} dots too many")]
    OverBudget(u32),
    /// Dot voting: more dots on one alternative than the cap.
    #[error("at most {0} dots on one alternative")]
    OverCap(u32),
    /// A score, grade or criterion score outside the vote's scale.
    #[error("{value} is outside {min}..{max}")]
    OutOfScale {
        /// The value given.
        value: i32,
        /// The lowest allowed.
        min: i32,
        /// The highest allowed.
        max: i32,
    },
    /// Majority judgment: some alternatives have no grade.
    #[error("every alternative needs a grade")]
    Ungraded,
    /// Matrix: a score for a goal that is not a criterion of the vote, or a missing one.
    #[error("a score for every alternative on every criterion is needed")]
    Criteria,
}

/// Why a draft vote cannot be opened yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenProblem {
    /// A consent vote needs exactly one alternative (the proposal).
    #[error("a consent vote needs exactly one proposal")]
    NeedsProposal,
    /// Other methods need at least two alternatives.
    #[error("a vote needs at least two alternatives")]
    NeedsAlternatives,
}

impl Vote {
    /// Which voting members have not voted yet in the last round, in the session's order
    /// (those without a vote are never waited for) — only where the room may be told: an open or anonymous vote counted by ballots. `None` for a secret vote
    /// (its turnout is a number only), a round with hands counted, or no round.
    pub fn not_voted_yet<'a>(
        &self,
        participants: &'a [Participant],
    ) -> Option<Vec<&'a Participant>> {
        if self.anonymity == Anonymity::Secret {
            return None;
        }
        let round = self.rounds.last()?;
        if !round.hands.is_empty() {
            return None;
        }
        let voted: BTreeSet<_> = round.voters.iter().collect();
        Some(
            participants
                .iter()
                .filter(|p| p.voting && !voted.contains(&p.id))
                .collect(),
        )
    }

    /// Whether `participant` has voted in the last round (is on its list of voters, or a
    /// ballot there names them). The booth offers only those who have not.
    pub fn has_voted(&self, participant: ParticipantId) -> bool {
        self.rounds.last().is_some_and(|round| {
            round.voters.contains(&participant)
                || round.ballots.iter().any(|b| b.voter == Some(participant))
        })
    }

    /// Whether a draft vote has what it needs to be opened.
    pub fn ready_to_open(&self) -> Result<(), OpenProblem> {
        match self.method {
            VoteMethod::Consent { .. } if self.alternatives.len() != 1 => {
                Err(OpenProblem::NeedsProposal)
            }
            VoteMethod::Consent { .. } => Ok(()),
            _ if self.alternatives.len() < 2 => Err(OpenProblem::NeedsAlternatives),
            _ => Ok(()),
        }
    }

    /// Whether `choice` is a complete, valid ballot for this vote.
    pub fn check_choice(&self, choice: &Choice) -> Result<(), BallotProblem> {
        if self.alternatives.is_empty() {
            return Err(BallotProblem::Empty);
        }
        if !self.method.accepts(choice) {
            return Err(BallotProblem::WrongKind);
        }
        self.check_alternatives(choice)?;
        match (&self.method, choice) {
            (VoteMethod::Consent { allow_block }, Choice::Consent(c)) => {
                if *c == ConsentChoice::Block && !allow_block {
                    return Err(BallotProblem::BlockNotAllowed);
                }
                Ok(())
            }
            (VoteMethod::Plurality, Choice::Ranking(groups)) => match groups.as_slice() {
                [] => Err(BallotProblem::Nothing),
                [one] if one.len() == 1 => Ok(()),
                _ => Err(BallotProblem::NotOneChoice),
            },
            (_, Choice::Ranking(groups)) => {
                if groups.iter().all(Vec::is_empty) {
                    Err(BallotProblem::Nothing)
                } else if groups.iter().any(Vec::is_empty) {
                    Err(BallotProblem::EmptyPlace)
                } else {
                    Ok(())
                }
            }
            (_, Choice::Approval(list)) if list.is_empty() => Err(BallotProblem::Nothing),
            (VoteMethod::Dot { dots, cap }, Choice::Dots(list)) => {
                let spent = list.iter().fold(0u32, |sum, d| sum.saturating_add(d.dots));
                if spent > *dots {
                    return Err(BallotProblem::OverBudget(spent - dots));
                }
                if let Some(cap) = cap
                    && list.iter().any(|d| d.dots > *cap)
                {
                    return Err(BallotProblem::OverCap(*cap));
                }
                if spent == 0 {
                    return Err(BallotProblem::Nothing);
                }
                Ok(())
            }
            (VoteMethod::Score { .. }, Choice::Scores(list)) if list.is_empty() => {
                Err(BallotProblem::Nothing)
            }
            (VoteMethod::Score { min, max }, Choice::Scores(list)) => {
                list.iter().try_for_each(|s| in_scale(s.value, *min, *max))
            }
            (VoteMethod::MajorityJudgment { grades }, Choice::Scores(list)) => {
                let top = i32::try_from(grades.len()).unwrap_or(i32::MAX) - 1;
                list.iter().try_for_each(|s| in_scale(s.value, 0, top))?;
                if list.len() < self.alternatives.len() {
                    return Err(BallotProblem::Ungraded);
                }
                Ok(())
            }
            (VoteMethod::Matrix { criteria, min, max }, Choice::Matrix(list)) => {
                if criteria.is_empty() {
                    return Err(BallotProblem::Empty);
                }
                let mut seen = BTreeSet::new();
                for score in list {
                    in_scale(score.value, *min, *max)?;
                    if !criteria.iter().any(|c| c.goal == score.goal)
                        || !seen.insert((score.alternative, score.goal))
                    {
                        return Err(BallotProblem::Criteria);
                    }
                }
                if seen.len() != criteria.len() * self.alternatives.len() {
                    return Err(BallotProblem::Criteria);
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Every alternative the ballot names is on the vote, and none twice (a matrix names each
    /// alternative once per criterion; that is checked with the criteria).
    fn check_alternatives(&self, choice: &Choice) -> Result<(), BallotProblem> {
        let named: Vec<AlternativeId> = match choice {
            Choice::Consent(_) => Vec::new(),
            Choice::Ranking(groups) => groups.iter().flatten().copied().collect(),
            Choice::Approval(list) => list.clone(),
            Choice::Scores(list) => list.iter().map(|s| s.alternative).collect(),
            Choice::Dots(list) => list.iter().map(|d| d.alternative).collect(),
            Choice::Matrix(list) => {
                let mut ids: Vec<AlternativeId> = list.iter().map(|s| s.alternative).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            }
        };
        let mut seen = BTreeSet::new();
        for id in named {
            if !self.alternatives.contains(&id) {
                return Err(BallotProblem::NotOnBallot(id));
            }
            if !seen.insert(id) {
                return Err(BallotProblem::Repeated(id));
            }
        }
        Ok(())
    }
}

fn in_scale(value: i32, min: i32, max: i32) -> Result<(), BallotProblem> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(BallotProblem::OutOfScale { value, min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Anonymity, Participant, ParticipantId, Score, Vote, VoteRound};
    use super::{AlternativeId, BallotProblem, Choice, VoteMethod};

    /// An empty score ballot and a ranking with an empty place are incomplete, like an empty
    /// approval ballot (the tallies ignored them; now nobody is told "accepted" for them).
    #[test]
    fn empty_scores_and_empty_places_are_refused() {
        let vote = |method| Vote {
            alternatives: vec![AlternativeId(1), AlternativeId(2)],
            method,
            ..Vote::default()
        };
        let scores = vote(VoteMethod::Score { min: 0, max: 5 });
        assert_eq!(
            scores.check_choice(&Choice::Scores(Vec::new())),
            Err(BallotProblem::Nothing)
        );
        let one = Choice::Scores(vec![Score {
            alternative: AlternativeId(1),
            value: 3,
        }]);
        assert_eq!(scores.check_choice(&one), Ok(()));
        let ranked = vote(VoteMethod::Schulze);
        let gap = Choice::Ranking(vec![vec![AlternativeId(1)], vec![], vec![AlternativeId(2)]]);
        assert_eq!(ranked.check_choice(&gap), Err(BallotProblem::EmptyPlace));
        let tie = Choice::Ranking(vec![vec![AlternativeId(1), AlternativeId(2)]]);
        assert_eq!(ranked.check_choice(&tie), Ok(()));
    }

    fn people() -> Vec<Participant> {
        (1..=3)
            .map(|id| Participant {
                id: ParticipantId(id),
                name: format!("P{id}"),
                ..Participant::default()
            })
            .collect()
    }

    #[test]
    fn who_has_not_voted_is_told_only_where_the_room_may_know() {
        let people = people();
        let mut vote = Vote {
            anonymity: Anonymity::Open,
            rounds: vec![VoteRound {
                number: 1,
                voters: vec![ParticipantId(2)],
                ..VoteRound::default()
            }],
            ..Vote::default()
        };
        let names = |vote: &Vote| {
            vote.not_voted_yet(&people)
                .map(|left| left.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
        };
        assert_eq!(names(&vote), Some(vec!["P1".to_owned(), "P3".to_owned()]));
        vote.anonymity = Anonymity::Anonymous;
        assert_eq!(names(&vote), Some(vec!["P1".to_owned(), "P3".to_owned()]));
        vote.anonymity = Anonymity::Secret;
        assert_eq!(names(&vote), None, "never for a secret vote");
        vote.anonymity = Anonymity::Open;
        vote.rounds[0].hands.push(super::super::HandCount {
            option: super::super::HandOption::Consent(super::super::ConsentChoice::For),
            group: None,
            count: 1,
        });
        assert_eq!(names(&vote), None, "hands name nobody");
        vote.rounds.clear();
        assert_eq!(names(&vote), None);
    }
}
