# The positions section: a matrix of stakeholder groups × alternatives.
positions-hint = Each cell is a group's stance on an alternative. Click a cell to record or change it; hover to read the interests behind it.
positions-nothing = Add stakeholder groups and alternatives first: the matrix crosses them.
positions-legend = Stances:
positions-round-label = Round:
positions-round = Round { $number }
positions-new-round = Start round { $number }
positions-new-round-hint = Record positions again after discussion, to see them converge. Earlier rounds are kept.
positions-corner = Group \ alternative
positions-no-position = no position
positions-no-position-hint = No position recorded in this round. Click to record one.
positions-earlier = Round { $round }: { $stance }
positions-stance = Stance
positions-interests = Interests and arguments
positions-no-interests = No interests recorded.
positions-select-hint = Select a cell in the matrix to record a position.
positions-what = position of { $group } on { $alternative }
