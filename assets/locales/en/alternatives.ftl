# The alternatives section: cards with goals, proposer, pros and cons.
alternatives-count = { $count } { $count ->
    [one] alternative
   *[other] alternatives
  }
alternatives-add = Add alternative
alternatives-new-title = New alternative
alternatives-number = Alternative { $number }
alternatives-filter-status = Show
alternatives-filter-all = All statuses
alternatives-search = Search
alternatives-shown = Showing { $shown } of { $total }
alternatives-clear-filter = Show all
alternatives-empty = No alternatives yet. Add the first one with “Add alternative”.
alternatives-no-match = No alternative matches the filter.
alternatives-proposer = Proposed by
alternatives-proposer-group = Group
alternatives-goals = Goals it serves
alternatives-goals-hint = Click a goal to link or unlink it.
alternatives-goals-hint-many = Click a linked goal to unlink it.
alternatives-link-goals = Link goals…
alternatives-link-goals-hint = Tick the goals this alternative serves.
alternatives-no-goals = No goals yet: add them in the Goals section.
alternatives-pros = Pros
alternatives-cons = Cons
alternatives-pro = Pro { $number }
alternatives-con = Con { $number }
alternatives-add-pro = Add pro
alternatives-add-con = Add con
alternatives-no-pros = No arguments for yet.
alternatives-no-cons = No arguments against yet.
alternatives-hidden = Hidden until revealed
alternatives-hidden-chip = hidden
alternatives-hidden-hint = Entered privately: not yet revealed to the room.
alternatives-positions = Group positions
alternatives-no-positions = none recorded yet
alternatives-stance-count = { $stance }: { $count } { $count ->
    [one] group
   *[other] groups
  }
alternatives-move-up = Move up
alternatives-move-down = Move down
alternatives-collapse = Fold
alternatives-expand = Unfold
alternatives-collapse-all = Fold all
alternatives-expand-all = Unfold all
alternatives-summary-goals = { $count } { $count ->
    [one] goal
   *[other] goals
  }
alternatives-summary-pros = { $count } { $count ->
    [one] pro
   *[other] pros
  }
alternatives-summary-cons = { $count } { $count ->
    [one] con
   *[other] cons
  }

alternatives-reveal-all = Reveal { $count } hidden { $count ->
    [one] idea
   *[other] ideas
  }
alternatives-passport = Initiative passport…
alternatives-passport-short = Passport…
alternatives-passport-of = Initiative passport: { $title }
alternatives-passport-hint = Export the initiative's passport (PDF or DOCX): goals and indicators, decisions, action items with who and when, risks, the stakeholders' positions.
alternatives-passport-draft-hint = The alternative is not adopted yet: its passport will be a draft, marked as such.
