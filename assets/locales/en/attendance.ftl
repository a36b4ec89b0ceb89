# Registration: who is in the room, proxies and the quorum.

section-attendance = Registration
attendance-empty = The session has no participants yet. Add them under Stakeholders & participants, or import a list.
attendance-registered = Registered: { $present } of { $members } { $members ->
    [one] member
   *[other] members
  }{ $guests ->
    [0] {""}
    [one] { " · " }{ $guests } guest
   *[other] { " · " }{ $guests } guests
  }
attendance-quorum-met = Quorum: { $counted } of { $members }
attendance-quorum-not-met = No quorum: { $counted } of { $members } ({ $needed } needed)
attendance-quorum-count = Present: { $counted } of { $members } voting members
attendance-part-in-room = in the room { $count }
attendance-part-remote = remotely { $count }
attendance-part-proxy = by proxy { $count }
attendance-rule = Quorum
attendance-rule-none = none
attendance-rule-half = more than half of the members
attendance-rule-two-thirds = at least two thirds of the members
attendance-rule-count = at least { $count } { $count ->
    [one] member
   *[other] members
  }
attendance-rule-count-option = at least a set number of members
attendance-rule-count-value = members needed
attendance-max-proxies = Proxies per member
attendance-opened-at = Meeting opened at { $time }
attendance-opened-clear = ×
attendance-opened-clear-hint = Clear the opening time (no one is recorded as late in the minutes)
attendance-open-now = Open the meeting now
attendance-open-now-hint = Record the opening time: whoever comes later is recorded as late in the minutes
attendance-filter-all = All
attendance-filter-unmarked = Not marked
attendance-filter-here = Present
attendance-filter-away = Absent or left
attendance-search = Search by name
attendance-search-hint = name, position or group
attendance-keys = Enter — in the room · Shift+Enter — remotely · Ctrl+Enter — left · Alt+Enter — absent · ↑ ↓ — pick a row
attendance-none-found = Nobody found.
attendance-no-vote = no vote
attendance-status-unregistered = not marked
attendance-status-in-room = in the room
attendance-status-remote = remotely
attendance-status-in-room-since = in the room since { $time }
attendance-status-remote-since = remotely since { $time }
attendance-status-left = left at { $time }
attendance-status-absent = absent
attendance-mark-in-room = In the room
attendance-mark-remote = Remotely
attendance-mark-left = Left
attendance-mark-absent = Absent
attendance-mark-clear = Clear mark
attendance-mark-clear-hint = The participant is not marked again
attendance-proxy-give = Proxy…
attendance-proxy-to = Gives their vote to
attendance-proxy-note = Proxy number or note
attendance-proxy-note-hint = e.g. No. 12 of 1 Dec
attendance-proxy-record = Record the proxy
attendance-proxy-nobody-here = A proxy can only go to a present voting member — nobody is marked yet.
attendance-proxy-given = Vote given by proxy to: { $name }
attendance-proxy-suspended-here = — proxy suspended: the member is present and votes themselves
attendance-proxy-suspended-holder-away = — proxy not in force: its holder is not present
attendance-proxy-revoke = Revoke proxy
attendance-proxy-holds = Also votes by proxy for: { $names }
attendance-projector-needed = A quorum needs { $needed } of { $members }
attendance-projector-guests = Guests without a vote: { $count }
status-quorum-hint = The quorum by the registration marks (the Registration section)
attendance-round-present = Voting members present: { $present } of { $members }{ $proxies ->
    [0] {""}
   *[other] { " " }(and { $proxies } by proxy)
  }
attendance-round-quorum-met = quorum present
attendance-round-quorum-not-met = no quorum
