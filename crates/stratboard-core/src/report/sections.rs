//! The protocol of a plenary that brought sections in (issue 27): «Итоги работы секций» /
//! "Results of the sections", and how the rest of the protocol cites a section.
//!
//! Per section, in order of names: its moderator, how many took part, its vote (question,
//! method, ballots), what it brought to the plenary (each alternative with its place in the
//! section's vote and whether the section adopted it) and its decisions with their action
//! items, each marked when the plenary made it its own.
//!
//! The part stands between the situation analysis and the plenary's alternatives: a protocol
//! follows the meeting, and the moderators' reports come before the plenary discusses and
//! votes on what the sections brought. Elsewhere an alternative that came from sections
//! names them («… (секция «Благоустройство»)»), and the plenary's «РЕШИЛИ» and action plan
//! hold only its own decisions and action items ([`plenary_own`]): a section's decision the
//! plenary did not adopt is told here only.
//!
//! A session that brought no section in has no such part, and nothing else changes.

use std::borrow::Cow;

use super::context::Ctx;
use super::document::{Align, Block, Item, Line, Span, labelled};
use super::protocol::quoted;
use crate::model::{
    ActionItem, Alternative, AlternativeId, Decision, FromSection, SectionRecord, Session,
    SessionId,
};
use crate::sections::place_words;

/// «Итоги работы секций»: nothing when the session brought no section in.
pub(super) fn section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    if cx.session.sections.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, cx.tr.t("report-sections")));
    for (n, record) in in_order(cx.session).into_iter().enumerate() {
        record_blocks(cx, n + 1, record, blocks);
    }
}

/// The section records in order of their names (then identities): the order the merge keeps,
/// made sure of.
fn in_order(session: &Session) -> Vec<&SectionRecord> {
    let mut records: Vec<&SectionRecord> = session.sections.iter().collect();
    records.sort_by_cached_key(|r| (name_key(&r.name), r.id.clone()));
    records
}

/// A name as sections are ordered by: spaces folded, lower case, «ё» as «е».
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

/// One section: its heading, facts, what it brought and its decisions.
fn record_blocks(cx: &Ctx<'_>, n: usize, record: &SectionRecord, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let name = tr.with("report-section-heading", "name", record.name.trim());
    blocks.push(Block::heading(3, format!("{n}. {name}")));
    for line in facts(cx, record) {
        blocks.push(paragraph(line));
    }
    let brought = brought_items(cx, &record.id);
    if !brought.is_empty() {
        blocks.push(paragraph(vec![Span::bold(format!(
            "{}:",
            tr.t("report-section-brought")
        ))]));
        blocks.push(Block::List(brought));
    }
    decision_blocks(cx, &record.id, blocks);
}

fn paragraph(line: Line) -> Block {
    Block::Paragraph {
        line,
        align: Align::Left,
    }
}

/// Moderator, how many took part, the section's vote.
fn facts(cx: &Ctx<'_>, record: &SectionRecord) -> Vec<Line> {
    let tr = &cx.tr;
    let mut lines = Vec::new();
    if !record.facilitator.trim().is_empty() {
        lines.push(labelled(
            &tr.t("report-section-moderator"),
            record.facilitator.trim(),
        ));
    }
    lines.push(labelled(
        &tr.t("report-section-participants"),
        tr.n("report-present-count", i64::from(record.participants)),
    ));
    let vote = match &record.vote {
        Some(vote) => {
            let method = crate::sections::method_words(tr, vote);
            let ballots = crate::sections::ballots_words(tr, vote);
            let on_ballot = tr.n("report-section-on-ballot", i64::from(vote.on_ballot));
            format!(
                "{} ({method}; {}; {})",
                quoted(tr, vote.question.trim()),
                number_joined(&ballots),
                number_joined(&on_ballot)
            )
        }
        None => tr.t("report-section-no-vote"),
    };
    lines.push(labelled(&tr.t("report-section-vote"), vote));
    lines
}

/// `text` with each space after a digit made a no-break space: «12 бюллетеней» never
/// breaks between the number and its word.
fn number_joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_digit = false;
    for c in text.chars() {
        out.push(if c == ' ' && after_digit { '\u{a0}' } else { c });
        after_digit = c.is_ascii_digit();
    }
    out
}

/// The plenary's (revealed) alternatives that came from the section, best placed first:
/// «Title — 1-е место из 6; принята секцией», and the plenary's title when it differs (a
/// combined alternative).
fn brought_items(cx: &Ctx<'_>, section: &SessionId) -> Vec<Item> {
    let tr = &cx.tr;
    let mut brought: Vec<(&Alternative, &crate::model::SectionOrigin)> = cx
        .session
        .alternatives
        .iter()
        .filter(|a| !a.hidden)
        .flat_map(|a| {
            a.origins
                .iter()
                .filter(|o| &o.section == section)
                .map(move |o| (a, o))
        })
        .collect();
    // Stable: alternatives of the same place keep the plenary's order.
    brought.sort_by_key(|(_, origin)| origin.place.map_or(u32::MAX, |p| p.place));
    brought
        .into_iter()
        .enumerate()
        .map(|(i, (alternative, origin))| {
            let mut text = origin.title.trim().to_owned();
            let mut words = Vec::new();
            if let Some(place) = origin.place {
                words.push(place_words(tr, place));
            }
            if origin.adopted {
                words.push(tr.t("section-adopted-there"));
            }
            if alternative.title.trim() != origin.title.trim() {
                words.push(tr.with(
                    "report-section-in-plenary",
                    "title",
                    &quoted(tr, alternative.title.trim()),
                ));
            }
            if !words.is_empty() {
                text.push_str(&format!(" — {}", words.join("; ")));
            }
            Item::numbered(i + 1, vec![Span::plain(text)])
        })
        .collect()
}

fn from_section(from: Option<&FromSection>, section: &SessionId) -> bool {
    from.is_some_and(|f| &f.section == section)
}

/// «Решения секции»: each decision with its alternatives, the mark when the plenary adopted
/// it, and its action items; then the section's action items under no decision.
fn decision_blocks(cx: &Ctx<'_>, section: &SessionId, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let session = cx.session;
    let decisions: Vec<&Decision> = session
        .decisions
        .iter()
        .filter(|d| from_section(d.section.as_ref(), section))
        .collect();
    if !decisions.is_empty() {
        blocks.push(paragraph(vec![Span::bold(format!(
            "{}:",
            tr.t("report-section-decisions")
        ))]));
        let items = decisions
            .iter()
            .enumerate()
            .map(|(i, decision)| decision_item(cx, i + 1, decision))
            .collect();
        blocks.push(Block::List(items));
    }
    let loose: Vec<Item> = session
        .actions
        .iter()
        .filter(|a| from_section(a.section.as_ref(), section))
        .filter(|a| {
            a.decision
                .and_then(|d| session.decision(d))
                .is_none_or(|d| !from_section(d.section.as_ref(), section))
        })
        .map(|a| Item::bullet(vec![Span::plain(action_text(cx, a))]))
        .collect();
    if !loose.is_empty() {
        blocks.push(paragraph(vec![Span::bold(format!(
            "{}:",
            tr.t("report-section-actions")
        ))]));
        blocks.push(Block::List(loose));
    }
}

fn decision_item(cx: &Ctx<'_>, n: usize, decision: &Decision) -> Item {
    let tr = &cx.tr;
    let mut line = vec![Span::plain(decision.statement.clone())];
    if decision.section.as_ref().is_some_and(|f| f.adopted) {
        line.push(Span::plain(" ("));
        line.push(Span::bold(tr.t("report-section-adopted-by-plenary")));
        line.push(Span::plain(")"));
    }
    let mut details = Vec::new();
    let alternatives: Vec<String> = decision
        .alternatives
        .iter()
        .filter(|id| cx.session.alternative(**id).is_some_and(|a| !a.hidden))
        .map(|id| cx.alternative(*id))
        .collect();
    if !alternatives.is_empty() {
        details.push(labelled(
            &tr.t("report-decision-alternatives"),
            alternatives.join("; "),
        ));
    }
    for action in cx
        .session
        .actions
        .iter()
        .filter(|a| a.decision == Some(decision.id))
    {
        details.push(labelled(
            &tr.t("report-section-action"),
            action_text(cx, action),
        ));
    }
    Item {
        details,
        ..Item::numbered(n, line)
    }
}

/// «What — ответственный: X; срок: 1 июля 2018 г.».
fn action_text(cx: &Ctx<'_>, action: &ActionItem) -> String {
    let tr = &cx.tr;
    let mut parts = Vec::new();
    let owners: Vec<String> = action.owners.iter().map(|id| cx.person(*id)).collect();
    if !owners.is_empty() {
        parts.push(format!(
            "{}: {}",
            tr.t("report-section-responsible"),
            owners.join(", ")
        ));
    }
    if let Some(due) = action.due {
        parts.push(format!("{}: {}", tr.t("report-section-due"), cx.date(due)));
    }
    if parts.is_empty() {
        action.what.clone()
    } else {
        format!("{} — {}", action.what, parts.join("; "))
    }
}

/// An alternative's title with the sections it came from, as votes and decisions cite it:
/// «Title (секция «Благоустройство»)», «Title (секции «Благоустройство», «Развитие ТОС»)».
/// A hidden alternative, or one of the plenary's own, is named as ever.
pub(super) fn cited(cx: &Ctx<'_>, id: AlternativeId) -> String {
    let title = cx.alternative(id);
    match cx.session.alternative(id) {
        Some(alternative) if !alternative.hidden => match citation(cx, alternative) {
            Some(cite) => format!("{title} ({cite})"),
            None => title,
        },
        _ => title,
    }
}

/// «секция «Благоустройство»» / «секции «А», «Б»»; `None` for the plenary's own alternative.
pub(super) fn citation(cx: &Ctx<'_>, alternative: &Alternative) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for origin in &alternative.origins {
        let name = cx.session.section_record(&origin.section).map_or_else(
            || origin.section.short().to_owned(),
            |r| r.name.trim().to_owned(),
        );
        let name = quoted(&cx.tr, &name);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return None;
    }
    Some(cx.tr.args(
        "report-from-sections",
        &[
            ("count", (names.len() as i64).into()),
            ("names", names.join(", ").into()),
        ],
    ))
}

/// Where the alternative came from, for the alternatives' list: a line per section, «Из
/// секции: «Благоустройство» (модератор Сидоров П. П.) — 1-е место из 6, Метод Борда,
/// 12 бюллетеней; принята секцией».
pub(super) fn origin_lines(cx: &Ctx<'_>, alternative: &Alternative) -> Vec<Line> {
    let tr = &cx.tr;
    alternative
        .origins
        .iter()
        .map(|origin| {
            let record = cx.session.section_record(&origin.section);
            let name = record.map_or_else(
                || origin.section.short().to_owned(),
                |r| r.name.trim().to_owned(),
            );
            let mut text = quoted(tr, &name);
            if let Some(moderator) = record
                .map(|r| r.facilitator.trim())
                .filter(|m| !m.is_empty())
            {
                text.push_str(&format!(
                    " ({})",
                    tr.with("report-section-moderated-by", "name", moderator)
                ));
            }
            let words = crate::sections::origin_words(tr, cx.session, origin);
            if !words.is_empty() {
                text.push_str(&format!(" — {words}"));
            }
            labelled(&tr.t("report-from-section"), text)
        })
        .collect()
}

/// The label for a decision the plenary adopted from a section, and the section's name.
pub(super) fn adopted_from(cx: &Ctx<'_>, decision: &Decision) -> Option<Line> {
    let from = decision.section.as_ref()?;
    let name = cx.session.section_record(&from.section).map_or_else(
        || from.section.short().to_owned(),
        |r| r.name.trim().to_owned(),
    );
    Some(labelled(
        &cx.tr.t("report-decision-from-section"),
        quoted(&cx.tr, &name),
    ))
}

/// The session as the plenary's own parts («РЕШИЛИ», the action plan, risks, the review)
/// read it: [`Session::plenary_own`].
pub(super) fn plenary_own(session: &Session) -> Cow<'_, Session> {
    session.plenary_own()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::{DecisionId, SectionOrigin};
    use crate::report::Zone;

    fn from(section: &str, adopted: bool) -> Option<FromSection> {
        Some(FromSection {
            section: SessionId(section.into()),
            id: 1,
            adopted,
        })
    }

    fn plenary() -> Session {
        let mut session = Session::new("Пленарное заседание");
        for (name, id) in [("Молодёжь", "s-youth"), ("Благоустройство", "s-yard")]
        {
            session.sections.push(SectionRecord {
                id: SessionId(id.into()),
                name: name.into(),
                ..SectionRecord::default()
            });
        }
        for (id, section, adopted) in [(1, None, false), (2, Some("s-yard"), true)]
            .into_iter()
            .chain([(3, Some("s-youth"), false)])
        {
            session.decisions.push(Decision {
                id: DecisionId(id),
                statement: format!("Решение {id}"),
                section: section.and_then(|s| from(s, adopted)),
                ..Decision::default()
            });
            session.actions.push(ActionItem {
                id: crate::model::ActionId(10 + id),
                what: format!("Поручение {id}"),
                decision: Some(DecisionId(id)),
                section: section.and_then(|s| from(s, adopted)),
                ..ActionItem::default()
            });
        }
        session
    }

    #[test]
    fn a_number_keeps_its_word_on_the_same_line() {
        assert_eq!(
            number_joined("в бюллетене 12 альтернатив"),
            "в бюллетене 12\u{a0}альтернатив"
        );
    }

    #[test]
    fn the_plenarys_own_leaves_out_what_it_did_not_adopt_and_borrows_when_nothing_is() {
        let session = plenary();
        let own = plenary_own(&session);
        let ids: Vec<u32> = own.decisions.iter().map(|d| d.id.0).collect();
        assert_eq!(ids, [1, 2]);
        let actions: Vec<u32> = own.actions.iter().map(|a| a.id.0).collect();
        assert_eq!(actions, [11, 12]);
        let plain = Session::new("Без секций");
        assert!(matches!(plenary_own(&plain), Cow::Borrowed(_)));
    }

    #[test]
    fn sections_are_told_in_order_of_names_and_a_combined_alternative_cites_each_once() {
        let mut session = plenary();
        let names: Vec<&str> = in_order(&session).iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Благоустройство", "Молодёжь"]);
        let origin = |section: &str, alternative: u32| SectionOrigin {
            section: SessionId(section.into()),
            alternative: AlternativeId(alternative),
            ..SectionOrigin::default()
        };
        session.alternatives.push(Alternative {
            id: AlternativeId(50),
            title: "Народный бюджет".into(),
            origins: vec![
                origin("s-yard", 1),
                origin("s-youth", 2),
                origin("s-yard", 3),
            ],
            ..Alternative::default()
        });
        session.alternatives.push(Alternative {
            id: AlternativeId(51),
            title: "Скрытая идея".into(),
            hidden: true,
            origins: vec![origin("s-yard", 4)],
            ..Alternative::default()
        });
        let cx = Ctx::new(&session, Language::Russian, Zone::Local);
        assert_eq!(
            cited(&cx, AlternativeId(50)),
            "Народный бюджет (секции «Благоустройство», «Молодёжь»)"
        );
        assert!(!cited(&cx, AlternativeId(51)).contains("секци"), "hidden");
        let mut blocks = Vec::new();
        section(&cx, &mut blocks);
        let text = format!("{blocks:?}");
        assert!(text.contains("Итоги работы секций"));
        assert!(!text.contains("Скрытая идея"), "a hidden idea stays out");
        assert!(text.contains("Решение 3") && text.contains("Поручение 3"));
    }
}
