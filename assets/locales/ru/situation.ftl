# Анализ состояния: четыре квадранта SWOT.
situation-count = { $count } { $count ->
    [one] фактор
    [few] фактора
   *[many] факторов
  }
situation-hint = Внутри организации — сильные и слабые стороны. Вне её — возможности и угрозы.
situation-add-strength = Добавить сильную сторону
situation-add-weakness = Добавить слабую сторону
situation-add-opportunity = Добавить возможность
situation-add-threat = Добавить угрозу
situation-strength = Сильная сторона
situation-weakness = Слабая сторона
situation-opportunity = Возможность
situation-threat = Угроза
situation-new-strength = Новая сильная сторона
situation-new-weakness = Новая слабая сторона
situation-new-opportunity = Новая возможность
situation-new-threat = Новая угроза
situation-empty = Пока ничего нет.
situation-goal = Цель
situation-move = Перенести в…
situation-move-named = Перенести «{ $text }» в другой квадрант
