"""Every home tile has a small picture of what its lesson shows (issue 9, item 5): drawn
in its species' colours in every profile, never over the tile's words, above the words in
a narrow tile and beside them (at the start side) in a wide one."""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.app.app import App, AppConfig
from sim.lessons import LESSONS
from sim.view import fonts
from sim.view.render import tile_pictures
from sim.view.screens.home import TILES, Tile
from sim.view.style import Style
from sim.view.theme import PROFILES, get_theme

TILE_IDS = [sid for sid, _t, _b in TILES] + list(LESSONS)


@pytest.fixture(autouse=True)
def _pygame():
    pygame.font.init()
    yield
    tile_pictures.clear_cache()
    pygame.quit()
    fonts.clear_caches()
    i18n.set_language("en")


def test_every_tile_has_a_picture_and_says_what_it_shows():
    assert set(TILE_IDS) == set(tile_pictures.PICTURES)
    assert set(tile_pictures.PICTURES) == set(tile_pictures.SPECIES_SHOWN)


def _colour_pixels(surf: pygame.Surface, colour) -> int:
    import numpy as np

    rgb = pygame.surfarray.pixels3d(surf)
    try:
        return int(np.all(rgb == np.array(colour[:3], dtype=rgb.dtype), axis=-1).sum())
    finally:
        del rgb


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("tile_id", TILE_IDS)
@pytest.mark.parametrize("size,scale", [((240, 48), 1.0), ((150, 100), 1.0), ((450, 72), 1.5)])
def test_each_picture_draws_its_species_inside_its_rect(tile_id, profile, size, scale):
    style = Style(colours=get_theme(profile), scale=scale)
    window = pygame.Surface((size[0] + 40, size[1] + 40))
    window.fill((1, 2, 3))
    rect = pygame.Rect(20, 20, *size)
    tile_pictures.draw_picture(window, style, tile_id, rect)
    inside = window.subsurface(rect)
    for species in tile_pictures.SPECIES_SHOWN[tile_id]:
        colour = style.colours.species[species]
        assert _colour_pixels(inside, colour) >= 6, f"{tile_id} {profile}: no {species}"
    # nothing outside the rect
    outside = window.copy()
    outside.fill((1, 2, 3), rect)
    assert _colour_pixels(outside, (1, 2, 3)) == outside.get_width() * outside.get_height()


def test_pictures_are_drawn_once_and_reused():
    style = Style()
    a = tile_pictures.picture(style, "blockade", (200, 48))
    assert tile_pictures.picture(style, "blockade", (200, 48)) is a
    assert tile_pictures.picture(Style(colours=get_theme("projector")), "blockade",
                                 (200, 48)) is not a


@pytest.fixture
def home_at():
    apps = []

    def build(size, lang="en", text_size="normal", profile="dark"):
        app = App(AppConfig(headless=True, seed=1, size=size, lang=lang, text_size=text_size,
                            profile=profile))
        apps.append(app)
        return app, app.stack.top

    yield build


def _check_tiles(home):
    for tile in home.tiles:
        if not tile.picture_shown:
            continue  # gave way so the tiles need not scroll (tested below)
        lay = tile.text_layout()
        pic = lay.picture
        assert pic.width > 0 and pic.height > 0, tile.picture_id
        assert tile.rect.contains(pic), tile.picture_id
        assert not pic.colliderect(lay.title_rect), tile.picture_id
        assert not pic.colliderect(lay.blurb_rect), tile.picture_id
        assert not pic.colliderect(lay.inner), tile.picture_id


@pytest.mark.parametrize("profile", ["dark", "high-contrast"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1080, 1920)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_tiles_draw_their_pictures_away_from_their_words(home_at, size, profile):
    app, home = home_at(size, profile=profile)
    # English has room for them (nine tiles at 1280x720 and 1920x1080: a 3x3 grid with
    # narrower pictures beside the words), and nothing scrolls
    assert all(tile.picture_shown for tile in home.tiles)
    assert home.max_scroll == 0
    _check_tiles(home)
    surface = app.snapshot()
    for tile in home.tiles:
        pic = tile.text_layout().picture.clip(home.tiles_area)
        if pic.width < 4 or pic.height < 4:
            continue  # scrolled out of view
        inside = surface.subsurface(pic)
        colour = app.style.colours.species[tile_pictures.SPECIES_SHOWN[tile.picture_id][0]]
        assert _colour_pixels(inside, colour) > 0, f"{tile.picture_id} not drawn at {size}"


@pytest.mark.parametrize("size, lang, profile", [((800, 600), "en", "dark"),
                                                  ((1920, 1080), "es", "dark"),
                                                  ((1920, 1080), "en", "projector")], ids=str)
def test_pictures_give_way_before_the_tiles_would_scroll(home_at, size, lang, profile):
    """Where words and pictures together would push tiles out of view (4:3, Spanish's
    longer words, the projector's larger text), the pictures give way, not the words."""
    app, home = home_at(size, lang=lang, profile=profile)
    assert not any(tile.picture_shown for tile in home.tiles)
    if profile == "dark" and lang == "en":
        assert home.max_scroll == 0
    for tile in home.tiles:
        lay = tile.text_layout()
        # every word, or (nine tiles: 800x600 and Spanish at 1920x1080 have no room for
        # every blurb line) the blurb shortened by design to the whole lines that fit
        assert lay.picture.width == 0 and (lay.fits or lay.shortened)


def test_picture_above_the_words_in_a_narrow_tile_and_beside_in_a_wide_one():
    tile = Tile("lesson.blockade.title", "lesson.blockade.blurb", on_activate=None, number=2)
    assert tile.picture_id == "blockade"
    tile.rect = pygame.Rect(0, 0, 260, 400)  # narrow: above
    lay = tile.text_layout()
    assert lay.picture.bottom <= lay.inner.top and lay.picture.left == lay.inner.left
    assert lay.fits
    assert tile.needed_height(260) >= (lay.picture.height + lay.height + 2 * tile.style.padding)
    tile.rect = pygame.Rect(0, 0, 700, 400)  # wide: beside, at the start side
    lay = tile.text_layout()
    assert lay.picture.right <= lay.inner.left and lay.picture.top == lay.inner.top
    assert lay.fits
    assert tile.needed_height(700) >= max(lay.picture.height, lay.height)


def test_a_wide_tile_at_x_large_text_keeps_a_wide_enough_column_of_words(home_at):
    app, home = home_at((1080, 1920), text_size="x-large")
    _check_tiles(home)
    for tile in home.tiles:
        assert tile.text_layout().fits
