# Sections and the plenary: the window (File menu, the alternatives board, sections' decisions, the Sections screen)

# File → New section of this session…
new-section-menu = New section of this session…
new-section-title = New section
new-section-intro = The section gets this session's organisation, dates, groups, participants and goals, and no alternatives, votes or decisions. This session stays open.
new-section-name = Section name
new-section-name-empty = Give the section a name.
new-section-facilitator = Moderator
new-section-facilitator-none = (none)
new-section-facilitator-typed = Or a new moderator's name
new-section-keep-codes = Reuse the plenary's participant codes
new-section-keep-codes-hint = Then the printed participant cards work in the section too. Otherwise the section hands out its own codes.
new-section-file = Section file
new-section-choose = Choose…
new-section-create = Create section
new-section-done = The section “{ $name }” was saved to { $file }. Open that file on the section's laptop.
new-section-failed = Could not save the section's file
new-section-no-file = Say where to save the section's file.
new-section-exists = That file already exists. Choose another name so as not to replace it.
new-section-is-session = That file is the open session. Choose another name.
new-section-refused-name = Give the section a name.
new-section-refused-identity = This session has no permanent identity yet: save it, then make the section.
new-section-refused-from-section = This session is itself the section “{ $name }”. Sections are made from the plenary's file.

# File → Bring in section results…
bring-in-menu = Bring in section results…
bring-in-title = Section results
bring-in-files = Section files
bring-in-add = Add files…
bring-in-remove = Remove { $file }
bring-in-no-files = Add the sections' files (or drop them here).
bring-in-drop-hint = Section files can be dropped onto this window.
bring-in-load-failed = { $file }: could not be read. { $reason }
bring-in-blocked = Nothing is brought in while a file cannot be read.
bring-in-top = How many of the section vote's best alternatives to take
bring-in-section-facts = moderator { $moderator } · { $count } { $count ->
    [one] participant
   *[other] participants
  }
bring-in-no-moderator = no moderator
bring-in-vote = Vote: { $method }, { $ballots }
bring-in-no-vote = The section closed no vote: only the alternatives it adopted come in.
bring-in-new = new
bring-in-updated = updated
bring-in-nothing = The section brings nothing.
bring-in-decisions = { $count ->
    [one] { $count } section decision
   *[other] { $count } section decisions
  }
bring-in-similar = Similar titles: “{ $first }” and “{ $second }”
bring-in-totals = To be added { $added }, updated { $updated }
bring-in-apply = Bring in
bring-in-done = Results of { $count ->
    [one] { $count } section
   *[other] { $count } sections
  } brought in: { $added } added, { $updated } updated. Ctrl+Z undoes it.
bring-in-refused = Section results not brought in
bring-in-disabled-section = This session is itself a section: results are brought into the plenary.
bring-in-refused-plenary-is-section = This session is itself the section “{ $name }”: section results are brought into the plenary.
bring-in-refused-no-identity = This session has no permanent identity yet: save it and make the sections from its file.
bring-in-refused-is-plenary = { $file } is the plenary itself, not one of its sections.
bring-in-refused-not-section = { $file } is not a section: it was not made with “New section of this session”.
bring-in-refused-other-plenary = { $file } is the section “{ $section }” of another plenary ({ $plenary }), not of this one.
bring-in-refused-same-section = { $first } and { $second } are the same section “{ $section }”. Keep one of them.
bring-in-refused-inconsistent = Bringing the sections in would break the session: { $reason }

# The alternatives board grouped by section
board-section-heading = Section “{ $name }”
board-section-moderator = moderator { $moderator }
board-section-plenary = Proposed at the plenary
board-origin-decisions = { $count ->
    [one] { $count } section decision on this alternative
   *[other] { $count } section decisions on this alternative
  }
board-similar = Similar to: { $titles }
board-combine = Combine with “{ $title }”
board-combine-hint = The titles, arguments, positions and provenance of both end up on this card. Ctrl+Z undoes it.
board-sections-screen = Sections on the screen
board-sections-screen-hint = The projector shows each section's best alternatives side by side.

# Sections' decisions
section-decisions-heading = Sections' decisions
section-decisions-hint = Decisions taken in the sections. The plenary may adopt them as its own.
section-decisions-adopt = Adopt as the plenary's decision
section-decisions-actions = Action items:
section-decisions-from = from the section “{ $name }”

# The Sections screen
sections-screen-title = Results of the sections
sections-screen-no-vote = no vote
new-section-file-unnamed = section
