//! The session model: pure data and domain rules. No egui, no I/O.
//!
//! A [`Session`] holds every entity of a strategic session in ordered lists; entities refer to
//! each other by typed ids ([`GoalId`], [`ParticipantId`], …). [`Session::validate`] lists every
//! problem a document can have, each with the path to where it is.

mod agenda;
mod alternatives;
mod attendance;
mod ballots;
mod carry_over;
mod decisions;
mod goals;
mod ids;
mod meta;
mod methods;
mod plan;
mod seal;
mod sections;
mod session;
mod speaking;
mod stakeholders;
pub mod text;
mod validate;
mod votes;

pub use agenda::{AgendaItem, AgendaKind, AgendaStatus, BoardSection};
pub use alternatives::{Alternative, AlternativeStatus, Position, Proposer, Stance};
pub use attendance::{
    Attendance, DEFAULT_MAX_PROXIES, Presence, Proxy, ProxyProblem, QuorumCount, QuorumRule,
    Registration,
};
pub use ballots::{BallotProblem, OpenProblem};
pub use decisions::{ActionItem, ActionStatus, CarriedOver, Decision, Note};
pub use goals::{Finding, Goal, Priority, Quadrant};
pub use ids::{
    ActionId, AgendaItemId, AlternativeId, DecisionId, FindingId, GoalId, GroupId, IndicatorId,
    NoteId, ParticipantId, PositionId, VoteId,
};
pub use meta::{Language, Meta, SessionFormat};
pub use methods::{METHODS, MethodDefaults, MethodInfo};
pub use plan::{
    Indicator, IndicatorStatus, ON_TRACK_SHARE, ProgressReport, RISK_MAX, RISK_MIN, ReviewMark,
    ReviewWords, Risk, Value, YearValue,
};
pub use seal::{SEAL_SCHEME, Seal, seal_digest};
pub use sections::{
    FromSection, Place, SectionOf, SectionOrigin, SectionRecord, SectionVote, SessionId,
};
pub use session::{CURRENT_FORMAT_VERSION, Session};
pub use speaking::{
    DEFAULT_TURN_MINUTES, MAX_TURN_MINUTES, Speaker, SpeakerWho, TurnStatus, with_key_point,
};
pub use stakeholders::{
    CODE_ALPHABET, CODE_LENGTH, Participant, SCALE_MAX, SCALE_MIN, StakeholderGroup,
    normalise_code, participant_code,
};
pub use text::{clean_input, is_bidi_control};
pub use validate::{Problem, ProblemKind};
pub use votes::{
    Anonymity, Ballot, Choice, ConsentChoice, Criterion, CriterionScore, Dots, HandCount,
    HandOption, ResultsVisibility, Score, Threshold, TieBreak, Vote, VoteMethod, VoteRound,
    VoteStatus,
};
