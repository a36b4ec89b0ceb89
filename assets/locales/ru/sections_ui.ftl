# Секции и пленарное заседание: окно (меню «Файл», доска альтернатив, решения секций, экран «Секции»)

# Файл → Новая секция этой сессии…
new-section-menu = Новая секция этой сессии…
new-section-title = Новая секция
new-section-intro = Секция получит организацию, даты, группы, участников и цели этой сессии. Альтернатив, голосований и решений в ней не будет. Эта сессия останется открытой.
new-section-name = Название секции
new-section-name-empty = Дайте секции название.
new-section-facilitator = Модератор
new-section-facilitator-none = (не указан)
new-section-facilitator-typed = Или новое имя модератора
new-section-keep-codes = Использовать коды участников пленарного заседания
new-section-keep-codes-hint = Тогда напечатанные карточки участников подойдут и в секции. Иначе секция выдаст свои коды.
new-section-file = Файл секции
new-section-choose = Выбрать…
new-section-create = Создать секцию
new-section-done = Секция «{ $name }» сохранена в { $file }. Откройте этот файл на ноутбуке секции.
new-section-failed = Не удалось сохранить файл секции
new-section-no-file = Укажите, куда сохранить файл секции.
new-section-exists = Такой файл уже есть. Выберите другое имя, чтобы не затереть его.
new-section-is-session = Этот файл — открытая сессия. Выберите другое имя.
new-section-refused-name = Дайте секции название.
new-section-refused-identity = У этой сессии ещё нет постоянного идентификатора: сохраните её, затем создайте секцию.
new-section-refused-from-section = Эта сессия сама является секцией «{ $name }». Секции создаются из файла пленарного заседания.

# Файл → Принести итоги секций…
bring-in-menu = Принести итоги секций…
bring-in-title = Итоги секций
bring-in-files = Файлы секций
bring-in-add = Добавить файлы…
bring-in-remove = Убрать { $file }
bring-in-no-files = Добавьте файлы секций (или перетащите их сюда).
bring-in-drop-hint = Файлы секций можно перетащить в это окно.
bring-in-load-failed = { $file }: не удалось прочитать. { $reason }
bring-in-blocked = Пока файл не читается, ничего не переносится.
bring-in-top = Сколько лучших альтернатив брать из голосования секции
bring-in-section-facts = модератор { $moderator } · { $count } { $count ->
    [one] участник
    [few] участника
   *[many] участников
  }
bring-in-no-moderator = модератор не указан
bring-in-vote = Голосование: { $method }, { $ballots }
bring-in-no-vote = Секция не закрыла ни одного голосования: переносятся только принятые ею альтернативы.
bring-in-new = новая
bring-in-updated = обновится
bring-in-nothing = Секция ничего не приносит.
bring-in-decisions = { $count ->
    [one] { $count } решение секции
    [few] { $count } решения секции
   *[many] { $count } решений секции
  }
bring-in-similar = Похожие названия: «{ $first }» и «{ $second }»
bring-in-totals = Будет добавлено { $added }, обновлено { $updated }
bring-in-apply = Принести
bring-in-done = Принесены итоги { $count ->
    [one] { $count } секции
   *[other] { $count } секций
  }: добавлено { $added }, обновлено { $updated }. Отменить — Ctrl+Z.
bring-in-refused = Итоги секций не принесены
bring-in-disabled-section = Эта сессия сама является секцией: итоги приносят в пленарное заседание.
bring-in-refused-plenary-is-section = Эта сессия сама является секцией «{ $name }»: итоги секций приносят в пленарное заседание.
bring-in-refused-no-identity = У этой сессии ещё нет постоянного идентификатора: сохраните её и создайте секции из её файла.
bring-in-refused-is-plenary = { $file } — это само пленарное заседание, а не его секция.
bring-in-refused-not-section = { $file } — не секция: файл не был создан командой «Новая секция этой сессии».
bring-in-refused-other-plenary = { $file } — секция «{ $section }» другого пленарного заседания ({ $plenary }), не этого.
bring-in-refused-same-section = { $first } и { $second } — одна и та же секция «{ $section }». Оставьте один файл.
bring-in-refused-inconsistent = Перенос нарушил бы целостность сессии: { $reason }

# Доска альтернатив, сгруппированная по секциям
board-section-heading = Секция «{ $name }»
board-section-moderator = модератор { $moderator }
board-section-plenary = Предложено на пленарном заседании
board-origin-decisions = { $count ->
    [one] { $count } решение секции об этой альтернативе
    [few] { $count } решения секции об этой альтернативе
   *[many] { $count } решений секции об этой альтернативе
  }
board-similar = Похоже на: { $titles }
board-combine = Объединить с «{ $title }»
board-combine-hint = Названия, доводы, позиции и происхождение обеих окажутся в этой карточке. Отменить — Ctrl+Z.
board-sections-screen = Секции на экране
board-sections-screen-hint = На проекторе — лучшие альтернативы каждой секции рядом.

# Решения секций
section-decisions-heading = Решения секций
section-decisions-hint = Решения, принятые в секциях. Пленарное заседание может принять их как свои.
section-decisions-adopt = Принять как решение пленарного заседания
section-decisions-actions = Поручения:
section-decisions-from = из секции «{ $name }»

# Экран «Секции»
sections-screen-title = Итоги секций
sections-screen-no-vote = без голосования
new-section-file-unnamed = секция
