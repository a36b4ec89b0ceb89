//! «Выступили» / "Spoke": who took the floor in each speaking round, in the order they spoke,
//! with the time their turn ended. Skipped and waiting speakers are not listed.

use super::context::Ctx;
use super::document::{Align, Block, Item, Span};
use crate::model::{SpeakerWho, TurnStatus};

/// The section, when any agenda item's speaking round has someone who spoke.
pub(super) fn section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let rounds: Vec<(usize, &crate::model::AgendaItem)> = session
        .agenda
        .iter()
        .enumerate()
        .filter(|(_, item)| item.speakers.iter().any(|s| s.status == TurnStatus::Spoke))
        .collect();
    if rounds.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-speaking")));
    for (index, item) in rounds {
        blocks.push(Block::Paragraph {
            line: vec![Span::bold(format!("{}. {}", index + 1, item.title))],
            align: Align::Left,
        });
        let items = item
            .spoken()
            .into_iter()
            .enumerate()
            .map(|(n, speaker)| {
                let mut text = match speaker.who {
                    SpeakerWho::Participant(id) => {
                        let mut text = cx.person(id);
                        if let Some(p) = session.participant(id) {
                            for extra in [&p.position, &p.organisation] {
                                if !extra.trim().is_empty() {
                                    text.push_str(", ");
                                    text.push_str(extra);
                                }
                            }
                            if let Some(group) = p.group.and_then(|g| session.group(g)) {
                                text.push_str(&format!(" ({})", group.name));
                            }
                        }
                        text
                    }
                    SpeakerWho::Group(id) => {
                        format!("{} ({})", cx.group(id), tr.t("report-speaking-for-group"))
                    }
                };
                if let Some(at) = speaker.spoke_at {
                    text.push_str(&format!(" — {}", at.format("%H:%M")));
                }
                Item::numbered(n + 1, vec![Span::plain(text)])
            })
            .collect();
        blocks.push(Block::List(items));
    }
}
