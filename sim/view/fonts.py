"""The one place fonts are loaded and text is rendered.

Only the bundled Noto Sans is used (never a system font), so text looks and
measures the same on every machine and golden screenshots stay comparable.
Needs ``pygame.font.init()`` only; no display.

Both caches are bounded: a kiosk runs for weeks and renders changing strings
(meter captions, slider values), so an unbounded cache would grow forever.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

import pygame

from sim.resources import asset_path

FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}

Colour = tuple[int, ...]  # (r, g, b) or (r, g, b, a); hashable, so it can key a cache


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    """The bundled Noto Sans at ``size`` pixels (cached; see Style.font for logical sizes)."""
    if not pygame.font.get_init():
        raise RuntimeError("call pygame.font.init() before loading fonts")
    return pygame.font.Font(asset_path("fonts", FONT_FILES[bool(bold)]), int(size))


class FontError(Exception):
    """A bundled font file is missing, empty or corrupt (one line naming the file)."""


def check_fonts(size: int = 20) -> None:
    """Start-up check: load each bundled font once (kept in the cache) and render a word.

    Raises FontError naming the file that will not load, so a damaged install
    stops with one line before the window opens instead of a traceback later.
    """
    for bold, name in FONT_FILES.items():
        path = asset_path("fonts", name)
        if not path.is_file():
            raise FontError(f"cannot start: {path}: the font file is missing")
        try:
            font(size, bold).render("Blockade \u00f1", True, (0, 0, 0))
        except (pygame.error, OSError, ValueError) as err:
            raise FontError(f"cannot start: {path}: the font will not load ({err})") from None


#: The rendered-text cache is a least-recently-used cache bounded two ways, so text
#: that is shown once and never again (the Explore clock's "Day 12, hour 7", a new one
#: every story-hour) cannot fill it over a kiosk's weeks:
#: - TEXT_CACHE_BYTES (3 MB of pixels): one screen's text (every title, caption line,
#:   button, meter and chart label it draws) measures 0.6 to 1.4 MB at the logical
#:   1280x720 canvas (home is the largest), so 3 MB holds the home screen
#:   and the screen opened from it together, going back and forth never re-renders,
#:   and a one-off string such as the clock (about 17 KB) is evicted within minutes;
#: - TEXT_CACHE_ENTRIES (400): a cap on the count too (a screen draws 35 to 85
#:   distinct strings), so many tiny strings cannot pile up in bookkeeping.
TEXT_CACHE_BYTES = 3 * 1024 * 1024
TEXT_CACHE_ENTRIES = 400


class TextCacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int
    currsize: int
    bytes: int
    maxbytes: int


class _TextCache:
    """Least recently used rendered text, bounded by count and by pixel bytes."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.bytes = 0
        self.hits = self.misses = 0

    @staticmethod
    def _cost(surface: pygame.Surface) -> int:
        return surface.get_pitch() * surface.get_height()

    def get(self, key: tuple, make) -> pygame.Surface:
        items = self._items
        surface = items.get(key)
        if surface is not None:
            items.move_to_end(key)
            self.hits += 1
            return surface
        self.misses += 1
        surface = make()
        items[key] = surface
        self.bytes += self._cost(surface)
        # evict the least recently used, but always keep the one just made
        while len(items) > 1 and (len(items) > self.max_entries or self.bytes > self.max_bytes):
            _key, old = items.popitem(last=False)
            self.bytes -= self._cost(old)
        return surface

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0
        self.hits = self.misses = 0

    def info(self) -> TextCacheInfo:
        return TextCacheInfo(self.hits, self.misses, self.max_entries, len(self._items),
                             self.bytes, self.max_bytes)


_text_cache = _TextCache(TEXT_CACHE_ENTRIES, TEXT_CACHE_BYTES)


def fit_cache_to(scale: float) -> None:
    """Size the rendered-text budget for a window ``scale`` times the 1280x720 design:
    the same text takes scale² the pixels, and a budget fixed for 1280x720 would make a
    4K window re-render its text every frame."""
    _text_cache.max_bytes = int(TEXT_CACHE_BYTES * max(1.0, scale) ** 2)


def render_text(text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """``text`` rendered antialiased on a transparent surface (cached by its arguments).

    Treat the result as read-only: it is shared by every caller that asks for the same text.
    """
    key = (text, size, tuple(colour), bool(bold))
    return _text_cache.get(key, lambda: font(size, bold).render(text, True, colour))


render_text.cache_info = _text_cache.info  # type: ignore[attr-defined]  # as lru_cache's
render_text.cache_clear = _text_cache.clear  # type: ignore[attr-defined]


def text_width(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(text)[0]


def line_height(size: int, bold: bool = False) -> int:
    return font(size, bold).get_linesize()


def clear_caches() -> None:
    """Forget loaded fonts and rendered text (needed after ``pygame.font.quit()``)."""
    render_text.cache_clear()
    font.cache_clear()
