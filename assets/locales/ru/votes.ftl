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

# Подготовка черновика.
votes-method = Метод
votes-visibility = Итоги
votes-quorum-label = Кворум
votes-quorum-set = Требуется кворум
votes-quorum-ballots = Нужно бюллетеней
votes-proposal = Предложение, по которому голосуют
votes-allow-block = Разрешить вето
votes-threshold = Решение принято, если
votes-threshold-percent-choice = «за» не меньше заданной доли
votes-threshold-percent-label = Доля «за», %
votes-dots = Точек у участника
votes-dot-cap-set = Ограничить точки на одну альтернативу
votes-dot-cap = Не больше точек на одну альтернативу
votes-score-min = Низшая оценка
votes-score-max = Высшая оценка
votes-grades = Оценки от худшей к лучшей, через запятую
votes-grades-too-few = Для мажоритарного суждения нужно не меньше двух оценок.
votes-default-grades = Плохо, Удовлетворительно, Хорошо, Отлично
votes-criteria = Критерии (цели сессии) и их веса
votes-criteria-none = У сессии пока нет целей: добавьте цели, чтобы сделать их критериями.
votes-criterion-weight = Вес цели «{ $goal }»
votes-weight = Вес
votes-ranked-hint = Участники ранжируют альтернативы: 1 — лучшая, одинаковые номера — равенство, неранжированные идут последними.
votes-rule-dots = по { $count } { $count ->
    [one] точке
    [few] точки
   *[many] точек
  } на участника
votes-rule-cap = не больше { $count } на одну альтернативу
votes-rule-range = оценки от { $min } до { $max }

# Ход голосования.
votes-open = Открыть голосование
votes-open-needs-proposal = Сначала выберите предложение, по которому голосуют.
votes-open-needs-alternatives = Сначала внесите в бюллетень хотя бы две альтернативы.
votes-close = Завершить голосование
votes-new-round = Новый тур
votes-booth = Кабина для голосования
votes-leave-booth = Выйти из кабины
votes-round = Тур { $number }
votes-round-shown = Тур:
votes-not-voted = Ещё не проголосовали: { $names }
votes-turnout = Проголосовали { $voted } из { $total } { $total ->
    [one] участника
   *[other] участников
  }
votes-results-hidden = Итоги скрыты до завершения голосования.

# Голосование поднятием рук.
votes-hands = Поднятие рук
votes-hands-group = Кто голосует
votes-whole-room = Весь зал
votes-hands-record = Записать подсчёт
votes-hands-invalid = Введите целое число рук (0 или больше).
votes-hands-recorded = { $count ->
    [one] Записан { $count } подсчёт
    [few] Записано { $count } подсчёта
   *[many] Записано { $count } подсчётов
  } в этом туре
votes-consent-For = За
votes-consent-Against = Против
votes-consent-Abstain = Воздержались
votes-consent-Block = Вето

# Бумажные бюллетени.
votes-import = Бумажные бюллетени
votes-import-file = Файл бюллетеней
votes-import-hint = путь к файлу .csv, .soc, .soi, .toc или .toi
votes-import-button = Загрузить
votes-import-choose = Загрузить бюллетени…
votes-import-filter = Файлы бюллетеней
votes-import-no-format = Бюллетени этого метода нельзя загрузить из файла.
votes-import-refused-line = { $file }, строка { $line }: { $reason }. Ничего не загружено.
votes-import-refused = { $file }: { $reason }. Ничего не загружено.
votes-imported = { $count ->
    [one] Загружен { $count } бюллетень
    [few] Загружено { $count } бюллетеня
   *[many] Загружено { $count } бюллетеней
  } в этот тур

# Итоги.
votes-results = Итоги
votes-counted = { $count ->
    [one] Учтён { $count } бюллетень
    [few] Учтено { $count } бюллетеня
   *[many] Учтено { $count } бюллетеней
  }
votes-ignored = { $count ->
    [one] { $count } бюллетень не подходит
    [few] { $count } бюллетеня не подходят
   *[many] { $count } бюллетеней не подходят
  } для этого метода и не { $count ->
    [one] учтён
   *[other] учтены
  }
votes-cannot-count = Голосование нельзя подсчитать: { $reason }
votes-consent-count = { $choice } — { $count }
votes-quorum-reached = Кворум есть (нужно { $count })
votes-quorum-missed = Кворума нет (нужно { $count })
votes-threshold-met = Порог набран.
votes-threshold-missed = Порог не набран.
votes-verdict-passed = Предложение принято
votes-verdict-failed = Предложение не принято
votes-verdict-blocked = Предложение заблокировано вето
votes-winner = Победитель: { $name }
votes-no-winner = Победителя нет
votes-tie = Равенство: { $names }
votes-break-tie = Разрешить равенство жребием
votes-won-by-lot = { $name } — победитель по жребию
votes-tie-was = Жребий бросали между: { $names }
votes-tie-note = Жребий брошен на доске, { $date }
votes-ranking = Места
votes-totals = Итоговые суммы
votes-medians = Медианные оценки
votes-irv-rounds = Подсчёты мгновенного второго тура
votes-irv-count = Подсчёт { $number }
votes-irv-exhausted = { $count } { $count ->
    [one] бюллетень
    [few] бюллетеня
   *[many] бюллетеней
  } ни за кого
votes-irv-eliminated = выбывают: { $names }
votes-pairwise = Попарное сравнение
votes-pairwise-hint = В клетке — число бюллетеней, где альтернатива строки стоит выше альтернативы столбца.
votes-chart = Диаграмма
votes-chart-consent = Бюллетени по вариантам ответа
votes-chart-scores = Суммы по альтернативам
votes-chart-medians = Медианная оценка по альтернативам (1 — низшая)
votes-chart-first-round = Первые предпочтения по альтернативам
votes-chart-copeland = Попарные победы минус поражения по альтернативам
votes-chart-pairwise-wins = Попарные победы по альтернативам
votes-by-group = По группам заинтересованных сторон
votes-group = Группа
votes-group-ballots = Бюллетени
votes-group-rest = Весь зал / без группы
votes-weighted-total = С весами групп

# Телефоны участников и таймер голосования.
votes-show-on-phones = Показать на телефонах
votes-show-on-phones-hint = Телефоны участников выведут это голосование первым (и коротко завибрируют, где это возможно). Нажмите ещё раз, чтобы снять.
votes-timer = Таймер:
votes-timer-minutes = { $count } мин
votes-timer-add = +1 мин
votes-timer-stop = Снять таймер
votes-time-left = Осталось { $time }
votes-closed-by-timer = Время вышло: голосование «{ $question }» завершено.
votes-held = { $count ->
    [one] { $count } тайный бюллетень ждёт своей пачки
    [few] { $count } тайных бюллетеня ждут своей пачки
   *[many] { $count } тайных бюллетеней ждут своей пачки
  } (записываются по пять или все при завершении; в подсчётах их пока нет)
votes-open-no-quorum = Открыть голосование без кворума?
votes-open-anyway = Открыть без кворума
votes-hands-proxies = В зале { $count } { $count ->
    [one] доверенность
    [few] доверенности
   *[many] доверенностей
  }: рука держателя считается за него и за каждого, кого он представляет.
