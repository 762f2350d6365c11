"""Where a frame's text was drawn: a test-only recorder for the layout grid.

Off in every normal run: ``active`` is None, and the few places that would tell it
something (``fonts.render_text``, ``draw_label``'s "…", a scrolling area) test that one
name and go on. ``tests/layout_grid.py`` switches it on for one frame at a time:

    with recording() as rec:
        screen.draw(RecordingSurface(size))
    rec.drawn  # every line of text, where it landed and the clip it was drawn under

A text is known by the surface ``render_text`` returned for it (kept by identity, with
a weak reference so a recycled id is never taken for text); the frame is a
``pygame.Surface`` whose ``blit`` notes where each such surface lands. A full-window
blit of anything else (the scrim a dialog or an overlay dims the screen with) hides
what was drawn before it, and so does an opaque box (``draw_box``: a card over the
meters): text under a dialog is not text over text.
"""

from __future__ import annotations

import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame


@dataclass
class DrawnText:
    text: str
    rect: pygame.Rect  # in the frame's pixels
    clip: pygame.Rect  # the frame's clip when it was drawn
    order: int
    hidden: bool = False

    @property
    def visible(self) -> pygame.Rect:
        return self.rect.clip(self.clip)


@dataclass
class TextRecorder:
    drawn: list[DrawnText] = field(default_factory=list)
    #: (what the label said, what was drawn): labels cut with "…"
    ellipsised: list[tuple[str, str]] = field(default_factory=list)
    #: boxes drawn with ``draw_box`` (controls, cards, panels), in the frame's pixels
    boxes: list[pygame.Rect] = field(default_factory=list)
    #: areas whose content scrolls (a part of a line cut at their edge is no fault)
    scroll_areas: list[pygame.Rect] = field(default_factory=list)
    _texts: dict = field(default_factory=dict)

    def note_text(self, image: pygame.Surface, text: str) -> None:
        self._texts[id(image)] = (weakref.ref(image), text)

    def text_of(self, image) -> str | None:
        entry = self._texts.get(id(image))
        if entry is None or entry[0]() is not image:
            return None
        return entry[1]

    def blitted(self, target: pygame.Surface, image, dest, area) -> None:
        text = self.text_of(image)
        if text is None:
            if image.get_size() == target.get_size() and image.get_flags() & pygame.SRCALPHA:
                for d in self.drawn:  # a scrim: everything drawn so far is behind it
                    d.hidden = True
                self.boxes.clear()
            return
        w, h = (area[2], area[3]) if area is not None else image.get_size()
        x, y = (dest.x, dest.y) if isinstance(dest, pygame.Rect) else (dest[0], dest[1])
        ox, oy = target.get_abs_offset()
        rect = pygame.Rect(int(x) + ox, int(y) + oy, w, h)
        clip = target.get_clip().move(ox, oy)
        self.drawn.append(DrawnText(text, rect, clip, len(self.drawn)))


#: the recorder listening now (None: nothing is recorded, the normal case)
active: TextRecorder | None = None


def ellipsised(text: str, shown: str) -> None:
    if active is not None:
        active.ellipsised.append((text, shown))


def covered(rect: pygame.Rect) -> None:
    """An opaque box was drawn (a card, a panel): the text drawn before under it is hidden."""
    if active is not None:
        for d in active.drawn:
            if d.rect.colliderect(rect):
                d.hidden = True


def box(rect: pygame.Rect, clip: pygame.Rect) -> None:
    """A control's or a card's box was drawn (under ``clip``): it hides the text under
    it, and two boxes that partly cover each other are a fault the grid reports."""
    if active is not None:
        covered(rect)
        shown = rect.clip(clip)
        if shown.width > 0 and shown.height > 0:
            active.boxes.append(shown)


def scroll_area(rect: pygame.Rect) -> None:
    """A scrolling area was drawn (only while there is more to scroll to)."""
    if active is not None:
        active.scroll_areas.append(pygame.Rect(rect))


@contextmanager
def recording():
    global active
    previous, active = active, TextRecorder()
    try:
        yield active
    finally:
        active = previous


class RecordingSurface(pygame.Surface):
    """A frame that tells the active recorder where text lands on it."""

    def blit(self, source, dest, area=None, special_flags=0):
        if active is not None:
            active.blitted(self, source, dest, area)
        return super().blit(source, dest, area, special_flags)
