# Decisions & actions: decisions, the action items that carry them out, and what is overdue.
decisions-add = Add decision
decisions-new-statement = New decision
decisions-empty = No decisions yet. Record each decision with its rationale, and give it action items with owners and due dates.
decisions-number = Decision { $number }
decisions-statement = Decision
decisions-rationale = Rationale
decisions-dissent = Dissenting opinions
decisions-decided-on = Decided on
decisions-vote = Vote
decisions-alternatives = Alternatives
decisions-choose-alternatives = Choose alternatives…
decisions-other-actions = Other action items
decisions-no-actions = No action items yet.
decisions-action-count = { $count } { $count ->
    [one] action item
   *[other] action items
  }
decisions-add-action = Add action item
decisions-new-action = New action item
decisions-action-what = Action item
decisions-action-owners = Owners
decisions-action-due = Due date
decisions-no-owner = No owner yet
decisions-no-participants = Add participants first (Stakeholders & participants).
decisions-overdue = Overdue by { $count } { $count ->
    [one] day
   *[other] days
  }
decisions-carried-over = Carried over from “{ $session }”
decisions-carried-over-dated = Carried over from “{ $session }”, { $date }
decisions-summary-open = { $count } open { $count ->
    [one] action item
   *[other] action items
  }
decisions-summary-overdue = { $count } overdue
decisions-action-start = Start
decisions-action-progress = Progress
decisions-action-details = Details
decisions-action-expected = Expected result
decisions-action-co-groups = Co-executors (groups)
decisions-action-indicators = Indicators
decisions-action-reports = Progress reports
decisions-action-no-reports = No reports yet.
decisions-action-report-text = Report
decisions-action-report-hint = what was done
decisions-action-report-add = Add report

## The views of the board: the cards, the roadmap, the roles matrix, the execution review.
decisions-view-cards = Decisions
decisions-view-roadmap = Roadmap
decisions-view-roles = Roles
decisions-view-review = Execution review

## The roadmap.
roadmap-zoom = Scale:
roadmap-zoom-weeks = Weeks
roadmap-zoom-months = Months
roadmap-zoom-quarters = Quarters
roadmap-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
roadmap-quarter = Q{ $quarter } { $year }
roadmap-today = today, { $date }
roadmap-empty = No action items yet. Give the decisions action items with start and due dates to see them on the roadmap.
roadmap-undated = Without dates ({ $count }): { $names }
roadmap-bar = { $what }: { $dates }, { $progress } %
roadmap-overdue = overdue
roadmap-responsible = Responsible: { $name }
roadmap-progress = Progress: { $count } %
roadmap-last-report = Last report, { $date }: { $text }

## The roles matrix.
roles-legend = R — responsible executor, C — co-executor. Point at an item's number to read it.
roles-mark-responsible = R
roles-mark-co = C
roles-who = Participant or group
roles-empty = Nobody has a role yet: give the action items owners (the first owner is the responsible executor).
roles-cell = { $who }, item { $number }: { $mark }

## The execution review.
review-intro = The items carried over from the previous session. Select a row (click, ↑ ↓) and press D — done, W — in progress, O — overdue (asks for a new date), C — cancelled (asks for a reason). Each mark can be undone.
review-empty = No items were carried over. Create this session from the previous one with the command line: stratboard new -o NEW.ron --from PREVIOUS.ron to review how its decisions were carried out.
review-planned = Planned: { $dates }
review-no-dates = no dates
review-late = { $count } { $count ->
    [one] day
   *[other] days
  } late
review-left = { $count } { $count ->
    [one] day
   *[other] days
  } left
review-no-report = No progress reports yet.
review-mark-done = Done
review-mark-in-progress = In progress
review-mark-overdue = Overdue…
review-mark-cancelled = Cancelled…
review-new-due = New due date (YYYY-MM-DD)
review-reason = Reason
review-reason-needed = Say why it is cancelled.
review-apply = Apply
review-back = Back
review-word-done = Done
review-word-in-progress = In progress
review-word-new-due = New due date:
review-word-cancelled = Cancelled
review-indicators = Indicators: actual values for { $year }
review-indicators-none = Every indicator has its actual value for { $year }.
review-indicators-empty = No target indicators yet (they are set on the goals).
review-target = target { $value }
review-actual = Actual { $year }: { $name }
review-save = Save
review-actual-short = Actual { $year }:
