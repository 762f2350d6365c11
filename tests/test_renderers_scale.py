"""The renderers (sim/view/render) draw at the window's own pixels: everything grows
with the style's scale, species get outlines where the profile asks for them, and under
reduced motion nothing pulses or breathes.

Each renderer is called directly on a plain Surface with a hand-built Style (no app,
no window). Scale 1.0 is the 1280x720 window, 1.5 is 1920x1080, 3.0 is 4K.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from sim.model.cleft import Cleft
from sim.model.species import SPECIES_NAMES
from sim.view.render import meters
from sim.view.render.cleft_view import CleftView
from sim.view.render.history_chart import Series, draw_history
from sim.view.render.key import draw_key, key_height
from sim.view.render.person_figure import draw_person
from sim.view.render.plot import OccupancyPlot
from sim.view.style import Style
from sim.view.theme import DARK, get_theme

RECEPTORS = 40
MAGENTA = (255, 0, 255)  # a colour no profile uses


pytestmark = pytest.mark.usefixtures("fonts_ready")  # (tests/conftest.py)


def scaled(rect: tuple[int, int, int, int], scale: float) -> pygame.Rect:
    return pygame.Rect(*(round(v * scale) for v in rect))


def canvas(style: Style, size: tuple[int, int]) -> pygame.Surface:
    surface = pygame.Surface((round(size[0] * style.scale), round(size[1] * style.scale)))
    surface.fill(style.colours.background)
    return surface


def mask(surface: pygame.Surface, rect: pygame.Rect, colour) -> np.ndarray:
    """[x, y] booleans: where ``rect`` of ``surface`` is exactly ``colour``."""
    pixels = pygame.surfarray.pixels3d(surface)[rect.left:rect.right, rect.top:rect.bottom]
    return np.all(pixels == np.array(colour[:3]), axis=2)


def bbox(found: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, width, height) of the True cells of an [x, y] mask."""
    xs, ys = np.nonzero(found)
    assert xs.size, "nothing of that colour was drawn"
    return int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


# ------------------------------------------------------------------ meters
METER = (20, 10, 400, 70)


def draw_meter_at(scale: float, level: float = 0.6):
    style = Style(scale=scale)
    surface = canvas(style, (460, 120))
    rect = scaled(METER, scale)
    meters.draw_meter(surface, style, rect, "Feel-good", level, style.colours.good)
    return style, surface, rect


def meter_parts(style: Style, surface: pygame.Surface, rect: pygame.Rect) -> dict:
    """Measured from the pixels: the label's ink, the track's top, the level marker."""
    th = style.colours
    # the track's outline, on the column through the middle of the rect
    column = mask(surface, pygame.Rect(rect.centerx, rect.top, 1, rect.height), th.panel_border)
    track_top = int(np.nonzero(column[0])[0].min())
    label = bbox(mask(surface, pygame.Rect(rect.left, rect.top, rect.width, track_top),
                      th.text))
    # the level marker: the only text-coloured pixels on the track's middle row
    middle = rect.top + (track_top + rect.height) // 2
    marker = np.nonzero(mask(surface, pygame.Rect(rect.left, middle, rect.width, 1),
                             th.text)[:, 0])[0]
    return {"label_height": label[3], "track_top": track_top, "marker_left": int(marker.min()),
            "marker_width": int(marker.size)}


@pytest.mark.parametrize("scale", [1.5, 3.0])
def test_a_meter_drawn_larger_has_its_label_track_and_marker_that_much_larger(scale):
    base = meter_parts(*draw_meter_at(1.0))
    big = meter_parts(*draw_meter_at(scale))
    # text is rendered at its final size: glyph heights follow the scale (hinting moves
    # them by a pixel or two)
    assert big["label_height"] == pytest.approx(scale * base["label_height"], rel=0.06), \
        (base, big)
    assert abs(big["track_top"] - scale * base["track_top"]) <= 2, (base, big)
    assert abs(big["marker_left"] - scale * base["marker_left"]) <= 2, (base, big)
    assert big["marker_width"] == round(scale * base["marker_width"]), (base, big)


def test_a_larger_text_size_moves_a_meters_track_down_under_its_label():
    """Text size enlarges text only: the track makes room under the taller label."""
    rect = scaled(METER, 1.5)
    parts = []
    for text_scale in (1.0, 1.5):
        style = Style(scale=1.5, text_scale=text_scale)
        surface = canvas(style, (460, 120))
        meters.draw_meter(surface, style, rect, "Feel-good", 0.6, style.colours.good)
        parts.append(meter_parts(style, surface, rect))
    normal, large = parts
    assert large["label_height"] > 1.3 * normal["label_height"]
    assert large["track_top"] > normal["track_top"] + 10
    assert large["marker_width"] == normal["marker_width"]  # lines are not text


def test_meter_height_grows_with_scale_and_text_size():
    base = meters.meter_height(Style())
    assert abs(meters.meter_height(Style(scale=3.0)) - 3 * base) <= 3
    assert meters.meter_height(Style(text_scale=1.5)) > base + 10


# ------------------------------------------------------------------ molecules
CLEFT_RECT = (10, 10, 780, 360)


def one_molecule_cleft(species: str, where=(0.5, 0.5)) -> Cleft:
    """A cleft with a single free molecule of ``species`` (fractions across and up)."""
    cleft = Cleft(RECEPTORS, np.random.default_rng(0))
    cleft.x = np.array([where[0] * cleft.width])
    cleft.y = np.array([where[1] * cleft.height])
    cleft.kind = np.array([SPECIES_NAMES.index(species)], dtype=np.int8)
    return cleft


def draw_cleft(style: Style, cleft: Cleft) -> tuple[pygame.Surface, CleftView]:
    surface = canvas(style, (800, 380))
    view = CleftView(scaled(CLEFT_RECT, style.scale))
    view.draw(surface, style, cleft)
    return surface, view


def molecule_box(style: Style, surface: pygame.Surface, view: CleftView, cleft: Cleft,
                 species: str):
    """The bbox of ``species``'s fill colour above the membrane (relative to the view)."""
    _sx, _sy, membrane_y = view.geometry(cleft, style)
    above = pygame.Rect(view.rect.left, view.rect.top, view.rect.width,
                        int(membrane_y) - view.rect.top)
    return above, bbox(mask(surface, above, style.colours.species[species]))


@pytest.mark.parametrize("species", ["opioid", "naltrexone"])
def test_molecules_at_scale_3_are_three_times_the_radius(species):
    cleft = one_molecule_cleft(species)
    sizes, radii = [], []
    for scale in (1.0, 3.0):
        style = Style(scale=scale)
        surface, view = draw_cleft(style, cleft)
        radii.append(view.radius(cleft, style))
        _above, (_x, _y, w, h) = molecule_box(style, surface, view, cleft, species)
        sizes.append((w, h))
    assert radii[1] == 3 * radii[0]
    (w1, h1), (w3, h3) = sizes
    assert abs(w3 - 3 * w1) <= 3 and abs(h3 - 3 * h1) <= 3, sizes


def test_the_membrane_and_receptors_scale_with_the_window():
    cleft = one_molecule_cleft("opioid")
    geometry = [CleftView(scaled(CLEFT_RECT, s)).geometry(cleft, Style(scale=s))
                for s in (1.0, 1.5)]
    (sx1, sy1, my1), (sx2, sy2, my2) = geometry
    assert sx2 == pytest.approx(1.5 * sx1, rel=0.01)
    assert sy2 == pytest.approx(1.5 * sy1, rel=0.02)
    assert my2 - round(1.5 * CLEFT_RECT[1]) == pytest.approx(1.5 * (my1 - CLEFT_RECT[1]), abs=2)


def outline_pixels(style: Style, species: str = "endorphin") -> int:
    """Pixels of the profile's outline colour on and right round a lone molecule."""
    cleft = one_molecule_cleft(species)
    surface, view = draw_cleft(style, cleft)
    _above, (x, y, w, h) = molecule_box(style, surface, view, cleft, species)
    reach = 2 * style.px(3)
    around = pygame.Rect(view.rect.left + x - reach, view.rect.top + y - reach,
                         w + 2 * reach, h + 2 * reach)
    return int(mask(surface, around, style.colours.species_outline).sum())


@pytest.mark.parametrize("scale", [1.0, 1.5, 3.0])
@pytest.mark.parametrize("profile", ["projector", "high-contrast"])
def test_species_are_outlined_where_the_profile_asks(profile, scale):
    style = Style(colours=get_theme(profile), scale=scale)
    assert style.outline_width >= 2
    # an outline ring as wide as the profile asks, all the way round the molecule
    r = CleftView(scaled(CLEFT_RECT, scale)).radius(one_molecule_cleft("endorphin"), style)
    ring = 4 * 2 * r * style.outline_width  # a diamond's perimeter times the width, roughly
    assert outline_pixels(style) >= 0.6 * ring


@pytest.mark.parametrize("scale", [1.0, 3.0])
def test_the_dark_profile_draws_no_outline(scale):
    # dark's outline colour is its background (the thin rim): mark it to see it is unused
    colours = replace(DARK, species_outline=MAGENTA)
    assert outline_pixels(Style(colours=colours, scale=scale)) == 0


def test_the_projectors_endorphin_has_an_edge_a_light_background_does_not_hide():
    """The orange endorphin (2.25:1 on white) gets a black edge: darker pixels than the
    fill ring the molecule on every side."""
    style = Style(colours=get_theme("projector"), scale=1.5)
    cleft = one_molecule_cleft("endorphin")
    surface, view = draw_cleft(style, cleft)
    above, (x, y, w, h) = molecule_box(style, surface, view, cleft, "endorphin")
    cx, cy = view.rect.left + x + w // 2, view.rect.top + y + h // 2
    black = style.colours.species_outline[:3]
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        ray = [surface.get_at((cx + dx * i, cy + dy * i))[:3] for i in range(w)]
        assert black in ray, (dx, dy)


def test_the_keys_swatches_are_outlined_in_projector_and_not_in_dark():
    def outlined(colours) -> int:
        style = Style(colours=colours, scale=1.5)
        width = style.px(520)
        surface = canvas(style, (560, 220))
        rect = pygame.Rect(style.px(10), style.px(10), width, key_height(style, width))
        draw_key(surface, style, rect)
        found = mask(surface, rect, style.colours.species["endorphin"])
        x, y, w, h = bbox(found)
        around = pygame.Rect(rect.left + x - 4, rect.top + y - 4, w + 8, h + 8)
        return int(mask(surface, around, style.colours.species_outline).sum())

    assert outlined(get_theme("projector")) > 40
    assert outlined(get_theme("high-contrast")) > 40
    assert outlined(replace(DARK, species_outline=MAGENTA)) == 0


def test_sprites_are_built_once_not_per_frame(monkeypatch):
    from sim.view.render import cleft_view

    built = []
    real = cleft_view.molecule_sprite
    monkeypatch.setattr(cleft_view, "molecule_sprite",
                        lambda *args: built.append(args[1]) or real(*args))
    cleft = Cleft(RECEPTORS, np.random.default_rng(1))
    cleft.add(0, 500, "anywhere")
    cleft.add(1, 500, "anywhere")
    style = Style(scale=3.0)
    surface, view = draw_cleft(style, cleft)
    assert sorted(built) == sorted(SPECIES_NAMES)
    for _ in range(3):
        view.draw(surface, style, cleft)
    assert len(built) == len(SPECIES_NAMES), "sprites rebuilt while nothing changed"
    # a new profile needs new ones (colours and outline change), once
    projector = replace(style, colours=get_theme("projector"))
    for _ in range(3):
        view.draw(surface, projector, cleft)
    assert len(built) == 2 * len(SPECIES_NAMES)


# ------------------------------------------------------------------ charts
def test_a_history_chart_at_scale_1_5_puts_its_area_at_1_5_times():
    areas = []
    for scale in (1.0, 1.5):
        style = Style(scale=scale)
        surface = canvas(style, (800, 280))
        series = [Series([i / 50 for i in range(50)], style.colours.good, "Rising", 2)]
        areas.append(draw_history(surface, style, scaled((10, 10, 780, 260), scale), "Title",
                                  series, [], x_label="story time"))
    a, b = areas
    for got, want in ((b.left, a.left), (b.top, a.top), (b.bottom, a.bottom),
                      (b.width, a.width), (b.height, a.height)):
        assert abs(got - 1.5 * want) <= 3, (a, b)


def test_plot_marks_and_lines_scale():
    drawn = []
    for scale in (1.0, 3.0):
        style = Style(scale=scale)
        plot = OccupancyPlot(("opioid", "naloxone"))
        for i in range(100):
            plot.record({"opioid": min(1.0, i / 50), "naloxone": 0.0})
            if i == 40:
                plot.mark("opioid")
        surface = canvas(style, (780, 300))
        plot.draw(surface, style, scaled((10, 10, 760, 280), scale), "Receptors taken",
                  {"opioid": "Opioid", "naloxone": "Naloxone"}, "Story time")
        ((_s, (mx, my)),) = plot.drawn_marks
        drawn.append((mx, my))
    (x1, y1), (x3, y3) = drawn
    assert abs(x3 - 3 * x1) <= 4 and abs(y3 - 3 * y1) <= 4, drawn


# ------------------------------------------------------------------ motion
PERSON = (10, 10, 200, 290)


def person_frame(style: Style, t: float) -> np.ndarray:
    surface = canvas(style, (220, 310))
    draw_person(surface, style, scaled(PERSON, style.scale), 0.7, 0.8, t, "Person")
    return pygame.surfarray.array3d(surface)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_reduced_motion_stills_the_breathing_and_the_glow(scale):
    still = Style(scale=scale, reduced_motion=True)
    assert np.array_equal(person_frame(still, 0.0), person_frame(still, 0.37))
    assert np.array_equal(person_frame(still, 0.0), person_frame(still, 2.9))
    moving = Style(scale=scale)
    assert not np.array_equal(person_frame(moving, 0.0), person_frame(moving, 0.37))


def test_reduced_motion_still_shows_the_glow_level():
    still = Style(reduced_motion=True)
    frames = []
    for euphoria in (0.0, 0.8):
        surface = canvas(still, (220, 310))
        draw_person(surface, still, scaled(PERSON, 1.0), euphoria, 0.8, 0.0, "Person")
        frames.append(int(mask(surface, surface.get_rect(), still.colours.good).sum()))
    dark, lit = frames
    assert lit > dark + 100
