# Режим показа (проектор).
present-view-agenda = Повестка
present-view-minutes = { $count } мин
present-view-paused = Пауза
present-view-session-time = Сессия идёт { $time }
present-view-empty = Здесь пока ничего нет
present-view-influence = влияние { $value }/5
present-view-interest = интерес { $value }/5
present-view-goals = Цели: { $goals }
present-view-not-revealed = { $count ->
    [one] { $count } идея пока не раскрыта
    [few] { $count } идеи пока не раскрыты
   *[many] { $count } идей пока не раскрыто
}
present-view-idea-hidden = Идея пока не раскрыта
present-view-unknown = (удалено)
present-view-round = Тур { $count }
present-view-not-voted = Ещё не проголосовали: { $names }
present-view-room = Голосуйте с телефона: { $address }
present-view-turnout = { $count ->
    [one] Проголосовал { $count } из { $total }
   *[other] Проголосовали { $count } из { $total }
}
present-view-turnout-bare = { $count ->
    [one] Проголосовал { $count } человек
    [few] Проголосовали { $count } человека
   *[many] Проголосовали { $count } человек
}
present-view-results-after-close = Итоги будут показаны после закрытия голосования
present-view-cannot-count = Бюллетени нельзя подсчитать при таких настройках способа
present-view-passed = Принято
present-view-not-passed = Не принято
present-view-no-winner = Победителя нет
present-view-winner = Победитель: { $names }
present-view-winners-tied = Поровну: { $names }
present-view-chart = Диаграмма итогов
present-view-consent-for = За
present-view-consent-against = Против
present-view-consent-abstain = Воздержались
present-view-consent-block = Вето
present-view-decided-on = Решено { $date }
present-view-alternatives = Альтернативы: { $names }
present-view-dissent = Особое мнение: { $text }
present-view-due = срок { $date }
present-view-serves = Служит цели: { $goal }
present-view-pros = Доводы за
present-view-cons = Доводы против
