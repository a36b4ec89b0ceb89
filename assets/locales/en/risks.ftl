# Risks: the risk register of a decision or an alternative, and the heat map.

risks-title = Risks ({ $count })
risks-add = Add a risk
risks-new = New risk
risks-description = Risk
risks-probability = Probability
risks-impact = Impact
risks-score = Score
risks-response = Response
risks-owner = Owner
risks-axis-probability = probability ↑
risks-axis-impact = impact →
risks-dot = Risk { $number }: { $description } (probability { $probability }, impact { $impact })
risks-map-all = Risk map ({ $count })
