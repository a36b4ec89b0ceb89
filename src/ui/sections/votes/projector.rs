//! The projector's votes screen: every vote that has been opened as a live vote screen
//! (question, ballot, turnout, who has not voted yet, the room's QR code while it is open, and
//! the results once they may be seen), and one vote in the spotlight.

use egui::{FontFamily, FontId, Ui};

use crate::ui::board::Spotlight;
use crate::ui::labels::Named;
use crate::ui::projector::{Ctx, cards, empty};
use crate::ui::theme;
use stratboard_core::i18n::labels::method_key;
use stratboard_core::model::{Alternative, AlternativeId, Vote, VoteMethod, VoteStatus};
use stratboard_core::voting::{Tally, count_round, results_visible};

/// Every vote that has been opened, as a live vote screen; or the vote in the spotlight, big.
pub fn screen(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    if let Some(Spotlight::Vote(id)) = cx.spotlight {
        return match cx.board.session.vote(id) {
            Some(vote) => vote_screen(ui, cx, vote, 1.4),
            None => empty(ui, cx),
        };
    }
    let votes: Vec<&Vote> = cx
        .board
        .session
        .votes
        .iter()
        .filter(|v| v.status != VoteStatus::Draft)
        .collect();
    cards(ui, cx, &votes, cx.gap(), |ui, vote| {
        vote_screen(ui, cx, vote, 1.0)
    });
}

/// How many have voted in a vote's last round (never how).
fn turnout(vote: &Vote) -> u64 {
    vote.rounds.last().map_or(0, |round| {
        let ballots: u64 = round.ballots.iter().map(|b| u64::from(b.count)).sum();
        let hands: u64 = round.hands.iter().map(|h| u64::from(h.count)).sum();
        let voters = u64::try_from(round.voters.len()).unwrap_or(u64::MAX);
        voters.max(ballots + hands)
    })
}

/// The live vote screen: question, ballot, turnout, and the results when they may be seen.
fn vote_screen(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote, size: f32) {
    let tr = cx.board.tr;
    let session = cx.board.session;
    ui.label(
        cx.heading(&vote.question)
            .size(theme::HEADING_SIZE * cx.scale * size),
    );
    ui.horizontal_wrapped(|ui| {
        let status_colour = match vote.status {
            VoteStatus::Open => cx.pal.accent,
            _ => cx.pal.weak,
        };
        cx.chip(ui, vote.status.name(tr), status_colour);
        ui.label(cx.small(tr.t(method_key(&vote.method))));
        if vote.rounds.len() > 1 {
            ui.label(cx.small(tr.n(
                "present-view-round",
                i64::try_from(vote.rounds.len()).unwrap_or(i64::MAX),
            )));
        }
    });
    let on_ballot: Vec<&Alternative> = vote
        .alternatives
        .iter()
        .filter_map(|id| cx.visible_alternative(*id))
        .collect();
    // Once results are shown, the ranking names every alternative.
    if !on_ballot.is_empty() && !results_visible(vote) {
        ui.add_space(cx.gap() / 2.0);
        for alternative in &on_ballot {
            ui.label(cx.body(format!("• {}", alternative.title)));
        }
    }
    ui.add_space(cx.gap() / 2.0);
    let voted = i64::try_from(turnout(vote)).unwrap_or(i64::MAX);
    let total = session.electorate();
    let turnout_text = if total > 0 {
        tr.args(
            "present-view-turnout",
            &[
                ("count", voted.into()),
                ("total", i64::try_from(total).unwrap_or(i64::MAX).into()),
            ],
        )
    } else {
        tr.n("present-view-turnout-bare", voted)
    };
    ui.label(cx.title(turnout_text).color(cx.pal.accent));
    if vote.status == VoteStatus::Closed
        && let Some(attendance) = vote.rounds.last().and_then(|r| r.attendance.as_ref())
    {
        ui.label(cx.body(crate::ui::quorum::round_line(tr, attendance)));
    }
    if vote.status == VoteStatus::Open {
        countdown(ui, cx, vote);
        not_voted_yet(ui, cx, vote);
        if let Some(room) = cx.room {
            room_code(ui, cx, room);
        }
    }

    if !results_visible(vote) {
        if vote.status == VoteStatus::Open {
            ui.label(cx.small(tr.t("present-view-results-after-close")));
        }
        return;
    }
    let Some(round) = vote.rounds.last() else {
        return;
    };
    match count_round(vote, round) {
        Ok(tally) => results(ui, cx, vote, &tally),
        Err(_) => {
            ui.label(cx.body(tr.t("present-view-cannot-count")).color(cx.pal.red));
        }
    }
}

/// A timed vote's time left, as large as the turnout; red in the last ten seconds. The
/// screen is drawn again every quarter second while it counts.
fn countdown(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote) {
    let Some(deadline) = vote.rounds.last().and_then(|round| round.deadline) else {
        return;
    };
    let now = chrono::Utc::now();
    let left = super::board::time_left(deadline, now);
    let text = cx
        .board
        .tr
        .args("votes-time-left", &[("time", left.into())]);
    let colour = if (deadline - now).num_seconds() < 10 {
        cx.pal.red
    } else {
        cx.pal.accent
    };
    ui.label(cx.title(text).color(colour));
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(250));
}

/// "Not voted yet: …" under the turnout, where the room may know (never a secret vote).
fn not_voted_yet(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote) {
    let participants = &cx.board.session.participants;
    let Some(left) = vote.not_voted_yet(participants) else {
        return;
    };
    if left.is_empty() || left.len() == cx.board.session.electorate() {
        return;
    }
    let names: Vec<&str> = left.iter().map(|p| p.name.as_str()).collect();
    let tr = cx.board.tr;
    let text = tr.args(
        "present-view-not-voted",
        &[(
            "names",
            crate::ui::widgets::names_list(tr, &names, 8).into(),
        )],
    );
    ui.label(cx.small(text));
}

/// The room's QR code and address beside "Vote from your phone".
fn room_code(ui: &mut Ui, cx: &Ctx<'_, '_>, room: &str) {
    ui.add_space(cx.gap() / 2.0);
    ui.horizontal(|ui| {
        let side = (200.0 * cx.scale).clamp(120.0, 480.0);
        crate::ui::qr::qr_code(ui, room, side);
        ui.add_space(cx.gap());
        let address = room.trim_start_matches("http://").trim_end_matches('/');
        // Read from the back of the room: as large as the turnout.
        ui.label(cx.title(cx.board.tr.args(
            "present-view-room",
            &[("address", address.to_owned().into())],
        )));
    });
}

/// The name the room may see for an alternative in the results.
fn result_name(cx: &Ctx<'_, '_>, id: AlternativeId) -> String {
    match cx.board.session.alternative(id) {
        Some(a) if !a.hidden => a.title.clone(),
        Some(_) => cx.board.tr.t("present-view-idea-hidden"),
        None => cx.board.tr.t("present-view-unknown"),
    }
}

/// Winners, ranking and a bar chart.
fn results(ui: &mut Ui, cx: &Ctx<'_, '_>, vote: &Vote, tally: &Tally) {
    let tr = cx.board.tr;
    ui.add_space(cx.gap());
    if let Some(consent) = &tally.consent {
        let key = if consent.passed {
            "present-view-passed"
        } else {
            "present-view-not-passed"
        };
        let colour = if consent.passed {
            cx.pal.accent
        } else {
            cx.pal.red
        };
        ui.label(cx.heading(tr.t(key)).color(colour));
    } else if tally.winners.is_empty() {
        ui.label(cx.title(tr.t("present-view-no-winner")));
    } else {
        let names: Vec<String> = tally
            .winners
            .iter()
            .map(|id| result_name(cx, *id))
            .collect();
        let key = if names.len() > 1 {
            "present-view-winners-tied"
        } else {
            "present-view-winner"
        };
        ui.label(
            cx.heading(tr.with(key, "names", &names.join(", ")))
                .color(cx.pal.accent),
        );
        if tally.ranking.len() > 1 && chart_values(cx, vote, tally).is_empty() {
            ui.add_space(cx.gap() / 2.0);
            for (place, group) in tally.ranking.iter().enumerate() {
                let names: Vec<String> = group.iter().map(|id| result_name(cx, *id)).collect();
                ui.label(cx.body(format!("{}. {}", place + 1, names.join(" = "))));
            }
        }
    }
    let bars = chart_values(cx, vote, tally);
    if !bars.is_empty() {
        ui.add_space(cx.gap());
        bar_chart(ui, cx, &bars);
    }
}

/// The columns of the chart: name and value.
fn chart_values(cx: &Ctx<'_, '_>, vote: &Vote, tally: &Tally) -> Vec<(String, f64, String)> {
    let tr = cx.board.tr;
    if let Some(consent) = &tally.consent {
        let mut bars = vec![
            (tr.t("present-view-consent-for"), consent.for_),
            (tr.t("present-view-consent-against"), consent.against),
            (tr.t("present-view-consent-abstain"), consent.abstain),
        ];
        if matches!(vote.method, VoteMethod::Consent { allow_block: true }) {
            bars.push((tr.t("present-view-consent-block"), consent.block));
        }
        return bars
            .into_iter()
            .map(|(name, n)| (name, n as f64, n.to_string()))
            .collect();
    }
    if let VoteMethod::MajorityJudgment { grades } = &vote.method {
        // The median grade by name; the bar is its rank (1 = the lowest grade).
        return tally
            .medians
            .iter()
            .map(|(id, median)| {
                let grade = grades.get(*median).cloned().unwrap_or_default();
                (result_name(cx, *id), (*median + 1) as f64, grade)
            })
            .collect();
    }
    if !tally.scores.is_empty() {
        return tally
            .scores
            .iter()
            .map(|(id, points)| (result_name(cx, *id), points.as_f64(), points.to_string()))
            .collect();
    }
    if let Some(first) = tally.rounds.first() {
        return first
            .votes
            .iter()
            .map(|(id, n)| (result_name(cx, *id), *n as f64, n.to_string()))
            .collect();
    }
    Vec::new()
}

/// A horizontal bar chart painted in one rectangle, named for screen readers.
fn bar_chart(ui: &mut Ui, cx: &Ctx<'_, '_>, bars: &[(String, f64, String)]) {
    let min_row = (theme::BODY_SIZE * cx.scale * 1.7).round();
    let width = ui.available_width().round();
    let name_w = (width * 0.32).round();
    let value_w = (width * 0.08).round();
    let bar_w = (width - name_w - value_w).max(10.0);
    let font = FontId::new(theme::BODY_SIZE * cx.scale, FontFamily::Proportional);
    let galleys: Vec<_> = bars
        .iter()
        .map(|(name, _, _)| {
            ui.painter()
                .layout(name.clone(), font.clone(), cx.pal.text, name_w - 12.0)
        })
        .collect();
    let heights: Vec<f32> = galleys
        .iter()
        .map(|g| (g.size().y + 8.0 * cx.scale).max(min_row).round())
        .collect();
    let height: f32 = heights.iter().sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let described: Vec<String> = bars
        .iter()
        .map(|(name, _, value)| format!("{name}: {value}"))
        .collect();
    let label = format!(
        "{}: {}",
        cx.board.tr.t("present-view-chart"),
        described.join("; ")
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let max = bars
        .iter()
        .map(|(_, v, _)| *v)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let painter = ui.painter_at(rect);
    let mut top = rect.top();
    for (((_, value, text), galley), row_h) in bars.iter().zip(galleys).zip(heights) {
        let mid = top + row_h / 2.0;
        painter.galley(
            egui::pos2(rect.left(), mid - galley.size().y / 2.0),
            galley,
            cx.pal.text,
        );
        let length = (bar_w * (*value / max) as f32).max(2.0);
        let bar = egui::Rect::from_min_size(
            egui::pos2(rect.left() + name_w, mid - min_row * 0.35),
            egui::vec2(length, min_row * 0.7),
        );
        painter.rect_filled(bar, 4.0, cx.pal.accent);
        painter.text(
            egui::pos2(bar.right() + 10.0, mid),
            egui::Align2::LEFT_CENTER,
            text,
            FontId::new(theme::BODY_SIZE * cx.scale, theme::bold()),
            cx.pal.text,
        );
        top += row_h;
    }
}
