//! The passport of an initiative (паспорт инициативы): one alternative taken forward, on one
//! or two A4 pages — what it is and its status, the goals it serves with their indicators,
//! the decisions that adopt it, the action items that carry those out (responsible,
//! co-executors, dates, progress), its risks and the stakeholder groups' positions. A
//! [`Document`] like the protocol, so the DOCX and PDF writers render it.
//!
//! Any alternative the room has seen may have a passport; one that is not adopted says so
//! at the top (a draft passport for an initiative still under discussion). In a plenary, an
//! alternative brought from sections names them and its place there, and only the plenary's
//! own decisions count (a section's it did not adopt are not).

use std::collections::HashSet;

use super::context::Ctx;
use super::document::{Align, Block, Document, Item, Signature, Span, Table, labelled};
use super::plan;
use super::protocol::quoted;
use super::zone::Zone;
use crate::i18n::Language;
use crate::i18n::labels::Named;
use crate::model::{Alternative, AlternativeId, AlternativeStatus, DecisionId, Proposer, Session};

/// Why there is no passport.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassportError {
    /// No alternative has this id.
    #[error("the session has no alternative {0}")]
    NoSuchAlternative(u32),
    /// The alternative is an idea not yet revealed to the room.
    #[error("alternative {0} is an idea not yet revealed to the room")]
    Hidden(u32),
}

/// The passport of `alternative` in `language`, times in `zone`.
pub fn build(
    session: &Session,
    alternative: AlternativeId,
    language: Language,
    zone: Zone,
) -> Result<Document, PassportError> {
    let Some(found) = session.alternative(alternative) else {
        return Err(PassportError::NoSuchAlternative(alternative.0));
    };
    if found.hidden {
        return Err(PassportError::Hidden(alternative.0));
    }
    // As in the protocol: a section's decision the plenary did not adopt is not its own.
    let own = super::sections::plenary_own(session);
    let session = own.as_ref();
    let cx = Ctx::new(session, language, zone);
    let decisions: HashSet<DecisionId> = session
        .decisions
        .iter()
        .filter(|d| d.alternatives.contains(&alternative))
        .map(|d| d.id)
        .collect();
    let mut blocks = Vec::new();
    header(&cx, found, &mut blocks);
    goals(&cx, found, &mut blocks);
    decisions_part(&cx, &decisions, &mut blocks);
    actions(&cx, &decisions, &mut blocks);
    risks(&cx, found, &decisions, &mut blocks);
    positions(&cx, found, &mut blocks);
    blocks.push(Block::Signatures(vec![Signature {
        role: cx.tr.t("passport-sign"),
        name: String::new(),
    }]));
    let mut document = Document {
        title: format!("{} — {}", cx.tr.t("passport-heading"), found.title),
        language: match language {
            Language::Russian => "ru",
            Language::English => "en",
        },
        date: session.meta.end.or(session.meta.start),
        page_word: cx.tr.t("report-page"),
        of_word: cx.tr.t("report-of"),
        blocks,
    };
    document.clean();
    Ok(document)
}

fn header(cx: &Ctx<'_>, alternative: &Alternative, blocks: &mut Vec<Block>) {
    let (tr, meta) = (&cx.tr, &cx.session.meta);
    if !meta.organisation.trim().is_empty() {
        blocks.push(centred(Span::bold(meta.organisation.clone())));
    }
    blocks.push(Block::heading(1, tr.t("passport-heading")));
    blocks.push(centred(Span::bold(quoted(tr, &alternative.title))));
    if alternative.status != AlternativeStatus::Adopted {
        blocks.push(centred(Span::plain(tr.with(
            "passport-not-adopted",
            "status",
            &alternative.status.name(tr).to_lowercase(),
        ))));
    }
    let mut session = quoted(tr, &meta.title);
    if let Some(start) = meta.start {
        session = format!("{session}, {}", tr.date_range(start, meta.end));
    }
    blocks.push(Block::field(&tr.t("passport-session"), session));
    blocks.push(Block::field(
        &tr.t("report-status"),
        alternative.status.name(tr),
    ));
    if let Some(proposer) = alternative.proposer {
        let who = match proposer {
            Proposer::Participant(id) => cx.person(id),
            Proposer::Group(id) => cx.group(id),
        };
        blocks.push(Block::field(&tr.t("report-proposed-by"), who));
    }
    for line in super::sections::origin_lines(cx, alternative) {
        blocks.push(Block::Paragraph {
            line,
            align: Align::Left,
        });
    }
    if !alternative.description.trim().is_empty() {
        blocks.push(Block::field(
            &tr.t("passport-description"),
            alternative.description.clone(),
        ));
    }
}

fn centred(span: Span) -> Block {
    Block::Paragraph {
        line: vec![span],
        align: Align::Center,
    }
}

fn goals(cx: &Ctx<'_>, alternative: &Alternative, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let served: Vec<_> = session
        .goals
        .iter()
        .filter(|g| alternative.goals.contains(&g.id))
        .collect();
    if served.is_empty() {
        return;
    }
    let indicators = plan::indicators_table(cx, |id| alternative.goals.contains(&id));
    let heading = if indicators.is_some() {
        "passport-goals"
    } else {
        "report-goals"
    };
    blocks.push(Block::heading(2, tr.t(heading)));
    blocks.push(Block::List(
        served
            .iter()
            .enumerate()
            .map(|(n, goal)| Item::numbered(n + 1, vec![Span::plain(goal.title.clone())]))
            .collect(),
    ));
    if let Some(table) = indicators {
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(tr.t("report-indicators"))],
            align: Align::Left,
        });
        blocks.push(Block::text(tr.t("report-indicators-legend")));
        blocks.push(table);
    }
}

fn decisions_part(cx: &Ctx<'_>, decisions: &HashSet<DecisionId>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let items: Vec<Item> = session
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| decisions.contains(&d.id))
        .map(|(n, decision)| {
            let mut details = Vec::new();
            if let Some(date) = decision.decided_on {
                details.push(labelled(&tr.t("report-decided-on"), cx.date(date)));
            }
            if !decision.rationale.trim().is_empty() {
                details.push(labelled(
                    &tr.t("report-rationale"),
                    decision.rationale.clone(),
                ));
            }
            Item {
                details,
                ..Item::numbered(n + 1, vec![Span::plain(decision.statement.clone())])
            }
        })
        .collect();
    blocks.push(Block::heading(2, tr.t("report-decisions")));
    if items.is_empty() {
        blocks.push(Block::text(tr.t("passport-no-decision")));
    } else {
        blocks.push(Block::List(items));
    }
}

fn actions(cx: &Ctx<'_>, decisions: &HashSet<DecisionId>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let rows: Vec<Vec<String>> = session
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.decision.is_some_and(|d| decisions.contains(&d)))
        .map(|(i, action)| plan::roadmap_row(cx, i + 1, action))
        .collect();
    if rows.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-roadmap")));
    if let Some(day) = plan::today(session) {
        blocks.push(Block::text(tr.with(
            "report-roadmap-today",
            "date",
            &cx.date(day),
        )));
    }
    blocks.push(Block::Table(Table {
        header: plan::roadmap_header(tr),
        widths: plan::ROADMAP_WIDTHS.to_vec(),
        rows,
    }));
    let ours = |a: &crate::model::ActionItem| a.decision.is_some_and(|d| decisions.contains(&d));
    if let Some(timeline) = plan::timeline(cx, ours) {
        blocks.push(Block::Timeline(timeline));
    }
}

fn risks(
    cx: &Ctx<'_>,
    alternative: &Alternative,
    decisions: &HashSet<DecisionId>,
    blocks: &mut Vec<Block>,
) {
    let all = plan::risks_of(cx, |d| decisions.contains(&d), |a| a == alternative.id);
    if all.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, cx.tr.t("report-risks")));
    blocks.push(plan::risk_table(cx, &all));
}

fn positions(cx: &Ctx<'_>, alternative: &Alternative, blocks: &mut Vec<Block>) {
    let list: Vec<_> = cx
        .session
        .positions
        .iter()
        .filter(|p| p.alternative == alternative.id)
        .collect();
    if list.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, cx.tr.t("passport-positions")));
    let start = blocks.len();
    super::protocol::position_table(cx, &list, blocks);
    // The heading says what the table's own caption would.
    if blocks.len() == start + 2 {
        blocks.remove(start);
    }
}
