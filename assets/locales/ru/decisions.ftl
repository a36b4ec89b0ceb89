# Решения и поручения: решения, поручения по ним и просроченное.
decisions-add = Добавить решение
decisions-new-statement = Новое решение
decisions-empty = Решений пока нет. Запишите каждое решение с обоснованием и дайте по нему поручения с ответственными и сроками.
decisions-number = Решение { $number }
decisions-statement = Решение
decisions-rationale = Обоснование
decisions-dissent = Особые мнения
decisions-decided-on = Дата решения
decisions-vote = Голосование
decisions-alternatives = Альтернативы
decisions-choose-alternatives = Выбрать альтернативы…
decisions-other-actions = Прочие поручения
decisions-no-actions = Поручений пока нет.
decisions-action-count = { $count } { $count ->
    [one] поручение
    [few] поручения
   *[many] поручений
  }
decisions-add-action = Добавить поручение
decisions-new-action = Новое поручение
decisions-action-what = Поручение
decisions-action-owners = Ответственные
decisions-action-due = Срок
decisions-no-owner = Ответственный не назначен
decisions-no-participants = Сначала добавьте участников (раздел «Заинтересованные стороны»).
decisions-overdue = Просрочено на { $count } { $count ->
    [one] день
    [few] дня
   *[many] дней
  }
decisions-carried-over = Перенесено с сессии «{ $session }»
decisions-carried-over-dated = Перенесено с сессии «{ $session }» ({ $date })
decisions-summary-open = { $count } { $count ->
    [one] невыполненное поручение
    [few] невыполненных поручения
   *[many] невыполненных поручений
  }
decisions-summary-overdue = из них { $count } { $count ->
    [one] просрочено
   *[other] просрочены
  }
decisions-action-start = Начало
decisions-action-progress = Исполнение
decisions-action-details = Подробнее
decisions-action-expected = Ожидаемый результат
decisions-action-co-groups = Соисполнители (группы)
decisions-action-indicators = Показатели
decisions-action-reports = Отчёты об исполнении
decisions-action-no-reports = Отчётов пока нет.
decisions-action-report-text = Отчёт
decisions-action-report-hint = что сделано
decisions-action-report-add = Добавить отчёт
