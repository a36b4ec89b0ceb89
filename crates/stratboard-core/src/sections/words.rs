//! Provenance in words: «2-е место из 9, Шульце, 23 бюллетеня», for the board, the projector
//! and the protocol alike.

use crate::i18n::Tr;
use crate::model::{Language, MethodInfo, Place, SectionOrigin, SectionVote, Session};

/// A place in words: «2-е место из 9», «2–3-е место из 9» / "2nd of 9", "2nd–3rd of 9".
pub fn place_words(tr: &Tr, place: Place) -> String {
    let ordinal = |n: u32| match tr.language() {
        Language::Russian => format!("{n}-е"),
        Language::English => english_ordinal(n),
    };
    let places = if place.to > place.place {
        match tr.language() {
            Language::Russian => format!("{}–{}-е", place.place, place.to),
            Language::English => format!("{}–{}", ordinal(place.place), ordinal(place.to)),
        }
    } else {
        ordinal(place.place)
    };
    tr.args(
        "section-place",
        &[("place", places.into()), ("of", i64::from(place.of).into())],
    )
}

fn english_ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A section vote's method, translated («Метод Борда»); its CLI name when it is unknown.
pub fn method_words(tr: &Tr, vote: &SectionVote) -> String {
    MethodInfo::by_name(&vote.method).map_or_else(|| vote.method.clone(), |m| tr.t(m.label_key))
}

/// A section vote's ballots in words: «23 бюллетеня».
pub fn ballots_words(tr: &Tr, vote: &SectionVote) -> String {
    tr.n(
        "section-ballots",
        i64::try_from(vote.ballots).unwrap_or(i64::MAX),
    )
}

/// What the section made of an alternative, in words: its place, the method and the ballots
/// of the section's vote, and whether the section adopted it — «2-е место из 9, Шульце,
/// 23 бюллетеня; принята секцией». Empty when there is nothing to say.
pub fn origin_words(tr: &Tr, session: &Session, origin: &SectionOrigin) -> String {
    let mut parts = Vec::new();
    let vote = session
        .section_record(&origin.section)
        .and_then(|record| record.vote.as_ref());
    if let (Some(place), Some(vote)) = (origin.place, vote) {
        parts.push(format!(
            "{}, {}, {}",
            place_words(tr, place),
            method_words(tr, vote),
            ballots_words(tr, vote)
        ));
    }
    if origin.adopted {
        parts.push(tr.t("section-adopted-there"));
    }
    parts.join("; ")
}

/// The section an origin names, with its moderator: «Секция «Молодёжь» (модератор Петров П. П.)».
pub fn section_words(tr: &Tr, session: &Session, origin: &SectionOrigin) -> String {
    match session.section_record(&origin.section) {
        Some(record) if record.facilitator.trim().is_empty() => {
            tr.with("section-name", "name", &record.name)
        }
        Some(record) => tr.args(
            "section-name-moderator",
            &[
                ("name", record.name.clone().into()),
                ("moderator", record.facilitator.clone().into()),
            ],
        ),
        None => tr.with("section-name", "name", origin.section.short()),
    }
}
