//! Bringing sections' results into the plenary: one command, and a report of what it did.
//!
//! From each section: the alternatives it adopted and the first N of its last closed vote, with
//! their provenance and the stakeholder groups' positions (as round 1 of the plenary), and the
//! section's decisions and action items («Решения секции»). Hidden ideas and ballots stay
//! behind. Bringing a section in again updates what came from it and adds nothing twice;
//! sections are taken in order of their names, so the order the files are listed in does not
//! matter.

use std::collections::BTreeMap;

use serde::Serialize;

use super::map::{IdMap, Target, name_key};
use super::standing::{Standing, participants_count, standing};
use crate::commands::{Command, Item};
use crate::model::{
    ActionId, ActionItem, Alternative, AlternativeId, AlternativeStatus, Decision, DecisionId,
    FromSection, Position, PositionId, SectionOf, SectionOrigin, SectionRecord, Session, SessionId,
};

/// How many alternatives of a section's vote are brought by default.
pub const DEFAULT_TOP: usize = 5;

/// A section's file, read: its path as given (for messages and the report) and its session.
#[derive(Clone, Debug)]
pub struct SectionFile {
    /// The path as the user gave it.
    pub file: String,
    /// The section session.
    pub session: Session,
}

/// Why sections cannot be brought in. Nothing is merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeRefusal {
    /// The session to bring sections into is itself a section.
    #[error("the session to bring sections into is itself the section «{0}» of a plenary")]
    PlenaryIsSection(String),
    /// The plenary has no identity (a session built in code, never saved).
    #[error("the plenary has no identity; save it first")]
    NoIdentity,
    /// A file is the plenary itself.
    #[error("{file} is the plenary itself, not one of its sections")]
    IsThePlenary {
        /// The file.
        file: String,
    },
    /// A file is not a section of any plenary.
    #[error("{file} is not a section: it was not made with `new --section` from a plenary")]
    NotASection {
        /// The file.
        file: String,
    },
    /// A file is a section of another plenary.
    #[error("{file} is the section «{section}» of another plenary ({plenary}), not of this one")]
    OtherPlenary {
        /// The file.
        file: String,
        /// Its section's name.
        section: String,
        /// The plenary it belongs to (its identity's first digits).
        plenary: String,
    },
    /// Two files claim the same section (the same session, or the same name).
    #[error("{first} and {second} both claim the section «{section}»")]
    SameSection {
        /// The first file.
        first: String,
        /// The second file.
        second: String,
        /// The section's name.
        section: String,
    },
    /// Bringing the sections in would leave the plenary inconsistent (a bug, never expected).
    #[error("bringing the sections in would break the plenary: {0}")]
    Inconsistent(String),
}

/// What bringing sections in will do: the one command that does it, and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// The command (a batch of plain edits; one undo step).
    pub command: Command,
    /// What it brings, section by section.
    pub report: MergeReport,
}

/// The report of `stratboard merge --json`: keys in alphabetical order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Alternatives, decisions and action items added to the plenary.
    pub added: usize,
    /// Per section, in order of their names.
    pub sections: Vec<SectionReport>,
    /// Pairs of the plenary's alternatives from different sections with similar titles (never
    /// joined by themselves: the facilitator may combine them).
    pub similar: Vec<[u32; 2]>,
    /// Alternatives, decisions and action items already there that changed.
    pub updated: usize,
}

/// One section's part of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SectionReport {
    /// The alternatives it brings.
    pub alternatives: Vec<BroughtAlternative>,
    /// How many of its decisions it brings.
    pub decisions: usize,
    /// The file, as given.
    pub file: String,
    /// The section's name.
    pub section: String,
}

/// An alternative brought from a section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BroughtAlternative {
    /// Its id in the section's file.
    pub from: u32,
    /// Its id in the plenary.
    pub id: u32,
    /// Its title in the plenary.
    pub title: String,
}

/// Plans bringing `files` into `plenary`, taking the first `top` of each section's vote.
/// Refuses (and plans nothing) when a file is not a section of this plenary, or two files
/// claim the same section.
pub fn plan_merge(
    plenary: &Session,
    files: &[SectionFile],
    top: usize,
) -> Result<MergePlan, MergeRefusal> {
    let sections = checked_sections(plenary, files)?;
    let mut builder = Builder::new(plenary);
    let mut reports = Vec::new();
    for (file, section, of) in sections {
        reports.push(builder.section(file, section, of, top));
    }
    let similar = super::similar::similar_pairs(&builder.work);
    builder.finish(reports, similar)
}

/// The files checked and put in order of their sections' names (then identities).
fn checked_sections<'a>(
    plenary: &Session,
    files: &'a [SectionFile],
) -> Result<Vec<(&'a str, &'a Session, &'a SectionOf)>, MergeRefusal> {
    if let Some(of) = &plenary.meta.section {
        return Err(MergeRefusal::PlenaryIsSection(of.name.clone()));
    }
    if plenary.meta.id.is_empty() {
        return Err(MergeRefusal::NoIdentity);
    }
    let mut sections = Vec::new();
    for file in files {
        let session = &file.session;
        let Some(of) = &session.meta.section else {
            return Err(if session.meta.id == plenary.meta.id {
                MergeRefusal::IsThePlenary {
                    file: file.file.clone(),
                }
            } else {
                MergeRefusal::NotASection {
                    file: file.file.clone(),
                }
            });
        };
        if of.plenary != plenary.meta.id {
            return Err(MergeRefusal::OtherPlenary {
                file: file.file.clone(),
                section: of.name.clone(),
                plenary: of.plenary.short().to_owned(),
            });
        }
        sections.push((file.file.as_str(), session, of));
    }
    sections.sort_by(|a, b| {
        (name_key(&a.2.name), &a.1.meta.id, a.0).cmp(&(name_key(&b.2.name), &b.1.meta.id, b.0))
    });
    for pair in sections.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        if first.1.meta.id == second.1.meta.id
            || name_key(&first.2.name) == name_key(&second.2.name)
        {
            let (a, b) = if first.0 <= second.0 {
                (first.0, second.0)
            } else {
                (second.0, first.0)
            };
            return Err(MergeRefusal::SameSection {
                first: a.to_owned(),
                second: b.to_owned(),
                section: second.2.name.clone(),
            });
        }
    }
    Ok(sections)
}

/// The plenary as it is being built, and the commands that build it.
struct Builder {
    before: Session,
    work: Session,
    steps: Vec<Command>,
    next_id: u32,
    added: usize,
    updated: usize,
}

impl Target for Builder {
    fn work(&self) -> &Session {
        &self.work
    }

    fn fresh_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    fn add(&mut self, item: Item) {
        let index = crate::commands::list_len(&self.work, &item);
        let command = Command::Insert { item, index };
        self.push(command);
    }
}

impl Builder {
    fn new(plenary: &Session) -> Self {
        let mut work = plenary.clone();
        work.repair_next_id();
        Self {
            next_id: work.next_id,
            before: plenary.clone(),
            work,
            steps: Vec::new(),
            added: 0,
            updated: 0,
        }
    }

    /// Applies a step to the plenary being built and keeps it.
    fn push(&mut self, command: Command) {
        // Steps are inserts of fresh ids and updates of existing entities, checked once at the
        // end (`finish`); here they only build the working copy.
        if self.work.apply_unchecked(command.clone()).is_ok() {
            self.steps.push(command);
        }
    }

    fn update(&mut self, item: Item) {
        self.push(Command::Update(item));
    }

    fn section(
        &mut self,
        file: &str,
        section: &Session,
        of: &SectionOf,
        top: usize,
    ) -> SectionReport {
        let standing = standing(section);
        let chosen = standing.chosen(section, top);
        let id = section.meta.id.clone();
        self.record(section, of, &standing);
        let mut map = IdMap::new(section, of);
        let mut alternatives = Vec::new();
        for alternative in &section.alternatives {
            let origin = origin(section, &standing, alternative);
            let existing = self.brought_from(&id, alternative.id);
            if chosen.contains(&alternative.id) {
                let (plenary_id, counted) =
                    self.bring_alternative(&mut map, alternative, origin, existing);
                // A combined alternative's positions are the plenary's blend of both: left as
                // they are. Otherwise the section's latest positions are brought up to date, a
                // change counting as an update of the alternative.
                let combined = self
                    .work
                    .alternative(plenary_id)
                    .is_some_and(|a| a.origins.len() > 1);
                if !combined
                    && self.bring_positions(&mut map, alternative.id, plenary_id)
                    && !counted
                {
                    self.updated += 1;
                }
                let title = self
                    .work
                    .alternative(plenary_id)
                    .map(|a| a.title.clone())
                    .unwrap_or_default();
                alternatives.push(BroughtAlternative {
                    from: alternative.id.0,
                    id: plenary_id.0,
                    title,
                });
            } else if let Some(existing) = existing {
                // Brought before, and no longer among the first: its provenance is brought up
                // to date; the plenary keeps it.
                self.refresh_origin(existing, origin);
            }
        }
        let decisions = self.bring_decisions(&mut map, &id);
        self.bring_actions(&mut map, &id);
        SectionReport {
            alternatives,
            decisions,
            file: file.to_owned(),
            section: of.name.clone(),
        }
    }

    /// The section's record, put in (in order of names) or brought up to date.
    fn record(&mut self, section: &Session, of: &SectionOf, standing: &Standing) {
        let facilitator = section
            .meta
            .facilitator
            .and_then(|f| section.participant(f))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let revealed = section.alternatives.iter().filter(|a| !a.hidden).count();
        let record = SectionRecord {
            id: section.meta.id.clone(),
            name: of.name.trim().to_owned(),
            facilitator,
            participants: participants_count(section),
            vote: standing.vote.clone(),
            alternatives: u32::try_from(revealed).unwrap_or(u32::MAX),
        };
        let mut records = self.work.sections.clone();
        records.retain(|r| r.id != record.id);
        records.push(record);
        records.sort_by(|a, b| (name_key(&a.name), &a.id).cmp(&(name_key(&b.name), &b.id)));
        if records != self.work.sections {
            self.push(Command::SetSections(records));
        }
    }

    /// The plenary's alternative that came from the section's `alternative`.
    fn brought_from(
        &self,
        section: &SessionId,
        alternative: AlternativeId,
    ) -> Option<AlternativeId> {
        self.work
            .alternatives
            .iter()
            .find(|a| {
                a.origins
                    .iter()
                    .any(|o| &o.section == section && o.alternative == alternative)
            })
            .map(|a| a.id)
    }

    fn bring_alternative(
        &mut self,
        map: &mut IdMap<'_>,
        alternative: &Alternative,
        origin: SectionOrigin,
        existing: Option<AlternativeId>,
    ) -> (AlternativeId, bool) {
        if let Some(id) = existing
            && let Some(current) = self.work.alternative(id).cloned()
        {
            let wanted = if current.origins.len() == 1 {
                Alternative {
                    id,
                    status: current.status,
                    hidden: current.hidden,
                    ..self.content(map, alternative, origin)
                }
            } else {
                with_origin(&current, origin)
            };
            let changed = wanted != current;
            if changed {
                self.updated += 1;
                self.update(wanted.into());
            }
            return (id, changed);
        }
        let id = AlternativeId(self.fresh_id());
        let new = Alternative {
            id,
            ..self.content(map, alternative, origin)
        };
        self.added += 1;
        self.add(new.into());
        (id, true)
    }

    /// The plenary's version of a section's alternative: its text, goals, proposer and risks
    /// mapped, proposed to the plenary.
    fn content(
        &mut self,
        map: &mut IdMap<'_>,
        alternative: &Alternative,
        origin: SectionOrigin,
    ) -> Alternative {
        let goals = alternative
            .goals
            .iter()
            .filter_map(|g| map.goal(self, *g))
            .collect::<Vec<_>>();
        let proposer = alternative.proposer.and_then(|p| map.proposer(self, p));
        let risks = map.risks(self, &alternative.risks);
        Alternative {
            id: AlternativeId(0),
            title: alternative.title.clone(),
            description: alternative.description.clone(),
            goals: dedup(goals),
            proposer,
            pros: alternative.pros.clone(),
            cons: alternative.cons.clone(),
            status: AlternativeStatus::Proposed,
            hidden: false,
            risks,
            origins: vec![origin],
        }
    }

    fn refresh_origin(&mut self, id: AlternativeId, origin: SectionOrigin) {
        if let Some(current) = self.work.alternative(id).cloned() {
            let wanted = with_origin(&current, origin);
            if wanted != current {
                self.updated += 1;
                self.update(wanted.into());
            }
        }
    }

    /// The groups' latest positions on the section's alternative, as round 1 of the plenary.
    /// Returns whether any changed.
    fn bring_positions(
        &mut self,
        map: &mut IdMap<'_>,
        from: AlternativeId,
        into: AlternativeId,
    ) -> bool {
        let mut changed = false;
        let mut latest: BTreeMap<crate::model::GroupId, &Position> = BTreeMap::new();
        for position in map
            .section
            .positions
            .iter()
            .filter(|p| p.alternative == from)
        {
            let keep = latest
                .get(&position.group)
                .is_none_or(|known| position.round >= known.round);
            if keep {
                latest.insert(position.group, position);
            }
        }
        for (group, position) in latest {
            let Some(group) = map.group(self, group) else {
                continue;
            };
            let existing = self
                .work
                .positions
                .iter()
                .find(|p| p.alternative == into && p.group == group && p.round == 1)
                .cloned();
            match existing {
                Some(current) => {
                    let wanted = Position {
                        stance: position.stance,
                        interests: position.interests.clone(),
                        ..current.clone()
                    };
                    if wanted != current {
                        changed = true;
                        self.update(wanted.into());
                    }
                }
                None => {
                    changed = true;
                    let new = Position {
                        id: PositionId(self.fresh_id()),
                        group,
                        alternative: into,
                        stance: position.stance,
                        interests: position.interests.clone(),
                        round: 1,
                    };
                    self.add(new.into());
                }
            }
        }
        changed
    }

    /// The section's decisions, under «Решения секции»; one the plenary adopted stays as the
    /// plenary has it. Returns how many the section has.
    fn bring_decisions(&mut self, map: &mut IdMap<'_>, section: &SessionId) -> usize {
        let section_session = map.section;
        for decision in &section_session.decisions {
            let existing = self
                .work
                .decisions
                .iter()
                .find(|d| is_from(d.section.as_ref(), section, decision.id.0))
                .cloned();
            if existing
                .as_ref()
                .is_some_and(|d| d.section.as_ref().is_some_and(|s| s.adopted))
            {
                continue;
            }
            let alternatives = dedup(
                decision
                    .alternatives
                    .iter()
                    .filter_map(|a| self.brought_from(section, *a))
                    .collect(),
            );
            let risks = map.risks(self, &decision.risks);
            let wanted = Decision {
                id: DecisionId(0),
                statement: decision.statement.clone(),
                alternatives,
                vote: None,
                rationale: decision.rationale.clone(),
                dissent: decision.dissent.clone(),
                decided_on: decision.decided_on,
                risks,
                section: Some(FromSection {
                    section: section.clone(),
                    id: decision.id.0,
                    adopted: false,
                }),
            };
            self.put(existing, wanted, |d, id| d.id = DecisionId(id), |d| d.id.0);
        }
        section_session.decisions.len()
    }

    /// The section's action items, with their executors and decisions mapped.
    fn bring_actions(&mut self, map: &mut IdMap<'_>, section: &SessionId) {
        let section_session = map.section;
        for action in &section_session.actions {
            let existing = self
                .work
                .actions
                .iter()
                .find(|a| is_from(a.section.as_ref(), section, action.id.0))
                .cloned();
            if existing
                .as_ref()
                .is_some_and(|a| a.section.as_ref().is_some_and(|s| s.adopted))
            {
                continue;
            }
            let owners = action
                .owners
                .iter()
                .filter_map(|p| map.participant(self, *p))
                .collect();
            let co_groups = action
                .co_groups
                .iter()
                .filter_map(|g| map.group(self, *g))
                .collect();
            let indicators = action
                .indicators
                .iter()
                .filter_map(|i| map.indicator(self, *i))
                .collect();
            let decision = action.decision.and_then(|d| {
                self.work
                    .decisions
                    .iter()
                    .find(|p| is_from(p.section.as_ref(), section, d.0))
                    .map(|p| p.id)
            });
            let wanted = ActionItem {
                id: ActionId(0),
                owners: dedup(owners),
                co_groups: dedup(co_groups),
                indicators: dedup(indicators),
                decision,
                section: Some(FromSection {
                    section: section.clone(),
                    id: action.id.0,
                    adopted: false,
                }),
                ..action.clone()
            };
            self.put(existing, wanted, |a, id| a.id = ActionId(id), |a| a.id.0);
        }
    }

    /// Adds `wanted` (with a fresh id), or updates `existing` to it when it differs.
    fn put<T: Clone + PartialEq + Into<Item>>(
        &mut self,
        existing: Option<T>,
        mut wanted: T,
        set_id: impl Fn(&mut T, u32),
        id_of: impl Fn(&T) -> u32,
    ) {
        match existing {
            Some(current) => {
                set_id(&mut wanted, id_of(&current));
                if wanted != current {
                    self.updated += 1;
                    self.update(wanted.into());
                }
            }
            None => {
                let id = self.fresh_id();
                set_id(&mut wanted, id);
                self.added += 1;
                self.add(wanted.into());
            }
        }
    }

    fn finish(
        self,
        sections: Vec<SectionReport>,
        similar: Vec<[u32; 2]>,
    ) -> Result<MergePlan, MergeRefusal> {
        // The plan must apply to the plenary as it was: checked once, here, as the document
        // will check it.
        let command = Command::Batch(self.steps);
        let mut check = self.before;
        if let Err(error) = check.apply(command.clone()) {
            return Err(MergeRefusal::Inconsistent(error.to_string()));
        }
        Ok(MergePlan {
            command,
            report: MergeReport {
                added: self.added,
                sections,
                similar,
                updated: self.updated,
            },
        })
    }
}

/// The provenance of a section's alternative.
fn origin(section: &Session, standing: &Standing, alternative: &Alternative) -> SectionOrigin {
    let decisions = section
        .decisions
        .iter()
        .filter(|d| d.alternatives.contains(&alternative.id))
        .map(|d| d.statement.clone())
        .collect();
    SectionOrigin {
        section: section.meta.id.clone(),
        alternative: alternative.id,
        title: alternative.title.clone(),
        place: standing.places.get(&alternative.id).copied(),
        adopted: alternative.status == AlternativeStatus::Adopted,
        decisions,
    }
}

/// `alternative` with the origin from the same section alternative replaced by `origin`.
fn with_origin(alternative: &Alternative, origin: SectionOrigin) -> Alternative {
    let mut changed = alternative.clone();
    for slot in &mut changed.origins {
        if slot.section == origin.section && slot.alternative == origin.alternative {
            *slot = origin.clone();
        }
    }
    changed
}

fn is_from(from: Option<&FromSection>, section: &SessionId, id: u32) -> bool {
    from.is_some_and(|f| &f.section == section && f.id == id)
}

/// The list without repeats, in first-seen order.
fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
