# Регистрация: кто в зале, доверенности и кворум.

section-attendance = Регистрация
attendance-empty = В сессии пока нет участников. Добавьте их в разделе «Заинтересованные стороны» или импортируйте список.
attendance-registered = Зарегистрировано { $present } из { $members } { $members ->
    [one] члена
   *[other] членов
  }{ $guests ->
    [0] {""}
    [one] { " · " }{ $guests } приглашённый
   *[other] { " · " }{ $guests } приглашённых
  }
attendance-quorum-met = Кворум есть: { $counted } из { $members }
attendance-quorum-not-met = Кворума нет: { $counted } из { $members } (нужно { $needed })
attendance-quorum-count = Присутствуют { $counted } из { $members } членов с правом голоса
attendance-part-in-room = в зале { $count }
attendance-part-remote = дистанционно { $count }
attendance-part-proxy = по доверенности { $count }
attendance-rule = Кворум
attendance-rule-none = не установлен
attendance-rule-half = более половины членов
attendance-rule-two-thirds = не менее двух третей членов
attendance-rule-count = не менее { $count } { $count ->
    [one] члена
   *[other] членов
  }
attendance-rule-count-option = не менее заданного числа членов
attendance-rule-count-value = членов нужно
attendance-max-proxies = Доверенностей на одного
attendance-opened-at = Заседание открыто в { $time }
attendance-opened-clear = ×
attendance-opened-clear-hint = Убрать время открытия (опоздавшие не будут отмечены в протоколе)
attendance-open-now = Открыть заседание сейчас
attendance-open-now-hint = Запомнить время открытия: кто пришёл позже, в протоколе записан как опоздавший
attendance-filter-all = Все
attendance-filter-unmarked = Не отмечены
attendance-filter-here = Присутствуют
attendance-filter-away = Отсутствуют и ушли
attendance-search = Поиск по имени
attendance-search-hint = фамилия, должность или группа
attendance-keys = Enter — в зале · Shift+Enter — дистанционно · Ctrl+Enter — уход · Alt+Enter — отсутствует · ↑ ↓ — выбор строки
attendance-none-found = Никого не найдено.
attendance-no-vote = без права голоса
attendance-status-unregistered = не отмечен
attendance-status-in-room = в зале
attendance-status-remote = дистанционно
attendance-status-in-room-since = в зале с { $time }
attendance-status-remote-since = дистанционно с { $time }
attendance-status-left = убытие в { $time }
attendance-status-absent = отсутствует
attendance-mark-in-room = В зале
attendance-mark-remote = Дистанционно
attendance-mark-left = Уход
attendance-mark-absent = Отсутствует
attendance-mark-clear = Снять отметку
attendance-mark-clear-hint = Участник снова не отмечен
attendance-proxy-give = Доверенность…
attendance-proxy-to = Кому передаёт голос
attendance-proxy-note = Номер доверенности или примечание
attendance-proxy-note-hint = например, № 12 от 01.12
attendance-proxy-record = Записать доверенность
attendance-proxy-nobody-here = Доверенность можно передать только присутствующему члену с правом голоса — пока никто не отмечен.
attendance-proxy-given = Голос передан по доверенности: { $name }
attendance-proxy-suspended-here = — доверенность приостановлена: участник присутствует и голосует сам
attendance-proxy-suspended-holder-away = — доверенность не действует: её держатель не присутствует
attendance-proxy-revoke = Отозвать доверенность
attendance-proxy-holds = Голосует также по доверенности за: { $names }
attendance-projector-needed = Для кворума нужно { $needed } из { $members }
attendance-projector-guests = Приглашённых без права голоса: { $count }
status-quorum-hint = Кворум по отметкам регистрации (раздел «Регистрация»)
attendance-round-present = Присутствовало членов с правом голоса: { $present } из { $members }{ $proxies ->
    [0] {""}
   *[other] { " " }(ещё { $proxies } по доверенности)
  }
attendance-round-quorum-met = кворум имеется
attendance-round-quorum-not-met = кворума нет
