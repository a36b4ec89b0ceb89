# Sections and the plenary (format 6)
refused-section-record = The record of a section does not fit: this plenary never brought in such a section, or it is recorded twice.
section-place = { $place } of { $of }
section-ballots = { $count } { $count ->
    [one] ballot
   *[other] ballots
  }
section-adopted-there = adopted by the section
section-name = Section “{ $name }”
section-name-moderator = Section “{ $name }” (moderator { $moderator })
combine-refused-same = An alternative cannot be combined with itself.
combine-refused-on-vote = This alternative is already on a vote's ballot: combine before voting.
