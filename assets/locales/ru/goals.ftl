# Раздел «Цели»: дерево целей.
goals-summary = { $count } { $count ->
    [one] цель
    [few] цели
   *[many] целей
  }, верхнего уровня — { $roots }
goals-add = Добавить цель
goals-new-title = Новая цель
goals-new-subgoal-title = Новая подцель
goals-add-subgoal = Добавить подцель
goals-add-subgoal-to = Добавить подцель к цели «{ $title }»
goals-collapse-all = Свернуть все
goals-expand-all = Развернуть все
goals-collapse = Скрыть подцели цели «{ $title }»
goals-expand = Показать подцели цели «{ $title }»
goals-empty = Целей пока нет. Сначала добавьте главные цели сессии, затем разбейте их на подцели.
goals-priority = Приоритет
goals-parent = Входит в цель
goals-subgoal-count = { $count } { $count ->
    [one] подцель
    [few] подцели
   *[many] подцелей
  }
goals-hidden = скрыто: { $count }
goals-finding-count = { $count ->
    [0] нет факторов из анализа состояния
    [one] { $count } фактор из анализа состояния
    [few] { $count } фактора из анализа состояния
   *[many] { $count } факторов из анализа состояния
  }
goals-alternatives = Альтернативы, служащие этой цели
goals-no-alternatives = Пока нет: связывайте альтернативы с целью на их карточках.
goals-hidden-alternative = Скрытая идея
goals-hidden-alternative-hint = Внесена тайно; название появится, когда идею откроют.
goals-indicators = Целевые показатели
goals-indicator-add = Добавить показатель
goals-indicator-new = Новый показатель
goals-indicator-name = Показатель
goals-indicator-unit = Единица
goals-indicator-more-is-better = больше — лучше
goals-indicator-baseline = Базовое значение (год: значение)
goals-indicator-targets = Цели по годам
goals-indicator-actuals = Факт по годам
goals-indicator-source = Источник данных
goals-indicator-responsible = Ответственный
goals-indicator-values-hint = 2018: 480; 2019: 520
goals-indicator-values-invalid = Пишите «год: значение» через точку с запятой, каждый год один раз.
goals-indicator-no-status = Нет факта за год, для которого задана цель
goals-indicator-reached = { $year }: { $actual } { $unit } при цели { $target } — достигнут
goals-indicator-on-track = { $year }: { $actual } { $unit } при цели { $target } — в пределах 10 %
goals-indicator-behind = { $year }: { $actual } { $unit } при цели { $target } — отстаёт
goals-indicator-edit = Изменить
