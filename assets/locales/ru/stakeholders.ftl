# Заинтересованные стороны: карточки групп, строки участников и карта влияния и интереса.
stakeholders-add-group = Добавить группу
stakeholders-new-group = Новая группа
stakeholders-new-participant = Новый участник
stakeholders-count-groups = { $count } { $count ->
    [one] группа
    [few] группы
   *[many] групп
  }
stakeholders-empty = Групп пока нет. Добавьте группы, чьи интересы нужно учесть на сессии.
stakeholders-group-name = Название группы
stakeholders-influence = Влияние
stakeholders-interest = Интерес
stakeholders-vote-weight = Вес голоса
stakeholders-vote-weight-hint = Сколько весят бюллетени этой группы при подсчёте с учётом весов групп
stakeholders-participant-name = ФИО
stakeholders-participant-position = Должность
stakeholders-participant-organisation = Организация
stakeholders-participant-group = Группа
stakeholders-participant-vote-mark = голос
stakeholders-participant-voting = Право голоса
stakeholders-participant-voting-yes = Член с правом голоса: голосует и входит в кворум. Нажмите, если участвует без права голоса (приглашённый, наблюдатель, сотрудник аппарата).
stakeholders-participant-voting-no = Участвует без права голоса (приглашённый, наблюдатель, сотрудник аппарата). Нажмите, чтобы дать право голоса.
stakeholders-participant-contact = Контакт (e-mail или телефон)
stakeholders-participant-contact-button = Контакт
stakeholders-participant-contact-hint = ivanova@example.ru или +7 900 000-00-00
stakeholders-add-participant = Добавить участника
stakeholders-without-group = Без группы

stakeholders-grid = Карта влияния и интереса
stakeholders-grid-axis-interest = Интерес
stakeholders-grid-axis-influence = Влияние
stakeholders-grid-empty = Добавьте группу, чтобы разместить её здесь
stakeholders-grid-scores = Влияние { $influence } · интерес { $interest }
stakeholders-quadrant-keep-satisfied = Удовлетворять
stakeholders-quadrant-manage-closely = Работать плотно
stakeholders-quadrant-monitor = Наблюдать
stakeholders-quadrant-keep-informed = Информировать
stakeholders-grid-legend = Число в кружке — сколько участников представляют группу. Нажмите на кружок, чтобы перейти к её карточке.
