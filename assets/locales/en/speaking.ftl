# The speaking round (round table): the projector, the secretary's key-point bar, the agenda
# card's editor and the protocol.
speaking-turn-of = Speaker { $number } of { $count }
speaking-next = Next:
speaking-last = Last speaker
speaking-group = Group: { $name }
speaking-for-the-group = On behalf of the group
speaking-no-limit = No time limit
speaking-phase-calm = time left
speaking-phase-amber = last two minutes
speaking-phase-red = time is up
speaking-countdown = Speaker's time { $time }, { $phase }
speaking-limit = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
speaking-order = Order of speakers
speaking-skipped = skipped
speaking-note-for = Key point: { $name }
speaking-note-no-group = (no stakeholder group: nowhere to note it)
speaking-note-alternative = Alternative in discussion
speaking-note-point = Key point
speaking-note-hint = What the speaker said; Enter adds it to the group's interests
speaking-note-add = Add to the position
speaking-note-pick = Pick the alternative in discussion to note key points.
speaking-editor-title = Speaking round
speaking-editor-title-count = Speaking round: { $count ->
    [one] { $count } speaker
   *[other] { $count } speakers
}
speaking-editor-minutes = Time limit: { $name }
speaking-editor-minutes-hint = Minutes per turn (0 = no limit)
speaking-editor-spoke = spoke
speaking-editor-spoke-at = spoke at { $time }
speaking-editor-has-floor = has the floor
speaking-editor-skip = Skip
speaking-editor-again = Give the floor again
speaking-editor-add = Add a speaker
speaking-editor-group-option = { $name } (one speaker)
speaking-editor-add-everyone = Add everyone
speaking-editor-add-groups = One per group
report-speaking = Spoke
report-speaking-for-group = on behalf of the group
