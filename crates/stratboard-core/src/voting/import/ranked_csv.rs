//! Ranked CSV ballots read straight from a file's bytes into the compact form counted by
//! [`crate::voting::tally_ranked`], without a [`crate::model::Ballot`] per line: the path of
//! `stratboard tally --ballots FILE.csv`.
//!
//! A line is read the fast way ([`masked_row`]) when it has the usual shape — at most 63 bytes,
//! exactly the header's columns, each cell blank or one to seven digits, ended by a line feed
//! or `\r\n`: three bit masks of its 64 bytes (separators, line feeds, anything else that is
//! not a digit), built eight bytes at a time with word arithmetic, give every cell's place at
//! once, and each cell is valued without a branch on its length. Any other line (blanks around
//! numbers, padding cells, a blank line, a longer line, the file's last 72 bytes) is read byte
//! by byte by [`number_cells`], which knows every shape the full reader accepts. Both give the
//! same cells (tests, property tests and the `ballot_files` fuzz target check it).

use super::{BallotKind, MAX_FILE_BYTES, check_name, detect_separator, header_names, strip_bom};
use crate::voting::{MAX_RANKED_ALTERNATIVES, RankedProfile};

/// Ranked ballots of a CSV file read straight from its bytes into the compact form counted
/// by [`crate::voting::tally_ranked`]: the alternatives' names (ids 1, 2, … in column order,
/// as [`super::read_bytes`] gives them) and the ballots.
///
/// `None` when this reader does not take the file: not a `.csv` name, too large, not UTF-8,
/// quoted cells, a lone carriage return inside a line, or anything [`super::read_bytes`]
/// refuses. The caller then reads it with [`super::read_bytes`], which gives the same ballots
/// or says what is wrong; for every file this reader takes, counting its result gives exactly
/// the result of counting the ballots [`super::read_bytes`] reads.
pub fn read_ranked_csv(file_name: &str, bytes: &[u8]) -> Option<(Vec<String>, RankedProfile)> {
    if !matches!(check_name(file_name, BallotKind::Ranked), Ok(None))
        || bytes.len() as u64 > MAX_FILE_BYTES
        || bytes.contains(&b'"')
    {
        return None;
    }
    let text = strip_bom(std::str::from_utf8(bytes).ok()?);
    if text.trim().is_empty() {
        return None;
    }
    let separator = detect_separator(text.trim_start());
    // Lines as the full reader splits them: at "\n", "\r\n" or a final "\r"; a line holding
    // nothing but blanks (no separator) is skipped.
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let header = lines.find(|line| line.contains(separator) || !line.trim().is_empty())?;
    if header.contains('\r') {
        return None;
    }
    let (alternatives, first, columns) = header_names(header.split(separator));
    let n = alternatives.len();
    if n == 0
        || n > MAX_RANKED_ALTERNATIVES
        || alternatives
            .iter()
            .enumerate()
            .any(|(i, name)| name.is_empty() || alternatives[..i].contains(name))
    {
        return None;
    }
    let separator = u8::try_from(separator).ok()?;
    // The lines after the header, split as bytes (the separators are ASCII).
    let header_end = header.as_ptr() as usize - text.as_ptr() as usize + header.len();
    let body = &text.as_bytes()[header_end..];
    let body = body.strip_prefix(b"\r").unwrap_or(body);
    let body = body.strip_prefix(b"\n").unwrap_or(body);
    // At most one ballot a line, and a ballot's line holds at least n bytes (n − 1 separators
    // and a line break, or one digit and a line break): one allocation each, no doublings, and
    // never more than the file can fill (blank lines are no ballots).
    let ballots = count_newlines(body)
        .saturating_add(1)
        .min(body.len() / n + 1);
    let mut profile = RankedProfile {
        alternatives: n,
        ranks: Vec::with_capacity(ballots * n),
        listed_levels: Vec::with_capacity(ballots),
        weights: Vec::with_capacity(ballots),
    };
    let mut rows = Rows {
        body,
        separator,
        first,
        cells: vec![0; columns],
        spill: Vec::with_capacity(columns + 1),
        level_of: Vec::with_capacity(4 * n + 65),
        ranked: Vec::with_capacity(n),
    };
    let mut at = 0;
    while at < body.len() {
        match rows.read(at)? {
            Line::Ballot { next, weight, seen } => {
                at = next;
                let listed = rows.levels(seen, &mut profile.ranks)?;
                profile.listed_levels.push(listed);
                profile.weights.push(weight);
            }
            Line::Blank { next } => at = next,
        }
    }
    if profile.weights.is_empty() {
        return None;
    }
    Some((alternatives, profile))
}

/// The reader's state over the lines after the header.
struct Rows<'b> {
    /// The bytes after the header line.
    body: &'b [u8],
    /// `,` or `;`.
    separator: u8,
    /// The first alternative's column (1 after a count column, else 0).
    first: usize,
    /// The last line's cells, one per header column (the count column included).
    cells: Vec<u32>,
    /// A line's cells as the byte-by-byte reader finds them (padding cells included).
    spill: Vec<u32>,
    /// Scratch for [`levels_by_table`]: a level per rank.
    level_of: Vec<u32>,
    /// Scratch for [`levels_by_sorting`]: (rank, alternative) of the ranked alternatives.
    ranked: Vec<(u32, usize)>,
}

/// A line read by [`Rows::read`].
enum Line {
    /// A ballot, `weight` times; its cells are in [`Rows::cells`].
    Ballot {
        /// Where the next line starts.
        next: usize,
        /// The count column's value, or 1.
        weight: u64,
        /// Its ranks, summed up.
        seen: Seen,
    },
    /// Nothing but blanks (no separator): skipped, as the full reader does.
    Blank {
        /// Where the next line starts.
        next: usize,
    },
}

/// A row's raw ranks summed up while they are read, for [`Rows::levels`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Seen {
    /// Bit r for each rank r below 64 (bit 0: a rank of 0, which is refused).
    used: u64,
    /// Whether a rank of 63 or more was seen (blanks are not ranks).
    large: bool,
}

impl Seen {
    /// Adds a cell (a rank or [`BLANK`]). Arithmetic only, no comparison the compiler could
    /// turn into a branch: whether a cell is blank or large is data, not control.
    #[inline(always)]
    fn add(&mut self, cell: u32) {
        let small = u64::from(cell < 64).wrapping_neg();
        self.used |= (1 << (cell & 63)) & small;
        // A blank wraps to 0.
        self.large |= cell.wrapping_add(1) > 63;
    }

    /// The summary of `cells`.
    fn of(cells: &[u32]) -> Self {
        let mut seen = Self::default();
        for &cell in cells {
            seen.add(cell);
        }
        seen
    }
}

impl Rows<'_> {
    /// Reads the line starting at `at`, a ballot's cells into [`Rows::cells`]. `None` when
    /// this reader does not take the file.
    fn read(&mut self, at: usize) -> Option<Line> {
        let columns = self.cells.len();
        let (next, mut seen) = match masked_row(self.body, at, self.separator, &mut self.cells) {
            Some(read) => read,
            None => {
                let next = number_cells(self.body, at, self.separator, &mut self.spill)?;
                let spill = &self.spill;
                if spill.len() == 1 && spill[0] == BLANK {
                    return Some(Line::Blank { next });
                }
                // Every column there, and nothing but blanks beyond them.
                if spill.len() < columns || spill[columns..].iter().any(|&c| c != BLANK) {
                    return None;
                }
                self.cells.copy_from_slice(&spill[..columns]);
                (next, Seen::of(&self.cells))
            }
        };
        let weight = if self.first == 1 {
            // The count is no rank: summed up again without it.
            seen = Seen::of(&self.cells[1..]);
            match self.cells[0] {
                BLANK | 0 => return None,
                count => u64::from(count),
            }
        } else {
            1
        };
        Some(Line::Ballot { next, weight, seen })
    }

    /// Adds the last line's raw ranks (its cells after a count column) to `levels` as levels:
    /// tie groups in rank order, numbered without gaps from 0, unranked alternatives on the
    /// level after the last — the levels the full reader's groups get when counted. Returns
    /// that last level (the number of groups); `None` for a rank of 0, which the full reader
    /// refuses. `seen` sums up the ranks.
    fn levels(&mut self, seen: Seen, levels: &mut Vec<u16>) -> Option<u32> {
        let row = &mut self.cells[self.first..];
        // Levels are at most n ≤ MAX_RANKED_ALTERNATIVES (checked with the header): they fit
        // in 16 bits, and `as` keeps them whole.
        if seen.used & 1 != 0 {
            return None;
        }
        // Bits 0 … 61 for ranks 1 … 62.
        let ranks = seen.used >> 1;
        if !seen.large && ranks & (ranks + 1) == 0 {
            // Ranks 1, 2, … highest all used (ties allowed), as in nearly every file: a rank's
            // level is the rank less one.
            let highest = ranks.trailing_ones();
            levels.extend(row.iter().map(|&rank| {
                if rank == BLANK {
                    highest as u16
                } else {
                    (rank - 1) as u16
                }
            }));
            return Some(highest);
        }
        let highest = row
            .iter()
            .filter(|&&r| r != BLANK)
            .max()
            .map_or(0, |&r| r as usize);
        let listed = if highest <= 4 * row.len() + 64 {
            levels_by_table(row, highest, &mut self.level_of)
        } else {
            levels_by_sorting(row, &mut self.ranked)
        };
        levels.extend(row.iter().map(|&level| level as u16));
        Some(listed)
    }
}

/// [`Rows::levels`] for small ranks: a rank's level is the number of distinct ranks below it
/// (`level_of` is scratch).
fn levels_by_table(row: &mut [u32], highest: usize, level_of: &mut Vec<u32>) -> u32 {
    level_of.clear();
    level_of.resize(highest + 1, 0);
    for &rank in row.iter() {
        if rank != BLANK {
            level_of[rank as usize] = 1;
        }
    }
    let mut levels = 0u32;
    for slot in level_of.iter_mut() {
        let present = *slot;
        *slot = levels;
        levels += present;
    }
    for rank in row.iter_mut() {
        *rank = if *rank == BLANK {
            levels
        } else {
            level_of[*rank as usize]
        };
    }
    levels
}

/// [`Rows::levels`] for large ranks: the ranked alternatives sorted by rank (`ranked` is
/// scratch).
fn levels_by_sorting(row: &mut [u32], ranked: &mut Vec<(u32, usize)>) -> u32 {
    ranked.clear();
    ranked.extend(
        row.iter()
            .enumerate()
            .filter(|(_, r)| **r != BLANK)
            .map(|(i, r)| (*r, i)),
    );
    ranked.sort_unstable();
    let mut levels = 0u32;
    let mut last = None;
    for &(rank, i) in ranked.iter() {
        if last.is_some_and(|previous| previous != rank) {
            levels += 1;
        }
        last = Some(rank);
        row[i] = levels;
    }
    let listed = if ranked.is_empty() { 0 } else { levels + 1 };
    // Levels are at most the row's length, never BLANK: what is still BLANK is unranked.
    for rank in row.iter_mut() {
        if *rank == BLANK {
            *rank = listed;
        }
    }
    listed
}

/// The number of line feeds in `bytes`, 64 bytes at a time (vectorised).
fn count_newlines(bytes: &[u8]) -> usize {
    let (chunks, rest) = bytes.as_chunks::<64>();
    let whole: usize = chunks
        .iter()
        .map(|chunk| {
            let found = chunk.iter().fold(0u8, |sum, &b| sum + u8::from(b == b'\n'));
            usize::from(found)
        })
        .sum();
    whole + rest.iter().filter(|&&b| b == b'\n').count()
}

/// A blank cell: an unranked alternative.
const BLANK: u32 = u32::MAX;

/// Eight copies of a byte in a word.
const fn bytes8(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The top bit of each zero byte of `word`, exactly: a byte's low seven bits plus 0x7F reach
/// the top bit unless they are all zero (never carrying into the next byte).
#[inline(always)]
fn zero_bytes(word: u64) -> u64 {
    !(((word & bytes8(0x7F)).wrapping_add(bytes8(0x7F))) | word) & bytes8(0x80)
}

/// The top bit of each byte of `word` that is not an ASCII digit.
#[inline(always)]
fn not_digits(word: u64) -> u64 {
    // Each byte less '0' (as an exclusive or: the same for digits, 10 or more for the rest);
    // its low seven bits plus 0x76 reach the top bit from 10 up, and bytes from 0x80 have it.
    let digits = word ^ bytes8(b'0');
    (((digits & bytes8(0x7F)).wrapping_add(bytes8(0x76))) | digits) & bytes8(0x80)
}

/// The top bits of a word's eight bytes gathered into eight bits (byte k → bit k).
#[inline(always)]
fn gather(top_bits: u64) -> u64 {
    ((top_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// A block's 64 bytes as three bit masks (byte k → bit k): the separators, the line feeds,
/// and every other byte that is not a digit.
#[inline(always)]
fn masks64(block: &[u8; 64], separator: u8) -> (u64, u64, u64) {
    let (mut separators, mut line_feeds, mut others) = (0, 0, 0);
    for (k, bytes) in block.as_chunks::<8>().0.iter().enumerate() {
        let word = u64::from_le_bytes(*bytes);
        let separator = zero_bytes(word ^ bytes8(separator));
        let line_feed = zero_bytes(word ^ bytes8(b'\n'));
        let other = not_digits(word) & !(separator | line_feed);
        separators |= gather(separator) << (8 * k);
        line_feeds |= gather(line_feed) << (8 * k);
        others |= gather(other) << (8 * k);
    }
    (separators, line_feeds, others)
}

/// The value of a cell of `length` digits (0 to 7) at the start of `word`, [`BLANK`]
/// without any.
#[inline(always)]
fn digits_value(word: u64, length: u32) -> u32 {
    let digits = word ^ bytes8(b'0');
    // Arithmetic, not a branch on the length: one- and two-digit cells come in any order, and
    // a mispredicted branch per cell would cost more than the rest of reading it.
    let blank = u32::from(length == 0).wrapping_neg();
    if length <= 2 {
        // Ranks below 100, nearly every cell: the digits moved to bytes 0 and 1 (zeros in
        // front of a single one).
        let aligned = digits << (8 * (2 - length));
        return ((aligned & 0x0F) as u32 * 10 + ((aligned >> 8) & 0x0F) as u32) | blank;
    }
    // The digits moved to the top of the word (the first, most significant, lowest), the
    // bytes after them shifted out; then pairs, fours and eights of digits combined.
    let aligned = (digits << (64 - 8 * length)) & bytes8(0x0F);
    let pairs = (aligned.wrapping_mul(10 << 8 | 1) >> 8) & 0x00FF_00FF_00FF_00FF;
    let fours = (pairs.wrapping_mul(100 << 16 | 1) >> 16) & 0x0000_FFFF_0000_FFFF;
    (fours.wrapping_mul(10_000 << 32 | 1) >> 32) as u32
}

/// The usual line starting at `at`, its cells found from bit masks of its bytes (no branch
/// per byte, and a cell's place does not wait for the cell before it to be read): at most 63
/// bytes, exactly `cells.len()` cells, each blank or one to seven digits, separated by
/// `separator` and ended by `\n` or `\r\n`. Fills `cells` and returns where the next line
/// starts and the cells summed up. `None` for any other line and for the last 72 bytes of the
/// file: [`number_cells`] reads them.
#[inline(never)]
fn masked_row(body: &[u8], at: usize, separator: u8, cells: &mut [u32]) -> Option<(usize, Seen)> {
    // Eight bytes more than the masks cover, so that a cell's word can always be loaded.
    let block = body.get(at..)?.first_chunk::<72>()?;
    let (separators, line_feeds, others) = masks64(block.first_chunk::<64>()?, separator);
    let feed = line_feeds.trailing_zeros();
    // Longer than the block, or a blank line (with one column it would pass for one blank
    // cell): the byte reader's.
    if feed == 64 || feed == 0 {
        return None;
    }
    // The line's bytes, before its line feed; a "\r" before that ends the last cell.
    let line = (1u64 << feed) - 1;
    let mut end = feed;
    let others = others & line;
    if others != 0 {
        // Only a "\r" before the line feed, after something (not a blank "\r\n" line).
        if others != 1 << (feed - 1) || block[feed as usize - 1] != b'\r' || feed == 1 {
            return None;
        }
        end = feed - 1;
    }
    let separators = separators & line;
    if separators.count_ones() as usize + 1 != cells.len() {
        return None;
    }
    let mut bounds = separators | 1 << end;
    let mut start = 0;
    let mut seen = Seen::default();
    for cell in cells.iter_mut() {
        let bound = bounds.trailing_zeros();
        bounds &= bounds - 1;
        let length = bound - start;
        if length > 7 {
            return None;
        }
        let word = u64::from_le_bytes(*block[start as usize..].first_chunk::<8>()?);
        let value = digits_value(word, length);
        *cell = value;
        seen.add(value);
        start = bound + 1;
    }
    Some((at + feed as usize + 1, seen))
}

/// The cells of the line starting at `at` in `body`, byte by byte: blank ([`BLANK`]) or a
/// whole number below [`BLANK`], with spaces or tabs around it. The line ends at a line
/// feed, a carriage return before one, or the end; returns where the next line starts.
/// `None` for anything else (a sign, another blank character, a number too large), which the
/// full reader then judges.
fn number_cells(body: &[u8], mut at: usize, separator: u8, cells: &mut Vec<u32>) -> Option<usize> {
    cells.clear();
    // The cell so far: its digits' value (wrapping: more than ten digits is refused anyway),
    // how many digits, and whether blanks followed them.
    let mut value = 0u64;
    let mut digits = 0u32;
    let mut after_blanks = false;
    while let Some(&byte) = body.get(at) {
        at += 1;
        let digit = byte.wrapping_sub(b'0');
        if digit < 10 {
            if after_blanks {
                return None;
            }
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
            digits += 1;
        } else if byte == separator {
            cells.push(cell_value(value, digits)?);
            value = 0;
            digits = 0;
            after_blanks = false;
        } else if byte == b'\n' {
            break;
        } else if byte == b' ' || byte == b'\t' {
            after_blanks = digits > 0;
        } else if byte == b'\r' && matches!(body.get(at), None | Some(b'\n')) {
            at += 1;
            break;
        } else {
            return None;
        }
    }
    cells.push(cell_value(value, digits)?);
    Some(at)
}

/// A cell of [`number_cells`] from its digits: [`BLANK`] without any, `None` when the number
/// does not fit below [`BLANK`].
fn cell_value(value: u64, digits: u32) -> Option<u32> {
    match digits {
        0 => Some(BLANK),
        1..=10 => u32::try_from(value).ok().filter(|&n| n != BLANK),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_valued_like_its_digits() {
        let cases: [(&[u8; 8], u32, u32); 6] = [
            (b",,,,,,,,", 0, BLANK),
            (b"7,,,,,,,", 1, 7),
            (b"12\n45678", 2, 12),
            (b"0\r\n12345", 1, 0),
            (b"1234567,", 7, 1_234_567),
            (b"0099999\n", 7, 99_999),
        ];
        for (bytes, length, expected) in cases {
            assert_eq!(digits_value(u64::from_le_bytes(*bytes), length), expected);
        }
    }

    #[test]
    fn the_masks_mark_separators_line_feeds_and_the_rest() {
        let mut block = [b'5'; 64];
        block[..12].copy_from_slice(b"12,3\n;x\r\xD0\x90/:");
        block[63] = b',';
        let (separators, line_feeds, others) = masks64(&block, b',');
        assert_eq!(separators, 1 << 2 | 1 << 63);
        assert_eq!(line_feeds, 1 << 4);
        // ';' (not this file's separator), 'x', '\r', the two bytes of 'А', '/' and ':'.
        assert_eq!(others, 0b111_1111 << 5);
        block[0] = b';';
        let (separators, _, _) = masks64(&block, b';');
        assert_eq!(separators, 1 | 1 << 5);
    }

    /// Reads `body` line by line with both readers; returns how many lines the masked one took.
    fn both_readers(body: &[u8], columns: usize) -> usize {
        let mut masked = vec![0u32; columns];
        let mut cells = Vec::new();
        let mut at = 0;
        let mut taken = 0;
        while at < body.len() {
            let next = number_cells(body, at, b',', &mut cells);
            if let Some((fast_next, seen)) = masked_row(body, at, b',', &mut masked) {
                assert_eq!(Some(fast_next), next, "line at {at}");
                assert_eq!(masked, cells, "line at {at}");
                assert_eq!(seen, Seen::of(&cells), "line at {at}");
                taken += 1;
            }
            let Some(next) = next else { break };
            at = next;
        }
        taken
    }

    #[test]
    fn the_masked_reader_and_the_byte_reader_agree() {
        let mut body = Vec::new();
        // Usual lines: short, CRLF, blanks, seven digits.
        body.extend_from_slice(b"1,2,3\n4,,6\r\n10,11,\n,,\n1234567,0,7654321\n");
        body.extend_from_slice(b"11111,22222,33333");
        body.extend_from_slice(&[b' '; 0][..]);
        body.extend_from_slice(b"\n");
        let long_cells = "1,".repeat(40);
        // Lines it leaves to the byte reader: a blank before a number, padding, a short line,
        // eight digits, a letter, a lone "\r", a line feed right after a block's "\r".
        for line in [
            "1, 2,3",
            "1,2,3,",
            "1,2",
            "12345678,1,2",
            "1,x,2",
            "1\r2,3,4",
        ] {
            body.extend_from_slice(line.as_bytes());
            body.push(b'\n');
        }
        body.extend_from_slice(format!("{long_cells}\n").as_bytes());
        body.extend_from_slice(&[b'\n'; 80]);
        let taken = both_readers(&body, 3);
        assert_eq!(taken, 6, "the six usual lines");
        // A line longer than a block is left to the byte reader.
        let long = format!("{long_cells}\n{}", "\n".repeat(80));
        assert_eq!(both_readers(long.as_bytes(), 41), 0);
    }
}
