//! PrefLib 2022 ordinal files (`.soc`, `.soi`, `.toc`, `.toi`): `# KEY: value` header lines
//! and `count: order` lines, read into [`Imported`] ballots.

use super::{Count, ImportError, Imported, Problem, parse_count, strip_bom};
use crate::model::{AlternativeId, Ballot, Choice};

/// The four PrefLib ordinal data types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataType {
    /// Strict orders, complete.
    Soc,
    /// Strict orders, incomplete.
    Soi,
    /// Orders with ties, complete.
    Toc,
    /// Orders with ties, incomplete.
    Toi,
}

impl DataType {
    fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "soc" => Some(Self::Soc),
            "soi" => Some(Self::Soi),
            "toc" => Some(Self::Toc),
            "toi" => Some(Self::Toi),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Soc => "soc",
            Self::Soi => "soi",
            Self::Toc => "toc",
            Self::Toi => "toi",
        }
    }

    fn strict(self) -> bool {
        matches!(self, Self::Soc | Self::Soi)
    }

    fn complete(self) -> bool {
        matches!(self, Self::Soc | Self::Toc)
    }
}

/// Reads a PrefLib 2022 ordinal file. Its kind comes from the `# DATA TYPE:` line; without
/// one, the file is read as `.toi` (anything allowed).
pub fn read_preflib(text: &str) -> Result<Imported, ImportError> {
    preflib(text, None)
}

fn parse_number(value: &str, line: usize, what: Count) -> Result<usize, ImportError> {
    value
        .trim()
        .parse::<usize>()
        .map_err(|_| ImportError::BadHeader {
            line,
            reason: Problem::NotWholeNumber {
                what,
                value: value.trim().to_owned(),
            },
        })
}

/// Reads a PrefLib file; `expected` is the type its extension promises.
pub(super) fn preflib(text: &str, expected: Option<DataType>) -> Result<Imported, ImportError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let lines = Lines::read(text)?;
    let data_type = data_type_of(lines.data_type, expected)?;
    let n = lines.count.ok_or_else(|| ImportError::MissingHeader {
        what: "NUMBER ALTERNATIVES".into(),
    })?;
    let named = alternative_names(lines.names, n)?;
    let (ballots, total) = ballots_of(&lines.orders, n, data_type)?;
    if ballots.is_empty() {
        return Err(ImportError::NoBallots);
    }
    declared_totals_hold(lines.voters, lines.unique, total, lines.orders.len())?;
    let (alternatives, name_lines) = named.into_iter().unzip();
    Ok(Imported {
        alternatives,
        name_lines,
        ballots,
    })
}

/// A PrefLib file's lines as read: each header value with the line it stands on, and the
/// order lines (trimmed) in file order.
#[derive(Default)]
struct Lines<'t> {
    /// `# DATA TYPE`.
    data_type: Option<(DataType, usize)>,
    /// `# NUMBER ALTERNATIVES`.
    count: Option<usize>,
    /// `# NUMBER VOTERS`.
    voters: Option<(usize, usize)>,
    /// `# NUMBER UNIQUE ORDERS`.
    unique: Option<(usize, usize)>,
    /// `# ALTERNATIVE NAME i`: the number, the name and the line.
    names: Vec<(usize, String, usize)>,
    /// `count: order` lines.
    orders: Vec<(usize, &'t str)>,
}

impl<'t> Lines<'t> {
    /// Sorts the file's lines into header values and order lines; a header value that cannot
    /// be read, or one given twice, is refused on its line. Comments without `:` are skipped.
    fn read(text: &'t str) -> Result<Self, ImportError> {
        let mut lines = Self::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let Some(comment) = trimmed.strip_prefix('#') else {
                lines.orders.push((line, trimmed));
                continue;
            };
            if let Some((key, value)) = comment.split_once(':') {
                lines.header(line, &key.trim().to_ascii_uppercase(), value.trim())?;
            }
        }
        Ok(lines)
    }

    /// Reads one `# KEY: value` line (`key` upper-cased); unknown keys are ignored.
    fn header(&mut self, line: usize, key: &str, value: &str) -> Result<(), ImportError> {
        match key {
            "DATA TYPE" => {
                first_time(self.data_type.is_some(), line, key)?;
                self.data_type = Some((declared_data_type(value, line)?, line));
            }
            "NUMBER ALTERNATIVES" => {
                first_time(self.count.is_some(), line, key)?;
                self.count = Some(alternatives_count(value, line)?);
            }
            "NUMBER VOTERS" => {
                first_time(self.voters.is_some(), line, key)?;
                self.voters = Some((parse_number(value, line, Count::Voters)?, line));
            }
            "NUMBER UNIQUE ORDERS" => {
                first_time(self.unique.is_some(), line, key)?;
                self.unique = Some((parse_number(value, line, Count::UniqueOrders)?, line));
            }
            _ => {
                if let Some(number) = key.strip_prefix("ALTERNATIVE NAME") {
                    let i = parse_number(number, line, Count::AlternativeNumber)?;
                    self.names.push((i, value.to_owned(), line));
                }
            }
        }
        Ok(())
    }
}

/// Refuses a header key that was `seen` already.
fn first_time(seen: bool, line: usize, key: &str) -> Result<(), ImportError> {
    if seen {
        Err(ImportError::BadHeader {
            line,
            reason: Problem::GivenTwice {
                key: key.to_owned(),
            },
        })
    } else {
        Ok(())
    }
}

/// `# DATA TYPE: soc`: one of the four ordinal types.
fn declared_data_type(value: &str, line: usize) -> Result<DataType, ImportError> {
    DataType::parse(value).ok_or_else(|| ImportError::BadHeader {
        line,
        reason: Problem::NotOrdinal {
            value: value.to_owned(),
        },
    })
}

/// `# NUMBER ALTERNATIVES: n`: a whole number above zero.
fn alternatives_count(value: &str, line: usize) -> Result<usize, ImportError> {
    let n = parse_number(value, line, Count::Alternatives)?;
    if n == 0 {
        return Err(ImportError::BadHeader {
            line,
            reason: Problem::ZeroAlternatives,
        });
    }
    Ok(n)
}

/// The type the file is read as: the declared one, which must be the one its extension
/// promises; else the extension's; else `.toi` (anything allowed).
fn data_type_of(
    declared: Option<(DataType, usize)>,
    expected: Option<DataType>,
) -> Result<DataType, ImportError> {
    match (declared, expected) {
        (Some((found, line)), Some(wanted)) if found != wanted => Err(ImportError::BadHeader {
            line,
            reason: Problem::TypeMismatch {
                found: found.name(),
                named: wanted.name(),
            },
        }),
        (Some((found, _)), _) => Ok(found),
        (None, Some(wanted)) => Ok(wanted),
        (None, None) => Ok(DataType::Toi),
    }
}

/// The alternatives' names with their lines, in number order: every number 1 … `n` named once,
/// with a name that is not empty and not another's.
fn alternative_names(
    names: Vec<(usize, String, usize)>,
    n: usize,
) -> Result<Vec<(String, usize)>, ImportError> {
    // By number, not a slot per declared alternative: the declared number is the file's word
    // (64 thousand million of them must not be allocated before the names are found missing).
    let mut alternatives: std::collections::BTreeMap<usize, (String, usize)> =
        std::collections::BTreeMap::new();
    for (i, name, line) in names {
        let wrong = |reason: Problem| Err(ImportError::BadHeader { line, reason });
        if i == 0 || i > n {
            return wrong(Problem::OutOfRange {
                alternative: i,
                count: n,
            });
        }
        if alternatives.contains_key(&i) {
            return wrong(Problem::NamedTwice { alternative: i });
        }
        if name.is_empty() {
            return wrong(Problem::EmptyName { alternative: i });
        }
        alternatives.insert(i, (name, line));
    }
    // Numbers 1 … n in order: the first one not named is missing.
    let mut named = Vec::with_capacity(alternatives.len());
    for (k, (i, (name, line))) in alternatives.into_iter().enumerate() {
        if i != k + 1 {
            return Err(ImportError::MissingHeader {
                what: format!("ALTERNATIVE NAME {}", k + 1),
            });
        }
        if named
            .iter()
            .any(|(other, _): &(String, usize)| *other == name)
        {
            return Err(ImportError::DuplicateAlternative { name, line });
        }
        named.push((name, line));
    }
    if named.len() < n {
        return Err(ImportError::MissingHeader {
            what: format!("ALTERNATIVE NAME {}", named.len() + 1),
        });
    }
    Ok(named)
}

/// The ballots of the order lines, and how many voters they count; each order must be as
/// strict and as complete as the data type requires.
fn ballots_of(
    orders: &[(usize, &str)],
    n: usize,
    data_type: DataType,
) -> Result<(Vec<Ballot>, u64), ImportError> {
    let mut ballots = Vec::with_capacity(orders.len());
    let mut total: u64 = 0;
    for &(line, text) in orders {
        let ballot = order_ballot(text, line, n, data_type)?;
        total += u64::from(ballot.count);
        ballots.push(ballot);
    }
    Ok((ballots, total))
}

/// One `count: order` line as a ballot standing for `count` voters.
fn order_ballot(
    text: &str,
    line: usize,
    n: usize,
    data_type: DataType,
) -> Result<Ballot, ImportError> {
    let Some((count_text, order_text)) = text.split_once(':') else {
        return Err(ImportError::BadLine {
            line,
            reason: Problem::OrderLineShape,
        });
    };
    let count = parse_count(count_text.trim(), line)?;
    let groups = parse_order(order_text, n, line)?;
    if data_type.strict() && groups.iter().any(|g| g.len() > 1) {
        return Err(ImportError::NotStrict {
            data_type: data_type.name(),
            line,
        });
    }
    let listed: usize = groups.iter().map(Vec::len).sum();
    if data_type.complete() && listed < n {
        return Err(ImportError::Incomplete {
            data_type: data_type.name(),
            missing: n - listed,
            line,
        });
    }
    Ok(Ballot {
        voter: None,
        count,
        choice: Choice::Ranking(
            groups
                .into_iter()
                .map(|g| g.into_iter().map(|i| AlternativeId(i as u32)).collect())
                .collect(),
        ),
    })
}

/// `# NUMBER VOTERS` must equal the orders' counts, `# NUMBER UNIQUE ORDERS` the number of
/// order lines, where the file gives them.
fn declared_totals_hold(
    voters: Option<(usize, usize)>,
    unique: Option<(usize, usize)>,
    counted: u64,
    order_lines: usize,
) -> Result<(), ImportError> {
    if let Some((declared, line)) = voters
        && declared as u64 != counted
    {
        return Err(ImportError::BadHeader {
            line,
            reason: Problem::VotersMismatch { declared, counted },
        });
    }
    if let Some((declared, line)) = unique
        && declared != order_lines
    {
        return Err(ImportError::BadHeader {
            line,
            reason: Problem::UniqueOrdersMismatch {
                declared,
                found: order_lines,
            },
        });
    }
    Ok(())
}

/// Parses `1,{2,3},4` into tie groups of 1-based alternative numbers (an empty order is an
/// empty ranking).
fn parse_order(text: &str, n: usize, line: usize) -> Result<Vec<Vec<usize>>, ImportError> {
    let bad = |reason: Problem| ImportError::BadLine { line, reason };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut seen = vec![false; n + 1];
    let text = text.trim();
    if text.is_empty() {
        return Ok(groups);
    }
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let (items, after) = if let Some(inner) = rest.strip_prefix('{') {
            let close = inner.find('}').ok_or_else(|| bad(Problem::UnclosedTie))?;
            let items: Vec<&str> = inner[..close].split(',').collect();
            (items, &inner[close + 1..])
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (vec![&rest[..end]], &rest[end..])
        };
        let mut group = Vec::with_capacity(items.len());
        for item in items {
            let item = item.trim();
            let i: usize = item.parse().map_err(|_| {
                bad(if item.is_empty() {
                    Problem::EmptyPlace
                } else {
                    Problem::NotAlternativeNumber {
                        item: item.to_owned(),
                    }
                })
            })?;
            if i == 0 || i > n {
                return Err(ImportError::UnknownAlternative {
                    name: i.to_string(),
                    line,
                });
            }
            if seen[i] {
                return Err(ImportError::DuplicateInOrder {
                    alternative: i,
                    line,
                });
            }
            seen[i] = true;
            group.push(i);
        }
        groups.push(group);
        let after = after.trim_start();
        if after.is_empty() {
            break;
        }
        rest = after.strip_prefix(',').ok_or_else(|| {
            bad(Problem::Unexpected {
                text: after.to_owned(),
            })
        })?;
    }
    Ok(groups)
}
