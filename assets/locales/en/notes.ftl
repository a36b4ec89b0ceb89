# The notes section.
notes-count = { $count } { $count ->
    [one] note
   *[other] notes
  }
notes-add = Add note
notes-new-text = New note
notes-label = Note { $number }
notes-agenda-item = Agenda item
notes-empty = No notes yet. Write down what is worth keeping for the protocol: remarks, proposals, points to return to.
