# Участники из таблицы (Файл → Импорт участников…).
pimport-field-name = ФИО
pimport-field-surname = Фамилия
pimport-field-first-name = Имя
pimport-field-patronymic = Отчество
pimport-field-position = Должность
pimport-field-organisation = Организация
pimport-field-group = Группа
pimport-field-email = Эл. почта
pimport-field-phone = Телефон
pimport-field-voting = Право голоса
pimport-field-none = (не импортировать)

# Почему файл не прочитать.
pimport-too-large = файл слишком велик ({ $megabytes } МБ; не больше 16 МБ)
pimport-not-utf8 = строка { $row }: файл не в кодировке UTF-8 (сохраните его как «CSV UTF-8»)
pimport-unsupported = неподдерживаемый тип файла «{ $extension }» (нужен CSV, XLSX или ODS)
pimport-old-excel = старый файл Excel (XLS): сохраните его в формате XLSX или CSV
pimport-damaged = таблицу не удаётся прочитать: { $message }
pimport-unclosed-quote = строка { $row }: кавычка в ячейке не закрыта
pimport-text-after-quote = строка { $row }: текст после закрывающей кавычки ячейки
pimport-no-such-sheet = в файле нет листа «{ $name }» (листы: { $sheets })
pimport-no-sheets = в файле CSV нет листов, выбрать лист нельзя
pimport-sheet-too-large = лист «{ $sheet }» доходит до ячейки { $cell }: больше миллиона ячеек, намного больше любого списка; удалите лишнее ниже или правее списка или скопируйте список на новый лист
pimport-empty = лист пуст

# Почему список нельзя импортировать.
pimport-no-name-column = ни в одном столбце нет ФИО: нужен заголовок «ФИО», «Name» или «Фамилия», «Имя», «Отчество» (найдены заголовки: { $found })
pimport-field-twice = в столбцах { $first } и { $second } одно и то же поле: «{ $field }»
pimport-name-and-parts = в столбце { $name } полное ФИО, а в столбце { $part } — «{ $field }»: оставьте что-то одно
pimport-no-rows = под заголовком (строка { $row }) нет ни одной строки
pimport-missing-name = строка { $row }, столбец { $column }: не указано ФИО
pimport-bad-voting = строка { $row }, столбец { $column }: «{ $value }» — не отметка права голоса: укажите да/нет, yes/no, +/-, 1/0 или true/false

# Окно предпросмотра.
pimport-title = Импорт участников
pimport-menu = Импорт участников…
pimport-file = Файл: { $file }
pimport-sheet = Лист
pimport-header-row = Заголовки — в строке { $row }.
pimport-above-header = Над заголовками, не импортируются: { $rows ->
    [one] строка
   *[other] строки
  } { $list }.
pimport-columns = Столбцы
pimport-column-header = Столбец { $column }: «{ $header }»
pimport-column-no-header = Столбец { $column } (без заголовка)
pimport-unknown-header = Столбец { $column }: заголовок «{ $header }» не распознан, столбец не импортируется.
pimport-unknown-blank = У столбца { $column } нет заголовка, он не импортируется.
pimport-to-add = { $count ->
    [one] Будет добавлен { $count } участник
    [few] Будут добавлены { $count } участника
   *[other] Будут добавлены { $count } участников
  }
pimport-col-row = Строка
pimport-col-name = ФИО
pimport-col-position = Должность
pimport-col-organisation = Организация
pimport-col-group = Группа
pimport-col-contact = Контакт
pimport-new-group = новая
pimport-new-groups = Новые группы: { $groups }
pimport-duplicates = Уже есть, повторно не добавляются
pimport-duplicate-session = строка { $row }: { $name } — уже в сессии
pimport-duplicate-file = строка { $row }: { $name } — уже в строке { $first }
pimport-empty-rows = Пустые строки пропущены: { $rows }
pimport-problems = Ошибки: пока они не исправлены, импортировать нельзя
pimport-add = { $count ->
    [one] Добавить { $count } участника
    [few] Добавить { $count } участника
   *[other] Добавить { $count } участников
  }
pimport-nothing-to-add = Новых участников нет.
pimport-fix-first = Сначала исправьте ошибки (или файл).
pimport-cancel = Отмена
pimport-read-failed = { $file } не удаётся импортировать: { $reason }
pimport-done = { $count ->
    [one] Добавлен { $count } участник
    [few] Добавлены { $count } участника
   *[other] Добавлены { $count } участников
  }
pimport-refused = Участников не удалось добавить: { $reason }
pimport-no-vote = без права голоса
pimport-voting-changes = Право голоса изменится у тех, кто уже есть в сессии:
pimport-voting-gains = строка { $row }: { $name } — получает право голоса
pimport-voting-loses = строка { $row }: { $name } — без права голоса
pimport-apply-voting = Применить изменения права голоса
pimport-voting-done = Право голоса изменено: { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[many] { $count } участников
  }.
