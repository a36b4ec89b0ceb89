//! Participants from a spreadsheet: a CSV, XLSX or ODS list of people read into an
//! [`ImportPlan`] — what would be added to a session — and applied as one [`Command`] (one
//! undo step).
//!
//! 1. [`read_workbook`] turns the file's bytes into sheets of text cells (the format is told by
//!    the content; see [`read`]).
//! 2. [`Table::from_sheet`] takes the sheet's first non-empty row as the header and
//!    [`Mapping::recognise`] maps each header to a [`Field`] (Russian or English, case, spaces
//!    and punctuation ignored: «Ф.И.О.», "Full name", «Эл. почта»…). The caller may change the
//!    mapping (the window's preview does).
//! 3. [`plan`] reads the rows against a session: people to add, groups to create (matched to
//!    the session's by name, ignoring case), people already in the session or twice in the
//!    file (same name, ignoring case and spacing: reported, added once), empty rows, and
//!    [`Problem`]s. A plan with a problem must not be applied: a bad file is refused whole.
//!    A voting column («Право голоса» / "Voting": да/нет, yes/no, +/-, 1/0, true/false; see
//!    [`voting_value`]) sets a new participant's right to vote (a blank cell: they have one)
//!    and changes that of a person already in the session ([`VotingChange`]); without the
//!    column nobody's right to vote changes. Any other value is a [`Problem::BadVoting`].
//! 4. [`ImportPlan::command`] makes the command that adds the groups and the people with fresh
//!    ids; its inverse removes them all.
//!
//! Nothing here touches the disk: the caller reads the file. [`text`] translates the messages.

pub mod file;
pub mod read;
pub mod text;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

pub use read::{FileKind, MAX_FILE_BYTES, Sheet, Workbook, column_letter, read_workbook};

use crate::commands::{Command, Item};
use crate::model::{GroupId, Participant, ParticipantId, Session, StakeholderGroup};

/// Why a file could not be read as a participant list at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; at most 16 MB)")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// A text file that is not UTF-8.
    #[error("row {row}: the file is not UTF-8 text (save it as “CSV UTF-8”)")]
    NotUtf8 {
        /// The row with the first invalid byte.
        row: usize,
    },
    /// Neither CSV, XLSX nor ODS.
    #[error("unsupported file type “{extension}” (expected .csv, .xlsx or .ods)")]
    Unsupported {
        /// The extension (or the archive's type) found.
        extension: String,
    },
    /// An Excel 97–2003 `.xls` file.
    #[error("an old Excel .xls file; save it as .xlsx or .csv")]
    OldExcel,
    /// A spreadsheet that cannot be opened.
    #[error("the spreadsheet cannot be read: {message}")]
    Damaged {
        /// The reader's message.
        message: String,
    },
    /// A CSV cell opens a quote and never closes it.
    #[error("row {row}: a quoted cell is never closed")]
    UnclosedQuote {
        /// The row where the cell starts.
        row: usize,
    },
    /// Text follows the closing quote of a CSV cell.
    #[error("row {row}: text after the closing quote of a cell")]
    TextAfterQuote {
        /// The row.
        row: usize,
    },
    /// The sheet asked for is not in the workbook.
    #[error("there is no sheet “{name}” (the sheets: {})", .sheets.join(", "))]
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
    /// A sheet was asked for, but the file is CSV (one unnamed sheet).
    #[error("a CSV file has no sheets to choose from")]
    NoSheets,
    /// A sheet spanning more cells than a list can ([`read::MAX_SHEET_CELLS`]), usually for a
    /// stray cell far below or to the right of it.
    #[error(
        "the sheet “{sheet}” reaches cell {cell}: over a million cells, far more than a list; delete what lies below or to the right of the list, or copy the list to a new sheet"
    )]
    SheetTooLarge {
        /// The sheet.
        sheet: String,
        /// Its farthest cell, as a spreadsheet names it (`XFD1048576`).
        cell: String,
    },
    /// The sheet has no filled cell at all.
    #[error("the sheet is empty")]
    Empty,
}

/// What a column of the list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The full name (ФИО).
    Name,
    /// The surname (фамилия), joined with the first name and patronymic.
    Surname,
    /// The first name (имя).
    FirstName,
    /// The patronymic or middle name (отчество).
    Patronymic,
    /// The job title (должность).
    Position,
    /// Where the person works.
    Organisation,
    /// The stakeholder group.
    Group,
    /// An e-mail address (kept as the participant's contact).
    Email,
    /// A phone number (kept as the participant's contact).
    Phone,
    /// Whether the person has a vote (право голоса): да/нет, yes/no, +/-, 1/0, true/false.
    Voting,
}

impl Field {
    /// Every field, in the order a column picker lists them.
    pub const ALL: [Self; 10] = [
        Self::Name,
        Self::Surname,
        Self::FirstName,
        Self::Patronymic,
        Self::Position,
        Self::Organisation,
        Self::Group,
        Self::Email,
        Self::Phone,
        Self::Voting,
    ];

    /// The translation key of the field's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Name => "pimport-field-name",
            Self::Surname => "pimport-field-surname",
            Self::FirstName => "pimport-field-first-name",
            Self::Patronymic => "pimport-field-patronymic",
            Self::Position => "pimport-field-position",
            Self::Organisation => "pimport-field-organisation",
            Self::Group => "pimport-field-group",
            Self::Email => "pimport-field-email",
            Self::Phone => "pimport-field-phone",
            Self::Voting => "pimport-field-voting",
        }
    }

    /// The field's name in English (the command line's messages).
    pub fn english(self) -> &'static str {
        match self {
            Self::Name => "full name",
            Self::Surname => "surname",
            Self::FirstName => "first name",
            Self::Patronymic => "patronymic",
            Self::Position => "position",
            Self::Organisation => "organisation",
            Self::Group => "group",
            Self::Email => "e-mail",
            Self::Phone => "phone",
            Self::Voting => "right to vote",
        }
    }

    /// Whether several columns may hold this field (contacts are joined).
    fn repeatable(self) -> bool {
        matches!(self, Self::Email | Self::Phone)
    }

    /// Whether the field is the name or a part of it.
    fn is_any_name(self) -> bool {
        self == Self::Name || self.is_name_part()
    }

    fn is_name_part(self) -> bool {
        matches!(self, Self::Surname | Self::FirstName | Self::Patronymic)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// Headers as they are compared: lower case, «ё» as «е», letters and digits only.
fn header_key(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The headers each field is recognised by, as [`header_key`] writes them.
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "фио",
            "фамилияимяотчество",
            "фиоучастника",
            "участник",
            "участники",
            "name",
            "fullname",
            "participant",
            "participants",
            "participantname",
            "person",
        ],
    ),
    (
        Field::Surname,
        &["фамилия", "surname", "lastname", "familyname"],
    ),
    (
        Field::FirstName,
        &["имя", "firstname", "givenname", "forename"],
    ),
    (Field::Patronymic, &["отчество", "patronymic", "middlename"]),
    (
        Field::Position,
        &["должность", "position", "title", "jobtitle", "job", "role"],
    ),
    (
        Field::Organisation,
        &[
            "организация",
            "местоработы",
            "учреждение",
            "ведомство",
            "organisation",
            "organization",
            "company",
            "employer",
        ],
    ),
    (
        Field::Group,
        &[
            "группа",
            "группазаинтересованныхсторон",
            "заинтересованнаясторона",
            "group",
            "stakeholdergroup",
            "stakeholder",
        ],
    ),
    (
        Field::Email,
        &[
            "email",
            "mail",
            "эпочта",
            "элпочта",
            "электроннаяпочта",
            "почта",
            "адресэлектроннойпочты",
        ],
    ),
    (
        Field::Phone,
        &[
            "телефон",
            "тел",
            "мобильныйтелефон",
            "номертелефона",
            "phone",
            "telephone",
            "phonenumber",
            "mobile",
        ],
    ),
    (
        Field::Voting,
        &[
            "правоголоса",
            "справомголоса",
            "правоголосования",
            "членсправомголоса",
            "голос",
            "голосует",
            "голосующий",
            "voting",
            "vote",
            "votes",
            "votingright",
            "votingrights",
            "votingmember",
            "righttovote",
            "canvote",
            "hasvote",
        ],
    ),
];

/// What a cell of the voting column says: `Some(true)` for да, yes, +, 1, true; `Some(false)`
/// for нет, no, -, 0, false (any case, spaces around ignored); `None` for anything else. A
/// blank cell is not read here (it keeps the default).
pub fn voting_value(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "да" | "yes" | "+" | "1" | "true" => Some(true),
        "нет" | "no" | "-" | "\u{2212}" | "0" | "false" => Some(false),
        _ => None,
    }
}

/// How many rows from the first filled one are searched for the header.
const HEADER_SEARCH_ROWS: usize = 20;

/// Headers of columns that are known and not imported: a row number («№ п/п», "No.").
const ROW_NUMBER_HEADERS: &[&str] = &["no", "nпп", "пп", "номер", "number", "nn"];

/// The field a header stands for, if it is one stratboard knows.
pub fn recognise(header: &str) -> Option<Field> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(field, _)| *field)
}

/// Whether a header names a column of row numbers («№», «№ п/п», "No."), skipped silently.
fn is_row_number(header: &str) -> bool {
    let header = header.trim();
    header.starts_with('№')
        || header.starts_with('#')
        || ROW_NUMBER_HEADERS.contains(&header_key(header).as_str())
}

/// A sheet cut into its header and the rows below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The sheet's name (empty for CSV).
    pub sheet: String,
    /// The header's row number (1-based).
    pub header_row: usize,
    /// The column index (0-based) of the first column.
    pub first_column: usize,
    /// The header cells, one per column (blank for a column without a header).
    pub headers: Vec<String>,
    /// The rows below the header, each with its row number.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Filled rows above the header (a title), not imported.
    pub above: Vec<usize>,
}

impl Table {
    /// The sheet's first non-empty row as the header, and every row below it. As many
    /// columns as the widest row has, trailing blank columns dropped.
    pub fn from_sheet(sheet: &Sheet) -> Result<Self, ReadError> {
        let filled = |row: &Vec<String>| row.iter().any(|cell| !cell.is_empty());
        let first = sheet.rows.iter().position(filled).ok_or(ReadError::Empty)?;
        // A title above the list («Список участников…») is passed over: the header is the
        // first of the next rows that names a name column, else the first non-empty row.
        let names_a_name = |row: &Vec<String>| {
            row.iter()
                .any(|cell| recognise(cell).is_some_and(Field::is_any_name))
        };
        let header_index = (first..sheet.rows.len().min(first + HEADER_SEARCH_ROWS))
            .find(|i| names_a_name(&sheet.rows[*i]))
            .unwrap_or(first);
        let above = (first..header_index)
            .filter(|i| filled(&sheet.rows[*i]))
            .map(|i| sheet.first_row + i)
            .collect();
        let width = sheet
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .rposition(|cell| !cell.is_empty())
                    .map_or(0, |i| i + 1)
            })
            .max()
            .unwrap_or(0);
        let widen = |row: &Vec<String>| {
            let mut cells: Vec<String> = row.iter().take(width).cloned().collect();
            cells.resize(width, String::new());
            cells
        };
        let rows = sheet.rows[header_index + 1..]
            .iter()
            .enumerate()
            .map(|(i, row)| (sheet.first_row + header_index + 1 + i, widen(row)))
            .collect();
        Ok(Self {
            sheet: sheet.name.clone(),
            header_row: sheet.first_row + header_index,
            first_column: sheet.first_column,
            headers: widen(&sheet.rows[header_index]),
            rows,
            above,
        })
    }

    /// The letter of column `index` of the table, as the spreadsheet shows it.
    pub fn letter(&self, index: usize) -> String {
        column_letter(self.first_column + index)
    }
}

/// Which field each column of a table holds (`None`: not imported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// One entry per column of the table.
    pub fields: Vec<Option<Field>>,
}

impl Mapping {
    /// The fields the headers are recognised as.
    pub fn recognise(table: &Table) -> Self {
        Self {
            fields: table.headers.iter().map(|h| recognise(h)).collect(),
        }
    }

    /// The first column holding `field`.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }
}

/// A column whose header is not one stratboard knows; it is not imported (unless the caller
/// maps it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownHeader {
    /// The column's letter.
    pub column: String,
    /// Its header (blank for a column without one).
    pub header: String,
}

/// Why a plan cannot be applied: the file is refused whole.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// No column is mapped to the name (full name, or surname and first name).
    #[error(
        "no column holds the names: expected a header such as “ФИО”, “Name” or “Фамилия”, “Имя”, “Отчество” (the headers found: {found})"
    )]
    NoNameColumn {
        /// The headers of the file, joined with ", ".
        found: String,
    },
    /// Two columns are mapped to the same field.
    #[error("columns {first} and {second} both hold the {field}")]
    FieldTwice {
        /// The field.
        field: Field,
        /// The first column's letter.
        first: String,
        /// The second column's letter.
        second: String,
    },
    /// A full-name column and a name-part column at once.
    #[error("column {name} holds the full name and column {part} the {field}: choose one")]
    NameAndParts {
        /// The full name's column.
        name: String,
        /// The part's column.
        part: String,
        /// Which part.
        field: Field,
    },
    /// The header but not a single row below it.
    #[error("there are no rows below the header (row {header_row})")]
    NoRows {
        /// The header's row.
        header_row: usize,
    },
    /// A row with something in it but no name.
    #[error("row {row}, column {column}: the name is missing")]
    MissingName {
        /// The row.
        row: usize,
        /// The name's column letter.
        column: String,
    },
    /// A cell of the voting column that says neither yes nor no.
    #[error(
        "row {row}, column {column}: “{value}” does not say whether they have a vote; use да/нет, yes/no, +/-, 1/0 or true/false"
    )]
    BadVoting {
        /// The row.
        row: usize,
        /// The voting column's letter.
        column: String,
        /// The cell as it is.
        value: String,
    },
}

impl Problem {
    /// The row the problem is in, if it is in one.
    pub fn row(&self) -> Option<usize> {
        match self {
            Self::MissingName { row, .. } | Self::BadVoting { row, .. } => Some(*row),
            _ => None,
        }
    }
}

/// The group a new participant goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlannedGroup {
    /// None (the group cell is blank).
    None,
    /// A group the session has.
    Existing(GroupId),
    /// A group to be created: an index into [`ImportPlan::new_groups`].
    New(usize),
}

/// A person the import adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedPerson {
    /// The row of the file.
    pub row: usize,
    /// The full name, spaces normalised.
    pub name: String,
    /// The job title.
    pub position: String,
    /// The organisation.
    pub organisation: String,
    /// The group's name as the session will show it (blank for none).
    pub group_name: String,
    /// The group.
    pub group: PlannedGroup,
    /// E-mail and phone, joined with ", ".
    pub contact: String,
    /// Whether they have a vote (true unless the voting column says no).
    pub voting: bool,
}

/// A person already in the session whose right to vote the list changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VotingChange {
    /// The row of the file.
    pub row: usize,
    /// The participant in the session.
    pub participant: ParticipantId,
    /// Their name as the session has it.
    pub name: String,
    /// Whether they will have a vote.
    pub voting: bool,
}

/// A person not added because they are there already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The row of the file.
    pub row: usize,
    /// The name as the file has it.
    pub name: String,
    /// Where the person already is.
    pub already: AlreadyIn,
}

/// Where a duplicate person already is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlreadyIn {
    /// In the session.
    Session(ParticipantId),
    /// Earlier in the file, at this row.
    File(usize),
}

/// What importing a table into a session would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    /// The sheet read (empty for CSV).
    pub sheet: String,
    /// The header's row.
    pub header_row: usize,
    /// Filled rows above the header (a title), not imported.
    pub above_header: Vec<usize>,
    /// The mapping used.
    pub mapping: Mapping,
    /// The columns whose headers are not known (and are not mapped).
    pub unknown_headers: Vec<UnknownHeader>,
    /// The people to add, in file order.
    pub people: Vec<PlannedPerson>,
    /// The groups to create, in order of first mention.
    pub new_groups: Vec<String>,
    /// People skipped because they are in the session or earlier in the file.
    pub duplicates: Vec<Duplicate>,
    /// People in the session whose right to vote the voting column changes (only when the
    /// list has that column and the cell is filled).
    pub voting_changes: Vec<VotingChange>,
    /// Rows without any filled cell (skipped).
    pub empty_rows: Vec<usize>,
    /// Why the plan cannot be applied; empty when it can.
    pub problems: Vec<Problem>,
}

/// Why a plan's command could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// The plan has problems (the first is given).
    #[error("{0}")]
    Refused(Problem),
    /// A group the plan refers to is no longer in the session.
    #[error("the stakeholder group {0} is no longer in the session")]
    GroupGone(u32),
    /// A participant whose right to vote the plan changes is no longer in the session.
    #[error("participant {0} is no longer in the session")]
    ParticipantGone(u32),
}

/// A name as it is compared: words joined by one space, lower case, «ё» as «е».
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// A cell as a name or a title: control and direction-override characters dropped
/// ([`crate::model::clean_input`]), blanks collapsed to one space.
fn tidy(text: &str) -> String {
    crate::model::clean_input(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `table` with `mapping` against `session`. See the module documentation.
pub fn plan(table: &Table, mapping: &Mapping, session: &Session) -> ImportPlan {
    let mut plan = ImportPlan {
        sheet: table.sheet.clone(),
        header_row: table.header_row,
        above_header: table.above.clone(),
        mapping: mapping.clone(),
        unknown_headers: unknown_headers(table, mapping),
        people: Vec::new(),
        new_groups: Vec::new(),
        duplicates: Vec::new(),
        voting_changes: Vec::new(),
        empty_rows: Vec::new(),
        problems: mapping_problems(table, mapping),
    };
    if !plan.problems.is_empty() {
        return plan;
    }
    let mut rows = RowReader::new(table, mapping, session);
    for (row, cells) in &table.rows {
        rows.read(*row, cells, &mut plan);
    }
    if table
        .rows
        .iter()
        .all(|(_, cells)| cells.iter().all(String::is_empty))
    {
        plan.problems.push(Problem::NoRows {
            header_row: table.header_row,
        });
    }
    plan
}

fn unknown_headers(table: &Table, mapping: &Mapping) -> Vec<UnknownHeader> {
    table
        .headers
        .iter()
        .enumerate()
        .filter(|(i, header)| {
            mapping.fields.get(*i).copied().flatten().is_none()
                && recognise(header).is_none()
                && !is_row_number(header)
        })
        .map(|(i, header)| UnknownHeader {
            column: table.letter(i),
            header: header.clone(),
        })
        .collect()
}

/// Problems of the mapping itself: no name, a field twice, a full name and its parts.
fn mapping_problems(table: &Table, mapping: &Mapping) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<Field, usize> = BTreeMap::new();
    for (column, field) in mapping.fields.iter().enumerate() {
        let Some(field) = *field else { continue };
        if field.repeatable() {
            continue;
        }
        if let Some(first) = seen.get(&field) {
            problems.push(Problem::FieldTwice {
                field,
                first: table.letter(*first),
                second: table.letter(column),
            });
        } else {
            seen.insert(field, column);
        }
    }
    let name = mapping.column_of(Field::Name);
    let part = mapping
        .fields
        .iter()
        .position(|f| f.is_some_and(Field::is_name_part));
    match (name, part) {
        (None, None) => problems.push(Problem::NoNameColumn {
            found: table
                .headers
                .iter()
                .filter(|h| !h.is_empty())
                .map(|h| format!("“{h}”"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
        (Some(name), Some(part)) => problems.push(Problem::NameAndParts {
            name: table.letter(name),
            part: table.letter(part),
            field: mapping.fields[part].unwrap_or(Field::Surname),
        }),
        _ => {}
    }
    problems
}

/// Reads rows one by one, remembering the names and groups seen so far.
struct RowReader<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
    in_session: HashMap<String, ParticipantId>,
    session: &'a Session,
    in_file: HashMap<String, usize>,
    session_groups: HashMap<String, (GroupId, String)>,
    new_groups: HashMap<String, usize>,
}

impl<'a> RowReader<'a> {
    fn new(table: &'a Table, mapping: &'a Mapping, session: &'a Session) -> Self {
        Self {
            table,
            mapping,
            session,
            in_session: session
                .participants
                .iter()
                .map(|p| (name_key(&p.name), p.id))
                .collect(),
            in_file: HashMap::new(),
            session_groups: session
                .stakeholder_groups
                .iter()
                .rev()
                .map(|g| (name_key(&g.name), (g.id, g.name.clone())))
                .collect(),
            new_groups: HashMap::new(),
        }
    }

    /// The cells of the columns mapped to `field`, non-blank, in column order.
    fn cells<'c>(&self, cells: &'c [String], field: Field) -> impl Iterator<Item = &'c str> {
        let fields = &self.mapping.fields;
        cells
            .iter()
            .enumerate()
            .filter(move |(i, _)| fields.get(*i).copied().flatten() == Some(field))
            .map(|(_, cell)| cell.as_str())
            .filter(|cell| !cell.is_empty())
    }

    fn first(&self, cells: &[String], field: Field) -> String {
        self.cells(cells, field)
            .next()
            .map(tidy)
            .unwrap_or_default()
    }

    fn name(&self, cells: &[String]) -> String {
        if self.mapping.column_of(Field::Name).is_some() {
            return self.first(cells, Field::Name);
        }
        let parts = [Field::Surname, Field::FirstName, Field::Patronymic];
        let words: Vec<String> = parts
            .iter()
            .map(|part| self.first(cells, *part))
            .filter(|word| !word.is_empty())
            .collect();
        words.join(" ")
    }

    fn name_column(&self) -> String {
        let column = [Field::Name, Field::Surname, Field::FirstName]
            .iter()
            .find_map(|f| self.mapping.column_of(*f))
            .unwrap_or(0);
        self.table.letter(column)
    }

    fn read(&mut self, row: usize, cells: &[String], plan: &mut ImportPlan) {
        if cells.iter().all(String::is_empty) {
            plan.empty_rows.push(row);
            return;
        }
        let name = self.name(cells);
        if name.is_empty() {
            plan.problems.push(Problem::MissingName {
                row,
                column: self.name_column(),
            });
            return;
        }
        let voting = match self.voting(row, cells) {
            Ok(voting) => voting,
            Err(problem) => {
                plan.problems.push(problem);
                return;
            }
        };
        let key = name_key(&name);
        let already = (self.in_session.get(&key).map(|id| AlreadyIn::Session(*id))).or_else(|| {
            self.in_file
                .get(&key)
                .map(|first_row| AlreadyIn::File(*first_row))
        });
        if let Some(already) = already {
            if let (AlreadyIn::Session(id), Some(voting)) = (&already, voting) {
                self.change_voting(row, *id, voting, plan);
            }
            plan.duplicates.push(Duplicate { row, name, already });
            return;
        }
        self.in_file.insert(key, row);
        let group_cell = self.first(cells, Field::Group);
        let (group, group_name) = self.group(&group_cell, plan);
        let contact: Vec<String> = self
            .cells(cells, Field::Email)
            .chain(self.cells(cells, Field::Phone))
            .map(tidy)
            .collect();
        plan.people.push(PlannedPerson {
            row,
            name,
            position: self.first(cells, Field::Position),
            organisation: self.first(cells, Field::Organisation),
            group_name,
            group,
            contact: contact.join(", "),
            voting: voting.unwrap_or(true),
        });
    }

    /// The voting column's cell of this row: `None` when there is no such column or the
    /// cell is blank, a problem when it says neither yes nor no.
    fn voting(&self, row: usize, cells: &[String]) -> Result<Option<bool>, Problem> {
        let Some(column) = self.mapping.column_of(Field::Voting) else {
            return Ok(None);
        };
        let cell = cells.get(column).map_or("", |c| c.trim());
        if cell.is_empty() {
            return Ok(None);
        }
        voting_value(cell)
            .map(Some)
            .ok_or_else(|| Problem::BadVoting {
                row,
                column: self.table.letter(column),
                value: tidy(cell),
            })
    }

    /// Plans a change of the right to vote of someone in the session, when it differs.
    fn change_voting(&self, row: usize, id: ParticipantId, voting: bool, plan: &mut ImportPlan) {
        let Some(person) = self.session.participant(id) else {
            return;
        };
        let planned = plan.voting_changes.iter().any(|c| c.participant == id);
        if person.voting != voting && !planned {
            plan.voting_changes.push(VotingChange {
                row,
                participant: id,
                name: person.name.clone(),
                voting,
            });
        }
    }

    /// The group named `name`: the session's (ignoring case), one already planned, or a new one.
    fn group(&mut self, name: &str, plan: &mut ImportPlan) -> (PlannedGroup, String) {
        if name.is_empty() {
            return (PlannedGroup::None, String::new());
        }
        let key = name_key(name);
        if let Some((id, existing)) = self.session_groups.get(&key) {
            return (PlannedGroup::Existing(*id), existing.clone());
        }
        let index = *self.new_groups.entry(key).or_insert_with(|| {
            plan.new_groups.push(name.to_owned());
            plan.new_groups.len() - 1
        });
        let shown = plan.new_groups.get(index).cloned().unwrap_or_default();
        (PlannedGroup::New(index), shown)
    }
}

impl ImportPlan {
    /// Whether the plan can be applied (no problems).
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether applying the plan changes nothing: nobody to add, no right to vote to change.
    pub fn changes_nothing(&self) -> bool {
        self.people.is_empty() && self.voting_changes.is_empty()
    }

    /// The command that adds the new groups, then the people, with fresh ids, then sets the
    /// right to vote of the people already in the session that the list changes (one undo
    /// step: its inverse takes it all back). An empty plan gives an empty batch.
    pub fn command(&self, session: &Session) -> Result<Command, ApplyError> {
        if let Some(problem) = self.problems.first() {
            return Err(ApplyError::Refused(problem.clone()));
        }
        let mut next_id = session.next_id.max(session.max_id().saturating_add(1));
        let mut fresh = || {
            let id = next_id;
            next_id = next_id.saturating_add(1);
            id
        };
        let mut steps = Vec::with_capacity(self.new_groups.len() + self.people.len());
        let mut group_ids = Vec::with_capacity(self.new_groups.len());
        for (offset, name) in self.new_groups.iter().enumerate() {
            let id = GroupId(fresh());
            group_ids.push(id);
            let group = StakeholderGroup {
                id,
                name: name.clone(),
                ..StakeholderGroup::default()
            };
            steps.push(Command::Insert {
                item: Item::Group(group),
                index: session.stakeholder_groups.len() + offset,
            });
        }
        for (offset, person) in self.people.iter().enumerate() {
            let group = match person.group {
                PlannedGroup::None => None,
                PlannedGroup::Existing(id) => {
                    if session.group(id).is_none() {
                        return Err(ApplyError::GroupGone(id.0));
                    }
                    Some(id)
                }
                PlannedGroup::New(index) => group_ids.get(index).copied(),
            };
            let participant = Participant {
                id: ParticipantId(fresh()),
                name: person.name.clone(),
                position: person.position.clone(),
                organisation: person.organisation.clone(),
                group,
                contact: person.contact.clone(),
                voting: person.voting,
                ..Participant::default()
            };
            steps.push(Command::Insert {
                item: Item::Participant(participant),
                index: session.participants.len() + offset,
            });
        }
        for change in &self.voting_changes {
            let mut participant = session
                .participant(change.participant)
                .cloned()
                .ok_or(ApplyError::ParticipantGone(change.participant.0))?;
            participant.voting = change.voting;
            steps.push(Command::Update(Item::Participant(participant)));
        }
        Ok(Command::Batch(steps))
    }
}

#[cfg(test)]
mod tests;
