"""A calm, friendly person: a reward glow in the head and a breathing chest.

TEACHING 5: no suffering or harm imagery; the face stays calm whatever happens.
The glow lights up with feel-good (blocked euphoria shows as a glow that stays
dark); the chest rises and falls slower and shallower as breathing falls.
Withdrawal is not drawn on the person (a meter and a short list show it).
Under reduced motion the glow does not pulse and the chest does not move: both show
their steady state (the glow's level still shows feel-good).

The figure is drawn to fit its rect (its parts are shares of the head's radius); the
few fixed sizes below are logical units, converted with ``style.px``.
"""

from __future__ import annotations

import math

import pygame

from sim.view.fonts import line_height, render_text
from sim.view.style import Style

#: feel-good above this lights the glow's core (below it, the core is an empty ring)
GLOW_LIT = 0.15

# -- the figure's own proportions (a 180 x 205 design, scaled to fit its rect) -----------
FIGURE_W = 180
FIGURE_H = 205
HEAD_R = 44
BODY_W = 150  # the body at rest...
BODY_H = 110
SHOULDER = 60  # ...its shoulders' radius
BREATH = 8  # how far the chest rises with full breathing
HEAD_TOP = 14  # the head's top, below the rect's top (logical units)

# -- sizes, in logical units --------------------------------------------------------------
LABEL_PAD = 5  # the name under the figure: room besides its line height...
LABEL_LIFT = 6  # ...and its gap above the rect's bottom
BODY_GAP = 2  # between the body's bottom and the room for the name
BODY_MIN_H = 10
BODY_FOOT_CORNER = 8
EYE_MIN_R = 2
MOUTH_MIN_WIDTH = 2
CORE_MIN_R = 4  # the glow's core: at least this radius
CORE_RING = 2  # the unlit core is a ring this wide


def glow_level(euphoria: float) -> float:
    return max(0.0, min(1.0, euphoria))


def label_height(style: Style) -> int:
    """Pixels at the bottom of a figure's rect kept for its name."""
    return line_height(style.font_small) + style.px(LABEL_PAD)


def glow_centre(style: Style, rect: pygame.Rect) -> tuple[int, int]:
    """Where the reward glow sits in a figure drawn in ``rect`` (tests sample it)."""
    head_c, head_r = _head(style, rect)
    return int(head_c[0]), int(head_c[1] - head_r * 0.25)


def _head(style: Style, rect: pygame.Rect) -> tuple[tuple[float, float], float]:
    fit = min(rect.width / FIGURE_W, (rect.height - label_height(style)) / FIGURE_H)
    head_r = HEAD_R * fit
    return (rect.centerx, rect.top + style.px(HEAD_TOP) + head_r), head_r


def breath_phase(style: Style, breathing: float, t: float) -> float:
    """0..1: how far the chest has risen at ``t`` seconds (a steady half under reduced
    motion); slower as breathing falls."""
    if style.reduced_motion:
        return 0.5
    rate = 0.2 + 0.3 * max(0.0, breathing)  # cycles per second
    return 0.5 + 0.5 * math.sin(2 * math.pi * rate * t)


def glow_pulse(style: Style, glow: float, t: float) -> float:
    """The glow's size factor at ``t`` seconds: a gentle pulse, none under reduced motion."""
    if style.reduced_motion:
        return 1.0
    return 1.0 + 0.06 * math.sin(2 * math.pi * 0.8 * t) * glow


def draw_person(surface: pygame.Surface, style: Style, rect: pygame.Rect, euphoria: float,
                breathing: float, t: float, label: str) -> None:
    """The person in ``rect`` at ``t`` seconds (``style.reduced_motion``: no pulsing glow,
    a still chest)."""
    th = style.colours
    px = style.px
    pygame.draw.rect(surface, th.panel, rect, border_radius=style.corner_radius)
    head_c, head_r = _head(style, rect)
    fit = head_r / HEAD_R
    # breathing: the chest's rise and fall; slower and shallower as breathing falls
    depth = BREATH * fit * max(0.1, breathing)
    chest = depth * breath_phase(style, breathing, t)
    body = pygame.Rect(0, 0, BODY_W * fit + chest, BODY_H * fit + chest / 2)
    body.midtop = (head_c[0], head_c[1] + head_r * 0.85)
    bottom = rect.bottom - label_height(style) - px(BODY_GAP)
    if body.bottom > bottom:
        body.height = max(px(BODY_MIN_H), bottom - body.top)
    shoulder, foot = int(SHOULDER * fit), px(BODY_FOOT_CORNER)
    corners = dict(border_top_left_radius=shoulder, border_top_right_radius=shoulder,
                   border_bottom_left_radius=foot, border_bottom_right_radius=foot)
    pygame.draw.rect(surface, th.button_hover, body, **corners)
    pygame.draw.rect(surface, th.panel_border, body, style.line_width, **corners)
    # the head: tinted warm by feel-good, so "lights up" reads from across a room
    glow = glow_level(euphoria)
    pygame.draw.circle(surface, _mix(th.button, th.good, 0.55 * glow), head_c, head_r)
    pygame.draw.circle(surface, th.panel_border, head_c, head_r, style.line_width)
    # a calm face: two eyes and a gentle mouth, the same whatever the meters say
    eye_y = head_c[1] + head_r * 0.2
    for side in (-1, 1):
        pygame.draw.circle(surface, th.text, (head_c[0] + side * head_r * 0.35, eye_y),
                           max(px(EYE_MIN_R), head_r * 0.07))
    mouth = pygame.Rect(0, 0, head_r * 0.7, head_r * 0.4)
    mouth.center = (head_c[0], head_c[1] + head_r * 0.38)
    pygame.draw.arc(surface, th.text, mouth, math.pi * 1.2, math.pi * 1.8,
                    max(px(MOUTH_MIN_WIDTH), style.line_width))
    # the reward pathway: a glow in the head, lit with feel-good
    core = glow_centre(style, rect)
    # a soft halo that grows and brightens with feel-good, spilling past the head
    size = int(head_r * 3)
    halo = pygame.Surface((size, size), pygame.SRCALPHA)
    pulse = glow_pulse(style, glow, t)
    for i in range(6, 0, -1):
        radius = head_r * (0.15 + 1.4 * glow) * pulse * i / 6
        alpha = min(255, int(255 * glow) // (i + 1) + (20 if glow > 0.05 else 0))
        pygame.draw.circle(halo, (*th.good[:3], alpha), (size / 2, size / 2), radius)
    surface.blit(halo, (core[0] - size / 2, core[1] - size / 2))
    lit = glow > GLOW_LIT
    pygame.draw.circle(surface, th.good if lit else th.panel_border, core,
                       max(px(CORE_MIN_R), head_r * (0.22 if lit else 0.16)),
                       0 if lit else px(CORE_RING))
    tag = render_text(label, style.font_small, th.text)
    surface.blit(tag, (rect.centerx - tag.get_width() // 2,
                       rect.bottom - tag.get_height() - px(LABEL_LIFT)))


def _mix(a, b, share: float) -> tuple[int, int, int]:
    """``a`` moved ``share`` (0..1) of the way towards ``b``."""
    return tuple(round(x + (y - x) * share) for x, y in zip(a[:3], b[:3]))
