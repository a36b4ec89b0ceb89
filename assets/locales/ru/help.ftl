# Меню «Справка»: сочетания клавиш, руководство пользователя, примеры сессий, «О программе».
menu-help = Справка
menu-help-shortcuts = Сочетания клавиш
menu-help-guide = Руководство пользователя
menu-help-samples = Примеры сессий
menu-help-about = О программе

help-guide-title = Руководство пользователя
help-guide-contents = Содержание

help-close = Закрыть

help-about-version = Версия { $version }
help-about-description = Доска ведущего стратегической сессии: позиции групп интересов, альтернативы, голосование, решения, поручения и протокол. Работает без интернета; сессия — обычный файл.
help-about-licence = Лицензия программы: MIT или Apache 2.0 — на выбор.
help-about-fonts = Шрифты
help-about-fonts-note = Шрифты встроены в программу; их лицензии разрешают распространять их вместе с ней. Полный текст каждой лицензии — под строкой «Текст лицензии».
help-font-licence = Лицензия: { $licence }
help-font-licence-text = Текст лицензии
help-font-pt-sans-use = Основной шрифт интерфейса и протокола в PDF (обычный и полужирный), полная кириллица. Файлы из пакета Debian fonts-paratype.
help-font-pt-sans-licence = ParaType Free Font License — свободная лицензия ParaType
help-font-dejavu-use = Знаки, которых нет в PT Sans (стрелки, галочки, −). Файл из пакета Debian fonts-dejavu-core.
help-font-dejavu-licence = лицензия Bitstream Vera; изменения DejaVu переданы в общественное достояние
help-font-ubuntu-use = Шрифт egui по умолчанию; запасной для знаков, которых нет в PT Sans и DejaVu Sans.
help-font-ubuntu-licence = Ubuntu Font Licence 1.0 — лицензия шрифтов Ubuntu
help-font-hack-use = Моноширинный шрифт (шрифт egui по умолчанию): предпросмотр CSV при выгрузке, тексты лицензий.
help-font-hack-licence = MIT; знаки Bitstream Vera Sans Mono — по лицензии Bitstream Vera
help-font-icons-use = Пять значков egui (логотипы) из шрифта emoji-icon-font.
help-font-icons-licence = MIT

help-shortcuts-title = Сочетания клавиш
help-shortcuts-presentation = Показ для зала
help-shortcuts-presentation-note = В режиме показа (F5) и в окне для зала. Пока окно для зала открыто, PageDown, PageUp и клавиши-буквы работают и на доске — если не набирается текст.
help-keys-or = или

help-sample-opened = Пример открыт как новый документ. Чтобы сохранить его, нажмите { $keys } и выберите файл.

present-key-audience = Окно для зала: открыть или закрыть
present-key-leave = Выйти из режима показа
present-key-zoom-reset = Обычный масштаб
present-key-zoom-in = Крупнее
present-key-zoom-out = Мельче
present-key-next = Следующий пункт повестки (в очереди выступлений — следующий выступающий)
present-key-previous = Предыдущий пункт повестки (в очереди выступлений — предыдущий выступающий)
present-key-fullscreen = Окно для зала: во весь экран или обратно
present-key-blank = Чёрный экран; нажмите ещё раз, чтобы вернуться
present-key-timer = Запустить или приостановить таймер
present-key-reset = Сбросить таймер
present-key-extend = Ещё одна минута
present-key-skip = Пропустить выступающего
present-key-contrast = Высокая контрастность
