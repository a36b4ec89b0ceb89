//! `Session::validate`: every problem a document can have, each with the path to where it is.
//!
//! Paths look like `actions[3].owners[0]`: the list, the index in it, the field. Loading a file
//! never fails on these problems (the facilitator should still be able to open and fix it);
//! `stratboard check` reports them and the board shows them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;

use super::{
    Anonymity, Ballot, Choice, ParticipantId, SCALE_MAX, SCALE_MIN, Session, Vote, VoteId,
    VoteMethod,
};

/// One problem found in a session, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `goals[2].parent`, `meta.title`, …
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// What is wrong. `Display` gives an English sentence; the UI translates by variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required text (title, name, statement) is empty or only spaces.
    EmptyText,
    /// Two entities share an id.
    DuplicateId {
        /// The id.
        id: u32,
        /// Where it was first used.
        first: String,
    },
    /// A reference to an entity that does not exist.
    Dangling {
        /// What kind of entity was expected ("goal", "participant", …).
        expected: &'static str,
        /// The id that was not found.
        id: u32,
    },
    /// The same entity is listed twice where it may appear once.
    Repeated {
        /// What is repeated ("goal", "alternative", …).
        what: &'static str,
        /// Its id.
        id: u32,
    },
    /// A number outside its allowed range.
    OutOfRange {
        /// The value found.
        value: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A goal is (indirectly) its own parent.
    GoalCycle,
    /// The session ends before it starts.
    EndBeforeStart {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// An action item is due before the session takes place.
    DueBeforeSession {
        /// The due date.
        due: NaiveDate,
        /// The session's first day.
        start: NaiveDate,
    },
    /// Two positions for the same group, alternative and round.
    DuplicatePosition {
        /// Where the first one is.
        first: String,
    },
    /// Rounds must be numbered 1, 2, 3, … in order.
    RoundNumber {
        /// The number expected here.
        expected: u32,
        /// The number found.
        found: u32,
    },
    /// A ballot whose kind does not fit the vote's method.
    BallotKind {
        /// The method's name as the CLI spells it.
        method: &'static str,
    },
    /// A ballot names an alternative that is not on this vote.
    NotOnBallot {
        /// The alternative's id.
        id: u32,
    },
    /// A ballot of a secret vote names its voter.
    SecretBallotNamesVoter,
    /// A participant has more than one ballot in one round.
    VotedTwice {
        /// The participant's id.
        voter: u32,
    },
    /// A vote method whose settings cannot work (empty grade list, min above max, …).
    BadMethodSettings {
        /// What is wrong with them.
        reason: &'static str,
    },
    /// A proxy that breaks a rule of proxies.
    Proxy(super::ProxyProblem),
    /// An action item starts after it is due.
    StartAfterDue {
        /// The start date.
        start: NaiveDate,
        /// The due date.
        due: NaiveDate,
    },
    /// A value that is not a finite number.
    NotANumber,
    /// Provenance naming a section the plenary never brought in.
    UnknownSection {
        /// The section's identity.
        id: String,
    },
    /// The same section recorded twice.
    DuplicateSection {
        /// Where it was first recorded.
        first: String,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyText => write!(f, "must not be empty"),
            Self::DuplicateId { id, first } => write!(f, "id {id} is already used by {first}"),
            Self::Dangling { expected, id } => write!(f, "there is no {expected} with id {id}"),
            Self::Repeated { what, id } => write!(f, "{what} {id} is listed more than once"),
            Self::OutOfRange { value, min, max } => {
                write!(f, "{value} is out of range (allowed {min} to {max})")
            }
            Self::GoalCycle => write!(
                f,
                "the goal is its own ancestor (the goal tree has a cycle)"
            ),
            Self::EndBeforeStart { start, end } => {
                write!(f, "the session ends ({end}) before it starts ({start})")
            }
            Self::DueBeforeSession { due, start } => {
                write!(f, "due date {due} is before the session starts ({start})")
            }
            Self::DuplicatePosition { first } => write!(
                f,
                "this group already has a position on this alternative in this round, at {first}"
            ),
            Self::RoundNumber { expected, found } => {
                write!(f, "round number is {found}, expected {expected}")
            }
            Self::BallotKind { method } => {
                write!(
                    f,
                    "this kind of ballot cannot be counted by the {method} method"
                )
            }
            Self::NotOnBallot { id } => write!(f, "alternative {id} is not on this vote"),
            Self::SecretBallotNamesVoter => {
                write!(f, "a ballot of a secret vote must not name its voter")
            }
            Self::VotedTwice { voter } => {
                write!(
                    f,
                    "participant {voter} has more than one ballot in this round"
                )
            }
            Self::BadMethodSettings { reason } => write!(f, "method settings: {reason}"),
            Self::Proxy(problem) => write!(f, "{problem}"),
            Self::StartAfterDue { start, due } => {
                write!(f, "the item starts ({start}) after it is due ({due})")
            }
            Self::NotANumber => write!(f, "a value is not a finite number"),
            Self::UnknownSection { id } => {
                write!(f, "section {id} was never brought into this plenary")
            }
            Self::DuplicateSection { first } => {
                write!(f, "this section is already recorded as {first}")
            }
        }
    }
}

impl VoteMethod {
    /// Whether a ballot of this kind can be counted by this method.
    pub fn accepts(&self, choice: &Choice) -> bool {
        match self {
            Self::Consent { .. } => matches!(choice, Choice::Consent(_)),
            Self::Plurality
            | Self::Borda
            | Self::Irv
            | Self::Schulze
            | Self::RankedPairs
            | Self::Copeland
            | Self::Condorcet => matches!(choice, Choice::Ranking(_)),
            Self::Approval => matches!(choice, Choice::Approval(_)),
            Self::Dot { .. } => matches!(choice, Choice::Dots(_)),
            Self::Score { .. } | Self::MajorityJudgment { .. } => {
                matches!(choice, Choice::Scores(_))
            }
            Self::Matrix { .. } => matches!(choice, Choice::Matrix(_)),
        }
    }
}

impl Session {
    /// Every problem in this session, in document order. An empty list means the session is
    /// consistent.
    pub fn validate(&self) -> Vec<Problem> {
        let mut check = Checker::new(self);
        check.ids();
        check.meta();
        check.groups_and_participants();
        check.agenda();
        check.goals_and_findings();
        check.alternatives_and_positions();
        check.votes();
        check.decisions_actions_notes();
        let mut problems = check.problems;
        problems.extend(self.validate_attendance());
        problems.extend(self.validate_plan());
        problems.extend(self.validate_sections());
        problems
    }

    /// The problems of one vote: its question, alternatives, method settings, rounds and
    /// ballots (with their references to participants, groups and goals) — the part of
    /// [`Session::validate`] that a vote operation can change. Empty when there is no such
    /// vote.
    pub fn validate_vote(&self, id: VoteId) -> Vec<Problem> {
        let mut check = Checker::new(self);
        if let Some(i) = self.votes.iter().position(|vote| vote.id == id) {
            check.vote(&format!("votes[{i}]"), &self.votes[i]);
        }
        check.problems
    }

    /// The problems a participant's ballot can bring to vote `id`: the part of
    /// [`Session::validate_vote`] that [`crate::commands::VoteOp::Cast`] changes — the ballot
    /// `voter` has in round `number` (found by its voter where the vote keeps who voted, at
    /// `secret_at` where it does not; `None`: none yet), the voter among the round's voters,
    /// and the round's number. A cast adds one ballot and one voter and nothing else, so this
    /// costs one ballot's check whatever the number of ballots already cast (checking the
    /// whole vote after each ballot made a hall's ballots cost the square of their number).
    /// Whether the voter voted twice is the cast's own rule (a second ballot replaces the
    /// first, or is refused), not checked here.
    pub fn validate_cast(
        &self,
        id: VoteId,
        number: u32,
        voter: ParticipantId,
        secret_at: Option<usize>,
    ) -> Vec<Problem> {
        let mut check = Checker::bare(self);
        let Some((v, vote)) = self.votes.iter().enumerate().find(|(_, v)| v.id == id) else {
            return check.problems;
        };
        let Some((r, round)) = vote
            .rounds
            .iter()
            .enumerate()
            .find(|(_, round)| round.number == number)
        else {
            return check.problems;
        };
        let round_path = format!("votes[{v}].rounds[{r}]");
        check.round_number(&round_path, r, round.number);
        if self.participant(voter).is_some() {
            check.participants.insert(voter.0);
        }
        if let Ok(i) = round.voters.binary_search(&voter) {
            check.reference(
                format!("{round_path}.voters[{i}]"),
                Known::Participant,
                voter.0,
            );
        }
        let at = if vote.anonymity == Anonymity::Secret {
            secret_at
        } else {
            round.ballots.iter().position(|b| b.voter == Some(voter))
        };
        if let Some(at) = at
            && let Some(ballot) = round.ballots.get(at)
        {
            if let Some(named) = ballot.voter
                && self.participant(named).is_some()
            {
                check.participants.insert(named.0);
            }
            let on_ballot: BTreeSet<u32> = vote.alternatives.iter().map(|a| a.0).collect();
            let ballot_path = || format!("{round_path}.ballots[{at}]");
            check.ballot(&ballot_path, vote, &on_ballot, ballot);
        }
        check.problems
    }
}

/// A problem's path, written only when there is a problem (validation runs on every edit,
/// and a session may hold thousands of ballots and participants).
struct Lazy<F>(F);

impl<F: FnOnce() -> String> From<Lazy<F>> for String {
    fn from(lazy: Lazy<F>) -> Self {
        (lazy.0)()
    }
}

/// `lazy!("{path}.name")`: a [`Lazy`] path formatted only when used.
macro_rules! lazy {
    ($($arg:tt)*) => {
        Lazy(|| format!($($arg)*))
    };
}

/// Walks a session once and collects problems.
struct Checker<'a> {
    session: &'a Session,
    problems: Vec<Problem>,
    groups: BTreeSet<u32>,
    participants: BTreeSet<u32>,
    agenda: BTreeSet<u32>,
    goals: BTreeSet<u32>,
    alternatives: BTreeSet<u32>,
    votes: BTreeSet<u32>,
    decisions: BTreeSet<u32>,
}

impl<'a> Checker<'a> {
    fn new(session: &'a Session) -> Self {
        fn set<T>(items: &[T], id: impl Fn(&T) -> u32) -> BTreeSet<u32> {
            items.iter().map(id).collect()
        }
        Self {
            session,
            problems: Vec::new(),
            groups: set(&session.stakeholder_groups, |g| g.id.0),
            participants: set(&session.participants, |p| p.id.0),
            agenda: set(&session.agenda, |a| a.id.0),
            goals: set(&session.goals, |g| g.id.0),
            alternatives: set(&session.alternatives, |a| a.id.0),
            votes: set(&session.votes, |v| v.id.0),
            decisions: set(&session.decisions, |d| d.id.0),
        }
    }

    /// A checker that knows no ids yet (a narrowed check adds the few it needs): building
    /// every set costs as much as the session is large.
    fn bare(session: &'a Session) -> Self {
        Self {
            session,
            problems: Vec::new(),
            groups: BTreeSet::new(),
            participants: BTreeSet::new(),
            agenda: BTreeSet::new(),
            goals: BTreeSet::new(),
            alternatives: BTreeSet::new(),
            votes: BTreeSet::new(),
            decisions: BTreeSet::new(),
        }
    }

    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.into(),
            kind,
        });
    }

    fn text(&mut self, path: impl Into<String>, text: &str) {
        if text.trim().is_empty() {
            self.push(path, ProblemKind::EmptyText);
        }
    }

    fn reference(&mut self, path: impl Into<String>, known: Known, id: u32) {
        let (set, expected) = match known {
            Known::Group => (&self.groups, "stakeholder group"),
            Known::Participant => (&self.participants, "participant"),
            Known::AgendaItem => (&self.agenda, "agenda item"),
            Known::Goal => (&self.goals, "goal"),
            Known::Alternative => (&self.alternatives, "alternative"),
            Known::Vote => (&self.votes, "vote"),
            Known::Decision => (&self.decisions, "decision"),
        };
        if !set.contains(&id) {
            self.push(path, ProblemKind::Dangling { expected, id });
        }
    }

    fn reference_list(&mut self, path: &str, known: Known, what: &'static str, ids: &[u32]) {
        let mut seen = BTreeSet::new();
        for (i, &id) in ids.iter().enumerate() {
            self.reference(lazy!("{path}[{i}]"), known, id);
            if !seen.insert(id) {
                self.push(format!("{path}[{i}]"), ProblemKind::Repeated { what, id });
            }
        }
    }

    fn range(&mut self, path: impl Into<String>, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.push(path, ProblemKind::OutOfRange { value, min, max });
        }
    }

    fn ids(&mut self) {
        let s = self.session;
        let mut first: BTreeMap<u32, String> = BTreeMap::new();
        let all = [
            (
                "stakeholder_groups",
                s.stakeholder_groups
                    .iter()
                    .map(|x| x.id.0)
                    .collect::<Vec<_>>(),
            ),
            (
                "participants",
                s.participants.iter().map(|x| x.id.0).collect(),
            ),
            ("agenda", s.agenda.iter().map(|x| x.id.0).collect()),
            ("goals", s.goals.iter().map(|x| x.id.0).collect()),
            ("findings", s.findings.iter().map(|x| x.id.0).collect()),
            (
                "alternatives",
                s.alternatives.iter().map(|x| x.id.0).collect(),
            ),
            ("positions", s.positions.iter().map(|x| x.id.0).collect()),
            ("votes", s.votes.iter().map(|x| x.id.0).collect()),
            ("decisions", s.decisions.iter().map(|x| x.id.0).collect()),
            ("actions", s.actions.iter().map(|x| x.id.0).collect()),
            ("notes", s.notes.iter().map(|x| x.id.0).collect()),
            // (Indicators live in their goals; the path counts them across goals.)
            ("indicators", s.indicators().map(|(_, x)| x.id.0).collect()),
        ];
        for (list, ids) in all {
            for (i, id) in ids.into_iter().enumerate() {
                let path = format!("{list}[{i}].id");
                match first.get(&id) {
                    Some(earlier) => {
                        let earlier = earlier.clone();
                        self.push(path, ProblemKind::DuplicateId { id, first: earlier });
                    }
                    None => {
                        first.insert(id, path);
                    }
                }
            }
        }
    }

    fn meta(&mut self) {
        let meta = &self.session.meta;
        self.text("meta.title", &meta.title);
        if let (Some(start), Some(end)) = (meta.start, meta.end)
            && end < start
        {
            self.push("meta.end", ProblemKind::EndBeforeStart { start, end });
        }
        if let Some(id) = meta.facilitator {
            self.reference("meta.facilitator", Known::Participant, id.0);
        }
        if let Some(id) = meta.secretary {
            self.reference("meta.secretary", Known::Participant, id.0);
        }
    }

    fn groups_and_participants(&mut self) {
        let s = self.session;
        let (min, max) = (i64::from(SCALE_MIN), i64::from(SCALE_MAX));
        for (i, group) in s.stakeholder_groups.iter().enumerate() {
            self.text(lazy!("stakeholder_groups[{i}].name"), &group.name);
            let path = format!("stakeholder_groups[{i}]");
            self.range(lazy!("{path}.influence"), group.influence.into(), min, max);
            self.range(lazy!("{path}.interest"), group.interest.into(), min, max);
        }
        for (i, person) in s.participants.iter().enumerate() {
            self.text(lazy!("participants[{i}].name"), &person.name);
            if let Some(group) = person.group {
                self.reference(lazy!("participants[{i}].group"), Known::Group, group.0);
            }
        }
    }

    fn agenda(&mut self) {
        for (i, item) in self.session.agenda.iter().enumerate() {
            self.text(lazy!("agenda[{i}].title"), &item.title);
            if let Some(vote) = item.vote {
                self.reference(lazy!("agenda[{i}].vote"), Known::Vote, vote.0);
            }
            self.speakers(i, &item.speakers);
        }
    }

    /// A speaking round: every speaker exists and has one turn; time limits are sane.
    fn speakers(&mut self, item: usize, speakers: &[super::Speaker]) {
        let mut seen = BTreeSet::new();
        for (s, speaker) in speakers.iter().enumerate() {
            let (known, what, id) = match speaker.who {
                super::SpeakerWho::Participant(id) => (Known::Participant, "participant", id.0),
                super::SpeakerWho::Group(id) => (Known::Group, "stakeholder group", id.0),
            };
            self.reference(lazy!("agenda[{item}].speakers[{s}].who"), known, id);
            if !seen.insert(speaker.who) {
                let path = format!("agenda[{item}].speakers[{s}].who");
                self.push(path, ProblemKind::Repeated { what, id });
            }
            self.range(
                lazy!("agenda[{item}].speakers[{s}].minutes"),
                speaker.minutes.into(),
                0,
                super::MAX_TURN_MINUTES.into(),
            );
        }
    }

    fn goals_and_findings(&mut self) {
        let s = self.session;
        let cyclic = goals_on_cycles(s);
        for (i, goal) in s.goals.iter().enumerate() {
            self.text(lazy!("goals[{i}].title"), &goal.title);
            if let Some(parent) = goal.parent {
                self.reference(lazy!("goals[{i}].parent"), Known::Goal, parent.0);
                if cyclic.contains(&goal.id.0) {
                    self.push(format!("goals[{i}].parent"), ProblemKind::GoalCycle);
                }
            }
        }
        for (i, finding) in s.findings.iter().enumerate() {
            self.text(lazy!("findings[{i}].text"), &finding.text);
            if let Some(goal) = finding.goal {
                self.reference(lazy!("findings[{i}].goal"), Known::Goal, goal.0);
            }
        }
    }

    fn alternatives_and_positions(&mut self) {
        let s = self.session;
        for (i, alternative) in s.alternatives.iter().enumerate() {
            let path = format!("alternatives[{i}]");
            self.text(lazy!("{path}.title"), &alternative.title);
            let goals: Vec<u32> = alternative.goals.iter().map(|g| g.0).collect();
            self.reference_list(&format!("{path}.goals"), Known::Goal, "goal", &goals);
            match alternative.proposer {
                Some(super::Proposer::Participant(id)) => {
                    self.reference(lazy!("{path}.proposer"), Known::Participant, id.0);
                }
                Some(super::Proposer::Group(id)) => {
                    self.reference(lazy!("{path}.proposer"), Known::Group, id.0);
                }
                None => {}
            }
        }
        let mut first: BTreeMap<(u32, u32, u32), String> = BTreeMap::new();
        for (i, position) in s.positions.iter().enumerate() {
            let path = format!("positions[{i}]");
            self.reference(lazy!("{path}.group"), Known::Group, position.group.0);
            let alternative = position.alternative.0;
            self.reference(lazy!("{path}.alternative"), Known::Alternative, alternative);
            self.range(
                lazy!("{path}.round"),
                position.round.into(),
                1,
                i64::from(u32::MAX),
            );
            let key = (position.group.0, alternative, position.round);
            if let Some(earlier) = first.get(&key) {
                let earlier = earlier.clone();
                self.push(path, ProblemKind::DuplicatePosition { first: earlier });
            } else {
                first.insert(key, path);
            }
        }
    }

    fn votes(&mut self) {
        for (i, vote) in self.session.votes.iter().enumerate() {
            self.vote(&format!("votes[{i}]"), vote);
        }
    }

    fn vote(&mut self, path: &str, vote: &Vote) {
        self.text(lazy!("{path}.question"), &vote.question);
        let alternatives: Vec<u32> = vote.alternatives.iter().map(|a| a.0).collect();
        let list = format!("{path}.alternatives");
        self.reference_list(&list, Known::Alternative, "alternative", &alternatives);
        self.method_settings(&format!("{path}.method"), &vote.method);
        let on_ballot: BTreeSet<u32> = alternatives.into_iter().collect();
        for (r, round) in vote.rounds.iter().enumerate() {
            let round_path = format!("{path}.rounds[{r}]");
            self.round_number(&round_path, r, round.number);
            let mut voters = BTreeSet::new();
            for (b, ballot) in round.ballots.iter().enumerate() {
                // Paths are written only for a problem: a round may hold thousands of ballots.
                let ballot_path = || format!("{round_path}.ballots[{b}]");
                self.ballot(&ballot_path, vote, &on_ballot, ballot);
                if let Some(voter) = ballot.voter
                    && !voters.insert(voter.0)
                {
                    let kind = ProblemKind::VotedTwice { voter: voter.0 };
                    self.push(format!("{}.voter", ballot_path()), kind);
                }
            }
            let listed: Vec<u32> = round.voters.iter().map(|p| p.0).collect();
            let voters_path = format!("{round_path}.voters");
            self.reference_list(&voters_path, Known::Participant, "participant", &listed);
            for (h, hand) in round.hands.iter().enumerate() {
                if let super::HandOption::Alternative(id) = hand.option
                    && !on_ballot.contains(&id.0)
                {
                    let kind = ProblemKind::NotOnBallot { id: id.0 };
                    self.push(format!("{round_path}.hands[{h}].option"), kind);
                }
                if let Some(group) = hand.group {
                    self.reference(
                        lazy!("{round_path}.hands[{h}].group"),
                        Known::Group,
                        group.0,
                    );
                }
            }
            if let Some(tie) = &round.tie_break {
                let mut among: Vec<u32> = tie.among.iter().map(|a| a.0).collect();
                let tie_path = format!("{round_path}.tie_break.among");
                self.reference_list(&tie_path, Known::Alternative, "alternative", &among);
                among.sort_unstable();
                if among.binary_search(&tie.winner.0).is_err() {
                    let kind = ProblemKind::NotOnBallot { id: tie.winner.0 };
                    self.push(format!("{round_path}.tie_break.winner"), kind);
                }
            }
        }
    }

    /// The round at `index` (from 0) is numbered `number`: it should be `index + 1`.
    fn round_number(&mut self, round_path: &str, index: usize, number: u32) {
        let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if number != expected {
            let kind = ProblemKind::RoundNumber {
                expected,
                found: number,
            };
            self.push(format!("{round_path}.number"), kind);
        }
    }

    /// One ballot of `vote` on its own: its count, its voter (named only where the vote keeps
    /// who voted, and a participant), its kind, and its alternatives (on the ballot, none
    /// twice). Whether its voter voted twice is the round's check.
    fn ballot(
        &mut self,
        ballot_path: &impl Fn() -> String,
        vote: &Vote,
        on_ballot: &BTreeSet<u32>,
        ballot: &Ballot,
    ) {
        if ballot.count == 0 {
            let kind = ProblemKind::OutOfRange {
                value: 0,
                min: 1,
                max: u32::MAX.into(),
            };
            self.push(format!("{}.count", ballot_path()), kind);
        }
        if let Some(voter) = ballot.voter {
            if vote.anonymity == Anonymity::Secret {
                self.push(
                    format!("{}.voter", ballot_path()),
                    ProblemKind::SecretBallotNamesVoter,
                );
            }
            self.reference(
                lazy!("{}.voter", ballot_path()),
                Known::Participant,
                voter.0,
            );
        }
        if !vote.method.accepts(&ballot.choice) {
            let method = vote.method.cli_name();
            self.push(
                format!("{}.choice", ballot_path()),
                ProblemKind::BallotKind { method },
            );
        }
        for id in choice_alternatives(&ballot.choice) {
            if !on_ballot.contains(&id) {
                self.push(
                    format!("{}.choice", ballot_path()),
                    ProblemKind::NotOnBallot { id },
                );
            }
        }
        self.choice_repeats(|| format!("{}.choice", ballot_path()), &ballot.choice);
    }

    fn method_settings(&mut self, path: &str, method: &VoteMethod) {
        let reason = match method {
            VoteMethod::Dot { dots: 0, .. } => Some("each participant needs at least one dot"),
            VoteMethod::Dot { cap: Some(0), .. } => {
                Some("the cap per alternative must be at least 1")
            }
            VoteMethod::Score { min, max } | VoteMethod::Matrix { min, max, .. } if min >= max => {
                Some("the lowest score must be below the highest")
            }
            VoteMethod::MajorityJudgment { grades } if grades.len() < 2 => {
                Some("majority judgment needs at least two grades")
            }
            _ => None,
        };
        if let Some(reason) = reason {
            self.push(path, ProblemKind::BadMethodSettings { reason });
        }
        if let VoteMethod::Matrix { criteria, .. } = method {
            let goals: Vec<u32> = criteria.iter().map(|c| c.goal.0).collect();
            self.reference_list(&format!("{path}.criteria"), Known::Goal, "goal", &goals);
        }
    }

    fn choice_repeats(&mut self, path: impl Fn() -> String, choice: &Choice) {
        let ids: Vec<u32> = match choice {
            Choice::Ranking(groups) => groups.iter().flatten().map(|a| a.0).collect(),
            Choice::Approval(list) => list.iter().map(|a| a.0).collect(),
            Choice::Scores(list) => list.iter().map(|s| s.alternative.0).collect(),
            Choice::Dots(list) => list.iter().map(|d| d.alternative.0).collect(),
            Choice::Consent(_) | Choice::Matrix(_) => Vec::new(),
        };
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.push(
                    path(),
                    ProblemKind::Repeated {
                        what: "alternative",
                        id,
                    },
                );
            }
        }
    }

    fn decisions_actions_notes(&mut self) {
        let s = self.session;
        for (i, decision) in s.decisions.iter().enumerate() {
            let path = format!("decisions[{i}]");
            self.text(lazy!("{path}.statement"), &decision.statement);
            let alternatives: Vec<u32> = decision.alternatives.iter().map(|a| a.0).collect();
            let list = format!("{path}.alternatives");
            self.reference_list(&list, Known::Alternative, "alternative", &alternatives);
            if let Some(vote) = decision.vote {
                self.reference(lazy!("{path}.vote"), Known::Vote, vote.0);
            }
        }
        for (i, action) in s.actions.iter().enumerate() {
            let path = format!("actions[{i}]");
            self.text(lazy!("{path}.what"), &action.what);
            let owners: Vec<u32> = action.owners.iter().map(|p| p.0).collect();
            self.reference_list(
                &format!("{path}.owners"),
                Known::Participant,
                "owner",
                &owners,
            );
            if let Some(decision) = action.decision {
                self.reference(lazy!("{path}.decision"), Known::Decision, decision.0);
            }
            if let (Some(due), Some(start)) = (action.due, s.meta.start)
                && due < start
                && action.carried_over.is_none()
            {
                self.push(
                    format!("{path}.due"),
                    ProblemKind::DueBeforeSession { due, start },
                );
            }
        }
        for (i, note) in s.notes.iter().enumerate() {
            self.text(lazy!("notes[{i}].text"), &note.text);
            if let Some(item) = note.agenda_item {
                self.reference(lazy!("notes[{i}].agenda_item"), Known::AgendaItem, item.0);
            }
        }
    }
}

/// The kinds of entity a reference can point at.
#[derive(Clone, Copy)]
enum Known {
    Group,
    Participant,
    AgendaItem,
    Goal,
    Alternative,
    Vote,
    Decision,
}

/// The alternatives a ballot names, in order.
fn choice_alternatives(choice: &Choice) -> Vec<u32> {
    match choice {
        Choice::Consent(_) => Vec::new(),
        Choice::Ranking(groups) => groups.iter().flatten().map(|a| a.0).collect(),
        Choice::Approval(list) => list.iter().map(|a| a.0).collect(),
        Choice::Scores(list) => list.iter().map(|s| s.alternative.0).collect(),
        Choice::Dots(list) => list.iter().map(|d| d.alternative.0).collect(),
        Choice::Matrix(list) => list.iter().map(|s| s.alternative.0).collect(),
    }
}

/// The ids of the goals that lie on a cycle of `parent` links. Linear in the number of goals
/// (each goal is walked once), so a hostile file with a long chain cannot stall validation.
fn goals_on_cycles(session: &Session) -> BTreeSet<u32> {
    let parent: BTreeMap<u32, u32> = session
        .goals
        .iter()
        .filter_map(|g| g.parent.map(|p| (g.id.0, p.0)))
        .collect();
    // 0 = not seen, 1 = on the current walk, 2 = done.
    let mut state: BTreeMap<u32, u8> = BTreeMap::new();
    let mut on_cycle = BTreeSet::new();
    for goal in &session.goals {
        let mut walk = Vec::new();
        let mut current = Some(goal.id.0);
        while let Some(id) = current {
            match state.get(&id).copied().unwrap_or(0) {
                0 => {
                    state.insert(id, 1);
                    walk.push(id);
                    current = parent.get(&id).copied();
                }
                1 => {
                    // Came back to a goal of this walk: everything from it on is a cycle.
                    if let Some(start) = walk.iter().position(|g| *g == id) {
                        on_cycle.extend(walk[start..].iter().copied());
                    }
                    break;
                }
                _ => break,
            }
        }
        for id in walk {
            state.insert(id, 2);
        }
    }
    on_cycle
}
