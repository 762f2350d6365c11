"""Molecule shapes: colour is never the only cue (colour-blind safe).

Sizes here are window pixels: callers convert logical units with ``style.px``. Every
molecule gets an edge (``molecule_edge``): the profile's species outline where a fill
alone has too little contrast with the background (projector, high-contrast), else a
thin rim of the background colour that keeps touching molecules apart.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from sim.view.style import Style
from sim.view.theme import SPECIES_SHAPES

#: the thin rim, in the background colour, round every molecule of a profile without
#: outlines (logical units)
RIM = 1

#: how far a shape's "radius" (what ``shape_points`` is given) moves when its edge moves
#: by one pixel: 1 for a circle or a square (r is the distance to the edge), more for the
#: diamond and the triangle (r reaches a corner)
_EDGE_TO_RADIUS = {"circle": 1.0, "square": 1.0, "diamond": math.sqrt(2), "triangle": 2.0}


def shape_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    if shape == "square":
        return [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "triangle":
        return [(cx + r * math.cos(a), cy + r * math.sin(a))
                for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    return []


def _fill(surface: pygame.Surface, shape: str, colour, centre, r: float) -> None:
    if shape == "circle":
        pygame.draw.circle(surface, colour, centre, r)
    else:
        pygame.draw.polygon(surface, colour, shape_points(shape, centre[0], centre[1], r))


def shape_reach(shape: str, r: float, width: int = 1) -> float:
    """How far from its centre a shape of radius ``r`` with an edge ``width`` px wide
    reaches (a wide edge straddles the shape's outline, half outside it)."""
    if width <= 1:
        return r
    return r + _EDGE_TO_RADIUS.get(shape, 1.0) * width / 2


def draw_shape(surface: pygame.Surface, shape: str, colour, centre, r: float,
               outline=None, width: int = 1) -> None:
    """A filled ``shape`` of radius ``r`` px; with ``outline``, an edge ``width`` px wide.

    A one-pixel edge is drawn on the shape's outline; a wider one straddles it (half
    outside, half inside), drawn as the shape in the edge colour with a smaller one in
    the fill on top, so its corners are solid at any width (a thick ``polygon`` outline
    leaves notches at the corners).
    """
    cx, cy = centre
    if outline is None:
        _fill(surface, shape, colour, (cx, cy), r)
        return
    width = max(1, int(width))
    if width == 1:
        if shape == "circle":
            pygame.draw.circle(surface, colour, (cx, cy), r)
            pygame.draw.circle(surface, outline, (cx, cy), r, 1)
            return
        pts = shape_points(shape, cx, cy, r)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, outline, pts, 1)
        return
    k = _EDGE_TO_RADIUS.get(shape, 1.0) * width / 2
    _fill(surface, shape, outline, (cx, cy), r + k)
    _fill(surface, shape, colour, (cx, cy), max(1.0, r - k))


@lru_cache(maxsize=128)
def sprite(shape: str, colour, outline, r: int, width: int = 1) -> pygame.Surface:
    """A small pre-rendered molecule, drawn once and blitted many times (cached by its
    arguments, all in pixels; treat it as read-only). Its centre is ``sprite_anchor``
    pixels from its top left corner, less one: blit it at ``centre - anchor``."""
    reach = sprite_anchor(shape, r, width)
    size = 2 * reach + 2
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    draw_shape(surf, shape, colour, (size / 2, size / 2), r, outline, width)
    return surf


def sprite_anchor(shape: str, r: int, width: int = 1) -> int:
    """Where to blit ``sprite(shape, ..., r, width)`` relative to the molecule's position:
    at ``(x - anchor, y - anchor)``."""
    return math.ceil(shape_reach(shape, r, width))


# -- molecules, as the style draws them ------------------------------------------------

def molecule_edge(style: Style) -> tuple[tuple, int]:
    """(colour, width in px) of the edge round every molecule in ``style``."""
    if style.outline_width > 0:
        return style.colours.species_outline, style.outline_width
    return style.colours.background, style.px(RIM)


def draw_molecule(surface: pygame.Surface, style: Style, species: str, centre,
                  r: float) -> None:
    """One molecule of ``species`` (its shape and colour, its edge) of radius ``r`` px."""
    edge, width = molecule_edge(style)
    draw_shape(surface, SPECIES_SHAPES[species], style.colours.species[species], centre, r,
               edge, width)


def molecule_sprite(style: Style, species: str, r: int) -> tuple[pygame.Surface, int]:
    """(sprite, anchor) for a molecule of ``species`` of radius ``r`` px (cached)."""
    edge, width = molecule_edge(style)
    shape = SPECIES_SHAPES[species]
    return (sprite(shape, tuple(style.colours.species[species]), tuple(edge), int(r), width),
            sprite_anchor(shape, int(r), width))
