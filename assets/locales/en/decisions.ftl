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
