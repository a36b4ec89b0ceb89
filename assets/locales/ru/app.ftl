# Оболочка приложения: меню, разделы, общие слова и названия всех вариантов выбора.
app-name = stratboard
sample-name = пример
unsaved-mark = •

menu-file = Файл
menu-new = Новая сессия
menu-open = Открыть…
menu-open-recent = Недавние файлы
menu-no-recent = Недавних файлов нет
menu-save = Сохранить
menu-save-as = Сохранить как…
menu-export = Выгрузить протокол…
menu-quit = Выход
menu-edit = Правка
menu-undo = Отменить
menu-redo = Повторить
menu-view = Вид
menu-language = Язык
menu-theme = Тема
theme-light = Светлая
theme-dark = Тёмная

section-session = Сессия и повестка
section-goals = Цели
section-situation = Анализ состояния
section-stakeholders = Заинтересованные стороны
section-alternatives = Альтернативы
section-positions = Позиции
section-votes = Голосования
section-decisions = Решения и поручения
section-notes = Заметки
sections = Разделы

common-add = Добавить
common-delete = Удалить
common-none = —
common-title = Название
common-description = Описание
common-status = Статус
common-close = Закрыть
common-cancel = Отмена
common-save = Сохранить
common-discard = Не сохранять
common-reload = Перечитать файл
common-keep-mine = Оставить мою версию
common-restore = Восстановить
common-empty-refused = Поле не может быть пустым
common-move-handle = Перетащите, чтобы изменить порядок
common-date-format = ГГГГ-ММ-ДД
common-date-invalid = Укажите дату в виде ГГГГ-ММ-ДД, например 2026-12-01
common-deleted = Удалено. Отменить — Ctrl+Z.
common-deleted-refs = Удалено; { $count } { $count ->
    [one] ссылка на него убрана
    [few] ссылки на него убраны
   *[many] ссылок на него убрано
  }. Отменить — Ctrl+Z.

status-saved = Сохранено: { $file }
status-problems = В файле { $count } { $count ->
    [one] замечание
    [few] замечания
   *[many] замечаний
  }
status-no-file = Ещё не сохранено
status-autosaved = Несохранённые изменения хранятся в файле восстановления

dialog-unsaved-title = Есть несохранённые изменения
dialog-unsaved-body = В «{ $title }» есть несохранённые изменения.
dialog-unsaved-save = Сохранить и закрыть
dialog-unsaved-discard = Закрыть без сохранения
dialog-recovery-title = Найдена несохранённая работа
dialog-recovery-body = Копия восстановления «{ $title }» новее файла: в ней есть несохранённые изменения.
dialog-external-title = Файл изменён на диске
dialog-external-body = Файл { $file } изменили после того, как вы его открыли.

error-open = Не удалось открыть файл
error-room = Не удалось открыть зал
error-save = Не удалось сохранить
error-command = Изменение не внесено

format-RoundTable = Круглый стол
format-Brainstorm = Мозговой штурм
format-BusinessGame = Деловая игра
format-Training = Тренинг
format-DiscussionPlatform = Дискуссионная площадка
format-Other = Другое

agenda-kind-Opening = Открытие
agenda-kind-Presentation = Доклад
agenda-kind-Discussion = Обсуждение
agenda-kind-Brainstorm = Мозговой штурм
agenda-kind-GroupWork = Работа в группах
agenda-kind-BusinessGame = Деловая игра
agenda-kind-Training = Тренинг
agenda-kind-Vote = Голосование
agenda-kind-Break = Перерыв
agenda-kind-Summary = Подведение итогов

agenda-status-Planned = Запланировано
agenda-status-InProgress = Идёт
agenda-status-Done = Завершено
agenda-status-Skipped = Пропущено

priority-High = Высокий
priority-Medium = Средний
priority-Low = Низкий

quadrant-Strength = Сильные стороны
quadrant-Weakness = Слабые стороны
quadrant-Opportunity = Возможности
quadrant-Threat = Угрозы

alternative-status-Proposed = Предложена
alternative-status-Shortlisted = В коротком списке
alternative-status-Adopted = Принята
alternative-status-Rejected = Отклонена
alternative-status-Postponed = Отложена

stance-StronglyFor = Решительно за
stance-For = За
stance-Neutral = Нейтрально
stance-Against = Против
stance-StronglyAgainst = Решительно против
stance-Undecided = Не определилась

action-status-Open = Не начато
action-status-InProgress = В работе
action-status-Done = Выполнено
action-status-Cancelled = Отменено

vote-status-Draft = Черновик
vote-status-Open = Идёт
vote-status-Closed = Завершено

anonymity-Open = Открытое
anonymity-Anonymous = Анонимное
anonymity-Secret = Тайное

count-votes = { $count } { $count ->
    [one] голос
    [few] голоса
   *[many] голосов
  }
count-ballots = { $count } { $count ->
    [one] бюллетень
    [few] бюллетеня
   *[many] бюллетеней
  }
count-participants = { $count } { $count ->
    [one] участник
    [few] участника
   *[many] участников
  }

new-session-title = Новая стратегическая сессия

refused-unknown = Этого элемента уже нет.
refused-vote = Голосование сейчас этого не допускает.
refused-not-saved = Не удалось сохранить в файл сессии, поэтому изменение не принято.
refused-session-full = Файл сессии достиг предельного размера (16 МБ), поэтому изменение не принято. Удалите ненужное (старые идеи, заметки) или продолжите в новой сессии, созданной из этой.
refused-exists = Такой элемент уже есть.
refused-move = Сюда его переместить нельзя.
refused-has-ballots = Удалить нельзя: на него ссылаются бюллетени или подсчёт голосов голосования.
refused-referenced = Ничего не удалено: на него { $count ->
    [one] есть { $count } ссылка
    [few] есть { $count } ссылки
   *[many] есть { $count } ссылок
  }.
refused-duplicate-id = У двух элементов оказался бы один номер.
refused-dangling = Ссылка на то, чего нет.
refused-repeated = Один и тот же элемент оказался бы в списке дважды.
refused-range = Значение должно быть от { $min } до { $max }.
refused-goal-cycle = Цель нельзя сделать подцелью её самой или её собственной подцели.
refused-end-before-start = Последний день не может быть раньше первого.
refused-due-before-session = Срок не может быть раньше начала сессии.
refused-duplicate-position = У этой группы уже есть позиция по этой альтернативе в этом раунде.
refused-no-vote = У этого участника нет права голоса.
refused-proxy-given = Участник передал свой голос по доверенности: за него голосует её держатель.
refused-no-proxy = У голосующего нет действующей доверенности этого участника.
refused-not-here = Участник не отмечен как присутствующий.
proxy-refused-no-vote = Доверенность возможна только между членами с правом голоса.
proxy-refused-self = Нельзя выдать доверенность самому себе.
proxy-refused-chain = Доверенности не передаются по цепочке: этот участник уже передал свой голос или держит чужой.
proxy-refused-too-many = Один участник может держать не больше { $max } доверенн{ $max ->
    [one] ости
   *[other] остей
}.
proxy-refused-absent = Доверенность можно передать только присутствующему.
proxy-refused-twice = Участник может выдать только одну доверенность.
refused-start-after-due = Начало не может быть позже срока.
refused-not-a-number = Значение должно быть числом.
refused-vote-rule = Изменение нарушает правила голосования.

menu-present = Показ для зала
menu-audience = Окно для зала

spotlight-show = Показать залу
common-and-more = и ещё { $count }
common-move-up = Переместить выше
common-move-down = Переместить ниже

menu-room = Зал
menu-room-open = Открыть зал…
menu-room-close = Закрыть зал
menu-room-show = QR-код и адрес
room-title = Зал открыт
room-join-hint = Наведите камеру телефона или наберите адрес, затем введите личный код.
room-address = Адрес, на котором открыть зал (сеть, в которой телефоны):
room-port = Порт
room-open-button = Открыть зал
room-firewall-hint = Windows: когда зал откроется впервые, брандмауэр спросит, разрешить ли stratboard доступ к сети. Отметьте «Частные сети» и нажмите «Разрешить доступ» (Windows может попросить пароль администратора). Не нажимайте «Отмена»: телефоны не смогут подключиться. Если stratboard устанавливал администратор, Windows не спросит.
room-bad-port = Порт — число от 1 до 65535.
room-needs-file = Сначала сохраните сессию в файл: голоса с телефонов сохраняются в него.
room-no-random = Система не дала случайных чисел для личных кодов.
room-status = Зал открыт:
room-devices = { $count ->
    [one] { $count } телефон
    [few] { $count } телефона
   *[other] { $count } телефонов
}
room-guests = Пускать гостей (без кода: только идеи)
room-guests-hint = Гость входит по адресу зала без кода. Он может предлагать идеи, но не голосует.
room-codes = Личные коды
room-new-code-hint = Потерян телефон или карточка? «Новый код» отключает телефоны участника, старый код перестаёт действовать.
room-on-phone = на телефоне
room-on-devices = { $count ->
    [one] { $count } устройство
    [few] { $count } устройства
   *[other] { $count } устройств
}
room-new-code = Новый код
room-new-code-done = Новый код: { $who }. Телефоны со старым кодом отключены.
room-new-code-failed = Не удалось выдать новый код
room-not-saved = Голос с телефона не сохранён: файл сессии не записывается. Телефону сказано попробовать ещё раз
room-session-full = Голос или идея с телефона не приняты: файл сессии достиг предельного размера (16 МБ). Удалите ненужное или продолжите в новой сессии
room-ideas-arrived = { $count ->
    [one] С телефона пришла { $count } идея (скрыта до показа)
    [few] С телефонов пришли { $count } идеи (скрыты до показа)
   *[other] С телефонов пришло { $count } идей (скрыты до показа)
}
room-closed-new-document = Зал закрыт: он обслуживал сессию, открытую ранее.
menu-follow-up = Новая сессия-продолжение
follow-up-title = { $title } — продолжение
follow-up-done = Новая сессия продолжает «{ $title }». Перенесены участники, цели, показатели и { $count ->
        [0] ни одного поручения (незавершённых не было)
        [one] { $count } незавершённое поручение
        [few] { $count } незавершённых поручения
       *[many] { $count } незавершённых поручений
    }. Сохраните её в новый файл.
