# Session & agenda: the session header and the timeboxed agenda.
session-title = Session title
session-organisation = Organisation
session-format = Format
session-start = First day
session-end = Last day
session-venue = Venue
session-facilitator = Facilitator
session-secretary = Secretary
session-purpose = Purpose of the session
session-no-dates = Dates not set

session-agenda = Agenda
session-agenda-add = Add agenda item
session-agenda-new-item = New agenda item
session-agenda-empty = The agenda is empty. Add the items in the order they will run: opening, reports, discussions, votes, breaks, summing up.
session-agenda-total = Planned time { $clock } ({ $count } { $count ->
    [one] minute
   *[other] minutes
  })
session-agenda-kind = Kind
session-agenda-minutes = Minutes
session-agenda-minutes-unit = min
session-agenda-section = Show on the board
session-agenda-vote = Vote
session-agenda-notes = Notes
session-agenda-move-up = Move up: { $name }
session-agenda-move-down = Move down: { $name }
session-details-show = Edit details
session-details-hide = Hide details
session-language = Session language
