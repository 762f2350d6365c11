"""The "Read aloud" control: a button with a loudspeaker that says the words beside it.

It asks the app to speak (``ctx.read_aloud(text)``, sim/app/voice.py) and draws a
loudspeaker before its label, at the start side (the right, reading right to left), so
a visitor who does not read the label can still find it. When the app has no engine
(pyttsx3 is an optional extra) or no voice for the language, the label says so, in the
language on show, from the press on; the next language starts fresh.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.i18n import _, language
from sim.view.style import FONT_SMALL
from sim.view.widgets.button import Button
from sim.view.widgets.paint import draw_label

#: what the app's voice answers when it cannot speak -> what the control says then
#: (sim/app/voice.py's NO_ENGINE and NO_VOICE; a test checks they agree)
PROBLEM_WORDS = {"no_engine": "voice.not_installed", "no_voice": "voice.no_voice"}
ICON_W = 22  # the loudspeaker, logical units (it is as tall as a line of the label)


def speech(*parts: str) -> str:
    """What a screen's words sound like as text for a speech engine: the parts in order,
    each ending as a sentence (a title, then its text; a question, then its answers),
    whitespace and line breaks flattened. The catalogs' words are plain text (no markup);
    a room's answers keep their "A", "B" as read on screen."""
    said = []
    for part in parts:
        words = " ".join(str(part).split())
        if not words:
            continue
        if words[-1] not in ".!?…؟:;":
            words += "."
        said.append(words)
    return " ".join(said)


class ReadAloudButton(Button):
    """Says ``words()`` aloud when pressed. ``speak(text) -> status`` and ``status()`` are
    the app's (``ctx.read_aloud``, ``ctx.voice_status``); ``on_label_change`` runs when
    the label changes (it is wider: the screen lays out again)."""

    def __init__(self, words: Callable[[], str], speak: Callable[[str], str],
                 status: Callable[[], str], *, font_size: int = FONT_SMALL,
                 on_label_change: Callable[[], None] | None = None) -> None:
        # its label is worked out in ``text`` (a bound method as its label would be a
        # cycle through itself, freed only by the cyclic collector); ``read`` is looked up
        # on the class when activated, for the same reason
        super().__init__("", font_size=font_size)
        self.words = words
        self._speak = speak
        self._status = status
        self.on_label_change = on_label_change
        self.asked_in: str | None = None  # the language it was last pressed in
        #: just the loudspeaker, no words (a header too narrow for them); set by the screen
        self.compact = False

    def activated(self) -> None:
        self.read()

    def read(self) -> None:
        before = self.text
        self.asked_in = language()
        self._speak(self.words())
        if self.text != before and self.on_label_change is not None:
            self.on_label_change()

    @property
    def problem(self) -> str | None:
        """Why nothing can be heard in the language on show, once pressed in it."""
        if self.asked_in != language():
            return None
        status = self._status()
        return status if status in PROBLEM_WORDS else None

    @property
    def text(self) -> str:
        problem = self.problem
        return _(PROBLEM_WORDS[problem]) if problem else _("voice.read_aloud")

    def icon_width(self) -> int:
        return self.style.px(ICON_W)

    def preferred_size(self) -> tuple[int, int]:
        w, h = super().preferred_size()
        if self.compact:
            return max(self.icon_width() + self.style.padding, self.style.min_touch), h
        return w + self.icon_width(), h

    def draw_content(self, surface: pygame.Surface, colour) -> None:
        st = self.style
        icon = self.icon_width()
        if self.compact:  # the loudspeaker alone, in the middle
            draw_speaker(surface, self.rect.inflate(-st.padding // 2, 0), colour,
                         mirrored=st.rtl, width=max(1, st.px(2)),
                         crossed=self.problem is not None)
            return
        room = self.rect.width - icon
        start = self.rect.right - st.padding // 2 - icon if st.rtl else self.rect.left + st.padding // 2
        label_rect = pygame.Rect(self.rect.left + (0 if st.rtl else icon), self.rect.top,
                                 room, self.rect.height)
        draw_speaker(surface, pygame.Rect(start, self.rect.top, icon, self.rect.height),
                     colour, mirrored=st.rtl, width=max(1, st.px(2)),
                     crossed=self.problem is not None)
        draw_label(surface, st, self.text, label_rect, colour, self.font_px, self.bold)

def fit_header(read: ReadAloudButton, others, room: int, gap: int) -> None:
    """Words and loudspeaker when the header row holds them beside ``others`` within
    ``room`` pixels, else the loudspeaker alone (a narrow portrait window at x-large)."""
    read.compact = False
    widths = [b.preferred_size()[0] for b in (*others, read)]
    if sum(widths) + gap * (len(widths) - 1) > room:
        read.compact = True


def draw_speaker(surface: pygame.Surface, box: pygame.Rect, colour, *, mirrored: bool,
                 width: int, crossed: bool = False) -> None:
    """A loudspeaker with two sound waves in ``box`` (facing left when ``mirrored``);
    ``crossed``: a stroke through it (nothing can be heard)."""
    size = min(box.width, box.height * 2 // 3)
    s = max(4, size)
    x0, cy = box.left + (box.width - s) // 2, box.centery
    body = [(0, -s // 6), (s // 4, -s // 6), (s // 2, -s // 2 + 1), (s // 2, s // 2 - 1),
            (s // 4, s // 6), (0, s // 6)]

    def at(dx: int, dy: int) -> tuple[int, int]:
        return (x0 + (s - dx if mirrored else dx), cy + dy)

    pygame.draw.polygon(surface, colour, [at(dx, dy) for dx, dy in body])
    for radius in (s // 4, s // 2 - 1):
        arc = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        arc.center = at(s // 2, 0)
        start, stop = (2.4, 3.9) if mirrored else (-0.75, 0.75)
        pygame.draw.arc(surface, colour, arc.move(-1 if mirrored else 1, 0), start, stop, width)
    if crossed:
        pygame.draw.line(surface, colour, at(0, -s // 2), at(s, s // 2), width + 1)
