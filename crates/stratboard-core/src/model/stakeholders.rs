//! Stakeholder groups and the participants who speak for them.

use serde::{Deserialize, Serialize};

use super::{GroupId, ParticipantId};

/// The lowest value of a group's influence or interest.
pub const SCALE_MIN: u8 = 1;
/// The highest value of a group's influence or interest.
pub const SCALE_MAX: u8 = 5;

/// A group whose interests the session must take into account (заинтересованная сторона).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StakeholderGroup {
    /// The group's id.
    pub id: GroupId,
    /// Its name; never empty.
    pub name: String,
    /// Who they are and what they care about.
    pub description: String,
    /// How much the group can affect the outcome, 1–5.
    pub influence: u8,
    /// How much the outcome affects the group, 1–5.
    pub interest: u8,
    /// Optional weight of the group's ballots in group-weighted results.
    pub vote_weight: Option<u32>,
}

impl Default for StakeholderGroup {
    fn default() -> Self {
        Self {
            id: GroupId(0),
            name: String::new(),
            description: String::new(),
            influence: 3,
            interest: 3,
            vote_weight: None,
        }
    }
}

/// A person at the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Participant {
    /// The participant's id.
    pub id: ParticipantId,
    /// Full name; never empty.
    pub name: String,
    /// Job title (должность).
    pub position: String,
    /// Where they work.
    pub organisation: String,
    /// The stakeholder group they speak for, if any.
    pub group: Option<GroupId>,
    /// The personal code that joins the room from a phone ([`participant_code`]): 8 letters,
    /// unique in the session; `None` until codes are made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// How to reach them: an e-mail address or a phone number (format 3; left out of the file
    /// when blank).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Whether they are a voting member (the default), or take part without a vote: an
    /// invited expert, an observer, staff (format 4; left out of the file when true).
    #[serde(skip_serializing_if = "is_true")]
    pub voting: bool,
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Default for Participant {
    fn default() -> Self {
        Self {
            id: ParticipantId::default(),
            name: String::new(),
            position: String::new(),
            organisation: String::new(),
            group: None,
            code: None,
            contact: String::new(),
            voting: true,
        }
    }
}

/// The letters of participant codes: no I, L or O, which are misread as 1 and 0.
pub const CODE_ALPHABET: &[u8; 23] = b"ABCDEFGHJKMNPQRSTUVWXYZ";

/// The length of a participant code.
pub const CODE_LENGTH: usize = 8;

/// The Latin letter of the code alphabet that the Cyrillic `letter` looks like, if any.
fn latin_look_alike(letter: char) -> Option<char> {
    const PAIRS: [(char, char); 10] = [
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
    ];
    let upper = letter.to_uppercase().next()?;
    PAIRS
        .iter()
        .find(|(cyrillic, _)| *cyrillic == upper)
        .map(|(_, latin)| *latin)
}

/// A participant code made from `random` (the caller's randomness: tests pass fixed bytes).
/// Each letter takes one byte; 23^8 ≈ 7.8 · 10^10 codes.
pub fn participant_code(random: [u8; CODE_LENGTH]) -> String {
    random
        .iter()
        .map(|byte| char::from(CODE_ALPHABET[usize::from(*byte) % CODE_ALPHABET.len()]))
        .collect()
}

/// A code as a person types it (spaces and dashes dropped, upper case, a Cyrillic letter that
/// looks like a Latin one of the code taken as that one: a phone left on a Russian keyboard),
/// or `None` when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| latin_look_alike(c).unwrap_or(c).to_ascii_uppercase())
        .collect();
    let valid = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    valid.then_some(code)
}
