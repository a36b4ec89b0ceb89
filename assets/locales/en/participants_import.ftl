# Participants from a spreadsheet (File → Import participants…).
pimport-field-name = Full name
pimport-field-surname = Surname
pimport-field-first-name = First name
pimport-field-patronymic = Patronymic
pimport-field-position = Position
pimport-field-organisation = Organisation
pimport-field-group = Group
pimport-field-email = E-mail
pimport-field-phone = Phone
pimport-field-voting = Voting
pimport-field-none = (not imported)

# Why a file cannot be read.
pimport-too-large = the file is too large ({ $megabytes } MB; at most 16 MB)
pimport-not-utf8 = row { $row }: the file is not UTF-8 text (save it as “CSV UTF-8”)
pimport-unsupported = unsupported file type “{ $extension }” (expected .csv, .xlsx or .ods)
pimport-old-excel = an old Excel .xls file; save it as .xlsx or .csv
pimport-damaged = the spreadsheet cannot be read: { $message }
pimport-unclosed-quote = row { $row }: a quoted cell is never closed
pimport-text-after-quote = row { $row }: text after the closing quote of a cell
pimport-no-such-sheet = there is no sheet “{ $name }” (the sheets: { $sheets })
pimport-no-sheets = a CSV file has no sheets to choose from
pimport-sheet-too-large = the sheet “{ $sheet }” reaches cell { $cell }: over a million cells, far more than a list; delete what lies below or to the right of the list, or copy the list to a new sheet
pimport-empty = the sheet is empty

# Why the list cannot be imported.
pimport-no-name-column = no column holds the names: expected a header such as “ФИО”, “Name” or “Фамилия”, “Имя”, “Отчество” (the headers found: { $found })
pimport-field-twice = columns { $first } and { $second } both hold the { $field }
pimport-name-and-parts = column { $name } holds the full name and column { $part } the { $field }: choose one
pimport-no-rows = there are no rows below the header (row { $row })
pimport-missing-name = row { $row }, column { $column }: the name is missing
pimport-bad-voting = row { $row }, column { $column }: “{ $value }” does not say whether they have a vote; use да/нет, yes/no, +/-, 1/0 or true/false

# The preview dialog.
pimport-title = Import participants
pimport-menu = Import participants…
pimport-file = File: { $file }
pimport-sheet = Sheet
pimport-header-row = The headers are in row { $row }.
pimport-above-header = Not imported, above the headers: { $rows ->
    [one] row
   *[other] rows
  } { $list }.
pimport-columns = Columns
pimport-column-header = Column { $column }: “{ $header }”
pimport-column-no-header = Column { $column } (no header)
pimport-unknown-header = Column { $column }: the header “{ $header }” is not recognised; the column is not imported.
pimport-unknown-blank = Column { $column } has no header; it is not imported.
pimport-to-add = { $count ->
    [one] { $count } participant will be added
   *[other] { $count } participants will be added
  }
pimport-col-row = Row
pimport-col-name = Name
pimport-col-position = Position
pimport-col-organisation = Organisation
pimport-col-group = Group
pimport-col-contact = Contact
pimport-new-group = new
pimport-new-groups = New groups: { $groups }
pimport-duplicates = Already there, not added again
pimport-duplicate-session = row { $row }: { $name } is already in the session
pimport-duplicate-file = row { $row }: { $name } is already in row { $first }
pimport-empty-rows = Empty rows skipped: { $rows }
pimport-problems = Problems: nothing can be imported until they are fixed
pimport-add = { $count ->
    [one] Add { $count } participant
   *[other] Add { $count } participants
  }
pimport-nothing-to-add = There is nobody new to add.
pimport-fix-first = Fix the problems above (or the file) first.
pimport-cancel = Cancel
pimport-read-failed = { $file } cannot be imported: { $reason }
pimport-done = { $count ->
    [one] { $count } participant added
   *[other] { $count } participants added
  }
pimport-refused = The participants could not be added: { $reason }
pimport-no-vote = no vote
pimport-voting-changes = The right to vote changes for people already in the session:
pimport-voting-gains = row { $row }: { $name } — gets a vote
pimport-voting-loses = row { $row }: { $name } — no vote
pimport-apply-voting = Apply the changes to the right to vote
pimport-voting-done = The right to vote changed for { $count ->
    [one] { $count } participant
   *[other] { $count } participants
  }.
