# Presentation mode (app side): the audience window.
present-audience-title = stratboard — audience
