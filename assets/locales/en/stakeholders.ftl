# Stakeholders & participants: group cards, participant rows and the power/interest grid.
stakeholders-add-group = Add group
stakeholders-new-group = New group
stakeholders-new-participant = New participant
stakeholders-count-groups = { $count } { $count ->
    [one] group
   *[other] groups
  }
stakeholders-empty = No stakeholder groups yet. Add the groups whose interests the session has to weigh.
stakeholders-group-name = Group name
stakeholders-influence = Influence
stakeholders-interest = Interest
stakeholders-vote-weight = Vote weight
stakeholders-vote-weight-hint = How much this group's ballots count in group-weighted results
stakeholders-participant-name = Name
stakeholders-participant-position = Job title
stakeholders-participant-organisation = Organisation
stakeholders-participant-group = Group
stakeholders-participant-vote-mark = vote
stakeholders-participant-voting = Right to vote
stakeholders-participant-voting-yes = A voting member: votes and counts towards the quorum. Click if they take part without a vote (an invited expert, an observer, staff).
stakeholders-participant-voting-no = Takes part without a vote (an invited expert, an observer, staff). Click to give them a vote.
stakeholders-participant-contact = Contact (e-mail or phone)
stakeholders-participant-contact-button = Contact
stakeholders-participant-contact-hint = name@example.com or +7 900 000-00-00
stakeholders-add-participant = Add participant
stakeholders-without-group = Without a group

stakeholders-grid = Influence / interest grid
stakeholders-grid-axis-interest = Interest
stakeholders-grid-axis-influence = Influence
stakeholders-grid-empty = Add a group to place it here
stakeholders-grid-scores = Influence { $influence } · interest { $interest }
stakeholders-quadrant-keep-satisfied = Keep satisfied
stakeholders-quadrant-manage-closely = Manage closely
stakeholders-quadrant-monitor = Monitor
stakeholders-quadrant-keep-informed = Keep informed
stakeholders-grid-legend = The number in a circle is how many participants speak for the group. Click a circle to find its card.
