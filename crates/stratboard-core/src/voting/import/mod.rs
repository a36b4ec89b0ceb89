//! Importing paper ballots from CSV and PrefLib files.
//!
//! Two formats are read:
//!
//! - **CSV** (UTF-8, a byte-order mark is stripped). The first non-empty row is the header:
//!   an optional first column titled `count` (any case) giving how many identical ballots a
//!   row stands for (a positive whole number), then one column per alternative titled with its
//!   name. The separator is `,` or `;`, detected from the header: whichever occurs more often
//!   outside quotes (on a draw, whichever comes first). Fields may be quoted with `"` (a quote
//!   inside is doubled, `""`); quoted fields may hold separators and line breaks. Cells and
//!   names are trimmed. Empty lines are skipped; every other row is one ballot (or `count`
//!   ballots), even when all its cells are blank. Trailing blank header columns and trailing
//!   blank cells (spreadsheet padding) are ignored. What a cell means depends on the
//!   [`BallotKind`]:
//!   - ranked: a rank number, 1 or more, smaller is better; equal numbers are a tie; gaps are
//!     allowed (only the order matters); blank = unranked (ties below every ranked one);
//!   - approval: `1` approves, `0` or blank does not;
//!   - scores (score voting, majority judgment): the whole-number score or grade number,
//!     higher is better; blank = the lowest (left out of the ballot, the counter applies the
//!     method's lowest value). Ranges are checked by the counter, which knows the method's
//!     settings.
//! - **PrefLib** 2022 files `.soc`, `.soi`, `.toc`, `.toi`: `# KEY: value` header lines
//!   (`# NUMBER ALTERNATIVES: n` and `# ALTERNATIVE NAME i: name` for every `i` in `1..=n` are
//!   required; `# DATA TYPE`, `# NUMBER VOTERS` and `# NUMBER UNIQUE ORDERS` are checked when
//!   present) and order lines `count: 1,{2,3},4` (braces hold a tie). `.soc` must be complete
//!   and strict, `.soi` strict, `.toc` complete, `.toi` may be anything.
//!
//! A bad file is rejected whole: every function returns either every ballot or an
//! [`ImportError`] naming the (1-based) line, never a partial result.
//!
//! Imported ballots refer to the file's alternatives as `AlternativeId(1)`, `AlternativeId(2)`,
//! … in file order; [`map_to_session`] renumbers them to a vote's alternatives by title.

pub mod file;
mod preflib;
mod ranked_csv;

pub use preflib::{DataType, read_preflib};
pub use ranked_csv::read_ranked_csv;

use preflib::preflib;

use crate::csv_text::{self, Blank, Record, SplitError};

use crate::model::{AlternativeId, Ballot, Choice, CriterionScore, Dots, Score, VoteMethod};

/// The largest file [`read_bytes`] accepts (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What the cells of a CSV ballot file mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BallotKind {
    /// Rank numbers (1 = best), for ranked methods and plurality.
    Ranked,
    /// `1` / `0`, for approval.
    Approval,
    /// Scores or grade numbers (higher is better), for score voting and majority judgment.
    Scores,
}

impl BallotKind {
    /// The cell meaning for a method, or `None` for methods that cannot be imported from a
    /// file (consent, dot voting and the multi-criteria matrix have no file format).
    pub fn for_method(method: &VoteMethod) -> Option<Self> {
        match method {
            VoteMethod::Plurality
            | VoteMethod::Borda
            | VoteMethod::Irv
            | VoteMethod::Schulze
            | VoteMethod::RankedPairs
            | VoteMethod::Copeland
            | VoteMethod::Condorcet => Some(Self::Ranked),
            VoteMethod::Approval => Some(Self::Approval),
            VoteMethod::Score { .. } | VoteMethod::MajorityJudgment { .. } => Some(Self::Scores),
            VoteMethod::Consent { .. } | VoteMethod::Dot { .. } | VoteMethod::Matrix { .. } => None,
        }
    }
}

/// Ballots read from a file, before they are matched to a vote's alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The alternatives' names, in file order (trimmed).
    pub alternatives: Vec<String>,
    /// The line (1-based) where each alternative is named, parallel to `alternatives`.
    pub name_lines: Vec<usize>,
    /// The ballots; alternative `i` of the file (0-based) is `AlternativeId(i + 1)`.
    pub ballots: Vec<Ballot>,
}

/// Why a ballot file was refused. Lines are 1-based.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,
    /// A header but not a single ballot.
    #[error("the file has no ballots")]
    NoBallots,
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; at most 16 MB)")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// The file is not UTF-8.
    #[error("line {line}: the file is not UTF-8 text")]
    NotUtf8 {
        /// The first line with an invalid byte.
        line: usize,
    },
    /// Neither CSV nor PrefLib.
    #[error("unsupported file type \"{extension}\" (expected .csv, .soc, .soi, .toc or .toi)")]
    UnsupportedExtension {
        /// The extension found (may be empty).
        extension: String,
    },
    /// The file could not be read.
    #[error("cannot read the file: {message}")]
    Io {
        /// The system's message.
        message: String,
    },
    /// The header of the file is wrong (missing name, bad key value…).
    #[error("line {line}: {reason}")]
    BadHeader {
        /// The line.
        line: usize,
        /// What is wrong.
        reason: Problem,
    },
    /// A required PrefLib header line is missing.
    #[error("the file has no \"# {what}\" line")]
    MissingHeader {
        /// The header key (with the alternative number for names).
        what: String,
    },
    /// An alternative the vote (or the file's own header) does not have.
    #[error("line {line}: unknown alternative \"{name}\"")]
    UnknownAlternative {
        /// The name (or number, in a PrefLib order line).
        name: String,
        /// The line.
        line: usize,
    },
    /// Several of the vote's alternatives have this title, so the file's column is ambiguous.
    #[error("line {line}: several alternatives of the vote are titled \"{name}\"")]
    AmbiguousAlternative {
        /// The name.
        name: String,
        /// The line where the file names it.
        line: usize,
    },
    /// The same alternative named twice in the header.
    #[error("line {line}: the alternative \"{name}\" is named twice")]
    DuplicateAlternative {
        /// The name.
        name: String,
        /// The line of the second mention.
        line: usize,
    },
    /// The same alternative twice in one PrefLib order.
    #[error("line {line}: alternative {alternative} appears twice in the order")]
    DuplicateInOrder {
        /// The alternative's number in the file.
        alternative: usize,
        /// The line.
        line: usize,
    },
    /// A count that is not a positive whole number.
    #[error("line {line}: the count \"{value}\" is not a positive whole number")]
    BadCount {
        /// The text found.
        value: String,
        /// The line.
        line: usize,
    },
    /// A cell that does not fit the ballot kind.
    #[error("line {line}: the cell \"{value}\" for \"{alternative}\" is not {expected}")]
    BadCell {
        /// The column's alternative.
        alternative: String,
        /// The text found.
        value: String,
        /// What the cell should be.
        expected: CellKind,
        /// The line.
        line: usize,
    },
    /// A line that cannot be parsed at all.
    #[error("line {line}: {reason}")]
    BadLine {
        /// The line.
        line: usize,
        /// What is wrong.
        reason: Problem,
    },
    /// A row with fewer cells than the header has columns.
    #[error("line {line}: {found} cells, but the header has {expected} columns")]
    TooFewColumns {
        /// Cells found.
        found: usize,
        /// Columns in the header.
        expected: usize,
        /// The line.
        line: usize,
    },
    /// A row with filled cells beyond the header's columns.
    #[error("line {line}: {found} cells, but the header has only {expected} columns")]
    TooManyColumns {
        /// Cells found (up to the last filled one).
        found: usize,
        /// Columns in the header.
        expected: usize,
        /// The line.
        line: usize,
    },
    /// A tie in a strict-order PrefLib file (`.soc`, `.soi`).
    #[error("line {line}: a tie, but a .{data_type} file holds strict orders only")]
    NotStrict {
        /// `soc` or `soi`.
        data_type: &'static str,
        /// The line.
        line: usize,
    },
    /// An incomplete order in a complete-order PrefLib file (`.soc`, `.toc`).
    #[error(
        "line {line}: the order leaves out {missing} alternative(s), but a .{data_type} file holds complete orders only"
    )]
    Incomplete {
        /// `soc` or `toc`.
        data_type: &'static str,
        /// How many alternatives are missing.
        missing: usize,
        /// The line.
        line: usize,
    },
    /// PrefLib orders hold rankings; the method needs another kind of ballot.
    #[error("a PrefLib file holds rankings, which this method cannot count; use a CSV file")]
    NotRanked,
    /// A ballot refers to an alternative the import does not name (a hand-built [`Imported`]).
    #[error("a ballot refers to alternative #{id}, which the file does not name")]
    Inconsistent {
        /// The id found.
        id: u32,
    },
}

/// What is wrong with a header or a line (in English here; the board shows it translated).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A CSV cell opens a quote and never closes it.
    #[error("a quoted cell is never closed")]
    UnclosedQuote,
    /// Text follows the closing quote of a CSV cell.
    #[error("text after the closing quote of a cell")]
    TextAfterQuote,
    /// The CSV header has no alternative columns.
    #[error("the header names no alternatives")]
    NoAlternatives,
    /// A CSV header column is empty.
    #[error("column {column} has no name")]
    UnnamedColumn {
        /// The column (1-based).
        column: usize,
    },
    /// A PrefLib header number is not a whole number.
    #[error("{what} \"{value}\" is not a whole number")]
    NotWholeNumber {
        /// Which number.
        what: Count,
        /// The text found.
        value: String,
    },
    /// A PrefLib header line appears twice.
    #[error("\"# {key}\" is given twice")]
    GivenTwice {
        /// The header key.
        key: String,
    },
    /// The PrefLib data type is not one of the ordinal ones.
    #[error("data type \"{value}\" is not an ordinal type (soc, soi, toc, toi)")]
    NotOrdinal {
        /// The type found.
        value: String,
    },
    /// "# NUMBER ALTERNATIVES: 0".
    #[error("the number of alternatives is zero")]
    ZeroAlternatives,
    /// The declared data type differs from the file's extension.
    #[error("the data type is {found}, but the file is named .{named}")]
    TypeMismatch {
        /// The declared type.
        found: &'static str,
        /// The extension's type.
        named: &'static str,
    },
    /// An alternative number outside 1..=n in the header.
    #[error("alternative {alternative} is not in 1..={count}")]
    OutOfRange {
        /// The number found.
        alternative: usize,
        /// How many alternatives there are.
        count: usize,
    },
    /// An alternative named twice in the header.
    #[error("alternative {alternative} is named twice")]
    NamedTwice {
        /// The number.
        alternative: usize,
    },
    /// An alternative with an empty name.
    #[error("alternative {alternative} has an empty name")]
    EmptyName {
        /// The number.
        alternative: usize,
    },
    /// A PrefLib order line without "count: order".
    #[error("an order line must read \"count: order\"")]
    OrderLineShape,
    /// The declared number of voters differs from the orders' counts.
    #[error("{declared} voters declared, but the orders count {counted}")]
    VotersMismatch {
        /// Declared.
        declared: usize,
        /// Counted.
        counted: u64,
    },
    /// The declared number of unique orders differs from the lines.
    #[error("{declared} unique orders declared, but the file has {found}")]
    UniqueOrdersMismatch {
        /// Declared.
        declared: usize,
        /// Found.
        found: usize,
    },
    /// A "{" tie in an order is never closed.
    #[error("a tie \"{{\" is never closed")]
    UnclosedTie,
    /// An empty place in an order ("1,,2").
    #[error("an empty place in the order")]
    EmptyPlace,
    /// Something that is not an alternative number in an order.
    #[error("\"{item}\" is not an alternative number")]
    NotAlternativeNumber {
        /// The text found.
        item: String,
    },
    /// Text that does not belong in an order.
    #[error("unexpected \"{text}\" in the order")]
    Unexpected {
        /// The text found.
        text: String,
    },
}

/// Which PrefLib header number is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// "# NUMBER ALTERNATIVES".
    Alternatives,
    /// "# NUMBER VOTERS".
    Voters,
    /// "# NUMBER UNIQUE ORDERS".
    UniqueOrders,
    /// The number of an "# ALTERNATIVE NAME i" line.
    AlternativeNumber,
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Alternatives => "the number of alternatives",
            Self::Voters => "the number of voters",
            Self::UniqueOrders => "the number of unique orders",
            Self::AlternativeNumber => "the alternative number",
        })
    }
}

/// What a CSV cell must hold for the ballot kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// A rank.
    Rank,
    /// An approval mark.
    Approval,
    /// A score or grade.
    Score,
}

impl std::fmt::Display for CellKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Rank => "a rank (a whole number, 1 = best)",
            Self::Approval => "1 (approved), 0 or blank",
            Self::Score => "a whole-number score or grade",
        })
    }
}

impl ImportError {
    /// The line the error is on, when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::NotUtf8 { line }
            | Self::BadHeader { line, .. }
            | Self::UnknownAlternative { line, .. }
            | Self::AmbiguousAlternative { line, .. }
            | Self::DuplicateAlternative { line, .. }
            | Self::DuplicateInOrder { line, .. }
            | Self::BadCount { line, .. }
            | Self::BadCell { line, .. }
            | Self::BadLine { line, .. }
            | Self::TooFewColumns { line, .. }
            | Self::TooManyColumns { line, .. }
            | Self::NotStrict { line, .. }
            | Self::Incomplete { line, .. } => Some(*line),
            Self::Empty
            | Self::NoBallots
            | Self::TooLarge { .. }
            | Self::UnsupportedExtension { .. }
            | Self::Io { .. }
            | Self::MissingHeader { .. }
            | Self::NotRanked
            | Self::Inconsistent { .. } => None,
        }
    }
}

/// Reads the bytes of a ballot file named `file_name`, choosing the format by the name's
/// extension (`.csv`, or PrefLib `.soc`, `.soi`, `.toc`, `.toi`, in any case). `kind` gives
/// the meaning of CSV cells; PrefLib files hold rankings and are refused for approval and
/// score kinds. The caller reads the file (at most [`MAX_FILE_BYTES`] + 1 bytes, so that a
/// larger file is refused as too large); nothing here touches the disk.
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    kind: BallotKind,
) -> Result<Imported, ImportError> {
    let format = check_name(file_name, kind)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        line: line_at(bytes, e.valid_up_to()),
    })?;
    match format {
        None => read_csv(text, kind),
        Some(data_type) => preflib(text, Some(data_type)),
    }
}

/// Whether a file of this name can hold ballots of `kind`: its extension is known, and PrefLib
/// files only for rankings. Returns the format (`None` for CSV). A caller checks this before
/// reading a file, so a wrong file type is refused unread.
pub fn check_name(file_name: &str, kind: BallotKind) -> Result<Option<DataType>, ImportError> {
    let format = format_of(file_name)?;
    if format.is_some() && kind != BallotKind::Ranked {
        return Err(ImportError::NotRanked);
    }
    Ok(format)
}

/// The format a file name's extension stands for: `None` for CSV, else the PrefLib data type.
/// Refuses any other extension (checked before a file is read).
fn format_of(file_name: &str) -> Result<Option<DataType>, ImportError> {
    let extension = std::path::Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => Ok(None),
        "soc" => Ok(Some(DataType::Soc)),
        "soi" => Ok(Some(DataType::Soi)),
        "toc" => Ok(Some(DataType::Toc)),
        "toi" => Ok(Some(DataType::Toi)),
        _ => Err(ImportError::UnsupportedExtension { extension }),
    }
}

/// The 1-based line of byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

// ---------------------------------------------------------------------------------------------
// CSV

/// A CSV header's cells read as the alternatives' names: trimmed, trailing empty cells
/// dropped, a first `count` column (any case) set apart. Returns the names, the index of the
/// first alternative's column (0 or 1) and the number of columns.
fn header_names<'t>(cells: impl Iterator<Item = &'t str>) -> (Vec<String>, usize, usize) {
    let mut names: Vec<String> = cells.map(|c| c.trim().to_owned()).collect();
    while names.last().is_some_and(String::is_empty) {
        names.pop();
    }
    let has_count = names
        .first()
        .is_some_and(|n| n.eq_ignore_ascii_case("count"));
    let first = usize::from(has_count);
    let columns = names.len();
    let alternatives = names.split_off(first.min(columns));
    (alternatives, first, columns)
}

/// Picks `,` or `;` from the header line: the one found more often outside quotes, on a draw
/// the first found (`,` when there is neither). Also the participant lists' reader's.
pub(crate) fn detect_separator(text: &str) -> char {
    let (mut commas, mut semicolons) = (0usize, 0usize);
    let mut first = None;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' | ';' if !quoted => {
                if c == ',' {
                    commas += 1;
                } else {
                    semicolons += 1;
                }
                first.get_or_insert(c);
            }
            _ => {}
        }
    }
    match commas.cmp(&semicolons) {
        std::cmp::Ordering::Greater => ',',
        std::cmp::Ordering::Less => ';',
        std::cmp::Ordering::Equal => first.unwrap_or(','),
    }
}

/// Splits CSV text into records ([`crate::csv_text`]); blank lines are skipped. Cells are
/// returned untrimmed.
fn csv_records(text: &str, separator: char) -> Result<Vec<Record>, ImportError> {
    let records = csv_text::records(text, separator, Blank::Skip).map_err(|error| match error {
        SplitError::UnclosedQuote { line, .. } => ImportError::BadLine {
            line,
            reason: Problem::UnclosedQuote,
        },
        SplitError::TextAfterQuote { line, .. } => ImportError::BadLine {
            line,
            reason: Problem::TextAfterQuote,
        },
    })?;
    Ok(records)
}

/// Reads CSV ballots. See the module documentation for the format.
pub fn read_csv(text: &str, kind: BallotKind) -> Result<Imported, ImportError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let separator = detect_separator(text.trim_start());
    let records = csv_records(text, separator)?;
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return Err(ImportError::Empty);
    };
    let header_line = header.line;
    let (alternatives, first, columns) = header_names(header.cells.iter().map(String::as_str));
    if alternatives.is_empty() {
        return Err(ImportError::BadHeader {
            line: header_line,
            reason: Problem::NoAlternatives,
        });
    }
    for (i, name) in alternatives.iter().enumerate() {
        if name.is_empty() {
            return Err(ImportError::BadHeader {
                line: header_line,
                reason: Problem::UnnamedColumn {
                    column: i + first + 1,
                },
            });
        }
        if alternatives[..i].contains(name) {
            return Err(ImportError::DuplicateAlternative {
                name: name.clone(),
                line: header_line,
            });
        }
    }

    let mut ballots = Vec::new();
    for record in records {
        let line = record.line;
        let filled = record
            .cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        if record.cells.len() < columns {
            return Err(ImportError::TooFewColumns {
                found: record.cells.len(),
                expected: columns,
                line,
            });
        }
        if filled > columns {
            return Err(ImportError::TooManyColumns {
                found: filled,
                expected: columns,
                line,
            });
        }
        let count = if first == 1 {
            parse_count(record.cells[0].trim(), line)?
        } else {
            1
        };
        let cells: Vec<&str> = record.cells[first..columns]
            .iter()
            .map(|c| c.trim())
            .collect();
        let choice = csv_choice(kind, &alternatives, &cells, line)?;
        ballots.push(Ballot {
            voter: None,
            count,
            choice,
        });
    }
    if ballots.is_empty() {
        return Err(ImportError::NoBallots);
    }
    Ok(Imported {
        name_lines: vec![header_line; alternatives.len()],
        alternatives,
        ballots,
    })
}

fn parse_count(value: &str, line: usize) -> Result<u32, ImportError> {
    match value.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(ImportError::BadCount {
            value: value.to_owned(),
            line,
        }),
    }
}

/// The choice of one CSV row; `cells` are trimmed and parallel to `alternatives`.
fn csv_choice(
    kind: BallotKind,
    alternatives: &[String],
    cells: &[&str],
    line: usize,
) -> Result<Choice, ImportError> {
    let bad = |i: usize, expected: CellKind| ImportError::BadCell {
        alternative: alternatives[i].clone(),
        value: cells[i].to_owned(),
        expected,
        line,
    };
    let id = |i: usize| AlternativeId(i as u32 + 1);
    match kind {
        BallotKind::Ranked => {
            let mut ranked: Vec<(u32, usize)> = Vec::new();
            for (i, cell) in cells.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                match cell.parse::<u32>() {
                    Ok(rank) if rank > 0 => ranked.push((rank, i)),
                    _ => return Err(bad(i, CellKind::Rank)),
                }
            }
            ranked.sort();
            let mut groups: Vec<Vec<AlternativeId>> = Vec::new();
            let mut last = None;
            for (rank, i) in ranked {
                match groups.last_mut() {
                    Some(group) if last == Some(rank) => group.push(id(i)),
                    _ => groups.push(vec![id(i)]),
                }
                last = Some(rank);
            }
            Ok(Choice::Ranking(groups))
        }
        BallotKind::Approval => {
            let mut approved = Vec::new();
            for (i, cell) in cells.iter().enumerate() {
                match *cell {
                    "1" => approved.push(id(i)),
                    "0" | "" => {}
                    _ => return Err(bad(i, CellKind::Approval)),
                }
            }
            Ok(Choice::Approval(approved))
        }
        BallotKind::Scores => {
            let mut scores = Vec::new();
            for (i, cell) in cells.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let value = cell.parse::<i32>().map_err(|_| bad(i, CellKind::Score))?;
                scores.push(Score {
                    alternative: id(i),
                    value,
                });
            }
            Ok(Choice::Scores(scores))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mapping to a vote

/// Renumbers imported ballots to a vote's alternatives, matching the file's names to the
/// alternatives' titles exactly (both trimmed). Refuses a name the vote does not have, or one
/// that several of the vote's alternatives share; the vote's alternatives missing from the
/// file are simply absent from the ballots (unranked, unapproved, lowest score).
pub fn map_to_session(
    imported: Imported,
    vote_alternatives: &[(AlternativeId, String)],
) -> Result<Vec<Ballot>, ImportError> {
    let mut ids = Vec::with_capacity(imported.alternatives.len());
    for (i, name) in imported.alternatives.iter().enumerate() {
        let line = imported.name_lines.get(i).copied().unwrap_or(1);
        let name = name.trim();
        let mut matches = vote_alternatives
            .iter()
            .filter(|(_, title)| title.trim() == name);
        let Some((id, _)) = matches.next() else {
            return Err(ImportError::UnknownAlternative {
                name: name.to_owned(),
                line,
            });
        };
        if matches.next().is_some() {
            return Err(ImportError::AmbiguousAlternative {
                name: name.to_owned(),
                line,
            });
        }
        ids.push(*id);
    }
    let map = |id: AlternativeId| -> Result<AlternativeId, ImportError> {
        (id.0 as usize)
            .checked_sub(1)
            .and_then(|i| ids.get(i))
            .copied()
            .ok_or(ImportError::Inconsistent { id: id.0 })
    };
    let mut ballots = Vec::with_capacity(imported.ballots.len());
    for ballot in imported.ballots {
        let choice = match ballot.choice {
            Choice::Ranking(groups) => Choice::Ranking(
                groups
                    .into_iter()
                    .map(|g| g.into_iter().map(map).collect::<Result<Vec<_>, _>>())
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            Choice::Approval(approved) => {
                Choice::Approval(approved.into_iter().map(map).collect::<Result<_, _>>()?)
            }
            Choice::Scores(scores) => Choice::Scores(
                scores
                    .into_iter()
                    .map(|s| {
                        Ok(Score {
                            alternative: map(s.alternative)?,
                            value: s.value,
                        })
                    })
                    .collect::<Result<_, ImportError>>()?,
            ),
            Choice::Dots(dots) => Choice::Dots(
                dots.into_iter()
                    .map(|d| {
                        Ok(Dots {
                            alternative: map(d.alternative)?,
                            dots: d.dots,
                        })
                    })
                    .collect::<Result<_, ImportError>>()?,
            ),
            Choice::Matrix(cells) => Choice::Matrix(
                cells
                    .into_iter()
                    .map(|c| {
                        Ok(CriterionScore {
                            alternative: map(c.alternative)?,
                            goal: c.goal,
                            value: c.value,
                        })
                    })
                    .collect::<Result<_, ImportError>>()?,
            ),
            consent @ Choice::Consent(_) => consent,
        };
        ballots.push(Ballot {
            voter: ballot.voter,
            count: ballot.count,
            choice,
        });
    }
    Ok(ballots)
}
