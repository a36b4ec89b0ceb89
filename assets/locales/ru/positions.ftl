# Раздел «Позиции»: матрица групп заинтересованных сторон × альтернатив.
positions-hint = Каждая клетка — позиция группы по альтернативе. Нажмите на клетку, чтобы записать или изменить позицию; наведите курсор, чтобы прочитать интересы, стоящие за ней.
positions-nothing = Сначала добавьте группы заинтересованных сторон и альтернативы: матрица строится на их пересечении.
positions-legend = Позиции:
positions-round-label = Раунд:
positions-round = Раунд { $number }
positions-new-round = Начать раунд { $number }
positions-new-round-hint = Записать позиции заново после обсуждения, чтобы увидеть, сближаются ли они. Прежние раунды сохраняются.
positions-corner = Группа \ альтернатива
positions-no-position = позиция не записана
positions-no-position-hint = В этом раунде позиция не записана. Нажмите, чтобы записать.
positions-earlier = Раунд { $round }: { $stance }
positions-stance = Позиция
positions-interests = Интересы и доводы
positions-no-interests = Интересы не записаны.
positions-select-hint = Выберите клетку матрицы, чтобы записать позицию.
positions-what = позиция группы «{ $group }» по альтернативе «{ $alternative }»
