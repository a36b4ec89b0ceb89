# Раздел «Альтернативы»: карточки с целями, автором, доводами за и против.
alternatives-count = { $count } { $count ->
    [one] альтернатива
    [few] альтернативы
   *[many] альтернатив
  }
alternatives-add = Добавить альтернативу
alternatives-new-title = Новая альтернатива
alternatives-number = Альтернатива { $number }
alternatives-filter-status = Показать
alternatives-filter-all = Все статусы
alternatives-search = Поиск
alternatives-shown = Показано { $shown } из { $total }
alternatives-clear-filter = Показать все
alternatives-empty = Альтернатив пока нет. Добавьте первую кнопкой «Добавить альтернативу».
alternatives-no-match = Ни одна альтернатива не подходит под фильтр.
alternatives-proposer = Кто предложил
alternatives-proposer-group = Группа
alternatives-goals = На какие цели работает
alternatives-goals-hint = Нажмите на цель, чтобы связать её с альтернативой или убрать связь.
alternatives-goals-hint-many = Нажмите на связанную цель, чтобы убрать связь.
alternatives-link-goals = Связать с целями…
alternatives-link-goals-hint = Отметьте цели, на которые работает эта альтернатива.
alternatives-no-goals = Целей пока нет: добавьте их в разделе «Цели».
alternatives-pros = Доводы «за»
alternatives-cons = Доводы «против»
alternatives-pro = Довод «за» { $number }
alternatives-con = Довод «против» { $number }
alternatives-add-pro = Добавить довод «за»
alternatives-add-con = Добавить довод «против»
alternatives-no-pros = Доводов «за» пока нет.
alternatives-no-cons = Доводов «против» пока нет.
alternatives-hidden = Скрыта до раскрытия
alternatives-hidden-chip = скрыта
alternatives-hidden-hint = Внесена втайне: участникам ещё не показана.
alternatives-positions = Позиции групп
alternatives-no-positions = пока не записаны
alternatives-stance-count = { $stance }: { $count } { $count ->
    [one] группа
    [few] группы
   *[many] групп
  }
alternatives-move-up = Переместить выше
alternatives-move-down = Переместить ниже
alternatives-collapse = Свернуть
alternatives-expand = Развернуть
alternatives-collapse-all = Свернуть все
alternatives-expand-all = Развернуть все
alternatives-summary-goals = { $count } { $count ->
    [one] цель
    [few] цели
   *[many] целей
  }
alternatives-summary-pros = { $count } { $count ->
    [one] довод «за»
    [few] довода «за»
   *[many] доводов «за»
  }
alternatives-summary-cons = { $count } { $count ->
    [one] довод «против»
    [few] довода «против»
   *[many] доводов «против»
  }

alternatives-reveal-all = Раскрыть { $count } { $count ->
    [one] скрытую идею
    [few] скрытые идеи
   *[many] скрытых идей
  }
alternatives-passport = Паспорт инициативы…
alternatives-passport-short = Паспорт…
alternatives-passport-of = Паспорт инициативы: { $title }
alternatives-passport-hint = Выгрузить паспорт инициативы (PDF или DOCX): цели и показатели, решения, поручения с ответственными и сроками, риски, позиции сторон.
alternatives-passport-draft-hint = Альтернатива ещё не принята: паспорт выйдет как проект, с пометкой об этом.
