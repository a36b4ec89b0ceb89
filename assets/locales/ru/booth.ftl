# Кабина для голосования (src/ui/booth.rs).
booth-title = Кабина для голосования
booth-no-vote = Этого голосования больше нет.
booth-not-open-draft = Голосование ещё не открыто: откройте его, чтобы начать голосование в кабине.
booth-not-open-closed = Голосование закрыто: бюллетени больше не принимаются.
booth-thanks = Спасибо — ваш бюллетень принят. Следующий участник, пожалуйста.
booth-turnout = Проголосовали { $voted } из { $total }
booth-no-participants = Участников пока нет: сначала добавьте их в разделе заинтересованных сторон.
booth-everyone-voted = В этом туре проголосовали все.
booth-who = Кто голосует?
booth-who-hint = Найдите своё имя и нажмите на него. В списке только те, кто ещё не голосовал.
booth-ballot-of = Бюллетень: { $name }
booth-hint-consent = Выберите один ответ.
booth-hint-plurality = Выберите одну альтернативу.
booth-hint-approval = Отметьте все альтернативы, которые вы поддерживаете.
booth-hint-dot = Распределите свои точки между альтернативами.
booth-hint-score = Оцените каждую альтернативу; чем выше оценка, тем лучше.
booth-hint-grades = Поставьте каждой альтернативе оценку.
booth-hint-matrix = Оцените каждую альтернативу по каждому критерию; чем выше оценка, тем лучше.
booth-hint-ranked = Расставьте альтернативы по местам: 1 — лучшая. Одинаковое место у нескольких — равенство; оставьте «—» у тех, которые не хотите ранжировать.
booth-consent-for = За
booth-consent-against = Против
booth-consent-abstain = Воздержался
booth-consent-block = Вето
booth-rank = Место
booth-rank-for = Место для «{ $alternative }»
booth-unranked = —
booth-score-for = Оценка для «{ $alternative }»
booth-grade-for = Оценка для «{ $alternative }»
booth-dots-for = Точки для «{ $alternative }»
booth-dot-add = Добавить точку: «{ $alternative }»
booth-dot-remove = Убрать точку: «{ $alternative }»
booth-dots-left = { $count ->
    [one] Осталась { $count } точка
    [few] Осталось { $count } точки
   *[many] Осталось { $count } точек
}
booth-dots-over = { $count ->
    [one] На { $count } точку больше, чем можно: уберите её, чтобы отправить
    [few] На { $count } точки больше, чем можно: уберите лишние, чтобы отправить
   *[many] На { $count } точек больше, чем можно: уберите лишние, чтобы отправить
}
booth-dots-cap = { $count ->
    [one] Не больше { $count } точки на одну альтернативу
    [few] Не больше { $count } точек на одну альтернативу
   *[many] Не больше { $count } точек на одну альтернативу
}
booth-grade-all = Поставьте оценку каждой альтернативе, чтобы отправить бюллетень.
booth-score-all = Оцените каждую альтернативу по каждому критерию, чтобы отправить бюллетень.
booth-ballot-invalid = Бюллетень больше не подходит к голосованию: нажмите «Отмена» и начните заново.
booth-no-criteria = В этом голосовании нет критериев: ведущему нужно сначала добавить цели как критерии.
booth-nothing-to-vote = В этом бюллетене не за что голосовать.
booth-submit = Отправить бюллетень
booth-cancel = Отмена

booth-correct-heading = Исправить бюллетень (открытое и анонимное голосование)
booth-correct = Исправить: { $name }
booth-with-proxies = · +{ $count } по доверенности
booth-ballot-by-proxy = Бюллетень: { $name } — по доверенности голосует { $holder }
