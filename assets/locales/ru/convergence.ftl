positions-tab-matrix = Позиции групп
positions-tab-convergence = Сближение позиций
convergence-title = Сближение позиций
convergence-hint = Индекс согласия (Tastle и Wierman): 1 — все группы на одной позиции, 0 — поровну на двух крайних. «?» в расчёт не входит. Шкала: ++ = 2, + = 1, 0 = 0, − = −1, −− = −2.
convergence-nothing = Позиций групп ещё нет. Отметьте их в матрице «Позиции групп» — здесь появится, как они сближаются от раунда к раунду.
convergence-rounds = { $count ->
    [one] { $count } раунд позиций
    [few] { $count } раунда позиций
   *[other] { $count } раундов позиций
}
convergence-stable = Позиции устоялись: индекс согласия изменился меньше чем на 0,05
convergence-moving = Позиции ещё меняются: индекс согласия сдвинулся на 0,05 и больше
convergence-one-round = Чтобы увидеть движение, нужен второй раунд позиций
convergence-weighted = С учётом весов групп
convergence-weighted-hint = Группа с весом 3 считается как три группы с той же позицией. Цифры без весов показаны рядом.
convergence-unweighted = без весов: { $figures }
convergence-unifying = Объединяющие
convergence-neither = Остальные
convergence-divisive = Разделяющие
convergence-figures = согласие { $consensus } · среднее { $mean } · медиана { $median } · МКР { $iqr }
convergence-stances = Позиции групп: { $stances }
convergence-chart = Индекс согласия по раундам, «{ $title }»: { $values }
convergence-nobody-moved = С прошлого раунда ни одна группа не изменила позицию
convergence-toward = Сблизилась с остальными
convergence-away = Отдалилась от остальных
convergence-held = Осталась на том же расстоянии
convergence-votes = Согласие голосующих
convergence-kendall = W Кендалла по турам: { $rounds }
convergence-alternative = Альтернатива
convergence-score-round = Тур { $round }: медиана (МКР)
convergence-score-cell = { $median } ({ $iqr })
