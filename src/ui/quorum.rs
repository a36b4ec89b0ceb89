//! Attendance in words, for every part that tells it: the quorum line (the status bar, the
//! presentation's header, the registration view and its projector screen, a vote's card that
//! asks before opening without a quorum), how the count is made up, the rule's name, and a
//! participant's registration.

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use stratboard_core::i18n::Tr;
use stratboard_core::model::{Presence, QuorumCount, QuorumRule, Registration, Session};

/// Where the quorum stands, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumState {
    /// The rule is met.
    Met,
    /// The rule is not met.
    NotMet,
    /// No rule: only the count is told.
    Counted,
}

/// The quorum in one line — «Кворум есть: 17 из 25», «Кворума нет: 11 из 25 (нужно 13)», or
/// without a rule «Присутствуют 17 из 25 членов» — and its state; `None` in a session where
/// nobody is registered and no rule is set (nothing to tell).
pub fn quorum_line(tr: &Tr, session: &Session) -> Option<(String, QuorumState)> {
    let count = session.quorum_count();
    if !session.is_registered() && count.rule.is_none() {
        return None;
    }
    let args = [
        ("counted", FluentValue::from(count.counted())),
        ("members", FluentValue::from(count.members)),
        ("needed", FluentValue::from(count.needed)),
    ];
    Some(match count.met() {
        Some(true) => (tr.args("attendance-quorum-met", &args), QuorumState::Met),
        Some(false) => (
            tr.args("attendance-quorum-not-met", &args),
            QuorumState::NotMet,
        ),
        None => (
            tr.args("attendance-quorum-count", &args),
            QuorumState::Counted,
        ),
    })
}

/// How the count is made up: «в зале 15 · дистанционно 2 · по доверенности 1».
pub fn quorum_parts(tr: &Tr, session: &Session, count: &QuorumCount) -> String {
    let (mut in_room, mut remote) = (0_i64, 0_i64);
    for member in session.voting_members() {
        match session.attendance.registration(member.id) {
            Some(r) if r.is_here() && r.presence == Presence::InRoom => in_room += 1,
            Some(r) if r.is_here() => remote += 1,
            _ => {}
        }
    }
    let mut parts = vec![tr.n("attendance-part-in-room", in_room)];
    if remote > 0 {
        parts.push(tr.n("attendance-part-remote", remote));
    }
    if count.by_proxy > 0 {
        parts.push(tr.n("attendance-part-proxy", i64::from(count.by_proxy)));
    }
    parts.join(" · ")
}

/// The rule in words: «более половины», «не менее двух третей», «не менее 12».
pub fn rule_name(tr: &Tr, rule: Option<QuorumRule>) -> String {
    match rule {
        None => tr.t("attendance-rule-none"),
        Some(QuorumRule::MoreThanHalf) => tr.t("attendance-rule-half"),
        Some(QuorumRule::TwoThirds) => tr.t("attendance-rule-two-thirds"),
        Some(QuorumRule::AtLeast(n)) => tr.n("attendance-rule-count", i64::from(n)),
    }
}

/// A time of day on this computer's clock, «10:04».
pub fn clock(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono::Local).format("%H:%M").to_string()
}

/// A participant's registration in words: «в зале с 10:04», «дистанционно», «ушёл в 12:30»,
/// «отсутствует», «не отмечен».
pub fn status_text(tr: &Tr, registration: Option<&Registration>) -> String {
    let Some(r) = registration else {
        return tr.t("attendance-status-unregistered");
    };
    if let Some(left) = r.left {
        return tr.with("attendance-status-left", "time", &clock(left));
    }
    let key_with_time = match r.presence {
        Presence::InRoom => "attendance-status-in-room-since",
        Presence::Remote => "attendance-status-remote-since",
        Presence::Absent => return tr.t("attendance-status-absent"),
    };
    match r.arrived {
        Some(arrived) => tr.with(key_with_time, "time", &clock(arrived)),
        None if r.presence == Presence::InRoom => tr.t("attendance-status-in-room"),
        None => tr.t("attendance-status-remote"),
    }
}

/// What a closed round recorded: «Присутствовало членов с правом голоса: 17 из 25 (ещё 1 по
/// доверенности), кворум имеется».
pub fn round_line(tr: &Tr, count: &QuorumCount) -> String {
    let args = [
        ("present", FluentValue::from(count.present)),
        ("members", FluentValue::from(count.members)),
        ("proxies", FluentValue::from(count.by_proxy)),
    ];
    let present = tr.args("attendance-round-present", &args);
    match count.met() {
        Some(true) => format!("{present}, {}", tr.t("attendance-round-quorum-met")),
        Some(false) => format!("{present}, {}", tr.t("attendance-round-quorum-not-met")),
        None => present,
    }
}
