"""The home screen shows every word in full: at 800x600 (the smallest window), 1280x720,
1920x1080 and portrait 1080x1920, in every language, each tile's title and blurb fit
their tile with nothing cut (no "…"), and the header, tiles, disclaimer and buttons
do not overlap.

Checked on the layout itself (the lines each tile wraps its words into, measured with the
bundled font) and on what ``draw`` renders (every laid-out line, and nothing with "…").
"""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.app.app import App, AppConfig
from sim.view import fonts, theme
from sim.view.fonts import line_height, text_width
from sim.view.screens import home as home_module
from sim.view.screens.home import BLURB_SIZE, Tile

SIZES = [(800, 600), (1280, 720), (1920, 1080), (1080, 1920)]
ELLIPSIS = "…"


def shutdown() -> None:
    pygame.quit()
    fonts.clear_caches()


@pytest.fixture
def home_at():
    apps = []

    def build(size, lang):
        app = App(AppConfig(headless=True, seed=1, size=size, lang=lang))
        apps.append(app)
        assert app.stack.top.id == "home"
        return app, app.stack.top

    yield build
    shutdown()
    i18n.set_language("en")
    theme.set_profile("dark")


def words(lines) -> list[str]:
    return " ".join(lines).split()


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tile_shows_its_whole_title_and_blurb(home_at, size, lang):
    app, home = home_at(size, lang)
    canvas = pygame.Rect((0, 0), app.canvas.get_size())
    assert len(home.tiles) >= 8  # Explore and the seven lessons
    for tile in home.tiles:
        lay = tile.text_layout()
        where = f"{lang} {size} tile {tile.text!r}"
        assert canvas.contains(tile.rect), where
        assert lay.fits, f"{where}: does not fit ({lay.height} > {lay.inner.height})"
        # every word is there, whole, in order, and no line is cut or wider than the tile
        assert words(lay.title_lines) == tile.text.split(), where
        assert words(lay.blurb_lines) == tile.blurb.split(), where
        for line in lay.title_lines:
            assert ELLIPSIS not in line and text_width(line, lay.title_size, True) <= lay.inner.width
        for line in lay.blurb_lines:
            assert ELLIPSIS not in line and text_width(line, BLURB_SIZE) <= lay.inner.width, where
        used = (len(lay.title_lines) * line_height(lay.title_size, True) + home_module.TITLE_GAP
                + len(lay.blurb_lines) * line_height(BLURB_SIZE))
        assert used <= lay.inner.height, where
        assert lay.inner.width > 0 and tile.rect.contains(lay.inner), where
    # one title size for all tiles (they read as a set), and readable
    assert len({tile.text_layout().title_size for tile in home.tiles}) == 1
    assert home.tiles[0].text_layout().title_size >= theme.FONT_SMALL


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_header_tiles_disclaimer_and_buttons_do_not_overlap(home_at, size, lang):
    app, home = home_at(size, lang)
    w, h = app.canvas.get_size()
    m = theme.MARGIN
    subtitle = i18n._("app.subtitle")
    assert text_width(subtitle, home.subtitle_size) <= w - 2 * m  # one line, whole
    subtitle_bottom = home.subtitle_y + line_height(home.subtitle_size)
    tiles = [tile.rect for tile in home.tiles]
    assert min(r.top for r in tiles) >= subtitle_bottom
    for i, a in enumerate(tiles):
        assert not any(a.colliderect(b) for b in tiles[i + 1:])
    disclaimer = home.disclaimer_rect
    assert max(r.bottom for r in tiles) <= disclaimer.top
    buttons = [home.language.rect, home.projector.rect, home.quit.rect]
    assert all(disclaimer.bottom <= b.top and b.bottom <= h for b in buttons)
    assert not home.projector.rect.colliderect(home.quit.rect)


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
    assert not [s for s in drawn if ELLIPSIS in s]
    assert i18n._("app.subtitle") in drawn


def test_a_blurb_too_long_for_its_tile_is_reported_and_cut_with_an_ellipsis(monkeypatch):
    """Guards the tests above: an overlong blurb is not silently clipped."""
    pygame.font.init()
    try:
        tile = Tile("explore.title", "explore.blurb", on_activate=None)
        tile.rect = pygame.Rect(0, 0, 220, 200)
        tile.title_size = theme.FONT_SMALL
        monkeypatch.setattr(Tile, "blurb", property(lambda self: "word " * 200))
        lay = tile.text_layout()
        assert not lay.fits
        assert lay.blurb_lines and lay.blurb_lines[-1].endswith(ELLIPSIS)
        assert (len(lay.title_lines) * line_height(theme.FONT_SMALL, True) + home_module.TITLE_GAP
                + len(lay.blurb_lines) * line_height(BLURB_SIZE)) <= lay.inner.height
    finally:
        shutdown()
