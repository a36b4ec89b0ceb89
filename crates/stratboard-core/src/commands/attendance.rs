//! Registration, proxies and the quorum rule: each mark is one command, and its inverse puts
//! back what was there (undo and redo of every mark come from that).
//!
//! A mark's time is passed in (the caller reads the clock; the core stays pure).

use chrono::{DateTime, Utc};

use crate::model::{
    ParticipantId, Presence, Proxy, ProxyProblem, QuorumRule, Registration, Session,
};

use super::{Applied, Command, CommandError, Outcome, applied};

/// An edit of the session's attendance (see [`Command::Attendance`](super::Command::Attendance)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttendanceOp {
    /// Sets a participant's registration as it is given (`None`: not registered). The undo of
    /// every mark, and what a sign-in sheet typed in sets.
    Register {
        /// Who.
        participant: ParticipantId,
        /// Their registration.
        registration: Option<Registration>,
    },
    /// Marks a participant here (in the room or remotely) at `at`: an arrival keeps the time
    /// they first arrived, and someone who had left is back.
    Arrive {
        /// Who.
        participant: ParticipantId,
        /// In the room or remotely ([`Presence::Absent`] is [`AttendanceOp::Absent`]).
        presence: Presence,
        /// When.
        at: Option<DateTime<Utc>>,
    },
    /// A phone joined the room with the participant's personal code at `at`: they are marked
    /// in the room, unless they are here already (in the room or remotely), and an arrival
    /// keeps its first time. It is the participant's act, not an undo step.
    JoinedByPhone {
        /// Who.
        participant: ParticipantId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Marks a participant who was here as gone at `at`.
    Leave {
        /// Who.
        participant: ParticipantId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Marks a participant absent.
    Absent {
        /// Who.
        participant: ParticipantId,
    },
    /// Records (or with `None` revokes) the proxy `from` gives.
    SetProxy {
        /// The giver.
        from: ParticipantId,
        /// The proxy.
        proxy: Option<Proxy>,
    },
    /// When the session was opened (arrivals after it are late); `None` clears it.
    SetOpened {
        /// The time.
        at: Option<DateTime<Utc>>,
    },
    /// The session's quorum rule and the most proxies one member may hold.
    SetRules {
        /// The quorum rule (`None`: no quorum counted).
        quorum: Option<QuorumRule>,
        /// The most proxies one member may hold.
        max_proxies: u32,
    },
}

/// Why an attendance edit was refused. The session is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceRefusal {
    /// No such participant.
    #[error("participant {0} is not in this session")]
    Unknown(ParticipantId),
    /// The proxy breaks a rule.
    #[error("{0}")]
    Proxy(ProxyProblem),
    /// Leaving needs having been here.
    #[error("participant {0} is not present, so cannot leave")]
    NotHere(ParticipantId),
    /// A proxy's giver differs from the participant it is filed under.
    #[error("the proxy is not from participant {0}")]
    WrongGiver(ParticipantId),
}

impl From<AttendanceRefusal> for CommandError {
    fn from(refusal: AttendanceRefusal) -> Self {
        Self::Attendance(refusal)
    }
}

impl From<ProxyProblem> for AttendanceRefusal {
    fn from(problem: ProxyProblem) -> Self {
        Self::Proxy(problem)
    }
}

/// Applies `op` (the caller checks the session's attendance around it).
pub(super) fn apply(session: &mut Session, op: AttendanceOp) -> Result<Applied, CommandError> {
    let inverse = match op {
        AttendanceOp::Register {
            participant,
            registration,
        } => {
            known(session, participant)?;
            if registration.is_some_and(|r| r.participant != participant) {
                return Err(AttendanceRefusal::WrongGiver(participant).into());
            }
            register(session, participant, registration)
        }
        AttendanceOp::Arrive {
            participant,
            presence,
            at,
        } => {
            known(session, participant)?;
            let earlier = session.attendance.registration(participant).copied();
            let arrived = earlier
                .filter(Registration::attended)
                .and_then(|r| r.arrived)
                .or(at);
            let registration = Registration {
                participant,
                presence,
                arrived: if presence == Presence::Absent {
                    None
                } else {
                    arrived
                },
                left: None,
            };
            register(session, participant, Some(registration))
        }
        AttendanceOp::JoinedByPhone { participant, at } => {
            known(session, participant)?;
            let earlier = session.attendance.registration(participant).copied();
            match earlier.filter(Registration::is_here) {
                Some(here) => register(session, participant, Some(here)),
                None => {
                    let arrived = earlier
                        .filter(Registration::attended)
                        .and_then(|r| r.arrived)
                        .unwrap_or(at);
                    let registration = Registration {
                        participant,
                        presence: Presence::InRoom,
                        arrived: Some(arrived),
                        left: None,
                    };
                    register(session, participant, Some(registration))
                }
            }
        }
        AttendanceOp::Leave { participant, at } => {
            known(session, participant)?;
            let here = session
                .attendance
                .registration(participant)
                .copied()
                .filter(Registration::is_here)
                .ok_or(AttendanceRefusal::NotHere(participant))?;
            let registration = Registration {
                left: Some(at),
                ..here
            };
            register(session, participant, Some(registration))
        }
        AttendanceOp::Absent { participant } => {
            known(session, participant)?;
            let registration = Registration {
                participant,
                presence: Presence::Absent,
                arrived: None,
                left: None,
            };
            register(session, participant, Some(registration))
        }
        AttendanceOp::SetProxy { from, proxy } => set_proxy(session, from, proxy)?,
        AttendanceOp::SetOpened { at } => AttendanceOp::SetOpened {
            at: std::mem::replace(&mut session.attendance.opened, at),
        },
        AttendanceOp::SetRules {
            quorum,
            max_proxies,
        } => {
            let attendance = &mut session.attendance;
            let old_quorum = std::mem::replace(&mut attendance.quorum, quorum);
            let old_max = std::mem::replace(&mut attendance.max_proxies, max_proxies);
            AttendanceOp::SetRules {
                quorum: old_quorum,
                max_proxies: old_max,
            }
        }
    };
    Ok(applied(Command::Attendance(inverse), Outcome::Changed))
}

fn known(session: &Session, participant: ParticipantId) -> Result<(), AttendanceRefusal> {
    match session.participant(participant) {
        Some(_) => Ok(()),
        None => Err(AttendanceRefusal::Unknown(participant)),
    }
}

fn register(
    session: &mut Session,
    participant: ParticipantId,
    registration: Option<Registration>,
) -> AttendanceOp {
    let old = session
        .attendance
        .set_registration(participant, registration);
    AttendanceOp::Register {
        participant,
        registration: old,
    }
}

/// Records or revokes a proxy. A new proxy is checked as the command line and the board need
/// it: both have a vote, the holder is here, not to oneself, no chain, not over the limit.
fn set_proxy(
    session: &mut Session,
    from: ParticipantId,
    proxy: Option<Proxy>,
) -> Result<AttendanceOp, AttendanceRefusal> {
    known(session, from)?;
    if let Some(proxy) = &proxy {
        if proxy.from != from {
            return Err(AttendanceRefusal::WrongGiver(from));
        }
        check_new_proxy(session, proxy)?;
    }
    let old = session.attendance.set_proxy(from, proxy);
    Ok(AttendanceOp::SetProxy { from, proxy: old })
}

/// Whether `proxy` may be recorded in `session` as it is (replacing any proxy its giver gave).
pub fn check_new_proxy(session: &Session, proxy: &Proxy) -> Result<(), AttendanceRefusal> {
    known(session, proxy.to)?;
    for id in [proxy.from, proxy.to] {
        if !session.has_vote(id) {
            return Err(ProxyProblem::NoVote(id).into());
        }
    }
    if proxy.from == proxy.to {
        return Err(ProxyProblem::ToThemselves(proxy.from).into());
    }
    let attendance = &session.attendance;
    if !attendance.is_here(proxy.to) {
        return Err(ProxyProblem::HolderAbsent(proxy.to).into());
    }
    let others = || attendance.proxies.iter().filter(|p| p.from != proxy.from);
    if others().any(|p| p.from == proxy.to) {
        return Err(ProxyProblem::Chain(proxy.to).into());
    }
    if others().any(|p| p.to == proxy.from) {
        return Err(ProxyProblem::Chain(proxy.from).into());
    }
    let held = others().filter(|p| p.to == proxy.to).count();
    if held >= usize::try_from(attendance.max_proxies).unwrap_or(usize::MAX) {
        return Err(ProxyProblem::TooMany {
            holder: proxy.to,
            max: attendance.max_proxies,
        }
        .into());
    }
    Ok(())
}
