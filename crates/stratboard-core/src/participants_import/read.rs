//! Reading a participant list's cells: CSV, XLSX or ODS bytes into sheets of text cells.
//!
//! The format is told by the content: a ZIP archive is an ODS when its `mimetype` says so and
//! an XLSX when it holds `xl/workbook.xml`; an old Excel `.xls` (an OLE file) is refused with
//! a hint to save it as `.xlsx`; anything else is CSV text (UTF-8, a byte-order mark
//! dropped). CSV cells are separated by `,` or `;`, whichever the first line has more of
//! outside quotes; a cell may be quoted with `"` (a quote inside doubled), and a quoted cell
//! may hold separators and line breaks.
//!
//! Rows and columns are numbered the way a spreadsheet shows them: row 1 is the first row of
//! the sheet (blank rows count), column A the first column.

use std::io::{Cursor, Read};

use calamine::{Data, Ods, Reader, Xlsx, open_workbook_from_rs};

use super::ReadError;
use crate::csv_text::{self, Blank, SplitError};

/// The largest file read (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What kind of file a participant list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Comma- or semicolon-separated text.
    Csv,
    /// An Excel workbook (Office Open XML).
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice, МойОфис, Р7-Офис).
    Ods,
}

/// One sheet: its name and its rows of trimmed text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name (empty for a CSV file, which has one unnamed sheet).
    pub name: String,
    /// The row number (1-based) of `rows[0]`.
    pub first_row: usize,
    /// The column index (0-based, 0 = A) of every row's first cell.
    pub first_column: usize,
    /// The rows, each cell trimmed; a row may be shorter than others.
    pub rows: Vec<Vec<String>>,
}

/// A file's sheets, in the file's order (a CSV file has exactly one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workbook {
    /// What the file is.
    pub kind: FileKind,
    /// Its sheets.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet named `name` (exactly, then ignoring case), or the first sheet for `None`. A
    /// CSV file has no sheets to name.
    pub fn sheet(&self, name: Option<&str>) -> Result<&Sheet, ReadError> {
        if self.kind == FileKind::Csv && name.is_some() {
            return Err(ReadError::NoSheets);
        }
        let found = match name {
            None => self.sheets.first(),
            Some(name) => self.sheets.iter().find(|s| s.name == name).or_else(|| {
                let wanted = name.to_lowercase();
                self.sheets.iter().find(|s| s.name.to_lowercase() == wanted)
            }),
        };
        found.ok_or_else(|| ReadError::NoSuchSheet {
            name: name.unwrap_or_default().to_owned(),
            sheets: self.sheets.iter().map(|s| s.name.clone()).collect(),
        })
    }

    /// The sheets' names, in order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|s| s.name.clone()).collect()
    }
}

/// The column letters a spreadsheet shows for a 0-based column index: A … Z, AA, AB …
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads the bytes of a participant list named `file_name` (the name only helps to tell an
/// unknown binary file; the content decides). The caller reads at most
/// [`MAX_FILE_BYTES`] + 1 bytes, so that a larger file is refused as too large.
pub fn read_workbook(file_name: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    let kind = detect_kind(file_name, bytes)?;
    let sheets = match kind {
        FileKind::Csv => vec![read_csv(bytes)?],
        FileKind::Xlsx => guarded(|| xlsx_sheets(bytes))?,
        FileKind::Ods => guarded(|| ods_sheets(bytes))?,
    };
    Ok(Workbook { kind, sheets })
}

/// Runs a reader of the spreadsheet library, taking a panic of the library's for a damaged
/// file: calamine 0.38 overflows on a cell reference with too many column letters (a panic in
/// builds with overflow checks, found by the fuzzer), and a hurried facilitator's damaged file
/// must get a message, never a crash.
fn guarded(read: impl FnOnce() -> Result<Vec<Sheet>, ReadError>) -> Result<Vec<Sheet>, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ReadError::Damaged {
            message: "the spreadsheet library could not read it (a malformed cell reference)"
                .to_owned(),
        })
    })
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// Tells the kind of file from its content (and, for a file that is neither, its name).
pub fn detect_kind(file_name: &str, bytes: &[u8]) -> Result<FileKind, ReadError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ReadError::OldExcel);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return zip_kind(bytes);
    }
    let extension = std::path::Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "ods" => Err(ReadError::Damaged {
            message: "not a ZIP archive".to_owned(),
        }),
        "xls" => Err(ReadError::OldExcel),
        "" | "csv" | "txt" | "tsv" => Ok(FileKind::Csv),
        _ if looks_like_text(bytes) => Ok(FileKind::Csv),
        _ => Err(ReadError::Unsupported { extension }),
    }
}

/// Whether the first bytes are text (no NUL, valid UTF-8 up to a cut character).
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    }
}

/// Which spreadsheet a ZIP archive is.
fn zip_kind(bytes: &[u8]) -> Result<FileKind, ReadError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| ReadError::Damaged {
            message: error.to_string(),
        })?;
    if let Ok(mut entry) = archive.by_name("mimetype") {
        let mut mimetype = String::new();
        // A mimetype entry that cannot be read is no ODS.
        if entry.read_to_string(&mut mimetype).is_ok() && mimetype.trim() == ODS_MIMETYPE {
            return Ok(FileKind::Ods);
        }
        return Err(ReadError::Unsupported {
            extension: mimetype.trim().to_owned(),
        });
    }
    if archive.by_name("xl/workbook.xml").is_ok() {
        return Ok(FileKind::Xlsx);
    }
    Err(ReadError::Unsupported {
        extension: "zip".to_owned(),
    })
}

/// The most cells a sheet may span, from its first filled cell to its last: a thousand times
/// any real list, and a bound on what a stray cell far below or to the right of the list
/// (`XFD1048576` spans 17 thousand million) can make the reader hold.
pub const MAX_SHEET_CELLS: usize = 1_000_000;

/// Every sheet of an XLSX workbook, cells as text, read cell by cell (the spreadsheet library's
/// whole-sheet range would first allocate every cell between the corners).
fn xlsx_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let damaged = |error: calamine::XlsxError| ReadError::Damaged {
        message: error.to_string(),
    };
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).map_err(damaged)?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let mut reader = workbook.worksheet_cells_reader(&name).map_err(damaged)?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(damaged)? {
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if text.is_empty() {
                continue;
            }
            // More filled cells than a sheet may span (a compressed file can hold many): the
            // sheet is refused without reading on.
            if cells.len() == MAX_SHEET_CELLS {
                let (row, column) = cell.get_position();
                check_size(
                    &name,
                    MAX_SHEET_CELLS + 1,
                    1,
                    (row as usize, column as usize),
                )?;
            }
            cells.push((cell.get_position(), text));
        }
        drop(reader);
        sheets.push(sheet_of_cells(name, cells)?);
    }
    Ok(sheets)
}

/// A sheet from its filled cells ((row, column) from 0, and the text).
fn sheet_of_cells(name: String, cells: Vec<((u32, u32), String)>) -> Result<Sheet, ReadError> {
    let rows = cells.iter().map(|((row, _), _)| *row as usize);
    let columns = cells.iter().map(|((_, column), _)| *column as usize);
    let (Some(top), Some(bottom), Some(left), Some(right)) = (
        rows.clone().min(),
        rows.max(),
        columns.clone().min(),
        columns.max(),
    ) else {
        return Ok(Sheet {
            name,
            first_row: 1,
            first_column: 0,
            rows: Vec::new(),
        });
    };
    let (height, width) = (bottom - top + 1, right - left + 1);
    check_size(&name, height, width, (bottom, right))?;
    let mut grid = vec![vec![String::new(); width]; height];
    for ((row, column), text) in cells {
        grid[row as usize - top][column as usize - left] = text;
    }
    Ok(Sheet {
        name,
        first_row: top + 1,
        first_column: left,
        rows: grid,
    })
}

/// Refuses a sheet spanning more than [`MAX_SHEET_CELLS`], naming its farthest cell
/// ((row, column) from 0).
fn check_size(
    sheet: &str,
    height: usize,
    width: usize,
    (row, column): (usize, usize),
) -> Result<(), ReadError> {
    if height.saturating_mul(width) > MAX_SHEET_CELLS {
        return Err(ReadError::SheetTooLarge {
            sheet: sheet.to_owned(),
            cell: format!("{}{}", column_letter(column), row + 1),
        });
    }
    Ok(())
}

/// Every sheet of an ODS workbook, cells as text. (The library reads an ODS sheet whole and
/// refuses one over 100 million cells itself.)
fn ods_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let damaged = |error: calamine::OdsError| ReadError::Damaged {
        message: error.to_string(),
    };
    let mut workbook: Ods<_> =
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).map_err(damaged)?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(damaged)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        if let Some((last_row, last_column)) = range.end() {
            let (height, width) = range.get_size();
            check_size(
                &name,
                height,
                width,
                (last_row as usize, last_column as usize),
            )?;
        }
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        sheets.push(Sheet {
            name,
            first_row: first_row as usize + 1,
            first_column: first_column as usize,
            rows,
        });
    }
    Ok(sheets)
}

/// A spreadsheet cell as the text a person reads: whole numbers without ".0" (a phone number
/// typed as a number stays a phone number).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{}", *value as i64)
        }
        other => other.to_string().trim().to_owned(),
    }
}

/// Reads CSV bytes as one sheet. Blank lines stay as empty rows, so row numbers match the
/// file's as a spreadsheet opens it.
fn read_csv(bytes: &[u8]) -> Result<Sheet, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        row: bytes[..error.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    })?;
    let separator = detect_separator(text);
    let rows = csv_rows(text, separator)?;
    Ok(Sheet {
        name: String::new(),
        first_row: 1,
        first_column: 0,
        rows,
    })
}

/// `,` or `;`: whichever the first non-blank line has more of outside quotes (on a draw, the
/// one found first; `,` when there is neither) — the ballot reader's rule.
fn detect_separator(text: &str) -> char {
    crate::voting::import::detect_separator(text.trim_start())
}

/// Splits CSV text into rows of trimmed cells ([`crate::csv_text`]); blank lines stay as
/// rows, so that a row's number is the record's.
fn csv_rows(text: &str, separator: char) -> Result<Vec<Vec<String>>, ReadError> {
    let records = csv_text::records(text, separator, Blank::Keep).map_err(|error| match error {
        SplitError::UnclosedQuote { record, .. } => ReadError::UnclosedQuote { row: record },
        SplitError::TextAfterQuote { record, .. } => ReadError::TextAfterQuote { row: record },
    })?;
    Ok(records
        .into_iter()
        .map(|record| {
            record
                .cells
                .iter()
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn column_letters_are_the_spreadsheet_ones() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn csv_keeps_blank_lines_as_rows_and_reads_quotes() {
        let sheet = read_csv("a;\"b;c\"\r\n\r\n x ; \"say \"\"hi\"\"\"\n".as_bytes()).unwrap();
        assert_eq!(
            sheet.rows,
            vec![
                vec!["a".to_owned(), "b;c".to_owned()],
                vec![String::new()],
                vec!["x".to_owned(), "say \"hi\"".to_owned()],
            ]
        );
    }

    #[test]
    fn separator_is_taken_from_the_first_line() {
        assert_eq!(detect_separator("ФИО;Должность, отдел\n"), ';');
        assert_eq!(detect_separator("\n\nName,Position;x,y\n"), ',');
        assert_eq!(detect_separator("\"a;b;c\",d\n"), ',');
    }

    #[test]
    fn unclosed_quote_names_its_row() {
        let error = read_csv(b"Name\nA\n\"B\n").unwrap_err();
        assert_eq!(error, ReadError::UnclosedQuote { row: 3 });
    }

    #[test]
    fn binary_files_are_told_apart() {
        assert_eq!(detect_kind("x.xls", OLE_MAGIC), Err(ReadError::OldExcel));
        assert!(matches!(
            detect_kind("x.xlsx", b"Name\n"),
            Err(ReadError::Damaged { .. })
        ));
        assert_eq!(
            detect_kind("photo.png", b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ReadError::Unsupported {
                extension: "png".to_owned()
            })
        );
        assert_eq!(
            detect_kind("list.dat", "ФИО\n".as_bytes()),
            Ok(FileKind::Csv)
        );
    }
}
