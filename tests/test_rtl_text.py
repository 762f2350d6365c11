"""Right-to-left text: runs by script, visual order, shaping, wrapping and alignment.

Arabic needs HarfBuzz's script and direction set on an Arabic font, and mixed
Arabic/Latin text drawn in runs (SDL_ttf has no bidi and no font fallback). Text with
no Arabic must render exactly as it always did.
"""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.view import fonts, text_runs
from sim.view.text_runs import LTR, RTL, direction, has_arabic, visual_pieces, visual_string
from sim.view.widgets.text import draw_wrapped, ellipsize, text_height, wrap_text

ROOT = Path(__file__).resolve().parent.parent
#: the Arabic catalog waits here until right-to-left layouts are done; it may move back
AR_PO = [ROOT / "assets" / d / "ar" / "LC_MESSAGES" / "blockade.po" for d in ("locale", "locale-pending")]

MIXED = "النالوكسون (Narcan) F11"
SENTENCE = "اضغط Esc للخروج"
HELLO = "مرحبا"
BLACK = (0, 0, 0)


@pytest.fixture(autouse=True)
def font_system():
    pygame.font.init()
    fonts.clear_caches()
    wrap_text.cache_clear()
    yield
    fonts.clear_caches()
    wrap_text.cache_clear()


@pytest.fixture
def arabic_language(monkeypatch):
    """The interface language reads as Arabic (its catalog may still be pending)."""
    monkeypatch.setattr(i18n, "language", lambda: "ar")
    fonts.clear_caches()
    wrap_text.cache_clear()


def alpha(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(surface).T.copy()  # rows, columns


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


def catalog_strings() -> list[str]:
    """Every msgstr of the Arabic catalog (a simple parse: quoted lines joined)."""
    path = next((p for p in AR_PO if p.is_file()), None)
    if path is None:
        pytest.skip("no Arabic catalog")
    out, current, in_str = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if line.startswith("msgstr"):
            in_str, current = True, [line[line.index('"'):]]
        elif line.startswith('"') and in_str:
            current.append(line)
        else:
            if in_str:
                text = "".join(s[1:-1] for s in current)
                text = text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
                if text:
                    out.append(text)
            in_str = False
    assert len(out) > 100, "the Arabic catalog looks empty"
    return out


# -- text_runs: pure ------------------------------------------------------------------


def test_direction_of_languages():
    assert direction("ar") == direction("fa") == direction("he") == RTL
    assert direction("en") == direction("pt_BR") == direction("fr") == direction("es") == LTR
    assert direction("ar_EG") == RTL


def test_has_arabic():
    assert has_arabic(HELLO) and has_arabic(MIXED)
    assert not has_arabic("Naloxone (Narcan) F11 ñ é ç ã")


@pytest.mark.parametrize("text, paragraph, expected", [
    # Latin words and numbers keep their order inside an Arabic sentence
    (MIXED, RTL, "F11 (Narcan) نوسكولانلا"),
    (SENTENCE, RTL, "جورخلل Esc طغضا"),
    ("لديك 5 دقائق", RTL, "قئاقد 5 كيدل"),
    ("نسبة 50% من", RTL, "نم 50% ةبسن"),
    ("الساعة 12:30 الآن", RTL, "نآلا 12:30 ةعاسلا"),
    ("(5)", RTL, "(5)"),
    ("Narcan 11", RTL, "Narcan 11"),
    ("تظهر «إغلاق».", RTL, ".«قالغإ» رهظت"),
    # an Arabic word in an English sentence reads right to left in its place
    ("Hello مرحبا world", LTR, "Hello ابحرم world"),
    ("مرحبا 5", LTR, "5 ابحرم"),
    ("plain text", RTL, "plain text"),
])
def test_visual_order(text, paragraph, expected):
    assert visual_string(text, paragraph) == expected


def test_an_rtl_paragraph_reverses_the_runs_and_keeps_each_ltr_run_inside():
    runs = text_runs.visual_runs(SENTENCE, RTL)
    assert [r.text for r in runs] == [" للخروج", "Esc", "اضغط "]
    assert [r.rtl for r in runs] == [True, False, True]


def test_pieces_use_the_arabic_font_only_where_it_has_glyphs():
    for piece in visual_pieces(MIXED, RTL):
        if piece.arabic:
            assert all(text_runs.is_arabic(c) or c in text_runs.ARABIC_FONT_NEUTRALS for c in piece.text)
        else:
            assert not has_arabic(piece.text)
    # the brackets, which Noto Sans Arabic lacks, are drawn with the Latin font
    assert any(p.text.strip() == "(" and not p.arabic and p.rtl for p in visual_pieces(MIXED, RTL))


def test_a_mark_stays_with_its_letter():
    text = "مُحَمَّد"  # with harakat (combining marks)
    pieces = visual_pieces(text, RTL)
    assert len(pieces) == 1 and pieces[0].arabic


# -- fonts ------------------------------------------------------------------------------


LATIN = ["Blockade", "Naloxone (Narcan) F11", "Reiniciar todo — ñ é", "Ação: naltrexona",
         "Journée à l'hôpital ?", "Day 12, hour 7", "x"]


@pytest.mark.parametrize("text", LATIN)
@pytest.mark.parametrize("paragraph", [None, LTR, RTL])
def test_latin_text_renders_exactly_as_before(text, paragraph, monkeypatch):
    """No Arabic: the one Noto Sans render, whatever the direction or language."""
    for language in ("en", "ar"):
        monkeypatch.setattr(i18n, "language", lambda language=language: language)
        fonts.clear_caches()
        plain = pygame.font.Font(str(ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf"), 24)
        got = fonts.render_text(text, 24, (20, 30, 40), direction=paragraph)
        assert same_pixels(got, plain.render(text, True, (20, 30, 40)))
        assert fonts.text_width(text, 24, direction=paragraph) == plain.size(text)[0]
        bold = pygame.font.Font(str(ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"), 24)
        assert same_pixels(fonts.render_text(text, 24, (1, 2, 3), True, paragraph),
                           bold.render(text, True, (1, 2, 3)))


def test_latin_line_height_is_unchanged_in_latin_languages():
    plain = pygame.font.Font(str(ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf"), 24)
    assert fonts.line_height(24) == plain.get_linesize()


def in_line_box(image: np.ndarray, size: int = 32, bold: bool = False) -> np.ndarray:
    """Rows of an Arabic-font rendering that fall in a mixed line's box (the line keeps
    the letters' ink, not the font's whole ascent and descent: fonts.mixed_metrics)."""
    f = fonts.script_font(size, bold, "Arab", True)
    ascent, height = fonts.mixed_metrics(size, bold)
    top = f.get_ascent() - ascent
    return image[top:top + height]


def test_arabic_line_height_fits_both_fonts(arabic_language):
    latin = fonts.script_font(32, False, "Latn")
    h = fonts.line_height(32)
    assert h >= latin.get_linesize()
    assert fonts.render_text(MIXED, 32, BLACK).get_height() <= h
    # tighter than the Arabic font's own line (1.55 times a Latin one)...
    assert h < fonts.script_font(32, False, "Arab", True).get_linesize()


@pytest.mark.parametrize("size", [14, 20, 32, 48])
@pytest.mark.parametrize("bold", [False, True])
def test_no_catalog_strings_ink_is_cut_by_the_arabic_line_box(size, bold):
    """...yet every letter and mark of every Arabic catalog string fits inside it."""
    f = fonts.script_font(size, bold, "Arab", True)
    ascent, height = fonts.mixed_metrics(size, bold)
    top = f.get_ascent() - ascent
    for text in catalog_strings():
        for piece in text_runs.visual_pieces(text, RTL):
            if not piece.arabic:
                continue
            try:
                ink = f.render(piece.text, True, BLACK).get_bounding_rect()
            except pygame.error:
                continue
            if ink.height:
                assert top <= ink.top and ink.bottom <= top + height, (size, bold, piece.text)


def test_arabic_is_shaped_joined_and_right_to_left():
    path = str(ROOT / "assets" / "fonts" / "NotoSansArabic-Regular.ttf")
    reference = pygame.font.Font(path, 32)
    reference.set_script("Arab")
    reference.set_direction(pygame.DIRECTION_RTL)
    unshaped = pygame.font.Font(path, 32)  # SDL_ttf's defaults: no script, left to right
    got = fonts.render_text(HELLO, 32, BLACK, direction=RTL)
    want = reference.render(HELLO, True, BLACK)
    assert (alpha(got) == in_line_box(alpha(want))).all()
    assert not np.array_equal(alpha(got), alpha(unshaped.render(HELLO, True, BLACK)))
    # isolated letters side by side are not what is drawn (the letters join)
    isolated = sum(reference.size(c)[0] for c in HELLO)
    assert got.get_width() != isolated
    # lam + alef is the lam-alef ligature (its presentation form U+FEFB)
    ligature = fonts.render_text("لا", 32, BLACK, direction=RTL)
    assert (alpha(ligature) == in_line_box(alpha(reference.render("\ufefb", True, BLACK)))).all()


def find(haystack: np.ndarray, needle: np.ndarray, dy: int) -> list[int]:
    """Every x where ``needle``'s ink sits in ``haystack`` at row offset ``dy``."""
    h, w = needle.shape
    return [x for x in range(haystack.shape[1] - w + 1)
            if np.array_equal(haystack[dy:dy + h, x:x + w], needle)]


def latin_piece(text: str, size: int = 32) -> tuple[np.ndarray, int]:
    f = fonts.script_font(size, False, "Latn")
    return alpha(f.render(text, True, BLACK)), fonts.mixed_metrics(size)[0] - f.get_ascent()


def arabic_piece(text: str, size: int = 32) -> np.ndarray:
    return in_line_box(alpha(fonts.script_font(size, False, "Arab", True).render(text, True,
                                                                                BLACK)), size)


def test_mixed_text_places_the_latin_run_after_the_arabic_on_the_left():
    line = alpha(fonts.render_text(MIXED, 32, BLACK, direction=RTL))
    narcan, dy = latin_piece("Narcan")
    f11, _ = latin_piece("F11")
    word = arabic_piece("النالوكسون")
    assert find(line, f11, dy)[:1] == [0]  # F11 at the far left
    at = find(line, narcan, dy)
    assert len(at) == 1
    arabic_at = line.shape[1] - word.shape[1]
    assert np.array_equal(line[:, arabic_at:], word)  # the Arabic at the right end
    assert f11.shape[1] < at[0] and at[0] + narcan.shape[1] < arabic_at


def test_a_latin_word_sits_between_the_arabic_words_around_it():
    line = alpha(fonts.render_text(SENTENCE, 32, BLACK, direction=RTL))
    esc, dy = latin_piece("Esc")
    first, last = arabic_piece("اضغط"), arabic_piece("للخروج")
    (x,) = find(line, esc, dy)
    assert np.array_equal(line[:, -first.shape[1]:], first)  # the first word at the right
    assert np.array_equal(line[:, :last.shape[1]], last)  # the last word at the left
    assert last.shape[1] < x and x + esc.shape[1] < line.shape[1] - first.shape[1]


def test_the_width_is_what_is_drawn():
    for text in [MIXED, SENTENCE, HELLO, *catalog_strings()[:80]]:
        for line in text.split("\n"):
            if has_arabic(line):
                assert fonts.text_width(line, 24, direction=RTL) == \
                    fonts.render_text(line, 24, BLACK, direction=RTL).get_width(), line


def has_glyph(f: pygame.font.Font, ch: str) -> bool:
    """``ch`` alone does not render as the font's missing-glyph box."""
    try:
        drawn = f.render(ch, True, BLACK)
    except pygame.error:  # zero width: a joiner or direction mark, nothing to show
        return True
    box = f.render("\ue000", True, BLACK)  # a private-use code point: no font has it
    return not (drawn.get_size() == box.get_size() and np.array_equal(alpha(drawn), alpha(box)))


def test_the_missing_glyph_check_sees_a_missing_glyph():
    arabic = fonts.script_font(24, False, "Arab", True)
    latin = fonts.script_font(24, False, "Latn")
    assert not has_glyph(arabic, "N") and not has_glyph(arabic, "(")
    assert not has_glyph(latin, "م")
    assert has_glyph(arabic, "م") and has_glyph(latin, "N")


def test_the_arabic_font_has_every_neutral_it_is_given():
    arabic = fonts.script_font(24, False, "Arab", True)
    for ch in text_runs.ARABIC_FONT_NEUTRALS:
        assert has_glyph(arabic, ch), hex(ord(ch))


@pytest.mark.parametrize("bold", [False, True])
def test_no_arabic_catalog_string_has_a_missing_glyph(bold):
    seen: dict[tuple[bool, bool, str], bool] = {}
    for text in catalog_strings():
        for line in text.split("\n"):
            for piece in visual_pieces(line, RTL):
                f = fonts.script_font(24, bold, "Arab" if piece.arabic else "Latn", piece.rtl)
                for ch in set(piece.text):
                    key = (piece.arabic, piece.rtl, ch)
                    if key not in seen:
                        seen[key] = has_glyph(f, ch)
                    assert seen[key], f"{ch!r} (U+{ord(ch):04X}) has no glyph in {line!r}"


def test_check_fonts_checks_the_arabic_fonts(tmp_path, monkeypatch):
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf"):
        (tmp_path / name).write_bytes((ROOT / "assets" / "fonts" / name).read_bytes())
    (tmp_path / "NotoSansArabic-Bold.ttf").write_bytes(b"")
    monkeypatch.setattr(fonts, "asset_path", lambda *parts: tmp_path / parts[-1])
    fonts.clear_caches()
    with pytest.raises(fonts.FontError, match="NotoSansArabic-Bold.ttf"):
        fonts.check_fonts(20)
    (tmp_path / "NotoSansArabic-Bold.ttf").unlink()
    fonts.clear_caches()
    with pytest.raises(fonts.FontError, match="missing"):
        fonts.check_fonts(20)


def test_font_cache_keys_hold_script_and_direction():
    a = fonts.script_font(20, False, "Arab", True)
    assert fonts.script_font(20, False, "Latn", True) is not fonts.script_font(20, False, "Latn", False)
    assert a is not fonts.font(20) and fonts.script_font(20, False, "Latn") is not fonts.font(20)


def test_the_text_cache_key_holds_the_direction():
    rtl = fonts.render_text(SENTENCE, 24, BLACK, direction=RTL)
    ltr = fonts.render_text(SENTENCE, 24, BLACK, direction=LTR)
    assert not same_pixels(rtl, ltr)
    assert fonts.render_text(SENTENCE, 24, BLACK, direction=RTL) is rtl


def test_the_default_direction_is_the_languages(arabic_language, monkeypatch):
    assert same_pixels(fonts.render_text(SENTENCE, 24, BLACK),
                       fonts.render_text(SENTENCE, 24, BLACK, direction=RTL))
    monkeypatch.setattr(i18n, "language", lambda: "en")
    assert same_pixels(fonts.render_text(SENTENCE, 24, BLACK),
                       fonts.render_text(SENTENCE, 24, BLACK, direction=LTR))


# -- wrapping and paragraphs -------------------------------------------------------------


def test_wrap_text_keeps_the_logical_word_order():
    text = "كيف يحجب النالتريكسون مواقع الارتباط الخاصة بالمواد الأفيونية، وتسمى المستقبلات"
    lines = wrap_text(text, 300, 24, False, RTL)
    assert len(lines) >= 3
    assert " ".join(lines) == text  # first words on the first line
    assert lines[0].startswith("كيف")
    assert all(fonts.text_width(line, 24, direction=RTL) <= 300 for line in lines)
    # and as full as the width allows, measured as drawn: the next word would not fit
    for line, following in zip(lines, lines[1:]):
        longer = f"{line} {following.split(' ')[0]}"
        assert fonts.text_width(longer, 24, direction=RTL) > 300, longer


def test_wrap_measures_the_arabic_text_as_drawn():
    text = "اضغط Esc أو «إغلاق» عند الانتهاء " * 3
    for width in (120, 200, 333):
        for line in wrap_text(text, width, 20, False, RTL):
            assert fonts.text_width(line, 20, direction=RTL) <= width


def test_ellipsize_measures_arabic():
    text = "كيف يحجب النالتريكسون مواقع الارتباط"
    cut = ellipsize(text, 150, 24, direction=RTL)
    assert cut.endswith("…") and text.startswith(cut[:-1].rstrip())
    assert fonts.text_width(cut, 24, direction=RTL) <= 150


STYLE = types.SimpleNamespace(font_body=24, colours=types.SimpleNamespace(text=BLACK))
PARAGRAPH = "كيف يحجب النالتريكسون مواقع الارتباط الخاصة بالمواد الأفيونية، وتسمى المستقبلات"


def line_edges(surface: pygame.Surface, top: int, step: int, count: int) -> list[tuple[int, int]]:
    a = alpha(surface)
    edges = []
    for i in range(count):
        cols = np.nonzero(a[top + i * step: top + (i + 1) * step].any(axis=0))[0]
        edges.append((int(cols[0]), int(cols[-1])))
    return edges


@pytest.mark.parametrize("explicit", [True, False])
def test_draw_wrapped_aligns_right_to_left_text_to_the_right(explicit, arabic_language):
    surface = pygame.Surface((400, 400), pygame.SRCALPHA)
    width, x = 300, 50
    height = draw_wrapped(surface, STYLE, PARAGRAPH, (x, 0), width,
                          direction=RTL if explicit else None)
    lines = wrap_text(PARAGRAPH, width, 24, False, RTL)
    step = fonts.line_height(24, False, "Arab")
    assert height == len(lines) * step == text_height(PARAGRAPH, width, 24)
    edges = line_edges(surface, 0, step, len(lines))
    assert all(abs(right - (x + width)) <= 3 for _, right in edges), edges  # flush right
    assert len({left for left, _ in edges}) > 1  # ragged left
    assert all(left >= x for left, _ in edges)


def test_draw_wrapped_keeps_latin_text_on_the_left():
    surface = pygame.Surface((400, 400), pygame.SRCALPHA)
    text = "How naltrexone blocks the opioid binding sites, called receptors"
    draw_wrapped(surface, STYLE, text, (50, 0), 300)
    step = fonts.line_height(24)
    edges = line_edges(surface, 0, step, len(wrap_text(text, 300, 24)))
    assert all(abs(left - 50) <= 3 for left, _ in edges), edges


def test_draw_wrapped_end_and_fixed_sides():
    for align, paragraph, flush in [("end", RTL, "left"), ("end", LTR, "right"),
                                    ("left", RTL, "left"), ("right", LTR, "right")]:
        surface = pygame.Surface((400, 400), pygame.SRCALPHA)
        draw_wrapped(surface, STYLE, PARAGRAPH, (50, 0), 300, align=align, direction=paragraph)
        step = fonts.line_height(24, False, "Arab")
        edges = line_edges(surface, 0, step, len(wrap_text(PARAGRAPH, 300, 24, False, paragraph)))
        if flush == "left":
            assert all(abs(left - 50) <= 3 for left, _ in edges), (align, paragraph, edges)
        else:
            assert all(abs(right - 350) <= 3 for _, right in edges), (align, paragraph, edges)


def test_a_button_label_uses_the_script_aware_render(arabic_language, monkeypatch):
    """Buttons measure with text_width and draw through draw_label's render_text: the
    script-aware ones, so an Arabic label is shaped and measured as drawn."""
    from sim.view.style import Style
    from sim.view.widgets import button as button_module
    from sim.view.widgets import paint

    assert button_module.text_width is fonts.text_width
    assert paint.render_text is fonts.render_text and paint.text_width is fonts.text_width
    drawn = []
    monkeypatch.setattr(paint, "render_text", lambda *a, **k: drawn.append(a) or fonts.render_text(*a, **k))
    button = button_module.Button("الإعدادات", (0, 0, 300, 80))
    button.restyle(Style())
    assert button.preferred_size()[0] >= fonts.text_width("الإعدادات", button.font_px)
    button.draw(pygame.Surface((300, 80), pygame.SRCALPHA))
    assert drawn and drawn[0][0] == "الإعدادات"
