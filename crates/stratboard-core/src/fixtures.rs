//! Generated sessions for benchmarks and tests: sizes that a real session rarely reaches, with
//! every kind of entity and reference filled in, deterministic for a given size.

use chrono::NaiveDate;

use crate::model::{
    ActionItem, ActionStatus, AgendaItem, AgendaKind, Alternative, AlternativeId,
    AlternativeStatus, Anonymity, Ballot, Choice, Decision, Finding, Goal, GoalId, GroupId, Meta,
    Note, Participant, ParticipantId, Position, Priority, Proposer, Quadrant, Session,
    SessionFormat, StakeholderGroup, Stance, Vote, VoteMethod, VoteRound, VoteStatus,
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
    s.meta = Meta {
        title: s.meta.title.clone(),
        organisation: "Совет муниципальных образований".into(),
        format: SessionFormat::RoundTable,
        start: Some(day),
        end: day.succ_opt(),
        venue: "Зал заседаний".into(),
        facilitator: None,
        secretary: None,
        purpose: "Сблизить позиции и выбрать приоритеты развития на три года.".into(),
        language: Some(crate::model::Language::Russian),
    };
    let groups: Vec<GroupId> = (0..size.groups)
        .map(|i| {
            let id = GroupId(s.allocate_id());
            s.stakeholder_groups.push(StakeholderGroup {
                id,
                name: format!("Группа {} — отраслевые руководители", i + 1),
                description: "Интересы группы и её ожидания от сессии.".into(),
                influence: (1 + i % 5) as u8,
                interest: (1 + (i * 3) % 5) as u8,
                vote_weight: None,
            });
            id
        })
        .collect();
    let people: Vec<ParticipantId> = (0..size.participants)
        .map(|i| {
            let id = ParticipantId(s.allocate_id());
            s.participants.push(Participant {
                id,
                name: format!("Участник Иванов-{} Пётр Сергеевич", i + 1),
                position: "начальник отдела".into(),
                organisation: "Администрация района".into(),
                group: groups.get(i % groups.len().max(1)).copied(),
                code: None,
                contact: String::new(),
            });
            id
        })
        .collect();
    s.meta.facilitator = people.first().copied();
    s.meta.secretary = people.get(1).copied();
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
    let goals: Vec<GoalId> = (0..size.goals)
        .map(|i| {
            let id = GoalId(s.allocate_id());
            let parent = (i >= 5).then(|| s.goals[i % 5].id);
            s.goals.push(Goal {
                id,
                title: format!("Цель {}: повысить качество услуг", i + 1),
                description: "Как измеряется достижение цели.".into(),
                priority: [Priority::High, Priority::Medium, Priority::Low][i % 3],
                parent,
            });
            id
        })
        .collect();
    for i in 0..size.goals.max(4) {
        let id = s.allocate_id().into();
        s.findings.push(Finding {
            id,
            quadrant: Quadrant::ALL[i % 4],
            text: format!("Наблюдение {} об организации и её возможностях", i + 1),
            goal: goals.get(i % goals.len().max(1)).copied(),
        });
    }
    let alternatives: Vec<AlternativeId> = (0..size.alternatives)
        .map(|i| {
            let id = AlternativeId(s.allocate_id());
            let linked = (0..2).filter_map(|k| goals.get((i + k * 7) % goals.len().max(1)));
            let mut linked: Vec<GoalId> = linked.copied().collect();
            linked.dedup();
            s.alternatives.push(Alternative {
                id,
                title: format!("Альтернатива {}: программа поддержки", i + 1),
                description: "Что это значит на практике, сколько стоит и кто исполняет.".into(),
                goals: linked,
                proposer: people
                    .get(rng.below(people.len()))
                    .map(|p| Proposer::Participant(*p)),
                pros: vec!["Быстрый эффект".into(), "Поддержка жителей".into()],
                cons: vec!["Нужны средства бюджета".into()],
                status: AlternativeStatus::ALL[i % 5],
                hidden: i % 17 == 0,
            });
            id
        })
        .collect();
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
    for v in 0..size.votes {
        let on_ballot: Vec<AlternativeId> =
            alternatives.iter().skip(v * 5).take(5).copied().collect();
        let id = s.allocate_id().into();
        let voters: Vec<ParticipantId> = people.iter().take(size.ballots).copied().collect();
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
                voters,
                ..VoteRound::default()
            }],
            ..Vote::default()
        });
    }
    let decisions: Vec<_> = (0..size.decisions)
        .map(|i| {
            let id = s.allocate_id().into();
            s.decisions.push(Decision {
                id,
                statement: format!("Решение {}: включить меру в план работы", i + 1),
                alternatives: alternatives.iter().skip(i).take(1).copied().collect(),
                vote: s.votes.get(i % s.votes.len().max(1)).map(|v| v.id),
                rationale: "Обоснование решения.".into(),
                dissent: String::new(),
                decided_on: Some(day),
            });
            id
        })
        .collect();
    for i in 0..size.actions {
        let id = s.allocate_id().into();
        s.actions.push(ActionItem {
            id,
            what: format!("Поручение {}: подготовить предложения", i + 1),
            owners: people
                .get(i % people.len().max(1))
                .copied()
                .into_iter()
                .collect(),
            due: day.checked_add_days(chrono::Days::new(30 + i as u64)),
            status: ActionStatus::ALL[i % 4],
            decision: decisions.get(i % decisions.len().max(1)).copied(),
            carried_over: None,
        });
    }
    for i in 0..10 {
        let id = s.allocate_id().into();
        s.notes.push(Note {
            id,
            text: format!("Заметка {}", i + 1),
            agenda_item: s.agenda.first().map(|a| a.id),
        });
    }
    s
}
