"""Draws the cleft: the membrane, its receptors (on, blocked or empty) and molecules.

Reads the model's arrays; never changes them. Molecules are pre-rendered sprites
drawn in one ``fblits`` call per species.
"""

from __future__ import annotations

import numpy as np
import pygame

from sim.model.cleft import FREE
from sim.model.species import SPECIES_NAMES
from sim.view import theme
from sim.view.render.shapes import draw_shape, sprite


#: how a receptor looks: "empty" (an open landing spot), "on" (lit), "blocked" (dark)
RECEPTOR_STATES = ("empty", "on", "blocked")


def draw_receptor(surface: pygame.Surface, cup: pygame.Rect, state: str) -> None:
    """One receptor: an open cup (a U, so a row of empty ones never reads as zeros),
    a lit cup (switched on) or a dark filled cup (held, switched off)."""
    th = theme.theme()
    width = max(2, cup.width // 5)
    if state == "empty":
        left, right = cup.left + width // 2, cup.right - width // 2 - 1
        pygame.draw.lines(surface, th.receptor_off, False,
                          [(left, cup.top), (left, cup.bottom - 1), (right, cup.bottom - 1),
                           (right, cup.top)], width)
        return
    fill = th.receptor_on if state == "on" else th.receptor_blocked
    pygame.draw.rect(surface, fill, cup, border_bottom_left_radius=4,
                     border_bottom_right_radius=4)


class CleftView:
    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self._sprites: dict[tuple, list[pygame.Surface]] = {}

    def _sprite_set(self, radius: int) -> list[pygame.Surface]:
        th = theme.theme()
        key = (radius, th.name)
        if key not in self._sprites:
            self._sprites = {key: [
                sprite(theme.SPECIES_SHAPES[name], th.species[name], th.background, radius)
                for name in SPECIES_NAMES
            ]}
        return self._sprites[key]

    def geometry(self, cleft) -> tuple[float, float, float]:
        """(pixels per cleft unit across, pixels per unit up, membrane y)."""
        membrane_h = max(28, self.rect.height // 7)
        sx = self.rect.width / cleft.width
        sy = (self.rect.height - membrane_h - 6) / cleft.height
        return sx, sy, self.rect.bottom - membrane_h

    def draw(self, surface: pygame.Surface, cleft) -> None:
        th = theme.theme()
        r = self.rect
        pygame.draw.rect(surface, th.cleft_background, r, border_radius=theme.CORNER_RADIUS)
        sx, sy, membrane_y = self.geometry(cleft)
        # the membrane (cell surface) with its receptors ("landing spots")
        mem = pygame.Rect(r.left, membrane_y, r.width, r.bottom - membrane_y)
        pygame.draw.rect(surface, th.membrane, mem, border_bottom_left_radius=theme.CORNER_RADIUS,
                         border_bottom_right_radius=theme.CORNER_RADIUS)
        efficacy = cleft.table["efficacy"]
        radius = int(max(6, min(9, sx * 0.3)))  # below 6 px a circle reads as a diamond
        cup_w = max(8, int(sx * 0.7))
        cup_h = max(10, int((r.bottom - membrane_y) * 0.55))
        for i, kind in enumerate(cleft.receptor_kind.tolist()):
            cx = r.left + (i + 0.5) * sx
            cup = pygame.Rect(0, 0, cup_w, cup_h)
            cup.midtop = (cx, membrane_y)
            if kind == FREE:
                draw_receptor(surface, cup, "empty")
            else:
                draw_receptor(surface, cup, "on" if efficacy[kind] > 0 else "blocked")
                name = SPECIES_NAMES[kind]
                draw_shape(surface, theme.SPECIES_SHAPES[name], th.species[name],
                           (cx, membrane_y - radius + 2), radius, th.background, 1)
        # free molecules, one fblits call per species
        if cleft.x.size:
            sprites = self._sprite_set(radius)
            px = (r.left + cleft.x * sx - radius).astype(np.int32)
            py = (membrane_y - 2 - cleft.y * sy - radius).astype(np.int32)
            kinds = cleft.kind
            clip = surface.get_clip()
            surface.set_clip(r)
            for k, spr in enumerate(sprites):
                sel = kinds == k
                if sel.any():
                    surface.fblits([(spr, p) for p in zip(px[sel].tolist(), py[sel].tolist())])
            surface.set_clip(clip)
