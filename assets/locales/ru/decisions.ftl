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

## Виды доски: карточки, дорожная карта, матрица ролей, исполнение решений.
decisions-view-cards = Решения
decisions-view-roadmap = Дорожная карта
decisions-view-roles = Роли
decisions-view-review = Исполнение решений

## Дорожная карта.
roadmap-zoom = Масштаб:
roadmap-zoom-weeks = Недели
roadmap-zoom-months = Месяцы
roadmap-zoom-quarters = Кварталы
roadmap-months = янв фев мар апр май июн июл авг сен окт ноя дек
roadmap-quarter = { $quarter } кв. { $year }
roadmap-today = сегодня, { $date }
roadmap-empty = Поручений пока нет. Дайте решениям поручения с датами начала и сроками — они появятся на дорожной карте.
roadmap-undated = Без сроков ({ $count }): { $names }
roadmap-bar = { $what }: { $dates }, { $progress } %
roadmap-overdue = просрочено
roadmap-responsible = Ответственный: { $name }
roadmap-progress = Исполнение: { $count } %
roadmap-last-report = Последний отчёт, { $date }: { $text }

## Матрица ролей.
roles-legend = Р — ответственный исполнитель, С — соисполнитель. Наведите на номер поручения, чтобы прочитать его.
roles-mark-responsible = Р
roles-mark-co = С
roles-who = Участник или группа
roles-empty = Ролей пока нет: назначьте исполнителей поручений (первый — ответственный).
roles-cell = { $who }, поручение { $number }: { $mark }

## Исполнение решений.
review-intro = Поручения, перенесённые с прошлой сессии. Выберите строку (щелчком, ↑ ↓) и нажмите D — выполнено, W — в работе, O — просрочено (спросит новый срок), C — отменено (спросит причину). Каждую отметку можно отменить.
review-empty = Перенесённых поручений нет. Создайте эту сессию из предыдущей командой: stratboard new -o НОВАЯ.ron --from ПРЕДЫДУЩАЯ.ron, чтобы проверить исполнение её решений.
review-planned = План: { $dates }
review-no-dates = без сроков
review-late = просрочено на { $count } { $count ->
    [one] день
    [few] дня
   *[many] дней
  }
review-left = { $count ->
    [one] остался { $count } день
    [few] осталось { $count } дня
   *[many] осталось { $count } дней
  }
review-no-report = Отчётов об исполнении пока нет.
review-mark-done = Выполнено
review-mark-in-progress = В работе
review-mark-overdue = Просрочено…
review-mark-cancelled = Отменено…
review-new-due = Новый срок (ГГГГ-ММ-ДД)
review-reason = Причина
review-reason-needed = Укажите причину отмены.
review-apply = Применить
review-back = Назад
review-word-done = Выполнено
review-word-in-progress = В работе
review-word-new-due = Новый срок:
review-word-cancelled = Отменено
review-indicators = Показатели: фактические значения за { $year } год
review-indicators-none = У всех показателей есть фактическое значение за { $year } год.
review-indicators-empty = Целевых показателей пока нет (они задаются у целей).
review-target = цель { $value }
review-actual = Факт { $year }: { $name }
review-save = Сохранить
review-actual-short = Факт { $year } г.:
