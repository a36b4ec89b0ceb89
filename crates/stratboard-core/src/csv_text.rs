//! CSV text split into records, for the two CSV readers of the core: paper ballots
//! (`voting::import`) and participant lists (`participants_import`).
//!
//! RFC 4180 quoting: a cell may be quoted with `"` (a quote inside is doubled, `""`), a quoted
//! cell may hold separators and line breaks, and blanks around the quotes are dropped. Lines
//! end at `\n`, `\r\n` or a lone `\r`. Every line is a record; blank ones are kept or skipped
//! as the reader asks ([`Blank`]), skipped ones still counted in the record numbers. A last
//! line without a line break is a record, the empty "line" after a final line break is not. Unquoted cells are returned as they are (blanks
//! included); quoted ones without their quotes.

/// One record of CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The line (1-based) it starts on; a quoted line break makes a record span lines.
    pub line: usize,
    /// Its cells, at least one.
    pub cells: Vec<String>,
    /// Whether a cell was quoted (a quoted empty cell is not a blank line).
    pub quoted: bool,
}

impl Record {
    /// Nothing but blanks, and nothing quoted.
    pub fn is_blank(&self) -> bool {
        !self.quoted && self.cells.len() == 1 && self.cells[0].trim().is_empty()
    }
}

/// What [`records`] does with a blank record ([`Record::is_blank`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Blank {
    /// Keep it (a spreadsheet shows it as an empty row).
    Keep,
    /// Leave it out as it is read (a file of blank lines costs no memory).
    Skip,
}

/// Why CSV text cannot be split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SplitError {
    /// A quoted cell is never closed.
    UnclosedQuote {
        /// The record (1-based, blank lines counted) and the line it starts on.
        record: usize,
        /// The line the record starts on.
        line: usize,
    },
    /// Text follows the closing quote of a cell.
    TextAfterQuote {
        /// The record (1-based, blank lines counted).
        record: usize,
        /// The line of the closing quote.
        line: usize,
    },
}

/// Splits `text` into records at `separator`. See the module documentation.
pub(crate) fn records(
    text: &str,
    separator: char,
    blank: Blank,
) -> Result<Vec<Record>, SplitError> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    let mut record = 0usize;
    while chars.peek().is_some() {
        record += 1;
        let start = line;
        let mut cells = Vec::new();
        let mut quoted = false;
        loop {
            let mut cell = String::new();
            // Blanks before an opening quote belong to an unquoted cell.
            while let Some(&c @ (' ' | '\t')) = chars.peek() {
                cell.push(c);
                chars.next();
            }
            if chars.peek() == Some(&'"') {
                chars.next();
                quoted = true;
                cell.clear();
                read_quoted(&mut chars, &mut cell, &mut line).ok_or(SplitError::UnclosedQuote {
                    record,
                    line: start,
                })?;
                while matches!(chars.peek(), Some(' ' | '\t')) {
                    chars.next();
                }
                match chars.peek() {
                    None | Some('\n' | '\r') => {}
                    Some(c) if *c == separator => {}
                    Some(_) => return Err(SplitError::TextAfterQuote { record, line }),
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == separator || c == '\n' || c == '\r' {
                        break;
                    }
                    cell.push(c);
                    chars.next();
                }
            }
            cells.push(cell);
            match chars.next() {
                Some(c) if c == separator => {}
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                Some('\n') => {
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        let record = Record {
            line: start,
            cells,
            quoted,
        };
        if blank == Blank::Keep || !record.is_blank() {
            records.push(record);
        }
    }
    Ok(records)
}

/// Reads a quoted cell's text after its opening quote, up to and including the closing one,
/// counting the line breaks inside; `None` when it is never closed.
fn read_quoted(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    cell: &mut String,
    line: &mut usize,
) -> Option<()> {
    loop {
        match chars.next()? {
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => return Some(()),
            c => {
                if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                    *line += 1;
                }
                cell.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        records(text, ',', Blank::Keep)
            .unwrap()
            .into_iter()
            .map(|r| r.cells)
            .collect()
    }

    #[test]
    fn records_keep_blank_lines_and_their_lines() {
        let text = "a,b\r\n\n \"x\ny\" , c\rlast";
        let split = records(text, ',', Blank::Keep).unwrap();
        let lines: Vec<usize> = split.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 3, 5]);
        assert_eq!(split[1].cells, [""]);
        assert!(split[1].is_blank());
        assert_eq!(split[2].cells, ["x\ny", " c"]);
        assert!(!split[2].is_blank());
        assert_eq!(split[3].cells, ["last"]);
        // Skipped, a blank line is not in the records but still in the numbers.
        let skipped = records(text, ',', Blank::Skip).unwrap();
        assert_eq!(skipped.len(), 3);
        assert_eq!(skipped[1].line, 3);
        assert_eq!(
            records("\n\n\"a", ',', Blank::Skip),
            Err(SplitError::UnclosedQuote { record: 3, line: 3 })
        );
        // A final line break adds no record; a quoted empty cell is not blank.
        assert_eq!(cells("a\n"), [["a"]]);
        assert!(!records("\"\"\n", ',', Blank::Keep).unwrap()[0].is_blank());
        assert_eq!(cells("  ,\t"), [["  ", "\t"]]);
        assert_eq!(cells("\"say \"\"hi\"\";x\""), [["say \"hi\";x"]]);
    }

    #[test]
    fn quote_errors_name_the_record_and_the_line() {
        assert_eq!(
            records("a\n\n\"b\nc", ',', Blank::Keep),
            Err(SplitError::UnclosedQuote { record: 3, line: 3 })
        );
        assert_eq!(
            records("a\n\"b\nc\" d", ',', Blank::Keep),
            Err(SplitError::TextAfterQuote { record: 2, line: 3 })
        );
    }
}
