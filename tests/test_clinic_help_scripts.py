"""Clinic help in any script the program draws (issue 23 item 3).

A clinic's help card (``--settings`` ``[help]``, a kiosk's ``[help.<lang>]``) is checked
with the screens' own text layer: a character is accepted when the bundled font the text
layer would draw it with has a glyph for it (Arabic letters with Noto Sans Arabic, a
phone number's digits with Noto Sans), and the card draws the clinic's words in their own
direction (Arabic from the right, shaped, a phone number kept left to right).
"""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.lessons import LESSONS
from sim.view import text_runs

from test_hostile_inputs import assert_handled, blockade

ARABIC_HELP = {"title": "مساعدة قريبة منك",
               "text": "اطلب النالوكسون المجاني من مكتب الاستقبال. اتصل على 555-0100."}


def _toml(help_: dict, table: str = "help") -> str:
    return f"[{table}]\n" + "".join(f'{k} = "{v}"\n' for k, v in help_.items())


def test_arabic_help_is_accepted_in_settings_and_a_kiosk_config(tmp_path):
    from sim.app.kiosk_config import load_kiosk_config
    from sim.app.settings import load_settings

    path = tmp_path / "clinic.toml"
    path.write_text(_toml(ARABIC_HELP), encoding="utf-8")
    assert load_settings(str(path))["help"] == ARABIC_HELP
    kiosk = tmp_path / "kiosk.toml"
    kiosk.write_text(_toml({"text": "Ask at the desk."}) + _toml(ARABIC_HELP, "help.ar"),
                     encoding="utf-8")
    config = load_kiosk_config(kiosk)
    assert config.help_for("ar") == ARABIC_HELP
    assert config.help_for("es") == {"text": "Ask at the desk."}


def test_the_mixed_line_is_drawn_in_arabic_pieces_around_a_left_to_right_number():
    pieces = text_runs.visual_pieces(ARABIC_HELP["text"], text_runs.own_direction(
        ARABIC_HELP["text"], "ltr"))
    number = [p for p in pieces if "555-0100" in p.text]
    assert number and not number[0].arabic and not number[0].rtl, "the number reads left to right"
    assert any(p.arabic and p.rtl for p in pieces), "the words are shaped right to left"
    # right to left the sentence's end (the number, then its full stop) is at the left
    order = "".join(p.text for p in pieces)
    assert order.index("555-0100") < order.index("اتصل")


def _ink_columns(app, screen, rect: pygame.Rect) -> np.ndarray:
    """Columns of ``rect`` (window pixels) holding the card's text colour."""
    surface = app.snapshot().subsurface(rect.clip(app.snapshot().get_rect()))
    arr = pygame.surfarray.pixels3d(surface).astype(int)
    text = np.array(screen.style.colours.text)[:3]
    near = (np.abs(arr - text).sum(axis=2) < 60)
    return np.flatnonzero(near.any(axis=1))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_arabic_help_shows_on_the_closing_card_from_the_right(make_app, lang):
    """On an Arabic screen and on an English one, the clinic's Arabic words are drawn on
    the help card, starting at its right (their start side), with both fonts' ink."""
    from sim.view.screens.lesson.caption import CARD_PAD_X

    app = make_app(settings={"help": dict(ARABIC_HELP)}, lang=lang)
    i18n.set_language(lang)
    last = next(i for i, b in enumerate(LESSONS["rescue"].beats, 1) if b.card == "help")
    screen = app.stack.push("rescue", beat=last)
    app.render()
    card = screen.card_rect
    inner = card.inflate(-2 * screen.style.px(CARD_PAD_X), 0)
    columns = _ink_columns(app, screen, inner)
    assert columns.size > 50, "the card shows words"
    pad = screen.style.px(CARD_PAD_X)
    # every line starts at the right: ink reaches the inner right edge, and the short
    # title leaves the left third of the card empty on its row
    assert columns.max() >= inner.width - pad, "the text starts at the card's right"
    title_row = pygame.Rect(inner.left, card.top, inner.width, card.height // 2)
    from sim.view.screens.lesson.caption import card_text_tops

    top, body_top, _bottom = card_text_tops(screen.style, card, *(ARABIC_HELP[k] for k in
                                                                   ("title", "text")))
    title_row = pygame.Rect(inner.left, top, inner.width, body_top - top)
    title_ink = _ink_columns(app, screen, title_row)
    assert title_ink.min() > inner.width // 3, "the short title sits at the right"


def test_english_help_still_starts_at_the_left_on_an_english_screen(make_app):
    from sim.view.screens.lesson.caption import CARD_PAD_X, card_text_tops

    help_ = {"title": "Help near you", "text": "Ask at the desk."}
    app = make_app(settings={"help": help_})
    last = next(i for i, b in enumerate(LESSONS["rescue"].beats, 1) if b.card == "help")
    screen = app.stack.push("rescue", beat=last)
    app.render()
    card = screen.card_rect
    inner = card.inflate(-2 * screen.style.px(CARD_PAD_X), 0)
    top, body_top, _ = card_text_tops(screen.style, card, help_["title"], help_["text"])
    ink = _ink_columns(app, screen, pygame.Rect(inner.left, top, inner.width, body_top - top))
    assert ink.max() < inner.width * 2 // 3 and ink.min() < screen.style.px(CARD_PAD_X)


@pytest.mark.parametrize("value, char", [("Ask at the desk 请", "U+8BF7"),
                                          ("Ask at the desk \U0001F600", "U+1F600")])
def test_a_character_no_bundled_font_has_is_refused_naming_file_line_and_char(
        tmp_path, value, char):
    path = tmp_path / "clinic.toml"
    path.write_text(f'# our clinic\n[help]\ntitle = "Help"\ntext = "{value}"\n', encoding="utf-8")
    proc = blockade(["--settings", str(path), "--screenshot", "shot.png", "--screen", "rescue",
                     "--size", "800x600", "--frames", "0"], tmp_path)
    line = assert_handled(proc, expected=2)
    assert line.startswith(f"blockade: {path}: line 4: [help] text: no bundled font draws {char}")
    assert value[-1] in line, "the character itself is named"
    assert not (tmp_path / "shot.png").exists()
