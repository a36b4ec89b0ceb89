//! A section's standing: its last closed vote, each alternative's place in it, and which
//! alternatives the section brings to the plenary.

use std::collections::BTreeMap;

use crate::model::{AlternativeId, AlternativeStatus, Place, SectionVote, Session, VoteStatus};
use crate::voting;

/// What a section's last closed vote says, and who took part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The vote, as its result is cited (`None` when the section closed no vote).
    pub vote: Option<SectionVote>,
    /// Each alternative's place in it.
    pub places: BTreeMap<AlternativeId, Place>,
    /// The ranking, best first, in tie groups.
    pub ranking: Vec<Vec<AlternativeId>>,
}

/// The standing of `section`: its last closed vote (the last in the list that is closed and has
/// a round), counted on its last round. A vote that cannot be counted gives no standing.
pub fn standing(section: &Session) -> Standing {
    let Some((vote, round)) = section
        .votes
        .iter()
        .rev()
        .filter(|vote| vote.status == VoteStatus::Closed)
        .find_map(|vote| vote.rounds.last().map(|round| (vote, round)))
    else {
        return Standing::default();
    };
    let Ok(tally) = voting::count_round(vote, round) else {
        return Standing::default();
    };
    let of = u32::try_from(vote.alternatives.len()).unwrap_or(u32::MAX);
    let mut places = BTreeMap::new();
    let mut before = 0_u32;
    for group in &tally.ranking {
        let size = u32::try_from(group.len()).unwrap_or(u32::MAX);
        let place = Place {
            place: before + 1,
            to: before + size,
            of,
        };
        for alternative in group {
            places.insert(*alternative, place);
        }
        before = before.saturating_add(size);
    }
    Standing {
        vote: Some(SectionVote {
            question: vote.question.clone(),
            method: tally.method.to_owned(),
            ballots: tally.ballots,
            on_ballot: of,
        }),
        places,
        ranking: tally.ranking,
    }
}

impl Standing {
    /// What the section brings: the alternatives it adopted, and the first `top` of its last
    /// closed vote — a tie at the cut is taken whole. Never a hidden (not yet revealed) one.
    /// In the section's own order of alternatives.
    pub fn chosen(&self, section: &Session, top: usize) -> Vec<AlternativeId> {
        let mut taken: Vec<AlternativeId> = Vec::new();
        for group in &self.ranking {
            if taken.len() >= top {
                break;
            }
            taken.extend(group.iter().copied());
        }
        section
            .alternatives
            .iter()
            .filter(|a| !a.hidden)
            .filter(|a| a.status == AlternativeStatus::Adopted || taken.contains(&a.id))
            .map(|a| a.id)
            .collect()
    }
}

/// How many took part in `section`: those registered as attending when anyone is registered,
/// else those who voted in its last closed vote, else its participants.
pub(super) fn participants_count(section: &Session) -> u32 {
    let count = if section.is_registered() {
        section
            .attendance
            .registrations
            .iter()
            .filter(|r| r.attended())
            .count()
    } else {
        let voters = section
            .votes
            .iter()
            .rev()
            .filter(|vote| vote.status == VoteStatus::Closed)
            .find_map(|vote| vote.rounds.last())
            .map_or(0, |round| {
                // Paper ballots imported together count once per ballot (`count`); a show of
                // hands adds its hands.
                let ballots: u64 = round.ballots.iter().map(|b| u64::from(b.count)).sum();
                let hands: u64 = round.hands.iter().map(|h| u64::from(h.count)).sum();
                let counted = usize::try_from(ballots + hands).unwrap_or(usize::MAX);
                round.voters.len().max(counted)
            });
        if voters > 0 {
            voters
        } else {
            section.participants.len()
        }
    };
    u32::try_from(count).unwrap_or(u32::MAX)
}
