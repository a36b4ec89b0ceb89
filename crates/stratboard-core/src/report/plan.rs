//! The protocol's plan sections (issue 26): the roadmap as a table grouped by decision, the
//! roles matrix, the target indicators, the risk register and «Контроль исполнения» (the
//! execution review of a follow-up session).
//!
//! Each section appears only when the session has something for it, so the protocol of a
//! session without these data is what it always was (the plain action table stays then).
//!
//! "Today" — what overdue items and the review are measured against — is the session's date
//! (`meta.start`), never the clock: a protocol says how things stood at the session, and the
//! same file gives the same protocol whenever it is exported. Without a date nothing is
//! overdue.

use chrono::NaiveDate;

use super::context::Ctx;
use super::document::{Align, Block, Item, Span, Table, Timeline, TimelineBar, labelled};
use crate::i18n::Tr;
use crate::i18n::labels::Named;
use crate::model::{
    ActionItem, ActionStatus, AlternativeId, DecisionId, Goal, GoalId, Indicator, IndicatorStatus,
    Risk, Session, YearValue,
};
use crate::roadmap::{self, Role, Zoom};

/// The day the protocol measures lateness against: the session's date.
pub fn today(session: &Session) -> Option<NaiveDate> {
    session.meta.start
}

/// Whether any action item has the roadmap's fields (a start, co-executor groups, an expected
/// result, indicators, progress or reports).
pub fn has_roadmap(session: &Session) -> bool {
    session.actions.iter().any(|a| {
        a.start.is_some()
            || !a.co_groups.is_empty()
            || !a.expected_result.trim().is_empty()
            || !a.indicators.is_empty()
            || a.progress > 0
            || !a.reports.is_empty()
    })
}

/// A number as the protocol writes it: whole numbers without decimals, others with up to two
/// (a decimal comma in Russian).
pub fn number(tr: &Tr, value: f64) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    match tr.language() {
        crate::i18n::Language::Russian => text.replace('.', ","),
        crate::i18n::Language::English => text,
    }
}

/// Days `action` is late on `today` (pending and past due), else `None`.
pub fn days_late(action: &ActionItem, today: Option<NaiveDate>) -> Option<i64> {
    let today = today?;
    let due = action.due?;
    action.is_overdue(today).then(|| (today - due).num_days())
}

/// An item's status as the roadmap shows it, with "overdue by N days" when late.
pub fn status_text(cx: &Ctx<'_>, action: &ActionItem) -> String {
    let status = action.status.name(&cx.tr);
    match days_late(action, today(cx.session)) {
        Some(days) => format!("{status}; {}", cx.tr.n("report-overdue-days", days)),
        None => status,
    }
}

/// The responsible executor's name ("—" when nobody).
pub fn responsible(cx: &Ctx<'_>, action: &ActionItem) -> String {
    action
        .responsible()
        .map_or_else(|| cx.tr.t("report-none"), |id| cx.person(id))
}

/// The co-executors: participants, then groups ("—" when none).
pub fn co_executors(cx: &Ctx<'_>, action: &ActionItem) -> String {
    let names: Vec<String> = action
        .co_executors()
        .iter()
        .map(|id| cx.person(*id))
        .chain(action.co_groups.iter().map(|id| cx.group(*id)))
        .collect();
    if names.is_empty() {
        cx.tr.t("report-none")
    } else {
        names.join(", ")
    }
}

fn date_or_none(cx: &Ctx<'_>, date: Option<NaiveDate>) -> String {
    date.map_or_else(|| cx.tr.t("report-none"), |d| cx.date(d))
}

/// A date as a plan's table writes it: «01.09.2018», "2018-09-01" ("—" when none).
pub fn short_date(cx: &Ctx<'_>, date: Option<NaiveDate>) -> String {
    let pattern = match cx.tr.language() {
        crate::i18n::Language::Russian => "%d.%m.%Y",
        crate::i18n::Language::English => "%Y-%m-%d",
    };
    date.map_or_else(|| cx.tr.t("report-none"), |d| d.format(pattern).to_string())
}

fn text_or_none(cx: &Ctx<'_>, text: &str) -> String {
    if text.trim().is_empty() {
        cx.tr.t("report-none")
    } else {
        text.to_owned()
    }
}

/// An item's dates as the roadmap table writes them: «с 15.01.2018 по 01.03.2018», «до …» with
/// only a due date, «с …» with only a start.
pub fn dates(cx: &Ctx<'_>, action: &ActionItem) -> String {
    match (action.start, action.due) {
        (Some(_), Some(_)) => cx.tr.args(
            "report-dates-range",
            &[
                ("start", short_date(cx, action.start).into()),
                ("due", short_date(cx, action.due).into()),
            ],
        ),
        (None, Some(_)) => cx
            .tr
            .with("report-dates-until", "date", &short_date(cx, action.due)),
        (Some(_), None) => cx
            .tr
            .with("report-dates-from", "date", &short_date(cx, action.start)),
        (None, None) => cx.tr.t("report-none"),
    }
}

/// The roadmap's table row of the item numbered `number`.
pub fn roadmap_row(cx: &Ctx<'_>, number: usize, action: &ActionItem) -> Vec<String> {
    vec![
        number.to_string(),
        what_text(cx, action),
        responsible(cx, action),
        co_executors(cx, action),
        dates(cx, action),
        text_or_none(cx, &action.expected_result),
        action.progress_shown().to_string(),
        status_text(cx, action),
    ]
}

/// What is to be done, with where it was carried over from (as the plain action table says).
pub fn what_text(cx: &Ctx<'_>, action: &ActionItem) -> String {
    let Some(origin) = &action.carried_over else {
        return action.what.clone();
    };
    let mut from = origin.session.clone();
    if let Some(date) = origin.date {
        from = format!("{from}, {}", cx.date(date));
    }
    let note = cx.tr.with("report-carried-over", "session", &from);
    format!("{} ({note})", action.what)
}

/// The roadmap table's relative column widths.
pub const ROADMAP_WIDTHS: [u16; 8] = [5, 15, 17, 17, 14, 13, 6, 13];

/// The roadmap table's column titles.
pub fn roadmap_header(tr: &Tr) -> Vec<String> {
    [
        "report-column-number",
        "report-column-measure",
        "report-column-responsible",
        "report-column-co-executors",
        "report-column-dates",
        "report-column-expected",
        "report-column-progress-short",
        "report-column-status",
    ]
    .iter()
    .map(|key| tr.t(key))
    .collect()
}

/// «План мероприятий (дорожная карта)»: a table per decision, items numbered as in the
/// session, overdue ones marked; replaces the plain action table when the plan has the
/// roadmap's fields.
pub fn roadmap_section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    blocks.push(Block::heading(2, tr.t("report-roadmap")));
    if let Some(day) = today(session) {
        blocks.push(Block::text(tr.with(
            "report-roadmap-today",
            "date",
            &cx.date(day),
        )));
    }
    roadmap_tables(cx, blocks);
    if let Some(timeline) = timeline(cx, |_| true) {
        blocks.push(Block::Timeline(timeline));
    }
}

/// The zoom that shows the plan's span in a readable number of units: weeks up to about four
/// months, months up to two years, quarters beyond.
fn zoom_for(session: &Session, today: NaiveDate) -> Zoom {
    let months = roadmap::layout(session, today, Zoom::Months);
    match (months.to - months.from).num_days() {
        ..=120 => Zoom::Weeks,
        121..=731 => Zoom::Months,
        _ => Zoom::Quarters,
    }
}

fn tick_label(cx: &Ctx<'_>, zoom: Zoom, date: NaiveDate) -> String {
    let pattern = match (zoom, cx.tr.language()) {
        (Zoom::Weeks, crate::i18n::Language::Russian) => "%d.%m",
        (Zoom::Weeks, crate::i18n::Language::English) => "%m-%d",
        (_, crate::i18n::Language::Russian) => "%m.%Y",
        (_, crate::i18n::Language::English) => "%Y-%m",
    };
    date.format(pattern).to_string()
}

/// The roadmap drawn (PDF and HTML): a bar per item that `keep` accepts and that has a date,
/// numbered as in the session, with today's line at the session's date; `None` without a
/// bar or without a date to measure from.
pub fn timeline(cx: &Ctx<'_>, keep: impl Fn(&ActionItem) -> bool) -> Option<Timeline> {
    let (tr, session) = (&cx.tr, cx.session);
    // The span covers only the items drawn (a passport's, not the whole plan).
    let mut drawn = session.clone();
    drawn.actions.retain(|a| keep(a));
    let first_due = drawn.actions.iter().find_map(|a| a.due.or(a.start));
    let day = today(session).or(first_due)?;
    let zoom = zoom_for(&drawn, day);
    let map = roadmap::layout(&drawn, day, zoom);
    let mut bars = Vec::new();
    for row in map.groups.iter().flat_map(|g| &g.rows) {
        let Some(index) = session.actions.iter().position(|a| a.id == row.action) else {
            continue;
        };
        let Some((start, end)) = row.bar else {
            continue;
        };
        bars.push(TimelineBar {
            label: format!("{}. {}", index + 1, row.what),
            start: map.position(start),
            end: map.position(end),
            progress: row.progress,
            overdue: today(session).is_some() && row.overdue,
            done: row.status == ActionStatus::Done,
            text: format!("{} %", row.progress),
        });
    }
    if bars.is_empty() {
        return None;
    }
    Some(Timeline {
        caption: tr.t("report-timeline"),
        ticks: map
            .ticks
            .iter()
            .map(|t| (map.position(*t), tick_label(cx, zoom, *t)))
            .collect(),
        today: today(session).map(|d| (map.position(d), cx.date(d))),
        bars,
        legend: [
            tr.t("report-timeline-done"),
            tr.t("report-timeline-progress"),
            tr.t("report-timeline-late"),
        ],
    })
}

fn roadmap_tables(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    // Only the grouping is read here: lateness is told by `status_text`.
    let map = roadmap::layout(session, today(session).unwrap_or_default(), Zoom::Months);
    let index_of = |id| session.actions.iter().position(|a| a.id == id);
    let grouped = map.groups.iter().filter(|g| !g.rows.is_empty()).count() > 1
        || map
            .groups
            .iter()
            .any(|g| g.decision.is_some() && !g.rows.is_empty());
    for group in map.groups.iter().filter(|g| !g.rows.is_empty()) {
        if grouped {
            let caption = match group.decision {
                Some(id) => {
                    let number = session.decisions.iter().position(|d| d.id == id);
                    let statement = number
                        .and_then(|n| session.decisions.get(n))
                        .map(|d| d.statement.clone())
                        .unwrap_or_default();
                    tr.args(
                        "report-roadmap-decision",
                        &[
                            ("number", (number.unwrap_or(0) as i64 + 1).into()),
                            ("statement", statement.into()),
                        ],
                    )
                }
                None => tr.t("report-roadmap-loose"),
            };
            blocks.push(Block::Paragraph {
                line: vec![Span::bold(caption)],
                align: Align::Left,
            });
        }
        let rows = group
            .rows
            .iter()
            .filter_map(|row| {
                let index = index_of(row.action)?;
                let action = session.actions.get(index)?;
                Some(roadmap_row(cx, index + 1, action))
            })
            .collect();
        blocks.push(Block::Table(Table {
            header: roadmap_header(tr),
            widths: ROADMAP_WIDTHS.to_vec(),
            rows,
        }));
    }
}

/// «Распределение ролей»: participants × items, «Р» (responsible) and «С» (co-executor).
pub fn roles_section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let matrix = roadmap::roles(session);
    if matrix.is_empty() || !has_roadmap(session) {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-roles")));
    blocks.push(Block::text(tr.t("report-roles-legend")));
    let (mark_r, mark_c) = (tr.t("report-role-responsible"), tr.t("report-role-co"));
    let mut header = vec![tr.t("report-column-participant")];
    header.extend((1..=session.actions.len()).map(|n| n.to_string()));
    let rows = matrix
        .iter()
        .map(|(person, cells)| {
            let mut row = vec![cx.person(*person)];
            row.extend(cells.iter().map(|cell| match cell {
                Some(Role::Responsible) => mark_r.clone(),
                Some(Role::CoExecutor) => mark_c.clone(),
                None => String::new(),
            }));
            row
        })
        .collect();
    let mut widths = vec![30];
    widths.extend(std::iter::repeat_n(
        (70 / session.actions.len().max(1)).clamp(3, 10) as u16,
        session.actions.len(),
    ));
    blocks.push(Block::Table(Table {
        header,
        widths,
        rows,
    }));
}

/// The years any indicator has a target or an actual value for, in order.
pub fn indicator_years(session: &Session) -> Vec<i32> {
    let mut years: Vec<i32> = session
        .indicators()
        .flat_map(|(_, i)| i.targets.iter().chain(&i.actuals).map(|v| v.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// An indicator's status in words: «достигнуто», «в пределах 10 %», «отстаёт», with the year.
pub fn indicator_status(tr: &Tr, status: Option<(YearValue, f64, IndicatorStatus)>) -> String {
    let Some((actual, _, status)) = status else {
        return tr.t("report-none");
    };
    let key = match status {
        IndicatorStatus::Reached => "report-indicator-reached",
        IndicatorStatus::OnTrack => "report-indicator-on-track",
        IndicatorStatus::Behind => "report-indicator-behind",
    };
    format!("{} ({})", tr.t(key), actual.year)
}

fn baseline_text(tr: &Tr, baseline: Option<YearValue>) -> String {
    baseline.map_or_else(
        || tr.t("report-none"),
        |b| format!("{} ({})", number(tr, b.value.0), b.year),
    )
}

fn plan_fact(tr: &Tr, target: Option<f64>, actual: Option<f64>) -> String {
    if target.is_none() && actual.is_none() {
        return String::new();
    }
    let cell = |v: Option<f64>| v.map_or_else(|| tr.t("report-none"), |v| number(tr, v));
    format!("{} / {}", cell(target), cell(actual))
}

/// «Целевые показатели»: each indicator with its goal, unit, baseline, target / actual per
/// year and status.
pub fn indicators_section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    if let Some(table) = indicators_table(cx, |_| true) {
        blocks.push(Block::heading(2, cx.tr.t("report-indicators")));
        blocks.push(Block::text(cx.tr.t("report-indicators-legend")));
        blocks.push(table);
    }
}

/// The indicators table of the goals `keep` accepts; `None` when they have no indicator.
pub fn indicators_table(cx: &Ctx<'_>, keep: impl Fn(GoalId) -> bool) -> Option<Block> {
    let (tr, session) = (&cx.tr, cx.session);
    let chosen: Vec<(&Goal, &Indicator)> = session
        .indicators()
        .filter(|(goal, _)| keep(goal.id))
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let years = indicator_years(session);
    let mut header = vec![
        tr.t("report-column-indicator"),
        tr.t("report-column-goal"),
        tr.t("report-column-unit"),
        tr.t("report-column-baseline"),
    ];
    header.extend(years.iter().map(|y| y.to_string()));
    header.push(tr.t("report-column-status"));
    let rows = chosen
        .iter()
        .map(|(goal, indicator)| {
            let mut row = vec![
                indicator.name.clone(),
                goal.title.clone(),
                text_or_none(cx, &indicator.unit),
                baseline_text(tr, indicator.baseline),
            ];
            row.extend(
                years
                    .iter()
                    .map(|y| plan_fact(tr, indicator.target(*y), indicator.actual(*y))),
            );
            row.push(indicator_status(tr, indicator.status()));
            row
        })
        .collect();
    let mut widths = vec![24, 18, 8, 10];
    widths.extend(std::iter::repeat_n(10, years.len()));
    widths.push(12);
    Some(Block::Table(Table {
        header,
        widths,
        rows,
    }))
}

/// Every risk with what it belongs to (a decision or an alternative), highest score first
/// (ties in the session's order).
pub fn risks<'a>(cx: &Ctx<'a>) -> Vec<(String, &'a Risk)> {
    risks_of(cx, |_| true, |_| true)
}

/// The risks of the decisions and alternatives the filters accept, highest score first.
pub fn risks_of<'a>(
    cx: &Ctx<'a>,
    decision_kept: impl Fn(DecisionId) -> bool,
    alternative_kept: impl Fn(AlternativeId) -> bool,
) -> Vec<(String, &'a Risk)> {
    let session = cx.session;
    let mut all: Vec<(String, &Risk)> = Vec::new();
    let decisions = session
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| decision_kept(d.id));
    for (n, decision) in decisions {
        let name = cx
            .tr
            .with("report-risk-of-decision", "number", &(n + 1).to_string());
        all.extend(decision.risks.iter().map(|r| (name.clone(), r)));
    }
    let alternatives = session
        .alternatives
        .iter()
        .filter(|a| !a.hidden && alternative_kept(a.id));
    for alternative in alternatives {
        all.extend(
            alternative
                .risks
                .iter()
                .map(|r| (alternative.title.clone(), r)),
        );
    }
    all.sort_by_key(|(_, risk)| std::cmp::Reverse(risk.score()));
    all
}

/// «Реестр рисков», sorted by score.
pub fn risks_section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let tr = &cx.tr;
    let all = risks(cx);
    if all.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, tr.t("report-risks")));
    blocks.push(risk_table(cx, &all));
}

/// The risk register's table.
pub fn risk_table(cx: &Ctx<'_>, all: &[(String, &Risk)]) -> Block {
    let tr = &cx.tr;
    let rows = all
        .iter()
        .map(|(of, risk)| {
            vec![
                risk.description.clone(),
                of.clone(),
                risk.probability.to_string(),
                risk.impact.to_string(),
                risk.score().to_string(),
                text_or_none(cx, &risk.response),
                risk.owner
                    .map_or_else(|| tr.t("report-none"), |id| cx.person(id)),
            ]
        })
        .collect();
    Block::Table(Table {
        header: [
            "report-column-risk",
            "report-column-risk-of",
            "report-column-probability",
            "report-column-impact",
            "report-column-score",
            "report-column-response",
            "report-column-risk-owner",
        ]
        .iter()
        .map(|key| tr.t(key))
        .collect(),
        widths: vec![20, 14, 13, 10, 6, 19, 18],
        rows,
    })
}

/// Whether a carried item was done by its due date: done, and its latest report (else the
/// session's date) not after the due date (always, without one).
fn done_on_time(action: &ActionItem, today: Option<NaiveDate>) -> bool {
    if action.status != ActionStatus::Done {
        return false;
    }
    let finished = action.last_report().map(|r| r.date).or(today);
    match (action.due, finished) {
        (Some(due), Some(finished)) => finished <= due,
        _ => true,
    }
}

fn last_report_text(cx: &Ctx<'_>, action: &ActionItem) -> Option<String> {
    action
        .last_report()
        .map(|r| format!("{} — {} ({} %)", cx.date(r.date), r.text, r.progress))
}

fn review_item(cx: &Ctx<'_>, n: usize, action: &ActionItem) -> Item {
    let tr = &cx.tr;
    let mut details = Vec::new();
    let mut facts = vec![
        format!(
            "{}: {}",
            tr.t("report-column-responsible"),
            responsible(cx, action)
        ),
        format!(
            "{}: {}",
            tr.t("report-column-due"),
            date_or_none(cx, action.due)
        ),
        format!(
            "{}: {} %",
            tr.t("report-review-progress"),
            action.progress_shown()
        ),
    ];
    if let Some(days) = days_late(action, today(cx.session)) {
        facts.push(tr.n("report-overdue-days", days));
    }
    details.push(vec![Span::plain(facts.join("; "))]);
    if let Some(report) = last_report_text(cx, action) {
        details.push(labelled(&tr.t("report-review-last-report"), report));
    }
    Item {
        details,
        ..Item::numbered(n, vec![Span::plain(action.what.clone())])
    }
}

/// «Контроль исполнения»: for a follow-up session (one with carried-over items), what was
/// done, what is late and by how much, the rest in progress, the indicators' actual values
/// against their targets and the share of carried items done on time.
pub fn review_section(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let carried: Vec<&ActionItem> = session
        .actions
        .iter()
        .filter(|a| a.carried_over.is_some())
        .collect();
    if carried.is_empty() {
        return;
    }
    let day = today(session);
    blocks.push(Block::heading(2, tr.t("report-review")));
    if let Some(origin) = carried.iter().find_map(|a| a.carried_over.as_ref()) {
        let mut from = origin.session.clone();
        if let Some(date) = origin.date {
            from = format!("{from}, {}", cx.date(date));
        }
        blocks.push(Block::field(&tr.t("report-review-from"), from));
    }
    let done: Vec<&&ActionItem> = carried
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .collect();
    let on_time = carried.iter().filter(|a| done_on_time(a, day)).count();
    let late: Vec<&&ActionItem> = carried
        .iter()
        .filter(|a| days_late(a, day).is_some())
        .collect();
    let share = (on_time * 100 + carried.len() / 2) / carried.len();
    blocks.push(Block::text(tr.args(
        "report-review-summary",
        &[
            ("carried", (carried.len() as i64).into()),
            ("done", (done.len() as i64).into()),
            ("ontime", (on_time as i64).into()),
            ("share", (share as i64).into()),
            ("late", (late.len() as i64).into()),
        ],
    )));
    let number = |a: &ActionItem| {
        session
            .actions
            .iter()
            .position(|b| b.id == a.id)
            .unwrap_or(0)
            + 1
    };
    let rest: Vec<&&ActionItem> = carried
        .iter()
        .filter(|a| a.status != ActionStatus::Done && days_late(a, day).is_none())
        .collect();
    for (key, list) in [
        ("report-review-done", &done),
        ("report-review-late", &late),
        ("report-review-other", &rest),
    ] {
        if list.is_empty() {
            continue;
        }
        blocks.push(Block::heading(3, tr.t(key)));
        blocks.push(Block::List(
            list.iter().map(|a| review_item(cx, number(a), a)).collect(),
        ));
    }
    review_indicators(cx, blocks);
}

fn review_indicators(cx: &Ctx<'_>, blocks: &mut Vec<Block>) {
    let (tr, session) = (&cx.tr, cx.session);
    let rows: Vec<Vec<String>> = session
        .indicators()
        .filter_map(|(_, indicator)| {
            let actual = indicator.latest_actual()?;
            Some(vec![
                indicator.name.clone(),
                actual.year.to_string(),
                indicator
                    .target(actual.year)
                    .map_or_else(|| tr.t("report-none"), |t| number(tr, t)),
                number(tr, actual.value.0),
                indicator_status(tr, indicator.status()),
            ])
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    blocks.push(Block::heading(3, tr.t("report-review-indicators")));
    blocks.push(Block::Table(Table {
        header: [
            "report-column-indicator",
            "report-column-year",
            "report-column-target",
            "report-column-actual",
            "report-column-status",
        ]
        .iter()
        .map(|key| tr.t(key))
        .collect(),
        widths: vec![40, 10, 15, 15, 20],
        rows,
    }));
}
