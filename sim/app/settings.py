"""The clinic's settings file (``--settings PATH``): help text shown on closing cards.

    [help]
    title = "Help near you"                      # optional
    text = "Free naloxone at the front desk. ..."  # the clinic's own words

The program ships no phone numbers; without a file, a neutral line asks the
visitor to talk to their care team. Every key is checked; a mistake is one line
naming the file and the key. The text must be something the help card can show:
no control characters (a line break is allowed in ``text``), not invisible (only
zero-width characters), every character drawn by the bundled Noto Sans (no Arabic
or CJK yet), the title on one line of the card and the text within the card at the
smallest window (logical 960x720, an 800x600 window), measured with the real font.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from .safe_files import parse_toml, read_text

MAX_TEXT = 600  # characters; the card's room (measured below) is the real limit
ALLOWED = {"help": {"title": 80, "text": MAX_TEXT}}
CARD_WINDOW = (800, 600)  # the smallest window: its logical canvas is the narrowest


class SettingsError(ValueError):
    pass


def load_settings(path: str | None) -> dict[str, Any]:
    if path is None:
        return {}
    p = Path(path)
    # a small regular file only: never /dev/zero, a FIFO or a folder (see safe_files)
    data = parse_toml(read_text(p, SettingsError, "settings file"), p, SettingsError)
    for table, value in data.items():
        if table not in ALLOWED:
            raise SettingsError(
                f"{p}: unknown table or key '{table}' (allowed: {', '.join(ALLOWED)})"
            )
        if not isinstance(value, dict):
            raise SettingsError(f"{p}: '{table}' must be a table, written [{table}]")
        for key, text in value.items():
            limits = ALLOWED[table]
            if key not in limits:
                raise SettingsError(
                    f"{p}: [{table}] unknown key '{key}' (allowed: {', '.join(limits)})"
                )
            if not isinstance(text, str) or not text.strip():
                raise SettingsError(f"{p}: [{table}] {key} must be non-empty text")
            if len(text) > limits[key]:
                raise SettingsError(
                    f"{p}: [{table}] {key} is longer than {limits[key]} characters"
                )
            _check_characters(text, f"{p}: [{table}] {key}", newline=(key == "text"))
    if "help" in data:
        _check_fits_card(data["help"], p)
    return data


def _check_characters(text: str, where: str, newline: bool) -> None:
    for i, ch in enumerate(text):
        if ch == "\n" and newline:
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            raise SettingsError(
                f"{where}: control character U+{ord(ch):04X} at position {i + 1} "
                "(write plain text" + (", line breaks allowed)" if newline else ")")
            )
        if category in ("Cs", "Co", "Cn"):
            raise SettingsError(
                f"{where}: character U+{ord(ch):04X} at position {i + 1} is not text"
            )


def card_rect(window: tuple[int, int] = CARD_WINDOW):
    """The lesson's help card (``LessonScreen._draw_card``) at ``window``, in logical
    pixels: the chart area of ``LessonScreen.layout`` inset by 4. Worked out here rather
    than by building a lesson screen (which costs most of a second at start-up);
    tests/test_hostile_inputs.py checks it against the real layout."""
    import pygame

    from sim.app.viewport import logical_size_for
    from sim.view import theme

    w, h = logical_size_for(window)
    m, gap = theme.MARGIN, theme.GAP
    bar_y = h - m - 52
    main_bottom = bar_y - gap - 168 - gap
    top = 72
    cleft_bottom = top + (main_bottom - top - gap) // 2
    panel_w = 300 if w < 1100 else 340
    chart = pygame.Rect(m, cleft_bottom + gap, w - 2 * m - gap - panel_w,
                        main_bottom - cleft_bottom - gap)
    return chart.inflate(-8, -8)


def _check_fits_card(help_: dict, p: Path) -> None:
    """Title and text must show in full on the card, with the bundled font."""
    import pygame

    from sim.view import theme
    from sim.view.fonts import font
    from sim.view.widgets.text import wrap_text

    started = pygame.font.get_init()
    if not started:
        pygame.font.init()
    try:
        r = card_rect()
        width = r.width - 28
        title_font = font(theme.FONT_BODY, True)
        body_font = font(theme.FONT_SMALL)
        title_h = title_font.get_height()
        for key, f in (("title", title_font), ("text", body_font)):
            text = help_.get(key)
            if text is None:
                continue
            where = f"{p}: [help] {key}"
            ch = _first_missing_glyph(f, text)
            if ch is not None:
                raise SettingsError(
                    f"{where}: the bundled font cannot draw U+{ord(ch):04X} "
                    f"({unicodedata.name(ch, 'unnamed')}); Latin, Greek and Cyrillic work"
                )
            if f.size(text.replace("\n", ""))[0] == 0:
                raise SettingsError(f"{where}: shows nothing (only invisible characters)")
            if key == "text":  # the card draws it wrapped, at body size or, if long, small
                for size in (theme.FONT_BODY, theme.FONT_SMALL):
                    if any(line and font(size).size(line)[0] == 0
                           for line in wrap_text(text, width, size)):
                        raise SettingsError(f"{where}: a line of only invisible characters")
            if key == "title" and f.size(text)[0] > width:
                raise SettingsError(
                    f"{where}: too wide for one line of the help card "
                    f"({f.size(text)[0]} of {width} pixels at the smallest window)"
                )
            if key == "text":
                room = r.bottom - (r.top + 14 + title_h)
                used = len(wrap_text(text, width, theme.FONT_SMALL)) * body_font.get_linesize()
                if used > room:
                    raise SettingsError(
                        f"{where}: too long for the help card at the smallest window "
                        f"({used} of {room} pixels tall); shorten it"
                    )
    finally:
        if not started:
            from sim.view import fonts

            fonts.clear_caches()
            pygame.font.quit()


def _first_missing_glyph(f, text: str) -> str | None:
    """The first character of ``text`` that ``f`` would draw as its "missing" box.

    SDL_ttf gives metrics even for characters the font lacks (those of the box,
    .notdef), so each character is drawn and compared with the box drawn for a
    private-use character, which Noto Sans never has."""
    import pygame

    def picture(ch: str):
        image = f.render(ch, True, (255, 255, 255))
        return image.get_size(), pygame.image.tobytes(image, "RGBA")

    box = picture("\ue000")
    seen = set()
    for ch in text:
        if ch in seen or ch.isspace():
            continue
        seen.add(ch)
        if f.size(ch)[0] == 0:
            continue  # a zero-width character: invisible by design (checked as a whole)
        if picture(ch) == box:
            return ch
    return None
