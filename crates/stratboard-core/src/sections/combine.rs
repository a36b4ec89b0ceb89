//! Two alternatives combined into one (the plenary's facilitator joins two sections' versions
//! of the same idea): one undoable step, whose undo splits them again.

use crate::commands::{Command, DeleteMode, ItemRef};
use crate::model::{AlternativeId, Position, Session, VoteId};

/// Why two alternatives cannot be combined. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CombineRefusal {
    /// Both are the same alternative.
    #[error("an alternative cannot be combined with itself")]
    Same,
    /// One of them does not exist.
    #[error("alternative {0} does not exist")]
    Unknown(AlternativeId),
    /// The one to be taken in is on a vote's ballot: ballots name it.
    #[error("alternative {alternative} is on the ballot of vote {vote}; combine before voting")]
    OnVote {
        /// The alternative.
        alternative: AlternativeId,
        /// The vote.
        vote: VoteId,
    },
}

/// The steps that combine `from` into `into`: `into` gets both titles (one, when they are the
/// same), both descriptions, the arguments, goals, risks and provenance of both; `from`'s
/// positions move to `into` (where a group has a position on both in the same round, the
/// stance of `into` stays and both interests are kept); decisions that named `from` name
/// `into`; `from` is deleted.
pub fn combine_steps(
    session: &Session,
    into: AlternativeId,
    from: AlternativeId,
) -> Result<Vec<Command>, CombineRefusal> {
    if into == from {
        return Err(CombineRefusal::Same);
    }
    let keep = session
        .alternative(into)
        .ok_or(CombineRefusal::Unknown(into))?;
    let take = session
        .alternative(from)
        .ok_or(CombineRefusal::Unknown(from))?;
    if let Some(vote) = session
        .votes
        .iter()
        .find(|v| v.alternatives.contains(&from))
    {
        return Err(CombineRefusal::OnVote {
            alternative: from,
            vote: vote.id,
        });
    }
    let mut combined = keep.clone();
    if keep.title.trim().to_lowercase() != take.title.trim().to_lowercase() {
        combined.title = format!("{} / {}", keep.title.trim(), take.title.trim());
    }
    combined.description = [keep.description.trim(), take.description.trim()]
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    union_into(&mut combined.goals, &take.goals);
    union_into(&mut combined.pros, &take.pros);
    union_into(&mut combined.cons, &take.cons);
    combined.proposer = keep.proposer.or(take.proposer);
    combined.hidden = keep.hidden && take.hidden;
    combined.risks.extend(take.risks.iter().cloned());
    combined.origins.extend(take.origins.iter().cloned());
    let mut steps = vec![Command::Update(combined.into())];
    for position in session.positions.iter().filter(|p| p.alternative == from) {
        let twin = session.positions.iter().find(|p| {
            p.alternative == into && p.group == position.group && p.round == position.round
        });
        match twin {
            Some(twin) => {
                let interests = [twin.interests.trim(), position.interests.trim()]
                    .into_iter()
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                steps.push(Command::Update(
                    Position {
                        interests,
                        ..twin.clone()
                    }
                    .into(),
                ));
                steps.push(Command::Delete {
                    target: ItemRef::Position(position.id),
                    mode: DeleteMode::Refuse,
                });
            }
            None => steps.push(Command::Update(
                Position {
                    alternative: into,
                    ..position.clone()
                }
                .into(),
            )),
        }
    }
    for decision in session
        .decisions
        .iter()
        .filter(|d| d.alternatives.contains(&from))
    {
        let mut changed = decision.clone();
        changed.alternatives.retain(|a| *a != from);
        if !changed.alternatives.contains(&into) {
            changed.alternatives.push(into);
        }
        steps.push(Command::Update(changed.into()));
    }
    steps.push(Command::Delete {
        target: ItemRef::Alternative(from),
        mode: DeleteMode::Refuse,
    });
    Ok(steps)
}

fn union_into<T: Clone + PartialEq>(list: &mut Vec<T>, more: &[T]) {
    for item in more {
        if !list.contains(item) {
            list.push(item.clone());
        }
    }
}

/// The command that makes a section's decision the plenary's own: the decision and the action
/// items that carry it out are marked adopted (bringing the section in again leaves them as
/// the plenary has them). `None` when the decision did not come from a section or is adopted
/// already.
pub fn adopt_decision(session: &Session, decision: crate::model::DecisionId) -> Option<Command> {
    let found = session.decision(decision)?;
    let from = found.section.as_ref().filter(|from| !from.adopted)?;
    let mut steps = Vec::new();
    let mut adopted = found.clone();
    adopted.section = Some(crate::model::FromSection {
        adopted: true,
        ..from.clone()
    });
    steps.push(Command::Update(adopted.into()));
    for action in session
        .actions
        .iter()
        .filter(|a| a.decision == Some(decision))
    {
        if let Some(action_from) = action.section.as_ref().filter(|f| !f.adopted) {
            let mut changed = action.clone();
            changed.section = Some(crate::model::FromSection {
                adopted: true,
                ..action_from.clone()
            });
            steps.push(Command::Update(changed.into()));
        }
    }
    Some(Command::Batch(steps))
}
