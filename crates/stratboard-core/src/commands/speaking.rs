//! Commands of the speaking round that are more than an update of the agenda item: a key
//! point the secretary notes while someone speaks goes into their group's position.

use crate::model::{AlternativeId, GroupId, Position, Session, with_key_point};

use super::{Command, Item};

/// The round a new note goes into: the latest round any position was recorded in (1 when
/// there is none), so that notes join the discussion as it stands.
pub fn current_position_round(session: &Session) -> u32 {
    session
        .positions
        .iter()
        .map(|p| p.round)
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The command that adds `point` to the interests of `group`'s position on `alternative` in the
/// current position round ([`current_position_round`]): an update of that position, or a new
/// one that keeps the group's latest earlier stance (so a note never changes what the
/// group is recorded to think). `None` when the point is blank.
pub fn key_point(
    session: &Session,
    group: GroupId,
    alternative: AlternativeId,
    point: &str,
) -> Option<Command> {
    if point.trim().is_empty() {
        return None;
    }
    let round = current_position_round(session);
    let mine = || {
        session
            .positions
            .iter()
            .filter(move |p| p.group == group && p.alternative == alternative)
    };
    if let Some(position) = mine().find(|p| p.round == round) {
        let mut changed = position.clone();
        changed.interests = with_key_point(&position.interests, point);
        return Some(Command::Update(Item::Position(changed)));
    }
    let stance = mine()
        .filter(|p| p.round < round)
        .max_by_key(|p| p.round)
        .map(|p| p.stance)
        .unwrap_or_default();
    Some(Command::Add(Item::Position(Position {
        group,
        alternative,
        stance,
        round,
        interests: with_key_point("", point),
        ..Position::default()
    })))
}
