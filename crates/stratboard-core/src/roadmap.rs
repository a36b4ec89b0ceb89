//! The action plan laid out as a roadmap (дорожная карта) and a roles matrix — pure data that
//! the board's Roadmap view, the projector and the protocol draw from, so they cannot differ.
//!
//! A row per action item, grouped by the decision it carries out (decision order, then the
//! items of no decision); its bar runs from start to due (an item with only one of them is a
//! point), with its progress and whether it is overdue on `today`. The span covers every bar
//! and today, widened to whole units of the zoom (weeks from Monday, months, quarters).

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{ActionId, ActionItem, ActionStatus, DecisionId, ParticipantId, Session};

/// The unit of the roadmap's scale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Zoom {
    /// Weeks (from Monday).
    Weeks,
    /// Months.
    #[default]
    Months,
    /// Quarters.
    Quarters,
}

impl Zoom {
    /// Every zoom, finest first.
    pub const ALL: [Self; 3] = [Self::Weeks, Self::Months, Self::Quarters];

    /// The first day of the unit `date` is in.
    pub fn floor(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Weeks => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
            Self::Months => date.with_day(1).unwrap_or(date),
            Self::Quarters => {
                let month = (date.month0() / 3) * 3 + 1;
                NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
            }
        }
    }

    /// The first day of the unit after the one that starts on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Self::Weeks => start + Duration::days(7),
            Self::Months => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(start),
            Self::Quarters => start
                .checked_add_months(chrono::Months::new(3))
                .unwrap_or(start),
        }
    }
}

/// One action item on the roadmap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The item.
    pub action: ActionId,
    /// What is to be done.
    pub what: String,
    /// The bar: from its start to its due date (a point when only one is set); `None` for an
    /// item with neither.
    pub bar: Option<(NaiveDate, NaiveDate)>,
    /// Progress to show, 0–100.
    pub progress: u8,
    /// Pending and past due on `today`.
    pub overdue: bool,
    /// Its status.
    pub status: ActionStatus,
}

/// The items of one decision (or of none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The decision, `None` for the items of no decision.
    pub decision: Option<DecisionId>,
    /// The rows, in the session's order of items.
    pub rows: Vec<Row>,
}

/// The roadmap of a session on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roadmap {
    /// The first day shown (the start of a unit).
    pub from: NaiveDate,
    /// The day after the last one shown (the start of a unit).
    pub to: NaiveDate,
    /// Today (the line).
    pub today: NaiveDate,
    /// The starts of the units between `from` and `to`, for the scale.
    pub ticks: Vec<NaiveDate>,
    /// The groups, in decision order; the items of no decision last.
    pub groups: Vec<Group>,
}

impl Roadmap {
    /// Where `date` falls across the span, 0.0 (its start) to 1.0 (its end).
    pub fn position(&self, date: NaiveDate) -> f32 {
        let span = (self.to - self.from).num_days().max(1) as f32;
        ((date - self.from).num_days() as f32 / span).clamp(0.0, 1.0)
    }

    /// How many rows it has.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The roadmap of `session` on `today`, at `zoom`.
pub fn layout(session: &Session, today: NaiveDate, zoom: Zoom) -> Roadmap {
    let row = |action: &ActionItem| Row {
        action: action.id,
        what: action.what.clone(),
        bar: match (action.start, action.due) {
            (Some(start), Some(due)) => Some((start.min(due), due.max(start))),
            (Some(day), None) | (None, Some(day)) => Some((day, day)),
            (None, None) => None,
        },
        progress: action.progress_shown(),
        overdue: action.is_overdue(today),
        status: action.status,
    };
    let mut groups: Vec<Group> = session
        .decisions
        .iter()
        .map(|d| Group {
            decision: Some(d.id),
            rows: Vec::new(),
        })
        .collect();
    let mut loose = Group {
        decision: None,
        rows: Vec::new(),
    };
    for action in &session.actions {
        let group = action
            .decision
            .and_then(|d| groups.iter_mut().find(|g| g.decision == Some(d)));
        match group {
            Some(group) => group.rows.push(row(action)),
            None => loose.rows.push(row(action)),
        }
    }
    groups.push(loose);
    groups.retain(|g| !g.rows.is_empty());
    let days = groups
        .iter()
        .flat_map(|g| &g.rows)
        .filter_map(|r| r.bar)
        .flat_map(|(a, b)| [a, b])
        .chain([today]);
    let (first, last) = days.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let from = zoom.floor(first);
    let mut ticks = vec![from];
    let mut at = zoom.next(from);
    while at <= last && ticks.len() < 10_000 {
        ticks.push(at);
        at = zoom.next(at);
    }
    Roadmap {
        from,
        to: at,
        today,
        ticks,
        groups,
    }
}

/// A participant's part in an action item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Ответственный (Р): the responsible executor.
    Responsible,
    /// Соисполнитель (С): a co-executor.
    CoExecutor,
}

/// The roles matrix: for each participant with a part in any item (session order), their
/// role in each item (item order; `None` where they have none).
pub fn roles(session: &Session) -> Vec<(ParticipantId, Vec<Option<Role>>)> {
    session
        .participants
        .iter()
        .filter_map(|person| {
            let cells: Vec<Option<Role>> = session
                .actions
                .iter()
                .map(|action| role_of(action, person.id))
                .collect();
            cells
                .iter()
                .any(Option::is_some)
                .then_some((person.id, cells))
        })
        .collect()
}

/// The role `person` has in `action`.
pub fn role_of(action: &ActionItem, person: ParticipantId) -> Option<Role> {
    if action.responsible() == Some(person) {
        Some(Role::Responsible)
    } else if action.co_executors().contains(&person) {
        Some(Role::CoExecutor)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Decision;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, m, d).unwrap_or_default()
    }

    fn session() -> Session {
        let mut s = Session::new("Roadmap");
        s.decisions.push(Decision {
            id: DecisionId(1),
            statement: "Grow TOS".into(),
            ..Decision::default()
        });
        let items = [
            (
                2,
                Some(DecisionId(1)),
                Some(day(2, 1)),
                Some(day(4, 30)),
                ActionStatus::InProgress,
            ),
            (3, None, None, Some(day(3, 15)), ActionStatus::Open),
            (4, Some(DecisionId(1)), None, None, ActionStatus::Done),
        ];
        for (id, decision, start, due, status) in items {
            s.actions.push(ActionItem {
                id: ActionId(id),
                what: format!("item {id}"),
                decision,
                start,
                due,
                status,
                progress: 40,
                owners: vec![ParticipantId(9), ParticipantId(8)],
                ..ActionItem::default()
            });
        }
        s
    }

    #[test]
    fn rows_are_grouped_by_decision_with_bars_and_today() {
        let map = layout(&session(), day(3, 20), Zoom::Months);
        assert_eq!(map.groups.len(), 2);
        assert_eq!(map.groups[0].decision, Some(DecisionId(1)));
        assert_eq!(map.groups[1].decision, None);
        let first = &map.groups[0].rows[0];
        assert_eq!(first.bar, Some((day(2, 1), day(4, 30))));
        assert!(!first.overdue);
        assert_eq!(map.groups[0].rows[1].bar, None);
        assert_eq!(map.groups[0].rows[1].progress, 100, "done is 100 %");
        let late = &map.groups[1].rows[0];
        assert_eq!(late.bar, Some((day(3, 15), day(3, 15))));
        assert!(late.overdue);
        assert_eq!((map.from, map.to), (day(2, 1), day(5, 1)));
        assert_eq!(map.ticks, vec![day(2, 1), day(3, 1), day(4, 1)]);
        assert!(map.position(day(3, 20)) > map.position(day(3, 15)));
    }

    #[test]
    fn zooms_floor_to_their_units() {
        assert_eq!(Zoom::Weeks.floor(day(3, 15)), day(3, 12));
        assert_eq!(Zoom::Quarters.floor(day(5, 20)), day(4, 1));
        let map = layout(&session(), day(3, 20), Zoom::Quarters);
        assert_eq!((map.from, map.to), (day(1, 1), day(7, 1)));
    }

    #[test]
    fn the_roles_matrix_marks_the_responsible_and_co_executors() {
        let roles = roles(&{
            let mut s = session();
            for id in [8, 9] {
                s.participants.push(crate::model::Participant {
                    id: ParticipantId(id),
                    name: format!("P{id}"),
                    ..crate::model::Participant::default()
                });
            }
            s
        });
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0].0, ParticipantId(8));
        assert!(roles[0].1.iter().all(|r| *r == Some(Role::CoExecutor)));
        assert!(roles[1].1.iter().all(|r| *r == Some(Role::Responsible)));
    }
}
