positions-tab-matrix = Groups' positions
positions-tab-convergence = Convergence
convergence-title = Convergence of positions
convergence-hint = Consensus index (Tastle and Wierman): 1 — every group at one stance, 0 — split evenly between the two extremes. "?" is left out. Scale: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2.
convergence-nothing = No group positions yet. Record them in the "Groups' positions" matrix; this view then shows how they converge from round to round.
convergence-rounds = { $count ->
    [one] { $count } position round
   *[other] { $count } position rounds
}
convergence-stable = Positions are stable: the consensus index changed by less than 0.05
convergence-moving = Positions are still moving: a consensus index changed by 0.05 or more
convergence-one-round = A second position round shows the movement
convergence-weighted = Weighted by the groups' weights
convergence-weighted-hint = A group of weight 3 counts as three groups at its stance. The unweighted figures are shown next to them.
convergence-unweighted = unweighted: { $figures }
convergence-unifying = Unifying
convergence-neither = The others
convergence-divisive = Divisive
convergence-figures = consensus { $consensus } · mean { $mean } · median { $median } · IQR { $iqr }
convergence-stances = Groups' stances: { $stances }
convergence-chart = Consensus index by round, "{ $title }": { $values }
convergence-nobody-moved = No group changed its stance since the previous round
convergence-toward = Moved toward the others
convergence-away = Moved away from the others
convergence-held = As far from the others as before
convergence-votes = Agreement between voters
convergence-kendall = Kendall's W by round: { $rounds }
convergence-alternative = Alternative
convergence-score-round = Round { $round }: median (IQR)
convergence-score-cell = { $median } ({ $iqr })
