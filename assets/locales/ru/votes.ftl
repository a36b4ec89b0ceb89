# Голосования: список голосований и подготовка черновика.
votes-add = Добавить голосование
votes-new-question = Поддерживаем ли мы предложение?
votes-empty = Голосований пока нет. Добавьте голосование, сформулируйте вопрос и выберите альтернативы для бюллетеня.
votes-number = Голосование { $number }
votes-question = Вопрос
votes-anonymity = Анонимность
votes-ballot = В бюллетене
votes-ballot-empty = В бюллетене нет альтернатив
votes-no-alternatives-yet = Альтернатив для бюллетеня пока нет.
votes-rounds = { $count } { $count ->
    [one] тур
    [few] тура
   *[many] туров
  }
votes-quorum = кворум { $count } { $count ->
    [one] бюллетень
    [few] бюллетеня
   *[many] бюллетеней
  }
votes-visibility-Live = Итоги видны сразу
votes-visibility-AfterClose = Итоги видны после завершения
votes-threshold-SimpleMajority = принимается простым большинством
votes-threshold-TwoThirds = принимается двумя третями голосов
votes-threshold-percent = принимается, если «за» не меньше { $count }%
votes-threshold-Unanimous = принимается только единогласно
votes-block-allowed = возможно вето

votes-method-consent = Согласие (за / против / воздержался)
votes-method-plurality = Относительное большинство
votes-method-approval = Одобрительное голосование
votes-method-dot = Голосование точками
votes-method-score = Оценочное голосование
votes-method-majority-judgment = Мажоритарное суждение
votes-method-borda = Метод Борда
votes-method-irv = Мгновенный второй тур
votes-method-schulze = Метод Шульце
votes-method-ranked-pairs = Ранжированные пары
votes-method-copeland = Метод Копленда
votes-method-condorcet = Победитель по Кондорсе
votes-method-matrix = Матрица решений

votes-anonymity-chip-Open = Открытое голосование
votes-anonymity-chip-Anonymous = Анонимное голосование
votes-anonymity-chip-Secret = Тайное голосование
