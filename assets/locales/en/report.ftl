# The protocol (minutes) of a session, as exported.
report-heading = Minutes of the strategic session
report-date = Date
report-venue = Venue
report-format = Format
report-purpose = Purpose of the session
report-facilitator = Chaired by (facilitator)
report-secretary = Secretary
report-present = Present
report-participants = Participants
report-present-remote = Present remotely
report-absent = Absent
report-invited = Invited (without a vote)
report-remote = remotely
report-arrived-at = arrived at { $time }
report-left-at = left at { $time }
report-proxy = by proxy to { $holder }
report-opened = The session was opened at { $time } (local time, { $zone }).
report-times-zone = Times are local ({ $zone }).
report-quorum-label = Quorum
report-quorum-half = more than half of the voting members ({ $needed } of { $members })
report-quorum-two-thirds = at least two thirds of the voting members ({ $needed } of { $members })
report-quorum-count = at least { $needed } of the { $members } voting members
report-quorum-value = { $rule }; present { $present }{ $proxies } — { $verdict }
report-quorum-by-proxy = , by proxy { $count }
report-quorum-met = quorum met
report-quorum-not-met = no quorum
report-vote-attendance = Voting members present: { $present } of { $members }
report-present-count = { $count } { $count ->
    [one] person
   *[other] people
  }
report-no-group = Not in a stakeholder group
report-agenda = Agenda
report-minutes = { $count } min
report-goals = Goals
report-priority = priority: { $priority }
report-situation = Situation analysis: the organisation's state and internal capabilities
report-alternatives = Strategic alternatives
report-hidden-alternatives = { $count ->
    [one] { $count } idea has not been revealed to the room yet and is not included.
   *[other] { $count } ideas have not been revealed to the room yet and are not included.
  }
report-status = Status
report-proposed-by = Proposed by
report-serves = Serves the goals
report-pros = Arguments for
report-cons = Arguments against
report-positions = Positions of the stakeholder groups
report-positions-round = Positions of the stakeholder groups (round { $number })
report-column-group = Group
report-column-position = Position
report-column-interests = Interests and arguments
report-stance-was = round { $number }: { $stance }
report-votes = Votes
report-question = Question
report-method = Counting method
report-ballot-secrecy = Ballot
report-rules = Rules
report-vote-draft = The vote has not been held yet.
report-vote-open = The vote is still open; the results are preliminary.
report-ballots = Ballots counted: { $count }
report-ignored = Not counted (invalid for this method): { $count }
report-consent-result = For — { $for }, Against — { $against }, Abstain — { $abstain }
report-consent-blocks = , Block — { $count }
report-seal = Seal (SHA-256): { $seal }…, closed { $closed }
report-passed = The proposal is adopted.
report-not-passed = The proposal is not adopted.
report-quorum-missed = The quorum of { $count } { $count ->
    [one] ballot
   *[other] ballots
  } was not reached.
report-blocked = The proposal was blocked.
report-roll-call = How each participant voted
report-column-participant = Participant
report-column-ballot = Ballot
report-column-place = Place
report-column-alternative = Alternative
report-column-result = Result
report-irv-round = Count { $number }: { $votes }
report-irv-eliminated = eliminated: { $names }
report-irv-exhausted = exhausted: { $count }
report-pairwise = Pairwise comparison (row beats column by that many ballots)
report-convergence = Convergence of positions
report-convergence-intro = Stances as numbers: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2; “?” (undecided) is left out of every figure. A group's position in a round is its latest recorded at or before that round. Consensus index (Tastle & Wierman): 1 when every group holds the same stance, 0 when the groups are split evenly between the extremes. IQR: the interquartile range. Change: the consensus index minus the previous round's.
report-convergence-column-round = Round
report-convergence-column-consensus = Consensus
report-convergence-column-mean = Mean
report-convergence-column-median = Median
report-convergence-column-iqr = IQR
report-convergence-column-change = Change
report-convergence-weighted = { $number }, weighted
report-convergence-chart = Consensus index by round
report-convergence-round = Round { $number }
report-convergence-unifying = Unifying (broad support, high consensus): { $names }
report-convergence-divisive = Divisive (a high share on both sides): { $names }
report-convergence-stable = Positions are stable: no consensus index changed by 0.05 or more between the last two rounds.
report-convergence-votes = Agreement between the voters' rankings (Kendall's W: 1 = identical rankings, 0 = no agreement)
report-convergence-column-vote = Vote
report-convergence-column-ballots = Ballots
report-convergence-column-w = Kendall's W
report-decisions = Decided
report-decision-alternatives = Alternatives
report-decision-vote = On the vote
report-rationale = Rationale
report-dissent = Dissent
report-decided-on = Decided on
report-actions = Action plan
report-column-number = No.
report-column-what = Action
report-column-owners = Owner
report-column-due = Due
report-column-status = Status
report-column-decision = Decision
report-carried-over = carried over from “{ $session }”
report-notes = Notes taken during the session
report-signatures = Signatures
report-sign-facilitator = Facilitator
report-sign-secretary = Secretary
report-page = Page
report-of = of
report-none = —
report-secret-batches = Secret ballots are stored without the voter, apart from the list of who voted, and were saved in batches of at least five (or all of a round's ballots when fewer were cast), so no two versions of the session file can link a voter to a ballot. The facilitator's computer, while the vote was open, could see more.

# The register on the command line (stratboard attendance).
report-register-title = Register: “{ $title }”
report-register-id = ID
report-register-name = Name
report-register-vote = Vote
report-register-status = Status
report-register-arrived = Arrived
report-register-left = Left
report-register-proxy = Proxy
report-register-yes = yes
report-register-no = no
report-register-in-room = in the room
report-register-remote = remotely
report-register-absent = absent
report-register-unregistered = not registered
report-register-legend = Proxy: → their vote is held by the participant with this ID; ← they hold the votes of these IDs.
report-register-summary = Voting members: { $members }; present: { $present }; proxies: { $proxies }.
report-register-nobody = The session has no participants.

## Issue 26: the roadmap, roles, indicators, risks, the execution review
report-roadmap = Action plan (roadmap)
report-roadmap-today = Dates are compared with the session's date ({ $date }); % is the progress.
report-roadmap-decision = Carrying out decision { $number }: { $statement }
report-roadmap-loose = Measures of no decision
report-column-measure = Measure
report-column-responsible = Responsible
report-column-co-executors = Co-executors
report-column-start = Start
report-column-dates = Dates (start – due)
report-column-progress-short = %
report-dates-range = { $start } to { $due }
report-dates-until = by { $date }
report-dates-from = from { $date }
report-column-expected = Expected result
report-column-progress = Progress, %
report-overdue-days = { $count ->
    [one] overdue by { $count } day
   *[other] overdue by { $count } days
  }
report-timeline = The roadmap: bars from start to due, the filled part is the progress, the dashed line the session's date.
report-timeline-done = done
report-timeline-progress = progress
report-timeline-late = overdue
report-roles = Roles
report-roles-legend = R — responsible, C — co-executor; the columns are the measures' numbers.
report-role-responsible = R
report-role-co = C
report-indicators = Target indicators
report-indicators-legend = By year: target / actual.
report-column-indicator = Indicator
report-column-goal = Goal
report-column-unit = Unit
report-column-baseline = Baseline
report-indicator-reached = reached
report-indicator-on-track = within 10 %
report-indicator-behind = behind
report-risks = Risk register
report-risk-of-decision = decision { $number }
report-column-risk = Risk
report-column-risk-of = Concerns
report-column-probability = Probability
report-column-impact = Impact
report-column-score = Score
report-column-response = Response
report-column-risk-owner = Owner
report-review = Execution review
report-review-from = Items carried over from
report-review-summary = Items carried over: { $carried }; done: { $done }, on time: { $ontime } ({ $share } % of those carried); overdue: { $late }.
report-review-done = Done
report-review-late = Overdue
report-review-other = In progress
report-review-progress = Progress
report-review-last-report = Last report
report-review-indicators = Indicators: actual against target
report-column-year = Year
report-column-target = Target
report-column-actual = Actual

## The action plan as a workbook (export xlsx)
xlsx-sheet-plan = Action plan
xlsx-sheet-indicators = Indicators
xlsx-sheet-risks = Risks
xlsx-column-indicators = Indicators
xlsx-column-last-report = Last report
xlsx-column-baseline-year = Baseline year
xlsx-column-target-year = Target { $year }
xlsx-column-actual-year = Actual { $year }
xlsx-column-source = Data source

## The passport of an initiative
passport-heading = Initiative passport
passport-not-adopted = Draft: the alternative is not adopted (status: { $status }).
passport-session = Strategic session
passport-description = Description
passport-goals = Goals and target indicators
passport-no-decision = No decision has been taken on the initiative.
passport-positions = Positions of the stakeholder groups
passport-sign = Lead

## A plenary that brought sections in (issue 27)
report-sections = Results of the sections
report-section-heading = Section “{ $name }”
report-section-moderated-by = moderator { $name }
report-section-moderator = Moderator
report-section-participants = Took part
report-section-vote = The section's vote
report-section-no-vote = none held
report-section-on-ballot = { $count } { $count ->
    [one] alternative
   *[other] alternatives
  } on the ballot
report-section-brought = Brought to the plenary
report-section-in-plenary = in the plenary: { $title }
report-section-decisions = The section's decisions
report-section-adopted-by-plenary = adopted by the plenary as its own
report-section-action = Action
report-section-actions = The section's actions
report-section-responsible = responsible
report-section-due = due
report-from-section = From the section
report-from-sections = { $count ->
    [one] section
   *[other] sections
  } { $names }
report-decision-from-section = Proposed by the section
