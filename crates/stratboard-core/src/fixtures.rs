//! Generated sessions for benchmarks and tests: sizes that a real session rarely reaches, with
//! every kind of entity and reference filled in, deterministic for a given size.

use chrono::NaiveDate;

use crate::model::{
    ActionItem, ActionStatus, AgendaItem, AgendaKind, Alternative, AlternativeId,
    AlternativeStatus, Anonymity, Ballot, Choice, Decision, DecisionId, Finding, Goal, GoalId,
    GroupId, Meta, Note, Participant, ParticipantId, Position, Priority, Proposer, Quadrant,
    Session, SessionFormat, StakeholderGroup, Stance, Vote, VoteMethod, VoteRound, VoteStatus,
};

/// How many of each entity [`generate`] makes.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Alternatives.
    pub alternatives: usize,
    /// Participants.
    pub participants: usize,
    /// Stakeholder groups.
    pub groups: usize,
    /// Goals.
    pub goals: usize,
    /// Decisions.
    pub decisions: usize,
    /// Action items.
    pub actions: usize,
    /// Votes.
    pub votes: usize,
    /// Ballots per vote (one round).
    pub ballots: usize,
}

impl Size {
    /// The large session of the storage benchmark: 300 alternatives, 60 participants,
    /// 12 groups, 30 goals, 40 decisions, 100 action items, 10 votes with 60 ballots.
    pub const LARGE: Size = Size {
        alternatives: 300,
        participants: 60,
        groups: 12,
        goals: 30,
        decisions: 40,
        actions: 100,
        votes: 10,
        ballots: 60,
    };

    /// Every count multiplied by `factor` (ballots capped by participants).
    pub fn times(self, factor: usize) -> Size {
        Size {
            alternatives: self.alternatives * factor,
            participants: self.participants * factor,
            groups: self.groups * factor,
            goals: self.goals * factor,
            decisions: self.decisions * factor,
            actions: self.actions * factor,
            votes: self.votes * factor,
            ballots: self.ballots * factor,
        }
    }
}

/// A deterministic pseudo-random sequence (xorshift), so generated sessions are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A consistent session of the given size (validates without problems).
pub fn generate(size: Size) -> Session {
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let mut s = Session::new("Стратегическая сессия: развитие территорий");
    let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    s.meta = meta(s.meta.title.clone(), day);
    let groups = add_each(&mut s, size.groups, |s| &mut s.stakeholder_groups, group);
    let people = add_each(
        &mut s,
        size.participants,
        |s| &mut s.participants,
        |_, i, id| participant(i, id, &groups),
    );
    s.meta.facilitator = people.first().copied();
    s.meta.secretary = people.get(1).copied();
    add_agenda(&mut s);
    let goals = add_each(&mut s, size.goals, |s| &mut s.goals, goal);
    add_findings(&mut s, &goals);
    let alternatives = add_each(
        &mut s,
        size.alternatives,
        |s| &mut s.alternatives,
        |_, i, id| alternative(i, id, &goals, people.get(rng.below(people.len()))),
    );
    add_positions(&mut s, &groups, &alternatives);
    for v in 0..size.votes {
        let voters = &people[..size.ballots.min(people.len())];
        add_vote(&mut s, v, &alternatives, voters, &mut rng);
    }
    let decisions = add_each(
        &mut s,
        size.decisions,
        |s| &mut s.decisions,
        |s, i, id| decision(s, i, id, &alternatives, day),
    );
    add_actions(&mut s, size.actions, &people, &decisions, day);
    add_notes(&mut s);
    s
}

/// Makes `count` entities of one list of `s`: each gets a fresh id, is built by `make` from
/// the session so far, its index and its id, and is pushed onto the list `list` picks.
/// Returns the ids in order.
fn add_each<Id: From<u32> + Copy, T>(
    s: &mut Session,
    count: usize,
    list: fn(&mut Session) -> &mut Vec<T>,
    mut make: impl FnMut(&Session, usize, Id) -> T,
) -> Vec<Id> {
    (0..count)
        .map(|i| {
            let id = Id::from(s.allocate_id());
            let item = make(s, i, id);
            list(s).push(item);
            id
        })
        .collect()
}

/// The session's particulars: a two-day round table in Russian.
fn meta(title: String, day: NaiveDate) -> Meta {
    Meta {
        title,
        organisation: "Совет муниципальных образований".into(),
        format: SessionFormat::RoundTable,
        start: Some(day),
        end: day.succ_opt(),
        venue: "Зал заседаний".into(),
        facilitator: None,
        secretary: None,
        purpose: "Сблизить позиции и выбрать приоритеты развития на три года.".into(),
        language: Some(crate::model::Language::Russian),
        id: crate::model::SessionId::default(),
        section: None,
    }
}

/// Stakeholder group number `i` (0-based), of varied influence and interest.
fn group(_: &Session, i: usize, id: GroupId) -> StakeholderGroup {
    StakeholderGroup {
        id,
        name: format!("Группа {} — отраслевые руководители", i + 1),
        description: "Интересы группы и её ожидания от сессии.".into(),
        influence: (1 + i % 5) as u8,
        interest: (1 + (i * 3) % 5) as u8,
        vote_weight: None,
    }
}

/// Participant number `i`, in one of the `groups` in turn.
fn participant(i: usize, id: ParticipantId, groups: &[GroupId]) -> Participant {
    Participant {
        id,
        name: format!("Участник Иванов-{} Пётр Сергеевич", i + 1),
        position: "начальник отдела".into(),
        organisation: "Администрация района".into(),
        group: groups.get(i % groups.len().max(1)).copied(),
        code: None,
        contact: String::new(),
        voting: true,
    }
}

/// Goal number `i`: the first five at the top, the others below them in turn.
fn goal(s: &Session, i: usize, id: GoalId) -> Goal {
    Goal {
        id,
        title: format!("Цель {}: повысить качество услуг", i + 1),
        description: "Как измеряется достижение цели.".into(),
        priority: [Priority::High, Priority::Medium, Priority::Low][i % 3],
        parent: (i >= 5).then(|| s.goals[i % 5].id),
        indicators: Vec::new(),
    }
}

/// Alternative number `i`, on one or two of the `goals`, put forward by `proposer`; every
/// 17th is hidden.
fn alternative(
    i: usize,
    id: AlternativeId,
    goals: &[GoalId],
    proposer: Option<&ParticipantId>,
) -> Alternative {
    let linked = (0..2).filter_map(|k| goals.get((i + k * 7) % goals.len().max(1)));
    let mut linked: Vec<GoalId> = linked.copied().collect();
    linked.dedup();
    Alternative {
        id,
        title: format!("Альтернатива {}: программа поддержки", i + 1),
        description: "Что это значит на практике, сколько стоит и кто исполняет.".into(),
        goals: linked,
        proposer: proposer.map(|p| Proposer::Participant(*p)),
        pros: vec!["Быстрый эффект".into(), "Поддержка жителей".into()],
        cons: vec!["Нужны средства бюджета".into()],
        status: AlternativeStatus::ALL[i % 5],
        hidden: i.is_multiple_of(17),
        risks: Vec::new(),
        origins: Vec::new(),
    }
}

/// Decision number `i`, on one of the `alternatives` and one of the session's votes in turn.
fn decision(
    s: &Session,
    i: usize,
    id: DecisionId,
    alternatives: &[AlternativeId],
    day: NaiveDate,
) -> Decision {
    Decision {
        id,
        statement: format!("Решение {}: включить меру в план работы", i + 1),
        alternatives: alternatives.iter().skip(i).take(1).copied().collect(),
        vote: s.votes.get(i % s.votes.len().max(1)).map(|v| v.id),
        rationale: "Обоснование решения.".into(),
        dissent: String::new(),
        decided_on: Some(day),
        risks: Vec::new(),
        section: None,
    }
}

/// One agenda item of every kind, each longer than the one before.
fn add_agenda(s: &mut Session) {
    for (i, kind) in AgendaKind::ALL.iter().enumerate() {
        let id = s.allocate_id().into();
        s.agenda.push(AgendaItem {
            id,
            title: format!("Пункт повестки {}", i + 1),
            kind: *kind,
            planned_minutes: 15 + 5 * i as u32,
            ..AgendaItem::default()
        });
    }
}

/// A finding per goal (at least one per quadrant), each on a goal.
fn add_findings(s: &mut Session, goals: &[GoalId]) {
    for i in 0..goals.len().max(4) {
        let id = s.allocate_id().into();
        s.findings.push(Finding {
            id,
            quadrant: Quadrant::ALL[i % 4],
            text: format!("Наблюдение {} об организации и её возможностях", i + 1),
            goal: goals.get(i % goals.len().max(1)).copied(),
        });
    }
}

/// Every group's position on the first 20 alternatives, in round 1.
fn add_positions(s: &mut Session, groups: &[GroupId], alternatives: &[AlternativeId]) {
    for (g, group) in groups.iter().enumerate() {
        for (a, alternative) in alternatives.iter().enumerate().take(20) {
            let id = s.allocate_id().into();
            s.positions.push(Position {
                id,
                group: *group,
                alternative: *alternative,
                stance: Stance::ALL[(g + a) % 6],
                interests: "Интересы и аргументы группы.".into(),
                round: 1,
            });
        }
    }
}

/// Vote number `v` (0-based): a closed Schulze vote on the next five alternatives, with one
/// shuffled ranking from each of `voters`.
fn add_vote(
    s: &mut Session,
    v: usize,
    alternatives: &[AlternativeId],
    voters: &[ParticipantId],
    rng: &mut Rng,
) {
    let on_ballot: Vec<AlternativeId> = alternatives.iter().skip(v * 5).take(5).copied().collect();
    let id = s.allocate_id().into();
    let ballots = voters
        .iter()
        .map(|voter| {
            let mut order = on_ballot.clone();
            for k in (1..order.len()).rev() {
                order.swap(k, rng.below(k + 1));
            }
            Ballot {
                voter: Some(*voter),
                count: 1,
                choice: Choice::Ranking(order.into_iter().map(|a| vec![a]).collect()),
            }
        })
        .collect();
    s.votes.push(Vote {
        id,
        question: format!("Голосование {}: какие меры поддержать?", v + 1),
        alternatives: on_ballot,
        method: VoteMethod::Schulze,
        anonymity: Anonymity::Open,
        status: VoteStatus::Closed,
        rounds: vec![VoteRound {
            number: 1,
            ballots,
            voters: voters.to_vec(),
            ..VoteRound::default()
        }],
        ..Vote::default()
    });
}

/// `count` action items, each owned by a participant and following a decision, in turn.
fn add_actions(
    s: &mut Session,
    count: usize,
    people: &[ParticipantId],
    decisions: &[DecisionId],
    day: NaiveDate,
) {
    for i in 0..count {
        let id = s.allocate_id().into();
        s.actions.push(ActionItem {
            id,
            what: format!("Поручение {}: подготовить предложения", i + 1),
            owners: people
                .get(i % people.len().max(1))
                .copied()
                .into_iter()
                .collect(),
            start: day.checked_add_days(chrono::Days::new(i as u64 % 20)),
            due: day.checked_add_days(chrono::Days::new(30 + i as u64)),
            status: ActionStatus::ALL[i % 4],
            decision: decisions.get(i % decisions.len().max(1)).copied(),
            progress: u8::try_from(i * 7 % 101).unwrap_or(0),
            ..ActionItem::default()
        });
    }
}

/// Ten notes on the first agenda item.
fn add_notes(s: &mut Session) {
    for i in 0..10 {
        let id = s.allocate_id().into();
        s.notes.push(Note {
            id,
            text: format!("Заметка {}", i + 1),
            agenda_item: s.agenda.first().map(|a| a.id),
        });
    }
}

pub mod forum;
