# Сессия и повестка: шапка сессии и повестка с регламентом.
session-title = Название сессии
session-organisation = Организатор
session-format = Формат
session-start = Первый день
session-end = Последний день
session-venue = Место проведения
session-facilitator = Ведущий
session-secretary = Секретарь
session-purpose = Цель сессии
session-no-dates = Даты не указаны

session-agenda = Повестка
session-agenda-add = Добавить пункт повестки
session-agenda-new-item = Новый пункт повестки
session-agenda-empty = Повестка пуста. Добавьте пункты в том порядке, в каком они пойдут: открытие, доклады, обсуждения, голосования, перерывы, подведение итогов.
session-agenda-total = По регламенту { $clock } ({ $count } { $count ->
    [one] минута
    [few] минуты
   *[many] минут
  })
session-agenda-kind = Вид
session-agenda-minutes = Минут
session-agenda-minutes-unit = мин
session-agenda-section = Показать на доске
session-agenda-vote = Голосование
session-agenda-notes = Примечания
session-agenda-move-up = Выше: { $name }
session-agenda-move-down = Ниже: { $name }
session-details-show = Изменить сведения
session-details-hide = Скрыть сведения
session-language = Язык сессии
