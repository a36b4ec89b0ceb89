# The application shell: menus, sections, common words and the names of every choice.
app-name = stratboard
sample-name = sample
unsaved-mark = •

menu-file = File
menu-new = New session
menu-open = Open…
menu-open-recent = Open recent
menu-no-recent = No recent files
menu-save = Save
menu-save-as = Save as…
menu-export = Export the protocol…
menu-quit = Quit
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-view = View
menu-language = Language
menu-theme = Theme
theme-light = Light
theme-dark = Dark

section-session = Session & agenda
section-goals = Goals
section-situation = Situation analysis
section-stakeholders = Stakeholders & participants
section-alternatives = Alternatives
section-positions = Positions
section-votes = Votes
section-decisions = Decisions & actions
section-notes = Notes
sections = Sections

common-add = Add
common-delete = Delete
common-none = —
common-title = Title
common-description = Description
common-status = Status
common-close = Close
common-cancel = Cancel
common-save = Save
common-discard = Discard
common-reload = Reload
common-keep-mine = Keep my version
common-restore = Restore
common-empty-refused = Must not be empty
common-move-handle = Drag to reorder
common-date-format = YYYY-MM-DD
common-date-invalid = Write the date as YYYY-MM-DD, e.g. 2026-12-01
common-deleted = Deleted. Undo with Ctrl+Z.
common-deleted-refs = Deleted, with { $count } { $count ->
    [one] reference
   *[other] references
  } to it removed. Undo with Ctrl+Z.

status-saved = Saved { $file }
status-problems = { $count } { $count ->
    [one] problem
   *[other] problems
  } in this file
status-no-file = Not saved yet
status-autosaved = Unsaved changes are kept in a recovery file

dialog-unsaved-title = Unsaved changes
dialog-unsaved-body = “{ $title }” has changes that are not saved.
dialog-unsaved-save = Save and close
dialog-unsaved-discard = Close without saving
dialog-recovery-title = Unsaved work found
dialog-recovery-body = A recovery copy of “{ $title }” is newer than the file: it holds work that was never saved.
dialog-external-title = The file changed on disk
dialog-external-body = Someone else changed { $file } after you opened it.

error-open = Could not open the file
error-room = Could not open the room
error-save = Could not save
error-command = Not changed

format-RoundTable = Round table
format-Brainstorm = Brainstorm
format-BusinessGame = Business game
format-Training = Training
format-DiscussionPlatform = Discussion platform
format-Other = Other

agenda-kind-Opening = Opening
agenda-kind-Presentation = Presentation
agenda-kind-Discussion = Discussion
agenda-kind-Brainstorm = Brainstorm
agenda-kind-GroupWork = Group work
agenda-kind-BusinessGame = Business game
agenda-kind-Training = Training
agenda-kind-Vote = Vote
agenda-kind-Break = Break
agenda-kind-Summary = Summary

agenda-status-Planned = Planned
agenda-status-InProgress = In progress
agenda-status-Done = Done
agenda-status-Skipped = Skipped

priority-High = High
priority-Medium = Medium
priority-Low = Low

quadrant-Strength = Strengths
quadrant-Weakness = Weaknesses
quadrant-Opportunity = Opportunities
quadrant-Threat = Threats

alternative-status-Proposed = Proposed
alternative-status-Shortlisted = Shortlisted
alternative-status-Adopted = Adopted
alternative-status-Rejected = Rejected
alternative-status-Postponed = Postponed

stance-StronglyFor = Strongly for
stance-For = For
stance-Neutral = Neutral
stance-Against = Against
stance-StronglyAgainst = Strongly against
stance-Undecided = Undecided

action-status-Open = Open
action-status-InProgress = In progress
action-status-Done = Done
action-status-Cancelled = Cancelled

vote-status-Draft = Draft
vote-status-Open = Open
vote-status-Closed = Closed

anonymity-Open = Open
anonymity-Anonymous = Anonymous
anonymity-Secret = Secret

count-votes = { $count } { $count ->
    [one] vote
   *[other] votes
  }
count-ballots = { $count } { $count ->
    [one] ballot
   *[other] ballots
  }
count-participants = { $count } { $count ->
    [one] participant
   *[other] participants
  }

new-session-title = New strategic session

refused-unknown = This item no longer exists.
refused-vote = The vote does not allow this now.
refused-not-saved = It could not be saved to the session file, so it was not kept.
refused-session-full = The session file has reached its size limit (16 MB), so this change was not kept. Remove what is no longer needed (old ideas, notes), or go on in a new session made with «New from this session».
refused-exists = This item already exists.
refused-move = It cannot be moved there.
refused-has-ballots = It cannot be deleted: ballots or hand counts of a vote refer to it.
refused-referenced = Nothing was deleted: it is used in { $count } { $count ->
    [one] place
   *[other] places
  }.
refused-duplicate-id = Two items would share one number.
refused-dangling = It refers to something that does not exist.
refused-repeated = The same item would be listed twice.
refused-range = The value must be between { $min } and { $max }.
refused-goal-cycle = A goal cannot be placed under itself or its own sub-goal.
refused-end-before-start = The last day cannot be before the first day.
refused-due-before-session = The due date cannot be before the session starts.
refused-duplicate-position = This group already has a position on this alternative in this round.
refused-no-vote = This participant has no vote.
refused-proxy-given = The participant gave their vote by proxy: its holder votes for them.
refused-no-proxy = The voter holds no standing proxy of this participant.
refused-not-here = The participant is not marked present.
proxy-refused-no-vote = A proxy can only be given between voting members.
proxy-refused-self = No one can hold their own proxy.
proxy-refused-chain = Proxies do not chain: this participant already gave their vote or holds another's.
proxy-refused-too-many = One member may hold at most { $max } { $max ->
    [one] proxy
   *[other] proxies
}.
proxy-refused-absent = A proxy can only go to someone present.
proxy-refused-twice = A participant can give only one proxy.
refused-start-after-due = The start cannot be after the due date.
refused-not-a-number = The value must be a number.
refused-vote-rule = The change breaks a rule of the vote.

menu-present = Present to the room
menu-audience = Audience window

spotlight-show = Show to the room
common-and-more = and { $count } more
common-move-up = Move up
common-move-down = Move down

menu-room = Room
menu-room-open = Open the room…
menu-room-close = Close the room
menu-room-show = QR code and address
room-title = The room is open
room-join-hint = Scan with a phone's camera, or type the address; then enter your personal code.
room-address = Serve the room on this address (the network the phones are on):
room-port = Port
room-open-button = Open the room
room-firewall-hint = Windows: when the room opens for the first time, the firewall asks whether stratboard may use the network. Tick “Private networks” and click “Allow access” (Windows may ask for an administrator's password). Do not click “Cancel”: phones could not connect. If an administrator installed stratboard, Windows does not ask.
room-bad-port = The port must be a number from 1 to 65535.
room-needs-file = Save the session to a file first: the phones' ballots are saved into it.
room-no-random = The system gave no randomness for participant codes.
room-status = Room open:
room-devices = { $count ->
    [one] { $count } phone
   *[other] { $count } phones
}
room-guests = Let guests in (no code: ideas only)
room-guests-hint = A guest joins at the room's address without a code. Guests may suggest ideas and never vote.
room-codes = Personal codes
room-new-code-hint = Lost a phone or a card? "New code" sends the participant's phones away; the old code stops working.
room-on-phone = on a phone
room-on-devices = { $count ->
    [one] { $count } device
   *[other] { $count } devices
}
room-new-code = New code
room-new-code-done = New code: { $who }. Phones with the old code were sent away.
room-new-code-failed = Could not give a new code
room-not-saved = A phone's ballot was not saved: the session file cannot be written. The phone was told to try again
room-session-full = A phone's ballot or idea was refused: the session file has reached its size limit (16 MB). Remove what is no longer needed, or go on in a new session
room-ideas-arrived = { $count ->
    [one] { $count } idea arrived from a phone (hidden until revealed)
   *[other] { $count } ideas arrived from phones (hidden until revealed)
}
room-closed-new-document = The room was closed: it served the session that was open before.
menu-follow-up = New follow-up session
follow-up-title = { $title } — follow-up
follow-up-done = A new session continues “{ $title }”. Carried over: participants, goals, indicators and { $count ->
        [0] no action items (none were open)
        [one] { $count } open action item
       *[other] { $count } open action items
    }. Save it to a new file.
