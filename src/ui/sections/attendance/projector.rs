//! The projector's registration screen: the quorum, big, and how it is made up — for the chair
//! to announce that the meeting may decide.

use egui::{Align, Layout, RichText, Ui};

use crate::ui::projector::{Ctx, empty};
use crate::ui::quorum::{QuorumState, quorum_line, quorum_parts};
use crate::ui::theme;

/// The quorum as it stands.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let tr = cx.board.tr;
    let session = cx.board.session;
    let Some((line, state)) = quorum_line(tr, session) else {
        empty(ui, cx);
        return;
    };
    let count = session.quorum_count();
    let colour = match state {
        QuorumState::Met => cx.pal.status(theme::STABLE),
        QuorumState::NotMet => cx.pal.amber,
        QuorumState::Counted => cx.pal.text,
    };
    let guests = session
        .participants
        .iter()
        .filter(|p| !p.voting && session.attendance.is_here(p.id))
        .count();
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(cx.gap() * 4.0);
        ui.label(
            RichText::new(line)
                .size(theme::HEADING_SIZE * 2.0 * cx.scale)
                .family(theme::bold())
                .color(colour),
        );
        ui.add_space(cx.gap());
        ui.label(
            cx.body(quorum_parts(tr, session, &count))
                .size(theme::HEADING_SIZE * cx.scale),
        );
        if count.rule.is_some() {
            ui.add_space(cx.gap());
            let rule = tr.args(
                "attendance-projector-needed",
                &[
                    ("needed", count.needed.into()),
                    ("members", count.members.into()),
                ],
            );
            ui.label(cx.body(rule));
        }
        if guests > 0 {
            ui.add_space(cx.gap());
            ui.label(cx.small(tr.n("attendance-projector-guests", guests as i64)));
        }
    });
}
