"""The home screen shows every word in full: at 800x600 (the smallest window), 1280x720,
1920x1080, 4K and portrait 1080x1920, in every language and text size, each tile's title
and blurb fit their tile with nothing cut (no "…"), the header, tiles, disclaimer and
buttons do not overlap, and tiles that do not fit scroll into view rather than shrink.

Checked on the layout itself (the lines each tile wraps its words into, measured with the
bundled font) and on what ``draw`` renders (every laid-out line, and nothing with "…").
"""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.app.app import App, AppConfig
from sim.view import fonts
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, text_width
from sim.view.screens import home as home_module
from sim.view.screens.home import Tile

SIZES = [(800, 600), (1280, 720), (1920, 1080), (3840, 2160), (1080, 1920), (768, 1366)]
TEXT_SIZES = ["normal", "x-large"]
ELLIPSIS = "…"


def shutdown() -> None:
    pygame.quit()
    fonts.clear_caches()


@pytest.fixture
def home_at():
    def build(size, lang, text_size="normal"):
        app = App(AppConfig(headless=True, seed=1, size=size, lang=lang, text_size=text_size))
        assert app.stack.top.id == "home"
        return app, app.stack.top

    yield build
    shutdown()
    i18n.set_language("en")


def words(lines) -> list[str]:
    return " ".join(lines).split()


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tile_shows_its_whole_title_and_blurb(home_at, size, lang, text_size):
    app, home = home_at(size, lang, text_size)
    assert len(home.tiles) >= 8  # Explore and the seven lessons
    for tile in home.tiles:
        lay = tile.text_layout()
        where = f"{lang} {size} {text_size} tile {tile.text!r}"
        # every word is there, whole, in order, and no line is cut or wider than the tile
        assert words(lay.title_lines) == tile.text.split(), where
        for line in lay.title_lines:
            assert ELLIPSIS not in line and text_width(line, lay.title_size, True) <= lay.inner.width
        for line in lay.blurb_lines:
            assert text_width(line, tile.blurb_size) <= lay.inner.width
        if lay.shortened:
            _check_shortened(home, tile, lay, text_size, where)
            continue
        assert lay.fits, f"{where}: does not fit ({lay.height} > {lay.inner.height})"
        assert words(lay.blurb_lines) == tile.blurb.split(), where
        assert not any(ELLIPSIS in line for line in lay.blurb_lines), where
        assert lay.inner.width > 0 and tile.rect.contains(lay.inner), where
    # one title size for all tiles, the design's for the window's width, times the scale and
    # the text size: never shrunk to fit the words
    style = app.style
    design = (home_module.TITLE_SIZE if style.logical(size)[0] >= home_module.NARROW_BELOW
              else home_module.TITLE_SIZE_NARROW)
    assert {tile.text_layout().title_size for tile in home.tiles} == {style.font(design)}


def _check_shortened(home, tile, lay, text_size, where) -> None:
    """Nine tiles do not all fit 800x600 (or 1280x720 in the longer languages) with every
    blurb line: at normal text the blurbs are shortened instead of the tiles scrolling. A
    shortened blurb is its first words in order, whole lines only, as many as the tile
    holds and at least MIN_BLURB_LINES, the last ending in "…"; and it is only ever done
    so that nothing scrolls, never with large text (which keeps every word and scrolls)."""
    assert text_size == "normal" and home.max_scroll == 0, where
    if not lay.blurb_lines:  # titles alone: only where no grid keeps a blurb line
        assert lay.title_rect.height + lay.title_gap + line_height(tile.blurb_size) \
            > lay.inner.height, where
        return
    assert lay.blurb_lines[-1].endswith(ELLIPSIS), where
    assert not any(ELLIPSIS in line for line in lay.blurb_lines[:-1]), where
    shown = words(lay.blurb_lines)
    shown[-1] = shown[-1].removesuffix(ELLIPSIS)
    shown = [w for w in shown if w]
    assert shown == tile.blurb.split()[:len(shown)] and len(shown) < len(tile.blurb.split())
    step = line_height(tile.blurb_size)
    used = lay.title_rect.height + lay.title_gap + len(lay.blurb_lines) * step
    assert used <= lay.inner.height < used + step, f"{where}: a blurb line fewer than room"


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_header_tiles_disclaimer_and_buttons_do_not_overlap(home_at, size, lang, text_size):
    app, home = home_at(size, lang, text_size)
    w, h = size
    style = app.style
    assert all(home.subtitle_x + text_width(line, style.font_large) <= w - style.margin
               for line in home.subtitle_lines)
    title_right = style.margin + text_width(i18n._("app.title"), style.font_title, True)
    assert home.subtitle_x >= title_right or home.subtitle_y >= style.px(
        home_module.HEADER_TOP) + line_height(style.font_title, True)  # beside or under
    assert words(home.subtitle_lines) == i18n._("app.subtitle").split()
    subtitle_bottom = home.subtitle_y + len(home.subtitle_lines) * line_height(style.font_large)
    area = home.tiles_area
    assert area.top >= subtitle_bottom and area.height > 0
    tiles = [home._tile_home[i] for i in range(len(home.tiles))]  # unscrolled places
    for i, a in enumerate(tiles):
        assert not any(a.colliderect(b) for b in tiles[i + 1:])
    disclaimer = home.disclaimer_rect
    assert area.bottom <= disclaimer.top
    buttons = [home.language.rect, home.preferences.rect, home.keys.rect, home.quit.rect]
    window = pygame.Rect(0, 0, w, h)
    assert all(window.contains(b) and not b.colliderect(disclaimer) for b in buttons)
    assert window.contains(disclaimer)
    assert disclaimer.width >= text_width(i18n._("common.disclaimer"), style.font_body) or \
        disclaimer.width == w - 2 * style.margin  # one whole line in the row, or wrapped
    for i, a in enumerate(buttons):
        assert not any(a.colliderect(b) for b in buttons[i + 1:])
    if home.max_scroll == 0:
        assert all(area.contains(t) for t in tiles)  # no scrolling: every tile is whole in view


def test_tiles_that_do_not_fit_scroll_into_view_by_wheel_and_keyboard(home_at):
    """x-large text at 800x600 needs more height than there is: the tiles scroll (never
    shrink), Tab brings each focused tile wholly into view, the wheel scrolls."""
    app, home = home_at((800, 600), "es", "x-large")
    assert home.max_scroll > 0
    for _ in range(len(home.tiles)):
        home.handle(Key(pygame.K_TAB))
        focused = home.group.focused
        area = home.tiles_area
        assert isinstance(focused, Tile), focused
        assert area.contains(focused.rect), focused.text  # wholly in view
    assert home.scroll > 0  # the last tiles were brought up
    home.handle(Wheel(100.0))
    assert home.scroll == 0
    home.handle(Wheel(-1.0))
    assert home.scroll > 0


def test_a_drag_on_the_tiles_scrolls_them_and_opens_nothing(home_at):
    app, home = home_at((800, 600), "en", "x-large")
    tile = home.tiles[0]
    x, y = tile.rect.center
    app.dispatch(Pointer("down", (x, y)))
    app.dispatch(Pointer("move", (x, y - 80), pressed=True))
    app.dispatch(Pointer("up", (x, y - 80)))
    assert home.scroll > 0 and app.stack.top is home
    # a tap still opens a tile
    tile = next(t for t in home.tiles if home.tiles_area.collidepoint(t.rect.center))
    app.dispatch(Pointer("down", tile.rect.center))
    app.dispatch(Pointer("up", tile.rect.center))
    assert app.stack.top is not home


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1080, 1920)],
                         ids=str)
def test_the_tiles_fit_without_scrolling_on_common_screens_in_english(home_at, size):
    """On a laptop, a projector, 4K and a portrait kiosk, normal text: every tile in view."""
    app, home = home_at(size, "en")
    assert home.max_scroll == 0


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=str)
def test_a_wide_window_never_cuts_a_blurb(home_at, size, lang):
    """16:9 tiles are wide: a cut there drops a whole clause ("... can cause an ..."), so
    every word stays (the tiles may scroll a little in the longer languages)."""
    app, home = home_at(size, lang)
    for tile in home.tiles:
        lay = tile.text_layout()
        assert not tile.shorten_blurb and lay.fits, (lang, tile.text)
        assert words(lay.blurb_lines) == tile.blurb.split(), (lang, tile.text)


def test_text_is_drawn_at_the_windows_own_pixels(home_at):
    """At 1920x1080 the title is rendered at 1.5 times the 1280x720 size (not enlarged)."""
    sizes = {}
    for window in [(1280, 720), (1920, 1080)]:
        app, home = home_at(window, "en")
        sizes[window] = (app.style.font_title, home.tiles[0].rect.height, home.quit.rect.height)
        shutdown()
    small, big = sizes[(1280, 720)], sizes[(1920, 1080)]
    assert big[0] == round(1.5 * small[0])
    assert big[2] == pytest.approx(1.5 * small[2], abs=2)


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", [(800, 600), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_home_screen_draws_what_it_laid_out(home_at, monkeypatch, size, lang):
    drawn: list[str] = []
    real = home_module.render_text

    def spy(text, *args, **kwargs):
        drawn.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(home_module, "render_text", spy)
    app, home = home_at(size, lang)
    home.dirty = True
    assert app.render()
    for tile in home.tiles:
        lay = tile.text_layout()
        for line in lay.title_lines + lay.blurb_lines:
            assert line in drawn, f"{lang} {size}: {line!r} laid out but not drawn"
    # "…" only where a blurb was shortened by design (its last laid-out line)
    cut = {t.text_layout().blurb_lines[-1] for t in home.tiles
           if t.text_layout().shortened and t.text_layout().blurb_lines}
    assert not [s for s in drawn if ELLIPSIS in s and s not in cut]
    if size == (800, 600) and lang == "en":
        assert home.max_scroll == 0  # nine tiles, no scrolling in English
    for line in home.subtitle_lines:
        assert line in drawn


def test_a_blurb_too_long_for_its_tile_is_reported_and_cut_with_an_ellipsis(monkeypatch):
    """Guards the tests above: an overlong blurb is not silently clipped."""
    pygame.font.init()
    try:
        tile = Tile("explore.title", "explore.blurb", on_activate=None)
        tile.rect = pygame.Rect(0, 0, 220, 200)
        monkeypatch.setattr(Tile, "blurb", property(lambda self: "word " * 200))
        lay = tile.text_layout()
        assert not lay.fits
        assert lay.blurb_lines and lay.blurb_lines[-1].endswith(ELLIPSIS)
        assert (len(lay.title_lines) * line_height(lay.title_size, True) + home_module.TITLE_GAP
                + len(lay.blurb_lines) * line_height(tile.blurb_size)) <= lay.inner.height
    finally:
        shutdown()


def test_a_wide_window_gives_the_tiles_the_height_of_two_lines(home_at):
    """On a projector-sized window the subtitle sits beside the title and the disclaimer in
    the settings row (whole, on one line), so the tiles and their pictures fit."""
    app, home = home_at((1920, 1080), "en")
    style = app.style
    assert len(home.subtitle_lines) == 1 and home.subtitle_x > style.margin
    assert home.subtitle_y < style.px(home_module.HEADER_TOP) + line_height(style.font_title)
    d = home.disclaimer_rect
    assert home.quit.rect.top <= d.centery <= home.quit.rect.bottom
    assert home.keys.rect.right < d.left and d.right < home.quit.rect.left
    assert all(tile.picture_shown for tile in home.tiles) and home.max_scroll == 0
