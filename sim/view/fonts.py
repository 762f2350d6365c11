"""The one place fonts are loaded and text is rendered.

Only the bundled Noto Sans and Noto Sans Arabic are used (never a system font), so
text looks and measures the same on every machine and golden screenshots stay
comparable. Needs ``pygame.font.init()`` only; no display.

Script and direction: a text with no Arabic character takes the plain path (one
``font(size, bold)`` render, exactly as before Arabic existed). A text with Arabic is
cut into pieces by ``sim.view.text_runs`` (a simplified bidi), each drawn with the
Arabic font (script "Arab", right to left) or the Latin one (script "Latn", in its
run's direction, so brackets in Arabic are mirrored by HarfBuzz), and the pieces are
joined on one surface in visual order, on a shared baseline. The paragraph direction
is the ``direction`` argument ("ltr"/"rtl") or, by default, the current language's.

Both caches are bounded: a kiosk runs for weeks and renders changing strings
(meter captions, slider values), so an unbounded cache would grow forever.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

import math
import pygame

from sim import i18n
from sim.resources import asset_path
from sim.view import font_check, text_record, text_runs
from sim.view.text_runs import has_arabic

FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
ARABIC_FONT_FILES = {False: "NotoSansArabic-Regular.ttf", True: "NotoSansArabic-Bold.ttf"}
#: ISO 15924 script codes given to HarfBuzz with each font file set
SCRIPT_FONT_FILES = {"Latn": FONT_FILES, "Arab": ARABIC_FONT_FILES}

Colour = tuple[int, ...]  # (r, g, b) or (r, g, b, a); hashable, so it can key a cache


#: a tiny font loaded in the current font-module session: once ``pygame.font.quit()``
#: has run, every Font made before it raises "font module quit since font created",
#: so a failing probe means the cached fonts belong to an earlier session
_session_probe: list[pygame.font.Font | None] = [None]


def _fresh_session() -> None:
    """Forget cached fonts made before the last ``pygame.font.init()`` (so nothing has to
    remember to clear them after a quit: tests, kiosk restarts and settings reloads)."""
    probe = _session_probe[0]
    if probe is not None:
        try:
            probe.get_height()
            return
        except pygame.error:
            pass
    if not pygame.font.get_init():
        raise RuntimeError("call pygame.font.init() before loading fonts")
    _load_font.cache_clear()
    _load_script_font.cache_clear()
    mixed_metrics.cache_clear()
    _check_font_files()
    _session_probe[0] = pygame.font.Font(None, 2)
    # forgotten at pygame.quit(), before the font module quits (quit functions run last
    # registered first): a font object freed after it never closes its file, and every
    # window or test that quit pygame before clear_caches() left ~10 files open (a
    # test worker reached its limit of open files)
    pygame.register_quit(clear_caches)


#: which font files the measured widths belong to, and how many times they changed
_measured_with: list = [None, 0]


def _check_font_files() -> None:
    """Measures (widths, wrapped lines) depend only on the font files, not on the font
    session: they are kept across sessions (a new window, the next test) and forgotten
    only when the files are others (another assets folder, a changed file)."""
    files = []
    for name in (*FONT_FILES.values(), *ARABIC_FONT_FILES.values()):
        path = asset_path("fonts", name)
        try:
            stat = path.stat()
            files.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            files.append((str(path), None, None))
    if files != _measured_with[0]:
        _width_cache.clear()
        _measured_with[:] = [files, _measured_with[1] + 1]


def measures_generation() -> int:
    """A number that changes whenever measured widths are forgotten: a cache of things
    worked out from widths (``wrap_text``'s lines) keys on it."""
    _fresh_session()
    return _measured_with[1]


def font(size: int, bold: bool = False) -> pygame.font.Font:
    """The bundled Noto Sans at ``size`` pixels (cached; see Style.font for logical sizes)."""
    _fresh_session()
    return _load_font(int(size), bool(bold))


#: font objects kept: room for every size the layouts use in one window, so a kiosk
#: going through every screen, language and text size loads each font once and never
#: evicts one only to load it again (an eviction frees a FreeType face that the next
#: frame loads anew). Counted at 1280x720 over every kiosk screen, 5 languages and 3
#: text sizes: 19 plain fonts, 49 script fonts, 19 mixed metrics; each cap is about
#: twice that (the script fonts' was 64, close enough to be reached). A font object
#: with its glyphs takes about 160 KB, so the caps bound them to about 23 MB.
FONT_CACHE_ENTRIES = 48
SCRIPT_FONT_CACHE_ENTRIES = 96


@lru_cache(maxsize=FONT_CACHE_ENTRIES)
def _load_font(size: int, bold: bool) -> pygame.font.Font:
    return pygame.font.Font(asset_path("fonts", FONT_FILES[bold]), size)


def script_font(size: int, bold: bool = False, script: str = "Latn", rtl: bool = False) -> pygame.font.Font:
    """The bundled font for ``script`` ("Latn" or "Arab") at ``size`` pixels with HarfBuzz's
    script and direction set (cached by all four; never the object ``font()`` returns,
    whose settings stay SDL_ttf's defaults)."""
    _fresh_session()
    return _load_script_font(int(size), bool(bold), script, bool(rtl))


@lru_cache(maxsize=SCRIPT_FONT_CACHE_ENTRIES)
def _load_script_font(size: int, bold: bool, script: str, rtl: bool) -> pygame.font.Font:
    f = pygame.font.Font(asset_path("fonts", SCRIPT_FONT_FILES[script][bool(bold)]), int(size))
    f.set_script(script)
    f.set_direction(pygame.DIRECTION_RTL if rtl else pygame.DIRECTION_LTR)
    return f


def _piece_font(piece: text_runs.Piece, size: int, bold: bool) -> pygame.font.Font:
    return script_font(size, bold, "Arab" if piece.arabic else "Latn", piece.rtl)


#: the ink of Noto Sans Arabic's letters and marks, in every catalog string, stays within
#: these shares of the font size above and below the baseline (measured at 20, 32 and
#: 48 px: 1.13 and 0.53; tests/test_rtl_text.py checks every string). The font's own
#: ascent and descent leave room for rare stacked marks and would make each Arabic line
#: 1.55 times a Latin one, pushing captions onto more pages for nothing.
ARABIC_INK_ABOVE = 1.15
ARABIC_INK_BELOW = 0.55


@lru_cache(maxsize=SCRIPT_FONT_CACHE_ENTRIES)
def mixed_metrics(size: int, bold: bool = False) -> tuple[int, int]:
    """(ascent, height) of a line that may hold both fonts: Noto Sans's ascent and
    descent, grown to hold the Arabic letters' ink (ARABIC_INK_ABOVE, ARABIC_INK_BELOW)."""
    latin, arabic = script_font(size, bold, "Latn"), script_font(size, bold, "Arab", True)
    ascent = max(latin.get_ascent(), min(arabic.get_ascent(), math.ceil(size * ARABIC_INK_ABOVE)))
    below = max(latin.get_height() - latin.get_ascent(),
                min(arabic.get_height() - arabic.get_ascent(),
                    math.ceil(size * ARABIC_INK_BELOW)))
    return ascent, ascent + below


def missing_glyph(text: str, size: int, bold: bool = False) -> str | None:
    """The first character of ``text`` that no bundled font draws where the text layer
    would draw it (the Latin font, or for text with Arabic each piece's own font: Arabic
    letters with Noto Sans Arabic, digits and Latin with Noto Sans), None if all show.

    SDL_ttf gives metrics even for characters a font lacks (those of its "missing" box,
    .notdef), so each character is drawn with its piece's font and compared with the
    box that font draws for a private-use character, which neither font has."""
    seen: set[tuple[str, str]] = set()
    for line in text.split("\n"):
        if has_arabic(line):
            pieces = [(_piece_font(p, size, bold), p.text)
                      for p in text_runs.visual_pieces(line, text_runs.RTL)]
        else:
            pieces = [(font(size, bold), line)]
        for f, words in pieces:
            for ch in words:
                key = (ch, f"{id(f)}")
                if key in seen or ch.isspace():
                    continue
                seen.add(key)
                if f.size(ch)[0] == 0:
                    continue  # zero width: invisible by design (the caller checks the whole)
                if _picture(f, ch) == _picture(f, "\ue000"):
                    return ch
    return None


def _picture(f: pygame.font.Font, ch: str) -> tuple:
    image = f.render(ch, True, (255, 255, 255))
    return image.get_size(), pygame.image.tobytes(image, "RGBA")


class FontError(Exception):
    """A bundled font file is missing, empty or corrupt (one line naming the file)."""


def check_fonts(size: int = 20) -> None:
    """Start-up check of each bundled font (``sim.view.font_check``): the file is read and
    parsed before SDL_ttf sees it (a damaged font would crash SDL_ttf), then loaded (kept
    in the cache) and made to draw its script's sample letters.

    Raises FontError naming the file that will not do, so a damaged install
    stops with one line before the window opens instead of a crash later.
    """
    for script, files in SCRIPT_FONT_FILES.items():
        for bold, name in files.items():
            path = asset_path("fonts", name)
            try:
                font_check.check_font_file(path)
                # Latin as the plain path draws it; Arabic as its runs are drawn (RTL)
                loaded = (font(size, bold) if script == "Latn"
                          else script_font(size, bold, script, rtl=True))
                font_check.check_draws(loaded, path, script)
            except font_check.FontFileError as err:
                raise FontError(f"cannot start: {err}") from None
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


def render_text(
    text: str, size: int, colour: Colour, bold: bool = False, direction: str | None = None,
) -> pygame.Surface:
    """``text`` rendered antialiased on a transparent surface (cached by its arguments).

    Text with Arabic is drawn in runs, in visual order for ``direction`` ("ltr" or
    "rtl"; default: the current language's). Treat the result as read-only: it is
    shared by every caller that asks for the same text.
    """
    if not has_arabic(text):  # the plain path: direction changes nothing without Arabic
        key = (text, size, tuple(colour), bool(bold))
        image = _text_cache.get(key, lambda: font(size, bold).render(text, True, colour))
    else:
        paragraph = text_runs.resolve(direction)
        key = (text, size, tuple(colour), bool(bold), paragraph)
        image = _text_cache.get(key, lambda: _render_runs(text, size, colour, bool(bold), paragraph))
    if text_record.active is not None:  # the layout grid's recorder (tests only)
        text_record.active.note_text(image, text)
    return image


def _render_runs(text: str, size: int, colour: Colour, bold: bool, paragraph: str) -> pygame.Surface:
    """Each piece rendered with its font and direction, joined left to right on a shared
    baseline (``mixed_metrics``)."""
    ascent, height = mixed_metrics(size, bold)
    images = []
    for piece in text_runs.visual_pieces(text, paragraph):
        f = _piece_font(piece, size, bold)
        try:
            image = f.render(piece.text, True, colour)
        except pygame.error:  # nothing visible (a lone joiner or mark): no width either
            continue
        images.append((image, ascent - f.get_ascent()))
    surface = pygame.Surface((sum(image.get_width() for image, _ in images), height), pygame.SRCALPHA)
    surface.fill((*tuple(colour)[:3], 0))
    x = 0
    for image, dy in images:
        # MAX keeps each piece's own colour and alpha on the transparent line (a plain
        # blend would darken the antialiased edges)
        surface.blit(image, (x, dy), special_flags=pygame.BLEND_RGBA_MAX)
        x += image.get_width()
    return surface


render_text.cache_info = _text_cache.info  # type: ignore[attr-defined]  # as lru_cache's
render_text.cache_clear = _text_cache.clear  # type: ignore[attr-defined]


#: widths measured, least recently used first: laying a screen out measures the same
#: words thousands of times (wrapping tries each line at each candidate size), and a
#: change of language or text size lays every screen out again; a measure is a few
#: tens of bytes, so the bound is by count. It must hold the idle warm-up's whole
#: working set (sim/app/warm.py: home in every language and text size, every lesson and
#: Preferences; about 12,000 at 1920x1080 since captions may go across the window),
#: or the warm-up's first step (Arabic) is forgotten by its last: test_warm
WIDTH_CACHE_ENTRIES = 16_000
_width_cache: OrderedDict[tuple, int] = OrderedDict()


def text_width(text: str, size: int, bold: bool = False, direction: str | None = None) -> int:
    """Width in pixels of ``render_text(text, size, ..., bold, direction)``."""
    _fresh_session()  # widths from another font session (other fonts) are forgotten
    arabic = has_arabic(text)
    key = (text, size, bool(bold), text_runs.resolve(direction) if arabic else None)
    width = _width_cache.get(key)
    if width is not None:
        _width_cache.move_to_end(key)
        return width
    if not arabic:
        width = font(size, bold).size(text)[0]
    else:
        width = sum(_piece_width(piece, size, bool(bold))
                    for piece in text_runs.visual_pieces(text, key[3]))
    _width_cache[key] = width
    while len(_width_cache) > WIDTH_CACHE_ENTRIES:
        _width_cache.popitem(last=False)
    return width


text_width.cache_clear = _width_cache.clear  # type: ignore[attr-defined]  # as lru_cache's


def _piece_width(piece: text_runs.Piece, size: int, bold: bool) -> int:
    try:
        return _piece_font(piece, size, bold).size(piece.text)[0]
    except pygame.error:
        return 0


def line_height(size: int, bold: bool = False, script: str | None = None) -> int:
    """The step from one line to the next. ``script`` "Arab" (or None while the current
    language is written in the Arabic script) fits both fonts; "Latn" is Noto Sans's."""
    if script is None:
        script = "Arab" if text_runs.uses_arabic_script(i18n.language()) else "Latn"
    if script == "Latn":
        return font(size, bold).get_linesize()
    return max(font(size, bold).get_linesize(), mixed_metrics(size, bold)[1])


def clear_caches() -> None:
    """Forget loaded fonts and rendered text (needed after ``pygame.font.quit()``); the
    measured widths stay unless the font files are others (``_check_font_files``)."""
    render_text.cache_clear()
    _load_font.cache_clear()
    _load_script_font.cache_clear()
    mixed_metrics.cache_clear()
    _session_probe[0] = None
