"""Draws the cleft as a synapse: a sending nerve ending above, the gap where molecules
move, and the receiving cell's membrane below with its receptors (on, blocked or empty).

Reads the model's arrays; never changes them. Fast at any window size:

- everything that does not move (the nerve ending and its vesicles, the gap, the
  receiving cell, every receptor as an open cup) is drawn once per size and style into
  one background surface and blitted each frame;
- held receptors and the molecules on them are pre-rendered sprites, blitted over it;
- free molecules are sprites pre-rendered at the window's own pixel size (once per
  radius, colours and outline) and drawn in one ``fblits`` call per species.

Molecules move smoothly between model steps: the model steps a few times a second
while frames run at 60, so each molecule is drawn between where it was at the previous
step and where it is now (``alpha`` of the way; see ``Motion``). Only drawing is
smoothed; the model is untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from sim.i18n import _
from sim.model.cleft import FREE
from sim.model.species import SPECIES_NAMES
from sim.view.fonts import line_height, render_text
from sim.view.render.shapes import molecule_edge, molecule_sprite
from sim.view.style import DEFAULT_STYLE, Style
from sim.view.theme import Colour

#: how a receptor looks: "empty" (an open landing spot), "on" (lit), "blocked" (dark)
RECEPTOR_STATES = ("empty", "on", "blocked")

# -- sizes, in logical units --------------------------------------------------------------
MEMBRANE_MIN = 28  # the receiving cell's band (membrane and inside): least height...
MEMBRANE_SHARE = 0.18  # ...else this share of the cleft's height
TERMINAL_MIN = 30  # the sending nerve ending's band: least height...
TERMINAL_SHARE = 0.15  # ...else this share of the cleft's height...
TERMINAL_MAX_SHARE = 0.22  # ...and never more than this share
TERMINAL_INSET = 14  # the nerve ending stops this far short of the picture's sides
BULB_ABOVE = 1.2  # the bulb's ellipse reaches this many band heights above the picture
CELL_WALL = 3  # the thickness of the nerve ending's membrane
BELOW_CUPS = 4  # the receiving membrane's thickness under its receptors' cups
VESICLE_MIN = 4  # a vesicle's radius: at least this...
VESICLE_MAX = 9  # ...at most this...
VESICLE_SHARE = 1 / 6  # ...else this share of the nerve ending's height
VESICLE_SPACING = 3.4  # vesicle centres this many radii apart
LABEL_INSET = 10  # a cell's label from the cell's edge
HEADROOM = 4  # between the nerve ending and the edge of the highest molecule
RADIUS_MIN = 6  # a molecule's radius: below 6 a circle reads as a diamond...
RADIUS_MAX = 9  # ...and never larger than this
RADIUS_SHARE = 0.3  # ...else this share of one receptor's width
CUP_MIN_W = 8  # a receptor's cup: at least this wide...
CUP_SHARE_W = 0.7  # ...else this share of one receptor's width
CUP_MIN_H = 10  # ...and at least this tall, else
CUP_SHARE_H = 0.45  # this share of the receiving cell's band
CUP_WALL_MIN = 2  # an empty cup's walls: at least this thick...
CUP_WALL_DIVISOR = 5  # ...else this share (1/5) of the cup's width
CUP_CORNER = 4  # the radius of a full cup's bottom corners
LIFT = 2  # free molecules' floor, above the membrane
SINK = 2  # how far a bound molecule sits into its cup

#: the inside of both cells: this share of the way from the gap's colour to the membrane's
CELL_TINT = 0.4
#: a vesicle's inside: this share of the way from the cell's inside to the gap's colour
VESICLE_TINT = 0.55
#: vesicles are scattered, not in a grid: each one's offset, in radii, along and across
_SPECKS = ((0.0, 0.0), (-0.42, -0.42), (0.42, -0.42), (-0.42, 0.42), (0.42, 0.42))
_VESICLE_JITTER = ((0.0, -0.3), (0.5, 0.35), (-0.35, -0.1), (0.3, 0.4), (-0.2, -0.4),
                   (0.45, 0.1), (-0.4, 0.3), (0.15, -0.25))


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour ``t`` of the way from ``a`` to ``b`` (RGB)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3]))


def cell_colour(style: Style) -> Colour:
    """The inside of a nerve cell (the ending above, the receiving cell below)."""
    th = style.colours
    return mix(th.cleft_background, th.membrane, CELL_TINT)


def draw_receptor(surface: pygame.Surface, style: Style, cup: pygame.Rect, state: str) -> None:
    """One receptor: an open cup (a U, so a row of empty ones never reads as zeros),
    a lit cup (switched on) or a dark filled cup (held, switched off)."""
    th = style.colours
    width = max(style.px(CUP_WALL_MIN), cup.width // CUP_WALL_DIVISOR)
    if state == "empty":
        left, right = cup.left + width // 2, cup.right - width // 2 - 1
        pygame.draw.lines(surface, th.receptor_off, False,
                          [(left, cup.top), (left, cup.bottom - 1), (right, cup.bottom - 1),
                           (right, cup.top)], width)
        return
    fill = th.receptor_on if state == "on" else th.receptor_blocked
    corner = style.px(CUP_CORNER)
    pygame.draw.rect(surface, fill, cup, border_bottom_left_radius=corner,
                     border_bottom_right_radius=corner)


# -- smooth motion between model steps ------------------------------------------------------

def match_previous(prev: tuple[np.ndarray, np.ndarray, np.ndarray],
                   cur: tuple[np.ndarray, np.ndarray, np.ndarray],
                   reach: np.ndarray, width: float, lookahead: int = 64,
                   chunk: int = 256) -> np.ndarray:
    """For each molecule now (``cur`` = x, y, kind arrays), its index one model step
    earlier in ``prev``, or -1 where it is new (or cannot be told).

    The model keeps no ids: when molecules bind or are cleared its arrays are compacted
    (the rest keep their order) and new ones are appended at the end. So the molecules
    still here appear in ``cur`` in their old order, and a molecule moves at most
    ``reach[kind]`` cleft units along each axis in one step (x wraps round ``width``).
    Walking both arrays in order, a pair that is the same kind and within one step's
    reach is taken as one molecule; where one is not, the molecules that left are
    skipped (up to ``lookahead`` of them). Runs of matches are checked a ``chunk`` at a
    time with numpy, so a step where few molecules left costs a few array operations.
    A rare wrong pair is two molecules of one kind within a step of each other: drawn
    moving that little, never across the cleft.
    """
    px, py, pk = prev
    cx, cy, ck = cur
    n_prev, n_cur = px.size, cx.size
    src = np.full(n_cur, -1, dtype=np.intp)

    def plausible(i0: int, i1: int, j0, j1=None) -> np.ndarray:
        sel = slice(j0, j1) if j1 is not None else j0
        dx = np.abs(cx[sel] - px[i0:i1])
        np.minimum(dx, width - dx, out=dx)
        r = reach[ck[sel]]
        return (pk[i0:i1] == ck[sel]) & (dx <= r) & (np.abs(cy[sel] - py[i0:i1]) <= r)

    i = j = 0
    while j < n_cur and i < n_prev:
        n = min(n_cur - j, n_prev - i, chunk)
        ok = plausible(i, i + n, j, j + n)
        run = n if ok.all() else int(ok.argmin())
        src[j:j + run] = np.arange(i, i + run)
        i += run
        j += run
        if run == n:
            continue
        # cur[j] is not prev[i]: prev[i] left (bound or cleared), or cur[j] is new
        end = min(n_prev, i + 1 + lookahead)
        ahead = plausible(i + 1, end, j)
        if ahead.any():
            i += 1 + int(ahead.argmax())  # skip the molecules that left
        else:
            j += 1  # new here (or moved unlike any of them): drawn where it is
    return src


class Motion:
    """Where to draw each free molecule between two model steps.

    Remembers the molecules at the last step it saw and, for each molecule now, where
    the same molecule was one step before (its *start*). Drawing ``alpha`` of the way
    from start to now makes steps glide. A molecule with no start (new, bound and let
    go, or wrapped round the cleft's side) starts where it is: it never flies across.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._cleft = None
        self._step: int | None = None
        self._seen: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.start_x = np.empty(0)
        self.start_y = np.empty(0)

    def update(self, cleft, step: int | None = None) -> None:
        """Look at the cleft; if it stepped since the last look, pair its molecules up.

        ``step`` (the simulation's step count, if the caller knows it) tells one step
        from several: after a jump of several steps nothing glides (a molecule's start
        would be several steps away). Without it, any change of positions counts as one.
        """
        x, y, kind = cleft.x, cleft.y, cleft.kind
        seen = self._seen
        if cleft is not self._cleft or seen is None:
            self._restart(cleft, step)
            return
        n = seen[0].size
        same_prefix = (x.size >= n and np.array_equal(x[:n], seen[0])
                       and np.array_equal(y[:n], seen[1]) and np.array_equal(kind[:n], seen[2]))
        if same_prefix and (step is None or step == self._step):
            if x.size > n:  # a dose arrived between steps: the newcomers start where they are
                self.start_x = np.concatenate([self.start_x, x[n:]])
                self.start_y = np.concatenate([self.start_y, y[n:]])
                self._seen = (x.copy(), y.copy(), kind.copy())
            return
        if step is not None and self._step is not None and step != self._step + 1:
            self._restart(cleft, step)  # several steps at once, or back in time
            return
        reach = cleft.table["spread"] + 1e-9
        src = match_previous(seen, (x, y, kind), reach, cleft.width)
        found = src >= 0
        start_x, start_y = x.copy(), y.copy()
        start_x[found] = seen[0][src[found]]
        start_y[found] = seen[1][src[found]]
        # across the cleft's side edge (x wraps): start where it is, never fly across
        wrapped = np.abs(x - start_x) > reach[kind]
        start_x[wrapped] = x[wrapped]
        start_y[wrapped] = y[wrapped]
        self.start_x, self.start_y = start_x, start_y
        self._seen = (x.copy(), y.copy(), kind.copy())
        self._step = step

    def _restart(self, cleft, step: int | None) -> None:
        self._cleft = cleft
        self._step = step
        self._seen = (cleft.x.copy(), cleft.y.copy(), cleft.kind.copy())
        self.start_x, self.start_y = cleft.x.copy(), cleft.y.copy()

    def positions(self, cleft, alpha: float) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) in cleft units where each free molecule is drawn, ``alpha`` (0..1) of
        the way from its start to where it is now."""
        x, y = cleft.x, cleft.y
        if alpha >= 1.0 or self.start_x.size != x.size:
            return x, y
        a = max(0.0, float(alpha))
        return self.start_x + (x - self.start_x) * a, self.start_y + (y - self.start_y) * a


# -- the picture ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SynapseAreas:
    """Where each part of the synapse is drawn, in window pixels."""

    terminal: pygame.Rect  # the band of the sending nerve ending, at the top
    gap: pygame.Rect  # between the two cells: where molecules move
    molecules: pygame.Rect  # where free molecules are drawn (their whole shapes)
    membrane: pygame.Rect  # the receiving cell's membrane, with the receptors' cups
    cell: pygame.Rect  # the receiving cell's inside, under its membrane


class CleftView:
    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        #: the style of the last draw (``geometry`` describes the picture last drawn)
        self.style: Style = DEFAULT_STYLE
        self.motion = Motion()
        self._sprites_key: tuple | None = None
        self._sprites: list[tuple[pygame.Surface, int]] = []
        self._background_key: tuple | None = None
        self._background: pygame.Surface | None = None
        self._cups_key: tuple | None = None
        self._cups: dict[str, pygame.Surface] = {}

    # -- sizes -------------------------------------------------------------------------
    def _bands(self, style: Style) -> tuple[int, int]:
        """(nerve ending's band height, receiving cell's band height) in pixels."""
        h = self.rect.height
        terminal = min(max(style.px(TERMINAL_MIN), int(h * TERMINAL_SHARE)),
                       int(h * TERMINAL_MAX_SHARE))
        return terminal, max(style.px(MEMBRANE_MIN), int(h * MEMBRANE_SHARE))

    def radius(self, cleft, style: Style | None = None) -> int:
        """A molecule's radius in pixels."""
        style = style or self.style
        sx = self.rect.width / cleft.width
        return max(style.px(RADIUS_MIN), min(style.px(RADIUS_MAX), int(sx * RADIUS_SHARE)))

    def geometry(self, cleft, style: Style | None = None) -> tuple[float, float, float]:
        """(pixels per cleft unit across, pixels per unit up, membrane y) for ``style``
        (by default the style of the last draw). A free molecule at (x, y) is drawn
        centred at (rect.left + x * sx, membrane_y - LIFT - y * sy)."""
        style = style or self.style
        terminal, membrane_h = self._bands(style)
        membrane_y = self.rect.bottom - membrane_h
        reach = self.radius(cleft, style) + molecule_edge(style)[1]
        top = self.rect.top + terminal + reach + style.px(HEADROOM)
        sx = self.rect.width / cleft.width
        sy = max(0.0, (membrane_y - style.px(LIFT) - top) / cleft.height)
        return sx, sy, membrane_y

    def _cup_size(self, cleft, style: Style) -> tuple[int, int]:
        sx = self.rect.width / cleft.width
        membrane_h = self._bands(style)[1]
        return (max(style.px(CUP_MIN_W), int(sx * CUP_SHARE_W)),
                max(style.px(CUP_MIN_H), int(membrane_h * CUP_SHARE_H)))

    def areas(self, cleft, style: Style | None = None) -> SynapseAreas:
        """The parts of the picture (``draw`` puts them there)."""
        style = style or self.style
        r = self.rect
        terminal_h, _membrane_h = self._bands(style)
        _sx, sy, membrane_y = self.geometry(cleft, style)
        reach = self.radius(cleft, style) + molecule_edge(style)[1]
        low = membrane_y - style.px(LIFT)
        high = low - cleft.height * sy
        strip = self._cup_size(cleft, style)[1] + style.px(BELOW_CUPS)
        return SynapseAreas(
            terminal=pygame.Rect(r.left, r.top, r.width, terminal_h),
            gap=pygame.Rect(r.left, r.top + terminal_h, r.width, membrane_y - r.top - terminal_h),
            molecules=pygame.Rect(r.left, int(high) - reach, r.width,
                                  int(low - high) + 2 * reach + 1),
            membrane=pygame.Rect(r.left, membrane_y, r.width, min(strip, r.bottom - membrane_y)),
            cell=pygame.Rect(r.left, membrane_y + strip, r.width,
                             max(0, r.bottom - membrane_y - strip)),
        )

    # -- cached pictures ---------------------------------------------------------------
    def _sprite_set(self, style: Style, radius: int) -> list[tuple[pygame.Surface, int]]:
        """(sprite, anchor) per species, rebuilt only when the radius, the colours or
        the outline change (a resize or a profile switch), never per frame."""
        key = (radius, style.colours, molecule_edge(style))
        if key != self._sprites_key:
            self._sprites = [(_keyed(spr), anchor) for spr, anchor in
                             (molecule_sprite(style, name, radius) for name in SPECIES_NAMES)]
            self._sprites_key = key
        return self._sprites

    def _cup_sprites(self, style: Style, size: tuple[int, int]) -> dict[str, pygame.Surface]:
        """A held receptor's cup, lit or dark, on its patch of membrane (opaque)."""
        key = (size, style.colours, style.scale)
        if key != self._cups_key:
            self._cups = {}
            for state in ("on", "blocked"):
                cup = pygame.Surface(size)
                cup.fill(style.colours.membrane)
                draw_receptor(cup, style, cup.get_rect(), state)
                self._cups[state] = cup.convert() if _has_window() else cup
            self._cups_key = key
        return self._cups

    def _labels(self) -> tuple[str, str]:
        return _("cleft.sending"), _("cleft.receiving")

    def _background_for(self, cleft, style: Style) -> pygame.Surface:
        """Everything that does not move, drawn once per size, style, language and
        receptor count."""
        key = (self.rect.size, style.colours, style.scale, style.text_scale,
               cleft.receptors, cleft.width, self._labels())
        if key != self._background_key:
            surface = pygame.Surface(self.rect.size)
            self._paint_background(surface, cleft, style)
            self._background = surface.convert() if _has_window() else surface
            self._background_key = key
        return self._background

    def _paint_background(self, surface: pygame.Surface, cleft, style: Style) -> None:
        """The synapse, at (0, 0): the gap, the nerve ending with its vesicles, the
        receiving cell with its membrane and every receptor as an open cup."""
        th = style.colours
        w, h = surface.get_size()
        corner = style.corner_radius
        inside = cell_colour(style)
        wall = style.px(CELL_WALL)
        surface.fill(th.background)  # what shows round the picture's rounded corners
        pygame.draw.rect(surface, th.cleft_background, (0, 0, w, h), border_radius=corner)
        terminal_h, membrane_h = self._bands(style)
        # the sending nerve ending: a bulb coming down from above (the lower part of a
        # wide ellipse), its membrane facing the gap, vesicles (the little sacs a nerve
        # ending releases its messengers from) inside
        inset = style.px(TERMINAL_INSET)
        bulb = pygame.Rect(inset, -int(BULB_ABOVE * terminal_h), w - 2 * inset,
                           int((1 + BULB_ABOVE) * terminal_h))
        pygame.draw.ellipse(surface, th.membrane, bulb)
        inner = bulb.inflate(-2 * wall, -2 * wall)
        pygame.draw.ellipse(surface, inside, inner)

        def floor(x: float) -> float:
            """The y of the inside of the bulb's lower edge at x (0 outside it)."""
            a, b = inner.width / 2, inner.height / 2
            t = (x - inner.centerx) / a if a > 0 else 1.0
            return inner.centery + b * (1 - t * t) ** 0.5 if abs(t) < 1 else 0.0

        sending, receiving = self._labels()
        label = self._label_image(style, sending, terminal_h - 2 * wall)
        room_left = inner.left + inner.width // 8
        if label is not None:
            # in from the bulb's end until the bulb is deep enough for the words
            x = inner.left + style.px(LABEL_INSET)
            need = label.get_height() + wall
            while x < inner.centerx and min(floor(x), floor(x + label.get_width())) < need:
                x += max(1, wall)
            if x + label.get_width() < inner.centerx:
                surface.blit(label, (x, (min(floor(x), terminal_h) - label.get_height()) // 2
                                     + wall // 2))
                room_left = x + label.get_width() + style.px(LABEL_INSET)
        self._paint_vesicles(surface, style, room_left, inner.right - inner.width // 8,
                             floor, inside)
        # the receiving cell: its membrane carrying the receptors, its inside below
        membrane_y = h - membrane_h
        pygame.draw.rect(surface, th.membrane, (0, membrane_y, w, membrane_h),
                         border_bottom_left_radius=corner, border_bottom_right_radius=corner)
        cup_w, cup_h = self._cup_size(cleft, style)
        strip = cup_h + style.px(BELOW_CUPS)
        cell = pygame.Rect(0, membrane_y + strip, w, max(0, membrane_h - strip))
        if cell.height > 0:
            pygame.draw.rect(surface, inside, cell, border_bottom_left_radius=corner,
                             border_bottom_right_radius=corner)
            label = self._label_image(style, receiving, cell.height)
            if label is not None and label.get_width() < w // 2:
                surface.blit(label, (style.px(LABEL_INSET),
                                     cell.top + (cell.height - label.get_height()) // 2))
        sx = w / cleft.width
        for i in range(cleft.receptors):
            cup = pygame.Rect(0, 0, cup_w, cup_h)
            cup.midtop = ((i + 0.5) * sx, membrane_y)
            draw_receptor(surface, style, cup, "empty")

    @staticmethod
    def _label_image(style: Style, text: str, room_h: int) -> pygame.Surface | None:
        """A cell's name, if a line of it fits ``room_h`` pixels (else none: a label is
        a help, never squeezed)."""
        size = style.font_small
        if not text or line_height(size) > room_h:
            return None
        return render_text(text, size, style.colours.text_muted)

    def _paint_vesicles(self, surface: pygame.Surface, style: Style, left: float,
                        right: float, floor, inside: Colour) -> None:
        """Vesicles scattered between x = ``left`` and ``right``, each inside the bulb
        (``floor(x)``: the bulb's lower edge); some wait against the membrane."""
        th = style.colours
        terminal_h = self._bands(style)[0]
        r = max(style.px(VESICLE_MIN), min(style.px(VESICLE_MAX),
                                           int(terminal_h * VESICLE_SHARE)))
        fill = mix(inside, th.cleft_background, VESICLE_TINT)
        dot = max(1, r // 5)
        edge = max(1, style.px(1.5))
        spacing = VESICLE_SPACING * r
        count = int(max(0.0, right - left) // spacing)
        for i in range(count):
            jx, jy = _VESICLE_JITTER[i % len(_VESICLE_JITTER)]
            cx = left + (i + 0.5) * spacing + jx * r
            bottom = min(floor(cx - r), floor(cx + r)) - edge
            if bottom < 2 * r + edge:
                continue  # too near the bulb's end
            # every third one waits against the membrane that faces the gap
            cy = bottom - r if i % 3 == 1 else bottom / 2 + jy * r
            cy = min(max(cy, r + edge), bottom - r)
            pygame.draw.circle(surface, fill, (cx, cy), r)
            pygame.draw.circle(surface, th.membrane, (cx, cy), r, edge)
            # the messengers it holds: a few specks (not molecules of any species), five
            # as on a die, so three never make a face
            for ox, oy in _SPECKS:
                pygame.draw.circle(surface, th.membrane, (cx + ox * r, cy + oy * r), dot)

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, style: Style, cleft, alpha: float = 1.0,
             step: int | None = None) -> None:
        """Draw ``cleft``; free molecules ``alpha`` (0..1) of the way from where they
        were at the previous model step to where they are now. ``step``: the
        simulation's step count, so a jump of several steps is not smoothed. Under
        reduced motion molecules are drawn where they are (they still step)."""
        self.style = style
        r = self.rect
        if r.width <= 0 or r.height <= 0:
            return
        self.motion.update(cleft, step)
        surface.blit(self._background_for(cleft, style), r.topleft)
        sx, sy, membrane_y = self.geometry(cleft, style)
        radius = self.radius(cleft, style)
        sprites = self._sprite_set(style, radius)
        # held receptors: a lit or dark cup with its molecule sitting in it
        held = np.flatnonzero(cleft.receptor_kind != FREE)
        if held.size:
            cup_w, cup_h = self._cup_size(cleft, style)
            cups = self._cup_sprites(style, (cup_w, cup_h))
            efficacy = cleft.table["efficacy"]
            kinds = cleft.receptor_kind[held].tolist()
            blits, on_top = [], []
            for i, kind in zip(held.tolist(), kinds):
                cup = pygame.Rect(0, 0, cup_w, cup_h)
                cx = r.left + (i + 0.5) * sx
                cup.midtop = (cx, membrane_y)
                blits.append((cups["on" if efficacy[kind] > 0 else "blocked"], cup.topleft))
                spr, anchor = sprites[kind]
                on_top.append((spr, (int(cx - anchor), int(membrane_y - radius + style.px(SINK)
                                                           - anchor))))
            surface.fblits(blits + on_top)
        # free molecules, one fblits call per species
        if cleft.x.size:
            x, y = self.motion.positions(cleft, 1.0 if style.reduced_motion else alpha)
            fx = r.left + x * sx
            fy = (membrane_y - style.px(LIFT)) - y * sy
            kinds = cleft.kind
            clip = surface.get_clip()
            surface.set_clip(r.clip(clip) if clip else r)
            for k, (spr, anchor) in enumerate(sprites):
                sel = kinds == k
                if sel.any():
                    px = (fx[sel] - anchor).astype(np.int32).tolist()
                    py = (fy[sel] - anchor).astype(np.int32).tolist()
                    surface.fblits(list(zip([spr] * len(px), zip(px, py))))
            surface.set_clip(clip)


#: candidate see-through colours for a keyed sprite (one its shape does not use)
_KEYS = ((255, 0, 254), (1, 254, 3), (254, 1, 253))


def _keyed(sprite: pygame.Surface) -> pygame.Surface:
    """An opaque copy of a molecule sprite with a colour key for its corners.

    Molecule shapes are drawn without anti-aliasing, so a sprite's alpha is all 0 or
    255 and a keyed copy draws exactly the same pixels; a keyed (RLE) blit costs about a
    quarter of a per-pixel alpha one (2,000 molecules at 4K: ~0.8 ms instead of ~3 ms).
    A sprite with soft edges keeps its alpha."""
    alpha = pygame.surfarray.array_alpha(sprite)
    if ((alpha != 0) & (alpha != 255)).any():
        return sprite.convert_alpha() if _has_window() else sprite
    rgb = pygame.surfarray.array3d(sprite)[alpha == 255]
    key = next(k for k in _KEYS if not (rgb == k).all(axis=-1).any())
    keyed = pygame.Surface(sprite.get_size())
    keyed.fill(key)
    keyed.blit(sprite, (0, 0))
    keyed.set_colorkey(key, pygame.RLEACCEL)
    return keyed.convert() if _has_window() else keyed


def _has_window() -> bool:
    return pygame.display.get_init() and pygame.display.get_surface() is not None
