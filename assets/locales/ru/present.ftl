# Режим презентации (сторона приложения): окно для зала.
present-audience-title = stratboard — для зала
