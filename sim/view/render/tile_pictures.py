"""Small pictures for the home screen's tiles: what each lesson shows, drawn in code.

One function per tile id (``PICTURES``), each drawing into a rect of any size with the
same shapes and colours as the lessons: circles are an opioid, squares naltrexone,
triangles naloxone (the rescue medicine), diamonds the body's own endorphin
(``shapes.draw_molecule``, so colour is never the only cue and outlines follow the
profile), and receptors ("landing spots") as the cleft draws them: an open cup, a lit
cup (switched on) or a dark one (held, switched off) (``cleft_view.draw_receptor``).

Nothing here is frightening (TEACHING 5): withdrawal is a rising bar, overdose risk a
danger line; no bodies, no skulls. Naltrexone never "pushes" an opioid off a receptor
(TEACHING M6): it takes landing spots as opioids let go.

``picture(style, tile_id, size)`` returns a pre-rendered picture, cached per tile id,
pixel size and profile, so a home frame only blits it.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Callable, Mapping

import pygame

from sim.view.render.cleft_view import cell_colour, draw_receptor
from sim.view.render.shapes import draw_molecule
from sim.view.style import Style

Picture = Callable[[pygame.Surface, Style, pygame.Rect], None]

# -- sizes, in logical units, or shares of the picture's height ----------------------------
CORNER = 6  # the picture's rounded corners
INSET = 4  # between the picture's edge and what is drawn in it
ARROW_HEAD = 5  # an arrow's head
MEMBRANE_SHARE = 0.3  # the receiving cell's band: this share of the picture's height
CUP_SHARE_W = 0.62  # a receptor's cup: this share of one receptor's width...
CUP_MAX_H_SHARE = 0.2  # ...no wider than this share of the picture's height times 1.6
CUP_H_SHARE = 0.62  # a cup's height: this share of the membrane band
RADIUS_SHARE = 0.12  # a molecule's radius: this share of the picture's height...
RADIUS_MIN = 4  # ...at least this (logical)
CUPS_MIN, CUPS_MAX = 4, 9  # receptors in a row
CUP_SPACING = 0.6  # one receptor per this many picture heights of width
BAR_SHARE = 0.2  # the withdrawal bar's column: this share of the picture's width


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3]))


class _Row:
    """A small synapse: the gap above, the receiving cell's membrane below with a row of
    receptors. Positions of free molecules are given as shares of the gap (0..1)."""

    def __init__(self, surface: pygame.Surface, style: Style, rect: pygame.Rect,
                 cups: int | None = None) -> None:
        self.surface, self.style, self.rect = surface, style, rect
        h = rect.height
        self.n = cups or max(CUPS_MIN, min(CUPS_MAX, round(rect.width / (h * CUP_SPACING))))
        band = max(style.px(6), round(h * MEMBRANE_SHARE))
        self.membrane_y = rect.bottom - band
        step = rect.width / self.n
        self.step = step
        self.cup_w = max(style.px(6), int(min(step * CUP_SHARE_W, h * CUP_MAX_H_SHARE * 1.6)))
        self.cup_h = max(style.px(5), int(band * CUP_H_SHARE))
        self.r = max(style.px(RADIUS_MIN), min(h * RADIUS_SHARE, self.cup_w * 0.45))
        th = style.colours
        pygame.draw.rect(surface, th.membrane, (rect.left, self.membrane_y, rect.width, band),
                         border_bottom_left_radius=style.px(CORNER),
                         border_bottom_right_radius=style.px(CORNER))
        below = self.membrane_y + self.cup_h + max(1, style.px(2))
        if rect.bottom - below > 0:
            pygame.draw.rect(surface, cell_colour(style),
                             (rect.left, below, rect.width, rect.bottom - below),
                             border_bottom_left_radius=style.px(CORNER),
                             border_bottom_right_radius=style.px(CORNER))

    def cup_x(self, i: int) -> float:
        return self.rect.left + (i + 0.5) * self.step

    def receptor(self, i: int, state: str, species: str | None = None) -> None:
        """Receptor ``i``: "empty", "on" or "blocked", with ``species`` seated in it."""
        cup = pygame.Rect(0, 0, self.cup_w, self.cup_h)
        cup.midtop = (round(self.cup_x(i)), self.membrane_y)
        draw_receptor(self.surface, self.style, cup, state)
        if species:
            self.molecule(species, self.cup_x(i), self.membrane_y - self.r + self.style.px(2))

    def receptors(self, states: str) -> None:
        """One letter a receptor: ``.`` empty, ``o`` lit with an opioid, ``s`` dark with
        naltrexone, ``t`` dark with naloxone, ``e`` lit with endorphin, ``O`` lit and
        empty (an opioid just let go)."""
        kinds = {".": ("empty", None), "o": ("on", "opioid"), "s": ("blocked", "naltrexone"),
                 "t": ("blocked", "naloxone"), "e": ("on", "endorphin"), "O": ("on", None)}
        for i in range(self.n):
            state, species = kinds[states[i % len(states)]]
            self.receptor(i, state, species)

    def at(self, fx: float, fy: float) -> tuple[float, float]:
        """A point ``fx`` of the way across the row and ``fy`` of the way down the gap."""
        top = self.rect.top + self.r + self.style.px(INSET)
        bottom = self.membrane_y - 2 * self.r - self.style.px(2)
        return (self.rect.left + self.r + fx * (self.rect.width - 2 * self.r),
                top + fy * max(0, bottom - top))

    def molecule(self, species: str, x: float, y: float, scale: float = 1.0) -> None:
        draw_molecule(self.surface, self.style, species, (x, y), self.r * scale)

    def free(self, species: str, fx: float, fy: float) -> tuple[float, float]:
        x, y = self.at(fx, fy)
        self.molecule(species, x, y)
        return x, y


def _arrow(surface: pygame.Surface, style: Style, points, colour=None) -> None:
    """A thin path with an arrow head at its last point."""
    colour = colour or style.colours.text_muted
    width = max(1, style.line_width)
    pygame.draw.lines(surface, colour, False, points, width)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    head = style.px(ARROW_HEAD) + width
    left = (x1 - head * math.cos(angle - 0.5), y1 - head * math.sin(angle - 0.5))
    right = (x1 - head * math.cos(angle + 0.5), y1 - head * math.sin(angle + 0.5))
    pygame.draw.polygon(surface, colour, [(x1, y1), left, right])


# -- the pictures --------------------------------------------------------------------------

def explore(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """A few molecules of every kind over a row of mostly open landing spots."""
    row = _Row(surface, style, rect)
    row.receptors(".o..s..")
    for species, fx, fy in (("opioid", 0.08, 0.55), ("naltrexone", 0.3, 0.15),
                            ("naloxone", 0.55, 0.6), ("endorphin", 0.78, 0.2),
                            ("opioid", 0.95, 0.75)):
        row.free(species, fx, fy)


def opioids(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Circles (an opioid) sitting in lit receptors; a few more on their way."""
    row = _Row(surface, style, rect)
    row.receptors("oo.o")
    for fx, fy in ((0.2, 0.25), (0.5, 0.7), (0.85, 0.2)):
        row.free("opioid", fx, fy)


def blockade(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Squares (naltrexone) hold dark receptors; a circle finds them taken and bounces off."""
    row = _Row(surface, style, rect)
    row.receptors("s")
    i = row.n // 2
    top = row.membrane_y - 2 * row.r
    start = row.at(max(0.0, (row.cup_x(i) - rect.left) / rect.width - 0.22), 0.0)
    touch = (row.cup_x(i), top - style.px(2))
    end = row.at(min(1.0, (row.cup_x(i) - rect.left) / rect.width + 0.22), 0.05)
    pygame.draw.line(surface, style.colours.text_muted, start, touch, max(1, style.line_width))
    _arrow(surface, style, [touch, (end[0] - row.r * 1.4, end[1] + row.r * 1.2)])
    row.molecule("opioid", *end)


def override(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """A crowd of circles over a block: most receptors dark, some lit despite the squares."""
    row = _Row(surface, style, rect)
    row.receptors("sos" if row.n < 6 else "ssos")
    cols = max(5, row.n + 2)
    for k in range(cols * 2):
        fx = (k % cols + 0.5 * (k // cols)) / cols
        fy = 0.1 + 0.55 * (k // cols) + 0.12 * ((k * 7) % 3 - 1)
        row.free("opioid", min(1.0, fx), min(1.0, max(0.0, fy)))


def too_soon(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Opioid still on board, naltrexone arrives: as circles let go, squares take the
    landing spots; withdrawal shown as a rising bar at the end side."""
    bar_w = max(style.px(10), int(rect.width * BAR_SHARE))
    scene = pygame.Rect(rect.left, rect.top, rect.width - bar_w, rect.height)
    row = _Row(surface, style, scene)
    row.receptors("s.os")
    # circles leaving the free (just let go) landing spots, squares coming to take them
    for i in range(row.n):
        if i % 4 == 1:
            x = row.cup_x(i)
            y = row.membrane_y - 3.4 * row.r
            _arrow(surface, style, [(x, row.membrane_y - 1.8 * row.r), (x, y + row.r)])
            row.molecule("opioid", x - row.r * 0.2, y - row.r * 0.4)
            row.molecule("naltrexone", x + row.r * 2.4, y - row.r * 0.2)
    _rising_bar(surface, style, pygame.Rect(scene.right, rect.top, bar_w, rect.height))


def _rising_bar(surface: pygame.Surface, style: Style, column: pygame.Rect) -> None:
    """A meter filling up, with an arrow up beside it: a feeling that rises (no body)."""
    th = style.colours
    pad = style.px(INSET)
    w = max(style.px(6), column.width // 3)
    track = pygame.Rect(0, 0, w, column.height - 2 * pad)
    track.midbottom = (column.centerx - w // 2, column.bottom - pad)
    pygame.draw.rect(surface, th.meter_track, track, border_radius=w // 3)
    fill = track.copy()
    fill.height = int(track.height * 0.7)
    fill.bottom = track.bottom
    pygame.draw.rect(surface, th.warning, fill, border_radius=w // 3)
    pygame.draw.rect(surface, th.plot_axis, track, max(1, style.px(1)), border_radius=w // 3)
    x = track.right + max(style.px(3), w // 2)
    if x < column.right - pad // 2:
        _arrow(surface, style, [(x, track.bottom - track.height // 4),
                                (x, track.top + track.height // 4)], th.warning)


def after_detox(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Over time without opioids the danger line falls; the same usual dose (a circle at
    the same height) that was below it is now above it."""
    th = style.colours
    pad = style.px(INSET) * 2
    area = rect.inflate(-2 * pad, -2 * pad)
    dose_y = area.top + area.height * 0.45
    start = (area.left, area.top + area.height * 0.08)
    end = (area.right, area.top + area.height * 0.8)
    # the danger zone: everything above the danger line, tinted
    zone = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.polygon(zone, th.danger_zone,
                        [(p[0] - rect.left, p[1] - rect.top) for p in
                         (start, end, (area.right, rect.top), (area.left, rect.top))])
    surface.blit(zone, rect.topleft)
    # the usual dose: a dotted level line
    r = max(style.px(RADIUS_MIN), rect.height * RADIUS_SHARE)
    dash = style.px(4)
    x = area.left + 2 * r
    while x < area.right - 2 * r:
        pygame.draw.line(surface, th.text_muted, (x, dose_y),
                         (min(x + dash, area.right - 2 * r), dose_y), max(1, style.px(1)))
        x += 2 * dash
    # the danger line, thick, falling
    pygame.draw.line(surface, th.danger, start, end, max(2, style.line_width + style.px(1)))
    draw_molecule(surface, style, "opioid", (area.left + 1.5 * r, dose_y), r)
    draw_molecule(surface, style, "opioid", (area.right - 1.5 * r, dose_y), r)


def pill_vs_shot(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Two levels over the same weeks: daily pills as a saw-tooth with a gap where a pill
    was missed (a square for each pill), and a monthly injection as one slow, smooth
    decline (one square)."""
    th = style.colours
    pad = style.px(INSET) * 2
    r = max(style.px(3), rect.height * RADIUS_SHARE * 0.6)
    area = rect.inflate(-2 * pad, -2 * pad)
    left = area.left + 3 * r
    width = area.right - left
    sep = style.px(INSET) * 2  # between the two levels
    half = (area.height - sep) / 2
    line_w = max(2, style.line_width)
    colour = th.species["naltrexone"]
    days = 7
    missed = (4,)
    for row, top in enumerate((area.top, area.top + half + sep)):
        base = top + half - style.px(3)
        high = top + style.px(3)
        pygame.draw.line(surface, th.plot_axis, (left, base), (area.right, base),
                         max(1, style.px(1)))
        pts = []
        steps = 6 * days
        for k in range(steps + 1):
            t = k / steps
            if row == 0:  # a pill a day: up at each dose, fading over the day
                day = min(days - 1, int(t * days))
                since = t * days - day
                level = 0.0 if day in missed else math.exp(-2.2 * since)
                if day in missed and since < 1 and day - 1 >= 0:
                    level = math.exp(-2.2 * (1 + since)) if since < 0.4 else 0.0
            else:  # one injection: a slow, smooth decline
                level = 1.0 - 0.55 * t * t
            pts.append((left + t * width, base - level * (base - high)))
        pygame.draw.lines(surface, colour, False, pts, line_w)
        marker_y = top + half / 2
        if row == 0:
            draw_molecule(surface, style, "naltrexone", (area.left + r, marker_y), r)
        else:
            draw_molecule(surface, style, "naltrexone", (area.left + r, marker_y), r * 1.4)


def rescue(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """Triangles (naloxone, the rescue medicine) take landing spots as circles let go."""
    row = _Row(surface, style, rect)
    row.receptors("tot.")
    for i in range(row.n):
        if i % 4 == 3:  # a spot an opioid just left: the circle above it, a triangle coming
            x = row.cup_x(i)
            row.molecule("opioid", x, row.at(0, 0.15)[1])
            row.molecule("naloxone", x - row.r * 2.4, row.at(0, 0.6)[1])
    for fx, fy in ((0.15, 0.2), (0.6, 0.1)):
        row.free("naloxone", fx, fy)


def alcohol(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    """A glass at the start side; diamonds (endorphins a drink releases) drift down to
    landing spots held dark by squares (naltrexone): the reward dulled, nothing pushed."""
    row = _Row(surface, style, rect)
    row.receptors("ss.s" if row.n >= 6 else "s.s")
    th = style.colours
    # the glass: a tumbler outline with a drink in it, in the picture's first share
    h = max(style.px(10), int((row.membrane_y - rect.top) * 0.55))
    w = max(style.px(8), int(h * 0.7))
    left = rect.left + style.px(INSET) * 2
    top = rect.top + style.px(INSET) * 2
    glass = [(left, top), (left + w, top), (left + w - w // 6, top + h), (left + w // 6, top + h)]
    level = top + h // 3
    drink = [(left + w // 18, level), (left + w - w // 18, level),
             (left + w - w // 6, top + h), (left + w // 6, top + h)]
    pygame.draw.polygon(surface, th.warning, drink)
    pygame.draw.polygon(surface, th.text_muted, glass, max(1, style.line_width))
    # endorphins on their way down to the dark receptors
    for fx, fy in ((0.42, 0.15), (0.62, 0.55), (0.85, 0.25)):
        row.free("endorphin", fx, fy)
    x, y = row.at(0.62, 0.55)
    _arrow(surface, style, [(left + w + style.px(3), top + h // 2), (x - row.r * 1.6, y)])


#: tile id -> its picture (the home's TILES and every lesson in sim.lessons.LESSONS)
PICTURES: Mapping[str, Picture] = MappingProxyType({
    "explore": explore,
    "opioids": opioids,
    "blockade": blockade,
    "override": override,
    "too-soon": too_soon,
    "after-detox": after_detox,
    "pill-vs-shot": pill_vs_shot,
    "rescue": rescue,
    "alcohol": alcohol,
})

#: the species each picture shows (their colours are in it, whatever the profile)
SPECIES_SHOWN: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "explore": ("opioid", "naltrexone", "naloxone", "endorphin"),
    "opioids": ("opioid",),
    "blockade": ("opioid", "naltrexone"),
    "override": ("opioid", "naltrexone"),
    "too-soon": ("opioid", "naltrexone"),
    "after-detox": ("opioid",),
    "pill-vs-shot": ("naltrexone",),
    "rescue": ("opioid", "naloxone"),
    "alcohol": ("naltrexone", "endorphin"),
})


def draw_picture(surface: pygame.Surface, style: Style, tile_id: str, rect: pygame.Rect) -> None:
    """The picture for ``tile_id`` in ``rect``: a rounded patch of the cleft's colour with
    the picture drawn inside it (clipped to it)."""
    th = style.colours
    corner = style.px(CORNER)
    pygame.draw.rect(surface, th.cleft_background, rect, border_radius=corner)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    try:
        PICTURES[tile_id](surface, style, rect)
    finally:
        surface.set_clip(clip)
    pygame.draw.rect(surface, _mix(th.cleft_background, th.membrane, 0.6), rect,
                     max(1, style.px(1)), border_radius=corner)


_CACHE: dict[tuple, pygame.Surface] = {}
_KEY = (255, 0, 254)  # the see-through colour of a picture's corners (in no theme)
_CACHE_MAX = 64  # pictures kept: 9 tiles x a few sizes and profiles


def picture(style: Style, tile_id: str, size: tuple[int, int]) -> pygame.Surface:
    """The picture for ``tile_id`` at ``size`` pixels, drawn once per (tile id, size,
    profile, scale) and then reused; treat it as read-only. Its corners are see-through
    (a colour key)."""
    key = (tile_id, tuple(size), style.colours.name, style.scale, style.outline_width)
    surf = _CACHE.get(key)
    if surf is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        # opaque with a colour key for the rounded corners: a keyed blit costs far less
        # than a per-pixel alpha one (eight pictures a frame at 4K)
        surf = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surf.fill(_KEY)
        draw_picture(surf, style, tile_id, surf.get_rect())
        surf.set_colorkey(_KEY, pygame.RLEACCEL)
        _CACHE[key] = surf
    return surf


def clear_cache() -> None:
    _CACHE.clear()
