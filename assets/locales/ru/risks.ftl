# Риски: реестр рисков решения или альтернативы и тепловая карта.

risks-title = Риски ({ $count })
risks-add = Добавить риск
risks-new = Новый риск
risks-description = Риск
risks-probability = Вероятность
risks-impact = Влияние
risks-score = Оценка
risks-response = Мера реагирования
risks-owner = Ответственный
risks-axis-probability = вероятность ↑
risks-axis-impact = влияние →
risks-dot = Риск { $number }: { $description } (вероятность { $probability }, влияние { $impact })
risks-map-all = Карта рисков ({ $count })
