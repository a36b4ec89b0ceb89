//! Who refers to an entity, and how to remove those references when it is deleted.
//!
//! Deleting an entity either refuses (when anything refers to it) or removes every reference
//! consistently: optional links are cleared, list links are dropped, sub-goals move up to the
//! deleted goal's parent, and positions on a deleted group or alternative go with it.
//! References that cannot be removed without changing a count (ballots, show-of-hands counts)
//! always block the delete.

use crate::model::{
    AlternativeId, Choice, GoalId, GroupId, HandOption, ParticipantId, Proposer, Session,
    SpeakerWho, Vote, VoteMethod,
};

use super::{AttendanceOp, Item, ItemRef};

/// What deleting one entity would touch.
#[derive(Default)]
pub(crate) struct Scrub {
    /// A new meta, when the facilitator or secretary was the deleted participant.
    pub meta: Option<crate::model::Meta>,
    /// New versions of the entities that referred to the deleted one.
    pub updates: Vec<Item>,
    /// Attendance marks and proxies of a deleted participant, taken off first.
    pub attendance: Vec<AttendanceOp>,
    /// Entities that only make sense with the deleted one and go with it.
    pub dependents: Vec<ItemRef>,
    /// Where the references are, as paths (`participants[2].group`).
    pub sites: Vec<String>,
    /// References by counted ballots or hand counts, which are never removed; the delete is
    /// refused while they exist.
    pub blockers: Vec<String>,
}

impl Scrub {
    /// Whether anything refers to the entity.
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty() && self.blockers.is_empty()
    }
}

/// Finds every reference to `target` and what the session would look like without them.
pub(crate) fn scrub(session: &Session, target: ItemRef) -> Scrub {
    let mut scrub = Scrub::default();
    match target {
        ItemRef::Group(id) => group(session, id, &mut scrub),
        ItemRef::Participant(id) => participant(session, id, &mut scrub),
        ItemRef::AgendaItem(id) => {
            for (i, note) in session.notes.iter().enumerate() {
                if note.agenda_item == Some(id) {
                    let mut note = note.clone();
                    note.agenda_item = None;
                    scrub.updated(format!("notes[{i}].agenda_item"), Item::Note(note));
                }
            }
        }
        ItemRef::Goal(id) => goal(session, id, &mut scrub),
        ItemRef::Alternative(id) => alternative(session, id, &mut scrub),
        ItemRef::Vote(id) => {
            for (i, item) in session.agenda.iter().enumerate() {
                if item.vote == Some(id) {
                    let mut item = item.clone();
                    item.vote = None;
                    scrub.updated(format!("agenda[{i}].vote"), Item::AgendaItem(item));
                }
            }
            for (i, decision) in session.decisions.iter().enumerate() {
                if decision.vote == Some(id) {
                    let mut decision = decision.clone();
                    decision.vote = None;
                    scrub.updated(format!("decisions[{i}].vote"), Item::Decision(decision));
                }
            }
        }
        ItemRef::Decision(id) => {
            for (i, action) in session.actions.iter().enumerate() {
                if action.decision == Some(id) {
                    let mut action = action.clone();
                    action.decision = None;
                    scrub.updated(format!("actions[{i}].decision"), Item::Action(action));
                }
            }
        }
        ItemRef::Finding(_) | ItemRef::Position(_) | ItemRef::Action(_) | ItemRef::Note(_) => {}
    }
    scrub
}

impl Scrub {
    fn updated(&mut self, site: String, item: Item) {
        self.sites.push(site);
        self.updates.push(item);
    }
}

fn group(session: &Session, id: GroupId, scrub: &mut Scrub) {
    for (i, action) in session.actions.iter().enumerate() {
        if action.co_groups.contains(&id) {
            let mut action = action.clone();
            action.co_groups.retain(|g| *g != id);
            scrub.updated(format!("actions[{i}].co_groups"), Item::Action(action));
        }
    }
    for (i, person) in session.participants.iter().enumerate() {
        if person.group == Some(id) {
            let mut person = person.clone();
            person.group = None;
            scrub.updated(
                format!("participants[{i}].group"),
                Item::Participant(person),
            );
        }
    }
    for (i, alternative) in session.alternatives.iter().enumerate() {
        if alternative.proposer == Some(Proposer::Group(id)) {
            let mut alternative = alternative.clone();
            alternative.proposer = None;
            scrub.updated(
                format!("alternatives[{i}].proposer"),
                Item::Alternative(alternative),
            );
        }
    }
    for (i, position) in session.positions.iter().enumerate() {
        if position.group == id {
            scrub.sites.push(format!("positions[{i}]"));
            scrub.dependents.push(ItemRef::Position(position.id));
        }
    }
    drop_speakers(session, SpeakerWho::Group(id), scrub);
    for (v, vote) in session.votes.iter().enumerate() {
        for (r, round) in vote.rounds.iter().enumerate() {
            if round.hands.iter().any(|hand| hand.group == Some(id)) {
                scrub.blockers.push(format!("votes[{v}].rounds[{r}].hands"));
            }
        }
    }
}

fn participant(session: &Session, id: ParticipantId, scrub: &mut Scrub) {
    let mut meta = session.meta.clone();
    if meta.facilitator == Some(id) {
        meta.facilitator = None;
        scrub.sites.push("meta.facilitator".into());
    }
    if meta.secretary == Some(id) {
        meta.secretary = None;
        scrub.sites.push("meta.secretary".into());
    }
    if meta != session.meta {
        scrub.meta = Some(meta);
    }
    for (i, alternative) in session.alternatives.iter().enumerate() {
        if alternative.proposer == Some(Proposer::Participant(id)) {
            let mut alternative = alternative.clone();
            alternative.proposer = None;
            scrub.updated(
                format!("alternatives[{i}].proposer"),
                Item::Alternative(alternative),
            );
        }
    }
    for (i, action) in session.actions.iter().enumerate() {
        if action.owners.contains(&id) {
            let mut action = action.clone();
            action.owners.retain(|owner| *owner != id);
            scrub.updated(format!("actions[{i}].owners"), Item::Action(action));
        }
    }
    drop_speakers(session, SpeakerWho::Participant(id), scrub);
    attendance(session, id, scrub);
    plan_participant(session, id, scrub);
    for (v, vote) in session.votes.iter().enumerate() {
        for (r, round) in vote.rounds.iter().enumerate() {
            let voted = round.voters.contains(&id)
                || round.ballots.iter().any(|ballot| ballot.voter == Some(id));
            if voted {
                scrub
                    .blockers
                    .push(format!("votes[{v}].rounds[{r}].ballots"));
            }
        }
    }
}

/// Clears a deleted participant from the plan: an indicator's responsible, a risk's owner.
fn plan_participant(session: &Session, id: ParticipantId, scrub: &mut Scrub) {
    for (g, goal) in session.goals.iter().enumerate() {
        if goal.indicators.iter().any(|i| i.responsible == Some(id)) {
            let mut goal = goal.clone();
            for indicator in &mut goal.indicators {
                if indicator.responsible == Some(id) {
                    indicator.responsible = None;
                }
            }
            scrub.updated(format!("goals[{g}].indicators"), Item::Goal(goal));
        }
    }
    let owned = |risks: &[crate::model::Risk]| risks.iter().any(|r| r.owner == Some(id));
    let clear = |risks: &mut Vec<crate::model::Risk>| {
        for risk in risks.iter_mut().filter(|r| r.owner == Some(id)) {
            risk.owner = None;
        }
    };
    for (d, decision) in session.decisions.iter().enumerate() {
        if owned(&decision.risks) {
            let mut decision = decision.clone();
            clear(&mut decision.risks);
            scrub.updated(format!("decisions[{d}].risks"), Item::Decision(decision));
        }
    }
    for (a, alternative) in session.alternatives.iter().enumerate() {
        if !owned(&alternative.risks) {
            continue;
        }
        scrub.sites.push(format!("alternatives[{a}].risks"));
        // The alternative may be updated already (its proposer cleared): change that update.
        let earlier = scrub.updates.iter_mut().find_map(|item| match item {
            Item::Alternative(x) if x.id == alternative.id => Some(x),
            _ => None,
        });
        match earlier {
            Some(update) => clear(&mut update.risks),
            None => {
                let mut alternative = alternative.clone();
                clear(&mut alternative.risks);
                scrub.updates.push(Item::Alternative(alternative));
            }
        }
    }
}

/// Takes a deleted participant's registration and the proxies they gave or held off.
fn attendance(session: &Session, id: ParticipantId, scrub: &mut Scrub) {
    let attendance = &session.attendance;
    for (i, proxy) in attendance.proxies.iter().enumerate() {
        if proxy.from == id || proxy.to == id {
            scrub.sites.push(format!("attendance.proxies[{i}]"));
            scrub.attendance.push(AttendanceOp::SetProxy {
                from: proxy.from,
                proxy: None,
            });
        }
    }
    if let Ok(i) = attendance
        .registrations
        .binary_search_by_key(&id, |r| r.participant)
    {
        scrub.sites.push(format!("attendance.registrations[{i}]"));
        scrub.attendance.push(AttendanceOp::Register {
            participant: id,
            registration: None,
        });
    }
}

/// Takes a deleted participant or group out of every speaking round (the protocol cannot name
/// someone who is gone).
fn drop_speakers(session: &Session, who: SpeakerWho, scrub: &mut Scrub) {
    for (i, item) in session.agenda.iter().enumerate() {
        if item.speakers.iter().any(|s| s.who == who) {
            let mut item = item.clone();
            item.speakers.retain(|s| s.who != who);
            scrub.updated(format!("agenda[{i}].speakers"), Item::AgendaItem(item));
        }
    }
}

fn goal(session: &Session, id: GoalId, scrub: &mut Scrub) {
    let grandparent = session.goal(id).and_then(|g| g.parent);
    for (i, child) in session.goals.iter().enumerate() {
        if child.parent == Some(id) {
            let mut child = child.clone();
            child.parent = grandparent;
            scrub.updated(format!("goals[{i}].parent"), Item::Goal(child));
        }
    }
    for (i, finding) in session.findings.iter().enumerate() {
        if finding.goal == Some(id) {
            let mut finding = finding.clone();
            finding.goal = None;
            scrub.updated(format!("findings[{i}].goal"), Item::Finding(finding));
        }
    }
    for (i, alternative) in session.alternatives.iter().enumerate() {
        if alternative.goals.contains(&id) {
            let mut alternative = alternative.clone();
            alternative.goals.retain(|goal| *goal != id);
            scrub.updated(
                format!("alternatives[{i}].goals"),
                Item::Alternative(alternative),
            );
        }
    }
    // The goal's indicators go with it: action items stop referring to them.
    let gone: Vec<_> = session
        .goal(id)
        .map(|g| g.indicators.iter().map(|i| i.id).collect())
        .unwrap_or_default();
    for (i, action) in session.actions.iter().enumerate() {
        if action.indicators.iter().any(|x| gone.contains(x)) {
            let mut action = action.clone();
            action.indicators.retain(|x| !gone.contains(x));
            scrub.updated(format!("actions[{i}].indicators"), Item::Action(action));
        }
    }
    for (v, vote) in session.votes.iter().enumerate() {
        let VoteMethod::Matrix { criteria, .. } = &vote.method else {
            continue;
        };
        if !criteria.iter().any(|c| c.goal == id) {
            continue;
        }
        if has_ballots(vote) {
            scrub.blockers.push(format!("votes[{v}].method.criteria"));
        } else {
            let mut vote = vote.clone();
            if let VoteMethod::Matrix { criteria, .. } = &mut vote.method {
                criteria.retain(|c| c.goal != id);
            }
            scrub.updated(format!("votes[{v}].method.criteria"), Item::Vote(vote));
        }
    }
}

fn alternative(session: &Session, id: AlternativeId, scrub: &mut Scrub) {
    for (i, position) in session.positions.iter().enumerate() {
        if position.alternative == id {
            scrub.sites.push(format!("positions[{i}]"));
            scrub.dependents.push(ItemRef::Position(position.id));
        }
    }
    for (v, vote) in session.votes.iter().enumerate() {
        if !vote.alternatives.contains(&id) {
            continue;
        }
        if vote_mentions(vote, id) {
            scrub.blockers.push(format!("votes[{v}].rounds"));
        } else {
            let mut vote = vote.clone();
            vote.alternatives.retain(|a| *a != id);
            scrub.updated(format!("votes[{v}].alternatives"), Item::Vote(vote));
        }
    }
    for (i, decision) in session.decisions.iter().enumerate() {
        if decision.alternatives.contains(&id) {
            let mut decision = decision.clone();
            decision.alternatives.retain(|a| *a != id);
            scrub.updated(
                format!("decisions[{i}].alternatives"),
                Item::Decision(decision),
            );
        }
    }
}

fn has_ballots(vote: &Vote) -> bool {
    vote.rounds
        .iter()
        .any(|round| !round.ballots.is_empty() || !round.hands.is_empty())
}

/// Whether any ballot, hand count or tie-break of the vote names the alternative.
fn vote_mentions(vote: &Vote, id: AlternativeId) -> bool {
    vote.rounds.iter().any(|round| {
        let in_ballots = round.ballots.iter().any(|ballot| match &ballot.choice {
            Choice::Consent(_) => false,
            Choice::Ranking(groups) => groups.iter().flatten().any(|a| *a == id),
            Choice::Approval(list) => list.contains(&id),
            Choice::Scores(list) => list.iter().any(|s| s.alternative == id),
            Choice::Dots(list) => list.iter().any(|d| d.alternative == id),
            Choice::Matrix(list) => list.iter().any(|s| s.alternative == id),
        });
        let in_hands = round
            .hands
            .iter()
            .any(|hand| hand.option == HandOption::Alternative(id));
        let in_tie = round
            .tie_break
            .as_ref()
            .is_some_and(|tie| tie.winner == id || tie.among.contains(&id));
        in_ballots || in_hands || in_tie
    })
}
