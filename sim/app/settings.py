"""The clinic's settings file (``--settings PATH``): help text shown on closing cards.

    [help]
    title = "Help near you"                      # optional
    text = "Free naloxone at the front desk. ..."  # the clinic's own words

The program ships no phone numbers; without a file, a neutral line asks the
visitor to talk to their care team. Every key is checked; a mistake is one line
naming the file and the key. The text must be something the help card can show:
no control characters (a line break is allowed in ``text``), not invisible (only
zero-width characters), every character drawn by a bundled font where the screens'
text layer would draw it (``sim.view.fonts.missing_glyph``: Latin, Greek, Cyrillic,
Arabic; not CJK or emoji), the title on one line of the card and the text within the card at the
smallest window (logical 960x720, an 800x600 window), measured with the real font.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from sim.file_tables import check_keys

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
        check_help(value, p)
    return data


def check_help(help_: Any, p: str | Path, table: str = "help",
               error: type[ValueError] = SettingsError) -> None:
    """Check one help table (title, text) as ``[help]`` is checked here; the kiosk
    config (``sim.app.kiosk_config``) checks its ``[help]`` and ``[help.es]`` with it.
    A mistake raises ``error``: one line naming ``p``, ``[table]`` and the key."""
    if not isinstance(help_, dict):
        raise error(f"{p}: '{table}' must be a table, written [{table}]")
    limits = ALLOWED["help"]
    check_keys(help_, limits, f"{p}: [{table}]", error)
    for key, text in help_.items():
        if not isinstance(text, str) or not text.strip():
            raise error(f"{p}: [{table}] {key} must be non-empty text")
        if len(text) > limits[key]:
            raise error(f"{p}: [{table}] {key} is longer than {limits[key]} characters")
        _check_characters(text, f"{p}: [{table}] {key}", newline=(key == "text"), error=error)
    _check_fits_card(help_, p, table, error)


def _check_characters(text: str, where: str, newline: bool,
                      error: type[ValueError] = SettingsError) -> None:
    for i, ch in enumerate(text):
        if ch == "\n" and newline:
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            raise error(
                f"{where}: control character U+{ord(ch):04X} at position {i + 1} "
                "(write plain text" + (", line breaks allowed)" if newline else ")")
            )
        if category in ("Cs", "Co", "Cn"):
            raise error(f"{where}: character U+{ord(ch):04X} at position {i + 1} is not text")


def card_style(window: tuple[int, int] = CARD_WINDOW):
    """How the help card is drawn at ``window`` with the default preferences."""
    from sim.view.preferences import Preferences
    from sim.view.style import Style

    return Style.for_window(Preferences(), window)


def card_rect(window: tuple[int, int] = CARD_WINDOW, settings: dict | None = None):
    """The room the lessons give their closing help card at ``window``, in window pixels
    (the smallest over the lessons that end on it), worked out by the lesson layout
    without building a screen; tests/test_hostile_inputs.py checks it against a screen."""
    from sim.view.screens.lesson import help_card_rect

    return help_card_rect(card_style(window), window, settings=settings)


def _check_fits_card(help_: dict, p: str | Path, table: str = "help",
                     error: type[ValueError] = SettingsError) -> None:
    """Title and text must show in full on the card, with the bundled font."""
    import pygame

    from sim.view.fonts import missing_glyph, text_width
    from sim.view.screens.lesson import card_fits
    from sim.view.style import FONT_BODY
    from sim.view.widgets.text import wrap_text

    started = pygame.font.get_init()
    if not started:
        pygame.font.init()
    try:
        style = card_style()
        r = card_rect(settings={"help": help_})
        size = style.font(FONT_BODY)  # the card's title (bold) and its text
        for key, bold in (("title", True), ("text", False)):
            text = help_.get(key)
            if text is None:
                continue
            where = f"{p}: [{table}] {key}"
            ch = missing_glyph(text, size, bold)
            if ch is not None:
                line = _line_of(p, ch)
                raise error(
                    f"{p}:{f' line {line}:' if line else ''} [{table}] {key}: no bundled font "
                    f"draws U+{ord(ch):04X} {ch!r} ({unicodedata.name(ch, 'unnamed')}); "
                    "Latin, Greek, Cyrillic and Arabic work"
                )
            if text_width(text.replace("\n", ""), size, bold) == 0:
                raise error(f"{where}: shows nothing (only invisible characters)")
            if key == "text" and any(line and text_width(line, size) == 0
                                     for line in wrap_text(text, r.width, size)):
                raise error(f"{where}: a line of only invisible characters")
        from sim.view.screens.lesson import help_text as card_text

        title, text = card_text({"help": help_})
        if not card_fits(style, r, title, text):
            which = "title" if "title" in help_ and "text" not in help_ else "text"
            raise error(
                f"{p}: [{table}] {which}: too long for the help card at the smallest window "
                f"({CARD_WINDOW[0]}x{CARD_WINDOW[1]}); shorten it"
            )
    finally:
        if not started:
            from sim.view import fonts

            fonts.clear_caches()
            pygame.font.quit()


def _line_of(p: str | Path, ch: str) -> int | None:
    """The line of the file ``p`` where ``ch`` first shows (None if it is written as an
    escape such as ``\\u4e2d``, or the file cannot be read again)."""
    try:
        source = Path(p).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None
    at = source.find(ch)
    return source.count("\n", 0, at) + 1 if at >= 0 else None
