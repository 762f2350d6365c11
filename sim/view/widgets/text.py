"""Word-wrapped text with the bundled font.

Wrapping is measured with the real font (not a character count), so Spanish,
which runs about a quarter longer than English, wraps correctly. A word wider
than the whole line (a long compound, a URL in the clinic's help text) is
broken, preferably after a hyphen or slash, so text never spills out of its box.

Sizes here are in the window's own PIXELS (``style.font_body`` etc.): a layout measures
with the same numbers it draws with, so text at any scale or text size wraps where it is
drawn. ``TextBlock`` is a widget: its ``size`` is in logical units, like a button's.

Right to left: a text holding Arabic is measured run by run (``sim.view.fonts``) and
wrapped by words in logical order (its first words on the first line); each line is
then drawn in visual order. Paragraphs align to their start side by default
(``align="start"``): the left in a left-to-right language, the right in Arabic.
``direction`` ("ltr"/"rtl") defaults to the current language's.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pygame

from sim.view import text_runs
from sim.view.fonts import line_height, measures_generation, render_text, text_width
from sim.view.text_runs import has_arabic
from sim.view.style import FONT_BODY, Style
from sim.view.theme import Colour
from sim.view.widgets.base import TextSource, Widget, resolve_text


#: spaces that join what they separate: French puts a narrow no-break space (U+202F)
#: before ? ! ; and a no-break space (U+00A0) before : and inside « »; wrapping never
#: breaks a line there (only plain spaces break)
NO_BREAK = "\u00a0\u202f\u2007\u2060"


def wrap_text(text: str, width: int, size: int, bold: bool = False,
              direction: str | None = None) -> tuple[str, ...]:
    """``text`` at ``size`` pixels split into lines no wider than ``width`` pixels;
    ``"\\n"`` forces a break. Lines are in logical order (the first words first, in any
    direction); a text with Arabic is measured as drawn for ``direction`` (default:
    the current language's).

    Cached: screens re-wrap the same captions every frame.
    """
    paragraph = text_runs.resolve(direction) if has_arabic(text) else None
    return _wrap(text, width, size, bold, paragraph, measures_generation())


#: home tries each tile's words at a dozen widths in every language, so the bound is
#: a few thousand (an entry is a text's lines: a few hundred bytes)
@lru_cache(maxsize=4096)
def _wrap(text: str, width: int, size: int, bold: bool, paragraph: str | None,
          _generation: int) -> tuple[str, ...]:
    if not text:
        return ()

    def fits(s: str) -> bool:  # (widths are cached: layouts try the same lines often)
        return text_width(s, size, bold, paragraph) <= width

    lines: list[str] = []
    for paragraph_text in text.replace("\t", " ").split("\n"):
        # split on plain spaces only: a no-break space (NO_BREAK) keeps its words together
        words = [w for w in paragraph_text.split(" ") if w]
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


wrap_text.cache_info = _wrap.cache_info  # type: ignore[attr-defined]  # as lru_cache's
wrap_text.cache_clear = _wrap.cache_clear  # type: ignore[attr-defined]


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
    # never separate a combining accent from its letter, and never cut at a no-break
    # space: French "passer\u202f?" must not put the "?" at the start of a line
    while cut > 1 and (unicodedata.combining(word[cut]) or word[cut] in NO_BREAK
                       or word[cut - 1] in NO_BREAK):
        cut -= 1
    return cut


def ellipsize(text: str, width: int, size: int, bold: bool = False, direction: str | None = None) -> str:
    """``text`` at ``size`` pixels cut to fit ``width`` pixels with a trailing "…"
    (unchanged if it already fits); "trailing" is logical, so in Arabic the "…" shows
    at the left end."""
    paragraph = text_runs.resolve(direction) if has_arabic(text) else None

    def measure(s: str) -> int:
        return text_width(s, size, bold, paragraph)
    if measure(text) <= width:
        return text
    lo, hi = 0, len(text)  # longest prefix that fits with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def paragraph_line_height(text: str, size: int, bold: bool = False) -> int:
    """The line step for a paragraph: fits the Arabic font too if ``text`` holds Arabic
    (or the language is written in Arabic); Noto Sans's otherwise."""
    return line_height(size, bold, "Arab") if has_arabic(text) else line_height(size, bold)


def text_height(text: str, width: int, size: int, bold: bool = False, direction: str | None = None) -> int:
    """Height in pixels that ``text`` at ``size`` pixels takes when wrapped to ``width``."""
    return len(wrap_text(text, width, size, bold, direction)) * paragraph_line_height(text, size, bold)


def line_offset(align: str, free: int, direction: str | None = None) -> int:
    """How far right to place a line ``free`` pixels narrower than its box: ``align`` is
    "start" or "end" (the reading direction's sides: "start" is the left in
    left-to-right text and the right in right-to-left text), or "left", "center",
    "right" (fixed sides)."""
    if align in ("start", "end"):
        rtl = text_runs.resolve(direction) == text_runs.RTL
        align = "right" if (align == "start") == rtl else "left"
    if align == "center":
        return free // 2
    if align == "right":
        return free
    if align == "left":
        return 0
    raise ValueError(f"align must be start, end, left, center or right, not {align!r}")


def draw_wrapped(
    surface: pygame.Surface,
    style: Style,
    text: str,
    pos: tuple[int, int],
    width: int,
    size: int | None = None,
    colour: Colour | None = None,
    bold: bool = False,
    align: str = "start",
    direction: str | None = None,
) -> int:
    """Draw ``text`` wrapped to ``width`` in the box whose top-left is ``pos``; return the
    height used.

    ``size`` in pixels (default: the style's body size); ``colour`` defaults to its text.
    ``align`` is "start" (default: left, or right in a right-to-left ``direction``),
    "end", "left", "center" or "right"; ``direction`` defaults to the current language's.
    """
    size = style.font_body if size is None else size
    colour = style.colours.text if colour is None else colour
    paragraph = text_runs.resolve(direction)
    x, y = pos
    step = paragraph_line_height(text, size, bold)
    for line in wrap_text(text, width, size, bold, paragraph):
        if line:
            image = render_text(line, size, colour, bold, paragraph)
            surface.blit(image, (x + line_offset(align, width - image.get_width(), paragraph), y))
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
        align: str = "start",
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
