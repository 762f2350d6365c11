"""Molecule shapes: colour is never the only cue (colour-blind safe)."""

from __future__ import annotations

import math

import pygame


def shape_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    if shape == "square":
        return [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "triangle":
        return [(cx + r * math.cos(a), cy + r * math.sin(a))
                for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    return []


def draw_shape(surface: pygame.Surface, shape: str, colour, centre, r: float,
               outline=None, width: int = 0) -> None:
    cx, cy = centre
    if shape == "circle":
        pygame.draw.circle(surface, colour, (cx, cy), r)
        if outline is not None:
            pygame.draw.circle(surface, outline, (cx, cy), r, max(1, width))
        return
    pts = shape_points(shape, cx, cy, r)
    pygame.draw.polygon(surface, colour, pts)
    if outline is not None:
        pygame.draw.polygon(surface, outline, pts, max(1, width))


def sprite(shape: str, colour, outline, r: int) -> pygame.Surface:
    """A small pre-rendered molecule, drawn once and blitted many times."""
    size = 2 * r + 2
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    draw_shape(surf, shape, colour, (size / 2, size / 2), r, outline, 1)
    return surf
