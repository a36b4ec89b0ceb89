# The voting booth (src/ui/booth.rs).
booth-title = Voting booth
booth-no-vote = This vote no longer exists.
booth-not-open-draft = The vote is still a draft: open it to start voting in the booth.
booth-not-open-closed = The vote is closed: no more ballots can be cast.
booth-thanks = Thank you — your ballot is recorded. Next participant, please.
booth-turnout = { $voted } of { $total } { $voted ->
    [one] has
   *[other] have
} voted
booth-no-participants = There are no participants yet: add them under Stakeholders first.
booth-everyone-voted = Everyone has voted in this round.
booth-who = Who is voting?
booth-who-hint = Find your name and press it. Only people who have not voted yet are listed.
booth-ballot-of = Ballot of { $name }
booth-hint-consent = Choose one answer.
booth-hint-plurality = Choose one alternative.
booth-hint-approval = Tick every alternative you approve of.
booth-hint-dot = Spread your dots over the alternatives.
booth-hint-score = Give each alternative a score; higher is better.
booth-hint-grades = Give each alternative a grade.
booth-hint-matrix = Score each alternative on each criterion; higher is better.
booth-hint-ranked = Rank the alternatives: 1 is best. The same number for several means a tie; leave “—” for any you do not want to rank.
booth-consent-for = For
booth-consent-against = Against
booth-consent-abstain = Abstain
booth-consent-block = Block
booth-rank = Rank
booth-rank-for = Rank for { $alternative }
booth-unranked = —
booth-score-for = Score for { $alternative }
booth-grade-for = Grade for { $alternative }
booth-dots-for = Dots for { $alternative }
booth-dot-add = Add a dot to { $alternative }
booth-dot-remove = Take a dot from { $alternative }
booth-dots-left = { $count ->
    [one] { $count } dot left
   *[other] { $count } dots left
}
booth-dots-over = { $count ->
    [one] { $count } dot too many: take one away to submit
   *[other] { $count } dots too many: take some away to submit
}
booth-dots-cap = { $count ->
    [one] At most { $count } dot on one alternative
   *[other] At most { $count } dots on one alternative
}
booth-grade-all = Give every alternative a grade to submit.
booth-score-all = Give every alternative a score on every criterion to submit.
booth-ballot-invalid = This ballot does not fit the vote any more: press Cancel and start again.
booth-no-criteria = This vote has no criteria: the facilitator must add goals as criteria first.
booth-nothing-to-vote = There is nothing on this ballot to vote on.
booth-submit = Submit ballot
booth-cancel = Cancel

booth-correct-heading = Correct a ballot (open and anonymous votes)
booth-correct = Correct: { $name }
booth-with-proxies = · +{ $count } by proxy
booth-ballot-by-proxy = Ballot of { $name } — cast by proxy by { $holder }
