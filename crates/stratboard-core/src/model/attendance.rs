//! Who is in the room: each participant's registration (present in the room, present remotely
//! or absent, with the times), proxies (доверенности) from absent voting members to present
//! ones, and the session's quorum rule.
//!
//! Only voting members ([`Participant::voting`](super::Participant::voting)) count towards a
//! quorum. A member counts when they are present (in the room or remotely, and have not left),
//! and so does each member whose proxy *stands*: the giver is not here and the holder is. When
//! the giver arrives the proxy is *suspended*: they vote themselves, and it stands again if
//! they leave.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{ParticipantId, Problem, ProblemKind, Session};

/// How a participant attends this session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Presence {
    /// In the room.
    InRoom,
    /// Taking part remotely (by video link).
    Remote,
    /// Not here (marked absent by the secretary).
    Absent,
}

impl Presence {
    /// Every presence, in the order pickers and the protocol show them.
    pub const ALL: [Self; 3] = [Self::InRoom, Self::Remote, Self::Absent];
}

/// One participant's registration for this session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// Who.
    pub participant: ParticipantId,
    /// In the room, remotely, or absent.
    pub presence: Presence,
    /// When they arrived (registered as present); `None` for the absent, and for a mark made
    /// without a time (a sign-in sheet typed in later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<DateTime<Utc>>,
    /// When they left, if they left before the end; they no longer count as present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<DateTime<Utc>>,
}

impl Registration {
    /// Whether they arrived after the session was opened at `opened`.
    pub fn late(&self, opened: Option<DateTime<Utc>>) -> bool {
        matches!((self.arrived, opened), (Some(arrived), Some(opened)) if arrived > opened)
    }

    /// Whether they are here now: present in the room or remotely, and not gone.
    pub fn is_here(&self) -> bool {
        self.presence != Presence::Absent && self.left.is_none()
    }

    /// Whether they attended at all (in the room or remotely), even if they left early.
    pub fn attended(&self) -> bool {
        self.presence != Presence::Absent
    }
}

/// A proxy (доверенность): an absent voting member hands their vote to a present one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proxy {
    /// The member who gives their vote.
    pub from: ParticipantId,
    /// The member who holds it and casts the giver's ballot.
    pub to: ParticipantId,
    /// A note, e.g. the number of the written proxy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How many voting members a decision needs in the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuorumRule {
    /// More than half of the voting members (13 of 24; 12 is not enough).
    MoreThanHalf,
    /// At least two thirds of them (16 of 24, 17 of 25).
    TwoThirds,
    /// At least this many of them.
    AtLeast(u32),
}

impl QuorumRule {
    /// How many members must count for a quorum among `members` voting members.
    pub fn needed(self, members: u32) -> u32 {
        match self {
            Self::MoreThanHalf => members / 2 + 1,
            Self::TwoThirds => (2 * u64::from(members))
                .div_ceil(3)
                .try_into()
                .unwrap_or(u32::MAX),
            Self::AtLeast(count) => count,
        }
    }

    /// The rule's name on the command line and in JSON: `half`, `two-thirds`, `count`.
    pub fn key(self) -> &'static str {
        match self {
            Self::MoreThanHalf => "half",
            Self::TwoThirds => "two-thirds",
            Self::AtLeast(_) => "count",
        }
    }
}

/// The default of [`Attendance::max_proxies`].
pub const DEFAULT_MAX_PROXIES: u32 = 1;

fn default_max_proxies() -> u32 {
    DEFAULT_MAX_PROXIES
}

fn is_default_max_proxies(max: &u32) -> bool {
    *max == DEFAULT_MAX_PROXIES
}

/// Registration, proxies and the quorum rule of one session (format 4). `new --from` starts
/// the next session with none of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attendance {
    /// One registration per registered participant, sorted by participant id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub registrations: Vec<Registration>,
    /// The proxies, sorted by giver; a giver gives at most one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proxies: Vec<Proxy>,
    /// The quorum rule, if the session counts one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<QuorumRule>,
    /// When the session was opened: who arrived after it arrived late.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened: Option<DateTime<Utc>>,
    /// How many proxies one member may hold.
    #[serde(
        default = "default_max_proxies",
        skip_serializing_if = "is_default_max_proxies"
    )]
    pub max_proxies: u32,
}

impl Default for Attendance {
    fn default() -> Self {
        Self {
            registrations: Vec::new(),
            proxies: Vec::new(),
            quorum: None,
            opened: None,
            max_proxies: DEFAULT_MAX_PROXIES,
        }
    }
}

impl Attendance {
    /// Whether nothing is recorded (the file leaves it out).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The registration of `participant`, if they are registered.
    pub fn registration(&self, participant: ParticipantId) -> Option<&Registration> {
        self.registrations
            .binary_search_by_key(&participant, |r| r.participant)
            .ok()
            .map(|at| &self.registrations[at])
    }

    /// Whether `participant` is here now (see [`Registration::is_here`]).
    pub fn is_here(&self, participant: ParticipantId) -> bool {
        self.registration(participant)
            .is_some_and(Registration::is_here)
    }

    /// The proxy `giver` gave, standing or suspended.
    pub fn proxy_from(&self, giver: ParticipantId) -> Option<&Proxy> {
        self.proxies.iter().find(|p| p.from == giver)
    }

    /// Whether the proxy stands: the giver is not here and the holder is. A proxy whose giver
    /// is here is suspended (they vote themselves).
    pub fn stands(&self, proxy: &Proxy) -> bool {
        !self.is_here(proxy.from) && self.is_here(proxy.to)
    }

    /// The standing proxy `giver` gave, if any: while it stands they cannot vote themselves.
    pub fn standing_proxy_from(&self, giver: ParticipantId) -> Option<&Proxy> {
        self.proxy_from(giver).filter(|p| self.stands(p))
    }

    /// The proxies `holder` holds, standing or not, in giver order.
    pub fn proxies_held_by(&self, holder: ParticipantId) -> impl Iterator<Item = &Proxy> {
        self.proxies.iter().filter(move |p| p.to == holder)
    }

    /// The members `holder` votes for now (their standing proxies), in giver order.
    pub fn votes_for(&self, holder: ParticipantId) -> Vec<ParticipantId> {
        self.proxies_held_by(holder)
            .filter(|p| self.stands(p))
            .map(|p| p.from)
            .collect()
    }

    /// Puts `registration` in its place (replacing the participant's earlier one); returns
    /// the earlier one.
    pub fn set_registration(
        &mut self,
        participant: ParticipantId,
        registration: Option<Registration>,
    ) -> Option<Registration> {
        let found = self
            .registrations
            .binary_search_by_key(&participant, |r| r.participant);
        match (found, registration) {
            (Ok(at), Some(new)) => Some(std::mem::replace(&mut self.registrations[at], new)),
            (Ok(at), None) => Some(self.registrations.remove(at)),
            (Err(at), Some(new)) => {
                self.registrations.insert(at, new);
                None
            }
            (Err(_), None) => None,
        }
    }

    /// Puts the proxy `giver` gives (replacing their earlier one); returns the earlier one.
    pub fn set_proxy(&mut self, giver: ParticipantId, proxy: Option<Proxy>) -> Option<Proxy> {
        let old = self
            .proxies
            .iter()
            .position(|p| p.from == giver)
            .map(|at| self.proxies.remove(at));
        if let Some(proxy) = proxy {
            let at = self.proxies.partition_point(|p| p.from < proxy.from);
            self.proxies.insert(at, proxy);
        }
        old
    }
}

/// The quorum as it stands: how many voting members there are, how many count, and whether
/// that meets the session's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuorumCount {
    /// The voting members.
    pub members: u32,
    /// The voting members here (in the room or remotely).
    pub present: u32,
    /// The absent voting members represented by a standing proxy.
    pub by_proxy: u32,
    /// The rule, and how many it needs, if the session counts a quorum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<QuorumRule>,
    /// How many the rule needs (0 without a rule).
    #[serde(default)]
    pub needed: u32,
}

impl QuorumCount {
    /// The members who count: present, and represented by proxy.
    pub fn counted(&self) -> u32 {
        self.present + self.by_proxy
    }

    /// Whether the rule is met; `None` without a rule.
    pub fn met(&self) -> Option<bool> {
        self.rule.map(|_| self.counted() >= self.needed)
    }
}

impl Session {
    /// Whether `participant` has a vote (an unknown id has none).
    pub fn has_vote(&self, participant: ParticipantId) -> bool {
        self.participant(participant).is_some_and(|p| p.voting)
    }

    /// The voting members, in list order.
    pub fn voting_members(&self) -> impl Iterator<Item = &super::Participant> {
        self.participants.iter().filter(|p| p.voting)
    }

    /// How many voting members the session has: the whole of a turnout.
    pub fn electorate(&self) -> usize {
        self.voting_members().count()
    }

    /// Whether anyone is registered: only then does the protocol say who was present.
    pub fn is_registered(&self) -> bool {
        !self.attendance.registrations.is_empty()
    }

    /// The quorum as it stands now.
    pub fn quorum_count(&self) -> QuorumCount {
        let attendance = &self.attendance;
        let mut count = QuorumCount {
            members: 0,
            present: 0,
            by_proxy: 0,
            rule: attendance.quorum,
            needed: 0,
        };
        for member in self.voting_members() {
            count.members += 1;
            if attendance.is_here(member.id) {
                count.present += 1;
            } else if attendance.standing_proxy_from(member.id).is_some() {
                count.by_proxy += 1;
            }
        }
        count.needed = attendance
            .quorum
            .map_or(0, |rule| rule.needed(count.members));
        count
    }
}

/// Why a proxy cannot stand (a command refuses it; `validate` reports it in a file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProxyProblem {
    /// The giver or the holder has no vote.
    #[error("participant {0} has no vote, so cannot give or hold a proxy")]
    NoVote(ParticipantId),
    /// Someone gives their vote to themselves.
    #[error("participant {0} cannot hold their own proxy")]
    ToThemselves(ParticipantId),
    /// The holder gives their own vote away, or the giver holds someone's: proxies do not
    /// chain.
    #[error("proxies do not chain: participant {0} both gives and holds a proxy")]
    Chain(ParticipantId),
    /// The holder would hold more proxies than the session allows.
    #[error("participant {holder} would hold more than {max} proxies")]
    TooMany {
        /// The holder.
        holder: ParticipantId,
        /// The session's limit.
        max: u32,
    },
    /// The holder is not here (absent, left, or not registered).
    #[error("participant {0} is not present, so cannot hold a proxy")]
    HolderAbsent(ParticipantId),
    /// The participant gives more than one proxy.
    #[error("participant {0} gives more than one proxy")]
    Twice(ParticipantId),
}

impl Session {
    /// The problems of the session's attendance: registrations of people who exist, once each
    /// and in order; proxies between voting members, not to oneself, not chained, at most
    /// `max_proxies` per holder. (Whether the holder is here is checked when a proxy is made,
    /// not here: a holder who leaves keeps the proxy, which no longer stands.)
    pub fn validate_attendance(&self) -> Vec<Problem> {
        let attendance = &self.attendance;
        let mut problems = Vec::new();
        let mut push = |path: String, kind: ProblemKind| problems.push(Problem { path, kind });
        let mut previous = None;
        for (i, registration) in attendance.registrations.iter().enumerate() {
            let id = registration.participant;
            if self.participant(id).is_none() {
                let kind = ProblemKind::Dangling {
                    expected: "participant",
                    id: id.0,
                };
                push(format!("attendance.registrations[{i}].participant"), kind);
            }
            if previous.is_some_and(|p| p >= id) {
                let kind = ProblemKind::Repeated {
                    what: "participant",
                    id: id.0,
                };
                push(format!("attendance.registrations[{i}].participant"), kind);
            }
            previous = Some(id);
        }
        for (i, proxy) in attendance.proxies.iter().enumerate() {
            let path = format!("attendance.proxies[{i}]");
            for (field, id) in [("from", proxy.from), ("to", proxy.to)] {
                match self.participant(id) {
                    None => {
                        let kind = ProblemKind::Dangling {
                            expected: "participant",
                            id: id.0,
                        };
                        push(format!("{path}.{field}"), kind);
                    }
                    Some(person) if !person.voting => {
                        push(
                            format!("{path}.{field}"),
                            ProblemKind::Proxy(ProxyProblem::NoVote(id)),
                        );
                    }
                    Some(_) => {}
                }
            }
            if let Some(problem) = attendance.shape_problem(proxy, i) {
                push(path, ProblemKind::Proxy(problem));
            }
        }
        problems
    }
}

impl Attendance {
    /// What is wrong with the proxy at `index` among the others, apart from who has a vote.
    fn shape_problem(&self, proxy: &Proxy, index: usize) -> Option<ProxyProblem> {
        if proxy.from == proxy.to {
            return Some(ProxyProblem::ToThemselves(proxy.from));
        }
        let others = || {
            self.proxies
                .iter()
                .enumerate()
                .filter(move |(i, _)| *i != index)
        };
        if others().any(|(_, p)| p.from == proxy.from) {
            return Some(ProxyProblem::Twice(proxy.from));
        }
        if others().any(|(_, p)| p.from == proxy.to) {
            return Some(ProxyProblem::Chain(proxy.to));
        }
        if others().any(|(_, p)| p.to == proxy.from) {
            return Some(ProxyProblem::Chain(proxy.from));
        }
        let held = self.proxies_held_by(proxy.to).count();
        if held > usize::try_from(self.max_proxies).unwrap_or(usize::MAX) {
            return Some(ProxyProblem::TooMany {
                holder: proxy.to,
                max: self.max_proxies,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_half_is_strict() {
        assert_eq!(QuorumRule::MoreThanHalf.needed(24), 13);
        assert_eq!(QuorumRule::MoreThanHalf.needed(25), 13);
        assert_eq!(QuorumRule::MoreThanHalf.needed(1), 1);
        assert_eq!(QuorumRule::MoreThanHalf.needed(0), 1);
    }

    #[test]
    fn two_thirds_rounds_up() {
        assert_eq!(QuorumRule::TwoThirds.needed(24), 16);
        assert_eq!(QuorumRule::TwoThirds.needed(25), 17);
        assert_eq!(QuorumRule::TwoThirds.needed(3), 2);
        assert_eq!(QuorumRule::TwoThirds.needed(0), 0);
        assert_eq!(QuorumRule::AtLeast(7).needed(3), 7);
    }
}
