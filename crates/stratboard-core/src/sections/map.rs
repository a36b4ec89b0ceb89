//! Mapping a section's groups, participants and goals onto the plenary's.
//!
//! Ids below the section's `shared_below` came from the plenary: they stay what they are while
//! the plenary still has them. Anything else (the section's own, or one the plenary deleted
//! since) is found in the plenary by its name, or added to it — so bringing the same section in
//! again finds what was added the first time.

use std::collections::BTreeMap;

use crate::model::{
    Goal, GoalId, GroupId, IndicatorId, Participant, ParticipantId, Proposer, Risk, SectionOf,
    Session, StakeholderGroup,
};

/// A name compared without letter case, extra spaces or the difference between «ё» and «е».
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

/// Maps one section's references into the plenary being built.
pub(super) struct IdMap<'a> {
    pub section: &'a Session,
    pub of: &'a SectionOf,
    groups: BTreeMap<GroupId, Option<GroupId>>,
    participants: BTreeMap<ParticipantId, Option<ParticipantId>>,
    goals: BTreeMap<GoalId, Option<GoalId>>,
}

/// What mapping needs of the plenary being built: look up, allocate, insert.
pub(super) trait Target {
    /// The plenary as built so far.
    fn work(&self) -> &Session;
    /// A fresh id.
    fn fresh_id(&mut self) -> u32;
    /// Adds a new entity (recorded as a command).
    fn add(&mut self, item: crate::commands::Item);
}

impl<'a> IdMap<'a> {
    pub fn new(section: &'a Session, of: &'a SectionOf) -> Self {
        Self {
            section,
            of,
            groups: BTreeMap::new(),
            participants: BTreeMap::new(),
            goals: BTreeMap::new(),
        }
    }

    fn shared(&self, raw: u32) -> bool {
        raw < self.of.shared_below
    }

    /// The plenary's group for the section's group `id`.
    pub fn group(&mut self, target: &mut impl Target, id: GroupId) -> Option<GroupId> {
        if let Some(known) = self.groups.get(&id) {
            return *known;
        }
        let mapped = if self.shared(id.0) && target.work().group(id).is_some() {
            Some(id)
        } else if let Some(group) = self.section.group(id) {
            let key = name_key(&group.name);
            let found = target
                .work()
                .stakeholder_groups
                .iter()
                .find(|g| name_key(&g.name) == key)
                .map(|g| g.id);
            Some(found.unwrap_or_else(|| {
                let new = GroupId(target.fresh_id());
                target.add(
                    StakeholderGroup {
                        id: new,
                        ..group.clone()
                    }
                    .into(),
                );
                new
            }))
        } else {
            None
        };
        self.groups.insert(id, mapped);
        mapped
    }

    /// The plenary's participant for the section's participant `id`.
    pub fn participant(
        &mut self,
        target: &mut impl Target,
        id: ParticipantId,
    ) -> Option<ParticipantId> {
        if let Some(known) = self.participants.get(&id) {
            return *known;
        }
        let mapped = if self.shared(id.0) && target.work().participant(id).is_some() {
            Some(id)
        } else if let Some(person) = self.section.participant(id) {
            let key = name_key(&person.name);
            let found = target
                .work()
                .participants
                .iter()
                .find(|p| name_key(&p.name) == key)
                .map(|p| p.id);
            match found {
                Some(found) => Some(found),
                None => {
                    let group = person.group.and_then(|g| self.group(target, g));
                    let new = ParticipantId(target.fresh_id());
                    let person = Participant {
                        id: new,
                        group,
                        code: None,
                        ..person.clone()
                    };
                    target.add(person.into());
                    Some(new)
                }
            }
        } else {
            None
        };
        self.participants.insert(id, mapped);
        mapped
    }

    /// The plenary's goal for the section's goal `id` (a goal of the section's own comes
    /// without its indicators: their ids are the section's).
    pub fn goal(&mut self, target: &mut impl Target, id: GoalId) -> Option<GoalId> {
        if let Some(known) = self.goals.get(&id) {
            return *known;
        }
        // Marked first, so a cycle of parents in a broken file ends here.
        self.goals.insert(id, None);
        let mapped = if self.shared(id.0) && target.work().goal(id).is_some() {
            Some(id)
        } else if let Some(goal) = self.section.goal(id) {
            let key = name_key(&goal.title);
            let found = target
                .work()
                .goals
                .iter()
                .find(|g| name_key(&g.title) == key)
                .map(|g| g.id);
            match found {
                Some(found) => Some(found),
                None => {
                    let parent = goal.parent.and_then(|p| self.goal(target, p));
                    let new = GoalId(target.fresh_id());
                    let goal = Goal {
                        id: new,
                        parent,
                        indicators: Vec::new(),
                        ..goal.clone()
                    };
                    target.add(goal.into());
                    Some(new)
                }
            }
        } else {
            None
        };
        self.goals.insert(id, mapped);
        mapped
    }

    /// The plenary's indicator for the section's indicator `id`: only one of a goal the
    /// plenary gave the section.
    pub fn indicator(&self, target: &impl Target, id: IndicatorId) -> Option<IndicatorId> {
        (self.shared(id.0) && target.work().indicator(id).is_some()).then_some(id)
    }

    /// A proposer mapped.
    pub fn proposer(&mut self, target: &mut impl Target, proposer: Proposer) -> Option<Proposer> {
        match proposer {
            Proposer::Participant(p) => self.participant(target, p).map(Proposer::Participant),
            Proposer::Group(g) => self.group(target, g).map(Proposer::Group),
        }
    }

    /// Risks with their owners mapped.
    pub fn risks(&mut self, target: &mut impl Target, risks: &[Risk]) -> Vec<Risk> {
        risks
            .iter()
            .map(|risk| Risk {
                owner: risk.owner.and_then(|o| self.participant(target, o)),
                ..risk.clone()
            })
            .collect()
    }
}
