# Participant cards (File → Export → Participant cards): the printed cards that give each
# participant their personal code and a QR code to join the room from a phone, and the export
# dialog's words for them.

## On the cards
cards-pdf-title = Participant cards — { $title }
cards-heading = Your code to join
cards-hint = Scan the QR code with your phone's camera, or open { $address } and type the code.

## In the export dialog
cards-choice = Participant cards (PDF)
cards-summary = { $cards ->
    [one] 1 card
   *[other] { $cards } cards
} on { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, eight to an A4 sheet, with cut lines.
cards-address = Phones join at { $address }
cards-address-closed = The room is not open: the cards show the address it opens on. Open it there (Room → Open the room…) before the session.
cards-column-name = Participant
cards-column-group = Group
cards-column-code = Code
cards-code-on-export = given on export
cards-will-give-codes = { $count ->
    [one] 1 participant has no code yet: exporting gives them one.
   *[other] { $count } participants have no code yet: exporting gives them one each.
} This is an edit of the session (Undo takes it back); save the session to keep the codes.
cards-none = The session has no participants yet: add them under Stakeholders & participants first.
cards-done = Participant cards written to { $file }
cards-done-codes = Participant cards written to { $file }. { $count ->
    [one] 1 participant got a personal code
   *[other] { $count } participants got personal codes
}: save the session (Ctrl+S) to keep them.
cards-no-random = The system gave no randomness for participant codes; no cards were written.
# Added to a session file's name for its cards: plan.ron → plan-cards.pdf
cards-file-suffix = -cards
