"""Read aloud on a lesson (issue 23): what its control says, when the preference reads
by itself, and whether the control shows its words or only its loudspeaker.

The voice is the app's (``ctx.read_aloud``, sim/app/voice.py); the control is
sim/view/widgets/read_aloud.py. A lesson screen keeps one ``LessonReading``.
"""

from __future__ import annotations

from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.layout import _chrome_and_panel as header_and_panel
from sim.view.style import Style
from sim.view.widgets.read_aloud import ReadAloudButton, fit_header, speech


def fit_read_button(style: Style, size: tuple[int, int], content: LessonContent,
                    button: ReadAloudButton) -> None:
    """The control with its words where they cost the lesson nothing, else the
    loudspeaker alone: where the words would overflow the header row, or push the title
    (and so everything under it) down. ``content.header_buttons`` holds ``button``."""
    others = [b for b in content.header_buttons if b is not button]
    fit_header(button, others, size[0] - 2 * style.margin, style.gap)
    if button.compact:
        return
    with_words = header_and_panel(style, size, content)[0].top
    button.compact = True
    button.compact = header_and_panel(style, size, content)[0].top < with_words


def lesson_speech(screen) -> str:
    """What Read aloud says on ``screen`` now: the whole caption (every page), a
    question's answers as their buttons say them, and the card on show (its title, then
    its text)."""
    parts = [screen.caption_text(), *(b.text for b in screen.choices)]
    if screen.card_showing:
        parts.extend(screen.card_text())
    return speech(*parts)


class LessonReading:
    """The preference "Read captions automatically": each caption as it appears, and a
    card after the caption it comes with; nothing twice."""

    def __init__(self) -> None:
        self.heard: tuple | None = None  # (beat, phase, card shown, language) last read

    def update(self, screen) -> None:
        if not (screen.reads_aloud and screen.ctx.prefs.read_aloud):
            return
        heard = (screen.index, screen.phase, screen.card_showing, screen.ctx.language)
        if heard == self.heard:
            return
        before, self.heard = self.heard, heard
        if (before is not None and heard[2] and not before[2]
                and (before[:2], before[3]) == (heard[:2], heard[3])):
            screen.ctx.read_aloud(speech(*screen.card_text()), interrupt=False)  # only it is new
        else:
            screen.ctx.read_aloud(lesson_speech(screen))
