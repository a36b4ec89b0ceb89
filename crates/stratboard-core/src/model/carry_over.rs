//! Starting the next session from the previous one.

use chrono::NaiveDate;

use super::{ActionItem, Attendance, CarriedOver, Meta, Session};

impl Session {
    /// A new session that continues `previous`: it keeps the organisation, format, venue,
    /// facilitator and secretary, the stakeholder groups, participants and goals, and every
    /// action item that is not done or cancelled (of a plenary: its own and the sections' it
    /// adopted), marked as carried over so that the new session starts by reviewing them.
    /// Nobody is registered and no proxy is carried (they belong to one sitting); the quorum
    /// rule and the proxy limit are the body's and carry. Ids stay the same, so the carried
    /// references remain valid; links to the previous session's decisions are dropped (its
    /// decisions are not carried). The new session has an identity of its own; the next
    /// sitting of a section stays a section of the same plenary.
    pub fn continue_from(previous: &Session, title: String, start: Option<NaiveDate>) -> Session {
        let origin = CarriedOver {
            session: previous.meta.title.clone(),
            date: previous.meta.start,
        };
        let actions = previous
            .actions
            .iter()
            // A section's items the plenary did not adopt stay the section's (its own next
            // sitting carries them); an adopted one is carried as the plenary's, without the
            // provenance that names a section record the new session does not have.
            .filter(|action| action.status.is_pending() && action.is_own())
            .map(|action| ActionItem {
                decision: None,
                section: None,
                carried_over: Some(
                    action
                        .carried_over
                        .clone()
                        .unwrap_or_else(|| origin.clone()),
                ),
                ..action.clone()
            })
            .collect();
        let mut session = Session {
            next_id: previous.next_id,
            meta: Meta {
                title,
                organisation: previous.meta.organisation.clone(),
                format: previous.meta.format,
                start,
                end: None,
                venue: previous.meta.venue.clone(),
                facilitator: previous.meta.facilitator,
                secretary: previous.meta.secretary,
                purpose: String::new(),
                // The next session speaks the language of the previous one.
                language: Some(previous.language()),
                // A session of its own; the next sitting of a section stays a section of the
                // same plenary.
                id: super::SessionId::random(),
                section: previous.meta.section.clone(),
            },
            stakeholder_groups: previous.stakeholder_groups.clone(),
            participants: previous.participants.clone(),
            goals: previous.goals.clone(),
            actions,
            attendance: Attendance {
                quorum: previous.attendance.quorum,
                max_proxies: previous.attendance.max_proxies,
                ..Attendance::default()
            },
            ..Session::default()
        };
        session.repair_next_id();
        session
    }
}
