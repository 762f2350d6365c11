"""A calm, friendly person: a reward glow in the head and a breathing chest.

TEACHING 5: no suffering or harm imagery; the face stays calm whatever happens.
The glow lights up with feel-good (blocked euphoria shows as a glow that stays
dark); the chest rises and falls slower and shallower as breathing falls.
Withdrawal is not drawn on the person (a meter and a short list show it).
"""

from __future__ import annotations

import math

import pygame

from sim.view import theme
from sim.view.fonts import render_text

#: feel-good above this lights the glow's core (below it, the core is an empty ring)
GLOW_LIT = 0.15


def glow_level(euphoria: float) -> float:
    return max(0.0, min(1.0, euphoria))


def glow_centre(rect: pygame.Rect) -> tuple[int, int]:
    """Where the reward glow sits in a figure drawn in ``rect`` (tests sample it)."""
    head_c, head_r = _head(rect)
    return int(head_c[0]), int(head_c[1] - head_r * 0.25)


def _head(rect: pygame.Rect) -> tuple[tuple[float, float], float]:
    label_h = 30
    scale = min(rect.width / 180, (rect.height - label_h) / 205)
    head_r = 44 * scale
    return (rect.centerx, rect.top + 14 + head_r), head_r


def draw_person(surface: pygame.Surface, rect: pygame.Rect, euphoria: float,
                breathing: float, t: float, label: str, motion: bool = True) -> None:
    """``motion`` False (reduced motion): no pulsing glow, a still chest."""
    th = theme.theme()
    pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
    head_c, head_r = _head(rect)
    scale = head_r / 44
    # breathing: the chest's rise and fall; slower and shallower as breathing falls
    rate = 0.2 + 0.3 * max(0.0, breathing)  # cycles per second
    depth = 8 * scale * max(0.1, breathing)
    chest = depth * (0.5 + 0.5 * math.sin(2 * math.pi * rate * t)) if motion else depth / 2
    body = pygame.Rect(0, 0, 150 * scale + chest, 110 * scale + chest / 2)
    body.midtop = (head_c[0], head_c[1] + head_r * 0.85)
    bottom = rect.bottom - 32
    if body.bottom > bottom:
        body.height = max(10, bottom - body.top)
    pygame.draw.rect(surface, th.button_hover, body,
                     border_top_left_radius=int(60 * scale), border_top_right_radius=int(60 * scale),
                     border_bottom_left_radius=8, border_bottom_right_radius=8)
    pygame.draw.rect(surface, th.panel_border, body, th.line_width,
                     border_top_left_radius=int(60 * scale), border_top_right_radius=int(60 * scale),
                     border_bottom_left_radius=8, border_bottom_right_radius=8)
    # the head: tinted warm by feel-good, so "lights up" reads from across a room
    glow = glow_level(euphoria)
    pygame.draw.circle(surface, _mix(th.button, th.good, 0.55 * glow), head_c, head_r)
    pygame.draw.circle(surface, th.panel_border, head_c, head_r, th.line_width)
    # a calm face: two eyes and a gentle mouth, the same whatever the meters say
    eye_y = head_c[1] + head_r * 0.2
    for side in (-1, 1):
        pygame.draw.circle(surface, th.text, (head_c[0] + side * head_r * 0.35, eye_y),
                           max(2, head_r * 0.07))
    mouth = pygame.Rect(0, 0, head_r * 0.7, head_r * 0.4)
    mouth.center = (head_c[0], head_c[1] + head_r * 0.38)
    pygame.draw.arc(surface, th.text, mouth, math.pi * 1.2, math.pi * 1.8, max(2, th.line_width))
    # the reward pathway: a glow in the head, lit with feel-good
    core = glow_centre(rect)
    # a soft halo that grows and brightens with feel-good, spilling past the head
    size = int(head_r * 3)
    halo = pygame.Surface((size, size), pygame.SRCALPHA)
    pulse = 1.0 + (0.06 * math.sin(2 * math.pi * 0.8 * t) * glow if motion else 0.0)
    for i in range(6, 0, -1):
        radius = head_r * (0.15 + 1.4 * glow) * pulse * i / 6
        alpha = min(255, int(255 * glow) // (i + 1) + (20 if glow > 0.05 else 0))
        pygame.draw.circle(halo, (*th.good[:3], alpha), (size / 2, size / 2), radius)
    surface.blit(halo, (core[0] - size / 2, core[1] - size / 2))
    lit = glow > GLOW_LIT
    pygame.draw.circle(surface, th.good if lit else th.panel_border, core,
                       max(4, head_r * (0.22 if lit else 0.16)), 0 if lit else 2)
    tag = render_text(label, theme.FONT_SMALL, th.text)
    surface.blit(tag, (rect.centerx - tag.get_width() // 2, rect.bottom - tag.get_height() - 6))


def _mix(a, b, share: float) -> tuple[int, int, int]:
    """``a`` moved ``share`` (0..1) of the way towards ``b``."""
    return tuple(round(x + (y - x) * share) for x, y in zip(a[:3], b[:3]))
