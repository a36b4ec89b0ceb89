//! What the room does with the session's attendance (`stratboard_core::model::Attendance`):
//!
//! - a phone that joins with a participant's code registers them present in the room
//!   ([`register_arrival`]), once: not again while the published copy shows them here;
//! - a member who holds standing proxies casts the ballots of the members they represent
//!   (`POST /api/votes/{id}/ballot?for=ID`: [`ballot_for`], [`Whose`]);
//! - `/api/state` tells a participant their own standing ([`Standing`]): whether they have a
//!   vote, whom their proxy went to while it stands, whom they vote for — never anyone else's
//!   proxies.
//!
//! The core checks every proxy ballot again (`Session::may_cast`); the room only words the
//! refusals for the phone ([`refusal_for`]).

use serde::Serialize;
use stratboard_core::commands::{AttendanceOp, Command, CommandError, VoteRefusal};
use stratboard_core::inbox::CommandSender;
use stratboard_core::model::{Choice, ParticipantId, Session, VoteRound};

use crate::api::Reason;

/// Registers `participant` present in the room now, because a phone joined with their code —
/// unless `session` (the published copy) shows them here already, so that rejoining does not
/// send anything. The core keeps the first arrival of someone who comes back.
///
/// Sent as a durable request that nobody waits for: the owner saves it (a small journal
/// record) in its next turn, so the registration survives a crash like a ballot does, while
/// the join is answered at once, without waiting for a slow disk or a busy owner. The inbox
/// keeps the order sent: a ballot the phone sends after joining is applied after it.
pub fn register_arrival(sender: &CommandSender, session: &Session, participant: ParticipantId) {
    if session.attendance.is_here(participant) {
        return;
    }
    let command = Command::Attendance(AttendanceOp::JoinedByPhone {
        participant,
        at: chrono::Utc::now(),
    });
    // A closed inbox (the document is gone) registers nobody, and the join stands.
    sender.request_durable_then(command, |_| {}).ok();
}

/// A member as the phone names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The participant's id.
    pub id: u32,
    /// Their name.
    pub name: String,
}

impl Member {
    fn of(session: &Session, id: ParticipantId) -> Self {
        Self {
            id: id.0,
            name: session
                .participant(id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        }
    }
}

/// A participant's own standing, as `/api/state` tells their phone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// Whether they have a vote (a guest has none).
    pub voting: bool,
    /// The member their standing proxy went to (they cannot vote themselves meanwhile).
    pub proxy_to: Option<Member>,
    /// The members whose standing proxies they hold, in giver order.
    pub proxy_for: Vec<Member>,
}

impl Standing {
    /// The standing of `me` in `session` (`None`: a guest).
    pub fn of(session: &Session, me: Option<ParticipantId>) -> Self {
        let Some(me) = me else {
            return Self::default();
        };
        let attendance = &session.attendance;
        Self {
            voting: session.has_vote(me),
            proxy_to: attendance
                .standing_proxy_from(me)
                .map(|proxy| Member::of(session, proxy.to)),
            proxy_for: attendance
                .votes_for(me)
                .into_iter()
                .map(|giver| Member::of(session, giver))
                .collect(),
        }
    }

    /// The ids of the members they vote for.
    pub fn givers(&self) -> Vec<ParticipantId> {
        self.proxy_for.iter().map(|m| ParticipantId(m.id)).collect()
    }
}

/// One represented member's ballot in an open vote, as the holder's phone shows it (as the
/// holder's own: whether it is cast, and what it says where the vote keeps who cast it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProxyBallot {
    /// The member it is cast for.
    #[serde(rename = "for")]
    pub for_member: u32,
    /// Whether their ballot is in the round.
    pub voted: bool,
    /// Their ballot, where the vote keeps who cast it (never in a secret vote).
    pub ballot: Option<Choice>,
}

impl ProxyBallot {
    /// The ballots of `givers` in `round`, in their order.
    pub fn all(round: &VoteRound, givers: &[ParticipantId]) -> Vec<Self> {
        givers
            .iter()
            .map(|giver| Self {
                for_member: giver.0,
                voted: round.voters.contains(giver),
                ballot: round
                    .ballots
                    .iter()
                    .find(|b| b.voter == Some(*giver))
                    .map(|b| b.choice.clone()),
            })
            .collect()
    }
}

/// Why the `?for=` of a ballot's request is not taken.
pub const BAD_FOR: &str = "for= must name one participant by id";

/// The member a ballot's request casts for: `?for=ID` of its query (`None` without one). Other
/// parameters are ignored; `for` twice or not a number is an error.
pub fn ballot_for(query: Option<&str>) -> Result<Option<ParticipantId>, &'static str> {
    let mut found = None;
    for pair in query.unwrap_or_default().split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if name != "for" {
            continue;
        }
        let id = (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
            .then(|| value.parse::<u32>().ok())
            .flatten();
        match (found, id) {
            (None, Some(id)) => found = Some(ParticipantId(id)),
            _ => return Err(BAD_FOR),
        }
    }
    Ok(found)
}

/// Whose ballot a request casts, and who casts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Whose {
    /// Whose vote it is.
    pub voter: ParticipantId,
    /// The member casting it by proxy (`None`: the voter's own ballot).
    pub holder: Option<ParticipantId>,
}

impl Whose {
    /// The ballot `me` casts, for `for_member` where given (for themselves: their own).
    pub fn of(me: ParticipantId, for_member: Option<ParticipantId>) -> Self {
        match for_member {
            Some(voter) if voter != me => Self {
                voter,
                holder: Some(me),
            },
            _ => Self {
                voter: me,
                holder: None,
            },
        }
    }

    /// The member it is cast for by proxy, if it is a proxy ballot.
    pub fn for_member(self) -> Option<ParticipantId> {
        self.holder.map(|_| self.voter)
    }

    /// Whether its caster holds a standing proxy of its voter in `session` (an own ballot
    /// needs none).
    pub fn proxy_stands(self, session: &Session) -> bool {
        match self.holder {
            None => true,
            Some(holder) => session
                .attendance
                .standing_proxy_from(self.voter)
                .is_some_and(|proxy| proxy.to == holder),
        }
    }
}

/// The reason a refused proxy ballot is answered with, where the refusal is about the proxy
/// rather than the vote: the voter cannot give it (no vote), gave it to someone else, or gave
/// none that stands — to the holder, all of it means they hold no such proxy. `None`: an own
/// ballot, or another refusal.
pub fn refusal_for(error: &CommandError, whose: Whose) -> Option<Reason> {
    whose.holder?;
    match error {
        CommandError::Vote(VoteRefusal::NoVote(voter) | VoteRefusal::ProxyGiven(voter))
            if *voter == whose.voter =>
        {
            Some(Reason::NoProxy)
        }
        CommandError::Vote(VoteRefusal::NoProxy { .. }) => Some(Reason::NoProxy),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A session with Anna here and Boris not registered, and its document.
    fn hall() -> (
        stratboard_core::document::Document,
        ParticipantId,
        ParticipantId,
    ) {
        use stratboard_core::commands::{Item, ItemRef, Outcome};
        use stratboard_core::model::{Participant, Presence};
        let mut session = Session::new("Hall");
        let mut add = |name: &str| {
            let item = Item::Participant(Participant {
                name: name.into(),
                ..Participant::default()
            });
            match session.apply(Command::Add(item)).unwrap().outcome {
                Outcome::Added(ItemRef::Participant(id)) => id,
                other => panic!("{other:?}"),
            }
        };
        let (anna, boris) = (add("Anna"), add("Boris"));
        let arrive = AttendanceOp::Arrive {
            participant: anna,
            presence: Presence::InRoom,
            at: None,
        };
        session.apply(Command::Attendance(arrive)).unwrap();
        let doc = stratboard_core::document::Document::untitled(session);
        (doc, anna, boris)
    }

    #[test]
    fn a_join_registers_only_someone_not_here_yet() {
        let (mut doc, anna, boris) = hall();
        let copy = doc.session().clone();
        register_arrival(&doc.sender(), &copy, anna);
        let now = std::time::Instant::now();
        assert!(doc.drain(now).is_empty(), "Anna is here: nothing sent");
        register_arrival(&doc.sender(), &copy, boris);
        let drained = doc.drain(now);
        // Sent durable: an untitled session cannot save it, so it is taken back.
        assert_eq!(drained.len(), 1);
        assert!(matches!(drained[0], Err(CommandError::NotSaved(_))));
    }

    #[test]
    fn for_names_one_participant_by_id() {
        assert_eq!(ballot_for(None), Ok(None));
        assert_eq!(ballot_for(Some("")), Ok(None));
        assert_eq!(ballot_for(Some("for=7")), Ok(Some(ParticipantId(7))));
        assert_eq!(
            ballot_for(Some("_=123&for=7")),
            Ok(Some(ParticipantId(7))),
            "other parameters are ignored"
        );
        for bad in [
            "for=",
            "for",
            "for=x",
            "for=-1",
            "for=+1",
            "for=7&for=7",
            "for=99999999999",
        ] {
            assert_eq!(ballot_for(Some(bad)), Err(BAD_FOR), "{bad}");
        }
    }

    #[test]
    fn a_ballot_for_oneself_is_ones_own() {
        let (me, other) = (ParticipantId(1), ParticipantId(2));
        assert_eq!(Whose::of(me, Some(me)), Whose::of(me, None));
        assert_eq!(Whose::of(me, None).for_member(), None);
        let proxy = Whose::of(me, Some(other));
        assert_eq!((proxy.voter, proxy.holder), (other, Some(me)));
        assert_eq!(proxy.for_member(), Some(other));
    }

    #[test]
    fn a_refused_proxy_ballot_is_told_no_proxy_and_an_own_one_its_own_reason() {
        let (me, other) = (ParticipantId(1), ParticipantId(2));
        let proxy = Whose::of(me, Some(other));
        let own = Whose::of(me, None);
        let given = CommandError::Vote(VoteRefusal::ProxyGiven(other));
        assert_eq!(refusal_for(&given, proxy), Some(Reason::NoProxy));
        assert_eq!(refusal_for(&given, own), None);
        let none = CommandError::Vote(VoteRefusal::NoProxy {
            voter: other,
            holder: me,
        });
        assert_eq!(refusal_for(&none, proxy), Some(Reason::NoProxy));
        let closed = CommandError::Vote(VoteRefusal::NotOpen);
        assert_eq!(refusal_for(&closed, proxy), None);
    }
}
