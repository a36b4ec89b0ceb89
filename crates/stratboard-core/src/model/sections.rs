//! Parallel sections and the plenary (format 6): a session's identity, the plenary a section
//! session belongs to, and what the plenary keeps of each section it brought in — the section's
//! record, and the provenance of every alternative, decision and action item that came from it.
//!
//! The merge itself (`crate::sections`) reads these; this module only holds the data and its
//! checks.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use std::borrow::Cow;

use super::{ActionItem, AlternativeId, Decision, Problem, ProblemKind, Session};

/// A session's stable identity: a UUID as text (`8-4-4-4-12` lowercase hex digits), made when
/// the session is created and kept by every save. Sections name their plenary by it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub String);

impl SessionId {
    /// A new random identity (UUID version 4). Falls back to one derived from the clock and the
    /// process only where the system has no random source.
    pub fn random() -> Self {
        let mut bytes = [0_u8; 16];
        if getrandom::fill(&mut bytes).is_err() {
            let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
            let seed = format!("{now}:{}", std::process::id());
            return Self::derived(seed.as_bytes());
        }
        Self::from_bytes(bytes, 4)
    }

    /// The identity of a file written before sessions had one: derived from its bytes (UUID
    /// version 8, from SHA-256), so loading the same file twice gives the same identity, and
    /// the first save writes it down.
    pub fn derived(content: &[u8]) -> Self {
        let digest = Sha256::digest(content);
        let mut bytes = [0_u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        Self::from_bytes(bytes, 8)
    }

    fn from_bytes(mut bytes: [u8; 16], version: u8) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | (version << 4);
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Self(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    /// Whether no identity is recorded (a session built in code, not yet saved).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first eight digits, enough to tell sessions apart in a message.
    pub fn short(&self) -> &str {
        self.0.get(..8).unwrap_or(&self.0)
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which plenary a section session belongs to (секция, площадка).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SectionOf {
    /// The plenary session's identity.
    pub plenary: SessionId,
    /// The section's name («Молодёжная политика»); never empty.
    pub name: String,
    /// Ids below this came from the plenary when the section was made (its groups,
    /// participants and goals keep the plenary's ids); ids from here on are the section's own.
    pub shared_below: u32,
}

/// A section as the plenary brought it in: who ran it and how it voted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SectionRecord {
    /// The section session's identity.
    pub id: SessionId,
    /// The section's name.
    pub name: String,
    /// Its moderator's name, as the section recorded its facilitator.
    pub facilitator: String,
    /// How many took part: those registered present (in the room or remotely) when the
    /// section registered anyone, else those who voted, else its participants.
    pub participants: u32,
    /// The section's last closed vote, whose result ranked what it brought.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<SectionVote>,
    /// How many alternatives the section had in all (revealed ones).
    pub alternatives: u32,
}

/// A section's last closed vote, as its result is cited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SectionVote {
    /// The question put to the vote.
    pub question: String,
    /// The method's CLI name (`schulze`, `borda`, …).
    pub method: String,
    /// Ballots counted (shows of hands included).
    pub ballots: u64,
    /// How many alternatives were on the ballot.
    pub on_ballot: u32,
}

/// Where an alternative of the plenary came from: one section's alternative (several after
/// the facilitator combined alternatives of different sections).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SectionOrigin {
    /// The section's identity (its record is in `Session::sections`).
    pub section: SessionId,
    /// The alternative's id in the section's file.
    pub alternative: AlternativeId,
    /// Its title in the section (kept apart: a combined alternative's title is both).
    pub title: String,
    /// Its place in the section's last closed vote, if it was on the ballot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The section adopted it.
    pub adopted: bool,
    /// The statements of the section's decisions that name it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<String>,
}

/// A place in a vote's ranking: «2-е место из 9», or shared («2–3-е место»).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Place {
    /// The first place of its tie group (1 = the winner).
    pub place: u32,
    /// The last place of its tie group; equal to `place` when it is not tied.
    pub to: u32,
    /// Of how many.
    pub of: u32,
}

/// Where a decision or an action item of the plenary came from: a section's own, brought in
/// as part of «Решения секции». The plenary may adopt a decision as its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FromSection {
    /// The section's identity.
    pub section: SessionId,
    /// The entity's id in the section's file.
    pub id: u32,
    /// The plenary took the decision as its own: bringing the section in again leaves it as
    /// the plenary has it.
    pub adopted: bool,
}

impl FromSection {
    /// Whether what came with this provenance is the plenary's own: none (the plenary's own
    /// entity) or adopted.
    pub fn own(from: Option<&FromSection>) -> bool {
        from.is_none_or(|f| f.adopted)
    }
}

impl Decision {
    /// Whether it is the plenary's own decision: taken at this session, or a section's that
    /// the plenary adopted. A section's other decisions are shown apart («Решения секций»).
    pub fn is_own(&self) -> bool {
        FromSection::own(self.section.as_ref())
    }
}

impl ActionItem {
    /// Whether it is the plenary's own action item (see [`Decision::is_own`]).
    pub fn is_own(&self) -> bool {
        FromSection::own(self.section.as_ref())
    }
}

impl Session {
    /// The session as its own parts read it — «РЕШИЛИ», the action plan, the roadmap, the
    /// roles, the counts on the board: without the sections' decisions and action items the
    /// plenary did not adopt. Borrowed as it is when there are none.
    pub fn plenary_own(&self) -> Cow<'_, Session> {
        let foreign =
            self.decisions.iter().any(|d| !d.is_own()) || self.actions.iter().any(|a| !a.is_own());
        if !foreign {
            return Cow::Borrowed(self);
        }
        let mut own = self.clone();
        own.decisions.retain(Decision::is_own);
        own.actions.retain(ActionItem::is_own);
        Cow::Owned(own)
    }

    /// The record of the section with identity `id`, when it was brought in.
    pub fn section_record(&self, id: &SessionId) -> Option<&SectionRecord> {
        self.sections.iter().find(|record| &record.id == id)
    }

    /// Whether this session is a section of a plenary.
    pub fn is_section(&self) -> bool {
        self.meta.section.is_some()
    }

    /// The problems of the sections' part: a section named twice, provenance naming a section
    /// that was never brought in, a section without a name.
    pub fn validate_sections(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |path: String, kind: ProblemKind| problems.push(Problem { path, kind });
        if let Some(of) = &self.meta.section
            && of.name.trim().is_empty()
        {
            push("meta.section.name".into(), ProblemKind::EmptyText);
        }
        let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
        for (s, record) in self.sections.iter().enumerate() {
            if record.name.trim().is_empty() {
                push(format!("sections[{s}].name"), ProblemKind::EmptyText);
            }
            if let Some(first) = seen.insert(record.id.0.as_str(), s) {
                let kind = ProblemKind::DuplicateSection {
                    first: format!("sections[{first}]"),
                };
                push(format!("sections[{s}].id"), kind);
            }
        }
        let known = |id: &SessionId| seen.contains_key(id.0.as_str());
        for (a, alternative) in self.alternatives.iter().enumerate() {
            for (o, origin) in alternative.origins.iter().enumerate() {
                if !known(&origin.section) {
                    let path = format!("alternatives[{a}].origins[{o}].section");
                    push(path, unknown(&origin.section));
                }
            }
        }
        for (d, decision) in self.decisions.iter().enumerate() {
            if let Some(from) = &decision.section
                && !known(&from.section)
            {
                push(format!("decisions[{d}].section"), unknown(&from.section));
            }
        }
        for (i, action) in self.actions.iter().enumerate() {
            if let Some(from) = &action.section
                && !known(&from.section)
            {
                push(format!("actions[{i}].section"), unknown(&from.section));
            }
        }
        problems
    }
}

fn unknown(id: &SessionId) -> ProblemKind {
    ProblemKind::UnknownSection { id: id.0.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_look_like_uuids_and_derived_ones_are_stable() {
        let random = SessionId::random();
        assert_eq!(random.0.len(), 36);
        assert_eq!(random.0.as_bytes()[14], b'4');
        assert_ne!(random, SessionId::random());
        let derived = SessionId::derived(b"a file");
        assert_eq!(derived, SessionId::derived(b"a file"));
        assert_ne!(derived, SessionId::derived(b"another file"));
        assert_eq!(derived.0.as_bytes()[14], b'8');
        assert_eq!(derived.short().len(), 8);
    }
}
