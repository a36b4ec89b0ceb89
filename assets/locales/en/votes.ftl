# Votes: the list of votes and the preparation of a draft vote.
votes-add = Add vote
votes-new-question = Do we support the proposal?
votes-empty = No votes yet. Add a vote, write its question and choose the alternatives on the ballot.
votes-number = Vote { $number }
votes-question = Question
votes-anonymity = Anonymity
votes-ballot = On the ballot
votes-ballot-empty = No alternatives on the ballot
votes-no-alternatives-yet = There are no alternatives to put on the ballot yet.
votes-rounds = { $count } { $count ->
    [one] round
   *[other] rounds
  }
votes-quorum = quorum { $count } { $count ->
    [one] ballot
   *[other] ballots
  }
votes-visibility-Live = Results shown live
votes-visibility-AfterClose = Results shown after closing
votes-threshold-SimpleMajority = passes by a simple majority
votes-threshold-TwoThirds = passes by two thirds
votes-threshold-percent = passes by at least { $count }%
votes-threshold-Unanimous = passes only unanimously
votes-block-allowed = a block stops it

votes-method-consent = Consent
votes-method-plurality = Plurality
votes-method-approval = Approval
votes-method-dot = Dot voting
votes-method-score = Score voting
votes-method-majority-judgment = Majority judgment
votes-method-borda = Borda count
votes-method-irv = Instant runoff
votes-method-schulze = Schulze method
votes-method-ranked-pairs = Ranked pairs
votes-method-copeland = Copeland method
votes-method-condorcet = Condorcet winner
votes-method-matrix = Decision matrix

votes-anonymity-chip-Open = Open ballot
votes-anonymity-chip-Anonymous = Anonymous ballot
votes-anonymity-chip-Secret = Secret ballot

# Setting up a draft vote.
votes-method = Method
votes-visibility = Results
votes-quorum-label = Quorum
votes-quorum-set = Require a quorum
votes-quorum-ballots = Ballots needed
votes-proposal = The proposal voted on
votes-allow-block = Allow a block
votes-threshold = Passes when
votes-threshold-percent-choice = at least a given share is for
votes-threshold-percent-label = Share for, %
votes-dots = Dots per participant
votes-dot-cap-set = Limit dots per alternative
votes-dot-cap = Most dots on one alternative
votes-score-min = Lowest score
votes-score-max = Highest score
votes-grades = Grades, worst first, separated by commas
votes-grades-too-few = Majority judgment needs at least two grades.
votes-default-grades = Poor, Fair, Good, Excellent
votes-criteria = Criteria (the session's goals) and their weights
votes-criteria-none = The session has no goals yet: add goals to use them as criteria.
votes-criterion-weight = Weight of “{ $goal }”
votes-weight = Weight
votes-ranked-hint = Participants rank the alternatives: 1 is best, equal numbers are a tie, unranked alternatives come last.
votes-rule-dots = { $count } { $count ->
    [one] dot
   *[other] dots
  } each
votes-rule-cap = at most { $count } on one alternative
votes-rule-range = scores { $min } to { $max }

# Moving a vote along.
votes-open = Open vote
votes-open-needs-proposal = Choose the proposal to vote on first.
votes-open-needs-alternatives = Put at least two alternatives on the ballot first.
votes-close = Close vote
votes-new-round = New round
votes-booth = Voting booth
votes-leave-booth = Leave booth
votes-round = Round { $number }
votes-round-shown = Round:
votes-not-voted = Not voted yet: { $names }
votes-turnout = { $voted } of { $total } { $total ->
    [one] participant has
   *[other] participants have
  } voted
votes-results-hidden = Results are hidden until the vote is closed.

# Show of hands.
votes-hands = Show of hands
votes-hands-group = Counted in
votes-whole-room = Whole room
votes-hands-record = Record the count
votes-hands-invalid = Type whole numbers of hands (0 or more).
votes-hands-recorded = { $count } { $count ->
    [one] hand count recorded
   *[other] hand counts recorded
  } in this round
votes-consent-For = For
votes-consent-Against = Against
votes-consent-Abstain = Abstain
votes-consent-Block = Block

# Paper ballots.
votes-import = Paper ballots
votes-import-file = Ballots file
votes-import-hint = path to a .csv, .soc, .soi, .toc or .toi file
votes-import-button = Import
votes-import-choose = Import ballots…
votes-import-filter = Ballot files
votes-import-no-format = Ballots of this method cannot be read from a file.
votes-import-refused-line = { $file }, line { $line }: { $reason }. Nothing was imported.
votes-import-refused = { $file }: { $reason }. Nothing was imported.
votes-imported = { $count } { $count ->
    [one] ballot imported
   *[other] ballots imported
  } into this round

# Results.
votes-results = Results
votes-counted = { $count } { $count ->
    [one] ballot counted
   *[other] ballots counted
  }
votes-ignored = { $count } { $count ->
    [one] ballot does
   *[other] ballots do
  } not fit this method and { $count ->
    [one] was
   *[other] were
  } not counted
votes-cannot-count = The vote cannot be counted: { $reason }
votes-consent-count = { $choice } — { $count }
votes-quorum-reached = Quorum reached ({ $count } needed)
votes-quorum-missed = Quorum not reached ({ $count } needed)
votes-threshold-met = The threshold is met.
votes-threshold-missed = The threshold is not met.
votes-verdict-passed = The proposal passes
votes-verdict-failed = The proposal does not pass
votes-verdict-blocked = The proposal is blocked
votes-winner = Winner: { $name }
votes-no-winner = No winner
votes-tie = Tie between { $names }
votes-break-tie = Break the tie by lot
votes-won-by-lot = { $name } won by lot
votes-tie-was = The lot was drawn among: { $names }
votes-tie-note = Drawn by lot on the board, { $date }
votes-ranking = Ranking
votes-totals = Totals
votes-medians = Median grades
votes-irv-rounds = Instant-runoff counts
votes-irv-count = Count { $number }
votes-irv-exhausted = { $count } { $count ->
    [one] ballot
   *[other] ballots
  } for nobody
votes-irv-eliminated = out: { $names }
votes-pairwise = Pairwise comparison
votes-pairwise-hint = Each cell: ballots that prefer the row's alternative to the column's.
votes-chart = Bar chart
votes-chart-consent = Ballots by choice
votes-chart-scores = Totals by alternative
votes-chart-medians = Median grade by alternative (1 = lowest grade)
votes-chart-first-round = First preferences by alternative
votes-chart-copeland = Pairwise wins minus losses by alternative
votes-chart-pairwise-wins = Pairwise wins by alternative
votes-by-group = By stakeholder group
votes-group = Group
votes-group-ballots = Ballots
votes-group-rest = Whole room / no group
votes-weighted-total = Weighted by group

# Participants' phones and the vote's timer.
votes-show-on-phones = Show on phones
votes-show-on-phones-hint = Participants' phones put this vote first (with a short vibration where they can). Click again to stop.
votes-timer = Timer:
votes-timer-minutes = { $count } min
votes-timer-add = +1 min
votes-timer-stop = Stop timer
votes-time-left = { $time } left
votes-closed-by-timer = Time is up: the vote “{ $question }” is closed.
votes-held = { $count ->
    [one] { $count } secret ballot waits for its batch
   *[other] { $count } secret ballots wait for their batch
  } (written five at a time, or all at the close; not in the counts yet)
votes-open-no-quorum = Open the vote without a quorum?
votes-open-anyway = Open without a quorum
votes-hands-proxies = { $count } { $count ->
    [one] proxy is
   *[other] proxies are
  } in the room: a holder's hand counts for them and for each member they represent.
