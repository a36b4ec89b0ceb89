# Секции и пленарное заседание (формат 6)
refused-section-record = Запись о секции не сходится: такой секции нет в пленарном заседании или она записана дважды.
section-place = { $place } место из { $of }
section-ballots = { $count } { $count ->
    [one] бюллетень
    [few] бюллетеня
   *[many] бюллетеней
  }
section-adopted-there = принята секцией
section-name = Секция «{ $name }»
section-name-moderator = Секция «{ $name }» (модератор { $moderator })
combine-refused-same = Альтернативу нельзя объединить с самой собой.
combine-refused-on-vote = Эта альтернатива уже стоит в бюллетене голосования: объединяйте до голосования.
