"""Word-wrapped text with the bundled font.

Wrapping is measured with the real font (not a character count), so Spanish,
which runs about a quarter longer than English, wraps correctly. A word wider
than the whole line (a long compound, a URL in the clinic's help text) is
broken, preferably after a hyphen or slash, so text never spills out of its box.

Sizes here are in the window's own PIXELS (``style.font_body`` etc.): a layout measures
with the same numbers it draws with, so text at any scale or text size wraps where it is
drawn. ``TextBlock`` is a widget: its ``size`` is in logical units, like a button's.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pygame

from sim.view.fonts import font, line_height, render_text
from sim.view.style import FONT_BODY, Style
from sim.view.theme import Colour
from sim.view.widgets.base import TextSource, Widget, resolve_text


@lru_cache(maxsize=256)
def wrap_text(text: str, width: int, size: int, bold: bool = False) -> tuple[str, ...]:
    """``text`` at ``size`` pixels split into lines no wider than ``width`` pixels;
    ``"\\n"`` forces a break.

    Cached: screens re-wrap the same captions every frame.
    """
    if not text:
        return ()
    f = font(size, bold)

    def fits(s: str) -> bool:
        return f.size(s)[0] <= width

    lines: list[str] = []
    for paragraph in text.replace("\t", " ").split("\n"):
        # split on plain spaces only: a no-break space (U+00A0) keeps its words together
        words = [w for w in paragraph.split(" ") if w]
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if fits(candidate):
                line = candidate
                continue
            if line:
                lines.append(line)
            while not fits(word) and len(word) > 1:
                cut = _break_point(word, fits)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return tuple(lines)


def _break_point(word: str, fits) -> int:
    """Length of the longest prefix of ``word`` that fits (at least 1 character)."""
    lo, hi = 1, len(word) - 1  # invariant: the answer is in [lo, hi]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(word[:mid]):
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    # prefer breaking just after a hyphen or slash in the fitting part
    for mark in ("-", "/"):
        at = word.rfind(mark, 0, cut)
        if at > 0:
            return at + 1
    # never separate a combining accent from its letter
    while cut > 1 and unicodedata.combining(word[cut]):
        cut -= 1
    return cut


def ellipsize(text: str, width: int, size: int, bold: bool = False) -> str:
    """``text`` at ``size`` pixels cut to fit ``width`` pixels with a trailing "…"
    (unchanged if it already fits)."""
    f = font(size, bold)
    if f.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)  # longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(text[:mid].rstrip() + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def text_height(text: str, width: int, size: int, bold: bool = False) -> int:
    """Height in pixels that ``text`` at ``size`` pixels takes when wrapped to ``width``."""
    return len(wrap_text(text, width, size, bold)) * line_height(size, bold)


def draw_wrapped(
    surface: pygame.Surface,
    style: Style,
    text: str,
    pos: tuple[int, int],
    width: int,
    size: int | None = None,
    colour: Colour | None = None,
    bold: bool = False,
    align: str = "left",
) -> int:
    """Draw ``text`` wrapped to ``width`` with its top-left at ``pos``; return the height used.

    ``size`` in pixels (default: the style's body size); ``colour`` defaults to its text.
    """
    size = style.font_body if size is None else size
    colour = style.colours.text if colour is None else colour
    x, y = pos
    step = line_height(size, bold)
    for line in wrap_text(text, width, size, bold):
        if line:
            image = render_text(line, size, colour, bold)
            dx = 0
            if align == "center":
                dx = (width - image.get_width()) // 2
            elif align == "right":
                dx = width - image.get_width()
            surface.blit(image, (x + dx, y))
        y += step
    return y - pos[1]


class TextBlock(Widget):
    """A paragraph of wrapped text at ``rect.topleft``, ``rect.width`` wide.

    Not interactive, so exempt from the touch minimum; its height follows its
    text (call ``measure()`` after a language change to re-lay-out around it; a
    new style measures again by itself). ``size`` is in logical units.
    """

    focusable = False
    min_size = (1, 0)

    def __init__(
        self,
        text: TextSource,
        rect: pygame.Rect | tuple[int, int, int, int],
        *,
        size: int = FONT_BODY,
        bold: bool = False,
        role: str = "text",
        align: str = "left",
    ) -> None:
        super().__init__(rect)
        self.text_source = text
        self.size = size
        self.bold = bold
        self.role = role  # a Theme colour attribute, e.g. "text" or "text_muted"
        self.align = align
        self.measure()

    @property
    def text(self) -> str:
        return resolve_text(self.text_source)

    @property
    def size_px(self) -> int:
        return self.style.font(self.size)

    def restyle(self, style: Style) -> None:
        super().restyle(style)
        self.measure()

    def measure(self) -> int:
        """Set ``rect.height`` to the wrapped height of the current text and return it."""
        self.rect.height = text_height(self.text, self.rect.width, self.size_px, self.bold)
        return self.rect.height

    def handle(self, action) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> int:
        """Draw and return the height used."""
        colour = getattr(self.style.colours, self.role)
        self.rect.height = draw_wrapped(
            surface, self.style, self.text, self.rect.topleft, self.rect.width, self.size_px, colour,
            self.bold, self.align,
        )
        return self.rect.height
