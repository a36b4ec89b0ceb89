# The goals section: the goal tree.
goals-summary = { $count } { $count ->
    [one] goal
   *[other] goals
  }, { $roots } top-level
goals-add = Add goal
goals-new-title = New goal
goals-new-subgoal-title = New sub-goal
goals-add-subgoal = Add sub-goal
goals-add-subgoal-to = Add a sub-goal to “{ $title }”
goals-collapse-all = Collapse all
goals-expand-all = Expand all
goals-collapse = Hide the sub-goals of “{ $title }”
goals-expand = Show the sub-goals of “{ $title }”
goals-empty = No goals yet. Add the session's main goals first, then break them down into sub-goals.
goals-priority = Priority
goals-parent = Serves the goal
goals-subgoal-count = { $count } { $count ->
    [one] sub-goal
   *[other] sub-goals
  }
goals-hidden = { $count } hidden
goals-finding-count = { $count ->
    [0] no findings of the situation analysis
    [one] 1 finding of the situation analysis
   *[other] { $count } findings of the situation analysis
  }
goals-alternatives = Alternatives serving this goal
goals-no-alternatives = None yet: link alternatives to this goal on their cards.
goals-hidden-alternative = Hidden idea
goals-hidden-alternative-hint = Entered privately; its title is shown once it is revealed.
goals-indicators = Target indicators
goals-indicator-add = Add an indicator
goals-indicator-new = New indicator
goals-indicator-name = Indicator
goals-indicator-unit = Unit
goals-indicator-more-is-better = more is better
goals-indicator-baseline = Baseline (year: value)
goals-indicator-targets = Targets by year
goals-indicator-actuals = Actual by year
goals-indicator-source = Data source
goals-indicator-responsible = Responsible
goals-indicator-values-hint = 2018: 480; 2019: 520
goals-indicator-values-invalid = Write “year: value”, separated by semicolons, each year once.
goals-indicator-no-status = No actual value for a year with a target
goals-indicator-reached = { $year }: { $actual } { $unit } against { $target } — reached
goals-indicator-on-track = { $year }: { $actual } { $unit } against { $target } — on track (within 10 %)
goals-indicator-behind = { $year }: { $actual } { $unit } against { $target } — behind
goals-indicator-edit = Edit
