//! Who took part: «Присутствовали» / "Present", «Отсутствовали» / "Absent" and
//! «Приглашённые» / "Invited" when the secretary registered anyone, else the plain list
//! «Участники» / "Participants" — a protocol never states a presence that was not recorded.
//!
//! In a session where registration is in use:
//! - «Присутствовали» opens with the quorum line (when a rule is set) and the time the session
//!   was opened, then lists the voting members present in the room and, under its own
//!   subheading, those present remotely, each by stakeholder group with counts; who arrived
//!   late or left early carries the time («прибытие в 10:25», «убытие в 12:40»).
//! - «Отсутствовали» lists the voting members marked absent *and those never registered*:
//!   once registration is in use, a member with no mark was not recorded as present, so the
//!   protocol does not count them as present.
//! - «Приглашённые» lists those present without a vote.
//!
//! A member who is not here (absent, or gone) and gave a proxy carries it: «— голос передан
//! по доверенности: Петров П. П. (№ 12)». The holder's name stays in the nominative (after a
//! colon), because a name cannot be declined into the dative reliably; the phrase agrees with
//! «голос», so it needs no gender either.

use chrono::NaiveDate;

use super::context::Ctx;
use super::document::{Align, Block, Item, Span};
use crate::i18n::Tr;
use crate::model::{GroupId, Participant, Presence, QuorumCount, QuorumRule, Session};

/// The section, registered or not.
pub(super) fn section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    if cx.session.is_registered() {
        registered(cx, blocks);
    } else {
        blocks.push(Block::heading(2, cx.tr.t("report-participants")));
        let everyone: Vec<Entry<'_>> = cx.session.participants.iter().map(Entry::plain).collect();
        grouped(cx, &everyone, blocks);
    }
}

/// One person in a list, with what is said after their name.
struct Entry<'a> {
    person: &'a Participant,
    /// In brackets after the name: «дистанционно», «прибытие в 10:25».
    notes: Vec<String>,
    /// After a dash: the proxy they gave.
    proxy: Option<String>,
}

impl<'a> Entry<'a> {
    fn plain(person: &'a Participant) -> Self {
        Self {
            person,
            notes: Vec::new(),
            proxy: None,
        }
    }

    /// "Name, position, organisation (notes) — proxy".
    fn item(&self) -> Item {
        let mut text = person_line(self.person);
        if !self.notes.is_empty() {
            text.push_str(&format!(" ({})", self.notes.join(", ")));
        }
        if let Some(proxy) = &self.proxy {
            // A no-break space: the dash never starts a line.
            text.push_str(&format!("\u{a0}— {proxy}"));
        }
        Item::bullet(vec![Span::plain(text)])
    }
}

/// "Name, position, organisation" (blank parts left out).
fn person_line(person: &Participant) -> String {
    let mut text = person.name.clone();
    for extra in [&person.position, &person.organisation] {
        if !extra.trim().is_empty() {
            text.push_str(", ");
            text.push_str(extra);
        }
    }
    text
}

/// The people by stakeholder group, each group with its count, after the total: "15 человек",
/// «Администрация (3)», the list… Without any groups, one list without a heading. Someone
/// whose group no longer exists is listed with those in no group.
fn grouped(cx: &Ctx<'_>, people: &[Entry<'_>], blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    blocks.push(Block::text(
        tr.n("report-present-count", people.len() as i64),
    ));
    let mut groups: Vec<(Option<GroupId>, String)> = session
        .stakeholder_groups
        .iter()
        .map(|g| (Some(g.id), g.name.clone()))
        .collect();
    groups.push((None, tr.t("report-no-group")));
    for (group, name) in groups {
        let items: Vec<Item> = people
            .iter()
            .filter(|e| e.person.group.filter(|g| session.group(*g).is_some()) == group)
            .map(Entry::item)
            .collect();
        if items.is_empty() {
            continue;
        }
        if !session.stakeholder_groups.is_empty() {
            blocks.push(Block::Paragraph {
                line: vec![Span::bold(format!("{name} ({})", items.len()))],
                align: Align::Left,
            });
        }
        blocks.push(Block::List(items));
    }
}

/// The session's people sorted into the protocol's lists, each in session order.
struct Lists<'a> {
    in_room: Vec<Entry<'a>>,
    remote: Vec<Entry<'a>>,
    /// Voting members marked absent or not registered.
    absent: Vec<Entry<'a>>,
    /// Present (in the room or remotely) without a vote.
    invited: Vec<Entry<'a>>,
}

fn lists<'a>(cx: &Ctx<'a>, day: Option<NaiveDate>) -> Lists<'a> {
    let mut lists = Lists {
        in_room: Vec::new(),
        remote: Vec::new(),
        absent: Vec::new(),
        invited: Vec::new(),
    };
    let attendance = &cx.session.attendance;
    for person in &cx.session.participants {
        let presence = attendance.registration(person.id).map(|r| r.presence);
        let mut entry = Entry {
            person,
            notes: times(cx, person, day),
            proxy: proxy(cx, person),
        };
        match (person.voting, presence) {
            (true, Some(Presence::InRoom)) => lists.in_room.push(entry),
            (true, Some(Presence::Remote)) => lists.remote.push(entry),
            (true, Some(Presence::Absent) | None) => lists.absent.push(entry),
            (false, Some(presence @ (Presence::InRoom | Presence::Remote))) => {
                if presence == Presence::Remote {
                    entry.notes.insert(0, cx.tr.t("report-remote"));
                }
                lists.invited.push(entry);
            }
            (false, Some(Presence::Absent) | None) => {}
        }
    }
    lists
}

/// «прибытие в 10:25» for a late arrival, «убытие в 12:40» for someone who left.
fn times(cx: &Ctx<'_>, person: &Participant, day: Option<NaiveDate>) -> Vec<String> {
    let attendance = &cx.session.attendance;
    let Some(registration) = attendance.registration(person.id) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    if registration.late(attendance.opened)
        && let Some(arrived) = registration.arrived
    {
        let time = cx.time(arrived, day);
        notes.push(cx.tr.with("report-arrived-at", "time", &time));
    }
    if let Some(left) = registration.left.filter(|_| registration.attended()) {
        let time = cx.time(left, day);
        notes.push(cx.tr.with("report-left-at", "time", &time));
    }
    notes
}

/// The proxy `person` gave, when they are not here to vote themselves: «голос передан по
/// доверенности: Петров П. П. (№ 12)».
fn proxy(cx: &Ctx<'_>, person: &Participant) -> Option<String> {
    let attendance = &cx.session.attendance;
    if attendance.is_here(person.id) {
        return None;
    }
    let proxy = attendance.proxy_from(person.id)?;
    let mut text = cx.tr.with("report-proxy", "holder", &cx.person(proxy.to));
    let note = proxy.note.trim();
    if !note.is_empty() {
        text.push_str(&format!(" ({note})"));
    }
    Some(text)
}

/// The day the section's times are read on (a time on another day shows its date): the
/// session's first day, else the day it was opened, else the day of the first time recorded.
fn reading_day(cx: &Ctx<'_>) -> Option<NaiveDate> {
    let attendance = &cx.session.attendance;
    let first = attendance.opened.or_else(|| {
        attendance
            .registrations
            .iter()
            .flat_map(|r| [r.arrived, r.left])
            .flatten()
            .min()
    });
    cx.session
        .meta
        .start
        .or_else(|| first.map(|at| cx.zone.local(at).date_naive()))
}

fn registered(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let day = reading_day(cx);
    let lists = lists(cx, day);
    blocks.push(Block::heading(2, tr.t("report-present")));
    if let Some(line) = quorum_line(cx) {
        blocks.push(line);
    }
    if let Some(line) = clock_line(cx, day) {
        blocks.push(Block::text(line));
    }
    if !lists.in_room.is_empty() || lists.remote.is_empty() {
        grouped(cx, &lists.in_room, blocks);
    }
    if !lists.remote.is_empty() {
        blocks.push(Block::heading(3, tr.t("report-present-remote")));
        grouped(cx, &lists.remote, blocks);
    }
    if !lists.absent.is_empty() {
        blocks.push(Block::heading(2, tr.t("report-absent")));
        plain_list(cx, &lists.absent, blocks);
    }
    if !lists.invited.is_empty() {
        blocks.push(Block::heading(2, tr.t("report-invited")));
        plain_list(cx, &lists.invited, blocks);
    }
}

/// The count, then one list in session order.
fn plain_list(cx: &Ctx<'_>, people: &[Entry<'_>], blocks: &mut Vec<Block>) {
    blocks.push(Block::text(
        cx.tr.n("report-present-count", people.len() as i64),
    ));
    blocks.push(Block::List(people.iter().map(Entry::item).collect()));
}

/// «Заседание открыто в 10:00 (время местное, UTC+03:00).», or, when the opening is not
/// recorded but a time is shown, «Время указано местное (UTC+03:00).»; `None` when the
/// section shows no time.
fn clock_line(cx: &Ctx<'_>, day: Option<NaiveDate>) -> Option<String> {
    let attendance = &cx.session.attendance;
    if let Some(opened) = attendance.opened {
        return Some(cx.tr.args(
            "report-opened",
            &[
                ("time", cx.time(opened, day).into()),
                ("zone", cx.zone.name_at(opened).into()),
            ],
        ));
    }
    // Without the opening nobody is late: the only times shown are departures.
    let left = attendance
        .registrations
        .iter()
        .filter(|r| r.attended())
        .find_map(|r| r.left)?;
    Some(
        cx.tr
            .with("report-times-zone", "zone", &cx.zone.name_at(left)),
    )
}

/// «Кворум: более половины членов с правом голоса (13 из 24); присутствует 17, по
/// доверенности 1 — кворум имеется», when the session has a quorum rule.
fn quorum_line(cx: &Ctx<'_>) -> Option<Block> {
    let value = quorum_value(cx.session, &cx.tr)?;
    Some(Block::field(&cx.tr.t("report-quorum-label"), value))
}

/// What follows «Кворум:» (see [`quorum_line`]), when the session has a quorum rule.
pub(super) fn quorum_value(session: &Session, tr: &Tr) -> Option<String> {
    let count = session.quorum_count();
    let rule = count.rule?;
    let rule_text = tr.args(
        rule_key(rule),
        &[
            ("needed", i64::from(count.needed).into()),
            ("members", i64::from(count.members).into()),
        ],
    );
    Some(tr.args(
        "report-quorum-value",
        &[
            ("rule", rule_text.into()),
            ("present", i64::from(count.present).into()),
            ("proxies", by_proxy(tr, &count).into()),
            ("verdict", verdict(tr, &count).into()),
        ],
    ))
}

fn rule_key(rule: QuorumRule) -> &'static str {
    match rule {
        QuorumRule::MoreThanHalf => "report-quorum-half",
        QuorumRule::TwoThirds => "report-quorum-two-thirds",
        QuorumRule::AtLeast(_) => "report-quorum-count",
    }
}

/// «, по доверенности 1», or nothing when no member is represented by proxy.
fn by_proxy(tr: &Tr, count: &QuorumCount) -> String {
    if count.by_proxy == 0 {
        String::new()
    } else {
        tr.n("report-quorum-by-proxy", i64::from(count.by_proxy))
    }
}

/// «кворум имеется» / «кворума нет» (empty without a rule).
fn verdict(tr: &Tr, count: &QuorumCount) -> String {
    match count.met() {
        Some(true) => tr.t("report-quorum-met"),
        Some(false) => tr.t("report-quorum-not-met"),
        None => String::new(),
    }
}

/// A vote round's recorded attendance: «Присутствовало членов с правом голоса: 17 из 25, по
/// доверенности 1, кворум имеется» (without a quorum rule, only the counts).
pub(super) fn vote_line(cx: &Ctx<'_>, count: &QuorumCount) -> String {
    let tr = &cx.tr;
    let mut text = tr.args(
        "report-vote-attendance",
        &[
            ("present", i64::from(count.present).into()),
            ("members", i64::from(count.members).into()),
        ],
    );
    text.push_str(&by_proxy(tr, count));
    if count.rule.is_some() {
        text.push_str(", ");
        text.push_str(&verdict(tr, count));
    }
    text
}
