"""A person: a reward glow in the head and a breathing chest, and breathing danger.

The glow lights up with feel-good (blocked euphoria shows as a glow that stays
dark); the chest rises and falls slower and shallower as breathing falls.
Withdrawal is not drawn on the person (a meter and a short list show it).

In the danger zone the person never looks calm and pleasant (issue 18: a smiling,
glowing figure in an overdose flatters it): the warm head tint, the soft halo and the
smile go; the head turns grey-blue, the eyes droop half shut, the mouth is flat, a
ring in the danger colour stands round the head and the words "in the danger zone"
sit on the chest. The glow's core still shows feel-good (the high is real; the danger
comes with it). TEACHING 5: no death imagery, no skulls, no suffering body: these are
a sleepy face and a warning, like the breathing meter's own danger style. Every cue is
a shape or words as well as a colour, so it reads in high contrast too.

Under reduced motion the glow does not pulse and the chest does not move: both show
their steady state (the glow's level still shows feel-good); the danger cues are still.

The figure is drawn to fit its rect (its parts are shares of the head's radius); the
few fixed sizes below are logical units, converted with ``style.px``.
"""

from __future__ import annotations

import math

import pygame

from sim.i18n import _
from sim.model.person import DANGER_LINE
from sim.view.fonts import line_height, render_text, text_width
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
WARN_RING = 4  # the danger ring round the head: this thick...
WARN_GAP = 6  # ...and this far outside the head
WARN_TAG_PAD = 3  # room round the danger words on the chest
#: in danger the head's colour moves this far towards the muted text colour (grey-blue
#: on the dark and projector profiles, plain grey in high contrast)
DANGER_TINT = 0.45


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


def in_danger(breathing: float) -> bool:
    """Breathing in the danger zone (the breathing meter's own rule)."""
    return breathing < DANGER_LINE


def draw_person(surface: pygame.Surface, style: Style, rect: pygame.Rect, euphoria: float,
                breathing: float, t: float, label: str, danger: bool | None = None) -> None:
    """The person in ``rect`` at ``t`` seconds (``style.reduced_motion``: no pulsing glow,
    a still chest). ``danger``: draw the breathing-danger state; None: whenever
    ``breathing`` is in the danger zone (a caller may keep it on once breathing has been
    there: an overdose does not pass by itself, TEACHING M12)."""
    if danger is None:
        danger = in_danger(breathing)
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
    # the head: tinted warm by feel-good, so "lights up" reads from across a room; in
    # danger grey-blue instead, whatever the feel-good
    glow = glow_level(euphoria)
    skin = (_mix(th.button, th.text_muted, DANGER_TINT) if danger
            else _mix(th.button, th.good, 0.55 * glow))
    if danger:  # a warning ring round the head, drawn first so the head sits inside it
        pygame.draw.circle(surface, th.danger, head_c, head_r + px(WARN_GAP),
                           px(WARN_RING))
    pygame.draw.circle(surface, skin, head_c, head_r)
    pygame.draw.circle(surface, th.panel_border, head_c, head_r, style.line_width)
    _draw_face(surface, style, head_c, head_r, danger)
    # the reward pathway: a glow in the head, lit with feel-good
    core = glow_centre(style, rect)
    # a soft halo that grows and brightens with feel-good, spilling past the head
    size = int(head_r * 3)
    halo = pygame.Surface((size, size), pygame.SRCALPHA)
    pulse = glow_pulse(style, glow, t)
    for i in range(0 if danger else 6, 0, -1):  # no warm halo in danger: nothing pleasant
        radius = head_r * (0.15 + 1.4 * glow) * pulse * i / 6
        alpha = min(255, int(255 * glow) // (i + 1) + (20 if glow > 0.05 else 0))
        pygame.draw.circle(halo, (*th.good[:3], alpha), (size / 2, size / 2), radius)
    surface.blit(halo, (core[0] - size / 2, core[1] - size / 2))
    lit = glow > GLOW_LIT
    pygame.draw.circle(surface, th.good if lit else th.panel_border, core,
                       max(px(CORE_MIN_R), head_r * (0.22 if lit else 0.16)),
                       0 if lit else px(CORE_RING))
    tag = render_text(label, style.font_small, th.text)
    tag_top = rect.bottom - tag.get_height() - px(LABEL_LIFT)
    surface.blit(tag, (rect.centerx - tag.get_width() // 2, tag_top))
    if danger:
        _draw_danger_words(surface, style, rect, body, tag_top)


def _draw_face(surface: pygame.Surface, style: Style, head_c, head_r: float,
               danger: bool) -> None:
    """Calm: round eyes and a gentle smile. In danger: heavy, half-shut eyes (a lid line
    over a sliver of eye) and a flat mouth: drowsy, not suffering."""
    th = style.colours
    px = style.px
    eye_y = head_c[1] + head_r * 0.2
    eye_r = max(px(EYE_MIN_R), head_r * 0.07)
    width = max(px(MOUTH_MIN_WIDTH), style.line_width)
    for side in (-1, 1):
        x = head_c[0] + side * head_r * 0.35
        if danger:
            lid = pygame.Rect(0, 0, eye_r * 3.2, eye_r * 1.6)
            lid.center = (x, eye_y)
            pygame.draw.line(surface, th.text, lid.midleft, lid.midright, width)
            pygame.draw.arc(surface, th.text, lid, math.pi * 1.15, math.pi * 1.85, width)
        else:
            pygame.draw.circle(surface, th.text, (x, eye_y), eye_r)
    mouth_y = head_c[1] + head_r * 0.5
    if danger:
        pygame.draw.line(surface, th.text, (head_c[0] - head_r * 0.22, mouth_y),
                         (head_c[0] + head_r * 0.22, mouth_y), width)
        return
    mouth = pygame.Rect(0, 0, head_r * 0.7, head_r * 0.4)
    mouth.center = (head_c[0], head_c[1] + head_r * 0.38)
    pygame.draw.arc(surface, th.text, mouth, math.pi * 1.2, math.pi * 1.8, width)


def _draw_danger_words(surface: pygame.Surface, style: Style, rect: pygame.Rect,
                       body: pygame.Rect, tag_top: int) -> None:
    """"In the danger zone" on the chest, in the danger colour on the panel's: the words
    the breathing meter uses, so the figure and the meter say the same thing. Left out
    when the figure is too narrow or too short for them (the ring and the face still say
    it)."""
    th = style.colours
    words = _("meter.in_danger")
    pad = style.px(WARN_TAG_PAD)
    if text_width(words, style.font_small, True) + 2 * pad > rect.width:
        return
    image = render_text(words, style.font_small, th.danger, True)
    box = image.get_rect(center=body.center).inflate(2 * pad, 2 * pad)
    box.clamp_ip(rect)
    box.bottom = min(box.bottom, tag_top)  # above the figure's name ("Reward pathway")
    if box.top < rect.top:
        return
    pygame.draw.rect(surface, th.panel, box, border_radius=style.px(WARN_TAG_PAD))
    pygame.draw.rect(surface, th.danger, box, style.line_width,
                     border_radius=style.px(WARN_TAG_PAD))
    surface.blit(image, image.get_rect(center=box.center))


def _mix(a, b, share: float) -> tuple[int, int, int]:
    """``a`` moved ``share`` (0..1) of the way towards ``b``."""
    return tuple(round(x + (y - x) * share) for x, y in zip(a[:3], b[:3]))
