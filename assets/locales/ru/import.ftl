# Почему файл бумажных бюллетеней не принят (карточка добавляет файл и строку).
import-empty = файл пуст
import-no-ballots = в файле нет бюллетеней
import-too-large = файл слишком велик ({ $megabytes } МБ; не больше 16 МБ)
import-not-utf8 = файл — не текст в кодировке UTF-8
import-unsupported = неподдерживаемый тип файла «{ $extension }» (нужен .csv, .soc, .soi, .toc или .toi)
import-io = не удаётся прочитать файл: { $message }
import-missing-header = в файле нет строки «# { $what }»
import-unknown-alternative = неизвестная альтернатива «{ $name }»
import-ambiguous-alternative = несколько альтернатив голосования называются «{ $name }»
import-duplicate-alternative = альтернатива «{ $name }» указана дважды
import-duplicate-in-order = альтернатива { $alternative } дважды встречается в порядке
import-bad-count = число бюллетеней «{ $value }» — не целое положительное число
import-bad-cell = значение «{ $value }» для «{ $alternative }» — не { $expected }
import-cell-rank = место (целое число, 1 — лучшая)
import-cell-approval = 1 (одобрено), 0 или пусто
import-cell-score = целая оценка
import-too-few-columns = { $found } { $found ->
    [one] ячейка
    [few] ячейки
   *[many] ячеек
  }, а в заголовке { $expected } { $expected ->
    [one] столбец
    [few] столбца
   *[many] столбцов
  }
import-too-many-columns = { $found } { $found ->
    [one] ячейка
    [few] ячейки
   *[many] ячеек
  }, а в заголовке только { $expected } { $expected ->
    [one] столбец
    [few] столбца
   *[many] столбцов
  }
import-not-strict = равенство, а файл .{ $type } допускает только строгий порядок
import-incomplete = в порядке не хватает { $missing } { $missing ->
    [one] альтернативы
   *[other] альтернатив
  }, а файл .{ $type } допускает только полный порядок
import-not-ranked = файл PrefLib содержит ранжирования, а этот способ подсчёта их не принимает; используйте файл CSV
import-inconsistent = бюллетень ссылается на альтернативу #{ $id }, которой нет в файле
import-unclosed-quote = кавычка в ячейке не закрыта
import-text-after-quote = текст после закрывающей кавычки ячейки
import-no-alternatives = в заголовке нет альтернатив
import-unnamed-column = у столбца { $column } нет названия
import-not-whole-number = { $what } «{ $value }» — не целое число
import-count-alternatives = число альтернатив
import-count-voters = число голосующих
import-count-unique-orders = число различных порядков
import-count-alternative-number = номер альтернативы
import-given-twice = строка «# { $key }» указана дважды
import-not-ordinal = тип данных «{ $value }» — не порядковый (soc, soi, toc, toi)
import-zero-alternatives = число альтернатив равно нулю
import-type-mismatch = тип данных — { $found }, а файл называется .{ $named }
import-out-of-range = альтернативы { $alternative } нет среди 1…{ $count }
import-named-twice = альтернатива { $alternative } названа дважды
import-empty-name = у альтернативы { $alternative } пустое название
import-order-line-shape = строка порядка должна иметь вид «число: порядок»
import-voters-mismatch = заявлено голосующих: { $declared }, а по строкам порядков: { $counted }
import-unique-orders-mismatch = заявлено различных порядков: { $declared }, а в файле: { $found }
import-unclosed-tie = равенство «{"{"}» не закрыто
import-empty-place = пустое место в порядке
import-not-alternative-number = «{ $item }» — не номер альтернативы
import-unexpected = лишнее «{ $text }» в порядке

# Почему голосование нельзя подсчитать.
tally-bad-settings = настройки способа «{ $method }» нельзя использовать: { $reason }
tally-no-dots = у каждого участника должна быть хотя бы одна точка
tally-zero-cap = при ограничении в ноль точек на альтернативу голосовать невозможно
tally-score-range = низшая оценка ({ $min }) должна быть меньше высшей ({ $max })
tally-too-few-grades = нужно не меньше двух оценок, а задано { $grades }
tally-no-criteria = не задано ни одного критерия
tally-too-many-alternatives = альтернатив: { $count }; ранжированный метод считает не более 1000
tally-criterion-twice = цель #{ $goal } дважды указана как критерий
tally-zero-weights = у всех критериев нулевой вес
tally-impossible-threshold = порог в { $percent }% поданных голосов недостижим
