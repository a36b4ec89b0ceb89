# The Help menu: keyboard shortcuts, the user guide, sample sessions, About.
menu-help = Help
menu-help-shortcuts = Keyboard shortcuts
menu-help-guide = User guide
menu-help-samples = Sample sessions
menu-help-about = About stratboard

help-guide-title = User guide
help-guide-contents = Contents

help-close = Close

help-about-version = Version { $version }
help-about-description = The facilitator's board for strategic sessions: stakeholder positions, alternatives, votes, decisions, action items and the minutes. Works offline; a session is a plain file.
help-about-licence = The program's licence: MIT or Apache 2.0, at your choice.
help-about-fonts = Fonts
help-about-fonts-note = The fonts are built into the program; their licences allow distributing them with it. Each licence's full text is under “Licence text”.
help-font-licence = Licence: { $licence }
help-font-licence-text = Licence text
help-font-pt-sans-use = The interface's and the PDF protocol's font (regular and bold), full Cyrillic. Files from the Debian package fonts-paratype.
help-font-pt-sans-licence = ParaType Free Font License
help-font-dejavu-use = Signs and symbols PT Sans lacks (arrows, check marks, −). File from the Debian package fonts-dejavu-core.
help-font-dejavu-licence = Bitstream Vera License; the DejaVu changes are in the public domain
help-font-ubuntu-use = egui's default font; a fallback for signs PT Sans and DejaVu Sans lack.
help-font-ubuntu-licence = Ubuntu Font Licence 1.0
help-font-hack-use = The monospace font (egui's default): the CSV preview of the export, the licence texts.
help-font-hack-licence = MIT; the glyphs of Bitstream Vera Sans Mono under the Bitstream Vera License
help-font-icons-use = Five icons of egui (logos) from the emoji-icon-font font.
help-font-icons-licence = MIT

help-shortcuts-title = Keyboard shortcuts
help-shortcuts-presentation = Presenting to the room
help-shortcuts-presentation-note = In presentation mode (F5) and in the audience window. While the audience window is open, PageDown, PageUp and the letter keys work on the board too, unless text is being typed.
help-keys-or = or

help-sample-opened = The sample is open as a new document. To keep it, press { $keys } and choose a file.

present-key-audience = Open or close the audience window
present-key-leave = Leave presentation mode
present-key-zoom-reset = Normal size
present-key-zoom-in = Larger
present-key-zoom-out = Smaller
present-key-next = Next agenda item (in a speaking round: the next speaker)
present-key-previous = Previous agenda item (in a speaking round: the previous speaker)
present-key-fullscreen = The audience window: full screen or back
present-key-blank = Black screen; press again to return
present-key-timer = Start or pause the timer
present-key-reset = Reset the timer
present-key-extend = One more minute
present-key-skip = Skip the speaker
present-key-contrast = High contrast
