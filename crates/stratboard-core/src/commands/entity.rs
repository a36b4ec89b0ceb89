//! The [`Entity`] trait: what the command layer needs to know about each kind of entity, so
//! that add / insert / update / delete / move are written once.

use crate::model::{
    ActionId, ActionItem, AgendaItem, AgendaItemId, Alternative, AlternativeId, Decision,
    DecisionId, Finding, FindingId, Goal, GoalId, GroupId, Note, NoteId, Participant,
    ParticipantId, Position, PositionId, Session, StakeholderGroup, Vote, VoteId,
};

use super::{Item, ItemKind, ItemRef};

/// An entity kept in one of the session's lists.
pub(crate) trait Entity: Clone + Sized {
    /// Its typed id.
    type Id: Copy + Eq;
    /// Which list it lives in.
    const KIND: ItemKind;
    /// Its id.
    fn id(&self) -> Self::Id;
    /// Gives it a fresh id.
    fn set_raw_id(&mut self, raw: u32);
    /// The list it lives in.
    fn list(session: &Session) -> &Vec<Self>;
    /// The list it lives in, to change it.
    fn list_mut(session: &mut Session) -> &mut Vec<Self>;
    /// Wraps it as an [`Item`].
    fn into_item(self) -> Item;
    /// A reference to an entity of this kind.
    fn make_ref(id: Self::Id) -> ItemRef;
}

macro_rules! entity {
    ($($ty:ty, $id:ident, $variant:ident, $list:ident;)*) => {$(
        impl Entity for $ty {
            type Id = $id;
            const KIND: ItemKind = ItemKind::$variant;
            fn id(&self) -> $id {
                self.id
            }
            fn set_raw_id(&mut self, raw: u32) {
                self.id = $id(raw);
            }
            fn list(session: &Session) -> &Vec<Self> {
                &session.$list
            }
            fn list_mut(session: &mut Session) -> &mut Vec<Self> {
                &mut session.$list
            }
            fn into_item(self) -> Item {
                Item::$variant(self)
            }
            fn make_ref(id: $id) -> ItemRef {
                ItemRef::$variant(id)
            }
        }
    )*};
}

entity! {
    StakeholderGroup, GroupId, Group, stakeholder_groups;
    Participant, ParticipantId, Participant, participants;
    AgendaItem, AgendaItemId, AgendaItem, agenda;
    Goal, GoalId, Goal, goals;
    Finding, FindingId, Finding, findings;
    Alternative, AlternativeId, Alternative, alternatives;
    Position, PositionId, Position, positions;
    Vote, VoteId, Vote, votes;
    Decision, DecisionId, Decision, decisions;
    ActionItem, ActionId, Action, actions;
    Note, NoteId, Note, notes;
}

/// Runs `$body` with `$e` bound to the entity inside an [`Item`], whatever its kind.
macro_rules! with_item {
    ($item:expr, $e:ident => $body:expr) => {
        match $item {
            Item::Group($e) => $body,
            Item::Participant($e) => $body,
            Item::AgendaItem($e) => $body,
            Item::Goal($e) => $body,
            Item::Finding($e) => $body,
            Item::Alternative($e) => $body,
            Item::Position($e) => $body,
            Item::Vote($e) => $body,
            Item::Decision($e) => $body,
            Item::Action($e) => $body,
            Item::Note($e) => $body,
        }
    };
}

/// Runs `$body` with `$id` bound to the typed id inside an [`ItemRef`] and `$ty` naming its
/// entity type.
macro_rules! with_ref {
    ($target:expr, $id:ident, $ty:ident => $body:expr) => {{
        use crate::model::*;
        match $target {
            ItemRef::Group($id) => {
                type $ty = StakeholderGroup;
                $body
            }
            ItemRef::Participant($id) => {
                type $ty = Participant;
                $body
            }
            ItemRef::AgendaItem($id) => {
                type $ty = AgendaItem;
                $body
            }
            ItemRef::Goal($id) => {
                type $ty = Goal;
                $body
            }
            ItemRef::Finding($id) => {
                type $ty = Finding;
                $body
            }
            ItemRef::Alternative($id) => {
                type $ty = Alternative;
                $body
            }
            ItemRef::Position($id) => {
                type $ty = Position;
                $body
            }
            ItemRef::Vote($id) => {
                type $ty = Vote;
                $body
            }
            ItemRef::Decision($id) => {
                type $ty = Decision;
                $body
            }
            ItemRef::Action($id) => {
                type $ty = ActionItem;
                $body
            }
            ItemRef::Note($id) => {
                type $ty = Note;
                $body
            }
        }
    }};
}

/// Runs `$body` with `$ty` naming the entity type of an [`ItemKind`].
macro_rules! with_kind {
    ($kind:expr, $ty:ident => $body:expr) => {{
        use crate::model::*;
        match $kind {
            ItemKind::Group => {
                type $ty = StakeholderGroup;
                $body
            }
            ItemKind::Participant => {
                type $ty = Participant;
                $body
            }
            ItemKind::AgendaItem => {
                type $ty = AgendaItem;
                $body
            }
            ItemKind::Goal => {
                type $ty = Goal;
                $body
            }
            ItemKind::Finding => {
                type $ty = Finding;
                $body
            }
            ItemKind::Alternative => {
                type $ty = Alternative;
                $body
            }
            ItemKind::Position => {
                type $ty = Position;
                $body
            }
            ItemKind::Vote => {
                type $ty = Vote;
                $body
            }
            ItemKind::Decision => {
                type $ty = Decision;
                $body
            }
            ItemKind::Action => {
                type $ty = ActionItem;
                $body
            }
            ItemKind::Note => {
                type $ty = Note;
                $body
            }
        }
    }};
}

pub(crate) use {with_item, with_kind, with_ref};
