//! Decisions (РЕШИЛИ), the action items that carry them out, and free notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    ActionId, AgendaItemId, AlternativeId, DecisionId, FromSection, GroupId, IndicatorId, NoteId,
    ParticipantId, ProgressReport, Risk, VoteId,
};

/// A decision the session took.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    /// The decision's id.
    pub id: DecisionId,
    /// What was decided; never empty.
    pub statement: String,
    /// The alternatives it adopts, rejects or postpones.
    pub alternatives: Vec<AlternativeId>,
    /// The vote it rests on.
    pub vote: Option<VoteId>,
    /// Why.
    pub rationale: String,
    /// Who disagreed, and how.
    pub dissent: String,
    /// When it was taken.
    pub decided_on: Option<NaiveDate>,
    /// Its risk register (format 5; left out of the file when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// The section it was taken in, when a plenary brought it in (format 6): shown under
    /// «Решения секции» until the plenary adopts it as its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<FromSection>,
}

/// Where an action item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Will not be done.
    Cancelled,
}

impl ActionStatus {
    /// Every status, in the order a picker shows them.
    pub const ALL: [Self; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Cancelled];

    /// Whether the item still needs work (so it is carried over to the next session).
    pub fn is_pending(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

/// Where a carried-over action item came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarriedOver {
    /// The title of the earlier session.
    pub session: String,
    /// The date of the earlier session.
    pub date: Option<NaiveDate>,
}

/// An action item (поручение): what, who, by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    /// The item's id.
    pub id: ActionId,
    /// What is to be done; never empty.
    pub what: String,
    /// Who carries it out, each a participant: the first is the responsible executor
    /// (ответственный), the others co-executors (соисполнители).
    pub owners: Vec<ParticipantId>,
    /// Stakeholder groups that are co-executors too (format 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_groups: Vec<GroupId>,
    /// When work starts (начало; format 5); not after `due`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The due date (срок).
    pub due: Option<NaiveDate>,
    /// The expected result (ожидаемый результат; format 5).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expected_result: String,
    /// The target indicators it serves (format 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorId>,
    /// How far it is done, 0–100 (format 5); a done item counts as 100
    /// ([`ActionItem::progress_shown`]).
    #[serde(skip_serializing_if = "is_zero")]
    pub progress: u8,
    /// Progress reports, oldest first (format 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ProgressReport>,
    /// Open, in progress, done or cancelled.
    pub status: ActionStatus,
    /// The decision it carries out.
    pub decision: Option<DecisionId>,
    /// Set when the item was carried over from an earlier session.
    pub carried_over: Option<CarriedOver>,
    /// The section it was set in, when a plenary brought it in (format 6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<FromSection>,
}

fn is_zero(value: &u8) -> bool {
    *value == 0
}

impl ActionItem {
    /// The progress to show: 100 % once done, else as reported.
    pub fn progress_shown(&self) -> u8 {
        if self.status == ActionStatus::Done {
            100
        } else {
            self.progress.min(100)
        }
    }

    /// The responsible executor (ответственный): the first owner.
    pub fn responsible(&self) -> Option<ParticipantId> {
        self.owners.first().copied()
    }

    /// The co-executors who are participants (соисполнители): the owners after the first.
    pub fn co_executors(&self) -> &[ParticipantId] {
        self.owners.get(1..).unwrap_or(&[])
    }

    /// The latest progress report.
    pub fn last_report(&self) -> Option<&ProgressReport> {
        self.reports.iter().max_by_key(|r| r.date)
    }

    /// Whether it is overdue on `today`: pending and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_pending() && self.due.is_some_and(|due| due < today)
    }
}

/// A free note taken during the session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Note {
    /// The note's id.
    pub id: NoteId,
    /// The note; never empty.
    pub text: String,
    /// The agenda item it was taken during.
    pub agenda_item: Option<AgendaItemId>,
}
