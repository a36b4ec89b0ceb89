//! Builds the protocol [`Document`] of a session: the structure of an official Russian
//! protocol (or English minutes) — header, chair and secretary, present, absent and invited
//! ([`super::attendance`]; «Участники» when nobody was registered), agenda, goals,
//! situation analysis, in a plenary the results of its sections ([`super::sections`]),
//! alternatives with the groups' positions, votes, РЕШИЛИ, action plan, signatures.
//!
//! What the room has not seen stays out: hidden alternatives appear only as a count, the
//! results of a vote whose results are shown after closing appear only once it is closed, and
//! voters are named only in open votes.

use std::collections::HashMap;

use super::context::Ctx;
use super::document::{Align, Block, Document, Item, Signature, Span, Table, labelled};
use super::votes::vote_blocks;
use super::zone::Zone;
use crate::i18n::labels::Named;
use crate::i18n::{Language, Tr};
use crate::model::{Alternative, GoalId, ParticipantId, Position, Proposer, Quadrant, Session};

/// The protocol of `session` in `language`, its times in this computer's time zone.
pub fn build(session: &Session, language: Language) -> Document {
    build_in(session, language, Zone::Local)
}

/// The protocol of `session` in `language`, its times in `zone`.
pub fn build_in(session: &Session, language: Language, zone: Zone) -> Document {
    // The plenary's own parts read it without the sections' decisions it did not adopt;
    // «Итоги работы секций» reads it whole.
    let own = super::sections::plenary_own(session);
    let cx = Ctx::new(&own, language, zone);
    let tr = &cx.tr;
    let mut blocks = Vec::new();
    header(&cx, &mut blocks);
    super::attendance::section(&cx, &mut blocks);
    agenda(&cx, &mut blocks);
    super::speaking::section(&cx, &mut blocks);
    goals(&cx, &mut blocks);
    super::plan::indicators_section(&cx, &mut blocks);
    situation(&cx, &mut blocks);
    if !session.sections.is_empty() {
        let whole = Ctx::new(session, language, zone);
        super::sections::section(&whole, &mut blocks);
    }
    alternatives(&cx, &mut blocks);
    if !session.votes.is_empty() {
        blocks.push(Block::heading(2, tr.t("report-votes")));
        for (index, vote) in session.votes.iter().enumerate() {
            blocks.extend(vote_blocks(&cx, index, vote));
        }
    }
    super::convergence::section(&cx, &mut blocks);
    decisions(&cx, &mut blocks);
    super::plan::risks_section(&cx, &mut blocks);
    if super::plan::has_roadmap(session) {
        super::plan::roadmap_section(&cx, &mut blocks);
        super::plan::roles_section(&cx, &mut blocks);
    } else {
        actions(&cx, &mut blocks);
    }
    super::plan::review_section(&cx, &mut blocks);
    notes(&cx, &mut blocks);
    signatures(&cx, &mut blocks);
    let title = format!("{} — {}", tr.t("report-heading"), session.meta.title);
    let mut document = Document {
        title,
        date: session
            .meta
            .end
            .or(session.meta.start)
            .or_else(|| session.decisions.iter().filter_map(|d| d.decided_on).max()),
        language: match language {
            Language::Russian => "ru",
            Language::English => "en",
        },
        page_word: tr.t("report-page"),
        of_word: tr.t("report-of"),
        blocks,
    };
    document.clean();
    document
}

fn centred(text: impl Into<String>, bold: bool) -> Block {
    let text = text.into();
    Block::Paragraph {
        line: vec![if bold {
            Span::bold(text)
        } else {
            Span::plain(text)
        }],
        align: Align::Center,
    }
}

fn header(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, meta) = (&cx.tr, &cx.session.meta);
    if !meta.organisation.trim().is_empty() {
        blocks.push(centred(meta.organisation.clone(), true));
    }
    blocks.push(Block::heading(1, tr.t("report-heading")));
    blocks.push(centred(quoted(tr, &meta.title), true));
    if let Some(start) = meta.start {
        blocks.push(Block::field(
            &tr.t("report-date"),
            tr.date_range(start, meta.end),
        ));
    }
    if !meta.venue.trim().is_empty() {
        blocks.push(Block::field(&tr.t("report-venue"), meta.venue.clone()));
    }
    blocks.push(Block::field(&tr.t("report-format"), meta.format.name(tr)));
    if !meta.purpose.trim().is_empty() {
        blocks.push(Block::field(&tr.t("report-purpose"), meta.purpose.clone()));
    }
    if let Some(id) = meta.facilitator {
        blocks.push(Block::field(
            &tr.t("report-facilitator"),
            cx.person_with_title(id),
        ));
    }
    if let Some(id) = meta.secretary {
        blocks.push(Block::field(
            &tr.t("report-secretary"),
            cx.person_with_title(id),
        ));
    }
}

/// Text in the language's quotation marks: «…» or “…”.
pub(super) fn quoted(tr: &Tr, text: &str) -> String {
    match tr.language() {
        Language::Russian => format!("«{text}»"),
        Language::English => format!("“{text}”"),
    }
}

fn agenda(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.agenda.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-agenda")));
    let items = session
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut text = item.title.clone();
            if item.planned_minutes > 0 {
                text.push_str(&format!(
                    " ({})",
                    tr.n("report-minutes", i64::from(item.planned_minutes))
                ));
            }
            Item::numbered(i + 1, vec![Span::plain(text)])
        })
        .collect();
    blocks.push(Block::List(items));
}

fn goals(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.goals.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-goals")));
    let mut items = Vec::new();
    let mut children: HashMap<Option<GoalId>, Vec<usize>> = HashMap::new();
    for (i, goal) in session.goals.iter().enumerate() {
        let parent = goal.parent.filter(|p| session.goal(*p).is_some());
        children.entry(parent).or_default().push(i);
    }
    // Depth-first with an explicit stack: (goal index, depth, number prefix).
    let mut stack: Vec<(usize, u8, String)> = children
        .get(&None)
        .map(|roots| {
            roots
                .iter()
                .enumerate()
                .rev()
                .map(|(n, i)| (*i, 0, format!("{}.", n + 1)))
                .collect()
        })
        .unwrap_or_default();
    while let Some((index, depth, marker)) = stack.pop() {
        let Some(goal) = session.goals.get(index) else {
            continue;
        };
        let mut details = Vec::new();
        if !goal.description.trim().is_empty() {
            details.push(vec![Span::plain(goal.description.clone())]);
        }
        items.push(Item {
            marker: marker.clone(),
            level: depth,
            line: vec![
                Span::plain(goal.title.clone()),
                Span::plain(format!(
                    " ({})",
                    tr.with(
                        "report-priority",
                        "priority",
                        &goal.priority.name(tr).to_lowercase()
                    )
                )),
            ],
            details,
        });
        if let Some(kids) = children.get(&Some(goal.id)) {
            for (n, child) in kids.iter().enumerate().rev() {
                stack.push((
                    *child,
                    depth.saturating_add(1),
                    format!("{marker}{}.", n + 1),
                ));
            }
        }
    }
    blocks.push(Block::List(items));
}

fn situation(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.findings.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-situation")));
    for quadrant in Quadrant::ALL {
        let items: Vec<Item> = session
            .findings
            .iter()
            .filter(|f| f.quadrant == quadrant)
            .map(|f| Item::bullet(vec![Span::plain(f.text.clone())]))
            .collect();
        if items.is_empty() {
            continue;
        }
        blocks.push(Block::heading(3, quadrant.name(tr)));
        blocks.push(Block::List(items));
    }
}

fn alternatives(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.alternatives.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-alternatives")));
    let mut positions: HashMap<crate::model::AlternativeId, Vec<&Position>> = HashMap::new();
    for position in &session.positions {
        positions
            .entry(position.alternative)
            .or_default()
            .push(position);
    }
    let visible = session.alternatives.iter().filter(|a| !a.hidden);
    for (n, alternative) in visible.enumerate() {
        blocks.push(Block::heading(
            3,
            format!("{}. {}", n + 1, alternative.title),
        ));
        alternative_body(cx, alternative, blocks);
        if let Some(list) = positions.get(&alternative.id) {
            position_table(cx, list, blocks);
        }
    }
    let hidden = session.alternatives.iter().filter(|a| a.hidden).count();
    if hidden > 0 {
        blocks.push(Block::text(
            tr.n("report-hidden-alternatives", hidden as i64),
        ));
    }
}

fn alternative_body(cx: &Ctx<'_>, alternative: &Alternative, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if !alternative.description.trim().is_empty() {
        blocks.push(Block::text(alternative.description.clone()));
    }
    let mut facts = vec![labelled(
        &tr.t("report-status"),
        alternative.status.name(tr),
    )];
    facts.extend(super::sections::origin_lines(cx, alternative));
    if let Some(proposer) = alternative.proposer {
        let who = match proposer {
            Proposer::Participant(id) => cx.person(id),
            Proposer::Group(id) => cx.group(id),
        };
        facts.push(labelled(&tr.t("report-proposed-by"), who));
    }
    let goals: Vec<String> = alternative
        .goals
        .iter()
        .filter_map(|id| session.goal(*id).map(|g| g.title.clone()))
        .collect();
    if !goals.is_empty() {
        facts.push(labelled(&tr.t("report-serves"), goals.join("; ")));
    }
    for line in facts {
        blocks.push(Block::Paragraph {
            line,
            align: Align::Left,
        });
    }
    for (key, list) in [
        ("report-pros", &alternative.pros),
        ("report-cons", &alternative.cons),
    ] {
        if list.is_empty() {
            continue;
        }
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(format!("{}:", tr.t(key)))],
            align: Align::Left,
        });
        blocks.push(Block::List(
            list.iter()
                .map(|text| Item::bullet(vec![Span::plain(text.clone())]))
                .collect(),
        ));
    }
}

/// The groups' latest positions on one alternative, with the stance of the first round when it
/// changed (positions converging is what the session is for).
pub(super) fn position_table(cx: &Ctx<'_>, positions: &[&Position], blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let last_round = positions.iter().map(|p| p.round).max().unwrap_or(1);
    let mut rows = Vec::new();
    for group in &session.stakeholder_groups {
        let mut mine: Vec<&&Position> = positions.iter().filter(|p| p.group == group.id).collect();
        mine.sort_by_key(|p| p.round);
        let (Some(first), Some(latest)) = (mine.first(), mine.last()) else {
            continue;
        };
        let mut stance = latest.stance.name(tr);
        if first.round != latest.round && first.stance != latest.stance {
            stance.push_str(&format!(
                " ({})",
                tr.args(
                    "report-stance-was",
                    &[
                        ("number", i64::from(first.round).into()),
                        ("stance", first.stance.name(tr).to_lowercase().into()),
                    ],
                )
            ));
        }
        rows.push(vec![group.name.clone(), stance, latest.interests.clone()]);
    }
    if rows.is_empty() {
        return;
    }
    let caption = if last_round > 1 {
        tr.args(
            "report-positions-round",
            &[("number", i64::from(last_round).into())],
        )
    } else {
        tr.t("report-positions")
    };
    blocks.push(Block::Paragraph {
        line: vec![Span::bold(caption)],
        align: Align::Left,
    });
    blocks.push(Block::Table(Table {
        header: vec![
            tr.t("report-column-group"),
            tr.t("report-column-position"),
            tr.t("report-column-interests"),
        ],
        widths: vec![30, 20, 50],
        rows,
    }));
}

fn decisions(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.decisions.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-decisions")));
    let items = session
        .decisions
        .iter()
        .enumerate()
        .map(|(i, decision)| {
            let mut details = Vec::new();
            let alternatives: Vec<String> = decision
                .alternatives
                .iter()
                .filter(|id| session.alternative(**id).is_some_and(|a| !a.hidden))
                .map(|id| super::sections::cited(cx, *id))
                .collect();
            if !alternatives.is_empty() {
                details.push(labelled(
                    &tr.t("report-decision-alternatives"),
                    alternatives.join("; "),
                ));
            }
            details.extend(super::sections::adopted_from(cx, decision));
            if let Some(vote) = decision.vote.and_then(|id| session.vote(id)) {
                details.push(labelled(
                    &tr.t("report-decision-vote"),
                    quoted(tr, &vote.question),
                ));
            }
            if !decision.rationale.trim().is_empty() {
                details.push(labelled(
                    &tr.t("report-rationale"),
                    decision.rationale.clone(),
                ));
            }
            if !decision.dissent.trim().is_empty() {
                details.push(labelled(&tr.t("report-dissent"), decision.dissent.clone()));
            }
            if let Some(date) = decision.decided_on {
                details.push(labelled(&tr.t("report-decided-on"), cx.date(date)));
            }
            Item {
                details,
                ..Item::numbered(i + 1, vec![Span::plain(decision.statement.clone())])
            }
        })
        .collect();
    blocks.push(Block::List(items));
}

fn actions(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.actions.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-actions")));
    let decision_number: HashMap<_, usize> = session
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id, i + 1))
        .collect();
    let none = tr.t("report-none");
    let rows = session
        .actions
        .iter()
        .enumerate()
        .map(|(i, action)| {
            let mut what = action.what.clone();
            if let Some(origin) = &action.carried_over {
                let mut from = origin.session.clone();
                if let Some(date) = origin.date {
                    from = format!("{from}, {}", cx.date(date));
                }
                what = format!(
                    "{what} ({})",
                    tr.with("report-carried-over", "session", &from)
                );
            }
            let owners: Vec<String> = action.owners.iter().map(|id| cx.person(*id)).collect();
            vec![
                format!("{}", i + 1),
                what,
                if owners.is_empty() {
                    none.clone()
                } else {
                    owners.join(", ")
                },
                action.due.map_or_else(|| none.clone(), |d| cx.date(d)),
                action.status.name(tr),
                action
                    .decision
                    .and_then(|d| decision_number.get(&d))
                    .map_or_else(|| none.clone(), |n| n.to_string()),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        header: vec![
            tr.t("report-column-number"),
            tr.t("report-column-what"),
            tr.t("report-column-owners"),
            tr.t("report-column-due"),
            tr.t("report-column-status"),
            tr.t("report-column-decision"),
        ],
        widths: vec![5, 38, 20, 14, 12, 11],
        rows,
    }));
}

fn notes(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    if session.notes.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-notes")));
    let items = session
        .notes
        .iter()
        .map(|note| {
            let mut line = Vec::new();
            if let Some(item) = note.agenda_item.and_then(|id| session.agenda_item(id)) {
                line.push(Span::bold(format!("{}: ", item.title)));
            }
            line.push(Span::plain(note.text.clone()));
            Item::bullet(line)
        })
        .collect();
    blocks.push(Block::List(items));
}

fn signatures(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, meta) = (&cx.tr, &cx.session.meta);
    let name = |id: Option<ParticipantId>| id.map(|id| cx.person(id)).unwrap_or_default();
    blocks.push(Block::Signatures(vec![
        Signature {
            role: tr.t("report-sign-facilitator"),
            name: name(meta.facilitator),
        },
        Signature {
            role: tr.t("report-sign-secretary"),
            name: name(meta.secretary),
        },
    ]));
}
