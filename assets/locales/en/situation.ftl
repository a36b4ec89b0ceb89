# The situation analysis: the four SWOT quadrants.
situation-count = { $count } { $count ->
    [one] finding
   *[other] findings
  }
situation-hint = Inside the organisation: strengths and weaknesses. Outside it: opportunities and threats.
situation-add-strength = Add strength
situation-add-weakness = Add weakness
situation-add-opportunity = Add opportunity
situation-add-threat = Add threat
situation-strength = Strength
situation-weakness = Weakness
situation-opportunity = Opportunity
situation-threat = Threat
situation-new-strength = New strength
situation-new-weakness = New weakness
situation-new-opportunity = New opportunity
situation-new-threat = New threat
situation-empty = Nothing here yet.
situation-goal = Goal
situation-move = Move to…
situation-move-named = Move “{ $text }” to another quadrant
