"""The one place fonts are loaded and text is rendered.

Only the bundled Noto Sans is used (never a system font), so text looks and
measures the same on every machine and golden screenshots stay comparable.
Needs ``pygame.font.init()`` only; no display.

Both caches are bounded: a kiosk runs for weeks and renders changing strings
(meter captions, slider values), so an unbounded cache would grow forever.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from sim.resources import asset_path

FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}

Colour = tuple[int, ...]  # (r, g, b) or (r, g, b, a); hashable, so it can key a cache


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    """The bundled Noto Sans at ``size`` logical pixels (cached)."""
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


@lru_cache(maxsize=512)
def render_text(text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """``text`` rendered antialiased on a transparent surface (cached by its arguments).

    Treat the result as read-only: it is shared by every caller that asks for the same text.
    """
    return font(size, bold).render(text, True, colour)


def text_width(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(text)[0]


def line_height(size: int, bold: bool = False) -> int:
    return font(size, bold).get_linesize()


def clear_caches() -> None:
    """Forget loaded fonts and rendered text (needed after ``pygame.font.quit()``)."""
    render_text.cache_clear()
    font.cache_clear()
