//! Migration of older format versions to the current one.
//!
//! - **v0** is the prototype format (no `format_version`, no ids): names instead of references,
//!   goals and decisions as plain strings, one free-text owner per action. Migration gives every
//!   entity an id, turns names into references and keeps every piece of text: an owner who is
//!   not among the participants becomes a participant, so no name is lost.
//!
//! - **v1** and **v2** lack fields added later (v2: the session's language and speaking
//!   rounds; v3: a participant's contact); they read as they are.
//!
//! Fixtures: `sessions/fixtures/format-v0.ron` … `format-v5.ron`.

use chrono::NaiveDate;
use serde::Deserialize;

use super::LoadErrorKind;
use super::ron_text::read;
use crate::model::{
    ActionItem, ActionStatus, Alternative, Decision, Goal, GroupId, Participant, ParticipantId,
    Session, StakeholderGroup,
};

/// Reads `text`, written in format `version`, as a current session.
pub(super) fn from_version(version: u32, text: &str) -> Result<Session, LoadErrorKind> {
    match version {
        0 => read::<V0Session>(text).map(v0_to_current),
        // Versions 2, 3 and 4 only added fields (the session's language and speaking rounds;
        // a participant's contact; attendance, the right to vote — true for everyone before —
        // and a round's recorded attendance): a version 1, 2 or 3 file reads as it is; a
        // version 1 file's language is guessed from its text after reading.
        // Version 5 (target indicators, the roadmap's fields, risks) only added fields too.
        // Version 6 (a session's identity, sections and the plenary) only added fields too; a
        // file without an identity gets one derived from its bytes after reading.
        1..=5 => read::<Session>(text),
        // Every version below the current one has a migration; `parse_session` refuses newer.
        other => Err(LoadErrorKind::Syntax {
            line: 1,
            col: 1,
            message: format!("format_version {other} is not a version stratboard ever wrote"),
        }),
    }
}

/// The v0 (prototype) session.
#[derive(Deserialize)]
#[serde(rename = "Session", deny_unknown_fields)]
struct V0Session {
    title: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    date: Option<NaiveDate>,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    participants: Vec<V0Participant>,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    alternatives: Vec<V0Alternative>,
    #[serde(default)]
    decisions: Vec<String>,
    #[serde(default)]
    actions: Vec<V0Action>,
}

#[derive(Deserialize)]
#[serde(rename = "Participant", deny_unknown_fields)]
struct V0Participant {
    name: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    group: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename = "Alternative", deny_unknown_fields)]
struct V0Alternative {
    title: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(rename = "Action", deny_unknown_fields)]
struct V0Action {
    what: String,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    due: Option<NaiveDate>,
    #[serde(default)]
    done: bool,
}

fn v0_to_current(old: V0Session) -> Session {
    let mut session = Session::new(old.title);
    session.meta.organisation = old.organisation;
    session.meta.start = old.date;
    session.meta.venue = old.venue;
    for name in old.groups {
        group_named(&mut session, &name);
    }
    for person in old.participants {
        let group = person.group.map(|name| group_named(&mut session, &name));
        let id = ParticipantId(session.allocate_id());
        session.participants.push(Participant {
            id,
            name: person.name,
            position: person.position,
            group,
            ..Participant::default()
        });
    }
    for title in old.goals {
        let id = session.allocate_id().into();
        session.goals.push(Goal {
            id,
            title,
            ..Goal::default()
        });
    }
    for alternative in old.alternatives {
        let id = session.allocate_id().into();
        session.alternatives.push(Alternative {
            id,
            title: alternative.title,
            description: alternative.description,
            ..Alternative::default()
        });
    }
    for statement in old.decisions {
        let id = session.allocate_id().into();
        session.decisions.push(Decision {
            id,
            statement,
            decided_on: old.date,
            ..Decision::default()
        });
    }
    for action in old.actions {
        let owners = action
            .owner
            .filter(|name| !name.trim().is_empty())
            .map(|name| vec![participant_named(&mut session, &name)])
            .unwrap_or_default();
        let id = session.allocate_id().into();
        let status = if action.done {
            ActionStatus::Done
        } else {
            ActionStatus::Open
        };
        session.actions.push(ActionItem {
            id,
            what: action.what,
            owners,
            due: action.due,
            status,
            ..ActionItem::default()
        });
    }
    session
}

/// The group with this name, created if there is none.
fn group_named(session: &mut Session, name: &str) -> GroupId {
    if let Some(group) = session.stakeholder_groups.iter().find(|g| g.name == name) {
        return group.id;
    }
    let id = GroupId(session.allocate_id());
    session.stakeholder_groups.push(StakeholderGroup {
        id,
        name: name.to_owned(),
        ..StakeholderGroup::default()
    });
    id
}

/// The participant with this name, created if there is none.
fn participant_named(session: &mut Session, name: &str) -> ParticipantId {
    let name = name.trim();
    if let Some(person) = session.participants.iter().find(|p| p.name == name) {
        return person.id;
    }
    let id = ParticipantId(session.allocate_id());
    session.participants.push(Participant {
        id,
        name: name.to_owned(),
        ..Participant::default()
    });
    id
}
