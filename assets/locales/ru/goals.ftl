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
