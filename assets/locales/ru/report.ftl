# Протокол сессии при выгрузке.
report-heading = Протокол стратегической сессии
report-date = Дата проведения
report-venue = Место проведения
report-format = Формат
report-purpose = Цель сессии
report-facilitator = Председательствовал (ведущий)
report-secretary = Секретарь
report-present = Присутствовали
report-participants = Участники
report-present-remote = Присутствовали дистанционно
report-absent = Отсутствовали
report-invited = Приглашённые
report-remote = дистанционно
report-arrived-at = прибытие в { $time }
report-left-at = убытие в { $time }
report-proxy = голос передан по доверенности: { $holder }
report-opened = Заседание открыто в { $time } (время местное, { $zone }).
report-times-zone = Время указано местное ({ $zone }).
report-quorum-label = Кворум
report-quorum-half = более половины членов с правом голоса ({ $needed } из { $members })
report-quorum-two-thirds = не менее двух третей членов с правом голоса ({ $needed } из { $members })
report-quorum-count = не менее { $needed } { $needed ->
    [one] члена
   *[other] членов
  } с правом голоса (из { $members })
report-quorum-value = { $rule }; присутствует { $present }{ $proxies } — { $verdict }
report-quorum-by-proxy = , по доверенности { $count }
report-quorum-met = кворум имеется
report-quorum-not-met = кворума нет
report-vote-attendance = Присутствовало членов с правом голоса: { $present } из { $members }
report-present-count = { $count } { $count ->
    [one] человек
    [few] человека
   *[many] человек
  }
report-no-group = Вне групп заинтересованных сторон
report-agenda = Повестка дня
report-minutes = { $count } мин
report-goals = Цели
report-priority = приоритет: { $priority }
report-situation = Анализ состояния и внутренних возможностей
report-alternatives = Стратегические альтернативы
report-hidden-alternatives = { $count ->
    [one] { $count } идея ещё не раскрыта участникам и в протокол не включена.
    [few] { $count } идеи ещё не раскрыты участникам и в протокол не включены.
   *[many] { $count } идей ещё не раскрыты участникам и в протокол не включены.
  }
report-status = Статус
report-proposed-by = Автор предложения
report-serves = Служит целям
report-pros = Доводы за
report-cons = Доводы против
report-positions = Позиции заинтересованных сторон
report-positions-round = Позиции заинтересованных сторон (тур { $number })
report-column-group = Группа
report-column-position = Позиция
report-column-interests = Интересы и доводы
report-stance-was = тур { $number }: { $stance }
report-votes = Голосования
report-question = Вопрос
report-method = Способ подсчёта
report-ballot-secrecy = Порядок голосования
report-rules = Правила
report-vote-draft = Голосование ещё не проводилось.
report-vote-open = Голосование не завершено, итоги предварительные.
report-ballots = Учтено бюллетеней: { $count }
report-ignored = Не учтено (недействительны для этого способа): { $count }
report-consent-result = За — { $for }, Против — { $against }, Воздержались — { $abstain }
report-consent-blocks = , Вето — { $count }
report-seal = Печать (SHA-256): { $seal }…, голосование закрыто { $closed }
report-passed = Решение принято.
report-not-passed = Решение не принято.
report-quorum-missed = Кворум ({ $count } { $count ->
    [one] бюллетень
    [few] бюллетеня
   *[many] бюллетеней
  }) не набран.
report-blocked = Решение заблокировано (вето).
report-roll-call = Как голосовали участники
report-column-participant = Участник
report-column-ballot = Бюллетень
report-column-place = Место
report-column-alternative = Альтернатива
report-column-result = Результат
report-irv-round = Подсчёт { $number }: { $votes }
report-irv-eliminated = выбывают: { $names }
report-irv-exhausted = без действующих предпочтений: { $count }
report-pairwise = Попарное сравнение (на сколько бюллетеней строка опережает столбец)
report-convergence = Сближение позиций
report-convergence-intro = Позиции в числах: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2; «?» (не определилась) ни в одном показателе не учитывается. Позиция группы в туре — последняя записанная в этом туре или раньше. Индекс согласия (Tastle & Wierman): 1 — все группы на одной позиции, 0 — группы поровну разделились между крайними позициями. МКР — межквартильный размах. Изменение — разность индекса согласия с предыдущим туром.
report-convergence-column-round = Тур
report-convergence-column-consensus = Согласие
report-convergence-column-mean = Среднее
report-convergence-column-median = Медиана
report-convergence-column-iqr = МКР
report-convergence-column-change = Изменение
report-convergence-weighted = { $number }, с весами
report-convergence-chart = Индекс согласия по турам
report-convergence-round = Тур { $number }
report-convergence-unifying = Объединяющие (широкая поддержка, высокое согласие): { $names }
report-convergence-divisive = Разделяющие (много сторонников и противников): { $names }
report-convergence-stable = Позиции устоялись: ни один индекс согласия не изменился на 0,05 и более между двумя последними турами.
report-convergence-votes = Согласованность ранжирований голосовавших (W Кендалла: 1 — одинаковые ранжирования, 0 — согласия нет)
report-convergence-column-vote = Голосование
report-convergence-column-ballots = Бюллетени
report-convergence-column-w = W Кендалла
report-decisions = РЕШИЛИ
report-decision-alternatives = Альтернативы
report-decision-vote = По итогам голосования
report-rationale = Обоснование
report-dissent = Особое мнение
report-decided-on = Дата решения
report-actions = План действий (поручения)
report-column-number = №
report-column-what = Поручение
report-column-owners = Ответственный
report-column-due = Срок
report-column-status = Статус
report-column-decision = Решение
report-carried-over = перенесено с сессии «{ $session }»
report-notes = Записи по ходу сессии
report-signatures = Подписи
report-sign-facilitator = Ведущий
report-sign-secretary = Секретарь
report-page = Страница
report-of = из
report-none = —
report-secret-batches = Тайные бюллетени хранятся без имени голосовавшего, отдельно от списка проголосовавших, и сохранялись пачками не менее чем по пять (или все бюллетени тура, если их было меньше), так что никакие две версии файла сессии не связывают участника с его бюллетенем. Компьютер ведущего, пока голосование было открыто, мог видеть больше.

# Регистрация в командной строке (stratboard attendance).
report-register-title = Регистрация: «{ $title }»
report-register-id = №
report-register-name = ФИО
report-register-vote = Голос
report-register-status = Отметка
report-register-arrived = Прибытие
report-register-left = Убытие
report-register-proxy = Доверенность
report-register-yes = да
report-register-no = нет
report-register-in-room = в зале
report-register-remote = дистанционно
report-register-absent = отсутствует
report-register-unregistered = нет отметки
report-register-legend = Доверенность: → голос передан участнику с этим номером; ← получены голоса участников с этими номерами.
report-register-summary = Членов с правом голоса: { $members }; присутствуют: { $present }; доверенностей: { $proxies }.
report-register-nobody = В сессии нет участников.

## Issue 26: the roadmap, roles, indicators, risks, the execution review
report-roadmap = План мероприятий (дорожная карта)
report-roadmap-today = Сроки сопоставлены с датой сессии ({ $date }); % — исполнение.
report-roadmap-decision = Во исполнение решения { $number }: { $statement }
report-roadmap-loose = Мероприятия вне решений
report-column-measure = Мероприятие
report-column-responsible = Ответственный
report-column-co-executors = Соисполнители
report-column-start = Начало
report-column-dates = Сроки (начало – окончание)
report-column-progress-short = %
report-dates-range = с { $start } по { $due }
report-dates-until = до { $date }
report-dates-from = с { $date }
report-column-expected = Ожидаемый результат
report-column-progress = Исполнение, %
report-overdue-days = { $count ->
    [one] просрочено на { $count } день
    [few] просрочено на { $count } дня
   *[many] просрочено на { $count } дней
  }
report-timeline = Дорожная карта: полосы от начала до срока, закрашенная часть — исполнение, пунктир — дата сессии.
report-timeline-done = выполнено
report-timeline-progress = исполнение
report-timeline-late = просрочено
report-roles = Распределение ролей
report-roles-legend = Р — ответственный, С — соисполнитель; столбцы — номера мероприятий.
report-role-responsible = Р
report-role-co = С
report-indicators = Целевые показатели
report-indicators-legend = По годам: план / факт.
report-column-indicator = Показатель
report-column-goal = Цель
report-column-unit = Ед. изм.
report-column-baseline = Базовое значение
report-indicator-reached = достигнуто
report-indicator-on-track = в пределах 10 %
report-indicator-behind = отставание
report-risks = Реестр рисков
report-risk-of-decision = решение { $number }
report-column-risk = Риск
report-column-risk-of = Относится к
report-column-probability = Вероятность
report-column-impact = Влияние
report-column-score = Балл
report-column-response = Меры реагирования
report-column-risk-owner = Ответственный
report-review = Контроль исполнения
report-review-from = Поручения перенесены с сессии
report-review-summary = Перенесено поручений: { $carried }; выполнено: { $done }, из них в срок: { $ontime } ({ $share } % перенесённых); просрочено: { $late }.
report-review-done = Выполнено
report-review-late = Просрочено
report-review-other = В работе
report-review-progress = Исполнение
report-review-last-report = Последний отчёт
report-review-indicators = Показатели: факт и план
report-column-year = Год
report-column-target = План
report-column-actual = Факт

## The action plan as a workbook (export xlsx)
xlsx-sheet-plan = План мероприятий
xlsx-sheet-indicators = Показатели
xlsx-sheet-risks = Риски
xlsx-column-indicators = Показатели
xlsx-column-last-report = Последний отчёт
xlsx-column-baseline-year = Базовый год
xlsx-column-target-year = План { $year }
xlsx-column-actual-year = Факт { $year }
xlsx-column-source = Источник данных

## The passport of an initiative (паспорт инициативы)
passport-heading = Паспорт инициативы
passport-not-adopted = Проект: альтернатива не принята (статус: { $status }).
passport-session = Стратегическая сессия
passport-description = Описание
passport-goals = Цели и целевые показатели
passport-no-decision = Решений по инициативе не принято.
passport-positions = Позиции заинтересованных сторон
passport-sign = Руководитель

## A plenary that brought sections in (issue 27)
report-sections = Итоги работы секций
report-section-heading = Секция «{ $name }»
report-section-moderated-by = модератор { $name }
report-section-moderator = Модератор
report-section-participants = Приняли участие
report-section-vote = Голосование секции
report-section-no-vote = не проводилось
report-section-on-ballot = в бюллетене { $count } { $count ->
    [one] альтернатива
    [few] альтернативы
   *[many] альтернатив
  }
report-section-brought = Вынесено на пленарное заседание
report-section-in-plenary = на пленарном заседании — { $title }
report-section-decisions = Решения секции
report-section-adopted-by-plenary = принято пленарным заседанием как своё
report-section-action = Поручение
report-section-actions = Поручения секции
report-section-responsible = ответственный
report-section-due = срок
report-from-section = Из секции
report-from-sections = { $count ->
    [one] секция
   *[other] секции
  } { $names }
report-decision-from-section = Предложено секцией
