# The presentation view (projector).
present-view-agenda = Agenda
present-view-minutes = { $count } { $count ->
    [one] min
   *[other] min
}
present-view-paused = Paused
present-view-session-time = Session { $time }
present-view-empty = Nothing here yet
present-view-influence = influence { $value }/5
present-view-interest = interest { $value }/5
present-view-goals = Goals: { $goals }
present-view-not-revealed = { $count ->
    [one] { $count } idea not revealed yet
   *[other] { $count } ideas not revealed yet
}
present-view-idea-hidden = Idea not revealed yet
present-view-unknown = (removed)
present-view-round = Round { $count }
present-view-not-voted = Not voted yet: { $names }
present-view-room = Vote from your phone: { $address }
present-view-turnout = { $count } of { $total } have voted
present-view-turnout-bare = { $count ->
    [one] { $count } has voted
   *[other] { $count } have voted
}
present-view-results-after-close = Results will be shown when the vote is closed
present-view-cannot-count = The ballots cannot be counted with this method's settings
present-view-passed = Adopted
present-view-not-passed = Not adopted
present-view-no-winner = No winner
present-view-winner = Winner: { $names }
present-view-winners-tied = Tie: { $names }
present-view-chart = Results chart
present-view-consent-for = For
present-view-consent-against = Against
present-view-consent-abstain = Abstain
present-view-consent-block = Block
present-view-decided-on = Decided on { $date }
present-view-alternatives = Alternatives: { $names }
present-view-dissent = Dissent: { $text }
present-view-due = due { $date }
present-view-serves = Serves: { $goal }
present-view-pros = Arguments for
present-view-cons = Arguments against
