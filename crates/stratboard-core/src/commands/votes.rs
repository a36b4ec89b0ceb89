//! Operations on a vote: open, close, new round, cast a ballot, import ballots, record a show
//! of hands, break a tie by lot, remove ballots.
//!
//! Each is resolved against the session as it is when it is applied, never against the view
//! the caller had: two ballots built from the same stale view both land, and a ballot for a
//! round that has since closed is refused. The rules (who may vote, one ballot per participant
//! per round, corrections by anonymity, where a secret ballot lands, closed rounds refuse
//! ballots) live here and in `crate::model::ballots`, so the booth, a phone and the command
//! line cannot disagree.
//!
//! A cast ballot is the participant's act, not the facilitator's: it is never an undo step
//! (see [`Command::is_undo_step`](super::Command::is_undo_step)). Its inverse
//! ([`VoteOp::Uncast`]) exists only so that a failed batch can roll back.

use crate::model::{
    Anonymity, Ballot, BallotProblem, Choice, GroupId, HandCount, HandOption, OpenProblem,
    ParticipantId, QuorumCount, Seal, Session, TieBreak, Vote, VoteId, VoteRound, VoteStatus,
};

use super::{Applied, Command, CommandError, Outcome, applied};

/// An operation on one vote (see [`Command::Vote`](super::Command::Vote)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteOp {
    /// Draft → open; round 1 is made if the vote has none. Needs the vote to be ready
    /// ([`Vote::ready_to_open`]).
    Open,
    /// Open → draft (the undo of [`VoteOp::Open`]); refused once anything was cast.
    Unopen {
        /// Whether the round that `Open` made goes too.
        drop_round: bool,
    },
    /// Open → closed: no more ballots. The current round is sealed ([`Seal`]) with `at`, the
    /// time of closing (the caller reads the clock; the core stays pure).
    Close {
        /// When the vote was closed.
        at: chrono::DateTime<chrono::Utc>,
    },
    /// Open → closed with exactly this seal on the current round (the redo of
    /// [`VoteOp::Close`], so that undo and redo keep the seal as it was).
    CloseSealed {
        /// The seal the close had recorded (`None`: a round closed before seals existed).
        seal: Option<Seal>,
        /// The attendance the close had recorded.
        attendance: Option<QuorumCount>,
    },
    /// Closed → open, dropping the current round's seal without keeping it (the undo of
    /// [`VoteOp::Close`]).
    Unclose,
    /// Closed → open again, an explicit action: the current round's seal moves to its
    /// `earlier_seals`, and closing again seals it anew.
    Reopen,
    /// Open → closed, putting back the seal that [`VoteOp::Reopen`] moved to the round's
    /// history and the attendance it took off (the undo of [`VoteOp::Reopen`]).
    Unreopen {
        /// The attendance the round's close had recorded.
        attendance: Option<QuorumCount>,
    },
    /// Closed → open with a new, empty round; earlier rounds stay for comparison.
    NewRound,
    /// Removes the last round while it is empty, and closes the vote (the undo of
    /// [`VoteOp::NewRound`]).
    DropRound,
    /// A participant's ballot in the current round. In an open or anonymous vote a second
    /// ballot of the same participant replaces the first (a correction); a secret vote refuses
    /// it. A secret ballot names nobody and goes to position `seed % (ballots + 1)`.
    Cast {
        /// The round the voter saw (refused unless it is the current, open round).
        round: u32,
        /// Whose vote it is.
        voter: ParticipantId,
        /// The member who casts it for `voter` by a standing proxy; `None` when the voter
        /// casts it themselves (refused while their proxy stands).
        holder: Option<ParticipantId>,
        /// What the ballot says.
        choice: Choice,
        /// Randomness for where a secret ballot lands (passed in, so tests are
        /// deterministic).
        seed: u64,
    },
    /// Takes back a cast ballot (rolls back [`VoteOp::Cast`]): removes one ballot equal to
    /// `ballot`, puts back the ballot it corrected, if any, else takes the voter off the list.
    Uncast {
        /// The round.
        round: u32,
        /// Who had voted.
        voter: ParticipantId,
        /// The ballot as it was stored.
        ballot: Ballot,
        /// The ballot it replaced (a correction).
        previous: Option<Ballot>,
    },
    /// Paper ballots added to the current round (they never name a voter).
    AddBallots {
        /// The round the facilitator saw.
        round: u32,
        /// The ballots.
        ballots: Vec<Ballot>,
    },
    /// Removes ballots from a round, each found by what it says (a ballot naming a voter
    /// takes the voter off the round's list, so they may vote again).
    RemoveBallots {
        /// The round.
        round: u32,
        /// The ballots to remove.
        ballots: Vec<Ballot>,
    },
    /// Puts removed ballots back as they were, voters included (the undo of
    /// [`VoteOp::RemoveBallots`]).
    RestoreBallots {
        /// The round.
        round: u32,
        /// The ballots.
        ballots: Vec<Ballot>,
    },
    /// Show-of-hands counts for the current round, for the whole room or one group: each
    /// option's count replaces the one recorded for it (`None` removes it).
    RecordHands {
        /// The round the facilitator saw.
        round: u32,
        /// The group counted, or `None` for the whole room.
        group: Option<GroupId>,
        /// Counts by option.
        counts: Vec<(HandOption, Option<u32>)>,
    },
    /// Breaks the tie of a closed vote's last round by lot: the winner is drawn among the
    /// tied alternatives as counted now, with `seed` as the lot.
    BreakTie {
        /// The round.
        round: u32,
        /// The lot.
        seed: u64,
        /// How and by whom the lot was drawn.
        note: String,
    },
    /// Times the open vote's current round: it closes by itself at `deadline` (the owner of the
    /// session closes it, see [`Session::votes_due`]); `None` takes the timer off.
    SetDeadline {
        /// When the round closes.
        deadline: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Sets or clears a round's recorded tie-break (the undo of [`VoteOp::BreakTie`]).
    SetTieBreak {
        /// The round.
        round: u32,
        /// The tie-break.
        tie: Option<TieBreak>,
    },
}

/// Why a vote operation was refused. The session is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VoteRefusal {
    /// The vote is not a draft any more.
    #[error("the vote is not a draft")]
    NotDraft,
    /// The vote is not open.
    #[error("the vote is not open")]
    NotOpen,
    /// The vote is not closed.
    #[error("the vote is not closed")]
    NotClosed,
    /// The draft cannot be opened yet.
    #[error("{0}")]
    NotReady(OpenProblem),
    /// The round is not the current one, or it is closed.
    #[error("round {0} is closed")]
    RoundClosed(u32),
    /// The vote has no round of that number.
    #[error("the vote has no round {0}")]
    NoRound(u32),
    /// The voter is not a participant of the session.
    #[error("participant {0} is not in this session")]
    NotEligible(ParticipantId),
    /// The voter takes part without a vote.
    #[error("participant {0} has no vote")]
    NoVote(ParticipantId),
    /// The voter gave their vote by a proxy that stands: its holder casts their ballot.
    #[error("participant {0} gave their vote by proxy")]
    ProxyGiven(ParticipantId),
    /// The ballot is cast for someone whose proxy the caster does not hold (or it does not
    /// stand).
    #[error("participant {holder} holds no standing proxy of participant {voter}")]
    NoProxy {
        /// Whose ballot it would be.
        voter: ParticipantId,
        /// Who tried to cast it.
        holder: ParticipantId,
    },
    /// The participant has voted in this round and the vote is secret (no corrections).
    #[error("participant {0} has already voted in this round")]
    AlreadyVoted(ParticipantId),
    /// The ballot is not valid for the vote.
    #[error("{0}")]
    Ballot(BallotProblem),
    /// Ballots or hand counts were recorded since: the step can no longer be undone.
    #[error("ballots have been cast in this round since")]
    HasBallots,
    /// A ballot to remove is not in the round.
    #[error("the ballot is not in round {0}")]
    BallotNotFound(u32),
    /// There is no tie to break (one winner, none, or already broken).
    #[error("there is no tie to break")]
    NoTie,
}

impl From<VoteRefusal> for CommandError {
    fn from(refusal: VoteRefusal) -> Self {
        Self::Vote(refusal)
    }
}

/// Applies `op` to the vote `id` (the caller validates the session around it).
pub(super) fn apply(
    session: &mut Session,
    id: VoteId,
    op: VoteOp,
) -> Result<Applied, CommandError> {
    if let VoteOp::Cast { voter, holder, .. } = &op {
        session.may_cast(*voter, *holder)?;
    }
    let attendance = match op {
        VoteOp::Close { .. } => session.round_attendance(),
        _ => None,
    };
    let vote = session
        .votes
        .iter_mut()
        .find(|v| v.id == id)
        .ok_or(CommandError::Unknown(super::ItemRef::Vote(id)))?;
    let (inverse, outcome) = match op {
        VoteOp::Open => open(vote)?,
        VoteOp::Unopen { drop_round } => unopen(vote, drop_round)?,
        VoteOp::Close { at } => close(vote, |round| Some(Seal::of(round, at)), attendance)?,
        VoteOp::CloseSealed { seal, attendance } => close(vote, |_| seal, attendance)?,
        VoteOp::Unclose => unclose(vote)?,
        VoteOp::Reopen => reopen(vote)?,
        VoteOp::Unreopen { attendance } => unreopen(vote, attendance)?,
        VoteOp::NewRound => new_round(vote)?,
        VoteOp::DropRound => drop_round(vote)?,
        VoteOp::Cast {
            round,
            voter,
            choice,
            seed,
            ..
        } => cast(vote, round, voter, choice, seed)?,
        VoteOp::Uncast {
            round,
            voter,
            ballot,
            previous,
        } => uncast(vote, round, voter, &ballot, previous)?,
        VoteOp::AddBallots { round, ballots } => add_ballots(vote, round, ballots)?,
        VoteOp::RemoveBallots { round, ballots } => remove_ballots(vote, round, ballots)?,
        VoteOp::RestoreBallots { round, ballots } => restore_ballots(vote, round, ballots)?,
        VoteOp::RecordHands {
            round,
            group,
            counts,
        } => record_hands(vote, round, group, counts)?,
        VoteOp::BreakTie { round, seed, note } => break_tie(vote, round, seed, note)?,
        VoteOp::SetDeadline { deadline } => set_deadline(vote, deadline)?,
        VoteOp::SetTieBreak { round, tie } => {
            let target = round_mut(vote, round)?;
            let old = std::mem::replace(&mut target.tie_break, tie);
            (VoteOp::SetTieBreak { round, tie: old }, Outcome::Changed)
        }
    };
    let inverse = Command::Vote {
        vote: id,
        op: inverse,
    };
    Ok(applied(inverse, outcome))
}

type Done = Result<(VoteOp, Outcome), VoteRefusal>;

fn open(vote: &mut Vote) -> Done {
    if vote.status != VoteStatus::Draft {
        return Err(VoteRefusal::NotDraft);
    }
    vote.ready_to_open().map_err(VoteRefusal::NotReady)?;
    vote.status = VoteStatus::Open;
    let drop_round = vote.rounds.is_empty();
    if drop_round {
        vote.rounds.push(VoteRound::default());
    }
    Ok((VoteOp::Unopen { drop_round }, Outcome::Changed))
}

fn unopen(vote: &mut Vote, drop_round: bool) -> Done {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    if vote.rounds.last().is_some_and(|r| !is_empty(r)) {
        return Err(VoteRefusal::HasBallots);
    }
    vote.status = VoteStatus::Draft;
    if drop_round {
        vote.rounds.pop();
    }
    Ok((VoteOp::Open, Outcome::Changed))
}

/// Open → closed, sealing the current round (if any) with `seal` and recording who was
/// present.
fn close(
    vote: &mut Vote,
    seal: impl FnOnce(&VoteRound) -> Option<Seal>,
    attendance: Option<QuorumCount>,
) -> Done {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    if let Some(round) = vote.rounds.last_mut() {
        round.seal = seal(round);
        round.attendance = attendance;
    }
    vote.status = VoteStatus::Closed;
    Ok((VoteOp::Unclose, Outcome::Changed))
}

/// Times (or stops timing) the open vote's current round.
fn set_deadline(vote: &mut Vote, deadline: Option<chrono::DateTime<chrono::Utc>>) -> Done {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    let round = vote.rounds.last_mut().ok_or(VoteRefusal::NoRound(1))?;
    let old = std::mem::replace(&mut round.deadline, deadline);
    Ok((VoteOp::SetDeadline { deadline: old }, Outcome::Changed))
}

/// Closed → open, dropping the current round's seal (undo of a close).
fn unclose(vote: &mut Vote) -> Done {
    if vote.status != VoteStatus::Closed {
        return Err(VoteRefusal::NotClosed);
    }
    let (seal, attendance) = vote.rounds.last_mut().map_or((None, None), |round| {
        (round.seal.take(), round.attendance.take())
    });
    vote.status = VoteStatus::Open;
    Ok((VoteOp::CloseSealed { seal, attendance }, Outcome::Changed))
}

/// Closed → open, keeping the current round's seal in its history.
fn reopen(vote: &mut Vote) -> Done {
    if vote.status != VoteStatus::Closed {
        return Err(VoteRefusal::NotClosed);
    }
    let mut kept = false;
    let mut attendance = None;
    if let Some(round) = vote.rounds.last_mut() {
        attendance = round.attendance.take();
        if let Some(seal) = round.seal.take() {
            round.earlier_seals.push(seal);
            kept = true;
        }
    }
    vote.status = VoteStatus::Open;
    // A round closed before seals existed had none to keep: the undo closes it unsealed.
    let inverse = if kept {
        VoteOp::Unreopen { attendance }
    } else {
        VoteOp::CloseSealed {
            seal: None,
            attendance,
        }
    };
    Ok((inverse, Outcome::Changed))
}

/// Open → closed, putting back the seal that a reopen kept.
fn unreopen(vote: &mut Vote, attendance: Option<QuorumCount>) -> Done {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    if let Some(round) = vote.rounds.last_mut() {
        if round.seal.is_none() {
            round.seal = round.earlier_seals.pop();
        }
        round.attendance = attendance;
    }
    vote.status = VoteStatus::Closed;
    Ok((VoteOp::Reopen, Outcome::Changed))
}

fn new_round(vote: &mut Vote) -> Done {
    if vote.status != VoteStatus::Closed {
        return Err(VoteRefusal::NotClosed);
    }
    let number = u32::try_from(vote.rounds.len() + 1).unwrap_or(u32::MAX);
    vote.rounds.push(VoteRound {
        number,
        ..VoteRound::default()
    });
    vote.status = VoteStatus::Open;
    Ok((VoteOp::DropRound, Outcome::Changed))
}

fn drop_round(vote: &mut Vote) -> Done {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    if vote.rounds.len() < 2 {
        return Err(VoteRefusal::NoRound(2));
    }
    if vote.rounds.last().is_some_and(|r| !is_empty(r)) {
        return Err(VoteRefusal::HasBallots);
    }
    vote.rounds.pop();
    vote.status = VoteStatus::Closed;
    Ok((VoteOp::NewRound, Outcome::Changed))
}

/// Whether nothing was cast or counted in the round.
fn is_empty(round: &VoteRound) -> bool {
    round.ballots.is_empty() && round.voters.is_empty() && round.hands.is_empty()
}

/// The round numbered `number`, if it is the current round of an open vote.
fn open_round(vote: &mut Vote, number: u32) -> Result<&mut VoteRound, VoteRefusal> {
    if vote.status != VoteStatus::Open {
        return Err(VoteRefusal::NotOpen);
    }
    // An open vote with no round (a hand-edited file): the first ballot or count starts it.
    if vote.rounds.is_empty() && number == 1 {
        vote.rounds.push(VoteRound {
            number: 1,
            ..VoteRound::default()
        });
    }
    match vote.rounds.last_mut() {
        Some(round) if round.number == number => Ok(round),
        _ => Err(VoteRefusal::RoundClosed(number)),
    }
}

fn round_mut(vote: &mut Vote, number: u32) -> Result<&mut VoteRound, VoteRefusal> {
    vote.rounds
        .iter_mut()
        .find(|r| r.number == number)
        .ok_or(VoteRefusal::NoRound(number))
}

fn cast(vote: &mut Vote, number: u32, voter: ParticipantId, choice: Choice, seed: u64) -> Done {
    vote.check_choice(&choice).map_err(VoteRefusal::Ballot)?;
    let secret = vote.anonymity == Anonymity::Secret;
    let round = open_round(vote, number)?;
    let voted = round.voters.binary_search(&voter);
    if secret && voted.is_ok() {
        return Err(VoteRefusal::AlreadyVoted(voter));
    }
    if let Err(at) = voted {
        round.voters.insert(at, voter);
    }
    let ballot = Ballot {
        voter: (!secret).then_some(voter),
        count: 1,
        choice,
    };
    let mut previous = None;
    if secret {
        // The position is the lot's, not the order of voting: the file cannot link anyone
        // to a choice.
        let at = secret_slot(seed, round.ballots.len() + 1);
        round.ballots.insert(at, ballot.clone());
    } else if let Some(earlier) = round.ballots.iter_mut().find(|b| b.voter == Some(voter)) {
        previous = Some(std::mem::replace(earlier, ballot.clone()));
    } else {
        round.ballots.push(ballot.clone());
    }
    let corrected = previous.is_some();
    let inverse = VoteOp::Uncast {
        round: number,
        voter,
        ballot,
        previous,
    };
    Ok((inverse, Outcome::Cast { corrected }))
}

/// Where a secret ballot cast with `seed` lies among `slots` places (the round's ballots with
/// it): drawn by lot, so the file's order links nobody to a choice. The cast's check finds the
/// ballot by it.
pub(super) fn secret_slot(seed: u64, slots: usize) -> usize {
    let slots = u64::try_from(slots.max(1)).unwrap_or(u64::MAX);
    usize::try_from(seed % slots).unwrap_or(0)
}

fn uncast(
    vote: &mut Vote,
    number: u32,
    voter: ParticipantId,
    ballot: &Ballot,
    previous: Option<Ballot>,
) -> Done {
    let round = open_round(vote, number)?;
    let at = round
        .ballots
        .iter()
        .position(|b| b == ballot)
        .ok_or(VoteRefusal::BallotNotFound(number))?;
    let removed = round.ballots.remove(at);
    match previous {
        Some(earlier) => round.ballots.insert(at, earlier),
        None => round.voters.retain(|v| *v != voter),
    }
    let inverse = VoteOp::Cast {
        round: number,
        voter,
        holder: None,
        choice: removed.choice,
        seed: u64::try_from(at).unwrap_or(0),
    };
    Ok((inverse, Outcome::Changed))
}

fn add_ballots(vote: &mut Vote, number: u32, ballots: Vec<Ballot>) -> Done {
    let round = open_round(vote, number)?;
    let ballots: Vec<Ballot> = ballots
        .into_iter()
        .map(|ballot| Ballot {
            voter: None,
            ..ballot
        })
        .collect();
    round.ballots.extend(ballots.iter().cloned());
    let inverse = VoteOp::RemoveBallots {
        round: number,
        ballots,
    };
    Ok((inverse, Outcome::Changed))
}

fn remove_ballots(vote: &mut Vote, number: u32, ballots: Vec<Ballot>) -> Done {
    let round = open_round(vote, number)?;
    let mut kept = round.ballots.clone();
    let mut voters = round.voters.clone();
    for ballot in &ballots {
        let at = kept
            .iter()
            .position(|b| b == ballot)
            .ok_or(VoteRefusal::BallotNotFound(number))?;
        kept.remove(at);
        if let Some(voter) = ballot.voter {
            voters.retain(|v| *v != voter);
        }
    }
    round.ballots = kept;
    round.voters = voters;
    let inverse = VoteOp::RestoreBallots {
        round: number,
        ballots,
    };
    Ok((inverse, Outcome::Changed))
}

fn restore_ballots(vote: &mut Vote, number: u32, ballots: Vec<Ballot>) -> Done {
    let round = open_round(vote, number)?;
    for ballot in &ballots {
        if let Some(voter) = ballot.voter
            && let Err(at) = round.voters.binary_search(&voter)
        {
            round.voters.insert(at, voter);
        }
    }
    round.ballots.extend(ballots.iter().cloned());
    let inverse = VoteOp::RemoveBallots {
        round: number,
        ballots,
    };
    Ok((inverse, Outcome::Changed))
}

fn record_hands(
    vote: &mut Vote,
    number: u32,
    group: Option<GroupId>,
    counts: Vec<(HandOption, Option<u32>)>,
) -> Done {
    let round = open_round(vote, number)?;
    let mut old = Vec::with_capacity(counts.len());
    for (option, count) in counts {
        let earlier = round
            .hands
            .iter()
            .position(|h| h.option == option && h.group == group)
            .map(|at| round.hands.remove(at).count);
        old.push((option, earlier));
        if let Some(count) = count {
            round.hands.push(HandCount {
                option,
                group,
                count,
            });
        }
    }
    old.reverse();
    let inverse = VoteOp::RecordHands {
        round: number,
        group,
        counts: old,
    };
    Ok((inverse, Outcome::Changed))
}

fn break_tie(vote: &mut Vote, number: u32, seed: u64, note: String) -> Done {
    if vote.status != VoteStatus::Closed {
        return Err(VoteRefusal::NotClosed);
    }
    let last = vote.rounds.last().ok_or(VoteRefusal::NoRound(number))?;
    if last.number != number {
        return Err(VoteRefusal::RoundClosed(number));
    }
    let tally = crate::voting::count_round(vote, last).map_err(|_| VoteRefusal::NoTie)?;
    if tally.winners.len() < 2 || crate::voting::recorded_tie_break(last, &tally).is_some() {
        return Err(VoteRefusal::NoTie);
    }
    let slots = u64::try_from(tally.winners.len()).unwrap_or(u64::MAX);
    let pick = usize::try_from(seed % slots).unwrap_or(0);
    let winner = tally.winners[pick];
    let tie = TieBreak {
        among: tally.winners.clone(),
        winner,
        note,
    };
    let round = round_mut(vote, number)?;
    let old = round.tie_break.replace(tie);
    Ok((
        VoteOp::SetTieBreak {
            round: number,
            tie: old,
        },
        Outcome::Changed,
    ))
}

impl Session {
    /// Whether `voter`'s ballot may be cast, by themselves (`holder` `None` or the voter) or
    /// by `holder` under a proxy: the voter is a participant with a vote; while their proxy
    /// stands only its holder casts their ballot; a holder casts only for a proxy that stands.
    pub fn may_cast(
        &self,
        voter: ParticipantId,
        holder: Option<ParticipantId>,
    ) -> Result<(), VoteRefusal> {
        let person = self
            .participant(voter)
            .ok_or(VoteRefusal::NotEligible(voter))?;
        if !person.voting {
            return Err(VoteRefusal::NoVote(voter));
        }
        let holder = holder.filter(|h| *h != voter);
        match (self.attendance.standing_proxy_from(voter), holder) {
            (Some(proxy), Some(holder)) if proxy.to == holder => Ok(()),
            (Some(_), _) => Err(VoteRefusal::ProxyGiven(voter)),
            (None, Some(holder)) => Err(VoteRefusal::NoProxy { voter, holder }),
            (None, None) => Ok(()),
        }
    }

    /// What a round's close records: the quorum as it stands, in a session where anyone is
    /// registered (an unregistered session states no presence).
    pub fn round_attendance(&self) -> Option<QuorumCount> {
        self.is_registered().then(|| self.quorum_count())
    }
}
