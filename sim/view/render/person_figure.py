"""A calm, schematic person: a reward glow in the head and a breathing chest.

TEACHING 5: no suffering or harm imagery. The glow grows with feel-good (blocked
euphoria shows as a glow that stays dark); the chest rises and falls slower and
shallower as breathing falls. Withdrawal is not drawn on the person (a meter and
a short list show it instead).
"""

from __future__ import annotations

import math

import pygame

from sim.view import theme


def draw_person(surface: pygame.Surface, rect: pygame.Rect, euphoria: float,
                breathing: float, t: float, label: str) -> None:
    th = theme.theme()
    pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
    cx = rect.centerx
    scale = min(rect.width / 200, (rect.height - 30) / 260)
    head_r = 46 * scale
    head_c = (cx, rect.top + 20 + head_r)
    # breathing: the chest's rise and fall; slower and shallower as breathing falls
    rate = 0.25 + 0.35 * breathing  # cycles per second
    depth = 10 * scale * max(0.1, breathing)
    chest = depth * (0.5 + 0.5 * math.sin(2 * math.pi * rate * t))
    body = pygame.Rect(0, 0, 150 * scale + chest, 120 * scale)
    body.midtop = (cx, head_c[1] + head_r + 8 * scale)
    pygame.draw.ellipse(surface, th.button, body)
    pygame.draw.ellipse(surface, th.panel_border, body, th.line_width)
    pygame.draw.circle(surface, th.button, head_c, head_r)
    pygame.draw.circle(surface, th.panel_border, head_c, head_r, th.line_width)
    # the reward pathway: a glow inside the head, growing with feel-good
    glow = max(0.0, min(1.0, euphoria))
    core = (head_c[0], head_c[1] - head_r * 0.1)
    halo = pygame.Surface((int(head_r * 2), int(head_r * 2)), pygame.SRCALPHA)
    pulse = 1.0 + 0.08 * math.sin(2 * math.pi * 0.8 * t) * glow
    for i in range(5, 0, -1):
        radius = head_r * 0.15 * i * (0.4 + glow) * pulse
        alpha = int(40 + 160 * glow) // i
        pygame.draw.circle(halo, (*th.good[:3], alpha), (head_r, head_r), radius)
    surface.blit(halo, (core[0] - head_r, core[1] - head_r))
    pygame.draw.circle(surface, th.good if glow > 0.15 else th.panel_border, core,
                       max(3, head_r * 0.14), 0 if glow > 0.15 else 2)
    from sim.view.fonts import render_text

    tag = render_text(label, theme.FONT_SMALL, th.text_muted)
    surface.blit(tag, (rect.centerx - tag.get_width() // 2, rect.bottom - tag.get_height() - 6))
