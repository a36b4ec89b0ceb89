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
