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
