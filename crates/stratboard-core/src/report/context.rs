//! What every section of the protocol reads: the session, the translations into the
//! protocol's language, and how people, alternatives, groups and dates are named. The section
//! builders ([`super::protocol`], [`super::votes`], [`super::convergence`],
//! [`super::speaking`]) all stand on it; it knows none of them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::zone::Zone;
use crate::i18n::{Language, Tr};
use crate::model::{AlternativeId, GroupId, ParticipantId, Session};

/// Everything the section builders need: the session, the translations and name lookups.
pub(super) struct Ctx<'a> {
    /// The session reported on.
    pub session: &'a Session,
    /// Translations into the protocol's language.
    pub tr: Tr,
    /// The clock the protocol's times are written in.
    pub zone: Zone,
    participants: HashMap<ParticipantId, usize>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(session: &'a Session, language: Language, zone: Zone) -> Self {
        let participants = session
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        Self {
            session,
            tr: Tr::new(language),
            zone,
            participants,
        }
    }

    /// A participant's name ("—" when unknown).
    pub fn person(&self, id: ParticipantId) -> String {
        self.participants
            .get(&id)
            .and_then(|i| self.session.participants.get(*i))
            .map_or_else(|| self.tr.t("report-none"), |p| p.name.clone())
    }

    /// "Name, job title".
    pub(super) fn person_with_title(&self, id: ParticipantId) -> String {
        let Some(p) = self
            .participants
            .get(&id)
            .and_then(|i| self.session.participants.get(*i))
        else {
            return self.tr.t("report-none");
        };
        if p.position.trim().is_empty() {
            p.name.clone()
        } else {
            format!("{}, {}", p.name, p.position)
        }
    }

    /// An alternative's title ("idea not revealed yet" for a hidden one).
    pub fn alternative(&self, id: AlternativeId) -> String {
        alternative_title(self.session, &self.tr, id)
    }

    /// A group's name.
    pub fn group(&self, id: GroupId) -> String {
        self.session
            .group(id)
            .map_or_else(|| format!("#{id}"), |g| g.name.clone())
    }

    /// A date in the protocol's language.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        self.tr.date(date)
    }

    /// A moment as the protocol's clock shows it: "10:25", with its date ("13 декабря
    /// 2017 г., 10:25") when that is not `day`, the day the protocol's times are read on.
    pub fn time(&self, at: DateTime<Utc>, day: Option<chrono::NaiveDate>) -> String {
        let local = self.zone.local(at);
        let clock = local.format("%H:%M").to_string();
        match day {
            Some(day) if day != local.date_naive() => {
                format!("{}, {clock}", self.date(local.date_naive()))
            }
            _ => clock,
        }
    }
}

/// An alternative's title as exports show it: an idea not yet revealed to the room is named
/// only as such, wherever it appears (a ballot, a result, a chart).
pub fn alternative_title(session: &Session, tr: &Tr, id: AlternativeId) -> String {
    match session.alternative(id) {
        Some(alternative) if alternative.hidden => tr.t("present-view-idea-hidden"),
        Some(alternative) => alternative.title.clone(),
        None => format!("#{id}"),
    }
}
