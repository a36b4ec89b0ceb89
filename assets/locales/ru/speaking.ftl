# Круглый стол: очередь выступлений на проекторе, строка секретаря для ключевых тезисов,
# редактор очереди в карточке пункта повестки и протокол.
speaking-turn-of = Выступление { $number } из { $count }
speaking-next = Следующий:
speaking-last = Последнее выступление
speaking-group = Группа: { $name }
speaking-for-the-group = От имени группы
speaking-no-limit = Без ограничения времени
speaking-phase-calm = осталось
speaking-phase-amber = последние две минуты
speaking-phase-red = время вышло
speaking-countdown = Время выступающего { $time }, { $phase }
speaking-limit = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
   *[other] { $count } минут
}
speaking-order = Очередь выступлений
speaking-skipped = пропущен
speaking-note-for = Ключевой тезис: { $name }
speaking-note-no-group = (нет группы заинтересованных сторон — некуда записать)
speaking-note-alternative = Обсуждаемая альтернатива
speaking-note-point = Ключевой тезис
speaking-note-hint = Что сказал выступающий; Enter добавит к интересам группы
speaking-note-add = Добавить в позицию
speaking-note-pick = Выберите обсуждаемую альтернативу, чтобы записывать тезисы.
speaking-editor-title = Очередь выступлений
speaking-editor-title-count = Очередь выступлений: { $count ->
    [one] { $count } выступающий
    [few] { $count } выступающих
   *[other] { $count } выступающих
}
speaking-editor-minutes = Регламент: { $name }
speaking-editor-minutes-hint = Минут на выступление (0 — без ограничения)
speaking-editor-spoke = выступил
speaking-editor-spoke-at = выступил в { $time }
speaking-editor-has-floor = слово сейчас
speaking-editor-skip = Пропустить
speaking-editor-again = Вернуть в очередь
speaking-editor-add = Добавить выступающего
speaking-editor-group-option = { $name } (один выступающий)
speaking-editor-add-everyone = Добавить всех
speaking-editor-add-groups = По одному от группы
report-speaking = Выступили
report-speaking-for-group = от имени группы
