//! A section session made from the plenary's file.

use super::super::model::{
    Attendance, Meta, Participant, ParticipantId, SectionOf, Session, SessionId,
};

/// Why a section cannot be made from a session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SectionRefusal {
    /// The section's name is empty.
    #[error("the section needs a name")]
    EmptyName,
    /// The plenary has no identity (a session built in code, never saved by stratboard).
    #[error("the plenary has no identity; open it in stratboard and save it first")]
    NoIdentity,
    /// The session is itself a section: sections are made from the plenary.
    #[error(
        "this session is itself the section «{0}» of a plenary; make sections from the plenary's file"
    )]
    FromSection(String),
}

impl Session {
    /// A section of this plenary named `name`, run by `facilitator` (a participant of the
    /// plenary found by name, or a new participant of the section's own).
    ///
    /// It keeps the plenary's organisation, format, dates, venue, language, stakeholder groups,
    /// participants and goals with their ids, and the quorum rule; it has no agenda,
    /// alternatives, votes or decisions. Participants' room codes are cleared (the section's
    /// room hands out its own) unless `keep_codes`, when the plenary's printed cards work in
    /// the section too.
    pub fn section_of(
        &self,
        name: &str,
        facilitator: Option<&str>,
        keep_codes: bool,
    ) -> Result<Session, SectionRefusal> {
        let name = name.trim();
        if name.is_empty() {
            return Err(SectionRefusal::EmptyName);
        }
        if let Some(of) = &self.meta.section {
            return Err(SectionRefusal::FromSection(of.name.clone()));
        }
        if self.meta.id.is_empty() {
            return Err(SectionRefusal::NoIdentity);
        }
        let mut plenary = self.clone();
        plenary.repair_next_id();
        let participants = plenary
            .participants
            .iter()
            .map(|p| Participant {
                code: if keep_codes { p.code.clone() } else { None },
                ..p.clone()
            })
            .collect();
        let mut section = Session {
            next_id: plenary.next_id,
            meta: Meta {
                title: format!("{} — {name}", plenary.meta.title.trim()),
                organisation: plenary.meta.organisation.clone(),
                format: plenary.meta.format,
                start: plenary.meta.start,
                end: plenary.meta.end,
                venue: plenary.meta.venue.clone(),
                facilitator: None,
                secretary: None,
                purpose: String::new(),
                language: Some(plenary.language()),
                id: SessionId::random(),
                section: Some(SectionOf {
                    plenary: plenary.meta.id.clone(),
                    name: name.to_owned(),
                    shared_below: plenary.next_id,
                }),
            },
            stakeholder_groups: plenary.stakeholder_groups.clone(),
            participants,
            goals: plenary.goals.clone(),
            attendance: Attendance {
                quorum: plenary.attendance.quorum,
                max_proxies: plenary.attendance.max_proxies,
                ..Attendance::default()
            },
            ..Session::default()
        };
        section.meta.facilitator = facilitator
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(|f| section.facilitator_named(f));
        Ok(section)
    }

    /// The participant called `name` (letter case and spaces aside), or a new one of the
    /// section's own.
    fn facilitator_named(&mut self, name: &str) -> ParticipantId {
        let key = super::map::name_key(name);
        if let Some(found) = self
            .participants
            .iter()
            .find(|p| super::map::name_key(&p.name) == key)
        {
            return found.id;
        }
        let id = ParticipantId(self.allocate_id());
        self.participants.push(Participant {
            id,
            name: name.to_owned(),
            ..Participant::default()
        });
        id
    }
}
