//! The ballots of every vote as CSV: one row per ballot, or per counted show-of-hands line.
//!
//! Columns (fixed, in English, so scripts can rely on them): `vote` (its number in the
//! session), `question`, `method` (the CLI name), `round`, `source` (`ballot` or `hands`),
//! `voter`, `group`, `count` (how many identical ballots or hands the row stands for),
//! `choice` (in words, in the export language).
//!
//! Privacy: a voter (and their group) is written only in open votes; in anonymous and secret
//! votes the column is empty and the rows are sorted by choice, so the order in which ballots
//! were cast cannot be matched to people. Votes not yet held, and votes whose results are
//! shown only after closing and that are still open, have no rows.
//!
//! RFC 4180: comma separated, CRLF line ends, fields quoted when needed. The file starts with
//! a UTF-8 byte order mark so spreadsheet programs read Cyrillic correctly. A field that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) gets a leading `'`,
//! unless it is a number. Control characters are cleaned as in the protocol
//! ([`super::document::clean`]).

use super::votes::choice_text;
use crate::i18n::labels::Named;
use crate::i18n::{Language, Tr};
use crate::model::{Anonymity, HandOption, Session, Vote};
use crate::voting::results_visible;

/// The column names.
pub const HEADER: [&str; 9] = [
    "vote", "question", "method", "round", "source", "voter", "group", "count", "choice",
];

/// The ballots of every vote in `session`, choices written in `language`.
pub fn ballots(session: &Session, language: Language) -> String {
    let tr = Tr::new(language);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|h| (*h).to_owned()));
    for (index, vote) in session.votes.iter().enumerate() {
        if !results_visible(vote) {
            continue;
        }
        for row in vote_rows(session, &tr, index, vote) {
            push_row(&mut out, row.into_iter());
        }
    }
    out
}

fn vote_rows(session: &Session, tr: &Tr, index: usize, vote: &Vote) -> Vec<Vec<String>> {
    let open = vote.anonymity == Anonymity::Open;
    let group_of = |voter| {
        session
            .participant(voter)
            .and_then(|p| p.group)
            .and_then(|g| session.group(g))
            .map(|g| g.name.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for round in &vote.rounds {
        let base = |source: &str| {
            vec![
                (index + 1).to_string(),
                vote.question.clone(),
                vote.method.cli_name().to_owned(),
                round.number.to_string(),
                source.to_owned(),
            ]
        };
        let mut ballots: Vec<Vec<String>> = round
            .ballots
            .iter()
            .map(|ballot| {
                let (voter, group) = match ballot.voter.filter(|_| open) {
                    Some(id) => (
                        session
                            .participant(id)
                            .map(|p| p.name.clone())
                            .unwrap_or_default(),
                        group_of(id),
                    ),
                    None => (String::new(), String::new()),
                };
                let mut row = base("ballot");
                row.extend([
                    voter,
                    group,
                    ballot.count.to_string(),
                    choice_text(session, tr, vote, &ballot.choice),
                ]);
                row
            })
            .collect();
        if !open {
            ballots.sort_by(|a, b| a.get(8).cmp(&b.get(8)).then(a.get(7).cmp(&b.get(7))));
        }
        rows.extend(ballots);
        for hand in &round.hands {
            let choice = match hand.option {
                HandOption::Consent(choice) => choice.name(tr),
                HandOption::Alternative(id) => super::context::alternative_title(session, tr, id),
            };
            let group = hand
                .group
                .and_then(|g| session.group(g))
                .map(|g| g.name.clone())
                .unwrap_or_default();
            let mut row = base("hands");
            row.extend([String::new(), group, hand.count.to_string(), choice]);
            rows.push(row);
        }
    }
    rows
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.map(|f| field(&f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// One field, defused and quoted as needed.
pub fn field(text: &str) -> String {
    let text = super::document::clean(text);
    let is_number = !text.is_empty() && text.parse::<f64>().is_ok();
    let text = if !is_number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
